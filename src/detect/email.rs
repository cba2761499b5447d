//! E-mail addresses. Found from each `@` outwards, which is faster and stricter than a regex:
//! the local part and the domain are taken whole, so a name inside an address can never leave
//! part of it behind.

use std::sync::LazyLock;

use memchr::memchr_iter;
use memchr::memmem;
use regex::Regex;

use super::Finding;
use crate::policy::Category;

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'' | '=')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// Finds e-mail addresses in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    let mut last_end = 0;
    for at in memchr_iter(b'@', text.as_bytes()) {
        if at < last_end {
            continue;
        }
        if let Some((start, end)) = address_around(text, at) {
            last_end = end;
            let local = &text[start..at];
            // A webmail address is a person's own, whatever words it is made of.
            let desk = !at_webmail(&text[at + 1..end]) && named_by_common_words(text, local);
            if !is_functional(local) && !desk {
                out.push(Finding::new(
                    start,
                    end,
                    Category::Email,
                    "email",
                    "e-mail address",
                ));
                if let Some(name) = local_part_as_display_name(text, start, local) {
                    out.push(Finding::new(
                        name.start,
                        name.end,
                        Category::Email,
                        "email",
                        "an address's own name as its display name",
                    ));
                }
            }
        } else if let Some((start, end)) = elided_address(text, at)
            && !is_functional(&text[start..at])
        {
            last_end = end;
            out.push(Finding::new(
                start,
                end,
                Category::Email,
                "email",
                "e-mail address with its domain left out",
            ));
        }
    }
    detect_obfuscated(text, out);
    at_a_webmail_provider(text, out);
}

/// The display name before `<address>` when it is made of the address's local part
/// (`r.pasveer <r.pasveer@vbn.nl>`, `"w.trouw" <w.trouw@…>`, `marja.ketelaar
/// <m.ketelaar.lima@…>`): a mail client shows what it has when it knows no name, and then
/// the display name says what the address does.
fn local_part_as_display_name(
    text: &str,
    start: usize,
    local: &str,
) -> Option<std::ops::Range<usize>> {
    let before = text[..start]
        .strip_suffix('<')?
        .trim_end_matches([' ', '\t']);
    let before = before.strip_suffix('"').unwrap_or(before);
    let name_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-')))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let name = &before[name_start..];
    let parts = |s: &'_ str| -> Vec<String> {
        s.split(['.', '_', '-'])
            .map(str::to_lowercase)
            .filter(|p| p.chars().count() >= 4)
            .collect::<Vec<_>>()
    };
    let joined = name.contains(['.', '_']) || name.chars().any(|c| c.is_ascii_digit());
    let shared = parts(name).iter().any(|p| parts(local).contains(p));
    (joined && (name.eq_ignore_ascii_case(local) || shared))
        .then_some(name_start..name_start + name.len())
}

/// An address whose domain is a webmail provider's name alone, as people say or type it
/// (`davekoster1985 at gmail`, `glennpinas @ gmail`): the local part names the person.
static AT_PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)([\p{{L}}\p{{N}}._%+'-]+)(\x20?@\x20?|\x20(?:at|apenstaartje)\x20)(?:{})(?-u:\b)",
        WEBMAIL_PROVIDERS.join("|")
    ))
    .expect("webmail provider pattern compiles")
});

/// Webmail providers by the first part of their domain, as people also say them.
const WEBMAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "yahoo",
    "ziggo",
    "kpnmail",
    "kpnplanet",
    "planet",
    "hetnet",
    "live",
    "icloud",
    "xs4all",
    "casema",
    "upcmail",
    "telfort",
    "msn",
    "proton",
    "protonmail",
    "gmx",
];

fn at_a_webmail_provider(text: &str, out: &mut Vec<Finding>) {
    if !text.contains(" at ") && !text.contains(" @") && !text.contains("@ ") {
        return;
    }
    for c in AT_PROVIDER.captures_iter(text) {
        let whole = c.get(0).expect("the whole match");
        let local = c.get(1).expect("the local part").as_str();
        let sign = c.get(2).expect("the sign").as_str();
        let spoken = sign.trim() != "@";
        // After a spoken `at` only a local part shaped as an address (`a.jansen`,
        // `koster1985`), not a word of a sentence (`works at Gmail`).
        let address_like = local.contains(['.', '_']) || local.chars().any(|c| c.is_ascii_digit());
        // A domain that goes on (`jan @ gmail.com`) is taken whole; written plainly, or with
        // a spoken `at`, it is found as an address already.
        let ending = text[whole.end()..]
            .strip_prefix('.')
            .map(|rest| rest.chars().take_while(char::is_ascii_alphabetic).count())
            .filter(|&n| n >= 2)
            .map_or(0, |n| n + 1);
        let found_already = ending > 0 && (spoken || sign == "@");
        if (spoken && !address_like) || found_already || is_functional(local) {
            continue;
        }
        out.push(Finding::new(
            whole.start(),
            whole.end() + ending,
            Category::Email,
            "email.obfuscated",
            "e-mail address at a webmail provider, without its domain's ending",
        ));
    }
}

/// An address written so that harvesters miss it: `jan [at] minbzk [dot] nl`,
/// `jan(at)minbzk.nl`, `jan AT minbzk DOT nl`, `jan＠minbzk.nl`, `jan%40minbzk.nl`; or as
/// said in a call (`april punt doornbos bij icloud punt com`).
static OBFUSCATED: LazyLock<Regex> = LazyLock::new(|| {
    let dot = r"(?:\.|\s*[\[(]\s*(?i:dot|punt)\s*[\])]\s*|\s+(?:DOT|dot|punt)\s+)";
    let at = r"(?:\s*[\[({<]\s*(?i:at|apenstaartje)\s*[\])}>]\s*|\s*＠\s*|%40|\s+(?:AT|at|apenstaartje|bij)\s+)";
    Regex::new(&format!(
        r"[\p{{L}}\p{{N}}_%+'-]+(?:{dot}[\p{{L}}\p{{N}}_%+'-]+)*{at}[\p{{L}}\p{{N}}-]+(?:{dot}[\p{{L}}\p{{N}}-]+)+"
    ))
    .expect("obfuscated address pattern compiles")
});

/// What an obfuscated address needs somewhere in the text before the pattern is worth running.
const OBFUSCATION_MARKERS: &[&str] = &[
    "at]",
    "at)",
    "AT]",
    "AT)",
    "At]",
    "At)",
    "＠",
    "%40",
    " AT ",
    " at ",
    "apenstaartje",
    // Said in a call: `april punt doornbos bij icloud punt com`.
    "punt nl",
    "punt com",
    "punt net",
    "punt org",
    "punt eu",
    "punt be",
];

/// Finds obfuscated e-mail addresses (see [`OBFUSCATED`]). A plain ` at ` must come with a
/// written-out dot (`dot`, `punt`), so English prose (`at home.`) is left alone.
fn detect_obfuscated(text: &str, out: &mut Vec<Finding>) {
    if !OBFUSCATION_MARKERS
        .iter()
        .any(|m| memmem::find(text.as_bytes(), m.as_bytes()).is_some())
    {
        return;
    }
    for m in OBFUSCATED.find_iter(text) {
        let found = m.as_str();
        if memchr::memchr(b'@', found.as_bytes()).is_some() {
            continue; // a plain address, found by `detect`
        }
        let lower = found.to_lowercase();
        let spelled_dot = lower.contains("dot") || lower.contains("punt");
        let bracketed = lower.contains("at]") || lower.contains("at)") || lower.contains('＠');
        let plain_at = !bracketed && !lower.contains("%40") && !lower.contains("apenstaartje");
        // ` bij ` is a word before anything: only after a local part with its dot said or
        // written (`april punt doornbos bij …`, not `werkt bij gemeente punt nl`).
        if let Some((local, _)) = lower.split_once(" bij ")
            && !(spelled_dot
                && (local.contains(" punt ")
                    || local.contains(['.', '_'])
                    || local.contains(|c: char| c.is_ascii_digit())))
        {
            continue;
        }
        // A plain ` at ` needs a written-out dot, or an address-like local part and a
        // real domain (`a.dejong1949 at hetnet.nl`).
        let address_like = found.split_whitespace().next().is_some_and(|l| {
            l.contains('.') || l.contains('_') || l.chars().any(|c| c.is_ascii_digit())
        }) && found.rsplit(' ').next().is_some_and(|d| d.contains('.'));
        if plain_at && !spelled_dot && !address_like {
            continue;
        }
        let tld = found
            .rsplit(|c: char| c == '.' || c.is_whitespace() || c == ']' || c == ')')
            .next()
            .unwrap_or_default();
        if !(2..=6).contains(&tld.chars().count()) || !tld.chars().all(char::is_alphabetic) {
            continue;
        }
        let local = found
            .split(|c: char| c.is_whitespace() || matches!(c, '[' | '(' | '{' | '<' | '＠' | '%'))
            .next()
            .unwrap_or_default();
        if is_functional(local) {
            continue;
        }
        out.push(Finding::new(
            m.start(),
            m.end(),
            Category::Email,
            "email.obfuscated",
            "e-mail address written to avoid harvesting",
        ));
    }
}

/// Local parts of functional mailboxes, which name no person (`info@`, `woo@`,
/// `postbus.drc@`). The keep list names an organisation's own mailboxes; these are the
/// generic ones of every organisation.
const FUNCTIONAL: &[&str] = &[
    "info",
    "woo",
    "wob",
    "postbus",
    "secretariaat",
    "pers",
    "persvoorlichting",
    "communicatie",
    "noreply",
    "no-reply",
    "donotreply",
    "helpdesk",
    "servicedesk",
    "contact",
    "klantcontact",
    "klantenservice",
    "webmaster",
    "privacy",
    "fg",
    "avg",
    "receptie",
    "administratie",
    "facturen",
    "inkoop",
    "juridischezaken",
    "bezwaar",
    "bezwaren",
    "klachten",
    "meldpunt",
    "redactie",
    "post",
    "mail",
    "office",
    "support",
    "team",
    "afdeling",
    "woo-verzoeken",
    "wooverzoeken",
    "verkeer",
    "vergunningen",
    "vergunning",
    "omgevingsloket",
    "subsidie",
    "subsidies",
    "belastingen",
    "griffie",
    "burgerzaken",
    "publiekszaken",
    "handhaving",
    "toezicht",
    "melding",
    "meldingen",
    "planning",
    "fractie",
    "bestuurssecretariaat",
    "dienstverlening",
    "kcc",
    "financien",
    "personeelszaken",
    "hrm",
    "ict",
    "facilitair",
    "archief",
    "integriteit",
    "evenementen",
    "leerplicht",
    "verkiezingen",
    "nieuws",
    "media",
    "woordvoering",
    "servicepunt",
    "loket",
    "boekhouding",
    "debiteuren",
    "crediteuren",
    "verkoop",
    "logistiek",
    "sales",
    "finance",
    "accounts",
    "accounting",
    "billing",
    "orders",
    "service",
    "admin",
    "press",
    "enquiries",
    "reception",
    "secretariat",
];

/// Whether the local part of an address is a functional mailbox: one of [`FUNCTIONAL`],
/// alone or as the first part (`postbus.drc`, `woo-verzoeken`, `info_zuid`).
pub(crate) fn is_functional(local: &str) -> bool {
    let lower = local.to_lowercase();
    let mut parts = lower.split(['.', '-', '_']);
    let first = parts.next().unwrap_or_default();
    // `planning.dfransen@`: a desk's name before a person's is that person's mailbox. A part
    // that is no word, place or organisation is read as a name: when in doubt, remove.
    let names_someone = parts.any(|p| {
        use crate::names::lexicon::{GAZETTEER, class, is_compound_word, is_dutch_word};
        let f = crate::fold::fold(p);
        p.chars().count() >= 5
            && p.chars().all(char::is_alphabetic)
            && !is_dutch_word(&f)
            && !is_compound_word(&f)
            && !GAZETTEER.is(
                &f,
                class::PLACE | class::ORG | class::OFFICE | class::FUNCTION,
            )
    });
    FUNCTIONAL.contains(&lower.as_str())
        || (FUNCTIONAL.contains(&first) && !names_someone)
        || is_made_of_words(local)
}

/// Whether a domain is a webmail or home provider's (`hotmail.com`, `ziggo.nl`, `home.nl`),
/// where people keep their private mailboxes.
fn at_webmail(domain: &str) -> bool {
    /// Home and other providers, by the first part of their domain.
    const OTHER_PROVIDERS: &[&str] = &[
        "me", "web", "home", "zonnet", "chello", "quicknet", "online", "tele2", "caiway", "solcon",
        "freeler", "hccnet", "wxs", "aol", "mail",
    ];
    let first = domain.split('.').next().unwrap_or_default().to_lowercase();
    WEBMAIL_PROVIDERS
        .iter()
        .chain(OTHER_PROVIDERS)
        .any(|p| *p == first)
}

/// Whether a local part is made of common words of four letters or more, none a name the
/// lists know, that the text nowhere writes capitalised as a name (`schade@`, `taxaties@`,
/// `terugkoppeling@`, `gegevensverstrekking.gemeenten@`): a desk's mailbox. A surname that
/// is also a word (`stokvis@`) is kept out by its bearer's name in the text (`mr. K.W.
/// Stokvis`), as a person's address hardly ever stands without it.
fn named_by_common_words(text: &str, local: &str) -> bool {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word};
    let mut parts = local.split(['.', '-', '_']).peekable();
    parts.peek().is_some()
        && parts.all(|p| {
            let f = crate::fold::fold(p);
            let mut chars = p.chars();
            let capitalised = chars.next().map_or(String::new(), |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            });
            p.chars().count() >= 4
                && p.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                && is_dutch_word(&f)
                && !holds_a_name(&f)
                && !GAZETTEER.is(&f, class::FIRST_NAME | class::SURNAME | class::FUNCTION)
                && !text.contains(capitalised.as_str())
        })
}

/// Whether a local part is made of common words and acronyms only, none of them a name
/// (`verkeer@`, `burgemeester@`, `CINEA-CEF-TRANSPORT@`), as mailboxes of a task are; a
/// person's address holds a name or initials (`jan.smit@`, `pmulder@`).
fn is_made_of_words(local: &str) -> bool {
    use crate::names::lexicon::{GAZETTEER, class, is_compound_word, is_dutch_word};
    let parts: Vec<&str> = local
        .split(|c: char| !c.is_alphabetic())
        .filter(|p| !p.is_empty())
        .collect();
    // Every part a word or an acronym, and at least one that says what the mailbox is for:
    // an acronym, an office or organisation word, a mailbox word. A single common word
    // could be someone's name (`infante@`).
    // A compound of common words names a task (`calamiteitenzorg@`, `wegbeheer@`); a
    // surname that happens to be one (`kerkhof@`) is excluded below.
    let says_what = |p: &str, f: &str| {
        (p.chars().count() >= 2 && p.chars().all(char::is_uppercase))
            || GAZETTEER.is(f, class::OFFICE | class::ORG)
            || FUNCTIONAL.contains(&f)
            || (is_compound_word(f) && names_a_task(f) && !holds_a_name(f))
    };
    !parts.is_empty()
        && parts.iter().all(|p| {
            let f = crate::fold::fold(p);
            let acronym = p.chars().count() >= 2 && p.chars().all(char::is_uppercase);
            let word = f.chars().count() >= 4
                && (is_dutch_word(&f)
                    || (is_compound_word(&f) && names_a_task(&f) && !holds_a_name(&f)));
            (acronym || word || says_what(p, &f))
                && !GAZETTEER.is(&f, class::FIRST_NAME | class::SURNAME | class::FUNCTION)
        })
        && parts.iter().any(|p| says_what(p, &crate::fold::fold(p)))
}

/// Whether a compound ends in a word for a task or a desk (`calamiteitenzorg`,
/// `wegbeheer`): a mailbox's name. A compound of other words may be a name run together
/// (`rovenbrakdorp@`).
fn names_a_task(folded: &str) -> bool {
    const TASKS: &[&str] = &[
        "zorg",
        "beheer",
        "dienst",
        "diensten",
        "zaken",
        "loket",
        "centrum",
        "centrale",
        "meldingen",
        "melding",
        "vergunningen",
        "handhaving",
        "toezicht",
        "beleid",
        "planning",
        "secretariaat",
        "team",
        "desk",
        "balie",
        "bureau",
        "administratie",
        "communicatie",
        "informatie",
        "registratie",
        "advies",
        "service",
        "verzoeken",
        "post",
        "subsidies",
    ];
    TASKS
        .iter()
        .any(|t| folded.len() > t.len() + 2 && folded.ends_with(t))
}

/// Whether a run of letters begins with a first name or a particle, or ends with a surname
/// or first name (`evakoster`, `vandermeer`, `markdijkhuis`): a person's address written
/// as one word.
fn holds_a_name(folded: &str) -> bool {
    use crate::names::lexicon::{GAZETTEER, class, is_particle};
    folded.char_indices().skip(3).any(|(k, _)| {
        let (head, tail) = folded.split_at(k);
        GAZETTEER.is(head, class::FIRST_NAME)
            || is_particle(head)
            || (tail.chars().count() >= 5 && GAZETTEER.is(tail, class::SURNAME | class::FIRST_NAME))
    }) || ["van", "de", "ter", "ten", "op"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// An address whose domain a note leaves out or could not read (`d.mertens@...`,
/// `shanti.jagessar@…`, `h.oudemunnink@[onleesbaar]`, `lotte.hiemstra@` at a line's end):
/// the local part names the person. A local part of three characters or more with a letter.
fn elided_address(text: &str, at: usize) -> Option<(usize, usize)> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_local_char(c))
        .last()
        .map(|(i, _)| i)?;
    let local = text[start..at].trim_start_matches('.');
    let start = at - local.len();
    // A person's: initials and a name joined by a dot (`j.bakker`), or one long word
    // (`maatschapwanink`); not a team's short or hyphenated mailbox (`lim@`, `dcv-evacuatie@`).
    let personal = local.contains(['.', '_']) || (local.len() >= 8 && !local.contains('-'));
    if !personal || local.ends_with('.') || !local.contains(|c: char| c.is_alphabetic()) {
        return None;
    }
    let rest = &text[at + 1..];
    let elision = if rest.starts_with('…') {
        '…'.len_utf8()
    } else if rest.starts_with("...") {
        3
    } else if rest.starts_with('[') {
        // `[?]`, `[onleesbaar]`, and the rest of the domain after it.
        let close = rest.bytes().take(16).position(|b| b == b']')?;
        close
            + 1
            + rest[close + 1..]
                .char_indices()
                .take_while(|&(_, c)| is_domain_char(c))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8())
    } else if rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || ",;)".contains(c))
    {
        0
    } else {
        return None;
    };
    Some((start, at + 1 + elision))
}

/// The address around the `@` at byte `at`, if it is one.
fn address_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        if !is_local_char(c) {
            break;
        }
        start = i;
    }
    // A local part does not start or end with a dot.
    while text[start..at].starts_with('.') {
        start += 1;
    }
    if start == at || text[..at].ends_with('.') {
        return None;
    }
    let domain_start = at + 1;
    let mut end = domain_start;
    for (i, c) in text[domain_start..].char_indices() {
        if !is_domain_char(c) {
            break;
        }
        end = domain_start + i + c.len_utf8();
    }
    // Sentence punctuation after the address is not part of it.
    while end > domain_start && matches!(text.as_bytes()[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &text[domain_start..end];
    let (host, tld) = domain.rsplit_once('.')?;
    let valid_tld = tld.len() >= 2 && tld.chars().all(char::is_alphabetic);
    let valid_host = !host.is_empty()
        && host
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    (valid_tld && valid_host).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn an_address_whose_domain_is_left_out() {
        assert_eq!(
            found(
                "mail naar shanti.jagessar@… of d.mertens@... ). h.oudemunnink@[onleesbaar] \
                   maatschapwanink@...\n"
            ),
            [
                "shanti.jagessar@…",
                "d.mertens@...",
                "h.oudemunnink@[onleesbaar]",
                "maatschapwanink@..."
            ]
        );
        // A team's mailbox, a handle, a time.
        assert!(
            found("naar lim@ en dcv-evacuatie@, info@... tw: @jhoogendijk, Jan @ 10:00").is_empty()
        );
    }

    #[test]
    fn finds_addresses_in_headers_and_prose() {
        assert_eq!(
            found(
                "Van: Jens Jonker <j.jonker@minjenv.nl>\nMail naar koen.van-liendert@dji.minjus.nl."
            ),
            vec!["j.jonker@minjenv.nl", "koen.van-liendert@dji.minjus.nl"]
        );
        assert_eq!(
            found("(joël.hakker@reclassering.nl)"),
            vec!["joël.hakker@reclassering.nl"]
        );
        assert_eq!(
            found("mailto:a.b+woo@x.nl;c@d.org,"),
            vec!["a.b+woo@x.nl", "c@d.org"]
        );
        // A display name that is the address's own local part, or made from it.
        assert_eq!(
            found(
                "Cc: r.pasveer <r.pasveer@vbn.nl>; \"w.trouw\" <w.trouw@lb.nl>; \
                 marja.ketelaar <m.ketelaar.lima@gmail.com>; Jan Smit <j.smit@x.nl>; \
                 postbus.ict <postbus.ict@x.nl>"
            ),
            vec![
                "r.pasveer@vbn.nl",
                "r.pasveer",
                "w.trouw@lb.nl",
                "w.trouw",
                "m.ketelaar.lima@gmail.com",
                "marja.ketelaar",
                "j.smit@x.nl"
            ]
        );
    }

    #[test]
    fn functional_mailboxes_stay() {
        let text = "Mail woo@minbzk.nl, postbus.drc@minjenv.nl, info-zuid@x.nl of jan@x.nl.";
        assert_eq!(found(text), vec!["jan@x.nl"]);
        // A desk's name before a person's: that person's mailbox.
        assert_eq!(
            found("planning.dfransen@vigilant.nl, planning.noord@vigilant.nl"),
            vec!["planning.dfransen@vigilant.nl"]
        );
        // Mailboxes of a task or an office, made of words, without a name.
        assert!(
            found("verkeer@zwolle.nl burgemeester@kampen.nl CINEA-CEF-TRANSPORT@ec.europa.eu")
                .is_empty()
        );
        assert_eq!(
            found("j.bakker@x.nl bakker@x.nl"),
            vec!["j.bakker@x.nl", "bakker@x.nl"]
        );
        // A person whose name starts like a mailbox word is still a person.
        assert_eq!(
            found("Mw. Infante: infante@x.nl teamleider@x.nl"),
            vec!["infante@x.nl", "teamleider@x.nl"]
        );
        // A desk's mailbox of one common word, unless the text names someone so.
        assert!(found("Mail schade@meierij.nl of taxaties@hvl.nl, tips@nhd.nl.").is_empty());
        // Not at a webmail provider: a citizen's own mailbox.
        assert_eq!(
            found("Mail zonnebloem@hotmail.com"),
            vec!["zonnebloem@hotmail.com"]
        );
        assert_eq!(
            found("mr. drs. K.W. Stokvis, stokvis@planschade.nl"),
            vec!["stokvis@planschade.nl"]
        );
        // A compound of words names a task; a name written as one word names a person.
        assert!(found("calamiteitenzorg@ws.nl").is_empty());
        assert!(found("wegbeheer@overijssel.nl").is_empty());
        assert_eq!(
            found("evakoster@ziggo.nl vandermeer@w.nl"),
            vec!["evakoster@ziggo.nl", "vandermeer@w.nl"]
        );
    }

    #[test]
    fn finds_obfuscated_addresses() {
        for a in [
            "jan.devries [at] minbzk [dot] nl",
            "jan.devries(at)minbzk.nl",
            "jan.devries (at) minbzk (dot) nl",
            "jan.devries AT minbzk DOT nl",
            "jan.devries＠minbzk.nl",
            "jan.devries%40minbzk.nl",
            "j [dot] devries [at] minbzk [punt] nl",
            "a.dejong1949 at hetnet.nl",
        ] {
            assert_eq!(found(&format!("Mail: {a}, graag.")), vec![a], "{a}");
        }
        assert!(found("woo [at] minbzk [dot] nl").is_empty());
        assert_eq!(
            found("mail davekoster1985 at gmail of glennpinas @ gmail."),
            ["davekoster1985 at gmail", "glennpinas @ gmail"]
        );
        assert!(found("She works at Gmail now.").is_empty());
        assert_eq!(found("jan.smit @ ziggo.nl"), ["jan.smit @ ziggo.nl"]);
        assert!(found("We meet at home. at 5 pm at the office.nl").is_empty());
        // Said in a call, with the dots said too; not a sentence with `bij`.
        assert_eq!(
            found("dat is april punt doornbos bij icloud punt com, ja."),
            ["april punt doornbos bij icloud punt com"]
        );
        assert!(found("Ze werkt bij gemeente punt nl, afdeling burgerzaken.").is_empty());
    }

    #[test]
    fn leaves_non_addresses_alone() {
        assert!(found("@jan op X, prijs 3 @ 5, user@localhost, a@b.c, @@").is_empty());
        assert!(found("twitter: @minjenv").is_empty());
    }
}
