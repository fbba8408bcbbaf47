use super::*;
use crate::content::model::Block;

fn diags(text: &str) -> Vec<String> {
    parse_lesson("l", "lessons/l.md", text)
        .1
        .iter()
        .map(|d| format!("{}:{}:{}: {}", d.path, d.line, d.col, d.message))
        .collect()
}

#[test]
fn front_matter_and_body() {
    let text = "+++\ntitle = \"What broke\"\nquiz = \"01-what-broke\"\nminutes = 7\n+++\n\n# Heading\n\n```js\nx\n```\n";
    let (lesson, d) = parse_lesson("01", "lessons/01.md", text);
    assert!(d.is_empty(), "{d:?}");
    let lesson = lesson.expect("lesson");
    assert_eq!(lesson.title, "What broke");
    assert_eq!(lesson.quiz.as_deref(), Some("01-what-broke"));
    assert_eq!(lesson.minutes, Some(7));
    assert_eq!(lesson.block_lines, vec![7, 9]);
    let Block::Code(code) = &lesson.blocks[1] else {
        panic!()
    };
    assert_eq!(code.line, 9);
}

#[test]
fn toml_errors_point_into_the_file() {
    assert_eq!(
        diags("+++\ntitle = \"x\"\nminutes = \"seven\"\n+++\nbody\n"),
        vec!["lessons/l.md:3:11: invalid type: string \"seven\", expected u32"]
    );
    assert_eq!(
        diags("+++\ntitle = \"x\"\nqiuz = \"a\"\n+++\n"),
        vec!["lessons/l.md:3:1: unknown field `qiuz`, expected one of `title`, `quiz`, `minutes`"]
    );
    assert_eq!(
        diags("+++\nminutes = 3\n+++\n"),
        vec!["lessons/l.md:2:1: missing field `title`"]
    );
    assert_eq!(
        diags("+++\ntitle = \"x\n+++\n"),
        vec!["lessons/l.md:2:11: invalid basic string, expected `\"`"]
    );
}

#[test]
fn missing_or_unclosed_front_matter() {
    assert_eq!(
        diags("# no front matter\n"),
        vec!["lessons/l.md:1:1: a lesson starts with front matter between `+++` lines (at least `title = \"...\"`)"]
    );
    assert_eq!(
        diags("+++\ntitle = \"x\"\n"),
        vec!["lessons/l.md:1:1: front matter opened with `+++` is never closed: add a `+++` line after it"]
    );
}

#[test]
fn body_problems_are_offset_by_the_front_matter() {
    assert_eq!(
        diags("+++\r\ntitle = \"x\"\r\n+++\r\n\r\n<!-- compare -->\r\n```js\r\nx\r\n```\r\n"),
        vec!["lessons/l.md:5:1: unclosed `<!-- compare -->`: add `<!-- /compare -->` after it, in the same quote or list item"]
    );
}

#[test]
fn quiz_position_is_kept_and_ids_must_be_plain() {
    let p = parse_lesson_full(
        "l",
        "lessons/l.md",
        "+++\ntitle = \"x\"\nquiz = \"../etc\"\n+++\n",
    );
    assert_eq!(p.quiz_at, Some((3, 8)));
    assert_eq!(p.diagnostics.len(), 1);
}

#[test]
fn any_markdown_file_renders() {
    let l = from_markdown_file("notes/readme.md", "intro\n\n# Real title\n");
    assert_eq!(l.title, "Real title");
    assert_eq!(l.blocks.len(), 2);
    let l = from_markdown_file("a.md", "+++\ntitle = \"T\"\n+++\nx\n");
    assert_eq!(
        (l.title.as_str(), l.block_lines.as_slice()),
        ("T", &[4][..])
    );
    assert_eq!(from_markdown_file("x/y.md", "").title, "y.md");
}
