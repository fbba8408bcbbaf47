//! The quiz keys, proven: every `verdict` and `compare` question and every
//! lesson code block marked `fails`/`works` is run through the checker.
//!
//! - a `verdict` keyed `fails` must be flagged with its `reason` on one of its
//!   `lines`; keyed `works` it must be clean (notes allowed);
//! - a `compare` question's keyed side must be clean and the other side must
//!   have at least one red flag;
//! - a lesson code block (inside `<!-- compare -->` or alone) marked `fails`
//!   must have a red flag on one of its `lines=` (any line when none are
//!   given); marked `works` it must be clean.
//!
//! Snippets in a language the checker does not parse (`toml`, `text`...) are
//! skipped. A snippet that does not parse is an error: it cannot be proven.

use super::{parse, scan_snippet, Finding, ScanResult, Severity};
use crate::content::diagnostics::Diagnostic;
use crate::content::model::*;

pub fn verify_course(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for quiz in &course.quizzes {
        for q in &quiz.questions {
            out.extend(verify_question(&quiz.path, q));
        }
    }
    for lesson in &course.lessons {
        for (i, block) in lesson.blocks.iter().enumerate() {
            let fallback = lesson.block_lines.get(i).copied().unwrap_or(0);
            verify_block(&lesson.path, block, fallback, &mut out);
        }
    }
    out
}

fn verify_question(path: &str, q: &Question) -> Option<Diagnostic> {
    let problem = match &q.kind {
        QuestionKind::Verdict(v) => verify_verdict(v),
        QuestionKind::Compare(c) => verify_compare(c),
        _ => None,
    }?;
    Some(Diagnostic::error(
        path,
        q.line,
        1,
        format!("question `{}`: {problem}", q.id),
    ))
}

fn verify_verdict(v: &VerdictQuestion) -> Option<String> {
    if !parse::is_supported(&v.lang) {
        return None;
    }
    let findings = match scan_snippet(&v.lang, &v.code) {
        ScanResult::Scanned(f) => f,
        ScanResult::Unparseable(u) => return Some(unparseable(u.line, u.col, &u.message)),
    };
    let errors = errors(&findings);
    match (v.answer, v.reason) {
        (Verdict::Works, _) if errors.is_empty() => None,
        (Verdict::Works, _) => Some(format!(
            "keyed `works`, but the checker flags {}",
            list(&errors)
        )),
        (Verdict::Fails, Some(reason)) => {
            let agrees = errors
                .iter()
                .any(|f| f.reason == reason && v.lines.contains(&f.line));
            (!agrees).then(|| {
                format!(
                    "keyed `fails` ({reason}) on {}, but the checker found {}",
                    lines(&v.lines),
                    list(&errors)
                )
            })
        }
        (Verdict::Fails, None) => {
            (errors.is_empty()).then(|| "keyed `fails`, but the checker finds nothing".to_owned())
        }
    }
}

fn verify_compare(c: &CompareQuestion) -> Option<String> {
    if !parse::is_supported(&c.lang) {
        return None;
    }
    let mut problems = Vec::new();
    for (side, code) in [(Side::Left, &c.left), (Side::Right, &c.right)] {
        let findings = match scan_snippet(&c.lang, code) {
            ScanResult::Scanned(f) => f,
            ScanResult::Unparseable(u) => {
                problems.push(format!("{side} {}", unparseable(u.line, u.col, &u.message)));
                continue;
            }
        };
        let errors = errors(&findings);
        if side == c.answer && !errors.is_empty() {
            problems.push(format!(
                "the keyed side ({side}) should be clean, but the checker flags {}",
                list(&errors)
            ));
        } else if side != c.answer && errors.is_empty() {
            problems.push(format!(
                "the {side} side is keyed as failing, but the checker finds nothing"
            ));
        }
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

fn verify_block(path: &str, block: &Block, fallback_line: usize, out: &mut Vec<Diagnostic>) {
    match block {
        Block::Compare(cmp) => {
            verify_code(path, &cmp.left, fallback_line, out);
            verify_code(path, &cmp.right, fallback_line, out);
        }
        Block::Code(code) => verify_code(path, code, fallback_line, out),
        Block::Quote(blocks) => blocks
            .iter()
            .for_each(|b| verify_block(path, b, fallback_line, out)),
        Block::Since(note) => note
            .blocks
            .iter()
            .for_each(|b| verify_block(path, b, fallback_line, out)),
        Block::List(list) => list
            .items
            .iter()
            .flat_map(|item| &item.blocks)
            .for_each(|b| verify_block(path, b, fallback_line, out)),
        _ => {}
    }
}

fn verify_code(path: &str, code: &CodeBlock, fallback_line: usize, out: &mut Vec<Diagnostic>) {
    let (Some(verdict), Some(lang)) = (code.verdict, code.lang.as_deref()) else {
        return;
    };
    if !parse::is_supported(lang) {
        return;
    }
    let line = if code.line > 0 {
        code.line
    } else {
        fallback_line
    };
    let title = code.title.as_deref().map_or_else(
        || "code block".to_owned(),
        |t| format!("code block \"{t}\""),
    );
    let problem = match scan_snippet(lang, &code.code) {
        ScanResult::Unparseable(u) => Some(unparseable(u.line, u.col, &u.message)),
        ScanResult::Scanned(findings) => {
            let errors = errors(&findings);
            match verdict {
                Verdict::Works => (!errors.is_empty())
                    .then(|| format!("marked `works`, but the checker flags {}", list(&errors))),
                Verdict::Fails => {
                    let agrees = errors.iter().any(|f| {
                        code.marked_lines.is_empty() || code.marked_lines.contains(&f.line)
                    });
                    (!agrees).then(|| {
                        format!(
                            "marked `fails` on {}, but the checker found {}",
                            lines(&code.marked_lines),
                            list(&errors)
                        )
                    })
                }
            }
        }
    };
    if let Some(problem) = problem {
        out.push(Diagnostic::error(
            path,
            line,
            1,
            format!("{title}: {problem}"),
        ));
    }
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

fn unparseable(line: usize, col: usize, message: &str) -> String {
    format!("the snippet does not parse ({line}:{col}: {message}), so its key cannot be checked")
}

fn lines(lines: &[usize]) -> String {
    match lines {
        [] => "no lines".to_owned(),
        [one] => format!("line {one}"),
        many => format!(
            "lines {}",
            many.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `persistent-server on line 1, in-memory-state on line 4`, or `nothing`.
fn list(findings: &[&Finding]) -> String {
    if findings.is_empty() {
        return "nothing".to_owned();
    }
    findings
        .iter()
        .map(|f| format!("{} on line {}", f.reason, f.line))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(
        id: &str,
        code: &str,
        answer: Verdict,
        lines: &[usize],
        reason: Option<Reason>,
    ) -> Question {
        Question {
            id: id.to_owned(),
            prompt: String::new(),
            explanation: String::new(),
            pin_order: false,
            kind: QuestionKind::Verdict(VerdictQuestion {
                code: code.to_owned(),
                lang: "js".to_owned(),
                answer,
                lines: lines.to_vec(),
                reason,
            }),
            line: 7,
        }
    }

    fn compare(id: &str, left: &str, right: &str, answer: Side) -> Question {
        Question {
            id: id.to_owned(),
            prompt: String::new(),
            explanation: String::new(),
            pin_order: false,
            kind: QuestionKind::Compare(CompareQuestion {
                left: left.to_owned(),
                right: right.to_owned(),
                lang: "js".to_owned(),
                answer,
            }),
            line: 20,
        }
    }

    fn course(questions: Vec<Question>, blocks: Vec<Block>) -> Course {
        Course {
            id: "c".into(),
            title: "C".into(),
            version: "1".into(),
            lessons: vec![Lesson {
                id: "04-red-flags".into(),
                title: "Red flags".into(),
                minutes: None,
                quiz: Some("q".into()),
                path: "lessons/04-red-flags.md".into(),
                block_lines: vec![3; blocks.len()],
                blocks,
            }],
            quizzes: vec![Quiz {
                id: "q".into(),
                title: None,
                path: "quizzes/q.toml".into(),
                questions,
            }],
        }
    }

    const LISTEN: &str = "const app = require('express')();\napp.listen(3000);\n";
    const EXPORT: &str = "const app = require('express')();\nmodule.exports = app;\n";

    #[test]
    fn agreeing_keys_give_no_diagnostics() {
        let c = course(
            vec![
                verdict(
                    "v1",
                    LISTEN,
                    Verdict::Fails,
                    &[2],
                    Some(Reason::PersistentServer),
                ),
                verdict("v2", EXPORT, Verdict::Works, &[], None),
                compare("c1", LISTEN, EXPORT, Side::Right),
            ],
            Vec::new(),
        );
        assert_eq!(verify_course(&c), Vec::new());
    }

    #[test]
    fn a_wrong_line_reason_or_verdict_is_an_error_naming_the_question() {
        let c = course(
            vec![
                verdict(
                    "wrong-line",
                    LISTEN,
                    Verdict::Fails,
                    &[1],
                    Some(Reason::PersistentServer),
                ),
                verdict(
                    "wrong-reason",
                    LISTEN,
                    Verdict::Fails,
                    &[2],
                    Some(Reason::InMemoryState),
                ),
                verdict("wrong-verdict", LISTEN, Verdict::Works, &[], None),
                compare("wrong-side", LISTEN, EXPORT, Side::Left),
            ],
            Vec::new(),
        );
        let messages: Vec<String> = verify_course(&c).iter().map(|d| d.render()).collect();
        assert_eq!(
            messages,
            vec![
                "quizzes/q.toml:7:1: error: question `wrong-line`: keyed `fails` (persistent-server) on line 1, but the checker found persistent-server on line 2",
                "quizzes/q.toml:7:1: error: question `wrong-reason`: keyed `fails` (in-memory-state) on line 2, but the checker found persistent-server on line 2",
                "quizzes/q.toml:7:1: error: question `wrong-verdict`: keyed `works`, but the checker flags persistent-server on line 2",
                "quizzes/q.toml:20:1: error: question `wrong-side`: the keyed side (left) should be clean, but the checker flags persistent-server on line 2; the right side is keyed as failing, but the checker finds nothing",
            ]
        );
    }

    #[test]
    fn unparseable_snippets_cannot_be_proven() {
        let c = course(
            vec![verdict(
                "broken",
                "app.listen(",
                Verdict::Fails,
                &[1],
                Some(Reason::PersistentServer),
            )],
            Vec::new(),
        );
        let d = verify_course(&c);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("does not parse"), "{}", d[0].message);
    }

    fn code(src: &str, verdict: Verdict, marked: &[usize], line: usize) -> CodeBlock {
        CodeBlock {
            verdict: Some(verdict),
            marked_lines: marked.to_vec(),
            line,
            title: Some("t".into()),
            ..CodeBlock::plain(Some("js"), src)
        }
    }

    #[test]
    fn lesson_comparisons_are_checked_even_when_nested() {
        let good = Block::Compare(Box::new(Comparison {
            left: code(LISTEN, Verdict::Fails, &[2], 10),
            right: code(EXPORT, Verdict::Works, &[], 15),
        }));
        let bad = Block::Quote(vec![Block::Compare(Box::new(Comparison {
            left: code(EXPORT, Verdict::Fails, &[2], 30),
            right: code(LISTEN, Verdict::Works, &[], 35),
        }))]);
        let c = course(Vec::new(), vec![good, bad]);
        let messages: Vec<String> = verify_course(&c).iter().map(|d| d.render()).collect();
        assert_eq!(
            messages,
            vec![
                "lessons/04-red-flags.md:30:1: error: code block \"t\": marked `fails` on line 2, but the checker found nothing",
                "lessons/04-red-flags.md:35:1: error: code block \"t\": marked `works`, but the checker flags persistent-server on line 2",
            ]
        );
    }

    #[test]
    fn other_languages_are_skipped() {
        let mut q = verdict(
            "toml",
            "x = [",
            Verdict::Fails,
            &[1],
            Some(Reason::LocalFilesystem),
        );
        if let QuestionKind::Verdict(v) = &mut q.kind {
            v.lang = "toml".into();
        }
        assert_eq!(verify_course(&course(vec![q], Vec::new())), Vec::new());
    }
}
