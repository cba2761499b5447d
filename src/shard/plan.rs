//! `plan`: list the inputs as a single run does, fix the lists, policy and options for every
//! task, and divide the documents into contiguous shards.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::manifest::{self, Entry};
use super::store::{Staged, create_only};
use super::{Layout, ShardError, read_json, storage};
use crate::audit::{DigestKey, KeySource};
use crate::batch::{self, BatchOptions, FileFilter, Job, Limits, Reuse};
use crate::error::BatchError;
use crate::lists::Lists;
use crate::pdf::{OcrOptions, PdfOptions};
use crate::policy::{PersonScope, Policy};
use crate::redactor::Redactor;

/// Version of the plan format.
const FORMAT: u32 = 1;

/// The per-document options of `redact` that decide its output, fixed in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunOptions {
    /// `--no-ocr`.
    pub no_ocr: bool,
    /// `--trust-ocr-layers`.
    pub trust_ocr_layers: bool,
    /// `--ocr-text`.
    pub ocr_text: bool,
    /// `--timeout` in seconds; `None` for no limit.
    pub timeout_seconds: Option<u64>,
    /// `--max-text-mb`, in bytes.
    pub max_text_bytes: u64,
    /// `--max-pdf-mb`, in bytes.
    pub max_pdf_bytes: u64,
}

impl Default for RunOptions {
    fn default() -> Self {
        let limits = Limits::default();
        RunOptions {
            no_ocr: false,
            trust_ocr_layers: false,
            ocr_text: false,
            timeout_seconds: limits.timeout.map(|t| t.as_secs()),
            max_text_bytes: limits.max_text_bytes,
            max_pdf_bytes: limits.max_pdf_bytes,
        }
    }
}

impl RunOptions {
    /// The batch options a single run would have with these options (as the command line
    /// builds them).
    pub fn batch_options(
        &self,
        key: DigestKey,
        jobs: usize,
        pdf_password: Option<String>,
    ) -> BatchOptions {
        BatchOptions {
            jobs,
            pdf: PdfOptions {
                password: pdf_password,
                ocr: if self.no_ocr {
                    OcrOptions::off()
                } else {
                    OcrOptions {
                        check_text_layers: !self.trust_ocr_layers,
                        ..OcrOptions::auto()
                    }
                },
                ocr_text: self.ocr_text,
            },
            limits: Limits {
                timeout: self.timeout_seconds.map(Duration::from_secs),
                max_text_bytes: self.max_text_bytes,
                max_pdf_bytes: self.max_pdf_bytes,
            },
            ..BatchOptions::new(key)
        }
    }
}

/// What `plan` is given: the same inputs, lists and options as `redact`.
#[derive(Debug, Clone)]
pub struct PlanOptions {
    /// Files or directories, as for `redact`.
    pub inputs: Vec<PathBuf>,
    /// The output directory; the plan goes to `out/.woo-redact/shards/`.
    pub out: PathBuf,
    /// Number of shards (at least 1; more shards than documents leaves some empty).
    pub shards: usize,
    /// `--staff`, `--public`, `--keep`, `--config`: copied into the plan.
    pub staff: Option<PathBuf>,
    /// The list of people public by function.
    pub public: Option<PathBuf>,
    /// The keep list.
    pub keep: Option<PathBuf>,
    /// The policy.
    pub policy: Option<PathBuf>,
    /// `--glob`.
    pub filter: FileFilter,
    /// The per-document options.
    pub run: RunOptions,
    /// What to do with an output directory that holds files (as for `redact`).
    pub reuse: Reuse,
    /// The audit key: every task must be given the same one. Only its identifier (a keyed
    /// digest) is written.
    pub key: DigestKey,
    /// `--pdf-password`: only a keyed digest is written; every task must be given it too.
    pub pdf_password: Option<String>,
}

/// One shard: documents `first..end` and the hash of its manifest file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRange {
    /// First document (its `seq`).
    pub first: usize,
    /// One past the last document.
    pub end: usize,
    /// BLAKE3 of `manifest/shard-K.jsonl`.
    pub manifest_blake3: String,
}

/// `plan.json`: everything every task must agree on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    format: u32,
    /// The program version.
    pub version: String,
    /// BLAKE3 of the program that made the plan: every task must run the same one.
    pub program: String,
    /// Documents (and skipped files) in the batch.
    pub documents: usize,
    /// The shards, in order; they cover `0..documents` without gaps.
    pub shards: Vec<ShardRange>,
    /// The copied list files under `lists/`, by role (`staff`, `public`, `keep`, `policy`).
    pub lists: Vec<(String, String)>,
    /// The redactor's content fingerprint (policy and lists; they are in the plan anyway).
    pub configuration: String,
    /// Keyed digest identifying the audit key (never the key).
    pub key_id: String,
    /// How the plan was given its key (`file`, `environment`, `supplied`): `summary.json`
    /// says so, as the single run's does.
    pub key_source: String,
    /// Keyed digest of the PDF password, if one was given.
    pub pdf_password: Option<String>,
    /// The per-document options.
    pub options: RunOptions,
    /// `names.scope: batch`: one decision per person across the batch.
    pub batch_people: bool,
}

/// The file names of the copied lists.
const LIST_FILES: [(&str, &str); 4] = [
    ("staff", "staff.csv"),
    ("public", "public.lst"),
    ("keep", "keep.lst"),
    ("policy", "policy.json"),
];

fn program_hash() -> String {
    std::env::current_exe()
        .and_then(|p| super::hash_file(&p))
        .unwrap_or_default()
}

fn key_id(key: &DigestKey) -> Result<String, ShardError> {
    if key.source() == KeySource::Random {
        return Err(ShardError::Usage(
            "a sharded run needs an audit key (--audit-key or WOO_REDACT_AUDIT_KEY): every \
             task must write the same digests"
                .into(),
        ));
    }
    Ok(key.digest(b"woo-redact shard key id"))
}

fn build_redactor(
    staff: Option<&Path>,
    public: Option<&Path>,
    keep: Option<&Path>,
    policy: Option<&Path>,
) -> Result<Redactor, ShardError> {
    let policy = match policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let lists = Lists::from_files(staff, public, keep)?;
    Ok(Redactor::new(policy, &lists)?)
}

fn configuration(redactor: &Redactor) -> String {
    blake3::Hash::from_bytes(redactor.fingerprint())
        .to_hex()
        .to_string()
}

fn source_name(source: KeySource) -> String {
    serde_json::to_value(source)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Makes the plan in `options.out` (see the module documentation). Refused like `redact`
/// (exit 2, nothing written): missing inputs, no documents, an output directory that is an
/// input or holds other files, an output directory that already holds a plan (unless
/// [`Reuse::Overwrite`]), no audit key.
pub fn plan(options: &PlanOptions) -> Result<Plan, ShardError> {
    let key_id = key_id(&options.key)?;
    if options.shards == 0 {
        return Err(ShardError::Usage("--shards must be at least 1".into()));
    }
    // Lists and policy given as object-store URLs are fetched first (and copied into the
    // plan like local ones).
    let fetched = tempfile::tempdir().map_err(ShardError::io(std::env::temp_dir()))?;
    let mut given = Vec::with_capacity(LIST_FILES.len());
    for (source, (role, _)) in [
        &options.staff,
        &options.public,
        &options.keep,
        &options.policy,
    ]
    .into_iter()
    .zip(LIST_FILES)
    {
        given.push(match source {
            Some(source) => Some(storage::local_file(source, &fetched.path().join(role))?),
            None => None,
        });
    }
    let redactor = build_redactor(
        given[0].as_deref(),
        given[1].as_deref(),
        given[2].as_deref(),
        given[3].as_deref(),
    )?;
    let (jobs, sizes) = discover(options)?;
    if jobs.is_empty() {
        return Err(BatchError::NoDocuments.into());
    }
    let layout = if storage::is_url(&options.out) {
        prepare_remote_out(options, &jobs)?
    } else {
        prepare_local_out(options, &jobs)?
    };
    // An earlier run's results never stand beside this run's.
    for name in ["audit.jsonl", "summary.json"] {
        layout.remove(&layout.out.join(name))?;
    }

    let mut lists = Vec::new();
    for ((role, file), source) in LIST_FILES.iter().zip(&given) {
        if let Some(source) = source {
            let bytes = std::fs::read(source).map_err(ShardError::io(source))?;
            create_only(&layout, &layout.lists().join(file), &bytes)?;
            lists.push((role.to_string(), file.to_string()));
        }
    }

    let n = jobs.len();
    let s = options.shards;
    let mut shards = Vec::with_capacity(s);
    for k in 0..s {
        let (first, end) = (k * n / s, (k + 1) * n / s);
        shards.push(ShardRange {
            first,
            end,
            manifest_blake3: write_manifest(
                &layout,
                k,
                first,
                &jobs[first..end],
                &sizes[first..end],
            )?,
        });
    }
    let plan = Plan {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        program: program_hash(),
        documents: n,
        shards,
        lists,
        configuration: configuration(&redactor),
        key_id,
        key_source: source_name(options.key.source()),
        pdf_password: options
            .pdf_password
            .as_ref()
            .map(|p| options.key.digest(p.as_bytes())),
        options: options.run.clone(),
        batch_people: redactor.policy().names.scope == PersonScope::Batch,
    };
    let bytes = serde_json::to_vec_pretty(&plan).map_err(std::io::Error::other);
    let bytes = bytes.map_err(ShardError::io("plan.json"))?;
    create_only(&layout, &layout.plan_file(), &bytes)?;
    Ok(plan)
}

/// The batch's documents as a single run finds them, with the sizes an object store listed:
/// local inputs exactly as `batch::redact_with` discovers them, URLs as their listing
/// (see `storage::remote::discover`).
fn discover(options: &PlanOptions) -> Result<(Vec<Job>, Vec<Option<u64>>), ShardError> {
    let urls = options.inputs.iter().filter(|i| storage::is_url(i)).count();
    if urls > 0 {
        if urls < options.inputs.len() {
            return Err(ShardError::Usage(
                "give the inputs all as local paths or all as object-store URLs".into(),
            ));
        }
        let mut found = storage::discover_urls(&options.inputs, &options.filter)?;
        batch::fail_duplicates(found.iter_mut().map(|(job, _)| job));
        return Ok(found
            .into_iter()
            .map(|(job, size)| (job, Some(size)))
            .unzip());
    }
    let out = &options.out;
    let local_out = !storage::is_url(out);
    if local_out {
        batch::check_out_is_not_an_input(&options.inputs, out)?;
    }
    let exclude = if local_out {
        batch::real_path(out)
    } else {
        None
    };
    let jobs = batch::discover(&options.inputs, exclude.as_deref(), &options.filter)?;
    let sizes = vec![None; jobs.len()];
    Ok((jobs, sizes))
}

/// A local output directory, checked and prepared as `redact` does it.
fn prepare_local_out(options: &PlanOptions, jobs: &[Job]) -> Result<Layout, ShardError> {
    let out = &options.out;
    let out_err = |e: std::io::Error| BatchError::Output {
        path: out.clone(),
        source: e,
    };
    if options.reuse != Reuse::Overwrite && Layout::new(out).plan_file().exists() {
        return Err(ShardError::Usage(format!(
            "{} already holds a plan; give --overwrite to plan again",
            out.display()
        )));
    }
    batch::prepare_out(out, jobs, options.reuse)?;
    std::fs::create_dir_all(out).map_err(out_err)?;
    let canonical = out.canonicalize().map_err(out_err)?;
    batch::check_out_is_not_an_input(&options.inputs, &canonical)?;
    Ok(Layout::new(&canonical))
}

/// An output prefix in an object store: it must be empty, or, with `--overwrite`, the
/// earlier plan and this batch's output names in it are removed (create-only writes would
/// otherwise meet them).
fn prepare_remote_out(options: &PlanOptions, jobs: &[Job]) -> Result<Layout, ShardError> {
    let layout = storage::layout_for(&options.out)?;
    if options.reuse != Reuse::Overwrite {
        if !layout.is_empty()? {
            return Err(ShardError::Usage(format!(
                "{} is not empty; give --overwrite to plan again over an earlier run",
                layout.name()
            )));
        }
        return Ok(layout);
    }
    layout.remove(&layout.root)?;
    for job in jobs {
        layout.remove(&layout.out.join(batch::output_relative(job)))?;
    }
    Ok(layout)
}

fn write_manifest(
    layout: &Layout,
    shard: usize,
    first: usize,
    jobs: &[Job],
    sizes: &[Option<u64>],
) -> Result<String, ShardError> {
    let path = layout.manifest(shard);
    let mut staged = Staged::new(layout)?;
    for (i, (job, size)) in jobs.iter().zip(sizes).enumerate() {
        let entry = Entry::from_job(first + i, job, *size)?;
        let line = serde_json::to_string(&entry).map_err(std::io::Error::other);
        let line = line.map_err(ShardError::io(layout.show(&path)))?;
        staged
            .line(&line)
            .map_err(ShardError::io(layout.show(&path)))?;
    }
    staged.commit(layout, &path)
}

impl Plan {
    /// Reads the plan in `out` as it is, unchecked: enough to know its number of shards
    /// (for `--shard auto`); every step checks it fully.
    pub fn read(out: &Path) -> Result<Plan, ShardError> {
        let layout = Layout::open(out)?;
        read_json(&layout, &layout.plan_file())
    }
}

/// The PDF password a task was given, or none needed (`reduce`, `merge` read no PDF).
pub(crate) enum Password {
    Given(Option<String>),
    NotNeeded,
}

/// A plan as a task sees it: checked against the task's key and program.
pub(crate) struct Loaded {
    pub(crate) layout: Layout,
    pub(crate) plan: Plan,
    /// BLAKE3 of `plan.json`.
    pub(crate) digest: String,
    /// The redactor from the copied lists (without the batch's people).
    pub(crate) redactor: Redactor,
    /// The batch options (key, limits, PDF options) every task uses.
    pub(crate) options: BatchOptions,
}

impl Loaded {
    /// Loads the plan in `out` and checks that this task has the plan's key, program and PDF
    /// password, and that the copied lists still give the planned configuration.
    pub(crate) fn open(
        out: &Path,
        key: Option<&DigestKey>,
        jobs: usize,
        pdf_password: Password,
    ) -> Result<Loaded, ShardError> {
        let layout = Layout::open(out)?;
        let plan_file = layout.plan_file();
        let bytes = layout.read_existing(&plan_file)?;
        let digest = blake3::hash(&bytes).to_hex().to_string();
        let plan: Plan =
            serde_json::from_slice(&bytes).map_err(|e| super::damaged(&layout, &plan_file, &e))?;
        let mismatch = |what: &str| {
            Err(ShardError::Mismatch(format!(
                "this task's {what} differs from the plan's; every task must use the plan's"
            )))
        };
        if plan.format != FORMAT || plan.version != env!("CARGO_PKG_VERSION") {
            return mismatch("program version");
        }
        if plan.program != program_hash() {
            return mismatch("program (its executable)");
        }
        if let Some(key) = key
            && key_id(key)? != plan.key_id
        {
            return mismatch("audit key");
        }
        let pdf_password = match (pdf_password, key) {
            (Password::Given(p), Some(key)) => {
                if p.as_ref().map(|p| key.digest(p.as_bytes())) != plan.pdf_password {
                    return mismatch("PDF password");
                }
                p
            }
            (Password::Given(p), None) if p.is_none() && plan.pdf_password.is_none() => None,
            (Password::Given(_), None) => {
                return Err(ShardError::Usage(
                    "the plan has a PDF password: give it with the audit key, which checks it"
                        .into(),
                ));
            }
            (Password::NotNeeded, _) => None,
        };
        let list = |role: &str| -> Result<Option<PathBuf>, ShardError> {
            plan.lists
                .iter()
                .find(|(r, _)| r == role)
                .map(|(_, file)| layout.local(&layout.lists().join(file)))
                .transpose()
        };
        let redactor = build_redactor(
            list("staff")?.as_deref(),
            list("public")?.as_deref(),
            list("keep")?.as_deref(),
            list("policy")?.as_deref(),
        )?;
        if configuration(&redactor) != plan.configuration {
            return Err(ShardError::Mismatch(
                "the lists or policy in the plan were changed since it was made".into(),
            ));
        }
        let covered = plan.shards.first().is_some_and(|s| s.first == 0)
            && plan.shards.windows(2).all(|w| w[0].end == w[1].first)
            && plan.shards.iter().all(|s| s.first <= s.end)
            && plan.shards.last().is_some_and(|s| s.end == plan.documents);
        if !covered {
            return Err(ShardError::Mismatch(
                "the plan's shards do not cover its documents without gaps or overlaps".into(),
            ));
        }
        // Without a key (scan, reduce and merge write no digest), a stand-in that is never
        // used for one; the summary names the plan's key source.
        let key = key.cloned().unwrap_or_else(DigestKey::random);
        let key = key.with_source(match plan.key_source.as_str() {
            "file" => KeySource::File,
            "environment" => KeySource::Environment,
            _ => KeySource::Supplied,
        });
        let options = plan.options.batch_options(key, jobs, pdf_password);
        Ok(Loaded {
            layout,
            plan,
            digest,
            redactor,
            options,
        })
    }

    /// The range of shard `k`.
    pub(crate) fn range(&self, k: usize) -> Result<&ShardRange, ShardError> {
        self.plan.shards.get(k).ok_or_else(|| {
            ShardError::Usage(format!(
                "shard {k} is out of range, the plan has {} shard(s)",
                self.plan.shards.len()
            ))
        })
    }

    /// Shard `k`'s documents.
    pub(crate) fn entries(&self, k: usize) -> Result<Vec<Entry>, ShardError> {
        let range = self.range(k)?;
        let path = self.layout.manifest(k);
        manifest::read(
            &self.layout,
            &path,
            &range.manifest_blake3,
            range.first,
            range.end,
        )
    }
}
