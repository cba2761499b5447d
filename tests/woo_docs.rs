//! Scores detection on hand-written Woo documents (`fixtures/woo-docs/<set>/`), written with
//! gold annotations by authors who had not read the detection code (see
//! `fixtures/woo-docs/README.md`). Each set is scored as `../shared/eval/score.py` does:
//!
//! - an item to remove is caught when every letter and digit of it is removed;
//! - a kept item is violated when any of its characters is removed;
//! - character precision: removed non-space characters inside some gold item, over all
//!   removed non-space characters.
//!
//! `WOO_DOCS_SHOW=N` prints up to N missed items and N violated kept items per set;
//! `WOO_DOCS_SET=DIR` scores one more set outside the fixtures (e.g. a held-back one).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use woo_redact::batch::BatchOptions;
use woo_redact::{DigestKey, Lists, Policy, Redactor};

/// Regression floors: a little under what the detection reaches on each set today. They guard
/// against losing ground; the detection issue's aim (recall 0.97, staff 0.98, kept items
/// removed under 1.5%, precision 0.95) is not reached on every set yet and is reported, not
/// asserted.
struct Floors {
    recall: f64,
    staff_recall: f64,
    keep_violations: f64,
    char_precision: f64,
}

/// The floors of set `name`. The two sets added last (a province's PFAS and nitrogen files,
/// a safety region's flood files) remove more kept items and more text around names than the
/// first two.
fn floors(name: &str) -> Floors {
    let default = Floors {
        recall: 0.93,
        staff_recall: 0.96,
        keep_violations: 0.02,
        char_precision: 0.95,
    };
    match name {
        // The writer keeps the town after a citizen's postcode readable (`6921 RK Duiven`);
        // the tool removes it with the correspondence address, as most writers do.
        "dev-province" => Floors {
            keep_violations: 0.05,
            char_precision: 0.925,
            ..default
        },
        "dev-ggd" => Floors {
            keep_violations: 0.03,
            char_precision: 0.94,
            ..default
        },
        "dev-fresh" => Floors {
            keep_violations: 0.025,
            char_precision: 0.93,
            ..default
        },
        // A water board's dike and drought files, written for the detection issue's last
        // round: tuned on only for the general mechanisms it showed (person numbers, chat
        // contacts, water board lists); its figures are far from the aim.
        "dev-water" => Floors {
            recall: 0.91,
            staff_recall: 0.93,
            keep_violations: 0.045,
            char_precision: 0.94,
        },
        // A municipality, the ministry of Justice and COA on an emergency asylum location:
        // held back and measured by totals only in the round it was written (0.845), then
        // unpacked as a development set for the next.
        "dev-asylum" => Floors {
            recall: 0.91,
            staff_recall: 0.95,
            keep_violations: 0.025,
            char_precision: 0.95,
        },
        // VWS and the national consortium on the 2020 emergency purchase of face masks, and a
        // municipality and a housing corporation on mould, a stairlift and a neighbour
        // dispute: held back and measured by totals only in the round they were written
        // (0.832 and 0.825), then unpacked as development sets for the next.
        "dev-masks" => Floors {
            recall: 0.90,
            staff_recall: 0.95,
            keep_violations: 0.05,
            char_precision: 0.90,
        },
        "dev-housing" => Floors {
            recall: 0.90,
            staff_recall: 0.96,
            keep_violations: 0.04,
            char_precision: 0.92,
        },
        // Rijkswaterstaat and a contractor on a bridge closure, and a province on wolves:
        // held back and measured by totals only in the round they were written (0.898 and
        // 0.855), then unpacked as development sets for the next.
        "dev-bridge" => Floors {
            recall: 0.92,
            staff_recall: 0.97,
            keep_violations: 0.055,
            char_precision: 0.88,
        },
        "dev-wolves" => Floors {
            recall: 0.91,
            staff_recall: 0.94,
            keep_violations: 0.045,
            char_precision: 0.92,
        },
        // The NVWA on a slaughterhouse, and a safety region on a care-home fire: held back
        // (text-fresh9/10) and measured by totals in the round they were written (0.905 and
        // 0.946), then unpacked as development sets.
        "dev-slaughter" => Floors {
            recall: 0.92,
            staff_recall: 0.94,
            keep_violations: 0.035,
            char_precision: 0.95,
        },
        "dev-carehome" => Floors {
            recall: 0.955,
            staff_recall: 0.95,
            keep_violations: 0.06,
            char_precision: 0.92,
        },
        // The UHT on compensating parents in the childcare-benefits affair, and a province on
        // a nitrogen buy-out of livestock farms: held back (text-fresh11/12) and measured by
        // totals in the round they were written (0.875 and 0.826), then unpacked as
        // development sets. Their registers key each row by the person's case number.
        "dev-uht" => Floors {
            recall: 0.915,
            staff_recall: 0.97,
            keep_violations: 0.04,
            char_precision: 0.92,
        },
        "dev-nitrogen" => Floors {
            recall: 0.90,
            staff_recall: 0.97,
            keep_violations: 0.035,
            char_precision: 0.95,
        },
        // Foreign Affairs, Defence and the IND on evacuating local staff, and a municipality
        // with the police and the RIEC on Damocles closures: held back (text-fresh13/14) and
        // measured by totals in the round they were written (0.755 and 0.838), then
        // unpacked as development sets. The evacuee lists are full of transliterated names
        // and person-bound travel-document numbers.
        "dev-evacuation" => Floors {
            recall: 0.855,
            staff_recall: 0.95,
            keep_violations: 0.035,
            char_precision: 0.95,
        },
        "dev-damocles" => Floors {
            recall: 0.865,
            staff_recall: 0.94,
            keep_violations: 0.05,
            char_precision: 0.905,
        },
        // EZK, the IMG and the NCG on earthquake damage in Groningen, and OCW with the
        // Inspectie on a troubled school: held back (text-fresh15/16) and measured by totals in
        // the round they were written (0.865 and 0.887), then unpacked as development sets.
        "dev-groningen" => Floors {
            recall: 0.89,
            staff_recall: 0.96,
            keep_violations: 0.035,
            char_precision: 0.945,
        },
        "dev-school" => Floors {
            recall: 0.93,
            staff_recall: 0.96,
            keep_violations: 0.06,
            char_precision: 0.93,
        },
        // JenV and DJI on a detainee who did not return from leave, and a municipality with a
        // youth-care purchasing region on PGB fraud: held back (text-fresh17/18) and measured by
        // totals in the round they were written (0.926 and 0.889), then unpacked as
        // development sets.
        "dev-detainee" => Floors {
            recall: 0.93,
            staff_recall: 0.97,
            keep_violations: 0.025,
            char_precision: 0.96,
        },
        "dev-youthcare" => Floors {
            recall: 0.91,
            staff_recall: 0.96,
            keep_violations: 0.02,
            char_precision: 0.955,
        },
        // Defence on a training area, a province on PFAS discharges, and the UWV with a
        // municipality on a data breach: held back (text-fresh19/20/21) and measured by totals
        // in the round they were written (0.919, 0.921, 0.912), then unpacked as development
        // sets.
        "dev-defence" => Floors {
            recall: 0.91,
            staff_recall: 0.96,
            keep_violations: 0.035,
            char_precision: 0.925,
        },
        "dev-pfas" => Floors {
            recall: 0.91,
            staff_recall: 0.96,
            keep_violations: 0.08,
            char_precision: 0.925,
        },
        "dev-uwv" => Floors {
            recall: 0.90,
            staff_recall: 0.92,
            keep_violations: 0.03,
            char_precision: 0.955,
        },
        // A province on wind turbines, the IGJ on a hospital's heart surgery, and the
        // Arbeidsinspectie on labour migrants: held back (text-fresh22/23/24) and measured by
        // totals in the round they were written (0.914, 0.890, 0.871), then unpacked as
        // development sets.
        "dev-wind" => Floors {
            recall: 0.91,
            staff_recall: 0.95,
            keep_violations: 0.06,
            char_precision: 0.935,
        },
        "dev-igj" => Floors {
            recall: 0.88,
            staff_recall: 0.96,
            keep_violations: 0.06,
            char_precision: 0.93,
        },
        "dev-migrants" => Floors {
            recall: 0.865,
            staff_recall: 0.96,
            keep_violations: 0.03,
            char_precision: 0.925,
        },
        // Schiphol's night flights, a municipality's holiday-rental enforcement and DUO's
        // home-visit checks: held back (text-fresh25/26/27) and measured by totals in the round
        // they were written (0.898, 0.874, 0.920), then unpacked as development sets.
        "dev-schiphol" => Floors {
            recall: 0.89,
            staff_recall: 0.97,
            keep_violations: 0.05,
            char_precision: 0.92,
        },
        "dev-rental" => Floors {
            recall: 0.87,
            staff_recall: 0.94,
            keep_violations: 0.055,
            char_precision: 0.905,
        },
        "dev-duo" => Floors {
            recall: 0.91,
            staff_recall: 0.96,
            keep_violations: 0.07,
            char_precision: 0.90,
        },
        // The CBR's driving-fitness files, a municipality's demonstrations and Foreign
        // Affairs' detainees abroad: held back (text-fresh28/29/30) and measured by totals in
        // the round they were written (0.937, 0.884, 0.914), then unpacked as development sets.
        "dev-cbr" => Floors {
            recall: 0.93,
            staff_recall: 0.97,
            keep_violations: 0.04,
            char_precision: 0.91,
        },
        "dev-demonstrations" => Floors {
            recall: 0.875,
            staff_recall: 0.96,
            keep_violations: 0.055,
            char_precision: 0.93,
        },
        "dev-consular" => Floors {
            recall: 0.905,
            staff_recall: 0.97,
            keep_violations: 0.085,
            char_precision: 0.88,
        },
        // School transport, the Kansspelautoriteit and corona-support recovery: held back
        // (text-fresh31/32/33) and measured by totals in the round they were written (0.950,
        // 0.875, 0.887), then unpacked as development sets. In the gambling set the writer
        // marked Teams display names with their organisation (`Yıldız, Hatice (KSA)`) as one
        // name, so its staff recall counts the organisation's letters too.
        "dev-transport" => Floors {
            recall: 0.94,
            staff_recall: 0.975,
            keep_violations: 0.05,
            char_precision: 0.935,
        },
        "dev-gambling" => Floors {
            recall: 0.865,
            staff_recall: 0.85,
            keep_violations: 0.03,
            char_precision: 0.945,
        },
        "dev-corona" => Floors {
            recall: 0.885,
            staff_recall: 0.96,
            keep_violations: 0.025,
            char_precision: 0.94,
        },
        // A level-crossing accident, fake address registrations and an alderman's integrity:
        // held back (text-fresh34/35/36) and measured by totals in the round they were
        // written (0.954, 0.888, 0.915), then unpacked as development sets. In the integrity
        // set the writer kept an alderman's first name and initials (`Ton`, `TH`) that staff
        // members share (`Ton Bex`, `Tom Heijnens`): the tool removes them, when in doubt.
        "dev-railway" => Floors {
            recall: 0.945,
            staff_recall: 0.975,
            keep_violations: 0.025,
            char_precision: 0.915,
        },
        "dev-registration" => Floors {
            recall: 0.89,
            staff_recall: 0.97,
            keep_violations: 0.025,
            char_precision: 0.895,
        },
        "dev-integrity" => Floors {
            recall: 0.925,
            staff_recall: 0.965,
            keep_violations: 0.07,
            char_precision: 0.885,
        },
        // A squatted former prison, a Frisian water board's dike and a drowning, Justis on
        // changes of surname and refused VOGs: held back (text-fresh37/38/39) and measured
        // by totals in the round they were written (0.923, 0.920, 0.921), then unpacked as
        // development sets.
        "dev-prison" => Floors {
            recall: 0.93,
            staff_recall: 0.95,
            keep_violations: 0.02,
            char_precision: 0.91,
        },
        "dev-waterboard" => Floors {
            recall: 0.93,
            staff_recall: 0.955,
            keep_violations: 0.04,
            char_precision: 0.93,
        },
        "dev-justis" => Floors {
            recall: 0.93,
            staff_recall: 0.965,
            keep_violations: 0.04,
            char_precision: 0.93,
        },
        // A university and OCW on knowledge security, a municipality clearing graves, the SVB
        // on benefits across the border: held back (text-fresh40/41/42) and measured by totals
        // in the round they were written (0.884, 0.953, 0.909 at the end of that round), then
        // unpacked as development sets.
        "dev-university" => Floors {
            recall: 0.89,
            staff_recall: 0.955,
            keep_violations: 0.02,
            char_precision: 0.92,
        },
        "dev-cemetery" => Floors {
            recall: 0.945,
            staff_recall: 0.99,
            keep_violations: 0.03,
            char_precision: 0.955,
        },
        "dev-svb" => Floors {
            recall: 0.91,
            staff_recall: 0.955,
            keep_violations: 0.025,
            char_precision: 0.94,
        },
        // The port of Rotterdam and customs, a district-heating network, EZK export control:
        // held back (text-fresh43/44/45) and measured by totals in the round they were written
        // (0.933, 0.942, 0.894 at the end of that round), then unpacked. The export set's
        // writer puts a display name's organisation tag inside the staff item (`Roosendaal,
        // Femke (Douane)`, `Youssef BZ`); the tool removes the name and leaves the tag, as
        // most writers mark it.
        "dev-port" => Floors {
            recall: 0.945,
            staff_recall: 0.97,
            keep_violations: 0.035,
            char_precision: 0.93,
        },
        "dev-heat" => Floors {
            recall: 0.96,
            staff_recall: 0.985,
            keep_violations: 0.045,
            char_precision: 0.925,
        },
        "dev-export" => Floors {
            recall: 0.89,
            staff_recall: 0.84,
            keep_violations: 0.03,
            char_precision: 0.94,
        },
        // Care fraud in Noord-Brabant, avian influenza in Gelderland, a festival's crowd crush:
        // held back (text-fresh46/47/48) and measured by totals in the round they were written
        // (0.926, 0.888, 0.946 at the end of that round), then unpacked.
        "dev-carefraud" => Floors {
            recall: 0.915,
            staff_recall: 0.97,
            keep_violations: 0.02,
            char_precision: 0.96,
        },
        "dev-birdflu" => Floors {
            recall: 0.875,
            staff_recall: 0.96,
            keep_violations: 0.05,
            char_precision: 0.89,
        },
        "dev-festival" => Floors {
            recall: 0.935,
            staff_recall: 0.96,
            keep_violations: 0.035,
            char_precision: 0.915,
        },
        // CJIB fines escalating into debt, ground-lease conversion in Noord-Holland, a tanker's
        // collision with a lock: held back (text-fresh49/50/51) and measured by totals in the
        // round they were written (0.857, 0.893, 0.951 at the end of that round), then unpacked.
        "dev-cjib" => Floors {
            recall: 0.93,
            staff_recall: 0.965,
            keep_violations: 0.015,
            char_precision: 0.95,
        },
        "dev-leasehold" => Floors {
            recall: 0.91,
            staff_recall: 0.935,
            keep_violations: 0.05,
            char_precision: 0.93,
        },
        "dev-lock" => Floors {
            recall: 0.95,
            staff_recall: 0.98,
            keep_violations: 0.035,
            char_precision: 0.915,
        },
        // The FSV blacklist at the Belastingdienst, odometer fraud by car dealers, a wildfire in
        // Limburg: held back (text-fresh52/53/54) and measured by totals in the round they were
        // written (0.929, 0.834, 0.951 at the end of that round), then unpacked.
        "dev-fsv" => Floors {
            recall: 0.92,
            staff_recall: 0.975,
            keep_violations: 0.035,
            char_precision: 0.93,
        },
        "dev-odometer" => Floors {
            recall: 0.82,
            staff_recall: 0.98,
            keep_violations: 0.025,
            char_precision: 0.945,
        },
        "dev-wildfire" => Floors {
            recall: 0.94,
            staff_recall: 0.99,
            keep_violations: 0.065,
            char_precision: 0.91,
        },
        // Asbestos and a scrap yard in the Achterhoek, illegal puppy trade, WOZ objections:
        // held back (text-fresh55/56/57) and measured by totals in the round they were written
        // (0.942, 0.875, 0.887 at the end of that round), then unpacked.
        "dev-asbestos" => Floors {
            recall: 0.945,
            staff_recall: 0.99,
            keep_violations: 0.06,
            char_precision: 0.93,
        },
        "dev-puppies" => Floors {
            recall: 0.915,
            staff_recall: 0.98,
            keep_violations: 0.04,
            char_precision: 0.94,
        },
        "dev-woz" => Floors {
            recall: 0.96,
            staff_recall: 0.975,
            keep_violations: 0.03,
            char_precision: 0.955,
        },
        // Bibob screenings in Dordrecht, the sale of a former barracks, monument subsidies:
        // held back (text-fresh58/59/60) and measured by totals in the round they were written
        // (0.919, 0.949, 0.935 at the end of that round), then unpacked.
        "dev-bibob" => Floors {
            recall: 0.925,
            staff_recall: 0.965,
            keep_violations: 0.035,
            char_precision: 0.92,
        },
        "dev-barracks" => Floors {
            recall: 0.95,
            staff_recall: 0.985,
            keep_violations: 0.045,
            char_precision: 0.94,
        },
        "dev-monuments" => Floors {
            recall: 0.95,
            staff_recall: 0.975,
            keep_violations: 0.025,
            char_precision: 0.95,
        },
        // Noise from a padel club, drone exemptions, a weekly market's stalls: held back
        // (text-fresh61/62/63) and measured by totals in the round they were written (0.973,
        // 0.945, 0.923 at the end of that round), then unpacked.
        "dev-padel" => Floors {
            recall: 0.97,
            staff_recall: 0.98,
            keep_violations: 0.025,
            char_precision: 0.965,
        },
        "dev-drones" => Floors {
            recall: 0.945,
            staff_recall: 0.965,
            keep_violations: 0.04,
            char_precision: 0.925,
        },
        "dev-market" => Floors {
            recall: 0.95,
            staff_recall: 0.975,
            keep_violations: 0.025,
            char_precision: 0.94,
        },
        // Social-assistance fraud, a restitution claim, parking permits and towing: held back
        // (text-fresh64/65/66) and measured by totals in the round they were written (0.938,
        // 0.923, 0.928 at the end of that round), then unpacked.
        "dev-bijstand" => Floors {
            recall: 0.93,
            staff_recall: 0.95,
            keep_violations: 0.055,
            char_precision: 0.92,
        },
        "dev-restitution" => Floors {
            recall: 0.92,
            staff_recall: 0.985,
            keep_violations: 0.04,
            char_precision: 0.885,
        },
        "dev-parking" => Floors {
            recall: 0.925,
            staff_recall: 0.965,
            keep_violations: 0.02,
            char_precision: 0.945,
        },
        // Stadium bans, expropriation for a dike, a municipality's civil affairs: held back
        // (text-fresh67/68/69) and measured by totals in the round they were written (0.917,
        // 0.903, 0.936 at the end of that round), then unpacked.
        "dev-stadium" => Floors {
            recall: 0.91,
            staff_recall: 0.975,
            keep_violations: 0.03,
            char_precision: 0.93,
        },
        "dev-expropriation" => Floors {
            recall: 0.895,
            staff_recall: 0.965,
            keep_violations: 0.02,
            char_precision: 0.94,
        },
        "dev-civil" => Floors {
            recall: 0.93,
            staff_recall: 0.98,
            keep_violations: 0.02,
            char_precision: 0.955,
        },
        // A nightclub fire, a taxi tender, a night shelter: held back (text-fresh70/71/72)
        // and measured by totals in the round they were written (0.954, 0.933, 0.944 at the
        // end of that round), then unpacked.
        "dev-fire" => Floors {
            recall: 0.95,
            staff_recall: 0.985,
            keep_violations: 0.035,
            char_precision: 0.93,
        },
        "dev-tender" => Floors {
            recall: 0.925,
            staff_recall: 0.99,
            keep_violations: 0.035,
            char_precision: 0.93,
        },
        "dev-shelter" => Floors {
            recall: 0.94,
            staff_recall: 0.97,
            keep_violations: 0.025,
            char_precision: 0.965,
        },
        // Houseboat moorings, a listeria outbreak, a sports club: held back
        // (text-fresh73/74/75) and measured by totals in the round they were written (0.932,
        // 0.912, 0.912), then unpacked; 0.955, 0.936, 0.944 after the next round's rules.
        "dev-houseboat" => Floors {
            recall: 0.94,
            staff_recall: 0.98,
            keep_violations: 0.035,
            char_precision: 0.93,
        },
        "dev-listeria" => Floors {
            recall: 0.92,
            staff_recall: 0.98,
            keep_violations: 0.035,
            char_precision: 0.945,
        },
        "dev-sportclub" => Floors {
            recall: 0.93,
            staff_recall: 0.96,
            keep_violations: 0.075,
            char_precision: 0.91,
        },
        // A scrapyard, eel fishing, lead water pipes: held back (text-fresh76/77/78) and
        // measured by totals in the round they were written (0.964, 0.945, 0.937), then
        // unpacked.
        "dev-scrapyard" => Floors {
            recall: 0.95,
            staff_recall: 0.99,
            keep_violations: 0.04,
            char_precision: 0.93,
        },
        "dev-eel" => Floors {
            recall: 0.935,
            staff_recall: 0.975,
            keep_violations: 0.015,
            char_precision: 0.96,
        },
        "dev-leadpipes" => Floors {
            recall: 0.925,
            staff_recall: 0.98,
            keep_violations: 0.04,
            char_precision: 0.95,
        },
        // The ferry set's writer includes a Word comment's number in its author's initials
        // (`OV1`) and a Signal contact's label in the name (`Pieter (werk)`).
        "dev-ferry" => Floors {
            recall: 0.935,
            staff_recall: 0.96,
            keep_violations: 0.035,
            char_precision: 0.96,
        },
        "dev-storm" => Floors {
            recall: 0.95,
            staff_recall: 0.945,
            keep_violations: 0.04,
            char_precision: 0.945,
        },
        // The dog set's writer keeps the town after a private postcode readable, and its
        // police mutations and OCR'd forms hold names the tool does not read.
        "dev-dog" => Floors {
            recall: 0.905,
            staff_recall: 0.935,
            keep_violations: 0.065,
            char_precision: 0.925,
        },
        "dev-solar" => Floors {
            recall: 0.965,
            staff_recall: 0.975,
            keep_violations: 0.02,
            char_precision: 0.955,
        },
        "dev-fireworks" => Floors {
            recall: 0.95,
            staff_recall: 0.98,
            keep_violations: 0.035,
            char_precision: 0.935,
        },
        // The animal-testing set's writer keeps the licensing commission's members and the
        // Kamerleden readable as office holders.
        "dev-animaltest" => Floors {
            recall: 0.95,
            staff_recall: 0.99,
            keep_violations: 0.065,
            char_precision: 0.91,
        },
        "dev-motorway" => Floors {
            recall: 0.965,
            staff_recall: 0.975,
            keep_violations: 0.02,
            char_precision: 0.97,
        },
        "dev-wvggz" => Floors {
            recall: 0.955,
            staff_recall: 0.99,
            keep_violations: 0.03,
            char_precision: 0.95,
        },
        // The forklift set's writer counts the bare street of the workers' housing as an
        // address.
        "dev-forklift" => Floors {
            recall: 0.93,
            staff_recall: 0.975,
            keep_violations: 0.025,
            char_precision: 0.945,
        },
        // The caravan set's writer keeps a site's name readable where a street bears it too
        // (`Vlasakker`), and the town after a resident's address.
        "dev-caravan" => Floors {
            recall: 0.935,
            staff_recall: 0.99,
            keep_violations: 0.045,
            char_precision: 0.94,
        },
        "dev-fgas" => Floors {
            recall: 0.925,
            staff_recall: 0.965,
            keep_violations: 0.045,
            char_precision: 0.925,
        },
        "dev-pool" => Floors {
            recall: 0.97,
            staff_recall: 0.99,
            keep_violations: 0.04,
            char_precision: 0.945,
        },
        // The drug-lab set's writer removes a farm's shed by its street and number, cadastral
        // parcels, and the family name inside a sole trader's or a maatschap's name.
        "dev-druglab" => Floors {
            recall: 0.89,
            staff_recall: 0.96,
            keep_violations: 0.06,
            char_precision: 0.925,
        },
        "dev-gritting" => Floors {
            recall: 0.975,
            staff_recall: 0.99,
            keep_violations: 0.03,
            char_precision: 0.925,
        },
        "dev-hospital" => Floors {
            recall: 0.95,
            staff_recall: 0.985,
            keep_violations: 0.03,
            char_precision: 0.96,
        },
        "dev-ransomware" => Floors {
            recall: 0.975,
            staff_recall: 0.97,
            keep_violations: 0.03,
            char_precision: 0.925,
        },
        "dev-toeslagen" => Floors {
            recall: 0.945,
            staff_recall: 0.98,
            keep_violations: 0.015,
            char_precision: 0.965,
        },
        // The museum set's writer removes foreign private addresses written the way of their
        // country (`12 Rehov Ha'Arba'a`, `14, rue de Seine`).
        "dev-museum" => Floors {
            recall: 0.91,
            staff_recall: 0.955,
            keep_violations: 0.055,
            char_precision: 0.9,
        },
        // The ambulance set's writer removes a Teams display name with its unit (`Ortmans,
        // Yvonne (VRZL)`), where most writers keep the unit readable.
        "dev-ambulance" => Floors {
            recall: 0.925,
            staff_recall: 0.91,
            keep_violations: 0.03,
            char_precision: 0.92,
        },
        "dev-debt" => Floors {
            recall: 0.94,
            staff_recall: 0.98,
            keep_violations: 0.025,
            char_precision: 0.955,
        },
        "dev-zoo" => Floors {
            recall: 0.94,
            staff_recall: 0.955,
            keep_violations: 0.03,
            char_precision: 0.97,
        },
        // The development-aid set's writer removes East African plates and local bank
        // accounts that are no IBAN.
        "dev-devaid" => Floors {
            recall: 0.93,
            staff_recall: 0.98,
            keep_violations: 0.035,
            char_precision: 0.92,
        },
        // The fisheries set's writer removes a Teams display name with its unit (`Chen, Wei
        // (NVWA)`) and an SMS contact's label with its vessel (`Kees Vrolijk SCH72`).
        "dev-fisheries" => Floors {
            recall: 0.875,
            staff_recall: 0.86,
            keep_violations: 0.045,
            char_precision: 0.91,
        },
        "dev-schoolabsence" => Floors {
            recall: 0.945,
            staff_recall: 0.955,
            keep_violations: 0.03,
            char_precision: 0.945,
        },
        // The Sint Eustatius set's writer keeps the district after a private street and
        // number (`Chapel Piece Road 23, Oranjestad`), and removes local numbers of seven
        // digits without a label and local accounts that are no IBAN.
        "dev-statia" => Floors {
            recall: 0.895,
            staff_recall: 0.955,
            keep_violations: 0.07,
            char_precision: 0.87,
        },
        // The election set's writer keeps every candidate on a submitted list readable,
        // also where a note names one by surname alone.
        "dev-election" => Floors {
            recall: 0.965,
            staff_recall: 0.97,
            keep_violations: 0.17,
            char_precision: 0.885,
        },
        "dev-decorations" => Floors {
            recall: 0.95,
            staff_recall: 0.935,
            keep_violations: 0.035,
            char_precision: 0.915,
        },
        // The Bonaire set's writer removes Kaya addresses without a house number or across a
        // line end, and keeps the town after a private address.
        "dev-bonaire" => Floors {
            recall: 0.91,
            staff_recall: 0.98,
            keep_violations: 0.055,
            char_precision: 0.905,
        },
        // Like the water board's, the recount set's writer keeps every candidate readable,
        // also when one is named alone in a mail.
        "dev-recount" => Floors {
            recall: 0.965,
            staff_recall: 0.98,
            keep_violations: 0.14,
            char_precision: 0.895,
        },
        "dev-bigregister" => Floors {
            recall: 0.94,
            staff_recall: 0.98,
            keep_violations: 0.037,
            char_precision: 0.92,
        },
        "dev-inburgering" => Floors {
            recall: 0.935,
            staff_recall: 0.965,
            keep_violations: 0.013,
            char_precision: 0.945,
        },
        "dev-childcare" => Floors {
            recall: 0.94,
            staff_recall: 0.975,
            keep_violations: 0.012,
            char_precision: 0.96,
        },
        // The passports set's writer keeps the town after an address as a place.
        "dev-passports" => Floors {
            recall: 0.93,
            staff_recall: 0.98,
            keep_violations: 0.027,
            char_precision: 0.945,
        },
        // The holiday parks' writer keeps the parks' own addresses in their inventory's
        // address column.
        "dev-holidayparks" => Floors {
            recall: 0.96,
            staff_recall: 0.99,
            keep_violations: 0.037,
            char_precision: 0.935,
        },
        // The street names' writer leaves the names of the dead that streets are named after
        // unmarked, as history rather than personal data; the tool removes them.
        "dev-streetnames" => Floors {
            recall: 0.95,
            staff_recall: 0.98,
            keep_violations: 0.055,
            char_precision: 0.83,
        },
        "dev-wmoaids" => Floors {
            recall: 0.965,
            staff_recall: 0.985,
            keep_violations: 0.029,
            char_precision: 0.96,
        },
        "dev-taxi" => Floors {
            recall: 0.96,
            staff_recall: 0.98,
            keep_violations: 0.02,
            char_precision: 0.955,
        },
        "dev-ukraine" => Floors {
            recall: 0.935,
            staff_recall: 0.95,
            keep_violations: 0.031,
            char_precision: 0.955,
        },
        // The geese set's writer keeps the village after a postcode as a place, and the
        // provincial executive's members listed without their office as office holders.
        "dev-geese" => Floors {
            recall: 0.945,
            staff_recall: 0.97,
            keep_violations: 0.052,
            char_precision: 0.925,
        },
        "dev-allotments" => Floors {
            recall: 0.955,
            staff_recall: 0.985,
            keep_violations: 0.024,
            char_precision: 0.95,
        },
        // The jet-noise set's writer keeps the town after an address as a place, and the
        // regional consultation committee's resident members as office holders.
        "dev-jetnoise" => Floors {
            recall: 0.955,
            staff_recall: 0.975,
            keep_violations: 0.059,
            char_precision: 0.91,
        },
        "dev-energytoeslag" => Floors {
            recall: 0.96,
            staff_recall: 0.98,
            keep_violations: 0.019,
            char_precision: 0.955,
        },
        // The tree-felling set's writer keeps the bezwaarcommissie's members as office
        // holders, and the town after an address as a place.
        "dev-treefelling" => Floors {
            recall: 0.955,
            staff_recall: 0.97,
            keep_violations: 0.054,
            char_precision: 0.92,
        },
        // The naturalisation set's writer keeps the town after an address as a place.
        "dev-naturalisation" => Floors {
            recall: 0.955,
            staff_recall: 0.985,
            keep_violations: 0.041,
            char_precision: 0.92,
        },
        "dev-boundary" => Floors {
            recall: 0.93,
            staff_recall: 0.97,
            keep_violations: 0.026,
            char_precision: 0.925,
        },
        "dev-culturegrants" => Floors {
            recall: 0.95,
            staff_recall: 0.975,
            keep_violations: 0.021,
            char_precision: 0.93,
        },
        "dev-beachpavilions" => Floors {
            recall: 0.965,
            staff_recall: 0.99,
            keep_violations: 0.016,
            char_precision: 0.97,
        },
        "dev-weddings" => Floors {
            recall: 0.95,
            staff_recall: 0.98,
            keep_violations: 0.011,
            char_precision: 0.96,
        },
        // The nitrous-oxide set's writer keeps a fine's and a court's numbers and the town
        // after an address.
        "dev-nitrousoxide" => Floors {
            recall: 0.96,
            staff_recall: 0.98,
            keep_violations: 0.033,
            char_precision: 0.915,
        },
        // The funerals set's writer removes the department code of a Teams display name
        // with the name (`Ramdin, Priya (PZ-JUR)`).
        "dev-funerals" => Floors {
            recall: 0.935,
            staff_recall: 0.925,
            keep_violations: 0.028,
            char_precision: 0.945,
        },
        "dev-roaddamage" => Floors {
            recall: 0.93,
            staff_recall: 0.975,
            keep_violations: 0.03,
            char_precision: 0.94,
        },
        // A hydrogen pipeline through Limburg's farmland, a municipality's bicycle depot and
        // the RVO and NVWA on manure fraud: held back (text-fresh128/129/130) and measured by
        // totals in the round they were written (0.911, 0.949, 0.922 at the end of that round),
        // then unpacked. Cadastral parcels and land agents' dossier numbers are new to the tool.
        "dev-hydrogen" => Floors {
            recall: 0.90,
            staff_recall: 0.97,
            keep_violations: 0.03,
            char_precision: 0.935,
        },
        "dev-bikedepot" => Floors {
            recall: 0.94,
            staff_recall: 0.97,
            keep_violations: 0.02,
            char_precision: 0.93,
        },
        "dev-manure" => Floors {
            recall: 0.91,
            staff_recall: 0.965,
            keep_violations: 0.025,
            char_precision: 0.945,
        },
        // A municipality's coffeeshops in the cannabis experiment and a province's graphite
        // dust from a steelworks: written for the thirty-seventh round, never held back.
        "dev-coffeeshops" => Floors {
            recall: 0.95,
            staff_recall: 0.955,
            keep_violations: 0.025,
            char_precision: 0.945,
        },
        "dev-graphite" => Floors {
            recall: 0.945,
            staff_recall: 0.96,
            keep_violations: 0.03,
            char_precision: 0.94,
        },
        // A GGD on measles in the Bible belt, Rijkswaterstaat on an oil spill on the Waal and
        // Overijssel on a bus drivers' strike: held back (text-fresh133/134/135) and measured
        // by totals in the round they were written (0.938, 0.957, 0.958 at the end of that
        // round), then unpacked.
        "dev-measles" => Floors {
            recall: 0.925,
            staff_recall: 0.985,
            keep_violations: 0.02,
            char_precision: 0.94,
        },
        "dev-oilspill" => Floors {
            recall: 0.945,
            staff_recall: 0.965,
            keep_violations: 0.045,
            char_precision: 0.90,
        },
        "dev-busstrike" => Floors {
            recall: 0.945,
            staff_recall: 0.97,
            keep_violations: 0.035,
            char_precision: 0.94,
        },
        // A ministry, the RDW and a city on shared e-scooters, and a city's holiday-rental
        // registration and enforcement: written for the thirty-eighth round, never held
        // back. The rental set's writer counts registration numbers and listing IDs as the
        // host's (`0392 A7F2 11C9 4B8E D305`), which no rule reads.
        "dev-escooters" => Floors {
            recall: 0.955,
            staff_recall: 0.975,
            keep_violations: 0.025,
            char_precision: 0.955,
        },
        "dev-holidayrental" => Floors {
            recall: 0.905,
            staff_recall: 0.975,
            keep_violations: 0.03,
            char_precision: 0.955,
        },
        _ => default,
    }
}

#[derive(Default)]
struct Score {
    caught: BTreeMap<String, (usize, usize)>,
    keep: BTreeMap<String, (usize, usize)>,
    covered: usize,
    inside: usize,
    missed: Vec<String>,
    violated: Vec<String>,
}

impl Score {
    fn totals(map: &BTreeMap<String, (usize, usize)>) -> (usize, usize) {
        map.values().fold((0, 0), |(a, b), (x, y)| (a + x, b + y))
    }

    fn recall(&self) -> f64 {
        let (c, t) = Score::totals(&self.caught);
        c as f64 / t.max(1) as f64
    }

    fn staff_recall(&self) -> f64 {
        let (c, t) = self.caught.get("name:staff").copied().unwrap_or((0, 0));
        if t == 0 { 1.0 } else { c as f64 / t as f64 }
    }

    fn keep_violations(&self) -> f64 {
        let (v, t) = Score::totals(&self.keep);
        v as f64 / t.max(1) as f64
    }

    fn precision(&self) -> f64 {
        if self.covered == 0 {
            1.0
        } else {
            self.inside as f64 / self.covered as f64
        }
    }

    fn print(&self, name: &str) {
        let (c, t) = Score::totals(&self.caught);
        let (v, k) = Score::totals(&self.keep);
        println!(
            "== {name}: recall {c}/{t} = {:.4}   staff {:.4}   keep violations {v}/{k} = {:.4}   char precision {:.4}",
            self.recall(),
            self.staff_recall(),
            self.keep_violations(),
            self.precision()
        );
        for (cat, (c, t)) in &self.caught {
            println!("  {cat:16} {c:4}/{t}");
        }
        for (kind, (v, t)) in &self.keep {
            println!("  keep:{kind:18} violated {v}/{t}");
        }
        let show = std::env::var("WOO_DOCS_SHOW")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        for m in self.missed.iter().take(show) {
            println!("  missed   {m}");
        }
        for m in self.violated.iter().take(show) {
            println!("  violated {m}");
        }
    }
}

fn lines_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|s| woo_redact::lists::parse_lines(&s))
        .unwrap_or_default()
}

fn redactor(set: &Path) -> Redactor {
    let staff = std::fs::read(set.join("staff.csv")).expect("staff.csv");
    let lists = Lists {
        staff: woo_redact::StaffDirectory::from_csv(&staff).expect("valid staff.csv"),
        public: lines_of(&set.join("public.txt")),
        keep: lines_of(&set.join("keep.txt")),
    };
    Redactor::new(Policy::default(), &lists).expect("valid lists")
}

/// Byte offset of each character offset (and of the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The byte spans each document of a set loses, from the audit records of one batch scan
/// (so that what the batch learns across documents counts, as in a real run).
fn removals(set: &Path) -> BTreeMap<String, Vec<(usize, usize)>> {
    let key = DigestKey::from_material(b"woo-docs scoring key").expect("key");
    let mut options = BatchOptions::new(key);
    options.jobs = 1;
    let mut audit = Vec::new();
    woo_redact::batch::scan(&redactor(set), &[set.join("docs")], &mut audit, &options)
        .expect("the set scans");
    let mut spans: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for line in String::from_utf8(audit).expect("UTF-8 audit").lines() {
        let r: Value = serde_json::from_str(line).expect("audit line");
        if let (Some(doc), Some(s), Some(e)) = (
            r["document"].as_str(),
            r["start"].as_u64(),
            r["end"].as_u64(),
        ) {
            let doc = doc.to_string();
            spans.entry(doc).or_default().push((s as usize, e as usize));
        }
    }
    spans
}

fn score_set(set: &Path) -> Score {
    let spans = removals(set);
    let gold = std::fs::read_to_string(set.join("gold.jsonl")).expect("gold.jsonl");
    let mut score = Score::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("gold line");
        let doc = g["doc"].as_str().expect("doc");
        let text = std::fs::read_to_string(set.join("docs").join(doc)).expect("document");
        let at = char_to_byte(&text);
        let mut removed = vec![false; text.len()];
        for &(s, e) in spans.get(doc).into_iter().flatten() {
            removed[s..e].iter_mut().for_each(|b| *b = true);
        }
        let mut in_gold = vec![false; text.len()];
        let span = |item: &Value| {
            let s = at[item["start"].as_u64().expect("start") as usize];
            let e = at[item["end"].as_u64().expect("end") as usize];
            (s, e)
        };
        for item in g["redact"].as_array().expect("redact") {
            let (s, e) = span(item);
            let category = match item["who"].as_str() {
                Some(who) => format!("{}:{who}", item["category"].as_str().unwrap_or("?")),
                None => item["category"].as_str().unwrap_or("?").to_string(),
            };
            in_gold[s..e].iter_mut().for_each(|b| *b = true);
            let ok = text[s..e]
                .char_indices()
                .all(|(i, c)| !c.is_alphanumeric() || removed[s + i]);
            let entry = score.caught.entry(category.clone()).or_default();
            entry.1 += 1;
            if ok {
                entry.0 += 1;
            } else {
                score
                    .missed
                    .push(format!("{doc}@{s}: {category} {:?}", &text[s..e]));
            }
        }
        for item in g["keep"].as_array().expect("keep") {
            let (s, e) = span(item);
            let kind = item["kind"].as_str().unwrap_or("?").to_string();
            let entry = score.keep.entry(kind.clone()).or_default();
            entry.1 += 1;
            if removed[s..e].iter().any(|b| *b) {
                entry.0 += 1;
                score
                    .violated
                    .push(format!("{doc}@{s}: {kind} {:?}", &text[s..e]));
            }
        }
        for (i, c) in text.char_indices() {
            if removed[i] && !c.is_whitespace() {
                score.covered += 1;
                score.inside += usize::from(in_gold[i]);
            }
        }
    }
    score
}

/// The text sets in `fixtures/woo-docs/`, and the one in `WOO_DOCS_SET` if given.
fn sets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/woo-docs");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/woo-docs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.jsonl").exists() && p.join("staff.csv").exists())
        .filter(|p| {
            std::fs::read_dir(p.join("docs")).is_ok_and(|mut d| {
                d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt")))
            })
        })
        .collect();
    sets.sort();
    if let Ok(extra) = std::env::var("WOO_DOCS_SET") {
        sets.push(PathBuf::from(extra));
    }
    sets
}

#[test]
fn hand_written_woo_documents_stay_above_the_regression_floors() {
    let mut failures = Vec::new();
    for set in sets() {
        let name = set
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let score = score_set(&set);
        score.print(&name);
        let floor = floors(&name);
        let checks = [
            ("recall", score.recall() >= floor.recall),
            ("staff recall", score.staff_recall() >= floor.staff_recall),
            (
                "kept items removed",
                score.keep_violations() <= floor.keep_violations,
            ),
            (
                "character precision",
                score.precision() >= floor.char_precision,
            ),
        ];
        failures.extend(
            checks
                .iter()
                .filter(|(_, ok)| !ok)
                .map(|(what, _)| format!("{name}: {what}")),
        );
    }
    assert!(failures.is_empty(), "below the bar: {failures:?}");
}
