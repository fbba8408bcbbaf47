//! Renderer tests: every construct at 40/80/120 columns (insta), styled
//! snapshots where colour matters, width and safety invariants (proptest),
//! deep nesting, and the `render` command end to end.

mod command;
mod constructs;
mod invariants;
mod styled;

use ratatui::text::Line;
use serverless_tutor::content::model::*;
use serverless_tutor::content::sanitize;
use serverless_tutor::layout::wrap::line_width;
use serverless_tutor::layout::{ansi, layout_blocks, LayoutOptions};
use serverless_tutor::theme::{Theme, ThemeName};

pub(crate) const WIDTHS: [u16; 3] = [40, 80, 120];

// ---------- builders ----------

pub(crate) fn text(s: &str) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        ..Default::default()
    })
}

pub(crate) fn styled(s: &str, style: TextStyle) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        style,
        link: None,
    })
}

pub(crate) fn link(s: &str, url: &str) -> Inline {
    Inline::Text(TextRun {
        text: s.into(),
        style: TextStyle::default(),
        link: Some(url.into()),
    })
}

pub(crate) fn p(s: &str) -> Block {
    Block::Paragraph(vec![text(s)])
}

pub(crate) fn h(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        text: vec![text(s)],
    }
}

pub(crate) fn item(blocks: Vec<Block>) -> ListItem {
    ListItem { task: None, blocks }
}

pub(crate) fn code(lang: &str, src: &str) -> CodeBlock {
    CodeBlock::plain(Some(lang), src)
}

pub(crate) fn opts(width: u16) -> LayoutOptions {
    LayoutOptions {
        width,
        theme: Theme::no_color(ThemeName::Dark),
        highlight: false,
    }
}

/// Plain text of a layout, checking the width invariant on the way.
pub(crate) fn plain(blocks: &[Block], width: u16) -> String {
    let laid = layout_blocks(blocks, &opts(width));
    assert_fits(&laid.lines, width);
    ansi::to_text(&laid.lines, false)
}

pub(crate) fn assert_fits(lines: &[Line], width: u16) {
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

pub(crate) fn snap_widths(name: &str, blocks: &[Block]) {
    for w in WIDTHS {
        insta::assert_snapshot!(format!("{name}_{w}"), plain(blocks, w));
    }
}

pub(crate) fn colour() -> Theme {
    Theme::new(ThemeName::Dark, true)
}

/// Removes the SGR sequences the renderer itself writes (`ESC [ digits ; m`);
/// any ESC left after that came from content.
pub(crate) fn strip_sgr(s: &str) -> String {
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
