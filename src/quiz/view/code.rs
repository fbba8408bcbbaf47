//! Code snippets and side-by-side comparisons for the quiz screens.
//!
//! A small local renderer (line numbers, the learner's marks, the cursor,
//! the correct failing lines) behind [`code_lines`] and [`compare_lines`], so
//! switching to the renderer's `layout::code::render_code` and
//! `layout::compare::render_comparison` is a change in these two functions.
//! Marks are symbols as well as styles: ▶ cursor, ● marked by you, ❌ fails.

use super::text::{split_to_width, width_of};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// What to mark on a snippet (1-based lines), mirroring the renderer's `CodeMarks`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeMarks {
    /// The correct failing lines: ❌ and the marked background.
    pub marked: Vec<usize>,
    /// The learner's marks: ●.
    pub selected: Vec<usize>,
    /// The line cursor: ▶.
    pub cursor: Option<usize>,
}

/// Width from which a comparison is shown side by side.
pub const SIDE_BY_SIDE_MIN: usize = 100;

pub fn code_lines(
    code: &str,
    width: usize,
    theme: &Theme,
    marks: &CodeMarks,
) -> Vec<Line<'static>> {
    code_block(code, width, theme, marks).0
}

/// The lines of a snippet and, per source line, the row it starts at
/// (lines wrap, so the cursor's row is not its number).
pub fn code_block(
    code: &str,
    width: usize,
    theme: &Theme,
    marks: &CodeMarks,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let count = code.lines().count().max(1);
    let num_w = count.to_string().len();
    // "▶" + mark (3 cols) + number + " │ "
    let gutter_w = 1 + 3 + num_w + 3;
    let text_w = width.saturating_sub(gutter_w).max(1);
    let mut out = Vec::new();
    let mut starts = Vec::new();
    let source: Vec<&str> = if code.is_empty() {
        vec![""]
    } else {
        code.lines().collect()
    };
    for (i, text) in source.iter().enumerate() {
        let n = i + 1;
        let is_cursor = marks.cursor == Some(n);
        let is_marked = marks.marked.contains(&n);
        let is_selected = marks.selected.contains(&n);
        let mut style = if is_marked {
            theme.code_marked()
        } else {
            theme.code()
        };
        if is_cursor {
            style = style.patch(theme.selected());
        }
        let gutter = theme.code_gutter();
        let cursor = if is_cursor { "▶" } else { " " };
        let mark = match (is_marked, is_selected) {
            (true, true) => "❌●",
            (true, false) => "❌ ",
            (false, true) => "●  ",
            _ => "   ",
        };
        let mark_style = if is_marked {
            theme.bad()
        } else {
            theme.accent()
        };
        starts.push(out.len());
        for (k, piece) in split_to_width(text, text_w).into_iter().enumerate() {
            let (c, m, num) = if k == 0 {
                (cursor, mark, format!("{n:>num_w$}"))
            } else {
                (" ", "   ", " ".repeat(num_w))
            };
            let pad = text_w.saturating_sub(width_of(&piece));
            out.push(Line::from(vec![
                Span::styled(c, theme.accent()),
                Span::styled(m, mark_style),
                Span::styled(format!("{num} │ "), gutter),
                Span::styled(piece, style),
                Span::styled(" ".repeat(pad), style),
            ]));
        }
    }
    (out, starts)
}

/// One side of a comparison: its title row and code.
pub struct CompareSide<'a> {
    pub title: Line<'static>,
    pub code: &'a str,
    pub marks: CodeMarks,
}

/// Two snippets, side by side from [`SIDE_BY_SIDE_MIN`] columns, stacked below.
pub fn compare_lines(
    left: CompareSide<'_>,
    right: CompareSide<'_>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if width < SIDE_BY_SIDE_MIN {
        let mut out = vec![left.title];
        out.extend(code_lines(left.code, width, theme, &left.marks));
        out.push(Line::raw(""));
        out.push(right.title);
        out.extend(code_lines(right.code, width, theme, &right.marks));
        return out;
    }
    let col = (width - 3) / 2;
    let mut l = vec![left.title];
    l.extend(code_lines(left.code, col, theme, &left.marks));
    let mut r = vec![right.title];
    r.extend(code_lines(right.code, col, theme, &right.marks));
    let rows = l.len().max(r.len());
    (0..rows)
        .map(|i| {
            let mut spans = padded(l.get(i), col);
            spans.push(Span::styled(" │ ", theme.border()));
            spans.extend(r.get(i).map(|line| line.spans.clone()).unwrap_or_default());
            Line::from(spans)
        })
        .collect()
}

fn padded(line: Option<&Line<'static>>, col: usize) -> Vec<Span<'static>> {
    let mut spans = line.map(|l| l.spans.clone()).unwrap_or_default();
    let used: usize = spans.iter().map(|s| width_of(&s.content)).sum();
    spans.push(Span::styled(
        " ".repeat(col.saturating_sub(used)),
        Style::new(),
    ));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.to_string().trim_end().to_owned())
            .collect()
    }

    #[test]
    fn gutter_marks_and_wrapping() {
        let theme = Theme::no_color(ThemeName::Dark);
        let marks = CodeMarks {
            marked: vec![1],
            selected: vec![2],
            cursor: Some(2),
        };
        let lines = code_lines("let a = 1;\nlet bb = 22;", 15, &theme, &marks);
        assert_eq!(
            text(&lines),
            [
                " ❌ 1 │ let a =",
                "      │  1;",
                "▶●  2 │ let bb",
                "      │ = 22;"
            ]
        );
        for l in &lines {
            assert_eq!(l.width(), 15);
        }
    }

    #[test]
    fn comparisons_stack_when_narrow() {
        let theme = Theme::no_color(ThemeName::Dark);
        let side = |t: &str, c| CompareSide {
            title: Line::raw(t.to_owned()),
            code: c,
            marks: CodeMarks::default(),
        };
        let narrow = compare_lines(side("L", "a"), side("R", "b"), 40, &theme);
        assert_eq!(text(&narrow), ["L", "    1 │ a", "", "R", "    1 │ b"]);
        let wide = compare_lines(side("L", "a"), side("R", "b"), 101, &theme);
        assert_eq!(wide.len(), 2);
        assert!(wide[1].to_string().contains("│ a"));
        assert!(wide[1].to_string().trim_end().ends_with("    1 │ b"));
    }
}
