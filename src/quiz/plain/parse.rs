//! One line of learner input → an [`Answer`] for the question shown, in
//! authored indices. Lenient about spacing and case; anything it cannot
//! read becomes a [`ParseError`] whose message says what was expected.
//!
//! Forms: `B`, `A,C` / `a c`; `works`, `fails 3 in-memory-state` (lines as
//! `3`, `3,5` or `3-5`, reason by id or a unique part of it, in either
//! order); `left` / `right`; `auth=functions, streaming=server` (items and
//! targets by number or case-insensitively by exact name, unique prefix or
//! unique substring).

use crate::content::model::{
    ChoiceQuestion, PlacementQuestion, Question, QuestionKind, Reason, Side, Verdict,
};
use crate::quiz::answer::Answer;
use crate::quiz::describe::option_label;
use crate::quiz::interact::{authored_side, letter_index};
use crate::quiz::shuffle::Order;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("no answer given")]
    Empty,
    #[error("{0}")]
    Invalid(String),
}

fn invalid(msg: impl Into<String>) -> ParseError {
    ParseError::Invalid(msg.into())
}

/// The expected form, for the prompt and for re-asking.
pub fn expected_form(question: &Question, order: &Order) -> String {
    match &question.kind {
        QuestionKind::Choice(c) => {
            let last = option_label(order.len().saturating_sub(1));
            if c.multi {
                format!("every correct letter, separated by commas (A to {last}), e.g. A,C")
            } else {
                format!("one letter (A to {last}), e.g. B")
            }
        }
        QuestionKind::Verdict(_) => "\"works\", or \"fails LINES REASON\" with lines like 3, 3,5 or 3-5, e.g. fails 3 in-memory-state".to_owned(),
        QuestionKind::Compare(_) => "\"left\" or \"right\"".to_owned(),
        QuestionKind::Placement(p) => {
            // Placeholders, not targets: an example must not hint at the key.
            let example: Vec<String> = order
                .iter()
                .filter_map(|i| p.items.get(i))
                .map(|item| format!("{}=TARGET", item.to_lowercase()))
                .collect();
            format!(
                "ITEM=TARGET for every item, separated by commas (names, parts of names, or numbers), e.g. {}",
                example.join(", ")
            )
        }
    }
}

pub fn parse_answer(question: &Question, order: &Order, line: &str) -> Result<Answer, ParseError> {
    let line = line.trim();
    if line.is_empty() {
        return Err(ParseError::Empty);
    }
    match &question.kind {
        QuestionKind::Choice(c) => parse_choice(c, order, line),
        QuestionKind::Verdict(v) => parse_verdict(line, v.code.lines().count().max(1)),
        QuestionKind::Compare(_) => parse_compare(order, line),
        QuestionKind::Placement(p) => parse_placement(p, order, line),
    }
}

fn parse_choice(q: &ChoiceQuestion, order: &Order, line: &str) -> Result<Answer, ParseError> {
    let mut selected = Vec::new();
    for token in line.split([',', ' ', ';', '\t']).filter(|t| !t.is_empty()) {
        let token = token.trim_end_matches(['.', ')']);
        let mut chars = token.chars();
        let pos = match (chars.next(), chars.next()) {
            (Some(c), None) => letter_index(c),
            _ => token
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|_| order.len() > 26),
        };
        let idx = pos
            .and_then(|p| order.authored(p))
            .ok_or_else(|| invalid(format!("\"{token}\" is not one of the options")))?;
        if !selected.contains(&idx) {
            selected.push(idx);
        }
    }
    if selected.is_empty() {
        return Err(ParseError::Empty);
    }
    if !q.multi && selected.len() > 1 {
        return Err(invalid("choose only one option"));
    }
    selected.sort_unstable();
    Ok(Answer::Choice { selected })
}

fn parse_verdict(line: &str, line_count: usize) -> Result<Answer, ParseError> {
    let lower = line.to_lowercase();
    let mut tokens = lower.split_whitespace();
    let first = tokens.next().unwrap_or_default();
    let verdict = match first {
        "works" | "work" | "w" => Verdict::Works,
        "fails" | "fail" | "f" => Verdict::Fails,
        _ => return Err(invalid("start with \"works\" or \"fails\"")),
    };
    let rest: Vec<&str> = tokens.collect();
    if verdict == Verdict::Works {
        if !rest.is_empty() {
            return Err(invalid("\"works\" takes nothing after it"));
        }
        return Ok(Answer::Verdict {
            verdict,
            lines: Vec::new(),
            reason: None,
        });
    }
    let (line_tokens, reason_tokens): (Vec<&str>, Vec<&str>) = rest.iter().partition(|t| {
        t.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '-')
    });
    let lines = parse_lines(&line_tokens.join(","), line_count)?;
    let reason = match reason_tokens.as_slice() {
        [one] => parse_reason(one)?,
        [] => return Err(invalid("say why it fails: one of the reasons")),
        _ => return Err(invalid("give one reason")),
    };
    Ok(Answer::Verdict {
        verdict,
        lines,
        reason: Some(reason),
    })
}

/// `3`, `3,5`, `3-5`, `1,3-4` → sorted 1-based lines within the snippet.
pub fn parse_lines(spec: &str, line_count: usize) -> Result<Vec<usize>, ParseError> {
    let mut lines = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
            return Err(invalid(format!("\"{part}\" is not a line number or range")));
        };
        let (lo, hi) = (a.min(b), a.max(b));
        if lo == 0 || hi > line_count {
            return Err(invalid(format!("the snippet has lines 1 to {line_count}")));
        }
        lines.extend(lo..=hi);
    }
    if lines.is_empty() {
        return Err(invalid("say which lines fail, e.g. 3 or 3-5"));
    }
    lines.sort_unstable();
    lines.dedup();
    Ok(lines)
}

fn parse_reason(token: &str) -> Result<Reason, ParseError> {
    let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    match match_name(token, &names) {
        Ok(i) => Reason::ALL
            .get(i)
            .copied()
            .ok_or_else(|| invalid("unknown reason")),
        Err(e) => Err(invalid(format!("reason {}", e.describe(token)))),
    }
}

fn parse_compare(order: &Order, line: &str) -> Result<Answer, ParseError> {
    let word = line.to_lowercase();
    let shown = if !word.is_empty() && "left".starts_with(&word) {
        Side::Left
    } else if !word.is_empty() && "right".starts_with(&word) {
        Side::Right
    } else {
        return Err(invalid("answer \"left\" or \"right\""));
    };
    Ok(Answer::Compare {
        side: authored_side(order, shown),
    })
}

fn parse_placement(q: &PlacementQuestion, order: &Order, line: &str) -> Result<Answer, ParseError> {
    let items: Vec<&str> = order
        .iter()
        .filter_map(|i| q.items.get(i).map(String::as_str))
        .collect();
    let targets: Vec<&str> = q.targets.iter().map(String::as_str).collect();
    let mut chosen: Vec<Option<usize>> = vec![None; q.items.len()];
    for pair in line
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let Some((item, target)) = pair.split_once('=') else {
            return Err(invalid(format!("\"{pair}\" is not ITEM=TARGET")));
        };
        let pos = match_name(item, &items)
            .map_err(|e| invalid(format!("item {}", e.describe(item.trim()))))?;
        let t = match_name(target, &targets)
            .map_err(|e| invalid(format!("target {}", e.describe(target.trim()))))?;
        let idx = order.authored(pos).ok_or_else(|| invalid("unknown item"))?;
        if let Some(slot) = chosen.get_mut(idx) {
            if slot.is_some_and(|prev| prev != t) {
                return Err(invalid(format!("\"{}\" is placed twice", items[pos])));
            }
            *slot = Some(t);
        }
    }
    let missing: Vec<&str> = order
        .iter()
        .filter(|&i| chosen.get(i).is_some_and(Option::is_none))
        .filter_map(|i| q.items.get(i).map(String::as_str))
        .collect();
    if !missing.is_empty() {
        return Err(invalid(format!(
            "place every item; missing: {}",
            missing.join(", ")
        )));
    }
    Ok(Answer::Placement { targets: chosen })
}

/// Why a name did not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoMatch {
    None(Vec<String>),
    Ambiguous(Vec<String>),
}

impl NoMatch {
    fn describe(&self, input: &str) -> String {
        match self {
            NoMatch::None(all) => format!("\"{input}\" is none of: {}", all.join(", ")),
            NoMatch::Ambiguous(some) => format!("\"{input}\" could be any of: {}", some.join(", ")),
        }
    }
}

/// Finds `input` among `names`: a 1-based number, else case-insensitively an
/// exact name, a unique prefix, or a unique substring.
pub fn match_name(input: &str, names: &[&str]) -> Result<usize, NoMatch> {
    let want = input.trim().to_lowercase();
    let all = || names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    if want.is_empty() {
        return Err(NoMatch::None(all()));
    }
    if let Some(i) = want.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
        return if i < names.len() {
            Ok(i)
        } else {
            Err(NoMatch::None(all()))
        };
    }
    let lower: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
    if let Some(i) = lower.iter().position(|n| *n == want) {
        return Ok(i);
    }
    for test in [
        (&|n: &str| n.starts_with(want.as_str())) as &dyn Fn(&str) -> bool,
        &|n: &str| n.contains(want.as_str()),
    ] {
        let hits: Vec<usize> = (0..lower.len()).filter(|&i| test(&lower[i])).collect();
        match hits.as_slice() {
            [one] => return Ok(*one),
            [] => continue,
            many => {
                return Err(NoMatch::Ambiguous(
                    many.iter().map(|&i| names[i].to_string()).collect(),
                ))
            }
        }
    }
    Err(NoMatch::None(all()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testdata::sample_quiz;

    fn q(i: usize) -> Question {
        sample_quiz().questions[i].clone()
    }

    fn ord(question: &Question) -> Order {
        Order::for_question(question, None)
    }

    fn parse(i: usize, line: &str) -> Result<Answer, ParseError> {
        let question = q(i);
        parse_answer(&question, &ord(&question), line)
    }

    #[test]
    fn choice_letters() {
        assert_eq!(parse(0, " b "), Ok(Answer::Choice { selected: vec![1] }));
        assert_eq!(parse(0, "B)"), Ok(Answer::Choice { selected: vec![1] }));
        assert!(parse(0, "A,C").is_err(), "single choice takes one");
        assert!(parse(0, "D").is_err());
        assert!(parse(0, "bee").is_err());
        assert_eq!(parse(0, ""), Err(ParseError::Empty));
        let mut multi = q(0);
        if let QuestionKind::Choice(c) = &mut multi.kind {
            c.multi = true;
        }
        let o = ord(&multi);
        assert_eq!(
            parse_answer(&multi, &o, "c, a a"),
            Ok(Answer::Choice {
                selected: vec![0, 2]
            })
        );
    }

    #[test]
    fn verdict_forms() {
        let fails = |lines: Vec<usize>, r| Answer::Verdict {
            verdict: Verdict::Fails,
            lines,
            reason: Some(r),
        };
        assert_eq!(
            parse(1, "works"),
            Ok(Answer::Verdict {
                verdict: Verdict::Works,
                lines: vec![],
                reason: None
            })
        );
        assert_eq!(
            parse(1, "fails 3 in-memory-state"),
            Ok(fails(vec![3], Reason::InMemoryState))
        );
        assert_eq!(
            parse(1, "FAILS 1,4 memory"),
            Ok(fails(vec![1, 4], Reason::InMemoryState))
        );
        assert_eq!(
            parse(1, "fails 2-4 unbounded"),
            Ok(fails(vec![2, 3, 4], Reason::UnboundedWork))
        );
        assert_eq!(
            parse(1, "f uncached 1 , 3"),
            Ok(fails(vec![1, 3], Reason::UncachedConnection))
        );
        assert!(parse(1, "fails 3").is_err(), "reason required");
        assert!(parse(1, "fails in-memory-state").is_err(), "lines required");
        assert!(parse(1, "fails 9 in-memory-state").is_err(), "6 lines only");
        assert!(parse(1, "fails 0 in-memory-state").is_err());
        assert!(parse(1, "fails 1 persistent").is_err(), "ambiguous reason");
        assert!(parse(1, "works 3").is_err());
        assert!(parse(1, "maybe").is_err());
    }

    #[test]
    fn compare_sides() {
        assert_eq!(parse(2, "left"), Ok(Answer::Compare { side: Side::Left }));
        assert_eq!(parse(2, "R"), Ok(Answer::Compare { side: Side::Right }));
        assert!(parse(2, "middle").is_err());
    }

    #[test]
    fn placement_pairs() {
        let want = Ok(Answer::Placement {
            targets: vec![Some(0), Some(1)],
        });
        assert_eq!(
            parse(3, "auth=functions, live chat=long-running server"),
            want
        );
        assert_eq!(parse(3, "chat = server; AUTH = func"), want);
        assert_eq!(parse(3, "1=1, 2=2"), want);
        let err = parse(3, "auth=functions");
        assert!(matches!(err, Err(ParseError::Invalid(m)) if m.contains("missing: Live chat")));
        assert!(parse(3, "auth=functions, chat=moon").is_err());
        assert!(parse(3, "auth functions").is_err());
        assert!(parse(3, "auth=functions, auth=long, chat=long").is_err());
    }

    #[test]
    fn names_match_exact_then_prefix_then_substring() {
        let names = ["Functions", "Function store", "Server"];
        assert_eq!(match_name("functions", &names), Ok(0));
        assert!(matches!(
            match_name("func", &names),
            Err(NoMatch::Ambiguous(_))
        ));
        assert_eq!(match_name("store", &names), Ok(1));
        assert_eq!(match_name("3", &names), Ok(2));
        assert!(matches!(match_name("4", &names), Err(NoMatch::None(_))));
        assert!(matches!(match_name("x", &names), Err(NoMatch::None(_))));
    }
}
