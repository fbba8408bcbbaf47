//! The JSON export document (documented field by field in
//! `docs/export-format.md`): what a learner hands in, and what `report` reads
//! back. Self-contained on purpose: the report needs no course to read it.

use crate::quiz::answer::{Answer, Grade};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bump when the shape changes incompatibly.
pub const EXPORT_SCHEMA_VERSION: u32 = 1;
/// The `format` marker: tells an export apart from any other JSON file.
pub const EXPORT_FORMAT: &str = "serverless-tutor-export";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub schema_version: u32,
    /// The serverless-tutor version that wrote the file.
    pub tool_version: String,
    pub course: CourseRef,
    pub learner: String,
    pub exported_at: DateTime<Utc>,
    pub quizzes: Vec<QuizResult>,
}

/// Which course (and which exact quiz content) the results are for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CourseRef {
    pub id: String,
    pub title: String,
    pub version: String,
    /// `sha256:<hex>` of the canonical quiz content (see `export::hash`).
    pub content_hash: String,
}

impl CourseRef {
    /// Two exports are comparable when id, version and content hash agree.
    pub fn same_course(&self, other: &CourseRef) -> bool {
        self.id == other.id
            && self.version == other.version
            && self.content_hash == other.content_hash
    }
}

impl fmt::Display for CourseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short: String = self
            .content_hash
            .trim_start_matches("sha256:")
            .chars()
            .take(12)
            .collect();
        write!(f, "{} version {} (quizzes {short})", self.id, self.version)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    pub id: String,
    pub title: String,
    /// Number of questions in the quiz.
    pub questions: usize,
    /// Questions with at least one attempt.
    pub answered: usize,
    pub first_try_correct: usize,
    /// Questions whose latest attempt is correct.
    pub final_correct: usize,
    /// First-try score in percent of `questions` (0–100, one decimal).
    pub score: f64,
    pub items: Vec<QuestionResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    /// `choice`, `verdict`, `compare` or `placement`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The first line of the prompt, as plain text.
    pub prompt: String,
    pub attempts: usize,
    pub first_try_correct: bool,
    pub final_correct: bool,
    /// The right answer, in words and as an [`Answer`].
    pub correct_answer: AnswerRecord,
    pub first_answer: Option<GradedAnswer>,
    pub last_answer: Option<GradedAnswer>,
    /// Time spent over all attempts, in milliseconds.
    pub time_ms: u64,
    /// When the latest attempt was submitted.
    pub answered_at: Option<DateTime<Utc>>,
}

/// An answer in words (`"fails — line 3 — in-memory-state"`) and structured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub text: String,
    pub answer: Answer,
}

/// One attempt's answer with its grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradedAnswer {
    pub text: String,
    pub answer: Answer,
    pub grade: Grade,
    pub time_ms: u64,
    pub at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ParseError {
    #[error("not JSON ({0})")]
    NotJson(String),
    #[error("not a serverless-tutor export")]
    NotAnExport,
    #[error(
        "export schema {0} is newer than this serverless-tutor reads ({EXPORT_SCHEMA_VERSION})"
    )]
    FutureVersion(u64),
    #[error("export schema {0} is not supported")]
    OldVersion(u64),
    #[error("malformed export ({0})")]
    Malformed(String),
}

/// Reads an export back. Never panics, whatever the bytes.
pub fn parse_export(bytes: &[u8]) -> Result<Export, ParseError> {
    // Fast path (the report reads thousands): straight into the document,
    // then check the marker and version. Only a failure pays for a second,
    // generic parse that says what is wrong.
    if let Ok(export) = serde_json::from_slice::<Export>(bytes) {
        if export.format == EXPORT_FORMAT && export.schema_version == EXPORT_SCHEMA_VERSION {
            return Ok(export.sanitized());
        }
    }
    diagnose(bytes)
}

fn diagnose(bytes: &[u8]) -> Result<Export, ParseError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ParseError::NotJson(e.to_string()))?;
    let format = value.get("format").and_then(|v| v.as_str());
    if format != Some(EXPORT_FORMAT) {
        return Err(ParseError::NotAnExport);
    }
    match value.get("schema_version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(EXPORT_SCHEMA_VERSION) => {
            return Err(ParseError::FutureVersion(v))
        }
        Some(v) if v < u64::from(EXPORT_SCHEMA_VERSION) => return Err(ParseError::OldVersion(v)),
        Some(_) => {}
        None => return Err(ParseError::Malformed("no numeric schema_version".into())),
    }
    let export: Export =
        serde_json::from_value(value).map_err(|e| ParseError::Malformed(e.to_string()))?;
    Ok(export.sanitized())
}

/// A time as RFC 3339 in UTC with a `Z`, as the JSON has it.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// The export as JSON text (pretty, with a final newline).
pub fn to_json(export: &Export) -> String {
    let mut text = serde_json::to_string_pretty(export).unwrap_or_default();
    text.push('\n');
    text
}

impl Export {
    /// Strings from a file somebody handed in are untrusted: neutralise them
    /// once here, so every report output is safe to print.
    fn sanitized(mut self) -> Export {
        // Only allocate for the (rare) strings that need a change.
        let clean = |s: &mut String| {
            if let std::borrow::Cow::Owned(fixed) = crate::content::sanitize::inline(s) {
                *s = fixed;
            }
        };
        clean(&mut self.learner);
        clean(&mut self.course.id);
        clean(&mut self.course.title);
        clean(&mut self.course.version);
        for quiz in &mut self.quizzes {
            clean(&mut quiz.id);
            clean(&mut quiz.title);
            for q in &mut quiz.items {
                clean(&mut q.id);
                clean(&mut q.kind);
                clean(&mut q.prompt);
                clean(&mut q.correct_answer.text);
                for a in [&mut q.first_answer, &mut q.last_answer]
                    .into_iter()
                    .flatten()
                {
                    clean(&mut a.text);
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::export::testdata::{at, course, progress};
    use crate::persist::export::{build_export, ExportMeta};

    fn sample() -> Export {
        let meta = ExportMeta {
            learner: "Ada".into(),
            exported_at: at(60),
        };
        build_export(&course(), &progress(), &meta)
    }

    fn edited(f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut value = serde_json::to_value(sample()).unwrap();
        f(&mut value);
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn round_trips() {
        assert_eq!(parse_export(to_json(&sample()).as_bytes()), Ok(sample()));
    }

    #[test]
    fn each_kind_of_bad_file_is_named() {
        assert!(matches!(parse_export(b"{"), Err(ParseError::NotJson(_))));
        assert_eq!(parse_export(b"{\"name\":1}"), Err(ParseError::NotAnExport));
        assert_eq!(
            parse_export(&edited(|v| v["schema_version"] = 9.into())),
            Err(ParseError::FutureVersion(9))
        );
        assert_eq!(
            parse_export(&edited(|v| v["schema_version"] = 0.into())),
            Err(ParseError::OldVersion(0))
        );
        assert!(matches!(
            parse_export(&edited(|v| v["quizzes"] = "none".into())),
            Err(ParseError::Malformed(_))
        ));
    }

    #[test]
    fn strings_from_a_handed_in_file_are_neutralised() {
        let bytes = edited(|v| {
            v["learner"] = "\u{1b}[2JMallory\u{202e}".into();
            v["quizzes"][0]["items"][0]["prompt"] = "a\nb\u{7}".into();
        });
        let e = parse_export(&bytes).unwrap();
        assert_eq!(e.learner, "^[[2JMallory\u{FFFD}");
        assert_eq!(e.quizzes[0].items[0].prompt, "a b\u{FFFD}");
    }
}
