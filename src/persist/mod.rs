//! Everything that reads or writes the learner's files: progress, exports, reports.

pub mod atomic;
pub mod decode;
pub mod progress;
pub mod store;
