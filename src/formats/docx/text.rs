//! The text of a Word part in reading order: runs' text (`w:t`), field instructions,
//! DrawingML and math text, and the attributes that carry text (tool tips, alternative text),
//! with line ends between paragraphs. A name split over runs is one text to the detectors;
//! a removal that spans runs is cut out of each, formatting untouched.

use super::xml::{Element, Node};
use crate::formats::model::{ModelRedaction, SegmentId, TextModel};

/// How a part's text is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holders {
    /// WordprocessingML: the text elements of runs, fields, drawings and math.
    Runs,
    /// Any other XML (custom XML, properties): every element's own text.
    AnyText,
    /// Relationships: the targets of external links (`mailto:` addresses, file paths).
    ExternalTargets,
}

/// Elements whose text is document text.
const RUN_TEXT: &[&str] = &["w:t", "w:instrText", "w:delText", "a:t", "m:t"];

/// Attributes that carry text.
const TEXT_ATTRIBUTES: &[&str] = &["w:tooltip", "w:instr", "descr", "title", "w:alias"];

/// One step of the walk.
enum Step<'a> {
    /// Text the model adds between pieces.
    Context(&'static str),
    /// An element whose text is one piece.
    Holder(&'a mut Element),
    /// An attribute value that is one piece.
    Attribute(&'a mut String),
}

fn walk(e: &mut Element, holders: Holders, f: &mut dyn FnMut(Step<'_>)) {
    if holders == Holders::ExternalTargets {
        let external = e.attr("TargetMode") == Some("External");
        for (k, v) in &mut e.attrs {
            if external && k == "Target" {
                f(Step::Context("\n"));
                f(Step::Attribute(v));
            }
        }
        for c in &mut e.children {
            if let Node::Element(c) = c {
                walk(c, holders, f);
            }
        }
        return;
    }
    for (k, v) in &mut e.attrs {
        if TEXT_ATTRIBUTES.contains(&k.as_str()) {
            f(Step::Context("\n"));
            f(Step::Attribute(v));
            f(Step::Context("\n"));
        }
    }
    let is_holder = match holders {
        Holders::Runs => RUN_TEXT.contains(&e.name.as_str()),
        Holders::ExternalTargets => false,
        Holders::AnyText => e
            .children
            .iter()
            .any(|c| matches!(c, Node::Text(t) if !t.trim().is_empty())),
    };
    if is_holder {
        if holders == Holders::AnyText {
            f(Step::Context("\n"));
        }
        f(Step::Holder(e));
        return;
    }
    for c in &mut e.children {
        if let Node::Element(c) = c {
            match c.name.as_str() {
                "w:tab" | "w:ptab" => f(Step::Context("\t")),
                "w:br" | "w:cr" => f(Step::Context("\n")),
                _ => {}
            }
            walk(c, holders, f);
        }
    }
    if matches!(e.name.as_str(), "w:p" | "a:p") {
        f(Step::Context("\n"));
    }
}

/// Appends a part's pieces to the model; returns how many segments it added.
pub fn read(root: &mut Element, holders: Holders, model: &mut TextModel) -> usize {
    let mut n = 0;
    walk(root, holders, &mut |step| match step {
        Step::Context(c) => model.context(c),
        Step::Holder(e) => {
            model.segment(&e.text());
            n += 1;
        }
        Step::Attribute(v) => {
            model.segment(v);
            n += 1;
        }
    });
    n
}

/// Writes the changed pieces back, segments numbered from `first` in the same walk order.
/// Returns whether anything changed.
pub fn write(
    root: &mut Element,
    holders: Holders,
    first: SegmentId,
    redaction: &ModelRedaction,
) -> bool {
    let mut id = first;
    let mut changed = false;
    walk(root, holders, &mut |step| match step {
        Step::Context(_) => {}
        Step::Holder(e) => {
            if let Some(Some(new)) = redaction.segments.get(id) {
                e.set_text(new);
                if e.name.starts_with("w:") {
                    e.set_attr("xml:space", "preserve");
                }
                changed = true;
            }
            id += 1;
        }
        Step::Attribute(v) => {
            if let Some(Some(new)) = redaction.segments.get(id) {
                *v = new.clone();
                changed = true;
            }
            id += 1;
        }
    });
    changed
}
