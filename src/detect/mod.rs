//! Detection: every detector reads a text and reports [`Finding`]s, byte spans with a category
//! and the rule that fired. Detectors never decide what stays readable; the keep list, the
//! public officials and overlaps are handled afterwards in [`crate::resolve`].

use std::borrow::Cow;

use crate::policy::{Category, Ground};

pub mod address;
pub(crate) mod bank_account;
pub mod birthdate;
pub mod bsn;
pub mod chip;
pub mod ean;
pub mod email;
pub mod handle;
pub mod iban;
pub(crate) mod keep;
pub mod person_number;
pub mod phone;
pub mod plate;
pub(crate) mod table;
pub mod vin;

/// One piece of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What kind of personal data it is.
    pub category: Category,
    /// The rule that fired, e.g. `phone` or `name.mail-header`.
    pub rule: &'static str,
    /// Why the rule fired, for the reviewer, e.g. "mail header `Van:`". Never the found text.
    pub evidence: Cow<'static, str>,
    /// For names: the person this mention refers to (an index into the document's people).
    pub person: Option<usize>,
    /// The ground it is removed under when not the policy's ground for its category (a
    /// detector from the policy file with its own ground).
    pub ground: Option<Ground>,
}

impl Finding {
    /// A finding without a person.
    pub fn new(
        start: usize,
        end: usize,
        category: Category,
        rule: &'static str,
        evidence: impl Into<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            start,
            end,
            category,
            rule,
            evidence: evidence.into(),
            person: None,
            ground: None,
        }
    }
}

/// The character before byte offset `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte offset `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Whether a character continues a word or number (so a match next to it is not a whole token).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the span `start..end` is not glued to letters or digits on either side.
pub(crate) fn is_whole_token(text: &str, start: usize, end: usize) -> bool {
    // Every detector checks its candidates here: the per-document time limit is checked too.
    crate::deadline::check();
    !char_before(text, start).is_some_and(is_word_char)
        && !char_at(text, end).is_some_and(is_word_char)
}

/// The text of the line containing byte `at`, up to `at`, limited to `max` bytes. Reads at
/// most `max` bytes, however long the line.
pub(crate) fn line_before(text: &str, at: usize, max: usize) -> &str {
    crate::deadline::check();
    let mut from = at.saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let from = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    &text[from..at]
}

/// The byte range of the line containing `start..end`, limited to `max` bytes either side.
pub(crate) fn line_around(text: &str, start: usize, end: usize, max: usize) -> (usize, usize) {
    let from = start - line_before(text, start, max).len();
    let mut to = (end + max).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let to = text[end..to].find('\n').map_or(to, |n| end + n);
    (from, to)
}

/// Where the line containing byte `at` starts, if only white space (other than line ends)
/// lies between that start and `at`; `None` otherwise. Reads only that white space.
pub(crate) fn blank_line_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    match trimmed.len() {
        0 => Some(0),
        n if before.as_bytes()[n - 1] == b'\n' => Some(n),
        _ => None,
    }
}

/// Byte offsets of the line ends of a text, for finding the line of an offset in O(log n)
/// however long the lines are.
pub(crate) struct Lines {
    newlines: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        Lines {
            newlines: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
        }
    }

    /// The start of the line containing byte `at`.
    pub(crate) fn start(&self, at: usize) -> usize {
        match self.newlines.partition_point(|&n| n < at) {
            0 => 0,
            i => self.newlines[i - 1] + 1,
        }
    }

    /// The number (from 0) of the line containing byte `at`: the line breaks before it.
    pub(crate) fn number(&self, at: usize) -> usize {
        self.newlines.partition_point(|&n| n < at)
    }

    /// The end (the offset of the `\n`, or `len`) of the line containing byte `at`.
    pub(crate) fn end(&self, at: usize, len: usize) -> usize {
        self.newlines
            .get(self.newlines.partition_point(|&n| n < at))
            .copied()
            .unwrap_or(len)
    }
}

/// The strings `detect` finds in `text`, in order: how the detectors' tests read findings.
#[cfg(test)]
pub(crate) fn found_by(detect: fn(&str, &mut Vec<Finding>), text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    detect(text, &mut out);
    out.iter().map(|f| &text[f.start..f.end]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_token_checks_both_sides() {
        let t = "a 123 b123 é123";
        assert!(is_whole_token(t, 2, 5));
        assert!(!is_whole_token(t, 7, 10));
        assert!(!is_whole_token(t, 13, 16));
    }

    #[test]
    fn line_helpers_find_line_starts_and_ends() {
        let t = "ab\n  x\n \ty";
        assert_eq!(blank_line_start(t, 5), Some(3));
        assert_eq!(blank_line_start(t, 6), None);
        assert_eq!(blank_line_start(t, 9), Some(7));
        assert_eq!(blank_line_start("  x", 2), Some(0));
        let lines = Lines::new(t);
        assert_eq!((lines.start(0), lines.end(0, t.len())), (0, 2));
        assert_eq!((lines.start(2), lines.end(2, t.len())), (0, 2));
        assert_eq!((lines.start(3), lines.end(5, t.len())), (3, 6));
        assert_eq!((lines.start(10), lines.end(10, t.len())), (7, 10));
    }

    #[test]
    fn line_before_stops_at_newline_and_char_boundaries() {
        let t = "eerste\ngeboren op é 1";
        let at = t.len() - 1;
        assert_eq!(line_before(t, at, 100), "geboren op é ");
        assert_eq!(line_before(t, at, 2), " ");
        assert_eq!(line_before(t, at, 3), "é ");
    }
}
