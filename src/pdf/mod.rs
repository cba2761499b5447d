//! PDF back end: glyph-level removal on lopdf, with the same detectors, resolution and audit
//! log as text. (Being built: until then every PDF fails closed.)

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::{AuditRecord, DigestKey};
use crate::redactor::Redactor;

/// Why a PDF could not be redacted completely.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// PDF support is not available yet.
    #[error("needs manual review: PDF documents are not supported yet")]
    Unsupported,
}

/// Options for PDF documents.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// User password for encrypted PDFs (the empty password is always tried).
    pub password: Option<String>,
}

/// What the summary reports about a PDF.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PdfReport {
    /// Number of pages.
    pub pages: u32,
    /// Removed items per page (1-based page number).
    pub removals_per_page: BTreeMap<u32, usize>,
    /// Pages with images, whose pixels are not inspected.
    pub images_not_inspected: Vec<u32>,
}

/// A redacted PDF.
#[derive(Debug)]
pub struct PdfRedaction {
    /// The redacted, sanitised and verified file.
    pub bytes: Vec<u8>,
    /// One audit record per removed item.
    pub records: Vec<AuditRecord>,
    /// Facts for the summary.
    pub report: PdfReport,
}

/// Redacts a PDF. `document` is the name used in the audit records.
pub fn redact(
    _redactor: &Redactor,
    _bytes: &[u8],
    _document: &str,
    _key: &DigestKey,
    _options: &PdfOptions,
) -> Result<PdfRedaction, PdfError> {
    Err(PdfError::Unsupported)
}

/// Scans a PDF without changing it: the audit records it would produce.
pub fn scan(
    _redactor: &Redactor,
    _bytes: &[u8],
    _document: &str,
    _key: &DigestKey,
    _options: &PdfOptions,
) -> Result<(Vec<AuditRecord>, PdfReport), PdfError> {
    Err(PdfError::Unsupported)
}
