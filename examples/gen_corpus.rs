//! Writes a synthetic evaluation corpus with gold annotations, in the layout of
//! `../shared/eval/dev-text` (so `python3 ../shared/eval/score.py <out_dir> <pred.jsonl>` works).
//!
//! ```text
//! cargo run --release --example gen_corpus -- <out_dir> [--docs N] [--seed S] [--staff N]
//! ```
//!
//! Defaults: 300 documents, seed 7, 500 people in the staff directory. Prints the number of
//! documents per kind and of gold items per category and `who`.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use corpus::{Rng, World};

const USAGE: &str =
    "usage: gen_corpus <out_dir> [--docs N] [--seed S] [--staff N]  (defaults: 300, 7, 500)";

struct Args {
    out: PathBuf,
    docs: usize,
    seed: u64,
    staff: usize,
}

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut out = None;
    let (mut docs, mut seed, mut staff) = (300usize, 7u64, 500usize);
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match a.as_str() {
            "--docs" => docs = num("--docs")? as usize,
            "--seed" => seed = num("--seed")?,
            "--staff" => staff = num("--staff")? as usize,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s if out.is_none() => out = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    Ok(Args {
        out: out.ok_or("missing <out_dir>")?,
        docs,
        seed,
        staff,
    })
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let world = World::new(args.seed, args.staff);
    // The documents get their own stream, so the world's size does not shift them.
    let mut rng = Rng::new(args.seed).fork();
    let docs = corpus::corpus(&world, &mut rng, args.docs);
    if let Err(e) = corpus::write_corpus(&args.out, &world, &docs) {
        eprintln!("gen_corpus: writing {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }

    let mut kinds = BTreeMap::new();
    let mut items = BTreeMap::new();
    let mut keeps = BTreeMap::new();
    let mut bytes = 0;
    for d in &docs {
        *kinds.entry(d.kind.as_str()).or_insert(0) += 1;
        bytes += d.text.len();
        for it in &d.redact {
            let key = match it.who {
                Some(w) => format!("{}:{}", it.category.as_str(), w.as_str()),
                None => it.category.as_str().to_string(),
            };
            *items.entry(key).or_insert(0) += 1;
        }
        for k in &d.keep {
            *keeps.entry(k.kind.as_str()).or_insert(0) += 1;
        }
    }
    println!(
        "{} documents ({bytes} bytes), organisation {}, {} staff, seed {} -> {}",
        docs.len(),
        world.org.name,
        world.staff.len(),
        args.seed,
        args.out.display()
    );
    println!("documents per kind:");
    for (k, n) in &kinds {
        println!("  {k:20} {n:6}");
    }
    println!("gold redact items per category[:who]:");
    for (k, n) in &items {
        println!("  {k:20} {n:6}");
    }
    println!("gold keep items per kind:");
    for (k, n) in &keeps {
        println!("  {k:20} {n:6}");
    }
    ExitCode::SUCCESS
}
