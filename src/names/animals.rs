//! Animals' names. Pets and horses bear people's first names (`onze Franse bulldog Max`, `de
//! pup (Luna)`, `merrie "Winter"`, `Chipnummer Luna:`), and an inspection's or a buyer's
//! letter about them names them again and again (`Max is op 15 maart overleden`). A
//! capitalised word right after a word for an animal, alone (no surname after it), is the
//! animal's name; so is the same word alone elsewhere in the document. No person is named
//! there, so nothing is removed, unless the staff directory knows the name.

use super::grammar::{Grammar, shape};
use super::token::Kind;

/// Words for an animal after which its name may stand, folded and sorted (looked up by
/// binary search: every word of the text is).
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

/// The words the text names animals by (see the module documentation), folded.
pub(crate) fn animal_names<'g>(g: &'g Grammar<'_>) -> Vec<&'g str> {
    let toks = g.tokens();
    let mut names = Vec::new();
    for i in 0..toks.len() {
        if toks[i].kind != Kind::Word {
            continue;
        }
        // The name follows, perhaps in brackets or quotes (`pup (Luna)`, `merrie "Winter"`).
        let mut j = i + 1;
        if matches!(
            toks.get(j).map(|t| t.kind),
            Some(Kind::Punct('(' | '"' | '“' | '\''))
        ) {
            j += 1;
        }
        // The capital after it first: most words are no animal and need no lookup.
        if !g.is_cap(j) || ANIMAL_WORDS.binary_search(&g.folded(i)).is_err() {
            continue;
        }
        let alone = !g.is_cap(j + 1) && !g.has(j + 1, shape::UPPER);
        if alone && toks[j].start - toks[i].end <= 2 {
            names.push(g.folded(j));
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::token;

    fn names(text: &str) -> Vec<String> {
        let toks = token::tokenize(text);
        let g = Grammar::new(text, &toks);
        animal_names(&g).into_iter().map(str::to_string).collect()
    }

    #[test]
    fn a_name_after_a_word_for_an_animal_is_the_animal_s() {
        assert_eq!(
            names(
                "onze Franse bulldog Max. De pup (Luna) en paard \"Winter\"; Chipnummer Bobby: 6"
            ),
            ["bobby", "luna", "max", "winter"]
        );
    }

    #[test]
    fn the_words_are_sorted_for_their_search() {
        assert!(ANIMAL_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_person_after_the_word_is_no_animal() {
        // A surname after the first name, or a word in capitals, is a person's.
        assert!(names("de hond van Jan. Hond Jan Bakker en de kat Max Verstappen").is_empty());
        assert!(names("een hond\n\nMax vertelt").is_empty());
    }
}
