//! Markdown → model blocks: pulldown-cmark (CommonMark + GFM tables,
//! strikethrough and task lists) with source offsets, flattened into
//! [`crate::content::model::Block`]s, with the lesson directives (HTML
//! comments: pause, notes, compare, since) honoured.
//!
//! Two entry points share one builder:
//! - [`parse_markdown`]: lenient, never fails (quiz text, `render FILE.md`);
//! - [`parse`]: the same blocks plus the problems found (unclosed directive,
//!   a compare that is not two fences, unknown code language...) with 1-based
//!   lines and columns, for `validate`.
//!
//! Invariants: every string goes through `content::sanitize`; container
//! nesting deeper than [`MAX_DEPTH`] is flattened into its parent, so hostile
//! input (10,000 nested quotes) cannot build a model deep enough to overflow
//! the stack of whoever walks it.

mod build;
mod code;
mod cuts;
mod directives;
mod inline;
mod lines;
mod pieces;

#[cfg(test)]
mod tests_blocks;
#[cfg(test)]
mod tests_directives;
#[cfg(test)]
mod tests_inline;

use crate::content::diagnostics::Severity;
use crate::content::model::Block;
use std::borrow::Cow;

pub use code::parse_line_list;
pub use lines::{LineCounter, LineIndex};

/// Quotes and lists nested deeper than this are flattened into their parent.
pub const MAX_DEPTH: usize = 64;

/// Something wrong in a markdown body, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// The blocks of a markdown text plus what was wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    /// 1-based line (offset by `first_line`) of each top-level block.
    pub block_lines: Vec<usize>,
    pub problems: Vec<Problem>,
}

/// Lenient parse: the blocks, whatever is wrong. Never fails, never panics.
pub fn parse_markdown(text: &str) -> Vec<Block> {
    parse(text, 1).blocks
}

/// Parses `text`, whose first line is line `first_line` of its file, and
/// reports the problems a course author should fix.
pub fn parse(text: &str, first_line: usize) -> Parsed {
    let text = normalize_newlines(text);
    pieces::parse(&text, first_line)
}

/// CRLF (and lone CR) → LF. Line numbers are unchanged; columns too, since
/// the removed `\r` only ever ends a line. (`memchr`: `str::contains` looks
/// at a megabyte lesson several times slower.)
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}
