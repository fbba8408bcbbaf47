//! The class report as Markdown (for reading), CSV (a per-learner gradebook)
//! or JSON (everything, for other tools).

use super::stats::ClassReport;
use crate::cli::ExportFormat;
use crate::persist::export::csv_out::GuardedWriter;
use crate::persist::export::markdown::md_text;
use crate::persist::export::schema::rfc3339;
use std::fmt::Write;

/// How many misconceptions the Markdown report lists.
const TOP_MISCONCEPTIONS: usize = 15;

pub fn render_report(report: &ClassReport, format: ExportFormat) -> String {
    match format {
        ExportFormat::Md => to_markdown(report),
        ExportFormat::Csv => to_csv(report),
        ExportFormat::Json => {
            let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

fn pct(x: f64) -> String {
    format!("{x:.1}%")
}

/// A percentage, or `—` when there is nothing to measure.
fn opt_pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), pct)
}

pub fn to_markdown(r: &ClassReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Class report — {}\n", md_text(&r.course.title));
    let _ = writeln!(out, "- Course: {}", md_text(&r.course.to_string()));
    let _ = writeln!(out, "- Learners: {}\n", r.learners);
    quizzes(&mut out, r);
    questions(&mut out, r);
    misconceptions(&mut out, r);
    learners(&mut out, r);
    out
}

fn quizzes(out: &mut String, r: &ClassReport) {
    out.push_str("## Quizzes\n\nFirst-try scores of the learners who took each quiz.\n\n");
    out.push_str("| Quiz | Questions | Taken by | Mean | Median | Min | Max |\n");
    out.push_str("|:-----|----------:|---------:|-----:|-------:|----:|----:|\n");
    for q in &r.quizzes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            md_text(&q.title),
            q.questions,
            q.taken_by,
            opt_pct(q.mean),
            opt_pct(q.median),
            opt_pct(q.min),
            opt_pct(q.max)
        );
    }
}

fn questions(out: &mut String, r: &ClassReport) {
    out.push_str("\n## Questions, most missed first\n\n");
    out.push_str("| Quiz | Question | Prompt | Right first try | Right answer |\n");
    out.push_str("|:-----|:---------|:-------|----------------:|:-------------|\n");
    for q in &r.questions {
        let _ = writeln!(
            out,
            "| {} | {} ({}) | {} | {} ({}/{}) | {} |",
            md_text(&q.quiz_id),
            md_text(&q.question_id),
            md_text(&q.kind),
            md_text(&q.prompt),
            pct(q.first_try_rate),
            q.first_try_correct,
            q.answered,
            md_text(&q.correct_answer)
        );
    }
}

fn misconceptions(out: &mut String, r: &ClassReport) {
    out.push_str(
        "\n## Misconceptions\n\nWrong reasons chosen on the first try of `verdict` questions.\n\n",
    );
    if r.misconceptions.is_empty() {
        out.push_str("None.\n");
        return;
    }
    out.push_str("| Quiz | Question | Reason chosen | Learners | Right reason |\n");
    out.push_str("|:-----|:---------|:--------------|---------:|:-------------|\n");
    for m in r.misconceptions.iter().take(TOP_MISCONCEPTIONS) {
        let right = m
            .right_reason
            .map_or_else(|| "none: the code works".to_owned(), |r| r.to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md_text(&m.quiz_id),
            md_text(&m.question_id),
            m.reason,
            m.learners,
            right
        );
    }
}

fn learners(out: &mut String, r: &ClassReport) {
    out.push_str("\n## Learners\n\n| Learner | Exported |");
    let mut rule = String::from("|:--------|:---------|");
    for q in &r.quizzes {
        let _ = write!(out, " {} |", md_text(&q.title));
        rule.push_str("-----:|");
    }
    let _ = writeln!(out, " Overall |\n{rule}------:|");
    for l in &r.per_learner {
        let _ = write!(
            out,
            "| {} | {} |",
            md_text(&l.learner),
            rfc3339(l.exported_at)
        );
        for s in &l.scores {
            let _ = write!(out, " {} |", opt_pct(*s));
        }
        let _ = writeln!(out, " {} |", pct(l.overall));
    }
}

/// One row per learner: name, export time, first-try score per quiz (empty
/// when not taken), overall.
pub fn to_csv(r: &ClassReport) -> String {
    let mut w = GuardedWriter::new();
    let mut header = vec!["learner".to_owned(), "exported_at".to_owned()];
    header.extend(r.quizzes.iter().map(|q| q.id.clone()));
    header.push("overall".into());
    w.row(header);
    for l in &r.per_learner {
        let mut row = vec![l.learner.clone(), rfc3339(l.exported_at)];
        row.extend(
            l.scores
                .iter()
                .map(|s| s.map(|x| format!("{x:.1}")).unwrap_or_default()),
        );
        row.push(format!("{:.1}", l.overall));
        w.row(row);
    }
    w.finish()
}
