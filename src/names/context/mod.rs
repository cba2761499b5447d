//! Context rules: the language and layout around a span that make it a person's name, one
//! file per family of rules:
//!
//! - [`fields`]: mail headers (`Van:`, `Aan:`, `CC:`, `From:`, `To:`), attendee lists
//!   (`Aanwezig:`, `Afwezig:`), contact and author fields (`Contactpersoon`, `Behandeld door`,
//!   `Opgesteld door`, `Notulist`), action items (`Actie:`) and `Paraaf:`;
//! - [`chat`]: chat exports (`[03-06-2024 10:15] Naam:`, `03/06/2024, 10:15 - Naam:`) and
//!   their system messages;
//! - [`letter`]: greetings (`Hoi`, `Beste`, `Geachte`) and the signature after a closing
//!   (`Met vriendelijke groet,`);
//! - [`inline`]: titles and forms of address (`mr.`, `drs.`, `de heer`, `mevrouw`), `t.n.v.`,
//!   `Mijn naam is`, and phrases that introduce a person (`afgestemd met`, `memo van`);
//! - [`structure`]: the reversed form (`Vries, J. de (Jan)`), initials with a surname, a known
//!   first name with a surname, a name before `<e-mail>` and a name followed by a function
//!   (`Jan Smit (jurist)`);
//! - [`abbreviations`]: initials that stand for a person named beside them;
//! - [`firm`]: the family name in a partnership's name (`Maatschap Wolbrink`).

mod abbreviations;
mod chat;
mod fields;
mod firm;
mod inline;
mod letter;
mod single;
mod structure;
mod table;
mod transcript;

use std::borrow::Cow;

use super::grammar::{Form, Grammar, NameParse, shape};
use super::lexicon::class;
use super::{Mention, Strength};

pub(in crate::names) use abbreviations::in_brackets_after;
pub(crate) use fields::is_person_field;
pub(crate) use inline::INTRODUCERS;
pub(crate) use transcript::used_as_organisation;

/// A line's token range `[start, end)`, `end` being its line break or the end.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    start: usize,
    end: usize,
}

pub(super) fn lines(g: &Grammar) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    // Quote markers of a replied-to message (`> `) are not part of the line.
    let content =
        |start: usize, end: usize| (start..end).find(|&k| !g.is_punct(k, '>')).unwrap_or(end);
    for (i, t) in g.tokens().iter().enumerate() {
        if t.kind == crate::names::token::Kind::Newline {
            out.push(Line {
                start: content(start, i),
                end: i,
            });
            start = i + 1;
        }
    }
    let end = g.tokens().len();
    out.push(Line {
        start: content(start, end),
        end,
    });
    out
}

/// A reversed name's first names after its comma, when they fill the cell or field that ends
/// at byte `end` (`Bos, Kevin`, `GEORGIEV, DIMITAR ANGELOV`): up to three capitalised words.
pub(super) fn given_after_comma(g: &Grammar, p: NameParse, end: usize) -> NameParse {
    let toks = g.tokens();
    let first = p.next + 1;
    let given_word = |k: usize| {
        toks.get(k).is_some_and(|t| t.end <= end)
            && (g.is_cap(k)
                || g.has(k, shape::UPPER) && g.word(k).is_some_and(|w| w.chars().count() >= 2))
    };
    let mut k = first;
    while k < first + 3 && given_word(k) && (k == first || g.spaced(k - 1)) {
        k += 1;
    }
    let fills = toks.get(k).is_none_or(|t| t.start >= end);
    if p.given.is_none() && p.initials.is_none() && g.is_punct(p.next, ',') && k > first && fills {
        NameParse {
            end: toks[k - 1].end,
            next: k,
            form: Form::Reversed,
            given: Some(g.folded(first).to_string()),
            ..p
        }
    } else {
        p
    }
}

pub(super) fn mention(
    parse: NameParse,
    rule: &'static str,
    evidence: impl Into<Cow<'static, str>>,
) -> Mention {
    Mention {
        parse,
        strength: Strength::Strong,
        rule,
        evidence: evidence.into(),
        staff: None,
    }
}

/// The one word at token `i` as a first name (`given`) or a surname.
pub(in crate::names) fn one_word(g: &Grammar, i: usize, given: bool) -> NameParse {
    let t = g.tokens()[i];
    let folded = g.folded(i).to_string();
    NameParse {
        start: t.start,
        end: t.end,
        next: i + 1,
        form: if given { Form::Given } else { Form::Surname },
        given: given.then(|| folded.clone()),
        initials: None,
        surname: (!given).then_some(folded),
    }
}

/// The folded words of tokens `[a, b)`, joined by single spaces (punctuation dropped).
pub(super) fn words_of(g: &Grammar, a: usize, b: usize) -> String {
    let mut out = String::new();
    for i in (a..b).filter(|&i| g.word(i).is_some()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(g.folded(i));
    }
    out
}

/// If the line starts with `<field>:` (or `<field>` followed by the end of the line), the
/// field's folded words and the token after the colon.
pub(super) fn field(g: &Grammar, line: Line) -> Option<(String, usize)> {
    let mut i = line.start;
    // Bullets and numbering before the field: `- Actie:`, `* Actie:`.
    while i < line.end && (g.is_punct(i, '-') || g.is_punct(i, '*') || g.is_punct(i, '•')) {
        i += 1;
    }
    // A form's item letter or number before a label with its colon (`a. Naam:`, `3) Adres:`).
    let numbered = (g.word(i).is_some_and(|w| {
        (w.len() == 1 && w.starts_with(|c: char| c.is_ascii_lowercase()))
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
    }) && (g.is_punct(i + 1, '.') || g.is_punct(i + 1, ')')))
    .then(|| label_at(g, i + 2, line))
    .flatten()
    .filter(|&(_, _, colon)| colon);
    numbered
        .or_else(|| label_at(g, i, line))
        .map(|(label, after, _)| (label, after))
}

/// The label that starts at token `i` of `line`, the token after it, and whether a colon
/// ended it.
fn label_at(g: &Grammar, i: usize, line: Line) -> Option<(String, usize, bool)> {
    let mut j = i;
    // A form marks a required field with an asterisk after its label (`Voornamen*:`); a
    // slash joins the people it may ask for (`Naam ouder/verzorger:`).
    while j < line.end
        && j - i < 8
        && (g.word(j).is_some()
            || g.is_punct(j, '.')
            || g.is_punct(j, '\'')
            || (j > i && g.is_punct(j, '*'))
            || (j > i && g.is_punct(j, '/') && g.word(j - 1).is_some() && g.word(j + 1).is_some()))
    {
        // A form's dot leader ends the label (`Naam contactpersoon ....... Jan`).
        let dots = (j..line.end).take_while(|&k| g.is_punct(k, '.')).count();
        if dots >= 3 && j > i {
            let mut after = j + dots;
            let colon = after < line.end && g.is_punct(after, ':');
            if colon {
                after += 1;
            }
            return Some((words_of(g, i, j), after, colon));
        }
        j += 1;
    }
    // A label ends at a colon, or (`Contactpersoon` above the name) at the line end.
    let colon = j < line.end && g.is_punct(j, ':');
    if j == i || !(colon || j == line.end) {
        return None;
    }
    let mut after = if colon { j + 1 } else { j };
    // Dot leaders after the colon (`Voornamen: ........ Samira`).
    if colon && g.is_punct(after, '.') && g.is_punct(after + 1, '.') {
        after += (after..line.end)
            .take_while(|&k| g.is_punct(k, '.'))
            .count();
    }
    Some((words_of(g, i, j), after, colon))
}

pub(super) fn is_bullet(g: &Grammar, i: usize) -> bool {
    ['-', '*', '•', '–'].iter().any(|&c| g.is_punct(i, c))
}

/// Finds names by their context in the text of grammar `g`.
pub fn find(g: &Grammar, text: &str, out: &mut Vec<Mention>) {
    let lines = lines(g);
    for (n, &line) in lines.iter().enumerate() {
        crate::deadline::check();
        if line.start >= line.end {
            continue;
        }
        let line_text = &text[g.tokens()[line.start].start..];
        if let Some(m) = chat::CHAT_PREFIX.find(line_text) {
            chat::chat_speaker(g, line, g.tokens()[line.start].start + m.end(), out);
        } else if chat::STAMP_AFTER_SPEAKER.is_match(line_text) {
            chat::speaker_before_stamp(g, line, out);
        }
        chat::teams_speaker(g, line, out);
        chat::contact_above_message(g, line, out);
        if let Some(m) = chat::CHAT_SYSTEM_PREFIX.find(line_text) {
            chat::chat_system_message(g, line, g.tokens()[line.start].start + m.end(), out);
        }
        fields::field_line(g, &lines, n, line, out);
        // A form may put a second field on the line after a column gap (`Handtekening: R.D.
        // ⇥ Gezien regiomanager: PTAF 18/11`).
        for k in line.start + 1..line.end {
            if g.word(k).is_some() && g.column_gap(k - 1) {
                let rest = Line { start: k, ..line };
                if field(g, rest).is_some_and(|(_, after)| after < line.end) {
                    fields::field_line(g, &lines, n, rest, out);
                }
            }
        }
        letter::greeting(g, line, out);
        // A text message exported after its label (`Bericht: Goedemorgen Lisa, …`).
        if g.word_in(
            line.start,
            &["bericht", "tekst", "message", "inhoud", "sms"],
        ) && g.is_punct(line.start + 1, ':')
            && line.start + 2 < line.end
        {
            letter::greeting(
                g,
                Line {
                    start: line.start + 2,
                    ..line
                },
                out,
            );
        }
        letter::sign_off_initials(g, line, out);
        if letter::is_closing(g, line) {
            letter::signature(g, &lines[n + 1..], out);
        } else {
            letter::signed_on_the_closing_line(g, line, out);
        }
    }
    transcript::speaker_labels(g, &lines, out);
    chat::saved_contact_labels(g, out);
    chat::named_beside_a_number(g, text, out);
    table::tables(g, text, &lines, out);
    inline::inline(g, text, out);
    firm::partnerships(g, out);
    single::single_words(g, out);
    single::lower_case_full_names(g, out);
    single::lower_case_greetings(g, out);
    single::particle_surnames(g, out);
    single::arabic_article_surnames(g, out);
    abbreviations::abbreviations(g, out);
    abbreviations::listed_initials(g, &lines, out);
    abbreviations::inline_parafen(g, out);
    abbreviations::comment_authors(g, out);
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub(super) fn starts_upper(g: &Grammar, i: usize) -> bool {
    g.word(i).is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Whether the name ending before token `i` is complete there: line end, punctuation, or
/// `en` (`Beste Jan en Piet`).
pub(super) fn ends_name(g: &Grammar, i: usize) -> bool {
    g.is_line_end(i)
        || g.tokens()[i].kind == crate::names::token::Kind::Number
        || [',', '!', '.', ';', ':', '(', '<', ')', '?']
            .iter()
            .any(|&c| g.is_punct(i, c))
        || g.word(i).is_some_and(|w| w == "en" || w == "and")
}

/// The token after any titles, forms of address and role words at `i` (`collega dr.`).
pub(super) fn after_titles_and_roles(g: &Grammar, i: usize) -> usize {
    let mut j = i;
    loop {
        let t = g.titles(j);
        if t > 0 {
            j = g.skip_wrap(j + t);
        } else if g.has(j, class::ROLE) && g.spaced(j) {
            j += 1;
        } else {
            return j;
        }
    }
}

/// Whether token `i` is a Dutch word or a compound of them (`Ruimte`, `Ververs`).
pub(super) fn is_word(g: &Grammar, i: usize) -> bool {
    let f = g.folded(i);
    g.has(i, class::WORD)
        || crate::names::lexicon::is_dutch_word(f)
        || crate::names::lexicon::is_compound_word(f)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let mut out = Vec::new();
        find(&g, text, &mut out);
        let mut v: Vec<_> = out
            .iter()
            .filter(|m| m.strength == Strength::Strong)
            .map(|m| (text[m.parse.start..m.parse.end].to_string(), m.rule))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    fn names(text: &str) -> Vec<String> {
        let mut v: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        v.dedup();
        v
    }

    #[test]
    fn contact_labels_a_phone_saved() {
        let text = "Gesprek met: +32476331802 (opgeslagen als \"Jempi Zeldenrust\") ===\n\
                    Van: +31610337260 (opgeslagen als: \"Ria OL\")\n\
                    nummer opgeslagen als \"Jeroen W keuring\". Dit\n";
        assert_eq!(
            names(text),
            vec!["Jempi Zeldenrust", "Jeroen W", "Jeroen W keuring", "Ria OL"]
        );
        // An SMS backup's XML.
        let text = "<sms address=\"+31651234987\" contact_name=\"Van Beek Henk\" type=\"1\"\n\
                    body=\"Is goed.\" />\n";
        assert_eq!(names(text), vec!["Van Beek Henk"]);
    }

    #[test]
    fn initials_that_open_an_entry_or_are_listed_together_stand_for_people() {
        let text = "Stand per vandaag:\n- P.F. (Hoogveld): studio aangeboden.\n\
                    - W.L.: kan via Housing First.\nCASUS 1 - R. P. (ZVH-2024-0217)\n\
                    Agenda morgen: K.N., D.W.. Dank.\n";
        assert_eq!(names(text), vec!["D.W.", "K.N.", "P.F.", "R. P.", "W.L."]);
        // Abbreviations, a single mention in running text, and initials before a name.
        let text = "- N.B.: let op.\n- N.V.T., V.S.: geen.\nDe B.V. (2019) belde.\n\
                    Volgens P.F. (zie boven) klopt het.\n- P.F. Hoogveld belde.\n";
        assert_eq!(names(text), vec!["P.F. Hoogveld"]);
    }

    #[test]
    fn initials_after_a_form_of_address_with_the_surname_on_the_next_line() {
        let text = "verzocht door de voorzitter, de heer J.W.\nNijsten, op 22 mei.\n";
        assert_eq!(names(text), vec!["J.W.\nNijsten"]);
    }

    #[test]
    fn a_month_before_a_surname_is_a_first_name() {
        let text = "Gisteren sprak ik met Juni Hartman.\nApril de Graaf schreef.\n\
                    De Juni Nieuwsbrief is uit, tot Mei Utrecht, op 3 Juni Bakker.\n";
        assert_eq!(names(text), vec!["April de Graaf", "Juni Hartman"]);
    }

    #[test]
    fn initials_after_an_acronym_open_a_name() {
        let text = "Met RWS J. Bakker gebeld. Gezagvoerder KAP D. Verhoef. GGD Hollands Noorden.\n\
                    Ploeg OVD Jan Hendriks meldt.\n";
        assert_eq!(names(text), vec!["D. Verhoef", "J. Bakker", "Jan Hendriks"]);
    }

    #[test]
    fn a_name_in_brackets_after_a_role_word() {
        let text = "Rustig nu. Buurman nr 20 (Zomer) klaagt. Namens zijn schoonmoeder \
                    (G. Kuipers, 81). De melder (Anoniem) belde, de aanvrager (Zaaksysteem) ook.";
        assert_eq!(names(text), vec!["G. Kuipers", "Zomer"]);
    }

    #[test]
    fn first_names_the_word_list_knows_from_idioms_are_names() {
        let text = "ja. Bram heeft foto gemaakt. Dank. Kees is uw zoon?\n\
                    Elke avond rond acht uur. Ernst: hoog. Anders dan gedacht.\n";
        assert_eq!(names(text), vec!["Bram", "Kees"]);
        // A first name that is a surname too; not the end of a place's compound.
        let text = "Screenshots van die Moussa. Hij woonde in Mazar-i-Sharif.";
        assert_eq!(names(text), vec!["Moussa"]);
    }

    #[test]
    fn a_name_introduced_in_english() {
        let text = "Good evening, my name is Youssef, Labour Authority. Her name is Kuipers.";
        assert_eq!(names(text), vec!["Kuipers", "Youssef"]);
    }

    #[test]
    fn academic_titles_without_their_dot() {
        let text = "Onze advocaat mr Buitendijk weet ervan; dr Visser ook. Het ms-nummer 4.";
        assert_eq!(names(text), vec!["Buitendijk", "Visser"]);
    }

    #[test]
    fn a_full_name_below_a_signed_first_name() {
        let text = "Met vriendelijke groet,\nWietske\n\nW. (Wietske) Snijhorst\nArts\n";
        assert_eq!(names(text), vec!["W. (Wietske) Snijhorst", "Wietske"]);
        // A quoted message's header below a signature is no name; its writer is.
        let text = "Groeten,\nJatse\n\nOn Tuesday, January 10, 2023 at 22:47, Jan wrote:\n";
        assert_eq!(names(text), vec!["Jan", "Jatse"]);
    }

    #[test]
    fn where_a_person_works_and_their_address_mark_a_name() {
        let text = "Ik sprak Hatje Oudewerf van het Openbaar Ministerie en \
                    Mila Bouzid (m.bouzid@nfi.nl) over het College van de Gemeente Utrecht.";
        assert_eq!(names(text), vec!["Hatje Oudewerf", "Mila Bouzid"]);
    }

    #[test]
    fn a_surname_or_the_name_one_goes_by_in_brackets_after_a_first_name() {
        let text = "Wesley (Jansen) voelt zich daar niet prettig bij. Ik sprak Mohamed (Mo) \
                    Haddou. Chauffeur Ramon (Arriva) belde. Erwin (Veldkamp) Vorden start.";
        let found = names(text);
        let has = |name: &str| found.iter().any(|f| f == name);
        for name in ["Jansen", "Mo", "Haddou", "Veldkamp"] {
            assert!(has(name), "{name}: {found:?}");
        }
        // An employer in brackets, and a place after the bracket, are no names.
        assert!(!has("Arriva") && !has("Vorden"), "{found:?}");
    }

    #[test]
    fn mail_headers_in_dutch_and_english() {
        let text = "Van: Jens Jonker <j.jonker@minjenv.nl>\nAan: Bijlsma, T. (Tycho); Zoë van Baalen <zoe@x.nl>\nCC: Sam, M. (Mehmet) - DGRR/DWJZ; woo@minjenv.nl\nFrom: Yılmaz, A.\nTo: Tjon A Fong, M.\n";
        assert_eq!(
            names(text),
            vec![
                "Bijlsma, T. (Tycho)",
                "Jens Jonker",
                "Sam, M. (Mehmet)",
                "Tjon A Fong, M.",
                "Yılmaz, A.",
                "Zoë van Baalen"
            ]
        );
        // A name read whole with its particle does not carry on into the next header.
        let text = "From: Kruijf, Sanne de\nSent: Friday, December 8, 2023 11:20 AM\n";
        assert_eq!(names(text), vec!["Kruijf, Sanne de"]);
        // A hyphenated first name that opens with a month.
        let text = "Cc: fmc@fiskeristyrelsen.dk; Tan, Mei-Ling <m.tan@minlvvn.nl>\n";
        assert_eq!(names(text), vec!["Tan, Mei-Ling"]);
    }

    #[test]
    fn a_forms_numbered_name_field() {
        let text = "4.2 Natuurlijke personen\na. Naam:       EL KHATIB\n   Voornamen:  Rachid\n\
                    b) Naam: CHAOUCH\n";
        assert_eq!(names(text), ["CHAOUCH", "EL KHATIB", "Rachid"]);
    }

    #[test]
    fn a_name_field_filled_in_lower_case() {
        let text = "Voornaam contactpersoon:    mohamed\nAchternaam:  de boer\nFunctie: \
                    particulier\nAchternaam: zie bijlage over de brief\n";
        assert_eq!(names(text), ["de boer", "mohamed"]);
    }

    #[test]
    fn attendee_lists_with_titles_and_wrapped_lines() {
        let text = "Aanwezig: dr. F. van Arkel (DGPenV/DJOA), Emma Ouwerkerk (DGSenB/SenS), de heer\nSchulten (Dienst Justitiële Inrichtingen), D. van Laon\nAfwezig: Hamza Die Bont\nNotulist: D. Schagen\n";
        assert_eq!(
            names(text),
            vec![
                "D. Schagen",
                "D. van Laon",
                "Emma Ouwerkerk",
                "F. van Arkel",
                "Hamza Die Bont",
                "Schulten"
            ]
        );
    }

    #[test]
    fn fields_greetings_signatures_and_paraaf() {
        let text = "Contactpersoon\nKoen van Liendert\njurist\n\nHallo Boris,\n\nGroet,\n\nJens\n\nOpgesteld door: K. van Liendert, jurist\nParaaf: ES (afdelingshoofd)\n- Actie: Van der Meulen neemt contact op.\nBeste Anna en Piet,\nGeachte heer De Vries,\n";
        assert_eq!(
            names(text),
            vec![
                "Anna",
                "Boris",
                "De Vries",
                "ES",
                "Jens",
                "K. van Liendert",
                "Koen van Liendert",
                "Piet",
                "Van der Meulen"
            ]
        );
        // Signed on the closing's own line.
        let text = "Dank voor uw hulp.\n\nVriendelijke groet, Clifton Doelwijt\n";
        assert_eq!(names(text), vec!["Clifton Doelwijt"]);
    }

    #[test]
    fn office_titles_and_functions_around_names() {
        let text = "Wethouder Van der Burg was verhinderd. Gesprek met Yasmina (mentor van de school).\nNAAM: JANSSEN, P.\n";
        assert_eq!(names(text), vec!["JANSSEN, P.", "Yasmina"]);
    }

    #[test]
    fn chat_exports() {
        let text = "[03-06-2024 10:15] Fatima El Amrani: ben er zo\n03/06/2024, 10:16 - Joost: prima\n[10:17] Kees Tjon: ok\n";
        assert_eq!(names(text), vec!["Fatima El Amrani", "Joost", "Kees Tjon"]);
        let text = "15-10-2022 14:03 - Omar Sanders heeft Jerwin Benali-Wibowo toegevoegd\n\
                    16-10-2022 - Drindra Ait Taleb heeft de groep aangemaakt\n\
                    17-10-2022 09:00 - Kees is vertrokken\n\
                    18-10-2022 - Overleg heeft plaatsgevonden\n";
        assert_eq!(
            names(text),
            vec![
                "Drindra Ait Taleb",
                "Jerwin Benali-Wibowo",
                "Kees",
                "Omar Sanders"
            ]
        );
        // A contact label holds more than the name: an organisation or an emoji.
        let text = "11-03-2024 08:02 - Noor Amrani EZK heeft Marloes IMG toegevoegd\n\
                    11-03-2024 08:15 - Henk D 🏠: Morgen allemaal\n\
                    11-03-2024 08:16 - Overleg heeft de groep aangemaakt\n\
                    [2024-01-17 07:52] Youssef OC: staat voor de deur\n";
        let found = names(text);
        for label in ["Henk D 🏠", "Marloes IMG", "Noor Amrani EZK", "Youssef OC"] {
            assert!(found.contains(&label.to_string()), "{label}: {found:?}");
        }
        assert!(!found.iter().any(|n| n.contains("Overleg")), "{found:?}");
    }

    #[test]
    fn inline_evidence() {
        let text = "Dit is afgestemd met Luuk Waltrade Walderade (coördinerend beleidsadviseur) en met mevrouw Van den Pol. \
                    Bedrag t.n.v. J. van Schweinfurt. Mijn naam is Jorn van Schweinfurt, geboren in 1980.";
        assert_eq!(
            names(text),
            vec![
                "J. van Schweinfurt",
                "Jorn van Schweinfurt",
                "Luuk Waltrade Walderade",
                "Van den Pol"
            ]
        );
    }

    #[test]
    fn account_holders_as_bank_records_and_forms_write_them() {
        let text = "Over te maken op NL32 INGB 2590 3179 99 t.n.v. Y AMRANI, of NL43RABO7561039186 tnv R van Gils.\n\
                    t.n.v.: J Hulshof h/o Bakkerij Hulshof\n\
                    IBAN ....... NL08 ABNA 0611 2093 47  t.n.v. ........ H W de Boer\n\
                    (t.n.v. H.G. Zomer en/of M.H. Zomer-Bekkers)\n\
                    Ten name van        : G M HOEKSTRA\n\
                    t.n.v. CJIB te Leeuwarden, t.n.v. Gemeente Utrecht\n";
        assert_eq!(
            texts(text),
            [
                "G M HOEKSTRA",
                "H W de Boer",
                "H.G. Zomer",
                "J Hulshof",
                "M.H. Zomer-Bekkers",
                "R van Gils",
                "Y AMRANI"
            ]
        );
    }

    #[test]
    fn organisations_and_headings_are_not_names() {
        let text = "De beleidsreactie is afgestemd met Reclassering Nederland en de Raad van State.\nA. Aanleiding\nHet Openbaar Ministerie meldt dit aan de Tweede Kamer.\nING Bank en B.V. Nederland.";
        assert!(names(text).is_empty(), "{:?}", found(text));
        // More initials than a heading's letter, or a month for a surname: a person.
        assert_eq!(
            texts("bijlage 2: verklaring A.J.M. Mei d.d. 15-01-2024\nJ. Augustus belde.\n"),
            ["A.J.M. Mei", "J. Augustus"]
        );
    }

    /// The texts of the strong mentions found in `text`.
    fn texts(text: &str) -> Vec<String> {
        let mut v: Vec<String> = found(text).into_iter().map(|(s, _)| s).collect();
        // Two rules may read the same name.
        v.dedup();
        v
    }

    #[test]
    fn paraafs_inside_a_line_and_fields_after_a_column_gap() {
        let text = "Nota is naar de lijn. Paraaf MHT binnen, wacht op SG.\n\
                    [paraaf MJG 11/3 — PBS 11/3]\n\
                    Opgesteld: 12/3      Gezien regiomanager: PTAF 18/11\n\
                    Akkoord DG, akkoord RWS.\n";
        assert_eq!(texts(text), ["MHT", "MJG", "PBS", "PTAF"]);
    }

    #[test]
    fn a_function_before_a_surname_with_capitalised_particles() {
        let text = "Betaald via dokter De Boer en dokter Van Beusekom.\n";
        assert_eq!(texts(text), ["De Boer", "Van Beusekom"]);
    }

    #[test]
    fn a_first_name_and_an_initial_before_a_column_gap() {
        let text = "08:14  UIT  +31638291055        Esther K               Verplaatst naar 10u\n";
        assert_eq!(texts(text), ["Esther K"]);
    }

    #[test]
    fn a_first_name_after_a_word_that_opens_the_sentence_stands_alone() {
        let text = "Ik kan. Neem Fatima mee van juridisch.\nJa Gerda is oké.\nKees Jansen belt.\n";
        let found = texts(text);
        assert!(found.contains(&"Fatima".to_string()), "{found:?}");
        assert!(found.contains(&"Gerda".to_string()), "{found:?}");
        assert!(!found.contains(&"Jansen".to_string()), "{found:?}");
    }

    #[test]
    fn a_first_name_that_opens_a_double_surname_is_not_alone() {
        let text = "Het lid Yılmaz-Koç heeft vragen gesteld. Yılmaz belde.\n";
        assert_eq!(texts(text), ["Yılmaz"]);
    }

    #[test]
    fn speakers_by_their_surname_in_capitals() {
        let text = "KOOISTRA: Goedemorgen Kevin.\nTJON-A-FONG: Ik was er.\nKOOISTRA: Ja.\n\
                    TJON-A-FONG: Nee.\nVOORZITTER: Dank.\nVOORZITTER: Ja.\nTOLKCENTRUM: Uw tolk.\n\
                    TOLKCENTRUM: Bel 010.\n";
        assert_eq!(texts(text), ["KOOISTRA", "Kevin", "TJON-A-FONG"]);
        // Relatives told apart by an initial; not an organisation's.
        let text = "KLOOSTERMAN (S.): Maar.\nKLOOSTERMAN (P.): Ja.\nKLOOSTERMAN (S.): Nee.\n\
                    KLOOSTERMAN (P.): Goed.\nGEMEENTE (A.): nee\nGEMEENTE (A.): ja\n";
        assert_eq!(texts(text), ["KLOOSTERMAN (P.)", "KLOOSTERMAN (S.)"]);
    }

    #[test]
    fn signal_speakers_before_their_time_stamp() {
        let text = "Gijs N. (23-12-2023 18:31): ok, 4 weigeraars\nRutger v. Z. (23-12-2023 18:33): Wie op 51?\n";
        assert_eq!(texts(text), ["Gijs N.", "Rutger v. Z."]);
    }

    #[test]
    fn authors_of_word_comments() {
        let text = "de vergunning  [Opmerking MdJ1]: zone-kaart meesturen?\nCommented [JdV2]: ok\nzie [A1] en artikel [BW7]\n";
        assert_eq!(texts(text), ["BW", "JdV", "MdJ"]);
    }

    #[test]
    fn initials_of_a_speaker_after_a_time_stamp() {
        let text = "[00:01:10] SA: En wat was voor jou het lastigste punt?\n[00:01:14] ER: Het zorgcentrum.\n";
        assert_eq!(texts(text), ["ER", "SA"]);
    }

    #[test]
    fn attendee_fields_by_their_head_noun() {
        let text = "Verplichte deelnemers: Kremer, Ilona (WSO); Nijenhuis, Gijs <g.nijenhuis@dalfsen.nl>\n";
        let f = texts(text);
        assert!(
            f.contains(&"Ilona".to_string()) || f.iter().any(|s| s.contains("Kremer")),
            "{f:?}"
        );
        assert!(f.iter().any(|s| s.contains("Nijenhuis")), "{f:?}");
        // A calendar invitation's optional attendees, a surname that is a month among them.
        let text = "Optioneel:    Wennink, Marco (BOA); Mei, Sjaak (raadslid)\nVerplicht: ja\n";
        let f = texts(text);
        assert!(f.contains(&"Mei, Sjaak".to_string()), "{f:?}");
        assert!(f.contains(&"Wennink, Marco".to_string()), "{f:?}");
    }

    #[test]
    fn attendees_with_initials_and_particles_are_separate_people() {
        let text = "Aanwezig:  J.M.A. Berends (commissaris van de Koning, voorzitter), A. Bouzid,\n           J. Scheltinga, M. Hoogerwerf-van Dam, P. de Kruijf, L. Tielemans-Ovink,\n           R. van Bommel\n";
        let spans = texts(text);
        assert!(
            spans.contains(&"M. Hoogerwerf-van Dam".to_string()),
            "{spans:?}"
        );
        assert!(spans.contains(&"P. de Kruijf".to_string()), "{spans:?}");
    }
}
