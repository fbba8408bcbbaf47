//! `export`: the learner's results as JSON (default), CSV or a Markdown report
//! card, to stdout or a file (atomic; an existing file needs `--force`).
//!
//! The progress is read without locking or moving anything: a damaged
//! progress file is an error here, and the learner app moves it aside.

use crate::cli::*;
use crate::content::model::Course;
use crate::content::sanitize;
use crate::persist::export::{build_export, learner_name, render, ExportMeta};
use crate::persist::output::{write_output, Written};
use crate::persist::store::ProgressStore;
use anyhow::Context;
use chrono::{DateTime, SubsecRound, Utc};
use std::process::ExitCode;

/// Set to an RFC 3339 time to fix `exported_at` (reproducible test output).
pub const NOW_ENV: &str = "SERVERLESS_TUTOR_NOW";

pub fn run(ctx: &Ctx, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let course = match load_course(ctx) {
        Ok(course) => course,
        Err(code) => return Ok(code),
    };
    let progress = ProgressStore::read_only(&ctx.data_dir).context(
        "cannot read the progress (open serverless-tutor once to move a damaged file aside)",
    )?;
    let course_progress = progress
        .courses
        .get(&course.id)
        .cloned()
        .unwrap_or_default();
    let meta = ExportMeta {
        learner: learner_name(args.name.as_deref(), ctx.config.name.as_deref()),
        exported_at: now()?,
    };
    let export = build_export(&course, &course_progress, &meta);
    let text = render(&export, args.format);
    if let Written::File(path) = write_output(args.out.as_deref(), &text, args.force)? {
        let shown = path.display().to_string();
        eprintln!("wrote {}", sanitize::inline(&shown));
    }
    Ok(ExitCode::SUCCESS)
}

/// The current time, or the one fixed by [`NOW_ENV`].
pub fn now() -> anyhow::Result<DateTime<Utc>> {
    match std::env::var(NOW_ENV) {
        Ok(text) => DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .with_context(|| format!("{NOW_ENV} is not an RFC 3339 time")),
        // Whole seconds: nobody needs nanoseconds in a hand-in file.
        Err(_) => Ok(Utc::now().trunc_subsecs(0)),
    }
}

/// The course, validated; an invalid course prints its diagnostics and exits 1.
pub fn load_course(ctx: &Ctx) -> Result<Course, ExitCode> {
    match crate::content::load::load_checked(&ctx.source) {
        Ok((course, _warnings)) => Ok(course),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.render());
            }
            eprintln!(
                "serverless-tutor: error: the course is not valid ({} problem(s)); nothing exported",
                diagnostics.len()
            );
            Err(ExitCode::from(1))
        }
    }
}
