//! Running the built `woo-redact` binary on the demo lists.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The binary, with English messages whatever the machine's locale.
pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_woo-redact"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

pub fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo")
}

/// The lists a Woo team supplies for the demo, kept outside the demo's input folder.
pub fn demo_lists() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-lists")
}

/// The binary running `command` with the demo lists and the audit key in `key` (written
/// with fixed material when it does not exist yet).
pub fn with_demo_lists(command: &str, key: &Path) -> Command {
    let lists = demo_lists();
    if !key.exists() {
        std::fs::write(key, "test key material, not secret!!").unwrap();
    }
    let mut c = bin();
    c.arg(command)
        .arg("--staff")
        .arg(lists.join("staff.csv"))
        .arg("--public")
        .arg(lists.join("public.lst"))
        .arg("--keep")
        .arg(lists.join("keep.lst"))
        .arg("--audit-key")
        .arg(key)
        .env_remove("WOO_REDACT_AUDIT_KEY");
    c
}

/// Runs `redact` on `inputs` with the demo lists and a fixed key.
pub fn redact(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    with_demo_lists("redact", &out.with_extension("key"))
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// The run's `summary.json`.
pub fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}
