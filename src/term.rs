//! The terminal session: the only code that switches the terminal into and
//! out of the TUI modes (raw mode, alternate screen, mouse capture, bracketed
//! paste).
//!
//! Invariants:
//! - Enter it only after every fallible load has succeeded, so an invalid
//!   course never leaves the terminal in raw mode.
//! - The terminal is restored on every exit path: [`Drop`], a panic (a hook
//!   restores before the panic message is printed), and SIGTERM/SIGHUP/SIGINT
//!   (a flag the event loop polls with [`TerminalSession::exit_signal`]; the
//!   loop then returns normally and `Drop` restores). A second signal while
//!   the first is still pending terminates at once (a stuck loop stays killable).
//! - [`TerminalSession::suspend`] (Ctrl-Z) restores, stops the process with
//!   SIGTSTP, and on SIGCONT re-enters and forces a full redraw.

pub mod backend;
pub mod background;
mod cells;
pub mod input;
mod runs;
pub(crate) mod sgr;
mod shadow;
pub(crate) mod typed;

use ratatui::crossterm::{
    cursor::Show,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste},
    execute, queue,
    terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen},
};
use std::io::{self, stdout, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once};

/// Signals that end the session cleanly.
const EXIT_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

#[derive(Debug, thiserror::Error)]
pub enum TermError {
    #[error("cannot set up the terminal: {0}")]
    Setup(#[source] io::Error),
    #[error("cannot install a signal handler: {0}")]
    Signal(#[source] io::Error),
}

/// An active full-screen terminal session. Dropping it restores the terminal.
/// The terminal every screen draws to.
pub type Term = ratatui::Terminal<backend::FrameBackend<io::BufWriter<io::Stdout>>>;

/// Bytes buffered per frame (a full 300×100 colour frame fits).
const FRAME_BUFFER: usize = 256 * 1024;

pub struct TerminalSession {
    terminal: Term,
    /// The number of the last exit signal received (0: none).
    signal: Arc<AtomicUsize>,
    signal_ids: Vec<signal_hook::SigId>,
    active: bool,
}

impl TerminalSession {
    /// Installs the panic hook and signal handlers, then enters raw mode,
    /// the alternate screen, mouse capture and bracketed paste.
    pub fn enter() -> Result<Self, TermError> {
        install_panic_hook();
        let signal = Arc::new(AtomicUsize::new(0));
        let signal_ids = register_signals(&signal)?;
        // One write per frame: ratatui flushes after each draw, and stdout's
        // own 1 KB line buffer would split a frame into many small writes.
        // The mode switches go out with the first frame.
        let mut out = io::BufWriter::with_capacity(FRAME_BUFFER, stdout());
        if let Err(e) = enter_modes(&mut out) {
            drop(out);
            restore_modes();
            unregister(&signal_ids);
            return Err(TermError::Setup(e));
        }
        let backend = backend::FrameBackend::new(out);
        let terminal = match ratatui::Terminal::new(backend) {
            Ok(t) => t,
            Err(e) => {
                restore_modes();
                unregister(&signal_ids);
                return Err(TermError::Setup(e));
            }
        };
        Ok(TerminalSession {
            terminal,
            signal,
            signal_ids,
            active: true,
        })
    }

    pub fn terminal(&mut self) -> &mut Term {
        &mut self.terminal
    }

    /// The exit signal received since the session began, if any (polled by the event loop).
    pub fn exit_signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// Ctrl-Z: restore the terminal, stop the process, and when the shell
    /// continues it (`fg`), re-enter and force a full redraw.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.restore();
        // SAFETY: raise() has no memory-safety preconditions; SIGTSTP's default
        // action stops the process and raise returns after SIGCONT.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        enter_modes(self.terminal.backend_mut().writer_mut())?;
        self.active = true;
        // The screen was used by the shell meanwhile: forget what ratatui thinks is on it.
        self.terminal.clear()
    }

    /// Restores the terminal now (idempotent; also done on drop).
    pub fn restore(&mut self) {
        if self.active {
            // Whatever the frame buffer still holds belongs on the alternate screen.
            let _ = ratatui::backend::Backend::flush(self.terminal.backend_mut());
            restore_modes();
            self.active = false;
        }
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        self.restore();
        unregister(&self.signal_ids);
    }
}

/// Mouse reporting: clicks, drags and the wheel in SGR encoding, but not
/// bare motion (crossterm's `EnableMouseCapture` also asks for every pointer
/// move, 1003, which floods the loop with events nobody uses).
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1002h\x1b[?1006h";

/// Raw mode now; the escape sequences into `out`, to be flushed with the
/// next frame.
fn enter_modes(out: &mut impl Write) -> io::Result<()> {
    enable_raw_mode()?;
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    out.write_all(MOUSE_ON)
}

/// Best effort: every step runs even if an earlier one fails (we are leaving anyway).
fn restore_modes() {
    let _ = disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
}

fn register_signals(flag: &Arc<AtomicUsize>) -> Result<Vec<signal_hook::SigId>, TermError> {
    let pending = Arc::new(AtomicBool::new(false));
    let mut ids = Vec::new();
    for sig in EXIT_SIGNALS {
        let number = usize::try_from(sig).unwrap_or(0);
        // Actions run in registration order: the conditional shutdown sees
        // `pending` before this signal sets it, so only a *repeated* signal
        // terminates at once.
        let result =
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&pending))
                .map(|id| ids.push(id))
                .and_then(|()| signal_hook::flag::register(sig, Arc::clone(&pending)))
                .map(|id| ids.push(id))
                .and_then(|()| signal_hook::flag::register_usize(sig, Arc::clone(flag), number))
                .map(|id| ids.push(id));
        if let Err(e) = result {
            unregister(&ids);
            return Err(TermError::Signal(e));
        }
    }
    Ok(ids)
}

fn unregister(ids: &[signal_hook::SigId]) {
    for id in ids {
        signal_hook::low_level::unregister(*id);
    }
}

/// Restores the terminal before the default hook prints the panic, so the
/// message lands on the normal screen and stays readable. Installed once.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_modes();
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exit_signal_sets_the_flag_instead_of_killing() {
        let flag = Arc::new(AtomicUsize::new(0));
        let ids = register_signals(&flag).unwrap();
        // SAFETY: raise() has no memory-safety preconditions; the handler is installed.
        unsafe {
            libc::raise(libc::SIGHUP);
        }
        assert_eq!(flag.load(Ordering::Relaxed), libc::SIGHUP as usize);
        unregister(&ids);
    }
}
