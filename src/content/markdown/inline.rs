//! Inline content (text, emphasis, strong, strikethrough, code, links,
//! images, breaks) → a flat list of uniformly styled [`TextRun`]s.
//! Nesting is tracked with counters, never recursion, so `*****…` ten
//! thousand deep costs nothing.

use crate::content::model::{Inline, Inlines, TextRun, TextStyle};
use crate::content::sanitize;

#[derive(Debug, Default)]
pub(super) struct InlineBuilder {
    out: Inlines,
    emphasis: u32,
    strong: u32,
    strike: u32,
    image: u32,
    /// Destinations of the links we are inside (innermost last).
    links: Vec<Box<str>>,
    /// Destination of each open image, to name an image without alt text.
    images: Vec<String>,
    /// Whether the open image has produced alt text yet.
    image_has_alt: Vec<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Emphasis,
    Strong,
    Strike,
}

impl InlineBuilder {
    fn style(&self, code: bool) -> TextStyle {
        TextStyle {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            strikethrough: self.strike > 0,
            code,
            image: self.image > 0,
        }
    }

    pub fn open(&mut self, mark: Mark) {
        *self.counter(mark) += 1;
    }

    pub fn close(&mut self, mark: Mark) {
        let c = self.counter(mark);
        *c = c.saturating_sub(1);
    }

    fn counter(&mut self, mark: Mark) -> &mut u32 {
        match mark {
            Mark::Emphasis => &mut self.emphasis,
            Mark::Strong => &mut self.strong,
            Mark::Strike => &mut self.strike,
        }
    }

    pub fn open_link(&mut self, dest: &str) {
        self.links.push(sanitize::inline(dest).into());
    }

    pub fn close_link(&mut self) {
        self.links.pop();
    }

    pub fn open_image(&mut self, dest: &str) {
        self.image += 1;
        self.images.push(dest.to_owned());
        self.image_has_alt.push(false);
    }

    /// Closes an image; one without alt text is named by its file name.
    pub fn close_image(&mut self) {
        let dest = self.images.pop().unwrap_or_default();
        if self.image_has_alt.pop() == Some(false) {
            let name = dest.rsplit('/').next().unwrap_or("").to_owned();
            let name = if name.is_empty() {
                "image".to_owned()
            } else {
                name
            };
            self.push(&name, false);
        }
        self.image = self.image.saturating_sub(1);
    }

    /// Plain text (`code = false`) or inline code (`code = true`).
    pub fn text(&mut self, s: &str, code: bool) {
        self.push(s, code);
    }

    fn push(&mut self, s: &str, code: bool) {
        if s.is_empty() {
            return;
        }
        if let Some(seen) = self.image_has_alt.last_mut() {
            *seen = true;
        }
        let text = sanitize::inline(s);
        let style = self.style(code);
        let link = self.links.last();
        if let Some(Inline::Text(prev)) = self.out.last_mut() {
            if prev.style == style && prev.link.as_ref() == link {
                prev.text.push_str(&text);
                return;
            }
        }
        let run = TextRun {
            text: text.into(),
            style,
            link: link.cloned(),
        };
        self.finish_run();
        self.out.push(Inline::Text(run));
    }

    pub fn soft_break(&mut self) {
        self.finish_run();
        self.out.push(Inline::SoftBreak);
    }

    pub fn hard_break(&mut self) {
        self.finish_run();
        self.out.push(Inline::HardBreak);
    }

    /// The last run gets no more text: the room it grew for goes back to
    /// the allocator (in place), for the next runs to use. A megabyte
    /// lesson's model is then a quarter smaller, and every page it does
    /// not touch is one fewer fault before the first frame.
    fn finish_run(&mut self) {
        if let Some(Inline::Text(run)) = self.out.last_mut() {
            run.text.shrink_to_fit();
        }
    }

    /// A builder whose runs are gathered in `buffer` (emptied; only its
    /// room is reused): see [`InlineBuilder::finish_into`].
    pub fn with_buffer(mut buffer: Inlines) -> Self {
        buffer.clear();
        InlineBuilder {
            out: buffer,
            ..InlineBuilder::default()
        }
    }

    /// The runs, without trailing breaks, in a list exactly their size,
    /// and the emptied buffer they were gathered in, for the next builder:
    /// a paragraph's list is then allocated once, not grown and shrunk.
    pub fn finish_into(mut self) -> (Inlines, Inlines) {
        self.finish_run();
        while matches!(self.out.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
            self.out.pop();
        }
        let runs = self.out.drain(..).collect();
        (runs, self.out)
    }
}
