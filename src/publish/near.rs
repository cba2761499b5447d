//! Near-duplicates: MinHash over word 3-shingles of the normalised text (labels left out),
//! candidates from locality-sensitive hashing (32 bands of 4 rows: pairs from about 0.4
//! similarity up), each candidate verified with the exact Jaccard similarity of the shingle
//! sets, compared on integer counts. Groups are the connected components of verified pairs.
//!
//! The hash functions are fixed (seeds derived with BLAKE3), so the same texts give the same
//! groups on every machine and in every run.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::text::LABEL;

/// Words per shingle.
const SHINGLE: usize = 3;
/// Documents with fewer words are not compared (too little text to call similar).
const MIN_WORDS: usize = 10;
/// Signature length: bands × rows.
pub const BANDS: usize = 32;
const ROWS: usize = 4;
/// A bucket with more members than this is compared against its first member only.
const ALL_PAIRS_UP_TO: usize = 32;

/// A member of a group: the document's index and its best similarity with another member
/// (shared shingles, all shingles of the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Index of the document (input order).
    pub index: usize,
    /// Shingles the pair shares.
    pub shared: usize,
    /// Shingles of the pair together.
    pub union: usize,
}

impl Member {
    /// The similarity with three decimals, e.g. `0.857`.
    pub fn similarity(&self) -> String {
        let permille = (self.shared * 1000 + self.union / 2) / self.union.max(1);
        format!("{}.{:03}", permille / 1000, permille % 1000)
    }
}

fn mix(mut z: u64) -> u64 {
    // splitmix64's finaliser.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash seeds, derived once.
fn seeds() -> &'static [u64; BANDS * ROWS] {
    static SEEDS: LazyLock<[u64; BANDS * ROWS]> = LazyLock::new(|| {
        let mut out = [0u64; BANDS * ROWS];
        for (i, s) in out.iter_mut().enumerate() {
            let key = blake3::derive_key(
                "woo-redact publish minhash seeds",
                &(i as u64).to_le_bytes(),
            );
            *s = u64::from_le_bytes(key[..8].try_into().expect("8 bytes"));
        }
        out
    });
    &SEEDS
}

/// The sorted, distinct shingle hashes of a document's tokens (labels left out).
pub fn shingles(tokens: &[u64]) -> Vec<u64> {
    let words: Vec<u64> = tokens.iter().copied().filter(|&t| t != LABEL).collect();
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &x| mix(h ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The LSH keys of a document: one per band, over that band's rows of the MinHash signature.
pub type Bands = [u64; BANDS];

/// The band keys of a shingle set; `None` for an empty one (too short to compare).
pub fn bands(shingles: &[u64]) -> Option<Bands> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = [u64::MAX; BANDS * ROWS];
    for &s in shingles {
        for (m, &seed) in sig.iter_mut().zip(seeds()) {
            *m = (*m).min(mix(s ^ seed));
        }
    }
    let mut out = [0u64; BANDS];
    for (band, rows) in sig.chunks(ROWS).enumerate() {
        out[band] = rows.iter().fold(band as u64, |h, &x| mix(h ^ x));
    }
    Some(out)
}

/// The candidate pairs `(a, b)`, `a < b`, positions in `bands`: documents that share a band
/// key, sorted. One band at a time, so memory is one band's keys, not a map of all buckets.
pub fn candidates(bands: &[Option<&Bands>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut column: Vec<(u64, usize)> = Vec::new();
    for band in 0..BANDS {
        column.clear();
        column.extend(
            bands
                .iter()
                .enumerate()
                .filter_map(|(k, b)| b.map(|b| (b[band], k))),
        );
        column.sort_unstable();
        // A bucket's members are in increasing order.
        for bucket in column.chunk_by(|x, y| x.0 == y.0) {
            if bucket.len() <= ALL_PAIRS_UP_TO {
                for (x, &(_, a)) in bucket.iter().enumerate() {
                    out.extend(bucket[x + 1..].iter().map(|&(_, b)| (a, b)));
                }
            } else {
                out.extend(bucket[1..].iter().map(|&(_, b)| (bucket[0].1, b)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Shared and total shingles of two sorted sets.
fn overlap(a: &[u64], b: &[u64]) -> (usize, usize) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (shared, a.len() + b.len() - shared)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The near-duplicate groups among `docs` (document index, shingle set), each sorted by
/// index, the groups in the order of their first member. `percent` is the smallest Jaccard
/// similarity of a verified pair.
pub fn groups(docs: &[(usize, Vec<u64>)], percent: u32) -> Vec<Vec<Member>> {
    let bands: Vec<Option<Bands>> = docs.iter().map(|(_, sh)| bands(sh)).collect();
    let refs: Vec<Option<&Bands>> = bands.iter().map(Option::as_ref).collect();
    let index: Vec<usize> = docs.iter().map(|d| d.0).collect();
    verify(&candidates(&refs), &index, |k| &docs[k].1, percent)
}

/// The groups of the candidate pairs (positions, as [`candidates`] gives them) whose exact
/// Jaccard similarity is at least `percent`: the connected components of verified pairs.
/// `index` gives each position's document index, `shingles` its shingle set.
pub fn verify<'a>(
    pairs: &[(usize, usize)],
    index: &[usize],
    shingles: impl Fn(usize) -> &'a [u64],
    percent: u32,
) -> Vec<Vec<Member>> {
    let mut parent: Vec<usize> = (0..index.len()).collect();
    let mut best: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for &(a, b) in pairs {
        let (shared, union) = overlap(shingles(a), shingles(b));
        if 100 * shared < percent as usize * union {
            continue;
        }
        for x in [a, b] {
            let e = best.entry(x).or_insert((0, 1));
            if shared * e.1 > e.0 * union {
                *e = (shared, union);
            }
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut by_root: BTreeMap<usize, Vec<Member>> = BTreeMap::new();
    for (&k, &(shared, union)) in &best {
        let root = find(&mut parent, k);
        by_root.entry(root).or_default().push(Member {
            index: index[k],
            shared,
            union,
        });
    }
    let mut out: Vec<Vec<Member>> = by_root.into_values().collect();
    for g in &mut out {
        g.sort_by_key(|m| m.index);
    }
    out.sort_by_key(|g| g[0].index);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::text::word_hash;

    fn doc(text: &str) -> Vec<u64> {
        shingles(&text.split_whitespace().map(word_hash).collect::<Vec<_>>())
    }

    const BASE: &str = "de minister heeft op dinsdag besloten dat de subsidie voor het \
        project in de regio wordt verlengd tot het einde van het jaar omdat de resultaten \
        van de eerste fase goed waren en de gemeenten om verlenging hebben gevraagd";

    #[test]
    fn a_document_with_one_word_changed_is_a_near_duplicate_and_others_are_not() {
        let changed = BASE.replace("dinsdag", "woensdag");
        let other = "het verslag van het overleg over de begroting van volgend jaar met \
            alle betrokken partijen en de afspraken over de planning van de werkzaamheden";
        let docs = vec![
            (0, doc(BASE)),
            (1, doc(other)),
            (2, doc(&changed)),
            (3, doc("te kort")),
        ];
        let g = groups(&docs, 80);
        assert_eq!(g.len(), 1);
        let idx: Vec<usize> = g[0].iter().map(|m| m.index).collect();
        assert_eq!(idx, vec![0, 2]);
        assert!(
            g[0][0].similarity().as_str() >= "0.800",
            "{}",
            g[0][0].similarity()
        );
        assert!(groups(&docs, 100).is_empty());
    }

    #[test]
    fn similarity_is_printed_from_integer_counts() {
        let m = Member {
            index: 0,
            shared: 6,
            union: 7,
        };
        assert_eq!(m.similarity(), "0.857");
        let whole = Member {
            index: 0,
            shared: 5,
            union: 5,
        };
        assert_eq!(whole.similarity(), "1.000");
    }
}
