//! The publication package: from a completed redact run to what a Woo platform imports.
//!
//! [`publish`] reads a run from disk (its outputs, `audit.jsonl` and `summary.json`; see
//! [`run`]) and writes a package folder:
//!
//! - `productierapport.xlsx` and `.csv` ([`report`], rows from [`inventory`]);
//! - `documenten/<ID>.<ext>`: the released outputs, byte for byte;
//! - `diwoo/<ID>.xml` ([`diwoo`]) and, with a base URL, sitemaps ([`sitemap`]);
//! - `motivering.md` ([`motivering`]);
//! - `ids.csv` ([`ids`]), `near-duplicates.csv` and `near-duplicate-decisions.csv`
//!   ([`near`], [`consistency`]), `audit-metadata.jsonl` ([`clean`]) and `package.json`.
//!
//! Exact duplicates ([`duplicates`]) are `Niet openbaar` with ground `dubbel`; e-mail threads
//! ([`mail`], [`threads`]) get an `Email Thread ID`; more documents than a dossier takes are
//! divided into dossiers ([`split`]). Everything is checked before anything is written, and the
//! package is swapped in whole ([`package`]); the same run and configuration give the same
//! bytes.

pub mod analyse;
pub mod clean;
pub mod config;
pub mod consistency;
pub mod dates;
pub mod describe;
pub mod diwoo;
pub mod dossier;
pub mod duplicates;
pub mod error;
pub mod ids;
pub mod inventory;
pub mod mail;
pub mod motivering;
pub mod near;
pub mod package;
pub mod report;
pub mod run;
pub mod sitemap;
pub mod split;
pub mod text;
pub mod threads;

use std::collections::BTreeSet;
use std::path::Path;

pub use config::PublishConfig;
pub use error::PublishError;

use crate::audit::DigestKey;
use crate::redactor::Redactor;
use clean::{Cleaner, MetaRecord};
use dates::Date;
use inventory::{Beoordeling, DUBBEL, Row};

/// The platform's limit of documents per dossier.
pub const MAX_PER_DOSSIER: usize = 50_000;

/// What to publish, and how.
#[derive(Debug, Clone)]
pub struct PublishOptions<'a> {
    /// The folder of a completed redact run.
    pub run: &'a Path,
    /// The package folder.
    pub out: &'a Path,
    /// The matter (dossier number): `[A-Za-z0-9-._~]`, 2 to 255 characters.
    pub matter: &'a str,
    /// `publish.json`.
    pub config: &'a PublishConfig,
    /// Where the package will be served (`https://…`): sitemaps are written only with it.
    pub base_url: Option<&'a str>,
    /// Most documents per dossier.
    pub max_per_dossier: usize,
    /// Leave documents that failed in the run out (else such a run is refused).
    pub skip_failed: bool,
    /// The run's audit key: digests in `audit-metadata.jsonl`, and titles checked against
    /// every text removed in the run.
    pub key: Option<&'a DigestKey>,
}

/// What was published.
#[derive(Debug, Clone, Default)]
pub struct PublishReport {
    /// Rows in the productierapport(en).
    pub documents: usize,
    /// `Openbaar` and `Deels openbaar` rows (files in `documenten/`).
    pub released: usize,
    /// `dubbel` rows.
    pub duplicates: usize,
    /// Rows withheld whole by the configuration.
    pub withheld: usize,
    /// Dossiers written.
    pub dossiers: usize,
    /// Near-duplicate groups.
    pub near_groups: usize,
    /// Near-duplicate groups with inconsistent decisions.
    pub inconsistent_groups: usize,
    /// Removals from titles and other metadata.
    pub metadata_removals: usize,
    /// Documents of the run not in the package (skipped or failed in the run).
    pub left_out: usize,
    /// Things the user should know (no publisher, dates taken from the run, …).
    pub warnings: Vec<String>,
}

fn usage(msg: impl Into<String>) -> PublishError {
    PublishError::Usage(msg.into())
}

/// Checks the matter as the platform does (at least 2 characters).
fn check_matter(matter: &str) -> Result<(), PublishError> {
    let ok = (2..=255).contains(&matter.len())
        && matter
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(usage(format!(
            "the matter `{matter}`: 2 to 255 characters from A-Z, a-z, 0-9, `-`, `.`, `_`, `~`"
        )))
    }
}

/// The base URL without a trailing slash; it must be `https://` (the harvester's rule).
fn check_base_url(url: &str) -> Result<String, PublishError> {
    let rest = url.strip_prefix("https://").unwrap_or("");
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(usage(format!(
            "the base URL `{url}`: an https:// URL is needed (the Woo index harvests https only)"
        )));
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Refuses a package folder inside the run folder or around it.
fn check_paths(run: &Path, out: &Path) -> Result<(), PublishError> {
    let real = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .map(|a| a.canonicalize().unwrap_or(a))
    };
    if let (Some(r), Some(o)) = (real(run), real(out))
        && (o.starts_with(&r) || r.starts_with(&o))
    {
        return Err(usage(
            "the package folder must lie outside the run folder, and the run folder outside it",
        ));
    }
    Ok(())
}

/// Makes the package (see the module documentation). On any error nothing is written.
pub fn publish(
    redactor: &Redactor,
    options: &PublishOptions<'_>,
) -> Result<PublishReport, PublishError> {
    let config = options.config;
    check_matter(options.matter)?;
    let base_url = options.base_url.map(check_base_url).transpose()?;
    if base_url.is_some() && config.publisher.is_none() {
        return Err(usage(
            "a base URL makes the package harvestable: publish.json must name the publisher",
        ));
    }
    if options.max_per_dossier == 0 {
        return Err(usage("the most documents per dossier must be at least 1"));
    }
    check_paths(options.run, options.out)?;
    let mut ids = package::open(options.out, options.matter)?;
    let run = run::read(options.run, options.skip_failed)?;
    for document in config.withhold.keys() {
        if !run.documents.iter().any(|d| &d.document == document) {
            return Err(crate::error::ConfigError::Field {
                field: "withhold.document".into(),
                reason: format!("{document} is not a document of the run"),
            }
            .into());
        }
    }
    let labels = text::Labels::new(redactor.policy());
    let analyses = analyse::analyse(&run.documents, &labels)?;
    let keys: Vec<duplicates::Keys> = analyses.iter().map(|a| a.keys.clone()).collect();
    let duplicate_of = duplicates::find(&keys);
    let mails: Vec<threads::Messages<'_>> = analyses
        .iter()
        .map(|a| (a.mail.is_mail, a.mail.messages.as_slice()))
        .collect();
    let threads = threads::assign(&mails);

    let cleaner = Cleaner::new(
        redactor,
        options.key,
        run.documents.iter().flat_map(|d| d.items.iter()),
    );
    let document_keys: Vec<ids::DocumentKey> = run
        .documents
        .iter()
        .map(|d| ids::DocumentKey {
            path: d.document.clone(),
            personal: !cleaner.clean("", "Document", &d.document).1.is_empty(),
        })
        .collect();
    let doc_ids = ids.assign(&document_keys);

    let mut report = PublishReport {
        left_out: run.skipped.len() + run.failed.len(),
        ..PublishReport::default()
    };
    if config.publisher.is_none() {
        report.warnings.push(format!(
            "publish.json names no publisher: the DiWoo files say `{}`",
            diwoo::NO_PUBLISHER
        ));
    }
    let mut metadata: Vec<MetaRecord> = Vec::new();
    let mut rows = Vec::with_capacity(run.documents.len());
    for (i, doc) in run.documents.iter().enumerate() {
        let a = &analyses[i];
        let id = &doc_ids[i];
        let source = match a.mail.subject.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => doc
                .document
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
        };
        let (title, records) = cleaner.clean(id, "Document", &source);
        metadata.extend(records);
        let audit_grounds = doc.items.iter().map(|it| it.ground.clone());
        let (beoordeling, grounds, toelichting, gerelateerd) =
            if let Some(w) = config.withhold.get(&doc.document) {
                let (text, records) = cleaner.clean(id, "Toelichting", &w.toelichting);
                metadata.extend(records);
                let all = w.grounds.iter().map(|g| g.to_string()).chain(audit_grounds);
                let grounds = inventory::in_statutory_order(all);
                (Beoordeling::NietOpenbaar, grounds, text, String::new())
            } else if let Some(rep) = duplicate_of[i] {
                let rep_id = doc_ids[rep].clone();
                let note = format!("duplicaat van {rep_id}");
                (
                    Beoordeling::NietOpenbaar,
                    vec![DUBBEL.to_string()],
                    note,
                    rep_id,
                )
            } else if doc.items.is_empty() {
                (
                    Beoordeling::Openbaar,
                    Vec::new(),
                    String::new(),
                    String::new(),
                )
            } else {
                let grounds = inventory::in_statutory_order(audit_grounds);
                (
                    Beoordeling::DeelsOpenbaar,
                    grounds,
                    String::new(),
                    String::new(),
                )
            };
        rows.push(Row {
            index: i,
            id: id.clone(),
            matter: options.matter.to_string(),
            thread: threads[i],
            document: title,
            file_type: a.file_type,
            datum: a.date.map(|d| d.to_string()).unwrap_or_default(),
            beoordeling,
            grounds,
            toelichting,
            gerelateerd,
            zaaknummer: config.zaaknummer.clone().unwrap_or_default(),
        });
    }
    let decision_title = config.decision.as_ref().map(|(_, title)| {
        let (text, records) = cleaner.clean("besluit", "isPartOf", title);
        metadata.extend(records);
        text
    });

    // The date of the documenthandeling for documents without one of their own.
    let fallback = config.decision_date.or(run.finished);
    let undated = rows
        .iter()
        .filter(|r| r.beoordeling.released() && analyses[r.index].date.is_none())
        .count();
    if undated > 0 && config.decision_date.is_none() {
        report.warnings.push(format!(
            "{undated} released document(s) have no date of their own: their DiWoo \
             documenthandeling has the day the run finished (set decision_date in publish.json)"
        ));
    }
    let fallback = match (fallback, undated) {
        (Some(d), _) => d,
        (None, 0) => Date::new(2000, 1, 1).expect("a valid date"),
        (None, _) => {
            return Err(usage(
                "documents without a date need decision_date in publish.json",
            ));
        }
    };

    // Near-duplicates among the documents that are no duplicates.
    let candidates: Vec<(usize, Vec<u64>)> = (0..rows.len())
        .filter(|&i| duplicate_of[i].is_none())
        .map(|i| (i, near::shingles(&analyses[i].tokens)))
        .collect();
    let groups = near::groups(&candidates, config.near_duplicate_percent);
    let mut findings: BTreeSet<(usize, consistency::Finding)> = BTreeSet::new();
    let mut inconsistent: Vec<(usize, Vec<String>)> = Vec::new();
    for (g, members) in groups.iter().enumerate() {
        let checked: Vec<consistency::Member<'_>> = members
            .iter()
            .map(|m| consistency::Member {
                index: m.index,
                kind: run.documents[m.index].kind,
                tokens: &analyses[m.index].tokens,
                items: &run.documents[m.index].items,
            })
            .collect();
        let found = consistency::check(&checked);
        if !found.is_empty() {
            let involved: BTreeSet<usize> = found.iter().map(|f| f.1).collect();
            inconsistent.push((
                g + 1,
                involved.iter().map(|&i| doc_ids[i].clone()).collect(),
            ));
        }
        findings.extend(found.into_iter().map(|f| (g + 1, f)));
    }

    let dossiers = split::dossiers(&threads, &duplicate_of, options.max_per_dossier)?;
    let labels_of_grounds = ground_labels(&run, redactor, &rows);
    let split = dossiers.len() > 1;
    let staging = package::Staging::new(options.out)?;
    let mut dossier_records = Vec::new();
    for (k, members) in dossiers.iter().enumerate() {
        let name = if split {
            format!("{}-{:02}", options.matter, k + 1)
        } else {
            options.matter.to_string()
        };
        let folder = if split {
            format!("{name}/")
        } else {
            String::new()
        };
        let dossier_rows: Vec<Row> = members
            .iter()
            .map(|&i| Row {
                matter: name.clone(),
                ..rows[i].clone()
            })
            .collect();
        let notes = motivering::Notes {
            inconsistent_groups: inconsistent
                .iter()
                .filter(|(_, ids)| dossier_rows.iter().any(|r| ids.contains(&r.id)))
                .cloned()
                .collect(),
            metadata_removals: metadata
                .iter()
                .filter(|m| dossier_rows.iter().any(|r| r.id == m.id))
                .count(),
        };
        let context = dossier::Context {
            staging: &staging,
            folder: &folder,
            name: &name,
            config,
            run: &run,
            analyses: &analyses,
            ground_labels: &labels_of_grounds,
            base_url: base_url.as_deref(),
            fallback_date: fallback,
            decision_title: decision_title.as_deref(),
        };
        dossier::write(&context, &dossier_rows, &notes)?;
        dossier_records.push(serde_json::json!({
            "name": name,
            "folder": if split { name.as_str() } else { "." },
            "documents": dossier_rows.len(),
        }));
    }

    // Files for the whole package.
    let ids_csv = ids.to_csv().map_err(|e| PublishError::Write {
        path: options.out.join(package::IDS),
        source: std::io::Error::other(e),
    })?;
    staging.write(package::IDS, &ids_csv)?;
    let mut near_csv = String::from("group,id,similarity\n");
    for (g, members) in groups.iter().enumerate() {
        for m in members {
            near_csv.push_str(&format!(
                "{},{},{}\n",
                g + 1,
                doc_ids[m.index],
                m.similarity()
            ));
        }
    }
    staging.write("near-duplicates.csv", near_csv.as_bytes())?;
    let mut decisions_csv = String::from("group,person,id,decision\n");
    for (g, (person, index, decision)) in &findings {
        decisions_csv.push_str(&format!("{g},{person},{},{decision}\n", doc_ids[*index]));
    }
    staging.write("near-duplicate-decisions.csv", decisions_csv.as_bytes())?;
    let mut meta_lines = String::new();
    for m in &metadata {
        meta_lines.push_str(&serde_json::to_string(m).map_err(|e| PublishError::Write {
            path: options.out.join("audit-metadata.jsonl"),
            source: std::io::Error::other(e),
        })?);
        meta_lines.push('\n');
    }
    staging.write("audit-metadata.jsonl", meta_lines.as_bytes())?;

    report.documents = rows.len();
    report.released = rows.iter().filter(|r| r.beoordeling.released()).count();
    report.duplicates = rows
        .iter()
        .filter(|r| r.grounds.iter().any(|g| g == DUBBEL))
        .count();
    report.withheld = report.documents - report.released - report.duplicates;
    report.dossiers = dossiers.len();
    report.near_groups = groups.len();
    report.inconsistent_groups = inconsistent.len();
    report.metadata_removals = metadata.len();
    let record = serde_json::json!({
        "tool": "woo-redact",
        "version": env!("CARGO_PKG_VERSION"),
        "matter": options.matter,
        "run": {
            "summary_blake3": run.summary_blake3,
            "audit_blake3": run.audit_blake3,
        },
        "config_blake3": (!config.digest.is_empty()).then_some(&config.digest),
        "documents": report.documents,
        "released": report.released,
        "dubbel": report.duplicates,
        "withheld": report.withheld,
        "left_out": {"skipped": run.skipped.len(), "failed": run.failed.len()},
        "dossiers": dossier_records,
        "near_duplicate_groups": report.near_groups,
        "metadata_digests": if options.key.is_some() { "keyed" } else { "none (no audit key)" },
    });
    let record = serde_json::to_string_pretty(&record).expect("JSON values serialise") + "\n";
    staging.write(package::RECORD, record.as_bytes())?;
    staging.finish()?;
    Ok(report)
}

/// The label of every ground in `rows`: the run's own, else the policy's table.
fn ground_labels(
    run: &run::Run,
    redactor: &Redactor,
    rows: &[Row],
) -> std::collections::BTreeMap<String, String> {
    let mut labels = std::collections::BTreeMap::new();
    for code in rows.iter().flat_map(|r| r.grounds.iter()).chain(
        run.documents
            .iter()
            .flat_map(|d| d.items.iter().map(|it| &it.ground)),
    ) {
        if labels.contains_key(code) {
            continue;
        }
        let label = run.ground_labels.get(code).cloned().or_else(|| {
            crate::policy::Ground::parse(code)
                .and_then(|g| redactor.policy().ground_label(&g).map(str::to_string))
        });
        if let Some(label) = label {
            labels.insert(code.clone(), label);
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matters_and_base_urls_are_checked() {
        assert!(check_matter("2025-01").is_ok());
        assert!(check_matter("WOO.12_a~b").is_ok());
        assert!(check_matter("x").is_err());
        assert!(check_matter("2025 01").is_err());
        assert!(check_matter("2025/01").is_err());
        assert_eq!(
            check_base_url("https://open.example.nl/woo/").unwrap(),
            "https://open.example.nl/woo"
        );
        assert!(check_base_url("http://open.example.nl").is_err());
        assert!(check_base_url("https://").is_err());
    }

    #[test]
    fn the_package_may_not_hold_the_run_nor_lie_in_it() {
        let tmp = tempfile::tempdir().unwrap();
        let run = tmp.path().join("run");
        std::fs::create_dir(&run).unwrap();
        assert!(check_paths(&run, &run.join("pkg")).is_err());
        assert!(check_paths(&run, tmp.path()).is_err());
        assert!(check_paths(&run, &tmp.path().join("pkg")).is_ok());
    }
}
