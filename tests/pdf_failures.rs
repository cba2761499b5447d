//! Failing closed: constructs the tool cannot check stop the document with "needs manual
//! review" naming the page and font, encrypted files need their password, broken input is
//! an error and never a panic, and a failed document leaves no output behind.

use crate::pdf_support;

use pdf_support::{fixture, key, pdftotext, redact_with, redactor};
use woo_redact::batch::{self, BatchOptions};
use woo_redact::pdf::{self, FontProblem, PdfError, PdfOptions};

fn password(p: &str) -> PdfOptions {
    PdfOptions {
        password: Some(p.to_string()),
        ..PdfOptions::default()
    }
}

#[test]
fn type3_fonts_need_manual_review() {
    let err = redact_with("type3.pdf", &PdfOptions::default()).unwrap_err();
    assert!(
        matches!(&err, PdfError::Font { page: 1, problem: FontProblem::Type3, font } if font.resource == "T3"),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with("needs manual review: page 1, font"),
        "{err}"
    );
}

#[test]
fn undecodable_fonts_name_page_and_font() {
    let err = redact_with("undecodable.pdf", &PdfOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "needs manual review: page 2, font ABCDEF+Custom (/F9): text in this font cannot be \
         decoded to Unicode, so it cannot be checked"
    );
}

#[test]
fn encrypted_files_need_their_password() {
    let err = redact_with("encrypted_password.pdf", &PdfOptions::default()).unwrap_err();
    assert!(
        matches!(
            err,
            PdfError::Encrypted {
                password_given: false
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("password"), "{err}");
    let err = redact_with("encrypted_password.pdf", &password("fout")).unwrap_err();
    assert!(
        matches!(
            err,
            PdfError::Encrypted {
                password_given: true
            }
        ),
        "{err:?}"
    );

    let out = redact_with("encrypted_password.pdf", &password("geheim")).unwrap();
    let text = pdftotext(&out.bytes);
    assert!(
        !text.contains("j.devries@example.nl") && text.contains("Mail"),
        "{text}"
    );
    // The output is not encrypted: it is meant for publication.
    assert!(
        !lopdf::Document::load_mem(&out.bytes)
            .unwrap()
            .trailer
            .has(b"Encrypt")
    );
    pdf_support::qpdf_check(&out.bytes);
}

#[test]
fn an_empty_user_password_is_tried_first() {
    let out = redact_with("encrypted_empty_user.pdf", &PdfOptions::default()).unwrap();
    let text = pdftotext(&out.bytes);
    assert!(
        !text.contains("j.devries@example.nl") && text.contains("Mail") && text.contains("nu."),
        "{text}"
    );
}

#[test]
fn broken_input_is_an_error_not_a_panic() {
    let r = redactor();
    let k = key();
    let run = |bytes: &[u8]| pdf::redact(&r, bytes, "x.pdf", &k, &PdfOptions::default());
    assert!(matches!(run(b""), Err(PdfError::Unreadable(_))));
    assert!(run(b"%PDF-1.7\nnonsense").is_err());
    let good = fixture("kerned_tj.pdf");
    assert!(run(&good[..good.len() / 3]).is_err());
}

/// Deterministic pseudo-random corruptions of every fixture (bytes changed, truncation, a
/// range cut out): each run ends in a result, never a panic.
#[test]
fn corrupted_fixtures_never_panic() {
    let r = redactor();
    let k = key();
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dir = std::fs::read_dir(pdf_support::fixture_path("")).unwrap();
    let mut names: Vec<_> = dir
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    for name in names {
        let original = fixture(&name);
        for round in 0..12 {
            let mut bytes = original.clone();
            match round % 3 {
                0 => {
                    for _ in 0..4 {
                        let i = (next() as usize) % bytes.len();
                        bytes[i] = next() as u8;
                    }
                }
                1 => bytes.truncate((next() as usize) % bytes.len()),
                _ => {
                    let i = (next() as usize) % bytes.len();
                    let len = ((next() as usize) % 64).min(bytes.len() - i);
                    bytes.drain(i..i + len);
                }
            }
            let result = std::panic::catch_unwind(|| {
                pdf::redact(&r, &bytes, &name, &k, &PdfOptions::default())
            });
            assert!(result.is_ok(), "{name}, round {round}: panicked");
        }
    }
}

#[test]
fn a_failed_document_leaves_no_output_and_is_reported() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    for name in ["type3.pdf", "kerned_tj.pdf"] {
        std::fs::copy(pdf_support::fixture_path(name), input.path().join(name)).unwrap();
    }
    let options = BatchOptions {
        jobs: 1,
        ..BatchOptions::new(key())
    };
    let report = batch::redact(
        &redactor(),
        &[input.path().to_path_buf()],
        out.path(),
        &options,
    )
    .unwrap();
    assert_eq!((report.failed, report.redacted), (1, 1));
    assert!(!out.path().join("type3.pdf").exists());
    assert!(out.path().join("kerned_tj.pdf").exists());
    let summary = std::fs::read_to_string(out.path().join("summary.json")).unwrap();
    assert!(
        summary.contains("needs manual review: page 1, font"),
        "{summary}"
    );
    assert!(
        summary.contains("\"removals_per_page\":{\"1\":2}"),
        "{summary}"
    );
    let audit = std::fs::read_to_string(out.path().join("audit.jsonl")).unwrap();
    assert_eq!(audit.lines().count(), 2);
    assert!(!audit.contains("devries") && !summary.contains("devries"));
}
