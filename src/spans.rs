//! Sets of byte spans that answer "is this range covered / touched?" in logarithmic time,
//! so that checks against protected text cost the same in a memo and in a 200 MB export.

use std::ops::Range;

/// Byte spans sorted by start, answering "is this range covered / touched?" in log time.
#[derive(Debug, Default)]
pub struct Spans {
    spans: Vec<(usize, usize)>,
    /// Largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Spans {
    /// Builds the index; `spans` need not be sorted.
    pub fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e) in &spans {
            m = m.max(e);
            max_end.push(m);
        }
        Spans { spans, max_end }
    }

    /// Whether one span contains all of `start..end`.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        // Among spans starting at or before `start`, the one reaching furthest.
        let n = self.spans.partition_point(|s| s.0 <= start);
        n > 0 && self.max_end[n - 1] >= end
    }

    /// Whether any span overlaps `start..end`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.spans.partition_point(|s| s.0 < end);
        n > 0 && self.max_end[n - 1] > start
    }
}

impl<'a> FromIterator<&'a Range<usize>> for Spans {
    fn from_iter<I: IntoIterator<Item = &'a Range<usize>>>(iter: I) -> Spans {
        Spans::new(iter.into_iter().map(|r| (r.start, r.end)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_answer_cover_and_overlap() {
        let s = Spans::new(vec![(10, 20), (0, 5), (12, 30)]);
        assert!(s.covers(12, 25));
        assert!(s.covers(0, 5));
        assert!(!s.covers(4, 11));
        assert!(s.overlaps(4, 6));
        assert!(!s.overlaps(5, 10));
        assert!(!s.overlaps(30, 40));
        assert!(!Spans::default().covers(0, 1));
    }
}
