//! Pass 1, `scan --plan DIR --shard K`: facts only, nothing redacted. For each document of
//! the shard, the BLAKE3 of its input and, with the batch-wide person scope, the people it
//! names; the shard's people go, sorted and without repeats, into a side file for `reduce`.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::plan::{Loaded, Password};
use super::state::PersonLine;
use super::storage::local_input;
use super::store::{Staged, create_only};
use super::{ShardError, hash_file};
use crate::audit::DigestKey;
use crate::batch;
use crate::names::PersonKey;

/// One line of `pass1/shard-K.facts.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Fact {
    pub(crate) seq: usize,
    pub(crate) document: String,
    /// BLAKE3 of the input; `None` when it could not be read.
    pub(crate) input_blake3: Option<String>,
    /// How many people the document names (their keys are in the shard's people file).
    pub(crate) people: usize,
}

/// `pass1/shard-K.done`, written last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ScanDone {
    pub(crate) shard: usize,
    pub(crate) first: usize,
    pub(crate) end: usize,
    /// BLAKE3 of `plan.json`.
    pub(crate) plan: String,
    pub(crate) facts_blake3: String,
    pub(crate) people_blake3: String,
    pub(crate) people: usize,
}

/// Documents handled per round: the facts of a round are held, then written.
const CHUNK: usize = 256;

/// Runs pass 1 for shard `shard` of the plan in `out` (see the module documentation). A
/// second attempt writes the same files, or fails with [`ShardError::NonDeterministic`].
pub fn scan_shard(
    out: &Path,
    shard: usize,
    key: Option<&DigestKey>,
    jobs: usize,
    pdf_password: Option<String>,
) -> Result<usize, ShardError> {
    let loaded = Loaded::open(out, key, jobs, Password::Given(pdf_password))?;
    let layout = &loaded.layout;
    let range = loaded.range(shard)?.clone();
    let entries = loaded.entries(shard)?;
    let pool = batch::thread_pool(jobs).map_err(ShardError::io("threads"))?;
    let facts_path = layout.pass1(shard, "facts.jsonl");
    let io = |e| ShardError::io(layout.show(&facts_path))(e);
    let mut facts = Staged::new(layout)?;
    let mut people: BTreeSet<PersonKey> = BTreeSet::new();
    for chunk in entries.chunks(CHUNK) {
        let found: Result<Vec<(Fact, Vec<PersonKey>)>, ShardError> = pool.install(|| {
            chunk
                .par_iter()
                .map(|entry| {
                    // An input in an object store is fetched for the while it is read.
                    let input = local_input(&entry.job(), &layout.tmp())?;
                    let job = &input.job;
                    let input_blake3 = job.kind().and_then(|_| hash_file(&job.path).ok());
                    let named = if loaded.plan.batch_people {
                        batch::identify_people(&loaded.redactor, job, &loaded.options)
                    } else {
                        Vec::new()
                    };
                    let fact = Fact {
                        seq: entry.seq,
                        document: entry.document.clone(),
                        input_blake3,
                        people: named.len(),
                    };
                    Ok((fact, named))
                })
                .collect()
        });
        for (fact, named) in found? {
            let line = serde_json::to_string(&fact).map_err(std::io::Error::other);
            facts.line(&line.map_err(io)?).map_err(io)?;
            people.extend(named);
        }
    }
    let facts_blake3 = facts.commit(layout, &facts_path)?;
    let people_path = layout.pass1(shard, "people.jsonl");
    let mut side = Staged::new(layout)?;
    for person in &people {
        side.line(&PersonLine::from(person).to_json())
            .map_err(ShardError::io(layout.show(&people_path)))?;
    }
    let people_blake3 = side.commit(layout, &people_path)?;
    let done = ScanDone {
        shard,
        first: range.first,
        end: range.end,
        plan: loaded.digest.clone(),
        facts_blake3,
        people_blake3,
        people: people.len(),
    };
    let bytes = serde_json::to_vec(&done).map_err(std::io::Error::other);
    let done_path = layout.pass1(shard, "done");
    create_only(layout, &done_path, &bytes.map_err(ShardError::io("done"))?)?;
    Ok(entries.len())
}
