//! `serverless-tutor progress`: a summary of the learner's progress in the
//! course (lessons read, where they are, quiz scores), and `--reset`, which
//! asks before clearing this course's progress (`--yes` skips the question).

use crate::app::progress::quiz_score;
use crate::cli::{Ctx, ProgressArgs};
use crate::content::load::load_checked;
use crate::content::model::Course;
use crate::content::sanitize;
use crate::persist::progress::CourseProgress;
use crate::persist::store::ProgressStore;
use anyhow::Context;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    let course = match load_checked(&ctx.source) {
        Ok((course, _)) => course,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.render());
            }
            return Ok(ExitCode::from(1));
        }
    };
    if args.reset {
        let stdin = io::stdin();
        return reset(ctx, &course, args.yes, &mut stdin.lock(), &mut io::stdout());
    }
    let progress =
        ProgressStore::read_only(&ctx.data_dir).context("cannot read the progress file")?;
    let mine = progress
        .courses
        .get(&course.id)
        .cloned()
        .unwrap_or_default();
    print!("{}", summary(&course, &mine));
    Ok(ExitCode::SUCCESS)
}

fn reset(
    ctx: &Ctx,
    course: &Course,
    yes: bool,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if !yes {
        write!(
            out,
            "Clear all progress for \"{}\" (lessons read, positions, quiz attempts)? [y/N] ",
            course.title
        )?;
        out.flush()?;
        let mut answer = String::new();
        input.read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
            writeln!(out, "Nothing changed.")?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let opened = ProgressStore::open(&ctx.data_dir).context("cannot open the progress file")?;
    if let Some(notice) = opened.notice {
        writeln!(out, "{}", sanitize::inline(&notice))?;
    }
    opened
        .store
        .update(|p| {
            p.courses.remove(&course.id);
        })
        .context("cannot save the progress file")?;
    writeln!(out, "Progress for \"{}\" cleared.", course.title)?;
    Ok(ExitCode::SUCCESS)
}

/// The summary as printed (plain text, one lesson per line).
pub fn summary(course: &Course, progress: &CourseProgress) -> String {
    let read = course
        .lessons
        .iter()
        .filter(|l| progress.lessons.get(&l.id).is_some_and(|p| p.read))
        .count();
    let mut out = format!(
        "{} (version {})\nLessons read: {read}/{}\n",
        course.title,
        course.version,
        course.lessons.len()
    );
    if let Some(last) = progress
        .last_lesson
        .as_deref()
        .and_then(|id| course.lesson(id))
    {
        out.push_str(&format!("Last open: {}\n", last.title));
    }
    out.push('\n');
    for (i, lesson) in course.lessons.iter().enumerate() {
        let state = match progress.lessons.get(&lesson.id) {
            Some(p) if p.read => "✔ read   ",
            Some(_) => "▶ started",
            None => "  not yet",
        };
        let quiz = course
            .quiz_for(lesson)
            .map(|q| match quiz_score(progress, q) {
                Some((correct, total)) => format!("  quiz {correct}/{total}"),
                None => "  quiz not taken".to_owned(),
            })
            .unwrap_or_default();
        out.push_str(&format!("{state} {:>2}. {}{quiz}\n", i + 1, lesson.title));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::persist::progress::LessonProgress;

    #[test]
    fn summary_shows_read_started_and_quiz_scores() {
        let course = fixture::course();
        let mut p = CourseProgress {
            last_lesson: Some("02-lesson".into()),
            ..CourseProgress::default()
        };
        p.lessons.insert(
            "01-lesson".into(),
            LessonProgress {
                read: true,
                ..LessonProgress::default()
            },
        );
        p.lessons
            .insert("02-lesson".into(), LessonProgress::default());
        assert_eq!(
            summary(&course, &p),
            "From Express to serverless (version 0.1.0)\n\
             Lessons read: 1/3\n\
             Last open: State lives elsewhere\n\n\
             ✔ read     1. What broke when we moved  quiz not taken\n\
             ▶ started  2. State lives elsewhere\n  \
             not yet  3. Connections and cold starts, a much longer title than fits\n"
        );
    }
}
