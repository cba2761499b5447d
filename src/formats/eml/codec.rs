//! Body codecs: transfer encodings (quoted-printable, base64, 7bit/8bit) and charsets, both
//! ways. Decoding is lenient the way mail readers are; encoding always gives valid lines.

use base64::Engine as _;
use encoding_rs::Encoding;

use crate::formats::FormatError;

/// Largest decoded body part.
pub const MAX_DECODED_PART: usize = 64 << 20;

/// A transfer encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transfer {
    /// 7bit, 8bit or binary: the bytes as they are.
    Identity,
    /// Quoted-printable.
    QuotedPrintable,
    /// Base64.
    Base64,
}

impl Transfer {
    /// From a `Content-Transfer-Encoding` value; unknown encodings are refused.
    pub fn parse(value: Option<&str>) -> Result<Transfer, FormatError> {
        let v = value.unwrap_or("7bit").trim().to_ascii_lowercase();
        match v.as_str() {
            "" | "7bit" | "8bit" | "binary" => Ok(Transfer::Identity),
            "quoted-printable" => Ok(Transfer::QuotedPrintable),
            "base64" => Ok(Transfer::Base64),
            _ => Err(FormatError::Unsupported(format!(
                "unknown transfer encoding `{}`",
                crate::formats::shown(&v)
            ))),
        }
    }

    /// The header value.
    pub fn name(self, bytes: &[u8]) -> &'static str {
        match self {
            Transfer::Identity if bytes.is_ascii() => "7bit",
            Transfer::Identity => "8bit",
            Transfer::QuotedPrintable => "quoted-printable",
            Transfer::Base64 => "base64",
        }
    }
}

/// Decodes a body from its transfer encoding.
pub fn decode(transfer: Transfer, body: &[u8]) -> Result<Vec<u8>, FormatError> {
    let out = match transfer {
        Transfer::Identity => body.to_vec(),
        Transfer::QuotedPrintable => decode_qp(body),
        Transfer::Base64 => {
            let clean: Vec<u8> = body
                .iter()
                .copied()
                .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
                .collect();
            if clean.len() / 4 * 3 > MAX_DECODED_PART {
                return Err(too_large());
            }
            // A single character left over holds no whole byte.
            let usable = clean.len() - usize::from(clean.len() % 4 == 1);
            base64::engine::GeneralPurpose::new(
                &base64::alphabet::STANDARD,
                base64::engine::GeneralPurposeConfig::new()
                    .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
                    .with_decode_allow_trailing_bits(true),
            )
            .decode(&clean[..usable])
            .map_err(|_| FormatError::Malformed {
                format: "e-mail",
                reason: "a base64 body part does not decode".into(),
            })?
        }
    };
    if out.len() > MAX_DECODED_PART {
        return Err(too_large());
    }
    Ok(out)
}

fn too_large() -> FormatError {
    FormatError::Limit(format!(
        "a body part decodes to more than {} MiB",
        MAX_DECODED_PART >> 20
    ))
}

fn decode_qp(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16);
    while i < body.len() {
        let b = body[i];
        if b == b'=' {
            // A soft line break: `=` then optional white space and the line end.
            let mut j = i + 1;
            while j < body.len() && matches!(body[j], b' ' | b'\t') {
                j += 1;
            }
            if j < body.len() && body[j] == b'\n' {
                i = j + 1;
                continue;
            }
            if j + 1 < body.len() && body[j] == b'\r' && body[j + 1] == b'\n' {
                i = j + 2;
                continue;
            }
            if j >= body.len() {
                break;
            }
            if i + 2 < body.len() + 1
                && let (Some(h), Some(l)) = (
                    body.get(i + 1).copied().and_then(hex),
                    body.get(i + 2).copied().and_then(hex),
                )
            {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Encodes a body in a transfer encoding, with lines ending in `nl`. Identity bodies whose
/// lines are too long for SMTP are written quoted-printable instead; the encoding used is
/// returned.
pub fn encode(transfer: Transfer, bytes: &[u8], nl: &[u8]) -> (Transfer, Vec<u8>) {
    match transfer {
        Transfer::Base64 => {
            let text = base64::engine::general_purpose::STANDARD.encode(bytes);
            let mut out = Vec::with_capacity(text.len() + text.len() / 38);
            for chunk in text.as_bytes().chunks(76) {
                out.extend_from_slice(chunk);
                out.extend_from_slice(nl);
            }
            (Transfer::Base64, out)
        }
        Transfer::Identity if bytes.split(|&b| b == b'\n').all(|l| l.len() <= 900) => {
            (Transfer::Identity, bytes.to_vec())
        }
        _ => (Transfer::QuotedPrintable, encode_qp(bytes, nl)),
    }
}

fn encode_qp(bytes: &[u8], nl: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 11 / 10);
    let text_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let last = text_lines.len() - 1;
    for (n, line) in text_lines.iter().enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let mut width = 0;
        for (i, &b) in line.iter().enumerate() {
            let at_end = i + 1 == line.len();
            let plain =
                (b == b' ' || b == b'\t') && !at_end || (33..=126).contains(&b) && b != b'=';
            let piece_len = if plain { 1 } else { 3 };
            if width + piece_len > 75 {
                out.extend_from_slice(b"=");
                out.extend_from_slice(nl);
                width = 0;
            }
            if plain {
                out.push(b);
            } else {
                out.extend_from_slice(format!("={b:02X}").as_bytes());
            }
            width += piece_len;
        }
        if n != last {
            out.extend_from_slice(nl);
        }
    }
    out
}

/// The encoding for a charset label; `None` when unknown.
pub fn charset(label: Option<&str>) -> Option<&'static Encoding> {
    match label {
        None => Some(encoding_rs::UTF_8),
        Some(l) if l.trim().eq_ignore_ascii_case("us-ascii") => Some(encoding_rs::UTF_8),
        Some(l) => Encoding::for_label(l.trim().as_bytes()),
    }
}

/// Decodes text in its charset; fails when it does not decode, rather than guessing.
pub fn decode_text(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, FormatError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        // Mail often claims US-ASCII or UTF-8 and holds Windows-1252.
        if encoding == encoding_rs::UTF_8 {
            return Ok(encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned());
        }
        return Err(FormatError::Malformed {
            format: "e-mail",
            reason: format!("a text part does not decode as {}", encoding.name()),
        });
    }
    Ok(text.into_owned())
}

/// Encodes text in `encoding` if every character fits (or `html`, where numeric character
/// references stand in); otherwise in UTF-8. Returns the encoding used.
pub fn encode_text(
    encoding: &'static Encoding,
    text: &str,
    html: bool,
) -> (&'static Encoding, Vec<u8>) {
    let target = encoding.output_encoding();
    let (bytes, _, unmappable) = target.encode(text);
    if unmappable && !html {
        return (encoding_rs::UTF_8, text.as_bytes().to_vec());
    }
    (target, bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_round_trips_long_lines_and_accents() {
        let text = "Beste Zoë,\n".to_string() + &"lang ".repeat(40) + "=einde \n";
        let (t, enc) = encode(Transfer::QuotedPrintable, text.as_bytes(), b"\r\n");
        assert_eq!(t, Transfer::QuotedPrintable);
        assert!(enc.split(|&b| b == b'\n').all(|l| l.len() <= 77));
        assert_eq!(
            decode(t, &enc).unwrap(),
            text.replace('\n', "\r\n").as_bytes()
        );
    }

    #[test]
    fn base64_round_trips_and_tolerates_line_breaks() {
        let (t, enc) = encode(Transfer::Base64, "Groet, Jeroen".as_bytes(), b"\n");
        assert_eq!(decode(t, &enc).unwrap(), b"Groet, Jeroen");
        assert_eq!(
            decode(Transfer::Base64, b"R3Jv\r\nZXQ=\n").unwrap(),
            b"Groet"
        );
    }

    #[test]
    fn text_falls_back_to_utf8_when_the_charset_cannot_hold_it() {
        let latin1 = charset(Some("iso-8859-1")).unwrap();
        assert_eq!(decode_text(latin1, b"Zo\xEB").unwrap(), "Zoë");
        let (e, b) = encode_text(latin1, "Zoë ★", false);
        assert_eq!(e, encoding_rs::UTF_8);
        assert_eq!(b, "Zoë ★".as_bytes());
        assert!(Transfer::parse(Some("x-uuencode")).is_err());
    }
}
