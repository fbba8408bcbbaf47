//! Block quotes: the quoted blocks laid out narrower, each line behind a
//! `│ ` bar (nested quotes stack their bars).

use super::{blocks_lines, prefix_lines, LayoutOptions};
use crate::content::model::Block;
use ratatui::text::Line;

const BAR: &str = "│ ";

pub fn render(
    blocks: &[Block],
    width: usize,
    opts: &LayoutOptions,
    depth: usize,
) -> Vec<Line<'static>> {
    let style = opts.theme.quote();
    if width < 4 {
        return blocks_lines(blocks, width, opts, depth + 1, false);
    }
    let inner = blocks_lines(blocks, width - 2, opts, depth + 1, false);
    prefix_lines(inner, (BAR, style), (BAR, style))
}
