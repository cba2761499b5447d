//! `woo-redact publish` end to end: a real run of the CLI over text and PDF documents with
//! planted duplicates, a near-duplicate and an e-mail thread, then the package checked with
//! independent tools: openpyxl (python3) reads the productierapport and xmllint validates
//! every DiWoo file against the offline DiWoo 0.9.8 schema (`.ci/run` installs both).

use crate::support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use support::cli::{bin, demo, redact};

/// Personal data in the demo documents: none of it may be anywhere in a package.
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
    "b.oosterhuis@minjenv.nl",
    "Ilse Veenstra",
    "El Idrissi",
];

const HEADERS: [&str; 14] = [
    "ID",
    "Matter",
    "Family",
    "Email Thread ID",
    "Document",
    "File Type",
    "Datum",
    "Beoordeling",
    "Opgeschort",
    "Beoordelingsgrond",
    "Toelichting",
    "Publieke Link",
    "Gerelateerd ID",
    "Zaaknummer",
];

const CONFIG: &str = r#"{
  "publisher": {"uri": "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058",
                "name": "ministerie van Justitie en Veiligheid"},
  "decision_date": "2024-11-01",
  "publication_date": "2024-11-15",
  "decision": {"url": "https://open.example.nl/woo/2024-77/besluit.pdf",
               "title": "Besluit op het Woo-verzoek over mensenhandel"},
  "zaaknummer": "2024-0031877"
}"#;

/// DiWoo 0.9.8 without the MDTO import (see `fixtures/diwoo/README.md`).
fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diwoo/diwoo-metadata-offline.xsd")
}

/// The input batch: the demo documents plus planted duplicates, a near-duplicate and the
/// original of the quoted mail.
fn batch(dir: &Path) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    for entry in std::fs::read_dir(demo()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
        }
    }
    // Exact duplicates: a copy of the citizen's letter and of the PDF decision.
    std::fs::copy(
        input.join("burgerbrief.txt"),
        input.join("kopie-burgerbrief.txt"),
    )
    .unwrap();
    std::fs::copy(
        input.join("besluit-woo-verzoek.pdf"),
        input.join("zz-besluit-kopie.pdf"),
    )
    .unwrap();
    // A near-duplicate: the meeting notes with one line changed.
    let notes = std::fs::read_to_string(input.join("verslag-overleg.txt")).unwrap();
    let changed = notes.replace(
        "De voorzitter opent het overleg.",
        "De voorzitter opent de vergadering.",
    );
    assert_ne!(notes, changed);
    std::fs::write(input.join("verslag-overleg-v2.txt"), changed).unwrap();
    // The message the reply in mailwisseling.txt quotes, on its own.
    let mail = std::fs::read_to_string(input.join("mailwisseling.txt")).unwrap();
    let original = &mail[mail.find("From: ").unwrap()..];
    std::fs::write(input.join("mail-origineel.txt"), original).unwrap();
    // A file name with a civil servant's name in it.
    std::fs::write(
        input.join(PERSONAL_NAME),
        "Notitie\n\nDatum: 4 oktober 2024\n\nDe conceptantwoorden zijn besproken.\n",
    )
    .unwrap();
    input
}

/// A document whose file name holds a name from the staff directory.
const PERSONAL_NAME: &str = "notitie_marloes_van_der_wiel.txt";

/// The documents of a run with an output, in input order.
fn documents(run: &Path) -> Vec<String> {
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
    summary["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "redacted" || d["status"] == "unchanged")
        .map(|d| d["document"].as_str().unwrap().to_string())
        .collect()
}

/// The ID of `doc` in `ids.csv` (written as its path, or as the hash of a path with personal
/// data).
fn id_in(ids: &BTreeMap<String, String>, doc: &str) -> String {
    ids.get(doc)
        .or_else(|| ids.get(&format!("blake3:{}", blake3::hash(doc.as_bytes()).to_hex())))
        .unwrap_or_else(|| panic!("{doc} has no ID"))
        .clone()
}

fn publish(run: &Path, pkg: &Path, matter: &str, extra: &[&str]) -> Output {
    let lists = support::cli::demo_lists();
    bin()
        .arg("publish")
        .arg(run)
        .arg("--out")
        .arg(pkg)
        .args(["--matter", matter])
        .arg("--staff")
        .arg(lists.join("staff.csv"))
        .arg("--public")
        .arg(lists.join("public.lst"))
        .arg("--keep")
        .arg(lists.join("keep.lst"))
        .arg("--audit-key")
        .arg(run.with_extension("key"))
        .args(extra)
        .env_remove("WOO_REDACT_AUDIT_KEY")
        .output()
        .unwrap()
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir`, relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// The workbook as openpyxl reads it: sheet names, rows of cells, whether every cell is text
/// (or empty), and all text inside the xlsx zip.
fn read_xlsx(path: &Path) -> Value {
    const SCRIPT: &str = r#"
import json, sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
text_only = all(c is None or isinstance(c, str) for r in rows for c in r)
raw = "".join(zipfile.ZipFile(sys.argv[1]).read(n).decode("utf-8", "replace")
              for n in zipfile.ZipFile(sys.argv[1]).namelist())
print(json.dumps({"sheets": wb.sheetnames, "rows": rows, "text_only": text_only, "raw": raw}))
"#;
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(path)
        .output()
        .expect("python3 is needed for the xlsx checks (.ci/run installs openpyxl)");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {} (pip install openpyxl)",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn xmllint_valid(path: &Path) {
    let out = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(schema())
        .arg(path)
        .output()
        .expect("xmllint is needed (apt-get install libxml2-utils)");
    assert!(
        out.status.success(),
        "{} is not valid DiWoo 0.9.8: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The audit log's items per document: (grounds, count).
fn audit(run: &Path) -> BTreeMap<String, (BTreeSet<String>, usize)> {
    let mut out: BTreeMap<String, (BTreeSet<String>, usize)> = BTreeMap::new();
    for line in std::fs::read_to_string(run.join("audit.jsonl"))
        .unwrap()
        .lines()
    {
        let v: Value = serde_json::from_str(line).unwrap();
        let e = out
            .entry(v["document"].as_str().unwrap().to_string())
            .or_default();
        e.0.insert(v["ground"].as_str().unwrap().to_string());
        e.1 += 1;
    }
    out
}

fn ids(pkg: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(pkg.join("ids.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("document,id"));
    lines
        .map(|l| {
            let (d, id) = l.rsplit_once(',').unwrap();
            (d.to_string(), id.to_string())
        })
        .collect()
}

fn statutory(grounds: &BTreeSet<String>) -> String {
    // The demo grounds: 5.1.1e before 5.1.2e (string order agrees for these).
    grounds.iter().cloned().collect::<Vec<_>>().join("; ")
}

#[test]
fn a_run_becomes_a_package_the_platform_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let input = batch(tmp.path());
    let run = tmp.path().join("run");
    let r = redact(&[&input], &run, &[]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let config = tmp.path().join("publish.json");
    std::fs::write(&config, CONFIG).unwrap();
    let pkg = tmp.path().join("pkg");
    let out = publish(
        &run,
        &pkg,
        "2024-77",
        &[
            "--config",
            config.to_str().unwrap(),
            "--base-url",
            "https://open.example.nl/woo/2024-77",
        ],
    );
    ok(&out);

    let ids = ids(&pkg);
    let id_of = |doc: &str| id_in(&ids, doc);
    assert!(
        ids.values()
            .all(|id| id.bytes().all(|b| b.is_ascii_alphanumeric()))
    );
    let docs = documents(&run);
    assert_eq!(ids.len(), docs.len());
    let audit = audit(&run);

    // The productierapport: first sheet, the 14 headers, one text row per document.
    let book = read_xlsx(&pkg.join("productierapport.xlsx"));
    assert_eq!(book["text_only"], true);
    let rows = book["rows"].as_array().unwrap();
    let headers: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(headers, HEADERS);
    assert_eq!(rows.len() - 1, docs.len(), "one row per document");
    let cell = |row: &Value, name: &str| -> String {
        let col = HEADERS.iter().position(|h| *h == name).unwrap();
        row[col].as_str().unwrap_or("").to_string()
    };
    let by_id: BTreeMap<String, &Value> = rows[1..].iter().map(|r| (cell(r, "ID"), r)).collect();
    let duplicates: BTreeMap<&str, &str> = [
        ("kopie-burgerbrief.txt", "burgerbrief.txt"),
        ("zz-besluit-kopie.pdf", "besluit-woo-verzoek.pdf"),
    ]
    .into_iter()
    .collect();
    let outputs = files(&run);
    let released = files(&pkg.join("documenten"));
    for doc in &docs {
        let id = &id_of(doc);
        let row = by_id[id];
        assert_eq!(cell(row, "Matter"), "2024-77");
        assert_eq!(cell(row, "Zaaknummer"), "2024-0031877");
        let date = cell(row, "Datum");
        assert!(
            date.is_empty() || (date.len() == 10 && &date[4..5] == "-"),
            "{date}"
        );
        let (grounds, items) = audit.get(doc).cloned().unwrap_or_default();
        let ext = doc.rsplit('.').next().unwrap();
        let file = format!("{id}.{ext}");
        if let Some(original) = duplicates.get(doc as &str) {
            assert_eq!(cell(row, "Beoordeling"), "Niet openbaar", "{doc}");
            assert_eq!(cell(row, "Beoordelingsgrond"), "dubbel", "{doc}");
            assert_eq!(cell(row, "Gerelateerd ID"), id_of(original), "{doc}");
            assert!(!released.contains_key(&file), "{doc} is not released twice");
            assert!(!pkg.join(format!("diwoo/{id}.xml")).exists());
            continue;
        }
        assert_eq!(cell(row, "Gerelateerd ID"), "", "{doc} is no duplicate");
        let want = if items == 0 {
            "Openbaar"
        } else {
            "Deels openbaar"
        };
        assert_eq!(cell(row, "Beoordeling"), want, "{doc}");
        assert_eq!(cell(row, "Beoordelingsgrond"), statutory(&grounds), "{doc}");
        assert_eq!(
            released.get(&file),
            outputs.get(doc),
            "{doc}: the run's output, byte for byte"
        );
        xmllint_valid(&pkg.join(format!("diwoo/{id}.xml")));
    }
    assert_eq!(
        released.len(),
        ids.len() - duplicates.len(),
        "nothing else in documenten/"
    );

    // The CSV has the same rows.
    let csv_text = std::fs::read_to_string(pkg.join("productierapport.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        HEADERS
    );
    let csv_rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let xlsx_rows: Vec<Vec<String>> = rows[1..]
        .iter()
        .map(|r| HEADERS.iter().map(|h| cell(r, h)).collect())
        .collect();
    assert_eq!(csv_rows, xlsx_rows);

    // Thread: the reply and the message it quotes; file types from the platform's list.
    let thread = |doc: &str| cell(by_id[&id_of(doc)], "Email Thread ID");
    assert!(!thread("mailwisseling.txt").is_empty());
    assert_eq!(thread("mailwisseling.txt"), thread("mail-origineel.txt"));
    assert_eq!(thread("beleidsnota.txt"), "");
    assert_eq!(
        cell(by_id[&id_of("mailwisseling.txt")], "File Type"),
        "email"
    );
    assert_eq!(cell(by_id[&id_of("chat-export.txt")], "File Type"), "chat");
    assert_eq!(
        cell(by_id[&id_of("besluit-woo-verzoek.pdf")], "File Type"),
        "pdf"
    );
    assert_eq!(
        cell(by_id[&id_of("mailwisseling.txt")], "Document"),
        "RE: Kamervragen mensenhandel"
    );
    // A name in a file name is removed from the title, recorded, and hashed in ids.csv.
    let title = cell(by_id[&id_of(PERSONAL_NAME)], "Document");
    assert!(
        title.starts_with("notitie_") && title.contains("[5.1.2e]"),
        "{title}"
    );
    assert!(!ids.contains_key(PERSONAL_NAME));
    let meta = std::fs::read_to_string(pkg.join("audit-metadata.jsonl")).unwrap();
    let record: Value = serde_json::from_str(meta.lines().next().unwrap()).unwrap();
    assert_eq!(record["id"], id_of(PERSONAL_NAME));
    assert_eq!(record["field"], "Document");
    assert_eq!(record["category"], "name");

    // Near-duplicates: the changed meeting notes, and nothing else.
    let near = std::fs::read_to_string(pkg.join("near-duplicates.csv")).unwrap();
    let members: BTreeSet<&str> = near
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let want: BTreeSet<String> = [
        id_of("verslag-overleg.txt"),
        id_of("verslag-overleg-v2.txt"),
    ]
    .into();
    assert_eq!(members, want.iter().map(String::as_str).collect(), "{near}");

    // Sitemaps for the Woo index.
    let index = std::fs::read_to_string(pkg.join("sitemapindex-diwoo-infocat014.xml")).unwrap();
    assert!(index.contains("<loc>https://open.example.nl/woo/2024-77/sitemap-00001.xml</loc>"));
    let sitemap = std::fs::read_to_string(pkg.join("sitemap-00001.xml")).unwrap();
    assert_eq!(sitemap.matches("<url>").count(), released.len());
    let first = format!(
        "<loc>https://open.example.nl/woo/2024-77/documenten/{}.txt</loc>",
        id_of("beleidsnota.txt")
    );
    assert!(sitemap.contains(&first), "{sitemap}");
    let wellformed = Command::new("xmllint")
        .arg("--noout")
        .arg(pkg.join("sitemap-00001.xml"))
        .status()
        .unwrap();
    assert!(wellformed.success());

    // The motivation names the grounds, their documents and the duplicates.
    let md = std::fs::read_to_string(pkg.join("motivering.md")).unwrap();
    assert!(md.contains("### 5.1.2e Eerbiediging van de persoonlijke levenssfeer"));
    assert!(md.contains("artikel 5.1, eerste lid, aanhef en onder e, van de Woo"));
    assert!(md.contains(&format!(
        "{} is gelijk aan {}",
        id_of("kopie-burgerbrief.txt"),
        id_of("burgerbrief.txt")
    )));

    // No personal data anywhere in the package, the xlsx's zipped XML included.
    let mut everything: Vec<(String, String)> = files(&pkg)
        .into_iter()
        .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
        .collect();
    everything.push(("xlsx".into(), book["raw"].as_str().unwrap().to_string()));
    for (name, text) in &everything {
        for s in SECRETS {
            assert!(!text.contains(s), "{s:?} found in {name}");
        }
    }

    // The same run and configuration: the same bytes.
    let again = tmp.path().join("pkg-again");
    ok(&publish(
        &run,
        &again,
        "2024-77",
        &[
            "--config",
            config.to_str().unwrap(),
            "--base-url",
            "https://open.example.nl/woo/2024-77",
        ],
    ));
    assert_eq!(
        files(&pkg),
        files(&again),
        "a package is reproducible byte for byte"
    );
}

#[test]
fn ids_stay_stable_when_documents_are_added() {
    let tmp = tempfile::tempdir().unwrap();
    let input = batch(tmp.path());
    let run = tmp.path().join("run");
    assert_eq!(redact(&[&input], &run, &[]).status.code(), Some(0));
    let pkg = tmp.path().join("pkg");
    ok(&publish(&run, &pkg, "2024-77", &[]));
    let before = ids(&pkg);

    std::fs::write(
        input.join("aanvulling.txt"),
        "Aanvullende notitie\n\nDe planning is besproken met Marloes van der Wiel.\n",
    )
    .unwrap();
    let run2 = tmp.path().join("run2");
    assert_eq!(redact(&[&input], &run2, &[]).status.code(), Some(0));
    ok(&publish(&run2, &pkg, "2024-77", &[]));
    let after = ids(&pkg);
    for (doc, id) in &before {
        assert_eq!(after.get(doc), Some(id), "{doc} keeps its ID");
    }
    assert_eq!(after.len(), before.len() + 1);
    let highest: u64 = before
        .values()
        .map(|i| i.parse::<u64>().unwrap())
        .max()
        .unwrap();
    assert_eq!(after["aanvulling.txt"], (highest + 1).to_string());
    assert!(
        pkg.join(format!("documenten/{}.txt", after["aanvulling.txt"]))
            .exists()
    );
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let input = batch(tmp.path());
    let run = tmp.path().join("run");
    assert_eq!(redact(&[&input], &run, &[]).status.code(), Some(0));
    let refused = |run: &Path, pkg: &Path, matter: &str, extra: &[&str], why: &str| {
        let before = files(pkg);
        let out = publish(run, pkg, matter, extra);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{why}: {stderr}");
        assert_eq!(files(pkg), before, "{why}: nothing written");
        for s in SECRETS {
            assert!(!stderr.contains(s), "{why}: {s:?} in the message");
        }
        stderr
    };
    let copy_run = |name: &str| {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (rel, bytes) in files(&run) {
            let p = dir.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
        std::fs::copy(run.with_extension("key"), dir.with_extension("key")).unwrap();
        dir
    };
    let pkg = tmp.path().join("pkg");

    // Not a completed run: no summary, or interrupted.
    let no_summary = copy_run("no-summary");
    std::fs::remove_file(no_summary.join("summary.json")).unwrap();
    let e = refused(&no_summary, &pkg, "2024-77", &[], "no summary");
    assert!(e.contains("not a completed woo-redact run"), "{e}");
    let interrupted = copy_run("interrupted");
    std::fs::create_dir(interrupted.join(".woo-redact")).unwrap();
    refused(&interrupted, &pkg, "2024-77", &[], "interrupted run");
    refused(&input, &pkg, "2024-77", &[], "an input folder");

    // A changed output.
    let changed = copy_run("changed");
    let mut memo = std::fs::read(changed.join("beleidsnota.txt")).unwrap();
    memo.extend_from_slice(b"\nToegevoegd na de run.\n");
    std::fs::write(changed.join("beleidsnota.txt"), memo).unwrap();
    let e = refused(&changed, &pkg, "2024-77", &[], "changed output");
    assert!(e.contains("beleidsnota.txt") && e.contains("hash"), "{e}");

    // An unknown configuration field.
    let config = tmp.path().join("publish.json");
    std::fs::write(&config, r#"{"publisher_colour": "blue"}"#).unwrap();
    let e = refused(
        &run,
        &pkg,
        "2024-77",
        &["--config", config.to_str().unwrap()],
        "unknown config field",
    );
    assert!(e.contains("publisher_colour"), "{e}");

    // A bad matter, a base URL without https or without a publisher.
    refused(&run, &pkg, "2024/77", &[], "bad matter");
    refused(
        &run,
        &pkg,
        "2024-77",
        &["--base-url", "https://open.example.nl"],
        "no publisher",
    );
    assert!(!pkg.exists());

    // A package of another matter.
    ok(&publish(&run, &pkg, "2024-77", &[]));
    let e = refused(&run, &pkg, "2024-78", &[], "another matter");
    assert!(e.contains("2024-77"), "{e}");
    // And no temporary folders are left beside it.
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with(".woo-publish")),
        "{names:?}"
    );
}

#[test]
fn a_large_request_is_divided_without_splitting_a_thread() {
    let tmp = tempfile::tempdir().unwrap();
    let input = batch(tmp.path());
    let run = tmp.path().join("run");
    assert_eq!(redact(&[&input], &run, &[]).status.code(), Some(0));
    let pkg = tmp.path().join("pkg");
    ok(&publish(&run, &pkg, "2024-77", &["--max-per-dossier", "4"]));
    let ids = ids(&pkg);
    let mut seen = BTreeMap::new();
    let mut dossiers = 0;
    for k in 1.. {
        let dir = pkg.join(format!("2024-77-{k:02}"));
        if !dir.exists() {
            break;
        }
        dossiers += 1;
        let book = read_xlsx(&dir.join("productierapport.xlsx"));
        let rows = book["rows"].as_array().unwrap();
        assert!(rows.len() - 1 <= 4);
        for r in &rows[1..] {
            assert_eq!(r[1].as_str().unwrap(), format!("2024-77-{k:02}"));
            seen.insert(r[0].as_str().unwrap().to_string(), k);
            if let Some(related) = r[12].as_str() {
                assert!(dir.join("productierapport.csv").exists());
                let csv = std::fs::read_to_string(dir.join("productierapport.csv")).unwrap();
                assert!(
                    csv.contains(&format!("\n{related},")),
                    "duplicate and original together"
                );
            }
        }
    }
    assert!(dossiers >= 3, "{dossiers}");
    assert_eq!(
        seen.len(),
        ids.len(),
        "every document in exactly one dossier"
    );
    assert_eq!(
        seen[&ids["mailwisseling.txt"]], seen[&ids["mail-origineel.txt"]],
        "a thread stays in one dossier"
    );
}

#[test]
fn different_decisions_in_near_duplicates_are_reported_and_withheld_documents_stay_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    let common = "Het overleg vindt plaats in de grote zaal van het ministerie aan de Turfmarkt.\n\
        Alle afdelingen leveren hun bijdrage aan de planning voor het einde van de maand.\n\
        De directeur bespreekt de planning met de staatssecretaris in het overleg.\n\
        Na vaststelling wordt de planning gepubliceerd op de website van het ministerie.\n";
    // In a.txt the name is identified (and removed everywhere in it); in b.txt the surname
    // alone stays readable.
    let a = format!(
        "Verslag van het gesprek over de planning.\nMijn naam is Jeroen Quist en ik heb het \
         gesprek genoteerd.\nDe stukken gaan volgende week naar Quist voor een laatste \
         controle.\n{common}"
    );
    let b = format!(
        "Verslag van het gesprek over de planning.\nIk heb het gesprek genoteerd.\nDe stukken \
         gaan volgende week naar Quist voor een laatste controle.\n{common}"
    );
    std::fs::write(input.join("a.txt"), a).unwrap();
    std::fs::write(input.join("b.txt"), b).unwrap();
    std::fs::write(input.join("c.txt"), format!("Bedrijfsgegevens.\n{common}")).unwrap();
    // Each document decides on its own (the per-document person scope).
    let scope = tmp.path().join("scope.json");
    std::fs::write(&scope, r#"{"names":{"scope":"document"}}"#).unwrap();
    let run = tmp.path().join("run");
    let status = redact(&[&input], &run, &["--config", scope.to_str().unwrap()]).status;
    assert_eq!(status.code(), Some(0));
    let config = tmp.path().join("publish.json");
    std::fs::write(
        &config,
        r#"{"withhold":[{"document":"c.txt","grounds":["5.1.1c"],"toelichting":"Vertrouwelijk verstrekt"}]}"#,
    )
    .unwrap();
    let pkg = tmp.path().join("pkg");
    ok(&publish(
        &run,
        &pkg,
        "2024-80",
        &["--config", config.to_str().unwrap()],
    ));
    let ids = ids(&pkg);
    let report = std::fs::read_to_string(pkg.join("near-duplicate-decisions.csv")).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "group,person,id,decision");
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(&format!(",{},removed: name 5.1.2e", ids["a.txt"])))
            && lines
                .iter()
                .any(|l| l.ends_with(&format!(",{},readable", ids["b.txt"]))),
        "{report}"
    );
    let md = std::fs::read_to_string(pkg.join("motivering.md")).unwrap();
    assert!(md.contains("niet gelijk gelakt"), "{md}");
    // The withheld document: Niet openbaar under its grounds, no file, no DiWoo.
    let book = read_xlsx(&pkg.join("productierapport.xlsx"));
    let rows = book["rows"].as_array().unwrap();
    let c = rows[1..]
        .iter()
        .find(|r| r[0] == ids["c.txt"].as_str())
        .unwrap();
    assert_eq!(c[7], "Niet openbaar");
    assert_eq!(c[9], "5.1.1c");
    assert_eq!(c[10], "Vertrouwelijk verstrekt");
    assert!(
        !pkg.join(format!("documenten/{}.txt", ids["c.txt"]))
            .exists()
    );
    assert!(!pkg.join(format!("diwoo/{}.xml", ids["c.txt"])).exists());
    assert!(md.contains("### 5.1.1c"), "{md}");
}

/// The package's groups by document: exact duplicates (`[first, duplicates…]`), the
/// near-duplicate groups and the threads, each sorted.
fn package_groups(pkg: &Path) -> [BTreeSet<Vec<String>>; 3] {
    let doc_of: BTreeMap<String, String> = ids(pkg).into_iter().map(|(d, id)| (id, d)).collect();
    let text = std::fs::read_to_string(pkg.join("productierapport.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (mut exact, mut threads) = (BTreeMap::new(), BTreeMap::new());
    for row in reader.records() {
        let row = row.unwrap();
        let doc = doc_of[&row[col("ID")]].clone();
        if &row[col("Beoordelingsgrond")] == "dubbel" {
            let first = doc_of[&row[col("Gerelateerd ID")]].clone();
            exact
                .entry(first.clone())
                .or_insert_with(|| vec![first])
                .push(doc.clone());
        }
        let thread = &row[col("Email Thread ID")];
        if !thread.is_empty() {
            threads
                .entry(thread.to_string())
                .or_insert_with(Vec::new)
                .push(doc);
        }
    }
    let mut near: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let text = std::fs::read_to_string(pkg.join("near-duplicates.csv")).unwrap();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        near.entry(cells[0].to_string())
            .or_default()
            .push(doc_of[cells[1]].clone());
    }
    let sorted = |groups: BTreeMap<String, Vec<String>>| {
        groups
            .into_values()
            .map(|mut g| {
                g.sort();
                g
            })
            .collect()
    };
    [sorted(exact), sorted(near), sorted(threads)]
}

/// The groups `reduce` froze, by document: read from the plan's state and manifest.
fn frozen_groups(out: &Path) -> [BTreeSet<Vec<String>>; 3] {
    let shards = out.join(".woo-redact/shards");
    let mut documents = Vec::new();
    for k in 0.. {
        let Ok(text) = std::fs::read_to_string(shards.join(format!("manifest/shard-{k:05}.jsonl")))
        else {
            break;
        };
        for line in text.lines() {
            let entry: Value = serde_json::from_str(line).unwrap();
            documents.push(entry["document"].as_str().unwrap().to_string());
        }
    }
    ["duplicates", "near", "threads"].map(|file| {
        let text = std::fs::read_to_string(shards.join(format!("state/{file}.jsonl"))).unwrap();
        text.lines()
            .map(|l| {
                let group: Vec<Value> = serde_json::from_str(l).unwrap();
                // A near-duplicate member is `[seq, shared, union]`.
                let seq = |v: &Value| v.as_u64().or(v[0].as_u64()).unwrap() as usize;
                let mut g: Vec<String> = group.iter().map(|v| documents[seq(v)].clone()).collect();
                g.sort();
                g
            })
            .collect()
    })
}

/// A sharded run of the batch (plan, 3 scan shards, reduce, 3 redact shards, merge) is
/// published exactly as a single run of it: every file of the package byte for byte
/// (`package.json` apart from the hash of `summary.json`, whose timings differ). Its frozen
/// groups, made in pass 1 from the inputs, hold the same duplicates, near-duplicates and
/// threads as the package here (not in general: see the README's "Sharded runs").
#[test]
fn a_sharded_run_gives_the_package_of_a_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let input = batch(tmp.path());
    let single = tmp.path().join("single");
    ok(&redact(&[&input], &single, &[]));
    let sharded = tmp.path().join("sharded");
    let key = sharded.with_extension("key");
    let plan = support::cli::with_demo_lists("plan", &key)
        .arg(&input)
        .arg("--out")
        .arg(&sharded)
        .args(["--shards", "3", "-q"])
        .output()
        .unwrap();
    ok(&plan);
    let step = |command: &str, shard: Option<usize>| {
        let mut c = bin();
        c.arg(command)
            .arg("--plan")
            .arg(&sharded)
            .arg("--audit-key")
            .arg(&key);
        if let Some(k) = shard {
            c.args(["--shard", &k.to_string()]);
        }
        c.arg("-q")
            .env_remove("WOO_REDACT_AUDIT_KEY")
            .output()
            .unwrap()
    };
    for k in 0..3 {
        ok(&step("scan", Some(k)));
    }
    ok(&step("reduce", None));
    let frozen = frozen_groups(&sharded);
    for k in 0..3 {
        ok(&step("redact", Some(k)));
    }
    ok(&step("merge", None));

    let config = tmp.path().join("publish.json");
    std::fs::write(&config, CONFIG).unwrap();
    let mut packages = Vec::new();
    for run in [&single, &sharded] {
        let pkg = tmp.path().join(format!("pkg-{}", packages.len()));
        ok(&publish(
            run,
            &pkg,
            "2024-77",
            &["--config", config.to_str().unwrap()],
        ));
        let mut files = files(&pkg);
        let mut record: Value = serde_json::from_slice(&files["package.json"]).unwrap();
        record["run"]
            .as_object_mut()
            .unwrap()
            .remove("summary_blake3");
        files.insert("package.json".into(), serde_json::to_vec(&record).unwrap());
        packages.push((pkg, files));
    }
    let names = |i: usize| packages[i].1.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(0), names(1));
    for (name, bytes) in &packages[0].1 {
        assert!(packages[1].1[name] == *bytes, "{name} differs");
    }

    let [exact, near, threads] = package_groups(&packages[0].0);
    assert!(exact.contains(&vec![
        "burgerbrief.txt".to_string(),
        "kopie-burgerbrief.txt".to_string()
    ]));
    assert!(
        near.iter()
            .any(|g| g.contains(&"verslag-overleg-v2.txt".to_string()))
    );
    assert!(
        threads
            .iter()
            .any(|g| g.contains(&"mail-origineel.txt".to_string()))
    );
    assert_eq!(frozen, [exact, near, threads]);
}
