//! The package folder. A package is recognised by its `package.json` (which names its
//! matter); publishing into a folder of another matter, or into a non-empty folder that is no
//! package, is refused. The new package is written into a temporary folder next to it and
//! swapped in only when complete, so a failure changes nothing and a package on disk is always
//! whole.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::PublishError;
use super::ids::Ids;

/// The record that marks a folder as a package.
pub const RECORD: &str = "package.json";
/// The IDs file.
pub const IDS: &str = "ids.csv";

#[derive(Deserialize)]
struct Record {
    tool: String,
    matter: String,
}

/// Checks that `out` can take a package of `matter` and reads its existing IDs.
pub fn open(out: &Path, matter: &str) -> Result<Ids, PublishError> {
    let refuse = |reason: String| PublishError::Package {
        path: out.to_path_buf(),
        reason,
    };
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ids::default()),
        Err(e) => {
            return Err(PublishError::Read {
                path: out.to_path_buf(),
                source: e,
            });
        }
    };
    if !meta.is_dir() {
        return Err(refuse("exists and is not a folder".into()));
    }
    let record_path = out.join(RECORD);
    match std::fs::read(&record_path) {
        Ok(bytes) => {
            let record: Record = serde_json::from_slice(&bytes)
                .map_err(|_| refuse(format!("{RECORD} is not a woo-redact package record")))?;
            if record.tool != "woo-redact" {
                return Err(refuse(format!(
                    "{RECORD} is not a woo-redact package record"
                )));
            }
            if record.matter != matter {
                return Err(refuse(format!(
                    "this package is for matter {}, not {matter}; choose another folder",
                    record.matter
                )));
            }
            Ids::read(&out.join(IDS))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let empty = std::fs::read_dir(out)
                .map_err(|e| PublishError::Read {
                    path: out.to_path_buf(),
                    source: e,
                })?
                .next()
                .is_none();
            if empty {
                Ok(Ids::default())
            } else {
                Err(refuse(
                    "is not empty and holds no woo-redact package; choose a new or empty folder"
                        .into(),
                ))
            }
        }
        Err(e) => Err(PublishError::Read {
            path: record_path,
            source: e,
        }),
    }
}

/// A package being written: a temporary folder beside the final one.
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |e| PublishError::Write {
        path: path.to_path_buf(),
        source: e,
    }
}

impl Staging {
    /// Starts a package that will replace `out`.
    pub fn new(out: &Path) -> Result<Staging, PublishError> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(write_err(&parent))?;
        let dir = tempfile::Builder::new()
            .prefix(".woo-publish-")
            .tempdir_in(&parent)
            .map_err(write_err(&parent))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
        })
    }

    /// Writes `bytes` to `relative` (with `/` separators) in the package.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), PublishError> {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_err(parent))?;
        }
        std::fs::write(&path, bytes).map_err(write_err(&self.out.join(relative)))
    }

    /// Puts the package in place of `out` (the old package, if any, is removed).
    pub fn finish(self) -> Result<(), PublishError> {
        let Staging { dir, out } = self;
        let staged = dir.keep();
        let parent = staged.parent().unwrap_or(Path::new(".")).to_path_buf();
        let undo = |e: std::io::Error| {
            let _ = std::fs::remove_dir_all(&staged);
            PublishError::Write {
                path: out.clone(),
                source: e,
            }
        };
        if out.exists() {
            let old = tempfile::Builder::new()
                .prefix(".woo-publish-old-")
                .tempdir_in(&parent)
                .map_err(undo)?;
            let aside = old.path().join("package");
            std::fs::rename(&out, &aside).map_err(undo)?;
            if let Err(e) = std::fs::rename(&staged, &out) {
                // Put the old package back.
                let _ = std::fs::rename(&aside, &out);
                return Err(undo(e));
            }
            // `old` (with the previous package) is removed when dropped.
            drop(old);
        } else {
            std::fs::rename(&staged, &out).map_err(undo)?;
        }
        // A temporary folder is private; a package is for publication.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_of_another_matter_or_a_foreign_folder_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let pkg = tmp.path().join("pkg");
        assert!(open(&pkg, "2025-01").is_ok());
        std::fs::create_dir(&pkg).unwrap();
        assert!(open(&pkg, "2025-01").is_ok());
        std::fs::write(pkg.join("notes.txt"), "x").unwrap();
        assert!(open(&pkg, "2025-01").is_err());
        std::fs::write(
            pkg.join(RECORD),
            r#"{"tool":"woo-redact","matter":"2025-02"}"#,
        )
        .unwrap();
        let e = open(&pkg, "2025-01").unwrap_err();
        assert!(e.to_string().contains("2025-02"), "{e}");
        assert!(open(&pkg, "2025-02").is_ok());
    }

    #[test]
    fn staging_replaces_the_package_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let pkg = tmp.path().join("pkg");
        let s = Staging::new(&pkg).unwrap();
        s.write("a/b.txt", b"one").unwrap();
        s.finish().unwrap();
        assert_eq!(std::fs::read(pkg.join("a/b.txt")).unwrap(), b"one");
        let s = Staging::new(&pkg).unwrap();
        s.write("c.txt", b"two").unwrap();
        s.finish().unwrap();
        assert!(!pkg.join("a").exists());
        assert_eq!(std::fs::read(pkg.join("c.txt")).unwrap(), b"two");
        let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary folders left");
    }
}
