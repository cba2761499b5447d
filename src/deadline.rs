//! Per-document time limits.
//!
//! Threads cannot be killed, so the limit is cooperative: the batch sets a deadline for the
//! current thread before it processes a document ([`run`]), and long-running loops call
//! [`check`] at a few coarse points (per page of a PDF, per content-stream operator batch, per
//! detector pass, per thousands of tokens). When the deadline has passed, `check` unwinds the
//! thread with a [`TimeLimitExceeded`] payload, which [`run`] turns into an `Err`. The unwind
//! does not run the panic hook, so nothing is printed.
//!
//! Checks are cheap enough for per-token loops: a thread-local read, and when a deadline is
//! set, one relaxed atomic load of a coarse clock that a background thread advances every
//! [`RESOLUTION`] (started the first time a deadline is set). No system call is made.
//!
//! Code without a deadline (the library used directly, the tests) is never interrupted.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How often the coarse clock advances.
pub const RESOLUTION: Duration = Duration::from_millis(20);

/// The panic payload of an expired deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLimitExceeded;

thread_local! {
    /// The deadline in milliseconds of the coarse clock; `u64::MAX` when there is none.
    static DEADLINE: Cell<u64> = const { Cell::new(u64::MAX) };
    /// Milliseconds the current deadline was moved by [`extend`].
    static EXTENDED: Cell<u64> = const { Cell::new(0) };
}

/// Most time [`extend`] may add to one deadline: a document cannot run for ever on OCR.
pub const MAX_EXTENSION: Duration = Duration::from_secs(30 * 60);

/// Milliseconds since [`epoch`], advanced every [`RESOLUTION`] by a background thread.
static NOW_MS: AtomicU64 = AtomicU64::new(0);

/// The start of the coarse clock; the first call starts the thread that advances it.
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(|| {
        let start = Instant::now();
        let spawned = std::thread::Builder::new()
            .name("woo-redact-clock".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(RESOLUTION);
                    let ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX - 1);
                    NOW_MS.store(ms, Ordering::Relaxed);
                }
            });
        // Without the thread the clock stands still and deadlines never expire: the
        // documents then run to the end, as without a limit.
        drop(spawned);
        start
    })
}

/// The coarse clock now, in milliseconds since [`epoch`].
fn now_ms() -> u64 {
    NOW_MS.load(Ordering::Relaxed)
}

/// Runs `f` with a deadline `limit` from now on the current thread (none when `limit` is
/// `None`). Returns `Err(TimeLimitExceeded)` when a [`check`] inside `f` found the deadline
/// passed; other panics propagate. The previous deadline is restored afterwards.
pub fn run<R>(limit: Option<Duration>, f: impl FnOnce() -> R) -> Result<R, TimeLimitExceeded> {
    let deadline = match limit {
        Some(l) => {
            // Measure from the exact time, so a late clock thread cannot shorten the limit.
            let from = u64::try_from(epoch().elapsed().as_millis()).unwrap_or(u64::MAX);
            from.saturating_add(u64::try_from(l.as_millis()).unwrap_or(u64::MAX))
        }
        None => u64::MAX,
    };
    let previous = DEADLINE.replace(deadline);
    let extended = EXTENDED.replace(0);
    let result = catch_unwind(AssertUnwindSafe(f));
    DEADLINE.set(previous);
    EXTENDED.set(extended);
    match result {
        Ok(r) => Ok(r),
        Err(payload) if payload.is::<TimeLimitExceeded>() => Err(TimeLimitExceeded),
        Err(payload) => resume_unwind(payload),
    }
}

/// Unwinds with [`TimeLimitExceeded`] when the current thread's deadline has passed. Cheap
/// enough to call once per token or operator.
#[inline]
pub fn check() {
    let deadline = DEADLINE.get();
    if deadline != u64::MAX && now_ms() >= deadline {
        expire();
    }
}

/// Moves the current thread's deadline (if any) later by `by`: time spent waiting on an
/// outside program (OCR) that has its own limit. At most [`MAX_EXTENSION`] in all.
pub fn extend(by: Duration) {
    let deadline = DEADLINE.get();
    if deadline != u64::MAX {
        let cap = u64::try_from(MAX_EXTENSION.as_millis()).unwrap_or(u64::MAX);
        let ms = u64::try_from(by.as_millis())
            .unwrap_or(u64::MAX)
            .min(cap.saturating_sub(EXTENDED.get()));
        EXTENDED.set(EXTENDED.get() + ms);
        DEADLINE.set(deadline.saturating_add(ms).min(u64::MAX - 1));
    }
}

/// Whether the current thread has a deadline that has passed (without unwinding).
pub fn expired() -> bool {
    let deadline = DEADLINE.get();
    deadline != u64::MAX && now_ms() >= deadline
}

#[cold]
fn expire() -> ! {
    // `resume_unwind` does not call the panic hook: nothing is printed.
    resume_unwind(Box::new(TimeLimitExceeded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_deadline_never_interrupts() {
        check();
        assert!(!expired());
    }

    #[test]
    fn an_expired_deadline_unwinds_to_run() {
        let r = run(Some(Duration::from_millis(1)), || {
            loop {
                std::thread::sleep(Duration::from_millis(1));
                check();
            }
        });
        assert_eq!(r, Err::<(), _>(TimeLimitExceeded));
        // The deadline is gone afterwards.
        check();
        assert_eq!(run(None, || 7), Ok(7));
    }

    #[test]
    fn extensions_move_the_deadline_up_to_a_cap() {
        let r = run(Some(Duration::from_millis(1)), || {
            extend(Duration::from_secs(3600));
            std::thread::sleep(RESOLUTION * 3);
            check();
            EXTENDED.get()
        });
        assert_eq!(r, Ok(MAX_EXTENSION.as_millis() as u64));
        assert_eq!(EXTENDED.get(), 0);
    }

    #[test]
    fn work_within_the_limit_returns_its_result() {
        assert_eq!(run(Some(Duration::from_secs(60)), || 7), Ok(7));
    }

    #[test]
    fn other_panics_propagate() {
        let r = catch_unwind(|| run(Some(Duration::from_secs(60)), || panic!("boom")));
        assert!(r.is_err());
        assert!(!expired());
        assert_eq!(DEADLINE.get(), u64::MAX);
    }
}
