//! Real-producer PDFs of the same fake Dutch letter: ReportLab with a standard 14 font,
//! ReportLab with an embedded TrueType font and a sticky note, LibreOffice, cairo and
//! Ghostscript. Every item the text pipeline finds is gone, the rest of the letter is still
//! readable and in place, and the organisation's own address and mailbox (keep list) stay.
//! Also: a tagged LibreOffice file with links, a table and other scripts; a file with an
//! incremental update; a linearized file with object streams.

use crate::pdf_support;

use pdf_support::check;

const REMOVED: [&str; 8] = [
    "De Vries",
    "j.devries@example.nl",
    "06-12345678",
    "111222333",
    "NL91ABNA0417164300",
    "Kerkstraat 12",
    "1234 AB",
    "01-02-1980",
];

const KEPT: [&str; 8] = [
    "Gemeente Voorbeeld",
    "Postbus 100, 2500 AA Den Haag",
    "Betreft: uw verzoek om informatie",
    "woo@voorbeeld.nl",
    "Voor vragen kunt u contact opnemen met de behandelaar",
    "Uw burgerservicenummer",
    "Met vriendelijke groet,",
    "Afdeling Informatieverzoeken",
];

/// `annotations` are the categories of the items found in annotation texts.
fn letter(name: &str, annotations: &[&str]) {
    let out = check(name, &REMOVED, &KEPT);
    let categories: Vec<&str> = out.records.iter().map(|r| r.category.as_str()).collect();
    let mut expected = vec![
        "name",
        "email",
        "phone",
        "bsn",
        "iban",
        "address",
        "address",
        "birthdate",
    ];
    expected.extend(annotations);
    assert_eq!(categories, expected, "{name}");
    assert_eq!(out.report.pages, 1);
    assert_eq!(out.report.removals_per_page.get(&1), Some(&expected.len()));
}

#[test]
fn reportlab_standard_14_font() {
    letter("rl_std14.pdf", &[]);
}

#[test]
fn reportlab_embedded_truetype_with_a_sticky_note() {
    letter("rl_ttf.pdf", &["email"]);
    let raw = pdf_support::raw_objects(&pdf_support::redact("rl_ttf.pdf").bytes);
    assert!(!raw.contains("Let op"), "the sticky note is gone");
}

#[test]
fn libreoffice() {
    letter("lo_letter.pdf", &[]);
}

#[test]
fn cairo() {
    letter("cairo_letter.pdf", &[]);
}

#[test]
fn ghostscript() {
    letter("gs_letter.pdf", &[]);
}

#[test]
fn libreoffice_tagged_with_links_tables_and_other_scripts() {
    let out = check(
        "lo_tagged.pdf",
        &[
            "d.yilmaz@example.nl",
            "06-12345678",
            "NL91ABNA0417164300",
            "111222333",
            "070-1234567",
        ],
        &[
            "Besluit op uw Woo-verzoek",
            "woo@voorbeeld.nl",
            "rijksoverheid.nl",
            "Łódź, ščř, Ελληνικά: ξενοδοχείο",
        ],
    );
    let doc = lopdf::Document::load_mem(&out.bytes).unwrap();
    assert!(
        doc.catalog().unwrap().has(b"StructTreeRoot"),
        "tagging is kept"
    );
    let page = doc.get_dictionary(doc.get_pages()[&1]).unwrap();
    let links = page.get(b"Annots").unwrap().as_array().unwrap();
    assert_eq!(links.len(), 1, "the mailto link goes, the web link stays");
    let raw = pdf_support::raw_objects(&out.bytes);
    assert!(raw.contains("https://www.rijksoverheid.nl/") && !raw.contains("mailto"));
}

#[test]
fn old_revisions_of_an_incrementally_updated_file_are_dropped() {
    let input = pdf_support::fixture("incremental.pdf");
    let marker = b"j.devries@example.nl";
    assert!(
        input.windows(marker.len()).any(|w| w == marker),
        "the old revision holds it"
    );
    let out = pdf_support::redact("incremental.pdf");
    assert!(out.records.is_empty());
    assert!(pdf_support::pdftotext(&out.bytes).contains("Mail nu, adres verwijderd."));
    assert!(!pdf_support::raw_objects(&out.bytes).contains("j.devries"));
    pdf_support::qpdf_check(&out.bytes);
}

#[test]
fn object_streams_and_linearization() {
    check(
        "object_streams.pdf",
        &["j.devries@example.nl", "06-12345678"],
        &["Mail", "vandaag.", "Tekst die blijft."],
    );
}
