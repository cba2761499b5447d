//! The redaction policy: which category of personal data goes under which Woo ground, what is
//! written in place of a removed span, and the options of the name detectors.
//!
//! The built-in defaults follow Woo practice: a BSN is a national identification number
//! (5.1.1e, absolute ground); everything else is privacy (5.1.2e, weighed ground).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::detector::{Detector, PolicyDetector};
use crate::error::ConfigError;

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Category {
    /// A person's name, initials or paraaf.
    Name,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A burgerservicenummer (citizen service number).
    Bsn,
    /// An international bank account number.
    Iban,
    /// A private street address with house number, or a postcode.
    Address,
    /// A date of birth.
    Birthdate,
    /// Other data that identifies a person, such as a licence plate.
    Other,
    /// A picture of a signature beside a removed name (PDF only). It is removed with the name,
    /// under the name's ground: not a category of the configuration.
    Signature,
}

impl Category {
    /// Every category of the configuration, in a fixed order.
    pub const ALL: [Category; 8] = [
        Category::Name,
        Category::Email,
        Category::Phone,
        Category::Bsn,
        Category::Iban,
        Category::Address,
        Category::Birthdate,
        Category::Other,
    ];

    /// The lower-case name used in the audit log and the configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Email => "email",
            Category::Phone => "phone",
            Category::Bsn => "bsn",
            Category::Iban => "iban",
            Category::Address => "address",
            Category::Birthdate => "birthdate",
            Category::Other => "other",
            Category::Signature => "signature",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Woo exception grounds with their official labels (as shown on open.minvws.nl).
const GROUND_TABLE: &[(&str, &str)] = &[
    ("5.1.1a", "Eenheid van de Kroon"),
    ("5.1.1b", "Veiligheid van de Staat"),
    (
        "5.1.1c",
        "Vertrouwelijk verstrekte bedrijfs- of fabricagegegevens",
    ),
    ("5.1.1d", "Bijzondere persoonsgegevens"),
    ("5.1.1e", "Nationale identificatienummers"),
    ("5.1.2a", "Internationale betrekkingen"),
    ("5.1.2b", "Economische of financiële belangen van de Staat"),
    ("5.1.2c", "Opsporing en vervolging van strafbare feiten"),
    (
        "5.1.2d",
        "Inspectie, controle en toezicht van bestuursorganen",
    ),
    ("5.1.2e", "Eerbiediging van de persoonlijke levenssfeer"),
    (
        "5.1.2f",
        "Bescherming van andere dan vertrouwelijk aan de overheid verstrekte concurrentiegevoelige bedrijfs- en fabricagegegevens",
    ),
    (
        "5.1.2g",
        "De bescherming van het milieu waarop deze informatie betrekking heeft",
    ),
    (
        "5.1.2h",
        "De beveiliging van personen of bedrijven en het voorkomen van sabotage",
    ),
    (
        "5.1.2i",
        "Het goed functioneren van de staat, andere publiekrechtelijke lichamen of bestuursorganen",
    ),
    ("5.1.5", "Het voorkomen van onevenredige benadeling"),
    ("5.2", "Persoonlijke beleidsopvattingen"),
    ("5.4", "Informatie die berust bij de formateur"),
];

/// A Woo ground code such as `5.1.2e`, normalised (`5.1.2.e` and `5.1.2 e` are accepted).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Ground(String);

impl From<Ground> for String {
    fn from(g: Ground) -> String {
        g.0
    }
}

impl TryFrom<String> for Ground {
    type Error = String;
    fn try_from(code: String) -> Result<Ground, String> {
        Ground::parse(&code).ok_or_else(|| format!("`{code}` is not a Woo ground code"))
    }
}

impl Ground {
    /// Parses and normalises a ground code. Returns `None` for text that is not of the form
    /// `5.<digit>[.<digit>][letter]`.
    pub fn parse(code: &str) -> Option<Ground> {
        let compact: String = code
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        // Drop a dot before the letter: 5.1.2.e -> 5.1.2e
        let mut s = compact;
        if let Some(last) = s.chars().last()
            && last.is_ascii_alphabetic()
            && s.len() >= 2
            && s.as_bytes()[s.len() - 2] == b'.'
        {
            s.remove(s.len() - 2);
        }
        let (digits, letter) = match s.chars().last() {
            Some(c) if c.is_ascii_alphabetic() => (&s[..s.len() - 1], Some(c)),
            _ => (s.as_str(), None),
        };
        let parts: Vec<&str> = digits.split('.').collect();
        let numeric = parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !numeric || parts.len() < 2 || parts.len() > 3 || parts[0] != "5" {
            return None;
        }
        let mut out = digits.to_string();
        if let Some(l) = letter {
            out.push(l);
        }
        Some(Ground(out))
    }

    /// The code, e.g. `5.1.2e`.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The code, e.g. `5.1.2e` (the same as [`Ground::code`]).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Strictness rank: absolute grounds (5.1.1) outrank weighed ones (5.1.2), which outrank
    /// the residual ground (5.1.5) and the others. Higher is stricter.
    pub fn strictness(&self) -> u8 {
        if self.0.starts_with("5.1.1") {
            3
        } else if self.0.starts_with("5.1.2") {
            2
        } else if self.0.starts_with("5.1.5") {
            1
        } else {
            0
        }
    }

    /// The stricter of two grounds; ties go to the smaller code so the choice is deterministic.
    pub fn stricter<'a>(&'a self, other: &'a Ground) -> &'a Ground {
        match self.strictness().cmp(&other.strictness()) {
            std::cmp::Ordering::Greater => self,
            std::cmp::Ordering::Less => other,
            std::cmp::Ordering::Equal => std::cmp::min(self, other),
        }
    }
}

impl fmt::Display for Ground {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How far the "one decision per person" rule reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonScope {
    /// A person identified in a document is redacted in every mention in that document.
    Document,
    /// A person identified in a document is redacted in every mention in that document,
    /// and a private person named in full there also in every other document of the batch
    /// (their full name and surname): a request's documents name the same people, and
    /// one left readable in the next document undoes the redaction.
    #[default]
    Batch,
}

/// Options of the name detectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NamePolicy {
    /// Find names of people in no list from the language and layout around them.
    pub context_detection: bool,
    /// Names right after an office-holder title (`minister`, `burgemeester`, …) stay readable.
    pub keep_office_holders: bool,
    /// Scope of the "one decision per person" rule.
    pub scope: PersonScope,
    /// Write `[persoon N]` (numbered per document in reading order) instead of the ground
    /// label for names.
    pub pseudonyms: bool,
}

impl Default for NamePolicy {
    fn default() -> Self {
        NamePolicy {
            context_detection: true,
            keep_office_holders: true,
            scope: PersonScope::Batch,
            pseudonyms: false,
        }
    }
}

/// The configuration file as written by users (`--config`). Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyFile {
    /// Category -> ground code.
    grounds: BTreeMap<String, String>,
    /// Label template; `{ground}` is replaced by the ground code.
    label: Option<String>,
    /// Extra or replacement entries of the ground table: code -> label.
    ground_labels: BTreeMap<String, String>,
    /// Categories that are not detected at all.
    disabled: Vec<String>,
    names: NamePolicy,
    /// Regular-expression detectors of the user's own.
    detectors: Vec<DetectorEntry>,
}

/// One regular-expression detector in the configuration file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectorEntry {
    /// The rule name written in the audit log's `detector` field.
    rule: String,
    /// A regular expression (Rust `regex` syntax); each match that is a whole token is
    /// removed.
    pattern: String,
    /// The category, `other` when absent.
    #[serde(default)]
    category: Option<String>,
    /// The Woo ground; the category's ground when absent.
    #[serde(default)]
    ground: Option<String>,
}

/// The policy a [`Redactor`](crate::Redactor) applies. Build it with [`Policy::default`] or
/// [`Policy::from_json`].
#[derive(Debug, Clone)]
pub struct Policy {
    grounds: BTreeMap<Category, Ground>,
    label: String,
    ground_labels: BTreeMap<Ground, String>,
    enabled: BTreeMap<Category, bool>,
    /// Options of the name detectors.
    pub names: NamePolicy,
    /// The regular-expression detectors of the configuration file.
    detectors: Vec<PolicyDetector>,
}

impl Default for Policy {
    fn default() -> Self {
        let grounds = Category::ALL
            .iter()
            .map(|&c| {
                let code = if c == Category::Bsn {
                    "5.1.1e"
                } else {
                    "5.1.2e"
                };
                (c, Ground(code.to_string()))
            })
            .collect();
        let ground_labels = GROUND_TABLE
            .iter()
            .map(|(code, label)| (Ground(code.to_string()), label.to_string()))
            .collect();
        Policy {
            grounds,
            label: "[{ground}]".to_string(),
            ground_labels,
            enabled: Category::ALL.iter().map(|&c| (c, true)).collect(),
            names: NamePolicy::default(),
            detectors: Vec::new(),
        }
    }
}

impl Policy {
    /// Reads a JSON policy file; missing fields keep their defaults.
    pub fn from_file(path: &Path) -> Result<Policy, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        Policy::from_json(&text)
    }

    /// Parses a JSON policy; missing fields keep their defaults. Errors name the field.
    pub fn from_json(json: &str) -> Result<Policy, ConfigError> {
        let file: PolicyFile =
            serde_json::from_str(json).map_err(|e| ConfigError::Json(e.to_string()))?;
        let mut policy = Policy::default();
        for (code, label) in &file.ground_labels {
            let ground = Ground::parse(code).ok_or_else(|| ConfigError::Field {
                field: format!("ground_labels.{code}"),
                reason: "not a Woo ground code such as 5.1.2e".into(),
            })?;
            policy.ground_labels.insert(ground, label.clone());
        }
        for (name, code) in &file.grounds {
            let category = parse_category(name).ok_or_else(|| ConfigError::Field {
                field: format!("grounds.{name}"),
                reason: format!("unknown category (known: {})", category_list()),
            })?;
            let ground = Ground::parse(code).ok_or_else(|| ConfigError::Field {
                field: format!("grounds.{name}"),
                reason: format!("`{code}` is not a Woo ground code such as 5.1.2e"),
            })?;
            if !policy.ground_labels.contains_key(&ground) {
                return Err(ConfigError::Field {
                    field: format!("grounds.{name}"),
                    reason: format!("ground {ground} is not in the ground table"),
                });
            }
            policy.grounds.insert(category, ground);
        }
        for name in &file.disabled {
            let category = parse_category(name).ok_or_else(|| ConfigError::Field {
                field: "disabled".into(),
                reason: format!("unknown category `{name}` (known: {})", category_list()),
            })?;
            policy.enabled.insert(category, false);
        }
        if let Some(label) = file.label {
            if label.trim().is_empty() {
                return Err(ConfigError::Field {
                    field: "label".into(),
                    reason: "must not be empty".into(),
                });
            }
            policy.label = label;
        }
        policy.names = file.names;
        for (i, entry) in file.detectors.iter().enumerate() {
            let field = |what: &str, reason: String| ConfigError::Field {
                field: format!("detectors[{i}].{what}"),
                reason,
            };
            let category = match &entry.category {
                None => Category::Other,
                Some(name) => parse_category(name).ok_or_else(|| {
                    field(
                        "category",
                        format!("unknown category `{name}` (known: {})", category_list()),
                    )
                })?,
            };
            let ground = match &entry.ground {
                None => None,
                Some(code) => {
                    let ground = Ground::parse(code).ok_or_else(|| {
                        field(
                            "ground",
                            format!("`{code}` is not a Woo ground code such as 5.1.2e"),
                        )
                    })?;
                    if !policy.ground_labels.contains_key(&ground) {
                        return Err(field(
                            "ground",
                            format!("ground {ground} is not in the ground table"),
                        ));
                    }
                    Some(ground)
                }
            };
            if policy.detectors.iter().any(|d| d.rule() == entry.rule) {
                return Err(field("rule", format!("`{}` is named twice", entry.rule)));
            }
            policy.detectors.push(PolicyDetector::new(
                &entry.rule,
                category,
                ground,
                &entry.pattern,
            )?);
        }
        Ok(policy)
    }

    /// The ground a category is removed under. A signature goes under the name's ground.
    pub fn ground(&self, category: Category) -> &Ground {
        let category = match category {
            Category::Signature => Category::Name,
            c => c,
        };
        &self.grounds[&category]
    }

    /// Whether a category is detected at all (a signature: whenever names are).
    pub fn is_enabled(&self, category: Category) -> bool {
        match category {
            Category::Signature => self.enabled[&Category::Name],
            c => self.enabled[&c],
        }
    }

    /// The regular-expression detectors of the configuration file, in its order.
    pub fn detectors(&self) -> &[PolicyDetector] {
        &self.detectors
    }

    /// The official label of a ground, e.g. "Eerbiediging van de persoonlijke levenssfeer".
    pub fn ground_label(&self, ground: &Ground) -> Option<&str> {
        self.ground_labels.get(ground).map(String::as_str)
    }

    /// The grounds this policy removes under, with their labels, e.g.
    /// `5.1.2e` → "Eerbiediging van de persoonlijke levenssfeer".
    pub fn ground_table(&self) -> BTreeMap<String, String> {
        self.grounds
            .values()
            .map(|g| {
                (
                    g.to_string(),
                    self.ground_label(g).unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// Adds the policy's content to a configuration fingerprint. (The destructuring is
    /// exhaustive, so a new field cannot be left out by accident.)
    pub(crate) fn content_digest(&self, f: &mut crate::fingerprint::Fingerprint) {
        let Policy {
            grounds,
            label,
            ground_labels,
            enabled,
            names,
            detectors,
        } = self;
        f.u64(grounds.len() as u64);
        for (category, ground) in grounds {
            f.str(category.as_str()).str(ground.code());
        }
        f.str(label);
        f.u64(ground_labels.len() as u64);
        for (ground, text) in ground_labels {
            f.str(ground.code()).str(text);
        }
        f.u64(enabled.len() as u64);
        for (category, on) in enabled {
            f.str(category.as_str()).u64(u64::from(*on));
        }
        // The name options are plain settings: their JSON form is their content.
        f.bytes(&serde_json::to_vec(names).unwrap_or_default());
        f.u64(detectors.len() as u64);
        for d in detectors {
            f.str(&crate::detector::Detector::identity(d));
        }
    }

    /// The text written in place of a span removed under `ground`.
    pub fn label_for(&self, ground: &Ground) -> String {
        if self.label == "[{ground}]" {
            // The default, without a search through the template.
            return format!("[{}]", ground.code());
        }
        self.label.replace("{ground}", ground.code())
    }
}

fn parse_category(name: &str) -> Option<Category> {
    Category::ALL.into_iter().find(|c| c.as_str() == name)
}

fn category_list() -> String {
    Category::ALL.map(Category::as_str).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_put_bsn_under_5_1_1e_and_the_rest_under_5_1_2e() {
        let p = Policy::default();
        assert_eq!(p.ground(Category::Bsn).code(), "5.1.1e");
        for c in Category::ALL.into_iter().filter(|&c| c != Category::Bsn) {
            assert_eq!(p.ground(c).code(), "5.1.2e");
        }
        assert_eq!(p.label_for(p.ground(Category::Name)), "[5.1.2e]");
        assert_eq!(
            p.ground_label(p.ground(Category::Name)),
            Some("Eerbiediging van de persoonlijke levenssfeer")
        );
    }

    #[test]
    fn ground_codes_are_normalised() {
        assert_eq!(Ground::parse("5.1.2.e").unwrap().code(), "5.1.2e");
        assert_eq!(Ground::parse(" 5.1.1E ").unwrap().code(), "5.1.1e");
        assert_eq!(Ground::parse("5.1.5").unwrap().code(), "5.1.5");
        assert_eq!(Ground::parse("5.2").unwrap().code(), "5.2");
        assert!(Ground::parse("10.2.e").is_none());
        assert!(Ground::parse("privacy").is_none());
    }

    #[test]
    fn absolute_grounds_are_stricter() {
        let a = Ground::parse("5.1.1e").unwrap();
        let b = Ground::parse("5.1.2e").unwrap();
        assert_eq!(a.stricter(&b), &a);
        assert_eq!(b.stricter(&a), &a);
    }

    #[test]
    fn config_overrides_and_names_the_bad_field() {
        let p =
            Policy::from_json(r#"{"grounds":{"phone":"5.1.2i"},"label":"<{ground}>"}"#).unwrap();
        assert_eq!(p.ground(Category::Phone).code(), "5.1.2i");
        assert_eq!(p.label_for(p.ground(Category::Phone)), "<5.1.2i>");

        let err = Policy::from_json(r#"{"grounds":{"phnoe":"5.1.2e"}}"#).unwrap_err();
        assert!(err.to_string().contains("grounds.phnoe"), "{err}");
        let err = Policy::from_json(r#"{"grounds":{"phone":"privacy"}}"#).unwrap_err();
        assert!(err.to_string().contains("grounds.phone"), "{err}");
        let err = Policy::from_json(r#"{"lable":"x"}"#).unwrap_err();
        assert!(err.to_string().contains("lable"), "{err}");
        let err = Policy::from_json(r#"{"names":{"scope":"world"}}"#).unwrap_err();
        assert!(err.to_string().contains("world"), "{err}");
    }

    #[test]
    fn detectors_come_from_the_configuration_and_bad_ones_are_named() {
        let p = Policy::from_json(
            r#"{"detectors":[{"rule":"zaaknummer","pattern":"Z-\\d{6}","ground":"5.1.2i"},
                {"rule":"klantnummer","pattern":"KL\\d{5}","category":"other"}]}"#,
        )
        .unwrap();
        let rules: Vec<_> = p.detectors().iter().map(|d| d.rule()).collect();
        assert_eq!(rules, ["zaaknummer", "klantnummer"]);
        assert_eq!(p.detectors()[0].ground().map(Ground::code), Some("5.1.2i"));
        for (json, field) in [
            (
                r#"{"detectors":[{"rule":"a","pattern":"x","ground":"5.9.9"}]}"#,
                "detectors[0].ground",
            ),
            (
                r#"{"detectors":[{"rule":"a","pattern":"x","category":"car"}]}"#,
                "detectors[0].category",
            ),
            (
                r#"{"detectors":[{"rule":"a","pattern":"x"},{"rule":"a","pattern":"y"}]}"#,
                "detectors[1].rule",
            ),
            (
                r#"{"detectors":[{"rule":"a","pattern":"("}]}"#,
                "detectors.a",
            ),
            (r#"{"detectors":[{"rule":"a"}]}"#, "pattern"),
        ] {
            let err = Policy::from_json(json).unwrap_err().to_string();
            assert!(err.contains(field), "{err}");
        }
    }

    #[test]
    fn grounds_read_back_from_json_and_bad_codes_are_refused() {
        let g: Ground = serde_json::from_str(r#""5.1.2.e""#).unwrap();
        assert_eq!(g.code(), "5.1.2e");
        assert_eq!(serde_json::to_string(&g).unwrap(), r#""5.1.2e""#);
        assert!(serde_json::from_str::<Ground>(r#""privacy""#).is_err());
    }
}
