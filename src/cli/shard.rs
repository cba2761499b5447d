//! The sharded-run subcommands: `plan`, `scan --plan`, `reduce`, `redact --plan`, `merge`
//! (see `woo_redact::shard`). Exit status: 0 done, 2 usage, configuration or an object store
//! that cannot be reached, 42 a deterministic input error (do not retry), 3 an earlier step
//! incomplete, 1 anything else (retryable); `merge` also exits 1 when a document failed or
//! was skipped, as `redact`.

use std::path::Path;
use std::process::ExitCode;

use woo_redact::batch::{BatchEvent, FileFilter, Reuse};
use woo_redact::shard::{self, PlanOptions, RunOptions, ShardError};

use super::lang::Lang;
use super::show::Display;
use crate::Common;

fn fail(e: &ShardError) -> ExitCode {
    eprintln!("woo-redact: {e}");
    ExitCode::from(e.exit_code())
}

/// The audit key, if given (`--audit-key`, else `WOO_REDACT_AUDIT_KEY`): `scan`, `reduce`
/// and `merge` write no digest and check it against the plan only when it is given.
fn given_key(audit_key: Option<&Path>) -> Result<Option<woo_redact::DigestKey>, ShardError> {
    Ok(match audit_key {
        Some(path) => Some(woo_redact::DigestKey::from_file(path)?),
        None => woo_redact::DigestKey::from_env()?,
    })
}

/// The audit key `plan` and `redact` need.
fn key(audit_key: Option<&Path>) -> Result<woo_redact::DigestKey, ShardError> {
    given_key(audit_key)?.ok_or_else(|| {
        ShardError::Usage(
            "a sharded run needs an audit key (--audit-key or WOO_REDACT_AUDIT_KEY): every task \
             must write the same digests"
                .into(),
        )
    })
}

/// The shard a task runs: `--shard K` or `--shard auto`.
fn shard_index(dir: &Path, arg: &str) -> Result<usize, ShardError> {
    let plan = shard::Plan::read(dir)?;
    shard::shard_from_env(arg, plan.shards.len(), &|name| std::env::var(name).ok())
}

/// `woo-redact plan INPUT... --out DIR --shards S`.
pub fn plan(common: &Common, out: &Path, shards: usize, overwrite: bool) -> ExitCode {
    let run = || -> Result<shard::Plan, ShardError> {
        let options = PlanOptions {
            inputs: common.inputs()?,
            out: out.to_path_buf(),
            shards,
            staff: common.staff.clone(),
            public: common.public.clone(),
            keep: common.keep.clone(),
            policy: common.config.clone(),
            filter: FileFilter::new(&common.globs),
            run: RunOptions {
                no_ocr: common.no_ocr,
                trust_ocr_layers: common.trust_ocr_layers,
                ocr_text: common.ocr_text,
                timeout_seconds: (common.timeout > 0).then_some(common.timeout),
                max_text_bytes: common.max_text_mb.saturating_mul(1 << 20),
                max_pdf_bytes: common.max_pdf_mb.saturating_mul(1 << 20),
            },
            reuse: if overwrite {
                Reuse::Overwrite
            } else {
                Reuse::OwnOnly
            },
            key: key(common.audit_key.as_deref())?,
            pdf_password: common.pdf_password.clone(),
        };
        shard::plan(&options)
    };
    match run() {
        Ok(plan) => {
            if !common.quiet {
                let sizes: Vec<usize> = plan.shards.iter().map(|s| s.end - s.first).collect();
                eprintln!(
                    "woo-redact: planned {} file(s) in {} shard(s) of {} to {} in {}",
                    plan.documents,
                    plan.shards.len(),
                    sizes.iter().min().unwrap_or(&0),
                    sizes.iter().max().unwrap_or(&0),
                    out.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `woo-redact scan --plan DIR --shard K|auto`: pass 1.
pub fn scan(common: &Common, dir: &Path, shard_arg: &str) -> ExitCode {
    let run = || -> Result<(usize, usize), ShardError> {
        let k = shard_index(dir, shard_arg)?;
        let key = given_key(common.audit_key.as_deref())?;
        let n = shard::scan_shard(
            dir,
            k,
            key.as_ref(),
            common.jobs.unwrap_or(0),
            common.pdf_password.clone(),
        )?;
        Ok((k, n))
    };
    match run() {
        Ok((k, n)) => {
            if !common.quiet {
                eprintln!("woo-redact: scan shard {k}: {n} file(s), facts written");
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `woo-redact reduce --plan DIR`: prints the state digest on standard output.
pub fn reduce(dir: &Path, audit_key: Option<&Path>, quiet: bool) -> ExitCode {
    let run = || shard::reduce(dir, given_key(audit_key)?.as_ref());
    match run() {
        Ok((state, digest)) => {
            if !quiet {
                let g = &state.groups;
                eprintln!(
                    "woo-redact: state frozen: {} people ({} bytes); {} exact-duplicate \
                     group(s) ({} duplicate(s)), {} near-duplicate group(s), {} thread(s); \
                     digest {digest}",
                    state.people,
                    state.people_bytes,
                    g.duplicate_groups,
                    g.duplicates,
                    g.near_groups,
                    g.threads
                );
            }
            println!("{digest}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `woo-redact redact --plan DIR --shard K|auto [--state-digest D]`: pass 2. The digest may
/// also come from `WOO_REDACT_STATE_DIGEST`.
pub fn redact(
    common: &Common,
    dir: &Path,
    shard_arg: &str,
    state: Option<&str>,
    lang: Lang,
) -> ExitCode {
    let mut display = Display::new(lang, common.quiet);
    let mut observe = |e: BatchEvent<'_>| display.event(e);
    let from_env = std::env::var("WOO_REDACT_STATE_DIGEST").ok();
    let state = state
        .or(from_env.as_deref())
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let mut run = || -> Result<shard::ShardReport, ShardError> {
        let k = shard_index(dir, shard_arg)?;
        let key = key(common.audit_key.as_deref())?;
        shard::redact_shard(
            dir,
            k,
            &key,
            common.jobs.unwrap_or(0),
            common.pdf_password.clone(),
            state,
            &mut observe,
        )
    };
    let result = run();
    display.clear();
    match result {
        Ok(r) => {
            if !common.quiet {
                let note = if r.already_done {
                    ", already complete".to_string()
                } else if r.taken_over > 0 {
                    format!(", {} taken over from an earlier attempt", r.taken_over)
                } else {
                    String::new()
                };
                eprintln!(
                    "woo-redact: redact shard {}: {} file(s), {} failed, {} skipped{note} \
                     (state {})",
                    r.shard, r.documents, r.failed, r.skipped, r.state
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `woo-redact merge --plan DIR`: exit 0, or 1 when a document failed or was skipped.
pub fn merge(
    dir: &Path,
    audit_key: Option<&Path>,
    keep_plan: bool,
    quiet: bool,
    lang: Lang,
) -> ExitCode {
    let mut display = Display::new(lang, quiet);
    let mut observe = |e: BatchEvent<'_>| display.event(e);
    let result = given_key(audit_key)
        .and_then(|key| shard::merge(dir, key.as_ref(), keep_plan, &mut observe));
    display.clear();
    match result {
        Ok(m) => {
            let r = &m.report;
            if !quiet {
                eprintln!(
                    "woo-redact: merged: {} file(s): {} redacted, {} unchanged, {} failed, {} \
                     skipped; {} removal(s); state {}",
                    r.documents, r.redacted, r.unchanged, r.failed, r.skipped, r.removals, m.state
                );
            }
            ExitCode::from(r.exit_code() as u8)
        }
        Err(e) => fail(&e),
    }
}
