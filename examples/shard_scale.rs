//! The reduce step of a sharded run at scale: 1 million synthetic person mentions in 100
//! scan shards (10,000 each, drawn with repeats from a skewed population, as names recur in
//! a real batch), each shard's people sorted and without repeats as pass 1 writes them; and
//! 200,000 synthetic documents (exact copies, near copies, mails and replies among them)
//! whose facts and shingle files are pass 1's own lines. Then the reduce (the people merge
//! and the duplicate groups), in a child process of its own so its peak memory is its own.
//!
//! ```sh
//! cargo run --release --example shard_scale [MENTIONS] [SHARDS] [DOCUMENTS]
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

/// A synthetic text: `words` words from a vocabulary of 20,000, common words far more often.
fn text(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        let bound = rng.next() % 20_000 + 1;
        out.push_str(&format!("woord{}", rng.next() % bound));
        out.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    out
}

/// The documents' texts: 10 % exact copies of an earlier one, 5 % near copies (a word
/// changed), 15 % mails (a third of them replies quoting an earlier mail), the rest new.
fn texts(documents: usize) -> Vec<String> {
    let mut rng = Rng(5);
    let mut texts: Vec<String> = Vec::with_capacity(documents);
    let mut mails: Vec<usize> = Vec::new();
    for seq in 0..documents {
        let roll = rng.next() % 100;
        let earlier = (seq > 0).then(|| (rng.next() % seq as u64) as usize);
        let words = 60 + (rng.next() % 180) as usize;
        let text = match (roll, earlier) {
            (0..10, Some(e)) => texts[e].clone(),
            (10..15, Some(e)) => {
                let mut words: Vec<&str> = texts[e].split(' ').collect();
                let at = (rng.next() % words.len() as u64) as usize;
                words[at] = "gewijzigd";
                words.join(" ")
            }
            (15..30, _) => {
                let subject = rng.next() % 5_000;
                let body = text(&mut rng, words / 4);
                let quoted = match mails.last() {
                    Some(_) if roll < 20 => {
                        let m = mails[(rng.next() % mails.len() as u64) as usize];
                        format!("\n-----Oorspronkelijk bericht-----\n{}", texts[m])
                    }
                    _ => String::new(),
                };
                mails.push(seq);
                format!(
                    "Van: afzender\nAan: ontvanger\nOnderwerp: RE: zaak {subject}\n\n{body}{quoted}"
                )
            }
            _ => text(&mut rng, words),
        };
        texts.push(text);
    }
    texts
}

/// Pass 1's facts and shingle files of the synthetic documents, contiguous ranges per
/// shard; returns their sizes.
fn documents_facts(dir: &Path, documents: usize, shards: usize) -> (u64, u64) {
    use rayon::prelude::*;
    let texts = texts(documents);
    let (mut facts_size, mut shingles_size) = (0, 0);
    for k in 0..shards {
        let range = k * documents / shards..(k + 1) * documents / shards;
        let lines: Vec<(String, Option<String>)> = range
            .into_par_iter()
            .map(|seq| woo_redact::shard::text_facts(seq, &texts[seq]))
            .collect();
        let mut facts = String::new();
        let mut shingles = String::new();
        for (fact, side) in lines {
            facts += &(fact + "\n");
            if let Some(side) = side {
                shingles += &(side + "\n");
            }
        }
        facts_size += facts.len() as u64;
        shingles_size += shingles.len() as u64;
        std::fs::write(dir.join(format!("shard-{k:05}.facts.jsonl")), facts).unwrap();
        std::fs::write(dir.join(format!("shard-{k:05}.shingles.jsonl")), shingles).unwrap();
    }
    (facts_size, shingles_size)
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
        // Each shard's facts and shingle files, beside its people file.
        let signatures: Vec<(PathBuf, PathBuf)> = inputs
            .iter()
            .map(|p| {
                let shard = p.to_string_lossy().replace(".people.jsonl", "");
                let file = |what: &str| PathBuf::from(format!("{shard}.{what}.jsonl"));
                (file("facts"), file("shingles"))
            })
            .collect();
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
        let started = Instant::now();
        let groups = woo_redact::shard::group_files(&signatures, &dir.join("work")).unwrap();
        println!(
            "reduce: {} facts files -> {} exact-duplicate groups ({} duplicates), {} \
             near-duplicate groups, {} threads, {} bytes ({:.1} MB), {:.2} s, peak memory {} KiB",
            signatures.len(),
            groups.duplicate_groups,
            groups.duplicates,
            groups.near_groups,
            groups.threads,
            groups.bytes,
            groups.bytes as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            peak_memory_kib().unwrap_or(0)
        );
        return;
    }
    let mentions: usize = args.get(1).map_or(1_000_000, |a| a.parse().unwrap());
    let shards: usize = args.get(2).map_or(100, |a| a.parse().unwrap());
    let documents: usize = args.get(3).map_or(mentions / 5, |a| a.parse().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (facts, shingles) = documents_facts(dir.path(), documents, shards);
    println!(
        "pass 1: {documents} documents in {shards} shards -> facts {:.1} MB, shingles {:.1} MB, \
         {:.2} s",
        facts as f64 / 1e6,
        shingles as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
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
