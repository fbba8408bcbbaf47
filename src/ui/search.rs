//! The search overlay: the prompt and the course-wide hits (lesson and line),
//! the chosen one marked with `▶` and the selection style.

use super::help::centred;
use super::{fit, pad};
use crate::app::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(4)).min(100);
    let height = usize::from(area.height.saturating_sub(4)).min(24);
    let popup = centred(area, width, height);
    Clear.render(popup, buf);
    let count = state.search.hits.len();
    let title = match count {
        _ if state.search.query.is_empty() => " Search the course ".to_owned(),
        0 => " No matches ".to_owned(),
        n if n >= crate::app::search::MAX_HITS => format!(" {n}+ lines match "),
        n => format!(" {n} lines match "),
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(state.theme.border())
        .title(title)
        .title_bottom(" ↑/↓ choose · Enter jump · Esc cancel ")
        .style(state.theme.base())
        .render(popup, buf);
    let inner = Rect::new(
        popup.x + 1,
        popup.y + 1,
        popup.width.saturating_sub(2),
        popup.height.saturating_sub(2),
    );
    if inner.is_empty() {
        return;
    }
    let room = usize::from(inner.width);
    let prompt = format!("/{}▏", state.search.query);
    buf.set_stringn(
        inner.x,
        inner.y,
        fit(&prompt, room),
        room,
        state.theme.accent(),
    );
    let rows = usize::from(inner.height.saturating_sub(2));
    if rows == 0 {
        return;
    }
    let first = state.search.selected.saturating_sub(rows - 1);
    for (i, hit) in state.search.hits.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + 2 + (i - first) as u16;
        let lesson = state
            .course
            .lessons
            .get(hit.lesson)
            .map_or("", |l| l.title.as_str());
        let chosen = i == state.search.selected;
        let marker = if chosen { "▶" } else { " " };
        let label = pad(
            &format!("{marker}{:>2} {}", hit.lesson + 1, fit(lesson, 18)),
            23,
        );
        let text = pad(&format!("{label} {}", hit.text), room);
        let style = if chosen {
            state.theme.selected()
        } else {
            state.theme.text()
        };
        buf.set_stringn(inner.x, y, text, room, style);
    }
}
