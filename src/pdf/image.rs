//! Image samples: decoding an image (XObject or inline) to its raw samples and writing them
//! back. Flate and LZW (with PNG and TIFF predictors), ASCII filters, run length, DCT (JPEG)
//! and CCITT Group 3 (1-D) and Group 4 are decoded; JBIG2, JPX and everything else is
//! refused with the reason, so the caller fails the document rather than leave pixels it
//! cannot read. A changed image is always written back as Flate without predictor, so what is
//! written is exactly what was checked.

use lopdf::{Dictionary, Document, Object, Stream};

use super::load::MAX_STREAM;

/// Decoded samples of an image, rows top to bottom, each row padded to a whole byte, as
/// the PDF stores them before filters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raster {
    pub width: usize,
    pub height: usize,
    /// Samples per pixel.
    pub comps: usize,
    /// Bits per sample: 1, 2, 4, 8 or 16.
    pub bpc: u8,
    pub data: Vec<u8>,
    /// Per component, the sample value that shows as paper (white, no ink, or not painted):
    /// what removed pixels are set to.
    pub blank: Vec<u16>,
    /// How the samples read as grey for OCR.
    pub grey: GreyMap,
}

/// How samples convert to an 8-bit grey level (0 black, 255 white).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum GreyMap {
    /// One component after `/Decode`: 0 black at `dark`, white at `light`.
    Gray { dark: f32, light: f32 },
    /// Three components, additive (RGB).
    Rgb,
    /// Four components, subtractive (CMYK).
    Cmyk,
    /// A palette index to grey levels.
    Palette(Vec<u8>),
    /// No sensible grey (Lab, separations): samples as they are, first component.
    Raw,
}

/// Why an image cannot be decoded or rewritten; the message names the construct only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unsupported(pub String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn unsupported<T>(why: impl Into<String>) -> Result<T, Unsupported> {
    Err(Unsupported(why.into()))
}

impl Raster {
    /// Bytes per row.
    pub fn row_bytes(&self) -> usize {
        (self.width * self.comps * usize::from(self.bpc)).div_ceil(8)
    }

    /// Largest sample value.
    pub fn max_sample(&self) -> u16 {
        ((1u32 << self.bpc) - 1) as u16
    }

    /// The sample of component `c` of pixel `x` in row `y`.
    pub fn sample(&self, x: usize, y: usize, c: usize) -> u16 {
        let row = &self.data[y * self.row_bytes()..];
        let i = x * self.comps + c;
        match self.bpc {
            8 => u16::from(row[i]),
            16 => u16::from_be_bytes([row[2 * i], row[2 * i + 1]]),
            b => {
                let bit = i * usize::from(b);
                let byte = row[bit / 8];
                let shift = 8 - usize::from(b) - bit % 8;
                (u16::from(byte) >> shift) & self.max_sample()
            }
        }
    }

    /// Sets pixels `x0..x1` of row `y` to the blank value.
    pub fn blank_run(&mut self, y: usize, x0: usize, x1: usize) {
        let rb = self.row_bytes();
        let (comps, bpc) = (self.comps, usize::from(self.bpc));
        let row = &mut self.data[y * rb..(y + 1) * rb];
        if bpc == 8 && self.blank.iter().all(|&b| b == self.blank[0]) {
            row[x0 * comps..x1 * comps].fill(self.blank[0] as u8);
            return;
        }
        for x in x0..x1 {
            for c in 0..comps {
                let v = self.blank[c];
                let i = x * comps + c;
                match bpc {
                    8 => row[i] = v as u8,
                    16 => row[2 * i..2 * i + 2].copy_from_slice(&v.to_be_bytes()),
                    b => {
                        let bit = i * b;
                        let shift = 8 - b - bit % 8;
                        let mask = (((1u16 << b) - 1) << shift) as u8;
                        let byte = &mut row[bit / 8];
                        *byte = (*byte & !mask) | (((v << shift) as u8) & mask);
                    }
                }
            }
        }
    }

    /// Whether pixels `x0..x1` of row `y` all hold the blank value.
    pub fn is_blank_run(&self, y: usize, x0: usize, x1: usize) -> bool {
        (x0..x1).all(|x| (0..self.comps).all(|c| self.sample(x, y, c) == self.blank[c]))
    }

    /// The image as 8-bit grey, one byte per pixel, for OCR.
    pub fn to_grey(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.width * self.height);
        let max = f32::from(self.max_sample());
        let unit = |v: u16| f32::from(v) / max;
        for y in 0..self.height {
            if self.bpc == 8
                && self.comps == 1
                && self.grey
                    == (GreyMap::Gray {
                        dark: 0.0,
                        light: 1.0,
                    })
            {
                let rb = self.row_bytes();
                out.extend_from_slice(&self.data[y * rb..y * rb + self.width]);
                continue;
            }
            for x in 0..self.width {
                let s = |c| unit(self.sample(x, y, c));
                let level = match &self.grey {
                    GreyMap::Gray { dark, light } => (s(0) - dark) / (light - dark),
                    GreyMap::Rgb => 0.299 * s(0) + 0.587 * s(1) + 0.114 * s(2),
                    GreyMap::Cmyk => 1.0 - (0.3 * s(0) + 0.59 * s(1) + 0.11 * s(2) + s(3)).min(1.0),
                    GreyMap::Palette(levels) => {
                        f32::from(*levels.get(usize::from(self.sample(x, y, 0))).unwrap_or(&0))
                            / 255.0
                    }
                    GreyMap::Raw => s(0),
                };
                out.push((level.clamp(0.0, 1.0) * 255.0).round() as u8);
            }
        }
        out
    }
}

/// The dictionary and encoded data of an image, with the full key and filter names
/// (inline images abbreviate them).
pub(crate) struct Encoded<'a> {
    pub dict: Dictionary,
    pub data: &'a [u8],
}

/// Full names of the abbreviations inline images use (ISO 32000-1, tables 93 and 94).
pub(crate) fn full_inline_dict(abbreviated: &Dictionary) -> Dictionary {
    let key = |k: &[u8]| -> Vec<u8> {
        match k {
            b"BPC" => b"BitsPerComponent".to_vec(),
            b"CS" => b"ColorSpace".to_vec(),
            b"D" => b"Decode".to_vec(),
            b"DP" => b"DecodeParms".to_vec(),
            b"F" => b"Filter".to_vec(),
            b"H" => b"Height".to_vec(),
            b"IM" => b"ImageMask".to_vec(),
            b"I" => b"Interpolate".to_vec(),
            b"W" => b"Width".to_vec(),
            other => other.to_vec(),
        }
    };
    let name = |n: &[u8]| -> Vec<u8> {
        match n {
            b"G" => b"DeviceGray".to_vec(),
            b"RGB" => b"DeviceRGB".to_vec(),
            b"CMYK" => b"DeviceCMYK".to_vec(),
            b"I" => b"Indexed".to_vec(),
            b"AHx" => b"ASCIIHexDecode".to_vec(),
            b"A85" => b"ASCII85Decode".to_vec(),
            b"LZW" => b"LZWDecode".to_vec(),
            b"Fl" => b"FlateDecode".to_vec(),
            b"RL" => b"RunLengthDecode".to_vec(),
            b"CCF" => b"CCITTFaxDecode".to_vec(),
            b"DCT" => b"DCTDecode".to_vec(),
            other => other.to_vec(),
        }
    };
    fn names(o: &Object, name: &dyn Fn(&[u8]) -> Vec<u8>) -> Object {
        match o {
            Object::Name(n) => Object::Name(name(n)),
            Object::Array(items) => Object::Array(items.iter().map(|i| names(i, name)).collect()),
            other => other.clone(),
        }
    }
    let mut out = Dictionary::new();
    for (k, v) in abbreviated {
        let k = key(k);
        let v = if k == b"ColorSpace" || k == b"Filter" {
            names(v, &name)
        } else {
            v.clone()
        };
        out.set(k, v);
    }
    out
}

pub(crate) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn int(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<i64> {
    dict.get(key).ok().and_then(|o| deref(doc, o).as_i64().ok())
}

fn flag(doc: &Document, dict: &Dictionary, key: &[u8]) -> bool {
    dict.get(key)
        .ok()
        .and_then(|o| deref(doc, o).as_bool().ok())
        .unwrap_or(false)
}

/// Filter names with their parameters.
type Filters<'a> = Vec<(Vec<u8>, Option<&'a Dictionary>)>;

/// The filters of an image with their parameters.
fn filters<'a>(doc: &'a Document, dict: &'a Dictionary) -> Result<Filters<'a>, Unsupported> {
    let names: Vec<Vec<u8>> = match dict.get(b"Filter").ok().map(|o| deref(doc, o)) {
        None | Some(Object::Null) => Vec::new(),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(items)) => items
            .iter()
            .map(|i| deref(doc, i).as_name().map(<[u8]>::to_vec))
            .collect::<Result<_, _>>()
            .or_else(|_| unsupported("an image has a malformed filter list"))?,
        Some(_) => return unsupported("an image has a malformed filter"),
    };
    let params = |i: usize| -> Option<&Dictionary> {
        match dict.get(b"DecodeParms").ok().map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => list.get(i).and_then(|p| deref(doc, p).as_dict().ok()),
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        }
    };
    Ok(names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n, params(i)))
        .collect())
}

/// Decodes an image to its samples.
pub(crate) fn decode(doc: &Document, image: &Encoded<'_>) -> Result<Raster, Unsupported> {
    let dict = &image.dict;
    let width = int(doc, dict, b"Width").unwrap_or(0);
    let height = int(doc, dict, b"Height").unwrap_or(0);
    if width <= 0 || height <= 0 || width > 1 << 16 || height > 1 << 16 {
        return unsupported("an image has an invalid size");
    }
    let (width, height) = (width as usize, height as usize);
    let mask = flag(doc, dict, b"ImageMask");
    let filters = filters(doc, dict)?;
    let codec = filters.last().map(|(n, _)| n.as_slice()).filter(|n| {
        matches!(
            *n,
            b"DCTDecode" | b"DCT" | b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode" | b"JPXDecode"
        )
    });
    for (name, _) in &filters[..filters.len() - usize::from(codec.is_some())] {
        if matches!(
            name.as_slice(),
            b"DCTDecode" | b"DCT" | b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode" | b"JPXDecode"
        ) {
            return unsupported("an image codec is followed by another filter");
        }
    }
    // The general filters first, without predictors (applied below, to see the samples).
    let general = &filters[..filters.len() - usize::from(codec.is_some())];
    let mut data = image.data.to_vec();
    for (name, params) in general {
        data = general_filter(name, &data)?;
        if let Some(p) = params
            && matches!(
                name.as_slice(),
                b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW"
            )
        {
            data = unpredict(doc, p, data)?;
        }
    }
    let (comps, bpc, blank, grey) = if mask {
        // A stencil mask paints where the sample decodes to 0.
        let inverted = decode_array(doc, dict).is_some_and(|d| d.first() == Some(&1.0));
        (
            1,
            1,
            vec![u16::from(!inverted)],
            GreyMap::Gray {
                dark: if inverted { 1.0 } else { 0.0 },
                light: if inverted { 0.0 } else { 1.0 },
            },
        )
    } else {
        let bpc = int(doc, dict, b"BitsPerComponent").unwrap_or(8);
        let space = super::colour::colour_space(doc, dict)?;
        let bpc = match codec {
            Some(b"CCITTFaxDecode" | b"CCF") => 1,
            Some(b"DCTDecode" | b"DCT") => 8,
            _ => bpc,
        };
        if !matches!(bpc, 1 | 2 | 4 | 8 | 16) {
            return unsupported("an image has an unsupported number of bits per sample");
        }
        let bpc = bpc as u8;
        let (blank, grey) = space.paper(doc, dict, bpc)?;
        (space.comps, bpc, blank, grey)
    };
    let mut raster = Raster {
        width,
        height,
        comps,
        bpc,
        data: Vec::new(),
        blank,
        grey,
    };
    let expected = raster
        .row_bytes()
        .checked_mul(height)
        .filter(|&n| n <= MAX_STREAM)
        .ok_or_else(|| Unsupported("an image is too large".into()))?;
    data = match codec {
        None => data,
        Some(b"DCTDecode" | b"DCT") => jpeg(&data, &raster)?,
        Some(b"CCITTFaxDecode" | b"CCF") => {
            let params = filters.last().and_then(|(_, p)| *p);
            ccitt(doc, params, &data, width, height)?
        }
        Some(b"JBIG2Decode") => return unsupported("a JBIG2 image cannot be decoded"),
        Some(_) => return unsupported("a JPEG 2000 (JPX) image cannot be decoded"),
    };
    // Short data shows as missing rows; it is padded so the rewritten image is complete.
    data.resize(expected, 0);
    raster.data = data;
    Ok(raster)
}

fn general_filter(name: &[u8], data: &[u8]) -> Result<Vec<u8>, Unsupported> {
    let full: &[u8] = match name {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"RL" => b"RunLengthDecode",
        b"Fl" => b"FlateDecode",
        other => other,
    };
    if !matches!(
        full,
        b"ASCIIHexDecode" | b"ASCII85Decode" | b"LZWDecode" | b"RunLengthDecode" | b"FlateDecode"
    ) {
        return unsupported(format!(
            "an image filter is not supported ({})",
            super::error::printable(&String::from_utf8_lossy(name))
        ));
    }
    let stream = Stream::new(
        lopdf::dictionary! { "Filter" => Object::Name(full.to_vec()) },
        data.to_vec(),
    );
    match super::stream::decode_checked(&stream, MAX_STREAM) {
        Ok((out, false)) => Ok(out),
        Ok((_, true)) => unsupported("an image's compressed data is damaged"),
        Err(_) => unsupported("an image's data cannot be decompressed or is too large"),
    }
}

/// Undoes a PNG (10–15) or TIFF (2) predictor.
fn unpredict(doc: &Document, params: &Dictionary, data: Vec<u8>) -> Result<Vec<u8>, Unsupported> {
    let predictor = int(doc, params, b"Predictor").unwrap_or(1);
    if predictor == 1 {
        return Ok(data);
    }
    let colors = int(doc, params, b"Colors").unwrap_or(1).clamp(1, 32) as usize;
    let bpc = int(doc, params, b"BitsPerComponent").unwrap_or(8);
    let columns = int(doc, params, b"Columns").unwrap_or(1).clamp(1, 1 << 20) as usize;
    if !matches!(bpc, 1 | 2 | 4 | 8 | 16) {
        return unsupported("an image predictor has invalid parameters");
    }
    let bpc = bpc as usize;
    let row = (columns * colors * bpc).div_ceil(8);
    let bpp = (colors * bpc).div_ceil(8);
    if predictor == 2 {
        if bpc != 8 {
            return unsupported("a TIFF predictor with other than 8 bits per sample");
        }
        let mut out = data;
        for line in out.chunks_mut(row) {
            for i in colors..line.len() {
                line[i] = line[i].wrapping_add(line[i - colors]);
            }
        }
        return Ok(out);
    }
    if !(10..=15).contains(&predictor) {
        return unsupported("an image predictor is not supported");
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = line.to_vec();
        cur.resize(row, 0);
        for i in 0..row {
            let a = if i >= bpp { cur[i - bpp] } else { 0 };
            let b = prev[i];
            let c = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = cur[i].wrapping_add(match kind {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                _ => return unsupported("an image has an invalid PNG predictor row"),
            });
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn jpeg(data: &[u8], raster: &Raster) -> Result<Vec<u8>, Unsupported> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let out = match raster.comps {
        1 => ColorSpace::Luma,
        3 => ColorSpace::RGB,
        _ => return unsupported("a JPEG image with other than 1 or 3 colour components"),
    };
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(out)
        .set_max_width(1 << 16)
        .set_max_height(1 << 16);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(data), options);
    decoder
        .decode_headers()
        .or_else(|_| unsupported("a JPEG image cannot be decoded"))?;
    let info = decoder
        .info()
        .ok_or_else(|| Unsupported("a JPEG image cannot be decoded".into()))?;
    if usize::from(info.width) != raster.width
        || usize::from(info.height) != raster.height
        || usize::from(info.components) != raster.comps
    {
        return unsupported("a JPEG image does not match its dictionary");
    }
    decoder
        .decode()
        .or_else(|_| unsupported("a JPEG image cannot be decoded"))
}

/// CCITT Group 4 and Group 3 one-dimensional data to 1-bit samples (0 black unless
/// `/BlackIs1`).
fn ccitt(
    doc: &Document,
    params: Option<&Dictionary>,
    data: &[u8],
    width: usize,
    height: usize,
) -> Result<Vec<u8>, Unsupported> {
    let empty = Dictionary::new();
    let p = params.unwrap_or(&empty);
    let k = int(doc, p, b"K").unwrap_or(0);
    let columns = int(doc, p, b"Columns").unwrap_or(1728);
    if columns as usize != width {
        return unsupported("a CCITT image's columns differ from its width");
    }
    if flag(doc, p, b"EncodedByteAlign") || k > 0 {
        return unsupported("a CCITT image with 2-D Group 3 or byte-aligned coding");
    }
    let black_is_1 = flag(doc, p, b"BlackIs1");
    let row = width.div_ceil(8);
    let mut out = Vec::with_capacity(row * height);
    let mut line = |transitions: &[u32]| {
        if out.len() >= row * height {
            return;
        }
        let mut bytes = vec![0u8; row];
        for (x, colour) in fax::decoder::pels(transitions, width as u32).enumerate() {
            let black = colour == fax::Color::Black;
            if black == black_is_1 {
                bytes[x / 8] |= 0x80 >> (x % 8);
            }
        }
        out.extend_from_slice(&bytes);
    };
    let ok = if k < 0 {
        fax::decoder::decode_g4(
            data.iter().copied(),
            width as u32,
            Some(height as u32),
            &mut line,
        )
    } else {
        fax::decoder::decode_g3(data.iter().copied(), &mut line)
    };
    if ok.is_none() && out.is_empty() {
        return unsupported("a CCITT image cannot be decoded");
    }
    Ok(out)
}

pub(crate) fn decode_array(doc: &Document, dict: &Dictionary) -> Option<Vec<f32>> {
    let a = deref(doc, dict.get(b"Decode").ok()?).as_array().ok()?;
    a.iter()
        .map(|o| super::geom::number(deref(doc, o)).map(|v| v as f32))
        .collect()
}

/// The image written back: Flate without predictor, with the other entries kept.
pub(crate) fn encode(dict: &Dictionary, raster: &Raster) -> Stream {
    let mut dict = dict.clone();
    for key in [&b"Filter"[..], b"DecodeParms", b"Length", b"DL"] {
        dict.remove(key);
    }
    if !matches!(dict.get(b"ImageMask"), Ok(Object::Boolean(true))) {
        dict.set("BitsPerComponent", i64::from(raster.bpc));
    }
    super::remove::flate_stream_level(dict, &raster.data, IMAGE_FLATE_LEVEL)
}

/// Compression level of rewritten images: scans are large, and fast compression keeps
/// pixel redaction well above 20 pages a second.
const IMAGE_FLATE_LEVEL: u32 = 1;

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn grey(w: usize, h: usize, bpc: u8, data: Vec<u8>) -> Raster {
        Raster {
            width: w,
            height: h,
            comps: 1,
            bpc,
            data,
            blank: vec![((1u32 << bpc) - 1) as u16],
            grey: GreyMap::Gray {
                dark: 0.0,
                light: 1.0,
            },
        }
    }

    #[test]
    fn blanking_packed_samples_touches_only_the_run() {
        let mut r = grey(10, 1, 1, vec![0, 0]);
        r.blank_run(0, 2, 9);
        assert_eq!(r.data, [0b0011_1111, 0b1000_0000]);
        assert!(r.is_blank_run(0, 2, 9));
        assert!(!r.is_blank_run(0, 1, 9));
        let mut r = grey(3, 1, 4, vec![0x12, 0x30]);
        r.blank_run(0, 1, 2);
        assert_eq!(r.data, [0x1f, 0x30]);
        let mut r = grey(2, 1, 16, vec![0; 4]);
        r.blank_run(0, 1, 2);
        assert_eq!(r.data, [0, 0, 0xff, 0xff]);
    }

    #[test]
    fn png_predictors_are_undone() {
        let params = dictionary! { "Predictor" => 12, "Columns" => 3 };
        // Up: the second row adds the first.
        let data = vec![0, 1, 2, 3, 2, 1, 1, 1];
        let doc = Document::new();
        assert_eq!(unpredict(&doc, &params, data).unwrap(), [1, 2, 3, 2, 3, 4]);
        let params = dictionary! { "Predictor" => 2, "Columns" => 3 };
        assert_eq!(unpredict(&doc, &params, vec![1, 1, 1]).unwrap(), [1, 2, 3]);
    }

    #[test]
    fn flate_grey_image_round_trips() {
        let doc = Document::new();
        let dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        };
        let raster = grey(4, 2, 8, vec![1, 2, 3, 4, 5, 6, 7, 8]);
        let stream = encode(&dict, &raster);
        let back = decode(
            &doc,
            &Encoded {
                dict: stream.dict.clone(),
                data: &stream.content,
            },
        )
        .unwrap();
        assert_eq!(back, raster);
        assert_eq!(back.to_grey(), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    /// Decodes, blanks the left half, writes back and decodes again.
    fn blank_left_half(dict: Dictionary, data: &[u8]) -> (Raster, Raster) {
        let doc = Document::new();
        let mut r = decode(
            &doc,
            &Encoded {
                dict: dict.clone(),
                data,
            },
        )
        .unwrap();
        let before = r.clone();
        for y in 0..r.height {
            r.blank_run(y, 0, r.width / 2);
        }
        let s = encode(&dict, &r);
        let back = decode(
            &doc,
            &Encoded {
                dict: s.dict.clone(),
                data: &s.content,
            },
        )
        .unwrap();
        assert_eq!(back, r);
        (before, back)
    }

    #[test]
    fn sixteen_bit_rgb_and_indexed_images_blank_to_paper() {
        let dict = dictionary! {
            "Width" => 2, "Height" => 1, "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 16,
        };
        let (_, r) = blank_left_half(dict, &[0u8; 12]);
        assert_eq!(&r.data[..6], &[0xff; 6]);
        assert_eq!(&r.data[6..], &[0; 6]);
        // A palette of black, white and grey: blank is the white entry.
        let dict = dictionary! {
            "Width" => 4, "Height" => 1, "BitsPerComponent" => 2,
            "ColorSpace" => vec![
                "Indexed".into(), "DeviceRGB".into(), 2.into(),
                Object::String(vec![0, 0, 0, 255, 255, 255, 128, 128, 128], lopdf::StringFormat::Hexadecimal),
            ],
        };
        let (before, r) = blank_left_half(dict, &[0b0010_0100]);
        assert_eq!(before.to_grey(), [0, 128, 255, 0]);
        assert_eq!(r.to_grey(), [255, 255, 255, 0]);
    }

    #[test]
    fn unsupported_codecs_and_spaces_are_named() {
        let doc = Document::new();
        for (filter, why) in [("JBIG2Decode", "JBIG2"), ("JPXDecode", "JPEG 2000")] {
            let dict = dictionary! {
                "Width" => 1, "Height" => 1, "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8, "Filter" => filter,
            };
            let err = decode(&doc, &Encoded { dict, data: b"x" }).unwrap_err();
            assert!(err.0.contains(why), "{err}");
        }
        let dict = dictionary! {
            "Width" => 1, "Height" => 1, "ColorSpace" => "Pattern", "BitsPerComponent" => 8,
        };
        assert!(decode(&doc, &Encoded { dict, data: b"x" }).is_err());
    }

    #[test]
    fn paper_follows_decode_and_colour_space() {
        let doc = Document::new();
        let dict = dictionary! {
            "Width" => 1, "Height" => 1, "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 1, "Decode" => vec![1.into(), 0.into()],
        };
        let r = decode(&doc, &Encoded { dict, data: &[0] }).unwrap();
        assert_eq!(r.blank, [0]);
        let dict = dictionary! {
            "Width" => 1, "Height" => 1, "ColorSpace" => "DeviceCMYK", "BitsPerComponent" => 8,
        };
        let r = decode(
            &doc,
            &Encoded {
                dict,
                data: &[1, 2, 3, 4],
            },
        )
        .unwrap();
        assert_eq!(r.blank, [0, 0, 0, 0]);
        let dict = dictionary! { "Width" => 1, "Height" => 1, "ImageMask" => true };
        let r = decode(&doc, &Encoded { dict, data: &[0] }).unwrap();
        assert_eq!(r.blank, [1]);
    }
}
