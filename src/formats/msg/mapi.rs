//! Reading an Outlook message (`.msg`, MS-OXMSG): an OLE compound file (read with the `cfb`
//! crate) whose streams hold MAPI properties. Only what an e-mail needs is read: sender,
//! recipients, subject, date, the plain and HTML bodies and attachments by value. What is
//! not read is not written either; a message whose content would be lost (a body only in
//! RTF, an attached message or OLE object, a signed or encrypted message) is refused.

use std::io::{Cursor, Read};

use crate::formats::FormatError;

/// Largest stream read.
const MAX_STREAM: u64 = 64 << 20;
/// Most recipients and attachments.
const MAX_ITEMS: usize = 2_000;

/// A recipient's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `To`.
    To,
    /// `Cc`.
    Cc,
    /// `Bcc`.
    Bcc,
}

/// A mailbox: display name and SMTP address.
#[derive(Clone, Default)]
pub struct Mailbox {
    /// Display name.
    pub name: Option<String>,
    /// Address.
    pub address: Option<String>,
}

/// An attachment by value.
#[derive(Clone)]
pub struct Attachment {
    /// File name.
    pub name: Option<String>,
    /// Media type.
    pub mime: Option<String>,
    /// Content.
    pub data: Vec<u8>,
}

/// What is read of a message. (No `Debug`: every field is personal data.)
#[derive(Default)]
pub struct Message {
    /// Subject.
    pub subject: Option<String>,
    /// Sender.
    pub from: Mailbox,
    /// Recipients with their roles.
    pub recipients: Vec<(Role, Mailbox)>,
    /// Submit time as Unix seconds.
    pub date: Option<i64>,
    /// Plain-text body.
    pub body: Option<String>,
    /// HTML body, as bytes in its own charset.
    pub html: Option<Vec<u8>>,
    /// Attachments.
    pub attachments: Vec<Attachment>,
}

fn malformed(reason: impl Into<String>) -> FormatError {
    FormatError::Malformed {
        format: "Outlook message",
        reason: reason.into(),
    }
}

type File<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

fn stream(file: &mut File<'_>, path: &str) -> Result<Option<Vec<u8>>, FormatError> {
    if !file.is_stream(path) {
        return Ok(None);
    }
    let s = file
        .open_stream(path)
        .map_err(|e| malformed(format!("a property stream cannot be read: {e}")))?;
    let mut out = Vec::new();
    s.take(MAX_STREAM + 1)
        .read_to_end(&mut out)
        .map_err(|e| malformed(format!("a property stream cannot be read: {e}")))?;
    if out.len() as u64 > MAX_STREAM {
        return Err(FormatError::Limit(format!(
            "a property stream holds more than {} MiB",
            MAX_STREAM >> 20
        )));
    }
    Ok(Some(out))
}

/// A string property (`PT_UNICODE`, else `PT_STRING8`) of the storage `dir`.
fn string(file: &mut File<'_>, dir: &str, id: u16) -> Result<Option<String>, FormatError> {
    if let Some(b) = stream(file, &format!("{dir}/__substg1.0_{id:04X}001F"))? {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let s = String::from_utf16_lossy(&units);
        return Ok(Some(s.trim_end_matches('\0').to_string()));
    }
    Ok(
        stream(file, &format!("{dir}/__substg1.0_{id:04X}001E"))?.map(|b| {
            let text = match std::str::from_utf8(&b) {
                Ok(s) => s.to_string(),
                Err(_) => encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&b)
                    .0
                    .into_owned(),
            };
            text.trim_end_matches('\0').to_string()
        }),
    )
}

/// A fixed-size property from a `__properties_version1.0` stream (8 value bytes).
fn fixed(
    file: &mut File<'_>,
    dir: &str,
    header: usize,
    tag: u32,
) -> Result<Option<[u8; 8]>, FormatError> {
    let Some(b) = stream(file, &format!("{dir}/__properties_version1.0"))? else {
        return Ok(None);
    };
    Ok(b.get(header..)
        .unwrap_or(&[])
        .chunks_exact(16)
        .find_map(|e| {
            let t = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            (t == tag).then(|| {
                let mut v = [0u8; 8];
                v.copy_from_slice(&e[8..16]);
                v
            })
        }))
}

/// Reads a message.
pub fn read(bytes: &[u8]) -> Result<Message, FormatError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| malformed(format!("not an OLE compound file: {e}")))?;
    let class = string(&mut file, "", 0x001A)?.unwrap_or_default();
    if !class.starts_with("IPM.Note") || class.to_ascii_uppercase().contains("SMIME") {
        return Err(FormatError::Unsupported(format!(
            "Outlook item of class `{}` (only plain e-mail messages are read)",
            crate::formats::shown(&class)
        )));
    }
    let mut m = Message {
        subject: string(&mut file, "", 0x0037)?,
        from: Mailbox {
            name: string(&mut file, "", 0x0C1A)?,
            address: match string(&mut file, "", 0x5D01)? {
                Some(a) => Some(a),
                None => string(&mut file, "", 0x0C1F)?,
            },
        },
        body: string(&mut file, "", 0x1000)?,
        ..Message::default()
    };
    m.html = match stream(&mut file, "/__substg1.0_10130102")? {
        Some(h) => Some(h),
        None => string(&mut file, "", 0x1013)?.map(String::into_bytes),
    };
    if m.body.is_none() && m.html.is_none() && file.is_stream("/__substg1.0_10090102") {
        return Err(FormatError::Unsupported(
            "the message body is only in compressed RTF, which is not read".into(),
        ));
    }
    if let Some(v) = fixed(&mut file, "", 32, 0x0039_0040)? {
        // FILETIME: 100 ns ticks since 1601-01-01.
        let ticks = u64::from_le_bytes(v);
        m.date = Some((ticks / 10_000_000) as i64 - 11_644_473_600);
    }
    let entries: Vec<(String, String)> = file
        .read_root_storage()
        .map(|e| {
            (
                e.name().to_string(),
                e.path().to_string_lossy().into_owned(),
            )
        })
        .collect();
    if entries.len() > MAX_ITEMS {
        return Err(FormatError::Limit(
            "too many recipients or attachments".into(),
        ));
    }
    for (name, path) in entries {
        if name.starts_with("__recip_version1.0_") {
            let role = match fixed(&mut file, &path, 8, 0x0C15_0003)? {
                Some(v) if v[0] == 2 => Role::Cc,
                Some(v) if v[0] == 3 => Role::Bcc,
                _ => Role::To,
            };
            let address = match string(&mut file, &path, 0x39FE)? {
                Some(a) => Some(a),
                None => string(&mut file, &path, 0x3003)?,
            };
            let name = string(&mut file, &path, 0x3001)?;
            m.recipients.push((role, Mailbox { name, address }));
        } else if name.starts_with("__attach_version1.0_") {
            let method = fixed(&mut file, &path, 8, 0x3705_0003)?.map_or(1, |v| v[0]);
            let data = stream(&mut file, &format!("{path}/__substg1.0_37010102"))?;
            let (1, Some(data)) = (method, data) else {
                return Err(FormatError::Unsupported(
                    "an attachment is an attached message or an embedded object, which is \
                     not read from .msg files"
                        .into(),
                ));
            };
            let name = match string(&mut file, &path, 0x3707)? {
                Some(n) => Some(n),
                None => string(&mut file, &path, 0x3704)?,
            };
            let mime = string(&mut file, &path, 0x370E)?;
            m.attachments.push(Attachment { name, mime, data });
        }
    }
    Ok(m)
}
