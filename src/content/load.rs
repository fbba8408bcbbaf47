//! A whole course, through [`CourseSource`]: `course.toml`, every listed
//! lesson, every referenced quiz (and any other quiz file). Every problem is
//! collected, not just the first: a broken manifest still lets every lesson
//! and quiz file be checked.

use crate::content::diagnostics::Diagnostic;
use crate::content::lesson::{is_plain_id, parse_lesson_full, LessonParse};
use crate::content::model::{Course, Lesson, Quiz};
use crate::content::pool;
use crate::content::quizfile::parse_quiz;
use crate::content::report::Reporter;
use crate::content::sanitize;
use crate::content::source::{CourseSource, SourceError};
use serde::Deserialize;
use toml::Spanned;

/// The result of loading: the course when the manifest parsed, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub course: Option<Course>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawManifest {
    id: String,
    title: String,
    version: String,
    pub(super) lessons: Vec<Spanned<String>>,
}

impl RawManifest {
    /// The course this manifest describes, with its texts made safe.
    pub(super) fn into_course(self, lessons: Vec<Lesson>, quizzes: Vec<Quiz>) -> Course {
        Course {
            id: sanitize::inline(&self.id).into_owned(),
            title: sanitize::inline(&self.title).into_owned(),
            version: sanitize::inline(&self.version).into_owned(),
            lessons,
            quizzes,
        }
    }

    /// The course id as [`RawManifest::into_course`] gives it.
    pub(super) fn course_id(&self) -> String {
        sanitize::inline(&self.id).into_owned()
    }
}

/// Loads and validates everything; never fails, never panics.
pub fn load_course(source: &CourseSource) -> Loaded {
    let mut diagnostics = Vec::new();
    let manifest = read_manifest(source, &mut diagnostics);
    let listed: Vec<(String, Option<usize>)> = match &manifest {
        Some((m, _)) => m
            .lessons
            .iter()
            .map(|l| (l.get_ref().clone(), Some(l.span().start)))
            .collect(),
        // The manifest is broken: still check every lesson file there is.
        None => lesson_files(source)
            .into_iter()
            .map(|id| (id, None))
            .collect(),
    };
    let parsed = parse_files(source, &listed);
    check_course(source, manifest, listed, parsed, diagnostics)
}

/// A lesson file read and parsed (or why it could not be read, with the
/// diagnostics reading it produced).
type ParsedLesson = (Result<LessonParse, ReadFailure>, Vec<Diagnostic>);
/// A quiz file parsed: the quiz and its diagnostics.
type ParsedQuiz = (Option<Quiz>, Vec<Diagnostic>);

/// Every file the course checks will need, parsed ahead on two threads
/// ([`pool`]): the listed lessons that may be read and every quiz file.
struct ParsedFiles {
    lessons: Vec<(String, ParsedLesson)>,
    quizzes: Vec<(String, ParsedQuiz)>,
}

enum Parsed {
    Lesson(ParsedLesson),
    Quiz(ParsedQuiz),
}

fn parse_files(source: &CourseSource, listed: &[(String, Option<usize>)]) -> ParsedFiles {
    let mut lesson_ids: Vec<&str> = Vec::new();
    if !source.is_not_a_directory("lessons") {
        for (id, _) in listed {
            // Only what the checks below would read: never a path-like id.
            if is_plain_id(id) && !lesson_ids.contains(&id.as_str()) {
                lesson_ids.push(id);
            }
        }
    }
    let quiz_ids: Vec<String> = if source.is_not_a_directory("quizzes") {
        Vec::new()
    } else {
        source
            .list("quizzes")
            .iter()
            .filter_map(|p| p.strip_prefix("quizzes/")?.strip_suffix(".toml"))
            .map(str::to_owned)
            .collect()
    };
    let lesson_count = lesson_ids.len();
    let results = pool::run_all(lesson_count + quiz_ids.len(), |i| match lesson_ids.get(i) {
        Some(id) => Parsed::Lesson(read_and_parse_lesson(source, id)),
        None => Parsed::Quiz(parse_quiz_file(source, &quiz_ids[i - lesson_count])),
    });
    let mut files = ParsedFiles {
        lessons: Vec::new(),
        quizzes: Vec::new(),
    };
    let ids = lesson_ids.iter().map(|id| id.to_string()).chain(quiz_ids);
    for (id, result) in ids.zip(results) {
        match result {
            Parsed::Lesson(lesson) => files.lessons.push((id, lesson)),
            Parsed::Quiz(quiz) => files.quizzes.push((id, quiz)),
        }
    }
    files
}

fn read_and_parse_lesson(source: &CourseSource, id: &str) -> ParsedLesson {
    let path = format!("lessons/{id}.md");
    let mut diagnostics = Vec::new();
    let parsed =
        read_text(source, &path, &mut diagnostics).map(|text| parse_lesson_full(id, &path, &text));
    (parsed, diagnostics)
}

/// Takes the entry for `id` out of `parsed`, if it is there.
fn take<T>(parsed: &mut Vec<(String, T)>, id: &str) -> Option<T> {
    let i = parsed.iter().position(|(done, _)| done == id)?;
    Some(parsed.swap_remove(i).1)
}

fn parse_quiz_file(source: &CourseSource, id: &str) -> ParsedQuiz {
    let path = format!("quizzes/{id}.toml");
    let mut diagnostics = Vec::new();
    match read_text(source, &path, &mut diagnostics) {
        Ok(text) => {
            let (quiz, diags) = parse_quiz(id, &path, &text);
            diagnostics.extend(diags);
            (quiz, diagnostics)
        }
        Err(_) => (None, diagnostics),
    }
}

fn check_course(
    source: &CourseSource,
    manifest: Option<(RawManifest, String)>,
    listed: Vec<(String, Option<usize>)>,
    mut parsed: ParsedFiles,
    mut diagnostics: Vec<Diagnostic>,
) -> Loaded {
    let manifest_text = manifest.as_ref().map_or("", |(_, t)| t.as_str());
    let mut rep = Reporter::new("course.toml", manifest_text);
    let mut lessons = Vec::new();
    let mut quiz_refs: Vec<(String, String, (usize, usize))> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let lessons_dir_ok = directory_or_report(source, "lessons", &mut diagnostics);
    for (id, at) in &listed {
        let at = at.unwrap_or(0);
        if seen.contains(&id.as_str()) {
            let msg = format!(
                "duplicate lesson id `{}` in `lessons`",
                sanitize::inline(id)
            );
            rep.error_at(at, msg);
            continue;
        }
        seen.push(id);
        if !is_plain_id(id) {
            rep.error_at(at, format!("lesson id `{}` must be a file name in lessons/ without `.md`: letters, digits, `-` and `_` only", sanitize::inline(id)));
            continue;
        }
        if !lessons_dir_ok {
            continue;
        }
        let path = format!("lessons/{id}.md");
        let (read, read_diagnostics) =
            take(&mut parsed.lessons, id).unwrap_or_else(|| read_and_parse_lesson(source, id));
        diagnostics.extend(read_diagnostics);
        let parsed = match read {
            Ok(parsed) => parsed,
            Err(ReadFailure::NotFound) => {
                rep.error_at(
                    at,
                    format!("lesson `{id}` is listed but {path} does not exist"),
                );
                continue;
            }
            Err(ReadFailure::Reported) => continue,
        };
        diagnostics.extend(parsed.diagnostics);
        if let Some(lesson) = parsed.lesson {
            if let (Some(q), Some(pos)) = (&lesson.quiz, parsed.quiz_at) {
                quiz_refs.push((q.clone(), path.clone(), pos));
            }
            lessons.push(lesson);
        }
    }
    diagnostics.append(&mut rep.diagnostics);
    if manifest.is_some() {
        warn_unlisted(source, &seen, &mut diagnostics);
    }
    let quizzes = load_quizzes(source, &quiz_refs, parsed.quizzes, &mut diagnostics);
    let course = manifest.map(|(m, _)| m.into_course(lessons, quizzes));
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    Loaded {
        course,
        diagnostics,
    }
}

/// The course and its warnings, or every diagnostic when there is an error.
pub fn load_checked(source: &CourseSource) -> Result<(Course, Vec<Diagnostic>), Vec<Diagnostic>> {
    let loaded = load_course(source);
    match loaded.course {
        Some(course) if !loaded.has_errors() => Ok((course, loaded.diagnostics)),
        _ => Err(loaded.diagnostics),
    }
}

pub(super) fn read_manifest(
    source: &CourseSource,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(RawManifest, String)> {
    let text = match read_text(source, "course.toml", diagnostics) {
        Ok(t) => t,
        Err(ReadFailure::NotFound) => {
            diagnostics.push(Diagnostic::error(
                "course.toml",
                0,
                0,
                "file not found: a course directory needs a course.toml",
            ));
            return None;
        }
        Err(ReadFailure::Reported) => return None,
    };
    let text = crate::content::markdown::normalize_newlines(&text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
    let mut rep = Reporter::new("course.toml", &text);
    let manifest = match toml::from_str::<RawManifest>(&text) {
        Ok(m) => m,
        Err(e) => {
            rep.toml_error(&e, 0);
            diagnostics.append(&mut rep.diagnostics);
            return None;
        }
    };
    if manifest.lessons.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "course.toml",
            0,
            0,
            "`lessons` is empty: the course has no lessons",
        ));
    }
    Some((manifest, text))
}

/// `lessons/*.md` ids, sorted.
fn lesson_files(source: &CourseSource) -> Vec<String> {
    source
        .list("lessons")
        .iter()
        .filter_map(|p| {
            p.strip_prefix("lessons/")?
                .strip_suffix(".md")
                .map(str::to_owned)
        })
        .collect()
}

fn warn_unlisted(source: &CourseSource, listed: &[&str], diagnostics: &mut Vec<Diagnostic>) {
    for id in lesson_files(source) {
        if !listed.contains(&id.as_str()) {
            let path = sanitize::inline(&format!("lessons/{id}.md")).into_owned();
            diagnostics.push(Diagnostic::warning(
                &path,
                0,
                0,
                "not listed in course.toml `lessons`, so it is not part of the course",
            ));
        }
    }
}

/// Referenced quizzes first (in order of first use), then any other quiz file.
fn load_quizzes(
    source: &CourseSource,
    refs: &[(String, String, (usize, usize))],
    mut parsed: Vec<(String, ParsedQuiz)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Quiz> {
    if !directory_or_report(source, "quizzes", diagnostics) {
        return Vec::new();
    }
    let mut ids: Vec<String> = Vec::new();
    for (id, lesson_path, (line, col)) in refs {
        if ids.contains(id) {
            continue;
        }
        if !source.exists(&format!("quizzes/{id}.toml")) {
            let msg = format!("quiz `{id}` is referenced but quizzes/{id}.toml does not exist");
            diagnostics.push(
                Diagnostic::error(lesson_path, *line, *col, msg)
                    .with_source(&lesson_source(source, lesson_path)),
            );
            continue;
        }
        ids.push(id.clone());
    }
    for path in source.list("quizzes") {
        let id = path
            .strip_prefix("quizzes/")
            .and_then(|p| p.strip_suffix(".toml"));
        if let Some(id) = id.filter(|id| !ids.iter().any(|i| i == id)) {
            ids.push(id.to_owned());
        }
    }
    let mut quizzes = Vec::new();
    for id in ids {
        let parsed = take(&mut parsed, &id).unwrap_or_else(|| parse_quiz_file(source, &id));
        diagnostics.extend(parsed.1);
        quizzes.extend(parsed.0);
    }
    quizzes
}

/// False (after one error at `dir`) when `dir` is there but is not a
/// directory: otherwise every file listed in it fails on its own.
fn directory_or_report(
    source: &CourseSource,
    dir: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    if source.is_not_a_directory(dir) {
        diagnostics.push(Diagnostic::error(dir, 0, 0, "not a directory"));
        return false;
    }
    true
}

fn lesson_source(source: &CourseSource, path: &str) -> String {
    let bytes = source.read(path).unwrap_or_default();
    crate::content::markdown::normalize_newlines(&String::from_utf8_lossy(&bytes)).into_owned()
}

pub(super) enum ReadFailure {
    NotFound,
    /// A diagnostic was already pushed (too large, I/O error, not text).
    Reported,
}

/// Reads a file as text: not found is left to the caller (which knows
/// where the reference is); every other failure becomes a diagnostic.
pub(super) fn read_text(
    source: &CourseSource,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, ReadFailure> {
    let bytes = match source.read(path) {
        Ok(b) => b,
        Err(SourceError::NotFound { .. }) => return Err(ReadFailure::NotFound),
        Err(SourceError::TooLarge { size, limit, .. }) => {
            let msg = format!("file is too large ({size} bytes; the limit is {limit} bytes)");
            diagnostics.push(Diagnostic::error(&sanitize::inline(path), 0, 0, msg));
            return Err(ReadFailure::Reported);
        }
        Err(SourceError::Io { source, .. }) => {
            let msg = format!("cannot read the file: {source}");
            diagnostics.push(Diagnostic::error(&sanitize::inline(path), 0, 0, msg));
            return Err(ReadFailure::Reported);
        }
    };
    decode(path, bytes).map_err(|d| {
        diagnostics.push(*d);
        ReadFailure::Reported
    })
}

/// Bytes → text, or a diagnostic at the first bad byte: empty file, NUL
/// byte, invalid UTF-8. Valid bytes become the text as they are: a
/// megabyte lesson is neither copied nor checked for UTF-8 twice before
/// parsing begins.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    let path = sanitize::inline(path);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Box::new(Diagnostic::error(&path, 0, 0, "file is empty")));
    }
    // simdutf8 checks a megabyte in a tenth of the time `str::from_utf8`
    // takes on text with many non-ASCII characters, before the parsing
    // threads can start.
    if simdutf8::basic::from_utf8(&bytes).is_ok() && memchr::memchr(0, &bytes).is_none() {
        // SAFETY: simdutf8 has just found the bytes to be valid UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    Err(Box::new(undecodable(&path, &bytes)))
}

/// Where and why `bytes` are not text: the first NUL byte in the valid
/// UTF-8 prefix, else the first invalid byte.
fn undecodable(path: &str, bytes: &[u8]) -> Diagnostic {
    let valid_len = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let valid = std::str::from_utf8(&bytes[..valid_len]).unwrap_or_default();
    let (offset, message) = match valid.find('\0') {
        Some(at) => (
            at,
            "file contains a NUL byte (is it a binary file?)".to_owned(),
        ),
        None => (
            valid.len(),
            format!(
                "invalid UTF-8: byte 0x{:02X} (save the file as UTF-8)",
                bytes.get(valid_len).copied().unwrap_or_default()
            ),
        ),
    };
    let (line, col) = crate::content::diagnostics::line_col(valid, offset);
    Diagnostic::error(path, line, col, message).with_source(valid)
}

#[cfg(test)]
mod tests;
