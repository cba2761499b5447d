//! How the e-mail and Word back ends plug into the document pipeline of
//! [`crate::document`]: `load → detect → resolve → apply → verify (the written bytes) → audit`.
//!
//! A back end ([`Backend`]) supplies what is its own: the text model it read the document
//! into, the pieces it removes because of where they stand (an e-mail's display names), the
//! writer, and a reader for the written bytes with its own checks of what the model does not
//! cover (header fields, every XML part). Detection, resolution (including
//! [`crate::resolve::join_forced`]), the check of the read-back text against the removed
//! strings, and the audit records come from the shared stages, as for text and PDF.

use crate::audit::{AuditRecord, DigestKey};
use crate::document::{self, DocumentRedaction};
use crate::error::DocumentError;
use crate::formats::model::{Forced, ModelRedaction, SegmentId, TextModel};
use crate::formats::{Context, FormatError, FormatReport, renumber};
use crate::pdf::PdfReport;
use crate::redactor::{Redactor, Scan};
use crate::resolve::{Removal, join_forced};

/// What a format made of parts supplies to the pipeline.
pub(crate) trait Backend {
    /// What reading the written bytes back gives besides its text model (the parsed
    /// message, the package's entries), for the back end's own checks.
    type ReadBack;

    /// load: the text model the document was read into.
    fn model(&self) -> &TextModel;

    /// resolve: the pieces the format removes as a whole once the detectors' removals are
    /// known; `changed` says which segments those removals touch. None by default.
    fn forced(&self, changed: &dyn Fn(SegmentId) -> bool) -> Vec<Forced> {
        let _ = changed;
        Vec::new()
    }

    /// Whether reviewed removals can be applied exactly as given; why not otherwise.
    fn reviewable(&self) -> Result<(), String> {
        Ok(())
    }

    /// apply and write: the document with the segments of `redaction` written back.
    fn write(
        &mut self,
        redaction: &ModelRedaction,
        cx: Context<'_>,
    ) -> Result<Written, FormatError>;

    /// verify: reads the written bytes back into a text model, as a reader of the format
    /// would.
    fn read_back(&self, written: &[u8]) -> Result<(TextModel, Self::ReadBack), FormatError>;

    /// verify: the back end's own checks of the written document beyond its text model (no
    /// removed string readable in a header field or any XML part); `removed` are the removed
    /// strings in lower case.
    fn check_read_back(
        &self,
        read_back: &Self::ReadBack,
        removed: &[String],
    ) -> Result<(), FormatError>;
}

/// What a back end's writer made.
pub(crate) struct Written {
    /// The output bytes.
    pub bytes: Vec<u8>,
    /// Audit records of parts redacted by other back ends (attachments), after the model's.
    pub records: Vec<AuditRecord>,
    /// Facts for the summary.
    pub report: FormatReport,
}

/// A document of a format made of parts, on its way through the pipeline.
struct PartsDocument<'a, B: Backend> {
    backend: B,
    cx: Context<'a>,
    /// The removals cut into the model, once written.
    redaction: Option<ModelRedaction>,
    /// Records of attachments, once written.
    attachments: Vec<AuditRecord>,
    report: FormatReport,
}

/// A document that went through the pipeline.
pub(crate) struct Ran {
    /// The redaction; its removals are ranges of the model's text.
    pub redaction: DocumentRedaction,
    /// The text model the document was read into: its text is what the detectors read.
    pub model: TextModel,
    /// Whether reviewed removals can be applied to the document; why not otherwise.
    pub reviewable: Result<(), String>,
    /// Facts for the summary.
    pub report: FormatReport,
}

impl Ran {
    /// The redaction as the e-mail and Word back ends report it.
    pub(crate) fn into_format_redaction(self) -> crate::formats::FormatRedaction {
        crate::formats::FormatRedaction {
            bytes: self.redaction.bytes,
            records: self.redaction.records,
            report: self.report,
        }
    }
}

/// Runs a back end's document through the pipeline: the detectors' removals, or exactly
/// `reviewed` when given.
pub(crate) fn run<B: Backend>(
    backend: B,
    cx: Context<'_>,
    reviewed: Option<&[Removal]>,
) -> Result<Ran, DocumentError> {
    let mut doc = PartsDocument {
        backend,
        cx,
        redaction: None,
        attachments: Vec::new(),
        report: FormatReport::default(),
    };
    let redaction = document::run(&mut doc, cx.redactor, cx.document, cx.key, reviewed)?;
    Ok(Ran {
        redaction,
        model: doc.backend.model().clone(),
        reviewable: doc.backend.reviewable(),
        report: doc.report,
    })
}

/// Sorted removals with overlapping ones merged, those in the document only, and `forced`
/// joined in.
fn resolve_model(
    model: &TextModel,
    redactor: &Redactor,
    removals: Vec<Removal>,
    forced: &[Forced],
    protected: &[std::ops::Range<usize>],
) -> Vec<Removal> {
    let mut removals = join_forced(
        model.text(),
        removals,
        &model.forced_ranges(forced),
        protected,
        redactor.policy(),
    );
    // What lies only in context (a label the model added) is not in the document.
    removals.retain(|r| model.in_document(r));
    removals
}

/// The resolve stage of a text model: the detectors' removals, then the pieces the format
/// removes as a whole given which segments those touch.
pub(crate) fn resolve(
    model: &TextModel,
    redactor: &Redactor,
    scan: &mut Scan,
    forced: impl FnOnce(&dyn Fn(SegmentId) -> bool) -> Vec<Forced>,
) {
    let first = resolve_model(model, redactor, scan.removals.clone(), &[], &scan.protected);
    let labels = first.iter().map(|r| redactor.label(r)).collect();
    let first = model.cut_removals(first, labels, Vec::new());
    let forced = forced(&|id| first.segments[id].is_some());
    let removals = std::mem::take(&mut scan.removals);
    scan.removals = resolve_model(model, redactor, removals, &forced, &scan.protected);
}

impl<B: Backend> document::Format for PartsDocument<'_, B> {
    fn text(&self) -> &str {
        self.backend.model().text()
    }

    fn resolve(&self, redactor: &Redactor, scan: &mut Scan) {
        resolve(self.backend.model(), redactor, scan, |changed| {
            self.backend.forced(changed)
        });
    }

    fn review(&self, removals: &[Removal]) -> Result<(), String> {
        self.backend.reviewable()?;
        match removals
            .iter()
            .position(|r| !self.backend.model().in_document(r))
        {
            Some(i) => Err(format!(
                "removal {} lies outside the document's own text",
                i + 1
            )),
            None => Ok(()),
        }
    }

    fn write(&mut self, redactor: &Redactor, scan: &Scan) -> Result<Vec<u8>, DocumentError> {
        let labels = scan.removals.iter().map(|r| redactor.label(r)).collect();
        let redaction = self.backend.model().cut_removals(
            scan.removals.clone(),
            labels,
            scan.protected.clone(),
        );
        let written = self.backend.write(&redaction, self.cx)?;
        self.redaction = Some(redaction);
        self.attachments = written.records;
        self.report = written.report;
        Ok(written.bytes)
    }

    fn verify(
        &self,
        _redactor: &Redactor,
        written: &[u8],
        _scan: &Scan,
    ) -> Result<(), DocumentError> {
        let redaction = self
            .redaction
            .as_ref()
            .ok_or_else(|| FormatError::Verification("nothing was written".into()))?;
        let model = self.backend.model();
        let (again, read_back) = self.backend.read_back(written)?;
        model.verify(redaction, &again)?;
        let removed = model.removed_strings(redaction);
        self.backend.check_read_back(&read_back, &removed)?;
        Ok(())
    }

    fn records(
        &mut self,
        name: &str,
        removals: &[Removal],
        key: &DigestKey,
    ) -> (Vec<AuditRecord>, Option<PdfReport>) {
        let mut records = self.backend.model().records(name, removals, key);
        records.append(&mut self.attachments);
        renumber(&mut records);
        (records, None)
    }
}

/// A [`FormatError`] back from the pipeline's error.
pub(crate) fn format_error(e: DocumentError) -> FormatError {
    match e {
        DocumentError::Format(b) => match b.downcast::<FormatError>() {
            Ok(f) => *f,
            Err(other) => FormatError::Verification(other.to_string()),
        },
        other => FormatError::Verification(other.to_string()),
    }
}
