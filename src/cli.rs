//! The command line (clap derive) and dispatch to the commands. Every command
//! returns an [`ExitCode`] or an error; errors print as one line on stderr and
//! exit 2. Exit codes: 0 success, 1 the input is wrong, 2 usage or I/O error.

use crate::content::source::CourseSource;
use crate::theme::ThemeName;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// An interactive terminal tutorial that teaches serverless architecture.
#[derive(Debug, Parser)]
#[command(name = "serverless-tutor", version, about, long_about = None)]
pub struct Cli {
    /// Load the course from this directory instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,
    /// Where progress and exports are kept (default: the platform's data directory).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "SERVERLESS_TUTOR_DATA_DIR"
    )]
    pub data_dir: Option<PathBuf>,
    /// Colour theme (default: from config.toml, else dark; `present` defaults to high-contrast).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,
    /// Reload lessons and quizzes when their files change (with --course).
    #[arg(long)]
    pub watch: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Projector mode for workshops.
    Present(PresentArgs),
    /// Check a course and report every problem with file:line:col.
    Validate,
    /// Print a lesson (by id) or any markdown file, laid out for a width.
    Render(RenderArgs),
    /// Take a quiz.
    Quiz(QuizArgs),
    /// Export your quiz results.
    Export(ExportArgs),
    /// Merge many learners' exports into a class report.
    Report(ReportArgs),
    /// Scan JavaScript/TypeScript code for serverless red flags.
    Check(CheckArgs),
    /// Show (or reset) your progress.
    Progress(ProgressArgs),
}

#[derive(Debug, Args)]
pub struct PresentArgs {
    /// Start at this lesson.
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,
    /// Follow a running presentation and show its speaker notes.
    #[arg(long)]
    pub notes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A lesson id of the course, or a path to a markdown file.
    pub target: String,
    /// Width to lay out for (default: the terminal's, or 80 when piped).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub width: Option<u16>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// The quiz id (a file name in quizzes/ without .toml).
    pub quiz: String,
    /// Line mode on stdin/stdout (screen readers, scripts).
    #[arg(long)]
    pub plain: bool,
    /// Keep options in the authored order.
    #[arg(long)]
    pub no_shuffle: bool,
    /// Shuffle with this seed (reproducible order).
    #[arg(long)]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    #[default]
    Json,
    Csv,
    Md,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Output file; `-` or none: stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The learner's name (default: `name` in config.toml, else the user name).
    #[arg(long)]
    pub name: Option<String>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Export files, directories or glob patterns.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to scan (default: the current directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Clear all progress for this course (asks first).
    #[arg(long)]
    pub reset: bool,
    /// Do not ask before resetting.
    #[arg(long, short)]
    pub yes: bool,
}

/// What every command gets: resolved global options.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub source: CourseSource,
    pub data_dir: PathBuf,
    /// The theme asked for on the command line or in config; `None`: the mode's default.
    pub theme: Option<ThemeName>,
    pub config: crate::config::Config,
    pub watch: bool,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("serverless-tutor: error: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

/// An error chain as one line: `outer: inner: root`. A cause the message
/// above it already ends with (thiserror's `{source}` in the message) is not
/// repeated: `x: Is a directory (os error 21)`, not `...: Is a directory (os error 21)` twice.
fn one_line(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if text.is_empty() {
            text = part;
        } else if !text.ends_with(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
    }
    crate::content::sanitize::inline(&text).into_owned()
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = crate::config::Config::load();
    let ctx = Ctx {
        source: match &cli.course {
            Some(dir) => CourseSource::Dir(dir.clone()),
            None => CourseSource::Embedded,
        },
        data_dir: crate::config::data_dir(cli.data_dir.as_deref())?,
        theme: cli.theme.or(config.theme),
        config,
        watch: cli.watch,
    };
    use crate::commands as c;
    match cli.command {
        None => c::learn::run(&ctx),
        Some(Command::Present(a)) => c::present::run(&ctx, &a),
        Some(Command::Validate) => c::validate::run(&ctx),
        Some(Command::Render(a)) => c::render::run(&ctx, &a),
        Some(Command::Quiz(a)) => c::quiz::run(&ctx, &a),
        Some(Command::Export(a)) => c::export::run(&ctx, &a),
        Some(Command::Report(a)) => c::report::run(&ctx, &a),
        Some(Command::Check(a)) => c::check::run(&ctx, &a),
        Some(Command::Progress(a)) => c::progress::run(&ctx, &a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn one_line_does_not_repeat_a_cause_the_message_already_names() {
        let io = std::io::Error::other("Is a directory");
        let e = anyhow::Error::new(crate::persist::store::StoreError::Io {
            path: "p.json".into(),
            source: io,
        });
        assert_eq!(one_line(&e), "p.json: Is a directory");
        let e = anyhow::anyhow!("root").context("outer");
        assert_eq!(one_line(&e), "outer: root");
    }
}
