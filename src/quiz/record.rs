//! Adding an attempt to the progress document: one pure function used by
//! the TUI and line mode alike, applied inside the store's locked update so
//! two instances never hand out the same attempt number.

use crate::persist::progress::{Attempt, CourseProgress, Progress};
use crate::persist::store::{ProgressStore, StoreError};

/// Saves one attempt through the store (locked re-read, append, atomic
/// write): what a host does with `QuizEffect::Record`. Returns the attempt
/// number it got.
pub fn save_attempt(
    store: &ProgressStore,
    course_id: &str,
    quiz_id: &str,
    question_id: &str,
    attempt: &Attempt,
) -> Result<u32, StoreError> {
    let mut number = 0;
    store.update(|p| {
        number = add_attempt(p, course_id, quiz_id, question_id, attempt.clone());
    })?;
    Ok(number)
}

/// Appends `attempt` under course/quiz/question, numbering it after the
/// attempts already there, and remembers its seed as the quiz's latest.
/// Returns the attempt number given.
pub fn add_attempt(
    progress: &mut Progress,
    course_id: &str,
    quiz_id: &str,
    question_id: &str,
    mut attempt: Attempt,
) -> u32 {
    let quiz = progress
        .courses
        .entry(course_id.to_owned())
        .or_default()
        .quizzes
        .entry(quiz_id.to_owned())
        .or_default();
    quiz.seed = attempt.seed;
    let list = quiz.questions.entry(question_id.to_owned()).or_default();
    let number = list
        .iter()
        .map(|a| a.attempt)
        .max()
        .unwrap_or(0)
        .max(u32::try_from(list.len()).unwrap_or(u32::MAX))
        .saturating_add(1);
    attempt.attempt = number;
    list.push(attempt);
    number
}

/// How many attempts each question of a quiz already has (to continue numbering).
pub fn attempt_counts(
    progress: &Progress,
    course_id: &str,
    quiz_id: &str,
) -> std::collections::BTreeMap<String, u32> {
    progress
        .courses
        .get(course_id)
        .map(|c| course_attempt_counts(c, quiz_id))
        .unwrap_or_default()
}

/// [`attempt_counts`] within one course's progress.
pub fn course_attempt_counts(
    progress: &CourseProgress,
    quiz_id: &str,
) -> std::collections::BTreeMap<String, u32> {
    progress
        .quizzes
        .get(quiz_id)
        .map(|q| {
            q.questions
                .iter()
                .map(|(id, list)| (id.clone(), u32::try_from(list.len()).unwrap_or(u32::MAX)))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::answer::{Answer, Grade};
    use chrono::DateTime;

    fn attempt(n: u32) -> Attempt {
        Attempt {
            attempt: n,
            answer: Answer::Choice { selected: vec![1] },
            grade: Grade::default(),
            time_ms: 5,
            at: DateTime::from_timestamp(0, 0).unwrap_or_default(),
            seed: Some(3),
        }
    }

    #[test]
    fn numbers_continue_from_what_is_stored() {
        let mut p = Progress::default();
        assert_eq!(add_attempt(&mut p, "c", "q", "a", attempt(1)), 1);
        assert_eq!(add_attempt(&mut p, "c", "q", "a", attempt(1)), 2);
        assert_eq!(add_attempt(&mut p, "c", "q", "b", attempt(7)), 1);
        let counts = attempt_counts(&p, "c", "q");
        assert_eq!(counts.get("a"), Some(&2));
        assert_eq!(counts.get("b"), Some(&1));
        assert_eq!(p.courses["c"].quizzes["q"].seed, Some(3));
        assert!(attempt_counts(&p, "c", "other").is_empty());
    }
}
