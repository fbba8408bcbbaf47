//! Fenced code: an optional header (title, `❌ fails` / `✅ works`), a gutter
//! (learner cursor `▶` and marks `●`, failing-line marker `❌`, line numbers),
//! highlighted or plain code on the code background. Long lines wrap with a
//! `↪` continuation mark; diagrams are never wrapped but clipped with `›`.
//! Marked lines stand out by marker, bold and background, never colour alone.

use super::wrap::{clip, hard_wrap, truncate, width as text_width, LineBuf};
use crate::content::model::{CodeBlock, Verdict};
use crate::highlight::{self, StyledLine};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Line;

pub const FAIL_MARK: &str = "❌";
pub const WORKS_MARK: &str = "✅";
const CONTINUATION: &str = "↪";
const CLIPPED: &str = "›";

/// Marks drawn over a code block. Line numbers are 1-based, as in
/// `CodeBlock::marked_lines` (which are always shown too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeMarks {
    /// Lines that fail (the correct answer): `❌` + background.
    pub marked: Vec<usize>,
    /// The learner's marks: `●`.
    pub selected: Vec<usize>,
    /// The learner's cursor: `▶`.
    pub cursor: Option<usize>,
    pub line_numbers: bool,
    pub highlight: bool,
}

impl CodeMarks {
    /// A lesson's code: line numbers, the block's own marks.
    pub fn lesson(highlight: bool) -> Self {
        CodeMarks {
            line_numbers: true,
            highlight,
            ..CodeMarks::default()
        }
    }
}

/// A code block's rows: the header, then one group of rows per source line
/// (a wrapped line has several), so comparisons can align source lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct CodeRows {
    pub header: Vec<Line<'static>>,
    pub groups: Vec<Vec<Line<'static>>>,
}

impl CodeRows {
    pub fn into_lines(self) -> Vec<Line<'static>> {
        let mut out = self.header;
        out.extend(self.groups.into_iter().flatten());
        out
    }
}

/// The lines of a code block at `width` cells (quiz and projector views).
pub fn render_code(
    block: &CodeBlock,
    width: u16,
    theme: &Theme,
    marks: &CodeMarks,
) -> Vec<Line<'static>> {
    render_code_opts(block, usize::from(width.max(1)), theme, marks)
}

pub(crate) fn render_code_opts(
    block: &CodeBlock,
    width: usize,
    theme: &Theme,
    marks: &CodeMarks,
) -> Vec<Line<'static>> {
    code_rows(block, width, theme, marks).into_lines()
}

/// Which gutter columns a block gets at a width.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    learner: bool,
    marks: bool,
    digits: usize,
}

impl Gutter {
    fn new(block: &CodeBlock, marks: &CodeMarks, lines: usize, width: usize) -> Self {
        let mut g = Gutter {
            learner: marks.cursor.is_some() || !marks.selected.is_empty(),
            marks: !marks.marked.is_empty() || !block.marked_lines.is_empty(),
            digits: if marks.line_numbers && !block.diagram {
                lines.max(1).to_string().len()
            } else {
                0
            },
        };
        // Narrow: give up line numbers first, then the marks columns.
        if g.width() + 4 > width {
            g.digits = 0;
        }
        if g.width() + 4 > width {
            g.learner = false;
        }
        if g.width() + 4 > width {
            g.marks = false;
        }
        g
    }

    fn width(&self) -> usize {
        2 * usize::from(self.learner)
            + 2 * usize::from(self.marks)
            + if self.digits > 0 { self.digits + 3 } else { 0 }
    }
}

pub(crate) fn code_rows(
    block: &CodeBlock,
    width: usize,
    theme: &Theme,
    marks: &CodeMarks,
) -> CodeRows {
    let width = width.max(1);
    let source: Vec<StyledLine> = styled_source(block, theme, marks.highlight);
    let gutter = Gutter::new(block, marks, source.len(), width);
    let content_w = width.saturating_sub(gutter.width()).max(1);
    let mut groups = Vec::with_capacity(source.len());
    for (i, runs) in source.iter().enumerate() {
        let n = i + 1;
        let marked = block.marked_lines.contains(&n) || marks.marked.contains(&n);
        let row_style = if marked {
            theme.code_marked()
        } else {
            theme.code()
        };
        let runs: Vec<(Style, String)> = runs
            .iter()
            .map(|(s, t)| (row_style.patch(*s), t.clone()))
            .collect();
        let pieces = if block.diagram {
            vec![clip(&runs, content_w, (CLIPPED, theme.warn()))]
        } else {
            wrap_code(&runs, content_w, gutter.digits == 0, row_style)
        };
        let group = pieces
            .into_iter()
            .enumerate()
            .map(|(part, piece)| {
                let mut row = gutter_cells(&gutter, marks, n, marked, part > 0, theme);
                for (s, t) in piece.runs {
                    row.push_str(s, &t);
                }
                row.pad_to(row_style, width);
                row.into_line()
            })
            .collect();
        groups.push(group);
    }
    CodeRows {
        header: header(block, width, theme),
        groups,
    }
}

/// The source as styled runs: highlighted when asked and possible, else plain.
fn styled_source(block: &CodeBlock, theme: &Theme, want_highlight: bool) -> Vec<StyledLine> {
    let count = block.code.lines().count().max(1);
    if want_highlight && !block.diagram {
        if let Some(lines) = highlight::highlight(&block.code, block.lang.as_deref(), theme) {
            if lines.len() == count || (lines.is_empty() && block.code.is_empty()) {
                return lines.as_ref().clone();
            }
        }
    }
    let mut out: Vec<StyledLine> = block
        .code
        .lines()
        .map(|l| vec![(Style::new(), l.to_owned())])
        .collect();
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

/// Wraps one code line; without line numbers, continuation rows start `↪ `.
fn wrap_code(
    runs: &[(Style, String)],
    width: usize,
    inline_mark: bool,
    style: Style,
) -> Vec<LineBuf> {
    let rows = hard_wrap(runs, width);
    if !inline_mark || rows.len() == 1 || width < 4 {
        return rows;
    }
    let mut rest: Vec<(Style, String)> = Vec::new();
    let mut first_row = None;
    for (i, row) in rows.into_iter().enumerate() {
        if i == 0 {
            first_row = Some(row);
        } else {
            rest.extend(row.runs);
        }
    }
    let mut out: Vec<LineBuf> = first_row.into_iter().collect();
    for mut row in hard_wrap(&rest, width - 2) {
        let mut marked = LineBuf::new();
        marked.push(style, CONTINUATION, 1);
        marked.push(style, " ", 1);
        for (s, t) in row.runs.drain(..) {
            marked.push_str(s, &t);
        }
        out.push(marked);
    }
    out
}

fn gutter_cells(
    g: &Gutter,
    marks: &CodeMarks,
    n: usize,
    marked: bool,
    continued: bool,
    theme: &Theme,
) -> LineBuf {
    let gs = theme.code_gutter();
    let mut row = LineBuf::new();
    if g.learner {
        let cursor = !continued && marks.cursor == Some(n);
        let selected = !continued && marks.selected.contains(&n);
        row.push(
            if cursor {
                gs.patch(theme.selected())
            } else {
                gs
            },
            if cursor { "▶" } else { " " },
            1,
        );
        row.push(
            if selected {
                gs.patch(theme.accent())
            } else {
                gs
            },
            if selected { "●" } else { " " },
            1,
        );
    }
    if g.marks {
        if marked && !continued {
            row.push(theme.code_marked(), FAIL_MARK, 2);
        } else {
            row.push(gs, "  ", 2);
        }
    }
    if g.digits > 0 {
        let num = if continued {
            CONTINUATION.to_owned()
        } else {
            n.to_string()
        };
        let style = if marked { theme.code_marked() } else { gs };
        row.push_str(style, &format!("{num:>w$} ", w = g.digits));
        row.push(gs, "│ ", 2);
    }
    row
}

/// The verdict label, e.g. `❌ fails`.
pub fn verdict_label(verdict: Verdict, theme: &Theme) -> (String, Style) {
    match verdict {
        Verdict::Fails => (format!("{FAIL_MARK} fails"), theme.bad()),
        Verdict::Works => (format!("{WORKS_MARK} works"), theme.good()),
    }
}

/// Title on the left, verdict on the right; stacked when they do not fit.
fn header(block: &CodeBlock, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let title = block.title.as_deref().unwrap_or("");
    let label = block.verdict.map(|v| verdict_label(v, theme));
    if title.is_empty() && label.is_none() {
        return Vec::new();
    }
    let title_style = theme.strong().patch(theme.accent());
    let title_w = text_width(title);
    let mut first = LineBuf::new();
    match label {
        Some((text, style)) if title_w + 1 + text_width(&text) <= width => {
            first.push_str(title_style, &truncate(title, title_w));
            first.pad_to(Style::new(), width - text_width(&text));
            first.push_str(style, &text);
            vec![first.into_line()]
        }
        Some((text, style)) => {
            let mut out = Vec::new();
            if !title.is_empty() {
                out.push(Line::styled(truncate(title, width), title_style));
            }
            out.push(Line::styled(truncate(&text, width), style));
            out
        }
        None => vec![Line::styled(truncate(title, width), title_style)],
    }
}
