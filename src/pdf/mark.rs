//! Marks: a filled black box over each removed run, with the Woo ground code (`5.1.2e`) on it
//! in white Helvetica, written so that it reads upright on the displayed (rotated) page. Boxes
//! are in the page's default user space, the same space as the glyph boxes, so the media box
//! origin needs no correction.

use std::fmt::Write as _;

use lopdf::{Dictionary, dictionary};

use super::geom::Rect;
use super::tables;

/// Boxes grow by this much on every side, so no antialiased edge of a glyph shows.
const PAD: f64 = 0.5;
/// Label font sizes outside this range are not written (box only) or capped.
const MIN_LABEL: f64 = 2.5;
const MAX_LABEL: f64 = 10.0;

/// One box to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub rect: Rect,
    /// The ground code written on it.
    pub label: String,
    /// It removes a person's name (a signature beside it goes too).
    pub name: bool,
}

/// The font dictionary of the labels.
pub(crate) fn label_font() -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    }
}

/// A number for a content stream: at most three decimals, no exponent, within ±10⁶ (far
/// outside any page; a box out there covers nothing visible anyway).
fn n(v: f64) -> String {
    let v = if v.is_finite() {
        v.clamp(-1e6, 1e6)
    } else {
        0.0
    };
    let r = (v * 1000.0).round() / 1000.0;
    let s = format!("{r:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Content that draws the marks; `font` is the label font's resource name and `rotate` the
/// page's `/Rotate`.
pub(crate) fn overlay(marks: &[Mark], rotate: i32, font: &[u8]) -> Vec<u8> {
    let mut out = String::from("q 0 g\n");
    for m in marks {
        let r = &m.rect;
        let _ = writeln!(
            out,
            "{} {} {} {} re f",
            n(r.x0 - PAD),
            n(r.y0 - PAD),
            n(r.width() + 2.0 * PAD),
            n(r.height() + 2.0 * PAD)
        );
    }
    out.push_str("Q\n");
    let helvetica = tables::helvetica();
    let (sin, cos) = (f64::from(rotate)).to_radians().sin_cos();
    let (sin, cos) = (sin.round(), cos.round());
    let mut labels = String::new();
    for m in marks {
        let label: String = m.label.chars().filter(|c| c.is_ascii_graphic()).collect();
        let em: f64 = label
            .chars()
            .map(|c| f64::from(helvetica.width(glyph_name(c)).unwrap_or(556)) / 1000.0)
            .sum();
        if em <= 0.0 {
            continue;
        }
        // Along the reading direction of the displayed page, and across it.
        let (along, across) = if rotate % 180 == 0 {
            (m.rect.width(), m.rect.height())
        } else {
            (m.rect.height(), m.rect.width())
        };
        let size = (0.7 * across).min(0.9 * along / em).min(MAX_LABEL);
        if size < MIN_LABEL {
            continue;
        }
        let c = m.rect.center();
        let half = em * size / 2.0;
        // Cap height of Helvetica is about 0.72 em: centre the digits vertically.
        let rise = 0.36 * size;
        let x = c.x - cos * half + sin * rise;
        let y = c.y - sin * half - cos * rise;
        let _ = writeln!(
            labels,
            "BT /{} {} Tf {} {} {} {} {} {} Tm ({}) Tj ET",
            String::from_utf8_lossy(font),
            n(size),
            n(cos),
            n(sin),
            n(-sin),
            n(cos),
            n(x),
            n(y),
            label
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)")
        );
    }
    if !labels.is_empty() {
        out.push_str("q 1 g\n");
        out.push_str(&labels);
        out.push_str("Q\n");
    }
    out.into_bytes()
}

/// The WinAnsi glyph name of the characters a ground code uses.
fn glyph_name(c: char) -> &'static str {
    match c {
        '0' => "zero",
        '1' => "one",
        '2' => "two",
        '3' => "three",
        '4' => "four",
        '5' => "five",
        '6' => "six",
        '7' => "seven",
        '8' => "eight",
        '9' => "nine",
        '.' => "period",
        '[' => "bracketleft",
        ']' => "bracketright",
        ' ' => "space",
        c if c.is_ascii_alphabetic() => tables::encodings::WIN_ANSI[c as usize],
        _ => "",
    }
}

/// A resource name not yet used in a font dictionary.
pub(crate) fn free_name(fonts: Option<&Dictionary>) -> Vec<u8> {
    (0..)
        .map(|i| format!("WooRedact{i}").into_bytes())
        .find(|name| !fonts.is_some_and(|f| f.has(name)))
        .expect("an unused name exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(x0: f64, y0: f64, x1: f64, y1: f64) -> Mark {
        Mark {
            rect: Rect { x0, y0, x1, y1 },
            label: "5.1.2e".into(),
            name: true,
        }
    }

    #[test]
    fn boxes_and_upright_labels() {
        let s = String::from_utf8(overlay(&[mark(100.0, 500.0, 200.0, 512.0)], 0, b"F9")).unwrap();
        assert!(s.contains("99.5 499.5 101 13 re f"), "{s}");
        assert!(s.contains("/F9 8.4 Tf 1 0 0 1 "), "{s}");
        assert!(s.contains("(5.1.2e) Tj"));
        // On a page displayed a quarter turn clockwise the label runs up the page.
        let s = String::from_utf8(overlay(&[mark(100.0, 500.0, 112.0, 600.0)], 90, b"F9")).unwrap();
        assert!(s.contains(" 0 1 -1 0 "), "{s}");
    }

    #[test]
    fn tiny_boxes_get_no_label() {
        let s = String::from_utf8(overlay(&[mark(0.0, 0.0, 3.0, 2.0)], 0, b"F")).unwrap();
        assert!(!s.contains("Tj"));
        assert!(s.contains("re f"));
    }

    #[test]
    fn numbers_have_no_exponent_or_trailing_zeros() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(-0.0001), "0");
        assert_eq!(n(12.3456), "12.346");
        assert_eq!(n(1e-9), "0");
        assert_eq!(n(1e300), "1000000");
        assert_eq!(n(f64::NAN), "0");
    }

    #[test]
    fn free_names_avoid_collisions() {
        let fonts = dictionary! { "WooRedact0" => 1 };
        assert_eq!(free_name(Some(&fonts)), b"WooRedact1");
        assert_eq!(free_name(None), b"WooRedact0");
    }
}
