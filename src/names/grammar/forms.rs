//! The written forms of a name: forward (`Jan de Vries`, `J.P. de Vries`), reversed
//! (`Vries, J. de (Jan)`), a surname or first name alone, and titles before it.

use super::surname::Position;
use super::{Form, Grammar, NameParse, shape};
use crate::fold::fold;
use crate::names::lexicon::{GAZETTEER, PARTICLE_PHRASES, class};
use crate::names::token::Kind;

impl Grammar<'_> {
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
                // `mvr.` is abbreviated; after `mevrouw.` a sentence ends (`… zeggen,
                // mevrouw. Ik hoop …`), and no name follows.
                let full_word = self.word_in(j - 1, &["mevrouw", "meneer", "mijnheer", "heer"]);
                if self.is_punct(j, '.') && self.glued(j - 1) {
                    if full_word {
                        break;
                    }
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
        let next = self.after_quote_marks(i + 2);
        self.toks
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Newline)
            && self.toks.get(next).is_some_and(|t| t.kind != Kind::Newline)
            && !self.is_punct(next + 1, ':')
    }

    /// Token index after skipping one wrapped line break at `i`, if there is one, with the
    /// quote marks of a quoted reply at the start of the next line (`Femke` / `> Arnhem`).
    pub fn skip_wrap(&self, i: usize) -> usize {
        if i > 0 && self.wraps(i - 1) {
            self.after_quote_marks(i + 1)
        } else {
            i
        }
    }

    /// The first token at or after `i` that is not a quote mark (`>`) of a quoted reply.
    fn after_quote_marks(&self, mut i: usize) -> usize {
        while self.is_punct(i, '>') && i > 0 && self.toks[i - 1].kind == Kind::Newline
            || (i > 0 && self.is_punct(i, '>') && self.is_punct(i - 1, '>'))
        {
            i += 1;
        }
        i
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

    /// `Oude Luttikhuis`, `Groot Wassink`, `Klein Gunnewiek`: an adjective that opens an
    /// eastern surname of two words, never a first name.
    pub fn surname_prefix(&self, i: usize) -> bool {
        crate::names::lexicon::SURNAME_ADJECTIVES.contains(&self.folded(i))
            && self.spaced(i)
            && self.is_cap(i + 1)
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
        } else if c & shape::CAP != 0 && !self.surname_prefix(i) && {
            let organisation = c & class::ORG != 0 && c & class::FIRST_NAME == 0;
            let never = c & (class::PARTICLE | class::TITLE | class::OFFICE | class::FUNCTION) != 0
                || (strict
                    && c & class::NOT_NAME != 0
                    && !self.month_before_first_name(i)
                    && !self.month_before_surname(i));
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
        // `M.L.A.E. (Mei Ling) Ivanova`, `D.J. (Dirk-Jan) Hazeleger`.
        if form == Form::Initials && self.is_punct(j, '(') {
            let mut close = j + 1;
            while close < j + 6 && self.is_cap(close) {
                close += 1;
                if self.is_punct(close, '-') && self.glued(close - 1) && self.glued(close) {
                    close += 1;
                }
            }
            if close > j + 1 && self.is_punct(close, ')') && self.spaced(close) {
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
        // Not after `'t`, which no organisation's name uses (`Willem Jan van 't Hof`).
        let colloquial = (surname_start..surname_start + t).any(|k| self.is_article_t(k));
        if t > 0 && !colloquial && self.organisation_at(j) {
            let (a, b) = given.filter(|&(a, b)| b - a >= 2)?;
            given = Some((a, b - 1));
            surname_start = b - 1;
            j = b - 1;
        }
        // `D. van R.`, `N. de B.`: a name abbreviated to its initials, as complaints and
        // rulings write a person they keep anonymous.
        let abbreviated = || {
            (form == Form::Initials
                && t > 0
                && self.is_capital_letter(j)
                && self.glued(j)
                && self.is_punct(j + 1, '.'))
            .then(|| (j + 2, fold(self.str(j))))
        };
        let (next, surname) = self.surname(j, Position::First).or_else(abbreviated)?;
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

    /// `Mei Ling Fernandes`, `Juni Bakker-Lin`: a capitalised month right before a first name,
    /// with no day before it, is a first name too (months are left out of the first-name
    /// list so that dates stay dates).
    pub fn month_before_first_name(&self, i: usize) -> bool {
        self.word_in(i, crate::fold::MONTHS)
            && self.spaced(i)
            && self.has(i + 1, class::FIRST_NAME)
            && self.is_cap(i + 1)
            && !(i > 0 && self.toks[i - 1].kind == Kind::Number)
    }

    /// `Juni Hartman`, `April de Graaf`: a capitalised month right before a surname, with no
    /// day before it, is a first name too. The surname is a known one or no word of the
    /// language (not `Juni Nieuwsbrief`), and no place (not `Mei Utrecht`).
    pub fn month_before_surname(&self, i: usize) -> bool {
        let mut k = i + 1;
        while self.spaced(k - 1) && self.is_lower(k) && self.has(k, class::PARTICLE) {
            k += 1;
        }
        self.word_in(i, crate::fold::MONTHS)
            && self.is_cap(i)
            && self.spaced(i)
            && self.is_cap(k)
            && self.word(k).is_some_and(|w| w.chars().count() >= 3)
            && !(i > 0 && self.toks[i - 1].kind == Kind::Number)
            && !self.has(
                k,
                class::PLACE | class::ORG | class::NOT_NAME | class::FIRST_NAME,
            )
            && (self.has(k, class::SURNAME)
                || !crate::names::lexicon::is_dutch_word(self.folded(k)))
    }

    /// The token after a first name at `i`, which may be hyphenated (`Jan-Willem`).
    pub fn given_end(&self, i: usize) -> usize {
        // `Jan-Willem`, and in capitals `JAN-WILLEM` as a register prints it.
        let second =
            self.is_cap(i + 2) || (self.has(i, shape::UPPER) && self.has(i + 2, shape::UPPER));
        if self.glued(i) && self.is_punct(i + 1, '-') && self.glued(i + 1) && second {
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
        Some(self.surname_parse(i, next, surname))
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
            return self
                .reversed_with_particles(i, j, &surname)
                .or_else(|| self.reversed_with_first_name(i, j, surname));
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

    /// `Ommen, van`, `Hof, van 't`: a register's sorting form, the particles after the
    /// comma and nothing else, filling a cell or a field. Not in a sentence wrapped after
    /// an article (`in Venlo, het⏎`). `comma` is the token of the comma after the surname.
    fn reversed_with_particles(&self, i: usize, comma: usize, surname: &str) -> Option<NameParse> {
        let cell_edge = |k: usize| [';', '|', ':'].iter().any(|&p| self.is_punct(k, p));
        let opens_cell = i == 0
            || self.toks[i - 1].kind == Kind::Newline
            || self.column_gap(i - 1)
            || cell_edge(i - 1)
            || (i > 1 && self.is_punct(i - 1, '.') && self.is_punct(i - 2, '.'));
        let t = self.tussen_at_end(comma + 1);
        let next = comma + 1 + t;
        let closes_cell = self.is_line_end(next) || self.column_gap(next - 1) || cell_edge(next);
        (t > 0 && self.is_lower(comma + 1) && opens_cell && closes_cell)
            .then(|| self.surname_parse(i, next, surname.to_string()))
    }

    /// A surname alone over tokens `[i, next)`.
    fn surname_parse(&self, i: usize, next: usize, surname: String) -> NameParse {
        NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::Surname,
            given: None,
            initials: None,
            surname: Some(surname),
        }
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

    /// A list's entry in the reversed form with a first name the lists know: `Tahiri,
    /// Soufiane ;`, `| Amiri, Wahida |`, `17⇥Zomer, Jolanda⇥Van Heemstralaan 2b`. Without
    /// initials the comma alone says little (`Goed, Peter`), so the entry must stand apart,
    /// at a line start, a column gap or a separator, and end at one, and the surname be a
    /// word no list knows as something else than a surname.
    pub fn reversed_entry(&self, i: usize) -> Option<NameParse> {
        // `&` and `/` join two owners in one cell (`Stam, Pieter-Jan / Ruiter, Femke de`).
        const STARTS: &[char] = &['|', ';', ':', '(', '[', '-', '•', '*', '&', '/'];
        const ENDS: &[char] = &['|', ';', ',', '(', '<', '[', ')', ':', '&', '/'];
        let starts_entry = i == 0
            || self.toks[i - 1].kind == Kind::Newline
            || self.column_gap(i - 1)
            || STARTS.iter().any(|&c| self.is_punct(i - 1, c));
        if !starts_entry || !self.may_start_name(i) {
            return None;
        }
        let t = self.cap_tussen(i);
        let (comma, surname) = self.surname(i + t, Position::First)?;
        if !(self.is_punct(comma, ',') && self.glued(comma - 1) && self.spaced(comma)) {
            return None;
        }
        // One surname (`Van Dam`, `Mensah-Owusu`), not a first name and a surname (`Egbert
        // Jalving, Hilde`), each word a surname and nothing else the lists know (not `Goed,
        // Peter`; not `Tessa, Wiebren`).
        let words: Vec<usize> = (i + t..comma)
            .filter(|&k| self.is_cap(k) && !self.has(k, class::PARTICLE))
            .collect();
        if words
            .windows(2)
            .any(|w| self.spaced(w[1] - 1) && !self.has(w[1] - 1, class::PARTICLE))
        {
            return None;
        }
        // A double surname (`Dam-Honig`) is one whatever its parts mean alone. A surname
        // that is a word or a first name too (`Brouwers, Kees`, `Mei, Rowan`) only fills a
        // table's cell with the first name.
        let double = (i + t..comma).any(|k| self.is_punct(k, '-'));
        let mut word_surname = false;
        let mut month_surname = false;
        for k in words.into_iter().filter(|_| !double) {
            let c = self.classes.get(k).copied().unwrap_or(0);
            if c & class::SURNAME != 0 {
                continue;
            }
            // A month is a surname too (`April, Jesse`, `Mei, Sultana`), where it fills a
            // cell before a first name the lists know.
            if self.word_in(k, crate::fold::MONTHS) {
                word_surname = true;
                month_surname = true;
                continue;
            }
            if c & class::NOT_A_PERSON != 0 {
                return None;
            }
            word_surname |= c & (class::WORD | class::FIRST_NAME) != 0;
        }
        let first = comma + 1;
        let given_ok = |k: usize| {
            self.is_cap(k)
                && !self.has(
                    k,
                    class::NOT_NAME | class::ORG | class::PLACE | class::FUNCTION | class::TITLE,
                )
        };
        // A month is a first name here, where no date is written (`Cheung, Mei-Lin`,
        // `Bakker, Juni`); the lists leave months out of the first names.
        let month = self.word_in(first, crate::fold::MONTHS);
        if !(given_ok(first) && self.has(first, class::FIRST_NAME)
            || month && self.is_cap(first) && !month_surname)
        {
            return None;
        }
        // More first names (`Shir Mohammad`), then particles (`Dennis van`).
        let mut next = self.given_end(first);
        let more_given =
            |k: usize| given_ok(k) && (self.has(k, class::FIRST_NAME) || !self.has(k, class::WORD));
        while next < first + 4
            && self.spaced(next - 1)
            && more_given(next)
            && !self.column_gap(next - 1)
        {
            next = self.given_end(next);
        }
        while self.spaced(next - 1)
            && self.is_lower(next)
            && self.has(next, class::PARTICLE)
            && !self.column_gap(next - 1)
        {
            next += 1;
        }
        // A first name it goes by, in brackets (`Mooij, Antonius (Ton)`).
        if self.spaced(next - 1)
            && self.is_punct(next, '(')
            && self.is_cap(next + 1)
            && self.has(next + 1, class::FIRST_NAME)
            && self.is_punct(next + 2, ')')
        {
            next += 3;
        }
        // A comma ends the entry, unless a list of first names goes on (`Bram, Daan, Roos`).
        let list_goes_on = self.is_punct(next, ',') && self.has(next + 1, class::FIRST_NAME);
        let ends_entry = self.is_line_end(next)
            || self.column_gap(next - 1)
            || (ENDS.iter().any(|&c| self.is_punct(next, c)) && !list_goes_on);
        let cell_edge = |k: usize, gap: usize| {
            self.column_gap(gap) || self.is_punct(k, '|') || self.is_punct(k, ';')
        };
        let fills_cell = i > 0
            && cell_edge(i - 1, i - 1)
            && (cell_edge(next, next - 1) || self.is_line_end(next));
        (ends_entry && (!word_surname || fills_cell)).then(|| NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::Reversed,
            given: Some(self.folded(first).to_string()),
            initials: None,
            surname: Some(surname),
        })
    }

    /// Particles that end a reversed name (`J. van der` followed by a bracket, comma, line
    /// end or dash).
    pub(super) fn tussen_at_end(&self, i: usize) -> usize {
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
