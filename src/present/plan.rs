//! What a content slide shows in a column (pure): the header above the body
//! (padding, an optional small kicker, the title in big letters when it
//! fits, a gap) and the body lines. Shared by the view and `overflow`, so
//! the warning measures exactly what the projector draws.

use super::big::{big_lines_fit, GLYPH_HEIGHT};
use super::poll::poll_lines;
use super::render::{body_lines, wrap_text, Columns};
use super::slides::{Slide, SlideKind};
use crate::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// How the title is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Title {
    /// Big block letters, one entry per line.
    Big(Vec<String>),
    /// Normal text, wrapped to the column.
    Plain(Vec<String>),
    /// A slide started by a rule: the lesson title, small and dim.
    Quiet(Vec<String>),
}

pub struct Plan {
    pub top_pad: u16,
    /// A small line above the title (`POLL 1/2`).
    pub kicker: Option<String>,
    pub title: Title,
    pub gap: u16,
    pub body: Vec<Line<'static>>,
}

impl Plan {
    pub fn title_rows(&self) -> u16 {
        let rows = match &self.title {
            Title::Big(lines) => lines.len() * usize::from(GLYPH_HEIGHT),
            Title::Plain(lines) | Title::Quiet(lines) => lines.len(),
        };
        u16::try_from(rows).unwrap_or(u16::MAX)
    }

    /// Rows above the body.
    pub fn header_rows(&self) -> u16 {
        self.top_pad
            .saturating_add(u16::from(self.kicker.is_some()))
            .saturating_add(self.title_rows())
            .saturating_add(self.gap)
    }

    /// Rows the body gets in a column of `height` rows.
    pub fn room(&self, height: u16) -> usize {
        usize::from(height.saturating_sub(self.header_rows()))
    }
}

/// Plans a body or poll slide at `step` in `column` (the wide area; prose
/// takes `cols.prose` of it, centred).
pub fn plan(
    slide: &Slide,
    step: usize,
    revealed: bool,
    column: Rect,
    cols: Columns,
    theme: &Theme,
) -> Plan {
    let width = cols.prose;
    let top_pad = if column.height >= 30 {
        2
    } else {
        u16::from(column.height >= 12)
    };
    let gap = if column.height >= 20 { 2 } else { 1 };
    let plain = |t: &str| wrap_text(t, usize::from(width));
    match &slide.kind {
        SlideKind::Poll {
            number,
            of,
            question,
        } => {
            let kicker = Some(format!("POLL {number}/{of}"));
            let lines = |with_prompt| poll_lines(question, revealed, with_prompt, cols, theme);
            let without_prompt = lines(false);
            let prompt = single_paragraph(&question.prompt);
            let big = prompt
                .filter(|_| column.height >= 30)
                .and_then(|p| big_lines_fit(&p, cols.wide, 2));
            if let Some(lines) = big {
                let candidate = Plan {
                    top_pad,
                    kicker: kicker.clone(),
                    title: Title::Big(lines),
                    gap,
                    body: without_prompt,
                };
                if candidate.body.len() <= candidate.room(column.height) {
                    return candidate;
                }
            }
            Plan {
                top_pad,
                kicker,
                title: Title::Plain(Vec::new()),
                gap: 1,
                body: lines(true),
            }
        }
        SlideKind::Body {
            title,
            blocks,
            steps,
        } => {
            let shown = steps.get(step).or(steps.last());
            let visible = shown.map_or(blocks.len(), |s| s.visible).min(blocks.len());
            let body = body_lines(
                &blocks[..visible],
                cols,
                theme,
                shown.and_then(|s| s.left_only),
            );
            let t = match title {
                None => Title::Quiet(plain(&slide.lesson_title)),
                Some(t) => Title::Plain(plain(t)),
            };
            let mut planned = Plan {
                top_pad,
                kicker: None,
                title: t,
                gap,
                body,
            };
            // Big letters on one line, or on two when the body still fits.
            if let (Some(t), true) = (title, column.height >= 24) {
                for lines in [1, 2] {
                    if let Some(big) = big_lines_fit(t, cols.wide, lines) {
                        let plain_title = std::mem::replace(&mut planned.title, Title::Big(big));
                        if lines == 1 || planned.body.len() <= planned.room(column.height) {
                            break;
                        }
                        planned.title = plain_title;
                    }
                }
            }
            planned
        }
        SlideKind::Title { .. } => Plan {
            top_pad,
            kicker: None,
            title: Title::Plain(Vec::new()),
            gap: 0,
            body: Vec::new(),
        },
    }
}

/// The prompt as one line of text when it is a single short paragraph.
fn single_paragraph(markdown: &str) -> Option<String> {
    let text = markdown.trim();
    let plain = !text.contains("\n\n") && !text.contains('`') && !text.contains('*');
    plain.then(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}
