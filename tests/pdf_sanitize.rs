//! Sanitising: metadata, annotations, outlines, the structure tree, attachments and
//! JavaScript hold the same data as the page; after redaction none of it is anywhere in the
//! file, annotation findings are in the audit log, and a harmless link stays.

use crate::pdf_support;

use lopdf::{Document, Object};
use pdf_support::{check, raw_objects};
use woo_redact::audit::Location;

#[test]
fn metadata_annotations_outlines_and_attachments() {
    let out = check(
        "metadata_annotations.pdf",
        &["j.devries@example.nl"],
        &["Contact:", "Gewone tekst blijft."],
    );
    let raw = raw_objects(&out.bytes);
    for gone in [
        "Jan de Vries",
        "j.devries",
        "06-12345678",
        "xmpmeta",
        "JavaScript",
        "notities.txt",
    ] {
        assert!(!raw.contains(gone), "`{gone}` is still in the file");
    }
    let doc = Document::load_mem(&out.bytes).unwrap();
    assert!(!doc.trailer.has(b"Info"));
    let catalog = doc.catalog().unwrap();
    for key in [&b"Metadata"[..], b"OpenAction", b"Names"] {
        assert!(!catalog.has(key), "{}", String::from_utf8_lossy(key));
    }
    // Only the web link stays.
    let page = doc.get_dictionary(doc.get_pages()[&1]).unwrap();
    let annots = page.get(b"Annots").unwrap().as_array().unwrap();
    assert_eq!(annots.len(), 1);
    let link = doc
        .get_dictionary(annots[0].as_reference().unwrap())
        .unwrap();
    let uri = link
        .get(b"A")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"URI")
        .unwrap();
    assert_eq!(uri.as_str().unwrap(), b"https://www.rijksoverheid.nl/");
    // The outline title and the figure's alternate text are redacted, not dropped.
    assert!(raw.contains("Mail van [5.1.2e]"), "outline title");
    assert!(raw.contains("Foto, mail [5.1.2e]"), "alternate text");

    // Audit: the page's e-mail address, then the note's phone number and author (`/T`) and the
    // link's address, each on page 1; annotation items carry the annotation's rectangle.
    let items: Vec<(&str, u32, [f64; 4])> = out
        .records
        .iter()
        .map(|r| match r.location {
            Location::Pdf { page, bbox } => (r.category.as_str(), page, bbox),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(items.len(), 4, "{items:?}");
    assert_eq!(items[1], ("phone", 1, [400.0, 700.0, 420.0, 720.0]));
    assert_eq!(items[2], ("name", 1, [400.0, 700.0, 420.0, 720.0]));
    assert_eq!(items[3], ("email", 1, [72.0, 715.0, 300.0, 730.0]));
    assert_eq!(
        out.records.iter().map(|r| r.item).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    // The sticky note and the mailto link; the web link stays.
    assert!(
        out.report
            .sanitized
            .contains(&"2 annotation(s)".to_string()),
        "{:?}",
        out.report.sanitized
    );
    assert!(
        out.report
            .sanitized
            .contains(&"document information dictionary".to_string())
    );
}

#[test]
fn producer_info_and_author_are_gone_from_real_files() {
    for name in ["rl_std14.pdf", "rl_ttf.pdf", "lo_letter.pdf"] {
        let out = pdf_support::redact(name);
        let doc = Document::load_mem(&out.bytes).unwrap();
        assert!(!doc.trailer.has(b"Info"), "{name}");
        assert!(!raw_objects(&out.bytes).contains("Jan de Vries"), "{name}");
        assert!(
            doc.objects
                .values()
                .all(|o| !matches!(o, Object::Stream(s) if s.dict.has(b"Metadata"))),
            "{name}"
        );
    }
}
