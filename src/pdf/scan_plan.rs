//! The images' part of a PDF's analysis: recognised words as glyph records of the page's
//! text model, recognising scans under text layers where removal boxes lie over them, and
//! planning pixel redaction.

use super::*;

impl Analysis {
    /// Recognises the scans under text layers where removal boxes lie over them.
    pub(super) fn recognise_layers(
        &mut self,
        doc: &Document,
        pages: &[Page],
        plan: &Plan,
        options: &scanned::OcrOptions,
    ) {
        let mut cache = OcrCache::default();
        for (((ins, data), edits), page) in self
            .inspected
            .iter_mut()
            .zip(&self.pages)
            .zip(&plan.pages)
            .zip(pages)
        {
            let boxes: Vec<Rect> = edits.marks.iter().map(|m| m.rect).collect();
            scanned::recognise_layers(doc, page, &data.contexts, ins, &boxes, options, &mut cache);
        }
    }

    /// Plans pixel redaction on every page: widens the marks over images, adds the marks of
    /// signatures beside removed names, and lists the image regions to blank.
    pub(super) fn pixels(&self, plan: &mut Plan) -> Vec<blanking::PagePixels> {
        self.inspected
            .iter()
            .zip(&mut plan.pages)
            .zip(&self.pages)
            .map(|((ins, edits), data)| blanking::plan(ins, &mut edits.marks, data.area))
            .collect()
    }
}

/// Appends recognised words to a page's text (after a blank line, one line of text per
/// recognised line) and returns their glyph records; `first` is the index of the first.
pub(super) fn add_words(
    page: &mut text::PageText,
    words: &[scanned::PageWord],
    first: usize,
) -> Vec<GlyphRecord> {
    if words.is_empty() {
        return Vec::new();
    }
    let push = |page: &mut text::PageText, s: &str, glyph: u32| {
        page.text.push_str(s);
        page.byte_glyph.extend(std::iter::repeat_n(glyph, s.len()));
    };
    if !page.text.is_empty() {
        push(page, "\n", NO_GLYPH);
    }
    let mut line = None;
    for (i, w) in words.iter().enumerate() {
        match line {
            Some(l) if l == w.line => push(page, " ", NO_GLYPH),
            Some(_) => push(page, "\n", NO_GLYPH),
            None => {}
        }
        line = Some(w.line);
        push(page, &w.text, (first + i) as u32);
    }
    push(page, "\n", NO_GLYPH);
    words
        .iter()
        .map(|w| GlyphRecord {
            loc: GlyphLoc {
                ctx: OCR_CTX,
                op: 0,
                elem: 0,
                start: 0,
                len: 0,
            },
            bbox: [w.rect.x0, w.rect.y0, w.rect.x1, w.rect.y1].map(|v| v as f32),
            adjust: f32::NAN,
            line: OCR_LINE.saturating_add(w.line),
            duplicate_of: NO_GLYPH,
        })
        .collect()
}
