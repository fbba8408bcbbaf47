//! Screen tests: every screen at 80×24 and 120×40 in each theme, plus the
//! too-small screen. Snapshots hold the text and, below it, the styled runs
//! (cells whose style differs from the screen's base), so a theme change shows.

use crate::app::{fixture, update, Msg, State};
use crate::persist::progress::CourseProgress;
use crate::quiz::session::{Now, QuizMsg};
use crate::theme::{Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

const THEMES: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn state(theme: Theme, w: u16, h: u16) -> State {
    let mut s = State::new(
        fixture::course(),
        theme,
        CourseProgress::default(),
        Rect::new(0, 0, w, h),
    );
    update(&mut s, Msg::Resize(w, h));
    s
}

pub(crate) fn key(s: &mut State, code: KeyCode) {
    update(s, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub(crate) fn keys(s: &mut State, text: &str) {
    for c in text.chars() {
        key(s, KeyCode::Char(c));
    }
}

fn draw(s: &State) -> Buffer {
    let mut buf = Buffer::empty(s.area);
    s.render(s.area, &mut buf);
    buf
}

/// The screen as text (wide characters once), then its styled runs.
pub(crate) fn screen(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = sym.width().saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A style in a few characters: `fg=#rrggbb bg=#rrggbb +bold+reversed`.
fn short(style: Style) -> String {
    let colour = |c: Option<Color>| match c {
        Some(Color::Rgb(r, g, b)) => format!("#{r:02x}{g:02x}{b:02x}"),
        Some(Color::Reset) | None => "-".to_owned(),
        Some(other) => format!("{other:?}"),
    };
    let mut out = format!("fg={} bg={}", colour(style.fg), colour(style.bg));
    for (m, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
        (Modifier::CROSSED_OUT, "crossed"),
    ] {
        if style.add_modifier.contains(m) {
            out.push_str(&format!(" +{name}"));
        }
    }
    out
}

/// Runs of cells whose style differs from the theme's base style.
fn styles(buf: &Buffer, base: Style) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            while x < buf.area.width && buf[(x, y)].style() == style {
                x += 1;
            }
            if short(style) != short(base) {
                let _ = writeln!(out, "{y:>2}:{start:>3}-{:<3} {}", x - 1, short(style));
            }
        }
    }
    out
}

fn snapshot(name: &str, s: &State) {
    let buf = draw(s);
    let base = s.theme.base();
    let text = format!(
        "{}---- styled runs (base {}) ----\n{}",
        screen(&buf),
        short(base),
        styles(&buf, base)
    );
    insta::assert_snapshot!(name, text);
}

fn start_quiz(s: &mut State) {
    let now = std::time::Instant::now();
    let quiz_id = "01-quiz".to_owned();
    update(
        s,
        Msg::StartQuiz {
            quiz_id,
            seed: None,
            now,
        },
    );
}

/// Brings a fresh state to the screen under test.
type Setup = fn(&mut State);

/// Each screen, built by a setup function from a fresh state.
fn screens() -> Vec<(&'static str, Setup)> {
    vec![
        ("course_first_run", |_| {}),
        ("course_scrolled", |s| {
            keys(s, "jjjjj");
            key(s, KeyCode::PageDown);
        }),
        ("course_end_with_quiz", |s| key(s, KeyCode::End)),
        ("sidebar_focused", |s| {
            key(s, KeyCode::Tab);
            keys(s, "j");
        }),
        ("help", |s| keys(s, "?")),
        ("search_hits", |s| keys(s, "/cold start")),
        ("search_matches", |s| {
            keys(s, "/cold");
            key(s, KeyCode::Enter);
            keys(s, "n");
        }),
        ("quiz_question", |s| start_quiz(s)),
        ("quiz_results_with_notice", |s| {
            start_quiz(s);
            for m in [QuizMsg::Key('a'), QuizMsg::Submit, QuizMsg::Submit] {
                update(s, Msg::Quiz(m, Now::current()));
            }
            update(
                s,
                Msg::Notice("Exported: /data/exports/x.json and /data/exports/x.csv".into()),
            );
        }),
        ("quiz_help", |s| {
            start_quiz(s);
            keys(s, "?");
        }),
        ("watch_error_banner", |s| {
            update(
                s,
                Msg::ReloadFailed(vec![
                    "lessons/01-lesson.md:3:1: error: unknown directive `pasue`".into(),
                ]),
            );
        }),
    ]
}

#[test]
fn every_screen_in_every_theme_and_size() {
    for (name, setup) in screens() {
        for theme in THEMES {
            for (w, h) in SIZES {
                let mut s = state(Theme::new(theme, true), w, h);
                setup(&mut s);
                snapshot(&format!("{name}_{}_{w}x{h}", theme.as_str()), &s);
            }
        }
    }
}

#[test]
fn no_color_still_marks_what_matters() {
    let mut s = state(Theme::no_color(ThemeName::Dark), 80, 24);
    key(&mut s, KeyCode::Tab);
    snapshot("sidebar_focused_no_color_80x24", &s);
}

#[test]
fn too_small_screen_shows_the_size() {
    let s = state(Theme::new(ThemeName::Dark, true), 39, 11);
    snapshot("too_small_39x11", &s);
    let buf = draw(&s);
    assert!(screen(&buf).contains("39×11"));
}

#[test]
fn a_frame_smaller_than_the_last_resize_still_draws() {
    let s = state(Theme::new(ThemeName::Dark, true), 120, 40);
    for (w, h) in [(80, 24), (41, 13), (1, 1)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        s.render(area, &mut buf);
    }
}

#[test]
fn any_size_from_one_by_one_draws_without_panicking() {
    for w in [0u16, 1, 2, 5, 39, 40, 41, 69, 70, 71, 109, 110, 300] {
        for h in [0u16, 1, 2, 3, 11, 12, 13, 60] {
            let mut s = state(Theme::new(ThemeName::Dark, true), w, h);
            for setup in [
                |_: &mut State| {},
                |s: &mut State| keys(s, "?"),
                |s: &mut State| keys(s, "/cold"),
            ] {
                setup(&mut s);
                let _ = draw(&s);
            }
            key(&mut s, KeyCode::Tab);
            let _ = draw(&s);
        }
    }
}
