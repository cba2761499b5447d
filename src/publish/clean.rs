//! No personal data in metadata. Titles (file names, mail subjects) and explanations go
//! through the same detectors as the documents (the library's [`Redactor`] with the policy and
//! lists given to `publish`), and, with the run's audit key, through the run itself: any
//! stretch of one to six words whose keyed digest is the digest of an item removed anywhere
//! in the run is removed too. Every removal is recorded (`audit-metadata.jsonl`).

use std::collections::HashMap;

use serde::Serialize;

use super::run::Item;
use crate::audit::DigestKey;
use crate::policy::Ground;
use crate::redactor::Redactor;

/// Longest stretch of words compared with the run's digests.
const MAX_WORDS: usize = 6;

/// Dutch name particles, written in lower case inside a name.
const PARTICLES: &[&str] = &[
    "de", "den", "der", "van", "het", "ten", "ter", "te", "in", "op", "la", "le", "du", "da", "di",
    "von", "'t",
];

/// One line of `audit-metadata.jsonl`: a removal from a metadata field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaRecord {
    /// The document's ID.
    pub id: String,
    /// The field: `Document` (the title, also DiWoo `officieleTitel`) or `Toelichting`.
    pub field: &'static str,
    /// 1-based number within the field.
    pub item: usize,
    /// Category, e.g. `name`.
    pub category: String,
    /// Woo ground.
    pub ground: String,
    /// The rule that found it.
    pub detector: String,
    /// Why.
    pub evidence: String,
    /// Byte offsets in the field's original value.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Keyed digest of the removed text (only with an audit key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    category: String,
    ground: Ground,
    detector: String,
    evidence: String,
}

/// Cleans metadata values.
pub struct Cleaner<'a> {
    redactor: &'a Redactor,
    key: Option<&'a DigestKey>,
    /// Digest → (category, ground) of every item removed in the run.
    removed: HashMap<&'a str, (&'a str, &'a str)>,
}

impl<'a> Cleaner<'a> {
    /// A cleaner for a run whose removed items are `items`; `key` is the run's audit key, if
    /// known.
    pub fn new(
        redactor: &'a Redactor,
        key: Option<&'a DigestKey>,
        items: impl Iterator<Item = &'a Item>,
    ) -> Cleaner<'a> {
        let removed = if key.is_some() {
            items
                .map(|i| (i.digest.as_str(), (i.category.as_str(), i.ground.as_str())))
                .collect()
        } else {
            HashMap::new()
        };
        Cleaner {
            redactor,
            key,
            removed,
        }
    }

    /// `value` without personal data, and the records of what was removed from it. A value
    /// that still holds removed text after cleaning is replaced by one label whole.
    pub fn clean(&self, id: &str, field: &'static str, value: &str) -> (String, Vec<MetaRecord>) {
        let mut spans = Vec::new();
        // File names: words joined by `_` or `-` are read as words too (same offsets).
        let spaced_under = value.replace('_', " ");
        let spaced_all = spaced_under.replace('-', " ");
        // A file name in lower case is read in name capitals too (`jan de vries`).
        let capitals = if value.chars().any(char::is_uppercase) {
            String::new()
        } else {
            name_case(&spaced_all)
        };
        for variant in [value, &spaced_under, &spaced_all, &capitals] {
            for r in self.redactor.scan(variant).removals {
                spans.push(Span {
                    start: r.start,
                    end: r.end,
                    category: r.category.to_string(),
                    ground: r.ground,
                    detector: r.detector.to_string(),
                    evidence: r.evidence.to_string(),
                });
            }
        }
        if let Some(key) = self.key {
            self.digest_spans(key, value, &mut spans);
        }
        let spans = merge(spans);
        let policy = self.redactor.policy();
        let mut out = String::new();
        let mut at = 0;
        for s in &spans {
            out.push_str(&value[at..s.start]);
            out.push_str(&policy.label_for(&s.ground));
            at = s.end;
        }
        out.push_str(&value[at..]);
        let leaked = spans.iter().any(|s| {
            let removed = value[s.start..s.end].trim();
            removed.chars().count() > 1 && out.to_lowercase().contains(&removed.to_lowercase())
        });
        if leaked {
            let strictest = spans
                .iter()
                .map(|s| &s.ground)
                .fold(None::<&Ground>, |a, g| Some(a.map_or(g, |a| a.stricter(g))))
                .cloned()
                .expect("a leak needs a removal");
            out = policy.label_for(&strictest);
        }
        let records = spans
            .iter()
            .enumerate()
            .map(|(i, s)| MetaRecord {
                id: id.to_string(),
                field,
                item: i + 1,
                category: s.category.clone(),
                ground: s.ground.to_string(),
                detector: s.detector.clone(),
                evidence: s.evidence.clone(),
                start: s.start,
                end: s.end,
                digest: self
                    .key
                    .map(|k| k.digest(&value.as_bytes()[s.start..s.end])),
            })
            .collect();
        (out, records)
    }

    /// Stretches of `value` whose digest is that of an item removed in the run.
    fn digest_spans(&self, key: &DigestKey, value: &str, spans: &mut Vec<Span>) {
        if self.removed.is_empty() {
            return;
        }
        let words: Vec<(usize, usize)> = word_ranges(value);
        for i in 0..words.len() {
            for j in i..words.len().min(i + MAX_WORDS) {
                let (start, end) = trim_punctuation(value, words[i].0, words[j].1);
                if start >= end {
                    continue;
                }
                let text = &value[start..end];
                let hit = variants(text)
                    .iter()
                    .find_map(|v| self.removed.get(key.digest(v.as_bytes()).as_str()));
                if let Some(&(category, ground)) = hit {
                    let Some(ground) = Ground::parse(ground) else {
                        continue;
                    };
                    spans.push(Span {
                        start,
                        end,
                        category: category.to_string(),
                        ground,
                        detector: "publish.run-digest".into(),
                        evidence: "removed from a document of the run".into(),
                    });
                }
            }
        }
    }
}

/// Byte ranges of the runs of non-white-space characters.
fn word_ranges(value: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in value.char_indices() {
        match (c.is_whitespace() || c == '_', start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, value.len()));
    }
    out
}

fn trim_punctuation(value: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &value[start..end];
    let is_punct = |c: char| ",;:()[]<>\"'“”‘’!?".contains(c);
    let trimmed_start = s.trim_start_matches(is_punct);
    let lead = s.len() - trimmed_start.len();
    let trimmed = trimmed_start.trim_end_matches(|c: char| is_punct(c) || c == '.');
    (start + lead, start + lead + trimmed.len())
}

/// The text as written, in name capitals (particles lower case), and every word capitalised:
/// file names are often in lower case.
fn variants(text: &str) -> Vec<String> {
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let name: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && PARTICLES.contains(&w.to_lowercase().as_str()) {
                w.to_lowercase()
            } else {
                cap(w)
            }
        })
        .collect();
    let all: Vec<String> = words.iter().map(|w| cap(w)).collect();
    let mut out = vec![text.to_string(), name.join(" "), all.join(" ")];
    out.dedup();
    out
}

/// `text` with every word capitalised except name particles after the first, keeping every
/// byte offset (a letter whose capital has another length stays as it is).
fn name_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    let mut first_word = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start {
                let word: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect();
                let particle = !first_word && PARTICLES.contains(&word.as_str());
                let upper: String = c.to_uppercase().collect();
                if !particle && upper.len() == c.len_utf8() {
                    out.push_str(&upper);
                } else {
                    out.push(c);
                }
                first_word = false;
            } else {
                out.push(c);
            }
            word_start = false;
        } else {
            out.push(c);
            word_start = true;
        }
    }
    out
}

/// Sorted, non-overlapping spans: overlapping ones merge, the stricter ground wins.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => {
                last.end = last.end.max(s.end);
                last.ground = last.ground.stricter(&s.ground).clone();
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lists::{Lists, StaffDirectory};
    use crate::policy::Policy;

    fn redactor() -> Redactor {
        let lists = Lists {
            staff: StaffDirectory::from_csv(b"name,email,phone\nJan de Vries,,\n").unwrap(),
            ..Lists::default()
        };
        Redactor::new(Policy::default(), &lists).unwrap()
    }

    #[test]
    fn names_in_file_names_and_subjects_are_removed_and_recorded() {
        let r = redactor();
        let c = Cleaner::new(&r, None, std::iter::empty());
        let (title, records) = c.clean("1000001", "Document", "verslag_jan_de_vries.txt");
        assert!(!title.to_lowercase().contains("vries"), "{title}");
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].field, "Document");
        assert!(records[0].digest.is_none());
        let (same, none) = c.clean("1", "Document", "RE: Kamervragen mensenhandel");
        assert_eq!(same, "RE: Kamervragen mensenhandel");
        assert!(none.is_empty());
    }

    #[test]
    fn text_removed_in_the_run_is_removed_from_titles_with_the_key() {
        let r = Redactor::new(Policy::default(), &Lists::default()).unwrap();
        let key = DigestKey::from_material(b"0123456789abcdef").unwrap();
        let item = Item {
            document: "a.txt".into(),
            item: 1,
            category: "name".into(),
            ground: "5.1.2e".into(),
            digest: key.digest(b"Piet Jansen"),
        };
        let c = Cleaner::new(&r, Some(&key), std::iter::once(&item));
        // (Not in lower case only: no name capitals are tried, the run's digest finds it.)
        let (title, records) = c.clean("1", "Document", "Gesprek met piet jansen (concept).txt");
        assert_eq!(title, "Gesprek met [5.1.2e] (concept).txt");
        assert_eq!(records[0].detector, "publish.run-digest");
        assert_eq!(records[0].digest, Some(key.digest(b"piet jansen")));
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(word_ranges(" a_bc  d"), vec![(1, 2), (3, 5), (7, 8)]);
        assert_eq!(trim_punctuation("(Jansen),", 0, 9), (1, 7));
        assert_eq!(variants("piet de jansen")[1], "Piet de Jansen");
        assert_eq!(
            name_case("verslag jan de vries.txt"),
            "Verslag Jan de Vries.Txt"
        );
        assert_eq!(name_case("ß x").len(), "ß x".len());
    }
}
