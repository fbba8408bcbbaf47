//! The quiz screen as hosted by the app: the quiz helper's `QuizView`, with
//! the host's one-line notice (e.g. where an export was written) over its
//! key-hint row.

use super::pad;
use crate::app::quiz::QuizScreen;
use crate::app::State;
use crate::quiz::view::QuizView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn render(state: &State, screen: &QuizScreen, area: Rect, buf: &mut Buffer) {
    QuizView::new(&screen.session, state.theme).render(area, buf);
    if let Some(notice) = &screen.notice {
        if area.height >= 3 {
            let width = usize::from(area.width);
            let y = area.bottom() - 1;
            let text = pad(&format!(" ℹ {notice}"), width);
            buf.set_stringn(area.x, y, text, width, state.theme.status_bar());
        }
    }
}
