//! Code snippets and comparisons on the quiz screens, drawn by the renderer
//! (`layout::code::render_code`, `layout::compare::render_comparison`) so
//! they look exactly like the lessons'. Marks are symbols as well as styles:
//! ▶ cursor, ● marked by you, ❌ the lines that fail.

use crate::content::model::{CodeBlock, Comparison, Verdict};
use crate::layout::code::{render_code, CodeMarks};
use crate::layout::compare::{render_comparison, CompareReveal};
use crate::theme::Theme;
use ratatui::text::Line;

/// What to mark on a snippet (1-based lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnippetMarks {
    /// The correct failing lines.
    pub marked: Vec<usize>,
    /// The learner's marks.
    pub selected: Vec<usize>,
    /// The line cursor.
    pub cursor: Option<usize>,
}

fn block(code: &str, lang: &str, title: Option<String>, verdict: Option<Verdict>) -> CodeBlock {
    let mut b = CodeBlock::plain(Some(lang), code);
    b.title = title;
    b.verdict = verdict;
    b
}

/// The rows of the row holding the cursor mark `▶`, if any.
fn cursor_row(lines: &[Line<'_>]) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.spans.iter().any(|s| s.content.contains('▶')))
}

/// A snippet with line numbers and marks, and the row of its cursor line.
pub fn snippet(
    code: &str,
    lang: &str,
    width: usize,
    theme: &Theme,
    marks: &SnippetMarks,
) -> (Vec<Line<'static>>, Option<usize>) {
    let marks = CodeMarks {
        marked: marks.marked.clone(),
        selected: marks.selected.clone(),
        cursor: marks.cursor,
        line_numbers: true,
        highlight: true,
    };
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let lines = render_code(&block(code, lang, None, None), width, theme, &marks);
    let focus = marks.cursor.and_then(|_| cursor_row(&lines));
    (lines, focus)
}

/// One side of a comparison: its title and, once answered, its verdict label.
pub struct CompareSide<'a> {
    pub title: String,
    pub code: &'a str,
    pub verdict: Option<Verdict>,
}

/// Two snippets, side by side from `layout::compare::SIDE_BY_SIDE_MIN` columns, stacked
/// below; and the row of the title that carries the cursor `▶`.
pub fn comparison(
    left: CompareSide<'_>,
    right: CompareSide<'_>,
    lang: &str,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let cmp = Comparison {
        left: block(left.code, lang, Some(left.title), left.verdict),
        right: block(right.code, lang, Some(right.title), right.verdict),
    };
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let lines = render_comparison(&cmp, width, theme, CompareReveal::Both);
    let focus = cursor_row(&lines);
    (lines, focus)
}
