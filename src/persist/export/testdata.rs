//! A small hand-built course (two quizzes, every question type) and a
//! learner's progress through it: shared by the unit tests, the integration
//! tests in `tests/export.rs` and the report benchmark, so they all exercise
//! the same, known values.

use crate::content::model::*;
use crate::persist::progress::{Attempt, CourseProgress, QuizProgress};
use crate::quiz::answer::{Answer, Grade};
use chrono::{DateTime, Utc};

fn question(id: &str, prompt: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        prompt: prompt.into(),
        explanation: "Because functions are stateless.".into(),
        pin_order: false,
        kind,
        line: 1,
    }
}

/// Course `sample` version `1.0`: quiz `state` (choice, verdict, compare,
/// placement) and quiz `red-flags` (two verdict questions).
pub fn course() -> Course {
    let state = Quiz {
        id: "state".into(),
        title: Some("Where state lives".into()),
        path: "quizzes/state.toml".into(),
        questions: vec![
            question(
                "where-sessions",
                "Where should **session data** live?\n\nPick one.",
                QuestionKind::Choice(ChoiceQuestion {
                    options: vec![
                        "A module-level variable".into(),
                        "Keep it in `Redis`".into(),
                        "A file in /var".into(),
                    ],
                    answer: vec![1],
                    multi: false,
                    feedback: vec![],
                }),
            ),
            question(
                "counter",
                "Does this counter work on serverless?",
                QuestionKind::Verdict(VerdictQuestion {
                    code: "let count = 0;\nexport default function handler(req, res) {\n  count++;\n  res.json({ count });\n}".into(),
                    lang: "js".into(),
                    answer: Verdict::Fails,
                    lines: vec![3],
                    reason: Some(Reason::InMemoryState),
                }),
            ),
            question(
                "upload",
                "Which upload handler works?",
                QuestionKind::Compare(CompareQuestion {
                    left: "fs.writeFileSync('./uploads/a', body)".into(),
                    right: "await s3.putObject({ Body: body })".into(),
                    lang: "js".into(),
                    answer: Side::Right,
                }),
            ),
            question(
                "placement",
                "Place each feature.",
                QuestionKind::Placement(PlacementQuestion {
                    items: vec!["auth".into(), "streaming".into()],
                    targets: vec!["functions".into(), "server".into()],
                    answer: vec![0, 1],
                }),
            ),
        ],
    };
    let flags = Quiz {
        id: "red-flags".into(),
        title: None,
        path: "quizzes/red-flags.toml".into(),
        questions: vec![
            question(
                "listen",
                "=cmd|' /C calc'!A0 is not a question, but is this code fine?",
                QuestionKind::Verdict(VerdictQuestion {
                    code: "const app = express();\napp.listen(3000);".into(),
                    lang: "js".into(),
                    answer: Verdict::Fails,
                    lines: vec![2],
                    reason: Some(Reason::PersistentServer),
                }),
            ),
            question(
                "tmp",
                "Writing to /tmp inside a handler?",
                QuestionKind::Verdict(VerdictQuestion {
                    code: "fs.writeFileSync('/tmp/x', data);".into(),
                    lang: "js".into(),
                    answer: Verdict::Works,
                    lines: vec![],
                    reason: None,
                }),
            ),
        ],
    };
    Course {
        id: "sample".into(),
        title: "Sample course".into(),
        version: "1.0".into(),
        lessons: vec![],
        quizzes: vec![state, flags],
    }
}

/// A fixed instant: 2026-12-04T18:00:00Z plus `minutes`.
pub fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_407_200 + minutes * 60, 0).unwrap_or_default()
}

/// An attempt with the given answer and grade.
pub fn attempt(n: u32, answer: Answer, grade: Grade, minute: i64) -> Attempt {
    Attempt {
        attempt: n,
        answer,
        grade,
        time_ms: 4_000 + u64::from(n) * 1_000,
        at: at(minute),
        seed: Some(7),
    }
}

fn right() -> Grade {
    Grade {
        correct: true,
        ..Grade::default()
    }
}

fn wrong() -> Grade {
    Grade::default()
}

/// A learner who got the choice right, the verdict right on the second try
/// (first blaming persistent-connection), missed the compare, skipped the
/// placement, and answered one question of `red-flags` wrongly.
pub fn progress() -> CourseProgress {
    let mut state = QuizProgress {
        seed: Some(7),
        ..QuizProgress::default()
    };
    let wrong_reason = Answer::Verdict {
        verdict: Verdict::Fails,
        lines: vec![3],
        reason: Some(Reason::PersistentConnection),
    };
    let verdict_part = Grade {
        correct: true,
        lines_correct: Some(true),
        reason_correct: Some(false),
        items_correct: None,
    };
    let fixed = Answer::Verdict {
        verdict: Verdict::Fails,
        lines: vec![3],
        reason: Some(Reason::InMemoryState),
    };
    let verdict_full = Grade {
        correct: true,
        lines_correct: Some(true),
        reason_correct: Some(true),
        items_correct: None,
    };
    let q = &mut state.questions;
    q.insert(
        "where-sessions".into(),
        vec![attempt(1, Answer::Choice { selected: vec![1] }, right(), 1)],
    );
    q.insert(
        "counter".into(),
        vec![
            attempt(1, wrong_reason, verdict_part, 2),
            attempt(2, fixed, verdict_full, 9),
        ],
    );
    q.insert(
        "upload".into(),
        vec![attempt(1, Answer::Compare { side: Side::Left }, wrong(), 3)],
    );
    // An answer to a question the course no longer has: ignored by export.
    q.insert(
        "removed".into(),
        vec![attempt(1, Answer::Compare { side: Side::Left }, right(), 4)],
    );
    let mut flags = QuizProgress::default();
    flags.questions.insert(
        "listen".into(),
        vec![attempt(
            1,
            Answer::Verdict {
                verdict: Verdict::Works,
                lines: vec![],
                reason: None,
            },
            wrong(),
            5,
        )],
    );
    let mut p = CourseProgress {
        last_lesson: Some("02-state".into()),
        ..CourseProgress::default()
    };
    p.quizzes.insert("state".into(), state);
    p.quizzes.insert("red-flags".into(), flags);
    p
}
