//! Removal, after MuPDF's model: the selected glyphs are cut out of the strings of `Tj`, `'`,
//! `"` and `TJ`, and each removed glyph is replaced by a `TJ` number that moves the pen as far
//! as the glyph did, so every other glyph stays exactly where it was. A `Tj`, `'` or `"` with
//! removals becomes a `TJ` (after the `T*`, `Tw` and `Tc` that `'` and `"` imply).
//!
//! Form XObjects are copied before they are changed, since other pages may share them; the
//! copy is wired into a copy of its parent's resources, up to the page.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::error::PdfError;
use super::inline;
use super::interpret::{Balance, Context, GlyphLoc, TEXT_KEYS, decode, form_content, page_content};
use super::load::{MAX_STREAM, Page, page_resources};
use super::mark::{self, Mark};

/// Compression level of rewritten streams (lopdf's own `compress` uses 9, which is slower).
const FLATE_LEVEL: u32 = 6;

/// A change to a marked-content property list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MarkedEdit {
    /// Remove `/ActualText`, `/Alt` and `/E`: the text under them changed.
    Drop,
    /// Replace entries by redacted texts.
    Replace(Vec<(Vec<u8>, String)>),
}

/// One glyph cut out of a string.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cut {
    /// Its first byte in the string.
    start: u32,
    /// Its number of bytes.
    len: u8,
    /// Its pen advance in thousandths of text space.
    adjust: f32,
}

/// What to change in one content stream.
#[derive(Debug, Default, Clone)]
pub(crate) struct Edits {
    /// Removed glyphs per (operation, `TJ` element).
    glyphs: BTreeMap<(u32, u32), Vec<Cut>>,
    marked: BTreeMap<u32, MarkedEdit>,
    /// Inline images (`BI` operations) replaced by blanked ones.
    images: BTreeMap<u32, Stream>,
}

impl Edits {
    /// Removes a glyph; `adjust` is its pen advance in thousandths of text space.
    pub fn remove(&mut self, loc: GlyphLoc, adjust: f32) {
        let list = self.glyphs.entry((loc.op, loc.elem)).or_default();
        if !list.iter().any(|c| c.start == loc.start) {
            list.push(Cut {
                start: loc.start,
                len: loc.len,
                adjust,
            });
        }
    }

    /// Replaces the inline image of the `BI` at `op`.
    pub fn replace_image(&mut self, op: u32, image: Stream) {
        self.images.insert(op, image);
    }

    /// Changes the property list of the `BDC` at `op`.
    pub fn edit_marked(&mut self, op: u32, edit: MarkedEdit) {
        self.marked.insert(op, edit);
    }

    fn glyphs_in(&self, op: u32) -> impl Iterator<Item = (u32, &Vec<Cut>)> {
        self.glyphs
            .range((op, 0)..=(op, u32::MAX))
            .map(|((_, elem), list)| (*elem, list))
    }
}

/// All changes to one page.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageEdits {
    /// Per content stream context.
    pub contexts: BTreeMap<usize, Edits>,
    /// Boxes to draw.
    pub marks: Vec<Mark>,
    /// Recognised words kept, written as an invisible text layer (when asked for).
    pub ocr_words: Vec<(String, super::geom::Rect)>,
}

impl PageEdits {
    /// The edits of a content stream context.
    pub fn context(&mut self, ctx: u32) -> &mut Edits {
        self.contexts.entry(ctx as usize).or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.contexts.is_empty() && self.marks.is_empty() && self.ocr_words.is_empty()
    }
}

/// Applies the edits to the operations of one content stream.
pub(crate) fn rewrite(ops: Vec<Operation>, edits: &Edits) -> Vec<Operation> {
    let mut out = Vec::with_capacity(ops.len() + 8);
    for (i, mut op) in ops.into_iter().enumerate() {
        let i = i as u32;
        if let Some(image) = edits.images.get(&i) {
            out.push(Operation::new("BI", vec![Object::Stream(image.clone())]));
            continue;
        }
        if let Some(edit) = edits.marked.get(&i) {
            if let Some(Object::Dictionary(props)) = op.operands.last_mut() {
                edit_properties(props, edit);
            }
            out.push(op);
            continue;
        }
        let mut removals = edits.glyphs_in(i).peekable();
        if removals.peek().is_none() {
            out.push(op);
            continue;
        }
        match op.operator.as_str() {
            "TJ" => {
                let by_elem: BTreeMap<u32, &Vec<Cut>> = removals.collect();
                let Some(Object::Array(items)) = op.operands.pop() else {
                    continue;
                };
                let mut parts = Vec::with_capacity(items.len() + 4);
                for (k, item) in items.into_iter().enumerate() {
                    match (item, by_elem.get(&(k as u32))) {
                        (Object::String(bytes, format), Some(list)) => {
                            split(&bytes, format, list, &mut parts)
                        }
                        (item, _) => parts.push(item),
                    }
                }
                out.push(Operation::new("TJ", vec![Object::Array(parts)]));
            }
            "Tj" | "'" | "\"" => {
                let list = removals.find(|(elem, _)| *elem == 0).map(|(_, l)| l);
                if op.operator == "\"" && op.operands.len() >= 3 {
                    let n = op.operands.len();
                    out.push(Operation::new("Tw", vec![op.operands[n - 3].clone()]));
                    out.push(Operation::new("Tc", vec![op.operands[n - 2].clone()]));
                }
                if op.operator != "Tj" {
                    out.push(Operation::new("T*", vec![]));
                }
                let (Some(Object::String(bytes, format)), Some(list)) = (op.operands.pop(), list)
                else {
                    continue;
                };
                let mut parts = Vec::new();
                split(&bytes, format, list, &mut parts);
                out.push(Operation::new("TJ", vec![Object::Array(parts)]));
            }
            _ => out.push(op),
        }
    }
    out
}

/// Splits a string into kept runs and pen adjustments for the removed glyphs.
fn split(bytes: &[u8], format: StringFormat, removed: &[Cut], parts: &mut Vec<Object>) {
    let mut removed = removed.to_vec();
    removed.sort_by_key(|c| c.start);
    let mut at = 0usize;
    for Cut { start, len, adjust } in removed {
        let start = (start as usize).min(bytes.len());
        if start > at {
            parts.push(Object::String(bytes[at..start].to_vec(), format));
        }
        // With a font size or scaling of 0 the pen cannot be moved; such glyphs are invisible.
        if adjust.is_finite() && adjust != 0.0 {
            let n = -(adjust * 1000.0).round() / 1000.0;
            match parts.last_mut() {
                Some(Object::Real(prev)) => *prev += n,
                _ => parts.push(Object::Real(n)),
            }
        }
        at = at.max(start + usize::from(len));
    }
    if at < bytes.len() {
        parts.push(Object::String(bytes[at..].to_vec(), format));
    }
}

fn edit_properties(props: &mut Dictionary, edit: &MarkedEdit) {
    match edit {
        MarkedEdit::Drop => {
            for k in TEXT_KEYS {
                props.remove(k);
            }
        }
        MarkedEdit::Replace(entries) => {
            for (k, text) in entries {
                props.set(k.clone(), lopdf::text_string(text));
            }
        }
    }
}

/// Why edited operations could not be written back.
#[derive(Debug)]
pub(crate) struct Unwritable;

/// Rewrites one content stream: `data` is its decompressed content and `ops` its decoded
/// operations. Inline images lopdf could not decode are copied from `data`, and the result is
/// decoded again to check that it holds exactly the intended operations.
pub(crate) fn rewrite_stream(
    data: &[u8],
    ops: Vec<Operation>,
    edits: &Edits,
) -> Result<Vec<u8>, Unwritable> {
    let lengths: Vec<Option<usize>> = ops
        .iter()
        .filter(|op| op.operator == "BI")
        .map(|op| match op.operands.as_slice() {
            [Object::Stream(image)] => Some(image.content.len()),
            _ => None,
        })
        .collect();
    let raw = if lengths.iter().any(Option::is_none) {
        let spans = inline::images(data, &lengths).ok_or(Unwritable)?;
        Some((data, spans))
    } else {
        None
    };
    let ops = rewrite(ops, edits);
    let out = encode(&ops, raw.as_ref().map(|(d, s)| (*d, s.as_slice())))?;
    if raw.is_some() {
        let again = decode(&out).ok_or(Unwritable)?;
        let same = again.len() == ops.len()
            && again
                .iter()
                .zip(&ops)
                .all(|(a, b)| a.operator == b.operator);
        if !same {
            return Err(Unwritable);
        }
    }
    Ok(out)
}

/// Serialises operations as content stream bytes. An inline image lopdf did not decode is
/// copied from `raw`: the content bytes and the spans of its inline images, in order.
pub(crate) fn encode(
    ops: &[Operation],
    raw: Option<(&[u8], &[std::ops::Range<usize>])>,
) -> Result<Vec<u8>, Unwritable> {
    let mut out = Vec::with_capacity(ops.len() * 16);
    let mut image = 0;
    for op in ops {
        if op.operator == "BI" {
            match op.operands.as_slice() {
                [Object::Stream(stream)] => write_inline_image(&mut out, stream),
                _ => {
                    let (data, spans) = raw.ok_or(Unwritable)?;
                    let span = spans.get(image).ok_or(Unwritable)?;
                    out.extend_from_slice(&data[span.clone()]);
                    out.push(b'\n');
                }
            }
            image += 1;
            continue;
        }
        for operand in &op.operands {
            write_object(&mut out, operand);
            out.push(b' ');
        }
        out.extend_from_slice(op.operator.as_bytes());
        out.push(b'\n');
    }
    Ok(out)
}

fn write_inline_image(out: &mut Vec<u8>, image: &Stream) {
    out.extend_from_slice(b"BI");
    for (key, value) in &image.dict {
        // Readers find the end of the data from the image size, not a length.
        if key == b"Length" {
            continue;
        }
        out.push(b' ');
        write_object(out, &Object::Name(key.clone()));
        out.push(b' ');
        write_object(out, value);
    }
    out.extend_from_slice(b" ID ");
    out.extend_from_slice(&image.content);
    out.extend_from_slice(b"\nEI\n");
}

fn write_object(out: &mut Vec<u8>, o: &Object) {
    // Writing to a vector cannot fail.
    let _ = lopdf::Writer::write_object(out, o);
}

/// A Flate-compressed stream with `dict`'s other entries.
pub(crate) fn flate_stream(dict: Dictionary, data: &[u8]) -> Stream {
    flate_stream_level(dict, data, FLATE_LEVEL)
}

/// A Flate-compressed stream at a given compression level.
pub(crate) fn flate_stream_level(mut dict: Dictionary, data: &[u8], level: u32) -> Stream {
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        Compression::new(level),
    );
    // Writing to a vector cannot fail.
    let _ = encoder.write_all(data);
    let compressed = encoder.finish().unwrap_or_default();
    dict.remove(b"DecodeParms");
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, compressed)
}

/// Applies a page's edits: rewritten content (wrapped in `q`…`Q`), copied forms, marks.
/// `label_font` is the font object of the mark labels. The forms replaced by copies are
/// added to `replaced`.
pub(crate) fn apply_page(
    doc: &mut Document,
    page: &Page,
    contexts: &[Context],
    balance: Balance,
    edits: &PageEdits,
    label_font: ObjectId,
    replaced: &mut BTreeSet<ObjectId>,
) -> Result<(), PdfError> {
    let unwritable = || PdfError::Content {
        page: page.number,
        reason: "an edited content stream cannot be written back (inline images)".into(),
    };
    let unparsable = || PdfError::Content {
        page: page.number,
        reason: "a content stream cannot be parsed".into(),
    };
    // Children come after their parents, so going backwards copies every form before the
    // form or page that draws it.
    let mut copies: BTreeMap<usize, Vec<(Vec<u8>, ObjectId)>> = BTreeMap::new();
    for ctx in (1..contexts.len()).rev() {
        let own = edits.contexts.get(&ctx);
        let updates = copies.remove(&ctx);
        if own.is_none() && updates.is_none() {
            continue;
        }
        let (Some(form), Some((parent, name))) = (contexts[ctx].form, contexts[ctx].parent.clone())
        else {
            continue;
        };
        let mut stream = doc
            .get_object(form)
            .and_then(Object::as_stream)
            .map_err(|_| PdfError::Content {
                page: page.number,
                reason: "a form XObject is damaged".into(),
            })?
            .clone();
        if let Some(e) = own {
            let (data, _) = form_content(doc, form, page.number)?;
            let ops = decode(&data).ok_or_else(unparsable)?;
            let data = rewrite_stream(&data, ops, e).map_err(|_| unwritable())?;
            stream = flate_stream(stream.dict, &data);
        }
        if let Some(u) = updates {
            let mut resources = effective_resources(doc, page, contexts, ctx);
            set_xobjects(doc, &mut resources, &u);
            stream.dict.set("Resources", resources);
        }
        let copy = add(doc, stream)?;
        replaced.insert(form);
        copies.entry(parent).or_default().push((name, copy));
    }

    let page_updates = copies.remove(&0);
    let own = edits.contexts.get(&0);
    let overlay = !edits.marks.is_empty() || !edits.ocr_words.is_empty();
    if own.is_none() && !overlay && page_updates.is_none() {
        return Ok(());
    }
    let mut resources = effective_resources(doc, page, contexts, 0);
    if let Some(u) = &page_updates {
        set_xobjects(doc, &mut resources, u);
    }
    let mut new_contents = None;
    if own.is_some() || overlay {
        let (content, _) = page_content(doc, page)?;
        let body = match own {
            Some(e) => {
                let ops = decode(&content).ok_or_else(unparsable)?;
                rewrite_stream(&content, ops, e).map_err(|_| unwritable())?
            }
            None => content,
        };
        // Enough `q` that a stray `Q` in the content cannot pop the initial state, and an `ET`
        // and enough `Q` to close what the content leaves open: the marks draw in default
        // user space, outside any text object.
        let mut data = b"q\n".repeat(balance.extra_q + 1);
        data.extend_from_slice(&body);
        if balance.in_text {
            data.extend_from_slice(b"\nET");
        }
        data.extend_from_slice(&b"\nQ".repeat(balance.open_q + 1));
        data.push(b'\n');
        if overlay {
            let mut fonts = resources
                .get(b"Font")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
                .cloned()
                .unwrap_or_default();
            let name = mark::free_name(Some(&fonts));
            fonts.set(name.clone(), Object::Reference(label_font));
            resources.set("Font", fonts);
            let words: Vec<(&str, super::geom::Rect)> = edits
                .ocr_words
                .iter()
                .map(|(t, r)| (t.as_str(), *r))
                .collect();
            if !words.is_empty() {
                data.extend_from_slice(&super::ocr_text::layer(&words, &name));
            }
            data.extend_from_slice(&mark::overlay(&edits.marks, page.rotate, &name));
        }
        new_contents = Some(add(doc, flate_stream(Dictionary::new(), &data))?);
    }
    let dict = doc
        .get_object_mut(page.id)
        .and_then(Object::as_dict_mut)
        .map_err(|_| PdfError::Content {
            page: page.number,
            reason: "the page object is damaged".into(),
        })?;
    if let Some(id) = new_contents {
        dict.set("Contents", Object::Reference(id));
    }
    dict.set("Resources", resources);
    Ok(())
}

/// Writes damaged Flate streams again with what inflates from them, which is what the
/// document was checked with, so that no reader finds damaged data in the output.
pub(crate) fn repair(doc: &mut Document, ids: &BTreeSet<ObjectId>) {
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get(id) else {
            continue;
        };
        if let Ok((data, true)) = super::stream::decode_checked(stream, MAX_STREAM) {
            let repaired = flate_stream(stream.dict.clone(), &data);
            doc.objects.insert(*id, Object::Stream(repaired));
        }
    }
}

/// Adds an object to the document.
pub(crate) fn add(doc: &mut Document, object: impl Into<Object>) -> Result<ObjectId, PdfError> {
    doc.try_add_object(object)
        .map_err(|_| PdfError::Write("the document has too many objects"))
}

/// A copy of the resources a context uses: a form's own, else those of what draws it.
fn effective_resources(
    doc: &Document,
    page: &Page,
    contexts: &[Context],
    ctx: usize,
) -> Dictionary {
    let own = contexts[ctx]
        .form
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| s.dict.get(b"Resources").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    match (own, &contexts[ctx].parent) {
        (Some(d), _) => d.clone(),
        (None, Some((parent, _))) => effective_resources(doc, page, contexts, *parent),
        (None, None) => page_resources(doc, page).cloned().unwrap_or_default(),
    }
}

/// Points XObject names at copied forms.
fn set_xobjects(doc: &Document, resources: &mut Dictionary, updates: &[(Vec<u8>, ObjectId)]) {
    let mut xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    for (name, id) in updates {
        xobjects.set(name.clone(), Object::Reference(*id));
    }
    resources.set("XObject", xobjects);
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;

    fn ops(src: &str) -> Vec<Operation> {
        Content::decode_strict(src.as_bytes()).unwrap().operations
    }

    fn loc(op: u32, elem: u32, start: u32) -> GlyphLoc {
        GlyphLoc {
            ctx: 0,
            op,
            elem,
            start,
            len: 1,
        }
    }

    fn text(ops: &[Operation]) -> String {
        String::from_utf8(encode(ops, None).unwrap()).unwrap()
    }

    #[test]
    fn tj_becomes_tj_array_with_the_gap_kept() {
        let mut e = Edits::default();
        e.remove(loc(1, 0, 1), 500.0);
        e.remove(loc(1, 0, 2), 250.0);
        let out = rewrite(ops("BT (Jan) Tj ET"), &e);
        assert_eq!(text(&out), "BT\n[(J) -750.0] TJ\nET\n");
    }

    #[test]
    fn tj_array_elements_split_and_numbers_stay() {
        let mut e = Edits::default();
        e.remove(loc(0, 2, 0), 600.0);
        let out = rewrite(ops("[(ab) -20 (cd)] TJ"), &e);
        assert_eq!(text(&out), "[(ab) -20 -600.0(d)] TJ\n");
    }

    #[test]
    fn quote_operators_keep_their_line_move_and_spacing() {
        let mut e = Edits::default();
        e.remove(loc(0, 0, 0), 500.0);
        let out = rewrite(ops("1 2 (xy) \""), &e);
        assert_eq!(text(&out), "1 Tw\n2 Tc\nT*\n[-500.0(y)] TJ\n");
        let out = rewrite(ops("(xy) '"), &e);
        assert_eq!(text(&out), "T*\n[-500.0(y)] TJ\n");
    }

    #[test]
    fn unusable_adjustments_remove_without_moving() {
        let mut e = Edits::default();
        e.remove(loc(0, 0, 0), f32::NAN);
        assert_eq!(text(&rewrite(ops("<4142> Tj"), &e)), "[<42>] TJ\n");
    }

    #[test]
    fn marked_content_text_is_dropped_or_replaced() {
        let mut e = Edits::default();
        e.edit_marked(0, MarkedEdit::Drop);
        e.edit_marked(
            2,
            MarkedEdit::Replace(vec![(b"Alt".to_vec(), "[5.1.2e]".into())]),
        );
        let out = rewrite(
            ops("/Span <</ActualText (Jan) /MCID 1>> BDC EMC /Figure <</Alt (foto Jan)>> BDC EMC"),
            &e,
        );
        let s = text(&out);
        assert!(!s.contains("Jan"), "{s}");
        assert!(s.contains("/MCID 1") && s.contains("[5.1.2e]"), "{s}");
    }

    #[test]
    fn filtered_inline_images_cannot_be_encoded() {
        let o = vec![Operation::new("BI", vec![])];
        assert!(encode(&o, None).is_err());
        let decoded = ops("BI /W 1 /H 1 /BPC 8 /CS /G ID \x7f EI");
        assert!(text(&decoded).contains(" ID \x7f\nEI"));
    }
}
