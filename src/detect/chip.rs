//! Fifteen-digit numbers standing alone: an animal's transponder chip (ISO 11784, the number a
//! vet reads and the pet register ties to its owner: `528140000734591`, `616093900418273`) or
//! a phone's IMEI. Either leads to one person through the register behind it, so it goes under
//! the privacy ground like a licence plate.
//!
//! The length alone tells it in Woo documents: case, invoice and document numbers are shorter,
//! payment references are sixteen digits, EAN connection codes eighteen. A chip number
//! written in groups (`616 0939 00421 146`) is found after its label (`chipnummer`) with the
//! other person numbers.

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;
use crate::policy::Category;

static FIFTEEN_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0-9]{15}(?-u:\b)").expect("chip number pattern compiles")
});

/// Finds the fifteen-digit numbers in `text` that stand alone: not a part of an amount, a
/// code or a longer number (`1.234567890123456`, `NL-123…`).
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for m in FIFTEEN_DIGITS.find_iter(text) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        let joined = |b: Option<u8>| matches!(b, Some(b'.' | b',' | b'-' | b'/'));
        // A sentence or a clause may go on right after it (`chip 528140000734591.`, `IMEI
        // 356938035643809, Samsung`); a decimal's digits may not.
        let decimals = bytes.get(m.end() + 1).is_some_and(u8::is_ascii_digit);
        let punctuation = matches!(after, Some(b'.' | b',')) && !decimals;
        if joined(before) || (joined(after) && !punctuation) {
            continue;
        }
        out.push(Finding::new(
            m.start(),
            m.end(),
            Category::Other,
            "chip-number",
            "fifteen digits: an animal's chip or a phone's IMEI",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn a_chip_number_is_found_by_its_length() {
        assert_eq!(
            found("Chipnummer Luna: 616093900418851\n"),
            ["616093900418851"]
        );
        assert_eq!(found("1\t348098178161301\tChihuahua"), ["348098178161301"]);
        assert_eq!(found("nr 5  -> 528140000734591."), ["528140000734591"]);
        assert_eq!(found("IMEI 356938035643809, Samsung"), ["356938035643809"]);
    }

    #[test]
    fn longer_shorter_and_joined_numbers_are_not_found() {
        assert!(found("kenmerk 1234567890123456 en 12345678901234").is_empty());
        assert!(found("bedrag 1.616093900418851 of 616093900418851,00").is_empty());
        assert!(found("NL-616093900418851 en 616093900418851/2").is_empty());
        assert!(found("NL91ABNA616093900418851").is_empty());
    }
}
