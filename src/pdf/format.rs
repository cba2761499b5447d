//! The PDF back end as a format of the document pipeline ([`crate::document`]): the text
//! model is the pages' and annotations' text with each byte's glyph; the writer cuts the
//! removed glyphs, blanks image pixels, draws the marks, sanitises and saves; verification
//! reads the written file back.

use super::*;
use crate::document::Format;
use crate::error::DocumentError;
use crate::redactor::Scan;

/// A PDF read into its text model, and after writing, what was written.
pub(crate) struct PdfFormat<'a> {
    input: &'a [u8],
    options: &'a PdfOptions,
    doc: Document,
    pages: Vec<Page>,
    analysis: Analysis,
    written: Option<Written>,
}

/// What writing decided: the plan, the image pixels blanked, what sanitising removed.
struct Written {
    plan: Plan,
    pixels: Vec<blanking::PagePixels>,
    sanitized: Vec<String>,
}

impl<'a> PdfFormat<'a> {
    /// load: parse (and decrypt) the file, read every page's glyphs and images.
    pub(crate) fn read(input: &'a [u8], options: &'a PdfOptions) -> Result<Self, PdfError> {
        let doc = load::open(input, options.password.as_deref())?;
        let pages = load::pages(&doc)?;
        let analysis = Analysis::run(&doc, &pages, &options.ocr)?;
        Ok(PdfFormat {
            input,
            options,
            doc,
            pages,
            analysis,
            written: None,
        })
    }

    fn written(&self) -> Result<&Written, DocumentError> {
        self.written
            .as_ref()
            .ok_or_else(|| DocumentError::Verification("nothing was written".into()))
    }
}

impl Format for PdfFormat<'_> {
    fn text(&self) -> &str {
        &self.analysis.text
    }

    fn write(&mut self, redactor: &Redactor, scan: &Scan) -> Result<Vec<u8>, DocumentError> {
        let analysis = &mut self.analysis;
        analysis.removals = scan.removals.clone();
        analysis.protected = scan.protected.clone();
        let mut plan = analysis.plan(redactor);
        analysis.recognise_layers(&self.doc, &self.pages, &plan, &self.options.ocr);
        let pixels = analysis.pixels(&mut plan);
        if self.options.ocr_text {
            for ((edits, kept), ins) in plan
                .pages
                .iter_mut()
                .zip(&plan.kept_words)
                .zip(&analysis.inspected)
            {
                edits.ocr_words = kept
                    .iter()
                    .map(|&k| (ins.words[k].text.clone(), ins.words[k].rect))
                    .collect();
            }
        }
        let analysis = &self.analysis;
        let contexts: Vec<&[Context]> = analysis.pages.iter().map(|p| &p.contexts[..]).collect();
        blanking::apply(
            &mut self.doc,
            &self.pages,
            &contexts,
            &analysis.inspected,
            &pixels,
            &mut plan.pages,
        )?;
        apply(&mut self.doc, &self.pages, analysis, &plan)?;
        let sanitized = sanitize::sanitize(
            &mut self.doc,
            &self.pages,
            &analysis.annotations,
            &plan.keep_annotations,
            &|t| analysis.scrub(redactor, &plan.needles, t),
        );
        let out = save(&mut self.doc, self.input)?;
        self.written = Some(Written {
            plan,
            pixels,
            sanitized,
        });
        Ok(out)
    }

    fn verify(&self, _: &Redactor, written: &[u8], _: &Scan) -> Result<(), DocumentError> {
        let w = self.written()?;
        verify::verify(
            written,
            self.pages.len(),
            &w.plan.needles,
            &document_text,
            &form_texts,
        )?;
        if w.pixels.iter().any(|p| !p.rects.is_empty()) {
            let back = load::open(written, None)
                .map_err(|_| PdfError::Verification("the output does not read back".into()))?;
            let back_pages = load::pages(&back).map_err(|_| {
                PdfError::Verification("the output's page tree does not read back".into())
            })?;
            blanking::verify(&back, &back_pages, &w.pixels)?;
        }
        Ok(())
    }

    fn records(
        &mut self,
        name: &str,
        _: &[Removal],
        key: &DigestKey,
    ) -> (Vec<AuditRecord>, Option<PdfReport>) {
        let Some(w) = &self.written else {
            return (Vec::new(), None);
        };
        let (records, mut report) = self.analysis.records(name, key, &w.plan, &w.pixels);
        report.sanitized = w.sanitized.clone();
        (records, Some(report))
    }
}
