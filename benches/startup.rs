//! The learner app's first-frame path, piece by piece: loading and
//! validating the embedded course, then opening it on lesson 1 and drawing
//! one 120×40 frame into a test backend; and parsing a megabyte lesson.
//! `ttff.py` measures the whole thing from outside (process start, pty,
//! emulator); this shows which stage of our own work costs what.

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Rect, Size};
use ratatui::Terminal;
use serverless_tutor::app::{self, Msg, State};
use serverless_tutor::content::lesson::parse_lesson_full;
use serverless_tutor::content::load::load_checked;
use serverless_tutor::content::source::CourseSource;
use serverless_tutor::term::backend::FrameBackend;
use serverless_tutor::theme::{Theme, ThemeName};
use std::hint::black_box;

fn first_frame(c: &mut Criterion) {
    c.bench_function("load_checked embedded course", |b| {
        b.iter(|| load_checked(black_box(&CourseSource::Embedded)).map(|(c, _)| c))
    });
    let (course, _) = load_checked(&CourseSource::Embedded).expect("embedded course is valid");
    let theme = Theme::new(ThemeName::Dark, true);
    c.bench_function("open lesson 1 and draw one 120x40 frame", |b| {
        b.iter(|| {
            let area = Rect::new(0, 0, 120, 40);
            let mut state = State::new(course.clone(), theme, Default::default(), area);
            app::update(&mut state, Msg::Resize(120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
            terminal
                .draw(|frame| frame.render_widget(&state, frame.area()))
                .expect("draw");
            black_box(terminal);
        })
    });
}

/// `]` right after the first frame (nothing laid out ahead yet) and after
/// the idle work has laid out the neighbours, into ratatui's test backend;
/// and right after the first frame through the backend the app uses, bytes
/// and all (into a sink): what the learner's key waits for in our process.
fn next_lesson(c: &mut Criterion) {
    let test_backend = || TestBackend::new(120, 40);
    bench_next(c, "] right after the first frame", false, test_backend);
    bench_next(c, "] after idle work", true, test_backend);
    let frame_backend = || FrameBackend::with_size(std::io::sink(), Size::new(120, 40));
    bench_next(c, "] through the frame backend", false, frame_backend);
}

/// Update plus one frame for `]` on lesson 1, drawn through `backend()`:
/// right after the first frame, or with `idle` after the idle work too.
fn bench_next<B: Backend>(c: &mut Criterion, name: &str, idle: bool, backend: impl Fn() -> B)
where
    B::Error: std::fmt::Debug,
{
    let (course, _) = load_checked(&CourseSource::Embedded).expect("embedded course is valid");
    let theme = Theme::new(ThemeName::Dark, true);
    let next = Msg::Key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    c.bench_function(name, |b| {
        b.iter_batched(
            || {
                let area = Rect::new(0, 0, 120, 40);
                let mut state = State::new(course.clone(), theme, Default::default(), area);
                app::update(&mut state, Msg::Resize(120, 40));
                let mut terminal = Terminal::new(backend()).expect("backend");
                terminal
                    .draw(|frame| frame.render_widget(&state, frame.area()))
                    .expect("draw");
                app::update(&mut state, Msg::Highlight);
                while idle && state.has_idle_work() {
                    app::update(&mut state, Msg::Idle);
                }
                (state, terminal)
            },
            |(mut state, mut terminal)| {
                app::update(&mut state, next.clone());
                terminal
                    .draw(|frame| frame.render_widget(&state, frame.area()))
                    .expect("draw");
                (state, terminal)
            },
            criterion::BatchSize::SmallInput,
        )
    });
}

/// A lesson of a megabyte (the guide, repeated): parsed in pieces on two
/// threads (`content::markdown`), what opening such a course waits for.
fn megabyte_lesson(c: &mut Criterion) {
    let guide = include_str!("../assets/serverless-migration-guide.md");
    let body = guide.repeat(1_000_000 / guide.len() + 1);
    let text = format!("+++\ntitle = \"Big\"\n+++\n\n{body}");
    let mut group = c.benchmark_group("megabyte lesson");
    group.sample_size(20);
    group.bench_function("parse and validate", |b| {
        b.iter(|| parse_lesson_full("big", "lessons/big.md", black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, first_frame, next_lesson, megabyte_lesson);
criterion_main!(benches);
