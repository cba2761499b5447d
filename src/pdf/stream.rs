//! Stream data as readers see it. lopdf's Flate decoder returns an empty or short result
//! without an error when the data is damaged, while viewers show everything that inflates
//! before the damage; text there would be visible but unchecked. So Flate data is inflated
//! here, keeping all output up to any error (with or without a zlib header, whichever gives
//! more); other filters are left to lopdf.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Dictionary, Object, Stream};

/// Why stream data could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// It decodes to more than the limit.
    TooLarge,
    /// A filter lopdf does not implement, or data it rejects.
    Unsupported,
}

/// The decoded data of a stream, at most `limit` bytes.
pub(crate) fn decode(stream: &Stream, limit: usize) -> Result<Vec<u8>, DecodeError> {
    decode_checked(stream, limit).map(|(data, _)| data)
}

/// The decoded data of a stream, and whether its Flate data is damaged (the data is then
/// what inflates before the damage).
pub(crate) fn decode_checked(
    stream: &Stream,
    limit: usize,
) -> Result<(Vec<u8>, bool), DecodeError> {
    let Ok(filters) = stream.filters() else {
        return within(stream.content.clone(), limit).map(|d| (d, false));
    };
    let params: Vec<Option<&Dictionary>> = (0..filters.len())
        .map(|i| match stream.dict.get(b"DecodeParms") {
            Ok(Object::Array(list)) => list.get(i).and_then(|p| p.as_dict().ok()),
            Ok(Object::Dictionary(d)) => Some(d),
            _ => None,
        })
        .collect();
    let predicted = params.iter().flatten().any(|p| {
        p.get(b"Predictor")
            .and_then(Object::as_i64)
            .is_ok_and(|v| v > 1)
    });
    if predicted {
        return stream
            .decompressed_content_with_limit(limit)
            .map(|d| (d, false))
            .map_err(|e| match e {
                lopdf::Error::Decompress(_) => DecodeError::TooLarge,
                _ => DecodeError::Unsupported,
            });
    }
    let mut data = stream.content.clone();
    let mut damaged = false;
    for (filter, params) in filters.iter().zip(params) {
        data = if matches!(*filter, b"FlateDecode" | b"Fl") {
            let (out, complete) = inflate(&data, limit)?;
            damaged |= !complete;
            out
        } else {
            let mut dict = Dictionary::new();
            dict.set("Filter", Object::Name(full_name(filter).to_vec()));
            if let Some(p) = params {
                dict.set("DecodeParms", p.clone());
            }
            Stream::new(dict, data)
                .decompressed_content_with_limit(limit)
                .map_err(|_| DecodeError::Unsupported)?
        };
    }
    Ok((data, damaged))
}

/// The full name of a filter that may be abbreviated (as in inline images).
fn full_name(filter: &[u8]) -> &[u8] {
    match filter {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"RL" => b"RunLengthDecode",
        other => other,
    }
}

fn within(data: Vec<u8>, limit: usize) -> Result<Vec<u8>, DecodeError> {
    if data.len() > limit {
        Err(DecodeError::TooLarge)
    } else {
        Ok(data)
    }
}

/// Inflates zlib (or raw deflate) data, keeping what comes out before any error; and
/// whether it was a complete zlib stream.
fn inflate(data: &[u8], limit: usize) -> Result<(Vec<u8>, bool), DecodeError> {
    let (zlib, complete) = inflate_with(data, true, limit)?;
    if complete {
        return Ok((zlib, true));
    }
    let (raw, _) = inflate_with(data, false, limit)?;
    Ok((if raw.len() > zlib.len() { raw } else { zlib }, false))
}

/// The output and whether the stream ended properly.
fn inflate_with(data: &[u8], zlib: bool, limit: usize) -> Result<(Vec<u8>, bool), DecodeError> {
    let mut d = Decompress::new(zlib);
    let mut out: Vec<u8> =
        Vec::with_capacity(data.len().saturating_mul(4).clamp(64, limit.max(64)));
    loop {
        if out.len() == out.capacity() {
            if out.len() > limit {
                return Err(DecodeError::TooLarge);
            }
            out.reserve(out.len().max(4096));
        }
        let (read, written) = (d.total_in(), d.total_out());
        let input = &data[(read as usize).min(data.len())..];
        match d.decompress_vec(input, &mut out, FlushDecompress::None) {
            Ok(Status::StreamEnd) => return within(out, limit).map(|o| (o, true)),
            Ok(_) if d.total_in() == read && d.total_out() == written => {
                // The input ended before the stream did.
                return within(out, limit).map(|o| (o, false));
            }
            Ok(_) => {}
            Err(_) => return within(out, limit).map(|o| (o, false)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use lopdf::dictionary;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::new(6));
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn flate_stream(content: Vec<u8>) -> Stream {
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, content)
    }

    #[test]
    fn damaged_data_keeps_what_inflates_before_the_damage() {
        let text = b"BT /F1 12 Tf (Mail j.devries@example.nl nu.) Tj ET ".repeat(20);
        let mut data = zlib(&text);
        let n = data.len();
        for b in &mut data[n - 12..n - 4] {
            *b ^= 0x5a;
        }
        let (out, damaged) = decode_checked(&flate_stream(data), 1 << 20).unwrap();
        assert!(damaged);
        assert!(
            out.len() > text.len() / 2,
            "{} of {}",
            out.len(),
            text.len()
        );
        assert_eq!(out[..100], text[..100]);
    }

    #[test]
    fn truncated_and_raw_deflate_data() {
        let text = b"0 0 m 100 100 l S ".repeat(50);
        let data = zlib(&text);
        let out = decode(&flate_stream(data[..data.len() / 2].to_vec()), 1 << 20).unwrap();
        assert!(!out.is_empty() && text.starts_with(&out));
        // Raw deflate: the zlib header and checksum left out.
        let raw = data[2..data.len() - 4].to_vec();
        assert_eq!(decode(&flate_stream(raw), 1 << 20).unwrap(), text);
    }

    #[test]
    fn limits_and_filter_chains() {
        let text = vec![b'x'; 10_000];
        assert_eq!(
            decode(&flate_stream(zlib(&text)), 100),
            Err(DecodeError::TooLarge)
        );
        let hex: Vec<u8> = zlib(b"BT ET")
            .iter()
            .flat_map(|b| format!("{b:02x}").into_bytes())
            .chain(*b">")
            .collect();
        let chained = Stream::new(
            dictionary! { "Filter" => vec!["AHx".into(), "Fl".into()] },
            hex,
        );
        assert_eq!(decode(&chained, 1 << 20).unwrap(), b"BT ET");
        let plain = Stream::new(dictionary! {}, b"BT ET".to_vec());
        assert_eq!(decode(&plain, 1 << 20).unwrap(), b"BT ET");
    }
}
