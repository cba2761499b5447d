//! Tracked changes, comment anchors and revision identifiers, resolved in the XML tree.
//!
//! Policy: revisions are accepted. Deleted text (`w:del`, which keeps the words in the file)
//! and moved-away text go; inserted text stays without its wrapper (and its author);
//! formatting changes lose their record of the old formatting; deleted table rows go.
//! Comment anchors go with the comments; `w:rsid…` attributes (editing sessions) go.

use super::xml::{Element, Node};

/// Elements removed with their content.
const REMOVED: &[&str] = &[
    "w:del",
    "w:moveFrom",
    "w:rPrChange",
    "w:pPrChange",
    "w:sectPrChange",
    "w:tblPrChange",
    "w:tblPrExChange",
    "w:tcPrChange",
    "w:trPrChange",
    "w:tblGridChange",
    "w:numberingChange",
    "w:moveFromRangeStart",
    "w:moveFromRangeEnd",
    "w:moveToRangeStart",
    "w:moveToRangeEnd",
    "w:customXmlInsRangeStart",
    "w:customXmlInsRangeEnd",
    "w:customXmlDelRangeStart",
    "w:customXmlDelRangeEnd",
    "w:customXmlMoveFromRangeStart",
    "w:customXmlMoveFromRangeEnd",
    "w:customXmlMoveToRangeStart",
    "w:customXmlMoveToRangeEnd",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:commentRangeStart",
    "w:commentRangeEnd",
    "w:commentReference",
];

/// Elements replaced by their content.
const UNWRAPPED: &[&str] = &["w:ins", "w:moveTo"];

/// What was resolved, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resolved {
    /// Deletions and moved-away text removed.
    pub deletions: usize,
    /// Insertions and moved-to text accepted.
    pub insertions: usize,
    /// Formatting changes accepted.
    pub formatting: usize,
    /// Comment anchors removed.
    pub comment_anchors: usize,
    /// Revision identifier attributes removed.
    pub rsids: usize,
}

impl Resolved {
    /// Whether anything was changed.
    pub fn any(&self) -> bool {
        *self != Resolved::default()
    }

    /// Adds another part's counts.
    pub fn add(&mut self, o: Resolved) {
        self.deletions += o.deletions;
        self.insertions += o.insertions;
        self.formatting += o.formatting;
        self.comment_anchors += o.comment_anchors;
        self.rsids += o.rsids;
    }
}

/// Resolves the revisions under `e` (and its attributes).
pub fn resolve(e: &mut Element, r: &mut Resolved) {
    let before = e.attrs.len();
    e.attrs.retain(|(k, _)| !k.starts_with("w:rsid"));
    r.rsids += before - e.attrs.len();
    // An author left on any other element (a stray revision mark) goes too.
    e.attrs
        .retain(|(k, _)| k != "w:author" && k != "w:initials");
    let children = std::mem::take(&mut e.children);
    for child in children {
        let Node::Element(mut c) = child else {
            e.children.push(child);
            continue;
        };
        if REMOVED.contains(&c.name.as_str()) {
            match c.name.as_str() {
                "w:del" | "w:moveFrom" | "w:cellDel" => r.deletions += 1,
                n if n.starts_with("w:comment") => r.comment_anchors += 1,
                n if n.ends_with("Change") => r.formatting += 1,
                _ => {}
            }
            continue;
        }
        if c.name == "w:tr" && is_deleted_row(&c) {
            r.deletions += 1;
            continue;
        }
        resolve(&mut c, r);
        if UNWRAPPED.contains(&c.name.as_str()) {
            r.insertions += 1;
            e.children.append(&mut c.children);
        } else if c.name == "w:r"
            && c.elements().all(|x| x.name == "w:rPr")
            && !c.children.is_empty()
            && had_only_anchor(&c)
        {
            // A run left holding nothing but its formatting (it held a comment reference).
        } else {
            e.children.push(Node::Element(c));
        }
    }
}

/// Whether a run has formatting only (its comment reference was removed).
fn had_only_anchor(run: &Element) -> bool {
    run.elements().all(|x| x.name == "w:rPr")
        && run.elements().any(|x| {
            x.elements()
                .any(|s| s.attr("w:val") == Some("CommentReference"))
        })
}

/// A table row whose properties mark it deleted.
fn is_deleted_row(tr: &Element) -> bool {
    tr.elements()
        .filter(|x| x.name == "w:trPr")
        .any(|p| p.elements().any(|x| x.name == "w:del"))
}

#[cfg(test)]
mod tests {
    use super::super::xml;
    use super::*;

    #[test]
    fn deletions_go_insertions_stay_without_author() {
        let src = r#"<w:body><w:p w:rsidR="00AB"><w:del w:author="Jan"><w:r><w:delText>weg</w:delText></w:r></w:del><w:ins w:author="Jan"><w:r><w:t>erbij</w:t></w:r></w:ins><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:rPrChange w:author="Jan"/></w:rPr><w:t>blijft</w:t></w:r></w:p></w:body>"#;
        let mut doc = xml::parse(src.as_bytes(), "p").unwrap();
        let mut r = Resolved::default();
        resolve(doc.root_mut().unwrap(), &mut r);
        let out = String::from_utf8(xml::write(&doc)).unwrap();
        assert_eq!(
            out,
            "<w:body><w:p><w:r><w:t>erbij</w:t></w:r><w:r><w:rPr/><w:t>blijft</w:t></w:r></w:p></w:body>"
        );
        assert_eq!(r.deletions, 1);
        assert_eq!(r.insertions, 1);
        assert_eq!(r.comment_anchors, 1);
        assert_eq!(r.rsids, 1);
    }
}
