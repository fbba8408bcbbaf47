//! The quiz screen: draws a [`QuizSession`] from `&self` only. A title row,
//! the scrollable body (question or results), and a key-hint row. Any size
//! from 1×1 up is drawn without panicking; when the body is taller than the
//! area it scrolls, following the focused row (option, line, item) unless
//! the learner scrolled by hand.

mod code;
mod question;
mod results;
mod text;

pub use text::markdown_plain;

use crate::content::model::QuestionKind;
use crate::quiz::interact::{Interaction, VerdictPhase};
use crate::quiz::session::{QuizSession, Stage};
use crate::theme::Theme;
use crate::ui::put::put_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Laid-out body lines and the row that must stay visible.
#[derive(Debug, Default)]
pub struct Body {
    pub lines: Vec<Line<'static>>,
    pub focus: Option<usize>,
}

pub struct QuizView<'a> {
    pub session: &'a QuizSession,
    pub theme: Theme,
}

impl<'a> QuizView<'a> {
    pub fn new(session: &'a QuizSession, theme: Theme) -> Self {
        QuizView { session, theme }
    }

    /// The body laid out for `width` columns.
    pub fn body(&self, width: u16) -> Body {
        let width = usize::from(width.max(1));
        match self.session.stage() {
            Stage::Results => results::results_body(self.session, &self.theme, width),
            _ => question::question_body(self.session, &self.theme, width),
        }
    }

    fn title(&self) -> String {
        let quiz = self.session.quiz();
        let name = quiz.title.as_deref().unwrap_or(&quiz.id);
        let (pos, total) = self.session.progress();
        match self.session.current_question() {
            Some(q) => format!(
                " Quiz: {name} · question {} of {total} · {}",
                pos + 1,
                q.kind.type_name()
            ),
            None => format!(" Quiz: {name} · results"),
        }
    }

    /// The keys that matter on this screen, or the session's notice.
    fn hints(&self) -> String {
        if let Some(n) = self.session.notice() {
            return format!(" {n}");
        }
        let text = match (
            self.session.stage(),
            self.session.current_question().map(|q| &q.kind),
        ) {
            (Stage::Results, _) => "r retry missed · e export · Enter/Esc back to the lesson",
            (Stage::Answered(_), _) => "Enter next · PgUp/PgDn scroll · Esc leave",
            (Stage::Asking(Interaction::Verdict(v)), _) => match v.phase {
                VerdictPhase::Verdict => "w works · f fails · ↑↓ Enter choose · Esc leave",
                VerdictPhase::Lines => "↑↓ line · Space mark · Enter done · Esc back",
                VerdictPhase::Reason => "1–6 or ↑↓ Enter pick the reason · Esc back",
            },
            (Stage::Asking(_), Some(QuestionKind::Choice(c))) if c.multi => {
                "letters or Space toggle · ↑↓ move · Enter submit · Esc leave"
            }
            (Stage::Asking(_), Some(QuestionKind::Choice(_))) => {
                "a letter or ↑↓ choose · Enter submit · Esc leave"
            }
            (Stage::Asking(_), Some(QuestionKind::Compare(_))) => {
                "←/→ choose a side · Enter submit · Esc leave"
            }
            (Stage::Asking(_), Some(QuestionKind::Placement(_))) => {
                "↑↓ item · ←/→ or a number: target · Enter submit all · Esc leave"
            }
            _ => "Esc leave",
        };
        format!(" {text}")
    }
}

/// The first body row to show: the session's scroll, clamped, moved just
/// enough to show the focus row when following it.
pub fn scroll_offset(
    scroll: usize,
    follow: bool,
    focus: Option<usize>,
    len: usize,
    height: usize,
) -> usize {
    let max = len.saturating_sub(height);
    let mut offset = scroll.min(max);
    if let (true, Some(f)) = (follow, focus) {
        if f < offset {
            offset = f;
        } else if height > 0 && f >= offset + height {
            offset = f + 1 - height;
        }
    }
    offset.min(max)
}

impl Widget for &QuizView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let t = &self.theme;
        buf.set_style(area, t.base());
        let chrome = area.height >= 3;
        let body_area = if chrome {
            Rect::new(area.x, area.y + 1, area.width, area.height - 2)
        } else {
            area
        };
        let body = self.body(body_area.width);
        let height = usize::from(body_area.height);
        let offset = scroll_offset(
            self.session.scroll(),
            self.session.follow_focus(),
            body.focus,
            body.lines.len(),
            height,
        );
        for (row, line) in body.lines.iter().skip(offset).take(height).enumerate() {
            let y = body_area.y + u16::try_from(row).unwrap_or(u16::MAX);
            put_line(buf, body_area.x, y, line, body_area.width);
        }
        if !chrome {
            return;
        }
        let bar = t.status_bar();
        let top = Rect::new(area.x, area.y, area.width, 1);
        buf.set_style(top, bar);
        buf.set_line(area.x, area.y, &Line::styled(self.title(), bar), area.width);
        let mut hints = self.hints();
        if offset + height < body.lines.len() {
            hints.push_str(" · ↓ more");
        }
        let style = if self.session.notice().is_some() {
            t.warn()
        } else {
            bar
        };
        let bottom_y = area.y + area.height - 1;
        buf.set_style(Rect::new(area.x, bottom_y, area.width, 1), bar);
        buf.set_line(area.x, bottom_y, &Line::styled(hints, style), area.width);
    }
}

#[cfg(test)]
mod tests;
