//! The command line tells the user everything: skipped files, empty inputs, Dutch staff lists
//! as Excel saves them, a reused output folder, permissions, relative paths, throughput, Dutch
//! messages and ripgrep's conventions (issue 11, section 6).

use crate::support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;
use support::cli::{bin, redact, summary};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// An input folder with the given files (path, contents).
fn folder(root: &Path, files: &[(&str, &str)]) -> PathBuf {
    let input = root.join("in");
    for (path, text) in files {
        let path = input.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    input
}

fn documents(s: &Value) -> Vec<(String, String)> {
    s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["document"].as_str().unwrap().to_string(),
                d["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const MEMO: &str = "Bel mij op 06-12345678 voor de nota.\n";

#[test]
fn unsupported_files_are_listed_with_a_reason_and_the_batch_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        &[
            ("a.txt", MEMO),
            ("begroting.xlsx", "PK\u{3}\u{4}"),
            ("presentatie.pptx", "PK\u{3}\u{4}"),
            ("sub/LEESMIJ", "x"),
        ],
    );
    let out = tmp.path().join("out");
    let r = redact(&[&input], &out, &[]);
    let err = stderr(&r);
    assert_eq!(code(&r), 1, "{err}");
    for name in ["begroting.xlsx", "presentatie.pptx", "sub/LEESMIJ"] {
        assert!(err.contains(&format!("skipped: {name}: ")), "{name}: {err}");
    }
    assert!(err.contains("a `.xlsx` file"), "{err}");
    let s = summary(&out);
    let skipped: Vec<&Value> = s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "skipped")
        .collect();
    assert_eq!(skipped.len(), 3, "{s}");
    assert!(
        skipped
            .iter()
            .all(|d| d["reason"].as_str().is_some_and(|r| !r.is_empty()))
    );
    assert_eq!(s["totals"]["skipped"], 3);
    assert_eq!(s["totals"]["redacted"], 1);
    assert!(out.join("a.txt").exists());
    assert!(!out.join("begroting.xlsx").exists());
}

#[test]
fn an_empty_input_gets_a_clear_message_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("leeg");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    let out = tmp.path().join("out");
    let r = redact(&[&input], &out, &[]);
    assert_eq!(code(&r), 2, "{}", stderr(&r));
    assert!(
        stderr(&r).contains("no files found in the inputs"),
        "{}",
        stderr(&r)
    );
    assert!(!out.exists(), "nothing is written");
    // Also when every file is filtered out.
    std::fs::write(input.join("a.txt"), MEMO).unwrap();
    let r = redact(&[&input], &out, &["-g", "*.pdf"]);
    assert_eq!(code(&r), 2, "{}", stderr(&r));
}

/// A staff list as Dutch Excel saves it: `;`, Dutch headers, Windows-1252, CRLF.
#[test]
fn a_dutch_excel_staff_list_works() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        &[("nota.txt", "Overleg: Kwakkelstein, Jansen en De Boer.\n")],
    );
    let csv: Vec<u8> = "Naam;E-mail;Telefoonnummer;Afdeling\r\n\
                        Renée Kwakkelstein;r.kwakkelstein@minjenv.nl;070 123 4567;DGRR\r\n"
        .chars()
        .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
        .collect();
    let staff = tmp.path().join("medewerkers.csv");
    std::fs::write(&staff, csv).unwrap();
    let out = tmp.path().join("out");
    let r = bin()
        .args(["redact", "--audit-key"])
        .arg(write_key(tmp.path()))
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--staff")
        .arg(&staff)
        .output()
        .unwrap();
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    let text = std::fs::read_to_string(out.join("nota.txt")).unwrap();
    assert!(!text.contains("Kwakkelstein"), "{text}");
    let audit = std::fs::read_to_string(out.join("audit.jsonl")).unwrap();
    assert!(audit.contains("staff directory"), "{audit}");
}

fn write_key(dir: &Path) -> PathBuf {
    let key = dir.join("audit.key");
    std::fs::write(&key, "test key material, not secret!!").unwrap();
    key
}

#[test]
fn a_reused_output_folder_is_refused_unless_resumed_or_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path(), &[("a.txt", MEMO), ("b/c.txt", MEMO)]);
    let out = tmp.path().join("out");
    assert_eq!(code(&redact(&[&input], &out, &[])), 0);
    // The same batch again: its own folder.
    let again = redact(&[&input], &out, &[]);
    assert_eq!(code(&again), 0, "{}", stderr(&again));

    // Another batch's file in it.
    std::fs::write(out.join("b/oud.txt"), "stale").unwrap();
    let refused = redact(&[&input], &out, &[]);
    assert_eq!(code(&refused), 2);
    let err = stderr(&refused);
    assert!(
        err.contains("b/oud.txt") && err.contains("--overwrite"),
        "{err}"
    );
    assert!(out.join("b/oud.txt").exists(), "nothing is touched");
    assert!(out.join("summary.json").exists(), "nothing is touched");

    let cleared = redact(&[&input], &out, &["--overwrite"]);
    assert_eq!(code(&cleared), 0, "{}", stderr(&cleared));
    assert!(!out.join("b/oud.txt").exists());
    assert!(out.join("b/c.txt").exists());

    std::fs::write(out.join("oud.txt"), "stale").unwrap();
    let resumed = redact(&[&input], &out, &["--resume"]);
    assert_eq!(code(&resumed), 0, "{}", stderr(&resumed));
    let both = redact(&[&input], &out, &["--resume", "--overwrite"]);
    assert_eq!(code(&both), 2, "the two exclude each other");

    // A folder of someone's own files is never cleared.
    let theirs = tmp.path().join("documenten");
    std::fs::create_dir_all(&theirs).unwrap();
    std::fs::write(theirs.join("scriptie.docx"), "mine").unwrap();
    let r = redact(&[&input], &theirs, &["--overwrite"]);
    assert_eq!(code(&r), 2);
    assert!(
        stderr(&r).contains("holds no earlier run"),
        "{}",
        stderr(&r)
    );
    assert!(theirs.join("scriptie.docx").exists());
}

#[cfg(unix)]
#[test]
fn outputs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        &[("a.txt", MEMO), ("b/c.txt", "Geen gegevens.\n")],
    );
    let key = write_key(tmp.path());
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let out = tmp.path().join(format!("out-{umask}"));
        let r = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$@\""))
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_woo-redact"))
            .arg("redact")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .arg("--audit-key")
            .arg(&key)
            .output()
            .unwrap();
        assert_eq!(code(&r), 0, "{}", stderr(&r));
        for file in ["a.txt", "b/c.txt", "audit.jsonl", "summary.json"] {
            let m = std::fs::metadata(out.join(file))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(m, mode, "{file} under umask {umask}: {m:o}");
        }
    }
}

#[test]
fn the_summary_holds_no_absolute_path_and_counts_processed_bytes_only() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        &[
            ("a.txt", MEMO),
            ("sub/b.txt", "Geen gegevens.\n"),
            ("kapot.pdf", "not a pdf at all"),
            ("plaatje.png", "png"),
        ],
    );
    let out = tmp.path().join("out");
    let r = redact(&[&input], &out, &[]);
    assert_eq!(code(&r), 1, "{}", stderr(&r));
    let text = std::fs::read_to_string(out.join("summary.json")).unwrap();
    let root = tmp.path().canonicalize().unwrap();
    for absolute in [tmp.path(), root.as_path()] {
        assert!(!text.contains(&*absolute.to_string_lossy()), "{text}");
    }
    assert!(!text.contains("\"/"), "no value starts with /: {text}");
    let s: Value = serde_json::from_str(&text).unwrap();
    let outputs: Vec<&str> = s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["output"].as_str())
        .collect();
    assert_eq!(outputs, ["a.txt", "sub/b.txt"]);
    let processed = (MEMO.len() + "Geen gegevens.\n".len()) as u64;
    assert_eq!(s["totals"]["bytes"], processed, "{}", s["totals"]);
}

#[test]
fn messages_come_in_dutch_with_lang_nl_or_a_dutch_locale() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(tmp.path(), &[("a.txt", MEMO), ("b.docm", "x")]);
    let english = redact(&[&input], &tmp.path().join("en"), &[]);
    let err = stderr(&english);
    assert!(err.contains("2 documents: 1 redacted"), "{err}");
    assert!(err.contains("skipped: b.docm"), "{err}");

    let flag = redact(&[&input], &tmp.path().join("nl"), &["--lang", "nl"]);
    let err = stderr(&flag);
    assert!(
        err.contains("2 documenten: 1 gelakt, 0 ongewijzigd"),
        "{err}"
    );
    assert!(
        err.contains("overgeslagen: b.docm: een `.docm`-bestand"),
        "{err}"
    );
    assert!(err.contains("weglakkingen"), "{err}");

    let locale = bin()
        .env("LANG", "nl_NL.UTF-8")
        .arg("redact")
        .arg(&input)
        .arg("--out")
        .arg(tmp.path().join("locale"))
        .output()
        .unwrap();
    assert!(
        stderr(&locale).contains("documenten"),
        "{}",
        stderr(&locale)
    );
    let nothing = tmp.path().join("leeg");
    std::fs::create_dir_all(&nothing).unwrap();
    let empty = redact(&[&nothing], &tmp.path().join("x"), &["--lang", "nl"]);
    assert_eq!(code(&empty), 2);
    assert!(
        stderr(&empty).contains("geen bestanden gevonden"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn ripgrep_conventions_jobs_quiet_globs_and_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        &[
            ("a.txt", MEMO),
            ("concept-b.txt", MEMO),
            ("concepten/c.txt", MEMO),
            ("d.pdf", "no pdf"),
            ("e.txt", MEMO),
        ],
    );
    // -j, -q: nothing on standard error.
    let quiet = redact(
        &[&input],
        &tmp.path().join("q"),
        &["-j", "1", "-q", "-g", "*.txt"],
    );
    assert_eq!(code(&quiet), 0, "{}", stderr(&quiet));
    assert_eq!(stderr(&quiet), "");
    let s = summary(&tmp.path().join("q"));
    let names: Vec<String> = documents(&s).into_iter().map(|d| d.0).collect();
    assert_eq!(
        names,
        ["a.txt", "concept-b.txt", "concepten/c.txt", "e.txt"]
    );

    // A negated glob leaves out files and directories.
    let out = tmp.path().join("g");
    let r = redact(&[&input], &out, &["-g", "!concept*", "-g", "!*.pdf"]);
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    let names: Vec<String> = documents(&summary(&out)).into_iter().map(|d| d.0).collect();
    assert_eq!(names, ["a.txt", "e.txt"]);

    // `-` reads the input paths from standard input.
    let out = tmp.path().join("stdin");
    let key = write_key(tmp.path());
    let mut child = bin()
        .args(["redact", "-", "--out"])
        .arg(&out)
        .arg("--audit-key")
        .arg(&key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!(
        "{}\n\n{}\n",
        input.join("e.txt").display(),
        input.join("a.txt").display()
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let r = child.wait_with_output().unwrap();
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    let docs = documents(&summary(&out));
    assert_eq!(
        docs,
        [
            ("e.txt".to_string(), "redacted".to_string()),
            ("a.txt".to_string(), "redacted".to_string())
        ]
    );
}
