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
use crate::resolve::{ForcedRange, Removal, is_alphanumeric_token};
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
    /// Where the part begins in the model text (before any context put first).
    begin: usize,
    /// Where its first piece begins: the origin of offsets within the part.
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

/// The removals cut into a model: new text per piece (`None` where unchanged), and the
/// removals in model offsets with their labels.
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
}

impl TextModel {
    /// Starts a new part (`header:To`, `body`, `word/document.xml`).
    pub fn begin_part(&mut self, name: impl Into<String>) {
        if !self.text.is_empty() {
            self.text.push_str(PART_BREAK);
        }
        self.parts.push(Part {
            name: name.into(),
            begin: self.text.len(),
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

    /// The parts in reading order: each one's name and where it begins in the model text.
    pub(crate) fn parts(&self) -> impl Iterator<Item = (&str, usize)> {
        self.parts.iter().map(|p| (p.name.as_str(), p.begin))
    }

    /// Number of segments.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether the model has no segments.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The ranges of the model text that `forced` removes: each piece without the white
    /// space at its ends (for [`crate::resolve::join_forced`]).
    pub(crate) fn forced_ranges(&self, forced: &[Forced]) -> Vec<ForcedRange> {
        forced
            .iter()
            .map(|f| ForcedRange {
                range: trimmed(&self.text, self.segments[f.segment].range.clone()),
                category: f.category,
                detector: f.detector,
                evidence: f.evidence,
            })
            .collect()
    }

    /// Whether a removal covers document text: one that lies only in context (a label the
    /// model added) is not in the document.
    pub fn in_document(&self, r: &Removal) -> bool {
        self.first_segment(r).is_some()
    }

    /// Cuts `removals` (sorted, disjoint ranges of the model text, each in the document) into
    /// the segments, with one label per removal; `protected` is the text that stays readable.
    pub fn cut_removals(
        &self,
        removals: Vec<Removal>,
        labels: Vec<String>,
        protected: Vec<Range<usize>>,
    ) -> ModelRedaction {
        let segments = self.cut(&removals, &labels);
        ModelRedaction {
            segments,
            removals,
            labels,
            protected,
        }
    }

    /// One audit record per removal (items numbered from 1): the part it is in, and its
    /// offsets counted from that part's first piece.
    pub fn records(
        &self,
        document: &str,
        removals: &[Removal],
        key: &DigestKey,
    ) -> Vec<AuditRecord> {
        removals
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
            .collect()
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

/// Searches `haystack` (lower case) for any of the removed strings; the index of the first
/// found.
pub fn find_removed(haystack: &str, removed: &[String]) -> Option<usize> {
    let folded = haystack.to_lowercase();
    removed.iter().position(|s| {
        folded
            .match_indices(s.as_str())
            .any(|(at, m)| is_alphanumeric_token(&folded, &(at..at + m.len())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redactor::Redactor;
    use crate::{Lists, Policy};

    fn key() -> DigestKey {
        DigestKey::from_material(b"model unit test key").unwrap()
    }

    /// The shared stages on a model: detect, resolve (with `forced`), cut, audit.
    fn redact(
        m: &TextModel,
        forced: &[Forced],
        document: &str,
    ) -> (ModelRedaction, Vec<AuditRecord>) {
        let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
        let mut scan = redactor.scan(m.text());
        crate::formats::seam::resolve(m, &redactor, &mut scan, |_| forced.to_vec());
        let labels = scan.removals.iter().map(|r| redactor.label(r)).collect();
        let records = m.records(document, &scan.removals, &key());
        (
            m.cut_removals(scan.removals, labels, scan.protected),
            records,
        )
    }

    #[test]
    fn a_removal_over_three_segments_leaves_its_label_in_the_first() {
        let mut m = TextModel::default();
        m.begin_part("word/document.xml");
        let a = m.segment("Bel 06-12");
        let b = m.segment("3456");
        let c = m.segment("78 nu.");
        let (out, records) = redact(&m, &[], "d.docx");
        assert_eq!(out.segments[a].as_deref(), Some("Bel [5.1.2e]"));
        assert_eq!(out.segments[b].as_deref(), Some(""));
        assert_eq!(out.segments[c].as_deref(), Some(" nu."));
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].part.as_deref(), Some("word/document.xml"));
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
        let (out, records) = redact(&m, &forced, "d.eml");
        assert_eq!(m.expected(&out), "Van: [5.1.2e]\n\nGroeten, [5.1.2e]");
        assert_eq!(records[1].part.as_deref(), Some("body"));
        assert!(matches!(
            records[1].location,
            Location::Text { start: 9, end: 21 }
        ));
        assert!(matches!(
            records[0].location,
            Location::Text { start: 0, end: 12 }
        ));
    }
}
