//! Sharded runs: one batch divided over many processes or machines, run by a scheduler that
//! already exists (a Kubernetes Indexed Job, a Slurm array, an AWS Batch array job), with a
//! result byte for byte that of one [`crate::batch::redact`] of the same inputs.
//!
//! Five steps, each a pure function of what the steps before it wrote, so a scheduler may
//! retry any of them, or run one twice at the same time:
//!
//! 1. [`plan()`]: one process lists the inputs exactly as a single run does (same discovery,
//!    same order), copies the lists and the policy into the plan, and divides the documents
//!    into `S` contiguous ranges (`[⌊k·N/S⌋, ⌊(k+1)·N/S⌋)`).
//! 2. [`scan_shard`] (pass 1, one task per shard): facts only, nothing redacted: each input's
//!    BLAKE3 hash, its duplicate signature (hashes for exact duplicates, near-duplicates and
//!    e-mail threads) and, with `names.scope: batch`, the people each document names.
//! 3. [`reduce`] (one process): merges the shards' sorted people files as streams (memory is
//!    one line per shard, not every mention) and groups the signatures into exact-duplicate
//!    groups, near-duplicate groups and threads: the frozen batch state, whose BLAKE3 digest
//!    every later step checks.
//! 4. [`redact_shard`] (pass 2, one task per shard): redacts its documents with the frozen
//!    state through the same per-document code as a single run.
//! 5. [`merge`] (one process): checks that every shard is complete and consistent, and writes
//!    `audit.jsonl` and `summary.json` through the single run's own writer.
//!
//! Everything a step writes besides the documents goes to `DIR/.woo-redact/shards/`, created
//! exclusively (see `store`): a second attempt that finds a file already there compares the
//! bytes and reports non-determinism when they differ. [`merge`] removes the directory when it
//! is done, so `DIR` then holds exactly what a single run writes.
//!
//! `DIR`, the inputs and the lists may also be object-store URLs (`s3://bucket/prefix`,
//! `file:///dir`; the `object-store` feature): every read and write then goes to the store,
//! create-only there too (see `storage`).
//!
//! In one process (each call may as well be a process of its own, on another machine):
//!
//! ```
//! use woo_redact::batch::{FileFilter, Reuse};
//! use woo_redact::shard::{self, PlanOptions, RunOptions};
//! use woo_redact::DigestKey;
//!
//! let input = tempfile::tempdir()?;
//! std::fs::write(input.path().join("a.txt"), "Bel 06-12345678.")?;
//! std::fs::write(input.path().join("b.txt"), "Niets te verwijderen.")?;
//! let out = tempfile::tempdir()?;
//! let key = DigestKey::from_material(b"sixteen bytes or more")?;
//! let plan = shard::plan(&PlanOptions {
//!     inputs: vec![input.path().to_path_buf()],
//!     out: out.path().to_path_buf(),
//!     shards: 2,
//!     staff: None,
//!     public: None,
//!     keep: None,
//!     policy: None,
//!     filter: FileFilter::default(),
//!     run: RunOptions::default(),
//!     reuse: Reuse::OwnOnly,
//!     key: key.clone(),
//!     pdf_password: None,
//! })?;
//! assert_eq!((plan.documents, plan.shards.len()), (2, 2));
//! for k in 0..2 {
//!     shard::scan_shard(out.path(), k, Some(&key), 1, None)?;
//! }
//! let (_state, digest) = shard::reduce(out.path(), Some(&key))?;
//! for k in 0..2 {
//!     shard::redact_shard(out.path(), k, &key, 1, None, Some(&digest), &mut |_| {})?;
//! }
//! let merged = shard::merge(out.path(), Some(&key), false, &mut |_| {})?;
//! assert_eq!((merged.report.documents, merged.report.redacted), (2, 1));
//! assert_eq!(std::fs::read_to_string(out.path().join("a.txt"))?, "Bel [5.1.2e].");
//! assert!(out.path().join("audit.jsonl").exists() && !out.path().join(".woo-redact").exists());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod groups;
mod index;
mod manifest;
mod merge;
mod pass1;
mod pass2;
mod plan;
mod signature;
mod state;
mod storage;
mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use groups::Groups;
#[doc(hidden)]
pub use groups::group_files;
pub use index::{INDEX_VARIABLES, shard_from_env};
pub use merge::{MergeReport, merge};
pub use pass1::scan_shard;
#[doc(hidden)]
pub use pass1::text_facts;
pub use pass2::{ShardReport, redact_shard};
pub use plan::{Plan, PlanOptions, RunOptions, plan};
#[doc(hidden)]
pub use state::merge_people_files;
pub use state::{State, reduce};

use crate::error::{BatchError, ConfigError};

/// Exit status of a deterministic input error: the same inputs give the same error, so a
/// scheduler should not retry (pair it with a Kubernetes `podFailurePolicy` `FailIndex`).
pub const EXIT_DETERMINISTIC: u8 = 42;

/// Exit status of a step whose earlier steps are not all complete (a shard marker is
/// missing): it may succeed later.
pub const EXIT_INCOMPLETE: u8 = 3;

/// The directory of a sharded run's own files, inside the output directory. It lies in the
/// single run's work directory name, so no document can be written there and `publish`
/// refuses the folder until [`merge`] has removed it.
pub const SHARD_DIR: &str = ".woo-redact/shards";

/// Why a step of a sharded run stopped.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// Bad usage: a shard index that is not a number, none in the environment, or one out
    /// of range.
    #[error("{0}")]
    Usage(String),
    /// The lists, the policy or the key could not be read.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The inputs or the output directory were refused (as for `redact`).
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// What this step was given does not match the plan or the frozen state (another key,
    /// another state digest, a damaged or changed file): retrying gives the same error.
    #[error("{0}")]
    Mismatch(String),
    /// A second attempt of a step wrote other bytes than the first: the run is not
    /// deterministic (a time limit hit in one attempt only, a changed input or program).
    #[error(
        "non-determinism detected: `{0}` already exists with other content than this attempt \
         wrote (another attempt of the same step, with other inputs, program or time limits)"
    )]
    NonDeterministic(String),
    /// An earlier step is not complete.
    #[error("{0}")]
    Incomplete(String),
    /// The object store could not be reached or refused a request (an unreachable
    /// endpoint, missing credentials, a missing bucket): the message gives the store's
    /// answer.
    #[error("object storage: {0}")]
    Storage(String),
    /// Reading or writing failed (retryable).
    #[error("{path}: {source}")]
    Io {
        /// The file or directory, relative to the output directory where possible.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

impl ShardError {
    /// The process exit status for this error: 2 for usage, configuration and object
    /// storage that cannot be reached, 42 for a deterministic input error, 3 for an
    /// incomplete earlier step, 1 for the rest (retryable).
    pub fn exit_code(&self) -> u8 {
        match self {
            ShardError::Usage(_)
            | ShardError::Config(_)
            | ShardError::Batch(_)
            | ShardError::Storage(_) => 2,
            ShardError::Mismatch(_) | ShardError::NonDeterministic(_) => EXIT_DETERMINISTIC,
            ShardError::Incomplete(_) => EXIT_INCOMPLETE,
            ShardError::Io { .. } => 1,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> ShardError {
        let path = path.into();
        move |source| ShardError::Io { path, source }
    }
}

/// Where a sharded run keeps its files, under the output directory, and the storage they
/// are in (see `storage`).
#[derive(Clone)]
pub(crate) struct Layout {
    /// The output directory (canonical), or the local scratch directory standing in for an
    /// object store.
    pub(crate) out: PathBuf,
    /// `out/.woo-redact/shards`.
    pub(crate) root: PathBuf,
    storage: Arc<storage::Storage>,
}

impl Layout {
    pub(crate) fn new(out: &Path) -> Layout {
        Layout::with_storage(out.to_path_buf(), storage::Storage::Local)
    }

    fn with_storage(out: PathBuf, storage: storage::Storage) -> Layout {
        Layout {
            root: out.join(SHARD_DIR),
            out,
            storage: Arc::new(storage),
        }
    }

    /// An existing plan's layout (a local output directory made canonical).
    pub(crate) fn open(out: &Path) -> Result<Layout, ShardError> {
        let layout = if storage::is_url(out) {
            storage::layout_for(out)?
        } else {
            let out = out
                .canonicalize()
                .map_err(|e| ShardError::Usage(format!("no plan in {}: {e}", out.display())))?;
            Layout::new(&out)
        };
        if !layout.exists(&layout.plan_file())? {
            return Err(ShardError::Usage(format!(
                "no plan in {} (run `woo-redact plan` first; after `merge` the plan is gone)",
                layout.name()
            )));
        }
        Ok(layout)
    }

    pub(crate) fn plan_file(&self) -> PathBuf {
        self.root.join("plan.json")
    }
    pub(crate) fn manifest(&self, shard: usize) -> PathBuf {
        self.root
            .join("manifest")
            .join(format!("shard-{shard:05}.jsonl"))
    }
    pub(crate) fn lists(&self) -> PathBuf {
        self.root.join("lists")
    }
    pub(crate) fn tmp(&self) -> PathBuf {
        self.root.join("tmp")
    }
    pub(crate) fn pass1(&self, shard: usize, what: &str) -> PathBuf {
        self.root
            .join("pass1")
            .join(format!("shard-{shard:05}.{what}"))
    }
    /// `pass2/shard-K.<what>` (`docs` is a folder of per-document records).
    pub(crate) fn pass2(&self, shard: usize, what: &str) -> PathBuf {
        self.root
            .join("pass2")
            .join(format!("shard-{shard:05}.{what}"))
    }
    pub(crate) fn state_dir(&self) -> PathBuf {
        self.root.join("state")
    }
    pub(crate) fn attempts(&self) -> PathBuf {
        self.root.join("attempts")
    }
    /// A path for messages: relative to the output directory.
    pub(crate) fn show(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.out).unwrap_or(path).to_path_buf()
    }
}

/// The hex BLAKE3 of a file, read as a stream.
pub(crate) fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    std::io::copy(
        &mut std::io::BufReader::new(std::fs::File::open(path)?),
        &mut hasher,
    )?;
    Ok(hasher.finalize().to_hex().to_string())
}

/// Reads a JSON file written by an earlier step; damaged content is a deterministic error.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    layout: &Layout,
    path: &Path,
) -> Result<T, ShardError> {
    let bytes = layout.read_existing(path)?;
    serde_json::from_slice(&bytes).map_err(|e| damaged(layout, path, &e))
}

/// A file of an earlier step that does not parse. The message gives the place only: the
/// parser's own message could quote the file, which may hold names.
pub(crate) fn damaged(layout: &Layout, path: &Path, e: &serde_json::Error) -> ShardError {
    ShardError::Mismatch(format!(
        "{} is damaged (line {}, column {})",
        layout.show(path).display(),
        e.line(),
        e.column()
    ))
}
