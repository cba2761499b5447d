//! Things that bear people's names: animals, ships and storms. Pets and horses bear first
//! names (`onze Franse bulldog Max`, `de pup (Luna)`, `merrie "Winter"`), ferries and barges
//! bear a person's whole name (`mv Jacoba van Beieren`, `veerpont Prinses Christina`), and
//! storms bear first names (`storm Fenna`, `Storm Eunice`). A file about one names it again
//! and again (`Max is op 15 maart overleden`, `de Jacoba van Beieren viel uit`).
//!
//! The name right after a word for such a thing is the thing's; so is the same name alone in
//! every document of the batch. No person is named there, so nothing is removed, unless the
//! staff directory knows the name. An animal's or a storm's name is one word: a capitalised
//! word after it makes it a person's (`hond Jan Bakker`). A ship's may run on over
//! capitalised words and particles. After a word in capitals, or a capitalised one that opens
//! its line, a register or a list writes a surname and a first name (`STORM PIETER`, `Kat
//! Emma`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::PersonKey;
use crate::fold::fold;

/// Words for an animal, after which its one-word name stands.
const ANIMAL_WORDS: &[&str] = &[
    "bulldog",
    "cavia",
    "chihuahua",
    "chipnummer",
    "ezel",
    "geit",
    "hengst",
    "hond",
    "hondje",
    "huisdier",
    "kalf",
    "kat",
    "kater",
    "katje",
    "kitten",
    "koe",
    "konijn",
    "labrador",
    "merrie",
    "paard",
    "papegaai",
    "poedel",
    "poes",
    "pony",
    "pup",
    "pupje",
    "puppy",
    "reu",
    "reutje",
    "ruin",
    "schaap",
    "stier",
    "teckel",
    "teef",
    "teefje",
    "veulen",
];

/// Words for a ship, after which its name may run on over several words. Not `ms`, also the
/// English `Ms Smith`, nor `mts`, also a `maatschap`.
const SHIP_WORDS: &[&str] = &[
    "mv",
    "m.v.",
    "mvs",
    "veerboot",
    "veerschip",
    "veerpont",
    "reserveschip",
    "schip",
    "vaartuig",
    "motorschip",
    "binnenvaartschip",
    "kotter",
    "boomkorkotter",
    "garnalenkotter",
    "vissersvaartuig",
    "vissersschip",
    "viskotter",
    "trawler",
    "flyshooter",
    "vessel",
    "aan boord van de",
    "aan boord van het",
    "on board the",
    "on board of the",
];

/// Words for a storm, after which its one-word name stands.
const STORM_WORDS: &[&str] = &["storm", "orkaan", "stormdepressie", "tyfoon"];

/// A word for a thing, the name after it (in brackets or quotes, or after a colon) and its
/// capitalised words (joined by particles). Group 1 is the word, group 2 the name. The word
/// has an ASCII boundary before it, which keeps the pattern on the fast regex engine.
static THING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = [ANIMAL_WORDS, SHIP_WORDS, STORM_WORDS]
        .concat()
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    Regex::new(&format!(
        r#"(?i:(?-u:\b)({}))(?::? | \(| ?["“‘'])(\p{{Lu}}[\p{{L}}'-]*(?: (?:(?:van|de|der|den|het|ter|ten|la|le) )*\p{{Lu}}[\p{{L}}'-]*)*)"#,
        words.join("|")
    ))
    .expect("thing name pattern compiles")
});

/// An animal's name before its sex and chip in brackets (`Thandi (v, transponder
/// 982000411873302)`, `Max (reu, chip 528…)`): a zoo's or a breeder's papers.
static NAME_BEFORE_CHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\p{Lu}\p{Ll}[\p{L}'-]*) \((?i:[mv]|man|vrouw|reu|teef|male|female|hengst|merrie)[,;] ?(?i:transponder|chip)",
    )
    .expect("chip pattern compiles")
});

/// The words [`NAME_BEFORE_CHIP`] needs, in any case: most texts hold neither, and the
/// pattern opens at every capitalised word.
static CHIP_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["transponder", "chip"])
        .expect("two words always build")
});

/// Whether a word for a ship, after which a name may run on over several words.
fn is_ship_word(word: &str) -> bool {
    SHIP_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// The names `text` gives its animals, ships and storms (see the module documentation),
/// folded, sorted and without repeats.
pub fn named(text: &str) -> Vec<String> {
    let mut names: Vec<String> = THING_NAME
        .captures_iter(text)
        .filter_map(|c| {
            let word = c.get(1)?.as_str();
            let name = c.get(2)?.as_str();
            // Initials after a capitalised word are a person's (`HJ Storm HV`), and so is a
            // name after a word in capitals: a register's surname and first name (`STORM
            // PIETER`, `KAT EMMA`).
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            let initials = letters <= 3 && !name.chars().any(char::is_lowercase);
            let register = !word.chars().any(char::is_lowercase);
            // A capitalised word that opens its line may be a surname before a first name in
            // a list (`Kat Emma`, `Storm Pieter`).
            let line_start = text[..c.get(1)?.start()].trim_end_matches([' ', '\t']);
            let listed = word.starts_with(char::is_uppercase)
                && (line_start.is_empty() || line_start.ends_with('\n'));
            let one_word = !name.contains(' ');
            ((is_ship_word(word) || one_word) && letters >= 3 && !initials && !register && !listed)
                .then(|| fold(name))
        })
        .collect();
    if CHIP_WORDS.is_match(text) {
        names.extend(
            NAME_BEFORE_CHIP
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| fold(m.as_str())),
        );
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether a person's key names one of the batch's things (`names`, as [`named`] gives
/// them), where no word for a ship stands before it: its surname is one (`Spes Nostra`), or
/// its first name and the last word of its surname open and end one (`Jacoba van Beieren`).
pub(crate) fn name_a_person(names: &[String], key: &PersonKey) -> bool {
    let Some(surname) = key.surname.as_deref() else {
        return false;
    };
    if is_among(names, surname) {
        return true;
    }
    let Some(given) = key.given.as_deref() else {
        return false;
    };
    let last = surname.rsplit(' ').next().unwrap_or(surname);
    names.iter().any(|n| {
        n.contains(' ') && n.split(' ').next() == Some(given) && n.rsplit(' ').next() == Some(last)
    })
}

/// Whether `folded` is among `names`, as [`named`] gives them.
pub(crate) fn is_among(names: &[String], folded: &str) -> bool {
    names.binary_search_by(|n| n.as_str().cmp(folded)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_a_word_for_an_animal_is_the_animal_s() {
        assert_eq!(
            named(
                "onze Franse bulldog Max. De pup (Luna) en paard \"Winter\"; Chipnummer Bobby: 6"
            ),
            ["bobby", "luna", "max", "winter"]
        );
    }

    #[test]
    fn a_name_before_an_animal_s_sex_and_chip() {
        assert_eq!(
            named("zus, Thandi (v, transponder 982000411873302) en Sipho (m, transponder 9820)"),
            ["sipho", "thandi"]
        );
        assert!(named("Thandi (v, 34) belde").is_empty());
    }

    #[test]
    fn a_ship_s_name_runs_on_and_a_storm_s_is_one_word() {
        assert_eq!(
            named(
                "veerschip mv Jacoba van Beieren viel uit; de veerpont Prinses Christina voer.\n\
                 Tijdens Storm Fenna en storm Eunice. Naam storm: Floris. mvs ZELDENRUST"
            ),
            [
                "eunice",
                "fenna",
                "floris",
                "jacoba van beieren",
                "prinses christina",
                "zeldenrust"
            ]
        );
        // A fishing vessel, and a ship one is aboard.
        assert_eq!(
            named(
                "het vissersvaartuig Jacoba Hendrika (UK-147); U werkt aan boord van de Willem \
                 Jacob? The vessel \"Stella Maris\" sailed."
            ),
            ["jacoba hendrika", "stella maris", "willem jacob"]
        );
    }

    #[test]
    fn a_person_after_the_word_is_no_animal() {
        // A surname after the first name, or a word in capitals, is a person's.
        assert!(named("de hond van Jan. Hond Jan Bakker en de kat Max Verstappen").is_empty());
        assert!(named("een hond\n\nMax vertelt").is_empty());
        // A register's surname and first name in capitals.
        assert!(named("STORM PIETER 12-03-1980\nKAT EMMA").is_empty());
        // A list's surname and first name, or a line that opens with them.
        assert!(named("Aanwezig:\n  Kat Emma\nStorm Pieter belde").is_empty());
        // `Ms` is the English title, not a motor ship.
        assert!(named("Dear Ms Smith, the hondenbezitter Jan").is_empty());
    }
}
