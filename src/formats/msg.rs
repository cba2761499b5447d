//! Outlook `.msg` files (OLE compound files).
//!
//! The crates that read them (`msg_parser`, MIT) give the sender, recipients, subject and a
//! plain-text body, but neither the HTML or RTF body (compressed RTF) nor nested messages in
//! full, and are not actively maintained; a message read in part could be written with the
//! rest left out unseen, or its HTML body dropped. So a `.msg` fails, closed, with a reason
//! that says what to do, rather than being skipped.

use crate::formats::{Context, FormatError, FormatRedaction};

/// The OLE compound file signature.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Always fails: `.msg` is not read yet (see the module documentation).
pub fn redact(bytes: &[u8], _cx: Context<'_>) -> Result<FormatRedaction, FormatError> {
    if !bytes.starts_with(OLE_MAGIC) {
        return Err(FormatError::Malformed {
            format: "Outlook message",
            reason: "not an OLE compound file".into(),
        });
    }
    Err(FormatError::Unsupported(
        "Outlook .msg files are not read yet (no maintained MIT/Apache crate reads their \
         HTML/RTF bodies and attachments completely); save the message as .eml from Outlook \
         and redact that"
            .into(),
    ))
}
