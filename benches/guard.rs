//! Throughput guard: a short benchmark that CI runs (`cargo bench --bench guard`, a minute
//! or so after the build) to catch a slow release.
//!
//! It measures, on about 1,000 generated small documents (1 MB) with a staff list:
//!
//! - **detection**: `Redactor::scan` over the texts in memory, one thread, in CPU time;
//! - **batch**: `batch::redact` of the files on disk into a fresh folder, one thread, in wall
//!   time (system calls and syncs count);
//!
//! - **long document**: `Redactor::scan` over the same texts joined into one document, in CPU
//!   time, as a ratio to detection over them one by one: a long document (a thousand-page
//!   PDF's text) must cost what its parts cost apart, never more with each name it holds;
//! - **team lists**: detection with the lists grown to a large organisation's (1,000 more
//!   public officials, 5,000 more keep-list entries), in CPU time, as a ratio to detection
//!   with the small lists: a long list must cost little per text (one regular expression of
//!   a few thousand keep-list entries once made detection forty times slower);
//!
//! each as a ratio to a calibration workload measured in the same run on the same bytes, so
//! that the figures mean the same on another machine. For detection that is a small frozen
//! scanner doing the same kind of work (regex searches, lowercasing, lookups of words in a
//! hash set; CPU time): a calibration of another kind (BLAKE3, which SIMD-wide machines run
//! far faster) moved the ratio by 15% from one machine to the next. For the batch it is
//! detection's own time plus copying the files the way a batch writes its outputs (read,
//! temporary file, rename; wall time), so that the ratio is what the batch path costs beyond
//! detecting and copying. Every workload runs in rounds, interleaved, after warm-up rounds;
//! the best (shortest) time of each is taken: on a shared machine, noise only ever adds time.
//! Ratios more than 20% above the committed baseline (`benches/guard-baseline.json`) fail the
//! run: the best ratio of each over up to three full measurements counts.
//!
//! To accept a new baseline on purpose (a slower but needed detection rule, another
//! calibration), run `WOO_REDACT_GUARD_UPDATE=1 cargo bench --bench guard` and commit the
//! file with the reason in the commit message.

#[path = "../tests/support/corpus.rs"]
mod corpus;
#[path = "support/small_batch.rs"]
mod small_batch;

use std::hint::black_box;
use std::time::{Duration, Instant};

use woo_redact::DigestKey;
use woo_redact::batch::{self, BatchOptions, Reuse};

/// A ratio more than this much above the baseline fails.
const TOLERANCE: f64 = 1.20;
const WARM_UP_ROUNDS: usize = 2;
const ROUNDS: usize = 7;
/// Full measurements before a figure above the tolerance fails the run.
const ATTEMPTS: usize = 3;
const BASELINE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/guard-baseline.json");

/// The processor and core count, for the log: a baseline is measured on one machine.
fn machine() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{model}, {cores} cores")
}

/// CPU time of this process (Linux); wall time elsewhere.
fn cpu_time() -> Duration {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }
    #[cfg(not(target_os = "linux"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed()
    }
}

fn cpu<T>(f: impl FnOnce() -> T) -> f64 {
    let t = cpu_time();
    black_box(f());
    (cpu_time() - t).as_secs_f64()
}

fn wall<T>(f: impl FnOnce() -> T) -> f64 {
    let t = Instant::now();
    black_box(f());
    t.elapsed().as_secs_f64()
}

fn best(xs: Vec<f64>) -> f64 {
    xs.into_iter().fold(f64::INFINITY, f64::min)
}

/// The best times, in seconds, of: calibration (CPU), detection, copy, batch, long document,
/// detection with team-sized lists (`team`).
fn measure(small: &small_batch::SmallBatch, team: &woo_redact::Redactor) -> [f64; 6] {
    let key = DigestKey::from_material(b"guard key material, not secret").expect("a key");
    let options = BatchOptions {
        jobs: 1,
        reuse: Reuse::Overwrite,
        ..BatchOptions::new(key)
    };
    let inputs = [small.docs()];
    let joined = small.texts.join("\n\n");
    let reference = ReferenceScanner::new(&small.texts);
    let mut times: [Vec<f64>; 6] = Default::default();
    for round in 0..WARM_UP_ROUNDS + ROUNDS {
        // Calibration and detection alternate in small slices of the texts, so that a burst
        // of load on the machine falls on both alike.
        let (mut calibration, mut detection, mut team_detection) = (0.0, 0.0, 0.0);
        for slice in small.texts.chunks(16) {
            calibration += cpu(|| slice.iter().map(|t| reference.scan(t)).sum::<usize>());
            detection += cpu(|| {
                for t in slice {
                    black_box(small.redactor.scan(t));
                }
            });
            team_detection += cpu(|| {
                for t in slice {
                    black_box(team.scan(t));
                }
            });
        }
        let copy_out = small.out("copy");
        let copy = wall(|| small_batch::copy_like_a_batch(&inputs[0], &copy_out).expect("copied"));
        let out = small.out("out");
        let batch = wall(|| {
            let report =
                batch::redact(&small.redactor, &inputs, &out, &options).expect("the batch runs");
            assert_eq!(report.failed, 0);
        });
        let long = cpu(|| small.redactor.scan(&joined));
        if round >= WARM_UP_ROUNDS {
            for (v, t) in
                times
                    .iter_mut()
                    .zip([calibration, detection, copy, batch, long, team_detection])
            {
                v.push(t);
            }
        }
    }
    times.map(best)
}

/// The calibration for detection: capitalised words looked up (lowercased) in a set of words,
/// numbers, and e-mail addresses. Frozen: changing it means a new baseline.
struct ReferenceScanner {
    capitalised: regex::Regex,
    numbers: regex::Regex,
    emails: regex::Regex,
    known: std::collections::HashSet<String>,
}

impl ReferenceScanner {
    /// Every third distinct word of the texts, so that about a third of lookups hit.
    fn new(texts: &[String]) -> ReferenceScanner {
        let word = regex::Regex::new(r"\b\p{L}+\b").expect("a regex");
        let mut words: Vec<String> = texts
            .iter()
            .flat_map(|t| word.find_iter(t).map(|m| m.as_str().to_lowercase()))
            .collect();
        words.sort();
        words.dedup();
        ReferenceScanner {
            capitalised: regex::Regex::new(r"\b\p{Lu}[\p{Ll}'-]+\b").expect("a regex"),
            numbers: regex::Regex::new(r"\b\d[\d .-]{5,}\d\b").expect("a regex"),
            emails: regex::Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("a regex"),
            known: words.into_iter().step_by(3).collect(),
        }
    }

    fn scan(&self, text: &str) -> usize {
        let mut hits = 0;
        // Several passes: the calibration must be long enough to time well.
        for _ in 0..4 {
            for m in self.capitalised.find_iter(text) {
                hits += usize::from(self.known.contains(&m.as_str().to_lowercase()));
            }
            hits += self.numbers.find_iter(text).count();
            hits += self.emails.find_iter(text).count();
        }
        black_box(hits)
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Baseline {
    /// Detection CPU time over the calibration's.
    detection: f64,
    /// Batch wall time over detection's CPU time plus the copy's wall time.
    batch: f64,
    /// CPU time of detection over the texts joined into one document, over detection's.
    long_document: f64,
    /// CPU time of detection with team-sized lists, over detection's.
    team_lists: f64,
    /// Where the baseline was measured (for people; not compared).
    note: String,
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored.
    let small = small_batch::SmallBatch::new(7, 2_000, 1_000_000);
    let team = woo_redact::Redactor::new(
        woo_redact::Policy::default(),
        &small_batch::team_sized(&small.lists, 1_000, 5_000),
    )
    .expect("team-sized lists compile");
    let mb = small.bytes() as f64 / 1e6;
    let update = std::env::var_os("WOO_REDACT_GUARD_UPDATE").is_some();
    let baseline: Option<Baseline> = std::fs::read(BASELINE)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let machine = machine();
    println!("guard on {machine}");
    // The best ratio of each figure over the attempts so far: noise only ever adds time.
    let mut best_ratios = [f64::INFINITY; 4];
    let mut failed = Vec::new();
    for attempt in 1..=ATTEMPTS {
        let [calibration, detection, copy, batch, long, team_detection] = measure(&small, &team);
        let ratios = Baseline {
            detection: detection / calibration,
            batch: batch / (detection + copy),
            long_document: long / detection,
            team_lists: team_detection / detection,
            note: format!(
                "{} documents, {mb:.2} MB; detection {:.1} MB/s, batch {:.1} MB/s (1 thread); {machine}",
                small.texts.len(),
                mb / detection,
                mb / batch,
            ),
        };
        println!(
            "guard (attempt {attempt}): detection {:.1} MB/s, batch {:.1} MB/s (1 thread)\n  detection {:.4} s CPU / calibration {:.4} s = {:.2}\n  batch {:.4} s / (detection + copy {:.4} s) = {:.2}\n  long document {:.4} s CPU / detection = {:.2}\n  team lists {:.4} s CPU / detection = {:.2}",
            mb / detection,
            mb / batch,
            detection,
            calibration,
            ratios.detection,
            batch,
            copy,
            ratios.batch,
            long,
            ratios.long_document,
            team_detection,
            ratios.team_lists
        );
        if update {
            let json = serde_json::to_string_pretty(&ratios).expect("serialises") + "\n";
            std::fs::write(BASELINE, json).expect("the baseline is written");
            println!("baseline written to {BASELINE}");
            return;
        }
        let Some(base) = &baseline else {
            eprintln!("no baseline at {BASELINE}: run with WOO_REDACT_GUARD_UPDATE=1 first");
            std::process::exit(1);
        };
        failed.clear();
        for (i, (name, now, then)) in [
            ("detection", ratios.detection, base.detection),
            ("batch", ratios.batch, base.batch),
            ("long document", ratios.long_document, base.long_document),
            ("team lists", ratios.team_lists, base.team_lists),
        ]
        .into_iter()
        .enumerate()
        {
            best_ratios[i] = best_ratios[i].min(now);
            let best = best_ratios[i];
            println!(
                "  {name}: best {best:.2} against baseline {then:.2} ({:+.0}%)",
                (best / then - 1.0) * 100.0
            );
            if best > then * TOLERANCE {
                failed.push(name);
            }
        }
        if failed.is_empty() {
            println!(
                "guard: within {:.0}% of the baseline",
                (TOLERANCE - 1.0) * 100.0
            );
            return;
        }
    }
    eprintln!(
        "guard: {} more than {:.0}% slower than the baseline (benches/guard-baseline.json); \
         if that is intended, update the baseline (see benches/guard.rs)",
        failed.join(" and "),
        (TOLERANCE - 1.0) * 100.0
    );
    std::process::exit(1);
}
