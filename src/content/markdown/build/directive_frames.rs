//! The directive half of the builder: HTML blocks split into comments,
//! pause/notes blocks, and the compare / since frames opened and closed by
//! their comments (checked: exactly two fences, a date and a source, no
//! nesting, closed in the same container they were opened in).

use super::super::directives::{classify, misspelt, scan, Directive, Piece};
use super::{Builder, Frame, Leaf};
use crate::content::diagnostics::Severity;
use crate::content::model::{Block, Comparison, SinceNote};
use crate::content::sanitize;

impl Builder<'_> {
    pub(super) fn html_block(&mut self, text: &str, segs: &[(usize, usize)]) {
        let source = |pos: usize| {
            let i = segs.partition_point(|&(p, _)| p <= pos).saturating_sub(1);
            segs.get(i).map_or(0, |&(p, o)| o + (pos - p))
        };
        for piece in scan(text) {
            match piece {
                Piece::Html { start, text } if !text.trim().is_empty() => {
                    let html = sanitize::multiline(text.trim_end()).into_owned();
                    self.push_block(Block::Html(html), source(start));
                }
                Piece::Html { .. } => {}
                Piece::Unclosed { start } => self.error(
                    source(start),
                    "unclosed comment: `<!--` has no `-->`, so it hides the rest of the file",
                ),
                Piece::Comment { start, body } if body.contains("<!--") => self.error(
                    source(start),
                    "this comment contains another `<!--`: its own `-->` is probably missing, so it hides everything up to the next `-->`",
                ),
                Piece::Comment { start, body } => {
                    let directive = classify(body);
                    let misspelt = match directive {
                        Directive::Comment => misspelt(body),
                        _ => None,
                    };
                    if let Some(name) = misspelt {
                        self.problems.push((
                            source(start),
                            Severity::Warning,
                            format!("this comment looks like a misspelt `{name}` directive; it is ignored"),
                        ));
                    }
                    self.directive(directive, source(start));
                }
            }
        }
    }

    pub(super) fn directive(&mut self, directive: Directive, offset: usize) {
        match directive {
            Directive::Comment => {}
            Directive::Pause => self.push_block(Block::Pause, offset),
            Directive::Notes(text) => {
                let notes = sanitize::multiline(&text).into_owned();
                self.push_block(Block::Notes(notes), offset);
            }
            Directive::CompareOpen => {
                if self.inside(|f| matches!(f, Frame::Compare { .. })) {
                    self.error(offset, "`<!-- compare -->` inside another compare");
                } else {
                    self.stack.push(Frame::Compare {
                        blocks: Vec::new(),
                        offset,
                    });
                }
            }
            Directive::SinceOpen {
                date,
                source,
                problems,
            } => {
                for p in problems {
                    self.error(offset, p);
                }
                if self.inside(|f| matches!(f, Frame::Since { .. } | Frame::Compare { .. })) {
                    self.error(
                        offset,
                        "a since note cannot be inside another since note or a compare",
                    );
                    return;
                }
                let note = SinceNote {
                    date: sanitize::inline(&date).into_owned(),
                    source: sanitize::inline(&source).into_owned(),
                    blocks: Vec::new(),
                };
                self.stack.push(Frame::Since { note, offset });
            }
            Directive::CompareClose => self.close_directive(true, offset),
            Directive::SinceClose => self.close_directive(false, offset),
        }
    }

    fn inside(&self, pred: impl Fn(&Frame) -> bool) -> bool {
        self.stack.iter().any(pred)
    }

    /// Closes the innermost compare (`compare = true`) or since note.
    fn close_directive(&mut self, compare: bool, offset: usize) {
        let name = if compare { "compare" } else { "since" };
        // `/since` while a compare inside the note is still open: that compare is unclosed.
        if !compare
            && matches!(self.stack.last(), Some(Frame::Compare { .. }))
            && self
                .stack
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|f| matches!(f, Frame::Since { .. }))
        {
            self.pop_frame();
        }
        match self.stack.last() {
            Some(Frame::Compare { .. }) if compare => self.pop_closed(),
            Some(Frame::Since { .. }) if !compare => self.pop_closed(),
            _ => self.error(
                offset,
                format!("`<!-- /{name} -->` without a matching `<!-- {name} -->` before it (in the same quote or list item)"),
            ),
        }
    }

    fn pop_closed(&mut self) {
        self.closing = true;
        self.pop_frame();
        self.closing = false;
    }

    pub(super) fn finish_compare(&mut self, blocks: Vec<Block>, offset: usize) {
        if !self.closed_here(offset, "compare") {
            self.flush(blocks, offset);
            return;
        }
        let codes = blocks
            .iter()
            .filter(|b| matches!(b, Block::Code(_)))
            .count();
        if let [Block::Code(_), Block::Code(_)] = blocks.as_slice() {
            let mut pair = blocks.into_iter();
            if let (Some(Block::Code(left)), Some(Block::Code(right))) = (pair.next(), pair.next())
            {
                let cmp = Comparison {
                    left: *left,
                    right: *right,
                };
                self.push_block(Block::Compare(Box::new(cmp)), offset);
            }
            return;
        }
        self.error(
            offset,
            format!(
                "a compare must hold exactly two fenced code blocks and nothing else; found {codes} code block(s) and {} other block(s)",
                blocks.len() - codes
            ),
        );
        self.flush(blocks, offset);
    }

    pub(super) fn finish_since(&mut self, mut note: SinceNote, offset: usize) {
        if !self.closed_here(offset, "since") {
            self.flush(std::mem::take(&mut note.blocks), offset);
            return;
        }
        if note.blocks.is_empty() {
            self.error(offset, "empty since note: put the update between `<!-- since: ... -->` and `<!-- /since -->`");
        }
        self.push_block(Block::Since(Box::new(note)), offset);
    }

    /// Whether the directive opened at `offset` was closed by its closing
    /// comment (the caller pops it then); otherwise reports it unclosed.
    fn closed_here(&mut self, offset: usize, name: &str) -> bool {
        // Only `close_directive` pops a directive frame as "closed"; every
        // other pop (end of a container, end of file) means it was not.
        let closing = std::mem::take(&mut self.closing);
        if !closing {
            self.error(
                offset,
                format!("unclosed `<!-- {name} -->`: add `<!-- /{name} -->` after it, in the same quote or list item"),
            );
        }
        closing
    }

    pub(super) fn inline_html(&mut self, html: &str, offset: usize) {
        let Some(body) = html.strip_prefix("<!--") else {
            self.inline(offset).text(html, false);
            return;
        };
        let body = body.strip_suffix("-->").unwrap_or(body);
        if classify(body) != Directive::Comment {
            self.problems.push((
                offset,
                Severity::Warning,
                "a directive inside a paragraph is ignored: put it on its own line".to_owned(),
            ));
        }
    }

    pub(super) fn html(&mut self, html: &str, offset: usize) {
        if !matches!(self.leaf, Leaf::Html { .. }) {
            self.open_leaf(Leaf::Html {
                text: String::new(),
                segs: Vec::new(),
            });
        }
        if let Leaf::Html { text, segs } = &mut self.leaf {
            segs.push((text.len(), offset));
            text.push_str(html);
        }
    }
}
