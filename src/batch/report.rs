//! What a batch reports: each document's summary entry, the outcome the workers hand to the
//! writer, and the totals.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::job::Job;
use crate::audit::AuditRecord;
use crate::error::DocumentError;
use crate::pdf::PdfReport;

/// What happened to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Personal data was removed.
    Redacted,
    /// Nothing to remove; the output is a copy.
    Unchanged,
    /// The document could not be handled completely; no output was written.
    Failed,
    /// Not a document the tool processes; no output was written.
    Skipped,
}

/// One document's entry in `summary.json`. Paths are relative (to the input root, or to the
/// output directory), never absolute: absolute paths carry local user names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Path relative to its input root.
    pub document: String,
    /// What happened.
    pub status: Status,
    /// The output file, relative to the output directory, if one was written.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub output: Option<String>,
    /// BLAKE3 (hex) of the output file, so that later steps (`publish`) can tell it is
    /// unchanged.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub output_blake3: Option<String>,
    /// Number of removed items.
    pub removals: usize,
    /// Removed items per ground code.
    pub per_ground: BTreeMap<String, usize>,
    /// Removed items per category.
    pub per_category: BTreeMap<String, usize>,
    /// Why the document failed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    /// Why the file was skipped.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// PDF documents: pages, removals per page, pages with images.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pdf: Option<PdfReport>,
    /// E-mail and Word documents: what was dropped, removed or cleared besides the items.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub format: Option<crate::formats::FormatReport>,
}

impl DocumentSummary {
    pub(crate) fn new(job: &Job, status: Status) -> DocumentSummary {
        DocumentSummary {
            document: job.relative.clone(),
            status,
            output: None,
            output_blake3: None,
            removals: 0,
            per_ground: BTreeMap::new(),
            per_category: BTreeMap::new(),
            error: None,
            reason: None,
            bytes: 0,
            pdf: None,
            format: None,
        }
    }

    pub(crate) fn count(&mut self, records: &[AuditRecord]) {
        self.removals = records.len();
        for r in records {
            *self.per_ground.entry(r.ground.to_string()).or_default() += 1;
            *self.per_category.entry(r.category.to_string()).or_default() += 1;
        }
    }
}

/// Totals of a batch.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BatchReport {
    /// Documents found (processed or skipped).
    pub documents: usize,
    /// Documents with removals.
    pub redacted: usize,
    /// Documents without removals.
    pub unchanged: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Files skipped (not a kind of document the tool processes).
    pub skipped: usize,
    /// Documents taken over from an interrupted run (`--resume`), included in the counts
    /// above.
    pub resumed: usize,
    /// Removed items.
    pub removals: usize,
    /// Removed items per ground code.
    pub per_ground: BTreeMap<String, usize>,
    /// Input bytes of the documents processed in this run (redacted or unchanged; not those
    /// skipped, failed or taken over from an interrupted run): what the throughput measures.
    pub bytes: u64,
    /// Wall-clock time in seconds.
    pub elapsed_seconds: f64,
    /// Input megabytes (10^6 bytes) processed per second.
    pub throughput_mb_per_s: f64,
}

impl BatchReport {
    pub(crate) fn add(&mut self, outcome: &Outcome) {
        let doc = &outcome.summary;
        self.documents += 1;
        match doc.status {
            Status::Redacted => self.redacted += 1,
            Status::Unchanged => self.unchanged += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
        }
        self.resumed += usize::from(outcome.resumed);
        self.removals += doc.removals;
        if matches!(doc.status, Status::Redacted | Status::Unchanged) && !outcome.resumed {
            self.bytes += doc.bytes;
        }
        for (g, n) in &doc.per_ground {
            *self.per_ground.entry(g.clone()).or_default() += n;
        }
    }

    pub(crate) fn finish(&mut self, started: Instant) {
        self.elapsed_seconds = started.elapsed().as_secs_f64();
        self.throughput_mb_per_s = if self.elapsed_seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.elapsed_seconds
        } else {
            0.0
        };
    }

    /// The process exit status: 0 when every document was done, 1 when any failed or was
    /// skipped (the output is then not the whole input).
    pub fn exit_code(&self) -> i32 {
        i32::from(self.failed > 0 || self.skipped > 0)
    }
}

/// The result of one document: its summary entry and its audit lines.
pub(crate) struct Outcome {
    pub(crate) summary: DocumentSummary,
    /// The audit records as JSON lines, without line ends.
    pub(crate) lines: Vec<String>,
    /// Taken over from an interrupted run.
    pub(crate) resumed: bool,
}

impl Outcome {
    pub(crate) fn done(summary: DocumentSummary, records: &[AuditRecord]) -> Outcome {
        Outcome {
            summary,
            lines: records.iter().map(AuditRecord::to_json).collect(),
            resumed: false,
        }
    }

    pub(crate) fn failed(job: &Job, error: DocumentError, bytes: u64) -> Outcome {
        let mut summary = DocumentSummary::new(job, Status::Failed);
        summary.error = Some(error.to_string());
        summary.bytes = bytes;
        Outcome {
            summary,
            lines: Vec::new(),
            resumed: false,
        }
    }

    pub(crate) fn skipped(job: &Job, reason: &str) -> Outcome {
        let mut summary = DocumentSummary::new(job, Status::Skipped);
        summary.reason = Some(reason.to_string());
        Outcome {
            summary,
            lines: Vec::new(),
            resumed: false,
        }
    }

    pub(crate) fn is_failed(&self) -> bool {
        self.summary.status == Status::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throughput_counts_only_the_documents_processed_in_the_run() {
        let job = |name: &str| Job::for_file(name.into(), name.into());
        let with_bytes = |mut o: Outcome, n| {
            o.summary.bytes = n;
            o
        };
        let done = |name, n| {
            let mut s = DocumentSummary::new(&job(name), Status::Unchanged);
            s.bytes = n;
            Outcome::done(s, &[])
        };
        let mut taken_over = done("c.txt", 300);
        taken_over.resumed = true;
        let mut report = BatchReport::default();
        for o in [
            done("a.txt", 100),
            with_bytes(
                Outcome::failed(&job("b.txt"), DocumentError::Input("x".into()), 0),
                200,
            ),
            taken_over,
            Outcome::skipped(&job("d.xlsx"), "not a document"),
            done("e.txt", 20),
        ] {
            report.add(&o);
        }
        assert_eq!(report.bytes, 120);
        assert_eq!((report.documents, report.failed, report.skipped), (5, 1, 1));
        assert_eq!(report.resumed, 1);
        assert_eq!(report.exit_code(), 1);
    }
}
