//! Fonts: how the bytes of a shown string split into character codes, each code's width and
//! Unicode text. Simple fonts (Type 1, TrueType, standard 14) and Type 0 fonts (Identity-H or
//! an embedded CMap, `/W` widths) are read; a ToUnicode CMap takes precedence over the
//! encoding. Fonts the tool cannot read carry a [`FontProblem`], raised when text is shown.

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::encoding;
use super::error::FontProblem;
use super::geom::{Rect, number};
use super::tables::{self, encodings};

/// Most bytes a font program or CMap may decompress to.
const MAX_FONT_DATA: usize = 32 << 20;

/// One character code in a shown string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CodeInfo {
    /// Offset of the code's first byte in the string.
    pub start: u32,
    /// Number of bytes.
    pub len: u8,
    /// The code's value.
    pub code: u32,
    /// Horizontal displacement in text space units (glyph width ÷ 1000).
    pub width: f64,
    /// Whether word spacing applies: the single-byte code 32.
    pub word_space: bool,
}

/// A font as far as text extraction and positioning need it.
#[derive(Debug)]
pub(crate) struct Font {
    /// The `/BaseFont` name, for messages.
    pub base: Vec<u8>,
    /// Top of the glyph box in text space units.
    pub ascent: f64,
    /// Bottom of the glyph box in text space units (negative).
    pub descent: f64,
    kind: Kind,
    problem: Option<FontProblem>,
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Unicode text per code; `None` when the code cannot be decoded.
        text: Vec<Option<Box<str>>>,
        widths: Vec<f64>,
    },
    Composite(Box<Composite>),
}

#[derive(Debug)]
struct Composite {
    /// `None` for Identity-H: two-byte codes, CID = code.
    encoding: Option<CMap>,
    to_unicode: Option<CMap>,
    widths: CidWidths,
}

impl Font {
    /// Reads a font dictionary. Never fails: an unreadable font records its problem.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let base = name_of(doc, dict, b"BaseFont").unwrap_or_default();
        match name_of(doc, dict, b"Subtype").as_deref() {
            Some(b"Type0") => load_composite(doc, dict, base),
            Some(b"Type3") => Font {
                base,
                ascent: 0.8,
                descent: -0.2,
                kind: Kind::Simple {
                    text: vec![None; 256],
                    widths: vec![0.0; 256],
                },
                problem: Some(FontProblem::Type3),
            },
            _ => load_simple(doc, dict, base),
        }
    }

    /// Why text in this font cannot be read, if it cannot.
    pub fn problem(&self) -> Option<&FontProblem> {
        self.problem.as_ref()
    }

    /// Splits a string into character codes.
    pub fn codes(&self, bytes: &[u8], out: &mut Vec<CodeInfo>) {
        out.clear();
        match &self.kind {
            Kind::Simple { widths, .. } => {
                out.extend(bytes.iter().enumerate().map(|(i, &b)| CodeInfo {
                    start: i as u32,
                    len: 1,
                    code: u32::from(b),
                    width: widths[usize::from(b)],
                    word_space: b == b' ',
                }));
            }
            Kind::Composite(c) => {
                let Composite {
                    encoding, widths, ..
                } = c.as_ref();
                let mut at = 0;
                while at < bytes.len() {
                    let (len, code) = match encoding {
                        None if at + 1 < bytes.len() => {
                            (2, u32::from(bytes[at]) << 8 | u32::from(bytes[at + 1]))
                        }
                        // A lone trailing byte of an Identity-H string.
                        None => (1, u32::from(bytes[at])),
                        Some(cmap) => cmap.next_code(&bytes[at..]),
                    };
                    let cid = match encoding {
                        None => code,
                        Some(cmap) => cmap.cid((len, code)).unwrap_or(0),
                    };
                    out.push(CodeInfo {
                        start: at as u32,
                        len,
                        code,
                        width: widths.width(cid),
                        word_space: len == 1 && code == 32,
                    });
                    at += usize::from(len);
                }
            }
        }
    }

    /// Appends the Unicode text of a code to `out`; false if it cannot be decoded.
    pub fn push_text(&self, code: &CodeInfo, out: &mut String) -> bool {
        match &self.kind {
            Kind::Simple { text, .. } => match text.get(code.code as usize) {
                Some(Some(t)) => {
                    out.push_str(t);
                    true
                }
                _ => false,
            },
            Kind::Composite(c) => {
                let before = out.len();
                let ok = c
                    .to_unicode
                    .as_ref()
                    .is_some_and(|m| m.push_unicode((code.len, code.code), out));
                // An empty mapping gives no text to check, which is no better than none.
                ok && out.len() > before
            }
        }
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

fn name_of(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    get(doc, dict, key)?.as_name().ok().map(<[u8]>::to_vec)
}

fn dict_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    get(doc, dict, key)?.as_dict().ok()
}

fn stream_data(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    let stream = get(doc, dict, key)?.as_stream().ok()?;
    super::stream::decode(stream, MAX_FONT_DATA).ok()
}

/// A ToUnicode or encoding CMap stream; `None` if absent or unreadable.
fn cmap(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<CMap> {
    CMap::parse(&stream_data(doc, dict, key)?).ok()
}

/// Ascent and descent in text space units, from the font descriptor, its `/FontBBox`, the
/// standard 14 metrics, or typical values.
fn vertical_metrics(
    doc: &Document,
    descriptor: Option<&Dictionary>,
    std: Option<tables::Std14>,
) -> (f64, f64) {
    let num = |key: &[u8]| descriptor.and_then(|d| get(doc, d, key)).and_then(number);
    let bbox = descriptor
        .and_then(|d| get(doc, d, b"FontBBox"))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| Rect::from_objects(a));
    let candidates = [
        (num(b"Ascent"), num(b"Descent")),
        (bbox.map(|b| b.y1), bbox.map(|b| b.y0)),
        (
            std.map(|s| f64::from(s.ascent)),
            std.map(|s| f64::from(s.descent)),
        ),
    ];
    for (a, d) in candidates {
        if let (Some(a), Some(d)) = (a, d)
            && a > 0.0
            && d <= 0.0
            && a <= 2500.0
            && d >= -2500.0
        {
            return (a / 1000.0, d / 1000.0);
        }
    }
    (0.8, -0.2)
}

fn load_simple(doc: &Document, dict: &Dictionary, base: Vec<u8>) -> Font {
    let base_str = String::from_utf8_lossy(&base).into_owned();
    let descriptor = dict_of(doc, dict, b"FontDescriptor");
    let std = tables::std14(&base_str);
    let flags = descriptor
        .and_then(|d| get(doc, d, b"Flags"))
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    // Flags bit 3 is Symbolic, bit 6 Nonsymbolic.
    let symbolic = flags & 4 != 0 && flags & 32 == 0;
    let embedded_type1 = descriptor.and_then(|d| stream_data(doc, d, b"FontFile"));
    let embedded = descriptor.is_some_and(|d| {
        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
            .iter()
            .any(|k| d.has(k))
    });

    let (named, differences) = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => (encoding::base_encoding(n), None),
        Some(Object::Dictionary(d)) => (
            name_of(doc, d, b"BaseEncoding").and_then(|n| encoding::base_encoding(&n)),
            get(doc, d, b"Differences").and_then(|o| o.as_array().ok()),
        ),
        _ => (None, None),
    };
    let builtin: Option<Vec<String>> = match std {
        Some(s) if s.is_symbolic() || descriptor.is_none() => {
            Some(encoding::names_of(encoding::builtin(s.name)))
        }
        _ => embedded_type1.as_deref().and_then(type1_builtin_encoding),
    };
    // A symbolic font without any encoding information: codes are shown as they are, the
    // way text extractors read them.
    let identity = named.is_none() && builtin.is_none() && symbolic;
    let mut names = match (named, builtin) {
        (Some(n), _) => encoding::names_of(n),
        (None, Some(b)) => b,
        (None, None) if identity => vec![String::new(); 256],
        (None, None) => encoding::names_of(&encodings::STANDARD),
    };
    if let Some(d) = differences {
        encoding::apply_differences(doc, &mut names, d);
    }

    let to_unicode = cmap(doc, dict, b"ToUnicode");
    let symbol_like = std.is_some_and(|s| s.is_symbolic())
        || ["Dingbats", "Wingdings", "Webdings", "Symbol"]
            .iter()
            .any(|s| base_str.contains(s));
    let text: Vec<Option<Box<str>>> = (0..256u32)
        .map(|code| {
            let mut s = String::new();
            if let Some(m) = &to_unicode
                && m.push_unicode((1, code), &mut s)
                && !s.is_empty()
            {
                return Some(s.into_boxed_str());
            }
            if let Some(t) = encoding::glyph_text(&names[code as usize]) {
                return Some(t.into());
            }
            if identity && ((0x20..0x7F).contains(&code) || (0xA0..=0xFF).contains(&code)) {
                return char::from_u32(code).map(|c| c.to_string().into_boxed_str());
            }
            // Dingbats and symbols without a Unicode name carry no words.
            if symbol_like {
                return Some("\u{FFFD}".into());
            }
            // A font the viewer supplies draws a code without a glyph name as .notdef: no
            // text. (An embedded font may still draw a glyph for it, so that stays unreadable.)
            (!embedded && names[code as usize].is_empty()).then(|| "".into())
        })
        .collect();

    let widths = simple_widths(doc, dict, descriptor, std, &names);
    let (ascent, descent) = vertical_metrics(doc, descriptor, std);
    Font {
        base,
        ascent,
        descent,
        kind: Kind::Simple { text, widths },
        problem: None,
    }
}

/// Widths per code in text space units: `/Widths` from `/FirstChar`, else `/MissingWidth`;
/// a font without `/Widths` takes the standard 14 metrics (Helvetica's when it is none of
/// them, as an approximation).
fn simple_widths(
    doc: &Document,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    std: Option<tables::Std14>,
    names: &[String],
) -> Vec<f64> {
    let missing = descriptor
        .and_then(|d| get(doc, d, b"MissingWidth"))
        .and_then(number)
        .unwrap_or(0.0);
    let first = get(doc, dict, b"FirstChar")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let table = get(doc, dict, b"Widths").and_then(|o| o.as_array().ok());
    let metrics = std.unwrap_or_else(tables::helvetica);
    (0..256i64)
        .map(|code| {
            let w = match table {
                Some(t) => usize::try_from(code - first)
                    .ok()
                    .and_then(|i| t.get(i))
                    .and_then(|o| number(deref(doc, o)))
                    .unwrap_or(missing),
                None => metrics
                    .width(&names[code as usize])
                    .map_or(missing, f64::from),
            };
            w / 1000.0
        })
        .collect()
}

/// The built-in encoding in the clear-text part of an embedded Type 1 font program
/// (`dup <code> /<name> put` entries), if it has one other than StandardEncoding.
fn type1_builtin_encoding(program: &[u8]) -> Option<Vec<String>> {
    let clear = match memchr::memmem::find(program, b"eexec") {
        Some(i) => &program[..i],
        None => program,
    };
    memchr::memmem::find(clear, b"/Encoding")?;
    if memchr::memmem::find(clear, b"StandardEncoding def").is_some() {
        return None;
    }
    let words: Vec<&[u8]> = clear
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut names = vec![String::new(); 256];
    let mut found = false;
    for w in words.windows(4) {
        if let [b"dup", code, name, b"put"] = w
            && let Some(code) = std::str::from_utf8(code)
                .ok()
                .and_then(|c| c.parse::<usize>().ok())
                .filter(|c| *c < 256)
            && let Some(name) = name.strip_prefix(b"/")
        {
            names[code] = String::from_utf8_lossy(name).into_owned();
            found = true;
        }
    }
    found.then_some(names)
}

fn load_composite(doc: &Document, dict: &Dictionary, base: Vec<u8>) -> Font {
    let descendant = get(doc, dict, b"DescendantFonts")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o).as_dict().ok());
    let descriptor = descendant.and_then(|d| dict_of(doc, d, b"FontDescriptor"));
    let (ascent, descent) = vertical_metrics(doc, descriptor, None);
    let widths = descendant.map_or_else(CidWidths::default, |d| CidWidths::load(doc, d));
    let mut problem = None;
    let encoding = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) if n == b"Identity-H" => None,
        Some(Object::Name(n)) if n.ends_with(b"-V") => {
            problem = Some(FontProblem::Vertical);
            None
        }
        Some(Object::Name(n)) => {
            problem = Some(FontProblem::UnsupportedCMap(
                String::from_utf8_lossy(n).into_owned(),
            ));
            None
        }
        Some(Object::Stream(s)) => {
            match super::stream::decode(s, MAX_FONT_DATA)
                .ok()
                .and_then(|d| CMap::parse(&d).ok())
            {
                Some(m) if m.vertical => {
                    problem = Some(FontProblem::Vertical);
                    None
                }
                Some(m) if m.has_codespace() => Some(m),
                Some(m) if m.use_cmap.as_deref() == Some(b"Identity-H") => None,
                Some(m) => {
                    let name = m.use_cmap.unwrap_or_else(|| b"embedded".to_vec());
                    problem = Some(FontProblem::UnsupportedCMap(
                        String::from_utf8_lossy(&name).into_owned(),
                    ));
                    None
                }
                None => {
                    problem = Some(FontProblem::UnsupportedCMap("unreadable".into()));
                    None
                }
            }
        }
        _ => {
            problem = Some(FontProblem::UnsupportedCMap("missing".into()));
            None
        }
    };
    Font {
        base,
        ascent,
        descent,
        kind: Kind::Composite(Box::new(Composite {
            encoding,
            to_unicode: cmap(doc, dict, b"ToUnicode"),
            widths,
        })),
        problem,
    }
}

/// CID widths from `/W` and `/DW`, in text space units.
#[derive(Debug, Default)]
struct CidWidths {
    default: f64,
    /// `(first, last, width)`, sorted by `first`.
    runs: Vec<(u32, u32, f64)>,
}

impl CidWidths {
    fn load(doc: &Document, descendant: &Dictionary) -> CidWidths {
        let default = get(doc, descendant, b"DW")
            .and_then(number)
            .unwrap_or(1000.0)
            / 1000.0;
        let mut runs = Vec::new();
        let w = get(doc, descendant, b"W")
            .and_then(|o| o.as_array().ok())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let cid = |o: &Object| {
            number(deref(doc, o))
                .filter(|v| *v >= 0.0 && *v <= f64::from(u32::MAX))
                .map(|v| v as u32)
        };
        let mut i = 0;
        while i < w.len() {
            let Some(first) = cid(&w[i]) else { break };
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().enumerate() {
                        if let Some(width) = number(deref(doc, width)) {
                            let c = first.saturating_add(k as u32);
                            runs.push((c, c, width / 1000.0));
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(width)) =
                        (cid(last), w.get(i + 2).and_then(|o| number(deref(doc, o))))
                    else {
                        break;
                    };
                    if first <= last {
                        runs.push((first, last, width / 1000.0));
                    }
                    i += 3;
                }
                None => break,
            }
        }
        runs.sort_by_key(|r| r.0);
        CidWidths { default, runs }
    }

    fn width(&self, cid: u32) -> f64 {
        let i = self.runs.partition_point(|r| r.0 <= cid);
        match i.checked_sub(1).map(|i| self.runs[i]) {
            Some((_, last, w)) if cid <= last => w,
            _ => self.default,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    fn decode(font: &Font, bytes: &[u8]) -> (String, Vec<f64>, bool) {
        let mut codes = Vec::new();
        font.codes(bytes, &mut codes);
        let mut text = String::new();
        let ok = codes.iter().all(|c| font.push_text(c, &mut text));
        (text, codes.iter().map(|c| c.width).collect(), ok)
    }

    #[test]
    fn standard_14_font_with_winansi() {
        let doc = Document::new();
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        };
        let font = Font::load(&doc, &dict);
        let (text, widths, ok) = decode(&font, b"Jan \xe9\x80");
        assert!(ok);
        assert_eq!(text, "Jan é€");
        // Code 1 has no glyph in WinAnsi: Helvetica draws nothing for it.
        assert_eq!(
            decode(&font, b"a\x01b"),
            ("ab".into(), vec![0.556, 0.0, 0.556], true)
        );
        assert_eq!(widths[0], 0.5);
        assert_eq!(widths[3], 0.278);
        assert_eq!((font.ascent, font.descent), (0.718, -0.207));
    }

    #[test]
    fn differences_and_undecodable_names() {
        let doc = Document::new();
        let dict = dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Custom",
            "FirstChar" => 65, "Widths" => vec![600.into(), 700.into()],
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![65.into(), "uni00E9".into(), "g12".into()],
            },
            "FontDescriptor" => dictionary! { "Flags" => 32, "MissingWidth" => 250 },
        };
        let font = Font::load(&doc, &dict);
        let (text, widths, ok) = decode(&font, b"A");
        assert!(ok);
        assert_eq!(text, "é");
        assert_eq!(widths, vec![0.6]);
        assert!(!decode(&font, b"B").2);
        assert_eq!(decode(&font, b"C").1, vec![0.25]);
    }

    #[test]
    fn to_unicode_takes_precedence_and_handles_ligatures() {
        let mut doc = Document::new();
        let cmap = doc.add_object(Stream::new(
            dictionary! {},
            b"1 beginbfchar <41> <00660069> endbfchar".to_vec(),
        ));
        let dict = dictionary! {
            "Subtype" => "Type1", "BaseFont" => "Times-Roman", "ToUnicode" => cmap,
        };
        let font = Font::load(&doc, &dict);
        assert_eq!(decode(&font, b"AB").0, "fiB");
    }

    #[test]
    fn identity_h_with_w_array_and_to_unicode() {
        let mut doc = Document::new();
        let cmap = doc.add_object(Stream::new(
            dictionary! {},
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange
              1 beginbfrange <0010> <0012> <0061> endbfrange"
                .to_vec(),
        ));
        let dict = dictionary! {
            "Subtype" => "Type0", "BaseFont" => "XYZ+Noto", "Encoding" => "Identity-H",
            "ToUnicode" => cmap,
            "DescendantFonts" => vec![dictionary! {
                "Subtype" => "CIDFontType2", "DW" => 500,
                "W" => vec![16.into(), vec![300.into(), 400.into()].into(), 18.into(), 20.into(), 900.into()],
            }.into()],
        };
        let font = Font::load(&doc, &dict);
        let (text, widths, ok) = decode(&font, b"\x00\x10\x00\x11\x00\x12");
        assert!(ok);
        assert_eq!(text, "abc");
        assert_eq!(widths, vec![0.3, 0.4, 0.9]);
        assert!(!decode(&font, b"\x00\x30").2);
    }

    #[test]
    fn unsupported_fonts_carry_their_problem() {
        let doc = Document::new();
        let t3 = dictionary! { "Subtype" => "Type3" };
        assert_eq!(Font::load(&doc, &t3).problem(), Some(&FontProblem::Type3));
        let v = dictionary! { "Subtype" => "Type0", "Encoding" => "Identity-V" };
        assert_eq!(Font::load(&doc, &v).problem(), Some(&FontProblem::Vertical));
        let cjk = dictionary! { "Subtype" => "Type0", "Encoding" => "UniJIS-UCS2-H" };
        assert!(matches!(
            Font::load(&doc, &cjk).problem(),
            Some(FontProblem::UnsupportedCMap(_))
        ));
    }

    #[test]
    fn symbolic_font_without_encoding_reads_codes_as_they_are() {
        let doc = Document::new();
        let dict = dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Calibri",
            "FontDescriptor" => dictionary! { "Flags" => 4, "FontFile2" => Object::Null },
        };
        let font = Font::load(&doc, &dict);
        assert_eq!(decode(&font, b"Ab").0, "Ab");
        assert!(!decode(&font, b"\x01").2);
    }

    #[test]
    fn type1_builtin_encoding_is_read_from_the_program() {
        let program = b"%!PS-AdobeFont-1.0\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /Jay put\ndup 66 /eacute put\nreadonly def\ncurrentfile eexec\x00\x01";
        let names = type1_builtin_encoding(program).unwrap();
        assert_eq!(names[66], "eacute");
        assert_eq!(names[65], "Jay");
        assert!(type1_builtin_encoding(b"/Encoding StandardEncoding def eexec").is_none());
    }
}
