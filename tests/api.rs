//! A new Rust service links the crate: it redacts text and PDF bytes in memory, reads typed
//! audit records for both, and applies a reviewed list of removals to a PDF, using only the
//! documented API (the crate root's front door). pdftotext is the independent oracle for
//! what a PDF shows.

use std::io::Write;
use std::process::{Command, Stdio};

use woo_redact::{
    AuditRecord, Category, DigestKey, DocumentKind, DocumentOptions, Ground, Lists, Policy,
    Redactor, Removal, StaffDirectory,
};

/// The service's configuration: its own case-number detector from the policy file.
const POLICY: &str = r#"{
  "detectors": [
    {"rule": "zaaknummer", "pattern": "Z-\\d{4}-\\d{6}", "category": "other", "ground": "5.1.2i"}
  ]
}"#;

fn redactor() -> Redactor {
    let lists = Lists {
        staff: StaffDirectory::from_csv(b"name,email,phone\nJan de Vries,j.devries@example.nl,\n")
            .unwrap(),
        ..Lists::default()
    };
    Redactor::new(Policy::from_json(POLICY).unwrap(), &lists)
        .unwrap()
        .with_audit_key(DigestKey::from_material(b"the service's audit key").unwrap())
}

fn letter() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/pdf/cairo_letter.pdf"
    ))
    .unwrap()
}

/// The text pdftotext reads from a PDF, white space folded.
fn pdftotext(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) is installed");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every record reads back from the JSON line the audit log holds.
fn reads_back(records: &[AuditRecord]) {
    for r in records {
        let back: AuditRecord = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(&back, r);
    }
}

#[test]
fn text_bytes_are_redacted_in_memory_with_typed_records() {
    let r = redactor();
    let input = "Zaak Z-2024-000123: bel Jan de Vries op 06-12345678.\r\n";
    let options = DocumentOptions::named("verzoek.txt");
    let out = r
        .redact_document_with(DocumentKind::Text, input.as_bytes(), &options)
        .unwrap();
    assert_eq!(
        String::from_utf8(out.bytes.clone()).unwrap(),
        "Zaak [5.1.2i]: bel [5.1.2e] op [5.1.2e].\r\n"
    );
    let got: Vec<(Category, &str, &str)> = out
        .records
        .iter()
        .map(|r| (r.category, r.ground.code(), r.detector.as_str()))
        .collect();
    assert_eq!(got[0], (Category::Other, "5.1.2i", "zaaknummer"));
    assert_eq!(got[1].0, Category::Name);
    assert_eq!(got[2], (Category::Phone, "5.1.2e", "phone"));
    assert!(out.records.iter().all(|r| r.document == "verzoek.txt"));
    reads_back(&out.records);
    // Removals serialise for a review tool, without the removed text.
    let json = serde_json::to_string(&out.removals).unwrap();
    assert!(json.contains(r#""detector":"zaaknummer""#), "{json}");
    assert!(!json.contains("Vries") && !json.contains("12345678"));
    // Same key, same digests: the default call gives the same records but an empty name.
    let again = r
        .redact_document(DocumentKind::Text, input.as_bytes())
        .unwrap();
    assert_eq!(again.records[1].digest, out.records[1].digest);
    assert_eq!(again.records[1].document, "");
}

#[test]
fn pdf_bytes_are_redacted_in_memory_with_typed_records() {
    let r = redactor();
    let out = r
        .redact_document_with(
            DocumentKind::Pdf,
            &letter(),
            &DocumentOptions::named("brief.pdf"),
        )
        .unwrap();
    let shown = pdftotext(&out.bytes);
    for gone in [
        "06-12345678",
        "111222333",
        "NL91ABNA0417164300",
        "j.devries",
    ] {
        assert!(!shown.contains(gone), "{gone} in {shown}");
    }
    assert!(shown.contains("Met vriendelijke groet"), "{shown}");
    let categories: Vec<Category> = out.records.iter().map(|r| r.category).collect();
    for c in [
        Category::Bsn,
        Category::Iban,
        Category::Phone,
        Category::Email,
    ] {
        assert!(categories.contains(&c), "{c} in {categories:?}");
    }
    let bsn = out.records.iter().find(|r| r.category == Category::Bsn);
    assert_eq!(bsn.map(|r| r.ground.code()), Some("5.1.1e"));
    assert!(out.pdf.as_ref().is_some_and(|p| p.pages == 1));
    assert_eq!(out.removals.len(), out.records.len());
    reads_back(&out.records);
}

#[test]
fn a_reviewed_list_of_removals_is_applied_to_a_pdf_exactly() {
    let r = redactor();
    let options = DocumentOptions::named("brief.pdf");
    let bytes = letter();
    let scan = r
        .scan_document(DocumentKind::Pdf, &bytes, &options)
        .unwrap();
    assert!(
        scan.removals
            .iter()
            .any(|r| r.category == Category::Address)
    );
    // The reviewer keeps the address readable and removes the department's name.
    let mut reviewed: Vec<Removal> = scan
        .removals
        .iter()
        .filter(|r| r.category != Category::Address)
        .cloned()
        .collect();
    let at = scan.text.find("Afdeling Informatieverzoeken").unwrap();
    reviewed.push(Removal::new(
        at,
        at + "Afdeling Informatieverzoeken".len(),
        Category::Other,
        Ground::parse("5.1.2i").unwrap(),
        "review",
        "added by the reviewer",
    ));
    reviewed.sort_by_key(|r| r.start);
    let out = r
        .apply_document(DocumentKind::Pdf, &bytes, &reviewed, &options)
        .unwrap();
    let shown = pdftotext(&out.bytes);
    assert!(shown.contains("Kerkstraat 12"), "{shown}");
    assert!(!shown.contains("Informatieverzoeken"), "{shown}");
    assert!(!shown.contains("111222333"), "{shown}");
    assert_eq!(out.removals, reviewed);
    assert_eq!(out.records.len(), reviewed.len());
    let added: Vec<&AuditRecord> = out
        .records
        .iter()
        .filter(|r| r.detector == "review")
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].ground.code(), "5.1.2i");
    // A list that does not fit the text is refused, nothing is written.
    let mut broken = reviewed.clone();
    broken.reverse();
    let err = r
        .apply_document(DocumentKind::Pdf, &bytes, &broken, &options)
        .unwrap_err();
    assert!(err.to_string().contains("reviewed removals"), "{err}");
}

#[test]
fn a_reviewer_who_leaves_a_removed_string_elsewhere_gets_no_output() {
    let r = redactor();
    let text = b"Bel 06-12345678 of nogmaals 06-12345678.";
    let options = DocumentOptions::default();
    let scan = r.scan_document(DocumentKind::Text, text, &options).unwrap();
    assert_eq!(scan.removals.len(), 2);
    let err = r
        .apply_document(DocumentKind::Text, text, &scan.removals[..1], &options)
        .unwrap_err();
    assert!(err.to_string().contains("verification failed"), "{err}");
    assert!(!err.to_string().contains("12345678"));
}

#[test]
fn e_mail_and_word_documents_take_the_same_calls_and_a_reviewed_list() {
    let r = redactor();
    for name in ["memo.docx", "thread-plain.eml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/mail/in")
            .join(name);
        let bytes = std::fs::read(&path).unwrap();
        let kind = DocumentKind::of(&path).unwrap();
        let options = DocumentOptions::named(name);
        let out = r.redact_document_with(kind, &bytes, &options).unwrap();
        let scan = r.scan_document(kind, &bytes, &options).unwrap();
        // Removals are ranges of the scan's text, one audit record each, naming the part.
        assert!(!out.removals.is_empty(), "{name}");
        assert_eq!(out.removals, scan.removals, "{name}");
        assert_eq!(out.records.len(), out.removals.len(), "{name}");
        assert!(out.records.iter().all(|x| x.part.is_some()), "{name}");
        // A text removed once, found nowhere else in the document, and holding no other
        // removed text (a kept e-mail address would show a removed name).
        let lower = scan.text.to_lowercase();
        let texts: Vec<String> = scan
            .removals
            .iter()
            .map(|x| scan.text[x.start..x.end].to_lowercase())
            .collect();
        let once = texts
            .iter()
            .find(|t| {
                t.len() > 3
                    && lower.matches(t.as_str()).count() == 1
                    && !texts.iter().any(|o| o != *t && t.contains(o.as_str()))
            })
            .unwrap()
            .clone();
        // The scan's own list gives the same output.
        let all = r
            .apply_document(kind, &bytes, &scan.removals, &options)
            .unwrap();
        assert_eq!(all.bytes, out.bytes, "{name}");
        // A reviewer who keeps it readable.
        let reviewed: Vec<Removal> = scan
            .removals
            .iter()
            .filter(|x| scan.text[x.start..x.end].to_lowercase() != once)
            .cloned()
            .collect();
        assert!(reviewed.len() < scan.removals.len());
        let kept = r.apply_document(kind, &bytes, &reviewed, &options).unwrap();
        assert_eq!(kept.removals, reviewed, "{name}");
        assert_eq!(kept.records.len(), reviewed.len(), "{name}");
        assert_ne!(kept.bytes, out.bytes, "{name}");
    }
}
