//! A policy letter without personal data (a Kamerbrief) must come out nearly untouched: Woo
//! practice is contested in court over redaction of text that holds no personal data.

use woo_redact::{Lists, Policy, Redactor};

#[test]
fn a_policy_letter_without_personal_data_keeps_its_text() {
    let text = include_str!("../fixtures/policy/kamerbrief-aanpak-mensenhandel.txt");
    let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
    let out = redactor.redact(text).unwrap();
    assert!(out.removals.len() <= 2, "{} removals", out.removals.len());
    for kept in [
        "D. Yeşilgöz-Zegerius",
        "lid Kamminga c.s.",
        "Turfmarkt 147",
        "Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen",
        "Expertisecentrum Mensenhandel en Mensensmokkel",
        "Wet herziening strafbaarstelling mensenhandel",
        "EU-Richtlijn 2011/36/EU",
        "Kamerstukken II 2023/24, 28 638, nr. 243",
        "14 november 2024",
        "5847391",
    ] {
        assert!(out.text.contains(kept), "{kept} was redacted");
    }
}

#[test]
fn a_signature_under_namens_deze_is_a_civil_servant() {
    let text = "De minister van Justitie en Veiligheid,\nnamens deze,\n\nBram Oosterhuis\nafdelingshoofd\n";
    let redactor = Redactor::new(Policy::default(), &Lists::default()).unwrap();
    let out = redactor.redact(text).unwrap();
    assert!(!out.text.contains("Oosterhuis"), "{}", out.text);
    let signed = "De minister van Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius\n";
    assert_eq!(redactor.redact(signed).unwrap().text, signed);
}
