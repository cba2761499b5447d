//! The real batch path on many small documents: files on disk, read, redacted, written
//! atomically with the journal, `audit.jsonl` and `summary.json`, as `woo-redact redact`
//! does, on one thread and on all cores; and detection alone over the same texts. About
//! 4,000 generated documents of a kilobyte or so (4 MB) with a staff list of 2,000 people.
//! Reported as MB/s (criterion's `Throughput::Bytes`). The temporary folder (`TMPDIR`) decides
//! the file system measured: a disk, or tmpfs.
//!
//! Run with `cargo bench --bench batch`.

#[path = "../tests/support/corpus.rs"]
mod corpus;
#[path = "support/small_batch.rs"]
mod small_batch;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use woo_redact::DigestKey;
use woo_redact::batch::{self, BatchOptions};

fn batch_path(c: &mut Criterion) {
    let small = small_batch::SmallBatch::new(2026, 2_000, 4_000_000);
    let mut group = c.benchmark_group("small documents");
    group.throughput(Throughput::Bytes(small.bytes() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("detection, 1 thread", |b| {
        b.iter(|| {
            for text in &small.texts {
                black_box(small.redactor.scan(text));
            }
        })
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let key = DigestKey::from_material(b"benchmark key material").expect("a key");
    let inputs = [small.docs()];
    for threads in [1, cores] {
        let options = BatchOptions {
            jobs: threads,
            ..BatchOptions::new(key.clone())
        };
        group.bench_function(format!("batch on disk, {threads} thread(s)"), |b| {
            b.iter_batched(
                || small.out("out"),
                |out| {
                    let report = batch::redact(&small.redactor, &inputs, &out, &options)
                        .expect("the batch runs");
                    assert_eq!(report.failed, 0);
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, batch_path);
criterion_main!(benches);
