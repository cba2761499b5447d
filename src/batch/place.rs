//! Output placement: where each output goes under `--out`, written atomically, never outside
//! it and never over an input; and whether an existing output directory may be used.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::job::{Job, Task};
use crate::error::{BatchError, DocumentError};
use crate::resume::{WORK_DIR, WorkDir};

/// The relative path of a job's output: its own, except that an Outlook `.msg` is written
/// as `.eml`.
pub(crate) fn output_relative(job: &Job) -> String {
    match job.task {
        super::job::Task::Process(crate::load::DocumentKind::Format(
            crate::formats::Format::Msg,
        )) => job
            .relative
            .rsplit_once('.')
            .map_or_else(|| job.relative.clone(), |(stem, _)| format!("{stem}.eml")),
        _ => job.relative.clone(),
    }
}

/// The output path of a job: its relative path under `out`, which must not lead outside
/// `out` or onto the input itself.
pub(crate) fn output_path(out: &Path, job: &Job) -> Result<PathBuf, DocumentError> {
    let mut target = out.to_path_buf();
    for part in output_relative(job).split('/') {
        if part.is_empty()
            || part == "."
            || part == ".."
            || part.contains('\\')
            || Path::new(part).is_absolute()
            || (target == out && part == WORK_DIR)
        {
            return Err(DocumentError::OutputPath(format!(
                "`{}` is not a plain relative path",
                job.relative
            )));
        }
        target.push(part);
    }
    // No check against the input here: the output directory is not an input and holds none
    // (checked before the run), `Placement::write` keeps to directories inside it, and a
    // rename replaces a directory entry, never writes through a link or into another name
    // of the input's file.
    Ok(target)
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// the file exists under its final name only when complete. The file's mode follows the
/// umask, as any file the user makes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = crate::resume::temp_builder().tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where a redaction run writes.
pub(crate) struct Placement<'a> {
    pub(crate) out: &'a Path,
    pub(crate) work: &'a WorkDir,
    /// The configuration fingerprint (see [`crate::resume`]).
    pub(crate) config: &'a str,
    /// Output directories already made and found inside `out`: each is checked once per
    /// run, not once per document (a `mkdir` and a walk of its path cost more system calls
    /// than the rest of a small document's output).
    pub(crate) checked: Mutex<HashSet<PathBuf>>,
}

impl<'a> Placement<'a> {
    pub(crate) fn new(out: &'a Path, work: &'a WorkDir, config: &'a str) -> Placement<'a> {
        Placement {
            out,
            work,
            config,
            checked: Mutex::new(HashSet::new()),
        }
    }
}

impl Placement<'_> {
    /// After a failure: no completion record, and no output from an earlier run left under
    /// the document's output name.
    pub(crate) fn forget(&self, job: &Job) {
        self.work.forget(&job.relative);
        if let Ok(target) = output_path(self.out, job)
            && std::fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir())
        {
            let _ = std::fs::remove_file(&target);
        }
    }

    /// Writes `bytes` to `target` atomically, through the work directory, after checking that
    /// the directory it goes into lies inside `--out` (no link leads out). `relative` names
    /// the output in errors.
    pub(crate) fn write(
        &self,
        target: &Path,
        relative: &str,
        bytes: &[u8],
    ) -> Result<(), DocumentError> {
        let write_err = |e| DocumentError::Write {
            path: PathBuf::from(relative),
            source: e,
        };
        let dir = target.parent().unwrap_or(self.out);
        self.check_dir(dir, relative)?;
        let mut tmp = self.work.temp().map_err(write_err)?;
        // No sync: see `crate::resume` (the journal is synced in groups, and the file system
        // once at the end of the run).
        tmp.write_all(bytes).map_err(write_err)?;
        match tmp.persist(target) {
            Ok(_) => Ok(()),
            // The target directory is on another file system (a mount point): write next to
            // it instead.
            Err(e) if e.error.kind() == std::io::ErrorKind::CrossesDevices => {
                write_atomic(target, bytes).map_err(write_err)
            }
            Err(e) => Err(write_err(e.error)),
        }
    }
}

impl Placement<'_> {
    /// Makes `dir` (once per run) and checks that it lies inside `--out`: no link leads out.
    fn check_dir(&self, dir: &Path, relative: &str) -> Result<(), DocumentError> {
        let lock = || self.checked.lock().unwrap_or_else(|p| p.into_inner());
        if lock().contains(dir) {
            return Ok(());
        }
        let write_err = |e| DocumentError::Write {
            path: PathBuf::from(relative),
            source: e,
        };
        std::fs::create_dir_all(dir).map_err(write_err)?;
        if !dir.canonicalize().map_err(write_err)?.starts_with(self.out) {
            return Err(DocumentError::OutputPath(
                "a directory on the output path is a link that leads outside the output \
                 directory"
                    .into(),
            ));
        }
        lock().insert(dir.to_path_buf());
        Ok(())
    }
}

/// Refuses an output directory that is an input or contains one: outputs would overwrite
/// inputs, or inputs would be left out as outputs. (An output directory inside an input is
/// fine: it is left out of the input.)
pub(crate) fn check_out_is_not_an_input(inputs: &[PathBuf], out: &Path) -> Result<(), BatchError> {
    let Some(out) = real_path(out) else {
        return Ok(());
    };
    for input in inputs {
        if let Ok(input_real) = input.canonicalize()
            && input_real.starts_with(&out)
        {
            return Err(BatchError::Input {
                path: input.clone(),
                reason: format!(
                    "the output directory {} is this input or contains it; choose an output \
                     directory outside the inputs",
                    out.display()
                ),
            });
        }
    }
    Ok(())
}

/// The real path of `path`, also when it does not exist yet (its nearest existing ancestor
/// resolved, the rest appended).
pub(crate) fn real_path(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let absolute = std::path::absolute(path).ok()?;
    let mut missing = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(p) = at.canonicalize() {
            let mut p = p;
            for part in missing.iter().rev() {
                p.push(part);
            }
            return Some(p);
        }
        missing.push(at.file_name()?.to_os_string());
        at = at.parent()?;
    }
}

/// How a run treats an output directory that already holds files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reuse {
    /// Use it only when every file in it is one this batch writes (its outputs, `audit.jsonl`,
    /// `summary.json`, the work directory): an earlier run of the same batch. Anything else
    /// is refused ([`BatchError::OutputNotEmpty`]), so no stale file is mixed with the
    /// results.
    #[default]
    OwnOnly,
    /// Continue an interrupted run: use the directory as it is.
    Resume,
    /// Remove everything in it first, if it is the output directory of an earlier run (it has
    /// a `summary.json`, an `audit.jsonl` or a work directory); any other non-empty directory
    /// is refused ([`BatchError::NotAnOutputDirectory`]).
    Overwrite,
}

/// Checks (and with [`Reuse::Overwrite`] empties) an existing output directory before a run.
pub(crate) fn prepare_out(out: &Path, jobs: &[Job], reuse: Reuse) -> Result<(), BatchError> {
    let out_err = |e: std::io::Error| BatchError::Output {
        path: out.to_path_buf(),
        source: e,
    };
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(out_err(e)),
    };
    match reuse {
        Reuse::Resume => Ok(()),
        Reuse::Overwrite => {
            let entries: Vec<_> = entries.collect::<Result<_, _>>().map_err(out_err)?;
            let earlier_run = ["summary.json", "audit.jsonl", WORK_DIR]
                .iter()
                .any(|name| std::fs::symlink_metadata(out.join(name)).is_ok());
            if !entries.is_empty() && !earlier_run {
                return Err(BatchError::NotAnOutputDirectory {
                    path: out.to_path_buf(),
                });
            }
            for entry in entries {
                let path = entry.path();
                // Links are removed, never followed.
                let meta = std::fs::symlink_metadata(&path).map_err(out_err)?;
                if meta.is_dir() {
                    std::fs::remove_dir_all(&path).map_err(out_err)?;
                } else {
                    std::fs::remove_file(&path).map_err(out_err)?;
                }
            }
            Ok(())
        }
        Reuse::OwnOnly => {
            let own: HashSet<&str> = jobs
                .iter()
                .filter(|j| matches!(j.task, Task::Process(_)))
                .map(|j| j.relative.as_str())
                .chain(["audit.jsonl", "summary.json"])
                .collect();
            let mut foreign = Vec::new();
            foreign_files(out, out, &own, &mut foreign).map_err(out_err)?;
            match foreign.first() {
                None => Ok(()),
                Some(first) => Err(BatchError::OutputNotEmpty {
                    path: out.to_path_buf(),
                    count: foreign.len(),
                    first: first.clone(),
                }),
            }
        }
    }
}

/// The files under `dir` (relative to `out`) that are not in `own`, in name order; the work
/// directory at the top is the batch's own.
fn foreign_files(
    out: &Path,
    dir: &Path,
    own: &HashSet<&str>,
    foreign: &mut Vec<String>,
) -> std::io::Result<()> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    for path in paths {
        let relative = super::discover::relative_to(out, &path);
        if relative == WORK_DIR {
            continue;
        }
        if std::fs::symlink_metadata(&path)?.is_dir() {
            foreign_files(out, &path, own, foreign)?;
        } else if !own.contains(relative.as_str()) {
            foreign.push(relative);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(path: &Path, relative: &str) -> Job {
        Job::for_file(path.to_path_buf(), relative.into())
    }

    #[test]
    fn output_paths_stay_inside_the_output_directory() {
        let out = Path::new("/out");
        for bad in [
            "../x.txt",
            "a/../../x.txt",
            "/etc/x.txt",
            "",
            "a//b.txt",
            ".woo-redact/x.txt",
            "a\\..\\x.txt",
        ] {
            assert!(
                output_path(out, &job(Path::new("in/x.txt"), bad)).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            output_path(out, &job(Path::new("in/a/b.txt"), "a/b.txt")).unwrap(),
            Path::new("/out/a/b.txt")
        );
        // Below the top, a directory named like the work directory is an ordinary name.
        assert!(output_path(out, &job(Path::new("x"), "a/.woo-redact/x.txt")).is_ok());
    }

    #[test]
    fn an_output_directory_with_foreign_files_is_refused_unless_resumed_or_cleared() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        let jobs = [job(Path::new("in/a/b.txt"), "a/b.txt")];
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::create_dir_all(out.join(WORK_DIR)).unwrap();
        for own in ["a/b.txt", "audit.jsonl", "summary.json", ".woo-redact/x"] {
            std::fs::write(out.join(own), "").unwrap();
        }
        prepare_out(out, &jobs, Reuse::OwnOnly).unwrap();
        std::fs::write(out.join("a/old.txt"), "").unwrap();
        let e = prepare_out(out, &jobs, Reuse::OwnOnly).unwrap_err();
        assert!(
            matches!(&e, BatchError::OutputNotEmpty { count: 1, first, .. } if first == "a/old.txt"),
            "{e}"
        );
        prepare_out(out, &jobs, Reuse::Resume).unwrap();
        assert!(out.join("a/old.txt").exists());
        prepare_out(out, &jobs, Reuse::Overwrite).unwrap();
        assert_eq!(std::fs::read_dir(out).unwrap().count(), 0);
        // A folder of other files is never cleared.
        std::fs::write(out.join("thesis.docx"), "").unwrap();
        let e = prepare_out(out, &jobs, Reuse::Overwrite).unwrap_err();
        assert!(matches!(e, BatchError::NotAnOutputDirectory { .. }), "{e}");
        assert!(out.join("thesis.docx").exists());
        // A directory that does not exist yet is fine.
        prepare_out(&out.join("new"), &jobs, Reuse::OwnOnly).unwrap();
    }
}
