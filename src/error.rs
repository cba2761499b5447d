//! Typed errors. None of them ever carries removed text: messages name files, pages, fields
//! and byte offsets, never the personal data itself.

use std::path::PathBuf;

/// A problem with the configuration or the lists given to the redactor. Nothing is written
/// when one occurs (exit status 2 on the command line).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A configuration or list file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The configuration is not valid JSON or has an unknown field.
    #[error("invalid configuration: {0}")]
    Json(String),
    /// A configuration field has a bad value.
    #[error("invalid configuration field `{field}`: {reason}")]
    Field {
        /// The field, as a dotted path.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A list file (staff directory, public officials, keep list) is malformed.
    #[error("{path}, line {line}: {reason}")]
    List {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The audit key is unusable.
    #[error("audit key: {0}")]
    AuditKey(String),
}

/// Why one document could not be redacted. The batch goes on with the other documents.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Read(#[source] std::io::Error),
    /// The file is not a regular file, or could not be listed or opened as one.
    #[error("{0}")]
    Input(String),
    /// The file is larger than the limit for its kind of document.
    #[error("the file is {size} bytes, more than the limit of {limit} bytes for {kind} documents")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
        /// The kind of document the limit is for (`text`, `PDF`).
        kind: &'static str,
    },
    /// The text is not in an encoding the tool can decode.
    #[error("cannot decode the text: {0}")]
    Decode(String),
    /// The redacted text cannot be written in the document's encoding.
    #[error("cannot write the output in the document's encoding: {0}")]
    Encode(String),
    /// The PDF could not be handled completely. (The source is a `pdf::PdfError`, boxed so
    /// that this bottom module does not depend on the PDF back end.)
    #[error("{0}")]
    Pdf(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The e-mail or Word document could not be handled completely (a boxed
    /// `formats::FormatError`).
    #[error("{0}")]
    Format(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A reviewer's removals cannot be applied to the document (they do not fit its text,
    /// it changed since the review, or the document holds parts they cannot cover); nothing
    /// was written.
    #[error("the reviewed removals cannot be applied: {0}")]
    Review(String),
    /// The redacted output still contained removed text; nothing was written.
    #[error("verification failed: {0}")]
    Verification(String),
    /// The output could not be written.
    #[error("cannot write the output {path}: {source}")]
    Write {
        /// The output path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The output path would collide with another document's output or lie outside `--out`.
    #[error("unsafe output path: {0}")]
    OutputPath(String),
    /// The document was not done within the per-document time limit; nothing was written.
    #[error("time limit exceeded: not done within {seconds} s; nothing was written")]
    Timeout {
        /// The limit in seconds.
        seconds: u64,
    },
    /// Processing panicked; the panic was contained to this document and nothing was
    /// written. The text is where in the program it happened (never the panic message, which
    /// could quote document text).
    #[error("internal error while processing the document (contained, nothing was written): {0}")]
    Panic(String),
}

/// Errors of a whole batch run that stop it before any document is processed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The configuration or lists are invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An input path does not exist or cannot be listed.
    #[error("input {path}: {reason}")]
    Input {
        /// The input path.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The output directory or the audit log cannot be written.
    #[error("output {path}: {source}")]
    Output {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The inputs hold no file at all.
    #[error("no files found in the inputs: nothing to do")]
    NoDocuments,
    /// The output directory holds files this batch would not write (an earlier, other batch's
    /// outputs): they would be mixed with this batch's. Nothing was written.
    #[error(
        "the output directory {path} is not empty and holds {count} file(s) this batch does \
         not write (first: {first}); choose an empty directory, clear it, or resume the batch \
         that wrote it"
    )]
    OutputNotEmpty {
        /// The output directory.
        path: PathBuf,
        /// How many files are foreign to this batch.
        count: usize,
        /// The first of them, relative to the output directory.
        first: String,
    },
    /// Clearing the output directory was asked for, but it holds files and is no output
    /// directory of an earlier run: it is not cleared, so no one's files are lost by a typo.
    #[error(
        "the output directory {path} is not empty and holds no earlier run (no summary.json, \
         audit.jsonl or work directory): it is not cleared; choose an empty directory"
    )]
    NotAnOutputDirectory {
        /// The output directory.
        path: PathBuf,
    },
}
