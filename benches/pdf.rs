//! PDF redaction throughput in pages per second: parse, detect, rewrite, save and verify a
//! generated 200-page text-heavy document, on one thread and on all cores.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use rayon::prelude::*;
use woo_redact::pdf::{self, PdfOptions};
use woo_redact::{DigestKey, Lists, Policy, Redactor};

const PAGES: usize = 200;
const LINES: usize = 48;

/// A 200-page memo in Helvetica: 48 lines a page, a few of them with an e-mail address, a
/// phone number or an IBAN.
fn document() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for p in 0..PAGES {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![56.into(), 780.into()]),
        ];
        for l in 0..LINES {
            let line = match l % 16 {
                3 => format!(
                    "Neem contact op met medewerker{p}.{l}@example.nl voor vragen over dit besluit."
                ),
                7 => format!(
                    "Telefonisch bereikbaar op 06-{:08} op werkdagen tussen negen en vijf uur.",
                    10_000_000 + p * 100 + l
                ),
                11 => "Het bedrag wordt overgemaakt naar NL91ABNA0417164300 binnen dertig dagen."
                    .to_string(),
                _ => format!(
                    "Regel {l} van pagina {p}: de minister heeft op grond van de Wet open overheid besloten tot openbaarmaking."
                ),
            };
            ops.push(Operation::new("Tj", vec![Object::string_literal(line)]));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }
            .encode()
            .expect("content encodes");
        let mut stream = Stream::new(dictionary! {}, content);
        stream.compress().expect("compresses");
        let content = doc.add_object(stream);
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
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
    let bytes = document();
    let redactor = Redactor::new(Policy::default(), &Lists::default()).expect("redactor");
    let key = DigestKey::from_material(b"benchmark key material").expect("key");
    let options = PdfOptions::default();
    let redact = |b: &[u8]| pdf::redact(&redactor, b, "memo.pdf", &key, &options).expect("redacts");
    let out = redact(&bytes);
    assert_eq!(out.report.pages as usize, PAGES);
    assert_eq!(out.records.len(), PAGES * 9);

    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.throughput(Throughput::Elements(PAGES as u64));
    group.bench_function("redact 200 pages, 1 thread", |b| b.iter(|| redact(&bytes)));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let copies = vec![bytes.clone(); threads];
    group.throughput(Throughput::Elements((PAGES * threads) as u64));
    group.bench_function(
        format!("redact {threads} x 200 pages, {threads} threads"),
        |b| b.iter(|| copies.par_iter().map(|d| redact(d)).count()),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
