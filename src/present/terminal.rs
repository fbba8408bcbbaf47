//! The terminal for the projector and the notes window: the TUI helper's
//! [`TerminalSession`] (raw mode, alternate screen, restore on drop, panic
//! and SIGTERM/SIGHUP/SIGINT), plus a hang-up-aware wait for input.

use crate::term::{TermError, TerminalSession};
use ratatui::crossterm::event::{self, Event, KeyEvent};
use ratatui::DefaultTerminal;

pub struct Session {
    inner: TerminalSession,
}

impl Session {
    /// Enters the terminal. Call only after everything fallible is loaded.
    pub fn enter() -> Result<Session, TermError> {
        Ok(Session {
            inner: TerminalSession::enter()?,
        })
    }

    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        self.inner.terminal()
    }

    /// Waits up to `timeout` for input. crossterm 0.29 spins forever inside
    /// `event::poll` once the terminal hangs up (a read of 0 bytes is
    /// retried), so the loops wait here first and leave on a hang-up.
    pub fn wait_input(&self, timeout: std::time::Duration) -> Input {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, count 1.
        let n = unsafe { libc::poll(&mut fd, 1, ms) };
        if n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Input::HungUp
        } else if n > 0 {
            Input::Ready
        } else {
            Input::Timeout
        }
    }

    /// The keys pressed, waiting up to `timeout` for the first; `None` when
    /// the terminal hung up. Keys crossterm already buffered come first
    /// (several can arrive in one read, e.g. `g 1 2 Enter` from a script).
    pub fn keys(&self, timeout: std::time::Duration) -> std::io::Result<Option<Vec<KeyEvent>>> {
        if self.wait_input(std::time::Duration::ZERO) == Input::HungUp {
            return Ok(None);
        }
        let mut keys = drain()?;
        if keys.is_empty() {
            match self.wait_input(timeout) {
                Input::HungUp => return Ok(None),
                Input::Ready => keys = drain()?,
                Input::Timeout => {}
            }
        }
        Ok(Some(keys))
    }

    /// A signal asked us to stop.
    pub fn stopped(&self) -> bool {
        self.inner.exit_signal().is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Ready,
    Timeout,
    /// The terminal is gone (window closed, tmux pane killed).
    HungUp,
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
