//! Word wrapping by display width (never bytes or chars) for the quiz
//! screens, with hanging indents for labelled rows. Long words are split.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width_of(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` (one paragraph; newlines act as spaces) to `width` columns.
/// Always returns at least one (possibly empty) line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = width_of(word);
        if used > 0 && used + 1 + w <= width {
            current.push(' ');
            current.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut current));
            used = 0;
        }
        if w <= width {
            current.push_str(word);
            used = w;
        } else {
            for piece in split_to_width(word, width) {
                if used > 0 {
                    lines.push(std::mem::take(&mut current));
                }
                used = width_of(&piece);
                current = piece;
            }
        }
    }
    lines.push(current);
    lines
}

/// Splits `s` into pieces of at most `width` columns (a grapheme wider
/// than `width` gets a piece of its own).
pub fn split_to_width(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width_of(g);
        if used > 0 && used + w > width {
            pieces.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push_str(g);
        used += w;
    }
    if !current.is_empty() || pieces.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// `prefix` then `text` wrapped to `width`, continuation lines indented by
/// the prefix's width (or not at all when the prefix leaves too little room).
pub fn hanging(
    prefix: Vec<Span<'static>>,
    text: &str,
    style: Style,
    width: usize,
) -> Vec<Line<'static>> {
    let pw: usize = prefix.iter().map(|s| width_of(&s.content)).sum();
    let room = if width > pw + 8 {
        width - pw
    } else {
        width.max(1)
    };
    let indent = if width > pw + 8 { pw } else { 0 };
    let mut lines = Vec::new();
    let mut wrapped = wrap(text, room).into_iter();
    let first = wrapped.next().unwrap_or_default();
    if indent == 0 && pw > 0 {
        lines.push(Line::from(prefix));
        if !first.is_empty() {
            lines.push(Line::from(Span::styled(first, style)));
        }
    } else {
        let mut spans = prefix;
        spans.push(Span::styled(first, style));
        lines.push(Line::from(spans));
    }
    for rest in wrapped {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(rest, style),
        ]));
    }
    lines
}

/// Markdown (prompts, explanations) laid out by the renderer, like lessons.
pub fn markdown_lines(md: &str, width: usize, theme: &crate::theme::Theme) -> Vec<Line<'static>> {
    let blocks = crate::content::markdown::parse_markdown(md);
    let opts = crate::layout::LayoutOptions {
        width: u16::try_from(width.max(1)).unwrap_or(u16::MAX),
        theme: *theme,
        highlight: true,
    };
    let mut lines = crate::layout::layout_blocks(&blocks, &opts).lines;
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// `prefix` then markdown `md` laid out in the room left, continuation
/// lines indented by the prefix's width (options and feedback: inline code
/// and emphasis styled like the lessons').
pub fn md_hanging(
    prefix: Vec<Span<'static>>,
    md: &str,
    width: usize,
    theme: &crate::theme::Theme,
    patch: Style,
) -> Vec<Line<'static>> {
    let pw: usize = prefix.iter().map(|s| width_of(&s.content)).sum();
    let (room, indent) = if width > pw + 8 {
        (width - pw, pw)
    } else {
        (width.max(1), 0)
    };
    let mut laid = markdown_lines(md, room, theme);
    if laid.is_empty() {
        laid.push(Line::raw(""));
    }
    let mut out = Vec::with_capacity(laid.len() + 1);
    for (i, line) in laid.into_iter().enumerate() {
        let body = line.spans.into_iter().map(|s| {
            let style = s.style.patch(patch);
            s.style(style)
        });
        if i == 0 && indent > 0 {
            out.push(Line::from(
                prefix.iter().cloned().chain(body).collect::<Vec<_>>(),
            ));
        } else {
            if i == 0 {
                out.push(Line::from(prefix.clone()));
            }
            let pad = Span::raw(" ".repeat(indent));
            out.push(Line::from(
                std::iter::once(pad).chain(body).collect::<Vec<_>>(),
            ));
        }
    }
    out
}

/// Markdown as one plain line of text (option labels in line mode, results).
pub fn markdown_plain(md: &str, theme: &crate::theme::Theme) -> String {
    markdown_lines(md, 10_000, theme)
        .iter()
        .map(|l| l.to_string().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width_and_splits_long_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), [""]);
        assert_eq!(wrap("日本語 x", 4), ["日本", "語 x"]);
        assert_eq!(wrap("a b", 0), ["a", "b"]);
    }

    #[test]
    fn hanging_indent_and_narrow_fallback() {
        let lines = hanging(vec![Span::raw("A. ")], "one two three", Style::new(), 16);
        assert_eq!(lines.len(), 1);
        let lines = hanging(
            vec![Span::raw("A. ")],
            "one two three four five",
            Style::new(),
            12,
        );
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.width() <= 12);
        }
    }

    #[test]
    fn markdown_goes_through_the_renderer() {
        let theme = crate::theme::Theme::no_color(crate::theme::ThemeName::Dark);
        let lines = markdown_lines("Is **this** ok?\n\nSecond.", 40, &theme);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.to_string().trim_end().to_owned())
            .collect();
        assert_eq!(text, ["Is this ok?", "", "Second."]);
    }
}
