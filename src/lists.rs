//! The lists a Woo team supplies: the staff directory (`--staff`), the people public by
//! function (`--public`) and the literals that stay readable (`--keep`).

use std::path::Path;

use crate::error::ConfigError;

/// One civil servant from the staff directory. Its `Debug` output hides the personal data.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffMember {
    /// Full name as written in the directory, e.g. `Jaylinn van der Meulen`.
    pub name: String,
    /// E-mail address, if known.
    pub email: Option<String>,
    /// Telephone number, if known.
    pub phone: Option<String>,
}

impl std::fmt::Debug for StaffMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::audit::Hidden;
        f.debug_struct("StaffMember")
            .field("name", &Hidden)
            .field("email", &self.email.as_ref().map(|_| Hidden))
            .field("phone", &self.phone.as_ref().map(|_| Hidden))
            .finish()
    }
}

/// The organisation's directory of civil servants whose personal data is removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffDirectory {
    /// The people, in file order.
    pub members: Vec<StaffMember>,
}

impl StaffDirectory {
    /// Reads a CSV file with a header row and the columns `name`, `email`, `phone` (or the
    /// Dutch `naam`, `e-mail`, `telefoon`; other columns are ignored; e-mail and phone may be
    /// missing or empty), as [`StaffDirectory::from_csv`] reads it.
    pub fn from_csv_file(path: &Path) -> Result<StaffDirectory, ConfigError> {
        let bytes = std::fs::read(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        StaffDirectory::from_csv(&bytes).map_err(|(line, reason)| ConfigError::List {
            path: path.to_path_buf(),
            line,
            reason,
        })
    }

    /// Parses CSV bytes as Excel saves them for a Woo team: UTF-8 (with or without a
    /// byte-order mark), UTF-16 with a byte-order mark, or Windows-1252; separated by `,`,
    /// `;` or tabs (whichever the header row uses, or as an Excel `sep=` line says); headers
    /// in English or Dutch, in any case. On error returns the 1-based line and the reason.
    pub fn from_csv(bytes: &[u8]) -> Result<StaffDirectory, (usize, String)> {
        let text = crate::load::TextDocument::decode(bytes.to_vec())
            .map_err(|e| (1, e.to_string()))?
            .text;
        // Excel's `sep=;` line names the separator and is no header.
        let (separator, text, skipped) = match text.split_once('\n') {
            Some((first, rest)) if first.trim().to_ascii_lowercase().starts_with("sep=") => {
                let sep = first.trim()[4..].bytes().next().unwrap_or(b',');
                (sep, rest, 1)
            }
            _ => (
                separator_of(text.lines().next().unwrap_or_default()),
                text.as_str(),
                0,
            ),
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| (1 + skipped, format!("cannot read the header row: {e}")))?
            .clone();
        let column = |names: &[&str]| {
            headers.iter().position(|h| {
                let h = h.trim().to_lowercase();
                names.contains(&h.as_str())
            })
        };
        let name_col = column(&["name", "naam", "volledige naam", "full name"]).ok_or((
            1 + skipped,
            "no `name` (or `naam`) column in the header row".into(),
        ))?;
        let email_col = column(&["email", "e-mail", "emailadres", "e-mailadres", "mail"]);
        let phone_col = column(&[
            "phone",
            "telephone",
            "telefoon",
            "telefoonnummer",
            "tel",
            "tel.",
            "mobiel",
        ]);
        let mut members = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2 + skipped;
            let record = record.map_err(|e| (line, format!("malformed CSV: {e}")))?;
            let field = |col: Option<usize>| {
                col.and_then(|c| record.get(c))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let Some(name) = field(Some(name_col)) else {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                return Err((line, "empty name".into()));
            };
            members.push(StaffMember {
                name,
                email: field(email_col),
                phone: field(phone_col),
            });
        }
        Ok(StaffDirectory { members })
    }
}

/// The separator a header row uses: the most frequent of `,`, `;` and tab outside quotes
/// (`,` when there is none).
fn separator_of(header: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
            c.1 += 1;
        }
    }
    // Ties go to the first (`,`): max_by_key keeps the last maximum, so reverse.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(s, _)| *s)
}

/// Everything a Woo team supplies besides the policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Civil servants whose names, e-mail addresses and phone numbers are removed.
    pub staff: StaffDirectory,
    /// People public by function, one full name each: their names stay readable.
    pub public: Vec<String>,
    /// Literals that stay readable (organisation addresses, functional mailboxes, …).
    pub keep: Vec<String>,
}

impl Lists {
    /// Reads the lists from their files; a missing path gives an empty list.
    pub fn from_files(
        staff: Option<&Path>,
        public: Option<&Path>,
        keep: Option<&Path>,
    ) -> Result<Lists, ConfigError> {
        Ok(Lists {
            staff: staff
                .map(StaffDirectory::from_csv_file)
                .transpose()?
                .unwrap_or_default(),
            public: public.map(read_lines_file).transpose()?.unwrap_or_default(),
            keep: keep.map(read_lines_file).transpose()?.unwrap_or_default(),
        })
    }
}

impl Lists {
    /// Adds the lists' content (every name, address and number, in file order) to a
    /// configuration fingerprint.
    pub(crate) fn content_digest(&self, f: &mut crate::fingerprint::Fingerprint) {
        f.u64(self.staff.members.len() as u64);
        for m in &self.staff.members {
            f.str(&m.name)
                .opt(m.email.as_deref())
                .opt(m.phone.as_deref());
        }
        f.strs(&self.public).strs(&self.keep);
    }
}

/// Reads a UTF-8 file of one entry per line, skipping blank lines and `#` comments.
pub fn read_lines_file(path: &Path) -> Result<Vec<String>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok(parse_lines(&text))
}

/// Splits text into entries: one per line, trimmed, without blank lines and `#` comments.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_staff_csv_with_quotes_and_missing_fields() {
        let csv = "\u{feff}name,email,phone,afdeling\n\
                   Jan de Vries,j.devries@minjenv.nl,06-12345678,DGRR\n\
                   \"Vries, Piet de\",,,\n\
                   Ayşe Doğan,ayse.dogan@minjenv.nl\n\n";
        let d = StaffDirectory::from_csv(csv.as_bytes()).unwrap();
        assert_eq!(d.members.len(), 3);
        assert_eq!(d.members[0].phone.as_deref(), Some("06-12345678"));
        assert_eq!(d.members[1].name, "Vries, Piet de");
        assert_eq!(d.members[1].email, None);
        assert_eq!(d.members[2].phone, None);
    }

    #[test]
    fn staff_csv_without_name_column_is_an_error() {
        let err = StaffDirectory::from_csv(b"persoon,email\nJan,j@x.nl\n").unwrap_err();
        assert_eq!(err.0, 1);
        assert!(err.1.contains("naam"), "{}", err.1);
    }

    /// A Dutch Excel export: `;`, Dutch headers, Windows-1252 (é = 0xE9), CRLF.
    #[test]
    fn reads_dutch_excel_exports_in_every_encoding() {
        let expected = |d: &StaffDirectory| {
            assert_eq!(d.members.len(), 2, "{d:?}");
            assert_eq!(d.members[0].name, "Renée Brouwer");
            assert_eq!(d.members[0].email.as_deref(), Some("r.brouwer@minjenv.nl"));
            assert_eq!(d.members[0].phone.as_deref(), Some("06-12345678"));
            assert_eq!(d.members[1].name, "Bakker, Jan");
            assert_eq!(d.members[1].phone, None);
        };
        let text = "Naam;E-mail;Telefoonnummer;Afdeling\r\n\
                    Renée Brouwer;r.brouwer@minjenv.nl;06-12345678;DGRR\r\n\
                    \"Bakker, Jan\";j.bakker@minjenv.nl;;\r\n";
        let cp1252: Vec<u8> = text
            .chars()
            .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
            .collect();
        expected(&StaffDirectory::from_csv(&cp1252).unwrap());
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        expected(&StaffDirectory::from_csv(&bom).unwrap());
        for (mark, unit) in [
            (b"\xFF\xFE", u16::to_le_bytes as fn(u16) -> [u8; 2]),
            (b"\xFE\xFF", u16::to_be_bytes),
        ] {
            let mut utf16 = mark.to_vec();
            utf16.extend(text.encode_utf16().flat_map(unit));
            expected(&StaffDirectory::from_csv(&utf16).unwrap());
        }
        // Comma-separated with the other Dutch headers, and Excel's `sep=` line.
        let comma = "naam,email,telefoon\nRenée Brouwer,r.brouwer@minjenv.nl,06-12345678\n\
                     \"Bakker, Jan\",,\n";
        expected(&StaffDirectory::from_csv(comma.as_bytes()).unwrap());
        let sep = format!("sep=;\n{}", text);
        expected(&StaffDirectory::from_csv(sep.as_bytes()).unwrap());
        assert_eq!(separator_of("a;\"b,c,d\";e"), b';');
        assert_eq!(separator_of("name"), b',');
    }

    #[test]
    fn lines_skip_blanks_and_comments() {
        assert_eq!(
            parse_lines("# public\nIvy Dijkman\n\n  Ayoub Broeshart  \n"),
            vec!["Ivy Dijkman", "Ayoub Broeshart"]
        );
    }
}
