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
//! - `journal`: one line per document done, appended only after the
//!   document's output is in place. A line holds a checksum and the *completion record*: the
//!   document's relative path; the BLAKE3 hash of the input file; the BLAKE3 hash of the
//!   output file; the run's *configuration fingerprint*; the document's summary entry; and
//!   its audit lines, exactly as written to `audit.jsonl`. A line with a wrong checksum or
//!   without its line end (a power cut tore it) does not count: its document is redone.
//!
//! Durability without a sync per document: a rename is atomic, and a killed process's
//! writes are in the page cache, so `SIGKILL` at any moment leaves only complete outputs and
//! whole journal lines. Against a power cut, the journal is synced once per group of
//! documents or second ("group commit"); an output whose data did not reach the disk is
//! caught by its hash when resuming, and redone. When the run completes, the output
//! directory's file system is synced once before `audit.jsonl` and `summary.json` appear.
//!
//! The configuration fingerprint is a keyed digest (under the audit key, so it reveals
//! nothing) of the program (its version and a hash of the executable), the policy, the lists
//! and, with the batch-wide person scope, the people identified in the batch: everything that
//! decides a document's output and audit lines. The key itself is never written.
//!
//! `audit.jsonl` and `summary.json` are written at the end of a run only, in input order, from
//! the results as they come in (streaming: a completion record is read when its document's
//! turn comes; only an index of the journal, some 40 bytes per document, is kept). Then the work directory is removed.
//! A run that starts removes any `audit.jsonl` and `summary.json` of an earlier run first, so
//! these two files exist only after a run completed, and always describe that run.
//!
//! # Resuming
//!
//! With `--resume`, a document is taken over from the earlier run when its last valid
//! completion record in the journal matches: same relative path, same configuration fingerprint, same input hash,
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

mod journal;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::{DigestKey, KeySource};
use crate::batch::DocumentSummary;

/// The work directory's name inside the output directory.
pub const WORK_DIR: &str = ".woo-redact";

/// Version of the completion record format (1: one file per record; 2: journal lines).
const FORMAT: u32 = 2;

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

/// Temporary files that become outputs. Their mode follows the umask (`0666` less the umask,
/// as for any file the user makes), not tempfile's private `0600`: colleagues on a shared
/// drive must be able to read the results.
pub(crate) fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".woo-redact-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// The hex BLAKE3 hash of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// The work directory of a run (see the module documentation).
#[derive(Debug)]
pub(crate) struct WorkDir {
    root: PathBuf,
    tmp: PathBuf,
    journal: journal::Journal,
}

impl WorkDir {
    /// Prepares the work directory in `out`: the journal kept only when resuming, an empty
    /// `tmp/`, and no `audit.jsonl` or `summary.json` of an earlier run.
    pub(crate) fn open(out: &Path, resume: bool) -> std::io::Result<WorkDir> {
        let root = out.join(WORK_DIR);
        // A link planted in place of the work directory is removed, never followed.
        let is_link = std::fs::symlink_metadata(&root).is_ok_and(|m| !m.is_dir());
        if is_link {
            std::fs::remove_file(&root)?;
        } else if !resume {
            remove_dir_if_exists(&root)?;
        }
        let tmp = root.join("tmp");
        remove_dir_if_exists(&tmp)?;
        std::fs::create_dir_all(&tmp)?;
        // A link in place of the journal is replaced, never followed.
        let journal_path = root.join("journal");
        if std::fs::symlink_metadata(&journal_path).is_ok_and(|m| !m.is_file()) {
            std::fs::remove_file(&journal_path)?;
        }
        let journal = journal::Journal::open(&journal_path, resume)?;
        for name in ["audit.jsonl", "summary.json"] {
            remove_file_if_exists(&out.join(name))?;
        }
        Ok(WorkDir { root, tmp, journal })
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
        temp_builder().tempfile_in(&self.tmp)
    }

    /// The completion record of `document` an earlier run left, if there is a valid one.
    pub(crate) fn load(&self, document: &str) -> Option<Completion> {
        let bytes = self.journal.earlier(document)?;
        let c: Completion = serde_json::from_slice(&bytes).ok()?;
        (c.format == FORMAT && c.document == document).then_some(c)
    }

    /// Appends a completion record to the journal (synced with its group).
    pub(crate) fn store(&self, completion: &Completion) -> std::io::Result<()> {
        let line = serde_json::to_vec(completion).map_err(std::io::Error::other)?;
        self.journal.append(&line)
    }

    /// Voids the completion records of `document`, if any.
    pub(crate) fn forget(&self, document: &str) {
        let _ = self.journal.append(&journal::tombstone(document));
    }

    /// Makes everything written so far durable: the journal, and the outputs (the whole file
    /// system of the output directory is synced, one call instead of one per output).
    pub(crate) fn commit(&self, out: &Path) -> std::io::Result<()> {
        self.journal.commit()?;
        sync_file_system(out)
    }

    /// Removes the work directory: the run is complete.
    pub(crate) fn remove(self) -> std::io::Result<()> {
        remove_dir_if_exists(&self.root)
    }
}

/// Syncs the file system that holds `dir` (Linux `syncfs`); elsewhere the system writes the
/// outputs back in its own time.
fn sync_file_system(dir: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let d = std::fs::File::open(dir)?;
        rustix::fs::syncfs(&d)?;
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
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
