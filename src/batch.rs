//! Batches: find the documents under the inputs, redact them in parallel, and write the
//! outputs, `audit.jsonl` and `summary.json`.
//!
//! - **Streaming.** Workers take documents in input order and hand their audit records to
//!   one writer, which writes them in input order. A worker may run at most [`WINDOW`]
//!   documents ahead of the writer, so memory does not grow with the batch.
//! - **Deterministic.** Each document's result depends only on the document, the lists, the
//!   policy and the key, so the outputs and the audit log are the same for any `--jobs`.
//! - **Isolated.** A document that cannot be read, decoded, redacted or verified, or whose
//!   processing panics, is reported as failed; the others go on.
//! - **Atomic.** Every file is written under a temporary name and renamed when complete.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::audit::{AuditRecord, DigestKey, KeySource};
use crate::error::{BatchError, DocumentError};
use crate::load::{DocumentKind, TextDocument};
use crate::names::PersonKey;
use crate::pdf::{PdfOptions, PdfReport};
use crate::policy::PersonScope;
use crate::redactor::Redactor;

/// How far workers may run ahead of the writer, in documents.
pub const WINDOW: usize = 64;

/// One document found under an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The file.
    pub path: PathBuf,
    /// Path relative to its input root, `/`-separated: the `document` of its audit records.
    pub relative: String,
    /// What to do with it; `None` for files that are skipped.
    pub kind: Option<DocumentKind>,
}

/// Finds the documents under `inputs`, in input order; directories are walked recursively in
/// byte order of their entry names. Anything under `exclude` (the output directory) is left
/// out.
pub fn discover(inputs: &[PathBuf], exclude: Option<&Path>) -> Result<Vec<Job>, BatchError> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut jobs = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| BatchError::Input {
            path: input.clone(),
            reason: e.to_string(),
        })?;
        if meta.is_dir() {
            let mut visited = HashSet::new();
            walk(input, input, exclude.as_deref(), &mut visited, &mut jobs)?;
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            jobs.push(Job {
                kind: DocumentKind::of(input),
                path: input.clone(),
                relative: name,
            });
        }
    }
    Ok(jobs)
}

fn walk(
    root: &Path,
    dir: &Path,
    exclude: Option<&Path>,
    visited: &mut HashSet<PathBuf>,
    jobs: &mut Vec<Job>,
) -> Result<(), BatchError> {
    let canonical = dir.canonicalize().map_err(|e| BatchError::Input {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    // A directory seen before (through a symbolic link loop) or the output directory.
    if !visited.insert(canonical.clone()) || exclude.is_some_and(|x| canonical.starts_with(x)) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| BatchError::Input {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(root, &path, exclude, visited, jobs)?;
        } else {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            jobs.push(Job {
                kind: DocumentKind::of(&path),
                path,
                relative,
            });
        }
    }
    Ok(())
}

/// What happened to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Personal data was removed.
    Redacted,
    /// Nothing to remove; the output is a copy.
    Unchanged,
    /// The document could not be handled completely; no output was written.
    Failed,
    /// Not a document the tool processes.
    Skipped,
}

/// One document's entry in `summary.json`.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// Path relative to its input root.
    pub document: String,
    /// What happened.
    pub status: Status,
    /// The output file, if one was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Number of removed items.
    pub removals: usize,
    /// Removed items per ground code.
    pub per_ground: BTreeMap<String, usize>,
    /// Removed items per category.
    pub per_category: BTreeMap<String, usize>,
    /// Why the document failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// PDF documents: pages, removals per page, pages with images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pdf: Option<PdfReport>,
}

impl DocumentSummary {
    fn new(job: &Job, status: Status) -> DocumentSummary {
        DocumentSummary {
            document: job.relative.clone(),
            status,
            output: None,
            removals: 0,
            per_ground: BTreeMap::new(),
            per_category: BTreeMap::new(),
            error: None,
            bytes: 0,
            pdf: None,
        }
    }

    fn count(&mut self, records: &[AuditRecord]) {
        self.removals = records.len();
        for r in records {
            *self.per_ground.entry(r.ground.clone()).or_default() += 1;
            *self.per_category.entry(r.category.clone()).or_default() += 1;
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
    /// Files skipped (not `.txt` or `.pdf`).
    pub skipped: usize,
    /// Removed items.
    pub removals: usize,
    /// Removed items per ground code.
    pub per_ground: BTreeMap<String, usize>,
    /// Input bytes processed.
    pub bytes: u64,
    /// Wall-clock time in seconds.
    pub elapsed_seconds: f64,
    /// Input megabytes (10^6 bytes) per second.
    pub throughput_mb_per_s: f64,
}

impl BatchReport {
    fn add(&mut self, doc: &DocumentSummary) {
        self.documents += 1;
        match doc.status {
            Status::Redacted => self.redacted += 1,
            Status::Unchanged => self.unchanged += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
        }
        self.removals += doc.removals;
        self.bytes += doc.bytes;
        for (g, n) in &doc.per_ground {
            *self.per_ground.entry(g.clone()).or_default() += n;
        }
    }

    fn finish(&mut self, started: Instant) {
        self.elapsed_seconds = started.elapsed().as_secs_f64();
        self.throughput_mb_per_s = if self.elapsed_seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.elapsed_seconds
        } else {
            0.0
        };
    }

    /// The process exit status: 0 when every document was done, 1 when any failed.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.failed > 0)
    }
}

/// Options of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The key of the audit digests.
    pub key: DigestKey,
    /// Show a progress bar on standard error.
    pub progress: bool,
    /// Options for PDF documents.
    pub pdf: PdfOptions,
}

/// The result of one document: its summary entry and its audit records.
struct Outcome {
    summary: DocumentSummary,
    records: Vec<AuditRecord>,
}

/// Where the per-document results go, in input order.
trait Sink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()>;
}

/// Redacts every document under `inputs` into `out`. Returns the totals; per-document
/// failures are in the report and in `summary.json`, not an `Err`.
pub fn redact(
    redactor: &Redactor,
    inputs: &[PathBuf],
    out: &Path,
    options: &BatchOptions,
) -> Result<BatchReport, BatchError> {
    let out_err = |e: std::io::Error| BatchError::Output {
        path: out.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(out).map_err(out_err)?;
    let jobs = discover(inputs, Some(out))?;
    let out_canonical = out.canonicalize().map_err(out_err)?;
    let started = Instant::now();
    let batch_redactor = with_batch_people(redactor, &jobs, options).map_err(out_err)?;
    let redactor = batch_redactor.as_ref().unwrap_or(redactor);
    let mut sink = FileSink::create(&out_canonical, redactor, &options.key).map_err(out_err)?;
    let process =
        |job: &Job| redact_document(redactor, job, &out_canonical, &options.key, &options.pdf);
    let mut report = run_ordered(&jobs, options, &process, &mut sink).map_err(out_err)?;
    report.finish(started);
    sink.finish(&report).map_err(out_err)?;
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
    let jobs = discover(inputs, None)?;
    let started = Instant::now();
    let stdout_err = |e| BatchError::Output {
        path: PathBuf::from("<stdout>"),
        source: e,
    };
    let batch_redactor = with_batch_people(redactor, &jobs, options).map_err(stdout_err)?;
    let redactor = batch_redactor.as_ref().unwrap_or(redactor);
    let mut sink = LineSink { out };
    let process = |job: &Job| scan_document(redactor, job, &options.key, &options.pdf);
    let mut report =
        run_ordered(&jobs, options, &process, &mut sink).map_err(|e| BatchError::Output {
            path: PathBuf::from("<stdout>"),
            source: e,
        })?;
    report.finish(started);
    Ok(report)
}

/// With the batch-wide person scope, a first pass identifies the people named in every text
/// document; the returned redactor then removes them in every document. `None` with the
/// default per-document scope.
fn with_batch_people(
    redactor: &Redactor,
    jobs: &[Job],
    options: &BatchOptions,
) -> std::io::Result<Option<Redactor>> {
    if redactor.policy().names.scope != PersonScope::Batch {
        return Ok(None);
    }
    let identify = |job: &Job| -> Vec<PersonKey> {
        // A document that cannot be read fails in the main pass; here it names nobody.
        catch_unwind(AssertUnwindSafe(|| {
            let bytes = std::fs::read(&job.path).ok()?;
            let text = match job.kind? {
                DocumentKind::Text => TextDocument::decode(bytes).ok()?.text,
                DocumentKind::Pdf => crate::pdf::text(&bytes, &options.pdf).ok()?,
            };
            Some(redactor.identify(&text))
        }))
        .ok()
        .flatten()
        .unwrap_or_default()
    };
    let people: Vec<PersonKey> =
        thread_pool(options.jobs)?.install(|| jobs.par_iter().flat_map_iter(identify).collect());
    Ok(Some(redactor.with_known_people(people)))
}

fn thread_pool(jobs: usize) -> std::io::Result<rayon::ThreadPool> {
    let threads = if jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        jobs
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("woo-redact-{i}"))
        .build()
        .map_err(std::io::Error::other)
}

/// Runs `process` over the jobs on `options.jobs` rayon workers and feeds the outcomes to the
/// sink in input order.
fn run_ordered(
    jobs: &[Job],
    options: &BatchOptions,
    process: &(dyn Fn(&Job) -> Outcome + Sync),
    sink: &mut dyn Sink,
) -> std::io::Result<BatchReport> {
    let pool = thread_pool(options.jobs)?;
    let threads = pool.current_num_threads();
    let progress = progress_bar(jobs.len() as u64, options.progress);
    let next = AtomicUsize::new(0);
    let written = Window::default();
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let mut report = BatchReport::default();
    let mut result = Ok(());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.scope(|s| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    let (next, written) = (&next, &written);
                    s.spawn(move |_| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= jobs.len() || !written.wait_until_within(i) {
                                break;
                            }
                            let outcome = isolated(&jobs[i], process);
                            if tx.send((i, outcome)).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        for (i, outcome) in rx.iter() {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&expected) {
                expected += 1;
                report.add(&outcome.summary);
                if let Some(e) = &outcome.summary.error {
                    progress.suspend(|| {
                        eprintln!("woo-redact: failed: {}: {e}", outcome.summary.document)
                    });
                }
                if result.is_ok() {
                    result = sink.document(&outcome);
                }
                progress.inc(1);
                // On a write error, release and stop the workers: the batch cannot complete.
                written.advance(if result.is_ok() { expected } else { usize::MAX });
            }
        }
    });
    progress.finish_and_clear();
    result.map(|()| report)
}

/// How many outcomes the writer has taken; workers wait to stay within [`WINDOW`] of it.
#[derive(Default)]
struct Window {
    taken: Mutex<usize>,
    changed: Condvar,
}

impl Window {
    /// Blocks until document `i` is within the window; false when the batch is stopping.
    fn wait_until_within(&self, i: usize) -> bool {
        let mut taken = self.taken.lock().unwrap_or_else(|p| p.into_inner());
        while i >= taken.saturating_add(WINDOW) {
            taken = self.changed.wait(taken).unwrap_or_else(|p| p.into_inner());
        }
        *taken != usize::MAX
    }

    fn advance(&self, to: usize) {
        *self.taken.lock().unwrap_or_else(|p| p.into_inner()) = to;
        self.changed.notify_all();
    }
}

fn progress_bar(len: u64, wanted: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !wanted || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} documents, {elapsed} (eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Runs `process` on one job, turning a panic into that document's failure.
fn isolated(job: &Job, process: &(dyn Fn(&Job) -> Outcome + Sync)) -> Outcome {
    if job.kind.is_none() {
        return Outcome {
            summary: DocumentSummary::new(job, Status::Skipped),
            records: Vec::new(),
        };
    }
    catch_unwind(AssertUnwindSafe(|| process(job))).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        // The panic message comes from our own code and never holds document text, but keep
        // only its first line to be safe from long payloads.
        let what = what
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        failed(job, DocumentError::Panic(what), 0)
    })
}

fn failed(job: &Job, error: DocumentError, bytes: u64) -> Outcome {
    let mut summary = DocumentSummary::new(job, Status::Failed);
    summary.error = Some(error.to_string());
    summary.bytes = bytes;
    Outcome {
        summary,
        records: Vec::new(),
    }
}

fn redact_document(
    redactor: &Redactor,
    job: &Job,
    out: &Path,
    key: &DigestKey,
    pdf: &PdfOptions,
) -> Outcome {
    let bytes = match std::fs::read(&job.path) {
        Ok(b) => b,
        Err(e) => return failed(job, DocumentError::Read(e), 0),
    };
    let size = bytes.len() as u64;
    let result = match job.kind {
        Some(DocumentKind::Text) => {
            redact_text(redactor, job, bytes, key).map(|(o, r)| (o, r, None))
        }
        Some(DocumentKind::Pdf) => crate::pdf::redact(redactor, &bytes, &job.relative, key, pdf)
            .map(|p| (p.bytes, p.records, Some(p.report)))
            .map_err(DocumentError::from),
        None => unreachable!("skipped jobs are not processed"),
    };
    let (output, records, pdf_report) = match result {
        Ok(r) => r,
        Err(e) => return failed(job, e, size),
    };
    let target = match output_path(out, job) {
        Ok(t) => t,
        Err(e) => return failed(job, e, size),
    };
    if let Err(e) = write_atomic(&target, &output) {
        return failed(
            job,
            DocumentError::Write {
                path: target,
                source: e,
            },
            size,
        );
    }
    let status = if records.is_empty() {
        Status::Unchanged
    } else {
        Status::Redacted
    };
    let mut summary = DocumentSummary::new(job, status);
    summary.output = Some(target.to_string_lossy().into_owned());
    summary.bytes = size;
    summary.pdf = pdf_report;
    summary.count(&records);
    Outcome { summary, records }
}

fn scan_document(redactor: &Redactor, job: &Job, key: &DigestKey, pdf: &PdfOptions) -> Outcome {
    let bytes = match std::fs::read(&job.path) {
        Ok(b) => b,
        Err(e) => return failed(job, DocumentError::Read(e), 0),
    };
    let size = bytes.len() as u64;
    let result = match job.kind {
        Some(DocumentKind::Text) => scan_text(redactor, job, bytes, key).map(|r| (r, None)),
        Some(DocumentKind::Pdf) => crate::pdf::scan(redactor, &bytes, &job.relative, key, pdf)
            .map(|(r, report)| (r, Some(report)))
            .map_err(DocumentError::from),
        None => unreachable!("skipped jobs are not processed"),
    };
    match result {
        Ok((records, pdf_report)) => {
            let status = if records.is_empty() {
                Status::Unchanged
            } else {
                Status::Redacted
            };
            let mut summary = DocumentSummary::new(job, status);
            summary.bytes = size;
            summary.pdf = pdf_report;
            summary.count(&records);
            Outcome { summary, records }
        }
        Err(e) => failed(job, e, size),
    }
}

/// Redacts a text document: the output bytes and the audit records.
fn redact_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<(Vec<u8>, Vec<AuditRecord>), DocumentError> {
    let doc = TextDocument::decode(bytes)?;
    let redaction = redactor
        .redact(&doc.text)
        .map_err(|e| DocumentError::Verification(e.to_string()))?;
    let records = text_records(job, &doc, &redaction.removals, key);
    Ok((doc.encode(&redaction.text), records))
}

fn scan_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<Vec<AuditRecord>, DocumentError> {
    let doc = TextDocument::decode(bytes)?;
    let scan = redactor.scan(&doc.text);
    Ok(text_records(job, &doc, &scan.removals, key))
}

fn text_records(
    job: &Job,
    doc: &TextDocument,
    removals: &[crate::resolve::Removal],
    key: &DigestKey,
) -> Vec<AuditRecord> {
    removals
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut record =
                AuditRecord::for_text(&job.relative, i + 1, r, &doc.text[r.start..r.end], key);
            record.location = crate::audit::Location::Text {
                start: doc.file_offset(r.start),
                end: doc.file_offset(r.end),
            };
            record
        })
        .collect()
}

/// The output path of a job: its relative path under `out`, which must not lead outside
/// `out` or onto the input itself.
fn output_path(out: &Path, job: &Job) -> Result<PathBuf, DocumentError> {
    let mut target = out.to_path_buf();
    for part in job.relative.split('/') {
        if part.is_empty() || part == "." || part == ".." || Path::new(part).is_absolute() {
            return Err(DocumentError::OutputPath(format!(
                "`{}` is not a plain relative path",
                job.relative
            )));
        }
        target.push(part);
    }
    if let (Ok(a), Ok(b)) = (target.canonicalize(), job.path.canonicalize())
        && a == b
    {
        return Err(DocumentError::OutputPath(
            "the output would overwrite the input".into(),
        ));
    }
    Ok(target)
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// the file exists under its final name only when complete.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".woo-redact-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `audit.jsonl` and `summary.json` under temporary names, renamed at the end.
struct FileSink {
    audit: BufWriter<tempfile::NamedTempFile>,
    summary: BufWriter<tempfile::NamedTempFile>,
    dir: PathBuf,
    first: bool,
}

impl FileSink {
    fn create(dir: &Path, redactor: &Redactor, key: &DigestKey) -> std::io::Result<FileSink> {
        let temp = || {
            tempfile::Builder::new()
                .prefix(".woo-redact-")
                .suffix(".tmp")
                .tempfile_in(dir)
        };
        let mut summary = BufWriter::new(temp()?);
        let links = key.source() != KeySource::Random;
        let header = serde_json::json!({
            "tool": "woo-redact",
            "version": env!("CARGO_PKG_VERSION"),
            "digest_key": key.source(),
            "digests_link_across_runs": links,
            "digest_note": if links {
                "digests are keyed: the same text under the same key gives the same digest"
            } else {
                "no audit key was given: a random key was used, so digests do not link across runs"
            },
            "grounds": redactor.policy().ground_table(),
        });
        let header = serde_json::to_string(&header).map_err(std::io::Error::other)?;
        // Stream the documents array: `{header…,"documents":[` … `],"totals":{…}}`.
        write!(summary, "{},\"documents\":[", &header[..header.len() - 1])?;
        Ok(FileSink {
            audit: BufWriter::new(temp()?),
            summary,
            dir: dir.to_path_buf(),
            first: true,
        })
    }

    fn finish(self, report: &BatchReport) -> std::io::Result<()> {
        let FileSink {
            audit,
            mut summary,
            dir,
            ..
        } = self;
        let totals = serde_json::to_string(report).map_err(std::io::Error::other)?;
        write!(summary, "\n],\"totals\":{totals}}}\n")?;
        for (file, name) in [(audit, "audit.jsonl"), (summary, "summary.json")] {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            file.as_file().sync_all()?;
            file.persist(dir.join(name)).map_err(|e| e.error)?;
        }
        Ok(())
    }
}

impl Sink for FileSink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        for r in &outcome.records {
            writeln!(self.audit, "{}", r.to_json())?;
        }
        let entry = serde_json::to_string(&outcome.summary).map_err(std::io::Error::other)?;
        let sep = if std::mem::take(&mut self.first) {
            ""
        } else {
            ","
        };
        write!(self.summary, "{sep}\n{entry}")
    }
}

/// Writes audit records as JSON lines to a stream (the `scan` command).
struct LineSink<'a> {
    out: &'a mut dyn Write,
}

impl Sink for LineSink<'_> {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        for r in &outcome.records {
            writeln!(self.out, "{}", r.to_json())?;
        }
        Ok(())
    }
}
