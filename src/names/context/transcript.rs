//! Speaker labels of transcripts and interview notes: initials at the start of a line,
//! before a colon (`OB: dat klopt`, `JdV: …`). One such line could be a heading (`NB:`); a
//! label that opens several lines is a speaker.

use std::collections::HashMap;

use super::{Line, mention};
use crate::names::Mention;
use crate::names::grammar::{Grammar, NAMED_ABBREVIATIONS};
use crate::names::lexicon::class;

/// Prepositions and articles before an organisation's acronym used elsewhere in the text
/// (`bij RWS`, `de ODVR`): a label that is an organisation's is not a person's.
const BEFORE_ORGANISATION: &[&str] = &[
    "bij", "van", "via", "door", "met", "naar", "namens", "voor", "de", "het", "aan", "en",
];

/// Finds the speakers of lines that open with initials and a colon.
pub(super) fn speaker_labels(g: &Grammar, lines: &[Line], out: &mut Vec<Mention>) {
    let mut labels: HashMap<&str, Vec<usize>> = HashMap::new();
    for line in lines {
        let i = line.start;
        let Some(w) = g.word(i) else { continue };
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
