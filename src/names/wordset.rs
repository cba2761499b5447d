//! Fixed word lists that are looked up for every word of a text: hashed, so that a lookup
//! costs one hash instead of a comparison with every entry of the list.

use std::collections::{HashMap, HashSet};

use super::lexicon::FastHash;

/// A list of words, for `contains`.
pub struct WordSet {
    words: HashSet<&'static str, FastHash>,
    /// The bytes the words start with, and the longest word's length: most words of a text
    /// are told apart by these without hashing.
    first_bytes: [bool; 256],
    longest: usize,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut first_bytes = [false; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            first_bytes,
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is in the list (the same as `list.contains(&word)`).
    pub fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.words.contains(word);
        };
        word.len() <= self.longest && self.first_bytes[first as usize] && self.words.contains(word)
    }
}

/// A list of word endings, by their last two bytes: a word can only end in the endings that
/// share its last two bytes, so only those are compared. Every ending has two bytes or more.
pub struct Endings(HashMap<[u8; 2], Vec<&'static str>, FastHash>);

impl Endings {
    pub fn new(endings: &[&'static str]) -> Endings {
        let mut by_tail: HashMap<[u8; 2], Vec<&'static str>, FastHash> = HashMap::default();
        for e in endings {
            by_tail
                .entry(last_two(e).expect("two bytes"))
                .or_default()
                .push(e);
        }
        Endings(by_tail)
    }

    /// Whether `pred` holds for an ending that `word` ends in (the same as
    /// `list.iter().any(|e| word.ends_with(e) && pred(e))`).
    pub fn any(&self, word: &str, pred: impl Fn(&str) -> bool) -> bool {
        last_two(word)
            .and_then(|tail| self.0.get(&tail))
            .is_some_and(|es| es.iter().any(|e| word.ends_with(e) && pred(e)))
    }
}

fn last_two(w: &str) -> Option<[u8; 2]> {
    let b = w.as_bytes();
    (b.len() >= 2).then(|| [b[b.len() - 2], b[b.len() - 1]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_endings_agree_with_their_lists() {
        let list = ["bedrijf", "bureau", "school", "ol"];
        let set = WordSet::new(&list);
        let endings = Endings::new(&list);
        for w in [
            "bedrijf",
            "transportbedrijf",
            "schoolbureau",
            "school",
            "ol",
            "o",
            "",
            "é",
        ] {
            assert_eq!(set.contains(w), list.contains(&w), "{w}");
            assert_eq!(
                endings.any(w, |_| true),
                list.iter().any(|e| w.ends_with(e)),
                "{w}"
            );
        }
    }
}
