//! The lesson list: `▶` marks the open lesson, `✔` a lesson read to the end,
//! then number, title, and the quiz score (once attempted) or the minutes.
//! Every mark is a symbol, so it reads the same without colour.

use super::{fit, pad};
use crate::app::progress::quiz_score;
use crate::app::{Focus, State};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    // The right column is the border between the list and the lesson.
    let border_x = area.right() - 1;
    let beside = area.width < state.area.width;
    let width = if beside { area.width - 1 } else { area.width };
    if beside {
        for y in area.top()..area.bottom() {
            buf.set_stringn(border_x, y, "│", 1, state.theme.border());
        }
    }
    let rail = crate::app::geometry::is_rail(area.width);
    // The rail has no room for the course title: it says how to open the list.
    let title = if rail {
        fit(" [Tab]", usize::from(width))
    } else {
        fit(&format!(" {}", state.course.title), usize::from(width))
    };
    buf.set_stringn(
        area.x,
        area.y,
        title,
        usize::from(width),
        state.theme.accent(),
    );
    let offset = state.sidebar_offset();
    let rows = usize::from(area.height.saturating_sub(2));
    for (i, index) in (offset..state.course.lessons.len()).take(rows).enumerate() {
        let y = area.y + 2 + i as u16;
        let text = if rail {
            rail_text(state, index)
        } else {
            row_text(state, index, usize::from(width))
        };
        let mut style = state.theme.text();
        if index == state.lesson {
            style = style.add_modifier(Modifier::BOLD);
        }
        if index == state.sidebar_sel && state.focus == Focus::Sidebar {
            style = state.theme.selected();
        }
        buf.set_stringn(area.x, y, text, usize::from(width), style);
    }
}

/// `▶✔ 4`: the open lesson, read mark and number (the rail, no titles).
fn rail_text(state: &State, index: usize) -> String {
    let (current, read) = marks(state, index);
    format!("{current}{read}{:>2}", index + 1)
}

fn marks(state: &State, index: usize) -> (char, char) {
    let current = if index == state.lesson { '▶' } else { ' ' };
    let read = state
        .course
        .lessons
        .get(index)
        .and_then(|l| state.progress.lessons.get(&l.id))
        .is_some_and(|p| p.read);
    (current, if read { '✔' } else { ' ' })
}

fn row_text(state: &State, index: usize, width: usize) -> String {
    let Some(lesson) = state.course.lessons.get(index) else {
        return String::new();
    };
    let (current, read) = marks(state, index);
    let right = match state
        .course
        .quiz_for(lesson)
        .and_then(|q| quiz_score(&state.progress, q))
    {
        Some((correct, total)) => format!("{correct}/{total}"),
        None => lesson.minutes.map(|m| format!("{m}m")).unwrap_or_default(),
    };
    let left = format!("{current}{read}{:>2} ", index + 1);
    let title_room = width.saturating_sub(left.width() + right.width() + 2);
    format!("{left}{} {right} ", pad(&lesson.title, title_room))
}
