//! Document properties and settings: the names Word records about a document's makers.
//! `dc:creator`, `cp:lastModifiedBy`, the manager and every custom property's value are
//! cleared; the editing-session identifiers (`w:rsids`) and document variables in
//! `settings.xml` are removed. Titles and subjects stay, read by the detectors.

use super::xml::{Element, Node};

/// Core property elements cleared.
const CORE_CLEARED: &[&str] = &["dc:creator", "cp:lastModifiedBy"];
/// Extended (app) property elements cleared.
const APP_CLEARED: &[&str] = &["Manager", "HyperlinkBase"];
/// Settings elements removed.
const SETTINGS_REMOVED: &[&str] = &["w:rsids", "w:docVars", "w:attachedTemplate"];

/// Clears the core properties' people; returns what it cleared.
pub fn core(root: &mut Element) -> Vec<String> {
    clear_children(root, CORE_CLEARED)
}

/// Clears the extended properties' people.
pub fn app(root: &mut Element) -> Vec<String> {
    clear_children(root, APP_CLEARED)
}

fn clear_children(root: &mut Element, names: &[&str]) -> Vec<String> {
    let mut cleared = Vec::new();
    for c in &mut root.children {
        if let Node::Element(e) = c
            && names.contains(&e.name.as_str())
            && !e.children.is_empty()
        {
            e.children.clear();
            cleared.push(e.name.clone());
        }
    }
    cleared
}

/// Clears every custom property's value; returns how many.
pub fn custom(root: &mut Element) -> usize {
    let mut n = 0;
    for c in &mut root.children {
        if let Node::Element(property) = c {
            for v in &mut property.children {
                if let Node::Element(value) = v
                    && !value.children.is_empty()
                {
                    value.children.clear();
                    n += 1;
                }
            }
        }
    }
    n
}

/// Removes the revision session identifiers and document variables from the settings.
pub fn settings(root: &mut Element) -> Vec<String> {
    let mut removed = Vec::new();
    root.children.retain(|c| match c {
        Node::Element(e) if SETTINGS_REMOVED.contains(&e.name.as_str()) => {
            removed.push(e.name.clone());
            false
        }
        _ => true,
    });
    removed
}
