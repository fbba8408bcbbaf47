//! The one key table of the learner app: key → [`Action`]. The help overlay
//! is generated from [`BINDINGS`], so what `?` shows is exactly what works.
//!
//! Text input (the search prompt) and the quiz screen take raw keys before
//! this table is consulted; see `app::update`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for, independent of which pane has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextLesson,
    PrevLesson,
    ToggleFocus,
    Open,
    OpenQuiz,
    Search,
    NextMatch,
    PrevMatch,
    Help,
    /// `q`: close the overlay, else quit.
    Quit,
    /// Esc: close the overlay, clear the search, leave the lesson list, else quit.
    Back,
    /// Ctrl-C: quit from anywhere.
    ForceQuit,
    Suspend,
}

/// A key as written in the table: a code plus required modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
const fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// One row of the table (and of the help overlay).
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub group: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

pub const GROUPS: [&str; 4] = ["Reading", "Lessons", "Search", "App"];

pub const BINDINGS: &[Binding] = &[
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::Down), ch('j')],
        action: Action::Down,
        help: "scroll down",
    },
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::Up), ch('k')],
        action: Action::Up,
        help: "scroll up",
    },
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::PageDown), ch(' ')],
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::PageUp), ch('b')],
        action: Action::PageUp,
        help: "page up",
    },
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::Home), ch('g')],
        action: Action::Top,
        help: "top of the lesson",
    },
    Binding {
        group: "Reading",
        keys: &[k(KeyCode::End), ch('G')],
        action: Action::Bottom,
        help: "end of the lesson",
    },
    Binding {
        group: "Lessons",
        keys: &[ch(']'), k(KeyCode::Right), ch('l')],
        action: Action::NextLesson,
        help: "next lesson",
    },
    Binding {
        group: "Lessons",
        keys: &[ch('['), k(KeyCode::Left), ch('h')],
        action: Action::PrevLesson,
        help: "previous lesson",
    },
    Binding {
        group: "Lessons",
        keys: &[k(KeyCode::Tab), k(KeyCode::BackTab)],
        action: Action::ToggleFocus,
        help: "focus list / lesson",
    },
    Binding {
        group: "Lessons",
        keys: &[k(KeyCode::Enter)],
        action: Action::Open,
        help: "open; at the end: quiz",
    },
    Binding {
        group: "Lessons",
        keys: &[ch('Q')],
        action: Action::OpenQuiz,
        help: "take the quiz",
    },
    Binding {
        group: "Search",
        keys: &[ch('/')],
        action: Action::Search,
        help: "search the course",
    },
    Binding {
        group: "Search",
        keys: &[ch('n')],
        action: Action::NextMatch,
        help: "next match",
    },
    Binding {
        group: "Search",
        keys: &[ch('N')],
        action: Action::PrevMatch,
        help: "previous match",
    },
    Binding {
        group: "App",
        keys: &[ch('?')],
        action: Action::Help,
        help: "this help",
    },
    Binding {
        group: "App",
        keys: &[ch('q')],
        action: Action::Quit,
        help: "quit, or close overlay",
    },
    Binding {
        group: "App",
        keys: &[k(KeyCode::Esc)],
        action: Action::Back,
        help: "back, else quit",
    },
    Binding {
        group: "App",
        keys: &[ctrl('c')],
        action: Action::ForceQuit,
        help: "quit now",
    },
    Binding {
        group: "App",
        keys: &[ctrl('z')],
        action: Action::Suspend,
        help: "suspend (fg resumes)",
    },
];

/// The action bound to a key press, if any. Releases and repeats of
/// releases are ignored; Shift is implied by the character itself.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let pressed_ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let code = normalise(key.code, pressed_ctrl);
    BINDINGS
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == code && k.ctrl == pressed_ctrl)
        })
        .map(|b| b.action)
}

/// Ctrl-letter arrives lowercase on most terminals, uppercase on some.
fn normalise(code: KeyCode, ctrl: bool) -> KeyCode {
    match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    }
}

/// The bindings of one help group, in table order.
pub fn group(name: &str) -> impl Iterator<Item = &'static Binding> + '_ {
    BINDINGS.iter().filter(move |b| b.group == name)
}

/// How a key is written in the help overlay: `j`, `Ctrl-C`, `PgDn`, `Space`.
pub fn key_label(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// All keys of a binding, joined for display: `↓ j`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(key_label)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn vim_keys_arrows_and_ctrl_keys_map_to_actions() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(action_for(press(KeyCode::Down, none)), Some(Action::Down));
        assert_eq!(
            action_for(press(KeyCode::Char(']'), none)),
            Some(Action::NextLesson)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Some(Action::Suspend)
        );
        // plain `c` is not Ctrl-C
        assert_eq!(action_for(press(KeyCode::Char('c'), none)), None);
    }

    #[test]
    fn no_key_is_bound_twice_and_every_group_is_listed() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            assert!(GROUPS.contains(&b.group), "unknown group {}", b.group);
            for key in b.keys {
                assert!(!seen.contains(key), "{key:?} bound twice");
                seen.push(*key);
            }
        }
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(key_label(&ctrl('c')), "Ctrl-C");
        assert_eq!(key_label(&ch(' ')), "Space");
        assert_eq!(keys_label(&BINDINGS[0]), "↓ j");
    }
}
