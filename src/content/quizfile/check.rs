//! One raw question → a clean [`Question`], or diagnostics saying exactly
//! what is wrong: keys that do not belong to its type, missing keys, answers
//! out of range or not an option, lines outside the snippet, unknown
//! reasons and languages, placement answers naming unknown items or targets.

use super::raw::RawQuestion;
use crate::content::lang;
use crate::content::model::{
    ChoiceQuestion, CompareQuestion, PlacementQuestion, Question, QuestionKind, Reason, Side,
    Verdict, VerdictQuestion,
};
use crate::content::report::Reporter;
use crate::content::sanitize;
use toml::{Spanned, Value};

const TYPES: [(&str, &[&str], &[&str]); 4] = [
    // (type, required keys, optional keys)
    ("choice", &["options", "answer"], &["feedback"]),
    ("verdict", &["code", "lang", "answer"], &["lines", "reason"]),
    ("compare", &["left", "right", "lang", "answer"], &[]),
    ("placement", &["items", "targets", "answer"], &[]),
];

fn text(s: &Spanned<String>) -> String {
    sanitize::multiline(s.get_ref().trim_end_matches('\n')).into_owned()
}

fn word(s: &str) -> String {
    sanitize::inline(s).into_owned()
}

/// Checks one question; `header` is the byte offset of its `[[questions]]`.
pub(super) fn check_question(
    raw: &RawQuestion,
    header: usize,
    rep: &mut Reporter,
) -> Option<Question> {
    let errors_before = rep.diagnostics.len();
    let type_name = raw.kind.get_ref().as_str();
    let Some((_, required, optional)) = TYPES.iter().find(|t| t.0 == type_name) else {
        rep.error_at(
            raw.kind.span().start,
            format!(
                "unknown question type `{}` (expected choice, verdict, compare or placement)",
                word(type_name)
            ),
        );
        return None;
    };
    for (key, at) in raw.present_keys() {
        if !required.contains(&key) && !optional.contains(&key) {
            rep.error_at(
                at,
                format!("`{key}` is not used by a `{type_name}` question"),
            );
        }
    }
    let present: Vec<&str> = raw.present_keys().iter().map(|k| k.0).collect();
    for key in required.iter().filter(|k| !present.contains(k)) {
        rep.error_at(header, format!("a `{type_name}` question needs `{key}`"));
    }
    if raw.id.get_ref().trim().is_empty() {
        rep.error_at(raw.id.span().start, "`id` must not be empty");
    }
    if rep.diagnostics.len() > errors_before {
        return None;
    }
    let kind = match type_name {
        "choice" => choice(raw, rep).map(QuestionKind::Choice),
        "verdict" => verdict(raw, rep).map(QuestionKind::Verdict),
        "compare" => compare(raw, rep).map(QuestionKind::Compare),
        _ => placement(raw, rep).map(QuestionKind::Placement),
    }?;
    Some(Question {
        id: word(raw.id.get_ref()),
        prompt: text(&raw.prompt),
        explanation: text(&raw.explanation),
        pin_order: raw.pin_order.as_ref().is_some_and(|p| *p.get_ref()),
        kind,
        line: rep.pos(header).0,
    })
}

fn choice(raw: &RawQuestion, rep: &mut Reporter) -> Option<ChoiceQuestion> {
    let options = raw.options.as_ref()?;
    let answer = raw.answer.as_ref()?;
    let count = options.get_ref().len();
    let mut ok = true;
    if count < 2 {
        rep.error_at(
            options.span().start,
            "a choice question needs at least two options",
        );
        ok = false;
    }
    let (indices, multi) = match answer.get_ref() {
        Value::Integer(n) => (vec![*n], false),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_integer) => {
            (items.iter().filter_map(Value::as_integer).collect(), true)
        }
        _ => {
            rep.error_at(
                answer.span().start,
                "`answer` of a choice question is an option number (from 0) or an array of them, e.g. `answer = 2` or `answer = [0, 2]`",
            );
            return None;
        }
    };
    let mut chosen = Vec::new();
    for n in indices {
        match usize::try_from(n).ok().filter(|&i| i < count) {
            Some(i) if chosen.contains(&i) => {
                rep.error_at(
                    answer.span().start,
                    format!("`answer` lists option {i} twice"),
                );
                ok = false;
            }
            Some(i) => chosen.push(i),
            None => {
                rep.error_at(
                    answer.span().start,
                    format!("answer {n} is out of range: there are {count} options, numbered from 0 to {}", count.saturating_sub(1)),
                );
                ok = false;
            }
        }
    }
    let feedback = raw
        .feedback
        .as_ref()
        .map_or(Vec::new(), |f| f.get_ref().clone());
    if let Some(f) = &raw.feedback {
        if feedback.len() != count {
            rep.error_at(
                f.span().start,
                format!(
                    "`feedback` has {} entries but there are {count} options (one per option)",
                    feedback.len()
                ),
            );
            ok = false;
        }
    }
    ok.then(|| ChoiceQuestion {
        options: options.get_ref().iter().map(text).collect(),
        answer: chosen,
        multi,
        feedback: feedback
            .iter()
            .map(|f| sanitize::multiline(f).into_owned())
            .collect(),
    })
}

fn known_lang(l: &Spanned<String>, rep: &mut Reporter) -> bool {
    let known = lang::is_known(l.get_ref());
    if !known {
        rep.error_at(
            l.span().start,
            format!(
                "unknown language `{}` for the highlighter (try {})",
                word(l.get_ref()),
                lang::known_list()
            ),
        );
    }
    known
}

/// A string answer that must be one of `allowed`.
fn answer_word<'a>(
    answer: &'a Spanned<Value>,
    allowed: &[&str],
    what: &str,
    rep: &mut Reporter,
) -> Option<&'a str> {
    match answer.get_ref().as_str() {
        Some(s) if allowed.contains(&s) => Some(s),
        _ => {
            rep.error_at(
                answer.span().start,
                format!("`answer` of a {what} question is {}", quoted_list(allowed)),
            );
            None
        }
    }
}

fn quoted_list(words: &[&str]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    q.join(" or ")
}

fn verdict(raw: &RawQuestion, rep: &mut Reporter) -> Option<VerdictQuestion> {
    let code = raw.code.as_ref()?;
    let lang_ok = known_lang(raw.lang.as_ref()?, rep);
    let answer = answer_word(raw.answer.as_ref()?, &["fails", "works"], "verdict", rep)?;
    let code_text = text(code);
    let count = code_text.lines().count();
    if answer == "works" {
        let mut ok = lang_ok;
        if let Some(l) = &raw.lines {
            rep.error_at(
                l.span().start,
                "a snippet that works has no failing `lines`",
            );
            ok = false;
        }
        if let Some(r) = &raw.reason {
            rep.error_at(r.span().start, "a snippet that works has no `reason`");
            ok = false;
        }
        return ok.then(|| VerdictQuestion {
            code: code_text,
            lang: word(raw.lang.as_ref().map_or("", |l| l.get_ref())),
            answer: Verdict::Works,
            lines: Vec::new(),
            reason: None,
        });
    }
    let lines = failing_lines(raw, count, rep);
    let reason = failing_reason(raw, rep);
    let (lines, reason) = (lines?, reason?);
    lang_ok.then(|| VerdictQuestion {
        code: code_text,
        lang: word(raw.lang.as_ref().map_or("", |l| l.get_ref())),
        answer: Verdict::Fails,
        lines,
        reason: Some(reason),
    })
}

fn failing_lines(raw: &RawQuestion, count: usize, rep: &mut Reporter) -> Option<Vec<usize>> {
    let Some(lines) = &raw.lines else {
        let at = raw.answer.as_ref().map_or(0, |a| a.span().start);
        rep.error_at(
            at,
            "a failing snippet needs `lines`: the 1-based lines that break",
        );
        return None;
    };
    if lines.get_ref().is_empty() {
        rep.error_at(lines.span().start, "`lines` must name at least one line");
        return None;
    }
    let mut ok = true;
    let mut out = Vec::new();
    for l in lines.get_ref() {
        match usize::try_from(*l.get_ref())
            .ok()
            .filter(|n| (1..=count).contains(n))
        {
            Some(n) => out.push(n),
            None => {
                rep.error_at(
                    l.span().start,
                    format!(
                        "line {} is outside the snippet ({count} lines, numbered from 1)",
                        l.get_ref()
                    ),
                );
                ok = false;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    ok.then_some(out)
}

fn failing_reason(raw: &RawQuestion, rep: &mut Reporter) -> Option<Reason> {
    let valid: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    let Some(reason) = &raw.reason else {
        let at = raw.answer.as_ref().map_or(0, |a| a.span().start);
        rep.error_at(
            at,
            format!(
                "a failing snippet needs a `reason` (one of: {})",
                valid.join(", ")
            ),
        );
        return None;
    };
    let parsed = Reason::parse(reason.get_ref());
    if parsed.is_none() {
        rep.error_at(
            reason.span().start,
            format!(
                "unknown reason `{}` (valid: {})",
                word(reason.get_ref()),
                valid.join(", ")
            ),
        );
    }
    parsed
}

fn compare(raw: &RawQuestion, rep: &mut Reporter) -> Option<CompareQuestion> {
    let (left, right) = (raw.left.as_ref()?, raw.right.as_ref()?);
    let lang_ok = known_lang(raw.lang.as_ref()?, rep);
    let answer = answer_word(raw.answer.as_ref()?, &["left", "right"], "compare", rep)?;
    lang_ok.then(|| CompareQuestion {
        left: text(left),
        right: text(right),
        lang: word(raw.lang.as_ref().map_or("", |l| l.get_ref())),
        answer: if answer == "left" {
            Side::Left
        } else {
            Side::Right
        },
    })
}

/// Reports duplicates in a list of names; true when there are none.
fn unique(list: &Spanned<Vec<Spanned<String>>>, what: &str, rep: &mut Reporter) -> bool {
    let mut ok = !list.get_ref().is_empty();
    if !ok {
        rep.error_at(list.span().start, format!("`{what}` must not be empty"));
    }
    for (i, s) in list.get_ref().iter().enumerate() {
        if list.get_ref()[..i]
            .iter()
            .any(|p| p.get_ref() == s.get_ref())
        {
            rep.error_at(
                s.span().start,
                format!("`{}` appears twice in `{what}`", word(s.get_ref())),
            );
            ok = false;
        }
    }
    ok
}

fn placement(raw: &RawQuestion, rep: &mut Reporter) -> Option<PlacementQuestion> {
    let (items, targets, answer) = (
        raw.items.as_ref()?,
        raw.targets.as_ref()?,
        raw.answer.as_ref()?,
    );
    let lists_ok = unique(items, "items", rep) & unique(targets, "targets", rep);
    let Some(table) = answer.get_ref().as_table() else {
        rep.error_at(
            answer.span().start,
            "`answer` of a placement question is a table: `answer = { item = \"target\", ... }`",
        );
        return None;
    };
    let at = answer.span().start;
    let item_names: Vec<&str> = items
        .get_ref()
        .iter()
        .map(|s| s.get_ref().as_str())
        .collect();
    let target_names: Vec<&str> = targets
        .get_ref()
        .iter()
        .map(|s| s.get_ref().as_str())
        .collect();
    let mut ok = lists_ok;
    for (item, target) in table {
        if !item_names.contains(&item.as_str()) {
            rep.error_at(
                at,
                format!(
                    "`answer` names `{}`, which is not one of the items",
                    word(item)
                ),
            );
            ok = false;
        }
        match target.as_str() {
            Some(t) if target_names.contains(&t) => {}
            Some(t) => {
                rep.error_at(
                    at,
                    format!(
                        "`answer` puts `{}` in `{}`, which is not one of the targets",
                        word(item),
                        word(t)
                    ),
                );
                ok = false;
            }
            None => {
                rep.error_at(
                    at,
                    format!(
                        "`answer` for `{}` must be a target name (a string)",
                        word(item)
                    ),
                );
                ok = false;
            }
        }
    }
    let mut answer_idx = Vec::new();
    for item in &item_names {
        let target = table.get(*item).and_then(Value::as_str);
        match target.and_then(|t| target_names.iter().position(|n| *n == t)) {
            Some(i) => answer_idx.push(i),
            None if table.get(*item).is_none() => {
                rep.error_at(
                    at,
                    format!("item `{}` has no target in `answer`", word(item)),
                );
                ok = false;
            }
            None => ok = false,
        }
    }
    ok.then(|| PlacementQuestion {
        items: item_names.iter().map(|s| word(s)).collect(),
        targets: target_names.iter().map(|s| word(s)).collect(),
        answer: answer_idx,
    })
}
