//! Writes one dossier of the package: the productierapport (xlsx and csv), the released
//! documents, their DiWoo metadata, the sitemaps (with a base URL) and the draft motivation.

use std::collections::BTreeMap;

use super::analyse::{Analysis, read_checked};
use super::config::PublishConfig;
use super::dates::Date;
use super::diwoo;
use super::error::PublishError;
use super::inventory::Row;
use super::motivering::{self, Notes};
use super::package::Staging;
use super::report;
use super::run::Run;
use super::sitemap;

/// Everything a dossier is written from.
pub struct Context<'a> {
    /// Where the package is being written.
    pub staging: &'a Staging,
    /// The dossier's folder in the package (`""` or `<name>/`).
    pub folder: &'a str,
    /// The dossier's matter.
    pub name: &'a str,
    /// `publish.json`.
    pub config: &'a PublishConfig,
    /// The run.
    pub run: &'a Run,
    /// Per document of the run.
    pub analyses: &'a [Analysis],
    /// Ground code → label.
    pub ground_labels: &'a BTreeMap<String, String>,
    /// The base URL (no trailing slash), for sitemaps.
    pub base_url: Option<&'a str>,
    /// The documenthandeling date of documents without a date of their own.
    pub fallback_date: Date,
    /// The decision letter's title, cleaned.
    pub decision_title: Option<&'a str>,
}

fn failed(c: &Context<'_>, file: &str, e: impl std::fmt::Display) -> PublishError {
    PublishError::Write {
        path: format!("{}{file}", c.folder).into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Writes the dossier of `rows` (in input order).
pub fn write(c: &Context<'_>, rows: &[Row], notes: &Notes) -> Result<(), PublishError> {
    let at = |file: &str| format!("{}{file}", c.folder);
    let xlsx = report::xlsx(rows).map_err(|e| failed(c, "productierapport.xlsx", e))?;
    c.staging.write(&at("productierapport.xlsx"), &xlsx)?;
    let csv = report::csv(rows).map_err(|e| failed(c, "productierapport.csv", e))?;
    c.staging.write(&at("productierapport.csv"), &csv)?;

    let mut urls = Vec::new();
    for row in rows.iter().filter(|r| r.beoordeling.released()) {
        let doc = &c.run.documents[row.index];
        let analysis = &c.analyses[row.index];
        let file = format!("documenten/{}.{}", row.id, doc.extension);
        // Checked again as it is copied: the file published is the file the run wrote.
        c.staging.write(&at(&file), &read_checked(doc)?)?;
        let entry = diwoo::Entry {
            identifier: format!("{}-{}", c.name, row.id),
            title: &row.document,
            date: analysis.date,
            handled: analysis.date.unwrap_or(c.fallback_date),
            kind: doc.kind,
            decision_title: c.decision_title,
        };
        c.staging.write(
            &at(&format!("diwoo/{}.xml", row.id)),
            diwoo::file(c.config, &entry).as_bytes(),
        )?;
        if let Some(base) = c.base_url {
            urls.push(sitemap::Url {
                loc: format!("{base}/{}{file}", c.folder),
                metadata: diwoo::document(c.config, &entry, 4, false),
            });
        }
    }
    if let Some(base) = c.base_url {
        let here = format!("{base}/{}", c.folder.trim_end_matches('/'));
        let here = here.trim_end_matches('/');
        for (name, contents) in sitemap::files(here, &urls, c.config.publication_date) {
            c.staging.write(&at(&name), contents.as_bytes())?;
        }
    }

    let docs: Vec<motivering::Document<'_>> = rows
        .iter()
        .map(|row| motivering::Document {
            row,
            items: &c.run.documents[row.index].items,
        })
        .collect();
    let md = motivering::markdown(c.name, &docs, c.ground_labels, notes);
    c.staging.write(&at("motivering.md"), md.as_bytes())
}
