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
