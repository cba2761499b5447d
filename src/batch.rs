//! Batches: find the documents under the inputs, redact them in parallel, and write the
//! outputs, `audit.jsonl` and `summary.json`.
//!
//! - **Streaming.** Workers take documents in input order and hand their audit records to
//!   one writer, which writes them in input order. A worker may run at most [`WINDOW`]
//!   documents ahead of the writer, so memory does not grow with the batch: it is bounded by
//!   the documents the workers hold at once (one each) plus the audit lines of the window.
//! - **Deterministic.** Each document's result depends only on the document, the lists, the
//!   policy and the key, so the outputs and the audit log are the same for any `--jobs`.
//! - **Isolated.** A document that cannot be read, decoded, redacted or verified, that is
//!   larger than the limits ([`Limits`]), that is not done within the time limit, or whose
//!   processing panics, is reported as failed and leaves no output; the others go on.
//! - **Atomic and resumable.** Every file is written under a temporary name and renamed when
//!   complete; a killed batch can be resumed (see [`crate::resume`]).
//! - **Confined.** Outputs are written only under `--out`, at the path of the document
//!   relative to its input root; `--out` may not be an input or contain one, and nothing
//!   under `--out` is read as input.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audit::{AuditRecord, DigestKey, KeySource};
use crate::deadline;
use crate::error::{BatchError, DocumentError};
use crate::load::{DocumentKind, TextDocument};
use crate::names::PersonKey;
use crate::pdf::{PdfOptions, PdfReport};
use crate::policy::PersonScope;
use crate::redactor::Redactor;
use crate::resume::{Completion, WorkDir, hex};

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
    /// Why it cannot be processed, found while listing the inputs (not a regular file, a
    /// directory that cannot be listed, a name another input already has).
    pub problem: Option<String>,
}

/// Finds the documents under `inputs`, in input order; directories are walked recursively in
/// byte order of their entry names, following symbolic links (each directory is visited once,
/// so link loops end). Anything whose real path lies under `exclude` (the output directory)
/// is left out. A subdirectory that cannot be listed, or a document that is not a regular
/// file, becomes a job with a [`Job::problem`]; so does a second document with the same
/// relative path, whose output would overwrite the first one's.
pub fn discover(inputs: &[PathBuf], exclude: Option<&Path>) -> Result<Vec<Job>, BatchError> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut walker = Walker {
        exclude: exclude.as_deref(),
        visited: HashSet::new(),
        jobs: Vec::new(),
    };
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| BatchError::Input {
            path: input.clone(),
            reason: e.to_string(),
        })?;
        if meta.is_dir() {
            walker.visited.clear();
            walker.walk(input, input)?;
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            walker.file(input.clone(), name, Ok(meta));
        }
    }
    let mut jobs = walker.jobs;
    let mut seen = HashSet::new();
    for job in &mut jobs {
        if !seen.insert(job.relative.clone()) && job.kind.is_some() && job.problem.is_none() {
            job.problem = Some(format!(
                "another input has the same relative path `{}`: its output would be overwritten",
                job.relative
            ));
        }
    }
    Ok(jobs)
}

struct Walker<'a> {
    exclude: Option<&'a Path>,
    visited: HashSet<PathBuf>,
    jobs: Vec<Job>,
}

impl Walker<'_> {
    fn excluded(&self, canonical: &Path) -> bool {
        self.exclude.is_some_and(|x| canonical.starts_with(x))
    }

    fn walk(&mut self, root: &Path, dir: &Path) -> Result<(), BatchError> {
        let relative = relative_to(root, dir);
        let problem = |jobs: &mut Vec<Job>, e: std::io::Error| {
            if dir == root {
                return Err(BatchError::Input {
                    path: dir.to_path_buf(),
                    reason: e.to_string(),
                });
            }
            jobs.push(Job {
                path: dir.to_path_buf(),
                relative: relative.clone(),
                kind: None,
                problem: Some(format!("cannot list the directory: {e}")),
            });
            Ok(())
        };
        let canonical = match dir.canonicalize() {
            Ok(c) => c,
            Err(e) => return problem(&mut self.jobs, e),
        };
        // A directory seen before (through a symbolic link loop) or the output directory.
        if self.excluded(&canonical) || !self.visited.insert(canonical) {
            return Ok(());
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return problem(&mut self.jobs, e),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let meta = std::fs::metadata(&path);
            if meta.as_ref().is_ok_and(|m| m.is_dir()) {
                self.walk(root, &path)?;
            } else {
                let relative = relative_to(root, &path);
                self.file(path, relative, meta);
            }
        }
        Ok(())
    }

    fn file(&mut self, path: PathBuf, relative: String, meta: std::io::Result<std::fs::Metadata>) {
        let kind = DocumentKind::of(&path);
        let problem = match meta {
            Ok(m) if m.is_file() => {
                // Our own outputs, reached through a link, are never inputs.
                if path.canonicalize().is_ok_and(|c| self.excluded(&c)) {
                    return;
                }
                None
            }
            Ok(_) => Some("not a regular file (a device, pipe or socket)".to_string()),
            Err(e) => Some(format!("cannot read the file: {e}")),
        };
        self.jobs.push(Job {
            path,
            relative,
            problem: problem.filter(|_| kind.is_some()),
            kind,
        });
    }
}

/// The `/`-separated path of `path` relative to `root`.
fn relative_to(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

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
    /// Not a document the tool processes.
    Skipped,
}

/// One document's entry in `summary.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Path relative to its input root.
    pub document: String,
    /// What happened.
    pub status: Status,
    /// The output file, if one was written.
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
    /// Size of the input in bytes.
    pub bytes: u64,
    /// PDF documents: pages, removals per page, pages with images.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pdf: Option<PdfReport>,
}

impl DocumentSummary {
    fn new(job: &Job, status: Status) -> DocumentSummary {
        DocumentSummary {
            document: job.relative.clone(),
            status,
            output: None,
            output_blake3: None,
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
    /// Files skipped (not `.txt` or `.pdf`).
    pub skipped: usize,
    /// Documents taken over from an interrupted run (`--resume`), included in the counts
    /// above.
    pub resumed: usize,
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
    fn add(&mut self, outcome: &Outcome) {
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

/// Limits per document: larger or slower documents fail, alone, instead of exhausting the
/// machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time limit per document; `None` for none. A document not done in time fails with
    /// [`DocumentError::Timeout`].
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

    fn max_bytes(&self, kind: DocumentKind) -> (u64, &'static str) {
        match kind {
            DocumentKind::Text => (self.max_text_bytes, "--max-text-mb"),
            DocumentKind::Pdf => (self.max_pdf_bytes, "--max-pdf-mb"),
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
    /// Show a progress bar on standard error.
    pub progress: bool,
    /// Options for PDF documents.
    pub pdf: PdfOptions,
    /// Per-document limits.
    pub limits: Limits,
    /// Take over the documents an interrupted run into the same output directory completed
    /// (see [`crate::resume`]).
    pub resume: bool,
}

impl BatchOptions {
    /// Defaults: one thread per core, no progress bar, default PDF options and limits, no
    /// resume.
    pub fn new(key: DigestKey) -> BatchOptions {
        BatchOptions {
            jobs: 0,
            key,
            progress: false,
            pdf: PdfOptions::default(),
            limits: Limits::default(),
            resume: false,
        }
    }
}

/// The result of one document: its summary entry and its audit lines.
struct Outcome {
    summary: DocumentSummary,
    /// The audit records as JSON lines, without line ends.
    lines: Vec<String>,
    /// Taken over from an interrupted run.
    resumed: bool,
}

impl Outcome {
    fn done(summary: DocumentSummary, records: &[AuditRecord]) -> Outcome {
        Outcome {
            summary,
            lines: records.iter().map(AuditRecord::to_json).collect(),
            resumed: false,
        }
    }

    fn failed(job: &Job, error: DocumentError, bytes: u64) -> Outcome {
        let mut summary = DocumentSummary::new(job, Status::Failed);
        summary.error = Some(error.to_string());
        summary.bytes = bytes;
        Outcome {
            summary,
            lines: Vec::new(),
            resumed: false,
        }
    }

    fn is_failed(&self) -> bool {
        self.summary.status == Status::Failed
    }
}

/// Where the per-document results go, in input order.
trait Sink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()>;
}

/// Redacts every document under `inputs` into `out`. Returns the totals; per-document
/// failures are in the report and in `summary.json`, not an `Err`.
///
/// `Err` (nothing processed) when an input is missing, when `out` is an input or contains
/// one, or when `out` cannot be written.
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
    check_out_is_not_an_input(inputs, out)?;
    std::fs::create_dir_all(out).map_err(out_err)?;
    let out_canonical = out.canonicalize().map_err(out_err)?;
    check_out_is_not_an_input(inputs, &out_canonical)?;
    let jobs = discover(inputs, Some(&out_canonical))?;
    let work = WorkDir::open(&out_canonical, options.resume).map_err(out_err)?;
    let options = &BatchOptions {
        key: work
            .run_key(&options.key, options.resume)
            .map_err(out_err)?,
        ..options.clone()
    };
    let started = Instant::now();
    let batch_redactor = with_batch_people(redactor, &jobs, options).map_err(out_err)?;
    let redactor = batch_redactor.as_ref().unwrap_or(redactor);
    let config = configuration(redactor, &options.key);
    let mut sink =
        FileSink::create(&work, &out_canonical, redactor, &options.key).map_err(out_err)?;
    let place = Placement {
        out: &out_canonical,
        work: &work,
        config: &config,
    };
    let process = |job: &Job| {
        let outcome = guarded(job, options.limits.timeout, || {
            redact_document(redactor, job, &place, options)
        });
        // (A job with a problem, such as a second document with the same relative path, owns
        // no output: what is there belongs to another.)
        if outcome.is_failed() && job.problem.is_none() {
            place.forget(job);
        }
        outcome
    };
    let mut report = run_ordered(&jobs, options, &process, &mut sink).map_err(out_err)?;
    report.finish(started);
    sink.finish(&report).map_err(out_err)?;
    work.remove().map_err(out_err)?;
    Ok(report)
}

/// Refuses an output directory that is an input or contains one: outputs would overwrite
/// inputs, or inputs would be left out as outputs. (An output directory inside an input is
/// fine: it is left out of the input.)
fn check_out_is_not_an_input(inputs: &[PathBuf], out: &Path) -> Result<(), BatchError> {
    let Some(out) = real_path(out) else {
        return Ok(());
    };
    for input in inputs {
        if let Ok(input_real) = input.canonicalize()
            && input_real.starts_with(&out)
        {
            return Err(BatchError::Input {
                path: input.clone(),
                reason: format!(
                    "the output directory {} is this input or contains it; choose an output \
                     directory outside the inputs",
                    out.display()
                ),
            });
        }
    }
    Ok(())
}

/// The real path of `path`, also when it does not exist yet (its nearest existing ancestor
/// resolved, the rest appended).
fn real_path(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let absolute = std::path::absolute(path).ok()?;
    let mut missing = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(p) = at.canonicalize() {
            let mut p = p;
            for part in missing.iter().rev() {
                p.push(part);
            }
            return Some(p);
        }
        missing.push(at.file_name()?.to_os_string());
        at = at.parent()?;
    }
}

/// The configuration fingerprint of a run (see [`crate::resume`]): a keyed digest, so it
/// reveals nothing about the lists, and never the key itself.
fn configuration(redactor: &Redactor, key: &DigestKey) -> String {
    // The program itself, hashed as it streams by (it can be tens of megabytes).
    let program = std::env::current_exe()
        .and_then(std::fs::File::open)
        .and_then(|f| {
            let mut h = blake3::Hasher::new();
            std::io::copy(&mut std::io::BufReader::new(f), &mut h)?;
            Ok(h.finalize().to_hex().to_string())
        })
        .unwrap_or_default();
    let identity = format!(
        "woo-redact configuration\0{}\0{program}\0{}",
        env!("CARGO_PKG_VERSION"),
        blake3::Hash::from_bytes(redactor.fingerprint()).to_hex()
    );
    key.digest(identity.as_bytes())
}

/// Where a redaction run writes.
struct Placement<'a> {
    out: &'a Path,
    work: &'a WorkDir,
    config: &'a str,
}

impl Placement<'_> {
    /// After a failure: no completion record, and no output from an earlier run left under
    /// the document's output name.
    fn forget(&self, job: &Job) {
        self.work.forget(&job.relative);
        if let Ok(target) = output_path(self.out, job)
            && std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir())
        {
            let _ = std::fs::remove_file(&target);
        }
    }

    /// Writes `bytes` to `target` atomically, through the work directory, after checking that
    /// the directory it goes into lies inside `--out` (no link leads out).
    fn write(&self, target: &Path, bytes: &[u8]) -> Result<(), DocumentError> {
        let write_err = |e| DocumentError::Write {
            path: target.to_path_buf(),
            source: e,
        };
        let dir = target.parent().unwrap_or(self.out);
        std::fs::create_dir_all(dir).map_err(write_err)?;
        if !dir.canonicalize().map_err(write_err)?.starts_with(self.out) {
            return Err(DocumentError::OutputPath(
                "a directory on the output path is a link that leads outside the output \
                 directory"
                    .into(),
            ));
        }
        let mut tmp = self.work.temp().map_err(write_err)?;
        tmp.write_all(bytes).map_err(write_err)?;
        tmp.as_file().sync_all().map_err(write_err)?;
        match tmp.persist(target) {
            Ok(_) => Ok(()),
            // The target directory is on another file system (a mount point): write next to
            // it instead.
            Err(e) if e.error.kind() == std::io::ErrorKind::CrossesDevices => {
                write_atomic(target, bytes).map_err(write_err)
            }
            Err(e) => Err(write_err(e.error)),
        }
    }
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
    let process = |job: &Job| {
        guarded(job, options.limits.timeout, || {
            scan_document(redactor, job, options)
        })
    };
    let mut report = run_ordered(&jobs, options, &process, &mut sink).map_err(stdout_err)?;
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
        let Some(kind) = job.kind.filter(|_| job.problem.is_none()) else {
            return Vec::new();
        };
        // A document that cannot be read, is too large or too slow fails in the main pass;
        // here it names nobody.
        let Ok(bytes) = read_within_limits(job, kind, &options.limits) else {
            return Vec::new();
        };
        catch_unwind(AssertUnwindSafe(|| {
            deadline::run(options.limits.timeout, || {
                let text = match kind {
                    DocumentKind::Text => TextDocument::decode(bytes).ok()?.text,
                    DocumentKind::Pdf => crate::pdf::text(&bytes, &options.pdf).ok()?,
                };
                Some(redactor.identify(&text))
            })
            .ok()
            .flatten()
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
                report.add(&outcome);
                if let Some(e) = &outcome.summary.error {
                    progress.suspend(|| {
                        eprintln!("woo-redact: failed: {}: {e}", outcome.summary.document)
                    });
                }
                for line in image_notes(&outcome.summary) {
                    progress.suspend(|| eprintln!("woo-redact: {line}"));
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

/// The standard error lines for a document's images that were left as they were: one for
/// images not inspected, one for images that show no text.
fn image_notes(summary: &DocumentSummary) -> Vec<String> {
    let Some(pdf) = &summary.pdf else {
        return Vec::new();
    };
    let pages = |p: &[u32]| p.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    if !pdf.images_not_inspected.is_empty() {
        out.push(format!(
            "images not inspected (needs OCR: install tesseract-ocr-nld): {}: page(s) {}",
            summary.document,
            pages(&pdf.images_not_inspected)
        ));
    }
    if !pdf.images_without_text.is_empty() {
        out.push(format!(
            "images without text (photos, logos, signatures) left as they were: {}: page(s) {}",
            summary.document,
            pages(&pdf.images_without_text)
        ));
    }
    out
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

/// Skipped and unprocessable jobs are settled here; the others go to `process`.
fn isolated(job: &Job, process: &(dyn Fn(&Job) -> Outcome + Sync)) -> Outcome {
    if job.kind.is_none() && job.problem.is_none() {
        return Outcome {
            summary: DocumentSummary::new(job, Status::Skipped),
            lines: Vec::new(),
            resumed: false,
        };
    }
    process(job)
}

thread_local! {
    /// Whether this thread is processing a document (inside [`guarded`]).
    static IN_DOCUMENT: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic on this thread happened, as recorded by [`install_panic_hook`].
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook for the command line: a panic message can quote the text being
/// processed (a string slice out of bounds prints the string), so it is never printed. A
/// panic inside a document only records where it happened, for that document's failure
/// reason; any other panic prints that place and nothing else.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown place".into());
        if IN_DOCUMENT.get() {
            PANIC_AT.set(Some(at));
        } else {
            eprintln!(
                "woo-redact: internal error at {at} (message withheld: it could quote document \
                 text)"
            );
        }
    }));
}

/// Runs `f` for one job under the time limit, turning a panic or an expired deadline into
/// that document's failure. The panic's message is never kept: only where it happened, when
/// [`install_panic_hook`] is in place.
fn guarded(job: &Job, limit: Option<Duration>, f: impl FnOnce() -> Outcome) -> Outcome {
    if let Some(problem) = &job.problem {
        return Outcome::failed(job, DocumentError::Input(problem.clone()), 0);
    }
    IN_DOCUMENT.set(true);
    PANIC_AT.set(None);
    let result = catch_unwind(AssertUnwindSafe(|| deadline::run(limit, f)));
    IN_DOCUMENT.set(false);
    match result {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(deadline::TimeLimitExceeded)) => {
            let seconds = limit.map_or(0, |l| l.as_secs());
            Outcome::failed(job, DocumentError::Timeout { seconds }, 0)
        }
        Err(_payload) => {
            let at = PANIC_AT
                .take()
                .map_or_else(|| "panic".to_string(), |at| format!("panic at {at}"));
            Outcome::failed(job, DocumentError::Panic(at), 0)
        }
    }
}

/// Reads a job's file if it is within the size limit for its kind.
fn read_within_limits(
    job: &Job,
    kind: DocumentKind,
    limits: &Limits,
) -> Result<Vec<u8>, DocumentError> {
    let (limit, option) = limits.max_bytes(kind);
    let too_large = |size| DocumentError::TooLarge {
        size,
        limit,
        option,
    };
    let size = std::fs::metadata(&job.path)
        .map_err(DocumentError::Read)?
        .len();
    if size > limit {
        return Err(too_large(size));
    }
    // Read at most one byte more than the limit, in case the file grows meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(&job.path).map_err(DocumentError::Read)?,
            limit.saturating_add(1),
        ),
        &mut bytes,
    )
    .map_err(DocumentError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn redact_document(
    redactor: &Redactor,
    job: &Job,
    place: &Placement<'_>,
    options: &BatchOptions,
) -> Outcome {
    let Some(kind) = job.kind else {
        unreachable!("skipped jobs are not processed")
    };
    let bytes = match read_within_limits(job, kind, &options.limits) {
        Ok(b) => b,
        Err(e @ DocumentError::TooLarge { size, .. }) => return Outcome::failed(job, e, size),
        Err(e) => return Outcome::failed(job, e, 0),
    };
    let size = bytes.len() as u64;
    let target = match output_path(place.out, job) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(job, e, size),
    };
    let input_hash = blake3::hash(&bytes);
    if options.resume
        && let Some(outcome) = resumed(job, place, &input_hash.to_hex(), &target)
    {
        return outcome;
    }
    let result = match kind {
        DocumentKind::Text => {
            redact_text(redactor, job, bytes, &options.key).map(|(o, r)| (o, r, None))
        }
        DocumentKind::Pdf => {
            crate::pdf::redact(redactor, &bytes, &job.relative, &options.key, &options.pdf)
                .map(|p| (p.bytes, p.records, Some(p.report)))
                .map_err(DocumentError::from)
        }
    };
    let (output, records, pdf_report) = match result {
        Ok(r) => r,
        Err(e) => return Outcome::failed(job, e, size),
    };
    if let Err(e) = place.write(&target, &output) {
        return Outcome::failed(job, e, size);
    }
    let status = if records.is_empty() {
        Status::Unchanged
    } else {
        Status::Redacted
    };
    let mut summary = DocumentSummary::new(job, status);
    summary.output = Some(target.to_string_lossy().into_owned());
    let output_hash = hex(&output);
    summary.output_blake3 = Some(output_hash.clone());
    summary.bytes = size;
    summary.pdf = pdf_report;
    summary.count(&records);
    let outcome = Outcome::done(summary, &records);
    let completion = Completion::new(
        &job.relative,
        place.config,
        input_hash.to_hex().to_string(),
        output_hash,
        outcome.summary.clone(),
        outcome.lines.clone(),
    );
    if let Err(e) = place.work.store(&completion) {
        return Outcome::failed(
            job,
            DocumentError::Write {
                path: place.out.join(crate::resume::WORK_DIR),
                source: e,
            },
            size,
        );
    }
    outcome
}

/// The outcome of a document that an interrupted run completed, if its record matches.
fn resumed(job: &Job, place: &Placement<'_>, input_hash: &str, target: &Path) -> Option<Outcome> {
    let c = place.work.load(&job.relative)?;
    if c.config != place.config || c.input != input_hash {
        return None;
    }
    let output = std::fs::read(target).ok()?;
    if hex(&output) != c.output {
        return None;
    }
    let mut summary = c.summary;
    summary.output = Some(target.to_string_lossy().into_owned());
    summary.output_blake3 = Some(c.output);
    Some(Outcome {
        summary,
        lines: c.audit,
        resumed: true,
    })
}

fn scan_document(redactor: &Redactor, job: &Job, options: &BatchOptions) -> Outcome {
    let Some(kind) = job.kind else {
        unreachable!("skipped jobs are not processed")
    };
    let bytes = match read_within_limits(job, kind, &options.limits) {
        Ok(b) => b,
        Err(e @ DocumentError::TooLarge { size, .. }) => return Outcome::failed(job, e, size),
        Err(e) => return Outcome::failed(job, e, 0),
    };
    let size = bytes.len() as u64;
    let result = match kind {
        DocumentKind::Text => scan_text(redactor, job, bytes, &options.key).map(|r| (r, None)),
        DocumentKind::Pdf => {
            crate::pdf::scan(redactor, &bytes, &job.relative, &options.key, &options.pdf)
                .map(|(r, report)| (r, Some(report)))
                .map_err(DocumentError::from)
        }
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
            Outcome::done(summary, &records)
        }
        Err(e) => Outcome::failed(job, e, size),
    }
}

/// Redacts a text document through the shared pipeline: the output bytes (verified as
/// written) and the audit records.
fn redact_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<(Vec<u8>, Vec<AuditRecord>), DocumentError> {
    let out = crate::document::redact_text(redactor, bytes, &job.relative, key, None)?;
    Ok((out.bytes, out.records))
}

fn scan_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<Vec<AuditRecord>, DocumentError> {
    let doc = TextDocument::decode(bytes)?;
    let scan = redactor.scan(&doc.text);
    Ok(crate::audit::text_records(
        &job.relative,
        &doc,
        &scan.removals,
        key,
    ))
}

/// The output path of a job: its relative path under `out`, which must not lead outside
/// `out` or onto the input itself.
fn output_path(out: &Path, job: &Job) -> Result<PathBuf, DocumentError> {
    let mut target = out.to_path_buf();
    for part in job.relative.split('/') {
        if part.is_empty()
            || part == "."
            || part == ".."
            || part.contains('\\')
            || Path::new(part).is_absolute()
            || (target == out && part == crate::resume::WORK_DIR)
        {
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

/// Writes `audit.jsonl` and `summary.json` under temporary names in the work directory,
/// renamed into the output directory at the end.
struct FileSink {
    audit: BufWriter<tempfile::NamedTempFile>,
    summary: BufWriter<tempfile::NamedTempFile>,
    dir: PathBuf,
    first: bool,
}

impl FileSink {
    fn create(
        work: &WorkDir,
        dir: &Path,
        redactor: &Redactor,
        key: &DigestKey,
    ) -> std::io::Result<FileSink> {
        let mut summary = BufWriter::new(work.temp()?);
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
            audit: BufWriter::new(work.temp()?),
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
        for line in &outcome.lines {
            writeln!(self.audit, "{line}")?;
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
        for line in &outcome.lines {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lists, Policy};
    use std::sync::atomic::AtomicUsize;

    fn key() -> DigestKey {
        DigestKey::from_material(b"batch unit test key material").unwrap()
    }

    fn redactor() -> Redactor {
        Redactor::new(Policy::default(), &Lists::default()).unwrap()
    }

    fn job(path: &Path, relative: &str) -> Job {
        Job {
            path: path.to_path_buf(),
            relative: relative.into(),
            kind: DocumentKind::of(path),
            problem: None,
        }
    }

    #[test]
    fn resume_trusts_only_matching_records() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("a.txt");
        std::fs::write(&input, "Bel 06-12345678.").unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let out = out.canonicalize().unwrap();
        let work = WorkDir::open(&out, false).unwrap();
        let options = BatchOptions {
            resume: true,
            ..BatchOptions::new(key())
        };
        let r = redactor();
        let config = configuration(&r, &options.key);
        let place = Placement {
            out: &out,
            work: &work,
            config: &config,
        };
        let job = job(&input, "a.txt");
        let first = redact_document(&r, &job, &place, &options);
        assert_eq!(first.summary.status, Status::Redacted);
        assert!(!first.resumed);
        let target = out.join("a.txt");
        let hash = |p: &Path| hex(&std::fs::read(p).unwrap());

        // Everything matches: taken over, with the same audit lines.
        let again = redact_document(&r, &job, &place, &options);
        assert!(again.resumed);
        assert_eq!(again.lines, first.lines);
        assert!(resumed(&job, &place, &hash(&input), &target).is_some());
        // Another configuration (another key gives another fingerprint).
        let other = configuration(
            &r,
            &DigestKey::from_material(b"another key, also long").unwrap(),
        );
        assert_ne!(other, config);
        let elsewhere = Placement {
            config: &other,
            ..place
        };
        assert!(resumed(&job, &elsewhere, &hash(&input), &target).is_none());
        // Another input.
        assert!(resumed(&job, &place, &hex(b"changed"), &target).is_none());
        // A changed or missing output.
        std::fs::write(&target, "Bel [5.1.2e]!").unwrap();
        assert!(resumed(&job, &place, &hash(&input), &target).is_none());
        let redone = redact_document(&r, &job, &place, &options);
        assert!(!redone.resumed);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "Bel [5.1.2e].");
        std::fs::remove_file(&target).unwrap();
        assert!(resumed(&job, &place, &hash(&input), &target).is_none());
        // A damaged record.
        redact_document(&r, &job, &place, &options);
        let records: Vec<_> = std::fs::read_dir(out.join(".woo-redact/done"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(records.len(), 1);
        std::fs::write(&records[0], "{\"format\":1,").unwrap();
        assert!(resumed(&job, &place, &hash(&input), &target).is_none());
        // The record never holds the removed text.
        redact_document(&r, &job, &place, &options);
        let record = std::fs::read_to_string(&records[0]).unwrap();
        assert!(!record.contains("12345678"), "{record}");
    }

    #[test]
    fn workers_stay_within_the_window_of_the_writer() {
        struct Slow<'a> {
            written: &'a AtomicUsize,
        }
        impl Sink for Slow<'_> {
            fn document(&mut self, _: &Outcome) -> std::io::Result<()> {
                if self
                    .written
                    .fetch_add(1, Ordering::SeqCst)
                    .is_multiple_of(50)
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(())
            }
        }
        let jobs: Vec<Job> = (0..1000)
            .map(|i| job(Path::new("x.txt"), &format!("{i}.txt")))
            .collect();
        let started = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        let process = |j: &Job| {
            let s = started.fetch_add(1, Ordering::SeqCst) + 1;
            ahead.fetch_max(s - written.load(Ordering::SeqCst), Ordering::SeqCst);
            Outcome {
                summary: DocumentSummary::new(j, Status::Unchanged),
                lines: vec!["{}".into()],
                resumed: false,
            }
        };
        let options = BatchOptions {
            jobs: 3,
            ..BatchOptions::new(key())
        };
        let report =
            run_ordered(&jobs, &options, &process, &mut Slow { written: &written }).unwrap();
        assert_eq!(report.documents, 1000);
        let ahead = ahead.load(Ordering::SeqCst);
        assert!(
            ahead <= WINDOW,
            "workers ran {ahead} documents ahead of the writer"
        );
    }

    #[test]
    fn panics_and_time_limits_fail_the_document_without_its_text() {
        let previous = std::panic::take_hook();
        install_panic_hook();
        let j = job(Path::new("a.txt"), "a.txt");
        let outcome = guarded(&j, None, || {
            let text = String::from("Jan de Vries");
            let _ = &text[..99]; // the panic message quotes the text
            unreachable!()
        });
        let timed_out = guarded(&j, Some(Duration::from_millis(10)), || {
            loop {
                deadline::check();
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        std::panic::set_hook(previous);
        let e = outcome.summary.error.unwrap();
        assert!(e.starts_with("internal error"), "{e}");
        assert!(e.contains("panic at "), "{e}");
        assert!(!e.contains("Vries"), "{e}");
        assert!(outcome.lines.is_empty());
        let e = timed_out.summary.error.unwrap();
        assert!(e.starts_with("time limit exceeded"), "{e}");
    }

    #[test]
    fn output_paths_stay_inside_the_output_directory() {
        let out = Path::new("/out");
        for bad in [
            "../x.txt",
            "a/../../x.txt",
            "/etc/x.txt",
            "",
            "a//b.txt",
            ".woo-redact/x.txt",
            "a\\..\\x.txt",
        ] {
            assert!(
                output_path(out, &job(Path::new("in/x.txt"), bad)).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            output_path(out, &job(Path::new("in/a/b.txt"), "a/b.txt")).unwrap(),
            Path::new("/out/a/b.txt")
        );
        // Below the top, a directory named like the work directory is an ordinary name.
        assert!(output_path(out, &job(Path::new("x"), "a/.woo-redact/x.txt")).is_ok());
    }
}
