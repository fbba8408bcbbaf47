//! CSV output: one row per question, a header row, written with the `csv`
//! crate (quoting), and every cell guarded against formula injection.

use super::schema::{rfc3339, Export};
use std::borrow::Cow;

/// The columns of the per-question CSV, in order.
pub const COLUMNS: [&str; 16] = [
    "learner",
    "exported_at",
    "course_id",
    "course_version",
    "quiz_id",
    "question_id",
    "type",
    "prompt",
    "attempts",
    "first_try_correct",
    "final_correct",
    "first_answer",
    "last_answer",
    "correct_answer",
    "time_ms",
    "answered_at",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
/// first) gets a `'` in front, which spreadsheets show as text.
pub fn guard_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes rows through the injection guard.
pub struct GuardedWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl GuardedWriter {
    pub fn new() -> Self {
        GuardedWriter {
            inner: csv::Writer::from_writer(Vec::new()),
        }
    }

    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let guarded: Vec<String> = cells
            .into_iter()
            .map(|c| guard_cell(c.as_ref()).into_owned())
            .collect();
        // Writing to a Vec cannot fail.
        let _ = self.inner.write_record(&guarded);
    }

    pub fn finish(self) -> String {
        let bytes = self.inner.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

impl Default for GuardedWriter {
    fn default() -> Self {
        GuardedWriter::new()
    }
}

/// The export as CSV text.
pub fn to_csv(export: &Export) -> String {
    let mut w = GuardedWriter::new();
    w.row(COLUMNS);
    let exported_at = rfc3339(export.exported_at);
    for quiz in &export.quizzes {
        for q in &quiz.items {
            let text = |a: &Option<super::schema::GradedAnswer>| {
                a.as_ref().map(|a| a.text.clone()).unwrap_or_default()
            };
            w.row([
                export.learner.clone(),
                exported_at.clone(),
                export.course.id.clone(),
                export.course.version.clone(),
                quiz.id.clone(),
                q.id.clone(),
                q.kind.clone(),
                q.prompt.clone(),
                q.attempts.to_string(),
                q.first_try_correct.to_string(),
                q.final_correct.to_string(),
                text(&q.first_answer),
                text(&q.last_answer),
                q.correct_answer.text.clone(),
                q.time_ms.to_string(),
                q.answered_at.map(rfc3339).unwrap_or_default(),
            ]);
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let guarded = guard_cell(bad);
            assert!(guarded.starts_with('\''), "{bad:?} -> {guarded:?}");
            assert_eq!(&guarded[1..], bad);
        }
        for fine in ["", "Ada", "1", "a=b", "'quoted"] {
            assert_eq!(guard_cell(fine), fine);
        }
    }

    #[test]
    fn cells_are_quoted_and_guarded() {
        let mut w = GuardedWriter::new();
        w.row(["a,b", "=HYPERLINK(\"x\")", "line\nbreak"]);
        assert_eq!(
            w.finish(),
            "\"a,b\",\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak\"\n"
        );
    }
}
