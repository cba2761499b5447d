//! What kind of document a text is (the platform's `File Type`) and its date (`Datum`):
//! e-mails by their header block, chats by their time-stamped lines, other documents by a
//! `Datum` field near the top.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{Date, find_date};
use super::mail::Mail;
use super::run::Kind;

/// How many lines from the top a `Datum` field is looked for.
const HEAD_LINES: usize = 40;

static CHAT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(\[\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}:\d{2}(:\d{2})?\]|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}:\d{2}(:\d{2})?\s+-\s)",
    )
    .expect("valid regex")
});
static DATE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(datum|date|dagtekening)\s*:?\s*(.*)$").expect("valid regex")
});

/// The value of the platform's `File Type` column (its list: `pdf`, `doc`, `email`, `chat`,
/// …): `email` and `chat` by content, else `pdf` for PDFs and `doc` for text.
pub fn file_type(kind: Kind, mail: &Mail, text: &str) -> &'static str {
    if mail.is_mail {
        "email"
    } else if is_chat(text) {
        "chat"
    } else {
        match kind {
            Kind::Pdf => "pdf",
            Kind::Text => "doc",
        }
    }
}

/// A chat export: most of its first lines start with a time stamp.
fn is_chat(text: &str) -> bool {
    let first: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .collect();
    let stamped = first.iter().filter(|l| CHAT_LINE.is_match(l)).count();
    stamped >= 2 && stamped * 2 > first.len()
}

/// The date of a document: its first message's for an e-mail, its first message's for a
/// chat, else a `Datum` field (value on the same line or the next) near the top.
pub fn document_date(mail: &Mail, text: &str) -> Option<Date> {
    if mail.is_mail {
        return mail.date;
    }
    if is_chat(text) {
        return text
            .lines()
            .find(|l| CHAT_LINE.is_match(l))
            .and_then(find_date);
    }
    let lines: Vec<&str> = text.lines().take(HEAD_LINES).collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = DATE_FIELD.captures(line) else {
            continue;
        };
        let value = c.get(2).map_or("", |m| m.as_str()).trim();
        let found = if value.is_empty() {
            lines
                .get(i + 1..)
                .and_then(|rest| rest.iter().find(|l| !l.trim().is_empty()))
                .and_then(|l| find_date(l))
        } else {
            find_date(value)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chats_memos_and_documents() {
        let chat = "[14-10-2024 09:12] [5.1.2e]: Goedemorgen\n[14-10-2024 09:15] [5.1.2e]: Bijna\n";
        let none = Mail::default();
        assert_eq!(file_type(Kind::Text, &none, chat), "chat");
        assert_eq!(
            document_date(&none, chat).unwrap().to_string(),
            "2024-10-14"
        );
        let memo = "Nota\n\nOnze referentie\n4827163\n\nDatum\n3 oktober 2024\n";
        assert_eq!(file_type(Kind::Text, &none, memo), "doc");
        assert_eq!(file_type(Kind::Pdf, &none, memo), "pdf");
        assert_eq!(
            document_date(&none, memo).unwrap().to_string(),
            "2024-10-03"
        );
        let notes = "Verslag\nDatum: 15 oktober 2024\n";
        assert_eq!(
            document_date(&none, notes).unwrap().to_string(),
            "2024-10-15"
        );
        assert_eq!(document_date(&none, "Geen datum hier."), None);
    }
}
