//! Sharded runs (issue 15): `plan`, `scan --plan --shard`, `reduce`, `redact --plan --shard`
//! and `merge`, each task a separate process of the built binary, selected by the
//! schedulers' index variables. The oracle is one plain `redact` of the same inputs, lists,
//! policy and key: the merged `audit.jsonl` and every output must be byte for byte its, and
//! `summary.json` too apart from the timings. The batch uses `names.scope: batch`, with a
//! person identified in one document and only named by surname in another, so the frozen
//! people index must carry the decision across shards.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;
use support::corpus::{self, Rng, World};

const KEY: &str = "shard test key material, not secret";

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Setup {
    /// Generated documents in nested folders, two PDFs, the batch-scope pair, a file that is
    /// skipped and one that fails.
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let world = World::new(15, 200);
        let mut rng = Rng::new(15).fork();
        let docs = corpus::corpus(&world, &mut rng, 14);
        corpus::write_corpus(&dir.join("corpus"), &world, &docs).unwrap();
        let input = dir.join("in");
        for (i, d) in docs.iter().enumerate() {
            let sub = input.join(format!("map-{}", i % 3));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::rename(dir.join("corpus/docs").join(&d.name), sub.join(&d.name)).unwrap();
        }
        // A name at the top level and inside a folder sort differently as whole strings
        // (`map-0/…` against `map.txt`) than by component: the plan keeps `redact`'s order.
        std::fs::write(input.join("map.txt"), "Bel 06-12345678.\n").unwrap();
        // Identified in a.txt (a mail header), only a surname in z.txt: with the batch scope
        // it is removed in both, whichever shards they fall in.
        std::fs::write(
            input.join("a.txt"),
            "Van: Kees Oosterwijk <k.oosterwijk@example.nl>\nOnderwerp: planning\n",
        )
        .unwrap();
        std::fs::write(
            input.join("z.txt"),
            "Zie het stuk van Oosterwijk over de planning.\n",
        )
        .unwrap();
        std::fs::write(input.join("planning.xlsx"), "not a document").unwrap();
        std::fs::write(input.join("kapot.pdf"), "%PDF-1.7 garbage").unwrap();
        let pdfs = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
        for name in ["kerned_tj.pdf", "lo_letter.pdf"] {
            std::fs::copy(pdfs.join(name), input.join(name)).unwrap();
        }
        std::fs::write(dir.join("key"), KEY).unwrap();
        std::fs::write(dir.join("policy.json"), r#"{"names": {"scope": "batch"}}"#).unwrap();
        Setup { _tmp: tmp, dir }
    }

    fn bin(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_woo-redact"));
        c.env_remove("WOO_REDACT_AUDIT_KEY")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8");
        for v in [
            "JOB_COMPLETION_INDEX",
            "SLURM_ARRAY_TASK_ID",
            "SLURM_ARRAY_TASK_MIN",
            "AWS_BATCH_JOB_ARRAY_INDEX",
            "NOMAD_ALLOC_INDEX",
        ] {
            c.env_remove(v);
        }
        c
    }

    /// `redact` or `plan` with the inputs, the lists, the policy and the key.
    fn with_inputs(&self, command: &str, out: &Path) -> Command {
        let corpus = self.dir.join("corpus");
        let mut c = self.bin();
        c.arg(command)
            .arg(self.dir.join("in"))
            .arg("--out")
            .arg(out)
            .arg("--staff")
            .arg(corpus.join("staff.csv"))
            .arg("--public")
            .arg(corpus.join("public.txt"))
            .arg("--keep")
            .arg(corpus.join("keep.txt"))
            .arg("--config")
            .arg(self.dir.join("policy.json"))
            .arg("--audit-key")
            .arg(self.dir.join("key"))
            .args(["-q", "--no-ocr"]);
        c
    }

    /// A step on the plan in `out` (`scan`, `redact`, `reduce`, `merge`).
    fn step(&self, command: &str, out: &Path) -> Command {
        let mut c = self.bin();
        c.arg(command)
            .arg("--plan")
            .arg(out)
            .arg("--audit-key")
            .arg(self.dir.join("key"))
            .arg("-q");
        c
    }

    /// A shard task, selected by the scheduler variable of `scheduler` (as each engine sets
    /// it).
    fn task(&self, command: &str, out: &Path, k: usize, scheduler: usize) -> Command {
        let mut c = self.step(command, out);
        c.args(["--shard", "auto", "--jobs", "1"]);
        match scheduler % 4 {
            0 => c.env("JOB_COMPLETION_INDEX", k.to_string()),
            1 => c
                .env("SLURM_ARRAY_TASK_ID", (k + 1).to_string())
                .env("SLURM_ARRAY_TASK_MIN", "1"),
            2 => c.env("AWS_BATCH_JOB_ARRAY_INDEX", k.to_string()),
            _ => c.env("NOMAD_ALLOC_INDEX", k.to_string()),
        };
        c
    }

    fn single(&self) -> PathBuf {
        let out = self.dir.join("single");
        if !out.exists() {
            let r = self.with_inputs("redact", &out).output().unwrap();
            assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
        }
        out
    }

    fn plan(&self, out: &Path, shards: usize) {
        let r = self
            .with_inputs("plan", out)
            .args(["--shards", &shards.to_string()])
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    }

    /// Every shard of `command` as a separate process, all at once; they must all succeed.
    fn all_shards(&self, command: &str, out: &Path, shards: usize) {
        let children: Vec<Child> = (0..shards)
            .map(|k| {
                self.task(command, out, k, k)
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for (k, child) in children.into_iter().enumerate() {
            let r = child.wait_with_output().unwrap();
            assert_eq!(r.status.code(), Some(0), "{command} {k}: {}", stderr(&r));
        }
    }

    fn reduce(&self, out: &Path) -> String {
        let r = self.step("reduce", out).output().unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
        String::from_utf8(r.stdout).unwrap().trim().to_string()
    }

    fn merge(&self, out: &Path) -> Output {
        self.step("merge", out).output().unwrap()
    }

    /// The whole sharded run: plan, scan, reduce, redact, merge.
    fn sharded(&self, name: &str, shards: usize) -> PathBuf {
        let out = self.dir.join(name);
        self.plan(&out, shards);
        self.all_shards("scan", &out, shards);
        if shards == 2 {
            // Without a reduce first, the redact shards freeze the state themselves (all at
            // once, to the same bytes); a reduce afterwards finds the same state.
            self.all_shards("redact", &out, shards);
            let digest = self.reduce(&out);
            let state = out.join(".woo-redact/shards/state/state.json");
            let bytes = std::fs::read(state).unwrap();
            assert_eq!(blake3::hash(&bytes).to_hex().as_str(), digest);
        } else {
            self.reduce(&out);
            self.all_shards("redact", &out, shards);
        }
        let r = self.merge(&out);
        // Exit 1 as the single run: one document failed, one was skipped.
        assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
        out
    }
}

fn stderr(r: &Output) -> String {
    String::from_utf8_lossy(&r.stderr).into_owned()
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `summary.json` without the timings.
fn summary_without_timings(dir: &Path) -> Value {
    let mut v: Value =
        serde_json::from_slice(&std::fs::read(dir.join("summary.json")).unwrap()).unwrap();
    let totals = v["totals"].as_object_mut().unwrap();
    totals.remove("elapsed_seconds").unwrap();
    totals.remove("throughput_mb_per_s").unwrap();
    v
}

/// The sharded result is the single run's: the same files, each byte for byte, the summary
/// apart from its timings; no plan files left.
fn assert_same_as_single(setup: &Setup, out: &Path) {
    let single = setup.single();
    let mut expected = snapshot(&single);
    let mut got = snapshot(out);
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        got.keys().collect::<Vec<_>>(),
        "the same files"
    );
    assert_eq!(
        summary_without_timings(&single),
        summary_without_timings(out)
    );
    expected.remove("summary.json");
    got.remove("summary.json");
    for (name, bytes) in &expected {
        assert!(got[name] == *bytes, "{name} differs from the single run's");
    }
}

#[test]
fn sharded_runs_equal_one_redact_run_for_any_number_of_shards() {
    let setup = Setup::new();
    let single = setup.single();
    // The batch scope carried the person from a.txt into z.txt.
    assert_eq!(
        std::fs::read_to_string(single.join("z.txt")).unwrap(),
        "Zie het stuk van [5.1.2e] over de planning.\n"
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
    let both: Vec<Child> = (0..2)
        .map(|i| {
            setup
                .task("redact", &out, 0, i)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in both {
        let r = child.wait_with_output().unwrap();
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
