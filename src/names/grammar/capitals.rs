//! Names written in capitals: `JANSSEN, P.`, `VAN DER MEER`, `DUBOIS-MARCHAND Hélène`.

use super::{Form, Grammar, NameParse, shape};
use crate::fold::fold;
use crate::names::lexicon::class;

impl Grammar<'_> {
    /// A known first name and a surname in capitals (`JELLE VISSER`, `KEVIN VAN DEN HEUVEL`),
    /// as a ruling lists its parties or a heading names someone: the first name no word,
    /// place or organisation, and no more capitals after the surname (`TEAM KEES BOUW`).
    pub fn upper_given_name(&self, i: usize) -> Option<NameParse> {
        const NOT_A_PERSON: u16 = class::NOT_NAME
            | class::WORD
            | class::PLACE
            | class::ORG
            | class::FUNCTION
            | class::OFFICE;
        if !self.has(i, shape::UPPER)
            || !self.has(i, class::FIRST_NAME)
            || self.has(i, NOT_A_PERSON)
        {
            return None;
        }
        let upper = |k: usize| self.spaced(k - 1) && self.has(k, shape::UPPER);
        let mut k = i + 1;
        while upper(k) && self.has(k, class::PARTICLE) {
            k += 1;
        }
        if !upper(k)
            || self.has(
                k,
                class::PARTICLE | class::ORG | class::FUNCTION | class::NOT_NAME,
            )
        {
            return None;
        }
        let mut words: Vec<usize> = (i + 1..=k).collect();
        // A double surname (`KOSTER-BAKKER`).
        let mut last = k;
        while self.glued(last)
            && self.is_punct(last + 1, '-')
            && self.glued(last + 1)
            && self.has(last + 2, shape::UPPER)
        {
            last += 2;
            words.push(last);
        }
        if upper(last + 1) {
            return None;
        }
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[last].end,
            next: last + 1,
            form: Form::Full,
            given: Some(self.folded(i).to_string()),
            initials: None,
            surname: Some(self.key_of(&words)),
        })
    }

    /// A name in capitals, as forms and registers write it: `JANSSEN, P.`, `VAN DER MEER`,
    /// `JAN DE VRIES`. The first name cannot be told from the surname, so all words but the
    /// particles form the key.
    pub fn upper_name(&self, i: usize) -> Option<NameParse> {
        // `HJ JACOBS EN/OF GA JACOBS-WINTER`: a conjunction ends the name.
        let upper_word = |k: usize| {
            (self.has(k, shape::UPPER) && !self.word_in(k, &["en", "of"]))
                || (self.is_capital_letter(k) && !self.is_punct(k + 1, '.'))
        };
        let mut j = i;
        let mut words = Vec::new();
        while words.len() < 5 && upper_word(j) && (j == i || self.spaced(j - 1)) {
            words.push(j);
            j += 1;
            // A double surname (`MEIJER-RAAIJMAKERS`).
            while self.glued(j - 1)
                && self.is_punct(j, '-')
                && self.glued(j)
                && self.has(j + 1, shape::UPPER)
            {
                words.push(j + 1);
                j += 2;
            }
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
        // `places`: a place's name may be the surname (`RIJSWIJK, Dennis van`).
        let upper_surname_of =
            |start: usize, shortest: usize, places: bool| -> Option<(usize, Vec<usize>)> {
                let mut k = start;
                let mut words = Vec::new();
                while let Some(w) = self.word(k) {
                    let capitals = w.chars().count() >= 2 && w.chars().all(char::is_uppercase)
                        || self.is_article_t(k) && w.ends_with('T');
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
                // After its particle a surname may be short (`VAN OS`, `VAN EK`).
                let shortest = if key.len() < words.len() { 2 } else { shortest };
                let not_a_name = if places {
                    class::ORG | class::NOT_NAME
                } else {
                    class::ORG | class::NOT_NAME | class::PLACE
                };
                let plausible = key.iter().any(|&w| self.str(w).chars().count() >= shortest)
                    && !key
                        .iter()
                        .any(|&w| self.has(w, not_a_name) && !(w > 0 && self.is_article_t(w - 1)));
                (plausible && words.len() <= 4).then_some((k, key))
            };
        let upper_surname = |start: usize| upper_surname_of(start, 4, false);
        if self.has(i, shape::UPPER) {
            // `KOSTER, Dave`, `DE HAAN, S.`, `WIT, Chantal de`: registers and police
            // reports; the comma makes even a short surname one, and a known first name
            // after it even a place's name (`RIJSWIJK, Dennis van`).
            if let Some((after, key)) = upper_surname_of(i, 3, false)
                && let Some(p) = self.upper_reversed(i, after, &key)
            {
                return Some(p);
            }
            if let Some((after, key)) = upper_surname_of(i, 3, true)
                && let Some(p) = self.upper_reversed(i, after, &key)
                && p.given.is_some()
            {
                return Some(p);
            }
            let (after, key) = upper_surname(i)?;
            // `VAN DEN BERGH Joost`: the name ends after the first name, or the second
            // (`KRUISSELBRINK Sander Pieter`).
            if !(self.spaced(after - 1) && known_given(after)) {
                return None;
            }
            let mut given = self.given_end(after);
            if self.spaced(given - 1) && known_given(given) && !self.has(given, shape::UPPER) {
                given = self.given_end(given);
            }
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
        // Initials before a surname in capitals: `M. HOEKSTRA`; after two initials also a
        // place's name (`S.J. OOSTERHOUT`), and after a particle a word (`W.M. VAN DALEN`),
        // as surnames are.
        if let Some((j, letters)) = self.initials(i, false)
            && self.spaced(j - 1)
            && let particle = self.tussen_upper(j)
            && let Some((after, key)) =
                upper_surname_of(j + particle, 4, letters.chars().count() >= 2)
        {
            let plausible = key.iter().all(|&k| {
                let surname = self.has(k, class::SURNAME);
                let word = self.has(k, class::WORD) && particle == 0;
                surname || (self.str(k).chars().count() >= 4 && !word)
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
        // First name first: `Hélène DUBOIS-MARCHAND`, `Marco Jan ZOMER`.
        if known_given(i) {
            let mut j = self.given_end(i);
            if self.spaced(j - 1) && known_given(j) && !self.has(j, shape::UPPER) {
                j = self.given_end(j);
            }
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

    /// A surname in capitals (tokens `i..after`, key words `key`) with a comma and initials
    /// or first names after it (`ZOMER, L.`, `KOSTER, Dave Johannes`, `WIT, Chantal de`),
    /// or initials without the comma (`NGUYEN T.M.`). Initials that a capitalised word
    /// follows begin the next name (`GGD, A. Jansen`).
    fn upper_reversed(&self, i: usize, after: usize, key: &[usize]) -> Option<NameParse> {
        let comma = self.is_punct(after, ',') && self.glued(after - 1) && self.spaced(after);
        let first = if comma { after + 1 } else { after };
        if !comma && !self.spaced(after - 1) {
            return None;
        }
        let (end, given, initials) = if let Some((k, letters)) = self.initials(first, false) {
            if self.spaced(k - 1) && self.is_cap(k) {
                return None;
            }
            (k, None, Some(letters))
        } else if let Some((k, letters)) = self.undotted_initials_closing(first)
            && (comma || letters.len() >= 2 || !self.has(key[0], class::WORD))
        {
            (k, None, Some(letters))
        } else if comma && self.is_given_after_comma(first) {
            let mut k = self.given_end(first);
            // More first names (`Dave Johannes`, `JESSE ADRIANUS`), then particles that
            // close it (`de`). The last first name may be one the lists lack, where the
            // entry ends after it (`MÜLLER, Sophie Katharina, geb. …`).
            let unlisted_last = |k: usize| {
                self.is_cap(k)
                    && !self.has(k, class::NOT_A_PERSON | class::WORD)
                    && (self.is_line_end(k + 1)
                        || [',', ')', ';'].iter().any(|&c| self.is_punct(k + 1, c)))
            };
            while self.spaced(k - 1) && (self.is_given_after_comma(k) || unlisted_last(k)) {
                k = self.given_end(k);
            }
            let given = fold(self.text_of_tokens(first, k));
            let t = if self.spaced(k - 1) {
                self.tussen_at_end(k)
            } else {
                0
            };
            let closed = self.is_line_end(k + t)
                || [',', '.', ')', ';']
                    .iter()
                    .any(|&c| self.is_punct(k + t, c));
            if t > 0 && closed {
                k += t;
            }
            (k, Some(given), None)
        } else {
            return None;
        };
        Some(NameParse {
            start: self.toks[i].start,
            end: self.toks[end - 1].end,
            next: end,
            form: Form::Reversed,
            given,
            initials,
            surname: Some(self.key_of(key)),
        })
    }

    /// A first name after the comma of a surname in capitals: capitalised, or in capitals as
    /// police and court registers write the whole name (`MAAS, DYLAN`), then never a word
    /// or a month the lists know (`AMSTERDAM, MAART`).
    fn is_given_after_comma(&self, k: usize) -> bool {
        self.has(k, class::FIRST_NAME)
            && (self.is_cap(k)
                || (self.has(k, shape::UPPER) && !self.has(k, class::NOT_NAME | class::WORD)))
    }

    /// Initials as registers and bank records write them after a surname in capitals, single
    /// capitals with a space between and nothing after them on the line but a gap, a
    /// bracket, a stop or a closing quote (`ZOMER M J  geb. …`, `VAN DEN BROEK, J G):`, `AMRANI Y
    /// |`, a log's `naam "OSEI K"`): the
    /// end and the letters. Capitals that a name follows open that name (`S A VEENSTRA`).
    fn undotted_initials_closing(&self, first: usize) -> Option<(usize, String)> {
        let mut k = first;
        let mut letters = String::new();
        while letters.len() < 4 && self.is_capital_letter(k) && !self.is_punct(k + 1, '.') {
            letters.push_str(self.str(k));
            k += 1;
            if !(self.spaced(k - 1) && self.is_capital_letter(k)) {
                break;
            }
        }
        let closed = self.is_line_end(k)
            || self.column_gap(k - 1)
            || [',', ')', ';', ':', '|', '"', '”']
                .iter()
                .any(|&c| self.is_punct(k, c));
        (!letters.is_empty() && closed).then_some((k, letters))
    }

    /// Particles in capitals at `i` (`DE`, `VAN DER`): how many tokens.
    fn tussen_upper(&self, i: usize) -> usize {
        (i..i + 3)
            .take_while(|&k| self.has(k, shape::UPPER) && self.has(k, class::PARTICLE))
            .count()
    }
}
