//! Loading: what kind of document a file is, and decoding a text document while keeping the
//! way back to byte offsets in the original file (the audit log reports those).

use std::path::Path;

use crate::error::DocumentError;

/// The kinds of document the tool processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A plain-text document (`.txt`).
    Text,
    /// A PDF document (`.pdf`).
    Pdf,
}

impl DocumentKind {
    /// The kind for a path, from its extension (case-insensitive); `None` for other files.
    pub fn of(path: &Path) -> Option<DocumentKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(DocumentKind::Text),
            "pdf" => Some(DocumentKind::Pdf),
            _ => None,
        }
    }
}

/// A decoded text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextDocument {
    /// The text.
    pub text: String,
    /// Bytes before the text in the file (a UTF-8 byte-order mark).
    prefix: Vec<u8>,
}

impl TextDocument {
    /// Decodes the bytes of a text file: UTF-8, with or without a byte-order mark.
    pub fn decode(bytes: Vec<u8>) -> Result<TextDocument, DocumentError> {
        let (prefix, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (b"\xEF\xBB\xBF".to_vec(), rest.to_vec()),
            None => (Vec::new(), bytes),
        };
        let text = String::from_utf8(body).map_err(|e| {
            let at = e.utf8_error().valid_up_to() + prefix.len();
            DocumentError::Decode(format!("not valid UTF-8 (first bad byte at offset {at})"))
        })?;
        Ok(TextDocument { text, prefix })
    }

    /// The byte offset in the original file of byte `offset` of [`TextDocument::text`].
    pub fn file_offset(&self, offset: usize) -> usize {
        offset + self.prefix.len()
    }

    /// The bytes to write for a redacted version of this document's text: the same encoding
    /// and byte-order mark as the original.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.prefix.len() + text.len());
        out.extend_from_slice(&self.prefix);
        out.extend_from_slice(text.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_extension() {
        assert_eq!(
            DocumentKind::of(Path::new("a/B.TXT")),
            Some(DocumentKind::Text)
        );
        assert_eq!(
            DocumentKind::of(Path::new("a.pdf")),
            Some(DocumentKind::Pdf)
        );
        assert_eq!(DocumentKind::of(Path::new("a.docx")), None);
        assert_eq!(DocumentKind::of(Path::new("README")), None);
    }

    #[test]
    fn a_byte_order_mark_is_kept_and_offsets_account_for_it() {
        let doc = TextDocument::decode(b"\xEF\xBB\xBFJan".to_vec()).unwrap();
        assert_eq!(doc.text, "Jan");
        assert_eq!(doc.file_offset(0), 3);
        assert_eq!(doc.encode("X"), b"\xEF\xBB\xBFX");
    }

    #[test]
    fn invalid_utf8_names_the_offset_not_the_text() {
        let err = TextDocument::decode(b"Jan \xff de Vries".to_vec()).unwrap_err();
        assert!(err.to_string().contains("offset 4"), "{err}");
        assert!(!err.to_string().contains("Vries"));
    }
}
