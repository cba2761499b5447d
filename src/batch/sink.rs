//! Sinks: where the per-document results go, in input order: `audit.jsonl` and
//! `summary.json` for `redact`, JSON lines on a stream for `scan`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::report::{BatchReport, Outcome};
use crate::audit::{DigestKey, KeySource};
use crate::redactor::Redactor;
use crate::resume::WorkDir;

/// Where the per-document results go, in input order.
pub(crate) trait Sink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()>;
}

/// Writes `audit.jsonl` and `summary.json` under temporary names in the work directory,
/// renamed into the output directory at the end.
pub(crate) struct FileSink {
    audit: BufWriter<tempfile::NamedTempFile>,
    summary: BufWriter<tempfile::NamedTempFile>,
    dir: PathBuf,
    first: bool,
}

impl FileSink {
    pub(crate) fn create(
        work: &WorkDir,
        dir: &Path,
        redactor: &Redactor,
        key: &DigestKey,
    ) -> std::io::Result<FileSink> {
        let mut summary = BufWriter::new(work.temp()?);
        let links = key.source() != KeySource::Random;
        let header = serde_json::json!({
            "tool": "woo-redact",
            "version": env!("CARGO_PKG_VERSION"),
            "digest_key": key.source(),
            "digests_link_across_runs": links,
            "digest_note": if links {
                "digests are keyed: the same text under the same key gives the same digest"
            } else {
                "no audit key was given: a random key was used, so digests do not link across runs"
            },
            "grounds": redactor.policy().ground_table(),
        });
        let header = serde_json::to_string(&header).map_err(std::io::Error::other)?;
        // Stream the documents array: `{header…,"documents":[` … `],"totals":{…}}`.
        write!(summary, "{},\"documents\":[", &header[..header.len() - 1])?;
        Ok(FileSink {
            audit: BufWriter::new(work.temp()?),
            summary,
            dir: dir.to_path_buf(),
            first: true,
        })
    }

    pub(crate) fn finish(self, report: &BatchReport) -> std::io::Result<()> {
        let FileSink {
            audit,
            mut summary,
            dir,
            ..
        } = self;
        let totals = serde_json::to_string(report).map_err(std::io::Error::other)?;
        write!(summary, "\n],\"totals\":{totals}}}\n")?;
        for (file, name) in [(audit, "audit.jsonl"), (summary, "summary.json")] {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            file.as_file().sync_all()?;
            file.persist(dir.join(name)).map_err(|e| e.error)?;
        }
        Ok(())
    }
}

impl Sink for FileSink {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        for line in &outcome.lines {
            writeln!(self.audit, "{line}")?;
        }
        let entry = serde_json::to_string(&outcome.summary).map_err(std::io::Error::other)?;
        let sep = if std::mem::take(&mut self.first) {
            ""
        } else {
            ","
        };
        write!(self.summary, "{sep}\n{entry}")
    }
}

/// Writes audit records as JSON lines to a stream (the `scan` command).
pub(crate) struct LineSink<'a> {
    pub(crate) out: &'a mut dyn Write,
}

impl Sink for LineSink<'_> {
    fn document(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        for line in &outcome.lines {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}
