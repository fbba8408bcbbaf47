//! Answers and keys as short plain text ("B, D", "fails, lines 3-4,
//! in-memory-state"), in *display* terms (letters and sides as the learner
//! saw them). Shared by line mode and the TUI's "Your answer" / "Correct
//! answer" rows so the two never disagree.

use crate::content::model::{Question, QuestionKind, Side, Verdict};
use crate::quiz::answer::Answer;
use crate::quiz::shuffle::Order;

/// The label of the option at display position `pos`: `A`..`Z`, then `27`, `28`...
pub fn option_label(pos: usize) -> String {
    match u8::try_from(pos) {
        Ok(p) if p < 26 => char::from(b'A' + p).to_string(),
        _ => (pos + 1).to_string(),
    }
}

/// 1-based line numbers, runs folded: `[1, 3, 4, 5]` → `1, 3-5`.
pub fn lines_text(lines: &[usize]) -> String {
    let mut sorted = lines.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        parts.push(if end == start {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// The side as the learner saw it, for an authored side.
pub fn shown_side(order: &Order, authored: Side) -> Side {
    let idx = match authored {
        Side::Left => 0,
        Side::Right => 1,
    };
    match order.position(idx) {
        Some(1) => Side::Right,
        _ => Side::Left,
    }
}

/// The learner's answer as text.
pub fn answer_text(question: &Question, order: &Order, answer: &Answer) -> String {
    match (&question.kind, answer) {
        (QuestionKind::Choice(_), Answer::Choice { selected }) => choice_text(order, selected),
        (
            QuestionKind::Verdict(_),
            Answer::Verdict {
                verdict,
                lines,
                reason,
            },
        ) => verdict_text(*verdict, lines, reason.map(|r| r.as_str())),
        (QuestionKind::Compare(_), Answer::Compare { side }) => {
            shown_side(order, *side).to_string()
        }
        (QuestionKind::Placement(p), Answer::Placement { targets }) => {
            placement_text(order, &p.items, &p.targets, targets)
        }
        _ => "(an answer of another type)".to_owned(),
    }
}

/// The keyed answer as text.
pub fn correct_text(question: &Question, order: &Order) -> String {
    match &question.kind {
        QuestionKind::Choice(c) => choice_text(order, &c.answer),
        QuestionKind::Verdict(v) => verdict_text(v.answer, &v.lines, v.reason.map(|r| r.as_str())),
        QuestionKind::Compare(c) => shown_side(order, c.answer).to_string(),
        QuestionKind::Placement(p) => {
            let keyed: Vec<Option<usize>> = p.answer.iter().copied().map(Some).collect();
            placement_text(order, &p.items, &p.targets, &keyed)
        }
    }
}

fn choice_text(order: &Order, selected: &[usize]) -> String {
    let mut positions: Vec<usize> = selected.iter().filter_map(|&i| order.position(i)).collect();
    positions.sort_unstable();
    positions.dedup();
    if positions.is_empty() {
        return "(nothing)".to_owned();
    }
    positions
        .into_iter()
        .map(option_label)
        .collect::<Vec<_>>()
        .join(", ")
}

fn verdict_text(verdict: Verdict, lines: &[usize], reason: Option<&str>) -> String {
    match verdict {
        Verdict::Works => "works".to_owned(),
        Verdict::Fails => {
            let mut text = "fails".to_owned();
            if !lines.is_empty() {
                let s = if lines.len() == 1 { "" } else { "s" };
                text.push_str(&format!(", line{s} {}", lines_text(lines)));
            }
            if let Some(r) = reason {
                text.push_str(&format!(", {r}"));
            }
            text
        }
    }
}

fn placement_text(
    order: &Order,
    items: &[String],
    targets: &[String],
    chosen: &[Option<usize>],
) -> String {
    order
        .iter()
        .filter_map(|i| {
            let item = items.get(i)?;
            let target = chosen
                .get(i)
                .copied()
                .flatten()
                .and_then(|t| targets.get(t))
                .map_or("(not placed)", String::as_str);
            Some(format!("{item} = {target}"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Reason;
    use crate::quiz::testdata::sample_quiz;

    #[test]
    fn labels_and_line_runs() {
        assert_eq!(option_label(0), "A");
        assert_eq!(option_label(25), "Z");
        assert_eq!(option_label(26), "27");
        assert_eq!(lines_text(&[5, 1, 3, 4, 4]), "1, 3-5");
        assert_eq!(lines_text(&[]), "");
    }

    #[test]
    fn answers_and_keys_as_text() {
        let quiz = sample_quiz();
        let id = |n| Order::identity(n);
        let q = &quiz.questions;
        assert_eq!(correct_text(&q[0], &id(3)), "B");
        assert_eq!(
            correct_text(&q[1], &Order::identity(0)),
            "fails, lines 1, 4, in-memory-state"
        );
        let a = Answer::Verdict {
            verdict: Verdict::Fails,
            lines: vec![2],
            reason: Some(Reason::UnboundedWork),
        };
        assert_eq!(
            answer_text(&q[1], &id(0), &a),
            "fails, line 2, unbounded-work"
        );
        assert_eq!(correct_text(&q[2], &id(2)), "right");
        let swapped = Order::for_question(&q[2], None);
        assert_eq!(shown_side(&swapped, Side::Right), Side::Right);
        assert_eq!(
            correct_text(&q[3], &id(2)),
            "Auth API = Functions; Live chat = Long-running server"
        );
        let partial = Answer::Placement {
            targets: vec![Some(1), None],
        };
        assert_eq!(
            answer_text(&q[3], &id(2), &partial),
            "Auth API = Long-running server; Live chat = (not placed)"
        );
    }
}
