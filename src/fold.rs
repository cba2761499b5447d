//! Case and accent folding with a map back to the original text.
//!
//! Dictionary matching (staff names, public officials, the keep list) runs on folded text so
//! that `Doğan`, `Dogan` and `DOGAN` match alike. aho-corasick only folds ASCII case, so the
//! folding is done here, on both the patterns and the text, and every folded byte remembers the
//! original byte it came from.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the folded form of one character to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        // Letters that Unicode does not decompose but readers treat as variants.
        'ß' => out.push_str("ss"),
        'ı' | 'İ' => out.push('i'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        // Typographic variants of ASCII punctuation and spaces.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{00B4}' | '`' => out.push('\''),
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => out.push(' '),
        _ => {
            for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        }
    }
}

/// Folds a string: lower case, accents removed, typographic punctuation made ASCII.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// `text` with the digits an OCR engine reads for letters put back inside words (`V0S` →
/// `VOS`, `1lse` → `Ilse`, `KAR1MI` → `KARIMI`), as the names are read: a `0` or `1` (at
/// most two) in a run of at least two letters and no other digit. The bytes keep their
/// places, so offsets into the result are offsets into `text`. Codes with more digits
/// (`GW3291m`, `M2024`), numbered initials (`LvD1`) and numbers stay as they are.
pub fn ocr_letters(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| b == b'0' || b == b'1' || b == b'|') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out: Option<Vec<u8>> = pipes_for_l(bytes);
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        // A run glued to non-ASCII letters (`Ö1`) is left alone: rare, and not worth decoding.
        let run = &bytes[start..i];
        let letters = run.iter().filter(|b| b.is_ascii_alphabetic()).count();
        let digits = run.len() - letters;
        // Initials numbered by a word processor's comments (`[Opmerking LvD1]`) stay.
        let numbered = letters <= 4 && run.last().is_some_and(u8::is_ascii_digit);
        if letters < 2
            || digits == 0
            || digits > 2
            || numbered
            || run
                .iter()
                .any(|&b| b.is_ascii_digit() && b != b'0' && b != b'1')
        {
            continue;
        }
        let out = out.get_or_insert_with(|| bytes.to_vec());
        for k in start..i {
            if !bytes[k].is_ascii_digit() {
                continue;
            }
            // The case of the letters beside it; a word's first letter is a capital.
            let before = (start..k)
                .rev()
                .map(|j| bytes[j])
                .find(u8::is_ascii_alphabetic);
            let after = (k + 1..i).map(|j| bytes[j]).find(u8::is_ascii_alphabetic);
            let upper = match (before, after) {
                (None, _) => true,
                (Some(b), Some(a)) => b.is_ascii_uppercase() && a.is_ascii_uppercase(),
                (Some(b), None) => b.is_ascii_uppercase(),
            };
            out[k] = match (bytes[k], upper) {
                (b'0', true) => b'O',
                (b'0', false) => b'o',
                (_, true) => b'I',
                (_, false) => b'l',
            };
        }
    }
    match out {
        // Only ASCII bytes were replaced by ASCII bytes: still UTF-8.
        Some(bytes) => {
            std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.into()))
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// `bytes` with a `|` that OCR read for an `l` inside a word put back (`Wie|emaker`,
/// `Meulend|jks`): between two lower-case letters, on a line with no other `|` (a table
/// written with bars has several). `None` when there is none.
fn pipes_for_l(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut line_start = 0;
    for line in bytes.split(|&b| b == b'\n') {
        let mut bars = memchr::memchr_iter(b'|', line);
        if let (Some(k), None) = (bars.next(), bars.next()) {
            let lower = |j: usize| line.get(j).is_some_and(u8::is_ascii_lowercase);
            if k > 0 && lower(k - 1) && lower(k + 1) {
                out.get_or_insert_with(|| bytes.to_vec())[line_start + k] = b'l';
            }
        }
        line_start += line.len() + 1;
    }
    out
}

/// `s` with accents removed but its case kept (`AÖ` → `AO`): how initials derived from folded
/// names (`Öztürk` is kept as `ozturk`) are compared with initials as written.
pub fn unaccented(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut folded = String::new();
    for c in s.chars() {
        folded.clear();
        fold_char(c, &mut folded);
        if c.is_uppercase() {
            out.extend(folded.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(&folded);
        }
    }
    out.into()
}

/// A folded copy of a text that maps back to byte offsets in the original.
#[derive(Debug)]
pub struct FoldedText<'a> {
    original: &'a str,
    folded: String,
    /// Every non-ASCII character, in order: its byte range in the folded text and in the
    /// original. Between them, ASCII bytes map one to one, so the map stays small for Dutch
    /// text, where accented letters are the exception.
    wide: Vec<Wide>,
}

/// One non-ASCII character and what it folded to.
#[derive(Debug, Clone, Copy)]
struct Wide {
    folded: (u32, u32),
    original: (u32, u32),
}

impl<'a> FoldedText<'a> {
    /// Folds `original`.
    pub fn new(original: &'a str) -> Self {
        let bytes = original.as_bytes();
        let mut folded = String::with_capacity(original.len() + 16);
        let mut wide = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            // Copy the ASCII run up to the next non-ASCII byte in one go.
            let run = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(bytes.len() - at);
            folded.extend(
                bytes[at..at + run]
                    .iter()
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            at += run;
            if let Some(c) = original[at..].chars().next() {
                let from = folded.len() as u32;
                fold_char(c, &mut folded);
                let len = c.len_utf8();
                wide.push(Wide {
                    folded: (from, folded.len() as u32),
                    original: (at as u32, (at + len) as u32),
                });
                at += len;
            }
        }
        FoldedText {
            original,
            folded,
            wide,
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The original byte position of folded byte `at`: the start of the character it came
    /// from (`end` false) or the end of it (`end` true).
    fn original_at(&self, at: usize, end: bool) -> usize {
        let at = at as u32;
        // The last non-ASCII character starting at or before `at`.
        let n = self.wide.partition_point(|w| w.folded.0 <= at);
        let Some(w) = n.checked_sub(1).map(|k| self.wide[k]) else {
            return (at + u32::from(end)) as usize;
        };
        if at < w.folded.1 {
            (if end { w.original.1 } else { w.original.0 }) as usize
        } else {
            (w.original.1 + (at - w.folded.1) + u32::from(end)) as usize
        }
    }

    /// The original byte range covering the folded byte range `start..end`. The range is
    /// widened to whole original characters.
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        if start >= end {
            let at = if start >= self.folded.len() {
                self.original.len()
            } else {
                self.original_at(start, false)
            };
            return at..at;
        }
        self.original_at(start, false)..self.original_at(end - 1, true)
    }
}

/// The Dutch months, in lower case: words in Dutch (a capitalised `Juni` mid-sentence is a
/// person), and the names a date is written with.
pub(crate) const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unaccented_keeps_case() {
        assert_eq!(unaccented("AÖ"), "AO");
        assert_eq!(unaccented("EÖa"), "EOa");
        assert_eq!(unaccented("JdV"), "JdV");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Doğan Yılmaz"), "dogan yilmaz");
        assert_eq!(fold("Zoë Ñúñez-ÇELIK"), "zoe nunez-celik");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("’t Hart"), "'t hart");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let text = "Zie Zoë Doğan, ﬁnance";
        let f = FoldedText::new(text);
        let at = f.as_str().find("zoe dogan").unwrap();
        let r = f.original_range(at, at + "zoe dogan".len());
        assert_eq!(&text[r], "Zoë Doğan");
        // A ligature folds to two letters; a match on part of it widens to the whole glyph.
        let at = f.as_str().find("inance").unwrap();
        let r = f.original_range(at, at + 6);
        assert_eq!(&text[r], "ﬁnance");
    }

    #[test]
    fn ascii_text_keeps_offsets() {
        let f = FoldedText::new("Jan de Vries");
        assert_eq!(f.as_str(), "jan de vries");
        assert_eq!(f.original_range(4, 12), 4..12);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Every folded character maps back to whole original characters whose fold holds it.
        #[test]
        fn folded_ranges_map_back_to_their_source(s in "[a-zA-Z0-9 .ëéèïöüÉÖßøæĞğıİﬁﬂ’-]{0,40}") {
            let f = FoldedText::new(&s);
            for (i, c) in f.as_str().char_indices() {
                let r = f.original_range(i, i + c.len_utf8());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                prop_assert!(r.start < r.end);
                prop_assert!(fold(&s[r]).contains(c));
            }
            prop_assert_eq!(f.original_range(f.as_str().len(), f.as_str().len()), s.len()..s.len());
        }

        /// OCR's digits put back as letters change no byte but digits, and no digit of a
        /// number.
        #[test]
        fn ocr_letters_change_only_digits_inside_words(s in "[a-zA-Z01 .5-]{0,40}") {
            let t = ocr_letters(&s);
            prop_assert_eq!(t.len(), s.len());
            for (i, (a, b)) in s.bytes().zip(t.bytes()).enumerate() {
                if a != b {
                    prop_assert!(a == b'0' || a == b'1');
                    let glued = |j: Option<usize>| j.and_then(|j| s.as_bytes().get(j)).is_some_and(u8::is_ascii_alphabetic);
                    prop_assert!(glued(i.checked_sub(1)) || glued(Some(i + 1)) || glued(i.checked_sub(2)) || glued(Some(i + 2)));
                }
            }
        }
    }

    #[test]
    fn ocr_digits_inside_names_are_read_as_letters() {
        for (ocr, read) in [
            ("A.J. (Ton) V0S", "A.J. (Ton) VOS"),
            ("1lse Kramer", "Ilse Kramer"),
            (
                "Habib KAR1MI en K 0osterhout",
                "Habib KARIMI en K Oosterhout",
            ),
            ("mr. R.M. Stape1", "mr. R.M. Stapel"),
            (
                "S. Wie|emaker\nmr Meulend|jks",
                "S. Wielemaker\nmr Meulendljks",
            ),
        ] {
            assert_eq!(ocr_letters(ocr), read);
        }
        for same in [
            "GW3291m",
            "M2024-19",
            "[Opmerking LvD1]",
            "06-12345678",
            "NL10 INGB",
            "2e",
            "| naam|adres | x |",
            "a | b",
        ] {
            assert_eq!(ocr_letters(same), same);
        }
    }
}
