//! Bank account numbers in a country's own form, no IBAN: the Caribbean Netherlands' banks
//! (`MCB 40.338.721`, `RBC 8200 3318 04`), East African and South American accounts (`a/c
//! 0140 2938 4471 5`, `Bancolombia ahorros 245-887213-04`). Like an IBAN such
//! a number leads to its holder.
//!
//! The digits have no shape of their own, so only a label decides: right before the number
//! on its line, with the bank's name and a form's leaders between (`Rek.nr.:  MCB 40.338.721`,
//! `Bankrekening / Kuenta di banko ...... Banco di Caribe 1.0221.5540`), or at the head of the
//! number's column. An account written only by its last digits (`rekening eindigend op
//! ...6123 26`) is one too.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, char_before, is_word_char, table};
use crate::policy::Category;

/// The labels of an account number, in the languages of the documents.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:rekening(?:nummer|nr)s?|rek(?:\.[ ]?|[ ]?)nr|reknr|rek|bankrekening(?:nummer|nr)?|rekening[ ]+bij|(?:bank[ ]+)?account[ ]+(?:number|no|nr)|a/c(?:[ ]+no)?|acc(?:[ ]+no)?|kuenta(?:[ ]+di[ ]+banko)?|cuenta(?:[ ]+de)?(?:[ ]+ahorros?)?|konto(?:nummer|-?nr)|num[ée]ro[ ]+de[ ]+compte)\.?(?-u:\b|$)",
    )
    .expect("account label pattern compiles")
});

/// The words of an account that say only its last digits are written (`eindigend op
/// ...6123 26`, `ending in 4471`).
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:eindigend|eindigt|ending|ends)[ ]+(?:op|in|with)[ ]*(?:\.{2,}|…)?")
        .expect("account ending pattern compiles")
});

/// A column's header that labels account numbers.
static COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:bank[ _]*)?(?:rekening(?:nummer|nr)?|rek\.?[ ]?nr\.?|a/c|account(?:[ _]+(?:no|nr|number))?\.?|kuenta|cuenta|konto(?:nummer)?)$",
    )
    .expect("account column pattern compiles")
});

/// Lower-case words of a bank's name or an account's kind between a label and the number
/// (`Banco di Caribe`, `Bancolombia ahorros`, `rekening bij RBC`).
const BANK_NAME_WORDS: &[&str] = &["di", "de", "del", "of", "van", "bij", "at", "ahorros"];

/// At least this many digits: shorter numbers are amounts, years and counts.
const MIN_DIGITS: usize = 6;

/// Finds account numbers after their label, in a labelled column and written by their last
/// digits. Numbers that overlap a finding from `from` on (an IBAN, or an account read here
/// another way) are left.
pub(crate) fn detect(text: &str, from: usize, out: &mut Vec<Finding>) {
    let push = |out: &mut Vec<Finding>, start: usize, end: usize, evidence: &'static str| {
        let read = out[from..].iter().any(|f| f.start < end && start < f.end);
        if !read {
            out.push(Finding::new(
                start,
                end,
                Category::Iban,
                "bank-account",
                evidence,
            ));
        }
    };
    for label in LABEL.find_iter(text) {
        if let Some((start, end)) = number_after_bank_name(text, label.end(), MIN_DIGITS) {
            push(out, start, end, "account number after its label");
        }
    }
    // Tables are walked only where a header may name accounts.
    let may_head = [
        "rek", "REK", "ccount", "CCOUNT", "/c", "/C", "uenta", "UENTA", "onto",
    ]
    .iter()
    .any(|w| text.contains(w));
    if may_head {
        table::column_cells(
            text,
            |label| COLUMN.is_match(label),
            |start, end| {
                if let Some((s, e)) = number_after_bank_name(&text[..end], start, MIN_DIGITS) {
                    push(out, s, e, "in a column of account numbers");
                }
            },
        );
    }
    for ending in ENDING.find_iter(text) {
        // Only an account's ending: the label stands before it on the line.
        let line_start = text[..ending.start()].rfind('\n').map_or(0, |k| k + 1);
        let before = text[line_start..ending.start()].to_lowercase();
        let of_an_account = ["rekening", "account", "iban", "rek."]
            .iter()
            .any(|w| before.contains(w));
        if of_an_account && let Some((start, end)) = number_at(text, ending.end(), 3) {
            push(out, start, end, "last digits of an account number");
        }
    }
}

/// The number after `at` on its line, past a form's leaders and the bank's name (capitalised
/// words, abbreviations, [`BANK_NAME_WORDS`]), if it has `min_digits` digits at least.
fn number_after_bank_name(text: &str, at: usize, min_digits: usize) -> Option<(usize, usize)> {
    let mut i = at;
    for _ in 0..8 {
        let rest = &text[i..];
        let skipped = rest.len()
            - rest
                .trim_start_matches([' ', '\t', ':', '/', '=', '.', '…'])
                .len();
        i += skipped;
        let rest = &text[i..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return number_at(text, i, min_digits);
        }
        let word_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | '/'))
            .unwrap_or(rest.len());
        let word = rest[..word_len].trim_end_matches(['.', ',']);
        let bank_word = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '&' | '\'' | '’' | '-' | '.'))
            || BANK_NAME_WORDS.contains(&word);
        if word.is_empty() || !bank_word {
            return None;
        }
        i += word_len;
    }
    None
}

/// The number that starts at `at`: groups of digits joined by one space, dot or dash, with
/// `min_digits` digits at least; not a date, an amount or a percentage. OCR's `l` and `O`
/// inside a group count as digits (`40.338.72l`).
fn number_at(text: &str, at: usize, min_digits: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    if char_before(text, at).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let is_digit = |b: u8| b.is_ascii_digit() || b == b'l' || b == b'O';
    let mut end = at;
    let mut digits = 0;
    // A group opens with a digit, not with OCR's letters (`… 4471 Opgave`).
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        while end < bytes.len() && is_digit(bytes[end]) {
            digits += usize::from(bytes[end].is_ascii_digit());
            end += 1;
        }
        match bytes.get(end..end + 2) {
            Some([b' ' | b'.' | b'-', next]) if next.is_ascii_digit() => end += 1,
            _ => break,
        }
    }
    let value = &text[at..end];
    let amount = matches!(bytes.get(end..end + 2), Some([b',', d]) if d.is_ascii_digit());
    let whole = !text[end..]
        .chars()
        .next()
        .is_some_and(|c| is_word_char(c) || c == '%');
    (digits >= min_digits && whole && !amount && !is_date(value)).then_some((at, end))
}

/// Whether a value is a date (`15.03.2023`, `3-2-2014`).
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split(['.', '-', ' ']).collect();
    let number = |p: &str, max: u32| p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    parts.len() == 3
        && number(parts[0], 31)
        && number(parts[1], 12)
        && (parts[2].len() == 2 || parts[2].len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        detect(text, 0, &mut out);
        out.sort_by_key(|f| f.start);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn local_accounts_after_their_label_and_bank() {
        assert_eq!(found("  Rek.nr.:         MCB 40.338.721\n"), ["40.338.721"]);
        assert_eq!(
            found(
                "D4  Bankrekening / Kuenta di banko ........ Banco di Caribe 1.0221.5540 t.n.v. X"
            ),
            ["1.0221.5540"]
        );
        assert_eq!(
            found("Hij wil het terug op zijn rekening bij RBC: 8200 3318 04. Maar"),
            ["8200 3318 04"]
        );
        assert_eq!(
            found("Account no.:    0180 2914 6638 2   Currency"),
            ["0180 2914 6638 2"]
        );
        assert_eq!(
            found("Kenya (a/c 0140 2938 4471 5), payroll"),
            ["0140 2938 4471 5"]
        );
        assert_eq!(
            found("bankafschrift MCB rek 40.338.72l ; 5."),
            ["40.338.72l"]
        );
        assert_eq!(
            found("Rekeningnummer .................. 21.301.478.09\n"),
            ["21.301.478.09"]
        );
    }

    #[test]
    fn columns_of_accounts_and_last_digits() {
        let csv = "klantnr;naam;bank;rekening;bedrag\n30011;A;MCB;40.112.908;300,00\n31502;B;RBC;8200519930;300,00\n";
        assert_eq!(found(csv), ["40.112.908", "8200519930"]);
        let tabs = "Nr\tName\tBank A/C\n1\tOKELLO\tStanbic 9030 0182 7741 5\n";
        assert_eq!(found(tabs), ["9030 0182 7741 5"]);
        assert_eq!(
            found("beslag gelegd op uw rekening eindigend op 5890 25. Bekijk"),
            ["5890 25"]
        );
        assert_eq!(
            found("opgegeven rekeningnummer (eindigend op ...6123 26)."),
            ["6123 26"]
        );
    }

    #[test]
    fn amounts_dates_years_and_other_numbers_stay() {
        assert!(found("De rekening van 1.250,00 is betaald op 15.03.2023.").is_empty());
        assert!(found("rekeningnummer per 15.03.2023 gewijzigd").is_empty());
        assert!(found("De rekening bij de gemeente sinds 2019 loopt door.").is_empty());
        assert!(found("acc 2.3.14 draait, prod volgt").is_empty());
        assert!(found("Rekening: factuur voor 12 pallets").is_empty());
        assert!(found("telefoon eindigend op 4471").is_empty());
        assert!(found("Rekeningnummer: 12345 (dossier)").is_empty());
    }
}
