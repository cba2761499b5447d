//! Outlook messages (`.msg`), redacted and written as e-mail (`.eml`).
//!
//! The message is read with [`mapi::read`] and written as a MIME message (sender,
//! recipients, subject, date; the plain and HTML bodies as an alternative; attachments),
//! which then goes through the e-mail back end like any `.eml`. Outlook's own transport
//! headers and everything else not read are left out. The output is an `.eml` file (the
//! batch names it so) and the summary says the message was converted.

pub mod mapi;

use base64::Engine as _;

use crate::error::DocumentError;
use crate::formats::eml::{self, header};
use crate::formats::seam::{self, Ran};
use crate::formats::{Context, FormatError, FormatRedaction};
use crate::resolve::Removal;
use mapi::{Mailbox, Role};

/// Redacts an Outlook message; the output is an `.eml` message.
pub fn redact(bytes: &[u8], cx: Context<'_>) -> Result<FormatRedaction, FormatError> {
    run(bytes, cx, None)
        .map(Ran::into_format_redaction)
        .map_err(seam::format_error)
}

/// Runs an Outlook message through the pipeline as the `.eml` message it is written as.
pub(crate) fn run(
    bytes: &[u8],
    cx: Context<'_>,
    reviewed: Option<&[Removal]>,
) -> Result<Ran, DocumentError> {
    let message = mapi::read(bytes)?;
    let eml = to_eml(&message);
    let mut out = eml::run(&eml, cx, 0, reviewed)?;
    out.report.format = "msg".into();
    out.report
        .notes
        .insert(0, "converted from Outlook .msg: written as .eml".into());
    Ok(out)
}

fn mailbox(m: &Mailbox) -> String {
    header::write_mailbox(m.name.as_deref(), m.address.clone())
}

fn base64_lines(data: &[u8]) -> String {
    let s = base64::engine::general_purpose::STANDARD.encode(data);
    let mut out = String::with_capacity(s.len() + s.len() / 76 + 2);
    for chunk in s.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// An RFC 5322 date from Unix seconds (UTC).
fn rfc5322_date(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    format!(
        "{}, {day} {} {year} {:02}:{:02}:{:02} +0000",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1) as usize],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The message as MIME: `multipart/mixed` of the bodies (`multipart/alternative`) and the
/// attachments, everything base64.
fn to_eml(m: &mapi::Message) -> Vec<u8> {
    let mut out = String::new();
    out.push_str(&format!("From: {}\n", mailbox(&m.from)));
    for (role, name) in [(Role::To, "To"), (Role::Cc, "Cc"), (Role::Bcc, "Bcc")] {
        let list: Vec<String> = m
            .recipients
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, b)| mailbox(b))
            .collect();
        if !list.is_empty() {
            out.push_str(&format!("{name}: {}\n", list.join(", ")));
        }
    }
    if let Some(s) = &m.subject {
        out.push_str(&format!("Subject: {}\n", header::encode_text(s)));
    }
    if let Some(t) = m.date {
        out.push_str(&format!("Date: {}\n", rfc5322_date(t)));
    }
    out.push_str("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"=_woo_mixed\"\n\n");
    out.push_str("--=_woo_mixed\nContent-Type: multipart/alternative; boundary=\"=_woo_alt\"\n\n");
    let body = m.body.clone().unwrap_or_default();
    out.push_str("--=_woo_alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n");
    out.push_str(&base64_lines(body.as_bytes()));
    if let Some(html) = &m.html {
        let charset = if std::str::from_utf8(html).is_ok() {
            "utf-8"
        } else {
            "windows-1252"
        };
        out.push_str(&format!(
            "--=_woo_alt\nContent-Type: text/html; charset={charset}\nContent-Transfer-Encoding: base64\n\n"
        ));
        out.push_str(&base64_lines(html));
    }
    out.push_str("--=_woo_alt--\n");
    for a in &m.attachments {
        let name = a.name.clone().unwrap_or_else(|| "bijlage".into());
        let quoted = header::encode_phrase(&name);
        let mime = a
            .mime
            .clone()
            .filter(|t| t.contains('/') && t.is_ascii() && !t.contains(['\n', ';']))
            .unwrap_or_else(|| "application/octet-stream".into());
        out.push_str(&format!(
            "--=_woo_mixed\nContent-Type: {mime}; name={quoted}\nContent-Disposition: attachment; filename={quoted}\nContent-Transfer-Encoding: base64\n\n"
        ));
        out.push_str(&base64_lines(&a.data));
    }
    out.push_str("--=_woo_mixed--\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc5322() {
        assert_eq!(rfc5322_date(0), "Thu, 1 Jan 1970 00:00:00 +0000");
        assert_eq!(
            rfc5322_date(1_728_396_131),
            "Tue, 8 Oct 2024 14:02:11 +0000"
        );
    }
}
