//! Slide titles in large block letters (tui-big-text, quadrant pixels: 4
//! columns × 4 rows per letter), used only when the title fits; callers fall
//! back to a normal heading otherwise.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// Columns and rows one letter takes at quadrant size.
pub const GLYPH_WIDTH: u16 = 4;
pub const GLYPH_HEIGHT: u16 = 4;

/// The title split into at most `max_lines` lines of big letters that fit
/// `width` columns, or `None` (too long, or characters the 8×8 font lacks).
pub fn big_lines_fit(title: &str, width: u16, max_lines: usize) -> Option<Vec<String>> {
    if title.is_empty() || !title.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return None;
    }
    let per_line = usize::from(width / GLYPH_WIDTH);
    if per_line == 0 {
        return None;
    }
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        if word.len() > per_line {
            return None;
        }
        match lines.last_mut() {
            Some(last) if last.len() + 1 + word.len() <= per_line => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    (lines.len() <= max_lines).then_some(lines)
}

/// Big centred lines of text.
pub struct BigTitle {
    pub lines: Vec<String>,
    pub style: Style,
}

impl Widget for BigTitle {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let lines: Vec<Line<'static>> = self.lines.into_iter().map(Line::from).collect();
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(self.style)
            .alignment(Alignment::Center)
            .lines(lines)
            .build()
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_wrap_into_big_lines_or_fall_back() {
        assert_eq!(
            big_lines_fit("Why servers break", 48, 2),
            Some(vec!["Why servers".to_owned(), "break".to_owned()])
        );
        assert_eq!(big_lines_fit("Why servers break", 48, 1), None);
        assert_eq!(big_lines_fit("Ünïcode", 200, 1), None);
        assert_eq!(big_lines_fit("x", 3, 1), None);
    }
}
