//! Reads every output of the run once (in parallel, results in input order): checks its hash
//! against the run's record, and derives what the package needs from its text: normalised
//! tokens, duplicate keys, mail headers, file type and date.

use rayon::prelude::*;

use super::dates::Date;
use super::describe;
use super::duplicates::Keys;
use super::error::PublishError;
use super::mail::{self, Mail};
use super::run::RunDocument;
use super::text::{self, Labels};

/// What publishing knows about one output.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Normalised tokens of its text (empty when it has no readable text).
    pub tokens: Vec<u64>,
    /// Duplicate keys.
    pub keys: Keys,
    /// Mail headers and messages.
    pub mail: Mail,
    /// The platform's `File Type`.
    pub file_type: &'static str,
    /// The document's own date.
    pub date: Option<Date>,
}

/// Reads `path` and checks it against the recorded BLAKE3 hash.
pub fn read_checked(doc: &RunDocument) -> Result<Vec<u8>, PublishError> {
    let bytes = std::fs::read(&doc.output).map_err(|e| PublishError::Changed {
        document: doc.document.clone(),
        reason: format!("the output file cannot be read ({e})"),
    })?;
    if blake3::hash(&bytes).to_hex().as_str() != doc.output_blake3 {
        return Err(PublishError::Changed {
            document: doc.document.clone(),
            reason: "the output file's hash differs from the one the run recorded".into(),
        });
    }
    Ok(bytes)
}

fn analyse_one(doc: &RunDocument, labels: &Labels) -> Result<Analysis, PublishError> {
    let bytes = read_checked(doc)?;
    let text = text::document_text(doc.kind, &bytes).unwrap_or_default();
    let tokens = text::tokens(&text, labels);
    let mail = mail::parse(&text, labels);
    Ok(Analysis {
        keys: Keys::new(&bytes, &text::normalised(&text, labels), &doc.items),
        file_type: describe::file_type(doc.kind, &mail, &text),
        date: describe::document_date(&mail, &text),
        tokens,
        mail,
    })
}

/// Analyses every document; the first failure in input order is the error.
pub fn analyse(docs: &[RunDocument], labels: &Labels) -> Result<Vec<Analysis>, PublishError> {
    let results: Vec<Result<Analysis, PublishError>> =
        docs.par_iter().map(|d| analyse_one(d, labels)).collect();
    results.into_iter().collect()
}
