//! The body of a question screen: the result banner once answered, the
//! prompt, the interaction for its type (with the right answer shown in
//! place once answered), and the explanation. Builds lines only; scrolling
//! and drawing are `view`'s. No grading here: it reads the session's grade.

use super::code::{comparison, snippet, CompareSide, SnippetMarks};
use super::text::{hanging, markdown_lines, md_hanging};
use super::Body;
use crate::content::model::{
    ChoiceQuestion, CompareQuestion, PlacementQuestion, Question, QuestionKind, Reason, Side,
    Verdict, VerdictQuestion,
};
use crate::quiz::answer::Answer;
use crate::quiz::describe::{answer_text, correct_text, lines_text, option_label, shown_side};
use crate::quiz::interact::{
    authored_side, ChoiceState, CompareState, Interaction, PlacementState, VerdictPhase,
    VerdictState,
};
use crate::quiz::session::{Outcome, QuizSession, Stage};
use crate::quiz::shuffle::Order;
use crate::theme::Theme;
use ratatui::text::{Line, Span};

/// Everything one question screen needs, borrowed from the session.
struct Ctx<'a> {
    q: &'a Question,
    order: &'a Order,
    /// `Some` once the question is answered.
    outcome: Option<&'a Outcome>,
    theme: &'a Theme,
    width: usize,
}

pub fn question_body(session: &QuizSession, theme: &Theme, width: usize) -> Body {
    let mut body = Body::default();
    let (Some(q), Some(order)) = (session.current_question(), session.current_order()) else {
        return body;
    };
    let (interaction, answered) = match session.stage() {
        Stage::Asking(i) => (i, false),
        Stage::Answered(i) => (i, true),
        Stage::Results => return body,
    };
    let cx = Ctx {
        q,
        order,
        outcome: session.current_outcome().filter(|_| answered),
        theme,
        width,
    };
    if let Some(outcome) = cx.outcome {
        banner(&mut body, &cx, outcome);
    }
    body.lines.extend(markdown_lines(&q.prompt, width, theme));
    body.lines.push(Line::raw(""));
    match (&q.kind, interaction) {
        (QuestionKind::Choice(c), Interaction::Choice(s)) => choice(&mut body, &cx, c, s),
        (QuestionKind::Verdict(v), Interaction::Verdict(s)) => verdict(&mut body, &cx, v, s),
        (QuestionKind::Compare(c), Interaction::Compare(s)) => compare(&mut body, &cx, c, s),
        (QuestionKind::Placement(p), Interaction::Placement(s)) => placement(&mut body, &cx, p, s),
        _ => {}
    }
    if cx.outcome.is_some() && !q.explanation.trim().is_empty() {
        body.lines.push(Line::raw(""));
        body.lines
            .push(Line::styled("Explanation", theme.heading(3)));
        body.lines
            .extend(markdown_lines(&q.explanation, width, theme));
    }
    body
}

fn mark(theme: &Theme, ok: bool) -> Span<'static> {
    if ok {
        Span::styled("✔  ", theme.good())
    } else {
        Span::styled("❌ ", theme.bad())
    }
}

fn part(theme: &Theme, name: &str, ok: bool) -> Vec<Span<'static>> {
    vec![
        Span::styled(format!("{name}: "), theme.text()),
        if ok {
            Span::styled("✔ ", theme.good())
        } else {
            Span::styled("❌ ", theme.bad())
        },
        Span::styled(if ok { "right   " } else { "wrong   " }, theme.text()),
    ]
}

/// Correct or not, with words; the learner's answer and the key, labelled.
fn banner(body: &mut Body, cx: &Ctx<'_>, outcome: &Outcome) {
    let t = cx.theme;
    let (text, style) = if outcome.grade.correct {
        ("✔ Correct", t.good())
    } else {
        ("❌ Incorrect", t.bad())
    };
    body.lines.push(Line::styled(text, style));
    let g = outcome.grade;
    if let QuestionKind::Verdict(_) = cx.q.kind {
        let mut spans = part(t, "Verdict", g.correct);
        if let Some(ok) = g.lines_correct {
            spans.extend(part(t, "Lines", ok));
        }
        if let Some(ok) = g.reason_correct {
            spans.extend(part(t, "Reason", ok));
        }
        body.lines.push(Line::from(spans));
    }
    if let (QuestionKind::Placement(p), Some(n)) = (&cx.q.kind, g.items_correct) {
        body.lines.push(Line::styled(
            format!("{n} of {} items placed right", p.items.len()),
            t.text(),
        ));
    }
    let yours = answer_text(cx.q, cx.order, &outcome.answer);
    body.lines.extend(hanging(
        vec![Span::styled("Your answer:    ", t.strong())],
        &yours,
        t.text(),
        cx.width,
    ));
    body.lines.extend(hanging(
        vec![Span::styled("Correct answer: ", t.strong())],
        &correct_text(cx.q, cx.order),
        t.text(),
        cx.width,
    ));
    body.lines
        .push(Line::styled("─".repeat(cx.width.min(60)), t.border()));
}

fn cursor_span(cx: &Ctx<'_>, on: bool) -> Span<'static> {
    if on && cx.outcome.is_none() {
        Span::styled("▶ ", cx.theme.accent())
    } else {
        Span::raw("  ")
    }
}

fn choice(body: &mut Body, cx: &Ctx<'_>, c: &ChoiceQuestion, s: &ChoiceState) {
    let t = cx.theme;
    let how = if c.multi {
        "Select all that apply:"
    } else {
        "Select one:"
    };
    body.lines.push(Line::styled(how, t.dim()));
    let chosen: Vec<usize> = match cx.outcome.map(|o| &o.answer) {
        Some(Answer::Choice { selected }) => selected.clone(),
        _ => s.selected.iter().copied().collect(),
    };
    for (pos, idx) in cx.order.iter().enumerate() {
        let is_chosen = chosen.contains(&idx);
        let is_key = c.answer.contains(&idx);
        let boxed = match (c.multi, is_chosen) {
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
            (false, true) => "(•) ",
            (false, false) => "( ) ",
        };
        let mut prefix = vec![cursor_span(cx, pos == s.cursor)];
        if cx.outcome.is_some() {
            prefix.push(match (is_key, is_chosen) {
                (true, _) => mark(t, true),
                (false, true) => mark(t, false),
                _ => Span::raw("   "),
            });
        }
        prefix.push(Span::styled(boxed, t.accent()));
        prefix.push(Span::styled(format!("{}. ", option_label(pos)), t.strong()));
        let mut text = c.options.get(idx).cloned().unwrap_or_default();
        if cx.outcome.is_some() {
            let tag = match (is_chosen, is_key) {
                (true, true) => "  — your answer, correct",
                (true, false) => "  — your answer",
                (false, true) => "  — correct answer",
                _ => "",
            };
            text.push_str(tag);
        }
        let patch = if pos == s.cursor && cx.outcome.is_none() {
            t.selected()
        } else {
            ratatui::style::Style::new()
        };
        if pos == s.cursor {
            body.focus = Some(body.lines.len());
        }
        body.lines
            .extend(md_hanging(prefix, &text, cx.width, t, patch));
        let feedback = c.feedback.get(idx).filter(|f| !f.trim().is_empty());
        if let Some(f) = feedback.filter(|_| cx.outcome.is_some() && (is_chosen || is_key)) {
            body.lines.extend(md_hanging(
                vec![Span::styled("      ↳ ", t.dim())],
                f,
                cx.width,
                t,
                t.quote(),
            ));
        }
    }
}

fn verdict(body: &mut Body, cx: &Ctx<'_>, v: &VerdictQuestion, s: &VerdictState) {
    let t = cx.theme;
    let marks = match (cx.outcome.map(|o| &o.answer), s.phase) {
        (Some(Answer::Verdict { lines, .. }), _) => SnippetMarks {
            marked: v.lines.clone(),
            selected: lines.clone(),
            cursor: None,
        },
        (_, VerdictPhase::Verdict) => SnippetMarks::default(),
        (_, phase) => SnippetMarks {
            marked: Vec::new(),
            selected: s.marked.iter().copied().collect(),
            cursor: (phase == VerdictPhase::Lines).then_some(s.line_cursor),
        },
    };
    let top = body.lines.len();
    let (code, cursor_row) = snippet(&v.code, &v.lang, cx.width, t, &marks);
    body.lines.extend(code);
    body.lines.push(Line::raw(""));
    if cx.outcome.is_some() {
        verdict_answered(body, cx, v);
        return;
    }
    match s.phase {
        VerdictPhase::Verdict => {
            body.lines
                .push(Line::styled("Does this work on serverless?", t.dim()));
            for (verdict, key, text) in [
                (
                    Verdict::Works,
                    "w",
                    "Works — nothing here breaks on serverless",
                ),
                (Verdict::Fails, "f", "Fails — something here breaks"),
            ] {
                let on = s.verdict_cursor == verdict;
                if on {
                    body.focus = Some(body.lines.len());
                }
                let style = if on { t.selected() } else { t.text() };
                body.lines.push(Line::from(vec![
                    cursor_span(cx, on),
                    Span::styled(format!("[{key}] "), t.accent()),
                    Span::styled(text, style),
                ]));
            }
        }
        VerdictPhase::Lines => {
            body.focus = cursor_row.map(|r| top + r);
            body.lines.extend(hanging(
                vec![],
                "Mark the line(s) that break: ↑/↓ move (▶), Space marks (●), Enter when done.",
                t.dim(),
                cx.width,
            ));
            let marked: Vec<usize> = s.marked.iter().copied().collect();
            let text = if marked.is_empty() {
                "none yet".to_owned()
            } else {
                lines_text(&marked)
            };
            body.lines
                .push(Line::styled(format!("Marked: {text}"), t.text()));
        }
        VerdictPhase::Reason => {
            let marked: Vec<usize> = s.marked.iter().copied().collect();
            body.lines.push(Line::styled(
                format!(
                    "You marked line(s) {}. Why does it fail?",
                    lines_text(&marked)
                ),
                t.dim(),
            ));
            for (i, r) in Reason::ALL.iter().enumerate() {
                let on = i == s.reason_cursor;
                if on {
                    body.focus = Some(body.lines.len());
                }
                let style = if on { t.selected() } else { t.text() };
                body.lines.extend(hanging(
                    vec![
                        cursor_span(cx, on),
                        Span::styled(format!("{}. ", i + 1), t.accent()),
                    ],
                    &format!("{} — {}", r.as_str(), r.describe()),
                    style,
                    cx.width,
                ));
            }
        }
    }
}

fn verdict_answered(body: &mut Body, cx: &Ctx<'_>, v: &VerdictQuestion) {
    let t = cx.theme;
    let legend = match v.answer {
        Verdict::Fails => "❌ = the lines that fail (correct answer) · ● = the lines you marked",
        Verdict::Works => "This snippet works on serverless.   ● = the lines you marked",
    };
    body.lines
        .extend(hanging(vec![], legend, t.dim(), cx.width));
    if let Some(r) = v.reason {
        body.lines.extend(hanging(
            vec![Span::styled("Why it fails: ", t.strong())],
            &format!("{} — {}", r.as_str(), r.describe()),
            t.text(),
            cx.width,
        ));
    }
}

fn compare(body: &mut Body, cx: &Ctx<'_>, c: &CompareQuestion, s: &CompareState) {
    let t = cx.theme;
    body.lines.push(Line::styled(
        "Choose the snippet that works on serverless:",
        t.dim(),
    ));
    let chosen = match cx.outcome.map(|o| &o.answer) {
        Some(Answer::Compare { side }) => Some(shown_side(cx.order, *side)),
        _ => None,
    };
    let keyed = shown_side(cx.order, c.answer);
    let side = |shown: Side| {
        let code = match authored_side(cx.order, shown) {
            Side::Left => c.left.as_str(),
            Side::Right => c.right.as_str(),
        };
        let name = if shown == Side::Left { "Left" } else { "Right" };
        let on = s.cursor == shown;
        let (title, verdict) = match chosen {
            Some(ch) => {
                let tag = match (shown == ch, shown == keyed) {
                    (true, true) => " — your answer, correct",
                    (true, false) => " — your answer",
                    (false, true) => " — correct answer",
                    _ => "",
                };
                let works = if shown == keyed {
                    Verdict::Works
                } else {
                    Verdict::Fails
                };
                (format!("{name}{tag}"), Some(works))
            }
            None => {
                let cursor = if on { "▶ (•) " } else { "  ( ) " };
                (format!("{cursor}{name}"), None)
            }
        };
        CompareSide {
            title,
            code,
            verdict,
        }
    };
    let top = body.lines.len();
    let (lines, focus) = comparison(side(Side::Left), side(Side::Right), &c.lang, cx.width, t);
    body.lines.extend(lines);
    body.focus = Some(top + focus.unwrap_or(0));
}

fn placement(body: &mut Body, cx: &Ctx<'_>, p: &PlacementQuestion, s: &PlacementState) {
    let t = cx.theme;
    let legend: Vec<String> = p
        .targets
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{} {name}", i + 1))
        .collect();
    body.lines.extend(hanging(
        vec![Span::styled("Targets: ", t.dim())],
        &legend.join(" · "),
        t.text(),
        cx.width,
    ));
    let placed: Vec<Option<usize>> = match cx.outcome.map(|o| &o.answer) {
        Some(Answer::Placement { targets }) => targets.clone(),
        _ => s.targets.clone(),
    };
    let target_name = |ti: Option<usize>| {
        ti.and_then(|i| p.targets.get(i))
            .cloned()
            .unwrap_or_else(|| "(not placed)".to_owned())
    };
    for (pos, idx) in cx.order.iter().enumerate() {
        let item = p.items.get(idx).cloned().unwrap_or_default();
        let got = placed.get(idx).copied().flatten();
        let want = p.answer.get(idx).copied();
        let mut prefix = vec![cursor_span(cx, pos == s.cursor)];
        let mut text = format!("{item}  →  {}", target_name(got));
        if cx.outcome.is_some() {
            let ok = got.is_some() && got == want;
            prefix.push(mark(t, ok));
            if !ok {
                text.push_str(&format!("   (correct: {})", target_name(want)));
            }
        }
        let on = pos == s.cursor && cx.outcome.is_none();
        if pos == s.cursor {
            body.focus = Some(body.lines.len());
        }
        body.lines.extend(hanging(
            prefix,
            &text,
            if on { t.selected() } else { t.text() },
            cx.width,
        ));
    }
}
