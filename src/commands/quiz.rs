//! `quiz <QUIZ-ID> [--plain] [--no-shuffle] [--seed N]`: a quiz in line mode
//! on stdin/stdout (`--plain`), or in the TUI. The edge of `quiz::plain`:
//! loads the course, picks the seed, records each attempt in progress.

use crate::cli::{Ctx, QuizArgs};
use crate::content::model::{Course, Quiz};
use crate::persist::progress::{Attempt, Progress};
use crate::quiz::plain::{self, PlainOptions};
use crate::quiz::record;
use anyhow::Context;
use std::io;
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: &QuizArgs) -> anyhow::Result<ExitCode> {
    let seed = choose_seed(args);
    if !args.plain {
        return run_tui(ctx, &args.quiz, seed);
    }
    let course = match load_course(ctx) {
        Ok(course) => course,
        Err(code) => return Ok(code),
    };
    let Some(quiz) = course.quiz(&args.quiz) else {
        eprintln!("{}", unknown_quiz(&course, &args.quiz));
        return Ok(ExitCode::from(2));
    };
    run_plain(ctx, &course, quiz, seed)
}

/// `--no-shuffle` wins over `--seed`; with neither, a fresh random seed
/// (recorded with every attempt, so the order can be replayed).
fn choose_seed(args: &QuizArgs) -> Option<u64> {
    if args.no_shuffle {
        None
    } else {
        Some(args.seed.unwrap_or_else(|| fastrand::u64(..)))
    }
}

fn unknown_quiz(course: &Course, id: &str) -> String {
    let ids: Vec<&str> = course.quizzes.iter().map(|q| q.id.as_str()).collect();
    let id = crate::content::sanitize::inline(id);
    if ids.is_empty() {
        format!("serverless-tutor: error: unknown quiz \"{id}\": this course has no quizzes")
    } else {
        format!(
            "serverless-tutor: error: unknown quiz \"{id}\" (quizzes: {})",
            ids.join(", ")
        )
    }
}

fn run_plain(
    ctx: &Ctx,
    course: &Course,
    quiz: &Quiz,
    seed: Option<u64>,
) -> anyhow::Result<ExitCode> {
    let progress = open_progress(&ctx.data_dir)?;
    let opts = PlainOptions {
        seed,
        prior_attempts: record::attempt_counts(&progress, &course.id, &quiz.id),
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    plain::run_with(
        quiz,
        stdin.lock(),
        stdout.lock(),
        &opts,
        |question_id, attempt| {
            save_attempt(&ctx.data_dir, &course.id, &quiz.id, question_id, attempt)
                .map_err(|e| io::Error::other(format!("{e:#}")))
        },
    )
    .context("quiz")?;
    Ok(ExitCode::SUCCESS)
}

/// The TUI on this quiz, when the TUI provides it.
fn run_tui(_ctx: &Ctx, quiz_id: &str, _seed: Option<u64>) -> anyhow::Result<ExitCode> {
    let id = crate::content::sanitize::inline(quiz_id);
    eprintln!(
        "serverless-tutor: error: the interactive quiz is not available in this build; use `serverless-tutor quiz {id} --plain`"
    );
    Ok(ExitCode::from(2))
}

/// The whole course, validated; on errors they are printed and the exit code returned.
fn load_course(ctx: &Ctx) -> Result<Course, ExitCode> {
    let _ = ctx;
    eprintln!("serverless-tutor: error: loading a course is not available in this build yet");
    Err(ExitCode::from(2))
}

// ---- progress: swapped for `persist::store::ProgressStore` when it lands ----

const PROGRESS_FILE: &str = "progress.json";

fn open_progress(data_dir: &Path) -> anyhow::Result<Progress> {
    let path = data_dir.join(PROGRESS_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not a readable progress file", path.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Progress::default()),
        Err(e) => Err(e).with_context(|| format!("{}", path.display())),
    }
}

fn save_attempt(
    data_dir: &Path,
    course_id: &str,
    quiz_id: &str,
    question_id: &str,
    attempt: &Attempt,
) -> anyhow::Result<()> {
    let mut progress = open_progress(data_dir)?;
    record::add_attempt(
        &mut progress,
        course_id,
        quiz_id,
        question_id,
        attempt.clone(),
    );
    std::fs::create_dir_all(data_dir).with_context(|| format!("{}", data_dir.display()))?;
    let json = serde_json::to_vec_pretty(&progress)?;
    let mut tmp = tempfile::NamedTempFile::new_in(data_dir)?;
    io::Write::write_all(&mut tmp, &json)?;
    tmp.as_file().sync_all()?;
    tmp.persist(data_dir.join(PROGRESS_FILE))
        .map_err(|e| e.error)
        .context("saving progress")?;
    Ok(())
}
