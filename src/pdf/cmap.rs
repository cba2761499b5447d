//! CMaps: ToUnicode maps (`bfchar`, `bfrange` in both forms) and embedded encoding CMaps
//! (`codespacerange`, `cidchar`, `cidrange`, `/WMode`, `usecmap`). The parser is a small
//! PostScript tokenizer that understands only these sections and skips everything else.

use std::collections::HashMap;

/// Most entries read from one CMap; beyond that it is refused (a crafted or broken file).
const MAX_ENTRIES: usize = 1 << 20;

/// A code of 1–4 bytes, as its length and big-endian value.
pub(crate) type Code = (u8, u32);

/// A parsed CMap.
#[derive(Debug, Default, Clone)]
pub(crate) struct CMap {
    /// Code space ranges: byte length and per-byte low/high bounds.
    codespace: Vec<(u8, [u8; 4], [u8; 4])>,
    unicode_chars: HashMap<Code, Box<str>>,
    unicode_ranges: Vec<UnicodeRange>,
    cid_chars: HashMap<Code, u32>,
    cid_ranges: Vec<(u8, u32, u32, u32)>,
    /// The CMap named by `usecmap`, if any.
    pub use_cmap: Option<Vec<u8>>,
    /// `/WMode 1`: vertical writing.
    pub vertical: bool,
}

#[derive(Debug, Clone)]
struct UnicodeRange {
    len: u8,
    lo: u32,
    hi: u32,
    dst: RangeTarget,
}

#[derive(Debug, Clone)]
enum RangeTarget {
    /// UTF-16 code units of the first code's text; later codes add to the last unit.
    Base(Vec<u16>),
    /// One text per code.
    Each(Vec<Box<str>>),
}

/// Why a CMap was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Name(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    Other,
}

struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let d = self.data;
        loop {
            let &b = d.get(self.at)?;
            match b {
                b'%' => {
                    while self.at < d.len() && d[self.at] != b'\n' && d[self.at] != b'\r' {
                        self.at += 1;
                    }
                }
                b if is_space(b) => self.at += 1,
                _ => break,
            }
        }
        let start = self.at;
        let b = d[start];
        self.at += 1;
        Some(match b {
            b'[' => Token::ArrayStart,
            b']' => Token::ArrayEnd,
            b'<' if d.get(self.at) == Some(&b'<') => {
                self.at += 1;
                Token::Other
            }
            b'>' => {
                if d.get(self.at) == Some(&b'>') {
                    self.at += 1;
                }
                Token::Other
            }
            b'<' => {
                let mut digits = Vec::new();
                while let Some(&c) = d.get(self.at) {
                    self.at += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(v) = (c as char).to_digit(16) {
                        digits.push(v as u8);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                Token::Hex(digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect())
            }
            b'(' => {
                // Literal strings only appear in the header (Registry, Ordering); skip them.
                let mut depth = 1;
                while let Some(&c) = d.get(self.at) {
                    self.at += 1;
                    match c {
                        b'\\' => self.at += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Token::Other
            }
            b'/' => Token::Name(self.word().to_vec()),
            b'{' | b'}' | b')' => Token::Other,
            _ => {
                self.at = start;
                let w = self.word();
                if w.is_empty() {
                    self.at += 1;
                    return Some(Token::Other);
                }
                match std::str::from_utf8(w)
                    .ok()
                    .and_then(|s| s.parse::<i64>().ok())
                {
                    Some(i) => Token::Int(i),
                    None => Token::Word(w.to_vec()),
                }
            }
        })
    }
}

impl<'a> Lexer<'a> {
    fn word(&mut self) -> &'a [u8] {
        let start = self.at;
        while let Some(&c) = self.data.get(self.at) {
            if is_space(c) || b"[]<>(){}/%".contains(&c) {
                break;
            }
            self.at += 1;
        }
        &self.data[start..self.at]
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

/// A code's length and value from its bytes (1–4 bytes).
fn code_of(bytes: &[u8]) -> Option<Code> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let value = bytes.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
    Some((bytes.len() as u8, value))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn text_of(units: &[u16]) -> Box<str> {
    String::from_utf16_lossy(units).into_boxed_str()
}

impl CMap {
    /// Parses a CMap stream's decoded bytes.
    pub fn parse(data: &[u8]) -> Result<CMap, TooLarge> {
        let mut cmap = CMap::default();
        let mut tokens = Lexer { data, at: 0 }.peekable();
        let mut previous: Option<Token> = None;
        let mut entries = 0usize;
        while let Some(t) = tokens.next() {
            if let Token::Word(w) = &t {
                let section = w.as_slice();
                let take = |n: usize, tokens: &mut std::iter::Peekable<Lexer>| {
                    read_entries(tokens, n, section)
                };
                match section {
                    b"begincodespacerange" => {
                        for e in take(2, &mut tokens) {
                            if let [Token::Hex(lo), Token::Hex(hi)] = &e[..]
                                && lo.len() == hi.len()
                                && (1..=4).contains(&lo.len())
                            {
                                let (mut l, mut h) = ([0u8; 4], [0u8; 4]);
                                l[..lo.len()].copy_from_slice(lo);
                                h[..hi.len()].copy_from_slice(hi);
                                cmap.codespace.push((lo.len() as u8, l, h));
                            }
                        }
                    }
                    b"beginbfchar" => {
                        for e in take(2, &mut tokens) {
                            entries += 1;
                            if let [Token::Hex(src), dst] = &e[..]
                                && let Some(code) = code_of(src)
                                && let Some(text) = target_text(dst)
                            {
                                cmap.unicode_chars.insert(code, text);
                            }
                        }
                    }
                    b"beginbfrange" => {
                        let ranges = read_ranges(&mut tokens);
                        entries += ranges.len();
                        cmap.unicode_ranges.extend(ranges);
                    }
                    b"begincidchar" => {
                        for e in take(2, &mut tokens) {
                            entries += 1;
                            if let [Token::Hex(src), Token::Int(cid)] = &e[..]
                                && let (Some(code), Ok(cid)) = (code_of(src), u32::try_from(*cid))
                            {
                                cmap.cid_chars.insert(code, cid);
                            }
                        }
                    }
                    b"begincidrange" => {
                        for e in take(3, &mut tokens) {
                            entries += 1;
                            if let [Token::Hex(lo), Token::Hex(hi), Token::Int(cid)] = &e[..]
                                && let (Some((len, lo)), Some((_, hi)), Ok(cid)) =
                                    (code_of(lo), code_of(hi), u32::try_from(*cid))
                                && lo <= hi
                            {
                                cmap.cid_ranges.push((len, lo, hi, cid));
                            }
                        }
                    }
                    b"usecmap" => {
                        if let Some(Token::Name(n)) = &previous {
                            cmap.use_cmap = Some(n.clone());
                        }
                    }
                    b"def" => {}
                    _ => {}
                }
            }
            if let (Some(Token::Name(n)), Token::Int(1)) = (&previous, &t)
                && n == b"WMode"
            {
                cmap.vertical = true;
            }
            if entries > MAX_ENTRIES {
                return Err(TooLarge);
            }
            previous = Some(t);
        }
        Ok(cmap)
    }

    /// Whether the CMap has code space ranges.
    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Splits the next code off `bytes` using the code space ranges: the shortest range that
    /// matches, else (as PDF readers do) one byte.
    pub fn next_code(&self, bytes: &[u8]) -> Code {
        for len in 1..=4u8 {
            let n = usize::from(len);
            if bytes.len() < n {
                break;
            }
            let hit = self.codespace.iter().any(|(l, lo, hi)| {
                *l == len && (0..n).all(|i| lo[i] <= bytes[i] && bytes[i] <= hi[i])
            });
            if hit {
                return code_of(&bytes[..n]).unwrap_or((1, 0));
            }
        }
        (1, u32::from(bytes.first().copied().unwrap_or(0)))
    }

    /// The CID of a code, if the CMap maps it.
    pub fn cid(&self, code: Code) -> Option<u32> {
        if let Some(cid) = self.cid_chars.get(&code) {
            return Some(*cid);
        }
        self.cid_ranges
            .iter()
            .rev()
            .find(|(len, lo, hi, _)| *len == code.0 && *lo <= code.1 && code.1 <= *hi)
            .map(|(_, lo, _, cid)| cid.wrapping_add(code.1 - lo))
    }

    /// Appends the Unicode text of `code` to `out`; false if the CMap does not map it. A
    /// code of another byte length with the same value is accepted as a fallback, since
    /// some producers write 2-byte ToUnicode entries for 1-byte codes.
    pub fn push_unicode(&self, code: Code, out: &mut String) -> bool {
        if self.push_exact(code, out) {
            return true;
        }
        (1..=4u8)
            .filter(|&len| len != code.0)
            .any(|len| self.push_exact((len, code.1), out))
    }

    fn push_exact(&self, code: Code, out: &mut String) -> bool {
        if let Some(text) = self.unicode_chars.get(&code) {
            out.push_str(text);
            return true;
        }
        // Later ranges win over earlier ones, as later definitions do in PostScript.
        let Some(range) = self
            .unicode_ranges
            .iter()
            .rev()
            .find(|r| r.len == code.0 && r.lo <= code.1 && code.1 <= r.hi)
        else {
            return false;
        };
        let offset = code.1 - range.lo;
        match &range.dst {
            RangeTarget::Base(units) => {
                let mut units = units.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(offset as u16);
                }
                out.push_str(&String::from_utf16_lossy(&units));
            }
            RangeTarget::Each(texts) => match texts.get(offset as usize) {
                Some(t) => out.push_str(t),
                None => return false,
            },
        }
        true
    }
}

/// The text of a `bfchar` destination: UTF-16BE bytes, or a glyph name.
fn target_text(dst: &Token) -> Option<Box<str>> {
    match dst {
        Token::Hex(d) => Some(text_of(&utf16(d))),
        Token::Name(n) => {
            super::encoding::glyph_text(&String::from_utf8_lossy(n)).map(|t| t.into())
        }
        _ => None,
    }
}

/// Reads groups of `n` tokens until `end…` (the word after `begin…`).
fn read_entries(
    tokens: &mut std::iter::Peekable<Lexer>,
    n: usize,
    begin: &[u8],
) -> Vec<Vec<Token>> {
    let end: Vec<u8> = [b"end".as_slice(), &begin[5..]].concat();
    let mut out = Vec::new();
    let mut group = Vec::with_capacity(n);
    for t in tokens.by_ref() {
        if let Token::Word(w) = &t
            && *w == end
        {
            break;
        }
        group.push(t);
        if group.len() == n {
            out.push(std::mem::replace(&mut group, Vec::with_capacity(n)));
        }
        if out.len() > MAX_ENTRIES {
            break;
        }
    }
    out
}

/// Reads `bfrange` entries, `<lo> <hi> <dst>` or `<lo> <hi> [<d1> <d2> …]`, until
/// `endbfrange`. Malformed entries are skipped.
fn read_ranges(tokens: &mut std::iter::Peekable<Lexer>) -> Vec<UnicodeRange> {
    let mut out = Vec::new();
    let mut bounds: Vec<Vec<u8>> = Vec::with_capacity(2);
    while let Some(t) = tokens.next() {
        let dst = match t {
            Token::Word(w) if w == b"endbfrange" => break,
            Token::Hex(h) if bounds.len() < 2 => {
                bounds.push(h);
                continue;
            }
            Token::Hex(h) => RangeTarget::Base(utf16(&h)),
            Token::ArrayStart => {
                let mut texts = Vec::new();
                for t in tokens.by_ref() {
                    match t {
                        Token::ArrayEnd => break,
                        Token::Hex(h) => texts.push(text_of(&utf16(&h))),
                        _ => texts.push("".into()),
                    }
                }
                RangeTarget::Each(texts)
            }
            _ => {
                bounds.clear();
                continue;
            }
        };
        let lo_hi = std::mem::take(&mut bounds);
        if let [lo, hi] = &lo_hi[..]
            && let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi))
            && lo <= hi
            && !matches!(&dst, RangeTarget::Base(units) if units.is_empty())
        {
            out.push(UnicodeRange { len, lo, hi, dst });
        }
        if out.len() > MAX_ENTRIES {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(cmap: &CMap, code: Code) -> Option<String> {
        let mut s = String::new();
        cmap.push_unicode(code, &mut s).then_some(s)
    }

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00660069>
<0012> <D83DDE00>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0032> [<0078> <00660066> <0079>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn to_unicode_chars_ranges_and_ligatures() {
        let cmap = CMap::parse(TO_UNICODE).unwrap();
        assert_eq!(text(&cmap, (2, 3)).as_deref(), Some(" "));
        assert_eq!(text(&cmap, (2, 0x11)).as_deref(), Some("fi"));
        assert_eq!(text(&cmap, (2, 0x12)).as_deref(), Some("😀"));
        assert_eq!(text(&cmap, (2, 0x24)).as_deref(), Some("A"));
        assert_eq!(text(&cmap, (2, 0x26)).as_deref(), Some("C"));
        assert_eq!(text(&cmap, (2, 0x31)).as_deref(), Some("ff"));
        assert_eq!(text(&cmap, (2, 0x27)), None);
        // A 1-byte code finds a 2-byte entry of the same value.
        assert_eq!(text(&cmap, (1, 0x24)).as_deref(), Some("A"));
        assert!(!cmap.vertical);
    }

    #[test]
    fn encoding_cmap_codespace_and_cids() {
        let data = b"/WMode 0 def
2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
1 begincidrange <8140> <817E> 633 endcidrange
1 begincidchar <41> 34 endcidchar";
        let cmap = CMap::parse(data).unwrap();
        assert_eq!(cmap.next_code(b"\x41\x81\x40"), (1, 0x41));
        assert_eq!(cmap.next_code(b"\x81\x41"), (2, 0x8141));
        assert_eq!(cmap.cid((2, 0x8141)), Some(634));
        assert_eq!(cmap.cid((1, 0x41)), Some(34));
        assert_eq!(cmap.cid((1, 0x42)), None);
        assert!(CMap::parse(b"/WMode 1 def").unwrap().vertical);
    }

    #[test]
    fn garbage_does_not_panic() {
        for data in [
            &b"<<<<"[..],
            b"beginbfrange <00",
            b"begincodespacerange <0> endcodespacerange",
            b"(unterminated",
            b"]]]",
        ] {
            let _ = CMap::parse(data);
        }
    }
}
