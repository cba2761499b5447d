//! Tables whose columns hold people: an action list's `wie`, an export's `behandelaar`, a
//! parafeerblad's `naam` and `paraaf`. A header row names the columns; in the rows under it,
//! what stands in a person's column is a person (`Hiemstra`, `Aalbers/Kuipers/Mulder`,
//! `NKR`), whatever else the row holds.
//!
//! Columns are read the way the table is written: between `|`, `;` or tabs, or, in a table
//! aligned with spaces, under the header's label.

use super::{Line, mention};
use crate::names::Mention;
use crate::names::grammar::{Grammar, shape};
use crate::names::lexicon::class;

/// Column labels of people, folded.
const PERSON_COLUMNS: &[&str] = &[
    "wie",
    "naam",
    "namen",
    "behandelaar",
    "behandeld door",
    "actiehouder",
    "eigenaar",
    "trekker",
    "contact",
    "contactpersoon",
    "melder",
    "afzender",
    "ontvanger",
    "paraaf",
    "parafen",
    "verantwoordelijke",
    "voornaam",
    "achternaam",
    "medewerker",
    "deelnemer",
    "deelnemers",
    "spreker",
    "auteur",
    "opsteller",
    "gebruiker",
    "door",
    "uitvoerder",
    "aanvrager",
    "bewoner",
    "indiener",
    "reviewer",
    "lezer",
    "eerste lezer",
    "tweede lezer",
];

/// A cell of a row: its folded text and its byte range in the line.
type Cell = (String, (usize, usize));

/// How a table's columns are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Char(char),
    /// Aligned with runs of spaces: columns start where the header's labels do.
    Aligned,
}

/// Finds the people in the person columns of the tables in the text of `g`.
pub(super) fn tables(g: &Grammar, text: &str, lines: &[Line], out: &mut Vec<Mention>) {
    let toks = g.tokens();
    let line_text = |l: &Line| -> (usize, &str) {
        if l.start >= l.end {
            return (0, "");
        }
        let (s, e) = (toks[l.start].start, toks[l.end - 1].end);
        (s, &text[s..e])
    };
    let mut n = 0;
    while n < lines.len() {
        let (start, header) = line_text(&lines[n]);
        let Some((sep, columns)) = header_columns(header) else {
            n += 1;
            continue;
        };
        let people: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, (label, _))| PERSON_COLUMNS.contains(&label.as_str()))
            .map(|(i, _)| i)
            .collect();
        if people.is_empty() {
            n += 1;
            continue;
        }
        let _ = start;
        let evidence = format!("table column `{}`", columns[people[0]].0);
        let mut row = n + 1;
        while row < lines.len() {
            let (row_start, row_text) = line_text(&lines[row]);
            if row_text.trim().is_empty() {
                break;
            }
            let cells = cells(row_text, sep, &columns);
            // A row of another shape ends the table (a separator line of dashes goes by).
            if cells.is_empty() {
                if row_text.chars().all(|c| "-=+|: ".contains(c)) {
                    row += 1;
                    continue;
                }
                break;
            }
            for &c in &people {
                if let Some(&(a, b)) = cells.get(c) {
                    let part = NAME_PART_COLUMNS.contains(&columns[c].0.as_str());
                    people_in(g, row_start + a, row_start + b, &evidence, part, out);
                }
            }
            row += 1;
        }
        n = row;
    }
}

/// The columns of a header row: each label (folded) and its byte range in the line. A header
/// has three or more short labels.
fn header_columns(line: &str) -> Option<(Separator, Vec<Cell>)> {
    let sep = [';', '|', '\t']
        .into_iter()
        .find(|&c| line.matches(c).count() >= 2)
        .map(Separator::Char)
        .or_else(|| (line.trim().matches("  ").count() >= 2).then_some(Separator::Aligned))?;
    let columns = split(line, sep);
    let short = columns.iter().all(|(label, _)| {
        label.split_whitespace().count() <= 3 && !label.chars().any(|c| c.is_ascii_digit())
    });
    (columns.len() >= 3 && short).then_some((sep, columns))
}

/// The cells of a line: their folded text and byte ranges.
fn split(line: &str, sep: Separator) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize| {
        let cell = &line[a..b];
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            let lead = cell.len() - cell.trim_start().len();
            out.push((
                crate::fold::fold(trimmed),
                (a + lead, a + lead + trimmed.len()),
            ));
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
/// position for separated tables, by the header labels' starts for aligned ones.
fn cells(row: &str, sep: Separator, header: &[Cell]) -> Vec<(usize, usize)> {
    match sep {
        Separator::Char(c) => {
            if row.matches(c).count() + 1 < header.len().saturating_sub(1) {
                return Vec::new();
            }
            let mut out = Vec::new();
            let mut at = 0;
            for (i, _) in row.match_indices(c).chain(std::iter::once((row.len(), ""))) {
                out.push((at, i));
                at = (i + c.len_utf8()).min(row.len());
            }
            // A leading `|` makes an empty first cell: drop it as the header split did.
            if row.trim_start().starts_with(c) {
                out.remove(0);
            }
            out
        }
        Separator::Aligned => {
            // Char columns of the header's labels, applied to the row's characters.
            if row.trim().matches("  ").count() < 1 {
                return Vec::new();
            }
            let starts: Vec<usize> = header.iter().map(|(_, (a, _))| *a).collect();
            let byte_at = |col: usize| {
                row.char_indices()
                    .nth(col)
                    .map(|(b, _)| b)
                    .unwrap_or(row.len())
            };
            starts
                .iter()
                .enumerate()
                .map(|(i, &s)| {
                    let e = starts.get(i + 1).copied().unwrap_or(usize::MAX);
                    let a = snap_to_word_start(row, byte_at(s));
                    let b = if e == usize::MAX {
                        row.len()
                    } else {
                        snap_to_word_start(row, byte_at(e))
                    };
                    (a, b.max(a))
                })
                .collect()
        }
    }
}

/// A column start that falls inside a word moves back to the word's start (cells overrun
/// their column when the text is long).
fn snap_to_word_start(row: &str, at: usize) -> usize {
    let at = at.min(row.len());
    row[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map_or(at, |(i, _)| i)
}

/// The people named in the cell at bytes `start..end` of the text.
/// Columns that hold one part of a name: whatever fills a cell is a name.
const NAME_PART_COLUMNS: &[&str] = &["voornaam", "achternaam", "voornamen", "roepnaam"];

fn people_in(
    g: &Grammar,
    start: usize,
    end: usize,
    evidence: &str,
    name_part: bool,
    out: &mut Vec<Mention>,
) {
    let toks = g.tokens();
    let first = toks.partition_point(|t| t.start < start);
    let mut k = first;
    // After an organisation word or a name, the words up to the next separator belong to
    // them (`gemeente Kampen`, `Erwin Lubbers SBO`).
    let mut skipping = false;
    let mut named = false;
    while k < toks.len() && toks[k].start < end {
        let Some(w) = g.word(k) else {
            // A removal label (`[5.1.2e]`, from an earlier pass) stands where a name stood:
            // what follows it is read as after a name, so a second pass finds nothing new.
            if g.is_punct(k, '[') && text_at(g, k).starts_with("[5.1.") {
                named = true;
            }
            if [',', '/', ';', '+', '&'].iter().any(|&c| g.is_punct(k, c)) {
                skipping = false;
                named = false;
            }
            k += 1;
            continue;
        };
        // Organisations and their acronyms stand in person columns too (`RWS (Hiemstra)`).
        let organisation = g.has(k, class::ORG | class::PLACE) && !g.has(k, class::SURNAME);
        let acronym = g.has(k, shape::UPPER)
            && (named || w.chars().count() > 4 || super::transcript::used_as_organisation(g, w));
        // `BioEnergie`, `GroenLinks`: a name of a thing, not a person or initials.
        let inner_capital = w.chars().skip(1).any(char::is_uppercase)
            && w.chars().filter(|c| c.is_lowercase()).count() > 3;
        if organisation || crate::names::lexicon::GAZETTEER.is(g.folded(k), class::ORG) {
            skipping = true;
        }
        // The second half of a compound (`GroenLinks-PvdA`).
        let compound = k >= 2 && g.is_punct(k - 1, '-') && g.glued(k - 1) && g.glued(k - 2);
        if skipping
            || compound
            || !w.starts_with(char::is_uppercase)
            || organisation
            || acronym
            || inner_capital
        {
            k += 1;
            continue;
        }
        // The particles before the name belong to it (`bin Salem`, `dos Reis`).
        let mut particles = k;
        while particles > first
            && g.is_lower(particles - 1)
            && g.has(particles - 1, class::PARTICLE)
        {
            particles -= 1;
        }
        let parse = g
            .name(k, true)
            .or_else(|| g.given_alone(k))
            .or_else(|| g.initials_alone(k))
            .or_else(|| g.upper_name(k))
            .or_else(|| {
                name_part
                    .then(|| whole_cell_word(g, k, first, end))
                    .flatten()
            })
            .filter(|p| p.end <= end)
            .map(|mut p| {
                p.start = p.start.min(toks[particles].start);
                p
            });
        match parse {
            Some(p) => {
                k = p.next;
                named = true;
                out.push(mention(p, "name.table", evidence.to_string()));
            }
            None => k += 1,
        }
    }
}

/// A capitalised word that fills its cell of a person column (`Mei` under `achternaam`): a
/// name, even where it is also a word.
fn whole_cell_word(
    g: &Grammar,
    k: usize,
    first: usize,
    end: usize,
) -> Option<crate::names::grammar::NameParse> {
    let toks = g.tokens();
    let alone = (first..toks.len())
        .take_while(|&j| toks[j].start < end)
        .all(|j| j == k || (g.is_lower(j) && g.has(j, class::PARTICLE)));
    (alone && g.is_cap(k)).then(|| super::one_word(g, k, false))
}

/// The text from token `k` on.
fn text_at<'a>(g: &'a Grammar, k: usize) -> &'a str {
    &g.text()[g.tokens()[k].start..]
}

#[cfg(test)]
mod tests {
    use super::super::super::token::tokenize;
    use super::super::lines;
    use super::*;

    fn people(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let mut out = Vec::new();
        tables(&g, text, &lines(&g), &mut out);
        out.iter()
            .map(|m| text[m.parse.start..m.parse.end].to_string())
            .collect()
    }

    #[test]
    fn people_in_person_columns() {
        let aligned = "nr  actie                         wie                    wanneer\n\
                       1   weekendafsluitingen afstemmen Hiemstra               13-12-2024\n\
                       2   voorstel schoolroute          Aalbers/Kuipers/Mulder 06-12-2024\n";
        assert_eq!(
            people(aligned),
            ["Hiemstra", "Aalbers", "Kuipers", "Mulder"]
        );
        let export = "meldnr;datum;melder;behandelaar\nM1;08-01-2024;Hofman, G.;NKR\n";
        assert_eq!(people(export), ["Hofman, G.", "NKR"]);
        let sms = "datum;richting;nummer;contact;tekst\n1-1;IN;0612;Erwin Lubbers SBO;Hoi\n";
        assert_eq!(people(sms), ["Erwin Lubbers"]);
        let mixed = "nr;actie;wie\n5;kostendeling;gemeente Kampen (CH)\n6;x;BioEnergie\n";
        assert!(people(mixed).is_empty());
        let pipes = "| nr | actie | wie |\n|---|---|---|\n| 14 | planning | Kroeze |\n";
        assert_eq!(people(pipes), ["Kroeze"]);
        let register = "nr;achternaam;voornaam\n003;bin Salem;Yusuf\n006;Mei;Sanne\n";
        assert_eq!(people(register), ["bin Salem", "Yusuf", "Mei", "Sanne"]);
    }

    #[test]
    fn other_columns_and_tables_are_left() {
        let t = "datum;bedrag;omschrijving\n01-01-2024;12,00;Jansen Transport\n";
        assert!(people(t).is_empty());
    }
}
