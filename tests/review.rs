//! The review round trip through the real binary: `scan --review`, a reviewer's edits to
//! decisions.jsonl, `redact --decisions`.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use support::cli::{demo, redact, summary, with_demo_lists};

/// Copies the demo into a fresh folder (so a test may change a document).
fn demo_copy(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for entry in std::fs::read_dir(demo()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    input
}

fn scan_review(input: &Path, review: &Path) -> Output {
    with_demo_lists("scan", &review.with_extension("key"))
        .arg(input)
        .arg("--review")
        .arg(review)
        .output()
        .unwrap()
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write_lines(path: &Path, lines: &[Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

/// Sets the decision of the line of `document` whose text is `text` to `keep`.
fn keep(lines: &mut [Value], document: &str, text: &str) {
    let line = lines
        .iter_mut()
        .find(|l| l["document"] == document && l["text"] == text)
        .unwrap_or_else(|| panic!("no line for {text} in {document}"));
    line["decision"] = "keep".into();
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_reviewed_batch_keeps_rejected_items_and_removes_manual_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let input = demo_copy(tmp.path());
    let review = tmp.path().join("review");
    let scanned = scan_review(&input, &review);
    assert!(scanned.status.success(), "{scanned:?}");
    let mut decisions = lines(&review.join("decisions.jsonl"));
    assert!(decisions.iter().all(|l| l["decision"] == "remove"));
    keep(&mut decisions, "burgerbrief.txt", "3581 KL  Utrecht");
    keep(&mut decisions, "besluit-woo-verzoek.pdf", "06-28 44 19 07");
    decisions.push(serde_json::json!({
        "document": "burgerbrief.txt", "text": "2024-771203",
        "category": "other", "ground": "5.1.2e"
    }));
    let out = redact_with_decisions(tmp.path(), &input, &decisions);
    let letter = std::fs::read_to_string(out.join("burgerbrief.txt")).unwrap();
    assert!(letter.contains("3581 KL"), "the kept item is readable");
    assert!(
        !letter.contains("2024-771203"),
        "the manual item is removed"
    );
    assert!(!letter.contains("Lindenlaan 42b"), "the others are removed");
    let pdf = std::process::Command::new("pdftotext")
        .arg(out.join("besluit-woo-verzoek.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let pdf_text = squeeze(&String::from_utf8_lossy(&pdf.stdout));
    assert!(pdf_text.contains("06-28 44 19 07"), "{pdf_text}");
    assert!(!pdf_text.contains("Ilse Veenstra"), "{pdf_text}");

    let audit = std::fs::read_to_string(out.join("audit.jsonl")).unwrap();
    let manual: Vec<Value> = audit
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["detector"] == "review")
        .collect();
    assert_eq!(manual.len(), 1, "{audit}");
    assert_eq!(manual[0]["document"], "burgerbrief.txt");
    assert_eq!(manual[0]["category"], "other");
    assert!(!audit.contains("2024-771203") && !audit.contains("Lindenlaan"));
    let totals = &summary(&out)["totals"];
    assert_eq!(totals["failed"], 0);
    assert_eq!(
        totals["removals"].as_u64().unwrap() as usize,
        decisions.len() - 2,
        "two kept, one added"
    );
}

#[test]
fn a_document_changed_since_the_scan_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let input = demo_copy(tmp.path());
    let review = tmp.path().join("review");
    assert!(scan_review(&input, &review).status.success());
    let chat = input.join("chat-export.txt");
    let mut text = std::fs::read_to_string(&chat).unwrap();
    text.insert_str(0, "Nieuwe regel.\n");
    std::fs::write(&chat, text).unwrap();
    let summary = redact_fails_alone_as_changed(
        tmp.path(),
        &input,
        &review,
        "chat-export.txt",
        "burgerbrief.txt",
    );
    assert_eq!(summary["totals"]["failed"], 1);
}

#[test]
fn a_malformed_decisions_file_exits_2_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("decisions.jsonl");
    for bad in [
        "{not json",
        r#"{"document":"a.txt","text":"Geheime Naam","category":"name","ground":"9.9"}"#,
    ] {
        std::fs::write(&file, bad).unwrap();
        let out = tmp.path().join("out");
        let run = redact(&[&demo()], &out, &["--decisions", file.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(2), "{run:?}");
        assert!(!out.exists());
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("line 1"), "{err}");
        assert!(!err.contains("Geheime"), "{err}");
    }
}

#[test]
fn the_report_escapes_text_and_warns_at_the_top() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Bel <b>06-12345678</b> & \"mail\".\n").unwrap();
    let review = tmp.path().join("review");
    let run = scan_review(&input, &review);
    assert!(run.status.success(), "{run:?}");
    let index = std::fs::read_to_string(review.join("index.html")).unwrap();
    assert!(index.contains("never part of a publication"));
    assert!(index.contains("0001-a.txt.html"));
    let page = std::fs::read_to_string(review.join("0001-a.txt.html")).unwrap();
    let banner = page.find("never part of a publication").unwrap();
    assert!(
        banner < page.find("<pre>").unwrap(),
        "the banner is at the top"
    );
    assert!(page.contains("Bel &lt;b&gt;<mark"), "{page}");
    assert!(page.contains("&amp; &quot;mail&quot;"), "{page}");
    assert!(page.contains("rule phone"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
}

fn mail_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/mail/in")
        .join(name)
}

/// The decoded text of every .eml and .docx output under `dir`, read by Python's `email`
/// package and `zipfile` with an XML parser (fixtures/mail/check.py), not by woo-redact.
fn read_independently(dir: &Path) -> serde_json::Map<String, Value> {
    let run = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mail/check.py"))
        .arg("--dump")
        .arg(dir)
        .output()
        .expect("python3 runs");
    assert!(run.status.success(), "{run:?}");
    let dump: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(dump["problems"], serde_json::json!([]), "{dump}");
    dump["texts"].as_object().unwrap().clone()
}

#[test]
fn e_mail_and_word_documents_take_the_review_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(mail_fixture("thread-plain.eml"), input.join("thread.eml")).unwrap();
    std::fs::copy(mail_fixture("memo.docx"), input.join("memo.docx")).unwrap();
    let review = tmp.path().join("review");
    let scanned = scan_review(&input, &review);
    assert!(scanned.status.success(), "{scanned:?}");

    // The pages show every part under its name, each removal marked with its part.
    let mail_page = std::fs::read_to_string(review.join("0002-thread.eml.html")).unwrap();
    for part in ["header:From", "header:Subject", "body"] {
        assert!(mail_page.contains(&format!("<h2>{part}</h2>")), "{part}");
    }
    assert!(mail_page.contains("part header:From"), "{mail_page}");
    assert!(mail_page.contains("<mark"));
    let memo_page = std::fs::read_to_string(review.join("0001-memo.docx.html")).unwrap();
    for part in [
        "word/document.xml",
        "word/header1.xml",
        "word/footnotes.xml",
    ] {
        assert!(memo_page.contains(&format!("<h2>{part}</h2>")), "{part}");
    }

    // Each line names its part and the offsets within it.
    let mut decisions = lines(&review.join("decisions.jsonl"));
    for line in &decisions {
        assert!(line["part"].is_string(), "{line}");
        assert!(line["start"].is_u64() && line["end"].is_u64(), "{line}");
    }
    assert!(
        decisions
            .iter()
            .any(|l| l["document"] == "thread.eml" && l["part"] == "header:To")
    );
    let proposed = decisions.len();
    keep(&mut decisions, "thread.eml", "06 18 42 73 55");
    keep(&mut decisions, "memo.docx", "+31 6 2233 4455");
    decisions.push(serde_json::json!({
        "document": "thread.eml", "text": "Kamervragen",
        "category": "other", "ground": "5.1.2i"
    }));
    decisions.push(serde_json::json!({
        "document": "*", "text": "1 november",
        "category": "other", "ground": "5.1.2e"
    }));
    let out = redact_with_decisions(tmp.path(), &input, &decisions);
    let texts = read_independently(&out);
    let mail = squeeze(texts["thread.eml"].as_str().unwrap());
    assert!(mail.contains("06 18 42 73 55"), "the kept item is readable");
    assert!(
        !mail.contains("Kamervragen"),
        "the manual item is removed: {mail}"
    );
    assert!(!mail.contains("Oosterhuis") && !mail.contains("m.vanderwiel@"));
    assert!(mail.contains("woo@minjenv.nl"), "{mail}");
    let memo = squeeze(texts["memo.docx"].as_str().unwrap());
    assert!(
        memo.contains("+31 6 2233 4455"),
        "the kept item is readable"
    );
    assert!(!memo.contains("1 november"), "the manual item is removed");
    assert!(!memo.contains("Bram Oosterhuis") && !memo.contains("Veenstra"));

    let audit: Vec<Value> = lines(&out.join("audit.jsonl"));
    let manual: Vec<&Value> = audit.iter().filter(|r| r["detector"] == "review").collect();
    let parts = |document: &str| -> Vec<&str> {
        manual
            .iter()
            .filter(|r| r["document"] == document)
            .map(|r| r["part"].as_str().unwrap())
            .collect()
    };
    assert!(
        parts("thread.eml").contains(&"header:Subject"),
        "{manual:?}"
    );
    assert!(parts("thread.eml").contains(&"body"), "{manual:?}");
    assert_eq!(parts("memo.docx"), ["word/document.xml"]);
    let summary = summary(&out);
    let notes = summary["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "thread.eml")
        .map(|d| d["format"]["notes"].to_string())
        .unwrap();
    assert!(notes.contains("header dropped: Received (1)"), "{notes}");
    let totals = &summary["totals"];
    assert_eq!(totals["failed"], 0);
    assert_eq!(
        totals["removals"].as_u64().unwrap() as usize,
        proposed - 2 + manual.len(),
        "two kept, every occurrence of the manual texts added"
    );
}

#[test]
fn an_e_mail_changed_since_the_scan_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(mail_fixture("thread-plain.eml"), input.join("thread.eml")).unwrap();
    std::fs::copy(mail_fixture("memo.docx"), input.join("memo.docx")).unwrap();
    let review = tmp.path().join("review");
    assert!(scan_review(&input, &review).status.success());
    let mail = input.join("thread.eml");
    let text = std::fs::read_to_string(&mail).unwrap();
    std::fs::write(&mail, text.replace("Hoi Marloes,", "Hoi Marloes, nog dit.")).unwrap();
    redact_fails_alone_as_changed(tmp.path(), &input, &review, "thread.eml", "memo.docx");
}

#[test]
fn an_e_mail_whose_attachments_are_documents_fails_closed_under_review() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(mail_fixture("attachments.eml"), input.join("thread.eml")).unwrap();
    std::fs::write(input.join("a.txt"), "Bel 06-12345678.\n").unwrap();
    let review = tmp.path().join("review");
    let run = scan_review(&input, &review);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let index = std::fs::read_to_string(review.join("index.html")).unwrap();
    assert!(index.contains("attachments that are documents"), "{index}");
    let out = tmp.path().join("out");
    let file = review.join("decisions.jsonl");
    let run = redact(&[&input], &out, &["--decisions", file.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert!(!out.join("thread.eml").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "Bel [5.1.2e].\n"
    );
}

/// The summary has exactly one failed document, `document`, failed because it changed since
/// the review scan.
/// Redacts `input` with the decisions of `review` into `dir/out`, where `changed` changed since
/// the scan: the run exits 1, `changed` fails alone with that reason and has no output, `kept`
/// has one. Returns the run's summary.
fn redact_fails_alone_as_changed(
    dir: &Path,
    input: &Path,
    review: &Path,
    changed: &str,
    kept: &str,
) -> Value {
    let out = dir.join("out");
    let file = review.join("decisions.jsonl");
    let run = redact(&[input], &out, &["--decisions", file.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let summary = summary(&out);
    let failed: Vec<&Value> = summary["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["document"], changed);
    let why = failed[0]["error"].as_str().unwrap();
    assert!(why.contains("changed since the review scan"), "{why}");
    assert!(!out.join(changed).exists());
    assert!(out.join(kept).exists());
    summary
}

/// Writes the reviewed `decisions` beside `input`, redacts `input` with them into `dir/out`,
/// checks that the run succeeded, and returns the output folder.
fn redact_with_decisions(dir: &Path, input: &Path, decisions: &[Value]) -> PathBuf {
    let file = dir.join("decisions.jsonl");
    write_lines(&file, decisions);
    let out = dir.join("out");
    let run = redact(&[input], &out, &["--decisions", file.to_str().unwrap()]);
    assert!(run.status.success(), "{run:?}");
    out
}
