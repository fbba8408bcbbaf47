//! What a learner answered and how it was graded: plain serialisable data shared
//! by grading, the progress file, export and the class report.
//!
//! Indices always refer to the *authored* order of options/items/targets, never
//! to a shuffled display order, so answers stay comparable across attempts.

use crate::content::model::{Reason, Side, Verdict};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Answer {
    /// Selected option indices.
    Choice {
        selected: Vec<usize>,
    },
    /// The verdict, and when `fails` the marked lines (1-based) and the reason.
    Verdict {
        verdict: Verdict,
        #[serde(default)]
        lines: Vec<usize>,
        #[serde(default)]
        reason: Option<Reason>,
    },
    Compare {
        side: Side,
    },
    /// For each item (authored order), the chosen target index, if any.
    Placement {
        targets: Vec<Option<usize>>,
    },
}

/// The outcome of grading one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Grade {
    /// Counts toward the score: for `verdict` questions this is the verdict alone.
    pub correct: bool,
    /// Partial credit parts of a `verdict` question (`None` for other types, or
    /// when the part does not apply, e.g. lines of a snippet that works).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines_correct: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_correct: Option<bool>,
    /// For `placement`: how many items were placed right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items_correct: Option<usize>,
}
