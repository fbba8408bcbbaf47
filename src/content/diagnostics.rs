//! Problems found in course files, reported as `path:line:col: error: message`
//! followed by the source line and a caret under the column (presenterm /
//! rustc style). Lines and columns are 1-based; columns count characters.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the course root (e.g. `quizzes/04-red-flags.toml`).
    pub path: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub message: String,
    /// The offending source line (already sanitised), for the caret display.
    pub source_line: Option<String>,
    /// Display columns of `source_line` before the caret: the width of the
    /// *sanitised* prefix, since a placeholder can be wider than the
    /// character it replaces (ESC shows as the two columns `^[`).
    caret_indent: usize,
}

impl Diagnostic {
    pub fn error(path: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line,
            col,
            message: message.into(),
            source_line: None,
            caret_indent: 0,
        }
    }

    pub fn warning(path: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, col, message)
        }
    }

    /// Attach the source line `self.line` of `text` (sanitised) for the caret display.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            let raw = text.lines().nth(self.line - 1);
            self.source_line = raw.map(|l| crate::content::sanitize::inline(l).into_owned());
            let prefix: String = raw
                .unwrap_or("")
                .chars()
                .take(self.col.saturating_sub(1))
                .collect();
            // Display width, not chars: a CJK or emoji prefix is two columns per char.
            self.caret_indent = unicode_width::UnicodeWidthStr::width(
                crate::content::sanitize::inline(&prefix).as_ref(),
            );
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error: message`, then ` line | source` and a caret line.
    pub fn render(&self) -> String {
        let message = crate::content::sanitize::inline(&self.message);
        let path = crate::content::sanitize::inline(&self.path);
        let mut out = if self.line == 0 {
            format!("{path}: {}: {message}", self.severity)
        } else {
            format!(
                "{path}:{}:{}: {}: {message}",
                self.line, self.col, self.severity
            )
        };
        if let Some(src) = &self.source_line {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let caret_pad = " ".repeat(self.caret_indent);
            out.push_str(&format!("\n{pad} |\n{num} | {src}\n{pad} | {caret_pad}^"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// 1-based (line, col) of a byte offset in `text`; col counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&o| text.is_char_boundary(o))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_source_and_caret() {
        let text = "id = \"x\"\ntitle = 3\n";
        let d = Diagnostic::error(
            "course.toml",
            2,
            9,
            "invalid type: integer, expected a string",
        )
        .with_source(text);
        assert_eq!(
            d.render(),
            "course.toml:2:9: error: invalid type: integer, expected a string\n  |\n2 | title = 3\n  |         ^"
        );
    }

    #[test]
    fn caret_follows_display_width_and_paths_are_sanitised() {
        let d = Diagnostic::error("a\u{1b}b.md", 1, 3, "m").with_source("世界x\n");
        assert_eq!(
            d.render(),
            "a^[b.md:1:3: error: m\n  |\n1 | 世界x\n  |     ^"
        );
    }

    #[test]
    fn caret_counts_the_width_of_control_character_placeholders() {
        // ESC (one char) shows as `^[` (two columns): the caret must still
        // sit under the `=` at column 6.
        let text = "lessons=[]\n\u{1b}[2J = 3\n";
        let d = Diagnostic::error("course.toml", 2, 6, "m").with_source(text);
        assert_eq!(
            d.render(),
            "course.toml:2:6: error: m\n  |\n2 | ^[[2J = 3\n  |       ^"
        );
    }

    #[test]
    fn line_col_counts_chars_and_clamps() {
        let text = "ab\nçd\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 5), (2, 2));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
