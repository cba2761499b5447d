//! Who is who: a set of people indexed by surname and first name, so that deciding which
//! person a mention refers to costs the same in a memo and in a 200 MB export.

use std::collections::HashMap;

use super::PersonKey;
use super::lexicon::FastHash;

/// Name → the people (by index, in the order met) who bear it.
type Index = HashMap<String, Vec<usize>, FastHash>;

/// People, in the order they were first met. Its `Debug` output gives their number only.
#[derive(Clone, Default)]
pub struct People {
    keys: Vec<PersonKey>,
    by_surname: Index,
    by_given: Index,
    /// First names of people whose surname is not known.
    by_given_alone: Index,
}

impl std::fmt::Debug for People {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("People")
            .field("people", &self.keys.len())
            .finish_non_exhaustive()
    }
}

impl People {
    /// A set holding `keys`, each as its own person.
    pub fn from_keys(keys: impl IntoIterator<Item = PersonKey>) -> People {
        let mut people = People::default();
        for k in keys {
            people.push(k);
        }
        people
    }

    /// The people.
    pub fn keys(&self) -> &[PersonKey] {
        &self.keys
    }

    /// Whether there is nobody.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The first person `key` can refer to.
    pub fn find(&self, key: &PersonKey) -> Option<usize> {
        self.find_by(key, |p, k| p.compatible(k))
    }

    /// The first person for which `matches(person, key)` holds, among those sharing a
    /// surname or first name with `key`.
    pub fn find_by(
        &self,
        key: &PersonKey,
        matches: impl Fn(&PersonKey, &PersonKey) -> bool,
    ) -> Option<usize> {
        // Index lists are in the order people were met: take the first match of each. A key
        // with a surname can only meet a first name alone among people without one.
        let first = |list: Option<&Vec<usize>>| {
            list.and_then(|l| l.iter().copied().find(|&i| matches(&self.keys[i], key)))
        };
        let by_surname = first(key.surname.as_ref().and_then(|s| self.by_surname.get(s)));
        let givens = if key.surname.is_some() {
            &self.by_given_alone
        } else {
            &self.by_given
        };
        let by_given = first(key.given.as_ref().and_then(|g| givens.get(g)));
        by_surname.into_iter().chain(by_given).min()
    }

    /// Adds a new person; returns its index.
    pub fn push(&mut self, key: PersonKey) -> usize {
        let i = self.keys.len();
        self.index(i, &key);
        self.keys.push(key);
        i
    }

    /// Records `key` as a mention of the person it refers to (filling in a surname or first
    /// name learnt from it), or as a new person. Returns the person's index.
    pub fn add(&mut self, key: &PersonKey) -> usize {
        let Some(i) = self.find(key) else {
            return self.push(key.clone());
        };
        let old = self.keys[i].clone();
        let person = &mut self.keys[i];
        if person.initials.is_none() {
            person.initials.clone_from(&key.initials);
        }
        let learnt = (person.surname.is_none() && key.surname.is_some())
            || (person.given.is_none() && key.given.is_some());
        if learnt {
            if person.surname.is_none() {
                person.surname.clone_from(&key.surname);
            }
            if person.given.is_none() {
                person.given.clone_from(&key.given);
            }
            self.unindex(i, &old);
            let new = self.keys[i].clone();
            self.index(i, &new);
        }
        i
    }

    fn lists(&mut self, key: &PersonKey) -> Vec<(&mut Index, String)> {
        let mut out = Vec::new();
        if let Some(s) = &key.surname {
            out.push((&mut self.by_surname, s.clone()));
        }
        if let Some(g) = &key.given {
            let alone = key.surname.is_none();
            // Both first-name indexes; borrow them one at a time through a raw split.
            let (by_given, by_given_alone) = (&mut self.by_given, &mut self.by_given_alone);
            out.push((by_given, g.clone()));
            if alone {
                out.push((by_given_alone, g.clone()));
            }
        }
        out
    }

    fn index(&mut self, i: usize, key: &PersonKey) {
        for (map, k) in self.lists(key) {
            let list = map.entry(k).or_default();
            // Keep lists sorted: the first match is the person met first.
            let at = list.partition_point(|&x| x < i);
            list.insert(at, i);
        }
    }

    fn unindex(&mut self, i: usize, key: &PersonKey) {
        for (map, k) in self.lists(key) {
            if let Some(list) = map.get_mut(&k) {
                list.retain(|&x| x != i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(surname: Option<&str>, given: Option<&str>) -> PersonKey {
        PersonKey {
            surname: surname.map(String::from),
            given: given.map(String::from),
            initials: None,
        }
    }

    #[test]
    fn a_first_name_met_first_joins_the_full_name_met_later() {
        let mut people = People::default();
        let boris = people.add(&key(None, Some("boris")));
        assert_eq!(people.add(&key(Some("werd"), Some("boris"))), boris);
        assert_eq!(people.add(&key(Some("werd"), None)), boris);
        let fien = people.add(&key(Some("werd"), Some("fien")));
        assert_ne!(fien, boris);
        assert_eq!(people.keys().len(), 2);
        assert_eq!(people.keys()[boris].surname.as_deref(), Some("werd"));
    }
}
