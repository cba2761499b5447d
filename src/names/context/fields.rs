//! Line rules for fields: mail headers, attendee lists, person and name-part fields.

use super::{
    Line, after_titles_and_roles, capitalise, ends_name, field, given_after_comma, is_bullet,
    mention, starts_upper,
};
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NameParse, shape};
use crate::names::lexicon::class;

/// Mail header fields that list people, folded.
pub(super) const HEADER_FIELDS: &[&str] = &[
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
pub(super) const LIST_FIELDS: &[&str] = &[
    "aanwezig",
    "aanwezigen",
    "aanw",
    "afwezig",
    "afw",
    "niet aanwezig",
    "gast",
    "gasten",
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
    "interviewers",
    "respondenten",
    "geinterviewden",
    "sprekers",
    "gesprekspartners",
    "leden",
    // A calendar invitation's attendees (`Verplicht:`, `Optioneel:`).
    "verplicht",
    "optioneel",
    "required",
    "optional",
];

/// The kind of list a field label names: the label itself, or its last word
/// (`Verplichte deelnemers`, `Overige aanwezigen`, `Optional attendees`).
pub(super) fn is_list_field(label: &str) -> bool {
    LIST_FIELDS.contains(&label)
        || label
            .rsplit(' ')
            .next()
            .is_some_and(|head| head != label && LIST_FIELDS.contains(&head))
}

/// Fields followed by one person, folded.
pub(super) const PERSON_FIELDS: &[&str] = &[
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
    // A report's or a claim's people.
    "getuige",
    "getuigen",
    "slachtoffer",
    "verdachte",
    "betrokkene",
    "overledene",
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
    "interviewer",
    "respondent",
    "geinterviewde",
    "ten name van",
    "tenaamstelling",
    "rekeninghouder",
    "begunstigde",
    "organisator",
    "organizer",
    "spreker",
    // A person's family and representatives on a form or in a report.
    "echtgenoot",
    "echtgenote",
    "partner",
    "ouders",
    "vader",
    "moeder",
    "zoon",
    "dochter",
    "gemachtigde",
    "bewindvoerder",
    "curator",
    "mentor",
    "voogd",
    "huurder",
    "bewoner",
    "bewoonster",
    "spouse",
    "father",
    "mother",
    "applicant",
    "tenant",
    "witness",
    "suspect",
];

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FieldKind {
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
pub(super) const NAME_PART_FIELDS: &[(&str, FieldKind)] = &[
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

/// Whether a form field's label (folded) asks for a person's name or part of it
/// (`Melder`, `Naam aanvrager`, `Achternaam`); paraaf and initials fields do not count.
pub(crate) fn is_person_field(label: &str) -> bool {
    matches!(
        field_kind(label),
        Some(FieldKind::Person | FieldKind::Surname | FieldKind::Given)
    )
}

pub(super) fn field_kind(label: &str) -> Option<FieldKind> {
    if let Some(&(_, kind)) = NAME_PART_FIELDS.iter().find(|(l, _)| *l == label) {
        return Some(kind);
    }
    // `Paraaf teamleider:`, `Paraaf DG:`, `Akkoord directeur:`, `Tweede lezer:`.
    let first = label.split(' ').next().unwrap_or_default();
    if ["paraaf", "parafen", "akkoord", "gezien", "akk"].contains(&first) {
        return Some(FieldKind::Initials);
    }
    // `Voornaam contactpersoon`, `Achternaam partner`: a part of the name of whom the
    // words after it say.
    if let Some(&(_, kind)) = NAME_PART_FIELDS
        .iter()
        .find(|(l, k)| *l == first && *k != FieldKind::Person)
    {
        return Some(kind);
    }
    // `Handtekening locatiemanager:`: the signature of whom the words after it say.
    if label.ends_with("lezer") || label.ends_with("lezers") || first == "handtekening" {
        return Some(FieldKind::Person);
    }
    // `Naam contactpersoon`, `Naam ouder/verzorger`: whose name the form asks; not a
    // thing's (`Naam / omschrijving evenement`).
    if label.starts_with("naam ")
        && !["organisatie", "bedrijf", "omschrijving"]
            .iter()
            .any(|w| label.contains(w))
    {
        return Some(FieldKind::Person);
    }
    PERSON_FIELDS.contains(&label).then_some(FieldKind::Person)
}

/// Fields whose label may stand alone on the line above the name (`Contactpersoon`).
pub(super) const LABEL_ABOVE_FIELDS: &[&str] = &[
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

/// The rules of a line that starts with a field label: headers, attendee lists, person
/// fields.
pub(super) fn field_line(
    g: &Grammar,
    lines: &[Line],
    n: usize,
    line: Line,
    out: &mut Vec<Mention>,
) {
    if let Some((label, after)) = field(g, line) {
        let listing = HEADER_FIELDS.contains(&label.as_str()) || is_list_field(&label);
        if listing && after == line.end {
            // `Aanwezig:` above a bulleted list: one person per bullet; above a line that
            // lists them (`Jan-Willem (vz), Pieter (verslag), Roos`): that list.
            let evidence = format!("attendee list `{}:`", capitalise(&label));
            let next = lines.get(n + 1).filter(|l| l.start < l.end);
            if next.is_some_and(|l| !is_bullet(g, l.start) && field(g, *l).is_none()) {
                name_list(
                    g,
                    lines[n + 1].start,
                    &lines[n + 1..],
                    "name.attendees",
                    &evidence,
                    out,
                );
            }
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
        } else if is_list_field(&label) {
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
}

/// The person (or the part of a name the field holds) at token `i`, after optional titles.
pub(super) fn person_at(
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
        FieldKind::Surname => g
            .titled_name(j)
            .or_else(|| g.upper_name(j))
            .or_else(|| field_value(g, j, end, false))
            .map(|p| (p, "name.field")),
        FieldKind::Given => g
            .given_alone(j)
            .or_else(|| g.titled_name(j))
            .or_else(|| g.upper_name(j).filter(|_| g.has(j, shape::UPPER)))
            .or_else(|| field_value(g, j, end, true))
            .map(|p| (p, "name.field")),
        // `ACTIE: RWS (Nowak-de Graaf)`: one word in capitals that the text uses as an
        // organisation (`bij RWS`) is the organisation, not a person.
        FieldKind::Person if g.has(j, shape::UPPER) && !g.is_capital_letter(j) => g
            .upper_name(j)
            .filter(|p| !(p.next == j + 1 && super::transcript::used_as_organisation(g, g.str(j))))
            // `Naam: GEORGIEV, DIMITAR ANGELOV`: the first names after the comma.
            .map(|p| given_after_comma(g, p, g.tokens()[end - 1].end))
            .map(|p| (p, "name.field")),
        FieldKind::Person => if j > i {
            g.titled_name(j)
        } else {
            g.name(j, true).filter(|_| starts_upper(g, j))
        }
        // The field vouches for a name: undotted initials too (`Naam: G H Wassink`).
        .or_else(|| g.forward_in_context(j).filter(|_| starts_upper(g, j)))
        // Initials and a surname in capitals: `G M HOEKSTRA`.
        .or_else(|| g.upper_name(j).filter(|p| p.next > j + 1))
        .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)))
        .map(|p| (p, "name.field"))
        // `Notulist: AV`, `Actie: CL, vóór 1 mei`: initials standing for the person.
        .or_else(|| {
            g.initials_alone(j)
                .filter(|p| ends_name(g, p.next) && p.end - p.start <= 6)
                .map(|p| (p, "name.paraaf"))
        }),
    };
    if let Some((mut p, rule)) = parsed {
        // A surname in capitals after the first names (`Gerrit Hendrik WASSINK`), as forms
        // ask for it, is the rest of the name.
        if kind == FieldKind::Person
            && p.next < end
            && g.spaced(p.next - 1)
            && g.has(p.next, shape::UPPER)
            && let Some(rest) = g.upper_name(p.next).filter(|r| r.next <= end)
        {
            p.end = rest.end;
            p.next = rest.next;
            p.form = Form::Full;
            p.surname = rest.surname;
        }
        let evidence = if rule == "name.paraaf" {
            format!("{evidence} (initials)")
        } else {
            evidence.to_string()
        };
        out.push(mention(p, rule, evidence));
    }
}

/// What fills a form's first-name or surname field, in any case (`Voornaam contactpersoon:
/// mohamed`, `Achternaam: bouzerda`, `Achternaam: de boer`): up to three words, hyphens
/// and apostrophes, to the end of the line. The field says it is the name, even where it is a
/// word too.
fn field_value(g: &Grammar, i: usize, end: usize, given: bool) -> Option<NameParse> {
    let toks = g.tokens();
    let part = |k: usize| g.word(k).is_some() || g.is_punct(k, '-') || g.is_punct(k, '\'');
    let words = (i..end).filter(|&k| g.word(k).is_some()).count();
    if i >= end || !(i..end).all(part) || !(1..=3).contains(&words) || !g.is_lower(i) {
        return None;
    }
    let folded: Vec<&str> = (i..end)
        .filter_map(|k| g.word(k).map(|_| g.folded(k)))
        .collect();
    Some(NameParse {
        start: toks[i].start,
        end: toks[end - 1].end,
        next: end,
        form: if given { Form::Given } else { Form::Surname },
        given: given.then(|| folded.join(" ")),
        initials: None,
        surname: (!given).then(|| folded.last().copied().unwrap_or_default().to_string()),
    })
}

/// The last token of a department code after a display name in a mail header, at `k`
/// (`Graaf, Ron de NAM-UPO/S <…>`, `Kremer, Annet BSK;`): acronyms in capitals joined by
/// dashes and slashes, then the end of the entry. The code is part of the address-book name.
fn department_code_end(g: &Grammar, k: usize) -> Option<usize> {
    let acronym = |j: usize| {
        g.word(j)
            .is_some_and(|w| w.chars().all(|c| c.is_uppercase()) && w.chars().count() <= 6)
    };
    if !(k > 0 && g.spaced(k - 1) && acronym(k)) {
        return None;
    }
    let mut last = k;
    while last < k + 6
        && (g.is_punct(last + 1, '-') || g.is_punct(last + 1, '/'))
        && acronym(last + 2)
        && !g.spaced(last)
    {
        last += 2;
    }
    let entry_ends =
        g.is_line_end(last + 1) || [';', '<', '['].iter().any(|&c| g.is_punct(last + 1, c));
    let letters = (k..=last)
        .filter_map(|j| g.word(j))
        .map(str::len)
        .sum::<usize>();
    (letters >= 2 && entry_ends).then_some(last)
}

/// A list of people after a header or attendee field: `A <a@x.nl>; Vries, J. de (Jan) - DEP`,
/// `dr. J. Smit (DJI), mevrouw De Vries, Piet Jansen`. Continues on the next line when the
/// line ends inside the list (a comma, semicolon or title at the end).
pub(super) fn name_list(
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
            // A function's or office's abbreviation with what it heads (`SG`, `CdK
            // Gelderland`, `DG Agro`) stands for its holder without naming them: the entry
            // up to the next separator.
            let abbreviated_function = g.word(j).is_some_and(|w| {
                w.chars().filter(|c| c.is_uppercase()).count() >= 2 && w.chars().count() <= 4
            }) && g.has(j, class::FUNCTION | class::OFFICE);
            if abbreviated_function {
                i = (j + 1..end)
                    .find(|&k| [',', ';', '(', ')'].iter().any(|&c| g.is_punct(k, c)))
                    .unwrap_or(end);
                continue;
            }
            let titled = j > i;
            let parsed = if titled { g.titled_name(j) } else { None }
                .or_else(|| {
                    g.name(j, true).filter(|p| {
                        p.form != Form::Surname || ends_name(g, p.next) || g.is_punct(p.next, '-')
                    })
                })
                .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)))
                .or_else(|| g.upper_name(j).filter(|p| ends_name(g, p.next)))
                .or_else(|| given_in_lower_case(g, j))
                // `Augustus, Marieke`: a surname that is a word or a month too, before a
                // first name that ends the entry (read whole below).
                .or_else(|| {
                    (g.is_cap(j)
                        && g.is_punct(j + 1, ',')
                        && g.spaced(j + 1)
                        && g.is_cap(j + 2)
                        && g.has(j + 2, class::FIRST_NAME)
                        && !g.has(j + 2, class::NOT_NAME)
                        && ends_name(g, j + 3))
                    .then(|| super::one_word(g, j, false))
                });
            // `Mertens, Claassen, Yıldız,`: in a list going on after it, two surnames are
            // no reversed name unless the second is a first name.
            let parsed = parsed.map(|p| {
                let given = j + 2;
                let list_of_surnames = p.form == Form::Reversed
                    && p.initials.is_none()
                    && g.is_punct(j + 1, ',')
                    && p.next == given + 1
                    && g.is_punct(p.next, ',')
                    && !g.has(given, class::FIRST_NAME);
                if list_of_surnames {
                    super::one_word(g, j, false)
                } else {
                    p
                }
            });
            // A place alone is no attendee (`uit Kessel, Lith, Maren en Alem`); a surname
            // before a first name is (`Steenbergen, Willem`).
            let place = |p: &NameParse| {
                p.next == j + 1
                    && !(g.is_punct(j + 1, ',')
                        && g.is_cap(j + 2)
                        && g.has(j + 2, class::FIRST_NAME))
                    && (crate::names::lists::is_place(g, j)
                        || crate::names::lists::listed_beside_a_place(g, j))
            };
            match parsed {
                Some(p) if !is_mailbox_word(g, j) && !place(&p) => {
                    let mut next = p.next;
                    // `Dijkgraaf, Maarten <…>`: a surname the grammar read alone (a word
                    // or an office too) and the first name after its comma are one entry.
                    // The surname's particles may follow the first name (`Graaf, Ron de`),
                    // and a department code the whole name (`Kremer, Annet NAM-UPO/L`).
                    let given = next + 1;
                    // A hyphenated first name (`Tan, Mei-Ling`), also one that opens with a
                    // month, which no header writes as a date.
                    let given_end = g.given_end(given);
                    let month = g.word_in(given, crate::fold::MONTHS);
                    let mut after = given_end;
                    while g.is_lower(after) && g.has(after, class::PARTICLE) {
                        after += 1;
                    }
                    let code_after = |k: usize| {
                        rule == "name.mail-header" && department_code_end(g, k).is_some()
                    };
                    let reversed_given = p.form == Form::Surname
                        && g.is_punct(next, ',')
                        && g.spaced(next)
                        && g.is_cap(given)
                        // A word the lexicon does not know as a first name is one when
                        // the surname's particles or a department code follow it.
                        && (g.has(given, class::FIRST_NAME)
                            || month
                            || after > given_end
                            || code_after(after))
                        && (ends_name(g, after) || code_after(after))
                        && !g.is_punct(after, ',');
                    // One mention, comma included: the entry names one person.
                    let p = if reversed_given {
                        next = after;
                        NameParse {
                            end: g.tokens()[after - 1].end,
                            next,
                            form: Form::Reversed,
                            given: Some(g.folded(given).to_string()),
                            ..p
                        }
                    } else {
                        p
                    };
                    // `Kremer, Annet NAM-UPO/L <…>`: the department code belongs to the
                    // address-book name; an organisation's tag in brackets (`Wolters, Erik-Jan
                    // (ODRA)`) does not, and stays readable with the organisation.
                    let tag = department_code_end(g, next);
                    let (p, next) = match tag {
                        Some(close) if rule == "name.mail-header" => (
                            NameParse {
                                end: g.tokens()[close].end,
                                next: close + 1,
                                ..p
                            },
                            close + 1,
                        ),
                        _ => (p, next),
                    };
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
                // that happens to be one (`ma, di, do`) nor one read whole (`Kruijf, Sanne
                // de`).
                || (g.is_lower(k) && g.has(k, class::PARTICLE) && k > 0 && g.is_cap(k - 1) && i <= k)
        });
        li += 1;
        if !open || li >= lines.len() {
            break;
        }
        i = lines[li].start;
    }
}

/// A list entry written in lower case, as notes are (`aanw: roy (WI), linda s. (gem Oss)`):
/// a first name that is no word, with a surname's initial or a known surname after it.
fn given_in_lower_case(g: &Grammar, i: usize) -> Option<NameParse> {
    const NOT_A_GIVEN_NAME: u16 = class::WORD
        | class::NOT_NAME
        | class::PARTICLE
        | class::FUNCTION
        | class::PLACE
        | class::ORG
        | class::TITLE;
    // Words in lower case carry only their grammar classes: look the list entry up.
    let classes = |k: usize| {
        let f = g.folded(k);
        let word = if crate::names::lexicon::is_dutch_word(f) {
            class::WORD
        } else {
            0
        };
        crate::names::lexicon::GAZETTEER.classes(f) | word
    };
    if !g.is_lower(i) || classes(i) & class::FIRST_NAME == 0 || classes(i) & NOT_A_GIVEN_NAME != 0 {
        return None;
    }
    let toks = g.tokens();
    let mut end = i + 1;
    let initial = g.spaced(i)
        && g.word(i + 1).is_some_and(|w| w.chars().count() == 1)
        && g.is_punct(i + 2, '.');
    if initial {
        end = i + 3;
    } else if g.spaced(i)
        && g.is_lower(i + 1)
        && classes(i + 1) & class::SURNAME != 0
        && classes(i + 1) & NOT_A_GIVEN_NAME == 0
    {
        end = i + 2;
    }
    if !ends_name(g, end) && !g.is_punct(end, '+') {
        return None;
    }
    Some(NameParse {
        start: toks[i].start,
        end: toks[end - 1].end,
        next: end,
        form: if end == i + 2 {
            Form::Full
        } else {
            Form::Given
        },
        given: Some(g.folded(i).to_string()),
        initials: None,
        surname: (end == i + 2).then(|| g.folded(i + 1).to_string()),
    })
}

/// The local part of an e-mail address is not a name (`jan.smit@…`).
pub(super) fn is_mailbox_word(g: &Grammar, i: usize) -> bool {
    // The local part runs without spaces up to the `@`: an address further on (another
    // item, the next line) says nothing about this word.
    (i..i + 8)
        .take_while(|&k| g.glued(k))
        .any(|k| g.is_punct(k + 1, '@'))
}

/// The token after the next list separator (`;` or `,` outside brackets) at or after `i`.
pub(super) fn skip_to_separator(g: &Grammar, mut i: usize, end: usize) -> usize {
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
