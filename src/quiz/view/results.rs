//! The results screen: the score, every question with ✔/❌, and the ways on
//! (retry the missed ones, export, back to the lesson).

use super::text::hanging;
use super::Body;
use crate::quiz::session::QuizSession;
use crate::theme::Theme;
use ratatui::text::{Line, Span};

pub fn results_body(session: &QuizSession, theme: &Theme, width: usize) -> Body {
    let t = theme;
    let mut body = Body::default();
    let (correct, total) = session.score();
    let percent = (correct * 100).checked_div(total).unwrap_or(0);
    body.lines.push(Line::styled("Results", t.heading(1)));
    body.lines.push(Line::raw(""));
    body.lines.push(Line::styled(
        format!("Score: {correct} of {total} ({percent}%)"),
        t.strong(),
    ));
    body.lines.push(Line::raw(""));
    for (n, (q, outcome)) in session.results().enumerate() {
        let ok = outcome.is_some_and(|o| o.grade.correct);
        let first_line = q
            .prompt
            .split("\n\n")
            .map(|para| super::text::markdown_plain(para, t))
            .find(|l| !l.is_empty())
            .unwrap_or_else(|| q.id.clone());
        let status = match outcome {
            Some(_) if ok => "",
            Some(_) => "  (missed)",
            None => "  (not answered)",
        };
        let mark = if ok {
            Span::styled("✔ ", t.good())
        } else {
            Span::styled("❌ ", t.bad())
        };
        body.lines.extend(hanging(
            vec![mark, Span::styled(format!("{}. ", n + 1), t.strong())],
            &format!("{first_line}{status}"),
            t.text(),
            width,
        ));
    }
    body.lines.push(Line::raw(""));
    let missed = session.missed().len();
    let next = if missed > 0 {
        let s = if missed == 1 { "" } else { "s" };
        format!("Press r to retry only the {missed} missed question{s}.")
    } else if total > 0 {
        "Every answer right. Press r to take the quiz again.".to_owned()
    } else {
        "There were no questions to ask.".to_owned()
    };
    body.lines.extend(hanging(vec![], &next, t.text(), width));
    body.lines.extend(hanging(
        vec![],
        "Press e to export your results; Enter or Esc goes back to the lesson.",
        t.text(),
        width,
    ));
    body
}
