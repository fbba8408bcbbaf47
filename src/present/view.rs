//! The projector screen: one slide in a centred column with generous
//! spacing, titles in big block letters when they fit, a slim footer, the
//! blackout and the help overlay. Draws from `&self` only; any size from 1×1.

use super::big::{big_lines_fit, BigTitle};
use super::keys::HELP;
use super::plan::{plan, Title};
use super::render::{clip, wrap_text, Columns};
use super::slides::{Slide, SlideKind};
use super::state::{State, ZOOM_STEP};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use std::time::Duration;

/// The widest the text column gets at zoom 0.
pub const COLUMN: u16 = 100;
/// How much wider than the prose comparisons and big titles may be.
pub const WIDE_EXTRA: u16 = 20;

/// Everything one frame needs.
pub struct SlideView<'a> {
    pub deck: &'a [Slide],
    pub state: &'a State,
    pub theme: Theme,
    /// Time since the presentation started.
    pub elapsed: Duration,
    /// Wall clock, already formatted (`21:05`).
    pub clock: String,
}

/// The prose column and the wider area for comparisons and big titles.
pub fn columns(screen: u16, zoom: i8) -> Columns {
    let prose = column_width(screen, zoom);
    let wide = (prose + WIDE_EXTRA)
        .min(screen.saturating_sub(4))
        .max(prose);
    Columns { prose, wide }
}

/// The column width for a screen width and zoom level.
pub fn column_width(screen: u16, zoom: i8) -> u16 {
    let wanted = i32::from(COLUMN) + i32::from(zoom) * i32::from(ZOOM_STEP);
    let max = i32::from(screen.saturating_sub(4)).max(i32::from(screen.min(20)));
    u16::try_from(wanted.clamp(1, max.max(1))).unwrap_or(1)
}

impl Widget for &SlideView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base());
        if self.state.blackout || area.is_empty() {
            // A blank screen: nothing at all, so the room looks at the speaker.
            buf.set_style(
                area,
                ratatui::style::Style::new().bg(ratatui::style::Color::Black),
            );
            return;
        }
        let Some(slide) = self.deck.get(self.state.slide) else {
            Paragraph::new("This course has no slides.").render(area, buf);
            return;
        };
        let footer_rows = u16::from(self.state.footer && area.height >= 3);
        let main = Rect {
            height: area.height - footer_rows,
            ..area
        };
        let cols = columns(area.width, self.state.zoom);
        let column = Rect {
            x: area.x + (area.width - cols.wide) / 2,
            width: cols.wide,
            ..main
        };
        match &slide.kind {
            SlideKind::Title {
                title,
                minutes,
                questions,
            } => self.render_title_slide(slide, title, *minutes, *questions, column, buf),
            _ => self.render_content_slide(slide, column, cols, buf),
        }
        if footer_rows == 1 {
            let row = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            };
            self.render_footer(slide, row, buf);
        }
        if self.state.help {
            self.render_help(area, buf);
        }
    }
}

impl SlideView<'_> {
    fn render_title_slide(
        &self,
        slide: &Slide,
        title: &str,
        minutes: Option<u32>,
        questions: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let mut sub = vec![format!("Lesson {}", self.lesson_number(slide))];
        if let Some(m) = minutes {
            sub.push(format!("about {m} minutes"));
        }
        if questions > 0 {
            sub.push(format!("{questions} poll questions"));
        }
        let sub = Line::styled(sub.join("  ·  "), self.theme.dim()).centered();
        let big = big_lines_fit(title, area.width, 3);
        let title_rows = match &big {
            Some(lines) => 4 * lines.len() as u16,
            None => wrap_text(title, usize::from(area.width)).len() as u16,
        };
        let total = title_rows + 2;
        let top = area.y + area.height.saturating_sub(total) / 2;
        let title_area = Rect {
            y: top,
            height: title_rows.min(area.bottom().saturating_sub(top)),
            ..area
        };
        match big {
            Some(lines) => BigTitle {
                lines,
                style: self.theme.heading(1),
            }
            .render(title_area, buf),
            None => Paragraph::new(
                wrap_text(title, usize::from(area.width))
                    .into_iter()
                    .map(|l| Line::styled(l, self.theme.heading(1)).centered())
                    .collect::<Vec<_>>(),
            )
            .render(title_area, buf),
        }
        let sub_y = top + title_rows + 1;
        if sub_y < area.bottom() {
            Paragraph::new(sub).render(
                Rect {
                    y: sub_y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }

    fn render_content_slide(&self, slide: &Slide, area: Rect, cols: Columns, buf: &mut Buffer) {
        let st = self.state;
        let plan = plan(slide, st.step, st.revealed, area, cols, &self.theme);
        let text_area = Rect {
            x: area.x + cols.indent(),
            width: cols.prose.min(area.width),
            ..area
        };
        let mut y = area.y + plan.top_pad;
        let row = |y: u16, height: u16| Rect {
            y,
            height: height.min(area.bottom().saturating_sub(y)),
            ..area
        };
        if let Some(kicker) = &plan.kicker {
            Paragraph::new(Line::styled(kicker.clone(), self.theme.accent()))
                .render(row(y, 1).intersection(text_area), buf);
            y += 1;
        }
        let rows = plan.title_rows();
        match &plan.title {
            Title::Big(lines) => BigTitle {
                lines: lines.clone(),
                style: self.theme.heading(1),
            }
            .render(row(y, rows), buf),
            Title::Plain(lines) | Title::Quiet(lines) => {
                let style = match plan.title {
                    Title::Quiet(_) => self.theme.dim(),
                    _ => self.theme.heading(1),
                };
                let lines: Vec<Line> = lines
                    .iter()
                    .map(|l| Line::styled(l.clone(), style))
                    .collect();
                Paragraph::new(lines).render(row(y, rows).intersection(text_area), buf);
            }
        }
        let body_y = (area.y + plan.header_rows()).min(area.bottom());
        self.render_scrolled(plan.body, row(body_y, area.bottom() - body_y), buf);
    }

    /// The body, scrolled by `state.scroll` (clamped), with a "more" marker.
    fn render_scrolled(&self, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let rows = usize::from(area.height);
        let overflow = lines.len().saturating_sub(rows);
        let scroll = usize::from(self.state.scroll).min(overflow);
        let more_below = lines.len() > scroll + rows;
        let shown: Vec<Line<'static>> = lines
            .into_iter()
            .skip(scroll)
            .take(rows)
            .map(|l| clip(l, usize::from(area.width)))
            .collect();
        Paragraph::new(shown).render(area, buf);
        if more_below || scroll > 0 {
            let text = match (scroll > 0, more_below) {
                (true, true) => " ↑↓ more ",
                (false, true) => " ↓ more ",
                _ => " ↑ more ",
            };
            let mark = Line::styled(text, self.theme.status_bar()).alignment(Alignment::Right);
            Paragraph::new(mark).render(
                Rect {
                    y: area.bottom() - 1,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }

    fn lesson_number(&self, slide: &Slide) -> usize {
        let mut seen: Vec<&str> = Vec::new();
        for s in self.deck {
            if !seen.contains(&s.lesson_id.as_str()) {
                seen.push(&s.lesson_id);
            }
            if s.lesson_id == slide.lesson_id {
                break;
            }
        }
        seen.len()
    }

    fn render_footer(&self, slide: &Slide, row: Rect, buf: &mut Buffer) {
        let st = self.state;
        // Position first: when the footer is short, the lesson title is cut.
        let mut left = format!(" slide {}/{}", st.slide + 1, self.deck.len());
        if slide.steps() > 1 {
            left.push_str(&format!("  ·  step {}/{}", st.step + 1, slide.steps()));
        }
        left.push_str(&format!("  ·  {}", slide.lesson_title));
        let mut right = Vec::new();
        if let Some(g) = &st.goto {
            right.push(Span::styled(
                format!(" go to slide: {g}_ "),
                self.theme.selected(),
            ));
        }
        if let Some(left_s) = st.countdown_left(self.elapsed) {
            right.push(Span::styled(format!(" ⏳ {left_s} s "), self.theme.warn()));
        }
        right.push(Span::raw(format!(
            " ⏱ {}  🕒 {} ",
            hms(self.elapsed),
            self.clock
        )));
        buf.set_style(row, self.theme.status_bar());
        let right_width: usize = right.iter().map(Span::width).sum();
        let room = usize::from(row.width).saturating_sub(right_width + 1);
        Paragraph::new(clip(Line::raw(left), room))
            .style(self.theme.status_bar())
            .render(row, buf);
        Paragraph::new(Line::from(right).alignment(Alignment::Right))
            .style(self.theme.status_bar())
            .render(row, buf);
    }

    fn render_help(&self, area: Rect, buf: &mut Buffer) {
        let key_width = HELP.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let lines: Vec<Line> = HELP
            .iter()
            .map(|(k, what)| {
                Line::from(vec![
                    Span::styled(format!(" {k:<key_width$}  "), self.theme.accent()),
                    Span::styled(*what, self.theme.text()),
                ])
            })
            .collect();
        let w = (area.width).min(60);
        let h = (area.height).min(HELP.len() as u16 + 2);
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        Clear.render(popup, buf);
        Paragraph::new(lines)
            .style(self.theme.base())
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Keys ")
                    .border_style(self.theme.border()),
            )
            .render(popup, buf);
    }
}

/// `m:ss`, or `h:mm:ss` past an hour.
pub fn hms(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
