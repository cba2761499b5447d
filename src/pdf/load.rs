//! Opening a PDF: parse, decrypt (empty user password, then the given one), and list the
//! pages with their inherited attributes by walking the page tree ourselves, so that no page
//! a viewer would show is missed and cycles are caught.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use super::error::{PdfError, describe};

/// Most bytes any single stream may decompress to.
pub(crate) const MAX_STREAM: usize = 128 << 20;

/// Deepest page tree accepted.
const MAX_TREE_DEPTH: usize = 64;

/// Deepest nesting of direct objects walked.
const MAX_NESTING: usize = 64;

/// A page with the attributes it inherits from the page tree.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// 1-based page number.
    pub number: u32,
    /// The page object.
    pub id: ObjectId,
    /// The page tree node whose `/Resources` apply (the page itself or an ancestor).
    pub resources_holder: Option<ObjectId>,
    /// Clockwise rotation for display: 0, 90, 180 or 270.
    pub rotate: i32,
}

/// Parses and decrypts a PDF.
pub(crate) fn open(bytes: &[u8], password: Option<&str>) -> Result<Document, PdfError> {
    // Readers look for the header in the first 1024 bytes; without one this is another kind
    // of file under a `.pdf` name, which deserves a plainer reason than a syntax error.
    if bytes.is_empty() {
        return Err(PdfError::Unreadable("the file is empty"));
    }
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(PdfError::Unreadable(
            "not a PDF: no %PDF- header in the first 1024 bytes",
        ));
    }
    let options = LoadOptions {
        password: password.map(str::to_string),
        max_decompressed_size: Some(MAX_STREAM),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword) | Err(lopdf::Error::Decryption(_)) => {
            return Err(PdfError::Encrypted {
                password_given: password.is_some(),
            });
        }
        Err(e) => return Err(PdfError::Unreadable(describe(&e))),
    };
    // lopdf returns an empty document with /Encrypt still set when no password worked.
    if doc.trailer.has(b"Encrypt") {
        return Err(PdfError::Encrypted {
            password_given: password.is_some(),
        });
    }
    // Object number 0 is never a valid object; other readers refuse a catalog there.
    if !matches!(doc.trailer.get(b"Root"), Ok(Object::Reference((n, _))) if *n > 0) {
        return Err(PdfError::Unreadable("the document has no valid catalog"));
    }
    Ok(without_dangling_references(doc))
}

/// Replaces references to objects that do not exist by `null`, as readers read them, so that
/// no object added later can take their number; and makes `max_id` cover every object.
fn without_dangling_references(mut doc: Document) -> Document {
    let ids: HashSet<ObjectId> = doc.objects.keys().copied().collect();
    fn walk(o: &mut Object, ids: &HashSet<ObjectId>, depth: usize) {
        match o {
            Object::Reference(id) if !ids.contains(id) => *o = Object::Null,
            _ if depth > MAX_NESTING => {}
            Object::Array(items) => items.iter_mut().for_each(|i| walk(i, ids, depth + 1)),
            Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| walk(v, ids, depth + 1)),
            Object::Stream(s) => s.dict.iter_mut().for_each(|(_, v)| walk(v, ids, depth + 1)),
            _ => {}
        }
    }
    for object in doc.objects.values_mut() {
        walk(object, &ids, 0);
    }
    doc.trailer.iter_mut().for_each(|(_, v)| walk(v, &ids, 0));
    doc.max_id = ids.iter().map(|id| id.0).max().unwrap_or(0).max(doc.max_id);
    doc
}

/// The pages in order.
pub(crate) fn pages(doc: &Document) -> Result<Vec<Page>, PdfError> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok())
        .ok_or_else(|| PdfError::Structure("the document has no page tree".into()))?;
    let mut walker = Walker {
        doc,
        seen: HashSet::new(),
        pages: Vec::new(),
    };
    walker.walk(root, Inherited::default(), 0)?;
    if walker.pages.is_empty() {
        return Err(PdfError::Structure("the document has no pages".into()));
    }
    Ok(walker.pages)
}

#[derive(Clone, Copy, Default)]
struct Inherited {
    resources: Option<ObjectId>,
    rotate: Option<i64>,
}

struct Walker<'a> {
    doc: &'a Document,
    seen: HashSet<ObjectId>,
    pages: Vec<Page>,
}

impl Walker<'_> {
    fn walk(
        &mut self,
        id: ObjectId,
        mut inherited: Inherited,
        depth: usize,
    ) -> Result<(), PdfError> {
        let broken = |what: &str| PdfError::Structure(format!("the page tree {what}"));
        if depth > MAX_TREE_DEPTH {
            return Err(broken("is nested too deeply"));
        }
        if !self.seen.insert(id) {
            return Err(broken("has a cycle or lists a page twice"));
        }
        let node = self
            .doc
            .get_dictionary(id)
            .map_err(|_| broken("refers to a missing or damaged page"))?;
        if node.has(b"Resources") {
            inherited.resources = Some(id);
        }
        if let Some(r) = get(self.doc, node, b"Rotate").and_then(|o| o.as_i64().ok()) {
            inherited.rotate = Some(r);
        }
        let is_page = node.get(b"Type").and_then(Object::as_name).ok() == Some(b"Page");
        match get(self.doc, node, b"Kids") {
            Some(Object::Array(kids)) if !is_page => {
                for kid in kids {
                    let kid = kid
                        .as_reference()
                        .map_err(|_| broken("has a page that is not an indirect object"))?;
                    self.walk(kid, inherited, depth + 1)?;
                }
            }
            _ => {
                let number =
                    u32::try_from(self.pages.len() + 1).map_err(|_| broken("is too large"))?;
                self.pages.push(Page {
                    number,
                    id,
                    resources_holder: inherited.resources,
                    rotate: match inherited.rotate.unwrap_or(0).rem_euclid(360) {
                        r @ (90 | 180 | 270) => r as i32,
                        _ => 0,
                    },
                });
            }
        }
        Ok(())
    }
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let o = dict.get(key).ok()?;
    Some(doc.dereference(o).map_or(o, |(_, o)| o))
}

/// The `/Resources` dictionary of a page, following inheritance and references.
pub(crate) fn page_resources<'a>(doc: &'a Document, page: &Page) -> Option<&'a Dictionary> {
    let holder = doc.get_dictionary(page.resources_holder?).ok()?;
    let o = holder.get(b"Resources").ok()?;
    doc.dereference(o).ok()?.1.as_dict().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn doc_with_tree(kids_of_root: Vec<Object>, extra: Vec<(ObjectId, Object)>) -> Document {
        let mut doc = Document::with_version("1.7");
        for (id, o) in extra {
            doc.objects.insert(id, o);
        }
        doc.objects.insert(
            (1, 0),
            dictionary! {
                "Type" => "Pages", "Kids" => kids_of_root, "Count" => 2,
                "MediaBox" => vec![10.into(), 20.into(), 310.into(), 420.into()],
                "Rotate" => 90,
            }
            .into(),
        );
        doc.objects.insert(
            (9, 0),
            dictionary! { "Type" => "Catalog", "Pages" => (1, 0) }.into(),
        );
        doc.trailer.set("Root", (9, 0));
        doc.max_id = 20;
        doc
    }

    #[test]
    fn pages_inherit_media_box_and_rotation() {
        let doc = doc_with_tree(
            vec![(2, 0).into(), (3, 0).into()],
            vec![
                (
                    (2, 0),
                    dictionary! { "Type" => "Page", "Parent" => (1, 0) }.into(),
                ),
                (
                    (3, 0),
                    dictionary! { "Type" => "Page", "Rotate" => -90, "Parent" => (1, 0) }.into(),
                ),
            ],
        );
        let pages = pages(&doc).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[0].rotate, pages[1].rotate), (90, 270));
    }

    #[test]
    fn a_page_tree_cycle_or_repeated_page_is_refused() {
        let doc = doc_with_tree(
            vec![(2, 0).into(), (2, 0).into()],
            vec![((2, 0), dictionary! { "Type" => "Page" }.into())],
        );
        assert!(matches!(pages(&doc), Err(PdfError::Structure(_))));
        let doc = doc_with_tree(vec![(1, 0).into()], vec![]);
        assert!(matches!(pages(&doc), Err(PdfError::Structure(_))));
    }

    #[test]
    fn a_missing_kid_is_refused_not_skipped() {
        let doc = doc_with_tree(vec![(7, 0).into()], vec![]);
        assert!(pages(&doc).is_err());
    }

    #[test]
    fn dangling_references_become_null() {
        let bytes = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
            3 0 obj << /Type /Page /Parent 2 0 R /Contents 9 0 R >> endobj\n\
            trailer << /Root 1 0 R >>\n%%EOF";
        let doc = open(bytes, None).unwrap();
        let page = doc.get_dictionary((3, 0)).unwrap();
        assert_eq!(page.get(b"Contents").unwrap(), &Object::Null);
        assert!(doc.max_id >= 3);
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        let reason = |bytes: &[u8]| match open(bytes, None) {
            Err(PdfError::Unreadable(reason)) => reason,
            _ => panic!("not refused as unreadable"),
        };
        assert_eq!(reason(b""), "the file is empty");
        assert!(reason(b"not a pdf").starts_with("not a PDF"));
        assert_eq!(reason(b"%PDF-1.4\ngarbage"), "broken cross-reference table");
        assert!(
            open(
                b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
                None
            )
            .map_or(true, |d| pages(&d).is_err())
        );
    }
}
