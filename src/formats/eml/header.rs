//! Header fields: which ones carry people (address lists), which carry free text (subject),
//! which are structure to keep, and which are dropped; RFC 2047 encoded words; address
//! lists read into display names and addresses and written back.

use base64::Engine as _;

use super::codec;

/// The domain of an address that was redacted: `"[5.1.2e]"@redacted.invalid` is a valid
/// address whose local part shows the label (`.invalid` never resolves, RFC 2606).
pub const REDACTED_DOMAIN: &str = "redacted.invalid";

/// What a header field is, for redaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Mailboxes: display names are names, addresses are e-mail addresses.
    Address,
    /// Free text read by the detectors.
    Text,
    /// Message identifiers: replaced by keyed digests (they can hold names and hosts).
    Ids,
    /// Structure and dates: kept as they are.
    Keep,
    /// Anything else (trace and tracking fields, vendor fields): dropped.
    Drop,
}

/// The kind of a field, by name.
pub fn kind(name: &str) -> Kind {
    let n = name.to_ascii_lowercase();
    match n.as_str() {
        "from"
        | "to"
        | "cc"
        | "bcc"
        | "reply-to"
        | "sender"
        | "resent-from"
        | "resent-to"
        | "resent-cc"
        | "resent-bcc"
        | "resent-sender"
        | "return-path"
        | "delivered-to"
        | "disposition-notification-to"
        | "return-receipt-to"
        | "x-original-to" => Kind::Address,
        "subject" | "thread-topic" | "comments" | "keywords" | "content-description" => Kind::Text,
        "message-id" | "in-reply-to" | "references" | "resent-message-id" => Kind::Ids,
        "mime-version"
        | "content-type"
        | "content-transfer-encoding"
        | "content-disposition"
        | "content-id"
        | "content-language"
        | "date"
        | "resent-date"
        | "importance"
        | "priority"
        | "x-priority"
        | "sensitivity"
        | "thread-index"
        | "accept-language"
        | "x-mailer"
        | "user-agent"
        | "x-ms-has-attach"
        | "auto-submitted"
        | "precedence" => Kind::Keep,
        _ => Kind::Drop,
    }
}

/// The Dutch label the body text would use for a field: mail-header context for the name
/// detectors (`Van: Piet Kwakernaak`).
pub fn label(name: &str) -> &'static str {
    match name.to_ascii_lowercase().as_str() {
        "from" | "resent-from" => "Van: ",
        "to" | "resent-to" | "delivered-to" | "x-original-to" => "Aan: ",
        "cc" | "resent-cc" => "CC: ",
        "bcc" | "resent-bcc" => "BCC: ",
        "reply-to" => "Antwoord aan: ",
        "sender" | "resent-sender" => "Namens: ",
        "subject" | "thread-topic" => "Onderwerp: ",
        _ => "Adres: ",
    }
}

/// Decodes RFC 2047 encoded words (`=?utf-8?Q?Zo=C3=AB?=`); white space between two encoded
/// words is dropped, as the RFC says. Undecodable words stay as written.
pub fn decode_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut pending_space = String::new();
    let mut last_was_word = false;
    while !rest.is_empty() {
        if let Some((decoded, len)) = encoded_word(rest) {
            if !last_was_word {
                out.push_str(&pending_space);
            }
            pending_space.clear();
            out.push_str(&decoded);
            rest = &rest[len..];
            last_was_word = true;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c == ' ' || c == '\t' {
            pending_space.push(c);
        } else {
            out.push_str(&pending_space);
            pending_space.clear();
            out.push(c);
            last_was_word = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(&pending_space);
    out
}

/// An encoded word at the start of `s`: its text and its length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix("=?")?;
    let q1 = body.find('?')?;
    let charset = &body[..q1];
    let after = &body[q1 + 1..];
    let q2 = after.find('?')?;
    let enc = &after[..q2];
    let text_and_rest = &after[q2 + 1..];
    let end = text_and_rest.find("?=")?;
    let text = &text_and_rest[..end];
    if text.contains(' ') || charset.is_empty() {
        return None;
    }
    let bytes = match enc {
        "B" | "b" => base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        )
        .decode(text)
        .ok()?,
        "Q" | "q" => {
            let t = text.replace('_', " ");
            codec::decode(codec::Transfer::QuotedPrintable, t.as_bytes()).ok()?
        }
        _ => return None,
    };
    // `charset*language`
    let charset = charset.split('*').next().unwrap_or(charset);
    let encoding = codec::charset(Some(charset))?;
    let decoded = codec::decode_text(encoding, &bytes).ok()?;
    Some((decoded, 2 + q1 + 1 + q2 + 1 + end + 2))
}

/// Free text for an unstructured field: as it is when ASCII, else UTF-8 encoded words.
pub fn encode_text(text: &str) -> String {
    if text.is_ascii() && !text.contains("=?") {
        return text.to_string();
    }
    encoded_words(text)
}

fn encoded_words(text: &str) -> String {
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(chunk);
    }
    words
        .iter()
        .map(|w| {
            format!(
                "=?UTF-8?B?{}?=",
                base64::engine::general_purpose::STANDARD.encode(w)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A display name as a phrase: a quoted string, or encoded words when not ASCII.
pub fn encode_phrase(text: &str) -> String {
    if !text.is_ascii() || text.contains("=?") {
        return encoded_words(text);
    }
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// One mailbox: a display name and an address, either may be absent.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name, decoded.
    pub display: Option<String>,
    /// The address (addr-spec), as written.
    pub address: Option<String>,
}

impl std::fmt::Debug for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mailbox { .. }")
    }
}

/// An entry of an address list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A mailbox.
    Mailbox(Mailbox),
    /// A group (`Projectteam: a@b.nl, c@d.nl;`): its name as a mailbox without address,
    /// and its members.
    Group(Mailbox, Vec<Mailbox>),
}

/// Reads an address list. It never fails: what is not a mailbox becomes a display name.
pub fn parse_addresses(value: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut group: Option<(Mailbox, Vec<Mailbox>)> = None;
    let mut current = String::new();
    let (mut quoted, mut escaped, mut angle, mut comment) = (false, false, false, 0usize);
    let flush = |current: &mut String,
                 group: &mut Option<(Mailbox, Vec<Mailbox>)>,
                 entries: &mut Vec<Entry>| {
        let text = std::mem::take(current);
        if text.trim().is_empty() {
            return;
        }
        let m = mailbox(&text);
        match group {
            Some((_, members)) => members.push(m),
            None => entries.push(Entry::Mailbox(m)),
        }
    };
    for c in value.chars() {
        if escaped {
            escaped = false;
            current.push(c);
            continue;
        }
        match c {
            '\\' if quoted || comment > 0 => {
                escaped = true;
                current.push(c);
                continue;
            }
            '"' if comment == 0 => quoted = !quoted,
            '(' if !quoted => comment += 1,
            ')' if !quoted && comment > 0 => comment -= 1,
            '<' if !quoted && comment == 0 => angle = true,
            '>' if !quoted && comment == 0 => angle = false,
            ',' if !quoted && !angle && comment == 0 => {
                flush(&mut current, &mut group, &mut entries);
                continue;
            }
            ':' if !quoted && !angle && comment == 0 && group.is_none() => {
                let name = std::mem::take(&mut current);
                group = Some((
                    Mailbox {
                        display: Some(unquote(name.trim())),
                        address: None,
                    },
                    Vec::new(),
                ));
                continue;
            }
            ';' if !quoted && !angle && comment == 0 && group.is_some() => {
                flush(&mut current, &mut group, &mut entries);
                if let Some((name, members)) = group.take() {
                    entries.push(Entry::Group(name, members));
                }
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    flush(&mut current, &mut group, &mut entries);
    if let Some((name, members)) = group.take() {
        entries.push(Entry::Group(name, members));
    }
    entries
}

/// One mailbox from its text: `Name <addr>`, `addr (Name)` or `addr`.
fn mailbox(text: &str) -> Mailbox {
    let mut outside = String::new();
    let mut comments = String::new();
    let (mut quoted, mut depth, mut escaped) = (false, 0usize, false);
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth > 0 {
                comments.push(c);
            } else {
                outside.push(c);
            }
            continue;
        }
        match c {
            '\\' if quoted || depth > 0 => {
                escaped = true;
                if depth == 0 {
                    outside.push(c);
                }
                continue;
            }
            '"' if depth == 0 => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    comments.push(' ');
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            comments.push(c);
        } else {
            outside.push(c);
        }
    }
    let comment = decode_words(comments.trim());
    let nonempty = |s: String| Some(s).filter(|s| !s.trim().is_empty());
    if let (Some(lt), Some(gt)) = (outside.rfind('<'), outside.rfind('>'))
        && lt < gt
    {
        let display = unquote(outside[..lt].trim());
        let address = outside[lt + 1..gt].trim().to_string();
        let display = if display.is_empty() { comment } else { display };
        return Mailbox {
            display: nonempty(display),
            address: nonempty(address),
        };
    }
    let address = outside.trim().to_string();
    if address.contains('@') || address.is_empty() {
        Mailbox {
            display: nonempty(comment),
            address: nonempty(address),
        }
    } else {
        // No address at all: the text is a name.
        let display = unquote(&address);
        Mailbox {
            display: nonempty(format!("{display} {comment}").trim().to_string()),
            address: None,
        }
    }
}

/// A phrase without its quotes and escapes, encoded words decoded.
fn unquote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            out.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c != '"' {
            out.push(c);
        }
    }
    decode_words(out.trim())
}

/// The model text of an address: the label of a redacted address, else the address.
pub fn read_address(address: &str) -> String {
    if let Some((local, domain)) = address.rsplit_once('@')
        && domain.eq_ignore_ascii_case(REDACTED_DOMAIN)
    {
        return unquote(local);
    }
    address.to_string()
}

/// An address for writing: as it was, or, once redacted, its new text as the quoted local
/// part of an address at [`REDACTED_DOMAIN`].
pub fn write_address(original: &str, new: Option<&str>) -> String {
    match new {
        None => original.to_string(),
        Some(n) => format!(
            "\"{}\"@{REDACTED_DOMAIN}",
            n.replace('\\', "\\\\").replace('"', "\\\"")
        ),
    }
}

/// Writes one mailbox with its (possibly new) display name and address.
pub fn write_mailbox(display: Option<&str>, address: Option<String>) -> String {
    match (display.filter(|d| !d.trim().is_empty()), address) {
        (Some(d), Some(a)) => format!("{} <{a}>", encode_phrase(d)),
        (Some(d), None) => encode_phrase(d),
        (None, Some(a)) => a,
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_words_decode_and_join() {
        assert_eq!(
            decode_words("=?utf-8?Q?Zo=C3=AB?= =?iso-8859-1?B?ZGUgSm9uZw==?= <z@x.nl>"),
            "Zoëde Jong <z@x.nl>"
        );
        assert_eq!(decode_words("Re: =?UTF-8?B?R3JvZXQ=?= nu"), "Re: Groet nu");
        let e = encode_text("Overleg met Zoë Çelik over het dossier en de planning van morgen");
        assert!(e.is_ascii());
        assert_eq!(
            decode_words(&e),
            "Overleg met Zoë Çelik over het dossier en de planning van morgen"
        );
    }

    #[test]
    fn address_lists_give_display_names_and_addresses() {
        let v = "\"de Vries, Jan\" <j.devries@minbzk.nl>, =?utf-8?Q?Zo=C3=AB?= <z@x.nl>, \
                 p.bakker@x.nl (Piet Bakker), Team: a@b.nl, c@d.nl;, undisclosed-recipients:;";
        let e = parse_addresses(v);
        let m = |d: Option<&str>, a: Option<&str>| Mailbox {
            display: d.map(str::to_string),
            address: a.map(str::to_string),
        };
        assert_eq!(e.len(), 5);
        assert_eq!(
            e[0],
            Entry::Mailbox(m(Some("de Vries, Jan"), Some("j.devries@minbzk.nl")))
        );
        assert_eq!(e[1], Entry::Mailbox(m(Some("Zoë"), Some("z@x.nl"))));
        assert_eq!(
            e[2],
            Entry::Mailbox(m(Some("Piet Bakker"), Some("p.bakker@x.nl")))
        );
        assert_eq!(
            e[3],
            Entry::Group(
                m(Some("Team"), None),
                vec![m(None, Some("a@b.nl")), m(None, Some("c@d.nl"))]
            )
        );
        assert_eq!(
            e[4],
            Entry::Group(m(Some("undisclosed-recipients"), None), vec![])
        );
    }

    #[test]
    fn redacted_addresses_are_valid_and_read_back_as_their_label() {
        let a = write_address("j@x.nl", Some("[5.1.2e]"));
        assert_eq!(a, "\"[5.1.2e]\"@redacted.invalid");
        assert_eq!(read_address(&a), "[5.1.2e]");
        let written = write_mailbox(Some("[5.1.2e]"), Some(a));
        let back = parse_addresses(&written);
        assert_eq!(
            back,
            vec![Entry::Mailbox(Mailbox {
                display: Some("[5.1.2e]".into()),
                address: Some("\"[5.1.2e]\"@redacted.invalid".into())
            })]
        );
    }
}
