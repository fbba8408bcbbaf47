//! The quiz file as written: serde structs with spans, every key of every
//! question type optional here, unknown keys rejected. `check` turns one of
//! these into a clean [`crate::content::model::Question`] or diagnostics.

use serde::de::IgnoredAny;
use serde::Deserialize;
use toml::Spanned;

/// The top level of `quizzes/<id>.toml`; questions are read one by one
/// (see `parse_quiz`) so one broken question does not hide the others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuizTop {
    pub title: Option<Spanned<String>>,
    #[allow(dead_code)] // only its shape is checked here
    pub questions: Option<Vec<IgnoredAny>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub prompt: Spanned<String>,
    pub explanation: Spanned<String>,
    pub pin_order: Option<Spanned<bool>>,
    /// `choice`: the options (markdown).
    pub options: Option<Spanned<Vec<Spanned<String>>>>,
    /// Every type: an index, indices, `fails`/`works`, `left`/`right`, or `{ item = "target" }`.
    pub answer: Option<Spanned<toml::Value>>,
    /// `choice`: one per option.
    pub feedback: Option<Spanned<Vec<String>>>,
    /// `verdict`.
    pub code: Option<Spanned<String>>,
    /// `verdict`, `compare`.
    pub lang: Option<Spanned<String>>,
    /// `verdict` when it fails: 1-based lines.
    pub lines: Option<Spanned<Vec<Spanned<i64>>>>,
    /// `verdict` when it fails.
    pub reason: Option<Spanned<String>>,
    /// `compare`.
    pub left: Option<Spanned<String>>,
    pub right: Option<Spanned<String>>,
    /// `placement`.
    pub items: Option<Spanned<Vec<Spanned<String>>>>,
    pub targets: Option<Spanned<Vec<Spanned<String>>>>,
}

impl RawQuestion {
    /// The type-specific keys present, with the byte offset of each value.
    pub fn present_keys(&self) -> Vec<(&'static str, usize)> {
        let mut keys = Vec::new();
        let mut add = |name: &'static str, start: Option<usize>| {
            if let Some(s) = start {
                keys.push((name, s));
            }
        };
        add("options", self.options.as_ref().map(|v| v.span().start));
        add("answer", self.answer.as_ref().map(|v| v.span().start));
        add("feedback", self.feedback.as_ref().map(|v| v.span().start));
        add("code", self.code.as_ref().map(|v| v.span().start));
        add("lang", self.lang.as_ref().map(|v| v.span().start));
        add("lines", self.lines.as_ref().map(|v| v.span().start));
        add("reason", self.reason.as_ref().map(|v| v.span().start));
        add("left", self.left.as_ref().map(|v| v.span().start));
        add("right", self.right.as_ref().map(|v| v.span().start));
        add("items", self.items.as_ref().map(|v| v.span().start));
        add("targets", self.targets.as_ref().map(|v| v.span().start));
        keys
    }
}
