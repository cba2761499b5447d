//! The content interpreter: runs a page's content streams (and the Form XObjects they draw)
//! and yields every glyph with its Unicode text, its box in page space, and where its bytes
//! are in the content, so it can be removed later. Every glyph counts, whatever its render
//! mode (invisible OCR text included), colour or clipping. Content is decoded strictly: a
//! stream that does not parse completely stops the document. The parsed operations of a page
//! (forms included) may take at most [`content::MAX_PARSED`] bytes of memory.
//!
//! Positioning follows ISO 32000-1, 9.4: `Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM`, and each
//! glyph advances the text matrix by `tx = ((w0 − Tj/1000)·Tfs + Tc + Tw)·Th`.

//!
//! The module is in four parts: [`content`] reads and strictly decodes content streams,
//! [`state`] holds the graphics and text state and the fonts and resources it refers to,
//! [`run`] is the operator interpreter, and [`model`] is what it yields for a page.

mod content;
mod model;
mod run;
mod state;

pub(crate) use content::{decode, form_content, page_content};
pub(crate) use model::{Balance, Context, Glyph, GlyphLoc, ImageUse, Marked, PageContent};
pub(crate) use run::{TEXT_KEYS, interpret, interpret_form};
pub(crate) use state::FontCache;
