//! `quiz <QUIZ-ID> [--plain] [--no-shuffle] [--seed N]`: a quiz in line mode
//! on stdin/stdout (`--plain`), or in the TUI. The edge of `quiz::plain`:
//! loads the course, picks the seed, records each attempt in progress.

use crate::cli::{Ctx, QuizArgs};
use crate::content::diagnostics::Severity;
use crate::content::lesson::is_plain_id;
use crate::content::model::Quiz;
use crate::content::quizfile::parse_quiz;
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

/// The TUI on this quiz, when the TUI provides it.
fn run_tui(_ctx: &Ctx, quiz_id: &str, _seed: Option<u64>) -> anyhow::Result<ExitCode> {
    let id = sanitize::inline(quiz_id);
    eprintln!(
        "serverless-tutor: error: the interactive quiz is not available in this build; use `serverless-tutor quiz {id} --plain`"
    );
    Ok(ExitCode::from(2))
}

// ---- loading: swapped for `content::load::load_checked` when it lands ----

/// The course id and the quiz `quiz_id`; on failure the problem is printed
/// and the exit code returned (1: the course is wrong, 2: no such quiz).
fn load_quiz(ctx: &Ctx, quiz_id: &str) -> Result<(String, Quiz), ExitCode> {
    let shown = sanitize::inline(quiz_id).into_owned();
    let fail = |msg: String, code: u8| {
        eprintln!("serverless-tutor: error: {}", sanitize::inline(&msg));
        ExitCode::from(code)
    };
    let manifest = ctx
        .source
        .read("course.toml")
        .map_err(|e| fail(e.to_string(), 2))?;
    let course_id = String::from_utf8_lossy(&manifest)
        .parse::<toml::Table>()
        .ok()
        .and_then(|t| t.get("id").and_then(|v| v.as_str()).map(str::to_owned))
        .ok_or_else(|| fail("course.toml: no course id (run `validate`)".into(), 1))?;
    if !is_plain_id(quiz_id) {
        return Err(fail(format!("unknown quiz \"{shown}\""), 2));
    }
    let path = format!("quizzes/{quiz_id}.toml");
    let bytes = ctx
        .source
        .read(&path)
        .map_err(|_| fail(format!("unknown quiz \"{shown}\" (no {path})"), 2))?;
    let text = String::from_utf8_lossy(&bytes);
    let (quiz, diagnostics) = parse_quiz(quiz_id, &path, &text);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    match quiz {
        Some(quiz) if errors.is_empty() => Ok((course_id, quiz)),
        _ => {
            for d in errors {
                eprintln!("{}", d.render());
            }
            Err(fail(format!("{path} is not valid (run `validate`)"), 1))
        }
    }
}
