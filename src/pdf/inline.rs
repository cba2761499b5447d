//! Inline images in raw content bytes. lopdf does not decode an inline image with a filter
//! (or an unknown colour space): it returns a bare `BI` operation without the image. To write
//! such a content stream back after editing, the image's original bytes are copied from the
//! stream; this module finds them, following lopdf's own grammar, and the caller checks the
//! result by decoding it again.

use std::ops::Range;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    b"()<>[]{}/%".contains(&b)
}

/// The byte ranges `BI … EI` of the inline images in `data`, in order. `lengths[k]` is the
/// data length of image `k` when lopdf decoded it, `None` when it did not (then, as in lopdf,
/// the data ends at the first `EI` between white space). `None` if the images cannot be
/// found as lopdf found them.
pub(crate) fn images(data: &[u8], lengths: &[Option<usize>]) -> Option<Vec<Range<usize>>> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let b = data[at];
        if is_space(b) {
            at += 1;
        } else if b == b'%' || b == b'(' || b == b'<' || b == b'/' || is_delimiter(b) {
            at = skip_token(data, at);
        } else {
            let end = word_end(data, at);
            if &data[at..end] == b"BI" {
                let length = *lengths.get(spans.len())?;
                let stop = image_end(data, end, length)?;
                spans.push(at..stop);
                at = stop;
            } else {
                at = end;
            }
        }
    }
    (spans.len() == lengths.len()).then_some(spans)
}

fn word_end(data: &[u8], mut at: usize) -> usize {
    while at < data.len() && !is_space(data[at]) && !is_delimiter(data[at]) {
        at += 1;
    }
    at
}

/// Skips one token that is not a bare word: a comment, string, name or delimiter.
fn skip_token(data: &[u8], at: usize) -> usize {
    match data[at] {
        b'%' => {
            let mut i = at;
            while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                i += 1;
            }
            i
        }
        b'(' => {
            let (mut i, mut depth) = (at + 1, 1);
            while i < data.len() && depth > 0 {
                match data[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            i
        }
        b'<' if data.get(at + 1) == Some(&b'<') => at + 2,
        b'<' => data[at..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(data.len(), |p| at + p + 1),
        b'>' if data.get(at + 1) == Some(&b'>') => at + 2,
        b'/' => word_end(data, at + 1),
        _ => at + 1,
    }
}

/// The end of an inline image whose `BI` ends at `at`: past its dictionary, `ID`, its data
/// and `EI`.
fn image_end(data: &[u8], mut at: usize, length: Option<usize>) -> Option<usize> {
    // The dictionary, up to the ID operator.
    loop {
        while at < data.len() && is_space(data[at]) {
            at += 1;
        }
        if at >= data.len() {
            return None;
        }
        if data[at..].starts_with(b"ID") {
            at += 2;
            break;
        }
        at = match data[at] {
            b'%' | b'(' | b'<' | b'>' | b'/' | b'[' | b']' | b'{' | b'}' => skip_token(data, at),
            _ => word_end(data, at).max(at + 1),
        };
    }
    // One end-of-line or white-space byte separates ID from the data.
    if data[at..].starts_with(b"\r\n") {
        at += 2;
    } else if data.get(at).is_some_and(|&b| is_space(b)) {
        at += 1;
    }
    match length {
        Some(n) => {
            at = at.checked_add(n).filter(|&e| e <= data.len())?;
            while at < data.len() && is_space(data[at]) {
                at += 1;
            }
            data[at..].starts_with(b"EI").then_some(at + 2)
        }
        None => data[at..]
            .windows(3)
            .enumerate()
            .find(|&(i, w)| {
                is_space(w[0])
                    && &w[1..] == b"EI"
                    && data.get(at + i + 3).is_none_or(|&c| is_space(c))
            })
            .map(|(i, _)| at + i + 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_filtered_and_plain_images_between_other_tokens() {
        let data = b"q (BI in a string) Tj % BI in a comment\n\
            BI /W 2 /H 1 /BPC 8 /CS /G /F /AHx ID 4142> EI Q\n\
            BI /W 1 /H 1 /BPC 8 /CS /G ID E EI /BI Do";
        let spans = images(data, &[None, Some(1)]).unwrap();
        assert_eq!(spans.len(), 2);
        assert!(data[spans[0].clone()].starts_with(b"BI /W 2"));
        assert!(data[spans[0].clone()].ends_with(b"4142> EI"));
        // The data byte `E` of the plain image is not mistaken for the end.
        assert_eq!(
            &data[spans[1].clone()],
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID E EI"
        );
    }

    #[test]
    fn a_count_that_does_not_match_is_refused() {
        assert!(images(b"BI /W 1 ID x EI", &[]).is_none());
        assert!(images(b"BI /W 1 ID x", &[None]).is_none());
        assert_eq!(images(b"0 0 m", &[]), Some(vec![]));
    }
}
