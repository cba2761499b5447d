//! The [`Redactor`]: built once from a policy and the lists, then shared by every thread to
//! scan and redact texts. The pipeline per text is detect → resolve → apply → verify.

use std::ops::Range;

use rayon::prelude::*;
use regex::Regex;

use crate::apply;
use crate::detect::{self, Finding};
use crate::error::ConfigError;
use crate::fingerprint::Fingerprint;
use crate::fold::FoldedText;
use crate::lists::Lists;
use crate::names::{NameEngine, PersonKey};
use crate::policy::{Category, Policy};
use crate::resolve::{Removal, resolve};
use crate::verify::{VerificationError, verify_text};
use crate::view::View;

/// A redacted text with the removals made in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The text with every removal replaced by its label.
    pub text: String,
    /// The removals, in text order, with byte offsets into the original text.
    pub removals: Vec<Removal>,
}

/// The result of scanning a text: what would be removed, and what stays readable on purpose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The removals, in text order.
    pub removals: Vec<Removal>,
    /// Byte ranges protected by the keep list or as a public official's name.
    pub protected: Vec<Range<usize>>,
}

/// Finds and removes personal data from Dutch government texts.
///
/// Build it once; it is `Send + Sync`, so one instance serves every thread of a batch.
///
/// ```
/// use woo_redact::{Lists, Policy, Redactor};
///
/// let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
/// let out = redactor.redact("Bel mij op 06-12345678.").unwrap();
/// assert_eq!(out.text, "Bel mij op [5.1.2e].");
/// ```
///
/// Its `Debug` output shows the policy and counts, never the lists' names.
#[derive(Clone)]
pub struct Redactor {
    policy: Policy,
    keep: Option<Regex>,
    /// Telephone numbers on the keep list, in canonical form: kept in every notation.
    keep_numbers: Vec<String>,
    names: NameEngine,
    /// Hash of everything that decides the results: policy, lists, known people.
    identity: [u8; 32],
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redactor")
            .field("policy", &self.policy)
            .field("names", &self.names)
            .finish_non_exhaustive()
    }
}

impl Redactor {
    /// Compiles the detectors for a policy and the lists.
    pub fn new(policy: Policy, lists: &Lists) -> Result<Redactor, ConfigError> {
        let names = NameEngine::new(&lists.staff, &lists.public, &policy.names)?;
        // The content itself: `Debug` output hides the names.
        let mut identity = Fingerprint::new("woo-redact redactor");
        policy.content_digest(&mut identity);
        lists.content_digest(&mut identity);
        let identity = identity.finish();
        let mut keep_numbers: Vec<String> = lists
            .keep
            .iter()
            .filter_map(|e| detect::phone::canonical(e))
            .collect();
        keep_numbers.sort();
        Ok(Redactor {
            keep: keep_matcher(&lists.keep)?,
            keep_numbers,
            names,
            policy,
            identity,
        })
    }

    /// The policy this redactor applies.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// A hash of everything that decides this redactor's results (the policy, the lists and
    /// the people added by [`Redactor::with_known_people`]): two redactors with the same
    /// fingerprint redact every text alike. Resumed batches use it to tell whether an earlier
    /// result still holds.
    pub fn fingerprint(&self) -> [u8; 32] {
        self.identity
    }

    /// Finds what must be removed from `text`, without changing it.
    pub fn scan(&self, text: &str) -> Scan {
        // Detection reads the text with layout line breaks joined (see [`View`]); the
        // removals and protected ranges are mapped back to the original bytes.
        let view = View::new(text);
        let mut scan = self.scan_view(view.text());
        if !view.is_original() {
            for r in &mut scan.removals {
                r.start = view.original(r.start, false);
                r.end = view.original(r.end, true);
            }
            for p in &mut scan.protected {
                *p = view.original(p.start, false)..view.original(p.end, true);
            }
        }
        scan
    }

    fn scan_view(&self, text: &str) -> Scan {
        let mut findings: Vec<Finding> = Vec::new();
        let enabled = |c| self.policy.is_enabled(c);
        if enabled(Category::Email) {
            detect::email::detect(text, &mut findings);
        }
        if enabled(Category::Phone) {
            detect::phone::detect(text, &mut findings);
        }
        if enabled(Category::Bsn) {
            detect::bsn::detect(text, &mut findings);
        }
        if enabled(Category::Iban) {
            detect::iban::detect(text, &mut findings);
        }
        if enabled(Category::Address) {
            detect::address::detect(text, &mut findings);
        }
        if enabled(Category::Birthdate) {
            detect::birthdate::detect(text, &mut findings);
        }
        if enabled(Category::Other) {
            detect::plate::detect(text, &mut findings);
        }
        let keep = self.keep_ranges(text);
        let mut protected = keep.clone();
        if !self.keep_numbers.is_empty() {
            protected.extend(
                findings
                    .iter()
                    .filter(|f| f.category == Category::Phone)
                    .filter(|f| {
                        detect::phone::canonical(&text[f.start..f.end])
                            .is_some_and(|c| self.keep_numbers.binary_search(&c).is_ok())
                    })
                    .map(|f| f.start..f.end),
            );
        }
        if enabled(Category::Name) {
            let folded = FoldedText::new(text);
            let names = self.names.detect(&folded);
            findings.extend(names.findings);
            protected.extend(names.protected);
        }
        protected.sort_by_key(|r| (r.start, r.end));
        drop_kept_address_parts(text, &mut findings, &keep);
        let removals = resolve(text, findings, &protected, &self.policy);
        Scan {
            removals,
            protected,
        }
    }

    /// Redacts `text` and verifies the result.
    pub fn redact(&self, text: &str) -> Result<Redaction, VerificationError> {
        let scan = self.scan(text);
        let output = apply::apply(text, &scan.removals, &self.policy);
        let labels: Vec<String> = scan.removals.iter().map(|r| self.label(r)).collect();
        verify_text(text, &output, &scan.removals, &labels, &scan.protected)?;
        Ok(Redaction {
            text: output,
            removals: scan.removals,
        })
    }

    /// Redacts many texts in parallel (on the current rayon pool); results keep input order.
    pub fn redact_all(&self, texts: &[&str]) -> Vec<Result<Redaction, VerificationError>> {
        texts.par_iter().map(|t| self.redact(t)).collect()
    }

    /// The people whose names `text` identifies (for the batch-wide "one decision per person"
    /// rule): their surname keys, first names and initials, never public officials.
    pub fn identify(&self, text: &str) -> Vec<PersonKey> {
        if !self.policy.is_enabled(Category::Name) {
            return Vec::new();
        }
        self.names.detect(&FoldedText::new(text)).people
    }

    /// The same redactor, also removing every mention of `people` (identified in other
    /// documents of the batch) as if they were identified in each text.
    pub fn with_known_people(&self, mut people: Vec<PersonKey>) -> Redactor {
        people.sort();
        people.dedup();
        let mut identity = Fingerprint::new("woo-redact known people");
        identity.bytes(&self.identity).u64(people.len() as u64);
        for p in &people {
            identity
                .opt(p.surname.as_deref())
                .opt(p.given.as_deref())
                .opt(p.initials.as_deref());
        }
        Redactor {
            names: self.names.with_known_people(people),
            identity: identity.finish(),
            ..self.clone()
        }
    }

    /// The label written in place of a removal.
    pub fn label(&self, removal: &Removal) -> String {
        apply::label(removal, &self.policy)
    }

    /// Byte ranges of `text` that the keep list protects.
    fn keep_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.keep
            .as_ref()
            .map(|re| re.find_iter(text).map(|m| m.range()).collect())
            .unwrap_or_default()
    }
}

/// An address is one block: when the keep list protects part of it (the organisation's
/// street, or its postcode and place), the other parts on that line and the next are the
/// organisation's too (`Turfmarkt 147 | 2511 DP | Den Haag`).
fn drop_kept_address_parts(text: &str, findings: &mut Vec<Finding>, keep: &[Range<usize>]) {
    if keep.is_empty() || !findings.iter().any(|f| f.category == Category::Address) {
        return;
    }
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let line_of = |at: usize| newlines.partition_point(|&n| n < at);
    let mut kept_lines: Vec<usize> = keep.iter().map(|r| line_of(r.start)).collect();
    kept_lines.sort_unstable();
    findings.retain(|f| {
        if f.category != Category::Address {
            return true;
        }
        let line = line_of(f.start);
        let kept = |l: usize| kept_lines.binary_search(&l).is_ok();
        !(kept(line) || (line > 0 && kept(line - 1)))
    });
}

/// One case-insensitive matcher for all keep-list entries, where any run of white space
/// matches any run of white space.
fn keep_matcher(entries: &[String]) -> Result<Option<Regex>, ConfigError> {
    let mut alternatives: Vec<String> = entries
        .iter()
        .filter(|e| !e.trim().is_empty())
        .map(|e| {
            e.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    if alternatives.is_empty() {
        return Ok(None);
    }
    // Longest first, so the widest entry wins where entries share a start.
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let pattern = format!("(?i)(?:{})", alternatives.join("|"));
    regex::RegexBuilder::new(&pattern)
        .size_limit(64 << 20)
        .build()
        .map(Some)
        .map_err(|e| ConfigError::Field {
            field: "keep list".into(),
            reason: format!("cannot compile: {e}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(keep: &[&str]) -> Redactor {
        let lists = Lists {
            keep: keep.iter().map(|s| s.to_string()).collect(),
            ..Lists::default()
        };
        Redactor::new(Policy::default(), &lists).unwrap()
    }

    /// Debug output ends up in logs: it must not show the people in the lists or a text.
    #[test]
    fn debug_output_shows_no_personal_data() {
        let lists = Lists {
            staff: crate::lists::StaffDirectory::from_csv(
                b"name,email,phone\nJaylinn van der Meulen,j.meulen@minjenv.nl,0612345678\n",
            )
            .unwrap(),
            ..Lists::default()
        };
        let r = Redactor::new(Policy::default(), &lists).unwrap();
        let people = r.identify("Van: Piet Kwakernaak\n\nBeste Jaylinn,");
        assert!(!people.is_empty());
        let known = r.with_known_people(people);
        let document = crate::load::TextDocument::decode(b"Van: Piet Kwakernaak".to_vec()).unwrap();
        for debug in [
            format!("{r:?}"),
            format!("{known:?}"),
            format!("{lists:?}"),
            format!("{document:?}"),
            format!("{:?}", known.identify("Beste Jaylinn van der Meulen,")),
        ] {
            let folded = debug.to_lowercase();
            for private in ["meulen", "jaylinn", "0612345678", "kwakernaak", "piet"] {
                assert!(!folded.contains(private), "{private} in {debug}");
            }
        }
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Redactor>();
    }

    #[test]
    fn keep_list_entries_stay_readable_with_any_case_and_white_space() {
        let r = redactor(&["woo@minjenv.nl", "Turfmarkt 147", "2511 DP Den Haag"]);
        let text = "Mail WOO@minjenv.nl of jan@minjenv.nl.\nTurfmarkt 147\n2511 DP  Den Haag\n";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "Mail WOO@minjenv.nl of [5.1.2e].\nTurfmarkt 147\n2511 DP  Den Haag\n"
        );
    }

    #[test]
    fn a_kept_number_stays_readable_in_every_notation() {
        let r = redactor(&["070 370 1234"]);
        let text = "Bel +31 70 370 1234 of 070-3701234 of (070) 370 1234, niet 06-12345678.";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "Bel +31 70 370 1234 of 070-3701234 of (070) 370 1234, niet [5.1.2e]."
        );
    }

    #[test]
    fn redacts_structured_data_with_the_right_grounds() {
        let r = redactor(&[]);
        let text =
            "BSN 111222333, IBAN NL91ABNA0417164300, geboren op 01-02-1980, tel 06-12345678.";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "BSN [5.1.1e], IBAN [5.1.2e], geboren op [5.1.2e], tel [5.1.2e]."
        );
        let cats: Vec<_> = out.removals.iter().map(|r| r.category).collect();
        assert_eq!(
            cats,
            [
                Category::Bsn,
                Category::Iban,
                Category::Birthdate,
                Category::Phone
            ]
        );
    }
}
