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

/// Runs `redact` on `inputs` with the demo lists and a fixed key.
pub fn redact(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let lists = demo_lists();
    let key = out.with_extension("key");
    std::fs::write(&key, "test key material, not secret!!").unwrap();
    bin()
        .arg("redact")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .arg("--staff")
        .arg(lists.join("staff.csv"))
        .arg("--public")
        .arg(lists.join("public.lst"))
        .arg("--keep")
        .arg(lists.join("keep.lst"))
        .arg("--audit-key")
        .arg(&key)
        .args(extra)
        .env_remove("WOO_REDACT_AUDIT_KEY")
        .output()
        .unwrap()
}

/// The run's `summary.json`.
pub fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}
