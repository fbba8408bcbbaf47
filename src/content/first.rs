//! A course good enough for the first frame, ready before the whole course
//! is: the manifest, every lesson's front matter (the lesson list needs
//! titles and minutes), and in full only the lesson the learner opens on.
//! No quizzes.
//!
//! Only for the embedded course, which the test suite validates
//! (`tests/course.rs`): the learner app draws its first frame from this
//! while [`load_checked`](super::load::load_checked) loads everything on
//! another thread, and swaps the whole course in before it handles any
//! input. A course from `--course DIR` is always validated in full before
//! the terminal is touched.

use super::diagnostics::Diagnostic;
use super::lesson::{is_plain_id, parse_front_matter_only, parse_lesson_full};
use super::load::{read_manifest, read_text};
use super::model::Course;
use super::source::CourseSource;

/// The course with only the lesson `open` names (given the course id; else
/// the first lesson) parsed in full. `None` at the first sign of a
/// problem: the caller then loads and validates everything before going on.
pub fn load_first(
    source: &CourseSource,
    open: impl FnOnce(&str) -> Option<String>,
) -> Option<Course> {
    let mut ignored: Vec<Diagnostic> = Vec::new();
    let (manifest, _) = read_manifest(source, &mut ignored)?;
    let ids: Vec<&str> = manifest
        .lessons
        .iter()
        .map(|l| l.get_ref().as_str())
        .collect();
    let wanted = open(&manifest.course_id());
    let open = wanted
        .as_deref()
        .filter(|id| ids.contains(id))
        .or(ids.first().copied())?;
    let mut lessons = Vec::with_capacity(ids.len());
    for id in ids {
        if !is_plain_id(id) {
            return None;
        }
        let path = format!("lessons/{id}.md");
        let text = read_text(source, &path, &mut ignored).ok()?;
        let lesson = if id == open {
            let parsed = parse_lesson_full(id, &path, &text);
            if parsed.diagnostics.iter().any(Diagnostic::is_error) {
                return None;
            }
            parsed.lesson?
        } else {
            parse_front_matter_only(id, &path, &text)?
        };
        lessons.push(lesson);
    }
    Some(manifest.into_course(lessons, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::load_checked;

    #[test]
    fn the_opened_lesson_and_every_title_match_the_full_course() {
        let (full, _) = load_checked(&CourseSource::Embedded).expect("embedded course is valid");
        for open in [
            None,
            Some(full.lessons[3].id.as_str()),
            Some("no-such-lesson"),
        ] {
            let first = load_first(&CourseSource::Embedded, |id| {
                assert_eq!(id, full.id);
                open.map(str::to_owned)
            })
            .expect("first");
            assert_eq!((&first.id, &first.title), (&full.id, &full.title));
            assert_eq!(first.lessons.len(), full.lessons.len());
            let opened = open
                .and_then(|id| full.lesson(id))
                .unwrap_or(&full.lessons[0]);
            for (a, b) in first.lessons.iter().zip(&full.lessons) {
                assert_eq!(
                    (&a.id, &a.title, a.minutes, &a.quiz),
                    (&b.id, &b.title, b.minutes, &b.quiz)
                );
                if a.id == opened.id {
                    assert_eq!(a, b);
                } else {
                    assert!(a.blocks.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_broken_course_gives_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("course.toml"), "id = [").expect("write");
        assert!(load_first(&CourseSource::Dir(dir.path().to_owned()), |_| None).is_none());
    }
}
