//! The terminal for the projector and the notes window, in one place:
//! `ratatui::init()` (raw mode, alternate screen, restore-on-panic hook) on
//! entry, `ratatui::restore()` on drop, and a flag raised by SIGTERM, SIGHUP
//! or SIGINT that the event loops poll so they leave cleanly.
//! (Swapped for the TUI helper's `term::TerminalSession` once it is on main.)

use ratatui::DefaultTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct Session {
    pub terminal: DefaultTerminal,
    stop: Arc<AtomicBool>,
}

impl Session {
    /// Enters the terminal. Call only after everything fallible is loaded.
    pub fn enter() -> std::io::Result<Session> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let terminal = ratatui::try_init()?;
        Ok(Session { terminal, stop })
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

    /// A signal asked us to stop.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Ready,
    Timeout,
    /// The terminal is gone (window closed, tmux pane killed).
    HungUp,
}
