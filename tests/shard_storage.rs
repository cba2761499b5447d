//! Sharded runs with the plan directory and the inputs in object storage (issue 15, point
//! 5): `file://` URLs always, and `s3://` against `moto_server` (an S3 emulator from PyPI,
//! `moto[server]`) started here on 127.0.0.1. Without `moto_server` the S3 test is skipped
//! with a notice, unless `WOO_REDACT_REQUIRE_S3` is set (CI sets it): then it fails. The
//! oracle is one local `redact` of the same inputs: every output object and `audit.jsonl`
//! must be byte for byte its.

use crate::support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::shard::{Setup, assert_same_as_single, stderr};

const BUCKET: &str = "woo-redact-test";

/// A signature header with the test's key id (the emulator does not check the signature).
const AUTH: &str = "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, \
                    SignedHeaders=host, Signature=00";

/// A port nobody listens on (bound, then released).
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The standard AWS variables for an endpoint on 127.0.0.1 (the emulator takes any
/// credentials).
fn aws_env(port: u16) -> Vec<(String, String)> {
    [
        ("AWS_ENDPOINT_URL", format!("http://127.0.0.1:{port}")),
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", "testing".into()),
        ("AWS_REGION", "us-east-1".into()),
        ("AWS_ALLOW_HTTP", "true".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// A `moto_server` on 127.0.0.1, stopped when dropped.
struct Moto {
    child: Child,
    port: u16,
}

impl Moto {
    /// Starts the emulator; `None` (the test skipped) when it is not installed and
    /// `WOO_REDACT_REQUIRE_S3` is unset.
    fn start() -> Option<Moto> {
        let port = free_port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let child = match child {
            Ok(child) => child,
            Err(e) if std::env::var_os("WOO_REDACT_REQUIRE_S3").is_none() => {
                eprintln!(
                    "NOTICE: s3:// test skipped: moto_server could not be started ({e}); \
                     `pip install 'moto[server]'` to run it"
                );
                return None;
            }
            Err(e) => panic!("WOO_REDACT_REQUIRE_S3 is set but moto_server fails: {e}"),
        };
        let moto = Moto { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "moto_server did not listen within a minute"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(moto)
    }

    /// One plain HTTP request: status and body. The emulator does not check signatures, but
    /// serves objects only to a request that names a key id.
    fn http(&self, method: &str, key: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let path = format!("/{BUCKET}/{}", encode(key));
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: {}\r\n\
             Authorization: {AUTH}\r\nConnection: close\r\n\r\n",
            self.port,
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP response");
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        let status = head[9..12].parse().unwrap();
        let body = response[split + 4..].to_vec();
        let body = if head.contains("transfer-encoding: chunked") {
            dechunk(&body)
        } else {
            body
        };
        (status, body)
    }

    fn put(&self, key: &str, body: &[u8]) {
        let (status, _) = self.http("PUT", key, body);
        assert_eq!(status, 200, "PUT {key}");
    }

    fn get(&self, key: &str) -> Vec<u8> {
        let (status, body) = self.http("GET", key, b"");
        assert_eq!(status, 200, "GET {key}");
        body
    }

    /// Every key under `prefix` (one listing page: the batch is small).
    fn keys(&self, prefix: &str) -> Vec<String> {
        let query = format!("?list-type=2&prefix={}", encode(prefix));
        let (status, body) = self.http("GET", &query, b"");
        assert_eq!(status, 200);
        let xml = String::from_utf8(body).unwrap();
        assert!(!xml.contains("<IsTruncated>true"), "one page");
        xml.split("<Key>")
            .skip(1)
            .map(|s| unescape(&s[..s.find("</Key>").unwrap()]))
            .collect()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes a key for a request path (`/` kept; `?` kept only to lead a query).
fn encode(key: &str) -> String {
    if let Some(query) = key.strip_prefix('?') {
        return format!("?{query}");
    }
    key.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size = usize::from_str_radix(std::str::from_utf8(&body[..line]).unwrap().trim(), 16);
        let size = size.unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[line + 2..line + 2 + size]);
        body = &body[line + 4 + size..];
    }
}

/// Every file under `dir`, `/`-separated, relative to `dir`.
fn files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push((rel, p));
            }
        }
    }
    found.sort();
    found
}

fn code(r: &Output) -> Option<i32> {
    r.status.code()
}

/// plan, 3 scan shards, reduce, 3 redact shards and merge with `file://` URLs for the
/// inputs and the plan directory: the result is the local run's.
#[test]
fn a_sharded_run_on_file_urls_equals_one_local_redact() {
    let setup = Setup::new();
    let input = format!("file://{}", setup.dir.join("in").display());
    let out = setup.dir.join("on-file-url");
    let url = PathBuf::from(format!("file://{}", out.display()));
    let r = setup
        .with_inputs_from("plan", Path::new(&input), &url)
        .args(["--shards", "3"])
        .output()
        .unwrap();
    assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    setup.all_shards("scan", &url, 3);
    setup.reduce(&url);
    setup.all_shards("redact", &url, 3);
    let r = setup.merge(&url);
    assert_eq!(
        code(&r),
        Some(1),
        "one document failed, one skipped: {}",
        stderr(&r)
    );
    assert_same_as_single(&setup, &out);
}

/// The same on S3 (the emulator), with a scan shard run again, a redact shard run twice at
/// once, and an output object changed behind the run's back.
#[test]
fn a_sharded_run_on_s3_equals_one_local_redact_and_writes_create_only() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let mut setup = Setup::new();
    setup.env = aws_env(moto.port);
    let (status, _) = moto.http("PUT", "", b"");
    assert_eq!(status, 200, "bucket made");
    let input = setup.dir.join("in");
    for (rel, path) in files(&input) {
        moto.put(&format!("in/{rel}"), &std::fs::read(path).unwrap());
    }
    // A folder marker, as a console makes one: no document.
    moto.put("in/map-0/", b"");
    let run = PathBuf::from(format!("s3://{BUCKET}/run"));
    let r = setup
        .with_inputs_from("plan", Path::new(&format!("s3://{BUCKET}/in")), &run)
        .args(["--shards", "3"])
        .output()
        .unwrap();
    assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    // A second plan into the same prefix is refused without --overwrite.
    let r = setup
        .with_inputs_from("plan", Path::new(&format!("s3://{BUCKET}/in")), &run)
        .args(["--shards", "3"])
        .output()
        .unwrap();
    assert_eq!(code(&r), Some(2), "{}", stderr(&r));
    setup.all_shards("scan", &run, 3);
    // A scan shard run again writes every object once more, create-only: each one is
    // already there with the same bytes, which is success.
    let r = setup.task("scan", &run, 1, 1).output().unwrap();
    assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    setup.reduce(&run);
    // Shard 0 twice at the same time (a replacement pod beside the old one).
    for r in setup.twice_at_once("redact", &run, 0) {
        assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    }
    for k in 1..3 {
        let r = setup.task("redact", &run, k, k).output().unwrap();
        assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    }
    // z.txt sorts last: shard 2's. Changed behind the run's back and the shard run again
    // (its done marker gone): the shard finds other bytes where it writes its output.
    let z = moto.get("run/z.txt");
    moto.put("run/z.txt", b"tampered\n");
    let (status, _) = moto.http(
        "DELETE",
        "run/.woo-redact/shards/pass2/shard-00002.done",
        b"",
    );
    assert_eq!(status, 204);
    let r = setup.task("redact", &run, 2, 2).output().unwrap();
    assert_eq!(code(&r), Some(42), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("non-determinism detected: `z.txt`"),
        "{}",
        stderr(&r)
    );
    assert!(
        !stderr(&r).contains("Oosterwijk"),
        "no removed text in messages"
    );
    // Put back, the shard run again completes.
    moto.put("run/z.txt", &z);
    let r = setup.task("redact", &run, 2, 2).output().unwrap();
    assert_eq!(code(&r), Some(0), "{}", stderr(&r));
    let r = setup.merge(&run);
    assert_eq!(
        code(&r),
        Some(1),
        "one document failed, one skipped: {}",
        stderr(&r)
    );
    // Every object under run/, fetched, is the local run's file tree; the plan is gone.
    let fetched = setup.dir.join("fetched");
    for key in moto.keys("run/") {
        let path = fetched.join(key.strip_prefix("run/").unwrap());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, moto.get(&key)).unwrap();
    }
    assert_same_as_single(&setup, &fetched);
}

/// An endpoint nobody answers: a clear error naming the store, exit 2 (retryable, not the
/// deterministic 42), and no panic.
#[test]
fn an_unreachable_object_store_is_a_clear_error_with_exit_code_2() {
    let mut setup = Setup::new();
    setup.env = aws_env(free_port());
    let run = PathBuf::from(format!("s3://{BUCKET}/run"));
    let started = Instant::now();
    let r = setup
        .with_inputs("plan", &run)
        .args(["--shards", "2"])
        .output()
        .unwrap();
    assert_eq!(code(&r), Some(2), "{}", stderr(&r));
    let e = stderr(&r);
    assert!(
        e.contains("object storage:") && e.contains("127.0.0.1"),
        "{e}"
    );
    assert!(!e.contains("panicked"), "{e}");
    let r = setup.step("reduce", &run).output().unwrap();
    assert_eq!(code(&r), Some(2), "{}", stderr(&r));
    assert!(stderr(&r).contains("object storage:"), "{}", stderr(&r));
    assert!(started.elapsed() < Duration::from_secs(60), "no long hang");
}
