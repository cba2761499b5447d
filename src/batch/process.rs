//! Per-document processing: read within the limits, take over a completed result or redact
//! (or scan) the document, write its output, and record its completion.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::job::Job;
use super::place::{Placement, output_path};
use super::report::{DocumentSummary, Outcome, Status};
use super::{BatchOptions, Limits};
use crate::audit::{AuditRecord, DigestKey};
use crate::deadline;
use crate::error::DocumentError;
use crate::known::BatchFact;
use crate::load::{DocumentKind, TextDocument};
use crate::policy::PersonScope;
use crate::redactor::Redactor;
use crate::resume::{Completion, WORK_DIR, hex};

/// The configuration fingerprint of a run (see [`crate::resume`]): a keyed digest, so it
/// reveals nothing about the lists, and never the key itself.
pub(crate) fn configuration(redactor: &Redactor, key: &DigestKey) -> String {
    // The program itself, hashed as it streams by (it can be tens of megabytes).
    let program = std::env::current_exe()
        .and_then(std::fs::File::open)
        .and_then(|f| {
            let mut h = blake3::Hasher::new();
            // Large reads: the default 8 KiB buffer costs thousands of system calls here.
            std::io::copy(&mut std::io::BufReader::with_capacity(1 << 20, f), &mut h)?;
            Ok(h.finalize().to_hex().to_string())
        })
        .unwrap_or_default();
    let identity = format!(
        "woo-redact configuration\0{}\0{program}\0{}",
        env!("CARGO_PKG_VERSION"),
        blake3::Hash::from_bytes(redactor.fingerprint()).to_hex()
    );
    key.digest(identity.as_bytes())
}

/// Reads a job's file if it is within the size limit for its kind.
pub(crate) fn read_within_limits(
    job: &Job,
    kind: DocumentKind,
    limits: &Limits,
) -> Result<Vec<u8>, DocumentError> {
    let (limit, what) = limits.max_bytes(kind);
    let too_large = |size| DocumentError::TooLarge {
        size,
        limit,
        kind: what,
    };
    // Open first, then ask the open file its size: one path lookup, not two.
    let file = std::fs::File::open(&job.path).map_err(DocumentError::Read)?;
    let size = file.metadata().map_err(DocumentError::Read)?.len();
    if size > limit {
        return Err(too_large(size));
    }
    // Read at most one byte more than the limit, in case the file grows meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limit.saturating_add(1)),
        &mut bytes,
    )
    .map_err(DocumentError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The failure of a document that could not be read (with its size, when known).
fn unread(job: &Job, e: DocumentError) -> Outcome {
    let size = match e {
        DocumentError::TooLarge { size, .. } => size,
        _ => 0,
    };
    Outcome::failed(job, e, size)
}

/// Redacts one document into the output directory (or takes over the result of an
/// interrupted run).
pub(crate) fn redact_document(
    redactor: &Redactor,
    job: &Job,
    kind: DocumentKind,
    place: &Placement<'_>,
    options: &BatchOptions,
) -> Outcome {
    let bytes = match read_within_limits(job, kind, &options.limits) {
        Ok(b) => b,
        Err(e) => return unread(job, e),
    };
    let size = bytes.len() as u64;
    let target = match output_path(place.out, job) {
        Ok(t) => t,
        Err(e) => return Outcome::failed(job, e, size),
    };
    let input_hash = blake3::hash(&bytes);
    if options.resume
        && let Some(outcome) = resumed(job, place, &input_hash.to_hex(), &target)
    {
        return outcome;
    }
    let mut format_report = None;
    let result = match (kind, &options.decisions) {
        (_, Some(decisions)) => crate::review::redact_reviewed(
            redactor,
            kind,
            &bytes,
            &job.relative,
            decisions,
            options,
        )
        .map(|r| {
            format_report = r.format;
            (r.bytes, r.records, r.pdf)
        }),
        (DocumentKind::Text, None) => {
            redact_text(redactor, job, bytes, &options.key).map(|(o, r)| (o, r, None))
        }
        (DocumentKind::Pdf, None) => {
            crate::pdf::redact(redactor, &bytes, &job.relative, &options.key, &options.pdf)
                .map(|p| (p.bytes, p.records, Some(p.report)))
                .map_err(DocumentError::from)
        }
        (DocumentKind::Format(f), None) => {
            crate::formats::redact(f, &bytes, options.context(redactor, &job.relative))
                .map(|r| {
                    format_report = Some(r.report);
                    (r.bytes, r.records, None)
                })
                .map_err(DocumentError::from)
        }
    };
    let (output, records, pdf_report) = match result {
        Ok(r) => r,
        Err(e) => return Outcome::failed(job, e, size),
    };
    if let Err(e) = place.write(&target, &job.relative, &output) {
        return Outcome::failed(job, e, size);
    }
    let mut summary = DocumentSummary::new(job, status_of(&records));
    summary.output = Some(super::place::output_relative(job));
    let output_hash = hex(&output);
    summary.output_blake3 = Some(output_hash.clone());
    summary.bytes = size;
    summary.pdf = pdf_report;
    summary.format = format_report;
    summary.count(&records);
    let outcome = Outcome::done(summary, &records);
    let completion = Completion::new(
        &job.relative,
        place.config,
        input_hash.to_hex().to_string(),
        output_hash,
        outcome.summary.clone(),
        outcome.lines.clone(),
    );
    if let Err(e) = place.work.store(&completion) {
        return Outcome::failed(
            job,
            DocumentError::Write {
                path: PathBuf::from(WORK_DIR),
                source: e,
            },
            size,
        );
    }
    outcome
}

fn status_of(records: &[AuditRecord]) -> Status {
    if records.is_empty() {
        Status::Unchanged
    } else {
        Status::Redacted
    }
}

/// The outcome of a document that an interrupted run completed, if its record matches.
pub(crate) fn resumed(
    job: &Job,
    place: &Placement<'_>,
    input_hash: &str,
    target: &Path,
) -> Option<Outcome> {
    let c = place.work.load(&job.relative)?;
    if c.config != place.config || c.input != input_hash {
        return None;
    }
    let output = std::fs::read(target).ok()?;
    if hex(&output) != c.output {
        return None;
    }
    let mut summary = c.summary;
    summary.output = Some(super::place::output_relative(job));
    summary.output_blake3 = Some(c.output);
    Some(Outcome {
        summary,
        lines: c.audit,
        resumed: true,
    })
}

/// Scans one document: its audit records, nothing written.
pub(crate) fn scan_document(
    redactor: &Redactor,
    job: &Job,
    kind: DocumentKind,
    options: &BatchOptions,
) -> Outcome {
    let bytes = match read_within_limits(job, kind, &options.limits) {
        Ok(b) => b,
        Err(e) => return unread(job, e),
    };
    let size = bytes.len() as u64;
    let result = match kind {
        DocumentKind::Text => scan_text(redactor, job, bytes, &options.key).map(|r| (r, None)),
        DocumentKind::Pdf => {
            crate::pdf::scan(redactor, &bytes, &job.relative, &options.key, &options.pdf)
                .map(|(r, report)| (r, Some(report)))
                .map_err(DocumentError::from)
        }
        DocumentKind::Format(f) => {
            crate::formats::redact(f, &bytes, options.context(redactor, &job.relative))
                .map(|r| (r.records, None))
                .map_err(DocumentError::from)
        }
    };
    match result {
        Ok((records, pdf_report)) => {
            let mut summary = DocumentSummary::new(job, status_of(&records));
            summary.bytes = size;
            summary.pdf = pdf_report;
            summary.count(&records);
            Outcome::done(summary, &records)
        }
        Err(e) => Outcome::failed(job, e, size),
    }
}

/// Redacts a text document through the shared pipeline: the output bytes (verified as
/// written) and the audit records.
fn redact_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<(Vec<u8>, Vec<AuditRecord>), DocumentError> {
    let out = crate::document::redact_text(redactor, bytes, &job.relative, key, None)?;
    Ok((out.bytes, out.records))
}

fn scan_text(
    redactor: &Redactor,
    job: &Job,
    bytes: Vec<u8>,
    key: &DigestKey,
) -> Result<Vec<AuditRecord>, DocumentError> {
    let doc = TextDocument::decode(bytes)?;
    let scan = redactor.scan(&doc.text);
    Ok(crate::audit::text_records(
        &job.relative,
        &doc,
        &scan.removals,
        key,
    ))
}

/// With the batch-wide person scope (the default), a first pass on `pool` identifies the
/// people named in every document and the numbers labelled as a person's; the returned
/// redactor then removes them in every document. `None` with the per-document scope or a
/// single document.
pub(crate) fn with_batch_people(
    redactor: &Redactor,
    jobs: &[Job],
    options: &BatchOptions,
    pool: &rayon::ThreadPool,
) -> Option<Redactor> {
    // One document teaches itself nothing new.
    if redactor.policy().names.scope != PersonScope::Batch || jobs.len() < 2 {
        return None;
    }
    let identify = |job: &Job| identify_people(redactor, job, options);
    let facts: Vec<BatchFact> = pool.install(|| jobs.par_iter().flat_map_iter(identify).collect());
    Some(redactor.with_batch_facts(facts))
}

/// The people a document names, for the batch-wide person scope (its first pass; also pass 1
/// of a sharded run).
pub(crate) fn identify_people(
    redactor: &Redactor,
    job: &Job,
    options: &BatchOptions,
) -> Vec<BatchFact> {
    with_text(job, options, |text| redactor.identify(text)).unwrap_or_default()
}

/// Reads a document's text as the redactor reads it and hands it to `read`, within the run's
/// size and time limits. `None` when the document cannot be read, is too large or too slow
/// (it fails in the main pass), or `read` panics.
pub(crate) fn with_text<T>(
    job: &Job,
    options: &BatchOptions,
    read: impl FnOnce(&str) -> T,
) -> Option<T> {
    let kind = job.kind()?;
    let bytes = read_within_limits(job, kind, &options.limits).ok()?;
    catch_unwind(AssertUnwindSafe(|| {
        deadline::run(options.limits.timeout, || {
            let text = match kind {
                DocumentKind::Text => TextDocument::decode(bytes).ok()?.text,
                DocumentKind::Pdf => crate::pdf::text(&bytes, &options.pdf).ok()?,
                DocumentKind::Format(f) => crate::formats::text(f, &bytes)?,
            };
            Some(read(&text))
        })
        .ok()
        .flatten()
    }))
    .ok()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resume::WorkDir;
    use crate::{Lists, Policy};

    fn key() -> DigestKey {
        DigestKey::from_material(b"batch unit test key material").unwrap()
    }

    #[test]
    fn resume_trusts_only_matching_records() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("a.txt");
        std::fs::write(&input, "Bel 06-12345678.").unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let out = out.canonicalize().unwrap();
        drop(WorkDir::open(&out, false).unwrap());
        let options = BatchOptions {
            resume: true,
            ..BatchOptions::new(key())
        };
        let r = Redactor::new(Policy::default(), &Lists::default()).unwrap();
        let config = configuration(&r, &options.key);
        let job = Job::for_file(input.clone(), "a.txt".into());
        let kind = DocumentKind::Text;
        // Each call is a resumed run: it sees the journal the calls before it left.
        let run = || {
            let work = WorkDir::open(&out, true).unwrap();
            redact_document(
                &r,
                &job,
                kind,
                &Placement::new(&out, &work, &config),
                &options,
            )
        };
        let first = run();
        assert_eq!(first.summary.status, Status::Redacted);
        assert_eq!(first.summary.output.as_deref(), Some("a.txt"));
        assert!(!first.resumed);
        let target = out.join("a.txt");
        let hash = |p: &Path| hex(&std::fs::read(p).unwrap());
        let taken_over = |config: &str, input: &str| {
            let work = WorkDir::open(&out, true).unwrap();
            resumed(&job, &Placement::new(&out, &work, config), input, &target).is_some()
        };

        // Everything matches: taken over, with the same audit lines.
        let again = run();
        assert!(again.resumed);
        assert_eq!(again.lines, first.lines);
        assert!(taken_over(&config, &hash(&input)));
        // Another configuration (another key gives another fingerprint).
        let other = configuration(
            &r,
            &DigestKey::from_material(b"another key, also long").unwrap(),
        );
        assert_ne!(other, config);
        assert!(!taken_over(&other, &hash(&input)));
        // Another input.
        assert!(!taken_over(&config, &hex(b"changed")));
        // A changed or missing output.
        std::fs::write(&target, "Bel [5.1.2e]!").unwrap();
        assert!(!taken_over(&config, &hash(&input)));
        let redone = run();
        assert!(!redone.resumed);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "Bel [5.1.2e].");
        std::fs::remove_file(&target).unwrap();
        assert!(!taken_over(&config, &hash(&input)));
        // A damaged record: one byte of the journal's only line changed.
        drop(WorkDir::open(&out, false).unwrap());
        run();
        assert!(taken_over(&config, &hash(&input)));
        let journal = out.join(".woo-redact/journal");
        let mut bytes = std::fs::read(&journal).unwrap();
        let at = bytes.len() - 10;
        bytes[at] ^= 1;
        std::fs::write(&journal, &bytes).unwrap();
        assert!(!taken_over(&config, &hash(&input)));
        // The journal never holds the removed text.
        assert!(!run().resumed);
        let journal = std::fs::read_to_string(&journal).unwrap();
        assert!(!journal.contains("12345678"), "{journal}");
        // A failed document's records are void.
        let work = WorkDir::open(&out, true).unwrap();
        Placement::new(&out, &work, &config).forget(&job);
        drop(work);
        std::fs::write(&target, "Bel [5.1.2e].").unwrap();
        assert!(!taken_over(&config, &hash(&input)));
    }

    fn lists(staff: &str, public: &str) -> Lists {
        Lists {
            staff: crate::lists::StaffDirectory::from_csv(format!("name\n{staff}\n").as_bytes())
                .unwrap(),
            public: vec![public.to_string()],
            keep: Vec::new(),
        }
    }

    /// The fingerprint hashes the lists' content (issue 11): one staff name or one public
    /// name changed for another of the same length, under the same key, and `--resume` redoes
    /// the document.
    #[test]
    fn another_staff_or_public_name_of_the_same_length_redoes_the_document() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("a.txt");
        std::fs::write(&input, "Jan Jansen sprak met minister Hendrik Vos.").unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let out = out.canonicalize().unwrap();
        let options = BatchOptions {
            resume: true,
            ..BatchOptions::new(key())
        };
        let redactor = |staff, public| Redactor::new(Policy::default(), &lists(staff, public));
        let first = redactor("Jan Jansen", "Hendrik Vos").unwrap();
        let config = configuration(&first, &options.key);
        assert_eq!(
            config,
            configuration(
                &redactor("Jan Jansen", "Hendrik Vos").unwrap(),
                &options.key
            ),
            "the same content gives the same fingerprint"
        );
        let job = Job::for_file(input.clone(), "a.txt".into());
        drop(WorkDir::open(&out, false).unwrap());
        // Each call is a resumed run, with the journal the ones before it left.
        let run = |redactor: &Redactor, config: &str| {
            let work = WorkDir::open(&out, true).unwrap();
            let place = Placement::new(&out, &work, config);
            redact_document(redactor, &job, DocumentKind::Text, &place, &options)
        };
        let done = run(&first, &config);
        assert_eq!(done.summary.status, Status::Redacted);
        let again = run(&first, &config);
        assert!(again.resumed, "unchanged lists: taken over");
        for (staff, public) in [("Jan Jansem", "Hendrik Vos"), ("Jan Jansen", "Hendrik Vis")] {
            let changed = redactor(staff, public).unwrap();
            let other = configuration(&changed, &options.key);
            assert_ne!(other, config, "{staff} / {public}");
            let redone = run(&changed, &other);
            assert!(!redone.resumed, "{staff} / {public}: redone");
            // Back to the first lists for the next round.
            run(&first, &config);
        }
        // The people a batch identified count too, by content.
        let person = |surname: &str| {
            BatchFact::Person(crate::names::Identified {
                key: crate::names::PersonKey {
                    surname: Some(surname.into()),
                    given: Some("jan".into()),
                    initials: None,
                },
                public: false,
                office: false,
            })
        };
        let a = first.with_batch_facts(vec![person("jansen")]);
        let b = first.with_batch_facts(vec![person("jansem")]);
        assert_ne!(a.fingerprint(), b.fingerprint());
        let number = BatchFact::PersonNumber("CL-004471".into());
        let c = first.with_batch_facts(vec![person("jansen"), number]);
        assert_ne!(a.fingerprint(), c.fingerprint());
        assert_eq!(
            a.fingerprint(),
            first.with_batch_facts(vec![person("jansen")]).fingerprint()
        );
    }
}
