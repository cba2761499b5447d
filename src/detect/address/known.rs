//! Addresses across a batch. A street and number is read as a person's where its context
//! says so (a postcode below it, a street word, `woonachtig`), and then travels bare through
//! the other documents of the same file (`boerderij Lhee 23`), where nothing says it is an
//! address. The first pass learns them ([`learned`]); [`KnownAddresses`] finds them in the
//! second.

use std::fmt;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{
    Lines, house_number_end, number_range, owner, street_address_end, streets_and_postcodes,
};
use crate::detect::{Finding, is_whole_token};
use crate::detector::{Detections, Detector};
use crate::policy::Category;

/// The streets and numbers `text` gives as a person's, as written (white space made single).
pub(crate) fn learned(text: &str) -> Vec<String> {
    let lines = Lines::new(text);
    let context = owner::Context::new(text, &lines);
    let mut postcodes = Vec::new();
    let mut learned: Vec<String> = streets_and_postcodes(text, &lines, &context, &mut postcodes)
        .into_iter()
        .filter(|&(start, end)| {
            !text[start..end].contains('\n') && !context.organisation_address(start)
        })
        .map(|(start, end)| {
            text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    learned.sort();
    learned.dedup();
    learned
}

/// Finds the streets and numbers other documents of the batch gave as a person's, wherever
/// no organisation's context claims them here. Its `Debug` output gives a count, never an
/// address.
#[derive(Clone)]
pub(crate) struct KnownAddresses {
    matcher: AhoCorasick,
    count: usize,
}

/// The rule [`KnownAddresses`] reports as a detector.
pub(crate) const KNOWN_ADDRESSES: &str = "address.batch";

impl KnownAddresses {
    /// The detector for `addresses`; `None` when there are none.
    pub(crate) fn new(addresses: &[String]) -> Option<KnownAddresses> {
        if addresses.is_empty() {
            return None;
        }
        Some(KnownAddresses {
            matcher: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(addresses)
                .expect("a few thousand short strings always build"),
            count: addresses.len(),
        })
    }
}

impl fmt::Debug for KnownAddresses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnownAddresses")
            .field("addresses", &self.count)
            .finish()
    }
}

impl Detector for KnownAddresses {
    fn category(&self) -> Option<Category> {
        Some(Category::Address)
    }
    fn rule(&self) -> &str {
        KNOWN_ADDRESSES
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        let mut matches = self
            .matcher
            .find_iter(text)
            .filter(|m| is_whole_token(text, m.start(), m.end()))
            .peekable();
        if matches.peek().is_none() {
            return;
        }
        let lines = Lines::new(text);
        let context = owner::Context::new(text, &lines);
        for m in matches {
            let (start, end) = (m.start(), m.end());
            // `Abdijlaan 9 t/m 23`: a block, where one house was learned.
            let number = start + text[start..end].rfind(' ').map_or(0, |k| k + 1);
            let digits_end = number
                + text[number..end]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
            let number_end = house_number_end(text.as_bytes(), digits_end);
            if !context.organisation_address(start)
                && !number_range(text, number, digits_end, number_end)
            {
                found.findings.push(Finding::new(
                    start,
                    street_address_end(text, end),
                    Category::Address,
                    KNOWN_ADDRESSES,
                    "a person's address in another document of the batch",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_street_is_learned_where_its_context_makes_it_a_persons() {
        let text = "Afschrift aan: dhr. en mw. Hadders, Lhee 23, 7991 PG Dwingeloo\n\
                    Woonadres: Brouwersdijk 118\n\n\
                    Postadres onderneming:   Voorstraat 212, 3311 EV Dordrecht\n";
        assert_eq!(learned(text), ["Brouwersdijk 118", "Lhee 23"]);
    }

    fn found<'a>(known: &KnownAddresses, text: &'a str) -> Vec<&'a str> {
        let mut found = Detections::default();
        known.detect(text, &mut found);
        found
            .findings
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn a_learned_address_is_found_bare_and_whole_but_not_in_a_range_or_a_letterhead() {
        let known = KnownAddresses::new(&["Lhee 23".into(), "Abdijlaan 9".into()]).unwrap();
        let text = "De boerderij Lhee 23, Dwingeloo; niet Lhee 230 of Abdijlaan 9 t/m 23.\n\n\
                    Stichting De Eendracht\nLhee 23\nPostbus 12\n";
        assert_eq!(found(&known, text), ["Lhee 23, Dwingeloo"]);
        assert!(!format!("{known:?}").contains("Lhee"));
        assert!(KnownAddresses::new(&[]).is_none());
    }
}
