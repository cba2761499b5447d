//! Context rules: the language and layout around a span that make it a person's name.
//!
//! - line rules: mail headers (`Van:`, `Aan:`, `CC:`, `From:`, `To:`), attendee lists
//!   (`Aanwezig:`, `Afwezig:`), contact and author fields (`Contactpersoon`, `Behandeld door`,
//!   `Opgesteld door`, `Notulist`), action items (`Actie:`), `Paraaf:`, chat exports
//!   (`[03-06-2024 10:15] Naam:`, `03/06/2024, 10:15 - Naam:`), greetings (`Hoi`, `Beste`,
//!   `Geachte`) and the signature after a closing (`Met vriendelijke groet,`);
//! - inline rules: titles and forms of address (`mr.`, `drs.`, `de heer`, `mevrouw`),
//!   `t.n.v.`, `Mijn naam is`, a name before `<e-mail>`, and phrases that introduce a person
//!   (`afgestemd met`, `memo van`);
//! - structure: the reversed form (`Vries, J. de (Jan)`), initials with a surname, a known
//!   first name with a surname, and a name followed by a function (`Jan Smit (jurist)`).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::grammar::{Form, Grammar, NameParse, shape};
use super::lexicon::{CLOSINGS, GAZETTEER, GREETINGS, class};
use super::{Mention, Strength};
use crate::fold::fold;

/// Mail header fields that list people, folded.
const HEADER_FIELDS: &[&str] = &[
    "van",
    "aan",
    "cc",
    "bcc",
    "from",
    "to",
    "afzender",
    "geadresseerde",
    "geadresseerden",
    "ontvanger",
    "ontvangers",
    "kopie aan",
    "kopie",
];

/// Fields that list attendees or people, folded.
const LIST_FIELDS: &[&str] = &[
    "aanwezig",
    "aanwezigen",
    "afwezig",
    "afwezig met kennisgeving",
    "met kennisgeving afwezig",
    "afgemeld",
    "deelnemers",
    "genodigden",
    "uitgenodigd",
    "verslaglegging",
    "present",
    "absent",
    "attendees",
    "participants",
];

/// Fields followed by one person, folded.
const PERSON_FIELDS: &[&str] = &[
    "contactpersoon",
    "contactpersonen",
    "contact",
    "behandeld door",
    "behandelaar",
    "opgesteld door",
    "notulist",
    "notuliste",
    "notulen",
    "voorzitter",
    "secretaris",
    "auteur",
    "auteurs",
    "opsteller",
    "ingediend door",
    "aanvrager",
    "verzoeker",
    "verzoekster",
    "klager",
    "melder",
    "namens",
    "ter attentie van",
    "t.a.v",
    "tav",
    "geschreven door",
    "gemaakt door",
    "gezien door",
    "akkoord",
    "ondertekend door",
    "getekend",
    "ondergetekende",
    "gespreksleider",
    "trekker",
    "eigenaar",
    "actiehouder",
    "actie",
    "actie door",
    "wie",
    "verantwoordelijke",
    "accounthouder",
    "casemanager",
    "regievoerder",
    "medewerker",
    "behandelend ambtenaar",
    "ambtenaar",
    "jurist",
    "adviseur",
    "aanwezig namens",
    "paraaf",
    "parafen",
    "paraaf afdelingshoofd",
    "initialen",
    "uw contactpersoon",
    "name",
    "author",
    "contact person",
    "handled by",
];

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    /// A person's name in any form.
    Person,
    /// Initials only (`Paraaf:`, `Voorletters:`).
    Initials,
    /// A surname (`Achternaam:`).
    Surname,
    /// A first name (`Voornaam:`).
    Given,
    /// Surname particles (`Tussenvoegsel:`).
    Particles,
}

/// Form fields that hold part of a name, folded.
const NAME_PART_FIELDS: &[(&str, FieldKind)] = &[
    ("paraaf", FieldKind::Initials),
    ("parafen", FieldKind::Initials),
    ("paraaf afdelingshoofd", FieldKind::Initials),
    ("initialen", FieldKind::Initials),
    ("voorletters", FieldKind::Initials),
    ("voorletter", FieldKind::Initials),
    ("achternaam", FieldKind::Surname),
    ("geslachtsnaam", FieldKind::Surname),
    ("familienaam", FieldKind::Surname),
    ("surname", FieldKind::Surname),
    ("last name", FieldKind::Surname),
    ("tussenvoegsel", FieldKind::Particles),
    ("tussenvoegsels", FieldKind::Particles),
    ("voorvoegsel", FieldKind::Particles),
    ("verslag", FieldKind::Person),
    ("voornaam", FieldKind::Given),
    ("voornamen", FieldKind::Given),
    ("roepnaam", FieldKind::Given),
    ("first name", FieldKind::Given),
    ("naam", FieldKind::Person),
    ("volledige naam", FieldKind::Person),
    ("naam aanvrager", FieldKind::Person),
    ("naam verzoeker", FieldKind::Person),
    ("gezien", FieldKind::Person),
    ("opsteller", FieldKind::Person),
];

fn field_kind(label: &str) -> Option<FieldKind> {
    if let Some(&(_, kind)) = NAME_PART_FIELDS.iter().find(|(l, _)| *l == label) {
        return Some(kind);
    }
    PERSON_FIELDS.contains(&label).then_some(FieldKind::Person)
}

/// Fields whose label may stand alone on the line above the name (`Contactpersoon`).
const LABEL_ABOVE_FIELDS: &[&str] = &[
    "contactpersoon",
    "contactpersonen",
    "behandeld door",
    "behandelaar",
    "opgesteld door",
    "notulist",
    "notuliste",
    "auteur",
    "auteurs",
    "paraaf",
    "namens",
    "ter attentie van",
    "uw contactpersoon",
    "contactpersoon woo",
    "ondergetekende",
];

/// Phrases after which a full name refers to a person, folded, as token words.
pub(crate) const INTRODUCERS: &[&[&str]] = &[
    &["contactpersoon"],
    &["afstemmen", "met"],
    &["afstemming", "met"],
    &["overleggen", "met"],
    &["spreken", "met"],
    &["sprak", "met"],
    &["bellen", "met"],
    &["belde", "met"],
    &["mailen", "met"],
    &["mailde", "met"],
    &["dank", "aan"],
    &["bedankt", "aan"],
    &["complimenten", "aan"],
    &["doorgestuurd", "aan"],
    &["doorsturen", "naar"],
    &["reactie", "van"],
    &["opnemen", "met"],
    &["nummer", "van"],
    &["telefoonnummer", "van"],
    &["adres", "van"],
    &["e-mailadres", "van"],
    &["gegevens", "van"],
    &["afgestemd", "met"],
    &["gesproken", "met"],
    &["overleg", "met"],
    &["overlegd", "met"],
    &["contact", "met"],
    &["opgenomen", "met"],
    &["gebeld", "met"],
    &["gemaild", "met"],
    &["besproken", "met"],
    &["afspraak", "met"],
    &["memo", "van"],
    &["notitie", "van"],
    &["mail", "van"],
    &["bericht", "van"],
    &["berichtje", "van"],
    &["verzoek", "van"],
    &["vraag", "van"],
    &["telefoontje", "van"],
    &["namens"],
    &["volgens"],
    &["aldus"],
    &["door"],
    &["naam", "is"],
    &["ondergetekende"],
    &["heet"],
];

/// The date that opens a chat app's system message, with or without a time:
/// `15-10-2022 14:03 - ` or `15-10-2022 - ` before `Jan heeft Piet toegevoegd`.
static CHAT_SYSTEM_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20\t]*\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?(?:[\x20\t]+\d{1,2}[:.]\d{2}(?::\d{2})?)?\]?[\x20\t]+-[\x20\t]+")
        .expect("chat system prefix pattern compiles")
});

/// The last word of a chat app's system message about people (`… heeft Piet toegevoegd`,
/// `Jan is vertrokken`, `Jan heeft de groep aangemaakt`).
const CHAT_SYSTEM_VERBS: &[&str] = &[
    "toegevoegd",
    "verwijderd",
    "vertrokken",
    "aangemaakt",
    "gewijzigd",
    "deelgenomen",
    "added",
    "removed",
    "left",
    "created",
    "changed",
    "joined",
];

static CHAT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(?:\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[\x20\t]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:[\x20\t]?[AaPp][Mm])?\]?[\x20\t]*(?:-[\x20\t]*)?|\[\d{1,2}:\d{2}(?::\d{2})?\][\x20\t]*)",
    )
    .expect("chat prefix pattern compiles")
});

/// A line's token range `[start, end)`, `end` being its line break or the end.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines(g: &Grammar) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    // Quote markers of a replied-to message (`> `) are not part of the line.
    let content =
        |start: usize, end: usize| (start..end).find(|&k| !g.is_punct(k, '>')).unwrap_or(end);
    for (i, t) in g.tokens().iter().enumerate() {
        if t.kind == super::token::Kind::Newline {
            out.push(Line {
                start: content(start, i),
                end: i,
            });
            start = i + 1;
        }
    }
    let end = g.tokens().len();
    out.push(Line {
        start: content(start, end),
        end,
    });
    out
}

fn mention(
    parse: NameParse,
    rule: &'static str,
    evidence: impl Into<Cow<'static, str>>,
) -> Mention {
    Mention {
        parse,
        strength: Strength::Strong,
        rule,
        evidence: evidence.into(),
        staff: None,
    }
}

/// The folded words of tokens `[a, b)`, joined by single spaces (punctuation dropped).
fn words_of(g: &Grammar, a: usize, b: usize) -> String {
    let mut out = String::new();
    for i in (a..b).filter(|&i| g.word(i).is_some()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(g.folded(i));
    }
    out
}

/// If the line starts with `<field>:` (or `<field>` followed by the end of the line), the
/// field's folded words and the token after the colon.
fn field(g: &Grammar, line: Line) -> Option<(String, usize)> {
    let mut i = line.start;
    // Bullets and numbering before the field: `- Actie:`, `* Actie:`.
    while i < line.end && (g.is_punct(i, '-') || g.is_punct(i, '*') || g.is_punct(i, '•')) {
        i += 1;
    }
    let mut j = i;
    while j < line.end
        && j - i < 8
        && (g.word(j).is_some() || g.is_punct(j, '.') || g.is_punct(j, '\''))
    {
        j += 1;
    }
    // A label ends at a colon, or (`Contactpersoon` above the name) at the line end.
    let colon = j < line.end && g.is_punct(j, ':');
    if j == i || !(colon || j == line.end) {
        return None;
    }
    Some((words_of(g, i, j), if colon { j + 1 } else { j }))
}

fn is_bullet(g: &Grammar, i: usize) -> bool {
    ['-', '*', '•', '–'].iter().any(|&c| g.is_punct(i, c))
}

/// Finds names by their context in the text of grammar `g`.
pub fn find(g: &Grammar, text: &str, out: &mut Vec<Mention>) {
    let lines = lines(g);
    for (n, &line) in lines.iter().enumerate() {
        crate::deadline::check();
        if line.start >= line.end {
            continue;
        }
        let line_text = &text[g.tokens()[line.start].start..];
        if let Some(m) = CHAT_PREFIX.find(line_text) {
            chat_speaker(g, line, g.tokens()[line.start].start + m.end(), out);
        }
        if let Some(m) = CHAT_SYSTEM_PREFIX.find(line_text) {
            chat_system_message(g, line, g.tokens()[line.start].start + m.end(), out);
        }
        if let Some((label, after)) = field(g, line) {
            let listing =
                HEADER_FIELDS.contains(&label.as_str()) || LIST_FIELDS.contains(&label.as_str());
            if listing && after == line.end {
                // `Aanwezig:` above a bulleted list: one person per bullet.
                let evidence = format!("attendee list `{}:`", capitalise(&label));
                for bullet in lines[n + 1..]
                    .iter()
                    .take_while(|l| l.start < l.end && is_bullet(g, l.start))
                {
                    person_at(
                        g,
                        bullet.start + 1,
                        bullet.end,
                        &evidence,
                        FieldKind::Person,
                        out,
                    );
                }
            } else if HEADER_FIELDS.contains(&label.as_str()) {
                name_list(
                    g,
                    after,
                    &lines[n..],
                    "name.mail-header",
                    &format!("mail header `{}:`", g.str(line.start)),
                    out,
                );
            } else if LIST_FIELDS.contains(&label.as_str()) {
                name_list(
                    g,
                    after,
                    &lines[n..],
                    "name.attendees",
                    &format!("attendee list `{}:`", capitalise(&label)),
                    out,
                );
            } else if let Some(kind) = field_kind(&label) {
                let evidence = format!("field `{}`", capitalise(&label));
                if after == line.end && LABEL_ABOVE_FIELDS.contains(&label.as_str()) {
                    // The name is on the next line.
                    if let Some(next) = lines.get(n + 1) {
                        person_at(g, next.start, next.end, &evidence, kind, out);
                    }
                } else if after < line.end {
                    person_at(g, after, line.end, &evidence, kind, out);
                }
            }
        }
        greeting(g, line, out);
        if is_closing(g, line) {
            signature(g, &lines[n + 1..], out);
        }
    }
    inline(g, text, out);
    abbreviations(g, out);
}

/// Initials that stand for a named person: right after the name in brackets
/// (`Kabel van Beek (KvB)`) or in another cell of the same table row
/// (`| F. Hermans | FH |`). Other occurrences follow through propagation of removed text.
fn abbreviations(g: &Grammar, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    // The token lines and their `|` counts, found once: a document may be one long line.
    let newlines: Vec<usize> = (0..toks.len())
        .filter(|&j| toks[j].kind == super::token::Kind::Newline)
        .collect();
    let line_of = |k: usize| {
        let i = newlines.partition_point(|&n| n < k);
        let start = if i == 0 { 0 } else { newlines[i - 1] + 1 };
        (i, start, newlines.get(i).copied().unwrap_or(toks.len()))
    };
    let mut bars = vec![0usize; newlines.len() + 1];
    for j in (0..toks.len()).filter(|&j| g.is_punct(j, '|')) {
        bars[line_of(j).0] += 1;
    }
    let table_row = |k: usize| {
        let (i, start, end) = line_of(k);
        (bars[i] >= 2).then_some((start, end))
    };
    // (token after the name, its table row, the name's abbreviations)
    type Named = (usize, Option<(usize, usize)>, Vec<String>);
    let named: Vec<Named> = out
        .iter()
        .filter(|m| {
            m.strength == Strength::Strong && matches!(m.parse.form, Form::Full | Form::Initials)
        })
        .filter_map(|m| {
            let next = m.parse.next;
            let row = table_row(next - 1);
            // Only a name followed by a bracket or standing in a table row can have its
            // initials beside it.
            (g.is_punct(next, '(') || row.is_some())
                .then(|| (next, row, abbreviations_of(g, &m.parse)))
        })
        .collect();
    // The abbreviations of the names of each table row, so each row is read once.
    let mut rows: BTreeMap<(usize, usize), HashSet<&str>> = BTreeMap::new();
    for (next, row, candidates) in &named {
        let is_candidate = |k: usize| g.word(k).is_some_and(|w| candidates.iter().any(|c| c == w));
        // `(KvB)` right after the name.
        if g.is_punct(*next, '(') && is_candidate(next + 1) && g.is_punct(next + 2, ')') {
            out.push(initials_mention(
                g,
                next + 1,
                "initials in brackets after the name",
            ));
        }
        if let Some(row) = row {
            rows.entry(*row)
                .or_default()
                .extend(candidates.iter().map(String::as_str));
        }
    }
    // Cells of the same table row: `| F. Hermans | FH |`.
    for ((line_start, line_end), candidates) in rows {
        let is_candidate = |k: usize| g.word(k).is_some_and(|w| candidates.contains(w));
        for k in line_start..line_end {
            let cell = k > line_start
                && g.is_punct(k - 1, '|')
                && (k + 1 == line_end || g.is_punct(k + 1, '|'));
            if cell && is_candidate(k) {
                out.push(initials_mention(
                    g,
                    k,
                    "initials in the table row of the name",
                ));
            }
        }
    }
}

fn initials_mention(g: &Grammar, k: usize, evidence: &'static str) -> Mention {
    let t = g.tokens()[k];
    let parse = NameParse {
        start: t.start,
        end: t.end,
        next: k + 1,
        form: Form::InitialsOnly,
        given: None,
        initials: Some(fold(g.str(k))),
        surname: None,
    };
    mention(parse, "name.initials", evidence)
}

/// The ways a name is abbreviated to initials: `Kabel van Beek` → `KvB`, `KB`;
/// `H.E.H. 't Hart` → `HtH`, `HEHtH`, `HH`, `HEHH`. At least two letters.
fn abbreviations_of(g: &Grammar, p: &NameParse) -> Vec<String> {
    let toks = g.tokens();
    let first_tok = toks.partition_point(|t| t.start < p.start);
    let mut firsts = String::new();
    let mut particles = String::new();
    let mut surname: Vec<char> = Vec::new();
    for k in first_tok..p.next.min(toks.len()) {
        let Some(w) = g.word(k) else { continue };
        let letter = w
            .trim_start_matches(['\'', '’'])
            .chars()
            .next()
            .unwrap_or_default();
        if g.is_punct(k + 1, '.') && w.chars().count() <= 3 && surname.is_empty() {
            firsts.push(letter);
        } else if g.is_lower(k) || w.starts_with(['\'', '’']) {
            particles.push(letter);
        } else if p.form == Form::Full && firsts.is_empty() {
            firsts.push(letter);
        } else if k == 0 || !g.is_punct(k - 1, '(') {
            surname.extend(letter.to_uppercase());
        }
    }
    let (Some(first), Some(&last)) = (firsts.chars().next(), surname.first()) else {
        return Vec::new();
    };
    let all_surname: String = surname.iter().collect();
    let mut out = Vec::new();
    for lead in [first.to_string(), firsts.clone()] {
        for mid in [particles.as_str(), ""] {
            for tail in [last.to_string(), all_surname.clone()] {
                let c = format!("{lead}{mid}{tail}");
                if c.chars().count() >= 2 && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The person (or the part of a name the field holds) at token `i`, after optional titles.
fn person_at(
    g: &Grammar,
    i: usize,
    end: usize,
    evidence: &str,
    kind: FieldKind,
    out: &mut Vec<Mention>,
) {
    if i >= end {
        return;
    }
    let j = after_titles_and_roles(g, i);
    let parsed = match kind {
        FieldKind::Initials => g.initials_alone(j).map(|p| (p, "name.paraaf")),
        FieldKind::Particles => g.particles_alone(j).map(|p| (p, "name.field")),
        FieldKind::Surname => g.titled_name(j).map(|p| (p, "name.field")),
        FieldKind::Given => g
            .given_alone(j)
            .or_else(|| g.titled_name(j))
            .map(|p| (p, "name.field")),
        FieldKind::Person if g.has(j, shape::UPPER) => g.upper_name(j).map(|p| (p, "name.field")),
        FieldKind::Person => if j > i {
            g.titled_name(j)
        } else {
            g.name(j, true).filter(|_| starts_upper(g, j))
        }
        .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)))
        .map(|p| (p, "name.field"))
        // `Notulist: AV`, `Actie: CL, vóór 1 mei`: initials standing for the person.
        .or_else(|| {
            g.initials_alone(j)
                .filter(|p| ends_name(g, p.next) && p.end - p.start <= 6)
                .map(|p| (p, "name.paraaf"))
        }),
    };
    if let Some((p, rule)) = parsed {
        let evidence = if rule == "name.paraaf" {
            format!("{evidence} (initials)")
        } else {
            evidence.to_string()
        };
        out.push(mention(p, rule, evidence));
    }
}

/// The token after any titles, forms of address and role words at `i` (`collega dr.`).
fn after_titles_and_roles(g: &Grammar, i: usize) -> usize {
    let mut j = i;
    loop {
        let t = g.titles(j);
        if t > 0 {
            j = g.skip_wrap(j + t);
        } else if g.has(j, class::ROLE) && g.spaced(j) {
            j += 1;
        } else {
            return j;
        }
    }
}

fn starts_upper(g: &Grammar, i: usize) -> bool {
    g.word(i).is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Whether the name ending before token `i` is complete there: line end, punctuation, or
/// `en` (`Beste Jan en Piet`).
fn ends_name(g: &Grammar, i: usize) -> bool {
    g.is_line_end(i)
        || [',', '!', '.', ';', ':', '(', '<', ')', '?']
            .iter()
            .any(|&c| g.is_punct(i, c))
        || g.word(i).is_some_and(|w| w == "en" || w == "and")
}

/// A list of people after a header or attendee field: `A <a@x.nl>; Vries, J. de (Jan) - DEP`,
/// `dr. J. Smit (DJI), mevrouw De Vries, Piet Jansen`. Continues on the next line when the
/// line ends inside the list (a comma, semicolon or title at the end).
fn name_list(
    g: &Grammar,
    after: usize,
    lines: &[Line],
    rule: &'static str,
    evidence: &str,
    out: &mut Vec<Mention>,
) {
    let mut li = 0;
    let mut i = after;
    loop {
        let end = lines[li].end;
        while i < end {
            // Skip separators and anything that is not the start of a name.
            if g.word(i).is_none() {
                i += 1;
                continue;
            }
            let j = after_titles_and_roles(g, i);
            let titled = j > i;
            let parsed = if titled { g.titled_name(j) } else { None }
                .or_else(|| {
                    g.name(j, true).filter(|p| {
                        p.form != Form::Surname || ends_name(g, p.next) || g.is_punct(p.next, '-')
                    })
                })
                .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)))
                .or_else(|| g.upper_name(j).filter(|p| ends_name(g, p.next)));
            match parsed {
                Some(p) if !is_mailbox_word(g, j) => {
                    let next = p.next;
                    out.push(mention(p, rule, evidence.to_string()));
                    // A name that wrapped onto the next line: go on from there.
                    i = if next > end {
                        next
                    } else {
                        skip_to_separator(g, next, end)
                    };
                }
                _ => i = skip_to_separator(g, i, end),
            }
        }
        if i > end {
            while li < lines.len() && lines[li].end < i {
                li += 1;
            }
            if li >= lines.len() {
                break;
            }
            i = skip_to_separator(g, i, lines[li].end);
            continue;
        }
        // Continue on the next line if this one ended inside the list.
        let last = (lines[li].start..lines[li].end).last();
        let open = last.is_some_and(|k| {
            g.is_punct(k, ',')
                || g.is_punct(k, ';')
                || g.titles(k) > 0
                // A name cut after its particle (`Linn van` / `Bunschoten`), not a list item
                // that happens to be one (`ma, di, do`).
                || (g.is_lower(k) && g.has(k, class::PARTICLE) && k > 0 && g.is_cap(k - 1))
        });
        li += 1;
        if !open || li >= lines.len() {
            break;
        }
        i = lines[li].start;
    }
}

/// The local part of an e-mail address is not a name (`jan.smit@…`).
fn is_mailbox_word(g: &Grammar, i: usize) -> bool {
    // The local part runs without spaces up to the `@`: an address further on (another
    // item, the next line) says nothing about this word.
    (i..i + 8)
        .take_while(|&k| g.glued(k))
        .any(|k| g.is_punct(k + 1, '@'))
}

/// The token after the next list separator (`;` or `,` outside brackets) at or after `i`.
fn skip_to_separator(g: &Grammar, mut i: usize, end: usize) -> usize {
    let mut depth = 0i32;
    while i < end {
        if g.is_punct(i, '(') || g.is_punct(i, '<') || g.is_punct(i, '[') {
            depth += 1;
        } else if g.is_punct(i, ')') || g.is_punct(i, '>') || g.is_punct(i, ']') {
            depth -= 1;
        } else if depth <= 0 && (g.is_punct(i, ';') || g.is_punct(i, ',')) {
            return i + 1;
        }
        i += 1;
    }
    end
}

/// The speaker of a chat line, between the time stamp and the colon.
fn chat_speaker(g: &Grammar, line: Line, speaker_start: usize, out: &mut Vec<Mention>) {
    let Some(i) = (line.start..line.end).find(|&k| g.tokens()[k].start >= speaker_start) else {
        return;
    };
    // The speaker ends at a colon (`Jan:`, `Jan (IenW):`), or fills the line (Teams:
    // `[13:17] Jan de Vries` above the message).
    let colon = (i..line.end)
        .find(|&k| g.is_punct(k, ':'))
        .filter(|&c| c - i <= 12);
    let fits = |p: &NameParse| match colon {
        Some(c) => {
            p.next == c || (g.is_punct(p.next, '(') && (p.next..c).any(|k| g.is_punct(k, ')')))
        }
        None => g.is_line_end(p.next),
    };
    let parsed = g
        .name(i, true)
        .filter(&fits)
        .or_else(|| g.given_alone(i).filter(&fits))
        .or_else(|| speaker_words(g, i, colon.unwrap_or(line.end)));
    if let Some(p) = parsed {
        out.push(mention(p, "name.chat", "chat speaker"));
    }
}

/// The people in a chat app's system message: `Jan de Vries heeft Piet Bos toegevoegd`,
/// `Jan is vertrokken`, `Jan heeft de groep "Crisisteam" aangemaakt`.
fn chat_system_message(g: &Grammar, line: Line, start: usize, out: &mut Vec<Mention>) {
    let Some(i) = (line.start..line.end).find(|&k| g.tokens()[k].start >= start) else {
        return;
    };
    let last = (line.start..line.end).rev().find(|&k| g.word(k).is_some());
    if !last
        .and_then(|k| g.word(k))
        .is_some_and(|w| CHAT_SYSTEM_VERBS.contains(&w))
    {
        return;
    }
    let verb = |k: usize| {
        g.word(k)
            .is_some_and(|w| matches!(w, "heeft" | "is" | "has"))
    };
    let Some(actor) = g
        .name(i, true)
        .or_else(|| g.given_alone(i))
        .filter(|p| verb(p.next))
    else {
        return;
    };
    let object = actor.next + 1;
    out.push(mention(actor, "name.chat", "chat system message"));
    if let Some(p) = g.name(object, true).or_else(|| g.given_alone(object))
        && last == Some(p.next)
    {
        out.push(mention(p, "name.chat", "chat system message"));
    }
}

/// A chat speaker that the grammar does not read as a name (`Haven Dijkstra`, where `Haven`
/// is also a word): up to four capitalised words filling the speaker's place.
fn speaker_words(g: &Grammar, i: usize, end: usize) -> Option<NameParse> {
    let end = (i..end).find(|&k| g.is_punct(k, '(')).unwrap_or(end);
    let words = i..end;
    let name_like = |k: usize| {
        g.is_cap(k) || (g.is_lower(k) && g.has(k, class::PARTICLE)) || g.is_punct(k, '-')
    };
    if words.is_empty()
        || words.len() > 5
        || !words.clone().all(name_like)
        || !g.is_cap(i)
        || g.has(i, class::NOT_NAME)
    {
        return None;
    }
    let last = end - 1;
    Some(NameParse {
        start: g.tokens()[i].start,
        end: g.tokens()[last].end,
        next: end,
        form: if last > i { Form::Full } else { Form::Given },
        given: Some(fold(g.str(i))),
        initials: None,
        surname: (last > i).then(|| fold(g.str(last))),
    })
}

/// `Hoi Jan,`, `Beste Jan en Piet,`, `Geachte heer De Vries,`, `Dear Mr Smith,`.
fn greeting(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let Some(first) = g.word(line.start) else {
        return;
    };
    let mut i = line.start + 1;
    if !g.word_in(line.start, GREETINGS) {
        return;
    }
    // `Beste collega Jan`
    if g.has(i, class::ROLE) {
        i += 1;
    }
    let evidence = format!("greeting `{first}`");
    loop {
        let j = i + g.titles(i);
        let titled = j > i;
        let parsed = if titled {
            g.titled_name(j)
        } else {
            g.name(j, false)
        }
        .filter(|p| ends_name(g, p.next))
        .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)));
        let Some(p) = parsed else { return };
        let next = p.next;
        out.push(mention(p, "name.greeting", evidence.clone()));
        // `Beste Jan en Piet` / `Hoi Jan, Piet,`
        let and = g.word(next).is_some_and(|w| w == "en" || w == "and");
        let comma = g.is_punct(next, ',') && next + 1 < line.end && starts_upper(g, next + 1);
        if !(and || comma) {
            return;
        }
        i = next + 1;
    }
}

/// A closing line such as `Met vriendelijke groet,`.
fn is_closing(g: &Grammar, line: Line) -> bool {
    // Closings are short lines: most lines are ruled out before folding their words.
    if line.end - line.start > 8 {
        return false;
    }
    let words = words_of(g, line.start, line.end);
    let trailing_ok = (line.start..line.end)
        .all(|k| g.word(k).is_some() || [',', '.', '!', '-'].iter().any(|&c| g.is_punct(k, c)));
    trailing_ok && !words.is_empty() && CLOSINGS.contains(&words.as_str())
}

/// The signature after a closing: the first non-empty line, if it holds a name (possibly
/// followed by `, function`).
///
/// A first name alone is often signed above the full name, as in `Wietske` / blank line /
/// `W. (Wietske) Snijhorst` / `Arts infectieziektebestrijding`: the next name line of the
/// block, after at most one blank line, is taken too.
fn signature(g: &Grammar, rest: &[Line], out: &mut Vec<Mention>) {
    let Some(n) = rest.iter().take(3).position(|l| l.start < l.end) else {
        return;
    };
    let signed = |line: &Line| {
        let i = line.start + g.titles(line.start);
        g.name(i, false)
            .or_else(|| g.given_alone(i))
            .filter(|p| g.is_line_end(p.next) || g.is_punct(p.next, ',') || g.is_punct(p.next, '('))
    };
    let Some(p) = signed(&rest[n]) else {
        return;
    };
    let given_alone = p.form == Form::Given;
    out.push(mention(p, "name.signature", "signature after a closing"));
    if given_alone
        && let Some(below) = rest[n + 1..].iter().take(2).find(|l| l.start < l.end)
        && let Some(full) = signed(below).filter(|p| p.form != Form::Given && g.is_line_end(p.next))
    {
        out.push(mention(
            full,
            "name.signature",
            "full name below a signed first name",
        ));
    }
}

/// Rules that apply anywhere in the text.
fn inline(g: &Grammar, text: &str, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    let gaz = &*GAZETTEER;
    let mut i = 0;
    // Structural parses do not start inside the previous strong one (`Fong, M.` in
    // `Tjon A Fong, M.`).
    let mut structural_end = 0;
    while i < toks.len() {
        crate::deadline::check();
        let Some(w) = g.word(i) else {
            i += 1;
            continue;
        };
        // Most words are plain lower-case words that no rule starts with.
        let lower = g.is_lower(i);
        if lower
            && !g.has(
                i,
                class::TITLE | class::ROLE | class::INTRODUCER | class::PARTICLE,
            )
            && w != "t"
        {
            i += 1;
            continue;
        }
        // Titles and forms of address.
        let t = if g.has(i, class::TITLE | class::PARTICLE) {
            g.titles(i)
        } else {
            0
        };
        if t > 0 && is_title_use(g, i) {
            let j = g.skip_wrap(i + t);
            if let Some(p) = g.titled_name(j) {
                let evidence = format!(
                    "after `{}`",
                    text[toks[i].start..toks[i + t - 1].end].replace('\n', " ")
                );
                // `met mevrouw De Vries en Jan Smit`: the second name shares the context.
                let and = p.next;
                if g.word(and) == Some("en")
                    && g.spaced(and)
                    && let Some(second) = g.forward_in_context(and + 1)
                {
                    out.push(mention(second, "name.title", evidence.clone()));
                }
                out.push(mention(p, "name.title", evidence));
            }
            i += t;
            continue;
        }
        // Role words: `collega Van Mil`, `cliënt Jansen`.
        if g.has(i, class::ROLE) && g.spaced(i) && starts_upper(g, i + 1) {
            if let Some(p) = g.titled_name(i + 1) {
                out.push(mention(p, "name.role", format!("after `{w}`")));
            }
            i += 1;
            continue;
        }
        // `t.n.v.`, `t.a.v.`
        if (w == "t" || w == "T")
            && g.is_punct(i + 1, '.')
            && matches!(g.word(i + 2), Some("n" | "a"))
            && g.is_punct(i + 3, '.')
            && g.word(i + 4) == Some("v")
        {
            let j = if g.is_punct(i + 5, '.') { i + 6 } else { i + 5 };
            let j = j + g.titles(j);
            if let Some(p) = g.name(j, true) {
                let evidence = if g.word(i + 2) == Some("n") {
                    "after `t.n.v.`"
                } else {
                    "after `t.a.v.`"
                };
                out.push(mention(p, "name.attention", evidence));
            }
            i += 5;
            continue;
        }
        // Phrases that introduce a person: `afgestemd met Jan Smit`, `Mijn naam is …`.
        if g.has(i, class::INTRODUCER)
            && let Some(len) = introducer(g, i)
        {
            let j = i + len;
            let j = j + g.titles(j);
            if let Some(p) = g.reversed(j).or_else(|| g.forward_in_context(j)) {
                let phrase = words_of(g, i, i + len);
                out.push(mention(p, "name.introduced", format!("after `{phrase}`")));
            }
        }
        let may_start =
            g.is_cap(i) || (lower && g.has(i, class::PARTICLE)) || g.initials(i, false).is_some();
        if i >= structural_end
            && may_start
            && let Some(next) = structure(g, gaz, i, out)
        {
            structural_end = next;
        }
        i += 1;
    }
}

/// Whether the title at `i` is used as one: abbreviations need their dot (`mr.`, `ir.`),
/// and none may be written in capitals (`ING` is a bank).
fn is_title_use(g: &Grammar, i: usize) -> bool {
    let w = g.str(i);
    if w.len() > 1 && w.chars().all(char::is_uppercase) {
        return false;
    }
    let f = fold(w);
    let needs_dot = matches!(
        f.as_str(),
        "mr" | "mrs"
            | "ms"
            | "drs"
            | "dr"
            | "ir"
            | "ing"
            | "prof"
            | "bc"
            | "ds"
            | "mgr"
            | "kand"
            | "lic"
            | "dhr"
            | "mw"
            | "mevr"
    );
    !needs_dot || g.is_punct(i + 1, '.') || (f == "dhr" || f == "mw" || f == "mevr")
}

fn introducer(g: &Grammar, i: usize) -> Option<usize> {
    INTRODUCERS.iter().find_map(|phrase| {
        let ok = phrase
            .iter()
            .enumerate()
            .all(|(k, p)| g.word_in(i + k, &[p]) && (k == 0 || g.spaced(i + k - 1)));
        (ok && g.spaced(i + phrase.len() - 1)).then_some(phrase.len())
    })
}

/// Structural evidence at token `i`: the reversed form, initials with a surname, a known
/// first name with a surname, a name before `<e-mail>` or followed by a function.
/// Returns the token after the name if a strong one was parsed.
fn structure(
    g: &Grammar,
    gaz: &super::lexicon::Gazetteer,
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    // The reversed form needs a comma within a few tokens.
    let comma_near = (i + 1..(i + 8).min(g.tokens().len())).any(|k| g.is_punct(k, ','));
    if comma_near && let Some(p) = g.reversed(i) {
        let next = p.next;
        out.push(mention(
            p,
            "name.reversed",
            "reversed name form `Surname, I.`",
        ));
        return Some(next);
    }
    // Initials without dots count with a known surname only (`RG den Hartog`, not `OM
    // Rotterdam`).
    let undotted = || {
        g.forward_in_context(i).filter(|p| {
            p.form == Form::Initials
                && p.surname
                    .as_deref()
                    .is_some_and(|s| gaz.is(s, class::SURNAME))
        })
    };
    let Some(p) = g.forward(i).or_else(undotted) else {
        // `Yasmina (mentor van de school)`: a known first name with a function.
        let known = g.is_cap(i) && g.has(i, class::FIRST_NAME) && !g.has(i, class::NOT_NAME);
        if known
            && let Some(p) = g.given_alone(i)
            && let Some(function) = function_follows(g, p.next)
        {
            let next = p.next;
            out.push(mention(
                p,
                "name.function",
                format!("first name followed by {function}"),
            ));
            return Some(next);
        }
        return None;
    };
    let next = p.next;
    let after_function = function_follows(g, next);
    // `Esko van den Heuvel`: a known surname after a tussenvoegsel, unless an article makes
    // it a title (`het Wetboek van Strafvordering`, `de Rechten van de Mens`).
    let after_article = i > 0 && g.word_in(i - 1, &["de", "het", "een", "der", "des", "den"]);
    let with_particle = p.form == Form::Full
        && (i + 1..next).any(|k| g.is_lower(k) && g.has(k, class::PARTICLE))
        && p.surname
            .as_deref()
            .is_some_and(|s| gaz.is(s, class::SURNAME))
        && !after_article
        && !g.has(i, class::PLACE | class::FUNCTION);
    // `Jan de Vries <j.devries@…>`, `Mei Ling Bouzid (m.bouzid@nfi.nl)`.
    let before_mail = (g.is_punct(next, '<') || g.is_punct(next, '('))
        && (next..next + 12).any(|k| g.is_punct(k, '@'));
    let (strength, rule, evidence): (Strength, &'static str, Cow<'static, str>) = if before_mail {
        (
            Strength::Strong,
            "name.display",
            "name before an e-mail address".into(),
        )
    } else if p.form == Form::Initials {
        if is_enumeration(g, i, &p) {
            return None;
        }
        (
            Strength::Strong,
            "name.initials",
            "initials and surname".into(),
        )
    } else if let Some(function) = after_function {
        (
            Strength::Strong,
            "name.function",
            format!("name followed by {function}").into(),
        )
    } else if p
        .given
        .as_deref()
        .is_some_and(|g| gaz.is(g, class::FIRST_NAME))
    {
        (
            Strength::Strong,
            "name.known-first-name",
            "known first name with a surname".into(),
        )
    } else if with_particle {
        (
            Strength::Strong,
            "name.particle",
            "first name, tussenvoegsel and surname".into(),
        )
    } else {
        (Strength::Weak, "name.candidate", "name-like words".into())
    };
    out.push(Mention {
        parse: p,
        strength,
        rule,
        evidence,
        staff: None,
    });
    (strength == Strength::Strong).then_some(next)
}

/// `A. Aanleiding` at the start of a line is a numbered heading, not a person.
fn is_enumeration(g: &Grammar, i: usize, p: &NameParse) -> bool {
    let line_start = i == 0
        || g.tokens()
            .get(i - 1)
            .is_some_and(|t| t.kind == super::token::Kind::Newline);
    let one_word = p.surname.as_deref().is_some_and(|s| !s.contains(' '));
    let known = p
        .surname
        .as_deref()
        .is_some_and(|s| GAZETTEER.is(s, class::SURNAME));
    let heading_word = p
        .surname
        .as_deref()
        .is_some_and(|s| GAZETTEER.is(s, class::NOT_NAME));
    // `O. Ketens` above `Sluisplein 53` is an addressee, not a heading.
    let address_follows = || {
        let toks = g.tokens();
        (p.next..toks.len())
            .skip_while(|&k| toks[k].kind != super::token::Kind::Newline)
            .skip(1)
            .take_while(|&k| toks[k].kind != super::token::Kind::Newline)
            .any(|k| toks[k].kind == super::token::Kind::Number)
    };
    heading_word
        || (line_start
            && one_word
            && !known
            && p.initials.as_deref().is_some_and(|l| l.len() == 1)
            && g.is_line_end(p.next)
            && !address_follows())
}

/// What follows a name that marks it as a person: ` (jurist)`, `, senior beleidsmedewerker`,
/// ` (DGRR/DWJZ)`.
fn function_follows(g: &Grammar, next: usize) -> Option<&'static str> {
    let gaz = &*GAZETTEER;
    // Where the person works: `Hatje van de Oudewerf van het Openbaar Ministerie`.
    if g.word(next) == Some("van")
        && g.word_in(next + 1, &["de", "het", "der"])
        && g.is_cap(next + 2)
        && g.has(next + 2, class::ORG)
    {
        return Some("an organisation");
    }
    let opens = g.is_punct(next, '(') || (g.is_punct(next, ',') && g.spaced(next));
    if !opens {
        return None;
    }
    let words: Vec<String> = (next + 1..next + 5)
        .map_while(|k| g.word(k).map(fold))
        .collect();
    for n in (1..=words.len()).rev() {
        if gaz.function_titles.contains(&words[..n].join(" ")) {
            return Some("a function");
        }
    }
    // An organisation in brackets: `(Openbaar Ministerie)`, `(Politie)`.
    if g.is_punct(next, '(') && g.has(next + 1, class::ORG) && g.is_cap(next + 1) {
        return Some("an organisation");
    }
    // A department code in brackets: `(DGRR/DWJZ)`, `(BD/DCOM)`.
    if g.is_punct(next, '(')
        && let Some(w) = g.word(next + 1)
        && w.len() >= 2
        && w.chars().all(char::is_uppercase)
        && (g.is_punct(next + 2, '/') || g.is_punct(next + 2, ')'))
    {
        return Some("a department code");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let mut out = Vec::new();
        find(&g, text, &mut out);
        let mut v: Vec<_> = out
            .iter()
            .filter(|m| m.strength == Strength::Strong)
            .map(|m| (text[m.parse.start..m.parse.end].to_string(), m.rule))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn names(text: &str) -> Vec<String> {
        let mut v: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        v.dedup();
        v
    }

    #[test]
    fn a_full_name_below_a_signed_first_name() {
        let text = "Met vriendelijke groet,\nWietske\n\nW. (Wietske) Snijhorst\nArts\n";
        assert_eq!(names(text), vec!["W. (Wietske) Snijhorst", "Wietske"]);
        // A quoted message's header below a signature is no name.
        let text = "Groeten,\nJatse\n\nOn Tuesday, January 10, 2023 at 22:47, Jan wrote:\n";
        assert_eq!(names(text), vec!["Jatse"]);
    }

    #[test]
    fn where_a_person_works_and_their_address_mark_a_name() {
        let text = "Ik sprak Hatje Oudewerf van het Openbaar Ministerie en \
                    Mila Bouzid (m.bouzid@nfi.nl) over het College van de Gemeente Utrecht.";
        assert_eq!(names(text), vec!["Hatje Oudewerf", "Mila Bouzid"]);
    }

    #[test]
    fn mail_headers_in_dutch_and_english() {
        let text = "Van: Jens Jonker <j.jonker@minjenv.nl>\nAan: Bijlsma, T. (Tycho); Zoë van Baalen <zoe@x.nl>\nCC: Sam, M. (Mehmet) - DGRR/DWJZ; woo@minjenv.nl\nFrom: Yılmaz, A.\nTo: Tjon A Fong, M.\n";
        assert_eq!(
            names(text),
            vec![
                "Bijlsma, T. (Tycho)",
                "Jens Jonker",
                "Sam, M. (Mehmet)",
                "Tjon A Fong, M.",
                "Yılmaz, A.",
                "Zoë van Baalen"
            ]
        );
    }

    #[test]
    fn attendee_lists_with_titles_and_wrapped_lines() {
        let text = "Aanwezig: dr. F. van Arkel (DGPenV/DJOA), Emma Ouwerkerk (DGSenB/SenS), de heer\nSchulten (Dienst Justitiële Inrichtingen), D. van Laon\nAfwezig: Hamza Die Bont\nNotulist: D. Schagen\n";
        assert_eq!(
            names(text),
            vec![
                "D. Schagen",
                "D. van Laon",
                "Emma Ouwerkerk",
                "F. van Arkel",
                "Hamza Die Bont",
                "Schulten"
            ]
        );
    }

    #[test]
    fn fields_greetings_signatures_and_paraaf() {
        let text = "Contactpersoon\nKoen van Liendert\njurist\n\nHallo Boris,\n\nGroet,\n\nJens\n\nOpgesteld door: K. van Liendert, jurist\nParaaf: ES (afdelingshoofd)\n- Actie: Van der Meulen neemt contact op.\nBeste Anna en Piet,\nGeachte heer De Vries,\n";
        assert_eq!(
            names(text),
            vec![
                "Anna",
                "Boris",
                "De Vries",
                "ES",
                "Jens",
                "K. van Liendert",
                "Koen van Liendert",
                "Piet",
                "Van der Meulen"
            ]
        );
    }

    #[test]
    fn office_titles_and_functions_around_names() {
        let text = "Wethouder Van der Burg was verhinderd. Gesprek met Yasmina (mentor van de school).\nNAAM: JANSSEN, P.\n";
        assert_eq!(names(text), vec!["JANSSEN, P.", "Yasmina"]);
    }

    #[test]
    fn chat_exports() {
        let text = "[03-06-2024 10:15] Fatima El Amrani: ben er zo\n03/06/2024, 10:16 - Joost: prima\n[10:17] Kees Tjon: ok\n";
        assert_eq!(names(text), vec!["Fatima El Amrani", "Joost", "Kees Tjon"]);
        let text = "15-10-2022 14:03 - Omar Sanders heeft Jerwin Benali-Wibowo toegevoegd\n\
                    16-10-2022 - Drindra Ait Taleb heeft de groep aangemaakt\n\
                    17-10-2022 09:00 - Kees is vertrokken\n\
                    18-10-2022 - Overleg heeft plaatsgevonden\n";
        assert_eq!(
            names(text),
            vec![
                "Drindra Ait Taleb",
                "Jerwin Benali-Wibowo",
                "Kees",
                "Omar Sanders"
            ]
        );
    }

    #[test]
    fn inline_evidence() {
        let text = "Dit is afgestemd met Luuk Waltrade Walderade (coördinerend beleidsadviseur) en met mevrouw Van den Pol. \
                    Bedrag t.n.v. J. van Schweinfurt. Mijn naam is Jorn van Schweinfurt, geboren in 1980.";
        assert_eq!(
            names(text),
            vec![
                "J. van Schweinfurt",
                "Jorn van Schweinfurt",
                "Luuk Waltrade Walderade",
                "Van den Pol"
            ]
        );
    }

    #[test]
    fn organisations_and_headings_are_not_names() {
        let text = "De beleidsreactie is afgestemd met Reclassering Nederland en de Raad van State.\nA. Aanleiding\nHet Openbaar Ministerie meldt dit aan de Tweede Kamer.\nING Bank en B.V. Nederland.";
        assert!(names(text).is_empty(), "{:?}", found(text));
    }
}
