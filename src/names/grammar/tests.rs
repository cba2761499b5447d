use super::*;
use crate::names::token::tokenize;

fn parse(
    text: &str,
    f: impl Fn(&Grammar, usize) -> Option<NameParse>,
) -> Option<(String, NameParse)> {
    let toks = tokenize(text);
    let g = Grammar::new(text, &toks);
    f(&g, 0).map(|p| (text[p.start..p.end].to_string(), p))
}

fn forward(text: &str) -> Option<String> {
    parse(text, |g, i| g.forward(i)).map(|(s, _)| s)
}

#[test]
fn forward_names_with_particles_initials_and_double_surnames() {
    assert_eq!(
        forward("Jan de Vries belt").as_deref(),
        Some("Jan de Vries")
    );
    assert_eq!(
        forward("Jaylinn van der Meulen,").as_deref(),
        Some("Jaylinn van der Meulen")
    );
    assert_eq!(
        forward("J.P. de Vries (jurist)").as_deref(),
        Some("J.P. de Vries")
    );
    assert_eq!(forward("Ph. van 't Hof").as_deref(), Some("Ph. van 't Hof"));
    // After `'t` a word that names an organisation too is the surname.
    assert_eq!(
        forward("Willem Jan van 't Hof en").as_deref(),
        Some("Willem Jan van 't Hof")
    );
    assert_eq!(forward("M. v. 't Hof").as_deref(), Some("M. v. 't Hof"));
    // A name kept anonymous by its initials, the particle written out.
    assert_eq!(forward("D. van R. (hierna").as_deref(), Some("D. van R."));
    assert_eq!(forward("H.W. de B., ").as_deref(), Some("H.W. de B."));
    assert_eq!(forward("A. B. de"), None);
    // Abbreviated particles, and the surname key without them.
    for (text, name) in [
        ("H. v.d. Akker ??", "H. v.d. Akker"),
        ("R. v/d Sluis)", "R. v/d Sluis"),
        ("B.J. vd Berg  Datum", "B.J. vd Berg"),
        ("Wim v. Essen, buurman", "Wim v. Essen"),
        ("L. v Gerwen (Veltronix)", "L. v Gerwen"),
    ] {
        let (found, p) = parse(text, |g, i| g.forward(i)).expect(text);
        assert_eq!(found, name);
        assert!(
            !p.surname.as_deref().unwrap_or_default().contains('v'),
            "{text}"
        );
    }
    assert_eq!(forward("Zie v.d. nota"), None);
    // No initials from the middle of a legal form (`V. te Barendrecht`).
    let text = "Van Rijn B.V. te Barendrecht";
    let toks = tokenize(text);
    let g = Grammar::new(text, &toks);
    assert!((1..toks.len()).all(|i| g.forward(i).is_none_or(|p| p.start == 0)));
    // The initials of a double first name, hyphenated.
    for (text, name) in [
        ("R-J Hoefnagels over", "R-J Hoefnagels"),
        ("G-J. de Boer,", "G-J. de Boer"),
    ] {
        let found = parse(text, |g, i| g.forward_in_context(i)).map(|(found, _)| found);
        assert_eq!(found.as_deref(), Some(name));
    }
    // A particle alone is no surname: a form of address opens the next line.
    assert_eq!(forward("E.J. van\nDe heer belde"), None);
    // `Ph.S.` folds to the letters of `P.S.`, the postscript, but is initials.
    assert_eq!(
        forward("Ph.S. Hoogkamp,").as_deref(),
        Some("Ph.S. Hoogkamp")
    );
    assert_eq!(forward("P.S. Hoogkamp komt ook"), None);
    assert_eq!(forward("Hendra 't Hart").as_deref(), Some("Hendra 't Hart"));
    assert_eq!(
        forward("Chr. in 't Veld").as_deref(),
        Some("Chr. in 't Veld")
    );
    assert_eq!(
        forward("Amin Goyaerts van Waderle\n").as_deref(),
        Some("Amin Goyaerts van Waderle")
    );
    assert_eq!(
        forward("Lomke Sanders van de Raad voor de Kinderbescherming is").as_deref(),
        Some("Lomke Sanders")
    );
    assert_eq!(
        forward("Anna Jansen-de Vries en").as_deref(),
        Some("Anna Jansen-de Vries")
    );
    assert_eq!(
        forward("Anna Ter Steege-van 't Hof (adviseur)").as_deref(),
        Some("Anna Ter Steege-van 't Hof")
    );
    assert_eq!(
        forward("Mireille Tjon A Fong.").as_deref(),
        Some("Mireille Tjon A Fong")
    );
    assert_eq!(
        forward("Ayşe Doğan-Yılmaz").as_deref(),
        Some("Ayşe Doğan-Yılmaz")
    );
    assert_eq!(
        forward("Jan-Willem van den Berg").as_deref(),
        Some("Jan-Willem van den Berg")
    );
    assert_eq!(
        forward("John F. Kennedy").as_deref(),
        Some("John F. Kennedy")
    );
    assert_eq!(
        forward("Youssef El Idrissi").as_deref(),
        Some("Youssef El Idrissi")
    );
}

#[test]
fn forward_names_stop_at_punctuation_and_lower_case() {
    assert_eq!(forward("Jan Smit, jurist").as_deref(), Some("Jan Smit"));
    assert_eq!(
        forward("Jan Smit\nWoordvoerder").as_deref(),
        Some("Jan Smit")
    );
    assert_eq!(forward("Jan in Utrecht").as_deref(), None);
    assert_eq!(forward("Jan").as_deref(), None);
    assert_eq!(forward("B.V. Nederland").as_deref(), None);
}

#[test]
fn keys_drop_particles() {
    let (_, p) = parse("Jaylinn van der Meulen", |g, i| g.forward(i)).unwrap();
    assert_eq!(p.surname.as_deref(), Some("meulen"));
    assert_eq!(p.given.as_deref(), Some("jaylinn"));
    let (_, p) = parse("A.E. Goyaerts van Waderle", |g, i| g.forward(i)).unwrap();
    assert_eq!(p.surname.as_deref(), Some("goyaerts waderle"));
    assert_eq!(p.initials.as_deref(), Some("ae"));
    assert_eq!(p.initial(), Some('a'));
}

#[test]
fn reversed_outlook_forms() {
    let (s, p) = parse("Goyaerts Waderle, A.E. van (Amin) - DGRR/DRC", |g, i| {
        g.reversed(i)
    })
    .unwrap();
    assert_eq!(s, "Goyaerts Waderle, A.E. van (Amin)");
    assert_eq!(p.surname.as_deref(), Some("goyaerts waderle"));
    assert_eq!(p.given.as_deref(), Some("amin"));
    let (s, _) = parse("Meulen, J. van der (Jaylinn)\n", |g, i| g.reversed(i)).unwrap();
    assert_eq!(s, "Meulen, J. van der (Jaylinn)");
    let (s, p) = parse("de Vries, B. en", |g, i| g.reversed(i)).unwrap();
    assert_eq!(s, "de Vries, B.");
    assert_eq!(p.surname.as_deref(), Some("vries"));
    let (s, _) = parse("Van der Meulen, J.", |g, i| g.reversed(i)).unwrap();
    assert_eq!(s, "Van der Meulen, J.");
    assert!(parse("Nederland, B.V.", |g, i| g.reversed(i)).is_none());
    assert!(parse("Kinderen, Chr. ter Steege, meldt", |g, i| g.reversed(i)).is_none());
}

#[test]
fn surnames_alone_and_titles() {
    let (s, p) = parse("Van den Pol (beleidsmedewerker)", |g, i| {
        g.surname_alone(i, true)
    })
    .unwrap();
    assert_eq!(s, "Van den Pol");
    assert_eq!(p.surname.as_deref(), Some("pol"));
    let text = "prof. dr. ir. Jansen";
    let toks = tokenize(text);
    let g = Grammar::new(text, &toks);
    assert_eq!(g.titles(0), 6);
    let text = "de heer De Vries";
    let toks = tokenize(text);
    let g = Grammar::new(text, &toks);
    assert_eq!(g.titles(0), 2);
    let p = g.surname_alone(2, true).unwrap();
    assert_eq!(&text[p.start..p.end], "De Vries");
}

#[test]
fn paraaf_initials() {
    assert_eq!(
        parse("ES (afdelingshoofd)", |g, i| g.initials_alone(i))
            .unwrap()
            .0,
        "ES"
    );
    assert_eq!(
        parse("J.d.V. x", |g, i| g.initials_alone(i)).unwrap().0,
        "J.d.V."
    );
    assert_eq!(
        parse("E.S. x", |g, i| g.initials_alone(i)).unwrap().0,
        "E.S."
    );
}

#[test]
fn a_month_before_a_first_name_is_a_first_name() {
    assert_eq!(
        forward("Mei Ling Fernandes van de gemeente").as_deref(),
        Some("Mei Ling Fernandes")
    );
    assert_eq!(forward("Mei 2024 is het zover"), None);
}

#[test]
fn list_entries_in_the_reversed_form_with_a_first_name() {
    // The first entry of each text, read at token 0.
    let entry = |text: &str| parse(text, |g, i| g.reversed_entry(i)).map(|(s, _)| s);
    assert_eq!(
        entry("Tahiri, Soufiane ; Brown, Daniel").as_deref(),
        Some("Tahiri, Soufiane")
    );
    assert_eq!(
        entry("Zomer, Jolanda\tKerkstraat 4").as_deref(),
        Some("Zomer, Jolanda")
    );
    assert_eq!(
        entry("Laan, Kevin van der   | 4410").as_deref(),
        Some("Laan, Kevin van der")
    );
    assert_eq!(
        entry("Mensah-Owusu, Abena\n").as_deref(),
        Some("Mensah-Owusu, Abena")
    );
    // A month where the first name stands is one (the lists leave months out of them).
    assert_eq!(
        entry("Cheung, Mei-Lin\n").as_deref(),
        Some("Cheung, Mei-Lin")
    );
    assert_eq!(entry("Bakker, Juni\n").as_deref(), Some("Bakker, Juni"));
    assert_eq!(entry("Verslag, Mei 2024\n"), None);
    // A word, two names or a list of first names is no reversed name.
    assert_eq!(entry("Goed, Peter\n"), None);
    assert_eq!(entry("Egbert Jalving, Hilde Koopmans\n"), None);
    assert_eq!(entry("Tessa, Wiebren, Daan)"), None);
    // Without a boundary after it the comma may join a sentence.
    assert_eq!(entry("Jansen, Piet zegt dat"), None);
    // A surname that is a word too, only when it fills a table's cell with the first name.
    let at = |k: usize, text: &str| parse(text, |g, _| g.reversed_entry(k)).map(|(s, _)| s);
    assert_eq!(
        at(1, "13\tBrouwers, Kees\t2").as_deref(),
        Some("Brouwers, Kees")
    );
    assert_eq!(at(2, "13 |Storm, Bert\n").as_deref(), Some("Storm, Bert"));
    assert_eq!(at(2, "13: Brouwers, Kees\n"), None);
}

#[test]
fn initials_before_a_surname_in_capitals() {
    let eu = |text: &str| parse(text, |g, i| g.eu_name(i)).map(|(s, _)| s);
    assert_eq!(eu("M. HOEKSTRA belt").as_deref(), Some("M. HOEKSTRA"));
    // A place's name after two initials, a word after a particle: surnames as well.
    assert_eq!(
        eu("S.J. OOSTERHOUT belt").as_deref(),
        Some("S.J. OOSTERHOUT")
    );
    assert_eq!(eu("G.A. VAN DALEN belt").as_deref(), Some("G.A. VAN DALEN"));
    // One initial before a place, or a word without a particle: no name.
    assert_eq!(eu("B. NEDERLAND"), None);
    assert_eq!(eu("A. ALGEMEEN"), None);
}
