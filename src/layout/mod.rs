//! Model + width → styled lines. The only stage that knows the screen width.
//!
//! STUB: a naive placeholder so the views can be built against the API; the
//! renderer issue replaces the body of these functions (keep the signatures,
//! or update every caller).

use crate::content::model::{Block, Inline, Lesson};
use crate::theme::Theme;
use ratatui::text::Line;

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

pub fn layout_blocks(blocks: &[Block], _opts: &LayoutOptions) -> Laid {
    let mut laid = Laid::default();
    for block in blocks {
        laid.block_rows.push(laid.lines.len());
        if let Block::Paragraph(inl) | Block::Heading { text: inl, .. } = block {
            let text: String = inl
                .iter()
                .map(|i| match i {
                    Inline::Text(t) => t.text.as_str(),
                    _ => " ",
                })
                .collect();
            laid.lines.push(Line::raw(text));
            laid.lines.push(Line::raw(""));
        }
    }
    laid
}
