//! Quizzes: answers, grading (pure), display order, the quiz session state
//! machine, its keys and view, and line mode.

pub mod answer;
pub mod describe;
pub mod grade;
pub mod interact;
pub mod keys;
pub mod plain;
pub mod record;
pub mod session;
pub mod shuffle;
pub mod view;

#[cfg(test)]
pub(crate) mod testdata;

pub use grade::grade;
pub use session::{QuizEffect, QuizMsg, QuizSession};
pub use view::QuizView;
