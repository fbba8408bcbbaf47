//! A quiz file (`quizzes/<id>.toml`) → [`Quiz`]. Parse raw (serde structs
//! with spans, `deny_unknown_fields`) → validate per question type → clean
//! model types. Each `[[questions]]` table is deserialised on its own, so
//! one broken question does not hide the problems of the others.

mod check;
mod raw;

#[cfg(test)]
mod tests;

use crate::content::diagnostics::Diagnostic;
use crate::content::markdown::normalize_newlines;
use crate::content::model::Quiz;
use crate::content::report::Reporter;
use crate::content::sanitize;
use raw::{RawQuestion, RawQuizTop};
use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// Parses and validates a quiz. `None` only when the file is not valid TOML;
/// otherwise the quiz holds every question that passed (and the diagnostics
/// say what is wrong with the others).
pub fn parse_quiz(id: &str, path: &str, text: &str) -> (Option<Quiz>, Vec<Diagnostic>) {
    let text = normalize_newlines(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rep = Reporter::new(path, text);
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            rep.toml_error(&e, 0);
            return (None, rep.diagnostics);
        }
    };
    let title = match plain_top(table.get_ref()) {
        Some(title) => title,
        // Something else at the top level: serde says what, in its words.
        None => match toml::from_str::<RawQuizTop>(text) {
            Ok(top) => top
                .title
                .map(|t| sanitize::inline(t.get_ref()).into_owned()),
            Err(e) => {
                rep.toml_error(&e, 0);
                None
            }
        },
    };
    // The questions are taken out of the table, each deserialized as it is.
    let questions: Vec<Spanned<DeValue>> = match table
        .into_inner()
        .remove("questions")
        .map(Spanned::into_inner)
    {
        Some(DeValue::Array(a)) => a.into_iter().collect(),
        _ => Vec::new(),
    };
    if questions.is_empty() && !rep.has_errors() {
        rep.error_at(0, "a quiz needs at least one `[[questions]]` table");
    }
    let mut out = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for q in questions {
        let header = q.span().start;
        let raw = match RawQuestion::deserialize(ValueDeserializer::from(q)) {
            Ok(raw) => raw,
            Err(e) => {
                rep.toml_error(&e, 0);
                continue;
            }
        };
        let qid = raw.id.get_ref().clone();
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == qid) {
            let msg = format!(
                "duplicate question id `{}` (first used at line {first})",
                sanitize::inline(&qid)
            );
            rep.error_at(raw.id.span().start, msg);
            continue;
        }
        seen.push((qid, rep.pos(raw.id.span().start).0));
        if let Some(question) = check::check_question(&raw, header, &mut rep) {
            out.push(question);
        }
    }
    let quiz = Quiz {
        id: sanitize::inline(id).into_owned(),
        title,
        path: sanitize::inline(path).into_owned(),
        questions: out,
    };
    (Some(quiz), rep.diagnostics)
}

/// The title of a quiz file whose top level is what [`RawQuizTop`] reads
/// (`title`, a string, and `questions`, an array, each at most once), read
/// from the table already parsed; `None` for anything else. A second parse
/// of the whole file through serde, for the title alone, was a third of
/// loading a quiz.
fn plain_top(table: &DeTable) -> Option<Option<String>> {
    let mut title = None;
    for (key, value) in table.iter() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("title", DeValue::String(t)) => title = Some(sanitize::inline(t).into_owned()),
            ("questions", DeValue::Array(_)) => {}
            _ => return None,
        }
    }
    Some(title)
}
