//! Quizzes: answers, grading (pure), display order, the quiz session state
//! machine, its keys and view, and line mode.

pub mod answer;
pub mod grade;
pub mod interact;
pub mod session;
pub mod shuffle;

#[cfg(test)]
pub(crate) mod testdata;

pub use grade::grade;
pub use session::{QuizEffect, QuizMsg, QuizSession};
