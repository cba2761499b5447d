//! The ZIP package of a Word document, read with caps (entries, sizes, compression ratio)
//! and refusing unsafe names, and written back deterministically (fixed times, input order).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

use crate::formats::FormatError;

/// Most entries in a package.
pub const MAX_ENTRIES: usize = 2_000;
/// Largest entry, uncompressed.
pub const MAX_ENTRY_BYTES: u64 = 128 << 20;
/// Largest package, uncompressed.
pub const MAX_TOTAL_BYTES: u64 = 512 << 20;
/// Highest ratio of uncompressed to compressed size for entries over 1 MiB (ZIP bombs).
pub const MAX_RATIO: u64 = 200;

/// One entry.
#[derive(Clone)]
pub struct Entry {
    /// Its name in the package (`word/document.xml`).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Entry({}, {} bytes)", self.name, self.bytes.len())
    }
}

fn malformed(reason: String) -> FormatError {
    FormatError::Malformed {
        format: "Word document",
        reason,
    }
}

/// Whether an entry name is a plain relative path inside the package.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains('\0')
        && !name.split('/').any(|p| p == ".." || p == ".")
        && name.as_bytes().get(1).is_none_or(|&b| b != b':')
}

/// Reads every entry of the package.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, FormatError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| malformed(format!("not a ZIP package: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(FormatError::Limit(format!(
            "the package has {} entries, more than {MAX_ENTRIES}",
            archive.len()
        )));
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| malformed(format!("entry {i} cannot be read: {e}")))?;
        let name = file
            .name()
            .map_err(|_| malformed(format!("entry {i} has a name that is not UTF-8")))?
            .to_string();
        if !safe_name(&name) {
            return Err(FormatError::Limit(format!(
                "entry {i} has an unsafe name (absolute or leading outside the package)"
            )));
        }
        let shown = crate::formats::shown(&name);
        if file.encrypted() {
            return Err(FormatError::Unsupported(format!("{shown} is encrypted")));
        }
        if file.is_dir() {
            continue;
        }
        if entries.iter().any(|e| e.name.eq_ignore_ascii_case(&name)) {
            return Err(malformed(format!("{shown} is in the package twice")));
        }
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        if declared > MAX_ENTRY_BYTES || declared > 1 << 20 && declared / compressed > MAX_RATIO {
            return Err(FormatError::Limit(format!(
                "{shown} expands to {declared} bytes from {compressed} (ZIP bomb?)"
            )));
        }
        // Never trust the declared size: read at most one byte over the cap.
        let mut content = Vec::with_capacity(declared.min(1 << 20) as usize);
        (&mut file)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut content)
            .map_err(|e| malformed(format!("{shown} does not decompress: {e}")))?;
        if content.len() as u64 > MAX_ENTRY_BYTES {
            return Err(FormatError::Limit(format!(
                "{shown} expands to more than {} MiB",
                MAX_ENTRY_BYTES >> 20
            )));
        }
        total += content.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(FormatError::Limit(format!(
                "the package expands to more than {} MiB",
                MAX_TOTAL_BYTES >> 20
            )));
        }
        entries.push(Entry {
            name,
            bytes: content,
        });
    }
    Ok(entries)
}

/// Writes the entries as a package, deflated, with fixed times: the same entries give the
/// same bytes.
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, FormatError> {
    let err = |e: String| FormatError::Verification(format!("cannot write the package: {e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for e in entries {
        zip.start_file(e.name.as_str(), options)
            .map_err(|e| err(e.to_string()))?;
        zip.write_all(&e.bytes).map_err(|e| err(e.to_string()))?;
    }
    Ok(zip.finish().map_err(|e| err(e.to_string()))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(names: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (n, b) in names {
            zip.start_file(*n, SimpleFileOptions::default()).unwrap();
            zip.write_all(b).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn refuses_path_traversal_and_bombs() {
        assert!(matches!(
            read(&package(&[("../evil.xml", b"x")])),
            Err(FormatError::Limit(_))
        ));
        assert!(read(&package(&[("/abs.xml", b"x")])).is_err());
        let zeros = vec![0u8; 8 << 20];
        assert!(matches!(
            read(&package(&[("word/document.xml", &zeros)])),
            Err(FormatError::Limit(_))
        ));
        assert!(read(b"PK\x03\x04 not really").is_err());
    }

    #[test]
    fn round_trips_deterministically() {
        let entries = read(&package(&[("a.xml", b"<a/>"), ("b/c.xml", b"<c/>")])).unwrap();
        let one = write(&entries).unwrap();
        assert_eq!(one, write(&entries).unwrap());
        let back = read(&one).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[1].name, "b/c.xml");
        assert_eq!(back[1].bytes, b"<c/>");
    }
}
