//! DiWoo 0.9.8 metadata: one `diwoo:Document` per released document, with the mandatory
//! elements (publisher, `officieleTitel`, the information category Woo-verzoeken en
//! -besluiten `c_3baef532`, a documenthandeling with a full date-time) and identifier,
//! creation date, language, format and, when configured, the decision letter it belongs to.
//! Values with a `resource` attribute come from the schema's value lists, so each document
//! validates against the schema.

use super::config::PublishConfig;
use super::dates::Date;
use super::run::Kind;

/// The DiWoo namespace.
pub const NAMESPACE: &str = "https://standaarden.overheid.nl/diwoo/metadata/";
/// Where the 0.9.8 schema is published.
pub const SCHEMA: &str =
    "https://standaarden.overheid.nl/diwoo/metadata/0.9.8/xsd/diwoo/diwoo-metadata.xsd";

const WOO_CATEGORY: &str = "https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532";
const WOO_CATEGORY_LABEL: &str = "Woo-verzoeken en -besluiten";
const FILE_TYPES: &str = "http://publications.europa.eu/resource/authority/file-type/";
/// Written when `publish.json` names no publisher (refused with `--base-url`).
pub const NO_PUBLISHER: &str = "onbekend: geef de publisher op in publish.json";

/// What the metadata of one document says.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The identifier (`<matter>-<ID>`).
    pub identifier: String,
    /// The cleaned title.
    pub title: &'a str,
    /// The document's own date.
    pub date: Option<Date>,
    /// The date of the documenthandeling (the document's date, else the decision's).
    pub handled: Date,
    /// Text or PDF.
    pub kind: Kind,
    /// The decision letter's title, cleaned.
    pub decision_title: Option<&'a str>,
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The `diwoo:Document` element, indented by `indent` spaces; with `namespace`, it declares
/// the DiWoo namespace itself (a file of its own).
pub fn document(config: &PublishConfig, e: &Entry<'_>, indent: usize, namespace: bool) -> String {
    let pad = " ".repeat(indent);
    let mut x = String::new();
    let mut line = |depth: usize, s: &str| {
        x.push_str(&pad);
        x.push_str(&"  ".repeat(depth));
        x.push_str(s);
        x.push('\n');
    };
    if namespace {
        line(0, &format!("<diwoo:Document xmlns:diwoo=\"{NAMESPACE}\">"));
    } else {
        line(0, "<diwoo:Document>");
    }
    line(1, "<diwoo:DiWoo>");
    line(2, "<diwoo:identifiers>");
    line(
        3,
        &format!(
            "<diwoo:identifier>{}</diwoo:identifier>",
            escape(&e.identifier)
        ),
    );
    line(2, "</diwoo:identifiers>");
    line(2, &publisher(config));
    line(2, "<diwoo:titelcollectie>");
    line(
        3,
        &format!(
            "<diwoo:officieleTitel>{}</diwoo:officieleTitel>",
            escape(e.title)
        ),
    );
    line(2, "</diwoo:titelcollectie>");
    line(2, "<diwoo:classificatiecollectie>");
    line(3, "<diwoo:informatiecategorieen>");
    line(
        4,
        &format!(
            "<diwoo:informatiecategorie resource=\"{WOO_CATEGORY}\">{WOO_CATEGORY_LABEL}</diwoo:informatiecategorie>"
        ),
    );
    line(3, "</diwoo:informatiecategorieen>");
    line(2, "</diwoo:classificatiecollectie>");
    if let Some(d) = e.date {
        line(2, &format!("<diwoo:creatiedatum>{d}</diwoo:creatiedatum>"));
    }
    line(
        2,
        &format!(
            "<diwoo:language resource=\"{}\">{}</diwoo:language>",
            escape(&config.language.uri),
            escape(&config.language.label)
        ),
    );
    let format = match e.kind {
        Kind::Pdf => "PDF",
        Kind::Text => "TXT",
    };
    line(
        2,
        &format!("<diwoo:format resource=\"{FILE_TYPES}{format}\">{format}</diwoo:format>"),
    );
    if let (Some((url, _)), Some(title)) = (&config.decision, e.decision_title) {
        line(
            2,
            &format!(
                "<diwoo:isPartOf resource=\"{}\">{}</diwoo:isPartOf>",
                escape(url),
                escape(title)
            ),
        );
    }
    line(2, "<diwoo:documenthandelingen>");
    line(3, "<diwoo:documenthandeling>");
    line(
        4,
        &format!(
            "<diwoo:soortHandeling resource=\"{}\">{}</diwoo:soortHandeling>",
            escape(&config.handeling.uri),
            escape(&config.handeling.label)
        ),
    );
    line(
        4,
        &format!(
            "<diwoo:atTime>{}</diwoo:atTime>",
            e.handled.amsterdam_midnight()
        ),
    );
    line(3, "</diwoo:documenthandeling>");
    line(2, "</diwoo:documenthandelingen>");
    line(1, "</diwoo:DiWoo>");
    line(0, "</diwoo:Document>");
    x
}

fn publisher(config: &PublishConfig) -> String {
    match &config.publisher {
        Some(p) => format!(
            "<diwoo:publisher resource=\"{}\">{}</diwoo:publisher>",
            escape(&p.uri),
            escape(&p.label)
        ),
        None => format!("<diwoo:publisher>{NO_PUBLISHER}</diwoo:publisher>"),
    }
}

/// A `diwoo/<ID>.xml` file.
pub fn file(config: &PublishConfig, e: &Entry<'_>) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        document(config, e, 0, true)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_has_the_mandatory_elements_and_escapes_text() {
        let config = PublishConfig::from_json(
            r#"{"publisher":{"uri":"https://identifier.overheid.nl/tooi/id/ministerie/mnre1025"}}"#,
        )
        .unwrap();
        let e = Entry {
            identifier: "2025-01-1000001".into(),
            title: "RE: <a> & \"b\"",
            date: Date::parse_iso("2021-03-01"),
            handled: Date::parse_iso("2021-03-01").unwrap(),
            kind: Kind::Pdf,
            decision_title: None,
        };
        let x = file(&config, &e);
        for want in [
            "<diwoo:Document xmlns:diwoo=\"https://standaarden.overheid.nl/diwoo/metadata/\">",
            "resource=\"https://identifier.overheid.nl/tooi/id/ministerie/mnre1025\"",
            "<diwoo:officieleTitel>RE: &lt;a&gt; &amp; &quot;b&quot;</diwoo:officieleTitel>",
            "c_3baef532",
            "<diwoo:atTime>2021-03-01T00:00:00+01:00</diwoo:atTime>",
            "file-type/PDF",
            "language/NLD",
        ] {
            assert!(x.contains(want), "{want} missing in\n{x}");
        }
    }
}
