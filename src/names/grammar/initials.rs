//! Initials: dotted (`J.P.`, `Ph.`), undotted before a surname (`RG den Hartog`), and alone
//! as a paraaf (`JdV`).

use super::{Form, Grammar, NameParse};
use crate::fold::fold;
use crate::names::lexicon::class;

/// Most initials read in one name (`A.H.J.M.` has four).
const MAX_INITIALS: usize = 8;

/// Multi-letter initials used in Dutch names (`Ph.`, `Th.`, `Chr.`).
const LONG_INITIALS: &[&str] = &[
    "Ph", "Th", "Chr", "Ch", "Joh", "Jac", "Fr", "Wm", "Hub", "Cl", "Gerh", "Corn", "IJ", "Ij",
];

/// Dotted abbreviations that look like initials but are not (`B.V.`, `N.B.`).
const NOT_INITIALS: &[&str] = &["bv", "nv", "cv", "vof", "nb", "ps", "zkh", "hkh", "zm"];

impl Grammar<'_> {
    /// Initials starting at token `i`: `J.`, `J.P.`, `J. P.`, `Ph.`, `A.H.J.M.`; with
    /// `lower_ok`, also the particles of a paraaf (`J.d.V.`). Returns the token after the last
    /// dot and the folded letters.
    pub fn initials(&self, i: usize, lower_ok: bool) -> Option<(usize, String)> {
        // Not from the middle of dotted capitals (`V.` of `B.V. te Barendrecht`): they are
        // read from their first letter.
        if i >= 2
            && self.is_punct(i - 1, '.')
            && self.glued(i - 1)
            && self.glued(i - 2)
            && self.word(i - 2).is_some_and(|w| w.chars().count() == 1)
        {
            return None;
        }
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

    /// Initials written without dots before a surname: `RG den Hartog`, `O Peters`, `R-J
    /// Hoefnagels`, and spaced single letters as forms and bank records write them (`W J M Cremers`).
    pub(crate) fn undotted_initials(&self, i: usize) -> Option<(usize, String)> {
        let w = self.word(i)?;
        // `R-J Hoefnagels`, `G-J. de Boer`: the initials of a double first name, hyphenated.
        if self.is_capital_letter(i)
            && self.glued(i)
            && self.is_punct(i + 1, '-')
            && self.glued(i + 1)
            && self.is_capital_letter(i + 2)
        {
            let dotted = self.glued(i + 2) && self.is_punct(i + 3, '.');
            let next = i + 3 + usize::from(dotted);
            return self
                .spaced(next - 1)
                .then(|| (next, fold(w) + &fold(self.str(i + 2))));
        }
        let n = w.chars().count();
        let capitals = w.chars().all(char::is_uppercase);
        // `DG Mobiliteit`, `MT Wegen`: a known abbreviation is no initials.
        let abbreviation = n > 1 && self.has(i, class::FUNCTION | class::ORG | class::NOT_NAME);
        if !((1..=3).contains(&n) && capitals && !abbreviation && self.spaced(i)) {
            return None;
        }
        let mut letters = fold(w);
        let mut j = i + 1;
        while n == 1
            && letters.len() < 4
            && self.is_capital_letter(j)
            && self.spaced(j)
            && !self.is_punct(j + 1, '.')
        {
            letters.push_str(&fold(self.str(j)));
            j += 1;
        }
        Some((j, letters))
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
        Some(self.initials_only(i, next, letters))
    }

    /// Initials standing for a person on their own, over tokens `i..next` (`T.W.`, `JdV`).
    pub fn initials_only(&self, i: usize, next: usize, letters: String) -> NameParse {
        NameParse {
            start: self.toks[i].start,
            end: self.toks[next - 1].end,
            next,
            form: Form::InitialsOnly,
            given: None,
            initials: Some(letters),
            surname: None,
        }
    }
}
