//! Staff members' account names: the part of their e-mail address before the `@`, as systems
//! print it when they log who did something (`aangemaakt door hkoc`, `Export door: l.vos`,
//! `Vastgelegd in Corsa door mltan`). The staff directory gives the addresses; an account
//! name is written with or without its dots.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Finding, is_whole_token};
use crate::lists::StaffDirectory;
use crate::policy::Category;

/// An account name without dots is taken only from this length on: shorter ones are too
/// often an abbreviation or a word.
const MIN_UNDOTTED: usize = 4;

/// Whether `start..end` is part of an e-mail address or a longer account name (`t.maas@…`,
/// `x.t.maas`): the e-mail detector's business, or someone else's.
fn in_longer_address(text: &str, start: usize, end: usize) -> bool {
    let joiner = |c: char| matches!(c, '@' | '.' | '_' | '-');
    let mut after = text[end..].chars();
    let continues = match (after.next(), after.next()) {
        (Some('@'), _) => true,
        (Some(c), Some(d)) => joiner(c) && d.is_alphanumeric(),
        _ => false,
    };
    continues || super::char_before(text, start).is_some_and(joiner)
}

/// The account names of a staff directory, matched case-insensitively as whole tokens.
#[derive(Clone)]
pub struct Accounts {
    /// `None` when the directory has no dotted addresses.
    matcher: Option<AhoCorasick>,
}

impl Accounts {
    /// The account names of the directory's e-mail addresses.
    pub fn new(staff: &StaffDirectory) -> Accounts {
        let mut names: Vec<String> = Vec::new();
        for email in staff.members.iter().filter_map(|m| m.email.as_deref()) {
            let Some((local, _)) = email.trim().split_once('@') else {
                continue;
            };
            let local = local.to_lowercase();
            // A local part without a dot or a digit is a first name or a surname alone
            // (`koen@`), which the name engine handles.
            if local.contains(['.', '_', '-']) {
                names.push(local.clone());
                let undotted: String = local.chars().filter(|c| c.is_alphanumeric()).collect();
                if undotted.chars().count() >= MIN_UNDOTTED {
                    names.push(undotted);
                }
            }
        }
        names.sort();
        names.dedup();
        let matcher = (!names.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&names)
                .expect("account names build an automaton")
        });
        Accounts { matcher }
    }

    /// Finds the account names in `text`.
    pub fn detect(&self, text: &str, out: &mut Vec<Finding>) {
        let Some(m) = &self.matcher else {
            return;
        };
        for found in m.find_iter(text) {
            let (start, end) = (found.start(), found.end());
            if is_whole_token(text, start, end) && !in_longer_address(text, start, end) {
                out.push(Finding::new(
                    start,
                    end,
                    Category::Name,
                    "name.account",
                    "a staff member's account name",
                ));
            }
        }
    }
}

impl std::fmt::Debug for Accounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Accounts").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lists::StaffMember;

    fn found(text: &str) -> Vec<&str> {
        let staff = StaffDirectory {
            members: ["t.maas@ws.nl", "ml.tan@ws.nl", "h.koc@ws.nl", "koen@ws.nl"]
                .iter()
                .map(|e| StaffMember {
                    name: "X".into(),
                    email: Some(e.to_string()),
                    phone: None,
                })
                .collect(),
        };
        let mut out = Vec::new();
        Accounts::new(&staff).detect(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn account_names_with_and_without_dots() {
        assert_eq!(
            found("verstuurd door t.maas op 16-11. Vastgelegd door mltan, zaak door HKOC."),
            ["t.maas", "mltan", "HKOC"]
        );
    }

    #[test]
    fn addresses_and_bare_first_names_are_left_to_others() {
        assert!(found("mail t.maas@ws.nl, x.t.maas, koen").is_empty());
    }
}
