//! The Markdown report card: a per-quiz table, then every question missed on
//! the first try with the learner's answer and the right answer in words.

use super::build::percent;
use super::schema::{rfc3339, Export, QuestionResult, QuizResult};
use std::fmt::Write;

/// Text safe inside a Markdown table cell or list item.
pub fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '\\' | '<' | '>' | '*' | '_' | '`' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn to_markdown(export: &Export) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Report card — {}\n", md_text(&export.course.title));
    let _ = writeln!(out, "- Learner: {}", md_text(&export.learner));
    let _ = writeln!(out, "- Course: {}", md_text(&export.course.to_string()));
    let _ = writeln!(
        out,
        "- Exported: {} by serverless-tutor {}\n",
        rfc3339(export.exported_at),
        md_text(&export.tool_version)
    );
    quiz_table(&mut out, &export.quizzes);
    missed_section(&mut out, &export.quizzes);
    out
}

fn quiz_table(out: &mut String, quizzes: &[QuizResult]) {
    out.push_str("| Quiz | Questions | Answered | First try | Final | Score |\n");
    out.push_str("|:-----|----------:|---------:|----------:|------:|------:|\n");
    let mut total = [0usize; 4];
    for q in quizzes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.1}% |",
            md_text(&q.title),
            q.questions,
            q.answered,
            q.first_try_correct,
            q.final_correct,
            q.score
        );
        for (t, v) in total.iter_mut().zip([
            q.questions,
            q.answered,
            q.first_try_correct,
            q.final_correct,
        ]) {
            *t += v;
        }
    }
    let _ = writeln!(
        out,
        "| **Total** | {} | {} | {} | {} | {:.1}% |\n",
        total[0],
        total[1],
        total[2],
        total[3],
        percent(total[2], total[0])
    );
    out.push_str("Score: questions right on the first try, in percent of the quiz.\n");
}

fn missed_section(out: &mut String, quizzes: &[QuizResult]) {
    let missed: Vec<(&QuizResult, Vec<&QuestionResult>)> = quizzes
        .iter()
        .map(|quiz| {
            let items = quiz.items.iter().filter(|i| !i.first_try_correct).collect();
            (quiz, items)
        })
        .filter(|(_, items): &(_, Vec<_>)| !items.is_empty())
        .collect();
    out.push_str("\n## Missed on the first try\n");
    if missed.is_empty() {
        out.push_str("\nNone: every question right on the first try.\n");
        return;
    }
    for (quiz, items) in missed {
        let _ = writeln!(out, "\n### {}\n", md_text(&quiz.title));
        for item in items {
            missed_item(out, item);
        }
    }
}

fn missed_item(out: &mut String, item: &QuestionResult) {
    let _ = writeln!(
        out,
        "- **{}** — {}",
        md_text(&item.id),
        md_text(&item.prompt)
    );
    match (&item.first_answer, &item.last_answer) {
        (Some(first), Some(last)) => {
            let _ = writeln!(out, "  - Your answer: {}", md_text(&first.text));
            if item.attempts > 1 {
                let verdict = if last.grade.correct {
                    "right"
                } else {
                    "still wrong"
                };
                let _ = writeln!(
                    out,
                    "  - Your latest answer (attempt {}): {} — {verdict}",
                    item.attempts,
                    md_text(&last.text)
                );
            }
        }
        _ => out.push_str("  - Not answered\n"),
    }
    let _ = writeln!(
        out,
        "  - Right answer: {}",
        md_text(&item.correct_answer.text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(md_text("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
        assert_eq!(md_text("plain — text"), "plain — text");
    }
}
