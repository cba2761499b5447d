//! Dates of birth: a date in a birth context (`geboren op`, `geb.`, `geboortedatum`, …).
//! Every other date stays readable.

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;
use crate::policy::Category;

static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:geboren|ge?b[.-]?\s*dat(?:um|\.)?|geb\.|geb(?-u:\b)|geboortedatum|geboorte\s*datum|geboortejaar|date\s+of\s+birth|birth\s*date|d\.o\.b\.|dob|born|geburtsdatum|data\s+urodzenia|data\s+di\s+nascita|data\s+de\s+nascimento|fecha\s+d[ei]\s+naci?m?i?ento|fecha\s+di\s+nasementu|date\s+de\s+naissance|n[ée]e?\s+le)|°|\*",
    )
    .expect("birth keyword pattern compiles")
});

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan\\.?|feb\\.?|febr\\.?|mrt\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sep\\.?|sept\\.?|okt\\.?|nov\\.?|dec\\.?|january|february|march|may|june|july|october|mar|oct";

/// A day of the month written as an ordinal word (`de zevende januari`).
const ORDINALS: &str = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde|dertiende|veertiende|vijftiende|zestiende|zeventiende|achttiende|negentiende|twintigste|eenentwintigste|twee[eë]ntwintigste|drie[eë]ntwintigste|vierentwintigste|vijfentwintigste|zesentwintigste|zevenentwintigste|achtentwintigste|negenentwintigste|dertigste|eenendertigste";

/// A day of the month or a small number said in words, as a call transcript writes it
/// (`zeven juni eenenzeventig`, `tweeduizend drie`).
const CARDINALS: &str = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|[a-zë]+tien|[a-zë]+twintig|twintig|dertig|eenendertig";

/// A date: `20-04-1971`, `xx-xx-1985` (day and month unknown), `11 - 01 - 1962` (typed into
/// a form), `0 3 - 1 1 - 1 9 8 4` (into a form's boxes), `20/4/1971`, `20.04.1971`,
/// `20041971`, `1971-04-20`, `19710420` (as the BRP writes it), `20 april 1971`,
/// `20-apr-1971`, `1e mei 1980`, `de zevende januari 1982`, `april 20, 1971`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)(?-u:\b)(?:
            (?:[0-3]?[0-9]|xx?)\x20?[-/.]\x20?(?:[01]?[0-9]|xx?)\x20?[-/.]\x20?(?:1[89]|20)?[0-9]{{2}}
          | [0-3]\x20[0-9]\x20[-/.]\x20[01]\x20[0-9]\x20[-/.]\x20(?:1\x20[89]|2\x200)\x20[0-9]\x20[0-9]
          | (?:1[89]|20)[0-9]{{2}}-[01][0-9]-[0-3][0-9]
          | [0-3][0-9][01][0-9](?:19|20)[0-9]{{2}}
          | (?:19|20)[0-9]{{2}}[01][0-9][0-3][0-9]
          | (?:[0-3]?[0-9](?:e|ste|de)?|(?:de\s+)?(?:{ORDINALS})|{CARDINALS})[\s-]+(?:{MONTHS})(?:/(?:{MONTHS}))?[\s-]+(?:(?:1[89]|20)[0-9]{{2}}|'[0-9]{{2}}|(?:negentienhonderd|tweeduizend)[a-zë]*(?:\x20(?:{CARDINALS}))?|negentien\x20(?:[a-zë]+tig|{CARDINALS})|[a-zë]+tig|[a-zë]+tien)
          | (?:{MONTHS})\s+[0-3]?[0-9],?\s+(?:1[89]|20)[0-9]{{2}}
        )(?-u:\b)"
    ))
    .expect("date pattern compiles")
});

/// Words for a family member, after which (or opening a bracket with) a date is a birth date.
const FAMILY_WORDS: &str = "man|vrouw|echtgenoot|echtgenote|partner|zoon|dochter|kind|kinderen|kids|children|jongste|oudste|middelste|moeder|vader|broer|zus|zuster|opa|oma|kleinzoon|kleindochter|baby|pleegkind";

/// Family words after which a date or year in brackets is the person's birth date: `mijn man
/// Wim (12-5-1958)`, `onze jongste (3 augustus 2019)`, and so on along a list: `kinderen Omar
/// (2017) en Hadia (2020)`.
static FAMILY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{FAMILY_WORDS})(?:\s+\p{{Lu}}[\p{{L}}'-]+){{0,2}}(?:\s*\([^()\n]{{1,20}}\)\s*(?:,|en|and|&)?(?:\s+\p{{Lu}}[\p{{L}}'-]+){{1,2}})*\s*\($",
    ))
    .expect("family pattern compiles")
});

/// How far after the keyword the date may start (`geboren te Amsterdam op 1 mei 1980`).
const WINDOW: usize = 60;

/// Finds dates of birth in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    in_brackets_after_family(text, out);
    in_birth_date_column(text, out);
    let mut last_end = 0;
    for k in KEYWORD.find_iter(text) {
        // The asterisk of birth (`*1996`) right before the digits and after a space, a
        // bracket or a comma: not a footnote's `2*`, a form's required field (`VOG * :`) or a
        // bullet, which would read a list's question and its answer.
        if k.as_str() == "*"
            && !(text[k.end()..].starts_with(|c: char| c.is_ascii_digit())
                && (k.start() == 0 || text[..k.start()].ends_with([' ', '\t', '(', ','])))
        {
            continue;
        }
        let mut window_end = (k.end() + WINDOW).min(text.len());
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let from = k.end().max(last_end);
        if from >= window_end {
            continue;
        }
        // A list under a heading that names the birth dates (`Kinderen (naam, geb.datum):`).
        let rest_of_line = text[k.end()..window_end].split('\n').next().unwrap_or("");
        if rest_of_line.trim().trim_start_matches(')').trim() == ":" {
            last_end = dates_in_list_below(text, k.end() + rest_of_line.len(), out).max(last_end);
            continue;
        }
        // A question in a transcript (`Wat is uw geboortedatum?`), answered on the next line
        // after the speaker's label (`BELLER: Zeven juni eenenzeventig.`).
        if rest_of_line.trim_end().ends_with('?') {
            let answer = k.end() + rest_of_line.len() + 1;
            if let Some(end) = answered_date(text, answer, out) {
                last_end = end.max(last_end);
                continue;
            }
        }
        let Some(d) = DATE.find(&text[from..window_end]) else {
            // A year alone (`grootvader (geb. 1931)`, `*1996`).
            if let Some(y) = YEAR
                .find(&text[from..window_end])
                .filter(|y| y.start() == 0)
            {
                out.push(Finding::new(
                    from + y.end() - 4,
                    from + y.end(),
                    Category::Birthdate,
                    "birthdate",
                    "year right after a birth keyword",
                ));
            }
            continue;
        };
        let between = &text[k.end()..from + d.start()];
        // The date must belong to the same phrase: no sentence end or line break in between.
        // Dot leaders of a form (`Geboortedatum partner 1 ........ : 04.05.1969`) end no
        // sentence: a full stop ends one only when no other dot stands before it.
        let leaders_only = between
            .trim()
            .chars()
            .all(|c| matches!(c, '.' | ':' | '*' | ' ' | '\t'));
        let sentence_end = !leaders_only
            && between
                .match_indices(". ")
                .any(|(i, _)| !between[..i].ends_with('.'));
        // A keyword that ends its line (`geboren⏎12 maart 2018`, `geboren op⏎2 november
        // 1946`, `geboren te Zwolle op⏎22 augustus 1979`) goes on to the date that opens the
        // next one.
        let words: Vec<&str> = between.split_whitespace().collect();
        let wrapped = between.matches('\n').count() == 1
            && (words.iter().all(|&w| w == "op" || w == ":")
                || words.len() <= 4 && words.last() == Some(&"op"));
        if (between.contains('\n') && !wrapped) || between.contains(';') || sentence_end {
            continue;
        }
        // `°30/5/79`, `*12-04-1996`: the sign of birth right before its date.
        if (k.as_str() == "°" || k.as_str() == "*") && !between.is_empty() {
            continue;
        }
        let (start, end) = (from + d.start(), from + d.end());
        out.push(Finding::new(
            start,
            end,
            Category::Birthdate,
            "birthdate",
            "date in a birth context",
        ));
        last_end = end;
    }
}

/// The dates of the answer on the line at `at`, after its speaker's label and a time stamp
/// before it (`[00:13] KOOPMANS: Twee november eenenzeventig`); returns where the last ends.
fn answered_date(text: &str, at: usize, out: &mut Vec<Finding>) -> Option<usize> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\[[0-9:.]+\][\x20\t]*)?[^:\n]{1,30}:[\x20\t]*")
            .expect("speaker label pattern compiles")
    });
    let line = text.get(at..)?.split('\n').next()?;
    let label = LABEL.find(line)?;
    // The dates of the answer, after the name it may give first (`Olusegun Adeyemi, achttien
    // januari negentienvierentachtig`), and said twice (`Drie mei zestien. 3-5-2016.`).
    let from = at + label.end();
    let mut end = None;
    for d in DATE.find_iter(&line[label.end()..]) {
        out.push(Finding::new(
            from + d.start(),
            from + d.end(),
            Category::Birthdate,
            "birthdate",
            "date answering a question for the date of birth",
        ));
        end = Some(from + d.end());
    }
    end
}

/// A year alone at the start of a bracket's content.
static YEAR_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:1[89]|20)[0-9]{2}(?-u:\b)").expect("year pattern compiles"));

/// A year of birth right after the keyword: `geb. 1931`, `geboren in 1931`, `DOB approx.
/// 1976`.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20:]*(?:in\x20|(?:approx\.?|ca\.?|circa|±)\x20?)?(?:1[89]|20)[0-9]{2}(?-u:\b)")
        .expect("year pattern compiles")
});

/// The dates in the list items below a heading at `line_end` (up to a blank line, at most 30
/// lines); returns where the last one ends.
fn dates_in_list_below(text: &str, line_end: usize, out: &mut Vec<Finding>) -> usize {
    let mut end = line_end;
    for line in text[line_end..].split_inclusive('\n').skip(1).take(30) {
        let start = end + 1;
        end = start + line.len() - 1;
        if line.trim().is_empty() {
            break;
        }
        for d in DATE.find_iter(line) {
            out.push(Finding::new(
                start + d.start(),
                start + d.end(),
                Category::Birthdate,
                "birthdate",
                "date in a list under a birth-date heading",
            ));
        }
    }
    end
}

/// A date of birth right after a person's name, as registers, lists and letters write it: in
/// brackets (`Naomi de Bruijn (03-11-2001)`), after a comma (`dhr. H.J. Oosterbeek,
/// 14-03-1942,`) or in the next column (`W.M. Chen      02-02-1971`). Only a year long enough
/// ago to be a birth year counts (1900–2012, or two digits from 30): a date beside a name is
/// as often the day someone signed or acted (`J. Smit, 14-05-2024`). A year alone counts after
/// a child's first name (`Omar (2012)`, `Zahra 2012,`) or in a register's next column.
pub fn bound_to_names(text: &str, findings: &mut Vec<Finding>) {
    // Also after the family word a bracket opens with (`Murat Arslan (echtgenoot,
    // 02.02.1985)`).
    static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:\x20?\((?:(?i:{FAMILY_WORDS}),\x20)?|,\x20|\t+|\x20{{2,}})([0-3]?[0-9][-/.][01]?[0-9][-/.](?:19[0-9]{{2}}|200[0-9]|201[0-2]|[3-9][0-9]))(?:\)|,|;|\x20{{2,}}|\t|\r?\n|$)",
        ))
        .expect("date after a name pattern compiles")
    });
    // One space, as notes write a name and a date (`Geeske 17-8-1965`): a four-digit year.
    static AFTER_SPACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\x20([0-3]?[0-9][-/.][01]?[0-9][-/.](?:19[0-9]{2}|200[0-9]|201[0-2]))(?:\)|,|;|\.?\x20|\t|\r?\n|$)",
        )
        .expect("date after a name pattern compiles")
    });
    // In brackets with the word for it, a child's recent date of birth too (`Yousef
    // (03-09-2021, geboren in Gouda)`).
    static IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\x20?\(([0-3]?[0-9][-/.][01]?[0-9][-/.]20[0-9]{2}),\x20geb")
            .expect("date in brackets pattern compiles")
    });
    // A year alone in brackets after a first name (`Omar (2012), Lana (2015)`).
    static YEAR_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\x20\(((?:19|20)[0-9]{2})\)").expect("year in brackets pattern compiles")
    });
    // A year alone after a first name in a list of children (`Zahra 2012, Omid 2015`,
    // `(Amina, 2019, en Hodan, 2021)`).
    static YEAR_AFTER_FIRST_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,?\x20((?:19|20)[0-9]{2})(?:,|\)|;|\r?\n|$|\x20en\x20)")
            .expect("year after a first name pattern compiles")
    });
    // A year alone in the next column of a register (`Al-Khatib, Yousef⇥2013⇥zoon`), long
    // enough ago to be a birth year.
    static YEAR_IN_NEXT_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\t+|\x20{2,})(19[0-9]{2}|200[0-9]|201[0-5])(?:\t|\x20{2,}|\r?\n|$)")
            .expect("year in the next column pattern compiles")
    });
    let names = findings.len();
    for i in 0..names {
        if findings[i].category != Category::Name {
            continue;
        }
        let end = findings[i].end;
        let name = &text[findings[i].start..end];
        let first_name = !name.contains(char::is_whitespace)
            && crate::names::lexicon::GAZETTEER.is(
                &crate::fold::fold(name),
                crate::names::lexicon::class::FIRST_NAME,
            );
        let rest = &text[end..];
        let found = AFTER_NAME
            .captures(rest)
            .or_else(|| AFTER_SPACE.captures(rest))
            .or_else(|| IN_BRACKETS.captures(rest))
            .or_else(|| YEAR_IN_BRACKETS.captures(rest).filter(|_| first_name))
            .or_else(|| YEAR_AFTER_FIRST_NAME.captures(rest).filter(|_| first_name))
            .or_else(|| YEAR_IN_NEXT_COLUMN.captures(rest));
        if let Some(c) = found {
            let date = c.get(1).expect("the date group always takes part");
            findings.push(Finding::new(
                end + date.start(),
                end + date.end(),
                Category::Birthdate,
                "birthdate",
                "a date of birth right after a person's name",
            ));
        }
    }
}

/// Whether a table's header cell labels a column of birth dates (`geb.datum`, `Geboortedatum`).
pub(super) fn is_birth_date_label(cell: &str) -> bool {
    // An export's column names join their words with `_` (`geb_datum`, `date_of_birth`).
    let cell = cell.replace('_', " ");
    KEYWORD.find(&cell).is_some_and(|k| k.start() == 0) && cell.len() <= 20
}

/// Dates in the column of a table whose header cell is a birth keyword (`nr;achternaam;
/// voornaam;geb.datum;…`, `| Naam | Geboortedatum |`), and years of birth alone there (`|
/// geb. |` over `1969`).
fn in_birth_date_column(text: &str, out: &mut Vec<Finding>) {
    super::table::column_cells(text, is_birth_date_label, |start, end| {
        let cell = &text[start..end];
        let year = cell.len() == 4
            && cell
                .parse::<u16>()
                .is_ok_and(|y| (1900..=2030).contains(&y));
        if year || DATE.find(cell).is_some_and(|d| d.len() == end - start) {
            out.push(Finding::new(
                start,
                end,
                Category::Birthdate,
                "birthdate",
                "date in a table's birth-date column",
            ));
        }
    });
}

/// A date in brackets right after a family word (and a name): `mijn man Wim (12-5-1958)`.
fn in_brackets_after_family(text: &str, out: &mut Vec<Finding>) {
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let rest = &text[open + 1..];
        let Some(d) = DATE
            .find(rest)
            .filter(|d| d.start() == 0)
            .or_else(|| YEAR_ALONE.find(rest))
        else {
            continue;
        };
        if !rest[d.end()..].starts_with(')') {
            continue;
        }
        let before = super::line_before(text, open + 1, 60);
        if FAMILY.is_match(before) {
            out.push(Finding::new(
                open + 1,
                open + 1 + d.end(),
                Category::Birthdate,
                "birthdate",
                "date in brackets after a family member",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn a_date_of_birth_in_words_answering_the_question() {
        let text = "KCC: Wat is uw geboortedatum?\nBELLER: Zeven juni eenenzeventig. Postcode 1506 JD.\n\
                    KCC: En uw geboortedatum?\nSTUDENT: Zeven juni tweeduizend drie.\n\
                    KCC: Wat is uw postcode?\nBELLER: Drie juni, denk ik.\n";
        assert_eq!(
            found(text),
            ["Zeven juni eenenzeventig", "Zeven juni tweeduizend drie"]
        );
    }

    #[test]
    fn a_date_of_birth_answering_after_a_time_stamp_a_name_or_twice() {
        let text = "[00:10] HIEMSTRA: Mag ik uw geboortedatum?\n[00:13] KOOPMANS: Twee november eenenzeventig.\n";
        assert_eq!(found(text), ["Twee november eenenzeventig"]);
        let text = "TH: Kunt u uw naam en geboortedatum noemen?\nOA: Olusegun Adeyemi, achttien januari negentienvierentachtig.\n";
        assert_eq!(found(text), ["achttien januari negentienvierentachtig"]);
        let text = "M: Mag ik de geboortedatum van uw moeder?\nB: Drie mei negentien negenendertig. 3-5-1939.\n";
        assert_eq!(
            found(text),
            ["Drie mei negentien negenendertig", "3-5-1939"]
        );
        let text =
            "RLF: En de geboortedatum, voor de controle?\nMV: Drie mei zestien. Hij is negen.\n";
        assert_eq!(found(text), ["Drie mei zestien"]);
    }

    #[test]
    fn a_forms_date_of_birth_after_an_asterisk_and_leaders_or_without_separators() {
        assert_eq!(
            found("Geboortedatum*: ........... 12-03-1986\n"),
            ["12-03-1986"]
        );
        assert_eq!(found("Geboortedatum: ......... 04092013\n"), ["04092013"]);
        assert_eq!(
            found("regnr;houder;geb_datum;gem\nRP24-0000318;AMEZIAN,Y.;19970711;VLAARDINGEN\n"),
            ["19970711"]
        );
        // Eight digits elsewhere are no date of birth.
        assert!(found("KvK 04092013, opgericht 2013\n").is_empty());
        // Leaders after a label that says whose date it is.
        assert_eq!(
            found("Geboortedatum partner 1 ............ : 14-02-1993\n"),
            ["14-02-1993"]
        );
        assert!(found("Geboren in Delft. Zie de akte. 14-02-1993\n").is_empty());
    }

    #[test]
    fn a_date_of_birth_on_the_next_line_after_the_sign_or_in_two_languages() {
        assert_eq!(
            found("Lucía (5 jaar, geboren\n12 maart 2018) en Jonas (geboren\nop 2 november 1946)"),
            ["12 maart 2018", "2 november 1946"]
        );
        assert_eq!(found("BAKKER, J.W. (°8-8-66) sección"), ["8-8-66"]);
        // The asterisk of birth, not a required field's or a footnote's.
        assert_eq!(found("DE GROOT, Marinus, *1996, Boekel"), ["1996"]);
        assert_eq!(found("Wessel (zoon, *12-04-1996), moeder"), ["12-04-1996"]);
        assert!(found("Aanvraagnummer VOG *     : 2024-4590216").is_empty());
        assert!(found("zie noot 2*2024 en\n* 1996 was een goed jaar").is_empty());
        assert!(found("* Wanneer komt u?\nOp 12-03-1980 om tien uur.\n").is_empty());
        assert_eq!(
            found("Date of birth: 14 MRT/MAR 1971\n"),
            ["14 MRT/MAR 1971"]
        );
        // A temperature, and a sentence that ends before the next line.
        assert!(found("het was 20° op 12-05-2024").is_empty());
        assert!(found("Hij is geboren.\n12 maart 2018 verhuisd").is_empty());
        // The place of birth before the line ends.
        assert_eq!(
            found("mevrouw Marloes Baars, geboren te Zwolle op\n   22 augustus 1979, wonende"),
            ["22 augustus 1979"]
        );
        assert!(found("geboren en getogen in de oude binnenstad van\n22 augustus 1979").is_empty());
    }

    /// The dates of birth [`bound_to_names`] finds after the `names` (each found first in
    /// `text`).
    fn dates_after<'t>(text: &'t str, names: &[&str]) -> Vec<&'t str> {
        let mut findings: Vec<Finding> = names
            .iter()
            .map(|s| {
                let start = text.find(s).expect("the name is in the text");
                Finding::new(start, start + s.len(), Category::Name, "name", "test")
            })
            .collect();
        bound_to_names(text, &mut findings);
        findings[names.len()..]
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn a_date_of_birth_right_after_a_name() {
        let text =
            "Naomi de Bruijn (03-11-2001), J. Smit, 14-05-2024 en\nW.M. Chen      02-02-1971\n";
        // Not the day someone signed or acted.
        assert_eq!(
            dates_after(text, &["Naomi de Bruijn", "J. Smit", "W.M. Chen"]),
            ["03-11-2001", "02-02-1971"]
        );
        let text = "Geeske 17-8-1965, Yousef (03-09-2021, geboren in Gouda), Omar (2012), \
                    Van Dam (2019), Bram (2-9-2024)\n";
        assert_eq!(
            dates_after(text, &["Geeske", "Yousef", "Omar", "Van Dam", "Bram"]),
            ["17-8-1965", "03-09-2021", "2012"]
        );
        // A year alone after a child's first name, or in the next column of a register; not
        // after a surname in prose, nor a recent year in a column.
        let text = "kids Zahra 2012, Omid 2015\nAl-Khatib, Yousef\t2013\tzoon\n\
                    Kuipers 2019, Brouwer, Jan  2021  dossier\n";
        let names = [
            "Zahra",
            "Omid",
            "Al-Khatib, Yousef",
            "Kuipers",
            "Brouwer, Jan",
        ];
        assert_eq!(dates_after(text, &names), ["2012", "2015", "2013"]);
        // After the family word that opens the bracket; not a recent day there.
        let text = "Murat Arslan (echtgenoot, 02.02.1985), Jan Smit (zoon, 12-03-2024)\n";
        assert_eq!(
            dates_after(text, &["Murat Arslan", "Jan Smit"]),
            ["02.02.1985"]
        );
    }

    #[test]
    fn finds_dates_in_birth_context() {
        assert_eq!(
            found("Mijn naam is Jan, geboren op 20-04-1971. Mijn BSN"),
            vec!["20-04-1971"]
        );
        assert_eq!(found("geb. 3 maart 1980"), vec!["3 maart 1980"]);
        assert_eq!(found("Geboortedatum: 1980-03-03"), vec!["1980-03-03"]);
        // Typed into a form's boxes, one character each.
        assert_eq!(
            found("Geb.datum      | 2 7 - 0 6 - 1 9 5 5 |"),
            vec!["2 7 - 0 6 - 1 9 5 5"]
        );
        assert_eq!(
            found("Geboortedatum:      11 - 01 - 1962"),
            vec!["11 - 01 - 1962"]
        );
        assert_eq!(
            found("geboren te Amsterdam op 1 mei 1980"),
            vec!["1 mei 1980"]
        );
        assert_eq!(found("(geb. 03/03/80)"), vec!["03/03/80"]);
        assert_eq!(
            found("geboren op de zevende januari 1982 te Utrecht"),
            vec!["de zevende januari 1982"]
        );
        assert_eq!(found("geb. 1e mei 1980"), vec!["1e mei 1980"]);
        assert_eq!(found("belde boos. geb 4-4-1983, heeft"), vec!["4-4-1983"]);
        assert_eq!(
            found("Zelfde gb-datum 14-03-1986. Andere gebdat. (01-01-1988)."),
            vec!["14-03-1986", "01-01-1988"]
        );
        assert_eq!(found("(DOB approx. 1976), brother"), vec!["1976"]);
        assert_eq!(
            found("zijn vrouw Fatima (12-03-1990) en kinderen Omar (2017) en Hadia (2020) zijn"),
            vec!["12-03-1990", "2017", "2020"]
        );
        assert!(found("het besluit (2017) en de wet (2020)").is_empty());
        assert_eq!(
            found("grootvader (geb. 1931) en het gebied 1931"),
            vec!["1931"]
        );
        assert_eq!(
            found("Geb.datum ................... 2 februari 1969"),
            vec!["2 februari 1969"]
        );
        let list = "Kinderen (naam, geb.datum):\n  1. Lucas   14-02-2012\n  2. Mees   01-06-2020\n\nDatum: 3-3-2023";
        assert_eq!(found(list), vec!["14-02-2012", "01-06-2020"]);
        assert_eq!(found("geboren 20-apr-1971"), vec!["20-apr-1971"]);
        assert_eq!(found("born April 20, 1971"), vec!["April 20, 1971"]);
        // The forms of other countries and the islands.
        assert_eq!(found("Data urodzenia: 11.02.1991\n"), vec!["11.02.1991"]);
        assert_eq!(
            found("Mi fecha di nasementu ta 11-04-1974"),
            vec!["11-04-1974"]
        );
        assert_eq!(
            found("Mijn man Wim (12-5-1958) heeft astma"),
            vec!["12-5-1958"]
        );
        assert_eq!(
            found("Onze jongste (3 augustus 2019) is ziek"),
            vec!["3 augustus 2019"]
        );
        assert!(found("het besluit van Gedeputeerde Staten (12-5-2024)").is_empty());
    }

    #[test]
    fn finds_dates_in_a_birth_date_column_and_after_dot_leaders() {
        let text = "nr;achternaam;geb.datum;kavel\n001;Wolbers;03-02-1961;kavel 17\n002;Mei;19-11-1934;kavel 9\n\nDatum: 12-03-2024";
        assert_eq!(found(text), vec!["03-02-1961", "19-11-1934"]);
        let table = "| Naam | Geboortedatum | Datum melding |\n|---|---|---|\n| X | 4 mei 1980 | 5-6-2024 |\n";
        assert_eq!(found(table), vec!["4 mei 1980"]);
        // An export's column name with an underscore.
        let export =
            "aanvraagnr;ontvangen;naam;geb_datum\nA-1;06-03-2023;\"Wolf, Irma\";15-04-1983\n";
        assert_eq!(found(export), vec!["15-04-1983"]);
        // A year of birth alone, not another column's number.
        let years = "| # | verzoeker | geb. | aantal |\n|---|---|---|---|\n| 1 | Z. Rahimi | 1969 | 2024 |\n| 2 | R. Sewdien | — | 12 |\n";
        assert_eq!(found(years), vec!["1969"]);
        assert_eq!(
            found("Geboortedatum .............. 04.05.1969"),
            vec!["04.05.1969"]
        );
        assert_eq!(
            found("Geboren: op de twaalfde maart negentienhonderdvijfenvijftig"),
            vec!["de twaalfde maart negentienhonderdvijfenvijftig"]
        );
    }

    #[test]
    fn leaves_other_dates_alone() {
        assert!(found("De brief van 12 maart 2024 is ontvangen.").is_empty());
        assert!(found("Het kind is geboren. Op 12 maart 2024 kwam de brief.").is_empty());
        assert!(found("geboren\n\nDatum: 12-03-2024").is_empty());
    }
}
