//! The keep list: organisation addresses, numbers, mailboxes and names that stay readable.
//!
//! A team's keep list runs to thousands of entries. One regular expression over all of them
//! outgrows the regex crate's lazy DFA and falls back to its slowest engine, so the entries
//! are matched with one Aho-Corasick automaton instead, on the text folded as the other
//! dictionaries read it (case and accents, see [`crate::fold`]) and with every run of white
//! space made one space.

use std::fmt;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::detect::{self, Finding, char_at, is_word_char};
use crate::detector::{Detections, Detector};
use crate::error::ConfigError;
use crate::fold::{FoldedText, fold};
use crate::policy::Category;

/// The keep list as a detector: it protects text and removes nothing.
#[derive(Clone)]
pub(crate) struct KeepList {
    matcher: Option<KeepMatcher>,
    /// Telephone numbers on the keep list, in canonical form: kept in every notation.
    numbers: Vec<String>,
    /// The streets and house numbers of the addresses on the keep list, folded.
    streets: Vec<(String, String)>,
}

impl fmt::Debug for KeepList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeepList")
            .field("numbers", &self.numbers.len())
            .finish_non_exhaustive()
    }
}

/// National chains named after their founders, which every text reads as a person's full
/// name (`Albert Heijn` on a bank statement): kept whole, as if on every keep list. Only
/// names nobody is likely to bear now; the short names stay unprotected (`Albert`).
const CHAINS_NAMED_LIKE_PEOPLE: &[&str] = &["Albert Heijn", "Douwe Egberts", "Peek & Cloppenburg"];

impl KeepList {
    pub(crate) fn new(listed: &[String]) -> Result<KeepList, ConfigError> {
        let entries: Vec<&str> = listed
            .iter()
            .map(String::as_str)
            .chain(CHAINS_NAMED_LIKE_PEOPLE.iter().copied())
            .collect();
        let mut numbers: Vec<String> = entries
            .iter()
            .filter_map(|e| detect::phone::canonical(e))
            .collect();
        numbers.sort();
        let streets = entries
            .iter()
            .filter_map(|&e| street_and_number(e).or((!e.contains(',')).then_some(e)))
            .filter_map(street_parts)
            .collect();
        Ok(KeepList {
            matcher: KeepMatcher::new(&entries)?,
            numbers,
            streets,
        })
    }
}

impl Detector for KeepList {
    fn category(&self) -> Option<Category> {
        None
    }
    fn rule(&self) -> &str {
        "keep"
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        let mut keep: Vec<Range<usize>> = self
            .matcher
            .as_ref()
            .map(|m| m.find(text))
            .unwrap_or_default();
        // A number on the list (`112`) is no house number inside a street address
        // (`Kakertsweg 112`).
        keep.retain(|r| {
            let number = text[r.clone()].bytes().all(|b| b.is_ascii_digit());
            !(number
                && found.findings.iter().any(|f| {
                    f.category == Category::Address && f.start < r.start && r.end <= f.end
                }))
        });
        if !self.numbers.is_empty() {
            let kept_numbers: Vec<Range<usize>> = found
                .findings
                .iter()
                .filter(|f| f.category == Category::Phone)
                .filter(|f| {
                    detect::phone::canonical(&text[f.start..f.end])
                        .is_some_and(|c| self.numbers.binary_search(&c).is_ok())
                })
                .map(|f| f.start..f.end)
                .collect();
            found.protected.extend(kept_numbers);
        }
        drop_kept_address_parts(text, &mut found.findings, &keep, &self.streets);
        found.protected.extend(keep);
    }
}

/// Every keep-list entry, found in any case, with or without accents, and with any run of
/// white space for a space.
#[derive(Clone)]
struct KeepMatcher {
    automaton: AhoCorasick,
    /// Per pattern: whether it must end at a word's end (a street and number taken from an
    /// address entry: `Stationsweg 41` is not the start of `Stationsweg 410`).
    whole_word: Vec<bool>,
}

impl KeepMatcher {
    fn new(entries: &[&str]) -> Result<Option<KeepMatcher>, ConfigError> {
        let mut patterns: Vec<(String, bool)> = Vec::new();
        for entry in entries {
            patterns.push((folded_words(entry), false));
            // An office's address is often written without its postcode and place (`aan de
            // Stationsweg 41`): its street and number stay readable too, not another number.
            if let Some(street) = street_and_number(entry) {
                patterns.push((folded_words(street), true));
            }
        }
        patterns.retain(|(p, _)| !p.is_empty());
        patterns.sort();
        patterns.dedup();
        if patterns.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(p, _)| p))
            .map_err(|e| ConfigError::Field {
                field: "keep list".into(),
                reason: format!("cannot compile: {e}"),
            })?;
        Ok(Some(KeepMatcher {
            automaton,
            whole_word: patterns.into_iter().map(|(_, w)| w).collect(),
        }))
    }

    /// The byte ranges of `text` that entries cover, in order of their ends. Entries may
    /// overlap: each is found wherever it occurs.
    fn find(&self, text: &str) -> Vec<Range<usize>> {
        let folded = FoldedText::new(text);
        let spaced = SingleSpaced::new(folded.as_str());
        self.automaton
            .find_overlapping_iter(spaced.text.as_str())
            .filter_map(|m| {
                let (start, end) = spaced.folded_range(m.start(), m.end());
                let range = folded.original_range(start, end);
                let ends_word = !char_at(text, range.end).is_some_and(is_word_char);
                let goes_on = number_goes_on(text, range.clone());
                ((!self.whole_word[m.pattern().as_usize()] || ends_word) && !goes_on)
                    .then_some(range)
            })
            .collect()
    }
}

/// Whether the number that ends `range` goes on past it: more digits, a letter, or a unit
/// after a hyphen or slash (`Zeebriesweg 3-47` is chalet 47 on the park at number 3), which
/// name another address than the entry's.
fn number_goes_on(text: &str, range: Range<usize>) -> bool {
    if !text[..range.end].ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut after = text[range.end..].chars();
    match after.next() {
        Some('-' | '/') => after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => is_word_char(c),
        None => false,
    }
}

/// An entry as the matcher reads it: folded, its words joined by single spaces.
fn folded_words(entry: &str) -> String {
    fold(&entry.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A folded text with every run of white space made one space, and the map back.
struct SingleSpaced {
    text: String,
    /// Where the text has lost bytes against the folded text: from each position on, how
    /// many bytes in all (ascending positions).
    shifts: Vec<(usize, usize)>,
}

impl SingleSpaced {
    fn new(folded: &str) -> SingleSpaced {
        let mut text = String::with_capacity(folded.len());
        let mut shifts: Vec<(usize, usize)> = Vec::new();
        let mut lost = 0;
        let mut in_space = false;
        for c in folded.chars() {
            if !c.is_whitespace() {
                text.push(c);
                in_space = false;
                continue;
            }
            // One space for the whole run: every other byte of it is lost.
            lost += if in_space {
                c.len_utf8()
            } else {
                c.len_utf8() - 1
            };
            if !in_space {
                text.push(' ');
                in_space = true;
            }
            if shifts.last().is_some_and(|s| s.0 == text.len()) {
                shifts.pop();
            }
            if lost > shifts.last().map_or(0, |s| s.1) {
                shifts.push((text.len(), lost));
            }
        }
        SingleSpaced { text, shifts }
    }

    /// The folded range of `start..end`, a match that starts and ends outside white space.
    fn folded_range(&self, start: usize, end: usize) -> (usize, usize) {
        let shift = |at: usize| {
            let n = self.shifts.partition_point(|s| s.0 <= at);
            n.checked_sub(1).map_or(0, |k| self.shifts[k].1)
        };
        (start + shift(start), end - 1 + shift(end - 1) + 1)
    }
}

/// An address is one block: when the keep list protects part of it (the organisation's
/// street, or its postcode and place), the other parts on that line and the next are the
/// organisation's too (`Turfmarkt 147 | 2511 DP | Den Haag`). Not another number in a kept
/// street: a neighbour shares the postcode (`Marktplein 24, 6365 BL` beside the kept
/// `Marktplein 22, 6365 BL`), as does a chalet on a kept park (`Zeebriesweg 3-47`).
fn drop_kept_address_parts(
    text: &str,
    findings: &mut Vec<Finding>,
    keep: &[Range<usize>],
    streets: &[(String, String)],
) {
    if keep.is_empty() || !findings.iter().any(|f| f.category == Category::Address) {
        return;
    }
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let line_of = |at: usize| newlines.partition_point(|&n| n < at);
    // Only kept address parts (a number in them) say whose address it is: a kept
    // organisation's name above a line says nothing (`beleidsmedewerker provincie Drenthe` /
    // `woonachtig Zwiggelterweg 8`).
    let mut kept_lines: Vec<usize> = keep
        .iter()
        .filter(|r| text[r.start..r.end].bytes().any(|b| b.is_ascii_digit()))
        .map(|r| line_of(r.start))
        .collect();
    kept_lines.sort_unstable();
    findings.retain(|f| {
        if f.category != Category::Address {
            return true;
        }
        let neighbour = street_parts(&text[f.start..f.end]).is_some_and(|(street, number)| {
            streets.iter().any(|(s, n)| *s == street && *n != number)
        });
        let line = line_of(f.start);
        let kept = |l: usize| kept_lines.binary_search(&l).is_ok();
        neighbour || !(kept(line) || (line > 0 && kept(line - 1)))
    });
}

/// A street and house number's street, folded with its words joined by single spaces, and
/// number (`Marktplein 24` → `marktplein`, `24`), if that is what `address` is.
fn street_parts(address: &str) -> Option<(String, String)> {
    let (street, number) = address.trim().rsplit_once(char::is_whitespace)?;
    let street = folded_words(street);
    (number.starts_with(|c: char| c.is_ascii_digit())
        && street.starts_with(char::is_alphabetic)
        && !street.chars().any(|c| c.is_ascii_digit()))
    .then(|| (street, fold(number)))
}

/// The street and house number that open an address entry (`Stationsweg 41` of
/// `Stationsweg 41, 4191 KL Lingehoven`), if the entry is one.
fn street_and_number(entry: &str) -> Option<&str> {
    let (street, rest) = entry.split_once(',')?;
    let street = street.trim();
    let mut words = street.split_whitespace();
    let first = words.next()?;
    let number = words.next_back()?;
    let is_number = number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().filter(char::is_ascii_alphabetic).count() <= 1
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    let has_postcode = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    (first.starts_with(char::is_alphabetic) && is_number && has_postcode).then_some(street)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept<'a>(entries: &[&str], text: &'a str) -> Vec<&'a str> {
        KeepMatcher::new(entries)
            .unwrap()
            .map(|m| m.find(text))
            .unwrap_or_default()
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn entries_are_found_in_any_case_accent_and_white_space() {
        let text = "Post aan STATIONSWEG\u{a0}41,\n  4191 kl  Lingehoven of Café  de Zon.";
        assert_eq!(
            kept(&["Stationsweg 41, 4191 KL Lingehoven", "Cafe de Zon"], text),
            [
                "STATIONSWEG\u{a0}41",
                "STATIONSWEG\u{a0}41,\n  4191 kl  Lingehoven",
                "Café  de Zon"
            ]
        );
    }

    #[test]
    fn an_address_entrys_street_and_number_is_kept_only_as_a_whole_number() {
        let entries = ["Stationsweg 41, 4191 KL Lingehoven"];
        assert_eq!(kept(&entries, "aan de Stationsweg 41."), ["Stationsweg 41"]);
        assert!(kept(&entries, "aan de Stationsweg 410.").is_empty());
        assert!(kept(&entries, "aan de Stationsweg 41a.").is_empty());
        // A listed street and number neither, nor with a unit after it.
        let entries = ["Zeebriesweg 3"];
        assert_eq!(
            kept(&entries, "Zeebriesweg 3, Westhoeke"),
            ["Zeebriesweg 3"]
        );
        assert!(kept(&entries, "chalet Zeebriesweg 3-47").is_empty());
        assert!(kept(&entries, "Zeebriesweg 31").is_empty());
    }

    #[test]
    fn a_listed_number_is_no_house_number_in_an_address() {
        let keep = KeepList::new(&["112".to_string()]).unwrap();
        let text = "Bel 112 of kom naar Kakertsweg 112.";
        let street = text.find("Kakertsweg").unwrap();
        let mut found = Detections::default();
        found.findings.push(Finding::new(
            street,
            street + "Kakertsweg 112".len(),
            Category::Address,
            "address.street",
            "test",
        ));
        keep.detect(text, &mut found);
        let protected: Vec<&str> = found.protected.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(protected, ["112"]);
        assert_eq!(found.protected[0].start, text.find("112").unwrap());
    }

    #[test]
    fn overlapping_entries_are_each_found() {
        let text = "De Gemeente Utrecht Centraal en utrecht centraal.";
        assert_eq!(
            kept(&["Gemeente Utrecht", "Utrecht Centraal"], text),
            ["Gemeente Utrecht", "Utrecht Centraal", "utrecht centraal"]
        );
    }

    #[test]
    fn the_single_spaced_text_maps_back_to_the_folded_text() {
        let folded = "a  b\t\n c d\u{85}\u{85}e";
        let spaced = SingleSpaced::new(folded);
        assert_eq!(spaced.text, "a b c d e");
        for (needle, expected) in [
            ("a b", "a  b"),
            ("b c", "b\t\n c"),
            ("d e", "d\u{85}\u{85}e"),
        ] {
            let at = spaced.text.find(needle).unwrap();
            let (s, e) = spaced.folded_range(at, at + needle.len());
            assert_eq!(&folded[s..e], expected);
        }
    }

    #[test]
    fn a_long_keep_list_is_matched_entry_by_entry() {
        let entries: Vec<String> = (0..5000)
            .flat_map(|i| {
                [
                    format!("Organisatie {i} BV"),
                    format!("Straatweg {i}, 1234 AB Plaats"),
                ]
            })
            .collect();
        let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
        let matcher = KeepMatcher::new(&entries).unwrap().unwrap();
        let text = "Organisatie 17 BV aan de Straatweg 17, 1234 AB Plaats; Straatweg 4999a. ";
        let found: Vec<&str> = matcher.find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "Organisatie 17 BV",
                "Straatweg 17",
                "Straatweg 17, 1234 AB Plaats"
            ]
        );
    }
}
