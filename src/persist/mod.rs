//! Everything that reads or writes the learner's files: progress, exports, reports.

pub mod progress;
