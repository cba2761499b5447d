//! # woo-redact
//!
//! Removes personal data from Dutch government documents before publication under the Wet
//! open overheid (Woo), marks each removal with its Woo ground code, and records every removed
//! item in an audit log.
//!
//! The pipeline, one module per step:
//!
//! 1. **load** ([`load`]): read a document and decode its text;
//! 2. **detect** ([`detect`], [`names`]): find e-mail addresses, phone numbers, BSNs, IBANs,
//!    addresses, dates of birth and names;
//! 3. **resolve** ([`resolve`]): drop what the keep list and the public officials protect,
//!    merge overlaps, propagate each removed string to its other occurrences;
//! 4. **apply** ([`apply`]): replace each removal by its label;
//! 5. **verify** ([`verify`]): check the output no longer contains what was removed;
//! 6. **audit** ([`audit`]): one record per removed item, with a keyed digest.
//!
//! [`Redactor`] runs steps 2–5 on a text; [`batch`] runs the whole pipeline over files in
//! parallel and writes the outputs, the audit log and the summary, with per-document time
//! limits ([`deadline`]) and a work directory that lets a killed batch resume ([`resume`]).
//! [`publish`] turns a completed run into the package a Woo platform imports.

pub(crate) mod apply;
pub mod audit;
pub mod batch;
pub(crate) mod deadline;
pub(crate) mod detect;
pub mod detector;
pub mod document;
pub mod error;
pub mod fold;
pub mod lists;
pub mod load;
// Some helpers of the name engine are unused outside its own rules for now.
#[allow(dead_code)]
pub(crate) mod names;
pub(crate) mod ocr;
pub mod pdf;
pub mod policy;
pub mod publish;
pub mod redactor;
pub(crate) mod resolve;
pub(crate) mod resume;
pub(crate) mod search;
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
pub use policy::{Category, Ground, Policy};
pub use redactor::{Redaction, Redactor, Scan};
pub use resolve::Removal;
pub use verify::VerificationError;
