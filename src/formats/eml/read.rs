//! Reading a parsed message into the text model: which header fields and body parts hold
//! text, under which part names, and what the writer must do with each.

use super::codec::{self, Transfer};
use super::header::{self, Entry, Kind, Mailbox};
use super::html::Html;
use super::mime::{Body, Part};
use crate::formats::FormatError;
use crate::formats::model::{Forced, SegmentId, TextModel};
use crate::policy::Category;

/// A mailbox's segments.
#[derive(Debug, Clone)]
pub struct MailboxSlots {
    /// The display name's segment.
    pub display: Option<SegmentId>,
    /// The address's segment, with the address as written.
    pub address: Option<(SegmentId, String)>,
}

/// An address list entry's segments.
#[derive(Debug, Clone)]
pub enum EntrySlots {
    /// A mailbox.
    Mailbox(MailboxSlots),
    /// A group: its name and members.
    Group(MailboxSlots, Vec<MailboxSlots>),
}

/// What the writer does to one place in the message.
#[derive(Debug, Clone)]
pub enum Edit {
    /// An address list header (index in the part's headers).
    Addresses(usize, Vec<EntrySlots>),
    /// A free-text header.
    Text(usize, SegmentId),
    /// A header dropped (its name, for the summary).
    Drop(usize, String),
    /// Message identifiers replaced by digests.
    Ids(usize),
    /// A text body: its charset, transfer encoding and segments.
    Body(BodyText),
    /// The file name of an attachment (in `Content-Type` and `Content-Disposition`).
    FileName(SegmentId),
    /// An attachment for another back end.
    Attachment(Attachment),
}

/// A text body read into the model.
#[derive(Debug, Clone)]
pub struct BodyText {
    /// Its charset.
    pub encoding: &'static encoding_rs::Encoding,
    /// Its transfer encoding.
    pub transfer: Transfer,
    /// Plain text (one segment) or HTML.
    pub content: Content,
}

/// The content of a text body.
#[derive(Debug, Clone)]
pub enum Content {
    /// Plain text: one segment.
    Plain(SegmentId),
    /// HTML: its segments.
    Html(Html),
}

/// A body part another back end redacts.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Which back end.
    pub kind: AttachmentKind,
    /// Its part name, e.g. `attachment:2`.
    pub name: String,
    /// Its transfer encoding.
    pub transfer: Transfer,
}

/// The back ends for attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    /// PDF.
    Pdf,
    /// Word.
    Docx,
    /// An e-mail message in an encoded body.
    Eml,
}

/// Edits per part, by path (indices of children from the root).
#[derive(Debug, Default)]
pub struct Plan {
    /// Path and edit, in reading order.
    pub edits: Vec<(Vec<usize>, Edit)>,
    /// Segments removed as a whole (display names of personal mailboxes), decided after
    /// the scan.
    pub mailboxes: Vec<MailboxSlots>,
}

impl Plan {
    /// Display names are names: removed as a whole when their address is removed (a
    /// personal mailbox) or absent. Functional mailboxes keep theirs.
    pub fn forced(&self, model: &TextModel, removed: &dyn Fn(SegmentId) -> bool) -> Vec<Forced> {
        self.mailboxes
            .iter()
            .filter_map(|m| {
                let display = m.display?;
                let personal = match &m.address {
                    Some((a, _)) => removed(*a),
                    None => true,
                };
                (personal && !model.segment_text(display).trim().is_empty()).then_some(Forced {
                    segment: display,
                    category: Category::Name,
                    detector: "mail.display-name",
                    evidence: "display name of a personal mailbox",
                })
            })
            .collect()
    }
}

/// Counters for part names, per message.
#[derive(Default)]
struct Names {
    bodies: usize,
    attachments: usize,
}

/// Reads a message (the root part, or an attached message under `prefix`).
pub fn read(
    root: &Part,
    prefix: &str,
    model: &mut TextModel,
    plan: &mut Plan,
) -> Result<(), FormatError> {
    let mut names = Names::default();
    read_part(root, &mut Vec::new(), prefix, true, model, plan, &mut names)
}

fn read_part(
    part: &Part,
    path: &mut Vec<usize>,
    prefix: &str,
    message_head: bool,
    model: &mut TextModel,
    plan: &mut Plan,
    names: &mut Names,
) -> Result<(), FormatError> {
    if message_head {
        read_headers(part, path, prefix, model, plan);
    } else {
        // A body part's own fields: structure only (anything else is dropped).
        for (i, h) in part.headers.iter().enumerate() {
            if h.is("Content-Description") {
                model.begin_part(format!("{prefix}part-description"));
                let id = model.segment(&header::decode_words(&h.value));
                plan.edits.push((path.clone(), Edit::Text(i, id)));
            } else if header::kind(&h.name) != Kind::Keep {
                plan.edits
                    .push((path.clone(), Edit::Drop(i, h.name.clone())));
            }
        }
    }
    match &part.body {
        Body::Multipart { parts, .. } => {
            for (i, p) in parts.iter().enumerate() {
                path.push(i);
                read_part(p, path, prefix, false, model, plan, names)?;
                path.pop();
            }
        }
        Body::Message(inner) => {
            names.attachments += 1;
            let name = format!("{prefix}attachment:{}/", names.attachments);
            path.push(0);
            let mut inner_names = Names::default();
            read_part(inner, path, &name, true, model, plan, &mut inner_names)?;
            path.pop();
        }
        Body::Leaf(bytes) => read_leaf(part, bytes, path, prefix, model, plan, names)?,
    }
    Ok(())
}

fn read_headers(part: &Part, path: &[usize], prefix: &str, model: &mut TextModel, plan: &mut Plan) {
    for (i, h) in part.headers.iter().enumerate() {
        let edit = match header::kind(&h.name) {
            Kind::Keep => continue,
            Kind::Drop => Edit::Drop(i, h.name.clone()),
            Kind::Ids => Edit::Ids(i),
            Kind::Text => {
                model.begin_part(format!("{prefix}header:{}", canonical(&h.name)));
                model.context(header::label(&h.name));
                Edit::Text(i, model.segment(&header::decode_words(&h.value)))
            }
            Kind::Address => {
                model.begin_part(format!("{prefix}header:{}", canonical(&h.name)));
                model.context(header::label(&h.name));
                let mut slots = Vec::new();
                for (n, entry) in header::parse_addresses(&h.value).into_iter().enumerate() {
                    if n > 0 {
                        model.context(", ");
                    }
                    slots.push(match entry {
                        Entry::Mailbox(m) => {
                            let s = mailbox(&m, model);
                            plan.mailboxes.push(s.clone());
                            EntrySlots::Mailbox(s)
                        }
                        Entry::Group(g, members) => {
                            let g = mailbox(&g, model);
                            model.context(": ");
                            let members = members
                                .iter()
                                .map(|m| {
                                    model.context(", ");
                                    let s = mailbox(m, model);
                                    plan.mailboxes.push(s.clone());
                                    s
                                })
                                .collect();
                            EntrySlots::Group(g, members)
                        }
                    });
                }
                Edit::Addresses(i, slots)
            }
        };
        plan.edits.push((path.to_vec(), edit));
    }
}

/// `Reply-To`, `Cc`: the usual spelling of a field name, for part names.
fn canonical(name: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "cc" => "Cc".into(),
        "bcc" => "Bcc".into(),
        "message-id" => "Message-ID".into(),
        _ => name
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("-"),
    }
}

fn mailbox(m: &Mailbox, model: &mut TextModel) -> MailboxSlots {
    let display = m.display.as_ref().map(|d| model.segment(d));
    let address = m.address.as_ref().map(|a| {
        model.context(" <");
        let id = model.segment(&header::read_address(a));
        model.context(">");
        (id, a.clone())
    });
    MailboxSlots { display, address }
}

fn read_leaf(
    part: &Part,
    bytes: &[u8],
    path: &[usize],
    prefix: &str,
    model: &mut TextModel,
    plan: &mut Plan,
    names: &mut Names,
) -> Result<(), FormatError> {
    let media = part.media_type();
    let disposition = part
        .header("Content-Disposition")
        .map(|h| h.value.to_ascii_lowercase())
        .unwrap_or_default();
    let file_name = part
        .param("Content-Disposition", "filename")
        .or_else(|| part.param("Content-Type", "name"))
        .map(|n| header::decode_words(&n));
    let is_attachment = disposition.starts_with("attachment") || file_name.is_some();
    let name = if is_attachment || !media.starts_with("text/") {
        names.attachments += 1;
        format!("{prefix}attachment:{}", names.attachments)
    } else {
        names.bodies += 1;
        match names.bodies {
            1 => format!("{prefix}body"),
            n => format!("{prefix}body:{n}"),
        }
    };
    if let Some(f) = &file_name {
        model.begin_part(format!("{name}/filename"));
        let id = model.segment(f);
        plan.edits.push((path.to_vec(), Edit::FileName(id)));
    }
    let transfer = Transfer::parse(
        part.header("Content-Transfer-Encoding")
            .map(|h| h.value.as_str()),
    )
    .map_err(|e| at(&name, e))?;
    let ext = file_name
        .as_deref()
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let kind = match (media.as_str(), ext.as_str()) {
        ("text/html", _) => "html",
        (m, _) if m.starts_with("text/") => "plain",
        (_, "txt" | "csv") => "plain",
        ("application/pdf", _) | (_, "pdf") => "pdf",
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _)
        | (_, "docx") => "docx",
        ("message/rfc822", _) | (_, "eml") => "eml",
        _ if bytes.iter().all(|b| b.is_ascii_whitespace()) => return Ok(()),
        _ => {
            return Err(FormatError::Unsupported(format!(
                "{name} ({}) cannot be redacted, so the message is not written",
                crate::formats::shown(&media)
            )));
        }
    };
    let attachment = |kind| {
        Edit::Attachment(Attachment {
            kind,
            name: name.clone(),
            transfer,
        })
    };
    let edit = match kind {
        "pdf" => attachment(AttachmentKind::Pdf),
        "docx" => attachment(AttachmentKind::Docx),
        "eml" => attachment(AttachmentKind::Eml),
        _ => {
            let charset = part.param("Content-Type", "charset");
            let encoding = codec::charset(charset.as_deref()).ok_or_else(|| {
                at(
                    &name,
                    FormatError::Unsupported(format!(
                        "unknown charset `{}`",
                        crate::formats::shown(&charset.unwrap_or_default())
                    )),
                )
            })?;
            let decoded = codec::decode(transfer, bytes).map_err(|e| at(&name, e))?;
            let text = codec::decode_text(encoding, &decoded).map_err(|e| at(&name, e))?;
            model.begin_part(name.clone());
            let content = if kind == "html" {
                Content::Html(Html::read(text, model))
            } else {
                Content::Plain(model.segment(&text))
            };
            Edit::Body(BodyText {
                encoding,
                transfer,
                content,
            })
        }
    };
    plan.edits.push((path.to_vec(), edit));
    Ok(())
}

/// An error of one part, named.
pub fn at(name: &str, e: FormatError) -> FormatError {
    FormatError::Attachment {
        part: name.to_string(),
        reason: e.to_string(),
    }
}
