//! Scanned pages, one thread:
//!
//! - pixel redaction: a 20-page document of 200-dpi grey A4 scans (1654 × 2339 pixels, Flate)
//!   under an invisible OCR text layer holding names, e-mail addresses and phone numbers; each
//!   page is parsed, scanned, its image decoded, blanked under 9 removals, encoded, written
//!   and decoded again for verification; no OCR;
//! - OCR throughput: an image-only page (fixtures/scan/image_only.pdf, 875 × 625 pixels)
//!   recognised with Tesseract and redacted; skipped when Tesseract is not installed.

use std::io::Write as _;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use woo_redact::pdf::{self, OcrOptions, PdfOptions};
use woo_redact::{DigestKey, Lists, Policy, Redactor};

const PAGES: usize = 20;
const WIDTH: usize = 1654;
const HEIGHT: usize = 2339;
/// Points per pixel at 200 dpi.
const PT: f64 = 72.0 / 200.0;
const LINES: usize = 40;

/// A grey page that compresses like a scan (about 7 % of its raw size, as 200-dpi grey
/// scans do): white paper with sparse specks, and lines of glyph-like strokes.
fn page_image(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    let hash = |v: usize| (v.wrapping_mul(2_654_435_761) >> 7) % 1024;
    let mut pixels = vec![255u8; WIDTH * HEIGHT];
    for (i, p) in pixels.iter_mut().enumerate() {
        let (x, y) = (i % WIDTH, i / WIDTH);
        let band = y.saturating_sub(200);
        let (line, dy) = (band / 52, band % 52);
        let cell = x / 18;
        let h = hash(cell * 131 + line * 7 + seed as usize);
        let in_text = y >= 200 && line < LINES && dy < 28 && (150..1500).contains(&x);
        let stroke =
            (x % 18).wrapping_sub(h % 12) < 3 || (dy.wrapping_sub(h % 24) < 3 && x % 18 < 14);
        *p = if in_text && stroke && h % 9 != 0 {
            (20 + next() % 40) as u8
        } else if next() % 61 == 0 {
            (200 + next() % 50) as u8
        } else {
            255
        };
    }
    pixels
}

fn document() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let (w, h) = (WIDTH as f64 * PT, HEIGHT as f64 * PT);
    let mut kids = Vec::new();
    for p in 0..PAGES {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(6));
        encoder
            .write_all(&page_image(p as u32))
            .expect("compresses");
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => WIDTH as i64,
                "Height" => HEIGHT as i64, "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8, "Filter" => "FlateDecode",
            },
            encoder.finish().expect("compresses"),
        ));
        let mut ops = vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![w.into(), 0.into(), 0.into(), h.into(), 0.into(), 0.into()],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
            Operation::new("BT", vec![]),
            Operation::new("Tr", vec![3.into()]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("TL", vec![(52.0 * PT).into()]),
            Operation::new("Td", vec![(150.0 * PT).into(), (h - 224.0 * PT).into()]),
        ];
        for l in 0..LINES {
            let line = match l % 13 {
                2 => format!("Van: Jan de Vries <medewerker{p}.{l}@example.nl>"),
                6 => format!(
                    "Bel mij op 06-{:08} voor vragen over dit besluit.",
                    10_000_000 + p * 100 + l
                ),
                10 => "Met vriendelijke groet, Pieter Jansen, Directie Wetgeving".to_string(),
                _ => format!(
                    "Regel {l} van pagina {p}: de minister heeft besloten tot openbaarmaking."
                ),
            };
            ops.push(Operation::new("Tj", vec![Object::string_literal(line)]));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = doc.add_object(Stream::new(
            dictionary! {},
            Content { operations: ops }.encode().expect("encodes"),
        ));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), w.into(), h.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font },
                "XObject" => dictionary! { "Im1" => image },
            },
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => PAGES as i64 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

fn bench(c: &mut Criterion) {
    let redactor = Redactor::new(Policy::default(), &Lists::default()).expect("redactor");
    let key = DigestKey::from_material(b"benchmark key material").expect("key");
    let bytes = document();
    eprintln!(
        "scan input: {} pages, {} KiB ({:.1} % of the raw samples)",
        PAGES,
        bytes.len() >> 10,
        100.0 * bytes.len() as f64 / (PAGES * WIDTH * HEIGHT) as f64
    );
    let no_ocr = PdfOptions {
        ocr: OcrOptions::off(),
        ..PdfOptions::default()
    };
    let redact =
        |b: &[u8], o: &PdfOptions| pdf::redact(&redactor, b, "scan.pdf", &key, o).expect("redacts");
    let out = redact(&bytes, &no_ocr);
    let blanked: usize = out
        .report
        .image_pages
        .iter()
        .map(|p| p.regions_blanked)
        .sum();
    assert!(blanked >= PAGES * 9, "{blanked} regions blanked");

    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    group.throughput(Throughput::Elements(PAGES as u64));
    group.bench_function("pixel redaction, 20 pages 200 dpi grey, 1 thread", |b| {
        b.iter(|| redact(&bytes, &no_ocr))
    });
    let ocr = OcrOptions::auto();
    if ocr.engine.is_some() {
        let page = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/scan/image_only.pdf"
        ))
        .expect("fixture");
        let with_ocr = PdfOptions {
            ocr,
            ..PdfOptions::default()
        };
        group.throughput(Throughput::Elements(1));
        group.bench_function("OCR and redact an image-only page, 1 thread", |b| {
            b.iter(|| redact(&page, &with_ocr))
        });
    } else {
        eprintln!("tesseract-ocr-nld is not installed: no OCR figure");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
