//! Quizzes: answers, grading (pure), the quiz session state machine, line mode.

pub mod answer;
