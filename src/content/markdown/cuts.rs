//! Where a long markdown text can be cut so that each piece, parsed on its
//! own, gives exactly the blocks the whole text gives there: a megabyte
//! lesson then parses on two threads (`super::pieces`).
//!
//! A cut goes only before an ATX heading at column 0 that follows a blank
//! line. Such a line closes every list item and block quote, every
//! paragraph, table and indented code block; what it cannot close is a
//! fenced code block or an HTML block that runs to an end marker (`-->`,
//! `</pre>`, ...) opened at the top level. This scanner follows those with
//! CommonMark's rules, and where it cannot tell a top-level construct from
//! one inside a list item (an indented fence followed by a less indented
//! line, a `<div>` followed by a fence) it stops cutting for the rest of
//! the text: a wrong guess costs speed, never correctness.
//!
//! What it does not see, the caller checks: link reference definitions
//! (any `]:` in the text: no cuts at all) and the lesson directives whose
//! frames span blocks (`compare`, `since`), which the builder reports as
//! open at a piece's end or closed without an opener.

/// What the lines before the current one leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    /// A fenced code block: its fence character and length, and the indent
    /// of its opening line.
    Fence {
        ch: u8,
        len: usize,
        indent: usize,
    },
    /// An HTML block of CommonMark types 1 to 5, ended by `end`.
    Html {
        end: End,
        indent: usize,
    },
    /// A line starting with `<` that may be an HTML block of type 6 or 7
    /// (or a paragraph): either way it ends at a blank line.
    UntilBlank,
}

/// The end markers of HTML blocks of types 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// `</script>`, `</pre>`, `</style>` or `</textarea>` (by index in
    /// [`RAW_TAGS`]): the one that opened the block.
    RawTag(usize),
    Comment,
    Instruction,
    Declaration,
    Cdata,
}

const RAW_TAGS: [&str; 4] = ["script", "pre", "style", "textarea"];

impl End {
    /// Whether the line ends the block; `None` when that is unclear:
    /// CommonMark ends a `<pre>` block at a `</script>` too, pulldown-cmark
    /// only at `</pre>`.
    fn found_in(self, s: &str) -> Option<bool> {
        Some(match self {
            End::RawTag(opened) => {
                let lower = s.to_ascii_lowercase();
                let closes = |tag: &str| lower.contains(&format!("</{tag}>"));
                let own = closes(RAW_TAGS[opened]);
                if RAW_TAGS.iter().filter(|tag| closes(tag)).count() > usize::from(own) {
                    return None;
                }
                own
            }
            End::Comment => s.contains("-->"),
            End::Instruction => s.contains("?>"),
            End::Declaration => s.contains('>'),
            End::Cdata => s.contains("]]>"),
        })
    }
}

/// A place to cut: the byte offset of a line start, and how many lines
/// come before it (so a piece knows its first line without a count of its
/// own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cut {
    pub at: usize,
    pub lines_before: usize,
}

/// The places where `text` can be cut, found as they are asked for, so
/// that every piece but the last is at least `min_piece` bytes long: the
/// first pieces are parsed while the scanner is still looking for the
/// next ones (`super::pieces`).
pub(super) struct Cuts<'t> {
    text: &'t str,
    min_piece: usize,
    open: Open,
    last_cut: usize,
    previous_blank: bool,
    /// The start of the next line to look at, and its 0-based number.
    start: usize,
    line: usize,
    /// The scanner can no longer be sure (or never could): no more cuts.
    stopped: bool,
}

impl<'t> Cuts<'t> {
    pub fn new(text: &'t str, min_piece: usize) -> Self {
        Cuts {
            text,
            min_piece,
            open: Open::Nothing,
            last_cut: 0,
            previous_blank: false,
            start: 0,
            line: 0,
            // A link reference definition anywhere serves links everywhere.
            stopped: memchr::memmem::find(text.as_bytes(), b"]:").is_some(),
        }
    }
}

impl Iterator for Cuts<'_> {
    type Item = Cut;

    fn next(&mut self) -> Option<Cut> {
        while !self.stopped && self.start < self.text.len() {
            let (start, bytes) = (self.start, self.text.as_bytes());
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            if start == end {
                // An empty line ends what ends at a blank line, no more.
                if self.open == Open::UntilBlank {
                    self.open = Open::Nothing;
                }
                self.previous_blank = true;
                self.start = end + 1;
                self.line += 1;
                continue;
            }
            if self.changes_nothing(bytes[start]) {
                self.previous_blank = false;
                self.start = end + 1;
                self.line += 1;
                continue;
            }
            let (indent, rest) = split_indent(&self.text[start..end]);
            let blank = rest.trim_end_matches([' ', '\t']).is_empty();
            let cut = self.open == Open::Nothing
                && self.previous_blank
                && indent == 0
                && is_atx_heading(rest)
                && start >= self.last_cut + self.min_piece;
            match next_open(self.open, indent, rest, blank) {
                Some(next) => self.open = next,
                None => self.stopped = true,
            }
            self.previous_blank = blank;
            self.start = end + 1;
            self.line += 1;
            if cut {
                self.last_cut = start;
                return Some(Cut {
                    at: start,
                    lines_before: self.line - 1,
                });
            }
        }
        None
    }
}

impl Cuts<'_> {
    /// Whether a line that starts with `first` (not at its end) can be
    /// passed over: one that is not blank, cannot be cut before, and leaves
    /// open what was open. Most lines, prose or code, start so; looking at
    /// the rest of the line for them made this scan a twentieth of loading
    /// a big lesson, all of it before the second thread gets its first piece.
    fn changes_nothing(&self, first: u8) -> bool {
        let plain = !matches!(first, b' ' | b'\t' | b'#' | b'<' | b'`' | b'~');
        match self.open {
            Open::Nothing => plain,
            // Unindented code: only a fence line could close it.
            Open::Fence { indent: 0, .. } => plain,
            _ => false,
        }
    }
}

/// Byte offsets (each the start of a line) where `text` can be cut, so that
/// every piece but the last is at least `min_piece` bytes long.
#[cfg(test)]
pub(super) fn cut_points(text: &str, min_piece: usize) -> Vec<usize> {
    Cuts::new(text, min_piece).map(|cut| cut.at).collect()
}

/// What is open after a line, given what was open before it; `None` when
/// the scanner can no longer be sure.
fn next_open(open: Open, indent: usize, rest: &str, blank: bool) -> Option<Open> {
    match open {
        Open::Nothing if indent <= 3 => Some(opened_by(indent, rest)?.unwrap_or(Open::Nothing)),
        Open::Nothing => Some(Open::Nothing),
        // Less indented than its opener: the end of a list item around it,
        // or code in a top-level block. Cannot tell.
        Open::Fence { indent: at, .. } | Open::Html { indent: at, .. } if !blank && indent < at => {
            None
        }
        Open::Fence { ch, len, .. } => {
            let closed = indent <= 3 && closes_fence(rest, ch, len);
            Some(if closed { Open::Nothing } else { open })
        }
        Open::Html { end, .. } => Some(if end.found_in(rest)? {
            Open::Nothing
        } else {
            open
        }),
        Open::UntilBlank if blank => Some(Open::Nothing),
        // In an HTML block this line is HTML; after a paragraph it would
        // open a block of its own. Cannot tell.
        Open::UntilBlank
            if indent <= 3
                && !matches!(opened_by(indent, rest), Some(None | Some(Open::UntilBlank))) =>
        {
            None
        }
        Open::UntilBlank => Some(Open::UntilBlank),
    }
}

/// What a line with at most three spaces of indent opens (`Some(None)`:
/// nothing that spans lines); `None` when that is unclear.
fn opened_by(indent: usize, rest: &str) -> Option<Option<Open>> {
    if let Some((ch, len)) = fence_opener(rest) {
        return Some(Some(Open::Fence { ch, len, indent }));
    }
    if !rest.starts_with('<') {
        return Some(None);
    }
    let Some((end, opener_len)) = spanning_html_start(rest) else {
        return Some(Some(Open::UntilBlank));
    };
    let after = &rest[opener_len.min(rest.len())..];
    if end.found_in(after)? {
        Some(None)
    } else if end.found_in(rest)? {
        // `<!-->` and the like: whether the end may overlap the opener
        // is an edge of the spec not worth betting on.
        None
    } else {
        Some(Some(Open::Html { end, indent }))
    }
}

/// The indent in columns (tabs to the next multiple of 4) and the rest.
fn split_indent(line: &str) -> (usize, &str) {
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => return (col, &line[i..]),
        }
    }
    (col, "")
}

fn is_atx_heading(rest: &str) -> bool {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// A fence opener: at least three backticks (and no backtick in the info
/// string) or three tildes.
fn fence_opener(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn closes_fence(rest: &str, ch: u8, len: usize) -> bool {
    let run = rest.bytes().take_while(|&b| b == ch).count();
    run >= len && rest[run..].trim_matches([' ', '\t']).is_empty()
}

/// An HTML block of types 1 to 5 starting the line: its end marker and
/// the length of its opener.
fn spanning_html_start(rest: &str) -> Option<(End, usize)> {
    let lower = rest
        .get(..rest.len().min(12))
        .unwrap_or(rest)
        .to_ascii_lowercase();
    for (i, tag) in RAW_TAGS.iter().enumerate() {
        if let Some(next) = lower.strip_prefix('<').and_then(|l| l.strip_prefix(tag)) {
            let ends_tag = next.is_empty() && rest.len() == tag.len() + 1
                || next.starts_with([' ', '\t', '>']);
            if ends_tag {
                return Some((End::RawTag(i), tag.len() + 1));
            }
        }
    }
    if rest.starts_with("<!--") {
        Some((End::Comment, 4))
    } else if rest.starts_with("<?") {
        Some((End::Instruction, 2))
    } else if rest.starts_with("<![CDATA[") {
        Some((End::Cdata, 9))
    } else if rest.starts_with("<!") && rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic)
    {
        Some((End::Declaration, 2))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str) -> Vec<usize> {
        cut_points(text, 0)
    }

    #[test]
    fn cuts_before_headings_after_blank_lines() {
        let text = "# A\n\npara\n\n## B\ntext\n# C\n\n### D\n";
        assert_eq!(cuts(text), vec![11, 26]);
    }

    #[test]
    fn pieces_are_at_least_the_minimum() {
        let text = "# A\n\n# B\n\n# C\n\n# D\n";
        assert_eq!(cut_points(text, 6), vec![10]);
    }

    #[test]
    fn never_inside_a_fence_or_a_comment() {
        assert!(cuts("```sh\n\n# not a heading\n```\n").is_empty());
        assert!(cuts("~~~~\n\n# x\n~~~\n\n# y\n").is_empty());
        assert!(cuts("<!-- notes:\n\n# x\n-->\n").is_empty());
        assert!(cuts("<pre>\n\n# x\n</pre>\n").is_empty());
        assert_eq!(cuts("```\n\n```\n\n# y\n"), vec![10]);
        assert_eq!(cuts("<!-- a -->\n\n# y\n"), vec![12]);
    }

    #[test]
    fn an_html_block_ends_at_an_empty_line_and_a_fence_does_not() {
        assert_eq!(cuts("<div>\nx\n\n# y\n"), vec![9]);
        assert_eq!(cuts("```\nx\n\n# no\n```\n\n# y\n"), vec![17]);
    }

    #[test]
    fn a_backtick_in_the_info_string_is_no_fence() {
        assert_eq!(cuts("```a`\n\n# y\n"), vec![7]);
    }

    #[test]
    fn stops_where_a_list_item_may_hold_the_fence() {
        // The fence may be the item's (closed by `x`) or a top-level one.
        assert!(cuts("- a\n  ```\nx\n```\n\n# y\n").is_empty());
        assert!(cuts("<div>\n```\n\n# y\n").is_empty());
    }

    #[test]
    fn reference_definitions_prevent_cutting() {
        assert!(cuts("# A\n\n[x]\n\n# B\n\n[x]: /url\n").is_empty());
    }

    #[test]
    fn each_cut_knows_the_lines_before_it() {
        let text = "# A\n\npara\n\n## B\ntext\n# C\n\n### D\n";
        for cut in Cuts::new(text, 0) {
            assert_eq!(cut.lines_before, text[..cut.at].matches('\n').count());
        }
        assert_eq!(Cuts::new(text, 0).count(), 2);
    }

    #[test]
    fn indents_count_tabs_to_four() {
        assert_eq!(split_indent("\t```"), (4, "```"));
        assert_eq!(split_indent("  \tx"), (4, "x"));
        assert_eq!(split_indent("   "), (3, ""));
    }
}
