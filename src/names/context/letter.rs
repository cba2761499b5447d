//! Letters and mails: the greeting line and the signature after a closing.

use super::{Line, ends_name, mention, starts_upper, words_of};
use crate::names::Mention;
use crate::names::grammar::{Form, Grammar};
use crate::names::lexicon::{CLOSINGS, GREETINGS, class};

/// `Hoi Jan,`, `Beste Jan en Piet,`, `Geachte heer De Vries,`, `Dear Mr Smith,`.
/// A message that opens with the name alone on its line after a blank one (`Maarten,`):
/// a known first name, with or without the surname.
fn bare_greeting(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let i = line.start;
    if !(g.has(i, class::FIRST_NAME) && g.is_cap(i)) || g.has(i, class::NOT_NAME) {
        return;
    }
    let Some(p) = g
        .forward(i)
        .or_else(|| g.given_alone(i))
        .filter(|p| p.next + 1 == line.end && g.is_punct(p.next, ','))
    else {
        return;
    };
    let blank = [' ', '\t', '\r'];
    let before = g.text()[..g.tokens()[i].start].trim_end_matches(blank);
    let after_blank = before.strip_suffix('\n').is_none_or(|b| {
        b.trim_end_matches(blank).is_empty() || b.trim_end_matches(blank).ends_with('\n')
    });
    if after_blank {
        out.push(mention(
            p,
            "name.greeting",
            "a name alone that opens a message",
        ));
    }
}

pub(super) fn greeting(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let Some(first) = g.word(line.start) else {
        return;
    };
    let mut i = line.start + 1;
    if !g.word_in(line.start, GREETINGS) {
        bare_greeting(g, line, out);
        return;
    }
    // `Beste collega Jan`
    if g.has(i, class::ROLE) {
        i += 1;
    }
    let evidence = format!("greeting `{first}`");
    loop {
        let j = i + g.titles(i);
        let titled = j > i;
        let parsed = if titled {
            g.titled_name(j)
        } else {
            g.name(j, false)
        }
        .filter(|p| ends_name(g, p.next))
        .or_else(|| g.given_alone(j).filter(|p| ends_name(g, p.next)))
        // `Hoi Roos en JW,`: initials greeted as a name.
        .or_else(|| {
            g.initials_alone(j)
                .filter(|p| ends_name(g, p.next) && p.end - p.start <= 5)
        });
        let Some(p) = parsed else { return };
        let next = p.next;
        out.push(mention(p, "name.greeting", evidence.clone()));
        // `Beste Jan en Piet` / `Hoi Jan, Piet,`
        let and = g.word(next).is_some_and(|w| w == "en" || w == "and");
        let comma = g.is_punct(next, ',') && next + 1 < line.end && starts_upper(g, next + 1);
        if !(and || comma) {
            return;
        }
        i = next + 1;
    }
}

/// A closing line such as `Met vriendelijke groet,`.
pub(super) fn is_closing(g: &Grammar, line: Line) -> bool {
    // Closings are short lines: most lines are ruled out before folding their words.
    if line.end - line.start > 8 {
        return false;
    }
    let words = words_of(g, line.start, line.end);
    let trailing_ok = (line.start..line.end)
        .all(|k| g.word(k).is_some() || [',', '.', '!', '-'].iter().any(|&c| g.is_punct(k, c)));
    trailing_ok && !words.is_empty() && CLOSINGS.contains(&words.as_str())
}

/// The signature after a closing: the first non-empty line, if it holds a name (possibly
/// followed by `, function`).
///
/// A first name alone is often signed above the full name, as in `Wietske` / blank line /
/// `W. (Wietske) Snijhorst` / `Arts infectieziektebestrijding`: the next name line of the
/// block, after at most one blank line, is taken too.
pub(super) fn signature(g: &Grammar, rest: &[Line], out: &mut Vec<Mention>) {
    let Some(n) = rest.iter().take(3).position(|l| l.start < l.end) else {
        return;
    };
    let signed = |line: &Line| {
        let i = line.start + g.titles(line.start);
        g.name(i, false)
            .or_else(|| g.given_alone(i))
            .filter(|p| g.is_line_end(p.next) || g.is_punct(p.next, ',') || g.is_punct(p.next, '('))
    };
    let Some(p) = signed(&rest[n]) else {
        return;
    };
    let given_alone = p.form == Form::Given;
    out.push(mention(p, "name.signature", "signature after a closing"));
    if given_alone
        && let Some(below) = rest[n + 1..].iter().take(2).find(|l| l.start < l.end)
        && let Some(full) = signed(below).filter(|p| p.form != Form::Given && g.is_line_end(p.next))
    {
        out.push(mention(
            full,
            "name.signature",
            "full name below a signed first name",
        ));
    }
}

/// A closing with the name after its comma on the same line (`Vriendelijke groet, Clifton
/// Doelwijt`): the signature.
pub(super) fn signed_on_the_closing_line(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    let Some(comma) = (line.start..line.end).find(|&k| g.is_punct(k, ',')) else {
        return;
    };
    let closing = Line {
        end: comma + 1,
        ..line
    };
    if comma + 1 < line.end && is_closing(g, closing) {
        let name = Line {
            start: comma + 1,
            ..line
        };
        signature(g, &[name], out);
    }
}

/// `… praat. B.` or `M.` alone, right above the quoted message it answers: the writer's
/// initials, whoever they are.
pub(super) fn sign_off_initials(g: &Grammar, line: Line, out: &mut Vec<Mention>) {
    // The initials end the line: try the last few tokens as their start.
    for i in line.end.saturating_sub(4).max(line.start)..line.end {
        // One capital (`gr M`) is no initials anywhere else: `signs_a_message` reads it only
        // after a closing word.
        let one_capital = || {
            g.is_capital_letter(i)
                .then(|| g.initials_only(i, i + 1, g.folded(i).to_string()))
        };
        if let Some(p) = g.initials_alone(i).or_else(one_capital)
            && p.next == line.end
            && crate::names::person::signs_a_message(g, i, p.next)
        {
            out.push(mention(
                p,
                "name.sign-off",
                crate::names::person::SIGNS_A_MESSAGE,
            ));
            return;
        }
    }
}
