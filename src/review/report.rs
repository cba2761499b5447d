//! The HTML review report: an index of the documents and, per document, its text with every
//! proposed removal highlighted. Everything from a document is HTML-escaped.

use std::iter::Peekable;

use crate::audit::Location;
use crate::document::DocumentScan;

/// The banner at the top of every page.
pub(crate) const BANNER: &str = "Dit rapport bevat persoonsgegevens en is nooit onderdeel van een \
     openbaarmaking. / This report contains personal data and is never part of a publication.";

pub(crate) struct IndexEntry {
    pub(crate) document: String,
    pub(crate) page: Option<String>,
    pub(crate) removals: usize,
    pub(crate) error: Option<String>,
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's file name: its number and the document's name with everything but ASCII
/// letters, digits, `-` and `.` replaced, so it stays inside the review folder.
pub(crate) fn page_name(number: usize, document: &str) -> String {
    let safe: String = document
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{number:04}-{safe}.html")
}

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">\
         <title>{}</title><style>\
         .banner{{background:#b00;color:#fff;padding:8px;font-weight:bold}}\
         mark{{background:#fd6}} pre{{white-space:pre-wrap}}\
         </style></head><body>\n<div class=\"banner\">{}</div>\n",
        escape(title),
        escape(BANNER)
    )
}

/// The index: every document with its number of proposed removals, or why it failed.
pub(crate) fn index_page(entries: &[IndexEntry]) -> String {
    let mut html = head("woo-redact review");
    html.push_str(
        "<h1>Review</h1>\n<table>\n<tr><th>Document</th><th>Proposed removals</th></tr>\n",
    );
    for e in entries {
        let name = match &e.page {
            Some(page) => format!("<a href=\"{}\">{}</a>", escape(page), escape(&e.document)),
            None => escape(&e.document),
        };
        let count = match &e.error {
            Some(why) => format!("failed: {}", escape(why)),
            None => e.removals.to_string(),
        };
        html.push_str(&format!("<tr><td>{name}</td><td>{count}</td></tr>\n"));
    }
    html.push_str("</table>\n</body></html>\n");
    html
}

/// One document's page: its text (a PDF: its pages' text in reading order; an e-mail or Word
/// document: its parts, each under its name) with every proposed removal in a `<mark>` whose
/// title gives item, category, ground, rule, reason and the page (PDF) or the part (e-mail,
/// Word).
pub(crate) fn document_page(document: &str, doc: &DocumentScan) -> String {
    let mut html = head(document);
    html.push_str(&format!(
        "<h1>{}</h1>\n<p>{} proposed removal(s)</p>\n<pre>",
        escape(document),
        doc.removals.len()
    ));
    let mut parts = doc.model.iter().flat_map(|m| m.parts()).peekable();
    let mut at = 0;
    for (i, (r, record)) in doc.removals.iter().zip(&doc.records).enumerate() {
        let (Some(_), Some(removed)) = (doc.text.get(at..r.start), doc.text.get(r.start..r.end))
        else {
            continue;
        };
        push_text(&mut html, &doc.text, at..r.start, &mut parts);
        let place = match (&record.location, &record.part) {
            (Location::Pdf { page, .. }, _) => format!(", page {page}"),
            (_, Some(part)) => format!(", part {part}"),
            _ => String::new(),
        };
        let title = format!(
            "item {}: {}, ground {}, rule {}, {}{place}",
            i + 1,
            serde_json::to_string(&r.category)
                .unwrap_or_default()
                .trim_matches('"'),
            String::from(r.ground.clone()),
            r.detector,
            r.evidence
        );
        html.push_str(&format!(
            "<mark id=\"item-{}\" title=\"{}\">{}</mark><sup>{}</sup>",
            i + 1,
            escape(&title),
            escape(removed),
            i + 1
        ));
        at = r.end;
    }
    push_text(&mut html, &doc.text, at..doc.text.len(), &mut parts);
    html.push_str("</pre>\n</body></html>\n");
    html
}

/// Appends `text[range]`, escaped, with the name of every part that begins in it (or before
/// it, inside a removal) as a heading where it begins.
fn push_text<'a>(
    html: &mut String,
    text: &str,
    range: std::ops::Range<usize>,
    parts: &mut Peekable<impl Iterator<Item = (&'a str, usize)>>,
) {
    let mut at = range.start;
    while let Some((name, begin)) = parts.next_if(|&(_, begin)| begin <= range.end) {
        let begin = begin.max(at);
        html.push_str(&escape(text.get(at..begin).unwrap_or("")));
        // No empty `<pre>` before the first part.
        match html.strip_suffix("<pre>") {
            Some(open) => html.truncate(open.len()),
            None => html.push_str("</pre>\n"),
        }
        html.push_str(&format!("<h2>{}</h2>\n<pre>", escape(name)));
        at = begin;
    }
    html.push_str(&escape(text.get(at..range.end).unwrap_or("")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_names_stay_inside() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(page_name(3, "../a b/c.txt"), "0003-.._a_b_c.txt.html");
    }
}
