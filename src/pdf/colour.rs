//! Image colour spaces, as far as blanking and OCR need them: the number of components,
//! which sample value is paper (white, no ink) under `/Decode`, and how samples read as grey.

use lopdf::{Dictionary, Document, Object};

use super::image::{GreyMap, Unsupported, decode_array, deref};

fn unsupported<T>(why: impl Into<String>) -> Result<T, Unsupported> {
    Err(Unsupported(why.into()))
}

/// An image colour space, as far as blanking and OCR need it.
pub(crate) struct Space {
    pub comps: usize,
    kind: SpaceKind,
}

enum SpaceKind {
    Gray,
    Rgb,
    Cmyk,
    /// No ink at 0 (Separation, DeviceN).
    Ink,
    Lab,
    /// Grey level of each palette entry.
    Indexed(Vec<u8>),
}

pub(crate) fn colour_space(doc: &Document, dict: &Dictionary) -> Result<Space, Unsupported> {
    let Some(cs) = dict.get(b"ColorSpace").ok().map(|o| deref(doc, o)) else {
        // JPEG and JPX images may leave it out; JPEG carries its components.
        return Ok(Space {
            comps: 1,
            kind: SpaceKind::Gray,
        });
    };
    space_of(doc, cs, 0)
}

fn space_of(doc: &Document, cs: &Object, depth: usize) -> Result<Space, Unsupported> {
    let simple = |comps, kind| Ok(Space { comps, kind });
    let name = match cs {
        Object::Name(n) => n.as_slice(),
        Object::Array(items) if !items.is_empty() => deref(doc, &items[0]).as_name().unwrap_or(b""),
        _ => return unsupported("an image has a malformed colour space"),
    };
    let arg = |i: usize| match cs {
        Object::Array(items) => items.get(i).map(|o| deref(doc, o)),
        _ => None,
    };
    match name {
        b"DeviceGray" | b"CalGray" | b"G" => simple(1, SpaceKind::Gray),
        b"DeviceRGB" | b"CalRGB" | b"RGB" => simple(3, SpaceKind::Rgb),
        b"DeviceCMYK" | b"CMYK" => simple(4, SpaceKind::Cmyk),
        b"Lab" => simple(3, SpaceKind::Lab),
        b"ICCBased" => {
            let n = arg(1)
                .and_then(|s| s.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").ok())
                .and_then(|o| deref(doc, o).as_i64().ok());
            match n {
                Some(1) => simple(1, SpaceKind::Gray),
                Some(3) => simple(3, SpaceKind::Rgb),
                Some(4) => simple(4, SpaceKind::Cmyk),
                _ => unsupported("an image has an ICC colour space without a usable /N"),
            }
        }
        b"Separation" => simple(1, SpaceKind::Ink),
        b"DeviceN" => {
            let n = arg(1).and_then(|o| o.as_array().ok()).map_or(0, Vec::len);
            if n == 0 || n > 32 {
                return unsupported("an image has a malformed DeviceN colour space");
            }
            simple(n, SpaceKind::Ink)
        }
        b"Indexed" | b"I" if depth == 0 => {
            let base = arg(1)
                .ok_or_else(|| Unsupported("an indexed colour space without a base".into()))?;
            let base = space_of(doc, base, depth + 1)?;
            let hival = arg(2).and_then(|o| o.as_i64().ok()).unwrap_or(-1);
            if !(0..=255).contains(&hival) {
                return unsupported("an indexed colour space has an invalid range");
            }
            let lookup: Vec<u8> = match arg(3) {
                Some(Object::String(s, _)) => s.clone(),
                Some(Object::Stream(s)) => super::stream::decode(s, 1 << 16)
                    .or_else(|_| unsupported("an indexed colour space's palette is unreadable"))?,
                _ => return unsupported("an indexed colour space without a palette"),
            };
            let entries = hival as usize + 1;
            let levels = (0..entries)
                .map(|i| {
                    let c =
                        |k: usize| f32::from(*lookup.get(i * base.comps + k).unwrap_or(&0)) / 255.0;
                    let level = match base.kind {
                        SpaceKind::Gray => c(0),
                        SpaceKind::Rgb => 0.299 * c(0) + 0.587 * c(1) + 0.114 * c(2),
                        SpaceKind::Cmyk => {
                            1.0 - (0.3 * c(0) + 0.59 * c(1) + 0.11 * c(2) + c(3)).min(1.0)
                        }
                        SpaceKind::Ink => 1.0 - c(0),
                        _ => c(0),
                    };
                    (level.clamp(0.0, 1.0) * 255.0).round() as u8
                })
                .collect();
            simple(1, SpaceKind::Indexed(levels))
        }
        _ => unsupported(format!(
            "an image colour space is not supported ({})",
            super::error::printable(&String::from_utf8_lossy(name))
        )),
    }
}

impl Space {
    /// The blank sample per component and the grey conversion, given `/Decode`.
    pub(crate) fn paper(
        &self,
        doc: &Document,
        dict: &Dictionary,
        bpc: u8,
    ) -> Result<(Vec<u16>, GreyMap), Unsupported> {
        let max = ((1u32 << bpc) - 1) as u16;
        let decode = decode_array(doc, dict);
        // Whether component `c` runs backwards under /Decode.
        let inverted = |c: usize| {
            decode
                .as_ref()
                .and_then(|d| Some(d.get(2 * c)? > d.get(2 * c + 1)?))
                .unwrap_or(false)
        };
        let high = |c: usize| if inverted(c) { 0 } else { max };
        let low = |c: usize| if inverted(c) { max } else { 0 };
        Ok(match &self.kind {
            SpaceKind::Gray => (
                vec![high(0)],
                GreyMap::Gray {
                    dark: if inverted(0) { 1.0 } else { 0.0 },
                    light: if inverted(0) { 0.0 } else { 1.0 },
                },
            ),
            SpaceKind::Rgb => ((0..3).map(high).collect(), GreyMap::Rgb),
            SpaceKind::Cmyk => ((0..4).map(low).collect(), GreyMap::Cmyk),
            SpaceKind::Ink => ((0..self.comps).map(low).collect(), GreyMap::Raw),
            SpaceKind::Lab => (vec![high(0), max / 2 + 1, max / 2 + 1], GreyMap::Raw),
            SpaceKind::Indexed(levels) => {
                if decode.is_some() || bpc > 8 {
                    return unsupported("an indexed image with a /Decode array");
                }
                let lightest = levels
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i <= usize::from(max))
                    .max_by_key(|(i, l)| (**l, std::cmp::Reverse(*i)))
                    .map_or(0, |(i, _)| i as u16);
                (vec![lightest], GreyMap::Palette(levels.clone()))
            }
        })
    }
}
