//! The backend every screen draws through: ratatui's backend interface over
//! crossterm, writing each frame in fewer bytes than ratatui's own
//! crossterm backend, and leaving the same screen.
//!
//! ratatui hands a backend only the cells that changed. What makes a frame
//! small here (the `]` frame of the embedded course at 120×40 is 3.3 KB,
//! 7.5 KB through ratatui's backend):
//! - **Short gaps are written, not jumped.** ratatui jumps the cursor over
//!   unchanged cells with `ESC [ row ; col H` (6 to 9 bytes), in prose over
//!   the one space between two changed words. A gap of up to [`MAX_GAP`]
//!   cells is written out again when the [`Shadow`] knows exactly what the
//!   terminal shows there in the pen already in effect.
//! - **A row that ends blank is erased, not overwritten with spaces**: one
//!   `ESC [ K` when the rest of the row is known to be blank.
//! - **Each pen is set once per frame** (`term/runs.rs`): the cells go out
//!   run by run grouped by pen, and a stretch of spaces (a code pane's
//!   padding) is one `ESC [ n X` where the terminal erases in the
//!   background colour ([`erases_in_colour`]) and the pen draws nothing on
//!   a blank (no underline, say).
//! - **One colour change is one short sequence** ([`sgr::change`]), not
//!   both colours and each attribute separately.
//!
//! Anything uncertain (a partial clear, an emoji sequence terminals draw at
//! different widths, a cell off the grid) falls back to row order and
//! explicit jumps.

use super::cells::{FrameCells, Put};
use super::runs::{jump_to, write_by_pen};
use super::sgr::{self, Pen};
use super::shadow::{cursor_after, Footprint, Known, Shadow};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{cursor, queue, terminal};
use ratatui::layout::{Position, Size};
use std::io::{self, Write};

/// The longest gap written out instead of a cursor jump.
pub const MAX_GAP: u16 = 8;

/// A blank tail is erased with `ESC [ K` when it has at least this many
/// changed cells (fewer are cheaper as spaces).
const MIN_ERASE: usize = 4;

pub struct FrameBackend<W: Write> {
    writer: W,
    shadow: Shadow,
    /// Tests draw without a terminal: the size to report instead of asking.
    fixed_size: Option<Size>,
    /// The longest gap written out ([`MAX_GAP`]; 0: always jump).
    max_gap: u16,
    /// Whether the cursor is known to be hidden (ratatui hides it on every
    /// frame; once is enough until the screen is cleared).
    cursor_hidden: bool,
    /// The cells of the frame being written, kept to be reused and sized
    /// for a whole screen up front: growing it in the first frame that
    /// changes much (a lesson switch) would cost a copy and page faults.
    scratch: FrameCells,
    /// The bytes of the frame being written (reused likewise).
    bytes: Vec<u8>,
    /// Whether runs are grouped by pen ([`write_by_pen`]; off: row order).
    by_pen: bool,
    /// Whether long stretches of spaces are erased with `ESC [ n X`, which
    /// fills in the background colour only where the terminal does
    /// "background colour erase" ([`erases_in_colour`]).
    erase_chars: bool,
}

impl<W: Write> FrameBackend<W> {
    /// A backend for the terminal on `writer`, whose screen has just been
    /// cleared (entering the alternate screen clears it).
    pub fn new(writer: W) -> FrameBackend<W> {
        let size = terminal_size().unwrap_or_default();
        FrameBackend {
            writer,
            shadow: Shadow::filled(size, Some(Known::BLANK)),
            fixed_size: None,
            max_gap: MAX_GAP,
            cursor_hidden: false,
            scratch: FrameCells::with_capacity(frame_capacity(size)),
            bytes: Vec::new(),
            by_pen: true,
            erase_chars: erases_in_colour(
                std::env::var("TERM").ok().as_deref(),
                std::env::var_os("TMUX").is_some(),
            ),
        }
    }

    /// A backend of a fixed size that never asks the terminal (for tests
    /// and benchmarks).
    pub fn with_size(writer: W, size: Size) -> FrameBackend<W> {
        FrameBackend {
            writer,
            shadow: Shadow::filled(size, Some(Known::BLANK)),
            fixed_size: Some(size),
            max_gap: MAX_GAP,
            cursor_hidden: false,
            scratch: FrameCells::with_capacity(frame_capacity(size)),
            bytes: Vec::new(),
            by_pen: true,
            erase_chars: true,
        }
    }

    /// Where frames go (for output that must travel with the next frame).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// The same backend writing gaps of at most `cells` (0: never).
    #[cfg(test)]
    pub fn max_gap(self, cells: u16) -> FrameBackend<W> {
        FrameBackend {
            max_gap: cells,
            ..self
        }
    }

    /// The same backend writing cells in row order, not grouped by pen.
    #[cfg(test)]
    pub fn in_row_order(self) -> FrameBackend<W> {
        FrameBackend {
            by_pen: false,
            ..self
        }
    }

    /// The same backend writing every space (no `ESC [ n X`).
    #[cfg(test)]
    pub fn without_erase_chars(self) -> FrameBackend<W> {
        FrameBackend {
            erase_chars: false,
            ..self
        }
    }

    /// The changed cells, with short gaps between two of them on one row
    /// filled from the shadow.
    fn with_gaps_filled<'a>(
        &mut self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> FrameCells {
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        // Where the cursor stands after the last cell and with which pen,
        // when that cell was plain ASCII.
        let mut after: Option<(u16, u16, Pen)> = None;
        for (x, y, cell) in content {
            let put = out.put_of(x, y, cell);
            // After a symbol terminals disagree on, nothing on screen is certain.
            let certain = out.certain() && put.footprint != Footprint::Uncertain;
            if let (true, Some((ax, ay, pen))) = (certain, after) {
                let short = ay == y && x > ax && x - ax <= self.max_gap;
                if short && self.shadow.known_gap(y, ax, x, &pen) {
                    for gx in ax..x {
                        if let Some(known) = self.shadow.get(gx, y) {
                            out.push(Put::known_at(gx, y, known));
                        }
                    }
                }
            }
            after = put.known().map(|k| (x.saturating_add(1), y, k.pen));
            out.push(put);
        }
        out
    }

    /// For each row, the column from which the changed cells may be
    /// replaced by one erase (`u16::MAX`: none).
    fn erase_from(&self, cells: &[Put]) -> Vec<u16> {
        let rows = usize::from(self.shadow.size.height);
        let mut erase = vec![u16::MAX; rows];
        let mut changed_in_tail = vec![0usize; rows];
        for put in cells {
            let Some(row) = erase.get_mut(usize::from(put.y)) else {
                continue;
            };
            if *row == u16::MAX {
                *row = self.shadow.blank_from(put.y);
            }
            if put.x >= *row {
                changed_in_tail[usize::from(put.y)] += 1;
            }
        }
        for (row, changed) in erase.iter_mut().zip(changed_in_tail) {
            if changed < MIN_ERASE {
                *row = u16::MAX;
            }
        }
        erase
    }

    fn write_cells(&mut self, cells: &FrameCells, erase_from: &[u16]) -> io::Result<()> {
        let mut out = std::mem::take(&mut self.bytes);
        out.clear();
        if self.by_pen && cells.certain() {
            write_by_pen(&mut out, cells, erase_from, self.erase_chars)?;
        } else {
            write_in_row_order(&mut out, cells, erase_from)?;
        }
        let written = self.writer.write_all(&out);
        self.bytes = out;
        written
    }
}

/// The cells in ratatui's order, row by row: needed when a symbol's width
/// is uncertain, since the cells after it must then be written after it.
fn write_in_row_order(out: &mut Vec<u8>, cells: &FrameCells, erase_from: &[u16]) -> io::Result<()> {
    let mut pen = Pen::default();
    let mut cursor: Option<(u16, u16)> = None;
    let mut erased_row = None;
    for put in cells.puts() {
        let (x, y) = (put.x, put.y);
        let erase_at = erase_from.get(usize::from(y)).copied().unwrap_or(u16::MAX);
        if x >= erase_at {
            if erased_row != Some(y) {
                jump_to(out, &mut cursor, x, y)?;
                sgr::change(&pen, &Pen::default(), out);
                pen = Pen::default();
                out.extend_from_slice(b"\x1b[K");
                erased_row = Some(y);
            }
            continue;
        }
        jump_to(out, &mut cursor, x, y)?;
        sgr::change(&pen, &put.pen, out);
        pen = put.pen;
        out.extend_from_slice(cells.symbol(put));
        cursor = cursor_after(x, y, put.footprint);
    }
    sgr::change(&pen, &Pen::default(), out);
    Ok(())
}

/// Whether the terminal named by `$TERM` (or tmux) fills erased cells with
/// the current background colour, as xterm and its descendants do. GNU
/// screen does not by default, and an unknown terminal is not trusted.
pub(super) fn erases_in_colour(term: Option<&str>, in_tmux: bool) -> bool {
    const BCE: [&str; 12] = [
        "xterm",
        "tmux",
        "alacritty",
        "wezterm",
        "foot",
        "vte",
        "gnome",
        "konsole",
        "linux",
        "ghostty",
        "contour",
        "rio",
    ];
    in_tmux || term.is_some_and(|t| BCE.iter().any(|known| t.starts_with(known)))
}

/// The most cells a frame writes: each cell of the screen once (changed
/// cells and the gaps filled between them never overlap).
fn frame_capacity(size: Size) -> usize {
    usize::from(size.width) * usize::from(size.height)
}

/// The size of the terminal frames are drawn on. ratatui asks before every
/// frame; crossterm's answer opens `/dev/tty`, asks and closes it (three
/// system calls), so the output descriptor is asked directly when it is the
/// terminal, and crossterm only when it is not.
fn terminal_size() -> io::Result<Size> {
    // SAFETY: an all-zero winsize is valid; TIOCGWINSZ writes one winsize
    // into it and nothing else.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let asked = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
    if asked == 0 && ws.ws_col > 0 && ws.ws_row > 0 {
        return Ok(Size {
            width: ws.ws_col,
            height: ws.ws_row,
        });
    }
    let (width, height) = terminal::size()?;
    Ok(Size { width, height })
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = self.with_gaps_filled(content);
        for put in cells.puts() {
            self.shadow.record(put);
        }
        let erase_from = if cells.certain() {
            self.erase_from(cells.puts())
        } else {
            self.shadow.forget();
            Vec::new()
        };
        let written = self.write_cells(&cells, &erase_from);
        self.scratch = cells;
        written
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.shadow.forget();
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            queue!(self.writer, cursor::Hide)?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        queue!(self.writer, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        if self.fixed_size.is_some() {
            return Ok(Position::ORIGIN);
        }
        self.writer.flush()?;
        let (x, y) = cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        queue!(self.writer, cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use terminal::ClearType as C;
        // After a clear (a resize, a resume from Ctrl-Z) nothing is assumed.
        self.cursor_hidden = false;
        let size = self.size()?;
        // Only a whole-screen clear leaves a screen we know (blank).
        self.shadow = Shadow::filled(size, None);
        let how = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        // The erase takes the current background: make it the default.
        self.writer.write_all(b"\x1b[0m")?;
        queue!(self.writer, terminal::Clear(how))?;
        if clear_type == ClearType::All {
            self.shadow = Shadow::filled(size, Some(Known::BLANK));
        }
        self.scratch.reserve_total(frame_capacity(size));
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => terminal_size(),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
