//! A quiz question as a poll for the room: the prompt and its options,
//! labelled A–D with room between them, no answer; after the reveal the
//! correct answer is marked (✅, not only colour), failing lines get ❌, and
//! the explanation follows.

use super::render::{
    code_lines, compare_lines, indent, markdown_lines, wrap_text, Columns, Reveal,
};
use crate::content::model::{
    ChoiceQuestion, CodeBlock, CompareQuestion, Comparison, PlacementQuestion, Question,
    QuestionKind, Side, Verdict, VerdictQuestion,
};
use crate::theme::Theme;
use ratatui::text::{Line, Span};

/// Option labels: A, B, C, … (then numbers past Z).
pub fn label(i: usize) -> String {
    u8::try_from(i)
        .ok()
        .filter(|i| *i < 26)
        .map(|i| char::from(b'A' + i).to_string())
        .unwrap_or_else(|| (i + 1).to_string())
}

/// The correct answer in a few words (for the speaker's notes).
pub fn answer_text(q: &Question) -> String {
    match &q.kind {
        QuestionKind::Choice(c) => {
            let letters: Vec<String> = c.answer.iter().map(|i| label(*i)).collect();
            letters.join(", ")
        }
        QuestionKind::Verdict(v) => {
            let mut text = v.answer.to_string();
            if !v.lines.is_empty() {
                let lines: Vec<String> = v.lines.iter().map(usize::to_string).collect();
                text.push_str(&format!(", line {}", lines.join(", ")));
            }
            if let Some(reason) = v.reason {
                text.push_str(&format!(" ({reason})"));
            }
            text
        }
        QuestionKind::Compare(c) => match c.answer {
            Side::Left => "A (left)".to_owned(),
            Side::Right => "B (right)".to_owned(),
        },
        QuestionKind::Placement(p) => p
            .items
            .iter()
            .zip(&p.answer)
            .filter_map(|(item, t)| p.targets.get(*t).map(|t| format!("{item} → {t}")))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The lines of a poll slide's body (below its header); `with_prompt`:
/// start with the prompt (when the header does not show it in big letters).
/// Lines are for the wide area of `cols`: text in the prose column
/// (indented), a compare question's panes across the whole width.
pub fn poll_lines(
    q: &Question,
    revealed: bool,
    with_prompt: bool,
    cols: Columns,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = cols.prose;
    let mut wide = Vec::new();
    let mut out = Vec::new();
    if with_prompt {
        out = markdown_lines(&q.prompt, width, theme)
            .into_iter()
            .map(|l| l.patch_style(theme.strong()))
            .collect();
        out.push(Line::raw(""));
    }
    match &q.kind {
        QuestionKind::Choice(c) => choice(&mut out, c, revealed, width, theme),
        QuestionKind::Verdict(v) => verdict(&mut out, v, revealed, width, theme),
        QuestionKind::Compare(c) => {
            wide = indent(std::mem::take(&mut out), cols.indent());
            wide.extend(compare(&mut out, c, revealed, cols.wide, theme));
        }
        QuestionKind::Placement(p) => placement(&mut out, p, revealed, width, theme),
    }
    if revealed && !q.explanation.trim().is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Why", theme.heading(3)));
        out.extend(markdown_lines(&q.explanation, width, theme));
    }
    wide.extend(indent(out, cols.indent()));
    wide
}

/// One labelled option, wrapped under its label, then a blank line.
fn option(
    out: &mut Vec<Line<'static>>,
    i: usize,
    text: &str,
    mark: Mark,
    width: u16,
    theme: &Theme,
) {
    let badge = format!(" {} ", label(i));
    let (prefix, badge_style, text_style) = match mark {
        Mark::None => (
            "   ",
            theme.selected(),
            theme.text().add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Mark::Correct => ("✅ ", theme.good(), theme.good()),
        Mark::Wrong => ("   ", theme.dim(), theme.dim()),
    };
    let indent = 3 + badge.len() + 2;
    let lines = wrap_text(text, usize::from(width).saturating_sub(indent).max(1));
    for (n, piece) in lines.into_iter().enumerate() {
        let head = if n == 0 {
            vec![
                Span::styled(prefix, theme.good()),
                Span::styled(badge.clone(), badge_style),
                Span::raw("  "),
            ]
        } else {
            vec![Span::raw(" ".repeat(indent))]
        };
        let mut spans = head;
        spans.push(Span::styled(piece, text_style));
        out.push(Line::from(spans));
    }
    out.push(Line::raw(""));
}

#[derive(Clone, Copy)]
enum Mark {
    None,
    Correct,
    Wrong,
}

fn mark(revealed: bool, correct: bool) -> Mark {
    match (revealed, correct) {
        (false, _) => Mark::None,
        (true, true) => Mark::Correct,
        (true, false) => Mark::Wrong,
    }
}

fn choice(
    out: &mut Vec<Line<'static>>,
    c: &ChoiceQuestion,
    revealed: bool,
    width: u16,
    theme: &Theme,
) {
    if c.multi {
        out.push(Line::styled("Select all that apply.", theme.dim()));
        out.push(Line::raw(""));
    }
    for (i, text) in c.options.iter().enumerate() {
        option(
            out,
            i,
            text,
            mark(revealed, c.answer.contains(&i)),
            width,
            theme,
        );
    }
    if revealed {
        let letters: Vec<String> = c.answer.iter().map(|i| label(*i)).collect();
        out.push(Line::styled(
            format!("✅ Answer: {}", letters.join(", ")),
            theme.good(),
        ));
    }
}

fn verdict(
    out: &mut Vec<Line<'static>>,
    v: &VerdictQuestion,
    revealed: bool,
    width: u16,
    theme: &Theme,
) {
    let code = CodeBlock::plain(Some(&v.lang), &v.code);
    let marked: &[usize] = if revealed { &v.lines } else { &[] };
    out.extend(code_lines(&code, width, theme, marked));
    out.push(Line::raw(""));
    let fails = v.answer == Verdict::Fails;
    option(
        out,
        0,
        "It works on serverless",
        mark(revealed, !fails),
        width,
        theme,
    );
    option(
        out,
        1,
        "It fails on serverless",
        mark(revealed, fails),
        width,
        theme,
    );
    if revealed {
        let mut answer = format!("✅ Answer: {}", v.answer);
        if !v.lines.is_empty() {
            let lines: Vec<String> = v.lines.iter().map(usize::to_string).collect();
            answer.push_str(&format!(" — line {}", lines.join(", ")));
        }
        out.push(Line::styled(answer, theme.good()));
        if let Some(reason) = v.reason {
            out.push(Line::styled(
                format!("   because it {}", reason.describe()),
                theme.text(),
            ));
        }
    }
}

/// Pushes the question and answer lines to `out`; returns the panes.
fn compare(
    out: &mut Vec<Line<'static>>,
    c: &CompareQuestion,
    revealed: bool,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let pane = |code: &str, name: &str, side: Side| {
        let mut block = CodeBlock::plain(Some(&c.lang), code);
        block.title = Some(name.to_owned());
        if revealed {
            block.verdict = Some(if side == c.answer {
                Verdict::Works
            } else {
                Verdict::Fails
            });
        }
        block
    };
    let cmp = Comparison {
        left: pane(&c.left, "A (left)", Side::Left),
        right: pane(&c.right, "B (right)", Side::Right),
    };
    let mut panes = compare_lines(&cmp, width, theme, Reveal::Both);
    panes.push(Line::raw(""));
    out.push(Line::styled(
        "Which one works on serverless: A or B?",
        theme.strong(),
    ));
    if revealed {
        let answer = match c.answer {
            Side::Left => "✅ Answer: A (left) works on serverless",
            Side::Right => "✅ Answer: B (right) works on serverless",
        };
        out.push(Line::styled(answer, theme.good()));
    }
    panes
}

fn placement(
    out: &mut Vec<Line<'static>>,
    p: &PlacementQuestion,
    revealed: bool,
    width: u16,
    theme: &Theme,
) {
    let targets: Vec<String> = p
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {t}", label(i)))
        .collect();
    out.push(Line::styled(
        format!("Where does each part run?   {}", targets.join("   ")),
        theme.strong(),
    ));
    out.push(Line::raw(""));
    for (i, item) in p.items.iter().enumerate() {
        let text = match (revealed, p.answer.get(i).and_then(|t| p.targets.get(*t))) {
            (true, Some(target)) => format!("{item}  →  ✅ {target}"),
            _ => format!("{item}  →  ?"),
        };
        for piece in wrap_text(&format!("{}. {text}", i + 1), usize::from(width).max(1)) {
            out.push(Line::styled(piece, theme.text()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Reason;
    use crate::theme::ThemeName;

    fn q(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            prompt: "Does this **work**?".into(),
            explanation: "Because it listens.".into(),
            pin_order: false,
            kind,
            line: 1,
        }
    }

    fn text(q: &Question, revealed: bool) -> String {
        let theme = Theme::no_color(ThemeName::HighContrast);
        poll_lines(
            q,
            revealed,
            true,
            Columns {
                prose: 80,
                wide: 80,
            },
            &theme,
        )
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
    }

    #[test]
    fn the_answer_appears_only_after_the_reveal() {
        let question = q(QuestionKind::Verdict(VerdictQuestion {
            code: "app.listen(3000)".into(),
            lang: "js".into(),
            answer: Verdict::Fails,
            lines: vec![1],
            reason: Some(Reason::PersistentServer),
        }));
        let before = text(&question, false);
        assert!(!before.contains('✅') && !before.contains('❌') && !before.contains("Because"));
        let after = text(&question, true);
        assert!(
            after
                .lines()
                .any(|l| l.contains('❌') && l.contains("1 │ app.listen(3000)")),
            "{after}"
        );
        assert!(after.contains("✅ Answer: fails — line 1"));
        assert!(after.contains("Because it listens."));
    }

    #[test]
    fn choice_options_are_labelled_a_to_d() {
        let question = q(QuestionKind::Choice(ChoiceQuestion {
            options: vec!["one".into(), "two".into(), "three".into(), "four".into()],
            answer: vec![2],
            multi: false,
            feedback: vec![],
        }));
        let before = text(&question, false);
        for l in ["A", "B", "C", "D"] {
            assert!(before.contains(&format!(" {l}   ")), "{before}");
        }
        assert!(text(&question, true).contains("✅  C   three"));
    }

    #[test]
    fn compare_questions_use_the_wide_area_and_text_the_column() {
        let question = q(QuestionKind::Compare(CompareQuestion {
            left: "app.listen(3000)".into(),
            right: "export default app".into(),
            lang: "js".into(),
            answer: Side::Right,
        }));
        let theme = Theme::no_color(ThemeName::HighContrast);
        let cols = Columns {
            prose: 100,
            wide: 116,
        };
        let lines: Vec<String> = poll_lines(&question, true, true, cols, &theme)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert!(lines[0].starts_with("        Does this work?"), "{lines:?}");
        let panes = lines.iter().find(|l| l.contains("A (left)")).unwrap();
        assert!(
            panes.starts_with("A (left)") && panes.contains("B (right)"),
            "{panes}"
        );
        assert!(lines
            .iter()
            .any(|l| l.contains("✅ Answer: B (right) works")));
        assert!(lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 116));
    }
}
