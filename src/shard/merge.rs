//! `merge`: checks that every pass-2 shard is complete, made with the plan and the frozen
//! state, and that every output it names is in place with its recorded hash; then writes
//! `audit.jsonl` (the shards' audit files concatenated in shard order) and `summary.json`
//! through the single run's own writer, and removes the plan's files.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use super::pass2::RedactDone;
use super::plan::{Loaded, Password};
use super::state::incomplete;
use super::{Layout, SHARD_DIR, ShardError, hash_file, read_json};
use crate::audit::DigestKey;
use crate::batch::{self, BatchEvent, BatchReport, DocumentSummary, Outcome, Sink, Status};
use crate::resume::WorkDir;

/// What `merge` did.
#[derive(Debug, Clone)]
pub struct MergeReport {
    /// The totals, as a single run reports them (the timings are the merge's own).
    pub report: BatchReport,
    /// The state digest every shard ran with.
    pub state: String,
}

/// Merges the shards of the plan in `out` (see the module documentation). With
/// `keep_plan`, the plan's files stay in `out/.woo-redact/shards/` (they hold the lists and
/// the people index: never publish them).
pub fn merge(
    out: &Path,
    key: Option<&DigestKey>,
    keep_plan: bool,
    observe: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<MergeReport, ShardError> {
    let started = Instant::now();
    let loaded = Loaded::open(out, key, 1, Password::NotNeeded)?;
    let layout = &loaded.layout;
    let (_, digest) = super::state::read(&loaded, None)?;
    let mut done = Vec::with_capacity(loaded.plan.shards.len());
    let mut missing = Vec::new();
    for (k, range) in loaded.plan.shards.iter().enumerate() {
        let path = layout.pass2(k, "done");
        if !layout.exists(&path)? {
            missing.push(k);
            continue;
        }
        let d: RedactDone = read_json(layout, &path)?;
        if d.plan != loaded.digest || (d.shard, d.first, d.end) != (k, range.first, range.end) {
            return Err(ShardError::Mismatch(format!(
                "redact shard {k} was made for another plan"
            )));
        }
        if d.state != digest {
            return Err(ShardError::Mismatch(format!(
                "redact shard {k} ran with state {}, not the frozen state {digest}",
                d.state
            )));
        }
        for (what, expected) in [
            ("audit.jsonl", &d.audit_blake3),
            ("summary.jsonl", &d.summary_blake3),
        ] {
            let path = layout.pass2(k, what);
            // Fetched here once (object store); `merge_shard` reads the local copy.
            let local = layout.local(&path)?;
            let hash = hash_file(&local).map_err(ShardError::io(layout.show(&path)))?;
            if &hash != expected {
                return Err(ShardError::Mismatch(format!(
                    "{} does not match its done marker",
                    layout.show(&path).display()
                )));
            }
        }
        done.push(d);
    }
    if !missing.is_empty() {
        return Err(incomplete("redact", &missing));
    }
    let attempts = layout.attempts();
    std::fs::create_dir_all(&attempts).map_err(ShardError::io(layout.show(&attempts)))?;
    let attempt = tempfile::Builder::new()
        .prefix("merge-")
        .tempdir_in(&attempts)
        .map_err(ShardError::io(layout.show(&attempts)))?;
    let work =
        WorkDir::open(attempt.path(), false).map_err(ShardError::io(layout.show(&attempts)))?;
    let out_io = |e| ShardError::io(".")(e);
    let mut sink =
        batch::FileSink::create(&work, &layout.out, &loaded.redactor, &loaded.options.key)
            .map_err(out_io)?;
    let mut report = BatchReport::default();
    observe(BatchEvent::Found(loaded.plan.documents));
    for k in 0..done.len() {
        merge_shard(&loaded, k, &mut |outcome: Outcome| {
            report.add(&outcome);
            observe(BatchEvent::Document(&outcome.summary));
            sink.document(&outcome).map_err(out_io)
        })?;
    }
    report.finish(started);
    sink.finish(&report).map_err(out_io)?;
    for name in ["audit.jsonl", "summary.json"] {
        layout.replace(&layout.out.join(name))?;
    }
    drop(work);
    drop(attempt);
    if !keep_plan {
        // `.woo-redact/`, the plan's parent: the folder now holds what a single run writes.
        let work_dir = layout.root.parent().unwrap_or(&layout.root);
        debug_assert!(SHARD_DIR.starts_with(".woo-redact/"));
        layout.remove(work_dir)?;
    }
    Ok(MergeReport {
        report,
        state: digest,
    })
}

/// Reads shard `k`'s summary entries and audit lines against its manifest, checks each
/// output, and hands each document's outcome to `take`, in order.
fn merge_shard(
    loaded: &Loaded,
    k: usize,
    take: &mut dyn FnMut(Outcome) -> Result<(), ShardError>,
) -> Result<(), ShardError> {
    let layout = &loaded.layout;
    let entries = loaded.entries(k)?;
    let open = |what: &str| -> Result<_, ShardError> {
        let path = layout.pass2(k, what);
        let file = std::fs::File::open(&path).map_err(ShardError::io(layout.show(&path)))?;
        Ok((BufReader::new(file).lines(), path))
    };
    let (mut summaries, summary_path) = open("summary.jsonl")?;
    let (mut audit, audit_path) = open("audit.jsonl")?;
    let inconsistent = |what: &str| {
        ShardError::Mismatch(format!(
            "redact shard {k} is inconsistent: {what}; remove {} and run the shard again",
            layout.show(&layout.pass2(k, "*")).display()
        ))
    };
    for entry in &entries {
        let Some(line) = summaries.next() else {
            return Err(inconsistent("fewer summary entries than documents"));
        };
        let line = line.map_err(ShardError::io(layout.show(&summary_path)))?;
        let summary: DocumentSummary =
            serde_json::from_str(&line).map_err(|e| super::damaged(layout, &summary_path, &e))?;
        if summary.document != entry.document {
            return Err(inconsistent(
                "a summary entry is not the manifest's document",
            ));
        }
        let mut lines = Vec::with_capacity(summary.removals);
        for _ in 0..summary.removals {
            match audit.next() {
                Some(l) => lines.push(l.map_err(ShardError::io(layout.show(&audit_path)))?),
                None => return Err(inconsistent("fewer audit lines than removals")),
            }
        }
        check_output(layout, k, &summary)?;
        take(Outcome {
            summary,
            lines,
            resumed: false,
        })?;
    }
    if summaries.next().is_some() || audit.next().is_some() {
        return Err(inconsistent("more entries than documents"));
    }
    Ok(())
}

/// A document done must have its output in place with the recorded hash; a failed or
/// skipped one has none.
fn check_output(layout: &Layout, k: usize, summary: &DocumentSummary) -> Result<(), ShardError> {
    let redo = || {
        format!(
            "remove {} and run redact shard {k} again",
            layout.show(&layout.pass2(k, "done")).display()
        )
    };
    let done = matches!(summary.status, Status::Redacted | Status::Unchanged);
    match (&summary.output, &summary.output_blake3) {
        (Some(output), Some(expected)) if done => match layout.hash(&layout.out.join(output)) {
            Ok(Some(hash)) if &hash == expected => Ok(()),
            _ => Err(ShardError::Mismatch(format!(
                "the output `{output}` is missing or not what its shard wrote; {}",
                redo()
            ))),
        },
        _ if done => Err(ShardError::Mismatch(format!(
            "`{}` is done but has no output; {}",
            summary.document,
            redo()
        ))),
        _ => Ok(()),
    }
}
