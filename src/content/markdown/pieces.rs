//! A long markdown text parsed in pieces on two threads, cut where
//! [`super::cuts`] proves the pieces parse as the whole would: opening a
//! course with a megabyte lesson waits for its validation, and one thread
//! spends most of that time on pulldown-cmark's tree and fresh memory.
//!
//! The result is the whole text's parse, block for block and problem for
//! problem (a property test checks it against [`Builder::run`]). When a
//! piece ends inside a `compare` or `since` directive, which the cut
//! scanner does not follow, the text is parsed whole instead.

use super::build::Builder;
use super::cuts::Cuts;
use super::Parsed;
use crate::content::pool;

/// Shorter texts parse in one go: a lesson of ordinary length takes well
/// under a millisecond, less than a second thread costs.
const MIN_TEXT: usize = 64 * 1024;
/// The shortest piece worth its own parser.
const MIN_PIECE: usize = 16 * 1024;

/// [`Builder::run`] on the whole text, in pieces when it is long.
pub(super) fn parse(text: &str, first_line: usize) -> Parsed {
    if text.len() >= MIN_TEXT {
        if let Some(parsed) = parse_in_pieces(text, first_line, MIN_PIECE) {
            return parsed;
        }
    }
    Builder::new(text, first_line).run()
}

/// The parse of `text` from pieces of at least `min_piece` bytes, or
/// `None` when it cannot be cut or a cut fell inside a directive. The
/// pieces are cut as the two threads ask for them: the first is parsed
/// while the scanner looks for the second, not after it has scanned the
/// whole text.
pub(super) fn parse_in_pieces(text: &str, first_line: usize, min_piece: usize) -> Option<Parsed> {
    let mut cuts = Cuts::new(text, min_piece).peekable();
    cuts.peek()?;
    let first_line = first_line.max(1);
    let mut start = 0;
    let mut line = first_line;
    let pieces = cuts.map(Some).chain([None]).map(move |cut| {
        let end = cut.map_or(text.len(), |c| c.at);
        let piece = (&text[start..end], line);
        if let Some(c) = cut {
            (start, line) = (c.at, first_line + c.lines_before);
        }
        piece
    });
    let parsed = pool::run_each(pieces, |(piece, line)| {
        Builder::new(piece, line).run_piece()
    });
    let last = parsed.len() - 1;
    let spans_a_cut = |(i, (_, left_open)): (usize, &(Parsed, bool))| *left_open && i < last;
    if parsed.iter().enumerate().any(spans_a_cut) {
        return None;
    }
    Some(merge(parsed.into_iter().map(|(p, _)| p).collect()))
}

fn merge(parts: Vec<Parsed>) -> Parsed {
    let blocks = parts.iter().map(|p| p.blocks.len()).sum();
    let mut whole = Parsed {
        blocks: Vec::with_capacity(blocks),
        block_lines: Vec::with_capacity(blocks),
        problems: Vec::new(),
    };
    for mut part in parts {
        whole.blocks.append(&mut part.blocks);
        whole.block_lines.append(&mut part.block_lines);
        whole.problems.append(&mut part.problems);
    }
    whole
}

#[cfg(test)]
mod tests {
    use super::super::cuts::cut_points;
    use super::*;
    use proptest::prelude::*;

    fn whole(text: &str, first_line: usize) -> Parsed {
        Builder::new(text, first_line).run()
    }

    #[test]
    fn pieces_join_into_the_whole_parse() {
        let text = "# A\n\npara *one*\n\n- item\n\n  more\n\n# B\n\n```js\nlet x;\n\n# not\n```\n\n## C\n\n<!-- compare -->\n```js fails\na\n```\n```js works\nb\n```\n<!-- /compare -->\n\n# D\n\ntext\n";
        let parsed = parse_in_pieces(text, 3, 0).expect("cut");
        assert_eq!(parsed, whole(text, 3));
        assert_eq!(parsed.block_lines[0], 3);
    }

    #[test]
    fn a_long_text_parses_in_pieces_as_a_whole() {
        let guide = include_str!("../../../assets/serverless-migration-guide.md");
        let text = guide.repeat(MIN_TEXT / guide.len() + 2);
        assert!(cut_points(&text, MIN_PIECE).len() > 2);
        assert_eq!(parse(&text, 5), whole(&text, 5));
    }

    #[test]
    fn a_directive_across_a_cut_parses_whole() {
        let text = "# A\n\n<!-- since: 2026-01 source=https://x.dev -->\n\n# B\n\ntext\n\n<!-- /since -->\n";
        assert_eq!(parse_in_pieces(text, 1, 0), None);
        let text = "# A\n\n<!-- compare -->\n\n# B\n\n<!-- /compare -->\n";
        assert_eq!(parse_in_pieces(text, 1, 0), None);
    }

    /// Lines (and a few line pairs) that stress the cut scanner: fences at
    /// every indent, HTML blocks of every kind, list items, quotes,
    /// directives, reference definitions, and many blank lines and
    /// headings, so that most texts have places to cut.
    fn line() -> impl Strategy<Value = &'static str> {
        let other = prop::sample::select(vec![
            "#nohead",
            "text",
            "*em* and `code`",
            "- item",
            "1. item",
            "  nested",
            "    indented",
            "> quote",
            ">",
            "\t```",
            "```",
            "```js",
            "  ```",
            "   ```",
            "````",
            "~~~",
            "  ~~~",
            "```a`b",
            "<!--",
            "-->",
            "<!-- pause -->",
            "<!-- notes: x",
            "<!-- compare -->",
            "<!-- /compare -->",
            "<!-- since: 2026-01 source=https://x.dev -->",
            "<!-- /since -->",
            "<div>",
            "</div>",
            "<pre>",
            "</pre>",
            "<span>",
            "<?php",
            "?>",
            "<!DOCTYPE html>",
            "<![CDATA[",
            "]]>",
            "<!-->",
            "| a | b |",
            "|---|---|",
            "---",
            "- ```",
            "  # in item",
            "[x]",
            "[x]: /u",
            "<script>",
            "</script>",
            "- a\n  ```",
            "x\n```",
            "> ```",
            " <!--",
            "  <pre>",
        ]);
        prop_oneof![
            3 => Just(""),
            2 => prop::sample::select(vec!["# Head", "## Two", "###### Six", "#\ttab"]),
            8 => other,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn pieces_always_parse_as_the_whole(lines in prop::collection::vec(line(), 0..60)) {
            let text = lines.join("\n");
            if let Some(parsed) = parse_in_pieces(&text, 3, 0) {
                prop_assert_eq!(parsed, whole(&text, 3));
            }
        }
    }

    /// Every `.md` file under `$PIECES_CORPUS` (for example
    /// `~/.cargo/registry/src`), cut wherever possible: real-world markdown
    /// the generator above does not write. Run by hand:
    /// `PIECES_CORPUS=DIR cargo test --release pieces -- --ignored`.
    #[test]
    #[ignore]
    fn pieces_match_the_whole_on_a_corpus() {
        let root = std::env::var("PIECES_CORPUS").expect("PIECES_CORPUS=DIR");
        let (mut files, mut cut) = (0, 0);
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                // Not following links: a link back up would loop.
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "md") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    let text = super::super::normalize_newlines(&text);
                    files += 1;
                    if let Some(parsed) = parse_in_pieces(&text, 1, 0) {
                        cut += 1;
                        assert!(parsed == whole(&text, 1), "{}", path.display());
                    }
                }
            }
        }
        eprintln!("{files} files, {cut} cut");
    }
}
