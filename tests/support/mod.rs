//! Shared helpers for the integration tests.

pub mod cli;
pub mod corpus;
pub mod shard;
