//! Finding removed strings again: resolution looks for their other occurrences, and
//! verification counts them in the output.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;

use crate::names::lexicon::FastHash;
use crate::resolve::Removal;

/// Up to this many strings are searched one by one (SIMD substring search); more are found in
/// one pass by their first bytes ([`Literals`]).
const FEW: usize = 24;

/// The distinct strings removed from a text that identify someone (trimmed, at least two
/// characters, with a capital, a digit or an `@`), each with the first removal that carries
/// it. Lower-case words such as the particles of a form's `Tussenvoegsel: van de` field
/// identify nobody and are common words elsewhere; nor does a house number on its own
/// (`14`, `88a`), which elsewhere is a day, an amount or an item.
pub struct RemovedStrings<'t> {
    needles: Vec<&'t str>,
    first_removal: Vec<usize>,
    searcher: Searcher<'t>,
}

enum Searcher<'t> {
    Few(Vec<memmem::Finder<'t>>),
    Many(Literals<'t>),
}

/// Whether `s` is a house number alone: up to four digits and an addition of at most three
/// letters (`14`, `88a`, `212-III`).
fn is_house_number(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let letters = s[digits..].bytes().filter(u8::is_ascii_alphabetic).count();
    // Not a postcode (`1234 AB`): its letters follow a space.
    (1..=4).contains(&digits)
        && letters <= 3
        && s.len() - digits <= 4
        && s[digits..]
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-')
}

impl<'t> RemovedStrings<'t> {
    /// The removed strings of `removals` in `text`.
    pub fn new(text: &'t str, removals: &[Removal]) -> RemovedStrings<'t> {
        let mut seen: HashSet<&str, FastHash> = HashSet::default();
        let mut needles = Vec::new();
        let mut first_removal = Vec::new();
        for (i, r) in removals.iter().enumerate() {
            let s = text[r.start..r.end].trim();
            let identifying = s
                .chars()
                .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '@');
            if identifying && s.chars().count() >= 2 && !is_house_number(s) && seen.insert(s) {
                needles.push(s);
                first_removal.push(i);
            }
        }
        let searcher = if needles.len() <= FEW {
            Searcher::Few(
                needles
                    .iter()
                    .map(|n| memmem::Finder::new(n.as_bytes()))
                    .collect(),
            )
        } else {
            Searcher::Many(Literals::new(&needles))
        };
        RemovedStrings {
            needles,
            first_removal,
            searcher,
        }
    }

    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.needles.len()
    }

    /// Whether nothing of two or more characters was removed.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// The index of the first removal that carries string `n`.
    pub fn first_removal(&self, n: usize) -> usize {
        self.first_removal[n]
    }

    /// Every occurrence of every string in `haystack` (overlapping ones included), as
    /// `(string, start, end)`, sorted by start.
    pub fn occurrences(&self, haystack: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        match &self.searcher {
            Searcher::Few(finders) => {
                for (n, finder) in finders.iter().enumerate() {
                    let len = self.needles[n].len();
                    out.extend(
                        finder
                            .find_iter(haystack.as_bytes())
                            .map(|s| (n, s, s + len)),
                    );
                }
            }
            Searcher::Many(literals) => {
                literals.each(haystack, |n, s| out.push((n, s, s + self.needles[n].len())));
            }
        }
        out.sort_unstable_by_key(|&(n, s, e)| (s, e, n));
        out
    }
}

/// Up to this many strings are found by their first bytes; more (a long document's hundreds
/// of removed names, many sharing a first letter) by an Aho-Corasick automaton, whose search
/// does not slow down with their number.
const BY_FIRST_BYTE: usize = 96;

/// Non-empty strings to find, every occurrence of every one of them (overlapping ones too), in
/// one pass over a text: what an Aho-Corasick automaton's overlapping search finds. For the
/// few dozen strings of a small document an automaton's build costs more than the search, so
/// they are indexed by their first byte instead.
pub(crate) enum Literals<'s> {
    // Boxed: its first-byte table is 2 KiB.
    ByFirstByte(Box<FirstBytes<'s>>),
    Automaton(AhoCorasick),
}

pub(crate) struct FirstBytes<'s> {
    strings: Vec<&'s [u8]>,
    /// The strings' indices, ordered by first byte.
    order: Vec<usize>,
    /// Per first byte, its indices' range in `order` (empty for a byte no string starts with).
    by_first: [(u32, u32); 256],
}

impl<'s> Literals<'s> {
    pub(crate) fn new(strings: &[&'s str]) -> Literals<'s> {
        assert!(strings.iter().all(|s| !s.is_empty()), "no empty strings");
        if strings.len() > BY_FIRST_BYTE {
            // Standard match semantics: the only kind with overlapping search. The strings are
            // few enough that building cannot fail; should it, the first-byte index still works.
            if let Ok(automaton) = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(strings)
            {
                return Literals::Automaton(automaton);
            }
        }
        let strings: Vec<&[u8]> = strings.iter().map(|s| s.as_bytes()).collect();
        let mut order: Vec<usize> = (0..strings.len()).collect();
        order.sort_by_key(|&n| strings[n][0]);
        let mut by_first = [(0, 0); 256];
        for (at, &n) in order.iter().enumerate() {
            let range = &mut by_first[strings[n][0] as usize];
            if range.0 == range.1 {
                range.0 = at as u32;
            }
            range.1 = at as u32 + 1;
        }
        Literals::ByFirstByte(Box::new(FirstBytes {
            strings,
            order,
            by_first,
        }))
    }

    /// Calls `found(string, start)` for every occurrence, in no particular order (callers
    /// sort).
    pub(crate) fn each(&self, haystack: &str, mut found: impl FnMut(usize, usize)) {
        match self {
            Literals::Automaton(automaton) => {
                for m in automaton.find_overlapping_iter(haystack) {
                    found(m.pattern().as_usize(), m.start());
                }
            }
            Literals::ByFirstByte(index) => {
                let bytes = haystack.as_bytes();
                for (at, &b) in bytes.iter().enumerate() {
                    let (from, to) = index.by_first[b as usize];
                    // Most bytes start no string: one table read each.
                    if from == to {
                        continue;
                    }
                    for &n in &index.order[from as usize..to as usize] {
                        if bytes[at..].starts_with(index.strings[n]) {
                            found(n, at);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_house_number_alone_is_not_searched_again() {
        for s in ["14", "88a", "2-A", "212-III"] {
            assert!(is_house_number(s), "{s}");
        }
        for s in ["1234 AB", "12345", "06-12345678", "Kerkstraat 12", "NL91"] {
            assert!(!is_house_number(s), "{s}");
        }
    }

    #[test]
    fn literals_find_every_occurrence_as_an_overlapping_automaton_does() {
        let strings = ["aa", "a", "ab", "bé", "é", "Jan de"];
        let text = "aaab bé Jan de Jan dé aé";
        let mut got: Vec<(usize, usize)> = Vec::new();
        Literals::new(&strings).each(text, |n, s| got.push((n, s)));
        got.sort_unstable_by_key(|&(n, s)| (s, n));
        let ac = aho_corasick::AhoCorasick::new(strings).unwrap();
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect();
        want.sort_unstable_by_key(|&(n, s)| (s, n));
        assert_eq!(got, want);
    }

    #[test]
    fn many_literals_are_found_as_a_naive_search_finds_them() {
        // More strings than the first-byte index takes, sharing first letters and prefixes.
        let strings: Vec<String> = (0..300)
            .map(|i| format!("{}{}", ["J", "Ja", "Jan ", "K"][i % 4], i / 4))
            .collect();
        let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
        let text = "Jan 12 en Ja7, K70 of J1; Jan 3Jan 30 K";
        let mut got: Vec<(usize, usize)> = Vec::new();
        Literals::new(&strings).each(text, |n, s| got.push((n, s)));
        got.sort_unstable();
        let mut want: Vec<(usize, usize)> = Vec::new();
        for (n, needle) in strings.iter().enumerate() {
            for at in 0..text.len() {
                if text[at..].starts_with(needle) {
                    want.push((n, at));
                }
            }
        }
        want.sort_unstable();
        assert!(want.len() > 5);
        assert_eq!(got, want);
    }
}
