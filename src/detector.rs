//! Detectors as plug-ins: every detector implements [`Detector`], and a
//! [`Redactor`](crate::Redactor) runs its list of them in order over each text. Adding a
//! detector adds an entry to that list; the scan itself does not change.
//!
//! The list, in order:
//!
//! 1. the pattern detectors (e-mail, telephone, BSN, IBAN, address, date of birth, licence
//!    plate);
//! 2. the regular-expression detectors of the policy file ([`PolicyDetector`], see
//!    [`Policy::from_json`](crate::Policy::from_json)) and those added with
//!    [`Redactor::with_detector`](crate::Redactor::with_detector);
//! 3. the keep list, which protects text (and sees what 1 and 2 found, to keep the
//!    organisation's own numbers and addresses);
//! 4. the name engine, last, which both finds names and protects public officials.
//!
//! A detector whose category the policy disables is not run.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use std::panic::RefUnwindSafe;
use std::sync::Mutex;

use regex::Regex;

use crate::detect::{self, Finding, is_whole_token};
use crate::error::ConfigError;
use crate::fold::FoldedText;
use crate::names::NameEngine;
use crate::policy::{Category, Ground};

/// What the detectors found in one text so far; each detector adds to it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Detections {
    /// Personal data to remove, with the rule and the reason.
    pub findings: Vec<Finding>,
    /// Byte ranges that must stay readable (keep list, public officials): findings wholly
    /// inside one are dropped, and removed strings are not propagated into them.
    pub protected: Vec<Range<usize>>,
}

/// One detector: reads a text and reports findings (with their explanations) and protected
/// spans. Detectors are shared by every thread (`Send + Sync`), and a redactor turns a panic
/// into a document's failure (`RefUnwindSafe`).
///
/// ```
/// use woo_redact::{Category, Detections, Detector, Finding, Lists, Policy, Redactor};
///
/// /// Client numbers such as `KL-123456`.
/// #[derive(Debug)]
/// struct ClientNumbers;
///
/// impl Detector for ClientNumbers {
///     fn category(&self) -> Option<Category> {
///         Some(Category::Other)
///     }
///     fn rule(&self) -> &str {
///         "client-number"
///     }
///     fn detect(&self, text: &str, found: &mut Detections) {
///         for (at, _) in text.match_indices("KL-") {
///             let end = at + 9;
///             if text.get(at + 3..end).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())) {
///                 found.findings.push(Finding::new(
///                     at, end, Category::Other, "client-number", "client number",
///                 ));
///             }
///         }
///     }
/// }
///
/// let redactor = Redactor::new(Policy::default(), &Lists::default())
///     .unwrap()
///     .with_detector(ClientNumbers);
/// assert_eq!(redactor.redact("Klant KL-123456.").unwrap().text, "Klant [5.1.2e].");
/// ```
pub trait Detector: Send + Sync + RefUnwindSafe + fmt::Debug {
    /// The category of what it finds; `None` for a detector that only protects text. A
    /// detector of a category the policy disables is not run.
    fn category(&self) -> Option<Category>;

    /// The detector's name, e.g. `email` (its findings name their own rule, which may be
    /// more precise, e.g. `email.obfuscated`).
    fn rule(&self) -> &str;

    /// Reads `text` and adds to `found`. `found` holds what the detectors before this one
    /// reported; a detector may drop findings there (the keep list does).
    fn detect(&self, text: &str, found: &mut Detections);

    /// Everything that decides this detector's results, for the redactor's
    /// [fingerprint](crate::Redactor::fingerprint). The default is the category and the rule:
    /// override it when the detector has settings.
    fn identity(&self) -> String {
        format!("{:?} {}", self.category(), self.rule())
    }
}

/// A built-in pattern detector.
pub(crate) struct Pattern {
    category: Category,
    rule: &'static str,
    detect: fn(&str, &mut Vec<Finding>),
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern").field("rule", &self.rule).finish()
    }
}

impl Detector for Pattern {
    fn category(&self) -> Option<Category> {
        Some(self.category)
    }
    fn rule(&self) -> &str {
        self.rule
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        (self.detect)(text, &mut found.findings);
    }
}

/// The built-in pattern detectors, in the order they run.
pub(crate) fn patterns() -> Vec<Pattern> {
    let p = |category, rule, detect| Pattern {
        category,
        rule,
        detect,
    };
    vec![
        p(Category::Email, "email", detect::email::detect),
        p(Category::Phone, "phone", detect::phone::detect),
        p(Category::Bsn, "bsn", detect::bsn::detect),
        p(Category::Iban, "iban", detect::iban::detect),
        p(Category::Address, "address", detect::address::detect),
        p(Category::Birthdate, "birthdate", detect::birthdate::detect),
        p(Category::Other, "plate", detect::plate::detect),
        p(Category::Other, "vin", detect::vin::detect),
        p(Category::Other, "handle", detect::handle::detect),
        p(Category::Other, "chip-number", detect::chip::detect),
        p(Category::Other, "ean", detect::ean::detect),
        p(
            Category::Other,
            "person-number",
            detect::person_number::detect,
        ),
    ]
}

/// The name engine as a detector: names to remove, public officials to keep.
#[derive(Debug, Clone)]
pub(crate) struct Names(pub(crate) NameEngine);

impl Detector for Names {
    fn category(&self) -> Option<Category> {
        Some(Category::Name)
    }
    fn rule(&self) -> &str {
        "name"
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        let names = self
            .0
            .detect(&FoldedText::new(&crate::fold::ocr_letters(text)));
        found.findings.extend(names.findings);
        // Read here, as it needs the names: a person's number or user name in brackets after
        // the name.
        detect::person_number::bound_to_names(text, &mut found.findings);
        detect::handle::bound_to_names(text, &mut found.findings);
        detect::birthdate::bound_to_names(text, &mut found.findings);
        found.protected.extend(names.protected);
    }
}

/// A regular-expression detector from the policy file (`detectors`): case numbers, client
/// numbers and the like, removed under their own category and ground.
#[derive(Debug, Clone)]
pub struct PolicyDetector {
    rule: &'static str,
    category: Category,
    ground: Option<Ground>,
    pattern: Regex,
    evidence: String,
}

impl PolicyDetector {
    /// A detector named `rule` that removes every match of `pattern` (a whole token: not
    /// glued to letters or digits) as `category`, under `ground` (the policy's ground for the
    /// category when `None`).
    pub fn new(
        rule: &str,
        category: Category,
        ground: Option<Ground>,
        pattern: &str,
    ) -> Result<PolicyDetector, ConfigError> {
        let field = |reason: String| ConfigError::Field {
            field: format!("detectors.{rule}"),
            reason,
        };
        if rule.is_empty()
            || !rule
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        {
            return Err(field(
                "the rule name must be lower-case letters, digits, `.`, `_` or `-`".into(),
            ));
        }
        let pattern = regex::RegexBuilder::new(pattern)
            .size_limit(16 << 20)
            .build()
            .map_err(|e| field(format!("cannot compile the pattern: {e}")))?;
        if pattern.is_match("") {
            return Err(field("the pattern matches empty text".into()));
        }
        Ok(PolicyDetector {
            rule: intern(rule),
            evidence: format!("policy detector `{rule}`"),
            category,
            ground,
            pattern,
        })
    }

    /// The ground it removes under, when it has its own.
    pub fn ground(&self) -> Option<&Ground> {
        self.ground.as_ref()
    }
}

impl Detector for PolicyDetector {
    fn category(&self) -> Option<Category> {
        Some(self.category)
    }
    fn rule(&self) -> &str {
        self.rule
    }
    fn detect(&self, text: &str, found: &mut Detections) {
        for m in self.pattern.find_iter(text) {
            if m.is_empty() || !is_whole_token(text, m.start(), m.end()) {
                continue;
            }
            let mut f = Finding::new(
                m.start(),
                m.end(),
                self.category,
                self.rule,
                self.evidence.clone(),
            );
            f.ground = self.ground.clone();
            found.findings.push(f);
        }
    }
    fn identity(&self) -> String {
        format!(
            "{:?} {} {:?} {}",
            self.category,
            self.rule,
            self.ground,
            self.pattern.as_str()
        )
    }
}

/// A `'static` copy of a rule name from the configuration (findings and removals name their
/// rule with a `&'static str`). Each distinct name is stored once per process, so building
/// redactors again and again does not grow memory.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(n);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_detector_finds_whole_tokens_with_its_ground() {
        let d = PolicyDetector::new(
            "zaaknummer",
            Category::Other,
            Ground::parse("5.1.2i"),
            r"Z-\d{4}-\d{3}",
        )
        .unwrap();
        let mut found = Detections::default();
        d.detect("Zaak Z-2024-001 en XZ-2024-002 en Z-2024-0033.", &mut found);
        let got: Vec<_> = found
            .findings
            .iter()
            .map(|f| (f.start, f.end, f.rule, f.ground.as_ref().map(Ground::code)))
            .collect();
        assert_eq!(got, [(5, 15, "zaaknummer", Some("5.1.2i"))]);
    }

    #[test]
    fn bad_policy_detectors_are_refused_by_name() {
        let err = PolicyDetector::new("Zaak nummer", Category::Other, None, "x").unwrap_err();
        assert!(err.to_string().contains("rule name"), "{err}");
        let err = PolicyDetector::new("zaak", Category::Other, None, "(").unwrap_err();
        assert!(err.to_string().contains("detectors.zaak"), "{err}");
        let err = PolicyDetector::new("zaak", Category::Other, None, "x*").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn rule_names_are_stored_once() {
        assert!(std::ptr::eq(intern("klantnummer"), intern("klantnummer")));
    }
}
