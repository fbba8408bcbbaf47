//! The cells of the frame being written, compact: where each one goes, in
//! which pen, what it holds and how wide it is, worked out once per cell.
//!
//! Why not ratatui's `Cell`s: a frame that switches lessons changes about
//! 1,800 cells, and every stage after the diff (the shadow, the erases, the
//! runs, the bytes) reads each one. A `Cell` is 48 bytes with a string
//! that must be cloned to outlive the diff; a [`Put`] is 32, copied, and
//! keeps a printable ASCII symbol (nearly every cell) inline. Other
//! symbols go into one string shared by the frame.

use super::sgr::Pen;
use super::shadow::{footprint, Footprint, Known};
use ratatui::buffer::Cell;

/// One cell of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Put {
    pub x: u16,
    pub y: u16,
    pub pen: Pen,
    pub footprint: Footprint,
    symbol: Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Symbol {
    /// One printable ASCII character.
    Ascii(u8),
    /// Anything else, at `start..start + len` of [`FrameCells::text`].
    Stored { start: u32, len: u32 },
}

impl Put {
    /// What the terminal is known to show here once this is written
    /// ([`Known`]: a single printable ASCII character).
    pub fn known(&self) -> Option<Known> {
        match self.symbol {
            Symbol::Ascii(ch) => Some(Known { ch, pen: self.pen }),
            Symbol::Stored { .. } => None,
        }
    }

    /// A cell the terminal is known to show already (a gap written out).
    pub fn known_at(x: u16, y: u16, known: Known) -> Put {
        Put {
            x,
            y,
            pen: known.pen,
            footprint: Footprint::Narrow,
            symbol: Symbol::Ascii(known.ch),
        }
    }

    pub fn is_space(&self) -> bool {
        self.symbol == Symbol::Ascii(b' ')
    }
}

/// The cells of one frame, in the order they were added (reused from frame
/// to frame).
#[derive(Debug, Default)]
pub(super) struct FrameCells {
    puts: Vec<Put>,
    text: String,
    /// Whether a pushed cell holds a symbol terminals draw at different
    /// widths (after it, nothing on screen is certain).
    uncertain: bool,
}

impl FrameCells {
    /// Room for `cells` cells without growing.
    pub fn with_capacity(cells: usize) -> FrameCells {
        FrameCells {
            puts: Vec::with_capacity(cells),
            text: String::new(),
            uncertain: false,
        }
    }

    /// Makes room for `cells` cells in all (a bigger screen).
    pub fn reserve_total(&mut self, cells: usize) {
        self.puts.reserve(cells.saturating_sub(self.puts.len()));
    }

    pub fn clear(&mut self) {
        self.puts.clear();
        self.text.clear();
        self.uncertain = false;
    }

    /// Whether every cell pushed so far has a width all terminals agree on.
    pub fn certain(&self) -> bool {
        !self.uncertain
    }

    /// `cell` at (`x`, `y`) as a [`Put`] of this frame, to be pushed (its
    /// symbol, when not plain ASCII, is kept here).
    pub fn put_of(&mut self, x: u16, y: u16, cell: &Cell) -> Put {
        let text = cell.symbol();
        let (symbol, footprint) = match text.as_bytes() {
            [ch @ 0x20..=0x7e] => (Symbol::Ascii(*ch), Footprint::Narrow),
            _ => {
                let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
                self.text.push_str(text);
                let len = u32::try_from(text.len()).unwrap_or(0);
                (Symbol::Stored { start, len }, footprint(text))
            }
        };
        Put {
            x,
            y,
            pen: Pen::of(cell),
            footprint,
            symbol,
        }
    }

    pub fn push(&mut self, put: Put) {
        self.uncertain |= put.footprint == Footprint::Uncertain;
        self.puts.push(put);
    }

    #[cfg(test)]
    pub fn push_cell(&mut self, x: u16, y: u16, cell: &Cell) {
        let put = self.put_of(x, y, cell);
        self.push(put);
    }

    pub fn puts(&self) -> &[Put] {
        &self.puts
    }

    /// The bytes `put` writes.
    pub fn symbol<'a>(&'a self, put: &'a Put) -> &'a [u8] {
        match &put.symbol {
            Symbol::Ascii(ch) => std::slice::from_ref(ch),
            Symbol::Stored { start, len } => {
                let start = *start as usize;
                self.text
                    .as_bytes()
                    .get(start..start + *len as usize)
                    .unwrap_or_default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn symbols_come_back_as_they_went_in() {
        let mut cells = FrameCells::default();
        let mut red = Cell::new("界");
        red.fg = Color::Red;
        for (x, cell) in [Cell::new("a"), red, Cell::new("👩‍💻"), Cell::new(" ")]
            .iter()
            .enumerate()
        {
            cells.push_cell(x as u16, 0, cell);
        }
        let texts: Vec<&[u8]> = cells.puts().iter().map(|p| cells.symbol(p)).collect();
        let want: Vec<&[u8]> = vec![b"a", "界".as_bytes(), "👩‍💻".as_bytes(), b" "];
        assert_eq!(texts, want);
        let puts = cells.puts();
        assert_eq!(puts[1].pen.fg, Color::Red);
        assert_eq!(puts[1].footprint, Footprint::Wide);
        assert_eq!(puts[2].footprint, Footprint::Uncertain);
        assert!(puts[0].known().is_some() && puts[1].known().is_none());
        assert!(puts[3].is_space() && !puts[0].is_space());
    }

    #[test]
    fn an_emoji_sequence_makes_the_frame_uncertain_until_cleared() {
        let mut cells = FrameCells::default();
        cells.push_cell(0, 0, &Cell::new("界"));
        assert!(cells.certain());
        cells.push_cell(2, 0, &Cell::new("👩‍💻"));
        assert!(!cells.certain());
        cells.clear();
        assert!(cells.certain());
    }

    #[test]
    fn a_put_is_small() {
        assert!(
            std::mem::size_of::<Put>() <= 32,
            "{}",
            std::mem::size_of::<Put>()
        );
    }
}
