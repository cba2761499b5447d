//! Where a box on the page falls in an image's pixels, and blanking it there. An image fills
//! the unit square of its image space, mapped to the page by the CTM at `Do` or `BI`; sample
//! row 0 is the top of that square (ISO 32000-1, 8.9.4). Boxes are mapped through the inverse
//! CTM and widened to whole pixels, so under any rotation or skew every pixel the box
//! touches is blanked (and a few more near the corners of a rotated box).

use super::geom::{Matrix, Point, Rect};
use super::image::Raster;

/// A region of an image's unit square: `u` to the right, `v` up, both within 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitRect {
    pub u0: f64,
    pub v0: f64,
    pub u1: f64,
    pub v1: f64,
}

impl UnitRect {
    /// The whole image.
    pub const ALL: UnitRect = UnitRect {
        u0: 0.0,
        v0: 0.0,
        u1: 1.0,
        v1: 1.0,
    };
}

/// The part of the page rectangle `r` that an image drawn with `ctm` covers, in its unit
/// square; `None` when they do not meet or the image is flat.
pub(crate) fn unit_region(ctm: &Matrix, r: &Rect) -> Option<UnitRect> {
    let inv = ctm.inverse()?;
    let corners =
        [(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)].map(|(x, y)| inv.apply(x, y));
    let b = Rect::around(&corners)?;
    let u = UnitRect {
        u0: b.x0.max(0.0),
        v0: b.y0.max(0.0),
        u1: b.x1.min(1.0),
        v1: b.y1.min(1.0),
    };
    (u.u0 < u.u1 && u.v0 < u.v1).then_some(u)
}

/// The page rectangle an image drawn with `ctm` covers.
pub(crate) fn image_rect(ctm: &Matrix) -> Option<Rect> {
    Rect::around(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)].map(|(u, v)| ctm.apply(u, v)))
}

/// The page rectangle of a pixel box (`left`, `top`, `width`, `height` in pixels, rows from
/// the top) of a `w`×`h` image drawn with `ctm`.
pub(crate) fn pixel_box_on_page(
    ctm: &Matrix,
    (w, h): (usize, usize),
    (left, top, width, height): (u32, u32, u32, u32),
) -> Option<Rect> {
    let (w, h) = (w as f64, h as f64);
    let u0 = f64::from(left) / w;
    let u1 = f64::from(left + width) / w;
    let v1 = 1.0 - f64::from(top) / h;
    let v0 = 1.0 - f64::from(top + height) / h;
    let corners: [Point; 4] =
        [(u0, v0), (u1, v0), (u1, v1), (u0, v1)].map(|(u, v)| ctm.apply(u, v));
    Rect::around(&corners)
}

/// Columns `x0..x1` and rows `y0..y1` of a `w`×`h` raster that a unit region touches.
pub(crate) fn pixels(u: &UnitRect, w: usize, h: usize) -> (usize, usize, usize, usize) {
    let (wf, hf) = (w as f64, h as f64);
    let clamp = |v: f64, n: usize| (v.max(0.0) as usize).min(n);
    (
        clamp((u.u0 * wf).floor(), w),
        clamp((u.u1 * wf).ceil(), w),
        clamp(((1.0 - u.v1) * hf).floor(), h),
        clamp(((1.0 - u.v0) * hf).ceil(), h),
    )
}

/// Sets every pixel of the regions to the raster's blank value.
pub(crate) fn blank(raster: &mut Raster, regions: &[UnitRect]) {
    for u in regions {
        let (x0, x1, y0, y1) = pixels(u, raster.width, raster.height);
        for y in y0..y1 {
            raster.blank_run(y, x0, x1);
        }
    }
}

/// Whether every pixel of the regions holds the blank value.
pub(crate) fn is_blank(raster: &Raster, regions: &[UnitRect]) -> bool {
    regions.iter().all(|u| {
        let (x0, x1, y0, y1) = pixels(u, raster.width, raster.height);
        (y0..y1).all(|y| raster.is_blank_run(y, x0, x1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::image::GreyMap;

    fn raster(w: usize, h: usize) -> Raster {
        Raster {
            width: w,
            height: h,
            comps: 1,
            bpc: 8,
            data: vec![0; w * h],
            blank: vec![255],
            grey: GreyMap::Gray {
                dark: 0.0,
                light: 1.0,
            },
        }
    }

    #[test]
    fn a_box_maps_to_the_pixels_under_it_rows_from_the_top() {
        // A 100×50 image drawn 200×100 at (10, 20).
        let ctm = Matrix::new(200.0, 0.0, 0.0, 100.0, 10.0, 20.0);
        let r = Rect {
            x0: 10.0,
            y0: 100.0,
            x1: 50.0,
            y1: 120.0,
        };
        let u = unit_region(&ctm, &r).unwrap();
        assert_eq!(pixels(&u, 100, 50), (0, 20, 0, 10));
        let mut img = raster(100, 50);
        blank(&mut img, &[u]);
        assert!(is_blank(&img, &[u]));
        assert_eq!(img.data[0], 255);
        assert_eq!(img.data[20], 0);
        assert_eq!(img.data[10 * 100], 0);
        // Outside the image: nothing.
        let away = Rect {
            x0: 300.0,
            y0: 0.0,
            x1: 400.0,
            y1: 10.0,
        };
        assert!(unit_region(&ctm, &away).is_none());
    }

    #[test]
    fn rotated_and_flipped_images_cover_the_same_page_area() {
        // A quarter turn: the image's u axis runs up the page.
        let ctm = Matrix::new(0.0, 100.0, -100.0, 0.0, 100.0, 0.0);
        let r = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 100.0,
        };
        let u = unit_region(&ctm, &r).unwrap();
        // The page strip x 0..10 is the top rows... of the unit square's v near 1.
        assert_eq!(pixels(&u, 100, 100), (0, 100, 0, 10));
        let word = pixel_box_on_page(&ctm, (100, 100), (0, 0, 100, 10)).unwrap();
        assert!(
            (word.x0 - 0.0).abs() < 1e-9 && (word.x1 - 10.0).abs() < 1e-9,
            "{word:?}"
        );
        assert_eq!(image_rect(&ctm).unwrap().width(), 100.0);
    }
}
