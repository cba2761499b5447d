//! Duplicate signatures: what pass 1 records of each input so that `reduce` can find exact
//! duplicates, near-duplicates and e-mail threads over the whole batch (see `groups`). They
//! are made with `publish`'s own functions (normalised text and duplicate keys, shingles and
//! MinHash band keys, mail messages), and they are hashes only: no word of a document is in
//! them.
//!
//! They are signatures of the *inputs*: pass 1 comes before anything is removed. `publish`
//! groups a run's *outputs*, where a removed text is one label and the audit digests stand
//! for it, and does not read these groups (a sharded run's outputs are a single run's, so
//! `publish` makes the same package of either). Both agree where no removal decides: an
//! exact copy, the same memo as text and as PDF, a reply quoting a mail. They differ where
//! one does: two letters that differ only in the citizen's name are near-duplicates with
//! similarity 1.000 in `publish` and less here, where the names are still words; a
//! similarity here is that of the whole texts (the demo's edited meeting notes: 0.921 here,
//! 0.899 in `publish`); a short message body whose only other words are a name is a message
//! here and too short in `publish`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::publish::duplicates::Keys;
use crate::publish::near::{self, BANDS, Bands};
use crate::publish::text::{self, Labels};
use crate::publish::{mail, threads};

/// A document's duplicate signature, a field of its line in `pass1/shard-K.facts.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Signature {
    /// Exact-duplicate key of the input's bytes.
    pub(crate) bytes: Hash32,
    /// Exact-duplicate key of its normalised text; `None` without text.
    pub(crate) text: Option<Hash32>,
    /// MinHash band keys; `None` under 10 words (not compared).
    pub(crate) bands: Option<BandKeys>,
    /// It is an e-mail print (it starts with a header block).
    pub(crate) mail: bool,
    /// One hash per message (normalised subject and body), in order.
    #[serde(with = "hashes")]
    pub(crate) messages: Vec<[u8; 32]>,
}

impl Signature {
    /// The signature of an input from its BLAKE3 and its text (empty when it could not be
    /// read), with its shingle set: `reduce` verifies near-duplicate candidates on it. The
    /// set is large, so it goes to a file of its own.
    pub(crate) fn of(input: &[u8; 32], text: &str, labels: &Labels) -> (Signature, Vec<u64>) {
        // Nothing is removed yet: no digests.
        let keys = Keys::from_hash(input, &text::normalised(text, labels), &[]);
        let shingles = near::shingles(&text::tokens(text, labels));
        let mail = mail::parse(text, labels);
        let signature = Signature {
            bytes: Hash32(keys.bytes),
            text: keys.text.map(Hash32),
            bands: near::bands(&shingles).map(|b| BandKeys(Box::new(b))),
            mail: mail.is_mail,
            messages: mail.messages,
        };
        (signature, shingles)
    }

    pub(crate) fn keys(&self) -> Keys {
        Keys {
            bytes: self.bytes.0,
            text: self.text.map(|t| t.0),
        }
    }

    pub(crate) fn messages(&self) -> threads::Messages<'_> {
        (self.mail, &self.messages)
    }
}

/// One line of `pass1/shard-K.shingles.jsonl`: a document's shingle set (only documents
/// with one), base64 of its hashes as little-endian `u64`s; decoded only when needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ShingleLine {
    pub(crate) seq: usize,
    shingles: String,
}

impl ShingleLine {
    pub(crate) fn new(seq: usize, shingles: &[u64]) -> ShingleLine {
        ShingleLine {
            seq,
            shingles: encode(shingles),
        }
    }

    pub(crate) fn decode(&self) -> Option<Vec<u64>> {
        decode(&self.shingles)
    }
}

/// `u64`s as base64 of their little-endian bytes: a third of their length in decimal JSON.
fn encode(values: &[u64]) -> String {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    STANDARD.encode(bytes)
}

fn decode(text: &str) -> Option<Vec<u64>> {
    let bytes = STANDARD.decode(text).ok()?;
    let values = bytes.chunks_exact(8);
    if !values.remainder().is_empty() {
        return None;
    }
    Some(
        values
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect(),
    )
}

/// A 32-byte hash, written in hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hash32(pub(crate) [u8; 32]);

impl Serialize for Hash32 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(blake3::Hash::from_bytes(self.0).to_hex().as_str())
    }
}

impl<'de> Deserialize<'de> for Hash32 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let hex = String::deserialize(d)?;
        let hash = blake3::Hash::from_hex(&hex).map_err(D::Error::custom)?;
        Ok(Hash32(*hash.as_bytes()))
    }
}

/// The band keys, written as base64 of little-endian `u64`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BandKeys(pub(crate) Box<Bands>);

impl Serialize for BandKeys {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode(&self.0[..]))
    }
}

impl<'de> Deserialize<'de> for BandKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let keys: Bands = decode(&String::deserialize(d)?)
            .and_then(|k| k.try_into().ok())
            .ok_or_else(|| D::Error::custom(format!("not {BANDS} band keys")))?;
        Ok(BandKeys(Box::new(keys)))
    }
}

/// 32-byte hashes as a list of hex strings.
mod hashes {
    use super::*;

    pub(super) fn serialize<S: Serializer>(values: &[[u8; 32]], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(values.iter().map(|h| Hash32(*h)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<[u8; 32]>, D::Error> {
        Ok(Vec::<Hash32>::deserialize(d)?
            .into_iter()
            .map(|h| h.0)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    const MAIL: &str = "Van: Jan Jansen\nAan: Piet Pietersen\nOnderwerp: RE: planning\n\n\
        Dat lijkt me een goed plan voor volgende week.\n";

    #[test]
    fn a_signature_holds_hashes_only_and_reads_back_the_same() {
        let labels = Labels::new(&Policy::default());
        let input = *blake3::hash(MAIL.as_bytes()).as_bytes();
        let (sig, shingles) = Signature::of(&input, MAIL, &labels);
        assert!(sig.mail && sig.messages.len() == 1 && sig.text.is_some());
        assert!(sig.bands.is_some() && !shingles.is_empty());
        let line = serde_json::to_string(&sig).unwrap();
        for word in ["Jan", "Jansen", "planning", "plan"] {
            assert!(!line.contains(word), "{line}");
        }
        assert_eq!(serde_json::from_str::<Signature>(&line).unwrap(), sig);
        let side = serde_json::to_string(&ShingleLine::new(3, &shingles)).unwrap();
        let back: ShingleLine = serde_json::from_str(&side).unwrap();
        assert_eq!((back.seq, back.decode().unwrap()), (3, shingles));
        // The same text gives the same signature; nothing readable: the bytes key alone.
        assert_eq!(Signature::of(&input, MAIL, &labels).0, sig);
        let (empty, none) = Signature::of(&input, "", &labels);
        assert_eq!((empty.text, empty.bands, none.len()), (None, None, 0));
        assert_eq!(empty.bytes, sig.bytes);
        assert_eq!(sig.messages().1.len(), 1);
    }
}
