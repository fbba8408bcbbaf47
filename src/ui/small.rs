//! The "too small" screen: the current size and the minimum, centred. Draws
//! only what fits, so even 1×1 is safe.

use super::fit;
use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::State;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lines = [
        "Terminal too small".to_owned(),
        format!("{}×{}", area.width, area.height),
        format!("needs {MIN_WIDTH}×{MIN_HEIGHT}"),
    ];
    let shown = lines.len().min(usize::from(area.height));
    let top = area.y + (area.height - shown as u16) / 2;
    for (i, line) in lines.iter().take(shown).enumerate() {
        let text = fit(line, usize::from(area.width));
        let x = area.x + (area.width.saturating_sub(text.width() as u16)) / 2;
        let style = if i == 0 {
            state.theme.warn()
        } else {
            state.theme.text()
        };
        buf.set_stringn(x, top + i as u16, &text, usize::from(area.width), style);
    }
}
