//! Finding removed strings again: resolution looks for their other occurrences, and
//! verification counts them in the output.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use memchr::memmem;

use crate::names::lexicon::FastHash;
use crate::resolve::Removal;

/// Up to this many strings are searched one by one (SIMD substring search); more go into one
/// automaton, whose build cost only pays off for many strings.
const FEW: usize = 24;

/// The distinct strings removed from a text that identify someone (trimmed, at least two
/// characters, with a capital, a digit or an `@`), each with the first removal that carries
/// it. Lower-case words such as the particles of a form's `Tussenvoegsel: van de` field
/// identify nobody and are common words elsewhere.
pub struct RemovedStrings<'t> {
    needles: Vec<&'t str>,
    first_removal: Vec<usize>,
    searcher: Searcher<'t>,
}

enum Searcher<'t> {
    Few(Vec<memmem::Finder<'t>>),
    Many(AhoCorasick),
}

impl<'t> RemovedStrings<'t> {
    /// The removed strings of `removals` in `text`.
    pub fn new(text: &'t str, removals: &[Removal]) -> RemovedStrings<'t> {
        let mut seen: HashSet<&str, FastHash> = HashSet::default();
        let mut needles = Vec::new();
        let mut first_removal = Vec::new();
        for (i, r) in removals.iter().enumerate() {
            let s = text[r.start..r.end].trim();
            let identifying = s
                .chars()
                .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '@');
            if identifying && s.chars().count() >= 2 && seen.insert(s) {
                needles.push(s);
                first_removal.push(i);
            }
        }
        let searcher = if needles.len() <= FEW {
            Searcher::Few(
                needles
                    .iter()
                    .map(|n| memmem::Finder::new(n.as_bytes()))
                    .collect(),
            )
        } else {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&needles)
                .expect("literal strings always build an automaton");
            Searcher::Many(ac)
        };
        RemovedStrings {
            needles,
            first_removal,
            searcher,
        }
    }

    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.needles.len()
    }

    /// Whether nothing of two or more characters was removed.
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// The index of the first removal that carries string `n`.
    pub fn first_removal(&self, n: usize) -> usize {
        self.first_removal[n]
    }

    /// Every occurrence of every string in `haystack` (overlapping ones included), as
    /// `(string, start, end)`, sorted by start.
    pub fn occurrences(&self, haystack: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        match &self.searcher {
            Searcher::Few(finders) => {
                for (n, finder) in finders.iter().enumerate() {
                    let len = self.needles[n].len();
                    out.extend(
                        finder
                            .find_iter(haystack.as_bytes())
                            .map(|s| (n, s, s + len)),
                    );
                }
            }
            Searcher::Many(ac) => {
                out.extend(
                    ac.find_overlapping_iter(haystack)
                        .map(|m| (m.pattern().as_usize(), m.start(), m.end())),
                );
            }
        }
        out.sort_unstable_by_key(|&(n, s, e)| (s, e, n));
        out
    }
}
