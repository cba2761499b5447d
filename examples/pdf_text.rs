//! Prints the text of a PDF as the detectors read it (pages in reading order, joined by
//! blank lines): a tool for looking at layouts.
//!
//! ```sh
//! cargo run --release --example pdf_text -- file.pdf
//! ```

use std::process::ExitCode;

use woo_redact::pdf::{self, PdfOptions};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match pdf::text(&bytes, &PdfOptions::default()) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
