//! The recognised text of image-only pages as an invisible text layer (render mode 3), when
//! asked for: each kept word in Helvetica, scaled to its box, so that the page can be
//! searched and selected. Removed words are not written; OCR errors are, so it is off by
//! default. Characters outside WinAnsi become `?`.

use std::fmt::Write as _;

use super::geom::Rect;
use super::tables;

/// Content that shows `words` (text and page box) invisibly in the font named `font`
/// (Helvetica, WinAnsi).
pub(crate) fn layer(words: &[(&str, Rect)], font: &[u8]) -> Vec<u8> {
    let helvetica = tables::helvetica();
    let mut out = String::from("BT 3 Tr\n");
    for (text, rect) in words {
        let bytes: Vec<u8> = text.chars().map(win_ansi).collect();
        let em: f64 = bytes
            .iter()
            .map(|&b| {
                let name = tables::encodings::WIN_ANSI[usize::from(b)];
                f64::from(helvetica.width(name).unwrap_or(556)) / 1000.0
            })
            .sum();
        let size = rect.height();
        if em <= 0.0 || size <= 0.0 || !size.is_finite() {
            continue;
        }
        let scale = 100.0 * rect.width() / (em * size);
        let _ = write!(
            out,
            "/{} {:.2} Tf {:.2} Tz 1 0 0 1 {:.2} {:.2} Tm <",
            String::from_utf8_lossy(font),
            size,
            scale,
            rect.x0,
            rect.y0 + 0.2 * size
        );
        for b in bytes {
            let _ = write!(out, "{b:02X}");
        }
        out.push_str("> Tj\n");
    }
    out.push_str("ET\n");
    out.into_bytes()
}

/// The WinAnsi code of a character, `?` when it has none.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        _ => b'?',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_invisible_and_scaled_to_their_boxes() {
        let r = Rect {
            x0: 10.0,
            y0: 20.0,
            x1: 60.0,
            y1: 32.0,
        };
        let s = String::from_utf8(layer(&[("Café", r)], b"F9")).unwrap();
        assert!(s.starts_with("BT 3 Tr\n/F9 12.00 Tf "), "{s}");
        assert!(s.contains("<436166E9> Tj"), "{s}");
        assert_eq!(win_ansi('ŉ'), b'?');
    }
}
