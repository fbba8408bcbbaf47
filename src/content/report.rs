//! Collects [`Diagnostic`]s for one file: byte offsets (from toml spans or
//! markdown events) become `line:col` with the source line attached.

use crate::content::diagnostics::{Diagnostic, Severity};
use crate::content::markdown::LineIndex;
use std::cell::RefCell;

pub(crate) struct Reporter<'a> {
    path: &'a str,
    text: &'a str,
    /// Grown as far as the offsets converted so far: most files have no
    /// problem, and a lesson's quiz key, always converted, sits in its
    /// front matter; indexing a whole megabyte lesson for it cost a
    /// millisecond before the first frame.
    index: RefCell<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    /// `text` must be the whole file (newlines normalised), so lines match.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Reporter {
            path,
            text,
            index: RefCell::new(LineIndex::empty()),
            diagnostics: Vec::new(),
        }
    }

    /// 1-based (line, col) of a byte offset in the file.
    pub fn pos(&self, offset: usize) -> (usize, usize) {
        let mut index = self.index.borrow_mut();
        index.cover(self.text, offset);
        index.line_col(self.text, offset)
    }

    pub fn error_at(&mut self, offset: usize, message: impl Into<String>) {
        let (line, col) = self.pos(offset);
        self.at(Severity::Error, line, col, message.into());
    }

    pub fn at(&mut self, severity: Severity, line: usize, col: usize, message: String) {
        let d = match severity {
            Severity::Error => Diagnostic::error(self.path, line, col, message),
            Severity::Warning => Diagnostic::warning(self.path, line, col, message),
        };
        self.diagnostics.push(d.with_source(self.text));
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// A toml error: its span (relative to `base` in the file) or the file start.
    pub fn toml_error(&mut self, err: &toml::de::Error, base: usize) {
        let offset = err.span().map_or(base, |s| base + s.start);
        self.error_at(offset, err.message().trim().to_owned());
    }
}
