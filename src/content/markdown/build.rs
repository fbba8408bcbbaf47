//! The event walker: pulldown-cmark events (with offsets) → blocks, using an
//! explicit stack of open containers (never recursion), so nesting depth
//! costs heap, not stack. Containers past [`super::MAX_DEPTH`] are
//! flattened: their content joins the parent. Containers are in
//! `build/containers.rs`, the lesson directives in
//! `build/directive_frames.rs`.

use super::code::{build_code, info_offset};
use super::inline::{InlineBuilder, Mark};
use super::{LineCounter, LineIndex, Parsed, Problem};
use crate::content::diagnostics::Severity;
use crate::content::model::{Alignment, Block, Inlines, ListItem, SinceNote, Table};
mod containers;
mod directive_frames;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    List,
    Item,
}

/// An open container.
enum Frame {
    Root {
        blocks: Vec<Block>,
        /// Each block's 1-based line in the file.
        lines: Vec<usize>,
    },
    Quote {
        blocks: Vec<Block>,
        offset: usize,
    },
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
        offset: usize,
    },
    Item {
        task: Option<bool>,
        blocks: Vec<Block>,
    },
    Since {
        note: SinceNote,
        offset: usize,
    },
    Compare {
        blocks: Vec<Block>,
        offset: usize,
    },
    /// A container nested too deep: its content goes to the parent.
    Flattened(Container),
}

#[derive(Default)]
struct TableBuilder {
    alignments: Vec<Alignment>,
    header: Vec<Inlines>,
    rows: Vec<Vec<Inlines>>,
    row: Vec<Inlines>,
    cell: Option<InlineBuilder>,
}

/// The leaf block being built.
#[derive(Default)]
enum Leaf {
    #[default]
    None,
    Para {
        inl: InlineBuilder,
        offset: usize,
    },
    Heading {
        level: u8,
        inl: InlineBuilder,
        offset: usize,
    },
    Code {
        info: Option<String>,
        text: String,
        offset: usize,
    },
    /// HTML block text, with (position in `text`, source offset) per event.
    Html {
        text: String,
        segs: Vec<(usize, usize)>,
    },
    Table {
        table: TableBuilder,
        offset: usize,
    },
}

pub(super) struct Builder<'t> {
    text: &'t str,
    /// Lines of top-level and code blocks, as they are finished.
    lines: LineCounter,
    first_line: usize,
    stack: Vec<Frame>,
    leaf: Leaf,
    problems: Vec<(usize, Severity, String)>,
    /// Set by a closing directive just before it pops its frame.
    closing: bool,
    /// Receives inline events that have nowhere to go (never rendered).
    discard: InlineBuilder,
    /// Open quote and list frames (flattened ones excluded).
    depth: usize,
    /// Room for the next paragraph's or heading's runs, handed from one
    /// to the next ([`InlineBuilder::finish_into`]).
    spare: Inlines,
}

/// About as many top-level blocks as `text` will give (one per 128 bytes
/// or so in prose), so that the list rarely grows: a long lesson's pieces
/// each push hundreds.
fn expected_blocks(text: &str) -> usize {
    text.len() / 128 + 4
}

impl<'t> Builder<'t> {
    pub fn new(text: &'t str, first_line: usize) -> Self {
        Builder {
            text,
            lines: LineCounter::default(),
            first_line: first_line.max(1),
            stack: vec![Frame::Root {
                blocks: Vec::with_capacity(expected_blocks(text)),
                lines: Vec::with_capacity(expected_blocks(text)),
            }],
            leaf: Leaf::None,
            problems: Vec::new(),
            closing: false,
            discard: InlineBuilder::default(),
            depth: 0,
            spare: Inlines::new(),
        }
    }

    pub fn run(self) -> Parsed {
        self.run_piece().0
    }

    /// The blocks, and whether the text ended with a directive (`compare`,
    /// `since`) still open: a piece of a longer text that does is not
    /// parsed as the whole text would parse it there (`super::pieces`).
    pub fn run_piece(mut self) -> (Parsed, bool) {
        let opts =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(self.text, opts).into_offset_iter() {
            self.event(event, range.start);
        }
        self.close_leaf();
        let left_open = self.stack.len() > 1;
        while self.stack.len() > 1 {
            self.pop_frame();
        }
        (self.finish(), left_open)
    }

    fn finish(self) -> Parsed {
        let (mut blocks, mut block_lines) = match self.stack.into_iter().next() {
            Some(Frame::Root { blocks, lines }) => (blocks, lines),
            _ => (Vec::new(), Vec::new()),
        };
        // Both were sized for the text: give back what was not used.
        blocks.shrink_to_fit();
        block_lines.shrink_to_fit();
        let shift = self.first_line - 1;
        // Columns need line starts; most lessons have no problem to place.
        let mut index = LineIndex::empty();
        let mut problems: Vec<Problem> = self
            .problems
            .into_iter()
            .map(|(offset, severity, message)| {
                index.cover(self.text, offset);
                let (line, col) = index.line_col(self.text, offset);
                Problem {
                    severity,
                    line: line + shift,
                    col,
                    message,
                }
            })
            .collect();
        problems.sort_by_key(|p| (p.line, p.col));
        Parsed {
            blocks,
            block_lines,
            problems,
        }
    }

    /// The 1-based line in the file of `offset` in this text.
    fn line_of(&mut self, offset: usize) -> usize {
        self.lines.line(self.text, offset) + self.first_line - 1
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.problems
            .push((offset, Severity::Error, message.into()));
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match &mut self.leaf {
                Leaf::Code { text, .. } => text.push_str(&t),
                _ => self.inline(offset).text(&t, false),
            },
            Event::Code(t) => self.inline(offset).text(&t, true),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.inline(offset).text(&t, true),
            Event::FootnoteReference(t) => self.inline(offset).text(&format!("[^{t}]"), false),
            Event::InlineHtml(h) => self.inline_html(&h, offset),
            Event::Html(h) => self.html(&h, offset),
            Event::SoftBreak => self.inline(offset).soft_break(),
            Event::HardBreak => self.inline(offset).hard_break(),
            Event::Rule => {
                self.close_leaf();
                self.push_block(Block::Rule, offset);
            }
            Event::TaskListMarker(checked) => {
                if let Some(Frame::Item { task, .. }) = self.stack.last_mut() {
                    *task = Some(checked);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Paragraph => {
                let inl = self.new_inline();
                self.open_leaf(Leaf::Para { inl, offset });
            }
            Tag::Heading { level, .. } => {
                let inl = self.new_inline();
                self.open_leaf(Leaf::Heading {
                    level: heading_level(level),
                    inl,
                    offset,
                });
            }
            Tag::CodeBlock(kind) => self.open_leaf(Leaf::Code {
                info: match kind {
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                },
                text: String::new(),
                offset,
            }),
            Tag::HtmlBlock => self.open_leaf(Leaf::Html {
                text: String::new(),
                segs: Vec::new(),
            }),
            Tag::Table(aligns) => self.open_leaf(Leaf::Table {
                table: TableBuilder {
                    alignments: aligns.into_iter().map(alignment).collect(),
                    ..TableBuilder::default()
                },
                offset,
            }),
            Tag::TableHead | Tag::TableRow => {
                if let Leaf::Table { table, .. } = &mut self.leaf {
                    table.row.clear();
                }
            }
            Tag::TableCell => {
                if let Leaf::Table { table, .. } = &mut self.leaf {
                    // Cells gather their runs in the spare buffer, as paragraphs do.
                    let spare = std::mem::take(&mut self.spare);
                    table.cell = Some(InlineBuilder::with_buffer(spare));
                }
            }
            Tag::BlockQuote(_) => self.open_container(Container::Quote, offset, None),
            Tag::List(start) => self.open_container(Container::List, offset, start),
            Tag::Item => self.open_container(Container::Item, offset, None),
            Tag::Emphasis => self.inline(offset).open(Mark::Emphasis),
            Tag::Strong => self.inline(offset).open(Mark::Strong),
            Tag::Strikethrough => self.inline(offset).open(Mark::Strike),
            Tag::Link { dest_url, .. } => self.inline(offset).open_link(&dest_url),
            Tag::Image { dest_url, .. } => self.inline(offset).open_image(&dest_url),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Table => self.close_leaf(),
            TagEnd::TableCell => {
                if let Leaf::Table { table, .. } = &mut self.leaf {
                    let (runs, buffer) = table.cell.take().unwrap_or_default().finish_into();
                    table.row.push(runs);
                    if buffer.capacity() > self.spare.capacity() {
                        self.spare = buffer;
                    }
                }
            }
            TagEnd::TableHead => {
                if let Leaf::Table { table, .. } = &mut self.leaf {
                    table.header = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Leaf::Table { table, .. } = &mut self.leaf {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::BlockQuote(_) => self.close_container(Container::Quote),
            TagEnd::List(_) => self.close_container(Container::List),
            TagEnd::Item => self.close_container(Container::Item),
            TagEnd::Emphasis => self.with_inline(|b| b.close(Mark::Emphasis)),
            TagEnd::Strong => self.with_inline(|b| b.close(Mark::Strong)),
            TagEnd::Strikethrough => self.with_inline(|b| b.close(Mark::Strike)),
            TagEnd::Link => self.with_inline(InlineBuilder::close_link),
            TagEnd::Image => self.with_inline(InlineBuilder::close_image),
            _ => {}
        }
    }

    /// The inline builder of the current leaf, opening an implicit paragraph
    /// (tight list items have no paragraph events) when there is none.
    fn inline(&mut self, offset: usize) -> &mut InlineBuilder {
        if !matches!(
            self.leaf,
            Leaf::Para { .. } | Leaf::Heading { .. } | Leaf::Table { .. }
        ) {
            let inl = self.new_inline();
            self.open_leaf(Leaf::Para { inl, offset });
        }
        match &mut self.leaf {
            Leaf::Para { inl, .. } | Leaf::Heading { inl, .. } => inl,
            Leaf::Table { table, .. } => table.cell.get_or_insert_with(InlineBuilder::default),
            _ => &mut self.discard,
        }
    }

    fn with_inline(&mut self, f: impl FnOnce(&mut InlineBuilder)) {
        match &mut self.leaf {
            Leaf::Para { inl, .. } | Leaf::Heading { inl, .. } => f(inl),
            Leaf::Table { table, .. } => {
                if let Some(cell) = &mut table.cell {
                    f(cell);
                }
            }
            _ => {}
        }
    }

    fn new_inline(&mut self) -> InlineBuilder {
        InlineBuilder::with_buffer(std::mem::take(&mut self.spare))
    }

    /// The runs of a closed paragraph or heading; its buffer becomes the
    /// spare when it has more room.
    fn finish_inline(&mut self, inl: InlineBuilder) -> Inlines {
        let (runs, buffer) = inl.finish_into();
        if buffer.capacity() > self.spare.capacity() {
            self.spare = buffer;
        }
        runs
    }

    fn open_leaf(&mut self, leaf: Leaf) {
        self.close_leaf();
        self.leaf = leaf;
    }

    fn close_leaf(&mut self) {
        match std::mem::take(&mut self.leaf) {
            Leaf::None => {}
            Leaf::Para { inl, offset } => {
                let inl = self.finish_inline(inl);
                if !inl.is_empty() {
                    self.push_block(Block::Paragraph(inl), offset);
                }
            }
            Leaf::Heading { level, inl, offset } => {
                let text = self.finish_inline(inl);
                self.push_block(Block::Heading { level, text }, offset);
            }
            Leaf::Code { info, text, offset } => {
                let line = self.line_of(offset);
                let (code, problems) = build_code(info.as_deref(), text, line);
                let info_at = info_offset(self.text, offset, info.as_deref());
                for (at, p) in problems {
                    self.error(info_at.map_or(offset, |i| i + at), p);
                }
                self.push_block(Block::Code(Box::new(code)), offset);
            }
            Leaf::Html { text, segs } => self.html_block(&text, &segs),
            Leaf::Table { table, offset } => {
                let table = Table {
                    alignments: table.alignments,
                    header: table.header,
                    rows: table.rows,
                };
                self.push_block(Block::Table(Box::new(table)), offset);
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn alignment(a: pulldown_cmark::Alignment) -> Alignment {
    match a {
        pulldown_cmark::Alignment::None => Alignment::None,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}
