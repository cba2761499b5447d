//! # woo-redact
//!
//! Removes personal data from Dutch government documents before publication under the Wet
//! open overheid (Woo), marks each removal with its Woo ground code, and records every removed
//! item in an audit log.
//!
//! Build a [`Redactor`] once from a [`Policy`] and the [`Lists`]; it is `Send + Sync` and
//! serves every thread. Then, per document:
//!
//! - [`Redactor::redact_document`]: the bytes of a text file, a PDF, an e-mail or a Word
//!   document in, the redacted bytes, the [`Removal`]s and the typed [`AuditRecord`]s out:
//!   the same shape for every format;
//! - [`Redactor::scan_document`] and [`Redactor::apply_document`]: a review round trip (scan,
//!   let a person drop or add removals, apply exactly those);
//! - [`Redactor::redact`]: a `&str` in, the redacted text out.
//!
//! Every document goes through one pipeline, whatever its format (see [`document`]):
//! load → detect → resolve → apply → verify (the bytes written) → audit. Detectors are
//! plug-ins ([`Detector`]); the policy file can add regular-expression detectors of its own
//! ([`Policy::from_json`]). [`batch`] runs the pipeline over files in parallel and writes the
//! outputs, the audit log and the summary; [`shard`] runs the same batch spread over many
//! processes or machines, with the same result; [`publish`] turns a completed run into the
//! package a Woo platform imports.
//!
//! Text:
//!
//! ```
//! use woo_redact::{Category, DocumentKind, Lists, Policy, Redactor};
//!
//! let redactor = Redactor::new(Policy::default(), &Lists::default())?;
//! let out = redactor.redact_document(DocumentKind::Text, "IBAN NL91ABNA0417164300.".as_bytes())?;
//! assert_eq!(out.bytes, b"IBAN [5.1.2e].");
//! assert_eq!(out.records[0].category, Category::Iban);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! PDF, with the audit records named after the document and a fixed digest key:
//!
//! ```
//! use woo_redact::{Category, DigestKey, DocumentKind, DocumentOptions, Lists, Policy, Redactor};
//!
//! let key = DigestKey::from_material(b"sixteen bytes or more")?;
//! let redactor = Redactor::new(Policy::default(), &Lists::default())?.with_audit_key(key);
//! let pdf = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pdf/cairo_letter.pdf"))?;
//! let options = DocumentOptions::named("brief.pdf");
//! let out = redactor.redact_document_with(DocumentKind::Pdf, &pdf, &options)?;
//! assert!(out.bytes.starts_with(b"%PDF-"));
//! assert!(out.records.iter().any(|r| r.category == Category::Bsn && r.ground.code() == "5.1.1e"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A batch of files, written to a folder with `audit.jsonl` and `summary.json`:
//!
//! ```
//! use woo_redact::batch::{self, BatchOptions};
//! use woo_redact::{DigestKey, Lists, Policy, Redactor};
//!
//! let input = tempfile::tempdir()?;
//! std::fs::write(input.path().join("memo.txt"), "Bel 06-12345678.")?;
//! let out = tempfile::tempdir()?;
//! let redactor = Redactor::new(Policy::default(), &Lists::default())?;
//! let options = BatchOptions::new(DigestKey::from_material(b"sixteen bytes or more")?);
//! let report = batch::redact(&redactor, &[input.path().to_path_buf()], out.path(), &options)?;
//! assert_eq!((report.documents, report.failed), (1, 0));
//! assert_eq!(std::fs::read_to_string(out.path().join("memo.txt"))?, "Bel [5.1.2e].");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod apply;
pub mod audit;
pub mod batch;
pub(crate) mod deadline;
pub(crate) mod detect;
pub mod detector;
pub mod document;
pub mod error;
mod fingerprint;
pub mod fold;
pub mod formats;
mod isolate;
pub(crate) mod known;
pub mod lists;
pub mod load;
// Some helpers of the name engine are unused outside its own rules for now.
#[allow(dead_code)]
pub(crate) mod names;
pub mod ocr;
pub mod pdf;
pub mod policy;
pub mod publish;
pub mod redactor;
pub(crate) mod resolve;
pub mod resume;
pub mod review;
pub(crate) mod search;
pub mod shard;
pub(crate) mod spans;
pub(crate) mod verify;
pub(crate) mod view;

/// The README's examples, compiled and run as tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use audit::{AuditRecord, DigestKey, KeySource};
pub use detect::Finding;
pub use detector::{Detections, Detector, PolicyDetector};
pub use document::{DocumentKind, DocumentOptions, DocumentRedaction, DocumentScan};
pub use error::{BatchError, ConfigError, DocumentError};
pub use lists::{Lists, StaffDirectory, StaffMember};
pub use pdf::{PdfOptions, PdfReport};
pub use policy::{Category, Ground, Policy};
pub use redactor::{Redaction, Redactor, Scan};
pub use resolve::Removal;
pub use verify::VerificationError;
