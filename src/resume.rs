//! Crash safety and resuming: the work directory of a batch.
//!
//! A batch of 20,000 documents runs for hours and may be killed at any moment (`SIGKILL`, a
//! power cut, a full disk). What it leaves behind must never be mistaken for a result, and a
//! second run with `--resume` must finish the job without redoing what is done, ending with
//! exactly the files an uninterrupted run writes.
//!
//! # Design
//!
//! Every run keeps its state in a work directory inside the output directory,
//! `OUT/.woo-redact/` ([`WORK_DIR`]):
//!
//! - `tmp/`: every file the run writes is first written here under a temporary name and then
//!   renamed to its final name (a rename within one file system is atomic), so a file exists
//!   under its final name only when it is complete. A killed run leaves its temporary files
//!   here, never next to the outputs; the next run empties `tmp/`.
//! - `done/<h>.json`: one *completion record* per document done, where `<h>` is a hash of the
//!   document's relative path. It is written (atomically, as above) only after the document's
//!   output is in place, and holds: the document's relative path; the BLAKE3 hash of the input
//!   file; the BLAKE3 hash of the output file; the run's *configuration fingerprint*; the
//!   document's summary entry; and its audit lines, exactly as written to `audit.jsonl`.
//!
//! The configuration fingerprint is a keyed digest (under the audit key, so it reveals
//! nothing) of the program (its version and a hash of the executable), the policy, the lists
//! and, with the batch-wide person scope, the people identified in the batch: everything that
//! decides a document's output and audit lines. The key itself is never written.
//!
//! `audit.jsonl` and `summary.json` are written at the end of a run only, in input order, from
//! the results as they come in (streaming: a completion record is read when its document's
//! turn comes, so memory does not grow with the batch). Then the work directory is removed.
//! A run that starts removes any `audit.jsonl` and `summary.json` of an earlier run first, so
//! these two files exist only after a run completed, and always describe that run.
//!
//! # Resuming
//!
//! With `--resume`, a document is taken over from the earlier run when its completion record
//! exists and matches: same relative path, same configuration fingerprint, same input hash,
//! and its output file exists with the recorded hash. Anything else (no record, a damaged
//! record, a changed input or configuration, a missing or changed output) is redone. Failed
//! documents have no record and are always redone. Because a document's output and audit
//! lines depend only on the document and the configuration, the resumed run's `audit.jsonl`
//! is byte for byte the one an uninterrupted run writes, with every document's records once.
//!
//! Without `--resume`, a run starts with an empty work directory and redoes everything.
//! With a random audit key (no `--audit-key` and no `WOO_REDACT_AUDIT_KEY`), the run keeps
//! its key in `run-key` in the work directory (`WorkDir::run_key`), so that a resumed run
//! continues under the same key and writes the same digests; the file goes with the work
//! directory when the run completes, after which the digests link to nothing, as a random
//! key promises.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::{DigestKey, KeySource};
use crate::batch::DocumentSummary;

/// The work directory's name inside the output directory.
pub const WORK_DIR: &str = ".woo-redact";

/// Version of the completion record format.
const FORMAT: u32 = 1;

/// What a completed document left in the work directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Completion {
    format: u32,
    /// Path of the document relative to its input root.
    pub document: String,
    /// The configuration fingerprint (hex).
    pub config: String,
    /// BLAKE3 of the input file (hex).
    pub input: String,
    /// BLAKE3 of the output file (hex).
    pub output: String,
    /// The document's summary entry.
    pub summary: DocumentSummary,
    /// The document's audit lines, without line ends.
    pub audit: Vec<String>,
}

impl Completion {
    /// `input` and `output` are the hex hashes of the files.
    pub(crate) fn new(
        document: &str,
        config: &str,
        input: String,
        output: String,
        summary: DocumentSummary,
        audit: Vec<String>,
    ) -> Completion {
        Completion {
            format: FORMAT,
            document: document.to_string(),
            config: config.to_string(),
            input,
            output,
            summary,
            audit,
        }
    }
}

/// The hex BLAKE3 hash of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The work directory of a run (see the module documentation).
#[derive(Debug)]
pub(crate) struct WorkDir {
    root: PathBuf,
    done: PathBuf,
    tmp: PathBuf,
}

impl WorkDir {
    /// Prepares the work directory in `out`: kept completion records only when resuming, an
    /// empty `tmp/`, and no `audit.jsonl` or `summary.json` of an earlier run.
    pub(crate) fn open(out: &Path, resume: bool) -> std::io::Result<WorkDir> {
        let root = out.join(WORK_DIR);
        // A link planted in place of the work directory is removed, never followed.
        let is_link = std::fs::symlink_metadata(&root).is_ok_and(|m| !m.is_dir());
        if is_link {
            std::fs::remove_file(&root)?;
        } else if !resume {
            remove_dir_if_exists(&root)?;
        }
        let dir = WorkDir {
            done: root.join("done"),
            tmp: root.join("tmp"),
            root,
        };
        remove_dir_if_exists(&dir.tmp)?;
        std::fs::create_dir_all(&dir.done)?;
        std::fs::create_dir_all(&dir.tmp)?;
        for name in ["audit.jsonl", "summary.json"] {
            remove_file_if_exists(&out.join(name))?;
        }
        Ok(dir)
    }

    /// The key of this run: `key` itself, unless it is a random key. A random key is kept in
    /// `run-key` (readable by the owner only), and a resumed run takes over the key kept by
    /// the interrupted one, so its digests, and so its audit lines, are the same.
    pub(crate) fn run_key(&self, key: &DigestKey, resume: bool) -> std::io::Result<DigestKey> {
        if key.source() != KeySource::Random {
            return Ok(key.clone());
        }
        let path = self.root.join("run-key");
        if resume
            && let Ok(kept) = std::fs::read(&path)
            && let Ok(raw) = <[u8; 32]>::try_from(kept.as_slice())
        {
            return Ok(DigestKey::random_from_raw(raw));
        }
        let mut tmp = self.temp()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        tmp.write_all(&key.raw())?;
        tmp.flush()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(key.clone())
    }

    /// A new temporary file in `tmp/`.
    pub(crate) fn temp(&self) -> std::io::Result<tempfile::NamedTempFile> {
        tempfile::Builder::new()
            .prefix(".woo-redact-")
            .suffix(".tmp")
            .tempfile_in(&self.tmp)
    }

    fn record_path(&self, document: &str) -> PathBuf {
        let h = blake3::hash(document.as_bytes()).to_hex();
        self.done.join(format!("{}.json", &h[..32]))
    }

    /// The completion record of `document`, if there is a readable one.
    pub(crate) fn load(&self, document: &str) -> Option<Completion> {
        let bytes = std::fs::read(self.record_path(document)).ok()?;
        let c: Completion = serde_json::from_slice(&bytes).ok()?;
        (c.format == FORMAT && c.document == document).then_some(c)
    }

    /// Stores a completion record atomically.
    pub(crate) fn store(&self, completion: &Completion) -> std::io::Result<()> {
        let mut tmp = self.temp()?;
        serde_json::to_writer(std::io::BufWriter::new(&mut tmp), completion)
            .map_err(std::io::Error::other)?;
        tmp.flush()?;
        tmp.persist(self.record_path(&completion.document))
            .map_err(|e| e.error)?;
        Ok(())
    }

    /// Removes the completion record of `document`, if any.
    pub(crate) fn forget(&self, document: &str) {
        let _ = std::fs::remove_file(self.record_path(document));
    }

    /// Removes the work directory: the run is complete.
    pub(crate) fn remove(self) -> std::io::Result<()> {
        remove_dir_if_exists(&self.root)
    }
}

fn remove_dir_if_exists(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn remove_file_if_exists(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_key_is_kept_for_a_resumed_run_only() {
        let out = tempfile::tempdir().unwrap();
        let text = b"Jan de Vries";
        let first = DigestKey::random();
        let work = WorkDir::open(out.path(), false).unwrap();
        let kept = work.run_key(&first, false).unwrap();
        assert_eq!(kept.digest(text), first.digest(text));

        // Resumed: the interrupted run's key, whatever random key this run drew.
        let work = WorkDir::open(out.path(), true).unwrap();
        let resumed = work.run_key(&DigestKey::random(), true).unwrap();
        assert_eq!(resumed.digest(text), first.digest(text));
        assert_eq!(resumed.source(), KeySource::Random);

        // Not resumed: a fresh key, and the old one is gone.
        let work = WorkDir::open(out.path(), false).unwrap();
        let fresh = DigestKey::random();
        let key = work.run_key(&fresh, false).unwrap();
        assert_ne!(key.digest(text), first.digest(text));
        assert_eq!(key.digest(text), fresh.digest(text));

        // A supplied key is used as it is and never written.
        let supplied = DigestKey::from_material(b"a key of at least sixteen bytes").unwrap();
        let work = WorkDir::open(out.path(), false).unwrap();
        let key = work.run_key(&supplied, true).unwrap();
        assert_eq!(key.digest(text), supplied.digest(text));
        assert!(!out.path().join(WORK_DIR).join("run-key").exists());
        work.remove().unwrap();
        assert!(!out.path().join(WORK_DIR).exists());
    }
}
