//! Printing scan results: the text report (`path:line:col: reason: message`,
//! the source line with a caret, the fix, the lesson, then a summary) and the
//! JSON array. Every piece of file-derived text goes through
//! [`sanitize::inline`](crate::content::sanitize::inline).

use super::files::{FileReport, Outcome};
use super::{ScanResult, Severity};
use crate::content::sanitize::inline;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// Counts behind the summary line and the exit code.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub notes: usize,
    pub files_with_errors: usize,
    pub unparseable: usize,
    pub unreadable: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut t = Totals {
            files: reports.len(),
            ..Totals::default()
        };
        for r in reports {
            match &r.outcome {
                Outcome::Unreadable(_) => t.unreadable += 1,
                Outcome::Scanned(ScanResult::Unparseable(_)) => t.unparseable += 1,
                Outcome::Scanned(ScanResult::Scanned(findings)) => {
                    let errors = findings
                        .iter()
                        .filter(|f| f.severity == Severity::Error)
                        .count();
                    t.errors += errors;
                    t.notes += findings.len() - errors;
                    t.files_with_errors += usize::from(errors > 0);
                }
            }
        }
        t
    }

    /// 0 clean, 1 red flags or unparseable files, 2 unreadable files.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else if self.errors > 0 || self.unparseable > 0 {
            1
        } else {
            0
        }
    }

    pub fn summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![if self.errors == 0 {
            "no red flags".to_owned()
        } else {
            format!(
                "{} in {}",
                plural(self.errors, "red flag", "red flags"),
                plural(self.files_with_errors, "file", "files")
            )
        }];
        if self.notes > 0 {
            parts.push(plural(self.notes, "note", "notes"));
        }
        if self.unparseable > 0 {
            parts.push(plural(
                self.unparseable,
                "unparseable file",
                "unparseable files",
            ));
        }
        if self.unreadable > 0 {
            parts.push(plural(
                self.unreadable,
                "unreadable file",
                "unreadable files",
            ));
        }
        format!(
            "checked {}: {}",
            plural(self.files, "file", "files"),
            parts.join(", ")
        )
    }
}

/// The text report, ending with the summary line.
pub fn text(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        match &r.outcome {
            Outcome::Unreadable(e) => {
                out.push_str(&format!("{}: unreadable: {}\n\n", r.path, inline(e)));
            }
            Outcome::Scanned(ScanResult::Unparseable(u)) => {
                out.push_str(&format!(
                    "{}:{}:{}: unparseable: {}\n",
                    r.path,
                    u.line,
                    u.col,
                    inline(&u.message)
                ));
                out.push_str(&snippet(&r.source, u.line, u.col));
                out.push('\n');
            }
            Outcome::Scanned(ScanResult::Scanned(findings)) => {
                for f in findings {
                    let level = match f.severity {
                        Severity::Error => String::new(),
                        Severity::Note => "note: ".to_owned(),
                    };
                    out.push_str(&format!(
                        "{}:{}:{}: {level}{}: {}\n",
                        r.path,
                        f.line,
                        f.col,
                        f.reason,
                        inline(&f.message)
                    ));
                    out.push_str(&snippet(&r.source, f.line, f.col));
                    out.push_str(&format!("  fix: {}\n", f.fix));
                    out.push_str(&format!("  learn: lesson {}\n\n", f.lesson));
                }
            }
        }
    }
    out.push_str(&Totals::of(reports).summary());
    out.push('\n');
    out
}

/// ` 12 | source` and a caret under the column (display width aware).
fn snippet(source: &str, line: usize, col: usize) -> String {
    let Some(raw) = source.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let num = line.to_string();
    let gutter = " ".repeat(num.len());
    let before: String = raw.chars().take(col.saturating_sub(1)).collect();
    let pad = " ".repeat(inline(&before).width());
    format!("{gutter} |\n{num} | {}\n{gutter} | {pad}^\n", inline(raw))
}

/// One object per finding (and per unparseable or unreadable file).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct JsonFinding {
    pub path: String,
    pub line: usize,
    pub col: usize,
    /// A quiz `reason`, or `unparseable` / `unreadable`.
    pub reason: String,
    pub severity: String,
    pub message: String,
    pub fix: String,
    pub lesson: Option<String>,
    pub source_line: Option<String>,
}

pub fn json_findings(reports: &[FileReport]) -> Vec<JsonFinding> {
    let mut out = Vec::new();
    let source_line = |r: &FileReport, line: usize| {
        r.source
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| inline(l).into_owned())
    };
    for r in reports {
        match &r.outcome {
            Outcome::Unreadable(e) => out.push(JsonFinding {
                path: r.path.clone(),
                line: 0,
                col: 0,
                reason: "unreadable".to_owned(),
                severity: "error".to_owned(),
                message: inline(e).into_owned(),
                fix: "check the file's permissions".to_owned(),
                lesson: None,
                source_line: None,
            }),
            Outcome::Scanned(ScanResult::Unparseable(u)) => out.push(JsonFinding {
                path: r.path.clone(),
                line: u.line,
                col: u.col,
                reason: "unparseable".to_owned(),
                severity: "error".to_owned(),
                message: inline(&u.message).into_owned(),
                fix: "fix the syntax error so the file can be checked".to_owned(),
                lesson: None,
                source_line: source_line(r, u.line),
            }),
            Outcome::Scanned(ScanResult::Scanned(findings)) => {
                out.extend(findings.iter().map(|f| JsonFinding {
                    path: r.path.clone(),
                    line: f.line,
                    col: f.col,
                    reason: f.reason.to_string(),
                    severity: f.severity.as_str().to_owned(),
                    message: inline(&f.message).into_owned(),
                    fix: f.fix.to_owned(),
                    lesson: Some(f.lesson.to_owned()),
                    source_line: source_line(r, f.line),
                }))
            }
        }
    }
    out
}

/// The JSON report: a pretty-printed array.
pub fn json(reports: &[FileReport]) -> String {
    serde_json::to_string_pretty(&json_findings(reports)).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}
