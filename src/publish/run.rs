//! Reading a completed redact run from disk: `summary.json`, `audit.jsonl` and the outputs.
//! Only the files are read (not the batch internals), and everything is checked: a run that
//! was interrupted, a summary and audit log that disagree, or an output without a recorded
//! hash is refused.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::dates::Date;
use super::error::PublishError;

/// The work directory an unfinished run leaves in its output folder.
const WORK_DIR: &str = ".woo-redact";

/// One removed item of the audit log, as far as publishing needs it.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    /// The document, as in `audit.jsonl`.
    pub document: String,
    /// 1-based item number within the document.
    pub item: usize,
    /// Category, e.g. `name`.
    pub category: String,
    /// Woo ground, e.g. `5.1.2e`.
    pub ground: String,
    /// Keyed hash of the removed text.
    pub digest: String,
}

/// The kind of a document, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A `.txt` file.
    Text,
    /// A `.pdf` file.
    Pdf,
}

/// A document of the run with an output.
#[derive(Debug, Clone)]
pub struct RunDocument {
    /// Its path relative to its input root, as in `audit.jsonl`.
    pub document: String,
    /// Text or PDF.
    pub kind: Kind,
    /// The lower-case extension of the output (`txt`, `pdf`).
    pub extension: String,
    /// The output file in the run folder.
    pub output: PathBuf,
    /// BLAKE3 (hex) of the output, as the run recorded it.
    pub output_blake3: String,
    /// Its removed items, in audit-log order.
    pub items: Vec<Item>,
}

/// A completed run.
#[derive(Debug)]
pub struct Run {
    /// The run folder.
    pub dir: PathBuf,
    /// The documents with an output, in input order.
    pub documents: Vec<RunDocument>,
    /// Ground labels recorded by the run (`summary.json` → `grounds`).
    pub ground_labels: BTreeMap<String, String>,
    /// Documents the run skipped (not `.txt` or `.pdf`).
    pub skipped: Vec<String>,
    /// Documents that failed in the run (left out only with `--skip-failed`).
    pub failed: Vec<String>,
    /// BLAKE3 of `summary.json` and of `audit.jsonl`, for the package record.
    pub summary_blake3: String,
    /// See `summary_blake3`.
    pub audit_blake3: String,
    /// The day `summary.json` was written (the end of the run).
    pub finished: Option<Date>,
}

#[derive(Deserialize)]
struct SummaryFile {
    tool: String,
    #[serde(default)]
    grounds: BTreeMap<String, String>,
    documents: Vec<SummaryDocument>,
    totals: serde_json::Value,
}

#[derive(Deserialize)]
struct SummaryDocument {
    document: String,
    status: String,
    #[serde(default)]
    output_blake3: Option<String>,
    #[serde(default)]
    removals: usize,
}

/// Reads and checks the run in `dir`. Failed documents are an error unless `skip_failed`.
pub fn read(dir: &Path, skip_failed: bool) -> Result<Run, PublishError> {
    let not_a_run = |reason: String| PublishError::NotARun {
        path: dir.to_path_buf(),
        reason,
    };
    if !dir.is_dir() {
        return Err(not_a_run("no such folder".into()));
    }
    if dir.join(WORK_DIR).exists() {
        return Err(not_a_run(format!(
            "it was interrupted ({WORK_DIR}/ is still there); finish it with `redact --resume`"
        )));
    }
    let summary_path = dir.join("summary.json");
    let audit_path = dir.join("audit.jsonl");
    for p in [&summary_path, &audit_path] {
        if !p.is_file() {
            return Err(not_a_run(format!(
                "{} is missing",
                p.file_name().unwrap_or_default().to_string_lossy()
            )));
        }
    }
    let read = |p: &Path| {
        std::fs::read(p).map_err(|e| PublishError::Read {
            path: p.to_path_buf(),
            source: e,
        })
    };
    let summary_bytes = read(&summary_path)?;
    let summary: SummaryFile = serde_json::from_slice(&summary_bytes)
        .map_err(|e| not_a_run(format!("summary.json cannot be read: {e}")))?;
    if summary.tool != "woo-redact" || !summary.totals.is_object() {
        return Err(not_a_run("summary.json is not a woo-redact summary".into()));
    }
    let audit_bytes = read(&audit_path)?;
    let mut items = read_audit(&audit_bytes).map_err(not_a_run)?;

    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    let mut failed = Vec::new();
    let mut seen = HashMap::new();
    for d in summary.documents {
        if seen.insert(d.document.clone(), ()).is_some() {
            return Err(not_a_run(format!(
                "summary.json lists {} twice",
                d.document
            )));
        }
        let own = items.remove(&d.document).unwrap_or_default();
        match d.status.as_str() {
            "skipped" => {
                skipped.push(d.document);
                continue;
            }
            "failed" => {
                failed.push(d.document);
                continue;
            }
            "redacted" | "unchanged" => {}
            other => {
                return Err(not_a_run(format!(
                    "{}: unknown status `{other}` in summary.json",
                    d.document
                )));
            }
        }
        let count_ok = own.len() == d.removals
            && (d.status == "redacted") != own.is_empty()
            && own.iter().enumerate().all(|(i, it)| it.item == i + 1);
        if !count_ok {
            return Err(not_a_run(format!(
                "{}: audit.jsonl and summary.json disagree on its removed items",
                d.document
            )));
        }
        let Some(output_blake3) = d.output_blake3 else {
            return Err(not_a_run(format!(
                "{}: summary.json records no hash of the output (a run by an older \
                 woo-redact); redo the run",
                d.document
            )));
        };
        let (output, kind, extension) = output_of(dir, &d.document).map_err(not_a_run)?;
        documents.push(RunDocument {
            document: d.document,
            kind,
            extension,
            output,
            output_blake3,
            items: own,
        });
    }
    if let Some(document) = items.keys().next() {
        return Err(not_a_run(format!(
            "audit.jsonl has items of {document}, which summary.json does not list as redacted"
        )));
    }
    if !failed.is_empty() && !skip_failed {
        return Err(not_a_run(format!(
            "{} document(s) failed in the run (first: {}); redo them, or leave them out of \
             the package with --skip-failed",
            failed.len(),
            failed[0]
        )));
    }
    let finished = std::fs::metadata(&summary_path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| Date::from_unix_seconds(i64::try_from(d.as_secs()).ok()?));
    Ok(Run {
        dir: dir.to_path_buf(),
        documents,
        ground_labels: summary.grounds,
        skipped,
        failed,
        summary_blake3: blake3::hash(&summary_bytes).to_hex().to_string(),
        audit_blake3: blake3::hash(&audit_bytes).to_hex().to_string(),
        finished,
    })
}

/// The audit log's items, per document, in file order.
fn read_audit(bytes: &[u8]) -> Result<HashMap<String, Vec<Item>>, String> {
    let mut out: HashMap<String, Vec<Item>> = HashMap::new();
    for (i, line) in bytes.lines().enumerate() {
        let line = line.map_err(|e| format!("audit.jsonl cannot be read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: Item =
            serde_json::from_str(&line).map_err(|e| format!("audit.jsonl, line {}: {e}", i + 1))?;
        out.entry(item.document.clone()).or_default().push(item);
    }
    Ok(out)
}

/// The output path of `document` in the run folder, its kind and extension. The path must be
/// a plain relative path (no `..`, no root), as the run writes it.
fn output_of(dir: &Path, document: &str) -> Result<(PathBuf, Kind, String), String> {
    let mut path = dir.to_path_buf();
    for part in document.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains('\\') {
            return Err(format!("`{document}` is not a plain relative path"));
        }
        path.push(part);
    }
    let extension = Path::new(document)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let kind = match extension.as_str() {
        "txt" => Kind::Text,
        "pdf" => Kind::Pdf,
        _ => return Err(format!("{document}: not a .txt or .pdf document")),
    };
    Ok((path, kind, extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside_the_run() {
        let dir = Path::new("/run");
        assert!(output_of(dir, "a/b.txt").is_ok());
        assert!(output_of(dir, "../b.txt").is_err());
        assert!(output_of(dir, "/etc/passwd.txt").is_err());
        assert!(output_of(dir, "a/b.docx").is_err());
        assert_eq!(output_of(dir, "A.PDF").unwrap().2, "pdf");
    }
}
