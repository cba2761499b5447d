//! Word documents (`.docx`), redacted as Word documents.
//!
//! Every text-bearing XML part (body, headers, footers, footnotes, endnotes, text boxes,
//! tables, drawings, custom XML, properties, external link targets) goes into one text
//! model; removals are cut out of the runs they span, formatting untouched. Comments and the
//! people list are removed, tracked changes accepted (see [`revisions`]), the authors and
//! editing sessions cleared (see [`props`]). Images and embedded objects cannot be redacted
//! here, so a document holding them fails closed. The written package is read back, every
//! XML part searched.

pub mod package;
pub mod props;
pub mod rels;
pub mod revisions;
pub mod text;
pub mod xml;

use crate::error::DocumentError;
use crate::formats::model::{ModelRedaction, TextModel, find_removed};
use crate::formats::seam::{self, Backend, Ran, Written};
use crate::formats::{Context, FormatError, FormatRedaction, FormatReport};
use crate::resolve::Removal;
use package::Entry;
use text::Holders;

/// What happens to one entry of the package.
enum Handling {
    /// Kept byte for byte.
    Keep,
    /// Left out of the output.
    Drop,
    /// Parsed; its text (if `holders`) is part of the model.
    Xml {
        doc: xml::Document,
        holders: Option<Holders>,
        /// First segment and count.
        first: usize,
        count: usize,
        /// Changed by the clean-up (revisions, properties).
        dirty: bool,
    },
}

/// A package read into a model.
struct Loaded {
    entries: Vec<Entry>,
    handling: Vec<Handling>,
    model: TextModel,
    notes: Vec<String>,
}

/// Parts removed with everything in them.
fn dropped_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "word/comments.xml"
            | "word/commentsextended.xml"
            | "word/commentsids.xml"
            | "word/commentsextensible.xml"
            | "word/people.xml"
    ) || lower.starts_with("docprops/thumbnail.")
}

/// Parts of structure and styling, kept as they are (searched when verifying).
fn structural_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let file = lower.rsplit('/').next().unwrap_or(&lower);
    lower.starts_with("word/theme/")
        || matches!(
            file,
            "styles.xml"
                | "stylesweffects.xml"
                | "styleswitheffects.xml"
                | "numbering.xml"
                | "fonttable.xml"
                | "websettings.xml"
        )
        || lower.starts_with("customxml/itemprops")
}

fn load(bytes: &[u8]) -> Result<Loaded, FormatError> {
    let entries = package::read(bytes)?;
    if !entries.iter().any(|e| e.name == "[Content_Types].xml") {
        return Err(FormatError::Malformed {
            format: "Word document",
            reason: "no [Content_Types].xml: not an Office package".into(),
        });
    }
    if !entries.iter().any(|e| e.name == "word/document.xml") {
        return Err(FormatError::Unsupported(
            "no word/document.xml: not a Word document (or a strict/unusual layout)".into(),
        ));
    }
    let mut notes = Vec::new();
    let mut resolved = revisions::Resolved::default();
    let mut handling = Vec::with_capacity(entries.len());
    for e in &entries {
        let lower = e.name.to_ascii_lowercase();
        if dropped_part(&e.name) {
            notes.push(format!("part removed: {}", e.name));
            handling.push(Handling::Drop);
            continue;
        }
        let is_xml = lower.ends_with(".xml") || lower.ends_with(".rels");
        if !is_xml {
            if lower.starts_with("word/fonts/") {
                handling.push(Handling::Keep);
                continue;
            }
            let what = if lower.starts_with("word/media/") {
                "an embedded image"
            } else {
                "an embedded object"
            };
            return Err(FormatError::Unsupported(format!(
                "{} is {what}, which cannot be redacted here",
                crate::formats::shown(&e.name)
            )));
        }
        let mut doc = xml::parse(&e.bytes, &e.name)?;
        let mut dirty = false;
        let holders = if structural_part(&e.name) {
            None
        } else if lower.ends_with(".rels") {
            if let Some(root) = doc.root_mut() {
                dirty |= rels::prune(&e.name, root, &dropped_part) > 0;
            }
            Some(Holders::ExternalTargets)
        } else if lower == "[content_types].xml" {
            if let Some(root) = doc.root_mut() {
                rels::prune_content_types(root, &dropped_part);
            }
            dirty = true;
            None
        } else if lower == "docprops/core.xml" {
            let cleared = doc.root_mut().map(props::core).unwrap_or_default();
            dirty |= !cleared.is_empty();
            notes.extend(
                cleared
                    .into_iter()
                    .map(|c| format!("property cleared: {c}")),
            );
            Some(Holders::AnyText)
        } else if lower == "docprops/app.xml" {
            let cleared = doc.root_mut().map(props::app).unwrap_or_default();
            dirty |= !cleared.is_empty();
            notes.extend(
                cleared
                    .into_iter()
                    .map(|c| format!("property cleared: {c}")),
            );
            None
        } else if lower == "docprops/custom.xml" {
            let n = doc.root_mut().map(props::custom).unwrap_or(0);
            if n > 0 {
                dirty = true;
                notes.push(format!("custom properties cleared: {n}"));
            }
            None
        } else if lower == "word/settings.xml" || lower == "word/glossary/settings.xml" {
            let removed = doc.root_mut().map(props::settings).unwrap_or_default();
            dirty |= !removed.is_empty();
            notes.extend(removed.into_iter().map(|c| format!("setting removed: {c}")));
            None
        } else if lower.starts_with("word/") {
            let mut r = revisions::Resolved::default();
            if let Some(root) = doc.root_mut() {
                revisions::resolve(root, &mut r);
            }
            dirty |= r.any();
            resolved.add(r);
            Some(Holders::Runs)
        } else {
            Some(Holders::AnyText)
        };
        handling.push(Handling::Xml {
            doc,
            holders,
            first: 0,
            count: 0,
            dirty,
        });
    }
    if resolved.deletions + resolved.insertions + resolved.formatting > 0 {
        notes.push(format!(
            "tracked changes accepted: {} deletion(s) removed, {} insertion(s) kept, {} \
             formatting change(s)",
            resolved.deletions, resolved.insertions, resolved.formatting
        ));
    }
    if resolved.comment_anchors > 0 {
        notes.push(format!(
            "comment anchors removed: {}",
            resolved.comment_anchors
        ));
    }
    if resolved.rsids > 0 {
        notes.push(format!("revision identifiers removed: {}", resolved.rsids));
    }
    // The model: the body first, then the other parts in package order.
    let mut model = TextModel::default();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries[i].name != "word/document.xml");
    for i in order {
        if let Handling::Xml {
            doc,
            holders: Some(h),
            first,
            count,
            ..
        } = &mut handling[i]
            && let Some(root) = doc.root_mut()
        {
            model.begin_part(entries[i].name.clone());
            *first = model.len();
            *count = text::read(root, *h, &mut model);
        }
    }
    Ok(Loaded {
        entries,
        handling,
        model,
        notes,
    })
}

/// Redacts a Word document.
pub fn redact(bytes: &[u8], cx: Context<'_>) -> Result<FormatRedaction, FormatError> {
    redact_nested(bytes, cx, 0)
}

/// The model text of a Word document.
pub fn text(bytes: &[u8]) -> Option<String> {
    load(bytes).ok().map(|l| l.model.text().to_string())
}

/// Redacts a Word document `depth` documents deep.
pub(crate) fn redact_nested(
    bytes: &[u8],
    cx: Context<'_>,
    depth: usize,
) -> Result<FormatRedaction, FormatError> {
    run(bytes, cx, depth, None)
        .map(Ran::into_format_redaction)
        .map_err(seam::format_error)
}

/// Runs a Word document `depth` documents deep through the pipeline.
pub(crate) fn run(
    bytes: &[u8],
    cx: Context<'_>,
    depth: usize,
    reviewed: Option<&[Removal]>,
) -> Result<Ran, DocumentError> {
    if depth > crate::formats::eml::MAX_DOCUMENT_DEPTH {
        return Err(FormatError::Limit("attachments nested too deep".into()).into());
    }
    seam::run(load(bytes)?, cx, reviewed)
}

impl Backend for Loaded {
    type ReadBack = Vec<Entry>;

    fn model(&self) -> &TextModel {
        &self.model
    }

    fn write(
        &mut self,
        redaction: &ModelRedaction,
        _cx: Context<'_>,
    ) -> Result<Written, FormatError> {
        let mut out = Vec::with_capacity(self.entries.len());
        for (e, h) in self.entries.iter().zip(&mut self.handling) {
            match h {
                Handling::Drop => {}
                Handling::Keep => out.push(e.clone()),
                Handling::Xml {
                    doc,
                    holders,
                    first,
                    count,
                    dirty,
                } => {
                    let mut changed = *dirty;
                    if let (Some(hs), Some(root)) = (holders, doc.root_mut())
                        && *count > 0
                    {
                        changed |= text::write(root, *hs, *first, redaction);
                    }
                    out.push(Entry {
                        name: e.name.clone(),
                        bytes: if changed {
                            xml::write(doc)
                        } else {
                            e.bytes.clone()
                        },
                    });
                }
            }
        }
        let output = package::write(&out)?;
        let mut notes = self.notes.clone();
        notes.dedup();
        Ok(Written {
            bytes: output,
            records: Vec::new(),
            report: FormatReport {
                format: "docx".into(),
                notes,
            },
        })
    }

    /// The written package must read.
    fn read_back(&self, written: &[u8]) -> Result<(TextModel, Vec<Entry>), FormatError> {
        let again = load(written).map_err(|e| {
            FormatError::Verification(format!("the written package does not read: {e}"))
        })?;
        Ok((again.model, again.entries))
    }

    /// Every XML part parses, and none holds removed text, deleted text, a revision author
    /// or a comment.
    fn check_read_back(&self, entries: &Vec<Entry>, removed: &[String]) -> Result<(), FormatError> {
        let fail = |m: String| FormatError::Verification(m);
        for e in entries {
            if dropped_part(&e.name) {
                return Err(fail(format!(
                    "{} is still in the package",
                    crate::formats::shown(&e.name)
                )));
            }
            let lower = e.name.to_ascii_lowercase();
            if !(lower.ends_with(".xml") || lower.ends_with(".rels")) {
                continue;
            }
            let doc = xml::parse(&e.bytes, &e.name).map_err(|x| fail(x.to_string()))?;
            let raw = String::from_utf8_lossy(&e.bytes);
            if lower.starts_with("word/") && !structural_part(&e.name) {
                for marker in [
                    "<w:del ",
                    "<w:del>",
                    "<w:delText",
                    "w:author=",
                    "<w:commentReference",
                ] {
                    if raw.contains(marker) {
                        return Err(fail(format!(
                            "{} still holds `{marker}`",
                            crate::formats::shown(&e.name)
                        )));
                    }
                }
            }
            if !removed.is_empty() && find_removed(&xml::all_text(&doc), removed).is_some() {
                return Err(fail(format!(
                    "removed text is still readable in {}",
                    crate::formats::shown(&e.name)
                )));
            }
        }
        Ok(())
    }
}
