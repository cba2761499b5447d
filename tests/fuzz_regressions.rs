//! Inputs on which a fuzzer once crashed, hung or ran out of memory, kept under
//! `tests/fuzz_regressions/<target>/` and run through the same harness as the `cargo fuzz`
//! targets (`fuzz/src/lib.rs`). Each must now finish without a panic: the document fails
//! cleanly with an error, or succeeds with the harness's invariants holding.

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Far above what any committed input takes, even unoptimised: a hang found by the fuzzer
/// (at `-timeout=10`, optimised) must have become fast, not merely finite.
const LIMIT: Duration = Duration::from_secs(60);

/// The committed inputs of a target, sorted; none when the target has found nothing.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

#[test]
fn the_inputs_are_found() {
    let all = ["text_pipeline", "pdf_load", "pdf_redact"].map(|t| inputs(t).len());
    assert!(
        all.iter().sum::<usize>() > 0,
        "no inputs under tests/fuzz_regressions"
    );
}

fn run(target: &str, harness: fn(&[u8])) {
    let mut failures = Vec::new();
    for path in inputs(target) {
        let bytes = std::fs::read(&path).expect("read input");
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| harness(&bytes)));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match outcome {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(()) if started.elapsed() > LIMIT => {
                failures.push(format!("{name}: took {:?}", started.elapsed()))
            }
            Ok(()) => {}
        }
    }
    assert!(failures.is_empty(), "{target}: {failures:#?}");
}

#[test]
fn text_pipeline() {
    run("text_pipeline", harness::text_pipeline);
}

#[test]
fn pdf_load() {
    run("pdf_load", harness::pdf_load);
}

#[test]
fn pdf_redact() {
    run("pdf_redact", harness::pdf_redact);
}
