//! E-mail messages (`.eml`, RFC 5322 and MIME), redacted as e-mail.
//!
//! The header fields with people in them (address lists, subject), every text body (plain
//! and HTML, any transfer encoding and charset) and attached messages form one text model,
//! so a name in `From` is also removed in the signature. PDF and Word attachments go through
//! their own back ends; anything else fails the message closed. Trace and vendor fields are
//! dropped and listed in the summary; message identifiers become keyed digests. The output
//! has the same MIME structure; it is read back and checked before it is returned.

pub mod codec;
pub mod header;
pub mod html;
pub mod mime;
pub mod read;
mod write;

use crate::error::DocumentError;
use crate::formats::model::{Forced, ModelRedaction, TextModel, find_removed};
use crate::formats::seam::{self, Backend, Ran, Written};
use crate::formats::{Context, FormatError, FormatRedaction, FormatReport};
use crate::resolve::Removal;

/// Deepest nesting of attachments that are documents in their own right (a message in a
/// message in a Word file…).
pub const MAX_DOCUMENT_DEPTH: usize = 4;

/// Redacts an e-mail message.
pub fn redact(bytes: &[u8], cx: Context<'_>) -> Result<FormatRedaction, FormatError> {
    redact_nested(bytes, cx, 0)
}

/// The model text of a message (its headers and text bodies).
pub fn text(bytes: &[u8]) -> Option<String> {
    let message = mime::parse(bytes).ok()?;
    let mut model = TextModel::default();
    read::read(&message, "", &mut model, &mut read::Plan::default()).ok()?;
    Some(model.text().to_string())
}

/// Redacts a message `depth` documents deep.
pub(crate) fn redact_nested(
    bytes: &[u8],
    cx: Context<'_>,
    depth: usize,
) -> Result<FormatRedaction, FormatError> {
    run(bytes, cx, depth, None)
        .map(Ran::into_format_redaction)
        .map_err(seam::format_error)
}

/// Runs a message `depth` documents deep through the pipeline.
pub(crate) fn run(
    bytes: &[u8],
    cx: Context<'_>,
    depth: usize,
    reviewed: Option<&[Removal]>,
) -> Result<Ran, DocumentError> {
    if depth > MAX_DOCUMENT_DEPTH {
        return Err(FormatError::Limit(format!(
            "attachments nested more than {MAX_DOCUMENT_DEPTH} documents deep"
        ))
        .into());
    }
    let nl: &'static [u8] = if memchr::memmem::find(bytes, b"\r\n").is_some() {
        b"\r\n"
    } else {
        b"\n"
    };
    let message = mime::parse(bytes)?;
    let mut model = TextModel::default();
    let mut plan = read::Plan::default();
    read::read(&message, "", &mut model, &mut plan)?;
    let mail = Mail {
        message,
        plan,
        model,
        nl,
        depth,
        size: bytes.len(),
    };
    seam::run(mail, cx, reviewed)
}

/// A message read into its text model, for the pipeline.
struct Mail {
    message: mime::Part,
    plan: read::Plan,
    model: TextModel,
    /// The message's line end, kept in the output.
    nl: &'static [u8],
    depth: usize,
    /// Bytes of the input.
    size: usize,
}

impl Backend for Mail {
    type ReadBack = mime::Part;

    fn model(&self) -> &TextModel {
        &self.model
    }

    /// The display names of personal mailboxes: those whose address the detectors remove.
    fn forced(&self, changed: &dyn Fn(usize) -> bool) -> Vec<Forced> {
        self.plan.forced(&self.model, changed)
    }

    fn reviewable(&self) -> Result<(), String> {
        let documents = self
            .plan
            .edits
            .iter()
            .any(|(_, e)| matches!(e, read::Edit::Attachment(_)));
        if documents {
            return Err(
                "the message has attachments that are documents, which reviewed \
                        removals do not cover yet"
                    .into(),
            );
        }
        Ok(())
    }

    fn write(
        &mut self,
        redaction: &ModelRedaction,
        cx: Context<'_>,
    ) -> Result<Written, FormatError> {
        let written = write::apply(
            &mut self.message,
            &self.plan,
            &self.model,
            redaction,
            cx,
            self.depth,
            self.nl,
        )?;
        let mut output = Vec::with_capacity(self.size);
        mime::write(&self.message, self.nl, &mut output);
        let mut notes: Vec<String> = written
            .dropped
            .iter()
            .map(|(name, n)| format!("header dropped: {name} ({n})"))
            .collect();
        notes.extend(written.notes);
        Ok(Written {
            bytes: output,
            records: written.records,
            report: FormatReport {
                format: "eml".into(),
                notes,
            },
        })
    }

    /// The written message must parse and read into a model.
    fn read_back(&self, written: &[u8]) -> Result<(TextModel, mime::Part), FormatError> {
        let reread = mime::parse(written).map_err(|e| {
            FormatError::Verification(format!("the written message does not parse: {e}"))
        })?;
        let mut again = TextModel::default();
        let mut plan = read::Plan::default();
        read::read(&reread, "", &mut again, &mut plan)?;
        Ok((again, reread))
    }

    /// No removed text in any header field either.
    fn check_read_back(&self, reread: &mime::Part, removed: &[String]) -> Result<(), FormatError> {
        if removed.is_empty() {
            return Ok(());
        }
        let mut stack = vec![reread];
        while let Some(part) = stack.pop() {
            for h in &part.headers {
                if find_removed(&header::decode_words(&h.value), removed).is_some() {
                    return Err(FormatError::Verification(format!(
                        "removed text is still readable in a `{}` header field",
                        h.name
                    )));
                }
            }
            match &part.body {
                mime::Body::Multipart { parts, .. } => stack.extend(parts.iter()),
                mime::Body::Message(m) => stack.push(m),
                mime::Body::Leaf(_) => {}
            }
        }
        Ok(())
    }
}
