//! `validate`: load the course (embedded or `--course DIR`), run every check,
//! print each diagnostic (`path:line:col: error: message`, the source line
//! and a caret) and a count on stdout. Exit 0 when there is no error (a
//! one-line summary), 1 when there is any, 2 when the directory cannot be read.

use crate::cli::Ctx;
use crate::content::diagnostics::Diagnostic;
use crate::content::load::load_course;
use crate::content::model::{Course, QuestionKind};
use crate::content::source::CourseSource;
use anyhow::Context;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if let CourseSource::Dir(dir) = &ctx.source {
        std::fs::read_dir(dir).with_context(|| {
            let shown = crate::content::sanitize::inline(&dir.display().to_string()).into_owned();
            format!("cannot read the course directory {shown}")
        })?;
    }
    let report = validate(&ctx.source);
    let mut out = std::io::stdout().lock();
    out.write_all(report.text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::from(if report.ok { 0 } else { 1 }))
}

/// For every other command: the validated course, or (after printing its
/// errors on stderr, with a hint to run `validate`) exit code 1. Warnings
/// are not printed here: `validate` shows them.
pub fn course_or_exit(ctx: &Ctx) -> Result<Course, ExitCode> {
    if let CourseSource::Dir(dir) = &ctx.source {
        if let Err(e) = std::fs::read_dir(dir) {
            let shown = crate::content::sanitize::inline(&dir.display().to_string()).into_owned();
            eprintln!("serverless-tutor: error: cannot read the course directory {shown}: {e}");
            return Err(ExitCode::from(2));
        }
    }
    match crate::content::load::load_checked(&ctx.source) {
        Ok((course, _warnings)) => Ok(course),
        Err(diagnostics) => {
            let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
            for d in &errors {
                eprintln!("{}\n", d.render());
            }
            eprintln!(
                "serverless-tutor: error: the course has {}; `serverless-tutor validate` lists every problem",
                plural(errors.len().max(1), "error")
            );
            Err(ExitCode::from(1))
        }
    }
}

/// What `validate` prints and whether the course is free of errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub text: String,
    pub ok: bool,
}

/// Loads, checks and formats; pure apart from reading the course files.
pub fn validate(source: &CourseSource) -> Report {
    let mut loaded = load_course(source);
    if let Some(course) = &loaded.course {
        loaded.diagnostics.extend(course_checks(course));
        loaded
            .diagnostics
            .sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    }
    let mut text = String::new();
    for d in &loaded.diagnostics {
        text.push_str(&d.render());
        text.push_str("\n\n");
    }
    let (errors, warnings) = (loaded.error_count(), loaded.warning_count());
    let ok = errors == 0 && loaded.course.is_some();
    match (&loaded.course, ok) {
        (Some(course), true) => {
            text.push_str(&summary(course, warnings));
            text.push('\n');
        }
        _ => {
            text.push_str(&format!(
                "{}, {}\n",
                plural(errors, "error"),
                plural(warnings, "warning")
            ));
        }
    }
    Report { text, ok }
}

/// Course-level checks beyond parsing, run on a course that loaded: the
/// red-flag checker proves every `fails`/`works` key (errors), and the
/// projector reports slides that overflow 120×35 (warnings). Further
/// course-wide checks plug in here.
pub fn course_checks(course: &Course) -> Vec<Diagnostic> {
    let mut out = crate::check::keys::verify_course(course);
    out.extend(crate::present::overflow::warnings(course));
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `course <id> v<version>: N lessons, M questions (a choice, ...) — no problems`.
pub fn summary(course: &Course, warnings: usize) -> String {
    let questions: Vec<&QuestionKind> = course
        .quizzes
        .iter()
        .flat_map(|q| q.questions.iter().map(|q| &q.kind))
        .collect();
    let by_type: Vec<String> = ["choice", "verdict", "compare", "placement"]
        .iter()
        .map(|t| (t, questions.iter().filter(|k| k.type_name() == *t).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{n} {t}"))
        .collect();
    let breakdown = if by_type.is_empty() {
        String::new()
    } else {
        format!(" ({})", by_type.join(", "))
    };
    let verdict = if warnings == 0 {
        "no problems".to_owned()
    } else {
        format!("no errors, {}", plural(warnings, "warning"))
    };
    format!(
        "course {} v{}: {}, {}{} — {verdict}",
        course.id,
        course.version,
        plural(course.lessons.len(), "lesson"),
        plural(questions.len(), "question"),
        breakdown,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn ctx(dir: &str) -> Ctx {
        Ctx {
            source: CourseSource::Dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)),
            data_dir: std::env::temp_dir(),
            theme: None,
            config: crate::config::Config::default(),
            watch: false,
        }
    }

    #[test]
    fn course_or_exit_gives_the_course_or_exit_1_or_2() {
        let course = course_or_exit(&ctx("tests/fixtures/good")).expect("good fixture");
        assert_eq!(course.lessons.len(), 2);
        assert_eq!(
            course_or_exit(&ctx("tests/fixtures/broken/unknown-reason")).err(),
            Some(ExitCode::from(1))
        );
        assert_eq!(
            course_or_exit(&ctx("tests/fixtures/no-such-dir")).err(),
            Some(ExitCode::from(2))
        );
    }

    #[test]
    fn summary_counts_questions_by_type() {
        let report = validate(&ctx("tests/fixtures/good").source);
        assert!(report.ok);
        assert_eq!(
            report.text,
            "course fixture v1.0.0: 2 lessons, 5 questions (1 choice, 2 verdict, 1 compare, 1 placement) — no problems\n"
        );
    }
}
