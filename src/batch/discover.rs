//! Discovery: the files under the inputs, in input order, as jobs.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::filter::FileFilter;
use super::job::{Job, Task};
use crate::error::BatchError;

/// Finds the files under `inputs`, in input order; directories are walked recursively in
/// byte order of their entry names, following symbolic links (each directory is visited once,
/// so link loops end). Anything whose real path lies under `exclude` (the output directory)
/// is left out, and so is a file or directory in a walked directory that `filter` does not
/// admit. A subdirectory that cannot be listed, or a document that is not a regular file,
/// becomes a job that fails ([`Task::Fail`]); so does a second document with the same
/// relative path, whose output would overwrite the first one's. Files of other kinds are
/// skipped ([`Task::Skip`]).
pub fn discover(
    inputs: &[PathBuf],
    exclude: Option<&Path>,
    filter: &FileFilter,
) -> Result<Vec<Job>, BatchError> {
    let exclude = exclude.map(|p| p.canonicalize().unwrap_or_else(|_| p.to_path_buf()));
    let mut walker = Walker {
        exclude: exclude.as_deref(),
        filter,
        visited: HashSet::new(),
        jobs: Vec::new(),
    };
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| BatchError::Input {
            path: input.clone(),
            reason: e.to_string(),
        })?;
        if meta.is_dir() {
            walker.visited.clear();
            walker.walk(input, input)?;
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            walker.file(input.clone(), name, Ok((meta.is_file(), true)));
        }
    }
    let mut jobs = walker.jobs;
    fail_duplicates(jobs.iter_mut());
    Ok(jobs)
}

/// Fails a document whose output name an earlier one already has: its output would
/// overwrite the first one's.
pub(crate) fn fail_duplicates<'a>(jobs: impl Iterator<Item = &'a mut Job>) {
    let mut seen = HashSet::new();
    for job in jobs {
        let output = super::place::output_relative(job);
        if !seen.insert(output.clone()) && matches!(job.task, Task::Process(_)) {
            job.task = Task::Fail(format!(
                "another input has the same relative path `{output}`: its output would be overwritten"
            ));
        }
    }
}

struct Walker<'a> {
    exclude: Option<&'a Path>,
    filter: &'a FileFilter,
    visited: HashSet<PathBuf>,
    jobs: Vec<Job>,
}

impl Walker<'_> {
    fn excluded(&self, canonical: &Path) -> bool {
        self.exclude.is_some_and(|x| canonical.starts_with(x))
    }

    fn walk(&mut self, root: &Path, dir: &Path) -> Result<(), BatchError> {
        let relative = relative_to(root, dir);
        let problem = |jobs: &mut Vec<Job>, e: std::io::Error| {
            if dir == root {
                return Err(BatchError::Input {
                    path: dir.to_path_buf(),
                    reason: e.to_string(),
                });
            }
            jobs.push(Job {
                path: dir.to_path_buf(),
                relative: relative.clone(),
                task: Task::Fail(format!("cannot list the directory: {e}")),
            });
            Ok(())
        };
        let canonical = match dir.canonicalize() {
            Ok(c) => c,
            Err(e) => return problem(&mut self.jobs, e),
        };
        // A directory seen before (through a symbolic link loop) or the output directory.
        if self.excluded(&canonical) || !self.visited.insert(canonical) {
            return Ok(());
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return problem(&mut self.jobs, e),
        };
        // The entry's type from the directory listing itself: a `stat` (and a walk of the
        // real path) only for links, not for each of thousands of plain files.
        let mut paths: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
            .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
            .collect();
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, file_type) in paths {
            let kind = match file_type {
                Some(t) if !t.is_symlink() => Ok((t.is_dir(), t.is_file(), false)),
                _ => std::fs::metadata(&path).map(|m| (m.is_dir(), m.is_file(), true)),
            };
            let relative = relative_to(root, &path);
            if kind.as_ref().is_ok_and(|&(dir, _, _)| dir) {
                if self.filter.admits_dir(&relative) {
                    self.walk(root, &path)?;
                }
            } else if self.filter.admits_file(&relative) {
                self.file(path, relative, kind.map(|(_, file, link)| (file, link)));
            }
        }
        Ok(())
    }

    /// `kind`: whether the path is a regular file, and whether it may be a link.
    fn file(&mut self, path: PathBuf, relative: String, kind: std::io::Result<(bool, bool)>) {
        let mut job = Job::for_file(path, relative);
        let problem = match kind {
            Ok((true, link)) => {
                // Our own outputs, reached through a link, are never inputs. (A plain file
                // lies in its directory, already checked.)
                if link && job.path.canonicalize().is_ok_and(|c| self.excluded(&c)) {
                    return;
                }
                None
            }
            Ok(_) => Some("not a regular file (a device, pipe or socket)".to_string()),
            Err(e) => Some(format!("cannot read the file: {e}")),
        };
        if let (Some(problem), Task::Process(_)) = (problem, &job.task) {
            job.task = Task::Fail(problem);
        }
        self.jobs.push(job);
    }
}

/// The `/`-separated path of `path` relative to `root`.
pub(crate) fn relative_to(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
