//! Telephone numbers in the usual Dutch notations (`06-12345678`, `06 12 34 56 78`,
//! `+31 6 1234 5678`, `+31 (0)6 …`, `0031 6 …`, `(070) 370 1234`, `070-3701234`,
//! `+31 70 370 12 34`) and international numbers with a `+` or `00` prefix.
//!
//! A hand-written scanner reads each run of digit groups and separators, then accepts the
//! longest leading part whose digits form a valid number. Validation is by digit count and
//! prefix, which is what keeps dates, amounts, 7-digit references, case numbers
//! (`2024-0012345`), parliamentary paper numbers (`28 638, nr. 234`), ECLI numbers and
//! postcodes out.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, char_before, is_word_char};
use crate::policy::Category;

/// Separator characters allowed between digit groups (never a line break).
fn is_separator(b: u8) -> bool {
    // Not a tab: in a table pasted from a spreadsheet it ends a cell.
    matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
}

/// Multi-byte separators that word processors put between digit groups: dashes (en, em,
/// figure, non-breaking hyphen, minus) and non-breaking or thin spaces. Returns the length.
fn wide_separator(bytes: &[u8]) -> Option<usize> {
    const WIDE: &[&str] = &[
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{00a0}",
        "\u{202f}", "\u{2009}",
    ];
    WIDE.iter()
        .find(|w| bytes.starts_with(w.as_bytes()))
        .map(|w| w.len())
}

/// A digit group inside a run: byte range.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

/// An internal extension after its label (`tst. 7714`, `toestel 4311`, `(tst 214)`, `tst.
/// 84 31`, `tst. 658 225`), or an internal number after `tel.` (`I. Wolbers, tel. 858312`):
/// the direct line of the person it stands beside.
static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(tst|toestel|toestelnr|toestelnummer|ext|extension|tel)\.?:?\x20?([0-9]{1,3}(?:\x20[0-9]{2,3}){1,2}|[0-9]{3,6})(?-u:\b)")
        .expect("extension pattern compiles")
});

/// A number abroad written as its country writes it, after a word that says it is a
/// telephone number (`cell (617) 555-0188`, `Handynummer ist 0157 3320 8841`, `mobil
/// 0160-97712044`, a form's `Phone (home):    319-6628`): the digit groups after the label.
static LABELLED_ABROAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:tel|telefoon|telefon|telephone|phone|mobiel|mobil|mobile|cell|gsm|handy|handynummer|direct|direkt)(?-u:\b)\.?(?:\x20?\([a-z]+\))?:?[\x20\t]{0,20}(?:(?:ist|is|nr\.?|no\.?)\x20)?(\(?[0-9]{2,5}\)?(?:[\x20/.-]{1,3}[0-9]{2,8}){1,4}|[0-9]{7})(?-u:\b)",
    )
    .expect("labelled number pattern compiles")
});

/// A local number's shape: three digits and four, apart or not.
static LOCAL_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{3}[\x20-]?[0-9]{4}$").expect("local number pattern compiles")
});

fn labelled_abroad(text: &str, lines: &mut Option<super::Lines>, out: &mut Vec<Finding>) {
    let found = out.len();
    for m in LABELLED_ABROAD.captures_iter(text).filter_map(|c| c.get(1)) {
        let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
        // Dutch numbers are read by `detect`; service numbers (`0800 - 335 55 55`) are an
        // organisation's.
        let dutch = is_valid_number(&digits, false) || is_service_number(&digits);
        // A local number of seven digits, as the Caribbean Netherlands and Suriname dial
        // them, in three and four (`319-6628`, `586 2217`, `3193052`); not a date.
        let local = digits.len() == 7 && LOCAL_NUMBER.is_match(m.as_str());
        let abroad = ((9..=13).contains(&digits.len()) || local) && !dutch;
        let overlaps = out[..found]
            .iter()
            .any(|f| f.start < m.end() && m.start() < f.end);
        if abroad
            && !overlaps
            && !organisation_number(
                text,
                lines.get_or_insert_with(|| super::Lines::new(text)),
                m.start(),
                m.end(),
            )
        {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Phone,
                "phone.labelled",
                "telephone number abroad after its label",
            ));
        }
    }
}

/// Finds telephone numbers in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    extensions(text, out);
    spoken_numbers(text, out);
    let bytes = text.as_bytes();
    // The line index, built at the first number found: most texts have few or none.
    let mut lines: Option<super::Lines> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next digit, `+` or `(`: most of a text is letters.
        let Some(offset) = bytes[i..]
            .iter()
            .position(|&b| b.is_ascii_digit() || b == b'+' || b == b'(')
        else {
            break;
        };
        i += offset;
        let b = bytes[i];
        let starts_number = b.is_ascii_digit() || bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        // Digits joined by a hyphen to a letter or digit before them continue an identifier
        // (`Kenmerk: 2023-007120`, `2022-025513/0004`, `CL-004471`), not a number of their own.
        let joined = i >= 2 && bytes[i - 1] == b'-' && bytes[i - 2].is_ascii_alphanumeric();
        if !starts_number
            || joined
            || char_before(text, i).is_some_and(is_word_char)
            || after_bank_code(&text[..i])
        {
            i += 1;
            continue;
        }
        let groups = digit_groups(bytes, i);
        match longest_valid_prefix(bytes, i, &groups) {
            Some(end) => {
                // An opening bracket belongs to the number only if it closes inside it.
                let start = if bytes[i] == b'(' && !text[i..end].contains(')') {
                    i + 1
                } else {
                    i
                };
                let lines = lines.get_or_insert_with(|| super::Lines::new(text));
                if organisation_number(text, lines, start, end) {
                    i = end;
                    continue;
                }
                out.push(Finding::new(
                    start,
                    end,
                    Category::Phone,
                    "phone",
                    "telephone number",
                ));
                i = end;
            }
            // Not a number here: move past the first group and try the rest of the run.
            None => i = groups.first().map_or(i + 1, |g| g.end),
        }
    }
    labelled_abroad(text, &mut lines, out);
    local_numbers_of_islands(text, &mut lines, out);
}

/// A local number of the islands written without its country code (`717-6734`, `786 0042`,
/// `796 22 41`): seven digits, grouped, starting with 2 to 9.
static ISLAND_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[\s(:,;/])([2-9][0-9]{2}(?:[\x20-][0-9]{4}|\x20[0-9]{2}\x20[0-9]{2}))(?:$|[\s),;./:])")
        .expect("island number pattern compiles")
});

/// Local numbers in a text of the Caribbean Netherlands, Curaçao, Aruba or Sint Maarten:
/// where numbers with the country code stand (`+599 717 6734`), the same seven digits
/// without it are a telephone number too, with or without a label (`717 6734 vaste lijn`).
fn local_numbers_of_islands(text: &str, lines: &mut Option<super::Lines>, out: &mut Vec<Finding>) {
    const COUNTRY_CODES: &[&str] = &["+599", "00599", "(599)", "+297", "+1 721", "+1-721"];
    if !COUNTRY_CODES.iter().any(|c| text.contains(c)) {
        return;
    }
    let found = out.len();
    for m in ISLAND_LOCAL.captures_iter(text).filter_map(|c| c.get(1)) {
        let (start, end) = (m.start(), m.end());
        let read = out[..found].iter().any(|f| f.start < end && start < f.end);
        // Joined to an identifier before it (`ER-SV-2024 …`), or the end of a longer number
        // (`+57 310 448 2716`) that was judged whole.
        let joined = text[..start]
            .trim_end_matches(' ')
            .ends_with(|c: char| c == '-' || c.is_ascii_digit());
        let lines = lines.get_or_insert_with(|| super::Lines::new(text));
        let line = lines.start(start)..lines.end(start, text.len());
        // A round number is a switchboard's (`717 8000`), as at home.
        let general = m.as_str().ends_with("00")
            || says_general(&text[line.start..start], &text[end..line.end]);
        if read || joined || general || organisation_number(text, lines, start, end) {
            continue;
        }
        out.push(Finding::new(
            start,
            end,
            Category::Phone,
            "phone.island",
            "local telephone number in a text with the islands' numbers",
        ));
    }
}

/// Dutch number words by value, for numbers read out in a call: the units, `tien` to
/// `negentien`, and the tens (`twintig` at 2).
const UNITS: &[&str] = &[
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
];
const TEENS: &[&str] = &[
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
];
const TENS: &[&str] = &[
    "", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
];

/// Whether a text ends with the country, check digits and bank of an account number (`NL38
/// BNGH `): the digits after it are the account's, not a phone number, also where no IBAN
/// was found there (a public body's account stays readable).
fn after_bank_code(before: &str) -> bool {
    let mut words = before.trim_end_matches(' ').rsplit(' ');
    let last = words.next().unwrap_or_default().as_bytes();
    let (country, bank) = match last.len() {
        8 => (&last[..4], &last[4..]),
        4 => (words.next().unwrap_or_default().as_bytes(), last),
        _ => return false,
    };
    country.len() == 4
        && country[..2].iter().all(u8::is_ascii_alphabetic)
        && country[2..].iter().all(u8::is_ascii_digit)
        && bank.iter().all(u8::is_ascii_alphabetic)
}

/// The digits a Dutch number word stands for (`nul` → `0`, `zes` → `6`, `achtendertig` →
/// `38`), for numbers read out in a call (`nul zes, negenenvijftig, nul twee, …`).
fn number_word_digits(word: &str) -> Option<String> {
    let w = crate::fold::fold(word);
    let unit = |u: &str| UNITS.iter().position(|&x| x == u);
    if let Some(d) = unit(&w) {
        return Some(d.to_string());
    }
    if let Some(d) = TEENS.iter().position(|&x| x == w) {
        return Some((10 + d).to_string());
    }
    if let Some(d) = TENS.iter().position(|&x| !x.is_empty() && x == w) {
        return Some((10 * d).to_string());
    }
    // `vijfentwintig`, `tweeentachtig`: a unit, `en`, a ten.
    TENS.iter().enumerate().skip(2).find_map(|(t, ten)| {
        let head = w.strip_suffix(ten)?.strip_suffix("en")?;
        let u = unit(head).filter(|&u| u > 0)?;
        Some((10 * t + u).to_string())
    })
}

/// A telephone number read out in words, as call transcripts write it: `nul zes, negenenvijftig,
/// nul twee, achtentachtig, eenenzeventig`, `zes vier twee zeven, nul nul negen, één vijf`. The
/// words must give a mobile or area number: ten digits from `0`, or nine from `6` (the `0`
/// left out).
fn spoken_numbers(text: &str, out: &mut Vec<Finding>) {
    // Runs of four number words or more; most texts have none.
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        let unit = format!("{}|één", UNITS.join("|"));
        let ten = TENS[2..].join("|");
        let teen = TEENS.join("|");
        let word = format!("(?:(?:{unit})(?:en|ën)(?:{ten})|{ten}|{teen}|{unit})");
        // ASCII word boundaries keep the regex on its fast engines; the start is checked below
        // (`één` opens with a letter that is no ASCII word character).
        Regex::new(&format!(
            r"(?i){word}(?:[\x20,.\-]{{1,5}}{word}){{3,}}(?-u:\b)"
        ))
        .expect("spoken number pattern compiles")
    });
    for m in RUN.find_iter(text) {
        if text[..m.start()].ends_with(char::is_alphanumeric) {
            continue;
        }
        let digits: String = m
            .as_str()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter_map(number_word_digits)
            .collect();
        let phone = (digits.len() == 10 && digits.starts_with('0'))
            || (digits.len() == 9 && digits.starts_with('6'));
        if phone {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Phone,
                "phone",
                "telephone number read out in words",
            ));
        }
    }
}

fn extensions(text: &str, out: &mut Vec<Finding>) {
    for c in EXTENSION.captures_iter(text) {
        let number = c.get(2).expect("the number group always takes part");
        let digits = number.as_str();
        let tel = c[1].eq_ignore_ascii_case("tel");
        // Not the start of a longer number (`tst. 0412 …` is read as a whole number), nor
        // after `tel.` the first group of one (`tel. 0412 48 13 27`).
        let after = &text[number.end()..];
        if after.starts_with(|c: char| c.is_ascii_digit() || c == '-')
            || (tel
                && after
                    .trim_start_matches(' ')
                    .starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // After `tel.` an extension's four digits or an internal number's six, not an area
        // code's start (`tel. 0299 …`), a municipality's general number (`tel. 14 0546`), the
        // government's (`1400`), a year or a number cut short (`tel. 12345`).
        let count = digits.bytes().filter(u8::is_ascii_digit).count();
        let year = count == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        if tel
            && (!matches!(count, 4 | 6)
                || year
                || digits.starts_with('0')
                || digits.starts_with("14"))
        {
            continue;
        }
        out.push(Finding::new(
            number.start(),
            number.end(),
            Category::Phone,
            "phone",
            "internal extension",
        ));
    }
}

/// Labels of a general number in a contact block (`T 038 …`, `Tel. algemeen`), folded.
const GENERAL_LABELS: &[&str] = &[
    "t",
    "tel",
    "telefoon",
    "algemeen",
    "receptie",
    "centrale",
    "switchboard",
    "main",
    "phone",
];

/// Words near a number that say it is an organisation's general line (`via de
/// calamiteitenlijn 0523 …`, `088 042 42 42 (algemeen)`), folded.
const GENERAL_WORDS: &[&str] = &[
    "algemeen",
    "algemene",
    "hoofdnummer",
    "calamiteitenlijn",
    "informatielijn",
    "informatienummer",
    "servicenummer",
    "servicelijn",
    "klantcontactcentrum",
    "klantenservice",
    "meldnummer",
    "meldpunt",
    "switchboard",
    "general",
    "zentrale",
    "24/7",
    // A fax machine serves a department, not a person.
    "fax",
    "telefax",
    "faxnummer",
    "faxnr",
];

/// Heads of a general line's name, alone or ending a compound (`meldkamer`,
/// `verkeerscentrale`), folded; `lijn` only in a compound (`hulplijn`).
const GENERAL_HEADS: &[&str] = &[
    "centrale",
    "receptie",
    "meldkamer",
    "servicedesk",
    "helpdesk",
];

/// Nouns for organisations that a number in brackets after them belongs to, folded.
const ORGANISATION_NOUNS: &[&str] = &[
    "gemeente",
    "provincie",
    "waterschap",
    "ministerie",
    "politie",
    "brandweer",
    "ggd",
    "omgevingsdienst",
    "veiligheidsregio",
    "rijkswaterstaat",
    "inspectie",
    "huisartsenpost",
    "ziekenhuis",
];

/// Labels of a person's own number (`M 06 …`, `D 038 …`), folded.
const PERSONAL_LABELS: &[&str] = &[
    "m",
    "mob",
    "mobiel",
    "gsm",
    "d",
    "direct",
    "dir",
    "doorkies",
    "doorkiesnummer",
    "privé",
    "prive",
    "thuis",
];

/// Words on or above a dial-in line of a meeting invitation, folded.
const DIAL_IN: &[&str] = &[
    "inbellen",
    "bel in",
    "alleen audio",
    "dial-in",
    "dial in",
    "audio only",
];

/// Whether the number at `start..end` is an organisation's, not a person's: the dial-in
/// number of a meeting (`+31 20 794 8621,,488428749#`), or a general number in an
/// organisation's letterhead or signature (`T 088 – 4567 111` under `Transport en
/// Logistiek Nederland`). A mobile number or one labelled as direct is a person's.
fn organisation_number(text: &str, lines: &super::Lines, start: usize, end: usize) -> bool {
    // Bounded windows: a document may be one long line.
    let floor = |at: usize| {
        let mut at = at;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let line_start = lines.start(start).max(floor(start.saturating_sub(200)));
    let line_end = lines
        .end(start, text.len())
        .min(floor((end + 200).min(text.len())));
    let prev_start = if line_start == 0 {
        0
    } else {
        lines
            .start(line_start - 1)
            .max(floor(line_start.saturating_sub(200)))
    };
    let around = text[prev_start..line_end].to_lowercase();
    if text[end..line_end].starts_with(",,") || DIAL_IN.iter().any(|d| around.contains(d)) {
        return true;
    }
    let Some(number) = canonical(&text[start..end]).filter(|c| !c.starts_with("06")) else {
        return false;
    };
    // The label right before the number on its line.
    // A quoted reply's marks (`> 038 …`) are no label.
    let before = text[line_start..start]
        .trim_start_matches(['>', ' ', '\t'])
        .trim_end_matches([' ', '\t', ':', '.']);
    let label = before
        .rsplit(|c: char| c.is_whitespace() || c == '|')
        .next()
        .map(crate::fold::fold)
        .unwrap_or_default();
    // Labelled as a person's before it, or in brackets after it (`0412-642 308 (thuis)`).
    let bracket = bracket_after(&text[end..line_end]);
    if PERSONAL_LABELS.contains(&label.as_str()) || PERSONAL_LABELS.contains(&bracket.trim()) {
        return false;
    }
    if says_general(&text[line_start..start], &text[end..line_end]) {
        return true;
    }
    // A switchboard's number is round (`0411 - 63 20 00`, `088 120 50 00`); a person's direct
    // line seldom is (over the development sets, 631 landlines ending in `00` were kept as
    // general numbers and 6 removed). Not under a letterhead's `Contactpersoon`, which gives
    // the person's own line.
    if number.ends_with("00") && !under_contact_heading(text, start) {
        return true;
    }
    // A number in the clause of a person, named with a title or under a label of a
    // person's role (`Steller:  Youssef Amrani, 078 770 4419`, `mw. K. el Idrissi, tel.
    // 010-4127783`), is theirs, whatever letterhead stands above it.
    if of_a_named_person(&text[line_start..start]) {
        return false;
    }
    // A number after a separator on an address line (`Schoolstraat 4, 6921 AB Duiven |
    // 0316 …`) is the address's: the organisation's when the block is its letterhead, or
    // when the address is, in a person's signature under the firm's name (`Van Ommen
    // Ruimingen B.V.` / `Industrieweg 14a, 7741 KP Coevorden  |  0524 - 59 11 00`).
    const MARKS: [char; 5] = ['|', '·', '∙', '•', '*'];
    let separated = before.ends_with(MARKS)
        || before.ends_with(['-', ','])
        || text[line_start..start].trim_end().ends_with(MARKS);
    if separated && super::address::organisation_address_line(text, lines, start) {
        return true;
    }
    (GENERAL_LABELS.contains(&label.as_str()) || before.is_empty() || separated)
        && super::address::organisation_block(text, lines, start)
}

/// Labels of a line that names a person by their role in a document (`Steller:`,
/// `Getuige:`), folded.
const PERSON_ROLE_LABELS: &[&str] = &[
    "steller",
    "opsteller",
    "medeopsteller",
    "behandelaar",
    "behandeld door",
    "contactpersoon",
    "melder",
    "getuige",
    "afgenomen door",
    "intake afgenomen door",
];

/// Titles a person is named with (`mw.`, `de heer`), folded, as whole words.
const PERSON_TITLES: &[&str] = &[
    "dhr", "mw", "mevr", "mevrouw", "heer", "meneer", "mr", "mrs", "ms",
];

/// Whether the line before a number names a person in the number's clause: under a label of
/// a person's role, with a title after the clause's last bracket or semicolon, or with their
/// own e-mail address (`D. Granger, Head Infrastructure, dwight.granger@sabagov.nl, +599 …`).
fn of_a_named_person(line_before: &str) -> bool {
    // The clause: a letterhead's line goes on after `·` or `|` to another item.
    let clause = line_before
        .rsplit(['(', ';', '|', '·', '•'])
        .next()
        .unwrap_or_default();
    let own_mailbox = clause.split_once('@').is_some_and(|(before, _)| {
        let local = before
            .rsplit(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '<' | '(' | ':'))
            .next()
            .unwrap_or_default();
        !local.is_empty() && !super::email::is_functional(local)
    });
    if own_mailbox {
        return true;
    }
    let folded = crate::fold::fold(line_before);
    let role = folded.split_once(':').is_some_and(|(label, _)| {
        // The label may say whose role it is (`Behandelaar DJZ:`).
        let label = label.trim();
        PERSON_ROLE_LABELS
            .iter()
            .any(|r| label == *r || label.strip_prefix(r).is_some_and(|q| q.starts_with(' ')))
    });
    let titled = crate::fold::fold(clause)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| PERSON_TITLES.contains(&w));
    role || titled
}

/// Whether one of the four lines above `at` is a letterhead's heading of the person to
/// contact (`Contactpersoon`, `Behandeld door`, `Inlichtingen bij`).
fn under_contact_heading(text: &str, at: usize) -> bool {
    const HEADINGS: &[&str] = &["contactpersoon", "behandeld door", "inlichtingen bij"];
    let line_start = text[..at].rfind('\n').unwrap_or(0);
    text[..line_start]
        .lines()
        .rev()
        .take(4)
        .any(|l| HEADINGS.contains(&l.trim().trim_end_matches(':').to_lowercase().as_str()))
}

/// What stands in brackets right after a number (`(algemeen)`, `(direct)`), folded.
fn bracket_after(after: &str) -> String {
    after
        .trim_start()
        .strip_prefix('(')
        .and_then(|a| a.split(')').next())
        .map(crate::fold::fold)
        .unwrap_or_default()
}

/// Whether the words just before a number on its line, or a bracket right after it, call it
/// a general line.
fn says_general(before: &str, after: &str) -> bool {
    let mut from = before.len().saturating_sub(60);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    // Only the clause the number stands in: not past a sentence end or another bracket. The
    // dot of a label's abbreviation ends none (`Fax-Nr. 0031 …`).
    let mut clause = from;
    let mut end = before.len();
    while let Some(k) = before[from..end].rfind(['.', ';', ')', '!', '?']) {
        let at = from + k;
        let word = before[..at]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if before[at..].starts_with('.')
            && ["nr", "no", "tel"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word))
        {
            end = at;
            continue;
        }
        clause = at + 1;
        break;
    }
    let near_before = crate::fold::fold(&before[clause..]);
    let bracket = bracket_after(after);
    // Whole words, and compounds ending in a general line's word (`verkeerscentrale`,
    // `hulplijn`).
    let compound_of = |w: &str, e: &str| w.len() > e.len() + 2 && w.ends_with(e);
    let has = |s: &str| {
        s.split(|c: char| !(c.is_alphanumeric() || c == '/'))
            .any(|w| {
                GENERAL_WORDS.contains(&w)
                    || GENERAL_HEADS.iter().any(|e| w == *e || compound_of(w, e))
                    || compound_of(w, "lijn")
            })
    };
    has(&near_before) || has(&bracket) || after_organisation(before)
}

/// Whether a number stands in brackets right after an organisation (`het waterschap (0314 -
/// 369 369)`, `de gemeente Duiven (0316 …)`).
fn after_organisation(before: &str) -> bool {
    let Some(inside) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    // The noun among the last three words (`het waterschap gebeld (`), or further back over
    // the organisation's capitalised name (`Waterschap Drents Overijsselse Delta (`).
    for (n, word) in inside.split_whitespace().rev().take(5).enumerate() {
        let w = crate::fold::fold(word);
        if ORGANISATION_NOUNS.contains(&w.as_str())
            || crate::names::orgs::is_kind_of_organisation(&w)
        {
            return true;
        }
        if n >= 2 && !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// The digit groups of a run: at most as many as a number has digits, kept on the stack.
struct Groups {
    items: [Group; 17],
    len: usize,
}

impl Groups {
    fn push(&mut self, g: Group) {
        self.items[self.len] = g;
        self.len += 1;
    }
}

impl std::ops::Deref for Groups {
    type Target = [Group];

    fn deref(&self) -> &[Group] {
        &self.items[..self.len]
    }
}

/// The digit groups of the run starting at `from` (which is a digit, `+` or `(`).
fn digit_groups(bytes: &[u8], from: usize) -> Groups {
    let mut groups = Groups {
        items: [Group { start: 0, end: 0 }; 17],
        len: 0,
    };
    let mut i = from;
    let mut digits = 0;
    loop {
        // Separators (or the leading `+`/`(`) before the next group: at most three.
        let mut separators = 0;
        while i < bytes.len() {
            // `..` joins a range (`01-01-2024..31-03-2024`), not the groups of a number.
            if bytes[i] == b'.' && bytes.get(i + 1) == Some(&b'.') {
                return groups;
            }
            // A bracket after a group opens another number (`zijn 06 (06 53 11 80 42)`),
            // unless it holds the trunk zero or the area code after a country code (`+31
            // (0)6 …`, `+7 (7172) 74-91-36`).
            let after_country_code = bytes[from] == b'+' && groups.len == 1;
            if bytes[i] == b'('
                && groups.len > 0
                && !after_country_code
                && !bytes[i + 1..].starts_with(b"0)")
            {
                return groups;
            }
            if is_separator(bytes[i]) || (i == from && bytes[i] == b'+') {
                i += 1;
            } else if let Some(len) = wide_separator(&bytes[i..]) {
                i += len;
            } else {
                break;
            }
            separators += 1;
            if separators > 3 {
                return groups;
            }
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return groups;
        }
        // A group followed by `:` and a digit is a time of day, not part of a number.
        if bytes.get(i) == Some(&b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return groups;
        }
        digits += i - start;
        if digits > 17 {
            return groups;
        }
        groups.push(Group { start, end: i });
    }
}

/// The end of the longest leading part of the run that is a valid telephone number.
fn longest_valid_prefix(bytes: &[u8], from: usize, groups: &[Group]) -> Option<usize> {
    let plus = bytes[from] == b'+';
    if looks_like_date(bytes, groups) || looks_like_case_number(bytes, groups) {
        return None;
    }
    // A date further on ends the number before it (`001   12-09-2024`, a row number and a
    // date).
    let groups = match (1..groups.len()).find(|&k| looks_like_date(bytes, &groups[k..])) {
        Some(k) => &groups[..k],
        None => groups,
    };
    // At most 17 digits (see `digit_groups`), so a stack buffer holds them.
    let mut digits = [0u8; 17];
    let mut len = 0;
    let mut best = None;
    for g in groups {
        let group = &bytes[g.start..g.end];
        digits[len..len + group.len()].copy_from_slice(group);
        len += group.len();
        // Letters glue, an invisible direction mark does not (WhatsApp wraps a number in
        // U+202A … U+202C).
        let glued = match bytes.get(g.end).copied() {
            Some(b) if b < 0x80 => b.is_ascii_alphanumeric() || b == b'_',
            Some(_) => first_char(&bytes[g.end..]).is_none_or(char::is_alphanumeric),
            None => false,
        };
        let number = std::str::from_utf8(&digits[..len]).unwrap_or_default();
        if !glued && is_valid_number(number, plus) {
            best = Some(g.end);
        }
    }
    best
}

/// The character `bytes` start with, if they start with a whole one.
fn first_char(bytes: &[u8]) -> Option<char> {
    let head = &bytes[..bytes.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    valid.chars().next()
}

/// `dd-mm-yyyy` and friends: three groups of 1–2, 1–2 and 4 digits with one separator kind.
fn looks_like_date(bytes: &[u8], groups: &[Group]) -> bool {
    if groups.len() < 3 {
        return false;
    }
    let len = |g: &Group| g.end - g.start;
    let (a, b, c) = (&groups[0], &groups[1], &groups[2]);
    let date_shape = (1..=2).contains(&len(a)) && (1..=2).contains(&len(b)) && len(c) == 4;
    let iso_shape = len(a) == 4 && len(b) == 2 && len(c) == 2;
    let sep1 = &bytes[a.end..b.start];
    let sep2 = &bytes[b.end..c.start];
    (date_shape || iso_shape) && sep1 == sep2 && matches!(sep1, b"-" | b"/" | b".")
}

/// A public prosecutor's case number (parketnummer): `07/886909-22`.
fn looks_like_case_number(bytes: &[u8], groups: &[Group]) -> bool {
    let [a, b, c, ..] = groups else { return false };
    let len = |g: &Group| g.end - g.start;
    len(a) == 2
        && len(b) == 6
        && len(c) == 2
        && &bytes[a.end..b.start] == b"/"
        && &bytes[b.end..c.start] == b"-"
}

/// A telephone number in one notation for comparison: its digits, Dutch numbers in the
/// national form (`+31 (0)70 …` and `0031 70 …` become `070…`). `None` when the text is not
/// a valid number.
pub fn canonical(number: &str) -> Option<String> {
    let trimmed = number.trim();
    let plus = trimmed.starts_with('+');
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if !is_valid_number(&digits, plus) {
        return None;
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    Some(match international.and_then(|d| d.strip_prefix("31")) {
        Some(nl) => format!("0{}", nl.strip_prefix('0').unwrap_or(nl)),
        None => match international {
            Some(other) => format!("00{other}"),
            None => digits,
        },
    })
}

/// Whether a digit string (with or without a leading `+`) is a plausible telephone number.
fn is_valid_number(digits: &str, plus: bool) -> bool {
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    if let Some(rest) = international {
        if let Some(nl) = rest.strip_prefix("31") {
            // +31 (0)6 …: the trunk zero may be written in brackets.
            let nl = nl.strip_prefix('0').unwrap_or(nl);
            return nl.len() == 9 && !nl.starts_with('0');
        }
        // Other countries: country code plus subscriber number.
        return (9..=15).contains(&rest.len()) && !rest.starts_with('0');
    }
    // National Dutch number: ten digits starting with a single zero. Service numbers belong
    // to organisations.
    digits.len() == 10
        && digits.starts_with('0')
        && !digits.starts_with("00")
        && !is_service_number(digits)
}

/// Whether digits open with a Dutch service number's prefix (0800, 0900, 0906, 0909).
fn is_service_number(digits: &str) -> bool {
    ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| digits.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn numbers_read_out_in_words() {
        let text = "B: Mijn mobiele nummer, nul zes, negenenvijftig, nul twee, achtentachtig, eenenzeventig.\n\
                    BELLER: zes vier twee zeven, nul nul negen, één vijf... eh\n\
                    Er waren twee of drie mensen, vijf auto's.";
        assert_eq!(
            found(text),
            [
                "nul zes, negenenvijftig, nul twee, achtentachtig, eenenzeventig",
                "zes vier twee zeven, nul nul negen, één vijf"
            ]
        );
    }

    #[test]
    fn a_number_between_direction_marks_as_whatsapp_exports_it() {
        let text = "19:02 Marieke added \u{202a}+31 6 28814470\u{202c}, Joost\n\
                    [19:06] \u{202a}+31 6 28814470\u{202c}: Wat is er gebeurd?\n";
        assert_eq!(found(text), ["+31 6 28814470", "+31 6 28814470"]);
        assert!(found("tel 06 28814470abc").is_empty());
    }

    #[test]
    fn internal_extensions_after_their_label() {
        assert_eq!(found("Steller: E. Vos (DDD), tst. 4471\n"), ["4471"]);
        assert_eq!(
            found("R. Peeters (toestel 7190) en tst. 84 31"),
            ["7190", "84 31"]
        );
        // A whole number after the label is read as the number it is.
        assert_eq!(found("tst. 0412-642308"), ["0412-642308"]);
        assert!(found("de tekst 2024 en test 1234").is_empty());
        // Grouped in threes, and an internal number after `tel.`, not a municipality's
        // general number, the government's, a year or an area code's start.
        assert_eq!(
            found("Team Publiekszaken, tst. 658 225\nSteller: I. Wolbers, tel. 858312\n"),
            ["658 225", "858312"]
        );
        assert!(found("tel. 14 0546, tel. 1400, zie tel. 2024 notulen").is_empty());
    }

    #[test]
    fn finds_every_usual_dutch_notation() {
        for n in [
            "06-12345678",
            "06 12 34 56 78",
            "06 12345678",
            "+31 6 1234 5678",
            "+31 (0)6 2202 9729",
            "+31(0)622029729",
            "0031 6 59075116",
            "(070) 370 1234",
            "070-3701234",
            "070 - 370 12 34",
            "+31 70 370 12 34",
            "+31612345678",
            "0612345678",
            "070.370.1234",
            "+32 2 123 45 67",
            "06\u{2013}12345678",
            "06 \u{2013} 1234 5678",
            "070\u{a0}370\u{a0}12\u{a0}34",
            "06 - 2839 1174",
            "0 6 1 2 3 4 5 6 7 8",
            "+31 6 123 456 78",
        ] {
            let text = format!("Bel {n}, graag.");
            assert_eq!(found(&text), vec![n], "{n}");
        }
    }

    #[test]
    fn canonical_forms_agree_across_notations() {
        for n in [
            "070 370 1234",
            "+31 70 370 1234",
            "+31 (0)70-3701234",
            "0031 70 3701234",
        ] {
            assert_eq!(canonical(n).as_deref(), Some("0703701234"), "{n}");
        }
        assert_eq!(
            canonical("+32 2 123 45 67").as_deref(),
            Some("003221234567")
        );
        assert_eq!(canonical("12 34"), None);
    }

    #[test]
    fn organisations_numbers_stay() {
        let letterhead =
            "gemeente Kampen\nBurgwal 43\n8261 EP  Kampen\n(038) 339 29 99\nwww.kampen.nl\n";
        assert!(found(letterhead).is_empty());
        let law = "Verbrugge & Kroon Advocaten\nT 038 - 452 77 00 | D 038 - 452 77 14\n";
        assert_eq!(found(law), vec!["038 - 452 77 14"]);
        // In a person's signature, their numbers are theirs.
        let signature = "Ronald Zeegers\nTransport en Logistiek Nederland\nT 088 – 4567 111\nM 06 46 12 90 33\n";
        assert_eq!(found(signature), vec!["088 – 4567 111", "06 46 12 90 33"]);
        let invite = "Inbellen via telefoon\n+31 20 794 8621,,488428749#   Netherlands\n";
        assert!(found(invite).is_empty());
        // A person's own block keeps its numbers.
        let own = "Jan Jansen\nDorpsstraat 12\n1234 AB Ede\nT 0318 123456\n";
        assert_eq!(found(own), vec!["0318 123456"]);
        // So does a form's block that asks for a person, though a field names the province.
        let form = "> Melder: R. Hadders\n> Telefoon: 0521 59 73 12\n> Opmerking: wanneer doet de provincie iets\n";
        assert_eq!(found(form), vec!["0521 59 73 12"]);
        // Words that call a number a general line, before it or in brackets after it.
        let general = "Contact via de calamiteitenlijn 0523 - 68 40 00 (24/7).\nT 088 042 7361 (direct) | 088 042 42 42 (algemeen)\n";
        assert_eq!(found(general), vec!["088 042 7361"]);
        // A fax machine serves a department.
        let fax = "Tel. 06 2918 3746 · Fax +49 (0)203 44710-99\nFax-Nr. 0031 88 797 3999\n";
        assert_eq!(found(fax), vec!["06 2918 3746"]);
        let called = "Wij hebben het waterschap gebeld (0314 - 369 369) en de verkeerscentrale 038 - 499 70 00. Mijn nummer (0314 - 123 456).";
        assert_eq!(found(called), vec!["0314 - 123 456"]);
        let camping = "Camping 't Zwanenmeer\nZwanenmeerweg 1 · 6922 LB Groessen\ntel. 0316 - 24 77 10 · info@zwanenmeer.nl\n";
        assert!(found(camping).is_empty());
        // In brackets after it a number is called a person's, whatever its block names.
        let home = "Gemeente Oss, schouw\n-> tel 0412-642 308 (thuis), via Oss Verkeer B.V.\n";
        assert_eq!(found(home), vec!["0412-642 308"]);
        // A number on the line of an organisation's address, in a person's signature.
        let signature = "Jan Smit\nProjectleider\nVan Ommen Ruimingen B.V.\nIndustrieweg 14a, 7741 KP Coevorden  |  0524 - 59 11 23\n";
        assert!(found(signature).is_empty());
        // A round number is a switchboard's, unless it says it is direct.
        let round = "bereikbaar op 0411 - 63 20 00 of 088 - 245 63 00, en 088 - 245 64 00 (direct), of 070 - 452 77 00 en 070 - 452 77 14.";
        assert_eq!(found(round), vec!["088 - 245 64 00", "070 - 452 77 14"]);
        let contact = "Contactpersoon\nTirza van Spreuwel\nsecretaris\nT 070-3702600\n";
        assert_eq!(found(contact), vec!["070-3702600"]);
        // A signature whose name has a title and the name the person goes by.
        let signature =
            "mr. H. (Jet) Kuiper\nJuridisch adviseur\nProvincie Overijssel\nT 038 499 82 16\n";
        assert_eq!(found(signature), vec!["038 499 82 16"]);
    }

    #[test]
    fn finds_numbers_after_labels_and_in_lists() {
        assert_eq!(
            found("T 070-3701234\nM 06-12345678"),
            vec!["070-3701234", "06-12345678"]
        );
        assert_eq!(
            found("T: 070-3701234/06-12345678"),
            vec!["070-3701234", "06-12345678"]
        );
        assert_eq!(found("(06-12345678)"), vec!["06-12345678"]);
    }

    #[test]
    fn digits_joined_to_a_reference_are_no_number() {
        assert!(
            found("Kenmerk: 2023-007120 / 2022-018842, ons kenmerk 2022-025513/0004").is_empty()
        );
        // A client number's digits, then a BSN in the next cell of a pasted spreadsheet:
        // `0044 71 …` would be a British number, were the tab a separator.
        assert!(found("F2023-00871\t2023-11\tCL-004471\t217533772\tOUALI, I.").is_empty());
        assert_eq!(
            found("06-12345678\t0612345679"),
            ["06-12345678", "0612345679"]
        );
    }

    #[test]
    fn numbers_abroad_after_their_label() {
        assert_eq!(
            found("cell (617) 555-0188. Seine Handynummer ist 0157 3320 8841, mobil 0160-97712044"),
            vec!["(617) 555-0188", "0157 3320 8841", "0160-97712044"]
        );
        // Not without the label, nor a Dutch number an organisation's rule left alone.
        assert!(found("Zaak (617) 555-0188").is_empty());
        // A local number of seven digits, also after a form's label with its kind.
        assert_eq!(
            found("Phone (home):    319-6628\nPhone:              3193052\ncell 586 2217"),
            vec!["319-6628", "3193052", "586 2217"]
        );
        // Not a date, nor seven digits in other groups (a reference).
        assert!(found("tel. 12-03-2024, mobiel 12-345-67").is_empty());
    }

    #[test]
    fn a_bracket_after_digits_opens_the_number() {
        assert_eq!(
            found("heb zijn 06 (06 53 11 80 42) en +31 (0)6 1234 5678"),
            vec!["06 53 11 80 42", "+31 (0)6 1234 5678"]
        );
    }

    #[test]
    fn leaves_dates_amounts_and_references_alone() {
        for text in [
            "op 12-03-2024 om 10:15",
            "[03-06-2024 10:15] Jan: hoi",
            "03/06/2024, 10:15 - Jan: hoi",
            "2024-06-03 10:15",
            "een bedrag van € 1.250.000,00",
            "Onze referentie 5463050",
            "zaaknummer 2024-0012345",
            "parketnummer 07/886909-22",
            "Kamerstukken II 2023/24, 28 638, nr. 234",
            "ECLI:NL:RVS:2023:1234",
            "2511 DP  Den Haag",
            "Postbus 20301",
            "BSN 302925077",
            "bel 0800-1234567 (gratis)",
            "van 09.00 tot 17.00 uur",
            "IBAN NL91ABNA0417164300",
            "rekening NL38 BNGH 0285 0123 45 t.n.v. gemeente Beekvelde",
            "periode 01-01-2024..31-03-2024",
            "001   12-09-2024  e-mail",
            "tel. 12345",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
