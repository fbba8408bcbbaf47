//! The terminal for the projector and the notes window: the TUI helper's
//! [`TerminalSession`] (raw mode, alternate screen, restore on drop, panic
//! and SIGTERM/SIGHUP/SIGINT), plus the shared hang-up-aware wait for input
//! ([`InputWatch`]: it watches the descriptor crossterm really reads).

use crate::term::input::{InputWatch, Wait};
use crate::term::{TermError, TerminalSession};
use ratatui::crossterm::event::{self, Event, KeyEvent};

pub struct Session {
    inner: TerminalSession,
    input: InputWatch,
}

impl Session {
    /// Enters the terminal. Call only after everything fallible is loaded.
    pub fn enter() -> Result<Session, TermError> {
        Ok(Session {
            inner: TerminalSession::enter()?,
            input: InputWatch::new(),
        })
    }

    pub fn terminal(&mut self) -> &mut crate::term::Term {
        self.inner.terminal()
    }

    /// The keys pressed, waiting up to `timeout` for the first; `None` when
    /// the terminal hung up. Keys crossterm already buffered come first
    /// (several can arrive in one read, e.g. `g 1 2 Enter` from a script).
    pub fn keys(&self, timeout: std::time::Duration) -> std::io::Result<Option<Vec<KeyEvent>>> {
        if self.input.wait(std::time::Duration::ZERO) == Wait::HungUp {
            return Ok(None);
        }
        let mut keys = drain()?;
        if keys.is_empty() {
            match self.input.wait(timeout) {
                Wait::HungUp => return Ok(None),
                Wait::Ready => keys = drain()?,
                Wait::Timeout => {}
            }
        }
        Ok(Some(keys))
    }

    /// A signal asked us to stop.
    pub fn stopped(&self) -> bool {
        self.inner.exit_signal().is_some()
    }
}

/// Every event crossterm has ready now (never waits).
fn drain() -> std::io::Result<Vec<KeyEvent>> {
    let mut keys = Vec::new();
    while event::poll(std::time::Duration::ZERO)? {
        if let Event::Key(key) = event::read()? {
            keys.push(key);
        }
    }
    Ok(keys)
}
