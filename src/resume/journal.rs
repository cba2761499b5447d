//! The journal of a run: one append-only file, one line per completed document.
//!
//! A line is `<checksum> <record>\n`: the record is a JSON object, the checksum the first 16
//! bytes of its BLAKE3 hash in hex. Each line is written with one `write` while the output it
//! describes is already in place, so a killed process (its data is in the page cache) leaves
//! whole lines. A power cut can tear the tail or, on some file systems, leave garbage in a
//! line: a line without its line end, or whose checksum does not match, is ignored when the
//! journal is read, and its document is redone.
//!
//! Group commit: the journal is synced once per [`COMMIT_EVERY`] documents or
//! [`COMMIT_INTERVAL`], whichever comes first, instead of once per document. What a power
//! cut takes is then at most that much work, redone by `--resume`; outputs are not synced
//! one by one either, because resuming checks each output's hash against its record.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// Sync the journal at least once per this many records.
pub(crate) const COMMIT_EVERY: usize = 1024;
/// Sync the journal when a record is written this long after the last sync.
pub(crate) const COMMIT_INTERVAL: Duration = Duration::from_secs(1);

/// Length of the hex checksum at the start of a line.
const CHECKSUM_HEX: usize = 32;

/// The journal file of a run: appended to by the workers, read for the records of an
/// interrupted run.
#[derive(Debug)]
pub(crate) struct Journal {
    append: Mutex<Appender>,
    /// A second handle to the same file, synced outside the lock so that workers do not wait
    /// for the disk.
    sync: File,
    /// Where each document's last valid record of an earlier run is: (offset, length).
    earlier: HashMap<[u8; 16], (u64, usize)>,
    /// Reads those records; only when there are any.
    reader: Option<Mutex<File>>,
}

#[derive(Debug)]
struct Appender {
    file: File,
    unsynced: usize,
    last_sync: Instant,
}

/// The fields every record has, read when the journal is indexed.
#[derive(Deserialize)]
struct Head {
    document: String,
    /// A tombstone: the document's earlier records no longer count.
    #[serde(default)]
    forgotten: bool,
}

impl Journal {
    /// Opens (creating) the journal at `path`; with `resume`, indexes its valid records
    /// (else it starts empty).
    pub(crate) fn open(path: &Path, resume: bool) -> std::io::Result<Journal> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .truncate(false)
            .open(path)?;
        let earlier = if resume {
            let earlier = index(BufReader::new(&file))?;
            if ends_torn(&file)? {
                // End the torn line, so that the next record starts a line of its own.
                (&file).write_all(b"\n")?;
            }
            earlier
        } else {
            file.set_len(0)?;
            HashMap::new()
        };
        let reader = if earlier.is_empty() {
            None
        } else {
            Some(Mutex::new(File::open(path)?))
        };
        Ok(Journal {
            sync: file.try_clone()?,
            append: Mutex::new(Appender {
                file,
                unsynced: 0,
                last_sync: Instant::now(),
            }),
            earlier,
            reader,
        })
    }

    /// The record (JSON) of `document` from an earlier run, if a valid one is there.
    pub(crate) fn earlier(&self, document: &str) -> Option<Vec<u8>> {
        let &(offset, len) = self.earlier.get(&key(document))?;
        let mut reader = self
            .reader
            .as_ref()?
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let mut line = vec![0; len];
        reader.seek(SeekFrom::Start(offset)).ok()?;
        reader.read_exact(&mut line).ok()?;
        drop(reader);
        // The file may have changed since it was indexed: check again.
        valid_record(&line).map(<[u8]>::to_vec)
    }

    /// Appends a record (a JSON object on one line), with one write; syncs when the group
    /// is full or old enough.
    pub(crate) fn append(&self, record: &[u8]) -> std::io::Result<()> {
        debug_assert!(!record.contains(&b'\n'));
        let mut line = Vec::with_capacity(CHECKSUM_HEX + 2 + record.len());
        line.extend_from_slice(checksum(record).as_bytes());
        line.push(b' ');
        line.extend_from_slice(record);
        line.push(b'\n');
        let due = {
            let mut a = self.append.lock().unwrap_or_else(|p| p.into_inner());
            a.file.write_all(&line)?;
            a.unsynced += 1;
            let due = a.unsynced >= COMMIT_EVERY || a.last_sync.elapsed() >= COMMIT_INTERVAL;
            if due {
                a.unsynced = 0;
                a.last_sync = Instant::now();
            }
            due
        };
        if due {
            self.sync.sync_data()?;
        }
        Ok(())
    }

    /// Syncs what was appended.
    pub(crate) fn commit(&self) -> std::io::Result<()> {
        self.sync.sync_data()
    }
}

/// Whether the file's last line has no line end (a torn tail).
fn ends_torn(file: &File) -> std::io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut last = [0u8];
    let mut f = file;
    f.seek(SeekFrom::Start(len - 1))?;
    f.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// The index key of a document: a hash of its relative path.
fn key(document: &str) -> [u8; 16] {
    let mut k = [0; 16];
    k.copy_from_slice(&blake3::hash(document.as_bytes()).as_bytes()[..16]);
    k
}

fn checksum(record: &[u8]) -> String {
    let hash = blake3::hash(record).to_hex();
    hash[..CHECKSUM_HEX].to_string()
}

/// The record of a whole line (with its line end) whose checksum matches.
fn valid_record(line: &[u8]) -> Option<&[u8]> {
    let body = line.strip_suffix(b"\n")?;
    if body.len() < CHECKSUM_HEX + 1 || body[CHECKSUM_HEX] != b' ' {
        return None;
    }
    let (sum, record) = (&body[..CHECKSUM_HEX], &body[CHECKSUM_HEX + 1..]);
    (sum == checksum(record).as_bytes()).then_some(record)
}

/// Where each document's last valid record is. Invalid lines (a torn tail, a damaged
/// record) are passed over: their documents are redone.
fn index(mut reader: impl BufRead) -> std::io::Result<HashMap<[u8; 16], (u64, usize)>> {
    let mut earlier = HashMap::new();
    let mut offset = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        if let Some(head) = valid_record(&line).and_then(|r| serde_json::from_slice::<Head>(r).ok())
        {
            if head.forgotten {
                earlier.remove(&key(&head.document));
            } else {
                earlier.insert(key(&head.document), (offset, n));
            }
        }
        offset += n as u64;
    }
    Ok(earlier)
}

/// The record that makes a document's earlier records void.
pub(crate) fn tombstone(document: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "document": document, "forgotten": true }))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(doc: &str, n: u32) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({ "document": doc, "n": n })).unwrap()
    }

    fn n_of(j: &Journal, doc: &str) -> Option<u64> {
        let r = j.earlier(doc)?;
        serde_json::from_slice::<serde_json::Value>(&r).unwrap()["n"].as_u64()
    }

    #[test]
    fn torn_tails_and_damaged_lines_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let j = Journal::open(&path, false).unwrap();
        for (doc, n) in [("a", 1), ("b", 2), ("c", 3), ("a", 4), ("d", 5)] {
            j.append(&record(doc, n)).unwrap();
        }
        j.append(&tombstone("d")).unwrap();
        j.append(&record("e", 6)).unwrap();
        j.commit().unwrap();
        drop(j);
        let j = Journal::open(&path, true).unwrap();
        assert_eq!(n_of(&j, "a"), Some(4), "the last record counts");
        assert_eq!(n_of(&j, "b"), Some(2));
        assert_eq!(n_of(&j, "d"), None, "forgotten");
        assert_eq!(n_of(&j, "e"), Some(6));
        assert_eq!(n_of(&j, "x"), None);
        drop(j);

        // Damage b's record (one byte in its JSON) and tear the tail inside e's line.
        let mut bytes = std::fs::read(&path).unwrap();
        let b_at = bytes.windows(3).position(|w| w == b"\"b\"").unwrap();
        bytes[b_at + 1] = b'B';
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&path, &bytes).unwrap();
        let j = Journal::open(&path, true).unwrap();
        assert_eq!(n_of(&j, "b"), None, "damaged: redone");
        assert_eq!(
            n_of(&j, "B"),
            None,
            "damaged: not taken for another document"
        );
        assert_eq!(n_of(&j, "e"), None, "torn: redone");
        assert_eq!(
            n_of(&j, "a"),
            Some(4),
            "records after a damaged one still count"
        );
        assert_eq!(n_of(&j, "c"), Some(3));
        // Appending after a torn tail: the torn line was ended, so the new record is a
        // whole line of its own.
        j.append(&record("f", 7)).unwrap();
        drop(j);
        let j = Journal::open(&path, true).unwrap();
        assert_eq!(n_of(&j, "c"), Some(3));
        assert_eq!(n_of(&j, "e"), None);
        assert_eq!(n_of(&j, "f"), Some(7));

        // A fresh run starts an empty journal.
        drop(j);
        let j = Journal::open(&path, false).unwrap();
        assert_eq!(n_of(&j, "a"), None);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    }
}
