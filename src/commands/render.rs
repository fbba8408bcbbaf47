//! `render <LESSON-ID | FILE.md>`: prints a lesson (or any markdown file)
//! laid out for a width: ANSI colours with `--color always` (or `auto` on a
//! terminal without `NO_COLOR`), plain text otherwise. Width: `--width`, else
//! the terminal's, else 80. A terminal markdown viewer, and the plain way to
//! read a lesson.

use crate::cli::{ColorChoice, Ctx, RenderArgs};
use crate::content::model::Lesson;
use crate::content::{lesson, load, sanitize};
use crate::layout::{ansi, layout_lesson, LayoutOptions};
use crate::theme::Theme;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Width used when stdout is not a terminal and none was given.
pub const PIPED_WIDTH: u16 = 80;
/// Bigger markdown files are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is larger than {max} MB")]
    TooBig { path: String, max: u64 },
    #[error("no lesson `{0}` in the course (and no such file)")]
    NoLesson(String),
    #[error("{path} is {what}: give a markdown file or a lesson id")]
    NotAFile { path: String, what: &'static str },
    #[error("the course does not validate ({0} errors); run `serverless-tutor validate`")]
    Invalid(usize),
}

pub fn run(ctx: &Ctx, args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let lesson = load_target(ctx, &args.target)?;
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let color = use_colour(args.color, tty);
    let width = args.width.unwrap_or_else(|| terminal_width(tty));
    let opts = LayoutOptions {
        width,
        theme: Theme::new(ctx.theme.unwrap_or_default(), color),
        highlight: color,
    };
    let text = render_lesson(&lesson, &opts, color);
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

/// The whole output for a lesson: laid-out lines as ANSI or plain text.
pub fn render_lesson(lesson: &Lesson, opts: &LayoutOptions, color: bool) -> String {
    let laid = layout_lesson(lesson, opts);
    ansi::to_text(&laid.lines, color)
}

/// A path to a markdown file (it exists, or ends in `.md`), else a lesson id.
fn load_target(ctx: &Ctx, target: &str) -> Result<Lesson, RenderError> {
    let path = Path::new(target);
    if path.is_file() || target.ends_with(".md") || target.ends_with(".markdown") {
        return read_markdown(path);
    }
    match lesson_by_id(ctx, target) {
        // Something by that name exists but cannot be rendered: say what it
        // is rather than "no such file".
        Err(RenderError::NoLesson(_)) if let Some(err) = not_a_file(path) => Err(err),
        other => other,
    }
}

/// The error for a path that exists but is not a regular file (a
/// directory, a device, a socket); `None` for a file or a missing path.
fn not_a_file(path: &Path) -> Option<RenderError> {
    let meta = std::fs::metadata(path).ok()?;
    let what = if meta.is_dir() {
        "a directory"
    } else if meta.is_file() {
        return None;
    } else {
        "not a regular file"
    };
    Some(RenderError::NotAFile {
        path: sanitize::inline(&path.display().to_string()).into_owned(),
        what,
    })
}

/// A lesson of the course by id (the course must validate).
fn lesson_by_id(ctx: &Ctx, id: &str) -> Result<Lesson, RenderError> {
    let (course, _warnings) =
        load::load_checked(&ctx.source).map_err(|errors| RenderError::Invalid(errors.len()))?;
    course
        .lesson(id)
        .cloned()
        .ok_or_else(|| RenderError::NoLesson(sanitize::inline(id).into_owned()))
}

fn read_markdown(path: &Path) -> Result<Lesson, RenderError> {
    let shown = sanitize::inline(&path.display().to_string()).into_owned();
    let read_err = |source| RenderError::Read {
        path: shown.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    // A FIFO named `x.md` is read like `cat` would; a directory cannot be.
    if meta.is_dir() {
        return Err(RenderError::NotAFile {
            path: shown,
            what: "a directory",
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(RenderError::TooBig {
            path: shown,
            max: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(lesson::from_markdown_file(&shown, &text))
}

fn use_colour(choice: ColorChoice, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn terminal_width(tty: bool) -> u16 {
    if !tty {
        return PIPED_WIDTH;
    }
    ratatui::crossterm::terminal::size()
        .map(|(w, _)| w.clamp(1, 1000))
        .unwrap_or(PIPED_WIDTH)
}
