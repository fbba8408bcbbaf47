//! The learner app's views: `impl Widget for &State` draws the whole screen
//! from the state alone (no I/O, no layout of lesson text: that is cached in
//! the state). Each part lives in its own module with a `render(state, area, buf)`.

pub mod banner;
pub mod help;
pub mod lesson;
pub mod put;
pub mod quiz;
pub mod search;
pub mod sidebar;
pub mod small;
pub mod status;

use crate::app::{geometry, Overlay, State};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The theme's base style over the whole screen. A frame starts with
/// every cell reset (the terminal's own colours), so a base of the
/// terminal's own colours is not painted again, cell by cell, each frame
/// (painting a style never cleared a cell's text anyway).
fn paint_base(base: Style, area: Rect, buf: &mut Buffer) {
    let own = |c: Option<Color>| c.is_none_or(|c| c == Color::Reset);
    let plain = own(base.fg)
        && own(base.bg)
        && own(base.underline_color)
        && base.add_modifier.is_empty()
        && base.sub_modifier.is_empty();
    if !plain {
        buf.set_style(area, base);
    }
}

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        paint_base(self.theme.base(), area, buf);
        if geometry::too_small(area) {
            small::render(self, area, buf);
            return;
        }
        if let Some(screen) = &self.quiz {
            quiz::render(self, screen, area, buf);
            if self.overlay == Some(Overlay::Help) {
                help::render(self, area, buf);
            }
            return;
        }
        // The state's geometry: the lesson was laid out for exactly these
        // rects. Clipped to the frame in case the terminal shrank and the
        // resize event has not been handled yet.
        let mut g = self.geometry();
        for rect in [&mut g.sidebar, &mut g.banner, &mut g.lesson, &mut g.status] {
            *rect = rect.intersection(area);
        }
        sidebar::render(self, g.sidebar, buf);
        banner::render(self, g.banner, buf);
        lesson::render(self, g.lesson, buf);
        status::render(self, g.status, buf);
        match self.overlay {
            Some(Overlay::Help) => help::render(self, area, buf),
            Some(Overlay::Search) => search::render(self, area, buf),
            None => {}
        }
    }
}

/// `text` cut to `width` display columns, ending in `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to exactly `width` columns (cut with `…` if longer).
pub fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests;
