//! Isolation: a panic or an expired time limit fails one document, never the batch, and never
//! shows the document's text.
//!
//! A panic message can quote the text being processed (a string slice out of bounds prints
//! the string), so it is never kept. A program that wants the place of a panic in the
//! document's failure reason, and no panic message on standard error, installs a panic hook
//! that calls [`note_panic`] (the command line does).

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use super::job::Job;
use super::report::Outcome;
use crate::deadline;
use crate::error::DocumentError;

thread_local! {
    /// Whether this thread is processing a document (inside [`guarded`]).
    static IN_DOCUMENT: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic on this thread happened, as recorded by [`note_panic`].
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// For a panic hook: records where a panic inside a document happened (for that document's
/// failure reason) and returns true; returns false for a panic outside a document, which the
/// hook reports itself. Never looks at the panic's message.
pub fn note_panic(info: &std::panic::PanicHookInfo<'_>) -> bool {
    if !IN_DOCUMENT.get() {
        return false;
    }
    PANIC_AT.set(Some(panic_place(info)));
    true
}

/// `file:line` of a panic, without its message.
pub fn panic_place(info: &std::panic::PanicHookInfo<'_>) -> String {
    info.location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_else(|| "an unknown place".into())
}

/// Runs `f` for one job under the time limit, turning a panic or an expired deadline into
/// that document's failure. The panic's message is never kept: only where it happened, when
/// a hook calls [`note_panic`].
pub(crate) fn guarded(job: &Job, limit: Option<Duration>, f: impl FnOnce() -> Outcome) -> Outcome {
    IN_DOCUMENT.set(true);
    PANIC_AT.set(None);
    let result = catch_unwind(AssertUnwindSafe(|| deadline::run(limit, f)));
    IN_DOCUMENT.set(false);
    match result {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(deadline::TimeLimitExceeded)) => {
            let seconds = limit.map_or(0, |l| l.as_secs());
            Outcome::failed(job, DocumentError::Timeout { seconds }, 0)
        }
        Err(_payload) => {
            let at = PANIC_AT
                .take()
                .map_or_else(|| "panic".to_string(), |at| format!("panic at {at}"));
            Outcome::failed(job, DocumentError::Panic(at), 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn panics_and_time_limits_fail_the_document_without_its_text() {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            note_panic(info);
        }));
        let j = Job::for_file(Path::new("a.txt").into(), "a.txt".into());
        let outcome = guarded(&j, None, || {
            let text = String::from("Jan de Vries");
            let _ = &text[..99]; // the panic message quotes the text
            unreachable!()
        });
        let timed_out = guarded(&j, Some(Duration::from_millis(10)), || {
            loop {
                deadline::check();
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        std::panic::set_hook(previous);
        let e = outcome.summary.error.unwrap();
        assert!(e.starts_with("internal error"), "{e}");
        assert!(e.contains("panic at "), "{e}");
        assert!(!e.contains("Vries"), "{e}");
        assert!(outcome.lines.is_empty());
        let e = timed_out.summary.error.unwrap();
        assert!(e.starts_with("time limit exceeded"), "{e}");
    }
}
