//! Loading: what kind of document a file is, and decoding a text document while keeping the
//! way back to byte offsets in the original file (the audit log reports those).
//!
//! Text files are decoded, not refused, when they are in one of the forms Woo exports come in:
//!
//! - UTF-8, with or without a byte-order mark;
//! - UTF-16, little or big endian, with a byte-order mark;
//! - Windows-1252 (the usual "ANSI" of Dutch Windows systems), when the file is not valid
//!   UTF-8 and uses no byte that is undefined in Windows-1252;
//! - line ends `\r\n` (Windows) or `\r` (classic Mac) as well as `\n`, also mixed.
//!
//! The text the detectors see always has `\n` line ends, so a document gets the same
//! redactions whatever its line ends. [`TextDocument::file_offset`] maps a byte offset of that
//! text back to the original file (byte-order mark, encoding and line ends accounted for), and
//! [`TextDocument::encode_redaction`] writes the redacted text back in the file's own encoding,
//! byte-order mark and line ends.
//!
//! Refused, with the offset of the first offending byte and never any text: files with NUL
//! bytes (binary data, or UTF-16 without a byte-order mark), files that are neither UTF-8 nor
//! Windows-1252, UTF-16 with an odd number of bytes or an unpaired surrogate, and UTF-32.

use std::path::Path;

use crate::error::DocumentError;
use crate::resolve::Removal;

/// What kind of binary file `bytes` is, by its signature, for files named `.txt` that are
/// something else (common in exports).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF, not text: rename it to .pdf"),
        (
            b"PK\x03\x04",
            "a ZIP archive (.docx, .xlsx, .odt, .zip), not text",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an Office 97-2003 document or Outlook .msg, not text",
        ),
    ];
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|&(_, kind)| kind)
}

/// The kinds of document the tool processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A plain-text document (`.txt`).
    Text,
    /// A PDF document (`.pdf`).
    Pdf,
    /// An e-mail or Word document (`.eml`, `.msg`, `.docx`), redacted in its own format.
    Format(crate::formats::Format),
}

impl DocumentKind {
    /// The kind for a path, from its extension (case-insensitive); `None` for other files.
    pub fn of(path: &Path) -> Option<DocumentKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(DocumentKind::Text),
            "pdf" => Some(DocumentKind::Pdf),
            _ => crate::formats::Format::of_extension(&ext).map(DocumentKind::Format),
        }
    }
}

/// The character encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
    /// Windows-1252.
    Windows1252,
}

impl Encoding {
    /// Bytes of the file for one character of the text.
    fn len(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16Le | Encoding::Utf16Be => 2 * c.len_utf16(),
            Encoding::Windows1252 => 1,
        }
    }

    /// Bytes of the file for one ASCII character (`\r`, `\n`).
    fn unit(self) -> usize {
        match self {
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            _ => 1,
        }
    }

    /// The byte-order mark written for this encoding when the file had one.
    fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => b"\xEF\xBB\xBF",
            Encoding::Utf16Le => b"\xFF\xFE",
            Encoding::Utf16Be => b"\xFE\xFF",
            Encoding::Windows1252 => b"",
        }
    }
}

/// How one line end was written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineEnd {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
    /// `\r` alone.
    Cr,
}

/// How the line ends of a file were written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineEnds {
    /// All the same (or none at all).
    Uniform(LineEnd),
    /// Mixed: the text offset of every `\n` that was not `\n` in the file, with its form, in
    /// text order.
    Mixed(Vec<(usize, LineEnd)>),
}

/// A decoded text document. Its `Debug` output shows the form of the text, never the text.
#[derive(Clone, PartialEq, Eq)]
pub struct TextDocument {
    /// The text, with `\n` line ends.
    pub text: String,
    encoding: Encoding,
    /// Whether the file starts with a byte-order mark.
    bom: bool,
    line_ends: LineEnds,
}

impl std::fmt::Debug for TextDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextDocument")
            .field("text_bytes", &self.text.len())
            .field("encoding", &self.encoding)
            .field("bom", &self.bom)
            .field("line_ends", &self.line_ends)
            .finish()
    }
}

/// Windows-1252 bytes 0x80–0x9F; `None` where the code page leaves the byte undefined.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

fn cp1252_decode(b: u8) -> Option<char> {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => Some(char::from(b)),
    }
}

fn cp1252_encode(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ (0..=0x7F | 0xA0..=0xFF) => Some(n as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&m| m == Some(c))
            .map(|i| 0x80 + i as u8),
    }
}

fn decode_error(reason: String) -> DocumentError {
    DocumentError::Decode(reason)
}

impl TextDocument {
    /// Decodes the bytes of a text file (see the module documentation for the forms read).
    pub fn decode(bytes: Vec<u8>) -> Result<TextDocument, DocumentError> {
        if let Some(kind) = binary_kind(&bytes) {
            return Err(decode_error(format!("the file is {kind}")));
        }
        let (encoding, bom) =
            if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
                return Err(decode_error("UTF-32 text is not supported".into()));
            } else if bytes.starts_with(b"\xEF\xBB\xBF") {
                (Encoding::Utf8, true)
            } else if bytes.starts_with(b"\xFF\xFE") {
                (Encoding::Utf16Le, true)
            } else if bytes.starts_with(b"\xFE\xFF") {
                (Encoding::Utf16Be, true)
            } else {
                (Encoding::Utf8, false)
            };
        let skip = if bom { encoding.bom().len() } else { 0 };
        let raw = match encoding {
            Encoding::Utf8 => utf8_or_cp1252(bytes, skip)?,
            Encoding::Utf16Le | Encoding::Utf16Be => (utf16(&bytes, skip, encoding)?, encoding),
            Encoding::Windows1252 => unreachable!("never detected from a byte-order mark"),
        };
        let (raw, encoding) = raw;
        if let Some(at) = memchr::memchr(0, raw.as_bytes()) {
            let at = file_offset_of(&raw, at, encoding) + skip;
            return Err(decode_error(format!(
                "a NUL byte at offset {at}: binary data, or UTF-16 without a byte-order mark"
            )));
        }
        let (text, line_ends) = normalise_line_ends(raw);
        Ok(TextDocument {
            text,
            encoding,
            bom,
            line_ends,
        })
    }

    /// The encoding the file was read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The byte offset in the original file of byte `offset` of [`TextDocument::text`].
    ///
    /// For many offsets, use [`TextDocument::offset_mapper`], which walks the text once.
    pub fn file_offset(&self, offset: usize) -> usize {
        self.offset_mapper().map(offset)
    }

    /// Maps byte offsets of the text to byte offsets in the file; fastest when called with
    /// offsets in increasing order.
    pub fn offset_mapper(&self) -> OffsetMapper<'_> {
        OffsetMapper {
            doc: self,
            text_at: 0,
            file_at: if self.bom {
                self.encoding.bom().len()
            } else {
                0
            },
            line_end: 0,
        }
    }

    /// The bytes to write for the redacted version of this document's text: `redaction` is
    /// [`TextDocument::text`] with `removals` replaced by their labels (`label` gives each one),
    /// as [`crate::Redactor::redact`] returns it. The result has the encoding, byte-order mark
    /// and line ends of the original file.
    ///
    /// Fails only when a label cannot be written in Windows-1252.
    pub fn encode_redaction(
        &self,
        redaction: String,
        removals: &[Removal],
        label: impl Fn(&Removal) -> String,
    ) -> Result<Vec<u8>, DocumentError> {
        let bom: &[u8] = if self.bom { self.encoding.bom() } else { b"" };
        if self.encoding == Encoding::Utf8 && self.line_ends == LineEnds::Uniform(LineEnd::Lf) {
            if bom.is_empty() {
                return Ok(redaction.into_bytes());
            }
            let mut out = Vec::with_capacity(bom.len() + redaction.len());
            out.extend_from_slice(bom);
            out.extend_from_slice(redaction.as_bytes());
            return Ok(out);
        }
        drop(redaction);
        let mut writer = Writer {
            out: Vec::with_capacity(self.text.len() + self.text.len() / 8 + bom.len()),
            encoding: self.encoding,
        };
        writer.out.extend_from_slice(bom);
        let mut ends = LineEndCursor::new(&self.line_ends);
        let mut at = 0;
        for r in removals {
            writer.text(&self.text[at..r.start], at, &mut ends);
            writer.label(&label(r))?;
            at = r.end;
        }
        writer.text(&self.text[at..], at, &mut ends);
        Ok(writer.out)
    }
}

impl TextDocument {
    /// The text of bytes written for this document (see
    /// [`TextDocument::encode_redaction`]), decoded in this document's own encoding and
    /// byte-order mark (never guessed again), line ends read as `\n`: what verification
    /// checks.
    pub(crate) fn decode_written(&self, bytes: &[u8]) -> Result<String, DocumentError> {
        let written = |what: &str| DocumentError::Verification(format!("the written text {what}"));
        let bom: &[u8] = if self.bom { self.encoding.bom() } else { b"" };
        let body = bytes
            .strip_prefix(bom)
            .ok_or_else(|| written("lost its byte-order mark"))?;
        let raw = match self.encoding {
            Encoding::Utf8 => {
                String::from_utf8(body.to_vec()).map_err(|_| written("is not valid UTF-8"))?
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                utf16(body, 0, self.encoding).map_err(|_| written("is not valid UTF-16"))?
            }
            Encoding::Windows1252 => body
                .iter()
                .map(|&b| cp1252_decode(b).ok_or_else(|| written("is not Windows-1252")))
                .collect::<Result<String, _>>()?,
        };
        Ok(normalise_line_ends(raw).0)
    }
}

/// Writes text back in a file's encoding and line ends.
struct Writer {
    out: Vec<u8>,
    encoding: Encoding,
}

impl Writer {
    /// `s` starts at text offset `from`.
    fn text(&mut self, s: &str, from: usize, ends: &mut LineEndCursor<'_>) {
        let mut last = 0;
        for nl in memchr::memchr_iter(b'\n', s.as_bytes()) {
            self.chars(&s[last..nl]);
            match ends.at(from + nl) {
                LineEnd::Lf => self.chars("\n"),
                LineEnd::CrLf => self.chars("\r\n"),
                LineEnd::Cr => self.chars("\r"),
            }
            last = nl + 1;
        }
        self.chars(&s[last..]);
    }

    fn chars(&mut self, s: &str) {
        match self.encoding {
            Encoding::Utf8 => self.out.extend_from_slice(s.as_bytes()),
            Encoding::Utf16Le => s
                .encode_utf16()
                .for_each(|u| self.out.extend_from_slice(&u.to_le_bytes())),
            Encoding::Utf16Be => s
                .encode_utf16()
                .for_each(|u| self.out.extend_from_slice(&u.to_be_bytes())),
            Encoding::Windows1252 => {
                // Text decoded from Windows-1252 always encodes back.
                self.out
                    .extend(s.chars().map(|c| cp1252_encode(c).unwrap_or(b'?')))
            }
        }
    }

    fn label(&mut self, label: &str) -> Result<(), DocumentError> {
        if self.encoding == Encoding::Windows1252
            && label.chars().any(|c| cp1252_encode(c).is_none())
        {
            return Err(DocumentError::Encode(
                "a label has a character that Windows-1252 cannot write".into(),
            ));
        }
        self.chars(label);
        Ok(())
    }
}

/// The form of each `\n` of the text, for offsets visited in increasing order.
struct LineEndCursor<'a> {
    ends: &'a LineEnds,
    next: usize,
}

impl<'a> LineEndCursor<'a> {
    fn new(ends: &'a LineEnds) -> Self {
        LineEndCursor { ends, next: 0 }
    }

    /// The form of the `\n` at text offset `at`.
    fn at(&mut self, at: usize) -> LineEnd {
        match self.ends {
            LineEnds::Uniform(e) => *e,
            LineEnds::Mixed(list) => {
                if self.next > 0 && list.get(self.next - 1).is_some_and(|&(p, _)| p > at) {
                    self.next = 0;
                }
                while list.get(self.next).is_some_and(|&(p, _)| p < at) {
                    self.next += 1;
                }
                match list.get(self.next) {
                    Some(&(p, e)) if p == at => e,
                    _ => LineEnd::Lf,
                }
            }
        }
    }
}

/// Maps text offsets to file offsets (see [`TextDocument::offset_mapper`]).
pub struct OffsetMapper<'a> {
    doc: &'a TextDocument,
    text_at: usize,
    file_at: usize,
    /// Index into the mixed line-end list.
    line_end: usize,
}

impl OffsetMapper<'_> {
    /// The file offset of text offset `offset` (clamped to the text).
    pub fn map(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.doc.text.len());
        if offset < self.text_at {
            *self = self.doc.offset_mapper();
        }
        let doc = self.doc;
        let span = &doc.text[self.text_at..offset];
        let unit = doc.encoding.unit();
        // Bytes of the characters themselves.
        self.file_at += match doc.encoding {
            Encoding::Utf8 => span.len(),
            e => span.chars().map(|c| e.len(c)).sum(),
        };
        // Plus one `\r` for every `\n` that was `\r\n`.
        self.file_at += unit
            * match &doc.line_ends {
                LineEnds::Uniform(LineEnd::CrLf) => {
                    memchr::memchr_iter(b'\n', span.as_bytes()).count()
                }
                LineEnds::Uniform(_) => 0,
                LineEnds::Mixed(list) => {
                    let mut n = 0;
                    while let Some(&(p, e)) = list.get(self.line_end) {
                        if p >= offset {
                            break;
                        }
                        n += usize::from(e == LineEnd::CrLf);
                        self.line_end += 1;
                    }
                    n
                }
            };
        self.text_at = offset;
        self.file_at
    }
}

/// UTF-8 text after `skip` bytes, else Windows-1252 (only without a byte-order mark).
fn utf8_or_cp1252(mut bytes: Vec<u8>, skip: usize) -> Result<(String, Encoding), DocumentError> {
    bytes.drain(..skip);
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Encoding::Utf8)),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to() + skip;
            if skip > 0 {
                return Err(decode_error(format!(
                    "not valid UTF-8 although it starts with a UTF-8 byte-order mark (first bad \
                     byte at offset {bad})"
                )));
            }
            let bytes = e.into_bytes();
            if let Some(at) = bytes
                .iter()
                .position(|&b| cp1252_decode(b).is_none() || b == 0)
            {
                let what = if bytes[at] == 0 {
                    "a NUL byte".to_string()
                } else {
                    format!("byte 0x{:02X}, undefined in Windows-1252,", bytes[at])
                };
                return Err(decode_error(format!(
                    "neither UTF-8 (first bad byte at offset {bad}) nor Windows-1252 ({what} at \
                     offset {at})"
                )));
            }
            let text = bytes.iter().filter_map(|&b| cp1252_decode(b)).collect();
            Ok((text, Encoding::Windows1252))
        }
    }
}

fn utf16(bytes: &[u8], skip: usize, encoding: Encoding) -> Result<String, DocumentError> {
    let body = &bytes[skip..];
    if !body.len().is_multiple_of(2) {
        return Err(decode_error(
            "UTF-16 text with an odd number of bytes (truncated?)".into(),
        ));
    }
    let units = body.chunks_exact(2).map(|p| {
        if encoding == Encoding::Utf16Le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len() / 2 + body.len() / 8);
    let mut at = skip;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                at += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                return Err(decode_error(format!(
                    "not valid UTF-16 (unpaired surrogate at offset {at})"
                )));
            }
        }
    }
    Ok(text)
}

/// The file offset (after any byte-order mark) of byte `at` of `raw`, decoded from `encoding`
/// before line ends were normalised.
fn file_offset_of(raw: &str, at: usize, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => at,
        e => raw[..at].chars().map(|c| e.len(c)).sum(),
    }
}

/// `\r\n` and lone `\r` become `\n`; returns the text and how its line ends were written.
fn normalise_line_ends(raw: String) -> (String, LineEnds) {
    if memchr::memchr(b'\r', raw.as_bytes()).is_none() {
        return (raw, LineEnds::Uniform(LineEnd::Lf));
    }
    let bytes = raw.as_bytes();
    let mut text = Vec::with_capacity(bytes.len());
    let mut ends: Vec<(usize, LineEnd)> = Vec::new();
    let mut lf = 0usize;
    let mut last = 0;
    for i in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        if i < last {
            continue; // the `\n` of a `\r\n` already handled
        }
        text.extend_from_slice(&bytes[last..i]);
        let at = text.len();
        text.push(b'\n');
        if bytes[i] == b'\n' {
            lf += 1;
            last = i + 1;
        } else if bytes.get(i + 1) == Some(&b'\n') {
            ends.push((at, LineEnd::CrLf));
            last = i + 2;
        } else {
            ends.push((at, LineEnd::Cr));
            last = i + 1;
        }
    }
    text.extend_from_slice(&bytes[last..]);
    drop(raw);
    // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
    let text = String::from_utf8(text).expect("line-end normalisation keeps UTF-8");
    let line_ends = if lf == 0 && ends.iter().all(|e| e.1 == ends[0].1) {
        LineEnds::Uniform(ends[0].1)
    } else {
        ends.shrink_to_fit();
        LineEnds::Mixed(ends)
    };
    (text, line_ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_extension() {
        assert_eq!(
            DocumentKind::of(Path::new("a/B.TXT")),
            Some(DocumentKind::Text)
        );
        assert_eq!(
            DocumentKind::of(Path::new("a.pdf")),
            Some(DocumentKind::Pdf)
        );
        assert_eq!(
            DocumentKind::of(Path::new("a.DOCX")),
            Some(DocumentKind::Format(crate::formats::Format::Docx))
        );
        assert_eq!(DocumentKind::of(Path::new("a.odt")), None);
        assert_eq!(DocumentKind::of(Path::new("README")), None);
    }

    #[test]
    fn other_kinds_of_file_named_txt_are_refused_by_name() {
        let reason = |bytes: &[u8]| {
            TextDocument::decode(bytes.to_vec())
                .unwrap_err()
                .to_string()
        };
        assert!(reason(b"%PDF-1.7\n%\xE2\xE3").contains("a PDF, not text: rename it to .pdf"));
        assert!(reason(b"PK\x03\x04\x14\x00").contains("ZIP archive"));
        assert!(reason(b"\xD0\xCF\x11\xE0\xA1\xB1").contains("Outlook .msg"));
        // Text that merely mentions a signature later on is text.
        assert!(TextDocument::decode(b"Zie %PDF- en PK.".to_vec()).is_ok());
    }

    fn removal(start: usize, end: usize) -> Removal {
        Removal::test_name(start, end)
    }

    /// Redacts `needle` (every occurrence in the decoded text) as `[X]` and returns the
    /// output bytes and the file offsets of the removals.
    fn redact(doc: &TextDocument, needle: &str) -> (Vec<u8>, Vec<(usize, usize)>) {
        let removals: Vec<Removal> = doc
            .text
            .match_indices(needle)
            .map(|(i, m)| removal(i, i + m.len()))
            .collect();
        let text = crate::apply::apply(&doc.text, &removals, &crate::Policy::default());
        let mut mapper = doc.offset_mapper();
        let offsets = removals
            .iter()
            .map(|r| (mapper.map(r.start), mapper.map(r.end)))
            .collect();
        let out = doc
            .encode_redaction(text, &removals, |_| "[5.1.2e]".into())
            .unwrap();
        (out, offsets)
    }

    #[test]
    fn a_byte_order_mark_is_kept_and_offsets_account_for_it() {
        let doc = TextDocument::decode(b"\xEF\xBB\xBFJan".to_vec()).unwrap();
        assert_eq!(doc.text, "Jan");
        assert_eq!(doc.file_offset(0), 3);
        let (out, offsets) = redact(&doc, "Jan");
        assert_eq!(out, b"\xEF\xBB\xBF[5.1.2e]");
        assert_eq!(offsets, [(3, 6)]);
    }

    #[test]
    fn crlf_and_cr_line_ends_are_read_as_lf_and_written_back() {
        let file = b"Jan\r\nde Vries\nPiet\rKlaas\r\n\r\nJan".to_vec();
        let doc = TextDocument::decode(file.clone()).unwrap();
        assert_eq!(doc.text, "Jan\nde Vries\nPiet\nKlaas\n\nJan");
        let (out, offsets) = redact(&doc, "Jan");
        assert_eq!(out, b"[5.1.2e]\r\nde Vries\nPiet\rKlaas\r\n\r\n[5.1.2e]");
        for (s, e) in &offsets {
            assert_eq!(&file[*s..*e], b"Jan");
        }
        let (_, offsets) = redact(&doc, "Klaas\n\nJan");
        assert_eq!(&file[offsets[0].0..offsets[0].1], b"Klaas\r\n\r\nJan");
        // Uniform CRLF.
        let doc = TextDocument::decode(b"a\r\nJan\r\n".to_vec()).unwrap();
        assert_eq!(doc.text, "a\nJan\n");
        let (out, offsets) = redact(&doc, "Jan");
        assert_eq!(out, b"a\r\n[5.1.2e]\r\n");
        assert_eq!(offsets, [(3, 6)]);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_and_written_back() {
        let text = "Bel Jé €\r\nJé";
        for (bom, le) in [(&b"\xFF\xFE"[..], true), (&b"\xFE\xFF"[..], false)] {
            let mut file = bom.to_vec();
            for u in text.encode_utf16() {
                file.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            let doc = TextDocument::decode(file.clone()).unwrap();
            assert_eq!(doc.text, "Bel Jé €\nJé");
            let (out, offsets) = redact(&doc, "Jé");
            let mut expected = bom.to_vec();
            for u in "Bel [5.1.2e] €\r\n[5.1.2e]".encode_utf16() {
                expected.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            assert_eq!(out, expected);
            assert_eq!(offsets, [(10, 14), (22, 26)]);
        }
        assert!(TextDocument::decode(b"\xFF\xFEa".to_vec()).is_err());
        assert!(TextDocument::decode(b"\xFF\xFE\x00\xD8a\x00".to_vec()).is_err());
    }

    #[test]
    fn windows_1252_is_decoded_when_not_utf8() {
        let file = b"Caf\xe9 \x80 J\xf6rg \x93x\x94\r\n".to_vec();
        let doc = TextDocument::decode(file.clone()).unwrap();
        assert_eq!(doc.encoding(), Encoding::Windows1252);
        assert_eq!(doc.text, "Café € Jörg \u{201C}x\u{201D}\n");
        let (out, offsets) = redact(&doc, "Jörg");
        assert_eq!(out, b"Caf\xe9 \x80 [5.1.2e] \x93x\x94\r\n");
        assert_eq!(&file[offsets[0].0..offsets[0].1], b"J\xf6rg");
        // A label Windows-1252 cannot write fails the document.
        assert!(matches!(
            doc.encode_redaction(String::new(), &[removal(0, 1)], |_| "[✗]".into()),
            Err(DocumentError::Encode(_))
        ));
    }

    #[test]
    fn undecodable_text_names_the_offset_not_the_text() {
        let err = TextDocument::decode(b"Jan \x81 de Vries".to_vec()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("offset 4") && msg.contains("0x81"), "{msg}");
        assert!(!msg.contains("Vries"));
        let err = TextDocument::decode(b"J\x00a\x00n\x00".to_vec()).unwrap_err();
        assert!(err.to_string().contains("NUL byte at offset 1"), "{err}");
        let err = TextDocument::decode(b"\xEF\xBB\xBFJan \xff".to_vec()).unwrap_err();
        assert!(err.to_string().contains("offset 7"), "{err}");
        assert!(TextDocument::decode(b"\xFF\xFE\x00\x00a\x00\x00\x00".to_vec()).is_err());
    }

    #[test]
    fn the_offset_mapper_goes_back_when_asked() {
        let doc = TextDocument::decode(b"a\r\nb\r\nc".to_vec()).unwrap();
        let mut m = doc.offset_mapper();
        assert_eq!(m.map(4), 6);
        assert_eq!(m.map(2), 3);
        assert_eq!(m.map(99), 7);
    }
}
