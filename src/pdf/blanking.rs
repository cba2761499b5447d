//! Pixel redaction: a removal box that lies over an image also removes what the image
//! shows there. The box is widened for OCR inaccuracy (and, over a text layer, to the words
//! Tesseract finds under it), the image's own pixels under it are set to paper white (soft
//! masks and stencil masks too), and the image is written back. A picture that shows no text
//! beside a removed name (a signature) goes whole, under the name's ground. After writing,
//! every blanked region is decoded again from the output and checked.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId, Stream};

use super::error::PdfError;
use super::geom::Rect;
use super::image::{self, Encoded, Raster};
use super::interpret::{self, Context, FontCache};
use super::load::Page;
use super::mark::Mark;
use super::pixels::{self, UnitRect};
use super::remove::PageEdits;
use super::scanned::{self, Inspected, Reading};

/// Boxes over images grow by these shares of their height: sideways, below and above. A box
/// from a text layer sits on the baseline and misses descenders and the ends of words; a box
/// of recognised words holds their ink already. Growing more would cut into the lines above
/// and below, which on a skewed scan come close.
const LAYER_MARGIN: (f64, f64, f64) = (0.2, 0.2, 0.05);
const WORD_MARGIN: (f64, f64, f64) = (0.15, 0.1, 0.1);
/// A Tesseract word joins a box when this share of it lies under the box.
const WORD_OVERLAP: f64 = 0.3;
/// Pictures larger than this share of the page are not signatures.
const SIGNATURE_SHARE: f64 = 0.25;

/// What pixel redaction does on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct PagePixels {
    /// Per image of the page (as in [`Inspected::images`]): regions to blank.
    pub regions: Vec<Vec<UnitRect>>,
    /// Per image: removed whole, with the index of the name mark it goes with.
    pub removed: Vec<Option<usize>>,
    /// The page rectangles blanked, for verification.
    pub rects: Vec<Rect>,
}

/// Widens the marks over images, adds a mark over each signature beside a removed name,
/// and lists the regions to blank.
pub(crate) fn plan(inspected: &Inspected, marks: &mut Vec<Mark>, page_area: f64) -> PagePixels {
    let images = &inspected.images;
    let mut out = PagePixels {
        regions: vec![Vec::new(); images.len()],
        removed: vec![None; images.len()],
        rects: Vec::new(),
    };
    for m in marks.iter_mut() {
        if !images.iter().any(|p| p.rect.intersects(&m.rect)) {
            continue;
        }
        let over_layer = images
            .iter()
            .any(|p| p.reading == Reading::TextLayer && p.rect.intersects(&m.rect));
        let margin = if over_layer {
            LAYER_MARGIN
        } else {
            WORD_MARGIN
        };
        let mut rect = grow(&m.rect, margin);
        let under = rect;
        for p in images.iter().filter(|p| p.rect.intersects(&under)) {
            for w in &p.layer_words {
                let area = w.width() * w.height();
                if area > 0.0 && w.overlap_area(&under) >= WORD_OVERLAP * area {
                    rect = rect.union(&grow(w, WORD_MARGIN));
                }
            }
        }
        m.rect = rect;
    }
    // Signatures: pictures without text near a removed name.
    let named = marks.len();
    for (i, p) in images.iter().enumerate() {
        if !matches!(p.reading, Reading::NoText | Reading::NotInspected)
            || p.rect.width() * p.rect.height() >= SIGNATURE_SHARE * page_area
        {
            continue;
        }
        let near = marks
            .iter()
            .enumerate()
            .take(named)
            .filter(|(_, m)| m.name)
            .filter_map(|(k, m)| signature_distance(&p.rect, &m.rect).map(|d| (d, k)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, k)) = near {
            out.removed[i] = Some(k);
            let label = marks[k].label.clone();
            marks.push(Mark {
                rect: p.rect,
                label,
                name: true,
            });
        }
    }
    for m in marks.iter() {
        let mut hit = false;
        for (i, p) in images.iter().enumerate() {
            if out.removed[i].is_some() {
                continue;
            }
            if let Some(u) = pixels::unit_region(&p.use_.ctm, &m.rect) {
                out.regions[i].push(u);
                hit = true;
            }
        }
        if hit {
            out.rects.push(m.rect);
        }
    }
    for (i, p) in images.iter().enumerate() {
        if out.removed[i].is_some() {
            out.regions[i] = vec![UnitRect::ALL];
            out.rects.push(p.rect);
        }
    }
    out
}

/// A box grown by shares of its height (at least half a point): sideways, below, above.
fn grow(r: &Rect, (side, below, above): (f64, f64, f64)) -> Rect {
    let h = r.height();
    let pad = |share: f64| (share * h).max(0.5);
    Rect {
        x0: r.x0 - pad(side),
        y0: r.y0 - pad(below),
        x1: r.x1 + pad(side),
        y1: r.y1 + pad(above),
    }
}

/// How far a picture is from a name, if it is where a signature would be: above or below
/// it within a few lines (overlapping it sideways), or beside it on its line.
fn signature_distance(picture: &Rect, name: &Rect) -> Option<f64> {
    let h = name.height().max(1.0);
    let gap_x = (picture.x0 - name.x1).max(name.x0 - picture.x1).max(0.0);
    let gap_y = (picture.y0 - name.y1).max(name.y0 - picture.y1).max(0.0);
    let above_or_below = gap_x <= 2.0 * h && gap_y <= (4.0 * h).max(0.5 * picture.height());
    let beside = gap_y == 0.0 && gap_x <= 6.0 * h;
    (above_or_below || beside).then_some(gap_x + gap_y)
}

/// Blanks the planned regions in the document's images. XObjects (with their soft masks
/// and masks) are rewritten in place, so every page that draws them shows the blanks;
/// inline images are replaced through the page's content edits.
pub(crate) fn apply(
    doc: &mut Document,
    pages: &[Page],
    contexts: &[&[Context]],
    inspected: &[Inspected],
    planned: &[PagePixels],
    edits: &mut [PageEdits],
) -> Result<(), PdfError> {
    let mut xobjects: BTreeMap<ObjectId, (u32, Vec<UnitRect>)> = BTreeMap::new();
    for (p, (page, (ins, plan))) in pages.iter().zip(inspected.iter().zip(planned)).enumerate() {
        for (i, placed) in ins.images.iter().enumerate() {
            let regions = &plan.regions[i];
            if regions.is_empty() {
                continue;
            }
            match placed.use_.xobject {
                Some(id) => xobjects
                    .entry(id)
                    .or_insert_with(|| (page.number, Vec::new()))
                    .1
                    .extend_from_slice(regions),
                None => {
                    crate::deadline::check();
                    let stream = scanned::inline_image(doc, contexts[p], page, &placed.use_)
                        .ok_or_else(|| {
                            cannot(
                                page.number,
                                "an inline image cannot be found in its content",
                            )
                        })?;
                    let dict = image::full_inline_dict(&stream.dict);
                    let mut raster = image::decode(
                        doc,
                        &Encoded {
                            dict,
                            data: &stream.content,
                        },
                    )
                    .map_err(|u| cannot(page.number, &u.0))?;
                    pixels::blank(&mut raster, regions);
                    edits[p]
                        .context(placed.use_.ctx)
                        .replace_image(placed.use_.op, inline_stream(&stream, &raster));
                }
            }
        }
    }
    for (id, (page, regions)) in xobjects {
        crate::deadline::check();
        let masks = blank_object(doc, id, &regions, page)?;
        for mask in masks {
            blank_object(doc, mask, &regions, page)?;
        }
    }
    Ok(())
}

fn cannot(page: u32, why: &str) -> PdfError {
    PdfError::Content {
        page,
        reason: format!("{why}, so the pixels under a removed item cannot be blanked"),
    }
}

/// Blanks regions of an image XObject; returns its soft mask and mask streams.
fn blank_object(
    doc: &mut Document,
    id: ObjectId,
    regions: &[UnitRect],
    page: u32,
) -> Result<Vec<ObjectId>, PdfError> {
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .map_err(|_| cannot(page, "an image XObject is damaged"))?;
    let masks = [&b"SMask"[..], b"Mask"]
        .iter()
        .filter_map(|k| stream.dict.get(k).ok()?.as_reference().ok())
        .filter(|m| *m != id)
        .collect();
    let mut raster = image::decode(
        doc,
        &Encoded {
            dict: stream.dict.clone(),
            data: &stream.content,
        },
    )
    .map_err(|u| cannot(page, &u.0))?;
    pixels::blank(&mut raster, regions);
    let written = image::encode(&stream.dict, &raster);
    doc.objects.insert(id, Object::Stream(written));
    Ok(masks)
}

/// An inline image with blanked samples: no filter, the other entries kept.
fn inline_stream(original: &Stream, raster: &Raster) -> Stream {
    let mut dict = original.dict.clone();
    for key in [&b"F"[..], b"Filter", b"DP", b"DecodeParms", b"Length"] {
        dict.remove(key);
    }
    let mask = matches!(
        dict.get(b"IM").or(dict.get(b"ImageMask")),
        Ok(Object::Boolean(true))
    );
    if !mask {
        dict.remove(b"BitsPerComponent");
        dict.set("BPC", i64::from(raster.bpc));
    }
    Stream::new(dict, raster.data.clone())
}

/// Checks the written output: on each page, every image under a blanked rectangle is
/// decoded again (with its masks) and must be blank there.
pub(crate) fn verify(
    output: &Document,
    pages: &[Page],
    planned: &[PagePixels],
) -> Result<(), PdfError> {
    let mut fonts = FontCache::default();
    for (page, plan) in pages.iter().zip(planned) {
        if plan.rects.is_empty() {
            continue;
        }
        crate::deadline::check();
        let failed = |what: &str| PdfError::Verification(format!("page {}: {what}", page.number));
        let content = interpret::interpret(output, page, &mut fonts)
            .map_err(|_| failed("the page cannot be read again"))?;
        for use_ in &content.images {
            let regions: Vec<UnitRect> = plan
                .rects
                .iter()
                .filter_map(|r| pixels::unit_region(&use_.ctm, r))
                .map(shrink)
                .collect();
            if regions.is_empty() {
                continue;
            }
            let (dict, raster) = scanned::load(output, &content.contexts, page, use_)
                .map_err(|_| failed("a blanked image cannot be decoded again"))?;
            if !pixels::is_blank(&raster, &regions) {
                return Err(failed("an image still shows pixels under a removed item"));
            }
            for key in [&b"SMask"[..], b"Mask"] {
                let Some(mask) = dict
                    .get(key)
                    .ok()
                    .and_then(|o| o.as_reference().ok())
                    .and_then(|id| output.get_object(id).ok())
                    .and_then(|o| o.as_stream().ok())
                else {
                    continue;
                };
                let raster = image::decode(
                    output,
                    &Encoded {
                        dict: mask.dict.clone(),
                        data: &mask.content,
                    },
                )
                .map_err(|_| failed("an image mask cannot be decoded again"))?;
                if !pixels::is_blank(&raster, &regions) {
                    return Err(failed(
                        "an image mask still shows shapes under a removed item",
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A region less a hair on each side, so that rounding cannot add a pixel the blanking
/// did not cover.
fn shrink(u: UnitRect) -> UnitRect {
    const E: f64 = 1e-7;
    UnitRect {
        u0: u.u0 + E,
        v0: u.v0 + E,
        u1: (u.u1 - E).max(u.u0 + E),
        v1: (u.v1 - E).max(u.v0 + E),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::geom::Matrix;
    use crate::pdf::interpret::ImageUse;
    use crate::pdf::scanned::Placed;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    fn placed(r: Rect, reading: Reading) -> Placed {
        Placed {
            use_: ImageUse {
                ctx: 0,
                op: 0,
                xobject: Some((1, 0)),
                ctm: Matrix::new(r.width(), 0.0, 0.0, r.height(), r.x0, r.y0),
                size: Some((100, 100)),
            },
            rect: r,
            reading,
            layer_words: Vec::new(),
        }
    }

    fn mark(r: Rect) -> Mark {
        Mark {
            rect: r,
            label: "5.1.2e".into(),
            name: true,
        }
    }

    #[test]
    fn marks_over_a_scan_grow_and_take_in_the_words_under_them() {
        let mut scan = placed(rect(0.0, 0.0, 600.0, 800.0), Reading::TextLayer);
        // Tesseract's word sits a little right of the text layer's box.
        scan.layer_words = vec![rect(104.0, 500.0, 164.0, 512.0)];
        let inspected = Inspected {
            images: vec![scan],
            words: Vec::new(),
        };
        let mut marks = vec![mark(rect(100.0, 500.0, 160.0, 510.0))];
        let planned = plan(&inspected, &mut marks, 600.0 * 800.0);
        let m = marks[0].rect;
        assert!(
            m.x0 < 100.0 && m.x1 > 164.0 && m.y0 < 500.0 && m.y1 > 512.0,
            "{m:?}"
        );
        assert_eq!(planned.regions[0].len(), 1);
        assert_eq!(planned.rects, vec![m]);
    }

    #[test]
    fn a_picture_under_a_removed_name_goes_whole() {
        let signature = placed(rect(100.0, 120.0, 200.0, 160.0), Reading::NoText);
        let logo = placed(rect(400.0, 700.0, 500.0, 780.0), Reading::NoText);
        let inspected = Inspected {
            images: vec![signature, logo],
            words: Vec::new(),
        };
        let mut marks = vec![mark(rect(100.0, 100.0, 180.0, 112.0))];
        let planned = plan(&inspected, &mut marks, 600.0 * 800.0);
        assert_eq!(planned.removed, [Some(0), None]);
        assert_eq!(planned.regions[0], [UnitRect::ALL]);
        assert!(planned.regions[1].is_empty());
        assert_eq!(marks.len(), 2);
        // Not beside an item that is not a name.
        let mut marks = vec![Mark {
            name: false,
            ..mark(rect(100.0, 100.0, 180.0, 112.0))
        }];
        let planned = plan(&inspected, &mut marks, 600.0 * 800.0);
        assert_eq!(planned.removed, [None, None]);
    }
}
