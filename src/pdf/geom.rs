//! Plane geometry in PDF conventions: row vectors, so `p' = p × M`, and `a.then(b)` is the
//! matrix that applies `a` first and then `b` (ISO 32000-1, 8.3.4).

use lopdf::Object;

/// A point in some PDF coordinate space.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn dot(self, o: Point) -> f64 {
        self.x * o.x + self.y * o.y
    }

    pub fn length(self) -> f64 {
        self.x.hypot(self.y)
    }
}

/// An affine transformation `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix::new(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);

    pub const fn new(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Matrix {
        Matrix { a, b, c, d, e, f }
    }

    pub const fn translate(x: f64, y: f64) -> Matrix {
        Matrix::new(1.0, 0.0, 0.0, 1.0, x, y)
    }

    /// The matrix that applies `self`, then `o`.
    pub fn then(&self, o: &Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    /// The inverse transformation; `None` when the matrix is singular.
    pub fn inverse(&self) -> Option<Matrix> {
        let det = self.a * self.d - self.b * self.c;
        if !det.is_finite() || det.abs() < 1e-12 {
            return None;
        }
        let (a, b, c, d) = (self.d / det, -self.b / det, -self.c / det, self.a / det);
        Some(Matrix::new(
            a,
            b,
            c,
            d,
            -(self.e * a + self.f * c),
            -(self.e * b + self.f * d),
        ))
    }

    pub fn apply(&self, x: f64, y: f64) -> Point {
        Point::new(
            x * self.a + y * self.c + self.e,
            x * self.b + y * self.d + self.f,
        )
    }

    /// A matrix from six numeric operands or array elements; `None` unless all are finite
    /// numbers.
    pub fn from_objects(objects: &[Object]) -> Option<Matrix> {
        let n: Vec<f64> = objects.iter().map(number).collect::<Option<_>>()?;
        match n[..] {
            [a, b, c, d, e, f] => Some(Matrix::new(a, b, c, d, e, f)),
            _ => None,
        }
    }
}

/// A finite number from an integer or real object.
pub(crate) fn number(o: &Object) -> Option<f64> {
    let v = match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// An axis-aligned rectangle with `x0 <= x1` and `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The smallest rectangle holding the points; `None` for no points or non-finite ones.
    pub fn around(points: &[Point]) -> Option<Rect> {
        let first = points.first()?;
        let mut r = Rect {
            x0: first.x,
            y0: first.y,
            x1: first.x,
            y1: first.y,
        };
        for p in &points[1..] {
            r.x0 = r.x0.min(p.x);
            r.y0 = r.y0.min(p.y);
            r.x1 = r.x1.max(p.x);
            r.y1 = r.y1.max(p.y);
        }
        [r.x0, r.y0, r.x1, r.y1]
            .iter()
            .all(|v| v.is_finite())
            .then_some(r)
    }

    /// A rectangle from a PDF array of four numbers, normalised.
    pub fn from_objects(objects: &[Object]) -> Option<Rect> {
        let n: Vec<f64> = objects.iter().map(number).collect::<Option<_>>()?;
        match n[..] {
            [a, b, c, d] => Rect::around(&[Point::new(a, b), Point::new(c, d)]),
            _ => None,
        }
    }

    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    pub fn center(&self) -> Point {
        Point::new((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    pub fn contains(&self, p: Point) -> bool {
        self.x0 <= p.x && p.x <= self.x1 && self.y0 <= p.y && p.y <= self.y1
    }

    /// Whether the rectangles share more than an edge.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// The area shared with `o` (0 when apart).
    pub fn overlap_area(&self, o: &Rect) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// `[x0, y0, x1, y1]` rounded to 1/100 unit, for the audit log.
    pub fn to_audit(self) -> [f64; 4] {
        let r = |v: f64| (v * 100.0).round() / 100.0;
        [r(self.x0), r(self.y0), r(self.x1), r(self.y1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_first() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 0.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), Point::new(12.0, 2.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), Point::new(22.0, 2.0));
    }

    #[test]
    fn inverse_undoes() {
        let m = Matrix::new(2.0, 0.5, -0.3, 3.0, 10.0, 20.0);
        let p = m.apply(1.5, -2.0);
        let back = m.inverse().unwrap().apply(p.x, p.y);
        assert!((back.x - 1.5).abs() < 1e-9 && (back.y + 2.0).abs() < 1e-9);
        assert!(
            Matrix::new(1.0, 2.0, 2.0, 4.0, 0.0, 0.0)
                .inverse()
                .is_none()
        );
    }

    #[test]
    fn rect_from_unordered_corners() {
        let r = Rect::from_objects(&[10.into(), 20.into(), 0.into(), 5.5f32.into()]).unwrap();
        assert_eq!((r.x0, r.y0, r.x1, r.y1), (0.0, 5.5, 10.0, 20.0));
        assert!(Rect::from_objects(&[1.into(), 2.into()]).is_none());
        assert!(r.contains(r.center()));
    }
}
