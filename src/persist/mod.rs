//! Everything that reads or writes the learner's files: progress (the store,
//! atomic writes), exports and the class report.

pub mod atomic;
pub mod decode;
pub mod export;
pub mod output;
pub mod progress;
pub mod report;
pub mod store;
