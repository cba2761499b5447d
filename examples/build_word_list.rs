//! Builds `src/names/data/dutch_words.fst`, the set of common Dutch words that tells a word
//! from a name, from OpenTaal's word list (BSD or CC-BY 3.0; Debian package `wdutch`, file
//! `/usr/share/dict/dutch`):
//!
//! ```sh
//! cargo run --example build_word_list -- /usr/share/dict/dutch src/names/data/dutch_words.fst
//! ```
//!
//! Kept: entries that start with a lower-case letter (proper nouns are capitalised in the
//! list), consist of letters only and have at most 14 of them; folded as the detectors fold
//! text (lower case, no accents).

use std::collections::BTreeSet;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: build_word_list INPUT OUTPUT".into());
    };
    let text = std::fs::read_to_string(input)?;
    let words: BTreeSet<String> = text
        .lines()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() <= 14)
        .map(woo_redact::fold::fold)
        .collect();
    let set = fst::Set::from_iter(&words)?;
    std::fs::write(output, set.as_fst().as_bytes())?;
    println!(
        "{} words, {} bytes",
        words.len(),
        set.as_fst().as_bytes().len()
    );
    Ok(())
}
