//! Places a text shows to be places by how it writes them: the town after a postcode (`7065
//! BJ  Sinderen`), after `te` behind a house number (`Kampweg 14 te Vorstenbosch`), and a
//! (cadastral) municipality (`gemeente Sinderen`, `gem. Heerewaarden`).
//!
//! The gazetteer holds the municipalities and the larger towns; the villages and hamlets a
//! file is about are learned here, for the document and, with the batch-wide scope, for its
//! whole batch. A village is then read as a place, like a listed one: not taken for a surname
//! in `asbest Sinderen`, and not remembered as one. A person whose surname it is stays a
//! person where a first name or initials come with it (`D. van Sinderen`).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{self, GAZETTEER, class};
use crate::fold::fold;

/// A place's first word after what announces it: a postcode (spaces only, as a tab or a wide
/// gap opens the next cell), `te` after a house number or a verb of residence, or `gemeente`.
/// The word ends its line or clause, or a lower-case word goes on (`Nieuwerkerk aan den
/// IJssel`); a capitalised word after it makes it a firm's or a person's name (`7009 AJ
/// Kremer Transport`).
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:(?-u:\b)[1-9][0-9]{3} ?[A-Z]{2} {1,2}|[0-9][a-zA-Z]?,? te |(?-u:\b)(?:[Gg]emeente|gem\.|gevestigd te|wonende te|woonachtig te) )(\p{Lu}[\p{L}'-]+)(?:$|[,.;:)(\t|]| {2,}| \p{Ll})",
    )
    .expect("place pattern compiles")
});

/// Prepositions of place, after which a place stands as after [`PLACE`]'s announcements
/// (`in Kisumu`, `vanuit Migori`).
const PREPOSITIONS: [&str; 3] = ["in ", "uit ", "vanuit "];

/// The words after a preposition of place that [`PLACE`] would take after an announcement.
/// Found by searching for the prepositions, not by a pattern: `in ` is in every line, and a
/// pattern's search stops at each one.
fn after_prepositions(text: &str) -> impl Iterator<Item = &str> {
    PREPOSITIONS.iter().flat_map(move |preposition| {
        text.match_indices(preposition).filter_map(move |(at, _)| {
            let starts_word = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let rest = &text[at + preposition.len()..];
            if !starts_word || !rest.starts_with(char::is_uppercase) {
                return None;
            }
            let len = rest
                .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-'))
                .unwrap_or(rest.len());
            let after = &rest[len..];
            let ends = after.is_empty()
                || after.starts_with(['\n', '\r', ',', '.', ';', ':', ')', '(', '\t', '|'])
                || after.starts_with("  ")
                || after
                    .strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(char::is_lowercase));
            ends.then_some(&rest[..len])
        })
    })
}

/// The places `text` names as places (see the module documentation), folded, sorted and
/// without repeats. Words and first names are left out: a listed place needs no learning,
/// and `Oude` of `gemeente Oude IJsselstreek` is no place alone. After a preposition a known
/// surname is left out too, as a name can follow one (`gewijzigd in Bouzid`).
pub fn learned(text: &str) -> Vec<String> {
    let announced = PLACE
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.as_str(), 0));
    let after_preposition = after_prepositions(text).map(|p| (p, class::SURNAME));
    let mut places: Vec<String> = announced
        .chain(after_preposition)
        .filter_map(|(place, also_not)| {
            let place = fold(place);
            let not_a_place = class::FIRST_NAME | class::ORG | class::NOT_NAME | also_not;
            (place.chars().count() >= 3
                && !lexicon::is_dutch_word(&place)
                && !lexicon::is_particle(&place)
                && !GAZETTEER.is(&place, not_a_place))
            .then_some(place)
        })
        .collect();
    places.sort();
    places.dedup();
    places
}

/// A set of learned places to look words up in.
pub(crate) type Places = HashSet<String, lexicon::FastHash>;

/// Whether `word` (folded) is among `places`, as [`learned`] gives them (sorted).
pub(crate) fn is_among(places: &[String], word: &str) -> bool {
    places.binary_search_by(|p| p.as_str().cmp(word)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_village_is_learned_from_its_postcode_te_and_gemeente() {
        let text = "Heidenhaansdijk 6, 7065 BJ  Sinderen (gem. Oude IJsselstreek)\n\
                    Kadastraal : gemeente Sinderen, sectie F\n\
                    adres Kampweg 14 te Vorstenbosch.\n\
                    2913 CD Nieuwerkerk aan den IJssel\n";
        assert_eq!(learned(text), ["nieuwerkerk", "sinderen", "vorstenbosch"]);
    }

    #[test]
    fn a_place_is_learned_after_a_preposition_of_place_but_no_known_surname() {
        let text = "het kantoor in Kisumu, vanuit Migori en uit Bahir Dar.\n\
                    NCWT, gevestigd te Oyugis; gewijzigd in Bouzid.\n";
        assert_eq!(learned(text), ["kisumu", "migori", "oyugis"]);
    }

    #[test]
    fn the_next_cell_or_a_firm_is_no_place() {
        assert!(learned("7251 BB\tStichting Ieder Kind\n").is_empty());
        assert!(learned("7009 AJ Kremer Transport B.V.\n").is_empty());
        assert!(learned("2805 ER   Bouwman\n").is_empty());
        // A first name or a word after a postcode is no place to learn.
        assert!(learned("1234 AB Jan\n5678 CD Oude\n").is_empty());
    }
}
