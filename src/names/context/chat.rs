//! Chat exports: the speaker of each message and the people in system messages.

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, mention, used_as_organisation};
use crate::fold::fold;
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NameParse, shape};
use crate::names::lexicon::class;

/// The date that opens a chat app's system message, with or without a time:
/// `15-10-2022 14:03 - ` or `15-10-2022 - ` before `Jan heeft Piet toegevoegd`.
pub(super) static CHAT_SYSTEM_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20\t]*\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?(?:[\x20\t]+\d{1,2}[:.]\d{2}(?::\d{2})?)?\]?[\x20\t]+-[\x20\t]+")
        .expect("chat system prefix pattern compiles")
});

/// The last word of a chat app's system message about people (`… heeft Piet toegevoegd`,
/// `Jan is vertrokken`, `Jan heeft de groep aangemaakt`).
pub(super) const CHAT_SYSTEM_VERBS: &[&str] = &[
    "toegevoegd",
    "verwijderd",
    "vertrokken",
    "aangemaakt",
    "gewijzigd",
    "deelgenomen",
    "added",
    "removed",
    "left",
    "created",
    "changed",
    "joined",
];

/// The time stamp that opens a chat line: a date in figures or with its month in letters
/// (`[12 mrt 2024, 21:14]`) and a time, or a time alone (`[09:14]`).
pub(super) static CHAT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(?:\[?(?:\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[\x20](?i:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?(?:[\x20]\d{4})?),?[\x20\t]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:[\x20\t]?[AaPp][Mm])?\]?[\x20\t]*(?:-[\x20\t]*)?|\[\d{1,2}:\d{2}(?::\d{2})?\][\x20\t]*)",
    )
    .expect("chat prefix pattern compiles")
});

/// A speaker before the time stamp, as Signal exports it: `Gijs N. (23-12-2023 18:31): …`.
/// The capture ends where the speaker's label ends.
pub(super) static STAMP_AFTER_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*[^\n(:\[]{1,60}?[\x20\t]*\(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[\x20\t]+\d{1,2}[:.]\d{2}(?::\d{2})?\)[\x20\t]*:",
    )
    .expect("stamp-after-speaker pattern compiles")
});

/// The speaker of a line that opens with its label and then the time stamp (Signal).
pub(super) fn speaker_before_stamp(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let i = line.start;
    let Some(paren) = (i..line.end).find(|&k| g.is_punct(k, '(')) else {
        return;
    };
    let parsed = g
        .name(i, true)
        .filter(|p| p.next == paren)
        .or_else(|| g.given_alone(i).filter(|p| p.next == paren))
        .or_else(|| speaker_words(g, i, paren));
    if let Some(p) = parsed {
        out.push(mention(p, "name.chat", "chat speaker"));
    }
}

/// The speaker of a chat line, between the time stamp and the colon.
pub(super) fn chat_speaker(g: &Grammar, line: Line, speaker_start: usize, out: &mut Vec<Mention>) {
    let Some(mut i) = (line.start..line.end).find(|&k| g.tokens()[k].start >= speaker_start) else {
        return;
    };
    // WhatsApp marks a sender who is not in the phone's contacts with a tilde (`~ Peppino:`).
    if g.is_punct(i, '~') {
        i += 1;
    }
    // An SMS backup gives the direction and an arrow before the contact (`IN <- Henk vH
    // kaas`, `UIT -> Henk vH kaas`): the contact fills the rest of the line.
    let arrow = sms_arrow_end(g, i, line.end);
    if let Some(after) = arrow {
        i = after;
    }
    // The speaker ends at a colon (`Jan:`, `Jan (IenW):`) or at an SMS backup's `>>`, or
    // fills the line (Teams: `[13:17] Jan de Vries` above the message).
    let colon = (i..line.end)
        .find(|&k| g.is_punct(k, ':') || (g.is_punct(k, '>') && g.is_punct(k + 1, '>')))
        .filter(|&c| c - i <= 12);
    let fits = |p: &NameParse| match colon {
        Some(c) => {
            p.next == c || (g.is_punct(p.next, '(') && (p.next..c).any(|k| g.is_punct(k, ')')))
        }
        None => g.is_line_end(p.next),
    };
    let parsed = g
        .name(i, true)
        .filter(&fits)
        .or_else(|| g.given_alone(i).filter(&fits))
        .or_else(|| speaker_words(g, i, colon.unwrap_or(line.end)))
        // `[00:00:45] LOLKJE: …`: a transcript writes its speakers in capitals.
        .or_else(|| first_name_in_capitals(g, i).filter(&fits))
        // `[21-03-2024, 19:58:40] April: …`: a month that speaks is someone's name.
        .or_else(|| month_as_speaker(g, i).filter(&fits))
        // `[00:01:10] SA: …`: the initials of a speaker in a transcript.
        .or_else(|| {
            g.initials_alone(i)
                .filter(&fits)
                .filter(|_| g.word(i).is_some_and(|w| !used_as_organisation(g, w)))
        });
    if let Some(p) = parsed {
        out.push(mention(p, "name.chat", "chat speaker"));
        return;
    }
    // A contact name with more after the name (`Lotte H RWS`, `Daan Mulder omgeving`): the
    // whole label names the speaker.
    if let Some(c) = colon.or(arrow.map(|_| line.end))
        && let Some(p) = g.name(i, true).or_else(|| g.given_alone(i))
        && !tagged_with_an_office(g, p.next, c)
        && let Some(p) = whole_contact_name(g, p, c)
    {
        out.push(mention(
            p,
            "name.chat",
            "chat speaker (the whole contact name)",
        ));
    }
}

/// A capitalised month at `i` in a chat line's speaker slot (`April:`): a first name or
/// surname there, as no date speaks.
fn month_as_speaker(g: &Grammar, i: usize) -> Option<NameParse> {
    (g.is_cap(i) && g.word_in(i, crate::fold::MONTHS)).then(|| super::one_word(g, i, true))
}

/// A first name written in capitals at `i` (`LOLKJE`), not a word, place or organisation.
fn first_name_in_capitals(g: &Grammar, i: usize) -> Option<NameParse> {
    let not_a_name = class::WORD | class::ORG | class::PLACE | class::NOT_NAME | class::TITLE;
    (g.has(i, shape::UPPER)
        && g.has(i, class::FIRST_NAME)
        && !g.has(i, not_a_name)
        && g.str(i).chars().count() >= 3)
        .then(|| super::one_word(g, i, true))
}

/// Where the contact starts after an SMS backup's direction and arrow at token `i` (`IN <-`,
/// `UIT ->`, `->`), if they are there.
fn sms_arrow_end(g: &Grammar, i: usize, end: usize) -> Option<usize> {
    let direction = g.word_in(i, &["in", "uit", "out", "ontvangen", "verzonden"]);
    let k = i + usize::from(direction);
    let arrow = (g.is_punct(k, '<') && g.is_punct(k + 1, '-'))
        || (g.is_punct(k, '-') && g.is_punct(k + 1, '>'));
    (arrow && k + 2 < end).then_some(k + 2)
}

/// The contact labels a phone's report quotes after `opgeslagen als` (`Gesprek met:
/// +32476331802 (opgeslagen als "Jempi Zeldenrust")`, `opgeslagen als: "Ria OL"`): what the
/// phone's owner saved for the person, read whole (`"Jeroen W keuring"`). So are the contact
/// names of an SMS backup in XML (`contact_name="Van Beek Henk"`).
pub(super) fn saved_contact_labels(g: &Grammar, out: &mut Vec<Mention>) {
    let quote = |k: usize| ['"', '“', '”'].iter().any(|&c| g.is_punct(k, c));
    let text = g.text();
    for k in 0..g.tokens().len().saturating_sub(3) {
        let open = if g.word_in(k, &["opgeslagen", "saved"]) && g.word_in(k + 1, &["als", "as"]) {
            k + 2 + usize::from(g.is_punct(k + 2, ':'))
        } else if g.is_punct(k, '=') && text[..g.tokens()[k].start].ends_with("contact_name") {
            k + 1
        } else {
            continue;
        };
        let i = open + 1;
        if !quote(open) || g.word(i).is_none() {
            continue;
        }
        let Some(close) = (i + 1..(i + 8).min(g.tokens().len())).find(|&j| quote(j)) else {
            continue;
        };
        let parsed = g
            .name(i, true)
            .or_else(|| g.given_alone(i))
            .filter(|p| p.next <= close)
            .and_then(|p| {
                if p.next == close {
                    Some(p)
                } else {
                    whole_contact_name(g, p, close)
                }
            });
        if let Some(p) = parsed {
            out.push(mention(p, "name.chat", "a phone's contact label"));
        }
    }
}

/// A Dutch mobile number: `06` or `+31 6` and eight digits, grouped any way (`0655210398`,
/// `06-53 18 27 60`, `+31 6 1234 5678`).
static MOBILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+31[\x20-]?(?:\(0\)[\x20-]?)?|0)6[\x20-]?(?:[0-9][\x20-]?){7}[0-9](?-u:\b)")
        .expect("mobile number pattern compiles")
});

/// The country, check digits and bank code of an IBAN written in groups, right before its
/// account digits.
static IBAN_HEAD: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r"[A-Z]{2}[0-9]{2} ?[A-Z]{4} ?$").expect("IBAN head pattern compiles")
});

/// A Dutch account number, in groups or not (`NL34BUNQ4870680241`, `NL46 KNAB 1261 0318 63`).
static DUTCH_IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"NL[0-9]{2}\x20?[A-Z]{4}\x20?[0-9]{2}").expect("account number pattern compiles")
});

/// The name written right before a mobile number or an account number on its line, as a
/// contact list, a note, an SMS export's contact column or a bank statement gives it
/// (`Beheerder Gerard 0655210398`, `DJ Groot 06 3817 5520`, `(Bas, 06-27718390)`, `RICK 06
/// 48731102`, `26-01  R EL KHATIB  NL34BUNQ4870680241`): a mobile number is one person's, an
/// account its holder's, and the name beside it is that person. A full name, a name in
/// capitals, or a first name that is no word; not a surname alone that is a word too
/// (`Zomer 06-…`).
pub(super) fn named_beside_a_number(g: &Grammar, text: &str, out: &mut Vec<Mention>) {
    if !text.contains("06") && !text.contains("+31") && !text.contains("NL") {
        return;
    }
    let toks = g.tokens();
    let bytes = text.as_bytes();
    let mobiles = MOBILE.find_iter(text).filter(|m| {
        // Not glued to a word, nor the digits of an account number (`NL08 ABNA 0611 2093 47`).
        let glued = m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric();
        !glued && !IBAN_HEAD.is_match(&bytes[m.start().saturating_sub(12)..m.start()])
    });
    let accounts = DUTCH_IBAN
        .find_iter(text)
        .filter(|m| m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric());
    let mut anchors: Vec<(regex::Match, &str, &str)> = mobiles
        .map(|m| (m, "name.mobile", "written with a mobile number"))
        .chain(accounts.map(|m| (m, "name.account", "written with an account number")))
        .collect();
    anchors.sort_by_key(|(m, _, _)| m.start());
    for (m, rule, evidence) in anchors {
        let mut end = toks.partition_point(|t| t.start < m.start());
        // One mark between: `Gerard: 06…`, `(Bas, 06…)`, `Hoogland - 06…`.
        if end > 0 && [':', ',', '-', '('].iter().any(|&c| g.is_punct(end - 1, c)) {
            end -= 1;
        }
        let on_line = |k: usize| (k..end).all(|j| !g.is_line_end(j));
        // The name opens with a capital and is no function, role or word (`Beheerder`).
        let opens = |k: usize| {
            g.word(k).is_some_and(|w| w.starts_with(char::is_uppercase))
                && !g.has(
                    k,
                    class::FUNCTION | class::ROLE | class::TITLE | class::ORG | class::NOT_NAME,
                )
                && (g.has(k, class::FIRST_NAME) || !g.has(k, class::WORD | class::PLACE))
        };
        let parsed = (end.saturating_sub(5)..end)
            .filter(|&k| on_line(k) && opens(k))
            .find_map(|k| {
                // A first name alone only when it is no word (`Bas`, `Roos`).
                let given = || {
                    g.given_alone(k).filter(|_| {
                        g.has(k, class::FIRST_NAME) && !g.has(k, class::WORD | class::PLACE)
                    })
                };
                g.name(k, false)
                    .or_else(|| g.upper_name(k))
                    .or_else(given)
                    .filter(|p| p.next == end)
            });
        if let Some(p) = parsed {
            out.push(mention(p, rule, evidence));
        }
    }
}

/// Whether the words of a contact label after the name, tokens `from..end`, name an office
/// (`Marieke GS`, `Henk weth`, `Anna burg.`): the phone's owner saved an office holder's
/// number, and the office holder stays readable.
fn tagged_with_an_office(g: &Grammar, from: usize, end: usize) -> bool {
    const OFFICE_TAGS: &[&str] = &[
        "gs",
        "weth",
        "wethouder",
        "burg",
        "burgemeester",
        "gedeputeerde",
        "cdk",
        "minister",
        "staatssecretaris",
        "dijkgraaf",
    ];
    (from..end).any(|k| {
        g.word(k)
            .is_some_and(|_| OFFICE_TAGS.contains(&g.folded(k)))
    })
}

/// A name read at the start of a contact label, stretched to the label's end at token `end`:
/// the whole label is what the phone shows for the person, an organisation or an emoji after
/// the name too (`Esther Kok LCH`, `Noor EZK`, `Henk D 🏠`). `None` when something else
/// follows the name.
fn whole_contact_name(g: &Grammar, mut p: NameParse, end: usize) -> Option<NameParse> {
    let label_part = |k: usize| match g.tokens()[k].kind {
        crate::names::token::Kind::Word => true,
        // Brackets, dashes and slashes of a team or place, and emoji or other symbols.
        crate::names::token::Kind::Punct(c) => "().-/&".contains(c) || !c.is_ascii(),
        _ => false,
    };
    if p.next >= end || end - p.next > 4 || !(p.next..end).all(label_part) {
        return None;
    }
    // A role or team in brackets after the name (`Harm Jan Storm (HV)`) stays readable.
    if g.is_punct(p.next, '(') && g.is_punct(end - 1, ')') {
        return Some(p);
    }
    p.end = g.tokens()[end - 1].end;
    p.next = end;
    Some(p)
}

/// The people in a chat app's system message: `Jan de Vries heeft Piet Bos toegevoegd`,
/// `Jan is vertrokken`, `Jan heeft de groep "Crisisteam" aangemaakt`.
pub(super) fn chat_system_message(g: &Grammar, line: Line, start: usize, out: &mut Vec<Mention>) {
    let Some(i) = (line.start..line.end).find(|&k| g.tokens()[k].start >= start) else {
        return;
    };
    let last = (line.start..line.end).rev().find(|&k| g.word(k).is_some());
    if !last
        .and_then(|k| g.word(k))
        .is_some_and(|w| CHAT_SYSTEM_VERBS.contains(&w))
    {
        return;
    }
    let verb = |k: usize| {
        g.word(k)
            .is_some_and(|w| matches!(w, "heeft" | "is" | "has"))
    };
    // The actor's and the object's contact labels may carry more than the name
    // (`Noor EZK heeft Marloes IMG toegevoegd`).
    let Some(actor) = g.name(i, true).or_else(|| g.given_alone(i)).and_then(|p| {
        if verb(p.next) {
            return Some(p);
        }
        let v = (p.next..line.end).take(4).find(|&k| verb(k))?;
        whole_contact_name(g, p, v)
    }) else {
        return;
    };
    let object = actor.next + 1;
    out.push(mention(actor, "name.chat", "chat system message"));
    if let Some(last) = last
        && let Some(p) = g.name(object, true).or_else(|| g.given_alone(object))
        && let Some(p) = if p.next == last {
            Some(p)
        } else {
            whole_contact_name(g, p, last)
        }
    {
        out.push(mention(p, "name.chat", "chat system message"));
    }
}

/// A chat speaker that the grammar does not read as a name (`Haven Dijkstra`, where `Haven`
/// is also a word): up to four capitalised words filling the speaker's place.
pub(super) fn speaker_words(g: &Grammar, i: usize, end: usize) -> Option<NameParse> {
    let end = (i..end).find(|&k| g.is_punct(k, '(')).unwrap_or(end);
    let words = i..end;
    // Letters of initials may carry their dots (`Gijs N.`, `Rutger v. Z.`).
    let name_like = |k: usize| {
        g.is_cap(k)
            || (g.is_lower(k) && g.has(k, class::PARTICLE))
            || g.is_punct(k, '-')
            || (g.word(k).is_some_and(|w| w.chars().count() == 1) && g.is_punct(k + 1, '.'))
            || (g.is_punct(k, '.')
                && k > i
                && g.word(k - 1).is_some_and(|w| w.chars().count() == 1))
    };
    if words.is_empty()
        || words.len() > 5
        || !words.clone().all(name_like)
        || !g.is_cap(i)
        || g.has(i, class::NOT_NAME)
    {
        return None;
    }
    let last = end - 1;
    // One word and initials (`Oosterveld G.`, `Gijs N.`): which is the surname is unclear;
    // read it as the reversed form so that an official listed as `Gerrit Oosterveld` stays.
    let letters: String = (i + 1..end)
        .filter_map(|k| g.word(k))
        .filter(|w| w.chars().count() == 1)
        .collect();
    let longer = (i + 1..end)
        .filter_map(|k| g.word(k))
        .any(|w| w.chars().count() > 1);
    if !letters.is_empty() && !longer {
        return Some(NameParse {
            start: g.tokens()[i].start,
            end: g.tokens()[last].end,
            next: end,
            form: Form::Reversed,
            given: None,
            initials: Some(fold(&letters)),
            surname: Some(fold(g.str(i))),
        });
    }
    // The surname is the last word.
    let surname = (i + 1..end)
        .rev()
        .find(|&k| g.word(k).is_some())
        .filter(|&k| g.str(k).chars().count() > 1);
    Some(NameParse {
        start: g.tokens()[i].start,
        end: g.tokens()[last].end,
        next: end,
        form: if last > i { Form::Full } else { Form::Given },
        given: Some(fold(g.str(i))),
        initials: None,
        surname: surname.map(|k| fold(g.str(k))),
    })
}

/// A Teams export's speaker line, `Meijboom, Chantal (Gast) 09:41` or
/// `van Hout, Stijn    24-7-2022 03:05`, a Teams transcript's,
/// `Brouwer, Hanneke (RIVM)   0:02:24`, and its system lines,
/// `Meijboom, Chantal (Gast) heeft de chat verlaten`: the reversed name before the time or
/// before a guest's tag.
static TEAMS_REVERSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(\p{L}[\p{L}'\-]*(?:[\x20\t]+[\p{L}'\-]+){0,3}),[\x20\t]+(\p{Lu}[\p{L}'\-]*(?:[\x20\t]+[\p{L}'\-.]+){0,3}?)(?:[\x20\t]+\((?:[Gg]ast|[Gg]uest|[Ee]xtern|[Ee]xternal)\)[\x20\t]+\S|[\x20\t]+(?:\([^)\n]{1,40}\)[\x20\t]+)?(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[\x20\t]+)?\d{1,2}:\d{2}(?::\d{2})?[\x20\t]*$)",
    )
    .expect("Teams speaker pattern compiles")
});

/// A phone's chat shown as screenshots or exported by a tool: the contact's label alone on
/// its line, then a column gap and the time, with the message below (`Orhan Douane  21:12`,
/// `Thijs V. (PZ)  22:41`, `Yasmina Bouzid  6-2-2023  10:31`). The capture is the label.
static CONTACT_ABOVE_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(\p{Lu}[^\n:,()]{0,40}?(?:[\x20\t]+\([^()\n]{1,20}\))?)[\x20\t]{2,}(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}[\x20\t]+)?\d{1,2}:\d{2}(?::\d{2})?[\x20\t]*$",
    )
    .expect("contact label pattern compiles")
});

/// The contact above a message (see [`CONTACT_ABOVE_MESSAGE`]): a name that opens the label,
/// stretched over the whole label unless it tags an office holder.
pub(super) fn contact_above_message(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    let line_start = toks[line.start].start;
    let line_text = &g.text()[line_start..toks[line.end - 1].end];
    let Some(label) = CONTACT_ABOVE_MESSAGE
        .captures(line_text)
        .and_then(|c| c.get(1))
    else {
        return;
    };
    let end = toks.partition_point(|t| t.start < line_start + label.end());
    let i = line.start;
    let known_given = g.has(i, class::FIRST_NAME) && !g.has(i, class::WORD | class::NOT_NAME);
    let Some(p) = g
        .name(i, false)
        .or_else(|| g.given_alone(i).filter(|_| known_given))
    else {
        return;
    };
    let whole = if tagged_with_an_office(g, p.next, end) || p.next >= end {
        None
    } else {
        whole_contact_name(g, p.clone(), end)
    };
    match whole {
        Some(w) => out.push(mention(
            w,
            "name.chat",
            "chat speaker (the whole contact name)",
        )),
        None if p.next == end => out.push(mention(p, "name.chat", "chat speaker")),
        None => {}
    }
}

/// The speaker of a Teams line (see [`TEAMS_REVERSED`]), when both parts read as a name.
pub(super) fn teams_speaker(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let toks = g.tokens();
    let line_start = toks[line.start].start;
    let line_end = toks[line.end - 1].end;
    let Some(c) = TEAMS_REVERSED.captures(&g.text()[line_start..line_end]) else {
        return;
    };
    let (Some(surname), Some(given)) = (c.get(1), c.get(2)) else {
        return;
    };
    let first = toks.partition_point(|t| t.start < line_start + surname.start());
    let next = toks.partition_point(|t| t.start < line_start + given.end());
    let surname_words = first..toks.partition_point(|t| t.start < line_start + surname.end());
    let name_word = |k: usize| {
        g.is_punct(k, '-')
            || g.is_punct(k, '.')
            || (g.is_cap(k) && !g.has(k, class::ORG | class::NOT_NAME | class::PLACE))
            || ((g.is_lower(k) || g.is_cap(k)) && g.has(k, class::PARTICLE))
    };
    // Particles after the first name (`Meer, Jan-Willem van der`) are the reversed form the
    // grammar reads itself.
    let given_words = surname_words.end..next;
    // A first name that is also a month or a word (`Tan, Mei Ling`) counts beside a first
    // name the lexicon knows.
    let known_given = given_words.clone().any(|k| g.has(k, class::FIRST_NAME));
    let given_word =
        |k: usize| name_word(k) || (known_given && g.is_cap(k) && g.has(k, class::NOT_NAME));
    if !surname_words
        .clone()
        .filter(|&k| !g.is_punct(k, ','))
        .all(name_word)
        || !given_words
            .clone()
            .filter(|&k| !g.is_punct(k, ','))
            .all(given_word)
        || given_words.clone().any(|k| g.is_lower(k))
    {
        return;
    }
    // The key leaves the particles out, as the grammar's does (`Van der Meer` → `meer`).
    let surname_key: Vec<&str> = surname_words
        .filter(|&k| g.word(k).is_some() && !g.has(k, class::PARTICLE))
        .map(|k| g.folded(k))
        .collect();
    let parse = NameParse {
        start: line_start + surname.start(),
        end: line_start + given.end(),
        next,
        form: Form::Reversed,
        given: Some(fold(given.as_str())),
        initials: None,
        surname: Some(surname_key.join(" ")),
    };
    out.push(mention(parse, "name.chat", "Teams speaker"));
}
