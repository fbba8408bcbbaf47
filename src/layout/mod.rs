//! Model + width → styled lines. The only stage that knows the screen width.
//!
//! [`layout_blocks`] lays out a sequence of blocks (a lesson, a slide, a quiz
//! prompt) for a width from 1 to 1000 cells: no line it returns is ever wider
//! than the width, no unsafe character reaches a span, nesting deeper than
//! [`MAX_DEPTH`] is flattened without recursion. One file per construct.

pub mod ansi;
pub mod cache;
pub mod code;
pub mod compare;
pub mod heading;
pub mod list;
pub mod quote;
pub mod since;
pub mod table;
pub mod text;
pub mod wrap;

use crate::content::model::{Block, Lesson, ListItem};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use cache::LayoutCache;

/// Containers (quotes, lists, notes) nested deeper than this are flattened:
/// their content is still shown, without more indentation or recursion.
pub const MAX_DEPTH: usize = 12;

/// Options for one layout pass. Part of the cache key (with the lesson).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    pub width: u16,
    pub theme: Theme,
    /// Apply syntax highlighting to code (off: plain code style, e.g. for the first frame).
    pub highlight: bool,
}

/// A laid-out lesson (or slide, or prompt).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    pub anchors: Vec<Anchor>,
    /// For each top-level block, the row it starts at (for resume and resize).
    pub block_rows: Vec<usize>,
}

impl Laid {
    /// The top-level block shown at `row` (to keep the reader's place on resize).
    pub fn block_at(&self, row: usize) -> usize {
        self.block_rows
            .partition_point(|&r| r <= row)
            .saturating_sub(1)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// Row in `lines`.
    pub row: usize,
    /// Index of the top-level block it belongs to.
    pub block: usize,
    pub kind: AnchorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnchorKind {
    Heading {
        level: u8,
        text: String,
    },
    /// A `<!-- pause -->` reveal step: rows before `row` are one step.
    Pause,
}

pub fn layout_lesson(lesson: &Lesson, opts: &LayoutOptions) -> Laid {
    layout_blocks(&lesson.blocks, opts)
}

/// Lays out top-level blocks, blank lines between visible ones, recording
/// each block's first row and the heading and pause anchors.
pub fn layout_blocks(blocks: &[Block], opts: &LayoutOptions) -> Laid {
    layout_prefix(blocks, opts, blocks.len(), 0)
}

/// [`layout_blocks`] for as many of `blocks` as the screen needs: every
/// block through index `through`, then on until `extra_rows` more rows are
/// laid out. A megabyte lesson's first screen costs a few blocks, not its
/// tens of thousands of rows.
pub fn layout_prefix(
    blocks: &[Block],
    opts: &LayoutOptions,
    through: usize,
    extra_rows: usize,
) -> Laid {
    let width = usize::from(opts.width.max(1));
    let mut laid = Laid {
        block_rows: Vec::with_capacity(blocks.len().min(through.saturating_add(64))),
        ..Laid::default()
    };
    let mut rows_at_through = None;
    for (index, block) in blocks.iter().enumerate() {
        if let Some(start) = rows_at_through {
            if laid.lines.len() >= start + extra_rows {
                break;
            }
        }
        push_block(&mut laid, index, block, width, opts);
        if index == through {
            rows_at_through = laid.block_rows.last().copied();
        }
    }
    laid
}

fn push_block(laid: &mut Laid, index: usize, block: &Block, width: usize, opts: &LayoutOptions) {
    let lines = block_lines(block, width, opts, 0);
    if !lines.is_empty() && !laid.lines.is_empty() {
        laid.lines.push(Line::default());
    }
    let row = laid.lines.len();
    laid.block_rows.push(row);
    match block {
        Block::Heading { level, text } => laid.anchors.push(Anchor {
            row,
            block: index,
            kind: AnchorKind::Heading {
                level: *level,
                text: text::plain_text(text),
            },
        }),
        Block::Pause => laid.anchors.push(Anchor {
            row,
            block: index,
            kind: AnchorKind::Pause,
        }),
        _ => {}
    }
    laid.lines.extend(lines);
}

/// Lays out nested blocks at `width`; `compact` (list items) drops the blank
/// lines between them.
pub(crate) fn blocks_lines(
    blocks: &[Block],
    width: usize,
    opts: &LayoutOptions,
    depth: usize,
    compact: bool,
) -> Vec<Line<'static>> {
    if depth >= MAX_DEPTH {
        return flatten_deep(blocks, width, opts);
    }
    let mut out = Vec::new();
    for block in blocks {
        let lines = block_lines(block, width, opts, depth);
        if !compact && !lines.is_empty() && !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(lines);
    }
    out
}

/// The lines of one block at `width` cells.
pub(crate) fn block_lines(
    block: &Block,
    width: usize,
    opts: &LayoutOptions,
    depth: usize,
) -> Vec<Line<'static>> {
    let theme = &opts.theme;
    match block {
        Block::Heading { level, text } => heading::render(*level, text, width, theme),
        Block::Paragraph(inl) => text::wrap_inlines(inl, width, theme, theme.text()),
        Block::List(list) if depth < MAX_DEPTH => list::render(list, width, opts, depth),
        Block::Quote(blocks) if depth < MAX_DEPTH => quote::render(blocks, width, opts, depth),
        Block::Since(note) if depth < MAX_DEPTH => since::render(note, width, opts, depth),
        Block::List(_) | Block::Quote(_) | Block::Since(_) => {
            flatten_deep(std::slice::from_ref(block), width, opts)
        }
        Block::Code(cb) => {
            code::render_code_opts(cb, width, theme, &code::CodeMarks::lesson(opts.highlight))
        }
        Block::Compare(cmp) => compare::render_comparison_opts(
            cmp,
            width,
            theme,
            compare::CompareReveal::Both,
            opts.highlight,
        ),
        Block::Table(t) => table::render(t, width, theme),
        Block::Rule => vec![Line::styled("─".repeat(width), theme.border())],
        Block::Html(html) => raw_html(html, width, theme),
        Block::Pause | Block::Notes(_) => Vec::new(),
    }
}

/// Raw HTML, shown literally (never interpreted), hard-wrapped.
fn raw_html(html: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let style = theme.dim();
    html.lines()
        .flat_map(|l| wrap::hard_wrap(&[(style, l.to_owned())], width))
        .map(wrap::LineBuf::into_line)
        .collect()
}

/// Prefixes each line: `first` on the first one, `rest` on the others.
pub(crate) fn prefix_lines(
    lines: Vec<Line<'static>>,
    first: (&str, Style),
    rest: (&str, Style),
) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let (text, style) = if i == 0 { first } else { rest };
            let mut spans = Vec::with_capacity(line.spans.len() + 1);
            spans.push(Span::styled(text.to_owned(), style));
            spans.extend(line.spans);
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// What is left to walk while flattening.
enum Walk<'a> {
    Blocks(std::slice::Iter<'a, Block>),
    Items(std::slice::Iter<'a, ListItem>),
}

/// Lays out arbitrarily deep containers with an explicit stack (no
/// recursion): leaf blocks at full `width`, containers unwrapped, a dim
/// `⋮` line saying the nesting was flattened.
fn flatten_deep(blocks: &[Block], width: usize, opts: &LayoutOptions) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        wrap::truncate("⋮ (deeper nesting shown flat)", width),
        opts.theme.dim(),
    )];
    let mut stack = vec![Walk::Blocks(blocks.iter())];
    while let Some(top) = stack.last_mut() {
        let next = match top {
            Walk::Blocks(it) => it.next().map(Ok),
            Walk::Items(it) => it.next().map(Err),
        };
        match next {
            None => {
                stack.pop();
            }
            Some(Err(item)) => stack.push(Walk::Blocks(item.blocks.iter())),
            Some(Ok(Block::Quote(inner))) => stack.push(Walk::Blocks(inner.iter())),
            Some(Ok(Block::Since(note))) => stack.push(Walk::Blocks(note.blocks.iter())),
            Some(Ok(Block::List(list))) => stack.push(Walk::Items(list.items.iter())),
            Some(Ok(leaf)) => out.extend(block_lines(leaf, width, opts, MAX_DEPTH)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Inline, TextRun};
    use crate::theme::ThemeName;

    fn paragraph(n: usize) -> Block {
        Block::Paragraph(vec![Inline::Text(TextRun {
            text: format!("Paragraph {n}: long enough to wrap onto a second row at forty columns.")
                .into(),
            ..TextRun::default()
        })])
    }

    #[test]
    fn a_prefix_is_the_start_of_the_whole_layout() {
        let blocks: Vec<Block> = (0..200).map(paragraph).collect();
        let opts = LayoutOptions {
            width: 40,
            theme: Theme::new(ThemeName::Dark, true),
            highlight: false,
        };
        let whole = layout_blocks(&blocks, &opts);
        let prefix = layout_prefix(&blocks, &opts, 10, 30);
        let laid = prefix.block_rows.len();
        assert!(laid > 10 && laid < 30, "{laid} blocks");
        let through = whole.block_rows[10];
        assert!(prefix.lines.len() >= through + 30);
        assert_eq!(prefix.lines[..], whole.lines[..prefix.lines.len()]);
        assert_eq!(prefix.block_rows[..], whole.block_rows[..laid]);
        // Past the end: everything.
        assert_eq!(layout_prefix(&blocks, &opts, 500, 30), whole);
    }
}
