//! Why a PDF could not be redacted. Messages name pages, fonts and constructs, never the text
//! of the document: a font name is reduced to printable ASCII and shortened, and errors from
//! lopdf are reduced to a fixed description of their kind.

use std::fmt;

/// Why a PDF could not be redacted completely. Nothing is written for it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The file is not a PDF that can be parsed.
    #[error("cannot read the PDF: {0}")]
    Unreadable(&'static str),
    /// The file is encrypted and no usable password was given.
    #[error(
        "needs manual review: the PDF is encrypted and {}; give its password",
        if *.password_given { "the password is wrong" } else { "needs a password" }
    )]
    Encrypted {
        /// Whether a password was given (and failed).
        password_given: bool,
    },
    /// The document structure cannot be checked completely.
    #[error("needs manual review: {0}")]
    Structure(String),
    /// Text in a font the tool cannot read.
    #[error("needs manual review: page {page}, font {font}: {problem}")]
    Font {
        /// 1-based page number.
        page: u32,
        /// The font's `/BaseFont` (sanitised) and resource name.
        font: FontName,
        /// What is wrong with it.
        problem: FontProblem,
    },
    /// Page content the tool cannot read or rewrite.
    #[error("needs manual review: page {page}: {reason}")]
    Content {
        /// 1-based page number.
        page: u32,
        /// What is wrong.
        reason: String,
    },
    /// The output still holds removed text, or does not read back.
    #[error("verification failed: {0}")]
    Verification(String),
    /// The output could not be produced.
    #[error("cannot write the PDF: {0}")]
    Write(&'static str),
}

impl From<PdfError> for crate::error::DocumentError {
    fn from(e: PdfError) -> Self {
        crate::error::DocumentError::Pdf(Box::new(e))
    }
}

/// What makes a font unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontProblem {
    /// A Type 3 font: glyphs are drawn by content procedures.
    Type3,
    /// Vertical writing mode.
    Vertical,
    /// A character code with no Unicode mapping.
    Undecodable,
    /// A CMap the tool does not implement (named).
    UnsupportedCMap(String),
    /// Text is shown with no font set, or with a font missing from the resources.
    Missing,
}

impl fmt::Display for FontProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FontProblem::Type3 => f.write_str("Type 3 fonts are not supported"),
            FontProblem::Vertical => f.write_str("vertical writing is not supported"),
            FontProblem::Undecodable => f.write_str(
                "text in this font cannot be decoded to Unicode, so it cannot be checked",
            ),
            FontProblem::UnsupportedCMap(name) => {
                write!(f, "the character map {} is not supported", printable(name))
            }
            FontProblem::Missing => f.write_str("text is shown in a font that is not defined"),
        }
    }
}

/// A font as named in messages: `/BaseFont` and the resource name, printable ASCII only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontName {
    /// The `/BaseFont`, e.g. `ABCDEF+Arial`.
    pub base: String,
    /// The resource name, e.g. `F1`.
    pub resource: String,
}

impl FontName {
    pub(crate) fn new(base: &[u8], resource: &[u8]) -> FontName {
        FontName {
            base: printable(&String::from_utf8_lossy(base)),
            resource: printable(&String::from_utf8_lossy(resource)),
        }
    }
}

impl fmt::Display for FontName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = if self.base.is_empty() {
            "(unnamed)"
        } else {
            &self.base
        };
        write!(f, "{base} (/{})", self.resource)
    }
}

/// At most 64 printable ASCII characters of `s`; others become `?`.
pub(crate) fn printable(s: &str) -> String {
    s.chars()
        .take(64)
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

/// A fixed description of a lopdf error, without any text from the file.
pub(crate) fn describe(e: &lopdf::Error) -> &'static str {
    use lopdf::Error as E;
    match e {
        E::Decompress(_) => "a stream cannot be decompressed or is too large",
        E::Parse(_) | E::Syntax(_) | E::IndirectObject { .. } | E::InvalidOffset(_) => {
            "syntax error"
        }
        E::Xref(_) | E::MissingXrefEntry | E::ObjectIdMismatch => "broken cross-reference table",
        E::Decryption(_) | E::InvalidPassword => "cannot decrypt",
        E::ReferenceCycle(_) | E::ReferenceLimit | E::RecursionLimit => {
            "reference cycle or too deep nesting"
        }
        E::ObjectNotFound(_) => "a referenced object is missing",
        E::IO(_) => "input/output error",
        E::Unimplemented(_) => "a PDF feature that is not supported",
        _ => "malformed PDF structure",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_names_are_printable_and_short() {
        let name = FontName::new("ABC+Naïve Jan\u{1}".as_bytes(), b"F1");
        assert_eq!(name.to_string(), "ABC+Na?ve?Jan? (/F1)");
        let long = "x".repeat(200);
        assert_eq!(printable(&long).len(), 64);
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = PdfError::Font {
            page: 3,
            font: FontName::new(b"Foo", b"F2"),
            problem: FontProblem::Undecodable,
        };
        assert!(
            e.to_string()
                .starts_with("needs manual review: page 3, font Foo (/F2): ")
        );
        let e = PdfError::Encrypted {
            password_given: false,
        };
        assert!(e.to_string().contains("needs a password"));
    }
}
