//! Tables whose columns hold people: an action list's `wie`, an export's `behandelaar`, a
//! parafeerblad's `naam` and `paraaf`. A header row names the columns; in the rows under it,
//! what stands in a person's column is a person (`Hiemstra`, `Aalbers/Kuipers/Mulder`,
//! `NKR`), whatever else the row holds.
//!
//! Columns are read the way the table is written: between `|`, `;` or tabs, or, in a table
//! aligned with spaces, under the header's label.

use super::{Line, given_after_comma, mention};
use crate::detect::table;
use crate::fold::fold;
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NameParse, shape};
use crate::names::lexicon::class;

/// Column labels of people, folded.
const PERSON_COLUMNS: &[&str] = &[
    "wie",
    "naam",
    "namen",
    "behandelaar",
    "behandeld door",
    "actiehouder",
    "eigenaar",
    "trekker",
    "contact",
    "contactpersoon",
    "melder",
    "afzender",
    "ontvanger",
    "paraaf",
    "parafen",
    "verantwoordelijke",
    "voornaam",
    "voornamen",
    "roepnaam",
    "achternaam",
    "voorletters",
    "voorl",
    "initialen",
    "medewerker",
    "deelnemer",
    "deelnemers",
    "spreker",
    "auteur",
    "opsteller",
    "gebruiker",
    "gebr",
    "operator",
    "centralist",
    "door",
    "uitvoerder",
    "aanvrager",
    "bewoner",
    "indiener",
    "reviewer",
    "beh",
    "mdw",
    "ouder",
    "ouders",
    "client",
    "klant",
    "klager",
    "verzoeker",
    "bezwaarmaker",
    "betrokkene",
    "huurder",
    "debiteur",
    "patient",
    "pat",
    "lezer",
    "eerste lezer",
    "tweede lezer",
    "rekeninghouder",
    "begunstigde",
    "tenaamstelling",
    "leerling",
    "leerlingen",
    "slachtoffer",
    "verdachte",
    "gedetineerde",
    "bewoners",
    "eigenaren",
    "budgethouder",
    "jeugdige",
    "ondernemer",
    "vennoot",
    "vennoten",
    "werknemer",
    "student",
    "inspreker",
    "gemachtigde",
    "getuige",
    "gedupeerde",
    "erfgenaam",
    // A funeral register: the deceased, and the relatives searched for.
    "overledene",
    "overledenen",
    "erflater",
    "deceased",
    "gezochte persoon",
    "persoon",
    "personen",
    // A registry office's planning: the couple.
    "bruidspaar",
    "partner",
    "partners",
    "echtgenoten",
    // A bank's export or statement: the other party of a payment.
    "tegenpartij",
    "naam tegenrekening",
    // English exports (embassies, missions, partners abroad).
    "name",
    "names",
    "full name",
    "employee",
    "payee",
    "beneficiary",
    "account holder",
    "account name",
    "applicant",
    "driver",
    "passenger",
    "traveller",
    "recipient",
    "sender",
    "participant",
    "attendee",
    "counterparty",
];

/// A column label of people: one of the labels above, alone or with `naam` (`naam melder`,
/// `melder naam`), but not `naam bedrijf`.
fn is_person_column(label: &str) -> bool {
    // `ouder(s)`, `cliënt(en)`: one or more of them.
    let label = label.replace("(s)", "").replace("(en)", "");
    // `Beh.`: an abbreviated label; `naam (zoals KB)`, `naam tegenpartij (afschrift)`: a
    // remark after it.
    let label = label.trim_end_matches('.');
    let label = match label.split_once('(') {
        Some((head, _)) if label.ends_with(')') && !head.trim().is_empty() => head.trim(),
        _ => label,
    };
    // `bruidspaar / partners`: two labels for one column.
    if let Some((a, b)) = label.split_once(" / ") {
        return is_person_column(a) && is_person_column(b);
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    words.iter().any(|w| PERSON_COLUMNS.contains(w))
        && words
            .iter()
            .all(|w| PERSON_COLUMNS.contains(w) || ["naam", "namen", "van", "de"].contains(w))
        || PERSON_COLUMNS.contains(&label)
        || NAME_PART_COLUMNS.contains(&label)
        || names_a_person(label)
}

/// A compound of a person's column label and `naam` (`contactnaam`, `klantnaam`,
/// `deelnemersnaam`), not an organisation's (`bedrijfsnaam`).
fn names_a_person(label: &str) -> bool {
    label.strip_suffix("naam").is_some_and(|head| {
        let person = |h: &str| PERSON_COLUMNS.contains(&h);
        person(head) || head.strip_suffix('s').is_some_and(person)
    })
}

/// Finds the people in the person columns of the tables in the text of `g`.
pub(super) fn tables(g: &Grammar, text: &str, lines: &[Line], out: &mut Vec<Mention>) {
    if !table::may_hold_a_header(text) {
        return;
    }
    let toks = g.tokens();
    let line_text = |l: &Line| -> (usize, &str) {
        if l.start >= l.end {
            return (0, "");
        }
        let (s, e) = (toks[l.start].start, toks[l.end - 1].end);
        (s, &text[s..e])
    };
    let mut n = 0;
    while n < lines.len() {
        let (_, header) = line_text(&lines[n]);
        let Some((sep, labels)) = table::header_columns(header) else {
            n += 1;
            continue;
        };
        // `1.2  Voornamen (voluit)   : Grażyna Maria`: a form's label and its value, no header.
        if labels.iter().any(|r| header[r.clone()].starts_with(':')) {
            n += 1;
            continue;
        }
        let columns: Vec<String> = labels.iter().map(|r| fold(&header[r.clone()])).collect();
        // The rows under the header, each as the byte ranges of its cells in the text.
        let mut rows: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut row = n + 1;
        if table::describes_columns(header) {
            while row < lines.len() && line_text(&lines[row]).1.trim().is_empty() {
                row += 1;
            }
        }
        while row < lines.len() {
            let (row_start, row_text) = line_text(&lines[row]);
            if table::is_divider_line(row_text) {
                row += 1;
                continue;
            }
            let cells = table::row_cells(row_text, sep, &labels);
            // An empty row or one of another shape ends the table.
            if row_text.trim().is_empty() || cells.is_empty() {
                break;
            }
            rows.push(
                cells
                    .iter()
                    .map(|r| (row_start + r.start, row_start + r.end))
                    .collect(),
            );
            row += 1;
        }
        let people: Vec<usize> = (0..columns.len())
            .filter(|&c| is_person_column(&columns[c]) || holds_register_names(g, &rows, c))
            .collect();
        if people.is_empty() {
            n += 1;
            continue;
        }
        let evidence = format!("table column `{}`", columns[people[0]]);
        for cells in &rows {
            for &c in &people {
                if let Some(&(start, end)) = cells.get(c) {
                    let column = columns[c].trim_end_matches('.');
                    let part = NAME_PART_COLUMNS.contains(&column);
                    let login = USER_COLUMNS.contains(&column);
                    people_in(g, start, end, &evidence, (part, login), out);
                }
            }
        }
        n = row;
    }
}

/// Whether column `c` of `rows` holds people by the look of its cells, whatever its label
/// (`KEURM`, an export's abbreviation): two or more of its cells, and most of those that are
/// filled, are a register's name in capitals (`WINTER J`, `DE BRUIJN R`) or in mixed case
/// (`Yilmaz M`), its surname a word of three letters or more with a vowel, no organisation
/// or place.
fn holds_register_names(g: &Grammar, rows: &[Vec<(usize, usize)>], c: usize) -> bool {
    let toks = g.tokens();
    let (mut filled, mut names) = (0, 0);
    for &(start, end) in rows.iter().filter_map(|cells| cells.get(c)) {
        let k = toks.partition_point(|t| t.start < start);
        if toks.get(k).is_none_or(|t| t.start >= end) {
            continue;
        }
        filled += 1;
        let whole = |p: &NameParse| toks.get(p.next).is_none_or(|t| t.start >= end);
        let surname = |j: usize| {
            g.word(j).is_some_and(|w| {
                w.chars().count() >= 3 && w.chars().any(|ch| "AEIOUY".contains(ch))
            }) && !g.has(j, class::PARTICLE | class::ORG | class::PLACE)
        };
        let last_of = |p: &NameParse| toks.partition_point(|t| t.start < p.end) - 1;
        // In mixed case (`Yilmaz M`, `Martis J.`) only surnames that are no words count:
        // `Fase A`, `Blok C` are not people.
        let named = upper_register_name(g, k, end)
            .filter(|p| whole(p) && (k..=last_of(p)).any(surname))
            .or_else(|| {
                register_name(g, k, end).filter(|p| {
                    (k..=last_of(p)).filter(|&j| g.is_cap(j)).all(|j| {
                        g.word(j).is_some_and(|w| w.chars().count() >= 3)
                            && !g.has(j, class::PARTICLE | class::ORG | class::PLACE | class::WORD)
                    })
                })
            });
        names += usize::from(named.is_some());
    }
    names >= 2 && 2 * names >= filled
}

/// Columns that hold one part of a name: whatever fills a cell is a name.
const NAME_PART_COLUMNS: &[&str] = &[
    "voornaam",
    "achternaam",
    "voornamen",
    "roepnaam",
    "voorletters",
    "voorl",
    "initialen",
    "first name",
    "given name",
    "given names",
    "surname",
    "last name",
    "family name",
];

/// Columns of a system's users (a log's `operator`, `gebr.`): a word in capitals alone in
/// its cell is a user name (`KYEBOAH`, `JVEENSTRA`), no acronym, unless it is a word.
const USER_COLUMNS: &[&str] = &["gebruiker", "gebr", "operator", "centralist"];

/// The people named in the cell at bytes `start..end` of the text; `(name_part, login)`
/// say whether the column holds one part of a name or a user name.
fn people_in(
    g: &Grammar,
    start: usize,
    end: usize,
    evidence: &str,
    (name_part, login): (bool, bool),
    out: &mut Vec<Mention>,
) {
    let toks = g.tokens();
    let first = toks.partition_point(|t| t.start < start);
    // A company's account or a supplier's row (`Alpenpark Zell am See GmbH`) names no one.
    if crate::names::orgs::closes_with_a_legal_form(g, first, end) {
        return;
    }
    let mut k = first;
    // After an organisation word or a name, the words up to the next separator belong to
    // them (`gemeente Kampen`, `Erwin Lubbers SBO`).
    let mut skipping = false;
    let mut named = false;
    while k < toks.len() && toks[k].start < end {
        let Some(w) = g.word(k) else {
            // A removal label (`[5.1.2e]`, from an earlier pass) stands where a name stood:
            // what follows it is read as after a name, so a second pass finds nothing new.
            if g.is_punct(k, '[') && text_at(g, k).starts_with("[5.1.") {
                named = true;
            }
            if [',', '/', ';', '+', '&'].iter().any(|&c| g.is_punct(k, c)) {
                skipping = false;
                named = false;
            }
            // A bracket after a name that opens with a word holds a remark on them, such as
            // whom they write for (`F. Kuipers (Rondkomen)`).
            if named
                && g.is_punct(k, '(')
                && g.word(k + 1).is_some_and(|w| w.chars().count() >= 3)
                && !g.has(k + 1, class::SURNAME | class::FIRST_NAME)
                && (g.is_lower(k + 1)
                    || g.has(k + 1, class::ORG | class::PLACE)
                    || crate::names::lexicon::is_dutch_word(g.folded(k + 1)))
            {
                skipping = true;
            }
            // A postcode and its place (`4002 HG  WAALDERVEEN`) are an address.
            let postcode_letters = g
                .word(k + 1)
                .filter(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()));
            let digits = &g.text()[toks[k].start..toks[k].end];
            let four_digits = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
            if four_digits && g.spaced(k) && postcode_letters.is_some() {
                skipping = true;
            }
            k += 1;
            continue;
        };
        // `Rijswijk A. van`, `Maandag G.`: a register's surname before the initials, its
        // particles last, fills the cell; whatever else the surname is.
        if let Some(p) = register_name(g, k, end).or_else(|| upper_register_name(g, k, end)) {
            k = p.next;
            named = true;
            out.push(mention(p, "name.table", evidence.to_string()));
            continue;
        }
        // `ramdin`, `van loon`: a case system's user names, a surname in lower case alone in
        // its cell.
        if k == first
            && let Some(p) = lower_case_surname(g, k, end)
        {
            k = p.next;
            named = true;
            out.push(mention(p, "name.table", evidence.to_string()));
            continue;
        }
        // Organisations and their acronyms stand in person columns too (`RWS (Hiemstra)`).
        let organisation = g.has(k, class::ORG | class::PLACE) && !g.has(k, class::SURNAME);
        // `GEBREMEDHIN, Tesfay`, `JAGESSAR P`: a surname in capitals before the first name
        // or an initial.
        // `ZIELINSKI, BARTOSZ`: both in capitals, the first name no acronym.
        let upper_given = g.has(k + 2, shape::UPPER)
            && g.word(k + 2).is_some_and(|w| w.chars().count() >= 3)
            && !g.has(k + 2, class::ORG | class::PLACE);
        // `OKOTH Jared Omondi`: a surname in capitals before the given names, which fill
        // the cell.
        let given_names_after = g.has(k, shape::UPPER)
            && w.chars().count() >= 3
            && !g.has(k, class::ORG | class::PLACE | class::WORD)
            && toks.get(k + 1).is_some_and(|t| t.start < end)
            && (k + 1..toks.len())
                .take_while(|&j| toks[j].start < end)
                .all(|j| g.is_cap(j) && !g.has(j, shape::UPPER | class::ORG | class::PLACE));
        let upper_surname = g.is_punct(k + 1, ',')
            && (g.is_cap(k + 2) && !g.has(k + 2, shape::UPPER) || upper_given)
            || g.is_capital_letter(k + 1) && toks.get(k + 2).is_none_or(|t| t.start >= end)
            || given_names_after;
        // A word in capitals alone in its cell of a name-part column is the surname
        // (`AHMADZAI` under `Achternaam`), however long.
        let user_name = login
            && whole_cell_word(g, k, first, end).is_some()
            && !g.has(k, class::WORD | class::ORG | class::PLACE)
            && !crate::names::lexicon::is_dutch_word(g.folded(k));
        let acronym = g.has(k, shape::UPPER)
            && !upper_surname
            && !(user_name || name_part && whole_cell_word(g, k, first, end).is_some())
            && (named || w.chars().count() > 4 || super::transcript::used_as_organisation(g, w));
        // `BioEnergie`, `GroenLinks`: a name of a thing, not a person or initials.
        let inner_capital = w.chars().skip(1).any(char::is_uppercase)
            && w.chars().filter(|c| c.is_lowercase()).count() > 3;
        if organisation || crate::names::lexicon::GAZETTEER.is(g.folded(k), class::ORG) {
            skipping = true;
        }
        // A word in lower case after a name describes them (`Kees taxateur Hoorn`): the
        // words up to the next separator are the description's.
        if named && g.is_lower(k) && !g.has(k, class::PARTICLE) {
            skipping = true;
        }
        // The second half of a compound (`GroenLinks-PvdA`).
        let compound = k >= 2 && g.is_punct(k - 1, '-') && g.glued(k - 1) && g.glued(k - 2);
        if skipping
            || compound
            || !w.starts_with(char::is_uppercase)
            || organisation
            || acronym
            || inner_capital
        {
            k += 1;
            continue;
        }
        // The particles before the name belong to it (`bin Salem`, `dos Reis`).
        let mut particles = k;
        while particles > first
            && g.is_lower(particles - 1)
            && g.has(particles - 1, class::PARTICLE)
        {
            particles -= 1;
        }
        // A surname in capitals before its comma is read as one, not as initials (`NOWAK,
        // KAMIL`).
        let parse = (upper_surname && g.has(k, shape::UPPER))
            .then(|| g.upper_name(k))
            .flatten()
            .or_else(|| g.name(k, true))
            .or_else(|| g.given_alone(k))
            // The column vouches for a name: initials without dots before the surname, in
            // any case (`H ten Boer`, `PJM BOS`), when they fill the cell.
            .or_else(|| initials_then_surname(g, k, end))
            .or_else(|| g.initials_alone(k))
            .or_else(|| g.upper_name(k))
            .or_else(|| {
                (name_part || user_name)
                    .then(|| whole_cell_word(g, k, first, end))
                    .flatten()
            })
            // `Bos, Kevin`: a surname that is a word too, before the first name.
            .or_else(|| g.is_punct(k + 1, ',').then(|| super::one_word(g, k, false)))
            .filter(|p| p.end <= end)
            .map(|mut p| {
                p.start = p.start.min(toks[particles].start);
                given_after_comma(g, p, end)
            });
        match parse {
            Some(p) => {
                k = p.next;
                named = true;
                out.push(mention(p, "name.table", evidence.to_string()));
            }
            None => k += 1,
        }
    }
}

/// A surname in lower case that fills the cell from token `k` to byte `end`, its particles
/// first (`ramdin`, `van loon`, `mei`): a known surname, any word after particles, or a word
/// of a surname's length that is no Dutch word and nothing else the lists know (not `comm`,
/// nor an OCR'd `ldentiteitsbewijs`).
fn lower_case_surname(g: &Grammar, k: usize, end: usize) -> Option<NameParse> {
    let toks = g.tokens();
    let cell: Vec<usize> = (k..toks.len())
        .take_while(|&j| toks[j].start < end)
        .collect();
    let (&last, before) = cell.split_last()?;
    let lower_word = |j: usize| g.word(j).is_some() && g.is_lower(j);
    if cell.len() > 3
        || !cell.iter().all(|&j| lower_word(j))
        || !before.iter().all(|&j| g.has(j, class::PARTICLE))
        || g.has(last, class::PARTICLE)
    {
        return None;
    }
    let folded = g.folded(last);
    let known = g.has(last, class::SURNAME);
    let unknown = (5..=14).contains(&folded.chars().count())
        && !g.has(last, class::WORD | class::NOT_A_PERSON | class::FIRST_NAME)
        && !crate::names::lexicon::is_dutch_word(folded)
        && !crate::names::lexicon::is_compound_word(folded);
    // After its particles a word is a surname too (`van loon`).
    let particled = !before.is_empty() && folded.chars().count() >= 3;
    let other = g.has(
        last,
        class::ORG | class::PLACE | class::FUNCTION | class::TITLE,
    );
    ((known || unknown || particled) && !other).then(|| NameParse {
        start: toks[k].start,
        end: toks[last].end,
        next: last + 1,
        form: Form::Surname,
        given: None,
        initials: None,
        surname: Some(folded.to_string()),
    })
}

/// Initials without dots, then the surname with its particles, filling the cell up to byte
/// `end`, in any case (`H ten Boer`, `PJM BOS`, `J KAMP`): an export's name column.
fn initials_then_surname(g: &Grammar, k: usize, end: usize) -> Option<NameParse> {
    let toks = g.tokens();
    let in_cell = |j: usize| toks.get(j).is_some_and(|t| t.start < end);
    let letters = |j: usize| g.word(j).map(|w| w.chars().count()).unwrap_or(0);
    let mut j = k;
    let mut initials = String::new();
    if g.has(k, shape::UPPER) && (2..=4).contains(&letters(k)) && in_cell(k + 1) {
        initials.push_str(g.folded(k));
        j += 1;
    } else {
        while in_cell(j) && g.is_capital_letter(j) {
            initials.push_str(g.folded(j));
            j += 1;
            if g.is_punct(j, '.') {
                j += 1;
            }
        }
    }
    while in_cell(j) && g.has(j, class::PARTICLE) && !g.is_cap(j) {
        j += 1;
    }
    let surname = j;
    let capitalised = g.is_cap(j) || g.has(j, shape::UPPER);
    if initials.is_empty() || !in_cell(j) || !capitalised || letters(j) < 2 {
        return None;
    }
    j += 1;
    while in_cell(j + 1) && g.is_punct(j, '-') && g.glued(j - 1) && g.glued(j) {
        j += 2;
    }
    if in_cell(j) {
        return None;
    }
    Some(NameParse {
        start: toks[k].start,
        end: toks[j - 1].end,
        next: j,
        form: Form::Initials,
        given: None,
        initials: Some(initials),
        surname: Some(g.folded(surname).to_string()),
    })
}

/// A register's name (`Rijswijk A. van`, `Broek H. van den`, `Maandag G.`, `Lodewijks T`,
/// `Mendes Tavares, D`): one to three capitalised words, maybe a comma, the initials with or
/// without dots and the particles after them, up to the end of the cell.
fn register_name(g: &Grammar, k: usize, end: usize) -> Option<NameParse> {
    let toks = g.tokens();
    let in_cell = |j: usize| toks.get(j).is_some_and(|t| t.start < end);
    let surname_word = |j: usize| g.is_cap(j) && !g.has(j, class::TITLE);
    if !surname_word(k) {
        return None;
    }
    let mut last = k;
    while last < k + 2 && g.spaced(last) && surname_word(last + 1) {
        last += 1;
    }
    let mut next = last + 1;
    let comma = g.is_punct(next, ',');
    if comma {
        next += 1;
    } else if !g.spaced(last) {
        return None;
    }
    let (mut next, initials) = match g.initials(next, false) {
        Some(found) => found,
        None => cell_initials(g, next, end)?,
    };
    while in_cell(next) && g.is_lower(next) && g.has(next, class::PARTICLE) {
        next += 1;
    }
    if in_cell(next) {
        return None;
    }
    Some(NameParse {
        start: toks[k].start,
        end: toks[next - 1].end,
        next,
        form: Form::Reversed,
        given: None,
        initials: Some(initials),
        // The surname key leaves the particles out (`rijswijk`).
        surname: Some(
            (k..=last)
                .map(|j| g.folded(j))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    })
}

/// One to three capital letters without dots at token `k` that end their cell (`T`, `P J`):
/// unlike [`Grammar::undotted_initials`], no surname follows them.
fn cell_initials(g: &Grammar, k: usize, end: usize) -> Option<(usize, String)> {
    let toks = g.tokens();
    let mut j = k;
    let mut letters = String::new();
    while j < k + 3 && toks.get(j).is_some_and(|t| t.start < end) && g.is_capital_letter(j) {
        letters.push_str(g.folded(j));
        j += 1;
    }
    (!letters.is_empty()).then_some((j, letters))
}

/// A register's name in capitals (`DE WIT J`, `MARTINA P M`, `VAN DEN BERG-ROOS B`, `OKTOBER, R.`): words in
/// capitals, then one to four initials up to the end of the cell, a `/` (`YILMAZ E /
/// YILMAZ-KOCAK A`) or a remark in brackets; or the initials first, as banks write an
/// account's holder (`J P M JANSSEN`, `D KROEZE (Kroeze Coaching)`).
fn upper_register_name(g: &Grammar, k: usize, end: usize) -> Option<NameParse> {
    let toks = g.tokens();
    let in_cell = |j: usize| toks.get(j).is_some_and(|t| t.start < end);
    let closes = |j: usize| !in_cell(j) || g.is_punct(j, '/') || g.is_punct(j, '(');
    // Initials first: single capitals, then the surname in capitals to the end of the cell.
    let mut j = k;
    let mut initials = String::new();
    while in_cell(j) && g.is_capital_letter(j) && g.spaced(j) && initials.len() < 4 {
        initials.push_str(g.folded(j));
        j += 1;
    }
    if !initials.is_empty() {
        let first_word = j;
        while in_cell(j) && g.has(j, shape::UPPER) {
            j += 1;
            if g.is_punct(j, '-') && g.glued(j - 1) && g.glued(j) {
                j += 1;
            }
        }
        let words: Vec<usize> = (first_word..j).filter(|&w| g.word(w).is_some()).collect();
        // A surname with a vowel, no organisation's word (`J P M JANSSEN`, not `B V AKZO`).
        let surname = words.iter().any(|&w| {
            !g.has(w, class::PARTICLE) && g.folded(w).contains(['a', 'e', 'i', 'o', 'u', 'y'])
        }) && !words.iter().any(|&w| g.has(w, class::ORG));
        return (surname && closes(j)).then(|| NameParse {
            start: toks[k].start,
            end: toks[j - 1].end,
            next: j,
            form: Form::Initials,
            given: None,
            initials: Some(initials),
            surname: Some(g.key_of(&words)),
        });
    }
    let mut j = k;
    let mut surname = None;
    while in_cell(j) {
        if g.has(j, shape::UPPER) {
            surname = Some(j);
            j += 1;
        } else if j > k && g.is_punct(j, '-') && g.glued(j - 1) && g.glued(j) {
            j += 1;
            // `TJON-A-FONG`: one capital letter between hyphens is part of the surname.
            if g.is_capital_letter(j) && g.is_punct(j + 1, '-') && g.glued(j) {
                j += 1;
            }
        } else {
            break;
        }
    }
    let surname = surname?;
    // `OKTOBER, R.`: a comma may stand between the surname and the initials.
    if g.is_punct(j, ',') {
        j += 1;
    }
    let first_initial = j;
    let mut initials = String::new();
    while in_cell(j) && (g.is_capital_letter(j) || (j > first_initial && g.is_punct(j, '.'))) {
        if let Some(w) = g.word(j) {
            initials.push_str(&w.to_lowercase());
        }
        j += 1;
    }
    // `BRUIN-VOS, T. DE`: the particles come last.
    while in_cell(j) && j > first_initial && g.has(j, class::PARTICLE) && g.has(j, shape::UPPER) {
        j += 1;
    }
    (closes(j) && (1..=4).contains(&initials.len())).then(|| NameParse {
        start: toks[k].start,
        end: toks[j - 1].end,
        next: j,
        form: Form::Reversed,
        given: None,
        initials: Some(initials),
        surname: Some(g.folded(surname).to_string()),
    })
}

/// A capitalised word that fills its cell of a person column (`Mei`, `AHMADZAI` under
/// `achternaam`): a name, even where it is also a word.
fn whole_cell_word(g: &Grammar, k: usize, first: usize, end: usize) -> Option<NameParse> {
    let toks = g.tokens();
    let alone = (first..toks.len())
        .take_while(|&j| toks[j].start < end)
        .all(|j| j == k || (g.is_lower(j) && g.has(j, class::PARTICLE)));
    (alone && g.has(k, shape::CAP | shape::UPPER)).then(|| super::one_word(g, k, false))
}

/// The text from token `k` on.
fn text_at<'a>(g: &'a Grammar, k: usize) -> &'a str {
    &g.text()[g.tokens()[k].start..]
}

#[cfg(test)]
mod tests {
    use super::super::super::token::tokenize;
    use super::super::lines;
    use super::*;

    fn people(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let mut out = Vec::new();
        tables(&g, text, &lines(&g), &mut out);
        out.iter()
            .map(|m| text[m.parse.start..m.parse.end].to_string())
            .collect()
    }

    #[test]
    fn people_in_person_columns() {
        let aligned = "nr  actie                         wie                    wanneer\n\
                       1   weekendafsluitingen afstemmen Hiemstra               13-12-2024\n\
                       2   voorstel schoolroute          Aalbers/Kuipers/Mulder 06-12-2024\n";
        assert_eq!(
            people(aligned),
            ["Hiemstra", "Aalbers", "Kuipers", "Mulder"]
        );
        let export = "meldnr;datum;naam melder;behandelaar\nM1;08-01-2024;Hofman, G.;NKR\n";
        assert_eq!(people(export), ["Hofman, G.", "NKR"]);
        let export = "nr;naam;woonplaats\n3;JAGESSAR P;Utrecht\n4;GGD GELDERLAND;Arnhem\n";
        assert_eq!(people(export), ["JAGESSAR P"]);
        // A case system's user names in lower case; not an abbreviation or a word.
        let log = "ID | Mdw. | Klant\nC-1 | ramdin | dhr. X\nC-2 | van loon | -\n\
                   C-3 | comm | -\nC-4 | balie | -\n";
        assert_eq!(people(log), ["ramdin", "van loon"]);
        // A column of register names under a label that says nothing (`keurm`); not one of
        // codes that look like them (`NL A`), nor a single such name.
        let readings = "kenteken|stand |erk  |keurm      |bron\n\
                        GZ418N  |87359 |48213|WINTER J   |APK\n\
                        J306RB  |92117 |19985|           |ONDERH\n\
                        X448LD  |91005 |19985|DE BRUIJN R|APK\n";
        assert_eq!(people(readings), ["WINTER J", "DE BRUIJN R"]);
        let codes = "code|land|keurm\nNL A|NL|BOS P\nNL B|NL|\nBE C|BE|\n";
        assert!(people(codes).is_empty());
        // Two labels for one column; a remark in brackets after a name.
        let planning = "datum       locatie           bruidspaar / partners      bedrag\n\
                        13-04-2024  Oude Raadhuis     Ouattara / de Graaf        95\n\
                        25-05-2024  Watermolen        El Khattabi / Sanchez      95\n";
        assert_eq!(
            people(planning),
            ["Ouattara", "de Graaf", "El Khattabi", "Sanchez"]
        );
        let inventory = "nr | datum | afzender / opsteller\n13 | 26-06 | F. Kuipers (Rondkomen)\n\
                         14 | 27-06 | G. de Wit (Koorevaar)\n";
        assert_eq!(people(inventory), ["F. Kuipers", "G. de Wit", "Koorevaar"]);
        let search = "zaak;overledene;datum;gezochte persoon;relatie\n\
                      LB-17;Baars, H.J.;05-02-2024;Isenia, Ruthmila;vriendin\n";
        assert_eq!(people(search), ["Baars, H.J.", "Isenia, Ruthmila"]);
        // A roster: surnames before initials without dots, after a comma or not.
        let roster = "pers.nr\tnaam\tfunctie\n10990\tLodewijks T\tplanner\n\
                      11004\tMendes Tavares, D\tmachinist\n10233\tOsei, K\tsjorder\n";
        assert_eq!(
            people(roster),
            ["Lodewijks T", "Mendes Tavares, D", "Osei, K"]
        );
        // An English export: the surname in capitals before the given names, and a column
        // of surnames alone.
        let payroll = "No\tName\tPosition\n1\tOKOTH Jared Omondi\tDirector\n2\tGGD Haaglanden\tpartner\n\n\
                       No\tSurname\tGiven name\n1\tNAMUBIRU\tSarah\n";
        assert_eq!(
            people(payroll),
            ["OKOTH", "Jared Omondi", "NAMUBIRU", "Sarah"]
        );
        // Initials in a column of their own; a row that lacks its last cells still counts.
        let sheet = "Naam\tVoorletters\tBSN\tIBAN\tUren\tUitbetaald\n\
                     Houben\tM.J.\t744870926\tNL02KNAB3878471343\t62\t15-12-2023\n\
                     Van Kessel\tA.G.M.\t(uren aannemer, niet meegeteld)\n";
        assert_eq!(people(sheet), ["Houben", "M.J.", "Van Kessel", "A.G.M."]);
        // A register in capitals: the surname before its comma, then the first names.
        let register = "NAAM                       GEB.DATUM    DOCUMENT\n\
                        NOWAK, KAMIL               17-11-2000   PL PASPOORT\n\
                        GEORGIEV, DIMITAR ANGELOV  12-03-1990   BG ID\n";
        assert_eq!(
            people(register),
            ["NOWAK, KAMIL", "GEORGIEV, DIMITAR ANGELOV"]
        );
        let parents = "nr  dossier   ouder(s)                   woonplaats\n\
                       1   2021-HT   AMRANI-BAKKALI S           Zaandam\n\
                       2   2020-HT   DE WIT J                   Almelo\n";
        assert_eq!(people(parents), ["AMRANI-BAKKALI S", "DE WIT J"]);
        let parents = "nr;ouder(s);status\n3;YILMAZ E / YILMAZ-KOCAK A;loopt\n5;MARTINA P M;af\n6;GGD IJSSELLAND;af\n";
        assert_eq!(
            people(parents),
            ["YILMAZ E", "YILMAZ-KOCAK A", "MARTINA P M"]
        );
        // Month words and compounds as a register's surnames, with a comma and particles.
        let clients = "nr;naam client;status\n1;OKTOBER, R.;af\n2;TJON-A-FONG, J.;af\n\
                       3;BRUIN-VOS, T. DE;af\n";
        assert_eq!(
            people(clients),
            ["OKTOBER, R.", "TJON-A-FONG, J.", "BRUIN-VOS, T. DE"]
        );
        let sms = "datum;richting;nummer;contact;tekst\n1-1;IN;0612;Erwin Lubbers SBO;Hoi\n";
        assert_eq!(people(sms), ["Erwin Lubbers"]);
        let mixed = "nr;actie;wie\n5;kostendeling;gemeente Kampen (CH)\n6;x;BioEnergie\n";
        assert!(people(mixed).is_empty());
        let pipes = "| nr | actie | wie |\n|---|---|---|\n| 14 | planning | Kroeze |\n";
        assert_eq!(people(pipes), ["Kroeze"]);
        let roster = "Locatie\tDienst\tNaam\tFunctie\nDe Kolk\tD\tBos, Kevin\tBV\nDe Kolk\tN\tGEBREMEDHIN, Tesfay\tTL\nDe Kolk\tA\tÇelik, Jale\tBV\n";
        assert_eq!(
            people(roster),
            ["Bos, Kevin", "GEBREMEDHIN, Tesfay", "Çelik, Jale"]
        );
        let roster = "Locatie\tDatum\tDienst\tTijd\tNaam\tFunctie\tND-pasnr\tMobiel (dienst)\nDe Kolk\tma 18-11\tD\t07:00-15:00\tBos, Kevin\tBV\tND-2219-83741\t06-10 00 44 01\n";
        assert_eq!(people(roster), ["Bos, Kevin"]);
        let status =
            "kamer;naam;status\nB-107;Rijswijk A. van;ziekenhuis\nC-206;Maandag G.;thuis\n";
        assert_eq!(people(status), ["Rijswijk A. van", "Maandag G."]);
        let register = "nr;achternaam;voornaam\n003;bin Salem;Yusuf\n006;Mei;Sanne\n";
        assert_eq!(people(register), ["bin Salem", "Yusuf", "Mei", "Sanne"]);
        let register = "Nr;Reg.nr;Achternaam;Voornaam\n001;KBL-7;AHMADZAI;Mohammad Nasir\n";
        assert_eq!(people(register), ["AHMADZAI", "Mohammad Nasir"]);
        let payments =
            "nr;naam rekeninghouder;IBAN\n1;H ten Boer;NL00\n2;PJM BOS;NL00\n3;J KAMP;-\n";
        assert_eq!(people(payments), ["H ten Boer", "PJM BOS", "J KAMP"]);
        let firms =
            "nr\trelatienr\tnaam ondernemer\tKvK\n7\t3000918455\tDoornbosch, April\t80214573\n";
        assert_eq!(people(firms), ["Doornbosch, April"]);
        // Patients by their initials under an abbreviated label.
        let rides = "Ritnr       Gemeente  Pat.      Geb.datum\n\
                     2507210633  Beek      J.P.K.    04-05-1944\n";
        assert_eq!(people(rides), ["J.P.K."]);
        // An alarm log's operators by their user names in capitals; not the system.
        let log = "Tijd      Code  Omschrijving              Operator   Actie\n\
                   23:47:52  LB    Lijnfout oostgevel        KYEBOAH    geen actie\n\
                   23:50:00  OK    Herstel                   SYSTEEM    -\n";
        assert_eq!(people(log), ["KYEBOAH"]);
        // A roster's sections under headings in capitals.
        let roster = "NAAM                     FUNCTIE     ma6  di7\nSEH-ARTSEN\n\
                      Van Acker, L.            SEH-arts    D    D\nVERPLEEGKUNDIGEN\n\
                      MARTIS, APRIL            SEH-vpk     D    /\n\
                      de Kraker, Lotte         SEH-vpk     A    A\n";
        assert_eq!(
            people(roster),
            ["Van Acker, L.", "MARTIS, APRIL", "de Kraker, Lotte"]
        );
    }

    #[test]
    fn other_columns_and_tables_are_left() {
        let t = "datum;bedrag;omschrijving\n01-01-2024;12,00;Jansen Transport\n";
        assert!(people(t).is_empty());
        let t = "datum;naam bedrijf;bedrag\n01-01-2024;Jansen;12,00\n";
        assert!(people(t).is_empty());
        // A postcode and its place in a person's column are the address.
        let t = "nr;budgethouder;datum\n1;4002 HG  WAALDERVEEN;01-01-2024\n2;KAYA M;02-01-2024\n";
        assert_eq!(people(t), ["KAYA M"]);
    }
}
