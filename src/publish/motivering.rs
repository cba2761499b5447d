//! `motivering.md`: a draft appendix for the decision letter, straight from the audit log.
//! Per ground its statutory label and article, the IDs of the documents where it was applied
//! and the removed items per category; the duplicates; points to check; and per document its
//! grounds and items. The jurist edits it: it states facts and leaves the weighing to them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::inventory::{Beoordeling, DUBBEL, Row, in_statutory_order, statutory};
use super::run::Item;

/// A row of the dossier with its audit items.
pub struct Document<'a> {
    /// The productierapport row.
    pub row: &'a Row,
    /// The document's removed items.
    pub items: &'a [Item],
}

/// Facts for the section with points to check.
#[derive(Debug, Default, Clone)]
pub struct Notes {
    /// Near-duplicate groups with inconsistent decisions: (group, IDs involved).
    pub inconsistent_groups: Vec<(usize, Vec<String>)>,
    /// Removals from titles and other metadata.
    pub metadata_removals: usize,
}

/// The Dutch name of a category, in the plural.
fn category(c: &str) -> &str {
    match c {
        "name" => "namen",
        "email" => "e-mailadressen",
        "phone" => "telefoonnummers",
        "bsn" => "burgerservicenummers (BSN)",
        "iban" => "bankrekeningnummers (IBAN)",
        "address" => "adressen",
        "birthdate" => "geboortedata",
        "signature" => "handtekeningen",
        "other" => "overige persoonsgegevens",
        other => other,
    }
}

const ORDINALS: [&str; 8] = [
    "", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende",
];

/// The article a ground code stands for, as a decision letter cites it.
pub fn article(code: &str) -> String {
    let (digits, letter) = match code.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&code[..i], Some(c)),
        _ => (code, None),
    };
    let parts: Vec<&str> = digits.split('.').collect();
    match (parts.as_slice(), letter) {
        (["5", art], None) => format!("artikel 5.{art} van de Woo"),
        (["5", "1", lid], l) => {
            let ordinal = lid
                .parse::<usize>()
                .ok()
                .and_then(|n| ORDINALS.get(n).copied())
                .filter(|o| !o.is_empty());
            match (ordinal, l) {
                (Some(o), Some(l)) => {
                    format!("artikel 5.1, {o} lid, aanhef en onder {l}, van de Woo")
                }
                (Some(o), None) => format!("artikel 5.1, {o} lid, van de Woo"),
                _ => code.to_string(),
            }
        }
        _ => code.to_string(),
    }
}

fn is_withheld(row: &Row) -> bool {
    row.beoordeling == Beoordeling::NietOpenbaar && !row.grounds.iter().any(|g| g == DUBBEL)
}

/// The draft for one dossier.
pub fn markdown(
    matter: &str,
    docs: &[Document<'_>],
    labels: &BTreeMap<String, String>,
    notes: &Notes,
) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# Motivering per grond (concept): {matter}\n");
    let _ = writeln!(
        m,
        "Concept voor de bijlage bij het besluit, gemaakt uit het auditlog van woo-redact. \
         Door een jurist te controleren en aan te vullen; niet definitief.\n"
    );

    // Overview.
    let count = |b: Beoordeling| docs.iter().filter(|d| d.row.beoordeling == b).count();
    let dubbel = docs
        .iter()
        .filter(|d| d.row.grounds.iter().any(|g| g == DUBBEL))
        .count();
    let _ = writeln!(m, "## Overzicht\n");
    let _ = writeln!(m, "- Documenten: {}", docs.len());
    let _ = writeln!(m, "- Openbaar: {}", count(Beoordeling::Openbaar));
    let _ = writeln!(m, "- Deels openbaar: {}", count(Beoordeling::DeelsOpenbaar));
    let _ = writeln!(
        m,
        "- Niet openbaar: {} (waarvan {dubbel} dubbel en {} geheel geweigerd)\n",
        count(Beoordeling::NietOpenbaar),
        count(Beoordeling::NietOpenbaar) - dubbel
    );

    // Per ground: documents and items per category (items of released documents only).
    let mut used: BTreeMap<String, (BTreeSet<&str>, BTreeMap<String, usize>)> = BTreeMap::new();
    for d in docs {
        if d.row.beoordeling.released() {
            for it in d.items {
                let e = used.entry(it.ground.clone()).or_default();
                e.0.insert(&d.row.id);
                *e.1.entry(it.category.clone()).or_default() += 1;
            }
        } else if is_withheld(d.row) {
            for g in &d.row.grounds {
                used.entry(g.clone()).or_default().0.insert(&d.row.id);
            }
        }
    }
    let mut grounds: Vec<&String> = used.keys().collect();
    grounds.sort_by(|a, b| statutory(a, b));
    let _ = writeln!(m, "## Toegepaste gronden\n");
    if grounds.is_empty() {
        let _ = writeln!(m, "Geen: er is niets weggelakt of geweigerd.\n");
    }
    for g in grounds {
        let (ids, per_category) = &used[g];
        let label = labels.get(g).map(String::as_str).unwrap_or("");
        let _ = writeln!(m, "### {g} {label}\n");
        let _ = writeln!(m, "Grondslag: {}.\n", article(g));
        let ids: Vec<&str> = ids.iter().copied().collect();
        let _ = writeln!(
            m,
            "Toegepast in {} document(en): {}.\n",
            ids.len(),
            ids.join(", ")
        );
        if !per_category.is_empty() {
            let _ = writeln!(m, "Weggelakte onderdelen per categorie:\n");
            for (c, n) in per_category {
                let _ = writeln!(m, "- {}: {n}", category(c));
            }
            let _ = writeln!(m);
        }
        let weighing = if g.starts_with("5.1.1") {
            "absolute grond: geen belangenafweging; aanvullen waarom de grond van toepassing is"
        } else {
            "afweging van het belang van openbaarheid tegen het belang dat deze grond beschermt"
        };
        let _ = writeln!(
            m,
            "> Motivering: [door de jurist in te vullen: {weighing}]\n"
        );
    }

    // Duplicates.
    let dups: Vec<&Row> = docs
        .iter()
        .map(|d| d.row)
        .filter(|r| r.grounds.iter().any(|g| g == DUBBEL))
        .collect();
    if !dups.is_empty() {
        let _ = writeln!(m, "## Dubbele documenten\n");
        let _ = writeln!(
            m,
            "Deze documenten zijn gelijk aan een document dat al is beoordeeld en worden niet \
             nogmaals openbaar gemaakt (grond `dubbel`):\n"
        );
        for r in dups {
            let _ = writeln!(m, "- {} is gelijk aan {}", r.id, r.gerelateerd);
        }
        let _ = writeln!(m);
    }

    // Points to check.
    if !notes.inconsistent_groups.is_empty() || notes.metadata_removals > 0 {
        let _ = writeln!(m, "## Aandachtspunten\n");
        for (group, ids) in &notes.inconsistent_groups {
            let _ = writeln!(
                m,
                "- Bijna-gelijke documenten (groep {group}: {}) zijn niet gelijk gelakt; zie \
                 near-duplicate-decisions.csv.",
                ids.join(", ")
            );
        }
        if notes.metadata_removals > 0 {
            let _ = writeln!(
                m,
                "- {} onderde(e)l(en) zijn uit titels en andere metadata verwijderd (zie \
                 audit-metadata.jsonl).",
                notes.metadata_removals
            );
        }
        let _ = writeln!(m);
    }

    // Per document.
    let _ = writeln!(m, "## Per document\n");
    let _ = writeln!(
        m,
        "| ID | Beoordeling | Gronden | Weggelakt per categorie |"
    );
    let _ = writeln!(m, "|---|---|---|---|");
    for d in docs {
        let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
        for it in d.items {
            *per_category.entry(&it.category).or_default() += 1;
        }
        let counts: Vec<String> = per_category
            .iter()
            .map(|(c, n)| format!("{} {n}", category(c)))
            .collect();
        let grounds = in_statutory_order(d.row.grounds.iter().cloned()).join("; ");
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} |",
            d.row.id,
            d.row.beoordeling.as_str(),
            grounds,
            counts.join(", ")
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_cited_as_in_decision_letters() {
        assert_eq!(
            article("5.1.2e"),
            "artikel 5.1, tweede lid, aanhef en onder e, van de Woo"
        );
        assert_eq!(
            article("5.1.1e"),
            "artikel 5.1, eerste lid, aanhef en onder e, van de Woo"
        );
        assert_eq!(article("5.1.5"), "artikel 5.1, vijfde lid, van de Woo");
        assert_eq!(article("5.2"), "artikel 5.2 van de Woo");
        assert_eq!(article("dubbel"), "dubbel");
    }
}
