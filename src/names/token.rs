//! A small tokenizer for name recognition: words, numbers, single punctuation marks and line
//! breaks, with byte offsets. Spaces are not tokens; the gap between two tokens is read from
//! the text when it matters (a name continues over one space, not over a comma).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes (`D'Angelo`) or a leading one (`'t`, `'s`).
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
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            tokens.push(Token {
                start: i,
                end: i + 1,
                kind: Kind::Newline,
            });
        } else if c.is_whitespace() {
            continue;
        } else if c.is_alphabetic() || (is_apostrophe(c) && is_elision(text, i + c.len_utf8())) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner_apostrophe = is_apostrophe(d) && next_is_letter(text, j + d.len_utf8());
                if d.is_alphabetic() || inner_apostrophe {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start: i,
                end,
                kind: Kind::Word,
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start: i,
                end,
                kind: Kind::Number,
            });
        } else {
            tokens.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct(c),
            });
        }
    }
    tokens
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
    fn keeps_apostrophes_inside_and_before_words() {
        assert_eq!(
            words("in 't Veld, D'Angelo, O’Brien's"),
            vec!["in", "'t", "Veld", ",", "D'Angelo", ",", "O’Brien's"]
        );
        assert_eq!(words("'s-Gravenhage"), vec!["'s", "-", "Gravenhage"]);
    }

    #[test]
    fn numbers_and_accents() {
        assert_eq!(words("Zoë Doğan 2024"), vec!["Zoë", "Doğan", "2024"]);
    }
}
