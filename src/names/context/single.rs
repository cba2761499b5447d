//! A single word that is a name where its place in the text says a person is meant
//! ([`crate::names::person`]): `Kloosterman van De Stentor belde`, `Ja, Lamberts.`,
//! `Journalist (Merel) belde`, `Mr Post`. A known first name or surname (the gazetteer)
//! needs any such context; a word no list knows needs one that only a person has (a
//! speaker's colon, being addressed, signing off), since organisations act and speak too
//! (`Rijkswaterstaat meldt`).

use super::{mention, one_word};
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NameParse, shape};
use crate::names::lexicon::class;
use crate::names::person;

/// Classes of words that are something else than a name too.
const OTHER_THAN_A_NAME: u16 = class::PLACE
    | class::ORG
    | class::NOT_NAME
    | class::FUNCTION
    | class::OFFICE
    | class::TITLE
    | class::ROLE
    | class::PARTICLE
    | class::INTRODUCER
    | shape::ORG_COMPOUND;

/// Contexts only a person has, for words no list knows.
const PERSON_ONLY: &[&str] = &[
    person::ADDRESSED,
    person::SIGN_OFF,
    person::SIGNS_A_MESSAGE,
    person::CONTACT_IN_BRACKETS,
    person::RELATIVE,
    person::LISTED_AFTER_PEOPLE,
];

/// Contexts that make a known name a person even where it is a word too (`Frank
/// (hydroloog)`, `Maarten van de GGD belde`): a thing has no function and no employer.
const A_KNOWN_NAMES_PERSON: &[&str] = &[person::WORKS_AT, person::FUNCTION_IN_BRACKETS];

/// The evidence of a first name that is a word too, capitalised inside a sentence.
const CAPITALISED_FIRST_NAME: &str = "a first name capitalised inside a sentence";

/// Full names written in lower case, as web forms, notes and text messages do (`mehmet
/// aydin`, `arjan kuipers`, `jeroen bakker`): a first name that is no word, then a surname,
/// with any particles. The surname is one the gazetteer knows, or no word.
pub(super) fn lower_case_full_names(g: &Grammar, out: &mut Vec<Mention>) {
    use crate::names::lexicon::{GAZETTEER, is_compound_word, is_dutch_word};
    const NOT_A_FIRST_NAME: u16 = OTHER_THAN_A_NAME | class::WORD;
    let word = |f: &str| is_dutch_word(f) || is_compound_word(f);
    // Glued to a dot, an `@`, a hyphen or an underscore: part of an address or an account.
    let joiner = |k: usize| ['.', '@', '-', '_'].iter().any(|&c| g.is_punct(k, c));
    let joined =
        |k: usize| (k > 0 && g.glued(k - 1) && joiner(k - 1)) || (g.glued(k) && joiner(k + 1));
    for i in 0..g.tokens().len() {
        if !g.is_lower(i) || !g.spaced(i) {
            continue;
        }
        // The checks the grammar holds already first, the word lists last.
        let given = g.folded(i);
        if given.chars().count() < 3
            || g.has(i, NOT_A_FIRST_NAME)
            || joined(i)
            || !GAZETTEER.is(given, class::FIRST_NAME)
            || word(given)
        {
            continue;
        }
        let particles = g.tussen(i + 1);
        let s = i + 1 + particles;
        if particles > 0 && !g.spaced(s - 1) {
            continue;
        }
        if !g.is_lower(s) || joined(s) {
            continue;
        }
        let surname = g.folded(s);
        let known = GAZETTEER.is(surname, class::SURNAME);
        if surname.chars().count() < 3
            || g.has(s, OTHER_THAN_A_NAME & !class::PARTICLE)
            || (!known && (word(surname) || GAZETTEER.is(surname, class::FIRST_NAME)))
        {
            continue;
        }
        let key: Vec<&str> = (i + 1..=s).filter_map(|k| g.word(k)).collect();
        let parse = NameParse {
            start: g.tokens()[i].start,
            end: g.tokens()[s].end,
            next: s + 1,
            form: Form::Full,
            given: Some(given.to_string()),
            initials: None,
            surname: Some(crate::names::lexicon::surname_key_of(&key.join(" "))),
        };
        out.push(mention(
            parse,
            "name.lower-case",
            "a full name written in lower case",
        ));
    }
}

/// First names written in lower case where a message greets or is signed (`beste koen,`,
/// `hoi lammert,`, `mvg frits`): a first name that is no word, after a greeting and before
/// a comma or the line's end, or after a closing word at the line's end.
pub(super) fn lower_case_greetings(g: &Grammar, out: &mut Vec<Mention>) {
    use crate::names::lexicon::{GAZETTEER, GREETINGS, is_compound_word, is_dutch_word};
    const SIGN_OFFS: &[&str] = &["groet", "groeten", "groetjes", "gr", "grt", "mvg", "vg"];
    for i in 1..g.tokens().len() {
        if !g.is_lower(i) || !g.spaced(i - 1) {
            continue;
        }
        let greeted =
            g.word_in(i - 1, GREETINGS) && (g.is_punct(i + 1, ',') || g.is_line_end(i + 1));
        let signed = g.word_in(i - 1, SIGN_OFFS)
            && (g.is_line_end(i + 1) || g.is_punct(i + 1, '.') && g.is_line_end(i + 2));
        if !(greeted || signed) {
            continue;
        }
        let given = g.folded(i);
        if given.chars().count() >= 3
            && !g.has(i, OTHER_THAN_A_NAME | class::WORD)
            && GAZETTEER.is(given, class::FIRST_NAME)
            && !is_dutch_word(given)
            && !is_compound_word(given)
        {
            let (rule, evidence) = if greeted {
                (
                    "name.greeting",
                    "a first name in lower case after a greeting",
                )
            } else {
                (
                    "name.signature",
                    "a first name in lower case after a closing",
                )
            };
            out.push(mention(super::one_word(g, i, true), rule, evidence));
        }
    }
}

/// Finds single-word names by their place in the text of `g`.
pub(super) fn single_words(g: &Grammar, out: &mut Vec<Mention>) {
    // Words inside a name another rule read (`Sam, M. (Mehmet)`) are that name's.
    let named =
        crate::spans::Spans::new(out.iter().map(|m| (m.parse.start, m.parse.end)).collect());
    for i in 0..g.tokens().len() {
        if !g.is_cap(i)
            || g.has(i, OTHER_THAN_A_NAME)
            || g.str(i).chars().count() < 3
            || crate::names::lists::listed_beside_a_place(g, i)
        {
            continue;
        }
        // Part of a longer name, which the grammar reads whole.
        // `in`, `op`, `aan` and `bij` are particles only before another (`in 't Veld`, `op
        // den Akker`): before a capital they are prepositions (`Peeters in Someren`).
        let preposition =
            g.word_in(i + 1, &["in", "op", "aan", "bij"]) && !g.has(i + 2, class::PARTICLE);
        let particle_then_name = g.has(i + 1, class::PARTICLE)
            && !preposition
            && (i + 2..i + 4).any(|k| g.is_cap(k) && !g.has(k, class::PARTICLE));
        // A kind of business after a family's name is not the rest of a name
        // (`Maatschap Peeters Boomkwekerij`).
        let business_after =
            g.word(i + 1).is_some() && crate::names::orgs::ends_in_kind(g.folded(i + 1));
        // A word capitalised only because it opens the sentence starts no name with this one
        // (`Neem Fatima mee`, `Ja Gerda is oké`, `Meisje Sophie (9)`).
        let cap_before = i > 0 && g.is_cap(i - 1) && !sentence_opening_word(g, i - 1);
        let longer = (g.spaced(i) && ((g.is_cap(i + 1) && !business_after) || particle_then_name))
            || (i > 0
                && g.spaced(i - 1)
                && ((cap_before
                    && !g.word_in(i - 1, crate::names::orgs::FAMILY_HEADS)
                    && !g.word_in(i - 1, crate::names::person::PARCELS))
                    || g.initials(i.saturating_sub(2), false).is_some()));
        // The second half of a double surname (`Van Esch-Teunissen`) is read with its first.
        if i >= 2 && g.is_punct(i - 1, '-') && g.glued(i - 1) && g.glued(i - 2) && g.is_cap(i - 2) {
            continue;
        }
        if let Some(p) = double_first_name(g, i).filter(|_| !longer)
            && !named.overlaps(p.start, p.end)
        {
            out.push(mention(
                p,
                "name.context",
                "a double first name standing alone",
            ));
            continue;
        }
        let known = g.has(i, class::FIRST_NAME | class::SURNAME);
        let word = g.has(i, class::WORD);
        // A first name that is no word (`Maarten`, `Hendrikje`; `Youssef`, a surname too, is
        // a name either way) is a person wherever it stands capitalised on its own: `Olaf
        // zegt`, `vader van Sem`, `(Gert)`. Before `van de GGD` it is still alone: an acronym
        // is no surname. The end of a hyphenated compound (`Mazar-i-Sharif`) is not alone.
        let particle_then_acronym = g.has(i + 1, class::PARTICLE)
            && (i + 2..i + 4).any(|k| g.has(k, shape::UPPER) || g.has(k, class::ORG));
        let compound_end = i > 0 && g.is_punct(i - 1, '-') && g.glued(i - 1);
        // The first half of a double surname (`Yılmaz-Koç`) is read with its second.
        let compound_start =
            g.glued(i) && g.is_punct(i + 1, '-') && g.glued(i + 1) && g.is_cap(i + 2);
        if g.has(i, class::FIRST_NAME)
            && !g.has(i, class::WORD)
            && !compound_end
            && !compound_start
            && (!longer || particle_then_acronym)
            && !(cap_before && g.spaced(i - 1))
            && !g.is_capital_letter(i + 1)
            && !named.overlaps(g.tokens()[i].start, g.tokens()[i].end)
        {
            out.push(mention(
                one_word(g, i, true),
                "name.context",
                "a first name standing alone",
            ));
            continue;
        }
        if longer && !particle_then_acronym {
            continue;
        }
        // Words no list knows: compounds of words (`Registratienummer:`) and abbreviations
        // with inner capitals (`PvdD`) are no names.
        let unknown_word = !known
            && (word
                || g.str(i).chars().skip(1).any(char::is_uppercase)
                || crate::names::lexicon::is_compound_word(g.folded(i)));
        // After `Maatschap` or `fam.` a compound is a family name too (`Maatschap Wolbrink`).
        if unknown_word && !person::family_name(g, i) {
            continue;
        }
        // A known name that is also a word (`Post`, `Roos`) only where it is capitalised
        // as a name is, or in a context that only a person has.
        let first_name_word = g.has(i, class::FIRST_NAME) && !g.has(i, class::SURNAME);
        // A first name that is also a word (`Frank`, `Ria`), capitalised inside a sentence
        // where a word would not be (`ik vraag het Frank`): the capital makes it a name, a
        // surname too or not.
        let capitalised_first_name =
            word && g.has(i, class::FIRST_NAME) && person::capitalised_as_a_name(g, i);
        let Some(evidence) = person::context(g, i, i + 1, !word)
            .or(capitalised_first_name.then_some(CAPITALISED_FIRST_NAME))
            .or(surname_in_a_sentence(g, i).then_some(SURNAME_IN_A_SENTENCE))
        else {
            continue;
        };
        let person_only = PERSON_ONLY.contains(&evidence);
        // A first name that is also a rare word (`Maarten`, `Koen`, `Wim`) is read as
        // the name in any person's context; so is a known name with a function or employer.
        let allowed = if word {
            person_only
                || person::capitalised_as_a_name(g, i)
                || first_name_word
                // Not a noun after its article (`het Bos van Staatsbosbeheer`).
                || (known
                    && A_KNOWN_NAMES_PERSON.contains(&evidence)
                    && !person::after_determiner(g, i))
        } else {
            known || person_only
        };
        if !allowed {
            continue;
        }
        let given = g.has(i, class::FIRST_NAME) && !g.has(i, class::SURNAME);
        let mut p = one_word(g, i, given);
        if evidence == person::ADDRESSED {
            p = first_name_after_mention(g, p);
        }
        out.push(mention(p, "name.context", evidence));
    }
    double_surnames(g, out);
}

/// `@Dool, Marieke`: a chat's mention of a display name written surname first takes the
/// first name after the comma with it.
fn first_name_after_mention(g: &Grammar, p: NameParse) -> NameParse {
    let first = p.next + 1;
    let start = g.tokens().partition_point(|t| t.start < p.start);
    let at_mention = start > 0 && g.is_punct(start - 1, '@');
    if !(at_mention
        && g.is_punct(p.next, ',')
        && g.spaced(p.next)
        && g.is_cap(first)
        && g.has(first, class::FIRST_NAME))
    {
        return p;
    }
    NameParse {
        end: g.tokens()[first].end,
        next: first + 1,
        form: Form::Reversed,
        given: Some(g.folded(first).to_string()),
        ..p
    }
}

/// Whether word `k` opens a sentence as an ordinary word, capitalised only by its place
/// (`Neem`, `Ja`, `Volgens`): no name the lists know.
fn sentence_opening_word(g: &Grammar, k: usize) -> bool {
    person::sentence_start(g, k)
        && !g.has(
            k,
            class::FIRST_NAME | class::SURNAME | class::PLACE | class::ORG,
        )
        && (g.has(k, class::WORD | class::NOT_NAME)
            || crate::names::lexicon::is_dutch_word(g.folded(k)))
}

/// `Kok-Verhoeven, teamleider`: a double surname alone, in a person's context, read as one
/// name. Both halves are names no list calls a place or an organisation.
fn double_surnames(g: &Grammar, out: &mut Vec<Mention>) {
    for i in 0..g.tokens().len().saturating_sub(2) {
        // `Tjon-A-Fong`: a single capital letter between the two halves, a shape of names
        // only.
        let lettered = g.is_capital_letter(i + 2)
            && g.glued(i + 2)
            && g.is_punct(i + 3, '-')
            && g.glued(i + 3);
        let second = if lettered { i + 4 } else { i + 2 };
        let joined = g.is_punct(i + 1, '-') && g.glued(i) && g.glued(i + 1);
        if !joined
            || !g.is_cap(i)
            || !g.is_cap(second)
            || (i > 0 && !g.spaced(i - 1))
            || g.is_punct(second + 1, '-') && g.glued(second)
            || !lettered && !g.has(i, class::SURNAME) && !g.has(second, class::SURNAME)
            || [i, second]
                .iter()
                .any(|&k| g.has(k, OTHER_THAN_A_NAME & !class::PARTICLE))
            || (i > 0 && g.spaced(i - 1) && (g.is_cap(i - 1) || g.has(i - 1, class::PARTICLE)))
        {
            continue;
        }
        let Some(evidence) = person::context(g, i, second + 1, false) else {
            continue;
        };
        let mut p = one_word(g, i, false);
        p.end = g.tokens()[second].end;
        p.next = second + 1;
        p.surname = Some(crate::fold::fold(&g.text()[p.start..p.end]));
        out.push(mention(p, "name.context", evidence));
    }
}

/// The evidence of a surname that is nothing else, inside a sentence.
const SURNAME_IN_A_SENTENCE: &str = "a surname inside a sentence";

/// `Pinas en Bouzid vaste kern`, `volgens de facilitair man Hendrikx`: a word the lists know
/// only as a surname (no word, place, organisation or first name), capitalised after a
/// lower-case word inside a sentence, is a person. Not after a preposition of place (`bij
/// Heijmans`), where firms named after families stand, nor after an article (`geen Janssen
/// meer`: a product), a particle (the rest of a longer name) or `lid` (`het lid Kamminga`).
fn surname_in_a_sentence(g: &Grammar, i: usize) -> bool {
    const PLACE_PREPOSITIONS: &[&str] = &[
        "in", "te", "uit", "naar", "bij", "via", "richting", "nabij", "op", "aan", "van", "voor",
    ];
    i > 0
        && g.has(i, class::SURNAME)
        && !g.has(i, class::FIRST_NAME | class::WORD | OTHER_THAN_A_NAME)
        && !crate::names::lexicon::is_dutch_word(g.folded(i))
        && g.spaced(i - 1)
        && (g.is_lower(i - 1) || (i > 1 && g.is_punct(i - 1, ',') && g.is_lower(i - 2)))
        && !g.word_in(i - 1, PLACE_PREPOSITIONS)
        && !g.word_in(i - 1, crate::names::lexicon::MEMBER_WORDS)
        && !g.has(i - 1, class::PARTICLE)
        && !person::after_determiner(g, i)
        && !(g.spaced(i) && g.is_cap(i + 1))
        && !g.is_punct(i + 1, '-')
}

/// `Dirk-Jan`, `Jan-Willem` alone: two first names joined by a hyphen are a first name,
/// whatever the parts are besides (`Jan` is a word too); a capitalised word after it makes it
/// the start of a longer name (`Jan-Willem van der Meer`), read elsewhere.
fn double_first_name(g: &Grammar, i: usize) -> Option<crate::names::grammar::NameParse> {
    let second = i + 2;
    let joined = g.is_punct(i + 1, '-') && g.glued(i) && g.glued(i + 1);
    let both = g.has(i, class::FIRST_NAME) && g.is_cap(second) && g.has(second, class::FIRST_NAME);
    let longer = g.spaced(second)
        && (g.is_cap(second + 1)
            || g.has(second + 1, class::PARTICLE)
            || g.is_capital_letter(second + 1));
    if !(joined && both) || longer || g.is_punct(second + 1, '-') {
        return None;
    }
    let mut p = one_word(g, i, true);
    p.end = g.tokens()[second].end;
    p.next = second + 1;
    p.given = Some(crate::fold::fold(&g.text()[p.start..p.end]));
    Some(p)
}

/// Organisations and movements named with the Arabic article, no family's name.
const ARTICLE_NAMES_OF_THINGS: &[&str] = &[
    "qaeda", "qaida", "shabaab", "shabab", "aqsa", "jazeera", "azhar", "nusra", "arabiya", "quds",
    "ahly", "hilal", "nassr", "andalus",
];

/// `Al-Mansouri`, `el-Khatib`, `Al-Khatib-Haddad`: the Arabic article joined by a hyphen to a
/// capitalised word is a family's name wherever it stands, as no Dutch or English word is
/// written so. The words after it must be nothing else the lists know.
pub(super) fn arabic_article_surnames(g: &Grammar, out: &mut Vec<Mention>) {
    for i in 0..g.tokens().len().saturating_sub(2) {
        let joined = g.glued(i) && g.is_punct(i + 1, '-') && g.glued(i + 1);
        if !joined || !g.word_in(i, &["al", "el"]) || (i > 0 && g.glued(i - 1)) {
            continue;
        }
        // The name, and a second family name joined to it (`Al-Khatib-Haddad`).
        let mut last = i + 2;
        while g.glued(last) && g.is_punct(last + 1, '-') && g.glued(last + 1) && g.is_cap(last + 2)
        {
            last += 2;
        }
        let nothing_else = (i + 2..=last).step_by(2).all(|k| {
            g.is_cap(k)
                && g.word(k).is_some_and(|w| w.chars().count() >= 3)
                && !g.has(k, OTHER_THAN_A_NAME | class::WORD)
                && !g.word_in(k, ARTICLE_NAMES_OF_THINGS)
        });
        if !nothing_else || g.glued(last) && g.is_punct(last + 1, '-') {
            continue;
        }
        let mut p = one_word(g, i, false);
        p.end = g.tokens()[last].end;
        p.next = last + 1;
        p.surname = Some(crate::fold::fold(&g.text()[p.start..p.end]));
        out.push(mention(
            p,
            "name.context",
            "a surname with the Arabic article",
        ));
    }
}

/// A surname alone whose particles are written with a capital (`Is dit dezelfde Van de Laar?`,
/// `bezwaar Van de Laar`) or abbreviated (`bij vd Laar`): inside a clause, capitalised particles
/// open only a surname; `vd` opens nothing else. An article alone (`De Kolk`, `De Telegraaf`)
/// opens names of things too, and after a capitalised word the particles belong to that name
/// (`Hotel Van der Valk`).
pub(super) fn particle_surnames(g: &Grammar, out: &mut Vec<Mention>) {
    const ABBREVIATED: &[&str] = &["vd", "vdr"];
    for i in 0..g.tokens().len() {
        let abbreviated = g.word_in(i, ABBREVIATED) && g.spaced(i);
        let capitalised = g.is_cap(i) && g.has(i, class::PARTICLE);
        if !(abbreviated || capitalised) {
            continue;
        }
        // Inside a clause: after a lower-case word, a number, a comma or an opening bracket.
        let prev = i.checked_sub(1);
        let inside = prev.is_some_and(|prev| {
            g.spaced(prev)
                && (g.is_lower(prev)
                    || g.tokens()[prev].kind == crate::names::token::Kind::Number
                    || g.is_punct(prev, ',')
                    || g.is_punct(prev, '(')
                    || g.is_punct(prev, '/'))
        });
        let after_bracket = prev.is_some_and(|prev| g.is_punct(prev, '(') && g.glued(prev));
        // `het lid Van der Plas`: a member of parliament or council, public by office.
        let member = prev.is_some_and(|prev| g.word_in(prev, crate::names::lexicon::MEMBER_WORDS));
        let article = g.word_in(i, &["de", "den", "het", "der"]);
        // At the start of a clause any word is capitalised, and an article opens names of
        // things too: there only a verb of saying after the name makes it a person's (`De
        // Graaff stemt in`, `Van den Berg licht toe`).
        let opening = !(inside || after_bracket) && crate::names::person::clause_start(g, i);
        if (article && !opening) || !(inside || after_bracket || opening) || member {
            continue;
        }
        let t = g.cap_tussen(i).max(usize::from(abbreviated));
        if t == 0 || !g.is_cap(i + t) || g.has(i + t, OTHER_THAN_A_NAME) {
            continue;
        }
        let Some(mut p) = g.surname_alone(i + t, false) else {
            continue;
        };
        // Not an abbreviation's letters after the article (`De OvV zegt`).
        let letters_only = g.str(i + t).chars().skip(1).all(|c| !c.is_uppercase());
        if opening && !(letters_only && crate::names::person::says(g, p.next - 1)) {
            continue;
        }
        p.start = g.tokens()[i].start;
        // `in Ter Apel`: a place named like a family; `motie Van Gils c.s.`: its submitters,
        // members of the elected body.
        let phrase = crate::fold::fold(&g.text()[p.start..p.end]);
        if crate::names::lexicon::GAZETTEER.is(&phrase, class::PLACE | class::ORG)
            || g.text()[p.end..].trim_start().starts_with("c.s.")
        {
            continue;
        }
        out.push(mention(
            p,
            "name.context",
            "a surname with its particles, standing alone",
        ));
    }
}
