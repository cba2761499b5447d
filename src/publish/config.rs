//! `publish.json`: who publishes, the DiWoo choices, documents withheld whole, and the
//! near-duplicate threshold. Every field is optional; an unknown field is an error that names
//! it (exit 2).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::dates::Date;
use crate::error::ConfigError;
use crate::policy::Ground;

/// The organisations of the DiWoo 0.9.8 value lists (`URI<TAB>label`).
const ORGANISATIONS: &str = include_str!("data/organisaties.tsv");
/// The languages of the DiWoo 0.9.8 value list (`URI<TAB>label`).
const LANGUAGES: &str = include_str!("data/talen.tsv");

/// The TOOI base of the `soortHandeling` values.
const HANDELINGEN: &[(&str, &str)] = &[
    ("vaststelling", "c_641ecd76"),
    ("ontvangst", "c_dfcee535"),
    ("ondertekening", "c_e1ec050e"),
];

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConfigFile {
    publisher: Option<PublisherFile>,
    language: Option<String>,
    handeling: Option<String>,
    decision_date: Option<String>,
    publication_date: Option<String>,
    decision: Option<DecisionFile>,
    zaaknummer: Option<String>,
    withhold: Vec<WithholdFile>,
    near_duplicate_percent: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublisherFile {
    uri: String,
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    url: String,
    title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WithholdFile {
    document: String,
    grounds: Vec<String>,
    #[serde(default)]
    toelichting: Option<String>,
}

/// A value with its TOOI (or EU vocabulary) URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// The URI, from the DiWoo value list.
    pub uri: String,
    /// Its label.
    pub label: String,
}

/// A document withheld whole by the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    /// Its grounds.
    pub grounds: Vec<Ground>,
    /// The explanation for the `Toelichting` column (it goes through the detectors).
    pub toelichting: String,
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct PublishConfig {
    /// The publisher; `None` writes a placeholder (and is refused with `--base-url`).
    pub publisher: Option<Resource>,
    /// The documents' language (default Dutch).
    pub language: Resource,
    /// The `soortHandeling` of the documenthandeling (default `vaststelling`).
    pub handeling: Resource,
    /// The date used for `atTime` when a document has no date of its own.
    pub decision_date: Option<Date>,
    /// `lastmod` of the sitemaps.
    pub publication_date: Option<Date>,
    /// The decision letter (`isPartOf`): URL and title.
    pub decision: Option<(String, String)>,
    /// The `Zaaknummer` of every row.
    pub zaaknummer: Option<String>,
    /// Documents (as in `audit.jsonl`) withheld whole.
    pub withhold: BTreeMap<String, Withheld>,
    /// Near-duplicates: the smallest Jaccard similarity, in percent.
    pub near_duplicate_percent: u32,
    /// BLAKE3 of the file (empty without a file), for the package record.
    pub digest: String,
}

impl Default for PublishConfig {
    fn default() -> Self {
        PublishConfig::from_json("{}").expect("the defaults are valid")
    }
}

fn field(name: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Field {
        field: name.to_string(),
        reason: reason.into(),
    }
}

fn list(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

fn date(name: &str, value: &Option<String>) -> Result<Option<Date>, ConfigError> {
    value
        .as_deref()
        .map(|v| Date::parse_iso(v).ok_or_else(|| field(name, "not a date YYYY-MM-DD")))
        .transpose()
}

impl PublishConfig {
    /// Reads and checks `publish.json`.
    pub fn from_file(path: &Path) -> Result<PublishConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        let mut config = PublishConfig::from_json(&text)?;
        config.digest = blake3::hash(text.as_bytes()).to_hex().to_string();
        Ok(config)
    }

    /// Parses and checks a configuration.
    pub fn from_json(json: &str) -> Result<PublishConfig, ConfigError> {
        let file: ConfigFile =
            serde_json::from_str(json).map_err(|e| ConfigError::Json(e.to_string()))?;
        let publisher = file.publisher.map(publisher).transpose()?;
        let language = language(file.language.as_deref().unwrap_or("NLD"))?;
        let handeling = handeling(file.handeling.as_deref().unwrap_or("vaststelling"))?;
        let decision = match file.decision {
            Some(d) => {
                if !d.url.starts_with("https://") || d.url.chars().any(char::is_whitespace) {
                    return Err(field("decision.url", "must be an https:// URL"));
                }
                if d.title.trim().is_empty() {
                    return Err(field("decision.title", "must not be empty"));
                }
                Some((d.url, d.title.trim().to_string()))
            }
            None => None,
        };
        let mut withhold = BTreeMap::new();
        for w in file.withhold {
            let mut grounds = Vec::new();
            for g in &w.grounds {
                grounds.push(Ground::parse(g).ok_or_else(|| {
                    field(
                        "withhold.grounds",
                        format!("`{g}` is not a Woo ground code such as 5.1.1c"),
                    )
                })?);
            }
            if grounds.is_empty() {
                return Err(field(
                    "withhold.grounds",
                    format!("{}: a withheld document needs its grounds", w.document),
                ));
            }
            let entry = Withheld {
                grounds,
                toelichting: w.toelichting.unwrap_or_default().trim().to_string(),
            };
            if withhold.insert(w.document.clone(), entry).is_some() {
                return Err(field(
                    "withhold.document",
                    format!("{} is listed twice", w.document),
                ));
            }
        }
        let near_duplicate_percent = file.near_duplicate_percent.unwrap_or(80);
        if !(50..=100).contains(&near_duplicate_percent) {
            return Err(field(
                "near_duplicate_percent",
                "must lie between 50 and 100",
            ));
        }
        let zaaknummer = file.zaaknummer.map(|z| z.trim().to_string());
        if zaaknummer.as_deref().is_some_and(|z| z.len() > 255) {
            return Err(field("zaaknummer", "longer than 255 bytes"));
        }
        Ok(PublishConfig {
            publisher,
            language,
            handeling,
            decision_date: date("decision_date", &file.decision_date)?,
            publication_date: date("publication_date", &file.publication_date)?,
            decision,
            zaaknummer: zaaknummer.filter(|z| !z.is_empty()),
            withhold,
            near_duplicate_percent,
            digest: String::new(),
        })
    }
}

fn publisher(p: PublisherFile) -> Result<Resource, ConfigError> {
    let Some((uri, label)) = list(ORGANISATIONS).find(|(uri, _)| *uri == p.uri) else {
        return Err(field(
            "publisher.uri",
            format!(
                "`{}` is not an organisation of the DiWoo 0.9.8 value lists (for example \
                 https://identifier.overheid.nl/tooi/id/ministerie/mnre1025)",
                p.uri
            ),
        ));
    };
    let name = p
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    Ok(Resource {
        uri: uri.to_string(),
        label: name.unwrap_or_else(|| label.to_string()),
    })
}

fn language(code: &str) -> Result<Resource, ConfigError> {
    list(LANGUAGES)
        .find(|(uri, _)| *uri == code || uri.rsplit('/').next() == Some(code))
        .map(|(uri, label)| Resource {
            uri: uri.to_string(),
            label: label.to_string(),
        })
        .ok_or_else(|| {
            field(
                "language",
                format!("`{code}` is not a language of the DiWoo value list (e.g. NLD, ENG, FRY)"),
            )
        })
}

fn handeling(name: &str) -> Result<Resource, ConfigError> {
    HANDELINGEN
        .iter()
        .find(|(label, _)| *label == name)
        .map(|(label, code)| Resource {
            uri: format!("https://identifier.overheid.nl/tooi/def/thes/kern/{code}"),
            label: label.to_string(),
        })
        .ok_or_else(|| {
            field(
                "handeling",
                "must be vaststelling, ontvangst or ondertekening (the DiWoo list)",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_dutch_and_vaststelling_without_a_publisher() {
        let c = PublishConfig::default();
        assert!(c.publisher.is_none());
        assert!(c.language.uri.ends_with("/language/NLD"));
        assert!(c.handeling.uri.ends_with("/c_641ecd76"));
        assert_eq!(c.near_duplicate_percent, 80);
    }

    #[test]
    fn the_publisher_comes_from_the_value_lists() {
        let c = PublishConfig::from_json(
            r#"{"publisher":{"uri":"https://identifier.overheid.nl/tooi/id/ministerie/mnre1025"}}"#,
        )
        .unwrap();
        let p = c.publisher.unwrap();
        assert_eq!(p.label, "ministerie van Volksgezondheid, Welzijn en Sport");
        let bad = PublishConfig::from_json(
            r#"{"publisher":{"uri":"https://identifier.overheid.nl/tooi/id/ministerie/x"}}"#,
        );
        assert!(matches!(bad, Err(ConfigError::Field { .. })));
    }

    #[test]
    fn unknown_fields_and_bad_values_are_refused() {
        let e = PublishConfig::from_json(r#"{"publsher":{}}"#).unwrap_err();
        assert!(e.to_string().contains("publsher"), "{e}");
        assert!(PublishConfig::from_json(r#"{"decision_date":"12-06-2025"}"#).is_err());
        assert!(PublishConfig::from_json(r#"{"language":"XX"}"#).is_err());
        assert!(PublishConfig::from_json(r#"{"handeling":"anonimiseren"}"#).is_err());
        assert!(
            PublishConfig::from_json(r#"{"withhold":[{"document":"a.txt","grounds":["x"]}]}"#)
                .is_err()
        );
        let ok = PublishConfig::from_json(
            r#"{"withhold":[{"document":"a.txt","grounds":["5.1.1.c"]}],"language":"ENG"}"#,
        )
        .unwrap();
        assert_eq!(ok.withhold["a.txt"].grounds[0].code(), "5.1.1c");
    }
}
