//! Hand-built quizzes for unit and screen tests (no course files needed).

use crate::content::model::*;

pub fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        prompt: format!("Prompt of {id}?"),
        explanation: format!("Because of {id}."),
        pin_order: false,
        kind,
        line: 1,
    }
}

/// One question of each type, written like the real course.
pub fn sample_quiz() -> Quiz {
    let choice = Question {
        id: "stateless".into(),
        prompt: "Which property does a serverless function **not** have?".into(),
        explanation:
            "Functions are stateless and ephemeral: nothing in memory survives between invocations."
                .into(),
        pin_order: true,
        kind: QuestionKind::Choice(ChoiceQuestion {
            options: vec![
                "It is stateless".into(),
                "It keeps a persistent server running".into(),
                "It has a time limit".into(),
            ],
            answer: vec![1],
            multi: false,
            feedback: vec![
                "Stateless is exactly what it is.".into(),
                "Right: there is no server to keep running.".into(),
                "Every platform sets a maximum duration.".into(),
            ],
        }),
        line: 1,
    };
    let verdict = Question {
        id: "counter".into(),
        prompt: "Does this handler work on serverless?".into(),
        explanation: "The counter lives in module scope: each instance has its own, and instances come and go.".into(),
        pin_order: false,
        kind: QuestionKind::Verdict(VerdictQuestion {
            code: "let visits = 0;\n\nexport default function handler(req, res) {\n  visits += 1;\n  res.json({ visits });\n}".into(),
            lang: "js".into(),
            answer: Verdict::Fails,
            lines: vec![1, 4],
            reason: Some(Reason::InMemoryState),
        }),
        line: 10,
    };
    let compare = Question {
        id: "listen".into(),
        prompt: "Which one works on serverless?".into(),
        explanation: "A function exports a handler; the platform owns the server.".into(),
        pin_order: true,
        kind: QuestionKind::Compare(CompareQuestion {
            left: "const app = express();\napp.listen(3000);".into(),
            right: "const app = express();\nexport default app;".into(),
            lang: "js".into(),
            answer: Side::Right,
        }),
        line: 20,
    };
    let placement = Question {
        id: "hybrid".into(),
        prompt: "Where does each part of the movie app run?".into(),
        explanation:
            "Short request/response work fits functions; long-lived connections need a server."
                .into(),
        pin_order: true,
        kind: QuestionKind::Placement(PlacementQuestion {
            items: vec!["Auth API".into(), "Live chat".into()],
            targets: vec!["Functions".into(), "Long-running server".into()],
            answer: vec![0, 1],
        }),
        line: 30,
    };
    Quiz {
        id: "sample".into(),
        title: Some("Sample quiz".into()),
        path: "quizzes/sample.toml".into(),
        questions: vec![choice, verdict, compare, placement],
    }
}
