//! The rows of the productierapport: the platform template's 14 columns, every value text,
//! `Beoordeling` exactly `Openbaar`, `Deels openbaar` or `Niet openbaar` (the platform reads
//! any other value as *Niet openbaar*), grounds in statutory order joined by `; `.

use std::cmp::Ordering;

/// The headers of row 1, exactly as the platform's template has them, in order.
pub const HEADERS: [&str; 14] = [
    "ID",
    "Matter",
    "Family",
    "Email Thread ID",
    "Document",
    "File Type",
    "Datum",
    "Beoordeling",
    "Opgeschort",
    "Beoordelingsgrond",
    "Toelichting",
    "Publieke Link",
    "Gerelateerd ID",
    "Zaaknummer",
];

/// The ground of a duplicate: its content was assessed in another document.
pub const DUBBEL: &str = "dubbel";

/// The platform's `Toelichting` is at most this many characters, `Document` this many bytes.
const MAX_TOELICHTING_CHARS: usize = 1000;
const MAX_DOCUMENT_BYTES: usize = 500;

/// The assessment of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Beoordeling {
    /// Nothing removed.
    Openbaar,
    /// Something removed.
    DeelsOpenbaar,
    /// A duplicate, or withheld by the configuration.
    NietOpenbaar,
}

impl Beoordeling {
    /// The value as the platform expects it.
    pub fn as_str(self) -> &'static str {
        match self {
            Beoordeling::Openbaar => "Openbaar",
            Beoordeling::DeelsOpenbaar => "Deels openbaar",
            Beoordeling::NietOpenbaar => "Niet openbaar",
        }
    }

    /// Whether the document itself is published (its file is in `documenten/`).
    pub fn released(self) -> bool {
        self != Beoordeling::NietOpenbaar
    }
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index of the document in the run (input order).
    pub index: usize,
    /// `ID`.
    pub id: String,
    /// `Matter`.
    pub matter: String,
    /// `Email Thread ID` (≥ 1).
    pub thread: Option<u32>,
    /// `Document`: the cleaned title.
    pub document: String,
    /// `File Type`.
    pub file_type: &'static str,
    /// `Datum`, `YYYY-MM-DD`.
    pub datum: String,
    /// `Beoordeling`.
    pub beoordeling: Beoordeling,
    /// `Beoordelingsgrond`, in statutory order.
    pub grounds: Vec<String>,
    /// `Toelichting`.
    pub toelichting: String,
    /// `Gerelateerd ID`.
    pub gerelateerd: String,
    /// `Zaaknummer`.
    pub zaaknummer: String,
}

impl Row {
    /// The 14 cells, in the order of [`HEADERS`].
    pub fn cells(&self) -> [String; 14] {
        [
            self.id.clone(),
            self.matter.clone(),
            String::new(),
            self.thread.map(|t| t.to_string()).unwrap_or_default(),
            truncate_bytes(&self.document, MAX_DOCUMENT_BYTES),
            self.file_type.to_string(),
            self.datum.clone(),
            self.beoordeling.as_str().to_string(),
            String::new(),
            self.grounds.join("; "),
            self.toelichting
                .chars()
                .take(MAX_TOELICHTING_CHARS)
                .collect(),
            String::new(),
            self.gerelateerd.clone(),
            self.zaaknummer.clone(),
        ]
    }
}

fn truncate_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// Sort key of a ground: `5.1.1a` < `5.1.1e` < `5.1.2a` < `5.1.5` < `5.2` < `5.4`, then
/// anything else (`dubbel`) by name.
fn statutory_key(code: &str) -> (u8, Vec<u32>, String) {
    let (digits, letter) = match code.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&code[..i], code[i..].to_string()),
        _ => (code, String::new()),
    };
    let parts: Option<Vec<u32>> = digits.split('.').map(|p| p.parse().ok()).collect();
    match parts {
        Some(p) if !p.is_empty() => (0, p, letter),
        _ => (1, Vec::new(), code.to_string()),
    }
}

/// Compares two ground codes in statutory order.
pub fn statutory(a: &str, b: &str) -> Ordering {
    statutory_key(a).cmp(&statutory_key(b))
}

/// The distinct grounds in statutory order.
pub fn in_statutory_order<I: IntoIterator<Item = String>>(grounds: I) -> Vec<String> {
    let mut v: Vec<String> = grounds.into_iter().collect();
    v.sort_by(|a, b| statutory(a, b));
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_come_in_statutory_order() {
        let g = in_statutory_order(
            [
                "5.2", "5.1.2e", "dubbel", "5.1.1e", "5.1.2i", "5.1.5", "5.1.2e", "5.1.1c",
            ]
            .map(String::from),
        );
        assert_eq!(
            g,
            [
                "5.1.1c", "5.1.1e", "5.1.2e", "5.1.2i", "5.1.5", "5.2", "dubbel"
            ]
        );
        assert_eq!(statutory("5.1.2e", "5.1.10a"), Ordering::Less);
    }

    #[test]
    fn cells_follow_the_headers() {
        let row = Row {
            index: 0,
            id: "1000001".into(),
            matter: "2025-01".into(),
            thread: Some(1),
            document: "é".repeat(300),
            file_type: "email",
            datum: "2021-03-01".into(),
            beoordeling: Beoordeling::DeelsOpenbaar,
            grounds: vec!["5.1.2e".into(), "5.1.2i".into()],
            toelichting: String::new(),
            gerelateerd: String::new(),
            zaaknummer: String::new(),
        };
        let c = row.cells();
        assert_eq!(c[3], "1");
        assert_eq!(c[4].len(), 500);
        assert_eq!(c[7], "Deels openbaar");
        assert_eq!(c[9], "5.1.2e; 5.1.2i");
        assert_eq!(HEADERS.len(), c.len());
    }
}
