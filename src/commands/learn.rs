//! `serverless-tutor` (no command): the learner's TUI, and `quiz ID` without
//! `--plain` ([`run_quiz`]). Everything fallible happens before the terminal
//! is touched: the course is loaded and validated (errors print and exit 1
//! without raw mode), the progress file is opened. Then the terminal session
//! starts and `tui::run` takes over; this file is its edge (the store, the
//! watcher, exports).

use crate::app::{self, progress::apply_lesson_save, LessonSave, Msg, State};
use crate::cli::Ctx;
use crate::content::diagnostics::Diagnostic;
use crate::content::first::load_first;
use crate::content::load::load_checked;
use crate::content::model::Course;
use crate::content::source::CourseSource;
use crate::persist::export::{export_to_dir, learner_name};
use crate::persist::progress::Attempt;
use crate::persist::store::{Opened, ProgressStore};
use crate::quiz::record;
use crate::term::background;
use crate::term::TerminalSession;
use crate::theme::Theme;
use crate::tui::{self, Edge, Ending};
use crate::watch::CourseWatcher;
use anyhow::Context;
use ratatui::layout::Rect;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(ctx: &Ctx) -> anyhow::Result<ExitCode> {
    run_session(ctx, None)
}

/// `serverless-tutor quiz ID` (without `--plain`): the TUI opened on that
/// quiz; leaving the quiz quits. `seed`: the shuffle seed (`None`: authored order).
pub fn run_quiz(ctx: &Ctx, quiz_id: &str, seed: Option<u64>) -> anyhow::Result<ExitCode> {
    run_session(
        ctx,
        Some(QuizStart {
            id: quiz_id.to_owned(),
            seed,
        }),
    )
}

struct QuizStart {
    id: String,
    seed: Option<u64>,
}

fn run_session(ctx: &Ctx, quiz: Option<QuizStart>) -> anyhow::Result<ExitCode> {
    let watch_dir = match (&ctx.source, ctx.watch) {
        (CourseSource::Dir(dir), true) => Some(dir.clone()),
        (CourseSource::Embedded, true) => {
            eprintln!(
                "serverless-tutor: --watch needs --course DIR (the embedded course never changes)"
            );
            return Ok(ExitCode::from(2));
        }
        (_, false) => None,
    };
    let (course, opened, loading) = match open_course(ctx, quiz.is_none())? {
        Ok(opening) => opening,
        Err(code) => return Ok(code),
    };
    if let Some(start) = &quiz {
        if course.quiz(&start.id).is_none() {
            eprintln!(
                "serverless-tutor: error: unknown quiz \"{}\"",
                crate::content::sanitize::inline(&start.id)
            );
            return Ok(ExitCode::from(2));
        }
    }
    let watcher = watch_dir
        .map(|dir| CourseWatcher::start(&dir))
        .transpose()?;
    let progress = opened
        .progress
        .courses
        .get(&course.id)
        .cloned()
        .unwrap_or_default();
    // Without a theme asked for, guess now and ask the terminal with the
    // first frame (`term::background`); without colours, never mind.
    let theme = Theme::from_env(ctx.theme.unwrap_or_else(background::first_guess));
    let ask_background = ctx.theme.is_none() && theme.color;
    let mut edge = StoreEdge {
        store: opened.store,
        course_id: course.id.clone(),
        source: ctx.source.clone(),
        watcher,
        learner: learner_name(None, ctx.config.name.as_deref()),
        loading,
    };

    let mut session = TerminalSession::enter()?;
    let size = session.terminal().size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    let mut state = State::new(course, theme, progress, area);
    if let Some(notice) = opened.notice {
        app::update(&mut state, Msg::Notice(notice));
    }
    if let Some(start) = quiz {
        state.quiz_only = true;
        let now = Instant::now();
        app::update(
            &mut state,
            Msg::StartQuiz {
                quiz_id: start.id,
                seed: start.seed,
                now,
            },
        );
    }
    let ending = tui::run(&mut session, &mut state, &mut edge, ask_background);
    // Restore the terminal before anything is printed. The process ends
    // now: freeing a big course piece by piece (tens of milliseconds for a
    // megabyte lesson) would only delay the prompt.
    drop(session);
    std::mem::forget(state);
    match ending? {
        Ending::Quit => Ok(ExitCode::SUCCESS),
        Ending::Signal(sig) => Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(1))),
    }
}

type Opening = (Course, Opened, Option<Loading>);

/// The course to open on, the progress store, and the whole course still
/// loading when the app opens on a first part of it (`content::first`: only
/// the embedded course, which the test suite validates, and not for a quiz
/// alone); any other is validated in full first. `Err`: the exit code,
/// after printing why the course cannot be used.
fn open_course(ctx: &Ctx, lessons: bool) -> anyhow::Result<Result<Opening, ExitCode>> {
    let open_store = || ProgressStore::open(&ctx.data_dir).context("cannot open the progress file");
    if !(lessons && matches!(ctx.source, CourseSource::Embedded)) {
        return match checked(&ctx.source, load_checked(&ctx.source)) {
            Ok(course) => Ok(Ok((course, open_store()?, None))),
            Err(code) => Ok(Err(code)),
        };
    }
    let loading = std::thread::spawn(|| load_checked(&CourseSource::Embedded));
    let opened = open_store()?;
    let first = load_first(&ctx.source, |course_id| {
        let progress = opened.progress.courses.get(course_id)?;
        progress.last_lesson.clone()
    });
    if let Some(first) = first {
        return Ok(Ok((first, opened, Some(loading))));
    }
    let full = loading.join().unwrap_or_else(|_| load_checked(&ctx.source));
    Ok(checked(&ctx.source, full).map(|course| (course, opened, None)))
}

/// The course, or the exit code after printing why it cannot be used.
fn checked(
    source: &CourseSource,
    loaded: Result<(Course, Vec<Diagnostic>), Vec<Diagnostic>>,
) -> Result<Course, ExitCode> {
    match loaded {
        Ok((course, _warnings)) => Ok(course),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", d.render());
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "serverless-tutor: the course at {} has {errors} error(s); fix them (see `serverless-tutor validate`)",
                crate::content::sanitize::inline(&source.label())
            );
            Err(ExitCode::from(1))
        }
    }
}

fn one_line(text: &str) -> String {
    crate::content::sanitize::inline(text).into_owned()
}

/// The real edge: the progress store and the course watcher.
struct StoreEdge {
    store: ProgressStore,
    course_id: String,
    source: CourseSource,
    watcher: Option<CourseWatcher>,
    /// For exports: the name from config, else the user name.
    learner: String,
    /// The whole course, still loading while the app shows its first part.
    loading: Option<Loading>,
}

type Loading = std::thread::JoinHandle<Result<(Course, Vec<Diagnostic>), Vec<Diagnostic>>>;

/// The message that swaps in a course loaded in the background.
fn loaded(handle: Loading) -> Msg {
    match handle.join() {
        Ok(Ok((course, _))) => Msg::CourseComplete(Box::new(course)),
        Ok(Err(diagnostics)) => Msg::ReloadFailed(
            diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(Diagnostic::render)
                .collect(),
        ),
        Err(_) => Msg::ReloadFailed(vec!["the course failed to load (internal error)".into()]),
    }
}

impl Edge for StoreEdge {
    fn save(&mut self, saves: &[LessonSave]) -> Result<(), String> {
        let now = chrono::Utc::now();
        self.store
            .update(|p| {
                let course = p.courses.entry(self.course_id.clone()).or_default();
                for save in saves {
                    apply_lesson_save(course, save);
                    if let Some(lesson) = course.lessons.get_mut(&save.lesson_id) {
                        lesson.updated_at = Some(now);
                    }
                }
            })
            .map(|_| ())
            .map_err(|e| one_line(&e.to_string()))
    }

    fn poll(&mut self) -> Option<Msg> {
        if self.loading.as_ref().is_some_and(|h| h.is_finished()) {
            return self.loading.take().map(loaded);
        }
        if let Some(notice) = self.store.take_notices().into_iter().next() {
            return Some(Msg::Notice(notice));
        }
        let watcher = self.watcher.as_mut()?;
        if !watcher.settled(Instant::now()) {
            return None;
        }
        Some(match load_checked(&self.source) {
            Ok((course, _)) => Msg::CourseReloaded(Box::new(course)),
            Err(diagnostics) => Msg::ReloadFailed(
                diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(Diagnostic::render)
                    .collect(),
            ),
        })
    }

    fn busy(&self) -> bool {
        self.loading.is_some() || self.watcher.as_ref().is_some_and(CourseWatcher::pending)
    }

    fn course_ready(&mut self) -> Option<Msg> {
        self.loading.take().map(loaded)
    }

    fn record(
        &mut self,
        quiz_id: &str,
        question_id: &str,
        attempt: &Attempt,
    ) -> Result<(), String> {
        self.store
            .update(|p| {
                record::add_attempt(p, &self.course_id, quiz_id, question_id, attempt.clone());
            })
            .map(|_| ())
            .map_err(|e| one_line(&e.to_string()))
    }

    fn export(&mut self, course: &Course) -> Result<String, String> {
        let progress = self
            .store
            .load()
            .courses
            .get(&course.id)
            .cloned()
            .unwrap_or_default();
        let paths = export_to_dir(self.store.data_dir(), course, &progress, &self.learner)
            .map_err(|e| one_line(&e.to_string()))?;
        let shown: Vec<String> = paths
            .iter()
            .map(|p| one_line(&p.display().to_string()))
            .collect();
        Ok(format!("Exported: {}", shown.join(" and ")))
    }

    fn quiz_seed(&mut self) -> Option<u64> {
        Some(fastrand::u64(..))
    }
}
