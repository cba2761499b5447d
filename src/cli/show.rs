//! What the command line shows while a batch runs: a progress bar on a terminal, a line for
//! every document that failed or was skipped (and for images left as they were), and the
//! summary line at the end. `-q` shows none of it.

use std::io::IsTerminal;

use woo_redact::Redactor;
use woo_redact::batch::{BatchEvent, BatchReport, DocumentSummary, Status};

use super::lang::{Lang, Msg};

/// Follows a batch's events on standard error.
pub struct Display {
    lang: Lang,
    quiet: bool,
    bar: indicatif::ProgressBar,
}

impl Display {
    pub fn new(lang: Lang, quiet: bool) -> Display {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else {
            let bar = indicatif::ProgressBar::new(0);
            let template = format!(
                "{{bar:40}} {{pos}}/{{len}} {}, {{elapsed}} (eta {{eta}})",
                lang.text(Msg::Documents)
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        };
        Display { lang, quiet, bar }
    }

    /// Takes one event of the batch.
    pub fn event(&mut self, event: BatchEvent<'_>) {
        match event {
            BatchEvent::Found(n) => self.bar.set_length(n as u64),
            BatchEvent::Document(doc) => {
                if !self.quiet {
                    for line in lines(doc, self.lang) {
                        self.bar.suspend(|| eprintln!("woo-redact: {line}"));
                    }
                }
                self.bar.inc(1);
            }
            _ => {}
        }
    }

    /// Ends the progress bar without a summary line.
    pub fn clear(self) {
        self.bar.finish_and_clear();
    }

    /// Ends the progress bar and prints the summary line.
    pub fn finish(self, report: &BatchReport, redactor: &Redactor) {
        self.bar.finish_and_clear();
        if !self.quiet {
            eprintln!("woo-redact: {}", summary_line(report, redactor, self.lang));
        }
    }
}

/// The standard error lines for one document: why it failed or was skipped, and its images
/// left as they were (one line for images not inspected, one for images without text).
pub fn lines(doc: &DocumentSummary, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    match doc.status {
        Status::Failed => out.push(format!(
            "{}: {}: {}",
            lang.text(Msg::Failed),
            doc.document,
            doc.error.as_deref().unwrap_or_default()
        )),
        Status::Skipped => out.push(format!(
            "{}: {}: {}",
            lang.text(Msg::Skipped),
            doc.document,
            lang.skipped_reason(&doc.document, doc.reason.as_deref().unwrap_or_default())
        )),
        _ => {}
    }
    let Some(pdf) = &doc.pdf else {
        return out;
    };
    let pages = |p: &[u32]| p.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    for (msg, list) in [
        (Msg::ImagesNotInspected, &pdf.images_not_inspected),
        (Msg::ImagesWithoutText, &pdf.images_without_text),
    ] {
        if !list.is_empty() {
            out.push(format!(
                "{}: {}: {} {}",
                lang.text(msg),
                doc.document,
                lang.text(Msg::Pages),
                pages(list)
            ));
        }
    }
    out
}

/// One line for the terminal: counts, grounds, time and throughput.
pub fn summary_line(report: &BatchReport, redactor: &Redactor, lang: Lang) -> String {
    let grounds: Vec<String> = report
        .per_ground
        .iter()
        .map(|(code, n)| {
            let label = woo_redact::Ground::parse(code)
                .and_then(|g| redactor.policy().ground_label(&g).map(str::to_string))
                .unwrap_or_default();
            format!("{code} {label}: {n}")
        })
        .collect();
    let t = |m| lang.text(m);
    format!(
        "{} {}: {} {}, {} {}, {} {}, {} {}{}; {} {}{} in {:.2} s ({:.1} MB/s)",
        report.documents,
        t(Msg::Documents),
        report.redacted,
        t(Msg::Redacted),
        report.unchanged,
        t(Msg::Unchanged),
        report.failed,
        t(Msg::Failed),
        report.skipped,
        t(Msg::Skipped),
        if report.resumed > 0 {
            format!(" ({} {})", report.resumed, t(Msg::TakenOver))
        } else {
            String::new()
        },
        report.removals,
        t(Msg::Removals),
        if grounds.is_empty() {
            String::new()
        } else {
            format!(" ({})", grounds.join("; "))
        },
        report.elapsed_seconds,
        report.throughput_mb_per_s,
    )
}
