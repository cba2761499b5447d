//! Sanitising: everything outside the page content that can carry personal data or act on
//! the reader goes, before the document is pruned and written as a full rewrite.
//!
//! - the Info dictionary and all XMP metadata (the 2025 breach at the ministries was
//!   metadata);
//! - annotations, except plain links (without their appearance streams) that hold no
//!   removed text; form fields, embedded files,
//!   JavaScript and every other action that runs on opening or on events; thumbnails,
//!   `/PieceInfo`, article threads;
//! - texts under `/ActualText`, `/Alt`, `/E`, `/T`, `/TU`, `/TM` and `/Title` (structure tree,
//!   outlines) are redacted with the same detectors and the document's removed strings.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::annots::Annotation;
use super::load::Page;

/// Catalog entries removed outright.
const CATALOG_KEYS: [&[u8]; 10] = [
    b"Metadata",
    b"OpenAction",
    b"AA",
    b"AcroForm",
    b"PieceInfo",
    b"Threads",
    b"SpiderInfo",
    b"Perms",
    b"Collection",
    b"Legal",
];

/// Page entries removed outright (`/Annots` is filtered separately).
const PAGE_KEYS: [&[u8]; 5] = [b"AA", b"Thumb", b"PieceInfo", b"Metadata", b"B"];

/// Keys removed from every dictionary in the document.
const ANYWHERE_KEYS: [&[u8]; 3] = [b"Metadata", b"PieceInfo", b"AA"];

/// Keys whose text strings are redacted wherever they appear.
const TEXT_KEYS: [&[u8]; 7] = [b"ActualText", b"Alt", b"E", b"T", b"TU", b"TM", b"Title"];

/// Deepest nesting of direct objects walked.
const MAX_DEPTH: usize = 64;

/// Sanitises the document. `keep[i]` says whether `annotations[i]` stays; `scrub` returns
/// the redacted form of a text that holds personal data. Returns what was removed, for the
/// summary.
pub(crate) fn sanitize(
    doc: &mut Document,
    pages: &[Page],
    annotations: &[Annotation],
    keep: &[bool],
    scrub: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut notes = Vec::new();
    let root = doc.trailer.get(b"Root").ok().cloned();
    if doc.trailer.has(b"Info") {
        notes.push("document information dictionary".to_string());
    }
    doc.trailer = Dictionary::new();
    if let Some(root) = root {
        doc.trailer.set("Root", root);
    }

    if let Ok(catalog) = doc.catalog_mut() {
        for key in CATALOG_KEYS {
            if catalog.remove(key).is_some() {
                notes.push(format!("catalog /{}", String::from_utf8_lossy(key)));
            }
        }
    }
    strip_name_tree(doc, &mut notes);

    let mut delete = BTreeSet::new();
    let mut removed_annotations = 0;
    for (index, page) in pages.iter().enumerate() {
        let kept: Vec<Object> = annotations
            .iter()
            .zip(keep)
            .filter(|(a, k)| a.page == index && **k)
            .filter_map(|(a, _)| a.id.map(Object::Reference))
            .collect();
        for (a, _) in annotations
            .iter()
            .zip(keep)
            .filter(|(a, k)| a.page == index && !**k)
        {
            removed_annotations += 1;
            if let Some(id) = a.id {
                delete.insert(id);
                let popup = doc
                    .get_dictionary(id)
                    .ok()
                    .and_then(|d| d.get(b"Popup").ok())
                    .and_then(|o| o.as_reference().ok());
                delete.extend(popup);
            }
        }
        let Ok(dict) = doc.get_object_mut(page.id).and_then(Object::as_dict_mut) else {
            continue;
        };
        for key in PAGE_KEYS {
            dict.remove(key);
        }
        // References to missing content streams were read as null.
        if let Ok(Object::Array(contents)) = dict.get_mut(b"Contents") {
            contents.retain(|o| matches!(o, Object::Reference(_)));
        }
        if kept.is_empty() {
            dict.remove(b"Annots");
        } else {
            dict.set("Annots", kept.clone());
        }
        // A kept link's appearance stream is not read, so it goes; the link still works.
        for id in kept.iter().filter_map(|o| o.as_reference().ok()) {
            if let Ok(link) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
                link.remove(b"AP");
            }
        }
    }
    if removed_annotations > 0 {
        notes.push(format!("{removed_annotations} annotation(s)"));
    }
    delete_objects(doc, &delete);

    for object in doc.objects.values_mut() {
        clean(object, scrub, 0);
    }
    doc.prune_objects();
    notes
}

/// Keeps only the named destinations of the catalog's `/Names` (embedded files, JavaScript,
/// templates and the rest go).
fn strip_name_tree(doc: &mut Document, notes: &mut Vec<String>) {
    let Ok(catalog) = doc.catalog() else {
        return;
    };
    let names = match catalog.get(b"Names") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok().cloned(),
        Ok(Object::Dictionary(d)) => Some(d.clone()),
        _ => None,
    };
    let Some(names) = names else {
        return;
    };
    for (key, _) in names.iter().filter(|(k, _)| k.as_slice() != b"Dests") {
        notes.push(format!("/Names /{}", String::from_utf8_lossy(key)));
    }
    let dests = names.get(b"Dests").ok().cloned();
    if let Ok(catalog) = doc.catalog_mut() {
        match dests {
            Some(d) => catalog.set("Names", lopdf::dictionary! { "Dests" => d }),
            None => {
                catalog.remove(b"Names");
            }
        }
    }
}

/// Deletes objects and every reference to them (array elements and dictionary entries).
pub(crate) fn delete_objects(doc: &mut Document, ids: &BTreeSet<ObjectId>) {
    if ids.is_empty() {
        return;
    }
    for id in ids {
        doc.objects.remove(id);
    }
    let is_deleted = |o: &Object| matches!(o, Object::Reference(id) if ids.contains(id));
    fn walk(o: &mut Object, is_deleted: &dyn Fn(&Object) -> bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match o {
            Object::Array(items) => {
                items.retain(|i| !is_deleted(i));
                items
                    .iter_mut()
                    .for_each(|i| walk(i, is_deleted, depth + 1));
            }
            Object::Dictionary(d) => {
                let gone: Vec<Vec<u8>> = d
                    .iter()
                    .filter(|(_, v)| is_deleted(v))
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in gone {
                    d.remove(&k);
                }
                d.iter_mut()
                    .for_each(|(_, v)| walk(v, is_deleted, depth + 1));
            }
            Object::Stream(s) => walk_dict(&mut s.dict, is_deleted, depth),
            _ => {}
        }
    }
    fn walk_dict(d: &mut Dictionary, is_deleted: &dyn Fn(&Object) -> bool, depth: usize) {
        let mut o = Object::Dictionary(std::mem::take(d));
        walk(&mut o, is_deleted, depth);
        if let Object::Dictionary(back) = o {
            *d = back;
        }
    }
    for object in doc.objects.values_mut() {
        walk(object, &is_deleted, 0);
    }
}

/// Removes metadata, additional actions and JavaScript, and redacts text entries, in one
/// object and everything directly inside it.
fn clean(o: &mut Object, scrub: &dyn Fn(&str) -> Option<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let dict = match o {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &mut s.dict,
        Object::Array(items) => {
            for i in items {
                clean(i, scrub, depth + 1);
            }
            return;
        }
        _ => return,
    };
    for key in ANYWHERE_KEYS {
        dict.remove(key);
    }
    if dict.get(b"S").and_then(Object::as_name).ok() == Some(b"JavaScript") {
        dict.remove(b"JS");
    }
    for key in TEXT_KEYS {
        if let Ok(value @ Object::String(..)) = dict.get(key)
            && let Ok(text) = lopdf::decode_text_string(value)
            && let Some(clean) = scrub(&text)
        {
            dict.set(key, lopdf::text_string(&clean));
        }
    }
    for (_, v) in dict.iter_mut() {
        clean(v, scrub, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    fn scrub(t: &str) -> Option<String> {
        t.contains("Jan").then(|| t.replace("Jan", "[5.1.2e]"))
    }

    #[test]
    fn metadata_actions_and_texts_go() {
        let mut doc = Document::with_version("1.7");
        let xmp = doc.add_object(Stream::new(
            dictionary! {},
            b"<x:xmpmeta>Jan</x:xmpmeta>".to_vec(),
        ));
        let info = doc.add_object(dictionary! { "Author" => Object::string_literal("Jan") });
        let js = doc.add_object(
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
        );
        let pages =
            doc.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let elem = doc.add_object(dictionary! { "S" => "Figure", "Alt" => Object::string_literal("foto van Jan"), "T" => Object::string_literal("titel") });
        let root = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => pages, "Metadata" => xmp, "OpenAction" => js,
            "StructTreeRoot" => dictionary! { "K" => elem },
            "Names" => dictionary! { "EmbeddedFiles" => dictionary! {}, "Dests" => dictionary! {} },
        });
        doc.trailer.set("Root", root);
        doc.trailer.set("Info", info);
        let notes = sanitize(&mut doc, &[], &[], &[], &scrub);
        assert!(!doc.trailer.has(b"Info"));
        assert!(doc.get_object(xmp).is_err(), "XMP is pruned");
        assert!(doc.get_object(info).is_err());
        assert!(doc.get_object(js).is_err());
        let catalog = doc.catalog().unwrap();
        assert!(!catalog.has(b"Metadata") && !catalog.has(b"OpenAction"));
        let names = catalog.get(b"Names").unwrap().as_dict().unwrap();
        assert!(names.has(b"Dests") && !names.has(b"EmbeddedFiles"));
        let elem = doc.get_dictionary(elem).unwrap();
        assert_eq!(
            lopdf::decode_text_string(elem.get(b"Alt").unwrap()).unwrap(),
            "foto van [5.1.2e]"
        );
        assert_eq!(elem.get(b"T").unwrap().as_str().unwrap(), b"titel");
        assert!(notes.iter().any(|n| n.contains("information")));
    }
}
