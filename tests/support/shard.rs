//! The batch and the steps of the sharded-run tests (`tests/shard.rs`,
//! `tests/shard_storage.rs`): a generated batch in nested folders, and each step of a sharded
//! run as a separate process of the built binary.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

use super::corpus::{self, Rng, World};

pub const KEY: &str = "shard test key material, not secret";

pub struct Setup {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    /// Variables every process gets (the object store's endpoint and credentials).
    pub env: Vec<(String, String)>,
}

impl Setup {
    /// Generated documents in nested folders, two PDFs, the batch-scope pair, a file that is
    /// skipped and one that fails.
    pub fn new() -> Setup {
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
        // it is removed in both, whichever shards they fall in. So is the client number
        // labelled in a.txt and bare in z.txt.
        std::fs::write(
            input.join("a.txt"),
            "Van: Kees Oosterwijk <k.oosterwijk@example.nl>\nOnderwerp: planning\n\
             Klantnummer: CL-004471\n",
        )
        .unwrap();
        std::fs::write(
            input.join("z.txt"),
            "Zie het stuk van Oosterwijk over de planning.\nCL-004471 is dubbel.\n",
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
        Setup {
            _tmp: tmp,
            dir,
            env: Vec::new(),
        }
    }

    pub fn bin(&self) -> Command {
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
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }

    /// Shard `k` of `command` run twice at the same time, as a scheduler may (a replacement
    /// pod beside the old one); each run's output.
    pub fn twice_at_once(&self, command: &str, out: &Path, k: usize) -> Vec<Output> {
        let both: Vec<Child> = (0..2)
            .map(|i| {
                self.task(command, out, k, i)
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        both.into_iter()
            .map(|child| child.wait_with_output().unwrap())
            .collect()
    }

    /// `redact` or `plan` with the inputs, the lists, the policy and the key.
    pub fn with_inputs(&self, command: &str, out: &Path) -> Command {
        self.with_inputs_from(command, &self.dir.join("in"), out)
    }

    /// As [`Setup::with_inputs`], with the inputs at `input` (a path or a URL).
    pub fn with_inputs_from(&self, command: &str, input: &Path, out: &Path) -> Command {
        let corpus = self.dir.join("corpus");
        let mut c = self.bin();
        c.arg(command)
            .arg(input)
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
    pub fn step(&self, command: &str, out: &Path) -> Command {
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
    pub fn task(&self, command: &str, out: &Path, k: usize, scheduler: usize) -> Command {
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

    pub fn single(&self) -> PathBuf {
        let out = self.dir.join("single");
        if !out.exists() {
            let r = self.with_inputs("redact", &out).output().unwrap();
            assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
        }
        out
    }

    pub fn plan(&self, out: &Path, shards: usize) {
        let r = self
            .with_inputs("plan", out)
            .args(["--shards", &shards.to_string()])
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    }

    /// Every shard of `command` as a separate process, all at once; they must all succeed.
    pub fn all_shards(&self, command: &str, out: &Path, shards: usize) {
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

    pub fn reduce(&self, out: &Path) -> String {
        let r = self.step("reduce", out).output().unwrap();
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
        String::from_utf8(r.stdout).unwrap().trim().to_string()
    }

    pub fn merge(&self, out: &Path) -> Output {
        self.step("merge", out).output().unwrap()
    }

    /// The whole sharded run: plan, scan, reduce, redact, merge.
    pub fn sharded(&self, name: &str, shards: usize) -> PathBuf {
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

pub fn stderr(r: &Output) -> String {
    String::from_utf8_lossy(&r.stderr).into_owned()
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    pub fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
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
pub fn summary_without_timings(dir: &Path) -> Value {
    let mut v: Value =
        serde_json::from_slice(&std::fs::read(dir.join("summary.json")).unwrap()).unwrap();
    let totals = v["totals"].as_object_mut().unwrap();
    totals.remove("elapsed_seconds").unwrap();
    totals.remove("throughput_mb_per_s").unwrap();
    v
}

/// The sharded result is the single run's: the same files, each byte for byte, the summary
/// apart from its timings; no plan files left.
pub fn assert_same_as_single(setup: &Setup, out: &Path) {
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
