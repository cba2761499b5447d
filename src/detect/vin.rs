//! Vehicle identification numbers (VIN, chassis number, ISO 3779): seventeen capitals and
//! digits that name one car, and through the vehicle register its keeper, like its licence
//! plate. So it goes under the privacy ground too.
//!
//! The shape alone tells it: a maker's code that opens with a letter (the European and Asian
//! makers' `WVW`, `VF3`, `TMB`), none of the letters `I`, `O` and `Q` the standard leaves out,
//! and a serial ending in four digits. Right after a label (`VIN`, `chassisnummer`, `FIN`)
//! any such code counts: an American maker's `1G1…`, or an `O` that OCR read for a zero.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, line_before};
use crate::policy::Category;

static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[A-Z0-9]{17}(?-u:\b)").expect("VIN pattern compiles"));

/// A label of a VIN, ending the text before it on the line (`VIN:`, `chassisnr`,
/// `Fahrgestellnummer (FIN)`).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:vin|fin|chassis(?:nummer|nr)?|voertuigidentificatienummer|fahrgestellnummer|fahrzeug-?identifizierungsnummer|vehicle\s+identification\s+number)(?-u:\b)\.?\)?[\t :]*$",
    )
    .expect("VIN label pattern compiles")
});

/// Finds VINs in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    for m in CODE.find_iter(text) {
        let code = m.as_str().as_bytes();
        let letters = code.iter().filter(|b| b.is_ascii_uppercase()).count();
        // Letters in the maker's code and model, digits in the serial: not a word in
        // capitals (`AANVRAAGFORMULIER`) nor a number.
        if letters < 3 || !code[13..].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let shaped = code[0].is_ascii_uppercase() && !code.iter().any(|b| b"IOQ".contains(b));
        let labelled = || LABEL.is_match(line_before(text, m.start(), 60));
        if shaped || labelled() {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Other,
                "vin",
                if shaped {
                    "shaped as a vehicle identification number"
                } else {
                    "labelled as a vehicle identification number"
                },
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
    fn a_vin_is_found_by_its_shape() {
        for vin in [
            "WVWZZZAUZFP541287",
            "VF3LBYHZPGS102938",
            "WF0KXXGCBKDJ33781",
        ] {
            assert_eq!(found(&format!("auto {vin} verkocht")), [vin]);
            assert_eq!(found(&format!("| R771JX |{vin} |02-06-2023|")), [vin]);
        }
    }

    #[test]
    fn an_unusual_vin_is_found_after_its_label() {
        // An American maker's code opens with a digit; OCR read a zero as an `O`.
        assert!(found("Zie 1G1ZT53826F109149 en W0LPD8EC4E8O45120.").is_empty());
        assert_eq!(found("VIN: 1G1ZT53826F109149"), ["1G1ZT53826F109149"]);
        assert_eq!(
            found("Chassisnr     W0LPD8EC4E8O45120"),
            ["W0LPD8EC4E8O45120"]
        );
        assert_eq!(
            found("FIN (Fahrgestellnummer) W0LPD8EC4E8O45120"),
            ["W0LPD8EC4E8O45120"]
        );
    }

    #[test]
    fn words_references_and_longer_codes_are_no_vin() {
        for text in [
            "AANVRAAGFORMULIER 2024",
            "Summiere aangifte (ENS): 24NL0AB9921X00145",
            "WOORDVOERINGSLIJN",
            "code WVWZZZAUZFP5412870",
            "VIN onbekend: ABCDEFGHJKLMNPRST",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
