//! Detection alone over a folder of text documents with its lists, for profiling:
//! `cargo run --release --example scan_folder -- SET [ROUNDS]`, where SET holds `docs/` and
//! optionally `staff.csv`, `public.txt` and `keep.txt` (the layout of the development sets).
//! Prints MB/s on one thread and the number of removals. Under
//! `valgrind --tool=callgrind --toggle-collect=scan_folder::scan_all` it gives repeatable
//! instruction counts.

use std::path::{Path, PathBuf};
use std::time::Instant;

use woo_redact::{Lists, Policy, Redactor};

fn main() {
    let mut args = std::env::args().skip(1);
    let set = PathBuf::from(args.next().expect("usage: scan_folder SET [ROUNDS]"));
    let rounds: usize = args.next().map_or(1, |r| r.parse().expect("ROUNDS"));
    let list = |name: &str| Some(set.join(name)).filter(|p| p.exists());
    let lists = Lists::from_files(
        list("staff.csv").as_deref(),
        list("public.txt").as_deref(),
        list("keep.txt").as_deref(),
    )
    .expect("lists");
    let redactor = Redactor::new(Policy::default(), &lists).expect("redactor");
    let texts = read_texts(&set.join("docs"));
    let bytes: usize = texts.iter().map(String::len).sum();
    // One round first, so that lazily built tables are not counted.
    for text in &texts {
        redactor.scan(text);
    }
    let t = Instant::now();
    let mut removals = 0;
    for _ in 0..rounds {
        removals += scan_all(&redactor, &texts);
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} documents, {bytes} bytes, {rounds} rounds: {:.2} MB/s, {removals} removals",
        texts.len(),
        (bytes * rounds) as f64 / secs / 1e6
    );
}

/// Scans every text once; returns the number of removals. (Callgrind can collect from here:
/// `--toggle-collect=scan_folder::scan_all`.)
#[inline(never)]
fn scan_all(redactor: &Redactor, texts: &[String]) -> usize {
    texts.iter().map(|t| redactor.scan(t).removals.len()).sum()
}

fn read_texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("docs folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 text"))
        .collect()
}
