//! Pass 2, `redact --plan DIR --shard K`: the shard's documents redacted with the frozen
//! state, through the same per-document code as a single run; its audit lines and summary
//! entries go to the shard's files, in document order, for `merge`.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::pass1::Fact;
use super::plan::{Loaded, Password};
use super::storage::local_input;
use super::store::{Staged, create_only};
use super::{Layout, ShardError, damaged, hash_file, read_json, state};
use crate::audit::DigestKey;
use crate::batch::{self, BatchEvent, DocumentSummary, Job, Outcome, Placement, Sink, Status};
use crate::error::DocumentError;
use crate::resume::WorkDir;

/// `pass2/shard-K.done`, written last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RedactDone {
    pub(crate) shard: usize,
    pub(crate) first: usize,
    pub(crate) end: usize,
    /// BLAKE3 of `plan.json`.
    pub(crate) plan: String,
    /// The state digest the shard ran with.
    pub(crate) state: String,
    pub(crate) audit_blake3: String,
    pub(crate) summary_blake3: String,
    pub(crate) failed: usize,
    pub(crate) skipped: usize,
}

/// What one pass-2 task did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardReport {
    /// The shard.
    pub shard: usize,
    /// Documents in the shard (skipped files included).
    pub documents: usize,
    /// Documents that failed (they are in the merged summary, as in a single run).
    pub failed: usize,
    /// Files skipped.
    pub skipped: usize,
    /// The shard was already complete with this state: nothing was redone.
    pub already_done: bool,
    /// Documents an earlier, interrupted attempt completed, taken over.
    pub taken_over: usize,
    /// The state digest the shard ran with.
    pub state: String,
}

/// Writes the shard's audit lines and summary entries, in document order.
struct ShardSink {
    audit: Staged,
    summary: Staged,
    failed: usize,
    skipped: usize,
}

impl Sink for ShardSink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        for line in &outcome.lines {
            self.audit.line(line)?;
        }
        let entry = serde_json::to_string(&outcome.summary).map_err(std::io::Error::other)?;
        self.summary.line(&entry)?;
        match outcome.summary.status {
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
            _ => {}
        }
        Ok(())
    }
}

/// Runs pass 2 for shard `shard` of the plan in `out` (freezing the state first when no
/// `reduce` has, and every scan shard is complete). Refused ([`ShardError::Mismatch`],
/// exit 42) when the frozen state's digest is not `expected_state` (when given), or when the
/// shard was completed with another state. Documents that fail are in the shard's results
/// (and so in the merged summary), as in a single run; they do not make the task fail.
pub fn redact_shard(
    out: &Path,
    shard: usize,
    key: &DigestKey,
    jobs: usize,
    pdf_password: Option<String>,
    expected_state: Option<&str>,
    observe: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<ShardReport, ShardError> {
    let loaded = Loaded::open(out, Some(key), jobs, Password::Given(pdf_password))?;
    let layout = &loaded.layout;
    let range = loaded.range(shard)?.clone();
    // No frozen state yet, but every scan shard done: freeze it here. Reduce is a pure
    // function of the scan shards and writes create-only, so shards doing it at the same
    // time write the same state.
    if !layout.exists(&layout.state_dir().join("state.json"))? {
        state::reduce(out, Some(key))?;
    }
    let (state, digest, people) = state::load(&loaded, expected_state)?;
    let done_path = layout.pass2(shard, "done");
    if layout.exists(&done_path)? {
        let done: RedactDone = read_json(layout, &done_path)?;
        if done.state != digest || done.plan != loaded.digest {
            return Err(ShardError::Mismatch(format!(
                "shard {shard} was already redacted with another plan or state ({}): refused",
                done.state
            )));
        }
        return Ok(ShardReport {
            shard,
            documents: range.end - range.first,
            failed: done.failed,
            skipped: done.skipped,
            already_done: true,
            taken_over: 0,
            state: digest,
        });
    }
    let inputs = input_hashes(layout, shard, &state.facts_blake3[shard])?;
    let entries = loaded.entries(shard)?;
    let jobs: Vec<Job> = entries.iter().map(|e| e.job()).collect();
    let known;
    let redactor = if loaded.plan.batch_people {
        known = loaded.redactor.with_batch_facts(people);
        &known
    } else {
        &loaded.redactor
    };
    let options = &loaded.options;
    let config = batch::configuration(redactor, &options.key);
    // Each attempt has a work directory of its own: two attempts of one shard may run at
    // the same time.
    let attempts = layout.attempts();
    std::fs::create_dir_all(&attempts).map_err(ShardError::io(layout.show(&attempts)))?;
    let attempt = tempfile::Builder::new()
        .prefix("attempt-")
        .tempdir_in(&attempts)
        .map_err(ShardError::io(layout.show(&attempts)))?;
    let work =
        WorkDir::open(attempt.path(), false).map_err(ShardError::io(layout.show(&attempts)))?;
    let place = Placement::new(&layout.out, &work, &config);
    let records = Records {
        layout,
        dir: layout.pass2(shard, "docs"),
        plan: &loaded.digest,
        state: &digest,
        inputs: &inputs,
        taken_over: AtomicUsize::new(0),
        error: Mutex::new(None),
    };
    let process = |job: &Job, kind| {
        // An input in an object store is fetched for the while it is redacted.
        let input = match local_input(job, &layout.tmp()) {
            Ok(input) => input,
            Err(e) => return records.fail(job, e),
        };
        let job = &input.job;
        if let Some(outcome) = records.take_over(job) {
            return outcome;
        }
        let outcome = batch::guarded(job, options.limits.timeout, || {
            if let Some(changed) = changed_since_scan(job, &inputs) {
                return changed;
            }
            batch::redact_document(redactor, job, kind, &place, options)
        });
        if outcome.is_failed() {
            place.forget(job);
        } else if records.publish(&outcome) {
            records.store(job, &outcome);
        }
        outcome
    };
    let mut sink = ShardSink {
        audit: Staged::new(layout)?,
        summary: Staged::new(layout)?,
        failed: 0,
        skipped: 0,
    };
    let pool = batch::thread_pool(options.jobs).map_err(ShardError::io("threads"))?;
    batch::run_ordered(&jobs, &pool, &process, &mut sink, observe).map_err(ShardError::io(
        layout.show(&layout.pass2(shard, "audit.jsonl")),
    ))?;
    if let Some(e) = records
        .error
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
    {
        return Err(e);
    }
    let taken_over = records.taken_over.into_inner();
    let ShardSink {
        audit,
        summary,
        failed,
        skipped,
    } = sink;
    let audit_blake3 = audit.commit(layout, &layout.pass2(shard, "audit.jsonl"))?;
    let summary_blake3 = summary.commit(layout, &layout.pass2(shard, "summary.jsonl"))?;
    let done = RedactDone {
        shard,
        first: range.first,
        end: range.end,
        plan: loaded.digest.clone(),
        state: digest.clone(),
        audit_blake3,
        summary_blake3,
        failed,
        skipped,
    };
    let bytes = serde_json::to_vec(&done).map_err(std::io::Error::other);
    create_only(layout, &done_path, &bytes.map_err(ShardError::io("done"))?)?;
    let _ = work.remove();
    Ok(ShardReport {
        shard,
        documents: jobs.len(),
        failed,
        skipped,
        already_done: false,
        taken_over,
        state: digest,
    })
}

/// A document's result, kept so that a shard run again (after a kill, or a retry) takes over
/// what an earlier attempt completed instead of redoing it.
#[derive(Debug, Serialize, Deserialize)]
struct DocRecord {
    document: String,
    plan: String,
    state: String,
    input_blake3: String,
    summary: DocumentSummary,
    audit: Vec<String>,
}

/// The per-document records of a shard: `pass2/shard-K.docs/<hash of the path>.json`, each
/// created exclusively after the document's output is in place.
struct Records<'a> {
    layout: &'a Layout,
    dir: PathBuf,
    plan: &'a str,
    state: &'a str,
    inputs: &'a HashMap<String, Option<String>>,
    taken_over: AtomicUsize,
    /// The first error storing a record (non-determinism): the shard fails with it.
    error: Mutex<Option<ShardError>>,
}

impl Records<'_> {
    fn path(&self, document: &str) -> PathBuf {
        let h = blake3::hash(document.as_bytes()).to_hex();
        self.dir.join(format!("{}.json", &h[..32]))
    }

    /// The earlier attempt's outcome, if its record matches this plan, state and input and
    /// its output is in place with the recorded hash.
    fn take_over(&self, job: &Job) -> Option<Outcome> {
        let bytes = self.layout.read(&self.path(&job.relative)).ok()??;
        let r: DocRecord = serde_json::from_slice(&bytes).ok()?;
        let scanned = self.inputs.get(&job.relative)?.as_deref()?;
        let matches = r.document == job.relative
            && r.plan == self.plan
            && r.state == self.state
            && r.input_blake3 == scanned
            && hash_file(&job.path).ok()? == scanned;
        let output = self.layout.out.join(r.summary.output.as_deref()?);
        if !matches || self.layout.hash(&output).ok()? != r.summary.output_blake3 {
            return None;
        }
        self.taken_over.fetch_add(1, Ordering::Relaxed);
        Some(Outcome {
            summary: r.summary,
            lines: r.audit,
            resumed: false,
        })
    }

    /// A storage error: the shard fails with it (the document's outcome is never used).
    fn fail(&self, job: &Job, e: ShardError) -> Outcome {
        let mut first = self.error.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert(e);
        Outcome::failed(
            job,
            DocumentError::Input("its input could not be fetched".into()),
            0,
        )
    }

    /// The document's output to the store (for an object-store `DIR`); false when that
    /// failed (the shard then fails).
    fn publish(&self, outcome: &Outcome) -> bool {
        let Some(output) = &outcome.summary.output else {
            return true;
        };
        match self.layout.publish(&self.layout.out.join(output)) {
            Ok(()) => true,
            Err(e) => {
                let mut first = self.error.lock().unwrap_or_else(|p| p.into_inner());
                first.get_or_insert(e);
                false
            }
        }
    }

    fn store(&self, job: &Job, outcome: &Outcome) {
        let Some(Some(input)) = self.inputs.get(&job.relative) else {
            return;
        };
        let record = DocRecord {
            document: job.relative.clone(),
            plan: self.plan.to_string(),
            state: self.state.to_string(),
            input_blake3: input.clone(),
            summary: outcome.summary.clone(),
            audit: outcome.lines.clone(),
        };
        let Ok(bytes) = serde_json::to_vec(&record) else {
            return;
        };
        if let Err(e) = create_only(self.layout, &self.path(&job.relative), &bytes) {
            let mut first = self.error.lock().unwrap_or_else(|p| p.into_inner());
            first.get_or_insert(e);
        }
    }
}

/// The input hashes pass 1 recorded for the shard, by document.
fn input_hashes(
    layout: &Layout,
    shard: usize,
    expected: &str,
) -> Result<HashMap<String, Option<String>>, ShardError> {
    let path = layout.pass1(shard, "facts.jsonl");
    let bytes = layout.read_existing(&path)?;
    if blake3::hash(&bytes).to_hex().as_str() != expected {
        return Err(ShardError::Mismatch(format!(
            "{} does not match the frozen state",
            layout.show(&path).display()
        )));
    }
    let mut hashes = HashMap::new();
    for line in bytes.lines() {
        let line = line.map_err(ShardError::io(layout.show(&path)))?;
        let fact: Fact = serde_json::from_str(&line).map_err(|e| damaged(layout, &path, &e))?;
        hashes.insert(fact.document, fact.input_blake3);
    }
    Ok(hashes)
}

/// A document whose input is not the one pass 1 read fails: the frozen state may not hold
/// the people it names now.
fn changed_since_scan(job: &Job, inputs: &HashMap<String, Option<String>>) -> Option<Outcome> {
    let scanned = inputs.get(&job.relative)?;
    let now = hash_file(&job.path).ok();
    (now.is_some() && now != *scanned).then(|| {
        Outcome::failed(
            job,
            DocumentError::Input(
                "the input changed after pass 1 (scan): plan and scan the batch again".into(),
            ),
            0,
        )
    })
}
