//! One document through the whole pipeline, the same for every format:
//!
//! ```text
//! load → detect → resolve → apply → verify (the written bytes) → audit
//! ```
//!
//! - **load**: the format's back end reads the bytes into its *text model*: the text the
//!   detectors read, and the way back from each byte of it to the document (a text file:
//!   byte offsets in the file; a PDF: glyphs, boxes and content locations).
//! - **detect** and **resolve**: the [`Redactor`]'s detectors and resolution (merging overlapping and touching findings, propagation), on that
//!   text, for every format alike (a PDF's pages and annotation texts are one text, so a person
//!   found on one page is removed on every page). A reviewer may replace this step with a list
//!   of removals of their own ([`Redactor::apply_document`]).
//! - **apply** and **write**: the back end's writer makes the output for exactly those
//!   removals (a text file: labels in the file's own encoding and line ends; a PDF: glyphs
//!   cut from the content streams, boxes drawn, the file sanitised and rewritten).
//! - **verify**: the *written bytes* are read back and searched for every removed string; a
//!   hit fails the document and no output is returned.
//! - **audit**: [`crate::audit`] builds every record, with the location the back end reports.
//!
//! A format plugs in by supplying the text model and the writer and a reader for
//! verification; it gets detection, resolution, the time limit, panic isolation and the audit
//! records from here. E-mail (`.eml`, `.msg`) and Word (`.docx`) do so through
//! [`crate::formats`]' text model of parts (a format may add removals of its own in the
//! resolve stage: an e-mail's display names); a reviewer's removals apply to them too.
//!
//! Every call runs under a time limit ([`DEFAULT_TIME_LIMIT`] unless
//! [`DocumentOptions::time_limit`] says otherwise), checked cooperatively by the stages on
//! the calling thread (no thread is started or left behind), and a panic inside becomes
//! [`DocumentError::Panic`], which names no document text.

use std::time::Duration;

use serde::Serialize;

use crate::apply;
use crate::audit::{AuditRecord, DigestKey, text_records};
use crate::error::DocumentError;
use crate::formats::model::TextModel;
use crate::formats::{Context, FormatReport};
use crate::load::TextDocument;
use crate::pdf::{self, PdfOptions, PdfReport};
use crate::redactor::{Redactor, Scan};
use crate::resolve::{Removal, check_reviewed};
use crate::verify::verify_text;

pub use crate::load::DocumentKind;

/// Time limit of one document unless [`DocumentOptions::time_limit`] sets another: 60 s,
/// some twenty times what the largest documents within the batch's size limits take.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);

/// Options for one document.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DocumentOptions {
    /// The name written in the audit records' `document` field (empty by default).
    pub name: String,
    /// The time limit; `None` for none.
    pub time_limit: Option<Duration>,
    /// Options for PDF documents.
    pub pdf: PdfOptions,
}

impl Default for DocumentOptions {
    fn default() -> Self {
        DocumentOptions {
            name: String::new(),
            time_limit: Some(DEFAULT_TIME_LIMIT),
            pdf: PdfOptions::default(),
        }
    }
}

impl DocumentOptions {
    /// The defaults, with the audit records naming the document `name`.
    pub fn named(name: impl Into<String>) -> DocumentOptions {
        DocumentOptions {
            name: name.into(),
            ..DocumentOptions::default()
        }
    }
}

/// A redacted document, the same shape for every format.
#[derive(Clone, Serialize)]
#[non_exhaustive]
pub struct DocumentRedaction {
    /// The output file, verified.
    #[serde(skip)]
    pub bytes: Vec<u8>,
    /// The removals made, in text order, with byte offsets into the document's text (see
    /// [`DocumentScan::text`]; for e-mail and Word documents, the text model of all their
    /// parts, whose records give each item's part and offsets within it). Removals in an
    /// e-mail's attachments have records only.
    pub removals: Vec<Removal>,
    /// One audit record per removed item.
    pub records: Vec<AuditRecord>,
    /// Facts about a PDF (pages, images, what sanitising removed); `None` for other formats.
    pub pdf: Option<PdfReport>,
    /// Facts about an e-mail or Word document (headers dropped, parts removed, revisions
    /// accepted); `None` for other formats.
    pub format: Option<FormatReport>,
}

impl std::fmt::Debug for DocumentRedaction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentRedaction")
            .field("bytes", &self.bytes.len())
            .field("removals", &self.removals)
            .field("records", &self.records)
            .finish_non_exhaustive()
    }
}

/// What a scan of a document found, for review: nothing is changed.
#[derive(Clone)]
#[non_exhaustive]
pub struct DocumentScan {
    /// The document's text as the detectors read it (a PDF: its pages, then its annotation
    /// texts, separated by blank lines; an e-mail or Word document: its text model, every
    /// part in reading order). Removals are byte ranges of it.
    pub text: String,
    /// What would be removed, in text order.
    pub removals: Vec<Removal>,
    /// The audit records the redaction would write.
    pub records: Vec<AuditRecord>,
    /// An e-mail or Word document's text model, which `text` is the text of: its parts, and
    /// which text is the document's own (not context the model added, such as `Van: `).
    pub(crate) model: Option<TextModel>,
    /// Whether reviewed removals can be applied to the document; why not otherwise.
    pub(crate) reviewable: Result<(), String>,
}

impl DocumentScan {
    /// The scan of a document that is not made of parts.
    fn new(text: String, removals: Vec<Removal>, records: Vec<AuditRecord>) -> DocumentScan {
        DocumentScan {
            text,
            removals,
            records,
            model: None,
            reviewable: Ok(()),
        }
    }
}

impl std::fmt::Debug for DocumentScan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the text.
        f.debug_struct("DocumentScan")
            .field("text_bytes", &self.text.len())
            .field("removals", &self.removals)
            .field("records", &self.records)
            .finish_non_exhaustive()
    }
}

/// Redacts one document: the detectors' removals, or exactly `reviewed` when given.
pub(crate) fn redact(
    redactor: &Redactor,
    kind: DocumentKind,
    bytes: &[u8],
    options: &DocumentOptions,
    reviewed: Option<&[Removal]>,
) -> Result<DocumentRedaction, DocumentError> {
    crate::isolate::guarded(options.time_limit, || {
        redact_in(kind, bytes, context(redactor, options), reviewed)
    })
}

/// Redacts one document as `cx` says (its name and audit key: the batch's own), without a
/// time limit of its own.
pub(crate) fn redact_in(
    kind: DocumentKind,
    bytes: &[u8],
    cx: Context<'_>,
    reviewed: Option<&[Removal]>,
) -> Result<DocumentRedaction, DocumentError> {
    match kind {
        DocumentKind::Text => {
            redact_text(cx.redactor, bytes.to_vec(), cx.document, cx.key, reviewed)
        }
        DocumentKind::Pdf => run(
            &mut pdf::PdfFormat::read(bytes, cx.pdf)?,
            cx.redactor,
            cx.document,
            cx.key,
            reviewed,
        ),
        DocumentKind::Format(format) => {
            let ran = crate::formats::run(format, bytes, cx, reviewed)?;
            Ok(DocumentRedaction {
                format: Some(ran.report),
                ..ran.redaction
            })
        }
    }
}

/// One document's name, audit key and PDF options as [`redact_in`] and [`scan_in`] take them.
fn context<'a>(redactor: &'a Redactor, options: &'a DocumentOptions) -> Context<'a> {
    Context {
        redactor,
        document: &options.name,
        key: redactor.audit_key(),
        pdf: &options.pdf,
    }
}

/// Scans one document without changing it.
pub(crate) fn scan(
    redactor: &Redactor,
    kind: DocumentKind,
    bytes: &[u8],
    options: &DocumentOptions,
) -> Result<DocumentScan, DocumentError> {
    crate::isolate::guarded(options.time_limit, || {
        scan_in(kind, bytes, context(redactor, options))
    })
}

/// Scans one document as `cx` says, without a time limit of its own.
pub(crate) fn scan_in(
    kind: DocumentKind,
    bytes: &[u8],
    cx: Context<'_>,
) -> Result<DocumentScan, DocumentError> {
    match kind {
        DocumentKind::Text => {
            let doc = TextDocument::decode(bytes.to_vec())?;
            let removals = cx.redactor.scan(&doc.text).removals;
            let records = text_records(cx.document, &doc, &removals, cx.key);
            Ok(DocumentScan::new(doc.text, removals, records))
        }
        DocumentKind::Pdf => {
            let scan = pdf::scan_with(cx.redactor, bytes, cx.document, cx.key, cx.pdf)?;
            Ok(DocumentScan::new(scan.text, scan.removals, scan.records))
        }
        DocumentKind::Format(format) => {
            // The records of attachments come from their own back ends, so the scan runs the
            // whole pipeline and keeps what it would write.
            let ran = crate::formats::run(format, bytes, cx, None)?;
            let text = ran.model.text().to_string();
            Ok(DocumentScan {
                model: Some(ran.model),
                reviewable: ran.reviewable,
                ..DocumentScan::new(text, ran.redaction.removals, ran.redaction.records)
            })
        }
    }
}

/// The seam between the pipeline and a format's back end: what a format supplies. The
/// pipeline ([`run`]) does detection and resolution on [`Format::text`] (or takes reviewed
/// removals), then asks the format to write, to verify what it wrote, and to place each
/// removal for the audit records.
pub(crate) trait Format {
    /// load: the text of the text model, as the detectors read it.
    fn text(&self) -> &str;

    /// resolve: what the format adds to the detectors' resolved removals (an e-mail removes
    /// a personal mailbox's display name wherever it recurs), and removals of text that is
    /// not in the document (context the model added) dropped. Nothing by default.
    fn resolve(&self, redactor: &Redactor, scan: &mut Scan) {
        let _ = (redactor, scan);
    }

    /// Whether the format can apply exactly `removals`, as a reviewer settled them (already
    /// checked to be sorted, disjoint ranges of [`Format::text`]); why not otherwise.
    fn review(&self, removals: &[Removal]) -> Result<(), String> {
        let _ = removals;
        Ok(())
    }

    /// apply and write: the output bytes for exactly `scan.removals` (sorted, disjoint
    /// ranges of [`Format::text`]); `scan.protected` is the text that stays readable.
    fn write(&mut self, redactor: &Redactor, scan: &Scan) -> Result<Vec<u8>, DocumentError>;

    /// verify: reads `written` back, as a reader of the format would, and fails if a removed
    /// string is still readable there (more often than in protected text).
    fn verify(&self, redactor: &Redactor, written: &[u8], scan: &Scan)
    -> Result<(), DocumentError>;

    /// audit: one record per removed item (built with the audit module's one builder), and
    /// the format's report for the summary, if it has one.
    fn records(
        &mut self,
        name: &str,
        removals: &[Removal],
        key: &DigestKey,
    ) -> (Vec<AuditRecord>, Option<PdfReport>);
}

/// The pipeline after load, the same for every format: detect → resolve (or the reviewed
/// removals) → apply and write → verify the written bytes → audit.
pub(crate) fn run(
    format: &mut dyn Format,
    redactor: &Redactor,
    name: &str,
    key: &DigestKey,
    reviewed: Option<&[Removal]>,
) -> Result<DocumentRedaction, DocumentError> {
    let mut scan = redactor.scan(format.text());
    match reviewed {
        Some(reviewed) => {
            check_reviewed(format.text(), reviewed).map_err(DocumentError::Review)?;
            format.review(reviewed).map_err(DocumentError::Review)?;
            scan.removals = reviewed.to_vec();
        }
        None => format.resolve(redactor, &mut scan),
    }
    let written = format.write(redactor, &scan)?;
    format.verify(redactor, &written, &scan)?;
    let (records, pdf) = format.records(name, &scan.removals, key);
    Ok(DocumentRedaction {
        bytes: written,
        removals: scan.removals,
        records,
        pdf,
        format: None,
    })
}

/// The text back end: the decoded text is the text model; the writer puts the labels in and
/// encodes in the file's own encoding, byte-order mark and line ends.
pub(crate) struct TextFormat {
    doc: TextDocument,
    /// The redacted text, as written.
    output: String,
}

impl TextFormat {
    pub(crate) fn read(bytes: Vec<u8>) -> Result<TextFormat, DocumentError> {
        Ok(TextFormat {
            doc: TextDocument::decode(bytes)?,
            output: String::new(),
        })
    }
}

impl Format for TextFormat {
    fn text(&self) -> &str {
        &self.doc.text
    }

    fn write(&mut self, redactor: &Redactor, scan: &Scan) -> Result<Vec<u8>, DocumentError> {
        self.output = apply::apply(&self.doc.text, &scan.removals, redactor.policy());
        self.doc
            .encode_redaction(self.output.clone(), &scan.removals, |r| redactor.label(r))
    }

    fn verify(
        &self,
        redactor: &Redactor,
        written: &[u8],
        scan: &Scan,
    ) -> Result<(), DocumentError> {
        // Read back in the file's own encoding: a fault in encoding (a character written as
        // `?`, a lost line end) fails the document too.
        let read_back = self.doc.decode_written(written)?;
        if read_back != self.output {
            return Err(DocumentError::Verification(
                "the written bytes do not read back as the redacted text".into(),
            ));
        }
        let labels: Vec<String> = scan.removals.iter().map(|r| redactor.label(r)).collect();
        verify_text(
            &self.doc.text,
            &read_back,
            &scan.removals,
            &labels,
            &scan.protected,
        )
        .map_err(|e| DocumentError::Verification(e.to_string()))
    }

    fn records(
        &mut self,
        name: &str,
        removals: &[Removal],
        key: &DigestKey,
    ) -> (Vec<AuditRecord>, Option<PdfReport>) {
        (text_records(name, &self.doc, removals, key), None)
    }
}

/// Redacts a text document through the pipeline.
pub(crate) fn redact_text(
    redactor: &Redactor,
    bytes: Vec<u8>,
    name: &str,
    key: &DigestKey,
    reviewed: Option<&[Removal]>,
) -> Result<DocumentRedaction, DocumentError> {
    run(&mut TextFormat::read(bytes)?, redactor, name, key, reviewed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline;
    use crate::isolate::guarded;
    use crate::{Lists, Policy};

    fn redactor() -> Redactor {
        Redactor::new(Policy::default(), &Lists::default()).unwrap()
    }

    fn utf16le(text: &str) -> Vec<u8> {
        let mut out = b"\xFF\xFE".to_vec();
        text.encode_utf16()
            .for_each(|u| out.extend_from_slice(&u.to_le_bytes()));
        out
    }

    #[test]
    fn re_encoded_text_is_verified_as_written() {
        let r = redactor();
        let options = DocumentOptions::named("a.txt");
        let input = utf16le("Bel 06-12345678.\r\nMail jan@example.org\r\n");
        let out = redact(&r, DocumentKind::Text, &input, &options, None).unwrap();
        assert_eq!(out.bytes, utf16le("Bel [5.1.2e].\r\nMail [5.1.2e]\r\n"));
        assert_eq!(out.records.len(), 2);
        // Offsets in the file: two bytes per character after the byte-order mark.
        assert!(matches!(
            out.records[0].location,
            crate::audit::Location::Text { start: 10, end: 32 }
        ));
    }

    #[test]
    fn written_bytes_that_do_not_read_back_fail() {
        let doc = TextDocument::decode(b"Caf\xe9 Jan\r\n".to_vec()).unwrap();
        // Windows-1252 has no byte for U+0081: reading back must fail, not guess.
        assert!(doc.decode_written(b"Caf\x81").is_err());
        assert_eq!(doc.decode_written(b"Caf\xe9 x\r\n").unwrap(), "Café x\n");
    }

    #[test]
    fn reviewed_removals_must_fit_the_text() {
        let r = redactor();
        let options = DocumentOptions::default();
        let text = "Jan en Piet";
        let name = |s, e| Removal::test_name(s, e);
        for bad in [
            vec![name(0, 99)],
            vec![name(4, 4)],
            vec![name(7, 11), name(0, 3)],
        ] {
            let err = redact(
                &r,
                DocumentKind::Text,
                text.as_bytes(),
                &options,
                Some(&bad),
            );
            assert!(matches!(err, Err(DocumentError::Review(_))), "{err:?}");
        }
        let out = redact(
            &r,
            DocumentKind::Text,
            text.as_bytes(),
            &options,
            Some(&[name(7, 11)]),
        )
        .unwrap();
        assert_eq!(out.bytes, b"Jan en [5.1.2e]");
    }

    #[test]
    fn e_mail_goes_through_the_pipeline_and_takes_reviewed_removals() {
        let r = redactor();
        let options = DocumentOptions::named("a.eml");
        let mail = b"From: Xandra Quist <x.quist@example.org>\nSubject: Vraag\n\n\
                     Bel 06-12345678 of mail x.quist@example.org.\nGroet, Xandra Quist\n";
        let kind = DocumentKind::Format(crate::formats::Format::Eml);
        let scan = scan(&r, kind, mail, &options).unwrap();
        let out = redact(&r, kind, mail, &options, None).unwrap();
        // The removals are ranges of the text model, one record each.
        assert_eq!(out.removals, scan.removals);
        assert_eq!(out.records.len(), out.removals.len());
        assert!(out.removals.len() >= 4, "{:?}", out.removals);
        for removal in &out.removals {
            assert!(scan.text.is_char_boundary(removal.start));
        }
        // Applying the scan's removals gives the same output.
        let all = redact(&r, kind, mail, &options, Some(&scan.removals)).unwrap();
        assert_eq!(all.bytes, out.bytes);
        // Only the phone number: the rest stays.
        let phone: Vec<Removal> = scan
            .removals
            .iter()
            .filter(|x| x.category == crate::Category::Phone)
            .cloned()
            .collect();
        assert_eq!(phone.len(), 1);
        let one = redact(&r, kind, mail, &options, Some(&phone)).unwrap();
        let text = String::from_utf8(one.bytes).unwrap();
        assert!(
            text.contains("Bel [5.1.2e] of mail x.quist@example.org."),
            "{text}"
        );
        assert!(text.contains("Groet, Xandra Quist"), "{text}");
        assert_eq!(one.records.len(), 1);
        // A removal of context the model added (the `From:` label) is not in the document.
        assert!(scan.text.starts_with("Van: "), "{}", scan.text.len());
        let bad = [Removal::test_name(0, 3)];
        let err = redact(&r, kind, mail, &options, Some(&bad));
        assert!(matches!(err, Err(DocumentError::Review(_))), "{err:?}");
    }

    #[test]
    fn panics_and_time_limits_become_typed_errors() {
        let panicked = guarded::<()>(None, || panic!("Jan de Vries"));
        match panicked {
            Err(DocumentError::Panic(why)) => assert!(!why.contains("Vries")),
            other => panic!("{other:?}"),
        }
        let slow = guarded::<()>(Some(Duration::from_millis(1)), || {
            loop {
                std::thread::sleep(Duration::from_millis(1));
                deadline::check();
            }
        });
        assert!(matches!(slow, Err(DocumentError::Timeout { .. })));
    }
}
