//! The help overlay (`?`), generated from the keymap table: every key,
//! grouped. One column when it fits, else two (split between groups).

use super::{fit, pad};
use crate::app::State;
use crate::keymap::{self, Action, GROUPS};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// One printed row: a group heading, a binding, or a gap.
enum Row {
    Heading(&'static str),
    Binding(String, &'static str),
    Gap,
}

fn group_rows(group: &'static str) -> Vec<Row> {
    let mut rows = vec![Row::Heading(group)];
    rows.extend(keymap::group(group).map(|b| Row::Binding(keymap::keys_label(b), b.help)));
    rows
}

/// On the quiz screen: the quiz's keys, then the app's global ones.
fn quiz_groups() -> Vec<Vec<Row>> {
    let mut quiz = vec![Row::Heading("Quiz")];
    quiz.extend(
        crate::quiz::keys::HELP
            .iter()
            .map(|(keys, help)| Row::Binding((*keys).to_owned(), help)),
    );
    let mut app = vec![Row::Heading("App")];
    app.extend(
        keymap::BINDINGS
            .iter()
            .filter(|b| matches!(b.action, Action::Help | Action::ForceQuit | Action::Suspend))
            .map(|b| Row::Binding(keymap::keys_label(b), b.help)),
    );
    vec![quiz, app]
}

pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let groups: Vec<Vec<Row>> = if state.quiz.is_some() {
        quiz_groups()
    } else {
        GROUPS.iter().map(|g| group_rows(g)).collect()
    };
    let key_width = groups
        .iter()
        .flatten()
        .map(|r| match r {
            Row::Binding(k, _) => k.width(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let help_width = groups
        .iter()
        .flatten()
        .map(|r| match r {
            Row::Binding(_, help) => help.width(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let column_width = key_width + 2 + help_width + 2;
    let one_column: usize = groups.iter().map(Vec::len).sum::<usize>() + groups.len() - 1;
    let inner_height = usize::from(area.height.saturating_sub(4));
    let columns = if one_column <= inner_height { 1 } else { 2 };
    let split = split_point(&groups, columns);
    let mut cols: Vec<Vec<Row>> = vec![Vec::new(), Vec::new()];
    for (i, group) in groups.into_iter().enumerate() {
        let col = &mut cols[usize::from(i >= split)];
        if !col.is_empty() {
            col.push(Row::Gap);
        }
        col.extend(group);
    }
    let height = cols.iter().map(Vec::len).max().unwrap_or(0) + 2;
    let width = column_width * columns + 2;
    let popup = centred(area, width, height);
    Clear.render(popup, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(state.theme.border())
        .title(" Keys — ? or Esc closes ")
        .style(state.theme.base())
        .render(popup, buf);
    let inner = Rect::new(
        popup.x + 1,
        popup.y + 1,
        popup.width.saturating_sub(2),
        popup.height.saturating_sub(2),
    );
    for (c, col) in cols.iter().enumerate().take(columns) {
        let x = inner.x + (c * column_width) as u16;
        let room = usize::from(inner.right().saturating_sub(x));
        for (r, row) in col.iter().enumerate().take(usize::from(inner.height)) {
            let y = inner.y + r as u16;
            match row {
                Row::Heading(name) => {
                    buf.set_stringn(x + 1, y, fit(name, room), room, state.theme.heading(3));
                }
                Row::Binding(keys, help) => {
                    let text = format!(" {}  {help}", pad(keys, key_width));
                    buf.set_stringn(x, y, fit(&text, room), room, state.theme.text());
                    buf.set_stringn(
                        x + 1,
                        y,
                        fit(keys, room.saturating_sub(1)),
                        room,
                        state.theme.accent(),
                    );
                }
                Row::Gap => {}
            }
        }
    }
}

/// The index of the first group in the second column (all in one: `len`).
fn split_point(groups: &[Vec<Row>], columns: usize) -> usize {
    if columns == 1 {
        return groups.len();
    }
    let total: usize = groups.iter().map(Vec::len).sum();
    let mut acc = 0;
    for (i, g) in groups.iter().enumerate() {
        acc += g.len();
        if acc * 2 >= total {
            return i + 1;
        }
    }
    groups.len()
}

/// A `width`×`height` rectangle centred in `area`, shrunk to fit.
pub fn centred(area: Rect, width: usize, height: usize) -> Rect {
    let w = u16::try_from(width).unwrap_or(u16::MAX).min(area.width);
    let h = u16::try_from(height).unwrap_or(u16::MAX).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
