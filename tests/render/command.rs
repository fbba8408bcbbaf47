//! The `render` command end to end (assert_cmd), parser-driven layouts.

use crate::*;
use proptest::prelude::*;
use serverless_tutor::content::sanitize;
use serverless_tutor::layout::{ansi, layout_blocks, LayoutOptions};

fn bin() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("serverless-tutor").expect("binary");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn md_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write fixture");
    path.to_string_lossy().into_owned()
}

const SAMPLE: &str = "+++\ntitle = \"Sample\"\n+++\n# Hello\n\nSome *text* with a [link](https://x.dev).\n\n```js title=\"a.js\" fails lines=2\nconst a = 1;\napp.listen(3000);\n```\n";

#[test]
fn render_command_prints_plain_text_when_piped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = md_file(&dir, "sample.md", SAMPLE);
    let out = bin()
        .args(["render", &file, "--width", "40"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        stdout,
        "Hello\n━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n\nSome text with a link [https://x.dev].\n\na.js                            ❌ fails\n  1 │ const a = 1;\n❌2 │ app.listen(3000);\n"
    );
}

#[test]
fn render_command_colours_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = md_file(&dir, "sample.md", SAMPLE);
    let always = bin()
        .args(["render", &file, "--color", "always"])
        .assert()
        .success();
    assert!(always.get_output().stdout.contains(&0x1b));
    for args in [vec!["--color", "never"], vec![]] {
        let out = bin().args(["render", &file]).args(args).assert().success();
        assert!(!out.get_output().stdout.contains(&0x1b));
    }
    let out = bin()
        .args(["render", &file])
        .env("NO_COLOR", "1")
        .assert()
        .success();
    assert!(!out.get_output().stdout.contains(&0x1b));
}

#[test]
fn render_command_lets_no_escape_from_content_through() {
    let mut nasty = String::new();
    for c in (0u32..0x20).chain([0x7f]).chain(0x80..0xa0).chain([
        0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ]) {
        if let Some(c) = char::from_u32(c) {
            if c != '\n' {
                nasty.push(c);
            }
        }
    }
    nasty.push_str("\u{1b}[2J\u{1b}]8;;http://evil\u{7}x\u{9b}31m");
    let doc = format!(
        "+++\ntitle = \"t{n}\"\n+++\n# Title {n}\n\ntext {n} [link {n}](https://x.dev/{n}) ![alt {n}](i.png)\n\n```js title=\"a{n}\"\ncode {n}\n```\n\n| h{n} | b |\n|---|---|\n| c{n} | d{n} |\n\n> quote {n}\n\n- item {n}\n\n<div>{n}</div>\n",
        n = nasty
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file = md_file(&dir, "nasty.md", &doc);
    for colour in ["never", "always"] {
        for width in ["1", "13", "80"] {
            let out = bin()
                .args(["render", &file, "--color", colour, "--width", width])
                .assert()
                .success();
            let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
            let stripped = strip_sgr(&stdout);
            assert!(
                !stripped.contains('\u{1b}'),
                "ESC from content at {colour}/{width}: {stripped:?}"
            );
            assert!(
                !stripped
                    .chars()
                    .any(|c| c != '\n' && sanitize::is_unsafe(c)),
                "{stripped:?}"
            );
        }
    }
}

#[test]
fn render_command_handles_a_big_file_fast() {
    // 10 MB in release (the target is < 2 s); 1 MB in debug builds to keep the suite quick.
    let guide = include_str!("../../benches/fixtures/guide.md");
    let target = if cfg!(debug_assertions) {
        1 << 20
    } else {
        10 << 20
    };
    let doc = guide.repeat(target / guide.len() + 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = md_file(&dir, "big.md", &doc);
    let start = std::time::Instant::now();
    let out = bin()
        .args(["render", &file, "--width", "100"])
        .assert()
        .success();
    let elapsed = start.elapsed();
    assert!(out.get_output().stdout.len() > doc.len() / 2);
    let limit = if cfg!(debug_assertions) { 20.0 } else { 2.0 };
    assert!(
        elapsed.as_secs_f64() < limit,
        "{} bytes took {elapsed:?}",
        doc.len()
    );
    eprintln!("render of {} bytes: {elapsed:?}", doc.len());
}

#[test]
fn render_command_reports_a_missing_file() {
    bin()
        .args(["render", "/nonexistent/file.md"])
        .assert()
        .failure();
}

#[test]
fn render_command_says_a_directory_or_device_is_not_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().display().to_string();
    bin()
        .args(["render", &path])
        .assert()
        .code(2)
        .stderr(format!(
            "serverless-tutor: error: {path} is a directory: give a markdown file or a lesson id\n"
        ));
    bin()
        .args(["render", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(
            "serverless-tutor: error: /dev/zero is not a regular file: give a markdown file or a lesson id\n",
        );
    let md_dir = dir.path().join("notes.md");
    std::fs::create_dir(&md_dir).expect("mkdir");
    bin()
        .args(["render", &md_dir.display().to_string()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("notes.md is a directory"));
}

#[test]
fn markdown_constructs_through_the_parser() {
    let md = "# T\n\n1. one\n2. two\n   - [x] done\n\n> q\n> > qq\n\n---\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n";
    let blocks = serverless_tutor::content::markdown::parse_markdown(md);
    insta::assert_snapshot!("parsed_constructs_40", plain(&blocks, 40));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_markdown_any_width(md in markdownish(), width in 1u16..=300) {
        let blocks = serverless_tutor::content::markdown::parse_markdown(&md);
        let laid = layout_blocks(&blocks, &LayoutOptions { width, theme: colour(), highlight: true });
        assert_fits(&laid.lines, width);
        let out = strip_sgr(&ansi::to_text(&laid.lines, true));
        prop_assert!(!out.contains('\u{1b}'), "ESC from content");
    }
}

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("# ".to_owned()),
            Just("## ".to_owned()),
            Just("> ".to_owned()),
            Just("- ".to_owned()),
            Just("1. ".to_owned()),
            Just("- [x] ".to_owned()),
            Just("\n".to_owned()),
            Just("\n\n".to_owned()),
            Just("```js\n".to_owned()),
            Just("```\n".to_owned()),
            Just("| a | b |\n|---|---|\n".to_owned()),
            Just("| ".to_owned()),
            Just("**".to_owned()),
            Just("*".to_owned()),
            Just("`".to_owned()),
            Just("[t](http://u)".to_owned()),
            Just("![i](p.png)".to_owned()),
            Just("<!-- pause -->\n".to_owned()),
            Just("<!-- since: 2026-12 source=https://x -->\n".to_owned()),
            Just("<!-- /since -->\n".to_owned()),
            Just("<!-- compare -->\n".to_owned()),
            Just("<!-- /compare -->\n".to_owned()),
            Just("<b>".to_owned()),
            Just("---\n".to_owned()),
            Just("\u{1b}[31m".to_owned()),
            Just("⚠️".to_owned()),
            Just("漢字".to_owned()),
            Just("\t".to_owned()),
            Just("\r\n".to_owned()),
            "[a-z ]{1,20}",
            any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

#[test]
fn render_command_renders_every_course_lesson_by_id() {
    let source = serverless_tutor::content::source::CourseSource::Embedded;
    let (course, _) =
        serverless_tutor::content::load::load_checked(&source).expect("course validates");
    assert!(!course.lessons.is_empty());
    for lesson in &course.lessons {
        for w in WIDTHS {
            let laid = serverless_tutor::layout::layout_lesson(lesson, &opts(w));
            assert_fits(&laid.lines, w);
        }
    }
    let first = &course.lessons[0].id;
    let out = bin()
        .args(["render", first, "--width", "60"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60));
    assert!(!stdout.contains('\u{1b}'));
    bin().args(["render", "no-such-lesson"]).assert().failure();
}
