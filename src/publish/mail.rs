//! E-mail prints: the header blocks (`Van:/Aan:/Onderwerp:` or `From:/To:/Subject:`) that
//! split a document into messages, the normalised subject (without `RE:`, `Antw:`, `FW:`,
//! `Doorst:` …), and a hash per message (subject and body) for threading.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{Date, find_date};
use super::text::{LABEL, Labels, tokens};

/// A message needs this many words (besides labels) in its body to link documents: shorter
/// bodies ("Akkoord.") would join unrelated threads.
const MIN_BODY_WORDS: usize = 3;

/// What the mail headers of a document say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mail {
    /// The document is an e-mail: it starts with a header block.
    pub is_mail: bool,
    /// The subject of its first message, as written (already redacted by the run).
    pub subject: Option<String>,
    /// The date of its first message.
    pub date: Option<Date>,
    /// One hash per message (normalised subject and body), in order.
    pub messages: Vec<[u8; 32]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    From,
    To,
    Sent,
    Subject,
    Other,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s>]*(van|from|aan|to|cc|bcc|verzonden|sent|datum|date|onderwerp|subject|bijlagen?|attachments?|prioriteit|urgentie|importance)\s*:\s*(.*)$",
    )
    .expect("valid regex")
});
static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(re|aw|antw|fw|fwd|doorst|wg|tr|sv|vs)\s*(\[\d+\])?\s*:\s*")
        .expect("valid regex")
});
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s>]*(-{2,}.*-{2,}|_{5,}|(op|on)\s.*\s(schreef|wrote)\s*.*:)\s*$")
        .expect("valid regex")
});

fn field(name: &str) -> Field {
    match name.to_lowercase().as_str() {
        "van" | "from" => Field::From,
        "aan" | "to" | "cc" | "bcc" => Field::To,
        "verzonden" | "sent" | "datum" | "date" => Field::Sent,
        "onderwerp" | "subject" => Field::Subject,
        _ => Field::Other,
    }
}

/// A header block: its first line, the line after it, its subject and date.
struct Block<'a> {
    first: usize,
    end: usize,
    subject: &'a str,
    date: Option<Date>,
}

/// The header blocks of `lines`: runs of header lines with a sender, a subject and a
/// recipient or date.
fn blocks<'a>(lines: &[&'a str]) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        let (mut from, mut other, mut subject, mut date) = (false, false, None, None);
        while let Some(c) = lines.get(j).and_then(|l| HEADER.captures(l)) {
            let value = c.get(2).map_or("", |m| m.as_str());
            match field(&c[1]) {
                Field::From => from = true,
                Field::To => other = true,
                Field::Sent => {
                    other = true;
                    date = date.or_else(|| find_date(value));
                }
                Field::Subject => subject = subject.or(Some(value.trim())),
                Field::Other => {}
            }
            j += 1;
        }
        match subject {
            Some(subject) if from && other => {
                out.push(Block {
                    first: i,
                    end: j,
                    subject,
                    date,
                });
                i = j;
            }
            _ => i = j.max(i + 1),
        }
    }
    out
}

/// The subject without reply and forward prefixes, in lower case with single spaces.
pub fn normalise_subject(subject: &str) -> String {
    let mut s = subject.trim();
    while let Some(m) = REPLY_PREFIX.find(s) {
        s = s[m.end()..].trim_start();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads the mail headers and messages of a document's text.
pub fn parse(text: &str, labels: &Labels) -> Mail {
    let lines: Vec<&str> = text.lines().collect();
    let blocks = blocks(&lines);
    let Some(first) = blocks.first() else {
        return Mail::default();
    };
    // A mail print starts with its header block (after at most a few title lines).
    let lines_before = lines[..first.first]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count();
    let is_mail = lines_before <= 3;
    let mut messages = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        let body_end = blocks.get(k + 1).map_or(lines.len(), |n| n.first);
        let body: String = lines[b.end..body_end]
            .iter()
            .filter(|l| !SEPARATOR.is_match(l))
            .map(|l| l.trim_start_matches(|c: char| c == '>' || c.is_whitespace()))
            .collect::<Vec<_>>()
            .join("\n");
        let body = tokens(&body, labels);
        if body.iter().filter(|&&t| t != LABEL).count() < MIN_BODY_WORDS {
            continue;
        }
        let mut h = blake3::Hasher::new();
        h.update(normalise_subject(b.subject).as_bytes());
        h.update(b"\0");
        for t in &body {
            h.update(&t.to_le_bytes());
        }
        messages.push(*h.finalize().as_bytes());
    }
    Mail {
        is_mail,
        subject: is_mail.then(|| first.subject.to_string()),
        date: if is_mail { first.date } else { None },
        messages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    const REPLY: &str = "Van: [5.1.2e] - DGRR\nVerzonden: dinsdag 8 oktober 2024 14:02\nAan: [5.1.2e]\n\
        Onderwerp: RE: Kamervragen mensenhandel\n\nHoi,\n\nIk heb de antwoorden nagelopen.\n\n\
        -----Oorspronkelijk bericht-----\nFrom: [5.1.2e]\nSent: Monday 7 October 2024 16:40\n\
        To: [5.1.2e]\nSubject: Kamervragen mensenhandel\n\nBeste collega,\nHierbij de \
        conceptantwoorden.\n";
    const ORIGINAL: &str = "From: [5.1.2e]\nSent: Monday 7 October 2024 16:40\nTo: [5.1.2e]\n\
        Subject: Kamervragen mensenhandel\n\nBeste collega,\n> Hierbij de\n> conceptantwoorden.\n";

    #[test]
    fn subjects_lose_their_reply_prefixes() {
        assert_eq!(
            normalise_subject(" RE: Antw: FW:  Overleg  GGD "),
            "overleg ggd"
        );
        assert_eq!(normalise_subject("Doorst: WG: x"), "x");
        assert_eq!(normalise_subject("Reactie op brief"), "reactie op brief");
    }

    #[test]
    fn a_reply_quotes_the_original_message() {
        let labels = Labels::new(&Policy::default());
        let reply = parse(REPLY, &labels);
        let original = parse(ORIGINAL, &labels);
        assert!(reply.is_mail && original.is_mail);
        assert_eq!(
            reply.subject.as_deref(),
            Some("RE: Kamervragen mensenhandel")
        );
        assert_eq!(reply.date.unwrap().to_string(), "2024-10-08");
        assert_eq!(reply.messages.len(), 2);
        assert_eq!(original.messages.len(), 1);
        assert_eq!(reply.messages[1], original.messages[0]);
    }

    #[test]
    fn a_memo_is_no_mail() {
        let labels = Labels::new(&Policy::default());
        let memo = parse("Nota\n\nAan: de minister\nDatum: 3 oktober 2024\n", &labels);
        assert!(!memo.is_mail);
        assert!(memo.messages.is_empty());
    }
}
