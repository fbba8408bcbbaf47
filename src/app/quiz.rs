//! Hosting the quiz screen inside the learner app: opening a lesson's quiz,
//! forwarding the learner's input to the quiz session, turning its effects
//! into app effects (record an attempt, export), and returning to the lesson.
//! The session itself (grading, stages, retry) belongs to `quiz::session`.

use super::{Effect, State};
use crate::persist::progress::Attempt;
use crate::quiz::record::course_attempt_counts;
use crate::quiz::session::{Now, QuizEffect, QuizMsg, QuizSession};
use std::time::Instant;

/// The quiz screen: the session plus where to go when it ends.
#[derive(Debug, Clone)]
pub struct QuizScreen {
    pub session: QuizSession,
    /// Leaving the quiz quits the app (`serverless-tutor quiz ID`) instead
    /// of returning to the lesson.
    pub standalone: bool,
    /// A one-line message from the host (e.g. where an export was written).
    pub notice: Option<String>,
}

/// The id of the current lesson's quiz, if it has one.
pub fn quiz_of_current_lesson(state: &State) -> Option<String> {
    let lesson = state.current_lesson()?;
    state.course.quiz_for(lesson).map(|q| q.id.clone())
}

/// Opens quiz `quiz_id` (false if the course has no such quiz).
pub fn start(state: &mut State, quiz_id: &str, seed: Option<u64>, now: Instant) -> bool {
    let Some(quiz) = state.course.quiz(quiz_id) else {
        return false;
    };
    let session = QuizSession::new(quiz, seed, None)
        .with_prior_attempts(course_attempt_counts(&state.progress, quiz_id))
        .started(now);
    state.overlay = None;
    state.quiz = Some(Box::new(QuizScreen {
        session,
        standalone: state.quiz_only,
        notice: None,
    }));
    true
}

/// One input to the open quiz.
pub fn input(state: &mut State, msg: QuizMsg, now: Now) -> Vec<Effect> {
    let Some(screen) = state.quiz.as_mut() else {
        return Vec::new();
    };
    screen.notice = None;
    let quiz_effects = screen.session.update(msg, now);
    let mut effects = Vec::new();
    for effect in quiz_effects {
        match effect {
            QuizEffect::Record {
                quiz_id,
                question_id,
                attempt,
            } => {
                remember_attempt(state, &quiz_id, &question_id, &attempt);
                effects.push(Effect::RecordAttempt {
                    quiz_id,
                    question_id,
                    attempt,
                });
            }
            QuizEffect::Finished { .. } => {}
            QuizEffect::Export => effects.push(Effect::Export),
            QuizEffect::Exit => effects.extend(leave(state)),
        }
    }
    effects
}

/// Back to the lesson (or out of the app when the quiz was opened alone).
fn leave(state: &mut State) -> Vec<Effect> {
    let standalone = state.quiz.as_ref().is_some_and(|q| q.standalone);
    state.quiz = None;
    if standalone {
        return vec![Effect::Quit];
    }
    Vec::new()
}

/// Keeps the app's copy of the progress in step (the sidebar shows scores).
fn remember_attempt(state: &mut State, quiz_id: &str, question_id: &str, attempt: &Attempt) {
    let quiz = state
        .progress
        .quizzes
        .entry(quiz_id.to_owned())
        .or_default();
    quiz.seed = attempt.seed;
    quiz.questions
        .entry(question_id.to_owned())
        .or_default()
        .push(attempt.clone());
}
