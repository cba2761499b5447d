//! Images on a page: which show text and how it is read. An image with text drawn over it
//! (the invisible OCR layer of a scan, or a background under real text) is read through that
//! text; when Tesseract is available it is also recognised, so that removal boxes can be
//! widened to the words Tesseract sees. An image without text over it is recognised with
//! Tesseract: its words join the page text as a text model (words with boxes) that the same
//! [`Redactor`](crate::Redactor) scans. An image that shows no text (photo, logo,
//! signature) is listed. A page that is only an image and cannot be recognised fails the
//! document: it is never passed on unchecked.

use std::collections::HashMap;

use lopdf::{Document, Object, ObjectId, Stream};
use serde::{Deserialize, Serialize};

use super::error::PdfError;
use super::geom::Rect;
use super::image::{self, Encoded, Raster, Unsupported};
use super::interpret::{Context, ImageUse, PageContent, decode, form_content, page_content};
use super::load::Page;
use super::pixels;
use crate::ocr::{OcrWord, Tesseract};

/// Images smaller than this many pixels either way hold no readable text.
const MIN_TEXT_PIXELS: usize = 12;
/// An image without text over it that covers this share of the page is the page: without
/// OCR the page cannot be checked.
const PAGE_SHARE: f64 = 0.5;

/// How images are read.
#[derive(Debug, Clone, Default)]
pub struct OcrOptions {
    /// The OCR engine; `None` when OCR is off or not installed.
    pub engine: Option<Tesseract>,
    /// Also recognise images under a text layer, to widen removal boxes to the words
    /// Tesseract finds there (OCR layers often sit slightly off the printed words).
    pub check_text_layers: bool,
}

impl OcrOptions {
    /// Tesseract when installed, with text layers checked.
    pub fn auto() -> OcrOptions {
        OcrOptions {
            engine: Tesseract::installed(),
            check_text_layers: true,
        }
    }

    /// No OCR: image-only pages fail, other images are listed as not inspected.
    pub fn off() -> OcrOptions {
        OcrOptions::default()
    }
}

/// What became of an image on a page, for the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageNote {
    /// 1-based number of the image on its page, in drawing order.
    pub image: usize,
    /// What was done, or why it was left as it was.
    pub note: String,
}

/// Per page with images: what was done with them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageImages {
    /// 1-based page number.
    pub page: u32,
    /// Images read with OCR.
    pub ocr: usize,
    /// Image regions whose pixels were blanked.
    pub regions_blanked: usize,
    /// Images removed whole (signatures beside a removed name).
    pub images_removed: usize,
    /// Every image with what became of it.
    pub images: Vec<ImageNote>,
}

/// How an image on a page is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Text is drawn over it: the text layer says what it shows.
    TextLayer,
    /// Recognised: it shows text (its words are in the page text).
    Words,
    /// Recognised: it shows no text (photo, logo, signature).
    NoText,
    /// Too small to hold text.
    Tiny,
    /// Not inspected: no OCR.
    NotInspected,
}

/// An image drawn on a page, as inspected.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub use_: ImageUse,
    /// The page area it covers.
    pub rect: Rect,
    pub reading: Reading,
    /// Tesseract's words over a text layer, as page rectangles (to widen boxes).
    pub layer_words: Vec<Rect>,
}

/// A recognised word on the page.
#[derive(Debug, Clone)]
pub(crate) struct PageWord {
    pub text: String,
    pub rect: Rect,
    /// Line number on the page (over all recognised images).
    pub line: u32,
}

/// The images of a page, inspected.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inspected {
    pub images: Vec<Placed>,
    /// Words of the images that show text, in reading order.
    pub words: Vec<PageWord>,
}

/// Recognitions already made in a document, per image XObject.
#[derive(Default)]
pub(crate) struct OcrCache {
    words: HashMap<ObjectId, Vec<OcrWord>>,
}

/// Inspects the images of a page. Fails when an image that must be read cannot be (a
/// scanned page without OCR, an image that cannot be decoded).
pub(crate) fn inspect(
    doc: &Document,
    page: &Page,
    content: &PageContent,
    options: &OcrOptions,
    cache: &mut OcrCache,
) -> Result<Inspected, PdfError> {
    let mut out = Inspected::default();
    let page_area = page_area(doc, page);
    let mut line_base = 0u32;
    for use_ in &content.images {
        crate::deadline::check();
        let Some(rect) = pixels::image_rect(&use_.ctm) else {
            continue;
        };
        let fail = |reason: String| PdfError::Content {
            page: page.number,
            reason,
        };
        let size = image_size(doc, content, page, use_);
        let covered = content
            .glyphs
            .iter()
            .any(|g| rect.contains(g.bbox.center()));
        // An image whose size cannot be read is read in full, or fails.
        let tiny = size.is_some_and(|(w, h)| w < MIN_TEXT_PIXELS || h < MIN_TEXT_PIXELS)
            || rect.width() < 4.0
            || rect.height() < 4.0;
        let mut placed = Placed {
            use_: use_.clone(),
            rect,
            reading: Reading::Tiny,
            layer_words: Vec::new(),
        };
        if tiny && !covered {
            out.images.push(placed);
            continue;
        }
        let Some(engine) = &options.engine else {
            placed.reading = if covered {
                Reading::TextLayer
            } else if rect.width() * rect.height() >= PAGE_SHARE * page_area {
                return Err(fail(
                    "scanned page without text: needs OCR (install tesseract-ocr-nld)".into(),
                ));
            } else {
                Reading::NotInspected
            };
            out.images.push(placed);
            continue;
        };
        if covered {
            // Recognised later, and only under removal boxes (`recognise_layers`).
            placed.reading = Reading::TextLayer;
            out.images.push(placed);
            continue;
        }
        let words =
            recognise(doc, &content.contexts, page, use_, &rect, engine, cache).map_err(|e| {
                fail(match e {
                    Recognition::Image(u) => format!("{u}, so the image cannot be checked"),
                    Recognition::Ocr(o) => format!("an image cannot be read: {o}"),
                })
            })?;
        if crate::ocr::shows_text(&words) {
            placed.reading = Reading::Words;
            let mut lines: Vec<(u32, u32, u32)> = Vec::new();
            for w in &words {
                let Some(rect) = word_rect(use_, size, w) else {
                    continue;
                };
                let line = match lines.iter().position(|l| *l == w.line) {
                    Some(i) => i,
                    None => {
                        lines.push(w.line);
                        lines.len() - 1
                    }
                } as u32;
                out.words.push(PageWord {
                    text: w.text.clone(),
                    rect,
                    line: line_base + line,
                });
            }
            line_base += lines.len() as u32;
        } else {
            placed.reading = Reading::NoText;
        }
        out.images.push(placed);
    }
    Ok(out)
}

/// Recognises the images under a text layer that a removal box lies over, so that the boxes
/// can grow to the words Tesseract sees there (when asked for; failures leave the boxes as
/// they are, since the text layer already said what to remove).
pub(crate) fn recognise_layers(
    doc: &Document,
    page: &Page,
    contexts: &[Context],
    inspected: &mut Inspected,
    boxes: &[Rect],
    options: &OcrOptions,
    cache: &mut OcrCache,
) {
    let Some(engine) = options
        .engine
        .as_ref()
        .filter(|_| options.check_text_layers)
    else {
        return;
    };
    for placed in &mut inspected.images {
        if placed.reading != Reading::TextLayer || !boxes.iter().any(|b| b.intersects(&placed.rect))
        {
            continue;
        }
        crate::deadline::check();
        let use_ = &placed.use_;
        if let Ok(words) = recognise(doc, contexts, page, use_, &placed.rect, engine, cache) {
            placed.layer_words = words
                .iter()
                .filter_map(|w| word_rect(use_, use_.size, w))
                .collect();
        }
    }
}

pub(crate) fn page_area(doc: &Document, page: &Page) -> f64 {
    let mut id = Some(page.id);
    for _ in 0..64 {
        let Some(dict) = id.and_then(|i| doc.get_dictionary(i).ok()) else {
            break;
        };
        if let Some(r) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .and_then(|a| Rect::from_objects(a))
        {
            return r.width() * r.height();
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    612.0 * 792.0
}

fn word_rect(use_: &ImageUse, size: Option<(usize, usize)>, w: &OcrWord) -> Option<Rect> {
    pixels::pixel_box_on_page(&use_.ctm, size?, (w.left, w.top, w.width, w.height))
}

enum Recognition {
    Image(Unsupported),
    Ocr(crate::ocr::OcrError),
}

fn recognise(
    doc: &Document,
    contexts: &[Context],
    page: &Page,
    use_: &ImageUse,
    rect: &Rect,
    engine: &Tesseract,
    cache: &mut OcrCache,
) -> Result<Vec<OcrWord>, Recognition> {
    if let Some(id) = use_.xobject
        && let Some(words) = cache.words.get(&id)
    {
        return Ok(words.clone());
    }
    let (dict, raster) = load(doc, contexts, page, use_).map_err(Recognition::Image)?;
    let mut grey = raster.to_grey();
    // Over white paper, as a viewer shows it: a soft mask may be what carries the text.
    if let Some(mask) = dict
        .get(b"SMask")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
    {
        let alpha = image::decode(
            doc,
            &Encoded {
                dict: mask.dict.clone(),
                data: &mask.content,
            },
        )
        .map_err(Recognition::Image)?;
        composite(&mut grey, (raster.width, raster.height), &alpha);
    }
    // Resolution as drawn on the page, which tells Tesseract the size of the type.
    let inches = rect.width().max(rect.height()) / 72.0;
    let dpi = (raster.width.max(raster.height) as f64 / inches.max(0.01)).round() as u32;
    let words = engine
        .recognise(&grey, raster.width, raster.height, dpi)
        .map_err(Recognition::Ocr)?;
    if let Some(id) = use_.xobject {
        cache.words.insert(id, words.clone());
    }
    Ok(words)
}

/// Closes the gaps OCR leaves in e-mail addresses (`jan@ example .nl`): on a page with
/// images, a single space (an OCR layer's space glyph or a word gap) is dropped after or
/// before an `@`, and before or after a dot inside an address. Detectors then see the
/// address whole, and its box covers all of it.
pub(crate) fn close_address_gaps(page: &mut super::text::PageText) {
    let bytes = page.text.as_bytes();
    let mut drop = vec![false; bytes.len()];
    let mut token_start = 0;
    for i in 0..bytes.len() {
        if bytes[i] != b' ' {
            if bytes[i].is_ascii_whitespace() {
                token_start = i + 1;
            }
            continue;
        }
        let prev = &bytes[token_start..i];
        let next_end = bytes[i + 1..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| i + 1 + p);
        let next = &bytes[i + 1..next_end];
        let (Some(&last), Some(&first)) = (prev.last(), next.first()) else {
            token_start = i + 1;
            continue;
        };
        let in_address = prev.contains(&b'@');
        let join = (last == b'@' && first.is_ascii_alphanumeric())
            || (first == b'@' && last.is_ascii_alphanumeric() && next.len() > 1)
            || (in_address && first == b'.' && next.get(1).is_some_and(u8::is_ascii_alphanumeric))
            || (in_address
                && last == b'.'
                && (first.is_ascii_lowercase() || first.is_ascii_digit()))
            // Initials before a local part: `j. devries@example.nl`.
            || (last == b'.'
                && prev.len() <= 4
                && prev.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.')
                && next.contains(&b'@'));
        if join {
            drop[i] = true;
        } else {
            token_start = i + 1;
        }
    }
    if !drop.contains(&true) {
        return;
    }
    let mut text = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if !drop[i] {
            text.push(b);
            map.push(page.byte_glyph[i]);
        }
    }
    // Only ASCII spaces were dropped, so the text is still UTF-8.
    page.text = String::from_utf8(text).unwrap_or_default();
    page.byte_glyph = map;
}

/// Puts a grey image over white paper through a soft mask (scaled to the image if its size
/// differs).
fn composite(grey: &mut [u8], (w, h): (usize, usize), alpha: &Raster) {
    let a = alpha.to_grey();
    for y in 0..h {
        let ay = y * alpha.height / h;
        for x in 0..w {
            let ax = x * alpha.width / w;
            let opacity = u32::from(a[ay * alpha.width + ax]);
            let g = &mut grey[y * w + x];
            *g = ((u32::from(*g) * opacity + 255 * (255 - opacity)) / 255) as u8;
        }
    }
}

/// Width and height in pixels of a drawn image: from its dictionary, or for a filtered
/// inline image (which the interpreter does not see) from its content bytes.
fn image_size(
    doc: &Document,
    content: &PageContent,
    page: &Page,
    use_: &ImageUse,
) -> Option<(usize, usize)> {
    if use_.size.is_some() || use_.xobject.is_some() {
        return use_.size;
    }
    let dict = image::full_inline_dict(&inline_image(doc, &content.contexts, page, use_)?.dict);
    let get = |k: &[u8]| dict.get(k).ok()?.as_i64().ok().filter(|v| *v > 0);
    Some((get(b"Width")? as usize, get(b"Height")? as usize))
}

/// The inline image a `BI` operation draws: as lopdf decoded it, or, for a filtered one
/// that lopdf leaves undecoded, its dictionary and encoded data read from the content bytes.
pub(crate) fn inline_image(
    doc: &Document,
    contexts: &[Context],
    page: &Page,
    use_: &ImageUse,
) -> Option<Stream> {
    let data = match contexts.get(use_.ctx as usize)?.form {
        Some(form) => form_content(doc, form, page.number).ok()?.0,
        None => page_content(doc, page).ok()?.0,
    };
    let ops = decode(&data)?;
    let op = ops.get(use_.op as usize)?;
    if op.operator != "BI" {
        return None;
    }
    if let Some(Object::Stream(s)) = op.operands.last() {
        return Some(s.clone());
    }
    let lengths: Vec<Option<usize>> = ops
        .iter()
        .filter(|o| o.operator == "BI")
        .map(|o| match o.operands.as_slice() {
            [Object::Stream(image)] => Some(image.content.len()),
            _ => None,
        })
        .collect();
    let index = ops[..use_.op as usize]
        .iter()
        .filter(|o| o.operator == "BI")
        .count();
    let span = super::inline::images(&data, &lengths)?.get(index)?.clone();
    raw_inline_image(&data[span])
}

/// Parses `BI <dictionary> ID <data> EI`.
fn raw_inline_image(bytes: &[u8]) -> Option<Stream> {
    let id = bytes.windows(4).position(|w| {
        w[0].is_ascii_whitespace() && &w[1..3] == b"ID" && w[3].is_ascii_whitespace()
    })?;
    let head = bytes.get(2..id)?;
    let mut dict_src = b"<<".to_vec();
    dict_src.extend_from_slice(head);
    dict_src.extend_from_slice(b" >> WooRedactInlineDict");
    let parsed = lopdf::content::Content::decode_strict(&dict_src).ok()?;
    let dict = match parsed.operations.as_slice() {
        [op] => match op.operands.as_slice() {
            [Object::Dictionary(d)] => d.clone(),
            _ => return None,
        },
        _ => return None,
    };
    // One white-space byte after ID; the data ends before the white space ahead of EI.
    let start = id + 4;
    let end = bytes.len().checked_sub(3)?;
    Some(Stream::new(
        dict,
        bytes.get(start..end.max(start))?.to_vec(),
    ))
}

/// The dictionary (full names) and decoded samples of a drawn image.
pub(crate) fn load(
    doc: &Document,
    contexts: &[Context],
    page: &Page,
    use_: &ImageUse,
) -> Result<(lopdf::Dictionary, Raster), Unsupported> {
    match use_.xobject {
        Some(id) => {
            let stream = doc
                .get_object(id)
                .and_then(Object::as_stream)
                .map_err(|_| Unsupported("an image XObject is damaged".into()))?;
            let raster = image::decode(
                doc,
                &Encoded {
                    dict: stream.dict.clone(),
                    data: &stream.content,
                },
            )?;
            Ok((stream.dict.clone(), raster))
        }
        None => {
            let stream = inline_image(doc, contexts, page, use_).ok_or_else(|| {
                Unsupported("an inline image cannot be found in its content".into())
            })?;
            let dict = image::full_inline_dict(&stream.dict);
            let raster = image::decode(
                doc,
                &Encoded {
                    dict: dict.clone(),
                    data: &stream.content,
                },
            )?;
            Ok((dict, raster))
        }
    }
}

/// The summary of a page's images; `blanked[i]` is the number of regions blanked in image
/// `i` and `removed[i]` whether it was removed whole.
pub(crate) fn report(
    page: u32,
    inspected: &Inspected,
    blanked: &[usize],
    removed: &[bool],
) -> Option<PageImages> {
    if inspected.images.is_empty() {
        return None;
    }
    let mut out = PageImages {
        page,
        ..PageImages::default()
    };
    for (i, p) in inspected.images.iter().enumerate() {
        let regions = blanked.get(i).copied().unwrap_or(0);
        let whole = removed.get(i).copied().unwrap_or(false);
        out.regions_blanked += regions;
        out.images_removed += usize::from(whole);
        if matches!(p.reading, Reading::Words | Reading::NoText)
            || (p.reading == Reading::TextLayer && !p.layer_words.is_empty())
        {
            out.ocr += 1;
        }
        let note = if whole {
            "removed: a signature or picture beside a removed name".to_string()
        } else if regions > 0 {
            format!("pixels blanked under {regions} removed item box(es)")
        } else {
            match p.reading {
                Reading::TextLayer => {
                    "left as it was: under a text layer with nothing removed over it"
                }
                Reading::Words => "left as it was: OCR found text with nothing to remove",
                Reading::NoText => "left as it was: shows no text (photo, logo or signature)",
                Reading::Tiny => "left as it was: too small to hold text",
                Reading::NotInspected => "not inspected: needs OCR (install tesseract-ocr-nld)",
            }
            .to_string()
        };
        out.images.push(ImageNote { image: i + 1, note });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::text::{NO_GLYPH, PageText};

    /// A page text whose spaces no glyph made where marked `_`.
    fn page(marked: &str) -> PageText {
        let text = marked.replace('_', " ");
        let byte_glyph = marked
            .bytes()
            .enumerate()
            .map(|(i, b)| if b == b'_' { NO_GLYPH } else { i as u32 })
            .collect();
        PageText {
            text,
            byte_glyph,
            ..PageText::default()
        }
    }

    #[test]
    fn filtered_inline_images_are_read_from_the_content_bytes() {
        let s = raw_inline_image(b"BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 00FF> EI").unwrap();
        assert_eq!(s.content, b"00FF>");
        assert_eq!(s.dict.get(b"W").unwrap().as_i64().unwrap(), 2);
        assert!(raw_inline_image(b"BI /W ID").is_none());
    }

    #[test]
    fn ocr_gaps_in_addresses_close() {
        let mut p = page("E_victoria@_dji.minjus_.nl_of_bel.\nMail_jan @x.nl._Dag j. de@x.nl");
        close_address_gaps(&mut p);
        assert_eq!(
            p.text,
            "E victoria@dji.minjus.nl of bel.\nMail jan@x.nl. Dag j.de@x.nl"
        );
        assert_eq!(p.byte_glyph.len(), p.text.len());
        assert_eq!(p.byte_glyph[p.text.find('d').unwrap()], 12);
        // Two spaces, or a line end, stay.
        let mut p = page("jan@  x.nl\njan@\nx.nl");
        close_address_gaps(&mut p);
        assert_eq!(p.text, "jan@  x.nl\njan@\nx.nl");
    }
}
