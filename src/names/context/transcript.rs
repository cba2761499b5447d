//! Speaker labels of transcripts and interview notes: initials at the start of a line,
//! before a colon (`OB: dat klopt`, `JdV: …`). One such line could be a heading (`NB:`); a
//! label that opens several lines is a speaker.

use std::collections::HashMap;

use super::{Line, mention};
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar, NAMED_ABBREVIATIONS, NameParse};
use crate::names::lexicon::class;

/// Prepositions and articles before an organisation's acronym used elsewhere in the text
/// (`bij RWS`, `de ODVR`): a label that is an organisation's is not a person's.
/// Not `via`, `door`, `met` or `voor`: a matter goes via or is done by a person as often
/// (`akkoord (via EV)`).
const BEFORE_ORGANISATION: &[&str] = &["bij", "van", "namens", "de", "het", "en"];

/// Finds the speakers of lines that open with initials or a surname in capitals and a colon
/// (`OB:`, `TJON-A-FONG:`, `VAN DER MEER:`).
pub(super) fn speaker_labels(g: &Grammar, lines: &[Line], out: &mut Vec<Mention>) {
    let mut labels: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut surnames: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for line in lines {
        let i = line.start;
        let Some(w) = g.word(i) else { continue };
        if let Some(colon) = capitals_label(g, i, line.end) {
            let toks = g.tokens();
            let label = &g.text()[toks[i].start..toks[colon - 1].end];
            surnames.entry(label).or_default().push((i, colon));
            continue;
        }
        let letters = w.chars().count();
        let initials = (2..=5).contains(&letters)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().last().is_some_and(char::is_uppercase)
            && w.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if initials
            && g.is_punct(i + 1, ':')
            && !NAMED_ABBREVIATIONS.contains(&g.folded(i))
            && !g.has(i, class::ORG | class::NOT_NAME | class::PLACE | class::WORD)
        {
            labels.entry(w).or_default().push(i);
        }
    }
    for at in surnames.into_values().filter(|at| at.len() >= 2) {
        for (i, colon) in at {
            let toks = g.tokens();
            // The surname's words, not an initial in brackets after them.
            let name_end = (i..colon).find(|&k| g.is_punct(k, '(')).unwrap_or(colon);
            let words: Vec<usize> = (i..name_end)
                .filter(|&k| g.word(k).is_some() && !g.has(k, class::PARTICLE))
                .collect();
            let p = NameParse {
                start: toks[i].start,
                end: toks[colon - 1].end,
                next: colon,
                form: Form::Surname,
                given: None,
                initials: None,
                surname: Some(
                    words
                        .iter()
                        .map(|&k| g.folded(k))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
            };
            out.push(mention(p, "name.speaker", "speaker label of a transcript"));
        }
    }
    for (label, at) in labels {
        if at.len() < 2 || used_as_organisation(g, label) {
            continue;
        }
        for i in at {
            if let Some(p) = g.initials_alone(i) {
                out.push(mention(p, "name.speaker", "speaker label of a transcript"));
            }
        }
    }
}

/// The colon after a surname in capitals that opens a line as a speaker's label
/// (`HAGENAARS:`, `TJON-A-FONG:`, `JANSEN-DE VRIES:`, `VAN DER MEER:`): capital words joined
/// by hyphens or spaces, one of them long enough to be a surname, none a word, role or
/// organisation (`VOORZITTER:`, `BELLER:`, `ACTIE:`, `GGD:`, `TOLKCENTRUM:`).
fn capitals_label(g: &Grammar, i: usize, end: usize) -> Option<usize> {
    let mut k = i;
    let mut surname = false;
    while k < end && k < i + 8 {
        let w = g.word(k)?;
        if !w.chars().all(char::is_uppercase) {
            return None;
        }
        let folded = g.folded(k);
        // A single letter inside a name counts as a particle (`TJON-A-FONG`).
        let particle = g.has(k, class::PARTICLE) || folded.chars().count() == 1;
        let word = crate::names::lexicon::is_dutch_word(folded) && !g.has(k, class::SURNAME);
        let kind = crate::names::orgs::is_kind_of_organisation(folded);
        if !particle && (word || kind || g.has(k, class::NOT_A_PERSON)) {
            return None;
        }
        surname |= !particle
            && folded.chars().count() >= 4
            && folded.chars().any(|c| "aeiouy".contains(c))
            && !NAMED_ABBREVIATIONS.contains(&folded);
        k += 1;
        // A speaker's words follow after a space; a calendar file's keys do not
        // (`DESCRIPTION:Beste allen`).
        if g.is_punct(k, ':') {
            return (surname && (g.spaced(k) || g.is_line_end(k + 1))).then_some(k);
        }
        // Relatives told apart by an initial in brackets (`KLOOSTERMAN (S.):`).
        if g.is_punct(k, '(')
            && g.spaced(k - 1)
            && let Some((close, _)) = g.initials(k + 1, false)
            && g.is_punct(close, ')')
            && g.is_punct(close + 1, ':')
        {
            let colon = close + 1;
            return (surname && (g.spaced(colon) || g.is_line_end(colon + 1))).then_some(colon);
        }
        // The next word of the name: after a hyphen inside it, or a space.
        if g.is_punct(k, '-') && g.glued(k - 1) && g.glued(k) {
            k += 1;
        } else if !g.spaced(k - 1) {
            return None;
        }
    }
    None
}

/// Whether `label` stands elsewhere in the text after a preposition or article, or in
/// capitals in brackets after a name (`R. van Zwolle (WJZ)`: where the person works). The
/// text is read once, on the first question (see [`organisation_words`]).
pub(crate) fn used_as_organisation(g: &Grammar, label: &str) -> bool {
    g.organisation_words(organisation_words).contains(label)
}

/// The words the text uses as an organisation's name somewhere, for
/// [`used_as_organisation`].
fn organisation_words<'a>(g: &Grammar<'a>) -> std::collections::HashSet<&'a str> {
    (1..g.tokens().len())
        .filter(|&k| {
            let Some(label) = g.word(k) else { return false };
            let capitals = label.chars().count() >= 3 && label.chars().all(char::is_uppercase);
            g.word_in(k - 1, BEFORE_ORGANISATION)
                || (capitals
                    && g.is_punct(k - 1, '(')
                    && g.is_punct(k + 1, ')')
                    && k >= 2
                    && (g.is_cap(k - 2) || g.is_punct(k - 2, '.')))
                // After a full name, where the person works: `Erwin Lubbers SBO`.
                || (capitals && k >= 2 && g.is_cap(k - 1) && g.is_cap(k - 2) && g.spaced(k - 1))
                // A label that a list of people follows: `SBO: E. Lubbers (EL), J. Mensink`.
                || (capitals
                    && g.is_punct(k + 1, ':')
                    && (k + 2..k + 6).any(|j| g.initials(j, false).is_some() && g.is_cap(j + 2)))
        })
        .filter_map(|k| g.word(k))
        .collect()
}
