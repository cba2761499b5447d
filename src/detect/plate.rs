//! Dutch licence plates (kentekens) in every RDW sidecode, with or without dashes. A plate
//! identifies the person who keeps or drives the car, so it goes under the privacy ground.
//!
//! With dashes the shape alone is telling (`12-ABC-3`), as long as the letters are those the
//! RDW issues. Without dashes six letters and digits are too often a code or a postcode
//! (`2511DP`), so a vehicle word must come first on the line (`kenteken 12ABC3`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, line_before};
use crate::policy::Category;

/// The sidecodes: `L` a letter, `D` a digit, in dash-separated groups.
const SIDECODES: &[&str] = &[
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
    "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
];

/// The first six sidecodes (two groups of two and a pair) hold any letter; the later ones
/// consonants only (no vowels, and not C, Q, W or Y).
const ANY_LETTER_SIDECODES: usize = 6;
const ISSUED_LETTERS: &str = "BDFGHJKLMNPRSTVXZ";

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}|[A-Z0-9]{1,3}\x20[A-Z0-9]{2,3}\x20[A-Z0-9]{1,3}|[A-Z0-9]{6})\b",
    )
    .expect("licence plate pattern compiles")
});

static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:kenteken\w*|nummerbord|voertuig\w*|auto|personenauto|bestelauto|bestelbus|busje|vrachtauto|vrachtwagen|wagen|motor|scooter|brommer|aanhanger|caravan|camper|licen[cs]e\s+plate|plate)\b",
    )
    .expect("vehicle word pattern compiles")
});

/// The sidecode (0-based) of a plate written with dashes, or of six characters grouped as
/// some sidecode once the dashes are added.
fn sidecode(plate: &str) -> Option<usize> {
    let shape: String = plate
        .chars()
        .map(|c| match c {
            '0'..='9' => 'D',
            '-' | ' ' => '-',
            _ => 'L',
        })
        .collect();
    if shape.contains('-') {
        SIDECODES.iter().position(|s| *s == shape)
    } else {
        SIDECODES.iter().position(|s| s.replace('-', "") == shape)
    }
}

/// The candidates of `text` that hold a digit (no other can be a plate), as
/// `CANDIDATE.find_iter(text)` finds them. Most of a text is six-letter words, each a
/// candidate: the pattern runs only on stretches with a digit. A candidate holds no ASCII
/// byte but letters, digits, spaces and dashes, so none spans another one (a line break, a
/// comma): the matches per stretch are those of the whole text. Each stretch is searched up
/// to its end (a `\b` there reads the same as before that byte, which is no word character)
/// from its start, with the text before it as context.
fn candidates(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let bytes = text.as_bytes();
    let apart =
        |b: &u8| b.is_ascii() && !(b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'_'));
    let mut start = 0;
    std::iter::from_fn(move || {
        (start <= bytes.len()).then(|| {
            let end = bytes[start..]
                .iter()
                .position(apart)
                .map_or(bytes.len(), |n| start + n);
            let stretch = start..end;
            start = end + 1;
            stretch
        })
    })
    .filter(|s| bytes[s.clone()].iter().any(u8::is_ascii_digit))
    .flat_map(|s| {
        let upto = &text[..s.end];
        let mut at = s.start;
        std::iter::from_fn(move || {
            let m = CANDIDATE.find_at(upto, at)?;
            at = m.end();
            Some(m)
        })
    })
    .filter(|m| m.as_str().bytes().any(|b| b.is_ascii_digit()))
}

/// Finds licence plates in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    for m in candidates(text) {
        let plate = m.as_str();
        let letters = plate.chars().filter(char::is_ascii_alphabetic);
        if letters.clone().next().is_none() || !plate.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some(code) = sidecode(plate) else {
            continue;
        };
        let vehicle = VEHICLE.is_match(line_before(text, m.start(), 80));
        let upper = plate.chars().all(|c| !c.is_ascii_lowercase());
        // Vowels occur on the plates of the first six sidecodes (`OT-47-VN`), not later.
        let issued =
            code < ANY_LETTER_SIDECODES || letters.clone().all(|c| ISSUED_LETTERS.contains(c));
        let dashed = plate.contains('-');
        // Spaced groups (`78 hjn 4`) read as a plate only after a vehicle word.
        let spaced = plate.contains(' ');
        let by_shape = dashed && upper && issued && !spaced;
        if !(vehicle || by_shape) {
            continue;
        }
        out.push(Finding::new(
            m.start(),
            m.end(),
            Category::Other,
            "licence-plate",
            if vehicle {
                "licence plate after a vehicle word"
            } else {
                "licence plate (RDW sidecode)"
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn candidates_are_those_of_the_whole_text() {
        for text in [
            "AB CD EF 12 kenteken 12-ABC-3, Meijboom (Gast) 09:41\nZIE 78 hjn 4.",
            "café12 ab-12-cd_x 1-2-3 XJ-482-K\tAB 12 CD\r\n123456 abcdef 12ABC3",
            "\u{212A}L-12-AB ſt-12-ab é12-AB-3 12-AB-3é 12",
        ] {
            let whole: Vec<_> = CANDIDATE
                .find_iter(text)
                .filter(|m| m.as_str().bytes().any(|b| b.is_ascii_digit()))
                .map(|m| m.range())
                .collect();
            let got: Vec<_> = candidates(text).map(|m| m.range()).collect();
            assert_eq!(got, whole, "{text:?}");
        }
    }

    #[test]
    fn finds_plates_of_every_sidecode() {
        for p in [
            "AB-12-34", "12-34-AB", "12-AB-34", "BD-12-FG", "BD-FG-12", "12-BD-FG", "12-BDF-3",
            "1-BDF-23", "BD-123-F", "B-123-DF", "BDF-12-G", "B-12-DFG", "1-BD-234", "123-BD-4",
        ] {
            assert_eq!(
                found(&format!("Het voertuig {p} stond er.")),
                vec![p],
                "{p}"
            );
            assert_eq!(
                found(&format!("Gezien: {p}.")),
                vec![p],
                "{p} without context"
            );
        }
        assert_eq!(found("kenteken 12bdf3 gezien"), vec!["12bdf3"]);
        assert_eq!(found("Kenteken: XJ-482-K"), vec!["XJ-482-K"]);
        assert_eq!(found("kenteken 78 hjn 4 gezien"), vec!["78 hjn 4"]);
        assert_eq!(found("de vrachtwagen OT-47-VN reed"), vec!["OT-47-VN"]);
    }

    #[test]
    fn leaves_codes_postcodes_and_dates_alone() {
        for text in [
            "2511DP Den Haag",
            "referentie WOO-24-A",
            "zaak AB-2024-123",
            "op 12-03-2024",
            "product A4-12-B",
            "ABC123 is een code",
            "zie bijlage 2-BB-12x",
            "de 12 mei 2024 vergadering",
            "pagina 12 van 30",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
