//! Numbers that identify a person, known by their label: a client or relation number, a tax
//! subject number, a livestock holding's or poultry site's number (UBN, KIP: most farms are a
//! farmer's own), a care provider's AGB code and a budget holder's pgb number, an
//! enforcement officer's (BOA's) registration number, a citizen's own case number (`mijn
//! dossiernummer`), a fine's number at the CJIB, a boatman's papers, a passport, driving
//! licence or alien number, an insurance policy or claim number, a player's account, a police
//! officer's personnel number (`pnr`), another country's national number (`DNI`, `PESEL`,
//! `T.C. Kimlik No`, `Rijksregisternummer`, `Steuer-ID`), a car's registration papers
//! (`kentekencard`, `tenaamstellingscode`, the `meldcode`), a phone's `IMEI`, a pet's chip, a
//! house's WOZ object number and its owner's tax assessment (`aanslagnummer`), a tenancy
//! contract's number, a marketplace account's id and login IP. Such a number
//! leads straight to the person, so it goes under the privacy ground like a licence plate.
//! So does a VAT number that holds a BSN, and a sole trader's VAT identification number.
//!
//! The number itself has no telling shape (`300188`, `4401-228-917`, `IP23-0617445`), so only
//! its label decides: right before it on the line (`Klantnummer : 301457`, `BOA 7231`,
//! `(nr. 7250)` after `BOA`, a form's `Relatienummer RVO      300147826`), or at the head of
//! its column in a table written with tabs, `|` or `;`. In a register of people (a table
//! about clients, pupils or parents, with their BSNs or dates of birth) the column of numbers
//! that keys the rows is theirs too (`dossiernr`). Labels of things that are no person's
//! (case, invoice and document numbers) are not among them: those references stay readable.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::{Finding, Lines, is_whole_token, line_before};
use crate::fold::fold;
use crate::policy::Category;

/// The labels, as a pattern; `(?:nummer|nr)` endings are spelled out per label.
const LABELS: &str = r"(?:(?:pers\.?|stud\.?)/)?(?:klant|relatie|tolk|cli[eë]nt|debiteur|pati[eë]nt|personeels|pers\.|dienst|stam|lid|lidmaatschaps|persoons|pas|student|stud\.|leerling|lln\.?|onderwijs|verzekerden|subject|vreemdelingen|bewoners|huurders?|huur|inschrijf|inschrijvings|deelnemers|budgethouders?|budget|bh|parket|pat\.?|a|v|account|cjib|kaart|steward|ambtenaar|versicherten)[-_]?(?:nummer|nr)s?\.?|pers[-_]?nr\.?|(?:personnel|employee|staff|client|customer|patient|member|student|account|driver|card|v)[\s-]+(?:number|no|id)\.?|driving\s+licen[cs]e\s+(?:number|no)\.?|klnr\.?|relatie|account|pnr|(?:pas/)?badge(?:nummer|nr)?|ip(?:-?(?:adres|address))?|big-?(?:registratie)?(?:nummer|nr)?|(?:(?:nummer|nr\.?)\s+)?(?:paspoort|passport|dienstpas|tazkira|rijbewijs|identiteitskaart|id-kaart|verblijfsdocument|verblijfsvergunning|polis|legitimatie|jachtakte|(?:chauffeurs|bestuurders|tachograaf|seizoen|abonnements|combi|club|leden|klanten|stads)kaart|clubcard)(?:nummer|nr)?s?\.?|schade(?:nummer|nr)\.?\s+(?:eigen\s+|bij\s+(?:de\s+|uw\s+)?)?verzekeraar|isn|skn|passport\s+(?:no|number)\.?|boa(?:-?(?:registratie)?(?:nummer|nr)\.?)?|(?:dienstboek(?:je)?|vaarboek(?:je)?|vaarbewijs|schifferdienstbuch|(?:rijn|rhein)patent)[-_ ]?(?:nummer|nr)s?\.?|(?:ubn|kip)(?:'s|-?(?:nummer|nr)s?\.?)?|agb(?:-?code)?(?:\s+zorgverlener)?|(?:boa|toezichthouder|handhaver)\S*,?\s+registratie(?:nummer|nr)\.?|mijn\s+(?:dossier|zaak|aanvraag|registratie|schade)(?:nummer|nr)\.?|dni|nie|nif|nin|c[eé]dula|crib(?:-?(?:nummer|nr)\.?)?|kra\s+pin|(?:national\s+)?id\s+(?:no|number)\.?|pesel|(?:t\.?\s?c\.?\s+)?kimlik(?:\s+no\.?|\s+numaras[ıi])?|rijksregister(?:nummer|nr)\.?|insz(?:-?nummer)?|national\s+register\s+number|num[ée]ro\s+national|steuer-?id(?:entifikationsnummer)?|sozialversicherungsnummer|rentenversicherungsnummer|national\s+insurance\s+number|nino|social\s+security\s+number|ssn|codice\s+fiscale|cnp|egn|personnummer|cpr-?nummer|kentekencard(?:\s*document)?(?:nummer|nr)?s?\.?|kentekenbewijs(?:nummer|nr)?\.?|tenaamstellingscode|meldcode|imei(?:-?nummer)?|(?:woz-?)?object(?:nummer|nr)s?\.?|obj\.?|aanslag(?:nummer|nr)s?\.?|(?:tax\s+)?assessment\s+(?:number|no)\.?|chip(?:nummer|nr)?s?\.?|huurcontract(?:nummer|nr)s?\.?|(?:account|gebruikers|user|klant)-?id|login-?ip|loonheffingen(?:nummer|nr)\.?|dnr(?:-?(?:nummer|nr)\.?)?|persoonscertificaat(?:nummer|nr)?\.?|rt-?nr\.?|personalausweis(?:nummer|[\s-]nr\.?)?|id-?(?:document|bewijs)(?:nummer|nr)?\.?|identiteitsbewijs|legitimatiebewijs|wb?tv(?:-?(?:nummer|nr)\.?)?";

/// A value: letters and digits, in groups joined by `-`, `.` or `/` (`NVWA-T-40281`), or
/// digits grouped by spaces as numbers are read out (`V-28 1046 7733`, `40 17 223 918`).
const VALUE: &str = r"(?:[0-9]{2,4}(?: [0-9]{2,5}){2,5}(?-u:\b)|(?:[A-Za-z]{1,5}-)?(?:[A-Za-z]{1,4}-?|(?-i:[A-Z][A-Za-z]{0,3}) )?[0-9][0-9A-Za-z]*(?:[-./][0-9A-Za-z]+)*(?: [0-9]{3,7}(?-u:\b))*)";

/// A passport number after the abbreviation `pp` (`pp P02716584`, `PP K9451 7703`): one or
/// two capitals, then digits, as the abbreviation alone is also the pages' (`pp. 12-14`).
static PASSPORT_PP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:pp|PP)\.?[\t ]+([A-Z]{1,2}[0-9O][0-9O]{2,8}(?: [0-9]{3,5})?)(?-u:\b)")
        .expect("passport pattern compiles")
});

/// What ends a form's label before its value: a colon, or dot leaders (`Patiëntnummer
/// ........... 7731988`, `nr . . . . 4409`) with or without one. Up to three words or a
/// bracket may qualify the label first (`Klantnummer aanvrager (Zaaksysteem): KL-0049217`).
const LEADERS: &str = r"(?:[\t ]*:|[\t ]*(?:\.[\t ]?){2,}:?)[\t ]*";

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!(
        r"(?i)(?-u:\b)(?:{LABELS})(?:(?:[\t ]+(?:\([^()\n]{{1,30}}\)|[^\W\d][\w.-]*)){{1,3}}{LEADERS}|[\t ]+[^\W\d][\w.]*[\t ]{{2,}}|[\t ]*{LEADERS}|[\t ]*(?:\(\s*(?:nr\.?|nummer)?\s*|\)?[:=]\s*|(?:nr\.?|nummer)\s*(?:is\s+)?|(?:is|was|luidt|ta)\s+)?)[‹<\[]?\s*({VALUE})"
    ))
    // Its many labels make a large lazy DFA: with the default cache it is cleared and built
    // again within a batch (over the development corpus its search took 24.5 ms with the
    // default cache, 15 ms with 10 MiB or more).
    .dfa_size_limit(16 << 20)
    .build()
    .expect("person number pattern compiles")
});

/// An identity document named first and its number later in the clause
/// (`verblijfsdocument (tijdelijke bescherming), nr W3XK82741`). Apart from [`LABELLED`]: the
/// long document words keep the search fast.
static DOCUMENT_THEN_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:paspoort|rijbewijs|identiteitskaart|identiteitsbewijs|id-kaart|verblijfsdocument|verblijfsvergunning|legitimatiebewijs)(?-u:\b)[^\d\n]{{0,40}}?(?-u:\b)(?:nr\.?|nummer)\s*:?\s*({VALUE})"
    ))
    .expect("document number pattern compiles")
});

/// An identity card's or residence document's number in its own shape, one to three capitals
/// and six to eight digits or nine capitals and digits, after the document's name within the
/// clause, also on the next line (`Pools ID-bewijs⏎nr. CFA 482915`, `PL ID DBK 119034`,
/// `id-kaart RO:⏎ RT 118240`, `verbl.doc. W51K32871`). The shape, not a `nr`, says it is the
/// number.
static ID_DOCUMENT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:id-?bewijs|id-?kaart|identiteitsbewijs|identiteitskaart|verbl(?:ijfs)?\.?\s?doc(?:ument)?\.?|(?-i:ID)|dowód(?:\s+osobisty)?|personalausweis|carte\s+d'identit[ée])[^\d\n]{0,30}?\n?[^\d\n]{0,20}?(?-u:\b)((?-i:[A-Z]{1,3} ?[0-9]{6,8}|[A-Z0-9]{9}))(?-u:\b)",
    )
    .expect("identity document pattern compiles")
});

/// The next value of a list after a label in the plural (`bewonersnummers: LH-0113, LH-0087`).
static NEXT_IN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?:,|;|/|(?-u:\b)en(?-u:\b))\s*({VALUE})"))
        .expect("list pattern compiles")
});

static LABEL_CELL: LazyLock<Regex> = LazyLock::new(|| {
    // An organisation's prefix may open the header (`ND-pasnr`, `COA-bewonersnr`).
    Regex::new(&format!(
        r"(?i)^(?:[A-Za-z]{{1,5}}-)?(?:{LABELS})(?:[\s/]+\w+)?$"
    ))
    .expect("label cell pattern compiles")
});

static VALUE_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{VALUE}$")).expect("value cell pattern compiles"));

/// A date, with or without its year (`23-02-2025`, `12-03`).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9]{1,2}[-/.][0-9]{1,2}(?:[-/.](?:[0-9]{2}|[0-9]{4}))?$")
        .expect("date pattern compiles")
});

/// The rule of every person number, read here or remembered from another document.
pub(crate) const RULE: &str = "person-number";

/// The evidence of a number read after its label (not from a column or a bracket).
pub(crate) const LABELLED_EVIDENCE: &str = "labelled as a person's number";

/// The evidence of a number in a column whose header is a person-number label.
pub(crate) const LABELLED_COLUMN_EVIDENCE: &str = "in a column labelled as person numbers";

/// At least this many digits: shorter numbers are counts, rooms and extensions.
const MIN_DIGITS: usize = 4;

/// A number has at least [`MIN_DIGITS`] digits, or is a document number of eight or more
/// letters and digits with two digits at least (a passport's `NXR7K4PL2`).
fn is_number(value: &str) -> bool {
    // A date is a date, whatever its label (`Datum schade : 23-02-2025`).
    if DATE.is_match(value) {
        return false;
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let code = value.chars().filter(char::is_ascii_alphanumeric).count();
    digits >= MIN_DIGITS || (code >= 8 && digits >= 2)
}

/// A line of an identity document's machine-readable zone (`P<NLDOKONKWO<<CHUKWUEMEKA<<<`,
/// `NW3K8PL729NLD8205111M2802149…`): name, number and birth date in one, 30, 36 or 44 capitals,
/// digits and fillers with a `<<` in it (28 to 48, for what OCR adds or drops).
static MRZ_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[\x20\t]*([A-Z0-9<]{28,48})[\x20\t]*$").expect("MRZ pattern compiles")
});

/// The lines of machine-readable zones in `text`.
fn machine_readable_zones(text: &str, out: &mut Vec<Finding>) {
    if !text.contains("<<") {
        return;
    }
    for c in MRZ_LINE.captures_iter(text) {
        let line = c.get(1).expect("the line group always takes part");
        if line.as_str().contains("<<") {
            out.push(Finding::new(
                line.start(),
                line.end(),
                Category::Other,
                RULE,
                "a line of an identity document's machine-readable zone",
            ));
        }
    }
}

/// A Dutch passport's or identity card's document number, known by its shape alone: two
/// letters, six letters or digits and a digit, never the letter O (`NXK7R2P91`). Read
/// without a label, as a register pastes it in a column of its own. A letter among the
/// middle six and two digits at least tell it from a code of letters and a number.
static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9](?-u:\b)")
        .expect("document number pattern compiles")
});

fn document_numbers(text: &str, labelled_from: usize, out: &mut Vec<Finding>) {
    // The numbers a label already gave (from `labelled_from` on in `out`), by start.
    let mut labelled: Vec<(usize, usize)> = out[labelled_from..]
        .iter()
        .map(|f| (f.start, f.end))
        .collect();
    labelled.sort_unstable();
    for m in DOCUMENT_NUMBER.find_iter(text) {
        let at = labelled.partition_point(|&(s, _)| s <= m.start());
        if labelled[..at]
            .iter()
            .rev()
            .take(4)
            .any(|&(_, e)| m.end() <= e)
        {
            continue;
        }
        let v = m.as_str().as_bytes();
        let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
        let letter_inside = v[2..8].iter().any(u8::is_ascii_uppercase);
        // Not part of a longer code (`NL-ABC12345`, `XK7R2P91-2`).
        let glued = |b: Option<&u8>| b.is_some_and(|&b| b == b'-' || b == b'/' || b == b'_');
        let bytes = text.as_bytes();
        if digits >= 2
            && letter_inside
            && !glued(m.start().checked_sub(1).and_then(|i| bytes.get(i)))
            && !glued(bytes.get(m.end()))
        {
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Other,
                RULE,
                "shaped as a Dutch passport or identity card number",
            ));
        }
    }
}

/// Labels that are words for the thing, not its number (`schade`, `polis`): one is followed
/// by its number (`polis: 7719-3342`), never by `is` and a number (`de schade is 4.800`).
const WORD_LABELS: &[&str] = &[
    "paspoort",
    "passport",
    "tazkira",
    "rijbewijs",
    "identiteitskaart",
    "id-kaart",
    "verblijfsdocument",
    "verblijfsvergunning",
    "polis",
    "schade",
    "legitimatie",
    "jachtakte",
];

/// Finds labelled person numbers in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    read(text, out, true);
}

/// The numbers of [`detect`] found by their label, in a column or as if labelled: those the
/// batch looks for in other documents (see [`crate::known`]), at less cost.
pub(crate) fn labelled_only(text: &str, out: &mut Vec<Finding>) {
    read(text, out, false);
}

/// [`detect`], or with `unlabelled` false without the rules that find numbers by their shape
/// or by a register's key column (their findings are never [`LABELLED_EVIDENCE`] or
/// [`LABELLED_COLUMN_EVIDENCE`], and no other rule reads them).
fn read(text: &str, out: &mut Vec<Finding>, unlabelled: bool) {
    let from = out.len();
    for c in LABELLED
        .captures_iter(text)
        .chain(DOCUMENT_THEN_NUMBER.captures_iter(text))
        .chain(PASSPORT_PP.captures_iter(text))
    {
        let value = c.get(1).expect("the value group always takes part");
        // A label at the end of one line does not own the next line's number.
        let between = &text[c.get(0).expect("whole match").start()..value.start()];
        if between.contains('\n') || !is_number(value.as_str()) {
            continue;
        }
        // A label joined to the number by a hyphen is a code's prefix (`BIG-2022-013951`,
        // a file of the BIG register), not a label.
        if between.ends_with('-') {
            continue;
        }
        // `Het klantnummer is 0418327`, `UBN is 6207415`, but not `de schade is 4.800
        // euro`: after `is` only a label that names a number.
        let folded = between.to_lowercase();
        let copula = [" is ", " was ", " luidt ", " ta "]
            .iter()
            .any(|c| folded.ends_with(c));
        let label = folded.split_whitespace().next().unwrap_or("");
        let named_a_number = folded.contains(" nr") || folded.contains("nummer ");
        if copula && WORD_LABELS.contains(&label) && !named_a_number {
            continue;
        }
        let end = before_a_date(text, value.start(), value.end());
        let mut value = (
            value.start(),
            short_last_group_end(text, value.start(), end),
        );
        while is_whole_token(text, value.0, value.1) && is_number(&text[value.0..value.1]) {
            out.push(Finding::new(
                value.0,
                value.1,
                Category::Other,
                RULE,
                LABELLED_EVIDENCE,
            ));
            match NEXT_IN_LIST
                .captures(&text[value.1..])
                .and_then(|c| c.get(1))
            {
                Some(next) => value = (value.1 + next.start(), value.1 + next.end()),
                None => break,
            }
        }
    }
    for c in ID_DOCUMENT_CODE.captures_iter(text) {
        let value = c.get(1).expect("the value group always takes part");
        // Nine characters must hold a letter and two digits (not `OVERZICHT`, not a number).
        let code = value.as_str();
        let letters = code.chars().filter(char::is_ascii_uppercase).count();
        let digits = code.chars().filter(char::is_ascii_digit).count();
        let known = out[from..]
            .iter()
            .any(|f| f.start <= value.start() && value.end() <= f.end);
        if letters >= 1 && digits >= 2 && !known && is_whole_token(text, value.start(), value.end())
        {
            out.push(Finding::new(
                value.start(),
                value.end(),
                Category::Other,
                RULE,
                LABELLED_EVIDENCE,
            ));
        }
    }
    columns(text, out);
    if unlabelled {
        key_columns_by_value(text, out);
        machine_readable_zones(text, out);
        document_numbers(text, from, out);
        vat_numbers_of_people(text, out);
    }
    kvk_numbers_of_people(text, out);
    kvk_column_of_people(text, out);
    pilot_certificates(text, out);
}

/// A remote pilot's certificate under the EU's drone rules (Regulation 2019/947:
/// `NLD-RP-2c91e7d04a6f`, `BEL-RP-000418832`, and the `STS` one): always a person's, where an
/// operator's registration may be a company's.
fn pilot_certificates(text: &str, out: &mut Vec<Finding>) {
    static PILOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)[A-Z]{3}-(?:RP|STS)-[0-9A-Za-z]{6,16}(?-u:\b)")
            .expect("pilot certificate pattern compiles")
    });
    out.extend(PILOT.find_iter(text).map(|m| labelled(m.start(), m.end())));
}

/// A number found as a person's as if labelled, which the batch then looks for elsewhere.
fn labelled(start: usize, end: usize) -> Finding {
    Finding::new(start, end, Category::Other, RULE, LABELLED_EVIDENCE)
}

/// Trade-register numbers in a `KvK` column, in the rows of sole traders and partnerships (a
/// market's allocation list: `Mulder, G.J.⇥eenmanszaak⇥Vis⇥39087712`, a subsidy register's
/// `ez` for eenmanszaak), not of companies.
fn kvk_column_of_people(text: &str, out: &mut Vec<Finding>) {
    let is_kvk = |label: &str| label_words(label).first().is_some_and(|w| w == "kvk");
    if !text.contains(['\t', '|']) {
        return;
    }
    super::table::chosen_column_cells(
        text,
        |labels| labels.iter().map(|l| is_kvk(l)).collect(),
        |start, end, _| {
            let value = &text[start..end];
            let digits = value.chars().filter(char::is_ascii_digit).count();
            if digits != 8 || !value.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                return;
            }
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
            let cells: Vec<String> = text[line_start..line_end]
                .split(['\t', '|', '(', ')', ',', ';'])
                .map(|c| fold(c.trim()))
                .collect();
            // A register writes `ez` for eenmanszaak in a cell of its own.
            let words = cells
                .iter()
                .map(|c| if c == "ez" { "eenmanszaak" } else { c.as_str() })
                .flat_map(str::split_whitespace);
            if run_by_people(words) {
                out.push(labelled(start, end));
            }
        },
    );
}

/// Words that make a business one person's, or a partnership of people: its registration
/// in the trade register is theirs (folded, whole words).
const PERSONAL_BUSINESS: &[&str] = &[
    "eenmanszaak",
    "eenmanszaken",
    "vof",
    "v.o.f.",
    "v.o.f",
    "maatschap",
    "mts",
    "h.o.d.n.",
    "hodn",
    "zzp",
    "zzp'er",
];

/// Words that make a business a legal person, whose registration is a public reference.
const LEGAL_PERSON: &[&str] = &[
    "b.v.",
    "bv",
    "n.v.",
    "nv",
    "stichting",
    "vereniging",
    "coöperatie",
    "cooperatie",
    "holding",
];

/// Whether the words around a trade-register number (folded) make the business one person's
/// or a partnership's, and none makes it a company (`B.V.`, `stichting`).
fn run_by_people<'w>(words: impl IntoIterator<Item = &'w str> + Clone) -> bool {
    words
        .clone()
        .into_iter()
        .any(|w| PERSONAL_BUSINESS.contains(&w))
        && !words.into_iter().any(|w| LEGAL_PERSON.contains(&w))
}

/// A trade-register number of a sole trader or a partnership (`KvK 14082735 (eenmanszaak)`,
/// `Maatschap Wolbrink … KvK 08123377`, `h.o.d.n. Autohandel D. Smit … (KvK 71840093)`), and
/// its VAT or establishment number (`BTW-id NL002217846B71`, `Vestigingsnummer …`):
/// it identifies the people who run it, where a company's number is a public reference. Read
/// from the number's line, the three lines above it and the one below, within its block; not
/// where they name a company too (`Aydın Thuiszorg B.V., h.o.d.n. ZorgSamen`).
fn kvk_numbers_of_people(text: &str, out: &mut Vec<Finding>) {
    static KVK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:(?-u:\b)kvk|kamer van koophandel|handelsregister)(?:[- ]?(?:nummer|nr\.?))?[^0-9\n]{0,40}?(?-u:\b)([0-9]{8}|[0-9]{4} [0-9]{4})(?-u:\b)",
        )
        .expect("trade register number pattern compiles")
    });
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | ';' | '"'))
            .filter(|w| !w.is_empty())
            .map(|w| crate::fold::fold(w).trim_end_matches(',').to_string())
            .collect()
    };
    static VAT_OR_BRANCH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:(?-u:\b)btw|(?-u:\b)vat|vestigings)[- ]?(?:id|nummer|nr\.?|number|no\.?)?[^0-9\n]{0,20}?(?-u:\b)(NL ?[0-9]{9} ?B ?[0-9]{2}|[0-9]{12})(?-u:\b)",
        )
        .expect("VAT or branch number pattern compiles")
    });
    let mut lines: Option<Lines> = None;
    for c in KVK
        .captures_iter(text)
        .chain(VAT_OR_BRANCH.captures_iter(text))
    {
        let number = c.get(1).expect("the number group always takes part");
        let lines = lines.get_or_insert_with(|| Lines::new(text));
        // The lines around it, not across a blank line.
        let mut from = lines.start(number.start());
        for _ in 0..3 {
            if from == 0 || text[lines.start(from - 1)..from - 1].trim().is_empty() {
                break;
            }
            from = lines.start(from - 1);
        }
        let line_end = lines.end(number.end(), text.len());
        let to = if line_end < text.len() {
            lines.end(line_end + 1, text.len())
        } else {
            line_end
        };
        let around = words(&text[from..to]);
        if run_by_people(around.iter().map(String::as_str))
            && is_whole_token(text, number.start(), number.end())
        {
            out.push(labelled(number.start(), number.end()));
        }
    }
}

/// A VAT number of a person: one that holds a citizen service number (`NL753453423B01`), as
/// a sole trader's old turnover-tax number was the owner's BSN with a suffix, or a sole
/// trader's VAT identification number since 2020 (`NL002217846B71`: `NL00`, and a suffix
/// past `B01`). A company's VAT number holds no BSN and ends in `B01`.
fn vat_numbers_of_people(text: &str, out: &mut Vec<Finding>) {
    static VAT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)NL ?([0-9]{9}) ?B ?([0-9]{2})(?-u:\b)")
            .expect("VAT number pattern compiles")
    });
    for c in VAT.captures_iter(text) {
        let (whole, digits) = (c.get(0).expect("whole match"), c.get(1).expect("digits"));
        if digits.as_str().starts_with("00") && &c[2] != "01" {
            out.push(Finding::new(
                whole.start(),
                whole.end(),
                Category::Other,
                RULE,
                "a sole trader's VAT identification number",
            ));
            continue;
        }
        let mut nine = [0u8; 9];
        for (d, b) in nine.iter_mut().zip(digits.as_str().bytes()) {
            *d = b - b'0';
        }
        if super::bsn::elfproef(&nine) {
            out.push(Finding::new(
                whole.start(),
                whole.end(),
                Category::Other,
                RULE,
                "a VAT number that holds a citizen service number",
            ));
        }
    }
}

/// The end of a number read out in groups, without a last group that opens a date
/// (`4410 2893 12-03-2024`).
fn before_a_date(text: &str, start: usize, end: usize) -> usize {
    match text[start..end].rfind(' ') {
        Some(space) if date_goes_on(text.as_bytes(), end) => start + space,
        _ => end,
    }
}

/// Whether a date goes on at byte `at` from the digits before it (`12` of `12-03-2024`).
fn date_goes_on(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b'-' | b'/' | b'.' | b':'))
        && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
}

/// The end of a number read out in groups whose last group is two digits (`4410 2893 71`,
/// a driving licence's client number): [`VALUE`] takes groups of three digits or more, as a
/// lone two-digit group may be a day (`klantnr 300188 12 maart`). Only after a grouped
/// number, and not when a date goes on from it (`… 12-03-2024`).
fn short_last_group_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let group = bytes
        .get(end..end + 3)
        .is_some_and(|g| g[0] == b' ' && g[1].is_ascii_digit() && g[2].is_ascii_digit());
    let after = bytes.get(end + 3).copied();
    let closed = !after.is_some_and(|b| b.is_ascii_alphanumeric()) && !date_goes_on(bytes, end + 3);
    if text[start..end].contains(' ') && group && closed {
        end + 3
    } else {
        end
    }
}

/// A number in brackets right after a name removed as a person's (`P. Kowalczyk (208817)`,
/// `STANEKZAI, Zarmina (KBL-OLE-0131)`): in lists and tables of people, the number the
/// organisation keys them by. A year (`Jansen (2019)`) or a date (`(12-03)`) is no key, and
/// a number with a year in it is a case's (`bezwaar Van de Laar (BZ-2022-0079)`), as is one
/// after a word for a case (`melding H. Zomer (M24-00211)`).
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    // One code, or digits in groups; no label before it: `(BOA 7231)` was read with its label.
    Regex::new(
        r"^[\t ]?\([\t ]?([0-9A-Za-z]+(?:[-./][0-9A-Za-z]+)*|[0-9]+(?: [0-9]{3,5})+)[\t ]?\)",
    )
    .expect("bracket pattern compiles")
});

/// A short code of letters then digits, as a service number or call sign is written after
/// a name (`R. Aydın (OBB079)`, `(TFU-0388)`): two letters or more, then three digits or more.
fn is_service_code(value: &str) -> bool {
    let letters = value.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = value[letters..].trim_start_matches('-');
    letters >= 2 && rest.len() >= 3 && rest.chars().all(|c| c.is_ascii_digit())
}

/// A year, or a year within a number: four digits from 1900 to 2099 not among other digits.
static YEAR_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(?:19|20)[0-9]{2}(?:[^0-9]|$)").expect("year pattern compiles")
});

/// A word for a case a person brought or is the subject of, before the name.
static CASE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:melding|bezwaar|beroep|klacht|claim|zaak|verzoek|aanvraag|schade\w*|dossier|casus)(?-u:\b)")
        .expect("case word pattern compiles")
});

/// Adds the numbers bound to the names among `findings` (see [`BRACKETED`]).
pub fn bound_to_names(text: &str, findings: &mut Vec<Finding>) {
    let names = findings.len();
    for i in 0..names {
        if findings[i].category != Category::Name {
            continue;
        }
        let end = findings[i].end;
        let Some(c) = BRACKETED.captures(&text[end..]) else {
            continue;
        };
        let value = c.get(1).expect("the value group always takes part");
        let number = value.as_str();
        let before = line_before(text, findings[i].start, 40);
        if (is_number(number) || is_service_code(number))
            && !YEAR_IN.is_match(number)
            && !CASE_WORD.is_match(before)
        {
            findings.push(Finding::new(
                end + value.start(),
                end + value.end(),
                Category::Other,
                RULE,
                "in brackets after a person's name",
            ));
        }
    }
}

/// Numbers in a table column whose header is a person-number label, or, in a register of
/// people, any column of numbers that keys its rows (see [`is_key_label`]).
fn columns(text: &str, out: &mut Vec<Finding>) {
    let choose = |labels: &[&str]| {
        let register = is_register(labels);
        labels
            .iter()
            .map(|l| is_label_cell(l) || (register && is_key_label(l)))
            .collect()
    };
    let labelled = out.len();
    super::table::chosen_column_cells(text, choose, |start, end, label| {
        let value = &text[start..end];
        // A cell that repeats its label (`UBN 1178204`) was read with it already.
        let read = out[..labelled]
            .iter()
            .any(|f| f.start < end && start < f.end);
        if VALUE_CELL.is_match(value) && is_number(value) && !read {
            out.push(Finding::new(
                start,
                end,
                Category::Other,
                RULE,
                // A column labelled as people's numbers labels each of them.
                if is_label_cell(label) {
                    LABELLED_COLUMN_EVIDENCE
                } else {
                    "in a column of person numbers"
                },
            ));
        } else if !read && let Some(code) = document_code_after_kind(value) {
            out.push(Finding::new(
                start + code.start,
                start + code.end,
                Category::Other,
                RULE,
                LABELLED_COLUMN_EVIDENCE,
            ));
        }
    });
}

/// The number in an identity-document cell that opens with the document's kind, abbreviated
/// as its country writes it (`CI SV512907`, `PASZ EK7302914`, `LK 645120387`): after one to
/// five capitals, up to three capitals and six to nine digits, or nine capitals and digits.
fn document_code_after_kind(cell: &str) -> Option<std::ops::Range<usize>> {
    static KIND_THEN_CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z]{1,5}\.? ([A-Z]{1,3} ?[0-9]{6,9}|[A-Z0-9]{9})$")
            .expect("document cell pattern compiles")
    });
    let code = KIND_THEN_CODE.captures(cell)?.get(1)?;
    let digits = code.as_str().bytes().filter(u8::is_ascii_digit).count();
    (digits >= 6).then_some(code.range())
}

/// The key column of a register of people whose label does not say it is one (`osiris`,
/// `relatiecode`, `registratie`): every value a code of letters and digits or a long number,
/// hardly one twice (a volunteer with two tasks has two rows). An export puts the number its
/// organisation keys people by before their names; a register that gives their BSNs or
/// birth dates keys its rows by each person wherever the column stands. Either way the
/// number leads to the person as surely as a client number.
fn key_columns_by_value(text: &str, out: &mut Vec<Finding>) {
    let choose = |labels: &[&str]| {
        let name = labels.iter().position(|l| is_name_column(l));
        let register = is_register(labels);
        let about_people = labels.iter().any(|l| is_subject_column(l));
        (0..labels.len())
            .map(|k| {
                let label = labels[k];
                register
                    && name.is_some_and(|name| k < name || (about_people && k > name))
                    && !is_label_cell(label)
                    && !is_key_label(label)
                    // Their BSNs, birth dates, addresses and phones have rules of their own.
                    && !is_subject_column(label)
                    && !is_contact_column(label)
                    && !names_another_key(&label_words(label))
            })
            .collect()
    };
    super::table::chosen_columns(text, choose, |_, cells| {
        let filled: Vec<&str> = cells
            .iter()
            .map(|r| &text[r.clone()])
            .filter(|v| !v.is_empty())
            .collect();
        let distinct = filled
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len();
        // Most values, not all: the view reads a code with few digits as OCR'd letters
        // (`BCFT11Q` as `BCFTIIQ`).
        let codes = filled.iter().filter(|v| is_code(v)).count();
        if codes < 2 || codes * 5 < filled.len() * 4 || distinct * 5 < filled.len() * 4 {
            return;
        }
        let token = |v: &str| v.len() >= 5 && is_one_token(v);
        for r in cells.iter().filter(|&r| token(&text[r.clone()])) {
            out.push(Finding::new(
                r.start,
                r.end,
                Category::Other,
                RULE,
                "in the key column of a register of people",
            ));
        }
    });
}

/// A code that keys a person (`OSI-24-008412`, `BBJK23L`, `WL-2015-0044`, `300188`): one
/// token of letters, digits and `-`, `/` or `.`, with two digits and six characters or five
/// digits; not a date or a postcode.
fn is_code(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let letters = value.chars().filter(char::is_ascii_alphabetic).count();
    // By bytes: the value need not be ASCII here.
    let postcode =
        value.len() == 6 && digits == 4 && value.bytes().take(4).all(|b| b.is_ascii_digit());
    is_one_token(value)
        && ((digits >= 2 && digits + letters >= 6) || digits >= 5)
        && !DATE.is_match(value)
        && !postcode
}

/// Whether `value` is one token of ASCII letters, digits and `-`, `/` or `.`.
fn is_one_token(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.'))
}

/// Whether a column holds the names of the people a table lists (`naam`, `Achternaam`,
/// `roepnaam`, `cliënt`), not an organisation's or a street's, nor a reporter's (`Naam
/// melder`: a list of reports is numbered by the case).
fn is_name_column(label: &str) -> bool {
    match label_words(label).as_slice() {
        [word] => [
            "naam",
            "achternaam",
            "voornaam",
            "roepnaam",
            "geslachtsnaam",
        ]
        .contains(&word.as_str()),
        [first, ..] => SUBJECT_COLUMNS.contains(&first.as_str()),
        [] => false,
    }
}

/// Column labels of where a person lives or is reached (folded, first word).
const CONTACT_COLUMNS: &[&str] = &[
    "adres",
    "woonadres",
    "postcode",
    "pc",
    "woonplaats",
    "e",
    "email",
    "mail",
    "tel",
    "telefoon",
    "telefoonnummer",
    "mobiel",
    "gsm",
];

/// Whether a header's labels make a table a register of people: a column of who they are
/// (`cliënt`, `leerling`), their BSNs or birth dates, or a name column beside where they live
/// or are reached (`naam`, `woonplaats`, `e-mail`: a waiting list, a volunteers' export). Its
/// rows are theirs.
fn is_register(labels: &[&str]) -> bool {
    labels.iter().any(|l| is_subject_column(l))
        || (labels.iter().any(|l| is_name_column(l)) && labels.iter().any(|l| is_contact_column(l)))
}

/// Whether a column holds where a person lives or is reached (`woonplaats`, `e-mail`).
fn is_contact_column(label: &str) -> bool {
    label_words(label)
        .first()
        .is_some_and(|w| CONTACT_COLUMNS.contains(&w.as_str()))
}

/// Whether a column's header labels people's numbers: a label of [`LABEL_CELL`], or a card
/// that a person carries (`Chauffeurspas`, `Stadspasnummer`, `Ledenpas nr`), never a
/// `kompas`.
fn is_label_cell(label: &str) -> bool {
    if LABEL_CELL.is_match(label) {
        return true;
    }
    let folded = label.trim().to_lowercase();
    let card = ["pas", "pasnummer", "pasnr", "pasnr.", "pas nr", "pas nr."]
        .iter()
        .find_map(|end| folded.strip_suffix(end));
    card.is_some_and(|holder| {
        holder.chars().count() >= 3 && holder.chars().all(char::is_alphabetic) && holder != "kom"
    })
}

/// Column labels of the people a register is about (folded, first word): clients, pupils,
/// parents, residents, detainees. Not a bare `naam`, nor a reporter's, an applicant's or a
/// staff member's column (`melder`, `aanvrager`, `wie`): a list of complaints, reports,
/// claims or actions is numbered by the case, and its number is a reference.
const SUBJECT_COLUMNS: &[&str] = &[
    "client",
    "clienten",
    "leerling",
    "ouder",
    "ouders",
    "budgethouder",
    "jeugdige",
    "bewoner",
    "bewoners",
    "huurder",
    "patient",
    "gedetineerde",
    "verdachte",
    "slachtoffer",
    "betrokkene",
];

/// A column of the private people a table is about: who they are (`cliënt`, `leerling`),
/// their BSNs or dates of birth. A table with one is a register of people, and its rows are
/// theirs.
fn is_subject_column(label: &str) -> bool {
    let words = label_words(label);
    let first = words.first().map_or("", String::as_str);
    first == "bsn"
        || first == "burgerservicenummer"
        || SUBJECT_COLUMNS.contains(&first)
        || super::birthdate::is_birth_date_label(label)
}

/// The words of a column label, folded (`NCG-dossier` gives `ncg`, `dossier`).
fn label_words(label: &str) -> Vec<String> {
    fold(label)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words of a column label that say its numbers are a document's, a case's or an
/// organisation's, not the person's of the row: an invoice, case or ride number stays readable.
const NOT_PERSON_KEYS: &[&str] = &[
    "factuur",
    "zaak",
    "claim",
    "kenmerk",
    "order",
    "brief",
    "contract",
    "project",
    "ticket",
    "meld",
    "vergader",
    "formulier",
    "besluit",
    "artikel",
    "motie",
    "bijlage",
    "huis",
    "postbus",
    "volg",
    "regel",
    "kvk",
    "tel",
    "rek",
    "iban",
    "kamer",
    "kavel",
    "perceel",
    "graf",
    "monster",
    "meetpunt",
    "batch",
    "lot",
    "pagina",
    "versie",
    "rit",
    "incident",
    // A decision's or a fine's number (`BSBm-nr`, `beschikkingnr`, `pv-nummer`, `parketnr`).
    "bsb",
    "beschik",
    "strafbeschik",
    "boete",
    "pv",
    "proces",
    "parket",
    "bezwaar",
    "vergunning",
    "aanvraag",
];

/// A column label that names an identifier (`dossiernr`, `Reg.nr`, `schadenr IMG`,
/// `NCG-dossier`, `ID`): in a register of people, the number that keys each row is that
/// person's, and leads to them as surely as a client number.
fn is_key_label(label: &str) -> bool {
    let words = label_words(label);
    let names_a_key = words.iter().any(|w| {
        w.ends_with("nr")
            || w.ends_with("nummer")
            || w.starts_with("dossier")
            || ["no", "id"].contains(&w.as_str())
    });
    names_a_key && !names_another_key(&words)
}

/// Whether a label's words (folded) say its numbers are not the person's (see
/// [`NOT_PERSON_KEYS`]).
fn names_another_key(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| NOT_PERSON_KEYS.iter().any(|k| w.starts_with(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn identity_cards_by_the_shape_of_their_numbers() {
        assert_eq!(
            found("legitimeerde zich met Pools ID-bewijs\nnr. CFA 482915. Hij verklaart"),
            ["CFA 482915"]
        );
        assert_eq!(
            found(" Lewandowski, Krzysztof   01.01.1990   PL ID DBK 119034    nee\n"),
            ["DBK 119034"]
        );
        assert_eq!(
            found("beide id-kaart RO:\n      RT 118240\n"),
            ["RT 118240"]
        );
        assert_eq!(
            found("toont NL verbl.doc. W51K32871 (niet gekopieerd)"),
            ["W51K32871"]
        );
        // Not a year, not a word of nine capitals.
        assert!(found("ID 2024 en de id-kaart OVERZICHT 12").is_empty());
        // An identity-document column whose cells open with the document's kind.
        let register = "Nr | Naam | ID-document | Woonplaats\n1 | Popa, I. | CI SV512907 | Suceava\n\
                        2 | Nowak, J. | PASZ EK7302914 | Opole\n3 | Stan, M. | CI RX 512874 | Iasi\n";
        assert_eq!(found(register), ["SV512907", "EK7302914", "RX 512874"]);
    }

    #[test]
    fn labelled_numbers_of_people() {
        assert_eq!(found("Klantnummer    : 301457\n"), ["301457"]);
        assert_eq!(
            found("loonheffingennummer 817264903L01, DNR-nummer BOA-221587"),
            ["817264903L01", "BOA-221587"]
        );
        assert_eq!(
            found("(persoonscertificaat DIA-540-11827), Personalausweis nr. L01X00T47"),
            ["DIA-540-11827", "L01X00T47"]
        );
        // A drone pilot's EU certificate, whatever its label.
        assert_eq!(
            found("Piloot: K. Pronk, certificaat A2 NLD-RP-2c91e7d04a6f, STS-01 NLD-STS-88120934"),
            ["NLD-RP-2c91e7d04a6f", "NLD-STS-88120934"]
        );
        assert_eq!(found("Dienstnummer:   NVWA-T-40281\n"), ["NVWA-T-40281"]);
        assert_eq!(
            found("veehouder (UBN 2281934) en UBN-nummer: 6207415"),
            ["2281934", "6207415"]
        );
        assert_eq!(found("Uw relatienr.   : 300188"), ["300188"]);
        // A sworn interpreter's number in the register of the Wet beëdigde tolken en
        // vertalers.
        assert_eq!(
            found("tolk Pools, Wbtv 203518, via het tolkenbureau; tolk Turks (Wbtv-nr. 104829)"),
            ["203518", "104829"]
        );
        // A sole trader's VAT number holds a BSN, or since 2020 opens with `NL00` and ends
        // past `B01`; a company's does neither.
        assert_eq!(
            found("btw NL111222333B01 en NL123456789B01, NL003985127B41 en NL001845720B01"),
            ["NL111222333B01", "NL003985127B41"]
        );
        // A fine's number at the CJIB, and the numbers of a boatman's papers.
        assert_eq!(
            found("CJIB-nummer: 6000 1732 8841 2096\n"),
            ["6000 1732 8841 2096"]
        );
        assert_eq!(
            found("Rheinpatent nr. DU-RP-1998/2231, Schifferdienstbuch nr. DU 118734"),
            ["DU-RP-1998/2231", "DU 118734"]
        );
        // A number read out in pairs.
        assert_eq!(
            found("Relatienummer DUO (indien bekend): 39 87 21 04\n"),
            ["39 87 21 04"]
        );
        // A car's registration papers and a phone's device number.
        assert_eq!(
            found("kentekencard documentnr 3917204865, meldcode: 2938"),
            ["3917204865", "2938"]
        );
        assert_eq!(
            found("Tenaamstellingscode: 8820-1937-4. IMEI 356938110245871"),
            ["8820-1937-4", "356938110245871"]
        );
        // A house's WOZ object, its owner's tax assessment, a pet's chip and passport.
        assert_eq!(
            found("WOZ-objectnummer: 1901 0009 4412, aanslagnr 24OO822917"),
            ["1901 0009 4412", "24OO822917"]
        );
        assert_eq!(
            found("objectnrs 051300077310 en 051300077311: zelfde taxatie"),
            ["051300077310", "051300077311"]
        );
        assert_eq!(
            found("Chip gelezen: 616 0939 00421 146. Paspoort: PL 12 0345678"),
            ["616 0939 00421 146", "PL 12 0345678"]
        );
        assert_eq!(
            found("Account-ID:  KP-U-88120457\nmy assessment number (2400425561)"),
            ["KP-U-88120457", "2400425561"]
        );
        // A form's label with a word after it, the value after a wide gap.
        assert_eq!(
            found("1.1  Relatienummer RVO      300147826\n"),
            ["300147826"]
        );
        assert_eq!(
            found("bedrijven (UBN's): 2810552, 2547730; KIP-nr 065531"),
            ["2810552", "2547730", "065531"]
        );
        assert_eq!(found("AGB zorgverlener 90-054417"), ["90-054417"]);
        assert_eq!(found("Budgetnummer  : 1024-5591-87"), ["1024-5591-87"]);
        assert_eq!(
            found("onder vermelding van uw relatienummer 300188."),
            ["300188"]
        );
        assert_eq!(found("BOA-registratienummer 7231, domein II"), ["7231"]);
        assert_eq!(
            found("toezichthouder/BOA, registratienummer 7248,"),
            ["7248"]
        );
        assert_eq!(found("toezichthouder/BOA (nr. 7250)"), ["7250"]);
        assert_eq!(found("de toezichthouders Jansen (BOA 7231)"), ["7231"]);
        assert_eq!(found("polisnummer: ‹ 7719-3342-0081 ›"), ["7719-3342-0081"]);
        assert_eq!(
            found("Schadenummer verzekeraar: ‹ IP23-0617445 ›"),
            ["IP23-0617445"]
        );
        assert_eq!(found("V-nummer: 2938475610"), ["2938475610"]);
        assert_eq!(found("huurdernummer 100387215"), ["100387215"]);
        assert_eq!(found("huurdernr. 100215598"), ["100215598"]);
        assert_eq!(found("paspoortnummer NXC4R8T21"), ["NXC4R8T21"]);
        assert_eq!(
            found("(COA-bewonersnummers: LH-0113, LH-0087 en LH-0091)"),
            ["LH-0113", "LH-0087", "LH-0091"]
        );
        assert_eq!(
            found("Identiteitsbewijs : verblijfsdocument (tijdelijke bescherming), nr W3XK82741"),
            ["W3XK82741"]
        );
        assert_eq!(found("ND-pasnr: ND-2219-83741"), ["ND-2219-83741"]);
        // Foreign documents, and numbers read out in groups.
        assert_eq!(
            found("dob 14-03-1986   pp P00928815\nmy passport number P03015546 date"),
            ["P03015546", "P00928815"]
        );
        assert_eq!(found("(IRN pp K9451 7703)"), ["K9451 7703"]);
        assert_eq!(found("tazkira 1399-0301-58814"), ["1399-0301-58814"]);
        assert_eq!(
            found("V-nummer V-28 1046 7733, sinds 2022"),
            ["V-28 1046 7733"]
        );
        assert!(found("zie pp. 12-14 en pp 3").is_empty());
        // A last group of two digits, after groups only and not a date's day.
        assert_eq!(found("(klantnr 4410 2893 71)"), ["4410 2893 71"]);
        assert_eq!(found("klantnr: 441O 2839 71\n"), ["441O 2839 71"]);
        assert_eq!(found("klantnr 300188 12 maart"), ["300188"]);
        assert_eq!(found("klantnr 4410 2893 12-03-2024"), ["4410 2893"]);
    }

    #[test]
    fn foreign_national_numbers_accounts_and_relations() {
        // Papiamento's `ta` (is), a German label with a hyphen, the interpreters' register.
        assert_eq!(found("i mi crib ta 101 887 305 (pa"), vec!["101 887 305"]);
        assert_eq!(found("Personalausweis-Nr. L01X00T471."), vec!["L01X00T471"]);
        assert_eq!(found("(Tolkcentrum Noord, Wtv-nr. 209334)"), vec!["209334"]);
        assert_eq!(found("de heer Mendoza Rojas (DNI 41827365)"), ["41827365"]);
        assert_eq!(found("PESEL: 85021412345\n"), ["85021412345"]);
        // Kenya's and Uganda's numbers, an identity card's in English, a service passport.
        assert_eq!(found("KRA PIN: A001839271K\n"), ["A001839271K"]);
        assert_eq!(found("NIN CM76021104LKPE\n"), ["CM76021104LKPE"]);
        assert_eq!(
            found("a person using ID no. 10477392, the ED"),
            ["10477392"]
        );
        assert_eq!(found("| dienstpas DT0418826 |"), ["DT0418826"]);
        // English labels: a residence number, a driving licence, a passport `nr is`.
        assert_eq!(
            found("his V-number is 3107 90 1185; driving licence no. 5381927460"),
            ["3107 90 1185", "5381927460"]
        );
        assert_eq!(found("Passport nr is V45118302, can"), ["V45118302"]);
        assert_eq!(found("Vattenfall  klnr 2291004877  ok"), ["2291004877"]);
        // The Caribbean Netherlands' persoonsnummer (crib) and a Latin American cédula.
        assert_eq!(found("Persoonsnr:      1957081403\n"), ["1957081403"]);
        assert_eq!(
            found("crib 1971110207; Cédula VE: V-18.456.732"),
            ["1971110207", "V-18.456.732"]
        );
        assert_eq!(found("T.C. Kimlik No 12345678901\n"), ["12345678901"]);
        assert_eq!(
            found("Rijksregisternummer 85.02.14-123.45\n"),
            ["85.02.14-123.45"]
        );
        assert_eq!(found("(student number S4410923)"), ["S4410923"]);
        assert_eq!(
            found("Casus 3 (account B4O-3318765): 47 stortingen"),
            ["B4O-3318765"]
        );
        assert_eq!(
            found("NC-KES-2023-0015   relatie 7702931   G. de Bakker"),
            ["7702931"]
        );
        assert_eq!(found("brigadier C. Roemer, pnr 2240519"), ["2240519"]);
        assert_eq!(found("Mijn pasnummer was TFU-0388."), ["TFU-0388"]);
        // A column headed by an export's field name.
        assert_eq!(
            found("pers_nr;achternaam;voornaam\nD-40817;Demirci;Yusuf\nD-38120;Bos;Anna\n"),
            ["D-40817", "D-38120"]
        );
        // A relation's year and a count are no numbers of a person, a press number no
        // person's.
        assert!(found("in relatie tot 2024 en een account van 12 jaar").is_empty());
        assert!(found("Algemeen persnummer provincie: 038 499 77 77.").is_empty());
    }

    #[test]
    fn cards_licences_and_ip_addresses_that_a_person_holds() {
        assert_eq!(found("Jachtaktenummer:      JA-0187722"), ["JA-0187722"]);
        assert_eq!(
            found("   Nummer jachtakte:        JA-0240007"),
            ["JA-0240007"]
        );
        assert_eq!(
            found("   Polis WA-verzekering:    UNI-JA-7723019 (Unigarant)"),
            ["UNI-JA-7723019"]
        );
        assert_eq!(
            found("chauffeurskaart 7100249361 is twee keer ingelogd"),
            ["7100249361"]
        );
        assert_eq!(found("kaartnr 7100421876 - paraaf"), ["7100421876"]);
        assert_eq!(found("Seizoenkaart    : SK-2024-07718"), ["SK-2024-07718"]);
        assert_eq!(
            found("e-Formulier ingediend vanaf IP 62.45.118.203"),
            ["62.45.118.203"]
        );
        assert_eq!(
            found("Driver | Driver ID | Status\nPiotr Z. | DRV-0099812 | valid\n"),
            ["DRV-0099812"]
        );
        // A complaint's number and a supplier's are references, a map's year a year.
        for text in [
            "klacht ingeboekt 30/1. KL-nr 0041.",
            "crediteurnr 100482",
            "kadasterkaart 1932",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn dutch_document_numbers_by_their_shape() {
        let register = "| 4 | ŞAHIN, Mustafa | NL paspoort | NXK7R2P91 | GP |\n";
        assert_eq!(found(register), ["NXK7R2P91"]);
        // No letter in the middle, the letter O, part of a longer code, lower case: no.
        for text in [
            "AB12345678 en AB1234567",
            "NO7K4PL21",
            "XK-NXK7R2P91",
            "nxk7r2p91",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn form_labels_with_leaders_and_qualifiers() {
        assert_eq!(
            found("   Patiëntnummer ............. 7731988\n"),
            ["7731988"]
        );
        assert_eq!(found("  Pat.nr:   7709851      Huisarts"), ["7709851"]);
        assert_eq!(
            found("1.3 Budgethoudernummer  . . . . . . . . . .  44098841\n"),
            ["44098841"]
        );
        assert_eq!(
            found("  Klantnummer aanvrager (Zaaksysteem): KL-0049217\n"),
            ["KL-0049217"]
        );
        assert_eq!(
            found("Relatienummer BIJ12 (indien bekend): R-00418827\n"),
            ["R-00418827"]
        );
        assert_eq!(
            found("Your personnel number ....: FP-208817\n"),
            ["FP-208817"]
        );
        assert_eq!(
            found("Verzonden vanaf IP-adres: 84.105.212.63\n"),
            ["84.105.212.63"]
        );
        assert_eq!(found("chirurg\nBIG 19057734201\n"), ["19057734201"]);
        // More than a short qualifier between label and colon: a sentence, not a field.
        assert!(found("Het klantnummer staat op de factuur van mei: 2024-05").is_empty());
    }

    #[test]
    fn numbers_in_brackets_after_a_name() {
        let text = "P. Kowalczyk (208817) | Popal M.Y. (KBL-TK-0041) | Jansen (2019) | \
                    Smit (12-03) | Bos (12) | De Vries (4409 8841) | Molenweg 22 (4411 2233) | \
                    bezwaar Van de Laar (BZ-2022-0079) | melding Zomer (M24-00211) | Aarts (BOA 7231) | \
                    R. Aydın (OBB079) | Kuipers (WTG5) | Tesfay (A12)";
        let mut findings = Vec::new();
        for name in [
            "Kowalczyk",
            "Popal M.Y.",
            "Jansen",
            "Smit",
            "Bos",
            "De Vries",
            "Van de Laar",
            "Zomer",
            "Aarts",
            "R. Aydın",
            "Kuipers",
            "Tesfay",
        ] {
            let start = text.find(name).unwrap();
            findings.push(Finding::new(
                start,
                start + name.len(),
                Category::Name,
                "name",
                "test",
            ));
        }
        // A number after anything but a name stays.
        let address = text.find("Molenweg").unwrap();
        findings.push(Finding::new(
            address,
            address + "Molenweg 22".len(),
            Category::Address,
            "address",
            "test",
        ));
        bound_to_names(text, &mut findings);
        let numbers: Vec<&str> = findings[13..]
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect();
        assert_eq!(numbers, ["208817", "KBL-TK-0041", "4409 8841", "OBB079"]);
    }

    #[test]
    fn references_short_numbers_and_other_lines_stay() {
        // A label's word joined to the number by a hyphen is a file's code.
        assert!(found("Zie dossier BIG-2022-013951 (inschrijving).").is_empty());
        assert!(found("Zaaknummer : HH-2022-0412").is_empty());
        assert!(found("Factuurnummer        : 90022871").is_empty());
        assert!(found("Klantnummer:\n2023-04-01 vergadering").is_empty());
        assert!(found("BOA 12 heeft dienst").is_empty());
        assert!(found("KvK registratienummer 12345678").is_empty());
        // A sole trader's or a partnership's registration is theirs; a company's is not.
        let text = "G.J. Haverkamp\nHoogstraat 9\nKvK 14082735 (eenmanszaak)\n\n\
                    Naam bedrijf: Avontuur v.o.f.\nKvK-nummer: 58120934\n\n\
                    Aydın Thuiszorg B.V., h.o.d.n. ZorgSamen (KvK 71234567)\n\n\
                    Rechtsvorm: eenmanszaak\n\nKvK 80447129\n";
        assert_eq!(found(text), ["14082735", "58120934"]);
        // Its VAT and establishment numbers go with it.
        let text = "Handelsnaam: Kapsalon Lies (eenmanszaak)\nKvK-nummer: 71843266  \
                    Vestigingsnummer: 000039182744\nBTW-id: NL812345670B01\n\n\
                    Groen Vastgoed B.V.\nBTW-nummer: NL001234567B01\n";
        assert_eq!(found(text), ["71843266", "000039182744", "NL812345670B01"]);
        // A `KvK` column: a sole trader's row, not a company's.
        let table = "nr\tnaam\tvorm\tKvK\n1\tMulder, G.J.\teenmanszaak\t39087712\n\
                     2\tSlot, W.\tez\t08155210\n3\tKaashandel B.V.\tbv\t64218937\n";
        assert_eq!(found(table), ["39087712", "08155210"]);
        assert!(found("Datum schade              : 23-02-2025").is_empty());
        // A claim named in a subject line is the insurer's file.
        assert!(found("Onderwerp: RE: Schade NOV-AVB-25-00417 - N347").is_empty());
    }

    #[test]
    fn document_numbers_and_machine_readable_zones() {
        assert_eq!(
            found("kopie van haar ID (paspoort NXR7K4PL2). Pas 12 en paspoort 3."),
            ["NXR7K4PL2"]
        );
        assert_eq!(found("via tolk, tolknummer Wbtv 20318):"), ["Wbtv 20318"]);
        let mrz = "Paspoort:\nP<NLDOKONKWO<<CHUKWUEMEKA<<<<<<<<<<<<<<<<<<<<<\n\
                   NW3K8PL729NLD8205111M2802149315319124<<<<<<08\nREFERENTIE<2024<BZ\n";
        assert_eq!(
            found(mrz),
            [
                "P<NLDOKONKWO<<CHUKWUEMEKA<<<<<<<<<<<<<<<<<<<<<",
                "NW3K8PL729NLD8205111M2802149315319124<<<<<<08"
            ]
        );
    }

    #[test]
    fn columns_headed_by_a_label() {
        let t = "Relatienr\tZaak\tNaam\n300188\tHH-2022-0412\tJansen\n300214\tHH-2022-0431\tPiet\n\nna de tabel 300999\n";
        assert_eq!(found(t), ["300188", "300214"]);
        let t = "   Naam            V-nummer        Geb.datum\n   HADDAD, Samir   V 2851094433    12-07-1996\n";
        assert_eq!(found(t), ["V 2851094433"]);
        let t = "Naam\tFunctie\tND-pasnr\nBos, Kevin\tBV\tND-2219-83741\n";
        assert_eq!(found(t), ["ND-2219-83741"]);
        // A card a person carries, by its compound name; not a compass bearing.
        let t = "Nr\tAchternaam\tChauffeurspas\tKompas\n1\tBaas\t4023 6426 5166\t270\n";
        assert_eq!(found(t), ["4023 6426 5166"]);
        let t = "naam\tstadspasnummer\tsaldo\nJansen\t88214473\t12\nVos\t88214519\t0\n";
        assert_eq!(found(t), ["88214473", "88214519"]);
        let t = "Relatienr | BSN  | Subjectnr BSPM | Naam\n----------+------+----------------+-----\n300188    | x    | 4401-228-917   | Jansen\n";
        assert_eq!(found(t), ["300188", "4401-228-917"]);
        // Digits inside a header's words (`NH3 kg/j`) leave it a header.
        let t =
            "nr\tnaam\tUBN\tNH3 kg/j\tafstand N2000 m\n1\tOude Luttikhuis\t2384410\t3960\t1150\n";
        assert_eq!(found(t), ["2384410"]);
        let t = "#   naam            UBN/bedrijf     opm.\n1   Eleveld, H.     UBN 1178204     x\n\
                 2   Hadders, R.J.   2841937         y\n";
        assert_eq!(found(t), ["1178204", "2841937"]);
        // Staff and student numbers in one column; a visitor's pass.
        let t = "| nr | naam        | pers./stud.nr |\n| 2  | Sun, Mingyu | s2410337      |\n\
                 | 4  | Zhou, Mei   | 102277        |\n";
        assert_eq!(found(t), ["s2410337", "102277"]);
        let t = "Datum\tNaam\tPas/badge\n02-05-2024\tNguyen, T.\tV24-0502-01\n";
        assert_eq!(found(t), ["V24-0502-01"]);
    }

    #[test]
    fn the_key_column_of_a_register_known_by_its_values() {
        // A patients' line list keyed by a case system's numbers; a club's volunteers by
        // their relation codes (one listed twice, one read by the view as OCR'd letters).
        let t = "nr;osiris;naam;geb.datum;woonplaats\n1;OSI-24-008412;Mulder, G.J.;22-06-1956;Tilburg\n\
                 2;OSI-24-008537;Bouzid, S.;07-09-1995;Eindhoven\n";
        assert_eq!(found(t), ["OSI-24-008412", "OSI-24-008537"]);
        let t = "relatiecode;naam;geb.datum\nBBJK23L;Wolf, S.;14-03-1991\nBCFTIIQ;Chen, M.;22-05-1985\n\
                 BCBK90L;Vos, H.;30-01-1969\nBCBK90L;Vos, H.;30-01-1969\nBDHQ42T;Kok, A.;01-02-1990\n";
        assert_eq!(
            found(t),
            ["BBJK23L", "BCFTIIQ", "BCBK90L", "BCBK90L", "BDHQ42T"]
        );
        // A waiting list: names beside where they live and how they are reached.
        let t = "pos | inschr.nr    | naam          | woonplaats | e-mail\n\
                 ----+--------------+---------------+------------+-------\n\
                 1   | WL-2013-0131 | Vogt, A.      | Utrecht    | a@b.nl\n\
                 2   | WL-2014-0067 | Ramdin, P.    | Maarssen   | p@q.nl\n";
        assert_eq!(found(t), ["WL-2013-0131", "WL-2014-0067"]);
        // A list of reports is numbered by the case; a column right of the name is no key;
        // codes that repeat are a category (a team).
        let t = "Nr | Datum | Naam melder | Adres\nVH-25-00866 | 05-03-25 | Ter Braak, B. | Weg 16\n\
                 VH-25-00867 | 05-03-25 | Wanink, H.J. | Weg 14\n";
        assert!(found(t).is_empty(), "{:?}", found(t));
        let t = "naam;woonplaats;aanvraag\nWolf, S.;Ede;AB-2024-0012\nVos, H.;Epe;AB-2024-0013\n";
        assert!(found(t).is_empty());
        // With birth dates the register keys its rows by the person wherever the code stands.
        let t = "naam;geb_datum;registratie\nWolf, S.;14-03-1991;S-2011-0009983\n\
                 Vos, H.;30-01-1969;S-2018-0220147\n";
        assert_eq!(found(t), ["S-2011-0009983", "S-2018-0220147"]);
        let t = "team;naam;geb.datum\nJO11-1;Wolf, S.;14-03-1991\nJO11-1;Vos, H.;30-01-1969\nJO11-1;Kok, A.;01-02-1990\n";
        assert!(found(t).is_empty());
        // A cell that is not ASCII is read without slicing inside a character.
        let t = "relatiecode;naam;geb.datum\n123é5;Wolf, S.;14-03-1991\n";
        assert!(found(t).is_empty());
    }

    #[test]
    fn numbers_of_the_criminal_chain_pupils_and_budget_holders() {
        assert_eq!(
            found("ISN                 : 7104833\nSKN : 84520193\n"),
            ["7104833", "84520193"]
        );
        assert_eq!(
            found("(ISN 7104833, parketnummer 16/702214-19)"),
            ["7104833", "16/702214-19"]
        );
        assert_eq!(
            found("onderwijsnummer 102219558 en A-nummer: 7561220934"),
            ["102219558", "7561220934"]
        );
        assert_eq!(found("Het klantnummer is 0418327, zie"), ["0418327"]);
        // A claim's number is the case's, the insurer's or the authority's: a reference.
        assert!(found("Het schadenummer is IMG-0418327, zie").is_empty());
        assert!(found("De schade is 4.800 euro en de polis is 2024 afgesloten.").is_empty());
        assert_eq!(found("UBN is 6207415. Kaartje volgt."), ["6207415"]);
        assert_eq!(
            found("budgethoudernummer 4410 2287 en 4410 3019."),
            ["4410 2287", "4410 3019"]
        );
        // A citizen's own case number (`mijn dossiernummer`); the organisation's stays.
        assert_eq!(
            found(
                "Mijn dossiernummer: 2020-HT-118204\nMijn dossiernummer is 2022-HT-164507 denk ik."
            ),
            ["2020-HT-118204", "2022-HT-164507"]
        );
        assert!(found("Ons dossiernummer: 2020-HT-118204, zaaknummer Z-2024-1.").is_empty());
        // A press office's number is no person's (`persnummer`).
        assert!(found("Algemeen persnummer provincie: 038 499 77 77").is_empty());
    }

    #[test]
    fn the_key_column_of_a_register_of_people() {
        let t = "dossiernr\tnaam\tBSN\tbedrag\n2021-HT-043817\tAmrani, S.\t843646974\t30000,00\n\
                 2022-HT-201466\tMartina, P.M.\t224190271\t30000,00\n";
        assert_eq!(found(t), ["2021-HT-043817", "2022-HT-201466"]);
        let t =
            "Nr;Reg.nr;Achternaam;Voornaam;Geb.datum\n001;KBL-LE-0007;AHMADZAI;Omid;23-12-2015\n";
        assert_eq!(found(t), ["KBL-LE-0007"]);
        // An invoice's number is the invoice's, in a register of people too.
        let t = "factuurnr\tclientnr\tnaam client\nF2023-00871\tCL-004471\tOUALI, I.\n";
        assert_eq!(found(t), ["CL-004471"]);
        // So is a fine's, beside its subject's date of birth.
        let t = "datum\tachternaam\tgeb.datum\tBSBm-nr\n06-07-2024\tVerhoeven\t14-05-2004\t\
                 7471 2024 0706 2901\n";
        assert!(found(t).is_empty());
        // A list of reports, claims or actions is numbered by report: its people are the
        // reporters, applicants or staff, not the subjects of the rows.
        let t = "meldnr;datum;melder;adres melder\nM24-0031;08-01-2024;Hofman, G.;Hoeksteeg 14\n";
        assert!(found(t).is_empty());
        let t = "claimnr;datum;naam;adres;iban\nCL-0012;06-11-2023;Postma, A.J.;Beukenlaan 23;\
                 NL83RBRB8399979610\n";
        assert!(found(t).is_empty());
        // A bare `naam` column: a list of complaints or letters numbered by the case.
        let t = "klachtnr\tdatum\tnaam\tonderwerp\nKL-2024-0031\t08-01-2024\tHofman, G.\tgeluid\n";
        assert!(found(t).is_empty());
        let t = "Dossiernr         Ontv.       Aanvrager                 Plaats\n\
                 NC-KES-2023-0003  18-09-2023  VAN MEGEN, T.A.M.         Lith\n";
        assert!(found(t).is_empty());
        let t = "| nr      | actie          | wie     |\n|---------|----------------|---------|\n\
                 | 2023-11 | capaciteitsplan | Kalloe |\n";
        assert!(found(t).is_empty());
        // A grave's number is a place in the cemetery, in a register of the dead too.
        let t = "Grafnr  | Overledene          | Geb.       | Rechthebbende\n\
                 B-07-20 | Rustenburg, Elisabeth | 12-06-1927 | Rustenburg, G.\n";
        assert!(found(t).is_empty());
        // An ambulance ride's number is the ride's, in a list of patients too.
        let t = "Ritnr       Pat.      Geb.datum\n2507210633  J.P.K.    04-05-1944\n";
        assert!(found(t).is_empty());
    }
}
