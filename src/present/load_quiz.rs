//! Quiz TOML for the interim loader in `load` (replaced by the foundation's
//! `content::quizfile` once it is on main).

use super::{clean, LoadError};
use crate::content::model::*;
use crate::content::sanitize;
use toml::Value;

#[derive(serde::Deserialize)]
struct RawQuiz {
    title: Option<String>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(serde::Deserialize)]
struct RawQuestion {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    prompt: String,
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    pin_order: bool,
    #[serde(default)]
    options: Vec<String>,
    answer: Option<Value>,
    #[serde(default)]
    feedback: Vec<String>,
    code: Option<String>,
    lang: Option<String>,
    #[serde(default)]
    lines: Vec<usize>,
    reason: Option<String>,
    left: Option<String>,
    right: Option<String>,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    targets: Vec<String>,
}

pub fn quiz(id: &str, path: &str, text: &str) -> Result<Quiz, LoadError> {
    let bad = |m: String| LoadError::Invalid(path.to_owned(), m);
    let raw: RawQuiz = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    let header_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[questions]]")
        .map(|(i, _)| i + 1)
        .collect();
    let questions = raw
        .questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let line = header_lines.get(i).copied().unwrap_or(0);
            question(q, line).map_err(|m| bad(format!("question {}: {m}", i + 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Quiz {
        id: clean(id),
        title: raw.title.map(|t| clean(&t)),
        path: path.to_owned(),
        questions,
    })
}

fn multi(s: &str) -> String {
    sanitize::multiline(s).into_owned()
}

fn question(q: RawQuestion, line: usize) -> Result<Question, String> {
    let kind = match q.kind.as_str() {
        "choice" => {
            let (answer, multi_select) = match &q.answer {
                Some(Value::Integer(n)) => (vec![index(*n)?], false),
                Some(Value::Array(a)) => (
                    a.iter()
                        .map(|v| {
                            v.as_integer()
                                .ok_or("answer: not a number".to_owned())
                                .and_then(index)
                        })
                        .collect::<Result<_, _>>()?,
                    true,
                ),
                _ => return Err("choice needs `answer`".into()),
            };
            QuestionKind::Choice(ChoiceQuestion {
                options: q.options.iter().map(|o| multi(o)).collect(),
                answer,
                multi: multi_select,
                feedback: q.feedback.iter().map(|f| multi(f)).collect(),
            })
        }
        "verdict" => QuestionKind::Verdict(VerdictQuestion {
            code: multi(q.code.as_deref().unwrap_or("")),
            lang: clean(q.lang.as_deref().unwrap_or("")),
            answer: match q.answer.as_ref().and_then(Value::as_str) {
                Some("fails") => Verdict::Fails,
                Some("works") => Verdict::Works,
                _ => return Err("verdict `answer` must be \"fails\" or \"works\"".into()),
            },
            lines: q.lines,
            reason: q.reason.as_deref().and_then(Reason::parse),
        }),
        "compare" => QuestionKind::Compare(CompareQuestion {
            left: multi(q.left.as_deref().unwrap_or("")),
            right: multi(q.right.as_deref().unwrap_or("")),
            lang: clean(q.lang.as_deref().unwrap_or("")),
            answer: match q.answer.as_ref().and_then(Value::as_str) {
                Some("left") => Side::Left,
                Some("right") => Side::Right,
                _ => return Err("compare `answer` must be \"left\" or \"right\"".into()),
            },
        }),
        "placement" => {
            let table = q.answer.as_ref().and_then(Value::as_table);
            let answer = q
                .items
                .iter()
                .map(|item| {
                    let target = table.and_then(|t| t.get(item)).and_then(Value::as_str);
                    target
                        .and_then(|t| q.targets.iter().position(|x| x == t))
                        .ok_or_else(|| format!("no target for `{}`", clean(item)))
                })
                .collect::<Result<_, _>>()?;
            QuestionKind::Placement(PlacementQuestion {
                items: q.items.iter().map(|s| clean(s)).collect(),
                targets: q.targets.iter().map(|s| clean(s)).collect(),
                answer,
            })
        }
        other => return Err(format!("unknown type `{}`", clean(other))),
    };
    Ok(Question {
        id: clean(&q.id),
        prompt: multi(&q.prompt),
        explanation: multi(&q.explanation),
        pin_order: q.pin_order,
        kind,
        line,
    })
}

fn index(n: i64) -> Result<usize, String> {
    usize::try_from(n).map_err(|_| "answer: negative index".to_owned())
}
