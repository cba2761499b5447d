//! Partnerships named after their partners (`Oude Luttikhuis V.O.F.`, `ten Dam-Kosters
//! VOF`): a vof has no legal personality, so its name is the family name of the people who
//! run it, and so is every other mention of that name. (`Maatschap Wolbrink` is read with the
//! other words that open a family's name, in [`crate::names::person`].)

use super::mention;
use crate::names::Mention;
use crate::names::grammar::Grammar;
use crate::names::orgs::partnership_family;

/// Finds the family names before the legal form of partnerships in the text of `g`.
pub(super) fn partnerships(g: &Grammar, out: &mut Vec<Mention>) {
    for i in 1..g.tokens().len() {
        if let Some(p) = partnership_family(g, i) {
            out.push(mention(
                p,
                "partnership",
                "the family name of a partnership (vof)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::names::grammar::Grammar;
    use crate::names::token::tokenize;

    fn found(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks);
        let mut out = Vec::new();
        super::partnerships(&g, &mut out);
        out.iter()
            .map(|m| text[m.parse.start..m.parse.end].to_string())
            .collect()
    }

    #[test]
    fn the_family_name_of_a_partnership() {
        assert_eq!(
            found("het melkveebedrijf Oude Luttikhuis V.O.F., Markelo"),
            ["Oude Luttikhuis"]
        );
        assert_eq!(
            found("1 | H.J. Oude Luttikhuis V.O.F. | Markelo"),
            ["H.J. Oude Luttikhuis"]
        );
        assert_eq!(found("ten Dam-Kosters VOF: bod."), ["ten Dam-Kosters"]);
        assert!(found("Agrarisch Loonbedrijf VOF en Bakker BV").is_empty());
        assert!(found("Harmsen Recreatie V.O.F. en Maasveer VOF").is_empty());
    }
}
