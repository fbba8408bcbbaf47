//! A lesson file → [`Lesson`]: TOML front matter between `+++` lines
//! (`title` required, `quiz` and `minutes` optional, nothing else), then the
//! markdown body. Diagnostics carry real file positions: the body's lines
//! are offset by the front matter.

use crate::content::diagnostics::Diagnostic;
use crate::content::markdown::{self, normalize_newlines};
use crate::content::model::Lesson;
use crate::content::report::Reporter;
use crate::content::sanitize;
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Spanned<String>,
    quiz: Option<Spanned<String>>,
    minutes: Option<u32>,
}

/// A parsed lesson with what the loader needs beyond the model.
#[derive(Debug)]
pub struct LessonParse {
    pub lesson: Option<Lesson>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where `quiz = "..."` is written (line, col), to report a missing quiz there.
    pub quiz_at: Option<(usize, usize)>,
}

/// The front matter split from the body.
struct Split<'t> {
    /// TOML text and its byte offset in the file.
    front: Option<(&'t str, usize)>,
    body: &'t str,
    /// 1-based line of the body's first line.
    body_line: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Splits `+++` front matter; `Err` when it is opened but never closed.
fn split(text: &str) -> Result<Split<'_>, ()> {
    let Some(first) = text.split_inclusive('\n').next() else {
        return Ok(Split {
            front: None,
            body: text,
            body_line: 1,
        });
    };
    if !is_fence(first) {
        return Ok(Split {
            front: None,
            body: text,
            body_line: 1,
        });
    }
    let mut offset = first.len();
    for (i, line) in text[first.len()..].split_inclusive('\n').enumerate() {
        if is_fence(line) {
            let front = &text[first.len()..offset];
            let body_start = offset + line.len();
            return Ok(Split {
                front: Some((front, first.len())),
                body: &text[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(())
}

/// Parses a lesson file (`text` already decoded).
pub fn parse_lesson(id: &str, path: &str, text: &str) -> (Option<Lesson>, Vec<Diagnostic>) {
    let p = parse_lesson_full(id, path, text);
    (p.lesson, p.diagnostics)
}

pub fn parse_lesson_full(id: &str, path: &str, text: &str) -> LessonParse {
    let text = normalize_newlines(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rep = Reporter::new(path, text);
    let Ok(parts) = split(text) else {
        rep.error_at(
            0,
            "front matter opened with `+++` is never closed: add a `+++` line after it",
        );
        return LessonParse {
            lesson: None,
            diagnostics: rep.diagnostics,
            quiz_at: None,
        };
    };
    let front = match parts.front {
        None => {
            rep.error_at(
                0,
                "a lesson starts with front matter between `+++` lines (at least `title = \"...\"`)",
            );
            None
        }
        Some((toml_text, base)) => front_matter(&mut rep, toml_text, base),
    };
    let body = markdown::parse(parts.body, parts.body_line);
    for p in &body.problems {
        rep.at(p.severity, p.line, p.col, p.message.clone());
    }
    let quiz_at = front
        .as_ref()
        .and_then(|f| f.quiz.as_ref())
        .map(|q| rep.pos(q.span().start));
    let lesson = front.map(|f| Lesson {
        id: sanitize::inline(id).into_owned(),
        title: sanitize::inline(f.title.get_ref().trim()).into_owned(),
        minutes: f.minutes,
        quiz: f.quiz.map(|q| sanitize::inline(q.get_ref()).into_owned()),
        path: sanitize::inline(path).into_owned(),
        blocks: body.blocks,
        block_lines: body.block_lines,
    });
    LessonParse {
        lesson,
        diagnostics: rep.diagnostics,
        quiz_at,
    }
}

/// A lesson from its front matter alone, without its body (no blocks):
/// enough for the lesson list while the rest of a course loads. `None`
/// wherever the full parse would report a problem with the front matter.
pub fn parse_front_matter_only(id: &str, path: &str, text: &str) -> Option<Lesson> {
    let text = normalize_newlines(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (toml_text, base) = split(text).ok()?.front?;
    // Only the front matter is looked at: index only its lines.
    let mut rep = Reporter::new(path, &text[..base + toml_text.len()]);
    let front = front_matter(&mut rep, toml_text, base)?;
    if !rep.diagnostics.is_empty() {
        return None;
    }
    Some(Lesson {
        id: sanitize::inline(id).into_owned(),
        title: sanitize::inline(front.title.get_ref().trim()).into_owned(),
        minutes: front.minutes,
        quiz: front
            .quiz
            .map(|q| sanitize::inline(q.get_ref()).into_owned()),
        path: sanitize::inline(path).into_owned(),
        blocks: Vec::new(),
        block_lines: Vec::new(),
    })
}

/// `base` is the byte offset of `toml_text` in the file.
fn front_matter(rep: &mut Reporter, toml_text: &str, base: usize) -> Option<RawFrontMatter> {
    let front: RawFrontMatter = match toml::from_str(toml_text) {
        Ok(f) => f,
        Err(e) => {
            rep.toml_error(&e, base);
            return None;
        }
    };
    if front.title.get_ref().trim().is_empty() {
        rep.error_at(base + front.title.span().start, "`title` must not be empty");
    }
    if let Some(q) = &front.quiz {
        if !is_plain_id(q.get_ref()) {
            rep.error_at(
                base + q.span().start,
                "`quiz` names a file in quizzes/ without `.toml`: letters, digits, `-` and `_` only",
            );
        }
    }
    let quiz = front.quiz.map(|q| {
        let span = (base + q.span().start)..(base + q.span().end);
        Spanned::new(span, q.into_inner())
    });
    Some(RawFrontMatter { quiz, ..front })
}

/// An id usable as a file name: no path separators, no leading dot.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        && !id.starts_with('.')
}

/// `render FILE.md`: any markdown file, front matter or not. Never fails:
/// the title comes from the front matter, else the first heading, else the file name.
pub fn from_markdown_file(path: &str, text: &str) -> Lesson {
    let text = normalize_newlines(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (front, body, body_line) = match split(text) {
        Ok(Split {
            front,
            body,
            body_line,
        }) => (front, body, body_line),
        Err(()) => (None, text, 1),
    };
    let title = front.and_then(|(t, _)| toml::from_str::<RawFrontMatter>(t).ok());
    let parsed = markdown::parse(body, body_line);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let title = title
        .map(|f| f.title.into_inner())
        .or_else(|| first_heading(&parsed.blocks))
        .unwrap_or_else(|| name.to_owned());
    Lesson {
        id: sanitize::inline(name.trim_end_matches(".md")).into_owned(),
        title: sanitize::inline(&title).into_owned(),
        minutes: None,
        quiz: None,
        path: sanitize::inline(path).into_owned(),
        blocks: parsed.blocks,
        block_lines: parsed.block_lines,
    }
}

fn first_heading(blocks: &[crate::content::model::Block]) -> Option<String> {
    use crate::content::model::{Block, Inline};
    blocks.iter().find_map(|b| match b {
        Block::Heading { text, .. } => Some(
            text.iter()
                .map(|i| match i {
                    Inline::Text(r) => r.text.as_str(),
                    _ => " ",
                })
                .collect(),
        ),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
