//! The one place the projector asks the renderer for lines: prose through
//! `layout::layout_blocks`, code and comparisons through the code and compare
//! helpers. Until the renderer's `layout::code`/`layout::compare` land on
//! main, [`code_lines`] and [`compare_lines`] carry a small local version
//! with the same shape (line numbers, ❌ on failing lines, titles with
//! ❌/✅ verdicts, side by side from 100 columns, stacked below).

use crate::content::model::{Block, CodeBlock, Comparison, Verdict};
use crate::layout::{layout_blocks, LayoutOptions};
use crate::theme::Theme;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Comparisons reveal the failing pane first, then both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    Both,
    LeftOnly,
}

/// Lines for a slide body: `blocks`, with the comparison at `left_only`
/// showing only its failing pane. A blank line separates blocks.
pub fn body_lines(
    blocks: &[Block],
    width: u16,
    theme: &Theme,
    left_only: Option<usize>,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut prose: Vec<Block> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let special = match block {
            Block::Code(code) => Some(code_lines(code, width, theme, &code.marked_lines)),
            Block::Compare(cmp) => {
                let reveal = if left_only == Some(i) {
                    Reveal::LeftOnly
                } else {
                    Reveal::Both
                };
                Some(compare_lines(cmp, width, theme, reveal))
            }
            other => {
                prose.push(other.clone());
                None
            }
        };
        if let Some(lines) = special {
            flush_prose(&mut prose, &mut out, width, theme);
            push_spaced(&mut out, lines);
        }
    }
    flush_prose(&mut prose, &mut out, width, theme);
    while out.last().is_some_and(|l| l.width() == 0) {
        out.pop();
    }
    out
}

fn flush_prose(prose: &mut Vec<Block>, out: &mut Vec<Line<'static>>, width: u16, theme: &Theme) {
    if prose.is_empty() {
        return;
    }
    let opts = LayoutOptions {
        width,
        theme: *theme,
        highlight: true,
    };
    let laid = layout_blocks(prose, &opts);
    push_spaced(out, laid.lines);
    prose.clear();
}

fn push_spaced(out: &mut Vec<Line<'static>>, lines: Vec<Line<'static>>) {
    if !out.is_empty() && out.last().is_some_and(|l| l.width() > 0) {
        out.push(Line::raw(""));
    }
    out.extend(lines);
}

/// A code block with line numbers; `marked` (1-based) lines get ❌ and the
/// marked background. Long lines wrap with a `↪` continuation.
pub fn code_lines(
    code: &CodeBlock,
    width: u16,
    theme: &Theme,
    marked: &[usize],
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut out = Vec::new();
    if let Some(header) = code_header(code, theme) {
        out.push(header);
    }
    let count = code.lines().count().max(1);
    let digits = count.to_string().len();
    // "❌ 12 │ " : mark (2) + space + digits + " │ "
    let gutter = 3 + digits + 3;
    let text_width = width.saturating_sub(gutter).max(1);
    for (i, text) in code.lines().enumerate() {
        let n = i + 1;
        let is_marked = marked.contains(&n);
        let style = if is_marked {
            theme.code_marked()
        } else {
            theme.code()
        };
        for (part, chunk) in chunks(text, text_width).into_iter().enumerate() {
            let mark = match (is_marked, part) {
                (true, 0) => "❌ ",
                (_, 0) => "   ",
                _ => " ↪ ",
            };
            let number = if part == 0 {
                format!("{n:>digits$} │ ")
            } else {
                format!("{:>digits$} │ ", "")
            };
            let line = Line::from(vec![
                Span::styled(mark, theme.bad()),
                Span::styled(number, theme.code_gutter()),
                Span::styled(chunk, style),
            ]);
            out.push(clip(line, width));
        }
    }
    out
}

fn code_header(code: &CodeBlock, theme: &Theme) -> Option<Line<'static>> {
    let verdict = code.verdict.map(|v| match v {
        Verdict::Fails => Span::styled("❌ fails", theme.bad()),
        Verdict::Works => Span::styled("✅ works", theme.good()),
    });
    if verdict.is_none() && code.title.is_none() {
        return None;
    }
    let mut spans = Vec::new();
    if let Some(v) = verdict {
        spans.push(v);
        spans.push(Span::raw("  "));
    }
    if let Some(title) = &code.title {
        spans.push(Span::styled(title.clone(), theme.strong()));
    }
    Some(Line::from(spans))
}

/// Two code panes: side by side at ≥ 100 columns, stacked below. With
/// [`Reveal::LeftOnly`] the right pane is a placeholder.
pub fn compare_lines(
    cmp: &Comparison,
    width: u16,
    theme: &Theme,
    reveal: Reveal,
) -> Vec<Line<'static>> {
    let hidden = || vec![Line::styled("… the other side comes next", theme.dim())];
    let right = |w: u16| match reveal {
        Reveal::Both => code_lines(&cmp.right, w, theme, &cmp.right.marked_lines),
        Reveal::LeftOnly => hidden(),
    };
    if width < 100 {
        let mut out = code_lines(&cmp.left, width, theme, &cmp.left.marked_lines);
        out.push(Line::raw(""));
        out.extend(right(width));
        return out;
    }
    let pane = (width - 3) / 2;
    let left = code_lines(&cmp.left, pane, theme, &cmp.left.marked_lines);
    let right = right(pane);
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|r| {
            let mut spans = padded(left.get(r), usize::from(pane));
            spans.push(Span::styled(" │ ", theme.border()));
            if let Some(line) = right.get(r) {
                spans.extend(line.spans.iter().cloned());
            }
            Line::from(spans)
        })
        .collect()
}

fn padded(line: Option<&Line<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = line.map(|l| l.spans.clone()).unwrap_or_default();
    let used = line.map_or(0, |l| l.width());
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans
}

/// Markdown text from a quiz (prompt, explanation) as lines: paragraphs
/// split at blank lines and word-wrapped. (Becomes
/// `content::markdown::parse_markdown` + `layout_blocks` once the
/// foundation's parser is on main.)
pub fn markdown_lines(text: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        let pieces = wrap_text(para, usize::from(width));
        out.extend(pieces.into_iter().map(|l| Line::styled(l, theme.text())));
    }
    out
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
    use crate::theme::ThemeName;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn marked_lines_carry_a_cross_not_only_colour() {
        let mut code = CodeBlock::plain(Some("js"), "a()\nb()");
        code.marked_lines = vec![2];
        let lines = code_lines(&code, 40, &Theme::no_color(ThemeName::HighContrast), &[2]);
        assert_eq!(text(&lines), vec!["   1 │ a()", "❌ 2 │ b()"]);
    }

    #[test]
    fn long_code_wraps_with_a_continuation_mark() {
        let code = CodeBlock::plain(None, "abcdefghij");
        let lines = code_lines(&code, 12, &Theme::no_color(ThemeName::Dark), &[]);
        assert_eq!(text(&lines), vec!["   1 │ abcde", " ↪   │ fghij"]);
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
