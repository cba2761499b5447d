//! Isolation: a panic or an expired time limit fails one document, never the caller, and
//! never shows the document's text.
//!
//! A panic message can quote the text being processed (a string slice out of bounds prints
//! the string), so it is never kept. A program that wants the place of a panic in the
//! document's failure reason, and no panic message on standard error, installs a panic hook
//! that calls [`note_panic`] (the command line does).

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

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

/// Runs `f` for one document under the time limit, turning a panic or an expired deadline
/// into that document's error. The panic's message is never kept: only where it happened,
/// when a hook calls [`note_panic`]. Nested calls (a batch document inside the pipeline)
/// keep the outer one's state.
pub(crate) fn guarded<T>(
    limit: Option<Duration>,
    f: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    let outer = IN_DOCUMENT.replace(true);
    if !outer {
        PANIC_AT.set(None);
    }
    let result = catch_unwind(AssertUnwindSafe(|| deadline::run(limit, f)));
    IN_DOCUMENT.set(outer);
    match result {
        Ok(Ok(result)) => result,
        Ok(Err(deadline::TimeLimitExceeded)) => Err(DocumentError::Timeout {
            seconds: limit.map_or(0, |l| l.as_secs()),
        }),
        Err(_payload) => {
            let at = PANIC_AT
                .take()
                .map_or_else(|| "panic".to_string(), |at| format!("panic at {at}"));
            Err(DocumentError::Panic(at))
        }
    }
}
