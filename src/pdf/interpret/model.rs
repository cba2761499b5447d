//! What interpreting a page yields: its glyphs with their boxes and content locations,
//! marked-content texts, image uses and the state-stack balance.

use std::ops::Range;

use lopdf::ObjectId;

use crate::pdf::geom::{Matrix, Point, Rect};

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
