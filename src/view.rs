//! The text as the detectors read it: the original with the line breaks that only the layout
//! put there taken out, so that an item wrapped over a line end is read whole.
//!
//! - a word hyphenated at the line end: `Wil-` / `lemsen` reads `Willemsen`; before a
//!   capital or a particle the hyphen stays (`Jan-` / `Willem`, `Visser-` / `de Jong`);
//! - an e-mail address broken at its `@` or inside its domain: `naam@` / `minbzk.nl`;
//! - a number broken between digit groups (`06-4839` / `2017`), joined only when the two
//!   halves make a telephone number that neither is alone.
//!
//! Every other line break stays, so line rules (mail headers, fields, chat lines) see the
//! lines they saw. Findings in the view map back to the original bytes, the removed span
//! covering whatever the join took out.
//!
//! The view also undoes the character confusions of OCR. Most go one byte for one byte: a
//! letter inside a number reads as the digit it was (`O40 - 236 98 14`, `O9-O2-1958`,
//! `l9-ll-197O`, `Parkweg 1l8`, `Kolkweg l5`), a digit inside a name as the letter (`S. 0udshoorn`,
//! `T. W1nter`, `KAR1MI`), an `l` as the capital I (`lk`, `DEMlR`). Two change lengths and
//! are cut like the joins: `rn` read for `m` (`rnevrouw`), and an e-mail address spaced out
//! (`naam @ gmail . com`); a span ending right after such a repair ends after it.

use std::borrow::Cow;

/// A text with some layout line breaks removed, and the way back to the original offsets.
pub struct View<'a> {
    text: Cow<'a, str>,
    /// The places where bytes were taken out or replaced, in order.
    joins: Vec<Join>,
}

/// Where the view took bytes out of the original.
#[derive(Clone, Copy)]
struct Join {
    /// The view offset right after the join.
    view: usize,
    /// The original offset of the byte that follows the bytes taken out.
    original: usize,
    /// The join repairs a word (`rn` read as `m`): a span ending right after it ends after
    /// what was taken out, not before.
    in_word: bool,
}

/// Bytes of the original to replace in the view: their range, what to read there, and
/// whether the replacement lies inside a word.
type Cut = (usize, usize, &'static str, bool);

impl<'a> View<'a> {
    /// The view of `original`. Borrows it when nothing is joined or cut (the usual case).
    pub fn new(original: &'a str) -> View<'a> {
        let bytes = original.as_bytes();
        let mut cuts: Vec<Cut> = Vec::new();
        for nl in memchr::memchr_iter(b'\n', bytes) {
            if let Some((start, end, insert)) = join_at(original, nl) {
                cuts.push((start, end, insert, false));
            }
        }
        ocr_cuts(original, &mut cuts);
        if cuts.is_empty() {
            return View {
                text: repair_ocr(Cow::Borrowed(original)),
                joins: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut joins = Vec::with_capacity(cuts.len());
        let mut at = 0;
        cuts.sort_unstable_by_key(|c| c.0);
        for (start, end, insert, in_word) in cuts {
            if start < at {
                continue;
            }
            text.push_str(&original[at..start]);
            text.push_str(insert);
            joins.push(Join {
                view: text.len(),
                original: end,
                in_word,
            });
            at = end;
        }
        text.push_str(&original[at..]);
        View {
            text: repair_ocr(Cow::Owned(text)),
            joins,
        }
    }

    /// The text the detectors read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the view is the original text.
    pub fn is_original(&self) -> bool {
        self.joins.is_empty()
    }

    /// The original offset of view offset `at`. A start maps to the first byte after a join
    /// at that place, an end to the last byte before it.
    pub fn original(&self, at: usize, is_end: bool) -> usize {
        let i = if is_end {
            self.joins
                .partition_point(|j| j.view < at || (j.view == at && j.in_word))
        } else {
            self.joins.partition_point(|j| j.view <= at)
        };
        match i.checked_sub(1) {
            None => at,
            Some(k) => {
                let j = self.joins[k];
                j.original + (at - j.view)
            }
        }
    }
}

/// Undoes OCR's confusions of letters and digits (see the module's comment), byte for byte.
/// Borrows the text when there is nothing to undo.
fn repair_ocr(text: Cow<'_, str>) -> Cow<'_, str> {
    let repairs = ocr_repairs(text.as_bytes());
    if repairs.is_empty() {
        return text;
    }
    let mut bytes = text.into_owned().into_bytes();
    for (at, b) in repairs {
        bytes[at] = b;
    }
    // ASCII replaced ASCII: the bytes are still UTF-8.
    Cow::Owned(String::from_utf8(bytes).expect("ASCII for ASCII keeps UTF-8"))
}

/// The repairs of [`repair_ocr`]: per byte offset, the byte to read there.
fn ocr_repairs(bytes: &[u8]) -> Vec<(usize, u8)> {
    let confused = |b: u8| matches!(b, b'O' | b'l' | b'I');
    let mut out = Vec::new();
    // The numbers read so far in the current group (`O9-O2-1958`, `O40 - 236 98 14`):
    // their start and end, digits and confused letters.
    let mut group: Vec<(usize, usize)> = Vec::new();
    let (mut digits_in_group, mut strays_in_group) = (0, 0);
    let flush = |group: &mut Vec<(usize, usize)>,
                 digits: usize,
                 strays: usize,
                 out: &mut Vec<(usize, u8)>| {
        // `2O16`, `4O2O`, `O6 l4 7O 33 9l`, `Postbus 3OO`, and a lone `l` for a 1 (`Kolkweg
        // l5`, `op l4 februari`): no more letters than digits and one. Not one letter and
        // one digit otherwise (`O2`, `I2`: a code).
        let lone_l =
            strays == 1 && digits == 1 && group.iter().any(|&(a, b)| bytes[a..b].contains(&b'l'));
        if strays > 0 && strays <= digits + 1 && (digits >= 2 || strays >= 2 || lone_l) {
            for &(a, b) in group.iter() {
                for (k, &c) in bytes[a..b].iter().enumerate() {
                    if confused(c) {
                        out.push((a + k, if c == b'O' { b'0' } else { b'1' }));
                    }
                }
            }
        }
        group.clear();
    };
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        // Only whole ASCII words: `Doğan1` is no OCR confusion to undo.
        let ascii =
            bytes.get(at).is_none_or(u8::is_ascii) && (start == 0 || bytes[start - 1].is_ascii());
        let word = &bytes[start..at];
        let digits = word.iter().filter(|b| b.is_ascii_digit()).count();
        // A number joins the group when a short separator (`-`, ` - `, `.`) is all that lies
        // between it and the one before.
        let joined = group.last().is_some_and(|&(_, end)| {
            start - end <= 3 && bytes[end..start].iter().all(|b| b" -./".contains(b))
        });
        // Confused letters alone between two numbers of a group are a number too (the `ll`
        // of `l9-ll-197O` and of `O3-ll-l966`).
        let between_numbers = digits == 0
            && word.len() <= 2
            && joined
            && bytes[at..]
                .iter()
                .take(4)
                .position(|b| !b" -./".contains(b))
                .is_some_and(|k| {
                    let next = &bytes[at + k..];
                    next[0].is_ascii_digit()
                        || confused(next[0]) && next.get(1).is_some_and(u8::is_ascii_digit)
                })
            && bytes.get(at).is_some_and(|b| b"-./".contains(b));
        let number = ascii
            && (digits > 0 || between_numbers)
            && word.iter().all(|&b| b.is_ascii_digit() || confused(b));
        if !(number && joined) {
            flush(&mut group, digits_in_group, strays_in_group, &mut out);
            digits_in_group = 0;
            strays_in_group = 0;
        }
        if number {
            group.push((start, at));
            digits_in_group += digits;
            strays_in_group += word.len() - digits;
            continue;
        }
        if !ascii {
            continue;
        }
        l_for_capital_i(bytes, start, at, &mut out);
        if digits == 0 {
            continue;
        }
        // An Arabic article with a digit for its `l` before a capital (`E1 Idrissi`,
        // `A1-Sayed`, `Inam u1-Haq`); `A1` before a space is a road or a paper size.
        if let [article, b'1'] = *word
            && let Some(&gap) = bytes.get(at)
            && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
            && (gap == b'-' && b"aAeEu".contains(&article)
                || gap == b' ' && b"eE".contains(&article))
        {
            out.push((start + 1, b'l'));
            continue;
        }
        // A name with a digit or two in it: `0udshoorn`, `W1nter`, `Yi1maz`, `Wo1f`,
        // `Samiu11ah`, `KAR1MI`, `N00RZAI`. Not a code (`CO2`, `B2B`, `COVID19`, `Fase1`).
        // A digit at either end, or in a name of three letters, only where reading the
        // letter makes a known name (`Apri1`, `Kravchenk0`, `8akker`, `V0S`).
        let letters = word.len() - digits;
        let capitals = word.iter().all(|b| !b.is_ascii_lowercase());
        // Four letters at least before a final digit: `NeI1` is a remark's mark.
        let at_an_end = word.last().is_some_and(u8::is_ascii_digit) || word[0] == b'8';
        if at_an_end && letters < 4 {
            continue;
        }
        let short = letters == 2 && word.len() == 3 && capitals && word[1] == b'0';
        let name_like = (letters >= 3 || short)
            && letters >= 2 * digits
            && word
                .iter()
                .enumerate()
                .all(|(k, &b)| !b.is_ascii_digit() || b"015".contains(&b) || k == 0 && b == b'8')
            && (!(at_an_end || short) || digits == 1 && reads_as_a_known_name(word));
        if !name_like {
            continue;
        }
        let vowel = |b: u8| b"aeiouyAEIOUY".contains(&b);
        for k in (0..word.len()).filter(|&k| word[k].is_ascii_digit()) {
            let before = k.checked_sub(1).map(|j| word[j]);
            let after = word.get(k + 1).copied();
            let letter = match (word[k], before, after) {
                (b'8', None, _) => Some(b'B'),
                (b'1', Some(_), None) => Some(letter_for_a_final_one(word)),
                (b'0', _, _) if capitals => Some(b'O'),
                (b'1', Some(_), _) if capitals => Some(b'I'),
                (b'5', Some(_), _) if capitals => Some(b'S'),
                (b'0', None, Some(_)) => Some(b'O'),
                (b'0', Some(_), _) => Some(b'o'),
                // Between consonants an i (`W1nter`), beside a vowel an l (`Kowa1czyk`).
                (b'1', Some(p), Some(n)) if !vowel(p) && !vowel(n) => Some(b'i'),
                (b'1', Some(_), Some(_)) => Some(b'l'),
                (b'5', Some(_), Some(_)) => Some(b's'),
                _ => None,
            };
            if let Some(l) = letter {
                out.push((start + k, l));
            }
        }
    }
    flush(&mut group, digits_in_group, strays_in_group, &mut out);
    // A `$` read for an S in a name (`$ahin`, `Wi$niewski`); not money (`$ 40`, `$5`).
    for at in memchr::memchr_iter(b'$', bytes) {
        let letters_after = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        let before = at.checked_sub(1).map(|k| bytes[k]);
        if letters_after >= 2 {
            match before {
                Some(b) if b.is_ascii_alphabetic() => out.push((at, b's')),
                Some(b) if b.is_ascii_alphanumeric() || !b.is_ascii() => {}
                _ => out.push((at, b'S')),
            }
        }
    }
    out
}

/// The letters OCR read as digits in a name of one digit, read back: `1` as `l` or `i`
/// (see [`letter_for_a_final_one`]), `0` as `o`, `8` as `b`, in lower case.
fn read_one_digit(word: &[u8]) -> String {
    word.iter()
        .map(|&b| match b {
            b'1' => char::from(letter_for_a_final_one(word)).to_ascii_lowercase(),
            b'0' => 'o',
            b'8' => 'b',
            _ => char::from(b.to_ascii_lowercase()),
        })
        .collect()
}

/// Whether a word with one digit at its end, an `8` at its start or a `0` between two
/// capitals reads as a known first name or surname once the digit is read as a letter.
fn reads_as_a_known_name(word: &[u8]) -> bool {
    use crate::names::lexicon::{GAZETTEER, class};
    let read = read_one_digit(word);
    GAZETTEER.is(&read, class::FIRST_NAME | class::SURNAME)
        && !GAZETTEER.is(&String::from_utf8_lossy(word).to_lowercase(), class::WORD)
}

/// The letter a `1` at the end of a name stands for: an `I` after capitals where that reads
/// a name (`OUAL1`, `SULTAN1`), else an `l` (`Apri1`, `Voge1`, `HEUVE1`).
fn letter_for_a_final_one(word: &[u8]) -> u8 {
    use crate::names::lexicon::{GAZETTEER, class};
    let capitals = word.iter().all(|b| !b.is_ascii_lowercase());
    if !capitals {
        return b'l';
    }
    let stem = String::from_utf8_lossy(&word[..word.len() - 1]).to_lowercase();
    if GAZETTEER.is(&format!("{stem}i"), class::FIRST_NAME | class::SURNAME) {
        b'I'
    } else {
        b'L'
    }
}

/// An `l` that OCR read for a capital I: at the start of a word before a consonant where
/// the I makes a word or a name (`lk`, `llyas`, `lbn`) or before a capital (`lBAN`,
/// `lJssel`), and between capitals (`DEMlR`, `BlJ12`, `AHMADZAl`).
fn l_for_capital_i(bytes: &[u8], start: usize, end: usize, out: &mut Vec<(usize, u8)>) {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word};
    let word = &bytes[start..end];
    // Most words have no `l`: they cost one scan. A domain's or a path's part is no OCR's
    // (`secretariaat@lsa-oost.nl`).
    if !word.contains(&b'l') || start > 0 && b"@./".contains(&bytes[start - 1]) {
        return;
    }
    let upper = |k: usize| word.get(k).is_some_and(u8::is_ascii_uppercase);
    let capitals = word.iter().filter(|b| b.is_ascii_uppercase()).count();
    for k in (0..word.len()).filter(|&k| word[k] == b'l') {
        let repair = if k == 0 {
            let consonant = word
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() && !b"aeiouyAEIOUY".contains(b));
            consonant && {
                let read = format!("i{}", String::from_utf8_lossy(&word[1..]).to_lowercase());
                let known = |w: &str| {
                    is_dutch_word(w)
                        || GAZETTEER.is(w, class::FIRST_NAME | class::SURNAME | class::PARTICLE)
                };
                upper(1) || (!known(&String::from_utf8_lossy(word).to_lowercase()) && known(&read))
            }
        } else {
            capitals >= 2 && upper(k - 1) && (upper(k + 1) || k + 1 == word.len())
        };
        if repair {
            out.push((start + k, b'I'));
        }
    }
}

/// The cuts that undo OCR's confusions which change a word's length: `rn` read for `m`
/// (`rnevrouw`, `Rotterdarn`), and an e-mail address spaced out or with a comma for a dot
/// (`jan.bakker @ gmail . com`, `naam@ziggo,nl`).
fn ocr_cuts(text: &str, cuts: &mut Vec<Cut>) {
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"rn") {
        rn_for_m(text, at, cuts);
    }
    for at in memchr::memchr_iter(b'@', bytes) {
        spaced_address(bytes, at, cuts);
    }
    split_names(bytes, cuts);
}

/// A name that OCR split with a space (`Hazenb erg`, `Wolt ers`, `Ni jland`) or spaced out
/// letter by letter (`K u i p e r s`): the spaces are cut where the piece after the space is
/// no word of its own and the pieces joined make a known surname (or, spaced out, a first
/// name).
fn split_names(bytes: &[u8], cuts: &mut Vec<Cut>) {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word};
    let name = |w: &[u8], classes: u16| {
        GAZETTEER.is(&String::from_utf8_lossy(w).to_ascii_lowercase(), classes)
    };
    // Letters only, with nothing but ASCII punctuation or spaces around.
    let edge = |k: Option<&u8>| k.is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
    // The piece after the space: a short word in lower case that is no word of its own.
    let loose_piece = |w: &[u8]| {
        let piece = std::str::from_utf8(w).unwrap_or_default();
        let known = class::FIRST_NAME
            | class::SURNAME
            | class::PARTICLE
            | class::WORD
            | class::PLACE
            | class::TITLE;
        w.len() <= 5
            && w.iter().all(u8::is_ascii_lowercase)
            && !is_dutch_word(piece)
            && !GAZETTEER.is(piece, known)
    };
    let mut previous: Option<(usize, usize)> = None;
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        let clean = edge(start.checked_sub(1).map(|k| &bytes[k])) && edge(bytes.get(at));
        let last = previous.replace((start, at)).filter(|_| clean);
        if !clean {
            previous = None;
            continue;
        }
        let word = &bytes[start..at];
        if word.len() == 1 {
            // Letters spaced out: `K u i p e r s`, four letters or more.
            let mut end = at;
            while bytes.get(end) == Some(&b' ')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_lowercase)
                && edge(bytes.get(end + 2))
            {
                end += 2;
            }
            let spaced_out = end - start >= 7
                && name(
                    &bytes[start..end]
                        .iter()
                        .copied()
                        .step_by(2)
                        .collect::<Vec<u8>>(),
                    class::FIRST_NAME | class::SURNAME,
                );
            if spaced_out {
                cuts.extend((start + 1..end).step_by(2).map(|k| (k, k + 1, "", true)));
                previous = None;
                at = end;
                continue;
            }
        }
        // The end of a name after one space: `Hazenb erg`.
        let Some((a, b)) = last else { continue };
        let first = &bytes[a..b];
        if b + 1 == start
            && bytes[b] == b' '
            && first.len() >= 2
            && first[0].is_ascii_uppercase()
            && first[1..].iter().all(u8::is_ascii_lowercase)
            && loose_piece(word)
            // A surname: two short words of another language make a first name (`Mi ke`).
            && name(&[first, word].concat(), class::SURNAME)
        {
            cuts.push((b, start, "", true));
            previous = None;
        }
    }
}

/// The ASCII word around byte `at`.
fn word_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = bytes[..at]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |k| k + 1);
    let end = bytes[at..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .map_or(bytes.len(), |k| at + k);
    (start, end)
}

/// `rn` in a word that is no word, where reading `m` makes a word, a title, a name or a
/// place: `rnevrouw`, `rnijn`, `Veldrnan`, `Rotterdarn`, `Tarnrnes` (every `rn` of the word).
fn rn_for_m(text: &str, at: usize, cuts: &mut Vec<Cut>) {
    use crate::names::lexicon::{GAZETTEER, class, is_dutch_word};
    let bytes = text.as_bytes();
    let (start, end) = word_around(bytes, at);
    // Once per word: at its first `rn`; words next to other letters (`Doğan`) are left.
    let first = memchr::memmem::find(&bytes[start..end], b"rn").map(|k| start + k);
    let ascii_edges =
        (start == 0 || bytes[start - 1].is_ascii()) && bytes.get(end).is_none_or(u8::is_ascii);
    if first != Some(at) || end - start < 3 || !ascii_edges {
        return;
    }
    let known = |w: &str| {
        is_dutch_word(w)
            || GAZETTEER.is(
                w,
                class::FIRST_NAME | class::SURNAME | class::PLACE | class::TITLE | class::WORD,
            )
    };
    let word = text[start..end].to_ascii_lowercase();
    let read = word.replace("rn", "m");
    if known(&word) || !known(&read) {
        return;
    }
    let mut k = start;
    while let Some(found) = memchr::memmem::find(&bytes[k..end], b"rn") {
        cuts.push((k + found, k + found + 2, "m", true));
        k += found + 2;
    }
}

/// An e-mail address that OCR spaced out around its `@` or its dots, or read a comma for a
/// dot before its top-level domain: `jan.bakker87 @ gmail . com`, `naam@ziggo,nl`,
/// `t.smit@kroeze-partners .nl`. Cuts the spaces and reads the comma as a dot.
fn spaced_address(bytes: &[u8], at: usize, cuts: &mut Vec<Cut>) {
    const TOP_LEVEL: &[&[u8]] = &[b"nl", b"com", b"be", b"org", b"net", b"eu", b"de", b"info"];
    let local_char = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let label_char = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    let spaces = |from: usize, forward: bool| {
        let mut n = 0;
        while n < 2 {
            let k = if forward {
                from + n
            } else {
                from.wrapping_sub(n + 1)
            };
            if bytes.get(k) != Some(&b' ') {
                break;
            }
            n += 1;
        }
        n
    };
    // The local part: up to two spaces before the `@`, three characters or more.
    let before = spaces(at, false);
    let local_end = at - before;
    let local_start = bytes[..local_end]
        .iter()
        .rposition(|&b| !local_char(b))
        .map_or(0, |k| k + 1);
    let local = &bytes[local_start..local_end];
    if local.len() < 3 || !local.last().is_some_and(u8::is_ascii_alphanumeric) {
        return;
    }
    // The domain: labels separated by dots, each dot with a space or two around it, or a
    // comma before the top-level domain.
    let mut found: Vec<Cut> = Vec::new();
    if before > 0 {
        found.push((local_end, at, "", true));
    }
    let after = spaces(at + 1, true);
    if after > 0 {
        found.push((at + 1, at + 1 + after, "", true));
    }
    // The cuts up to the last top-level domain read (`… . com`, not the sentence after it).
    let mut accepted = 0;
    let mut k = at + 1 + after;
    loop {
        let label_start = k;
        while bytes.get(k).copied().is_some_and(label_char) {
            k += 1;
        }
        let label = &bytes[label_start..k];
        if label_start > at + 1 + after && TOP_LEVEL.contains(&label) {
            accepted = found.len();
        }
        let gap_before = spaces(k, true);
        let sep = bytes.get(k + gap_before).copied();
        let dot = k + gap_before;
        let gap_after = spaces(dot + 1, true);
        let next_start = dot + 1 + gap_after;
        let next_end = next_start
            + bytes
                .get(next_start..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| label_char(b))
                .count();
        // A comma reads as a dot only glued before the top-level domain (`ziggo,nl`).
        let comma_for_dot = sep == Some(b',')
            && gap_before + gap_after == 0
            && TOP_LEVEL.contains(&&bytes[next_start..next_end]);
        if label.is_empty() || next_end == next_start || !(sep == Some(b'.') || comma_for_dot) {
            found.truncate(accepted);
            cuts.extend(found);
            return;
        }
        if comma_for_dot {
            found.push((dot, dot + 1, ".", true));
        }
        if gap_before > 0 {
            found.push((k, dot, "", true));
        }
        if gap_after > 0 {
            found.push((dot + 1, next_start, "", true));
        }
        k = next_start;
    }
}

/// The join at the line break at byte `nl`, if the layout made it: the original byte range
/// to take out and what to put in its place.
fn join_at(text: &str, nl: usize) -> Option<(usize, usize, &'static str)> {
    let before = text[..nl].strip_suffix('\r').unwrap_or(&text[..nl]);
    let line_end = before.len();
    // In a quoted reply both lines carry the quote marks (`> naam@` / `> minbzk.nl`): they
    // are layout too.
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    let quoted = line.trim_start().starts_with('>');
    let after_indent = nl
        + 1
        + text[nl + 1..]
            .bytes()
            .take_while(|b| *b == b' ' || *b == b'\t' || (quoted && *b == b'>'))
            .count();
    let next = text[after_indent..].chars().next()?;
    let mut last = before.chars().rev();
    let end_char = last.next()?;
    let before_end = last.next();

    // A word hyphenated at the line end.
    if end_char == '-' && before_end.is_some_and(char::is_alphabetic) && next.is_alphabetic() {
        let keep_hyphen = next.is_uppercase() || starts_with_particle(&text[after_indent..]);
        return Some(if keep_hyphen {
            (line_end, after_indent, "")
        } else {
            (line_end - 1, after_indent, "")
        });
    }
    // An e-mail address broken at its `@` or after a dot or hyphen in it.
    let last_token = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '<' | '(' | '[' | ':' | ','))
        .next()
        .unwrap_or_default();
    // After a dot, only when the domain has no dot yet (`naam@minbzk.` / `nl`), not at the end
    // of a sentence (`naam@minbzk.nl.` / `Turfmarkt`).
    let domain_unfinished = last_token
        .split_once('@')
        .is_some_and(|(_, domain)| !domain.trim_end_matches(['.', '-']).contains('.'));
    let broken_address = end_char == '@'
        || (next == '@' && before_end.is_some() && end_char.is_alphanumeric())
        || (domain_unfinished && matches!(end_char, '.' | '-') && next.is_alphanumeric());
    if broken_address {
        return Some((line_end, after_indent, ""));
    }
    // A number broken after a hyphen between its groups (`06-` / `48392071`).
    if end_char == '-' && before_end.is_some_and(|c| c.is_ascii_digit()) && next.is_ascii_digit() {
        return Some((line_end, after_indent, ""));
    }
    // A street name at the line end, its house number on the next line (`Kanaalweg` / `40`).
    if end_char.is_alphabetic() && next.is_ascii_digit() {
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let number_then_break = text[after_indent..]
            .split(['\n', ','])
            .next()
            .is_some_and(|l| l.trim().len() <= 6);
        if word.starts_with(char::is_uppercase)
            && crate::detect::address::is_street_word(word)
            && number_then_break
        {
            return Some((line_end, after_indent, " "));
        }
    }
    // A telephone number broken between digit groups.
    if end_char.is_ascii_digit() && next.is_ascii_digit() {
        let head = trailing_number(before);
        let tail = leading_number(&text[after_indent..]);
        let joined = format!("{head} {tail}");
        if crate::detect::phone::canonical(&joined).is_some()
            && crate::detect::phone::canonical(head).is_none()
            && crate::detect::phone::canonical(tail).is_none()
        {
            return Some((line_end, after_indent, " "));
        }
    }
    None
}

/// Whether `s` starts with a surname particle followed by a space (`de Jong`).
fn starts_with_particle(s: &str) -> bool {
    let word: String = s.chars().take_while(|c| c.is_alphabetic()).collect();
    s[word.len()..].starts_with(' ') && crate::names::lexicon::is_particle(&word.to_lowercase())
}

/// The digit groups at the end of a line (`Bel 06-4839` gives `06-4839`).
fn trailing_number(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '+' | '(' | ')'))
        .last()
        .map_or(s.len(), |(i, _)| i);
    s[start..].trim_start()
}

/// The digit groups at the start of a line.
fn leading_number(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.')))
        .map_or(s.len(), |(i, _)| i);
    s[..end].trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> String {
        View::new(text).text().to_string()
    }

    #[test]
    fn undoes_ocr_confusions_byte_for_byte() {
        assert_eq!(view("tel. O40 - 236 98 14"), "tel. 040 - 236 98 14");
        assert_eq!(
            view("geb. O9-O2-1958, Parkweg 1l8"),
            "geb. 09-02-1958, Parkweg 118"
        );
        assert_eq!(view("mobiel 06-30l45608"), "mobiel 06-30145608");
        assert_eq!(
            view("geb. l9-ll-197O, tel O6 l4 7O 33 9l, Postbus 3OO, O3-ll-l966"),
            "geb. 19-11-1970, tel 06 14 70 33 91, Postbus 300, 03-11-1966"
        );
        assert_eq!(
            view("door S. 0udshoorn en T. W1nter, Kowa1czyk"),
            "door S. Oudshoorn en T. Winter, Kowalczyk"
        );
        // Words and codes that hold a digit on purpose stay.
        for text in [
            "CO2 en NO2 in 2024",
            "A1 en B2B",
            "1ste week",
            "H2O",
            "COVID19",
            "Il y a",
            "Fase1 en Team1",
            "NEN1010 en RL01A",
            "lang leve de klant, MdlR",
            "O2 en I2",
        ] {
            assert_eq!(view(text), text);
        }
    }

    #[test]
    fn reads_a_capital_i_and_letters_for_digits_in_names() {
        assert_eq!(
            view("lk ben de moeder van llyas DEMlR, zie lBAN"),
            "Ik ben de moeder van Ilyas DEMIR, zie IBAN"
        );
        assert_eq!(view("van BlJ12 en G. Wo1f"), "van BIJ12 en G. Wolf");
        assert_eq!(
            view("Samiu11ah KAR1MI en N00RZAI, Kolkweg l5"),
            "Samiullah KARIMI en NOORZAI, Kolkweg 15"
        );
        assert_eq!(view("4O2O Luik"), "4020 Luik");
        // Not in an address's domain.
        assert_eq!(view("secretariaat@lsa-oost.nl"), "secretariaat@lsa-oost.nl");
    }

    #[test]
    fn reads_digits_at_a_names_ends_and_articles_where_that_makes_a_known_name() {
        assert_eq!(
            view("mevr. B. Voge1, dhr. 8akker, K. V0S, E1 Idrissi en A1-Sayed, Inam u1-Haq"),
            "mevr. B. Vogel, dhr. Bakker, K. VOS, El Idrissi en Al-Sayed, Inam ul-Haq"
        );
        assert_eq!(
            view("de heer M. $ahin en P. Wi$niewski"),
            "de heer M. Sahin en P. Wisniewski"
        );
        for text in [
            "Fase1 en Team1",
            "[Opmerking NeI1]",
            "A1 Amsterdam en A1-formaat",
            "kosten $ 40 of $5, US$",
            "8uur",
        ] {
            assert_eq!(view(text), text);
        }
    }

    #[test]
    fn joins_a_surname_that_ocr_split() {
        assert_eq!(
            view("De heer Wolt ers en dr. K u i p e r s belden."),
            "De heer Wolters en dr. Kuipers belden."
        );
        // Pieces that are words, and short words of another language, stay apart.
        for text in [
            "Pieters en Jansen",
            "Mi ke pa boso",
            "Mar it moat",
            "a b c d",
        ] {
            assert_eq!(view(text), text);
        }
    }

    #[test]
    fn reads_m_for_rn_where_that_makes_a_word() {
        assert_eq!(
            view("Geachte rnevrouw, ik heb rnijn brief rnet de rneneer besproken."),
            "Geachte mevrouw, ik heb mijn brief met de meneer besproken."
        );
        assert_eq!(view("3033 BG Rotterdarn"), "3033 BG Rotterdam");
        // Words with `rn` stay (`kern`, `Arnhem`, `Bernard`).
        for text in ["de kern van Arnhem", "Bernard en Ernst", "modern"] {
            assert_eq!(view(text), text);
        }
        // A span ending after the `m` ends after the `n`.
        let original = "Aan rnevrouw Tarnrnes";
        let v = View::new(original);
        let e = v.text().len();
        assert_eq!(v.original(e, true), original.len());
        let s = v.text().find("mevrouw").unwrap();
        assert_eq!(
            &original[v.original(s, false)..v.original(s + 7, true)],
            "rnevrouw"
        );
    }

    #[test]
    fn closes_an_e_mail_address_that_ocr_spaced_out() {
        assert_eq!(
            view("E-rnail: jadzia.k87 @ gmail . com."),
            "E-mail: jadzia.k87@gmail.com."
        );
        assert_eq!(
            view("mail m.devries.73@ziggo,nl  (zij"),
            "mail m.devries.73@ziggo.nl  (zij"
        );
        assert_eq!(
            view("t.smit@kroeze-partners .nl"),
            "t.smit@kroeze-partners.nl"
        );
        // Lists and sentences stay as written.
        for text in [
            "a@b.nl, c@d.nl",
            "a@b.nl,c@d.nl",
            "mail a@b.nl. Ook",
            "Jan @ 10 . 00 uur",
            "vraag @ het team. nl",
        ] {
            assert_eq!(view(text), text);
        }
    }

    #[test]
    fn joins_what_the_layout_broke() {
        assert_eq!(view("de heer Wil-\nlemsen belt"), "de heer Willemsen belt");
        assert_eq!(view("Jan-\n  Willem en"), "Jan-Willem en");
        assert_eq!(view("mevrouw Visser-\nde Jong"), "mevrouw Visser-de Jong");
        assert_eq!(view("mail naam@\nminbzk.nl"), "mail naam@minbzk.nl");
        assert_eq!(view("> mail naam@\n> minbzk.nl"), "> mail naam@minbzk.nl");
        assert_eq!(view("> bel 06-1274\n> 6603 aub"), "> bel 06-1274 6603 aub");
        assert_eq!(
            view("mail j.devries@minbzk.\nnl nu"),
            "mail j.devries@minbzk.nl nu"
        );
        assert_eq!(
            view("mail j.devries\n@minbzk.nl"),
            "mail j.devries@minbzk.nl"
        );
        assert_eq!(view("bel 06-4839\n2017 graag"), "bel 06-4839 2017 graag");
        assert_eq!(view("bel 06-\n48392017 graag"), "bel 06-48392017 graag");
        assert_eq!(
            view("woont aan de Kanaalweg\n40 in"),
            "woont aan de Kanaalweg 40 in"
        );
    }

    #[test]
    fn leaves_real_line_breaks() {
        for text in [
            "Van: Jan\nAan: Piet",
            "- punt een\n- punt twee",
            "Totaal 2024\n2025 begroting",
            "bel 06-12345678\n06-87654321",
            "regel -\nnieuw",
            "a\r\nb",
            "mail jan@minjenv.nl.\nTurfmarkt 147",
        ] {
            assert_eq!(view(text), text);
            assert!(View::new(text).is_original());
        }
    }

    proptest::proptest! {
        /// Every view offset maps to a character boundary of the original, in order, and a
        /// span of the view maps to a span that holds at least its characters.
        #[test]
        fn offsets_map_back_in_order(text in "[a-zA-Z0-9rnlO1@., \n-]{0,80}") {
            let v = View::new(&text);
            let t = v.text();
            let mut last = 0;
            for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                let (s, e) = (v.original(at, false), v.original(at, true));
                proptest::prop_assert!(e <= s && s <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                proptest::prop_assert!(e >= last);
                last = s;
            }
        }
    }

    #[test]
    fn maps_offsets_back() {
        let original = "de heer Wil-\nlemsen belt, naam@\n  minbzk.nl ok";
        let v = View::new(original);
        let t = v.text();
        let s = t.find("Willemsen").unwrap();
        let e = s + "Willemsen".len();
        assert_eq!(
            &original[v.original(s, false)..v.original(e, true)],
            "Wil-\nlemsen"
        );
        let s = t.find("naam@").unwrap();
        let e = t.find(" ok").unwrap();
        assert_eq!(
            &original[v.original(s, false)..v.original(e, true)],
            "naam@\n  minbzk.nl"
        );
        // Before the first join, offsets are the same.
        assert_eq!(v.original(3, false), 3);
        // A span ending right where bytes were taken out ends before them.
        let wil = t.find("Wil").unwrap();
        assert_eq!(v.original(wil + 3, true), wil + 3);
    }
}
