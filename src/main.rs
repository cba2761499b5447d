//! The `woo-redact` command line: a thin shell over the library (see `CONTRACT.md`).

mod cli;

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use cli::lang::{Lang, Msg};
use woo_redact::batch::{self, BatchOptions, FileFilter, Limits, Reuse};
use woo_redact::{BatchError, ConfigError, DigestKey, Lists, Policy, Redactor};

/// Removes personal data from Dutch government documents for publication under the Woo.
#[derive(Parser)]
#[command(name = "woo-redact", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the messages: en or nl (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "nl"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Redact documents into an output directory, with audit.jsonl and summary.json.
    Redact {
        #[command(flatten)]
        common: Common,
        /// Output directory. An existing one that holds files this batch does not write is
        /// refused, unless --resume or --overwrite is given.
        #[arg(long, value_name = "DIR", required_unless_present = "plan")]
        out: Option<PathBuf>,
        /// Continue an interrupted run into the same --out: documents it completed (same
        /// input, configuration and audit key) are taken over, the others are redone.
        #[arg(long, conflicts_with = "overwrite")]
        resume: bool,
        /// Remove everything in --out before the run.
        #[arg(long)]
        overwrite: bool,
        /// A reviewer's decisions.jsonl (from `scan --review`): apply exactly the removals
        /// it says, per document. A malformed file exits with 2 before anything is written.
        #[arg(long, value_name = "FILE", conflicts_with = "resume")]
        decisions: Option<PathBuf>,
        /// Sharded run, pass 2: redact one shard of the plan in DIR (made by `plan`) with
        /// its frozen state; the lists, policy and options are the plan's.
        #[arg(long, value_name = "DIR", requires = "shard",
              conflicts_with_all = ["inputs", "out", "resume", "overwrite", "decisions", "staff",
                                    "public", "keep", "config", "globs", "no_ocr",
                                    "trust_ocr_layers", "ocr_text", "timeout", "max_text_mb",
                                    "max_pdf_mb"])]
        plan: Option<PathBuf>,
        /// With --plan: the shard, from 0, or `auto` (JOB_COMPLETION_INDEX,
        /// SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN, AWS_BATCH_JOB_ARRAY_INDEX,
        /// NOMAD_ALLOC_INDEX).
        #[arg(long, value_name = "K|auto", requires = "plan")]
        shard: Option<String>,
        /// With --plan: refuse to run unless the frozen state has this digest (what `reduce`
        /// printed).
        #[arg(long, value_name = "DIGEST", requires = "plan")]
        state_digest: Option<String>,
    },
    /// Print the findings as JSON lines (the audit records) without changing anything.
    Scan {
        #[command(flatten)]
        common: Common,
        /// Also write a review folder: index.html, one HTML page per document with the
        /// proposed removals highlighted, and decisions.jsonl. It contains personal data and
        /// is never part of a publication.
        #[arg(long, value_name = "DIR")]
        review: Option<PathBuf>,
        /// Sharded run, pass 1: scan one shard of the plan in DIR for facts (input hashes,
        /// the people named); nothing is printed or redacted.
        #[arg(long, value_name = "DIR", requires = "shard",
              conflicts_with_all = ["inputs", "review", "staff", "public", "keep", "config",
                                    "globs", "no_ocr", "trust_ocr_layers", "ocr_text",
                                    "timeout", "max_text_mb", "max_pdf_mb"])]
        plan: Option<PathBuf>,
        /// With --plan: the shard, from 0, or `auto` (as for `redact --plan`).
        #[arg(long, value_name = "K|auto", requires = "plan")]
        shard: Option<String>,
    },
    /// Sharded run, step 1: list the inputs as `redact` does and divide them into shards;
    /// the lists, policy and options are fixed in the plan (in DIR/.woo-redact/shards/).
    Plan {
        #[command(flatten)]
        common: Common,
        /// Output directory, as for `redact`: the shards write the documents here, `merge`
        /// audit.jsonl and summary.json.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Number of shards (contiguous ranges of the documents in input order).
        #[arg(long, value_name = "S")]
        shards: usize,
        /// Replace an earlier plan or run in DIR.
        #[arg(long)]
        overwrite: bool,
    },
    /// Sharded run, step 3: merge the scan shards into the frozen batch state; prints its
    /// digest.
    Reduce(StepArgs),
    /// Sharded run, step 5: check every redact shard and write audit.jsonl and summary.json.
    Merge {
        #[command(flatten)]
        step: StepArgs,
        /// Keep the plan's files (DIR/.woo-redact/shards/: the lists and the people index,
        /// never to be published).
        #[arg(long)]
        keep_plan: bool,
    },
    /// Make the publication package of a completed redact run: productierapport, released
    /// documents, DiWoo metadata, duplicates, threads and a draft motivation.
    Publish(PublishArgs),
}

/// What `reduce` and `merge` take.
#[derive(Args)]
struct StepArgs {
    /// The output directory holding the plan.
    #[arg(long, value_name = "DIR")]
    plan: PathBuf,
    /// The audit key of the plan (else WOO_REDACT_AUDIT_KEY).
    #[arg(long, value_name = "FILE")]
    audit_key: Option<PathBuf>,
    /// No messages besides errors.
    #[arg(short = 'q', long)]
    quiet: bool,
}

#[derive(Args)]
struct PublishArgs {
    /// The output folder of a completed `redact` run.
    #[arg(value_name = "RUN_DIR")]
    run: PathBuf,
    /// The package folder (a new folder, or a package of the same matter to publish again).
    #[arg(long, value_name = "PKG")]
    out: PathBuf,
    /// The matter (dossier number) of the Woo decision.
    #[arg(long, value_name = "MATTER")]
    matter: String,
    /// publish.json: publisher, DiWoo choices, documents withheld whole.
    #[arg(long, value_name = "JSON")]
    config: Option<PathBuf>,
    /// Where the package will be served (https://…): also write sitemaps for the Woo index.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Most documents per dossier; more are divided into <MATTER>-01, -02, …
    #[arg(long, value_name = "N", default_value_t = woo_redact::publish::MAX_PER_DOSSIER)]
    max_per_dossier: usize,
    /// Leave documents that failed in the run out of the package (else the run is refused).
    #[arg(long)]
    skip_failed: bool,
    /// The run's staff directory (titles go through the same detectors as the documents).
    #[arg(long, value_name = "CSV")]
    staff: Option<PathBuf>,
    /// The run's list of people public by function.
    #[arg(long, value_name = "FILE")]
    public: Option<PathBuf>,
    /// The run's keep list.
    #[arg(long, value_name = "FILE")]
    keep: Option<PathBuf>,
    /// The run's policy (what `redact --config` was given).
    #[arg(long, value_name = "JSON")]
    policy: Option<PathBuf>,
    /// The run's audit key (else WOO_REDACT_AUDIT_KEY): titles are also checked against every
    /// text removed in the run, and metadata removals get digests.
    #[arg(long, value_name = "FILE")]
    audit_key: Option<PathBuf>,
}

#[derive(Args)]
struct Common {
    /// Files or directories (walked recursively); .txt, .pdf, .eml, .msg and .docx files are
    /// processed, other files are listed as skipped. `-` reads the paths from standard input, one per line.
    /// (Required, except with --plan.)
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Only files in input directories that match GLOB (`*.pdf`); `!GLOB` leaves them out
    /// (`!concept*`). A glob without `/` matches the name, else the path below the input.
    /// Repeatable.
    #[arg(short = 'g', long = "glob", value_name = "GLOB")]
    globs: Vec<String>,
    /// Quiet: no progress bar, no lines per document, no summary line (the exit status and
    /// summary.json still tell).
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Staff directory: CSV with the columns name (naam), email (e-mail), phone (telefoon),
    /// separated by `,` or `;`, in UTF-8, UTF-16 or Windows-1252 (as Excel saves it).
    #[arg(long, value_name = "CSV")]
    staff: Option<PathBuf>,
    /// People public by function, one name per line: their names stay readable.
    #[arg(long, value_name = "FILE")]
    public: Option<PathBuf>,
    /// Literal text that stays readable, one entry per line.
    #[arg(long, value_name = "FILE")]
    keep: Option<PathBuf>,
    /// Policy (JSON); built-in defaults when absent.
    #[arg(long, value_name = "JSON")]
    config: Option<PathBuf>,
    /// Key material for the audit digests (else WOO_REDACT_AUDIT_KEY, else a random key).
    #[arg(long, value_name = "FILE")]
    audit_key: Option<PathBuf>,
    /// User password for encrypted PDFs (the empty password is always tried).
    #[arg(long, value_name = "PASSWORD")]
    pdf_password: Option<String>,
    /// Do not read images with Tesseract: pages that are only an image fail, other images
    /// are listed as not inspected.
    #[arg(long)]
    no_ocr: bool,
    /// Do not recognise scans that have a text layer again: their removal boxes are then
    /// widened by a fixed margin only, not to the words Tesseract finds (much faster).
    #[arg(long)]
    trust_ocr_layers: bool,
    /// Write the recognised text of scanned pages (less what was removed) into the output as
    /// an invisible text layer; it may carry OCR errors.
    #[arg(long)]
    ocr_text: bool,
    /// Time limit per document, in seconds; a document not done in time fails alone (0: no
    /// limit). Time spent in OCR comes on top (at most 30 minutes more).
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::DEFAULT_TIMEOUT.as_secs())]
    timeout: u64,
    /// Largest text document processed, in MiB; larger ones fail alone.
    #[arg(long, value_name = "MIB", default_value_t = Limits::DEFAULT_MAX_TEXT_BYTES >> 20)]
    max_text_mb: u64,
    /// Largest PDF document processed, in MiB; larger ones fail alone.
    #[arg(long, value_name = "MIB", default_value_t = Limits::DEFAULT_MAX_PDF_BYTES >> 20)]
    max_pdf_mb: u64,
}

impl Common {
    fn redactor(&self) -> Result<Redactor, ConfigError> {
        let policy = match &self.config {
            Some(path) => Policy::from_file(path)?,
            None => Policy::default(),
        };
        let lists = Lists::from_files(
            self.staff.as_deref(),
            self.public.as_deref(),
            self.keep.as_deref(),
        )?;
        Redactor::new(policy, &lists)
    }

    fn limits(&self) -> Limits {
        Limits {
            timeout: (self.timeout > 0).then(|| Duration::from_secs(self.timeout)),
            max_text_bytes: self.max_text_mb.saturating_mul(1 << 20),
            max_pdf_bytes: self.max_pdf_mb.saturating_mul(1 << 20),
        }
    }

    /// The inputs, with `-` replaced by the paths read from standard input (one per line).
    fn inputs(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let mut inputs = Vec::new();
        for input in &self.inputs {
            if input.as_os_str() != "-" {
                inputs.push(input.clone());
                continue;
            }
            for line in std::io::stdin().lock().lines() {
                let line = line.map_err(|e| ConfigError::Read {
                    path: "<standard input>".into(),
                    source: e,
                })?;
                let path = line.trim_end_matches('\r');
                if !path.trim().is_empty() {
                    inputs.push(PathBuf::from(path));
                }
            }
        }
        Ok(inputs)
    }

    fn key(&self) -> Result<DigestKey, ConfigError> {
        match &self.audit_key {
            Some(path) => DigestKey::from_file(path),
            None => Ok(DigestKey::from_env()?.unwrap_or_else(DigestKey::random)),
        }
    }
}

fn main() -> ExitCode {
    // Panic messages can quote document text: never print them.
    std::panic::set_hook(Box::new(|info| {
        if !batch::note_panic(info) {
            eprintln!(
                "woo-redact: internal error at {} (message withheld: it could quote document \
                 text)",
                batch::panic_place(info)
            );
        }
    }));
    let cli = Cli::parse();
    let lang = Lang::choose(cli.lang.as_deref());
    let (common, out, reuse, decisions, review) = match &cli.command {
        Command::Redact {
            common,
            plan: Some(plan),
            shard,
            state_digest,
            ..
        } => {
            let shard = shard.as_deref().unwrap_or("auto");
            return cli::shard::redact(common, plan, shard, state_digest.as_deref(), lang);
        }
        Command::Scan {
            common,
            plan: Some(plan),
            shard,
            ..
        } => return cli::shard::scan(common, plan, shard.as_deref().unwrap_or("auto")),
        Command::Plan {
            common,
            out,
            shards,
            overwrite,
        } => {
            if common.inputs.is_empty() {
                return no_inputs();
            }
            return cli::shard::plan(common, out, *shards, *overwrite);
        }
        Command::Reduce(step) => {
            return cli::shard::reduce(&step.plan, step.audit_key.as_deref(), step.quiet);
        }
        Command::Merge { step, keep_plan } => {
            return cli::shard::merge(
                &step.plan,
                step.audit_key.as_deref(),
                *keep_plan,
                step.quiet,
                lang,
            );
        }
        Command::Redact {
            common,
            out,
            resume,
            overwrite,
            decisions,
            ..
        } => {
            let reuse = match (resume, overwrite) {
                (true, _) => Reuse::Resume,
                (_, true) => Reuse::Overwrite,
                _ => Reuse::OwnOnly,
            };
            let decisions = match decisions {
                Some(path) => match woo_redact::review::Decisions::from_file(path) {
                    Ok(d) => Some(std::sync::Arc::new(d)),
                    Err(e) => {
                        eprintln!("woo-redact: {e}");
                        return ExitCode::from(2);
                    }
                },
                None => None,
            };
            (common, out.as_ref(), reuse, decisions, None)
        }
        Command::Scan { common, review, .. } => {
            (common, None, Reuse::OwnOnly, None, review.as_ref())
        }
        Command::Publish(args) => return publish(args),
    };
    if common.inputs.is_empty() {
        return no_inputs();
    }
    let setup = common
        .redactor()
        .and_then(|r| Ok((r, common.key()?, common.inputs()?)));
    let (redactor, key, inputs) = match setup {
        Ok(v) => v,
        Err(e) => {
            eprintln!("woo-redact: {e}");
            return ExitCode::from(2);
        }
    };
    let options = BatchOptions {
        jobs: common.jobs.unwrap_or(0),
        pdf: woo_redact::pdf::PdfOptions {
            password: common.pdf_password.clone(),
            ocr: if common.no_ocr {
                woo_redact::pdf::OcrOptions::off()
            } else {
                woo_redact::pdf::OcrOptions {
                    check_text_layers: !common.trust_ocr_layers,
                    ..woo_redact::pdf::OcrOptions::auto()
                }
            },
            ocr_text: common.ocr_text,
        },
        limits: common.limits(),
        resume: reuse == Reuse::Resume,
        reuse,
        filter: FileFilter::new(&common.globs),
        decisions,
        ..BatchOptions::new(key)
    };
    // Documents that could not be reviewed make the exit status 1, as failed ones do.
    let mut review_failed = false;
    if let Some(dir) = review {
        match woo_redact::review::write_review(&redactor, &inputs, dir, &options) {
            Ok(r) if !common.quiet => {
                review_failed = r.failed > 0;
                eprintln!(
                    "woo-redact: review in {}: {} document(s), {} proposed removal(s), {} failed \
                 (it contains personal data: never publish it)",
                    dir.display(),
                    r.documents,
                    r.removals,
                    r.failed
                )
            }
            Ok(r) => review_failed = r.failed > 0,
            Err(e) => {
                eprintln!("woo-redact: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut display = cli::show::Display::new(lang, common.quiet);
    let mut observe = |e: batch::BatchEvent<'_>| display.event(e);
    let result = match out {
        Some(out) => batch::redact_with(&redactor, &inputs, out, &options, &mut observe),
        None => batch::scan_with(
            &redactor,
            &inputs,
            &mut std::io::stdout().lock(),
            &options,
            &mut observe,
        ),
    };
    match result {
        Ok(report) => {
            display.finish(&report, &redactor);
            ExitCode::from(report.exit_code().max(i32::from(review_failed)) as u8)
        }
        Err(BatchError::NoDocuments) => {
            eprintln!("woo-redact: {}", lang.text(Msg::NoFiles));
            ExitCode::from(2)
        }
        Err(BatchError::OutputNotEmpty { path, count, first }) => {
            eprintln!("woo-redact: {}", lang.out_not_empty(&path, count, &first));
            ExitCode::from(2)
        }
        Err(BatchError::NotAnOutputDirectory { path }) => {
            eprintln!("woo-redact: {}", lang.not_an_output_directory(&path));
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("woo-redact: {e}");
            ExitCode::from(2)
        }
    }
}

/// Missing INPUT arguments (they are optional only with --plan): a usage error.
fn no_inputs() -> ExitCode {
    eprintln!("woo-redact: the following required arguments were not provided: <INPUT>...");
    ExitCode::from(2)
}

/// `woo-redact publish`: exit 0 with a package, 2 with nothing written.
fn publish(args: &PublishArgs) -> ExitCode {
    use woo_redact::publish::{PublishConfig, PublishOptions};
    let setup = || -> Result<(Redactor, PublishConfig, Option<DigestKey>), ConfigError> {
        let policy = match &args.policy {
            Some(path) => Policy::from_file(path)?,
            None => Policy::default(),
        };
        let lists = Lists::from_files(
            args.staff.as_deref(),
            args.public.as_deref(),
            args.keep.as_deref(),
        )?;
        let config = match &args.config {
            Some(path) => PublishConfig::from_file(path)?,
            None => PublishConfig::default(),
        };
        let key = match &args.audit_key {
            Some(path) => Some(DigestKey::from_file(path)?),
            None => DigestKey::from_env()?,
        };
        Ok((Redactor::new(policy, &lists)?, config, key))
    };
    let (redactor, config, key) = match setup() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("woo-redact: {e}");
            return ExitCode::from(2);
        }
    };
    let options = PublishOptions {
        run: &args.run,
        out: &args.out,
        matter: &args.matter,
        config: &config,
        base_url: args.base_url.as_deref(),
        max_per_dossier: args.max_per_dossier,
        skip_failed: args.skip_failed,
        key: key.as_ref(),
    };
    match woo_redact::publish::publish(&redactor, &options) {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("woo-redact: warning: {w}");
            }
            eprintln!(
                "woo-redact: {} documents in {} dossier(s): {} released, {} dubbel, {} withheld; \
                 {} near-duplicate group(s){}; {} removal(s) from metadata; {} left out",
                r.documents,
                r.dossiers,
                r.released,
                r.duplicates,
                r.withheld,
                r.near_groups,
                if r.inconsistent_groups > 0 {
                    format!(" ({} with inconsistent decisions)", r.inconsistent_groups)
                } else {
                    String::new()
                },
                r.metadata_removals,
                r.left_out,
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("woo-redact: {e}");
            ExitCode::from(2)
        }
    }
}
