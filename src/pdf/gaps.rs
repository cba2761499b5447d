//! Gaps along a baseline: where a line breaks into segments (table cells, columns), and which
//! gaps inside a segment are word spaces.
//!
//! A gap is measured between two visible glyphs next to each other along the line, from the
//! end of the first one's advance to the start of the second, in ems of the larger glyph. The
//! drawing order does not matter: the glyphs come sorted by position.

use super::text::{Kind, Placed};

/// Inside one text-showing operation, a gap breaks the line only from this width on (a tab
/// made with a `TJ` number): narrower ones are kerning or widened word spaces (`Tw`).
const SAME_RUN_BREAK: f64 = 3.0;
/// Between operations, a gap breaks the line from this width on, if it is also
/// [`BREAK_RATIO`] times as wide as the gaps beside it (one box per character spaces every
/// glyph widely, and evenly).
const BREAK: f64 = 0.8;
const BREAK_RATIO: f64 = 2.5;
/// A gap with no space glyph is a word space when it is this much wider than the usual gap
/// between letters of its operation (0 without letter spacing; `Tc` when set): narrower ones
/// are kerning. A word space is about 0.25 em; kerning pairs stay well under 0.15 em.
const WORD: f64 = 0.15;
/// Gaps between letters of one operation measured to find its letter spacing.
const USUAL_GAP_SAMPLE: usize = 64;
/// In a run of single letters, a word gap is this much wider than the run's usual gap…
const SPREAD_WORD: f64 = 0.25;
/// …and its centres this many times as far apart as usual.
const SPREAD_PITCH: f64 = 1.4;

/// What separates two visible glyphs next to each other in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Nothing: letters of one word.
    Letters,
    /// A space glyph drawn between them.
    SpaceGlyph,
    /// A word space to insert.
    Word,
}

/// One step of a segment's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// A glyph's text.
    Glyph(u32),
    /// An inserted word space.
    Space,
}

/// The gap from `a` to `b`, in ems.
fn gap(a: &Placed, b: &Placed) -> f64 {
    let em = a.size.max(b.size).max(1e-6);
    let g = (b.x - (a.x + a.advance)) / em;
    if g.is_finite() { g } else { 0.0 }
}

/// Positions in `line` of its visible glyphs.
fn visible(line: &[u32], p: &[Placed]) -> Vec<usize> {
    (0..line.len())
        .filter(|&i| p[line[i] as usize].kind == Kind::Visible)
        .collect()
}

/// Splits a line (glyphs sorted along it) into segments at gaps much wider than a word
/// space; returns the segments' ranges in `line`. Blank glyphs in a break go with the
/// segment after it.
pub(super) fn segments(line: &[u32], p: &[Placed]) -> Vec<std::ops::Range<usize>> {
    let vis = visible(line, p);
    let gaps: Vec<f64> = vis
        .windows(2)
        .map(|w| gap(&p[line[w[0]] as usize], &p[line[w[1]] as usize]))
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, w) in vis.windows(2).enumerate() {
        let (a, b) = (&p[line[w[0]] as usize], &p[line[w[1]] as usize]);
        let breaks = if a.run == b.run {
            gaps[k] > SAME_RUN_BREAK
        } else {
            let before = if k > 0 { gaps[k - 1] } else { 0.0 };
            let after = gaps.get(k + 1).copied().unwrap_or(0.0);
            gaps[k] > BREAK.max(BREAK_RATIO * before.max(after))
        };
        if breaks {
            out.push(start..w[0] + 1);
            start = w[0] + 1;
        }
    }
    out.push(start..line.len());
    out
}

/// The text of a segment (glyphs sorted along the line) as steps: its glyphs from the first
/// visible one to the last, with a space where a gap is a word space.
pub(super) fn words(seg: &[u32], p: &[Placed]) -> Vec<Step> {
    let vis = visible(seg, p);
    let (Some(&first), Some(&last)) = (vis.first(), vis.last()) else {
        return Vec::new();
    };
    // Per pair of neighbours: a space glyph between them, and the gap.
    let pairs: Vec<(bool, f64)> = vis
        .windows(2)
        .map(|w| {
            let space = seg[w[0] + 1..w[1]]
                .iter()
                .any(|&g| p[g as usize].kind == Kind::Space);
            (space, gap(&p[seg[w[0]] as usize], &p[seg[w[1]] as usize]))
        })
        .collect();
    // Letter spacing matters only where a gap could be a word space (most lines: none).
    let usual = if pairs.iter().any(|&(space, g)| !space && g > WORD) {
        usual_gaps(seg, p, &vis, &pairs)
    } else {
        Vec::new()
    };
    let mut joins: Vec<Join> = vis
        .windows(2)
        .zip(&pairs)
        .map(|(w, &(space, g))| {
            let (a, b) = (&p[seg[w[0]] as usize], &p[seg[w[1]] as usize]);
            let letter_spacing = if a.run == b.run {
                usual
                    .binary_search_by_key(&a.run, |&(r, _)| r)
                    .map_or(0.0, |i| usual[i].1)
            } else {
                0.0
            };
            if space {
                Join::SpaceGlyph
            } else if g > letter_spacing + WORD {
                Join::Word
            } else {
                Join::Letters
            }
        })
        .collect();
    close_spread_letters(seg, p, &vis, &mut joins);

    let mut steps = Vec::with_capacity(last - first + 2);
    steps.push(Step::Glyph(seg[first]));
    for (k, w) in vis.windows(2).enumerate() {
        if joins[k] == Join::Word {
            steps.push(Step::Space);
        }
        steps.extend(seg[w[0] + 1..=w[1]].iter().map(|&g| Step::Glyph(g)));
    }
    steps
}

/// Letter-spaced text and one box per character read as words: in a run of single visible
/// glyphs separated by word gaps, a gap stays a word space only where it is clearly wider,
/// and the centres clearly farther apart, than is usual in the run (an empty box, a space).
fn close_spread_letters(seg: &[u32], p: &[Placed], vis: &[usize], joins: &mut [Join]) {
    if !joins.contains(&Join::Word) {
        return;
    }
    let n = vis.len();
    // Whether each visible glyph is a word on its own.
    let single: Vec<bool> = (0..n)
        .map(|i| {
            (i == 0 || joins[i - 1] != Join::Letters) && (i + 1 == n || joins[i] != Join::Letters)
        })
        .collect();
    let placed = |k: usize| &p[seg[vis[k]] as usize];
    let mut k = 0;
    while k < joins.len() {
        if !(joins[k] == Join::Word && single[k] && single[k + 1]) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < joins.len() && joins[end] == Join::Word && single[end + 1] {
            end += 1;
        }
        let gaps: Vec<f64> = (k..end).map(|j| gap(placed(j), placed(j + 1))).collect();
        let centre = |j: usize| placed(j).x + placed(j).advance / 2.0;
        let pitches: Vec<f64> = (k..end).map(|j| centre(j + 1) - centre(j)).collect();
        let (usual_gap, usual_pitch) = (median(&gaps), median(&pitches));
        for j in k..end {
            let wide = gaps[j - k] > usual_gap + SPREAD_WORD
                && pitches[j - k] > SPREAD_PITCH * usual_pitch;
            if !wide {
                joins[j] = Join::Letters;
            }
        }
        k = end;
    }
}

/// Per operation in the segment, sorted by operation, its usual gap between neighbouring
/// letters (no space glyph between): the lower median of its first gaps along the line, at
/// least 0, so that letter spacing (`Tc`) is not read as word spaces.
fn usual_gaps(seg: &[u32], p: &[Placed], vis: &[usize], pairs: &[(bool, f64)]) -> Vec<(u32, f64)> {
    let mut by_run: Vec<(u32, f64)> = vis
        .windows(2)
        .zip(pairs)
        .filter_map(|(w, &(space, g))| {
            let (a, b) = (&p[seg[w[0]] as usize], &p[seg[w[1]] as usize]);
            (a.run == b.run && !space).then_some((a.run, g))
        })
        .collect();
    by_run.sort_by_key(|x| x.0);
    let mut out = Vec::new();
    for run in by_run.chunk_by(|x, y| x.0 == y.0) {
        let gaps: Vec<f64> = run.iter().take(USUAL_GAP_SAMPLE).map(|&(_, g)| g).collect();
        out.push((run[0].0, median(&gaps).max(0.0)));
    }
    out
}

/// The lower median; 0 for no values.
fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len().saturating_sub(1) / 2).copied().unwrap_or(0.0)
}
