//! Office holders: names next to an office-holder title stay readable.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::grammar::{Form, Grammar, NameParse};
use super::lexicon::{self, GAZETTEER, class};
use super::token::Kind;
use crate::detect::table;
use crate::fold::{FoldedText, fold};

/// The office-holder titles as one automaton over folded text.
static OFFICE_TITLES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&GAZETTEER.office_titles)
        .ok()
});

/// Where office-holder titles stand in one text.
pub(super) struct Offices<'t> {
    text: &'t str,
    /// Original byte ranges of the titles, in text order.
    titles: Vec<Range<usize>>,
    /// Those of them that are a meeting's seats (`Voorzitter:`, `(lid)`), which a staff
    /// member may hold too.
    seats: Vec<Range<usize>>,
    /// The rest of a committee's composition after its chair (`Commissie : mr. A.C. Roskam
    /// (voorzitter), drs. K. Hazeleger, M. Smeenk`): its members.
    members: Vec<Range<usize>>,
    /// Whether the text holds a `|`, a tab or two spaces in a row, which a table row's cells
    /// need.
    has_cells: bool,
}

impl<'t> Offices<'t> {
    /// Finds the office-holder titles in a text.
    pub(super) fn find(folded: &FoldedText<'t>) -> Offices<'t> {
        let f = folded.as_str();
        let is_word = |s: usize, e: usize| {
            !f[..s].ends_with(|c: char| c.is_alphanumeric())
                && !f[e..].starts_with(|c: char| c.is_alphanumeric())
        };
        let mut titles: Vec<Range<usize>> = OFFICE_TITLES
            .as_ref()
            .map(|ac| {
                ac.find_iter(f)
                    .filter(|m| is_word(m.start(), m.end()))
                    .map(|m| folded.original_range(m.start(), m.end()))
                    .filter(|r| !surname_of(folded.original(), r.start))
                    .collect()
            })
            .unwrap_or_default();
        // In the documents of an election a candidate stands on a published list.
        if about_an_election(f) {
            titles.extend(
                f.match_indices("kandidaat")
                    .map(|(s, w)| (s, s + w.len()))
                    .filter(|&(s, e)| is_word(s, e))
                    .map(|(s, e)| folded.original_range(s, e)),
            );
            titles.sort_by_key(|r| r.start);
        }
        let mut seats = Vec::new();
        // In the minutes of an elected body or an objections committee the chair and the
        // members sit by office (`Voorzitter: Kuipers-Dam`, `mr. K.A. Smulders-Beex (lid)`,
        // `mr. L.C. Verschoor (vz)`).
        // Only where the seat is the meeting's own: a label opening its line, or in brackets
        // or after a comma with nothing after it (not `voorzitter van de oudervereniging`).
        // The members together only in brackets after their names (`mr. F. Lommerse, A.
        // Chaouch (leden)`): an advisory committee's experts sit under a `Leden:` label too.
        if meeting_of_a_public_body(f) {
            let own_seat = |seat: &str, s: usize, e: usize| {
                let before = f[..s].trim_end_matches([' ', '\t']);
                let after = f[e..].trim_start_matches([' ', '\t']);
                let bracketed = before.ends_with('(') && after.starts_with(')');
                // A label names the seat's holder, not a transcript's speaker addressing
                // someone (`VOORZITTER: Mr. Prins, u hebt de gronden aangevuld …`).
                // A question or a pronoun makes the rest a turn of speech (`VOORZITTER:
                // Mevrouw Kowalczyk, wilt u nog iets zeggen?`).
                let rest_of_line = after.split('\n').next().unwrap_or("");
                let spoken = rest_of_line.contains('?')
                    || rest_of_line
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| ["u", "ik", "je", "jij", "wij", "we"].contains(&w));
                let label = (before.is_empty() || before.ends_with('\n'))
                    && after.starts_with(':')
                    && rest_of_line.split_whitespace().count() <= 8
                    && !spoken;
                let last =
                    before.ends_with(',') && (after.is_empty() || after.starts_with(['\n', ',']));
                // `Het lid Van Beek vraagt …`: the minutes' way of naming a member.
                let the_member = seat == "lid"
                    && before.rsplit(char::is_whitespace).next() == Some("het")
                    && after.starts_with(char::is_alphabetic);
                bracketed || the_member || (seat != "leden" && (label || last))
            };
            for seat in ["voorzitter", "vz", "lid", "leden"] {
                seats.extend(
                    f.match_indices(seat)
                        .map(|(s, _)| (s, s + seat.len()))
                        .filter(|&(s, e)| is_word(s, e) && own_seat(seat, s, e))
                        .map(|(s, e)| folded.original_range(s, e)),
                );
            }
            titles.extend(seats.iter().cloned());
            titles.sort_by_key(|r| r.start);
        }
        let text = folded.original();
        let members = seats
            .iter()
            .filter_map(|seat| members_after_chair(text, seat))
            .collect();
        Offices {
            text,
            titles,
            seats,
            members,
            has_cells: memchr::memchr2(b'|', b'\t', text.as_bytes()).is_some()
                || text.contains("  "),
        }
    }

    /// The titles without a meeting's seats: what stands for a staff member's name, whom a
    /// seat at a hearing does not make public (`B.W. de Graaf-Oosterhuis (voorzitter),
    /// senior adviseur`).
    pub(super) fn without_seats(&self) -> Option<Offices<'t>> {
        (!self.seats.is_empty()).then(|| Offices {
            text: self.text,
            titles: self
                .titles
                .iter()
                .filter(|t| !self.seats.contains(t))
                .cloned()
                .collect(),
            seats: Vec::new(),
            members: Vec::new(),
            has_cells: self.has_cells,
        })
    }

    /// Whether a name at `start..end` stands right after an office-holder title (`minister
    /// Jansen`, `De minister van Justitie en Veiligheid, A. Jansen,`) or right before one in
    /// brackets (`A. Jansen (minister voor Rechtsbescherming)`).
    pub(super) fn around(&self, start: usize, end: usize) -> bool {
        // The last title before the name, on the same line (or ending the line before it)
        // and at most 120 bytes back; a list of names may stand between (`de wethouders G.J.
        // Oosterveld, Y. Bouzid en`).
        let n = self.titles.partition_point(|t| t.end <= start);
        // `Dijkgraaf, Maarten <m.dijkgraaf@…>`: a surname that is also an office, in the
        // reversed form of a mail header, before the address.
        let reversed_before_address = |t: &Range<usize>| {
            self.text[t.end..start].trim() == ","
                && self.text[t.start..].starts_with(char::is_uppercase)
                && self.text[end..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with('<')
        };
        if let Some(t) = n.checked_sub(1).map(|k| &self.titles[k])
            && !reversed_before_address(t)
            && start - t.end <= 120
            && same_line_or_next(&self.text[t.end..start])
            && !opens_with_a_name(&self.text[t.end..start])
            && office_tail(&fold(&self.text[t.end..start]), self.opens_line(t.start))
        {
            return true;
        }
        if self.after_plural_title(start) || self.before_plural_title(end) {
            return true;
        }
        if self.members.iter().any(|m| {
            m.start <= start
                && end <= m.end
                && names_between(self.text[m.start..start].trim_start_matches([',', ';']), 24)
        }) {
            return true;
        }
        // A list announced after a plural title, over several lines (`Aanwezig zijn 9 leden
        // der Kamer, te weten: Bakri-Doesburg, Huisman,⏎Nieuwenhuis en De Haan`).
        if let Some(t) = n.checked_sub(1).map(|k| &self.titles[k])
            && start - t.end <= 600
            && is_plural(&self.text[t.start..t.end])
            && let Some(list) = self.text[t.end..start]
                .trim_start()
                .strip_prefix(", te weten:")
                .or_else(|| self.text[t.end..start].trim_start().strip_prefix(':'))
            && (list.trim().is_empty() || names_between(list, 60))
        {
            return true;
        }
        if self.signed_as_office_holder(start, end)
            || self.office_in_row(start, end)
            || self.judge_of_a_ruling(start, end)
            || self.judge_in_brackets(start, end)
        {
            return true;
        }
        // `de BBB-fractie (Verweij)`: a council member in brackets after the party's group.
        let before = self.text[..start].trim_end_matches([' ', '\t']);
        if let Some(group) = before.strip_suffix('(') {
            let word = group
                .trim_end()
                .rsplit([' ', '\t', '\n'])
                .next()
                .unwrap_or("");
            if lexicon::is_party(word) && fold(word).contains("fractie") {
                return true;
            }
        }
        // `(minister voor Rechtsbescherming)`, `(CDA)` or `, burgemeester` right after the
        // name: an office, or the party a council member speaks for.
        let after = self.text[end..].trim_start_matches([' ', '\t']);
        if let Some(rest) = after
            .strip_prefix(',')
            .or_else(|| after.strip_prefix("- "))
            .or_else(|| after.strip_prefix("– "))
        {
            let rest = rest.trim_start_matches([' ', '\t']);
            let at = self.text.len() - rest.len();
            // `A. Demir, GroenLinks-PvdA` under a motion: a council member and the party,
            // which ends the line or the clause of a list (`(F. Ouali, GL-PvdA, en B. Koning,
            // VVD)`). Read a few words only: a document may be one long line.
            let window = &rest.as_bytes()[..rest.len().min(60)];
            let party = match window.iter().position(|b| b"\n,;()".contains(b)) {
                Some(n) => &rest[..n],
                None if rest.len() <= 60 => rest,
                None => "",
            };
            let party = party.split(" en ").next().unwrap_or("").trim_end();
            let party = party.strip_suffix('.').unwrap_or(party);
            let party_line = !party.is_empty()
                && party.split_whitespace().count() <= 3
                && party
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                && lexicon::is_party(party);
            if (self.title_at(at) && !self.title_opens_next_name(at))
                || (after.starts_with(',') && party_line)
            {
                return true;
            }
            if !after.starts_with(',') {
                return false;
            }
        }
        // A reversed name's first name or initials before the bracket (`Hovingh, Lex
        // (burgemeester Duiven)`) belong to the name.
        let after = match after
            .strip_prefix(',')
            .map(|a| a.trim_start_matches([' ', '\t']))
        {
            Some(rest) => {
                let word_end = rest.find([' ', '\t', '(']).unwrap_or(rest.len());
                let given = &rest[..word_end];
                let bracket = rest[word_end..].trim_start_matches([' ', '\t']);
                if !given.is_empty()
                    && given.starts_with(char::is_uppercase)
                    && given
                        .chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
                    && bracket.starts_with('(')
                {
                    bracket
                } else {
                    after
                }
            }
            None => after,
        };
        let at = self.text.len() - after.len() + 1;
        if !after.starts_with('(') {
            return false;
        }
        if let Some(close) = after.find(')')
            && lexicon::is_party(&after[1..close])
        {
            return true;
        }
        self.title_at(at)
    }

    /// Whether the name at `start` is one of a list of names right after a plural title on
    /// its line (`de wethouders G.J. Oosterveld, Y. Bouzid en`, `Kamerleden Stegeman en
    /// Yıldız`): the members are named by their surnames, even one that is a first name too.
    pub(super) fn after_plural_title(&self, start: usize) -> bool {
        let n = self.titles.partition_point(|t| t.end <= start);
        // The list may go on over the next lines when the title ends its line (`Aanwezig
        // fractievoorzitters` / `Van der Meer, Tolsma, …`), not past a blank line.
        // Or it wraps as prose does, after a comma or `en` (`gedaan door mr. A, mr. B en⏎mr.
        // C`).
        n.checked_sub(1).map(|k| &self.titles[k]).is_some_and(|t| {
            let between = &self.text[t.end..start];
            // Each line break comes right after the title, a comma or `en`.
            let breaks = between.matches('\n').count();
            let wrapped = between
                .split('\n')
                .take(breaks)
                .enumerate()
                .all(|(k, line)| {
                    let line = line.trim_end();
                    (k == 0 && line.trim().is_empty())
                        || line.ends_with(',')
                        || line.ends_with(" en")
                });
            start - t.end <= 240
                && (!between.contains('\n') || wrapped)
                && !between.contains("\n\n")
                && is_plural(&self.text[t.start..t.end])
                && names_between(&self.text[t.end..start], 24)
        })
    }

    /// Whether the name ending at `end` is one of a list of names that a plural title
    /// describes after a dash, a comma or in brackets (`R. Veldhuis, H. Çelik — raadsleden
    /// Reggedal`, `mr. F. Lommerse, A. Chaouch (leden)`).
    fn before_plural_title(&self, end: usize) -> bool {
        let n = self.titles.partition_point(|t| t.start < end);
        self.titles.get(n).is_some_and(|t| {
            let between = &self.text[end..t.start];
            let Some(list) = between
                .trim_end()
                .strip_suffix(['—', '–', '-', ',', '('])
                .map(str::trim_end)
            else {
                return false;
            };
            t.start - end <= 120
                && !between.contains('\n')
                && is_plural(&self.text[t.start..t.end])
                && (list.is_empty() || names_between(list.trim_start_matches(','), 12))
        })
    }

    /// The people named right after an office title (`Gedeputeerde Hoogerwerf-van Dam
    /// meldt`, `de burgemeester, drs. P. Jansen,`): office holders, whatever else the text
    /// calls them.
    pub(super) fn holders(&self, g: &Grammar) -> Vec<NameParse> {
        let mut out = Vec::new();
        for t in &self.titles {
            let first = g.tokens().partition_point(|tok| tok.start < t.end);
            for k in first..(first + 12).min(g.tokens().len()) {
                if g.is_line_end(k) {
                    break;
                }
                if !(g.is_cap(k) || g.is_capital_letter(k)) {
                    continue;
                }
                if let Some(p) = g.name(k, true).or_else(|| g.titled_name(k))
                    && self.around(p.start, p.end)
                {
                    out.push(p);
                    break;
                }
            }
        }
        out
    }

    /// Whether the name at `start..end` stands in a table row that gives its office in another
    /// cell (an attendance list's `J.W. Stegeman     wethouder, gemeente Almelo     JWS`, a
    /// registration's `| Bart | Huisman | … | Statenlid | BBB`). The office opens its cell or
    /// follows a comma in it, and is followed by nothing, a comma, a bracket or a name, not by
    /// a verb (`wethouder informeren`). Reads at most 300 bytes either side of the name.
    fn office_in_row(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        if !self.has_cells {
            return false;
        }
        let (line_start, line_end) = crate::detect::line_around(text, start, end, 300);
        let line = &text[line_start..line_end];
        // Not `;`: a list of recipients (`wethouder R. van der Linden; Aydın, Mehmet`).
        let Some(sep) = table::separator(line, &['|', '\t']) else {
            return false;
        };
        let first = self.titles.partition_point(|t| t.start < line_start);
        let titles = self.titles[first..]
            .iter()
            .take_while(|t| t.end <= line_end);
        let cells = table::split(line, sep);
        titles.into_iter().any(|t| {
            let Some(cell) = cells
                .iter()
                .map(|c| line_start + c.start..line_start + c.end)
                .find(|c| c.start <= t.start && t.end <= c.end)
            else {
                return false;
            };
            let opens =
                cell.start == t.start || text[cell.start..t.start].trim_end().ends_with(',');
            // A capitalised title that is also a surname is the person in that cell (`Koning
            // (Bz)` in a `wie` column).
            let title = &text[t.clone()];
            let surname =
                title.starts_with(char::is_uppercase) && GAZETTEER.is(&fold(title), class::SURNAME);
            let tail = text[t.end..cell.end].trim_start();
            let next = tail.split_whitespace().next().unwrap_or("");
            let described = next.is_empty()
                || tail.starts_with([',', '('])
                || next.starts_with(char::is_uppercase)
                || ["van", "voor", "gemeente", "provincie"].contains(&next);
            !(cell.start <= start && end <= cell.end) && opens && described && !surname
        })
    }

    /// Whether the office title at byte `at` is followed by a name of its own, so that it
    /// opens the next entry of a list (`P. Timmerman, wethouder Hofstee`, `J. Boschker,
    /// wethouder R. Hekkelman-Tuinte`) rather than saying what the name before it is (`Jan
    /// Smit, burgemeester van Delft`, `A. Bos, wethouder Financiën`).
    fn title_opens_next_name(&self, at: usize) -> bool {
        let Some(t) = self
            .titles
            .get(self.titles.partition_point(|t| t.start < at))
            .filter(|t| t.start == at)
        else {
            return false;
        };
        let rest = self.text[t.end..].trim_start_matches([' ', '\t']);
        let word = rest
            .split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .next()
            .unwrap_or_default();
        let folded = fold(word);
        // Initials open a name too (`J. Boschker, wethouder R. Hekkelman-Tuinte`).
        let initial = word.chars().count() <= 2 && rest[word.len()..].starts_with('.');
        word.starts_with(char::is_uppercase)
            && (initial
                || !GAZETTEER.is(
                    &folded,
                    class::PLACE | class::ORG | class::NOT_NAME | class::FUNCTION | class::OFFICE,
                ) && (GAZETTEER.is(&folded, class::SURNAME) || !lexicon::is_dutch_word(&folded)))
    }

    /// Whether an office title starts at byte `at`.
    fn title_at(&self, at: usize) -> bool {
        self.titles
            .get(self.titles.partition_point(|t| t.start < at))
            .is_some_and(|t| t.start == at)
    }
}

/// Whether the title at byte `at` is a surname here: capitalised after initials or a first
/// name (`S. Koning`, `Sanne Koning`), not the office (`de Koning`, `Koning Willem`).
fn surname_of(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(char::is_uppercase) {
        return false;
    }
    // Reversed, before its initials (`Koning, T.` in a roster, `Koning, Thijs;`).
    let title_end = text[at..]
        .find(|c: char| !c.is_alphabetic())
        .map_or(text.len(), |n| at + n);
    // A firm's name of partners' surnames (`Prins & Hoekstra`, `Hoekstra & Prins`), or a
    // surname in a list of surnames (`Winter → Van Vliet, Koning`).
    let partners = |s: &str| s.trim_start_matches([' ', '\t']).starts_with('&');
    let listed = text[..at]
        .trim_end_matches([' ', '\t'])
        .ends_with([',', '&', '/'])
        && GAZETTEER.is(&fold(&text[at..title_end]), class::SURNAME);
    if partners(&text[title_end..]) || listed {
        return true;
    }
    if let Some(rest) = text[title_end..].strip_prefix(", ") {
        let word = rest
            .split(|c: char| !(c.is_alphabetic() || c == '.' || c == '-'))
            .next()
            .unwrap_or_default();
        let initial =
            word.len() <= 4 && word.ends_with('.') && word.starts_with(char::is_uppercase);
        let given = word.starts_with(char::is_uppercase)
            && GAZETTEER.is(&fold(word), class::FIRST_NAME)
            && rest[word.len()..].starts_with([';', ' ', '\n', '\t', '<']);
        if initial || given {
            return true;
        }
    }
    let before = text[..at].trim_end_matches([' ', '\t']);
    if before.len() == at {
        return false;
    }
    let word = before
        .rsplit(|c: char| !(c.is_alphabetic() || c == '.'))
        .next()
        .unwrap_or_default();
    let initials = word.len() >= 2
        && word.ends_with('.')
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 2 && p.starts_with(char::is_uppercase));
    let first_name = word.starts_with(char::is_uppercase)
        && GAZETTEER.is(&fold(word), class::FIRST_NAME)
        && !GAZETTEER.is(&fold(word), class::OFFICE | class::TITLE);
    // A capitalised particle inside a sentence or a list (`(De Koning, Bouzid)`, `met Den
    // Hertog`): opening one, `De Koning` may be the King.
    let particle = ["De", "Den", "Van", "Ter", "Ten"].contains(&word)
        && !before[..before.len() - word.len()]
            .trim_end_matches([' ', '\t'])
            .is_empty()
        && !before[..before.len() - word.len()]
            .trim_end_matches([' ', '\t'])
            .ends_with(['.', '\n', '!', '?', ':']);
    initials || first_name || particle
}

/// Whether a text (folded) is about an election, whose candidates the lists published.
fn about_an_election(folded: &str) -> bool {
    [
        "kandidatenlijst",
        "kandidaatstelling",
        "kieswet",
        "verkiezing",
    ]
    .iter()
    .any(|w| folded.contains(w))
}

/// Whether a text's heading (its first 600 bytes, folded) is that of the minutes or the
/// hearing of an elected body, or a document of an objections committee (its invitation to a
/// hearing, its advice), not of a team's own meeting.
fn meeting_of_a_public_body(folded: &str) -> bool {
    let head = &folded[..floor_boundary(folded, 600)];
    let names_any = |words: &[&str]| words.iter().any(|w| head.contains(w));
    let minutes = names_any(&[
        "verslag",
        "notulen",
        "minutes",
        "besluitenlijst",
        "hoorzitting",
        "vergadering",
        "stenogram",
        "handelingen",
        "debat",
    ]);
    let body = names_any(&[
        "gemeenteraad",
        "eilandsraad",
        "island council",
        "raadsvergadering",
        "raadscommissie",
        "commissie",
        "provinciale staten",
        "bezwaarschriften",
        "bezwaarcommissie",
        "algemeen bestuur",
    ]);
    let own_team = names_any(&[
        "ondernemingsraad",
        "stuurgroep",
        "projectgroep",
        "werkgroep",
        "teamoverleg",
    ]);
    let objections_committee = names_any(&[
        "commissie bezwaarschriften",
        "bezwaarcommissie",
        "bezwaarschriftencommissie",
        "hoorcommissie",
        "adviescommissie bezwaar",
    ]);
    (minutes && body || objections_committee) && !own_team
}

/// The people named right before their party in brackets (`Vlaming (PvdD)`, `Van
/// Esch-Teunissen (PvdD)`): members of an elected body, even where the name is also a word.
pub(super) fn party_members(g: &Grammar) -> Vec<NameParse> {
    let toks = g.tokens();
    let text = g.text();
    let brackets: Vec<(usize, &str)> = (1..toks.len())
        .filter(|&i| g.is_punct(i, '('))
        .filter_map(|open| {
            let inside = &text[toks[open].end..];
            let close = inside.bytes().take(60).position(|b| b == b')')?;
            Some((open, &inside[..close])).filter(|(_, party)| !party.contains('\n'))
        })
        .collect();
    let named = named_groups(brackets.iter().map(|&(_, party)| party));
    // A chat group's members are listed with their organisations (`Leden: Ruben Dekkers
    // (COA)`); only in the minutes of an elected body is a bracket the member's group.
    let head = fold(&text[..floor_boundary(text, 600)]);
    let public_body = meeting_of_a_public_body(&head);
    let board = public_body && board_of_municipalities(&head);
    let mut out = Vec::new();
    for &(open, party) in &brackets {
        let open_at = toks[open].start;
        if !(lexicon::is_party(party)
            || named.contains(&party.trim())
            || (is_proper_name(party) && among_parties(text, open_at))
            || (is_acronym(party) && public_body && in_members_list(text, open_at))
            || (board && names_a_municipality(party) && among_municipalities(text, open_at)))
        {
            continue;
        }
        // The longest name that ends right at the bracket, on its line or at the end of the
        // line above when the bracket opens its line (`H. van den Oetelaar` / `(Lokaal X)`).
        let end = if g.is_line_end(open - 1) {
            open - 1
        } else {
            open
        };
        // The names listed before it belong to the party too (`F. de Haan, B. Hiemstra en
        // T. Veldman (Water Natuurlijk);`).
        let mut member = name_ending_at(g, end);
        while let Some(p) = member {
            // Back over the initials and particles the name may have been read without, and
            // its form of address (`dhr. Y. Kaya en mw. M. Notermans-Vliegen (Lokaal X)`).
            let mut first = toks.partition_point(|t| t.start < p.start);
            while first > 0
                && (g.is_capital_letter(first - 1)
                    || g.is_punct(first - 1, '.')
                    || g.is_lower(first - 1) && g.has(first - 1, class::PARTICLE | class::TITLE))
            {
                first -= 1;
            }
            out.push(p);
            let listed =
                first >= 2 && (g.is_punct(first - 1, ',') || g.word_in(first - 1, &["en"]));
            member = listed.then(|| name_ending_at(g, first - 1)).flatten();
        }
    }
    out.extend(signed_above_parties(g));
    out.extend(named_with_their_party(g));
    out.extend(listed_with_party_cells(g));
    out.extend(listed_under_parties(g));
    out.extend(listed_in_member_tables(g));
    out.extend(motion_signers(g));
    out
}

/// The heading of an election's candidate list (`Lijst 3 - AGRARISCH WATERBELANG`, `Lijst -
/// (ongeldig verklaard)`, `Kandidatenlijst PvdA`), or the header of a table of an elected
/// body's members (`Leden AB      aanw.   handtekening`), opening its line.
static MEMBER_TABLE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?im)^[ \t|]*(?:lijst[ \t]+(?:[0-9]+|-)|kandidatenlijst|(?:leden[ \t]+(?:ab|db|algemeen[ \t]+bestuur|dagelijks[ \t]+bestuur|gemeenteraad|raad|provinciale[ \t]+staten|staten)|raadsleden|statenleden|ab-leden)(?:[ \t]*\||[ \t]{2,}|\t))(?-u:\b)",
    )
    .expect("member table pattern compiles")
});

/// The candidates in the table under a candidate list's heading (`| 1 | Hoekstra, S. (Sjoerd)
/// | m | Doezum |`), published under the Kieswet with their place of residence, and the
/// members in a table of an elected body's members: the name that opens each row's first cell
/// that is no number, up to a blank line.
fn listed_in_member_tables(g: &Grammar) -> Vec<NameParse> {
    let text = g.text();
    let mut out = Vec::new();
    for heading in MEMBER_TABLE.find_iter(text) {
        let mut line_start = text[heading.end()..]
            .find('\n')
            .map_or(text.len(), |n| heading.end() + n + 1);
        while line_start < text.len() {
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |n| line_start + n);
            let line = &text[line_start..line_end];
            if line.trim().is_empty() {
                break;
            }
            let sep =
                table::separator(line, &['|', '\t', ';']).unwrap_or(table::Separator::Aligned);
            let cells = table::split(line, sep);
            if let Some(cell) = cells.iter().find(|c| {
                !line[(*c).clone()]
                    .trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            }) {
                out.extend(name_opening_cell(
                    g,
                    line_start + cell.start,
                    line_start + cell.end,
                ));
            }
            line_start = line_end + 1;
        }
    }
    out
}

/// Council and parliament members named with their party after `van` (`mevrouw Mulder van het
/// CDA`, `de heer Blokzijl van Lokaal Lingehoven`): the name that ends right before it.
fn named_with_their_party(g: &Grammar) -> Vec<NameParse> {
    let toks = g.tokens();
    let text = g.text();
    let mut out = Vec::new();
    for i in 1..toks.len() {
        if g.word(i) != Some("van") || !g.spaced(i - 1) || !g.spaced(i) {
            continue;
        }
        let article = usize::from(g.word_in(i + 1, &["het", "de"]) && g.spaced(i + 1));
        let Some(from) = toks.get(i + 1 + article).map(|t| t.start) else {
            continue;
        };
        if !lexicon::opens_with_a_party(&text[from..]) {
            continue;
        }
        out.extend(name_ending_at(g, i));
    }
    out.extend(named_before_their_group(g));
    out
}

/// Members named before `, fractie …` (`Vragensteller: Durk Sikkema en Aukje Hettema, fractie
/// FNP`): the names of the list that ends at the comma.
fn named_before_their_group(g: &Grammar) -> Vec<NameParse> {
    let mut out = Vec::new();
    for i in 2..g.tokens().len() {
        if !(g.word_in(i, &["fractie", "fracties"]) && g.is_punct(i - 1, ',')) {
            continue;
        }
        let mut end = i - 1;
        while let Some(p) = name_ending_at(g, end) {
            let first = g.tokens().partition_point(|t| t.start < p.start);
            out.push(p);
            // One before it in the list, after `en`, `&` or a comma.
            match first.checked_sub(1) {
                Some(k) if g.word(k) == Some("en") || g.is_punct(k, ',') || g.is_punct(k, '&') => {
                    end = k;
                }
                _ => break,
            }
        }
    }
    out
}

/// The longest name on one line that ends right before token `end`, where a member's party
/// follows it: not a first name alone, which is nobody's seat (`Gijs (AOV)`: a department).
fn name_ending_at(g: &Grammar, end: usize) -> Option<NameParse> {
    (end.saturating_sub(6)..end)
        .filter(|&k| g.is_cap(k) && (k..end).all(|j| !g.is_line_end(j)))
        .find_map(|k| {
            let first_name = g.has(k, class::FIRST_NAME) && !g.has(k, class::SURNAME);
            g.name(k, true)
                .or_else(|| g.upper_name(k))
                .or_else(|| {
                    (k + 1 == end && !first_name).then(|| super::context::one_word(g, k, false))
                })
                .filter(|p| p.next == end && p.form != Form::Given)
        })
}

/// Words after which the members of an elected body who file a motion or put questions are
/// named.
const FILED_BY: &[&str] = &[
    "motie",
    "moties",
    "amendement",
    "amendementen",
    "kamervragen",
    "raadsvragen",
    "statenvragen",
];

/// The members named by the motion, amendment or questions they filed (`motie Demir`, `de
/// motie (Van Mourik/Mulder)`, `Kamervragen van Van Dam-Reinders en El Khatib`, `het
/// amendement van het lid De Kok`): only members of an elected body file those.
fn motion_signers(g: &Grammar) -> Vec<NameParse> {
    let mut out = Vec::new();
    for k in (0..g.tokens().len()).filter(|&k| g.word_in(k, FILED_BY)) {
        let is_number = |j: usize| g.tokens().get(j).is_some_and(|t| t.kind == Kind::Number);
        let mut j = k + 1;
        // `van`, `het lid`, `de leden`, a number (`M2024-19`), a bracket: up to the names.
        for _ in 0..6 {
            let w = g.word(j).unwrap_or("");
            let filler = matches!(w, "van" | "het" | "lid" | "leden")
                || (w == "de" && g.word(j + 1) == Some("leden"))
                || w.contains(|c: char| c.is_ascii_digit())
                || is_number(j)
                || (g.glued(j) && is_number(j + 1))
                || g.is_punct(j, '(')
                || g.is_punct(j, '-');
            if !filler {
                break;
            }
            j += 1;
        }
        // The names, separated by `/`, `,` or `en`.
        for _ in 0..4 {
            let Some(p) = g
                .name(j, true)
                .filter(|p| p.form != Form::Given)
                .or_else(|| g.upper_name(j))
            else {
                break;
            };
            j = p.next;
            out.push(p);
            if !(g.is_punct(j, '/') || g.is_punct(j, ',') || g.word(j) == Some("en")) {
                break;
            }
            j += 1;
        }
    }
    out
}

/// Whether `words` are one to three capitalised words, as a party's name is (`Zaanstad
/// Beter`, `ROSA`, `D66`, `CU/SGP`, `50PLUS`).
fn is_proper_name(words: &str) -> bool {
    let words = words.split_whitespace();
    (1..=3).contains(&words.clone().count())
        && words.into_iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '/')
        })
}

/// The short names of the groups an elected body's members are written with elsewhere in the
/// text (`(voorzitter, studentfractie DAS)`, `(Internationale Studentenlijst ISL)`): a bracket
/// with only `DAS` or `ISL` names the same group.
fn named_groups<'a>(brackets: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut named = Vec::new();
    for inside in brackets.filter(|b| lexicon::is_party(b)) {
        for part in inside.split(',') {
            let name = lexicon::group_named(part).unwrap_or(part.trim());
            let short = name.rsplit(' ').next().unwrap_or("");
            if short.len() >= 2 && short.chars().all(|c| c.is_uppercase()) {
                named.push(short);
            }
        }
    }
    named
}

/// Whether a bracket's text is a group's short name in capitals (`EPA`, `MPB`).
fn is_acronym(inside: &str) -> bool {
    let inside = inside.trim();
    (2..=6).contains(&inside.len()) && inside.bytes().all(|b| b.is_ascii_uppercase())
}

/// Labels of a list of an elected body's members, folded.
const MEMBER_LABELS: &[&str] = &[
    "leden",
    "members",
    "raadsleden",
    "statenleden",
    "eilandsraadsleden",
    "council members",
];

/// Whether byte `at` stands in a list of an elected body's members (`Members: Mr. F. Pandt
/// (EPA), Ms. R. Merkman (EPA),⏎          Mr. J. Marsdin-Spanner (SDM)`), where the bracket
/// after each name gives the member's group, known or not: on a line that opens with a
/// member label, or on an indented line right under one.
fn in_members_list(text: &str, at: usize) -> bool {
    let mut line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    for _ in 0..3 {
        let line = &text[line_start..];
        let label = line
            .trim_start()
            .split_once(':')
            .map(|(l, _)| fold(l.trim()))
            .unwrap_or_default();
        if MEMBER_LABELS.contains(&label.as_str()) {
            return true;
        }
        // Only an indented line goes on the list above it.
        if line_start == 0 || !line.starts_with([' ', '\t']) {
            return false;
        }
        line_start = text[..line_start - 1].rfind('\n').map_or(0, |k| k + 1);
    }
    false
}

/// Whether the line around byte `at` names two known parties in brackets: a list of members
/// (`Leden: E. Doğan (GroenLinks), R. Smit (VVD), K. Zwart (Zaanstad Beter)`), where the
/// other brackets are local parties too. Reads at most 300 bytes either side.
fn among_parties(text: &str, at: usize) -> bool {
    let (start, end) = crate::detect::line_around(text, at, at, 300);
    text[start..end]
        .split('(')
        .skip(1)
        .filter_map(|s| s.split_once(')'))
        .filter(|(inside, _)| lexicon::is_party(inside))
        .count()
        >= 2
}

/// Whether the heading (folded) of a public body's meeting is that of a general or executive
/// board (`VERSLAG extra vergadering ALGEMEEN BESTUUR`): in a joint body of municipalities (a
/// safety region, a GGD) the members are their mayors and aldermen, named with their
/// municipality.
fn board_of_municipalities(head: &str) -> bool {
    ["algemeen bestuur", "dagelijks bestuur"]
        .iter()
        .any(|b| head.contains(b))
}

/// The largest character boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether a bracket after a name names a municipality, with a seat before or after it at
/// most (`(Heerlen, vicevoorzitter)`, `(voorzitter, Maastricht)`, `(Valkenburg aan de Geul)`,
/// `(Sittard-Geleen)`).
fn names_a_municipality(inside: &str) -> bool {
    inside.split(',').take(2).any(|part| {
        let part = part.trim();
        let word = part.split([' ', '-']).next().unwrap_or("");
        word.starts_with(char::is_uppercase)
            && part.split_whitespace().count() <= 4
            && GAZETTEER.is(&fold(word), class::PLACE)
    })
}

/// Whether two municipalities stand in brackets within 300 bytes of `at`: the board's
/// attendance list (`dhr. G.J. Nijsten (Heerlen), dhr. J. Geilenkirchen (Sittard-Geleen)`).
fn among_municipalities(text: &str, at: usize) -> bool {
    let start = floor_boundary(text, at.saturating_sub(300));
    let end = floor_boundary(text, at + 300);
    text[start..end]
        .split('(')
        .skip(1)
        .filter_map(|s| s.split_once(')'))
        .filter(|(inside, _)| names_a_municipality(inside))
        .count()
        >= 2
}

/// A party's label without the number of its seats in brackets after it (`CDA (5)`).
fn without_seat_count(label: &str) -> &str {
    label
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .filter(|(_, seats)| !seats.is_empty() && seats.bytes().all(|b| b.is_ascii_digit()))
        .map_or(label, |(party, _)| party.trim_end())
}

/// Members listed after their party's label in an attendance list (`  CDA:  M. Hulshof, G.
/// Smit,` and the indented lines that continue it): every name in the list.
fn listed_under_parties(g: &Grammar) -> Vec<NameParse> {
    let text = g.text();
    let toks = g.tokens();
    let mut out = Vec::new();
    let mut in_list = false;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |n| line_start + n);
        let line = &text[line_start..line_end];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // A label is a few capitalised words before a colon (`Lokaal Belang:`, `D66:`), with
        // the group's seats in brackets perhaps (`Lokaal Meierveld (7):`).
        let label = trimmed
            .split_once(':')
            .map(|(l, _)| without_seat_count(l))
            .filter(|l| is_proper_name(l));
        let names_from = match label {
            Some(l) if lexicon::is_party(l) => {
                in_list = true;
                line_start + indent + l.len() + 1
            }
            None if in_list && indent > 0 && !trimmed.contains(':') => line_start + indent,
            _ => {
                in_list = false;
                line_end
            }
        };
        let mut k = toks.partition_point(|t| t.start < names_from);
        while k < toks.len() && toks[k].end <= line_end {
            let parse = (g.is_cap(k) || g.is_capital_letter(k))
                .then(|| g.name(k, true).or_else(|| g.upper_name(k)))
                .flatten()
                .filter(|p| p.end <= line_end && p.form != Form::Given);
            match parse {
                Some(p) => {
                    k = p.next;
                    out.push(p);
                }
                None => k += 1,
            }
        }
        line_start = line_end + 1;
    }
    out
}

/// The members in the rows of a table with a party column (`Schreurs, B. (vz)      Lokaal
/// Swalmdal      BS`, `| Demir, S. | CDA |`): the name that opens a row with a party in a cell
/// of its own, where two or more rows have one (a column, not a stray word).
fn listed_with_party_cells(g: &Grammar) -> Vec<NameParse> {
    let text = g.text();
    let mut rows = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |n| line_start + n);
        let line = &text[line_start..line_end];
        let sep = table::separator(line, &['|', '\t', ';']).unwrap_or(table::Separator::Aligned);
        let cells = table::split(line, sep);
        if cells.len() < 2 {
            line_start = line_end + 1;
            continue;
        }
        // A party alone in its cell, or in brackets after the body (`AB Wetterskip (PvdA)`).
        let party = |cell: &str| {
            let cell = cell.trim();
            lexicon::is_party(cell)
                || cell
                    .strip_suffix(')')
                    .and_then(|c| c.rsplit_once('('))
                    .is_some_and(|(_, p)| lexicon::is_party(p))
        };
        // The row's number does not count as its first cell (`| 4 | Pier Tolsma | …`), nor
        // does a party column before the names (`| BBB | Gerrit Oudejans | …`).
        let first = cells
            .iter()
            .position(|c| {
                let cell = &line[c.clone()];
                !cell.trim().bytes().all(|b| b.is_ascii_digit()) && !party(cell)
            })
            .unwrap_or(0);
        let party_cell = |(k, c): (usize, &Range<usize>)| k != first && party(&line[c.clone()]);
        if cells.iter().enumerate().any(party_cell) {
            rows.push(name_opening_cell(
                g,
                line_start + cells[first].start,
                line_start + cells[first].end,
            ));
        }
        line_start = line_end + 1;
    }
    if rows.len() < 2 {
        return Vec::new();
    }
    rows.into_iter().flatten().collect()
}

/// The name, reversed or not, that opens the table cell at bytes `at..cell_end` and ends in
/// it; not a first name alone.
fn name_opening_cell(g: &Grammar, at: usize, cell_end: usize) -> Option<NameParse> {
    let k = g.tokens().partition_point(|t| t.start < at);
    g.tokens()
        .get(k)
        .filter(|t| t.start == at)
        .and_then(|_| g.reversed(k).or_else(|| g.name(k, true)))
        .filter(|p| p.end <= cell_end && p.form != Form::Given)
}

/// Names signed side by side above a line of their parties (a motion's `K. Blokzijl      D.
/// Roozendaal` / `Lokaal Lingehoven      PVV`): each name above its party's column.
fn signed_above_parties(g: &Grammar) -> Vec<NameParse> {
    let text = g.text();
    let toks = g.tokens();
    let mut out = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |n| line_start + n);
        let next_end = text[(line_end + 1).min(text.len())..]
            .find('\n')
            .map_or(text.len(), |n| line_end + 1 + n);
        // A blank line names nobody: the party line under it is not asked about.
        if line_end < text.len() && !text[line_start..line_end].trim().is_empty() {
            let below = &text[line_end + 1..next_end];
            let cells = table::split(below, table::Separator::Aligned);
            if !cells.is_empty() && cells.iter().all(|c| lexicon::is_party(&below[c.clone()])) {
                for cell in cells {
                    // Typed columns drift by a space or two between the lines.
                    let at = line_start + cell.start;
                    let from = at.saturating_sub(3).max(line_start);
                    let k = toks.partition_point(|t| t.start < from);
                    let opens_cell = |t: &crate::names::token::Token| {
                        t.start <= at + 3
                            && t.end <= line_end
                            && (t.start == line_start
                                || text[..t.start].ends_with(char::is_whitespace))
                    };
                    if let Some(p) = toks
                        .get(k)
                        .filter(|t| opens_cell(t))
                        .and_then(|_| g.name(k, true))
                        .filter(|p| p.end <= line_end && p.form != Form::Given)
                    {
                        out.push(p);
                    }
                }
            }
        }
        line_start = line_end + 1;
    }
    out
}

impl Offices<'_> {
    /// A name on its own line below the title it signs with (`De Minister van Justitie en
    /// Veiligheid,` / blank line / `D. Yeşilgöz-Zegerius`). A `namens deze` line in between
    /// makes the signer a civil servant, so only the title line itself counts; and the name
    /// fills its line, as a signature does.
    /// Whether only white space stands before byte `at` on its line.
    fn opens_line(&self, at: usize) -> bool {
        let before = &self.text[..at];
        before[before.rfind('\n').map_or(0, |k| k + 1)..]
            .trim()
            .is_empty()
    }

    /// Whether the name is a judge's, cited with the ruling: a `mr.` right after a ruling's
    /// ECLI number or its `raadsheren` and a comma (`ECLI:NL:RBDHA:2023:6721, mr. H.A.
    /// Bergsma`). In brackets, see [`Offices::judge_in_brackets`].
    fn judge_of_a_ruling(&self, start: usize, end: usize) -> bool {
        // Asked of every name: most have no `mr.` before them.
        let titled = |s: &str| ["mr.", "mrs.", "mr"].iter().any(|t| s.ends_with(t));
        let name = &self.text[start..end];
        if !(titled(self.text[..start].trim_end())
            || name.starts_with("mr.")
            || name.starts_with("mrs."))
        {
            return false;
        }
        let (line_start, _) = crate::detect::line_around(self.text, start, end, 120);
        let mut before = self.text[line_start..start].trim_end();
        if let Some(b) = ["mr.", "mrs.", "mr"]
            .iter()
            .find_map(|t| before.strip_suffix(t))
        {
            before = b.trim_end();
        } else if !(name.starts_with("mr.") || name.starts_with("mrs.")) {
            return false;
        }
        // Right after the number, before a comma (not `de rechtbank heeft beslist, mr. X,
        // advocaat`).
        let Some(before) = before.strip_suffix([',', ';']) else {
            return false;
        };
        let mut from = before.len().saturating_sub(50);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let near = fold(&before[from..]);
        ["ecli:", "raadsheren"]
            .iter()
            .any(|court| near.contains(court))
    }

    /// Whether a name in brackets is a judge's, as a ruling is cited: a court before the
    /// bracket or in it, and the judges' title before the name or the list it ends (`het Hof
    /// (mrs. J.A.M. Dohmen-Vrancken, P.H. Kortenhorst en R. Ahmadi)`, `(voorzieningenrechter⏎
    /// mr. C.M. Ruitenberg)`, `door de voorzieningenrechter (uitspraak 22 augustus 2024, UTR
    /// 24/3381, mr. J.P. Wolters)`). Not a lawyer's (`advocaat`, `gemachtigde`).
    fn judge_in_brackets(&self, start: usize, end: usize) -> bool {
        let mut from = start.saturating_sub(200);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = &self.text[from..start];
        let Some(open) = before.rfind('(') else {
            return false;
        };
        let inside = fold(&before[open + 1..]);
        let close = self.text.as_bytes()[end..]
            .iter()
            .take(80)
            .position(|&b| b == b')')
            .unwrap_or(0);
        let after = fold(&self.text[end..end + close]);
        let lawyer = |t: &str| {
            ["advoca", "gemachtigde", "namens"]
                .iter()
                .any(|w| t.contains(w))
        };
        if inside.contains(')') || lawyer(&inside) || lawyer(&after) {
            return false;
        }
        // The title, and only names between it and this one.
        let raw_inside = &before[open + 1..];
        let titled_name = self.text[start..end]
            .get(..2)
            .is_some_and(|t| t.eq_ignore_ascii_case("mr"));
        let list = if titled_name {
            Some("")
        } else {
            ["mrs. ", "mr. ", "Mr. ", "mr "]
                .iter()
                .filter_map(|t| raw_inside.rfind(t).map(|k| &raw_inside[k + t.len()..]))
                .min_by_key(|l| l.len())
        };
        let titled = list.is_some_and(|l| l.trim().is_empty() || names_between(l, 16));
        let mut court_from = open.saturating_sub(60);
        while !before.is_char_boundary(court_from) {
            court_from += 1;
        }
        let around = format!("{} {inside}", fold(&before[court_from..open]));
        let words: Vec<&str> = around
            .split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '.'))
            .collect();
        titled
            && (words.iter().any(|w| {
                matches!(*w, "hof" | "rb." | "crvb" | "cbb")
                    || w.starts_with("ecli:")
                    || w.ends_with("rechter")
                    || w.starts_with("raadshe")
                    || *w == "rechtbank"
                    || *w == "gerechtshof"
            }) || [
                "raad van state",
                "raad van beroep",
                "college van beroep",
                "hoge raad",
            ]
            .iter()
            .any(|c| around.contains(c)))
    }

    fn signed_as_office_holder(&self, start: usize, end: usize) -> bool {
        // Nothing but spaces and a comma after the name on its line, or a column gap and the
        // next signer's name (read up to the first other character only: a document may be
        // one long line).
        let after = self.text[end..].trim_start_matches(['\t', ',', '\r']);
        let gap = after.starts_with("  ");
        let after = after.trim_start_matches(' ');
        if !(after.is_empty() || after.starts_with('\n') || gap) {
            return false;
        }
        let line_start = self.text[..start].rfind('\n').map_or(0, |n| n + 1);
        let before = &self.text[line_start..start];
        // The first column, or a later one after a gap (`K.W. Struijk      A.C. Verdonschot`).
        if !(before.trim().is_empty() || before.ends_with("  ")) {
            return false;
        }
        let Some(above) = self.text[..line_start]
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
        else {
            return false;
        };
        let signs = |cell: &str| {
            let cell = fold(cell.trim());
            let title = cell
                .strip_prefix("de ")
                .or_else(|| cell.strip_prefix("het "))
                .unwrap_or(&cell);
            OFFICE_TITLES
                .as_ref()
                .and_then(|ac| ac.find(title))
                .is_some_and(|m| m.start() == 0 && office_tail(&title[m.end()..], false))
        };
        if before.trim().is_empty() && !gap {
            return signs(above);
        }
        // Signers side by side: the title in the same column above the name. The secretary
        // who signs beside the mayor (`de secretaris,      de burgemeester,`) signs for the
        // college too.
        let column = before.chars().count();
        let cells = crate::detect::table::split(above, crate::detect::table::Separator::Aligned);
        let title_of = |c: &std::ops::Range<usize>| {
            let at = above[..c.start].chars().count();
            (at + 3 >= column && at <= column + 3).then(|| &above[c.clone()])
        };
        // A signer's title ends with its comma (`de burgemeester,`); a table's cell above a
        // name (`Koning` over `Olde Rikkert`) is no title.
        let Some(title) = cells
            .iter()
            .find_map(title_of)
            .filter(|t| t.trim_end().ends_with(','))
        else {
            return false;
        };
        let secretary = fold(title.trim().trim_end_matches(','))
            .trim_start_matches("de ")
            .eq("secretaris");
        signs(title) || (secretary && cells.iter().any(|c| signs(&above[c.clone()])))
    }
}

/// Whether an office title names several holders (`de wethouders`, `Gedeputeerden`), so
/// that a list of names may follow it; after `dijkgraaf Wigger, B. Oosterveld` the second
/// is someone else.
/// The list after a chair's bracketed seat that opens a label's value on its line (`Commissie
/// : mr. A.C. Roskam (voorzitter), drs. K. Hazeleger, M. Smeenk`, `Samenstelling: … (vz), …`),
/// up to its secretary (`— secretaris W. Lathouwers`) or the end of the list's line.
fn members_after_chair(text: &str, seat: &Range<usize>) -> Option<Range<usize>> {
    let chair = text[seat.clone()].to_ascii_lowercase();
    if !(chair == "voorzitter" || chair == "vz")
        || !text[..seat.start].ends_with('(')
        || !text[seat.end..].starts_with(')')
    {
        return None;
    }
    let line_start = text[..seat.start].rfind('\n').map_or(0, |k| k + 1);
    // The chair opens the label's value.
    let (label, chair_entry) = text[line_start..seat.start - 1].split_once(':')?;
    if label.trim().is_empty() || label.len() > 30 || label.contains(',') {
        return None;
    }
    if chair_entry.contains([',', ';', '(']) {
        return None;
    }
    let from = seat.end + 1;
    // The list goes on over the next line after a comma (`…, mr. K.A. Smulders-Beex,⏎drs. A.
    // Bouzid`).
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |k| at + k);
    let mut list_end = line_end(from);
    while text[from..list_end].trim_end().ends_with(',') && list_end < text.len() {
        list_end = line_end(list_end + 1);
    }
    let list = &text[from..list_end];
    if !list.trim_start().starts_with([',', ';']) {
        return None;
    }
    // A board whose other entries have roles of their own (`(secr, notulen)`, `(penn)`) is an
    // association's, not a committee of members; a member's party may stand in brackets.
    let roles = list.split('(').skip(1).filter_map(|b| b.split_once(')'));
    if roles
        .map(|(inside, _)| inside)
        .any(|inside| !lexicon::is_party(inside))
    {
        return None;
    }
    let end = ["—", " – ", " - ", "secretaris", "Secretaris"]
        .iter()
        .filter_map(|stop| list.find(stop))
        .min()
        .map_or(list_end, |k| from + k);
    Some(from..end)
}

fn is_plural(title: &str) -> bool {
    // A court's bench (`Deze uitspraak is gedaan door`, `gewezen door`) is a list of judges.
    if fold(title).ends_with(" door") {
        return true;
    }
    // The head is the first word, or the last of a phrase (`vragen van de leden`).
    let words: Vec<&str> = title.split_whitespace().collect();
    let heads = [words.first(), words.last()];
    heads
        .into_iter()
        .flatten()
        .any(|w| is_plural_head(&fold(w)))
}

fn is_plural_head(word: &str) -> bool {
    [
        "wethouders",
        "raadsleden",
        "gedeputeerden",
        "burgemeesters",
        "statenleden",
        "kamerleden",
        "fractievoorzitters",
        "staatssecretarissen",
        "ministers",
        "leden",
    ]
    .contains(&word)
}

/// Whether only other names stand between a title and a name, as in a list after a plural
/// title (`de wethouders G.J. Oosterveld, Y. Bouzid en H. Lubbers`), at most `at_most` words.
fn names_between(between: &str, at_most: usize) -> bool {
    // What a member's entry says in brackets (`Nieuwenhuis (voorzitter, CDA),`) is skipped.
    let mut depth = 0usize;
    let between: String = between
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect();
    let words: Vec<&str> = between.split_whitespace().collect();
    // `t.a.v. de heer H.J. Tuinstra en mevrouw F. Yıldız`: forms of address go with a name.
    let addressing = |w: &str| {
        let f = fold(w.trim_end_matches('.'));
        f == "t.a.v" || lexicon::TITLES.contains(&f.as_str())
    };
    !words.is_empty()
        && words.len() <= at_most
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', ';']);
            // `en`, or a note's `+` and `&` (`Kamerleden Stegeman + Yıldız`).
            matches!(w, "en" | "+" | "&")
                || addressing(w)
                || lexicon::is_particle(&fold(w))
                || (w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'')))
        })
}

/// Whether the text after an office title opens with a name whose particle is capitalised
/// (`Gedeputeerde Van Wijngaarden-Schol dankt de heer Jansen`, `Minister Van der
/// Wal en de heer Jansen`): the office holder's own name,
/// not the office's `van` (`minister van Financiën`); a name after it is someone else's.
fn opens_with_a_name(between: &str) -> bool {
    let mut words = between.split_whitespace();
    words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && lexicon::is_particle(&fold(w)))
        && words
            // `Van der Wal`
            .find(|w| !lexicon::is_particle(w))
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// What may stand between an office title and the name: `van/voor <words>` and a comma.
/// Whether the text between an office and a name stays on one line, or the office ends its
/// line and a title and the name open the next, as prose wraps (`(rechter⏎mr. C.J.
/// Verbrugge)`). Not a name alone there, which may follow a heading (`3. Contacten met de
/// wethouder⏎Mertens zegt …`), nor an indented line, as the next row of a table is
/// (`woordvoerder burgemeester⏎  K. Amrani`).
fn same_line_or_next(between: &str) -> bool {
    match between.split_once('\n') {
        None => true,
        Some((before, after)) => {
            before.trim().is_empty()
                && !after.starts_with(char::is_whitespace)
                && !after.trim().is_empty()
                && !after.contains('\n')
        }
    }
}

fn office_tail(rest: &str, opens_line: bool) -> bool {
    // `Griffier: mevrouw D. van Boxtel`: the office as a field's label opening its line,
    // aligned or not (not `nota naar minister: Verbeek`, who writes it).
    let label = rest.trim_start().strip_prefix(':').filter(|_| opens_line);
    // Columns of a table are apart by several spaces: a title in one column does not
    // describe the name in the next (`nota naar minister      IKS`).
    if label.is_none() && (rest.contains("   ") || rest.contains('\t')) {
        return false;
    }
    let mut rest = label.map_or(rest, |r| r.trim_start()).trim_end();
    // Academic titles and forms of address before the name (`De statengriffier, mr. I.M.
    // Roodbeen`, `De burgemeester van Aarlebroek, dhr. W.A. Hagenaars`).
    while let Some(word_start) = rest.rfind(char::is_whitespace).map(|k| k + 1).or(Some(0))
        && rest.len() > word_start
        && [
            "mr.", "drs.", "dr.", "ir.", "ing.", "prof.", "mr", "drs", "dr", "ir", "dhr.", "dhr",
            "mw.", "mw", "mevr.", "mevrouw", "heer",
        ]
        .contains(&rest[word_start..].to_lowercase().as_str())
    {
        rest = rest[..word_start].trim_end();
        // `de heer`; right after the title, without a comma, it opens the object (`of de
        // wethouder de heer Stam wil terugbellen`), not the holder's name.
        rest = match rest.strip_suffix("de") {
            Some(before) if before.trim().is_empty() && label.is_none() => return false,
            Some(before) if before.is_empty() || before.ends_with(' ') => before.trim_end(),
            _ => rest,
        };
    }
    let rest = rest.strip_suffix(',').unwrap_or(rest).trim_end();
    if rest.is_empty() {
        return true;
    }
    if label.is_some() {
        return false;
    }
    if !rest.starts_with(|c: char| c.is_whitespace()) {
        return false;
    }
    let rest = rest.trim_start();
    // `Rechter is mr. Wiersma-Ateş`.
    if matches!(rest, "is" | "was") {
        return true;
    }
    // A candidate's place on the list (`kandidaat nr. 1, S. Hoekstra`, `kandidaat 9 Mulder`).
    let place = rest.strip_prefix("nr.").unwrap_or(rest).trim_start();
    if !place.is_empty() && place.len() <= 3 && place.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    (rest.starts_with("van ") || rest.starts_with("voor ") || rest.starts_with("der "))
        && rest.len() <= 80
        && !rest.contains(['.', ';', ':', '(', ')', ','])
}
