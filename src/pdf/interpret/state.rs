//! The graphics and text state, the fonts read so far, and looking up resources.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::pdf::font::Font;
use crate::pdf::geom::{Matrix, number};

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
    pub(super) fn get(&mut self, doc: &Document, entry: &Object) -> Option<Rc<Font>> {
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

#[derive(Clone)]
pub(super) struct GState {
    pub(super) ctm: Matrix,
    /// The font, or the resource name of a font that could not be found.
    pub(super) font: Result<(Rc<Font>, Vec<u8>), Vec<u8>>,
    pub(super) size: f64,
    pub(super) tc: f64,
    pub(super) tw: f64,
    pub(super) th: f64,
    pub(super) tl: f64,
    pub(super) ts: f64,
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

/// The last `n` operands (PDF readers use the last ones when there are too many).
pub(super) fn last(args: &[Object], n: usize) -> Option<&[Object]> {
    args.len().checked_sub(n).map(|i| &args[i..])
}

pub(super) fn num_arg(args: &[Object]) -> Option<f64> {
    args.last().and_then(number)
}

pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// A named entry of a resource category (`/Font`, `/XObject`, …), not dereferenced.
pub(super) fn resource<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    let cat = deref(doc, resources?.get(category).ok()?).as_dict().ok()?;
    cat.get(name).ok()
}
