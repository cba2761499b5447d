//! Per-document time limits.
//!
//! Threads cannot be killed, so the limit is cooperative: a deadline is set for the current
//! thread before it processes a document ([`run`]), and long-running loops call [`check`] at
//! a few coarse points (per page of a PDF, per content-stream operator batch, per detector
//! pass, per thousands of tokens). When the deadline has passed, `check` unwinds the thread
//! with a [`TimeLimitExceeded`] payload, which [`run`] turns into an `Err`. The unwind does
//! not run the panic hook, so nothing is printed.
//!
//! No thread is started: `check` reads the monotonic clock itself, on every
//! [`CLOCK_STRIDE`]th call (a clock read is some 20 ns; most checks are one thread-local
//! counter increment), and on every call that follows a long pause is still cheap.
//!
//! Code without a deadline (the library's text calls, the tests) is never interrupted.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::time::{Duration, Instant};

/// How many calls of [`check`] share one read of the clock.
pub(crate) const CLOCK_STRIDE: u32 = 16;

/// The panic payload of an expired deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLimitExceeded;

thread_local! {
    /// The current thread's deadline, if any.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    /// Calls of [`check`] since the clock was last read.
    static CALLS: Cell<u32> = const { Cell::new(0) };
    /// Time the current deadline was moved by [`extend`].
    static EXTENDED: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Most time [`extend`] may add to one deadline: a document cannot run for ever on OCR.
pub const MAX_EXTENSION: Duration = Duration::from_secs(30 * 60);

/// Runs `f` with a deadline `limit` from now on the current thread (none when `limit` is
/// `None`). Returns `Err(TimeLimitExceeded)` when a [`check`] inside `f` found the deadline
/// passed; other panics propagate. The previous deadline is restored afterwards.
pub fn run<R>(limit: Option<Duration>, f: impl FnOnce() -> R) -> Result<R, TimeLimitExceeded> {
    // A limit too large for the clock is no limit.
    let deadline = limit.and_then(|l| Instant::now().checked_add(l));
    let previous = DEADLINE.replace(deadline);
    let extended = EXTENDED.replace(Duration::ZERO);
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
    if let Some(deadline) = DEADLINE.get() {
        let calls = CALLS.get() + 1;
        if calls < CLOCK_STRIDE {
            CALLS.set(calls);
            return;
        }
        CALLS.set(0);
        if Instant::now() >= deadline {
            expire();
        }
    }
}

/// Moves the current thread's deadline (if any) later by `by`: time spent waiting on an
/// outside program (OCR) that has its own limit. At most [`MAX_EXTENSION`] in all.
pub fn extend(by: Duration) {
    if let Some(deadline) = DEADLINE.get() {
        let by = by.min(MAX_EXTENSION.saturating_sub(EXTENDED.get()));
        EXTENDED.set(EXTENDED.get() + by);
        DEADLINE.set(deadline.checked_add(by).or(Some(deadline)));
    }
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
        for _ in 0..CLOCK_STRIDE * 2 {
            check();
        }
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
            std::thread::sleep(Duration::from_millis(5));
            for _ in 0..CLOCK_STRIDE * 2 {
                check();
            }
            EXTENDED.get()
        });
        assert_eq!(r, Ok(MAX_EXTENSION));
        assert_eq!(EXTENDED.get(), Duration::ZERO);
    }

    #[test]
    fn work_within_the_limit_returns_its_result() {
        assert_eq!(run(Some(Duration::from_secs(60)), || 7), Ok(7));
    }

    #[test]
    fn other_panics_propagate() {
        let r = catch_unwind(|| run(Some(Duration::from_secs(60)), || panic!("boom")));
        assert!(r.is_err());
        assert_eq!(DEADLINE.get(), None);
    }
}
