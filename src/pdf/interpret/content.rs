//! Reading a page's or a form's content streams, and decoding them strictly within a memory
//! budget.

use std::borrow::Cow;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::pdf::error::PdfError;
use crate::pdf::load::{MAX_STREAM, Page};

/// Most memory the parsed operations of a page (forms included) may take, estimated; parsed
/// operations take 40 to 400 times the bytes of their content, so without a bound a content
/// stream within [`MAX_STREAM`] could take tens of gigabytes.
pub(crate) const MAX_PARSED: usize = 256 << 20;
/// Content up to this size is parsed in one go (it cannot exceed [`MAX_PARSED`]).
const SMALL_CONTENT: usize = 256 << 10;

/// The decompressed content of a page: its content streams joined by line ends; and those
/// that are damaged (their data is what inflates before the damage).
pub(crate) fn page_content(
    doc: &Document,
    page: &Page,
) -> Result<(Vec<u8>, Vec<ObjectId>), PdfError> {
    let unreadable = |reason: &str| PdfError::Content {
        page: page.number,
        reason: reason.to_string(),
    };
    let dict = doc
        .get_dictionary(page.id)
        .map_err(|_| unreadable("the page object is damaged"))?;
    let mut ids = Vec::new();
    match dict.get(b"Contents") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(items)) => {
                ids.extend(items.iter().filter_map(|o| o.as_reference().ok()))
            }
            _ => ids.push(*id),
        },
        Ok(Object::Array(items)) => ids.extend(items.iter().filter_map(|o| o.as_reference().ok())),
        _ => {}
    }
    let mut data = Vec::new();
    let mut damaged = Vec::new();
    for id in ids {
        // A missing stream draws nothing.
        let Ok(object) = doc.get_object(id) else {
            continue;
        };
        let stream = object
            .as_stream()
            .map_err(|_| unreadable("a content stream is not a stream"))?;
        let (part, broken) =
            crate::pdf::stream::decode_checked(stream, MAX_STREAM.saturating_sub(data.len()))
                .map_err(|_| {
                    unreadable("a content stream cannot be decompressed or is too large")
                })?;
        if broken {
            damaged.push(id);
        }
        data.extend_from_slice(&part);
        // Content streams split only between tokens, so a line end keeps them apart.
        data.push(b'\n');
    }
    Ok((data, damaged))
}

/// The decompressed content of a Form XObject, and whether it is damaged.
pub(crate) fn form_content(
    doc: &Document,
    form: ObjectId,
    page: u32,
) -> Result<(Vec<u8>, bool), PdfError> {
    let unreadable = |reason: &str| PdfError::Content {
        page,
        reason: reason.to_string(),
    };
    let stream = doc
        .get_object(form)
        .and_then(Object::as_stream)
        .map_err(|_| unreadable("a form XObject is damaged"))?;
    crate::pdf::stream::decode_checked(stream, MAX_STREAM)
        .map_err(|_| unreadable("a form XObject cannot be decompressed or is too large"))
}

/// Decodes content strictly: `None` unless all of it parses (within [`MAX_PARSED`]).
pub(crate) fn decode(data: &[u8]) -> Option<Vec<Operation>> {
    let data = if data.len() <= SMALL_CONTENT {
        Cow::Borrowed(data)
    } else {
        Cow::Owned(data.to_vec())
    };
    decode_within(data, MAX_PARSED).ok().map(|(ops, _)| ops)
}

/// Why content could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Not all of it parses.
    Invalid,
    /// The parsed operations would take more than the memory allowed.
    TooLarge,
}

/// Decodes content strictly, with the parsed operations taking at most `budget` bytes
/// (estimated); returns them with the bytes they take.
///
/// Large content is parsed one operation at a time and each operation is shrunk to fit
/// (lopdf leaves room for four operands in each), stopping as soon as the budget is spent.
/// To stay strict (all of the content must parse, as `Content::decode_strict` requires), a
/// sentinel operator is appended whose name is derived from a hash of the content, so that the
/// content cannot contain it: the content parses completely exactly when the sentinel comes
/// out last, without operands.
pub(crate) fn decode_within(
    data: Cow<'_, [u8]>,
    budget: usize,
) -> Result<(Vec<Operation>, usize), DecodeError> {
    if data.len() <= SMALL_CONTENT {
        let ops = Content::decode_strict(&data)
            .map_err(|_| DecodeError::Invalid)?
            .operations;
        let used = ops.iter().map(operation_bytes).sum();
        return if used > budget {
            Err(DecodeError::TooLarge)
        } else {
            Ok((ops, used))
        };
    }
    let sentinel = format!("WooRedactEnd{}", &blake3::hash(&data).to_hex()[..24]);
    let mut input = data.into_owned();
    input.push(b'\n');
    input.extend_from_slice(sentinel.as_bytes());
    input.push(b'\n');
    let mut ops: Vec<Operation> = Vec::new();
    let mut used = 0usize;
    for op in Content::decode_iter(&input) {
        let mut op = op.map_err(|_| DecodeError::Invalid)?;
        op.operands.shrink_to_fit();
        op.operator.shrink_to_fit();
        used += operation_bytes(&op);
        if used > budget {
            return Err(DecodeError::TooLarge);
        }
        ops.push(op);
    }
    match ops.pop() {
        Some(last) if last.operator == sentinel && last.operands.is_empty() => {
            ops.shrink_to_fit();
            Ok((ops, used))
        }
        _ => Err(DecodeError::Invalid),
    }
}

/// Estimated heap bytes of a parsed operation.
fn operation_bytes(op: &Operation) -> usize {
    std::mem::size_of::<Operation>()
        + op.operator.capacity()
        + op.operands.capacity() * std::mem::size_of::<Object>()
        + op.operands.iter().map(object_heap).sum::<usize>()
}

/// Estimated heap bytes owned by an object (lopdf bounds the nesting of direct objects).
fn object_heap(o: &Object) -> usize {
    match o {
        Object::Name(n) => n.capacity(),
        Object::String(s, _) => s.capacity(),
        Object::Array(items) => {
            items.capacity() * std::mem::size_of::<Object>()
                + items.iter().map(object_heap).sum::<usize>()
        }
        Object::Dictionary(d) => dict_heap(d),
        Object::Stream(s) => s.content.capacity() + dict_heap(&s.dict),
        _ => 0,
    }
}

fn dict_heap(d: &Dictionary) -> usize {
    d.iter()
        .map(|(k, v)| k.capacity() + 2 * std::mem::size_of::<Object>() + object_heap(v))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Content larger than [`SMALL_CONTENT`], parsed one operation at a time.
    fn large(unit: &str) -> Vec<u8> {
        unit.repeat(SMALL_CONTENT / unit.len() + 1).into_bytes()
    }

    #[test]
    fn large_content_decodes_like_decode_strict() {
        let long = format!("BT /F1 12 Tf ({} \\(x\\)) Tj ET % c\n", "y".repeat(300));
        for unit in ["q 1 0 0 1 72 720 cm Q\n", long.as_str()] {
            let data = large(unit);
            let strict = Content::decode_strict(&data).unwrap().operations;
            let (ops, used) = decode_within(Cow::Borrowed(&data), MAX_PARSED).unwrap();
            assert_eq!(format!("{ops:?}"), format!("{strict:?}"));
            assert!(used > 0 && used < MAX_PARSED);
        }
    }

    #[test]
    fn large_content_must_parse_completely() {
        // Few operations per byte, for a fast test.
        let unit = format!("({}) Tj\n", "x".repeat(200));
        for tail in ["1 0 0", "(open string", "[1 2", ")", "/Name"] {
            let mut data = large(&unit);
            data.extend_from_slice(tail.as_bytes());
            assert_eq!(
                decode_within(Cow::Borrowed(&data), MAX_PARSED).unwrap_err(),
                DecodeError::Invalid,
                "{tail}"
            );
        }
        // An operator named like a sentinel is just an operator: parsing goes on past it.
        let mut data = large(&unit);
        data.extend_from_slice(b"WooRedactEnd0123456789abcdef01234567 ) (Jan) Tj\n");
        assert!(decode_within(Cow::Borrowed(&data), MAX_PARSED).is_err());
    }

    #[test]
    fn content_beyond_the_memory_budget_is_too_large() {
        let data = large("q Q\n");
        assert_eq!(
            decode_within(Cow::Borrowed(&data), 1 << 20).unwrap_err(),
            DecodeError::TooLarge
        );
        assert_eq!(
            decode_within(Cow::Borrowed(&b"q Q"[..]), 10).unwrap_err(),
            DecodeError::TooLarge
        );
    }
}
