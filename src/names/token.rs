//! A small tokenizer for name recognition: words, numbers, single punctuation marks and line
//! breaks, with byte offsets. Spaces are not tokens; the gap between two tokens is read from
//! the text when it matters (a name continues over one space, not over a comma).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes (`D'Angelo`) or a leading one (`'t`, `'s`); a
    /// capitalised word's possessive `'s` is left out (`Chantal's`).
    Word,
    /// Digits.
    Number,
    /// One punctuation character (the character itself).
    Punct(char),
    /// A line break.
    Newline,
}

/// One token: a byte range of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The kind.
    pub kind: Kind,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(text, i);
        let next = i + c.len_utf8();
        let (end, kind) = if c == '\n' {
            (next, Kind::Newline)
        } else if c == '\\' && is_escaped_line_break(bytes, next) {
            (next + 1, Kind::Newline)
        } else if c.is_whitespace() {
            i = next;
            continue;
        } else if c.is_alphabetic() || (is_apostrophe(c) && is_elision(text, next)) {
            let end = word_end(text, next);
            // `Chantal's`: the possessive is no part of the name; it is skipped.
            let stem = possessive_stem_end(text, i, end);
            tokens.push(Token {
                start: i,
                end: stem,
                kind: Kind::Word,
            });
            i = end;
            continue;
        } else if c.is_ascii_digit() {
            let digits = bytes[next..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            (next + digits, Kind::Number)
        } else {
            (next, Kind::Punct(c))
        };
        tokens.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
    tokens
}

/// Whether the `\` before byte `at` opens a line break written as `\n`, as a calendar file
/// (ICS) or an export escapes it (`Groet\,\nHenk Smeenge`): before a capital, another
/// escape or the end. Not a Windows account (`GEM\nbakker`) or path (`C:\nieuw`).
fn is_escaped_line_break(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b'n')
        && bytes
            .get(at + 1)
            .is_none_or(|&b| b.is_ascii_uppercase() || b == b'\\' || b.is_ascii_whitespace())
}

/// The character at byte `at` (a character boundary), without decoding ASCII.
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        b if b.is_ascii() => char::from(b),
        _ => text[at..].chars().next().unwrap_or_default(),
    }
}

/// The end of a word whose letters continue at `at`: letters, and apostrophes between
/// letters. Runs of ASCII letters, most of a word, are skipped without decoding.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        at += bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let Some(d) = text[at..].chars().next() else {
            return at;
        };
        let inner_apostrophe = is_apostrophe(d) && next_is_letter(text, at + d.len_utf8());
        if d.is_alphabetic() || inner_apostrophe {
            at += d.len_utf8();
        } else {
            return at;
        }
    }
}

/// Where a capitalised word at `start..end` ends without its possessive `'s` (`Chantal's`,
/// `O’Brien's`), or `end`.
fn possessive_stem_end(text: &str, start: usize, end: usize) -> usize {
    let word = &text[start..end];
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .filter(|stem| stem.chars().count() >= 2);
    match stem {
        Some(stem) if word.starts_with(char::is_uppercase) => start + stem.len(),
        _ => end,
    }
}

/// A leading apostrophe belongs to the word only in the elided articles of names and places
/// (`'t`, `'s`); elsewhere it is a quote (`'Komar Lin' <…>`).
fn is_elision(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    matches!(rest.next(), Some('t' | 's' | 'T' | 'S'))
        && !rest.next().is_some_and(char::is_alphanumeric)
}

fn next_is_letter(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_words_punctuation_and_lines() {
        assert_eq!(
            words("Van: Meulen, J. van der (Jaylinn)\nHoi"),
            vec![
                "Van", ":", "Meulen", ",", "J", ".", "van", "der", "(", "Jaylinn", ")", "\n", "Hoi"
            ]
        );
    }

    #[test]
    fn an_escaped_line_break_before_a_capital_is_a_line_break() {
        let text = r"Groet\,\nHenk Smeenge\n GEM\nbakker";
        let kinds: Vec<Kind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(words(text)[3..6], ["\\n", "Henk", "Smeenge"]);
        assert_eq!(kinds[3], Kind::Newline);
        assert_eq!(kinds[6], Kind::Newline);
        // An account's name after its domain stays a word.
        assert_eq!(words(text)[7..], ["GEM", "\\", "nbakker"]);
    }

    #[test]
    fn keeps_apostrophes_inside_and_before_words() {
        assert_eq!(
            words("in 't Veld, D'Angelo, O’Brien's"),
            vec!["in", "'t", "Veld", ",", "D'Angelo", ",", "O’Brien"]
        );
        assert_eq!(words("'s-Gravenhage"), vec!["'s", "-", "Gravenhage"]);
    }

    #[test]
    fn numbers_and_accents() {
        assert_eq!(words("Zoë Doğan 2024"), vec!["Zoë", "Doğan", "2024"]);
    }

    /// The tokenizer as it was before its ASCII fast paths, char by char.
    fn reference(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut end = i + c.len_utf8();
            let kind = if c == '\n' {
                Kind::Newline
            } else if c.is_whitespace() {
                continue;
            } else if c.is_alphabetic() || (is_apostrophe(c) && is_elision(text, end)) {
                while let Some(&(j, d)) = chars.peek() {
                    let inner = is_apostrophe(d) && next_is_letter(text, j + d.len_utf8());
                    if !(d.is_alphabetic() || inner) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                end = possessive_stem_end(text, i, end);
                Kind::Word
            } else if c.is_ascii_digit() {
                while let Some(&(j, d)) = chars.next_if(|&(_, d)| d.is_ascii_digit()).as_ref() {
                    end = j + d.len_utf8();
                }
                Kind::Number
            } else {
                Kind::Punct(c)
            };
            tokens.push(Token {
                start: i,
                end,
                kind,
            });
        }
        tokens
    }

    #[test]
    fn the_same_tokens_as_char_by_char() {
        for text in [
            "",
            "Van: Meulen, J. van der (Jaylinn)\r\nHoi\u{a0}Zoë Doğan 2024-03-01 12:30",
            "in 't Veld, D'Angelo, O’Brien's 's-Gravenhage 't ’s x' 'y ’",
            "ÉÉN één ß 12345678 a1b2 ǅemal ﬁets \t\u{2003}x\n\n",
            "eind'",
            "3",
            "é",
        ] {
            assert_eq!(tokenize(text), reference(text), "{text:?}");
        }
    }
}
