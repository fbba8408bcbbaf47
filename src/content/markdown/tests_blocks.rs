//! Block constructs: headings, paragraphs, lists, quotes, rules, code, tables, HTML.

use super::{parse, parse_markdown, MAX_DEPTH};
use crate::content::model::{Alignment, Block, Inline, Inlines, List, TextRun, Verdict};

fn text(inl: &Inlines) -> String {
    inl.iter()
        .map(|i| match i {
            Inline::Text(TextRun { text, .. }) => text.as_str(),
            _ => " ",
        })
        .collect()
}

#[test]
fn headings_keep_their_level() {
    let blocks = parse_markdown("# One\n\n## Two\n\n###### Six\n\nSetext\n---\n");
    let levels: Vec<(u8, String)> = blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, text: t } => (*level, text(t)),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        levels,
        vec![
            (1, "One".into()),
            (2, "Two".into()),
            (6, "Six".into()),
            (2, "Setext".into())
        ]
    );
}

#[test]
fn block_lines_point_at_each_top_level_block() {
    let parsed = parse("# T\n\npara\nmore\n\n---\n\n```js\nx\n```\n", 5);
    assert_eq!(parsed.block_lines, vec![5, 7, 10, 12]);
    let Block::Code(code) = &parsed.blocks[3] else {
        panic!()
    };
    assert_eq!(code.line, 12);
    assert!(matches!(parsed.blocks[2], Block::Rule));
}

#[test]
fn lists_ordered_nested_and_tasks() {
    let blocks = parse_markdown("3. a\n4. b\n   - [x] done\n   - [ ] todo\n");
    let [Block::List(List {
        start: Some(3),
        items,
    })] = blocks.as_slice()
    else {
        panic!("{blocks:?}")
    };
    assert_eq!(items.len(), 2);
    let [Block::Paragraph(b), Block::List(inner)] = items[1].blocks.as_slice() else {
        panic!("{:?}", items[1])
    };
    assert_eq!(text(b), "b");
    assert_eq!(inner.start, None);
    let tasks: Vec<Option<bool>> = inner.items.iter().map(|i| i.task).collect();
    assert_eq!(tasks, vec![Some(true), Some(false)]);
}

#[test]
fn quotes_nest() {
    let blocks = parse_markdown("> outer\n>> inner\n");
    let [Block::Quote(outer)] = blocks.as_slice() else {
        panic!("{blocks:?}")
    };
    assert!(matches!(
        outer.as_slice(),
        [Block::Paragraph(_), Block::Quote(_)]
    ));
}

fn depth(blocks: &[Block]) -> usize {
    // Iterative: the point is to measure without trusting recursion depth.
    let mut max = 0;
    let mut todo: Vec<(&Block, usize)> = blocks.iter().map(|b| (b, 1)).collect();
    while let Some((b, d)) = todo.pop() {
        max = max.max(d);
        match b {
            Block::Quote(inner) => todo.extend(inner.iter().map(|b| (b, d + 1))),
            Block::List(l) => todo.extend(
                l.items
                    .iter()
                    .flat_map(|i| i.blocks.iter())
                    .map(|b| (b, d + 1)),
            ),
            _ => {}
        }
    }
    max
}

#[test]
fn ten_thousand_nested_quotes_are_flattened() {
    let md = format!("{} deep\n", ">".repeat(10_000));
    let blocks = parse_markdown(&md);
    assert_eq!(depth(&blocks), MAX_DEPTH + 1);
}

#[test]
fn ten_thousand_nested_lists_are_flattened() {
    let md = format!("{}deep\n", "- ".repeat(10_000));
    let blocks = parse_markdown(&md);
    assert!(depth(&blocks) <= MAX_DEPTH + 1, "{}", depth(&blocks));
    let md: String = (0..2000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    assert!(depth(&parse_markdown(&md)) <= MAX_DEPTH + 1);
}

#[test]
fn fenced_code_with_info_string() {
    let parsed = parse(
        "```js fails title=\"Starts a server\" lines=2\na\nb\n```\n",
        1,
    );
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let [Block::Code(c)] = parsed.blocks.as_slice() else {
        panic!()
    };
    assert_eq!(c.lang.as_deref(), Some("js"));
    assert_eq!(c.code, "a\nb");
    assert_eq!(c.verdict, Some(Verdict::Fails));
    assert_eq!(c.title.as_deref(), Some("Starts a server"));
    assert_eq!(c.marked_lines, vec![2]);
    assert_eq!(c.line, 1);
}

#[test]
fn indented_code_and_diagrams() {
    let blocks = parse_markdown("para\n\n    let x = 1;\n\n```\n┌──┐\n└──┘\n```\n");
    let [_, Block::Code(ind), Block::Code(diag)] = blocks.as_slice() else {
        panic!("{blocks:?}")
    };
    assert_eq!(
        (ind.lang.as_deref(), ind.code.as_str(), ind.diagram),
        (None, "let x = 1;", false)
    );
    assert!(diag.diagram);
    assert_eq!(diag.code, "┌──┐\n└──┘");
}

#[test]
fn code_problems_point_at_their_attribute() {
    let parsed = parse("text\n\n```jsx lines=9\nx\n```\n", 1);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!((parsed.problems[0].line, parsed.problems[0].col), (3, 8));
    assert_eq!(
        parsed.problems[0].message,
        "`lines=9`: line 9 is outside the snippet (1 lines)"
    );
    let parsed = parse("```rustacean\nx\n```\n", 1);
    assert!(parsed.problems[0]
        .message
        .starts_with("unknown language `rustacean`"));
}

#[test]
fn tables_with_alignment() {
    let blocks = parse_markdown("| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | 3 |\n| 4 |\n");
    let [Block::Table(t)] = blocks.as_slice() else {
        panic!("{blocks:?}")
    };
    assert_eq!(
        t.alignments,
        vec![Alignment::Left, Alignment::Center, Alignment::Right]
    );
    assert_eq!(
        t.header.iter().map(text).collect::<Vec<_>>(),
        vec!["a", "b", "c"]
    );
    assert_eq!(t.rows.len(), 2);
    assert_eq!(text(&t.rows[0][1]), "2");
    assert_eq!(t.rows[1].len(), 3);
}

#[test]
fn raw_html_blocks_are_text() {
    let blocks = parse_markdown("<div>\n<script>alert(1)</script>\n</div>\n");
    assert_eq!(
        blocks,
        vec![Block::Html(
            "<div>\n<script>alert(1)</script>\n</div>".into()
        )]
    );
}

#[test]
fn empty_and_whitespace_input_give_no_blocks() {
    assert!(parse_markdown("").is_empty());
    assert!(parse_markdown("\n\n   \n").is_empty());
}

/// `cargo test --lib parse_speed -- --ignored --nocapture`: parse time of a
/// 10 MB document built from the course's lessons (for reference, not a gate).
#[test]
#[ignore]
fn parse_speed_on_ten_megabytes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut guide = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        guide.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    let guide = if guide.is_empty() {
        "# T\n\npara *x*\n".to_owned()
    } else {
        guide
    };
    let doc = guide.repeat(10 * 1024 * 1024 / guide.len() + 1);
    let start = std::time::Instant::now();
    let blocks = parse_markdown(&doc);
    eprintln!(
        "{} bytes → {} blocks in {:?}",
        doc.len(),
        blocks.len(),
        start.elapsed()
    );
}
