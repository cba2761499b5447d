//! The audit log: one JSON line per removed item, with a keyed digest of the removed text so
//! that an auditor holding the key can check a claimed value, while the log itself reveals
//! nothing.

use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::ConfigError;
use crate::load::TextDocument;
use crate::policy::{Category, Ground};
use crate::resolve::Removal;

/// Context string for deriving digest keys (blake3 `derive_key`).
const KEY_CONTEXT: &str = "woo-redact 2026-11 audit digest key";

/// Minimum length of supplied key material, so digests of short values (names, BSNs) cannot
/// be found by trying every candidate.
pub const MIN_KEY_BYTES: usize = 16;

/// Where the digest key came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum KeySource {
    /// A key file (`--audit-key`).
    File,
    /// The `WOO_REDACT_AUDIT_KEY` environment variable.
    Environment,
    /// Key material passed through the library API.
    Supplied,
    /// A random key for this run: digests do not link across runs.
    Random,
}

/// Stands in for personal data in `Debug` output, which may end up in logs: `Some(<hidden>)`
/// says a value is there, never what it is.
pub(crate) struct Hidden;

impl std::fmt::Debug for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<hidden>")
    }
}

/// The key of the audit digests (keyed BLAKE3).
#[derive(Clone)]
pub struct DigestKey {
    key: [u8; 32],
    source: KeySource,
}

impl std::fmt::Debug for DigestKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the key itself.
        f.debug_struct("DigestKey")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl DigestKey {
    /// Derives a key from secret material of at least [`MIN_KEY_BYTES`] bytes.
    pub fn from_material(material: &[u8]) -> Result<DigestKey, ConfigError> {
        Self::derive(material, KeySource::Supplied)
    }

    fn derive(material: &[u8], source: KeySource) -> Result<DigestKey, ConfigError> {
        if material.len() < MIN_KEY_BYTES {
            return Err(ConfigError::AuditKey(format!(
                "key material is {} bytes; at least {MIN_KEY_BYTES} are needed",
                material.len()
            )));
        }
        Ok(DigestKey {
            key: blake3::derive_key(KEY_CONTEXT, material),
            source,
        })
    }

    /// Reads key material from a file; a trailing line end is ignored.
    pub fn from_file(path: &Path) -> Result<DigestKey, ConfigError> {
        let bytes = std::fs::read(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        let material = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let material = material.strip_suffix(b"\r").unwrap_or(material);
        Self::derive(material, KeySource::File)
    }

    /// Reads key material from `WOO_REDACT_AUDIT_KEY`, if set.
    pub fn from_env() -> Result<Option<DigestKey>, ConfigError> {
        match std::env::var_os("WOO_REDACT_AUDIT_KEY") {
            None => Ok(None),
            Some(v) => Self::derive(v.as_encoded_bytes(), KeySource::Environment).map(Some),
        }
    }

    /// A random key: digests link items within this run only.
    pub fn random() -> DigestKey {
        let mut key = [0u8; 32];
        // The operating system's generator only fails on exotic platforms; fall back to a
        // key from the time and process so the run can still proceed.
        if getrandom::fill(&mut key).is_err() {
            let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
            key = blake3::derive_key(KEY_CONTEXT, seed.as_bytes());
        }
        DigestKey {
            key,
            source: KeySource::Random,
        }
    }

    /// The raw key, to keep a random key in the work directory of an interrupted run.
    pub(crate) fn raw(&self) -> [u8; 32] {
        self.key
    }

    /// A random key kept by an interrupted run of the same batch.
    pub(crate) fn random_from_raw(key: [u8; 32]) -> DigestKey {
        DigestKey {
            key,
            source: KeySource::Random,
        }
    }

    /// The same key, said to come from `source`: a sharded run's merge reports the key as
    /// the plan was given it, as the single run does.
    pub(crate) fn with_source(&self, source: KeySource) -> DigestKey {
        DigestKey {
            key: self.key,
            source,
        }
    }

    /// Where the key came from.
    pub fn source(&self) -> KeySource {
        self.source
    }

    /// The hex digest of `text` under this key.
    pub fn digest(&self, text: &[u8]) -> String {
        let hash = blake3::keyed_hash(&self.key, text);
        let mut out = String::with_capacity(64);
        for b in hash.as_bytes() {
            let _ = write!(out, "{b:02x}");
        }
        out
    }
}

/// Where an item was removed: byte offsets in a text file, or a page and box in a PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Location {
    /// A text document: byte offsets in the original file.
    Text {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// A PDF document.
    Pdf {
        /// 1-based page number.
        page: u32,
        /// `[x0, y0, x1, y1]` in PDF user space.
        bbox: [f64; 4],
    },
}

/// One line of `audit.jsonl`. It reads back from its JSON line:
///
/// ```
/// use woo_redact::{AuditRecord, Category};
///
/// let line = r#"{"document":"a.txt","item":1,"category":"phone","ground":"5.1.2e","detector":"phone","evidence":"telephone number","start":11,"end":22,"digest":"00"}"#;
/// let record: AuditRecord = serde_json::from_str(line).unwrap();
/// assert_eq!(record.category, Category::Phone);
/// assert_eq!(record.to_json(), line);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuditRecord {
    /// Path of the input document relative to its input root, `/`-separated.
    pub document: String,
    /// 1-based number of the item within its document.
    pub item: usize,
    /// Category, e.g. `name`.
    pub category: Category,
    /// Woo ground code, e.g. `5.1.2e`.
    pub ground: Ground,
    /// The rule that found the item.
    pub detector: String,
    /// Why the rule fired (never the removed text).
    pub evidence: String,
    /// Documents made of parts (e-mail, Word): the part the item was in, e.g. `header:To`,
    /// `body`, `attachment:2/page:1`, `word/document.xml`; its `start`/`end` are then byte
    /// offsets in that part's decoded text. Absent for plain text and PDF documents.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub part: Option<String>,
    /// Where the item was.
    #[serde(flatten)]
    pub location: Location,
    /// Keyed hash of the removed text.
    pub digest: String,
}

impl AuditRecord {
    /// The record of `removal` at `location`; `removed` is the removed text (only its keyed
    /// digest is kept). Every record of every format is built here.
    pub(crate) fn new(
        document: &str,
        item: usize,
        removal: &Removal,
        location: Location,
        removed: &[u8],
        key: &DigestKey,
    ) -> AuditRecord {
        AuditRecord {
            document: document.to_string(),
            item,
            category: removal.category,
            ground: removal.ground.clone(),
            detector: removal.detector.to_string(),
            evidence: removal.evidence.to_string(),
            part: None,
            location,
            digest: key.digest(removed),
        }
    }

    /// The record of a removal from a text; `removed` is the removed text. The location is
    /// the removal's offsets in `text` (a batch reports offsets in the file).
    pub fn for_text(
        document: &str,
        item: usize,
        removal: &Removal,
        removed: &str,
        key: &DigestKey,
    ) -> AuditRecord {
        let location = Location::Text {
            start: removal.start,
            end: removal.end,
        };
        AuditRecord::new(document, item, removal, location, removed.as_bytes(), key)
    }

    /// The record as one JSON line, without the line end.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("audit records always serialise")
    }
}

/// The records of the removals from a decoded text document, numbered from 1, with byte
/// offsets in the original file.
pub(crate) fn text_records(
    document: &str,
    doc: &TextDocument,
    removals: &[Removal],
    key: &DigestKey,
) -> Vec<AuditRecord> {
    let mut offsets = doc.offset_mapper();
    removals
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let location = Location::Text {
                start: offsets.map(r.start),
                end: offsets.map(r.end),
            };
            let removed = &doc.text.as_bytes()[r.start..r.end];
            AuditRecord::new(document, i + 1, r, location, removed, key)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_keyed_and_stable() {
        let a = DigestKey::from_material(b"0123456789abcdef").unwrap();
        let b = DigestKey::from_material(b"0123456789abcdeF").unwrap();
        assert_eq!(a.digest(b"Jan de Vries"), a.digest(b"Jan de Vries"));
        assert_ne!(a.digest(b"Jan de Vries"), b.digest(b"Jan de Vries"));
        assert_ne!(a.digest(b"Jan de Vries"), a.digest(b"Jan de Vriez"));
        assert_eq!(a.digest(b"x").len(), 64);
        assert!(DigestKey::from_material(b"short").is_err());
        assert!(!format!("{a:?}").contains("key:"));
    }

    #[test]
    fn text_record_has_the_contract_fields_in_order_and_no_text() {
        let key = DigestKey::from_material(b"0123456789abcdef").unwrap();
        let r = Removal {
            start: 4,
            end: 16,
            category: Category::Name,
            ground: Ground::parse("5.1.2e").unwrap(),
            detector: "name.directory",
            evidence: "directory".into(),
            person: Some(1),
        };
        let record = AuditRecord::for_text("a/b.txt", 1, &r, "Jan de Vries", &key);
        let line = record.to_json();
        let read: AuditRecord = serde_json::from_str(&line).unwrap();
        assert_eq!(read, record);
        assert!(line.starts_with(
            r#"{"document":"a/b.txt","item":1,"category":"name","ground":"5.1.2e","detector":"name.directory","evidence":"directory","start":4,"end":16,"digest":""#
        ), "{line}");
        assert!(!line.contains("Vries"));
    }

    #[test]
    fn pdf_records_read_back_from_json() {
        let line = r#"{"document":"a.pdf","item":2,"category":"signature","ground":"5.1.2e","detector":"signature.image","evidence":"x","page":3,"bbox":[1.0,2.5,3.0,4.0],"digest":"ab"}"#;
        let r: AuditRecord = serde_json::from_str(line).unwrap();
        assert_eq!(r.category, Category::Signature);
        assert_eq!(
            r.location,
            Location::Pdf {
                page: 3,
                bbox: [1.0, 2.5, 3.0, 4.0]
            }
        );
        assert_eq!(r.to_json(), line);
    }
}
