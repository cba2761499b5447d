//! The operator interpreter: runs the operations of a content stream (and the Form
//! XObjects it draws) on a [`GState`] and records every glyph, marked-content text and
//! image use.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::{DecodeError, MAX_PARSED, decode_within, form_content, page_content};
use super::model::{Balance, Context, Glyph, GlyphLoc, ImageUse, Marked, PageContent};
use super::state::{FontCache, GState, deref, last, num_arg, resource};
use crate::pdf::error::{FontName, FontProblem, PdfError};
use crate::pdf::font::{CodeInfo, Font};
use crate::pdf::geom::{Matrix, Point, Rect, number};
use crate::pdf::load::{Page, page_resources};

/// Deepest nesting of Form XObjects.
const MAX_FORM_DEPTH: usize = 16;
/// Deepest graphics state stack.
const MAX_Q_DEPTH: usize = 4096;
/// Most operations and glyphs interpreted per page, forms included.
const MAX_WORK: usize = 20_000_000;

/// Width and height of an image from its dictionary (full or abbreviated keys).
fn image_size(doc: &Document, dict: &Dictionary) -> Option<(usize, usize)> {
    let get = |full: &[u8], short: &[u8]| {
        let o = dict.get(full).or_else(|_| dict.get(short)).ok()?;
        deref(doc, o)
            .as_i64()
            .ok()
            .filter(|v| *v > 0)
            .map(|v| v as usize)
    };
    Some((get(b"Width", b"W")?, get(b"Height", b"H")?))
}

/// Interprets a page.
pub(crate) fn interpret(
    doc: &Document,
    page: &Page,
    fonts: &mut FontCache,
) -> Result<PageContent, PdfError> {
    let (data, damaged) = page_content(doc, page)?;
    let (ops, parsed) = decode_within(data.into(), MAX_PARSED).map_err(|e| PdfError::Content {
        page: page.number,
        reason: match e {
            DecodeError::Invalid => "a content stream cannot be parsed",
            DecodeError::TooLarge => "the page content is too large to check",
        }
        .into(),
    })?;
    let mut run = Run::new(doc, page.number, fonts);
    run.parsed = parsed;
    run.out.damaged = damaged;
    let resources = page_resources(doc, page);
    run.out.balance = run.exec(0, &ops, resources, GState::default())?;
    Ok(run.out)
}

/// Interprets a Form XObject or tiling pattern on its own (identity matrix, its own
/// resources), as verification reads streams that no page draws.
pub(crate) fn interpret_form(
    doc: &Document,
    form: ObjectId,
    fonts: &mut FontCache,
) -> Result<PageContent, PdfError> {
    let (data, _) = form_content(doc, form, 0)?;
    let (ops, _) = decode_within(data.into(), MAX_PARSED).map_err(|e| PdfError::Content {
        page: 0,
        reason: match e {
            DecodeError::Invalid => "a form XObject cannot be parsed",
            DecodeError::TooLarge => "a form XObject is too large to check",
        }
        .into(),
    })?;
    let resources = doc
        .get_object(form)
        .and_then(Object::as_stream)
        .ok()
        .and_then(|s| s.dict.get(b"Resources").ok())
        .and_then(|o| deref(doc, o).as_dict().ok());
    let mut run = Run::new(doc, 0, fonts);
    run.forms.push(form);
    run.exec(0, &ops, resources, GState::default())?;
    Ok(run.out)
}

struct Run<'a> {
    doc: &'a Document,
    page: u32,
    fonts: &'a mut FontCache,
    out: PageContent,
    codes: Vec<CodeInfo>,
    /// Forms being run, outermost first (cycle guard).
    forms: Vec<ObjectId>,
    /// Context index per (parent context, XObject name).
    form_contexts: HashMap<(usize, Vec<u8>), usize>,
    form_ops: HashMap<usize, Rc<Vec<Operation>>>,
    work: usize,
    /// Estimated bytes of the parsed operations held (see [`MAX_PARSED`]).
    parsed: usize,
}

/// Keys of a marked-content property list that carry replacement or alternate text.
pub(crate) const TEXT_KEYS: [&[u8]; 3] = [b"ActualText", b"Alt", b"E"];

impl<'a> Run<'a> {
    fn new(doc: &'a Document, page: u32, fonts: &'a mut FontCache) -> Run<'a> {
        Run {
            doc,
            page,
            fonts,
            out: PageContent {
                contexts: vec![Context {
                    parent: None,
                    form: None,
                }],
                ..PageContent::default()
            },
            codes: Vec::new(),
            forms: Vec::new(),
            form_contexts: HashMap::new(),
            form_ops: HashMap::new(),
            work: 0,
            parsed: 0,
        }
    }

    fn error(&self, reason: &str) -> PdfError {
        PdfError::Content {
            page: self.page,
            reason: reason.to_string(),
        }
    }

    fn tick(&mut self, n: usize) -> Result<(), PdfError> {
        // Once per operation and glyph: the per-document time limit.
        crate::deadline::check();
        self.work += n;
        if self.work > MAX_WORK {
            return Err(self.error("the page content is too large to check"));
        }
        Ok(())
    }

    /// Runs operations in a context; returns how it leaves the state stack.
    fn exec(
        &mut self,
        ctx: usize,
        ops: &[Operation],
        resources: Option<&Dictionary>,
        mut gs: GState,
    ) -> Result<Balance, PdfError> {
        let mut stack: Vec<GState> = Vec::new();
        let mut extra_q = 0;
        let mut in_text = false;
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut marked: Vec<Option<usize>> = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            self.tick(1)?;
            let args = op.operands.as_slice();
            match op.operator.as_str() {
                "q" => {
                    if stack.len() >= MAX_Q_DEPTH {
                        return Err(self.error("graphics states are nested too deeply"));
                    }
                    stack.push(gs.clone());
                }
                "Q" => match stack.pop() {
                    Some(saved) => gs = saved,
                    None => extra_q += 1,
                },
                "cm" => {
                    if let Some(m) = last(args, 6).and_then(Matrix::from_objects) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                    in_text = true;
                }
                "ET" => in_text = false,
                "Tc" => gs.tc = num_arg(args).unwrap_or(gs.tc),
                "Tw" => gs.tw = num_arg(args).unwrap_or(gs.tw),
                "Tz" => gs.th = num_arg(args).map_or(gs.th, |v| v / 100.0),
                "TL" => gs.tl = num_arg(args).unwrap_or(gs.tl),
                "Ts" => gs.ts = num_arg(args).unwrap_or(gs.ts),
                "Tf" => {
                    if let Some([Object::Name(name), size]) = last(args, 2)
                        && let Some(size) = number(size)
                    {
                        gs.size = size;
                        gs.font = self.font(resources, name);
                    }
                }
                "gs" => {
                    if let Some(Object::Name(name)) = args.last() {
                        self.ext_gstate(resources, name, &mut gs);
                    }
                }
                "Td" | "TD" => {
                    if let Some([tx, ty]) = last(args, 2)
                        && let (Some(tx), Some(ty)) = (number(tx), number(ty))
                    {
                        if op.operator == "TD" {
                            gs.tl = -ty;
                        }
                        tlm = Matrix::translate(tx, ty).then(&tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = last(args, 6).and_then(Matrix::from_objects) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.tl).then(&tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\""
                            && let Some([aw, ac, _]) = last(args, 3)
                            && let (Some(aw), Some(ac)) = (number(aw), number(ac))
                        {
                            gs.tw = aw;
                            gs.tc = ac;
                        }
                        tlm = Matrix::translate(0.0, -gs.tl).then(&tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(bytes, _)) = args.last() {
                        self.show(ctx, i, 0, bytes, &gs, &mut tm)?;
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.last() {
                        for (k, item) in items.iter().enumerate() {
                            match item {
                                Object::String(bytes, _) => {
                                    self.show(ctx, i, k, bytes, &gs, &mut tm)?
                                }
                                other => {
                                    if let Some(n) = number(other) {
                                        tm = Matrix::translate(-n / 1000.0 * gs.size * gs.th, 0.0)
                                            .then(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = args.last() {
                        self.draw_xobject(ctx, i, resources, name, &gs)?;
                    }
                }
                "BI" => self.out.images.push(ImageUse {
                    ctx: ctx as u32,
                    op: i as u32,
                    xobject: None,
                    ctm: gs.ctm,
                    size: match args.last() {
                        Some(Object::Stream(image)) => image_size(self.doc, &image.dict),
                        _ => None,
                    },
                }),
                "BDC" => {
                    let index = match args.last() {
                        Some(Object::Dictionary(props)) => self.marked_text(ctx, i, props),
                        _ => None,
                    };
                    marked.push(index);
                }
                "BMC" => marked.push(None),
                "EMC" => {
                    if let Some(Some(m)) = marked.pop() {
                        self.out.marked[m].glyphs.end = self.out.glyphs.len();
                    }
                }
                _ => {}
            }
        }
        for m in marked.into_iter().flatten() {
            self.out.marked[m].glyphs.end = self.out.glyphs.len();
        }
        Ok(Balance {
            open_q: stack.len(),
            extra_q,
            in_text,
        })
    }

    fn font(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
    ) -> Result<(Rc<Font>, Vec<u8>), Vec<u8>> {
        resource(self.doc, resources, b"Font", name)
            .and_then(|entry| self.fonts.get(self.doc, entry))
            .map(|f| (f, name.to_vec()))
            .ok_or_else(|| name.to_vec())
    }

    /// An ExtGState may set the font (`/Font [font size]`).
    fn ext_gstate(&mut self, resources: Option<&Dictionary>, name: &[u8], gs: &mut GState) {
        let doc = self.doc;
        let Some(state) =
            resource(doc, resources, b"ExtGState", name).and_then(|o| deref(doc, o).as_dict().ok())
        else {
            return;
        };
        if let Some(Object::Array(font)) = state.get(b"Font").ok().map(|o| deref(doc, o))
            && let [entry, size] = &font[..]
            && let Some(size) = number(deref(doc, size))
        {
            gs.size = size;
            gs.font = self
                .fonts
                .get(doc, entry)
                .map(|f| (f, name.to_vec()))
                .ok_or_else(|| name.to_vec());
        }
    }

    fn marked_text(&mut self, ctx: usize, op: usize, props: &Dictionary) -> Option<usize> {
        if !TEXT_KEYS.iter().any(|k| props.has(k)) {
            return None;
        }
        let texts = TEXT_KEYS
            .iter()
            .filter_map(|k| {
                Some((
                    k.to_vec(),
                    lopdf::decode_text_string(props.get(k).ok()?).ok()?,
                ))
            })
            .collect();
        let start = self.out.glyphs.len();
        self.out.marked.push(Marked {
            ctx: ctx as u32,
            op: op as u32,
            glyphs: start..start,
            texts,
        });
        Some(self.out.marked.len() - 1)
    }

    fn draw_xobject(
        &mut self,
        ctx: usize,
        op: usize,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &GState,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(Object::Reference(id)) = resource(doc, resources, b"XObject", name) else {
            return Ok(());
        };
        let Ok(stream) = doc.get_object(*id).and_then(Object::as_stream) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.out.images.push(ImageUse {
                ctx: ctx as u32,
                op: op as u32,
                xobject: Some(*id),
                ctm: gs.ctm,
                size: image_size(doc, &stream.dict),
            }),
            Ok(b"Form") => {
                if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(id) {
                    return Err(self.error("form XObjects are nested too deeply or in a cycle"));
                }
                let key = (ctx, name.to_vec());
                let child = match self.form_contexts.get(&key) {
                    Some(&c) => c,
                    None => {
                        self.out.contexts.push(Context {
                            parent: Some(key.clone()),
                            form: Some(*id),
                        });
                        let c = self.out.contexts.len() - 1;
                        self.form_contexts.insert(key, c);
                        c
                    }
                };
                let ops = match self.form_ops.get(&child) {
                    Some(ops) => ops.clone(),
                    None => {
                        let (data, damaged) = form_content(doc, *id, self.page)?;
                        if damaged {
                            self.out.damaged.push(*id);
                        }
                        let budget = MAX_PARSED.saturating_sub(self.parsed);
                        let (ops, parsed) =
                            decode_within(data.into(), budget).map_err(|e| match e {
                                DecodeError::Invalid => {
                                    self.error("a form XObject cannot be parsed")
                                }
                                DecodeError::TooLarge => {
                                    self.error("the page content is too large to check")
                                }
                            })?;
                        self.parsed += parsed;
                        let ops = Rc::new(ops);
                        self.form_ops.insert(child, ops.clone());
                        ops
                    }
                };
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| Matrix::from_objects(a))
                    .unwrap_or(Matrix::IDENTITY);
                let mut inner = gs.clone();
                inner.ctm = matrix.then(&gs.ctm);
                let form_resources = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| deref(doc, o).as_dict().ok())
                    .or(resources);
                self.forms.push(*id);
                self.exec(child, &ops, form_resources, inner)?;
                self.forms.pop();
            }
            _ => {}
        }
        Ok(())
    }

    fn show(
        &mut self,
        ctx: usize,
        op: usize,
        elem: usize,
        bytes: &[u8],
        gs: &GState,
        tm: &mut Matrix,
    ) -> Result<(), PdfError> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.tick(bytes.len())?;
        let (font, resource_name) = match &gs.font {
            Ok(f) => f,
            Err(name) => {
                return Err(PdfError::Font {
                    page: self.page,
                    font: FontName::new(b"", name),
                    problem: FontProblem::Missing,
                });
            }
        };
        let font_error = |problem: FontProblem| PdfError::Font {
            page: self.page,
            font: FontName::new(&font.base, resource_name),
            problem,
        };
        if let Some(p) = font.problem() {
            return Err(font_error(p.clone()));
        }
        let mut codes = std::mem::take(&mut self.codes);
        font.codes(bytes, &mut codes);
        let scale = Matrix::new(gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.ts);
        let pen_scale = gs.size * gs.th;
        for c in &codes {
            let start = self.out.text.len() as u32;
            if !font.push_text(c, &mut self.out.text) {
                return Err(font_error(FontProblem::Undecodable));
            }
            let trm = scale.then(tm).then(&gs.ctm);
            let w = c.width;
            let box_w = if w.abs() < 0.05 { 0.05 } else { w };
            let bbox = Rect::around(&[
                trm.apply(0.0, font.descent),
                trm.apply(box_w, font.descent),
                trm.apply(box_w, font.ascent),
                trm.apply(0.0, font.ascent),
            ])
            .unwrap_or(Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 0.0,
                y1: 0.0,
            });
            let origin = trm.apply(0.0, 0.0);
            let along = Point::new(trm.a, trm.b);
            let unit = along.length();
            let dir = if unit > 1e-12 {
                Point::new(along.x / unit, along.y / unit)
            } else {
                Point::new(1.0, 0.0)
            };
            let tx = (w * gs.size + gs.tc + if c.word_space { gs.tw } else { 0.0 }) * gs.th;
            let adjust = if pen_scale.abs() > 1e-9 {
                (1000.0 * tx / pen_scale) as f32
            } else {
                f32::NAN
            };
            self.out.glyphs.push(Glyph {
                loc: GlyphLoc {
                    ctx: ctx as u32,
                    op: op as u32,
                    elem: elem as u32,
                    start: c.start,
                    len: c.len,
                },
                text: start..self.out.text.len() as u32,
                bbox,
                origin,
                dir,
                size: Point::new(trm.c, trm.d).length(),
                advance: w * unit,
                adjust,
            });
            *tm = Matrix::translate(tx, 0.0).then(tm);
        }
        self.codes = codes;
        Ok(())
    }
}
