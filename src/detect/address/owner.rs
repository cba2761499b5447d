//! Whose address it is: an organisation's (its letterhead, its signature, a meeting place),
//! which stays readable, or a person's. Read from the lines around the address: a `Postbus`
//! near it, a line that names an organisation, or one that names a person.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::Lines;
use crate::fold::fold;
use crate::names::lexicon::{GAZETTEER, class};

/// A post-office box, in any case (ASCII case folding only, as these words have no other
/// forms): `Postbus`, `Antwoordnummer`, and as other countries and English letters write
/// it, `P.O. Box`, `PO Box`, `Postfach`.
static PO_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)postbus|antwoordnummer|postfach|\bp\.?\x20?o\.?\x20?box\b")
        .expect("po box pattern compiles")
});

/// Whether `text` opens with a post-office box (see [`PO_BOX`]), an organisation's address.
pub(crate) fn opens_with_post_box(text: &str) -> bool {
    PO_BOX
        .find(text.trim_start())
        .is_some_and(|m| m.start() == 0)
}

/// Labels before the address of an organisation or a meeting place, and the buildings a
/// meeting is held in, folded.
const ORGANISATION_LABELS: &[&str] = &[
    "locatie",
    "bezoekadres",
    "postadres",
    "vestigingsadres",
    "vestiging",
    "kantoor",
    "hoofdkantoor",
    "provinciehuis",
    "gemeentehuis",
    "stadhuis",
    "raadhuis",
    "stadskantoor",
    "gemeentekantoor",
    "dorpshuis",
    "buurthuis",
    "wijkcentrum",
    "gemeenschapshuis",
];

/// What the organisation test reads: the text, its line index and its `Postbus` and
/// `Antwoordnummer` spans in text order.
pub(super) struct Context<'a> {
    text: &'a str,
    lines: &'a Lines,
    po_boxes: Vec<(usize, usize)>,
}

impl<'a> Context<'a> {
    /// The context of `text`, whose line index is `lines`.
    pub(super) fn new(text: &'a str, lines: &'a Lines) -> Context<'a> {
        Context {
            text,
            lines,
            po_boxes: PO_BOX
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect(),
        }
    }

    /// Whether the address part at `at` belongs to an organisation: its block (the lines
    /// around it up to a blank line) has a `Postbus` or `Antwoordnummer`, or names an
    /// organisation (see [`organisation_block`]).
    pub(super) fn organisation_address(&self, at: usize) -> bool {
        let line_start = self.lines.start(at);
        // Or a label that ends the line above (`Mijn postadres:` / `Lange Nieuwstraat 41`).
        let label_above = || {
            let above = self.text[..line_start].trim_end();
            self.text[line_start..at].trim().is_empty()
                && above.ends_with(':')
                && says_residence(&above[self.lines.start(above.len())..])
        };
        if says_residence(&self.text[line_start..at]) || label_above() {
            return false;
        }
        if self.near_po_box(at) {
            return true;
        }
        let (from, to) = block(self.text, self.lines, at);
        if names_sole_trader(&self.text[from..to]) {
            return false;
        }
        // The organisation's name on the line itself before the address, or heading it on
        // one of the two lines above (`Verbrugge & Kroon Advocaten` / `Burgemeester van
        // Roijensingel 12`); a person's name closer above makes it that person's.
        // Only the clause the address stands in: a chat's speaker (`Sevda CHM omgeving:`) or
        // an earlier sentence does not own it.
        // A sentence that ends right before the address owns nothing of it either (`WH:
        // Willem Hendriks. Heibroekerweg 14`).
        let before = &self.text[line_start..at];
        let sentence_after = |k: usize| {
            let rest = &before[k + 2..];
            rest.starts_with(char::is_uppercase)
                || (rest.is_empty() && before[k..].starts_with('.'))
        };
        let clause = [before.rfind(": "), before.rfind(". ")]
            .into_iter()
            .flatten()
            .filter(|&k| sentence_after(k))
            .max()
            .map_or(before, |k| &before[k + 2..]);
        // A field's label says what the address is, not whose: its abbreviations are no
        // organisation (`Adres NL (BRP):`, `Adres (BRP) ......`).
        let trimmed = clause.trim_end();
        let label = trimmed.ends_with(':') || trimmed.ends_with("..");
        if at - line_start < 120 && names_organisation(clause, !label) {
            return true;
        }
        let in_sentence = !before.trim().is_empty();
        let mut end = line_start;
        for _ in 0..3 {
            if end == 0 || end <= from {
                return false;
            }
            let start = self.lines.start(end - 1);
            let line = &self.text[start..end - 1];
            // Inside a sentence, a long line above is the sentence going on, no heading: the
            // organisations it names do not own the address (`… vragen de GGD om nazorg
            // voor` / `mevr. Hoekstra, Stationsweg 38`). An address that opens its line may
            // go on from the line above (`Keurlab B.V. | Westervoortsedijk 73,` / `6827 AV`).
            if in_sentence && (line.trim().len() >= PROSE_LINE || ends_a_sentence(line)) {
                return false;
            }
            // Another entry of a list under the same label owns nothing of this one.
            if list_label(line).is_some() && list_label(line) == list_label(before) {
                return false;
            }
            if names_organisation(line, true) {
                return true;
            }
            if line.len() < 200 && names_person(line) {
                return false;
            }
            end = start;
        }
        false
    }
}

/// Whether a line ends a sentence (`… the number of the ID card.`), not with an
/// abbreviation (`Keurlab B.V.`, `bv.`): a sentence on the next line is a new one.
fn ends_a_sentence(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    last.ends_with(['?', '!'])
        || (last.ends_with('.') && last.matches('.').count() == 1 && last.chars().count() > 4)
}

/// Words before an address on its line that say someone lives there, folded (`woonachtig
/// Zwiggelterweg 8`, `Woonadres: …`): a person's address whatever the lines around it name.
const RESIDENCE_WORDS: &[&str] = &[
    "woonachtig",
    "wonende",
    "woont",
    "wonend",
    "woonadres",
    "huisadres",
    "thuisadres",
    "priveadres",
    "verblijfadres",
    "verblijfsadres",
    "bewoner",
    "bewoonster",
    "woning",
];

/// Possessives that make an address someone's own (`naar mijn oude adres Haagweg 212`).
const POSSESSIVES: &[&str] = &[
    "mijn", "zijn", "haar", "ons", "onze", "hun", "uw", "jouw", "je",
];

/// Whether the words before an address on its line (the last few) say someone lives there:
/// a word for living there, or a possessive before `adres`.
fn says_residence(before: &str) -> bool {
    let last: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(fold)
        .collect();
    // `mijn adres`, `ons postadres`, `haar woonadres`: a person's own.
    let own_address = last
        .iter()
        .position(|w| w.ends_with("adres"))
        .is_some_and(|k| {
            last[k + 1..]
                .iter()
                .any(|w| POSSESSIVES.contains(&w.as_str()))
        });
    own_address || last.iter().any(|w| RESIDENCE_WORDS.contains(&w.as_str()))
}

impl Context<'_> {
    /// Whether one of the `Postbus`/`Antwoordnummer` spans lies wholly within the line of
    /// `at` and the line before.
    fn near_po_box(&self, at: usize) -> bool {
        let line_start = self.lines.start(at);
        let prev_start = match line_start {
            0 => 0,
            _ => self.lines.start(line_start - 1),
        };
        // A list's entries under one label each (`Afschrift aan: CJIB, …, Postbus 1794, …` /
        // `Afschrift aan: betrokkene, Oosterdijk 14, …`): the entry above is someone else's.
        let prev_start = match (
            list_label(&self.text[prev_start..line_start]),
            list_label(&self.text[line_start..at]),
        ) {
            (Some(above), Some(here)) if above == here => line_start,
            _ => prev_start,
        };
        let mut line_end = self.lines.end(at, self.text.len());
        // In a letterhead the PO box may follow the visiting address (`Burgwal 43` /
        // `8261 EP  Kampen` / `Postbus 5009`): two more lines, when the address starts its
        // line as block addresses do.
        if self.text[line_start..at].trim().is_empty() {
            for _ in 0..2 {
                if line_end >= self.text.len() {
                    break;
                }
                let next_end = self.lines.end(line_end + 1, self.text.len());
                // Only address lines continue the block: a citizen's address above `Aan
                // het Ministerie …` / `Postbus 20301` is not the ministry's.
                let next = self.text[line_end + 1..next_end].trim_start();
                let address_line =
                    next.starts_with(|c: char| c.is_ascii_digit()) || opens_with_post_box(next);
                if !address_line {
                    break;
                }
                line_end = next_end;
            }
        }
        let first = self.po_boxes.partition_point(|&(s, _)| s < prev_start);
        self.po_boxes[first..]
            .iter()
            .take_while(|&&(s, _)| s < line_end)
            .any(|&(_, e)| e <= line_end)
    }
}

/// The label a line opens with, before its colon (`Afschrift aan`).
fn list_label(line: &str) -> Option<&str> {
    line.split_once(':')
        .map(|(l, _)| l.trim())
        .filter(|l| !l.is_empty() && l.len() <= 30)
}

/// A line of a quoted reply without its quote marks (`> Stichting Vechtzorg`).
fn without_quote_marks(line: &str) -> &str {
    line.trim_start_matches(['>', ' ', '\t'])
}

/// Whether a line starts with a person's name: a known first name or initials before a
/// capitalised word (`Ronald Zeegers`, `J. de Vries`).
fn names_person(line: &str) -> bool {
    let line = without_quote_marks(line);
    // `Melder: R. Hadders`, `Naam aanvrager: …`: a form's field asking for a person.
    if let Some((label, value)) = line.split_once(':')
        && label.len() <= 30
        && !value.trim().is_empty()
        && crate::names::context::is_person_field(&fold(label.trim()))
    {
        return true;
    }
    // `Maatschap Nijkamp`, `Fam. Koster`: a family's business is at its home.
    if crate::names::orgs::is_family_business(&line.to_lowercase()) {
        return true;
    }
    // `Camping 't Zwanenmeer`: capitalised words after a kind of organisation are its name.
    if line
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::names::orgs::is_kind_of_organisation(&fold(w)))
    {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    // An entry of a list of callers or visitors: a form of address and a capitalised word
    // after the entry's number or dash (`  1. dhr Van der Horst - 0182 52 77 31`).
    let marker = |w: &str| {
        w == "-" || w == "*" || w == "•" || w.trim_end_matches(['.', ')']).parse::<u16>().is_ok()
    };
    let entry = words.iter().skip_while(|w| marker(w)).collect::<Vec<_>>();
    if entry.len() >= 2
        && entry.len() < words.len()
        && GAZETTEER.is(fold(entry[0]).trim_end_matches('.'), class::TITLE)
        && entry[1].starts_with(char::is_uppercase)
    {
        return true;
    }
    let not_org = |w: &str| !GAZETTEER.is(&fold(w), class::ORG | class::FUNCTION | class::PLACE);
    // An academic title or a form of address before the name (`mr. H. (Jet) Kuiper`), and the
    // name the person goes by in brackets, are the name's.
    let words: Vec<&str> = words
        .iter()
        .skip_while(|w| GAZETTEER.is(fold(w).trim_end_matches('.'), class::TITLE))
        .map(|w| w.trim_start_matches('(').trim_end_matches(')'))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let initials = first.len() <= 6
        && first.ends_with('.')
        && first.chars().next().is_some_and(char::is_uppercase);
    let given = first.starts_with(char::is_uppercase)
        && GAZETTEER.is(&fold(first), class::FIRST_NAME)
        && not_org(first);
    // Or two to four capitalised words and particles alone on their line (`Hélène
    // DUBOIS-MARCHAND`), none of them an organisation's.
    let name_line = (2..=4).contains(&words.len())
        && !line
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == ':')
        && words.iter().all(|w| {
            (w.starts_with(char::is_uppercase) && not_org(w))
                || crate::names::lexicon::is_particle(&fold(w))
        })
        && first.starts_with(char::is_uppercase)
        && !words
            .iter()
            .any(|w| ORGANISATION_CLOSERS.contains(&fold(w).as_str()));
    ((initials || given) && words.len() > 1) || name_line
}

/// The length from which a line is running text, not a line of a letterhead or signature.
const PROSE_LINE: usize = 70;

/// Most lines of a contact block above and below a line.
const BLOCK_LINES: usize = 7;

/// The block of the line at `at`: the byte range of the lines around it, up to a blank line
/// and at most [`BLOCK_LINES`] lines either way.
fn block(text: &str, lines: &Lines, at: usize) -> (usize, usize) {
    let blank = |s: usize, e: usize| text[s..e].trim().is_empty();
    let mut from = lines.start(at);
    for _ in 0..BLOCK_LINES {
        if from == 0 {
            break;
        }
        let prev = lines.start(from - 1);
        if blank(prev, from - 1) {
            break;
        }
        from = prev;
    }
    let mut to = lines.end(at, text.len());
    for _ in 0..BLOCK_LINES {
        if to >= text.len() {
            break;
        }
        let next = lines.end(to + 1, text.len());
        if blank(to + 1, next) {
            break;
        }
        to = next;
    }
    (from, to)
}

/// A Dutch postcode (`7741 KP`).
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[1-9][0-9]{3} ?[A-Z]{2}(?-u:\b)").expect("postcode pattern compiles")
});

/// Whether the line of `at` holds an address with a postcode before `at`, and the address
/// that opens it is an organisation's, as an address there is judged (for a number written
/// after it on its line). Only the `Postbus` lines of its block are read, so that this stays
/// cheap for one number.
pub(crate) fn organisation_address_line(text: &str, lines: &Lines, at: usize) -> bool {
    let line_start = lines.start(at);
    if !POSTCODE.is_match(&text[line_start..at]) {
        return false;
    }
    let opening = text[line_start..]
        .find(|c: char| !c.is_whitespace())
        .map_or(line_start, |k| line_start + k);
    let (from, to) = block(text, lines, at);
    let context = Context {
        text,
        lines,
        po_boxes: PO_BOX
            .find_iter(&text[from..to])
            .map(|m| (from + m.start(), from + m.end()))
            .collect(),
    };
    context.organisation_address(opening)
}

/// Whether the block of the line at `at` is an organisation's contact block: a letterhead
/// or a signature whose lines name the organisation (`gemeente Kampen`, `Verbrugge & Kroon
/// Advocaten`, `RTV Oost`) or carry what only organisations have (`www.`, `KvK`, `info@`).
/// A person's own sender block has none of these.
pub(crate) fn organisation_block(text: &str, lines: &Lines, at: usize) -> bool {
    let (from, to) = block(text, lines, at);
    if names_sole_trader(&text[from..to]) {
        return false;
    }
    let mut start = from;
    let mut organisation = false;
    while start < to {
        let end = lines.end(start, text.len()).min(to);
        let line = &text[start..end];
        if line.len() < 200 {
            // A person's signature block: their numbers are theirs.
            if names_person(line) {
                return false;
            }
            organisation |= names_organisation(line, true);
        }
        start = end + 1;
    }
    organisation
}

/// Legal forms of a business that is one person, folded: its address and numbers are that
/// person's (`Partyverhuur Van Doorn (eenmanszaak)`, `Rechtsvorm: eenmanszaak`).
const SOLE_TRADER_WORDS: &[&str] = &["eenmanszaak", "zzp", "zzper", "zzp'er", "zelfstandige"];

/// Whether a block says its business is one person's.
fn names_sole_trader(block: &str) -> bool {
    block
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| SOLE_TRADER_WORDS.contains(&fold(w).as_str()))
}

/// Marks of an organisation on a line of a contact block, folded: inside a word, and whole
/// words.
const ORGANISATION_MARKS: &[&str] = &["www.", "http", "info@"];
const ORGANISATION_WORDS: &[&str] = &["kvk", "postbus", "b.v.", "bv", "n.v.", "nv", "btw"];

/// Whether a line of a contact block names an organisation. A row of a table or an export
/// (columns apart by several spaces, tabs or semicolons) is a record, not a heading. Words in
/// capitals count as an organisation's (`RDW`) only when `acronyms` is set.
fn names_organisation(line: &str, acronyms: bool) -> bool {
    let line = without_quote_marks(line);
    let lower = line.to_lowercase();
    if crate::names::orgs::is_family_business(&lower) {
        return false;
    }
    if ORGANISATION_MARKS.iter().any(|m| lower.contains(m))
        || lower
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ':' | ';'))
            .any(|w| ORGANISATION_WORDS.contains(&w))
    {
        return true;
    }
    if lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| ORGANISATION_LABELS.contains(&w))
    {
        return true;
    }
    if line.trim().contains("   ") || line.contains('\t') || line.contains(';') {
        return false;
    }
    // A street or postcode line is no heading, whatever its words (`Burgemeester Van
    // Walsumweg 36`, `2018 XL  Bleiswijk`).
    if super::STREET_LINE.is_match(line) || line.chars().filter(char::is_ascii_digit).count() >= 4 {
        return false;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    // A form's letters for a phone or an e-mail address, and the labels of a person's own
    // numbers (`BSN (optioneel):` above `Straat + huisnummer:`), are no organisation.
    let labels = [
        "T", "M", "E", "F", "D", "I", "W", "NL", "BSN", "IBAN", "BIC", "NAW", "SOFI",
    ];
    let acronym = |w: &str| {
        let n = w.chars().count();
        (2..=5).contains(&n)
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !labels.contains(&w)
            && !GAZETTEER.is(&fold(w), class::FIRST_NAME | class::SURNAME)
    };
    let heading = words.first().is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            && (GAZETTEER.is(&fold(w), class::ORG)
                || crate::names::orgs::is_kind_of_organisation(&fold(w)))
    });
    let closed = words
        .last()
        .is_some_and(|w| ORGANISATION_CLOSERS.contains(&fold(w).as_str()));
    // A particle in capitals, and the word in capitals after it, are a surname (`VAN OS,
    // Gerard`), no acronym.
    let particle = |i: usize| crate::names::lexicon::is_particle(&fold(words[i]));
    heading
        || closed
        || words.iter().enumerate().any(|(i, w)| {
            acronyms && acronym(w) && !particle(i) && !(i > 0 && particle(i - 1))
                || ORGANISATION_LABELS.contains(&fold(w).as_str())
                || ["gemeente", "provincie", "ministerie", "waterschap"].contains(&fold(w).as_str())
        })
}

/// Words that end an organisation's name, folded (`… Advocaten`, `… Nederland`).
const ORGANISATION_CLOSERS: &[&str] = &[
    "advocaten",
    "notarissen",
    "advies",
    "adviseurs",
    "architecten",
    "accountants",
    "groep",
    "holding",
    "nederland",
    "ingenieurs",
    "consultancy",
    "gemeente",
    "provincie",
    "ministerie",
    "waterschap",
    "omgevingsdienst",
    "rijkswaterstaat",
];
