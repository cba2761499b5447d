//! Glob filters on the files found in input directories, as ripgrep's `-g`: `*.pdf` takes only
//! PDFs, `!concept*` leaves out files and directories whose name starts with `concept`.
//!
//! A glob without `/` is matched against the file or directory name, one with `/` against the
//! path relative to the input root. `*` and `?` do not cross `/`; `**` does, and `**/` also
//! matches no directory at all; `[a-z]` and `[!a-z]` are character classes. Matching is
//! case-sensitive. Files named as inputs themselves are never filtered.

/// Include and exclude globs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFilter {
    include: Vec<Glob>,
    exclude: Vec<Glob>,
}

impl FileFilter {
    /// A filter from globs; a glob starting with `!` excludes.
    pub fn new<S: AsRef<str>>(globs: &[S]) -> FileFilter {
        let mut filter = FileFilter::default();
        for glob in globs {
            match glob.as_ref().strip_prefix('!') {
                Some(g) => filter.exclude.push(Glob::new(g)),
                None => filter.include.push(Glob::new(glob.as_ref())),
            }
        }
        filter
    }

    /// Whether a file (its `/`-separated path relative to its input root) is taken: it matches
    /// an include glob, if there are any, and no exclude glob.
    pub fn admits_file(&self, relative: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(relative)))
            && !self.exclude.iter().any(|g| g.matches(relative))
    }

    /// Whether a directory is walked: it matches no exclude glob.
    pub fn admits_dir(&self, relative: &str) -> bool {
        !self.exclude.iter().any(|g| g.matches(relative))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `?`: one character other than `/`.
    One,
    /// `*`: any run without `/`.
    Run,
    /// `**`: anything.
    Any,
    /// `**/`: nothing, or anything ending in `/`.
    Dirs,
    /// `[…]`: ranges, negated.
    Class(Vec<(char, char)>, bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Glob {
    tokens: Vec<Token>,
    /// Matched against the whole relative path (else the last component only).
    path: bool,
}

impl Glob {
    fn new(glob: &str) -> Glob {
        let chars: Vec<char> = glob.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            match c {
                '?' => tokens.push(Token::One),
                '*' if chars.get(i) == Some(&'*') => {
                    i += 1;
                    if chars.get(i) == Some(&'/') {
                        i += 1;
                        tokens.push(Token::Dirs);
                    } else {
                        tokens.push(Token::Any);
                    }
                }
                '*' => tokens.push(Token::Run),
                '[' => match class(&chars[i..]) {
                    Some((token, used)) => {
                        tokens.push(token);
                        i += used;
                    }
                    None => tokens.push(Token::Char('[')),
                },
                c => tokens.push(Token::Char(c)),
            }
        }
        let path = glob.trim_start_matches("**/").contains('/');
        Glob { tokens, path }
    }

    fn matches(&self, relative: &str) -> bool {
        let subject = if self.path {
            relative
        } else {
            relative.rsplit('/').next().unwrap_or(relative)
        };
        let text: Vec<char> = subject.chars().collect();
        // The text positions reachable after each token (a set, so no backtracking blow-up).
        let mut at = vec![false; text.len() + 1];
        at[0] = true;
        for token in &self.tokens {
            let mut next = vec![false; text.len() + 1];
            for i in (0..=text.len()).filter(|&i| at[i]) {
                let one = |ok: bool| ok.then_some(i + 1);
                match token {
                    Token::Char(c) => {
                        if let Some(j) = one(text.get(i) == Some(c)) {
                            next[j] = true;
                        }
                    }
                    Token::One => {
                        if let Some(j) = one(text.get(i).is_some_and(|&t| t != '/')) {
                            next[j] = true;
                        }
                    }
                    Token::Class(ranges, negated) => {
                        let hit = text.get(i).is_some_and(|&t| {
                            t != '/' && ranges.iter().any(|&(a, b)| a <= t && t <= b) != *negated
                        });
                        if let Some(j) = one(hit) {
                            next[j] = true;
                        }
                    }
                    Token::Run => {
                        next[i] = true;
                        for j in i..text.len() {
                            if text[j] == '/' {
                                break;
                            }
                            next[j + 1] = true;
                        }
                    }
                    Token::Any => next[i..].iter_mut().for_each(|n| *n = true),
                    Token::Dirs => {
                        next[i] = true;
                        for j in i..text.len() {
                            if text[j] == '/' {
                                next[j + 1] = true;
                            }
                        }
                    }
                }
            }
            at = next;
        }
        at[text.len()]
    }
}

/// A character class after its `[`: the token and the characters used, up to its `]`.
fn class(chars: &[char]) -> Option<(Token, usize)> {
    let negated = matches!(chars.first(), Some('!' | '^'));
    let mut i = usize::from(negated);
    let mut ranges = Vec::new();
    // A `]` right after the `[` is a member.
    let mut first = true;
    while let Some(&c) = chars.get(i) {
        if c == ']' && !first {
            return Some((Token::Class(ranges, negated), i + 1));
        }
        first = false;
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|&e| e != ']') {
            ranges.push((c, chars[i + 2]));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_names_or_paths_as_ripgrep_does() {
        let pdf = FileFilter::new(&["*.pdf"]);
        assert!(pdf.admits_file("a.pdf"));
        assert!(pdf.admits_file("sub/dir/a.pdf"));
        assert!(!pdf.admits_file("a.txt"));
        assert!(!pdf.admits_file("a.pdf.txt"));

        let no_concepts = FileFilter::new(&["!concept*"]);
        assert!(!no_concepts.admits_file("concept-nota.txt"));
        assert!(!no_concepts.admits_file("x/concept-nota.txt"));
        assert!(!no_concepts.admits_dir("concepten"));
        assert!(no_concepts.admits_file("nota-concept.txt"));

        let both = FileFilter::new(&["*.txt", "!*.bak.txt"]);
        assert!(both.admits_file("a.txt"));
        assert!(!both.admits_file("a.bak.txt"));

        let path = FileFilter::new(&["2024/*.txt"]);
        assert!(path.admits_file("2024/a.txt"));
        assert!(!path.admits_file("2024/x/a.txt"));
        assert!(!path.admits_file("a.txt"));
        let deep = FileFilter::new(&["**/bijlagen/**"]);
        assert!(deep.admits_file("bijlagen/a.txt"));
        assert!(deep.admits_file("x/y/bijlagen/z/a.txt"));
        assert!(!deep.admits_file("x/a.txt"));

        let class = FileFilter::new(&["[!b]?.[tT][xX][tT]"]);
        assert!(class.admits_file("ab.TXT"));
        assert!(!class.admits_file("bb.txt"));
        assert!(!class.admits_file("abc.txt"));
        // An unclosed class is literal.
        assert!(FileFilter::new(&["[a.txt"]).admits_file("[a.txt"));
        assert!(FileFilter::new(&[] as &[&str]).admits_file("anything"));
    }
}
