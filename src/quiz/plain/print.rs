//! What line mode writes: questions, feedback and hints as plain text.
//! Marks are words and symbols (✔/❌ with "Correct"/"Incorrect"), never colour.

use super::parse::ParseError;
use crate::content::model::{Question, QuestionKind, Reason, Side};
use crate::content::sanitize;
use crate::persist::progress::Attempt;
use crate::quiz::describe::{answer_text, correct_text, option_label, shown_side};
use crate::quiz::shuffle::Order;
use std::io::{self, Write};

pub fn intro(out: &mut impl Write, quiz: &crate::content::model::Quiz) -> io::Result<()> {
    let title = quiz.title.as_deref().unwrap_or(&quiz.id);
    let n = quiz.questions.len();
    let s = if n == 1 { "" } else { "s" };
    writeln!(out, "Quiz: {title} ({n} question{s}). One answer per line.")?;
    writeln!(out)
}

pub fn question(
    out: &mut impl Write,
    n: usize,
    total: usize,
    q: &Question,
    order: &Order,
) -> io::Result<()> {
    let kind = match &q.kind {
        QuestionKind::Choice(c) if c.multi => "choice, select all that apply",
        QuestionKind::Choice(_) => "choice, select one",
        QuestionKind::Verdict(_) => "works or fails?",
        QuestionKind::Compare(_) => "which one works on serverless?",
        QuestionKind::Placement(_) => "placement",
    };
    writeln!(out, "Question {n} of {total} ({kind})")?;
    markdown(out, &q.prompt)?;
    writeln!(out)?;
    match &q.kind {
        QuestionKind::Choice(c) => {
            for (pos, idx) in order.iter().enumerate() {
                let text = c.options.get(idx).map_or("", String::as_str);
                writeln!(out, "  {}. {}", option_label(pos), inline(text))?;
            }
        }
        QuestionKind::Verdict(v) => {
            snippet(out, &v.code, &[])?;
            writeln!(out)?;
            reasons(out)?;
        }
        QuestionKind::Compare(c) => {
            for shown in [Side::Left, Side::Right] {
                let code = match crate::quiz::interact::authored_side(order, shown) {
                    Side::Left => &c.left,
                    Side::Right => &c.right,
                };
                writeln!(out, "{}:", capitalised(shown))?;
                snippet(out, code, &[])?;
            }
        }
        QuestionKind::Placement(p) => {
            writeln!(out, "Items:")?;
            for (pos, idx) in order.iter().enumerate() {
                writeln!(
                    out,
                    "  {}. {}",
                    pos + 1,
                    p.items.get(idx).map_or("", String::as_str)
                )?;
            }
            writeln!(out, "Targets:")?;
            for (i, t) in p.targets.iter().enumerate() {
                writeln!(out, "  {}. {t}", i + 1)?;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Answer with {}.",
        super::parse::expected_form(q, order)
    )
}

/// Markdown as plain text: laid out by the renderer without colour, so
/// `**bold**` and fences read as text, not as punctuation to a screen reader.
fn markdown(out: &mut impl Write, md: &str) -> io::Result<()> {
    let blocks = crate::content::markdown::parse_markdown(md);
    let opts = crate::layout::LayoutOptions {
        width: PLAIN_WIDTH,
        theme: crate::theme::Theme::no_color(crate::theme::ThemeName::Dark),
        highlight: false,
    };
    let lines: Vec<String> = crate::layout::layout_blocks(&blocks, &opts)
        .lines
        .iter()
        .map(|l| l.to_string().trim_end().to_owned())
        .collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    for line in &lines[..end] {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Markdown (an option, a feedback line) as one line of plain text.
fn inline(md: &str) -> String {
    let theme = crate::theme::Theme::no_color(crate::theme::ThemeName::Dark);
    crate::quiz::view::markdown_plain(md, &theme)
}

/// Width prose is wrapped to in line mode.
const PLAIN_WIDTH: u16 = 80;

fn capitalised(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
    }
}

fn reasons(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "Reasons:")?;
    for r in Reason::ALL {
        writeln!(out, "  {:<22} {}", r.as_str(), r.describe())?;
    }
    Ok(())
}

/// Numbered code lines; `marked` lines get a ❌ and the word "fails".
fn snippet(out: &mut impl Write, code: &str, marked: &[usize]) -> io::Result<()> {
    let count = code.lines().count().max(1);
    let width = count.to_string().len();
    for (i, line) in code.lines().enumerate() {
        let n = i + 1;
        let mark = if marked.contains(&n) { "❌" } else { "  " };
        let text = format!("{mark} {n:>width$} | {line}");
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

pub fn reask(out: &mut impl Write, err: &ParseError, expected: &str) -> io::Result<()> {
    let msg = sanitize::inline(&err.to_string()).into_owned();
    writeln!(
        out,
        "Not understood ({msg}). Please answer with {expected}."
    )
}

pub fn feedback(out: &mut impl Write, q: &Question, order: &Order, a: &Attempt) -> io::Result<()> {
    writeln!(out)?;
    if a.grade.correct {
        writeln!(out, "✔ Correct.")?;
    } else {
        writeln!(out, "❌ Incorrect.")?;
    }
    writeln!(out, "Your answer: {}", answer_text(q, order, &a.answer))?;
    writeln!(out, "Correct answer: {}", correct_text(q, order))?;
    parts(out, q, a)?;
    match &q.kind {
        QuestionKind::Choice(c) => option_feedback(out, c, order, &a.answer)?,
        QuestionKind::Verdict(v) if !v.lines.is_empty() => {
            writeln!(out, "The failing lines:")?;
            snippet(out, &v.code, &v.lines)?;
            if let Some(r) = v.reason {
                writeln!(out, "Why: {} ({}).", r.as_str(), r.describe())?;
            }
        }
        QuestionKind::Compare(c) => {
            writeln!(
                out,
                "The {} snippet works on serverless.",
                shown_side(order, c.answer)
            )?;
        }
        _ => {}
    }
    if !q.explanation.trim().is_empty() {
        writeln!(out, "Explanation:")?;
        markdown(out, &q.explanation)?;
    }
    writeln!(out)
}

/// Partial-credit parts, each with a word as well as a mark.
fn parts(out: &mut impl Write, q: &Question, a: &Attempt) -> io::Result<()> {
    let word = |ok: bool| if ok { "✔ right" } else { "❌ wrong" };
    if let QuestionKind::Verdict(_) = q.kind {
        writeln!(out, "  Verdict: {}", word(a.grade.correct))?;
        if let Some(ok) = a.grade.lines_correct {
            writeln!(out, "  Lines: {}", word(ok))?;
        }
        if let Some(ok) = a.grade.reason_correct {
            writeln!(out, "  Reason: {}", word(ok))?;
        }
    }
    if let (QuestionKind::Placement(p), Some(n)) = (&q.kind, a.grade.items_correct) {
        writeln!(out, "  Items placed right: {n} of {}", p.items.len())?;
    }
    Ok(())
}

fn option_feedback(
    out: &mut impl Write,
    c: &crate::content::model::ChoiceQuestion,
    order: &Order,
    answer: &crate::quiz::answer::Answer,
) -> io::Result<()> {
    let chosen: &[usize] = match answer {
        crate::quiz::answer::Answer::Choice { selected } => selected,
        _ => &[],
    };
    for (pos, idx) in order.iter().enumerate() {
        let Some(text) = c.feedback.get(idx).filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let yours = chosen.contains(&idx);
        let right = c.answer.contains(&idx);
        if !yours && !right {
            continue;
        }
        let tag = match (yours, right) {
            (true, true) => "your answer, correct",
            (true, false) => "your answer, not correct",
            _ => "correct answer",
        };
        writeln!(out, "  {} ({tag}): {}", option_label(pos), inline(text))?;
    }
    Ok(())
}
