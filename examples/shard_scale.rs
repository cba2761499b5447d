//! The reduce step of a sharded run at scale: 1 million synthetic person mentions in 100
//! scan shards (10,000 each, drawn with repeats from a skewed population, as names recur in
//! a real batch), each shard's people sorted and without repeats as pass 1 writes them; then
//! the reduce merge, in a child process of its own so its peak memory is its own.
//!
//! ```sh
//! cargo run --release --example shard_scale [MENTIONS] [SHARDS]
//! ```

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

type Person = (Option<String>, Option<String>, Option<String>);

fn person(id: u64) -> Person {
    (
        Some(format!("achternaam{id}")),
        (!id.is_multiple_of(3)).then(|| format!("voornaam{}", id % 997)),
        id.is_multiple_of(2)
            .then(|| format!("{}", (b'a' + (id % 26) as u8) as char)),
    )
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn generate(dir: &Path, mentions: usize, shards: usize) -> Vec<PathBuf> {
    let mut rng = Rng(15);
    let per_shard = mentions / shards;
    let mut paths = Vec::new();
    for k in 0..shards {
        let mut people = BTreeSet::new();
        for _ in 0..per_shard {
            // Skewed: small ids (common names) far more often than large ones.
            let bound = rng.next() % 400_000 + 1;
            people.insert(person(rng.next() % bound));
        }
        let path = dir.join(format!("shard-{k:05}.people.jsonl"));
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for p in &people {
            writeln!(w, "{}", serde_json::to_string(p).unwrap()).unwrap();
        }
        paths.push(path);
    }
    paths
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--reduce") {
        // The child: the reduce merge alone.
        let dir = PathBuf::from(&args[2]);
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".people.jsonl"))
            .collect();
        inputs.sort();
        let started = Instant::now();
        let (people, bytes) = woo_redact::shard::merge_people_files(
            &inputs,
            &dir.join("work"),
            &dir.join("people.jsonl"),
        )
        .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "reduce: {} shard files -> {people} people, state {bytes} bytes ({:.1} MB), \
             {seconds:.2} s, peak memory {} KiB",
            inputs.len(),
            bytes as f64 / 1e6,
            peak_memory_kib().unwrap_or(0)
        );
        return;
    }
    let mentions: usize = args.get(1).map_or(1_000_000, |a| a.parse().unwrap());
    let shards: usize = args.get(2).map_or(100, |a| a.parse().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let paths = generate(dir.path(), mentions, shards);
    let lines: usize = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap().lines().count())
        .sum();
    let size: u64 = paths.iter().map(|p| p.metadata().unwrap().len()).sum();
    println!(
        "pass 1: {mentions} mentions in {shards} shards -> {lines} shard people lines \
         ({:.1} MB), {:.2} s",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--reduce")
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
}
