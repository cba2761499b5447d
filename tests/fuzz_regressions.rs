//! Inputs on which a fuzzer once crashed, hung or ran out of memory, kept under
//! `tests/fuzz_regressions/<target>/` and run through the same harness as the `cargo fuzz`
//! targets (`fuzz/src/lib.rs`). Each must now finish without a panic: the document fails
//! cleanly with an error, or succeeds with the harness's invariants holding. The generated
//! fuzz seeds run too, so that each harness is known to pass on good documents.

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
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_regressions")
            .join(target),
    )
}

/// The files in a directory, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
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
    let all = ["text_pipeline", "pdf_load", "pdf_redact", "pdf_content"].map(|t| inputs(t).len());
    assert!(
        all.iter().sum::<usize>() > 0,
        "no inputs under tests/fuzz_regressions"
    );
}

/// Runs the committed inputs of `target`, then the generated fuzz seeds of its kind (`seeds`,
/// under `fuzz/seeds/`), which must pass the harness's invariants too.
fn run(target: &str, seeds: &str, harness: fn(&[u8])) {
    let seeds = files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds")
            .join(seeds),
    );
    assert!(!seeds.is_empty(), "no fuzz seeds for {target}");
    let mut failures = Vec::new();
    for path in inputs(target).into_iter().chain(seeds) {
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
    run("text_pipeline", "text", harness::text_pipeline);
}

#[test]
fn pdf_load() {
    run("pdf_load", "pdf", harness::pdf_load);
}

#[test]
fn pdf_redact() {
    run("pdf_redact", "pdf", harness::pdf_redact);
}

#[test]
fn pdf_content() {
    run("pdf_content", "content", harness::pdf_content);
}

#[test]
fn eml_redact() {
    run("eml_redact", "eml", harness::eml_redact);
}

#[test]
fn docx_redact() {
    run("docx_redact", "docx", harness::docx_redact);
}

#[test]
fn msg_redact() {
    run("msg_redact", "msg", harness::msg_redact);
}
