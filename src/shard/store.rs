//! Create-only files: every file a step writes (besides the documents) is written under a
//! temporary name and then linked to its final name, which fails when the name exists (in
//! an object store: a `PutMode::Create` put, see `storage`). So a file under its final name
//! is complete, and of two attempts of the same step the first wins; the second compares its
//! bytes with the file there and reports non-determinism when they differ (equal bytes:
//! success).

use std::io::{BufWriter, Write};
use std::path::Path;

use super::storage::Created;
use super::{Layout, ShardError};

/// A file being written, hashed as it goes.
pub(crate) struct Staged {
    file: BufWriter<tempfile::NamedTempFile>,
    hasher: blake3::Hasher,
}

impl Staged {
    pub(crate) fn new(layout: &Layout) -> Result<Staged, ShardError> {
        let tmp = layout.tmp();
        std::fs::create_dir_all(&tmp).map_err(ShardError::io(layout.show(&tmp)))?;
        let file = crate::resume::temp_builder()
            .tempfile_in(&tmp)
            .map_err(ShardError::io(layout.show(&tmp)))?;
        Ok(Staged {
            file: BufWriter::new(file),
            hasher: blake3::Hasher::new(),
        })
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.hasher.update(bytes);
        self.file.write_all(bytes)
    }

    /// Writes one line (the line end added).
    pub(crate) fn line(&mut self, line: &str) -> std::io::Result<()> {
        self.write(line.as_bytes())?;
        self.write(b"\n")
    }

    /// Gives the file its final name, create-only; returns its hex BLAKE3.
    pub(crate) fn commit(self, layout: &Layout, path: &Path) -> Result<String, ShardError> {
        let show = layout.show(path);
        let file = self
            .file
            .into_inner()
            .map_err(|e| ShardError::io(show.clone())(e.into_error()))?;
        file.as_file()
            .sync_all()
            .map_err(ShardError::io(show.clone()))?;
        let hash = self.hasher.finalize().to_hex().to_string();
        match layout.create(file.path(), path, &hash)? {
            Created::Same => Ok(hash),
            Created::Different => Err(ShardError::NonDeterministic(show.display().to_string())),
        }
        // The temporary name goes with `file`.
    }
}

/// Writes `bytes` to `path` create-only (see [`Staged::commit`]); returns the hex BLAKE3.
pub(crate) fn create_only(
    layout: &Layout,
    path: &Path,
    bytes: &[u8],
) -> Result<String, ShardError> {
    let mut staged = Staged::new(layout)?;
    staged
        .write(bytes)
        .map_err(ShardError::io(layout.show(path)))?;
    staged.commit(layout, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_writer_wins_and_a_different_second_one_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let path = layout.root.join("pass1/shard-00000.done");
        let first = create_only(&layout, &path, b"one").unwrap();
        assert_eq!(first, blake3::hash(b"one").to_hex().to_string());
        // The same bytes again: success, nothing changed.
        assert_eq!(create_only(&layout, &path, b"one").unwrap(), first);
        let e = create_only(&layout, &path, b"two").unwrap_err();
        assert!(matches!(e, ShardError::NonDeterministic(_)), "{e}");
        assert_eq!(e.exit_code(), 42);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(layout.tmp()).unwrap().count(), 0);
    }
}
