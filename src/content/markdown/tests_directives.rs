//! Directives: pause, notes, compare, since; and their errors.

use super::{parse, parse_markdown};
use crate::content::diagnostics::Severity;
use crate::content::model::{Block, Verdict};

fn messages(md: &str) -> Vec<(usize, usize, String)> {
    parse(md, 1)
        .problems
        .into_iter()
        .map(|p| (p.line, p.col, p.message))
        .collect()
}

#[test]
fn pause_and_notes() {
    let blocks = parse_markdown(
        "one\n<!-- pause -->\ntwo\n\n<!-- notes:\n  Ask the room.\n  Then wait.\n-->\n",
    );
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    assert_eq!(blocks[1], Block::Pause);
    assert_eq!(blocks[3], Block::Notes("Ask the room.\nThen wait.".into()));
}

#[test]
fn ordinary_comments_are_dropped() {
    assert!(parse_markdown("<!-- a remark for authors -->\n").is_empty());
}

#[test]
fn compare_wraps_exactly_two_fences() {
    let md = "<!-- compare -->\n```js fails title=\"Server\" lines=1\nlisten()\n```\n```js works\nexport default app\n```\n<!-- /compare -->\n";
    let parsed = parse(md, 1);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let [Block::Compare(cmp)] = parsed.blocks.as_slice() else {
        panic!("{:?}", parsed.blocks)
    };
    assert_eq!(cmp.left.verdict, Some(Verdict::Fails));
    assert_eq!(cmp.left.marked_lines, vec![1]);
    assert_eq!(cmp.left.line, 2);
    assert_eq!(cmp.right.verdict, Some(Verdict::Works));
    assert_eq!(cmp.right.line, 5);
    assert_eq!(parsed.block_lines, vec![1]);
}

#[test]
fn compare_with_one_fence_is_an_error_and_keeps_the_code() {
    let md = "intro\n\n<!-- compare -->\n```js\nx\n```\n<!-- /compare -->\n";
    let parsed = parse(md, 1);
    assert_eq!(
        messages(md),
        vec![(3, 1, "a compare must hold exactly two fenced code blocks and nothing else; found 1 code block(s) and 0 other block(s)".into())]
    );
    assert!(matches!(parsed.blocks[1], Block::Code(_)));
}

#[test]
fn unclosed_directives_are_errors_at_the_opener() {
    assert_eq!(
        messages("a\n\n<!-- compare -->\n```js\nx\n```\n"),
        vec![(3, 1, "unclosed `<!-- compare -->`: add `<!-- /compare -->` after it, in the same quote or list item".into())]
    );
    assert_eq!(
        messages("a\n\n<!-- notes: never closed\n\nmore"),
        vec![(
            3,
            1,
            "unclosed comment: `<!--` has no `-->`, so it hides the rest of the file".into()
        )]
    );
    assert_eq!(
        messages("x\n<!-- /since -->\n"),
        vec![(2, 1, "`<!-- /since -->` without a matching `<!-- since -->` before it (in the same quote or list item)".into())]
    );
}

#[test]
fn directive_opened_in_a_quote_must_close_in_it() {
    let msgs = messages("> <!-- compare -->\n\n<!-- /compare -->\n");
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].2.starts_with("unclosed `<!-- compare -->`"));
    assert_eq!((msgs[0].0, msgs[0].1), (1, 3));
    assert!(msgs[1].2.starts_with("`<!-- /compare -->` without"));
}

#[test]
fn since_note_wraps_blocks() {
    let md = "The guide says 10 s.\n\n<!-- since: 2026-12 source=https://vercel.com/docs/functions/limitations -->\nToday: **300 s** by default.\n<!-- /since -->\n";
    let parsed = parse(md, 1);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let [Block::Paragraph(_), Block::Since(note)] = parsed.blocks.as_slice() else {
        panic!("{:?}", parsed.blocks)
    };
    assert_eq!(note.date, "2026-12");
    assert_eq!(note.source, "https://vercel.com/docs/functions/limitations");
    assert_eq!(note.blocks.len(), 1);
    assert_eq!(parsed.block_lines, vec![1, 3]);
}

#[test]
fn since_without_date_or_source_is_an_error() {
    let msgs = messages("<!-- since: -->\nx\n<!-- /since -->\n");
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().all(|m| (m.0, m.1) == (1, 1)));
    let msgs = messages("<!-- since: 2026-12 source=https://a.example -->\n<!-- /since -->\n");
    assert!(msgs[0].2.starts_with("empty since note"), "{msgs:?}");
}

#[test]
fn nested_since_is_an_error() {
    let md = "<!-- since: 2026-12 source=https://a.example -->\n<!-- since: 2026-12 source=https://a.example -->\nx\n<!-- /since -->\n";
    let msgs = messages(md);
    assert_eq!(msgs[0].0, 2, "{msgs:?}");
}

#[test]
fn directive_inside_a_paragraph_is_a_warning() {
    let parsed = parse("text <!-- pause --> more\n", 1);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].severity, Severity::Warning);
    assert_eq!(parsed.blocks.len(), 1);
}

#[test]
fn directives_inside_list_items() {
    let blocks = parse_markdown("- one\n\n  <!-- pause -->\n- two\n");
    let [Block::List(l)] = blocks.as_slice() else {
        panic!("{blocks:?}")
    };
    assert!(l.items[0].blocks.contains(&Block::Pause));
}

#[test]
fn ten_thousand_since_openers_do_not_nest() {
    let md = "<!-- since: 2026-12 source=https://a.example -->\n\n".repeat(10_000);
    let parsed = parse(&md, 1);
    assert!(parsed.blocks.len() <= 1);
}

#[test]
fn a_comment_missing_its_end_is_caught_at_its_start() {
    let md = "<!-- notes: forgot to close\n\ntext\n\n<!-- pause -->\n";
    assert_eq!(
        messages(md),
        vec![(1, 1, "this comment contains another `<!--`: its own `-->` is probably missing, so it hides everything up to the next `-->`".into())]
    );
}

#[test]
fn a_misspelt_directive_is_a_warning() {
    let parsed = parse("a\n\n<!-- puase -->\n", 1);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].severity, Severity::Warning);
    assert_eq!(
        (parsed.problems[0].line, parsed.problems[0].message.as_str()),
        (
            3,
            "this comment looks like a misspelt `pause` directive; it is ignored"
        )
    );
}
