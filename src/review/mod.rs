//! Review: `scan --review DIR` writes a report a Woo jurist reads in a browser and
//! `decisions.jsonl`, one line per proposed removal; `redact --decisions FILE` applies exactly
//! what that file says (see [`Decisions`]).
//!
//! The review folder holds personal data by design (the report shows the text, and each
//! decision line carries the text it removes so that a reviewer can read what they decide
//! on). It is a working folder for the reviewer and never part of a publication.

mod decisions;
mod report;

use std::path::{Path, PathBuf};

pub use decisions::{DecisionError, Decisions};

use crate::batch::{BatchOptions, Job, discover, read_within_limits};
use crate::document::DocumentScan;
use crate::error::{BatchError, DocumentError};
use crate::isolate::guarded;
use crate::load::DocumentKind;
use crate::redactor::Redactor;

/// The detector name of a reviewer's manual removal in the audit log.
pub const REVIEW_DETECTOR: &str = "review";

/// The digest of a document's text that each decision line carries, to tell a document
/// changed since the scan.
pub(crate) fn text_digest(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// Scans a document for review, with the audit records keyed by the batch's key. A document
/// whose reviewed removals could not be applied (an e-mail with attachments that are
/// documents) fails here, before anyone reviews it.
fn scan_for_review(
    redactor: &Redactor,
    kind: DocumentKind,
    bytes: &[u8],
    name: &str,
    options: &BatchOptions,
) -> Result<DocumentScan, DocumentError> {
    let scan = crate::document::scan_in(kind, bytes, options.context(redactor, name))?;
    match &scan.reviewable {
        Ok(()) => Ok(scan),
        Err(why) => Err(DocumentError::Review(why.clone())),
    }
}

/// What `write_review` did.
#[derive(Debug, Clone, Default)]
pub struct ReviewReport {
    /// Documents in the report.
    pub documents: usize,
    /// Documents that could not be scanned for review (their reasons are in `index.html`).
    pub failed: usize,
    /// Proposed removals written to `decisions.jsonl`.
    pub removals: usize,
}

/// Scans every document under `inputs` and writes the review folder `dir`: `index.html`,
/// one HTML page per document and `decisions.jsonl`. Deterministic: documents in input
/// order, whatever the number of threads.
pub fn write_review(
    redactor: &Redactor,
    inputs: &[PathBuf],
    dir: &Path,
    options: &BatchOptions,
) -> Result<ReviewReport, BatchError> {
    let jobs: Vec<Job> = discover(inputs, None, &options.filter)?
        .into_iter()
        .filter(|j| j.kind().is_some())
        .collect();
    if jobs.is_empty() {
        return Err(BatchError::NoDocuments);
    }
    let out_err = |e: std::io::Error| BatchError::Output {
        path: dir.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(out_err)?;
    let mut index = Vec::new();
    let mut lines = String::new();
    let mut report = ReviewReport::default();
    for (n, job) in jobs.iter().enumerate() {
        let Some(kind) = job.kind() else { continue };
        let scanned = guarded(options.limits.timeout, || {
            let bytes = read_within_limits(job, kind, &options.limits)?;
            scan_for_review(redactor, kind, &bytes, &job.relative, options)
        });
        report.documents += 1;
        let page = report::page_name(n + 1, &job.relative);
        match scanned {
            Ok(doc) => {
                for line in decisions::lines(&job.relative, &doc) {
                    lines.push_str(&line);
                    lines.push('\n');
                }
                report.removals += doc.removals.len();
                let html = report::document_page(&job.relative, &doc);
                std::fs::write(dir.join(&page), html).map_err(out_err)?;
                index.push(report::IndexEntry {
                    document: job.relative.clone(),
                    page: Some(page),
                    removals: doc.removals.len(),
                    error: None,
                });
            }
            Err(e) => {
                report.failed += 1;
                index.push(report::IndexEntry {
                    document: job.relative.clone(),
                    page: None,
                    removals: 0,
                    error: Some(e.to_string()),
                });
            }
        }
    }
    std::fs::write(dir.join("decisions.jsonl"), lines).map_err(out_err)?;
    std::fs::write(dir.join("index.html"), report::index_page(&index)).map_err(out_err)?;
    Ok(report)
}

/// Redacts one document with exactly the removals `decisions` give it (the batch's
/// `redact --decisions`), verified as every redaction is.
pub(crate) fn redact_reviewed(
    redactor: &Redactor,
    kind: DocumentKind,
    bytes: &[u8],
    name: &str,
    decisions: &Decisions,
    options: &BatchOptions,
) -> Result<crate::document::DocumentRedaction, DocumentError> {
    let scan = scan_for_review(redactor, kind, bytes, name, options)?;
    let removals = decisions.removals(name, &scan, redactor.policy())?;
    crate::document::redact_in(
        kind,
        bytes,
        options.context(redactor, name),
        Some(&removals),
    )
}
