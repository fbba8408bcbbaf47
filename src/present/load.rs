//! Loading the course for `present`: one function, [`course`]. Lessons and
//! quizzes go through the foundation's parsers (`content::lesson`,
//! `content::quizfile`); only the manifest is read here, until
//! `content::load::load_checked` lands on main and replaces this file with
//! one call. Any error stops the command before the terminal is touched.

use crate::content::diagnostics::Diagnostic;
use crate::content::lesson::parse_lesson;
use crate::content::model::Course;
use crate::content::quizfile::parse_quiz;
use crate::content::sanitize;
use crate::content::source::CourseSource;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Source(#[from] crate::content::source::SourceError),
    #[error("{0}: not valid UTF-8")]
    Utf8(String),
    #[error("course.toml: {0}")]
    Manifest(String),
    /// The first error found (run `validate` for all of them).
    #[error("{}\n(run `serverless-tutor validate` to see every problem)", .0.render())]
    Invalid(Box<Diagnostic>),
}

/// The course, or the first problem found.
pub fn course(source: &CourseSource) -> Result<Course, LoadError> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        id: String,
        title: String,
        version: String,
        lessons: Vec<String>,
    }
    let manifest: Manifest = toml::from_str(&text(source, "course.toml")?)
        .map_err(|e| LoadError::Manifest(sanitize::inline(e.message()).into_owned()))?;
    let clean = |s: &str| sanitize::inline(s).into_owned();
    let mut course = Course {
        id: clean(&manifest.id),
        title: clean(&manifest.title),
        version: clean(&manifest.version),
        lessons: Vec::new(),
        quizzes: Vec::new(),
    };
    for id in &manifest.lessons {
        let path = format!("lessons/{id}.md");
        let lesson = checked(parse_lesson(id, &path, &text(source, &path)?))?;
        if let Some(quiz_id) = lesson.quiz.as_deref() {
            if course.quiz(quiz_id).is_none() {
                let qpath = format!("quizzes/{quiz_id}.toml");
                let quiz = checked(parse_quiz(quiz_id, &qpath, &text(source, &qpath)?))?;
                course.quizzes.push(quiz);
            }
        }
        course.lessons.push(lesson);
    }
    Ok(course)
}

fn text(source: &CourseSource, rel: &str) -> Result<String, LoadError> {
    String::from_utf8(source.read(rel)?).map_err(|_| LoadError::Utf8(rel.to_owned()))
}

fn checked<T>((value, diagnostics): (Option<T>, Vec<Diagnostic>)) -> Result<T, LoadError> {
    if let Some(error) = diagnostics.into_iter().find(Diagnostic::is_error) {
        return Err(LoadError::Invalid(Box::new(error)));
    }
    value.ok_or_else(|| LoadError::Manifest("a file could not be read".into()))
}
