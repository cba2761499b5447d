//! Words that name recognition knows: the grammar's closed word classes (tussenvoegsels,
//! titles, forms of address, greetings, closings) and the built-in gazetteer (first names,
//! surnames, places, organisation words, function titles, office-holder titles and
//! capitalised words that are never names), compiled into the crate from `data/`.
//!
//! Everything is stored folded (lower case, no accents), see [`crate::fold`].

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::fold::fold;

/// Surname particles as they follow a first name or initials (`Jan van der Meulen`), longest
/// first. Particles that are also common words (`in`, `op`, `aan`) only count in the
/// combinations real surnames use.
pub const TUSSEN_PHRASES: &[&[&str]] = &[
    &["van", "de", "la"],
    &["van", "der"],
    &["van", "den"],
    &["van", "de"],
    &["van", "het"],
    &["van", "'t"],
    &["van", "ter"],
    &["van", "ten"],
    &["in", "'t"],
    &["in", "de"],
    &["in", "den"],
    &["in", "het"],
    &["op", "de"],
    &["op", "den"],
    &["op", "'t"],
    &["op", "ten"],
    &["op", "het"],
    &["uit", "de"],
    &["uit", "den"],
    &["uit", "het"],
    &["aan", "de"],
    &["aan", "den"],
    &["aan", "'t"],
    &["bij", "de"],
    &["onder", "de"],
    &["voor", "de"],
    &["voor", "den"],
    &["de", "la"],
    &["de", "le"],
    &["de", "los"],
    &["von", "der"],
    &["von", "dem"],
    &["van"],
    &["de"],
    &["der"],
    &["den"],
    &["het"],
    &["'t"],
    &["ter"],
    &["ten"],
    &["te"],
    &["la"],
    &["le"],
    &["du"],
    &["da"],
    &["di"],
    &["del"],
    &["della"],
    &["dos"],
    &["das"],
    &["do"],
    &["von"],
    &["zu"],
    &["vom"],
    &["el"],
    &["al"],
    &["ben"],
    &["bin"],
    &["ibn"],
    &["abu"],
    &["ould"],
];

/// Academic and professional titles (`mr.`, `drs.`, …), folded, without the dot.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "drs", "dr", "ir", "ing", "prof", "bc", "ds", "mgr", "kand", "lic", "dhr", "mw", "mevr",
    "mevrouw", "meneer", "mijnheer", "heer", "sir", "madam", "madame", "monsieur", "frau", "herr", "zuster", "broeder",
    "pastoor", "dominee", "rabbijn", "imam", "pater",
];

/// Words that open a greeting line, folded.
pub const GREETINGS: &[&str] = &[
    "hoi", "hallo", "hai", "hey", "hee", "hi", "hello", "beste", "dag", "geachte", "lieve", "goedemorgen", "goedemiddag",
    "goedenavond", "morgen", "dear", "ha", "moi", "hej", "hoihoi", "beste collega",
];

/// Closing lines before a signature, folded, without trailing punctuation.
pub const CLOSINGS: &[&str] = &[
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "met vriendelijke groet en dank",
    "vriendelijke groet",
    "vriendelijke groeten",
    "vriendelijke groetjes",
    "met hartelijke groet",
    "met hartelijke groeten",
    "hartelijke groet",
    "hartelijke groeten",
    "met collegiale groet",
    "collegiale groet",
    "met groet",
    "met groeten",
    "groet",
    "groeten",
    "groetjes",
    "gr",
    "grt",
    "mvg",
    "m.v.g",
    "hgr",
    "dank en groet",
    "groet en dank",
    "met dank en groet",
    "met dank",
    "dank",
    "bedankt",
    "alvast bedankt",
    "alvast dank",
    "hoogachtend",
    "met de meeste hoogachting",
    "kind regards",
    "best regards",
    "warm regards",
    "regards",
    "best",
    "cheers",
    "thanks",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "fijne dag",
    "fijn weekend",
    "tot ziens",
    "tot later",
];

/// Words a function title may be written as that also introduce a surname (`collega Jansen`).
pub const ROLE_WORDS: &[&str] = &["collega", "collega's", "oud-collega", "cliënt", "client", "klant", "burger", "verzoeker", "verzoekster", "klager", "klaagster", "melder", "betrokkene", "aanvrager", "aanvraagster", "verdachte", "slachtoffer", "getuige", "patiënt", "patient", "bewoner", "huurder", "eigenaar"];

/// The built-in gazetteer, loaded once.
pub struct Gazetteer {
    /// Given names.
    pub first_names: HashSet<String>,
    /// Surname keys (without particles), e.g. `vries` for `de Vries`.
    pub surnames: HashSet<String>,
    /// Places and countries.
    pub places: HashSet<String>,
    /// Single words that signal an organisation, body or programme.
    pub org_words: HashSet<String>,
    /// Function titles (multi-word allowed).
    pub function_titles: HashSet<String>,
    /// Office-holder titles (multi-word allowed).
    pub office_titles: Vec<String>,
    /// Capitalised words that are never names.
    pub not_names: HashSet<String>,
}

fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn folded_set(data: &str) -> HashSet<String> {
    entries(data).map(fold).collect()
}

/// The gazetteer compiled into the crate.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let surnames = entries(include_str!("data/surnames.txt"))
        .filter_map(|s| {
            let key = surname_key_of(s);
            (!key.is_empty()).then_some(key)
        })
        .collect();
    let mut office_titles: Vec<String> = entries(include_str!("data/office_holder_titles.txt")).map(fold).collect();
    // Longest first, so `minister voor Rechtsbescherming` wins over `minister`.
    office_titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    Gazetteer {
        first_names: folded_set(include_str!("data/first_names.txt")),
        surnames,
        places: folded_set(include_str!("data/places.txt")),
        org_words: folded_set(include_str!("data/org_words.txt")),
        function_titles: folded_set(include_str!("data/function_titles.txt")),
        office_titles,
        not_names: folded_set(include_str!("data/not_names.txt")),
    }
});

/// Whether a folded word is a surname particle (alone or in a combination such as `in 't`).
pub fn is_particle(folded: &str) -> bool {
    TUSSEN_PHRASES.iter().any(|p| p.contains(&folded))
}

/// The key of a written surname: its words without particles, folded, space-separated.
/// `de Vries` → `vries`; `Goyaerts van Waderle` → `goyaerts waderle`; `El Idrissi` →
/// `idrissi`.
pub fn surname_key_of(surname: &str) -> String {
    let words: Vec<String> = surname
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let kept: Vec<&str> = words.iter().map(String::as_str).filter(|w| !is_particle(w)).collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_keys_drop_particles_in_any_case() {
        assert_eq!(surname_key_of("de Vries"), "vries");
        assert_eq!(surname_key_of("Van der Meulen"), "meulen");
        assert_eq!(surname_key_of("Goyaerts van Waderle"), "goyaerts waderle");
        assert_eq!(surname_key_of("El Idrissi"), "idrissi");
        assert_eq!(surname_key_of("in 't Veld"), "veld");
        assert_eq!(surname_key_of("Jansen-van der Berg"), "jansen berg");
        assert_eq!(surname_key_of("Doğan"), "dogan");
    }
}
