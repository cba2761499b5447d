//! The content interpreter: runs a page's content streams (and the Form XObjects they draw)
//! and yields every glyph with its Unicode text, its box in page space, and where its bytes
//! are in the content, so it can be removed later. Every glyph counts, whatever its render
//! mode (invisible OCR text included), colour or clipping. Content is decoded strictly: a
//! stream that does not parse completely stops the document. The parsed operations of a page
//! (forms included) may take at most [`MAX_PARSED`] bytes of memory.
//!
//! Positioning follows ISO 32000-1, 9.4: `Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM`, and each
//! glyph advances the text matrix by `tx = ((w0 − Tj/1000)·Tfs + Tc + Tw)·Th`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::error::{FontName, FontProblem, PdfError};
use super::font::{CodeInfo, Font};
use super::geom::{Matrix, Point, Rect, number};
use super::load::{MAX_STREAM, Page, page_resources};

/// Deepest nesting of Form XObjects.
const MAX_FORM_DEPTH: usize = 16;
/// Deepest graphics state stack.
const MAX_Q_DEPTH: usize = 4096;
/// Most operations and glyphs interpreted per page, forms included.
const MAX_WORK: usize = 20_000_000;
/// Most memory the parsed operations of a page (forms included) may take, estimated; parsed
/// operations take 40 to 400 times the bytes of their content, so without a bound a content
/// stream within [`MAX_STREAM`] could take tens of gigabytes.
pub(crate) const MAX_PARSED: usize = 256 << 20;
/// Content up to this size is parsed in one go (it cannot exceed [`MAX_PARSED`]).
const SMALL_CONTENT: usize = 256 << 10;

/// Where a glyph's bytes are: content stream context, operation, element of a `TJ` array
/// (0 otherwise), and byte range in that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct GlyphLoc {
    pub ctx: u32,
    pub op: u32,
    pub elem: u32,
    pub start: u32,
    pub len: u8,
}

/// One shown glyph.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub loc: GlyphLoc,
    /// Its text: a range of [`PageContent::text`].
    pub text: Range<u32>,
    /// Box in page space (advance width × ascent..descent).
    pub bbox: Rect,
    /// Origin on the baseline, page space.
    pub origin: Point,
    /// Unit vector of the writing direction, page space.
    pub dir: Point,
    /// Height of one em in page space.
    pub size: f64,
    /// Advance width along `dir`, page space.
    pub advance: f64,
    /// The `TJ` adjustment, in thousandths of text space, that moves the pen as far as this
    /// glyph does; NaN when the font size or horizontal scaling is 0.
    pub adjust: f32,
}

/// A content stream the page runs: its own content (context 0) or a Form XObject, reached
/// from its parent context under a resource name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Context {
    /// The parent context and the XObject name it draws this form under.
    pub parent: Option<(usize, Vec<u8>)>,
    /// The form XObject; `None` for the page's own content.
    pub form: Option<ObjectId>,
}

/// A marked-content sequence whose property list carries `/ActualText`, `/Alt` or `/E`.
#[derive(Debug, Clone)]
pub(crate) struct Marked {
    pub ctx: u32,
    /// The `BDC` operation.
    pub op: u32,
    /// The glyphs shown inside it.
    pub glyphs: Range<usize>,
    /// Those entries and their decoded texts.
    pub texts: Vec<(Vec<u8>, String)>,
}

/// An image drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ImageUse {
    /// The content stream context and operation (`Do` or `BI`).
    pub ctx: u32,
    pub op: u32,
    /// The image XObject; `None` for an inline image.
    pub xobject: Option<ObjectId>,
    /// Maps the image's unit square to the page.
    pub ctm: Matrix,
    /// Width and height in samples, when its dictionary gives them.
    pub size: Option<(usize, usize)>,
}

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

/// Everything the interpreter found on a page.
#[derive(Debug, Default)]
pub(crate) struct PageContent {
    pub contexts: Vec<Context>,
    pub glyphs: Vec<Glyph>,
    /// The glyphs' texts, concatenated in content order.
    pub text: String,
    pub marked: Vec<Marked>,
    /// The images drawn (XObjects and inline), in content order.
    pub images: Vec<ImageUse>,
    /// Content streams and forms with damaged Flate data (read up to the damage).
    pub damaged: Vec<ObjectId>,
    /// How the page's own content leaves the graphics state and text object.
    pub balance: Balance,
}

/// How a content stream leaves the state stack: what must be closed after it, and opened
/// before it, so that content appended after it starts from the initial state.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Balance {
    /// `q` left open at the end.
    pub open_q: usize,
    /// `Q` without a matching `q`.
    pub extra_q: usize,
    /// Ends inside a text object (`BT` without `ET`).
    pub in_text: bool,
}

/// Fonts read so far in a document, by object (or, for direct dictionaries, by address).
#[derive(Default)]
pub(crate) struct FontCache {
    fonts: HashMap<FontKey, Rc<Font>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Direct(usize),
}

impl FontCache {
    fn get(&mut self, doc: &Document, entry: &Object) -> Option<Rc<Font>> {
        let (key, dict) = match entry {
            Object::Reference(id) => (FontKey::Object(*id), doc.get_dictionary(*id).ok()?),
            Object::Dictionary(d) => (FontKey::Direct(d as *const Dictionary as usize), d),
            _ => return None,
        };
        Some(
            self.fonts
                .entry(key)
                .or_insert_with(|| Rc::new(Font::load(doc, dict)))
                .clone(),
        )
    }
}

/// The decompressed content of a page: its content streams joined by line ends; and those
/// that are damaged (their data is what inflates before the damage).
pub(crate) fn page_content(
    doc: &Document,
    page: &Page,
) -> Result<(Vec<u8>, Vec<ObjectId>), PdfError> {
    let unreadable = |reason: &str| PdfError::Content {
        page: page.number,
        reason: reason.to_string(),
    };
    let dict = doc
        .get_dictionary(page.id)
        .map_err(|_| unreadable("the page object is damaged"))?;
    let mut ids = Vec::new();
    match dict.get(b"Contents") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(items)) => {
                ids.extend(items.iter().filter_map(|o| o.as_reference().ok()))
            }
            _ => ids.push(*id),
        },
        Ok(Object::Array(items)) => ids.extend(items.iter().filter_map(|o| o.as_reference().ok())),
        _ => {}
    }
    let mut data = Vec::new();
    let mut damaged = Vec::new();
    for id in ids {
        // A missing stream draws nothing.
        let Ok(object) = doc.get_object(id) else {
            continue;
        };
        let stream = object
            .as_stream()
            .map_err(|_| unreadable("a content stream is not a stream"))?;
        let (part, broken) =
            super::stream::decode_checked(stream, MAX_STREAM.saturating_sub(data.len())).map_err(
                |_| unreadable("a content stream cannot be decompressed or is too large"),
            )?;
        if broken {
            damaged.push(id);
        }
        data.extend_from_slice(&part);
        // Content streams split only between tokens, so a line end keeps them apart.
        data.push(b'\n');
    }
    Ok((data, damaged))
}

/// The decompressed content of a Form XObject, and whether it is damaged.
pub(crate) fn form_content(
    doc: &Document,
    form: ObjectId,
    page: u32,
) -> Result<(Vec<u8>, bool), PdfError> {
    let unreadable = |reason: &str| PdfError::Content {
        page,
        reason: reason.to_string(),
    };
    let stream = doc
        .get_object(form)
        .and_then(Object::as_stream)
        .map_err(|_| unreadable("a form XObject is damaged"))?;
    super::stream::decode_checked(stream, MAX_STREAM)
        .map_err(|_| unreadable("a form XObject cannot be decompressed or is too large"))
}

/// Decodes content strictly: `None` unless all of it parses (within [`MAX_PARSED`]).
pub(crate) fn decode(data: &[u8]) -> Option<Vec<Operation>> {
    let data = if data.len() <= SMALL_CONTENT {
        Cow::Borrowed(data)
    } else {
        Cow::Owned(data.to_vec())
    };
    decode_within(data, MAX_PARSED).ok().map(|(ops, _)| ops)
}

/// Why content could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Not all of it parses.
    Invalid,
    /// The parsed operations would take more than the memory allowed.
    TooLarge,
}

/// Decodes content strictly, with the parsed operations taking at most `budget` bytes
/// (estimated); returns them with the bytes they take.
///
/// Large content is parsed one operation at a time and each operation is shrunk to fit
/// (lopdf leaves room for four operands in each), stopping as soon as the budget is spent.
/// To stay strict (all of the content must parse, as `Content::decode_strict` requires), a
/// sentinel operator is appended whose name is derived from a hash of the content, so that the
/// content cannot contain it: the content parses completely exactly when the sentinel comes
/// out last, without operands.
pub(crate) fn decode_within(
    data: Cow<'_, [u8]>,
    budget: usize,
) -> Result<(Vec<Operation>, usize), DecodeError> {
    if data.len() <= SMALL_CONTENT {
        let ops = Content::decode_strict(&data)
            .map_err(|_| DecodeError::Invalid)?
            .operations;
        let used = ops.iter().map(operation_bytes).sum();
        return if used > budget {
            Err(DecodeError::TooLarge)
        } else {
            Ok((ops, used))
        };
    }
    let sentinel = format!("WooRedactEnd{}", &blake3::hash(&data).to_hex()[..24]);
    let mut input = data.into_owned();
    input.push(b'\n');
    input.extend_from_slice(sentinel.as_bytes());
    input.push(b'\n');
    let mut ops: Vec<Operation> = Vec::new();
    let mut used = 0usize;
    for op in Content::decode_iter(&input) {
        let mut op = op.map_err(|_| DecodeError::Invalid)?;
        op.operands.shrink_to_fit();
        op.operator.shrink_to_fit();
        used += operation_bytes(&op);
        if used > budget {
            return Err(DecodeError::TooLarge);
        }
        ops.push(op);
    }
    match ops.pop() {
        Some(last) if last.operator == sentinel && last.operands.is_empty() => {
            ops.shrink_to_fit();
            Ok((ops, used))
        }
        _ => Err(DecodeError::Invalid),
    }
}

/// Estimated heap bytes of a parsed operation.
fn operation_bytes(op: &Operation) -> usize {
    std::mem::size_of::<Operation>()
        + op.operator.capacity()
        + op.operands.capacity() * std::mem::size_of::<Object>()
        + op.operands.iter().map(object_heap).sum::<usize>()
}

/// Estimated heap bytes owned by an object (lopdf bounds the nesting of direct objects).
fn object_heap(o: &Object) -> usize {
    match o {
        Object::Name(n) => n.capacity(),
        Object::String(s, _) => s.capacity(),
        Object::Array(items) => {
            items.capacity() * std::mem::size_of::<Object>()
                + items.iter().map(object_heap).sum::<usize>()
        }
        Object::Dictionary(d) => dict_heap(d),
        Object::Stream(s) => s.content.capacity() + dict_heap(&s.dict),
        _ => 0,
    }
}

fn dict_heap(d: &Dictionary) -> usize {
    d.iter()
        .map(|(k, v)| k.capacity() + 2 * std::mem::size_of::<Object>() + object_heap(v))
        .sum()
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

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    /// The font, or the resource name of a font that could not be found.
    font: Result<(Rc<Font>, Vec<u8>), Vec<u8>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    ts: f64,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: Matrix::IDENTITY,
            font: Err(Vec::new()),
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            ts: 0.0,
        }
    }
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

/// The last `n` operands (PDF readers use the last ones when there are too many).
fn last(args: &[Object], n: usize) -> Option<&[Object]> {
    args.len().checked_sub(n).map(|i| &args[i..])
}

fn num_arg(args: &[Object]) -> Option<f64> {
    args.last().and_then(number)
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// A named entry of a resource category (`/Font`, `/XObject`, …), not dereferenced.
fn resource<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    let cat = deref(doc, resources?.get(category).ok()?).as_dict().ok()?;
    cat.get(name).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Content larger than [`SMALL_CONTENT`], parsed one operation at a time.
    fn large(unit: &str) -> Vec<u8> {
        unit.repeat(SMALL_CONTENT / unit.len() + 1).into_bytes()
    }

    #[test]
    fn large_content_decodes_like_decode_strict() {
        let long = format!("BT /F1 12 Tf ({} \\(x\\)) Tj ET % c\n", "y".repeat(300));
        for unit in ["q 1 0 0 1 72 720 cm Q\n", long.as_str()] {
            let data = large(unit);
            let strict = Content::decode_strict(&data).unwrap().operations;
            let (ops, used) = decode_within(Cow::Borrowed(&data), MAX_PARSED).unwrap();
            assert_eq!(format!("{ops:?}"), format!("{strict:?}"));
            assert!(used > 0 && used < MAX_PARSED);
        }
    }

    #[test]
    fn large_content_must_parse_completely() {
        // Few operations per byte, for a fast test.
        let unit = format!("({}) Tj\n", "x".repeat(200));
        for tail in ["1 0 0", "(open string", "[1 2", ")", "/Name"] {
            let mut data = large(&unit);
            data.extend_from_slice(tail.as_bytes());
            assert_eq!(
                decode_within(Cow::Borrowed(&data), MAX_PARSED).unwrap_err(),
                DecodeError::Invalid,
                "{tail}"
            );
        }
        // An operator named like a sentinel is just an operator: parsing goes on past it.
        let mut data = large(&unit);
        data.extend_from_slice(b"WooRedactEnd0123456789abcdef01234567 ) (Jan) Tj\n");
        assert!(decode_within(Cow::Borrowed(&data), MAX_PARSED).is_err());
    }

    #[test]
    fn content_beyond_the_memory_budget_is_too_large() {
        let data = large("q Q\n");
        assert_eq!(
            decode_within(Cow::Borrowed(&data), 1 << 20).unwrap_err(),
            DecodeError::TooLarge
        );
        assert_eq!(
            decode_within(Cow::Borrowed(&b"q Q"[..]), 10).unwrap_err(),
            DecodeError::TooLarge
        );
    }
}
