//! Writing a laid-out line into the buffer, cell for cell what ratatui's
//! `Buffer::set_line` writes, faster for the common case.
//!
//! Why: `set_line` splits every span into grapheme clusters and measures
//! each one; on a lesson screen that was a third of the time spent drawing
//! it. Nearly every span of a lesson is printable ASCII or box drawing
//! (rules, code pane borders), where each character is one grapheme of
//! width one, so such a span is copied character by character; any other
//! span goes through ratatui as before.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;

/// Writes `line` from (`x`, `y`), at most `max_width` cells and never past
/// the buffer's right edge; returns the column after the last cell written.
/// A row outside the buffer is left alone.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x < area.left() {
        return x;
    }
    let mut x = x;
    let mut remaining = max_width;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        let end = if text.chars().all(is_own_narrow_grapheme) {
            put_simple(buf, x, y, text, remaining, style)
        } else {
            buf.set_stringn(x, y, text, usize::from(remaining), style).0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    x
}

/// Whether `c` is one cell wide and a grapheme of its own whatever its
/// neighbours in a span of such characters: printable ASCII, and box
/// drawing and block elements (U+2500–U+259F: narrow, as ratatui counts
/// East Asian ambiguous width, and never joined to a neighbour).
fn is_own_narrow_grapheme(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{2500}'..='\u{259f}')
}

/// `text` holds only [`is_own_narrow_grapheme`] characters: one cell each.
/// (`x`, `y`) is inside the buffer.
fn put_simple(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let right = buf.area.right().min(x.saturating_add(max_width));
    let mut cx = x;
    for c in text.chars() {
        if cx >= right {
            break;
        }
        buf[(cx, y)].set_char(c).set_style(style);
        cx += 1;
    }
    cx
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    fn styles() -> impl Strategy<Value = Style> {
        prop_oneof![
            Just(Style::new()),
            Just(Style::new().fg(Color::Red)),
            Just(
                Style::new()
                    .bg(Color::Rgb(40, 44, 52))
                    .add_modifier(Modifier::BOLD)
            ),
        ]
    }

    fn spans() -> impl Strategy<Value = Vec<(String, Style)>> {
        // printable ASCII, wide and combining text, controls, emoji
        let text = "([ -~]{0,12}|[a-z─━│▶界é\u{301}\u{200d}\u{fe0f}\t\u{1b}👩‍💻 ]{0,6})";
        prop::collection::vec((text, styles()), 0..5)
    }

    proptest! {
        #[test]
        fn writes_what_set_line_writes(
            spans in spans(),
            line_style in styles(),
            x in 0u16..14,
            y in 0u16..4,
            max_width in 0u16..16,
        ) {
            let line = Line::from(
                spans.into_iter().map(|(t, s)| Span::styled(t, s)).collect::<Vec<_>>(),
            )
            .style(line_style);
            let area = Rect::new(1, 0, 12, 3);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            let inside = y < area.bottom() && x >= area.left();
            let end = put_line(&mut ours, x, y, &line, max_width);
            if inside {
                let (their_end, _) = theirs.set_line(x, y, &line, max_width);
                prop_assert_eq!(end, their_end);
            }
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn ascii_stops_at_the_buffer_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        let end = put_line(&mut buf, 1, 0, &Line::raw("abcdef"), 10);
        assert_eq!(end, 4);
        assert_eq!(buf, Buffer::with_lines([" abc"]));
    }
}
