//! One generated fixture per construct the PDF back end must handle (see
//! `fixtures/pdf/generate.py`): the removed text is gone for poppler and from the raw
//! objects, the other text is still there and did not move, and qpdf accepts the output.

use crate::pdf_support;

use lopdf::Document;
use pdf_support::{check, fixture, pdftotext, raw_objects, redact};
use woo_redact::audit::Location;

fn page_and_box(r: &woo_redact::AuditRecord) -> (u32, [f64; 4]) {
    match r.location {
        Location::Pdf { page, bbox } => (page, bbox),
        _ => panic!("a PDF record has a page and box"),
    }
}

#[test]
fn kerned_tj_arrays() {
    let out = check(
        "kerned_tj.pdf",
        &["j.devries@example.nl", "06-12345678"],
        &["Mail", "of bel", "vandaag.", "Tekst die blijft."],
    );
    let categories: Vec<&str> = out.records.iter().map(|r| r.category.as_str()).collect();
    assert_eq!(categories, ["email", "phone"]);
    // The e-mail box starts after "Mail " and sits on the first line (baseline 720).
    let (page, bbox) = page_and_box(&out.records[0]);
    assert_eq!(page, 1);
    assert!(bbox[0] > 72.0 + 20.0 && bbox[0] < 110.0, "{bbox:?}");
    assert!(bbox[1] < 720.0 && bbox[3] > 720.0 + 7.0, "{bbox:?}");
    assert_eq!(out.report.removals_per_page.get(&1), Some(&2));
}

#[test]
fn one_glyph_per_text_operator() {
    check(
        "glyph_per_tj.pdf",
        &["06-12345678", "12345678"],
        &["Bel", "morgen"],
    );
}

#[test]
fn type0_identity_h_with_to_unicode_and_a_ligature() {
    let out = check(
        "type0_identity.pdf",
        &["fien.fijn@example.nl", "fijn@"],
        &["Contact:", "Verder niets."],
    );
    assert_eq!(out.records.len(), 1);
}

#[test]
fn ligature_glyph_in_a_simple_font() {
    check(
        "ligature.pdf",
        &["fien.fijn@example.nl", "example.nl"],
        &["Mail", "of bel."],
    );
}

#[test]
fn form_xobject_shared_by_two_pages_is_copied_per_page() {
    let out = check(
        "form_shared.pdf",
        &["j.devries@example.nl"],
        &[
            "Behandelaar:",
            "Pagina 1 blijft leesbaar.",
            "Pagina 2 blijft leesbaar.",
        ],
    );
    let pages: Vec<u32> = out.records.iter().map(|r| page_and_box(r).0).collect();
    assert_eq!(pages, [1, 2]);
    // The form is drawn at 1.2 times its size from (72, 760): the box is there.
    let (_, bbox) = page_and_box(&out.records[0]);
    assert!(bbox[0] > 72.0 + 60.0 && bbox[1] > 755.0, "{bbox:?}");
    // Each page draws its own copy; the original is gone.
    let doc = Document::load_mem(&out.bytes).unwrap();
    let forms: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() == Some(b"Form"))
        .collect();
    assert_eq!(forms.len(), 2);
}

#[test]
fn rotated_pages_and_a_media_box_away_from_the_origin() {
    let out = check(
        "rotated.pdf",
        &["06-12345678", "NL91ABNA0417164300"],
        &["Bel", "voor een afspraak.", "IBAN", "is bekend."],
    );
    // Boxes are in user space: page 1's text runs up from (500, 300).
    let (page, bbox) = page_and_box(&out.records[0]);
    assert_eq!(page, 1);
    assert!(
        bbox[0] > 480.0 && bbox[2] < 505.0 && bbox[1] > 300.0,
        "{bbox:?}"
    );
    // The label reads upright: rotated with the page (0 1 -1 0 on a quarter turn).
    let doc = Document::load_mem(&out.bytes).unwrap();
    let page1 = doc.get_pages()[&1];
    let content = String::from_utf8_lossy(&doc.get_page_content(page1)).into_owned();
    assert!(content.contains(" 0 1 -1 0 "), "{content}");
    let page2 = doc.get_pages()[&2];
    let content = String::from_utf8_lossy(&doc.get_page_content(page2)).into_owned();
    assert!(content.contains(" 0 -1 1 0 "), "{content}");
}

#[test]
fn several_content_streams_even_split_inside_an_operation() {
    let out = check(
        "multi_stream.pdf",
        &["01-02-1980", "111222333"],
        &["Geboren op", "te Utrecht.", "BSN", "is bekend."],
    );
    let grounds: Vec<&str> = out.records.iter().map(|r| r.ground.as_str()).collect();
    assert_eq!(grounds, ["5.1.2e", "5.1.1e"]);
}

#[test]
fn invisible_text_is_removed_too() {
    check(
        "invisible_text.pdf",
        &["06-12345678"],
        &[
            "Bel",
            "voor vragen.",
            "Onzichtbare tekst blijft.",
            "Zichtbare tekst blijft ook.",
        ],
    );
}

#[test]
fn quote_operators_leading_and_scaling() {
    check(
        "quotes.pdf",
        &["j.devries@example.nl", "NL91ABNA0417164300", "06-12345678"],
        &[
            "Eerste regel blijft.",
            "Mail",
            "nu.",
            "IBAN",
            "hier.",
            "geschaald.",
            "Laatste regel blijft.",
        ],
    );
}

#[test]
fn text_drawn_twice_is_removed_in_both_copies() {
    let out = check(
        "fake_bold.pdf",
        &["j.devries@example.nl", "devries"],
        &["Mail", "Gewone tekst blijft."],
    );
    assert_eq!(out.records.len(), 1, "a copy is not a second item");
}

#[test]
fn actual_text_of_removed_glyphs_goes() {
    let out = check(
        "actual_text.pdf",
        &["j.devries@example.nl"],
        &["Tekst blijft"],
    );
    let raw = raw_objects(&out.bytes);
    assert!(
        raw.contains("/ActualText(Tekst blijft)"),
        "the untouched one stays"
    );
    assert!(raw.contains("/Span <<>> BDC"), "the touched one is emptied");
}

#[test]
fn audit_digests_are_keyed_hashes_of_the_extracted_text() {
    let out = redact("kerned_tj.pdf");
    assert_eq!(
        out.records[0].digest,
        pdf_support::key().digest(b"j.devries@example.nl")
    );
    for r in &out.records {
        let line = r.to_json();
        assert!(
            !line.contains("devries") && !line.contains("12345678"),
            "{line}"
        );
    }
}

#[test]
fn output_is_deterministic() {
    for name in [
        "form_shared.pdf",
        "metadata_annotations.pdf",
        "kerned_tj.pdf",
    ] {
        assert_eq!(redact(name).bytes, redact(name).bytes, "{name}");
    }
}

#[test]
fn scan_reports_what_redact_removes_and_changes_nothing() {
    let (records, report) = woo_redact::pdf::scan(
        &pdf_support::redactor(),
        &fixture("quotes.pdf"),
        "quotes.pdf",
        &pdf_support::key(),
        &Default::default(),
    )
    .unwrap();
    let redacted = redact("quotes.pdf");
    assert_eq!(records, redacted.records);
    assert_eq!(report.pages, 1);
    assert!(pdftotext(&fixture("quotes.pdf")).contains("06-12345678"));
}

#[test]
fn inline_images_survive_an_edited_content_stream() {
    let out = check(
        "inline_images.pdf",
        &["j.devries@example.nl"],
        &["Mail", "nu."],
    );
    assert_eq!(pdf_support::image_count(&out.bytes), 2);
    // Too small to hold text: left as they were, and said so.
    assert!(out.report.images_not_inspected.is_empty());
    let notes = &out.report.image_pages[0].images;
    assert!(
        notes.iter().all(|n| n.note.contains("too small")),
        "{notes:?}"
    );
    let raw = raw_objects(&out.bytes);
    assert!(
        raw.contains("/AHx ID 00FFFF00> EI"),
        "the filtered image is copied as it was"
    );
}

#[test]
fn a_replaced_form_leaves_the_resources_of_pages_that_do_not_draw_it() {
    let out = check(
        "shared_resources.pdf",
        &["j.devries@example.nl"],
        &["Behandelaar:", "Bijlage zonder gegevens"],
    );
    assert_eq!(out.records.len(), 1);
}

#[test]
fn damaged_flate_streams_are_read_as_far_as_viewers_read_them() {
    // lopdf alone reads nothing from these streams; viewers show the text.
    let input = fixture("damaged_flate.pdf");
    let doc = Document::load_mem(&input).unwrap();
    let lopdf_sees: usize = doc
        .get_pages()
        .values()
        .map(|p| doc.get_page_content(*p).len())
        .sum();
    assert!(lopdf_sees < 10, "the fixture no longer shows the problem");
    let out = check(
        "damaged_flate.pdf",
        &["j.devries@example.nl"],
        &["Mail", "nu.", "Pagina twee blijft."],
    );
    assert_eq!(out.records.len(), 1);
    // `check` ran qpdf: the untouched page 2 was written again without the damage.
}

#[test]
fn marks_land_in_user_space_after_unbalanced_content() {
    let out = check(
        "unbalanced.pdf",
        &["j.devries@example.nl"],
        &["Mail", "nu."],
    );
    // Scaled twice from (36, 360): the e-mail address sits on the baseline y = 720.
    let (_, bbox) = page_and_box(&out.records[0]);
    assert!(
        bbox[1] < 720.0 && bbox[3] > 735.0 && bbox[0] > 100.0,
        "{bbox:?}"
    );
    // The label poppler finds lies inside that box (poppler's y axis points down).
    let label = pdf_support::words(&out.bytes)
        .into_iter()
        .find(|(w, _)| w == "5.1.2e")
        .expect("a label");
    let (x, y) = (
        (label.1[0] + label.1[2]) / 2.0,
        842.0 - (label.1[1] + label.1[3]) / 2.0,
    );
    assert!(
        bbox[0] < x && x < bbox[2] && bbox[1] < y && y < bbox[3],
        "{label:?} in {bbox:?}"
    );
}
