//! The text of a run's outputs, normalised for comparison: NFKC, lower case, words of letters
//! and digits only, and every removal label (`[5.1.2e]`, a PDF box's `5.1.2e`, `[persoon 1]`,
//! the policy's own label) as one `LABEL` token. Words are kept as 64-bit hashes, so a large
//! batch fits in memory.

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::run::Kind;
use crate::load::TextDocument;
use crate::policy::Policy;

/// The token standing for a removal label.
pub const LABEL: u64 = 0;

/// A ground code as labels write it.
const GROUND: &str = r"5\.\d+(?:\.\d+)?\s*[a-zA-Z]?";

/// Recognises removal labels in output text.
#[derive(Debug, Clone)]
pub struct Labels(Regex);

impl Labels {
    /// The default labels, PDF box texts, pseudonyms and the policy's own label.
    pub fn new(policy: &Policy) -> Labels {
        let sample = policy.label_for(&crate::policy::Ground::parse("5.1.2e").expect("valid"));
        let own = regex::escape(&sample).replace(r"5\.1\.2e", GROUND);
        let pattern = format!(r"\[\s*{GROUND}\s*\]|\b5\.\d(?:\.\d)?[a-z]?\b|\[persoon \d+\]|{own}");
        Labels(Regex::new(&pattern).expect("a valid label pattern"))
    }
}

/// The text of an output: a text file decoded as the run decodes it, a PDF's pages as the
/// detectors read them. `None` when it cannot be read (then no text-based comparison is
/// made for the document).
pub fn document_text(kind: Kind, bytes: &[u8]) -> Option<String> {
    match kind {
        Kind::Text => TextDocument::decode(bytes.to_vec()).ok().map(|d| d.text),
        Kind::Pdf => crate::pdf::text(bytes, &crate::pdf::PdfOptions::default()).ok(),
    }
}

/// The text for the exact-duplicate key: NFKC, lower case, white space collapsed, removal
/// labels left out (so a text file and a PDF of the same memo agree); punctuation counts.
pub fn normalised(text: &str, labels: &Labels) -> String {
    let without = labels.0.replace_all(text, " ");
    let folded: String = without.nfkc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64 bits: a fixed, platform-independent word hash (never [`LABEL`]).
pub fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.max(1)
}

/// The normalised tokens of `text`: word hashes and [`LABEL`]s, in order.
pub fn tokens(text: &str, labels: &Labels) -> Vec<u64> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in labels.0.find_iter(text) {
        words(&text[at..m.start()], &mut out);
        out.push(LABEL);
        at = m.end();
    }
    words(&text[at..], &mut out);
    out
}

fn words(text: &str, out: &mut Vec<u64>) {
    let mut word = String::new();
    for c in text.nfkc() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(word_hash(&word));
            word.clear();
        }
    }
    if !word.is_empty() {
        out.push(word_hash(&word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_one_token_and_case_and_layout_do_not_count() {
        let labels = Labels::new(&Policy::default());
        let a = tokens("Hoi [5.1.2e],\nDe  Minister.", &labels);
        let b = tokens("hoi 5.1.2e de minister", &labels);
        assert_eq!(a, b);
        assert_eq!(a[1], LABEL);
        assert_eq!(a.len(), 4);
        assert_eq!(tokens("[persoon 3] ﬁets", &labels)[1], word_hash("fiets"));
    }

    #[test]
    fn normalised_text_keeps_punctuation_and_drops_labels() {
        let labels = Labels::new(&Policy::default());
        assert_eq!(
            normalised("Hoi [5.1.2e],\r\nDe  Minister.", &labels),
            normalised("hoi 5.1.2e , de minister.", &labels)
        );
        assert_ne!(
            normalised("1.000 euro", &labels),
            normalised("1,000 euro", &labels)
        );
    }

    #[test]
    fn the_policys_own_label_is_recognised() {
        let policy = Policy::from_json(r#"{"label":"<<{ground}>>"}"#).unwrap();
        let labels = Labels::new(&policy);
        assert_eq!(tokens("a <<5.1.1e>> b", &labels)[1], LABEL);
    }
}
