//! Lists of people: a list that names one person names the others too.

use std::collections::HashMap;

use super::grammar::{Form, Grammar};
use super::lexicon::{FastHash, class};
use super::{Mention, Strength, directory};
use crate::spans::Spans;

/// Words that join the members of a list of people (`Mulder en Groen`, `Aalbers/Kuipers`).
const LIST_JOINERS: &[&str] = &["en", "of", "and", "&"];

/// In a list of people, a weak mention next to a strong one names a person too: `Mulder en
/// Groen zijn het eens`, `(Bram, Daan, Roos)`, `Aalbers/Kuipers/Mulder`. Repeated until
/// nothing changes, so a whole list follows from one member.
pub(super) fn strengthen_lists(g: &Grammar, mentions: &mut [Mention], anchors: &[bool]) {
    let toks = g.tokens();
    let separator = |k: usize| {
        [',', '/', '+', '&', ';'].iter().any(|&c| g.is_punct(k, c)) || g.word_in(k, LIST_JOINERS)
    };
    // The token a list neighbour starts at, after the name ending before `next`: one
    // separator, or a comma and a joining word (`Bram, Daan, en Roos`).
    let neighbour_starts = |next: usize| -> [Option<usize>; 2] {
        let one = separator(next).then_some(next + 1);
        let two = (g.is_punct(next, ',') && g.word_in(next + 1, LIST_JOINERS)).then_some(next + 2);
        [one, two]
    };
    let firsts: Vec<usize> = mentions
        .iter()
        .map(|m| toks.partition_point(|t| t.start < m.parse.start))
        .collect();
    // Mentions by first token and by the token after them, to find neighbours in O(1).
    let mut by_first: HashMap<usize, Vec<usize>, FastHash> = HashMap::default();
    let mut by_next: HashMap<usize, Vec<usize>, FastHash> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        by_first.entry(firsts[i]).or_default().push(i);
        by_next.entry(m.parse.next).or_default().push(i);
    }
    let mut strong: Vec<bool> = mentions
        .iter()
        .zip(anchors)
        .map(|(m, &a)| a && m.parse.form != Form::Part)
        .collect();
    for _ in 0..4 {
        let mut changed = false;
        for i in 0..mentions.len() {
            // `Kowloon Medical Supplies Ltd`: words before an organisation word name it.
            let next = mentions[i].parse.next;
            if mentions[i].strength == Strength::Strong
                || (g.spaced(next - 1) && g.is_cap(next) && g.has(next, class::ORG))
            {
                continue;
            }
            let after = neighbour_starts(mentions[i].parse.next)
                .into_iter()
                .flatten()
                .filter_map(|k| by_first.get(&k))
                .flatten();
            let before = [1, 2]
                .into_iter()
                .filter_map(|d| firsts[i].checked_sub(d))
                .filter_map(|k| by_next.get(&k))
                .flatten()
                .filter(|&&j| neighbour_starts(mentions[j].parse.next).contains(&Some(firsts[i])));
            if after.chain(before).any(|&j| strong[j]) {
                let m = &mut mentions[i];
                m.strength = Strength::Strong;
                m.evidence = "in a list of people".into();
                strong[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Whether word `i` stands in a list beside a place (`Kessel, Lith, Maren en Alem`): a list
/// holds one kind of thing, so a first name there is a place too.
pub(super) fn listed_beside_a_place(g: &Grammar, i: usize) -> bool {
    let separator =
        |k: usize| g.is_punct(k, ',') || g.is_punct(k, '/') || g.word_in(k, LIST_JOINERS);
    (i >= 2 && separator(i - 1) && is_place(g, i - 2)) || (separator(i + 1) && is_place(g, i + 2))
}

/// Whether word `k` is a capitalised place that is no first name too (`Lith`, not `Maren`).
pub(super) fn is_place(g: &Grammar, k: usize) -> bool {
    g.is_cap(k) && g.has(k, class::PLACE) && !g.has(k, class::FIRST_NAME)
}

/// Lists of people go on past what the rules and the directory know: `(o.a. Joke, Harrie,
/// fam. Hofman, Sevda)` after `Joke` is known. A capitalised word after a list separator next
/// to a strong mention is a person too, when it can only be a name (a known first name or
/// surname, or no common word, place or organisation word).
pub(super) fn extend_lists(
    g: &Grammar,
    organisations: &[(usize, usize)],
    protected: &Spans,
    mentions: &mut Vec<Mention>,
) {
    let toks = g.tokens();
    let orgs = Spans::new(organisations.to_vec());
    let covered = Spans::new(
        mentions
            .iter()
            .map(|m| (m.parse.start, m.parse.end))
            .collect(),
    );
    let mut new_spans: Vec<(usize, usize)> = Vec::new();
    let mut queue: Vec<usize> = mentions
        .iter()
        .filter(|m| m.strength == Strength::Strong && m.parse.form != Form::Part)
        .filter(|m| {
            m.evidence != directory::PUBLIC && !protected.overlaps(m.parse.start, m.parse.end)
        })
        .map(|m| m.parse.next)
        .collect();
    let mut added = 0;
    while let Some(next) = queue.pop() {
        if added > 1000 {
            break;
        }
        let sep =
            [',', '/', '&'].iter().any(|&c| g.is_punct(next, c)) || g.word_in(next, LIST_JOINERS);
        if !sep {
            continue;
        }
        let mut k = next + 1;
        if g.is_punct(next, ',') && g.word_in(k, LIST_JOINERS) {
            k += 1;
        }
        let k = k + g.titles(k);
        let Some(_) = g.word(k) else { continue };
        const NOT_A_NAME: u16 = class::WORD
            | class::PLACE
            | class::ORG
            | class::NOT_NAME
            | class::FUNCTION
            | class::OFFICE
            | class::TITLE;
        // `WenV`, `DGMo`: a capital inside a word makes an abbreviation, not a name.
        let inner_capital = g.str(k).chars().skip(1).any(char::is_uppercase);
        // A known name that is also a word may be listed (`Roos`); a place never is (`Lith`
        // in `uit Kessel, Lith en Alem`, whoever is called Van Lith).
        let name_like = g.is_cap(k)
            && !g.has(k, NOT_A_NAME & !class::WORD)
            && (g.has(k, class::FIRST_NAME | class::SURNAME)
                || !(g.has(k, class::WORD) || inner_capital));
        let (ts, te) = (toks[k].start, toks[k].end);
        let taken = covered.overlaps(ts, te)
            || orgs.overlaps(ts, te)
            || new_spans.iter().any(|&(s, e)| s < te && ts < e);
        if !name_like || taken {
            continue;
        }
        let Some(p) = g.name(k, true).or_else(|| g.given_alone(k)) else {
            continue;
        };
        if !(g.is_line_end(p.next)
            || [',', '/', '&', ')', '.', ';']
                .iter()
                .any(|&c| g.is_punct(p.next, c))
            || g.word_in(p.next, LIST_JOINERS))
        {
            continue;
        }
        queue.push(p.next);
        new_spans.push((p.start, p.end));
        mentions.push(Mention {
            parse: p,
            strength: Strength::Strong,
            rule: "name.list",
            evidence: "in a list of people".into(),
            staff: None,
        });
        added += 1;
    }
}
