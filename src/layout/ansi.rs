//! Laid-out lines → text for a stream: SGR escape sequences when colour is
//! on, plain text (trailing spaces trimmed) when off. The only escape
//! sequences in the output are the ones written here; any unsafe character
//! left in a span is replaced first (a final guard: the model is sanitised).

use crate::content::sanitize;
use ratatui::style::Style;
use ratatui::text::Line;
use std::fmt::Write as _;

/// All lines, each ending with `\n`.
pub fn to_text(lines: &[Line<'_>], color: bool) -> String {
    let mut out = String::new();
    for line in lines {
        if color {
            write_coloured(&mut out, line);
        } else {
            let start = out.len();
            for span in &line.spans {
                out.push_str(&sanitize::inline(&span.content));
            }
            let trimmed = out[start..].trim_end().len();
            out.truncate(start + trimmed);
        }
        out.push('\n');
    }
    out
}

fn write_coloured(out: &mut String, line: &Line<'_>) {
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let sgr = sgr(style);
        let text = sanitize::inline(&span.content);
        if sgr.is_empty() {
            out.push_str(&text);
        } else {
            let _ = write!(out, "\u{1b}[{sgr}m{text}\u{1b}[0m");
        }
    }
}

/// The SGR parameters for a style (empty: nothing to set), as the TUI
/// writes them.
pub fn sgr(style: Style) -> String {
    crate::term::sgr::params_from_default(&crate::term::sgr::Pen::from_style(style))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    #[test]
    fn plain_trims_and_coloured_wraps_spans() {
        let line = Line::from(vec![
            Span::styled(
                "hi",
                Style::new()
                    .fg(Color::Rgb(1, 2, 3))
                    .add_modifier(Modifier::BOLD),
            ),
            Span::raw("   "),
        ]);
        assert_eq!(to_text(std::slice::from_ref(&line), false), "hi\n");
        assert_eq!(
            to_text(&[line], true),
            "\u{1b}[1;38;2;1;2;3mhi\u{1b}[0m   \n"
        );
    }

    #[test]
    fn content_escapes_never_pass() {
        let line = Line::raw("a\u{1b}[31mb\u{9b}c");
        let out = to_text(&[line], true);
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(!out.contains('\u{9b}'));
    }
}
