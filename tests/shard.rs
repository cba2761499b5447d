//! Sharded runs (issue 15): `plan`, `scan --plan --shard`, `reduce`, `redact --plan --shard`
//! and `merge`, each task a separate process of the built binary, selected by the
//! schedulers' index variables. The oracle is one plain `redact` of the same inputs, lists,
//! policy and key: the merged `audit.jsonl` and every output must be byte for byte its, and
//! `summary.json` too apart from the timings. The batch uses `names.scope: batch`, with a
//! person identified in one document and only named by surname in another, so the frozen
//! people index must carry the decision across shards.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support;

use support::shard::{Setup, assert_same_as_single, stderr, summary_without_timings};

#[test]
fn sharded_runs_equal_one_redact_run_for_any_number_of_shards() {
    let setup = Setup::new();
    let single = setup.single();
    // The batch scope carried the person and the client number from a.txt into z.txt.
    assert_eq!(
        std::fs::read_to_string(single.join("z.txt")).unwrap(),
        "Zie het stuk van [5.1.2e] over de planning.\n[5.1.2e] is dubbel.\n"
    );
    let documents = summary_without_timings(&single)["totals"]["documents"]
        .as_u64()
        .unwrap() as usize;
    assert!(documents > 15, "{documents}");
    // More shards than documents: every document alone (a.txt and z.txt in different
    // shards), and some shards empty.
    for shards in [1, 2, 3, documents + 3] {
        let out = setup.sharded(&format!("s{shards}"), shards);
        assert_same_as_single(&setup, &out);
    }
}

#[test]
fn a_shard_run_twice_at_once_or_killed_and_rerun_writes_the_same_bytes() {
    let setup = Setup::new();
    let out = setup.dir.join("twice");
    setup.plan(&out, 2);
    setup.all_shards("scan", &out, 2);
    // A scan shard run again (a retry after success) finds the same bytes: success; scan
    // writes no digest, so it needs no key.
    let r = setup
        .bin()
        .args(["scan", "--plan"])
        .arg(&out)
        .args(["--shard", "1"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    // The state digest may come from the environment, as a Job passes it.
    setup.reduce(&out);
    let r = setup
        .task("redact", &out, 0, 0)
        .env("WOO_REDACT_STATE_DIGEST", "0".repeat(64))
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    // Shard 0 twice at the same time, as a scheduler without podReplacementPolicy may run a
    // replacement pod beside the old one.
    for r in setup.twice_at_once("redact", &out, 0) {
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    }
    // Shard 1 killed (SIGKILL) once it has completed its first document, then run again: it
    // takes over what the killed attempt completed.
    let records = out.join(".woo-redact/shards/pass2/shard-00001.docs");
    let done = out.join(".woo-redact/shards/pass2/shard-00001.done");
    let mut child = setup.task("redact", &out, 1, 3).spawn().unwrap();
    let started = std::time::Instant::now();
    let count = || std::fs::read_dir(&records).map_or(0, |d| d.count());
    while count() == 0 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(count() > 0, "a document was completed before the kill");
    let completed = done.exists();
    let r = setup
        .bin()
        .args(["redact", "--plan"])
        .arg(&out)
        .args(["--shard", "auto", "--audit-key"])
        .arg(setup.dir.join("key"))
        .env("NOMAD_ALLOC_INDEX", "1")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let expected = if completed {
        "already complete"
    } else {
        "taken over from an earlier attempt"
    };
    assert!(stderr(&r).contains(expected), "{}", stderr(&r));
    // Merge writes no digest: it runs without the key too, and its summary still names the
    // key as the plan was given it (a file), as the single run's does.
    let r = setup
        .bin()
        .args(["merge", "--plan"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert_same_as_single(&setup, &out);
}

#[test]
fn a_second_writer_with_other_bytes_reports_non_determinism() {
    let setup = Setup::new();
    let out = setup.dir.join("nondet");
    setup.plan(&out, 2);
    setup.all_shards("scan", &out, 2);
    setup.reduce(&out);
    setup.all_shards("redact", &out, 2);
    // As if an earlier attempt had written other audit lines and died before its marker.
    let shards = out.join(".woo-redact/shards/pass2");
    std::fs::remove_file(shards.join("shard-00000.done")).unwrap();
    let audit = shards.join("shard-00000.audit.jsonl");
    let mut bytes = std::fs::read(&audit).unwrap();
    bytes.extend_from_slice(b"{}\n");
    std::fs::write(&audit, bytes).unwrap();
    let r = setup.task("redact", &out, 0, 0).output().unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(stderr(&r).contains("non-determinism"), "{}", stderr(&r));
    // The merge refuses the incomplete shard.
    let r = setup.merge(&out);
    assert_eq!(r.status.code(), Some(3), "{}", stderr(&r));
    assert!(!out.join("audit.jsonl").exists());
}

#[test]
fn a_wrong_state_digest_or_another_key_is_refused() {
    let setup = Setup::new();
    let out = setup.dir.join("refused");
    setup.plan(&out, 3);
    // Before every scan shard is done: reduce is incomplete (exit 3), not an error to stop.
    let r = setup.step("reduce", &out).output().unwrap();
    assert_eq!(r.status.code(), Some(3), "{}", stderr(&r));
    setup.all_shards("scan", &out, 3);
    let digest = setup.reduce(&out);
    assert_eq!(digest.len(), 64);
    // Reduce again: the same state.
    assert_eq!(setup.reduce(&out), digest);

    let wrong = "0".repeat(64);
    let r = setup
        .task("redact", &out, 0, 0)
        .args(["--state-digest", &wrong])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(stderr(&r).contains("refused"), "{}", stderr(&r));
    let pass2 = out.join(".woo-redact/shards/pass2");
    assert!(!pass2.join("shard-00000.done").exists());
    // The right digest runs.
    let r = setup
        .task("redact", &out, 0, 1)
        .args(["--state-digest", &digest])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));

    // Another key than the plan's.
    let other = setup.dir.join("other-key");
    std::fs::write(&other, "another key material, also long").unwrap();
    let r = setup
        .bin()
        .args(["redact", "--plan"])
        .arg(&out)
        .args(["--shard", "1", "--audit-key"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(stderr(&r).contains("audit key"), "{}", stderr(&r));

    // A people index changed after the reduce: refused, whatever digest is given.
    let people = out.join(".woo-redact/shards/state/people.jsonl");
    let original = std::fs::read(&people).unwrap();
    std::fs::write(&people, b"[\"jansen\",null,null]\n").unwrap();
    let r = setup.task("redact", &out, 1, 2).output().unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    std::fs::write(&people, original).unwrap();

    // Merging before every redact shard is done: incomplete.
    let r = setup.merge(&out);
    assert_eq!(r.status.code(), Some(3), "{}", stderr(&r));

    // Another frozen state (same content, other bytes: another digest) after shard 0 ran
    // with the first: the shard refuses to run again, and the merge refuses the mix.
    let state = out.join(".woo-redact/shards/state/state.json");
    let mut text = std::fs::read_to_string(&state).unwrap();
    text.push('\n');
    std::fs::write(&state, text).unwrap();
    let r = setup.task("redact", &out, 0, 3).output().unwrap();
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("another plan or state"),
        "{}",
        stderr(&r)
    );
    for k in 1..3 {
        let r = setup.task("redact", &out, k, k).output().unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    }
    let r = setup.merge(&out);
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(!out.join("audit.jsonl").exists());
}

#[test]
fn shard_selection_errors_are_usage_errors() {
    let setup = Setup::new();
    let out = setup.dir.join("usage");
    setup.plan(&out, 2);
    // No index variable.
    let r = setup
        .step("scan", &out)
        .args(["--shard", "auto"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("JOB_COMPLETION_INDEX"),
        "{}",
        stderr(&r)
    );
    // Out of range, from a variable and as a number.
    let r = setup.task("scan", &out, 2, 0).output().unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("out of range"), "{}", stderr(&r));
    let r = setup
        .step("scan", &out)
        .args(["--shard", "7"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    // A plan needs a key; a second plan into the same folder needs --overwrite.
    let r = setup
        .bin()
        .args(["plan", "--shards", "2", "--out"])
        .arg(setup.dir.join("nokey"))
        .arg(setup.dir.join("in"))
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    let again = setup
        .with_inputs("plan", &out)
        .args(["--shards", "3"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    let again = setup
        .with_inputs("plan", &out)
        .args(["--shards", "3", "--overwrite"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    // No plan at all.
    let r = setup.step("merge", &setup.dir.join("in")).output().unwrap();
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
}

#[test]
fn merge_finds_a_lost_output_and_the_shard_run_again_restores_it() {
    let setup = Setup::new();
    let out = setup.dir.join("lost");
    setup.plan(&out, 2);
    setup.all_shards("scan", &out, 2);
    setup.all_shards("redact", &out, 2);
    let lost = out.join("z.txt");
    std::fs::remove_file(&lost).unwrap();
    let r = setup.merge(&out);
    assert_eq!(r.status.code(), Some(42), "{}", stderr(&r));
    assert!(stderr(&r).contains("`z.txt` is missing"), "{}", stderr(&r));
    assert!(!out.join("audit.jsonl").exists());
    // As the message says: the shard's marker removed, the shard run again.
    let marker = stderr(&r)
        .split("remove ")
        .nth(1)
        .and_then(|rest| rest.split(" and run").next())
        .unwrap()
        .to_string();
    std::fs::remove_file(out.join(&marker)).unwrap();
    for k in 0..2 {
        let r = setup.task("redact", &out, k, k).output().unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    }
    let r = setup.merge(&out);
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert_same_as_single(&setup, &out);
}

/// Planted in the batch for the duplicate groups: an exact duplicate (in another folder, so
/// in another shard), a near-duplicate and a reply quoting a mail.
fn plant_duplicates(input: &Path) {
    const NOTE: &str = "Het overleg over de subsidie voor het project in de regio is op \
        dinsdag gehouden en de deelnemers hebben afgesproken dat de verlenging tot het einde \
        van het jaar loopt omdat de eerste fase goede resultaten heeft opgeleverd.\n";
    const MAIL: &str = "Van: secretariaat\nAan: projectteam\nOnderwerp: subsidie\n\n\
        Kunnen jullie voor vrijdag de cijfers van de eerste fase sturen?\n";
    std::fs::write(input.join("dup-notitie.txt"), NOTE).unwrap();
    std::fs::write(input.join("map-2/notitie-kopie.txt"), NOTE).unwrap();
    std::fs::write(
        input.join("map-1/notitie-v2.txt"),
        NOTE.replace("dinsdag", "woensdag"),
    )
    .unwrap();
    std::fs::write(input.join("map-0/vraag.txt"), MAIL).unwrap();
    std::fs::write(
        input.join("map-2/antwoord.txt"),
        format!("Van: projectteam\nAan: secretariaat\nOnderwerp: RE: subsidie\n\nDe cijfers volgen morgen.\n\n{MAIL}"),
    )
    .unwrap();
}

/// The frozen state's content: the people index, the groups' files and `state.json` without
/// what names the plan (its hash and the shards' facts hashes).
fn frozen_state(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = out.join(".woo-redact/shards/state");
    let mut files = support::shard::snapshot(&dir);
    let mut state: serde_json::Value =
        serde_json::from_slice(&files.remove("state.json").unwrap()).unwrap();
    let state = state.as_object_mut().unwrap();
    state.remove("plan").unwrap();
    state.remove("facts_blake3").unwrap();
    files.insert("state.json".into(), serde_json::to_vec(state).unwrap());
    files
}

#[test]
fn the_frozen_groups_are_the_same_for_one_and_three_shards_and_a_scan_rerun_writes_the_same_facts()
{
    let setup = Setup::new();
    plant_duplicates(&setup.dir.join("in"));
    let mut states = Vec::new();
    for shards in [1, 3] {
        let out = setup.dir.join(format!("s{shards}"));
        setup.plan(&out, shards);
        setup.all_shards("scan", &out, shards);
        setup.reduce(&out);
        states.push((out.clone(), frozen_state(&out)));
    }
    let (out, state) = &states[1];
    assert_eq!(&states[0].1, state, "the same state for 1 and 3 shards");
    let record: serde_json::Value = serde_json::from_slice(&state["state.json"]).unwrap();
    let groups = &record["groups"];
    assert_eq!(groups["duplicate_groups"], 1, "{record}");
    assert_eq!(groups["near_groups"], 1, "{record}");
    assert!(groups["threads"].as_u64().unwrap() >= 1, "{record}");
    // The documents by `seq`, from the plan's manifest.
    let mut documents = Vec::new();
    for k in 0..3 {
        let manifest = out.join(format!(".woo-redact/shards/manifest/shard-{k:05}.jsonl"));
        for line in std::fs::read_to_string(manifest).unwrap().lines() {
            let entry: serde_json::Value = serde_json::from_str(line).unwrap();
            documents.push(entry["document"].as_str().unwrap().to_string());
        }
    }
    let names = |file: &str| -> Vec<Vec<String>> {
        String::from_utf8(state[file].clone())
            .unwrap()
            .lines()
            .map(|l| {
                let group: Vec<serde_json::Value> = serde_json::from_str(l).unwrap();
                // A near-duplicate member is `[seq, shared, union]`.
                let seq = |v: &serde_json::Value| v.as_u64().or(v[0].as_u64()).unwrap();
                group
                    .iter()
                    .map(|v| documents[seq(v) as usize].clone())
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        names("duplicates.jsonl"),
        [["dup-notitie.txt", "map-2/notitie-kopie.txt"]]
    );
    assert_eq!(
        names("near.jsonl"),
        [["dup-notitie.txt", "map-1/notitie-v2.txt"]]
    );
    assert!(
        names("threads.jsonl").contains(&vec![
            "map-0/vraag.txt".to_string(),
            "map-2/antwoord.txt".to_string()
        ]),
        "{:?}",
        names("threads.jsonl")
    );
    // Nothing of a document's text: the groups name documents by number only.
    for file in [
        "duplicates.jsonl",
        "near.jsonl",
        "threads.jsonl",
        "state.json",
    ] {
        let text = String::from_utf8(state[file].clone()).unwrap();
        assert!(
            !text.contains("subsidie") && !text.contains(".txt"),
            "{file}"
        );
    }

    // Scan shard 1 again from nothing, with other threads: the same bytes.
    let pass1 = out.join(".woo-redact/shards/pass1");
    let before = support::shard::snapshot(&pass1);
    let shard1: Vec<&String> = before
        .keys()
        .filter(|n| n.contains("shard-00001"))
        .collect();
    assert_eq!(shard1.len(), 4, "{shard1:?}");
    for name in &shard1 {
        std::fs::remove_file(pass1.join(name)).unwrap();
    }
    let r = setup
        .step("scan", out)
        .args(["--shard", "1", "--jobs", "2"])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(
        support::shard::snapshot(&pass1) == before,
        "scan wrote other bytes"
    );
}
