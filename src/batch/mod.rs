//! Batches: find the documents under the inputs, redact them in parallel, and write the
//! outputs, `audit.jsonl` and `summary.json`. One module per step:
//!
//! - `discover` lists the files under the inputs as [`Job`]s, in input order, filtered by
//!   [`FileFilter`] globs; each job is processed, skipped or failed ([`Task`]).
//! - `schedule` runs the jobs on worker threads and hands the outcomes to one writer in
//!   input order. A worker may run at most [`WINDOW`] documents ahead of the writer, so memory
//!   does not grow with the batch. The caller sees each outcome as a [`BatchEvent`].
//! - `isolate` turns a panic or an expired time limit into that document's failure.
//! - `process` reads, redacts or scans one document, and writes and records its output.
//! - `place` puts each output at its path under `--out`, atomically, and decides whether
//!   an existing output directory may be used ([`Reuse`]).
//! - `sink` writes `audit.jsonl` and `summary.json` (or JSON lines for `scan`).
//! - `report` holds the per-document summary ([`DocumentSummary`]) and the totals
//!   ([`BatchReport`]).
//!
//! Properties:
//!
//! - **Deterministic.** Each document's result depends only on the document, the lists, the
//!   policy and the key, so the outputs and the audit log are the same for any number of jobs.
//! - **Isolated.** A document that cannot be read, decoded, redacted or verified, that is
//!   larger than the limits ([`Limits`]), that is not done within the time limit, or whose
//!   processing panics, is reported as failed and leaves no output; the others go on.
//! - **Atomic and resumable.** Every file is written under a temporary name and renamed when
//!   complete; a killed batch can be resumed (see [`crate::resume`]).
//! - **Confined.** Outputs are written only under the output directory, at the path of the
//!   document relative to its input root; the output directory may not be an input or
//!   contain one, and nothing under it is read as input.
//! - **Quiet.** The library prints nothing: the caller reports the [`BatchEvent`]s.

mod discover;
mod filter;
mod isolate;
mod job;
mod place;
mod process;
mod report;
mod schedule;
mod sink;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use discover::discover;
pub(crate) use discover::{fail_duplicates, relative_to};
pub use filter::FileFilter;
pub use isolate::{note_panic, panic_place};
pub use job::{Job, Task};
pub use place::{Reuse, write_atomic};
pub(crate) use process::read_within_limits;
// For sharded runs (`crate::shard`): the same per-document steps as a single run.
pub(crate) use place::{
    Placement, check_out_is_not_an_input, output_relative, prepare_out, real_path,
};
pub(crate) use process::{configuration, redact_document, with_text};
pub(crate) use report::Outcome;
pub use report::{BatchReport, DocumentSummary, Status};
pub use schedule::{BatchEvent, WINDOW};
pub(crate) use schedule::{run_ordered, thread_pool};
pub(crate) use sink::{FileSink, Sink};

use crate::audit::DigestKey;
use crate::error::BatchError;
use crate::load::DocumentKind;
use crate::pdf::PdfOptions;
use crate::redactor::Redactor;
use crate::resume::WorkDir;
pub(crate) use isolate::guarded;
use process::{scan_document, with_batch_people};
use sink::LineSink;

/// Limits per document: larger or slower documents fail, alone, instead of exhausting the
/// machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time limit per document; `None` for none. A document not done in time fails with
    /// [`DocumentError::Timeout`](crate::DocumentError::Timeout).
    pub timeout: Option<Duration>,
    /// Largest text document read, in bytes. Text needs about 25 times its size in memory
    /// while it is processed.
    pub max_text_bytes: u64,
    /// Largest PDF document read, in bytes.
    pub max_pdf_bytes: u64,
}

impl Limits {
    /// Default time limit per document: 60 s, some twenty times what the largest documents
    /// within the size limits take (a 32 MiB text, a 2,000-page PDF), so that only a
    /// pathological input reaches it.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
    /// Default largest text document: 32 MiB (about 16,000 pages).
    pub const DEFAULT_MAX_TEXT_BYTES: u64 = 32 << 20;
    /// Default largest PDF document: 512 MiB.
    pub const DEFAULT_MAX_PDF_BYTES: u64 = 512 << 20;

    /// The size limit for a kind of document, and the kind's name for messages.
    fn max_bytes(&self, kind: DocumentKind) -> (u64, &'static str) {
        match kind {
            DocumentKind::Text => (self.max_text_bytes, "text"),
            DocumentKind::Pdf => (self.max_pdf_bytes, "PDF"),
            DocumentKind::Format(_) => (self.max_pdf_bytes, "e-mail or Word"),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Some(Self::DEFAULT_TIMEOUT),
            max_text_bytes: Self::DEFAULT_MAX_TEXT_BYTES,
            max_pdf_bytes: Self::DEFAULT_MAX_PDF_BYTES,
        }
    }
}

/// Options of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The key of the audit digests.
    pub key: DigestKey,
    /// Options for PDF documents.
    pub pdf: PdfOptions,
    /// Per-document limits.
    pub limits: Limits,
    /// Take over the documents an interrupted run into the same output directory completed
    /// (see [`crate::resume`]).
    pub resume: bool,
    /// What to do with an output directory that already holds files; [`Reuse::Resume`] when
    /// `resume` is set.
    pub reuse: Reuse,
    /// Which files in input directories are taken.
    pub filter: FileFilter,
    /// A reviewer's decisions (`redact --decisions`): each document gets exactly the
    /// removals they say, instead of the detectors' (see [`crate::review`]).
    pub decisions: Option<std::sync::Arc<crate::review::Decisions>>,
}

impl BatchOptions {
    /// Defaults: one thread per core, default PDF options and limits, no resume, an output
    /// directory that holds only this batch's files, every file taken.
    pub fn new(key: DigestKey) -> BatchOptions {
        BatchOptions {
            jobs: 0,
            key,
            pdf: PdfOptions::default(),
            limits: Limits::default(),
            resume: false,
            reuse: Reuse::OwnOnly,
            filter: FileFilter::default(),
            decisions: None,
        }
    }

    /// What the pipeline needs of the batch for one document: its name, the batch's audit
    /// key and PDF options.
    pub(crate) fn context<'a>(
        &'a self,
        redactor: &'a Redactor,
        document: &'a str,
    ) -> crate::formats::Context<'a> {
        crate::formats::Context {
            redactor,
            document,
            key: &self.key,
            pdf: &self.pdf,
        }
    }
}

/// Redacts every document under `inputs` into `out`. Returns the totals; per-document
/// failures are in the report and in `summary.json`, not an `Err`. See [`redact_with`] to
/// follow the documents as they are done.
///
/// `Err` (nothing processed) when an input is missing, when the inputs hold no file, when
/// `out` is an input or contains one, when `out` holds files this batch does not write (see
/// [`Reuse`]), or when `out` cannot be written.
pub fn redact(
    redactor: &Redactor,
    inputs: &[PathBuf],
    out: &Path,
    options: &BatchOptions,
) -> Result<BatchReport, BatchError> {
    redact_with(redactor, inputs, out, options, &mut |_| {})
}

/// [`redact`], telling `observe` how many files were found and then each one's outcome, in
/// input order.
pub fn redact_with(
    redactor: &Redactor,
    inputs: &[PathBuf],
    out: &Path,
    options: &BatchOptions,
    observe: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<BatchReport, BatchError> {
    let out_err = |e: std::io::Error| BatchError::Output {
        path: out.to_path_buf(),
        source: e,
    };
    check_out_is_not_an_input(inputs, out)?;
    let jobs = discover(inputs, real_path(out).as_deref(), &options.filter)?;
    if jobs.is_empty() {
        return Err(BatchError::NoDocuments);
    }
    let reuse = if options.resume {
        Reuse::Resume
    } else {
        options.reuse
    };
    prepare_out(out, &jobs, reuse)?;
    std::fs::create_dir_all(out).map_err(out_err)?;
    let out_canonical = out.canonicalize().map_err(out_err)?;
    check_out_is_not_an_input(inputs, &out_canonical)?;
    let work = WorkDir::open(&out_canonical, options.resume).map_err(out_err)?;
    let options = &BatchOptions {
        key: work
            .run_key(&options.key, options.resume)
            .map_err(out_err)?,
        ..options.clone()
    };
    let started = Instant::now();
    // One pool for both passes: the regular expressions' lazily built automata are kept per
    // thread, and the second pass finds them built by the first.
    let pool = thread_pool(options.jobs).map_err(out_err)?;
    let batch_redactor = with_batch_people(redactor, &jobs, options, &pool);
    let redactor = batch_redactor.as_ref().unwrap_or(redactor);
    let config = configuration(redactor, &options.key);
    let mut sink =
        FileSink::create(&work, &out_canonical, redactor, &options.key).map_err(out_err)?;
    let place = Placement::new(&out_canonical, &work, &config);
    let process = |job: &Job, kind| {
        let outcome = guarded(job, options.limits.timeout, || {
            redact_document(redactor, job, kind, &place, options)
        });
        if outcome.is_failed() {
            place.forget(job);
        }
        outcome
    };
    let mut report = run_ordered(&jobs, &pool, &process, &mut sink, observe).map_err(out_err)?;
    report.finish(started);
    // The outputs reach the disk before the audit log and summary say they are there.
    work.commit(&out_canonical).map_err(out_err)?;
    sink.finish(&report).map_err(out_err)?;
    work.remove().map_err(out_err)?;
    Ok(report)
}

/// Scans every document under `inputs` and writes the findings as JSON lines (the audit
/// records) to `out`, in input order. Nothing else is written.
pub fn scan(
    redactor: &Redactor,
    inputs: &[PathBuf],
    out: &mut dyn Write,
    options: &BatchOptions,
) -> Result<BatchReport, BatchError> {
    scan_with(redactor, inputs, out, options, &mut |_| {})
}

/// [`scan`], telling `observe` how many files were found and then each one's outcome.
pub fn scan_with(
    redactor: &Redactor,
    inputs: &[PathBuf],
    out: &mut dyn Write,
    options: &BatchOptions,
    observe: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<BatchReport, BatchError> {
    let jobs = discover(inputs, None, &options.filter)?;
    if jobs.is_empty() {
        return Err(BatchError::NoDocuments);
    }
    let started = Instant::now();
    let stdout_err = |e| BatchError::Output {
        path: PathBuf::from("<stdout>"),
        source: e,
    };
    let pool = thread_pool(options.jobs).map_err(stdout_err)?;
    let batch_redactor = with_batch_people(redactor, &jobs, options, &pool);
    let redactor = batch_redactor.as_ref().unwrap_or(redactor);
    let mut sink = LineSink { out };
    let process = |job: &Job, kind| {
        guarded(job, options.limits.timeout, || {
            scan_document(redactor, job, kind, options)
        })
    };
    let mut report = run_ordered(&jobs, &pool, &process, &mut sink, observe).map_err(stdout_err)?;
    report.finish(started);
    Ok(report)
}
