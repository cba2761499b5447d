//! The manifest: one line per document of the batch, in the order a single run takes them,
//! written per shard (`manifest/shard-K.jsonl`) so a task reads only its own range.
//!
//! The order is that of [`crate::batch::discover`]: inputs in the order given, each directory
//! walked with its entries sorted by the bytes of their names (so a directory's documents are
//! sorted bytewise by path component). That is the order of a single run's audit log, which
//! is what makes the merged result identical to it.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Layout, ShardError, damaged};
use crate::batch::{Job, Task};

/// One document of the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// Its place in the batch, from 0.
    pub(crate) seq: usize,
    /// Its path relative to its input root, `/`-separated: the audit log's `document`.
    pub(crate) document: String,
    /// Its absolute path (every task must see the inputs at the same paths), or its URL.
    pub(crate) path: String,
    /// Its size in bytes when planned (0 when unknown).
    pub(crate) size: u64,
    /// Why discovery already failed it (not a regular file, a duplicate relative path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fail: Option<String>,
}

impl Entry {
    /// `size`: the size an object store listed (for an input given as a URL, kept as it
    /// is); a local file's is looked up.
    pub(crate) fn from_job(seq: usize, job: &Job, size: Option<u64>) -> Result<Entry, ShardError> {
        let path = if super::storage::is_url(&job.path) {
            job.path.clone()
        } else {
            std::path::absolute(&job.path).map_err(ShardError::io(&job.path))?
        };
        let path = path.to_str().ok_or_else(|| {
            ShardError::Usage(format!(
                "input `{}`: a sharded run needs paths in UTF-8",
                job.relative
            ))
        })?;
        Ok(Entry {
            seq,
            document: job.relative.clone(),
            path: path.to_string(),
            size: size.unwrap_or_else(|| std::fs::metadata(&job.path).map_or(0, |m| m.len())),
            fail: match &job.task {
                Task::Fail(reason) => Some(reason.clone()),
                _ => None,
            },
        })
    }

    /// The job a single run has for this document.
    pub(crate) fn job(&self) -> Job {
        let mut job = Job::for_file(PathBuf::from(&self.path), self.document.clone());
        if let Some(reason) = &self.fail {
            job.task = Task::Fail(reason.clone());
        }
        job
    }
}

/// Reads one shard's manifest file, checking its hash and that it holds `first..end`.
pub(crate) fn read(
    layout: &Layout,
    path: &Path,
    blake3_hex: &str,
    first: usize,
    end: usize,
) -> Result<Vec<Entry>, ShardError> {
    let show = layout.show(path);
    let bytes = layout.read_existing(path)?;
    if blake3::hash(&bytes).to_hex().as_str() != blake3_hex {
        return Err(ShardError::Mismatch(format!(
            "{} does not match the plan",
            show.display()
        )));
    }
    let mut entries = Vec::with_capacity(end - first);
    for line in bytes.lines() {
        let line = line.map_err(ShardError::io(&show))?;
        let entry: Entry = serde_json::from_str(&line).map_err(|e| damaged(layout, path, &e))?;
        entries.push(entry);
    }
    let seqs_match =
        entries.len() == end - first && entries.iter().enumerate().all(|(i, e)| e.seq == first + i);
    if !seqs_match {
        return Err(ShardError::Mismatch(format!(
            "{} does not hold documents {first} to {end}",
            show.display()
        )));
    }
    Ok(entries)
}
