//! Organisation names, which stay readable even where they hold a person's name or words
//! that would otherwise read as one: `Transportbedrijf Gerrit Kamphuis B.V.`, `CBS Jan
//! Ligthart`, `Bakkerij Hulshof`, `Verbrugge & Kroon Advocaten`, `Kruispunt Advies`.
//!
//! An organisation is recognised by a head word that says what kind it is (`Stichting`,
//! `Gebr.`, `Bakkerij`, or a compound ending in `-bedrijf`, `-bureau`, `-school`, …) followed
//! by its name, or by a legal form or trade word that closes the name (`B.V.`, `& Zn.`,
//! `Advocaten`, `Advies`). The name of a person who works there is not part of it: `Olaf van
//! Kruispunt Advies` stops at the lower-case `van`.
//!
//! Names of things known beforehand are matched as written ([`ThingNames`]): the keep list's
//! organisations by their short names (`Van Dijk` for `Van Dijk Air & Sea Logistics B.V.`)
//! and the gazetteer's places of more than one word (`Peel en Maas`).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::grammar::{Grammar, NameParse, shape};
use super::lexicon::{self, class};
use super::token::Kind;
use super::wordset::{Endings, WordSet};

/// Words that open an organisation's name, folded.
const HEADS: &[&str] = &[
    "stichting",
    "vereniging",
    "buurtvereniging",
    "cooperatie",
    "gebr",
    "gebroeders",
    "firma",
    "fa",
    "cbs",
    "obs",
    "pcb",
    "rkbs",
    "ikc",
    "hotel",
    "restaurant",
    "cafe",
    "garage",
    "camping",
    "minicamping",
    "dorpshuis",
    "buurthuis",
    "wijkcentrum",
    "sporthal",
    "museum",
    "theater",
    "kerk",
    "parochie",
    "maatschap",
    "manege",
    "apotheek",
    "woonstichting",
    "kinderopvang",
    "zorgboerderij",
    "boerderij",
    "hoeve",
    "landgoed",
    "notariskantoor",
    "advocatenkantoor",
    "huisartsenpraktijk",
    "tandartspraktijk",
];

/// Endings of compound words that name a kind of organisation (`Transportbedrijf`,
/// `Notuleerbureau`, `Schweitzerschool`), folded.
const HEAD_ENDINGS: &[&str] = &[
    "bedrijf",
    "bureau",
    "kantoor",
    "school",
    "vereniging",
    "camping",
    "centrum",
    "praktijk",
    "fonds",
    "stichting",
    "handel",
    "techniek",
    "bouw",
    "service",
    "services",
    "makelaardij",
    "bakkerij",
    "slagerij",
    "kwekerij",
    "drukkerij",
    "slachterij",
    "brouwerij",
    "rederij",
    "corporatie",
    "schade",
    "gemeenschap",
];

/// Endings that name a kind of organisation only as the end of a compound
/// (`Boerenadvies Oost`, `Grondwerken Van Dam`): alone they close a name (`Kruispunt Advies`)
/// or are a common word.
const COMPOUND_ENDINGS: &[&str] = &["advies", "werken"];

/// Words that close an organisation's name, folded: legal forms and trades.
const CLOSERS: &[&str] = &[
    "bv",
    "nv",
    "vof",
    "cv",
    "zn",
    "zonen",
    "advocaten",
    "notarissen",
    "architecten",
    "accountants",
    "adviseurs",
    "advies",
    "consultancy",
    "consult",
    "holding",
    "groep",
    "transport",
    "beheer",
    "installaties",
    "engineering",
    "ingenieurs",
    "vastgoed",
    "makelaars",
    "projecten",
    "partners",
    "logistics",
    "cargo",
    "freight",
    "shipping",
    "trading",
    "services",
    "solutions",
    "security",
    "group",
    "fonds",
    "school",
    "journalistiek",
];

// The lists above, hashed: `find` looks up every word of a text.
static HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEADS));
static CLOSER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CLOSERS));
static FAMILY_HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FAMILY_HEADS));
static HEAD_ENDING_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEAD_ENDINGS));
static HEAD_ENDINGS_BY_TAIL: LazyLock<Endings> = LazyLock::new(|| Endings::new(HEAD_ENDINGS));
static COMPOUND_ENDINGS_BY_TAIL: LazyLock<Endings> =
    LazyLock::new(|| Endings::new(COMPOUND_ENDINGS));

/// Whether a folded word says what kind of organisation follows or precedes it
/// (`camping`, `stichting`, `transportbedrijf`).
pub(crate) fn is_kind_of_organisation(folded: &str) -> bool {
    HEAD_SET.contains(folded) || ends_in_kind(folded)
}

/// Words that open a family's name as the name of its business or household (`Maatschap
/// Nijkamp`, `fam. Koster`), folded: the family name is the people's own.
pub(crate) const FAMILY_HEADS: &[&str] = &["maatschap", "familie", "fam"];

/// Whether a lower-cased line starts with a family's business or household and its name
/// (`maatschap nijkamp`, `fam. koster`, `maatschap ten brinke-lubberding`).
pub(crate) fn is_family_business(lower_line: &str) -> bool {
    let mut words = lower_line.split_whitespace();
    let head = words.next().unwrap_or("").trim_end_matches('.');
    FAMILY_HEADS.contains(&head) && words.next().is_some()
}

/// Whether a folded word is, or ends in, a kind of organisation (`school`,
/// `transportbedrijf`, `boerenadvies`).
pub(crate) fn ends_in_kind(folded: &str) -> bool {
    let compound_of = |e: &str| folded.len() > e.len() + 2 && folded.ends_with(e);
    HEAD_ENDINGS_BY_TAIL.any(folded, |e| folded == e || compound_of(e))
        || COMPOUND_ENDINGS_BY_TAIL.any(folded, compound_of)
}

/// The byte ranges of the organisation names in the text of `g`, in text order.
pub fn find(g: &Grammar) -> Vec<(usize, usize)> {
    let toks = g.tokens();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // The token ranges of the names after a head word (`Jacoba Oldenhof` of `zorgcentrum
    // Jacoba Oldenhof`), which name the organisation elsewhere in the text too.
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(w) = g.word(i) else {
            i += 1;
            continue;
        };
        let f = g.folded(i);
        let compound = ends_in_kind(f);
        // A head word in lower case too (`zorgcentrum Jacoba Oldenhof`): the capitalised
        // name after it says it is a name.
        // In lower case only a compound (`zorgcentrum`, not `advies`) before a capital.
        let lower_head = g.is_lower(i)
            && compound
            && !HEAD_ENDING_SET.contains(f)
            && g.word(g.skip_wrap(i + 1))
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        let head = HEAD_SET.contains(f) || (g.is_cap(i) && compound) || lower_head;
        // After a head in lower case, one word may be the family that runs the business
        // (`maatschap Wassink`): only a longer name is the organisation's own.
        // So may a family name after `Maatschap` or `Fam.` in any case
        // (`Maatschap Ten Brinke-Lubberding`).
        let family = FAMILY_HEAD_SET.contains(f);
        let long_enough = |end: usize| {
            let words = (i + 1..end)
                .filter(|&k| g.word(k).is_some() && !g.has(k, class::PARTICLE))
                .filter(|&k| !(k > 0 && g.is_punct(k - 1, '-') && g.glued(k - 1)))
                .count();
            !(g.is_lower(i) || family) || words >= 2
        };
        // A family's business or household (`Maatschap Peeters Boomkwekerij`, `fam. Koster`)
        // is the family: its name is no organisation's that stays readable.
        if family {
            i += 1;
            continue;
        }
        // A head that ends its line before a form of address is a heading (`3. Gevolgschade`
        // / `Mevrouw Vermeulen brengt naar voren …`): the next line is no name of it.
        let heading = g.is_line_end(i + 1) && g.has(g.skip_wrap(i + 1), class::TITLE);
        if head
            && !heading
            && let Some(end) = name_after(g, i + 1).filter(|&end| long_enough(end))
        {
            out.push((toks[i].start, toks[end - 1].end));
            names.push((g.skip_wrap(i + 1), end));
            i = end;
            continue;
        }
        if !w.starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        // A name run into a kind of organisation (`Jan Ligthartschool`, `Dr. Albert
        // Schweitzerschool`): the words before it are the rest of the name.
        if compound
            && g.is_cap(i)
            && f.len() > 8
            && let Some(start) = name_before(g, i)
            && start < i
        {
            out.push((toks[start].start, toks[i].end));
            i += 1;
            continue;
        }
        if CLOSER_SET.contains(f) && g.is_cap(i) || is_legal_form(g, i) {
            let end = legal_form_end(g, i);
            if let Some(start) = name_before(g, i) {
                // Joined with an organisation found just before (`Transportbedrijf Gerrit
                // Kamphuis` + `B.V.`).
                let start_byte = toks[start].start;
                match out.last_mut() {
                    Some(last) if last.1 >= toks[start.saturating_sub(1)].start.min(start_byte) => {
                        last.1 = toks[end - 1].end;
                    }
                    _ => out.push((start_byte, toks[end - 1].end)),
                }
            } else if let Some(last) = out.last_mut().filter(|l| l.1 + 2 >= toks[i].start) {
                last.1 = toks[end - 1].end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    firms(g, &mut out);
    elsewhere(g, &names, &mut out);
    // A family's partnership is the family (`Oude Luttikhuis V.O.F.`), and so is the business
    // named with it (`melkveebedrijf Oude Luttikhuis V.O.F.`).
    out.retain(|&(s, e)| {
        let first = toks.partition_point(|t| t.start < s);
        let last = toks.partition_point(|t| t.start < e);
        !(first..last).any(|k| partnership_family(g, k).is_some())
    });
    out
}

/// Firms named after their partners (`Prins & Hoekstra`, `Van der Wal & Scholten`): surnames
/// on both sides of `&`. Not when a side starts with a first name or an initial (`Jan &
/// Marieke`, `J. & M. de Vries`): that is a couple.
fn firms(g: &Grammar, out: &mut Vec<(usize, usize)>) {
    let toks = g.tokens();
    let mut found = Vec::new();
    for k in 1..toks.len().saturating_sub(1) {
        if !(g.is_punct(k, '&') && g.spaced(k - 1) && g.spaced(k)) {
            continue;
        }
        // The partner before: capitalised words and particles back to the line's start or
        // a lower-case word.
        let mut start = None;
        let mut j = k;
        while j > 0 && k - j < 5 && g.spaced(j - 1) {
            let w = j - 1;
            let capital = g.word(w).is_some_and(|x| x.starts_with(char::is_uppercase))
                && !g.has(w, class::FUNCTION | class::TITLE);
            if !(capital || (g.is_lower(w) && g.has(w, class::PARTICLE))) {
                break;
            }
            if capital {
                start = Some(w);
            }
            j = w;
        }
        let Some(start) = start else { continue };
        let Some(end) = name_after(g, k + 1) else {
            continue;
        };
        let given_or_initial = |w: usize| {
            (g.has(w, class::FIRST_NAME) && !g.has(w, class::SURNAME))
                || (g.word(w).is_some_and(|x| x.chars().count() == 1) && g.is_punct(w + 1, '.'))
        };
        if given_or_initial(start) || given_or_initial(g.skip_wrap(k + 1)) {
            continue;
        }
        found.push((toks[start].start, toks[end - 1].end));
    }
    if found.is_empty() {
        return;
    }
    let known = crate::spans::Spans::new(out.clone());
    found.retain(|&(s, e)| !known.overlaps(s, e));
    out.extend(found);
    out.sort_unstable();
}

/// Adds the other places where the name of an organisation found after its head word stands
/// alone (`Onderwerp: Jacoba Oldenhof – paraatheid`). Only names of two words or more, and
/// not after a title or first name: a surname alone (`Bakkerij Hulshof`, then `Hulshof
/// belde`), or one after a title (`Autohandel Van Dalen`, then `meneer Van Dalen`), is the
/// person's.
fn elsewhere(g: &Grammar, names: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    let toks = g.tokens();
    let words =
        |(a, b): (usize, usize)| -> Vec<&str> { (a..b).filter_map(|k| g.word(k)).collect() };
    let mut seen: Vec<Vec<&str>> = Vec::new();
    for &range in names {
        let name = words(range);
        if name.len() < 2 || seen.contains(&name) {
            continue;
        }
        seen.push(name);
    }
    if seen.is_empty() {
        return;
    }
    let found = crate::spans::Spans::new(out.clone());
    let covered = |s: usize, e: usize| found.covers(s, e);
    // The names by their first word, so each token is looked up once.
    let mut by_first: HashMap<&str, Vec<&Vec<&str>>> = HashMap::new();
    for name in &seen {
        by_first.entry(name[0]).or_default().push(name);
    }
    for k in 0..toks.len() {
        let Some(candidates) = g.word(k).and_then(|w| by_first.get(w)) else {
            continue;
        };
        for name in candidates {
            // The same words, apart only by spaces or a line break.
            let mut j = k;
            let mut matched = 0;
            while matched < name.len() && g.word(j) == Some(name[matched]) {
                matched += 1;
                j = if matched < name.len() {
                    g.skip_wrap(j + 1)
                } else {
                    j + 1
                };
            }
            let (s, e) = (toks[k].start, toks[j - 1].end);
            if matched == name.len()
                && g.word(j).is_none_or(|w| !w.starts_with(char::is_uppercase))
                && !covered(s, e)
                && !after_a_person_word(g, k)
            {
                out.push((s, e));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Classes of words that make a partnership's name a trade name, not a family's.
const TRADE_WORDS: u16 = class::ORG | class::PLACE | class::FUNCTION | shape::ORG_COMPOUND;

/// The family name right before a partnership's legal form at token `i` (`Oude Luttikhuis
/// V.O.F.`, `ten Dam-Kosters VOF`, `H.J. Oude Luttikhuis V.O.F.`): a vof has no legal
/// personality, so its name is the family name of the people who run it. Not a trade name
/// (`Agrarisch Loonbedrijf VOF`).
pub(crate) fn partnership_family(g: &Grammar, i: usize) -> Option<NameParse> {
    let opens = g
        .word(i)
        .is_some_and(|w| w.eq_ignore_ascii_case("vof") || w.eq_ignore_ascii_case("v"));
    if !opens || i == 0 || !g.spaced(i - 1) || legal_letters(g, i).0 != "vof" {
        return None;
    }
    (i.saturating_sub(7)..i).find_map(|k| {
        let p = g.name(k, true).or_else(|| g.surname_alone(k, false))?;
        let words: Vec<usize> = (k..p.next)
            .filter(|&w| g.word(w).is_some() && !g.has(w, class::PARTICLE))
            .collect();
        // Every word a surname, or no word of the language (`Harmsen Recreatie`, `Maasveer`
        // are trade names), but for the adjectives that open eastern family names.
        let family = words.iter().enumerate().all(|(n, &w)| {
            let word = g.has(w, class::WORD) || lexicon::is_compound_word(g.folded(w));
            !g.has(w, TRADE_WORDS)
                && (g.has(w, class::SURNAME)
                    || !word
                    || (n == 0
                        && words.len() > 1
                        && lexicon::SURNAME_ADJECTIVES.contains(&g.folded(w))))
        });
        (p.next == i && (k..i).all(|j| !g.is_line_end(j)) && family).then_some(p)
    })
}

/// Legal forms abroad written as one word, folded (`GmbH`, `Ltd.`, `LLC`): as initials they
/// are no one's, unlike `AG` or `Co`.
const FOREIGN_LEGAL_FORMS: &[&str] = &[
    "gmbh", "ltd", "llc", "llp", "inc", "plc", "bvba", "sarl", "srl", "spa", "fze",
];

/// `B.V.`, `BV`, `N.V.`, `V.O.F.`, `GmbH`, `Ltd.` at token `i`.
fn is_legal_form(g: &Grammar, i: usize) -> bool {
    let letters = legal_letters(g, i).0;
    matches!(letters.as_str(), "bv" | "nv" | "vof" | "cv")
        || (!g.is_lower(i) && FOREIGN_LEGAL_FORMS.contains(&g.folded(i)))
}

/// Whether the words from token `from` up to byte `end` close with a legal form (`Alpenpark
/// Zell am See GmbH`, `PON AUTOMOTIVE B.V.`): an organisation's name fills them.
pub(in crate::names) fn closes_with_a_legal_form(g: &Grammar, from: usize, end: usize) -> bool {
    let toks = g.tokens();
    (from..toks.len())
        .take_while(|&i| toks[i].start < end)
        .any(|i| {
            // In capitals also the short forms that are initials elsewhere (`Wise Europe SA`).
            let listed = g.has(i, shape::UPPER) && LISTED_LEGAL_FORMS.contains(&g.folded(i));
            (is_legal_form(g, i) || listed)
                && toks
                    .get(legal_form_end(g, i))
                    .is_none_or(|t| t.start >= end)
        })
}

/// The folded letters of dotted or plain capitals at `i` and the token after them.
fn legal_letters(g: &Grammar, i: usize) -> (String, usize) {
    let mut letters = String::new();
    let mut k = i;
    while let Some(w) = g.word(k) {
        if !w.chars().all(char::is_uppercase) || w.chars().count() > 3 {
            break;
        }
        letters.push_str(g.folded(k));
        k += 1;
        if g.is_punct(k, '.') && g.glued(k - 1) {
            k += 1;
        } else {
            break;
        }
        if !g.glued(k - 1) {
            break;
        }
    }
    (letters, k)
}

/// The token after a legal form or closing word at `i` (with its dots).
fn legal_form_end(g: &Grammar, i: usize) -> usize {
    let (letters, k) = legal_letters(g, i);
    if matches!(letters.as_str(), "bv" | "nv" | "vof" | "cv") {
        k
    } else if g.is_punct(i + 1, '.') && g.glued(i) {
        i + 2
    } else {
        i + 1
    }
}

/// The end of an organisation's name after its head word: capitalised words, particles in
/// any case, initials, `&`, up to six tokens, and a legal form after them.
fn name_after(g: &Grammar, mut i: usize) -> Option<usize> {
    // `Gebr. Mulder`: the dot of an abbreviated head. After a full word a dot ends the
    // sentence (`… het Datacentrum. Samira Pattiasina belt`).
    if g.is_punct(i, '.') && g.glued(i - 1) {
        // Not a short head that is a whole word (`in de kerk. Vraag van N. Bouali`).
        let abbreviated = g.word(i - 1).is_some_and(|w| w.chars().count() <= 4)
            && !g.word_in(i - 1, &["kerk", "cafe"]);
        if !abbreviated {
            return None;
        }
        i += 1;
    }
    if !(g.spaced(i - 1) || g.wraps(i - 1)) {
        return None;
    }
    let start = g.skip_wrap(i);
    let mut k = start;
    let mut last_word = None;
    while k < start + 8 {
        let capital = g.word(k).is_some_and(|w| w.starts_with(char::is_uppercase))
            && !g.has(k, class::FUNCTION);
        let particle = g.is_lower(k) && g.has(k, class::PARTICLE);
        let amp = g.is_punct(k, '&');
        if !(capital || particle || amp) {
            break;
        }
        if capital {
            last_word = Some(k);
        }
        let joined =
            g.spaced(k) || (g.glued(k) && (g.is_punct(k + 1, '.') || g.is_punct(k + 1, '-')));
        k += 1;
        // The dot of an initial or of an abbreviation inside the name (`Gebr. Mulder`).
        if g.is_punct(k, '.')
            && g.glued(k - 1)
            && g.word(k - 1).is_some_and(|w| {
                w.chars().count() == 1
                    || (w.chars().count() <= 4
                        && g.spaced(k)
                        && HEADS.contains(&crate::fold::fold(w).as_str()))
            })
        {
            k += 1;
        } else if g.is_punct(k, '-') && g.glued(k - 1) && g.glued(k) {
            k += 1;
            continue;
        } else if !joined {
            break;
        }
    }
    let last = last_word?;
    let mut end = last + 1;
    if g.is_punct(end, '.') && g.glued(last) && g.word(last).is_some_and(|w| w.chars().count() == 1)
    {
        end += 1;
    }
    // A legal form after the name: `… Kamphuis B.V.`.
    if g.spaced(end - 1) && is_legal_form(g, end) {
        end = legal_form_end(g, end);
    }
    Some(end)
}

/// The start of the name before a closing word at `i`: capitalised words (capitalised
/// particles too: `Ten Cate`) and `&`, up to five tokens; a lower-case word or punctuation
/// ends it.
fn name_before(g: &Grammar, i: usize) -> Option<usize> {
    let mut start = None;
    let mut k = i;
    while k > 0 && i - k < 6 {
        let prev = k - 1;
        if !(g.spaced(prev) || g.glued(prev)) {
            break;
        }
        let capital = g
            .word(prev)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && !g.has(prev, class::FUNCTION | class::TITLE);
        let amp = g.is_punct(prev, '&') && start.is_some();
        if !(capital || amp) {
            break;
        }
        if capital {
            start = Some(prev);
        }
        k = prev;
    }
    // A line's first word may be a sentence's first word, not part of the name: keep it
    // only if it is capitalised as a name is (not `Het`, `De`).
    let s = start?;
    // A sentence's first word is capitalised for its place (`[Opmerking BV:`): a common word
    // there starts no name.
    if s + 1 == i && g.has(s, class::WORD) && super::person::sentence_start(g, s) {
        return None;
    }
    if s > 0 && g.tokens()[s - 1].kind == Kind::Newline && g.has(s, class::NOT_NAME) {
        return (s + 1 < i).then_some(s + 1);
    }
    if g.has(s, shape::UPPER) && s + 1 == i {
        return None;
    }
    Some(s)
}

/// Legal forms that close a keep list's entry besides those abroad, folded: Dutch ones written
/// without dots, and short ones that in running text may be initials (`AG`, `Co.`). A text
/// names the organisation without them (`Veltronix Precision B.V.` is `Veltronix`).
const LISTED_LEGAL_FORMS: &[&str] = &["bv", "nv", "vof", "cv", "ua", "co", "ag", "sa", "kg"];

/// Trade words of firms named after their partners, folded.
const PARTNER_FIRMS: &[&str] = &[
    "advocaten",
    "notarissen",
    "accountants",
    "architecten",
    "adviseurs",
    "makelaars",
    "partners",
    "zn",
    "zonen",
];

/// Names of things that look like people's names: the organisations of the keep list by the
/// short names a text uses for them ([`ThingNames::new`]), and the gazetteer's places of more
/// than one word ([`ThingNames::places`]).
///
/// An organisation's short names are the first words of its name without its legal form
/// (`Van Dijk` and `Van Dijk Air & Sea` of `Van Dijk Air & Sea Logistics B.V.`), also after a
/// place that opens it (`Huaxin` of `Shenzhen Huaxin Microelectronics`), and an abbreviation
/// in brackets (`BAFA`). The keep list protects the whole name; these keep its short names
/// from being read as a person.
#[derive(Clone, Default)]
pub(crate) struct ThingNames {
    /// Each name as its tokens (words folded), by its first token.
    by_first: HashMap<String, Vec<Vec<String>>, lexicon::FastHash>,
}

impl std::fmt::Debug for ThingNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThingNames")
            .field(
                "names",
                &self.by_first.values().map(Vec::len).sum::<usize>(),
            )
            .finish()
    }
}

impl ThingNames {
    /// The short names of the organisations among `keep`: entries without digits or `@`
    /// (addresses, numbers and mailboxes are no names).
    pub(crate) fn new(keep: &[String]) -> ThingNames {
        let mut listed = ThingNames::default();
        for entry in keep {
            if entry.contains(|c: char| c.is_ascii_digit() || c == '@') {
                continue;
            }
            let toks = super::token::tokenize(entry);
            let g = Grammar::new(entry, &toks);
            let key = |k: usize| token_key(&g, k).to_string();
            // The name without what is in brackets and without its legal form.
            let mut name: Vec<usize> = Vec::new();
            let mut depth = 0usize;
            for (k, tok) in toks.iter().enumerate() {
                match tok.kind {
                    Kind::Punct('(') => depth += 1,
                    Kind::Punct(')') => depth = depth.saturating_sub(1),
                    Kind::Word if depth > 0 && g.has(k, shape::UPPER) => {
                        listed.add(vec![key(k)]);
                    }
                    _ if depth == 0 => name.push(k),
                    _ => {}
                }
            }
            while let Some(&last) = name.last() {
                let folded = g.folded(last);
                let legal = (LISTED_LEGAL_FORMS.contains(&folded)
                    || FOREIGN_LEGAL_FORMS.contains(&folded))
                    && !g.has(last, shape::LOWER);
                // A letter of a dotted form (`B.V.`, `S.A.`).
                let dotted = g.is_capital_letter(last) && g.is_punct(last + 1, '.');
                if legal || dotted || g.word(last).is_none() {
                    name.pop();
                } else {
                    break;
                }
            }
            // A firm of partners is named after them: one of its names alone is a partner
            // (`Boerhave` of `Boerhave Lint Advocaten`).
            let partners = name
                .iter()
                .any(|&k| g.is_punct(k, '&') || PARTNER_FIRMS.contains(&g.folded(k)));
            let starts = [0, 1].into_iter().filter(|&n| {
                n == 0 || (name.len() > 2 && g.has(name[0], class::PLACE) && g.is_cap(name[0]))
            });
            for from in starts {
                for to in from + 1..=name.len() {
                    let words = &name[from..to];
                    if short_name(&g, words) && !(partners && words.len() == 1) {
                        listed.add(words.iter().map(|&k| key(k)).collect());
                    }
                }
            }
        }
        listed
    }

    /// The places of more than one word in the gazetteer (`Peel en Maas`, `Hoek van Holland`,
    /// `Ten Boer`), read whole: a staff member's surname inside one is the place's.
    pub(crate) fn places() -> &'static ThingNames {
        static PLACES: LazyLock<ThingNames> = LazyLock::new(|| {
            let mut places = ThingNames::default();
            for place in lexicon::multi_word_places() {
                let toks = super::token::tokenize(place);
                let g = Grammar::new(place, &toks);
                places.add(
                    (0..toks.len())
                        .map(|k| token_key(&g, k).to_string())
                        .collect(),
                );
            }
            places
        });
        &PLACES
    }

    fn add(&mut self, tokens: Vec<String>) {
        let forms = self.by_first.entry(tokens[0].clone()).or_default();
        if !forms.contains(&tokens) {
            forms.push(tokens);
            // Longest first: the widest short name wins where two share a start.
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
    }

    /// The byte ranges where `g` names one of these things, but not where the words name a
    /// person: after a title, a first name or an initial (`mevrouw Van Dijk`, `Sandra van
    /// Dijk`), or a surname that `is_person` says someone bears (given the surname and where
    /// the name is).
    pub(crate) fn find(
        &self,
        g: &Grammar,
        is_person: impl Fn(&str, (usize, usize)) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.by_first.is_empty() {
            return out;
        }
        let toks = g.tokens();
        let mut k = 0;
        while k < toks.len() {
            // A name is written with a capital; a particle in lower case opens a person's
            // name (`Sandra van Dijk`).
            let capital = g.word(k).is_some_and(|w| w.starts_with(char::is_uppercase));
            let form = capital
                .then(|| self.by_first.get(g.folded(k)))
                .flatten()
                .and_then(|forms| {
                    forms.iter().find(|form| {
                        k + form.len() <= toks.len()
                            && form
                                .iter()
                                .enumerate()
                                .all(|(n, f)| token_key(g, k + n) == f)
                    })
                });
            let Some(form) = form else {
                k += 1;
                continue;
            };
            let (first, end) = (k, k + form.len());
            k = end;
            let range = (toks[first].start, toks[end - 1].end);
            let surname = (first..end)
                .filter(|&t| g.word(t).is_some() && !g.has(t, class::PARTICLE))
                .map(|t| g.folded(t))
                .collect::<Vec<_>>()
                .join(" ");
            if !(after_a_person_word(g, first) || is_person(&surname, range)) {
                out.push(range);
            }
        }
        out
    }
}

/// Token `k` as names of things are compared: a word folded, anything else as written.
fn token_key<'a>(g: &'a Grammar, k: usize) -> &'a str {
    match g.word(k) {
        Some(_) => g.folded(k),
        None => g.str(k),
    }
}

/// Whether the words `words` of a listed organisation's name can stand for it alone: they end
/// in a word that is no particle or connector and hold a capitalised word; one word alone must
/// be no first name or surname (`Arslan` of `Arslan Import & Export` may be the owner), nor
/// the word for its kind (`Autohandel` of `Autohandel Van Gils`: any car dealer).
fn short_name(g: &Grammar, words: &[usize]) -> bool {
    let Some(&last) = words.last() else {
        return false;
    };
    let connector = |k: usize| g.word(k).is_none() || g.has(k, class::PARTICLE) || g.is_lower(k);
    let capital = words
        .iter()
        .any(|&k| (g.is_cap(k) || g.has(k, shape::UPPER)) && !g.has(k, class::PARTICLE));
    let named = |k: usize| g.has(k, class::FIRST_NAME | class::SURNAME);
    let kind = |k: usize| is_kind_of_organisation(g.folded(k));
    !connector(last) && capital && (words.len() > 1 || !(named(words[0]) || kind(words[0])))
}

/// Whether the word before token `k` says a person's name follows: a title or form of
/// address, a first name or an initial, or a name that the word after it tags with its
/// organisation (`JW Sprenger Politie`, `Esther Kok LCH`).
fn after_a_person_word(g: &Grammar, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let before = k - 1;
    if g.is_punct(before, '.') && before > 0 {
        let word = before - 1;
        return g.word(word).is_some_and(|w| w.chars().count() == 1) || g.has(word, class::TITLE);
    }
    if g.word(before).is_none() {
        return false;
    }
    let named = g.has(before, class::FIRST_NAME | class::SURNAME) || !g.has(before, class::WORD);
    let capital = g.is_cap(before) || g.has(before, shape::UPPER);
    g.has(before, class::TITLE)
        || (capital
            && g.spaced(before)
            && named
            && !g.has(before, class::ORG | class::PLACE | class::OFFICE))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn orgs(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        find(&g).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    fn listed(keep: &[&str], text: &str, bearer: &str) -> Vec<String> {
        let keep: Vec<String> = keep.iter().map(|s| s.to_string()).collect();
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        ThingNames::new(&keep)
            .find(&g, |surname, _| surname == bearer)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn listed_organisations_by_their_short_names() {
        let keep = [
            "Van Dijk Air & Sea Logistics B.V.",
            "Shenzhen Huaxin Microelectronics Co., Ltd.",
            "Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)",
            "Boerhave Lint Advocaten",
            "Arslan Import & Export V.O.F.",
            "Autohandel Van Gils",
            "Postbus 20061, 2500 EB Den Haag",
        ];
        let found = listed(
            &keep,
            "Van Dijk A&S meldt dat VAN DIJK AIR & SEA de zending had. Mr. Liu van Huaxin \
             belde. BAFA antwoordt. Boerhave Lint vraagt uitstel.\n",
            "",
        );
        assert_eq!(
            found,
            [
                "Van Dijk",
                "VAN DIJK AIR & SEA",
                "Huaxin",
                "BAFA",
                "Boerhave Lint"
            ]
        );
        // A person's name: after a title, a first name or an initial, in lower case after a
        // first name, a partner of a firm alone, a family's surname alone, a name someone
        // bears.
        let people = listed(
            &keep,
            "mevrouw Van Dijk, dhr. Van Dijk, Sandra van Dijk, S. Van Dijk. Boerhave belt. \
             Arslan komt. Kevin vGils Autohandel: kom. Postbus 20061.\n",
            "",
        );
        assert!(people.is_empty(), "{people:?}");
        let borne = listed(&keep, "Van Dijk belt terug.\n", "dijk");
        assert!(borne.is_empty(), "{borne:?}");
    }

    #[test]
    fn places_of_more_than_one_word() {
        let text = "In Ten Boer en Peel en Maas, niet bij mevrouw Ten Boer.\n";
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let found: Vec<&str> = ThingNames::places()
            .find(&g, |_, _| false)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["Ten Boer", "Peel en Maas"]);
    }

    #[test]
    fn organisations_with_people_in_their_names() {
        assert_eq!(
            orgs("De vrachtwagen van Transportbedrijf Gerrit Kamphuis B.V. reed door."),
            ["Transportbedrijf Gerrit Kamphuis B.V."]
        );
        assert_eq!(
            orgs("leerlingen van CBS Jan Ligthart en"),
            ["CBS Jan Ligthart"]
        );
        assert_eq!(orgs("brood van Bakkerij Hulshof."), ["Bakkerij Hulshof"]);
        // Legal forms abroad; `AG` may be initials.
        assert_eq!(
            orgs("geleverd door Steppe Tech Trading LLP en Kessler Maschinenbau GmbH uit Kleve."),
            ["Steppe Tech Trading LLP", "Kessler Maschinenbau GmbH"]
        );
        assert!(orgs("namens Jansen AG en").is_empty());
        assert_eq!(orgs("een brief van Gebr. Mulder over"), ["Gebr. Mulder"]);
        assert_eq!(
            orgs("namens Verbrugge & Kroon Advocaten schreef"),
            ["Verbrugge & Kroon Advocaten"]
        );
        assert_eq!(
            orgs("DNA-monsters genomen door Prins & Hoekstra (bijtwonden)"),
            ["Prins & Hoekstra"]
        );
        assert_eq!(
            orgs("Dierenarts is geweest. Dierenkliniek Van der Wal & Scholten. 2 laten"),
            ["Dierenkliniek Van der Wal & Scholten"]
        );
        assert!(orgs("Jan & Marieke de Vries kwamen").is_empty());
        assert_eq!(
            orgs("Olaf van Kruispunt Advies belde"),
            ["Kruispunt Advies"]
        );
        assert_eq!(
            orgs("Ik heb met Achmed van Air Cargo gesproken"),
            ["Air Cargo"]
        );
        assert_eq!(
            orgs("gevestigd: Stichting Willem Kamphuis Fonds, te"),
            ["Stichting Willem Kamphuis Fonds"]
        );
        assert_eq!(
            orgs("Autoschade Van der Linden herstelt"),
            ["Autoschade Van der Linden"]
        );
        assert_eq!(
            orgs("medewerker van Loonbedrijf Gebr. Mulder (mestvervoerder)"),
            ["Loonbedrijf Gebr. Mulder"]
        );
        assert_eq!(
            orgs("de aula van de Jan Ligthartschool? Die"),
            ["Jan Ligthartschool"]
        );
        // A name after a head word in lower case, and the same name alone elsewhere.
        assert_eq!(
            orgs(
                "cliënt van zorgcentrum Jacoba Oldenhof, Junne.\nOnderwerp: Jacoba Oldenhof – vervoer"
            ),
            ["zorgcentrum Jacoba Oldenhof", "Jacoba Oldenhof"]
        );
        // After a title, the name is the person's.
        assert_eq!(
            orgs(
                "Ik mailde meneer Van Dalen en dhr. Jacoba Oldenhof.\n\
                  Autohandel Van Dalen en Slachterij Jacoba Oldenhof."
            ),
            ["Autohandel Van Dalen", "Slachterij Jacoba Oldenhof"]
        );
    }

    #[test]
    fn people_and_sentences_are_no_organisation() {
        assert!(orgs("Een bezoek aan het Datacentrum.\nSamira Pattiasina belt.").is_empty());
        assert!(orgs("Een bezoek aan het Datacentrum. Samira Pattiasina belt.").is_empty());
        assert!(orgs("Jan de Vries belde over de vergunning.").is_empty());
        assert!(orgs("Het advies van de commissie is helder.").is_empty());
    }
}
