//! Simple-font encodings: the base encodings, `/Differences`, and glyph names to Unicode
//! following the Adobe Glyph List specification (AGL names, `uniXXXX`, `uXXXX[XX]`, suffixes
//! after a period, ligature names joined by underscores).

use std::borrow::Cow;

use lopdf::{Document, Object};

use super::tables::{self, encodings};

/// A base encoding's glyph names per code; `""` where a code is undefined.
pub(crate) type BaseEncoding = &'static [&'static str; 256];

/// The base encoding of a name used as `/Encoding` or `/BaseEncoding`.
pub(crate) fn base_encoding(name: &[u8]) -> Option<BaseEncoding> {
    match name {
        b"WinAnsiEncoding" => Some(&encodings::WIN_ANSI),
        b"MacRomanEncoding" => Some(&encodings::MAC_ROMAN),
        b"MacExpertEncoding" => Some(&encodings::MAC_EXPERT),
        b"StandardEncoding" => Some(&encodings::STANDARD),
        _ => None,
    }
}

/// The built-in encoding of a standard 14 font.
pub(crate) fn builtin(std14_name: &str) -> BaseEncoding {
    match std14_name {
        "Symbol" => &encodings::SYMBOL,
        "ZapfDingbats" => &encodings::ZAPF_DINGBATS,
        _ => &encodings::STANDARD,
    }
}

/// The glyph names of a base encoding, as owned strings to apply `/Differences` to.
pub(crate) fn names_of(base: BaseEncoding) -> Vec<String> {
    base.iter().map(|n| n.to_string()).collect()
}

/// Applies a `/Differences` array to glyph names per code.
pub(crate) fn apply_differences(doc: &Document, names: &mut [String], differences: &[Object]) {
    let mut code: Option<usize> = None;
    for item in differences {
        let item = doc.dereference(item).map_or(item, |(_, o)| o);
        match item {
            Object::Integer(i) => code = usize::try_from(*i).ok(),
            Object::Name(n) => {
                if let Some(slot) = code.and_then(|c| names.get_mut(c)) {
                    *slot = String::from_utf8_lossy(n).into_owned();
                }
                code = code.map(|c| c + 1);
            }
            _ => {}
        }
    }
}

/// The Unicode text of a glyph name, or `None` when the name has no standard meaning (such
/// as `g12`, `cid42` or `.notdef`).
pub(crate) fn glyph_text(name: &str) -> Option<Cow<'static, str>> {
    if name.is_empty() {
        return None;
    }
    if let Some(text) = tables::agl(name) {
        return Some(Cow::Borrowed(text));
    }
    // Drop a suffix such as `.sc` or `.alt`; `.notdef` has nothing left and maps to nothing.
    let base = name.split('.').next().unwrap_or_default();
    let mut out = String::new();
    for part in base.split('_') {
        if let Some(text) = tables::agl(part) {
            out.push_str(text);
        } else if let Some(hex) = part.strip_prefix("uni") {
            if hex.is_empty() || hex.len() % 4 != 0 {
                return None;
            }
            for chunk in hex.as_bytes().chunks(4) {
                out.push(scalar(chunk)?);
            }
        } else if let Some(hex) = part.strip_prefix('u') {
            if !(4..=6).contains(&hex.len()) {
                return None;
            }
            out.push(scalar(hex.as_bytes())?);
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(Cow::Owned(out))
}

/// A Unicode scalar value from hexadecimal digits (surrogates excluded).
fn scalar(hex: &[u8]) -> Option<char> {
    if !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let value = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    char::from_u32(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_follow_the_agl_specification() {
        assert_eq!(glyph_text("a").as_deref(), Some("a"));
        assert_eq!(glyph_text("uni00E9").as_deref(), Some("é"));
        assert_eq!(glyph_text("uni00660069").as_deref(), Some("fi"));
        assert_eq!(glyph_text("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text("g12"), None);
        assert_eq!(glyph_text("cid42"), None);
        assert_eq!(glyph_text(".notdef"), None);
        assert_eq!(glyph_text("uniD800"), None);
        assert_eq!(glyph_text("uni12"), None);
    }

    #[test]
    fn differences_override_the_base_encoding() {
        let doc = Document::new();
        let diffs = vec![
            Object::Integer(65),
            Object::Name(b"B".to_vec()),
            Object::Name(b"eacute".to_vec()),
            Object::Integer(300),
            Object::Name(b"x".to_vec()),
        ];
        let mut names = names_of(base_encoding(b"WinAnsiEncoding").unwrap());
        apply_differences(&doc, &mut names, &diffs);
        assert_eq!(names[65], "B");
        assert_eq!(names[66], "eacute");
        assert_eq!(names[67], "C");
        assert_eq!(names[0xE9], "eacute");
        assert_eq!(names[0x80], "Euro");
    }
}
