//! Sitemaps for the national Woo index (with `--base-url`): `sitemap-00001.xml`, … with one
//! `url` per released document (its `loc` pointing straight at the file, its DiWoo metadata
//! inside), at most 50,000 `url`s and 49 MiB per file, and the index
//! `sitemapindex-diwoo-infocat014.xml` (information category 14 of art. 3.3 Woo: Woo-verzoeken
//! en -besluiten), the name the harvester looks for.

use super::dates::Date;
use super::diwoo::{NAMESPACE, SCHEMA, escape};

/// The index file's name.
pub const INDEX: &str = "sitemapindex-diwoo-infocat014.xml";
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 49 << 20;
const SITEMAPS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One released document: its URL and its `diwoo:Document` element (without namespace
/// declaration, indented for a `url`).
#[derive(Debug, Clone)]
pub struct Url {
    /// Where the file is published.
    pub loc: String,
    /// The metadata element.
    pub metadata: String,
}

fn head() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{SITEMAPS}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:diwoo=\"{NAMESPACE}\" \
         xsi:schemaLocation=\"{SITEMAPS} {SITEMAPS}/sitemap.xsd {NAMESPACE} {SCHEMA}\">\n"
    )
}

const TAIL: &str = "</urlset>\n";

/// The sitemaps and the index: (file name, contents), the index last. `base` has no
/// trailing slash.
pub fn files(base: &str, urls: &[Url], lastmod: Option<Date>) -> Vec<(String, String)> {
    let lastmod_line = |indent: &str| {
        lastmod
            .map(|d| format!("{indent}<lastmod>{d}</lastmod>\n"))
            .unwrap_or_default()
    };
    let mut maps: Vec<String> = Vec::new();
    let mut current = head();
    let mut count = 0;
    for u in urls {
        let entry = format!(
            "  <url>\n    <loc>{}</loc>\n{}{}  </url>\n",
            escape(&u.loc),
            lastmod_line("    "),
            u.metadata
        );
        if count > 0 && (count == MAX_URLS || current.len() + entry.len() + TAIL.len() > MAX_BYTES)
        {
            current.push_str(TAIL);
            maps.push(std::mem::replace(&mut current, head()));
            count = 0;
        }
        current.push_str(&entry);
        count += 1;
    }
    current.push_str(TAIL);
    maps.push(current);
    let mut out: Vec<(String, String)> = maps
        .into_iter()
        .enumerate()
        .map(|(i, m)| (format!("sitemap-{:05}.xml", i + 1), m))
        .collect();
    let mut index = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{SITEMAPS}\">\n"
    );
    for (name, _) in &out {
        index.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n{}  </sitemap>\n",
            escape(&format!("{base}/{name}")),
            lastmod_line("    ")
        ));
    }
    index.push_str("</sitemapindex>\n");
    out.push((INDEX.to_string(), index));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemaps_and_their_index() {
        let urls = vec![
            Url {
                loc: "https://open.example.nl/woo/documenten/1000001.pdf".into(),
                metadata: "    <diwoo:Document/>\n".into(),
            };
            3
        ];
        let files = files(
            "https://open.example.nl/woo",
            &urls,
            Date::parse_iso("2025-06-20"),
        );
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].0, "sitemap-00001.xml");
        assert_eq!(files[0].1.matches("<url>").count(), 3);
        assert!(files[0].1.contains("<lastmod>2025-06-20</lastmod>"));
        assert_eq!(files[1].0, INDEX);
        assert!(
            files[1]
                .1
                .contains("<loc>https://open.example.nl/woo/sitemap-00001.xml</loc>")
        );
    }
}
