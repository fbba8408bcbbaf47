//! Invariants: no line wider than the width, no unsafe character, any
//! width, any nesting depth, anchors and block rows.

use crate::*;
use proptest::prelude::*;
use serverless_tutor::content::model::*;
use serverless_tutor::content::sanitize;
use serverless_tutor::layout::{ansi, layout_blocks, AnchorKind, LayoutOptions};
use serverless_tutor::theme::{Theme, ThemeName};

fn nasty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("\u{1b}[31m".to_owned()),
            Just("\u{9b}2J".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("\u{7}".to_owned()),
            Just("⚠️".to_owned()),
            Just("👨‍👩‍👧".to_owned()),
            Just("漢字".to_owned()),
            Just(" ".to_owned()),
            Just("\n".to_owned()),
            Just("\t".to_owned()),
            "[a-z]{1,12}",
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn model_from(s: &str) -> Vec<Block> {
    let clean = sanitize::inline(s).into_owned();
    let multi = sanitize::multiline(s).into_owned();
    let cell = vec![text(&clean)];
    vec![
        h(1, &clean),
        Block::Paragraph(vec![text(&clean), link(&clean, &clean), link("x", &clean)]),
        Block::Code(Box::new(CodeBlock {
            title: Some(clean.clone()),
            verdict: Some(Verdict::Fails),
            marked_lines: vec![1],
            ..code("js", &multi)
        })),
        Block::Code(Box::new(CodeBlock {
            diagram: true,
            ..code("text", &multi)
        })),
        Block::Table(Box::new(Table {
            alignments: vec![Alignment::Right],
            header: vec![cell.clone(), cell.clone()],
            rows: vec![vec![cell.clone(), cell.clone(), cell]],
        })),
        Block::Compare(Box::new(Comparison {
            left: code("js", &multi),
            right: code("js", &multi),
        })),
        Block::Quote(vec![Block::List(List {
            start: Some(u64::MAX),
            items: vec![item(vec![p(&clean)])],
        })]),
        Block::Since(Box::new(SinceNote {
            date: clean.clone(),
            source: clean.clone(),
            blocks: vec![p(&clean)],
        })),
        Block::Html(multi),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_model_any_width_fits_and_is_safe(s in nasty(), width in 1u16..=300) {
        let blocks = model_from(&s);
        for theme in [Theme::no_color(ThemeName::Dark), colour()] {
            let laid = layout_blocks(&blocks, &LayoutOptions { width, theme, highlight: true });
            assert_fits(&laid.lines, width);
            let out = strip_sgr(&ansi::to_text(&laid.lines, theme.color));
            prop_assert!(!out.contains('\u{1b}'), "ESC from content");
            let csi = '\u{9b}';
            prop_assert!(!out.contains(csi), "C1 CSI in output");
        }
    }
}

#[test]
fn unsanitised_text_is_still_guarded() {
    // Even if something bypassed the model's sanitiser, no control reaches a span.
    let evil = "a\u{1b}[2Jb\u{9b}c\u{202e}d\u{7}e\u{85}f";
    let blocks = vec![
        p(evil),
        Block::Code(Box::new(code("js", evil))),
        Block::Code(Box::new(CodeBlock {
            title: Some(evil.into()),
            verdict: Some(Verdict::Works),
            ..code("js", evil)
        })),
        Block::Table(Box::new(Table {
            alignments: vec![],
            header: vec![vec![text(evil)]],
            rows: vec![vec![vec![link(evil, evil)]]],
        })),
    ];
    for w in [1, 7, 40, 200] {
        let laid = layout_blocks(&blocks, &opts(w));
        assert_fits(&laid.lines, w);
        let out = strip_sgr(&ansi::to_text(&laid.lines, true));
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{out:?}"
        );
        let out = ansi::to_text(&laid.lines, false);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{out:?}"
        );
    }
}

#[test]
fn widths_one_to_a_thousand_never_overflow() {
    let blocks = model_from("Serverless ⚠️ 漢字 functions https://example.com/a/very/long/path");
    for w in (1..=130).chain([999, 1000]) {
        let laid = layout_blocks(
            &blocks,
            &LayoutOptions {
                width: w,
                theme: colour(),
                highlight: false,
            },
        );
        assert_fits(&laid.lines, w);
    }
}

/// Builds `depth` nested containers without recursion.
fn nested(depth: usize, list: bool) -> Vec<Block> {
    let mut inner = vec![p("the bottom")];
    for _ in 0..depth {
        inner = vec![if list {
            Block::List(List {
                start: None,
                items: vec![item(inner)],
            })
        } else {
            Block::Quote(inner)
        }];
    }
    inner
}

#[test]
fn ten_thousand_nested_quotes_and_lists() {
    for list in [false, true] {
        let blocks = nested(10_000, list);
        let out = plain(&blocks, 80);
        assert!(out.contains("the bottom"));
        // The model is deep: drop it without recursing 10,000 frames here.
        std::mem::forget(blocks);
    }
}

#[test]
fn block_rows_and_heading_anchors() {
    let blocks = vec![h(2, "One"), p("text"), h(3, "Two")];
    let laid = layout_blocks(&blocks, &opts(40));
    assert_eq!(laid.block_rows, vec![0, 3, 5]);
    let headings: Vec<_> = laid
        .anchors
        .iter()
        .map(|a| (a.row, a.kind.clone()))
        .collect();
    assert_eq!(
        headings,
        vec![
            (
                0,
                AnchorKind::Heading {
                    level: 2,
                    text: "One".into()
                }
            ),
            (
                5,
                AnchorKind::Heading {
                    level: 3,
                    text: "Two".into()
                }
            ),
        ]
    );
    assert_eq!(laid.block_at(4), 1);
}
