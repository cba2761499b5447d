//! A small MIME reader and writer (RFC 5322, 2045, 2046): a message is a tree of parts, each
//! with its header lines and a body that is bytes, a list of parts (multipart) or a message.
//! It keeps header lines as they were, so that writing back changes only what was redacted,
//! and it refuses deep nesting and too many parts.

use crate::formats::FormatError;

/// Deepest nesting of multiparts and attached messages.
pub const MAX_DEPTH: usize = 16;
/// Most parts in one message, attached messages included.
pub const MAX_PARTS: usize = 1_000;
/// Most header fields in one part.
pub const MAX_HEADERS: usize = 1_000;

/// One header field: its name and its value, unfolded and decoded from bytes (UTF-8, else
/// Windows-1252); `raw` keeps the original lines for writing back unchanged.
#[derive(Clone)]
pub struct Header {
    /// The field name as written.
    pub name: String,
    /// The unfolded value, without the leading white space.
    pub value: String,
    /// The original lines (without line ends); `None` once the value was replaced.
    pub raw: Option<Vec<Vec<u8>>>,
}

impl std::fmt::Debug for Header {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Header values carry names and addresses: never in debug output.
        f.debug_struct("Header")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Header {
    /// Whether this is the field `name` (case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// Replaces the value; it is written folded at white space.
    pub fn set(&mut self, value: String) {
        self.value = value;
        self.raw = None;
    }
}

/// A part's body.
#[derive(Debug, Clone)]
pub enum Body {
    /// Bytes, still in their transfer encoding.
    Leaf(Vec<u8>),
    /// The parts of a multipart, between boundary lines.
    Multipart {
        /// The boundary parameter.
        boundary: String,
        /// The parts, in order.
        parts: Vec<Part>,
    },
    /// An attached message (`message/rfc822`).
    Message(Box<Part>),
}

/// A message or one of its parts.
#[derive(Debug, Clone)]
pub struct Part {
    /// The header fields, in order.
    pub headers: Vec<Header>,
    /// The body.
    pub body: Body,
}

impl Part {
    /// The first header called `name`.
    pub fn header(&self, name: &str) -> Option<&Header> {
        self.headers.iter().find(|h| h.is(name))
    }

    /// The media type, lower case (`text/plain` when absent, as RFC 2045 says).
    pub fn media_type(&self) -> String {
        self.header("Content-Type")
            .map(|h| {
                h.value
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .filter(|t| t.contains('/'))
            .unwrap_or_else(|| "text/plain".into())
    }

    /// A parameter of a header (`charset` of `Content-Type`), unquoted.
    pub fn param(&self, header: &str, name: &str) -> Option<String> {
        param(&self.header(header)?.value, name)
    }
}

/// Splits a structured header value into its parameters and returns `name`'s value, with
/// RFC 2231 continuations and charsets decoded.
pub fn param(value: &str, name: &str) -> Option<String> {
    let mut plain = None;
    let mut pieces: Vec<(usize, bool, String)> = Vec::new();
    for (key, val) in params(value) {
        let key = key.to_ascii_lowercase();
        if key == name {
            plain = Some(val);
        } else if let Some(rest) = key.strip_prefix(name).and_then(|r| r.strip_prefix('*')) {
            let encoded = rest.ends_with('*') || rest.is_empty();
            let index = rest.trim_end_matches('*').parse().unwrap_or(0);
            pieces.push((index, encoded, val));
        }
    }
    if pieces.is_empty() {
        return plain;
    }
    pieces.sort_by_key(|p| p.0);
    let mut bytes = Vec::new();
    let mut charset = String::from("utf-8");
    for (i, (_, encoded, val)) in pieces.iter().enumerate() {
        let mut val = val.as_str();
        if *encoded && i == 0 {
            // charset'language'value
            let mut split = val.splitn(3, '\'');
            if let (Some(cs), Some(_), Some(v)) = (split.next(), split.next(), split.next()) {
                charset = cs.to_string();
                val = v;
            }
        }
        if *encoded {
            bytes.extend(percent_decode(val));
        } else {
            bytes.extend_from_slice(val.as_bytes());
        }
    }
    let enc = encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    Some(enc.decode_without_bom_handling(&bytes).0.into_owned())
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len() + 1
            && let Some(v) = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
            && let Ok(v) = u8::from_str_radix(v, 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The `key=value` parameters after the first `;`, values unquoted.
pub fn params(value: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = value.char_indices().peekable();
    // Skip the main value.
    let mut in_quote = false;
    let mut start = value.len();
    for (i, c) in chars.by_ref() {
        match c {
            '"' => in_quote = !in_quote,
            ';' if !in_quote => {
                start = i + 1;
                break;
            }
            _ => {}
        }
    }
    let rest = &value[start.min(value.len())..];
    let mut key = String::new();
    let mut val = String::new();
    let mut in_val = false;
    let mut quoted = false;
    let mut escaped = false;
    for c in rest.chars() {
        if quoted {
            if escaped {
                val.push(c);
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                quoted = false;
            } else {
                val.push(c);
            }
            continue;
        }
        match c {
            ';' => {
                if !key.trim().is_empty() {
                    out.push((key.trim().to_string(), val.trim().to_string()));
                }
                key.clear();
                val.clear();
                in_val = false;
            }
            '=' if !in_val => in_val = true,
            '"' if in_val => quoted = true,
            _ if in_val => val.push(c),
            _ => key.push(c),
        }
    }
    if !key.trim().is_empty() {
        out.push((key.trim().to_string(), val.trim().to_string()));
    }
    out
}

/// Lines of `bytes`, each without its line end (`\n` or `\r\n`).
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    if bytes.ends_with(b"\n") {
        out.pop();
    }
    out
}

fn decode_header_bytes(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn malformed(reason: String) -> FormatError {
    FormatError::Malformed {
        format: "e-mail",
        reason,
    }
}

/// Reads a message.
pub fn parse(bytes: &[u8]) -> Result<Part, FormatError> {
    let mut count = 0;
    parse_part(bytes, 0, &mut count, true)
}

fn parse_part(
    bytes: &[u8],
    depth: usize,
    count: &mut usize,
    top: bool,
) -> Result<Part, FormatError> {
    if depth > MAX_DEPTH {
        return Err(FormatError::Limit(format!(
            "MIME parts nested more than {MAX_DEPTH} deep"
        )));
    }
    *count += 1;
    if *count > MAX_PARTS {
        return Err(FormatError::Limit(format!(
            "more than {MAX_PARTS} MIME parts"
        )));
    }
    let all = lines(bytes);
    let mut headers: Vec<Header> = Vec::new();
    let mut body_line = all.len();
    for (n, line) in all.iter().enumerate() {
        if line.is_empty() {
            body_line = n + 1;
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            let Some(h) = headers.last_mut() else {
                return Err(malformed(format!(
                    "line {} continues a header field that is not there",
                    n + 1
                )));
            };
            h.value.push_str(&decode_header_bytes(line));
            if let Some(raw) = &mut h.raw {
                raw.push(line.to_vec());
            }
            continue;
        }
        // An mbox separator line (`From sender date`) before the first field is not a field.
        if top && n == 0 && line.starts_with(b"From ") {
            continue;
        }
        let colon = line.iter().position(|&b| b == b':');
        let name = colon.map(|c| &line[..c]).unwrap_or(b"");
        let valid = !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b));
        let Some(colon) = colon.filter(|_| valid) else {
            if headers.is_empty() && top {
                return Err(malformed(format!(
                    "line {} is not a header field: not an e-mail message",
                    n + 1
                )));
            }
            return Err(malformed(format!("line {} is not a header field", n + 1)));
        };
        if headers.len() >= MAX_HEADERS {
            return Err(FormatError::Limit(format!(
                "more than {MAX_HEADERS} header fields in one part"
            )));
        }
        headers.push(Header {
            name: String::from_utf8_lossy(name).into_owned(),
            value: decode_header_bytes(&line[colon + 1..]),
            raw: Some(vec![line.to_vec()]),
        });
    }
    for h in &mut headers {
        h.value = h.value.trim().to_string();
    }
    if top && headers.is_empty() {
        return Err(malformed("no header fields: not an e-mail message".into()));
    }
    let body = body_bytes(bytes, body_line);
    let mut part = Part {
        headers,
        body: Body::Leaf(Vec::new()),
    };
    let media = part.media_type();
    part.body = if media.starts_with("multipart/") {
        let Some(boundary) = part
            .param("Content-Type", "boundary")
            .filter(|b| !b.is_empty())
        else {
            return Err(malformed("a multipart has no boundary".into()));
        };
        let parts = split_multipart(body, &boundary)?
            .into_iter()
            .map(|p| parse_part(p, depth + 1, count, false))
            .collect::<Result<_, _>>()?;
        Body::Multipart { boundary, parts }
    } else if media == "message/rfc822" && !is_encoded(&part) {
        Body::Message(Box::new(parse_part(body, depth + 1, count, true)?))
    } else {
        Body::Leaf(body.to_vec())
    };
    Ok(part)
}

/// Whether a part has a transfer encoding that hides its structure.
fn is_encoded(part: &Part) -> bool {
    part.header("Content-Transfer-Encoding").is_some_and(|h| {
        let v = h.value.to_ascii_lowercase();
        v.contains("base64") || v.contains("quoted")
    })
}

/// The bytes from line `n` (0-based) on.
fn body_bytes(bytes: &[u8], n: usize) -> &[u8] {
    let mut at = 0;
    for _ in 0..n {
        match memchr::memchr(b'\n', &bytes[at..]) {
            Some(i) => at += i + 1,
            None => return &[],
        }
    }
    &bytes[at..]
}

/// The bodies between the boundary lines of a multipart (preamble and epilogue left out).
fn split_multipart<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<&'a [u8]>, FormatError> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    let mut closed = false;
    while at <= body.len() {
        let end = memchr::memchr(b'\n', &body[at..]).map_or(body.len(), |i| at + i);
        let line = &body[at..end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Some(rest) = line.strip_prefix(delimiter.as_bytes()) {
            let closing = rest.starts_with(b"--");
            let rest = if closing { &rest[2..] } else { rest };
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                if let Some(s) = start {
                    // The line end before the delimiter belongs to the delimiter.
                    let mut e = at;
                    if e > s && body[e - 1] == b'\n' {
                        e -= 1;
                        if e > s && body[e - 1] == b'\r' {
                            e -= 1;
                        }
                    }
                    parts.push(&body[s..e.max(s)]);
                }
                if closing {
                    closed = true;
                    break;
                }
                start = Some((end + 1).min(body.len()));
            }
        }
        at = end + 1;
    }
    if !closed && let Some(s) = start {
        // No closing delimiter (a truncated message): the last part runs to the end.
        parts.push(&body[s..]);
    }
    if parts.is_empty() {
        return Err(malformed("a multipart has no parts".into()));
    }
    Ok(parts)
}

/// Writes a part with line ends `nl`.
pub fn write(part: &Part, nl: &[u8], out: &mut Vec<u8>) {
    for h in &part.headers {
        match &h.raw {
            Some(lines) => {
                for l in lines {
                    out.extend_from_slice(l);
                    out.extend_from_slice(nl);
                }
            }
            None => write_folded(&h.name, &h.value, nl, out),
        }
    }
    out.extend_from_slice(nl);
    match &part.body {
        Body::Leaf(b) => out.extend_from_slice(b),
        Body::Message(m) => write(m, nl, out),
        Body::Multipart { boundary, parts } => {
            for p in parts {
                out.extend_from_slice(b"--");
                out.extend_from_slice(boundary.as_bytes());
                out.extend_from_slice(nl);
                write(p, nl, out);
                out.extend_from_slice(nl);
            }
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"--");
            out.extend_from_slice(nl);
        }
    }
}

/// `Name: value`, folded at white space before 78 characters where it can be.
fn write_folded(name: &str, value: &str, nl: &[u8], out: &mut Vec<u8>) {
    let mut line = format!("{name}:");
    for word in value.split(' ').filter(|w| !w.is_empty()) {
        if line.len() + 1 + word.len() > 76 && line.len() > name.len() + 1 {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(nl);
            line = String::from(" ");
            line.push_str(word);
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(nl);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_a_multipart_unchanged() {
        let msg = b"From: a@b.nl\nContent-Type: multipart/alternative;\n boundary=\"XX\"\n\npre\n--XX\nContent-Type: text/plain\n\nHallo\n--XX\nContent-Type: text/html\n\n<p>Hallo</p>\n--XX--\n";
        let p = parse(msg).unwrap();
        let Body::Multipart { parts, .. } = &p.body else {
            panic!("not a multipart")
        };
        assert_eq!(parts.len(), 2);
        assert!(matches!(&parts[0].body, Body::Leaf(b) if b == b"Hallo"));
        let mut out = Vec::new();
        write(&p, b"\n", &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "From: a@b.nl\nContent-Type: multipart/alternative;\n boundary=\"XX\"\n\n--XX\nContent-Type: text/plain\n\nHallo\n--XX\nContent-Type: text/html\n\n<p>Hallo</p>\n--XX--\n"
        );
    }

    #[test]
    fn refuses_malformed_headers_and_deep_nesting() {
        assert!(parse(b"no header here\n\nbody").is_err());
        assert!(parse(b" continued\nFrom: a\n\n").is_err());
        let mut msg = String::new();
        for i in 0..40 {
            msg.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"
            ));
        }
        assert!(matches!(parse(msg.as_bytes()), Err(FormatError::Limit(_))));
    }

    #[test]
    fn parameters_are_unquoted_and_rfc2231_decoded() {
        let v = "attachment; filename*0*=utf-8''Verslag%20J; filename*1*=%C3%A9.pdf";
        assert_eq!(param(v, "filename").as_deref(), Some("Verslag Jé.pdf"));
        assert_eq!(
            param("text/plain; charset=\"ISO-8859-1\"", "charset").as_deref(),
            Some("ISO-8859-1")
        );
    }
}
