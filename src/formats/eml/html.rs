//! HTML bodies: the text between tags and the attributes that carry data (`href`, with
//! `mailto:` addresses, `title`, `alt`), each one segment of the text model. Writing back
//! replaces only the segments that changed, escaped; comments are dropped (they can hold
//! anything and show nothing).

use std::ops::Range;

use crate::formats::model::{SegmentId, TextModel};

/// Attributes whose values are read by the detectors.
const DATA_ATTRIBUTES: &[&str] = &["href", "title", "alt", "aria-label", "content", "value"];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "tr",
    "td",
    "th",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "pre",
    "title",
    "body",
    "html",
    "head",
];

/// One piece of the source.
#[derive(Debug, Clone)]
enum Token {
    /// Markup kept as written (tags, declarations, script and style content).
    Raw(Range<usize>),
    /// A comment, dropped on writing.
    Comment,
    /// Text between tags; the segment holds its decoded text.
    Text(Range<usize>, SegmentId),
    /// An attribute value (with its quotes, if any) inside a tag.
    Attribute(Range<usize>, SegmentId),
}

/// An HTML body read into a model.
#[derive(Debug, Clone)]
pub struct Html {
    source: String,
    tokens: Vec<Token>,
}

impl Html {
    /// Reads `source` and appends its segments to `model`.
    pub fn read(source: String, model: &mut TextModel) -> Html {
        let mut tokens = Vec::new();
        let b = source.as_bytes();
        let mut at = 0;
        let mut text_start = 0;
        let flush_text = |tokens: &mut Vec<Token>, model: &mut TextModel, s: usize, e: usize| {
            if e > s {
                let id = model.segment(&decode_entities(&source[s..e]));
                tokens.push(Token::Text(s..e, id));
            }
        };
        while at < b.len() {
            if b[at] != b'<' {
                at += 1;
                continue;
            }
            let rest = &source[at..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                flush_text(&mut tokens, model, text_start, at);
                let end = comment.find("-->").map_or(b.len(), |i| at + 4 + i + 3);
                tokens.push(Token::Comment);
                at = end;
                text_start = at;
                continue;
            }
            let next = b.get(at + 1).copied().unwrap_or(b' ');
            if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
                at += 1;
                continue;
            }
            flush_text(&mut tokens, model, text_start, at);
            let end = tag_end(b, at);
            let (name, closing) = tag_name(&source[at..end]);
            if BLOCKS.contains(&name.as_str()) {
                model.context("\n");
            }
            if next.is_ascii_alphabetic() && !closing {
                read_attributes(&source, at..end, &mut tokens, model);
            } else {
                tokens.push(Token::Raw(at..end));
            }
            at = end;
            // Script and style content is not text.
            if !closing && (name == "script" || name == "style") {
                let close = format!("</{name}");
                let lower = source[at..].to_ascii_lowercase();
                let stop = lower.find(&close).map_or(b.len(), |i| at + i);
                tokens.push(Token::Raw(at..stop));
                at = stop;
            }
            text_start = at;
        }
        flush_text(&mut tokens, model, text_start, b.len());
        Html { source, tokens }
    }

    /// Whether any of its segments changed.
    pub fn changed(&self, segments: &[Option<String>]) -> bool {
        self.tokens.iter().any(|t| match t {
            Token::Text(_, id) | Token::Attribute(_, id) => segments[*id].is_some(),
            _ => false,
        })
    }

    /// The HTML with the changed segments written in, escaped.
    pub fn write(&self, segments: &[Option<String>]) -> String {
        let mut out = String::with_capacity(self.source.len());
        for t in &self.tokens {
            match t {
                Token::Raw(r) => out.push_str(&self.source[r.clone()]),
                Token::Comment => {}
                Token::Text(r, id) => match &segments[*id] {
                    Some(new) => out.push_str(&escape(new, false)),
                    None => out.push_str(&self.source[r.clone()]),
                },
                Token::Attribute(r, id) => match &segments[*id] {
                    Some(new) => {
                        out.push('"');
                        out.push_str(&escape(new, true));
                        out.push('"');
                    }
                    None => out.push_str(&self.source[r.clone()]),
                },
            }
        }
        out
    }
}

/// Where the tag starting at `at` ends (after its `>`), quotes respected.
fn tag_end(b: &[u8], at: usize) -> usize {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(at + 1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    b.len()
}

/// A tag's lower-case name and whether it closes.
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// Splits a start tag into raw pieces and data attribute values.
fn read_attributes(
    source: &str,
    tag: Range<usize>,
    tokens: &mut Vec<Token>,
    model: &mut TextModel,
) {
    let b = source.as_bytes();
    let mut at = tag.start + 1;
    let mut raw_from = tag.start;
    // Skip the name.
    while at < tag.end && !b[at].is_ascii_whitespace() && b[at] != b'>' && b[at] != b'/' {
        at += 1;
    }
    while at < tag.end {
        while at < tag.end && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        let name_start = at;
        while at < tag.end && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        let name = source[name_start..at].to_ascii_lowercase();
        let mut look = at;
        while look < tag.end && b[look].is_ascii_whitespace() {
            look += 1;
        }
        if look >= tag.end || b[look] != b'=' {
            if at == name_start {
                at += 1;
            }
            continue;
        }
        at = look + 1;
        while at < tag.end && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let value_start = at;
        let (inner, value_end) = match b.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let close = source[at + 1..tag.end]
                    .find(q as char)
                    .map_or(tag.end, |i| at + 1 + i);
                ((at + 1)..close, (close + 1).min(tag.end))
            }
            _ => {
                let mut e = at;
                while e < tag.end && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                    e += 1;
                }
                (at..e, e)
            }
        };
        at = value_end;
        if DATA_ATTRIBUTES.contains(&name.as_str()) && !inner.is_empty() {
            tokens.push(Token::Raw(raw_from..value_start));
            model.context("\n");
            let id = model.segment(&decode_entities(&source[inner]));
            model.context("\n");
            tokens.push(Token::Attribute(value_start..value_end, id));
            raw_from = value_end;
        }
    }
    tokens.push(Token::Raw(raw_from..tag.end));
}

/// Escapes text for HTML (and for a double-quoted attribute value).
fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Named character references that mail clients write; others stay as written.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("euro", '€'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("iacute", 'í'),
    ("igrave", 'ì'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("oacute", 'ó'),
    ("ograve", 'ò'),
    ("ocirc", 'ô'),
    ("ouml", 'ö'),
    ("uacute", 'ú'),
    ("ugrave", 'ù'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
    ("szlig", 'ß'),
    ("oslash", 'ø'),
    ("aring", 'å'),
    ("Eacute", 'É'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("Auml", 'Ä'),
    ("Iuml", 'Ï'),
    ("Ccedil", 'Ç'),
    ("Oslash", 'Ø'),
    ("Aring", 'Å'),
    ("shy", '\u{ad}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
];

/// Decodes character references (`&amp;`, `&#233;`, `&#xE9;`).
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let v = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                v.and_then(char::from_u32)
            } else {
                ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_data_attributes_are_segments_and_write_back_escaped() {
        let src = "<p title='Jan'>Hallo <b>Jan</b> &amp; co<!-- x --><a href=\"mailto:j@x.nl\">mail</a></p>";
        let mut m = TextModel::default();
        m.begin_part("body");
        let html = Html::read(src.to_string(), &mut m);
        assert_eq!(m.text(), "\n\nJan\nHallo Jan & co\nmailto:j@x.nl\nmail\n");
        let mut segs = vec![None; m.len()];
        segs[0] = Some("[5.1.2e]".to_string());
        segs[4] = Some("mailto:[5.1.2e] <x>".to_string());
        let out = html.write(&segs);
        assert_eq!(
            out,
            "<p title=\"[5.1.2e]\">Hallo <b>Jan</b> &amp; co<a href=\"mailto:[5.1.2e] &lt;x&gt;\">mail</a></p>"
        );
    }

    #[test]
    fn script_and_style_are_not_text_and_entities_decode() {
        let mut m = TextModel::default();
        Html::read(
            "<style>p{x:1}</style>Zo&euml; &#233;&#xE9; &bogus;".into(),
            &mut m,
        );
        assert_eq!(m.text(), "Zoë éé &bogus;");
    }
}
