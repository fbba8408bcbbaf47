//! Quizzes: answers, grading (pure), the quiz session state machine, line mode.

pub mod answer;
pub mod grade;
pub mod shuffle;

#[cfg(test)]
pub(crate) mod testdata;

pub use grade::grade;
