//! The directory: the staff and the public officials the organisation lists, found in every
//! form their names take in a text.
//!
//! The lists are authoritative. A listed person's name is read around each occurrence of a
//! surname word, a first name or derived initials (one aho-corasick search over the folded
//! text), with what the list says about the person rather than the general grammar alone:
//!
//! - the full name, initials with the surname, the reversed forms (`Meer, Jan-Willem van der`,
//!   `dos Santos, Thomas`, `Vries, J. de`) and the EU form (`VAN DER MEER Jan-Willem`), in any
//!   capitalisation, with abbreviated particles (`v.d.`, `v/d`, `vd`) and academic titles;
//! - a first name with the initials of the surname, as chat apps show people (`Eva S.`,
//!   `Iris KS`, `Jan-Willem vdM`);
//! - initials derived from the name (`JdV`, `JWvdM`, `IKS`, `FEA`);
//! - the surname or the first name alone.
//!
//! A full form names the person on its own. A surname, first name or initials alone does when
//! its place in the text says a person is meant ([`super::person`]), or when the word can be
//! nothing else: not a common word, a place or an organisation word (`Meijerink` can only be
//! a person; `Koning`, `Zwolle` and `Roos` need the context).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::grammar::{Form, Grammar, NameParse, shape};
use super::lexicon::{self, GAZETTEER, class, is_particle};
use super::token::Kind;
use super::{Mention, PersonKey, Strength, person};
use crate::error::ConfigError;
use crate::fold::{FoldedText, fold};
use crate::lists::StaffMember;

mod around;

pub(in crate::names) use around::academic_titles_before;
use around::*;

/// A listed person's name, taken apart.
#[derive(Clone)]
struct Listed {
    key: PersonKey,
    /// Staff (removed) or public official (protected).
    public: bool,
    /// The first name's parts, folded (`jan`, `willem`).
    given: Vec<String>,
    /// The particles before the surname, folded (`van`, `der`).
    particles: Vec<String>,
    /// The surname's words in order, folded, with any inner particle (`visser`, `de`, `jong`).
    surname: Vec<String>,
    /// Initials derived from the name, as written (`JWvdM`, `JWM`, `JM`).
    initials: Vec<String>,
    /// Whether the surname (first name) can only be a name.
    distinctive_surname: bool,
    distinctive_given: bool,
}

/// An account name without dots is taken from the e-mail address only from this length on:
/// shorter ones are too often an abbreviation or a word.
const MIN_UNDOTTED_ACCOUNT: usize = 4;

/// The account names a staff member's e-mail address gives, folded: the part before the `@`,
/// with and without its dots (`h.koc@…` → `h.koc`, `hkoc`), as systems print it when they log
/// who did something (`aangemaakt door hkoc`). A part without a dot is a first name or a
/// surname alone (`koen@`), which the other readings handle.
fn mailbox_accounts(email: Option<&str>) -> Vec<String> {
    let Some((local, _)) = email.and_then(|e| e.trim().split_once('@')) else {
        return Vec::new();
    };
    let local = fold(local);
    if !local.contains(['.', '_', '-']) {
        return Vec::new();
    }
    let undotted: String = local.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out = vec![local];
    if undotted.chars().count() >= MIN_UNDOTTED_ACCOUNT {
        out.push(undotted);
    }
    out
}

/// The shortest clipped first name: three letters (`Yas`, `Gio`, `Kev`).
const MIN_CLIP: usize = 3;

impl Listed {
    /// The clipped forms of the first name, folded: its first three letters and more, up to
    /// two letters short of the whole, for a first name of one word; none that is a word, a
    /// place or another name (`Chris` for Christiaan is read as a first name anyway, `Den`
    /// is a word).
    fn clipped_given(&self) -> Vec<String> {
        let [given] = self.given.as_slice() else {
            return Vec::new();
        };
        let letters: Vec<char> = given.chars().collect();
        if letters.iter().any(|c| !c.is_alphabetic()) {
            return Vec::new();
        }
        (MIN_CLIP..letters.len().saturating_sub(1))
            .map(|n| letters[..n].iter().collect::<String>())
            .filter(|clip| {
                !lexicon::is_dutch_word(clip)
                    && !GAZETTEER.is(clip, NOT_ONLY_A_NAME | class::FIRST_NAME | class::SURNAME)
            })
            .collect()
    }

    /// The ways a listed name can be read. A name of three words or more without particles
    /// and comma is split two ways: `Iris Klein Schiphorst` may be Iris of the Klein
    /// Schiphorsts, `Mei Lin Tjoa` is Mei Lin of the Tjoas; the list does not say which, and
    /// both readings name the same person.
    fn readings(name: &str, public: bool) -> Vec<Listed> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let compound_given = (words.len() == 3
            && !name.contains(',')
            && !words.iter().any(|w| is_particle(&fold(w))))
        .then(|| {
            format!(
                "{} {}",
                words[..words.len() - 1].join("-"),
                words[words.len() - 1]
            )
        });
        // A double surname's first part, as colleagues write it (`Anouk vd Heijden` for Anouk
        // van der Heijden-Smits, `Femke Visser` for Femke Visser-de Jong).
        let first_part = name
            .find(' ')
            .and_then(|space| name[space..].find('-').map(|h| &name[..space + h]))
            .filter(|_| !name.contains(','));
        let mut readings: Vec<Listed> = std::iter::once(name)
            .chain(compound_given.as_deref())
            .chain(first_part)
            .filter_map(|n| Listed::parse(n, public))
            .collect();
        // One person: every reading keeps the key of the name as listed, so that its
        // mentions are numbered as one.
        if let Some(key) = readings.first().map(|r| r.key.clone()) {
            for r in &mut readings[1..] {
                r.key = key.clone();
            }
        }
        readings
    }

    /// Account names made from the name, folded, as organisations make them: initial or first
    /// name, then the particles and surname run together, with or without a dot, or the
    /// surname and the initial after a dot (`hoogendoorn.n`) (short ones, under six letters,
    /// are left out: they are words as often as accounts), or the surname and the initial
    /// joined by an underscore.
    fn account_names(&self) -> Vec<String> {
        let Some(first) = self.given.first() else {
            return Vec::new();
        };
        let initial: String = first.chars().take(1).collect();
        let surname: String = self
            .particles
            .iter()
            .chain(&self.surname)
            .cloned()
            .collect();
        let given: String = self.given.concat();
        // The initials of every first name, a hyphenated one's parts too (`ej` of Erik-Jan).
        let given_initials: String = self
            .given
            .iter()
            .flat_map(|g| g.split('-'))
            .filter_map(|g| g.chars().next())
            .collect();
        // The particles' letters run into the surname, as in chats and logs (`vZwolle`,
        // `vdMeer`).
        let compact: String = self
            .particles
            .iter()
            .filter_map(|p| p.chars().find(|c| c.is_alphabetic()))
            .chain(self.surname.concat().chars())
            .collect();
        let with_particles = (!self.particles.is_empty())
            .then(|| [format!("{initial}{compact}"), compact])
            .into_iter()
            .flatten();
        [
            format!("{initial}{surname}"),
            format!("{initial}.{surname}"),
            format!("{given}.{surname}"),
            format!("{given}{surname}"),
            format!("{surname}.{initial}"),
        ]
        .into_iter()
        // A user list's surname and initials run together (`WoltersEJ`, `KalkhovenT`), unless
        // that spells another surname (`Jonkers`).
        .chain(Some(format!("{surname}{given_initials}")).filter(|a| {
            !lexicon::GAZETTEER.is(a, lexicon::class::SURNAME | lexicon::class::FIRST_NAME)
        }))
        .chain(with_particles)
        // Five letters are enough where they make no word (`bkool`, not `kroos`).
        .filter(|a| {
            let n = a.chars().filter(|c| c.is_alphanumeric()).count();
            n >= 6 || (n == 5 && !lexicon::is_dutch_word(a))
        })
        // Document systems log the surname first (`vos_e`, `brinkhorst_l`): the underscore
        // makes even a short one an account.
        .chain([format!("{surname}_{initial}")])
        // Also without the particles (`brinke_w` for Wouter ten Brinke).
        .chain((!self.particles.is_empty()).then(|| format!("{}_{initial}", self.surname.concat())))
        .chain((self.given.len() > 1).then(|| {
            let initials: String = self.given.iter().filter_map(|g| g.chars().next()).collect();
            format!("{surname}_{initials}")
        }))
        .collect()
    }
}

/// What a pattern of the search is for a listed person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The first word of the surname.
    Surname,
    /// The first name.
    Given,
    /// Derived initials.
    Initials,
    /// The first name clipped to its first letters, as colleagues shorten it (`Yas` for
    /// Yasmina, `Krzys` for Krzysztof).
    Clipped,
    /// An account name made from the name (`tdossantos`, `r.groen`, `rianne.groen`) or given
    /// by the e-mail address (`hkoc` for `h.koc@…`), as in
    /// system exports, logs and user lists.
    Account,
}

/// The compiled directory. Its `Debug` output gives counts, never names.
#[derive(Clone, Default)]
pub struct Directory {
    people: Vec<Listed>,
    matcher: Option<AhoCorasick>,
    /// Per pattern: the listed people it belongs to and as what.
    uses: Vec<Vec<(u32, Part)>>,
    /// The public officials' initials, folded: capitals a staff member shares with one are
    /// no one's for sure without a person's context.
    public_initials: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Directory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Directory")
            .field("people", &self.people.len())
            .finish_non_exhaustive()
    }
}

/// Classes of a word that make it something else than a name as well.
const NOT_ONLY_A_NAME: u16 = class::WORD
    | class::PLACE
    | class::ORG
    | class::NOT_NAME
    | class::FUNCTION
    | class::TITLE
    | class::OFFICE
    | class::ROLE
    | class::PARTICLE;

/// The evidence of a public official's mention.
pub const PUBLIC: &str = "public official";

/// Short words that stand before a date in a sentence or a calendar (`op 10-03`, `tot 1/7`,
/// `ma 16-8`): never a paraaf, whoever's initials they spell.
const WORDS_BEFORE_A_DATE: &[&str] = &[
    "op", "en", "is", "of", "tot", "per", "van", "na", "om", "in", "te", "de", "al", "nu", "ma",
    "di", "wo", "do", "vr", "za", "zo",
];

/// Whether the first name or initials a text writes are the listed person's (`None`: it
/// writes neither).
fn fits(p: &Listed, written: Option<&Written>) -> bool {
    match written {
        Some(Written::Given(gv)) => p.given.join("-") == *gv || p.given.join(" ") == *gv,
        Some(Written::Initials(i)) => {
            p.given.is_empty()
                || i.chars()
                    .next()
                    .is_some_and(|c| lexicon::initial_of_given(&p.given[0], c))
        }
        None => true,
    }
}

/// The first name or initials a text writes before or after a surname.
enum Written {
    /// A first name, folded (`jan-willem`).
    Given(String),
    /// Initials' letters, folded (`jp`).
    Initials(String),
}

/// Academic titles, kept with the name they stand before (`mr. J. de Vries`), folded.
const ACADEMIC_TITLES: &[&str] = &[
    "mr", "dr", "drs", "ir", "ing", "prof", "bc", "ds", "msc", "ma",
];

/// Abbreviated particles: `v.d.`, `v/d`, `vd`, `vt` (van 't), `v.`, `d.`, `t`.
const SHORT_PARTICLES: &[&str] = &[
    "v", "vd", "vdr", "vt", "vh", "d", "t", "u", "z", "vd.", "v.d",
];

impl Directory {
    /// Compiles the staff (`staff`) and public officials (`public`), as written in the lists.
    pub fn new(staff: &[StaffMember], public: &[String]) -> Result<Directory, ConfigError> {
        let (mut people, mailboxes): (Vec<Listed>, Vec<Option<&str>>) = staff
            .iter()
            .map(|m| (m.name.as_str(), m.email.as_deref(), false))
            .chain(public.iter().map(|n| (n.as_str(), None, true)))
            .flat_map(|(n, email, public)| {
                Listed::readings(n, public)
                    .into_iter()
                    .map(move |p| (p, email))
            })
            .unzip();
        yield_given_initials_to_officials(&mut people);
        let mut patterns: Vec<String> = Vec::new();
        let mut uses: Vec<Vec<(u32, Part)>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |pattern: String, person: usize, part: Part| {
            if pattern.chars().count() < 2 {
                return;
            }
            let at = *index.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                uses.push(Vec::new());
                uses.len() - 1
            });
            if !uses[at].contains(&(person as u32, part)) {
                uses[at].push((person as u32, part));
            }
        };
        for (i, p) in people.iter().enumerate() {
            if let Some(first) = p.surname.first() {
                add(first.clone(), i, Part::Surname);
            }
            if !p.given.is_empty() {
                add(p.given.join("-"), i, Part::Given);
                add(p.given.join(" "), i, Part::Given);
            }
            for clip in p.clipped_given() {
                add(clip, i, Part::Clipped);
            }
            for initials in &p.initials {
                add(fold(initials), i, Part::Initials);
                // Dotted (`T.W.`, `F.v.A.`); not the variants that end in a surname's second
                // letter (`KBo`).
                if initials.chars().last().is_some_and(char::is_uppercase) {
                    let dotted: String = initials.chars().flat_map(|c| [c, '.']).collect();
                    add(fold(&dotted), i, Part::Initials);
                }
            }
            // An official's account too: a log that names them by it keeps it readable.
            for account in p
                .account_names()
                .into_iter()
                .chain(mailbox_accounts(mailboxes[i]))
            {
                add(account, i, Part::Account);
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    // Every text is searched: a DFA is several times faster than an NFA.
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&patterns)
                    .map_err(|e| ConfigError::Field {
                        field: "staff/public names".into(),
                        reason: format!("cannot compile the name matcher: {e}"),
                    })?,
            )
        };
        let public_initials = people
            .iter()
            .filter(|p| p.public)
            .flat_map(|p| p.initials.iter().map(|i| fold(i)))
            .collect();
        Ok(Directory {
            people,
            matcher,
            uses,
            public_initials,
        })
    }

    /// Whether the listed person `i` is a public official.
    pub fn is_public(&self, i: usize) -> bool {
        self.people[i].public
    }

    /// The key of listed person `i`.
    pub fn key(&self, i: usize) -> &PersonKey {
        &self.people[i].key
    }

    /// Every mention of a listed person in the text of `g`. A mention's `staff` is the listed
    /// person's index (see [`Directory::is_public`]).
    pub fn mentions(&self, g: &Grammar, folded: &FoldedText<'_>, out: &mut Vec<Mention>) {
        let Some(matcher) = &self.matcher else { return };
        let toks = g.tokens();
        let ftext = folded.as_str();
        let mut last_end = 0;
        for m in matcher.find_iter(ftext) {
            crate::deadline::check();
            let bounded = !ftext[..m.start()].ends_with(|c: char| c.is_alphanumeric())
                && !ftext[m.end()..].starts_with(|c: char| c.is_alphanumeric());
            if !bounded {
                continue;
            }
            let range = folded.original_range(m.start(), m.end());
            let Ok(t) = toks.binary_search_by_key(&range.start, |t| t.start) else {
                continue;
            };
            // Inside a name read at an earlier hit (`Jan` of `Jan de Vries`).
            if range.start < last_end {
                continue;
            }
            let mut best: Option<Mention> = None;
            let mut contexts = Contexts::default();
            for &(person, part) in &self.uses[m.pattern().as_usize()] {
                let person = person as usize;
                let found = match part {
                    Part::Surname => self.surname_at(g, t, person, &mut contexts),
                    Part::Given => self.given_at(g, t, person, &mut contexts),
                    Part::Clipped => self.clipped_at(g, t, range.end, person, &mut contexts),
                    Part::Initials => self.initials_at(g, t, person, &mut contexts),
                    Part::Account => self.account_at(g, t, range.end, person),
                };
                // A reading that fits the listed person wins, then the widest; among equals,
                // a staff member over an official (listed first).
                let rank = |m: &Mention| {
                    let fits = m.staff.is_some() || m.evidence == PUBLIC;
                    (fits, m.parse.end - m.parse.start, m.strength)
                };
                if let Some(f) = found
                    && best.as_ref().is_none_or(|b| rank(&f) > rank(b))
                {
                    best = Some(f);
                }
            }
            if let Some(b) = best {
                if !matches!(
                    b.parse.form,
                    Form::Surname | Form::Given | Form::InitialsOnly
                ) {
                    last_end = b.parse.end;
                }
                out.push(b);
            }
        }
    }

    /// The listed person's name around a hit on the first word of their surname at `t`.
    fn surname_at(
        &self,
        g: &Grammar,
        t: usize,
        person: usize,
        contexts: &mut Contexts,
    ) -> Option<Mention> {
        let p = &self.people[person];
        let after = match_words(g, t, &p.surname)?;
        let upper = g.has(t, shape::UPPER);
        if !(g.is_cap(t) || upper) {
            // A lower-case word is a word (`de post`), unless capitalised particles open the
            // name (not as the article opening a sentence: `De koster luidt`) or a form of
            // address stands before it (`mevr rutjes`, `meneer van hout`).
            let particles = particles_before(g, t);
            let addressed = particles > 0 && g.has(particles - 1, class::TITLE);
            let opened =
                particles < t && g.is_cap(particles) && !person::sentence_start(g, particles);
            if !addressed && !opened {
                return None;
            }
        }
        let mut particles = particles_before(g, t);
        let written_start = particles;
        // Other particles written in full are another name's (`van de Ven` is not Van der
        // Ven) or a preposition (`uit Kessel` for Mariska van Kessel): the surname stands
        // alone.
        let written_particles: Vec<String> =
            (particles..t).filter_map(|k| g.word(k)).map(fold).collect();
        if particles < t
            && !p.particles.is_empty()
            && written_particles.len() == t - particles
            && !written_particles
                .iter()
                .any(|w| SHORT_PARTICLES.contains(&w.as_str()))
            && written_particles != p.particles
        {
            particles = t;
        }
        // The second half of a double surname is someone else's name (`Hoogerwerf-van Dam`
        // is not Anouk van Dam).
        if particles > 1 && g.is_punct(particles - 1, '-') && g.glued(particles - 2) {
            return None;
        }
        // The first half is the listed person's only with their first name or initials
        // (`O. Smulders-Beex`, married since the list was made); `mr. K.A. Smulders-Beex` is
        // someone else, left to the other rules.
        let first_half = g.is_punct(after, '-')
            && g.glued(after - 1)
            && g.glued(after)
            && (g.is_cap(after + 1) || g.has(after + 1, class::PARTICLE));
        // Forward: first name or initials before the particles (`Jan de Vries`, `J. v.d.
        // Sluis`, `M de Jong`).
        if let Some(start) = self.given_or_initials_before(g, particles, p) {
            let written = written(g, start, particles);
            if first_half && !fits(p, written.as_ref()) {
                return None;
            }
            let start = academic_titles_before(g, start);
            return Some(self.mention(g, person, start, after, Form::Full, written, None));
        }
        if first_half {
            return None;
        }
        // Reversed: `Vries, Jeroen de`, `dos Santos, Thomas`, `Vries, J. de (Jan)`.
        if let Some(end) = self.reversed_tail(g, after, p) {
            let written = written(g, g.skip_wrap(after + 1), end);
            let form = Form::Reversed;
            return Some(self.mention(g, person, particles, end, form, written, None));
        }
        // EU style: `VAN DER MEER Jan-Willem`.
        if upper && let Some(end) = self.given_after(g, after, p) {
            let form = Form::Reversed;
            return Some(self.mention(g, person, particles, end, form, None, None));
        }
        // The surname alone, with its particles when they are written (`Van der Meer`).
        let start = academic_titles_before(g, particles);
        // `mail post 15-08 (Mulder)`: a staff member's surname alone in brackets notes who
        // wrote or holds it.
        let in_brackets = particles > 0
            && g.is_punct(particles - 1, '(')
            && g.is_punct(after, ')')
            && g.has(particles, shape::CAP | shape::UPPER)
            && !g.has(particles, class::PLACE | class::ORG);
        let context = contexts
            .get(g, particles, after, p.distinctive_surname)
            .or_else(|| title_before(g, particles).then_some("after a title or form of address"))
            .or_else(|| in_brackets.then_some("alone in brackets"));
        // `Het Bos`, `van het Hof`: the article before a word that is the surname of someone
        // listed without particles makes the word a noun.
        let article = written_particles
            .last()
            .is_some_and(|w| w == "het" || w == "'t");
        if p.particles.is_empty()
            && article
            && (g.has(t, class::WORD) || lexicon::is_dutch_word(g.folded(t)))
            && !title_before(g, written_start)
        {
            return None;
        }
        // `Ten Boer`, `Den Bosch`, `Beek`: with other particles than the listed person's, or
        // none, a place's name is the place.
        if !title_before(g, written_start)
            && written_particles != p.particles
            && [written_start, t]
                .iter()
                .any(|&from| GAZETTEER.is(&fold(g.text_of_tokens(from, after)), class::PLACE))
        {
            return None;
        }
        // `Brand uitgebroken`: the word opening a sentence, not the staff member.
        let toks = g.tokens();
        if context.is_none()
            && particles == t
            && crate::resolve::word_opening_a_sentence(g.text(), toks[t].start, toks[after - 1].end)
        {
            return None;
        }
        let strength = if context.is_some()
            || (particles == t
                && (p.distinctive_surname
                    || person::capitalised_as_a_name(g, t)
                    || person::listed_word_as_name(g, t)))
            || (particles < t && g.is_cap(particles))
        {
            // The context says so, or the word can only be a name here: no other meaning,
            // capitalised where a word would not be, or after capitalised particles (`Van
            // Zwolle`).
            Strength::Strong
        } else {
            Strength::Weak
        };
        let mut m = self.mention(g, person, start, after, Form::Surname, None, context);
        m.strength = strength;
        Some(m)
    }

    /// The listed person's first name at `t`, with the initials of the surname after it
    /// (`Eva S.`, `Jan-Willem vdM`), or alone.
    fn given_at(
        &self,
        g: &Grammar,
        t: usize,
        person: usize,
        contexts: &mut Contexts,
    ) -> Option<Mention> {
        let p = &self.people[person];
        if !(g.is_cap(t) || g.has(t, shape::UPPER)) {
            return None;
        }
        let after = match_words(g, t, &p.given)?;
        // `Karel Doormanpad`: a street named after someone else.
        if g.spaced(after - 1) && g.is_cap(after) && lexicon::is_street_name(g.folded(after)) {
            return None;
        }
        // The surname follows: the surname hit reads the whole name.
        let particles_end = skip_particles(g, after, false);
        if match_words(g, particles_end, &p.surname).is_some() {
            return None;
        }
        if g.spaced(after - 1)
            && let Some(end) = surname_initials_at(g, after, p)
        {
            return Some(self.mention(g, person, t, end, Form::Full, None, None));
        }
        // A first name at the start of a clause before any verb is a person (`Mark zit
        // erop`): as a noun it would take an article.
        let context = contexts.get(g, t, after, true);
        let strength =
            if context.is_some() || p.distinctive_given || person::capitalised_as_a_name(g, t) {
                Strength::Strong
            } else {
                Strength::Weak
            };
        let mut m = self.mention(g, person, t, after, Form::Given, None, context);
        m.strength = strength;
        Some(m)
    }

    /// The listed person's clipped first name: the word at `t`, ending at byte `end`, in
    /// capitals or capitalised. It names them by itself where its place says a person is
    /// meant (`dank Yas`, a chat's sender); elsewhere only if they are named in full.
    fn clipped_at(
        &self,
        g: &Grammar,
        t: usize,
        end: usize,
        person: usize,
        contexts: &mut Contexts,
    ) -> Option<Mention> {
        if !(g.is_cap(t) || g.has(t, shape::UPPER)) || g.tokens()[t].end != end {
            return None;
        }
        let context = contexts.get(g, t, t + 1, true);
        let mut m = self.mention(g, person, t, t + 1, Form::Given, None, context);
        if context.is_none() {
            m.strength = Strength::Weak;
        }
        Some(m)
    }

    /// A mention of listed person `person` by the initials at token `t`, if they are the
    /// person's: what the hit reads as is read once for everyone who shares the letters
    /// (see [`InitialsHit`]).
    fn initials_at(
        &self,
        g: &Grammar,
        t: usize,
        person: usize,
        contexts: &mut Contexts,
    ) -> Option<Mention> {
        let hit = contexts
            .initials
            .get_or_insert_with(|| InitialsHit::read(g, t))
            .as_ref()?;
        let p = &self.people[person];
        let w = hit.letters.as_str();
        if !p.initials.iter().any(|i| {
            i == w
                || (!hit.dotted && upper_case_of(i, w) && i.chars().count() > 2)
                || ((hit.dated || hit.signed) && upper_case_of(w, i))
        }) {
            return None;
        }
        let next = hit.next;
        let strength = match contexts.initials_strength {
            Some(strength) => strength,
            None => {
                let strength = self.initials_strength(g, t, contexts);
                contexts.initials_strength = Some(strength);
                strength
            }
        }?;
        let context = contexts.get(g, t, next, true);
        let mut m = self.mention(g, person, t, next, Form::InitialsOnly, None, context);
        m.strength = strength;
        Some(m)
    }

    /// How strongly the initials at a hit stand for a person, whoever bears them; `None`
    /// when they define an acronym.
    fn initials_strength(
        &self,
        g: &Grammar,
        t: usize,
        contexts: &mut Contexts,
    ) -> Option<Strength> {
        let hit = contexts.initials.clone().flatten()?;
        if defines_acronym(g, t) {
            return None;
        }
        let (w, next, dotted) = (hit.letters.as_str(), hit.next, hit.dotted);
        let mixed = w.chars().any(char::is_lowercase);
        let letters = w.chars().count();
        let folded = fold(w);
        let acronym = GAZETTEER.is(&folded, class::ORG | class::NOT_NAME | class::PLACE)
            || (!dotted && g.has(t, class::WORD) && among_capital_words(g, t))
            || super::grammar::NAMED_ABBREVIATIONS.contains(&folded.as_str())
            // `MS Teams`, `MS Word`: a maker before its product.
            || (g.is_cap(next)
                && g.word_in(next, &["teams", "word", "excel", "office", "outlook", "access"]));
        // A note's initials may be a public official's as well as a staff member's: then
        // they are no one's for sure. An organisation is talked with as a person is (`ik bel
        // met EZ`).
        let organisation = GAZETTEER.is(&folded, class::ORG);
        let context = contexts.get(g, t, next, true).filter(|&c| {
            !(c == person::SIGNS_A_NOTE && self.public_initials.contains(&folded)
                || c == person::PARTY && organisation)
        });
        // Capitals alone are an acronym as often as initials (`SBO`): a person's context,
        // particle letters (`JdV`), dots (`T.W.`), or capitals that no list knows as anything
        // else and the text does not use as an organisation (`bij YEK`, `SO informeren`)
        // make them a person's.
        let unused = letters >= 2
            && !acronym
            && !self.public_initials.contains(&folded)
            // `OLO 7733912`: a code before a number is a reference.
            && g.tokens().get(next).is_none_or(|n| n.kind != crate::names::token::Kind::Number)
            // `DB-besluit`, `MK-UIT-2024-0061`: part of a compound or a code.
            && !(g.is_punct(next, '-') && g.glued(next - 1))
            && !(t > 0 && g.is_punct(t - 1, '-') && g.glued(t - 1))
            // `2025.0031/SV/mk`: a reference's letters.
            && !g.in_numbered_code(t)
            && !crate::names::context::used_as_organisation(g, w);
        // A staff member's initials a matter is handed on to (`doorgeven aan DJH`), where
        // the letters are no organisation's.
        let handed = !acronym && person::handed_on_to(g, t);
        Some(
            if context.is_some() || mixed || unused || hit.dated || handed || hit.signed {
                Strength::Strong
            } else {
                Strength::Weak
            },
        )
    }

    /// An account name of listed person `person` over the tokens from `t` to byte `end`
    /// (`r.groen`): whole tokens only, not followed by `@` (an e-mail address is the
    /// e-mail detector's).
    fn account_at(&self, g: &Grammar, t: usize, end: usize, person: usize) -> Option<Mention> {
        let toks = g.tokens();
        let next = toks.partition_point(|tok| tok.start < end);
        if next == 0 || toks[next - 1].end != end || g.is_punct(next, '@') {
            return None;
        }
        // Part of an e-mail address or of a longer account (`x.t.maas`, `t.maas.nl`): the
        // e-mail detector's business, or someone else's.
        let joiner = |k: usize| ['.', '_', '-', '@'].iter().any(|&c| g.is_punct(k, c));
        let joined_before = t > 1 && joiner(t - 1) && g.glued(t - 1) && g.glued(t - 2);
        // A full stop that ends the sentence or line joins nothing (`door e.asante.`).
        let joined_after =
            joiner(next) && g.glued(next - 1) && g.glued(next) && g.word(next + 1).is_some();
        if joined_before || joined_after {
            return None;
        }
        let mut m = self.mention(g, person, t, next, Form::Full, None, None);
        m.evidence = "account name of a person in the staff directory".into();
        Some(m)
    }

    /// A mention of listed person `person` at tokens `[start, next)`. `written` is the first
    /// name or initials the text gives (`None` when it gives neither, or gives the listed
    /// first name): a different one names someone else with the same surname, who is still a
    /// person but not this one.
    #[allow(clippy::too_many_arguments)]
    fn mention(
        &self,
        g: &Grammar,
        person: usize,
        start: usize,
        next: usize,
        form: Form,
        written: Option<Written>,
        context: Option<&'static str>,
    ) -> Mention {
        let p = &self.people[person];
        let toks = g.tokens();
        let (given, initials) = match &written {
            Some(Written::Given(gv)) => (Some(gv.clone()), None),
            Some(Written::Initials(i)) => (None, Some(i.clone())),
            None if form == Form::InitialsOnly => (
                None,
                Some((start..next).filter_map(|k| g.word(k)).map(fold).collect()),
            ),
            // A surname alone says nothing of the first name.
            None if form == Form::Surname => (None, None),
            None => (p.key.given.clone(), None),
        };
        let fits = fits(p, written.as_ref());
        let evidence: Cow<'static, str> = match (fits, p.public, context) {
            (false, _, _) => "listed surname with another first name or initials".into(),
            (true, true, _) => PUBLIC.into(),
            (true, false, Some(c)) => format!("staff directory, {c}").into(),
            (true, false, None) => "staff directory".into(),
        };
        Mention {
            parse: NameParse {
                start: toks[start].start,
                end: toks[next - 1].end,
                next,
                form,
                given,
                initials,
                surname: if form == Form::Given || form == Form::InitialsOnly {
                    None
                } else {
                    p.key.surname.clone()
                },
            },
            strength: Strength::Strong,
            rule: "name.directory",
            evidence,
            staff: (fits && !p.public).then_some(person),
        }
    }

    /// Where a first name or initials start before the particles at `at` (exclusive end), if
    /// they do: the listed first name, another known first name, or initials in any usual
    /// writing (`J.`, `J. Th.`, `A.B.`, `A-B`, `M-L.`, `JW`, `M`).
    fn given_or_initials_before(&self, g: &Grammar, at: usize, p: &Listed) -> Option<usize> {
        let mut last = at.checked_sub(1)?;
        // A name wrapped over a line end, also in a quoted reply: `Femke` / `> Arnhem`,
        // `(Thomas` / `   Maas`.
        let mut k = last;
        while k > 0 && g.is_punct(k, '>') {
            k -= 1;
        }
        if g.is_line_end(k) && k > 0 && g.wraps(k - 1) {
            last = k - 1;
        }
        if !(g.spaced(last) || g.wraps(last)) {
            return None;
        }
        // The listed first name, possibly hyphenated (`Jan-Willem`).
        let n = p.given.len();
        if n > 0 && last + 1 >= 2 * n - 1 {
            let first = last + 1 - (2 * n - 1);
            if match_words(g, first, &p.given) == Some(last + 1) {
                return Some(first);
            }
        }
        if g.word(last).is_some() && g.is_cap(last) && g.has(last, class::FIRST_NAME) {
            return Some(hyphenated_start(g, last));
        }
        initials_before(g, at)
    }

    /// The end of a reversed name's tail after the surname (token `after` is the comma):
    /// a first name or initials, particles, a first name in brackets.
    fn reversed_tail(&self, g: &Grammar, after: usize, p: &Listed) -> Option<usize> {
        if !(g.is_punct(after, ',') && (g.spaced(after) || g.wraps(after))) {
            return None;
        }
        let start = g.skip_wrap(after + 1);
        // Initials must be the person's (`Dam, P. de` is not Anouk van Dam).
        let first_letter = p.given.first().and_then(|w| w.chars().next());
        let own_initials = |k: usize| {
            g.word(k)
                .and_then(|w| w.chars().next())
                .is_some_and(|c| first_letter.is_none_or(|f| fold(&c.to_string()).starts_with(f)))
        };
        let mut end = if let Some(e) = match_words(g, start, &p.given) {
            e
        } else if let Some((e, _)) = g.initials(start, false).filter(|_| own_initials(start)) {
            e
        } else if g.is_cap(start) && g.has(start, class::FIRST_NAME) && !self.next_in_list(g, start)
        {
            start + 1
        } else {
            return None;
        };
        // Trailing particles: `Meer, Jan-Willem van der`, of a surname that has them or
        // closing the name (not the `op` of `Hagedoorn, Tim op 19-05`).
        let particles = skip_particles(g, end, true);
        let closes = g
            .tokens()
            .get(particles)
            .is_none_or(|t| !matches!(t.kind, Kind::Word | Kind::Number));
        if particles > end && g.spaced(end - 1) && (!p.particles.is_empty() || closes) {
            end = particles;
        }
        // `(Jan)` after initials.
        if g.is_punct(end, '(')
            && let Some(e) = match_words(g, end + 1, &p.given)
            && g.is_punct(e, ')')
        {
            end = e + 1;
        }
        Some(end)
    }

    /// Whether token `k`, after a comma, is the next listed person's surname in a list that
    /// goes on or closes (`Mertens, Claassen, Yıldız,`, `(De Koning, Bouzid)`) rather than a
    /// first name.
    fn next_in_list(&self, g: &Grammar, k: usize) -> bool {
        let folded = g.folded(k);
        [',', ')', ';'].iter().any(|&c| g.is_punct(k + 1, c))
            && self
                .people
                .iter()
                .any(|q| q.surname.first().is_some_and(|s| s == folded))
    }

    /// The end of the listed first name right after `at` (EU style: surname first).
    fn given_after(&self, g: &Grammar, at: usize, p: &Listed) -> Option<usize> {
        if !g.spaced(at.checked_sub(1)?) {
            return None;
        }
        match_words(g, at, &p.given)
    }
}

impl Listed {
    /// A name as written in a list: `Jan-Willem van der Meer`, `Evert Jan ten Brinke`,
    /// `Meer, Jan-Willem van der`.
    fn parse(name: &str, public: bool) -> Option<Listed> {
        let key = PersonKey::from_list_name(name)?;
        let name = name.trim();
        // `Surname, Given particles` → `Given particles Surname`.
        let written = match name.split_once(',') {
            Some((surname, rest)) => format!("{} {}", rest.trim(), surname.trim()),
            None => name.to_string(),
        };
        let words: Vec<&str> = written.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        // The first name runs to the first particle after it (`Evert Jan ten Brinke`), or is
        // the first word.
        let first_particle = (1..words.len()).find(|&k| is_particle(&fold(words[k])));
        let given_end = match first_particle {
            Some(k) if k < words.len() - 1 => k,
            _ => 1,
        };
        let given: Vec<String> = words[..given_end]
            .iter()
            .flat_map(|w| w.split('-'))
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        let mut rest = &words[given_end..];
        let mut particles = Vec::new();
        while rest.len() > 1 && is_particle(&fold(rest[0])) {
            particles.push(fold(rest[0]));
            rest = &rest[1..];
        }
        let surname: Vec<String> = rest
            .iter()
            .flat_map(|w| w.split('-'))
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        if surname.is_empty() {
            return None;
        }
        let only_a_name =
            |w: &str| !GAZETTEER.is(w, NOT_ONLY_A_NAME) && !super::lexicon::is_dutch_word(w);
        let distinctive_surname = surname
            .iter()
            .filter(|w| !is_particle(w))
            .all(|w| only_a_name(w));
        // A compound first name (`Jan-Willem`) is no word, whatever its parts are.
        let distinctive_given = match given.len() {
            0 => false,
            1 => only_a_name(&given[0]),
            _ => true,
        };
        let initials = derived_initials(&given, &particles, &surname);
        Some(Listed {
            key,
            public,
            given,
            particles,
            surname,
            initials,
            distinctive_surname,
            distinctive_given,
        })
    }
}

/// The answers of [`person::context`] at one directory hit: every listed person who shares
/// the hit's word asks it (a common first name is shared by dozens in a large directory), and
/// the place reads the same for each.
///
/// It also holds what initials at the hit read as ([`InitialsHit`]) and how strongly they
/// stand for a person, asked once for everyone who shares the letters.
#[derive(Default)]
struct Contexts {
    answers: Vec<(ContextQuestion, Option<&'static str>)>,
    initials: Option<Option<InitialsHit>>,
    initials_strength: Option<Option<Strength>>,
}

/// Initials at a directory hit as they read, whoever bears them.
#[derive(Clone)]
struct InitialsHit {
    /// The letters, unaccented (listed names are kept folded, so `AÖ` is compared as `AO`);
    /// dotted initials (`T.W.`, `F.v.A.`) as their letters.
    letters: String,
    /// The token after them.
    next: usize,
    dotted: bool,
    /// Beside a short date, or a log's writer: a paraaf in whatever case it is written.
    dated: bool,
    /// Signed in lower case at a note's end.
    signed: bool,
}

impl InitialsHit {
    /// The initials at token `t`; `None` for a word in lower case before a date.
    fn read(g: &Grammar, t: usize) -> Option<InitialsHit> {
        let (w, next) = match g.initials(t, true) {
            Some((next, _)) if next > t + 2 => {
                let letters: String = (t..next).step_by(2).filter_map(|k| g.word(k)).collect();
                (Cow::Owned(letters), next)
            }
            _ => (Cow::Borrowed(g.word(t)?), t + 1),
        };
        let dotted = next > t + 1;
        let letters = crate::fold::unaccented(w.as_ref()).into_owned();
        let w = letters.as_str();
        // `op 10-03`, `ma 16-8`, `en 4/12`: a word in lower case before a date is the
        // sentence's word or a weekday, not a paraaf (`lb 14/1`, `pr 5/4`).
        if !dotted && w.chars().all(char::is_lowercase) && WORDS_BEFORE_A_DATE.contains(&w) {
            return None;
        }
        // Initials beside a short date are a paraaf (`lb 14/1`, `26/9 fb`, `(LB, 05-11)`),
        // in whatever case they were written.
        let dated = date_at(g, next)
            || (g.is_punct(next, ',') && date_at(g, next + 1))
            || date_before(g, t)
            || logged(g, t, next);
        let signed = !dotted && signed_in_lower_case(g, t, w);
        Some(InitialsHit {
            letters,
            next,
            dotted,
            dated,
            signed,
        })
    }
}

/// The arguments of [`person::context`] besides the grammar: first and next token, weak verbs.
type ContextQuestion = (usize, usize, bool);

impl Contexts {
    fn get(&mut self, g: &Grammar, first: usize, next: usize, weak: bool) -> Option<&'static str> {
        let key = (first, next, weak);
        if let Some(&(_, answer)) = self.answers.iter().find(|(k, _)| *k == key) {
            return answer;
        }
        let answer = person::context(g, first, next, weak);
        self.answers.push((key, answer));
        answer
    }
}

/// Whether the capitals in brackets at token `t` spell the capitalised words before them:
/// an acronym being defined (`Pieter Jansen Holding (PJH)`, `Centraal Orgaan opvang
/// Asielzoekers (COA)`), not a person's initials.
fn defines_acronym(g: &Grammar, t: usize) -> bool {
    let Some(w) = g.word(t) else { return false };
    if t < 2 || !g.is_punct(t - 1, '(') || !g.is_punct(t + 1, ')') {
        return false;
    }
    let mut firsts: Vec<char> = Vec::new();
    let mut k = t - 1;
    // A few words back at most (a document may be one long line), with small words between.
    let stop = k.saturating_sub(3 * w.chars().count() + 3);
    while k > stop && firsts.len() < w.chars().count() && !g.is_line_end(k - 1) {
        k -= 1;
        if let Some(word) = g.word(k).filter(|_| g.is_cap(k)) {
            firsts.extend(word.chars().next());
        }
    }
    firsts.reverse();
    firsts.len() == w.chars().count()
        && firsts
            .iter()
            .zip(w.chars())
            .all(|(a, b)| a.to_uppercase().eq(b.to_uppercase()))
}

/// Whether the word nearest before or after token `t` on its line is a word written in
/// capitals (`WIJ ZIJN DE BOS`): capitals that spell a word are that word in a line that
/// shouts, and initials in a sentence (`SO informeren`, `KB"]`).
fn among_capital_words(g: &Grammar, t: usize) -> bool {
    let capital_word =
        |k: usize| g.has(k, shape::UPPER) && g.has(k, class::WORD) && g.str(k).chars().count() >= 2;
    let before = (t.saturating_sub(4)..t)
        .rev()
        .take_while(|&k| !g.is_line_end(k))
        .find(|&k| g.word(k).is_some());
    let after = (t + 1..t + 5)
        .take_while(|&k| !g.is_line_end(k))
        .find(|&k| g.word(k).is_some());
    before.is_some_and(capital_word) || after.is_some_and(capital_word)
}

/// Whether a short date starts at token `k` (`14/1`, `05-11-2024`), after a space, or in
/// the next cell of a paraaf table's row (`gz        05-04-2024`, `| rm | 14-06-2024`).
fn date_at(g: &Grammar, k: usize) -> bool {
    let k = if g.is_punct(k, '|') || g.is_punct(k, '│') {
        k + 1
    } else {
        k
    };
    let apart = |i: usize| {
        let toks = g.tokens();
        i + 1 < toks.len() && {
            let gap = &g.text()[toks[i].end..toks[i + 1].start];
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t')
        }
    };
    k > 0 && apart(k - 1) && person::date_follows(g, k)
}

/// Whether a short date ends right before token `k` (`26/9 fb`).
fn date_before(g: &Grammar, k: usize) -> bool {
    k >= 3
        && g.spaced(k - 1)
        && (k - 3..k).all(|j| !g.is_line_end(j))
        && date_at(g, k - 3)
        && g.glued(k - 3)
        && g.glued(k - 2)
}

/// Whether the word from `t` to `next` is the second column of a log's line that opens
/// with a date (`10-01  EZ   dossier aangemaakt`, `05-06-2024  WH  verzoek aanvulling`): who
/// wrote the entry.
fn logged(g: &Grammar, t: usize, next: usize) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[0-9]{1,2}[-/.][0-9]{1,2}(?:[-/.](?:[0-9]{2}|[0-9]{4}))?$")
            .expect("log date pattern compiles")
    });
    /// A line that opens with a date, after a weekday's abbreviation or not (`za 22-07-2023
    /// 09:10-11:40  Markt …`).
    static DATED_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[a-z]{2}\.?\x20)?[0-9]{1,2}[-/.][0-9]{1,2}(?:[-/.](?:[0-9]{2}|[0-9]{4}))?\s",
        )
        .expect("dated line pattern compiles")
    });
    let toks = g.tokens();
    // Before a colon one space will do (`06-05-2024 SY: ontvangst bevestigd`).
    let colon = g.is_punct(next, ':');
    if t == 0 || !(g.column_gap(t - 1) || (colon && g.spaced(t - 1))) {
        return false;
    }
    let line_start = g.text()[..toks[t].start].rfind('\n').map_or(0, |n| n + 1);
    // The column right after the date, which opens the line or follows a version's number
    // (`v0.6  04-04-2025  MW  review`).
    let before = &g.text()[line_start..toks[t - 1].end];
    let cell = before
        .rsplit('\t')
        .next()
        .and_then(|c| c.trim_end().rsplit("  ").next())
        .unwrap_or(before)
        .trim();
    if (g.column_gap(next - 1) || colon) && DATE.is_match(cell) {
        return true;
    }
    if !g.column_gap(t - 1) {
        return false;
    }
    // The last column of a dated line (`… 06:14 vertrek man.      NB`), alone or with a
    // colleague's (`NB/BV`).
    let last = g.is_line_end(next)
        || (g.is_punct(next, '/') && g.glued(next - 1) && g.glued(next) && g.is_line_end(next + 2));
    last && DATED_LINE.is_match(&g.text()[line_start..toks[t].start])
}

/// Lower-case abbreviations of notes and mails that are no one's paraaf.
const NOTE_ABBREVIATIONS: &[&str] = &[
    "mvg", "gr", "grt", "grtn", "ivm", "mbt", "nav", "tav", "obv", "ipv", "evt", "mn", "oa", "ca",
    "dd", "zsm", "svp", "aub", "tzt", "vnl", "vgl", "mbv", "tbv", "nvt", "tbd", "cq", "ic", "mw",
    "dhr", "mr", "dr", "ir", "drs", "ing", "wrs", "ws", "bvd", "hgr", "lg", "ovb",
    // English words and Roman numerals of lists.
    "my", "me", "we", "us", "he", "it", "to", "of", "in", "on", "at", "an", "or", "as", "by", "be",
    "do", "go", "so", "no", "up", "ii", "iii", "iv", "vi", "vii", "ix", "xi", "xii",
];

/// Whether the lower-case letters `w` at `t` stand where a paraaf is written: at the end of
/// a line (`link gelegd hy`), in brackets of their own (`Opmerking JZ (jh)`) or before a
/// note's colon (`[noot jh: …]`). Words and the abbreviations of notes are not paraafs.
fn signed_in_lower_case(g: &Grammar, t: usize, w: &str) -> bool {
    let n = w.chars().count();
    if !(2..=3).contains(&n)
        || !w.chars().all(|c| c.is_ascii_lowercase())
        || lexicon::is_dutch_word(w)
        || g.has(t, class::FIRST_NAME | class::PARTICLE)
        || NOTE_ABBREVIATIONS.contains(&w)
        || WORDS_BEFORE_A_DATE.contains(&w)
        || super::grammar::NAMED_ABBREVIATIONS.contains(&w)
        || t == 0
        || !(g.spaced(t - 1) || g.is_punct(t - 1, '('))
    {
        return false;
    }
    let line_end = g.is_line_end(t + 1) && !g.is_line_end(t - 1);
    let bracketed = g.is_punct(t - 1, '(') && g.is_punct(t + 1, ')');
    let note = g.is_punct(t + 1, ':') && g.word_in(t - 1, &["noot", "opm", "opmerking"]);
    line_end || bracketed || note
}

/// Whether `upper` is `word.to_uppercase()`, without building it.
fn upper_case_of(word: &str, upper: &str) -> bool {
    word.chars().flat_map(char::to_uppercase).eq(upper.chars())
}

/// A compound first name's initials alone (`EJ` for Egbert-Jan Warners) are a weaker reading
/// than an official's initials with the surname's (`EJ` for Egbert Jalving): where they meet,
/// the capitals are the official's and the staff member keeps their other initials.
fn yield_given_initials_to_officials(people: &mut [Listed]) {
    let given_only = |p: &Listed| -> Option<String> {
        (p.given.len() >= 2).then(|| {
            p.given
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        })
    };
    let officials: std::collections::HashSet<String> = people
        .iter()
        .filter(|p| p.public)
        .flat_map(|p| {
            let own = given_only(p);
            p.initials
                .iter()
                .filter(move |i| Some(*i) != own.as_ref())
                .cloned()
                .collect::<Vec<_>>()
        })
        .collect();
    for p in people.iter_mut().filter(|p| !p.public) {
        if let Some(own) = given_only(p).filter(|g| officials.contains(g)) {
            p.initials.retain(|i| *i != own);
        }
    }
}

/// Initials a name is abbreviated to: the first letters of the first name's parts, of the
/// particles (lower or upper case) and of the surname's words. `Jan-Willem van der Meer`:
/// `JWvdM`, `JvdM`, `JWM`, `JM`, `JWVDM`, `JVDM`; `Fatima El Ahmadi`: `FEA`, `FA`.
pub(super) fn derived_initials(
    given: &[String],
    particles: &[String],
    surname: &[String],
) -> Vec<String> {
    let first = |w: &String| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
    };
    let givens: Vec<String> = given.iter().filter_map(first).collect();
    // `'t` gives its `t` (`PJvtH`).
    let parts: String = particles
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .collect();
    let family: String = surname
        .iter()
        .filter(|w| !is_particle(w))
        .filter_map(first)
        .collect();
    if givens.is_empty() || family.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let leads = [givens.concat(), givens[0].clone()];
    // The first two letters of a one-word surname also serve (`KBo` for K. Bos).
    let two: Option<String> = surname
        .iter()
        .find(|w| !is_particle(w))
        .filter(|_| family.chars().count() == 1)
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c.take(1)).collect())
                .unwrap_or_default()
        });
    // A double surname's first part alone (`MdW` for Marloes de Wit-Hagedoorn).
    let first_part: Option<String> = (family.chars().count() >= 2)
        .then(|| family.chars().next().map(String::from))
        .flatten();
    // A double surname with a particle inside, as written (`HMtH` for Hanneke Mulder-ter
    // Horst).
    let inner: Option<String> = surname
        .iter()
        .filter_map(|w| {
            let c = w.chars().find(|c| c.is_alphabetic())?;
            Some(if is_particle(w) {
                c.to_lowercase().collect::<String>()
            } else {
                c.to_uppercase().collect()
            })
        })
        .collect::<String>()
        .into();
    let inner = inner.filter(|i| i.to_uppercase() != *i && family.chars().count() >= 2);
    // A compound first name alone (`JW` for Jan-Willem).
    if givens.len() >= 2 {
        out.push(givens.concat());
    }
    let mids = [parts.clone(), parts.to_uppercase(), String::new()];
    for lead in leads.iter() {
        for mid in &mids {
            for tail in std::iter::once(&family)
                .chain(two.as_ref())
                .chain(first_part.as_ref())
                .chain(inner.as_ref())
            {
                let s = [lead.as_str(), mid, tail].concat();
                if s.chars().count() >= 2 && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
