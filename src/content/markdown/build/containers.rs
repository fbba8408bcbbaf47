//! The container half of the builder: quotes, lists and list items opened
//! and closed as frames on the builder's stack (never recursion), content
//! past [`super::super::MAX_DEPTH`] flattened into the parent, and each
//! finished block handed to the innermost frame that takes blocks.

use super::{Builder, Container, Frame};
use crate::content::markdown::MAX_DEPTH;
use crate::content::model::{Block, List, ListItem};

impl Builder<'_> {
    pub(super) fn open_container(&mut self, kind: Container, offset: usize, start: Option<u64>) {
        self.close_leaf();
        let depth = self.depth;
        let frame = match kind {
            Container::Item if matches!(self.stack.last(), Some(Frame::List { .. })) => {
                Frame::Item {
                    task: None,
                    // Room for the one paragraph most items hold: no
                    // growing to four and shrinking back when it closes.
                    blocks: Vec::with_capacity(1),
                }
            }
            Container::Item => Frame::Flattened(kind),
            _ if depth >= MAX_DEPTH => Frame::Flattened(kind),
            Container::Quote => Frame::Quote {
                blocks: Vec::new(),
                offset,
            },
            Container::List => Frame::List {
                start,
                items: Vec::new(),
                offset,
            },
        };
        if matches!(frame, Frame::Quote { .. } | Frame::List { .. }) {
            self.depth += 1;
        }
        self.stack.push(frame);
    }

    /// Closes the innermost container of `kind`, and any directive left open inside it.
    pub(super) fn close_container(&mut self, kind: Container) {
        self.close_leaf();
        while self.stack.len() > 1 {
            let closes = match self.stack.last() {
                Some(Frame::Quote { .. }) => kind == Container::Quote,
                Some(Frame::List { .. }) => kind == Container::List,
                Some(Frame::Item { .. }) => kind == Container::Item,
                Some(Frame::Flattened(k)) => *k == kind,
                _ => false,
            };
            self.pop_frame();
            if closes {
                break;
            }
        }
    }

    /// Pops the top frame and hands what it built to its parent.
    pub(super) fn pop_frame(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if matches!(frame, Frame::Quote { .. } | Frame::List { .. }) {
            self.depth -= 1;
        }
        // A closed container gets no more children: the room its lists grew
        // for goes back to the allocator, in place (most items hold one
        // paragraph in room for four).
        match frame {
            Frame::Root { .. } | Frame::Flattened(_) => {}
            Frame::Quote { mut blocks, offset } => {
                blocks.shrink_to_fit();
                self.push_block(Block::Quote(blocks), offset);
            }
            Frame::List {
                start,
                mut items,
                offset,
            } => {
                items.shrink_to_fit();
                self.push_block(Block::List(List { start, items }), offset);
            }
            Frame::Item { task, mut blocks } => match self.stack.last_mut() {
                Some(Frame::List { items, .. }) => {
                    blocks.shrink_to_fit();
                    items.push(ListItem { task, blocks });
                }
                _ => self.flush(blocks, 0),
            },
            Frame::Compare { blocks, offset } => self.finish_compare(blocks, offset),
            Frame::Since { note, offset } => self.finish_since(note, offset),
        }
    }

    pub(super) fn flush(&mut self, blocks: Vec<Block>, offset: usize) {
        for b in blocks {
            self.push_block(b, offset);
        }
    }

    pub(super) fn push_block(&mut self, block: Block, offset: usize) {
        let Some(at) = self
            .stack
            .iter()
            .rposition(|f| !matches!(f, Frame::Flattened(_)))
        else {
            return;
        };
        // A top-level block's line, counted on from the last line asked
        // for (the blocks and code blocks come in the order of the text).
        let line = matches!(self.stack[at], Frame::Root { .. }).then(|| self.line_of(offset));
        match &mut self.stack[at] {
            Frame::Root { blocks, lines } => {
                blocks.push(block);
                lines.extend(line);
            }
            Frame::Quote { blocks, .. }
            | Frame::Item { blocks, .. }
            | Frame::Compare { blocks, .. } => blocks.push(block),
            Frame::Since { note, .. } => note.blocks.push(block),
            Frame::List { items, .. } => match items.last_mut() {
                Some(item) => item.blocks.push(block),
                None => items.push(ListItem {
                    task: None,
                    blocks: vec![block],
                }),
            },
            Frame::Flattened(_) => {}
        }
    }
}
