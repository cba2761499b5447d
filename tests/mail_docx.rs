//! E-mail (`.eml`) and Word (`.docx`) documents, end to end: the outputs are read back by
//! independent readers (Python's `email` package; `zipfile` with an XML parser), never by
//! woo-redact's own, through `fixtures/mail/check.py`.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::cli::{redact, summary};
use support::corpus::{self, Rng, World};
use woo_redact::formats::{self, Context, Format};
use woo_redact::pdf::PdfOptions;
use woo_redact::{DigestKey, Lists, Policy, Redactor, StaffDirectory};

fn mail() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mail")
}

fn python(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new("python3")
        .arg(mail().join("check.py"))
        .args(args)
        .output()
        .expect("python3 runs")
}

#[test]
fn the_generator_is_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let status = Command::new("python3")
        .arg(mail().join("generate.py"))
        .arg(tmp.path())
        .status()
        .unwrap();
    assert!(status.success());
    for name in [
        "gold.json",
        "in/thread-plain.eml",
        "in/attachments.eml",
        "in/memo.docx",
    ] {
        assert_eq!(
            std::fs::read(tmp.path().join(name)).unwrap(),
            std::fs::read(mail().join(name)).unwrap(),
            "{name} differs from a fresh run of the generator"
        );
    }
}

#[test]
fn outputs_pass_the_independent_readers_and_bad_documents_fail_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let result = redact(&[&mail().join("in")], &out, &["--jobs", "2"]);
    assert_eq!(result.status.code(), Some(1), "the bad documents fail");
    let check = python(&[mail().as_os_str(), out.as_os_str()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let s = summary(&out);
    let doc = |name: &str| -> Value {
        s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["document"] == name)
            .unwrap_or_else(|| panic!("{name} not in the summary"))
            .clone()
    };
    for (name, reason) in [
        ("bad/image.eml", "image/png"),
        ("bad/image.docx", "embedded image"),
        ("bad/traversal.docx", "unsafe name"),
        ("bad/malformed-header.eml", "not a header field"),
        ("bad/outlook.msg", "not an OLE compound file"),
    ] {
        let d = doc(name);
        assert_eq!(d["status"], "failed", "{name}");
        let error = d["error"].as_str().unwrap();
        assert!(error.contains(reason), "{name}: {error}");
    }
    let notes = |name: &str| doc(name)["format"]["notes"].to_string();
    assert!(notes("thread-plain.eml").contains("header dropped: Received (1)"));
    assert!(notes("thread-plain.eml").contains("header dropped: X-Originating-IP (1)"));
    let memo = notes("memo.docx");
    for note in [
        "part removed: word/comments.xml",
        "tracked changes accepted",
        "property cleared: dc:creator",
        "setting removed: w:rsids",
    ] {
        assert!(memo.contains(note), "{memo}");
    }

    // Audit records say where: header, body, attachment parts and pages.
    let audit = std::fs::read_to_string(out.join("audit.jsonl")).unwrap();
    let parts: Vec<String> = audit
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter_map(|r| r["part"].as_str().map(str::to_string))
        .collect();
    for part in [
        "header:From",
        "header:To",
        "header:Subject",
        "body",
        "body:2",
        "attachment:1",
        "attachment:2/word/document.xml",
        "attachment:2/word/header1.xml",
        "attachment:4/header:From",
        "word/document.xml",
        "word/footnotes.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(
            parts.iter().any(|p| p == part),
            "no record in {part}: {parts:?}"
        );
    }
    // Nothing removed is in the audit log or the summary.
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(mail().join("gold.json")).unwrap()).unwrap();
    let summary_text = std::fs::read_to_string(out.join("summary.json")).unwrap();
    for g in gold.as_object().unwrap().values() {
        for s in g["gone"].as_array().unwrap() {
            let s = s.as_str().unwrap();
            assert!(!audit.contains(s), "{s} in the audit log");
            assert!(!summary_text.contains(s), "{s} in the summary");
        }
    }
}

#[test]
fn outputs_are_the_same_for_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    redact(&[&mail().join("in")], &one, &["--jobs", "1"]);
    redact(&[&mail().join("in")], &two, &["--jobs", "2"]);
    for name in [
        "audit.jsonl",
        "thread-plain.eml",
        "alternative-qp-html.eml",
        "attachments.eml",
        "memo.docx",
    ] {
        assert_eq!(
            std::fs::read(one.join(name)).unwrap(),
            std::fs::read(two.join(name)).unwrap(),
            "{name}"
        );
    }
}

/// A generated document's lines as an e-mail: a plain-text part (quoted-printable) and an
/// HTML alternative (base64), so both codecs and the HTML reader carry the same text.
fn as_eml(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>\n");
    let html = format!("<html><body><p>{escaped}</p></body></html>");
    let b64 = base64::engine::general_purpose::STANDARD.encode(html.as_bytes());
    let b64: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let mut qp = String::new();
    for line in text.lines() {
        let mut width = 0;
        for b in line.bytes() {
            let piece = if (33..=126).contains(&b) && b != b'=' || b == b' ' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + piece.len() > 72 {
                qp.push_str("=\n");
                width = 0;
            }
            width += piece.len();
            qp.push_str(&piece);
        }
        qp.push('\n');
    }
    format!(
        "From: Woo-loket <woo@minjenv.nl>\nTo: woo@minjenv.nl\nSubject: Stuk\nMIME-Version: 1.0\n\
         Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\n\
         Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n\
         {qp}\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{}\n--b--\n",
        b64.join("\n")
    )
    .into_bytes()
}

/// A generated document as a Word file: a paragraph per line, runs of at most five
/// characters (so names are split inside words).
fn as_docx(text: &str) -> Vec<u8> {
    use std::io::Write;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for line in text.lines() {
        body.push_str("<w:p>");
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(5) {
            let s: String = chunk.iter().collect();
            body.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(&s)
            ));
        }
        body.push_str("</w:p>");
    }
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let parts = [
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                .to_string(),
        ),
        (
            "word/document.xml",
            format!("<w:document {w}><w:body>{body}</w:body></w:document>"),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Whole-word, case-insensitive, white space normalised.
fn readable(haystack: &str, needle: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (h, n) = (norm(haystack), norm(needle));
    h.match_indices(&n).any(|(at, m)| {
        let before = h[..at].chars().next_back();
        let after = h[at + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The generated corpus through the e-mail and Word back ends: no gold string is readable
/// in an output where the text back end removed it, and what the text back end keeps
/// readable stays readable (recall and precision hold for the bodies).
#[test]
fn corpus_documents_as_mail_and_word_redact_like_text() {
    let world = World::new(14, 300);
    let mut rng = Rng::new(14).fork();
    let docs = corpus::corpus(&world, &mut rng, 18);
    let lists = Lists {
        staff: StaffDirectory::from_csv(corpus::staff_csv(&world).as_bytes()).unwrap(),
        public: woo_redact::lists::parse_lines(&corpus::public_txt(&world)),
        keep: woo_redact::lists::parse_lines(&corpus::keep_txt(&world)),
    };
    let redactor = Redactor::new(Policy::default(), &lists).unwrap();
    let key = DigestKey::from_material(b"mail corpus test key").unwrap();
    let pdf = PdfOptions::default();
    let tmp = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let text_out = redactor.redact(&doc.text).unwrap().text;
        for (format, bytes, ext) in [
            (Format::Eml, as_eml(&doc.text), "eml"),
            (Format::Docx, as_docx(&doc.text), "docx"),
        ] {
            let name = format!("{i:02}.{ext}");
            let cx = Context {
                redactor: &redactor,
                document: &name,
                key: &key,
                pdf: &pdf,
            };
            let out = formats::redact(format, &bytes, cx)
                .unwrap_or_else(|e| panic!("{name} ({:?}): {e}", doc.kind));
            std::fs::write(tmp.path().join(&name), &out.bytes).unwrap();
            expected.push((name, text_out.clone(), doc));
        }
    }
    let dumped = python(&[std::ffi::OsStr::new("--dump"), tmp.path().as_os_str()]);
    assert!(dumped.status.success());
    let dumped: Value = serde_json::from_slice(&dumped.stdout).unwrap();
    assert_eq!(dumped["problems"], Value::Array(vec![]), "{dumped}");
    let (mut gold, mut kept) = (0, 0);
    for (name, text_out, doc) in &expected {
        let decoded = dumped["texts"][name.as_str()].as_str().unwrap();
        for item in &doc.redact {
            if !readable(text_out, &item.text) {
                gold += 1;
                assert!(
                    !readable(decoded, &item.text),
                    "{name}: a {:?} the text back end removes is readable{}",
                    item.category,
                    if std::env::var_os("MAIL_DEBUG").is_some() {
                        format!(": {} in {decoded}", item.text)
                    } else {
                        String::new()
                    }
                );
            }
        }
        for k in &doc.keep {
            if readable(text_out, &k.text) {
                kept += 1;
                assert!(
                    readable(decoded, &k.text),
                    "{name}: kept {:?} text is not readable",
                    k.kind
                );
            }
        }
    }
    eprintln!("{gold} gold items removed and {kept} kept texts readable, as in text");
    assert!(gold > 200 && kept > 20, "{gold} gold items, {kept} kept");
}

/// Damaged documents (bytes flipped, cut short, repeated) never panic: each is redacted or
/// fails with an error. A small deterministic stand-in for the fuzz targets.
#[test]
fn damaged_documents_fail_cleanly() {
    let lists = Lists::default();
    let redactor = Redactor::new(Policy::default(), &lists).unwrap();
    let key = DigestKey::from_material(b"mail damage test key").unwrap();
    let pdf = PdfOptions::default();
    let mut rng = Rng::new(7);
    let mut outcomes = [0usize; 2];
    let fixture = |name: &str| std::fs::read(mail().join("in").join(name)).unwrap();
    for (name, format, original) in [
        ("thread-plain.eml", Format::Eml, fixture("thread-plain.eml")),
        (
            "alternative-qp-html.eml",
            Format::Eml,
            fixture("alternative-qp-html.eml"),
        ),
        ("attachments.eml", Format::Eml, fixture("attachments.eml")),
        ("memo.docx", Format::Docx, fixture("memo.docx")),
        ("bericht.msg", Format::Msg, outlook_message(false)),
    ] {
        for round in 0..60 {
            let mut bytes = original.clone();
            match round % 3 {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        bytes[at] = rng.below(256) as u8;
                    }
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    let at = rng.below(bytes.len());
                    let piece = bytes[at..(at + 200).min(bytes.len())].to_vec();
                    for _ in 0..50 {
                        bytes.splice(at..at, piece.iter().copied());
                    }
                }
            }
            let cx = Context {
                redactor: &redactor,
                document: name,
                key: &key,
                pdf: &pdf,
            };
            let result = std::panic::catch_unwind(|| formats::redact(format, &bytes, cx).is_ok());
            match result {
                Ok(ok) => outcomes[usize::from(ok)] += 1,
                Err(_) => panic!("{name}, round {round}: panicked"),
            }
        }
    }
    // Both outcomes occur: damage is not simply always refused.
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
}

/// An Outlook message built with `cfb`: MAPI string properties as UTF-16 streams, fixed
/// properties in `__properties_version1.0`, recipients and attachments in their storages.
fn outlook_message(rtf_only: bool) -> Vec<u8> {
    use std::io::Write;
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    let mut put = |path: &str, data: &[u8]| {
        file.create_stream(path).unwrap().write_all(data).unwrap();
    };
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let property = |tag: u32, value: u64| -> Vec<u8> {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend_from_slice(&6u32.to_le_bytes());
        e.extend_from_slice(&value.to_le_bytes());
        e
    };
    put("/__substg1.0_001A001F", &utf16("IPM.Note"));
    put(
        "/__substg1.0_0037001F",
        &utf16("Overleg met Bram Oosterhuis"),
    );
    put("/__substg1.0_0C1A001F", &utf16("Marloes van der Wiel"));
    put("/__substg1.0_5D01001F", &utf16("m.vanderwiel@minjenv.nl"));
    if rtf_only {
        put("/__substg1.0_10090102", b"LZFu compressed RTF");
    } else {
        put(
            "/__substg1.0_1000001F",
            &utf16(
                "Beste Bram,\n\nBel Reza Tjon A Fong op 06 18 42 73 55.\nVragen kunnen naar woo@minjenv.nl.\n\nMarloes van der Wiel\n",
            ),
        );
        put(
            "/__substg1.0_10130102",
            "<p>Beste Bram,</p><p>Bel <b>Reza</b> Tjon A Fong op 06 18 42 73 55.</p><p>Vragen kunnen naar woo@minjenv.nl.</p>".as_bytes(),
        );
    }
    let mut top = vec![0u8; 32];
    // 8 October 2024 12:02:11 UTC as FILETIME.
    top.extend(property(
        0x0039_0040,
        (1_728_388_931 + 11_644_473_600) * 10_000_000,
    ));
    put("/__properties_version1.0", &top);
    for (i, (name, address, role)) in [
        ("Bram Oosterhuis", "b.oosterhuis@minjenv.nl", 1u64),
        ("Woo-loket", "woo@minjenv.nl", 2),
    ]
    .iter()
    .enumerate()
    {
        let dir = format!("/__recip_version1.0_#{i:08X}");
        file.create_storage(&dir).unwrap();
        let mut put = |path: &str, data: &[u8]| {
            file.create_stream(format!("{dir}/{path}"))
                .unwrap()
                .write_all(data)
                .unwrap();
        };
        put("__substg1.0_3001001F", &utf16(name));
        put("__substg1.0_39FE001F", &utf16(address));
        let mut props = vec![0u8; 8];
        props.extend(property(0x0C15_0003, *role));
        put("__properties_version1.0", &props);
    }
    file.create_storage("/__attach_version1.0_#00000000")
        .unwrap();
    for (path, data) in [
        ("__substg1.0_3707001F", utf16("notitie.txt")),
        ("__substg1.0_370E001F", utf16("text/plain")),
        (
            "__substg1.0_37010102",
            b"Notitie: Ilse Veenstra belt terug.".to_vec(),
        ),
    ] {
        file.create_stream(format!("/__attach_version1.0_#00000000/{path}"))
            .unwrap()
            .write_all(&data)
            .unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// An Outlook message is read, redacted and written as `.eml`, which Python's `email` reads;
/// one whose body is only in RTF fails with that reason.
#[test]
fn outlook_messages_become_redacted_eml() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("bericht.msg"), outlook_message(false)).unwrap();
    // `MAIL_WRITE_MSG_SEED=DIR` also writes the messages there (the fuzz seeds in
    // fuzz/seeds/msg were made so).
    if let Some(dir) = std::env::var_os("MAIL_WRITE_MSG_SEED") {
        std::fs::write(Path::new(&dir).join("bericht.msg"), outlook_message(false)).unwrap();
        std::fs::write(Path::new(&dir).join("rtf.msg"), outlook_message(true)).unwrap();
    }
    std::fs::write(input.join("rtf.msg"), outlook_message(true)).unwrap();
    let out = tmp.path().join("out");
    let result = redact(&[&input], &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(!out.join("bericht.msg").exists());
    assert!(!out.join("rtf.eml").exists());
    let s = summary(&out);
    let docs = s["documents"].as_array().unwrap();
    assert_eq!(docs[0]["document"], "bericht.msg");
    assert_eq!(docs[0]["status"], "redacted");
    assert!(docs[0]["output"].as_str().unwrap().ends_with("bericht.eml"));
    assert!(
        docs[0]["format"]["notes"][0]
            .as_str()
            .unwrap()
            .contains("converted from Outlook .msg")
    );
    assert!(
        docs[1]["error"]
            .as_str()
            .unwrap()
            .contains("only in compressed RTF")
    );
    let dumped = python(&[std::ffi::OsStr::new("--dump"), out.as_os_str()]);
    let dumped: Value = serde_json::from_slice(&dumped.stdout).unwrap();
    assert_eq!(dumped["problems"], Value::Array(vec![]), "{dumped}");
    let text = dumped["texts"]["bericht.eml"].as_str().unwrap();
    for gone in [
        "Bram",
        "Oosterhuis",
        "Marloes",
        "vanderwiel",
        "Tjon A Fong",
        "06 18 42 73 55",
        "Veenstra",
    ] {
        assert!(!readable(text, gone), "{gone} readable");
    }
    for kept in [
        "woo@minjenv.nl",
        "Woo-loket",
        "Vragen kunnen naar",
        "Overleg met",
        "2024",
    ] {
        assert!(readable(text, kept), "{kept} not readable");
    }
}

/// `scan` proposes exactly what `redact` removes, for e-mail and Word too.
#[test]
fn scan_gives_the_audit_records_of_redact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    redact(&[&mail().join("in")], &out, &[]);
    let scanned = support::cli::with_demo_lists("scan", &out.with_extension("key"))
        .arg(mail().join("in"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(scanned.stdout).unwrap(),
        std::fs::read_to_string(out.join("audit.jsonl")).unwrap()
    );
}
