//! Verification of a redacted text, independent of how it was produced: every removed string
//! is searched for in the output, and may appear there only as often as it appeared in text
//! the policy protects (the keep list, public officials). Labels are counted too.

use std::ops::Range;

use crate::detect::is_whole_token;
use crate::policy::Category;
use crate::resolve::Removal;
use crate::search::RemovedStrings;
use crate::spans::Spans;

/// Why a redacted output was rejected. The message names items, never their text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerificationError {
    /// A removed string is still readable in the output.
    #[error(
        "removed item {item} ({category}) is still readable {extra} more time(s) in the output"
    )]
    Leak {
        /// 1-based item number.
        item: usize,
        /// Its category.
        category: String,
        /// How many more occurrences than protected text accounts for.
        extra: usize,
    },
    /// The output does not have one label per removal.
    #[error("the output has {found} labels where {expected} were expected")]
    LabelCount {
        /// Labels expected.
        expected: usize,
        /// Labels found.
        found: usize,
    },
}

/// Checks a redacted text against its original.
pub fn verify_text(
    original: &str,
    output: &str,
    removals: &[Removal],
    labels: &[String],
    protected: &[Range<usize>],
) -> Result<(), VerificationError> {
    check_labels(original, output, labels)?;
    let strings = RemovedStrings::new(original, removals);
    if strings.is_empty() {
        return Ok(());
    }
    let protected: Spans = protected.iter().collect();
    let mut allowed = vec![0usize; strings.len()];
    let removed = Spans::new(removals.iter().map(|r| (r.start, r.end)).collect());
    for (n, s, e) in strings.occurrences(original) {
        // A one-word name left as a word (`de Koning`) stays, as resolve left it.
        let word_use = removals[strings.first_removal(n)].category == Category::Name
            && !removed.overlaps(s, e)
            && crate::resolve::word_use_of_a_name(original, s, e);
        if is_whole_token(original, s, e) && (protected.overlaps(s, e) || word_use) {
            allowed[n] += 1;
        }
    }
    let mut found = vec![0usize; strings.len()];
    for (n, s, e) in strings.occurrences(output) {
        if is_whole_token(output, s, e) {
            found[n] += 1;
        }
    }
    for (n, (&f, &a)) in found.iter().zip(&allowed).enumerate() {
        if f > a {
            let item = strings.first_removal(n);
            return Err(VerificationError::Leak {
                item: item + 1,
                category: removals[item].category.to_string(),
                extra: f - a,
            });
        }
    }
    Ok(())
}

/// One label per removal: labels in the output = labels already in the original + removals.
fn check_labels(original: &str, output: &str, labels: &[String]) -> Result<(), VerificationError> {
    let mut distinct: Vec<&str> = labels.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let count = |text: &str| {
        distinct
            .iter()
            .map(|l| text.matches(l).count())
            .sum::<usize>()
    };
    let expected = count(original) + labels.len();
    let found = count(output);
    if found == expected {
        Ok(())
    } else {
        Err(VerificationError::LabelCount { expected, found })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removal(start: usize, end: usize) -> Removal {
        Removal::test_name(start, end)
    }

    #[test]
    fn accepts_a_complete_redaction() {
        let original = "Jan Smit belt Jan Smit.";
        let output = "[5.1.2e] belt [5.1.2e].";
        let labels = vec!["[5.1.2e]".to_string(); 2];
        assert!(
            verify_text(
                original,
                output,
                &[removal(0, 8), removal(14, 22)],
                &labels,
                &[]
            )
            .is_ok()
        );
    }

    #[test]
    fn rejects_a_removed_string_left_elsewhere() {
        let original = "Jan Smit belt Jan Smit.";
        let output = "[5.1.2e] belt Jan Smit.";
        let labels = vec!["[5.1.2e]".to_string()];
        let err = verify_text(original, output, &[removal(0, 8)], &labels, &[]).unwrap_err();
        assert_eq!(
            err,
            VerificationError::Leak {
                item: 1,
                category: "name".into(),
                extra: 1
            }
        );
        assert!(!err.to_string().contains("Smit"));
    }

    #[test]
    fn allows_occurrences_in_protected_text() {
        let original = "Jan Smit belt Jan Smit.";
        let output = "[5.1.2e] belt Jan Smit.";
        let labels = vec!["[5.1.2e]".to_string()];
        assert!(
            verify_text(
                original,
                output,
                &[removal(0, 8)],
                &labels,
                &[Range { start: 14, end: 22 }]
            )
            .is_ok()
        );
    }

    #[test]
    fn rejects_a_missing_label() {
        let labels = vec!["[5.1.2e]".to_string()];
        let err = verify_text("Jan Smit.", ".", &[removal(0, 8)], &labels, &[]).unwrap_err();
        assert!(matches!(
            err,
            VerificationError::LabelCount {
                expected: 1,
                found: 0
            }
        ));
    }
}
