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

use crate::formats::model::{TextModel, find_removed};
use crate::formats::{Context, FormatError, FormatRedaction, FormatReport, renumber};

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
    if depth > MAX_DOCUMENT_DEPTH {
        return Err(FormatError::Limit(format!(
            "attachments nested more than {MAX_DOCUMENT_DEPTH} documents deep"
        )));
    }
    let nl: &[u8] = if memchr::memmem::find(bytes, b"\r\n").is_some() {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut message = mime::parse(bytes)?;
    let mut model = TextModel::default();
    let mut plan = read::Plan::default();
    read::read(&message, "", &mut model, &mut plan)?;

    // Scan once to learn which addresses are personal, then again with their display names.
    let first = model.redact(cx.redactor, &[], cx.document, cx.key);
    let removed = |id: usize| first.segments[id].is_some();
    let forced = plan.forced(&model, &removed);
    let redaction = if forced.is_empty() {
        first
    } else {
        model.redact(cx.redactor, &forced, cx.document, cx.key)
    };

    let mut records = redaction.records.clone();
    let written = write::apply(&mut message, &plan, &model, &redaction, cx, depth, nl)?;
    records.extend(written.records);
    renumber(&mut records);
    let mut output = Vec::with_capacity(bytes.len());
    mime::write(&message, nl, &mut output);

    verify(&output, &model, &redaction)?;
    let mut notes: Vec<String> = written
        .dropped
        .iter()
        .map(|(name, n)| format!("header dropped: {name} ({n})"))
        .collect();
    notes.extend(written.notes);
    Ok(FormatRedaction {
        bytes: output,
        records,
        report: FormatReport {
            format: "eml".into(),
            notes,
        },
    })
}

/// Reads the written message back: it must parse, read as the redaction intended, and hold
/// no removed text in any header field either.
fn verify(
    output: &[u8],
    model: &TextModel,
    redaction: &crate::formats::model::ModelRedaction,
) -> Result<(), FormatError> {
    let reread = mime::parse(output).map_err(|e| {
        FormatError::Verification(format!("the written message does not parse: {e}"))
    })?;
    let mut again = TextModel::default();
    let mut plan = read::Plan::default();
    read::read(&reread, "", &mut again, &mut plan)?;
    model.verify(redaction, &again)?;
    let removed = model.removed_strings(redaction);
    if removed.is_empty() {
        return Ok(());
    }
    let mut stack = vec![&reread];
    while let Some(part) = stack.pop() {
        for h in &part.headers {
            if find_removed(&header::decode_words(&h.value), &removed).is_some() {
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
