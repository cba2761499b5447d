//! Dutch name grammar over tokens: first names, initials (`J.`, `J.P.`, `Ph.`, `Chr.`),
//! tussenvoegsels (lower case after a first name or initials, capitalised when the surname
//! stands alone), multi-word and double-barrelled surnames, titles and forms of address, and
//! the reversed forms `Achternaam, V. de (Voornaam)`, `de Achternaam, V.`.
//!
//! The grammar says where a name would begin and end and what its parts are; whether it *is*
//! a name is decided by the evidence around it (see [`super::context`] and [`super`]).

use super::lexicon::{GAZETTEER, PARTICLE_PHRASES, class, is_dutch_word};
use super::token::{Kind, Token};
use crate::fold::fold;

/// Most initials read in one name (`A.H.J.M.` has four).
const MAX_INITIALS: usize = 8;

/// Multi-letter initials used in Dutch names (`Ph.`, `Th.`, `Chr.`).
const LONG_INITIALS: &[&str] = &[
    "Ph", "Th", "Chr", "Ch", "Joh", "Jac", "Fr", "Wm", "Hub", "Cl", "Gerh", "Corn", "IJ", "Ij",
];

/// Dotted abbreviations that look like initials but are not (`B.V.`, `N.B.`).
const NOT_INITIALS: &[&str] = &["bv", "nv", "cv", "vof", "nb", "ps", "zkh", "hkh", "zm"];

/// Capitals that name something other than a person when they open a line (`NB:`, `FYI:`).
pub const NAMED_ABBREVIATIONS: &[&str] = &[
    "bv", "nv", "cv", "vof", "nb", "ps", "pps", "zkh", "hkh", "zm", "ok", "cc", "bcc", "re", "fw",
    "fwd", "aw", "fyi", "btw", "eu", "nl", "vs", "tv", "id", "nr", "tel", "fax", "url", "pdf",
    "ps", "vz", "q", "qa", "faq", "ab", "ad", "wg", "mt", "dt", "pm", "am", "vwo", "havo", "mbo",
    "hbo", "wo", "rvs", "ov", "rd", "dg", "sg", "pdg", "hid", "cdk", "gs", "ps", "b&w",
];

/// Where a word stands in a surname, for deciding whether it can be part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// The first word of a surname standing alone, where a sentence could start.
    Alone,
    /// The first word after a first name or initials.
    First,
    /// A later word (`Walderade` in `Waltrade Walderade`).
    Later,
}

/// Endings of compound nouns that name a body or unit (`Bestuursstaf`, `Adviesraad`).
const ORGANISATION_ENDINGS: &[&str] = &[
    "staf",
    "dienst",
    "directie",
    "afdeling",
    "bureau",
    "commissie",
    "inspectie",
    "ministerie",
    "college",
    "centrum",
    "instituut",
    "autoriteit",
    "fonds",
    "stichting",
    "gemeente",
    "provincie",
    "rechtbank",
    "politie",
    "kantoor",
    "raad",
    "team",
    "overleg",
    "groep",
    "platform",
    "netwerk",
    "programma",
    "agentschap",
    "divisie",
    "loket",
    "secretariaat",
];

/// Endings that only street names have (`Hoeksteeg`, `Kanaalweg`); not those that surnames
/// share (`-hof`, `-dijk`, `-berg`).
const STREET_ENDINGS: &[&str] = &[
    "straat",
    "steeg",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "dreef",
    "singel",
    "plantsoen",
    "boulevard",
    "markt",
    "allee",
    "promenade",
    "passage",
    "wetering",
    "vaart",
    "wegje",
    "straatje",
    "laantje",
    "pleintje",
];

/// Whether a word has a capital after two lower-case letters (`BioEnergie`, `GroenLinks`):
/// a brand or a party, not a surname (`McDonald`, `DeVries` have theirs sooner).
fn is_camel_case(word: &str) -> bool {
    let mut lower_run = 0;
    for c in word.chars() {
        if c.is_uppercase() && lower_run >= 2 {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// Whether a folded word is a street name by its ending (`hoeksteeg`).
fn is_street_name(folded: &str) -> bool {
    STREET_ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
}

/// Whether a folded word is a compound ending in an organisation noun (`bestuursstaf`).
fn is_organisation_compound(folded: &str) -> bool {
    ORGANISATION_ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
}

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

/// The grammar over one text's tokens.
pub struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Per token: its [`class`] and [`shape`] bits (0 for punctuation).
    classes: Vec<u16>,
    /// The folded words, one after another; `folded_at` holds each token's range.
    folded_words: String,
    folded_at: Vec<(u32, u32)>,
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
                let shape = if first.is_uppercase() {
                    if chars.clone().any(char::is_lowercase) {
                        shape::CAP
                    } else if w.chars().nth(1).is_some() {
                        shape::UPPER
                    } else {
                        0
                    }
                } else if first.is_lowercase() {
                    shape::LOWER
                } else {
                    0
                };
                if w.is_ascii() {
                    folded_words.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
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
                    gazetteer.classes(folded) | class::WORD
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
        }
    }

    /// The folded form of word `i` (empty for other tokens).
    pub fn folded(&self, i: usize) -> &str {
        let (a, b) = self.folded_at[i];
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

    /// Whether word `i`, folded, is one of `list` (folded literals), without allocating for
    /// ASCII words. For the lists of the lexicon, [`Grammar::has`] is faster.
    pub fn word_in(&self, i: usize, list: &[&str]) -> bool {
        let Some(w) = self.word(i) else { return false };
        if w.is_ascii() {
            list.iter().any(|l| w.eq_ignore_ascii_case(l))
        } else {
            let f = fold(w);
            list.contains(&f.as_str())
        }
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
        let after_acronym = i >= 1 && self.has(i - 1, shape::UPPER) && self.spaced(i - 1);
        // `111222333Vri`: letters glued to a number are part of a code, not a name.
        let after_number = i >= 1 && self.glued(i - 1) && self.toks[i - 1].kind == Kind::Number;
        !in_compound && !after_acronym && !after_number
    }

    /// Whether token `i` is the punctuation mark `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Whether token `i` is a line break (or the end of the text).
    pub fn is_line_end(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.kind == Kind::Newline)
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    pub fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].end == self.toks[i + 1].start
    }

    /// Whether tokens `i` and `i + 1` are separated by exactly one space (no line break).
    pub fn spaced(&self, i: usize) -> bool {
        if i + 1 >= self.toks.len() {
            return false;
        }
        let gap = &self.text[self.toks[i].end..self.toks[i + 1].start];
        let mut chars = gap.chars();
        matches!(chars.next(), Some(c) if c.is_whitespace() && c != '\n') && chars.next().is_none()
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

    /// Initials starting at token `i`: `J.`, `J.P.`, `J. P.`, `Ph.`, `A.H.J.M.`; with
    /// `lower_ok`, also the particles of a paraaf (`J.d.V.`). Returns the token after the last
    /// dot and the folded letters.
    pub fn initials(&self, i: usize, lower_ok: bool) -> Option<(usize, String)> {
        let mut j = i;
        let mut letters = String::new();
        // `Ph.S.` is initials even though `P.S.` is not: the abbreviations have single letters.
        let mut long = false;
        // No name has more than a handful of initials; a cap keeps a run of thousands of
        // `J.` from being read again at each of its tokens (quadratic time).
        while let Some(w) = self.word(j).filter(|_| letters.len() < MAX_INITIALS) {
            let single = w.chars().count() == 1
                && (w.chars().all(char::is_uppercase) || (lower_ok && j > i));
            if !(single || LONG_INITIALS.contains(&w))
                || !self.glued(j)
                || !self.is_punct(j + 1, '.')
            {
                break;
            }
            letters.push_str(&fold(&w[..w.chars().next().map_or(0, char::len_utf8)]));
            long |= !single;
            j += 2;
            // Another initial may follow directly (`J.P.`) or after one space (`J. P.`).
            if !(self.glued(j - 1)
                || (self.spaced(j - 1) && self.word(j).is_some_and(|w| w.chars().count() == 1)))
            {
                break;
            }
        }
        (!letters.is_empty() && (long || !NOT_INITIALS.contains(&letters.as_str())))
            .then_some((j, letters))
    }

    /// Length in tokens of the lower-case tussenvoegsel phrase at `i` (0 if none).
    pub fn tussen(&self, i: usize) -> usize {
        self.particle_phrase(i, false)
    }

    /// Length in tokens of a tussenvoegsel phrase at `i` whose first word may be capitalised
    /// (`Van der`, `De`, `In 't`), as when the surname stands alone.
    pub fn cap_tussen(&self, i: usize) -> usize {
        self.particle_phrase(i, true)
    }

    fn particle_phrase(&self, i: usize, first_may_be_cap: bool) -> usize {
        if !self.has(i, class::PARTICLE) {
            return 0;
        }
        let w = self.str(i);
        // The first letter decides: `'t` (after its apostrophe) is lower case.
        let first_ok = w
            .trim_start_matches(['\'', '’'])
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            || (first_may_be_cap && !self.has(i, shape::UPPER));
        let Some(phrases) = PARTICLE_PHRASES.get(fold(w).replace('’', "'").as_str()) else {
            return 0;
        };
        if !first_ok {
            return 0;
        }
        'phrases: for phrase in phrases {
            for (k, part) in phrase.iter().enumerate().skip(1) {
                let Some(w) = self.word(i + k) else {
                    continue 'phrases;
                };
                let same = w == *part || (w.starts_with('’') && w.replace('’', "'") == *part);
                if !same || !self.spaced(i + k - 1) {
                    continue 'phrases;
                }
            }
            // A particle must be followed by more of the name, possibly on the next line of
            // text extracted from a PDF (`Linn van` / `Bunschoten`).
            let last = i + phrase.len() - 1;
            if self.spaced(last) || self.wraps(last) {
                return phrase.len();
            }
        }
        0
    }

    /// Whether a capitalised word at `i` may be part of a surname: not a function title, a
    /// word that is never a name, or an organisation word that is not also a surname
    /// (`Hof` in `van 't Hof` is; `Justitie` is not).
    fn is_surname_word(&self, i: usize, at: Position) -> bool {
        let c = self.classes.get(i).copied().unwrap_or(0);
        // `Raad`, `Hof` and `Kamer` are surnames too, but not as the later part of one
        // (`Jan Djaenko van de Raad` is Jan Djaenko of the Raad).
        let organisation =
            c & class::ORG != 0 && (c & class::SURNAME == 0 || at == Position::Later);
        c & shape::CAP != 0
            && !organisation
            && c & class::FUNCTION == 0
            && !(at == Position::Alone && c & class::NOT_NAME != 0)
            && c & shape::ORG_COMPOUND == 0
            && (c & class::SURNAME != 0 || !is_street_name(self.folded(i)))
            && !is_camel_case(self.str(i))
    }

    /// A surname starting at `i`: capitalised words, with particles and hyphens between them
    /// (`Waltrade Walderade`, `Goyaerts van Waderle`, `Jansen-de Vries`, `Tjon A Fong`).
    /// Returns the token after it and the surname key.
    fn surname(&self, i: usize, at: Position) -> Option<(usize, String)> {
        if !self.is_surname_word(i, at) {
            return None;
        }
        let mut words = vec![i];
        let mut j = i + 1;
        // A surname takes one inner particle at most (`Goyaerts van Waderle`); a second one
        // starts something else (`J. van der Linden van Van Doorne Advocaten`).
        let mut inner_particle = false;
        while words.len() < 4 {
            // `Tjin-A-Tsoi`: a single capital letter between hyphens.
            if self.glued(j - 1)
                && self.is_punct(j, '-')
                && self.glued(j)
                && self.is_capital_letter(j + 1)
                && self.glued(j + 1)
                && self.is_punct(j + 2, '-')
                && self.glued(j + 2)
                && self.is_surname_word(j + 3, Position::Later)
            {
                words.extend([j + 1, j + 3]);
                j += 4;
                continue;
            }
            // Double-barrelled: `Jansen-de Vries`, `Jansen-Smit`.
            if self.glued(j - 1) && self.is_punct(j, '-') && self.glued(j) {
                let t = self.tussen(j + 1);
                let k = j + 1 + t;
                // After a hyphen and a particle any capitalised word is a surname, even one
                // that names organisations too (`Ter Steege-van 't Hof`).
                let surname_word = self.is_surname_word(k, Position::Later)
                    || (t > 0 && self.is_cap(k) && !self.has(k, class::FUNCTION));
                if (t == 0 || self.spaced(k - 1)) && surname_word {
                    // The second surname brings its own particle.
                    inner_particle = true;
                    words.push(k);
                    j = k + 1;
                    continue;
                }
                break;
            }
            if !self.spaced(j - 1) {
                break;
            }
            // `Tjon A Fong`: a single capital letter inside a surname.
            if self.is_capital_letter(j)
                && self.spaced(j)
                && self.is_surname_word(j + 1, Position::Later)
                && !self.is_punct(j + 1, '.')
            {
                words.extend([j, j + 1]);
                j += 2;
                continue;
            }
            let t = self.tussen(j);
            let k = j + t;
            // After a particle, an organisation word starts where the person works (`Lomke
            // Sanders van de Raad voor de Kinderbescherming`), not a second surname.
            if t > 0 && (!self.spaced(k - 1) || inner_particle || self.has(k, class::PARTICLE)) {
                break;
            }
            if self.is_surname_word(k, Position::Later) {
                inner_particle |= t > 0;
                words.push(k);
                j = k + 1;
            } else {
                break;
            }
        }
        Some((j, self.key_of(&words)))
    }

    /// Whether an organisation's name starts at `k`, after a particle: a word that is only an
    /// organisation word (`van de Politie`), or one that is also a surname but continues as
    /// an organisation's name does (`van de Raad voor de Kinderbescherming`, `Raad van
    /// State`).
    fn organisation_at(&self, k: usize) -> bool {
        self.has(k, class::ORG)
            && (!self.has(k, class::SURNAME)
                || (self.spaced(k) && self.word_in(k + 1, &["voor", "van", "der", "des"])))
    }

    /// The surname key of surname words: folded, particles left out (`El Idrissi` →
    /// `idrissi`), unless that would leave nothing.
    fn key_of(&self, words: &[usize]) -> String {
        let particle = |&&k: &&usize| self.has(k, class::PARTICLE);
        let all_particles = words.iter().all(|k| particle(&k));
        let mut key = String::new();
        for k in words.iter().filter(|k| all_particles || !particle(k)) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(self.folded(*k));
        }
        key
    }

    /// Titles and forms of address at `i` (`prof. dr. ir.`, `de heer`, `mevrouw`, `dhr.`).
    /// Returns the number of tokens they take.
    pub fn titles(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            // `de heer`, `De heer`
            if self.word(j).is_some_and(|w| w.eq_ignore_ascii_case("de"))
                && self.word(j + 1) == Some("heer")
                && self.spaced(j)
            {
                j += 2;
            } else if self.has(j, class::TITLE)
                && !self.has(j, shape::UPPER)
                // `Heer` with a capital is a surname (`Oude Heer`), not `de heer`.
                && self.str(j) != "Heer"
            {
                j += 1;
                if self.is_punct(j, '.') && self.glued(j - 1) {
                    j += 1;
                }
            } else {
                break;
            }
            // A further title, or the name, follows after one space (or a line break in text
            // extracted from a PDF, where lines wrap anywhere; but not into a form's next
            // field, `Aanhef: Mevrouw` / `Voorletters: K.E.`).
            if !(self.spaced(j - 1) || self.wraps(j - 1)) {
                break;
            }
        }
        j - i
    }

    /// A single line break between tokens `i` and `i + 1` (a wrapped line, as in text
    /// extracted from a PDF). A line that starts with a form's label (`Voorletters:`) is a new
    /// line, not a wrapped one.
    pub fn wraps(&self, i: usize) -> bool {
        self.toks
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Newline)
            && self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind != Kind::Newline)
            && !self.is_punct(i + 3, ':')
    }

    /// Token index after skipping one wrapped line break at `i`, if there is one.
    pub fn skip_wrap(&self, i: usize) -> usize {
        if i > 0 && self.wraps(i - 1) { i + 1 } else { i }
    }

    /// First name or initials, then the surname: `Jan de Vries`, `J.P. de Vries`,
    /// `John F. Kennedy`, `Jan-Willem van den Berg`.
    pub fn forward(&self, i: usize) -> Option<NameParse> {
        self.forward_with(i, true)
    }

    /// [`Grammar::forward`], where a context vouches for a name: the first word may be a
    /// word that is usually not one (`Mei Ling van Dijk`), and initials need no dots
    /// (`RG den Hartog`).
    pub fn forward_in_context(&self, i: usize) -> Option<NameParse> {
        self.forward_with(i, false)
    }

    fn forward_with(&self, i: usize, strict: bool) -> Option<NameParse> {
        if !self.may_start_name(i) {
            return None;
        }
        let c = self.classes.get(i).copied().unwrap_or(0);
        // The first name is kept as a token range and folded only once the parse succeeds:
        // most capitalised words start no name.
        let (mut j, mut given, initials, form) = if let Some((j, letters)) = self.initials(i, false)
        {
            (j, None, Some(letters), Form::Initials)
        } else if let Some((j, letters)) = (!strict).then(|| self.undotted_initials(i)).flatten() {
            (j, None, Some(letters), Form::Initials)
        } else if c & shape::CAP != 0 && {
            let organisation = c & class::ORG != 0 && c & class::FIRST_NAME == 0;
            let never = c & (class::PARTICLE | class::TITLE | class::OFFICE | class::FUNCTION) != 0
                || (strict && c & class::NOT_NAME != 0);
            !never && !organisation
        } {
            let mut j = self.given_end(i);
            // Two first names: `Mei Ling`, `Jan Peter` are read as a first name and a
            // surname word; the key is the same on both sides of a comparison.
            let given = (i, j);
            // A middle initial: `John F. Kennedy`.
            if self.spaced(j - 1)
                && let Some((k, _)) = self.initials(j, false)
            {
                j = k;
            }
            (j, Some(given), None, Form::Full)
        } else {
            return None;
        };
        if !self.spaced(j - 1) {
            return None;
        }
        // The first name in brackets after initials: `Th. (Theodora) Sanders`,
        // `M.L.A.E. (Mei Ling) Ivanova`.
        if form == Form::Initials && self.is_punct(j, '(') {
            let words = (j + 1..j + 4).take_while(|&k| self.is_cap(k)).count();
            let close = j + 1 + words;
            if words > 0 && self.is_punct(close, ')') && self.spaced(close) {
                given = Some((j + 1, close));
                j = close + 1;
            }
        }
        let t = self.tussen(j);
        let mut surname_start = j;
        j = if t > 0 { self.skip_wrap(j + t) } else { j };
        // `Lomke Sanders van de Raad voor de Kinderbescherming`: an organisation word after
        // the particle is where the person works, so the name ends before the particle, its
        // last word the surname.
        if t > 0 && self.organisation_at(j) {
            let (a, b) = given.filter(|&(a, b)| b - a >= 2)?;
            given = Some((a, b - 1));
            surname_start = b - 1;
            j = b - 1;
        }
        let (next, surname) = self.surname(j, Position::First)?;
        // Without dots, `OM Rotterdam` must not pass for initials and a surname (but
        // `M de Vries` may, though Vries is a village).
        let undotted = form == Form::Initials && !self.is_punct(i + 1, '.');
        if undotted
            && GAZETTEER.is(
                &fold(&self.text[self.toks[surname_start].start..self.toks[next - 1].end]),
                class::PLACE | class::ORG,
            )
        {
            return None;
        }
        let given = given.map(|(a, b)| fold(&self.text[self.toks[a].start..self.toks[b - 1].end]));
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form,
            given,
            initials,
            surname: Some(surname),
        })
    }

    /// Initials written without dots before a surname: `RG den Hartog`, `O Peters`.
    fn undotted_initials(&self, i: usize) -> Option<(usize, String)> {
        let w = self.word(i)?;
        let n = w.chars().count();
        let capitals = w.chars().all(char::is_uppercase);
        ((1..=3).contains(&n) && capitals && self.spaced(i)).then(|| (i + 1, fold(w)))
    }

    /// The token after a first name at `i`, which may be hyphenated (`Jan-Willem`).
    fn given_end(&self, i: usize) -> usize {
        if self.glued(i) && self.is_punct(i + 1, '-') && self.glued(i + 1) && self.is_cap(i + 2) {
            i + 3
        } else {
            i + 1
        }
    }

    /// A surname standing alone, with its particles capitalised or not: `De Vries`,
    /// `Van der Meulen`, `van den Pol`, `Jansen`. When `strict`, a first word that is never
    /// a name on its own (`Dit`, `Oude`) is refused; after a title it is taken
    /// (`de heer Oude Heer`).
    pub fn surname_alone(&self, i: usize, strict: bool) -> Option<NameParse> {
        if !self.may_start_name(i) {
            return None;
        }
        let t = self.cap_tussen(i);
        let at = if strict && t == 0 {
            Position::Alone
        } else {
            Position::First
        };
        let (next, surname) = self.surname(i + t, at)?;
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::Surname,
            given: None,
            initials: None,
            surname: Some(surname),
        })
    }

    /// The reversed form: `Vries, J. de (Jan)`, `de Vries, J.`, `Van der Meulen, J.`,
    /// `Goyaerts Waderle, A.E. van (Amin)`.
    pub fn reversed(&self, i: usize) -> Option<NameParse> {
        if !self.may_start_name(i) {
            return None;
        }
        let t = self.cap_tussen(i);
        // The comma and initials make the form distinctive: `Wel, Z. van (Zara)`.
        let (j, surname) = self.surname(i + t, Position::First)?;
        if !(self.is_punct(j, ',') && self.glued(j - 1) && self.spaced(j)) {
            return None;
        }
        let Some((mut k, initials)) = self.initials(j + 1, false) else {
            return self.reversed_with_first_name(i, j, surname);
        };
        // `… tegen Kinderen, N. Şahin`, `Kinderen, Chr. ter Steege`: the initials begin the
        // next name.
        if self.spaced(k - 1) && self.is_cap(k + self.tussen(k)) && self.tussen_at_end(k) == 0 {
            return None;
        }
        let mut end = k - 1;
        // Trailing particles: `J. van der`.
        if self.spaced(k - 1) {
            let t = self.tussen_at_end(k);
            if t > 0 {
                k += t;
                end = k - 1;
            }
        }
        // The first name in brackets: `(Jan)`.
        let mut given = None;
        if (self.spaced(end) || self.glued(end))
            && self.is_punct(end + 1, '(')
            && self.is_cap(end + 2)
        {
            let mut m = end + 2;
            while self.is_cap(m + 1) && self.spaced(m)
                || (self.is_punct(m + 1, '-') && self.is_cap(m + 2))
            {
                m += if self.is_punct(m + 1, '-') { 2 } else { 1 };
            }
            if self.is_punct(m + 1, ')') {
                given = Some(fold(&self.text[self.toks[end + 2].start..self.toks[m].end]));
                end = m + 1;
            }
        }
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[end].end,
            next: end + 1,
            form: Form::Reversed,
            given,
            initials: Some(initials),
            surname: Some(surname),
        })
    }

    /// `Brink, Vamke ten`: the reversed form with a first name, told from a list by the
    /// particles that close it. `comma` is the token of the comma after the surname.
    fn reversed_with_first_name(
        &self,
        i: usize,
        comma: usize,
        surname: String,
    ) -> Option<NameParse> {
        let given = comma + 1;
        let c = self.classes.get(given).copied().unwrap_or(0);
        if c & shape::CAP == 0 || c & (class::NOT_NAME | class::ORG) != 0 || !self.spaced(given) {
            return None;
        }
        let t = self.tussen_at_end(given + 1);
        let next = given + 1 + t;
        let closed = self.is_line_end(next)
            || [',', '.', ')', ';', '<']
                .iter()
                .any(|&p| self.is_punct(next, p));
        (t > 0 && closed).then(|| NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::Reversed,
            given: Some(self.folded(given).to_string()),
            initials: None,
            surname: Some(surname),
        })
    }

    /// Particles that end a reversed name (`J. van der` followed by a bracket, comma, line
    /// end or dash).
    fn tussen_at_end(&self, i: usize) -> usize {
        let Some(phrases) = self.word(i).and_then(|w| PARTICLE_PHRASES.get(w)) else {
            return 0;
        };
        'phrases: for phrase in phrases {
            for (k, part) in phrase.iter().enumerate() {
                if self.word(i + k) != Some(part) || (k > 0 && !self.spaced(i + k - 1)) {
                    continue 'phrases;
                }
            }
            // `Kinderen, Chr. ter Steege`: before a capitalised word, the particles begin
            // that word's name instead.
            let after = i + phrase.len();
            if self.spaced(after - 1) && self.is_cap(after) {
                continue;
            }
            return phrase.len();
        }
        0
    }

    /// A first name standing alone (`Jan`, `Jan-Willem`).
    pub fn given_alone(&self, i: usize) -> Option<NameParse> {
        if !self.is_cap(i) || self.has(i, class::NOT_NAME | class::TITLE) {
            return None;
        }
        let j = self.given_end(i);
        let given = fold(&self.text[self.toks[i].start..self.toks[j - 1].end]);
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[j - 1].end,
            next: j,
            form: Form::Given,
            given: Some(given),
            initials: None,
            surname: None,
        })
    }

    /// Initials alone as a paraaf: `ES`, `DFR`, `J.d.V.`, `E.S.`.
    pub fn initials_alone(&self, i: usize) -> Option<NameParse> {
        let w = self.word(i)?;
        let n = w.chars().count();
        // `ES`, `DFR`, and with particle letters `HdH`, `MitV`.
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let shaped = w.chars().all(char::is_alphabetic)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().last().is_some_and(char::is_uppercase);
        let (next, letters) = if (2..=5).contains(&n) && shaped && upper >= 2 && n - upper <= 2 {
            (i + 1, fold(w))
        } else if let Some((next, letters)) = self.initials(i, true) {
            (next, letters)
        } else {
            return None;
        };
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::InitialsOnly,
            given: None,
            initials: Some(letters),
            surname: None,
        })
    }

    /// A name in capitals, as forms and registers write it: `JANSSEN, P.`, `VAN DER MEER`,
    /// `JAN DE VRIES`. The first name cannot be told from the surname, so all words but the
    /// particles form the key.
    pub fn upper_name(&self, i: usize) -> Option<NameParse> {
        let upper_word = |k: usize| {
            self.has(k, shape::UPPER) || (self.is_capital_letter(k) && !self.is_punct(k + 1, '.'))
        };
        let mut j = i;
        let mut words = Vec::new();
        while words.len() < 5 && upper_word(j) && (j == i || self.spaced(j - 1)) {
            words.push(j);
            j += 1;
        }
        let key_words: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&k| !self.has(k, class::PARTICLE))
            .collect();
        if key_words.is_empty() || key_words.iter().all(|&k| self.str(k).chars().count() < 2) {
            return None;
        }
        let mut end = j - 1;
        let mut initials = None;
        if self.is_punct(j, ',')
            && self.spaced(j)
            && let Some((k, letters)) = self.initials(j + 1, false)
        {
            initials = Some(letters);
            end = k - 1;
        }
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[end].end,
            next: end + 1,
            form: if initials.is_some() {
                Form::Reversed
            } else {
                Form::Surname
            },
            given: None,
            initials,
            surname: Some(self.key_of(&key_words)),
        })
    }

    /// A name with its surname in capitals, as EU institutions and registers write it:
    /// `DUBOIS-MARCHAND Hélène`, `VAN DEN BERGH Joost`, `Hélène DUBOIS-MARCHAND`. The first
    /// name must be a known one, and the surname no acronym that names an organisation.
    pub fn eu_name(&self, i: usize) -> Option<NameParse> {
        let known_given = |k: usize| self.is_cap(k) && self.has(k, class::FIRST_NAME);
        // Surname first: particles and words in capitals, hyphens between.
        let upper_surname = |start: usize| -> Option<(usize, Vec<usize>)> {
            let mut k = start;
            let mut words = Vec::new();
            while let Some(w) = self.word(k) {
                let capitals = w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
                if !capitals {
                    break;
                }
                words.push(k);
                k += 1;
                if self.is_punct(k, '-') && self.glued(k - 1) && self.glued(k) {
                    k += 1;
                } else if !self.spaced(k - 1) {
                    break;
                }
            }
            let key: Vec<usize> = words
                .iter()
                .copied()
                .filter(|&w| !self.has(w, class::PARTICLE))
                .collect();
            let plausible = key.iter().any(|&w| self.str(w).chars().count() >= 4)
                && !key
                    .iter()
                    .any(|&w| self.has(w, class::ORG | class::NOT_NAME | class::PLACE));
            (plausible && words.len() <= 4).then_some((k, key))
        };
        if self.has(i, shape::UPPER) {
            let (after, key) = upper_surname(i)?;
            // `VAN DEN BERGH Joost`: the name ends after the first name.
            let given = if self.spaced(after - 1) && known_given(after) {
                self.given_end(after)
            } else {
                return None;
            };
            return Some(NameParse {
                start: self.toks[i].start,
                end: self.toks[given - 1].end,
                next: given,
                form: Form::Reversed,
                given: Some(fold(self.text_of_tokens(after, given))),
                initials: None,
                surname: Some(self.key_of(&key)),
            });
        }
        // All in capitals: `NOOR AYOUB`, `JAN DE VRIES`.
        if self.has(i, shape::UPPER)
            && self.has(i, class::FIRST_NAME)
            && !self.has(i, class::WORD | class::ORG | class::PLACE)
            && self.spaced(i)
        {
            let j = i + 1;
            let (after, key) = upper_surname(j + self.tussen_upper(j))?;
            let surname_known = key
                .iter()
                .all(|&k| !self.has(k, class::WORD) || self.has(k, class::SURNAME));
            return surname_known.then(|| NameParse {
                start: self.toks[i].start,
                end: self.toks[after - 1].end,
                next: after,
                form: Form::Full,
                given: Some(self.folded(i).to_string()),
                initials: None,
                surname: Some(self.key_of(&key)),
            });
        }
        // Initials before a surname in capitals: `M. DIJKGRAAF`.
        if let Some((j, letters)) = self.initials(i, false)
            && self.spaced(j - 1)
            && let Some((after, key)) = upper_surname(j + self.tussen_upper(j))
        {
            let plausible = key.iter().all(|&k| {
                let surname = self.has(k, class::SURNAME);
                surname || (self.str(k).chars().count() >= 4 && !self.has(k, class::WORD))
            });
            return plausible.then(|| NameParse {
                start: self.toks[i].start,
                end: self.toks[after - 1].end,
                next: after,
                form: Form::Initials,
                given: None,
                initials: Some(letters),
                surname: Some(self.key_of(&key)),
            });
        }
        // First name first: `Hélène DUBOIS-MARCHAND`.
        if known_given(i) {
            let j = self.given_end(i);
            if !self.spaced(j - 1) || !self.has(j, shape::UPPER) {
                return None;
            }
            let (after, key) = upper_surname(j)?;
            return Some(NameParse {
                start: self.toks[i].start,
                end: self.toks[after - 1].end,
                next: after,
                form: Form::Full,
                given: Some(fold(self.text_of_tokens(i, j))),
                initials: None,
                surname: Some(self.key_of(&key)),
            });
        }
        None
    }

    /// Particles in capitals at `i` (`DE`, `VAN DER`): how many tokens.
    fn tussen_upper(&self, i: usize) -> usize {
        (i..i + 3)
            .take_while(|&k| self.has(k, shape::UPPER) && self.has(k, class::PARTICLE))
            .count()
    }

    /// The particles of a name in a form field (`Tussenvoegsel: van de`).
    pub fn particles_alone(&self, i: usize) -> Option<NameParse> {
        let n = (i..i + 3)
            .take_while(|&k| self.is_lower(k) && self.has(k, class::PARTICLE))
            .count();
        (n > 0).then(|| NameParse {
            start: self.toks[i].start,
            end: self.toks[i + n - 1].end,
            next: i + n,
            form: Form::Part,
            given: None,
            initials: None,
            surname: None,
        })
    }

    /// Any full name at `i`: reversed, forward, or (when `alone_ok`) a surname alone.
    pub fn name(&self, i: usize, alone_ok: bool) -> Option<NameParse> {
        self.reversed(i)
            .or_else(|| self.forward_in_context(i))
            .or_else(|| {
                if alone_ok {
                    self.surname_alone(i, true)
                } else {
                    None
                }
            })
    }

    /// A name after a title, form of address or role word, where a surname alone is
    /// expected and any capitalised word may be one (`mevrouw Oude Heer`).
    pub fn titled_name(&self, i: usize) -> Option<NameParse> {
        self.reversed(i)
            .or_else(|| self.forward_in_context(i))
            .or_else(|| self.surname_alone(i, false))
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn parse(
        text: &str,
        f: impl Fn(&Grammar, usize) -> Option<NameParse>,
    ) -> Option<(String, NameParse)> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        f(&g, 0).map(|p| (text[p.start..p.end].to_string(), p))
    }

    fn forward(text: &str) -> Option<String> {
        parse(text, |g, i| g.forward(i)).map(|(s, _)| s)
    }

    #[test]
    fn forward_names_with_particles_initials_and_double_surnames() {
        assert_eq!(
            forward("Jan de Vries belt").as_deref(),
            Some("Jan de Vries")
        );
        assert_eq!(
            forward("Jaylinn van der Meulen,").as_deref(),
            Some("Jaylinn van der Meulen")
        );
        assert_eq!(
            forward("J.P. de Vries (jurist)").as_deref(),
            Some("J.P. de Vries")
        );
        assert_eq!(forward("Ph. van 't Hof").as_deref(), Some("Ph. van 't Hof"));
        // `Ph.S.` folds to the letters of `P.S.`, the postscript, but is initials.
        assert_eq!(
            forward("Ph.S. Hoogkamp,").as_deref(),
            Some("Ph.S. Hoogkamp")
        );
        assert_eq!(forward("P.S. Hoogkamp komt ook"), None);
        assert_eq!(forward("Hendra 't Hart").as_deref(), Some("Hendra 't Hart"));
        assert_eq!(
            forward("Chr. in 't Veld").as_deref(),
            Some("Chr. in 't Veld")
        );
        assert_eq!(
            forward("Amin Goyaerts van Waderle\n").as_deref(),
            Some("Amin Goyaerts van Waderle")
        );
        assert_eq!(
            forward("Lomke Sanders van de Raad voor de Kinderbescherming is").as_deref(),
            Some("Lomke Sanders")
        );
        assert_eq!(
            forward("Anna Jansen-de Vries en").as_deref(),
            Some("Anna Jansen-de Vries")
        );
        assert_eq!(
            forward("Anna Ter Steege-van 't Hof (adviseur)").as_deref(),
            Some("Anna Ter Steege-van 't Hof")
        );
        assert_eq!(
            forward("Mireille Tjon A Fong.").as_deref(),
            Some("Mireille Tjon A Fong")
        );
        assert_eq!(
            forward("Ayşe Doğan-Yılmaz").as_deref(),
            Some("Ayşe Doğan-Yılmaz")
        );
        assert_eq!(
            forward("Jan-Willem van den Berg").as_deref(),
            Some("Jan-Willem van den Berg")
        );
        assert_eq!(
            forward("John F. Kennedy").as_deref(),
            Some("John F. Kennedy")
        );
        assert_eq!(
            forward("Youssef El Idrissi").as_deref(),
            Some("Youssef El Idrissi")
        );
    }

    #[test]
    fn forward_names_stop_at_punctuation_and_lower_case() {
        assert_eq!(forward("Jan Smit, jurist").as_deref(), Some("Jan Smit"));
        assert_eq!(
            forward("Jan Smit\nWoordvoerder").as_deref(),
            Some("Jan Smit")
        );
        assert_eq!(forward("Jan in Utrecht").as_deref(), None);
        assert_eq!(forward("Jan").as_deref(), None);
        assert_eq!(forward("B.V. Nederland").as_deref(), None);
    }

    #[test]
    fn keys_drop_particles() {
        let (_, p) = parse("Jaylinn van der Meulen", |g, i| g.forward(i)).unwrap();
        assert_eq!(p.surname.as_deref(), Some("meulen"));
        assert_eq!(p.given.as_deref(), Some("jaylinn"));
        let (_, p) = parse("A.E. Goyaerts van Waderle", |g, i| g.forward(i)).unwrap();
        assert_eq!(p.surname.as_deref(), Some("goyaerts waderle"));
        assert_eq!(p.initials.as_deref(), Some("ae"));
        assert_eq!(p.initial(), Some('a'));
    }

    #[test]
    fn reversed_outlook_forms() {
        let (s, p) = parse("Goyaerts Waderle, A.E. van (Amin) - DGRR/DRC", |g, i| {
            g.reversed(i)
        })
        .unwrap();
        assert_eq!(s, "Goyaerts Waderle, A.E. van (Amin)");
        assert_eq!(p.surname.as_deref(), Some("goyaerts waderle"));
        assert_eq!(p.given.as_deref(), Some("amin"));
        let (s, _) = parse("Meulen, J. van der (Jaylinn)\n", |g, i| g.reversed(i)).unwrap();
        assert_eq!(s, "Meulen, J. van der (Jaylinn)");
        let (s, p) = parse("de Vries, B. en", |g, i| g.reversed(i)).unwrap();
        assert_eq!(s, "de Vries, B.");
        assert_eq!(p.surname.as_deref(), Some("vries"));
        let (s, _) = parse("Van der Meulen, J.", |g, i| g.reversed(i)).unwrap();
        assert_eq!(s, "Van der Meulen, J.");
        assert!(parse("Nederland, B.V.", |g, i| g.reversed(i)).is_none());
        assert!(parse("Kinderen, Chr. ter Steege, meldt", |g, i| g.reversed(i)).is_none());
    }

    #[test]
    fn surnames_alone_and_titles() {
        let (s, p) = parse("Van den Pol (beleidsmedewerker)", |g, i| {
            g.surname_alone(i, true)
        })
        .unwrap();
        assert_eq!(s, "Van den Pol");
        assert_eq!(p.surname.as_deref(), Some("pol"));
        let text = "prof. dr. ir. Jansen";
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        assert_eq!(g.titles(0), 6);
        let text = "de heer De Vries";
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        assert_eq!(g.titles(0), 2);
        let p = g.surname_alone(2, true).unwrap();
        assert_eq!(&text[p.start..p.end], "De Vries");
    }

    #[test]
    fn paraaf_initials() {
        assert_eq!(
            parse("ES (afdelingshoofd)", |g, i| g.initials_alone(i))
                .unwrap()
                .0,
            "ES"
        );
        assert_eq!(
            parse("J.d.V. x", |g, i| g.initials_alone(i)).unwrap().0,
            "J.d.V."
        );
        assert_eq!(
            parse("E.S. x", |g, i| g.initials_alone(i)).unwrap().0,
            "E.S."
        );
    }
}
