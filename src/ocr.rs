//! Optical character recognition with the `tesseract` program (Debian: `tesseract-ocr` and
//! `tesseract-ocr-nld`): an 8-bit grey image in, words with their pixel boxes out (Tesseract's
//! TSV output). The words form a text model like a PDF page's glyphs: the same
//! [`Redactor`](crate::Redactor) scans their text, and each removed word's box says which
//! pixels to blank.
//!
//! Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`): a batch already runs one document
//! per core. Its time does not count against the document's time limit (each recognised
//! image adds its own running time to the deadline), but one run may take at most
//! `RUN_LIMIT` (five minutes).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Longest one recognition may take.
const RUN_LIMIT: Duration = Duration::from_secs(300);

/// Words below this confidence (0–100) are noise: specks, rules, handwriting.
pub const MIN_CONFIDENCE: f32 = 20.0;

/// A recognised word.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    pub text: String,
    /// Pixel box: left, top, width, height (rows from the top).
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
    /// Tesseract's confidence, 0–100.
    pub confidence: f32,
    /// Block, paragraph and line numbers: words with the same are on one line.
    pub line: (u32, u32, u32),
}

/// Why recognition failed. The messages hold no recognised text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OcrError {
    /// Tesseract or its Dutch data is not installed.
    #[error("needs OCR (install tesseract-ocr-nld)")]
    Unavailable,
    /// Tesseract ran but failed or took too long.
    #[error("OCR failed: {0}")]
    Failed(&'static str),
}

/// The Tesseract engine, with its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tesseract {
    program: PathBuf,
    language: String,
}

impl Tesseract {
    /// The installed `tesseract` with Dutch data, if there is one (looked up once).
    pub fn installed() -> Option<Tesseract> {
        static FOUND: OnceLock<Option<Tesseract>> = OnceLock::new();
        FOUND
            .get_or_init(|| {
                let program = PathBuf::from(
                    std::env::var_os("WOO_REDACT_TESSERACT").unwrap_or_else(|| "tesseract".into()),
                );
                let out = Command::new(&program)
                    .arg("--list-langs")
                    .stdin(Stdio::null())
                    .stderr(Stdio::null())
                    .output()
                    .ok()?;
                let langs = String::from_utf8_lossy(&out.stdout);
                langs.lines().any(|l| l.trim() == "nld").then(|| Tesseract {
                    program,
                    language: "nld".into(),
                })
            })
            .clone()
    }

    /// Recognises the words of an 8-bit grey image (`grey` holds `width`×`height` bytes,
    /// rows from the top) scanned at `dpi`.
    pub fn recognise(
        &self,
        grey: &[u8],
        width: usize,
        height: usize,
        dpi: u32,
    ) -> Result<Vec<OcrWord>, OcrError> {
        let started = Instant::now();
        let result = self.run(grey, width, height, dpi);
        // Recognition time is granted on top of the document's time limit.
        crate::deadline::extend(started.elapsed());
        result
    }

    fn run(
        &self,
        grey: &[u8],
        width: usize,
        height: usize,
        dpi: u32,
    ) -> Result<Vec<OcrWord>, OcrError> {
        if grey.len() != width * height || width == 0 || height == 0 {
            return Err(OcrError::Failed("the image has no pixels"));
        }
        // Tesseract reads images from files; a PGM needs no encoder.
        let mut file = tempfile::Builder::new()
            .prefix("woo-redact-ocr-")
            .suffix(".pgm")
            .tempfile()
            .map_err(|_| OcrError::Failed("cannot write a temporary image"))?;
        let header = format!("P5\n{width} {height}\n255\n");
        file.write_all(header.as_bytes())
            .and_then(|()| file.write_all(grey))
            .and_then(|()| file.flush())
            .map_err(|_| OcrError::Failed("cannot write a temporary image"))?;
        let mut child = Command::new(&self.program)
            .arg(file.path())
            .arg("stdout")
            .args(["-l", &self.language, "--psm", "3", "--dpi"])
            .arg(dpi.clamp(70, 1200).to_string())
            .arg("tsv")
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| OcrError::Unavailable)?;
        // Read the output on another thread, so a full pipe cannot block the child.
        let mut stdout = child.stdout.take().ok_or(OcrError::Failed("no output"))?;
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut stdout, &mut out).map(|_| out)
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > RUN_LIMIT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(OcrError::Failed("recognition took too long"));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => return Err(OcrError::Failed("cannot wait for tesseract")),
            }
        };
        let out = reader
            .join()
            .ok()
            .and_then(Result::ok)
            .ok_or(OcrError::Failed("cannot read tesseract's output"))?;
        if !status.success() {
            return Err(OcrError::Failed("tesseract exited with an error"));
        }
        Ok(parse_tsv(&String::from_utf8_lossy(&out)))
    }
}

/// The words of Tesseract's TSV output (level 5 rows with text).
pub fn parse_tsv(tsv: &str) -> Vec<OcrWord> {
    let mut words = Vec::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 12 || f[0] != "5" {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<u32>().ok();
        let text = f[11..].join(" ").trim().to_string();
        let (Some(block), Some(par), Some(ln), Some(left), Some(top), Some(width), Some(height)) =
            (n(2), n(3), n(4), n(6), n(7), n(8), n(9))
        else {
            continue;
        };
        let confidence = f[10].trim().parse::<f32>().unwrap_or(-1.0);
        if text.is_empty() || width == 0 || height == 0 {
            continue;
        }
        words.push(OcrWord {
            text,
            left,
            top,
            width,
            height,
            confidence,
            line: (block, par, ln),
        });
    }
    words
}

/// Whether the words amount to text: at least one confident word with two letters or digits.
pub fn shows_text(words: &[OcrWord]) -> bool {
    words.iter().any(|w| {
        w.confidence >= MIN_CONFIDENCE
            && w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t
4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t
5\t1\t1\t1\t1\t1\t10\t20\t60\t30\t96.5\tBeste
5\t1\t1\t1\t1\t2\t80\t20\t40\t30\t91\tJan,
5\t1\t1\t1\t2\t1\t10\t60\t40\t30\t12\t~
5\t1\t1\t1\t2\t2\t10\t60\t0\t30\t90\tzero
";

    #[test]
    fn tsv_rows_become_words_on_lines() {
        let words = parse_tsv(TSV);
        assert_eq!(words.len(), 3);
        assert_eq!(words[1].text, "Jan,");
        assert_eq!((words[1].left, words[1].top, words[1].width), (80, 20, 40));
        assert_eq!(words[0].line, words[1].line);
        assert_ne!(words[1].line, words[2].line);
        assert!(shows_text(&words));
        assert!(!shows_text(&words[2..]));
    }
}
