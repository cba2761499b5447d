//! The decision: which mentions are removed and which stay readable, one decision per
//! person.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::grammar::{self, Form, Grammar, NameParse, shape};
use super::lexicon::{self, FastHash, GAZETTEER, class};
use super::lists::{extend_lists, strengthen_lists};
use super::offices::{self, Offices};
use super::people::People;
use super::{
    Mention, NameEngine, NameFindings, PersonKey, Strength, context, directory, orgs, person, token,
};
use crate::detect::Finding;
use crate::fold::{FoldedText, fold, unaccented};
use crate::policy::Category;
use crate::spans::Spans;

impl NameEngine {
    /// Decides which mentions are removed and which are protected.
    pub(super) fn decide(
        &self,
        g: &Grammar,
        folded: &FoldedText<'_>,
        mut mentions: Vec<Mention>,
        identify_only: bool,
    ) -> NameFindings {
        mentions.sort_by(|a, b| {
            a.parse
                .start
                .cmp(&b.parse.start)
                .then(b.parse.end.cmp(&a.parse.end))
                .then(b.strength.cmp(&a.strength))
        });
        let mut organisations = orgs::find(g);
        // The capitalised words of organisations' names (`Vigilant` of `Vigilant
        // Beveiliging`, `Dalen` of `Slachterij Van Dalen`). Not of the keep list's: its
        // entries are in every document, whoever else bears their words.
        let toks = g.tokens();
        let mut organisation_words: Vec<String> = Vec::new();
        for &(start, end) in &organisations {
            let first = toks.partition_point(|t| t.start < start);
            let words = (first..toks.len()).take_while(|&i| toks[i].end <= end);
            organisation_words.extend(
                words
                    .filter(|&i| g.is_cap(i))
                    .map(|i| g.folded(i).to_string()),
            );
        }
        organisations.extend(self.named_things(g, &mentions));
        organisations.sort_unstable();
        clear_organisations(g, &organisations, &mut mentions);
        mentions.retain(|m| !postal_or_code(g.text(), m.parse.start, m.parse.end));
        // Public officials: the list, and names in office-holder context. A surname or first
        // name alone that a public official shares is decided below, once we know who else
        // is named.
        let mut public = PublicHere {
            listed: &self.public,
            listed_initials: &self.public_initials,
            named: People::default(),
        };
        let mut protected: Vec<(usize, usize)> = Vec::new();
        let mut public_named: HashSet<String, FastHash> = HashSet::default();
        let offices = self
            .policy
            .keep_office_holders
            .then(|| Offices::find(folded));
        // Each mention's key, computed once (mentions added below get theirs then).
        let mut keys: Vec<PersonKey> = mentions.iter().map(|m| PersonKey::of(&m.parse)).collect();
        // An office named beside a person anywhere in the text makes every mention of that
        // person public (`Gedeputeerde Hoogerwerf-van Dam meldt …` keeps `M. Hoogerwerf-van
        // Dam` in the attendee list above), unless the mention has staff evidence.
        // A first name alone is nobody's office (`aan de wethouder, Eva checkt dat`): office
        // holders are named by their surname, also one that is a first name too in a list
        // after a plural title (`Kamerleden Stegeman en Yıldız`).
        let seatless = offices.as_ref().and_then(|o| o.without_seats());
        let in_office: Vec<bool> = mentions
            .iter()
            .map(|m| {
                let offices = match &seatless {
                    Some(seatless) if m.staff.is_some() => Some(seatless),
                    _ => offices.as_ref(),
                };
                offices.is_some_and(|o| {
                    (m.parse.form != Form::Given || o.after_plural_title(m.parse.start))
                        && o.around(m.parse.start, m.parse.end)
                })
            })
            .collect();
        let mut holders = offices.as_ref().map(|o| o.holders(g)).unwrap_or_default();
        if offices.is_some() {
            let members = offices::party_members(g);
            protected.extend(members.iter().map(|p| (p.start, p.end)));
            holders.extend(members);
        }
        let holder_forms = holders.iter().map(|p| (PersonKey::of(p), p.form));
        let office_forms = mentions
            .iter()
            .zip(&keys)
            .zip(&in_office)
            .filter(|(_, office)| **office)
            .map(|((m, key), _)| (key.clone(), m.parse.form));
        // Surnames of the officials and office holders named here: the batch remembers
        // nobody by them.
        let mut officials: Vec<String> = Vec::new();
        for (key, form) in holder_forms.chain(office_forms).collect::<Vec<_>>() {
            officials.extend(key.surname.clone());
            if key.surname.is_some() && !public.is(&key, form) {
                public.named.push(key);
            }
        }
        let mut written_officials: Vec<PersonKey> = Vec::new();
        for ((m, key), &office) in mentions.iter().zip(&keys).zip(&in_office) {
            // The directory reads a name as an official's only when it fits the official and
            // no staff member better (`JWa` for J. Wassenberg, `Anouk vd Heijden` for Anouk
            // van der Heijden-Smits).
            let listed = (public.is(key, m.parse.form)
                && (m.staff.is_none() || self.public.find(key).is_some()))
                || m.evidence == directory::PUBLIC;
            if office || (listed && !matches!(m.parse.form, Form::Surname | Form::Given)) {
                // An official's account stays readable with its domain (`LH\h.yildirim`),
                // which the domain-account rule would remove whole.
                let start = crate::detect::handle::domain_start(g.text(), m.parse.start);
                protected.push((start.unwrap_or(m.parse.start), m.parse.end));
                public_named.extend(key.surname.clone());
                // A listed official written with initials the list does not give (`drs.
                // H.J. Lammers` for Henk Lammers) signs with those (`HJL`) too.
                if listed && key.initials.is_some() && !office {
                    written_officials.push(key.clone());
                }
            }
        }
        for key in written_officials {
            public.named.push(key);
        }
        let owned = public_initials(g, &public, &mentions, &protected);
        protected.extend(owned);
        // Initials in brackets right after a public name are that person's (`Pieter van
        // Vliet (PvV)`), whoever else bears them.
        let text = g.text();
        let protected_ends: HashSet<usize, FastHash> = protected.iter().map(|&(_, e)| e).collect();
        let beside: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| m.parse.form == Form::InitialsOnly)
            .filter(|m| {
                let before = text[..m.parse.start].trim_end_matches([' ', '\t']);
                before.strip_suffix('(').is_some_and(|b| {
                    protected_ends.contains(&b.trim_end_matches([' ', '\t']).len())
                }) && text[m.parse.end..].starts_with(')')
            })
            .map(|m| (m.parse.start, m.parse.end))
            .collect();
        protected.extend(beside);
        let protected_spans = Spans::new(protected.clone());
        // Lists of people: a member next to someone removed is removed too; public
        // officials and office holders vouch for nobody.
        let anchors: Vec<bool> = mentions
            .iter()
            .map(|m| {
                m.strength == Strength::Strong
                    && m.evidence != directory::PUBLIC
                    && !protected_spans.overlaps(m.parse.start, m.parse.end)
            })
            .collect();
        strengthen_lists(g, &mut mentions, &anchors);
        // A form's `Voornaam:` or `Achternaam:` names the form's subject, not an official.
        let shares_public_name = |m: &Mention, key: &PersonKey| {
            matches!(m.parse.form, Form::Surname | Form::Given)
                && m.rule != "name.field"
                && public.is(key, m.parse.form)
        };
        // People: identified by strong mentions, in reading order.
        let mut people = People::default();
        for (m, key) in mentions.iter().zip(&keys) {
            let identifies = m.strength == Strength::Strong
                && !matches!(m.parse.form, Form::InitialsOnly | Form::Part);
            if identifies
                && !protected_spans.covers(m.parse.start, m.parse.end)
                && !shares_public_name(m, key)
            {
                people.add(key);
            }
        }
        // Who is who is known now: enough for what the text tells the rest of its batch.
        if identify_only {
            return NameFindings {
                people: surnamed(&people),
                office_words: office_words(&officials, &public_named),
                public_words: public_words(officials, organisation_words, public_named),
                office_holders: named_in_full(&public.named),
                ..NameFindings::default()
            };
        }
        // Lists again, now that a member may be someone identified elsewhere in the text
        // (`Actie: Aalbers / Kuipers / Mulder`, after `mw. W. Aalbers` in the attendee list).
        let anchors: Vec<bool> = mentions
            .iter()
            .zip(&keys)
            .map(|(m, k)| {
                (m.strength == Strength::Strong
                    || (person_shaped(g, &m.parse)
                        && m.parse.form != Form::InitialsOnly
                        && people.find(k).is_some()))
                    && m.evidence != directory::PUBLIC
                    && !protected_spans.overlaps(m.parse.start, m.parse.end)
            })
            .collect();
        strengthen_lists(g, &mut mentions, &anchors);
        // Mentions of identified people found by searching for their names, and lists that
        // go on past them.
        let before = mentions.len();
        extend_lists(g, &organisations, &protected_spans, &mut mentions);
        identified_initials(
            g,
            &people,
            &self.known.initials,
            &protected_spans,
            &mut mentions,
        );
        identified_accounts(
            g,
            &people,
            &self.known.accounts,
            &protected_spans,
            &mut mentions,
        );
        let remembered = &self.known.surnames;
        propagation_mentions(g, &people, remembered, &organisation_words, &mut mentions);
        super::extend_by_generation(g, &mut mentions[before..]);
        initials_after_names(g, &mut mentions);
        keys.extend(mentions[before..].iter().map(|m| PersonKey::of(&m.parse)));
        let mut chosen: Vec<(usize, usize, &'static str, Cow<'static, str>, usize)> = Vec::new();
        // Spans the staff directory reads as a staff member's name.
        let staff_spans: HashSet<(usize, usize), FastHash> = mentions
            .iter()
            .filter(|m| m.staff.is_some())
            .map(|m| (m.parse.start, m.parse.end))
            .collect();
        let staff_linked: Vec<bool> = mentions.iter().map(|m| m.staff.is_some()).collect();
        // Spans some rule reads as a relative's (`mijn vrouw Ilse`, `echtgenote Ilse`).
        let relative_spans: HashSet<(usize, usize), FastHash> = mentions
            .iter()
            .filter(|m| m.evidence == crate::names::person::RELATIVE)
            .map(|m| (m.parse.start, m.parse.end))
            .collect();
        // The staff members named here with a first name or initials: a surname alone that
        // one of them shares with an official may be theirs.
        let staff_in_full: HashSet<usize, FastHash> = mentions
            .iter()
            .filter(|m| matches!(m.parse.form, Form::Full | Form::Initials | Form::Reversed))
            .filter_map(|m| m.staff)
            .collect();
        // The words of the text, folded, built when first asked for.
        let mut document_words: Option<HashSet<&str, FastHash>> = None;
        for (index, m) in mentions.into_iter().enumerate() {
            // The mentions found before `before` were checked for postcodes and codes above.
            if protected_spans.covers(m.parse.start, m.parse.end)
                || (index >= before && postal_or_code(g.text(), m.parse.start, m.parse.end))
            {
                continue;
            }
            // `Wil je dat melden?`, `Dan kunt u bellen`: the word, not Wil or Dan.
            let last = m.parse.next - 1;
            if g.tokens()[last].start == m.parse.start
                && (super::person::function_word_opening_a_clause(g, last)
                    || super::person::colour_of_a_scale(g, last)
                    || (m.staff.is_none() && super::person::names_a_time(g, last))
                    || crate::resolve::time_before_a_year(g.text(), m.parse.start, m.parse.end))
            {
                continue;
            }
            // A mention found by propagation may stand in an office holder's place too
            // (`Wolters (CU)`).
            if index >= before
                && offices
                    .as_ref()
                    .is_some_and(|o| o.around(m.parse.start, m.parse.end))
            {
                protected.push((m.parse.start, m.parse.end));
                continue;
            }
            let key = &keys[index];
            // A surname alone shared with a public official stays readable when that official
            // is named here, or when nobody else with that surname is; a first name alone
            // when nobody else with that first name is.
            // A staff member bears the name too: when in doubt, remove, unless the staff
            // member is not named here and the official is (`de heer Minderhoud` in minutes
            // that list `B. Minderhoud (SGP)`). So does a relative (`mijn man Wim`): nobody
            // writes of an official that way.
            let staff_absent = m.parse.form == Form::Surname
                && m.staff.is_some_and(|s| !staff_in_full.contains(&s));
            if shares_public_name(&m, key)
                && (m.staff.is_none() || staff_absent)
                && !relative_spans.contains(&(m.parse.start, m.parse.end))
            {
                let (official_named, other_named) = if m.parse.form == Form::Surname {
                    let official = key
                        .surname
                        .as_ref()
                        .is_some_and(|s| public_named.contains(s));
                    let other =
                        people.find_by(key, |p, k| p.surname.is_some() && p.surname == k.surname);
                    (official, other.is_some())
                } else {
                    // The official counts as named when their surname is; a staff member
                    // the directory reads here bears the first name too.
                    let words = document_words.get_or_insert_with(|| {
                        (0..g.tokens().len())
                            .filter(|&i| g.word(i).is_some())
                            .map(|i| g.folded(i))
                            .collect()
                    });
                    let official = self
                        .public
                        .keys()
                        .iter()
                        .filter(|p| p.given.is_some() && p.given == key.given)
                        .filter_map(|p| p.surname.as_deref())
                        .any(|s| {
                            public_named.contains(s) || s.split(' ').all(|w| words.contains(w))
                        });
                    let other = people
                        .find_by(key, |p, k| p.given.is_some() && p.given == k.given)
                        .is_some()
                        || staff_spans.contains(&(m.parse.start, m.parse.end));
                    (official, other)
                };
                if official_named || (!other_named && m.staff.is_none()) {
                    protected.push((m.parse.start, m.parse.end));
                    continue;
                }
            }
            // An office holder that another document of the batch names with the same
            // initials or first name (`mr. H.W. Tange` in the objections committee's advice,
            // then in the hearing's invitation), where the directory reads no staff member.
            if matches!(m.parse.form, Form::Initials | Form::Full | Form::Reversed)
                && m.staff.is_none()
                && key.surname.is_some()
                && self
                    .known
                    .office_holders
                    .find_by(key, |p, k| {
                        p.surname == k.surname
                            && (p.initials.is_some() && p.initials == k.initials
                                || p.given.is_some() && p.given == k.given)
                    })
                    .is_some()
            {
                protected.push((m.parse.start, m.parse.end));
                continue;
            }
            // A surname alone that other documents of the batch show as an official's or an
            // office holder's (`De heer Roozendaal (PVV)` in the council's minutes) is theirs
            // here too, unless the directory reads it or someone here bears it in full.
            if m.parse.form == Form::Surname
                && m.staff.is_none()
                && key
                    .surname
                    .as_ref()
                    .is_some_and(|s| self.known.public_surnames.contains(s))
                && people
                    .find_by(key, |p, k| p.surname == k.surname && p.in_full())
                    .is_none()
            {
                protected.push((m.parse.start, m.parse.end));
                continue;
            }
            let (rule, evidence) = match m.strength {
                Strength::Strong => (m.rule, m.evidence),
                Strength::Weak
                    if m.parse.form != Form::InitialsOnly
                        && person_shaped(g, &m.parse)
                        && people.find(key).is_some() =>
                {
                    (
                        "name.propagated",
                        Cow::Borrowed("refers to a person identified elsewhere in the document"),
                    )
                }
                // Other documents of the batch vouch for a surname or a full name, not for a
                // first name alone.
                Strength::Weak
                    if !matches!(m.parse.form, Form::InitialsOnly | Form::Given)
                        && person_shaped(g, &m.parse)
                        && self.known.people.find(key).is_some() =>
                {
                    (
                        "name.propagated",
                        Cow::Borrowed("refers to a person identified in another document"),
                    )
                }
                Strength::Weak => continue,
            };
            // Academic titles go with the name (`mr. S.A. Verbrugge`); forms of address stay.
            let mut first = g.tokens().partition_point(|t| t.start < m.parse.start);
            // So do the particles of a surname alone written in lower case (`ten Dam`).
            if m.parse.form == Form::Surname {
                first = particles_before(g, first);
            }
            let start = g.tokens()[directory::academic_titles_before(g, first)].start;
            // So do initials a list writes after the surname (`Safi A.W.`, `Smit A,`).
            let end = match m.parse.form {
                Form::Surname => initials_after(g, m.parse.next).unwrap_or(m.parse.end),
                _ => m.parse.end,
            };
            chosen.push((start, end, rule, evidence, index));
        }
        // Number people in order of first removed mention; one finding per span, the staff
        // directory's reading first (its key names the listed person however written).
        chosen.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1), !staff_linked[c.4]));
        chosen.dedup_by_key(|c| (c.0, c.1));
        // A finding inside the one before is part of it (the removals merge): it numbers no
        // one of its own, and lends the outer one its staff reading's key (`Lin Tjoa` read by
        // the directory inside the chat speaker `Mei Lin Tjoa`).
        let mut outer: Vec<(usize, usize, &'static str, Cow<'static, str>, usize)> = Vec::new();
        for c in chosen {
            // Sorted by start, longest first: a finding inside another follows it.
            if let Some(last) = outer.last_mut()
                && c.1 <= last.1
            {
                if staff_linked[c.4] && !staff_linked[last.4] {
                    last.4 = c.4;
                }
                continue;
            }
            outer.push(c);
        }
        let mut numbered = People::default();
        let findings = outer
            .into_iter()
            .map(|(start, end, rule, evidence, index)| Finding {
                start,
                end: with_post_nominal(text, end),
                category: Category::Name,
                rule,
                evidence,
                person: Some(numbered.add(&keys[index]) + 1),
                ground: None,
            })
            .collect();
        protected.extend(organisations);
        NameFindings {
            findings,
            protected: protected.into_iter().map(|(s, e)| s..e).collect(),
            people: surnamed(&people),
            office_words: office_words(&officials, &public_named),
            public_words: public_words(officials, organisation_words, public_named),
            office_holders: named_in_full(&public.named),
        }
    }
}

/// The keys of `people` with initials or a first name.
fn named_in_full(people: &People) -> Vec<PersonKey> {
    people
        .keys()
        .iter()
        .filter(|k| k.in_full())
        .cloned()
        .collect()
}

/// Where the particles in lower case before the surname alone at token `i` start (`ten Dam`,
/// `el Amrani`, `van der Linden`), or `i`. Not a `van` or `de` alone, which are as often the
/// preposition or the article before the name (`de mail van Jansen`, `bij de Hema`).
fn particles_before(g: &Grammar, i: usize) -> usize {
    const PARTICLES: &[&str] = &[
        "van", "de", "den", "der", "ten", "ter", "da", "dos", "das", "du", "le", "la", "el", "al",
        "von", "zu", "di", "del", "della",
    ];
    // The particles that open a pair (`van der`, `de la`, `von der`).
    let opens_pair = |first: &str, second: &str| {
        matches!(
            (first, second),
            ("van", "de" | "der" | "den") | ("de", "la" | "le") | ("von", "der" | "dem")
        )
    };
    let mut start = i;
    while start > 0
        && g.is_lower(start - 1)
        && g.word_in(start - 1, PARTICLES)
        && g.spaced(start - 1)
        && (start == i || opens_pair(g.folded(start - 1), g.folded(start)))
    {
        start -= 1;
    }
    let ambiguous = start + 1 == i && matches!(g.folded(start), "van" | "de");
    if ambiguous { i } else { start }
}

/// The people identified, with a surname.
fn surnamed(people: &People) -> Vec<PersonKey> {
    let known = people.keys().iter().filter(|p| p.surname.is_some());
    known.cloned().collect()
}

/// The surnames of the officials and office holders named in a text and the words of its
/// organisations' names (`Erkan van Vigilant` is of `Vigilant Beveiliging`), sorted.
fn public_words(
    mut officials: Vec<String>,
    organisation_words: Vec<String>,
    public_named: HashSet<String, FastHash>,
) -> Vec<String> {
    officials.extend(organisation_words);
    officials.extend(public_named);
    officials.sort_unstable();
    officials.dedup();
    officials
}

/// The surnames of the officials and office holders named in a text, sorted.
fn office_words(officials: &[String], public_named: &HashSet<String, FastHash>) -> Vec<String> {
    let mut words: Vec<String> = officials.iter().chain(public_named).cloned().collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Initials of the public officials and office holders (`CH` for burgemeester C. Heemskerk,
/// `GJO` for wethouder G.J. Oosterveld) where they stand alone: they stay readable, unless a
/// staff member's initials read the same and the context points at that staff member.
fn public_initials(
    g: &Grammar,
    public: &PublicHere<'_>,
    mentions: &[Mention],
    protected: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let named: Vec<String> = public.named.keys().iter().flat_map(initials_of).collect();
    let wanted = |w: &str| public.listed_initials.contains(w) || named.iter().any(|n| n == w);
    if public.listed_initials.is_empty() && named.is_empty() {
        return Vec::new();
    }
    // Initials a staff member bears, or that the text gives beside the name of someone not
    // public (`Roos Brink (RB)`), are that person's wherever they stand, unless they follow
    // the official's own name on its line (`dr. R. Benali | DPG | RB`): when in doubt,
    // remove.
    let text = g.text();
    let protected = Spans::new(protected.to_vec());
    // Mentions by end, to find the one right before a place (bounded: a document may be one
    // long line).
    let mut by_end: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| (m.parse.end, m.parse.start))
        .collect();
    by_end.sort_unstable();
    let beside_public = |m: &Mention| {
        let i = by_end.partition_point(|&(e, _)| e <= m.parse.start);
        let Some(&(end, start)) = i.checked_sub(1).map(|k| &by_end[k]) else {
            return false;
        };
        // The nearest name before, on the same line (the name's cell of a table row).
        m.parse.start - end <= 200
            && !text[end..m.parse.start].contains('\n')
            && protected.overlaps(start, end)
    };
    let taken: HashSet<&str, FastHash> = mentions
        .iter()
        .filter(|m| m.parse.form == Form::InitialsOnly && m.strength == Strength::Strong)
        .filter(|m| (m.staff.is_some() || m.rule == "name.initials") && !beside_public(m))
        .map(|m| &text[m.parse.start..m.parse.end])
        .collect();
    let toks = g.tokens();
    (0..toks.len())
        .filter(|&i| g.has(i, shape::UPPER) && wanted(g.str(i)))
        .filter(|&i| !taken.contains(g.str(i)))
        .map(|i| (toks[i].start, toks[i].end))
        .collect()
}

/// Every abbreviation of a person's name (`JW`, `JWa`, `PAL`), from the first name and from
/// the initials; none without a surname.
pub(super) fn initials_of(k: &PersonKey) -> Vec<String> {
    let Some(surname) = &k.surname else {
        return Vec::new();
    };
    let surname: Vec<String> = surname.split(' ').map(str::to_string).collect();
    let given: Vec<String> = k
        .given
        .iter()
        .flat_map(|g| g.split(['-', ' ']))
        .map(str::to_string)
        .collect();
    let letters: Vec<String> = k
        .initials
        .iter()
        .flat_map(|i| i.chars())
        .map(String::from)
        .collect();
    let mut out = directory::derived_initials(&given, &[], &surname);
    out.extend(directory::derived_initials(&letters, &[], &surname));
    out
}

/// Account names of `people`, as systems log them (`kaarts` for Koen Aarts, `haddoun` for N.
/// Haddou): the initial and the surname run together, either way round, in lower case, six
/// letters or more and no Dutch word. The staff directory knows its members' accounts
/// already.
pub(super) fn account_names(people: &People) -> HashSet<String, FastHash> {
    let mut accounts: HashSet<String, FastHash> = HashSet::default();
    for k in people.keys() {
        let (Some(surname), Some(initial)) = (
            k.surname.as_deref(),
            k.initials
                .as_deref()
                .or(k.given.as_deref())
                .and_then(|i| i.chars().next()),
        ) else {
            continue;
        };
        let surname: String = surname.split(' ').collect();
        accounts.insert(format!("{initial}{surname}"));
        // Not with an `s` or `e` after it: that is the surname inflected (`Jonkers`, `zwarte`).
        if !matches!(initial, 's' | 'e') {
            accounts.insert(format!("{surname}{initial}"));
        }
    }
    accounts.retain(|a| a.chars().count() >= 6 && !crate::names::lexicon::is_dutch_word(a));
    accounts
}

/// The account names (see [`account_names`]) of the people identified in the text, or in
/// another document of the batch (`known`).
fn identified_accounts(
    g: &Grammar,
    people: &People,
    known: &HashSet<String, FastHash>,
    protected: &Spans,
    mentions: &mut Vec<Mention>,
) {
    let own = account_names(people);
    if own.is_empty() && known.is_empty() {
        return;
    }
    // Whole tokens in lower case, not part of an address (`kaarts@…`, `x.kaarts`); a full
    // stop that ends the sentence joins nothing.
    let joiner = |k: usize| g.is_punct(k, '@') || g.is_punct(k, '.') || g.is_punct(k, '_');
    for (i, t) in g.tokens().iter().enumerate() {
        let Some(w) = g.word(i) else { continue };
        let joined_before = i > 0 && g.glued(i - 1) && joiner(i - 1);
        let joined_after = g.glued(i) && joiner(i + 1) && g.glued(i + 1) && g.word(i + 2).is_some();
        if !g.is_lower(i)
            || !(own.contains(w) || known.contains(w))
            || joined_before
            || joined_after
            || protected.overlaps(t.start, t.end)
        {
            continue;
        }
        mentions.push(Mention {
            parse: NameParse {
                start: t.start,
                end: t.end,
                next: i + 1,
                form: Form::Part,
                given: None,
                initials: None,
                surname: None,
            },
            strength: Strength::Strong,
            rule: "name.account",
            evidence: "account name of a person named in the text".into(),
            staff: None,
        });
    }
}

/// Initials of the people identified in the text (`PAL` for P.A. Lindeboom, `KBo` for Karin
/// Bos), where they stand for a person: in a person's context (a speaker, a paraaf before a
/// date, a sign-off), or written in a way no abbreviation is (`JdV`, `KBo`). Initials of the
/// private people other documents of the batch identified count in those two ways only: a
/// market master's notes write `HtB` for the stallholder the letters name in full.
fn identified_initials(
    g: &Grammar,
    people: &People,
    batch_initials: &HashSet<String, FastHash>,
    protected: &Spans,
    mentions: &mut Vec<Mention>,
) {
    // The initials of the people this text identifies.
    let identified: HashSet<String, FastHash> =
        people.keys().iter().flat_map(initials_of).collect();
    if identified.is_empty() && batch_initials.is_empty() {
        return;
    }
    let toks = g.tokens();
    let taken = Spans::new(
        mentions
            .iter()
            .map(|m| (m.parse.start, m.parse.end))
            .collect(),
    );
    // Words written somewhere beside a number, a hyphen or an opening bracket: gathered
    // when first asked for.
    let code =
        |k: usize| toks.get(k).is_some_and(|t| t.kind == token::Kind::Number) || g.is_punct(k, '-');
    let mut coded: Option<HashSet<&str, FastHash>> = None;
    for (i, t) in toks.iter().enumerate() {
        let Some(w) = g.word(i) else { continue };
        // The people's names are kept folded, so `AÖ` is looked up as `AO`. A key leaves a
        // surname's particles out, so `HtB` is looked up as `HB`.
        let folded = unaccented(w);
        let particle_inside = w.chars().last().is_some_and(char::is_uppercase)
            && matches!(
                w.chars()
                    .filter(|c| c.is_lowercase())
                    .collect::<String>()
                    .as_str(),
                "v" | "vd" | "vdr" | "vh" | "vt" | "d" | "t"
            );
        let letters: Cow<str> = if particle_inside {
            folded
                .chars()
                .filter(|c| c.is_uppercase())
                .collect::<String>()
                .into()
        } else {
            folded
        };
        let here = identified.contains(letters.as_ref());
        if !here && !batch_initials.contains(letters.as_ref()) {
            continue;
        }
        let (s, e) = (t.start, t.end);
        if taken.overlaps(s, e) || protected.overlaps(s, e) || g.in_numbered_code(i) {
            continue;
        }
        let mixed = w.chars().skip(1).any(char::is_lowercase);
        let context = person::context(g, i, i + 1, true);
        // Capitals that are no abbreviation stand for the person named here (`JW` when
        // Jan-Willem van der Meer is named).
        let distinct = here
            && !g.has(i, class::ORG | class::NOT_NAME | class::PLACE | class::WORD)
            && !grammar::NAMED_ABBREVIATIONS.contains(&g.folded(i))
            && !context::used_as_organisation(g, w);
        if !(mixed || context.is_some() || distinct) {
            continue;
        }
        // Another document's person, or letters read past a particle: not letters this
        // text uses in a code or a name anywhere (`ABL 3980114`, `ABL-containers`,
        // `GW3455f`, `HENGELO (OV)`, `RvB-DW-2024`), nor a body's abbreviation (`CvB`).
        if (!here || particle_inside)
            && (g.has(i, class::ORG | class::PLACE)
                || grammar::NAMED_ABBREVIATIONS.contains(&g.folded(i))
                || coded
                    .get_or_insert_with(|| {
                        (1..toks.len())
                            .filter(|&k| code(k + 1) || code(k - 1) || g.is_punct(k - 1, '('))
                            .filter_map(|k| g.word(k))
                            .collect()
                    })
                    .contains(w))
        {
            continue;
        }
        let Some(parse) = g.initials_alone(i) else {
            continue;
        };
        mentions.push(Mention {
            parse,
            strength: Strength::Strong,
            rule: "name.initials",
            evidence: "initials of a person named in the text".into(),
            staff: None,
        });
    }
}

/// The end of initials written after a surname at token `next`, as lists and spreadsheets
/// write names (`Safi A.W.`, `Verbeek L /`, `Smit A,`): dotted initials, or one capital that
/// ends the phrase.
fn initials_after(g: &Grammar, next: usize) -> Option<usize> {
    if next == 0 || !g.spaced(next - 1) {
        return None;
    }
    let toks = g.tokens();
    if let Some((after, _)) = g.initials(next, false) {
        return Some(toks[after - 1].end);
    }
    let w = g.word(next)?;
    let capital = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    let closes = toks.get(next + 1).is_none_or(|t| {
        matches!(
            t.kind,
            token::Kind::Newline | token::Kind::Punct(',' | '/' | '|' | ';' | ')' | '(' | ':')
        )
    }) || (g.spaced(next) && g.is_punct(next + 1, '('));
    (capital && closes).then(|| toks[next].end)
}

impl NameEngine {
    /// Where the text names a keep-listed organisation by a short name, or a place of more
    /// than one word (`Peel en Maas`), that is nobody's surname here: the organisation's no
    /// listed or known person bears, and neither bears anyone named in full elsewhere in the
    /// text. A place's name is compared with the text alone, as a list's surname without its
    /// particles (`de Boer`) is not the place's (`Ten Boer`).
    fn named_things(&self, g: &Grammar, mentions: &[Mention]) -> Vec<(usize, usize)> {
        let named_in_full = |surname: &str, (start, end): (usize, usize)| {
            mentions.iter().any(|m| {
                // Not the mention of these words (`Mr. Liu van Huaxin`).
                let here = m.parse.start < end && start < m.parse.end;
                !here
                    && (m.parse.given.is_some() || m.parse.initials.is_some())
                    && m.parse.surname.as_deref() == Some(surname)
            })
        };
        let listed_or_known = |surname: &str| {
            let key = PersonKey {
                surname: Some(surname.to_string()),
                ..PersonKey::default()
            };
            [&self.staff, &self.public, &self.known.people]
                .iter()
                .any(|people| people.find(&key).is_some())
        };
        let mut found = self.organisations.find(g, |surname, at| {
            listed_or_known(surname) || named_in_full(surname, at)
        });
        found.extend(orgs::ThingNames::places().find(g, named_in_full));
        found
    }
}

/// Organisation names are no mentions of people: mentions inside one go, and a name that
/// runs into one ends before it (`Olaf van Kruispunt Advies` is Olaf, of Kruispunt Advies).
fn clear_organisations(g: &Grammar, organisations: &[(usize, usize)], mentions: &mut Vec<Mention>) {
    if organisations.is_empty() {
        return;
    }
    let spans = Spans::new(organisations.to_vec());
    // By start, each with its place in `organisations` (the first that a name runs into wins).
    let mut by_start: Vec<(usize, usize, usize)> = organisations
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| (s, e, i))
        .collect();
    by_start.sort_unstable();
    let toks = g.tokens();
    mentions.retain_mut(|m| {
        if spans.covers(m.parse.start, m.parse.end) {
            return false;
        }
        let (start, end) = (m.parse.start, m.parse.end);
        let from = by_start.partition_point(|o| o.0 <= start);
        let Some(&(org_start, _, _)) = by_start[from..]
            .iter()
            .take_while(|o| o.0 < end)
            .filter(|o| end <= o.1)
            .min_by_key(|o| o.2)
        else {
            return true;
        };
        // The last word before the organisation that is not a particle ends the name.
        let first = toks.partition_point(|t| t.start < m.parse.start);
        let Some(last) = (first..m.parse.next)
            .rev()
            .filter(|&k| toks[k].end <= org_start)
            .find(|&k| g.word(k).is_some() && !g.has(k, class::PARTICLE))
        else {
            return false;
        };
        m.parse.end = toks[last].end;
        m.parse.next = last + 1;
        if m.parse.form == Form::Full {
            m.parse.form = Form::Given;
            m.parse.surname = None;
        }
        true
    });
}

/// Whether `start..end` is part of a postal address or a code rather than a name: the
/// letters of a postcode (`2280 ML Rijswijk`, whoever has the initials `ML`), an English
/// post box (`P.O. Box 9090`), or capitals in a case number (`IV-03-B1`).
fn postal_or_code(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if name.starts_with("P.O. Box")
        || name.starts_with("P.O.Box")
        || (name == "P.O." && text[end..].starts_with(" Box"))
        || crate::resolve::part_of_a_code(text, start, end)
    {
        return true;
    }
    let letters = name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase());
    let before = text[..start].strip_suffix(' ').unwrap_or(&text[..start]);
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let number_start = before.len() - digits;
    // A year ending a date is no postcode (`06-05-2024 SY: …`).
    letters
        && digits == 4
        && !before[number_start..].starts_with('0')
        && !text[..number_start].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/')
}

/// Whether word `i` opens its line as a speaker's label, a colon right after it.
fn speaker_label(g: &Grammar, i: usize) -> bool {
    (i == 0 || g.tokens()[i - 1].kind == token::Kind::Newline)
        && g.is_punct(i + 1, ':')
        && g.glued(i)
}

/// Whether word `i` is a speaker's label in minutes: it opens its line, or follows the line's
/// bullet (`- Mulder:`), with a colon right after it.
fn listed_speaker(g: &Grammar, i: usize) -> bool {
    let opens_line = |k: usize| k == 0 || g.tokens()[k - 1].kind == token::Kind::Newline;
    let after_bullet =
        i >= 1 && ['-', '*', '•'].iter().any(|&c| g.is_punct(i - 1, c)) && opens_line(i - 1);
    (opens_line(i) || after_bullet) && g.is_punct(i + 1, ':') && g.glued(i)
}

/// Whether a mention is shaped like a person's name, so that it may refer to a person
/// identified elsewhere: a surname or first name alone that is also a common word, a place
/// or an organisation word (`Zwolle`, `Koning`, `Dam`) is not, unless capitalised particles
/// come with it (`Van Zwolle`).
fn person_shaped(g: &Grammar, p: &NameParse) -> bool {
    if !matches!(p.form, Form::Full | Form::Surname | Form::Given) {
        return true;
    }
    let first = g.tokens().partition_point(|t| t.start < p.start);
    if p.form == Form::Full {
        // `Perceel Verstegen`: a word capitalised only because it opens the sentence is no
        // first name before an identified surname.
        let word_opening_a_sentence = g.has(first, class::WORD)
            && !g.has(first, class::FIRST_NAME)
            && !person::capitalised_as_a_name(g, first);
        // `Heikantse Dijk`, `Lithse Ham`: a word in `-se` that is no first name is a place's
        // adjective, and the surname after it part of a place's name.
        let place_adjective = g.folded(first).ends_with("se") && !g.has(first, class::FIRST_NAME);
        return !(word_opening_a_sentence || place_adjective);
    }
    let words: Vec<usize> = (first..p.next).filter(|&k| g.word(k).is_some()).collect();
    let capital_particle = words
        .first()
        .is_some_and(|&k| g.has(k, lexicon::class::PARTICLE) && g.is_cap(k) && words.len() > 1);
    const OTHER_THAN_A_NAME: u16 =
        class::PLACE | class::ORG | class::NOT_NAME | class::FUNCTION | class::OFFICE;
    let name_words: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| !g.has(k, class::PARTICLE) && !g.surname_prefix(k))
        .collect();
    // A common word (`Koning`, `Kuipers`) is a name where it is capitalised as one, or
    // where it opens a sentence as its subject (`Dijkhuis excuseert zich`).
    let word_used_as_word = |k: usize| {
        g.has(k, class::WORD)
            && !person::capitalised_as_a_name(g, k)
            && !(person::sentence_start(g, k) && person::subject_of_a_verb(g, k))
            // Alone in brackets after a name or organisation (`Erwin (Stam)`,
            // `Witteveen+Bos (Groen)`).
            && !(k > 0 && g.is_punct(k - 1, '(') && g.is_punct(k + 1, ')') && g.glued(k))
            // A speaker's label opening a line (`Hoefnagels: zegt dat …`).
            && !speaker_label(g, k)
    };
    capital_particle
        || !name_words.iter().any(|&k| {
            g.has(k, OTHER_THAN_A_NAME) || (name_words.len() == 1 && word_used_as_word(k))
        })
}

/// The public officials of one text: the listed ones, and those the text names in an
/// office. The list is shared by every text, so it is read in place, not copied.
struct PublicHere<'a> {
    listed: &'a People,
    /// The initials of the listed officials (see [`initials_of`]), built once.
    listed_initials: &'a HashSet<String, FastHash>,
    named: People,
}

impl PublicHere<'_> {
    /// Whether `key`, written in `form`, names one of them.
    fn is(&self, key: &PersonKey, form: Form) -> bool {
        is_public(self.listed, key, form) || is_public(&self.named, key, form)
    }
}

/// Whether a mention names a public official: the surname must agree, and a first name or
/// initial where the mention has one. A first name alone must be the official's.
fn is_public(public: &People, key: &PersonKey, form: Form) -> bool {
    match form {
        Form::Given => public
            .find_by(key, |p, k| {
                p.given.is_some() && p.given == k.given && p.surname.is_some()
            })
            .is_some(),
        Form::InitialsOnly => false,
        _ => key.surname.is_some() && public.find(key).is_some(),
    }
}

/// The initials in brackets right after a name that the staff directory or the people
/// identified here tell (`Utje Keftsoa (UK)`, `Oriwaud Haddad (OH)`) go with it, as those
/// after a name the context rules read do: otherwise the name's label would leave them
/// alone in brackets, and a second pass would read them.
fn initials_after_names(g: &Grammar, mentions: &mut Vec<Mention>) {
    let named = Spans::new(
        mentions
            .iter()
            .map(|m| (m.parse.start, m.parse.end))
            .collect(),
    );
    let mut found = Vec::new();
    for m in mentions.iter().filter(|m| {
        m.strength == Strength::Strong || m.staff.is_some() || m.rule == "name.propagated"
    }) {
        // A first name before a surname read alone, which the initials confirm (`Wysko
        // Arslan (WA)` where the directory knows another Arslan): the name is read whole.
        let confirmed = with_first_name_before(g, &m.parse).and_then(|full| {
            super::context::in_brackets_after(g, &full).map(|initials| (Some(full), initials))
        });
        let named_whole = || {
            matches!(m.parse.form, Form::Full | Form::Initials)
                .then(|| super::context::in_brackets_after(g, &m.parse))
                .flatten()
                .map(|initials| (None, initials))
        };
        let Some((full, initials)) = confirmed.or_else(named_whole) else {
            continue;
        };
        if named.overlaps(initials.parse.start, initials.parse.end) {
            continue;
        }
        if let Some(full) = full {
            found.push(Mention {
                parse: full,
                strength: Strength::Strong,
                rule: "name.initials",
                evidence: "a first name that the initials in brackets after the name confirm"
                    .into(),
                staff: None,
            });
        }
        found.push(initials);
    }
    mentions.extend(found);
}

/// A surname with a capitalised word right before it that no list knows and no dictionary
/// holds (`Oriwaud Haddad`, `Wysko Arslan`): the name with that word for its first name.
fn with_first_name_before(g: &Grammar, p: &NameParse) -> Option<NameParse> {
    const SOMETHING_ELSE: u16 = class::WORD
        | class::NOT_NAME
        | class::PLACE
        | class::ORG
        | class::FUNCTION
        | class::OFFICE
        | class::TITLE
        | class::PARTICLE
        | class::ROLE;
    if p.form != Form::Surname {
        return None;
    }
    let first = g.tokens().partition_point(|t| t.start < p.start);
    let k = first.checked_sub(1)?;
    let unknown_word = g.word(k).is_some_and(|w| w.chars().count() >= 3)
        && g.spaced(k)
        && g.is_cap(k)
        && !g.has(k, SOMETHING_ELSE | shape::UPPER)
        && !crate::names::lexicon::is_dutch_word(g.folded(k));
    unknown_word.then(|| NameParse {
        start: g.tokens()[k].start,
        form: Form::Full,
        given: Some(g.folded(k).to_string()),
        ..p.clone()
    })
}

/// A surname with initials right before it (`S. Ramkisoensing`, `J.H. Hommema`, `J
/// Hommema`): the name with those initials.
fn with_initials_before(g: &Grammar, p: &NameParse) -> Option<NameParse> {
    if p.form != Form::Surname {
        return None;
    }
    let first = g.tokens().partition_point(|t| t.start < p.start);
    // The initials end right before the surname; the longest run of them (`J.H.`, `J. H.`).
    (2..=8)
        .step_by(2)
        .filter_map(|back| first.checked_sub(back))
        .filter_map(|k| {
            g.initials(k, false)
                .filter(|&(next, _)| next == first && g.spaced(first - 1))
                .map(|(_, letters)| (k, letters))
        })
        .last()
        // A chat's initial without its dot (`bel J Hommema`).
        .or_else(|| {
            let k = first.checked_sub(1)?;
            (g.is_capital_letter(k) && g.spaced(k) && (k == 0 || !g.glued(k - 1)))
                .then(|| (k, g.folded(k).to_string()))
        })
        .map(|(k, letters)| NameParse {
            start: g.tokens()[k].start,
            form: Form::Initials,
            initials: Some(letters),
            ..p.clone()
        })
}

/// The end of a name with the professional letters or the generation written after it, which
/// name the person as much as the name does (`drs. F. Lammers RA`, `ir. J. de Boer MSc`, `T.
/// Kok RT`, `Van Beek sr.`).
fn with_post_nominal(text: &str, end: usize) -> usize {
    const LETTERS: &[&str] = &[
        "RA", "AA", "RC", "RT", "RV", "MSc", "MA", "BSc", "LLM", "MBA", "PhD", "EMFC", "sr.",
        "jr.", "Sr.", "Jr.", "sr", "jr",
    ];
    let rest = &text[end..];
    let Some(after) = rest.strip_prefix(' ') else {
        return end;
    };
    LETTERS
        .iter()
        .find(|l| {
            after.starts_with(*l)
                && !after[l.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        })
        .map_or(end, |l| end + 1 + l.len())
}

/// Whether a folded word in capitals may be an organisation's letters rather than a surname
/// another document gave a person (`RTHA`, `RASFF`): short, or with one vowel at most.
fn looks_like_an_acronym(folded: &str) -> bool {
    let vowels = folded.chars().filter(|c| "aeiouy".contains(*c)).count();
    folded.chars().count() < 5 || vowels < 2
}

/// The start of a shortened particle right before byte `at`, on its line (`v.d. Broek`, `vd
/// Brink`, `v Beek`, `v/d Wal`): notes and chats shorten the `van der` of a surname.
fn abbreviated_particle_before(text: &str, at: usize) -> Option<usize> {
    static SHORTENED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[ \t(])(v\.? ?[dt]\.?|v/[dt]|v\.?) ?$")
            .expect("shortened particle pattern compiles")
    });
    let mut from = at.saturating_sub(8);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    SHORTENED
        .captures(&text[from..at])
        .and_then(|c| c.get(1))
        .map(|m| from + m.start())
}

/// The short form at token `i` of a surname with particles that the text writes in full
/// (`vD` for `van Dijk`, `vdB` for `van den Berg`, `vtH` for `van 't Hof`): `v`, the first
/// letter of a second particle, the capital of one of `surnames` (folded, without particles).
fn shortened_with_particles(
    g: &Grammar,
    i: usize,
    surnames: &HashSet<&str, FastHash>,
) -> Option<NameParse> {
    let (second, capital) = match g.word(i)?.as_bytes() {
        [b'v', c] if c.is_ascii_uppercase() => (None, *c),
        [b'v', p @ (b'd' | b't'), c] if c.is_ascii_uppercase() => (Some(*p), *c),
        _ => return None,
    };
    let particles: &[&str] = match second {
        None => &["van "],
        Some(b'd') => &["van de ", "van den ", "van der "],
        _ => &["van 't ", "van ter ", "van ten "],
    };
    let initial = capital.to_ascii_lowercase() as char;
    let text = fold(g.text());
    let surname = surnames.iter().find(|s| {
        s.starts_with(initial)
            && particles.iter().any(|p| {
                text.match_indices(&format!("{p}{s}"))
                    .any(|(at, m)| !text[at + m.len()..].starts_with(char::is_alphanumeric))
            })
    })?;
    Some(NameParse {
        surname: Some(surname.to_string()),
        ..super::context::one_word(g, i, false)
    })
}

/// Adds weak mentions for every occurrence of an identified person's surname or first name,
/// and of the surnames other documents of the batch identified (`remembered`: first words),
/// capitalised as names are.
fn propagation_mentions(
    g: &Grammar,
    people: &People,
    remembered: &HashSet<String, FastHash>,
    organisation_words: &[String],
    mentions: &mut Vec<Mention>,
) {
    let gaz = &*GAZETTEER;
    let mut first_words: HashSet<&str, FastHash> = HashSet::default();
    let mut givens: HashSet<&str, FastHash> = HashSet::default();
    // A surname that is a place is found only where it cannot be the place: after its
    // particle in capitals (`tegen Van Rijswijk`, not `in Rijswijk`), see below; and not
    // when a firm here bears it (`bij Van Dalen` of `Slachterij Van Dalen`).
    for p in people.keys() {
        if let Some(s) = &p.surname
            && !gaz.is(s, class::NOT_NAME | class::ORG)
            && !(gaz.is(s, class::PLACE) && organisation_words.iter().any(|w| w == s))
        {
            first_words.insert(s.split(' ').next().unwrap_or(s));
        }
        if let Some(gv) = &p.given
            && gv.chars().count() >= 2
            && !gaz.is(gv, class::NOT_NAME | class::PLACE)
        {
            givens.insert(gv);
            // `Dave Johannes` is called Dave.
            givens.extend(gv.split(' ').next().filter(|g| g.chars().count() >= 2));
        }
    }
    if first_words.is_empty() && givens.is_empty() && remembered.is_empty() {
        return;
    }
    let existing = Spans::new(
        mentions
            .iter()
            .map(|m| (m.parse.start, m.parse.end))
            .collect(),
    );
    let mut last_end = 0;
    for i in 0..g.tokens().len() {
        crate::deadline::check();
        if g.tokens()[i].start < last_end {
            continue;
        }
        let f = g.folded(i);
        // `moet je bij harrie zijn`, `factuur aan peeters`: chats and text messages write the
        // names of people named elsewhere in lower case. Only a name that is no word.
        if g.is_lower(i)
            && f.chars().count() >= 4
            && (first_words.contains(f) || givens.contains(f))
            && !crate::names::lexicon::is_dutch_word(f)
            && !crate::names::lexicon::is_compound_word(f)
            && !gaz.is(
                f,
                class::WORD | class::NOT_NAME | class::PLACE | class::ORG | class::PARTICLE,
            )
            && !existing.overlaps(g.tokens()[i].start, g.tokens()[i].end)
        {
            let given = !first_words.contains(f);
            mentions.push(Mention {
                parse: super::context::one_word(g, i, given),
                strength: Strength::Strong,
                rule: "name.propagated",
                evidence: "the name of a person identified in the document, in lower case".into(),
                staff: None,
            });
            continue;
        }
        // `DAVE KOSTER`, `VERKLARING YILMAZ`: headers, forms and police reports write the
        // surname of someone named elsewhere in capitals. A word needs the first name before
        // it (`DAVE KOSTER`, not `DE KOSTER VAN DE KERK`).
        if g.has(i, shape::UPPER)
            && f.chars().count() >= 3
            && (first_words.contains(f) || remembered.contains(f) && !looks_like_an_acronym(f))
            && !gaz.is(f, class::NOT_NAME | class::PLACE | class::ORG)
            && !existing.overlaps(g.tokens()[i].start, g.tokens()[i].end)
        {
            // `Herman TAS` in a genealogy or a register: a first name before the surname in
            // capitals, whoever else bears it.
            let given_before = i >= 1
                && g.spaced(i - 1)
                && (g.has(i - 1, shape::UPPER) && givens.contains(g.folded(i - 1))
                    || g.is_cap(i - 1)
                        && g.has(i - 1, class::FIRST_NAME)
                        && !g.has(i - 1, class::WORD | class::NOT_NAME | class::PLACE));
            // `D. TAS:`: an initial before it.
            let initial_before = i >= 2
                && g.is_punct(i - 1, '.')
                && g.glued(i - 2)
                && g.spaced(i - 1)
                && g.is_capital_letter(i - 2);
            let word = g.has(i, class::WORD) || crate::names::lexicon::is_dutch_word(f);
            // A transcript's speaker label (`ZOMER:  Ja, met Henk Zomer.`) names its person.
            let speaker = speaker_label(g, i);
            if given_before || initial_before || speaker || !word {
                let mut parse = super::context::one_word(g, i, false);
                if given_before {
                    parse.start = g.tokens()[i - 1].start;
                    parse.form = Form::Full;
                    parse.given = Some(g.folded(i - 1).to_string());
                } else if initial_before {
                    parse.start = g.tokens()[i - 2].start;
                    parse.form = Form::Initials;
                    parse.initials = Some(g.folded(i - 2).to_string());
                }
                mentions.push(Mention {
                    parse,
                    strength: Strength::Strong,
                    rule: "name.propagated",
                    evidence:
                        "the name of a person identified in the text or the batch, in capitals"
                            .into(),
                    staff: None,
                });
            }
            continue;
        }
        // `vD`, `vdB`: a note's or a chat's short form of an identified `van Dijk`.
        if let Some(parse) = shortened_with_particles(g, i, &first_words)
            && !existing.overlaps(parse.start, parse.end)
        {
            mentions.push(Mention {
                parse,
                strength: Strength::Strong,
                rule: "name.propagated",
                evidence: "the short form of an identified person's surname with its particles"
                    .into(),
                staff: None,
            });
            continue;
        }
        // `tot Mei`, `Zomer 2025`: a time, whoever is called Mei or Zomer.
        if !g.is_cap(i) || super::person::names_a_time(g, i) {
            continue;
        }
        // `- Mulder: uitputting Q4`, `Koning: De hoogte …`: minutes give the speaker by the
        // surname opening the line, also one that is a word. Not a place or a season, which
        // open a glossary's or a plan's lines (`Kessel: dorp in de gemeente`, `Winter: bij
        // gladheid …`).
        if (first_words.contains(f) || remembered.contains(f))
            && listed_speaker(g, i)
            && !gaz.is(f, class::PLACE)
            && !crate::resolve::is_month_or_season(g.text_of_tokens(i, i + 1))
            && !existing.overlaps(g.tokens()[i].start, g.tokens()[i].end)
        {
            last_end = g.tokens()[i].end;
            mentions.push(Mention {
                parse: super::context::one_word(g, i, false),
                strength: Strength::Strong,
                rule: "name.propagated",
                evidence: "the surname of an identified person as a speaker's label".into(),
                staff: None,
            });
            continue;
        }
        let found = if first_words.contains(f) || remembered.contains(f) {
            // Include a capitalised particle before the surname (`Van der Meulen`); a
            // lower-case `van` may be a preposition (`het stuk van Oosterwijk`).
            let start = (i.saturating_sub(3)..i)
                .find(|&s| g.cap_tussen(s) == i - s && g.is_cap(s))
                .unwrap_or(i);
            // `Het Bos`: the article before a word makes it the noun (no surname has `het`
            // alone for a particle; `De Wit` is a surname as often as not).
            let noun =
                start < i && g.word_in(i - 1, &["het"]) && crate::names::lexicon::is_dutch_word(f);
            (!noun)
                .then(|| g.surname_alone(start, false))
                .flatten()
                .or_else(|| g.surname_alone(i, false))
                // `Den Haag` is a place even when someone is called K. den Haag; `Brand
                // uitgebroken` opens a sentence with the word.
                .filter(|p| !GAZETTEER.is(&fold(g.text_of(p)), class::PLACE | class::ORG))
                .filter(|p| !crate::resolve::word_opening_a_sentence(g.text(), p.start, p.end))
                .map(|p| (p, "surname of an identified person"))
        } else if givens.contains(f) {
            // `Jan Jansen` when only Jan de Vries is known is another person.
            // `Karel Doormanpad`: a street named after someone.
            let other = g
                .forward(i)
                .is_some_and(|full| people.find(&PersonKey::of(&full)).is_none())
                || (g.spaced(i)
                    && g.is_cap(i + 1)
                    && crate::names::lexicon::is_street_name(g.folded(i + 1)));
            g.given_alone(i)
                .filter(|_| !other)
                .map(|p| (p, "first name of an identified person"))
        } else {
            None
        };
        if let Some((p, evidence)) = found
            && !existing.overlaps(p.start, p.end)
        {
            // `Oriwaud Haddad` where `De heer Haddad` is identified: the first name too, when
            // the identified person may bear it.
            let mut p = with_first_name_before(g, &p)
                .or_else(|| with_initials_before(g, &p))
                .filter(|full| people.find(&PersonKey::of(full)).is_some())
                .unwrap_or(p);
            if p.start == g.tokens()[i].start
                && let Some(start) = abbreviated_particle_before(g.text(), p.start)
            {
                p.start = start;
            }
            last_end = p.end;
            mentions.push(Mention {
                parse: p,
                strength: Strength::Weak,
                rule: "name.propagated",
                evidence: evidence.into(),
                staff: None,
            });
        }
    }
}
