//! The object-store back end: `s3://bucket/prefix` (credentials, region and endpoint from
//! the standard `AWS_*` variables: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ALLOW_HTTP`) and `file:///dir`, through
//! `object_store`. Its calls are async; they run on one small current-thread tokio runtime
//! (`block_on` from whichever thread asks, rayon's included), while the CPU work stays on
//! rayon.

use std::collections::HashMap;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use futures_util::StreamExt;
use object_store::path::Path;
use object_store::{
    ObjectStore, ObjectStoreExt, PutMode, PutOptions, PutPayload, aws::AmazonS3Builder,
    local::LocalFileSystem,
};

use super::Created;
use crate::batch::{FileFilter, Job};
use crate::shard::ShardError;

/// The runtime every object-store call runs on.
fn runtime() -> Result<&'static tokio::runtime::Runtime, ShardError> {
    static RUNTIME: OnceLock<Result<tokio::runtime::Runtime, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| ShardError::Storage(format!("cannot start the I/O runtime: {e}")))
}

fn block_on<F: std::future::Future>(f: F) -> Result<F::Output, ShardError> {
    Ok(runtime()?.block_on(f))
}

/// A store and the key prefix a URL names in it.
#[derive(Clone)]
struct Located {
    store: Arc<dyn ObjectStore>,
    prefix: String,
}

impl Located {
    /// `s3://bucket/prefix` or `file:///dir`; one store per bucket, shared by every URL in it.
    fn parse(url: &str) -> Result<Located, ShardError> {
        static STORES: OnceLock<Mutex<HashMap<String, Arc<dyn ObjectStore>>>> = OnceLock::new();
        let (base, prefix) = if let Some(rest) = url.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err(ShardError::Usage(format!("{url}: no bucket named")));
            }
            (format!("s3://{bucket}"), prefix)
        } else if let Some(path) = url.strip_prefix("file://") {
            if !path.starts_with('/') {
                return Err(ShardError::Usage(format!(
                    "{url}: a file URL needs an absolute path (file:///dir)"
                )));
            }
            ("file://".to_string(), path)
        } else {
            return Err(ShardError::Usage(format!(
                "{url}: not an s3:// or file:// URL"
            )));
        };
        let prefix = prefix.trim_matches('/').to_string();
        let mut stores = STORES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let store = match stores.get(&base) {
            Some(store) => store.clone(),
            None => {
                let store = open_store(&base)?;
                stores.insert(base, store.clone());
                store
            }
        };
        Ok(Located { store, prefix })
    }

    fn path(&self, key: &str) -> Result<Path, ShardError> {
        let full = match (self.prefix.is_empty(), key.is_empty()) {
            (true, _) => key.to_string(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}/{key}", self.prefix),
        };
        Path::parse(&full).map_err(|e| ShardError::Usage(format!("`{full}`: {e}")))
    }

    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, ShardError> {
        let path = self.path(key)?;
        let got = block_on(async {
            match self.store.get(&path).await {
                Ok(r) => r.bytes().await.map(Some),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(e),
            }
        })?;
        got.map(|b| b.map(|b| b.to_vec()))
            .map_err(failed("reading", &path))
    }

    /// Every object under `key`, as keys relative to it, with their sizes.
    fn list(&self, key: &str) -> Result<Vec<(String, u64)>, ShardError> {
        let path = self.path(key)?;
        let under = if path.as_ref().is_empty() {
            String::new()
        } else {
            format!("{}/", path.as_ref())
        };
        let listed = block_on(async {
            let mut found = Vec::new();
            let mut stream = self.store.list(Some(&path));
            while let Some(meta) = stream.next().await {
                match meta {
                    Ok(meta) => found.push(meta),
                    Err(object_store::Error::NotFound { .. }) => break,
                    Err(e) => return Err(e),
                }
            }
            Ok(found)
        })?
        .map_err(failed("listing", &path))?;
        Ok(listed
            .into_iter()
            .filter_map(|m| {
                let key = m.location.as_ref().strip_prefix(under.as_str())?;
                Some((key.to_string(), m.size))
            })
            .collect())
    }
}

fn open_store(base: &str) -> Result<Arc<dyn ObjectStore>, ShardError> {
    if base == "file://" {
        return Ok(Arc::new(
            LocalFileSystem::new().with_automatic_cleanup(true),
        ));
    }
    // A few quick retries: a throttled or briefly failing store recovers, an unreachable one
    // is reported within seconds (the task exits and the scheduler retries it).
    let retry = object_store::RetryConfig {
        max_retries: 3,
        retry_timeout: Duration::from_secs(60),
        ..Default::default()
    };
    let store = AmazonS3Builder::from_env()
        .with_url(base)
        .with_retry(retry)
        .build()
        .map_err(|e| ShardError::Storage(format!("{base}: {e}")))?;
    Ok(Arc::new(store))
}

/// The message of a failed store call. The store's message names the object and the
/// service's answer, never an object's content.
fn failed(what: &'static str, path: &Path) -> impl FnOnce(object_store::Error) -> ShardError {
    let path = path.to_string();
    move |e| ShardError::Storage(format!("{what} `{path}`: {e}"))
}

/// A plan directory in an object store, with the local scratch directory that stands in for
/// it.
pub(crate) struct Remote {
    url: String,
    at: Located,
    scratch: tempfile::TempDir,
}

impl Remote {
    pub(crate) fn open(url: &str) -> Result<Remote, ShardError> {
        let at = Located::parse(url)?;
        let scratch = crate::resume::temp_builder()
            .prefix(".woo-redact-scratch-")
            .tempdir()
            .map_err(ShardError::io(std::env::temp_dir()))?;
        Ok(Remote {
            url: url.trim_end_matches('/').to_string(),
            at,
            scratch,
        })
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn scratch(&self) -> &FsPath {
        self.scratch.path()
    }

    pub(crate) fn get(&self, key: &str) -> Result<Option<Vec<u8>>, ShardError> {
        self.at.get(key)
    }

    pub(crate) fn exists(&self, key: &str) -> Result<bool, ShardError> {
        let path = self.at.path(key)?;
        match block_on(self.at.store.head(&path))? {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(failed("looking up", &path)(e)),
        }
    }

    /// Writes `bytes` create-only (`PutMode::Create`); an object already there is read back
    /// and compared.
    pub(crate) fn create(&self, key: &str, bytes: Vec<u8>) -> Result<Created, ShardError> {
        let path = self.at.path(key)?;
        let hash = blake3::hash(&bytes);
        let options = PutOptions {
            mode: PutMode::Create,
            ..Default::default()
        };
        let put = block_on(
            self.at
                .store
                .put_opts(&path, PutPayload::from(bytes), options),
        )?;
        match put {
            Ok(_) => Ok(Created::Same),
            Err(object_store::Error::AlreadyExists { .. }) => match self.at.get(key)? {
                Some(there) if blake3::hash(&there) == hash => Ok(Created::Same),
                _ => Ok(Created::Different),
            },
            Err(e) => Err(failed("writing", &path)(e)),
        }
    }

    /// Writes `bytes`, replacing what is there.
    pub(crate) fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), ShardError> {
        let path = self.at.path(key)?;
        block_on(self.at.store.put(&path, PutPayload::from(bytes)))?
            .map(|_| ())
            .map_err(failed("writing", &path))
    }

    /// Removes the object `key` and every object under it.
    pub(crate) fn remove(&self, key: &str) -> Result<(), ShardError> {
        let mut keys: Vec<String> = self
            .at
            .list(key)?
            .into_iter()
            .map(|(k, _)| format!("{key}/{k}"))
            .collect();
        keys.push(key.to_string());
        for key in keys {
            let path = self.at.path(&key)?;
            match block_on(self.at.store.delete(&path))? {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(failed("removing", &path)(e)),
            }
        }
        Ok(())
    }

    #[cfg(test)]
    fn list(&self, key: &str) -> Result<Vec<(String, u64)>, ShardError> {
        self.at.list(key)
    }

    /// Whether nothing is under the plan directory's prefix (one listing page at most).
    pub(crate) fn is_empty(&self) -> Result<bool, ShardError> {
        let path = self.at.path("")?;
        let first = block_on(async { self.at.store.list(Some(&path)).next().await })?;
        match first {
            None | Some(Err(object_store::Error::NotFound { .. })) => Ok(true),
            Some(Ok(_)) => Ok(false),
            Some(Err(e)) => Err(failed("listing", &path)(e)),
        }
    }
}

/// The object a URL names; `None` when there is none.
pub(crate) fn get_url(url: &str) -> Result<Option<Vec<u8>>, ShardError> {
    Located::parse(url)?.get("")
}

/// The jobs for inputs given as URLs, in input order. A URL naming one object is a document
/// named by its last segment; one naming a prefix holds the objects under it, ordered as
/// `redact` walks the same tree on disk (by the bytes of each path segment, a folder's
/// documents together) and filtered by the same `--glob` rules.
pub(crate) fn discover(
    inputs: &[PathBuf],
    filter: &FileFilter,
) -> Result<Vec<(Job, u64)>, ShardError> {
    let mut jobs = Vec::new();
    for input in inputs {
        let url = input
            .to_str()
            .ok_or_else(|| ShardError::Usage(format!("{}: not UTF-8", input.display())))?;
        let url = url.trim_end_matches('/');
        let at = Located::parse(url)?;
        let mut listed = at.list("")?;
        if listed.is_empty() {
            let path = at.path("")?;
            match block_on(at.store.head(&path))? {
                Ok(meta) => {
                    let name = url.rsplit('/').next().unwrap_or_default().to_string();
                    jobs.push((Job::for_file(PathBuf::from(url), name), meta.size));
                    continue;
                }
                Err(object_store::Error::NotFound { .. }) => {
                    return Err(crate::error::BatchError::Input {
                        path: input.clone(),
                        reason: "no such object or prefix".into(),
                    }
                    .into());
                }
                Err(e) => return Err(failed("looking up", &path)(e)),
            }
        }
        listed.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
        // A folder marker (an empty object `dir/`, as consoles make) is no document: on
        // disk a name is a file or a folder, never both.
        let folders: std::collections::HashSet<&str> = listed
            .iter()
            .flat_map(|(key, _)| key.match_indices('/').map(|(i, _)| &key[..i]))
            .collect();
        let listed: Vec<(String, u64)> = listed
            .iter()
            .filter(|(key, _)| !folders.contains(key.as_str()))
            .cloned()
            .collect();
        for (key, size) in listed {
            let parts: Vec<&str> = key.split('/').collect();
            let dirs_admitted = (1..parts.len()).all(|n| filter.admits_dir(&parts[..n].join("/")));
            if dirs_admitted && filter.admits_file(&key) {
                jobs.push((
                    Job::for_file(PathBuf::from(format!("{url}/{key}")), key),
                    size,
                ));
            }
        }
    }
    Ok(jobs)
}

/// An unreachable store is an error with its cause, not a hang or a panic: checked by the
/// integration tests against a closed port; here the URL forms.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_a_store_and_a_prefix() {
        let at = Located::parse("file:///tmp/x/y/").unwrap();
        assert_eq!(at.prefix, "tmp/x/y");
        assert_eq!(at.path("a/b.txt").unwrap().as_ref(), "tmp/x/y/a/b.txt");
        for bad in ["file://relative", "s3:///key", "http://x/y"] {
            assert!(
                matches!(Located::parse(bad), Err(ShardError::Usage(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn create_only_on_a_file_url_compares_the_second_writer() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("file://{}", dir.path().display());
        let remote = Remote::open(&url).unwrap();
        assert!(!remote.exists("p/done").unwrap());
        assert!(matches!(
            remote.create("p/done", b"one".to_vec()),
            Ok(Created::Same)
        ));
        assert!(matches!(
            remote.create("p/done", b"one".to_vec()),
            Ok(Created::Same)
        ));
        assert!(matches!(
            remote.create("p/done", b"two".to_vec()),
            Ok(Created::Different)
        ));
        assert_eq!(std::fs::read(dir.path().join("p/done")).unwrap(), b"one");
        assert_eq!(remote.list("p").unwrap(), vec![("done".to_string(), 3)]);
        remote.remove("p").unwrap();
        assert!(remote.get("p/done").unwrap().is_none());
    }
}
