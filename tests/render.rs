//! Renderer tests: every construct at 40/80/120 columns (insta), styled
//! snapshots where colour matters, width and safety invariants (proptest),
//! deep nesting, and the `render` command end to end.

use proptest::prelude::*;
use ratatui::text::Line;
use serverless_tutor::content::model::*;
use serverless_tutor::content::sanitize;
use serverless_tutor::layout::code::{render_code, CodeMarks};
use serverless_tutor::layout::compare::{render_comparison, CompareReveal};
use serverless_tutor::layout::wrap::line_width;
use serverless_tutor::layout::{ansi, layout_blocks, AnchorKind, LayoutOptions};
use serverless_tutor::theme::{Theme, ThemeName};

const WIDTHS: [u16; 3] = [40, 80, 120];

// ---------- builders ----------

fn text(s: &str) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        ..Default::default()
    })
}

fn styled(s: &str, style: TextStyle) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        style,
        link: None,
    })
}

fn link(s: &str, url: &str) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        style: TextStyle::default(),
        link: Some(url.into()),
    })
}

fn p(s: &str) -> Block {
    Block::Paragraph(vec![text(s)])
}

fn h(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        text: vec![text(s)],
    }
}

fn item(blocks: Vec<Block>) -> ListItem {
    ListItem { task: None, blocks }
}

fn code(lang: &str, src: &str) -> CodeBlock {
    CodeBlock::plain(Some(lang), src)
}

fn opts(width: u16) -> LayoutOptions {
    LayoutOptions {
        width,
        theme: Theme::no_color(ThemeName::Dark),
        highlight: false,
    }
}

/// Plain text of a layout, checking the width invariant on the way.
fn plain(blocks: &[Block], width: u16) -> String {
    let laid = layout_blocks(blocks, &opts(width));
    assert_fits(&laid.lines, width);
    ansi::to_text(&laid.lines, false)
}

fn assert_fits(lines: &[Line], width: u16) {
    for (i, l) in lines.iter().enumerate() {
        let w = line_width(l);
        assert!(
            w <= usize::from(width),
            "line {i} is {w} wide at {width}: {l:?}"
        );
        for s in &l.spans {
            assert!(
                !s.content.chars().any(sanitize::is_unsafe),
                "unsafe char in {s:?}"
            );
        }
    }
}

fn snap_widths(name: &str, blocks: &[Block]) {
    for w in WIDTHS {
        insta::assert_snapshot!(format!("{name}_{w}"), plain(blocks, w));
    }
}

// ---------- constructs ----------

fn server_js() -> CodeBlock {
    CodeBlock {
        title: Some("server.js".into()),
        verdict: Some(Verdict::Fails),
        marked_lines: vec![4],
        ..code(
            "javascript",
            "const express = require('express');\nconst app = express();\napp.get('/api/users', (req, res) => res.json(users));\napp.listen(3000, () => console.log('Server running on port 3000 and waiting for requests forever'));",
        )
    }
}

fn handler_js() -> CodeBlock {
    CodeBlock {
        title: Some("api/users.js".into()),
        verdict: Some(Verdict::Works),
        ..code(
            "javascript",
            "export default function handler(req, res) {\n  res.json(users);\n}",
        )
    }
}

fn comparison() -> Comparison {
    Comparison {
        left: server_js(),
        right: handler_js(),
    }
}

#[test]
fn headings() {
    let blocks: Vec<Block> = (1..=6)
        .map(|l| h(l, &format!("Level {l} heading about serverless functions")))
        .collect();
    snap_widths("headings", &blocks);
}

#[test]
fn paragraph_inline_styles_links_images() {
    let bold = TextStyle {
        strong: true,
        ..Default::default()
    };
    let em = TextStyle {
        emphasis: true,
        ..Default::default()
    };
    let strike = TextStyle {
        strikethrough: true,
        ..Default::default()
    };
    let code = TextStyle {
        code: true,
        ..Default::default()
    };
    let image = TextStyle {
        image: true,
        ..Default::default()
    };
    let blocks = vec![Block::Paragraph(vec![
        text("Serverless functions are "),
        styled("stateless", bold),
        text(" and "),
        styled("ephemeral", em),
        text("; "),
        styled("servers", strike),
        text(" "),
        styled("app.listen(3000)", code),
        text(" never returns. Read "),
        link(
            "the Vercel docs",
            "https://vercel.com/docs/functions/limitations",
        ),
        text(" or "),
        link(
            "https://docs.aws.amazon.com/lambda",
            "https://docs.aws.amazon.com/lambda",
        ),
        text("."),
        Inline::HardBreak,
        Inline::Text(TextRun {
            text: "architecture diagram".into(),
            style: image,
            link: Some("arch.png".into()),
        }),
        Inline::SoftBreak,
        text("after a soft break."),
    ])];
    snap_widths("paragraph", &blocks);
}

#[test]
fn lists() {
    let nested = Block::List(List {
        start: None,
        items: vec![
            item(vec![p("nested one")]),
            item(vec![
                p("nested two"),
                Block::List(List {
                    start: None,
                    items: vec![item(vec![p("deeper")])],
                }),
            ]),
        ],
    });
    let blocks = vec![
        Block::List(List {
            start: None,
            items: vec![
                item(vec![p("Stateless: no memory between requests, so every request must carry or fetch what it needs")]),
                item(vec![p("Ephemeral"), nested]),
            ],
        }),
        Block::List(List {
            start: Some(9),
            items: (0..3).map(|i| item(vec![p(&format!("step {i}"))])).collect(),
        }),
        Block::List(List {
            start: None,
            items: vec![
                ListItem {
                    task: Some(true),
                    blocks: vec![p("move uploads to S3")],
                },
                ListItem {
                    task: Some(false),
                    blocks: vec![p("replace WebSockets with a managed service")],
                },
            ],
        }),
    ];
    snap_widths("lists", &blocks);
}

#[test]
fn quotes_nested() {
    let blocks = vec![Block::Quote(vec![
        p("Serverless is not a server you own."),
        Block::Quote(vec![p(
            "Nested: each request may get a fresh instance, or share one.",
        )]),
    ])];
    snap_widths("quotes", &blocks);
}

#[test]
fn rule_html_pause_notes() {
    let blocks = vec![
        p("before"),
        Block::Pause,
        Block::Notes("speaker only".into()),
        Block::Rule,
        Block::Html("<div class=\"x\">raw <b>html</b></div>".into()),
    ];
    snap_widths("rule_html", &blocks);
    let laid = layout_blocks(&blocks, &opts(40));
    assert!(laid
        .anchors
        .iter()
        .any(|a| a.kind == AnchorKind::Pause && a.block == 1));
    assert!(!ansi::to_text(&laid.lines, false).contains("speaker only"));
}

fn guide_table() -> Table {
    let row = |a: &str, b: &str| vec![vec![text(a)], vec![text(b)]];
    Table {
        alignments: vec![Alignment::None, Alignment::None],
        header: vec![
            vec![text("Traditional Server")],
            vec![text("Serverless Function")],
        ],
        rows: vec![
            row(
                "Runs continuously 24/7",
                "Starts on request, stops after response",
            ),
            row(
                "Maintains state in memory",
                "Stateless - no memory between requests",
            ),
            row(
                "Read/write filesystem",
                "Read-only filesystem (except `/tmp`)",
            ),
        ],
    }
}

fn wide_table() -> Table {
    let cell = |s: &str| vec![text(s)];
    Table {
        alignments: vec![
            Alignment::Left,
            Alignment::None,
            Alignment::Center,
            Alignment::Right,
        ],
        header: ["Solution", "Pros", "Cons", "Cost"]
            .iter()
            .map(|s| cell(s))
            .collect(),
        rows: vec![
            vec![
                cell("Deploy separate streaming server (DigitalOcean, Railway, Render)"),
                cell("Full control, can run WebTorrent"),
                cell("Need to manage server, additional deployment"),
                cell("$5-15/month"),
            ],
            vec![
                cell("Self-host on VPS"),
                cell("Cheap"),
                cell("Manage everything"),
                cell("$5/month"),
            ],
        ],
    }
}

#[test]
fn tables() {
    snap_widths("table_two_columns", &[Block::Table(guide_table())]);
    snap_widths("table_four_columns", &[Block::Table(wide_table())]);
}

#[test]
fn code_blocks() {
    let diagram = CodeBlock {
        diagram: true,
        ..code(
            "text",
            "┌──────────────┐      ┌──────────────────┐      ┌──────────────┐\n│   Browser    │ ───▶ │ Serverless func  │ ───▶ │   Database   │\n└──────────────┘      └──────────────────┘      └──────────────┘",
        )
    };
    snap_widths(
        "code",
        &[
            Block::Code(server_js()),
            Block::Code(code("", "no language here")),
            Block::Code(diagram),
        ],
    );
}

#[test]
fn comparisons() {
    snap_widths("compare", &[Block::Compare(comparison())]);
}

#[test]
fn since_note() {
    let note = SinceNote {
        date: "2026-12".into(),
        source: "https://vercel.com/docs/functions/limitations".into(),
        blocks: vec![p("The guide says 10 s (Hobby) / 60 s (Pro). With Fluid compute the default maximum is 300 s on every plan.")],
    };
    snap_widths("since", &[Block::Since(note)]);
}

#[test]
fn unicode_emoji_cjk() {
    let blocks = vec![
        p("⚠️ Warning 🛠️ tools 👨‍👩‍👧 family 漢字かな交じり文はここで折り返されます ok"),
        Block::Code(code("text", "⚠️ 漢字 tab→    ←")),
    ];
    snap_widths("unicode", &blocks);
}

// ---------- styled snapshots ----------

fn colour() -> Theme {
    Theme::new(ThemeName::Dark, true)
}

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

// ---------- invariants ----------

/// Removes the SGR sequences the renderer itself writes (`ESC [ digits ; m`);
/// any ESC left after that came from content.
fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match end {
            Some(e) if after[e..].starts_with('m') => rest = &after[e + 1..],
            _ => {
                out.push_str(&rest[i..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

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
        Block::Code(CodeBlock {
            title: Some(clean.clone()),
            verdict: Some(Verdict::Fails),
            marked_lines: vec![1],
            ..code("js", &multi)
        }),
        Block::Code(CodeBlock {
            diagram: true,
            ..code("text", &multi)
        }),
        Block::Table(Table {
            alignments: vec![Alignment::Right],
            header: vec![cell.clone(), cell.clone()],
            rows: vec![vec![cell.clone(), cell.clone(), cell]],
        }),
        Block::Compare(Comparison {
            left: code("js", &multi),
            right: code("js", &multi),
        }),
        Block::Quote(vec![Block::List(List {
            start: Some(u64::MAX),
            items: vec![item(vec![p(&clean)])],
        })]),
        Block::Since(SinceNote {
            date: clean.clone(),
            source: clean.clone(),
            blocks: vec![p(&clean)],
        }),
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
        Block::Code(code("js", evil)),
        Block::Code(CodeBlock {
            title: Some(evil.into()),
            verdict: Some(Verdict::Works),
            ..code("js", evil)
        }),
        Block::Table(Table {
            alignments: vec![],
            header: vec![vec![text(evil)]],
            rows: vec![vec![vec![link(evil, evil)]]],
        }),
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

// ---------- the `render` command ----------

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
    let guide = include_str!("../benches/fixtures/guide.md");
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
