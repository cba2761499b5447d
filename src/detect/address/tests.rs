use super::*;

fn found(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    detect(text, &mut out);
    let mut spans: Vec<_> = out.iter().map(|f| (f.start, f.end)).collect();
    // Two readings of one address (a column and its street) are merged later.
    spans.sort();
    spans.dedup();
    spans.iter().map(|&(s, e)| &text[s..e]).collect()
}

#[test]
fn a_street_after_punctuation_starts_at_its_word() {
    assert_eq!(found("Zie Kees (Kerkstraat 12)"), vec!["Kerkstraat 12"]);
    assert_eq!(found("B €Nstraat 1"), vec!["Nstraat 1"]);
}

#[test]
fn finds_letterhead_address_blocks() {
    assert_eq!(
        found("Jorn van Schweinfurt\nTessdreef 113\n2018 XL  Bleiswijk\n"),
        vec!["Tessdreef 113", "2018 XL  Bleiswijk"]
    );
    assert_eq!(
        found("A. Jansen\nLange Voorhout 9\n2514EA Den Haag"),
        vec!["Lange Voorhout 9", "2514EA Den Haag"]
    );
    assert_eq!(
        found("Rayanpad 83a\n4304 WL  's-Gravenpolder"),
        vec!["Rayanpad 83a", "4304 WL  's-Gravenpolder"]
    );
    assert_eq!(
        found("Tesshof 28-2\n1234 AB Ede"),
        vec!["Tesshof 28-2", "1234 AB Ede"]
    );
}

#[test]
fn a_postcode_vouches_for_the_street_and_number_before_it() {
    assert_eq!(
        found("Afschrift aan: dhr. en mw. Hadders, Lhee 23, 7991 PG Dwingeloo"),
        vec!["Lhee 23", "7991 PG Dwingeloo"]
    );
    assert_eq!(found("Postbus 122, 9400 AC Assen"), Vec::<&str>::new());
    // In the next cell of a row.
    assert_eq!(
        found("wijziging;VGO;Bouzid, N.;774501239;Kastanjelaan 14;6681 KP;Lingehoven\n"),
        vec!["Kastanjelaan 14", "6681 KP"]
    );
}

#[test]
fn finds_addresses_in_running_text() {
    assert_eq!(
        found("Straat en huisnummer: Burgemeester Van Walsumweg 111a\n"),
        vec!["Burgemeester Van Walsumweg 111a"]
    );
    assert_eq!(
        found("Chr. van der Meulen\nBurgemeester Van Walsumweg 36 bis\n6561 CC Zoetermeer"),
        vec!["Burgemeester Van Walsumweg 36 bis", "6561 CC Zoetermeer"]
    );
    assert_eq!(found("Van Kerkstraat 5 naar"), vec!["Kerkstraat 5"]);
    // A street named after a person, inside a sentence or an address block.
    assert_eq!(
        found("woont aan de Van Helomaweg 7, naast (De Ruyterstraat 4)"),
        vec!["Van Helomaweg 7", "De Ruyterstraat 4"]
    );
    assert_eq!(
        found("De heer K. Yildiz\nVan Helomaweg 5\n7971 AS HAVELTE"),
        vec!["Van Helomaweg 5", "7971 AS HAVELTE"]
    );
    assert_eq!(found("Zie De Kerkstraat 5"), vec!["Kerkstraat 5"]);
    assert_eq!(
        found("Zij woont aan de Burgemeester de Withstraat 12 bis in Utrecht."),
        vec!["Burgemeester de Withstraat 12 bis"]
    );
    assert_eq!(
        found("adres: Laan van Meerdervoort 3a, 2517 AA Den Haag"),
        vec!["Laan van Meerdervoort 3a", "2517 AA Den Haag"]
    );
    assert_eq!(found("postcode 3511AB"), vec!["3511AB"]);
}

#[test]
fn a_citizens_address_above_the_addressee_stays_the_citizens() {
    // No blank line between the sender's block and the ministry's PO box (OCR text).
    assert_eq!(
        found(
            "Jayden Reimes\nCorneliaweg 44\n3407YM Veldhoven\nAan het Ministerie van Justitie\nPostbus 20301\n2500 EH Den Haag\n"
        ),
        vec!["Corneliaweg 44", "3407YM Veldhoven"]
    );
}

#[test]
fn leaves_other_numbers_and_po_boxes_alone() {
    for text in [
        "Postbus 20301\n2500 EH  Den Haag",
        "Directie Rechtshandhaving\nTurfmarkt 147\n2511 DP  Den Haag",
        "Antwoordnummer 123, 2500 VB Den Haag",
        "in 2024 EU-breed afgesproken",
        "artikel 12 van de Woo",
        "Kamerstukken 28638 nr. 234",
        "hoofdstuk 3 en paragraaf 4",
        "De straat 12 keer", // a sentence, not an address
        "een werkbezoek aan de Hoge Raad. Woensdag 12.00 uur is de uitspraak",
        "Lange Voorhout 10:30 uur",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn an_organisations_address_in_a_quoted_reply_stays() {
    let quoted = "> F. Ouali, locatiemanager\n> Stichting Vechtzorg – Junnerweg 40, Junne\n";
    assert!(found(quoted).is_empty(), "{:?}", found(quoted));
    // An acronym before the address names an organisation; a surname in capitals with its
    // particle does not.
    assert!(found("RIVM, Antonie van Leeuwenhoeklaan 9\n").is_empty());
    assert_eq!(
        found("  G2  VAN OS, Gerard        Kerkstraat 20, Kessel\n"),
        vec!["Kerkstraat 20, Kessel"]
    );
}

#[test]
fn a_family_business_is_at_home_and_a_form_labels_its_postcode() {
    assert_eq!(
        found("Maatschap Nijkamp\nVechtdijk 71\n7722 RL  VECHTHOVEN\n"),
        vec!["Vechtdijk 71", "7722 RL  VECHTHOVEN"]
    );
    assert!(found("Stichting De Brink\nBrinkweg 4\n7721 AB Vechthoven\n").is_empty());
    // A sole trader's business address is the trader's own.
    assert_eq!(
        found("Rechtsvorm: eenmanszaak\nVestigingsadres: Kerkstraat 3\nPostcode: 5394 AB Kessel\n"),
        vec!["Kerkstraat 3", "5394 AB Kessel"]
    );
    assert_eq!(
        found("Postcode / Plaats ....................... 7721 PD / vechthoven\n"),
        vec!["7721 PD"]
    );
}

#[test]
fn address_columns_and_a_forms_separate_fields() {
    let t = "nr;naam;adres;postcode;pers\n4;van 't Hek;Dijkje 2a;4194 RD;1\n14;familie de boer;dijkstraat 3;;2\n";
    assert_eq!(found(t), vec!["Dijkje 2a", "4194 RD", "dijkstraat 3"]);
    let form = "Achternaam        : Bakker\nStraat            : Kolkweg\nHuisnummer        : 8\nToevoeging        :\n";
    assert_eq!(found(form), vec!["Kolkweg", "8"]);
    // A street field alone, or a house number with nothing around it, is no address.
    assert!(found("Straat: zie hierboven\n").is_empty());
    assert!(found("Straat : Kolkweg\n\n\n\n\n\nHuisnummer : 8\n").is_empty());
    let form = "Straat                  : Bosbesweg\nHuisnummer + toevoeging : 7\n";
    assert_eq!(found(form), vec!["Bosbesweg", "7"]);
}

#[test]
fn a_house_number_column_beside_a_postcode_column() {
    let t = "melder;postcode;huisnr;plaats\nZomer, A.C.;1161BW;14;Zwanenburg\nde Haan;1165MJ;2-A;Halfweg\n";
    assert_eq!(found(t), vec!["1161BW", "14", "1165MJ", "2-A"]);
    // Without an address column beside it, a number column is no house number; nor is a
    // row number (`nr`) beside one.
    assert!(found("naam;huisnr;aantal\nBakker;14;2\n").is_empty());
    let t = "nr;naam;postcode;aantal\n1;Bakker;4194 RC;2\n";
    assert_eq!(found(t), vec!["4194 RC"]);
    // A mail merge's street, beside its house number; a street column alone is no address.
    let t = "Naam;Straat;Huisnummer;Postcode\nJ.H. Schepers;Molenakker;12;5462 CV\n";
    assert_eq!(found(t), vec!["Molenakker", "12", "5462 CV"]);
    assert!(found("Straat;Werk;Periode\nMolenakker;riolering;mei\n").is_empty());
}

#[test]
fn address_field_labels_in_their_form_variants() {
    for (text, street) in [
        ("Straat + huisnr   : Berkumerbroek 47\n", "Berkumerbroek 47"),
        (
            "[Straat + huisnr]     Van Woustraat 212-III\n",
            "Van Woustraat 212-III",
        ),
        (
            "Straat + huisnummer ...... Bovenbuurtweg 118\n",
            "Bovenbuurtweg 118",
        ),
        (
            "1.6 Adres / Address             Assendorperstr aat 112 B\n",
            "Assendorperstr aat 112 B",
        ),
        ("Adres NL (BRP):   Slinge 412, Rotterdam\n", "Slinge 412"),
    ] {
        // Two readings of one street (the field and its street ending) are merged later.
        assert!(found(text).contains(&street), "{text}");
    }
    let form = "Straat:                  Markt\nHuisnummer + toev.:      4-A\n";
    assert_eq!(found(form), vec!["Markt", "4-A"]);
}

#[test]
fn an_address_field_needs_no_street_ending() {
    assert_eq!(
        found("Adres:            Eursinge 31, 9411 PK Beilen\n"),
        vec!["Eursinge 31", "9411 PK Beilen"]
    );
    assert_eq!(found("> Woonadres: Vaart ZZ 114\n"), vec!["Vaart ZZ 114"]);
    assert_eq!(
        found("Correspondentieadres       : Cortenbach 15\n"),
        vec!["Cortenbach 15"]
    );
    // A person's number's label above is no organisation's name.
    assert_eq!(
        found("BSN (optioneel):\nStraat + huisnummer:       Kampweg 44\n"),
        vec!["Kampweg 44"]
    );
    // An organisation's address field stays, and a field that holds no street and number
    // is no address.
    assert!(found("Gemeente Midden-Drenthe\nAdres: Raadhuisplein 1\nPostbus 24\n").is_empty());
    assert!(found("Adres: zie bijlage 2\n").is_empty());
}

#[test]
fn a_residence_word_makes_an_address_a_persons() {
    // The line above names the employer; `woonachtig` says whose address it is.
    let t = "2. HOEKSTRA, Sjoerd, beleidsmedewerker provincie Drenthe\n   woonachtig Zwiggelterweg 8, 9414 TE Hooghalen\n";
    assert_eq!(found(t), vec!["Zwiggelterweg 8", "9414 TE Hooghalen"]);
    // In a sentence, the organisations the line above names do not own the address; at the
    // start of a line the address may go on from the line above.
    let t = "In de driehoek is afgesproken dat we de GGD vragen om de nazorg voor de\n\
             bewoners. Contact: mevr. G.M. Hoekstra, Stationsweg 38, tel. 0345-612784.\n";
    assert_eq!(found(t), vec!["Stationsweg 38"]);
    // Nor does a short line above that ends its sentence (another speaker's turn).
    let t = "KA:      municipality. I will write down the number.\n\
             BELLER:  Thank you. We stay in holiday house Zandweg 19 in Oostkapelle.\n";
    assert_eq!(found(t), vec!["Zandweg 19"]);
    let t = "Met vriendelijke groet, A. Schouten | Keurlab Benelux B.V. | Westervoortsedijk 73,\n\
             6827 AV Arnhem | 026 - 356 70 00\n";
    assert!(found(t).is_empty());
    // A possessive before `adres` makes it someone's own, whatever else the line names.
    let t =
        "  bij de gemeente doorgegeven. toch gaan alle brieven naar mijn oude adres Haagweg 212\n";
    assert_eq!(found(t), vec!["Haagweg 212"]);
    let t = "De gemeente zit op het adres Haagweg 212\n";
    assert!(found(t).is_empty());
}

#[test]
fn abbreviated_and_lower_case_street_names() {
    assert_eq!(
        found("moeder woont Irisstr. 62, schimmel"),
        vec!["Irisstr. 62"]
    );
    assert_eq!(found("bewoner Irisstr 8: top"), vec!["Irisstr 8"]);
    assert_eq!(
        found("Ik, wonende hazelaarstraat 23a schrijf u"),
        vec!["hazelaarstraat 23a"]
    );
    assert_eq!(
        found("adres: kolkweg 9, daarna maasdijk 61"),
        vec!["kolkweg 9", "maasdijk 61"]
    );
    // Lower-case words that merely end like a street stay.
    assert!(found("de vergadering 3 keer verzet, zie bladzijde 4").is_empty());
    assert!(found("ben onderweg 10 min, de snelweg 2 uur dicht").is_empty());
    assert!(found("Zie blz. 4 en Mr. 5").is_empty());
}

#[test]
fn a_houseboats_berth_across_from_a_house() {
    assert_eq!(
        found("ligplaats Zandpad t.o. 96 en Amsteldijk tegenover 45."),
        vec!["Zandpad t.o. 96", "Amsteldijk tegenover 45"]
    );
}

#[test]
fn a_residents_house_number() {
    assert_eq!(
        found("Omwonende mevr. Jansen (overkant, nr 38) meldt schade.\n"),
        vec!["nr 38"]
    );
    assert_eq!(
        found("  - nr 40 (fam. De Vries) - niet thuis\n"),
        vec!["nr 40"]
    );
    // Numbers of agenda items and annexes have no resident beside them.
    assert!(found("Agendapunt nr 3: vaststellen verslag. Zie bijlage nr. 2.\n").is_empty());
    assert!(found("Brief nr. 14 (bewoner Hazelaarstraat) afgedaan.\n").is_empty());
    // A resident named in the sentence before, or a parliamentary paper's number: the same
    // with the name removed as without (a second pass changes nothing).
    assert!(
        found(
            "afgestemd met mw. [5.1.2e] (jurist). De motie (Kamerstuk 23 396, nr. 253) verzoekt."
        )
        .is_empty()
    );
    assert_eq!(
        found("Omwonende mevr. G. Hoekstra (overkant, nr 38) meldt schade.\n"),
        vec!["nr 38"]
    );
    assert!(found("EVALUATIE TESTSTRAAT WETERING 2021-2022\n").is_empty());
    // Numbered answers, and ranges of numbers: a block, not one household.
    assert!(found("Vraag 2\nKunt u dat toelichten?\n\nAntwoord 2\nJa.\n").is_empty());
    assert!(found("we laten het hele complex Irisstraat 2-88 doorlichten\n").is_empty());
    assert!(found("de woningen Abdijlaan 9 t/m 23 (oneven) ontruimd\n").is_empty());
    assert!(found("voorstel 24/7 openstelling Wetering 27-12 t/m 9-1\n").is_empty());
    assert_eq!(
        found("Zij woont op Kerkstraat 27-1.\n"),
        vec!["Kerkstraat 27-1"]
    );
    // A percentage is no house number, and an abbreviation no house-number letter.
    assert!(found("- Personeel: ziekteverzuim teststraat 14% (11 fte)\n").is_empty());
    assert_eq!(
        found("Sluiting woning Kloosterstraat 14 en Stationsstraat 41 o.g.v. art. 13b\n"),
        vec!["Kloosterstraat 14", "Stationsstraat 41"]
    );
}

#[test]
fn the_clause_decides_whose_address_it_is() {
    // A chat speaker's organisation does not own the address a later sentence gives.
    assert_eq!(
        found(
            "Sevda CHM omgeving: Sorry voor de late app. Bewoner van de Kesselsedijk 31 staat bij de poort.\n"
        ),
        vec!["Kesselsedijk 31"]
    );
    // A day and a month after a name that ends like a street are no house number.
    assert!(found("telefoontjes Van Dam 27/9 om 08.10").is_empty());
}

#[test]
fn the_town_after_a_private_postcode_goes_with_it() {
    assert_eq!(
        found("wonende Berkenlaan 17, 7313 AK Apeldoorn, een klacht"),
        vec!["Berkenlaan 17", "7313 AK Apeldoorn"]
    );
    assert_eq!(
        found("Kerkweg 4, 2411 AB Alphen aan den Rijn tel. 06"),
        vec!["Kerkweg 4", "2411 AB Alphen aan den Rijn"]
    );
    // A second capitalised word is no part of the town, nor is the next line.
    assert_eq!(
        found("Kerkweg 4\n3433 ZK Nieuwegein Telefoon 06\nAdres"),
        vec!["Kerkweg 4", "3433 ZK Nieuwegein"]
    );
    assert_eq!(
        found("Postcode: 9137TR\nWoonplaats: Wierum"),
        vec!["9137TR"]
    );
}

#[test]
fn regional_street_names_and_compass_parts_are_streets() {
    assert_eq!(
        found("Durk Rypkema, Seedyk 3, Moddergat"),
        vec!["Seedyk 3, Moddergat"]
    );
    assert_eq!(found("bij Fiskerspaed 2 Paesens"), vec!["Fiskerspaed 2"]);
    assert_eq!(
        found("Kerkstrjitte 4 en Buorren 23"),
        vec!["Kerkstrjitte 4", "Buorren 23"]
    );
    assert_eq!(
        found("Ayşe Demir, Lekdijk-West 31."),
        vec!["Lekdijk-West 31"]
    );
    assert_eq!(found("| Lekdijk West 29 |"), vec!["Lekdijk West 29"]);
    // A compass word alone opens no street.
    assert!(found("naar West 29 gereden").is_empty());
}

#[test]
fn separate_street_and_number_fields_marked_as_required() {
    assert_eq!(
        found("Straat *     : Van Heemstraweg\nHuisnummer * : 12\n"),
        vec!["Van Heemstraweg", "12"]
    );
    assert_eq!(
        found("Straat ........ Kolkweg\nHuisnr ........ 8a\n"),
        vec!["Kolkweg", "8a"]
    );
}

#[test]
fn a_postcode_in_brackets_before_the_town() {
    assert_eq!(
        found("wonende te (1506 JD) Zaandam aan de Kerkstraat 112, bericht"),
        // The two overlap and are removed as one: `(1506 JD) Zaandam aan de Kerkstraat 112`.
        vec![
            "1506 JD) Zaandam aan de Kerkstraat",
            "Zaandam aan de Kerkstraat 112"
        ]
    );
}

#[test]
fn a_full_date_after_a_name_ending_like_a_street_is_no_house_number() {
    assert!(found("Lotte Brinkhorst   9-9-2024 08:42").is_empty());
    assert!(found("Kampen 12/3/24").is_empty());
    assert_eq!(
        found("Tesshof 28-2, 1e verdieping"),
        vec!["Tesshof 28-2, 1e verdieping"]
    );
}

#[test]
fn addresses_abroad_with_their_postcode_and_town() {
    assert_eq!(
        found("Het gezin woont in Molenstraat 17, 2387 Baarle-Hertog (BE)."),
        vec!["Molenstraat 17, 2387 Baarle-Hertog"]
    );
    assert_eq!(
        found("Zij woont Kalkarer Straße 7a, D-47533 Kleve"),
        vec!["Kalkarer Straße 7a, D-47533 Kleve"]
    );
    assert_eq!(found("voor het pand Neustraße 58 te"), vec!["Neustraße 58"]);
    assert_eq!(
        found("ul. Legnicka 48/12\n54-203 Wrocław\n"),
        vec!["ul. Legnicka 48/12\n54-203 Wrocław"]
    );
    assert_eq!(
        found("Rua das Flores 112, 4050-262 Porto, Portugal"),
        vec!["Rua das Flores 112, 4050-262 Porto"]
    );
    // A flat's number after the house's that reads like a day and a month, before a
    // postcode; the German `Str.` written apart.
    assert_eq!(
        found("mevr. A. Nowak, ul. Długa 17/4, 80-827 Gdańsk, Polen"),
        vec!["ul. Długa 17/4, 80-827 Gdańsk"]
    );
    assert_eq!(
        found("eine neue Adresse, Boxhagener Str. 71, 10245 Berlin, falls"),
        vec!["Boxhagener Str. 71, 10245 Berlin"]
    );
    // A year after the address, and a Dutch postcode, are read on their own.
    assert_eq!(found("Kerkstraat 12, 2024 Stemming"), vec!["Kerkstraat 12"]);
    assert_eq!(
        found("Kerkstraat 9\n2911 AL  OUDWAARD\n"),
        vec!["Kerkstraat 9", "2911 AL  OUDWAARD"]
    );
}

#[test]
fn the_town_after_a_comma_ends_the_address() {
    assert_eq!(
        found("Zij woont aan de Molenweg 9, Heukelwaard\n"),
        vec!["Molenweg 9, Heukelwaard"]
    );
    assert_eq!(
        found("woont Lithseweg 54, Kessel (bij de brug)"),
        vec!["Lithseweg 54, Kessel"]
    );
    // A sentence that goes on after the town: the town is not read.
    assert_eq!(
        found("Lithseweg 54, Kessel en Kerkstraat 20, Kessel."),
        vec!["Lithseweg 54", "Kerkstraat 20, Kessel"]
    );
}

#[test]
fn the_town_on_an_address_blocks_postcode_line_goes_with_it() {
    assert_eq!(
        found("Mevrouw M.A. Zomer\nEsweg 22a\n7241 BT  HOLTVEEN\n"),
        vec!["Esweg 22a", "7241 BT  HOLTVEEN"]
    );
    // Not when more follows on the line.
    assert_eq!(
        found("Esweg 22a\n7241 BT  Holtveen   tel. 0544 123456\n"),
        vec!["Esweg 22a", "7241 BT"]
    );
}

#[test]
fn address_columns_that_say_which_address_and_no_post_box() {
    // `pc oud`, `pc nieuw`: a register's old and new postcodes.
    let t = "debiteur\tpc oud\tpc nieuw\tstatus\nBouzid, S.\t4814 GJ\t5041 LK\tDW\n";
    assert_eq!(found(t), vec!["4814 GJ", "5041 LK"]);
    // `huidig adres`: which of a person's addresses.
    let t = "nr  | naam         | huidig adres     | plaats\n\
             3   | Gog, Shanice | Molenbeemd 3     | Zandhoeve\n";
    assert_eq!(found(t), vec!["Molenbeemd 3"]);
    // An owner's post-office box is an organisation's.
    let t = "vak\teigenaar\tadres eigenaar\tstatus\n1\tWaterbedrijf\tPostbus 13, 9290 AA Kollum\takkoord\n\
             2\tJ. Dijkstra\tDyksterwei 2\tin overleg\n";
    assert_eq!(found(t), vec!["Dyksterwei 2"]);
    // A field's label of three words heads no column.
    assert!(found("Postcode en woonplaats:    4191 PK\nTelefoon:  06-1234\n").len() <= 1);
    // An export's `straat_huisnr`, and a register of labour migrants' housing with the town
    // abbreviated.
    let t =
        "zaaknr;naam;straat_huisnr;woonplaats\nBSB 25-3;Kovalenko, O.;Hemelrijken 88;Eindhoven\n";
    assert_eq!(found(t), vec!["Hemelrijken 88"]);
    let t =
        "Pers.nr | Naam | Huisvesting | In dienst\nWV-1 | Popa, I. | Middenweg 211 HHW | 15-04\n";
    assert_eq!(found(t), vec!["Middenweg 211", "Middenweg 211 HHW"]);
    // A label that joins two by a slash: a park's chalets by the park's name and number.
    let t = "Naam          geb.        park/adres       sinds\n\
             ------------  ----------  ---------------  ----------\n\
             Dijkstra, W.  22-10-1955  Zeebries 47      14-05-2003\n";
    assert_eq!(found(t), vec!["Zeebries 47"]);
    assert!(found("nr;achternaam;kavel/adres herkomst\n001;Wolbers;kavel 17\n").is_empty());
}

#[test]
fn a_postcode_with_its_house_number_is_a_home() {
    assert_eq!(
        found("11 | v.d. Veen | 1082 AT 380 | ja\n"),
        vec!["1082 AT 380"]
    );
    assert_eq!(
        found("BELLER: 8601 BS, nummer 14.\n"),
        vec!["8601 BS, nummer 14"]
    );
    assert_eq!(
        found("Postcode + huisnr: 1055 PB 3-III\n"),
        vec!["1055 PB 3-III"]
    );
    // Not a date after it, nor the next cell of a table.
    assert!(!found("klacht 1082 AT 2-8-2022 ontvangen\n").contains(&"1082 AT 2"));
    assert!(
        !found("verhuisd naar 1082 AT 12 mei\n")
            .iter()
            .any(|f| f.contains("12"))
    );
}

#[test]
fn a_street_without_a_street_word_after_aan_de_or_op_de() {
    assert_eq!(
        found("Het eetcafé aan de Roode Steen 8. Zij woont op de Grote Oost 88."),
        vec!["Roode Steen 8", "Grote Oost 88"]
    );
    // A year is no house number.
    assert!(found("Dat staat op de Agenda 2024 van de raad.").is_empty());
}

#[test]
fn each_entry_of_a_copy_list_owns_its_own_address() {
    assert_eq!(
        found(
            "Afschrift aan: CJIB, afdeling Inning, Postbus 1794, 8901 CB Leeuwarden\n\
             Afschrift aan: betrokkene, Oosterdijk 14, 8601 BS SNEEK\n"
        ),
        vec!["Oosterdijk 14", "8601 BS SNEEK"]
    );
}

#[test]
fn whoever_owns_the_street_owns_its_postcode() {
    // The address wraps in a sentence that names an organisation before the person.
    assert_eq!(
        found(
            "Het kenteken staat volgens opgave RDW op naam van D. Mulder, Maasstraat 16,\n3331 GV Zwijndrecht.\n"
        ),
        vec!["Maasstraat 16", "3331 GV Zwijndrecht"]
    );
    // An organisation's street line keeps its postcode line.
    assert!(found("Gemeente Harderveen\nStadhuisplein 1\n3841 AB  Harderveen\n").is_empty());
}

#[test]
fn a_label_says_what_the_address_is_not_whose() {
    assert_eq!(
        found("Adres NL (BRP):   Slinge 412, 3085 EZ Rotterdam\n"),
        vec!["Slinge 412", "3085 EZ Rotterdam"]
    );
    assert_eq!(
        found("Mijn postadres:\nLange Nieuwstraat 41, 3512 PG Utrecht.\n"),
        vec!["Lange Nieuwstraat 41", "3512 PG Utrecht"]
    );
    // A sentence ending before the address owns none of it; an ordinal is no house number.
    assert_eq!(
        found("WH:   Willem Hendriks. Heibroekerweg 14, 5986 NB Heibroek.\n"),
        vec!["Heibroekerweg 14", "5986 NB Heibroek"]
    );
    assert!(found("Commissie rond. Brinkhorst 1e op totaalscore.\n").is_empty());
}

#[test]
fn a_unit_inside_the_building_goes_with_the_address() {
    assert_eq!(
        found("Adres: Kerkweg 88 (chalet 4), 1724 AN Oudkarspel"),
        vec!["Kerkweg 88 (chalet 4)", "1724 AN Oudkarspel"]
    );
    assert_eq!(
        found("Adres: Kerkweg 88, chalet 4, Oudkarspel (via het uitzendbureau)"),
        vec!["Kerkweg 88", "Kerkweg 88, chalet 4, Oudkarspel"]
    );
    assert_eq!(
        found("zij woont Fellenoord 8 app. 12 sinds mei"),
        vec!["Fellenoord 8 app. 12"]
    );
    // The floor as Amsterdam and Haarlem write it, and in words.
    assert_eq!(
        found("melding over Spaarnwouderstraat 118 zw (buren)"),
        vec!["Spaarnwouderstraat 118 zw"]
    );
    assert_eq!(
        found("het adres is Lange Veerstraat 9, 2nd floor in Haarlem"),
        vec!["Lange Veerstraat 9, 2nd floor"]
    );
    assert_eq!(found("zij woont Kerkstraat 4 in Ede"), vec!["Kerkstraat 4"]);
    // A post-office box as English letters write it is an organisation's.
    assert!(found("Municipality of Haarlem\nP.O. Box 511, 2003 PB Haarlem\n").is_empty());
    assert!(found("PO Box 16114, 2500 BC Den Haag").is_empty());
    assert_eq!(
        found("wonende te Mechelsesteenweg 141 bus 3, 2018 Antwerpen"),
        vec!["Mechelsesteenweg 141 bus 3, 2018 Antwerpen"]
    );
    // A town closed by a slash before the next address.
    assert_eq!(
        found("adres NL Middenweg 211, Heerhugowaard / adres PL"),
        vec!["NL Middenweg 211, Heerhugowaard"]
    );
    // A bracket that does not name a unit, and a unit's word without its number, stay out.
    assert_eq!(
        found("woont Kerkweg 88 (achterhuis) en Dorpsstraat 4 kamer aan de tuin"),
        vec!["Kerkweg 88", "Dorpsstraat 4"]
    );
}
