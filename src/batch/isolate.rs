//! Isolation of one batch document: see [`crate::isolate`].

use std::time::Duration;

use super::job::Job;
use super::report::Outcome;
use crate::isolate;

pub use crate::isolate::{note_panic, panic_place};

/// Runs `f` for one job under the time limit; a panic or an expired deadline becomes that
/// document's failure.
pub(crate) fn guarded(job: &Job, limit: Option<Duration>, f: impl FnOnce() -> Outcome) -> Outcome {
    isolate::guarded(limit, || Ok(f())).unwrap_or_else(|e| Outcome::failed(job, e, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline;
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
