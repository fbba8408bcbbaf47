//! `validate` end to end on the real binary: a table of broken course
//! fixtures (tests/fixtures/broken/<case>), one per mistake the format
//! must catch, each asserting the exact `path:line:col` and message; plus
//! property tests that the parsers never panic and never let an unsafe
//! character into the model.

use assert_cmd::Command;
use proptest::prelude::*;
use serverless_tutor::content::lesson::parse_lesson;
use serverless_tutor::content::markdown::parse_markdown;
use serverless_tutor::content::model::{Block, Inline, QuestionKind};
use serverless_tutor::content::quizfile::parse_quiz;
use serverless_tutor::content::sanitize::is_unsafe;
use std::path::{Path, PathBuf};

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

fn validate(dir: &Path) -> (i32, String, String) {
    let out = Command::cargo_bin("serverless-tutor")
        .expect("binary")
        .arg("validate")
        .arg("--course")
        .arg(dir)
        .env("SERVERLESS_TUTOR_DATA_DIR", std::env::temp_dir())
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `path:line:col: severity: message` lines of validate's output.
fn headers(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect()
}

const REASONS: &str = "persistent-server, in-memory-state, local-filesystem, persistent-connection, unbounded-work, uncached-connection";

/// (case, every diagnostic header in order).
fn cases() -> Vec<(&'static str, Vec<String>)> {
    let langs = serverless_tutor::content::lang::known_list();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        ("course-toml-syntax", s(&["course.toml:3:14: error: invalid float, expected nothing"])),
        ("front-matter-syntax", s(&["lessons/02-flags.md:3:8: error: invalid date, expected month"])),
        ("quiz-toml-syntax", s(&["quizzes/01-intro.toml:10:1: error: missing comma between array elements, expected `,`"])),
        ("course-missing-key", s(&["course.toml:1:1: error: missing field `version`"])),
        ("front-matter-missing-title", s(&["lessons/01-intro.md:2:1: error: missing field `title`"])),
        ("quiz-missing-key", s(&["quizzes/02-flags.toml:15:1: error: missing field `explanation`"])),
        ("verdict-missing-code", s(&["quizzes/02-flags.toml:15:1: error: a `verdict` question needs `code`"])),
        ("course-unknown-key", s(&["course.toml:2:1: error: unknown field `titel`, expected one of `id`, `title`, `version`, `lessons`"])),
        ("front-matter-unknown-key", s(&["lessons/01-intro.md:4:1: error: unknown field `minuts`, expected one of `title`, `quiz`, `minutes`"])),
        ("quiz-unknown-key", s(&["quizzes/01-intro.toml:10:1: error: unknown field `feedbak`, expected one of `id`, `type`, `prompt`, `explanation`, `pin_order`, `options`, `answer`, `feedback`, `code`, `lang`, `lines`, `reason`, `left`, `right`, `items`, `targets`"])),
        ("key-not-for-type", s(&["quizzes/02-flags.toml:33:10: error: `reason` is not used by a `compare` question"])),
        ("wrong-type", s(&["lessons/01-intro.md:4:11: error: invalid type: string \"five\", expected u32"])),
        ("quiz-wrong-type", s(&["quizzes/02-flags.toml:12:9: error: invalid type: string \"2\", expected a sequence"])),
        ("lesson-missing", s(&["course.toml:4:36: error: lesson `03-gone` is listed but lessons/03-gone.md does not exist"])),
        ("lesson-unlisted", s(&["lessons/03-draft.md: warning: not listed in course.toml `lessons`, so it is not part of the course"])),
        ("quiz-missing", s(&["lessons/02-flags.md:3:8: error: quiz `02-flagz` is referenced but quizzes/02-flagz.toml does not exist"])),
        ("duplicate-lesson-id", s(&["course.toml:4:36: error: duplicate lesson id `01-intro` in `lessons`"])),
        ("duplicate-question-id", s(&["quizzes/02-flags.toml:16:6: error: duplicate question id `listen` (first used at line 2)"])),
        ("answer-out-of-range", s(&["quizzes/01-intro.toml:9:10: error: answer 3 is out of range: there are 3 options, numbered from 0 to 2"])),
        ("answer-not-an-option", s(&["quizzes/02-flags.toml:32:10: error: `answer` of a compare question is \"left\" or \"right\""])),
        ("placement-unknown-target", s(&["quizzes/01-intro.toml:19:10: error: `answer` puts `streaming` in `the edge`, which is not one of the targets"])),
        ("lines-outside-snippet", s(&["quizzes/02-flags.toml:12:10: error: line 3 is outside the snippet (2 lines, numbered from 1)"])),
        ("code-lines-outside-snippet", s(&["lessons/02-flags.md:9:37: error: `lines=5`: line 5 is outside the snippet (2 lines)"])),
        ("unknown-reason", vec![format!("quizzes/02-flags.toml:13:10: error: unknown reason `global-state` (valid: {REASONS})")]),
        ("unknown-lang", vec![format!("quizzes/02-flags.toml:31:8: error: unknown language `javascrpt` for the highlighter (try {langs})")]),
        ("code-unknown-lang", vec![format!("lessons/02-flags.md:13:4: error: unknown language `jsx-ish` for the highlighter (try {langs})")]),
        ("compare-not-two-fences", s(&["lessons/02-flags.md:8:1: error: a compare must hold exactly two fenced code blocks and nothing else; found 1 code block(s) and 0 other block(s)"])),
        ("unclosed-directive", s(&["lessons/02-flags.md:8:1: error: unclosed `<!-- compare -->`: add `<!-- /compare -->` after it, in the same quote or list item"])),
        ("unclosed-comment", s(&[
            "lessons/01-intro.md:13:1: error: this comment contains another `<!--`: its own `-->` is probably missing, so it hides everything up to the next `-->`",
            "lessons/01-intro.md:23:1: error: `<!-- /since -->` without a matching `<!-- since -->` before it (in the same quote or list item)",
        ])),
        ("since-without-source", s(&["lessons/01-intro.md:21:1: error: a since note needs its source: `<!-- since: YYYY-MM source=URL -->`"])),
        ("since-without-date", s(&["lessons/01-intro.md:21:1: error: a since note needs the date it was checked: `<!-- since: YYYY-MM source=URL -->`"])),
        ("misspelt-directive", s(&["lessons/01-intro.md:11:1: warning: this comment looks like a misspelt `pause` directive; it is ignored"])),
        ("checker-disagrees", s(&["quizzes/02-flags.toml:15:1: error: question `export`: keyed `works`, but the checker flags persistent-server on line 1"])),
        ("slide-overflow", s(&["lessons/02-flags.md:6:1: warning: slide \"Red flags\" needs 64 rows but a 120×35 projector shows 29: split it with `---` or a `##` heading"])),
        ("invalid-utf8", s(&["lessons/01-intro.md:9:33: error: invalid UTF-8: byte 0xFF (save the file as UTF-8)"])),
        ("nul-byte", s(&["quizzes/01-intro.toml:9:10: error: file contains a NUL byte (is it a binary file?)"])),
        ("empty-file", s(&["lessons/02-flags.md: error: file is empty"])),
        ("lessons-not-a-directory", s(&["lessons: error: not a directory"])),
        ("quizzes-not-a-directory", s(&["quizzes: error: not a directory"])),
        ("many-problems", vec![
            "quizzes/02-flags.toml:12:10: error: line 9 is outside the snippet (2 lines, numbered from 1)".to_owned(),
            format!("quizzes/02-flags.toml:13:10: error: unknown reason `global-state` (valid: {REASONS})"),
        ]),
    ]
}

#[test]
fn every_broken_fixture_reports_its_exact_position_and_message() {
    let mut failures = Vec::new();
    for (case, expected) in cases() {
        let (code, stdout, stderr) = validate(&fixture(&format!("broken/{case}")));
        let warnings_only = expected.iter().all(|e| e.contains(": warning: "));
        let want_code = if warnings_only { 0 } else { 1 };
        if headers(&stdout) != expected || code != want_code || !stderr.is_empty() {
            failures.push(format!("{case}: exit {code}\n{stdout}{stderr}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn every_broken_fixture_dir_is_in_the_table() {
    let mut dirs: Vec<String> = std::fs::read_dir(fixture("broken"))
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    dirs.sort();
    let mut listed: Vec<String> = cases().into_iter().map(|(c, _)| c.to_owned()).collect();
    listed.sort();
    assert_eq!(dirs, listed);
}

#[test]
fn diagnostics_show_the_source_line_a_caret_and_a_count() {
    let (code, stdout, _) = validate(&fixture("broken/answer-out-of-range"));
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "quizzes/01-intro.toml:9:10: error: answer 3 is out of range: there are 3 options, numbered from 0 to 2\n  |\n9 | answer = 3\n  |          ^\n\n1 error, 0 warnings\n"
    );
}

#[test]
fn a_clean_course_prints_a_one_line_summary() {
    let (code, stdout, stderr) = validate(&fixture("good"));
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        stdout,
        "course fixture v1.0.0: 2 lessons, 5 questions (1 choice, 2 verdict, 1 compare, 1 placement) — no problems\n"
    );
}

#[test]
fn the_embedded_course_validates() {
    let out = Command::cargo_bin("serverless-tutor")
        .expect("binary")
        .arg("validate")
        .env("SERVERLESS_TUTOR_DATA_DIR", std::env::temp_dir())
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn an_unreadable_directory_exits_2_with_one_line() {
    let (code, stdout, stderr) = validate(Path::new("/nonexistent/course-dir"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "serverless-tutor: error: cannot read the course directory /nonexistent/course-dir"
        ),
        "{stderr}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn a_fifty_megabyte_lesson_is_a_clear_error_without_a_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture("good"), dir.path());
    let big = std::fs::File::create(dir.path().join("lessons/02-flags.md")).expect("create");
    big.set_len(50 * 1024 * 1024).expect("set_len");
    let start = std::time::Instant::now();
    let (code, stdout, _) = validate(dir.path());
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    assert_eq!(code, 1);
    assert_eq!(
        headers(&stdout),
        vec!["lessons/02-flags.md: error: file is too large (52428800 bytes; the limit is 8388608 bytes)"]
    );
}

// ---- property tests: the parsers never panic and keep the model safe ----

fn check_text(s: &str, multiline: bool) -> Result<(), TestCaseError> {
    for c in s.chars() {
        prop_assert!(
            !is_unsafe(c) || (multiline && c == '\n'),
            "unsafe {:?} in {:?}",
            c,
            s
        );
    }
    Ok(())
}

fn check_blocks(blocks: &[Block]) -> Result<(), TestCaseError> {
    for b in blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => check_inlines(text)?,
            Block::List(l) => {
                for item in &l.items {
                    check_blocks(&item.blocks)?;
                }
            }
            Block::Quote(inner) => check_blocks(inner)?,
            Block::Code(c) => {
                check_text(&c.code, true)?;
                check_text(c.lang.as_deref().unwrap_or(""), false)?;
                check_text(c.title.as_deref().unwrap_or(""), false)?;
            }
            Block::Table(t) => {
                for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                    check_inlines(cell)?;
                }
            }
            Block::Notes(s) | Block::Html(s) => check_text(s, true)?,
            Block::Compare(c) => {
                check_text(&c.left.code, true)?;
                check_text(&c.right.code, true)?;
            }
            Block::Since(n) => {
                check_text(&n.date, false)?;
                check_text(&n.source, false)?;
                check_blocks(&n.blocks)?;
            }
            Block::Rule | Block::Pause => {}
        }
    }
    Ok(())
}

fn check_inlines(inlines: &[Inline]) -> Result<(), TestCaseError> {
    for i in inlines {
        if let Inline::Text(run) = i {
            check_text(&run.text, false)?;
            check_text(run.link.as_deref().unwrap_or(""), false)?;
        }
    }
    Ok(())
}

const MD_PIECES: &[&str] = &[
    "<!-- pause -->\n",
    "<!-- notes: say\nthis -->\n",
    "<!-- compare -->\n",
    "<!-- /compare -->\n",
    "<!-- since: 2026-12 source=https://a.example -->\n",
    "<!-- /since -->\n",
    "<!--",
    "-->",
    "```js fails lines=1,2-3 title=\"t\"\n",
    "```\n",
    "    indented\n",
    "> ",
    "- ",
    "1. ",
    "- [x] ",
    "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
    "\u{1b}[31m",
    "\u{202e}",
    "\t",
    "\r\n",
    "\n",
    "\n\n",
    "**",
    "*",
    "~~",
    "`",
    "[x](http://y)",
    "![alt](i.png)",
    "# ",
    "## ",
    "---\n",
    "+++\n",
    "title = \"x\"\n",
    "<div>",
    "┌─┐",
    "🛠️",
    "世界",
    "\u{0}",
    "\u{85}",
];

fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(MD_PIECES).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => "[a-z ]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

const QUIZ_PIECES: &[&str] = &[
    "[[questions]]\n",
    "id = \"a\"\n",
    "id = \"b\"\n",
    "type = \"choice\"\n",
    "type = \"verdict\"\n",
    "type = \"compare\"\n",
    "type = \"placement\"\n",
    "prompt = \"p\"\n",
    "explanation = \"e\"\n",
    "options = [\"x\", \"y\"]\n",
    "answer = 1\n",
    "answer = [0, 9]\n",
    "answer = -3\n",
    "answer = \"fails\"\n",
    "answer = \"left\"\n",
    "answer = { x = \"t\" }\n",
    "code = \"a\\nb\"\n",
    "lang = \"js\"\n",
    "lines = [0, 99999999999]\n",
    "reason = \"unbounded-work\"\n",
    "left = \"l\"\n",
    "right = \"r\"\n",
    "items = [\"x\"]\n",
    "targets = [\"t\"]\n",
    "feedback = [\"f\"]\n",
    "pin_order = true\n",
    "title = \"\u{1b}[2J\"\n",
    "= \n",
    "\"\"\"\n",
    "[",
    "]",
    "\u{0}",
];

fn quizish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(QUIZ_PIECES).prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parse_markdown_never_panics_and_stays_safe(text in markdownish()) {
        check_blocks(&parse_markdown(&text))?;
    }

    #[test]
    fn parse_lesson_never_panics_and_stays_safe(body in markdownish(), front in "[a-z =\"\n+]{0,30}") {
        let text = format!("+++\ntitle = \"t\"\n{front}\n+++\n{body}");
        let (lesson, diags) = parse_lesson("l", "lessons/l.md", &text);
        if let Some(lesson) = lesson {
            check_text(&lesson.title, false)?;
            check_blocks(&lesson.blocks)?;
            prop_assert_eq!(lesson.blocks.len(), lesson.block_lines.len());
        }
        for d in diags {
            check_text(&d.render(), true)?;
        }
    }

    #[test]
    fn parse_quiz_never_panics_and_stays_safe(text in quizish()) {
        let (quiz, diags) = parse_quiz("q", "quizzes/q.toml", &text);
        for q in quiz.iter().flat_map(|q| q.questions.iter()) {
            check_text(&q.id, false)?;
            check_text(&q.prompt, true)?;
            check_text(&q.explanation, true)?;
            match &q.kind {
                QuestionKind::Choice(c) => {
                    for o in c.options.iter().chain(&c.feedback) {
                        check_text(o, true)?;
                    }
                    prop_assert!(c.answer.iter().all(|&a| a < c.options.len()));
                }
                QuestionKind::Verdict(v) => {
                    check_text(&v.code, true)?;
                    let n = v.code.lines().count();
                    prop_assert!(v.lines.iter().all(|&l| l >= 1 && l <= n));
                }
                QuestionKind::Compare(c) => {
                    check_text(&c.left, true)?;
                    check_text(&c.right, true)?;
                }
                QuestionKind::Placement(p) => {
                    prop_assert_eq!(p.answer.len(), p.items.len());
                    prop_assert!(p.answer.iter().all(|&a| a < p.targets.len()));
                }
            }
        }
        for d in diags {
            check_text(&d.render(), true)?;
        }
    }
}
