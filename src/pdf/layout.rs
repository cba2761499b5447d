//! Reading order of a page's segments (runs of text on one baseline between wide gaps), in
//! one writing direction.
//!
//! Segments stacked in a column at a steady line spacing form a block: a table cell's
//! wrapped lines, a paragraph, a column of text. Blocks are then ordered by recursive XY-cut:
//! - columns (a vertical gutter through the blocks) are read one after the other when one of
//!   them is running text;
//! - otherwise rows (a horizontal gap through the blocks) are read top to bottom;
//! - blocks side by side with neither are table cells, read left to right, unless they are a
//!   column of labels (`Van:`, `Aan:`) beside their values or tall stacked columns (a table
//!   without row spacing): those are read line by line across.
//!
//! Coordinates are in the direction's frame: `x` along the writing direction, `y` across it,
//! growing upwards.

/// A segment as the layout sees it.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    /// Extent along the baseline.
    pub x0: f64,
    pub x1: f64,
    /// The baseline, shared by all segments of one line.
    pub y: f64,
    /// The largest glyph's em.
    pub size: f64,
    /// Words in its text.
    pub words: u32,
    /// Its text ends with a colon.
    pub label: bool,
}

/// Lines stack into a block up to this line spacing, in ems (wider spacing is a table's row
/// spacing as often as a paragraph's line spacing).
const STACK: f64 = 1.5;
/// Lines of one block differ at most this much in size.
const SIZE_RATIO: f64 = 1.3;
/// A line spacing this much larger than the one before or after it starts a new block (a
/// table row, a paragraph).
const LEADING_JUMP: f64 = 1.15;
/// Rows searched below a segment for the line it continues on.
const ROWS_SEARCHED: usize = 8;
/// Blocks taller than this many lines side by side are read across, as rows.
const CELL_LINES: usize = 3;
/// Rows further apart than this, in ems, do not continue each other's columns.
const ROW_GAP: f64 = 3.0;
/// Most rows read together as columns (bounds the search for them).
const GROUPED_ROWS: usize = 64;
/// Deeper cuts than this (a staircase layout) fall back to top-to-bottom order.
const MAX_DEPTH: usize = 48;

/// The reading order of `segs`: indices into it.
pub(super) fn order(segs: &[Seg]) -> Vec<u32> {
    let blocks = blocks(segs);
    let mut out = Vec::with_capacity(segs.len());
    let cut = Cut {
        segs,
        blocks: &blocks,
    };
    cut.node((0..blocks.len() as u32).collect(), 0, &mut out);
    out
}

#[derive(Debug)]
struct Block {
    /// Top to bottom.
    segs: Vec<u32>,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
}

/// The segments below or above one, in the nearest row that has any.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Near {
    None,
    One(u32),
    Many,
}

/// Segments grouped into rows (one baseline each), top to bottom, each left to right.
struct Rows {
    sorted: Vec<u32>,
    rows: Vec<std::ops::Range<usize>>,
    row_of: Vec<usize>,
}

impl Rows {
    fn new(segs: &[Seg]) -> Rows {
        let mut sorted: Vec<u32> = (0..segs.len() as u32).collect();
        sorted.sort_by(|&a, &b| {
            let (s, t) = (&segs[a as usize], &segs[b as usize]);
            t.y.total_cmp(&s.y)
                .then(s.x0.total_cmp(&t.x0))
                .then(a.cmp(&b))
        });
        let mut rows = Vec::new();
        let mut row_of = vec![0; segs.len()];
        let mut start = 0;
        for i in 1..=sorted.len() {
            let same =
                i < sorted.len() && segs[sorted[i] as usize].y == segs[sorted[start] as usize].y;
            if !same {
                for &s in &sorted[start..i] {
                    row_of[s as usize] = rows.len();
                }
                rows.push(start..i);
                start = i;
            }
        }
        Rows {
            sorted,
            rows,
            row_of,
        }
    }

    /// The segments of the nearest row above (`up`) or below `s` that overlap it along the
    /// baseline.
    fn near(&self, segs: &[Seg], s: u32, up: bool) -> Near {
        let seg = &segs[s as usize];
        let at = self.row_of[s as usize];
        for k in 1..=ROWS_SEARCHED {
            let Some(r) = (if up { at.checked_sub(k) } else { Some(at + k) })
                .filter(|&r| r < self.rows.len())
            else {
                break;
            };
            let row = &self.sorted[self.rows[r].clone()];
            let y = segs[row[0] as usize].y;
            if (seg.y - y).abs() > STACK * SIZE_RATIO * seg.size {
                break;
            }
            // Row segments are sorted by start; overlapping ones start before `seg` ends.
            let end = row.partition_point(|&t| segs[t as usize].x0 < seg.x1);
            let mut found = Near::None;
            for &t in row[..end].iter().rev().take(ROWS_SEARCHED) {
                let other = &segs[t as usize];
                if other.x1 > seg.x0 {
                    found = match found {
                        Near::None => Near::One(t),
                        _ => Near::Many,
                    };
                }
            }
            if found != Near::None {
                return found;
            }
        }
        Near::None
    }
}

/// Whether `t`, the one segment under `s`, continues it in a block.
fn stacks(s: &Seg, t: &Seg) -> bool {
    let size = s.size.max(t.size);
    let ratio = size / s.size.min(t.size).max(1e-6);
    let d = s.y - t.y;
    ratio <= SIZE_RATIO && d > 0.0 && d <= STACK * size
}

/// Stacks segments into blocks.
fn blocks(segs: &[Seg]) -> Vec<Block> {
    let rows = Rows::new(segs);
    let n = segs.len();
    let mut next: Vec<Option<u32>> = vec![None; n];
    let mut prev: Vec<Option<u32>> = vec![None; n];
    for s in 0..n as u32 {
        if let Near::One(t) = rows.near(segs, s, false)
            && rows.near(segs, t, true) == Near::One(s)
            && stacks(&segs[s as usize], &segs[t as usize])
        {
            next[s as usize] = Some(t);
            prev[t as usize] = Some(s);
        }
    }
    // A jump in line spacing separates blocks: measured on the links found, then applied.
    let spacing = |s: u32, t: u32| segs[s as usize].y - segs[t as usize].y;
    let broken: Vec<bool> = (0..n as u32)
        .map(|s| {
            let Some(t) = next[s as usize] else {
                return false;
            };
            let d = spacing(s, t);
            let slack = 0.1 * segs[s as usize].size.max(segs[t as usize].size);
            let wider = |other: f64| d > LEADING_JUMP * other + slack;
            prev[s as usize].is_some_and(|p| wider(spacing(p, s)))
                || next[t as usize].is_some_and(|u| wider(spacing(t, u)))
        })
        .collect();
    for s in 0..n {
        if broken[s]
            && let Some(t) = next[s].take()
        {
            prev[t as usize] = None;
        }
    }
    let mut out = Vec::new();
    for &head in &rows.sorted {
        if prev[head as usize].is_some() {
            continue;
        }
        let mut members = vec![head];
        let mut at = head;
        while let Some(t) = next[at as usize] {
            members.push(t);
            at = t;
        }
        let seg = |s: &u32| &segs[*s as usize];
        out.push(Block {
            x0: members
                .iter()
                .map(|s| seg(s).x0)
                .fold(f64::INFINITY, f64::min),
            x1: members
                .iter()
                .map(|s| seg(s).x1)
                .fold(f64::NEG_INFINITY, f64::max),
            top: members
                .iter()
                .map(|s| seg(s).y + 0.75 * seg(s).size)
                .fold(f64::NEG_INFINITY, f64::max),
            bottom: members
                .iter()
                .map(|s| seg(s).y - 0.25 * seg(s).size)
                .fold(f64::INFINITY, f64::min),
            segs: members,
        });
    }
    out
}

struct Cut<'a> {
    segs: &'a [Seg],
    blocks: &'a [Block],
}

impl Cut<'_> {
    fn block(&self, b: u32) -> &Block {
        &self.blocks[b as usize]
    }

    fn node(&self, ids: Vec<u32>, depth: usize, out: &mut Vec<u32>) {
        if ids.len() <= 1 || depth >= MAX_DEPTH {
            return self.top_down(ids, out);
        }
        let columns = self.x_cut(&ids);
        let rows = self.y_cut(&ids);
        if self.text_columns(&columns, &rows) {
            for c in columns {
                self.node(c, depth + 1, out);
            }
            return;
        }
        if rows.len() >= 2 {
            return self.rows(rows, depth, out);
        }
        if columns.len() >= 2 {
            // Side by side with no row between: table cells, unless rows hide in them.
            let across = self.label_column(&columns)
                || columns.iter().any(|c| c.len() > 1)
                || ids.iter().any(|&b| self.block(b).segs.len() > CELL_LINES);
            if across {
                return self.across(&ids, out);
            }
            for c in columns {
                self.node(c, depth + 1, out);
            }
            return;
        }
        self.top_down(ids, out);
    }

    /// Whether the blocks split at gutters are columns of text, read one after the other:
    /// one of them is running text, and they stand side by side in some row (blocks that
    /// alternate between sides, as chat messages do, are read row by row).
    fn text_columns(&self, columns: &[Vec<u32>], rows: &[Vec<u32>]) -> bool {
        if columns.len() < 2
            || self.label_column(columns)
            || !columns.iter().any(|c| self.running(c))
        {
            return false;
        }
        let mut column_of: Vec<(u32, usize)> = columns
            .iter()
            .enumerate()
            .flat_map(|(k, c)| c.iter().map(move |&b| (b, k)))
            .collect();
        column_of.sort_unstable();
        let column = |b: u32| {
            column_of
                .binary_search_by_key(&b, |&(b, _)| b)
                .map_or(usize::MAX, |i| column_of[i].1)
        };
        rows.len() < 2
            || rows.iter().any(|r| {
                let first = column(r[0]);
                r.iter().any(|&b| column(b) != first)
            })
    }

    /// Rows top to bottom; consecutive rows that share a gutter and hold columns of text
    /// there (paragraph breaks that happen to line up across columns) are read as columns.
    fn rows(&self, rows: Vec<Vec<u32>>, depth: usize, out: &mut Vec<u32>) {
        let mut i = 0;
        while i < rows.len() {
            let mut free = self.free(&rows[i]);
            let mut j = i + 1;
            while j < rows.len() && j - i < GROUPED_ROWS && self.close(&rows[j - 1], &rows[j]) {
                let both = intersect(&free, &self.free(&rows[j]));
                if !both.iter().any(|&(l, r)| l.is_finite() && r.is_finite()) {
                    break;
                }
                free = both;
                j += 1;
            }
            if j - i >= 2 {
                let group: Vec<u32> = rows[i..j].iter().flatten().copied().collect();
                let columns = self.x_cut(&group);
                if self.text_columns(&columns, &rows[i..j]) {
                    for c in columns {
                        self.node(c, depth + 1, out);
                    }
                    i = j;
                    continue;
                }
            }
            self.node(rows[i].clone(), depth + 1, out);
            i += 1;
        }
    }

    /// Whether row `b`, under row `a`, is near enough to continue its columns (a page footer
    /// is not).
    fn close(&self, a: &[u32], b: &[u32]) -> bool {
        let bottom = a
            .iter()
            .map(|&x| self.block(x).bottom)
            .fold(f64::INFINITY, f64::min);
        let top = b
            .iter()
            .map(|&x| self.block(x).top)
            .fold(f64::NEG_INFINITY, f64::max);
        let size = self
            .lines(a)
            .chain(self.lines(b))
            .map(|s| s.size)
            .fold(0.0, f64::max);
        bottom - top <= ROW_GAP * size
    }

    /// The open intervals along the baseline that no block covers, left to right.
    fn free(&self, ids: &[u32]) -> Vec<(f64, f64)> {
        let mut spans: Vec<(f64, f64)> = ids
            .iter()
            .map(|&b| (self.block(b).x0, self.block(b).x1))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut out = Vec::with_capacity(spans.len() + 1);
        let mut from = f64::NEG_INFINITY;
        for (x0, x1) in spans {
            if x0 > from {
                out.push((from, x0));
            }
            from = from.max(x1);
        }
        out.push((from, f64::INFINITY));
        out
    }

    /// Blocks whole, by their tops, then from the left.
    fn top_down(&self, mut ids: Vec<u32>, out: &mut Vec<u32>) {
        ids.sort_by(|&a, &b| {
            let (p, q) = (self.block(a), self.block(b));
            q.top
                .total_cmp(&p.top)
                .then(p.x0.total_cmp(&q.x0))
                .then(a.cmp(&b))
        });
        for b in ids {
            out.extend(&self.block(b).segs);
        }
    }

    /// The blocks' lines, line by line across the blocks.
    fn across(&self, ids: &[u32], out: &mut Vec<u32>) {
        let mut segs: Vec<u32> = ids
            .iter()
            .flat_map(|&b| self.block(b).segs.iter().copied())
            .collect();
        segs.sort_by(|&a, &b| {
            let (s, t) = (&self.segs[a as usize], &self.segs[b as usize]);
            t.y.total_cmp(&s.y)
                .then(s.x0.total_cmp(&t.x0))
                .then(a.cmp(&b))
        });
        out.extend(segs);
    }

    /// The blocks split at vertical gutters, left to right.
    fn x_cut(&self, ids: &[u32]) -> Vec<Vec<u32>> {
        let mut ids = ids.to_vec();
        ids.sort_by(|&a, &b| {
            (self.block(a).x0)
                .total_cmp(&self.block(b).x0)
                .then(a.cmp(&b))
        });
        let mut parts: Vec<Vec<u32>> = Vec::new();
        let mut reach = f64::NEG_INFINITY;
        for b in ids {
            let block = self.block(b);
            match parts.last_mut() {
                Some(part) if block.x0 <= reach => part.push(b),
                _ => parts.push(vec![b]),
            }
            reach = reach.max(block.x1);
        }
        parts
    }

    /// The blocks split at horizontal gaps, top to bottom.
    fn y_cut(&self, ids: &[u32]) -> Vec<Vec<u32>> {
        let mut ids = ids.to_vec();
        ids.sort_by(|&a, &b| {
            (self.block(b).top)
                .total_cmp(&self.block(a).top)
                .then(a.cmp(&b))
        });
        let mut parts: Vec<Vec<u32>> = Vec::new();
        let mut reach = f64::INFINITY;
        for b in ids {
            let block = self.block(b);
            match parts.last_mut() {
                Some(part) if block.top >= reach => part.push(b),
                _ => parts.push(vec![b]),
            }
            reach = reach.min(block.bottom);
        }
        parts
    }

    fn lines<'s>(&'s self, ids: &'s [u32]) -> impl Iterator<Item = &'s Seg> + 's {
        ids.iter()
            .flat_map(|&b| self.block(b).segs.iter())
            .map(|&s| &self.segs[s as usize])
    }

    /// Whether a column other than the last holds labels (lines ending in a colon).
    fn label_column(&self, columns: &[Vec<u32>]) -> bool {
        columns[..columns.len() - 1].iter().any(|c| {
            let (lines, labels) = self
                .lines(c)
                .fold((0, 0), |(n, l), s| (n + 1, l + usize::from(s.label)));
            lines >= 2 && labels * 5 >= lines * 3
        })
    }

    /// Whether a column is running text: most of its lines have several words, fill its
    /// width (lines wrapped there) and stack into blocks; a table's columns are ragged, one
    /// word wide, or spaced as rows.
    fn running(&self, ids: &[u32]) -> bool {
        let (mut lines, mut words) = (0u32, 0u64);
        let (mut left, mut right, mut size) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
        for s in self.lines(ids) {
            lines += 1;
            words += u64::from(s.words);
            left = left.min(s.x0);
            right = right.max(s.x1);
            size = size.max(s.size);
        }
        let width = right - left;
        if lines < 3 || words < 3 * u64::from(lines) || width < 8.0 * size {
            return false;
        }
        let full = self
            .lines(ids)
            .filter(|s| s.x1 >= right - 0.2 * width)
            .count();
        let stacked: usize = ids
            .iter()
            .map(|&b| self.block(b).segs.len())
            .filter(|&n| n > 1)
            .sum();
        let lines = lines as usize;
        full * 5 >= lines * 3 && stacked * 5 >= lines * 3
    }
}

/// The intersection of two sorted lists of disjoint open intervals.
fn intersect(a: &[(f64, f64)], b: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let (l, r) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if l < r {
            out.push((l, r));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
