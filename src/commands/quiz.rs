//! `quiz <QUIZ-ID> [--plain] [--no-shuffle] [--seed N]`: a quiz in line mode
//! on stdin/stdout (`--plain`), or in the TUI (`commands::learn::run_quiz`). The edge of `quiz::plain`:
//! loads the course, picks the seed, records each attempt in progress.

use crate::cli::{Ctx, QuizArgs};
use crate::content::load::load_checked;
use crate::content::model::{Course, Quiz};
use crate::content::sanitize;
use crate::persist::store::{Opened, ProgressStore};
use crate::quiz::plain::{self, PlainOptions};
use crate::quiz::record;
use anyhow::Context;
use std::io;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: &QuizArgs) -> anyhow::Result<ExitCode> {
    let seed = choose_seed(args);
    if !args.plain {
        return run_tui(ctx, &args.quiz, seed);
    }
    let (course_id, quiz) = match load_quiz(ctx, &args.quiz) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    run_plain(ctx, &course_id, &quiz, seed)
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

fn run_plain(
    ctx: &Ctx,
    course_id: &str,
    quiz: &Quiz,
    seed: Option<u64>,
) -> anyhow::Result<ExitCode> {
    let Opened {
        store,
        progress,
        notice,
    } = ProgressStore::open(&ctx.data_dir)?;
    if let Some(notice) = notice {
        eprintln!("serverless-tutor: {}", sanitize::inline(&notice));
    }
    let opts = PlainOptions {
        seed,
        prior_attempts: record::attempt_counts(&progress, course_id, &quiz.id),
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let run = plain::run_with(
        quiz,
        stdin.lock(),
        stdout.lock(),
        &opts,
        |question_id, attempt| {
            record::save_attempt(&store, course_id, &quiz.id, question_id, attempt)
                .map(|_| ())
                .map_err(io::Error::other)
        },
    );
    match run {
        Ok(_) => {}
        // The reader went away (`| head`): what was answered is saved; stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e).context("quiz"),
    }
    for notice in store.take_notices() {
        eprintln!("serverless-tutor: {}", sanitize::inline(&notice));
    }
    Ok(ExitCode::SUCCESS)
}

/// The TUI on this quiz (the learner app opened on it; leaving the quiz quits).
fn run_tui(ctx: &Ctx, quiz_id: &str, seed: Option<u64>) -> anyhow::Result<ExitCode> {
    crate::commands::learn::run_quiz(ctx, quiz_id, seed)
}

/// The course id and the quiz `quiz_id`, from the whole validated course;
/// on failure the problem is printed and the exit code returned (1: the
/// course is invalid, 2: no such quiz).
fn load_quiz(ctx: &Ctx, quiz_id: &str) -> Result<(String, Quiz), ExitCode> {
    let course = match load_checked(&ctx.source) {
        Ok((course, _warnings)) => course,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}\n", d.render());
            }
            let n = diagnostics.len();
            let s = if n == 1 { "" } else { "s" };
            eprintln!("serverless-tutor: error: the course has {n} problem{s} (see `validate`)");
            return Err(ExitCode::from(1));
        }
    };
    match course.quiz(quiz_id) {
        Some(quiz) => Ok((course.id.clone(), quiz.clone())),
        None => {
            eprintln!("{}", unknown_quiz(&course, quiz_id));
            Err(ExitCode::from(2))
        }
    }
}

fn unknown_quiz(course: &Course, id: &str) -> String {
    let id = sanitize::inline(id);
    let ids: Vec<&str> = course.quizzes.iter().map(|q| q.id.as_str()).collect();
    if ids.is_empty() {
        format!("serverless-tutor: error: unknown quiz \"{id}\": this course has no quizzes")
    } else {
        format!(
            "serverless-tutor: error: unknown quiz \"{id}\" (quizzes: {})",
            ids.join(", ")
        )
    }
}
