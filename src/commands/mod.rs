//! One file per command: each is a thin edge that loads what it needs, calls
//! the pure stages (content → layout → view, grading, export...) and does I/O.

pub mod check;
pub mod export;
pub mod learn;
pub mod present;
pub mod progress;
pub mod quiz;
pub mod render;
pub mod report;
pub mod validate;
