//! Content fingerprints: a hash of the actual content of the configuration (policy, lists,
//! known people), never of `Debug` output, which hides names on purpose and may change with a
//! dependency. Each field is written with its length, so no two different contents hash
//! alike by shifting text from one field into the next.

/// A hasher of configuration content.
pub(crate) struct Fingerprint(blake3::Hasher);

impl Fingerprint {
    /// A fingerprint for one kind of content, named by `domain`.
    pub(crate) fn new(domain: &str) -> Fingerprint {
        let mut f = Fingerprint(blake3::Hasher::new());
        f.str(domain);
        f
    }

    /// Adds a number.
    pub(crate) fn u64(&mut self, n: u64) -> &mut Self {
        self.0.update(&n.to_le_bytes());
        self
    }

    /// Adds bytes, with their length.
    pub(crate) fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.u64(b.len() as u64);
        self.0.update(b);
        self
    }

    /// Adds a string, with its length.
    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// Adds an optional string (absent and empty differ).
    pub(crate) fn opt(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            None => self.u64(0),
            Some(s) => self.u64(1).str(s),
        }
    }

    /// Adds a list of strings, with its length.
    pub(crate) fn strs<S: AsRef<str>>(&mut self, list: &[S]) -> &mut Self {
        self.u64(list.len() as u64);
        for s in list {
            self.str(s.as_ref());
        }
        self
    }

    /// The hash.
    pub(crate) fn finish(&self) -> [u8; 32] {
        *self.0.finalize().as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_do_not_run_into_each_other() {
        let a = Fingerprint::new("t").strs(&["ab", "c"]).finish();
        let b = Fingerprint::new("t").strs(&["a", "bc"]).finish();
        assert_ne!(a, b);
        let none = Fingerprint::new("t").opt(None).finish();
        let empty = Fingerprint::new("t").opt(Some("")).finish();
        assert_ne!(none, empty);
    }
}
