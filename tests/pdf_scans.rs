//! Scanned pages (fixtures/scan, made by fixtures/scan/generate.py), checked the way a
//! person extracts data: every image of the output is taken out with poppler's `pdfimages`
//! and read with `tesseract -l nld`, and the text layer with `pdftotext`. CI installs
//! poppler-utils, tesseract-ocr and tesseract-ocr-nld; a missing tool fails the test.

use crate::pdf_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use pdf_support::{key, redactor};
use woo_redact::pdf::{self, OcrOptions, PdfError, PdfOptions, PdfRedaction};

/// What the letter in every fixture says about people: none of it may be readable after.
const SECRETS: [&str; 5] = [
    "jan de vries",
    "06-12345678",
    "j.devries@example.nl",
    "bakker",
    "pieter jansen",
];

fn scan_fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/scan")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn with_ocr() -> PdfOptions {
    let ocr = OcrOptions::auto();
    assert!(
        ocr.engine.is_some(),
        "these tests need tesseract with Dutch data (apt-get install tesseract-ocr-nld)"
    );
    PdfOptions {
        ocr,
        ..PdfOptions::default()
    }
}

fn redact(name: &str, options: &PdfOptions) -> Result<PdfRedaction, PdfError> {
    pdf::redact(&redactor(), &scan_fixture(name), name, &key(), options)
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A fresh directory under the target directory.
fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scans-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("work dir");
    dir
}

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd
        .env("OMP_THREAD_LIMIT", "1")
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (install poppler-utils and tesseract-ocr-nld)"));
    assert!(out.status.success(), "{cmd:?} failed");
    out.stdout
}

/// The images of a PDF as `pdfimages` extracts them (PGM/PBM/PPM files).
fn extract_images(pdf: &[u8], name: &str) -> Vec<PathBuf> {
    let dir = work_dir(name);
    let file = dir.join("out.pdf");
    std::fs::write(&file, pdf).expect("write");
    run(Command::new("pdfimages").arg(&file).arg(dir.join("img")));
    let mut images: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("img"))
        })
        .collect();
    images.sort();
    images
}

/// Everything Tesseract reads in the images of a PDF, folded.
fn image_text(pdf: &[u8], name: &str) -> String {
    let mut text = String::new();
    for image in extract_images(pdf, name) {
        let out = run(Command::new("tesseract")
            .arg(&image)
            .args(["-", "-l", "nld"]));
        text.push_str(&String::from_utf8_lossy(&out));
        text.push('\n');
    }
    fold(&text)
}

fn layer_text(pdf: &[u8], name: &str) -> String {
    let dir = work_dir(&format!("{name}-layer"));
    let file = dir.join("out.pdf");
    std::fs::write(&file, pdf).expect("write");
    fold(&String::from_utf8_lossy(&run(Command::new("pdftotext")
        .arg(&file)
        .arg("-"))))
}

/// Redacts a fixture and checks that no secret is readable in its images or text layer,
/// while the date stays readable in the image.
fn assert_redacted(name: &str) -> PdfRedaction {
    let before = image_text(&scan_fixture(name), &format!("{name}-before"));
    assert!(
        SECRETS.iter().all(|s| before.contains(s)),
        "{name}: the fixture shows the secrets: {before}"
    );
    let out = redact(name, &with_ocr()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let after = image_text(&out.bytes, name);
    let layer = layer_text(&out.bytes, name);
    for s in SECRETS {
        assert!(
            !after.contains(s),
            "{name}: `{s}` readable in an image: {after}"
        );
        assert!(
            !layer.contains(s),
            "{name}: `{s}` in the text layer: {layer}"
        );
    }
    assert!(
        after.contains("14 maart 2024"),
        "{name}: kept text lost: {after}"
    );
    let pages = &out.report.image_pages;
    assert_eq!(pages.len(), 1, "{name}");
    assert!(pages[0].regions_blanked >= 5, "{name}: {pages:?}");
    assert_eq!(pages[0].ocr, 1, "{name}: {pages:?}");
    out
}

#[test]
fn a_scan_with_an_ocr_layer_loses_the_pixels_under_every_removal() {
    let out = assert_redacted("ocr_layer.pdf");
    assert!(out.records.len() >= 5);
}

#[test]
fn image_only_scans_are_recognised_and_blanked_in_every_encoding() {
    for name in [
        "image_only.pdf",
        "image_jpeg.pdf",
        "image_ccitt.pdf",
        "image_smask.pdf",
    ] {
        let out = assert_redacted(name);
        // The OCR text stays out of the output.
        let layer = layer_text(&out.bytes, name);
        assert!(!layer.contains("besluit"), "{name}: {layer}");
    }
}

#[test]
fn inline_images_plain_and_filtered_are_rewritten_blanked() {
    for name in ["image_inline.pdf", "inline_filtered.pdf"] {
        let out = redact(name, &with_ocr()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let after = image_text(&out.bytes, name);
        assert!(!after.contains("jan de vries"), "{name}: {after}");
        assert!(
            after.contains("van:") && after.contains("aan:"),
            "{name}: {after}"
        );
        assert!(out.report.image_pages[0].regions_blanked >= 1, "{name}");
    }
}

#[test]
fn what_cannot_be_read_fails_closed_with_page_and_reason() {
    let cases = [
        (
            "jbig2.pdf",
            with_ocr(),
            "page 1: a JBIG2 image cannot be decoded",
        ),
        (
            "image_only.pdf",
            PdfOptions::default(),
            "page 1: scanned page without text: needs OCR (install tesseract-ocr-nld)",
        ),
    ];
    for (name, options, message) in cases {
        let err = redact(name, &options).expect_err(name);
        assert!(err.to_string().contains(message), "{name}: {err}");
    }
}

/// The grey levels of a PGM file.
fn pgm_pixels(path: &Path) -> Vec<u8> {
    let data = std::fs::read(path).expect("image");
    // "P5\nW H\n255\n" then the samples.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    data[at + 1..].to_vec()
}

#[test]
fn a_signature_beside_a_removed_name_goes_with_it_and_a_logo_stays() {
    let out = redact("signature.pdf", &with_ocr()).expect("redacts");
    let signature: Vec<_> = out
        .records
        .iter()
        .filter(|r| r.category.as_str() == "signature")
        .collect();
    assert_eq!(signature.len(), 1, "{:?}", out.records);
    assert_eq!(signature[0].ground.code(), "5.1.2e");
    let page = &out.report.image_pages[0];
    assert_eq!(page.images_removed, 1, "{page:?}");
    assert!(page.images[1].note.contains("shows no text"), "{page:?}");
    assert_eq!(out.report.images_without_text, [1]);
    let images = extract_images(&out.bytes, "signature");
    assert_eq!(images.len(), 2);
    assert!(
        pgm_pixels(&images[0]).iter().all(|&p| p == 255),
        "the signature is blank"
    );
    assert!(
        pgm_pixels(&images[1]).iter().any(|&p| p < 128),
        "the logo is kept"
    );
}

#[test]
fn without_ocr_pictures_are_listed_as_not_inspected() {
    let out = redact("signature.pdf", &PdfOptions::default()).expect("redacts");
    assert_eq!(out.report.images_not_inspected, [1]);
    // The picture above the removed name still goes: it may be a signature.
    assert_eq!(out.report.image_pages[0].images_removed, 1);
    assert!(
        out.report.image_pages[0].images[1]
            .note
            .contains("not inspected")
    );
}

#[test]
fn redacting_a_scan_is_deterministic() {
    let a = redact("image_only.pdf", &with_ocr()).expect("redacts");
    let b = redact("image_only.pdf", &with_ocr()).expect("redacts");
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn the_recognised_text_goes_into_the_output_only_when_asked_without_what_was_removed() {
    let options = PdfOptions {
        ocr_text: true,
        ..with_ocr()
    };
    let out = redact("image_only.pdf", &options).expect("redacts");
    let layer = layer_text(&out.bytes, "ocr-text");
    assert!(
        layer.contains("het besluit volgt op 14 maart 2024"),
        "{layer}"
    );
    for s in SECRETS {
        assert!(!layer.contains(s), "`{s}` in the text layer: {layer}");
    }
}

/// Runs the command line on copies of scan fixtures; returns the exit code, standard error
/// and summary.json.
fn cli(fixtures: &[&str], args: &[&str], name: &str) -> (i32, String, serde_json::Value) {
    let dir = work_dir(&format!("cli-{name}"));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("input dir");
    for f in fixtures {
        std::fs::write(input.join(f), scan_fixture(f)).expect("copy");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_woo-redact"))
        .arg("redact")
        .arg(&input)
        .arg("--out")
        .arg(dir.join("out"))
        .args(args)
        .output()
        .expect("runs");
    let summary = std::fs::read(dir.join("out/summary.json")).expect("summary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        serde_json::from_slice(&summary).expect("json"),
    )
}

#[test]
fn the_command_line_names_images_left_alone_and_fails_scans_it_cannot_read() {
    let (code, stderr, _) = cli(
        &["image_only.pdf", "signature.pdf"],
        &["--no-ocr"],
        "no-ocr",
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "failed: image_only.pdf: needs manual review: page 1: scanned page without text: \
             needs OCR (install tesseract-ocr-nld)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "images not inspected (needs OCR: install tesseract-ocr-nld): signature.pdf: page(s) 1"
        ),
        "{stderr}"
    );
    let (code, stderr, summary) = cli(&["signature.pdf"], &[], "ocr");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("images without text (photos, logos, signatures) left as they were: signature.pdf: page(s) 1"),
        "{stderr}"
    );
    let pages = &summary["documents"][0]["pdf"]["image_pages"][0];
    assert_eq!(pages["images_removed"], 1, "{pages}");
    assert_eq!(pages["ocr"], 2, "{pages}");
}
