use super::*;

#[test]
fn account_names_run_the_name_together() {
    let p = Listed::parse("Thomas dos Santos", false).unwrap();
    let accounts = p.account_names();
    for a in [
        "tdossantos",
        "t.dossantos",
        "thomas.dossantos",
        "thomasdossantos",
        "dossantos.t",
    ] {
        assert!(accounts.contains(&a.to_string()), "{a}");
    }
    let p = Listed::parse("Rutger van Zwolle", false).unwrap();
    assert!(p.account_names().contains(&"vzwolle".to_string()));
    // Too short to tell from a word, unless joined by an underscore as document systems do.
    let short = Listed::parse("Ria Bos", false).unwrap().account_names();
    assert!(
        short.iter().all(|a| a.len() >= 6 || a == "bos_r"),
        "{short:?}"
    );
    assert!(short.contains(&"bos_r".to_string()));
    // Five letters that make no word; the particles' letters after the initial.
    let kool = Listed::parse("Bas Kool", false).unwrap().account_names();
    assert!(kool.contains(&"bkool".to_string()), "{kool:?}");
    let roos = Listed::parse("Kees Roos", false).unwrap().account_names();
    assert!(!roos.contains(&"kroos".to_string()), "{roos:?}");
    let linden = Listed::parse("Marloes van der Linden", false).unwrap();
    assert!(linden.account_names().contains(&"mvdlinden".to_string()));
}

#[test]
fn list_names_are_taken_apart() {
    let p = Listed::parse("Jan-Willem van der Meer", false).unwrap();
    assert_eq!(p.given, ["jan", "willem"]);
    assert_eq!(p.particles, ["van", "der"]);
    assert_eq!(p.surname, ["meer"]);
    assert!(p.initials.contains(&"JWvdM".to_string()));
    assert!(p.initials.contains(&"JVDM".to_string()));
    let p = Listed::parse("Evert Jan ten Brinke", false).unwrap();
    assert_eq!(p.given, ["evert", "jan"]);
    assert_eq!(p.surname, ["brinke"]);
    let p = Listed::parse("Femke Visser-de Jong", false).unwrap();
    assert_eq!(p.surname, ["visser", "de", "jong"]);
    assert!(p.initials.contains(&"FVdJ".to_string()));
    assert!(p.initials.contains(&"FVJ".to_string()));
    let p = Listed::parse("Fatima El Ahmadi", false).unwrap();
    assert_eq!(p.particles, ["el"]);
    assert!(p.initials.contains(&"FEA".to_string()));
    let p = Listed::parse("Iris Klein Schiphorst", false).unwrap();
    assert!(p.initials.contains(&"IKS".to_string()));
    assert!(!p.distinctive_surname, "klein is a word");
    let p = Listed::parse("Lisanne Meijerink", false).unwrap();
    assert!(p.distinctive_surname && p.distinctive_given);
    let p = Listed::parse("Roos Groen", false).unwrap();
    assert!(!p.distinctive_surname && !p.distinctive_given);
}

#[test]
fn initials_may_be_those_of_the_name_a_call_name_stands_for() {
    let hans = Listed::parse("Hans Winter", true).unwrap();
    let initials = |i: &str| Some(Written::Initials(i.to_string()));
    // Hans is Johannes on paper: `J.M. Winter` is him, `P. Winter` someone else.
    assert!(fits(&hans, initials("jm").as_ref()));
    assert!(fits(&hans, initials("h").as_ref()));
    assert!(!fits(&hans, initials("p").as_ref()));
    let ton = Listed::parse("Ton Hermkens", true).unwrap();
    assert!(fits(&ton, initials("twg").as_ref()));
    assert!(fits(&ton, initials("a").as_ref()));
    assert!(!fits(&ton, initials("j").as_ref()));
}

#[test]
fn clipped_first_names_are_no_word_or_other_name() {
    let clips = |name: &str| Listed::parse(name, false).unwrap().clipped_given();
    assert_eq!(clips("Yasmina Bouallou"), ["yas", "yasm", "yasmi"]);
    // `Krzys` is Krzysztof's; `Den` is a word; a first name of two parts or three letters has
    // none.
    assert!(clips("Krzysztof Nowak").contains(&"krzys".to_string()));
    assert!(!clips("Dennis Bakker").contains(&"den".to_string()));
    assert!(clips("Jan-Willem Bakker").is_empty());
    assert!(clips("Ivo Bakker").is_empty());
}
