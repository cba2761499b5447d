//! Annotations: their text (`/Contents`, `/T`, `/Subj`, `/RC`, a link's URI) is scanned with
//! the page text, so what they hold is counted in the audit log. All annotations are then
//! removed except links with a plain target that holds no removed text.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::geom::Rect;
use super::load::Page;

/// Text-bearing keys of an annotation dictionary.
const TEXT_KEYS: [&[u8]; 4] = [b"Contents", b"T", b"Subj", b"RC"];

/// One annotation on a page.
#[derive(Debug, Clone)]
pub(crate) struct Annotation {
    /// Index of its page in the page list.
    pub page: usize,
    /// Its object, when it is an indirect object (it should be).
    pub id: Option<ObjectId>,
    /// Its `/Rect`.
    pub rect: Option<Rect>,
    /// A link whose action is safe to keep (a URI, a destination in the document).
    pub plain_link: bool,
    /// Its texts, in key order.
    pub texts: Vec<String>,
}

/// The annotations of every page, in page order.
pub(crate) fn collect(doc: &Document, pages: &[Page]) -> Vec<Annotation> {
    let mut out = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let Some(annots) = doc
            .get_dictionary(page.id)
            .ok()
            .and_then(|p| p.get(b"Annots").ok())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
        else {
            continue;
        };
        for entry in annots {
            let id = entry.as_reference().ok();
            let Ok(dict) = deref(doc, entry).as_dict() else {
                continue;
            };
            out.push(read(doc, index, id, dict));
        }
    }
    out
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn read(doc: &Document, page: usize, id: Option<ObjectId>, dict: &Dictionary) -> Annotation {
    let mut texts: Vec<String> = TEXT_KEYS
        .iter()
        .filter_map(|k| dict.get(k).ok())
        .filter_map(|o| lopdf::decode_text_string(deref(doc, o)).ok())
        .map(|t| strip_markup(&t))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let is_link = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link");
    let action = dict
        .get(b"A")
        .ok()
        .and_then(|o| deref(doc, o).as_dict().ok());
    let kind = action.and_then(|a| a.get(b"S").and_then(Object::as_name).ok());
    if let Some(uri) = action
        .and_then(|a| a.get(b"URI").ok())
        .and_then(|o| deref(doc, o).as_str().ok())
    {
        texts.push(String::from_utf8_lossy(uri).into_owned());
    }
    let rect = dict
        .get(b"Rect")
        .ok()
        .and_then(|o| deref(doc, o).as_array().ok())
        .and_then(|a| Rect::from_objects(a));
    Annotation {
        page,
        id,
        rect,
        plain_link: is_link && matches!(kind, None | Some(b"URI" | b"GoTo" | b"Named")),
        texts,
    }
}

/// Rich text (`/RC`) is XHTML; its tags are replaced by spaces so that words stay apart.
fn strip_markup(text: &str) -> String {
    if !text.trim_start().starts_with('<') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_tags_become_spaces() {
        assert_eq!(
            strip_markup("<body><p>Jan</p><p>de Vries</p></body>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Jan", "de", "Vries"]
        );
        assert_eq!(strip_markup("a < b"), "a < b");
    }
}
