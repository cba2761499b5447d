//! Document IDs and `ids.csv` (`document,id`). IDs are purely alphanumeric (the platform
//! matches a file to its row by the leading `[A-Za-z0-9]` run of the file name): a decimal
//! sequence from 1000001. Publishing again keeps every ID in `ids.csv`; new documents get
//! the numbers after the highest one.
//!
//! `document` is the path as in `audit.jsonl`, except when the detectors find personal data
//! in the path itself: then it is `blake3:` and the hash of the path, so the package holds no
//! name, and the document still finds its ID again.

use std::collections::HashMap;
use std::path::Path;

use super::error::PublishError;

/// The first ID of a new package.
pub const FIRST_ID: u64 = 1_000_001;

/// How a document is written in `ids.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentKey {
    /// The path as in `audit.jsonl`.
    pub path: String,
    /// Whether the path itself holds personal data (then only its hash is written).
    pub personal: bool,
}

impl DocumentKey {
    fn hashed(&self) -> String {
        format!("blake3:{}", blake3::hash(self.path.as_bytes()).to_hex())
    }

    fn written(&self) -> String {
        if self.personal {
            self.hashed()
        } else {
            self.path.clone()
        }
    }
}

/// The IDs of a package.
#[derive(Debug, Default, Clone)]
pub struct Ids {
    /// (document as written, ID), in file order.
    entries: Vec<(String, String)>,
}

fn bad(path: &Path, reason: String) -> PublishError {
    PublishError::Package {
        path: path.to_path_buf(),
        reason,
    }
}

/// Whether `id` can be an ID: 1 to 170 ASCII letters and digits.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 170 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

impl Ids {
    /// Reads `ids.csv`; a missing file is an empty list.
    pub fn read(path: &Path) -> Result<Ids, PublishError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ids::default()),
            Err(e) => {
                return Err(PublishError::Read {
                    path: path.to_path_buf(),
                    source: e,
                });
            }
        };
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let headers = reader
            .headers()
            .map_err(|e| bad(path, format!("cannot be read: {e}")))?;
        if headers.iter().collect::<Vec<_>>() != ["document", "id"] {
            return Err(bad(path, "the header must be `document,id`".into()));
        }
        let mut ids = Ids::default();
        let mut seen_docs = HashMap::new();
        let mut seen_ids = HashMap::new();
        for (n, record) in reader.records().enumerate() {
            let line = n + 2;
            let record = record.map_err(|e| bad(path, format!("line {line}: {e}")))?;
            let (Some(document), Some(id), 2) = (record.get(0), record.get(1), record.len()) else {
                return Err(bad(path, format!("line {line}: two fields expected")));
            };
            if !valid_id(id) {
                return Err(bad(
                    path,
                    format!("line {line}: the ID `{id}` is not 1 to 170 letters and digits"),
                ));
            }
            if seen_ids.insert(id.to_ascii_lowercase(), ()).is_some() {
                return Err(bad(path, format!("line {line}: the ID {id} is used twice")));
            }
            if seen_docs.insert(document.to_string(), ()).is_some() {
                return Err(bad(
                    path,
                    format!("line {line}: a document is listed twice"),
                ));
            }
            ids.entries.push((document.to_string(), id.to_string()));
        }
        Ok(ids)
    }

    /// The ID of every document in `keys` (in order): its existing ID, or a new one after
    /// the highest. Entries are rewritten in the documents' current form (a path found to
    /// hold personal data is replaced by its hash).
    pub fn assign(&mut self, keys: &[DocumentKey]) -> Vec<String> {
        let index: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (d, _))| (d.clone(), i))
            .collect();
        let mut next = self
            .entries
            .iter()
            .filter_map(|(_, id)| id.parse::<u64>().ok())
            .max()
            .map_or(FIRST_ID, |m| (m + 1).max(FIRST_ID));
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let found = index
                .get(&key.path)
                .or_else(|| index.get(&key.hashed()))
                .copied();
            match found {
                Some(i) => {
                    self.entries[i].0 = key.written();
                    out.push(self.entries[i].1.clone());
                }
                None => {
                    let id = next.to_string();
                    next += 1;
                    self.entries.push((key.written(), id.clone()));
                    out.push(id);
                }
            }
        }
        out
    }

    /// `ids.csv`, sorted by ID (numbers in numeric order first).
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut entries = self.entries.clone();
        entries.sort_by(|a, b| {
            let key = |id: &str| (id.parse::<u64>().map_or(1, |_| 0), id.len(), id.to_string());
            key(&a.1).cmp(&key(&b.1))
        });
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        w.write_record(["document", "id"])?;
        for (d, id) in &entries {
            w.write_record([d, id])?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> DocumentKey {
        DocumentKey {
            path: path.into(),
            personal: false,
        }
    }

    #[test]
    fn ids_are_stable_and_new_documents_come_after_the_highest() {
        let mut ids = Ids::default();
        assert_eq!(
            ids.assign(&[key("a.txt"), key("b.pdf")]),
            ["1000001", "1000002"]
        );
        let csv = ids.to_csv().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.csv");
        std::fs::write(&path, &csv).unwrap();
        let mut again = Ids::read(&path).unwrap();
        let got = again.assign(&[key("c.txt"), key("b.pdf"), key("a.txt")]);
        assert_eq!(got, ["1000003", "1000002", "1000001"]);
        assert_eq!(
            String::from_utf8(again.to_csv().unwrap()).unwrap(),
            "document,id\na.txt,1000001\nb.pdf,1000002\nc.txt,1000003\n"
        );
    }

    #[test]
    fn a_path_with_personal_data_is_written_as_its_hash_and_found_again() {
        let mut ids = Ids::default();
        let personal = DocumentKey {
            path: "brief Jan de Vries.txt".into(),
            personal: true,
        };
        assert_eq!(ids.assign(std::slice::from_ref(&personal)), ["1000001"]);
        let csv = String::from_utf8(ids.to_csv().unwrap()).unwrap();
        assert!(!csv.contains("Vries") && csv.contains("blake3:"), "{csv}");
        assert_eq!(ids.assign(&[personal]), ["1000001"]);
    }

    #[test]
    fn bad_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ids.csv");
        for bad in [
            "doc,id\na,1\n",
            "document,id\na,1-2\n",
            "document,id\na,1\nb,1\n",
            "document,id\na,X1\nb,x1\n",
            "document,id\na,1\na,2\n",
        ] {
            std::fs::write(&path, bad).unwrap();
            assert!(Ids::read(&path).is_err(), "{bad}");
        }
        assert!(
            Ids::read(&dir.path().join("none.csv"))
                .unwrap()
                .entries
                .is_empty()
        );
    }
}
