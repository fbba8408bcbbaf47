//! Headings, each level distinct without colour: H1 text over a heavy rule
//! (`━`), H2 over a light rule (`─`), H3 `▸ `, H4 `▹ `, H5/H6 `· ` prefixes,
//! plus the theme's per-level attributes.

use super::text::wrap_inline_bufs;
use super::wrap::{width, LineBuf};
use crate::content::model::Inline;
use crate::theme::Theme;
use ratatui::text::Line;

fn prefix(level: u8) -> &'static str {
    match level {
        0..=2 => "",
        3 => "▸ ",
        4 => "▹ ",
        _ => "· ",
    }
}

/// The lines of one heading at `width` cells.
pub fn render(level: u8, text: &[Inline], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let style = theme.heading(level);
    let mark = prefix(level);
    let mark_w = width_of(mark);
    let (mark, mark_w) = if width > mark_w + 1 {
        (mark, mark_w)
    } else {
        ("", 0)
    };
    let body = wrap_inline_bufs(text, width - mark_w, theme, style);
    let mut out = Vec::with_capacity(body.len() + 1);
    let mut widest = 0;
    for (i, line) in body.into_iter().enumerate() {
        let mut buf = LineBuf::new();
        if i == 0 {
            buf.push(style, mark, mark_w);
        } else {
            buf.push(style, &" ".repeat(mark_w), mark_w);
        }
        for (s, t) in line.runs {
            buf.push_str(s, &t);
        }
        widest = widest.max(buf.width);
        out.push(buf.into_line());
    }
    match level {
        0 | 1 => out.push(Line::styled("━".repeat(width), style)),
        2 => out.push(Line::styled("─".repeat(widest.clamp(1, width)), style)),
        _ => {}
    }
    out
}

fn width_of(s: &str) -> usize {
    width(s)
}
