//! Accounts. Social-media handles (`@larsfeenstraAD`, `@chantal.zomer_`): an account names the
//! person who holds it as surely as an e-mail address does. An organisation's account stays
//! readable (`@politie_maasaa`, `@RTVDrenthe`), as does a mention in a chat of one
//! capitalised word (`@Ingrid`), which the name rules read as the name it is. And user names
//! that systems log and registers list (`gebruiker: vrieling_p`, `door: nijssen.e`, a column
//! `EU Login-ID`), made from a person's name as a mailbox is; a Windows account with its domain
//! (`GEM\gbiemans`) and an administrator's (`adm-pkoster`), not a service's (`svc-backup`).

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;
use crate::policy::Category;

/// An `@` that opens a token (not an e-mail address's), then one, or four to thirty, letters,
/// digits, `_` and inner dots.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[\s(\["'“:,;/])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{2,28}[A-Za-z0-9_])?)"#)
        .expect("handle pattern compiles")
});

/// Words in an account's name that make it an organisation's (folded): found anywhere in it.
const ORGANISATION_WORDS: &[&str] = &[
    "politie",
    "gemeente",
    "provincie",
    "ministerie",
    "overheid",
    "omroep",
    "nieuws",
    "news",
    "krant",
    "dagblad",
    "brandweer",
    "vereniging",
    "stichting",
    "official",
    "rijkswaterstaat",
    "waterschap",
];

/// Abbreviations that make an account an organisation's when it opens with one (`@RTVDrenthe`,
/// `@NOS`, `@GGD_Twente`, `@knvb.oost`).
const ORGANISATION_OPENINGS: &[&str] = &[
    "rtv", "nos", "ggd", "rivm", "nvwa", "knvb", "omrop", "info", "team",
];

/// The labels of a user name, in a sentence (`gebruikersnaam "dirkvtr_oosterbroek"`, `EU Login
/// dvolkov.gl`) or over a table's column (`EU Login-ID`). A system's log names who did what by
/// `door` (`Geëxporteerd door: kramer.a`).
const ACCOUNT_LABELS: &str = r"gebruikersnaam|gebruiker|(?:subject|target)?user(?:name|[- ]?id)?|assignee|agent(?:[- ]?id)?|(?:eu[\x20])?log-?in(?:[- ]?(?:id|naam|name))?(?:'s)?|account(?:naam|[- ]?id)?|chatnaam|profielnaam|schermnaam|wechat|skype|telegram|instagram|snapchat|tiktok";

/// A user name after its label, with a colon (a log's `=`) or in quotes or neither.
static LABELLED_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?i)(?-u:\b)({ACCOUNT_LABELS}|door|by)(?-u:\b)[\x20\t]*([:=]?)[\x20\t]*(["'“‘]?)([A-Za-z0-9][A-Za-z0-9._-]{{1,38}}[A-Za-z0-9])"#
    ))
    .expect("account label pattern compiles")
});

/// A list of user names after a plural label and its colon (`gebruikers: pwijngaarde,
/// lisa.t, d.kuiper`), as a log's header or an export's footer sums them up.
static LISTED_ACCOUNTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:gebruikers|users|accounts)[\x20\t]*[:=][\x20\t]*([^\n]+)")
        .expect("account list pattern compiles")
});

/// A Windows account with its domain (`GEM\gbiemans`, `SSC\asharma`), not in a path
/// (`\\MVD-FS02\Sociaal`, `X:\IRN\incident_2024`): a domain in capitals, a user name in
/// lower case that no backslash follows.
static DOMAIN_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?:^|[\s(\[='"“,;])([A-Z][A-Z0-9-]{1,14}\\([a-z][a-z0-9._-]{1,30}[a-z0-9]))(?:$|[^\\A-Za-z0-9._-])"#,
    )
    .expect("domain account pattern compiles")
});

/// Where the domain of a Windows account opens, if one stands right before the user name at
/// `start` (`LH\` of `LH\h.yildirim`), shaped as [`DOMAIN_ACCOUNT`] reads it.
pub(crate) fn domain_start(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix('\\')?;
    let rest =
        before.trim_end_matches(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let domain = &before[rest.len()..];
    ((2..=15).contains(&domain.len()) && domain.starts_with(|c: char| c.is_ascii_uppercase()))
        .then_some(rest.len())
}

/// A personal administrator's account (`adm-pkoster`, `adm2-jdv`, `a-kvdheijden`): a prefix
/// for administrators, a hyphen, then the person's initials and surname.
static ADMIN_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[='“,;\\])((adm|admin|a)[0-9]?-([a-z]{3,20}))(?:$|[^A-Za-z0-9_@\\-])")
        .expect("admin account pattern compiles")
});

/// The opening of a service's or the system's account, which names no person (`svc-backup`,
/// `sa_report`, `system`).
const SERVICE_ACCOUNTS: &[&str] = &["svc", "service", "sa_", "sys", "admin", "krbtgt", "sql"];

/// Whether a user name is a service's or the system's account.
fn is_service_account(value: &str) -> bool {
    SERVICE_ACCOUNTS.iter().any(|s| value.starts_with(s))
}

/// Whether a user name is a service's account, or opens with a word (`incident_2024`,
/// `analyse_2023`: a folder or a file). One or two letters open with initials (`y.tesfamariam`).
fn names_no_person(value: &str) -> bool {
    let first = value.split(['.', '_', '-']).next().unwrap_or(value);
    let word = first.len() > 2
        && (crate::names::lexicon::is_dutch_word(first)
            || crate::names::lexicon::is_compound_word(first));
    is_service_account(value) || word
}

/// A header cell that labels a column of user names.
static ACCOUNT_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:{ACCOUNT_LABELS})$")).expect("account column pattern compiles")
});

/// What a domain or a file name ends with, which a user name does not.
const ENDINGS: &[&str] = &[
    "nl", "com", "be", "de", "org", "net", "eu", "fr", "uk", "pl", "pdf", "doc", "docx", "xls",
    "xlsx", "csv", "txt", "jpg", "png", "msg", "eml", "zip",
];

/// Whether `value` is shaped as a user name: letters, perhaps with digits, joined by `.`, `_`
/// or `-` (`nijssen.e`, `lkersten7`, `jay_rtm010`), with a part of three letters or more
/// (not `v.d.` or `o.a.`), not a domain or a file. `bare` lets a word of letters in one case
/// alone count (`jwittebr`, `KRIJSWIJK`), where the label says it is one.
fn is_user_name(value: &str, bare: bool) -> bool {
    let parts: Vec<&str> = value.split(['.', '_', '-']).collect();
    let joined = parts.len() > 1 || value.chars().any(|c| c.is_ascii_digit());
    let word = parts
        .iter()
        .any(|p| p.chars().filter(char::is_ascii_alphabetic).count() >= 3);
    let ending = value.contains('.')
        && parts
            .last()
            .is_some_and(|e| ENDINGS.iter().any(|x| x.eq_ignore_ascii_case(e)));
    // One case throughout: `nijssen.e`, or a system's capitals (`MOZDEMIR01`, `KRIJSWIJK`).
    let lower = value.chars().all(|c| !c.is_ascii_uppercase());
    let upper = value.chars().all(|c| !c.is_ascii_lowercase());
    let bare_word = bare
        && (lower || upper)
        && value.chars().all(|c| c.is_ascii_alphabetic())
        && value.len() >= 4
        && !crate::names::lexicon::is_dutch_word(&value.to_ascii_lowercase());
    word && !ending && (joined && (lower || upper || value.contains('_')) || bare_word)
}

/// What a system logs that a user did, before `door: <user>` (`Afgedrukt door: kaydin`).
const SYSTEM_VERBS: &[&str] = &[
    "afgedrukt",
    "geëxporteerd",
    "geexporteerd",
    "gewijzigd",
    "aangemaakt",
    "ingevoerd",
    "bijgewerkt",
    "geregistreerd",
    "opgeslagen",
    "vastgelegd",
    "toegevoegd",
    "gelogd",
];

/// Finds user names after their labels and in columns of them.
fn user_names(text: &str, out: &mut Vec<Finding>) {
    for c in LABELLED_ACCOUNT.captures_iter(text) {
        let label = &c[1];
        let marked = !c[2].is_empty() || !c[3].is_empty();
        let value = c.get(4).expect("the value group always takes part");
        // `door` and `by` open many a phrase: after them only a joined name in lower case
        // counts (`door kok_e`, `by=m.haarhuis`, not `door COVID-19`).
        let by = label.eq_ignore_ascii_case("door") || label.eq_ignore_ascii_case("by");
        let capitals = value.as_str().contains(|c: char| c.is_ascii_uppercase());
        if by && capitals {
            continue;
        }
        // After `door:` a word alone in lower case is a user name too (`Afgedrukt door: kaydin`),
        // and after a bare `door` one made of a person's name (`afgedrukt door hdemir`).
        // Not the start of a longer word or an address (`klachtenco|ördinatie`, `beheer@…`).
        let shaped = is_user_name(value.as_str(), marked && !by);
        let whole = !text[value.end()..].starts_with(|c: char| c.is_alphanumeric() || c == '@');
        let lower_word = whole && value.as_str().bytes().all(|b| b.is_ascii_lowercase());
        if !(shaped || by && lower_word) || is_service_account(value.as_str()) {
            continue;
        }
        // Nor a word or a title after the label (`by e-mail`, `agent: mevr Kowalczyk`).
        let folded = value.as_str().to_ascii_lowercase();
        if crate::names::lexicon::is_dutch_word(&folded)
            || folded == "e-mail"
            || crate::names::lexicon::GAZETTEER.is(&folded, crate::names::lexicon::class::TITLE)
        {
            continue;
        }
        let bare_after_door = || {
            let system_verb = text[..c.get(1).expect("always").start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| SYSTEM_VERBS.contains(&w.to_lowercase().as_str()));
            label.eq_ignore_ascii_case("door")
                && system_verb
                && !c[2].is_empty()
                && value.len() >= 5
                && !crate::names::lexicon::is_compound_word(&folded)
        };
        if shaped || is_made_of_a_name(value.as_str()) || bare_after_door() {
            out.push(Finding::new(
                value.start(),
                value.end(),
                Category::Other,
                "handle",
                "a user name",
            ));
        }
    }
    for c in LISTED_ACCOUNTS.captures_iter(text) {
        let list = c.get(1).expect("the list group always takes part");
        let mut at = list.start();
        // The list ends at the first entry that is no user name (`…, d.kuiper  # audit`).
        for entry in list.as_str().split(',') {
            let start = at + (entry.len() - entry.trim_start().len());
            at += entry.len() + 1;
            let rest = entry.trim();
            let value = rest.split([' ', '\t']).next().unwrap_or_default();
            let folded = value.to_ascii_lowercase();
            if !is_user_name(value, true)
                || is_service_account(value)
                || crate::names::lexicon::is_dutch_word(&folded)
            {
                break;
            }
            out.push(Finding::new(
                start,
                start + value.len(),
                Category::Other,
                "handle",
                "in a list of user names",
            ));
            if value.len() < rest.len() {
                break;
            }
        }
    }
    super::table::column_cells(
        text,
        |label| ACCOUNT_COLUMN.is_match(label),
        |start, end| {
            let value = &text[start..end];
            if !value.contains(' ') && is_user_name(value, true) && !is_service_account(value) {
                out.push(Finding::new(
                    start,
                    end,
                    Category::Other,
                    "handle",
                    "in a column of user names",
                ));
            }
        },
    );
}

/// Finds the user names that stand alone in a cell of a log's or an export's rows
/// (`…;intern;d.wubs;gesloten`, `| BACKOFF | adeboer2 |`), with or without a header.
fn log_cells(text: &str, out: &mut Vec<Finding>) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let Some(super::table::Separator::Char(sep)) =
            super::table::separator(line, &['|', ';', '\t'])
        else {
            continue;
        };
        let mut cell_start = at;
        for cell in line.split(sep) {
            let start = cell_start;
            cell_start += cell.len() + sep.len_utf8();
            let value = cell.trim();
            if value.len() >= 4 && is_made_of_a_name(value) {
                let s = start + (cell.len() - cell.trim_start().len());
                out.push(Finding::new(
                    s,
                    s + value.len(),
                    Category::Other,
                    "handle",
                    "a user name in a log's cell",
                ));
            }
        }
    }
}

/// Whether a word in lower case is a user name made from a person's name as systems make
/// them: an initial or two, a dot and a surname (`d.wubs`, `s.geraedts`), or initials run
/// together with a known surname, perhaps after a particle and before a number (`hdemir`,
/// `gjwolters`, `adeboer2`). Not a word (`gesloten`, `anoniem`), nor a file or a domain.
fn is_made_of_a_name(value: &str) -> bool {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word};
    const PARTICLES: &[&str] = &[
        "", "de", "van", "vd", "vander", "vanden", "ter", "ten", "el",
    ];
    let letters = value.trim_end_matches(|c: char| c.is_ascii_digit());
    if !letters.bytes().all(|b| b.is_ascii_lowercase() || b == b'.') || is_dutch_word(letters) {
        return false;
    }
    if let Some((initials, surname)) = letters.split_once('.') {
        return (1..=2).contains(&initials.len())
            && surname.len() >= 3
            && !surname.contains('.')
            && is_user_name(value, false);
    }
    if GAZETTEER.is(
        letters,
        class::FIRST_NAME | class::SURNAME | class::WORD | class::PLACE,
    ) {
        return false;
    }
    (1..=3).any(|n| {
        let rest = letters.get(n..).unwrap_or_default();
        PARTICLES.iter().any(|p| {
            rest.strip_prefix(p).is_some_and(|surname| {
                surname.len() >= 4
                    && GAZETTEER.is(surname, class::SURNAME)
                    && (!p.is_empty() || !is_dutch_word(surname))
            })
        })
    })
}

/// Finds Windows accounts with their domain and administrators' accounts.
fn system_accounts(text: &str, out: &mut Vec<Finding>) {
    if text.contains('\\') {
        for c in DOMAIN_ACCOUNT.captures_iter(text) {
            let (account, user) = (c.get(1).expect("always"), c.get(2).expect("always"));
            // Three letters are initials enough behind a domain (`PF\mli`).
            let initials = user.len() == 3 && user.as_str().bytes().all(|b| b.is_ascii_lowercase());
            if (initials || is_user_name(user.as_str(), true)) && !names_no_person(user.as_str()) {
                out.push(Finding::new(
                    account.start(),
                    account.end(),
                    Category::Other,
                    "handle",
                    "a user name with its domain",
                ));
            }
        }
    }
    if !text.contains("adm") && !text.contains("a-") {
        return;
    }
    for c in ADMIN_ACCOUNT.captures_iter(text) {
        let (account, prefix, rest) = (c.get(1).expect("always"), &c[2], &c[3]);
        // `a-` opens words too (`a-locatie`): only a long surname after it.
        let long_enough = prefix != "a" || rest.len() >= 6;
        if long_enough && !names_no_person(rest) {
            out.push(Finding::new(
                account.start(),
                account.end(),
                Category::Other,
                "handle",
                "an administrator's account",
            ));
        }
    }
}

/// A word right after a name, in brackets or a column apart (`Ait Taleb, Mohamed
/// (maittaleb)`, `Vermeulen, J.   JVERMEU3`).
static WORD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\x20\t]?\(|[\x20]{2,}|\t+)([A-Za-z0-9][A-Za-z0-9._-]{3,30})(?:\)|[\x20\t]|$)")
        .expect("word after pattern compiles")
});

/// A word right before a name, a column apart or with the name in brackets after it
/// (`TVDLINDEN   Linden, T. van der`, `door JVERMEU3 (J. Vermeulen, IKP)`).
static WORD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\x20\t])([A-Za-z0-9][A-Za-z0-9._-]{3,30})(?:[\x20]{2,}|\t+|[\x20\t]?\()$")
        .expect("word before pattern compiles")
});

/// Adds the user names made from the names among `findings` that stand beside them: in
/// brackets after them (`Sharma, Anil (asharma)`), before them in brackets (`JVERMEU3 (J.
/// Vermeulen)`) or a column apart (a log's legend, `TVDLINDEN   Linden, T. van der`), a
/// ticket system's or a log's way of naming its users. The user name, in one case, holds the
/// first five letters (or all four) of a word of the names on its line.
pub fn bound_to_names(text: &str, findings: &mut Vec<Finding>) {
    let names: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.category == Category::Name)
        .map(|f| (f.start, f.end))
        .collect();
    for &(start, end) in &names {
        let line_start = start - super::line_before(text, start, 200).len();
        let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
        let after = WORD_AFTER
            .captures(&text[end..])
            .and_then(|c| c.get(1))
            .map(|m| (end + m.start(), end + m.end()));
        let before = WORD_BEFORE
            .captures(&text[line_start..start])
            .and_then(|c| c.get(1))
            .map(|m| (line_start + m.start(), line_start + m.end()));
        for (s, e) in after.into_iter().chain(before) {
            let user = &text[s..e];
            let one_case = user.chars().all(|c| !c.is_ascii_uppercase())
                || user.chars().all(|c| !c.is_ascii_lowercase());
            let folded = user.to_ascii_lowercase();
            let made_of_a_name = names
                .iter()
                .filter(|&&(ns, ne)| ns >= line_start && ne <= line_end)
                .flat_map(|&(ns, ne)| {
                    crate::fold::fold(&text[ns..ne])
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| w.chars().count() >= 4)
                        .map(|w| w.chars().take(5).collect::<String>())
                        .collect::<Vec<_>>()
                })
                .any(|w| folded.contains(&w));
            let named = findings.iter().any(|f| f.start < e && s < f.end);
            if one_case && made_of_a_name && !named && !names_no_person(&folded) {
                findings.push(Finding::new(
                    s,
                    e,
                    Category::Other,
                    "handle",
                    "a user name beside the person's name",
                ));
            }
        }
    }
}

/// Finds the handles of people's accounts and user names in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    user_names(text, out);
    log_cells(text, out);
    system_accounts(text, out);
    if !text.contains('@') {
        return;
    }
    for c in HANDLE.captures_iter(text) {
        let m = c.get(1).expect("the handle group always takes part");
        let name = &m.as_str()[1..];
        // Not an e-mail address that follows (`@ gmail.com` is read by the e-mail rule), nor
        // one capitalised word (a chat's mention of a colleague).
        if text[m.end()..].starts_with(['@', '-']) || is_mention_of_a_name(name) {
            continue;
        }
        let folded = name.to_lowercase();
        if ORGANISATION_WORDS.iter().any(|w| folded.contains(w))
            || ORGANISATION_OPENINGS.iter().any(|w| folded.starts_with(w))
        {
            continue;
        }
        out.push(Finding::new(
            m.start(),
            m.end(),
            Category::Other,
            "handle",
            "a social-media account",
        ));
    }
}

/// Whether a handle is one word of letters with a capital only first (`Ingrid`, `Wubbolts`)
/// or any short word of letters (`@team`, `@allen`): a chat's mention, or no account.
fn is_mention_of_a_name(name: &str) -> bool {
    let letters = name.chars().all(char::is_alphabetic);
    let inner_capital = name.chars().skip(1).any(char::is_uppercase);
    letters && (name.starts_with(char::is_uppercase) && !inner_capital || name.chars().count() < 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn people_s_accounts_not_organisations_nor_mentions() {
        assert_eq!(
            found(
                "Twitter/X: @larsfeenstraAD, Instagram (@chantal.zomer_) en TikTok \"@jesseb_nl\"."
            ),
            ["@larsfeenstraAD", "@chantal.zomer_", "@jesseb_nl"]
        );
        assert_eq!(found("reactie van @dschuiling91: klopt"), ["@dschuiling91"]);
        // Organisations' accounts, mentions in a chat, e-mail addresses.
        assert!(found("zie @politie_maasaa en @RTVDrenthe, @knvb.oost").is_empty());
        assert!(found("@Ingrid kun jij dit oppakken? @allen graag").is_empty());
        assert!(found("mail j.smit@gmail.com of smit @ gmail.com").is_empty());
    }

    #[test]
    fn user_names_after_their_labels_and_in_their_columns() {
        assert_eq!(
            found(
                "Geëxporteerd door: kramer.a op 10-04\nGebruiker: vrieling_p\n\
                 onder gebruikersnaam \"airco_yusuf040\", EU Login dvolkov.gl en lkersten7"
            ),
            ["kramer.a", "vrieling_p", "airco_yusuf040", "dvolkov.gl"]
        );
        assert_eq!(
            found("Aangemaakt: 14-05 02:13  Gebruiker: KRIJSWIJK, USER-ID: MOZDEMIR01\n"),
            ["KRIJSWIJK", "MOZDEMIR01"]
        );
        let t = "Rekening |Naam            |EU Login-ID |Sinds\n\
                 NL-100   |Kersten, Lisa   |lkersten7   |2021\n\
                 NL-100   |Wittebrood, Jan |jwittebr    |2019\n";
        assert_eq!(found(t), ["lkersten7", "jwittebr"]);
        // A list after a plural label, up to the first entry that is none.
        assert_eq!(
            found("# records: 21   gebruikers: pwijngaarde, lisa.t, d.kuiper  # audit\n"),
            ["pwijngaarde", "lisa.t", "d.kuiper"]
        );
        assert!(found("gebruikers: iedereen, behalve svc-backup\n").is_empty());
        // Phrases, abbreviations, domains and files after the same words.
        assert!(
            found(
                "door v.d. Berg, door o.a. de GGD, door rws.nl, door Jansen, user experience, \
                 gebruiker van de app, account: rapport_v2.pdf, door middel van, door COVID-19"
            )
            .is_empty()
        );
    }

    #[test]
    fn user_names_made_of_names_in_a_log_s_cells() {
        let log = "OM-11;2024-04-02 11:05;veldteam;schade;intern;d.wubs;gesloten\n\
                   2022-09-26T08:30:12 | BACKOFF | adeboer2   | TOEGEWEZEN\n\
                   2024-06-25 09:08:12 ; hdemir ; ADMIN ; DOSSIER_AANMAKEN\n\
                   ticket=TMS-44817 assignee=m.haarhuis, closed by=m.haarhuis\n";
        assert_eq!(
            found(log),
            ["m.haarhuis", "m.haarhuis", "d.wubs", "adeboer2", "hdemir"]
        );
        let printed = "Afgedrukt door: kaydin op 10-04\nLaatst gewijzigd door: bramj\n\
                       2024-05-16 09:12:40 | PF\\mli | TAAK_GEOPEND\n";
        assert_eq!(found(printed), ["kaydin", "bramj", "PF\\mli"]);
        // Words, abbreviations and files in cells; words after the labels.
        let kept = "a | anoniem | gesloten | afgesl | n.v.t. | bijlage.pdf | o.a. | bakker\n\
                    reply by e-mail or by phone; Notitie agent: mevr Kowalczyk\n\
                    Verwezen door: outreachend werker, Aangeleverd door: beheer@nvwa.nl, \
                    deploy by=pipeline, Ontvangen door: klachtencoördinatie\n";
        assert!(found(kept).is_empty(), "{:?}", found(kept));
    }

    #[test]
    fn windows_accounts_with_their_domain_and_administrators_accounts() {
        let log = "user=\"GEM\\gbiemans\" remip=188.146.0.1\n\
                   4624 TargetUserName=jdevries SubjectUserName=twisniewski\n\
                   Beheer: adm-pkoster, adm2-jdv en a-kvdheijden (zie 'SSC\\asharma').\n\
                   2024-04-03T08:12:09;LH\\y.tesfamariam;REGISTREREN\n";
        assert_eq!(
            found(log),
            [
                "jdevries",
                "twisniewski",
                "GEM\\gbiemans",
                "SSC\\asharma",
                "LH\\y.tesfamariam",
                "adm-pkoster",
                "adm2-jdv",
                "a-kvdheijden"
            ]
        );
        // Services' accounts, paths and files, words after `a-`.
        let kept = "TargetUserName=svc-backup [MEIERVELD\\svc-backup] \\\\MVD-FS02\\Sociaal\\x \
                    X:\\IRN\\incident_20241112 GIS\\meldingen_2024_v3.png a-locatie adm-backup\n";
        assert!(found(kept).is_empty(), "{:?}", found(kept));
        // Where the domain opens before a user name, as the pattern reads it.
        let log = "door MVD-FS\\h.yildirim en x\\h.yildirim";
        let at = |n: usize| log.match_indices("h.yildirim").nth(n).unwrap().0;
        assert_eq!(domain_start(log, at(0)), Some(5));
        assert_eq!(domain_start(log, at(1)), None);
    }

    #[test]
    fn a_user_name_beside_the_name_it_is_made_of() {
        let text = "Behandelaar: Ait Taleb, Mohamed (maittaleb)\nBeh.: Anil Sharma (ict)\n\
                    TVDLINDEN   Linden, T. van der   centralist\n\
                    door JVERMEU3 (J. Vermeulen, IKP)\nWINTER   Winter, J.\n";
        let name = |w: &str| {
            let s = text.find(w).expect("in the text");
            Finding::new(s, s + w.len(), Category::Name, "name", "test")
        };
        let mut findings = vec![
            name("Ait Taleb"),
            name("Mohamed"),
            name("Anil Sharma"),
            name("Linden, T. van der"),
            name("J. Vermeulen"),
            name("Winter, J."),
        ];
        bound_to_names(text, &mut findings);
        let users: Vec<&str> = findings[6..]
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        // Not `ict`, nor a surname that is a word (`WINTER`), which the names' rules judge.
        assert_eq!(users, ["maittaleb", "TVDLINDEN", "JVERMEU3"]);
    }
}
