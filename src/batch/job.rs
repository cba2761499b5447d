//! A job: one file found under the inputs, and what the batch does with it.

use std::path::{Path, PathBuf};

use crate::load::DocumentKind;

/// One file found under an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The file.
    pub path: PathBuf,
    /// Path relative to its input root, `/`-separated: the `document` of its audit records.
    pub relative: String,
    /// What the batch does with it.
    pub task: Task,
}

/// What the batch does with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// A document of a kind the tool processes.
    Process(DocumentKind),
    /// A file the tool does not process: listed as skipped, with the reason.
    Skip(String),
    /// A document that cannot be processed, found while listing the inputs (not a regular
    /// file, a directory that cannot be listed, a name another input already has): it fails
    /// with this reason.
    Fail(String),
}

impl Job {
    /// A job for a file, from its extension: processed, or skipped with the reason.
    pub fn for_file(path: PathBuf, relative: String) -> Job {
        let task = match DocumentKind::of(&path) {
            Some(kind) => Task::Process(kind),
            None => Task::Skip(unsupported(&path)),
        };
        Job {
            path,
            relative,
            task,
        }
    }

    /// The kind of document, for a job that is processed.
    pub fn kind(&self) -> Option<DocumentKind> {
        match self.task {
            Task::Process(kind) => Some(kind),
            _ => None,
        }
    }
}

/// Why a file is not processed: its type, named by extension.
fn unsupported(path: &Path) -> String {
    let named = |what: &str| format!("{what}: not a kind of document this tool redacts");
    match path.extension().and_then(|e| e.to_str()) {
        None => named("no file extension"),
        Some(ext) => named(&format!("a `.{}` file", ext.to_ascii_lowercase())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_files_are_skipped_with_their_type() {
        let job = Job::for_file("in/plan.XLSX".into(), "plan.XLSX".into());
        let Task::Skip(reason) = &job.task else {
            panic!("{job:?}")
        };
        assert!(reason.starts_with("a `.xlsx` file"), "{reason}");
        assert_eq!(job.kind(), None);
        let job = Job::for_file("in/a.PDF".into(), "a.PDF".into());
        assert_eq!(job.task, Task::Process(DocumentKind::Pdf));
        let job = Job::for_file("in/README".into(), "README".into());
        assert!(matches!(job.task, Task::Skip(ref r) if r.starts_with("no file extension")));
    }
}
