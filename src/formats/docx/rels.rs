//! Relationships and content types: links to the parts that were dropped (comments, people,
//! thumbnail) are removed, and the attached template's path (which names a user's folder)
//! goes with `w:attachedTemplate`.

use super::xml::Element;

/// The part a relationship in `rels_name` points to, as a package name; `None` for external
/// targets.
pub fn target_part(rels_name: &str, rel: &Element) -> Option<String> {
    if rel.attr("TargetMode") == Some("External") {
        return None;
    }
    let target = rel.attr("Target")?;
    // `word/_rels/document.xml.rels` → base `word/`; `_rels/.rels` → base ``.
    let base = rels_name
        .strip_suffix(".rels")
        .and_then(|s| s.rsplit_once("_rels/"))
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_default();
    let joined = if let Some(abs) = target.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{base}{target}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Removes relationships to dropped parts and to the attached template; returns how many.
pub fn prune(rels_name: &str, root: &mut Element, dropped: &dyn Fn(&str) -> bool) -> usize {
    let before = root.children.len();
    root.children.retain(|c| match c {
        super::xml::Node::Element(rel) => {
            let template = rel
                .attr("Type")
                .is_some_and(|t| t.ends_with("/attachedTemplate"));
            !(template || target_part(rels_name, rel).is_some_and(|p| dropped(&p)))
        }
        _ => true,
    });
    before - root.children.len()
}

/// Removes content type overrides of dropped parts.
pub fn prune_content_types(root: &mut Element, dropped: &dyn Fn(&str) -> bool) {
    root.children.retain(|c| match c {
        super::xml::Node::Element(o) if o.name == "Override" => !o
            .attr("PartName")
            .is_some_and(|p| dropped(p.trim_start_matches('/'))),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_to_package_names() {
        let rel = |t: &str| Element {
            name: "Relationship".into(),
            attrs: vec![("Target".into(), t.into())],
            children: vec![],
        };
        assert_eq!(
            target_part("word/_rels/document.xml.rels", &rel("comments.xml")).as_deref(),
            Some("word/comments.xml")
        );
        assert_eq!(
            target_part("_rels/.rels", &rel("docProps/thumbnail.jpeg")).as_deref(),
            Some("docProps/thumbnail.jpeg")
        );
        assert_eq!(
            target_part(
                "word/_rels/document.xml.rels",
                &rel("../customXml/item1.xml")
            )
            .as_deref(),
            Some("customXml/item1.xml")
        );
    }
}
