//! Structural evidence: the reversed form, initials with a surname, a known first name with
//! a surname, a name before an e-mail address or followed by a function.

use std::borrow::Cow;

use super::mention;
use crate::fold::fold;
use crate::names::grammar::{Form, Grammar, NameParse};
use crate::names::lexicon::{GAZETTEER, class};
use crate::names::{Mention, Strength};

/// Particles that, in lower case after a name, are far more often the sentence's preposition
/// (`bij Ahmed B. in de Swalmerstraat`, `Sanne K. op kantoor`).
const PREPOSITIONS: &[&str] = &["in", "op", "aan", "bij", "uit", "voor", "over"];

/// Structural evidence at token `i`: the reversed form, initials with a surname, a known
/// first name with a surname, a name before `<e-mail>` or followed by a function.
/// Returns the token after the name if a strong one was parsed.
pub(super) fn structure(
    g: &Grammar,
    gaz: &crate::names::lexicon::Gazetteer,
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
        // `Sherry Z.`, `Maud I.`: a first name with the initial of the surname, as contact
        // logs and notes write a person (not `Jan A. de Vries`, which the grammar reads whole).
        // Chats and lists leave the dot out where the name ends (`[Piotr K] 21:14`, `Mirjam N
        // (HR)`, `met Anna B over`), not before an English verb (`Stoyan I think`).
        if known
            && let Some(p) = g.given_alone(i)
            && g.spaced(p.next - 1)
            && g.is_capital_letter(p.next)
            && let Some(end) = initial_ends_name(g, p.next)
            && (g.column_gap(end - 1)
                || !(g.spaced(end - 1)
                    && (g.is_cap(end)
                        || (g.has(end, class::PARTICLE) && !g.word_in(end, PREPOSITIONS)))))
        {
            let surname = Some(g.folded(p.next).to_string());
            out.push(mention(
                NameParse {
                    end: g.tokens()[end - 1].end,
                    next: end,
                    form: Form::Full,
                    surname,
                    ..p
                },
                "name.known-first-name",
                "known first name with the initial of a surname",
            ));
            return Some(end);
        }
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
    // The name of a register, scheme, document or street: no person, and none inside it
    // either.
    if defines_abbreviation(g, i, next) || names_a_thing(g, i, &p) {
        return Some(next);
    }
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
        || g.month_before_first_name(i)
        || g.month_before_surname(i)
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

/// `Kader Kennisveiligheid`, `Plan Wateroverlast`: a word that is also a first name before a
/// compound of common words names a document or a scheme, not a person. `Karel Doormanpad`,
/// `Anne Frankplein`: a first name before a street's name names the street; and a place is
/// a place.
fn names_a_thing(g: &Grammar, i: usize, p: &NameParse) -> bool {
    // The head of the compound says what it is: a policy, a quality, a plan.
    const DOCUMENT_HEADS: &[&str] = &[
        "heid",
        "schap",
        "isme",
        "iteit",
        "beleid",
        "plan",
        "programma",
        "regeling",
        "aanpak",
        "kader",
        "wet",
        "fonds",
        "agenda",
        "strategie",
        "visie",
        "protocol",
    ];
    let Some(surname) = p.surname.as_deref() else {
        return false;
    };
    let street =
        crate::names::lexicon::is_street_name(surname.rsplit(' ').next().unwrap_or(surname));
    let document = g.has(i, class::WORD)
        && !surname.contains(' ')
        && DOCUMENT_HEADS.iter().any(|h| surname.ends_with(h))
        && !GAZETTEER.is(surname, class::SURNAME)
        && crate::names::lexicon::is_compound_word(surname);
    // `Santiago de Chile`, `Hong Kong`: a place whose first word is a first name.
    let place = GAZETTEER.is(&fold(g.text_of(p)), class::PLACE);
    street || document || place
}

/// Whether the capitals in brackets after the words `[i, next)` abbreviate them
/// (`Basisregistratie Personen (BRP)`, `Tegemoetkoming Vaste Lasten (TVL)`): the name of a
/// register or a scheme, not a person with a department code. Every word's initial is in the
/// code, in order, from its first letter; a known first name opens a person's name
/// (`Pieter Vliet (PV)`).
fn defines_abbreviation(g: &Grammar, i: usize, next: usize) -> bool {
    let Some(code) = g
        .word(next + 1)
        .filter(|_| g.is_punct(next, '(') && g.is_punct(next + 2, ')'))
    else {
        return false;
    };
    let code: Vec<char> = code.chars().flat_map(char::to_lowercase).collect();
    let initials: Vec<char> = (i..next)
        .filter_map(|k| g.word(k).filter(|_| g.is_cap(k)))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let mut rest = code.iter();
    !g.has(i, class::FIRST_NAME)
        && initials.len() >= 2
        && code.first() == initials.first()
        && initials.iter().all(|c| rest.any(|k| k == c))
}

/// `A. Aanleiding` at the start of a line is a numbered heading, not a person.
pub(super) fn is_enumeration(g: &Grammar, i: usize, p: &NameParse) -> bool {
    let line_start = i == 0
        || g.tokens()
            .get(i - 1)
            .is_some_and(|t| t.kind == crate::names::token::Kind::Newline);
    let one_word = p.surname.as_deref().is_some_and(|s| !s.contains(' '));
    let known = p
        .surname
        .as_deref()
        .is_some_and(|s| GAZETTEER.is(s, class::SURNAME));
    // A heading is lettered once (`A.`), and no heading is a month (`A.J.M. Mei`, `J. Mei`).
    let single = p.initials.as_deref().is_some_and(|l| l.len() == 1);
    let heading_word = single
        && p.surname
            .as_deref()
            .is_some_and(|s| GAZETTEER.is(s, class::NOT_NAME) && !crate::fold::MONTHS.contains(&s));
    // `O. Ketens` above `Sluisplein 53` is an addressee, not a heading.
    let address_follows = || {
        let toks = g.tokens();
        (p.next..toks.len())
            .skip_while(|&k| toks[k].kind != crate::names::token::Kind::Newline)
            .skip(1)
            .take_while(|&k| toks[k].kind != crate::names::token::Kind::Newline)
            .any(|k| toks[k].kind == crate::names::token::Kind::Number)
    };
    heading_word
        || (line_start
            && one_word
            && !known
            && p.given.is_none()
            && p.initials.as_deref().is_some_and(|l| l.len() == 1)
            && g.is_line_end(p.next)
            && !address_follows())
}

/// What follows a name that marks it as a person: ` (jurist)`, `, senior beleidsmedewerker`,
/// ` (DGRR/DWJZ)`.
pub(super) fn function_follows(g: &Grammar, next: usize) -> Option<&'static str> {
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

/// The register's reversed form with the surname in capitals (`MUHAMADI, Basheer`,
/// `RIJSWIJK, Dennis van`, `AL-HAKIMI, Abdul Basir`), as manifests, registers and police
/// reports write it: the first names, in ordinary capitalisation, and any particles end the
/// phrase (a line end, punctuation or a column gap follows).
pub(super) fn upper_reversed(g: &Grammar, i: usize) -> Option<NameParse> {
    use crate::names::grammar::shape;
    let toks = g.tokens();
    let plain = |k: usize| {
        g.has(k, shape::UPPER)
            && !g.has(
                k,
                class::ORG | class::NOT_NAME | class::WORD | class::PLACE | class::FUNCTION,
            )
            && !crate::names::lexicon::is_dutch_word(g.folded(k))
    };
    // Acronyms are short or have no vowel (`WJZ, Willemsen`, `OL, Markelo`).
    let surname_like = |k: usize| {
        let folded = g.folded(k);
        plain(k)
            && folded.chars().count() >= 4
            && folded.chars().any(|c| "aeiouy".contains(c))
            && !crate::names::grammar::NAMED_ABBREVIATIONS.contains(&folded)
    };
    // `AL-HAKIMI`, `EL-AMRANI`: an Arabic article or particle joined to the surname.
    let article = g.has(i, shape::UPPER)
        && g.has(i, class::PARTICLE)
        && g.is_punct(i + 1, '-')
        && g.glued(i)
        && g.glued(i + 1)
        && surname_like(i + 2);
    if !(surname_like(i) || article) || (i > 0 && g.glued(i - 1) && !g.is_punct(i - 1, '(')) {
        return None;
    }
    // `AL-HAKIMI`: a hyphenated surname.
    let mut comma = i + 1;
    while g.is_punct(comma, '-') && g.glued(comma - 1) && g.glued(comma) && plain(comma + 1) {
        comma += 2;
    }
    if !(g.is_punct(comma, ',') && g.glued(comma - 1) && g.spaced(comma)) {
        return None;
    }
    let first = comma + 1;
    let mut next = first;
    while g.is_cap(next)
        && !g.has(next, class::NOT_NAME | class::ORG | class::FUNCTION)
        && (next == first || g.spaced(next - 1))
        && next < first + 3
    {
        next += 1;
    }
    // A first name: a known one, or no word or place.
    let word = g.has(first, class::WORD) || crate::names::lexicon::is_dutch_word(g.folded(first));
    let given = g.has(first, class::FIRST_NAME) || !word;
    if next == first || g.has(first, class::PLACE) || !given {
        return None;
    }
    while g.spaced(next - 1) && g.is_lower(next) && g.has(next, class::PARTICLE) {
        next += 1;
    }
    let gap = toks.get(next).is_none_or(|t| {
        t.start >= toks[next - 1].end + 2 || t.kind != crate::names::token::Kind::Word
    });
    gap.then(|| NameParse {
        start: toks[i].start,
        end: toks[next - 1].end,
        next,
        form: Form::Reversed,
        given: Some(g.folded(first).to_string()),
        initials: None,
        surname: Some(fold(&g.text()[toks[i].start..toks[comma - 1].end])),
    })
}

/// The token after the initial at `letter` that ends a name, dotted (`Z.`) or not (`K]`,
/// `N (HR)`, `B over`); `None` when the letter goes on into more of a name or is the
/// English `I`.
fn initial_ends_name(g: &Grammar, letter: usize) -> Option<usize> {
    if g.is_punct(letter + 1, '.') && g.glued(letter) {
        return Some(letter + 2);
    }
    let closes = [']', ')', ',', ':']
        .iter()
        .any(|&c| g.is_punct(letter + 1, c));
    let pronoun = g.str(letter) == "I";
    let ends = g.is_line_end(letter + 1)
        || closes
        // A table's next column (`Esther K      Verplaatst`).
        || g.column_gap(letter)
        || (g.spaced(letter)
            && !pronoun
            && (g.is_lower(letter + 1) || g.is_punct(letter + 1, '(')));
    ends.then_some(letter + 1)
}
