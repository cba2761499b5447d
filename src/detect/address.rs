//! Private addresses: a street with a house number, and a postcode (`1234 AB`).
//!
//! A street is recognised by its suffix (`-straat`, `-laan`, `-dreef`, …) before a house
//! number, or by its place in an address block (a `Name 12` line right above a postcode line).
//! A postcode needs address context too: a place name after it, a street before it, or the
//! word `postcode`. Postcodes next to `Postbus`/`Antwoordnummer` belong to organisations. The
//! organisation's own address is kept readable through the keep list, in [`crate::resolve`].

use std::cell::LazyCell;
use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, Lines, blank_line_start, is_whole_token};
use crate::policy::Category;

/// Street-name endings; the match is on the end of a capitalised word before a house number.
const STREET_SUFFIXES: &str = "straat|straatje|laan|laantje|weg|plein|pleintje|gracht|kade|dreef|pad|hof|singel|dijk|park|steeg|plantsoen|boulevard|markt|baan|ring|erf|veld|dam|wal|haven|allee|oord|zoom|berg|weide|akker|gaarde|kamp|hout|brink|poort|promenade|passage|horst|heide|veen|vaart|vliet|sloot|burcht|hoven|lei|kwartier|rade|stede|hage|tuin|zijde|hoek|gang|polder|dreve|werf|wetering|wegje|dal|bosch|bos|wei|hoeve|donk|kwekerij|gaard";

/// `<word ending in a street suffix> <house number>`.
static STREET_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<word>\p{{Lu}}[\p{{L}}'’\-]*?(?:{STREET_SUFFIXES}))
        [\x20\t]+
        (?P<number>[1-9][0-9]{{0,4}}(?:[\x20]?[a-zA-Z](?-u:\b)|-[0-9]{{1,4}}|-?[a-zA-Z]{{1,3}}(?-u:\b)|[\x20]bis|/[0-9]{{1,4}})?)"
    ))
    .expect("street pattern compiles")
});

/// `Laan van Meerdervoort 3`, `Lange Voorhout 9`: streets named by a leading street word.
static PREFIXED_STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)(?:Laan|Plein|Kade|Weg|Dijk|Singel|Gracht|Markt|Oude|Nieuwe|Lange|Korte|Hoge|Lage|Boulevard|Burgwal|Dreef|Park)
        (?:[\x20](?:van|de|der|den|het|'t|ter|ten|op|aan|in))*
        (?:[\x20]\p{Lu}[\p{L}'’\-]*){1,2}
        [\x20\t]+
        [1-9][0-9]{0,4}(?:[\x20]?[a-zA-Z](?-u:\b)|-[0-9]{1,4}|-?[a-zA-Z]{1,3}(?-u:\b)|[\x20]bis|/[0-9]{1,4})?",
    )
    .expect("prefixed street pattern compiles")
});

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[1-9][0-9]{3}[\x20]?[A-Z]{2}(?-u:\b)").expect("postcode pattern compiles")
});

/// A line that is only `<Capitalised words> <house number>`: a street in an address block.
static STREET_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(?P<street>\p{Lu}[\p{L}'’.\-]*(?:[\x20](?:\p{Lu}[\p{L}'’.\-]*|van|de|der|den|het|'t|ter|ten|op|aan|in|bij|la|le))*)[\x20]+[1-9][0-9]{0,4}(?:[\x20]?[a-zA-Z]|-[0-9]{1,4}|-?[a-zA-Z]{1,3}|[\x20]bis)?[\x20\t]*$",
    )
    .expect("street line pattern compiles")
});

/// Lower-case words that may sit inside a street name (`Laan van Meerdervoort`).
const INNER_WORDS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "op", "aan", "in", "bij", "la", "le",
    "du",
];

/// Capitalised words that start sentences rather than street names.
const NOT_STREET_START: &[&str] = &[
    "De",
    "Het",
    "Een",
    "Op",
    "In",
    "Aan",
    "Bij",
    "Van",
    "Naar",
    "Wij",
    "Ik",
    "Zij",
    "Hij",
    "U",
    "Te",
    "Via",
    "Tot",
    "Om",
    "Over",
    "Uit",
    "Voor",
    "Achter",
    "Onder",
    "Tegenover",
    "Nabij",
    "Adres",
    "Woonadres",
    "Postadres",
    "Bezoekadres",
    "Straat",
];

/// `Postbus` and `Antwoordnummer` in any case (ASCII case folding only, as these words have
/// no other forms).
static PO_BOX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i-u)postbus|antwoordnummer").expect("po box pattern compiles"));

/// Finds private addresses in `text`.
///
/// Every context test below reads a bounded part of the text or uses an index, so a text with
/// very long lines and many candidates takes time linear in its length, not quadratic.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    let lines = LazyCell::new(|| Lines::new(text));
    let po_boxes = LazyCell::new(|| {
        PO_BOX
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect::<Vec<_>>()
    });
    let mut streets: Vec<(usize, usize)> = Vec::new();
    for caps in STREET_NUMBER.captures_iter(text) {
        let word = caps.name("word").expect("group exists");
        let number = caps.name("number").expect("group exists");
        if !is_whole_token(text, word.start(), number.end()) {
            continue;
        }
        let start = street_start(text, word.start(), lines.start(word.start()));
        if !text[start..].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        streets.push((start, number.end()));
    }
    // The prefixed streets are disjoint among themselves (one regex scan), so they need only
    // be checked against the streets found above.
    let found = Streets::new(&streets);
    for m in PREFIXED_STREET.find_iter(text) {
        if is_whole_token(text, m.start(), m.end()) && !found.overlaps(m.start(), m.end()) {
            streets.push((m.start(), m.end()));
        }
    }
    // A street line added below lies on the line above its postcode, which no later postcode
    // shares: neither test below is affected by them, so the index stays as it is.
    let found = Streets::new(&streets);
    for m in POSTCODE.find_iter(text) {
        if near_po_box(&lines, &po_boxes, text.len(), m.start()) {
            continue;
        }
        let street = street_line_above(text, &lines, m.start());
        if let Some(s) = street
            && !found.overlaps(s.0, s.1)
        {
            streets.push(s);
        }
        let street_near = street.is_some() || found.ends_within(lines.start(m.start()), m.start());
        if street_near || place_follows(text, m.end()) || keyword_before(text, m.start()) {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Address,
                "address.postcode",
                "postcode in an address",
            ));
        }
    }
    for (start, end) in streets {
        if !near_po_box(&lines, &po_boxes, text.len(), start) {
            out.push(Finding::new(
                start,
                end,
                Category::Address,
                "address.street",
                "street with house number",
            ));
        }
    }
}

/// Streets found so far, indexed for the two questions asked of them.
struct Streets {
    /// By start, with the largest end of each prefix.
    by_start: Vec<(usize, usize)>,
    max_end: Vec<usize>,
    /// The ends, sorted.
    ends: Vec<usize>,
}

impl Streets {
    fn new(streets: &[(usize, usize)]) -> Streets {
        let mut by_start = streets.to_vec();
        by_start.sort_unstable();
        let max_end = by_start
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        let mut ends: Vec<usize> = streets.iter().map(|s| s.1).collect();
        ends.sort_unstable();
        Streets {
            by_start,
            max_end,
            ends,
        }
    }

    /// Whether a street overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        match self.by_start.partition_point(|&(a, _)| a < end) {
            0 => false,
            k => self.max_end[k - 1] > start,
        }
    }

    /// Whether a street ends in `from..=to`.
    fn ends_within(&self, from: usize, to: usize) -> bool {
        let i = self.ends.partition_point(|&e| e < from);
        self.ends.get(i).is_some_and(|&e| e <= to)
    }
}

/// Walks back from a street word over earlier words of the name on the same line
/// (`Burgemeester de Withstraat`), keeping only a capitalised first word.
fn street_start(text: &str, word_start: usize, line_start: usize) -> usize {
    let mut start = word_start;
    let mut tentative = word_start;
    for (words, token) in text[line_start..word_start].rsplit(' ').skip(1).enumerate() {
        if token.is_empty() || words >= 3 {
            break;
        }
        let token_start = tentative - token.len() - 1;
        if INNER_WORDS.contains(&token) {
            tentative = token_start;
        } else if token.starts_with(|c: char| c.is_uppercase())
            && token
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.' | '’'))
            && !NOT_STREET_START.contains(&token)
        {
            tentative = token_start;
            start = token_start;
        } else {
            break;
        }
    }
    start
}

/// The street line right above a postcode that starts its line, as a byte range.
fn street_line_above(text: &str, lines: &Lines, postcode_start: usize) -> Option<(usize, usize)> {
    let line_start = blank_line_start(text, postcode_start).filter(|&s| s > 0)?;
    let prev_start = lines.start(line_start - 1);
    let prev = &text[prev_start..line_start - 1];
    let caps = STREET_LINE.captures(prev)?;
    let street = caps.name("street")?;
    let first = street.as_str().split(' ').next().unwrap_or_default();
    if NOT_STREET_START.contains(&first) || first.eq_ignore_ascii_case("postbus") {
        return None;
    }
    let end = prev_start + prev.trim_end().len();
    Some((prev_start + street.start(), end))
}

/// A place name after the postcode: `1234 AB  Utrecht`, `1234 AB, 's-Hertogenbosch`.
fn place_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t', ',']);
    if rest.len() == text.len() - end {
        return false;
    }
    let rest = rest.strip_prefix("'s-").unwrap_or(rest);
    rest.starts_with(|c: char| c.is_uppercase())
}

fn keyword_before(text: &str, at: usize) -> bool {
    super::line_before(text, at, 40)
        .to_lowercase()
        .contains("postcode")
}

/// A postcode on the line of, or the line after, a `Postbus`/`Antwoordnummer`: one of them
/// lies wholly within those lines. `po_boxes` are their spans in text order.
fn near_po_box(lines: &Lines, po_boxes: &[(usize, usize)], len: usize, at: usize) -> bool {
    let line_start = lines.start(at);
    let prev_start = if line_start == 0 {
        0
    } else {
        lines.start(line_start - 1)
    };
    let line_end = lines.end(at, len);
    let first = po_boxes.partition_point(|&(s, _)| s < prev_start);
    po_boxes[first..]
        .iter()
        .take_while(|&&(s, _)| s < line_end)
        .any(|&(_, e)| e <= line_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        detect(text, &mut out);
        let mut spans: Vec<_> = out.iter().map(|f| (f.start, f.end)).collect();
        spans.sort();
        spans.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn finds_letterhead_address_blocks() {
        assert_eq!(
            found("Jorn van Schweinfurt\nTessdreef 113\n2018 XL  Bleiswijk\n"),
            vec!["Tessdreef 113", "2018 XL"]
        );
        assert_eq!(
            found("A. Jansen\nLange Voorhout 9\n2514EA Den Haag"),
            vec!["Lange Voorhout 9", "2514EA"]
        );
        assert_eq!(
            found("Rayanpad 83a\n4304 WL  's-Gravenpolder"),
            vec!["Rayanpad 83a", "4304 WL"]
        );
        assert_eq!(
            found("Tesshof 28-2\n1234 AB Ede"),
            vec!["Tesshof 28-2", "1234 AB"]
        );
    }

    #[test]
    fn finds_addresses_in_running_text() {
        assert_eq!(
            found("Zij woont aan de Burgemeester de Withstraat 12 bis in Utrecht."),
            vec!["Burgemeester de Withstraat 12 bis"]
        );
        assert_eq!(
            found("adres: Laan van Meerdervoort 3a, 2517 AA Den Haag"),
            vec!["Laan van Meerdervoort 3a", "2517 AA"]
        );
        assert_eq!(found("postcode 3511AB"), vec!["3511AB"]);
    }

    #[test]
    fn leaves_other_numbers_and_po_boxes_alone() {
        for text in [
            "Postbus 20301\n2500 EH  Den Haag",
            "Antwoordnummer 123, 2500 VB Den Haag",
            "in 2024 EU-breed afgesproken",
            "artikel 12 van de Woo",
            "Kamerstukken 28638 nr. 234",
            "hoofdstuk 3 en paragraaf 4",
            "De straat 12 keer", // a sentence, not an address
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
