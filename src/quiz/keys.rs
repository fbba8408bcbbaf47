//! Terminal keys → [`QuizMsg`]. The mapping is the same on every quiz
//! screen; what a message means there is the session's business.
//!
//! Ctrl-C, Ctrl-Z and other global keys are left to the host (`None`).

use crate::quiz::session::QuizMsg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The keys the quiz screen understands, for the host's help overlay:
/// (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("A–Z", "choose an option (toggles when several are allowed)"),
    ("↑/↓ or k/j", "move between options, lines, items"),
    ("Space", "toggle an option / mark a line / next target"),
    ("←/→ or h/l", "previous/next target; left/right snippet"),
    ("w / f", "the snippet works / fails"),
    ("1–9", "pick a reason or a target"),
    ("Enter", "submit, then next question"),
    ("Esc", "back one step; leave the quiz"),
    ("r / e", "results: retry missed / export"),
    ("PgUp/PgDn", "scroll"),
];

pub fn to_msg(key: KeyEvent) -> Option<QuizMsg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Up => QuizMsg::Up,
        KeyCode::Down => QuizMsg::Down,
        KeyCode::Left => QuizMsg::Left,
        KeyCode::Right => QuizMsg::Right,
        KeyCode::Enter => QuizMsg::Submit,
        KeyCode::Esc | KeyCode::Backspace => QuizMsg::Back,
        KeyCode::PageUp => QuizMsg::PageUp,
        KeyCode::PageDown => QuizMsg::PageDown,
        KeyCode::Tab => QuizMsg::Down,
        KeyCode::BackTab => QuizMsg::Up,
        KeyCode::Char(' ') => QuizMsg::Toggle,
        KeyCode::Char(c) if c.is_ascii_alphanumeric() => QuizMsg::Key(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn maps_navigation_and_letters() {
        assert_eq!(to_msg(key(KeyCode::Up)), Some(QuizMsg::Up));
        assert_eq!(to_msg(key(KeyCode::Enter)), Some(QuizMsg::Submit));
        assert_eq!(to_msg(key(KeyCode::Char(' '))), Some(QuizMsg::Toggle));
        assert_eq!(to_msg(key(KeyCode::Esc)), Some(QuizMsg::Back));
        assert_eq!(to_msg(key(KeyCode::Char('B'))), Some(QuizMsg::Key('B')));
        assert_eq!(to_msg(key(KeyCode::Char('3'))), Some(QuizMsg::Key('3')));
        assert_eq!(to_msg(key(KeyCode::Char('é'))), None);
    }

    #[test]
    fn leaves_control_keys_and_releases_to_the_host() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(to_msg(ctrl_c), None);
        let mut release = key(KeyCode::Enter);
        release.kind = KeyEventKind::Release;
        assert_eq!(to_msg(release), None);
    }
}
