//! Loading the course for `present`: the foundation's
//! `content::load::load_checked`, with its errors turned into one message
//! (every error, then a count) so the command stops before the terminal is
//! touched. Warnings are `validate`'s business and are not shown here.

use crate::content::diagnostics::Diagnostic;
use crate::content::load::load_checked;
use crate::content::model::Course;
use crate::content::source::CourseSource;

#[derive(Debug, thiserror::Error)]
#[error("the course has {count} error(s):\n{text}")]
pub struct LoadError {
    pub count: usize,
    pub text: String,
}

/// The course, or every error found in it.
pub fn course(source: &CourseSource) -> Result<Course, LoadError> {
    match load_checked(source) {
        Ok((course, _warnings)) => Ok(course),
        Err(diagnostics) => {
            let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
            Err(LoadError {
                count: errors.len(),
                text: errors
                    .iter()
                    .map(|d| d.render())
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
        }
    }
}
