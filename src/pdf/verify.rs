//! Verification, fail closed: the written output is opened again with the same loader, its
//! text is extracted again, and every removed string is searched for in that text (white
//! space folded, as a whole token) and in every string and decompressed stream of every
//! object. A removed string may remain only as often as it stands in protected text (keep
//! list, public officials) of the original page text.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use lopdf::{Document, Object};

use super::error::PdfError;
use super::load::{self, MAX_STREAM};
use crate::detect::{is_whole_token, is_word_char};

/// Shortest removed string searched for in raw objects: shorter ones occur by chance in
/// binary data.
const MIN_RAW: usize = 5;

/// A removed string to look for in the output.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Needle {
    /// The string with white space runs folded to one space.
    pub text: String,
    /// The first audit item that removed it.
    pub item: usize,
    /// Its category, for the message.
    pub category: String,
    /// How often it may remain in the text: its occurrences in protected text.
    pub allowed: usize,
}

/// Text with white space runs folded to one space, and each byte's offset in the original.
pub(crate) struct Folded {
    pub text: String,
    pub origin: Vec<usize>,
}

/// Folds white space runs to one space and trims.
pub(crate) fn fold(text: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.text.is_empty();
            continue;
        }
        if space {
            out.text.push(' ');
            out.origin.push(i);
            space = false;
        }
        out.text.push(c);
        out.origin.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    out
}

/// The needles of removed strings (`(span, item, category)` in `text`), with their allowed
/// counts from the protected ranges of `page_text` (a prefix range of `text`).
pub(crate) fn needles(
    text: &str,
    removed: &[(Range<usize>, usize, String)],
    page_text: Range<usize>,
    protected: &[Range<usize>],
) -> Vec<Needle> {
    let mut out: Vec<Needle> = Vec::new();
    for (span, item, category) in removed {
        let folded = fold(&text[span.clone()]).text;
        if folded.chars().count() < 2 || out.iter().any(|n| n.text == folded) {
            continue;
        }
        out.push(Needle {
            text: folded,
            item: *item,
            category: category.clone(),
            allowed: 0,
        });
    }
    if out.is_empty() || protected.is_empty() {
        return out;
    }
    let original = fold(&text[page_text.clone()]);
    // Without the search every needle stays not allowed anywhere: stricter, never looser.
    let Some(ac) = needle_automaton(&out) else {
        return out;
    };
    for (p, start, end) in whole_tokens(&ac, &original.text) {
        let (s, e) = (
            page_text.start + original.origin[start],
            page_text.start + original.origin[end - 1] + 1,
        );
        if protected.iter().any(|r| r.start < e && s < r.end) {
            out[p].allowed += 1;
        }
    }
    out
}

/// An automaton that finds every occurrence of `patterns`, overlapping. Built per document,
/// for texts of a few pages: a contiguous NFA builds several times faster than the DFA the
/// builder would choose for a few patterns, and finds the same.
fn automaton<P: AsRef<[u8]>>(patterns: impl IntoIterator<Item = P>) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// The automaton of the needles' texts, for [`whole_tokens`].
fn needle_automaton(needles: &[Needle]) -> Option<AhoCorasick> {
    automaton(needles.iter().map(|n| &n.text))
}

/// Every whole-token occurrence of every needle (`ac` is their [`needle_automaton`]):
/// (needle, start, end).
fn whole_tokens(ac: &AhoCorasick, text: &str) -> Vec<(usize, usize, usize)> {
    ac.find_overlapping_iter(text)
        .filter(|m| is_whole_token(text, m.start(), m.end()))
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .collect()
}

/// Checks a written output. `pages` is the expected page count; `extract` reads the text of
/// a document's pages the way the redaction did, and `forms` the text of its forms and
/// patterns read on their own.
pub(crate) fn verify(
    output: &[u8],
    pages: usize,
    needles: &[Needle],
    extract: &dyn Fn(&Document) -> Result<String, PdfError>,
    forms: &dyn Fn(&Document) -> String,
) -> Result<(), PdfError> {
    let doc = load::open(output, None)
        .map_err(|_| PdfError::Verification("the output does not read back".into()))?;
    let found_pages = load::pages(&doc)
        .map_err(|_| PdfError::Verification("the output's page tree does not read back".into()))?
        .len();
    if found_pages != pages {
        return Err(PdfError::Verification(format!(
            "the output has {found_pages} pages where the input has {pages}"
        )));
    }
    let text = extract(&doc).map_err(|e| {
        PdfError::Verification(format!("the output's text cannot be read again ({e})"))
    })?;
    if needles.is_empty() {
        return Ok(());
    }
    let folded = fold(&text);
    // A search that cannot be built fails the output, as a finding would.
    let ac = needle_automaton(needles)
        .ok_or_else(|| PdfError::Verification("cannot build the search".into()))?;
    let mut found = vec![0usize; needles.len()];
    for (p, _, _) in whole_tokens(&ac, &folded.text) {
        found[p] += 1;
    }
    if let Some((n, count)) = needles.iter().zip(&found).find(|(n, c)| **c > n.allowed) {
        return Err(PdfError::Verification(format!(
            "removed item {} ({}) is still in the text of the output {} time(s)",
            n.item,
            n.category,
            count - n.allowed
        )));
    }
    // A form holds what pages draw from it, so only strings that may not remain at all count.
    let forms = fold(&forms(&doc));
    if let Some((p, _, _)) = whole_tokens(&ac, &forms.text)
        .into_iter()
        .find(|(p, _, _)| needles[*p].allowed == 0)
    {
        return Err(PdfError::Verification(format!(
            "removed item {} ({}) is still in a form of the output",
            needles[p].item, needles[p].category
        )));
    }
    raw_search(&doc, needles)
}

/// Searches every string and decompressed stream for needles that may not remain at all.
fn raw_search(doc: &Document, needles: &[Needle]) -> Result<(), PdfError> {
    let mut patterns: Vec<(Vec<u8>, usize)> = Vec::new();
    for (i, n) in needles.iter().enumerate() {
        if n.allowed > 0 || n.text.len() < MIN_RAW {
            continue;
        }
        patterns.push((n.text.as_bytes().to_vec(), i));
        // Single-byte encodings (PDFDocEncoding, WinAnsi, Latin-1) and UTF-16BE.
        if !n.text.is_ascii() && n.text.chars().all(|c| (c as u32) < 256) {
            patterns.push((n.text.chars().map(|c| c as u8).collect(), i));
        }
        patterns.push((
            n.text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            i,
        ));
    }
    if patterns.is_empty() {
        return Ok(());
    }
    let ac = automaton(patterns.iter().map(|(p, _)| p))
        .ok_or_else(|| PdfError::Verification("cannot build the search".into()))?;
    let hit = |bytes: &[u8]| -> Option<usize> {
        ac.find_overlapping_iter(bytes)
            .find(|m| {
                let before = m.start().checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(m.end()).copied();
                // A whole token: not glued to letters or digits (ASCII; other bytes may be
                // part of an encoding).
                ![before, after]
                    .iter()
                    .any(|b| b.is_some_and(|b| is_word_char(char::from(b)) && b.is_ascii()))
            })
            .map(|m| patterns[m.pattern().as_usize()].1)
    };
    let report = |i: usize| {
        PdfError::Verification(format!(
            "removed item {} ({}) is still in an object of the output",
            needles[i].item, needles[i].category
        ))
    };
    for object in doc.objects.values() {
        crate::deadline::check();
        let mut strings: Vec<&[u8]> = Vec::new();
        collect_strings(object, &mut strings, 0);
        for s in strings {
            if let Some(i) = hit(s) {
                return Err(report(i));
            }
        }
        // Image samples are not text (and are not inspected; the summary says so).
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Image")
        {
            let data = super::stream::decode(stream, MAX_STREAM)
                .unwrap_or_else(|_| stream.content.clone());
            if let Some(i) = hit(&data) {
                return Err(report(i));
            }
        }
    }
    Ok(())
}

fn collect_strings<'a>(o: &'a Object, out: &mut Vec<&'a [u8]>, depth: usize) {
    if depth > 64 {
        return;
    }
    match o {
        Object::String(s, _) | Object::Name(s) => out.push(s),
        Object::Array(items) => items
            .iter()
            .for_each(|i| collect_strings(i, out, depth + 1)),
        Object::Dictionary(d) => d
            .iter()
            .for_each(|(_, v)| collect_strings(v, out, depth + 1)),
        Object::Stream(s) => s
            .dict
            .iter()
            .for_each(|(_, v)| collect_strings(v, out, depth + 1)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_offsets() {
        let f = fold("  Jan \n de\tVries ");
        assert_eq!(f.text, "Jan de Vries");
        assert_eq!(f.origin[4], 8);
    }

    #[test]
    fn needles_allow_protected_occurrences_only() {
        let text = "Jan Smit belt Jan Smit.\n\nJan Smit (notitie)";
        let removed = vec![(0..8, 1, "name".to_string())];
        let protected = 14..22;
        let n = needles(text, &removed, 0..23, std::slice::from_ref(&protected));
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].allowed, 1);
        let n = needles(text, &removed, 0..23, &[]);
        assert_eq!(n[0].allowed, 0);
    }
}

#[cfg(test)]
mod fail_closed {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{Stream, dictionary};

    /// A one-page PDF showing `text` in Helvetica, with `hidden` in the page's `/PieceInfo`.
    fn pdf(text: &str, hidden: Option<&str>) -> Vec<u8> {
        pdf_with_form(text, hidden, None)
    }

    /// Also with a Form XObject the page lists but does not draw, holding `form` content.
    fn pdf_with_form(text: &str, hidden: Option<&str>, form: Option<&[u8]>) -> Vec<u8> {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ];
        let content = doc.add_object(Stream::new(
            dictionary! {},
            Content { operations: ops }.encode().unwrap(),
        ));
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        };
        if let Some(h) = hidden {
            page.set(
                "PieceInfo",
                dictionary! { "Note" => Object::string_literal(h) },
            );
        }
        if let Some(content) = form {
            let form = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                    "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
                },
                content.to_vec(),
            ));
            if let Ok(Object::Dictionary(resources)) = page.get_mut(b"Resources") {
                resources.set("XObject", dictionary! { "Fx" => form });
            }
        }
        let page = doc.add_object(page);
        doc.objects.insert(
            pages,
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }.into(),
        );
        let root = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", root);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn extract(doc: &Document) -> Result<String, PdfError> {
        super::super::document_text(doc)
    }

    fn forms(doc: &Document) -> String {
        super::super::form_texts(doc)
    }

    fn needle(text: &str) -> Vec<Needle> {
        vec![Needle {
            text: text.into(),
            item: 1,
            category: "email".into(),
            allowed: 0,
        }]
    }

    #[test]
    fn a_removed_string_left_in_the_text_fails() {
        let out = pdf("Mail jan@example.nl nu", None);
        let err = verify(&out, 1, &needle("jan@example.nl"), &extract, &forms).unwrap_err();
        assert_eq!(
            err.to_string(),
            "verification failed: removed item 1 (email) is still in the text of the output 1 time(s)"
        );
        assert!(verify(&out, 1, &needle("piet@example.nl"), &extract, &forms).is_ok());
    }

    #[test]
    fn a_removed_string_left_in_any_object_fails() {
        let out = pdf("Mail nu", Some("jan@example.nl"));
        let err = verify(&out, 1, &needle("jan@example.nl"), &extract, &forms).unwrap_err();
        assert!(err.to_string().contains("still in an object"), "{err}");
    }

    #[test]
    fn a_removed_string_in_a_form_no_page_draws_fails_even_when_kerned() {
        let form = b"BT /F1 12 Tf [(jan@exa) -20 (mple.nl)] TJ ET";
        let out = pdf_with_form("Mail nu", None, Some(form));
        let err = verify(&out, 1, &needle("jan@example.nl"), &extract, &forms).unwrap_err();
        assert!(err.to_string().contains("still in a form"), "{err}");
    }

    #[test]
    fn a_wrong_page_count_or_unreadable_output_fails() {
        let out = pdf("Mail nu", None);
        assert!(verify(&out, 2, &[], &extract, &forms).is_err());
        assert!(verify(b"%PDF-1.7 broken", 1, &[], &extract, &forms).is_err());
    }

    #[test]
    fn protected_occurrences_are_allowed_in_the_text_only() {
        let out = pdf("Mail jan@example.nl nu", None);
        let mut n = needle("jan@example.nl");
        n[0].allowed = 1;
        assert!(verify(&out, 1, &n, &extract, &forms).is_ok());
    }
}
