//! The parts of the command line besides argument parsing: the language of its messages and
//! what it shows while a batch runs.

pub mod lang;
pub mod shard;
pub mod show;
