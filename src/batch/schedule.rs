//! Ordered scheduling: workers take documents in input order, and one writer hands the
//! outcomes to the sink in input order. A worker may run at most [`WINDOW`] documents ahead
//! of the writer, so memory is bounded by the documents in flight and the audit lines of the
//! window, not by the batch.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use super::job::{Job, Task};
use super::report::{BatchReport, DocumentSummary, Outcome};
use super::sink::Sink;
use crate::load::DocumentKind;

/// How far workers may run ahead of the writer, in documents.
pub const WINDOW: usize = 64;

/// What a batch tells its caller while it runs, in input order.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum BatchEvent<'a> {
    /// The inputs were listed: this many files will be reported (skipped ones included).
    Found(usize),
    /// One file's outcome: done, failed (with its error) or skipped (with its reason).
    Document(&'a DocumentSummary),
}

/// How a worker handles a document to process.
pub(crate) type Process<'a> = dyn Fn(&Job, DocumentKind) -> Outcome + Sync + 'a;

pub(crate) fn thread_pool(jobs: usize) -> std::io::Result<rayon::ThreadPool> {
    let threads = if jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        jobs
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("woo-redact-{i}"))
        .build()
        .map_err(std::io::Error::other)
}

/// Runs `process` over the jobs on the workers of `pool` and feeds the outcomes to the sink
/// and the observer in input order.
pub(crate) fn run_ordered(
    jobs: &[Job],
    pool: &rayon::ThreadPool,
    process: &Process<'_>,
    sink: &mut dyn Sink,
    observe: &mut dyn FnMut(BatchEvent<'_>),
) -> std::io::Result<BatchReport> {
    let threads = pool.current_num_threads();
    observe(BatchEvent::Found(jobs.len()));
    let next = AtomicUsize::new(0);
    let written = Window::default();
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let mut report = BatchReport::default();
    let mut result = Ok(());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            pool.scope(|s| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    let (next, written) = (&next, &written);
                    s.spawn(move |_| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= jobs.len() || !written.wait_until_within(i) {
                                break;
                            }
                            let outcome = settle(&jobs[i], process);
                            if tx.send((i, outcome)).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        for (i, outcome) in rx.iter() {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&expected) {
                expected += 1;
                report.add(&outcome);
                observe(BatchEvent::Document(&outcome.summary));
                if result.is_ok() {
                    result = sink.document(&outcome);
                }
                // On a write error, release and stop the workers: the batch cannot complete.
                written.advance(if result.is_ok() { expected } else { usize::MAX });
            }
        }
    });
    result.map(|()| report)
}

/// Skipped and unprocessable jobs are settled here; the others go to `process`.
fn settle(job: &Job, process: &Process<'_>) -> Outcome {
    match &job.task {
        Task::Process(kind) => process(job, *kind),
        Task::Skip(reason) => Outcome::skipped(job, reason),
        Task::Fail(problem) => {
            Outcome::failed(job, crate::error::DocumentError::Input(problem.clone()), 0)
        }
    }
}

/// How many outcomes the writer has taken; workers wait to stay within [`WINDOW`] of it.
#[derive(Default)]
struct Window {
    taken: Mutex<usize>,
    changed: Condvar,
}

impl Window {
    /// Blocks until document `i` is within the window; false when the batch is stopping.
    fn wait_until_within(&self, i: usize) -> bool {
        let mut taken = self.taken.lock().unwrap_or_else(|p| p.into_inner());
        while i >= taken.saturating_add(WINDOW) {
            taken = self.changed.wait(taken).unwrap_or_else(|p| p.into_inner());
        }
        *taken != usize::MAX
    }

    fn advance(&self, to: usize) {
        *self.taken.lock().unwrap_or_else(|p| p.into_inner()) = to;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::report::Status;
    use std::path::Path;
    use std::time::Duration;

    #[test]
    fn workers_stay_within_the_window_of_the_writer() {
        struct Slow<'a> {
            written: &'a AtomicUsize,
        }
        impl Sink for Slow<'_> {
            fn document(&mut self, _: &Outcome) -> std::io::Result<()> {
                if self
                    .written
                    .fetch_add(1, Ordering::SeqCst)
                    .is_multiple_of(50)
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Ok(())
            }
        }
        let jobs: Vec<Job> = (0..1000)
            .map(|i| Job::for_file(Path::new("x.txt").into(), format!("{i}.txt")))
            .collect();
        let started = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        let process = |j: &Job, _| {
            let s = started.fetch_add(1, Ordering::SeqCst) + 1;
            ahead.fetch_max(s - written.load(Ordering::SeqCst), Ordering::SeqCst);
            Outcome {
                summary: DocumentSummary::new(j, Status::Unchanged),
                lines: vec!["{}".into()],
                resumed: false,
            }
        };
        let mut seen = Vec::new();
        let report = run_ordered(
            &jobs,
            &thread_pool(3).unwrap(),
            &process,
            &mut Slow { written: &written },
            &mut |e| {
                if let BatchEvent::Document(d) = e {
                    seen.push(d.document.clone());
                }
            },
        )
        .unwrap();
        assert_eq!(report.documents, 1000);
        let ahead = ahead.load(Ordering::SeqCst);
        assert!(
            ahead <= WINDOW,
            "workers ran {ahead} documents ahead of the writer"
        );
        // The observer sees every document, in input order.
        let expected: Vec<String> = (0..1000).map(|i| format!("{i}.txt")).collect();
        assert_eq!(seen, expected);
    }
}
