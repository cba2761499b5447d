//! Tables exported as text, with cells between `;`, `|` or tabs: the cells under a header.

/// The cell separators of a table exported as text.
const CELL_SEPARATORS: [char; 3] = [';', '|', '\t'];

/// Calls `cell(start, end)` with the trimmed byte range of every cell in a column whose header
/// cell `is_header` accepts (given trimmed), row by row until the table ends: a line with
/// another number of cells. Rule lines of a drawn table (`|---|---|`, `---+---`) go on.
pub(crate) fn column_cells(
    text: &str,
    is_header: impl Fn(&str) -> bool,
    mut cell: impl FnMut(usize, usize),
) {
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| {
            let at = offset;
            offset += l.len() + 1;
            (at, l)
        })
        .collect();
    for (n, &(_, header)) in lines.iter().enumerate() {
        let Some(sep) = CELL_SEPARATORS
            .into_iter()
            .find(|&c| header.matches(c).count() >= 2)
        else {
            continue;
        };
        let columns: Vec<usize> = header
            .split(sep)
            .enumerate()
            .filter(|(_, c)| is_header(c.trim()))
            .map(|(k, _)| k)
            .collect();
        if columns.is_empty() {
            continue;
        }
        let cells = header.split(sep).count();
        for &(at, row) in &lines[n + 1..] {
            if row.trim_matches(|c: char| "|-+: ".contains(c)).is_empty() && !row.is_empty() {
                continue;
            }
            if row.split(sep).count() != cells {
                break;
            }
            let mut start = at;
            for (k, c) in row.split(sep).enumerate() {
                if columns.contains(&k) {
                    let lead = c.len() - c.trim_start().len();
                    cell(start + lead, start + lead + c.trim().len());
                }
                start += c.len() + sep.len_utf8();
            }
        }
    }
}
