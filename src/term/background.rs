//! Light or dark: which theme suits the terminal's background, for when
//! neither `--theme` nor `config.toml` says.
//!
//! The terminal is asked (OSC 11, with OSC 10 for the text colour; most
//! terminals answer within one round trip, and a device-attributes query
//! sent after them tells at once when a terminal will not, so there is no
//! waiting out a timeout); else `COLORFGBG` is read (rxvt, Konsole); else
//! dark. Ask only before the TUI starts reading input, so the answer is
//! never taken for keys.

use crate::theme::ThemeName;
use std::time::Duration;

/// The longest wait for an answer (a terminal that answers nothing at all,
/// or a slow SSH link); most answer in well under a millisecond.
const QUERY_TIMEOUT: Duration = Duration::from_millis(150);

pub fn guess_theme() -> ThemeName {
    asked().unwrap_or_else(|| from_colorfgbg(std::env::var("COLORFGBG").ok().as_deref()))
}

/// [`guess_theme`] on another thread, so the terminal's round trip
/// overlaps the course loading. Dropping it waits for the answer: the query
/// holds the terminal in raw mode, which must be over before anything is
/// printed or the process ends.
pub struct Query(Option<std::thread::JoinHandle<ThemeName>>);

impl Query {
    pub fn start() -> Query {
        Query(std::thread::Builder::new().spawn(guess_theme).ok())
    }

    pub fn finish(mut self) -> ThemeName {
        self.0
            .take()
            .and_then(|handle| handle.join().ok())
            .unwrap_or_else(guess_theme)
    }
}

impl Drop for Query {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = handle.join();
        }
    }
}

fn asked() -> Option<ThemeName> {
    // Without colours the theme only picks attributes: not worth a query.
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = QUERY_TIMEOUT;
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(ThemeName::Light),
        terminal_colorsaurus::ThemeMode::Dark => Some(ThemeName::Dark),
    }
}

/// `COLORFGBG` is `fg;bg` (or `fg;default;bg`) in palette numbers: 7 and
/// 9–15 are light backgrounds.
fn from_colorfgbg(value: Option<&str>) -> ThemeName {
    let background = value.and_then(|v| v.rsplit(';').next()?.parse::<u8>().ok());
    match background {
        Some(7 | 9..=15) => ThemeName::Light,
        _ => ThemeName::Dark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg() {
        assert_eq!(from_colorfgbg(Some("0;15")), ThemeName::Light);
        assert_eq!(from_colorfgbg(Some("0;default;7")), ThemeName::Light);
        assert_eq!(from_colorfgbg(Some("15;0")), ThemeName::Dark);
        assert_eq!(from_colorfgbg(Some("garbage")), ThemeName::Dark);
        assert_eq!(from_colorfgbg(None), ThemeName::Dark);
    }
}
