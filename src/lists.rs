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
    /// Reads a UTF-8 CSV file with a header row and the columns `name`, `email`, `phone`
    /// (other columns are ignored; `email` and `phone` may be missing or empty).
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

    /// Parses CSV bytes; on error returns the 1-based line and the reason.
    pub fn from_csv(bytes: &[u8]) -> Result<StaffDirectory, (usize, String)> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(|e| (1, format!("cannot read the header row: {e}")))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let name_col = column("name").ok_or((1, "no `name` column in the header row".into()))?;
        let email_col = column("email");
        let phone_col = column("phone");
        let mut members = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
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
        let err = StaffDirectory::from_csv(b"naam,email\nJan,j@x.nl\n").unwrap_err();
        assert_eq!(err.0, 1);
    }

    #[test]
    fn lines_skip_blanks_and_comments() {
        assert_eq!(
            parse_lines("# public\nIvy Dijkman\n\n  Ayoub Broeshart  \n"),
            vec!["Ivy Dijkman", "Ayoub Broeshart"]
        );
    }
}
