//! What the documents of a batch tell each other (the batch-wide scope, a first pass over
//! every document): the people a document identifies (see [`Identified`]), and the numbers
//! it labels as a person's (`Klantnummer: CL-004471`). A client's number is labelled once,
//! in the intake form, and then travels bare through the mails, chats and lists of the same
//! file (`CL-004471 is dubbel`): [`KnownNumbers`] removes it there too.

use std::collections::HashSet;
use std::fmt;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::detect::{self, Finding, is_whole_token};
use crate::detector::{Detections, Detector};
use crate::names::Identified;
use crate::policy::Category;

/// One thing a document tells the rest of its batch.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BatchFact {
    /// A person it identifies, or a surname that is public in it.
    Person(Identified),
    /// A number it labels as a person's, as written there.
    PersonNumber(String),
    /// A place it shows to be a place (see [`crate::names::places`]), folded.
    Place(String),
    /// A street and number it shows to be a person's, as written.
    Address(String),
    /// A name it gives an animal, a ship or a storm (see [`crate::names::things`]), folded.
    Thing(String),
}

/// The rule [`KnownNumbers`] reports as a detector, to tell it from the others.
pub(crate) const KNOWN_NUMBERS: &str = "person-number.batch";

/// The numbers a text labels as a person's and that are distinctive enough to look for
/// elsewhere: five digits or more, or eight letters and digits with two digits (`KBL-OLE-0131`),
/// and the licence plates it reads. A four-digit number (`BOA 7231`) is too often an amount
/// or a year in another document.
pub(crate) fn labelled_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    detect::person_number::labelled_only(text, &mut found);
    let mut numbers: Vec<String> = found
        .iter()
        // A label names the number a person's, in its text or as a column's header; a
        // register's key column may be a case's.
        .filter(|f| {
            f.evidence == detect::person_number::LABELLED_EVIDENCE
                || f.evidence == detect::person_number::LABELLED_COLUMN_EVIDENCE
        })
        .map(|f| &text[f.start..f.end])
        .filter(|n| {
            let digits = n.chars().filter(char::is_ascii_digit).count();
            let code = n.chars().filter(char::is_ascii_alphanumeric).count();
            digits >= 5 || (code >= 8 && digits >= 2)
        })
        .map(str::to_string)
        .collect();
    // A plate, read beside a vehicle word, travels bare too (`saw KDG 482M at the club`).
    let mut plates = Vec::new();
    detect::plate::detect(text, &mut plates);
    numbers.extend(
        plates
            .iter()
            .map(|f| &text[f.start..f.end])
            // Two letters at least: a parcel (`K 1190`) beside a vehicle is no plate elsewhere.
            .filter(|p| p.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .map(str::to_string),
    );
    numbers.sort();
    numbers.dedup();
    numbers
}

/// Finds, as whole tokens, the numbers other documents of the batch labelled as a person's.
/// A long number of digits is found in any grouping (`6000 1732 8841 2096` in a table is
/// `6000173288412096` in a mail); shorter numbers and codes with letters, as written.
/// Its `Debug` output gives a count, never a number.
#[derive(Clone)]
pub(crate) struct KnownNumbers {
    count: usize,
    /// The numbers found as written.
    written: Option<AhoCorasick>,
    /// The digits of the numbers found in any grouping.
    digits: HashSet<String>,
    longest: usize,
}

/// Digits enough for a number to be looked for in any grouping: a group of a few digits is
/// too often part of an amount, a date or a phone number.
const REGROUPED_DIGITS: usize = 8;

/// The digits of `number` when it is written as digits in groups (`6000 1732 8841 2096`,
/// `78.1123.0045`) and long enough to look for in any grouping.
fn regroupable(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let grouped = number
        .chars()
        .all(|c| c.is_ascii_digit() || GROUP_SEPARATORS.contains(&c));
    (grouped && digits.len() >= REGROUPED_DIGITS).then_some(digits)
}

/// What separates the groups of a number.
const GROUP_SEPARATORS: [char; 3] = [' ', '.', '-'];

impl KnownNumbers {
    /// The detector for `numbers`; `None` when there are none.
    pub(crate) fn new(numbers: &[String]) -> Option<KnownNumbers> {
        if numbers.is_empty() {
            return None;
        }
        let mut digits = HashSet::new();
        let mut written = Vec::new();
        for number in numbers {
            match regroupable(number) {
                Some(d) => {
                    digits.insert(d);
                }
                None => written.push(number),
            }
        }
        let written = (!written.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(written)
                .expect("a few thousand short strings always build")
        });
        Some(KnownNumbers {
            count: numbers.len(),
            written,
            longest: digits.iter().map(String::len).max().unwrap_or(0),
            digits,
        })
    }

    /// The known numbers among the runs of digit groups in `text`: a run counts when all its
    /// digits make a known number (`7002 4051 8723 0117` holds a known `40518723`, and is
    /// another number).
    fn regrouped(&self, text: &str, found: &mut Detections) {
        let bytes = text.as_bytes();
        let mut digits = String::with_capacity(self.longest);
        let mut at = 0;
        while let Some(from) = bytes[at..].iter().position(u8::is_ascii_digit) {
            let (start, end) = (at + from, digit_run_end(bytes, at + from));
            at = end;
            let run = &bytes[start..end];
            let count = run.iter().filter(|b| b.is_ascii_digit()).count();
            if !(REGROUPED_DIGITS..=self.longest).contains(&count) {
                continue;
            }
            digits.clear();
            digits.extend(
                run.iter()
                    .filter(|b| b.is_ascii_digit())
                    .map(|&b| char::from(b)),
            );
            if self.digits.contains(&digits) && is_whole_token(text, start, end) {
                found.findings.push(known_number(start, end));
            }
        }
    }
}

/// The end of the run of digit groups, joined by one separator each, that starts at `start`.
fn digit_run_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    loop {
        end += bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let joined = bytes
            .get(end)
            .is_some_and(|&b| GROUP_SEPARATORS.contains(&char::from(b)))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !joined {
            return end;
        }
        end += 1;
    }
}

/// The finding of a known number at `start..end`.
fn known_number(start: usize, end: usize) -> Finding {
    Finding::new(
        start,
        end,
        Category::Other,
        detect::person_number::RULE,
        "labelled as a person's number in another document of the batch",
    )
}

impl fmt::Debug for KnownNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnownNumbers")
            .field("numbers", &self.count)
            .finish()
    }
}

impl Detector for KnownNumbers {
    fn category(&self) -> Option<Category> {
        Some(Category::Other)
    }
    fn rule(&self) -> &str {
        KNOWN_NUMBERS
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        if let Some(written) = &self.written {
            for m in written.find_iter(text) {
                if is_whole_token(text, m.start(), m.end()) {
                    found.findings.push(known_number(m.start(), m.end()));
                }
            }
        }
        if !self.digits.is_empty() {
            self.regrouped(text, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_distinctive_labelled_numbers_are_remembered() {
        let text = "Klantnummer: CL-004471\nBOA 7231\nreg.nr KBL-OLE-0131\n\
                    Patiëntnummer ..... 7731988\nZaaknummer: Z-2024-00017\n";
        assert_eq!(labelled_numbers(text), ["7731988", "CL-004471"]);
        // A register's key column is read in its own document, not remembered: it may be
        // the number of a case that other documents cite as a reference.
        let register = "dossiernr\tnaam\tBSN\n2021-HT-043817\tAmrani, S.\t843646974\n";
        assert!(labelled_numbers(register).is_empty());
    }

    #[test]
    fn a_plate_read_beside_a_vehicle_is_remembered() {
        let text = "Two Land Cruisers (KDG 482M and KDH 117Z), trekker op perceel K 1190.\n";
        assert_eq!(labelled_numbers(text), ["KDG 482M", "KDH 117Z"]);
        assert!(labelled_numbers("seen at KDG 482M club\n").is_empty());
    }

    #[test]
    fn a_column_labelled_as_person_numbers_labels_each_of_them() {
        let text = "CJIB-nummer            datum      boete\n\
                    6000 1732 8841 2096    1-2-2023   € 99,00\n\
                    6000 1733 0275 5418    3-4-2023   € 290,00\n";
        assert_eq!(
            labelled_numbers(text),
            ["6000 1732 8841 2096", "6000 1733 0275 5418"]
        );
    }

    fn found_by<'a>(known: &KnownNumbers, text: &'a str) -> Vec<&'a str> {
        let mut found = Detections::default();
        known.detect(text, &mut found);
        found
            .findings
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn a_long_known_number_is_found_in_any_grouping_and_only_whole() {
        let known = KnownNumbers::new(&["6000 1732 8841 2096".into()]).unwrap();
        let text = "kenmerk 6000173288412096, of 6000-1732-8841-2096; niet 7002 6000 1732 8841 2096 \
                    of 60001732884120961.";
        assert_eq!(
            found_by(&known, text),
            ["6000173288412096", "6000-1732-8841-2096"]
        );
    }

    #[test]
    fn known_numbers_are_found_as_whole_tokens() {
        let known = KnownNumbers::new(&["CL-004471".into(), "4410 2287".into()]).unwrap();
        let text = "en CL-004471 is dubbel; XCL-004471, CL-0044712 niet; budget 4410 2287.";
        assert_eq!(found_by(&known, text), ["CL-004471", "4410 2287"]);
        assert!(!format!("{known:?}").contains("4471"));
        assert!(KnownNumbers::new(&[]).is_none());
    }
}
