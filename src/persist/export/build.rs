//! From a course and a learner's progress to the export document (pure; the
//! time and the name are passed in so golden files stay fixed).
//!
//! Only questions the course still has are exported, in the course's order;
//! attempts recorded against removed questions are ignored, and a question
//! never attempted is exported with `attempts: 0`.

use super::describe::{describe, key, plain_first_line};
use super::hash::content_hash;
use super::schema::*;
use crate::content::model::{Course, Question, Quiz};
use crate::persist::progress::{Attempt, CourseProgress};
use chrono::{DateTime, Utc};

/// Everything an export depends on besides the course and the progress.
#[derive(Debug, Clone)]
pub struct ExportMeta {
    pub learner: String,
    pub exported_at: DateTime<Utc>,
}

pub fn build_export(course: &Course, progress: &CourseProgress, meta: &ExportMeta) -> Export {
    Export {
        format: EXPORT_FORMAT.into(),
        schema_version: EXPORT_SCHEMA_VERSION,
        tool_version: env!("CARGO_PKG_VERSION").into(),
        course: course_ref(course),
        learner: crate::content::sanitize::inline(&meta.learner).into_owned(),
        exported_at: meta.exported_at,
        quizzes: course
            .quizzes
            .iter()
            .map(|quiz| quiz_result(quiz, progress))
            .collect(),
    }
}

pub fn course_ref(course: &Course) -> CourseRef {
    CourseRef {
        id: course.id.clone(),
        title: course.title.clone(),
        version: course.version.clone(),
        content_hash: content_hash(course),
    }
}

fn quiz_result(quiz: &Quiz, progress: &CourseProgress) -> QuizResult {
    let recorded = progress.quizzes.get(&quiz.id);
    let items: Vec<QuestionResult> = quiz
        .questions
        .iter()
        .map(|q| {
            let attempts = recorded
                .and_then(|r| r.questions.get(&q.id))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            question_result(q, attempts)
        })
        .collect();
    let count = |f: fn(&QuestionResult) -> bool| items.iter().filter(|i| f(i)).count();
    let first_try_correct = count(|i| i.first_try_correct);
    QuizResult {
        id: quiz.id.clone(),
        title: quiz.title.clone().unwrap_or_else(|| quiz.id.clone()),
        questions: items.len(),
        answered: count(|i| i.attempts > 0),
        first_try_correct,
        final_correct: count(|i| i.final_correct),
        score: percent(first_try_correct, items.len()),
        items,
    }
}

/// `part` of `whole` in percent, rounded to one decimal (0 for an empty quiz).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

fn question_result(q: &Question, attempts: &[Attempt]) -> QuestionResult {
    // Attempts are stored in order, but order by number to be safe with
    // files merged by hand.
    let mut sorted: Vec<&Attempt> = attempts.iter().collect();
    sorted.sort_by_key(|a| (a.attempt, a.at));
    let first = sorted.first().copied();
    let last = sorted.last().copied();
    QuestionResult {
        id: q.id.clone(),
        kind: q.kind.type_name().into(),
        prompt: plain_first_line(&q.prompt),
        attempts: sorted.len(),
        first_try_correct: first.is_some_and(|a| a.grade.correct),
        final_correct: last.is_some_and(|a| a.grade.correct),
        correct_answer: {
            let answer = key(q);
            AnswerRecord {
                text: describe(q, &answer),
                answer,
            }
        },
        first_answer: first.map(|a| graded(q, a)),
        last_answer: last.map(|a| graded(q, a)),
        time_ms: sorted
            .iter()
            .map(|a| a.time_ms)
            .fold(0, u64::saturating_add),
        answered_at: last.map(|a| a.at),
    }
}

fn graded(q: &Question, a: &Attempt) -> GradedAnswer {
    GradedAnswer {
        text: describe(q, &a.answer),
        answer: a.answer.clone(),
        grade: a.grade,
        time_ms: a.time_ms,
        at: a.at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::export::testdata::{at, course, progress};

    fn meta() -> ExportMeta {
        ExportMeta {
            learner: "Ada".into(),
            exported_at: at(60),
        }
    }

    #[test]
    fn counts_follow_the_attempts() {
        let e = build_export(&course(), &progress(), &meta());
        let state = &e.quizzes[0];
        assert_eq!(state.id, "state");
        assert_eq!(state.questions, 4);
        assert_eq!(state.answered, 3);
        assert_eq!(state.first_try_correct, 2, "choice, and the verdict part");
        assert_eq!(state.final_correct, 2);
        assert_eq!(state.score, 50.0);
        let ids: Vec<&str> = state.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["where-sessions", "counter", "upload", "placement"]);

        let counter = &state.items[1];
        assert_eq!(counter.attempts, 2);
        assert_eq!(counter.time_ms, 5_000 + 6_000);
        assert_eq!(counter.answered_at, Some(at(9)));
        assert_eq!(
            counter.first_answer.as_ref().map(|a| a.text.as_str()),
            Some("fails — line 3 — persistent-connection")
        );
        assert_eq!(
            counter.correct_answer.text,
            "fails — line 3 — in-memory-state"
        );

        let placement = &state.items[3];
        assert_eq!(placement.attempts, 0);
        assert!(!placement.first_try_correct && !placement.final_correct);
        assert_eq!(placement.last_answer, None);

        let flags = &e.quizzes[1];
        assert_eq!(flags.title, "red-flags", "untitled quiz uses its id");
        assert_eq!(flags.score, 0.0);
    }

    #[test]
    fn empty_progress_exports_every_question_unanswered() {
        let e = build_export(&course(), &CourseProgress::default(), &meta());
        assert!(e.quizzes.iter().all(|q| q.answered == 0 && q.score == 0.0));
        assert_eq!(e.quizzes.iter().map(|q| q.items.len()).sum::<usize>(), 6);
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(2, 3), 66.7);
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(5, 5), 100.0);
    }
}
