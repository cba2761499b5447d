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

/// A folded copy of a text that maps back to byte offsets in the original.
#[derive(Debug)]
pub struct FoldedText<'a> {
    original: &'a str,
    folded: String,
    /// For each folded byte, the start of the original character it came from. Empty when the
    /// text is ASCII, since then offsets are the same.
    origin: Vec<u32>,
}

impl<'a> FoldedText<'a> {
    /// Folds `original`.
    pub fn new(original: &'a str) -> Self {
        if original.is_ascii() {
            return FoldedText {
                original,
                folded: original.to_ascii_lowercase(),
                origin: Vec::new(),
            };
        }
        let mut folded = String::with_capacity(original.len() + 16);
        let mut origin = Vec::with_capacity(original.len() + 16);
        for (i, c) in original.char_indices() {
            let before = folded.len();
            fold_char(c, &mut folded);
            origin.extend(std::iter::repeat_n(i as u32, folded.len() - before));
        }
        FoldedText {
            original,
            folded,
            origin,
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

    /// The original byte range covering the folded byte range `start..end`. The range is
    /// widened to whole original characters.
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        if self.origin.is_empty() {
            return start..end;
        }
        if start >= end {
            let at = self
                .origin
                .get(start)
                .map_or(self.original.len(), |&o| o as usize);
            return at..at;
        }
        let s = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let e = last
            + self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        s..e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
