//! Helpers for the PDF integration tests: fixtures, a redactor, and poppler's `pdftotext` and
//! `qpdf` as independent oracles (CI installs poppler-utils and qpdf; a missing tool fails
//! the test).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use woo_redact::pdf::{self, PdfOptions, PdfRedaction};
use woo_redact::{DigestKey, Lists, Policy, Redactor};

/// The keep list used by the tests: the organisation's own address and mailbox.
pub const KEEP: [&str; 3] = ["woo@voorbeeld.nl", "Postbus 100", "2500 AA Den Haag"];

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf")
        .join(name)
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

pub fn redactor() -> Redactor {
    let lists = Lists {
        keep: KEEP.iter().map(|s| s.to_string()).collect(),
        ..Lists::default()
    };
    Redactor::new(Policy::default(), &lists).expect("redactor")
}

pub fn key() -> DigestKey {
    DigestKey::from_material(b"pdf integration test key").expect("key")
}

/// Redacts a fixture; panics with the error if it fails.
pub fn redact(name: &str) -> PdfRedaction {
    redact_with(name, &PdfOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn redact_with(name: &str, options: &PdfOptions) -> Result<PdfRedaction, pdf::PdfError> {
    pdf::redact(&redactor(), &fixture(name), name, &key(), options)
}

fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    std::fs::write(file.path(), bytes).expect("write temp file");
    file
}

fn run(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` is needed for the PDF tests (apt-get install poppler-utils qpdf): {e}")
    })
}

/// The text poppler extracts, white space folded to single spaces.
pub fn pdftotext(bytes: &[u8]) -> String {
    let file = temp_pdf(bytes);
    let out = run(
        "pdftotext",
        &["-enc", "UTF-8", file.path().to_str().unwrap(), "-"],
    );
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    fold(&String::from_utf8_lossy(&out.stdout))
}

pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `qpdf --check` finds no errors or warnings.
pub fn qpdf_check(bytes: &[u8]) {
    let file = temp_pdf(bytes);
    let out = run("qpdf", &["--check", file.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "qpdf --check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every object of the file, streams decompressed, as qpdf writes it in QDF form.
pub fn raw_objects(bytes: &[u8]) -> String {
    let file = temp_pdf(bytes);
    let out = run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            "--decode-level=all",
            file.path().to_str().unwrap(),
            "-",
        ],
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words with their boxes as poppler sees them: `(word, [x0, y0, x1, y1])` per page.
pub fn words(bytes: &[u8]) -> Vec<(String, [f64; 4])> {
    let file = temp_pdf(bytes);
    let out = run("pdftotext", &["-bbox", file.path().to_str().unwrap(), "-"]);
    let html = String::from_utf8_lossy(&out.stdout);
    let mut words = Vec::new();
    for part in html.split("<word ").skip(1) {
        let attr = |name: &str| -> f64 {
            let start = part.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            part[start..]
                .split('"')
                .next()
                .unwrap()
                .parse()
                .expect("number")
        };
        let text = part.split('>').nth(1).unwrap().split('<').next().unwrap();
        words.push((
            text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">"),
            [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")],
        ));
    }
    words
}

/// Asserts that none of `removed` is in `text` and all of `kept` are.
pub fn assert_text(text: &str, removed: &[&str], kept: &[&str]) {
    for r in removed {
        assert!(!text.contains(r), "removed text `{r}` is still in: {text}");
    }
    for k in kept {
        assert!(text.contains(k), "kept text `{k}` is missing from: {text}");
    }
}

/// Asserts that every word of the input that is still in the output is where it was.
pub fn assert_kept_words_in_place(input: &[u8], output: &[u8]) {
    let after = words(output);
    let mut checked = 0;
    for (word, bbox) in words(input) {
        let same: Vec<&[f64; 4]> = after
            .iter()
            .filter(|(w, _)| *w == word)
            .map(|(_, b)| b)
            .collect();
        if same.is_empty() {
            continue;
        }
        checked += 1;
        assert!(
            same.iter()
                .any(|b| b.iter().zip(&bbox).all(|(a, b)| (a - b).abs() < 0.01)),
            "`{word}` moved from {bbox:?} to {same:?}"
        );
    }
    assert!(checked > 0, "no kept words to compare");
}

/// The full check of a redaction: poppler no longer sees the removed strings but sees the
/// kept ones, the raw objects hold none of the removed strings, qpdf finds no errors, and
/// kept words did not move.
pub fn check(name: &str, removed: &[&str], kept: &[&str]) -> PdfRedaction {
    let input = fixture(name);
    let before = pdftotext(&input);
    for r in removed.iter().chain(kept) {
        assert!(before.contains(r), "{name}: fixture lacks `{r}`: {before}");
    }
    let out = redact(name);
    let after = pdftotext(&out.bytes);
    assert_text(&after, removed, kept);
    let raw = raw_objects(&out.bytes);
    for r in removed {
        assert!(!raw.contains(r), "{name}: `{r}` is still in a raw object");
    }
    qpdf_check(&out.bytes);
    assert_kept_words_in_place(&input, &out.bytes);
    out
}

/// The number of images poppler finds.
pub fn image_count(bytes: &[u8]) -> usize {
    let file = temp_pdf(bytes);
    let out = run("pdfimages", &["-list", file.path().to_str().unwrap()]);
    String::from_utf8_lossy(&out.stdout).lines().skip(2).count()
}
