//! The dated "then and now" note: a callout behind a heavy `┃ ` bar, headed
//! `📅 Since the guide · checked <date>`, the note's blocks, then its source.

use super::text::wrap_inlines;
use super::{blocks_lines, prefix_lines, LayoutOptions};
use crate::content::model::{Inline, SinceNote, TextRun};
use ratatui::text::Line;

const BAR: &str = "┃ ";
pub const MARKER: &str = "📅 Since the guide";

pub fn render(
    note: &SinceNote,
    width: usize,
    opts: &LayoutOptions,
    depth: usize,
) -> Vec<Line<'static>> {
    let theme = &opts.theme;
    let bar = theme.warn();
    let (inner_w, barred) = if width >= 6 {
        (width - 2, true)
    } else {
        (width, false)
    };
    let header = vec![Inline::Text(TextRun {
        text: format!("{MARKER} · checked {}", note.date).into(),
        ..Default::default()
    })];
    let mut lines = wrap_inlines(&header, inner_w, theme, theme.warn());
    lines.extend(blocks_lines(&note.blocks, inner_w, opts, depth + 1, false));
    if !note.source.is_empty() {
        let source = vec![Inline::Text(TextRun {
            text: format!("Source: {}", note.source).into(),
            ..Default::default()
        })];
        lines.extend(wrap_inlines(&source, inner_w, theme, theme.dim()));
    }
    if barred {
        prefix_lines(lines, (BAR, bar), (BAR, bar))
    } else {
        lines
    }
}
