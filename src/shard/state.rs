//! `reduce`: the frozen batch state. The shards' people files, each sorted and without
//! repeats, are merged as streams (a heap holds one line per file, so memory does not grow
//! with the number of mentions) into `state/people.jsonl`; the shards' duplicate signatures
//! become the batch's duplicate groups and threads (see `groups`). `state/state.json`
//! records their hashes, the plan's and every scan shard's facts hash. The BLAKE3 of
//! `state.json` is the *state digest* that every pass-2 task and the merge check.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::groups::{self, Groups, Input, ShardFiles};
use super::pass1::ScanDone;
use super::plan::{Loaded, Password};
use super::store::{Staged, create_only};
use super::{Layout, ShardError, damaged, read_json};
use crate::audit::DigestKey;
use crate::known::BatchFact;
use crate::names::{Identified, PersonKey};

/// Version of the state format.
const FORMAT: u32 = 7;

/// Most files merged at once; more are merged in rounds, so open files stay few.
const FAN_IN: usize = 128;

/// A line of a people file: a person as `[surname, given, initials, public]` (each name part
/// a string or `null`), a person's number as `{"number": "…"}`, a place as `{"place": "…"}`,
/// a person's street and number as `{"address": "…"}`, or the name of an animal, a ship or a
/// storm as `{"thing": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum FactLine {
    Person(Option<String>, Option<String>, Option<String>, bool, bool),
    Number { number: String },
    Place { place: String },
    Address { address: String },
    Thing { thing: String },
}

impl From<&BatchFact> for FactLine {
    fn from(fact: &BatchFact) -> Self {
        match fact {
            BatchFact::Person(n) => {
                let p = &n.key;
                FactLine::Person(
                    p.surname.clone(),
                    p.given.clone(),
                    p.initials.clone(),
                    n.public,
                    n.office,
                )
            }
            BatchFact::PersonNumber(number) => FactLine::Number {
                number: number.clone(),
            },
            BatchFact::Place(place) => FactLine::Place {
                place: place.clone(),
            },
            BatchFact::Address(address) => FactLine::Address {
                address: address.clone(),
            },
            BatchFact::Thing(thing) => FactLine::Thing {
                thing: thing.clone(),
            },
        }
    }
}

impl FactLine {
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string(self).expect("strings always serialise")
    }

    fn fact(self) -> BatchFact {
        match self {
            FactLine::Person(surname, given, initials, public, office) => {
                BatchFact::Person(Identified {
                    key: PersonKey {
                        surname,
                        given,
                        initials,
                    },
                    public,
                    office,
                })
            }
            FactLine::Number { number } => BatchFact::PersonNumber(number),
            FactLine::Place { place } => BatchFact::Place(place),
            FactLine::Address { address } => BatchFact::Address(address),
            FactLine::Thing { thing } => BatchFact::Thing(thing),
        }
    }
}

/// `state/state.json`: the frozen batch state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    format: u32,
    /// BLAKE3 of `plan.json`.
    pub plan: String,
    /// People and person numbers in the batch-wide people index.
    pub people: usize,
    /// BLAKE3 of `state/people.jsonl`.
    pub people_blake3: String,
    /// Size of `state/people.jsonl` in bytes.
    pub people_bytes: u64,
    /// BLAKE3 of each scan shard's facts file, in shard order.
    pub facts_blake3: Vec<String>,
    /// Exact duplicates, near-duplicates and e-mail threads.
    pub groups: Groups,
}

/// One sorted file being merged: its next person, checked for order and, at its end,
/// against its expected hash.
struct Source {
    name: PathBuf,
    lines: BufReader<Box<dyn Read>>,
    hasher: blake3::Hasher,
    expected: Option<String>,
    last: Option<BatchFact>,
}

impl Source {
    fn open(path: &Path, shown: PathBuf, expected: Option<String>) -> Result<Source, ShardError> {
        let file = std::fs::File::open(path).map_err(ShardError::io(&shown))?;
        Ok(Source {
            name: shown,
            lines: BufReader::new(Box::new(file)),
            hasher: blake3::Hasher::new(),
            expected,
            last: None,
        })
    }

    fn next(&mut self) -> Result<Option<BatchFact>, ShardError> {
        let mut line = String::new();
        let n = self
            .lines
            .read_line(&mut line)
            .map_err(ShardError::io(&self.name))?;
        let bad = |what: &str| ShardError::Mismatch(format!("{} {what}", self.name.display()));
        if n == 0 {
            let hash = self.hasher.finalize().to_hex();
            if self.expected.as_ref().is_some_and(|e| e != hash.as_str()) {
                return Err(bad("does not match its shard's done marker"));
            }
            return Ok(None);
        }
        self.hasher.update(line.as_bytes());
        let person: FactLine =
            serde_json::from_str(line.trim_end_matches('\n')).map_err(|_| bad("is damaged"))?;
        let person = person.fact();
        if self.last.as_ref().is_some_and(|last| *last >= person) {
            return Err(bad("is not sorted"));
        }
        self.last = Some(person.clone());
        Ok(Some(person))
    }
}

/// Merges sorted sources into `write`, each person once.
fn merge_sorted(
    mut sources: Vec<Source>,
    write: &mut dyn FnMut(&BatchFact) -> Result<(), ShardError>,
) -> Result<(), ShardError> {
    let mut heap = BinaryHeap::with_capacity(sources.len());
    for (i, s) in sources.iter_mut().enumerate() {
        if let Some(p) = s.next()? {
            heap.push(Reverse((p, i)));
        }
    }
    let mut last: Option<BatchFact> = None;
    while let Some(Reverse((person, i))) = heap.pop() {
        if let Some(next) = sources[i].next()? {
            heap.push(Reverse((next, i)));
        }
        if last.as_ref() != Some(&person) {
            write(&person)?;
            last = Some(person);
        }
    }
    Ok(())
}

/// Merges the files into one sorted file in the plan's temporary directory, in rounds of
/// at most [`FAN_IN`] files.
fn merge_rounds(layout: &Layout, mut sources: Vec<Source>) -> Result<Vec<Source>, ShardError> {
    let mut kept = Vec::new();
    while sources.len() > FAN_IN {
        let mut rounds = Vec::new();
        let mut rest = sources.into_iter();
        loop {
            let group: Vec<Source> = rest.by_ref().take(FAN_IN).collect();
            if group.is_empty() {
                break;
            }
            let tmp = crate::resume::temp_builder()
                .tempfile_in(layout.tmp())
                .map_err(ShardError::io(layout.show(&layout.tmp())))?;
            let shown = layout.show(tmp.path());
            let mut w = std::io::BufWriter::new(tmp.as_file());
            merge_sorted(group, &mut |p| {
                use std::io::Write;
                writeln!(w, "{}", FactLine::from(p).to_json()).map_err(ShardError::io(&shown))
            })?;
            w.into_inner()
                .map_err(|e| ShardError::io(&shown)(e.into_error()))?;
            rounds.push(Source::open(tmp.path(), shown, None)?);
            kept.push(tmp);
        }
        sources = rounds;
    }
    // The temporary files are open in `sources`; their names may go now.
    drop(kept);
    Ok(sources)
}

/// Builds and freezes the batch state of the plan in `out` from every scan shard; returns it
/// with its digest. Every scan shard must be complete ([`ShardError::Incomplete`] names the
/// ones that are not). Run twice, it writes the same files.
pub fn reduce(out: &Path, key: Option<&DigestKey>) -> Result<(State, String), ShardError> {
    let loaded = Loaded::open(out, key, 1, Password::NotNeeded)?;
    let layout = &loaded.layout;
    let mut done = Vec::with_capacity(loaded.plan.shards.len());
    let mut missing = Vec::new();
    for (k, range) in loaded.plan.shards.iter().enumerate() {
        let path = layout.pass1(k, "done");
        if !layout.exists(&path)? {
            missing.push(k);
            continue;
        }
        let d: ScanDone = read_json(layout, &path)?;
        if d.plan != loaded.digest || (d.shard, d.first, d.end) != (k, range.first, range.end) {
            return Err(ShardError::Mismatch(format!(
                "scan shard {k} was made for another plan"
            )));
        }
        done.push(d);
    }
    if !missing.is_empty() {
        return Err(incomplete("scan", &missing));
    }
    std::fs::create_dir_all(layout.tmp()).map_err(ShardError::io(layout.show(&layout.tmp())))?;
    let mut sources = Vec::with_capacity(done.len());
    for d in &done {
        let path = layout.pass1(d.shard, "people.jsonl");
        let shown = layout.show(&path);
        let local = layout.local(&path)?;
        sources.push(Source::open(&local, shown, Some(d.people_blake3.clone()))?);
    }
    let sources = merge_rounds(layout, sources)?;
    let people_path = layout.state_dir().join("people.jsonl");
    let shown = layout.show(&people_path);
    let mut staged = Staged::new(layout)?;
    let (mut people, mut bytes) = (0usize, 0u64);
    merge_sorted(sources, &mut |p| {
        let line = FactLine::from(p).to_json();
        people += 1;
        bytes += line.len() as u64 + 1;
        staged.line(&line).map_err(ShardError::io(&shown))
    })?;
    let people_blake3 = staged.commit(layout, &people_path)?;
    let mut shards = Vec::with_capacity(done.len());
    for d in &done {
        let input = |what: &str, blake3: &str| -> Result<Input, ShardError> {
            let path = layout.pass1(d.shard, what);
            Ok(Input {
                local: layout.local(&path)?,
                shown: layout.show(&path),
                blake3: Some(blake3.to_string()),
            })
        };
        shards.push(ShardFiles {
            facts: input("facts.jsonl", &d.facts_blake3)?,
            shingles: input("shingles.jsonl", &d.shingles_blake3)?,
        });
    }
    let percent = crate::publish::PublishConfig::default().near_duplicate_percent;
    let groups = groups::build(layout, &shards, percent)?;
    let state = State {
        format: FORMAT,
        plan: loaded.digest.clone(),
        people,
        people_blake3,
        people_bytes: bytes,
        facts_blake3: done.into_iter().map(|d| d.facts_blake3).collect(),
        groups,
    };
    let json = serde_json::to_vec_pretty(&state).map_err(std::io::Error::other);
    let json = json.map_err(ShardError::io("state.json"))?;
    let digest = create_only(layout, &layout.state_dir().join("state.json"), &json)?;
    Ok((state, digest))
}

/// The error for steps whose shards are missing (the first few named).
pub(crate) fn incomplete(step: &str, missing: &[usize]) -> ShardError {
    let named: Vec<String> = missing.iter().take(10).map(|k| k.to_string()).collect();
    ShardError::Incomplete(format!(
        "{} {step} shard(s) not complete: {}{}",
        missing.len(),
        named.join(", "),
        if missing.len() > 10 { ", …" } else { "" }
    ))
}

/// The frozen state's record and digest, checked against the plan and, when given, the
/// digest the caller was told to expect.
pub(crate) fn read(loaded: &Loaded, expected: Option<&str>) -> Result<(State, String), ShardError> {
    let layout = &loaded.layout;
    let path = layout.state_dir().join("state.json");
    let Some(bytes) = layout.read(&path)? else {
        return Err(ShardError::Incomplete(
            "no frozen state: run `woo-redact reduce` first".into(),
        ));
    };
    let digest = blake3::hash(&bytes).to_hex().to_string();
    if let Some(expected) = expected
        && expected != digest
    {
        return Err(ShardError::Mismatch(format!(
            "the frozen state's digest is {digest}, not the {expected} this task was given: \
             refused"
        )));
    }
    let state: State = serde_json::from_slice(&bytes).map_err(|e| damaged(layout, &path, &e))?;
    if state.plan != loaded.digest || state.facts_blake3.len() != loaded.plan.shards.len() {
        return Err(ShardError::Mismatch(
            "the frozen state was made for another plan".into(),
        ));
    }
    Ok((state, digest))
}

/// The frozen state with its people index, as a pass-2 task reads it (see [`read`]).
pub(crate) fn load(
    loaded: &Loaded,
    expected: Option<&str>,
) -> Result<(State, String, Vec<BatchFact>), ShardError> {
    let (state, digest) = read(loaded, expected)?;
    let layout = &loaded.layout;
    let people_path = layout.state_dir().join("people.jsonl");
    let mut source = Source::open(
        &layout.local(&people_path)?,
        layout.show(&people_path),
        Some(state.people_blake3.clone()),
    )?;
    let mut people = Vec::with_capacity(state.people);
    while let Some(p) = source.next()? {
        people.push(p);
    }
    if people.len() != state.people {
        return Err(ShardError::Mismatch(
            "the people index does not match the frozen state".into(),
        ));
    }
    Ok((state, digest, people))
}

/// The merge `reduce` does, on its own: sorted people files as pass 1 writes them (one JSON
/// array `[surname, given, initials, public]` per line) merged into `out`, each person once, with
/// temporary files under `work`. Returns the people and bytes written. For measuring the
/// reduce at scale (`examples/shard_scale.rs`).
#[doc(hidden)]
pub fn merge_people_files(
    inputs: &[PathBuf],
    work: &Path,
    out: &Path,
) -> Result<(usize, u64), ShardError> {
    let layout = Layout::new(work);
    std::fs::create_dir_all(layout.tmp()).map_err(ShardError::io(layout.tmp()))?;
    let mut sources = Vec::with_capacity(inputs.len());
    for path in inputs {
        sources.push(Source::open(path, path.clone(), None)?);
    }
    let sources = merge_rounds(&layout, sources)?;
    let file = std::fs::File::create(out).map_err(ShardError::io(out))?;
    let mut w = std::io::BufWriter::new(file);
    let (mut people, mut bytes) = (0usize, 0u64);
    merge_sorted(sources, &mut |p| {
        use std::io::Write;
        let line = FactLine::from(p).to_json();
        people += 1;
        bytes += line.len() as u64 + 1;
        writeln!(w, "{line}").map_err(ShardError::io(out))
    })?;
    std::io::Write::flush(&mut w).map_err(ShardError::io(out))?;
    Ok((people, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(s: &str, g: Option<&str>) -> BatchFact {
        BatchFact::Person(Identified {
            key: PersonKey {
                surname: Some(s.into()),
                given: g.map(Into::into),
                initials: None,
            },
            public: g.is_none(),
            office: false,
        })
    }

    /// More files than one round merges: the result is every person once, in order, the
    /// same as sorting everything in memory.
    #[test]
    fn merging_in_rounds_gives_each_person_once_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut all = std::collections::BTreeSet::new();
        let mut inputs = Vec::new();
        for f in 0..(FAN_IN * 2 + 5) {
            let mut people = std::collections::BTreeSet::new();
            for i in 0..20 {
                let n = (f * 7 + i * 13) % 97;
                let p = person(&format!("naam{n}"), n.is_multiple_of(3).then_some("jan"));
                people.insert(p.clone());
                all.insert(p);
            }
            let path = dir.path().join(format!("{f}.jsonl"));
            let text: String = people
                .iter()
                .map(|p| FactLine::from(p).to_json() + "\n")
                .collect();
            std::fs::write(&path, text).unwrap();
            inputs.push(path);
        }
        let out = dir.path().join("people.jsonl");
        let (n, bytes) = merge_people_files(&inputs, &dir.path().join("work"), &out).unwrap();
        let expected: String = all
            .iter()
            .map(|p| FactLine::from(p).to_json() + "\n")
            .collect();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
        assert_eq!((n, bytes), (all.len(), expected.len() as u64));
        // An unsorted file is refused.
        std::fs::write(
            &inputs[0],
            "[\"b\",null,null,false]\n[\"a\",null,null,false]\n",
        )
        .unwrap();
        let e = merge_people_files(&inputs, &dir.path().join("work"), &out).unwrap_err();
        assert!(matches!(e, ShardError::Mismatch(_)), "{e}");
    }
}
