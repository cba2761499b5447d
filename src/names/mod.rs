//! Person names: the staff directory, the public officials, and (later) context rules.

use std::ops::Range;

use crate::detect::Finding;
use crate::error::ConfigError;
use crate::fold::FoldedText;
use crate::lists::StaffDirectory;
use crate::policy::NamePolicy;

/// What the name detectors report for one text.
#[derive(Debug, Default)]
pub struct NameFindings {
    /// Mentions of people whose names are removed.
    pub findings: Vec<Finding>,
    /// Mentions of public officials: these stay readable.
    pub protected: Vec<Range<usize>>,
}

/// The compiled name detectors.
#[derive(Debug)]
pub struct NameEngine {}

impl NameEngine {
    /// Compiles the directory and the public list.
    pub fn new(
        _staff: &StaffDirectory,
        _public: &[String],
        _policy: &NamePolicy,
    ) -> Result<NameEngine, ConfigError> {
        Ok(NameEngine {})
    }

    /// Finds names in a text.
    pub fn detect(&self, _folded: &FoldedText<'_>) -> NameFindings {
        NameFindings::default()
    }
}
