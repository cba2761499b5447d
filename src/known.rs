//! What the documents of a batch tell each other (the batch-wide scope, a first pass over
//! every document): the people a document identifies (see [`Identified`]), and the numbers
//! it labels as a person's (`Klantnummer: CL-004471`). A client's number is labelled once,
//! in the intake form, and then travels bare through the mails, chats and lists of the same
//! file (`CL-004471 is dubbel`): [`KnownNumbers`] removes it there too.

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
}

/// The rule [`KnownNumbers`] reports as a detector, to tell it from the others.
pub(crate) const KNOWN_NUMBERS: &str = "person-number.batch";

/// The numbers a text labels as a person's and that are distinctive enough to look for
/// elsewhere: five digits or more, or eight letters and digits with two digits (`KBL-OLE-0131`).
/// A four-digit number (`BOA 7231`) is too often an amount or a year in another document.
pub(crate) fn labelled_numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    detect::person_number::detect(text, &mut found);
    let mut numbers: Vec<String> = found
        .iter()
        // A label names the number a person's; a register's key column may be a case's.
        .filter(|f| f.evidence == detect::person_number::LABELLED_EVIDENCE)
        .map(|f| &text[f.start..f.end])
        .filter(|n| {
            let digits = n.chars().filter(char::is_ascii_digit).count();
            let code = n.chars().filter(char::is_ascii_alphanumeric).count();
            digits >= 5 || (code >= 8 && digits >= 2)
        })
        .map(str::to_string)
        .collect();
    numbers.sort();
    numbers.dedup();
    numbers
}

/// Finds, as whole tokens, the numbers other documents of the batch labelled as a person's.
/// Its `Debug` output gives a count, never a number.
#[derive(Clone)]
pub(crate) struct KnownNumbers {
    count: usize,
    matcher: AhoCorasick,
}

impl KnownNumbers {
    /// The detector for `numbers`; `None` when there are none.
    pub(crate) fn new(numbers: &[String]) -> Option<KnownNumbers> {
        if numbers.is_empty() {
            return None;
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(numbers)
            .expect("a few thousand short strings always build");
        Some(KnownNumbers {
            count: numbers.len(),
            matcher,
        })
    }
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
        for m in self.matcher.find_iter(text) {
            if is_whole_token(text, m.start(), m.end()) {
                found.findings.push(Finding::new(
                    m.start(),
                    m.end(),
                    Category::Other,
                    detect::person_number::RULE,
                    "labelled as a person's number in another document of the batch",
                ));
            }
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
    fn known_numbers_are_found_as_whole_tokens() {
        let known = KnownNumbers::new(&["CL-004471".into(), "4410 2287".into()]).unwrap();
        let text = "en CL-004471 is dubbel; XCL-004471, CL-0044712 niet; budget 4410 2287.";
        let mut found = Detections::default();
        known.detect(text, &mut found);
        let got: Vec<&str> = found
            .findings
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        assert_eq!(got, ["CL-004471", "4410 2287"]);
        assert!(!format!("{known:?}").contains("4471"));
        assert!(KnownNumbers::new(&[]).is_none());
    }
}
