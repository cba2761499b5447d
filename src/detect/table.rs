//! Tables exported as text: cells between `;`, `|` or tabs, or aligned with runs of spaces
//! under the header's labels. One reading of a table's columns for every rule that reads
//! them (birth dates, person numbers, the people in a person column).

use std::ops::Range;
use std::sync::LazyLock;

/// How a table's columns are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Separator {
    Char(char),
    /// Aligned with runs of spaces: columns start where the header's labels do.
    Aligned,
}

/// The cell separators of a table exported as text.
const CELL_SEPARATORS: [char; 3] = [';', '|', '\t'];

/// The columns of a header row: its separator and each label's byte range in the line. A
/// header has three or more short labels: at most one is a number, at most two hold a digit.
pub(crate) fn header_columns(line: &str) -> Option<(Separator, Vec<Range<usize>>)> {
    let sep = separator(line, &CELL_SEPARATORS)?;
    let mut columns = split(line, sep);
    // An export that describes its columns (`Kolommen: datum;tijd;naam`): the first label
    // after the colon.
    if let Some(after) = description_end(line)
        && let Some(first) = columns.first_mut()
        && first.start < after
        && after < first.end
    {
        first.start = after;
    }
    // A remark in brackets does not count (`houder (bekend bij NVWA)`).
    let short = columns.iter().all(|r| {
        outside_brackets(&line[r.clone()])
            .split_whitespace()
            .count()
            <= 4
    });
    // A row of data has numbers in several cells; a header at most one cell that is a number
    // (`2022`), and a few labels with a number after a word (`Aanslag 2022`, `Ouder 1`,
    // `Status 1-10`). Digits inside a word are a label's (`NH3 kg/j`, `afstand N2000 m`).
    let number_at = |r: &Range<usize>, first: bool| {
        let mut words = line[r.clone()].split_whitespace();
        let digit = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
        if first {
            words.next().is_some_and(digit)
        } else {
            words.any(digit)
        }
    };
    let numbers = columns.iter().filter(|r| number_at(r, true)).count();
    // A roster has a column per day (`Ma 11-3;Di 12-3;…`): those labels are no data.
    let with_digits = columns
        .iter()
        .filter(|&r| number_at(r, false) && !names_a_day(&line[r.clone()]))
        .count();
    (columns.len() >= 3 && short && numbers <= 1 && with_digits <= 2).then_some((sep, columns))
}

/// Where the words that describe an export's columns end (`Kolommen: `, `Velden: `), if the
/// line opens with them.
fn description_end(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let (word, _) = trimmed.split_once(':')?;
    let described = ["kolommen", "columns", "velden", "fields"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    described.then(|| {
        let at = line.len() - trimmed.len() + word.len() + 1;
        at + line[at..].len() - line[at..].trim_start().len()
    })
}

/// Whether a header line describes an export's columns (`Kolommen: datum;tijd;naam`): its
/// rows may come after a blank line.
pub(crate) fn describes_columns(line: &str) -> bool {
    description_end(line).is_some()
}

/// Whether a line of `text` may be a table's header: [`header_columns`] needs one of the cell
/// separators twice on the line, or two runs of spaces. Most texts hold none, and are then
/// not read line by line.
pub(crate) fn may_hold_a_header(text: &str) -> bool {
    let bytes = text.as_bytes();
    CELL_SEPARATORS
        .iter()
        .any(|&c| memchr::memchr_iter(c as u8, bytes).nth(1).is_some())
        || memchr::memmem::find_iter(bytes, "  ").nth(1).is_some()
}

/// Whether a label opens with a day of the week, written out or abbreviated (`Ma 11-3`,
/// `dinsdag 12/3`, `Tue 12 Mar`).
fn names_a_day(label: &str) -> bool {
    const SHORT: &[&str] = &[
        "ma", "di", "wo", "do", "vr", "za", "zo", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ];
    let first = label.split([' ', '.']).next().unwrap_or_default();
    crate::names::person::WEEKDAYS
        .iter()
        .chain(SHORT)
        .any(|d| d.eq_ignore_ascii_case(first))
}

/// A label without the remark in brackets that ends it.
fn outside_brackets(label: &str) -> &str {
    match label.find('(') {
        Some(at) if label.trim_end().ends_with(')') => &label[..at],
        _ => label,
    }
}

/// How a line is split into cells, if it is: by the first of `chars` it holds twice, or by
/// runs of spaces between three or more cells.
pub(crate) fn separator(line: &str, chars: &[char]) -> Option<Separator> {
    // Every line of every text is asked, mostly prose: the searches stop at a second hit.
    static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("  "));
    let twice = |c: char| match u8::try_from(c) {
        Ok(b) if b.is_ascii() => memchr::memchr_iter(b, line.as_bytes()).nth(1).is_some(),
        _ => line.matches(c).nth(1).is_some(),
    };
    chars
        .iter()
        .find(|&&c| twice(c))
        .map(|&c| Separator::Char(c))
        .or_else(|| {
            let mut pairs = TWO_SPACES.find_iter(line.trim().as_bytes());
            pairs.nth(1).is_some().then_some(Separator::Aligned)
        })
}

/// The trimmed, non-empty cells of a line (a header's, or a signature line's).
pub(crate) fn split(line: &str, sep: Separator) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize| {
        let a = if out.is_empty() {
            past_quote_marks(line, a, b)
        } else {
            a
        };
        let cell = &line[a..b];
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            let lead = cell.len() - cell.trim_start().len();
            out.push(a + lead..a + lead + trimmed.len());
        }
    };
    match sep {
        Separator::Char(c) => {
            let mut at = 0;
            for (i, _) in line.match_indices(c) {
                push(at, i);
                at = i + c.len_utf8();
            }
            push(at, line.len());
        }
        Separator::Aligned => {
            // Cells are apart by two or more spaces.
            let bytes = line.as_bytes();
            let mut at = 0;
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
                    push(at, i);
                    while i < bytes.len() && bytes[i] == b' ' {
                        i += 1;
                    }
                    at = i;
                } else {
                    i += 1;
                }
            }
            push(at, line.len());
        }
    }
    out
}

/// The byte ranges (in the row) of a row's cells, matched to the header's columns: by
/// position for separated tables, by the header labels' starts for aligned ones. Empty when
/// the row is not of the table's shape.
pub(crate) fn row_cells(row: &str, sep: Separator, header: &[Range<usize>]) -> Vec<Range<usize>> {
    match sep {
        Separator::Char(c) => {
            // A row may lack the last cells (a spreadsheet row pasted with a remark in place
            // of its last columns), as long as half are there; not with `;`, which prose
            // uses as well.
            let at_least = if c == ';' {
                header.len().saturating_sub(1)
            } else {
                (header.len() / 2).max(2)
            };
            if row.matches(c).count() + 1 < at_least {
                return Vec::new();
            }
            let mut out = Vec::new();
            let mut at = 0;
            for (i, _) in row.match_indices(c).chain(std::iter::once((row.len(), ""))) {
                out.push(at..i);
                at = (i + c.len_utf8()).min(row.len());
            }
            // A leading `|` makes an empty first cell: drop it as the header split did.
            if row.trim_start_matches(['>', ' ', '\t']).starts_with(c) {
                out.remove(0);
            }
            if let Some(first) = out.first_mut() {
                first.start = past_quote_marks(row, first.start, first.end);
            }
            out
        }
        Separator::Aligned => {
            // Char columns of the header's labels, applied to the row's characters.
            if row.trim().matches("  ").count() < 1 {
                return Vec::new();
            }
            let byte_at = |col: usize| {
                row.char_indices()
                    .nth(col)
                    .map(|(b, _)| b)
                    .unwrap_or(row.len())
            };
            let columns: Vec<usize> = header.iter().map(|r| byte_at(r.start)).collect();
            let mut starts: Vec<usize> = Vec::with_capacity(columns.len());
            for (i, &at) in columns.iter().enumerate() {
                let next = columns.get(i + 1).copied().unwrap_or(row.len());
                starts.push(cell_start(row, starts.last().copied(), at, next.max(at)));
            }
            (0..starts.len())
                .map(|i| {
                    let a = starts[i];
                    let b = starts.get(i + 1).copied().unwrap_or(row.len());
                    a..b.max(a)
                })
                .collect()
        }
    }
}

/// Where a row's cell starts whose column starts at byte `at`, the cell before it at
/// `previous` and the next column at `next`. Cells overrun their columns when their text is long: text
/// that runs across the column start, words one space apart, from where the left cell starts,
/// is the left cell's when this cell's own text follows after a wide gap
/// (`Pluimveebedrijf De Oude Hof B.V.   Oude Hofweg 2` under `adres`, `Garderbroekerweg 77
/// leg` under `soort`). Otherwise it is this cell's, started a little early (`2021-HT-043817`
/// a column left of `dossier`), from the start of its word.
fn cell_start(row: &str, previous: Option<usize>, at: usize, next: usize) -> usize {
    let b = row.as_bytes();
    let space = |i: usize| b.get(i).is_none_or(|c| *c == b' ' || *c == b'\t');
    let at = at.min(row.len());
    if space(at) && (at == 0 || space(at - 1) || space(at + 1)) {
        return at;
    }
    let mut phrase_start = at;
    while phrase_start > 0
        && !(space(phrase_start - 1) && (phrase_start == 1 || space(phrase_start - 2)))
    {
        phrase_start -= 1;
    }
    if phrase_start == at {
        return at;
    }
    let left_cells =
        previous.is_some_and(|p| row[p.min(phrase_start)..phrase_start].trim().is_empty());
    let phrase_end = row[at..next].find("  ").map_or(next, |gap| at + gap);
    let own = &row[phrase_end..next];
    if left_cells && !own.trim().is_empty() {
        return phrase_end + own.len() - own.trim_start().len();
    }
    // This cell's text, started a little early: from its word's start.
    row[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map_or(at, |(i, _)| i)
}

/// Where the first cell of a line starts after the marks of a quoted reply (`> reg.nr`,
/// `>> ER-24-0612`): a table in a mail that was answered is read as the original was.
fn past_quote_marks(line: &str, start: usize, end: usize) -> usize {
    let cell = &line[start..end];
    let unquoted = cell.trim_start_matches(['>', ' ', '\t']);
    if cell.trim_start().starts_with('>') {
        end - unquoted.len()
    } else {
        start
    }
}

/// Whether a table goes on past a row that divides it: a rule line (`|---|---|`, `---+---`,
/// `====`), also in a quoted reply (`> ---|---`), or a section's heading in capitals alone on
/// its line (a roster's `VERPLEEGKUNDIGEN`, `TRIAGE/BALIE`).
pub(crate) fn is_divider_line(row: &str) -> bool {
    let row = row.trim_start_matches(['>', ' ']);
    let rule = row.chars().all(|c| "-=+|: ".contains(c));
    let heading = row.trim_end().len() <= 40
        && !row.trim_end().contains("  ")
        && row.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && row.chars().all(|c| c.is_uppercase() || " -/&".contains(c));
    !row.is_empty() && (rule || heading)
}

/// Calls `cell(start, end)` with the trimmed byte range of every cell in a column whose header
/// label `is_header` accepts (given trimmed), row by row until the table ends: an empty line or
/// a line of another shape. Rule lines of a drawn table go on.
pub(crate) fn column_cells(
    text: &str,
    is_header: impl Fn(&str) -> bool,
    mut cell: impl FnMut(usize, usize),
) {
    chosen_column_cells(
        text,
        |labels| labels.iter().map(|l| is_header(l)).collect(),
        |start, end, _| cell(start, end),
    );
}

/// Like [`column_cells`], with the columns chosen from all of a header's labels at once
/// (`choose` gives one flag per label): a column may count only beside another one. `cell`
/// is given the column's label too.
pub(crate) fn chosen_column_cells(
    text: &str,
    choose: impl Fn(&[&str]) -> Vec<bool>,
    mut cell: impl FnMut(usize, usize, &str),
) {
    walk_tables(text, choose, |labels, cells| {
        for &(start, end, k) in cells {
            cell(start, end, labels[k]);
        }
    });
}

/// Like [`chosen_column_cells`], with each chosen column of a table given whole:
/// `column(label, cells)`, the cells' trimmed byte ranges in `text`. For rules that judge a
/// column by all of its values (every one a code, none repeated).
pub(crate) fn chosen_columns(
    text: &str,
    choose: impl Fn(&[&str]) -> Vec<bool>,
    mut column: impl FnMut(&str, &[Range<usize>]),
) {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    walk_tables(text, choose, |labels, cells| {
        for (k, label) in labels.iter().enumerate() {
            ranges.clear();
            ranges.extend(cells.iter().filter(|c| c.2 == k).map(|c| c.0..c.1));
            if !ranges.is_empty() {
                column(label, &ranges);
            }
        }
    });
}

/// Reads every table of `text`, row by row until it ends (an empty line or a line of
/// another shape; rule lines of a drawn table go on), and gives `table(labels, cells)` the
/// header's labels and, row by row, the trimmed byte range and column of each cell in a
/// column `choose` accepts.
fn walk_tables<'t>(
    text: &'t str,
    choose: impl Fn(&[&str]) -> Vec<bool>,
    mut table: impl FnMut(&[&'t str], &[(usize, usize, usize)]),
) {
    if !may_hold_a_header(text) {
        return;
    }
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| {
            let at = offset;
            offset += l.len() + 1;
            (at, l)
        })
        .collect();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let header = lines[n].1;
        n += 1;
        let Some((sep, labels)) = header_columns(header) else {
            continue;
        };
        let texts: Vec<&str> = labels.iter().map(|r| &header[r.clone()]).collect();
        let chosen = choose(&texts);
        let columns: Vec<usize> = (0..labels.len())
            .filter(|&k| chosen.get(k).copied().unwrap_or(false))
            .collect();
        if columns.is_empty() {
            continue;
        }
        found.clear();
        if describes_columns(header) {
            while lines.get(n).is_some_and(|(_, l)| l.trim().is_empty()) {
                n += 1;
            }
        }
        while let Some(&(at, row)) = lines.get(n) {
            if is_divider_line(row) {
                n += 1;
                continue;
            }
            let cells = row_cells(row, sep, &labels);
            if row.trim().is_empty() || cells.is_empty() {
                break;
            }
            for &k in &columns {
                if let Some(r) = cells.get(k) {
                    let c = &row[r.clone()];
                    let lead = c.len() - c.trim_start().len();
                    let start = at + r.start + lead;
                    found.push((start, start + c.trim().len(), k));
                }
            }
            n += 1;
        }
        table(&texts, &found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn separator_reads_as_counting_the_matches(line in "[ ;|\t,a\u{a0}é\u{3000}]{0,24}") {
            // What the searches that stop at a second hit stand for.
            let counted = |chars: &[char]| {
                chars
                    .iter()
                    .find(|&&c| line.matches(c).count() >= 2)
                    .map(|&c| Separator::Char(c))
                    .or_else(|| (line.trim().matches("  ").count() >= 2).then_some(Separator::Aligned))
            };
            for chars in [&CELL_SEPARATORS[..], &['|', '\t'], &[',', 'é', '\u{3000}']] {
                proptest::prop_assert_eq!(separator(&line, chars), counted(chars));
            }
        }
    }

    fn cells_of(text: &str, label: &str) -> Vec<String> {
        let mut out = Vec::new();
        column_cells(
            text,
            |h| h.eq_ignore_ascii_case(label),
            |a, b| out.push(text[a..b].to_string()),
        );
        out
    }

    #[test]
    fn an_export_that_describes_its_columns() {
        let t = "Kolommen: datum;naam;status\n\n04-03;Warsame H;ok\n05-03;Ali K;ok\n\nx;y;z\n";
        assert_eq!(cells_of(t, "datum"), ["04-03", "05-03"]);
        assert_eq!(cells_of(t, "naam"), ["Warsame H", "Ali K"]);
    }

    #[test]
    fn columns_separated_and_aligned() {
        let t = "nr;naam;geb\n1;Jan;01-02-1990\n2;Piet;03-04-1980\n\n3;x;05-06-1970\n";
        assert_eq!(cells_of(t, "geb"), ["01-02-1990", "03-04-1980"]);
        let t = "| nr | naam | geb |\n|---|---|---|\n| 1 | Jan | 01-02-1990 |\n";
        assert_eq!(cells_of(t, "geb"), ["01-02-1990"]);
        let t = "   Naam            V-nummer        Geb.datum    Nat.\n   \
                 HADDAD, Samir   V 2851094433    12-07-1996   SYR\n   \
                 BERHANE, Yonas  V 2850887120    01-01-2003   ERI\n\nna de tabel\n";
        assert_eq!(cells_of(t, "Geb.datum"), ["12-07-1996", "01-01-2003"]);
        assert_eq!(cells_of(t, "V-nummer"), ["V 2851094433", "V 2850887120"]);
        // A cell that ran on into the next column; a remark in brackets in a label.
        let t = "nr    houder (bekend bij NVWA)    adres           soort\n\
                 S-01  J.W. Hardeman               Garderbroekerweg 77  leg\n\
                 S-08  Pluimveebedrijf De Oude Hof B.V.   Oude Hofweg 2  leg\n";
        assert_eq!(
            cells_of(t, "adres"),
            ["Garderbroekerweg 77", "Oude Hofweg 2"]
        );
        // A table quoted in a reply.
        let t = "> reg.nr\ttijd\tnaam\tgeb.\n> ER-24-0612\t19:38\tHADDOU, Amira\t11-09-2003\n";
        assert_eq!(cells_of(t, "reg.nr"), ["ER-24-0612"]);
        // A cell that starts a little left of its column.
        let t = "  nr  dossier          ouder(s)     woonplaats\n\
                 \x20 1   2021-HT-043817  AMRANI S     Zaandam\n";
        assert_eq!(cells_of(t, "dossier"), ["2021-HT-043817"]);
        assert_eq!(cells_of(t, "ouder(s)"), ["AMRANI S"]);
        // Labels with a number after a word; a row of data is no header.
        let t =
            "Lln.nr\tAchternaam\tOuder 1\tStatus 1-10\n220114\tBoukhari\tN. Boukhari\taanwezig\n";
        assert_eq!(cells_of(t, "Achternaam"), ["Boukhari"]);
        assert!(header_columns("220114\tBoukhari\t12-05-2009\t3H1").is_none());
        // A roster's column per day; a label of four words.
        let t = "Nr;Naam;Diploma T&V geldig tot;Geb.datum;Ma 11-3;Di 12-3;Wo 13-3\n\
                 SK-01;Westra, Sybren;31-12-2025;04-05-1978;V;S;-\n";
        assert_eq!(cells_of(t, "Geb.datum"), ["04-05-1978"]);
        assert!(header_columns("Jan;Kooistra 3;Dijkstra 7;Mulder 12").is_none());
    }
}
