//! PDF back end: true glyph-level redaction on lopdf, with the same detectors, resolution and
//! audit log as text.
//!
//! The pipeline, one module per step:
//!
//! 1. `load`: parse and decrypt the file, list the pages with inherited attributes;
//! 2. `interpret` (with `stream`, `font`, `encoding`, `cmap`): run each page's
//!    content and forms, yielding glyphs with Unicode text, boxes and content locations;
//! 3. `text` (with `gaps`, `layout`): page text in reading order, every byte mapped back to
//!    its glyph; the pages' texts and the annotations' texts form one document text, scanned
//!    once by the [`Redactor`] so that people found on one page are removed on every page;
//! 4. `remove` (with `inline`) and `mark`: cut the selected glyphs out of the content
//!    streams (keeping every other glyph in place), copy shared forms, draw a box with the
//!    ground code;
//! 5. `sanitize` (with `annots`): drop metadata, annotations, actions, attachments;
//!    redact alternate texts; prune; write a full new file;
//! 6. `verify`: read the output back and search it for every removed string; any hit
//!    fails the document and nothing is written.
//!
//! Images (`scanned`, `image`, `pixels`, `blanking`): every drawn image is read through the
//! text over it or with Tesseract; recognised words join the document text as a text model
//! (words with boxes); the pixels under every removal box over an image are blanked (and a
//! signature beside a removed name goes whole); the written images are decoded again and
//! checked.
//!
//! Limits, by design: Type 3 fonts, vertical writing, CMaps other than Identity-H or
//! embedded ones, text that does not decode to Unicode, and images that must be read but
//! cannot be decoded stop the document for manual review; the output is not encrypted, and
//! carries no XMP (so no PDF/A claim); boxes are axis-aligned in user space, so they cover
//! rotated text generously.

mod annots;
mod blanking;
mod cmap;
mod colour;
mod encoding;
mod error;
mod font;
mod format;
mod gaps;
mod geom;
mod image;
mod inline;
mod interpret;
mod layout;
mod load;
mod mark;
mod ocr_text;
mod pixels;
mod records;
mod remove;
mod sanitize;
mod scan_plan;
mod scanned;
mod stream;
mod tables;
mod text;
mod verify;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use lopdf::{Document, Object, SaveOptions, StringFormat};
use serde::{Deserialize, Serialize};

pub use error::{FontName, FontProblem, PdfError};
pub(crate) use format::PdfFormat;
pub use scanned::{ImageNote, OcrOptions, PageImages};

use crate::audit::{AuditRecord, DigestKey, Location};
use crate::detect::is_whole_token;
use crate::redactor::Redactor;
use crate::resolve::Removal;
use annots::Annotation;
use geom::Rect;
use interpret::{Balance, Context, FontCache, GlyphLoc, Marked};
use load::Page;
use mark::Mark;
use remove::{MarkedEdit, PageEdits};
use scanned::{Inspected, OcrCache};
use text::NO_GLYPH;

/// Options for PDF documents.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// User password for encrypted PDFs (the empty password is always tried).
    pub password: Option<String>,
    /// How images are read (default: no OCR, so a page that is only an image fails).
    pub ocr: OcrOptions,
    /// Write the recognised text of images (less the removed words) as an invisible text
    /// layer; off by default, since it carries OCR errors.
    pub ocr_text: bool,
}

/// What the summary reports about a PDF.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PdfReport {
    /// Number of pages.
    pub pages: u32,
    /// Removed items per page (1-based page number); an item spanning pages counts on its
    /// first page, like its audit record.
    pub removals_per_page: BTreeMap<u32, usize>,
    /// Pages with an image that was not inspected (no OCR).
    pub images_not_inspected: Vec<u32>,
    /// Pages with an image that shows no text (photo, logo, signature) left as it was.
    #[serde(default)]
    pub images_without_text: Vec<u32>,
    /// Per page with images: OCR, pixels blanked, images left as they were and why.
    #[serde(default)]
    pub image_pages: Vec<PageImages>,
    /// What sanitising removed besides page text (metadata, annotations, actions, …).
    pub sanitized: Vec<String>,
}

/// A redacted PDF.
#[derive(Debug)]
pub struct PdfRedaction {
    /// The redacted, sanitised and verified file.
    pub bytes: Vec<u8>,
    /// One audit record per removed item.
    pub records: Vec<AuditRecord>,
    /// Facts for the summary.
    pub report: PdfReport,
}

/// Redacts a PDF. `document` is the name used in the audit records.
///
/// Audit records: one per removed item, numbered in document order (pages first, then
/// annotation texts). A PDF item's `page` is the first page it is on and its `bbox` the union
/// of its glyph boxes on that page; an item found in an annotation has the annotation's page
/// and `/Rect`.
pub fn redact(
    redactor: &Redactor,
    bytes: &[u8],
    document: &str,
    key: &DigestKey,
    options: &PdfOptions,
) -> Result<PdfRedaction, PdfError> {
    let mut format = PdfFormat::read(bytes, options)?;
    match crate::document::run(&mut format, redactor, document, key, None) {
        Ok(out) => Ok(PdfRedaction {
            bytes: out.bytes,
            records: out.records,
            report: out.pdf.unwrap_or_default(),
        }),
        Err(crate::error::DocumentError::Pdf(e)) => match e.downcast::<PdfError>() {
            Ok(e) => Err(*e),
            Err(e) => Err(PdfError::Verification(e.to_string())),
        },
        Err(e) => Err(PdfError::Verification(e.to_string())),
    }
}

/// Applies the plan to the pages: rewritten content, copied forms, marks; then drops the
/// forms that copies replaced everywhere and writes damaged streams again.
fn apply(
    doc: &mut Document,
    pages: &[Page],
    analysis: &Analysis,
    plan: &Plan,
) -> Result<(), PdfError> {
    let label_font = remove::add(doc, mark::label_font())?;
    let mut replaced = BTreeSet::new();
    for ((page, edits), data) in pages.iter().zip(&plan.pages).zip(&analysis.pages) {
        crate::deadline::check();
        if !edits.is_empty() {
            remove::apply_page(
                doc,
                page,
                &data.contexts,
                data.balance,
                edits,
                label_font,
                &mut replaced,
            )?;
        }
    }
    // A form copied everywhere it is drawn goes, with every reference to it (from resource
    // dictionaries shared with pages that list it without drawing it).
    for (data, edits) in analysis.pages.iter().zip(&plan.pages) {
        for original in still_drawn(&data.contexts, edits) {
            replaced.remove(&original);
        }
    }
    sanitize::delete_objects(doc, &replaced);
    let damaged: BTreeSet<_> = analysis
        .pages
        .iter()
        .flat_map(|p| p.damaged.iter().copied())
        .collect();
    remove::repair(doc, &damaged);
    Ok(())
}

/// Writes the document as a full rewrite with object streams, with an `/ID` derived from
/// the input so that the same input gives the same output.
fn save(doc: &mut Document, input: &[u8]) -> Result<Vec<u8>, PdfError> {
    let id = Object::String(
        blake3::hash(input).as_bytes()[..16].to_vec(),
        StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut out = Vec::new();
    doc.save_with_options(
        &mut out,
        SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(6)
            .build(),
    )
    .map_err(|_| PdfError::Write("lopdf could not serialise the document"))?;
    Ok(out)
}

/// Scans a PDF without changing it: the audit records it would produce.
pub fn scan(
    redactor: &Redactor,
    bytes: &[u8],
    document: &str,
    key: &DigestKey,
    options: &PdfOptions,
) -> Result<(Vec<AuditRecord>, PdfReport), PdfError> {
    scan_with(redactor, bytes, document, key, options).map(|s| (s.records, s.report))
}

/// What a scan of a PDF found: the document text (pages, then annotation texts), the
/// removals in it, and their audit records.
pub(crate) struct PdfScan {
    pub(crate) text: String,
    pub(crate) removals: Vec<Removal>,
    pub(crate) records: Vec<AuditRecord>,
    pub(crate) report: PdfReport,
}

pub(crate) fn scan_with(
    redactor: &Redactor,
    bytes: &[u8],
    document: &str,
    key: &DigestKey,
    options: &PdfOptions,
) -> Result<PdfScan, PdfError> {
    let doc = load::open(bytes, options.password.as_deref())?;
    let pages = load::pages(&doc)?;
    let mut analysis = Analysis::run(&doc, &pages, &options.ocr)?;
    let scan = redactor.scan(&analysis.text);
    analysis.removals = scan.removals;
    analysis.protected = scan.protected;
    let mut plan = analysis.plan(redactor);
    let pixels = analysis.pixels(&mut plan);
    let (records, report) = analysis.records(document, key, &plan, &pixels);
    Ok(PdfScan {
        text: std::mem::take(&mut analysis.text),
        removals: std::mem::take(&mut analysis.removals),
        records,
        report,
    })
}

/// The text of a PDF's pages, joined by blank lines, as the detectors read it (used to
/// identify the people named in a batch before redacting it).
pub fn text(bytes: &[u8], options: &PdfOptions) -> Result<String, PdfError> {
    let doc = load::open(bytes, options.password.as_deref())?;
    document_text(&doc)
}

/// The text of every page, joined by blank lines: what verification searches.
fn document_text(doc: &Document) -> Result<String, PdfError> {
    let pages = load::pages(doc)?;
    let mut fonts = FontCache::default();
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            out.push_str(PAGE_BREAK);
        }
        let content = interpret::interpret(doc, page, &mut fonts)?;
        out.push_str(&text::build(&content.glyphs, &content.text).text);
    }
    Ok(out)
}

/// The text of every Form XObject and tiling pattern read on its own, whether a page draws it
/// or not: what verification searches besides the pages. Streams that cannot be read are left
/// to the raw search.
fn form_texts(doc: &Document) -> String {
    let mut fonts = FontCache::default();
    let mut out = String::new();
    for (id, object) in &doc.objects {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let form = stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
            || stream
                .dict
                .get(b"PatternType")
                .and_then(Object::as_i64)
                .ok()
                == Some(1);
        if let Some(content) = form
            .then(|| interpret::interpret_form(doc, *id, &mut fonts).ok())
            .flatten()
        {
            out.push_str(PAGE_BREAK);
            out.push_str(&text::build(&content.glyphs, &content.text).text);
        }
    }
    out
}

/// The forms a page still draws as they are: those of contexts that neither have edits nor
/// contain a context with edits.
fn still_drawn(contexts: &[Context], edits: &PageEdits) -> Vec<lopdf::ObjectId> {
    let mut copied = vec![false; contexts.len()];
    for &ctx in edits.contexts.keys() {
        let mut at = Some(ctx);
        while let Some(c) = at.filter(|c| *c < contexts.len() && !copied[*c]) {
            copied[c] = true;
            at = contexts[c].parent.as_ref().map(|(p, _)| *p);
        }
    }
    contexts
        .iter()
        .zip(&copied)
        .filter(|(_, copied)| !**copied)
        .filter_map(|(c, _)| c.form)
        .collect()
}

/// Most glyphs read in one document (some 10,000 pages of text): each takes about a hundred
/// bytes while the document is processed, and pages that share one huge content stream
/// could otherwise take any amount of memory.
const MAX_GLYPHS: usize = 16_000_000;

/// Between pages, and before each annotation text, in the document text.
const PAGE_BREAK: &str = "\n\n";

/// What redaction keeps of a glyph after reading the page (compact: a document may have
/// millions).
#[derive(Debug, Clone)]
struct GlyphRecord {
    loc: GlyphLoc,
    /// The glyph box, `[x0, y0, x1, y1]`.
    bbox: [f32; 4],
    adjust: f32,
    line: u32,
    duplicate_of: u32,
}

impl GlyphRecord {
    fn rect(&self) -> Rect {
        let [x0, y0, x1, y1] = self.bbox.map(f64::from);
        Rect { x0, y0, x1, y1 }
    }
}

/// What redaction keeps of a page after reading it.
#[derive(Debug)]
struct PageData {
    contexts: Vec<Context>,
    glyphs: Vec<GlyphRecord>,
    marked: Vec<Marked>,
    /// How the page content leaves the state stack.
    balance: Balance,
    /// Area of the media box.
    area: f64,
    /// Content streams and forms with damaged Flate data.
    damaged: Vec<lopdf::ObjectId>,
    /// Global index of the first glyph.
    first_glyph: usize,
}

/// The document read and scanned.
struct Analysis {
    /// Page texts, then annotation texts, separated by [`PAGE_BREAK`].
    text: String,
    /// For each byte of `text`, the global index of its glyph, or [`NO_GLYPH`].
    byte_glyph: Vec<u32>,
    pages: Vec<PageData>,
    /// End of the page texts in `text`.
    page_text_end: usize,
    annotations: Vec<Annotation>,
    /// Each annotation text's span in `text`, with the annotation's index.
    annotation_spans: Vec<(usize, Range<usize>)>,
    removals: Vec<Removal>,
    protected: Vec<Range<usize>>,
    /// Per page: its images, inspected.
    inspected: Vec<Inspected>,
}

/// Marks the records of words recognised in images: they have no place in the content.
const OCR_CTX: u32 = u32::MAX;
/// Line numbers of recognised words start here, apart from the text lines.
const OCR_LINE: u32 = 1 << 31;

/// What redaction will do.
struct Plan {
    /// Per page (in page order).
    pages: Vec<PageEdits>,
    /// Per annotation: whether it stays.
    keep_annotations: Vec<bool>,
    /// The removed strings, for verification and for scrubbing other texts.
    needles: Vec<verify::Needle>,
    /// Per removal: the page and box of its audit record.
    locations: Vec<Option<(u32, Rect)>>,
    /// Per page, per mark: the removal it draws.
    mark_removals: Vec<Vec<usize>>,
    /// Per page: the recognised words kept (indices in its inspected words).
    kept_words: Vec<Vec<usize>>,
}

impl Analysis {
    /// Reads the text model: the document text and each byte's glyph.
    fn run(
        doc: &Document,
        pages: &[Page],
        ocr: &scanned::OcrOptions,
    ) -> Result<Analysis, PdfError> {
        let mut fonts = FontCache::default();
        let mut ocr_cache = OcrCache::default();
        let mut inspected = Vec::with_capacity(pages.len());
        let mut text = String::new();
        let mut byte_glyph = Vec::new();
        let mut data = Vec::with_capacity(pages.len());
        let mut glyph_count = 0usize;
        for (i, page) in pages.iter().enumerate() {
            crate::deadline::check();
            if i > 0 {
                text.push_str(PAGE_BREAK);
                byte_glyph.extend(std::iter::repeat_n(NO_GLYPH, PAGE_BREAK.len()));
            }
            let content = interpret::interpret(doc, page, &mut fonts)?;
            let images = scanned::inspect(doc, page, &content, ocr, &mut ocr_cache)?;
            let mut page_text = text::build(&content.glyphs, &content.text);
            let words = scan_plan::add_words(&mut page_text, &images.words, content.glyphs.len());
            if !images.images.is_empty() {
                scanned::close_address_gaps(&mut page_text);
            }
            text.push_str(&page_text.text);
            let base = u32::try_from(glyph_count)
                .ok()
                .filter(|b| {
                    b.checked_add((content.glyphs.len() + words.len()) as u32)
                        .is_some_and(|e| e < NO_GLYPH && e as usize <= MAX_GLYPHS)
                })
                .ok_or_else(|| PdfError::Structure("the document has too many glyphs".into()))?;
            byte_glyph.extend(
                page_text
                    .byte_glyph
                    .iter()
                    .map(|&g| if g == NO_GLYPH { g } else { base + g }),
            );
            let glyphs = content
                .glyphs
                .iter()
                .enumerate()
                .map(|(k, g)| GlyphRecord {
                    loc: g.loc,
                    bbox: [g.bbox.x0, g.bbox.y0, g.bbox.x1, g.bbox.y1].map(|v| v as f32),
                    adjust: g.adjust,
                    line: page_text.line[k],
                    duplicate_of: page_text.duplicate_of[k],
                })
                .chain(words)
                .collect::<Vec<_>>();
            inspected.push(images);
            data.push(PageData {
                contexts: content.contexts,
                first_glyph: glyph_count,
                balance: content.balance,
                area: scanned::page_area(doc, page),
                damaged: content.damaged,
                marked: content.marked,
                glyphs,
            });
            glyph_count += data.last().map_or(0, |d| d.glyphs.len());
        }
        let page_text_end = text.len();
        let annotations = annots::collect(doc, pages);
        let mut annotation_spans = Vec::new();
        for (i, a) in annotations.iter().enumerate() {
            for t in &a.texts {
                text.push_str(PAGE_BREAK);
                let start = text.len();
                text.push_str(t);
                annotation_spans.push((i, start..text.len()));
            }
        }
        byte_glyph.resize(text.len(), NO_GLYPH);
        Ok(Analysis {
            text,
            byte_glyph,
            pages: data,
            page_text_end,
            annotations,
            annotation_spans,
            removals: Vec::new(),
            protected: Vec::new(),
            inspected,
        })
    }

    /// The page index and local glyph index of a global glyph index.
    fn glyph(&self, global: u32) -> (usize, usize) {
        let global = global as usize;
        let page = self.pages.partition_point(|p| p.first_glyph <= global) - 1;
        (page, global - self.pages[page].first_glyph)
    }

    fn plan(&self, redactor: &Redactor) -> Plan {
        let mut removed: Vec<Vec<bool>> = self
            .pages
            .iter()
            .map(|p| vec![false; p.glyphs.len()])
            .collect();
        let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); self.pages.len()];
        let mut mark_removals: Vec<Vec<usize>> = vec![Vec::new(); self.pages.len()];
        let mut locations = Vec::with_capacity(self.removals.len());
        for (ri, r) in self.removals.iter().enumerate() {
            // Boxes per (page, line), in the order the glyphs come.
            let mut boxes: Vec<((usize, u32), Rect)> = Vec::new();
            let mut last = NO_GLYPH;
            for &g in &self.byte_glyph[r.start..r.end] {
                if g == NO_GLYPH || g == last {
                    continue;
                }
                last = g;
                let (page, local) = self.glyph(g);
                removed[page][local] = true;
                let glyph = &self.pages[page].glyphs[local];
                let key = (page, glyph.line);
                let bbox = glyph.rect();
                match boxes.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, b)) => *b = b.union(&bbox),
                    None => boxes.push((key, bbox)),
                }
            }
            let location = if let Some(&((first_page, _), _)) = boxes.first() {
                let bbox = boxes
                    .iter()
                    .filter(|((p, _), _)| *p == first_page)
                    .map(|(_, b)| *b)
                    .reduce(|a, b| a.union(&b))
                    .unwrap_or(boxes[0].1);
                Some((first_page as u32 + 1, bbox))
            } else {
                self.annotation_of(r.start).map(|a| {
                    let a = &self.annotations[a];
                    let rect = a.rect.unwrap_or(Rect {
                        x0: 0.0,
                        y0: 0.0,
                        x1: 0.0,
                        y1: 0.0,
                    });
                    (a.page as u32 + 1, rect)
                })
            };
            locations.push(location);
            for ((page, _), rect) in boxes {
                marks[page].push(Mark {
                    rect,
                    label: r.ground.code().to_string(),
                    name: r.category == crate::policy::Category::Name,
                });
                mark_removals[page].push(ri);
            }
        }

        let needles = self.needles();
        let mut kept_words = Vec::with_capacity(self.pages.len());
        let mut pages = Vec::with_capacity(self.pages.len());
        for (p, data) in self.pages.iter().enumerate() {
            let removed = &mut removed[p];
            // Copies drawn over a removed glyph, and any glyph under a box, go too: no text
            // may stay readable under a mark.
            for (i, g) in data.glyphs.iter().enumerate() {
                if g.duplicate_of != NO_GLYPH && removed[g.duplicate_of as usize] {
                    removed[i] = true;
                }
            }
            for (i, g) in data.glyphs.iter().enumerate() {
                if !removed[i] && marks[p].iter().any(|m| m.rect.contains(g.rect().center())) {
                    removed[i] = true;
                }
            }
            let words = self.inspected[p].words.len();
            let first = data.glyphs.len() - words;
            kept_words.push((0..words).filter(|k| !removed[first + k]).collect());
            let mut edits = PageEdits {
                marks: std::mem::take(&mut marks[p]),
                ..PageEdits::default()
            };
            for (g, _) in data.glyphs.iter().zip(removed.iter()).filter(|(_, r)| **r) {
                if g.loc.ctx != OCR_CTX {
                    edits.context(g.loc.ctx).remove(g.loc, g.adjust);
                }
            }
            for m in &data.marked {
                let touched = removed[m.glyphs.clone()].iter().any(|r| *r);
                let edit = if touched {
                    Some(MarkedEdit::Drop)
                } else {
                    let replaced: Vec<(Vec<u8>, String)> = m
                        .texts
                        .iter()
                        .filter_map(|(k, t)| Some((k.clone(), self.scrub(redactor, &needles, t)?)))
                        .collect();
                    (!replaced.is_empty()).then_some(MarkedEdit::Replace(replaced))
                };
                if let Some(edit) = edit {
                    edits.context(m.ctx).edit_marked(m.op, edit);
                }
            }
            pages.push(edits);
        }

        let keep_annotations = self
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.plain_link
                    && !self.annotation_spans.iter().any(|(owner, span)| {
                        *owner == i
                            && self
                                .removals
                                .iter()
                                .any(|r| r.start < span.end && span.start < r.end)
                    })
                    && !a
                        .texts
                        .iter()
                        .any(|t| needles.iter().any(|n| t.contains(&n.text)))
            })
            .collect();
        Plan {
            pages,
            keep_annotations,
            needles,
            locations,
            mark_removals,
            kept_words,
        }
    }

    /// The annotation whose text holds byte `at` of the document text.
    fn annotation_of(&self, at: usize) -> Option<usize> {
        self.annotation_spans
            .iter()
            .find(|(_, span)| span.start <= at && at < span.end)
            .map(|(a, _)| *a)
    }

    /// The removed strings with the audit item and category of their first removal.
    fn needles(&self) -> Vec<verify::Needle> {
        let removed: Vec<(Range<usize>, usize, String)> = self
            .removals
            .iter()
            .enumerate()
            .map(|(i, r)| (r.start..r.end, i + 1, r.category.to_string()))
            .collect();
        verify::needles(&self.text, &removed, 0..self.page_text_end, &self.protected)
    }

    /// The redacted form of a text outside the page content (alternate texts, metadata), if
    /// it holds personal data found by the detectors or a string removed elsewhere in the
    /// document: the shared resolve (merge) and apply on that text.
    fn scrub(&self, redactor: &Redactor, needles: &[verify::Needle], text: &str) -> Option<String> {
        let mut removals = redactor.scan(text).removals;
        for n in needles {
            let source = &self.removals[n.item - 1];
            for (start, _) in text.match_indices(n.text.as_str()) {
                let end = start + n.text.len();
                if is_whole_token(text, start, end) {
                    removals.push(Removal {
                        start,
                        end,
                        ..source.clone()
                    });
                }
            }
        }
        if removals.is_empty() {
            return None;
        }
        let removals = crate::resolve::merge_removals(removals, redactor.policy());
        Some(crate::apply::apply(text, &removals, redactor.policy()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use remove::Edits;

    #[test]
    fn forms_with_edits_and_their_ancestors_are_copied_the_rest_still_drawn() {
        let form = |parent: usize, id: u32| Context {
            parent: Some((parent, format!("F{id}").into_bytes())),
            form: Some((id, 0)),
        };
        let contexts = vec![
            Context {
                parent: None,
                form: None,
            },
            form(0, 10),
            form(1, 11),
            form(0, 12),
        ];
        let mut edits = PageEdits::default();
        edits.contexts.insert(2, Edits::default());
        assert_eq!(still_drawn(&contexts, &edits), [(12, 0)]);
        assert_eq!(
            still_drawn(&contexts, &PageEdits::default()),
            [(10, 0), (11, 0), (12, 0)]
        );
    }
}
