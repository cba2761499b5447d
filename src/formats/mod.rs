//! Documents redacted in their own format: e-mail (`.eml`, and Outlook `.msg`, written as
//! `.eml`) and Word (`.docx`). They go through the same pipeline as text and PDF
//! ([`crate::document`]); each back end supplies what is its own:
//!
//! 1. load: the document read into a [`model::TextModel`], every piece of text in reading
//!    order;
//! 2. detect and resolve (shared): the [`Redactor`] finds the removals in that one text; the
//!    back end may add pieces it removes as a whole (an e-mail's display names);
//! 3. apply and write: each piece written back with its removals cut out, the rest of the
//!    document unchanged;
//! 4. verify: the written bytes read back by the back end, then checked by the shared stage
//!    ([`model::TextModel::verify`]) and by the back end's own checks;
//! 5. audit (shared): one record per removal, with its part and offsets.
//!
//! Anything a back end cannot redact completely (an image, an embedded object, an unknown
//! transfer encoding) fails the whole document with a [`FormatError`]: never a partial
//! output.

pub mod docx;
pub mod eml;
pub mod model;
pub mod msg;
pub(crate) mod seam;

use serde::{Deserialize, Serialize};

use crate::audit::{AuditRecord, DigestKey};
use crate::pdf::PdfOptions;
use crate::redactor::Redactor;

/// Why an e-mail or Word document could not be redacted. Messages name parts, headers and
/// limits, never document text.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The document is not well-formed (a malformed header, a broken ZIP or XML part).
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// `e-mail` or `Word document`.
        format: &'static str,
        /// What is wrong, and where.
        reason: String,
    },
    /// The document exceeds a safety limit (nesting, decoded size, entries).
    #[error("refused: {0}")]
    Limit(String),
    /// The document holds something that cannot be redacted, so it fails closed.
    #[error("not redacted (fails closed): {0}")]
    Unsupported(String),
    /// The written document did not pass verification; nothing was written.
    #[error("verification failed: {0}")]
    Verification(String),
    /// An attachment failed in its own back end.
    #[error("{part}: {reason}")]
    Attachment {
        /// Where the attachment is, e.g. `attachment:2`.
        part: String,
        /// Why it failed.
        reason: String,
    },
}

impl From<FormatError> for crate::error::DocumentError {
    fn from(e: FormatError) -> Self {
        crate::error::DocumentError::Format(Box::new(e))
    }
}

/// What the summary says about an e-mail or Word document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatReport {
    /// `eml` or `docx`.
    pub format: String,
    /// What was done besides the removals: headers dropped, comments removed, revisions
    /// accepted, properties cleared (names of headers and parts, never their values).
    pub notes: Vec<String>,
}

/// A redacted e-mail or Word document.
#[derive(Debug)]
pub struct FormatRedaction {
    /// The output, in the input's format.
    pub bytes: Vec<u8>,
    /// One audit record per removed item, numbered from 1.
    pub records: Vec<AuditRecord>,
    /// Facts for the summary.
    pub report: FormatReport,
}

/// The formats handled here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 5322 / MIME e-mail.
    Eml,
    /// Outlook message (OLE compound file).
    Msg,
    /// WordprocessingML package.
    Docx,
}

impl Format {
    /// The format of a file name, from its extension (case-insensitive).
    pub fn of_name(name: &str) -> Option<Format> {
        Format::of_extension(name.rsplit_once('.')?.1)
    }

    /// The format for a file extension (without the dot, case-insensitive).
    pub fn of_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "eml" => Some(Format::Eml),
            "msg" => Some(Format::Msg),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// Everything a back end needs besides the bytes (the pipeline of [`crate::document`] takes
/// it for text and PDF documents too).
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// Finds and removes personal data.
    pub redactor: &'a Redactor,
    /// The document's name in the audit records.
    pub document: &'a str,
    /// Audit digest key.
    pub key: &'a DigestKey,
    /// Options for PDF documents and attachments.
    pub pdf: &'a PdfOptions,
}

/// Redacts a document in `format`.
pub fn redact(
    format: Format,
    bytes: &[u8],
    cx: Context<'_>,
) -> Result<FormatRedaction, FormatError> {
    run(format, bytes, cx, None)
        .map(seam::Ran::into_format_redaction)
        .map_err(seam::format_error)
}

/// Runs a document in `format` through the pipeline: the detectors' removals, or exactly
/// `reviewed` (ranges of its text model) when given.
pub(crate) fn run(
    format: Format,
    bytes: &[u8],
    cx: Context<'_>,
    reviewed: Option<&[crate::resolve::Removal]>,
) -> Result<seam::Ran, crate::error::DocumentError> {
    match format {
        Format::Eml => eml::run(bytes, cx, 0, reviewed),
        Format::Msg => msg::run(bytes, cx, reviewed),
        Format::Docx => docx::run(bytes, cx, 0, reviewed),
    }
}

/// The text of a document as the detectors read it (for the batch-wide person scope);
/// `None` when it cannot be read.
pub fn text(format: Format, bytes: &[u8]) -> Option<String> {
    match format {
        Format::Eml => eml::text(bytes),
        Format::Docx => docx::text(bytes),
        Format::Msg => msg::mapi::read(bytes).ok().map(|m| {
            [m.subject, m.body]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n\n")
        }),
    }
}

/// A value from a document (a part name, a media type, a transfer encoding) as it may appear
/// in an error message: only when it looks like structure (ASCII letters, digits and
/// `._+/-`, with a separator or digit), never free text that could be someone's name.
pub(crate) fn shown(value: &str) -> String {
    let structural = !value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+/-".contains(c))
        && value
            .chars()
            .any(|c| c.is_ascii_digit() || "./-".contains(c));
    if structural {
        value.to_string()
    } else {
        "(name not shown)".to_string()
    }
}

/// Numbers the records of a document from 1, in the order given.
pub(crate) fn renumber(records: &mut [AuditRecord]) {
    for (i, r) in records.iter_mut().enumerate() {
        r.item = i + 1;
    }
}
