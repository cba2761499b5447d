//! Text throughput: scan-and-redact on one thread, and batches on one thread and on all
//! cores, over about 10 MB of generated Dutch government documents with a staff directory of
//! 10,000 people. Reported as MB/s (criterion's `Throughput::Bytes`).
//!
//! Run with `cargo bench --bench throughput`.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use woo_redact::{Lists, Policy, Redactor, StaffDirectory, lists::parse_lines};

const CORPUS_BYTES: usize = 10_000_000;
const STAFF: usize = 10_000;

fn redactor(world: &corpus::World, policy: Policy) -> Redactor {
    let lists = Lists {
        staff: StaffDirectory::from_csv(corpus::staff_csv(world).as_bytes())
            .expect("generated CSV parses"),
        public: parse_lines(&corpus::public_txt(world)),
        keep: parse_lines(&corpus::keep_txt(world)),
    };
    Redactor::new(policy, &lists).expect("generated lists compile")
}

fn throughput(c: &mut Criterion) {
    let (world, docs) = corpus::corpus_of_size(2026, STAFF, CORPUS_BYTES);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let directory_only =
        Policy::from_json(r#"{"names": {"context_detection": false}}"#).expect("valid policy");
    let variants = [
        ("names from context", Policy::default()),
        ("directory names only", directory_only),
    ];

    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (name, policy) in variants {
        let redactor = redactor(&world, policy);
        group.bench_function(format!("scan and redact, 1 thread, {name}"), |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(redactor.redact(text).expect("generated documents verify"));
                }
            })
        });
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for threads in [1, cores] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            group.bench_function(format!("batch, {threads} thread(s), {name}"), |b| {
                b.iter(|| pool.install(|| black_box(redactor.redact_all(&texts))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
