//! Dutch licence plates (kentekens) in every RDW sidecode, with or without dashes. A plate
//! identifies the person who keeps or drives the car, so it goes under the privacy ground.
//!
//! With dashes the shape alone is telling (`12-ABC-3`), as long as the letters are those the
//! RDW issues. Without dashes six letters and digits are too often a code or a postcode
//! (`2511DP`), so a vehicle word must come first on the line (`kenteken 12ABC3`).
//!
//! Foreign plates have other shapes (`PO 7K215`, `B 214 KLM`, `IS-22-APM`): a region's
//! capitals, then groups of capitals and digits. They count after a vehicle word on the line,
//! or in a table column headed by one (`kenteken eigen auto`).

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

/// A plate with dashes, with spaces (all in capitals or all in lower case, so that a word
/// before it is no group of it: `en GS 07 NP`), or six characters run together.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}|(?-i:[A-Z0-9]{1,3}\x20[A-Z0-9]{2,3}\x20[A-Z0-9]{1,3}|[a-z0-9]{1,3}\x20[a-z0-9]{2,3}\x20[a-z0-9]{1,3})|[A-Z0-9]{6})(?-u:\b)",
    )
    .expect("licence plate pattern compiles")
});

/// A word for the plate itself, among the vehicle words.
static PLATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:kenteken|nummerbord|licen[cs]e|plate)")
        .expect("plate word pattern compiles")
});

static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:kenteken\w*|nummerbord|voertuig\w*|auto|personenauto|bestelauto|bestelbus|busje|vrachtauto|vrachtwagen|wagen|motor|scooter|brommer|aanhanger|aanhangwagen|oplegger|trekker|trailer|truck|caravan|camper|licen[cs]e\s+plate|plate|vehicle|car|lorry|jeep|pick-?up|motorbike|motorcycle|land\s+cruiser|(?:kfz-?|amtl\.\s*)kennzeichen|zugmaschine|auflieger|anh[äa]nger|lkw|pkw)(?:s|en)?(?-u:\b)",
    )
    .expect("vehicle word pattern compiles")
});

/// A foreign plate: one to three capitals, then one or two groups of capitals and digits
/// (`PO 7K215`, `B-KL 4471`), or a Belgian one (`1-ABC-123`).
static FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[1-9]-[A-Z]{3}-[0-9]{3}|[A-Z]{1,3}[- ][A-Z0-9]{2,5}(?:[- ][A-Z0-9]{1,4})?)(?-u:\b)")
        .expect("foreign plate pattern compiles")
});

/// A German plate: the district's one to three capitals, a hyphen, one or two capitals, a
/// space and one to four digits (`HS-K 2291`, `AC-RT 815`, `K-LM 6084E`). Its hyphen and then
/// a space are its own, so it is read without a vehicle word. Found by [`german_plates`]: the
/// word boundaries are checked there, as a Unicode `\b` in the pattern would make the regex
/// crate leave its fast engine at the first accented letter of a text.
static GERMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\x20[1-9][0-9]{0,3}[EH]?")
        .expect("German plate pattern compiles")
});

/// The matches of [`GERMAN`] that start and end a word, leftmost first, as the pattern with
/// a `\b` at either end finds them. A match that fails either boundary is tried again from
/// its next character: one that runs into a word has no shorter match that ends one either,
/// as it would end before a digit or a letter.
fn german_plates(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    let word_char = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let m = GERMAN.find_at(text, at)?;
            if word_char(text[..m.start()].chars().next_back())
                || word_char(text[m.end()..].chars().next())
            {
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            at = m.end();
            return Some(m);
        }
    })
}

/// Standards and norms written like a German plate (`NEN-EN 1090`, `DIN-EN 1234`).
const STANDARDS: &[&str] = &[
    "NEN", "DIN", "EN", "ISO", "IEC", "CEN", "NTA", "NPR", "BRL", "ÖN",
];

/// Whether `plate` has the size and make-up of a foreign plate: five to nine capitals and
/// digits, with a digit, and not ending in a day and month (`TO 29-01`).
fn is_foreign_plate(plate: &str) -> bool {
    let code = plate.chars().filter(char::is_ascii_alphanumeric).count();
    (5..=9).contains(&code)
        && plate.chars().any(|c| c.is_ascii_digit())
        && !DAY_MONTH.is_match(plate)
}

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ -][0-9]{1,2}-[0-9]{1,2}$").expect("day and month pattern compiles")
});

/// Whether a vehicle word comes before `at` on its line: a word for the plate itself
/// (`kenteken`) within `plate_word` bytes, another (`busje`, `auto`) within `vehicle` bytes.
/// A plate without a telling shape is read near its vehicle only.
fn vehicle_before(text: &str, at: usize, plate_word: usize, vehicle: usize) -> bool {
    let line = line_before(text, at, plate_word.max(vehicle));
    VEHICLE.find_iter(line).any(|m| {
        let reach = if PLATE_WORD.is_match(m.as_str()) {
            plate_word
        } else {
            vehicle
        };
        line.len() - m.start() <= reach
    })
}

/// Foreign plates after a vehicle word on the line, or in a column headed by one.
fn foreign(text: &str, out: &mut Vec<Finding>) {
    let found = |out: &[Finding], start: usize, end: usize| {
        out.iter().any(|f| f.start < end && start < f.end)
    };
    let bytes = text.as_bytes();
    for m in german_plates(text) {
        let district = m.as_str().split('-').next().unwrap_or_default();
        // Not a norm, nor a part of a longer code (`NEN-EN 1090-2`, `ISO-IEC 27001:2013`).
        let goes_on = matches!(bytes.get(m.end()), Some(b'-' | b':' | b'/' | b'.'))
            && bytes
                .get(m.end() + 1)
                .is_some_and(u8::is_ascii_alphanumeric);
        if !STANDARDS.contains(&district) && !goes_on && !found(out, m.start(), m.end()) {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Other,
                "licence-plate",
                "a German licence plate",
            ));
        }
    }
    let dutch = out.len();
    for m in FOREIGN.find_iter(text) {
        if is_foreign_plate(m.as_str())
            && !found(&out[..dutch], m.start(), m.end())
            && vehicle_before(text, m.start(), 80, 30)
        {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Other,
                "licence-plate",
                "licence plate after a vehicle word",
            ));
        }
    }
    let cells = out.len();
    super::table::column_cells(
        text,
        |label| VEHICLE.is_match(label),
        |start, end| {
            let cell = &text[start..end];
            let plate = FOREIGN.find(cell).is_some_and(|m| m.as_str() == cell)
                || CANDIDATE.find(cell).is_some_and(|m| m.as_str() == cell);
            if plate && is_foreign_plate(cell) && !found(&out[..cells], start, end) {
                out.push(Finding::new(
                    start,
                    end,
                    Category::Other,
                    "licence-plate",
                    "in a column of licence plates",
                ));
            }
        },
    );
}

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
    let bytes = text.as_bytes();
    // A dash at `dash` with a letter or digit at `beyond`: the plate runs on into a code.
    let joined = |dash: usize, beyond: usize| {
        bytes.get(dash) == Some(&b'-') && bytes.get(beyond).is_some_and(u8::is_ascii_alphanumeric)
    };
    for m in candidates(text) {
        let plate = m.as_str();
        let letters = plate.chars().filter(char::is_ascii_alphabetic);
        if letters.clone().next().is_none() || !plate.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some(code) = sidecode(plate) else {
            continue;
        };
        // `HZ-LV-24-0317`: the first groups of a longer code, a case number.
        if joined(m.end(), m.end() + 1) || (m.start() >= 2 && joined(m.start() - 1, m.start() - 2))
        {
            continue;
        }
        let dashed = plate.contains('-');
        // Spaced groups (`78 hjn 4`) read as a plate only right after a word for it
        // (`kenteken`): after `auto` they are as often words (`de A 12 en de N 34`).
        let spaced = plate.contains(' ');
        let vehicle = if spaced {
            vehicle_before(text, m.start(), 25, 0)
        } else {
            vehicle_before(text, m.start(), 80, 80)
        };
        let upper = plate.chars().all(|c| !c.is_ascii_lowercase());
        // Vowels occur on the plates of the first six sidecodes (`OT-47-VN`), not later.
        let issued =
            code < ANY_LETTER_SIDECODES || letters.clone().all(|c| ISSUED_LETTERS.contains(c));
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
    foreign(text, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
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
    fn german_plates_are_those_of_the_pattern_with_unicode_word_boundaries() {
        let bounded = Regex::new(r"\b[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\x20[1-9][0-9]{0,3}[EH]?\b").unwrap();
        for text in [
            "HS-K 2291, ÖHR-AB 12 en MÜ-X 7E.",
            "éHS-K 2291 HS-K 2291é HS-K 2291Eé xAB-C 12 AB-C 12x ÄB-C 1 ÖÖÖÖ-A 1",
            "FOOXAB-C 12 K-LM 6084E\nNEN-EN 1090 AC-RT 815_ AC-RT 8155",
        ] {
            let want: Vec<_> = bounded.find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = german_plates(text).map(|m| m.range()).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_case_number_that_starts_like_a_plate_is_no_plate() {
        assert!(found("Zaak: HZ-LV-24-0317 (boete), eerder 2023-HZ-LV-23.").is_empty());
        assert_eq!(found("Kenteken HZ-LV-24, rood."), ["HZ-LV-24"]);
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
    fn finds_foreign_plates_after_a_vehicle_word_or_in_its_column() {
        assert_eq!(
            found("3 busjes (WE 812KT, VZ-418-B, B 214 KLM), afval"),
            ["VZ-418-B", "WE 812KT", "B 214 KLM"]
        );
        assert_eq!(found("met eigen auto (PO 7K215)."), ["PO 7K215"]);
        // English vehicle words.
        assert_eq!(
            found("Two project vehicles (KDG 482M, KDH 117Z) were found"),
            ["KDG 482M", "KDH 117Z"]
        );
        assert_eq!(found("His car is KCR 556L in case"), ["KCR 556L"]);
        // A lorry's tractor and trailer, in Dutch and in German.
        assert_eq!(
            found("trekker BOH-HK 412 met oplegger BOH-HK 413"),
            ["BOH-HK 412", "BOH-HK 413"]
        );
        assert_eq!(found("(amtl. Kennzeichen BOH-HK 413)"), ["BOH-HK 413"]);
        // A German plate by its own shape; not a norm.
        assert_eq!(
            found("een BMW met Duitse platen HS-K 2291, volgens NEN-EN 1090 en DIN-EN 1090-2"),
            ["HS-K 2291"]
        );
        assert_eq!(
            found("kentekens B-KL 4471 en 1-ABC-123"),
            ["B-KL 4471", "1-ABC-123"]
        );
        // A word before a plate written with spaces is no part of it.
        assert_eq!(
            found("kenteken 52 HTL 8 en GS 07 NP"),
            ["52 HTL 8", "GS 07 NP"]
        );
        let t =
            "naam\tkenteken eigen auto\topm\nPiotr\tPO 7K215\tx\nMihai\tIS-22-APM\t-\nAna\t-\ty\n";
        assert_eq!(found(t), ["PO 7K215", "IS-22-APM"]);
        // Without a vehicle word, or too short, or without a digit: no plate.
        assert!(found("zie WE 812KT en NL 2024").is_empty());
        assert!(found("de auto op de A 12 en de N 34").is_empty());
        assert!(found("de auto van AB CDEF").is_empty());
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
