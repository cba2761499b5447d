//! `reduce`'s duplicate groups and e-mail threads over the whole batch, from the scan
//! shards' signatures (see `signature`), by `publish`'s own algorithms: `duplicates::find`,
//! `near::candidates` and `near::verify` (on the documents that duplicate none, as in
//! `publish`), `threads::assign`. Documents are named by their `seq` (manifest order) only.
//!
//! Three files, one group a line, in the order of each group's first document; their
//! hashes are in the frozen state, so the state digest covers them:
//!
//! - `state/duplicates.jsonl`: `[first, duplicate, …]`, an exact-duplicate group: the first
//!   document (the one assessed) and the documents that duplicate it;
//! - `state/near.jsonl`: `[[seq, shared, union], …]`, a near-duplicate group: each member
//!   with the shared and the total shingles of its most similar verified pair;
//! - `state/threads.jsonl`: `[seq, …]`, the documents of thread 1, 2, … (`Email Thread ID`).
//!
//! Memory: every document's signature is held (about 400 bytes a document with text), the
//! shingle sets only of near-duplicate candidates, read from the shingle files once the
//! candidates are known.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::pass1::Fact;
use super::signature::{ShingleLine, Signature};
use super::store::Staged;
use super::{Layout, ShardError};
use crate::publish::near::Bands;
use crate::publish::{duplicates, near, threads};

/// The groups part of `state/state.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Groups {
    /// The smallest Jaccard similarity of a near-duplicate pair, in percent (`publish`'s
    /// default).
    pub near_percent: u32,
    /// Exact-duplicate groups.
    pub duplicate_groups: usize,
    /// Documents that duplicate an earlier one (all members but the first).
    pub duplicates: usize,
    /// BLAKE3 of `state/duplicates.jsonl`.
    pub duplicates_blake3: String,
    /// Near-duplicate groups.
    pub near_groups: usize,
    /// BLAKE3 of `state/near.jsonl`.
    pub near_blake3: String,
    /// E-mail threads.
    pub threads: usize,
    /// BLAKE3 of `state/threads.jsonl`.
    pub threads_blake3: String,
    /// Size of the three files in bytes.
    pub bytes: u64,
}

/// A shard file to read: where it is, its name for messages, and the hash its done marker
/// recorded (none when measuring, see [`group_files`]).
pub(crate) struct Input {
    pub(crate) local: PathBuf,
    pub(crate) shown: PathBuf,
    pub(crate) blake3: Option<String>,
}

/// A scan shard's facts and shingle files.
pub(crate) struct ShardFiles {
    pub(crate) facts: Input,
    pub(crate) shingles: Input,
}

/// Builds the groups from every scan shard's files, in shard order, and writes them to the
/// state directory of `layout`.
pub(crate) fn build(
    layout: &Layout,
    shards: &[ShardFiles],
    percent: u32,
) -> Result<Groups, ShardError> {
    let docs = signatures(shards)?;
    let signed: Vec<(usize, &Signature)> = docs
        .iter()
        .enumerate()
        .filter_map(|(seq, s)| s.as_ref().map(|s| (seq, s)))
        .collect();

    let keys: Vec<duplicates::Keys> = signed.iter().map(|(_, s)| s.keys()).collect();
    let duplicate_of = duplicates::find(&keys);
    let mut exact: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, of) in duplicate_of.iter().enumerate() {
        if let Some(first) = of {
            exact
                .entry(signed[*first].0)
                .or_insert_with(|| vec![signed[*first].0])
                .push(signed[k].0);
        }
    }

    // Near-duplicates among the documents that duplicate none.
    let compared: Vec<(usize, &Bands)> = signed
        .iter()
        .zip(&duplicate_of)
        .filter(|(_, of)| of.is_none())
        .filter_map(|((seq, s), _)| s.bands.as_ref().map(|b| (*seq, &*b.0)))
        .collect();
    let bands: Vec<Option<&Bands>> = compared.iter().map(|(_, b)| Some(*b)).collect();
    let pairs = near::candidates(&bands);
    let index: Vec<usize> = compared.iter().map(|(seq, _)| *seq).collect();
    let shingles = candidate_shingles(shards, &index, &pairs)?;
    let near = near::verify(&pairs, &index, |k| &shingles[&k], percent);

    let messages: Vec<threads::Messages<'_>> = docs
        .iter()
        .map(|s| s.as_ref().map_or((false, &[][..]), Signature::messages))
        .collect();
    let mut thread_docs: Vec<Vec<usize>> = Vec::new();
    for (seq, id) in threads::assign(&messages).into_iter().enumerate() {
        if let Some(id) = id {
            let id = id as usize;
            thread_docs.resize_with(thread_docs.len().max(id), Vec::new);
            thread_docs[id - 1].push(seq);
        }
    }

    let dir = layout.state_dir();
    let (duplicates_blake3, a) =
        write_lines(layout, &dir.join("duplicates.jsonl"), exact.values())?;
    let near_lines = near.iter().map(|g| {
        g.iter()
            .map(|m| [m.index, m.shared, m.union])
            .collect::<Vec<_>>()
    });
    let (near_blake3, b) = write_lines(layout, &dir.join("near.jsonl"), near_lines)?;
    let (threads_blake3, c) = write_lines(layout, &dir.join("threads.jsonl"), &thread_docs)?;
    Ok(Groups {
        near_percent: percent,
        duplicate_groups: exact.len(),
        duplicates: exact.values().map(|g| g.len() - 1).sum(),
        duplicates_blake3,
        near_groups: near.len(),
        near_blake3,
        threads: thread_docs.len(),
        threads_blake3,
        bytes: a + b + c,
    })
}

/// Every document's signature, by `seq` (the shards' ranges are contiguous and in order).
fn signatures(shards: &[ShardFiles]) -> Result<Vec<Option<Signature>>, ShardError> {
    let mut docs = Vec::new();
    for shard in shards {
        each_line(&shard.facts, |fact: Fact| {
            if fact.seq != docs.len() {
                return Err(damaged(&shard.facts, "is not in document order"));
            }
            docs.push(fact.signature);
            Ok(())
        })?;
    }
    Ok(docs)
}

/// The shingle sets of the documents in `pairs`, by position in `index` (the compared
/// documents' `seq`s, in order).
fn candidate_shingles(
    shards: &[ShardFiles],
    index: &[usize],
    pairs: &[(usize, usize)],
) -> Result<HashMap<usize, Vec<u64>>, ShardError> {
    let mut needed = vec![false; index.len()];
    for &(a, b) in pairs {
        needed[a] = true;
        needed[b] = true;
    }
    let mut out = HashMap::new();
    if pairs.is_empty() {
        return Ok(out);
    }
    for shard in shards {
        each_line(&shard.shingles, |line: ShingleLine| {
            if let Ok(k) = index.binary_search(&line.seq)
                && needed[k]
            {
                let set = line
                    .decode()
                    .ok_or_else(|| damaged(&shard.shingles, "is damaged"))?;
                out.insert(k, set);
            }
            Ok(())
        })?;
    }
    if needed
        .iter()
        .enumerate()
        .any(|(k, &n)| n && !out.contains_key(&k))
    {
        return Err(ShardError::Mismatch(
            "a scan shard's shingle file lacks a document its facts compare".into(),
        ));
    }
    Ok(out)
}

/// Reads the JSON lines of `input` one at a time into `take`, hashing them; at the end the
/// hash must be the one recorded.
fn each_line<T: DeserializeOwned>(
    input: &Input,
    mut take: impl FnMut(T) -> Result<(), ShardError>,
) -> Result<(), ShardError> {
    let file = std::fs::File::open(&input.local).map_err(ShardError::io(&input.shown))?;
    let mut lines = BufReader::new(file);
    let mut hasher = blake3::Hasher::new();
    let mut line = String::new();
    loop {
        line.clear();
        let n = lines
            .read_line(&mut line)
            .map_err(ShardError::io(&input.shown))?;
        if n == 0 {
            break;
        }
        hasher.update(line.as_bytes());
        let value = serde_json::from_str(line.trim_end_matches('\n'))
            .map_err(|_| damaged(input, "is damaged"))?;
        take(value)?;
    }
    if input
        .blake3
        .as_ref()
        .is_some_and(|e| e != hasher.finalize().to_hex().as_str())
    {
        return Err(damaged(input, "does not match its shard's done marker"));
    }
    Ok(())
}

fn damaged(input: &Input, what: &str) -> ShardError {
    ShardError::Mismatch(format!("{} {what}", input.shown.display()))
}

/// Writes each item as a JSON line to `path`, create-only; returns its hash and size.
fn write_lines<T: Serialize>(
    layout: &Layout,
    path: &Path,
    items: impl IntoIterator<Item = T>,
) -> Result<(String, u64), ShardError> {
    let mut staged = Staged::new(layout)?;
    let mut bytes = 0;
    for item in items {
        let line = serde_json::to_string(&item).expect("numbers always serialise");
        bytes += line.len() as u64 + 1;
        staged
            .line(&line)
            .map_err(ShardError::io(layout.show(path)))?;
    }
    Ok((staged.commit(layout, path)?, bytes))
}

/// The groups `reduce` builds, on their own: the facts and shingle files of scan shards
/// (in shard order) grouped into `work/.woo-redact/shards/state/`. For measuring the reduce
/// at scale (`examples/shard_scale.rs`).
#[doc(hidden)]
pub fn group_files(shards: &[(PathBuf, PathBuf)], work: &Path) -> Result<Groups, ShardError> {
    let layout = Layout::new(work);
    let input = |p: &PathBuf| Input {
        local: p.clone(),
        shown: p.clone(),
        blake3: None,
    };
    let shards: Vec<ShardFiles> = shards
        .iter()
        .map(|(facts, shingles)| ShardFiles {
            facts: input(facts),
            shingles: input(shingles),
        })
        .collect();
    build(
        &layout,
        &shards,
        crate::publish::PublishConfig::default().near_duplicate_percent,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;
    use crate::publish::text::{self, Labels};
    use crate::publish::{mail, near};

    const BASE: &str = "de minister heeft op dinsdag besloten dat de subsidie voor het \
        project in de regio wordt verlengd tot het einde van het jaar omdat de resultaten \
        van de eerste fase goed waren en de gemeenten om verlenging hebben gevraagd";
    const MAIL: &str = "Van: A\nAan: B\nOnderwerp: overleg\n\n\
        Kunnen we morgen om tien uur overleggen over de planning?\n";

    fn texts() -> Vec<String> {
        vec![
            BASE.into(),
            MAIL.into(),
            BASE.to_uppercase(),                 // the text of 0: a duplicate
            BASE.replace("dinsdag", "woensdag"), // a near-duplicate of 0
            format!("Van: B\nAan: A\nOnderwerp: RE: overleg\n\nDat is goed, tot morgen.\n\n{MAIL}"),
            "kort".into(),
            BASE.into(), // the bytes of 0
            "Van: C\nAan: D\nOnderwerp: iets anders\n\nOk.\n".into(),
        ]
    }

    fn lines(path: &Path) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The groups `reduce` builds from pass 1's lines are those `publish`'s functions give
    /// on the same texts, whichever way the documents are divided over shards.
    #[test]
    fn groups_from_signatures_are_publishs_groups_of_the_same_texts() {
        let texts = texts();
        let dir = tempfile::tempdir().unwrap();
        let mut results = Vec::new();
        for ranges in [vec![(0, 8)], vec![(0, 3), (3, 8)]] {
            let mut shards = Vec::new();
            for (k, (first, end)) in ranges.into_iter().enumerate() {
                let (mut facts, mut shingles) = (String::new(), String::new());
                for (seq, text) in texts.iter().enumerate().take(end).skip(first) {
                    let (fact, side) = crate::shard::text_facts(seq, text);
                    facts += &(fact + "\n");
                    shingles += &side.map(|s| s + "\n").unwrap_or_default();
                }
                let name = format!("{}-{k}", results.len());
                let (f, s) = (
                    dir.path().join(name.clone() + ".f"),
                    dir.path().join(name + ".s"),
                );
                std::fs::write(&f, facts).unwrap();
                std::fs::write(&s, shingles).unwrap();
                shards.push((f, s));
            }
            let work = dir.path().join(format!("work{}", results.len()));
            let groups = group_files(&shards, &work).unwrap();
            let state = Layout::new(&work).state_dir();
            let read =
                ["duplicates", "near", "threads"].map(|f| lines(&state.join(format!("{f}.jsonl"))));
            results.push((groups, read));
        }
        assert_eq!(results[0], results[1]);
        let (groups, [exact, near_lines, thread_lines]) = &results[0];

        // publish's functions on the texts as inputs (nothing removed).
        let labels = Labels::new(&Policy::default());
        let keys: Vec<duplicates::Keys> = texts
            .iter()
            .map(|t| {
                duplicates::Keys::from_hash(
                    blake3::hash(t.as_bytes()).as_bytes(),
                    &text::normalised(t, &labels),
                    &[],
                )
            })
            .collect();
        let of = duplicates::find(&keys);
        assert_eq!(of, [None, None, Some(0), None, None, None, Some(0), None]);
        assert_eq!(exact, &[serde_json::json!([0, 2, 6])]);
        let compared: Vec<(usize, Vec<u64>)> = (0..texts.len())
            .filter(|&i| of[i].is_none())
            .map(|i| (i, near::shingles(&text::tokens(&texts[i], &labels))))
            .collect();
        let expected: Vec<serde_json::Value> = near::groups(&compared, groups.near_percent)
            .iter()
            .map(|g| g.iter().map(|m| [m.index, m.shared, m.union]).collect())
            .map(|g: Vec<[usize; 3]>| serde_json::json!(g))
            .collect();
        assert_eq!(near_lines, &expected);
        assert_eq!(near_lines.len(), 1);
        assert_eq!(near_lines[0][0][0], 0);
        assert_eq!(near_lines[0][1][0], 3);
        let mails: Vec<mail::Mail> = texts.iter().map(|t| mail::parse(t, &labels)).collect();
        let messages: Vec<threads::Messages<'_>> = mails
            .iter()
            .map(|m| (m.is_mail, m.messages.as_slice()))
            .collect();
        let ids = threads::assign(&messages);
        assert_eq!(
            ids,
            [None, Some(1), None, None, Some(1), None, None, Some(2)]
        );
        assert_eq!(
            thread_lines,
            &[serde_json::json!([1, 4]), serde_json::json!([7])]
        );
        assert_eq!(
            (
                groups.duplicate_groups,
                groups.duplicates,
                groups.near_groups,
                groups.threads
            ),
            (1, 2, 1, 2)
        );
    }
}
