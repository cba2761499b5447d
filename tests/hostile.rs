//! Hostile and broken input (issue 5): every bad file fails alone with a clear reason, the
//! good documents of the same batch come out exactly as when redacted alone, nothing partial
//! is left behind, and nothing hangs. Every hostile file is generated here, deterministically,
//! in a temporary directory.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use support::cli::{bin, demo, redact, summary};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The summary entry of `doc`.
fn entry(s: &Value, doc: &str) -> Value {
    s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == doc)
        .unwrap_or_else(|| panic!("{doc} not in the summary"))
        .clone()
}

fn status(s: &Value, doc: &str) -> String {
    entry(s, doc)["status"].as_str().unwrap().to_string()
}

fn error(s: &Value, doc: &str) -> String {
    entry(s, doc)["error"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Every file under `dir` (relative, `/`-separated), sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(
                    p.strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------
// Hostile PDFs
// ---------------------------------------------------------------------------------------------

/// A PDF from numbered object bodies, with a correct cross-reference table.
fn pdf(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (n, body) in objects {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = offsets.keys().max().unwrap() + 1;
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for i in 1..size {
        match offsets.get(&i) {
            Some(o) => out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes()),
            None => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

const FONT: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const SHOW: &[u8] = b"BT /F1 12 Tf 72 720 Td (Bel Jan de Vries op 06-12345678.) Tj ET";

/// A one-page PDF: catalog 1, pages 2, page 3 (with `page_extra` in its dictionary), font 4,
/// contents 5, and `extra` objects.
fn one_page(contents: Vec<u8>, page_extra: &str, extra: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << \
                 /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R {page_extra} >>"
            )
            .into_bytes(),
        ),
        (4, FONT.as_bytes().to_vec()),
        (5, contents),
    ];
    objects.extend(extra);
    pdf(&objects)
}

fn good_pdf() -> Vec<u8> {
    one_page(stream("", SHOW), "", vec![])
}

/// Zlib data that inflates to `unit` repeated up to about `total` bytes, written by hand
/// (fixed Huffman codes, one literal run then copies of 258 bytes), so that a bomb of
/// hundreds of megabytes is built in milliseconds even in a debug build.
fn zlib_repeat(unit: &[u8], total: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, bits: u32) {
            self.acc |= u64::from(value) << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u32, bits: u32) {
            self.put(code.reverse_bits() >> (32 - bits), bits);
        }
    }
    assert!((1..=4).contains(&unit.len()));
    let mut b = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman codes
    for &byte in unit {
        match byte {
            0..=143 => b.code(0x30 + u32::from(byte), 8),
            _ => b.code(0x190 + u32::from(byte) - 144, 9),
        }
    }
    let copies = total.saturating_sub(unit.len()) / 258;
    for _ in 0..copies {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(unit.len() as u32 - 1, 5); // distance 1..=4 (codes 0..=3)
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.put(0, 8 - b.n); // byte align
    }
    // Adler-32 of the data, in closed form for a periodic sequence: `a` is 1 plus the sum of
    // the bytes, `s` the sum over bytes of byte × (len − index), plus len.
    let (len, p) = ((unit.len() + copies * 258) as u128, unit.len() as u128);
    let (mut a, mut s) = (1u128, len);
    for (r, &byte) in unit.iter().enumerate() {
        let r = r as u128;
        let m = (len - r).div_ceil(p); // indices r, r + p, … below len
        a += u128::from(byte) * m;
        s += u128::from(byte) * (m * len - m * r - p * m * (m - 1) / 2);
    }
    let (a, s) = (a % 65521, s % 65521);
    b.out
        .extend_from_slice(&((s << 16 | a) as u32).to_be_bytes());
    b.out
}

#[test]
fn the_handmade_deflate_inflates_to_the_repeated_unit() {
    use std::io::Read;
    let z = zlib_repeat(b"q Q ", 10_000);
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(&z[..])
        .read_to_end(&mut out)
        .unwrap();
    assert_eq!(out.len(), 4 + (10_000 - 4) / 258 * 258);
    assert!(out.chunks(4).all(|c| b"q Q ".starts_with(c)));
}

/// Hostile PDFs: name, bytes, and a part of the expected failure reason (`None`: may be
/// repaired and redacted, or fail; either way without a hang or a crash).
fn hostile_pdfs() -> Vec<(&'static str, Vec<u8>, Option<&'static str>)> {
    let good = good_pdf();
    let mut seed = 0x5eed_u64;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let startxref = good.windows(9).rposition(|w| w == b"startxref").unwrap();
    let mut broken_xref = good[..startxref].to_vec();
    broken_xref.extend_from_slice(b"startxref\n99999\n%%EOF\n");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_dict = format!("{}{}", "<< /A ".repeat(50_000), ">>".repeat(50_000));
    let flate = "/Filter /FlateDecode";
    let form = |body: &str| {
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /X1 6 0 R >> >>",
            body.as_bytes(),
        )
    };
    vec![
        ("empty.pdf", Vec::new(), Some("cannot read the PDF")),
        ("garbage.pdf", garbage, Some("cannot read the PDF")),
        (
            "html.pdf",
            b"<html><body>Jan de Vries</body></html>".to_vec(),
            Some("cannot read the PDF"),
        ),
        ("truncated.pdf", good[..good.len() / 2].to_vec(), None),
        ("broken_xref.pdf", broken_xref, None),
        (
            "deep_array.pdf",
            one_page(stream("", SHOW), &format!("/Deep {deep}"), vec![]),
            None,
        ),
        (
            "deep_dict.pdf",
            one_page(stream("", SHOW), &format!("/Deep {deep_dict}"), vec![]),
            None,
        ),
        (
            "contents_loop.pdf",
            one_page(b"[5 0 R 5 0 R]".to_vec(), "", vec![]),
            Some("needs manual review"),
        ),
        (
            "reference_loop.pdf",
            one_page(
                stream("", SHOW),
                "/Rotate 7 0 R",
                vec![(7, b"8 0 R".to_vec()), (8, b"7 0 R".to_vec())],
            ),
            None,
        ),
        (
            "form_loop.pdf",
            one_page(stream("", b"/X1 Do"), "", vec![(6, form("/X1 Do"))]),
            Some("nested too deeply or in a cycle"),
        ),
        (
            "page_tree_loop.pdf",
            pdf(&[
                (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
                (2, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>".to_vec()),
            ]),
            Some("cycle"),
        ),
        (
            "bomb.pdf",
            one_page(stream(flate, &zlib_repeat(b"\0", 300 << 20)), "", vec![]),
            Some("cannot be decompressed or is too large"),
        ),
        (
            "operator_bomb.pdf",
            one_page(stream(flate, &zlib_repeat(b"q Q ", 48 << 20)), "", vec![]),
            Some("too large to check"),
        ),
    ]
}

/// Peak resident memory of a child process in kB (Linux), polled until it exits.
fn run_measured(mut cmd: Command) -> (Output, Option<u64>) {
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let done = std::sync::atomic::AtomicBool::new(false);
    let peak = std::sync::atomic::AtomicU64::new(0);
    let output = std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(text) = std::fs::read_to_string(&status_file)
                    && let Some(kb) = text
                        .lines()
                        .find_map(|l| l.strip_prefix("VmHWM:"))
                        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
                {
                    peak.fetch_max(kb, std::sync::atomic::Ordering::Relaxed);
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        });
        let output = child.wait_with_output().unwrap();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        output
    });
    let peak = peak.into_inner();
    (output, (peak > 0).then_some(peak))
}

// ---------------------------------------------------------------------------------------------
// The mixed batch
// ---------------------------------------------------------------------------------------------

/// A batch of good documents (the demo texts and a PDF) with hostile files mixed in: the bad
/// ones fail alone with their reason, the good ones come out byte for byte as when redacted
/// alone, failed ones leave no output, exit status 1, memory stays bounded.
#[test]
fn hostile_files_fail_alone_and_good_documents_are_unaffected() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("pdf")).unwrap();
    let mut good: Vec<String> = Vec::new();
    for e in std::fs::read_dir(demo()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            std::fs::copy(&p, input.join(&name)).unwrap();
            good.push(name);
        }
    }
    std::fs::write(input.join("pdf/good.pdf"), good_pdf()).unwrap();
    good.push("pdf/good.pdf".into());
    let mut expected: Vec<(String, Option<&str>)> = Vec::new();
    for (name, bytes, reason) in hostile_pdfs() {
        std::fs::write(input.join("pdf").join(name), bytes).unwrap();
        expected.push((format!("pdf/{name}"), reason));
    }
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf/encrypted_password.pdf"),
        input.join("pdf/encrypted.pdf"),
    )
    .unwrap();
    expected.push(("pdf/encrypted.pdf".into(), Some("needs a password")));
    // Text that is neither UTF-8 nor Windows-1252, binary data, UTF-16 without a mark.
    std::fs::write(input.join("undecodable.txt"), b"Jan de Vries \x81\x8d").unwrap();
    expected.push(("undecodable.txt".into(), Some("neither UTF-8")));
    std::fs::write(input.join("binary.txt"), b"\x7fELF\x02\x01\x01\0\0\0").unwrap();
    expected.push(("binary.txt".into(), Some("NUL byte at offset 7")));
    std::fs::write(
        input.join("utf16-no-bom.txt"),
        "Jan de Vries"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    expected.push(("utf16-no-bom.txt".into(), Some("without a byte-order mark")));
    // 200 MB (sparse, so the test stays fast): refused by size before it is read.
    let big = std::fs::File::create(input.join("huge.txt")).unwrap();
    big.set_len(200 << 20).unwrap();
    expected.push(("huge.txt".into(), Some("more than the limit")));
    // Not regular files, links that lead nowhere, a link loop.
    #[cfg(unix)]
    {
        let fifo = Command::new("mkfifo")
            .arg(input.join("pipe.txt"))
            .status()
            .is_ok_and(|s| s.success());
        if fifo {
            expected.push(("pipe.txt".into(), Some("not a regular file")));
        }
        std::os::unix::fs::symlink(tmp.path().join("nowhere.txt"), input.join("dangling.txt"))
            .unwrap();
        expected.push(("dangling.txt".into(), Some("cannot read the file")));
        std::os::unix::fs::symlink(&input, input.join("pdf/loop")).unwrap();
    }
    // An empty text is not an error: nothing to remove.
    std::fs::write(input.join("empty.txt"), b"").unwrap();

    let out = tmp.path().join("out");
    let mut cmd = bin();
    let lists = support::cli::demo_lists();
    let key = tmp.path().join("key");
    std::fs::write(&key, "hostile test key material, not secret").unwrap();
    cmd.arg("redact")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--staff")
        .arg(lists.join("staff.csv"))
        .arg("--public")
        .arg(lists.join("public.lst"))
        .arg("--keep")
        .arg(lists.join("keep.lst"))
        .arg("--audit-key")
        .arg(&key)
        .args(["--jobs", "2", "--timeout", "120"]);
    let started = std::time::Instant::now();
    let (result, peak_kb) = run_measured(cmd);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        started.elapsed().as_secs() < 120,
        "took {:?}",
        started.elapsed()
    );
    let s = summary(&out);
    for (doc, reason) in &expected {
        let st = status(&s, doc);
        match reason {
            Some(reason) => {
                assert_eq!(st, "failed", "{doc}");
                let e = error(&s, doc);
                assert!(e.contains(reason), "{doc}: {e}");
                assert!(
                    err.contains(&format!("failed: {doc}: ")),
                    "{doc} not on stderr"
                );
                assert!(
                    !out.join(doc).exists(),
                    "{doc}: output of a failed document"
                );
            }
            // Repaired (or what survives of it): no personal data may come out.
            None => assert!(st != "skipped", "{doc}: {st}"),
        }
        if st != "failed" {
            let text = String::from_utf8_lossy(&std::fs::read(out.join(doc)).unwrap()).into_owned();
            assert!(!text.contains("Vries"), "{doc} leaks");
        }
    }
    assert_eq!(status(&s, "empty.txt"), "unchanged");
    // Nothing personal in any message.
    assert!(!err.contains("Vries") && !s.to_string().contains("Vries"));
    // The link loop was walked once: nothing under pdf/loop.
    assert!(
        !s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["document"].as_str().unwrap().contains("loop/")),
        "{s}"
    );
    // No temporary files, no work directory.
    for f in files(&out) {
        assert!(
            !f.ends_with(".tmp") && !f.starts_with(".woo-redact"),
            "{f} left behind"
        );
    }
    // Memory: the bombs are refused long before they could take gigabytes.
    if let Some(kb) = peak_kb {
        assert!(kb < 1_500_000, "peak memory {kb} kB");
    }

    // Every good document comes out exactly as when redacted alone.
    for doc in &good {
        let alone = tmp.path().join(format!("alone-{}", doc.replace('/', "-")));
        let r = redact(&[&input.join(doc)], &alone, &[]);
        assert_eq!(r.status.code(), Some(0), "{doc}: {}", stderr(&r));
        let name = Path::new(doc).file_name().unwrap();
        assert_eq!(
            std::fs::read(alone.join(name)).unwrap(),
            std::fs::read(out.join(doc)).unwrap(),
            "{doc} differs from its output when redacted alone"
        );
        assert_eq!(
            status(&summary(&alone), &name.to_string_lossy()),
            status(&s, doc)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Text in other forms: decoded, not refused
// ---------------------------------------------------------------------------------------------

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            c if (c as u32) < 0x100 => c as u32 as u8,
            c => panic!("{c} not in the test's Windows-1252 table"),
        })
        .collect()
}

/// The same document as UTF-8, UTF-8 with a mark, UTF-16 LE and BE with a mark, Windows-1252
/// and with CRLF line ends: the same redactions, in the file's own encoding and line ends, and
/// audit offsets that point at the removed bytes of each file.
#[test]
fn other_encodings_and_line_ends_get_the_same_redactions() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(demo().join("burgerbrief.txt"))
        .unwrap()
        .replace(['’', '‘'], "'")
        .replace('é', "e")
        + "Café “Groot” – € 12\nGeachte heer Jörg Müller,\n";
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", text.as_bytes().to_vec()),
        (
            "utf8-bom.txt",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
        ("utf16le.txt", utf16(&text, true)),
        ("utf16be.txt", utf16(&text, false)),
        ("cp1252.txt", cp1252(&text)),
        ("crlf.txt", text.replace('\n', "\r\n").into_bytes()),
        ("cp1252-crlf.txt", cp1252(&text.replace('\n', "\r\n"))),
        ("utf16le-crlf.txt", utf16(&text.replace('\n', "\r\n"), true)),
    ];
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, bytes) in &variants {
        std::fs::write(input.join(name), bytes).unwrap();
    }
    let out = tmp.path().join("out");
    let r = redact(&[&input], &out, &[]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    let audit: Vec<Value> = std::fs::read_to_string(out.join("audit.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let records =
        |doc: &str| -> Vec<&Value> { audit.iter().filter(|r| r["document"] == doc).collect() };
    let reference = std::fs::read_to_string(out.join("utf8.txt")).unwrap();
    assert!(reference.contains("[5.1.2e]"));
    let ref_records = records("utf8.txt");
    for (name, bytes) in &variants {
        let output = std::fs::read(out.join(name)).unwrap();
        // Decode the output the way it was written.
        let decoded = if name.starts_with("utf16") {
            let le = name.starts_with("utf16le");
            assert_eq!(&output[..2], if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
            let units: Vec<u16> = output[2..]
                .chunks(2)
                .map(|p| {
                    if le {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            String::from_utf16(&units).unwrap()
        } else if name.starts_with("cp1252") {
            assert!(
                std::str::from_utf8(&output).is_err(),
                "{name} not written in Windows-1252"
            );
            output
                .iter()
                .map(|&b| match b {
                    0x80 => '€',
                    0x93 => '“',
                    0x94 => '”',
                    0x96 => '–',
                    b => char::from(b),
                })
                .collect()
        } else {
            let s = String::from_utf8(output).unwrap();
            s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)
        };
        if name.contains("crlf") {
            assert_eq!(
                decoded.matches("\r\n").count(),
                decoded.matches('\n').count(),
                "{name}"
            );
        }
        assert_eq!(decoded.replace("\r\n", "\n"), reference, "{name}");
        // The same items, with the same digests; offsets into this file's bytes.
        let recs = records(name);
        assert_eq!(recs.len(), ref_records.len(), "{name}");
        for (r, q) in recs.iter().zip(&ref_records) {
            for field in ["item", "category", "detector", "digest"] {
                assert_eq!(r[field], q[field], "{name}");
            }
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            let (qs, qe) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            let removed = &bytes[s..e];
            let expected = &text[qs..qe];
            let removed = if name.starts_with("utf16") {
                let le = name.starts_with("utf16le");
                let units: Vec<u16> = removed
                    .chunks(2)
                    .map(|p| {
                        if le {
                            u16::from_le_bytes([p[0], p[1]])
                        } else {
                            u16::from_be_bytes([p[0], p[1]])
                        }
                    })
                    .collect();
                String::from_utf16(&units).unwrap()
            } else if name.starts_with("cp1252") {
                removed.iter().map(|&b| char::from(b)).collect()
            } else {
                String::from_utf8(removed.to_vec()).unwrap()
            };
            assert_eq!(
                removed.replace("\r\n", "\n"),
                expected,
                "{name}: offsets {s}..{e}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Long lines, time and size limits
// ---------------------------------------------------------------------------------------------

/// One line of a few megabytes dense with everything the detectors look at: done in linear
/// time (the context lookups used to scan back to the start of the line for every candidate).
#[test]
fn a_long_single_line_is_done_in_linear_time() {
    let tmp = tempfile::tempdir().unwrap();
    let unit = "Van: Jan de Vries (JdV) | JdV | Postbus 12 1234 AB Den Haag, BSN 111222333, \
                Lindenlaan 42, J. J. J. J. de Vries, geboren 01-02-1980, tel 06-12345678, \
                mail j@x.nl; Aan: Piet Jansen; Beste Klaas, mevrouw De Boer, ";
    let doc = tmp.path().join("line.txt");
    std::fs::write(&doc, unit.repeat((2 << 20) / unit.len())).unwrap();
    let out = tmp.path().join("out");
    let started = std::time::Instant::now();
    let r = redact(&[&doc], &out, &["--timeout", "100"]);
    assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
    assert!(started.elapsed().as_secs() < 100);
    let text = std::fs::read_to_string(out.join("line.txt")).unwrap();
    assert!(!text.contains("111222333") && !text.contains("06-12345678"));
}

/// A document that is not done in time fails with "time limit exceeded", alone.
#[test]
fn a_slow_document_fails_with_the_time_limit_and_the_others_complete() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // A few megabytes of names: seconds of work in a debug build, far more than one second.
    let unit = "Beste Jan en Piet en Klaas, groet van mevrouw De Vries en J. Jansen.\n";
    std::fs::write(
        input.join("a-slow.txt"),
        unit.repeat((6 << 20) / unit.len()),
    )
    .unwrap();
    std::fs::write(input.join("b-quick.txt"), "Bel 06-12345678.").unwrap();
    let out = tmp.path().join("out");
    let started = std::time::Instant::now();
    let r = redact(&[&input], &out, &["--timeout", "1", "--jobs", "1"]);
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    let s = summary(&out);
    assert!(
        error(&s, "a-slow.txt").starts_with("time limit exceeded"),
        "{}",
        error(&s, "a-slow.txt")
    );
    assert!(!out.join("a-slow.txt").exists());
    assert_eq!(status(&s, "b-quick.txt"), "redacted");
    assert!(stderr(&r).contains("failed: a-slow.txt: time limit exceeded"));
}

/// The time limit also stops a PDF between pages and operators.
#[test]
fn a_slow_pdf_fails_with_the_time_limit() {
    let tmp = tempfile::tempdir().unwrap();
    // 200 pages drawing one content stream of 1,600 text operations (10 million glyphs, under
    // the glyph limit): seconds in a release build, minutes in a debug build.
    let content = SHOW.repeat(1600);
    let pages = 200;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 10 + i)).collect();
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (
            2,
            format!(
                "<< /Type /Pages /Kids [{}] /Count {pages} >>",
                kids.join(" ")
            )
            .into_bytes(),
        ),
        (4, FONT.as_bytes().to_vec()),
        (5, stream("/Filter /FlateDecode", &zlib_stored(&content))),
    ];
    for i in 0..pages {
        objects.push((
            10 + i,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 \
              4 0 R >> >> /Contents 5 0 R >>"
                .to_vec(),
        ));
    }
    let doc = tmp.path().join("slow.pdf");
    std::fs::write(&doc, pdf(&objects)).unwrap();
    let out = tmp.path().join("out");
    let started = std::time::Instant::now();
    let r = redact(&[&doc], &out, &["--timeout", "1"]);
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    let e = error(&summary(&out), "slow.pdf");
    assert!(e.starts_with("time limit exceeded"), "{e}");
    assert!(!out.join("slow.pdf").exists());
}

/// Zlib data with stored (uncompressed) blocks: valid Flate without a compressor.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = data.chunks(65535).collect();
    for (i, c) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

#[test]
fn documents_over_the_size_limit_fail_before_they_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("big.txt"), "Bel 06-12345678.\n".repeat(70_000)).unwrap();
    std::fs::write(input.join("big.pdf"), good_pdf().repeat(2000)).unwrap();
    std::fs::write(input.join("small.txt"), "Bel 06-12345678.").unwrap();
    let out = tmp.path().join("out");
    let r = redact(
        &[&input],
        &out,
        &["--max-text-mb", "1", "--max-pdf-mb", "1"],
    );
    assert_eq!(r.status.code(), Some(1));
    let s = summary(&out);
    assert!(
        error(&s, "big.txt").contains("limit of 1048576 bytes for text"),
        "{s}"
    );
    assert!(
        error(&s, "big.pdf").contains("limit of 1048576 bytes for PDF"),
        "{s}"
    );
    assert_eq!(status(&s, "small.txt"), "redacted");
}

// ---------------------------------------------------------------------------------------------
// Input safety
// ---------------------------------------------------------------------------------------------

/// An output directory inside an input directory is left out of the input, on the first run
/// and on the next: outputs are never read as inputs.
#[test]
fn an_output_directory_inside_the_input_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Bel Jan de Vries op 06-12345678.").unwrap();
    let out = input.join("out");
    for _ in 0..2 {
        let r = redact(&[&input], &out, &[]);
        // The key file `redact` writes beside `out` lies in the input: skipped, so exit 1.
        assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
        let s = summary(&out);
        assert_eq!(s["totals"]["skipped"], 1, "{s}");
        assert_eq!(s["totals"]["failed"], 0, "{s}");
        let docs = s["documents"].as_array().unwrap();
        assert_eq!(
            docs.iter().filter(|d| d["status"] != "skipped").count(),
            1,
            "{s}"
        );
        assert!(!s.to_string().contains("\"out/"), "{s}");
        assert_eq!(
            std::fs::read_to_string(out.join("a.txt")).unwrap(),
            "Bel [5.1.2e] op [5.1.2e]."
        );
        assert_eq!(
            std::fs::read_to_string(input.join("a.txt")).unwrap(),
            "Bel Jan de Vries op 06-12345678."
        );
    }
}

/// `--out` equal to an input, containing one, or a link to one: refused before anything is
/// written (exit 2), the inputs untouched.
#[test]
fn an_output_directory_that_is_or_holds_an_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    let original = "Bel Jan de Vries op 06-12345678.";
    std::fs::write(input.join("a.txt"), original).unwrap();
    std::fs::write(input.join("sub/b.txt"), original).unwrap();
    let mut cases: Vec<(PathBuf, Vec<PathBuf>)> = vec![
        (input.clone(), vec![input.clone()]),
        (input.join("."), vec![input.clone()]),
        (tmp.path().to_path_buf(), vec![input.clone()]),
        (input.clone(), vec![input.join("sub")]),
        (input.clone(), vec![input.join("a.txt")]),
    ];
    #[cfg(unix)]
    {
        let link = tmp.path().join("link-to-in");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        cases.push((link, vec![input.clone()]));
    }
    for (out, inputs) in cases {
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        let r = redact(&inputs, &out, &[]);
        assert_eq!(r.status.code(), Some(2), "{out:?}: {}", stderr(&r));
        assert!(stderr(&r).contains("output directory"), "{}", stderr(&r));
        assert_eq!(
            std::fs::read_to_string(input.join("a.txt")).unwrap(),
            original
        );
        assert_eq!(
            std::fs::read_to_string(input.join("sub/b.txt")).unwrap(),
            original
        );
        assert!(!input.join("audit.jsonl").exists() && !input.join(".woo-redact").exists());
    }
}

/// Links cannot make the tool write outside `--out`: a link in an input directory is read
/// (its output goes under its own relative path), a planted link inside `--out` that leads
/// elsewhere is refused for the documents below it.
#[cfg(unix)]
#[test]
fn links_cannot_lead_outputs_outside_the_output_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("x.txt"), "Bel 06-12345678.").unwrap();
    std::fs::write(input.join("sub/a.txt"), "Bel 06-12345678.").unwrap();
    std::fs::write(input.join("b.txt"), "Bel 06-12345678.").unwrap();
    // A link in the input to a directory outside it.
    std::os::unix::fs::symlink(&outside, input.join("linked")).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // A planted link in the output directory, where `sub/a.txt` would go.
    let target = tmp.path().join("target");
    std::fs::create_dir_all(&target).unwrap();
    std::os::unix::fs::symlink(&target, out.join("sub")).unwrap();
    // A folder holding something else is refused as a whole...
    let r = redact(&[&input], &out, &[]);
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("first: sub"), "{}", stderr(&r));
    // ...and taken as it is with --resume, where the link is refused per document.
    let r = redact(&[&input], &out, &["--resume"]);
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    let s = summary(&out);
    assert!(error(&s, "sub/a.txt").contains("leads outside"), "{s}");
    assert!(
        std::fs::read_dir(&target).unwrap().next().is_none(),
        "wrote through the link"
    );
    assert_eq!(status(&s, "b.txt"), "redacted");
    assert_eq!(status(&s, "linked/x.txt"), "redacted");
    assert_eq!(
        std::fs::read_to_string(out.join("linked/x.txt")).unwrap(),
        "Bel [5.1.2e]."
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("x.txt")).unwrap(),
        "Bel 06-12345678."
    );
}

/// Two inputs with the same relative path: the second fails instead of overwriting the
/// first one's output.
#[test]
fn two_documents_with_the_same_relative_path_do_not_overwrite_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    for (dir, text) in [("a", "Bel 06-12345678."), ("b", "Mail j@x.nl.")] {
        std::fs::create_dir_all(tmp.path().join(dir)).unwrap();
        std::fs::write(tmp.path().join(dir).join("same.txt"), text).unwrap();
    }
    let out = tmp.path().join("out");
    let r = redact(
        &[&tmp.path().join("a"), &tmp.path().join("b/same.txt")],
        &out,
        &["--jobs", "1"],
    );
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert_eq!(
        std::fs::read_to_string(out.join("same.txt")).unwrap(),
        "Bel [5.1.2e]."
    );
    let s = summary(&out);
    let docs = s["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["status"], "redacted");
    assert_eq!(docs[1]["status"], "failed");
    assert!(
        docs[1]["error"]
            .as_str()
            .unwrap()
            .contains("same relative path")
    );
}

/// A directory that cannot be listed or a file that cannot be read fails alone (only
/// testable when not running as root, who may read anything).
#[cfg(unix)]
#[test]
fn unreadable_files_and_directories_fail_alone() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("locked")).unwrap();
    std::fs::write(input.join("locked/x.txt"), "Bel 06-12345678.").unwrap();
    std::fs::write(input.join("secret.txt"), "Bel 06-12345678.").unwrap();
    std::fs::write(input.join("ok.txt"), "Bel 06-12345678.").unwrap();
    std::fs::set_permissions(
        input.join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    std::fs::set_permissions(input.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::read(input.join("secret.txt")).is_ok();
    let out = tmp.path().join("out");
    let r = redact(&[&input], &out, &[]);
    std::fs::set_permissions(input.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    if root {
        assert_eq!(r.status.code(), Some(0), "{}", stderr(&r));
        return;
    }
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    let s = summary(&out);
    assert!(error(&s, "secret.txt").contains("cannot read"), "{s}");
    assert!(
        error(&s, "locked").contains("cannot list the directory"),
        "{s}"
    );
    assert_eq!(status(&s, "ok.txt"), "redacted");
}
