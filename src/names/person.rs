//! The person context: where in a sentence or layout a single word (a surname or a first name
//! standing alone, initials) can only refer to a person.
//!
//! - **speaker**: at the start of a line (after a bullet or a time stamp) and followed by a
//!   colon, as in minutes, transcripts and chats (`Mulder: akkoord`, `OB: …`);
//! - **subject of a verb of saying or acting** at the start of a clause (`Mulder licht toe`,
//!   `IKS opent de vergadering`, `Roos stuurt het rond`);
//! - **addressed**: after a word that addresses someone and before the end of the phrase
//!   (`Top Wouter.`, `Dank Sander`, `@Roos`);
//! - **party to a conversation**: after `met`, `aan`, `van`, `door`, … when a verb of
//!   communication closes the clause (`met Pieter besproken`, `aan Roos gevraagd`);
//! - **approval**: `akkoord JdV`, `gezien, IKS 12/3`.
//!
//! Lists of people (`Mulder en Groen`, `(Bram, Daan, Roos)`) are decided in [`super`], where
//! the other members of the list are known.

use super::grammar::Grammar;
use super::lexicon::{GAZETTEER, class};
use super::token::Kind;

mod words;
use words::*;

/// Evidence: speaker at the start of a line.
pub const SPEAKER: &str = "speaker at the start of a line";
/// Evidence: addressed by name.
pub const ADDRESSED: &str = "addressed by name";
/// Evidence: someone talked or written with (`gebeld met EZ`).
pub const PARTY: &str = "party to a conversation";
/// Evidence: sign-off after an approval.
pub const SIGN_OFF: &str = "sign-off after an approval";
/// Evidence: initials that sign a message.
pub const SIGNS_A_MESSAGE: &str = "initials signing a message at its end";
/// Evidence: initials that say whose note it is.
pub const SIGNS_A_NOTE: &str = "initials signing a note";
/// Evidence: contact person in brackets after an organisation.
pub const CONTACT_IN_BRACKETS: &str = "contact person in brackets after an organisation";
/// Evidence: followed by where the person works.
pub const WORKS_AT: &str = "followed by where the person works";
/// Evidence: followed by a function in brackets.
pub const FUNCTION_IN_BRACKETS: &str = "followed by a function in brackets";
/// Evidence: named as a relative or neighbour, or as the family of a business.
pub const RELATIVE: &str = "named as a relative, a neighbour or a family";

/// Days of the week, which open a sentence as a name does.
pub(crate) const WEEKDAYS: &[&str] = &[
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Why a word at tokens `[first, next)` refers to a person, if its place says so. `weak_verbs`
/// lets auxiliary verbs count (`Hiemstra heeft …`), which only a word that is no common noun
/// can afford.
pub fn context(g: &Grammar, first: usize, next: usize, weak_verbs: bool) -> Option<&'static str> {
    if is_speaker(g, first, next) {
        return Some(SPEAKER);
    }
    if clause_start(g, first) && subject_verb(g, next, weak_verbs) {
        return Some("subject of a verb of saying or acting");
    }
    if addressed(g, first, next) || vocative(g, first, next) {
        return Some(ADDRESSED);
    }
    if party(g, first, next) {
        return Some(PARTY);
    }
    // `Post hier - de bussen staan klaar`, `Jansen hier, van de gemeente`: a caller or
    // writer naming themselves.
    if g.word_in(next, &["hier"])
        && g.spaced(next - 1)
        && clause_start(g, first)
        && (g.is_line_end(next + 1)
            || [',', '-', '.', ':', '!']
                .iter()
                .any(|&c| g.is_punct(next + 1, c))
            || g.word_in(next + 1, &["van", "namens", "vanuit", "bij"]))
    {
        return Some("naming themselves (`… hier`)");
    }
    if first > 0 && word_is(g, prev_word(g, first), APPROVALS) && phrase_ends(g, next) {
        return Some(SIGN_OFF);
    }
    // `… fietsen? Groet Lisa`, `Ik kom. Gr Ellen`: a chat or text message signed at its end.
    if first > 0
        && g.word_in(first - 1, SIGN_OFF_WORDS)
        && g.spaced(first - 1)
        && (g.is_line_end(next)
            || (g.is_punct(next, '.') || g.is_punct(next, '!')) && g.is_line_end(next + 1))
    {
        return Some(SIGN_OFF);
    }
    // `… terug in het ADR-rapport. Frank`, `[… met pers. Wouter]`: a note signed with a
    // name alone after its last sentence, at the end of the line or of the bracketed note.
    // Not a numbered heading (`2. Aansprakelijkheid`).
    let numbered = first >= 2 && g.tokens()[first - 2].kind == crate::names::token::Kind::Number;
    if first > 0
        && ['.', '!', '?'].iter().any(|&c| g.is_punct(first - 1, c))
        && !numbered
        && g.spaced(first - 1)
        && next == first + 1
        && (g.is_line_end(next) || g.is_punct(next, ']'))
        && !g.has(first, class::NOT_NAME)
        && !g.word_in(first, WEEKDAYS)
    {
        return Some(SIGN_OFF);
    }
    if initials_like(g, first) && next == first + 1 && (noted_by(g, first) || ends_a_note(g, first))
    {
        return Some(SIGNS_A_NOTE);
    }
    if first > 0 && g.word_in(first - 1, ASKING) && g.spaced(first - 1) {
        return Some("asked or called");
    }
    if table_cell(g, first, next) {
        return Some("alone in a table cell");
    }
    if contact_in_brackets(g, first, next) {
        return Some(CONTACT_IN_BRACKETS);
    }
    if first > 0
        && g.word_in(first - 1, &["door"])
        && g.spaced(first - 1)
        && initials_like(g, first)
    {
        return Some("initials after `door`");
    }
    if initials_like(g, first) && beside_initials(g, first, next) {
        return Some("initials in a list of initials");
    }
    if initials_like(g, first) && date_follows(g, next) {
        return Some("initials before a date, as a paraaf");
    }
    if first > 1 && g.word_in(first - 1, &["van"]) && g.word_in(first - 2, APPROVALS) {
        return Some("approval of a person");
    }
    if relative(g, first) || family_name(g, first) {
        return Some(RELATIVE);
    }
    if listed_after_people(g, first) {
        return Some(LISTED_AFTER_PEOPLE);
    }
    if beside_a_pronoun(g, first, next) {
        return Some("joined to a personal pronoun");
    }
    if first > 0
        && g.word_in(first - 1, PARCELS)
        && g.spaced(first - 1)
        && !g.has(first, class::WORD | class::PLACE | class::NOT_NAME)
    {
        return Some("a parcel called after its owner");
    }
    if addressed_in_question(g, first, next) {
        return Some(ADDRESSED);
    }
    if works_at(g, next) {
        return Some(WORKS_AT);
    }
    if function_in_brackets(g, next) {
        return Some(FUNCTION_IN_BRACKETS);
    }
    if employer_in_brackets(g, next) {
        return Some(WORKS_AT);
    }
    if apposition(g, first, next) {
        return Some("apposition to a function");
    }
    if dash_sign_off(g, first, next) {
        return Some(SIGN_OFF);
    }
    if signs_a_message(g, first, next) {
        return Some(SIGNS_A_MESSAGE);
    }
    if first > 0 && initials_like(g, first) {
        // `(actie NR, uiterlijk 29/2)`: who takes an action.
        if g.spaced(first - 1) && g.word_in(first - 1, &["actie", "acties", "actiehouder"]) {
            return Some("initials of whoever takes an action");
        }
        // `[BV: eens, maar …]`: a comment's author opens it in square brackets (not `[NB:
        // …]`).
        if g.is_punct(first - 1, '[')
            && g.is_punct(next, ':')
            && !g.has(first, class::NOT_NAME)
            && !super::grammar::NAMED_ABBREVIATIONS.contains(&g.folded(first))
        {
            return Some("author of a comment");
        }
    }
    // `Opmerking BV:`, `Noot van HP (24-4):`.
    let commenting = |k: usize| g.word_in(k, COMMENTING);
    if first > 0
        && (commenting(first - 1)
            || (first > 1 && g.word_in(first - 1, &["van"]) && commenting(first - 2)))
        && (g.is_punct(next, ':') || g.is_punct(next, '('))
    {
        return Some("author of a comment");
    }
    None
}

/// `doorgeven aan DJH`, `doorgezet naar JTH`, `terugbellen via SK`, `-> naar YA`: the words
/// before token `at` hand a matter on to someone there (a verb of passing on, or an arrow,
/// then `aan`, `naar` or `via`). The organisations matters go to (`voorgelegd aan GS`) are
/// the caller's to exclude.
pub(crate) fn handed_on_to(g: &Grammar, at: usize) -> bool {
    const HANDING: &[&str] = &[
        "doorge",
        "doorsturen",
        "doorzetten",
        "doorspelen",
        "gestuurd",
        "gemaild",
        "voorgelegd",
        "overgedragen",
        "terugbel",
        "gevraagd",
        "geescaleerd",
        "toegewezen",
    ];
    let Some(k) = at.checked_sub(2) else {
        return false;
    };
    g.word_in(k + 1, &["aan", "naar", "via"])
        && g.spaced(k + 1)
        && (g.word(k).is_some() && HANDING.iter().any(|h| g.folded(k).starts_with(h))
            || g.is_punct(k, '>')
            || g.is_punct(k, '→'))
}

/// `Juni en ik doen …`, `jij of Koen`: a name joined to a personal pronoun is a person's;
/// not after an article (`de brand en ik`).
fn beside_a_pronoun(g: &Grammar, first: usize, next: usize) -> bool {
    const PRONOUNS: &[&str] = &["ik", "jij", "hij", "zij", "wij", "mij", "jou", "hem"];
    let joined = |k: usize| g.word_in(k, &["en", "of"]);
    let after_article = first > 0 && g.word_in(first - 1, ARTICLES);
    !after_article
        && ((joined(next) && g.word_in(next + 1, PRONOUNS))
            || (first >= 2 && joined(first - 1) && g.word_in(first - 2, PRONOUNS)))
}

/// Whether word `i` is a word for a relative or neighbour (`echtgenote`, `zoon`, `buurman`):
/// nobody writes of an official that way.
pub(crate) fn is_relative_word(g: &Grammar, i: usize) -> bool {
    g.word_in(i, RELATIVES)
}

/// `mijn man Youssef`, `haar zoon Gert`, `vader van Sem`: a relative or neighbour by name.
fn relative(g: &Grammar, first: usize) -> bool {
    let Some(prev) = first.checked_sub(1) else {
        return false;
    };
    let after_possessive =
        g.word_in(prev, RELATIVES) && prev > 0 && g.word_in(prev - 1, POSSESSIVES);
    let of_relative = g.word_in(prev, &["van"]) && prev > 0 && g.word_in(prev - 1, RELATIVES);
    g.spaced(prev) && (after_possessive || of_relative)
}

/// The evidence of a name in brackets after a noun for people.
pub const LISTED_AFTER_PEOPLE: &str = "listed in brackets after a noun for people";

/// Nouns for people whose names may follow in brackets, folded.
const PEOPLE_NOUNS: &[&str] = &[
    "buren",
    "omwonenden",
    "bewoners",
    "familie",
    "families",
    "klagers",
    "indieners",
    "insprekers",
    "melders",
    "eigenaren",
    "betrokkenen",
    "getuigen",
    "ouders",
];

/// `de brief van de buren (Zomer/Bouzid/Haverkamp)`, `Omwonenden (o.a. Zomer, Haverkamp)`,
/// `één familie (Wolbrink)`: a list in brackets after a noun for people names them.
fn listed_after_people(g: &Grammar, first: usize) -> bool {
    let mut k = first;
    for _ in 0..12 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if g.is_punct(prev, '(') {
            return prev > 0 && g.word_in(prev - 1, PEOPLE_NOUNS) && g.spaced(prev - 1);
        }
        let listed = g.is_punct(prev, '/')
            || g.is_punct(prev, ',')
            || g.is_punct(prev, '.')
            || g.word_in(prev, &["en", "o", "a", "zoals"])
            || g.has(prev, class::PARTICLE)
            || g.is_cap(prev);
        if !listed || g.is_line_end(prev) {
            return false;
        }
        k = prev;
    }
    false
}

/// Land called after its owner in acquisition and enforcement files (`perceel Verstegen`).
pub(crate) const PARCELS: &[&str] = &["perceel", "percelen", "kavel"];

/// `Maatschap Nijkamp`, `fam. Koster`: the family whose business or household it is.
pub(crate) fn family_name(g: &Grammar, first: usize) -> bool {
    let head = match first.checked_sub(1) {
        Some(p) if g.is_punct(p, '.') && p > 0 => p - 1,
        Some(p) => p,
        None => return false,
    };
    g.word_in(head, super::orgs::FAMILY_HEADS) && g.spaced(first - 1)
}

/// `doorgezet naar JTH, HG`, `IKS en FEA lichten toe`: next to other people's initials, across
/// a comma, a slash or `en`, initials are a person's too. An acronym no list knows is no
/// neighbour (`RWS, ILT`).
fn beside_initials(g: &Grammar, first: usize, next: usize) -> bool {
    let person_initials = |k: usize| {
        initials_like(g, k)
            && !GAZETTEER.is(g.folded(k), class::ORG | class::PLACE | class::NOT_NAME)
            && !super::grammar::NAMED_ABBREVIATIONS.contains(&g.folded(k))
    };
    // A slash without spaces joins the parts of a reference (`VRVID/AB/2024-011`).
    let joins = |k: usize| {
        g.is_punct(k, ',')
            || g.word_in(k, &["en"])
            || (g.is_punct(k, '/') && (g.spaced(k) || (k > 0 && g.spaced(k - 1))))
    };
    let before = first >= 2 && joins(first - 1) && person_initials(first - 2);
    let after = joins(next) && person_initials(next + 1);
    before || after
}

/// Whether the word at `i` is written as initials: two to five capitals, particle letters
/// between them allowed (`KB`, `JdV`).
fn initials_like(g: &Grammar, i: usize) -> bool {
    g.word(i).is_some_and(|w| {
        let n = w.chars().count();
        (2..=5).contains(&n)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().last().is_some_and(char::is_uppercase)
    })
}

/// Words that label a note added by someone (`Notitie GS: …`, `Aantekening NB:`).
const NOTE_WORDS: &[&str] = &[
    "notitie",
    "aantekening",
    "opmerking",
    "opmerkingen",
    "aanvulling",
    "toevoeging",
    "kanttekening",
    "commentaar",
];

/// Whether the initials at `i` say whose note follows: after a note's label and before a
/// colon (`Notitie GS   :`, `Opmerkingen OK:`), or in brackets before a colon that ends a
/// label opening the line (`Aanvulling 10:25 (GS):`, `Kort verslag (IK):`).
fn noted_by(g: &Grammar, i: usize) -> bool {
    if i > 0 && g.word_in(i - 1, NOTE_WORDS) && g.is_punct(i + 1, ':') {
        return true;
    }
    if !(i > 1 && g.is_punct(i - 1, '(') && g.is_punct(i + 1, ')') && g.is_punct(i + 2, ':')) {
        return false;
    }
    // A short label before the bracket that names no one else, whose organisation the
    // bracket would give (`[Opmerking Daan Hofstede (EZ):`): no capitalised word after its
    // first.
    let label: Vec<usize> = (0..i - 1)
        .rev()
        .take_while(|&k| !g.is_line_end(k))
        .take(6)
        .collect();
    label.len() < 6
        && label
            .iter()
            .rev()
            .filter(|&&k| g.word(k).is_some())
            .skip(1)
            .all(|&k| !g.is_cap(k))
}

/// Whether the initials at `i` sign a note after a dash, at its close: the end of the line or
/// of a quoted or bracketed note (`- BV`, `… Niet gedaan. -MH"`, `[… - AD"]`). Read before
/// [`dash_sign_off`], so that a public official's initials there stay theirs.
fn ends_a_note(g: &Grammar, i: usize) -> bool {
    let dash = i > 0 && (g.is_punct(i - 1, '-') || g.is_punct(i - 1, '–'));
    // The dash stands apart from the word before it, not inside a compound or a code
    // (`NA-BV-YA`).
    let apart = i < 2 || g.spaced(i - 2) || g.is_line_end(i - 2);
    let closes = g.is_line_end(i + 1) || ['"', '”', ']'].iter().any(|&c| g.is_punct(i + 1, c));
    dash && apart && closes
}

/// Whether a date follows token `i` on its line, after spaces (`KB 12-03`, `akk. WG 30/9`,
/// `JdV 16/4`): day and month as digits.
pub(crate) fn date_follows(g: &Grammar, i: usize) -> bool {
    let toks = g.tokens();
    let Some(t) = toks.get(i) else { return false };
    if t.kind != Kind::Number || t.end - t.start > 2 {
        return false;
    }
    (g.is_punct(i + 1, '/') || g.is_punct(i + 1, '-'))
        && g.glued(i)
        && toks
            .get(i + 2)
            .is_some_and(|n| n.kind == Kind::Number && n.end - n.start <= 2)
}

/// `Eva, rij jij mee?`: a name opening a sentence, then a comma and a verb with `jij` or `je`.
fn addressed_in_question(g: &Grammar, first: usize, next: usize) -> bool {
    let after = if g.is_punct(next, ',') {
        next + 1
    } else {
        next
    };
    sentence_start(g, first)
        && g.word(after)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
        && (after..after + 3).any(|k| g.word_in(k, &["jij", "je", "u", "jullie"]))
}

/// `Eva van de gemeente`, `Olaf van Kruispunt`: a person followed by where they work.
fn works_at(g: &Grammar, next: usize) -> bool {
    if !g.word_in(next, &["van", "bij"]) || !g.spaced(next) {
        return false;
    }
    let k = if g.word_in(next + 1, &["de", "het"]) {
        next + 2
    } else {
        next + 1
    };
    // `Kamphuis van de raad` holds an office: members of an elected body are public.
    const ELECTED_BODIES: &[&str] = &[
        "raad",
        "gemeenteraad",
        "staten",
        "kamer",
        "college",
        "fractie",
        "commissie",
    ];
    !g.word_in(k, ELECTED_BODIES)
        && (g.has(k, class::ORG)
            || g.has(k, super::grammar::shape::UPPER)
            || GAZETTEER.is(g.folded(k), class::ORG))
}

/// `RWS (Mulder)`, `via de gemeente (Aalbers)`: a person in brackets after an organisation.
fn contact_in_brackets(g: &Grammar, first: usize, next: usize) -> bool {
    use super::grammar::shape;
    // `Team handhaving (Brouwer)`, `afdeling Vergunningen (Koster)`: a unit's contact.
    const UNITS: &[&str] = &["team", "afdeling", "sector", "cluster", "bureau", "unit"];
    let after_unit = |k: usize| k >= 3 && (g.word_in(k - 3, UNITS) || g.word_in(k - 2, UNITS));
    first >= 2
        && g.is_punct(first - 1, '(')
        && g.is_punct(next, ')')
        && (after_unit(first)
            || g.has(
                first - 2,
                shape::UPPER | shape::ORG_COMPOUND | class::ROLE | class::FUNCTION,
            )
            || g.has(first - 2, class::ORG)
            || GAZETTEER.is(
                g.folded(first - 2),
                class::ORG | class::FUNCTION | class::ROLE,
            ))
}

/// `Dekkers (COA)`, `Wiegman (GGD)`: where the person works, in brackets after the word. A
/// party in brackets is a council member's (`Mulder (CDA)`), which the offices read.
fn employer_in_brackets(g: &Grammar, next: usize) -> bool {
    use super::grammar::shape;
    let k = next + 1;
    let Some(w) = g.word(k) else { return false };
    let organisation = (g.has(k, shape::UPPER) && (2..=6).contains(&w.chars().count()))
        || g.has(k, class::ORG | shape::ORG_COMPOUND)
        || GAZETTEER.is(g.folded(k), class::ORG);
    g.is_punct(next, '(')
        && g.glued(next)
        && organisation
        && g.is_punct(k + 1, ')')
        && !super::lexicon::is_party(w)
}

/// `Olaf (zijn adviseur)`, `Merel (journalist)`: a function in brackets after the word.
fn function_in_brackets(g: &Grammar, next: usize) -> bool {
    g.is_punct(next, '(')
        && (next + 1..next + 5)
            .take_while(|&k| !g.is_punct(k, ')'))
            .any(|k| super::lexicon::is_function_word(g.folded(k)))
}

/// `Hun adviseur, Olaf, wist`: an apposition after a function or role.
fn apposition(g: &Grammar, first: usize, next: usize) -> bool {
    first >= 2
        && g.is_punct(first - 1, ',')
        && GAZETTEER.is(g.folded(first - 2), class::FUNCTION | class::ROLE)
        && g.is_punct(next, ',')
}

/// `Tekst is akkoord. -JW`: initials signing off after a dash at the end of a line.
fn dash_sign_off(g: &Grammar, first: usize, next: usize) -> bool {
    first > 0
        && (g.is_punct(first - 1, '-') || g.is_punct(first - 1, '–'))
        && (g.glued(first - 1) || g.spaced(first - 1))
        // Not the hyphen inside a name (`'s-Gravenhage`, `Noord-Brabant`).
        && !(first >= 2 && g.glued(first - 2))
        && g.is_line_end(next)
}

/// `… praat. B.` / `-----Oorspronkelijk bericht-----`, `Dank, JW` / `> …`: initials that end
/// the last line of a message, right above the message it answers or forwards.
pub fn signs_a_message(g: &Grammar, first: usize, next: usize) -> bool {
    let prev = first.checked_sub(1);
    // `gr M`, `Groet W.`, `thx D.`: a closing word right before them, on their line.
    let after_closing = prev.is_some_and(|p| {
        let word = if g.is_punct(p, '.') && p > 0 && g.glued(p - 1) {
            p - 1
        } else {
            p
        };
        g.spaced(p)
            && g.word(word).is_some()
            && (crate::names::lexicon::CLOSINGS.contains(&g.folded(word))
                || g.word_in(word, ADDRESSING))
    });
    let shaped = initials_like(g, first)
        || g.initials(first, false).is_some_and(|(k, _)| k == next)
        || (after_closing && next == first + 1 && g.is_capital_letter(first));
    // `Woo-gevoelig: JA`: a field's answer.
    let field_value = prev.is_some_and(|p| g.is_punct(p, ':'))
        && g.word_in(first, &["ja", "nee", "yes", "no", "ok"]);
    if !shaped
        || field_value
        || !g.is_line_end(next)
        || super::grammar::NAMED_ABBREVIATIONS.contains(&g.folded(first))
    {
        return false;
    }
    let after_greeting =
        prev.is_some_and(|p| g.is_punct(p, ',') && p > 0 && g.word_in(p - 1, ADDRESSING));
    let opens_line_or_sentence = sentence_start(g, first) || after_greeting || after_closing;
    let rest = &g.text()[g.tokens().get(next).map_or(g.text().len(), |t| t.start)..];
    let below = rest.lines().map(str::trim).find(|l| !l.is_empty());
    // The end of the message: a quoted one below, a signature's or a phone's footer, the
    // end of the text (`… dus het gaat hard.⏎L.`), or the full name the initials stand for
    // opening the signature below (`Succes! N.⏎⏎Noor El Amrani | juridisch adviseur`).
    let initial = g.str(first).chars().next().unwrap_or(' ');
    let message_ends = below.is_none_or(|l| {
        l.starts_with("--")
            || l.starts_with("___")
            || l.starts_with("==")
            || l.starts_with('>')
            || ["Van:", "From:", "Op ", "On ", "Verzonden ", "Sent from"]
                .iter()
                .any(|h| l.starts_with(h))
            || full_name_below(l, initial)
    });
    // `gemeente Marendal - KCC`: a desk the text names elsewhere (`P. Jansen (KCC)`).
    opens_line_or_sentence
        && message_ends
        && !(next == first + 1 && super::context::used_as_organisation(g, g.str(first)))
}

/// Whether a signature line opens with a full name whose first letter is `initial`: a first
/// name the lists know (the first part of a double one), then a capitalised word
/// (`Noor El Amrani | juridisch adviseur`, `Jan-Willem de Vries`; not a letterhead's
/// `Directie Rechtshandhaving` under `DGRR`).
fn full_name_below(line: &str, initial: char) -> bool {
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let mut words = line.split_whitespace();
    let first_name = |w: &str| {
        let first = crate::fold::fold(w.split('-').next().unwrap_or(w));
        GAZETTEER.is(&first, class::FIRST_NAME)
            && !GAZETTEER.is(&first, class::ORG | class::NOT_NAME)
    };
    words
        .next()
        .is_some_and(|w| w.starts_with(initial) && capitalised(w) && first_name(w))
        && words
            .take(3)
            .take_while(|w| !w.starts_with('|'))
            .any(capitalised)
}

/// Alone between two bars of a table row (`| Kroeze |`).
fn table_cell(g: &Grammar, first: usize, next: usize) -> bool {
    first > 0 && g.is_punct(first - 1, '|') && g.is_punct(next, '|')
}

/// Whether the word at `i`, which is also a common word (`Groen`, `Koning`, `Juni`), is
/// capitalised as only a name is in Dutch: in the middle of a clause, not after an article
/// (`de Koning`, `op de Dam`), not before another capitalised word (`Koning Willem-Alexander`)
/// and not a place or an organisation word, which are capitalised anyway.
pub fn capitalised_as_a_name(g: &Grammar, i: usize) -> bool {
    const CAPITALISED_ANYWAY: u16 = class::PLACE | class::ORG | class::NOT_NAME | class::OFFICE;
    let after_article = after_determiner(g, i);
    let before_capital = g.spaced(i) && g.is_cap(i + 1);
    // Dutch writes months in lower case: `Juni` mid-sentence and away from a day or year
    // is a person (`dat Juni ook zei`), `3 Juni 2024` in a heading a date.
    let month_as_name = g.word_in(i, crate::fold::MONTHS) && !names_a_time(g, i);
    // A folder in a path (`V:\Veiligheid\2024\Wolf\`).
    let in_path = i > 0 && g.is_punct(i - 1, '\\') && g.glued(i - 1);
    g.is_cap(i)
        && !in_path
        && (month_as_name || !g.has(i, CAPITALISED_ANYWAY))
        && !sentence_start(g, i)
        && !after_article
        && !before_capital
}

/// Whether a month or a season at `i` names a time, not a person (`tot Mei`, `Zomer 2025`;
/// see [`crate::resolve::time_use_of_a_name`]).
pub(crate) fn names_a_time(g: &Grammar, i: usize) -> bool {
    let t = g.tokens()[i];
    crate::resolve::time_use_of_a_name(g.text(), t.start, t.end)
}

/// Whether word `i`, a first name that is also a word opening a clause (`Wil`, `Dan`,
/// `Anders`, `Ben`, `Can`), opens its sentence as that word: a pronoun follows it or the verb
/// after it (`Wil je dat melden?`, `Dan kunt u bellen`, `Can you send`).
pub(crate) fn function_word_opening_a_clause(g: &Grammar, i: usize) -> bool {
    const WORDS: &[&str] = &["wil", "dan", "anders", "ben", "can", "mag", "kan"];
    let spaced_lower = |k: usize| g.spaced(k - 1) && g.is_lower(k);
    g.word_in(i, WORDS)
        && sentence_start(g, i)
        && spaced_lower(i + 1)
        && (g.word_in(i + 1, CLAUSE_PRONOUNS)
            || (spaced_lower(i + 2) && g.word_in(i + 2, CLAUSE_PRONOUNS)))
}

/// Whether the colour at `i` is a status, not a surname (see
/// [`crate::resolve::colour_of_a_scale`]).
pub(crate) fn colour_of_a_scale(g: &Grammar, i: usize) -> bool {
    let t = g.tokens()[i];
    crate::resolve::colour_of_a_scale(g.text(), t.start, t.end)
}

/// Whether an article, a determiner or an opening quote stands before word `i` (`de Koning`,
/// `"Brand"`). `die` and `dat` before a capital open a clause whose subject it is (`de versie
/// die Koen stuurde`), or point at a person (`die Zijlstra weer`): no determiner then.
/// A place's or an inflected adjective counts as one (`het Haagse Bos`, `Grauwe Veen`),
/// unless it is a first name (`Elise Bos`); so does an article at the end of the line before
/// (`nabij het⏎Bos`).
pub(crate) fn after_determiner(g: &Grammar, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let newline = |k: usize| g.tokens()[k].kind == Kind::Newline;
    let before = if i >= 2 && newline(i - 1) {
        i - 2
    } else {
        i - 1
    };
    (g.word_in(before, ARTICLES) && !g.word_in(before, &["die", "dat"]))
        || g.is_punct(i - 1, '"')
        || (g.spaced(before) && crate::resolve::is_naming_adjective(g.str(before)))
}

/// Whether a staff member's surname that is also a word (`Koning`, `Post`) names them here:
/// capitalised with no article or determiner before it (`de Koning` is the King), not
/// before another capitalised word (`Koning Willem-Alexander`, `Post NL`) and not a place
/// or organisation. The list says someone of that name works here: when in doubt, remove.
pub fn listed_word_as_name(g: &Grammar, i: usize) -> bool {
    let after_article = after_determiner(g, i);
    let before_capital = g.spaced(i) && g.is_cap(i + 1);
    g.is_cap(i)
        && !names_a_time(g, i)
        && !g.has(i, class::PLACE | class::ORG)
        && !after_article
        && !before_capital
        && !sentence_start(g, i)
}

/// The index of the word before `i`, skipping commas and colons (`akkoord, JdV`).
fn prev_word(g: &Grammar, i: usize) -> usize {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if g.word(k).is_some() {
            return k;
        }
        if !(g.is_punct(k, ',') || g.is_punct(k, ':')) {
            return usize::MAX;
        }
    }
    usize::MAX
}

fn word_is(g: &Grammar, i: usize, list: &[&str]) -> bool {
    i != usize::MAX && g.word_in(i, list)
}

/// At the start of a line, possibly after a bullet, a quote marker, a number or a time stamp
/// (`[09:14]`, `14.05`), then the word and a colon.
fn is_speaker(g: &Grammar, first: usize, next: usize) -> bool {
    g.is_punct(next, ':')
        && clause_start(g, first)
        // `FW:`, `NB:`, `Re:` open a subject or a note, not a turn.
        && !(next == first + 1 && super::grammar::NAMED_ABBREVIATIONS.contains(&g.folded(first)))
        && !g.word_in(
            first.wrapping_sub(1),
            &["en", "maar", "want", "dus", "toen", "daarna", "ook"],
        )
}

/// Whether only layout lies between the line start and token `i`: bullets, quote markers,
/// numbering, a time stamp in brackets.
fn line_start_before(g: &Grammar, i: usize) -> bool {
    let mut k = i;
    let mut skipped = 0;
    while k > 0 {
        let prev = k - 1;
        let t = g.tokens()[prev];
        match t.kind {
            Kind::Newline => return true,
            Kind::Punct(c) if "-–•*>[]().:/".contains(c) => {}
            Kind::Number => {}
            _ => return false,
        }
        skipped += 1;
        if skipped > 8 {
            return false;
        }
        k = prev;
    }
    true
}

/// Whether token `i` starts a clause: the start of a line (after layout), or after sentence
/// punctuation, a semicolon, or a dash between clauses.
pub fn clause_start(g: &Grammar, i: usize) -> bool {
    sentence_start(g, i)
        || i.checked_sub(1).is_some_and(|prev| {
            g.is_punct(prev, ';')
                || g.is_punct(prev, ',')
                || g.word_in(
                    prev,
                    &["en", "maar", "want", "dus", "toen", "daarna", "ook"],
                )
        })
}

/// Verbs of which a person, not a thing, is the subject (`Dijkhuis excuseert zich`, `Bos
/// belde`); copulas are left out (`Winter wordt lastig`, `Zomer is`).
const PERSON_VERBS: &[&str] = &[
    "zegt",
    "zei",
    "vraagt",
    "vroeg",
    "meldt",
    "meldde",
    "belt",
    "belde",
    "mailt",
    "mailde",
    "geeft",
    "gaf",
    "stelt",
    "stelde",
    "wil",
    "wilde",
    "vindt",
    "vond",
    "heeft",
    "had",
    "schrijft",
    "schreef",
    "spreekt",
    "sprak",
    "komt",
    "kwam",
    "gaat",
    "ging",
    "laat",
    "liet",
    "bevestigt",
    "bevestigde",
    "antwoordt",
    "antwoordde",
    "licht",
    "lichtte",
    "merkt",
    "wijst",
    "benadrukt",
    "neemt",
    "nam",
    "ziet",
    "zag",
    "weet",
    "wist",
    "denkt",
    "dacht",
    "stuurt",
    "stuurde",
    "doet",
    "deed",
    "werkt",
    "woont",
    "krijgt",
    "kreeg",
    "ontkent",
    "erkent",
    "verklaart",
    "verklaarde",
    "pleit",
    "dankt",
    "opent",
    "sluit",
    "kan",
    "moet",
    "zal",
];

/// Whether the capitalised word `i` is the subject of a verb a person does, right after it
/// (`Dijkhuis excuseert zich`, `Kuipers belde gisteren`).
pub fn subject_of_a_verb(g: &Grammar, i: usize) -> bool {
    let next = i + 1;
    g.spaced(i)
        && g.is_lower(next)
        && g.word(next).is_some_and(|w| {
            PERSON_VERBS.contains(&w) || (w.ends_with("eert") && w.chars().count() >= 7)
        })
}

/// Verbs of saying, of which only a person is the subject (`De Graaff stemt in`), unlike
/// verbs of having or going (`De Kolk heeft`, `Van Oord gaat`).
const SAYING_VERBS: &[&str] = &[
    "zegt",
    "zei",
    "vraagt",
    "vroeg",
    "licht",
    "lichtte",
    "stemt",
    "stemde",
    "merkt",
    "benadrukt",
    "antwoordt",
    "antwoordde",
    "pleit",
    "opent",
    "excuseert",
];

/// Whether the capitalised word `i` is the subject of a verb of saying right after it.
pub fn says(g: &Grammar, i: usize) -> bool {
    g.spaced(i) && g.is_lower(i + 1) && g.word_in(i + 1, SAYING_VERBS)
}

/// Whether token `i` starts a sentence, where any word is capitalised: the start of a line
/// (after layout), or after `.`, `!`, `?`, `:`, an opening bracket or quote, or a dash. The dot
/// of an abbreviation (`o.a.`, `ca.`, `bijv.`) ends no sentence.
pub fn sentence_start(g: &Grammar, i: usize) -> bool {
    if line_start_before(g, i) {
        return true;
    }
    let Some(prev) = i.checked_sub(1) else {
        return true;
    };
    if g.is_punct(prev, '.') {
        let abbreviation = prev > 0
            && g.glued(prev - 1)
            && g.word(prev - 1)
                .is_some_and(|w| w.chars().count() == 1 || g.word_in(prev - 1, ABBREVIATIONS));
        return !abbreviation;
    }
    ['!', '?', ':', '(', '[', '"', '“', '–', '•']
        .iter()
        .any(|&c| g.is_punct(prev, c))
        || (g.is_punct(prev, '-') && !g.glued(prev))
}

/// A verb of saying or acting at `next`, or after a comma-separated apposition is skipped
/// (`Mulder, projectleider, meldt`), or the second of two names joined by `en`.
fn subject_verb(g: &Grammar, next: usize, weak_verbs: bool) -> bool {
    // A remark in brackets between the name and the verb: `Mark (niet aanwezig) heeft`.
    let mut next = next;
    if g.is_punct(next, '(')
        && let Some(close) = (next + 1..next + 8).find(|&k| g.is_punct(k, ')'))
    {
        next = close + 1;
        // The verb may be on the next line of a wrapped text.
        if g.is_line_end(next) && !g.is_line_end(next + 1) {
            next += 1;
        }
    }
    let Some(w) = g.word(next) else {
        return false;
    };
    let f = g.folded(next);
    if f.is_empty() || !w.starts_with(char::is_lowercase) {
        return false;
    }
    // `Dan zet ik het erbij`, `Nu sluit hij af`: the clause is inverted, and the word before
    // the verb no name. Not `je`, `u` or `ze`, which are objects too (`Roos belt u morgen`).
    let inverted = g.word_in(next + 1, SUBJECT_PRONOUNS);
    SUBJECT_VERBS.contains(&f) && (weak_verbs || !WEAK_SUBJECT_VERBS.contains(&f)) && !inverted
}

/// After an addressing word (`Dank Sander`, `Top Wouter.`), or an `@` mention, and at the end
/// of the phrase.
fn addressed(g: &Grammar, first: usize, next: usize) -> bool {
    let mention = first > 0 && g.is_punct(first - 1, '@') && g.glued(first - 1);
    let after_address = first > 0 && g.word_in(first - 1, ADDRESSING) && g.spaced(first - 1);
    (mention || after_address) && phrase_ends(g, next)
}

/// `Bas, zie hieronder.` opening a paragraph, `Henk Bos: Sjaak, welk nummer…` opening a
/// chat message (after the speaker's colon): a known first name called by name.
fn vocative(g: &Grammar, first: usize, next: usize) -> bool {
    let paragraph_start =
        first == 0 || (g.is_line_end(first - 1) && (first < 2 || g.is_line_end(first - 2)));
    let after_speaker = first >= 2
        && g.is_punct(first - 1, ':')
        && g.spaced(first - 1)
        && (g.is_cap(first - 2) || g.is_punct(first - 2, ')'))
        && !line_start_before(g, first - 1)
        && !g.has(first, class::NOT_NAME);
    (paragraph_start || after_speaker)
        && next == first + 1
        && g.has(first, class::FIRST_NAME)
        && g.is_punct(next, ',')
        && g.word(next + 1)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// Whether the phrase ends at token `i`: punctuation, a line end, or the end.
fn phrase_ends(g: &Grammar, i: usize) -> bool {
    g.is_line_end(i)
        || [',', '.', '!', '?', ':', ';', ')', '(', ']']
            .iter()
            .any(|&c| g.is_punct(i, c))
        || g.tokens()[i].kind == Kind::Number
}

/// After a preposition, with a verb of communication in the rest of the clause.
fn party(g: &Grammar, first: usize, next: usize) -> bool {
    if first == 0 || !g.word_in(first - 1, PARTY_PREPOSITIONS) || !g.spaced(first - 1) {
        return false;
    }
    let before = (first.saturating_sub(4)..first - 1).any(|k| g.word_in(k, CHECKING));
    before
        || (next..next + 6)
            .take_while(|&k| g.word(k).is_some())
            .any(|k| g.word_in(k, COMMUNICATION_VERBS))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    /// The context of the first occurrence of `word` in `text`.
    fn of(text: &str, word: &str) -> Option<&'static str> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let i = (0..toks.len()).find(|&i| g.str(i) == word).unwrap();
        context(&g, i, i + 1, false)
    }

    #[test]
    fn finds_the_places_where_a_word_is_a_person() {
        assert!(of("Mulder: akkoord met het voorstel.", "Mulder").is_some());
        assert!(of("- OB: dat klopt", "OB").is_some());
        assert!(of("Besproken. Mulder licht toe.", "Mulder").is_some());
        assert!(of("IKS opent de vergadering.", "IKS").is_some());
        assert!(of("Top Wouter. Doe ik.", "Wouter").is_some());
        assert!(of("vraag @Roos even", "Roos").is_none());
        assert!(of("vraag het @Roos.", "Roos").is_some());
        assert!(of("Ik heb het met Pieter besproken.", "Pieter").is_some());
        assert!(of("akkoord, JdV 12/3", "JdV").is_some());
    }

    #[test]
    fn leaves_words_that_are_not_people() {
        assert!(of("De Dam is druk vandaag.", "Dam").is_none());
        assert!(of("Groen is de kleur van de hoop.", "Groen").is_none());
        assert!(of("We gaan naar Zwolle morgen.", "Zwolle").is_none());
        assert!(of("Zij woont in Zwolle: mooi.", "Zwolle").is_none());
        assert!(of("Het kantoor van Zwolle is dicht.", "Zwolle").is_none());
        // An inverted clause: the pronoun after the verb is its subject.
        assert!(of("Ok. Dan zet ik dat erbij.", "Dan").is_none());
        assert!(of("Goed. Dan sluit hij af.", "Dan").is_none());
        assert!(of("Besproken. Roos belt u morgen.", "Roos").is_some());
    }
}
