//! Resolution: turns the detectors' findings into the list of removals.
//!
//! - Findings that lie wholly inside text the keep list protects are dropped.
//! - Overlapping and touching findings merge into one removal covering their union, so a name
//!   inside an e-mail address can never leave part of the address behind. The stricter ground
//!   wins (5.1.1 over 5.1.2); the category and rule of the widest finding describe it.
//! - Every removed string is then looked up elsewhere in the text: an occurrence that no
//!   detector covered is removed too ("propagated"), unless it lies in protected text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::detect::{Finding, char_at, char_before, is_whole_token, is_word_char};
use crate::policy::{Category, Ground, Policy};
use crate::search::{Literals, RemovedStrings};
use crate::spans::Spans;

/// One span removed from a text, after resolution. It serialises to JSON (for a review tool);
/// build one of your own with [`Removal::new`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Removal {
    /// Byte offset of the first removed byte.
    pub start: usize,
    /// Byte offset one past the last removed byte.
    pub end: usize,
    /// The kind of personal data.
    pub category: Category,
    /// The Woo ground it is removed under.
    pub ground: Ground,
    /// The rule that found it, e.g. `email`, `name.mail-header` or `propagated`.
    pub detector: &'static str,
    /// Why, for a reviewer; never the removed text.
    pub evidence: Cow<'static, str>,
    /// For names: the person (numbered per document in reading order, from 1).
    pub person: Option<usize>,
}

impl Removal {
    /// A removal of `start..end` (byte offsets into the document's text) found by `detector`,
    /// e.g. a reviewer's addition.
    pub fn new(
        start: usize,
        end: usize,
        category: Category,
        ground: Ground,
        detector: &'static str,
        evidence: impl Into<Cow<'static, str>>,
    ) -> Removal {
        Removal {
            start,
            end,
            category,
            ground,
            detector,
            evidence: evidence.into(),
            person: None,
        }
    }
}

#[cfg(test)]
impl Removal {
    /// A name removed at `start..end` under 5.1.2e, for tests.
    pub(crate) fn test_name(start: usize, end: usize) -> Removal {
        Removal {
            start,
            end,
            category: Category::Name,
            ground: Ground::parse("5.1.2e").expect("a valid ground"),
            detector: "test",
            evidence: "test".into(),
            person: None,
        }
    }
}

/// Resolves findings into sorted, non-overlapping removals.
///
/// `protected` are the byte ranges that must stay readable (keep-list matches, public
/// officials); findings wholly inside one are dropped and propagation never enters them.
pub fn resolve(
    text: &str,
    mut findings: Vec<Finding>,
    protected: &[Range<usize>],
    policy: &Policy,
) -> Vec<Removal> {
    let protected: Spans = protected.iter().collect();
    findings.retain(|f| {
        f.start < f.end && policy.is_enabled(f.category) && !protected.covers(f.start, f.end)
    });
    let mut removals = merge(findings, policy);
    // An occurrence glued to a removal becomes a whole token once the removal is labelled,
    // and removing it may free others: another round only then, and a bounded number
    // (verification fails the text closed on whatever is left).
    for _ in 0..PROPAGATION_ROUNDS {
        let (propagated, glued) = propagate(text, &removals, &protected, policy);
        if propagated.is_empty() {
            break;
        }
        let mut all: Vec<Finding> = removals.into_iter().map(removal_to_finding).collect();
        all.extend(propagated);
        removals = merge(all, policy);
        if !glued {
            break;
        }
    }
    let mut broken = propagate_across_white_space(text, &removals, &protected);
    broken.extend(propagate_in_capitals(text, &removals, &protected));
    if !broken.is_empty() {
        let mut all: Vec<Finding> = removals.into_iter().map(removal_to_finding).collect();
        all.extend(broken);
        removals = merge(all, policy);
    }
    explain_propagation(text, &mut removals);
    removals
}

/// Other occurrences of removed strings of two or more words that differ only in white space
/// (a name broken over two lines, two spaces in a name): exact propagation misses them, and
/// both PDF text and text exports break lines where the layout does.
fn propagate_across_white_space(
    text: &str,
    removals: &[Removal],
    protected: &Spans,
) -> Vec<Finding> {
    // The distinct strings of two or more words (folded: words joined by one space), each
    // with the first removal of it.
    let mut seen: HashSet<Vec<&str>> = HashSet::new();
    let mut patterns: Vec<Broken<'_>> = Vec::new();
    for (i, r) in removals.iter().enumerate() {
        let words: Vec<&str> = text[r.start..r.end].split_whitespace().collect();
        if words.len() < 2 || !seen.insert(words.clone()) {
            continue;
        }
        // The length of the regular expression this matcher stands for (the words escaped,
        // joined by `\s+`): the priority order of the strings, kept exactly as it was.
        let rank =
            words.iter().map(|w| regex::escape(w).len()).sum::<usize>() + 3 * (words.len() - 1);
        patterns.push(Broken {
            words,
            source: i,
            rank,
        });
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    // Longest first, so the widest string wins where two start at one place (a stable sort:
    // equal lengths keep the order of their removals).
    patterns.sort_by_key(|p| std::cmp::Reverse(p.rank));
    let removed = Spans::new(removals.iter().map(|r| (r.start, r.end)).collect());
    let mut out = Vec::new();
    for (start, end, p) in broken_matches(text, &patterns) {
        if removed.covers(start, end)
            || !is_whole_token(text, start, end)
            || protected.overlaps(start, end)
        {
            continue;
        }
        out.push(propagated(start, end, &removals[patterns[p].source]));
    }
    out
}

/// Other occurrences of removed names written in capitals (`Jos Hoogvliet` named in a
/// transcript whose speaker label is `HOOGVLIET:`; a register's `VAN BEEK`). Exact
/// propagation misses them, and a name in capitals that is a place or a word is not read as
/// one. A one-word name that is a Dutch word is left alone: in capitals it is a heading's;
/// so is a name only propagated (from another document, `Wahv` may be a law's `WAHV`).
fn propagate_in_capitals(text: &str, removals: &[Removal], protected: &Spans) -> Vec<Finding> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut upper: Vec<String> = Vec::new();
    let mut source: Vec<usize> = Vec::new();
    for (i, r) in removals.iter().enumerate() {
        if r.category != Category::Name || matches!(r.detector, "propagated" | "name.propagated") {
            continue;
        }
        let name = text[r.start..r.end].trim();
        let spelled = name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''));
        if !spelled
            || name.chars().filter(|c| c.is_alphabetic()).count() < 4
            || !name.contains(char::is_lowercase)
            || (!name.contains([' ', '-'])
                && crate::names::lexicon::is_dutch_word(&crate::fold::fold(name)))
        {
            continue;
        }
        let capitals = name.to_uppercase();
        if seen.insert(capitals.clone()) {
            upper.push(capitals);
            source.push(i);
        }
    }
    if upper.is_empty() {
        return Vec::new();
    }
    let needles: Vec<&str> = upper.iter().map(String::as_str).collect();
    let removed = Spans::new(removals.iter().map(|r| (r.start, r.end)).collect());
    let mut out = Vec::new();
    Literals::new(&needles).each(text, |n, start| {
        let end = start + needles[n].len();
        if !removed.overlaps(start, end)
            && is_whole_token(text, start, end)
            && !protected.overlaps(start, end)
        {
            out.push(propagated(start, end, &removals[source[n]]));
        }
    });
    out
}

/// A removed string of two or more words, looked for with any white space between them.
struct Broken<'t> {
    words: Vec<&'t str>,
    /// The first removal of it.
    source: usize,
    /// Priority: the longer first.
    rank: usize,
}

/// The non-overlapping matches, left to right, of the strings with one or more white-space
/// characters between their words, as `(start, end, string)`. Where several strings match at
/// one place, the first in `patterns` wins: the leftmost-first semantics of the one regular
/// expression `w1\s+w2|…` this replaces (built per document, its compilation cost more than
/// the rest of a small document's detection). One pass finds where first words start.
fn broken_matches(text: &str, patterns: &[Broken<'_>]) -> Vec<(usize, usize, usize)> {
    let mut firsts: Vec<&str> = patterns.iter().map(|p| p.words[0]).collect();
    firsts.sort_unstable();
    firsts.dedup();
    // Per first word, the patterns that start with it, in priority order.
    let mut by_first: Vec<Vec<usize>> = vec![Vec::new(); firsts.len()];
    for (i, p) in patterns.iter().enumerate() {
        if let Ok(n) = firsts.binary_search(&p.words[0]) {
            by_first[n].push(i);
        }
    }
    let mut starts: Vec<(usize, usize)> = Vec::new();
    Literals::new(&firsts).each(text, |n, start| starts.push((start, n)));
    starts.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    let mut candidates: Vec<usize> = Vec::new();
    for group in starts.chunk_by(|a, b| a.0 == b.0) {
        let start = group[0].0;
        if start < at {
            continue;
        }
        // Only the patterns whose first word starts here can match here.
        candidates.clear();
        for &(_, n) in group {
            candidates.extend(&by_first[n]);
        }
        candidates.sort_unstable();
        if let Some((end, p)) = candidates
            .iter()
            .find_map(|&i| match_at(text, start, &patterns[i].words).map(|end| (end, i)))
        {
            out.push((start, end, p));
            at = end;
        }
    }
    out
}

/// Where `words`, separated by white space, end if they start at `start`.
fn match_at(text: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut at = start;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let rest = &text[at..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 {
                return None;
            }
            at += gap;
        }
        if !text[at..].starts_with(w) {
            return None;
        }
        at += w.len();
    }
    Some(at)
}

/// A removal that a format asks for by where the text stands (an e-mail's display name is a
/// name), besides what the detectors found: a range of the text, without white space at its
/// ends.
#[derive(Debug, Clone)]
pub(crate) struct ForcedRange {
    /// The range removed as a whole.
    pub range: Range<usize>,
    /// Its category.
    pub category: Category,
    /// The rule, for the audit log.
    pub detector: &'static str,
    /// Why, never the text.
    pub evidence: &'static str,
}

/// Joins the removals a format asks for ([`ForcedRange`]) with the detectors' resolved
/// `removals`: each forced range is removed unless it is empty, overlaps protected text or its
/// category is off, and so is every other whole-token occurrence of its text (four characters
/// or more, any case) outside protected text. A forced range that overlaps removals widens them
/// to cover it. Returns sorted removals with overlapping ones merged (touching ones stay
/// apart, each with its own label).
pub(crate) fn join_forced(
    text: &str,
    mut removals: Vec<Removal>,
    forced: &[ForcedRange],
    protected: &[Range<usize>],
    policy: &Policy,
) -> Vec<Removal> {
    let overlaps =
        |rs: &[Removal], r: &Range<usize>| rs.iter().any(|x| x.start < r.end && r.start < x.end);
    let mut extra = Vec::new();
    // Lower-cased once for every forced range; used only where it keeps the offsets.
    let haystack = text.to_lowercase();
    for f in forced {
        let range = f.range.clone();
        if range.is_empty()
            || protected
                .iter()
                .any(|p| p.start < range.end && range.start < p.end)
            || !policy.is_enabled(f.category)
        {
            continue;
        }
        let removal = |start, end, detector, evidence: &'static str| Removal {
            start,
            end,
            category: f.category,
            ground: policy.ground(f.category).clone(),
            detector,
            evidence: evidence.into(),
            person: None,
        };
        extra.push(removal(range.start, range.end, f.detector, f.evidence));
        // The same text elsewhere (the name in a quoted header block, the signature).
        let needle = text[range.clone()].to_lowercase();
        if needle.chars().count() >= 4 && haystack.len() == text.len() {
            for (at, _) in haystack.match_indices(&needle) {
                let r = at..at + needle.len();
                if r != range
                    && is_alphanumeric_token(text, &r)
                    && !protected.iter().any(|p| p.start < r.end && r.start < p.end)
                {
                    extra.push(removal(
                        r.start,
                        r.end,
                        "propagated",
                        "same text as a removed display name",
                    ));
                }
            }
        }
    }
    for r in extra {
        if !overlaps(&removals, &(r.start..r.end)) {
            removals.push(r);
        } else {
            // Widen what overlaps to cover the whole forced text.
            for x in removals
                .iter_mut()
                .filter(|x| x.start < r.end && r.start < x.end)
            {
                x.start = x.start.min(r.start);
                x.end = x.end.max(r.end);
            }
        }
    }
    removals.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Removal> = Vec::with_capacity(removals.len());
    for r in removals {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Whether `r` is a whole token of `text`: no letter or digit just before or after it.
pub(crate) fn is_alphanumeric_token(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Reviewed removals must be non-empty byte ranges of `text` on character boundaries, in text
/// order, not overlapping.
pub(crate) fn check_reviewed(text: &str, removals: &[Removal]) -> Result<(), String> {
    let mut at = 0;
    for (i, r) in removals.iter().enumerate() {
        let item = i + 1;
        if r.start >= r.end || r.end > text.len() {
            return Err(format!("removal {item} is not a range of the text"));
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(format!("removal {item} cuts a character"));
        }
        if r.start < at {
            return Err(format!(
                "removal {item} overlaps or comes before the one before it"
            ));
        }
        at = r.end;
    }
    Ok(())
}

/// Points each propagated removal at the item it was propagated from: the first removal of
/// the same person (names) or of the same text that a detector found directly.
fn explain_propagation(text: &str, removals: &mut [Removal]) {
    let is_propagated = |r: &Removal| r.detector == "propagated" || r.detector == "name.propagated";
    let mut by_person: HashMap<usize, usize> = HashMap::new();
    // By the text with white space folded: an occurrence broken over lines counts.
    let fold = |r: &Removal| -> String {
        text[r.start..r.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for (i, r) in removals
        .iter()
        .enumerate()
        .filter(|(_, r)| !is_propagated(r))
    {
        if let Some(p) = r.person {
            by_person.entry(p).or_insert(i);
        }
        by_text.entry(fold(r)).or_insert(i);
    }
    for r in removals.iter_mut().filter(|r| is_propagated(r)) {
        let source = r
            .person
            .and_then(|p| by_person.get(&p))
            .or_else(|| by_text.get(&fold(r)));
        if let Some(source) = source {
            r.evidence = Cow::Owned(format!("propagated from item {}", source + 1));
        }
    }
}

/// Merges the removals of one text (its own and strings removed elsewhere found again in it)
/// into sorted, non-overlapping removals, as [`resolve`] merges findings.
pub(crate) fn merge_removals(removals: Vec<Removal>, policy: &Policy) -> Vec<Removal> {
    merge(
        removals.into_iter().map(removal_to_finding).collect(),
        policy,
    )
}

fn removal_to_finding(r: Removal) -> Finding {
    Finding {
        start: r.start,
        end: r.end,
        category: r.category,
        rule: r.detector,
        evidence: r.evidence,
        person: r.person,
        ground: Some(r.ground),
    }
}

/// Merges overlapping and touching findings.
fn merge(mut findings: Vec<Finding>, policy: &Policy) -> Vec<Removal> {
    // Sort by start, widest first, so the describing finding of a group is found first.
    findings.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.category.cmp(&b.category))
            .then(a.rule.cmp(b.rule))
    });
    let mut out: Vec<Removal> = Vec::with_capacity(findings.len());
    let mut widest: usize = 0;
    for f in findings {
        let ground = f
            .ground
            .unwrap_or_else(|| policy.ground(f.category).clone());
        if let Some(last) = out.last_mut()
            && f.start <= last.end
        {
            let width = f.end - f.start;
            if width > widest {
                widest = width;
                last.category = f.category;
                last.detector = f.rule;
                last.evidence = f.evidence;
                last.person = f.person.or(last.person);
            } else if last.person.is_none() {
                last.person = f.person;
            }
            last.end = last.end.max(f.end);
            last.ground = last.ground.stricter(&ground).clone();
            continue;
        }
        widest = f.end - f.start;
        out.push(Removal {
            start: f.start,
            end: f.end,
            category: f.category,
            ground,
            detector: f.rule,
            evidence: f.evidence,
            person: f.person,
        });
    }
    out
}

/// Most rounds of propagation.
const PROPAGATION_ROUNDS: usize = 4;

/// Other occurrences of removed strings that no detector covered, and whether one of them is
/// a whole token only once the removals are labelled.
/// A finding at `start..end` for the same text as removal `source`.
fn propagated(start: usize, end: usize, source: &Removal) -> Finding {
    Finding {
        start,
        end,
        category: source.category,
        rule: "propagated",
        evidence: Cow::Owned(format!(
            "same text as a removed {} ({})",
            source.category, source.detector
        )),
        person: source.person,
        ground: Some(source.ground.clone()),
    }
}

/// Whether the one-word name at `start..end` stands as a word here, after an article: a
/// removed `Koning` does not spread to `de Koning` (the King). Someone called `de Koning` is
/// found by the directory with the particle. Verification allows these occurrences too.
pub(crate) fn word_use_of_a_name(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    // A double surname (`de Groot-Bakker`) is no word after its particle.
    let double = name
        .split_once('-')
        .is_some_and(|(_, second)| second.starts_with(char::is_uppercase));
    if name.contains(char::is_whitespace) || double {
        return false;
    }
    // The word before, also across a line break (`nabij het⏎Bos`).
    let before = text[..start].trim_end_matches([' ', '\t', '\n', '\r', '>']);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    // `Het Bos` opening a sentence too: no surname has `het` alone for a particle.
    let article = ["de", "het", "een", "onze", "zijne", "hare", "deze", "die"].contains(&word)
        || word == "Het";
    (before.len() < start && (article || is_naming_adjective(word)))
        || word_opening_a_sentence(text, start, end)
        || time_use_of_a_name(text, start, end)
        || colour_of_a_scale(text, start, end)
        || part_of_a_code(text, start, end)
}

/// Whether `word` is a place's adjective, or an adjective in its inflected form, which
/// names a thing with the word after it (`het Haagse Bos`, `Holtveense Bos`, `Grauwe Veen`),
/// and no first name or surname ending like one (`Elise Bos`, `Lange Veen`).
pub(crate) fn is_naming_adjective(word: &str) -> bool {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word, is_particle};
    if !(word.len() > 4 && word.ends_with('e') && word.starts_with(char::is_uppercase)) {
        return false;
    }
    let folded = crate::fold::fold(word);
    if word.ends_with("se") {
        return !GAZETTEER.is(&folded, class::FIRST_NAME);
    }
    // Inflected: the word without its `-e` is one too (`grauw`, `wit` of `Witte`, `hoog` of
    // `Hoge`), which a noun ending in `-e` is not (`Notitie`, `Reactie`).
    let stem = &folded[..folded.len() - 1];
    let bytes = stem.as_bytes();
    let n = bytes.len();
    let head = stem.get(..n.saturating_sub(1));
    let undoubled = head.filter(|_| n > 2 && bytes[n - 1] == bytes[n - 2]);
    let long_vowel = head
        .zip(stem.get(n.saturating_sub(2)..))
        .filter(|_| n > 2 && b"aeou".contains(&bytes[n - 2]))
        .map(|(head, tail)| format!("{head}{tail}"));
    let inflected = is_dutch_word(stem)
        || undoubled.is_some_and(is_dutch_word)
        || long_vowel.as_deref().is_some_and(is_dutch_word);
    inflected
        && is_dutch_word(&folded)
        && !is_particle(&folded)
        && !GAZETTEER.is(&folded, class::FIRST_NAME | class::SURNAME | class::TITLE)
}

/// Whether the capitals at `start..end` are a part of a code with digits, joined to it by a
/// hyphen, slash, dot or colon (`RB-2024-DB-0291`, `IV-03-B1`, `SB/BRP/2018-0091`,
/// `ECLI:NL:CBB:2023:71`), or before more capitals and a number (`KG ZA 20-488`): a case or
/// document number, not someone's initials or name.
pub(crate) fn part_of_a_code(text: &str, start: usize, end: usize) -> bool {
    const JOINERS: &[char] = &['-', '/', '.', ':'];
    let word = &text[start..end];
    if !(2..=5).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let in_code = |c: char| c.is_alphanumeric() || JOINERS.contains(&c);
    let before = &text[..start];
    let after = &text[end..];
    let joined_before = before.ends_with(JOINERS)
        && before[..before.len() - 1].ends_with(|c: char| c.is_alphanumeric());
    let joined_after =
        after.starts_with(JOINERS) && after[1..].starts_with(|c: char| c.is_alphanumeric());
    if !joined_before && !joined_after {
        return opens_a_spaced_case_number(after);
    }
    let code_start = before.trim_end_matches(in_code).len();
    let code_end = end + (after.len() - after.trim_start_matches(in_code).len());
    text[code_start..code_end]
        .bytes()
        .any(|b| b.is_ascii_digit())
}

/// Whether `after`, the text after capitals, goes on as a court's case number with its letters
/// apart by spaces (` ZA 20-488` of `KG ZA 20-488`, ` ZA 21/1034`): more capitals, then two
/// digits or more, a joiner and three digits or more (not a date: `akkoord JW KS 12-03`).
fn opens_a_spaced_case_number(after: &str) -> bool {
    let leading = |s: &str, f: fn(char) -> bool| s.len() - s.trim_start_matches(f).len();
    let upper = |c: char| c.is_ascii_uppercase();
    let digit = |c: char| c.is_ascii_digit();
    let mut rest = after;
    while let Some(next) = rest.strip_prefix(' ').filter(|r| r.starts_with(upper)) {
        let letters = leading(next, upper);
        if !(2..=5).contains(&letters) {
            return false;
        }
        rest = &next[letters..];
    }
    let number = rest.strip_prefix(' ').unwrap_or("");
    let digits = leading(number, digit);
    let tail = number.get(digits + 1..).unwrap_or("");
    rest.len() < after.len()
        && digits >= 2
        && number[digits..].starts_with(['-', '/'])
        && leading(tail, digit) >= 3
}

/// The colours of a traffic-light status, as a legend writes them.
const STATUS_COLOURS: &[&str] = &["Groen", "Oranje", "Rood", "Geel"];

/// Whether the capitalised colour at `start..end` (`Groen`, also a surname) is a status: in a
/// legend (`Groen = geleverd`), beside another colour on its line (`Rood   Oranje   Groen`),
/// or alone in a table's cell of a text whose legend names the colours.
pub(crate) fn colour_of_a_scale(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let colour = |w: &str| {
        w.starts_with(char::is_uppercase)
            && STATUS_COLOURS.iter().any(|c| c.eq_ignore_ascii_case(w))
    };
    if !colour(word) {
        return false;
    }
    let legend = |after: &str| after.trim_start_matches([' ', '\t']).starts_with('=');
    if legend(&text[end..]) {
        return true;
    }
    let (line_start, line_end) = crate::detect::line_around(text, start, end, 200);
    let (before, after) = (&text[line_start..start], &text[end..line_end]);
    let another = |s: &str| s.split(|c: char| !c.is_alphabetic()).any(colour);
    if another(before) || another(after) {
        return true;
    }
    // A cell: apart from its neighbours by a column gap, a tab, `|` or `;`.
    let separator = ['\t', '|', ';'];
    let gap_before = before.ends_with("  ") || before.trim_end_matches(' ').ends_with(separator);
    let gap_after = after.starts_with("  ") || after.trim_start_matches(' ').starts_with(separator);
    // Or at the line's edge with a separator on the other side.
    let at_edge = (before.trim().is_empty() || after.trim().is_empty())
        && (before.ends_with(separator) || after.starts_with(separator));
    let cell = gap_before && gap_after || at_edge;
    cell && STATUS_COLOURS.iter().any(|c| {
        text.match_indices(c)
            .any(|(k, _)| legend(&text[k + c.len()..]))
    })
}

/// Seasons, which like months are surnames too (`Zomer`, `Winter`).
const SEASONS: &[&str] = &["lente", "voorjaar", "zomer", "najaar", "herfst", "winter"];

/// Words before a month or a season that make it a time (`tot Mei`, `t/m Mei`, `scenario
/// Winter`).
const BEFORE_A_TIME: &[&str] = &[
    "tot",
    "t/m",
    "in",
    "begin",
    "eind",
    "half",
    "medio",
    "vanaf",
    "voor",
    "na",
    "per",
    "sinds",
    "uiterlijk",
    "planning",
    "scenario",
    "deze",
    "komende",
    "vorige",
    "afgelopen",
    "jaar",
];

/// Whether a word is a month or a season. They are written in plain ASCII: no folding (and no
/// allocation) needed.
pub(crate) fn is_month_or_season(word: &str) -> bool {
    crate::fold::MONTHS
        .iter()
        .chain(SEASONS)
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether the month or season at `start..end` names a time, not the person of that name: a
/// number before or after it (`3 Mei`, `Zomer 2025`), a preposition of time before it (`tot
/// Mei`), or another month or season beside it (`Mei of juni`).
pub(crate) fn time_use_of_a_name(text: &str, start: usize, end: usize) -> bool {
    // `On Thu, 28 Sep 2023 15:32, … wrote:`: an English weekday before its date (`Thu` is a
    // first name too).
    const WEEKDAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    if WEEKDAYS.contains(&&text[start..end]) {
        let after = &text[end..];
        let after = after.strip_prefix(',').unwrap_or(after);
        return after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
    }
    if !is_month_or_season(&text[start..end]) {
        return false;
    }
    // The words on either side on the same line, in the same cell (apart by one space).
    // Char boundaries by hand: `floor_char_boundary` is newer than the crate's MSRV.
    let mut after_end = (end + 40).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end += 1;
    }
    let mut before_start = start.saturating_sub(40);
    while !text.is_char_boundary(before_start) {
        before_start -= 1;
    }
    let before = &text[before_start..start];
    let before = &before[before.rfind(['\n', '\t', '|']).map_or(0, |k| k + 1)..];
    let after = &text[end..after_end];
    let after = &after[..after.find(['\n', '\t', '|']).unwrap_or(after.len())];
    let one_space = |gap: &str| gap == " " || gap == "\u{a0}";
    let words_before: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let words_after: Vec<&str> = after.split_whitespace().take(2).collect();
    // A day's number, not a chat line's time stamp before its speaker (`[19:58:40] April:`).
    let number_before = words_before.first().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && !w.ends_with(']')
            && one_space(&before[before.trim_end().len()..])
    });
    let number_after = words_after.first().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && one_space(&after[..after.len() - after.trim_start().len()])
    });
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/')
            .to_lowercase()
    };
    let joined_to_time = |w: &[&str]| {
        w.len() == 2
            && ["of", "en", "t/m", "tot"].contains(&bare(w[0]).as_str())
            && is_month_or_season(&bare(w[1]))
    };
    number_before
        || number_after
        || words_before
            .first()
            .is_some_and(|w| BEFORE_A_TIME.contains(&bare(w).as_str()))
        || joined_to_time(&words_after)
        || (words_before.len() == 2 && joined_to_time(&[words_before[0], words_before[1]]))
        || range_of_months(before, after)
}

/// Whether the month or season at `start..end` is followed by a year (`Winter 2023/24`,
/// `Mei 2024`): a time whoever bears the name, also a staff member.
pub(crate) fn time_before_a_year(text: &str, start: usize, end: usize) -> bool {
    let year = |w: &[u8]| {
        w.len() == 4
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
    };
    is_month_or_season(&text[start..end])
        && text[end..].strip_prefix(' ').is_some_and(|after| {
            let word = after
                .split([' ', '\t', '\n', ':', ',', ';', ')'])
                .next()
                .unwrap_or("");
            // `2023`, `2023/24`, `2024/2025`, `2024-2025`.
            let first = word.split(['/', '-']).next().unwrap_or("");
            year(first.as_bytes())
                && word[first.len()..]
                    .trim_start_matches(['/', '-'])
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        })
}

/// Whether a month at the end of `before` or the start of `after` makes a range with the
/// one between them (`Mei–december`, `maart-Mei`).
fn range_of_months(before: &str, after: &str) -> bool {
    let dashes: &[char] = &['-', '–'];
    let next = after
        .strip_prefix(dashes)
        .map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let previous = before
        .strip_suffix(dashes)
        .map(|b| b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    next.into_iter()
        .chain(previous)
        .any(|w| !w.is_empty() && is_month_or_season(w))
}

/// Words after a sentence's first word that say it names someone who acts (`Brand zegt`,
/// `Bos en Jansen`): a finite verb or a conjunction joining people.
const PERSON_FOLLOWERS: &[&str] = &[
    "en", "of", "zelf", "is", "was", "zei", "vroeg", "vond", "had", "wil", "zal", "kan", "mag",
    "moet", "gaf", "kwam", "ging", "nam", "zag", "bleef", "schreef", "sprak", "liep", "belde",
    "mailde", "gaat", "wordt", "werd", "ook", "nog", "niet", "heeft", "zegt", "weer", "hier",
    "daar", "nu", "al", "dan", "toch", "wel", "zat", "lag",
];

/// Whether a name that is a Dutch word too (`Brand`, `Bos`) opens a sentence, line or cell
/// as that word: capitalised only by its place, and followed by a lower-case word that is no
/// verb a person would be the subject of (`Brand uitgebroken`, `Brand onder controle`).
pub(crate) fn word_opening_a_sentence(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let folded = crate::fold::fold(name);
    // A first name opening a sentence is the person (`Wim stond …`).
    if !name.chars().all(char::is_alphabetic)
        || !crate::names::lexicon::is_dutch_word(&folded)
        || crate::names::lexicon::GAZETTEER.is(&folded, crate::names::lexicon::class::FIRST_NAME)
    {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    let gap = &text[before.len()..start];
    let opens = before.is_empty()
        || before.ends_with(['\n', '.', '!', '?', ':', '|', '-', '•', '*', '('])
        || gap.len() >= 2
        || gap.contains('\t');
    let Some(after) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    opens
        && next.starts_with(char::is_lowercase)
        && !next.ends_with(['t', 'd'])
        && !next.ends_with("de")
        && !next.ends_with("te")
        && !PERSON_FOLLOWERS.contains(&next.as_str())
}

fn propagate(
    text: &str,
    removals: &[Removal],
    protected: &Spans,
    policy: &Policy,
) -> (Vec<Finding>, bool) {
    let strings = RemovedStrings::new(text, removals);
    if strings.is_empty() {
        return (Vec::new(), false);
    }
    let mut out = Vec::new();
    let mut glued = false;
    let mut next = 0;
    for (n, start, end) in strings.occurrences(text) {
        // Removals are sorted: advance to the first one that may overlap.
        while next < removals.len() && removals[next].end <= start {
            next += 1;
        }
        let covered = removals
            .get(next)
            .is_some_and(|r| r.start <= start && end <= r.end);
        if covered || protected.overlaps(start, end) {
            continue;
        }
        let whole = is_whole_token(text, start, end);
        if !whole && !whole_once_labelled(text, start, end, removals) {
            continue;
        }
        let source = &removals[strings.first_removal(n)];
        if !policy.is_enabled(source.category) {
            continue;
        }
        if source.category == Category::Name && word_use_of_a_name(text, start, end) {
            continue;
        }
        glued |= !whole;
        out.push(propagated(start, end, source));
    }
    (out, glued)
}

/// Whether `start..end` is a whole token once the removals are replaced by their labels
/// (which verification sees): a neighbouring word character inside a removal does not count.
fn whole_once_labelled(text: &str, start: usize, end: usize, removals: &[Removal]) -> bool {
    let removed = |at: usize| {
        let i = removals.partition_point(|r| r.end <= at);
        removals.get(i).is_some_and(|r| r.start <= at)
    };
    let free_before =
        char_before(text, start).is_none_or(|c| !is_word_char(c) || removed(start - c.len_utf8()));
    let free_after = char_at(text, end).is_none_or(|c| !is_word_char(c) || removed(end));
    free_before && free_after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_in_a_case_number_are_no_name() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            part_of_a_code(text, start, start + word.len())
        };
        assert!(at("zie bijlage IV-03-B1.", "IV"));
        assert!(at("kenmerk SB/BRP/2018-0091", "BRP"));
        assert!(at("ECLI:NL:CBB:2023:71", "ECLI"));
        assert!(at("dossier LIM-NV-2024/061", "NV"));
        assert!(at("rolnummer: C/09/592871 / KG ZA 20-488", "KG"));
        assert!(!at("akkoord JW KS 12-03", "JW"));
        // Initials beside a date or a word, and a speaker's label, are a person's.
        assert!(!at("akkoord IV 12-3", "IV"));
        assert!(!at("IV: dat klopt", "IV"));
        assert!(!at("Visser-De Jong", "De"));
        assert!(!at("JdV-2 akkoord", "JdV"));
    }

    #[test]
    fn a_colour_of_a_status_scale_is_no_name() {
        let at = |text: &str, nth: usize| {
            let start = text.match_indices("Groen").nth(nth).unwrap().0;
            colour_of_a_scale(text, start, start + 5)
        };
        let sheet = "Legenda: Groen = bevestigd | Oranje = twijfel\n\
                     HB-01\tJansen\tGroen\tKZ\n\
                     Groen belt morgen de student.\n";
        assert!(at(sheet, 0), "a legend");
        assert!(at(sheet, 1), "a cell of a sheet with a legend");
        assert!(!at(sheet, 2), "a person in a sentence");
        assert!(
            at("aantal   Rood   Oranje   Groen\n", 0),
            "beside other colours"
        );
        assert!(!at("HB-01\tJansen\tGroen\tKZ\n", 0), "no legend: a name");
    }

    #[test]
    fn a_month_or_season_beside_a_time_is_no_name() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            time_use_of_a_name(text, start, start + word.len())
        };
        for (text, word) in [
            ("vol tot Mei, dan", "Mei"),
            ("onderhoud (Zomer 2025).", "Zomer"),
            ("hoorzitting Mei of juni", "Mei"),
            ("op 3 Mei besproken", "Mei"),
            ("2x/week t/m Mei; daarna", "Mei"),
            ("een tweede golf (\"scenario Winter\")", "Winter"),
            ("Data Mei–december 2020 onvolledig", "Mei"),
            ("van maart-Mei gesloten", "Mei"),
            ("Vorig jaar Mei stond er al iets", "Mei"),
        ] {
            assert!(at(text, word), "{text}");
        }
        for (text, word) in [
            ("om 15.45.\n\nJuni\n", "Juni"),
            ("chalets   Mei   16/10", "Mei"),
            ("Ik heb Mei gebeld", "Mei"),
            ("Mei-Ling belt", "Mei"),
            ("Winter komt morgen", "Winter"),
            ("Bakker 2025", "Bakker"),
        ] {
            assert!(!at(text, word), "{text}");
        }
        let year = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            time_before_a_year(text, start, start + word.len())
        };
        for text in [
            "Winter 2023/24  januari",
            "Risico Winter 2024/2025: ijs",
            "Winter 2024",
        ] {
            assert!(year(text, "Winter"), "{text}");
        }
        for text in [
            "Winter 06-12345678",
            "Winter 2",
            "Winter 20245",
            "Bakker 2024",
        ] {
            assert!(!year(text, text.split(' ').next().unwrap()), "{text}");
        }
    }

    /// The matcher of broken strings finds exactly what the one regular expression it
    /// replaced finds (leftmost-first, longest string first), on texts built from a few
    /// words, white space of several kinds and punctuation.
    #[test]
    fn broken_matches_are_those_of_the_regular_expression() {
        let pieces = [
            "Jan", "Jansen", "de", "Vries", "J.", "Jan-Piet", "Vries.", " ", "  ", "\n", "\u{a0}",
            "\t", ",", "x", "é",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..3000 {
            let text: String = (0..next(30)).map(|_| pieces[next(pieces.len())]).collect();
            let strings: Vec<Vec<&str>> = (0..1 + next(4))
                .map(|_| {
                    (0..2 + next(2))
                        .map(|_| ["Jan", "Jansen", "de", "Vries", "J.", "Jan-Piet"][next(6)])
                        .collect()
                })
                .collect();
            let mut patterns: Vec<Broken<'_>> = Vec::new();
            for (i, words) in strings.iter().enumerate() {
                if patterns.iter().any(|p| &p.words == words) {
                    continue;
                }
                let regex: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
                let rank = regex.join(r"\s+").len();
                patterns.push(Broken {
                    words: words.clone(),
                    source: i,
                    rank,
                });
            }
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rank));
            let alternatives: Vec<String> = patterns
                .iter()
                .map(|p| {
                    let escaped: Vec<String> = p.words.iter().map(|w| regex::escape(w)).collect();
                    escaped.join(r"\s+")
                })
                .collect();
            let re = regex::Regex::new(&alternatives.join("|")).unwrap();
            let expected: Vec<(usize, usize)> =
                re.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = broken_matches(&text, &patterns)
                .into_iter()
                .map(|(s, e, _)| (s, e))
                .collect();
            assert_eq!(found, expected, "{text:?} {alternatives:?}");
        }
    }

    fn finding(start: usize, end: usize, category: Category, rule: &'static str) -> Finding {
        Finding::new(start, end, category, rule, "test")
    }

    fn spans(rs: &[Removal]) -> Vec<(usize, usize, Category, &str)> {
        rs.iter()
            .map(|r| (r.start, r.end, r.category, r.ground.code()))
            .collect()
    }

    #[test]
    fn a_name_inside_an_email_address_merges_into_the_whole_address() {
        let text = "mail jan.devries@minjenv.nl nu";
        let f = vec![
            finding(5, 27, Category::Email, "email"),
            finding(5, 8, Category::Name, "name.directory"),
            finding(9, 16, Category::Name, "name.directory"),
        ];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(spans(&r), vec![(5, 27, Category::Email, "5.1.2e")]);
    }

    #[test]
    fn a_one_word_name_does_not_spread_to_a_word_after_an_article() {
        let text = "PS Koning heeft gelijk; de Koning komt. Koning belt.";
        let f = vec![finding(3, 9, Category::Name, "name.directory")];
        let r = resolve(text, f, &[], &Policy::default());
        let removed: Vec<&str> = r.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(removed, ["Koning", "Koning"]);
        assert_eq!(r[1].start, 40);
        // A double surname after its particle is the name (found by fuzzing).
        let text = "S. de Groot-Bakker belt. Reactie de Groot-Bakker volgt.";
        let f = vec![finding(6, 18, Category::Name, "name.initials")];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(r.len(), 2, "{r:?}");
        // Nor across a line break after the article, nor after a place's adjective.
        let text = "Femke Bos belt. Nabij het\nBos, in het Haagse Bos. Elise Bos komt.";
        let f = vec![finding(6, 9, Category::Name, "name.directory")];
        let r = resolve(text, f, &[], &Policy::default());
        let starts: Vec<usize> = r.iter().map(|r| r.start).collect();
        assert_eq!(starts, [6, 56]);
        // Nor to the word opening a sentence, where only a person's verb makes it the name.
        let text = "OvD Brand adviseert.\nBrand uitgebroken.\n- Brand onder controle. Brand zegt ja.\nBrand en Bos.";
        let f = vec![finding(4, 9, Category::Name, "name.directory")];
        let r = resolve(text, f, &[], &Policy::default());
        let starts: Vec<usize> = r.iter().map(|r| r.start).collect();
        assert_eq!(starts, [4, 64, 79]);
    }

    #[test]
    fn overlapping_findings_take_the_stricter_ground() {
        // A BSN that a phone rule also partly matched: one removal, ground 5.1.1e.
        let text = "nummer 0111222333 x";
        let f = vec![
            finding(7, 17, Category::Phone, "phone"),
            finding(8, 17, Category::Bsn, "bsn"),
        ];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(spans(&r), vec![(7, 17, Category::Phone, "5.1.1e")]);
    }

    #[test]
    fn touching_findings_merge_but_separated_ones_do_not() {
        let text = "aaaabbbb cccc";
        let f = vec![
            finding(0, 4, Category::Name, "a"),
            finding(4, 8, Category::Name, "b"),
            finding(9, 13, Category::Name, "c"),
        ];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].start, r[0].end), (0, 8));
    }

    #[test]
    fn chained_overlaps_become_one_removal() {
        let text = "0123456789abcdef";
        let f = vec![
            finding(0, 5, Category::Name, "a"),
            finding(3, 9, Category::Phone, "b"),
            finding(8, 12, Category::Iban, "c"),
        ];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(spans(&r), vec![(0, 12, Category::Phone, "5.1.2e")]);
    }

    #[test]
    fn findings_inside_protected_text_are_dropped_but_partial_overlaps_stay() {
        let text = "woo@minjenv.nl en jan@minjenv.nl";
        let f = vec![
            finding(0, 14, Category::Email, "email"),
            finding(18, 32, Category::Email, "email"),
        ];
        let r = resolve(text, f, &[0..14, 25..32], &Policy::default());
        assert_eq!(spans(&r), vec![(18, 32, Category::Email, "5.1.2e")]);
    }

    #[test]
    fn removed_strings_are_removed_everywhere_except_in_protected_text() {
        let text = "Hoi Boris, zeg Boris dat BorisBank en Boris (keep).";
        let f = vec![finding(4, 9, Category::Name, "name.greeting")];
        let protected = vec![Range { start: 38, end: 50 }];
        let r = resolve(text, f, &protected, &Policy::default());
        let got: Vec<_> = r
            .iter()
            .map(|r| (&text[r.start..r.end], r.detector))
            .collect();
        assert_eq!(
            got,
            vec![("Boris", "name.greeting"), ("Boris", "propagated")]
        );
    }

    #[test]
    fn an_occurrence_glued_to_a_removal_goes_with_it() {
        // Once `Vri` is labelled, `111222333` before it is a whole token: it goes too, in one
        // removal with `Vri`; `111222333x` stays glued to a word and stays.
        let text = "BSN 111222333, 111222333Vri, 111222333x";
        let f = vec![
            finding(4, 13, Category::Bsn, "bsn"),
            finding(24, 27, Category::Name, "name"),
        ];
        let r = resolve(text, f, &[], &Policy::default());
        assert_eq!(
            spans(&r),
            vec![
                (4, 13, Category::Bsn, "5.1.1e"),
                (15, 27, Category::Bsn, "5.1.1e")
            ]
        );
    }

    #[test]
    fn a_removed_string_broken_over_lines_is_removed_there_too() {
        let text =
            "Jan de Vries schreef.\nLater belde Jan\nde Vries opnieuw; Jan de Vriesstraat niet.";
        let f = vec![finding(0, 12, Category::Name, "name")];
        let r = resolve(text, f.clone(), &[], &Policy::default());
        let got: Vec<_> = r
            .iter()
            .map(|r| (&text[r.start..r.end], r.detector))
            .collect();
        assert_eq!(
            got,
            [("Jan de Vries", "name"), ("Jan\nde Vries", "propagated")]
        );
        assert_eq!(r[1].evidence, "propagated from item 1");
        // Not inside protected text.
        let r = resolve(text, f, &[Range { start: 34, end: 46 }], &Policy::default());
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn a_removed_name_is_removed_in_capitals_too() {
        let text = "Beller: Jos Hoogvliet\nHOOGVLIET: ja.\nJOS HOOGVLIET belt. BOS en Bos.";
        let mut f = vec![finding(8, 21, Category::Name, "name")];
        let bos = text.rfind("Bos").unwrap();
        f.push(finding(bos, bos + 3, Category::Name, "name"));
        let r = resolve(text, f, &[], &Policy::default());
        let got: Vec<_> = r.iter().map(|r| &text[r.start..r.end]).collect();
        // Not a word's capitals (`BOS`), nor one word of a removed name (`HOOGVLIET`).
        assert_eq!(got, ["Jos Hoogvliet", "JOS HOOGVLIET", "Bos"]);
    }

    #[test]
    fn disabled_categories_are_not_removed() {
        let policy = Policy::from_json(r#"{"disabled":["address"]}"#).unwrap();
        let r = resolve(
            "Dorpsstraat 1",
            vec![finding(0, 13, Category::Address, "a")],
            &[],
            &policy,
        );
        assert!(r.is_empty());
    }
}
