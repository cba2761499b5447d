//! Initials that stand for a person named beside them.

use std::collections::{BTreeMap, HashSet};

use super::mention;
use crate::fold::fold;
use crate::names::grammar::{Form, Grammar, NAMED_ABBREVIATIONS, NameParse};
use crate::names::lexicon::class;
use crate::names::person::date_follows;
use crate::names::token::Kind;
use crate::names::{Mention, Strength};

/// Initials that stand for a named person: right after the name in brackets
/// (`Kabel van Beek (KvB)`), in another cell of the same table row (`| F. Hermans | FH |`)
/// or defined in a legend (`PK = P. Kowalczyk`). Other occurrences follow through
/// propagation of removed text.
pub(super) fn abbreviations(g: &Grammar, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    // The token lines and their `|` counts, found once: a document may be one long line.
    let newlines: Vec<usize> = (0..toks.len())
        .filter(|&j| toks[j].kind == crate::names::token::Kind::Newline)
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
    // A legend of abbreviations: `PK = P. Kowalczyk; SL = G.J. Lenaerts`.
    let defined: Vec<usize> = out
        .iter()
        .filter(|m| {
            m.strength == Strength::Strong && matches!(m.parse.form, Form::Full | Form::Initials)
        })
        .filter_map(|m| {
            let first = toks.partition_point(|t| t.start < m.parse.start);
            let k = first.checked_sub(2)?;
            let w = g.word(k)?;
            let shaped = (2..=5).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
            let abbreviates = |c: &String| {
                c.chars().next() == w.chars().next() && c.chars().last() == w.chars().last()
            };
            (g.is_punct(k + 1, '=')
                && shaped
                && abbreviations_of(g, &m.parse).iter().any(abbreviates))
            .then_some(k)
        })
        .collect();
    for k in defined {
        out.push(initials_mention(g, k, "initials defined as the name"));
    }
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
        // `(KvB)` right after the name; there the writer may abbreviate as they like, as long
        // as the first and last letters are the name's (`R. Tjon-A-Fong (RTF)`).
        let bracketed = |k: usize| {
            g.word(k).is_some_and(|w| {
                (2..=5).contains(&w.chars().count())
                    && w.chars().all(|c| c.is_uppercase())
                    && candidates.iter().any(|c| {
                        c.chars().next() == w.chars().next() && c.chars().last() == w.chars().last()
                    })
            })
        };
        // Or last in the bracket, after the function (`R. El Khatib (inspecteur, RE)`,
        // `(jurist, hierna: BN)`).
        let last_in_bracket = || {
            let close = (next + 1..(next + 12).min(g.tokens().len()))
                .take_while(|&k| !g.is_line_end(k))
                .find(|&k| g.is_punct(k, ')'))?;
            let k = close.checked_sub(1).filter(|&k| k > *next)?;
            (g.is_punct(k - 1, '(') || g.is_punct(k - 1, ',') || g.is_punct(k - 1, ':'))
                .then_some(k)
        };
        if g.is_punct(*next, '(')
            && let Some(k) = last_in_bracket()
            && (is_candidate(k) || bracketed(k))
        {
            out.push(initials_mention(
                g,
                k,
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

/// The author of a comment in a Word document saved as text or PDF: `[Opmerking MdJ1]`,
/// `Commented [JdV2]:`, where the initials run into the comment's number.
pub(super) fn comment_authors(g: &Grammar, out: &mut Vec<Mention>) {
    for k in 1..g.tokens().len().saturating_sub(1) {
        let Some(w) = g.word(k) else { continue };
        let numbered = g.tokens()[k + 1].kind == crate::names::token::Kind::Number
            && g.tokens()[k + 1].start == g.tokens()[k].end;
        // Most words are followed by no number: nothing else to read.
        if !numbered {
            continue;
        }
        let letters = w.chars().count();
        let shaped = (2..=5).contains(&letters)
            && w.starts_with(char::is_uppercase)
            && w.ends_with(char::is_uppercase);
        let marker = g.is_punct(k - 1, '[')
            || g.word(k - 1)
                .is_some_and(|p| matches!(fold(p).as_str(), "opmerking" | "comment" | "commented"));
        if shaped && marker {
            out.push(initials_mention(g, k, "author of a comment"));
        }
    }
}

/// Words after which initials are a paraaf, inside a line (`Paraaf MHT binnen`, `[paraaf MJG
/// 11/3 — PBS 11/3]`). Not `actie`: an action is as often an organisation's (`actie RWS`).
const PARAAF_WORDS: &[&str] = &["paraaf", "parafen", "akkoord", "akk", "gezien"];

/// Initials inside a line after a paraaf word, and the dated initials that follow them in the
/// same list (`paraaf MJG 11/3 — PBS 11/3`). Not a function or an organisation's letters
/// (`akkoord SG`, `actie RWS`), nor letters the text uses as an organisation's.
pub(super) fn inline_parafen(g: &Grammar, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    let person_letters = |k: usize| {
        g.initials_alone(k).filter(|p| {
            let w = g.str(k);
            p.next == k + 1
                && w.chars().count() >= 2
                && !g.has(
                    k,
                    class::ORG | class::NOT_NAME | class::PLACE | class::FUNCTION,
                )
                && !NAMED_ABBREVIATIONS.contains(&g.folded(k))
                && !super::used_as_organisation(g, w)
        })
    };
    for i in 0..toks.len() {
        // At a line start the field rules read `Paraaf: …`.
        if !g.word_in(i, PARAAF_WORDS) || i == 0 || toks[i - 1].kind == Kind::Newline {
            continue;
        }
        let mut k = if g.is_punct(i + 1, ':') { i + 2 } else { i + 1 };
        let Some(p) = person_letters(k) else { continue };
        let ends = g.is_line_end(p.next)
            || date_follows(g, p.next)
            || [',', ')', ']', ';', '.']
                .iter()
                .any(|&c| g.is_punct(p.next, c))
            || g.is_lower(p.next);
        if !ends {
            continue;
        }
        out.push(mention(p, "name.paraaf", "initials after a paraaf word"));
        // More paraafs with their dates on the line: `— PBS 11/3`, `, AvdB 13/5`.
        k += 1;
        while k < toks.len() && !g.is_line_end(k) && k < i + 24 {
            let separator = ['/', ',', '—', '-'].iter().any(|&c| g.is_punct(k, c));
            if separator || toks[k].kind == Kind::Number {
                k += 1;
                continue;
            }
            match person_letters(k).filter(|p| date_follows(g, p.next)) {
                Some(p) => {
                    out.push(mention(p, "name.paraaf", "initials after a paraaf word"));
                    k += 1;
                }
                None => break,
            }
        }
    }
}

/// The initials in brackets right after a name found once the people are known (`Oriwaud
/// Haddad (OH)`, where only `De heer Haddad` told who was meant), as [`abbreviations`] reads
/// them after a name found beforehand.
pub(in crate::names) fn in_brackets_after(g: &Grammar, p: &NameParse) -> Option<Mention> {
    let next = p.next;
    let w = g.word(next + 1)?;
    let shaped = (2..=5).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
    // Asked after every strong name: the abbreviations are spelled out only for a bracket.
    let abbreviates = || {
        abbreviations_of(g, p)
            .iter()
            .any(|c| c.chars().next() == w.chars().next() && c.chars().last() == w.chars().last())
    };
    (g.is_punct(next, '(') && shaped && g.is_punct(next + 2, ')') && abbreviates())
        .then(|| initials_mention(g, next + 1, "initials in brackets after the name"))
}

/// Dotted abbreviations of two or more capitals that are no person's initials.
const NOT_PEOPLE: &[&str] = &[
    "nvt", "vs", "eu", "us", "ok", "zsm", "tbv", "nl", "uk", "rip",
];

/// Dotted initials that stand for a person where a text names people by their initials
/// only (case notes, a care team's lists): an entry of a list that opens with them
/// (`- P.F. (Hoogveld): studio`, `W.L.: via Housing First`, `CASUS 1 - R. P. (ZVH-…)`), and
/// initials listed together (`Agenda: R.P., D.W.`). Two letters at least, followed by a
/// bracket, colon or comma: a full name after them is read by the other rules.
pub(super) fn listed_initials(g: &Grammar, lines: &[super::Line], out: &mut Vec<Mention>) {
    // Dotted initials at `k` and the token after them, unless a name follows (`P.F.
    // Hoogveld` is read whole by the other rules).
    let dotted = |k: usize| {
        g.initials(k, false)
            .filter(|(next, letters)| {
                letters.len() >= 2 && !NOT_PEOPLE.contains(&letters.as_str()) && !g.is_cap(*next)
            })
            .map(|(next, _)| next)
    };
    let closed = |next: usize| [',', ':', '(', ';'].iter().any(|&c| g.is_punct(next, c));
    // Initials listed together from `at`, joined by commas or `en`.
    let list_from = |mut at: usize| {
        let mut listed: Vec<(usize, usize)> = Vec::new();
        while let Some(next) = dotted(at) {
            listed.push((at, next));
            if !(g.is_punct(next, ',') || g.word_in(next, &["en"])) {
                break;
            }
            at = next + 1;
        }
        listed
    };
    for line in lines {
        // An entry's opening: after a bullet, or a heading's dash (`CASUS 1 -`).
        let opening = (line.start..line.end.min(line.start + 4)).find(|&j| {
            (j == line.start && super::is_bullet(g, j))
                || (j > line.start && (g.is_punct(j, '-') || g.is_punct(j, '–')))
        });
        let k = opening.map_or(line.start, |j| j + 1);
        let mut lists = Vec::new();
        let first = list_from(k);
        if first.len() >= 2 || first.first().is_some_and(|&(_, next)| closed(next)) {
            lists.push(first);
        }
        // Or listed after a label (`Agenda casusoverleg morgen: R.P., D.W.`).
        for c in (k..line.end).filter(|&c| g.is_punct(c, ':')) {
            let listed = list_from(c + 1);
            if listed.len() >= 2 {
                lists.push(listed);
            }
        }
        for (start, next) in lists.into_iter().flatten() {
            out.push(dotted_mention(g, start, next));
        }
    }
}

fn dotted_mention(g: &Grammar, start: usize, next: usize) -> Mention {
    let letters: String = (start..next).filter_map(|k| g.word(k)).map(fold).collect();
    let parse = g.initials_only(start, next, letters);
    mention(parse, "name.initials", "initials listed for a person")
}

pub(super) fn initials_mention(g: &Grammar, k: usize, evidence: &'static str) -> Mention {
    let parse = g.initials_only(k, k + 1, fold(g.str(k)));
    mention(parse, "name.initials", evidence)
}

/// The ways a name is abbreviated to initials: `Kabel van Beek` → `KvB`, `KB`;
/// `H.E.H. 't Hart` → `HtH`, `HEHtH`, `HH`, `HEHH`; `Lotte Veldhuis` → `LV`, `LVe`. At least
/// two letters.
pub(super) fn abbreviations_of(g: &Grammar, p: &NameParse) -> Vec<String> {
    let toks = g.tokens();
    let first_tok = toks.partition_point(|t| t.start < p.start);
    let mut firsts = String::new();
    let mut particles = String::new();
    let mut surname: Vec<char> = Vec::new();
    // The surname's second letter: `LVe` tells Lotte Veldhuis from Lars Vos.
    let mut second: Option<char> = None;
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
            if surname.is_empty() {
                second = w.chars().nth(1).filter(|c| c.is_lowercase());
            }
            surname.extend(letter.to_uppercase());
            // A capital inside the word counts too (`D. O'Connor` → `DOC`, `McBride`).
            let mut previous = letter;
            for c in w.chars().skip(1) {
                if c.is_uppercase() && (previous.is_lowercase() || matches!(previous, '\'' | '’'))
                {
                    surname.push(c);
                }
                previous = c;
            }
        }
    }
    let (Some(first), Some(&last)) = (firsts.chars().next(), surname.first()) else {
        return Vec::new();
    };
    let all_surname: String = surname.iter().collect();
    // A double surname alone (`I. Lammers-Oude Egberink (LOE)`).
    let mut out = if surname.len() >= 2 {
        vec![all_surname.clone()]
    } else {
        Vec::new()
    };
    for lead in [first.to_string(), firsts.clone()] {
        for mid in [particles.as_str(), ""] {
            let two_letters = second.map(|c| format!("{last}{c}"));
            for tail in [
                Some(last.to_string()),
                Some(all_surname.clone()),
                two_letters,
            ]
            .into_iter()
            .flatten()
            {
                let c = format!("{lead}{mid}{tail}");
                if c.chars().count() >= 2 && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out
}
