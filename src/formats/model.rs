//! The text model of a document made of parts (an e-mail, a Word package): the editable
//! pieces of text (a header's display name, an HTML text node, a Word run) in reading order,
//! joined with the context that makes them readable (`Van: ` before a sender, a line end
//! between paragraphs) into one text. The detectors read that one text, so a name split over
//! runs, or named in a header and again in the body, is one decision; each removal is then
//! cut back into the pieces it covers.

use std::ops::Range;

use crate::audit::{AuditRecord, DigestKey, Location};
use crate::formats::FormatError;
use crate::policy::Category;
use crate::redactor::Redactor;
use crate::resolve::Removal;
use crate::verify::verify_text;

/// Separates parts in the model text, so that detectors never join text across them.
const PART_BREAK: &str = "\n\n";

/// Identifies one editable piece of a [`TextModel`].
pub type SegmentId = usize;

#[derive(Debug, Clone)]
struct Segment {
    range: Range<usize>,
    part: usize,
}

#[derive(Debug, Clone)]
struct Part {
    name: String,
    start: usize,
}

/// Editable pieces of text in reading order, with context between them.
#[derive(Debug, Clone, Default)]
pub struct TextModel {
    text: String,
    segments: Vec<Segment>,
    parts: Vec<Part>,
}

/// A removal the format itself asks for (a display name is a name), besides the detectors'.
#[derive(Debug, Clone)]
pub struct Forced {
    /// The piece removed as a whole.
    pub segment: SegmentId,
    /// Its category.
    pub category: Category,
    /// The rule, for the audit log.
    pub detector: &'static str,
    /// Why, never the text.
    pub evidence: &'static str,
}

/// The outcome of redacting a model: new text per piece (`None` where unchanged), the
/// removals in model offsets and their audit records.
#[derive(Debug)]
pub struct ModelRedaction {
    /// New text per segment; `None` leaves the segment as it was.
    pub segments: Vec<Option<String>>,
    /// The removals, sorted and disjoint, in model text offsets.
    pub removals: Vec<Removal>,
    /// Labels, one per removal.
    pub labels: Vec<String>,
    /// Protected ranges of the model text (keep list, public officials).
    pub protected: Vec<Range<usize>>,
    /// One record per removal (items numbered from 1).
    pub records: Vec<AuditRecord>,
}

impl TextModel {
    /// Starts a new part (`header:To`, `body`, `word/document.xml`).
    pub fn begin_part(&mut self, name: impl Into<String>) {
        if !self.text.is_empty() {
            self.text.push_str(PART_BREAK);
        }
        self.parts.push(Part {
            name: name.into(),
            start: self.text.len(),
        });
    }

    /// Appends text that gives context but is not in the document as such (a label before a
    /// header, a line end between paragraphs).
    pub fn context(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends an editable piece of text.
    pub fn segment(&mut self, text: &str) -> SegmentId {
        if self.parts.is_empty() {
            self.begin_part("text");
        }
        let start = self.text.len();
        // Offsets in a part count from its first piece (not the label the model put before).
        let part = self.parts.len() - 1;
        if self.segments.last().is_none_or(|s| s.part != part) {
            self.parts[part].start = start;
        }
        self.text.push_str(text);
        self.segments.push(Segment {
            range: start..self.text.len(),
            part: self.parts.len() - 1,
        });
        self.segments.len() - 1
    }

    /// The whole text the detectors read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of one segment.
    pub fn segment_text(&self, id: SegmentId) -> &str {
        &self.text[self.segments[id].range.clone()]
    }

    /// Number of segments.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether the model has no segments.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Detects and cuts removals into the segments. `forced` removes whole segments besides
    /// what the detectors find; each forced text is also removed where it recurs.
    pub fn redact(
        &self,
        redactor: &Redactor,
        forced: &[Forced],
        document: &str,
        key: &DigestKey,
    ) -> ModelRedaction {
        let scan = redactor.scan(&self.text);
        let mut removals = scan.removals;
        let protected = scan.protected;
        let policy = redactor.policy();
        let overlaps = |rs: &[Removal], r: &Range<usize>| {
            rs.iter().any(|x| x.start < r.end && r.start < x.end)
        };
        let mut extra = Vec::new();
        for f in forced {
            let range = trimmed(&self.text, self.segments[f.segment].range.clone());
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
            let needle = self.text[range.clone()].to_lowercase();
            if needle.chars().count() >= 4 {
                let haystack = self.text.to_lowercase();
                if haystack.len() == self.text.len() {
                    for (at, _) in haystack.match_indices(&needle) {
                        let r = at..at + needle.len();
                        if r != range
                            && is_token(&self.text, &r)
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
        // What lies only in context (a label the model added) is not in the document.
        merged.retain(|r| self.first_segment(r).is_some());
        let labels: Vec<String> = merged.iter().map(|r| redactor.label(r)).collect();
        let segments = self.cut(&merged, &labels);
        let records = merged
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let seg = self.first_segment(r).unwrap_or(0);
                let part = &self.parts[self.segments[seg].part];
                let mut record =
                    AuditRecord::for_text(document, i + 1, r, &self.text[r.start..r.end], key);
                record.part = Some(part.name.clone());
                record.location = Location::Text {
                    start: r.start.saturating_sub(part.start),
                    end: r.end.saturating_sub(part.start),
                };
                record
            })
            .collect();
        ModelRedaction {
            segments,
            removals: merged,
            labels,
            protected,
            records,
        }
    }

    /// The first segment a removal covers.
    fn first_segment(&self, r: &Removal) -> Option<SegmentId> {
        let i = self.segments.partition_point(|s| s.range.end <= r.start);
        self.segments
            .get(i)
            .filter(|s| s.range.start < r.end && !s.range.is_empty())
            .map(|_| i)
    }

    /// Each segment's new text: the parts a removal covers are cut out, and the removal's
    /// label goes where it starts (in its first segment).
    fn cut(&self, removals: &[Removal], labels: &[String]) -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = vec![None; self.segments.len()];
        let mut cuts: Vec<Vec<(usize, usize, Option<&str>)>> =
            vec![Vec::new(); self.segments.len()];
        for (r, label) in removals.iter().zip(labels) {
            let mut first = true;
            let mut i = self.segments.partition_point(|s| s.range.end <= r.start);
            while let Some(s) = self.segments.get(i) {
                if s.range.start >= r.end {
                    break;
                }
                let start = r.start.max(s.range.start) - s.range.start;
                let end = r.end.min(s.range.end) - s.range.start;
                if end > start || first && !s.range.is_empty() {
                    cuts[i].push((start, end, first.then_some(label.as_str())));
                    first = false;
                }
                i += 1;
            }
        }
        for (i, c) in cuts.iter().enumerate() {
            if c.is_empty() {
                continue;
            }
            let text = self.segment_text(i);
            let mut new = String::with_capacity(text.len());
            let mut at = 0;
            for &(start, end, label) in c {
                new.push_str(&text[at..start]);
                if let Some(l) = label {
                    new.push_str(l);
                }
                at = end;
            }
            new.push_str(&text[at..]);
            out[i] = Some(new);
        }
        out
    }

    /// The model text after the redaction: what reading the written document back must give.
    pub fn expected(&self, redaction: &ModelRedaction) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for (s, new) in self.segments.iter().zip(&redaction.segments) {
            out.push_str(&self.text[at..s.range.start]);
            match new {
                Some(n) => out.push_str(n),
                None => out.push_str(&self.text[s.range.clone()]),
            }
            at = s.range.end;
        }
        out.push_str(&self.text[at..]);
        out
    }

    /// Checks the model read back from the written document: it must read as the redaction
    /// intended, and no removed text may remain readable in it.
    pub fn verify(
        &self,
        redaction: &ModelRedaction,
        reread: &TextModel,
    ) -> Result<(), FormatError> {
        let expected = self.expected(redaction);
        if reread.text != expected {
            let at = expected
                .bytes()
                .zip(reread.text.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.len().min(reread.text.len()));
            return Err(FormatError::Verification(format!(
                "the written document reads back differently from what was redacted (from \
                 byte {at} of its text)"
            )));
        }
        verify_text(
            &self.text,
            &reread.text,
            &redaction.removals,
            &redaction.labels,
            &redaction.protected,
        )
        .map_err(|e| FormatError::Verification(e.to_string()))
    }

    /// The distinct removed strings (at least three characters), for searching the parts of
    /// the output that the model does not cover.
    pub fn removed_strings(&self, redaction: &ModelRedaction) -> Vec<String> {
        let mut out: Vec<String> = redaction
            .removals
            .iter()
            .map(|r| self.text[r.start..r.end].trim().to_lowercase())
            .filter(|s| s.chars().count() >= 3)
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// `range` without the white space at its ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Whether `r` is a whole token: no letter or digit just before or after it.
fn is_token(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Searches `haystack` (lower case) for any of the removed strings; the index of the first
/// found.
pub fn find_removed(haystack: &str, removed: &[String]) -> Option<usize> {
    let folded = haystack.to_lowercase();
    removed.iter().position(|s| {
        folded
            .match_indices(s.as_str())
            .any(|(at, m)| is_token(&folded, &(at..at + m.len())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lists, Policy};

    fn redactor() -> Redactor {
        Redactor::new(Policy::default(), &Lists::default()).unwrap()
    }

    fn key() -> DigestKey {
        DigestKey::from_material(b"model unit test key").unwrap()
    }

    #[test]
    fn a_removal_over_three_segments_leaves_its_label_in_the_first() {
        let mut m = TextModel::default();
        m.begin_part("word/document.xml");
        let a = m.segment("Bel 06-12");
        let b = m.segment("3456");
        let c = m.segment("78 nu.");
        let out = m.redact(&redactor(), &[], "d.docx", &key());
        assert_eq!(out.segments[a].as_deref(), Some("Bel [5.1.2e]"));
        assert_eq!(out.segments[b].as_deref(), Some(""));
        assert_eq!(out.segments[c].as_deref(), Some(" nu."));
        assert_eq!(out.records.len(), 1);
        assert_eq!(out.records[0].part.as_deref(), Some("word/document.xml"));
        assert_eq!(m.expected(&out), "Bel [5.1.2e] nu.");
    }

    #[test]
    fn forced_segments_are_removed_with_their_other_occurrences() {
        let mut m = TextModel::default();
        m.begin_part("header:From");
        m.context("Van: ");
        let name = m.segment("Xandra Quist");
        m.begin_part("body");
        m.segment("Groeten, xandra quist");
        let forced = [Forced {
            segment: name,
            category: Category::Name,
            detector: "mail.display-name",
            evidence: "display name",
        }];
        let out = m.redact(&redactor(), &forced, "d.eml", &key());
        assert_eq!(m.expected(&out), "Van: [5.1.2e]\n\nGroeten, [5.1.2e]");
        assert_eq!(out.records[1].part.as_deref(), Some("body"));
        assert!(matches!(
            out.records[1].location,
            Location::Text { start: 9, end: 21 }
        ));
        assert!(matches!(
            out.records[0].location,
            Location::Text { start: 0, end: 12 }
        ));
    }
}
