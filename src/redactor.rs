//! The [`Redactor`]: built once from a policy and the lists, then shared by every thread to
//! scan and redact texts. The pipeline per text is detect → resolve → apply → verify.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::apply;
use crate::audit::DigestKey;
use crate::detect::address::{self, KnownAddresses};
use crate::detect::keep::KeepList;
use crate::detector::{self, Detections, Detector};
use crate::document::{self, DocumentKind, DocumentOptions, DocumentRedaction, DocumentScan};
use crate::error::{ConfigError, DocumentError};
use crate::fingerprint::Fingerprint;
use crate::fold::FoldedText;
use crate::known::{self, BatchFact, KnownNumbers};
use crate::lists::Lists;
use crate::names::NameEngine;
use crate::policy::{Category, Policy};
use crate::resolve::{Removal, resolve};
use crate::verify::{VerificationError, verify_text};
use crate::view::View;

/// A redacted text with the removals made in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The text with every removal replaced by its label.
    pub text: String,
    /// The removals, in text order, with byte offsets into the original text.
    pub removals: Vec<Removal>,
}

/// The result of scanning a text: what would be removed, and what stays readable on purpose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The removals, in text order.
    pub removals: Vec<Removal>,
    /// Byte ranges protected by the keep list or as a public official's name.
    pub protected: Vec<Range<usize>>,
}

/// Finds and removes personal data from Dutch government texts.
///
/// Build it once; it is `Send + Sync`, so one instance serves every thread of a batch.
///
/// ```
/// use woo_redact::{Lists, Policy, Redactor};
///
/// let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
/// let out = redactor.redact("Bel mij op 06-12345678.").unwrap();
/// assert_eq!(out.text, "Bel mij op [5.1.2e].");
/// ```
///
/// Its `Debug` output shows the policy and counts, never the lists' names.
#[derive(Clone)]
pub struct Redactor {
    policy: Policy,
    /// The detectors, in the order they run; the keep list is second to last and the name
    /// engine last (see [`crate::detector`]).
    detectors: Vec<Arc<dyn Detector>>,
    /// The name engine, for [`Redactor::identify`] and [`Redactor::with_batch_facts`].
    names: NameEngine,
    /// Hash of everything that decides the results: policy, lists, known people, detectors.
    identity: [u8; 32],
    /// The key of the audit digests of [`Redactor::redact_document`].
    key: DigestKey,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redactor")
            .field("policy", &self.policy)
            .field("names", &self.names)
            .field("detectors", &self.detectors.len())
            .finish_non_exhaustive()
    }
}

impl Redactor {
    /// Compiles the detectors for a policy and the lists.
    ///
    /// The audit digests of [`Redactor::redact_document`] use a random key until
    /// [`Redactor::with_audit_key`] sets one.
    pub fn new(policy: Policy, lists: &Lists) -> Result<Redactor, ConfigError> {
        let names = NameEngine::new(&lists.staff, &lists.public, &policy.names)?
            .with_listed_organisations(&lists.keep);
        // The content itself: `Debug` output hides the names.
        let mut identity = Fingerprint::new("woo-redact redactor");
        policy.content_digest(&mut identity);
        lists.content_digest(&mut identity);
        let identity = identity.finish();
        let mut detectors: Vec<Arc<dyn Detector>> = Vec::new();
        for p in detector::patterns() {
            detectors.push(Arc::new(p));
        }
        for d in policy.detectors() {
            detectors.push(Arc::new(d.clone()));
        }
        detectors.push(Arc::new(KeepList::new(&lists.keep)?));
        detectors.push(Arc::new(detector::Names(names.clone())));
        Ok(Redactor {
            detectors,
            names,
            policy,
            identity,
            key: DigestKey::random(),
        })
    }

    /// The same redactor with one more detector, run after the pattern detectors and before
    /// the keep list and the name engine. See [`Detector`] for an example.
    pub fn with_detector(mut self, detector: impl Detector + 'static) -> Redactor {
        let mut identity = blake3::Hasher::new();
        identity.update(&self.identity);
        identity.update(b"\0detector\0");
        identity.update(detector.identity().as_bytes());
        self.identity = *identity.finalize().as_bytes();
        let at = self.detectors.len() - 2;
        self.detectors.insert(at, Arc::new(detector));
        self
    }

    /// The same redactor, with audit digests under `key` (same text, same key: same digest).
    pub fn with_audit_key(mut self, key: DigestKey) -> Redactor {
        self.key = key;
        self
    }

    /// The key of the audit digests.
    pub fn audit_key(&self) -> &DigestKey {
        &self.key
    }

    /// The policy this redactor applies.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// A hash of everything that decides this redactor's results (the policy, the lists and
    /// the people identified in other documents of a batch, and the detectors): two redactors with the same
    /// fingerprint redact every text alike. Resumed batches use it to tell whether an earlier
    /// result still holds.
    pub fn fingerprint(&self) -> [u8; 32] {
        self.identity
    }

    /// Finds what must be removed from `text`, without changing it.
    pub fn scan(&self, text: &str) -> Scan {
        // Detection reads the text with layout line breaks joined (see [`View`]); the
        // removals and protected ranges are mapped back to the original bytes.
        let view = View::new(text);
        let mut scan = self.scan_view(view.text());
        if !view.is_original() {
            for r in &mut scan.removals {
                r.start = view.original(r.start, false);
                r.end = view.original(r.end, true);
            }
            for p in &mut scan.protected {
                *p = view.original(p.start, false)..view.original(p.end, true);
            }
        }
        scan
    }

    fn scan_view(&self, text: &str) -> Scan {
        let mut found = Detections::default();
        for d in &self.detectors {
            if d.category().is_none_or(|c| self.policy.is_enabled(c)) {
                d.detect(text, &mut found);
            }
        }
        let Detections {
            findings,
            mut protected,
        } = found;
        protected.sort_by_key(|r| (r.start, r.end));
        let removals = resolve(text, findings, &protected, &self.policy);
        Scan {
            removals,
            protected,
        }
    }

    /// Redacts `text` and verifies the result.
    pub fn redact(&self, text: &str) -> Result<Redaction, VerificationError> {
        let scan = self.scan(text);
        let output = apply::apply(text, &scan.removals, &self.policy);
        let labels: Vec<String> = scan.removals.iter().map(|r| self.label(r)).collect();
        verify_text(text, &output, &scan.removals, &labels, &scan.protected)?;
        Ok(Redaction {
            text: output,
            removals: scan.removals,
        })
    }

    /// Redacts one document held in memory (a text file's bytes or a PDF's), verifies the
    /// bytes written, and returns them with the removals and the audit records: the same
    /// shape for every format. Runs under [`crate::document::DEFAULT_TIME_LIMIT`]; a panic
    /// inside becomes [`DocumentError::Panic`]. See [`crate::document`] for the stages.
    ///
    /// ```
    /// use woo_redact::{Category, DocumentKind, Lists, Policy, Redactor};
    ///
    /// let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
    /// let out = redactor
    ///     .redact_document(DocumentKind::Text, b"Bel mij op 06-12345678.")
    ///     .unwrap();
    /// assert_eq!(out.bytes, b"Bel mij op [5.1.2e].");
    /// assert_eq!(out.records[0].category, Category::Phone);
    /// ```
    pub fn redact_document(
        &self,
        kind: DocumentKind,
        bytes: &[u8],
    ) -> Result<DocumentRedaction, DocumentError> {
        self.redact_document_with(kind, bytes, &DocumentOptions::default())
    }

    /// [`Redactor::redact_document`] with options (the name in the audit records, the time
    /// limit, a PDF password, OCR).
    pub fn redact_document_with(
        &self,
        kind: DocumentKind,
        bytes: &[u8],
        options: &DocumentOptions,
    ) -> Result<DocumentRedaction, DocumentError> {
        document::redact(self, kind, bytes, options, None)
    }

    /// Scans one document without changing it: its text, the removals a redaction would
    /// make, and their audit records, for a reviewer to check.
    pub fn scan_document(
        &self,
        kind: DocumentKind,
        bytes: &[u8],
        options: &DocumentOptions,
    ) -> Result<DocumentScan, DocumentError> {
        document::scan(self, kind, bytes, options)
    }

    /// Redacts one document with exactly `removals` (byte ranges of
    /// [`DocumentScan::text`], in text order, not overlapping), as a reviewer settled them
    /// after [`Redactor::scan_document`]: the detectors only say which text is protected
    /// (keep list, public officials). The written output is verified as always, so a
    /// removed string left readable elsewhere fails the document.
    pub fn apply_document(
        &self,
        kind: DocumentKind,
        bytes: &[u8],
        removals: &[Removal],
        options: &DocumentOptions,
    ) -> Result<DocumentRedaction, DocumentError> {
        document::redact(self, kind, bytes, options, Some(removals))
    }

    /// Redacts many texts in parallel (on the current rayon pool); results keep input order.
    pub fn redact_all(&self, texts: &[&str]) -> Vec<Result<Redaction, VerificationError>> {
        texts.par_iter().map(|t| self.redact(t)).collect()
    }

    /// What `text` tells the rest of its batch (for the batch-wide "one decision per person"
    /// rule): the private people it names in full, the surnames it shows as public
    /// (officials', office holders', organisations'), the places it shows to be places, the
    /// numbers it labels as a person's and the streets and numbers it shows to be a person's.
    pub(crate) fn identify(&self, text: &str) -> Vec<BatchFact> {
        let mut facts = Vec::new();
        if self.policy.is_enabled(Category::Name) {
            let people = self
                .names
                .identify(&FoldedText::new(&crate::fold::ocr_letters(text)));
            facts.extend(people.into_iter().map(BatchFact::Person));
            let places = crate::names::places::learned(text);
            facts.extend(places.into_iter().map(BatchFact::Place));
            let things = crate::names::things::named(text);
            facts.extend(things.into_iter().map(BatchFact::Thing));
        }
        let addresses = self.policy.is_enabled(Category::Address);
        let numbers = self.policy.is_enabled(Category::Other);
        if addresses || numbers {
            // Read as the detectors read it, so that pass 2 finds them as written.
            let view = View::new(text);
            if addresses {
                let learned = address::learned(view.text());
                facts.extend(learned.into_iter().map(BatchFact::Address));
            }
            if numbers {
                let labelled = known::labelled_numbers(view.text());
                facts.extend(labelled.into_iter().map(BatchFact::PersonNumber));
            }
        }
        facts
    }

    /// The same redactor, also removing what other documents of the batch told (`facts`,
    /// from [`Redactor::identify`]): the full names and surnames of the private people they
    /// identified, and the numbers and addresses they showed to be a person's.
    pub(crate) fn with_batch_facts(&self, mut facts: Vec<BatchFact>) -> Redactor {
        facts.sort();
        facts.dedup();
        let mut identity = Fingerprint::new("woo-redact known people");
        identity.bytes(&self.identity).u64(facts.len() as u64);
        let mut people = Vec::new();
        let mut numbers = Vec::new();
        let mut places = Vec::new();
        let mut addresses = Vec::new();
        let mut things = Vec::new();
        for fact in facts {
            match fact {
                BatchFact::Person(n) => {
                    let p = &n.key;
                    identity
                        .opt(p.surname.as_deref())
                        .opt(p.given.as_deref())
                        .opt(p.initials.as_deref())
                        .u64(u64::from(n.public))
                        .u64(u64::from(n.office));
                    people.push(n);
                }
                BatchFact::PersonNumber(number) => {
                    identity.u64(2).str(&number);
                    numbers.push(number);
                }
                BatchFact::Place(place) => {
                    identity.u64(3).str(&place);
                    places.push(place);
                }
                BatchFact::Address(address) => {
                    identity.u64(4).str(&address);
                    addresses.push(address);
                }
                BatchFact::Thing(thing) => {
                    identity.u64(5).str(&thing);
                    things.push(thing);
                }
            }
        }
        let names = self.names.with_known_people(&people, &places, &things);
        let mut detectors = self.detectors.clone();
        if let Some(last) = detectors.last_mut() {
            *last = Arc::new(detector::Names(names.clone()));
        }
        // Before the keep list and the names, like the pattern detectors.
        detectors.retain(|d| d.rule() != known::KNOWN_NUMBERS);
        if let Some(known) = KnownNumbers::new(&numbers) {
            detectors.insert(detectors.len() - 2, Arc::new(known));
        }
        detectors.retain(|d| d.rule() != address::KNOWN_ADDRESSES);
        if let Some(known) = KnownAddresses::new(&addresses) {
            detectors.insert(detectors.len() - 2, Arc::new(known));
        }
        Redactor {
            names,
            detectors,
            identity: identity.finish(),
            ..self.clone()
        }
    }

    /// The label written in place of a removal.
    pub fn label(&self, removal: &Removal) -> String {
        apply::label(removal, &self.policy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(keep: &[&str]) -> Redactor {
        let lists = Lists {
            keep: keep.iter().map(|s| s.to_string()).collect(),
            ..Lists::default()
        };
        Redactor::new(Policy::default(), &lists).unwrap()
    }

    /// Debug output ends up in logs: it must not show the people in the lists or a text.
    #[test]
    fn debug_output_shows_no_personal_data() {
        let lists = Lists {
            staff: crate::lists::StaffDirectory::from_csv(
                b"name,email,phone\nJaylinn van der Meulen,j.meulen@minjenv.nl,0612345678\n",
            )
            .unwrap(),
            ..Lists::default()
        };
        let r = Redactor::new(Policy::default(), &lists).unwrap();
        let people = r.identify("Van: Piet Kwakernaak\n\nBeste Jaylinn,");
        assert!(!people.is_empty());
        let known = r.with_batch_facts(people);
        let document = crate::load::TextDocument::decode(b"Van: Piet Kwakernaak".to_vec()).unwrap();
        for debug in [
            format!("{r:?}"),
            format!("{known:?}"),
            format!("{lists:?}"),
            format!("{document:?}"),
            format!("{:?}", known.identify("Beste Jaylinn van der Meulen,")),
        ] {
            let folded = debug.to_lowercase();
            for private in ["meulen", "jaylinn", "0612345678", "kwakernaak", "piet"] {
                assert!(!folded.contains(private), "{private} in {debug}");
            }
        }
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Redactor>();
    }

    #[test]
    fn keep_list_entries_stay_readable_with_any_case_and_white_space() {
        let r = redactor(&["woo@minjenv.nl", "Turfmarkt 147", "2511 DP Den Haag"]);
        let text = "Mail WOO@minjenv.nl of jan@minjenv.nl.\nTurfmarkt 147\n2511 DP  Den Haag\n";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "Mail WOO@minjenv.nl of [5.1.2e].\nTurfmarkt 147\n2511 DP  Den Haag\n"
        );
    }

    #[test]
    fn a_windows_account_goes_with_its_domain_but_an_official_s_stays_readable() {
        let lists = Lists {
            public: vec!["Hasan Yildirim".to_string()],
            ..Lists::default()
        };
        let r = Redactor::new(Policy::default(), &lists).unwrap();
        let log = "2024-04-03T08:12:09;LH\\y.tesfamariam;REGISTREREN;document\n\
                   2024-04-29T17:45:00;LH\\h.yildirim;ACCORDEREN;document\n";
        let out = r.redact(log).unwrap();
        assert!(!out.text.contains("tesfamariam"), "{}", out.text);
        assert!(!out.text.contains("LH\\y"), "{}", out.text);
        assert!(out.text.contains("LH\\h.yildirim"), "{}", out.text);
    }

    #[test]
    fn a_chain_named_after_its_founder_stays_readable_but_not_a_person_of_that_first_name() {
        let r = redactor(&[]);
        let text =
            "Betaling ALBERT HEIJN 1234 Zaandam.\nMet vriendelijke groet,\nAlbert de Vries\n";
        let out = r.redact(text).unwrap();
        assert!(out.text.contains("ALBERT HEIJN 1234"), "{}", out.text);
        assert!(!out.text.contains("Albert de Vries"), "{}", out.text);
    }

    #[test]
    fn a_kept_address_stays_readable_without_its_postcode() {
        let r = redactor(&["Stationsweg 41, 4191 KL Lingehoven"]);
        let text = "Bewoners van de Stationsweg 41 klaagden.\n\nMevr. Jansen\n\
                    Stationsweg 410\n4191 KL Lingehoven\n";
        let out = r.redact(text).unwrap();
        assert!(
            out.text.contains("de Stationsweg 41 klaagden"),
            "{}",
            out.text
        );
        assert!(!out.text.contains("410"), "{}", out.text);
        // A neighbour in the kept street shares its postcode, and a chalet on a kept park its
        // number: their own addresses all the same.
        let r = redactor(&["Marktplein 22, 6365 BL Valkenrode", "Zeebriesweg 3"]);
        let text = "Gemeentehuis, Marktplein 22, 6365 BL Valkenrode\n\n\
                    Bewoner: Marktplein 24, 6365 BL Valkenrode\n\n\
                    Adres cliënt: Zeebriesweg 3-47, Westhoeke\n";
        let out = r.redact(text).unwrap();
        assert!(out.text.contains("Marktplein 22, 6365 BL"), "{}", out.text);
        assert!(!out.text.contains("Marktplein 24"), "{}", out.text);
        assert!(!out.text.contains("3-47"), "{}", out.text);
    }

    #[test]
    fn a_kept_number_stays_readable_in_every_notation() {
        let r = redactor(&["070 370 1234"]);
        let text = "Bel +31 70 370 1234 of 070-3701234 of (070) 370 1234, niet 06-12345678.";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "Bel +31 70 370 1234 of 070-3701234 of (070) 370 1234, niet [5.1.2e]."
        );
    }

    #[test]
    fn redacts_structured_data_with_the_right_grounds() {
        let r = redactor(&[]);
        let text =
            "BSN 111222333, IBAN NL91ABNA0417164300, geboren op 01-02-1980, tel 06-12345678.";
        let out = r.redact(text).unwrap();
        assert_eq!(
            out.text,
            "BSN [5.1.1e], IBAN [5.1.2e], geboren op [5.1.2e], tel [5.1.2e]."
        );
        let cats: Vec<_> = out.removals.iter().map(|r| r.category).collect();
        assert_eq!(
            cats,
            [
                Category::Bsn,
                Category::Iban,
                Category::Birthdate,
                Category::Phone
            ]
        );
    }
}
