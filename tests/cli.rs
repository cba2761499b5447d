//! The command line, end to end, against the contract in `CONTRACT.md`.

use crate::support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::cli::{bin, demo, redact, summary};

fn audit(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("audit.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Personal data that is in the demo documents and must not survive anywhere.
const SECRETS: &[&str] = &[
    "Marloes",
    "van der Wiel",
    "Oosterhuis",
    "Tjon A Fong",
    "Farida Bouzid",
    "Sanne de Groot-Bakker",
    "123.456.782",
    "NL91 ABNA 0417 1643 00",
    "06-12345678",
    "14-02-1986",
    "Lindenlaan 42b",
    "3581 KL",
    "m.vanderwiel@minjenv.nl",
    "Ilse Veenstra",
    "El Idrissi",
];

/// Text that must stay readable.
const KEPT: &[&str] = &[
    "afdelingshoofd Informatieverzoeken",
    "2024-771203",
    "Hendrik Vos",
    "Noor Achterberg",
    "Turfmarkt 147",
    "woo@minjenv.nl",
    "3 oktober 2024",
    "2024-0031877",
    "Openbaar Ministerie",
    "28 638, nr. 241",
    "ECLI:NL:RVS:2023:1877",
];

#[test]
fn redacts_the_demo_batch_and_removes_personal_data_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let result = redact(&[&demo()], &out, &[]);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );

    let mut everything = String::from_utf8_lossy(&result.stderr).into_owned();
    for name in [
        "nota-kamervragen.txt",
        "mailwisseling.txt",
        "verslag-overleg.txt",
        "burgerbrief.txt",
        "chat-export.txt",
        "beleidsnota.txt",
    ] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        everything.push_str(&text);
    }
    // The PDF, as poppler reads it.
    let pdf = Command::new("pdftotext")
        .arg(out.join("besluit-woo-verzoek.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(pdf.status.success());
    everything.push_str(&String::from_utf8_lossy(&pdf.stdout));
    let all_outputs = everything.clone();
    everything.push_str(&std::fs::read_to_string(out.join("audit.jsonl")).unwrap());
    everything.push_str(&std::fs::read_to_string(out.join("summary.json")).unwrap());
    for secret in SECRETS {
        assert!(!everything.contains(secret), "{secret} survived");
    }
    for kept in KEPT {
        assert!(all_outputs.contains(kept), "{kept} was removed");
    }
    // The policy memo without personal data comes out unchanged.
    let memo = std::fs::read_to_string(demo().join("beleidsnota.txt")).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("beleidsnota.txt")).unwrap(),
        memo
    );
}

#[test]
fn audit_log_follows_the_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert_eq!(redact(&[&demo()], &out, &[]).status.code(), Some(0));
    let records = audit(&out);
    assert!(records.len() > 30);
    let mut last: Option<(String, u64)> = None;
    for r in &records {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        let doc = r["document"].as_str().unwrap().to_string();
        let location = if doc.ends_with(".pdf") {
            ["page", "bbox"]
        } else {
            ["start", "end"]
        };
        for field in [
            "document", "item", "category", "ground", "detector", "digest",
        ]
        .into_iter()
        .chain(location)
        {
            assert!(keys.contains(&field), "{field} missing in {r}");
        }
        let item = r["item"].as_u64().unwrap();
        match &last {
            Some((d, i)) if *d == doc => assert_eq!(item, i + 1),
            _ => assert_eq!(item, 1),
        }
        let ground = r["ground"].as_str().unwrap();
        let expected = if r["category"] == "bsn" {
            "5.1.1e"
        } else {
            "5.1.2e"
        };
        assert_eq!(ground, expected);
        assert_eq!(r["digest"].as_str().unwrap().len(), 64);
        if doc.ends_with(".pdf") {
            assert_eq!(r["page"], 1);
            let bbox: Vec<f64> = r["bbox"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            assert!(bbox[0] < bbox[2] && bbox[1] < bbox[3], "{r}");
        } else {
            // Offsets point at the removed bytes of the original file.
            let original = std::fs::read(demo().join(&doc)).unwrap();
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= original.len());
        }
        last = Some((doc, item));
    }
    // Documents in input order (directory walked in name order).
    let docs: Vec<&str> = records
        .iter()
        .map(|r| r["document"].as_str().unwrap())
        .collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted);
}

#[test]
fn outputs_and_audit_are_identical_for_one_and_two_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(
        redact(&[&demo()], &a, &["--jobs", "1"]).status.code(),
        Some(0)
    );
    assert_eq!(
        redact(&[&demo()], &b, &["--jobs", "2"]).status.code(),
        Some(0)
    );
    for name in [
        "audit.jsonl",
        "nota-kamervragen.txt",
        "mailwisseling.txt",
        "burgerbrief.txt",
        "chat-export.txt",
        "besluit-woo-verzoek.pdf",
    ] {
        assert_eq!(
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
            "{name} differs"
        );
    }
}

#[test]
fn a_bad_document_fails_alone_and_the_batch_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a.txt"), "Bel Jan de Vries op 06-12345678.").unwrap();
    // Neither UTF-8 nor Windows-1252 (0x81 and 0x8D are undefined there).
    std::fs::write(input.join("b.txt"), b"Jan de Vries \x81\x8d kapot").unwrap();
    std::fs::write(input.join("sub/c.txt"), "Niets persoonlijks hier.").unwrap();
    std::fs::write(input.join("d.odt"), "niet verwerkt").unwrap();
    let out = tmp.path().join("out");
    let result = redact(&[&input], &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("b.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert!(!stderr.contains("Vries"));
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "Bel [5.1.2e] op [5.1.2e]."
    );
    assert!(
        !out.join("b.txt").exists(),
        "no output for a failed document"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("sub/c.txt")).unwrap(),
        "Niets persoonlijks hier."
    );
    let s = summary(&out);
    let status = |doc: &str| {
        s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["document"] == doc)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("a.txt"), "redacted");
    assert_eq!(status("b.txt"), "failed");
    assert_eq!(status("sub/c.txt"), "unchanged");
    assert_eq!(status("d.odt"), "skipped");
    assert_eq!(s["totals"]["failed"], 1);
    // No temporary files are left behind.
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "{name} left behind");
    }
}

#[test]
fn a_bad_configuration_exits_2_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("policy.json");
    std::fs::write(&config, r#"{"grounds": {"phone": "privacy"}}"#).unwrap();
    let out = tmp.path().join("out");
    let result = redact(&[&demo()], &out, &["--config", config.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("grounds.phone"));
    assert!(!out.exists());
}

#[test]
fn scan_prints_the_audit_records_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert_eq!(redact(&[&demo()], &out, &[]).status.code(), Some(0));
    let key = out.with_extension("key");
    let lists = support::cli::demo_lists();
    let result = bin()
        .arg("scan")
        .arg(demo())
        .arg("--staff")
        .arg(lists.join("staff.csv"))
        .arg("--public")
        .arg(lists.join("public.lst"))
        .arg("--keep")
        .arg(lists.join("keep.lst"))
        .arg("--audit-key")
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0));
    let scanned = String::from_utf8(result.stdout).unwrap();
    assert_eq!(
        scanned,
        std::fs::read_to_string(out.join("audit.jsonl")).unwrap()
    );
}

#[test]
fn digests_link_across_runs_only_with_a_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_eq!(redact(&[&demo()], &a, &[]).status.code(), Some(0));
    assert_eq!(redact(&[&demo()], &b, &[]).status.code(), Some(0));
    assert_eq!(audit(&a), audit(&b));
    assert_eq!(summary(&a)["digests_link_across_runs"], true);

    // Without a key: a random key per run, said so in the summary.
    let out = tmp.path().join("random");
    let result = bin()
        .arg("redact")
        .arg(demo())
        .arg("--out")
        .arg(&out)
        .env_remove("WOO_REDACT_AUDIT_KEY")
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0));
    let s = summary(&out);
    assert_eq!(s["digests_link_across_runs"], false);
    assert_eq!(s["digest_key"], "random");
}

#[test]
fn pseudonyms_number_people_per_document() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("policy.json");
    std::fs::write(&config, r#"{"names": {"pseudonyms": true}}"#).unwrap();
    let out = tmp.path().join("out");
    let result = redact(
        &[&demo().join("chat-export.txt")],
        &out,
        &["--config", config.to_str().unwrap()],
    );
    assert_eq!(result.status.code(), Some(0));
    let text = std::fs::read_to_string(out.join("chat-export.txt")).unwrap();
    let first_lines: Vec<&str> = text.lines().collect();
    assert!(first_lines[0].contains("[persoon 1]:"), "{text}");
    assert!(first_lines[1].contains("[persoon 2]:"), "{text}");
    assert!(first_lines[2].contains("[persoon 1]:"), "{text}");
    assert!(first_lines[2].contains("[persoon 3] kijkt"), "{text}");
    assert!(first_lines[4].contains("[persoon 2]:"), "{text}");
}

#[test]
fn batch_scope_redacts_a_person_in_every_document() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Van: Kees Oosterwijk <k.oosterwijk@example.nl>\nOnderwerp: planning\n\
         Klantnummer: CL-004471\n",
    )
    .unwrap();
    std::fs::write(
        input.join("b.txt"),
        "Zie het stuk van Oosterwijk over de planning.\nCL-004471 is dubbel.\n",
    )
    .unwrap();
    let run = |scope: &str| {
        let config = tmp.path().join(format!("{scope}.json"));
        std::fs::write(&config, format!(r#"{{"names": {{"scope": "{scope}"}}}}"#)).unwrap();
        let out = tmp.path().join(scope);
        let result = redact(&[&input], &out, &["--config", config.to_str().unwrap()]);
        assert_eq!(result.status.code(), Some(0));
        std::fs::read_to_string(out.join("b.txt")).unwrap()
    };
    // The client number labelled in a.txt is removed in b.txt too.
    assert_eq!(
        run("document"),
        "Zie het stuk van Oosterwijk over de planning.\nCL-004471 is dubbel.\n"
    );
    assert_eq!(
        run("batch"),
        "Zie het stuk van [5.1.2e] over de planning.\n[5.1.2e] is dubbel.\n"
    );
}
