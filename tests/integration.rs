//! The integration tests, linked into one binary: one link instead of one per file keeps the
//! build fast and small on CI machines with little disk. Each file is one module; run one with
//! `cargo test --test integration <file>::`.

mod pdf_support;
mod support;

mod api;
mod cli;
mod cli_tells;
mod corpus_generator;
mod fuzz_regressions;
mod hostile;
mod mail_docx;
mod pdf_constructs;
mod pdf_failures;
mod pdf_producers;
mod pdf_sanitize;
mod pdf_scans;
mod policy_memo;
mod properties;
mod publish;
mod resume;
mod review;
mod shard;
mod shard_storage;
mod woo_docs;
