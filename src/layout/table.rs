//! GFM tables: column widths fitted to the width (natural widths when they
//! fit, else shared out so narrow columns keep their natural width), cell
//! text wrapped, alignment honoured, box-drawing borders. When each column
//! would get fewer than [`MIN_COLUMN`] cells, or too few for its longest word
//! (so words would break mid-way), the table becomes one record per
//! row (`Header: value` lines), which stays readable at 40 columns.

use super::text::wrap_inline_bufs;
use super::wrap::{truncate, LineBuf};
use crate::content::model::{Alignment, Inline, Table, TextRun, TextStyle};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Line;

pub const MIN_COLUMN: usize = 10;
/// Words longer than this may be broken inside a grid cell (URLs, paths).
const WORD_CAP: usize = 16;
/// No cell is measured wider than this (a long URL must not starve the rest).
const MEASURE_MAX: usize = 1000;

pub fn render(table: &Table, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let cols = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    let overhead = 3 * cols + 1;
    let avail = width.saturating_sub(overhead);
    if avail / cols < MIN_COLUMN {
        return records(table, cols, width, theme);
    }
    let widths = fit(&natural_widths(table, cols, theme), avail);
    let words = longest_words(table, cols);
    if widths.iter().zip(&words).any(|(w, word)| w < word) {
        return records(table, cols, width, theme);
    }
    grid(table, &widths, theme)
}

fn cell(row: &[Inlines], c: usize) -> &[Inline] {
    row.get(c).map_or(&[][..], Vec::as_slice)
}

type Inlines = Vec<Inline>;

fn natural_widths(table: &Table, cols: usize, theme: &Theme) -> Vec<usize> {
    let mut widths = vec![1; cols];
    for row in std::iter::once(&table.header).chain(&table.rows) {
        for (c, w) in widths.iter_mut().enumerate() {
            let lines = wrap_inline_bufs(cell(row, c), MEASURE_MAX, theme, Style::new());
            *w = lines.iter().map(|l| l.width).max().unwrap_or(0).max(*w);
        }
    }
    widths
}

/// Per column, the widest word (capped at [`WORD_CAP`]): a column narrower
/// than that would break words in the middle, so the records form reads better.
fn longest_words(table: &Table, cols: usize) -> Vec<usize> {
    let mut words = vec![0; cols];
    for row in std::iter::once(&table.header).chain(&table.rows) {
        for (c, w) in words.iter_mut().enumerate() {
            let text = super::text::plain_text(cell(row, c));
            let longest = text
                .split_whitespace()
                .map(super::wrap::width)
                .max()
                .unwrap_or(0);
            *w = (*w).max(longest.min(WORD_CAP));
        }
    }
    words
}

/// Shares `avail` cells out: columns narrower than an equal share keep
/// their natural width, the rest split what remains.
fn fit(natural: &[usize], avail: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= avail {
        return natural.to_vec();
    }
    let mut widths = vec![0; natural.len()];
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut remaining = avail;
    while !open.is_empty() {
        let share = remaining / open.len();
        let (fits, rest): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&c| natural[c] <= share);
        if fits.is_empty() {
            let extra = remaining - share * open.len();
            for (i, &c) in open.iter().enumerate() {
                widths[c] = share + usize::from(i < extra);
            }
            break;
        }
        for c in fits {
            widths[c] = natural[c];
            remaining -= natural[c];
        }
        open = rest;
    }
    widths
}

fn grid(table: &Table, widths: &[usize], theme: &Theme) -> Vec<Line<'static>> {
    let border = theme.border();
    let rule = |l: &str, m: &str, r: &str| {
        let inner: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        Line::styled(format!("{l}{}{r}", inner.join(m)), border)
    };
    let mut out = vec![rule("┌", "┬", "┐")];
    out.extend(row_lines(
        &table.header,
        widths,
        &table.alignments,
        theme,
        theme.strong(),
    ));
    out.push(rule("├", "┼", "┤"));
    let wrapped = table.rows.iter().any(|r| row_height(r, widths, theme) > 1);
    for (i, row) in table.rows.iter().enumerate() {
        if wrapped && i > 0 {
            out.push(rule("├", "┼", "┤"));
        }
        out.extend(row_lines(
            row,
            widths,
            &table.alignments,
            theme,
            theme.text(),
        ));
    }
    out.push(rule("└", "┴", "┘"));
    out
}

fn row_height(row: &[Inlines], widths: &[usize], theme: &Theme) -> usize {
    widths
        .iter()
        .enumerate()
        .map(|(c, &w)| wrap_inline_bufs(cell(row, c), w, theme, Style::new()).len())
        .max()
        .unwrap_or(1)
}

fn row_lines(
    row: &[Inlines],
    widths: &[usize],
    aligns: &[Alignment],
    theme: &Theme,
    base: Style,
) -> Vec<Line<'static>> {
    let cells: Vec<Vec<LineBuf>> = widths
        .iter()
        .enumerate()
        .map(|(c, &w)| wrap_inline_bufs(cell(row, c), w, theme, base))
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    let border = theme.border();
    (0..height)
        .map(|r| {
            let mut line = LineBuf::new();
            line.push(border, "│", 1);
            for (c, &w) in widths.iter().enumerate() {
                line.push(base, " ", 1);
                let part = cells[c].get(r).cloned().unwrap_or_default();
                aligned(
                    &mut line,
                    part,
                    w,
                    aligns.get(c).copied().unwrap_or_default(),
                    base,
                );
                line.push(base, " ", 1);
                line.push(border, "│", 1);
            }
            line.into_line()
        })
        .collect()
}

fn aligned(line: &mut LineBuf, part: LineBuf, w: usize, align: Alignment, base: Style) {
    let gap = w.saturating_sub(part.width);
    let before = match align {
        Alignment::Right => gap,
        Alignment::Center => gap / 2,
        Alignment::None | Alignment::Left => 0,
    };
    let start = line.width;
    line.pad_to(base, start + before);
    for (s, t) in part.runs {
        line.push_str(s, &t);
    }
    line.pad_to(base, start + w);
}

/// One record per row: `Header: value`, records separated by a rule.
fn records(table: &Table, cols: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        if i > 0 {
            out.push(Line::styled(
                "─".repeat(width.min(MIN_COLUMN * 2)),
                theme.border(),
            ));
        }
        for c in 0..cols {
            let mut inl: Vec<Inline> = cell(&table.header, c)
                .iter()
                .map(|i| match i {
                    Inline::Text(r) => Inline::Text(TextRun {
                        style: TextStyle {
                            strong: true,
                            ..r.style
                        },
                        ..r.clone()
                    }),
                    other => other.clone(),
                })
                .collect();
            if !inl.is_empty() {
                inl.push(Inline::Text(TextRun {
                    text: ": ".into(),
                    ..Default::default()
                }));
            }
            inl.extend(cell(row, c).iter().cloned());
            out.extend(
                wrap_inline_bufs(&inl, width, theme, theme.text())
                    .into_iter()
                    .map(LineBuf::into_line),
            );
        }
    }
    if table.rows.is_empty() {
        let names: Vec<String> = table
            .header
            .iter()
            .map(|h| super::text::plain_text(h))
            .collect();
        out.push(Line::styled(
            truncate(&names.join(" · "), width),
            theme.strong(),
        ));
    }
    out
}
