//! Crash safety and `--resume` (issue 5): a real batch (the built binary, two workers, a few
//! hundred generated documents) is killed with SIGKILL at several moments and resumed each
//! time. After every kill, every file under its final name is complete; at the end, the audit
//! log is byte for byte that of an uninterrupted run, with every document's records exactly
//! once, and every output is identical.

use crate::support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use support::corpus::{self, Rng, World};

const KEY: &str = "resume test key material, not secret";

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    /// Pass `--audit-key`; without it each run draws a random key.
    keyed: bool,
}

impl Setup {
    /// A few hundred generated text documents in nested directories, a few PDFs, and the
    /// corpus lists.
    fn new(docs: usize) -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let world = World::new(5, 300);
        let mut rng = Rng::new(5).fork();
        let docs = corpus::corpus(&world, &mut rng, docs);
        corpus::write_corpus(&dir.join("corpus"), &world, &docs).unwrap();
        // Spread the documents over subdirectories, as an export would.
        let input = dir.join("in");
        for (i, d) in docs.iter().enumerate() {
            let sub = input.join(format!("map-{}", i % 7));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::rename(dir.join("corpus/docs").join(&d.name), sub.join(&d.name)).unwrap();
        }
        let pdfs = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
        for name in [
            "kerned_tj.pdf",
            "rl_std14.pdf",
            "type3.pdf",
            "lo_letter.pdf",
        ] {
            std::fs::copy(pdfs.join(name), input.join(name)).unwrap();
        }
        std::fs::write(dir.join("key"), KEY).unwrap();
        Setup {
            _tmp: tmp,
            dir,
            keyed: true,
        }
    }

    fn command(&self, out: &Path, resume: bool) -> Command {
        let corpus = self.dir.join("corpus");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_woo-redact"));
        cmd.arg("redact")
            .arg(self.dir.join("in"))
            .arg("--out")
            .arg(out)
            .arg("--staff")
            .arg(corpus.join("staff.csv"))
            .arg("--public")
            .arg(corpus.join("public.txt"))
            .arg("--keep")
            .arg(corpus.join("keep.txt"))
            .args(["--jobs", "2"])
            .env_remove("WOO_REDACT_AUDIT_KEY")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if resume {
            cmd.arg("--resume");
        }
        if self.keyed {
            cmd.arg("--audit-key").arg(self.dir.join("key"));
        }
        cmd
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if let Ok(bytes) = std::fs::read(&p) {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The files a run leaves under their final names: outputs, `audit.jsonl`, `summary.json`
/// (not the work directory).
fn finals(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut s = snapshot(dir);
    s.retain(|name, _| !name.starts_with(".woo-redact/"));
    s
}

/// The completion records in the work directory's journal so far (one line each).
fn journal_lines(out: &Path) -> usize {
    std::fs::read(out.join(".woo-redact/journal"))
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
}

#[test]
fn a_killed_batch_resumes_to_exactly_the_uninterrupted_result() {
    let setup = Setup::new(300);

    // The uninterrupted run.
    let reference_dir = setup.dir.join("reference");
    let started = Instant::now();
    let r = setup.command(&reference_dir, false).output().unwrap();
    let full = started.elapsed();
    assert_eq!(
        r.status.code(),
        Some(1), // type3.pdf fails: it needs manual review
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let reference = finals(&reference_dir);
    let audit = reference["audit.jsonl"].clone();
    assert!(audit.len() > 10_000);
    assert!(!reference_dir.join(".woo-redact").exists());
    let per_document = |audit: &[u8]| -> BTreeMap<String, Vec<u64>> {
        let mut m: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for line in String::from_utf8_lossy(audit).lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            m.entry(v["document"].as_str().unwrap().to_string())
                .or_default()
                .push(v["item"].as_u64().unwrap());
        }
        m
    };
    // Every document's items once each, numbered 1..n.
    for (doc, items) in per_document(&audit) {
        assert_eq!(items, (1..=items.len() as u64).collect::<Vec<_>>(), "{doc}");
    }

    // Kill at several moments, resuming each time; check what is on disk after each kill.
    // The moments are set by progress (completion records on disk), not by the clock, so the
    // test kills mid-batch whether the build is fast or slow: first before any record, then
    // after a growing share of the documents.
    let out = setup.dir.join("out");
    let records = || journal_lines(&out);
    let targets = [0, 10, 60, 120, 180, 240, 280];
    let mut killed = 0;
    for (round, target) in targets.iter().enumerate() {
        let mut child = setup.command(&out, round > 0).spawn().unwrap();
        let mut finished = false;
        if *target == 0 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        while records() < *target {
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(300));
        }
        finished |= child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        eprintln!(
            "round {round}: {} at target {target}, {} completion records",
            if finished { "finished" } else { "killed" },
            records()
        );
        for (name, bytes) in finals(&out) {
            assert!(
                !name.ends_with(".tmp"),
                "round {round}: temporary file {name}"
            );
            let expected = reference
                .get(&name)
                .unwrap_or_else(|| panic!("round {round}: {name} is not an output"));
            if name == "summary.json" {
                continue; // times differ
            }
            assert!(
                &bytes == expected,
                "round {round}: {name} is under its final name but differs (partial?)"
            );
        }
        if !finished {
            assert!(
                !out.join("audit.jsonl").exists() || out.join(".woo-redact").exists(),
                "round {round}: an audit log from an incomplete run"
            );
        }
    }
    assert!(
        killed >= 5,
        "only {killed} runs were killed before they finished"
    );

    // Resume to the end.
    let r = setup.command(&out, true).output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    let resumed = finals(&out);
    assert!(
        resumed["audit.jsonl"] == audit,
        "the resumed audit log differs from the uninterrupted one"
    );
    assert_eq!(per_document(&resumed["audit.jsonl"]), per_document(&audit));
    for (name, bytes) in &reference {
        if name != "summary.json" {
            assert!(
                resumed.get(name) == Some(bytes),
                "{name} differs after resuming"
            );
        }
    }
    assert_eq!(
        resumed.keys().collect::<Vec<_>>(),
        reference.keys().collect::<Vec<_>>()
    );
    assert!(
        !out.join(".woo-redact").exists(),
        "work directory left behind"
    );
    let summary: serde_json::Value = serde_json::from_slice(&resumed["summary.json"]).unwrap();
    let totals = &summary["totals"];
    eprintln!("uninterrupted run {full:?}; final run: {totals}");
    assert!(
        totals["resumed"].as_u64().unwrap() > 0,
        "nothing was taken over: {totals}"
    );
    let reference_summary: serde_json::Value =
        serde_json::from_slice(&reference["summary.json"]).unwrap();
    for field in [
        "documents",
        "redacted",
        "unchanged",
        "failed",
        "removals",
        "per_ground",
    ] {
        assert_eq!(totals[field], reference_summary["totals"][field], "{field}");
    }
    assert!(
        stderr.contains("taken over from the interrupted run"),
        "{stderr}"
    );
}

/// Without an audit key, each run draws a random key. The interrupted run keeps its key in
/// the work directory, so the resumed run takes its documents over under the same key; the
/// result is that of an uninterrupted run apart from the digests (another random key), and
/// the key is gone once the run completes.
#[test]
fn a_run_with_a_random_key_resumes_too() {
    let mut setup = Setup::new(120);
    setup.keyed = false;
    let without_digests = |audit: &[u8]| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(audit)
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                assert!(v["digest"].as_str().is_some_and(|d| d.len() == 64));
                v.as_object_mut().unwrap().remove("digest");
                v
            })
            .collect()
    };
    let reference_dir = setup.dir.join("reference");
    setup.command(&reference_dir, false).output().unwrap();
    let reference = finals(&reference_dir);

    let out = setup.dir.join("out");
    let mut child = setup.command(&out, false).spawn().unwrap();
    while journal_lines(&out) < 40 {
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        std::thread::sleep(std::time::Duration::from_micros(300));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(out.join(".woo-redact/run-key").exists());

    let r = setup.command(&out, true).output().unwrap();
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let resumed = finals(&out);
    let summary: serde_json::Value = serde_json::from_slice(&resumed["summary.json"]).unwrap();
    assert!(
        summary["totals"]["resumed"].as_u64().unwrap() >= 40,
        "{summary}"
    );
    assert_eq!(
        without_digests(&resumed["audit.jsonl"]),
        without_digests(&reference["audit.jsonl"])
    );
    for (name, bytes) in &reference {
        if !matches!(name.as_str(), "summary.json" | "audit.jsonl") {
            assert!(resumed.get(name) == Some(bytes), "{name} differs");
        }
    }
    assert!(
        !out.join(".woo-redact").exists(),
        "the kept key outlived the run"
    );
}

/// Changes one letter of the first entry's name (the first field of the first line after
/// `skip` lines): a name of the same length.
fn change_one_name(path: &Path, skip: usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let line = &mut lines[skip];
    let end = line.find(',').unwrap_or(line.len());
    let at = line[..end].rfind(|c: char| c.is_ascii_lowercase()).unwrap();
    let new = if &line[at..at + 1] == "x" { "y" } else { "x" };
    line.replace_range(at..at + 1, new);
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The configuration fingerprint hashes the lists' content (issue 11): after one staff name,
/// or one public name, is changed for another of the same length, `--resume` (same key)
/// redoes every document an interrupted run completed; with the lists unchanged it takes
/// them over.
#[test]
fn a_changed_staff_or_public_name_redoes_the_documents_on_resume() {
    let setup = Setup::new(150);
    let out = setup.dir.join("out");
    let records = || journal_lines(&out);
    // A run killed once it has completed some documents.
    let interrupt = || {
        let mut child = setup.command(&out, false).spawn().unwrap();
        while records() < 20 {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run finished before it could be killed"
            );
            std::thread::sleep(std::time::Duration::from_micros(300));
        }
        child.kill().unwrap();
        child.wait().unwrap();
    };
    // The documents the resumed run took over.
    let resume = || {
        let r = setup.command(&out, true).output().unwrap();
        assert_eq!(
            r.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
        let summary: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
        summary["totals"]["resumed"].as_u64().unwrap()
    };
    interrupt();
    assert!(
        resume() >= 20,
        "unchanged lists: the completed documents are taken over"
    );
    let corpus = setup.dir.join("corpus");
    for (list, skip) in [("staff.csv", 1), ("public.txt", 0)] {
        interrupt();
        change_one_name(&corpus.join(list), skip);
        assert_eq!(
            resume(),
            0,
            "{list}: one name changed, every document redone"
        );
    }
}

/// A power cut can tear the journal's last line, or leave a line with garbage in it. Such a
/// line does not count: its document is redone, every other completed document is taken
/// over, and the result is still that of an uninterrupted run.
#[test]
fn a_torn_or_damaged_journal_redoes_only_those_documents() {
    let setup = Setup::new(120);
    let reference_dir = setup.dir.join("reference");
    setup.command(&reference_dir, false).output().unwrap();
    let reference = finals(&reference_dir);

    let out = setup.dir.join("out");
    let mut child = setup.command(&out, false).spawn().unwrap();
    while journal_lines(&out) < 40 {
        assert!(child.try_wait().unwrap().is_none(), "finished too soon");
        std::thread::sleep(std::time::Duration::from_micros(300));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // The whole lines that are completion records (not the void marks of failed documents).
    let path = out.join(".woo-redact/journal");
    let bytes = std::fs::read(&path).unwrap();
    let mut lines: Vec<Vec<u8>> = bytes
        .split_inclusive(|&c| c == b'\n')
        .filter(|l| l.ends_with(b"\n"))
        .map(<[u8]>::to_vec)
        .collect();
    let is_record = |l: &[u8]| !String::from_utf8_lossy(l).contains("\"forgotten\":true");
    let records: Vec<usize> = (0..lines.len()).filter(|&i| is_record(&lines[i])).collect();
    assert!(records.len() >= 40);
    // One byte changed in the JSON of a record in the middle; the last record cut in half.
    let middle = records[records.len() / 2];
    lines[middle][60] ^= 0x01;
    let last = *records.last().unwrap();
    lines.truncate(last + 1);
    let half = lines[last].len() / 2;
    lines[last].truncate(half);
    std::fs::write(&path, lines.concat()).unwrap();

    let r = setup.command(&out, true).output().unwrap();
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let resumed = finals(&out);
    for (name, bytes) in &reference {
        if name != "summary.json" {
            assert!(resumed.get(name) == Some(bytes), "{name} differs");
        }
    }
    assert_eq!(
        resumed.keys().collect::<Vec<_>>(),
        reference.keys().collect::<Vec<_>>()
    );
    let summary: serde_json::Value = serde_json::from_slice(&resumed["summary.json"]).unwrap();
    assert_eq!(
        summary["totals"]["resumed"].as_u64().unwrap() as usize,
        records.len() - 2,
        "every whole, undamaged record taken over; the damaged and the torn one redone"
    );
}
