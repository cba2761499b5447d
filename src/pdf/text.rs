//! Page text in reading order, with a map from every byte of the text back to its glyph.
//!
//! Glyphs are grouped into lines in content order: a glyph joins the current line when it
//! sits on the same baseline in the same direction and does not jump back; otherwise it joins
//! a recent line it continues (a label column drawn before its values), or starts a new one.
//! A glyph drawn again over an identical one (fake bold, shadows) is a duplicate: it adds no
//! text but is removed with the glyph it copies. Word gaps without a space glyph become a
//! space; lines end with a line feed; Latin ligature characters (`ﬁ`) become their letters.

use super::geom::Point;
use super::interpret::Glyph;

/// Marks a text byte that no glyph produced (an inserted space or line feed).
pub(crate) const NO_GLYPH: u32 = u32::MAX;

/// How many recent lines a glyph may rejoin.
const RECENT_LINES: usize = 64;

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

struct Line {
    origin: Point,
    dir: Point,
    size: f64,
    /// Position along `dir` of the end of the last glyph.
    end: f64,
    glyphs: Vec<u32>,
}

impl Line {
    fn along(&self, p: Point) -> f64 {
        p.minus(self.origin).dot(self.dir)
    }

    fn across(&self, p: Point) -> f64 {
        let d = p.minus(self.origin);
        d.y * self.dir.x - d.x * self.dir.y
    }

    /// Whether `g` lies on this line's baseline, in its direction.
    fn on_baseline(&self, g: &Glyph) -> bool {
        let size = self.size.max(g.size).max(1e-6);
        self.dir.dot(g.dir) > 0.99 && self.across(g.origin).abs() < 0.4 * size
    }
}

/// Builds the text of a page from its glyphs; `texts` is the interpreter's text buffer.
pub(crate) fn build(glyphs: &[Glyph], texts: &str) -> PageText {
    let text_of = |g: &Glyph| &texts[g.text.start as usize..g.text.end as usize];
    let mut lines: Vec<Line> = Vec::new();
    let mut line_of = vec![0u32; glyphs.len()];
    let mut duplicate_of = vec![NO_GLYPH; glyphs.len()];
    let mut current: Option<usize> = None;
    for (i, g) in glyphs.iter().enumerate() {
        let size = g.size.max(1e-6);
        // A duplicate of a glyph already on the current line.
        if let Some(c) = current {
            let line = &lines[c];
            if line.on_baseline(g) && line.along(g.origin) < line.end - 0.3 * size {
                let same = line.glyphs.iter().rev().find(|&&o| {
                    let o = &glyphs[o as usize];
                    text_of(o) == text_of(g) && o.origin.minus(g.origin).length() < 0.2 * size
                });
                if let Some(&o) = same {
                    duplicate_of[i] = o;
                    line_of[i] = c as u32;
                    continue;
                }
            }
        }
        let fits =
            |line: &Line| line.on_baseline(g) && line.along(g.origin) >= line.end - 0.5 * size;
        let target = current.filter(|&c| fits(&lines[c])).or_else(|| {
            let from = lines.len().saturating_sub(RECENT_LINES);
            (from..lines.len()).rev().find(|&l| fits(&lines[l]))
        });
        let l = match target {
            Some(l) => l,
            None => {
                lines.push(Line {
                    origin: g.origin,
                    dir: g.dir,
                    size: g.size,
                    end: 0.0,
                    glyphs: Vec::new(),
                });
                lines.len() - 1
            }
        };
        let line = &mut lines[l];
        line.end = line.end.max(line.along(g.origin) + g.advance);
        line.size = line.size.max(g.size);
        line.glyphs.push(i as u32);
        line_of[i] = l as u32;
        current = Some(l);
    }

    let mut out = PageText {
        line: line_of,
        duplicate_of,
        ..PageText::default()
    };
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            push(&mut out, "\n", NO_GLYPH);
        }
        let mut prev_end: Option<f64> = None;
        for &gi in &line.glyphs {
            let g = &glyphs[gi as usize];
            let t = text_of(g);
            let start = line.along(g.origin);
            if let Some(end) = prev_end {
                let gap_word = start - end > 0.15 * line.size.max(g.size);
                let spaced =
                    out.text.ends_with(char::is_whitespace) || t.starts_with(char::is_whitespace);
                if gap_word && !spaced && !out.text.is_empty() {
                    push(&mut out, " ", NO_GLYPH);
                }
            }
            push(&mut out, t, gi);
            prev_end = Some(start + g.advance);
        }
    }
    out
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
mod tests {
    use super::*;
    use crate::pdf::geom::Rect;
    use crate::pdf::interpret::GlyphLoc;

    /// Glyphs of `s` at `(x, y)`, 10 units per character, size 10.
    fn run(texts: &mut String, glyphs: &mut Vec<Glyph>, s: &str, x: f64, y: f64) {
        for (k, ch) in s.chars().enumerate() {
            let start = texts.len() as u32;
            texts.push(ch);
            let x = x + 10.0 * k as f64;
            glyphs.push(Glyph {
                loc: GlyphLoc {
                    ctx: 0,
                    op: glyphs.len() as u32,
                    elem: 0,
                    start: 0,
                    len: 1,
                },
                text: start..texts.len() as u32,
                bbox: Rect {
                    x0: x,
                    y0: y - 2.0,
                    x1: x + 10.0,
                    y1: y + 8.0,
                },
                origin: Point::new(x, y),
                dir: Point::new(1.0, 0.0),
                size: 10.0,
                advance: 10.0,
                adjust: 500.0,
            });
        }
    }

    #[test]
    fn lines_words_and_the_byte_map() {
        let (mut t, mut g) = (String::new(), Vec::new());
        run(&mut t, &mut g, "Van:", 0.0, 700.0);
        // A word gap without a space glyph.
        run(&mut t, &mut g, "Jan", 60.0, 700.0);
        run(&mut t, &mut g, "Aan:", 0.0, 680.0);
        let page = build(&g, &t);
        assert_eq!(page.text, "Van: Jan\nAan:");
        assert_eq!(page.byte_glyph[5], 4);
        assert_eq!(page.byte_glyph[4], NO_GLYPH);
        assert_eq!(page.line[6], 0);
        assert_eq!(page.line[7], 1);
    }

    #[test]
    fn a_value_drawn_after_the_labels_rejoins_its_line() {
        let (mut t, mut g) = (String::new(), Vec::new());
        run(&mut t, &mut g, "Van:", 0.0, 700.0);
        run(&mut t, &mut g, "Aan:", 0.0, 680.0);
        run(&mut t, &mut g, "Jan", 60.0, 700.0);
        run(&mut t, &mut g, "Piet", 60.0, 680.0);
        assert_eq!(build(&g, &t).text, "Van: Jan\nAan: Piet");
    }

    #[test]
    fn overprinted_text_is_a_duplicate() {
        let (mut t, mut g) = (String::new(), Vec::new());
        run(&mut t, &mut g, "Jan", 0.0, 700.0);
        run(&mut t, &mut g, "Jan", 0.5, 700.0);
        let page = build(&g, &t);
        assert_eq!(page.text, "Jan");
        assert_eq!(page.duplicate_of[3..], [0, 1, 2]);
    }

    #[test]
    fn ligature_characters_become_letters_of_one_glyph() {
        let (mut t, mut g) = (String::new(), Vec::new());
        run(&mut t, &mut g, "\u{FB01}n", 0.0, 700.0);
        let page = build(&g, &t);
        assert_eq!(page.text, "fin");
        assert_eq!(page.byte_glyph, vec![0, 0, 1]);
    }

    #[test]
    fn multi_byte_text_maps_every_byte() {
        let (mut t, mut g) = (String::new(), Vec::new());
        run(&mut t, &mut g, "é", 0.0, 700.0);
        let page = build(&g, &t);
        assert_eq!(page.byte_glyph, vec![0, 0]);
    }
}
