//! A small hand-built course for the app and view tests (no files, no parser).

use crate::content::model::{Block, Course, Inline, Lesson, Question, QuestionKind, Quiz, TextRun};
use crate::content::model::{ChoiceQuestion, CodeBlock};

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(TextRun {
        text: s.into(),
        ..TextRun::default()
    })]
}

fn lesson(n: usize, title: &str, paragraphs: usize) -> Lesson {
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: text(title),
    }];
    for p in 0..paragraphs {
        blocks.push(Block::Paragraph(text(&format!(
            "Paragraph {} of lesson {n}: a function starts cold, serves one request and may be frozen right after; nothing it keeps in memory is promised to the next request.",
            p + 1
        ))));
        if p % 4 == 3 {
            blocks.push(Block::Heading {
                level: 2,
                text: text(&format!("Section {} of lesson {n}", p / 4 + 1)),
            });
        }
    }
    blocks.push(Block::Code(Box::new(CodeBlock::plain(
        Some("js"),
        "app.listen(3000)",
    ))));
    Lesson {
        id: format!("{n:02}-lesson"),
        title: title.to_owned(),
        minutes: Some(5 + n as u32),
        quiz: (n == 1).then(|| "01-quiz".to_owned()),
        path: format!("lessons/{n:02}-lesson.md"),
        block_lines: (0..blocks.len()).map(|i| i * 2 + 1).collect(),
        blocks,
    }
}

pub fn course() -> Course {
    Course {
        id: "fixture".into(),
        title: "From Express to serverless".into(),
        version: "0.1.0".into(),
        lessons: vec![
            lesson(1, "What broke when we moved", 24),
            lesson(2, "State lives elsewhere", 6),
            lesson(
                3,
                "Connections and cold starts, a much longer title than fits",
                3,
            ),
        ],
        quizzes: vec![Quiz {
            id: "01-quiz".into(),
            title: None,
            path: "quizzes/01-quiz.toml".into(),
            questions: vec![Question {
                id: "q1".into(),
                prompt: "Which keeps state?".into(),
                explanation: String::new(),
                pin_order: false,
                kind: QuestionKind::Choice(ChoiceQuestion {
                    options: vec!["A map in memory".into(), "A database".into()],
                    answer: vec![1],
                    multi: false,
                    feedback: Vec::new(),
                }),
                line: 1,
            }],
        }],
    }
}
