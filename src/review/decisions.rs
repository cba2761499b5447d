//! `decisions.jsonl`: written by `scan --review`, edited by a reviewer, applied by
//! `redact --decisions`.
//!
//! A proposed removal's line is its audit record (for an e-mail or Word document with its
//! `part` and offsets within it) plus `decision` (`remove` or `keep`),
//! `text_start`/`text_end` (byte offsets into the document's text as the scan read it: an
//! e-mail or Word document's text model, all its parts),
//! `document_blake3` (a digest of that text) and `text` (the removed text, for the reviewer).
//! A manual line is `{"document": D, "text": T, "category": C, "ground": G}` and removes every
//! occurrence of `T` in `D` (`"*"`: in every document).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::{REVIEW_DETECTOR, text_digest};
use crate::document::DocumentScan;
use crate::error::DocumentError;
use crate::policy::{Category, Ground, Policy};
use crate::resolve::{Removal, merge_removals};

/// The decision lines of one file, by document.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    proposed: BTreeMap<String, Vec<Proposed>>,
    manual: BTreeMap<String, Vec<Manual>>,
}

#[derive(Debug, Clone)]
struct Proposed {
    start: usize,
    end: usize,
    keep: bool,
    document_blake3: String,
}

#[derive(Clone)]
struct Manual {
    text: String,
    category: Category,
    ground: Ground,
}

impl std::fmt::Debug for Manual {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Manual")
            .field("category", &self.category)
            .finish_non_exhaustive()
    }
}

/// A decisions file that cannot be used; names the line, never its text.
#[derive(Debug, thiserror::Error)]
#[error("decisions file {path}: {reason}")]
pub struct DecisionError {
    /// The file.
    pub path: String,
    /// What is wrong, with the line number.
    pub reason: String,
}

/// The decision lines `scan --review` writes for one document.
pub(crate) fn lines(document: &str, doc: &DocumentScan) -> Vec<String> {
    let digest = text_digest(&doc.text);
    doc.removals
        .iter()
        .zip(&doc.records)
        .map(|(r, record)| {
            let mut line = match serde_json::to_value(record) {
                Ok(Value::Object(map)) => map,
                _ => Map::new(),
            };
            line.insert("document".into(), document.into());
            line.insert("decision".into(), "remove".into());
            line.insert("text_start".into(), r.start.into());
            line.insert("text_end".into(), r.end.into());
            line.insert("document_blake3".into(), digest.clone().into());
            line.insert(
                "text".into(),
                doc.text.get(r.start..r.end).unwrap_or("").into(),
            );
            Value::Object(line).to_string()
        })
        .collect()
}

impl Decisions {
    /// Reads and checks a decisions file; any malformed line fails the whole file.
    pub fn from_file(path: &Path) -> Result<Decisions, DecisionError> {
        let fail = |reason: String| DecisionError {
            path: path.display().to_string(),
            reason,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| fail(format!("cannot be read as UTF-8 text ({})", e.kind())))?;
        Decisions::parse(&text).map_err(fail)
    }

    /// Parses the lines of a decisions file (blank lines are ignored).
    pub fn parse(text: &str) -> Result<Decisions, String> {
        let mut out = Decisions::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let n = i + 1;
            let bad = |what: &str| format!("line {n}: {what}");
            // serde_json's messages can quote values: only its position is reported.
            let value: Value = serde_json::from_str(line)
                .map_err(|e| bad(&format!("not valid JSON (column {})", e.column())))?;
            let Value::Object(map) = value else {
                return Err(bad("not a JSON object"));
            };
            let document = string(&map, "document").ok_or_else(|| bad("no \"document\""))?;
            let decision = match map.get("decision") {
                None => None,
                Some(Value::String(d)) if d == "remove" => Some(false),
                Some(Value::String(d)) if d == "keep" => Some(true),
                Some(_) => return Err(bad("\"decision\" is neither \"remove\" nor \"keep\"")),
            };
            if map.contains_key("text_start") {
                let offset = |k| map.get(k).and_then(Value::as_u64).map(|v| v as usize);
                let (Some(start), Some(end)) = (offset("text_start"), offset("text_end")) else {
                    return Err(bad("\"text_start\" and \"text_end\" must be numbers"));
                };
                let keep = decision.ok_or_else(|| bad("no \"decision\""))?;
                let document_blake3 =
                    string(&map, "document_blake3").ok_or_else(|| bad("no \"document_blake3\""))?;
                if start >= end {
                    return Err(bad("an empty range"));
                }
                out.proposed.entry(document).or_default().push(Proposed {
                    start,
                    end,
                    keep,
                    document_blake3,
                });
            } else {
                if decision == Some(true) {
                    return Err(bad("a manual line cannot be \"keep\""));
                }
                let text = string(&map, "text")
                    .filter(|t| !t.trim().is_empty())
                    .ok_or_else(|| bad("a manual line needs a non-empty \"text\""))?;
                let category: Category = map
                    .get("category")
                    .and_then(|c| serde_json::from_value(c.clone()).ok())
                    .ok_or_else(|| bad("no valid \"category\""))?;
                let ground = string(&map, "ground")
                    .and_then(|g| Ground::parse(&g))
                    .ok_or_else(|| bad("no valid \"ground\""))?;
                out.manual.entry(document).or_default().push(Manual {
                    text,
                    category,
                    ground,
                });
            }
        }
        Ok(out)
    }

    /// The removals to make in `document`, whose fresh scan is `scan`: the proposed removals
    /// decided `remove`, and every occurrence of the manual texts (in an e-mail or Word
    /// document, those in its own text, not in the context its model added, such as `Van: `),
    /// merged as the pipeline merges findings (overlapping and touching ones become one).
    /// Fails when the document changed since the review scan, or when the decisions and the
    /// scan disagree.
    pub(crate) fn removals(
        &self,
        document: &str,
        scan: &DocumentScan,
        policy: &Policy,
    ) -> Result<Vec<Removal>, DocumentError> {
        let review = |why: &str| DocumentError::Review(why.to_string());
        let digest = text_digest(&scan.text);
        let proposed = self.proposed.get(document).map_or(&[][..], Vec::as_slice);
        if proposed.iter().any(|p| p.document_blake3 != digest) {
            return Err(review(
                "the document changed since the review scan (its text is not the text the \
                 decisions were made on): scan it again with --review",
            ));
        }
        let mut out = Vec::new();
        for r in &scan.removals {
            let decided = proposed
                .iter()
                .find(|p| p.start == r.start && p.end == r.end);
            match decided {
                Some(p) if p.keep => {}
                Some(_) => out.push(r.clone()),
                None => {
                    return Err(review(
                        "the scan proposes a removal the decisions file has no line for (were \
                         the lists or the policy changed?): scan it again with --review",
                    ));
                }
            }
        }
        if proposed.len() != scan.removals.len() {
            return Err(review(
                "the decisions file has lines for removals the scan does not propose: scan it \
                 again with --review",
            ));
        }
        let manual = self.manual.get(document).into_iter().flatten();
        for m in manual.chain(self.manual.get("*").into_iter().flatten()) {
            for (start, found) in scan.text.match_indices(m.text.as_str()) {
                let removal = Removal::new(
                    start,
                    start + found.len(),
                    m.category,
                    m.ground.clone(),
                    REVIEW_DETECTOR,
                    "added by a reviewer",
                );
                if scan.model.as_ref().is_none_or(|m| m.in_document(&removal)) {
                    out.push(removal);
                }
            }
        }
        Ok(merge_removals(out, policy))
    }
}

fn string(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_are_refused_without_their_text() {
        for bad in [
            "{",
            "[]",
            r#"{"text":"Jan Geheim"}"#,
            r#"{"document":"a","text":"Jan Geheim","category":"nope","ground":"5.1.2e"}"#,
            r#"{"document":"a","text":"Jan Geheim","category":"name","ground":"x"}"#,
            r#"{"document":"a","text_start":1,"text_end":3,"decision":"maybe","document_blake3":"x"}"#,
            r#"{"document":"a","text_start":3,"text_end":3,"decision":"keep","document_blake3":"x"}"#,
        ] {
            let err = Decisions::parse(bad).unwrap_err();
            assert!(err.starts_with("line 1"), "{err}");
            assert!(!err.contains("Geheim"), "{err}");
        }
        let ok = r#"{"document":"*","text":"Jan","category":"name","ground":"5.1.2e"}"#;
        assert!(Decisions::parse(&format!("{ok}\n\n{ok}\n")).is_ok());
    }

    #[test]
    fn manual_text_in_an_e_mail_is_removed_where_the_message_has_it_only() {
        let redactor = crate::Redactor::new(crate::Policy::default(), &Default::default()).unwrap();
        let options = crate::batch::BatchOptions::new(crate::DigestKey::random());
        let mail = b"Subject: Vraag\n\nOnderwerp van gesprek.\n";
        let kind = crate::DocumentKind::Format(crate::formats::Format::Eml);
        let scan =
            crate::document::scan_in(kind, mail, options.context(&redactor, "a.eml")).unwrap();
        // The model puts the label `Onderwerp: ` before the subject: that is not the message's.
        assert!(scan.text.starts_with("Onderwerp: Vraag"));
        let manual = r#"{"document":"*","text":"Onderwerp","category":"other","ground":"5.1.2e"}"#;
        let removals = Decisions::parse(manual)
            .unwrap()
            .removals("a.eml", &scan, redactor.policy())
            .unwrap();
        assert_eq!(removals.len(), 1);
        assert_eq!(removals[0].start, scan.text.rfind("Onderwerp").unwrap());
    }
}
