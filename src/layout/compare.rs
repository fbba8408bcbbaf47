//! Comparisons: two code panes side by side (titles and `❌ fails` /
//! `✅ works` labels on top) when the width allows, stacked otherwise. Side
//! by side, source line N of each pane starts on the same row: a pane whose
//! line wrapped gets blank rows in the other.

use super::code::{code_rows, CodeMarks, CodeRows};
use super::wrap::{line_width, LineBuf};
use crate::content::model::Comparison;
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// From this many columns the panes always stand side by side.
pub const SIDE_BY_SIDE_MIN: usize = 100;
/// Between this and [`SIDE_BY_SIDE_MIN`] they do when no code line would wrap
/// (a lesson pane beside the sidebar on a 120-column terminal is ~88 wide).
pub const SIDE_BY_SIDE_IF_FITS: usize = 64;
const SEPARATOR: &str = " │ ";
const SEPARATOR_W: usize = 3;

/// What a comparison shows (the projector reveals the bad pane first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CompareReveal {
    #[default]
    Both,
    LeftOnly,
}

/// The lines of a comparison at `width` cells, highlighted.
pub fn render_comparison(
    cmp: &Comparison,
    width: u16,
    theme: &Theme,
    reveal: CompareReveal,
) -> Vec<Line<'static>> {
    render_comparison_opts(cmp, usize::from(width.max(1)), theme, reveal, true)
}

pub(crate) fn render_comparison_opts(
    cmp: &Comparison,
    width: usize,
    theme: &Theme,
    reveal: CompareReveal,
    highlight: bool,
) -> Vec<Line<'static>> {
    let marks = CodeMarks::lesson(highlight);
    if side_by_side_fits(cmp, width) {
        let pane = (width - SEPARATOR_W) / 2;
        let left = code_rows(&cmp.left, pane, theme, &marks);
        let right = match reveal {
            CompareReveal::Both => code_rows(&cmp.right, pane, theme, &marks),
            CompareReveal::LeftOnly => hidden_pane(&left),
        };
        return side_by_side(left, right, pane, theme);
    }
    let mut out = code_rows(&cmp.left, width, theme, &marks).into_lines();
    if reveal == CompareReveal::Both {
        out.push(Line::default());
        out.extend(code_rows(&cmp.right, width, theme, &marks).into_lines());
    }
    out
}

/// Side by side when wide, or when both panes fit their half without wrapping.
fn side_by_side_fits(cmp: &Comparison, width: usize) -> bool {
    if width >= SIDE_BY_SIDE_MIN {
        return true;
    }
    if width < SIDE_BY_SIDE_IF_FITS {
        return false;
    }
    let pane = (width - SEPARATOR_W) / 2;
    [&cmp.left, &cmp.right].iter().all(|block| {
        let lines = block.code.lines().count().max(1);
        // gutter: the ❌ marker (2), the line number, and " │ "
        let gutter = 2 + lines.to_string().len() + 3;
        block
            .code
            .lines()
            .all(|l| gutter + unicode_width::UnicodeWidthStr::width(l) <= pane)
    })
}

/// An empty pane the shape of `shown` (nothing of the other side leaks).
fn hidden_pane(shown: &CodeRows) -> CodeRows {
    CodeRows {
        header: vec![Line::raw("?")],
        groups: shown.groups.iter().map(|_| vec![Line::default()]).collect(),
    }
}

fn side_by_side(left: CodeRows, right: CodeRows, pane: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let header_rows = left.header.len().max(right.header.len());
    for i in 0..header_rows {
        out.push(join(
            left.header.get(i),
            right.header.get(i),
            pane,
            Style::new(),
            theme,
        ));
    }
    let groups = left.groups.len().max(right.groups.len());
    for g in 0..groups {
        let l = left.groups.get(g).map_or(&[][..], Vec::as_slice);
        let r = right.groups.get(g).map_or(&[][..], Vec::as_slice);
        for row in 0..l.len().max(r.len()) {
            out.push(join(l.get(row), r.get(row), pane, theme.code(), theme));
        }
    }
    out
}

fn join(
    left: Option<&Line<'static>>,
    right: Option<&Line<'static>>,
    pane: usize,
    fill: Style,
    theme: &Theme,
) -> Line<'static> {
    let mut buf = LineBuf::new();
    append(&mut buf, left, pane, fill);
    buf.push(theme.border(), SEPARATOR, SEPARATOR_W);
    append(&mut buf, right, pane, fill);
    let mut line = buf.into_line();
    // Trailing padding of the right pane is only background: keep it.
    line.spans.retain(|s: &Span| !s.content.is_empty());
    line
}

fn append(buf: &mut LineBuf, line: Option<&Line<'static>>, pane: usize, fill: Style) {
    let start = buf.width;
    if let Some(line) = line {
        if line_width(line) <= pane {
            for span in &line.spans {
                buf.push_str(span.style, &span.content);
            }
        }
    }
    buf.pad_to(fill, start + pane);
}
