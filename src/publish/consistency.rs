//! One decision per person within a near-duplicate group. Two checks, both on what the run
//! wrote, so no removed text is needed:
//!
//! - the same removed text (the same audit digest) under a different category or ground in
//!   two members;
//! - text removed in one member and readable in another at the same place: the two token
//!   sequences are aligned (Myers' diff), and a stretch that is a removal label in one and
//!   words in the other is reported. For a text document whose labels match its audit items
//!   one to one, the row names the removed item's digest.

use std::collections::{BTreeMap, BTreeSet};

use super::run::{Item, Kind};
use super::text::LABEL;

/// Alignments needing more edits than this are given up (the documents differ too much to
/// point at places).
const MAX_EDITS: usize = 1000;
/// Members of a group compared pairwise (larger groups: the first this many).
const MAX_MEMBERS: usize = 20;

/// A member of a near-duplicate group as the checks see it.
pub struct Member<'a> {
    /// Index of the document (input order).
    pub index: usize,
    /// Text or PDF.
    pub kind: Kind,
    /// Normalised tokens of its output.
    pub tokens: &'a [u64],
    /// Its audit items.
    pub items: &'a [Item],
}

/// One line of the report: in document `index`, the person (`digest`, empty when the place
/// cannot be tied to an audit item) was `decision` (`removed: name 5.1.2e` or `readable`).
pub type Finding = (String, usize, String);

/// The inconsistent decisions in one group, sorted.
pub fn check(members: &[Member<'_>]) -> BTreeSet<Finding> {
    let mut out = BTreeSet::new();
    // The same digest, different decisions.
    let mut decisions: BTreeMap<&str, BTreeMap<usize, BTreeSet<String>>> = BTreeMap::new();
    for m in members {
        for it in m.items {
            decisions
                .entry(&it.digest)
                .or_default()
                .entry(m.index)
                .or_default()
                .insert(removed(it));
        }
    }
    for (digest, per_doc) in &decisions {
        let distinct: BTreeSet<&String> = per_doc.values().flatten().collect();
        if distinct.len() > 1 {
            for (&index, ds) in per_doc {
                for d in ds {
                    out.insert((digest.to_string(), index, d.clone()));
                }
            }
        }
    }
    // Removed here, readable there.
    let members = &members[..members.len().min(MAX_MEMBERS)];
    for (x, a) in members.iter().enumerate() {
        for b in &members[x + 1..] {
            let Some(pairs) = common(a.tokens, b.tokens) else {
                continue;
            };
            for (ra, rb) in hunks(&pairs, a.tokens.len(), b.tokens.len()) {
                let (sa, sb) = (&a.tokens[ra.clone()], &b.tokens[rb.clone()]);
                for (removing, range, reading, other) in [(a, &ra, b, sb), (b, &rb, a, sa)] {
                    let side = &removing.tokens[range.clone()];
                    if side.contains(&LABEL) && !other.contains(&LABEL) && !other.is_empty() {
                        for (digest, decision) in labelled(removing, range.clone()) {
                            out.insert((digest.clone(), removing.index, decision));
                            out.insert((digest, reading.index, "readable".to_string()));
                        }
                    }
                }
            }
        }
    }
    out
}

fn removed(it: &Item) -> String {
    format!("removed: {} {}", it.category, it.ground)
}

/// The audit items behind the labels in `range` of a member's tokens, when its labels and
/// items correspond one to one (a text document); else one unnamed removal.
fn labelled(m: &Member<'_>, range: std::ops::Range<usize>) -> Vec<(String, String)> {
    let labels_total = m.tokens.iter().filter(|&&t| t == LABEL).count();
    if m.kind == Kind::Text && labels_total == m.items.len() {
        let before = m.tokens[..range.start]
            .iter()
            .filter(|&&t| t == LABEL)
            .count();
        let here = m.tokens[range].iter().filter(|&&t| t == LABEL).count();
        return m.items[before..before + here]
            .iter()
            .map(|it| (it.digest.clone(), removed(it)))
            .collect();
    }
    vec![(String::new(), "removed".to_string())]
}

/// The gaps between matched tokens: pairs of ranges in `a` and `b` that differ.
fn hunks(
    pairs: &[(usize, usize)],
    n: usize,
    m: usize,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let (mut x, mut y) = (0, 0);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(n, m))) {
        if i > x || j > y {
            out.push((x..i, y..j));
        }
        x = i + 1;
        y = j + 1;
    }
    out
}

/// The matched positions of a shortest edit script between `a` and `b` (Myers 1986), in
/// order; `None` beyond [`MAX_EDITS`].
fn common(a: &[u64], b: &[u64]) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (a.len() + b.len()).min(MAX_EDITS) as isize;
    // trace[d][k + d] = furthest x on diagonal k after d edits.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = None;
    'search: for d in 0..=max {
        let mut v = vec![0isize; 2 * d as usize + 1];
        for k in (-d..=d).step_by(2) {
            let prev = trace.last();
            let at = |v: &Vec<isize>, k: isize| v[(k + d - 1) as usize];
            let mut x = match prev {
                None => 0,
                Some(p) if k == -d || (k != d && at(p, k - 1) < at(p, k + 1)) => at(p, k + 1),
                Some(p) => at(p, k - 1) + 1,
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(k + d) as usize] = x;
            if x >= n && y >= m {
                trace.push(v);
                found = Some(d);
                break 'search;
            }
        }
        trace.push(v);
    }
    let last = found?;
    let mut pairs = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..=last).rev() {
        let (prev_x, prev_y) = if d == 0 {
            (0, 0)
        } else {
            let p = &trace[d as usize - 1];
            let at = |k: isize| p[(k + d - 1) as usize];
            let k = x - y;
            let prev_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) {
                k + 1
            } else {
                k - 1
            };
            let px = at(prev_k);
            (px, px - prev_k)
        };
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            pairs.push((x as usize, y as usize));
        }
        x = prev_x;
        y = prev_y;
    }
    pairs.reverse();
    Some(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(digest: &str, category: &str) -> Item {
        Item {
            document: "d".into(),
            item: 1,
            category: category.into(),
            ground: "5.1.2e".into(),
            digest: digest.into(),
        }
    }

    #[test]
    fn alignment_finds_the_shortest_edit_script() {
        let a = [1, 2, 3, 4, 5];
        let b = [1, 9, 3, 4, 6, 5];
        let pairs = common(&a, &b).unwrap();
        assert_eq!(pairs, vec![(0, 0), (2, 2), (3, 3), (4, 5)]);
        assert_eq!(hunks(&pairs, 5, 6), vec![(1..2, 1..2), (4..4, 4..5)]);
        assert_eq!(common(&[], &[1]).unwrap(), vec![]);
        assert_eq!(common(&[7, 8], &[7, 8]).unwrap(), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn a_name_removed_in_one_member_and_readable_in_another_is_reported() {
        // "hoi [label] de minister" against "hoi jan de minister".
        let a = [10, LABEL, 20, 30];
        let b = [10, 99, 20, 30];
        let items_a = [item("d1", "name")];
        let members = [
            Member {
                index: 0,
                kind: Kind::Text,
                tokens: &a,
                items: &items_a,
            },
            Member {
                index: 4,
                kind: Kind::Text,
                tokens: &b,
                items: &[],
            },
        ];
        let found = check(&members);
        let want: BTreeSet<Finding> = [
            ("d1".to_string(), 0, "removed: name 5.1.2e".to_string()),
            ("d1".to_string(), 4, "readable".to_string()),
        ]
        .into_iter()
        .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn the_same_text_under_another_category_is_reported_and_agreement_is_not() {
        let t = [10, LABEL, 20];
        let one = [item("d1", "name")];
        let other = [item("d1", "address")];
        let member = |index, items| Member {
            index,
            kind: Kind::Text,
            tokens: &t,
            items,
        };
        assert!(check(&[member(0, &one), member(1, &one)]).is_empty());
        assert_eq!(check(&[member(0, &one), member(1, &other)]).len(), 2);
    }
}
