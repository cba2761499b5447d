//! Page text in reading order, with a map from every byte of the text back to its glyph.
//!
//! Whatever order the content draws them in, glyphs are placed by position:
//! 1. by writing direction, each in its own frame (rotated tables and margin text);
//! 2. in lines by baseline, ordered along it; a glyph drawn again over an identical one (fake
//!    bold, shadows) is a duplicate: it adds no text but is removed with the glyph it copies;
//!    text overprinting other text on a baseline forms a line of its own;
//! 3. lines split into segments at gaps much wider than a word space (`gaps`: table cells,
//!    columns), with word spaces inserted where a gap that no space glyph fills is wider than
//!    kerning or letter spacing explains;
//! 4. segments ordered as a reader reads them (`layout`: cells, columns, rows).
//!
//! Segments on one baseline that follow each other are joined by a space, a segment well
//! below the one before it (or in another direction) by a blank line, others by a line
//! feed; Latin ligature characters (`ﬁ`) become their letters. Each segment is a line of the
//! page (`line`), so a removal has one box per segment it touches.

use super::gaps::{self, Step};
use super::geom::Point;
use super::interpret::Glyph;
use super::layout::{self, Seg};

/// Marks a text byte that no glyph produced (an inserted space or line feed).
pub(crate) const NO_GLYPH: u32 = u32::MAX;

/// Glyphs whose directions differ by less than this many degrees share a frame.
const SAME_DIRECTION: f64 = 2.0;
/// Glyphs whose baselines are this close, in ems, share a line.
const SAME_BASELINE: f64 = 0.4;
/// A glyph drawn within this share of its advance (and of its em) from an identical one on
/// the line duplicates it.
const DUPLICATE: f64 = 0.5;
const DUPLICATE_EM: f64 = 0.2;
/// Neighbours compared when looking for a duplicate.
const DUPLICATE_WINDOW: usize = 16;
/// A glyph starting more than this many ems before the end of the text before it on its
/// baseline overprints it.
const OVERPRINT: f64 = 0.5;
/// Most layers of overprinted text on one baseline.
const LAYERS: usize = 4;
/// A segment this many ems or more below the one read before it follows a blank line.
const BLANK_LINE: f64 = 2.2;

/// A page's text.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageText {
    pub text: String,
    /// For each byte of `text`, the index of its glyph, or [`NO_GLYPH`].
    pub byte_glyph: Vec<u32>,
    /// For each glyph, its line number.
    pub line: Vec<u32>,
    /// For each glyph, the glyph it duplicates, or [`NO_GLYPH`].
    pub duplicate_of: Vec<u32>,
}

/// What a glyph's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Visible,
    /// White space only.
    Space,
    /// No text.
    Empty,
}

/// A glyph in the frame of its writing direction.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    /// Origin along the writing direction.
    pub x: f64,
    /// Origin across it, growing upwards.
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub kind: Kind,
    /// The text-showing operation that drew it, numbered in content order.
    pub run: u32,
}

/// A segment with its text.
struct Segment {
    frame: usize,
    seg: Seg,
    text: String,
    byte_glyph: Vec<u32>,
    glyphs: Vec<u32>,
}

/// Builds the text of a page from its glyphs; `texts` is the interpreter's text buffer.
pub(crate) fn build(glyphs: &[Glyph], texts: &str) -> PageText {
    let text_of = |i: u32| {
        let g = &glyphs[i as usize];
        texts
            .get(g.text.start as usize..g.text.end as usize)
            .unwrap_or("")
    };
    let (frame_of, frames) = frames(glyphs);
    let placed = place(glyphs, &frame_of, &frames, &text_of);
    let mut duplicate_of = vec![NO_GLYPH; glyphs.len()];

    // Glyphs of each frame, top to bottom.
    let mut by_frame: Vec<Vec<u32>> = vec![Vec::new(); frames.len()];
    for (i, &f) in frame_of.iter().enumerate() {
        by_frame[f].push(i as u32);
    }
    let mut segments: Vec<Segment> = Vec::new();
    for (frame, ids) in by_frame.iter_mut().enumerate() {
        ids.sort_unstable_by(|&a, &b| {
            let (p, q) = (&placed[a as usize], &placed[b as usize]);
            q.y.total_cmp(&p.y)
                .then(p.x.total_cmp(&q.x))
                .then(a.cmp(&b))
        });
        for line in baselines(ids, &placed) {
            let mut line = line.to_vec();
            line.sort_unstable_by(|&a, &b| {
                (placed[a as usize].x)
                    .total_cmp(&placed[b as usize].x)
                    .then(a.cmp(&b))
            });
            find_duplicates(&line, &placed, &text_of, &mut duplicate_of);
            line.retain(|&g| duplicate_of[g as usize] == NO_GLYPH);
            let y = line.first().map_or(0.0, |&g| placed[g as usize].y);
            for layer in layers(&line, &placed) {
                for range in gaps::segments(&layer, &placed) {
                    let seg = &layer[range];
                    segments.push(segment(frame, y, seg, &placed, &text_of));
                }
            }
        }
    }
    emit(glyphs.len(), &frames, &segments, duplicate_of)
}

/// Clusters the glyphs by writing direction: each glyph's frame, and each frame's direction
/// (that of its first glyph in content order).
fn frames(glyphs: &[Glyph]) -> (Vec<usize>, Vec<Point>) {
    // Angles computed once: the sort compares each many times. Sorted input (one direction,
    // the usual page) sorts in linear time.
    let mut by_angle: Vec<(f64, u32)> = glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let a = g.dir.y.atan2(g.dir.x).to_degrees();
            (if a.is_finite() { a } else { 0.0 }, i as u32)
        })
        .collect();
    by_angle.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut frame_of = vec![0; glyphs.len()];
    let mut frames: Vec<(f64, u32)> = Vec::new();
    for &(a, i) in &by_angle {
        match frames.last_mut() {
            Some((first, lowest)) if a - *first < SAME_DIRECTION => *lowest = (*lowest).min(i),
            _ => frames.push((a, i)),
        }
        frame_of[i as usize] = frames.len() - 1;
    }
    let dirs = frames
        .iter()
        .map(|&(_, i)| {
            let d = glyphs[i as usize].dir;
            if d.x.is_finite() && d.y.is_finite() && d.length() > 1e-9 {
                Point::new(d.x / d.length(), d.y / d.length())
            } else {
                Point::new(1.0, 0.0)
            }
        })
        .collect();
    (frame_of, dirs)
}

/// The glyphs in their frames.
fn place<'t>(
    glyphs: &[Glyph],
    frame_of: &[usize],
    frames: &[Point],
    text_of: &impl Fn(u32) -> &'t str,
) -> Vec<Placed> {
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let mut run = 0u32;
    let mut placed = Vec::with_capacity(glyphs.len());
    for (i, g) in glyphs.iter().enumerate() {
        let new_run = i > 0 && {
            let p = &glyphs[i - 1].loc;
            (p.ctx, p.op) != (g.loc.ctx, g.loc.op)
        };
        run += u32::from(new_run);
        let t = text_of(i as u32);
        let kind = if t.is_empty() {
            Kind::Empty
        } else if t.chars().all(char::is_whitespace) {
            Kind::Space
        } else {
            Kind::Visible
        };
        let u = frames[frame_of[i]];
        let v = Point::new(-u.y, u.x);
        placed.push(Placed {
            x: finite(g.origin.dot(u)),
            y: finite(g.origin.dot(v)),
            advance: finite(g.advance),
            size: finite(g.size).abs(),
            kind,
            run,
        });
    }
    placed
}

/// Splits glyphs sorted top to bottom into lines: each starts at its highest glyph and takes
/// the glyphs less than [`SAME_BASELINE`] ems below it.
fn baselines<'a>(ids: &'a [u32], placed: &[Placed]) -> Vec<&'a [u32]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=ids.len() {
        let ends = i == ids.len() || {
            let (top, g) = (&placed[ids[start] as usize], &placed[ids[i] as usize]);
            top.y - g.y >= SAME_BASELINE * top.size.max(g.size)
        };
        if ends {
            out.push(&ids[start..i]);
            start = i;
        }
    }
    out
}

/// Marks the glyphs of a line (sorted along it) that duplicate an earlier-drawn identical
/// glyph at the same place, pointing each at the first one drawn.
fn find_duplicates<'t>(
    line: &[u32],
    placed: &[Placed],
    text_of: &impl Fn(u32) -> &'t str,
    duplicate_of: &mut [u32],
) {
    let mut found = false;
    for (i, &g) in line.iter().enumerate() {
        let p = &placed[g as usize];
        let near = |o: u32| {
            let q = &placed[o as usize];
            let reach = (DUPLICATE * p.advance.max(q.advance))
                .min(DUPLICATE_EM * p.size.max(q.size))
                .max(1e-6);
            (q.x - p.x).abs() < reach
                && (q.y - p.y).abs() < DUPLICATE_EM * p.size.max(q.size)
                && text_of(o) == text_of(g)
        };
        // Sorted along the line: only the few glyphs within reach are compared.
        let within = |o: &&u32| {
            let q = &placed[**o as usize];
            (q.x - p.x).abs() < DUPLICATE_EM * p.size.max(q.size)
        };
        let before = line[..i]
            .iter()
            .rev()
            .take(DUPLICATE_WINDOW)
            .take_while(within);
        let after = line[i + 1..]
            .iter()
            .take(DUPLICATE_WINDOW)
            .take_while(within);
        if let Some(&first) = before.chain(after).filter(|&&o| o < g && near(o)).min() {
            duplicate_of[g as usize] = first;
            found = true;
        }
    }
    if !found {
        return;
    }
    // Point at the first drawn: lower indices are resolved first.
    let mut marked: Vec<u32> = line
        .iter()
        .copied()
        .filter(|&g| duplicate_of[g as usize] != NO_GLYPH)
        .collect();
    marked.sort_unstable();
    for g in marked {
        let o = duplicate_of[g as usize];
        if duplicate_of[o as usize] != NO_GLYPH {
            duplicate_of[g as usize] = duplicate_of[o as usize];
        }
    }
}

/// Splits a line (sorted along it) into layers that do not overprint each other: usually
/// one.
fn layers(line: &[u32], placed: &[Placed]) -> Vec<Vec<u32>> {
    let mut layers: Vec<(f64, Vec<u32>)> = Vec::new();
    for &g in line {
        let p = &placed[g as usize];
        let fits = |end: f64| p.x >= end - OVERPRINT * p.size;
        let at = match layers.iter().position(|(end, _)| fits(*end)) {
            Some(l) => l,
            None if layers.len() < LAYERS => {
                layers.push((f64::NEG_INFINITY, Vec::new()));
                layers.len() - 1
            }
            None => (0..layers.len())
                .min_by(|&a, &b| layers[a].0.total_cmp(&layers[b].0))
                .unwrap_or(0),
        };
        let (end, glyphs) = &mut layers[at];
        *end = end.max(p.x + p.advance);
        glyphs.push(g);
    }
    layers.into_iter().map(|(_, g)| g).collect()
}

/// A segment's text and place.
fn segment<'t>(
    frame: usize,
    y: f64,
    glyphs: &[u32],
    placed: &[Placed],
    text_of: &impl Fn(u32) -> &'t str,
) -> Segment {
    let mut text = PageText::default();
    for step in gaps::words(glyphs, placed) {
        match step {
            Step::Glyph(g) => push(&mut text, text_of(g), g),
            Step::Space => {
                if !text.text.ends_with(char::is_whitespace) {
                    push(&mut text, " ", NO_GLYPH);
                }
            }
        }
    }
    let visible = || {
        glyphs
            .iter()
            .map(|&g| &placed[g as usize])
            .filter(|p| p.kind == Kind::Visible)
    };
    Segment {
        frame,
        seg: Seg {
            x0: visible().map(|p| p.x).fold(f64::INFINITY, f64::min),
            x1: visible()
                .map(|p| p.x + p.advance)
                .fold(f64::NEG_INFINITY, f64::max),
            y,
            size: visible().map(|p| p.size).fold(0.0, f64::max),
            words: text.text.split_whitespace().count() as u32,
            label: text.text.trim_end().ends_with(':'),
        },
        text: text.text,
        byte_glyph: text.byte_glyph,
        glyphs: glyphs.to_vec(),
    }
}

/// Writes the segments in reading order: frames with the most segments first, each in its
/// layout's order. Segments without text still number their glyphs' line.
fn emit(glyphs: usize, frames: &[Point], segments: &[Segment], duplicate_of: Vec<u32>) -> PageText {
    let mut by_frame: Vec<Vec<u32>> = vec![Vec::new(); frames.len()];
    for (i, s) in segments.iter().enumerate() {
        if !s.text.is_empty() {
            by_frame[s.frame].push(i as u32);
        }
    }
    let mut frame_order: Vec<usize> = (0..frames.len()).collect();
    frame_order.sort_by_key(|&f| std::cmp::Reverse(by_frame[f].len()));
    let mut order: Vec<u32> = Vec::with_capacity(segments.len());
    for f in frame_order {
        let ids = &by_frame[f];
        let segs: Vec<Seg> = ids
            .iter()
            .map(|&i| segments[i as usize].seg.clone())
            .collect();
        order.extend(layout::order(&segs).into_iter().map(|k| ids[k as usize]));
    }
    order.extend((0..segments.len() as u32).filter(|&i| segments[i as usize].text.is_empty()));

    let mut out = PageText {
        line: vec![0; glyphs],
        ..PageText::default()
    };
    let mut before: Option<&Segment> = None;
    for (n, &i) in order.iter().enumerate() {
        let s = &segments[i as usize];
        for &g in &s.glyphs {
            out.line[g as usize] = n as u32;
        }
        if s.text.is_empty() {
            continue;
        }
        if let Some(b) = before {
            push(&mut out, separator(b, s), NO_GLYPH);
        }
        out.text.push_str(&s.text);
        out.byte_glyph.extend_from_slice(&s.byte_glyph);
        before = Some(s);
    }
    for (g, &o) in duplicate_of.iter().enumerate() {
        if o != NO_GLYPH {
            out.line[g] = out.line[o as usize];
        }
    }
    out.duplicate_of = duplicate_of;
    out
}

/// What goes between two segments read one after the other: a space on one line, a blank
/// line where white space or a change of direction parts them (the detectors read a blank
/// line as the end of a block, as in text files: an address under a letterhead is not the
/// letterhead's), a line feed otherwise.
fn separator(before: &Segment, s: &Segment) -> &'static str {
    let (b, t) = (&before.seg, &s.seg);
    if before.frame != s.frame {
        return "\n\n";
    }
    if b.y == t.y && t.x0 >= b.x0 {
        return " ";
    }
    if b.y - t.y > BLANK_LINE * b.size.max(t.size) {
        return "\n\n";
    }
    "\n"
}

fn push(out: &mut PageText, s: &str, glyph: u32) {
    let before = out.text.len();
    for c in s.chars() {
        match ligature(c) {
            Some(letters) => out.text.push_str(letters),
            None => out.text.push(c),
        }
    }
    out.byte_glyph
        .extend(std::iter::repeat_n(glyph, out.text.len() - before));
}

/// The letters of a Latin ligature character, which fonts map their ligature glyphs to and
/// which the detectors would not otherwise read as letters.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
