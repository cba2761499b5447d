//! Who is who: a set of people indexed by surname and first name, so that deciding which
//! person a mention refers to costs the same in a memo and in a 200 MB export.

use std::collections::HashMap;

use super::PersonKey;

/// People, in the order they were first met.
#[derive(Debug, Clone, Default)]
pub struct People {
    keys: Vec<PersonKey>,
    by_surname: HashMap<String, Vec<usize>>,
    by_given: HashMap<String, Vec<usize>>,
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

    /// Candidates that share a surname or first name with `key`, in order met.
    fn candidates<'a>(&'a self, key: &'a PersonKey) -> impl Iterator<Item = usize> + 'a {
        let by_surname = key.surname.as_ref().and_then(|s| self.by_surname.get(s)).into_iter().flatten();
        let by_given = key.given.as_ref().and_then(|g| self.by_given.get(g)).into_iter().flatten();
        by_surname.chain(by_given).copied()
    }

    /// The first person `key` can refer to.
    pub fn find(&self, key: &PersonKey) -> Option<usize> {
        self.find_by(key, |p, k| p.compatible(k))
    }

    /// The first person for which `matches(person, key)` holds, among those sharing a
    /// surname or first name with `key`.
    pub fn find_by(&self, key: &PersonKey, matches: impl Fn(&PersonKey, &PersonKey) -> bool) -> Option<usize> {
        self.candidates(key).filter(|&i| matches(&self.keys[i], key)).min()
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
        let person = &mut self.keys[i];
        let new_surname = person.surname.is_none() && key.surname.is_some();
        let new_given = person.given.is_none() && key.given.is_some();
        if person.initials.is_none() {
            person.initials.clone_from(&key.initials);
        }
        if new_surname {
            person.surname.clone_from(&key.surname);
        }
        if new_given {
            person.given.clone_from(&key.given);
        }
        if new_surname || new_given {
            let added = PersonKey {
                surname: if new_surname { key.surname.clone() } else { None },
                given: if new_given { key.given.clone() } else { None },
                initials: None,
            };
            self.index(i, &added);
        }
        i
    }

    fn index(&mut self, i: usize, key: &PersonKey) {
        if let Some(s) = &key.surname {
            self.by_surname.entry(s.clone()).or_default().push(i);
        }
        if let Some(g) = &key.given {
            self.by_given.entry(g.clone()).or_default().push(i);
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
