//! Surnames: tussenvoegsels, the words a surname may hold, and its key.

use super::{Grammar, shape};
use crate::fold::fold;
use crate::names::lexicon::{PARTICLE_PHRASES, class};

/// Where a word stands in a surname, for deciding whether it can be part of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
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
/// a brand or a party, not a surname (`McDonald`, `DeVries` have theirs sooner, `MacLeod`
/// and `FitzGerald` after their prefix).
fn is_camel_case(word: &str) -> bool {
    let after_prefix = ["Mac", "Fitz"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|rest| rest.starts_with(char::is_uppercase));
    if let Some(rest) = after_prefix {
        return is_camel_case(rest);
    }
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
pub(super) fn is_organisation_compound(folded: &str) -> bool {
    ORGANISATION_ENDINGS
        .iter()
        .any(|e| folded.len() > e.len() + 2 && folded.ends_with(e))
}

impl Grammar<'_> {
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
            return self.abbreviated_particle(i);
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

    /// Length in tokens of an abbreviated particle at `i`, written in lower case before more
    /// of the name: `v.d.`, `v/d`, `vd`, `vdr`, `v.`, `v` (`H. v.d. Akker`, `Wim v. Essen`,
    /// `L. v Gerwen`).
    fn abbreviated_particle(&self, i: usize) -> usize {
        let dot_after = |k: usize| self.glued(k) && self.is_punct(k + 1, '.');
        let len = match self.word(i) {
            Some("vd" | "vdr") if dot_after(i) => 2,
            Some("vd" | "vdr") => 1,
            Some("v") if dot_after(i) => {
                let second = self.glued(i + 1) && matches!(self.word(i + 2), Some("d" | "dr"));
                if second && dot_after(i + 2) { 4 } else { 2 }
            }
            // `L. v Gerwen`: the dot left out too.
            Some("v") if self.spaced(i) => 1,
            Some("v")
                if self.glued(i)
                    && self.is_punct(i + 1, '/')
                    && self.glued(i + 1)
                    && self.word(i + 2) == Some("d") =>
            {
                3
            }
            _ => 0,
        };
        // `v. 't Hof`, `v 't Hof`.
        let len = match len {
            0 if self.word(i) == Some("v") && self.spaced(i) && self.is_article_t(i + 1) => 2,
            n if n > 0 && self.spaced(i + n - 1) && self.is_article_t(i + n) => n + 1,
            n => n,
        };
        let last = i + len.max(1) - 1;
        if len > 0
            && (self.spaced(last) || self.wraps(last))
            && self.is_cap(last + 1 + usize::from(self.wraps(last)))
        {
            len
        } else {
            0
        }
    }

    /// Whether a capitalised word at `i` may be part of a surname: not a function title, a
    /// word that is never a name, or an organisation word that is not also a surname
    /// (`Hof` in `van 't Hof` is; `Justitie` is not).
    fn is_surname_word(&self, i: usize, at: Position) -> bool {
        let c = self.classes.get(i).copied().unwrap_or(0);
        // `Raad`, `Hof` and `Kamer` are surnames too, but not as the later part of one
        // (`Jan Djaenko van de Raad` is Jan Djaenko of the Raad).
        // After `'t` a word is a surname whatever else it names (`van 't Hof`).
        let organisation = c & class::ORG != 0
            && (c & class::SURNAME == 0 || at == Position::Later)
            && !(i > 0 && self.is_article_t(i - 1));
        c & shape::CAP != 0
            && !organisation
            // `De heer Kok`, `Kok-Verhoeven`: a function that is a surname too, in a name.
            && (c & class::FUNCTION == 0 || c & class::SURNAME != 0 && at != Position::Alone)
            && !(at == Position::Alone && c & class::NOT_NAME != 0 && !self.surname_prefix(i))
            && c & shape::ORG_COMPOUND == 0
            && (c & class::SURNAME != 0 || !is_street_name(self.folded(i)))
            && !is_camel_case(self.str(i))
    }

    /// A surname starting at `i`: capitalised words, with particles and hyphens between them
    /// (`Waltrade Walderade`, `Goyaerts van Waderle`, `Jansen-de Vries`, `Tjon A Fong`).
    /// Returns the token after it and the surname key.
    pub(super) fn surname(&self, i: usize, at: Position) -> Option<(usize, String)> {
        if !self.is_surname_word(i, at) {
            return None;
        }
        if i > 0 && self.is_lower(i - 1) && self.party_at(i) {
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
            // `B. Wessels te Wormerveer`: where the person lives, as a letter writes it.
            if t == 1 && self.word(j) == Some("te") && self.has(k, class::PLACE) {
                break;
            }
            if t > 0 && self.party_at(k) {
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
        // A particle alone is no surname (`mr. E.J. van⏎De heer …`), unless the rest of the
        // surname is on the next line (`M. Ould⏎Brahim`).
        if words == [i] && self.has(i, class::PARTICLE) && !self.wraps(i) {
            return None;
        }
        Some((j, self.key_of(&words)))
    }

    /// Whether a party's name starts at `k`, after a particle: the party a member sits for
    /// (`Blokzijl van Lokaal Lingehoven`, `Mulder van het CDA`), where the name ends.
    fn party_at(&self, k: usize) -> bool {
        k > 0
            && self.has(k - 1, class::PARTICLE)
            && (self.is_cap(k) || self.has(k, shape::UPPER))
            && crate::names::lexicon::opens_with_a_party(&self.text[self.toks[k].start..])
    }

    /// Whether an organisation's name starts at `k`, after a particle: a word that is only an
    /// organisation word (`van de Politie`), or one that is also a surname but continues as
    /// an organisation's name does (`van de Raad voor de Kinderbescherming`, `Raad van
    /// State`).
    /// The article `'t` of a particle (`van 't`, `in 't`), its apostrophe straight or curly.
    pub(super) fn is_article_t(&self, k: usize) -> bool {
        matches!(self.word(k), Some("'t" | "’t" | "'T" | "’T"))
    }

    pub(super) fn organisation_at(&self, k: usize) -> bool {
        self.has(k, class::ORG)
            && (!self.has(k, class::SURNAME)
                || (self.spaced(k) && self.word_in(k + 1, &["voor", "van", "der", "des"])))
    }

    /// The surname key of surname words: folded, particles left out (`El Idrissi` →
    /// `idrissi`), unless that would leave nothing.
    pub(in crate::names) fn key_of(&self, words: &[usize]) -> String {
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
}
