//! Key presses → presenter messages, in one table that also feeds the help
//! overlay. The notes follower uses the clicker subset.

use super::state::Msg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Keys and what they do, for the help overlay.
pub const HELP: &[(&str, &str)] = &[
    ("→ Space PgDn", "next step / slide"),
    ("← PgUp", "previous step / slide"),
    ("g 12 Enter", "jump to slide 12"),
    ("Home End", "first / last slide"),
    ("b", "blackout (blank screen) and back"),
    ("r", "poll: reveal the answer"),
    ("c", "poll: 30 s countdown, then reveal"),
    ("↑ ↓", "scroll a slide that does not fit"),
    ("+ -", "wider / narrower column"),
    ("t", "hide / show the footer"),
    ("?", "this help"),
    ("q", "quit"),
];

/// The presenter's keys. `typing_goto`: digits go to the `g` prompt.
pub fn to_msg(key: KeyEvent, typing_goto: bool) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Msg::Quit);
    }
    if typing_goto {
        return match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() => Some(Msg::GotoDigit(c as u8 - b'0')),
            KeyCode::Enter => Some(Msg::GotoConfirm),
            KeyCode::Backspace => Some(Msg::GotoBackspace),
            KeyCode::Esc => Some(Msg::GotoCancel),
            _ => Some(Msg::GotoCancel),
        };
    }
    Some(match key.code {
        KeyCode::Right | KeyCode::PageDown | KeyCode::Char(' ') | KeyCode::Char('l') => Msg::Next,
        KeyCode::Left | KeyCode::PageUp | KeyCode::Char('h') => Msg::Prev,
        KeyCode::Home => Msg::First,
        KeyCode::End => Msg::Last,
        KeyCode::Char('g') => Msg::GotoStart,
        KeyCode::Char('b') => Msg::Blackout,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Esc => Msg::Help,
        KeyCode::Char('t') => Msg::Footer,
        KeyCode::Char('+') | KeyCode::Char('=') => Msg::ZoomIn,
        KeyCode::Char('-') => Msg::ZoomOut,
        KeyCode::Up | KeyCode::Char('k') => Msg::ScrollUp,
        KeyCode::Down | KeyCode::Char('j') => Msg::ScrollDown,
        KeyCode::Char('r') => Msg::Reveal,
        KeyCode::Char('c') => Msg::Countdown,
        _ => return None,
    })
}

/// What a key in the notes window asks of the presenter (a clicker), or
/// `None` for keys the follower handles itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowerKey {
    Drive(Msg),
    Quit,
}

pub fn follower_key(key: KeyEvent) -> Option<FollowerKey> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(FollowerKey::Quit);
    }
    Some(match key.code {
        KeyCode::Right | KeyCode::PageDown | KeyCode::Char(' ') => FollowerKey::Drive(Msg::Next),
        KeyCode::Left | KeyCode::PageUp => FollowerKey::Drive(Msg::Prev),
        KeyCode::Char('r') => FollowerKey::Drive(Msg::Reveal),
        KeyCode::Char('b') => FollowerKey::Drive(Msg::Blackout),
        KeyCode::Char('q') => FollowerKey::Quit,
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
    fn arrows_and_space_navigate() {
        assert_eq!(to_msg(key(KeyCode::Right), false), Some(Msg::Next));
        assert_eq!(to_msg(key(KeyCode::Char(' ')), false), Some(Msg::Next));
        assert_eq!(to_msg(key(KeyCode::PageUp), false), Some(Msg::Prev));
        assert_eq!(to_msg(key(KeyCode::Char('x')), false), None);
    }

    #[test]
    fn digits_go_to_the_goto_prompt_only_while_typing() {
        assert_eq!(
            to_msg(key(KeyCode::Char('4')), true),
            Some(Msg::GotoDigit(4))
        );
        assert_eq!(to_msg(key(KeyCode::Char('4')), false), None);
        assert_eq!(to_msg(key(KeyCode::Enter), true), Some(Msg::GotoConfirm));
    }

    #[test]
    fn the_notes_window_is_a_clicker() {
        assert_eq!(
            follower_key(key(KeyCode::Right)),
            Some(FollowerKey::Drive(Msg::Next))
        );
        assert_eq!(
            follower_key(key(KeyCode::Char('q'))),
            Some(FollowerKey::Quit)
        );
        assert_eq!(follower_key(key(KeyCode::Char('g'))), None);
    }
}
