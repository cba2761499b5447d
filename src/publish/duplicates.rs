//! Exact duplicates. Publishing sees only the run's outputs, so two documents are the same
//! when their outputs are the same **and** the same texts were removed from them (the audit
//! digests: the same text under the run's key gives the same digest). Two letters that differ
//! only in the citizen's name are therefore no duplicates, although their outputs are equal.
//!
//! - bytes key: the output bytes and the digests in order;
//! - text key: the normalised text (NFKC, lower case, white space collapsed, labels left
//!   out, so a text and a PDF of the same memo can match) and the sorted digests; only for
//!   documents with text.
//!
//! The first document (in input order) with a key is the one assessed; later ones are
//! `dubbel` with a reference to it.

use std::collections::HashMap;

use super::run::Item;

/// The two duplicate keys of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// The bytes key.
    pub bytes: [u8; 32],
    /// The text key; `None` for a document without text.
    pub text: Option<[u8; 32]>,
}

impl Keys {
    /// The keys of an output with its normalised text and its audit items.
    pub fn new(bytes: &[u8], normalised: &str, items: &[Item]) -> Keys {
        let digests: Vec<&str> = items.iter().map(|i| i.digest.as_str()).collect();
        Keys::from_hash(blake3::hash(bytes).as_bytes(), normalised, &digests)
    }

    /// The keys from the BLAKE3 of the bytes, the normalised text and the digests of the
    /// removed texts in order. Pass 1 of a sharded run gives an input's, with no digests:
    /// nothing is removed yet.
    pub fn from_hash(hash: &[u8; 32], normalised: &str, digests: &[&str]) -> Keys {
        let mut b = blake3::Hasher::new();
        b.update(b"bytes\0");
        b.update(hash);
        for d in digests {
            b.update(d.as_bytes());
            b.update(b"\0");
        }
        let text = (!normalised.is_empty()).then(|| {
            let mut sorted = digests.to_vec();
            sorted.sort_unstable();
            let mut t = blake3::Hasher::new();
            t.update(b"text\0");
            t.update(normalised.as_bytes());
            t.update(b"\0");
            for d in sorted {
                t.update(d.as_bytes());
                t.update(b"\0");
            }
            *t.finalize().as_bytes()
        });
        Keys {
            bytes: *b.finalize().as_bytes(),
            text,
        }
    }
}

/// For every document, the index of the earlier document it duplicates (`None` for the first
/// of its kind). A duplicate always points at a document that is itself no duplicate.
pub fn find(keys: &[Keys]) -> Vec<Option<usize>> {
    let mut first: HashMap<[u8; 32], usize> = HashMap::new();
    let mut out = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let earlier = first
            .get(&k.bytes)
            .or_else(|| k.text.as_ref().and_then(|t| first.get(t)))
            .copied();
        if earlier.is_none() {
            first.insert(k.bytes, i);
            if let Some(t) = k.text {
                first.entry(t).or_insert(i);
            }
        }
        out.push(earlier);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(digest: &str) -> Item {
        Item {
            document: "d".into(),
            item: 1,
            category: "name".into(),
            ground: "5.1.2e".into(),
            digest: digest.into(),
        }
    }

    #[test]
    fn same_output_and_same_removed_texts_make_a_duplicate() {
        let a = Keys::new(b"Hoi [5.1.2e]", "hoi", &[item("aa")]);
        let same = Keys::new(b"Hoi [5.1.2e]", "hoi", &[item("aa")]);
        let other_person = Keys::new(b"Hoi [5.1.2e]", "hoi", &[item("bb")]);
        let as_pdf = Keys::new(b"%PDF other bytes", "hoi", &[item("aa")]);
        let empty_a = Keys::new(b"%PDF scan 1", "", &[]);
        let empty_b = Keys::new(b"%PDF scan 2", "", &[]);
        let dups = find(&[a, same, other_person, as_pdf, empty_a, empty_b]);
        assert_eq!(dups, vec![None, Some(0), None, Some(0), None, None]);
    }
}
