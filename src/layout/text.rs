//! Inline content (text runs, emphasis, inline code, links, images, breaks)
//! → word-wrapped styled lines.
//!
//! A link shows its text, then the URL in dim brackets when it differs from
//! the text (no OSC 8: the same lines go to plain output and projectors).
//! An image shows as `[image: alt]`.

use super::wrap::{LineBuf, WordWrap};
use crate::content::model::{Inline, TextRun, TextStyle};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Line;

/// Wraps inlines to `width` cells, every run patched over `base`.
pub fn wrap_inlines(
    inlines: &[Inline],
    width: usize,
    theme: &Theme,
    base: Style,
) -> Vec<Line<'static>> {
    wrap_inline_bufs(inlines, width, theme, base)
        .into_iter()
        .map(LineBuf::into_line)
        .collect()
}

/// As [`wrap_inlines`], as line buffers (for callers that pad or prefix).
pub fn wrap_inline_bufs(
    inlines: &[Inline],
    width: usize,
    theme: &Theme,
    base: Style,
) -> Vec<LineBuf> {
    let mut ww = WordWrap::new(width);
    let mut i = 0;
    while i < inlines.len() {
        match &inlines[i] {
            Inline::SoftBreak => ww.space(base),
            Inline::HardBreak => ww.hard_break(),
            Inline::Text(run) if run.style.image => {
                let end = group_end(inlines, i, |r| r.style.image && r.link == run.link);
                image(&mut ww, &inlines[i..end], theme, base);
                i = end;
                continue;
            }
            Inline::Text(run) if run.link.is_some() => {
                let end = group_end(inlines, i, |r| !r.style.image && r.link == run.link);
                link(
                    &mut ww,
                    &inlines[i..end],
                    run.link.as_deref().unwrap_or(""),
                    theme,
                    base,
                );
                i = end;
                continue;
            }
            Inline::Text(run) => ww.text(base.patch(run_style(run.style, theme)), &run.text),
        }
        i += 1;
    }
    ww.finish()
}

/// Index one past the last consecutive text run (from `start`) matching `same`.
fn group_end(inlines: &[Inline], start: usize, same: impl Fn(&TextRun) -> bool) -> usize {
    let mut end = start;
    while let Some(Inline::Text(r)) = inlines.get(end) {
        if !same(r) {
            break;
        }
        end += 1;
    }
    end
}

/// The style of a run from its attributes.
pub fn run_style(s: TextStyle, theme: &Theme) -> Style {
    let mut style = Style::new();
    if s.code {
        style = style.patch(theme.inline_code());
    }
    if s.emphasis {
        style = style.patch(theme.emphasis());
    }
    if s.strong {
        style = style.patch(theme.strong());
    }
    if s.strikethrough {
        style = style.patch(theme.strikethrough());
    }
    style
}

fn link(ww: &mut WordWrap, runs: &[Inline], url: &str, theme: &Theme, base: Style) {
    let mut shown = String::new();
    for r in runs {
        if let Inline::Text(run) = r {
            let style = base.patch(run_style(run.style, theme)).patch(theme.link());
            ww.text(style, &run.text);
            shown.push_str(&run.text);
        }
    }
    if !url.is_empty() && !same_target(&shown, url) {
        ww.space(base);
        ww.atom(base.patch(theme.dim()), &format!("[{url}]"));
    }
}

/// True when the link text already shows the destination (autolinks, mailto).
fn same_target(text: &str, url: &str) -> bool {
    let text = text.trim();
    text == url || url.strip_prefix("mailto:") == Some(text)
}

fn image(ww: &mut WordWrap, runs: &[Inline], theme: &Theme, base: Style) {
    let style = base.patch(theme.dim());
    ww.text(style, "[image:");
    let alt: String = runs
        .iter()
        .filter_map(|r| match r {
            Inline::Text(run) => Some(run.text.as_str()),
            _ => None,
        })
        .collect();
    if !alt.trim().is_empty() {
        ww.space(style);
        ww.text(style, alt.trim());
    }
    ww.atom(style, "]");
}

/// Plain text of inlines (anchors, search, titles).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(r) => out.push_str(&r.text),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    fn run(text: &str, link: Option<&str>) -> Inline {
        Inline::Text(TextRun {
            text: text.into(),
            style: TextStyle::default(),
            link: link.map(Into::into),
        })
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn link_shows_url_when_it_differs() {
        let t = Theme::no_color(ThemeName::Dark);
        let inl = vec![
            run("see ", None),
            run("docs", Some("https://x.dev/a")),
            run(".", None),
        ];
        assert_eq!(
            plain(&wrap_inlines(&inl, 80, &t, Style::new())),
            ["see docs [https://x.dev/a]."]
        );
        let auto = vec![run("https://x.dev", Some("https://x.dev"))];
        assert_eq!(
            plain(&wrap_inlines(&auto, 80, &t, Style::new())),
            ["https://x.dev"]
        );
    }

    #[test]
    fn image_shows_alt_text() {
        let t = Theme::no_color(ThemeName::Dark);
        let inl = vec![Inline::Text(TextRun {
            text: "a diagram".into(),
            style: TextStyle {
                image: true,
                ..Default::default()
            },
            link: Some("d.png".into()),
        })];
        assert_eq!(
            plain(&wrap_inlines(&inl, 80, &t, Style::new())),
            ["[image: a diagram]"]
        );
    }
}
