//! The speaker-notes window (`present --notes`): the current slide's notes,
//! the next slide's title and first lines, the reveal step, elapsed time and
//! the clock. Text from the socket is sanitised again before it is drawn.

use super::protocol::Snapshot;
use super::render::wrap_text;
use super::view::hms;
use crate::content::sanitize;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// No presenter yet; waiting at this socket.
    Waiting(String),
    Live,
}

pub struct NotesView<'a> {
    pub link: &'a Link,
    pub snapshot: Option<&'a Snapshot>,
    pub theme: Theme,
    pub elapsed: Duration,
    pub clock: String,
}

impl Widget for &NotesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base());
        if area.is_empty() {
            return;
        }
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let lines = match (self.link, self.snapshot) {
            (Link::Waiting(path), _) => self.waiting(path, width),
            (Link::Live, None) => vec![Line::styled(
                "Connected; waiting for the first slide…",
                self.theme.dim(),
            )],
            (Link::Live, Some(snap)) => self.live(snap, width),
        };
        let inner = Rect {
            x: area.x + u16::from(area.width > 2),
            width: area.width.saturating_sub(2).max(1),
            ..area
        };
        Paragraph::new(lines).render(inner, buf);
    }
}

impl NotesView<'_> {
    fn waiting(&self, path: &str, width: usize) -> Vec<Line<'static>> {
        let mut out = vec![
            Line::styled("Speaker notes", self.theme.heading(1)),
            Line::raw(""),
            Line::styled("Waiting for the presenter…", self.theme.warn()),
            Line::raw(""),
        ];
        let text = format!(
            "Start `serverless-tutor present` in another terminal. Socket: {}",
            sanitize::inline(path)
        );
        out.extend(
            wrap_text(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, self.theme.dim())),
        );
        out.push(Line::raw(""));
        out.push(Line::styled("q quits", self.theme.dim()));
        out
    }

    fn live(&self, snap: &Snapshot, width: usize) -> Vec<Line<'static>> {
        let t = &self.theme;
        let clean = |s: &str| sanitize::inline(s).into_owned();
        let wrapped = |text: &str, style| -> Vec<Line<'static>> {
            wrap_text(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect()
        };
        let mut status = format!("Slide {}/{}", snap.slide, snap.slides);
        if snap.steps > 1 {
            status.push_str(&format!(" · step {}/{}", snap.step, snap.steps));
        }
        if snap.poll {
            status.push_str(if snap.revealed {
                " · answer shown"
            } else {
                " · answer hidden"
            });
        }
        if snap.blackout {
            status.push_str(" · BLACKOUT");
        }
        let mut out = wrapped(&status, t.accent());
        out.extend(wrapped(
            &format!("⏱ {}  🕒 {}", hms(self.elapsed), self.clock),
            t.text(),
        ));
        out.extend(wrapped(&clean(&snap.lesson), t.dim()));
        out.push(Line::raw(""));
        out.extend(wrapped(&clean(&snap.title), t.heading(1)));
        out.push(Line::raw(""));
        if let Some(answer) = &snap.answer {
            out.extend(wrapped(&format!("Answer: {}", clean(answer)), t.good()));
            out.push(Line::raw(""));
        }
        if snap.notes.is_empty() {
            out.push(Line::styled("(no notes for this slide)", t.dim()));
        }
        for (i, note) in snap.notes.iter().enumerate() {
            if i > 0 {
                out.push(Line::raw(""));
            }
            for para in sanitize::multiline(note).lines() {
                out.extend(wrapped(para, t.text()));
            }
        }
        out.push(Line::raw(""));
        match &snap.next_title {
            Some(next) => {
                out.extend(wrapped(&format!("Next: {}", clean(next)), t.accent()));
                for l in &snap.next_lines {
                    let first = wrap_text(&clean(l), width.saturating_sub(2))
                        .into_iter()
                        .next();
                    out.push(Line::styled(
                        format!("  {}", first.unwrap_or_default()),
                        t.dim(),
                    ));
                }
            }
            None => out.push(Line::styled("Last slide.", t.dim())),
        }
        out.push(Line::raw(""));
        out.extend(wrapped(
            "→/Space next   ← previous   r reveal   b blackout   q quit notes",
            t.dim(),
        ));
        out
    }
}
