//! Every construct at 40, 80 and 120 columns (plain-text snapshots).

use crate::*;
use serverless_tutor::content::model::*;
use serverless_tutor::layout::{ansi, layout_blocks, AnchorKind};

pub(crate) fn server_js() -> CodeBlock {
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

pub(crate) fn handler_js() -> CodeBlock {
    CodeBlock {
        title: Some("api/users.js".into()),
        verdict: Some(Verdict::Works),
        ..code(
            "javascript",
            "export default function handler(req, res) {\n  res.json(users);\n}",
        )
    }
}

pub(crate) fn comparison() -> Comparison {
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
    snap_widths(
        "table_two_columns",
        &[Block::Table(Box::new(guide_table()))],
    );
    snap_widths(
        "table_four_columns",
        &[Block::Table(Box::new(wide_table()))],
    );
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
            Block::Code(Box::new(server_js())),
            Block::Code(Box::new(code("", "no language here"))),
            Block::Code(Box::new(diagram)),
        ],
    );
}

#[test]
fn comparisons() {
    snap_widths("compare", &[Block::Compare(Box::new(comparison()))]);
}

#[test]
fn since_note() {
    let note = SinceNote {
        date: "2026-12".into(),
        source: "https://vercel.com/docs/functions/limitations".into(),
        blocks: vec![p("The guide says 10 s (Hobby) / 60 s (Pro). With Fluid compute the default maximum is 300 s on every plan.")],
    };
    snap_widths("since", &[Block::Since(Box::new(note))]);
}

#[test]
fn unicode_emoji_cjk() {
    let blocks = vec![
        p("⚠️ Warning 🛠️ tools 👨‍👩‍👧 family 漢字かな交じり文はここで折り返されます ok"),
        Block::Code(Box::new(code("text", "⚠️ 漢字 tab→    ←"))),
    ];
    snap_widths("unicode", &blocks);
}
