//! Burgerservicenummers: nine digits (or eight, with the leading zero dropped), written
//! plainly or grouped with dots or spaces, that pass the elfproef; right after the label
//! `BSN`, also nine digits that fail it (mistyped, or misread by OCR).
//!
//! One in eleven random numbers passes the elfproef, so the context decides the doubtful
//! cases: an eight-digit number needs a BSN keyword before it, and a nine-digit number right
//! after a reference keyword (`kenmerk`, `zaaknummer`, …) is taken for a reference unless a
//! BSN keyword is near.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, line_before};
use crate::policy::Category;

/// The usual ways of writing a BSN, which count without a keyword.
const USUAL: &str = r"\d{9} | \d{8}
  | \d{3}[.\x20]\d{3}[.\x20]\d{3}
  | \d{4}[.\x20]\d{2}[.\x20]\d{3}
  | \d{2}[.\x20]\d{3}[.\x20]\d{3}
  | \d{3}[.\x20]\d{2}[.\x20]\d{2}[.\x20]\d{2}
  | \d(?:\x20{1,3}\d){8}";

/// A BSN written in a usual way, or grouped otherwise (`2527 60189`: then only after the
/// keyword).
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)(?-u:\b)(?:{USUAL} | \d{{2,5}}(?:[.\x20]\d{{2,5}}){{1,3}})(?-u:\b)"
    ))
    .expect("BSN pattern compiles")
});

static USUAL_GROUPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?x)^(?:{USUAL})$")).expect("BSN groups pattern compiles")
});

/// A BSN's label right before the number: `BSN:`, `BSN-nummer`, `Sofinummer`, `BSN (uit
/// DigiD):`, with dot leaders.
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:bsn(?:[- ]?(?:nummer|nr))?|burger\s*service\s*nummer|sofi-?nummer|sofinr)\s*(?:\([^()\n]{0,20}\))?[\s.:]*$")
        .expect("BSN label pattern compiles")
});

static BSN_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:bsn|burgerservicenummer|burger\s*service\s*nummer|sofi-?nummer|sofinr)",
    )
    .expect("BSN keyword pattern compiles")
});

static REFERENCE_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:kenmerk|referentie|ref\.|zaaknummer|zaaknr|dossiernummer|dossiernr|factuurnummer|ordernummer|klantnummer|relatienummer|polisnummer|registratienummer|documentnummer|nummer|nr\.?|id|code|pin)\s*[:#]?\s*$",
    )
    .expect("reference keyword pattern compiles")
});

/// The elfproef on nine digits.
pub fn elfproef(digits: &[u8; 9]) -> bool {
    if digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i32 = digits[..8]
        .iter()
        .enumerate()
        .map(|(i, &d)| i32::from(d) * (9 - i as i32))
        .sum::<i32>()
        - i32::from(digits[8]);
    sum % 11 == 0
}

/// Finds BSNs in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for m in CANDIDATE.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        // Part of a longer grouped number (a phone number, an amount): not a BSN.
        let glued_before = start >= 2
            && matches!(bytes[start - 1], b'.' | b' ' | b'-' | b',')
            && bytes[start - 2].is_ascii_digit();
        let glued_after = end + 1 < bytes.len()
            && matches!(bytes[end], b'.' | b' ' | b'-' | b',')
            && bytes[end + 1].is_ascii_digit();
        // A dial-in code (`+31 20 708 5084,,518260197#`) is no BSN.
        let dial_code = bytes.get(end) == Some(&b'#') || text[..start].ends_with(",,");
        if glued_before || glued_after || dial_code || bytes.get(end) == Some(&b'@') {
            continue;
        }
        let digits: Vec<u8> = m
            .as_str()
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        // Grouped otherwise (`2527 60189`, `4303 387 39`, often after OCR): only after the
        // keyword, with all nine digits.
        let usual = USUAL_GROUPS.is_match(m.as_str());
        if !(digits.len() == 9 || (usual && digits.len() == 8)) {
            continue;
        }
        let mut nine = [0u8; 9];
        nine[9 - digits.len()..].copy_from_slice(&digits);
        let context = line_before(text, start, 80);
        // Right after its label a number is a BSN even when mistyped.
        let valid = elfproef(&nine);
        let labelled = digits.len() == 9 && LABEL_BEFORE.is_match(context);
        if !(valid || labelled) {
            continue;
        }
        let keyword = BSN_KEYWORD.is_match(context) || previous_line_has_keyword(text, start);
        let reference = REFERENCE_KEYWORD.is_match(context);
        if !keyword && (digits.len() == 8 || reference || !usual) {
            continue;
        }
        let evidence = if !valid {
            "burgerservicenummer: labelled BSN (the elfproef fails: mistyped)"
        } else if keyword {
            "burgerservicenummer: elfproef and BSN keyword"
        } else {
            "burgerservicenummer: nine digits passing the elfproef"
        };
        out.push(Finding::new(start, end, Category::Bsn, "bsn", evidence));
    }
    labelled_column(text, out);
}

/// Nine digits in a column headed `BSN` (a register pasted from a spreadsheet): a BSN even
/// when mistyped, as right after the label; eight when the spreadsheet dropped its leading
/// zero.
fn labelled_column(text: &str, out: &mut Vec<Finding>) {
    if !BSN_KEYWORD.is_match(text) {
        return;
    }
    let mut cells = Vec::new();
    super::table::column_cells(
        text,
        |label| LABEL_BEFORE.is_match(label),
        |start, end| {
            let cell = &text[start..end];
            // A spreadsheet stores a BSN as a number and drops its leading zero.
            if (8..=9).contains(&cell.len()) && cell.bytes().all(|b| b.is_ascii_digit()) {
                cells.push((start, end));
            }
        },
    );
    for (start, end) in cells {
        if !out.iter().any(|f| f.start < end && start < f.end) {
            out.push(Finding::new(
                start,
                end,
                Category::Bsn,
                "bsn",
                "burgerservicenummer: in a column headed BSN",
            ));
        }
    }
}

/// A form may put the label on the line above: `BSN:\n123456782`.
fn previous_line_has_keyword(text: &str, at: usize) -> bool {
    // Only white space before the number on its line (read without scanning a long line).
    let Some(line_start) = super::blank_line_start(text, at).filter(|&s| s > 0) else {
        return false;
    };
    let prev = line_before(text, line_start - 1, 80);
    BSN_KEYWORD.is_match(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn elfproef_accepts_valid_and_rejects_invalid_numbers() {
        assert!(elfproef(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(elfproef(&[3, 0, 2, 9, 2, 5, 0, 7, 7]));
        assert!(!elfproef(&[1, 1, 1, 2, 2, 2, 3, 3, 4]));
        assert!(!elfproef(&[0; 9]));
    }

    #[test]
    fn finds_plain_dotted_spaced_and_short_forms() {
        assert_eq!(found("Mijn BSN is 302925077."), vec!["302925077"]);
        assert_eq!(found("BSN: 302.925.077"), vec!["302.925.077"]);
        assert_eq!(
            found("burgerservicenummer 3029 25 077"),
            vec!["3029 25 077"]
        );
        assert_eq!(found("nummer 111222333 staat"), Vec::<&str>::new());
        assert_eq!(found("bsn 11222335"), vec!["11222335"]);
        assert_eq!(found("BSN:\n111 222 333"), vec!["111 222 333"]);
        assert_eq!(found("gegevens 111222333 van"), vec!["111222333"]);
        assert_eq!(found("BSN 111 22 23 33"), vec!["111 22 23 33"]);
        assert_eq!(found("BSN: 1 1 1 2 2 2 3 3 3"), vec!["1 1 1 2 2 2 3 3 3"]);
        // Grouped otherwise: after the keyword only.
        assert_eq!(found("BSN:            2527 60189"), vec!["2527 60189"]);
        assert_eq!(found("1.5 BSN    4303 387 39"), vec!["4303 387 39"]);
        assert!(found("bel 4303 387 39 of").is_empty());
        assert!(found("BSN 4303 387 39 12").is_empty());
        // Mistyped (the elfproef fails) right after the label only.
        assert_eq!(found("BSN (uit DigiD):   184422907"), vec!["184422907"]);
        assert!(found("BSN bekend, dossier 184422907").is_empty());
        for labelled in [
            "BSN-nummer: 123456780",
            "BSN nr. 123456780",
            "Sofinummer: 123456780",
        ] {
            assert_eq!(found(labelled), vec!["123456780"], "{labelled}");
        }
    }

    #[test]
    fn a_mistyped_number_in_a_column_headed_bsn_is_one() {
        let t = "kamer\tnaam\tBSN\tland\n1A\tEl Idrissi, D.\t318274456\tNL\n\
                 1B\tKovalenko, O.\t111222333\tUA\n2A\tleeg\t-\t-\n";
        assert_eq!(found(t), ["111222333", "318274456"]);
        // A spreadsheet dropped the leading zero; a shorter number is none.
        let t =
            "naam;bsn;geb_datum\nGroeneveld, B.;60547038;06-12-1979\nVos, H.;6054703;01-01-1980\n";
        assert_eq!(found(t), ["60547038"]);
        // Another column's numbers stay.
        let t = "naam\tklantnr\tland\nJansen\t318274456\tNL\nVos\t318274457\tNL\n";
        assert!(found(t).is_empty());
    }

    #[test]
    fn leaves_invalid_and_reference_numbers_alone() {
        assert!(found("nummer 302925078").is_empty());
        // Eight digits without a keyword: too many references pass the elfproef.
        assert!(found("dossier 11222335 gesloten").is_empty());
        assert!(found("Ons kenmerk: 111222333").is_empty());
        assert!(found("Bel 06 111 222 333").is_empty());
        assert!(found("€ 111.222.333,00").is_empty());
        assert!(found("NL91ABNA0111222333").is_empty());
        // Meeting and conference IDs pass the elfproef one time in eleven.
        assert!(found("Vergadering-id: 111 222 333").is_empty());
        assert!(found("Conference ID: 111 222 333#").is_empty());
        assert!(found("Meeting ID 111222333").is_empty());
    }
}
