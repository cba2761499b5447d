//! Writing the redaction into the parsed message: header fields rebuilt where a segment
//! changed, bodies re-encoded in their charset and transfer encoding (or UTF-8 and
//! quoted-printable when those cannot hold the text), attachments replaced by their
//! redacted versions, dropped fields removed.

use std::collections::BTreeMap;

use super::codec::{self, Transfer};
use super::header;
use super::mime::{Body, Header, Part};
use super::read::{AttachmentKind, Content, EntrySlots, MailboxSlots, Plan};
use crate::audit::{AuditRecord, Location};
use crate::formats::model::{ModelRedaction, TextModel};
use crate::formats::{Context, FormatError};

/// What writing added: the attachments' records and notes.
#[derive(Debug, Default)]
pub struct Written {
    /// Audit records of attachments redacted by other back ends.
    pub records: Vec<AuditRecord>,
    /// Notes for the summary.
    pub notes: Vec<String>,
    /// Header fields dropped, by name, with how many.
    pub dropped: BTreeMap<String, usize>,
}

/// The part at `path` (child indices; an attached message is child 0).
fn part_mut<'a>(root: &'a mut Part, path: &[usize]) -> Result<&'a mut Part, FormatError> {
    let mut at = root;
    for &i in path {
        at = match &mut at.body {
            Body::Multipart { parts, .. } => parts.get_mut(i),
            Body::Message(m) if i == 0 => Some(m.as_mut()),
            _ => None,
        }
        .ok_or_else(|| FormatError::Verification("a planned part is missing".into()))?;
    }
    Ok(at)
}

/// Applies the plan to `message`.
pub fn apply(
    message: &mut Part,
    plan: &Plan,
    model: &TextModel,
    redaction: &ModelRedaction,
    cx: Context<'_>,
    depth: usize,
    nl: &[u8],
) -> Result<Written, FormatError> {
    use super::read::Edit;
    let mut written = Written::default();
    let seg = |id: usize| redaction.segments[id].as_deref();
    let mut drops: Vec<(Vec<usize>, usize)> = Vec::new();
    for (path, edit) in &plan.edits {
        let part = part_mut(message, path)?;
        match edit {
            Edit::Drop(i, name) => {
                *written.dropped.entry(name.clone()).or_default() += 1;
                drops.push((path.clone(), *i));
            }
            Edit::Ids(i) => {
                let h = &mut part.headers[*i];
                let value = digest_ids(&h.value, cx);
                h.set(value);
            }
            Edit::Text(i, id) => {
                if let Some(new) = seg(*id) {
                    part.headers[*i].set(header::encode_text(new));
                }
            }
            Edit::Addresses(i, slots) => {
                if slots.iter().any(|s| entry_changed(s, &seg)) {
                    let value = slots
                        .iter()
                        .map(|s| write_entry(s, &seg, model))
                        .collect::<Vec<_>>()
                        .join(", ");
                    part.headers[*i].set(value);
                }
            }
            Edit::FileName(id) => {
                if let Some(new) = seg(*id) {
                    set_param(part, "Content-Disposition", "filename", new);
                    set_param(part, "Content-Type", "name", new);
                }
            }
            Edit::Body(body) => {
                let changed = match &body.content {
                    Content::Plain(id) => seg(*id).map(str::to_string),
                    Content::Html(h) => h
                        .changed(&redaction.segments)
                        .then(|| h.write(&redaction.segments)),
                };
                let Some(text) = changed else { continue };
                let html = matches!(body.content, Content::Html(_));
                let (encoding, bytes) = codec::encode_text(body.encoding, &text, html);
                let (transfer, encoded) = codec::encode(body.transfer, &bytes, nl);
                if encoding != body.encoding.output_encoding() || !bytes.is_ascii() {
                    set_param(part, "Content-Type", "charset", encoding.name());
                }
                if transfer != body.transfer || transfer == Transfer::Identity {
                    set_header(part, "Content-Transfer-Encoding", transfer.name(&encoded));
                }
                part.body = Body::Leaf(encoded);
            }
            Edit::Attachment(a) => {
                let Body::Leaf(bytes) = &part.body else {
                    continue;
                };
                let decoded = codec::decode(a.transfer, bytes)?;
                let at = |e: String| FormatError::Attachment {
                    part: a.name.clone(),
                    reason: e,
                };
                let (output, mut records) = match a.kind {
                    AttachmentKind::Pdf => {
                        let r =
                            crate::pdf::redact(cx.redactor, &decoded, cx.document, cx.key, cx.pdf)
                                .map_err(|e| at(e.to_string()))?;
                        let mut records = r.records;
                        for rec in &mut records {
                            if let Location::Pdf { page, .. } = rec.location {
                                rec.part = Some(format!("{}/page:{page}", a.name));
                            }
                        }
                        written.notes.push(format!("{}: PDF redacted", a.name));
                        (r.bytes, records)
                    }
                    AttachmentKind::Docx | AttachmentKind::Eml => {
                        let r = if a.kind == AttachmentKind::Docx {
                            crate::formats::docx::redact_nested(&decoded, cx, depth + 1)
                        } else {
                            super::redact_nested(&decoded, cx, depth + 1)
                        }
                        .map_err(|e| at(e.to_string()))?;
                        let mut records = r.records;
                        for rec in &mut records {
                            rec.part = Some(match &rec.part {
                                Some(p) => format!("{}/{p}", a.name),
                                None => a.name.clone(),
                            });
                        }
                        written
                            .notes
                            .extend(r.report.notes.iter().map(|n| format!("{}: {n}", a.name)));
                        (r.bytes, records)
                    }
                };
                written.records.append(&mut records);
                let (_, encoded) = codec::encode(Transfer::Base64, &output, nl);
                set_header(part, "Content-Transfer-Encoding", "base64");
                part.body = Body::Leaf(encoded);
            }
        }
    }
    // Last, so that the header indices above stay valid.
    drops.sort();
    for (path, i) in drops.into_iter().rev() {
        part_mut(message, &path)?.headers.remove(i);
    }
    Ok(written)
}

fn entry_changed<'a>(e: &EntrySlots, seg: &dyn Fn(usize) -> Option<&'a str>) -> bool {
    let m = |m: &MailboxSlots| {
        m.display.is_some_and(|d| seg(d).is_some())
            || m.address.as_ref().is_some_and(|(a, _)| seg(*a).is_some())
    };
    match e {
        EntrySlots::Mailbox(x) => m(x),
        EntrySlots::Group(g, members) => m(g) || members.iter().any(m),
    }
}

fn write_entry<'a>(
    e: &EntrySlots,
    seg: &dyn Fn(usize) -> Option<&'a str>,
    model: &TextModel,
) -> String {
    let mailbox = |m: &MailboxSlots| {
        let display = m
            .display
            .map(|d| seg(d).unwrap_or_else(|| model.segment_text(d)).to_string());
        let address = m
            .address
            .as_ref()
            .map(|(a, written)| header::write_address(written, seg(*a)));
        header::write_mailbox(display.as_deref(), address)
    };
    match e {
        EntrySlots::Mailbox(m) => mailbox(m),
        EntrySlots::Group(g, members) => {
            let members: Vec<String> = members.iter().map(mailbox).collect();
            format!("{}: {};", mailbox(g), members.join(", "))
        }
    }
}

/// Message identifiers as keyed digests: threads still link, hosts and names are gone.
fn digest_ids(value: &str, cx: Context<'_>) -> String {
    let ids: Vec<&str> = value
        .split('<')
        .skip(1)
        .filter_map(|s| s.split('>').next())
        .collect();
    let digest = |id: &str| {
        format!(
            "<{}@{}>",
            &cx.key.digest(id.as_bytes())[..24],
            header::REDACTED_DOMAIN
        )
    };
    if ids.is_empty() {
        return digest(value.trim());
    }
    ids.iter()
        .map(|id| digest(id))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sets a header field, adding it when absent.
fn set_header(part: &mut Part, name: &str, value: &str) {
    match part.headers.iter_mut().find(|h| h.is(name)) {
        Some(h) => h.set(value.to_string()),
        None => part.headers.push(Header {
            name: name.to_string(),
            value: value.to_string(),
            raw: None,
        }),
    }
}

/// Sets a parameter of a structured field (when the field is there): earlier values of it,
/// RFC 2231 pieces included, are replaced.
fn set_param(part: &mut Part, field: &str, name: &str, value: &str) {
    let Some(h) = part.headers.iter_mut().find(|h| h.is(field)) else {
        return;
    };
    let main = h.value.split(';').next().unwrap_or("").trim().to_string();
    let mut out = main;
    for (k, v) in super::mime::params(&h.value) {
        let lower = k.to_ascii_lowercase();
        if lower == name || lower.starts_with(&format!("{name}*")) {
            continue;
        }
        out.push_str(&format!("; {k}={}", quote(&v)));
    }
    if value.is_ascii() {
        out.push_str(&format!("; {name}={}", quote(value)));
    } else {
        let encoded: String = value
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        out.push_str(&format!("; {name}*=utf-8''{encoded}"));
    }
    h.set(out);
}

fn quote(v: &str) -> String {
    format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
}
