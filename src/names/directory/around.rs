//! What stands around a hit of a listed name in the text: the first name or initials before
//! it, its particles, a title, and how the name is written there.

use super::*;

/// The first name or the initials written in tokens `[start, end)` (before the particles,
/// or after the comma of a reversed name).
pub(super) fn written(g: &Grammar, start: usize, end: usize) -> Option<Written> {
    let words: Vec<usize> = (start..end).filter(|&k| g.word(k).is_some()).collect();
    let &first = words.first()?;
    let dotted = g.is_punct(first + 1, '.');
    let upper = g.str(first).chars().all(char::is_uppercase);
    if dotted || upper {
        let letters: String = words
            .iter()
            .filter(|&&k| !g.is_lower(k))
            .flat_map(|&k| {
                let w = g.str(k);
                // `JW` undotted: every letter an initial; `Th.`: one.
                if w.chars().all(char::is_uppercase) {
                    w.chars().collect::<Vec<_>>()
                } else {
                    w.chars().take(1).collect()
                }
            })
            .collect();
        return Some(Written::Initials(fold(&letters)));
    }
    // A first name: the capitalised words up to the particles, hyphens kept.
    let last = words
        .iter()
        .take_while(|&&k| g.is_cap(k) || g.has(k, shape::UPPER))
        .last()?;
    Some(Written::Given(fold(
        &g.text_of_tokens(first, last + 1)
            .replace(char::is_whitespace, " "),
    )))
}

/// The token after the words `words` (folded) starting at `i`, which may be joined by hyphens
/// or single spaces (`Visser-de Jong`, `Klein Schiphorst`, `Jan-Willem`), in any case.
pub(super) fn match_words(g: &Grammar, i: usize, words: &[String]) -> Option<usize> {
    let mut k = i;
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            if g.is_punct(k, '-') && g.glued(k - 1) && g.glued(k) {
                k += 1;
            } else if !(g.spaced(k - 1) || g.wraps(k - 1)) {
                return None;
            } else {
                k = g.skip_wrap(k);
            }
        }
        if g.word(k).is_none() || g.folded(k) != w {
            return None;
        }
        k += 1;
    }
    (k > i).then_some(k)
}

/// The first token of the particles right before `t` (`van der`, `Van der`, `v.d.`, `v/d`,
/// `vd`, `'t`), or `t` when there are none.
pub(super) fn particles_before(g: &Grammar, t: usize) -> usize {
    let mut start = t;
    let mut k = t;
    while k > 0 && t - k < 8 {
        let mut prev = k - 1;
        // A particle at the end of the line before (`de heer Van der` / `Meer`).
        if g.is_line_end(prev) && prev > 0 && g.wraps(prev - 1) {
            prev -= 1;
        } else if !(g.spaced(prev) || g.glued(prev)) {
            break;
        }
        if g.is_punct(prev, '.') || g.is_punct(prev, '/') {
            k = prev;
            continue;
        }
        let Some(w) = g.word(prev) else { break };
        let f = g.folded(prev);
        // A single capital (`D. Mei`) is an initial, not an abbreviated particle (`d.`).
        let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
        let short = SHORT_PARTICLES.contains(&f) && w.chars().count() <= 3 && !initial;
        if !(is_particle(f) || short) {
            break;
        }
        // A lower-case `van` before capitalised particles is a preposition: `het advies van
        // Van der Meer`.
        if start < t && g.is_cap(start) && g.is_lower(prev) {
            break;
        }
        k = prev;
        start = prev;
    }
    start
}

/// The token after the particles at `i` (`van der`, `v.d.`), or `i`. Particles before a
/// surname must be followed by it; `trailing` ones close a reversed name
/// (`Meer, Jan-Willem van der`).
pub(super) fn skip_particles(g: &Grammar, i: usize, trailing: bool) -> usize {
    let mut k = i;
    while k < i + 8 {
        let particle = g.word(k).is_some_and(|w| {
            let f = g.folded(k);
            is_particle(f) || (SHORT_PARTICLES.contains(&f) && w.chars().count() <= 3)
        });
        let abbreviation = k > i && (g.is_punct(k, '.') || g.is_punct(k, '/')) && g.glued(k - 1);
        if !(particle || abbreviation) {
            break;
        }
        k += 1;
        if !(g.spaced(k - 1) || g.glued(k - 1)) {
            break;
        }
    }
    if k > i && !trailing && g.word(k).is_none() {
        return i;
    }
    k
}

/// The start of a hyphenated first name ending at `last` (`Jan-Willem`, `Mei-Ling`).
pub(super) fn hyphenated_start(g: &Grammar, last: usize) -> usize {
    if last >= 2
        && g.is_punct(last - 1, '-')
        && g.glued(last - 2)
        && g.glued(last - 1)
        && g.is_cap(last - 2)
    {
        return last - 2;
    }
    last
}

/// The start of initials ending right before `at` (exclusive), in any usual writing: `J.`,
/// `J.P.`, `J. Th.`, `A-B`, `M-L.`, and undotted capitals (`JW`, `M`).
pub(super) fn initials_before(g: &Grammar, at: usize) -> Option<usize> {
    let start = initials_start(g, at)?;
    // `Z.M. de Koning` is the King, `H.K.H.` a princess: styles, not initials.
    let letters: String = (start..at)
        .filter_map(|k| g.word(k).map(|_| g.folded(k)))
        .collect();
    // The letters of a postcode (`6811 CA Arnhem`) are not initials.
    let postcode = start > 0
        && g.tokens()[start - 1].kind == crate::names::token::Kind::Number
        && g.str(start - 1).len() == 4
        && letters.chars().count() == 2;
    // `DG Wijnbergen`, `SG Jansen`: a function's abbreviation in capitals, not initials.
    let function = !g.is_punct(at - 1, '.')
        && ["dg", "sg", "pdg", "hid", "cdk", "vz"].contains(&letters.as_str());
    (!postcode
        && !function
        && !["zm", "hkh", "zkh", "hm", "zh", "nb", "ps", "bv", "nv"].contains(&letters.as_str()))
    .then_some(start)
}

pub(super) fn initials_start(g: &Grammar, at: usize) -> Option<usize> {
    let mut k = at;
    let mut found = false;
    while k > 0 && at - k < 12 {
        let prev = k - 1;
        if g.is_punct(prev, '.') && prev > 0 && g.glued(prev - 1) {
            let w = g.word(prev - 1)?;
            if is_initial(w) {
                k = prev - 1;
                found = true;
                continue;
            }
            return found.then_some(k);
        }
        if g.is_punct(prev, '-') && found && prev > 0 && g.glued(prev - 1) && g.glued(prev) {
            k = prev;
            continue;
        }
        match g.word(prev) {
            Some(w) if !found && w.chars().count() <= 3 && w.chars().all(char::is_uppercase) => {
                k = prev;
                found = true;
            }
            Some(w) if found && w.chars().count() == 1 && w.chars().all(char::is_uppercase) => {
                // `A-B`: the letter before the hyphen.
                k = prev;
            }
            _ => break,
        }
        if !(k > 0 && (g.spaced(k - 1) || g.glued(k - 1))) {
            break;
        }
    }
    found.then_some(k)
}

/// An initial as written before its dot: one capital, or a Dutch two- or three-letter one
/// (`Th`, `Chr`, `Ph`); not a title or form of address (`Dhr.`, `Mw.`, `Dr.`).
pub(super) fn is_initial(w: &str) -> bool {
    let n = w.chars().count();
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    first_upper
        && (n == 1
            || (n <= 3
                && w.chars().skip(1).all(char::is_lowercase)
                && !lexicon::TITLES.contains(&fold(w).as_str())))
}

/// The initials of the listed person's surname at `i`, with an optional dot: `S.`, `KS`,
/// `vdM`, `vZ`, `V`.
pub(super) fn surname_initials_at(g: &Grammar, i: usize, p: &Listed) -> Option<usize> {
    let w = g.word(i)?;
    let family: String = p
        .surname
        .iter()
        .filter(|w| !is_particle(w))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase();
    let parts: String = p
        .particles
        .iter()
        .filter_map(|w| w.chars().next())
        .collect();
    let first_family: String = family.chars().take(1).collect();
    // A double surname's initials joined by its hyphen (`Esther K-V`).
    let second_family: String = family.chars().skip(1).collect();
    if family.chars().count() == 2
        && w == first_family
        && g.is_punct(i + 1, '-')
        && g.glued(i)
        && g.glued(i + 1)
        && g.word(i + 2) == Some(second_family.as_str())
    {
        return Some(i + 3);
    }
    let candidates = [
        family.clone(),
        format!("{parts}{family}"),
        format!("{parts}{first_family}"),
        first_family,
    ];
    if !candidates.iter().any(|c| !c.is_empty() && c == w) {
        return None;
    }
    let dotted = g.is_punct(i + 1, '.') && g.glued(i);
    let end = if dotted { i + 2 } else { i + 1 };
    // A single letter without a dot must end the phrase (`Bram H 09:14`, `Niels K:`), or it
    // may be a word (`Roos A …`).
    let next = g.tokens().get(end).map(|t| t.kind);
    let ends = matches!(
        next,
        None | Some(Kind::Newline | Kind::Number | Kind::Punct(_))
    );
    (dotted || w.chars().count() > 1 || ends).then_some(end)
}

/// Whether a title or form of address stands right before token `i` (`de heer`, `mevrouw`,
/// `dhr.`, `mr.`).
pub(super) fn title_before(g: &Grammar, i: usize) -> bool {
    let mut k = i;
    if k > 0 && g.is_punct(k - 1, '.') {
        k -= 1;
    }
    k > 0 && g.has(k - 1, class::TITLE | class::ROLE) && !g.has(k - 1, shape::UPPER)
}

/// The start of the academic titles right before token `i` (`prof. dr. ir.`), or `i`.
pub(in crate::names) fn academic_titles_before(g: &Grammar, i: usize) -> usize {
    let mut start = i;
    let mut k = i;
    while k > 0 {
        let mut j = k - 1;
        if g.is_punct(j, '.') && j > 0 {
            j -= 1;
        }
        let is_title = g
            .word(j)
            .is_some_and(|_| ACADEMIC_TITLES.contains(&g.folded(j)))
            && (g.spaced(k - 1) || g.wraps(k - 1));
        if !is_title {
            break;
        }
        start = j;
        k = j;
    }
    start
}
