//! Styled snapshots where colour matters, and comparison behaviour.

use crate::constructs::comparison;
use crate::*;
use serverless_tutor::layout::code::{render_code, CodeMarks};
use serverless_tutor::layout::compare::{render_comparison, CompareReveal};
use serverless_tutor::layout::{ansi, layout_blocks, LayoutOptions};
use serverless_tutor::theme::{Theme, ThemeName};

#[test]
fn styled_heading() {
    let laid = layout_blocks(
        &[h(1, "What broke"), h(2, "Why"), h(3, "Details")],
        &LayoutOptions {
            width: 30,
            theme: colour(),
            highlight: true,
        },
    );
    insta::assert_debug_snapshot!("styled_heading", laid.lines);
}

#[test]
fn styled_code_block_with_marks() {
    let marks = CodeMarks {
        marked: vec![2],
        selected: vec![2],
        cursor: Some(1),
        line_numbers: true,
        highlight: true,
    };
    let block = code("js", "const cache = {};\napp.listen(3000);");
    let lines = render_code(&block, 40, &colour(), &marks);
    assert_fits(&lines, 40);
    insta::assert_debug_snapshot!("styled_code", lines);
}

#[test]
fn styled_comparison() {
    let lines = render_comparison(&comparison(), 100, &colour(), CompareReveal::Both);
    assert_fits(&lines, 100);
    insta::assert_debug_snapshot!("styled_compare", lines);
}

#[test]
fn comparison_left_only_hides_the_right_pane() {
    let lines = render_comparison(
        &comparison(),
        120,
        &Theme::no_color(ThemeName::Dark),
        CompareReveal::LeftOnly,
    );
    let out = ansi::to_text(&lines, false);
    assert!(out.contains("server.js"));
    assert!(!out.contains("handler"), "{out}");
}

#[test]
fn comparison_keeps_source_lines_aligned() {
    let lines = render_comparison(
        &comparison(),
        100,
        &Theme::no_color(ThemeName::Dark),
        CompareReveal::Both,
    );
    let out = ansi::to_text(&lines, false);
    let row_of = |needle: &str| out.lines().position(|l| l.contains(needle)).expect(needle);
    // Line 3 on the left starts on the same row as line 3 on the right.
    assert_eq!(row_of("3 │ app.get"), row_of("3 │ }"));
}
