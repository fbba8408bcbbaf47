//! The class report's numbers, computed from the selected exports (pure).

use crate::content::model::Reason;
use crate::persist::export::build::percent;
use crate::persist::export::schema::{CourseRef, Export, QuestionResult};
use crate::quiz::answer::Answer;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const REPORT_FORMAT: &str = "serverless-tutor-class-report";
pub const REPORT_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassReport {
    pub format: String,
    pub schema_version: u32,
    pub course: CourseRef,
    pub learners: usize,
    pub quizzes: Vec<QuizStats>,
    /// Most missed first.
    pub questions: Vec<QuestionStats>,
    /// Most chosen first.
    pub misconceptions: Vec<Misconception>,
    pub per_learner: Vec<LearnerRow>,
}

/// First-try scores (percent) of the learners who answered at least one of
/// the quiz's questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizStats {
    pub id: String,
    pub title: String,
    pub questions: usize,
    pub taken_by: usize,
    /// `None` (JSON `null`) when nobody took the quiz.
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionStats {
    pub quiz_id: String,
    pub question_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub prompt: String,
    /// Learners who answered it.
    pub answered: usize,
    pub first_try_correct: usize,
    /// `first_try_correct` in percent of `answered`.
    pub first_try_rate: f64,
    pub correct_answer: String,
}

/// A wrong reason chosen on the first try of a `verdict` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Misconception {
    pub quiz_id: String,
    pub question_id: String,
    pub prompt: String,
    pub reason: Reason,
    pub learners: usize,
    /// The right reason (`None`: the snippet works).
    pub right_reason: Option<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerRow {
    pub learner: String,
    pub exported_at: DateTime<Utc>,
    /// First-try score per quiz, in the order of `ClassReport::quizzes`
    /// (`None`: not taken).
    pub scores: Vec<Option<f64>>,
    /// First-try correct over all questions of the course, in percent.
    pub overall: f64,
}

/// Builds the report; `exports` all share `course` (see `collect`).
pub fn class_report(course: &CourseRef, exports: &[Export]) -> ClassReport {
    // Exports of one content hash have the same quizzes: any one is the layout.
    let layout = exports.iter().max_by_key(|e| e.exported_at);
    let quiz_list: Vec<(String, String, usize)> = layout
        .map(|e| {
            e.quizzes
                .iter()
                .map(|q| (q.id.clone(), q.title.clone(), q.questions))
                .collect()
        })
        .unwrap_or_default();
    ClassReport {
        format: REPORT_FORMAT.into(),
        schema_version: REPORT_SCHEMA_VERSION,
        course: course.clone(),
        learners: exports.len(),
        quizzes: quiz_list
            .iter()
            .map(|(id, title, n)| quiz_stats(id, title, *n, exports))
            .collect(),
        questions: question_stats(exports),
        misconceptions: misconceptions(exports),
        per_learner: exports.iter().map(|e| learner_row(e, &quiz_list)).collect(),
    }
}

fn quiz_stats(id: &str, title: &str, questions: usize, exports: &[Export]) -> QuizStats {
    let mut scores: Vec<f64> = exports
        .iter()
        .flat_map(|e| e.quizzes.iter().filter(|q| q.id == id && q.answered > 0))
        .map(|q| q.score)
        .collect();
    scores.sort_by(f64::total_cmp);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let n = scores.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(scores[n / 2]),
        _ => Some(round((scores[n / 2 - 1] + scores[n / 2]) / 2.0)),
    };
    QuizStats {
        id: id.into(),
        title: title.into(),
        questions,
        taken_by: n,
        mean: (n > 0).then(|| round(scores.iter().sum::<f64>() / n as f64)),
        median,
        min: scores.first().copied(),
        max: scores.last().copied(),
    }
}

/// Every question anyone answered, most missed (lowest first-try rate) first;
/// ties keep the course order.
fn question_stats(exports: &[Export]) -> Vec<QuestionStats> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut stats: HashMap<(String, String), QuestionStats> = HashMap::new();
    for e in exports {
        for quiz in &e.quizzes {
            for q in quiz.items.iter().filter(|q| q.attempts > 0) {
                let key = (quiz.id.clone(), q.id.clone());
                let entry = stats.entry(key.clone()).or_insert_with(|| {
                    order.push(key);
                    QuestionStats {
                        quiz_id: quiz.id.clone(),
                        question_id: q.id.clone(),
                        kind: q.kind.clone(),
                        prompt: q.prompt.clone(),
                        answered: 0,
                        first_try_correct: 0,
                        first_try_rate: 0.0,
                        correct_answer: q.correct_answer.text.clone(),
                    }
                });
                entry.answered += 1;
                entry.first_try_correct += usize::from(q.first_try_correct);
            }
        }
    }
    let mut out: Vec<QuestionStats> = order
        .into_iter()
        .filter_map(|k| stats.remove(&k))
        .map(|mut s| {
            s.first_try_rate = percent(s.first_try_correct, s.answered);
            s
        })
        .collect();
    // Stable: equal rates keep their first-seen (course) order.
    out.sort_by(|a, b| a.first_try_rate.total_cmp(&b.first_try_rate));
    out
}

/// The reason a first answer to a verdict question gave, when it is not the
/// right one.
fn wrong_reason(q: &QuestionResult) -> Option<(Reason, Option<Reason>)> {
    let right = match &q.correct_answer.answer {
        Answer::Verdict { reason, .. } => *reason,
        _ => return None,
    };
    match q.first_answer.as_ref().map(|a| &a.answer) {
        Some(Answer::Verdict {
            reason: Some(chosen),
            ..
        }) if Some(*chosen) != right => Some((*chosen, right)),
        _ => None,
    }
}

fn misconceptions(exports: &[Export]) -> Vec<Misconception> {
    let mut order = Vec::new();
    let mut found: HashMap<(String, String, Reason), Misconception> = HashMap::new();
    for e in exports {
        for quiz in &e.quizzes {
            for q in &quiz.items {
                let Some((reason, right_reason)) = wrong_reason(q) else {
                    continue;
                };
                let key = (quiz.id.clone(), q.id.clone(), reason);
                found
                    .entry(key.clone())
                    .or_insert_with(|| {
                        order.push(key);
                        Misconception {
                            quiz_id: quiz.id.clone(),
                            question_id: q.id.clone(),
                            prompt: q.prompt.clone(),
                            reason,
                            learners: 0,
                            right_reason,
                        }
                    })
                    .learners += 1;
            }
        }
    }
    let mut out: Vec<Misconception> = order.into_iter().filter_map(|k| found.remove(&k)).collect();
    out.sort_by_key(|m| std::cmp::Reverse(m.learners));
    out
}

fn learner_row(e: &Export, quizzes: &[(String, String, usize)]) -> LearnerRow {
    let scores = quizzes
        .iter()
        .map(|(id, _, _)| {
            e.quizzes
                .iter()
                .find(|q| &q.id == id && q.answered > 0)
                .map(|q| q.score)
        })
        .collect();
    let right: usize = e.quizzes.iter().map(|q| q.first_try_correct).sum();
    let total: usize = e.quizzes.iter().map(|q| q.questions).sum();
    LearnerRow {
        learner: e.learner.clone(),
        exported_at: e.exported_at,
        scores,
        overall: percent(right, total),
    }
}
