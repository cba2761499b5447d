//! EAN connection codes (EAN-18): the number that identifies the connection of one house to
//! the electricity, gas or heat network. A household's code leads to its address, so it goes
//! under the privacy ground like a licence plate.
//!
//! Its shape is telling on its own: 18 digits, the Dutch GS1 prefix `87`, and a GS1 check
//! digit, written in one run or in groups of three (`871 694 874 239 581 550`). One random
//! 18-digit number in a thousand has that prefix and fits the check.

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;
use crate::policy::Category;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)87[0-9](?:[0-9]{15}|(?: [0-9]{3}){5})(?-u:\b)")
        .expect("EAN code pattern compiles")
});

/// Whether the digits of `code` end in their GS1 check digit: weights 3 and 1 from the
/// right, the check digit rounding the sum up to a multiple of ten.
fn check_digit_fits(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    let Some((&check, body)) = digits.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 0 { d * 3 } else { d })
        .sum();
    (10 - sum % 10) % 10 == check
}

/// Finds the EAN connection codes in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    if !text.contains("87") {
        return;
    }
    for m in CANDIDATE.find_iter(text) {
        // Not part of a longer number (`…-871…`, `871….5`).
        let joined =
            |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '.');
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if joined(before)
            || (joined(after) && text[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        if check_digit_fits(m.as_str()) {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Other,
                "ean",
                "EAN connection code with a valid check digit",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn finds_connection_codes_with_a_valid_check_digit() {
        assert_eq!(
            found("EAN-code: 871694874239581550, meter 71834526."),
            ["871694874239581550"]
        );
        assert_eq!(
            found("aansluiting 871 694 874 239 581 550 (warmte)"),
            ["871 694 874 239 581 550"]
        );
    }

    #[test]
    fn leaves_other_numbers() {
        // A wrong check digit, another country's prefix, part of a longer number.
        assert!(found("871694874239581551").is_empty());
        assert!(found("541694874239581550").is_empty());
        assert!(found("1871694874239581550").is_empty());
        assert!(found("871694874239581550.12").is_empty());
    }

    #[test]
    fn a_code_with_one_digit_changed_fails_the_check() {
        // The check digit catches every change of one digit.
        let code = "871694874239581550";
        for i in 3..code.len() {
            for d in b'0'..=b'9' {
                let mut changed = code.as_bytes().to_vec();
                if changed[i] == d {
                    continue;
                }
                changed[i] = d;
                let changed = String::from_utf8(changed).unwrap();
                assert!(found(&changed).is_empty(), "{changed}");
            }
        }
    }
}
