//! Applying removals to a text: each removed span is replaced by its label, `[5.1.2e]` by
//! default, or `[persoon N]` for names when the policy asks for pseudonyms.

use crate::policy::{Category, Policy};
use crate::resolve::Removal;

/// The label written in place of a removal.
pub fn label(removal: &Removal, policy: &Policy) -> String {
    match removal.person {
        Some(n) if policy.names.pseudonyms && removal.category == Category::Name => {
            format!("[persoon {n}]")
        }
        _ => policy.label_for(&removal.ground),
    }
}

/// The text with every removal replaced by its label. `removals` must be sorted and
/// non-overlapping, as [`crate::resolve::resolve`] returns them.
pub fn apply(text: &str, removals: &[Removal], policy: &Policy) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in removals {
        debug_assert!(
            r.start >= at && r.end >= r.start,
            "removals must be sorted and disjoint"
        );
        out.push_str(&text[at..r.start]);
        out.push_str(&label(r, policy));
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Ground;

    fn removal(
        start: usize,
        end: usize,
        category: Category,
        ground: &str,
        person: Option<usize>,
    ) -> Removal {
        Removal {
            start,
            end,
            category,
            ground: Ground::parse(ground).unwrap(),
            detector: "test",
            evidence: "test".into(),
            person,
        }
    }

    #[test]
    fn replaces_spans_with_their_ground_label() {
        let text = "BSN 111222333, tel 0612345678.";
        let rs = [
            removal(4, 13, Category::Bsn, "5.1.1e", None),
            removal(19, 29, Category::Phone, "5.1.2e", None),
        ];
        assert_eq!(
            apply(text, &rs, &Policy::default()),
            "BSN [5.1.1e], tel [5.1.2e]."
        );
    }

    #[test]
    fn pseudonyms_number_people_when_asked() {
        let text = "Jan en Piet en Jan";
        let rs = [
            removal(0, 3, Category::Name, "5.1.2e", Some(1)),
            removal(7, 11, Category::Name, "5.1.2e", Some(2)),
            removal(15, 18, Category::Name, "5.1.2e", Some(1)),
        ];
        let mut policy = Policy::default();
        assert_eq!(
            apply(text, &rs, &policy),
            "[5.1.2e] en [5.1.2e] en [5.1.2e]"
        );
        policy.names.pseudonyms = true;
        assert_eq!(
            apply(text, &rs, &policy),
            "[persoon 1] en [persoon 2] en [persoon 1]"
        );
    }
}
