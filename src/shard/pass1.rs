//! Pass 1, `scan --plan DIR --shard K`: facts only, nothing redacted. For each document of
//! the shard, the BLAKE3 of its input, its duplicate signature (see `signature`) and, with
//! the batch-wide person scope, the people it names. Two side files go with the facts for
//! `reduce`: the shard's people, sorted and without repeats, and the shingle sets.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::manifest::Entry;
use super::plan::{Loaded, Password};
use super::signature::{ShingleLine, Signature};
use super::state::FactLine;
use super::storage::local_input;
use super::store::{Staged, create_only};
use super::{ShardError, hash_file};
use crate::audit::DigestKey;
use crate::batch;
use crate::known::BatchFact;
use crate::publish::text::Labels;

/// The signature of an input with the given hex BLAKE3 (none without one), with its shingle
/// set.
fn text_signature(
    input_blake3: &Option<String>,
    text: &str,
    labels: &Labels,
) -> Option<(Signature, Vec<u64>)> {
    let hash = blake3::Hash::from_hex(input_blake3.as_ref()?).ok()?;
    Some(Signature::of(hash.as_bytes(), text, labels))
}

/// One line of `pass1/shard-K.facts.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Fact {
    pub(crate) seq: usize,
    pub(crate) document: String,
    /// BLAKE3 of the input; `None` when it could not be read.
    pub(crate) input_blake3: Option<String>,
    /// How many facts the document tells its batch: the people it names, the person numbers
    /// it labels and the places it shows (all in the shard's people file).
    pub(crate) people: usize,
    /// Its duplicate signature; `None` when the input could not be read or is skipped.
    pub(crate) signature: Option<Signature>,
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
    pub(crate) shingles_blake3: String,
}

/// Documents handled per round: the facts of a round are held, then written.
const CHUNK: usize = 256;

/// What pass 1 finds in one document.
struct Scanned {
    fact: Fact,
    named: Vec<BatchFact>,
    shingles: Vec<u64>,
}

/// Reads one document once: its hash, the people it names (batch scope) and its signature.
fn scan_one(loaded: &Loaded, entry: &Entry, labels: &Labels) -> Result<Scanned, ShardError> {
    // An input in an object store is fetched for the while it is read.
    let input = local_input(&entry.job(), &loaded.layout.tmp())?;
    let job = &input.job;
    let input_blake3 = job.kind().and_then(|_| hash_file(&job.path).ok());
    let read = batch::with_text(job, &loaded.options, |text| {
        let named = if loaded.plan.batch_people {
            loaded.redactor.identify(text)
        } else {
            Vec::new()
        };
        (named, text_signature(&input_blake3, text, labels))
    });
    let (named, signature) = read.unwrap_or_else(|| {
        // Unreadable now, it fails in pass 2: its bytes key alone.
        (Vec::new(), text_signature(&input_blake3, "", labels))
    });
    let (signature, shingles) = signature.unzip();
    let fact = Fact {
        seq: entry.seq,
        document: entry.document.clone(),
        input_blake3,
        people: named.len(),
        signature,
    };
    Ok(Scanned {
        fact,
        named,
        shingles: shingles.unwrap_or_default(),
    })
}

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
    let shingles_path = layout.pass1(shard, "shingles.jsonl");
    let mut shingle_file = Staged::new(layout)?;
    let mut people: BTreeSet<BatchFact> = BTreeSet::new();
    let labels = Labels::new(loaded.redactor.policy());
    for chunk in entries.chunks(CHUNK) {
        let found: Result<Vec<Scanned>, ShardError> = pool.install(|| {
            chunk
                .par_iter()
                .map(|entry| scan_one(&loaded, entry, &labels))
                .collect()
        });
        for Scanned {
            fact,
            named,
            shingles,
        } in found?
        {
            let line = serde_json::to_string(&fact).map_err(std::io::Error::other);
            facts.line(&line.map_err(io)?).map_err(io)?;
            if !shingles.is_empty() {
                let side = serde_json::to_string(&ShingleLine::new(fact.seq, &shingles));
                let side = side.expect("numbers and strings always serialise");
                shingle_file
                    .line(&side)
                    .map_err(ShardError::io(layout.show(&shingles_path)))?;
            }
            people.extend(named);
        }
    }
    let facts_blake3 = facts.commit(layout, &facts_path)?;
    let people_path = layout.pass1(shard, "people.jsonl");
    let mut side = Staged::new(layout)?;
    for person in &people {
        side.line(&FactLine::from(person).to_json())
            .map_err(ShardError::io(layout.show(&people_path)))?;
    }
    let people_blake3 = side.commit(layout, &people_path)?;
    let shingles_blake3 = shingle_file.commit(layout, &shingles_path)?;
    let done = ScanDone {
        shard,
        first: range.first,
        end: range.end,
        plan: loaded.digest.clone(),
        facts_blake3,
        people_blake3,
        people: people.len(),
        shingles_blake3,
    };
    let bytes = serde_json::to_vec(&done).map_err(std::io::Error::other);
    let done_path = layout.pass1(shard, "done");
    create_only(layout, &done_path, &bytes.map_err(ShardError::io("done"))?)?;
    Ok(entries.len())
}

/// The facts line and, with a shingle set, the shingle line that pass 1 writes for text
/// document `seq` holding `text` (default policy, no people). For tests and for measuring
/// the reduce at scale (`examples/shard_scale.rs`).
#[doc(hidden)]
pub fn text_facts(seq: usize, text: &str) -> (String, Option<String>) {
    static LABELS: std::sync::LazyLock<Labels> =
        std::sync::LazyLock::new(|| Labels::new(&crate::Policy::default()));
    let hash = blake3::hash(text.as_bytes());
    let (signature, shingles) = Signature::of(hash.as_bytes(), text, &LABELS);
    let fact = Fact {
        seq,
        document: format!("doc-{seq:09}.txt"),
        input_blake3: Some(hash.to_hex().to_string()),
        people: 0,
        signature: Some(signature),
    };
    let side = (!shingles.is_empty()).then(|| {
        serde_json::to_string(&ShingleLine::new(seq, &shingles)).expect("strings serialise")
    });
    let fact = serde_json::to_string(&fact).expect("strings and numbers serialise");
    (fact, side)
}
