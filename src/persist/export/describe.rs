//! Answers in words, for people reading an export or a report card:
//! `B — Keep sessions in Redis`, `fails — line 3 — in-memory-state`,
//! `auth → functions, streaming → server`. Also the right answer of a
//! question as an [`Answer`] (the key), so exports carry it structured too.

use crate::content::model::{Question, QuestionKind};
use crate::quiz::answer::Answer;

/// The correct answer of a question, in the same shape a learner's answer has.
pub fn key(question: &Question) -> Answer {
    match &question.kind {
        QuestionKind::Choice(c) => Answer::Choice {
            selected: c.answer.clone(),
        },
        QuestionKind::Verdict(v) => Answer::Verdict {
            verdict: v.answer,
            lines: v.lines.clone(),
            reason: v.reason,
        },
        QuestionKind::Compare(c) => Answer::Compare { side: c.answer },
        QuestionKind::Placement(p) => Answer::Placement {
            targets: p.answer.iter().copied().map(Some).collect(),
        },
    }
}

/// `answer` to `question` in words. Indices that do not exist in the question
/// (an answer recorded against an older version of it) show as `?`.
pub fn describe(question: &Question, answer: &Answer) -> String {
    match (answer, &question.kind) {
        (Answer::Choice { selected }, QuestionKind::Choice(c)) => {
            describe_choice(selected, &c.options)
        }
        (Answer::Placement { targets }, QuestionKind::Placement(p)) => {
            describe_placement(targets, &p.items, &p.targets)
        }
        // Verdict and compare answers read the same without the question;
        // a type mismatch (the question changed type) falls back to that too.
        _ => describe_bare(answer),
    }
}

/// An answer in words without its question (option letters, target numbers).
pub fn describe_bare(answer: &Answer) -> String {
    match answer {
        Answer::Choice { selected } => describe_choice(selected, &[]),
        Answer::Verdict {
            verdict,
            lines,
            reason,
        } => {
            let mut parts = vec![verdict.to_string()];
            if !lines.is_empty() {
                let word = if lines.len() == 1 { "line" } else { "lines" };
                parts.push(format!("{word} {}", join_numbers(lines)));
            }
            if let Some(r) = reason {
                parts.push(r.to_string());
            }
            parts.join(" — ")
        }
        // "right" alone would read as "correct" in "Right answer: right".
        Answer::Compare { side } => format!("the {side} snippet"),
        Answer::Placement { targets } => describe_placement(targets, &[], &[]),
    }
}

fn join_numbers(numbers: &[usize]) -> String {
    let v: Vec<String> = numbers.iter().map(usize::to_string).collect();
    v.join(", ")
}

/// `A`, `B`, … `Z`, then `27`, `28`… (no quiz has that many options, but an
/// answer from a damaged file might claim one).
pub fn letter(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => (index + 1).to_string(),
    }
}

fn describe_choice(selected: &[usize], options: &[String]) -> String {
    if selected.is_empty() {
        return "(nothing selected)".into();
    }
    let letters: Vec<String> = selected.iter().map(|&i| letter(i)).collect();
    let texts: Vec<String> = selected
        .iter()
        .filter_map(|&i| options.get(i).map(|o| plain_first_line(o)))
        .collect();
    if texts.is_empty() {
        letters.join(", ")
    } else {
        format!("{} — {}", letters.join(", "), texts.join("; "))
    }
}

fn describe_placement(targets: &[Option<usize>], items: &[String], names: &[String]) -> String {
    if targets.is_empty() {
        return "(nothing placed)".into();
    }
    let pairs: Vec<String> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let item = items
                .get(i)
                .map(|s| plain_first_line(s))
                .unwrap_or_else(|| format!("item {}", i + 1));
            let target = match t {
                None => "(unplaced)".to_owned(),
                Some(t) => names
                    .get(*t)
                    .map(|s| plain_first_line(s))
                    .unwrap_or_else(|| format!("target {}", t + 1)),
            };
            format!("{item} → {target}")
        })
        .collect();
    pairs.join(", ")
}

/// The first non-blank line of a markdown text, as plain text: no heading,
/// quote or list markers, no emphasis or code backticks; at most 120 chars.
pub fn plain_first_line(markdown: &str) -> String {
    let line = markdown
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let line = line.trim_start_matches(['#', '>', ' ']);
    let line = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .unwrap_or(line);
    let text: String = line
        .replace("**", "")
        .replace("__", "")
        .chars()
        .filter(|&c| c != '`')
        .collect();
    let text = crate::content::sanitize::inline(text.trim()).into_owned();
    truncate(&text, 120)
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Reason, Side, Verdict};
    use crate::persist::export::testdata::course;

    #[test]
    fn verdict_answers_read_like_the_line_mode_input() {
        let a = Answer::Verdict {
            verdict: Verdict::Fails,
            lines: vec![3],
            reason: Some(Reason::InMemoryState),
        };
        assert_eq!(describe_bare(&a), "fails — line 3 — in-memory-state");
        let b = Answer::Verdict {
            verdict: Verdict::Fails,
            lines: vec![2, 4],
            reason: None,
        };
        assert_eq!(describe_bare(&b), "fails — lines 2, 4");
        let c = Answer::Verdict {
            verdict: Verdict::Works,
            lines: vec![],
            reason: None,
        };
        assert_eq!(describe_bare(&c), "works");
        assert_eq!(
            describe_bare(&Answer::Compare { side: Side::Left }),
            "the left snippet"
        );
    }

    #[test]
    fn choices_and_placements_name_their_options() {
        let course = course();
        let quiz = &course.quizzes[0];
        let choice = &quiz.questions[0];
        assert_eq!(
            describe(choice, &Answer::Choice { selected: vec![1] }),
            "B — Keep it in Redis"
        );
        assert_eq!(
            describe(
                choice,
                &Answer::Choice {
                    selected: vec![0, 9]
                }
            ),
            "A, J — A module-level variable"
        );
        assert_eq!(
            describe(choice, &Answer::Choice { selected: vec![] }),
            "(nothing selected)"
        );
        let placement = &quiz.questions[3];
        assert_eq!(
            describe(
                placement,
                &Answer::Placement {
                    targets: vec![Some(0), None, Some(7)]
                }
            ),
            "auth → functions, streaming → (unplaced), item 3 → target 8"
        );
    }

    #[test]
    fn keys_mirror_the_question() {
        let course = course();
        let verdict = &course.quizzes[0].questions[1];
        assert_eq!(
            describe(verdict, &key(verdict)),
            "fails — line 3 — in-memory-state"
        );
    }

    #[test]
    fn first_lines_are_plain_and_short() {
        assert_eq!(
            plain_first_line("\n\n## What **breaks** `here`?\nmore"),
            "What breaks here?"
        );
        assert_eq!(plain_first_line("- an item"), "an item");
        assert_eq!(
            plain_first_line("bad \u{1b}[31m escape"),
            "bad ^[[31m escape"
        );
        assert_eq!(plain_first_line(&"x".repeat(300)).chars().count(), 120);
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "27");
    }
}
