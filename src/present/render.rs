//! The one place the projector asks the renderer for lines: prose through
//! `layout::layout_blocks`, code and comparisons through the code and compare
//! helpers. Until the renderer's `layout::code`/`layout::compare` land on
//! main, [`code_lines`] and [`compare_lines`] carry a small local version
//! with the same shape (line numbers, ❌ on failing lines, titles with
//! ❌/✅ verdicts, side by side from 100 columns, stacked below).

use crate::content::markdown::parse_markdown;
use crate::content::model::{Block, CodeBlock, Comparison};
use crate::layout::code::{render_code, CodeMarks};
use crate::layout::compare::render_comparison;
use crate::layout::{layout_blocks, LayoutOptions};
use crate::theme::Theme;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Comparisons reveal the failing pane first, then both.
pub use crate::layout::compare::CompareReveal as Reveal;

/// A slide's two widths: prose (and single code blocks) in a readable
/// column, comparisons across the wider area so their panes wrap less. Lines
/// are built for the wide area: narrow ones are indented to sit centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub prose: u16,
    pub wide: u16,
}

impl Columns {
    pub fn indent(&self) -> u16 {
        self.wide.saturating_sub(self.prose) / 2
    }
}

/// Lines for a slide body: `blocks`, with the comparison at `left_only`
/// showing only its failing pane. A blank line separates blocks.
pub fn body_lines(
    blocks: &[Block],
    cols: Columns,
    theme: &Theme,
    left_only: Option<usize>,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut prose: Vec<Block> = Vec::new();
    let narrow = |lines: Vec<Line<'static>>| indent(lines, cols.indent());
    for (i, block) in blocks.iter().enumerate() {
        let special = match block {
            Block::Code(code) => Some(narrow(code_lines(
                code,
                cols.prose,
                theme,
                &code.marked_lines,
            ))),
            Block::Compare(cmp) => {
                let reveal = if left_only == Some(i) {
                    Reveal::LeftOnly
                } else {
                    Reveal::Both
                };
                Some(compare_lines(cmp, cols.wide, theme, reveal))
            }
            other => {
                prose.push(other.clone());
                None
            }
        };
        if let Some(lines) = special {
            flush_prose(&mut prose, &mut out, cols, theme);
            push_spaced(&mut out, lines);
        }
    }
    flush_prose(&mut prose, &mut out, cols, theme);
    while out.last().is_some_and(|l| l.width() == 0) {
        out.pop();
    }
    out
}

/// Shifts lines right by `by` cells.
pub fn indent(lines: Vec<Line<'static>>, by: u16) -> Vec<Line<'static>> {
    if by == 0 {
        return lines;
    }
    let pad = " ".repeat(usize::from(by));
    lines
        .into_iter()
        .map(|mut l| {
            if l.width() > 0 {
                l.spans.insert(0, Span::raw(pad.clone()));
            }
            l
        })
        .collect()
}

fn flush_prose(prose: &mut Vec<Block>, out: &mut Vec<Line<'static>>, cols: Columns, theme: &Theme) {
    if prose.is_empty() {
        return;
    }
    let opts = LayoutOptions {
        width: cols.prose,
        theme: *theme,
        highlight: true,
    };
    let laid = layout_blocks(prose, &opts);
    push_spaced(out, indent(laid.lines, cols.indent()));
    prose.clear();
}

fn push_spaced(out: &mut Vec<Line<'static>>, lines: Vec<Line<'static>>) {
    if !out.is_empty() && out.last().is_some_and(|l| l.width() > 0) {
        out.push(Line::raw(""));
    }
    out.extend(lines);
}

/// A code block with line numbers; `marked` (1-based) lines get ❌ and the
/// marked background (the block's own `lines=` marks always show).
pub fn code_lines(
    code: &CodeBlock,
    width: u16,
    theme: &Theme,
    marked: &[usize],
) -> Vec<Line<'static>> {
    let marks = CodeMarks {
        marked: marked.to_vec(),
        ..CodeMarks::lesson(true)
    };
    render_code(code, width, theme, &marks)
}

/// Two code panes: side by side at ≥ 100 columns, stacked below. With
/// [`Reveal::LeftOnly`] only the failing pane shows, and a line says the
/// other comes next.
pub fn compare_lines(
    cmp: &Comparison,
    width: u16,
    theme: &Theme,
    reveal: Reveal,
) -> Vec<Line<'static>> {
    let mut out = render_comparison(cmp, width, theme, reveal);
    if reveal == Reveal::LeftOnly {
        out.push(Line::default());
        out.push(Line::styled("… the other version comes next", theme.dim()));
    }
    out
}

/// Markdown text from a quiz (prompt, explanation) as laid-out lines.
pub fn markdown_lines(text: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let blocks = parse_markdown(text);
    let opts = LayoutOptions {
        width,
        theme: *theme,
        highlight: true,
    };
    layout_blocks(&blocks, &opts).lines
}

/// Word-wraps plain text to `width` display columns (long words are split).
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if used > 0 && used + 1 + w > width {
            out.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        if w > width {
            for piece in chunks(word, width.saturating_sub(used).max(1)) {
                if used > 0 && !line.is_empty() && used + 1 > width {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
                used += unicode_width::UnicodeWidthStr::width(piece.as_str());
                line.push_str(&piece);
                if used >= width {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
            }
        } else {
            line.push_str(word);
            used += w;
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// Splits `text` into pieces at most `width` display columns wide.
fn chunks(text: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        used += w;
    }
    out
}

/// Cuts a line to `width` display columns.
pub fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut left = width;
    let mut spans = Vec::new();
    for span in line.spans {
        if left == 0 {
            break;
        }
        let mut text = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if w > left {
                left = 0;
                break;
            }
            left -= w;
            text.push(c);
        }
        spans.push(Span::styled(text, span.style));
    }
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Verdict;
    use crate::theme::ThemeName;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn marked_lines_carry_a_cross_not_only_colour() {
        let code = CodeBlock::plain(Some("js"), "a()\nb()");
        let lines = code_lines(&code, 40, &Theme::no_color(ThemeName::HighContrast), &[2]);
        let shown = text(&lines);
        assert!(
            !shown[0].contains('❌') && shown[1].contains('❌'),
            "{shown:?}"
        );
    }

    #[test]
    fn wrap_text_breaks_at_words_and_splits_long_ones() {
        assert_eq!(wrap_text("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap_text("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap_text("", 4), vec![""]);
        assert_eq!(wrap_text("日本語", 4), vec!["日本", "語"]);
    }

    #[test]
    fn left_only_hides_the_working_pane() {
        let mut left = CodeBlock::plain(Some("js"), "listen()");
        left.verdict = Some(Verdict::Fails);
        let mut right = CodeBlock::plain(Some("js"), "export default app");
        right.verdict = Some(Verdict::Works);
        let cmp = Comparison { left, right };
        let theme = Theme::no_color(ThemeName::HighContrast);
        let hidden = text(&compare_lines(&cmp, 60, &theme, Reveal::LeftOnly)).join("\n");
        assert!(hidden.contains("❌ fails") && !hidden.contains("export default"));
        let both = text(&compare_lines(&cmp, 120, &theme, Reveal::Both)).join("\n");
        assert!(both.contains("✅ works") && both.contains("export default"));
        for w in [0u16, 1, 5] {
            compare_lines(&cmp, w, &theme, Reveal::Both);
        }
    }
}
