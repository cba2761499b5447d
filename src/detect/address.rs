//! Private addresses: a street with a house number, and a postcode (`1234 AB`).
//!
//! A street is recognised by its suffix (`-straat`, `-laan`, `-dreef`, …) before a house
//! number, or by its place in an address block (a `Name 12` line right above a postcode line).
//! A postcode needs address context too: a place name after it, a street before it, or the
//! word `postcode`; it takes the town written after it on its line. Postcodes next to
//! `Postbus`/`Antwoordnummer` belong to organisations. The organisation's own address is
//! kept readable through the keep list, in [`crate::resolve`]; an address in an
//! organisation's letterhead or signature is told from a person's in [`owner`].

mod known;
mod owner;

use std::sync::LazyLock;

use regex::Regex;

pub(crate) use known::{KNOWN_ADDRESSES, KnownAddresses, learned};
use owner::opens_with_post_box;
pub(crate) use owner::{organisation_address_line, organisation_block};

use super::{Finding, Lines, blank_line_start, is_whole_token};
use crate::policy::Category;

/// Street-name endings: a capitalised word ending in one of these before a house number is a
/// street (`Tessdreef 113`).
const STREET_SUFFIXES: &[&str] = &[
    "straat",
    "straatje",
    "laan",
    "laantje",
    "weg",
    "plein",
    "pleintje",
    "gracht",
    "kade",
    "dreef",
    "pad",
    "hof",
    "singel",
    "dijk",
    "park",
    "steeg",
    "plantsoen",
    "boulevard",
    "markt",
    "baan",
    "ring",
    "erf",
    "veld",
    "dam",
    "wal",
    "haven",
    "allee",
    "oord",
    "zoom",
    "berg",
    "weide",
    "akker",
    "gaarde",
    "kamp",
    "hout",
    "brink",
    "poort",
    "promenade",
    "passage",
    "horst",
    "heide",
    "veen",
    "vaart",
    "vliet",
    "sloot",
    "burcht",
    "hoven",
    "lei",
    "kwartier",
    "rade",
    "stede",
    "hage",
    "tuin",
    "zijde",
    "hoek",
    "gang",
    "polder",
    "dreve",
    "werf",
    "wetering",
    "wegje",
    "dal",
    "bosch",
    "bos",
    "wei",
    "hoeve",
    "donk",
    "kwekerij",
    "gaard",
    // Frisian street names (`Seedyk`, `Fiskerspaed`, `Kerkstrjitte`, `Buorren`).
    "dyk",
    "paed",
    "strjitte",
    "leane",
    "loane",
    "buorren",
    "hiem",
    // Groningen's and Limburg's.
    "diep",
    "straot",
    // German (`Neustraße`, `Kalkarer Straße`).
    "straße",
    "strasse",
    "gasse",
];

/// English street words, a word of their own after the street's name, as the Caribbean
/// Netherlands write them with the number after (`Chapel Piece Road 23`, `Smoke Alley 6`).
const ENGLISH_STREET_WORDS: &[&str] = &["road", "street", "alley", "lane", "avenue", "drive"];

/// The compass parts of a street (`Lekdijk-West`).
const COMPASS_PARTS: &[&str] = &["Noord", "Oost", "Zuid", "West"];

/// Words that open a street name without a suffix (`Laan van Meerdervoort 3`, `Lange
/// Voorhout 9`).
const STREET_PREFIXES: &[&str] = &[
    "Laan",
    "Plein",
    "Kade",
    "Weg",
    "Dijk",
    "Singel",
    "Gracht",
    "Markt",
    "Oude",
    "Nieuwe",
    "Lange",
    "Korte",
    "Hoge",
    "Lage",
    "Boulevard",
    "Burgwal",
    "Dreef",
    "Park",
    // Abroad: `ul. Legnicka 48/12`, `Rua das Flores 112`, `Rue de la Station 4`.
    "ul.",
    "Rua",
    "Rue",
    // Papiamento, in the Caribbean Netherlands and Aruba (`Kaya Grandi 71`, `Kaminda
    // Sorobon 5`).
    "Kaya",
    "Caya",
    "Kaminda",
];

/// Abbreviated words a street named after a person may hold, inside a prefixed street's name
/// (`Kaya Gob. N. Debrot 47`, `Rue du Gén. Leclerc 3`).
fn abbreviation_in_street(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let initial = stem.chars().count() == 1 && stem.starts_with(char::is_uppercase);
    initial
        || [
            "Gob", "Gov", "Gouv", "Gén", "Gen", "Dr", "Mr", "Mgr", "Pres",
        ]
        .contains(&stem)
}

/// A line that is only `<Capitalised words> <house number>`: a street in an address block.
static STREET_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\x20\t]*(?P<street>\p{Lu}[\p{L}'’.\-]*(?:[\x20](?:\p{Lu}[\p{L}'’.\-]*|van|de|der|den|het|'t|ter|ten|op|aan|in|bij|la|le))*)[\x20]+[1-9][0-9]{0,4}(?:[\x20]?[a-zA-Z]|-[0-9]{1,4}|-?[a-zA-Z]{1,3}|[\x20]bis)?[\x20\t]*$",
    )
    .expect("street line pattern compiles")
});

/// Lower-case words that may sit inside a street name (`Laan van Meerdervoort`).
const INNER_WORDS: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "op", "aan", "in", "bij", "la", "le",
    "du", "das", "dos", "do", "des", "del",
];

/// Titles that Dutch street names start with (`Burgemeester Van Walsumweg`).
const STREET_TITLES: &[&str] = &[
    "Burgemeester",
    "Dokter",
    "Dr.",
    "Professor",
    "Prof.",
    "Prins",
    "Prinses",
    "Koning",
    "Koningin",
    "Graaf",
    "Gravin",
    "Hertog",
    "Generaal",
    "Admiraal",
    "Kapitein",
    "Pastoor",
    "Pater",
    "Dominee",
    "Ds.",
    "Meester",
    "Mr.",
    "Jonkheer",
    "Sint",
    "St.",
    "Wethouder",
    "Minister",
    "President",
];

/// The particles that open a street named after a person (`Van Helomaweg`, `De
/// Ruyterstraat`), written capitalised.
const PARTICLE_OPENERS: &[&str] = &["Van", "De", "Den", "Ter", "Ten"];

/// Capitalised words that start sentences rather than street names.
const NOT_STREET_START: &[&str] = &[
    "De",
    "Het",
    "Een",
    "Op",
    "In",
    "Aan",
    "Bij",
    "Van",
    "Naar",
    "Wij",
    "Ik",
    "Zij",
    "Hij",
    "U",
    "Te",
    "Via",
    "Tot",
    "Om",
    "Over",
    "Uit",
    "Voor",
    "Achter",
    "Onder",
    "Tegenover",
    "Nabij",
    "Adres",
    "Woonadres",
    "Postadres",
    "Bezoekadres",
    "Straat",
    "Bewoner",
    "Bewoonster",
    "Bewoners",
    "Woning",
];

/// Words with a street's ending that are no street before a number: the numbered answers of
/// Kamer- and raadsvragen (`Antwoord 3`), a foreword, an agreement (`Akkoord 2`), and ways
/// that are no street (`onderweg 10 min`, `de snelweg 2 uur dicht`, the village `Halfweg`).
const NOT_STREET_WORDS: &[&str] = &[
    "antwoord",
    "akkoord",
    "voorwoord",
    "onderweg",
    "uitweg",
    "snelweg",
    "halfweg",
];

/// Finds private addresses in `text`. Addresses hang on numbers, so the text is read number
/// by number: a house number after a street name, a postcode (`1234 AB`).
///
/// Every context test below reads a bounded part of the text or uses an index, so a text with
/// very long lines and many candidates takes time linear in its length, not quadratic.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    // Both are one fast scan of the text, far cheaper than the detection itself.
    let lines = Lines::new(text);
    let context = owner::Context::new(text, &lines);
    for (start, end) in streets_and_postcodes(text, &lines, &context, out) {
        if !context.organisation_address(start) {
            out.push(Finding::new(
                start,
                street_address_end(text, end),
                Category::Address,
                "address.street",
                "street with house number",
            ));
        }
    }
    in_address_column(text, out);
    in_form_fields(text, out);
    in_address_fields(text, &context, out);
    house_numbers_of_residents(text, &lines, out);
}

/// The end of the address that a street and number ending at `end` opens: the units inside
/// the building, then the town after a comma, or a foreign postcode and its town.
fn street_address_end(text: &str, end: usize) -> usize {
    let mut end = end;
    while let Some(unit) = unit_end(text, end) {
        end = unit;
    }
    foreign_postcode_end(text, end)
        .or_else(|| town_after_comma(text, end))
        .unwrap_or(end)
}

/// The end of a unit inside the building written right after a house number: a room, a
/// flat, a chalet on a park, a Belgian `bus` (`Fellenoord 8 app. 12`, `Kerkweg 88 (chalet
/// 4)`, `Stationsstraat 18, kamer 3`, `412 bus 3`, `nr. 14, bl. 3, ap. 9`). It says which
/// household lives there, so it goes with the address. So does the floor, as Amsterdam
/// and Haarlem write it after a space (`Spaarnwouderstraat 118 zw`, `12 hs`, `41 III`) or
/// in words (`Lange Veerstraat 9, 2nd floor`, `14, 3e verdieping`).
fn unit_end(text: &str, end: usize) -> Option<usize> {
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        let unit = r"(?i:kamer|chalet|ch\.|app\.?|appartement|apt\.?|ap\.|unit|woonunit|bus|bl\.|sc\.|whg\.|wohnung|flat|stacaravan|kavel) ?(?:[0-9]{1,4}[A-Za-z]?|[A-Z])(?-u:\b)";
        let floor = r"(?:(?:hs|zw|rd|bv|sous|I{1,3}|IV)(?-u:\b)|(?i:[0-9]{1,2}(?:st|nd|rd|th|e|ste|de) (?:floor|verdieping)|ground floor|begane grond)(?-u:\b))";
        Regex::new(&format!(
            r"^(?: \({unit}\)|(?:,? | - ){unit}| {floor}|, {floor})"
        ))
        .expect("unit pattern compiles")
    });
    UNIT.find(&text[end..]).map(|unit| end + unit.end())
}

/// The streets with a house number in `text`, whoever's they are, as `(start, end)` of the
/// street and its number; the private postcodes are added to `out` on the way, as a street
/// line above a postcode or a street before it is found through the postcode.
fn streets_and_postcodes(
    text: &str,
    lines: &Lines,
    context: &owner::Context,
    out: &mut Vec<Finding>,
) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut streets: Vec<(usize, usize)> = Vec::new();
    let mut postcodes: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let start = at + offset;
        let run_end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        at = run_end;
        let digits = run_end - start;
        if bytes[start] == b'0' || (start > 0 && bytes[start - 1].is_ascii_alphanumeric()) {
            continue;
        }
        // `12.00 uur`, `3,5 miljoen`, `10:30`: a time or an amount, not a house number.
        let fraction = matches!(bytes.get(run_end), Some(b'.' | b',' | b':'))
            && bytes.get(run_end + 1).is_some_and(u8::is_ascii_digit);
        // `27/9`, `9-9-2024`: a date, not a house number with an addition; but a house
        // number with its flat's when a postcode follows (`ul. Długa 17/4, 80-827 Gdańsk`).
        let day_number = text[start..run_end].parse::<u32>().is_ok_and(|d| d <= 31);
        let date = digits <= 2
            && day_number
            && opens_a_date(&bytes[run_end..])
            && !FOREIGN_POSTCODE.is_match(&text[house_number_end(bytes, run_end)..]);
        // `Vechthoven 30 mei 2024`: a day before a month, not a house number.
        let day = starts_with_month(&text[run_end..]);
        // `TESTSTRAAT WETERING 2021-2022`: years, not a house number.
        let years = digits == 4
            && bytes.get(run_end) == Some(&b'-')
            && bytes[(run_end + 1).min(bytes.len())..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
                == 4;
        // `14%`: a percentage.
        let percentage = bytes.get(run_end) == Some(&b'%');
        // `Brinkhorst 1e op totaalscore`: an ordinal before a word, not a house number.
        let ordinal = bytes[run_end..].starts_with(b"e ")
            && bytes.get(run_end + 2).is_some_and(u8::is_ascii_lowercase);
        if digits <= 5
            && !fraction
            && !percentage
            && !ordinal
            && !date
            && !day
            && !years
            && start > 0
            && matches!(bytes[start - 1], b' ' | b'\t')
            && let Some(street) = street_before(text, lines, start)
        {
            let end = house_number_end(bytes, run_end);
            if is_whole_token(text, street, end) && !number_range(text, start, run_end, end) {
                streets.push((street, end));
            }
        }
        if digits == 4
            && let Some(end) = postcode_end(bytes, run_end)
        {
            postcodes.push((start, end));
        }
    }
    // A street line added below lies on the line above its postcode, which no later postcode
    // shares: neither test below is affected by them, so the index stays as it is.
    let found = Streets::new(&streets);
    for (start, end) in postcodes {
        let street = street_line_above(text, lines, start)
            .or_else(|| street_before_postcode(text, lines.start(start), start));
        // Whoever owns the street owns its postcode, also when the address wraps in a
        // sentence (`op naam van D. Mulder, Maasstraat 16,⏎3331 GV Zwijndrecht`).
        let owner_at = street
            .map(|s| s.0)
            .or_else(|| street_ending_line_above(text, lines, &found, start))
            .unwrap_or(start);
        if context.organisation_address(owner_at) {
            continue;
        }
        if let Some(s) = street {
            // The whole line is the street's name where the number's own reading stopped
            // short of it (`Van Helomaweg 5` opening the line above a postcode).
            if let Some(shorter) = streets.iter_mut().find(|t| t.1 == s.1 && t.0 > s.0) {
                shorter.0 = s.0;
            } else if !found.overlaps(s.0, s.1) {
                streets.push(s);
            }
        }
        let street_near = street.is_some() || found.ends_within(lines.start(start), start);
        // A lawyer's `wonende te (1506 JD) Zaandam`: the postcode in brackets before the town.
        let bracketed = text[..start].ends_with('(') && text[end..].starts_with(')');
        let town_from = if bracketed { end + 1 } else { end };
        // `1082 AT 380`, `8601 BS, nummer 14`: a postcode and its house number are a home.
        if let Some(house) = house_number_after(text, end) {
            out.push(Finding::new(
                start,
                house,
                Category::Address,
                "address.postcode",
                "postcode with a house number",
            ));
        } else if street_near || place_follows(text, town_from) || keyword_before(text, start) {
            let town = town_end(text, town_from).max(block_town_end(text, lines, start, end));
            out.push(Finding::new(
                start,
                if town > town_from { town } else { end },
                Category::Address,
                "address.postcode",
                "postcode in an address",
            ));
        }
    }
    streets
}

/// A postcode abroad with its town right after a street and its number, on its line or the
/// next (`Molenstraat 17, 2387 Baarle-Hertog`, `Kalkarer Straße 7a, D-47533 Kleve`,
/// `ul. Legnicka 48/12⏎54-203 Wrocław`, `Rua das Flores 112, 4050-262 Porto`): the end of
/// the town. Dutch postcodes are read on their own.
static FOREIGN_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,[\x20\t]*|\n[\x20\t]*|\x20)((?:[A-Z]{1,2}-)?(?:[0-9]{4,5}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}))\x20\p{Lu}",
    )
    .expect("foreign postcode pattern compiles")
});

fn foreign_postcode_end(text: &str, street_end: usize) -> Option<usize> {
    let code = FOREIGN_POSTCODE.captures(&text[street_end..])?.get(1)?;
    let code_end = street_end + code.end();
    if postcode_end(text.as_bytes(), code_end).is_some() {
        return None;
    }
    let town = town_end(text, code_end);
    // `Kerkstraat 12, 2024 Stemming`: a year, unless a known place follows (`2000 Antwerpen`).
    let year = matches!(&code.as_str().as_bytes()[..2], b"19" | b"20") && code.len() == 4;
    let place = || {
        crate::names::lexicon::GAZETTEER.is(
            &crate::fold::fold(&text[code_end + 1..town]),
            crate::names::lexicon::class::PLACE,
        )
    };
    (town > code_end && (!year || place())).then_some(town)
}

/// Words on the line of a bare house number that say a resident lives there, folded
/// (`mevr. Jansen (overkant, nr 38)`, `nr 40 (fam. De Vries)`).
const RESIDENT_WORDS: &[&str] = &[
    "mevr",
    "mw",
    "mevrouw",
    "dhr",
    "meneer",
    "fam",
    "familie",
    "buurman",
    "buurvrouw",
    "bewoner",
    "bewoonster",
    "omwonende",
    "buren",
];

/// Things numbered with `nr` that are no homes, folded.
const NUMBERED_THINGS: &[&str] = &[
    "brief",
    "bijlage",
    "punt",
    "agendapunt",
    "artikel",
    "motie",
    "amendement",
    "vraag",
    "rij",
    "item",
    "kenmerk",
    "zaak",
    "dossier",
    "besluit",
    "actie",
    "toezegging",
    "document",
    "kamerstuk",
    "kamerstukken",
    "aanhangsel",
    "staatscourant",
    "stcrt",
];

/// `nr 38` standing for a resident's home in a street the text is about: a house number
/// after `nr`, with a resident named on its line within a few words. Numbers of agenda
/// items, rows or annexes have no resident beside them.
fn house_numbers_of_residents(text: &str, lines: &Lines, out: &mut Vec<Finding>) {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:nr\.?|nummer)[ \t]?[1-9][0-9]{0,3}(?:[ -]?[a-z](?-u:\b))?(?-u:\b)",
        )
        .expect("house number pattern compiles")
    });
    // Words read either side on the line: a few only, as a document may be one long line.
    const BESIDE: usize = 6;
    fn words(part: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
        part.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(crate::fold::fold)
    }
    let resident = |w: &String| RESIDENT_WORDS.contains(&w.as_str());
    for m in NUMBER.find_iter(text) {
        let line_start = lines.start(m.start());
        let line_end = lines.end(m.end(), text.len());
        // Within the sentence: a resident named in the sentence before is not beside it. A
        // sentence ends after a bracket or a word in lower case, not after an initial or a
        // title (`mevr. G. Hoekstra (overkant, nr 38)`).
        let part = &text[line_start..m.start()];
        let sentence_start = part
            .match_indices(". ")
            .filter(|&(k, _)| {
                let word = part[..k]
                    .rsplit(|c: char| !c.is_alphanumeric() && c != ')')
                    .next()
                    .unwrap_or("");
                part[k + 2..].starts_with(char::is_uppercase)
                    && (word.ends_with(')')
                        || (word.chars().count() >= 5 && word.chars().all(char::is_lowercase)))
            })
            .last()
            .map_or(line_start, |(k, _)| line_start + k + 2);
        let mut before = words(&text[sentence_start..m.start()])
            .rev()
            .take(BESIDE)
            .peekable();
        // `Brief nr. 14 (bewoner …)`, `motie nr 3`: a document's number.
        if before
            .peek()
            .is_some_and(|w| NUMBERED_THINGS.contains(&w.as_str()))
        {
            continue;
        }
        if before.any(|w| resident(&w))
            || words(&text[m.end()..line_end])
                .take(BESIDE)
                .any(|w| resident(&w))
        {
            // The whole `nr 38`: the number alone would spread to every `38` in the text.
            out.push(Finding::new(
                m.start(),
                m.end(),
                Category::Address,
                "address.house-number",
                "a resident's house number",
            ));
        }
    }
}

/// An address field's street and number, whatever the street is called (`Adres: Eursinge
/// 31, 9411 PK Beilen`, `Woonadres: Vaart ZZ 114`, `Straat + huisnr : Berkumerbroek 47`):
/// the street words need no street ending after a label that asks for an address. Forms
/// write the label their own way: numbered (`1.6 Adres / Address`), qualified (`Adres NL
/// (BRP)`, or by whose it is: `Adres cliënt`, `Woonadres herkomst`), bracketed (`[Straat +
/// huisnr]`), with dot leaders or a wide gap for a colon. An organisation's address still
/// stays.
fn in_address_fields(text: &str, context: &owner::Context, out: &mut Vec<Finding>) {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?m)^[ \t>\[]*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?[ \t]+)?",
            r"(?i:(?:woon|huis|thuis|priv[eé]|verblijfs?|correspondentie)?adres|straat[ \t]*(?:\+|en|&)[ \t]*(?:huisnummer|huisnr\.?|nr\.?))",
            r"(?i:[ \t]+(?:\([^)\n]{1,25}\)|/[ \t]*address|nl|nu|in[ \t]+nederland|(?:cli[eë]nt|aanvrager|betrokkene|belanghebbende|melder|beller|bewoners?|huurder|verzoeker|klager|herkomst)(?-u:\b)))*",
            r"(?:[ \t]*(?::|\]|\*|\.{2,})|[ \t]{2,}|\t)[ \t.:]*",
            r"(\p{Lu}[\p{L}'.-]*(?:[ \t]+[\p{L}'.-]+){0,3}[ \t]+[1-9][0-9]{0,4}(?:[ -]?[a-zA-Z]{1,3}(?-u:\b)|-[0-9]{1,4})?)",
            r"[ \t]*(?:,|$|[1-9][0-9]{3}[ \t]?[A-Z]{2}(?-u:\b))",
        ))
        .expect("address field pattern compiles")
    });
    for c in FIELD.captures_iter(text) {
        let Some(value) = c.get(1) else { continue };
        // Whose address is read from the lines around the field, not from its label
        // (`Adres NL (BRP)` names no organisation).
        let field = c.get(0).map_or(value.start(), |m| m.start());
        if !context.organisation_address(field) {
            out.push(Finding::new(
                value.start(),
                value.end(),
                Category::Address,
                "address.field",
                "street and number in an address field",
            ));
        }
    }
}

/// Column labels of addresses, folded.
const ADDRESS_COLUMNS: &[&str] = &[
    "adres",
    "woonadres",
    "huisadres",
    "straat",
    "straatnaam",
    "straat + huisnummer",
    "straat en huisnummer",
    "adres + postcode",
    "postcode",
];

/// First words of column labels of addresses, folded: an address column may say which one
/// (`pc oud`, `pc nieuw`, `adres BRP`).
/// A labour migrants' register gives where each lives as their `huisvesting`.
const ADDRESS_COLUMN_WORDS: &[&str] = &[
    "adres",
    "woonadres",
    "huisadres",
    "verblijfadres",
    "verblijfsadres",
    "huisvesting",
    "postcode",
    "pc",
];

/// Whether a column's label, folded, names an address column: a label of its own, an address
/// word with at most one word after it, or a street with its number (`straat_huisnr`); or
/// one of the labels a slash joins (`park/adres`), unless another names a person: a cell
/// of `eigenaar/adres` holds a name the name rules read.
fn is_address_column(label: &str) -> bool {
    const PERSON: &[&str] = &["naam", "name", "eigenaar", "melder", "bewoner", "houder"];
    let names_a_person = |l: &str| PERSON.iter().any(|w| l.trim_start().starts_with(w));
    let labels: Vec<&str> = label.split('/').collect();
    (labels.len() == 1 || !labels.iter().any(|l| names_a_person(l)))
        && labels.iter().any(|l| is_one_address_column(l.trim()))
}

/// Whether a column's label, without a slash, names an address column.
fn is_one_address_column(label: &str) -> bool {
    let mut words = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next();
    let rest: Vec<&str> = words.collect();
    // Which of a person's addresses (`huidig adres`, `nieuw adres`, `vorig adres`).
    let which = matches!(
        first,
        Some("huidig" | "nieuw" | "oud" | "vorig" | "eerder" | "laatst" | "bekend")
    ) && matches!(rest[..], ["adres" | "woonadres" | "verblijfsadres"]);
    ADDRESS_COLUMNS.contains(&label)
        || which
        || (first.is_some_and(|w| ADDRESS_COLUMN_WORDS.contains(&w)) && rest.len() <= 1)
        || (matches!(first, Some("straat" | "straatnaam"))
            && matches!(rest[..], ["huisnr" | "huisnummer" | "nr" | "hnr"]))
}

/// Column labels of house numbers, folded: a column of its own beside a postcode or street.
/// (A plain `nr` column numbers the rows.)
const HOUSE_NUMBER_COLUMNS: &[&str] = &["huisnr", "huisnr.", "huisnummer", "toev."];

/// The cells of a table's address column (`nr;naam;adres` … `4;van 't Hek;Dijkje 2a`): a
/// street and number, however written (`maasdijk 61`), or a postcode; and the number in a
/// house-number column beside them (`postcode;huisnr;plaats` … `1161BW;14;Zwanenburg`). The
/// keep list still keeps an organisation's own address.
fn in_address_column(text: &str, out: &mut Vec<Finding>) {
    let folded = |label: &str| crate::fold::fold(label);
    // Whether the table being read has a house-number column: its street column's cells are
    // then the streets of the addresses (`Straat;Huisnummer;Postcode` … `Molenakker;12;5462 CV`).
    let numbered = std::cell::Cell::new(false);
    let choose = |labels: &[&str]| {
        let address: Vec<bool> = labels
            .iter()
            .map(|l| is_address_column(&folded(l)))
            .collect();
        let beside_address = address.contains(&true);
        numbered.set(
            beside_address
                && labels
                    .iter()
                    .any(|l| HOUSE_NUMBER_COLUMNS.contains(&folded(l).as_str())),
        );
        labels
            .iter()
            .zip(&address)
            .map(|(l, &a)| {
                a || (beside_address && HOUSE_NUMBER_COLUMNS.contains(&folded(l).as_str()))
            })
            .collect()
    };
    super::table::chosen_column_cells(text, choose, |start, end, label| {
        let cell = &text[start..end];
        let has_letters = cell.chars().any(char::is_alphabetic);
        let has_digits = cell.chars().any(|c| c.is_ascii_digit());
        // A street and number or a postcode, or the number of a house-number column. A
        // post-office box is an organisation's.
        let post_box = opens_with_post_box(cell);
        let street = numbered.get()
            && matches!(folded(label).as_str(), "straat" | "straatnaam")
            && cell.starts_with(char::is_alphabetic);
        // Under a label with alternatives (`park/adres`), a name and number (`Zeebries 47`),
        // not a plot (`kavel 17` under `kavel/adres herkomst`).
        let named = !label.contains('/') || cell.starts_with(char::is_uppercase);
        if (street || has_digits && (has_letters || is_house_number(cell))) && !post_box && named {
            out.push(Finding::new(
                start,
                end,
                Category::Address,
                "address.column",
                "in a table's address column",
            ));
        }
    });
}

/// Whether a cell is a house number alone (`14`, `2-A`, `88a`).
fn is_house_number(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=4).contains(&digits) && bytes[0] != b'0' && house_number_end(bytes, digits) == bytes.len()
}

/// A form's separate address fields (`Straat : Kolkweg` / `Huisnummer : 8`, also `Straat * :`
/// and with dot leaders): the street and the number, when the form asks for both.
fn in_form_fields(text: &str, out: &mut Vec<Finding>) {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?im)^[ \t]*(straat(?:naam)?|huisnummer(?:[ \t]*(?:\+|en)[ \t]*toev(?:oeging|\.)?)?|huisnr\.?)[ \t]*\*?[ \t]*(?::|\.{2,}:?)[ \t.]*([^\n]*?)[ \t]*$",
        )
        .expect("form field pattern compiles")
    });
    let fields: Vec<(bool, usize, usize)> = FIELD
        .captures_iter(text)
        .filter_map(|c| {
            let value = c.get(2)?;
            let street = c[1].to_lowercase().starts_with("straat");
            let ok = if street {
                value
                    .as_str()
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            } else {
                value.as_str().starts_with(|c: char| c.is_ascii_digit())
            };
            (ok && !value.as_str().is_empty()).then_some((street, value.start(), value.end()))
        })
        .collect();
    // Both fields within a few lines of each other: a form asking for an address. The fields
    // are in text order, so only the neighbours within those lines are compared.
    let lines = Lines::new(text);
    let line_of: Vec<usize> = fields.iter().map(|&(_, a, _)| lines.number(a)).collect();
    for (i, &(street, start, end)) in fields.iter().enumerate() {
        let near = |j: &usize| line_of[i].abs_diff(line_of[*j]) <= 3;
        let other = |j: usize| fields[j].0 != street;
        let partner = (i + 1..fields.len()).take_while(near).any(other)
            || (0..i).rev().take_while(near).any(other);
        if partner {
            out.push(Finding::new(
                start,
                end,
                Category::Address,
                "address.field",
                "a form's address field",
            ));
        }
    }
}

/// Street-name endings that mark a street even in a word written in lower case.
const LOWER_CASE_SUFFIXES: &[&str] = &[
    "straat", "laan", "plein", "gracht", "kade", "singel", "steeg", "weg", "dijk",
];

/// Whether a capitalised word ends like a street name (`Kanaalweg`, `Hoeksteeg`).
pub(crate) fn is_street_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    STREET_SUFFIXES
        .iter()
        .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Whether `rest`, after a day's number, goes on as a date: a month after `/` (`27/9`), or a
/// month and a year of two or four digits after `-`, `/` or `.` (`9-9-2024`).
fn opens_a_date(rest: &[u8]) -> bool {
    let group = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    let Some(&separator) = rest.first().filter(|b| matches!(b, b'-' | b'/' | b'.')) else {
        return false;
    };
    let month = group(&rest[1..]);
    let month_value = std::str::from_utf8(&rest[1..1 + month])
        .ok()
        .and_then(|m| m.parse::<u32>().ok());
    (1..=2).contains(&month)
        && month_value.is_some_and(|m| (1..=12).contains(&m))
        && (separator == b'/'
            || (rest.get(1 + month) == Some(&separator)
                && matches!(group(&rest[2 + month..]), 2 | 4)))
}

/// Whether `rest` starts with a space and a month's name (`30 mei`).
fn starts_with_month(rest: &str) -> bool {
    const SHORT_MONTHS: &[&str] = &[
        "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    ];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    crate::fold::MONTHS.contains(&word.as_str()) || SHORT_MONTHS.contains(&word.as_str())
}

/// The end of a house number whose digits end at `digits_end`, with its addition: `12a`,
/// `12 a`, `12-2`, `12-hs`, `12 bis`, `12/3`.
/// Whether the house number at `start..digits_end` (its addition ending at `end`) opens a
/// range of numbers (`Irisstraat 2-88`, `Abdijlaan 9 t/m 23`): a block or a complex, not one
/// household's address. An addition smaller than the number is a flat's (`27-1`).
fn number_range(text: &str, start: usize, digits_end: usize, end: usize) -> bool {
    let number: u32 = text[start..digits_end].parse().unwrap_or(0);
    let upper = |s: &str| -> Option<u32> {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    if let Some(addition) = text[digits_end..end].strip_prefix('-')
        && upper(addition).is_some_and(|n| n > number)
    {
        return true;
    }
    let rest = &text[end..];
    // `openstelling Wetering 27-12 t/m 9-1`: a range of dates.
    let day_month = text[digits_end..end]
        .strip_prefix('-')
        .and_then(upper)
        .is_some_and(|month| number <= 31 && (1..=12).contains(&month));
    if day_month && [" t/m ", " tot "].iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    [" t/m ", " tot en met ", " - "]
        .iter()
        .any(|w| rest.starts_with(w) && upper(&rest[w.len()..]).is_some_and(|n| n > number))
}

fn house_number_end(bytes: &[u8], digits_end: usize) -> usize {
    let rest = &bytes[digits_end..];
    let letters = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let bounded = |n: usize| {
        !rest
            .get(n)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
    };
    if rest.starts_with(b" bis") && bounded(4) {
        return digits_end + 4;
    }
    if let Some(&sep @ (b'-' | b'/')) = rest.first() {
        let d = digits(&rest[1..]);
        if (1..=4).contains(&d) && bounded(1 + d) {
            return digits_end + 1 + d;
        }
        let l = letters(&rest[1..]);
        if sep == b'-' && (1..=3).contains(&l) && bounded(1 + l) {
            return digits_end + 1 + l;
        }
    }
    let l = letters(rest);
    if (1..=3).contains(&l) && bounded(l) {
        return digits_end + l;
    }
    // `12 a`, but not the `o` of `41 o.g.v.` or the `t` of `9 t/m 23`: an abbreviation.
    if rest.first() == Some(&b' ')
        && letters(&rest[1..]) == 1
        && bounded(2)
        && !matches!(rest.get(2), Some(b'.' | b'/'))
    {
        return digits_end + 2;
    }
    digits_end
}

/// The end of a postcode whose four digits end at `digits_end`: `2511 DP`, `2511DP`.
fn postcode_end(bytes: &[u8], digits_end: usize) -> Option<usize> {
    let letters_at = if bytes.get(digits_end) == Some(&b' ') {
        digits_end + 1
    } else {
        digits_end
    };
    let end = letters_at + 2;
    let capitals = bytes
        .get(letters_at..end)?
        .iter()
        .all(u8::is_ascii_uppercase);
    let bounded = !bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    (capitals && bounded).then_some(end)
}

/// The start of the street name before the house number at `number` (after one or more
/// spaces): a capitalised word ending in a street suffix, with the words of its name before
/// it (`Burgemeester de Withstraat`), or a name opened by a street word (`Laan van
/// Meerdervoort`).
fn street_before(text: &str, lines: &Lines, number: usize) -> Option<usize> {
    let before = text[..number].trim_end_matches([' ', '\t']);
    // A houseboat's berth across from a house (`Zandpad t.o. 96`, `Amsteldijk tegenover
    // 45`): the street before the marker.
    if let Some(street_end) = [" t.o.", " tegenover"]
        .iter()
        .find_map(|marker| before.strip_suffix(marker))
        .map(str::len)
    {
        return street_before(text, lines, street_end);
    }
    // `Irisstr. 62`: the abbreviated suffix keeps its dot.
    let undotted = before.strip_suffix('.').unwrap_or(before);
    let word_start = undotted
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .last()
        .map(|(i, _)| i)?;
    let word = &undotted[word_start..];
    // A street's part by the compass (`Lekdijk-West 31`, `Ringbaan-Oost 118`).
    let word = COMPASS_PARTS
        .iter()
        .find_map(|part| {
            word.strip_suffix(part)
                .and_then(|w| w.strip_suffix('-'))
                .filter(|w| !w.is_empty())
        })
        .unwrap_or(word);
    let lower = word.to_lowercase();
    // `Irisstr. 62`, and the German `Str.` after the street's name (`Boxhagener Str. 71`).
    let dotted = undotted.len() < before.len();
    let abbreviated = (lower.len() > 5 && lower.ends_with("str")) || (dotted && word == "Str");
    if dotted && !abbreviated {
        return None;
    }
    // Written in lower case, only the unmistakable endings (`wonende hazelaarstraat 23a`;
    // `vergadering 3` ends in `ring`).
    let lower_case_street = LOWER_CASE_SUFFIXES
        .iter()
        .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s));
    if !word.starts_with(char::is_uppercase) && !lower_case_street
        || NOT_STREET_WORDS.contains(&lower.as_str())
    {
        return None;
    }
    let english = ENGLISH_STREET_WORDS.contains(&lower.as_str());
    if abbreviated || english || STREET_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        if !word.starts_with(char::is_uppercase) {
            return Some(word_start);
        }
        let start = street_start(text, word_start, lines.start(word_start));
        // An English street word needs the street's name before it: `Lane 2` is a road's.
        let named = !english || start < word_start;
        return (named && text[start..].starts_with(char::is_uppercase)).then_some(start);
    }
    // A street word up to three words back, with only capitalised words and particles
    // between it and the number.
    let line = &before[lines.start(number).min(before.len())..];
    let mut end = before.len();
    // Abbreviations are read over only up to a prefix: `Hoge Raad. Woensdag 12` is none.
    let mut abbreviated = false;
    for (back, w) in line.rsplit(' ').take(4).enumerate() {
        let start = end - w.len();
        if back > 0 && STREET_PREFIXES.contains(&w) {
            // `Kaya` is a Turkish surname too: after a given name (`Ayse Kaya Demir 12`) it
            // opens no street.
            let after_a_name = matches!(w, "Kaya" | "Caya")
                && before[..start]
                    .trim_end_matches([' ', '\t'])
                    .rsplit([' ', '\t', '\n'])
                    .next()
                    .is_some_and(|p| {
                        p.starts_with(char::is_uppercase)
                            && p.chars().all(char::is_alphabetic)
                            && !NOT_STREET_START.contains(&p)
                    });
            return (!after_a_name).then_some(start);
        }
        if back > 0 && abbreviation_in_street(w) {
            abbreviated = true;
            end = start.saturating_sub(1);
            continue;
        }
        if abbreviated {
            // Only a prefix may open a name with an abbreviation in it.
            let word = w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase);
            if !word {
                return None;
            }
            end = start.saturating_sub(1);
            continue;
        }
        // `aan de Breed 30`, `op de Grote Oost 88`: after `aan de` or `op de` the capitalised
        // words and a number are a street without a street word, as old town centres have.
        // Not a place (`op de Maasvlakte 418`) nor a year (`op de agenda 2024`).
        if back > 0
            && w == "de"
            && (before[..start].ends_with(" aan ") || before[..start].ends_with(" op "))
            && !crate::names::lexicon::GAZETTEER.is(
                &crate::fold::fold(&before[end + 1..]),
                crate::names::lexicon::class::PLACE,
            )
            && !matches!(text.as_bytes().get(number..number + 2), Some(b"19" | b"20"))
        {
            return Some(end + 1);
        }
        // `Lekdijk West 29`: a street word before its compass part.
        if back == 1
            && COMPASS_PARTS
                .iter()
                .any(|p| line.ends_with(&format!(" {p}")))
            && w.starts_with(char::is_uppercase)
            && is_street_word(w)
        {
            return Some(start);
        }
        // Words of the name only: `Hoge Raad. Woensdag 12` spans a sentence end.
        let word = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
        if !word || !(w.starts_with(char::is_uppercase) || INNER_WORDS.contains(&w)) {
            return None;
        }
        end = start.saturating_sub(1);
    }
    None
}

/// Whether the text up to a full stop ends a sentence, not an abbreviation: a word of more
/// than four letters before the stop (`Willem Hendriks.`, not `Burg.` or `Z.Z.`).
fn ends_a_sentence(text: &str) -> bool {
    text.strip_suffix('.').is_some_and(|t| {
        let word = t.rsplit(' ').next().unwrap_or_default();
        word.chars().count() > 4 && word.chars().all(char::is_alphabetic)
    })
}

/// Walks back from a street word over earlier words of the name on the same line
/// (`Burgemeester de Withstraat`), keeping only a capitalised first word.
fn street_start(text: &str, word_start: usize, line_start: usize) -> usize {
    let mut start = word_start;
    let mut tentative = word_start;
    // Earlier words join only across a space: after `(` or `€` the walk below would count
    // back from the wrong offset.
    if !text[line_start..word_start].is_empty() && !text[..word_start].ends_with(' ') {
        return word_start;
    }
    for (words, token) in text[line_start..word_start].rsplit(' ').skip(1).enumerate() {
        if token.is_empty() || words >= 3 {
            break;
        }
        let token_start = tentative - token.len() - 1;
        // A capitalised particle inside the name counts only after a title that streets are
        // named with (`Burgemeester Van Walsumweg`), not after any word (`Zie De Kerkstraat`).
        let titled = || {
            text[line_start..token_start]
                .rsplit(' ')
                .nth(1)
                .is_some_and(|w| STREET_TITLES.contains(&w))
        };
        // A person's particle right before a street named after them, after a word in lower
        // case, a comma or a bracket (`aan de Van Helomaweg 7`, `(De Ruyterstraat 4)`).
        // Opening a sentence it is a word (`Van Kerkstraat 5 naar`, `Zie De Kerkstraat`).
        let bracket = usize::from(token.starts_with('('));
        let previous = text[line_start..token_start].trim_end();
        let inside = bracket == 1
            || previous.ends_with(',')
            || previous
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase));
        let named_after = words == 0 && inside && PARTICLE_OPENERS.contains(&&token[bracket..]);
        if named_after {
            start = token_start + bracket;
            break;
        }
        // A sentence ends before the street (`Willem Hendriks. Heibroekerweg 14`); an
        // abbreviation goes on (`Burg. Reigerstraat`).
        if ends_a_sentence(token) {
            break;
        }
        if INNER_WORDS.contains(&token)
            || (INNER_WORDS.contains(&token.to_lowercase().as_str()) && titled())
        {
            tentative = token_start;
        } else if token.starts_with(|c: char| c.is_uppercase())
            && token
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.' | '’'))
            && !NOT_STREET_START.contains(&token)
        {
            tentative = token_start;
            start = token_start;
        } else {
            break;
        }
    }
    start
}

/// The street line right above a postcode that starts its line, as a byte range.
fn street_line_above(text: &str, lines: &Lines, postcode_start: usize) -> Option<(usize, usize)> {
    let line_start = blank_line_start(text, postcode_start).filter(|&s| s > 0)?;
    let prev_start = lines.start(line_start - 1);
    let prev = &text[prev_start..line_start - 1];
    let caps = STREET_LINE.captures(prev)?;
    let street = caps.name("street")?;
    let mut words = street.as_str().split(' ');
    let first = words.next().unwrap_or_default();
    // `Van Helomaweg 5` above its postcode: a street named after a person.
    let named_after = PARTICLE_OPENERS.contains(&first)
        && words.next().is_some_and(|w| {
            w.starts_with(char::is_uppercase) && STREET_SUFFIXES.iter().any(|s| w.ends_with(s))
        });
    if (NOT_STREET_START.contains(&first) && !named_after) || opens_with_post_box(street.as_str()) {
        return None;
    }
    let end = prev_start + prev.trim_end().len();
    Some((prev_start + street.start(), end))
}

/// Capitalised words and particles, then a house number, ending right before a postcode.
static STREET_BEFORE_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\x20\t(,;:])(?P<street>\p{Lu}[\p{L}'’.\-]*(?:\x20(?:\p{Lu}[\p{L}'’.\-]*|van|de|der|den|het|'t|ter|ten|op|aan)){0,3}\x20[1-9][0-9]{0,4}(?:\x20?[a-zA-Z]|-[0-9]{1,4}|-?[a-zA-Z]{1,3})?)(?:,?[\x20\t]+|[\x20\t]*[;|][\x20\t]*)$",
    )
    .expect("street before postcode pattern compiles")
});

/// A street and number right before a postcode on its line, whatever the street is called
/// (`Lhee 23, 7991 PG Dwingeloo`, `Kruisweg 4a 2132 NA`, a row's `Molenweg 88;6682 AL`): the
/// postcode vouches for it.
fn street_before_postcode(
    text: &str,
    line_start: usize,
    postcode_start: usize,
) -> Option<(usize, usize)> {
    let before = &text[line_start..postcode_start];
    let street = STREET_BEFORE_POSTCODE.captures(before)?.name("street")?;
    // A sentence that ends before the street is not part of it.
    let sentence_end = street
        .as_str()
        .match_indices(". ")
        .filter(|&(k, _)| ends_a_sentence(&street.as_str()[..=k]))
        .last();
    let street_start = line_start + street.start() + sentence_end.map_or(0, |(k, _)| k + 2);
    let street = &text[street_start..line_start + street.end()];
    let first = street.split(' ').next().unwrap_or_default();
    if NOT_STREET_START.contains(&first) || opens_with_post_box(street) {
        return None;
    }
    Some((street_start, street_start + street.len()))
}

/// The start of a street found ending the line above a postcode that opens its line, with at
/// most a comma after it.
fn street_ending_line_above(
    text: &str,
    lines: &Lines,
    found: &Streets,
    postcode_start: usize,
) -> Option<usize> {
    let line_start = blank_line_start(text, postcode_start).filter(|&s| s > 0)?;
    let prev = text[..line_start - 1].trim_end_matches([' ', '\t', '\r']);
    let prev = prev.strip_suffix(',').unwrap_or(prev);
    found
        .ending_at(prev.len())
        .filter(|&s| s >= lines.start(line_start - 1))
}

/// Streets found so far, indexed for the questions asked of them.
struct Streets {
    /// By start, with the largest end of each prefix.
    by_start: Vec<(usize, usize)>,
    max_end: Vec<usize>,
    /// The ends with their starts, sorted.
    ends: Vec<(usize, usize)>,
}

impl Streets {
    fn new(streets: &[(usize, usize)]) -> Streets {
        let mut by_start = streets.to_vec();
        by_start.sort_unstable();
        let max_end = by_start
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        let mut ends: Vec<(usize, usize)> = streets.iter().map(|&(s, e)| (e, s)).collect();
        ends.sort_unstable();
        Streets {
            by_start,
            max_end,
            ends,
        }
    }

    /// Whether a street overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        match self.by_start.partition_point(|&(a, _)| a < end) {
            0 => false,
            k => self.max_end[k - 1] > start,
        }
    }

    /// Whether a street ends in `from..=to`.
    fn ends_within(&self, from: usize, to: usize) -> bool {
        let i = self.ends.partition_point(|&(e, _)| e < from);
        self.ends.get(i).is_some_and(|&(e, _)| e <= to)
    }

    /// The start of a street that ends at `end`.
    fn ending_at(&self, end: usize) -> Option<usize> {
        let i = self.ends.partition_point(|&(e, _)| e < end);
        self.ends
            .get(i)
            .filter(|&&(e, _)| e == end)
            .map(|&(_, s)| s)
    }
}

/// A place name after the postcode: `1234 AB  Utrecht`, `1234 AB, 's-Hertogenbosch`.
fn place_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t', ',']);
    if rest.len() == text.len() - end {
        return false;
    }
    let rest = rest.strip_prefix("'s-").unwrap_or(rest);
    rest.starts_with(|c: char| c.is_uppercase())
}

/// The end of the town written one space after a private postcode (`3433 ZK Nieuwegein`,
/// `2411 AB Alphen aan den Rijn`), or `end` when none follows. The town is part of the
/// correspondence address a Woo team removes; a town named elsewhere stays. It ends at
/// punctuation, a second capitalised word or the line's end.
fn town_end(text: &str, end: usize) -> usize {
    /// Lower-case words inside a town's name (`Bergen op Zoom`, `Capelle aan den IJssel`).
    const TOWN_PARTICLES: &[&str] = &["aan", "den", "de", "op", "bij", "en", "ter", "ten", "in"];
    /// Capitalised words that open a town of two words (`Den Haag`, `Nieuw Vennep`).
    const TOWN_OPENERS: &[&str] = &[
        "Den", "De", "Nieuw", "Oud", "Oude", "Nieuwe", "Sint", "Groot", "Klein", "Hoog", "Laag",
    ];
    // One space only: after a wider gap the town may be another column's. An address
    // block's postcode line is read in `block_town_end`.
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    if gap != 1 {
        return end;
    }
    let is_name = |w: &str| {
        let w = w.strip_prefix("'s-").unwrap_or(w);
        w.starts_with(char::is_uppercase)
    };
    // The words up to the line's end or the first character no town's name holds.
    let start = end + gap;
    let line = &text[start..];
    let stop = line
        .find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'')))
        .unwrap_or(line.len());
    let mut words = line[..stop].split(' ');
    let Some(first) = words.next().filter(|w| is_name(w)) else {
        return end;
    };
    let mut town = start + first.len();
    // Further words only after a particle or an opener, with single spaces between.
    let mut previous = first;
    let mut pending = 0;
    for word in words {
        if TOWN_PARTICLES.contains(&word) {
            pending += word.len() + 1;
        } else if is_name(word) && (pending > 0 || TOWN_OPENERS.contains(&previous)) {
            town += pending + word.len() + 1;
            pending = 0;
        } else {
            break;
        }
        previous = word;
    }
    town
}

/// The end of a town written after a comma right behind a private street and number, where
/// the address ends (`Molenweg 9, Heukelwaard`, a register's `Lithseweg 54, Kessel  tel.`):
/// most teams remove it with the address. A town that goes on into a sentence (`Kerkstraat
/// 20, Kessel en …`) is not read.
fn town_after_comma(text: &str, street_end: usize) -> Option<usize> {
    let from = street_end + 1;
    if !text[street_end..].starts_with(", ") {
        return None;
    }
    let town = town_end(text, from);
    let rest = &text[town..];
    let closed = rest.is_empty()
        || rest.starts_with(['\n', '\r', '\t', '.', ',', ';', ':', '|', ')'])
        || rest.starts_with("  ")
        || rest.starts_with(" (")
        || rest.starts_with(" / ")
        || rest.starts_with(" –")
        || rest.starts_with(" - ");
    (town > from && closed).then_some(town)
}

/// The end of the town in an address block's postcode line, two spaces after the postcode
/// as Dutch post writes it (`7241 BT  HOLTVEEN`), or `end`: a line of the postcode and the
/// town alone, or of the street, the postcode and the town (`Rosmolenstraat 41, 1502 AC
/// Zaandam`). Most teams remove the town with the address there.
fn block_town_end(text: &str, lines: &Lines, start: usize, end: usize) -> usize {
    let line_start = lines.start(start);
    let line_end = lines.end(start, text.len());
    let before = text[line_start..start].trim();
    let after_street = text[..start].ends_with(", ")
        && before
            .trim_end_matches(',')
            .ends_with(|c: char| c.is_ascii_alphanumeric());
    if !(before.is_empty() || after_street) || !text[end..].starts_with("  ") {
        return end;
    }
    let town = town_end(text, end + 1);
    let closed = text[town..line_end].trim().is_empty();
    if town > end + 2 && closed { town } else { end }
}

/// The end of a house number written right after a postcode (`1082 AT 380`, `1058 JN
/// 101-3`, `8601 BS, nummer 14`, `1081 JP 590hs`), if one is: a number standing alone, not
/// the day of a date (`1082 AT 12 mei`, `1082 AT 2-8-2022`) nor an amount or a time
/// (`12.30`). One space or a comma only: a tab or a wider gap opens a table's next cell.
fn house_number_after(text: &str, postcode_end: usize) -> Option<usize> {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:, ?| )(?:(?:nr\.?|nummer|huisnr\.?|huisnummer) ?)?[1-9][0-9]{0,4}")
            .expect("house number after a postcode pattern compiles")
    });
    let digits_end = postcode_end + NUMBER.find(&text[postcode_end..])?.end();
    let bytes = text.as_bytes();
    let fraction = matches!(bytes.get(digits_end), Some(b'.' | b',' | b':'))
        && bytes.get(digits_end + 1).is_some_and(u8::is_ascii_digit);
    if fraction || opens_a_date(&bytes[digits_end..]) || starts_with_month(&text[digits_end..]) {
        return None;
    }
    let end = house_number_end(bytes, digits_end);
    let bounded = !text[end..].starts_with(|c: char| c.is_alphanumeric());
    bounded.then_some(end)
}

/// `Postcode: 1234 AB`, and in a form with dot leaders `Postcode / Plaats ...... 1234 AB`.
fn keyword_before(text: &str, at: usize) -> bool {
    super::line_before(text, at, 120)
        .trim_end_matches([' ', '\t', '.', ':', '/'])
        .to_lowercase()
        .contains("postcode")
}

#[cfg(test)]
mod tests;
