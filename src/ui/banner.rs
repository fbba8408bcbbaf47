//! The banner above the lesson: the welcome hint, notices, and reload errors
//! (`--watch`). The kind shows as a symbol too (ℹ / ✖), not only as colour.

use super::fit;
use crate::app::{BannerKind, State};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let Some(banner) = &state.banner else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let style = match banner.kind {
        BannerKind::Info => state.theme.accent(),
        BannerKind::Error => state.theme.bad(),
    };
    let lines = state.banner_lines(area.width);
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    for (i, line) in lines.iter().take(rows).enumerate() {
        let more = i + 1 == rows && lines.len() > rows;
        let text = if more {
            format!("  … ({} more lines)", lines.len() - i)
        } else {
            line.clone()
        };
        let style = if i == 0 { style } else { state.theme.text() };
        buf.set_stringn(area.x, area.y + i as u16, fit(&text, width), width, style);
    }
}
