//! International bank account numbers, Dutch and foreign, grouped in fours or not, checked
//! against the country's length and the mod-97 check digits; then the accounts in a
//! country's own form ([`super::bank_account`]).

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, char_at, char_before, is_word_char};
use crate::policy::Category;

/// IBAN length per country (ISO 13616 registry).
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NL", 18),
    (b"NO", 15),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"SA", 24),
    (b"SC", 31),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
];

fn expected_length(country: &[u8]) -> Option<usize> {
    LENGTHS
        .iter()
        .find(|(c, _)| c.as_slice() == country)
        .map(|&(_, n)| n)
}

/// The mod-97 check of ISO 13616 on an IBAN without spaces, upper case.
pub fn mod97(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut rem: u32 = 0;
    for &b in tail.iter().chain(head) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// Finds IBANs in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    let from = out.len();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        // Whether or not a space follows the country code, the fourth byte is a check digit:
        // skip to the next place where it is.
        match bytes[i + 3..].iter().position(u8::is_ascii_digit) {
            Some(skip) => i += skip,
            None => break,
        }
        // The check digits may follow the country code after a space (`NL 91 ABNA …`).
        let digits_at = if bytes[i + 2] == b' ' { i + 3 } else { i + 2 };
        let starts = bytes[i].is_ascii_alphabetic()
            && bytes[i + 1].is_ascii_alphabetic()
            && bytes.get(digits_at).is_some_and(u8::is_ascii_digit)
            && bytes.get(digits_at + 1).is_some_and(u8::is_ascii_digit)
            && !char_before(text, i).is_some_and(is_word_char);
        let found = starts.then(|| iban_at(text, i)).flatten();
        if let Some((end, _)) = found
            && of_public_sector_bank(&text[i..end])
        {
            i = end;
        } else if let Some((end, valid)) = found
            && (valid || labelled(text, i))
        {
            let (rule, evidence) = if valid {
                ("iban", "IBAN with valid check digits")
            } else {
                (
                    "iban.labelled",
                    "IBAN after its label (check digits wrong or mistyped)",
                )
            };
            out.push(Finding::new(i, end, Category::Iban, rule, evidence));
            i = end;
        } else {
            i += 1;
        }
    }
    dutch_accounts(text, from, out);
    super::bank_account::detect(text, from, out);
}

/// The codes of the banks of the public sector: BNG Bank and the Nederlandse Waterschapsbank
/// hold accounts of municipalities, provinces, water boards and other public bodies only,
/// never a person's.
const PUBLIC_SECTOR_BANK_CODES: &[&[u8]] = &[b"BNGH", b"NWAB"];

/// Whether a Dutch IBAN is held at a bank of the public sector (`NL38 BNGH 0285 0123 45`).
fn of_public_sector_bank(iban: &str) -> bool {
    let compact: Vec<u8> = iban
        .bytes()
        .filter(|b| *b != b' ')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    compact.starts_with(b"NL")
        && compact
            .get(4..8)
            .is_some_and(|bank| PUBLIC_SECTOR_BANK_CODES.contains(&bank))
}

/// The codes of banks that hold Dutch current accounts (the four letters after `NLkk`).
const DUTCH_BANK_CODES: &[&str] = &[
    "ABNA", "ASNB", "BUNQ", "FVLB", "HAND", "INGB", "KNAB", "NNBA", "RABO", "RBRB", "REVO", "SNSB",
    "TRIO", "BITS", "FRBK", "ZWLB", "DHBN", "NTSB", "ADYB",
];

/// A Dutch account number written wrongly: a digit too many or too few, a mistyped check
/// digit, digits read by OCR as letters (`NL 7O RABO O3l2 4488 9O`), grouped oddly. The
/// bank's code makes it an account number all the same, and a reader sees it as one.
static DUTCH_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\bNL ?[0-9OlI] ?[0-9OlI] ?[A-Z0-9]{4}(?: ?[0-9OlI]){8,11}\b")
        .expect("valid regex")
});

/// Finds Dutch account numbers that fail the strict check, by their bank's code. Only the
/// strict IBANs found from `from` on count as found already: a phone number read in the
/// account's digits (`0312 4478 19`) does not.
fn dutch_accounts(text: &str, from: usize, out: &mut Vec<Finding>) {
    if !text.contains("NL") && !text.contains("nl") {
        return;
    }
    let strict = out.len();
    // Without a capture group the fast engines run; the bank's code is the 5th to 8th
    // character without spaces.
    for m in DUTCH_ACCOUNT.find_iter(text) {
        let compact: Vec<u8> = m
            .as_str()
            .bytes()
            .filter(|b| *b != b' ')
            .map(|b| b.to_ascii_uppercase())
            .collect();
        // OCR reads letters of the bank's code as digits (`RAB0`, `A8NA`, `lNGB`).
        let bank: Vec<u8> = compact
            .get(4..8)
            .unwrap_or_default()
            .iter()
            .map(|&b| match b {
                b'0' => b'O',
                b'1' | b'L' => b'I',
                b'8' => b'B',
                b'5' => b'S',
                b => b,
            })
            .collect();
        let known = DUTCH_BANK_CODES.iter().any(|c| c.as_bytes() == bank);
        let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
        let found = out[from..strict]
            .iter()
            .any(|f| f.start < m.end() && m.start() < f.end);
        if known && digits >= 8 && !found {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Iban,
                "iban.bank_code",
                "Dutch account number with a bank's code (check digits wrong or mistyped)",
            ));
        }
    }
}

/// Whether the line says that what starts at `start` is an account number (`IBAN:`,
/// `Kontonummer`, `rekening`): then a mistyped check digit does not make it something else.
fn labelled(text: &str, start: usize) -> bool {
    let line = &text[text[..start].rfind('\n').map_or(0, |n| n + 1)..start];
    let line = line.to_lowercase();
    ["iban", "rekening", "account", "konto", "bank"]
        .iter()
        .any(|label| line.contains(label))
}

/// The end of an IBAN of its country's length in capitals starting at `start`, if there is
/// one, and whether its check digits are valid.
fn iban_at(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let want = expected_length(&bytes[start..start + 2].to_ascii_uppercase())?;
    let mut compact = Vec::with_capacity(want);
    let mut i = start;
    while compact.len() < want && i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            compact.push(b.to_ascii_uppercase());
            i += 1;
        } else if b == b' '
            && (compact.len() % 4 == 0 || compact.len() == 2)
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            // Grouped in fours, or a space after the country code: one space between groups.
            i += 1;
        } else {
            return None;
        }
    }
    let whole = compact.len() == want && !char_at(text, i).is_some_and(is_word_char);
    // A Dutch one is read by its bank's code instead (`dutch_accounts`).
    let capitals = bytes[start..start + 2].iter().all(u8::is_ascii_uppercase)
        && &bytes[start..start + 2] != b"NL";
    let valid = whole && mod97(&compact);
    (valid || (whole && capitals)).then_some((i, valid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn dutch_account_numbers_written_wrongly() {
        assert_eq!(
            found("rekening NL46 ABNA 0738 6610 454... sorry"),
            vec!["NL46 ABNA 0738 6610 454"]
        );
        assert_eq!(
            found("NL 37 INGB 0005 7623 48."),
            vec!["NL 37 INGB 0005 7623 48"]
        );
        assert_eq!(
            found("NL 7O RABO O3l2 4488 9O"),
            vec!["NL 7O RABO O3l2 4488 9O"]
        );
        for ocr in [
            "NL15 RAB0 O393 8983 51",
            "NL36 A8NA 9256 6559 8O",
            "NL6l lNGB 7468 6479 76",
            "NL 4 4 RABO O 1 5 6 7 8 2 3 4 1",
        ] {
            assert_eq!(found(ocr), vec![ocr]);
        }
        // No bank's code, or no account's length: a reference.
        assert!(found("NL12 ABCD 1234 5678 90 en NL91 ABNA 0417").is_empty());
        // Found as well when a phone number was read in its digits first.
        let text = "IBAN NL42 RABO 0312 4478 19.";
        let mut out = vec![Finding::new(
            15,
            27,
            Category::Phone,
            "phone",
            "telephone number",
        )];
        detect(text, &mut out);
        assert!(
            out.iter()
                .any(|f| &text[f.start..f.end] == "NL42 RABO 0312 4478 19")
        );
    }

    #[test]
    fn finds_dutch_and_foreign_ibans_grouped_or_not() {
        assert_eq!(
            found("rekening NL91ABNA0417164300 t.n.v."),
            vec!["NL91ABNA0417164300"]
        );
        assert_eq!(
            found("IBAN: NL91 ABNA 0417 1643 00."),
            vec!["NL91 ABNA 0417 1643 00"]
        );
        assert_eq!(
            found("DE89 3704 0044 0532 0130 00"),
            vec!["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(found("(BE68539007547034)"), vec!["BE68539007547034"]);
        assert_eq!(
            found("iban nl91abna0417164300."),
            vec!["nl91abna0417164300"]
        );
        assert_eq!(
            found("NL 91 ABNA 0417 1643 00"),
            vec!["NL 91 ABNA 0417 1643 00"]
        );
        assert_eq!(found("NL 91ABNA0417164300"), vec!["NL 91ABNA0417164300"]);
        assert_eq!(
            found("GB82WEST12345698765432"),
            vec!["GB82WEST12345698765432"]
        );
    }

    #[test]
    fn accounts_of_the_public_sector_banks_are_no_persons() {
        assert!(found("Gemeente Beekvelde, NL38 BNGH 0285 0123 45 o.v.v.").is_empty());
        assert!(found("waterschap NL59NWAB0636759821").is_empty());
        assert_eq!(
            found("BNG NL38 BNGH 0285 0123 45 en NL91ABNA0417164300"),
            vec!["NL91ABNA0417164300"]
        );
    }

    #[test]
    fn rejects_bad_check_digits_and_wrong_lengths() {
        // (A Dutch bank's code makes an account number of any of these: see above.)
        assert!(found("NL92WXYZ0417164300").is_empty());
        assert!(found("DE88370400440532013000").is_empty());
        assert!(found("NL91WXYZ04171643001").is_empty());
        assert!(found("NL91WXYZ041716430").is_empty());
        assert!(found("XNL91WXYZ0417164300").is_empty());
        assert_eq!(found("NL92ABNA0417164300"), vec!["NL92ABNA0417164300"]);
        assert!(found("NL12 is een code").is_empty());
        // After its label a mistyped IBAN is still the account.
        assert_eq!(
            found("IBAN: DE44 1001 0010 0612 8831 07 (Sparkasse)"),
            vec!["DE44 1001 0010 0612 8831 07"]
        );
        assert!(found("Referentie DE88370400440532013000").is_empty());
    }
}
