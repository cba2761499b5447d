//! Rules that apply anywhere in the text: titles and forms of address, role words, `t.n.v.`,
//! phrases that introduce a person; then the structural rules at each capitalised word.

use super::{mention, starts_upper, words_of};
use crate::fold::fold;
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NameParse};
use crate::names::lexicon::{GAZETTEER, class};

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
    &["name", "is"],
    &["ondergetekende"],
    &["heet"],
    &["heette"],
    &["genaamd"],
];

/// The person after `t.n.v.` or `t.a.v.`: a name in any form, also in capitals as bank
/// records write it (`Y AMRANI`, `G M HOEKSTRA`); not an organisation (`t.n.v. CJIB`).
fn addressee(g: &Grammar, j: usize) -> Option<NameParse> {
    g.name(j, true).or_else(|| {
        g.upper_name(j)
            .filter(|p| p.next > j + 1 && !g.has(j, class::ORG | class::PLACE))
    })
}

/// Whether token `i` is on a mail header's line (`Van:`, `CC:`), whose rule reads the
/// display names with their tags (`Wolters, Erik-Jan (ODRA)`).
fn on_mail_header_line(g: &Grammar, i: usize) -> bool {
    let toks = g.tokens();
    let start = (0..i)
        .rev()
        .find(|&k| toks[k].kind == crate::names::token::Kind::Newline)
        .map_or(0, |k| k + 1);
    let mut label = start;
    while label < i && g.word(label).is_some() {
        label += 1;
    }
    label > start
        && g.is_punct(label, ':')
        && super::fields::HEADER_FIELDS.contains(&words_of(g, start, label).as_str())
}

/// Introducers that name the person, so that a surname alone after them is one (`Hij heet
/// Koster, de buurman`).
const NAMING: &[&str] = &["heet", "heette", "genaamd", "naam", "name"];

/// Names the grammar reads whole at a token, tried in order: the rule and the evidence of each.
type WholeNameForm = (
    fn(&Grammar, usize) -> Option<NameParse>,
    &'static str,
    &'static str,
);
const WHOLE_NAME_FORMS: [WholeNameForm; 2] = [
    (
        |g, i| g.eu_name(i),
        "name.eu-style",
        "surname in capitals with a first name",
    ),
    (
        |g, i| g.east_asian_name(i),
        "name.east-asian",
        "family name with a first name in pinyin or Vietnamese",
    ),
];

/// Rules that apply anywhere in the text.
pub(super) fn inline(g: &Grammar, text: &str, out: &mut Vec<Mention>) {
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
                class::TITLE | class::ROLE | class::INTRODUCER | class::PARTICLE | class::FUNCTION,
            )
            && !matches!(w, "t" | "v" | "vd" | "vdr" | "tnv" | "tav")
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
            if let Some(p) = g
                .titled_name(j)
                .or_else(|| initials_before_a_wrap(g, j))
                .or_else(|| upper_surname(g, j))
                .or_else(|| lower_surname(g, i, j))
                .or_else(|| organisation_word_as_surname(g, i, j))
            {
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
            } else if let Some(p) = titled_initials(g, j) {
                // `mevr. H. (Stationsweg 38)`, `dhr. R.v.D.`: initials that stand for the
                // person, the surname left out on purpose.
                let evidence = format!(
                    "initials after `{}`",
                    text[toks[i].start..toks[i + t - 1].end].replace('\n', " ")
                );
                out.push(mention(p, "name.title", evidence));
            }
            i += t;
            continue;
        }
        // Role words: `collega Van Mil`, `cliënt Jansen`.
        // Not a place or firm after it (`naar zwager Ommen`), nor `man` as a count (`2 man
        // Vigilant`).
        let count =
            w == "man" && i > 0 && g.tokens()[i - 1].kind == crate::names::token::Kind::Number;
        // In running text the name may go on after a wrapped line end (`huisarts, dokter` /
        // `Kerkhof`); not in a form or under a heading (`1. AANVRAGER` / `Naam  …`).
        let names_a_person = g.has(i, class::ROLE | class::FUNCTION);
        let n = if names_a_person && lower && in_running_text(g, i) {
            g.skip_wrap(i + 1)
        } else {
            i + 1
        };
        // Nor onto a form's label on the next line (`Gegevens aanvrager` / `Voornamen*: …`).
        let label = |k: usize| {
            g.is_punct(k, ':')
                || g.is_punct(k, '*')
                || (g.is_punct(k, '.') && g.is_punct(k + 1, '.'))
        };
        let n = if n > i + 1 && label(n + 1) { i + 1 } else { n };
        let apart = g.spaced(i) || n > i + 1;
        if g.has(i, class::ROLE)
            && apart
            && starts_upper(g, n)
            && !count
            && !g.has(n, class::PLACE | class::ORG | class::TITLE)
        {
            if let Some(p) = g.titled_name(n) {
                // A relative's name shares no official's (`echtgenote Ilse`).
                let evidence: std::borrow::Cow<'static, str> =
                    if crate::names::person::is_relative_word(g, i) {
                        crate::names::person::RELATIVE.into()
                    } else {
                        format!("after `{w}`").into()
                    };
                out.push(mention(p, "name.role", evidence));
            } else if let Some(p) = titled_initials(g, n).filter(|p| g.text_of(p).ends_with('.')) {
                // `Bewoner T. is ook terug`, `zoon D. + vriendin`: the person's initials, the
                // surname left out on purpose.
                out.push(mention(p, "name.role", format!("initials after `{w}`")));
            }
            i += 1;
            continue;
        }
        // The same in brackets: `mijn buurvrouw (Ria)`, `buurman nr 20 (Zomer)`,
        // `namens zijn schoonmoeder (G. Augustus, 81)`; after a function too, not an office
        // (`advocaat (Terlingen, …)`). There, and after a first name, the bracket more often
        // names the employer (`bedrijfsarts (ArboNed)`, `Ramon (Arriva)`): only a known
        // surname alone, or initials, is a name.
        let known_surname =
            |p: &NameParse| p.form == Form::Surname && gaz.is(&fold(g.text_of(p)), class::SURNAME);
        if g.has(i, class::ROLE | class::FUNCTION)
            && !g.has(i, class::OFFICE)
            && !count
            && let Some(p) = bracketed_after_role(g, i)
                .filter(|p| g.has(i, class::ROLE) || known_surname(p) || p.initials.is_some())
        {
            out.push(mention(p, "name.role", format!("in brackets after `{w}`")));
            i += 1;
            continue;
        }
        // A first name with the surname in brackets (`Wesley (Jansen) voelt`, `Tomasz
        // (Lewandowski, ANW-arts)`).
        if g.is_cap(i)
            && g.has(i, class::FIRST_NAME)
            && !super::is_word(g, i)
            && let Some(p) = bracketed_after_role(g, i)
        {
            // Or the name it goes by, before the surname (`Mohamed (Mo) Haddou`).
            let goes_by = matches!(p.form, Form::Given | Form::Surname)
                && g.is_punct(p.next, ')')
                && g.spaced(p.next)
                && !g.has(p.next + 1, class::PLACE);
            let surname_after = goes_by
                .then(|| g.surname_alone(p.next + 1, false))
                .flatten();
            if known_surname(&p) {
                out.push(mention(
                    p,
                    "name.context",
                    "surname in brackets after a first name",
                ));
            } else if let Some(surname) = surname_after {
                out.push(mention(
                    p,
                    "name.context",
                    "the name one goes by, in brackets",
                ));
                out.push(mention(
                    surname,
                    "name.context",
                    "surname after the name one goes by",
                ));
            }
        }
        // A practitioner is named by a surname, even one that is a word (`advocaat
        // Wittebrood`), where an adviser's function may take a subject (`adviseur Ruimte`).
        let practitioner = g.word_in(i, PRACTITIONERS);
        // Particles before a capitalised word open a surname (`dierenarts Van Dalen`, `dokter
        // De Boer`, `advocaat de Bruijn`).
        let particle_name = (g.is_cap(n) || practitioner) && {
            let t = g.cap_tussen(n);
            // In lower case a preposition reads the same (`advocaat te Eindhoven`, `de
            // advocaat van Van Kessel`).
            let preposition = g.is_lower(n)
                && (g.word_in(n, &["te", "in", "op", "uit", "aan", "bij", "voor", "onder"])
                    || g.has(n + t, class::ORG | class::PARTICLE | class::PLACE));
            t > 0 && g.is_cap(n + t) && !preposition
        };
        // A function before a name (`Taxateur Wijnands`, `projectleider Hoekstra`); a word
        // after it is a team or a subject (`adviseur Ruimte`), not a name.
        // In lower case after a bracket it describes someone named before it, and what
        // follows is the employer: `(teamleider Vigilant)`.
        if g.has(i, class::FUNCTION)
            && !(lower && i > 0 && g.is_punct(i - 1, '('))
            // `het lid Kamminga`: a member of an elected body, public by that office.
            && !g.word_in(i, crate::names::lexicon::MEMBER_WORDS)
            && apart
            && (g.is_cap(n) || particle_name)
            && (particle_name
                || (!g.has(n, class::ORG | class::PLACE | class::NOT_NAME | class::FUNCTION)
                    && (!super::is_word(g, n) || practitioner || surname_not_subject(g, n))))
            // `Adviseur Wts-uitvoering`: a compound naming the work.
            && !(g.glued(n) && g.is_punct(n + 1, '-'))
        {
            if let Some(p) = g.titled_name(n) {
                out.push(mention(p, "name.role", format!("after the function `{w}`")));
            }
            i += 1;
            continue;
        }
        // `t.n.v.`, `t.a.v.`, also written without dots as chats and notes do (`tnv`).
        let dotted = (w == "t" || w == "T")
            && g.is_punct(i + 1, '.')
            && matches!(g.word(i + 2), Some("n" | "a"))
            && g.is_punct(i + 3, '.')
            && g.word(i + 4) == Some("v");
        let undotted = ["tnv", "tav", "TNV", "TAV", "Tnv", "Tav"].contains(&w);
        if dotted || undotted {
            let evidence = if g.word(i + 2) == Some("n") || w.eq_ignore_ascii_case("tnv") {
                "after `t.n.v.`"
            } else {
                "after `t.a.v.`"
            };
            let label_end = if dotted { i + 5 } else { i + 1 };
            let mut j = label_end;
            // The filler of a form or a bank record: `t.n.v.: `, `t.n.v. ........ `, `‹ `.
            while g.is_punct(j, '.') || g.is_punct(j, ':') || g.is_punct(j, '‹') {
                j += 1;
            }
            // An account may have two holders: `t.n.v. H.G. Zomer en/of M.H. Zomer-Bekkers`.
            while let Some(p) = addressee(g, j + g.titles(j)) {
                j = p.next;
                out.push(mention(p, "name.attention", evidence));
                if !(g.word(j) == Some("en") && g.spaced(j - 1)) {
                    break;
                }
                j += 1;
                if g.is_punct(j, '/') && g.word(j + 1) == Some("of") {
                    j += 2;
                }
            }
            i = label_end;
            continue;
        }
        // Phrases that introduce a person: `afgestemd met Jan Smit`, `Mijn naam is …`.
        if g.has(i, class::INTRODUCER)
            && let Some(len) = introducer(g, i)
        {
            let j = i + len;
            let j = j + g.titles(j);
            let naming = g.word_in(i, NAMING);
            if let Some(p) = g
                .reversed(j)
                .or_else(|| g.forward_in_context(j))
                .or_else(|| naming.then(|| g.surname_alone(j, false)).flatten())
            {
                let phrase = words_of(g, i, i + len);
                out.push(mention(p, "name.introduced", format!("after `{phrase}`")));
            }
        }
        if i >= structural_end
            && let Some(p) = super::structure::upper_reversed(g, i)
        {
            structural_end = p.next;
            out.push(mention(
                p,
                "name.reversed",
                "register name form `SURNAME, First name`",
            ));
            i += 1;
            continue;
        }
        if i >= structural_end
            && let Some(p) = g.reversed_entry(i)
            && !on_mail_header_line(g, i)
        {
            structural_end = p.next;
            out.push(mention(
                p,
                "name.reversed",
                "list entry `Surname, First name`",
            ));
            i += 1;
            continue;
        }
        if i >= structural_end
            && let Some((p, rule, evidence)) = WHOLE_NAME_FORMS
                .iter()
                .find_map(|&(read, rule, evidence)| read(g, i).map(|p| (p, rule, evidence)))
        {
            structural_end = p.next;
            out.push(mention(p, rule, evidence));
            i += 1;
            continue;
        }
        // `v.d. Wal heeft gemaild`, `(Bouzid/vd Heuvel)`: a surname after a particle
        // abbreviated to two letters or more, as notes and subject lines write a person. No
        // word is written that way (`v. Chr.` is).
        let abbreviated = match g.word(i) {
            Some("vd" | "vdr") => true,
            Some("v") => g.tussen(i) >= 3 || van_abbreviated(g, i),
            _ => false,
        };
        if i >= structural_end
            && abbreviated
            && (i == 0 || !g.spaced(i - 1) || !g.is_cap(i - 1))
            && let Some(p) = g.surname_alone(i, true).filter(|p| p.form == Form::Surname)
        {
            structural_end = p.next;
            out.push(mention(
                p,
                "name.particle",
                "surname after an abbreviated tussenvoegsel",
            ));
            i += 1;
            continue;
        }
        if i >= structural_end
            && let Some(p) = g.upper_given_name(i)
        {
            structural_end = p.next;
            out.push(mention(
                p,
                "name.known-first-name",
                "known first name with a surname, in capitals",
            ));
            i += 1;
            continue;
        }
        let may_start =
            g.is_cap(i) || (lower && g.has(i, class::PARTICLE)) || g.initials(i, false).is_some();
        if i >= structural_end
            && may_start
            && let Some(next) = super::structure::structure(g, gaz, i, out)
        {
            structural_end = next;
        }
        i += 1;
    }
}

/// The name in brackets right after the role word at `i`, or after its house number
/// (`buurman nr 20 (Zomer)`): a name alone in the bracket or before a comma or `en`, not a
/// place, an organisation or a word; or initials alone (`slachtoffer (T.W.)`).
fn bracketed_after_role(g: &Grammar, i: usize) -> Option<NameParse> {
    let mut open = i + 1;
    if g.word_in(open, &["nr", "nummer"]) {
        open += 1 + usize::from(g.is_punct(open + 1, '.'));
        if g.tokens().get(open)?.kind != crate::names::token::Kind::Number {
            return None;
        }
        open += 1;
    }
    // A room or house number without its label (`bewoner 1A (D.E.I.)`).
    if g.tokens()
        .get(open)
        .is_some_and(|t| t.kind == crate::names::token::Kind::Number)
    {
        open += 1;
        if g.glued(open - 1) && g.is_capital_letter(open) {
            open += 1;
        }
    }
    let first = open + 1;
    if !g.is_punct(open, '(') || !g.glued(open) || !starts_upper(g, first) {
        return None;
    }
    // Initials alone (`slachtoffer (T.W.)`, `werknemer (A.D., uitzendkracht)`): the person,
    // the name left out on purpose.
    if let Some((next, letters)) = g.initials(first, false)
        && (g.is_punct(next, ')') || g.is_punct(next, ','))
    {
        return Some(g.initials_only(first, next, letters));
    }
    // A word is a name here only when it is a known one too (`Zomer`, not `Onbekend`).
    let word = super::is_word(g, first) && !g.has(first, class::SURNAME | class::FIRST_NAME);
    if word
        || g.has(
            first,
            class::PLACE | class::ORG | class::NOT_NAME | class::FUNCTION,
        )
    {
        return None;
    }
    let p = g.titled_name(first)?;
    let closes = g.is_punct(p.next, ')') || g.is_punct(p.next, ',') || g.word(p.next) == Some("en");
    closes.then_some(p)
}

/// Whether the title at `i` is used as one: abbreviations need their dot (`mr.`, `ir.`),
/// and none may be written in capitals (`ING` is a bank).
pub(super) fn is_title_use(g: &Grammar, i: usize) -> bool {
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
    // `advocaat mr Buitendijk`, `dr Visser`: the academic titles are often written without
    // their dot, and stay titles before a capitalised word right after them.
    let dotless = matches!(f.as_str(), "mr" | "mrs" | "dr" | "drs" | "ir" | "prof")
        && g.spaced(i)
        && g.is_cap(i + 1);
    !needs_dot || g.is_punct(i + 1, '.') || dotless || (f == "dhr" || f == "mw" || f == "mevr")
}

pub(super) fn introducer(g: &Grammar, i: usize) -> Option<usize> {
    INTRODUCERS.iter().find_map(|phrase| {
        let ok = phrase
            .iter()
            .enumerate()
            .all(|(k, p)| g.word_in(i + k, &[p]) && (k == 0 || g.spaced(i + k - 1)));
        (ok && g.spaced(i + phrase.len() - 1)).then_some(phrase.len())
    })
}

/// Dotted initials at the end of a line after a form of address, with the surname on the
/// next line (`de heer J.W.⏎Nijsten`): one name over the wrap.
fn initials_before_a_wrap(g: &Grammar, j: usize) -> Option<NameParse> {
    let (next, letters) = g.initials(j, true)?;
    if !g.is_line_end(next) || next + 1 >= g.tokens().len() {
        return None;
    }
    let surname = g.surname_alone(next + 1, true)?;
    Some(NameParse {
        start: g.tokens()[j].start,
        initials: Some(letters),
        form: Form::Initials,
        ..surname
    })
}

/// Dotted initials right after a form of address, with no name after them: they stand for
/// the person (`mevr. H.`, `dhr. T.G.`, `dhr. R.v.D.`).
fn titled_initials(g: &Grammar, j: usize) -> Option<NameParse> {
    // One capital without a dot before a word in lower case or a comma (`Meneer V is ok`,
    // `Fam K tekent`).
    if g.is_capital_letter(j)
        && g.spaced(j - 1)
        && (g.is_lower(j + 1) && g.spaced(j) || g.is_punct(j + 1, ','))
    {
        return Some(g.initials_only(j, j + 1, g.folded(j).to_string()));
    }
    let (next, letters) = g.initials(j, true)?;
    // A surname after them, also on the next line or after particles (`J.W. van der⏎Meer`),
    // is a name the other rules read whole: leave it to them rather than take half of it.
    // Not a form of address on the next line (`mr. E.J. van⏎De heer …`).
    let wrapped = g.is_line_end(next);
    let mut after = if wrapped { next + 1 } else { next };
    while g.is_lower(after) && g.has(after, class::PARTICLE) {
        after += 1;
    }
    // (`mw. S. uit Zalk`: a place after `uit` is where she lives, not her surname.)
    // (Particles with `uit` take an article: `uit den Bogaard`.)
    let from_place = g.word_in(next, &["uit"]) && after == next + 1;
    let named_next = (g.is_cap(after) && !from_place)
        || (after > next && g.is_line_end(after) && !g.has(after + 2, class::TITLE))
        || (wrapped && g.is_punct(after, '('));
    (!named_next).then(|| g.initials_only(j, next, letters))
}

/// `mw martina -`, `dhr tahiri belde`, `meneer van hout`, `fam dekker-sahin`: a surname typed
/// in lower case after a form of address (at `i`), where no word of the language stands (a
/// known surname that only looks like a compound counts: `dhr verschoor`). After one particle
/// a surname that is also a word counts (`meneer van hout`); after two, only one that is no
/// word (`meneer van de ncg` is someone from an organisation).
fn lower_surname(g: &Grammar, i: usize, j: usize) -> Option<NameParse> {
    use crate::names::lexicon::{is_compound_word, is_dutch_word};
    const PARTICLES: &[&str] = &["van", "de", "der", "den", "ter", "ten", "el", "al", "ould"];
    if !g.word_in(
        i,
        &["dhr", "mw", "mevr", "mevrouw", "meneer", "heer", "fam"],
    ) {
        return None;
    }
    let mut k = j;
    while k < j + 3 && g.word_in(k, PARTICLES) && g.is_lower(k) && g.spaced(k) {
        k += 1;
    }
    let other = class::OFFICE | class::FUNCTION | class::ORG | class::TITLE | class::PLACE;
    let surname = |k: usize, particles: usize| {
        let folded = g.folded(k);
        let known = GAZETTEER.is(folded, class::SURNAME | class::FIRST_NAME);
        let word = is_dutch_word(folded);
        g.word(k).is_some_and(|w| w.chars().count() >= 3)
            && g.is_lower(k)
            && !g.has(
                k,
                other | class::PARTICLE | class::WORD | class::ROLE | class::INTRODUCER,
            )
            && match particles {
                0 => !word && (known || !is_compound_word(folded)),
                1 => known,
                _ => known && !word,
            }
    };
    if !surname(k, k - j) || g.is_punct(k + 1, '@') {
        return None;
    }
    // A double surname: `dekker-sahin`.
    let mut last = k;
    if g.is_punct(k + 1, '-') && g.glued(k) && g.glued(k + 1) && surname(k + 2, 0) {
        last = k + 2;
    }
    let toks = g.tokens();
    Some(NameParse {
        start: toks[j].start,
        end: toks[last].end,
        next: last + 1,
        form: Form::Surname,
        given: None,
        initials: None,
        surname: Some(words_of(g, j, last + 1)),
    })
}

/// `Mw. WOUTERS:`, `De heer VAN DEN OETELAAR`: a surname in capitals after a form of address,
/// up to the first capitalised word that is a Dutch word and no surname (`EN`, `ZEGT`).
fn upper_surname(g: &Grammar, j: usize) -> Option<NameParse> {
    let mut p = g.upper_name(j)?;
    let toks = g.tokens();
    let mut end = j;
    while end < p.next
        && (g.has(end, class::PARTICLE | class::SURNAME)
            || !crate::names::lexicon::is_dutch_word(g.folded(end)))
        && !g.has(
            end,
            class::OFFICE | class::FUNCTION | class::ORG | class::TITLE,
        )
    {
        end += 1;
    }
    if end == j || (j..end).all(|k| g.has(k, class::PARTICLE)) {
        return None;
    }
    p.next = end;
    p.end = toks[end - 1].end;
    Some(p)
}

/// A surname that is also an organisation's word, after a form of address (`dhr. Kasteel`,
/// `de heer R.J. Kasteel`, `mw. Kasteel-Amrani`): the address says a person is meant. One
/// word (or two joined by a hyphen), perhaps after initials, that no capitalised word goes
/// on from as an organisation's name would. Not after `fam`, which chats write loosely
/// (`voor huis fam A. Gemeente belt jou`).
fn organisation_word_as_surname(g: &Grammar, title: usize, j: usize) -> Option<NameParse> {
    if g.word_in(title, &["fam", "familie"]) {
        return None;
    }
    let (k, initials) = match g.initials(j, false) {
        Some((k, letters)) if g.spaced(k - 1) => (k, Some(letters)),
        _ => (j, None),
    };
    let excluded = class::FUNCTION | class::OFFICE | class::PLACE | class::NOT_NAME | class::TITLE;
    if !g.is_cap(k) || !g.has(k, class::ORG) || g.has(k, excluded) {
        return None;
    }
    let mut next = k + 1;
    if g.glued(k) && g.is_punct(k + 1, '-') && g.glued(k + 1) && g.is_cap(k + 2) {
        next = k + 3;
    }
    if g.spaced(next - 1) && (g.is_cap(next) || g.has(next, class::PARTICLE)) {
        return None;
    }
    let toks = g.tokens();
    Some(NameParse {
        start: toks[j].start,
        end: toks[next - 1].end,
        next,
        form: if initials.is_some() {
            Form::Initials
        } else {
            Form::Surname
        },
        given: None,
        initials,
        surname: Some(fold(&g.text()[toks[k].start..toks[next - 1].end])),
    })
}

/// A common surname that is also a word, after a function (`wijkagent Bos komt ook`), when
/// no subject goes on after it (`beleidsmedewerker Bos en Natuur`, `adviseur Bos &
/// Landschap`).
/// Professions whose holders are named by their surname, not by a subject they work on.
const PRACTITIONERS: &[&str] = &[
    "advocaat",
    "notaris",
    "deurwaarder",
    "gerechtsdeurwaarder",
    "huisarts",
    "dierenarts",
    "tandarts",
    "makelaar",
    "taxateur",
    "tolk",
    "curator",
    "bewindvoerder",
];

fn surname_not_subject(g: &Grammar, i: usize) -> bool {
    let and = g.word_in(i + 1, &["en"]) || g.is_punct(i + 1, '&');
    g.has(i, class::SURNAME) && !(and && g.is_cap(i + 2))
}

/// Whether the line of token `i` is running text up to it: words after words, not a form's
/// or a table's columns (`Relatie tot B1       partner`, `Naam ........ J. Brink`).
fn in_running_text(g: &Grammar, i: usize) -> bool {
    // A few hundred bytes back at most: a document may be one long line.
    let line = crate::detect::line_before(g.text(), g.tokens()[i].start, 300).trim_start();
    !line.is_empty() && !["  ", "..", "\t", "|"].iter().any(|s| line.contains(s))
}

/// Whether `v` or `v.` at `i` abbreviates the `van` of a surname (`hoofdagent v. Elst`,
/// `dochter v Gestel`, `Ramkisoensing, v. Oorschot`): before a capitalised word that is no
/// era (`v. Chr.`). A place's name there is a person's only after a role, a function or a
/// title (`de trein v. Utrecht` is the place).
fn van_abbreviated(g: &Grammar, i: usize) -> bool {
    let surname = if g.is_punct(i + 1, '.') && g.glued(i) {
        i + 2
    } else {
        i + 1
    };
    // Standing apart: the `v.` closing an abbreviation (`t.b.v. Woo`, `m.u.v. Vechta`) is
    // none.
    let apart = i == 0 || g.spaced(i - 1) || g.is_line_end(i - 1);
    if !apart
        || !g.is_cap(surname)
        || g.word_in(surname, &["chr"])
        || g.has(surname, class::ORG)
        // One word: `v. Studio Polderwerk` is where someone is from.
        || (g.spaced(surname) && g.is_cap(surname + 1))
        || g.str(surname).chars().count() < 3
    {
        return false;
    }
    let after_a_role =
        i > 0 && g.spaced(i - 1) && g.has(i - 1, class::ROLE | class::FUNCTION | class::TITLE);
    !g.has(surname, class::PLACE) || after_a_role
}
