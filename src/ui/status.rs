//! The status bar: where the learner is (lesson n/N, % scrolled), the search
//! state, and the keys that matter right now.

use super::{fit, pad};
use crate::app::{Focus, State};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let style = state.theme.status_bar();
    let width = usize::from(area.width);
    let left = position_text(state);
    let right = hints(state);
    let room = width.saturating_sub(left.width() + 2);
    let right = fit(&right, room);
    let gap = width.saturating_sub(left.width() + right.width());
    let text = pad(&format!("{left}{}{right}", " ".repeat(gap)), width);
    buf.set_stringn(area.x, area.y, text, width, style);
}

fn position_text(state: &State) -> String {
    let total = state.course.lessons.len();
    if total == 0 {
        return " No lessons".to_owned();
    }
    let mut text = format!(
        " Lesson {}/{total} · {}%",
        state.lesson + 1,
        state.percent()
    );
    if state.search.active() {
        let count = state.search.matches.len();
        match state.search.current {
            Some(i) => text.push_str(&format!(" · /{} {}/{count}", state.search.query, i + 1)),
            None => text.push_str(&format!(" · /{} {count} matches", state.search.query)),
        }
    }
    text
}

/// The keys worth knowing in the current context.
fn hints(state: &State) -> String {
    let has_quiz = state
        .current_lesson()
        .is_some_and(|l| state.course.quiz_for(l).is_some());
    let hint = if state.focus == Focus::Sidebar {
        "↑/↓ choose · Enter open · Tab back · ? help"
    } else if state.search.active() {
        "n/N next/prev match · Esc clear · ? help"
    } else if state.at_end() && has_quiz {
        "Enter take the quiz · ] next lesson · ? help"
    } else if state.at_end() && state.lesson + 1 >= state.course.lessons.len() {
        "end of the course · [ previous · Tab lessons · q quit"
    } else if state.at_end() {
        "Enter next lesson · [ previous · ? help · q quit"
    } else {
        "j/k scroll · Space page · ]/[ lesson · / search · ? help · q quit"
    };
    format!("{hint} ")
}
