//! Why a package could not be made. Every one of these stops `publish` before anything is
//! written (exit status 2 on the command line). None carries text removed from a document:
//! messages name files, documents (as in `audit.jsonl`), fields and reasons.

use std::path::PathBuf;

use crate::error::ConfigError;

/// A reason `publish` refuses or fails.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A command-line value is unusable (matter, base URL, dossier size).
    #[error("{0}")]
    Usage(String),
    /// The run folder is not a completed woo-redact run.
    #[error("{path} is not a completed woo-redact run: {reason}")]
    NotARun {
        /// The run folder.
        path: PathBuf,
        /// What is missing or wrong.
        reason: String,
    },
    /// An output of the run is missing or differs from what the run recorded.
    #[error("{document}: {reason}; publish only what the run wrote (redo the run)")]
    Changed {
        /// The document, as in `audit.jsonl`.
        document: String,
        /// What differs.
        reason: String,
    },
    /// `publish.json`, a list or the policy is unusable.
    #[error("{0}")]
    Config(#[from] ConfigError),
    /// The package folder belongs to another matter, or is no package.
    #[error("{path}: {reason}")]
    Package {
        /// The package folder or one of its files.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// The documents cannot be divided into dossiers within the limit.
    #[error("cannot divide the documents into dossiers: {0}")]
    Split(String),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The package could not be written; nothing was changed in its folder.
    #[error("cannot write the package at {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}
