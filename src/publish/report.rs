//! `productierapport.xlsx` (for the platform: first sheet, headers in row 1, every cell a
//! text cell) and `productierapport.csv` (the same rows, UTF-8, for people and other
//! platforms). The xlsx is byte-identical on every run: the workbook's creation time is fixed
//! and the zip entries carry the crate's fixed time stamp.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::inventory::{HEADERS, Row};

/// The fixed creation time written into the workbook's properties.
const CREATED: &str = "2000-01-01T00:00:00Z";

/// The workbook, as bytes.
pub fn xlsx(rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::parse_from_str(CREATED)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Productierapport")?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = HEADERS.iter().map(|h| h.chars().count()).collect();
    for (col, h) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let line = r as u32 + 1;
        for (col, value) in row.cells().iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            widths[col] = widths[col].max(value.chars().count());
            sheet.write_string(line, col as u16, value)?;
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

/// The CSV, as bytes (header row, then one line per row; `\n` line ends).
pub fn csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(HEADERS)?;
    for row in rows {
        w.write_record(row.cells())?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::inventory::Beoordeling;

    fn row() -> Row {
        Row {
            index: 0,
            id: "1000001".into(),
            matter: "2025-01".into(),
            thread: None,
            document: "=SOM(A1); \"x\"".into(),
            file_type: "doc",
            datum: "2024-10-03".into(),
            beoordeling: Beoordeling::Openbaar,
            grounds: vec![],
            toelichting: String::new(),
            gerelateerd: String::new(),
            zaaknummer: String::new(),
        }
    }

    #[test]
    fn the_workbook_is_the_same_bytes_every_time() {
        let a = xlsx(&[row()]).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let b = xlsx(&[row()]).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }

    #[test]
    fn the_csv_has_the_headers_and_quotes_where_needed() {
        let text = String::from_utf8(csv(&[row()]).unwrap()).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), HEADERS.join(","));
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("1000001,2025-01,,,\"=SOM(A1); \"\"x\"\"\"")
        );
    }
}
