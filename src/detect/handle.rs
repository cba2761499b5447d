//! Social-media handles (`@larsfeenstraAD`, `@chantal.zomer_`): an account names the person
//! who holds it as surely as an e-mail address does. An organisation's account stays
//! readable (`@politie_maasaa`, `@RTVDrenthe`), as does a mention in a chat of one
//! capitalised word (`@Ingrid`), which the name rules read as the name it is.

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;
use crate::policy::Category;

/// An `@` that opens a token (not an e-mail address's), then one, or four to thirty, letters,
/// digits, `_` and inner dots.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[\s(\["'“:,;/])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{2,28}[A-Za-z0-9_])?)"#)
        .expect("handle pattern compiles")
});

/// Words in an account's name that make it an organisation's (folded): found anywhere in it.
const ORGANISATION_WORDS: &[&str] = &[
    "politie",
    "gemeente",
    "provincie",
    "ministerie",
    "overheid",
    "omroep",
    "nieuws",
    "news",
    "krant",
    "dagblad",
    "brandweer",
    "vereniging",
    "stichting",
    "official",
    "rijkswaterstaat",
    "waterschap",
];

/// Abbreviations that make an account an organisation's when it opens with one (`@RTVDrenthe`,
/// `@NOS`, `@GGD_Twente`, `@knvb.oost`).
const ORGANISATION_OPENINGS: &[&str] = &[
    "rtv", "nos", "ggd", "rivm", "nvwa", "knvb", "omrop", "info", "team",
];

/// Finds the handles of people's accounts in `text`.
pub fn detect(text: &str, out: &mut Vec<Finding>) {
    if !text.contains('@') {
        return;
    }
    for c in HANDLE.captures_iter(text) {
        let m = c.get(1).expect("the handle group always takes part");
        let name = &m.as_str()[1..];
        // Not an e-mail address that follows (`@ gmail.com` is read by the e-mail rule), nor
        // one capitalised word (a chat's mention of a colleague).
        if text[m.end()..].starts_with(['@', '-']) || is_mention_of_a_name(name) {
            continue;
        }
        let folded = name.to_lowercase();
        if ORGANISATION_WORDS.iter().any(|w| folded.contains(w))
            || ORGANISATION_OPENINGS.iter().any(|w| folded.starts_with(w))
        {
            continue;
        }
        out.push(Finding::new(
            m.start(),
            m.end(),
            Category::Other,
            "handle",
            "a social-media account",
        ));
    }
}

/// Whether a handle is one word of letters with a capital only first (`Ingrid`, `Wubbolts`)
/// or any short word of letters (`@team`, `@allen`): a chat's mention, or no account.
fn is_mention_of_a_name(name: &str) -> bool {
    let letters = name.chars().all(char::is_alphabetic);
    let inner_capital = name.chars().skip(1).any(char::is_uppercase);
    letters && (name.starts_with(char::is_uppercase) && !inner_capital || name.chars().count() < 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        crate::detect::found_by(detect, text)
    }

    #[test]
    fn people_s_accounts_not_organisations_nor_mentions() {
        assert_eq!(
            found(
                "Twitter/X: @larsfeenstraAD, Instagram (@chantal.zomer_) en TikTok \"@jesseb_nl\"."
            ),
            ["@larsfeenstraAD", "@chantal.zomer_", "@jesseb_nl"]
        );
        assert_eq!(found("reactie van @dschuiling91: klopt"), ["@dschuiling91"]);
        // Organisations' accounts, mentions in a chat, e-mail addresses.
        assert!(found("zie @politie_maasaa en @RTVDrenthe, @knvb.oost").is_empty());
        assert!(found("@Ingrid kun jij dit oppakken? @allen graag").is_empty());
        assert!(found("mail j.smit@gmail.com of smit @ gmail.com").is_empty());
    }
}
