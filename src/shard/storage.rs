//! Where a sharded run keeps its files: the plan directory `DIR` is a local directory (a
//! shared file system, as on Slurm) or, with the `object-store` feature, an object-store URL
//! (`s3://bucket/prefix`, `file:///dir`); the inputs likewise.
//!
//! Every step works on local paths under [`Layout::out`]. For a local `DIR` that is `DIR`
//! itself. For an object store it is a scratch directory of the process: files an earlier
//! step wrote are fetched into it when read ([`Layout::local`], [`Layout::read`]), and what
//! this step writes goes from it to the store, create-only ([`Layout::create`],
//! [`Layout::publish`]): a second writer that finds the object compares the bytes, exactly
//! as the local hard link does.

use std::path::{Path, PathBuf};

use super::{Layout, ShardError, hash_file};
use crate::batch::Job;

#[cfg(feature = "object-store")]
pub(crate) mod remote;

/// The back end of a plan directory.
pub(crate) enum Storage {
    /// A local directory: [`Layout::out`] is the directory.
    Local,
    /// An object store: [`Layout::out`] is a scratch directory standing in for it.
    #[cfg(feature = "object-store")]
    Remote(remote::Remote),
}

/// Whether `path` is an object-store URL (`s3://…`, `file://…`) rather than a local path.
pub(crate) fn is_url(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|p| p.starts_with("s3://") || p.starts_with("file://"))
}

/// The error for a URL when the program was built without object storage.
#[cfg_attr(feature = "object-store", allow(dead_code))]
fn unsupported(url: &Path) -> ShardError {
    ShardError::Usage(format!(
        "{}: this build has no object storage (the `object-store` feature)",
        url.display()
    ))
}

/// The layout of the plan in `dir`, a local path or an object-store URL.
pub(crate) fn layout_for(dir: &Path) -> Result<Layout, ShardError> {
    if !is_url(dir) {
        return Ok(Layout::new(dir));
    }
    #[cfg(feature = "object-store")]
    {
        let remote = remote::Remote::open(dir.to_str().unwrap_or_default())?;
        // Canonical, as a local output directory is: outputs are checked to stay inside it.
        let scratch = remote.scratch().canonicalize();
        let scratch = scratch.map_err(ShardError::io(remote.scratch()))?;
        Ok(Layout::with_storage(scratch, Storage::Remote(remote)))
    }
    #[cfg(not(feature = "object-store"))]
    Err(unsupported(dir))
}

/// Outcome of a create-only write.
pub(crate) enum Created {
    /// Written, or already there with the same bytes.
    Same,
    /// Already there with other bytes.
    Different,
}

impl Layout {
    /// The store's key of a path under [`Layout::out`] (`/`-separated).
    #[cfg_attr(not(feature = "object-store"), allow(dead_code))]
    pub(crate) fn key(&self, path: &Path) -> String {
        crate::batch::relative_to(&self.out, path)
    }

    /// How `DIR` is named in messages: its path, or its URL.
    pub(crate) fn name(&self) -> String {
        match &*self.storage {
            Storage::Local => self.out.display().to_string(),
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => r.url().to_string(),
        }
    }

    /// Whether a file an earlier step writes is there.
    pub(crate) fn exists(&self, path: &Path) -> Result<bool, ShardError> {
        match &*self.storage {
            Storage::Local => Ok(path.exists()),
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => r.exists(&self.key(path)),
        }
    }

    /// The bytes of a file; `None` when it is not there.
    pub(crate) fn read(&self, path: &Path) -> Result<Option<Vec<u8>>, ShardError> {
        match &*self.storage {
            Storage::Local => match std::fs::read(path) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(ShardError::io(self.show(path))(e)),
            },
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => r.get(&self.key(path)),
        }
    }

    /// The bytes of a file that must be there.
    pub(crate) fn read_existing(&self, path: &Path) -> Result<Vec<u8>, ShardError> {
        self.read(path)?.ok_or_else(|| {
            ShardError::Incomplete(format!("{} is missing", self.show(path).display()))
        })
    }

    /// A local path holding the file (the file itself, or a copy fetched into the scratch
    /// directory): for files read as streams or by path.
    pub(crate) fn local(&self, path: &Path) -> Result<PathBuf, ShardError> {
        match &*self.storage {
            Storage::Local => Ok(path.to_path_buf()),
            #[cfg(feature = "object-store")]
            Storage::Remote(_) => {
                let bytes = self.read_existing(path)?;
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(ShardError::io(self.show(path)))?;
                }
                std::fs::write(path, bytes).map_err(ShardError::io(self.show(path)))?;
                Ok(path.to_path_buf())
            }
        }
    }

    /// The hex BLAKE3 of a file; `None` when it is not there.
    pub(crate) fn hash(&self, path: &Path) -> Result<Option<String>, ShardError> {
        match &*self.storage {
            Storage::Local => match hash_file(path) {
                Ok(hash) => Ok(Some(hash)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(ShardError::io(self.show(path))(e)),
            },
            #[cfg(feature = "object-store")]
            Storage::Remote(_) => Ok(self
                .read(path)?
                .map(|b| blake3::hash(&b).to_hex().to_string())),
        }
    }

    /// Gives the staged file `staged` (hashed `hash`) its final name `path`, create-only.
    pub(crate) fn create(
        &self,
        staged: &Path,
        path: &Path,
        hash: &str,
    ) -> Result<Created, ShardError> {
        let show = self.show(path);
        match &*self.storage {
            Storage::Local => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(ShardError::io(show.clone()))?;
                }
                // A hard link is atomic and never replaces an existing name (unlike a
                // rename).
                match std::fs::hard_link(staged, path) {
                    Ok(()) => Ok(Created::Same),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        let there = hash_file(path).map_err(ShardError::io(show))?;
                        Ok(if there == hash {
                            Created::Same
                        } else {
                            Created::Different
                        })
                    }
                    Err(e) => Err(ShardError::io(show)(e)),
                }
            }
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => {
                let bytes = std::fs::read(staged).map_err(ShardError::io(show))?;
                r.create(&self.key(path), bytes)
            }
        }
    }

    /// A document's output, written under [`Layout::out`] by the single run's code: to the
    /// store, create-only, and the local copy removed. Nothing to do for a local `DIR`.
    pub(crate) fn publish(&self, path: &Path) -> Result<(), ShardError> {
        match &*self.storage {
            // Already in place.
            Storage::Local => {
                let _ = path;
                Ok(())
            }
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => {
                let show = self.show(path);
                let bytes = std::fs::read(path).map_err(ShardError::io(show.clone()))?;
                let created = r.create(&self.key(path), bytes)?;
                let _ = std::fs::remove_file(path);
                match created {
                    Created::Same => Ok(()),
                    Created::Different => {
                        Err(ShardError::NonDeterministic(show.display().to_string()))
                    }
                }
            }
        }
    }

    /// `merge`'s own results (`audit.jsonl`, `summary.json`), written under
    /// [`Layout::out`]: to the store, replacing an earlier merge's (as a single run does).
    pub(crate) fn replace(&self, path: &Path) -> Result<(), ShardError> {
        match &*self.storage {
            // Already in place.
            Storage::Local => {
                let _ = path;
                Ok(())
            }
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => {
                let bytes = std::fs::read(path).map_err(ShardError::io(self.show(path)))?;
                r.put(&self.key(path), bytes)
            }
        }
    }

    /// Removes a file or a folder of files (an earlier run's results, the plan's files).
    pub(crate) fn remove(&self, path: &Path) -> Result<(), ShardError> {
        let gone = |r: std::io::Result<()>| match r {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(ShardError::io(self.show(path))(e))
            }
            _ => Ok(()),
        };
        match &*self.storage {
            Storage::Local if path.is_dir() => gone(std::fs::remove_dir_all(path)),
            Storage::Local => gone(std::fs::remove_file(path)),
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => r.remove(&self.key(path)),
        }
    }

    /// Whether an object-store `DIR` holds nothing (a local `DIR` is checked as for
    /// `redact`, by `batch::prepare_out`).
    pub(crate) fn is_empty(&self) -> Result<bool, ShardError> {
        match &*self.storage {
            Storage::Local => Ok(true),
            #[cfg(feature = "object-store")]
            Storage::Remote(r) => r.is_empty(),
        }
    }
}

/// A document's input as a local file: the file itself, or, for an input in an object
/// store, a copy fetched into `tmp` (removed when this is dropped).
pub(crate) struct LocalInput {
    pub(crate) job: Job,
    _copy: Option<tempfile::TempDir>,
}

/// The local form of `job` (see [`LocalInput`]). An input that is gone from the store is
/// left at a path that does not exist, so it fails as a missing local file does.
pub(crate) fn local_input(job: &Job, tmp: &Path) -> Result<LocalInput, ShardError> {
    if !is_url(&job.path) {
        return Ok(LocalInput {
            job: job.clone(),
            _copy: None,
        });
    }
    #[cfg(feature = "object-store")]
    {
        std::fs::create_dir_all(tmp).map_err(ShardError::io(tmp))?;
        let dir = crate::resume::temp_builder()
            .tempdir_in(tmp)
            .map_err(ShardError::io(tmp))?;
        let url = job.path.to_str().unwrap_or_default();
        let name = url.rsplit('/').next().unwrap_or("input");
        let local = dir.path().join(name);
        if let Some(bytes) = remote::get_url(url)? {
            std::fs::write(&local, bytes).map_err(ShardError::io(&job.relative))?;
        }
        let mut job = job.clone();
        job.path = local;
        Ok(LocalInput {
            job,
            _copy: Some(dir),
        })
    }
    #[cfg(not(feature = "object-store"))]
    {
        let _ = tmp;
        Err(unsupported(&job.path))
    }
}

/// A file given as a local path (returned as it is) or as an object-store URL (fetched
/// into `dir`).
pub(crate) fn local_file(path: &Path, dir: &Path) -> Result<PathBuf, ShardError> {
    if !is_url(path) {
        return Ok(path.to_path_buf());
    }
    #[cfg(feature = "object-store")]
    {
        let url = path.to_str().unwrap_or_default();
        let Some(bytes) = remote::get_url(url)? else {
            return Err(ShardError::Usage(format!("{url}: no such object")));
        };
        std::fs::create_dir_all(dir).map_err(ShardError::io(dir))?;
        let local = dir.join(url.rsplit('/').next().unwrap_or("file"));
        std::fs::write(&local, bytes).map_err(ShardError::io(&local))?;
        Ok(local)
    }
    #[cfg(not(feature = "object-store"))]
    {
        let _ = dir;
        Err(unsupported(path))
    }
}

/// The jobs for inputs that are object-store URLs, in the order `redact` would take the
/// same tree on disk, with each object's size (see `remote::discover`).
pub(crate) fn discover_urls(
    inputs: &[PathBuf],
    filter: &crate::batch::FileFilter,
) -> Result<Vec<(Job, u64)>, ShardError> {
    #[cfg(feature = "object-store")]
    {
        remote::discover(inputs, filter)
    }
    #[cfg(not(feature = "object-store"))]
    {
        let _ = filter;
        Err(unsupported(&inputs[0]))
    }
}
