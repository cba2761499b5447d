//! Dutch name grammar over tokens: first names, initials (`J.`, `J.P.`, `Ph.`, `Chr.`),
//! tussenvoegsels (lower case after a first name or initials, capitalised when the surname
//! stands alone), multi-word and double-barrelled surnames, titles and forms of address, and
//! the reversed forms `Achternaam, V. de (Voornaam)`, `de Achternaam, V.`.
//!
//! The grammar says where a name would begin and end and what its parts are; whether it *is*
//! a name is decided by the evidence around it (see [`super::context`] and [`super`]).

use super::lexicon::{GAZETTEER, class, is_dutch_word};
use super::token::{Kind, Token};
use crate::fold::fold;

mod capitals;
mod east_asian;
mod forms;
mod initials;
mod surname;
#[cfg(test)]
mod tests;

use surname::is_organisation_compound;

/// Capitals that name something other than a person when they open a line (`NB:`, `FYI:`).
pub const NAMED_ABBREVIATIONS: &[&str] = &[
    "bv", "nv", "cv", "vof", "nb", "ps", "pps", "zkh", "hkh", "zm", "ok", "cc", "bcc", "re", "fw",
    "fwd", "aw", "fyi", "btw", "eu", "nl", "vs", "tv", "id", "nr", "tel", "fax", "url", "pdf",
    "ps", "vz", "q", "qa", "faq", "ab", "ad", "wg", "mt", "dt", "pm", "am", "vwo", "havo", "mbo",
    "hbo", "wo", "rvs", "ov", "rd", "dg", "sg", "pdg", "hid", "cdk", "gs", "ps", "b&w", "db", "om",
    "hr", "ict", "ggd", "cvb", "rvb", "rvc", "rvt", "hvj", "rvdk", "rvdr", "jenv", "ienw",
];

/// How a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// First name and surname: `Jan de Vries`.
    Full,
    /// Initials and surname: `J.P. de Vries`.
    Initials,
    /// Reversed, as in Outlook: `Vries, J.P. de (Jan)`.
    Reversed,
    /// Surname alone: `De Vries` (after a title, a role word, or as a propagated mention).
    Surname,
    /// First name alone: `Jan` (greeting, signature, chat, or propagated).
    Given,
    /// Initials alone, as a paraaf: `JdV`, `J.d.V.`.
    InitialsOnly,
    /// Another part of a name in a form field (`Tussenvoegsel: van de`).
    Part,
}

/// A name as parsed from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParse {
    /// First byte of the name.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the first token after the name.
    pub next: usize,
    /// How it is written.
    pub form: Form,
    /// The first name, folded.
    pub given: Option<String>,
    /// The initials' letters, folded (`jp` for `J.P.`; `p` for `Ph.`).
    pub initials: Option<String>,
    /// The surname key: its words without particles, folded (`vries`).
    pub surname: Option<String>,
}

impl NameParse {
    /// The first letter of the first name or the initials.
    pub fn initial(&self) -> Option<char> {
        self.initials
            .as_deref()
            .and_then(|i| i.chars().next())
            .or_else(|| self.given.as_deref().and_then(|g| g.chars().next()))
    }
}

/// Shape bits of a word token, next to its [`class`] bits.
pub mod shape {
    /// Capitalised: upper-case first letter and some lower-case letters (`Jansen`).
    pub const CAP: u16 = 1 << 12;
    /// Starts with a lower-case letter.
    pub const LOWER: u16 = 1 << 13;
    /// Two or more letters, all capitals (`ING`, `DGRR`).
    pub const UPPER: u16 = 1 << 14;
    /// A capitalised compound ending in an organisation noun (`Bestuursstaf`).
    pub const ORG_COMPOUND: u16 = 1 << 15;
}

/// Whether a word opens with an elided particle before a capital (`d'Ancona`, `l'Hermite`,
/// `d’Aubigny`): a French or Italian surname, capitalised after its particle.
fn elided_particle(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('d' | 'l'))
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.next().is_some_and(char::is_uppercase)
}

/// The grammar over one text's tokens.
pub struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Per token: its [`class`] and [`shape`] bits (0 for punctuation).
    classes: Vec<u16>,
    /// The folded words, one after another; `folded_at` holds each token's range.
    folded_words: String,
    folded_at: Vec<(u32, u32)>,
    /// The words used as an organisation's name, read on the first question.
    organisation_words: std::cell::OnceCell<std::collections::HashSet<&'a str>>,
}

impl<'a> Grammar<'a> {
    /// A grammar over `toks`, the tokens of `text`. Every word is looked up once.
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let gazetteer = &*GAZETTEER;
        let mut folded_words = String::with_capacity(text.len() / 2);
        let mut folded_at = Vec::with_capacity(toks.len());
        let classes = toks
            .iter()
            .map(|t| {
                let from = folded_words.len() as u32;
                if t.kind != Kind::Word {
                    folded_at.push((from, from));
                    return 0;
                }
                let w = &text[t.start..t.end];
                let mut chars = w.chars();
                let first = chars.next().unwrap_or_default();
                let shape = if first.is_uppercase() || elided_particle(w) {
                    if chars.clone().any(char::is_lowercase) {
                        shape::CAP
                    } else if w.chars().nth(1).is_some() {
                        shape::UPPER
                    } else {
                        0
                    }
                } else if first.is_lowercase() && !elided_particle(w) {
                    shape::LOWER
                } else {
                    0
                };
                if w.is_ascii() {
                    folded_words.push_str(w);
                    folded_words[from as usize..].make_ascii_lowercase();
                } else {
                    folded_words.push_str(&fold(w));
                }
                let folded = &folded_words[from as usize..];
                // The shortest compound is 3 letters before a 4-letter ending.
                let compound =
                    if shape == shape::CAP && folded.len() >= 7 && is_organisation_compound(folded)
                    {
                        shape::ORG_COMPOUND
                    } else {
                        0
                    };
                let listed = if shape == shape::LOWER {
                    gazetteer.lower_case_classes(folded)
                } else if shape != 0 && is_dutch_word(folded) {
                    let classes = gazetteer.classes(folded);
                    let only_a_name = classes & class::FIRST_NAME != 0
                        && !crate::names::lexicon::FIRST_NAMES_AS_WORDS.contains(&folded);
                    if only_a_name {
                        classes
                    } else {
                        classes | class::WORD
                    }
                } else {
                    gazetteer.classes(folded)
                };
                let classes = shape | compound | listed;
                folded_at.push((from, folded_words.len() as u32));
                classes
            })
            .collect();
        Grammar {
            text,
            toks,
            classes,
            folded_words,
            folded_at,
            organisation_words: std::cell::OnceCell::new(),
        }
    }

    /// The words of the text `read` finds used as an organisation's name, read once (the
    /// reader is the context module's; the grammar keeps the answer for the document).
    pub(crate) fn organisation_words(
        &self,
        read: impl FnOnce(&Grammar<'a>) -> std::collections::HashSet<&'a str>,
    ) -> &std::collections::HashSet<&'a str> {
        self.organisation_words.get_or_init(|| read(self))
    }

    /// Reads the words `is_place` knows as places (see [`crate::names::places`]) as listed
    /// places are read.
    pub(crate) fn mark_places(&mut self, is_place: impl Fn(&str) -> bool) {
        for i in 0..self.classes.len() {
            // A place is written with a capital: most words need no lookup.
            let capitalised = self.classes[i] & (shape::CAP | shape::UPPER) != 0;
            if capitalised && self.classes[i] & class::PLACE == 0 && is_place(self.folded(i)) {
                self.classes[i] |= class::PLACE;
            }
        }
    }

    /// The folded form of word `i` (empty for other tokens, and past the last one).
    pub fn folded(&self, i: usize) -> &str {
        // Past the last token: nothing, as [`Grammar::word`] gives `None` there.
        let Some(&(a, b)) = self.folded_at.get(i) else {
            return "";
        };
        &self.folded_words[a as usize..b as usize]
    }

    /// Whether word `i` has any of the [`class`] or [`shape`] bits in `bits`.
    pub fn has(&self, i: usize, bits: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & bits != 0)
    }

    /// The tokens.
    pub fn tokens(&self) -> &'a [Token] {
        self.toks
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The text of token `i`.
    pub fn str(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The text of a parsed name.
    pub fn text_of(&self, p: &NameParse) -> &'a str {
        &self.text[p.start..p.end]
    }

    /// The text of tokens `[a, b)`, from the first's start to the last's end.
    pub fn text_of_tokens(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// The text of token `i` if it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        (self.toks.get(i)?.kind == Kind::Word).then(|| self.str(i))
    }

    /// Whether word `i`, folded, is one of `list` (folded literals). For the lists of the
    /// lexicon, [`Grammar::has`] is faster.
    pub fn word_in(&self, i: usize, list: &[&str]) -> bool {
        if self.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
            return false;
        }
        // The rules ask this of nearly every word: length and first byte turn most entries
        // away without a call to compare the bytes.
        let word = self.folded(i).as_bytes();
        list.iter().any(|l| {
            l.len() == word.len() && l.as_bytes().first() == word.first() && l.as_bytes() == word
        })
    }

    /// Whether token `i` can stand before a surname inside the same name: a first name, an
    /// initial and its dot, a particle, a hyphen, on the same line.
    pub fn may_precede_in_name(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let joined = self.glued(i) || self.spaced(i);
        joined
            && match t.kind {
                Kind::Word => self.is_cap(i) || self.str(i).len() <= 5,
                Kind::Punct(c) => c == '.' || c == '-',
                _ => false,
            }
    }

    /// Whether token `i` is a single capital letter (`A` in `Tjon A Fong`).
    pub fn is_capital_letter(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.next().is_none()
        })
    }

    /// Whether a name may start at token `i`: not inside a hyphenated compound
    /// (`Directoraat-Generaal Mobiliteit`) and not right after an acronym
    /// (`GGD Hollands Midden`).
    fn may_start_name(&self, i: usize) -> bool {
        let in_compound = i >= 2
            && self.is_punct(i - 1, '-')
            && self.glued(i - 2)
            && self.glued(i - 1)
            && self.word(i - 2).is_some();
        // After an acronym a capitalised word goes on with an organisation's name (`GGD
        // Hollands Noorden`); initials with their dots open a person's (`RWS J. Bakker`,
        // `KAP D. Verhoef`), and so does a first name that is no word or place before a
        // capitalised word (`OvD Jan Bakker`).
        let dotted = self.is_capital_letter(i) && self.is_punct(i + 1, '.');
        let given = self.is_cap(i)
            && self.has(i, class::FIRST_NAME)
            && !self.has(i, class::WORD | class::PLACE | class::ORG | class::NOT_NAME)
            && self.spaced(i)
            && self.is_cap(i + 1);
        let after_acronym =
            i >= 1 && self.has(i - 1, shape::UPPER) && self.spaced(i - 1) && !dotted && !given;
        // `111222333Vri`: letters glued to a number are part of a code, not a name.
        let after_number = i >= 1 && self.glued(i - 1) && self.toks[i - 1].kind == Kind::Number;
        !in_compound && !after_acronym && !after_number
    }

    /// Whether token `i` is part of a code joined by `/` that holds a number: a reference
    /// with its writers' initials (`2024.0193/EJB/mk`, `FH/24.0318`), not a paraaf
    /// (`JdV/PK`).
    pub fn in_numbered_code(&self, i: usize) -> bool {
        // The code's tokens: glued to each other, a few either side.
        const REACH: usize = 8;
        let joined = |k: usize| self.glued(k) && !self.is_line_end(k) && !self.is_line_end(k + 1);
        let mut first = i;
        while first > 0 && i - first < REACH && joined(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.toks.len() && last - i < REACH && joined(last) {
            last += 1;
        }
        let slash = (first..=last).any(|k| self.is_punct(k, '/'));
        slash && (first..=last).any(|k| self.toks[k].kind == Kind::Number)
    }

    /// Whether token `i` is the punctuation mark `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Whether a column gap (a tab, or two spaces or more) lies between token `i` and the
    /// next: the layout of a table or a form typed with spaces.
    pub fn column_gap(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|next| {
            let gap = &self.text[self.toks[i].end..next.start];
            gap.contains('\t') || (gap.len() >= 2 && gap.bytes().all(|b| b == b' '))
        })
    }

    /// Whether token `i` is a line break (or the end of the text).
    pub fn is_line_end(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.kind == Kind::Newline)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    pub fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }

    /// Whether tokens `i` and `i + 1` are separated by exactly one space (no line break, no tab).
    pub fn spaced(&self, i: usize) -> bool {
        if i + 1 >= self.toks.len() {
            return false;
        }
        let gap = &self.text[self.toks[i].end..self.toks[i + 1].start];
        let mut chars = gap.chars();
        // A tab is a table's cell border, not the space inside a name (`Bos, Kevin⇥BV`).
        matches!(chars.next(), Some(c) if c.is_whitespace() && c != '\n' && c != '\t')
            && chars.next().is_none()
    }

    /// A capitalised word: upper-case first letter and some lower-case letters (`Jansen`,
    /// `McDonald`, `Doğan`), not an acronym.
    pub fn is_cap(&self, i: usize) -> bool {
        self.has(i, shape::CAP)
    }

    /// A word written in lower case.
    pub fn is_lower(&self, i: usize) -> bool {
        self.has(i, shape::LOWER)
    }
}
