//! Waiting for terminal input without crossterm: the descriptor crossterm
//! reads keys from (stdin when it is a terminal, else `/dev/tty`), watched
//! with `poll(2)` for input and for a hang-up.
//!
//! Why it exists: crossterm 0.29's `event::poll` spins forever once the
//! terminal is gone (it retries a read of 0 bytes), which left processes at
//! 20% CPU after their tmux session was killed. And watching stdin when it is
//! not the terminal (`present < /dev/null`) busy-loops too: /dev/null is
//! always "readable". So the event loops wait here first, on the right
//! descriptor, and only ask crossterm to read when input is ready.

use std::os::fd::AsRawFd;
use std::time::Duration;

/// What waiting for input found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Input is waiting (or a signal, e.g. SIGWINCH, interrupted the wait).
    Ready,
    Timeout,
    /// The terminal is gone (window closed, tmux pane killed).
    HungUp,
}

/// The input descriptor crossterm reads from, watched for readiness.
pub struct InputWatch {
    /// `/dev/tty`, opened when stdin is not a terminal; `None`: stdin.
    tty: Option<std::fs::File>,
}

impl InputWatch {
    pub fn new() -> InputWatch {
        // SAFETY: isatty only inspects the descriptor.
        let stdin_is_tty = unsafe { libc::isatty(libc::STDIN_FILENO) } == 1;
        let tty = if stdin_is_tty {
            None
        } else {
            std::fs::File::open("/dev/tty").ok()
        };
        InputWatch { tty }
    }

    fn fd(&self) -> libc::c_int {
        self.tty
            .as_ref()
            .map_or(libc::STDIN_FILENO, AsRawFd::as_raw_fd)
    }

    /// Waits up to `timeout`. A signal (SIGWINCH on a resize) interrupts the
    /// wait and counts as ready, so crossterm gets to report the resize.
    pub fn wait(&self, timeout: Duration) -> Wait {
        let mut fd = libc::pollfd {
            fd: self.fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, count 1.
        let n = unsafe { libc::poll(&mut fd, 1, ms) };
        if n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Wait::HungUp
        } else if n != 0 {
            Wait::Ready
        } else {
            Wait::Timeout
        }
    }

    /// Reads what is waiting (call after [`InputWatch::wait`] said ready).
    pub fn read(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        let n = unsafe { libc::read(self.fd(), buf.as_mut_ptr().cast(), buf.len()) };
        usize::try_from(n).map_err(|_| std::io::Error::last_os_error())
    }

    /// Whether the terminal has hung up (never waits).
    pub fn hung_up(&self) -> bool {
        self.wait(Duration::ZERO) == Wait::HungUp
    }
}

impl Default for InputWatch {
    fn default() -> Self {
        InputWatch::new()
    }
}
