//! The fuzz harnesses: one function per `cargo fuzz` target, each taking arbitrary bytes
//! through one path of the library and checking cheap invariants. A panic is a finding; a
//! document that fails with an error is not (failing closed is allowed).
//!
//! `tests/fuzz_regressions.rs` includes this file as a module, so the committed crashing
//! inputs run through exactly the code the fuzzers ran.

use std::sync::OnceLock;

use woo_redact::audit::Location;
use woo_redact::load::TextDocument;
use woo_redact::pdf::{self, PdfOptions, PdfReport};
use woo_redact::{
    AuditRecord, DigestKey, Lists, Policy, Redactor, Removal, StaffDirectory, StaffMember,
};

/// A small fixed set of lists: two staff members, one public official, two keep entries.
pub fn redactor() -> &'static Redactor {
    static REDACTOR: OnceLock<Redactor> = OnceLock::new();
    REDACTOR.get_or_init(|| {
        let member = |name: &str, email: &str, phone: Option<&str>| StaffMember {
            name: name.to_string(),
            email: Some(email.to_string()),
            phone: phone.map(str::to_string),
        };
        let lists = Lists {
            staff: StaffDirectory {
                members: vec![
                    member(
                        "Marloes van der Wiel",
                        "m.vanderwiel@minjenv.nl",
                        Some("06-41 27 83 90"),
                    ),
                    member("Bram Oosterhuis", "b.oosterhuis@minjenv.nl", None),
                ],
            },
            public: vec!["Hendrik Vos".to_string()],
            keep: vec!["Turfmarkt 147".to_string(), "woo@minjenv.nl".to_string()],
        };
        Redactor::new(Policy::default(), &lists).expect("the fuzz lists are valid")
    })
}

fn key() -> &'static DigestKey {
    static KEY: OnceLock<DigestKey> = OnceLock::new();
    KEY.get_or_init(|| DigestKey::from_material(b"woo-redact fuzz key").expect("valid key"))
}

/// Bytes → text decoding → `Redactor::scan` and `Redactor::redact`.
///
/// Bytes that do not decode are still redacted as lossy UTF-8, so that the detectors see
/// every input. Checks: removals sorted, disjoint, within bounds and on character
/// boundaries; `redact` agrees with `scan`; the output is the input with each removal
/// replaced by its label; no removed string of four or more characters stays readable as a
/// whole token more often than protected text accounts for; and verification passes: the
/// pipeline's own output must never leak. (`WOO_FUZZ_ALLOW_VERIFY_FAILURE` set lets a text
/// fail verification, as the batch does, failing it closed.)
pub fn text_pipeline(data: &[u8]) {
    let text = match TextDocument::decode(data.to_vec()) {
        Ok(doc) => doc.text,
        Err(e) => {
            let _ = e.to_string();
            String::from_utf8_lossy(data).into_owned()
        }
    };
    let redactor = redactor();
    let scan = redactor.scan(&text);
    check_removals(&text, &scan.removals);
    for p in &scan.protected {
        assert!(p.start <= p.end && p.end <= text.len(), "protected {p:?}");
    }
    match redactor.redact(&text) {
        Ok(redaction) => {
            assert_eq!(
                redaction.removals, scan.removals,
                "redact and scan disagree"
            );
            let mut expected = String::with_capacity(text.len());
            let mut at = 0;
            for r in &redaction.removals {
                expected.push_str(&text[at..r.start]);
                expected.push_str(&redactor.label(r));
                at = r.end;
            }
            expected.push_str(&text[at..]);
            assert_eq!(redaction.text, expected, "output is not input with labels");
            check_no_leak(&text, &redaction.text, &redaction.removals, &scan.protected);
            for (i, r) in redaction.removals.iter().enumerate() {
                let record =
                    AuditRecord::for_text("fuzz.txt", i + 1, r, &text[r.start..r.end], key());
                let _ = record.to_json();
            }
        }
        Err(e) => {
            let message = e.to_string();
            if std::env::var_os("WOO_FUZZ_ALLOW_VERIFY_FAILURE").is_none() {
                panic!("verification failed: {message}");
            }
        }
    }
}

/// Bytes → PDF loader, page tree and content interpreter → scan (no output written).
pub fn pdf_load(data: &[u8]) {
    match pdf::scan(redactor(), data, "fuzz.pdf", key(), &PdfOptions::default()) {
        Ok((records, report)) => check_records(&records, &report),
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// Bytes → the whole PDF redaction path, verification included. On success the output is a
/// PDF, the records are consistent, and a scan of the input gives the same records.
pub fn pdf_redact(data: &[u8]) {
    let options = PdfOptions::default();
    match pdf::redact(redactor(), data, "fuzz.pdf", key(), &options) {
        Ok(redaction) => {
            assert!(redaction.bytes.starts_with(b"%PDF-"), "output is not a PDF");
            check_records(&redaction.records, &redaction.report);
            let (records, _) = pdf::scan(redactor(), data, "fuzz.pdf", key(), &options)
                .expect("a PDF that redacts also scans");
            assert_eq!(
                records.len(),
                redaction.records.len(),
                "scan and redact disagree"
            );
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// Bytes → the content stream of page 1 of a fixed PDF (fonts Helvetica `/F1` and Type 0
/// `/F0` with a ToUnicode CMap, form `/Fm1`, image `/Im1`) → the whole PDF redaction path, as
/// in [`pdf_redact`]: mutations reach the content interpreter and rewriting without having to
/// keep a PDF file valid.
pub fn pdf_content(data: &[u8]) {
    pdf_redact(&pdf_with_content(data));
}

/// A PDF whose first page draws `content`.
pub fn pdf_with_content(content: &[u8]) -> Vec<u8> {
    fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /F def \
        1 begincodespacerange <0000> <FFFF> endcodespacerange \
        2 beginbfchar <0001> <004A> <0002> <0061> endbfchar \
        1 beginbfrange <0010> <0040> <0041> endbfrange endcmap end end";
    let form = b"BT /F1 10 Tf 0 0 Td (Bram Oosterhuis, Kerkstraat 12, 1234 AB Utrecht) Tj ET";
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R \
          /F0 6 0 R >> /XObject << /Fm1 9 0 R /Im1 10 0 R >> >> >>"
            .to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H \
          /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /CIDToGIDMap /Identity \
          /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
          /DW 500 /W [1 [600 500] 16 64 550] >>"
            .to_vec(),
        stream("", cmap),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 400 20] \
             /Resources << /Font << /F1 5 0 R >> >>",
            form,
        ),
        stream(
            "/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 \
             /ColorSpace /DeviceGray",
            b"\x00\xff\xff\x00",
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn check_removals(text: &str, removals: &[Removal]) {
    let mut at = 0;
    for r in removals {
        assert!(
            at <= r.start && r.start < r.end && r.end <= text.len(),
            "removal {}..{} after {at} in {} bytes",
            r.start,
            r.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "removal {}..{} splits a character",
            r.start,
            r.end
        );
        at = r.end;
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_whole_token(text: &str, start: usize, end: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(is_word_char)
        && !text[end..].chars().next().is_some_and(is_word_char)
}

/// Start offsets of every occurrence of `needle` in `hay`, overlapping ones included.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        out.push(from + i);
        from += i + needle.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// An oracle independent of `verify`: each removed string (trimmed, four characters or
/// more) occurs as a whole token in the output at most as often as it occurs as a whole
/// token overlapping protected text in the input.
fn check_no_leak(
    original: &str,
    output: &str,
    removals: &[Removal],
    protected: &[std::ops::Range<usize>],
) {
    let mut seen: Vec<&str> = Vec::new();
    for r in removals {
        let s = original[r.start..r.end].trim();
        if s.chars().count() < 4 || seen.contains(&s) {
            continue;
        }
        seen.push(s);
        let allowed = occurrences(original, s)
            .into_iter()
            .filter(|&i| {
                let end = i + s.len();
                is_whole_token(original, i, end)
                    && protected.iter().any(|p| p.start < end && i < p.end)
            })
            .count();
        let found = occurrences(output, s)
            .into_iter()
            .filter(|&i| is_whole_token(output, i, i + s.len()))
            .count();
        assert!(
            found <= allowed,
            "removed {:?} ({}) still readable: {found} > {allowed}",
            s,
            r.category
        );
    }
}

fn check_records(records: &[AuditRecord], report: &PdfReport) {
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record.item, i + 1, "items are numbered in order");
        match record.location {
            Location::Pdf { page, .. } => assert!(
                (1..=report.pages).contains(&page),
                "record on page {page} of {}",
                report.pages
            ),
            _ => panic!("a PDF record without a page location"),
        }
        let _ = record.to_json();
    }
    let per_page: usize = report.removals_per_page.values().sum();
    assert_eq!(per_page, records.len(), "removals per page add up");
    for &page in &report.images_not_inspected {
        assert!((1..=report.pages).contains(&page), "image page {page}");
    }
}

/// Bytes → the e-mail back end (`.eml`): MIME parsing, header and body codecs, HTML, the
/// text model, writing and verification. On success the output parses again as a message
/// and the records are numbered from 1 with a part each.
pub fn eml_redact(data: &[u8]) {
    format_redact(woo_redact::formats::Format::Eml, data, "fuzz.eml");
}

/// Bytes → the Word back end (`.docx`): ZIP and XML reading with their caps, revisions,
/// properties, the text model, writing and verification.
pub fn docx_redact(data: &[u8]) {
    format_redact(woo_redact::formats::Format::Docx, data, "fuzz.docx");
}

/// Bytes → the Outlook back end (`.msg`): compound file and MAPI property reading, then the
/// e-mail back end on the message it makes.
pub fn msg_redact(data: &[u8]) {
    format_redact(woo_redact::formats::Format::Msg, data, "fuzz.msg");
}

fn format_redact(format: woo_redact::formats::Format, data: &[u8], name: &str) {
    let options = PdfOptions::default();
    let cx = woo_redact::formats::Context {
        redactor: redactor(),
        document: name,
        key: key(),
        pdf: &options,
    };
    match woo_redact::formats::redact(format, data, cx) {
        Ok(out) => {
            for (i, r) in out.records.iter().enumerate() {
                assert_eq!(r.item, i + 1, "records are numbered in order");
                assert!(r.part.is_some(), "a record without its part");
                let _ = r.to_json();
            }
            // The output (an `.eml` for a `.msg`) reads and redacts again.
            let written = match format {
                woo_redact::formats::Format::Msg => woo_redact::formats::Format::Eml,
                f => f,
            };
            woo_redact::formats::redact(written, &out.bytes, cx).expect("an output redacts again");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}
