//! What the terminal shows, cell by cell, as far as [`super::backend`]
//! knows it: a cell is known only when it holds one printable ASCII
//! character, whose width every terminal agrees on, drawn with a known pen.

use super::cells::Put;
use super::sgr::Pen;
use ratatui::layout::Size;

/// One cell the terminal is known to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub ch: u8,
    pub pen: Pen,
}

impl Known {
    /// An erased cell: a space in the terminal's default colours.
    pub const BLANK: Known = Known {
        ch: b' ',
        pen: Pen {
            fg: ratatui::style::Color::Reset,
            bg: ratatui::style::Color::Reset,
            underline: ratatui::style::Color::Reset,
            modifier: ratatui::style::Modifier::empty(),
        },
    };
}

/// How much of the screen a symbol takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footprint {
    /// One code point, one cell wide.
    Narrow,
    /// One code point, two cells wide.
    Wide,
    /// Terminals disagree: several code points (emoji sequences, combining
    /// marks) or a zero-width or control character. Such a symbol may push
    /// the rest of its row right, or wrap, or scroll the screen.
    Uncertain,
}

/// East Asian "ambiguous" characters (box drawing, ●, ▶) count as narrow,
/// as ratatui's whole layout counts them: in a terminal that draws them
/// wide, every ratatui screen is off already.
pub fn footprint(symbol: &str) -> Footprint {
    use unicode_width::UnicodeWidthChar;
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => match c.width() {
            Some(1) => Footprint::Narrow,
            Some(2) => Footprint::Wide,
            _ => Footprint::Uncertain,
        },
        _ => Footprint::Uncertain,
    }
}

/// Where the cursor stands after a symbol of `footprint` is written at
/// (`x`, `y`); unknown after a symbol of uncertain width.
pub fn cursor_after(x: u16, y: u16, footprint: Footprint) -> Option<(u16, u16)> {
    match footprint {
        Footprint::Narrow => Some((x.saturating_add(1), y)),
        Footprint::Wide => Some((x.saturating_add(2), y)),
        Footprint::Uncertain => None,
    }
}

#[derive(Debug)]
pub struct Shadow {
    pub size: Size,
    cells: Vec<Option<Known>>,
}

impl Shadow {
    /// A screen of `size` where every cell is `known` (blank after a clear,
    /// `None` when nothing can be assumed).
    pub fn filled(size: Size, known: Option<Known>) -> Shadow {
        let len = usize::from(size.width) * usize::from(size.height);
        Shadow {
            size,
            cells: vec![known; len],
        }
    }

    /// Forgets everything (after output whose effect is uncertain).
    pub fn forget(&mut self) {
        self.cells.fill(None);
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.size.width && y < self.size.height)
            .then(|| usize::from(y) * usize::from(self.size.width) + usize::from(x))
    }

    pub fn get(&self, x: u16, y: u16) -> Option<Known> {
        self.index(x, y).and_then(|i| self.cells[i])
    }

    /// Records a cell as written: plain ASCII becomes known; a wide symbol
    /// makes both its cells unknown. (An uncertain symbol is the caller's
    /// business: it may shift or wrap anything after it.)
    pub fn record(&mut self, put: &Put) {
        let Some(i) = self.index(put.x, put.y) else {
            return;
        };
        self.cells[i] = put.known();
        if put.footprint == Footprint::Wide {
            if let Some(next) = self.index(put.x.saturating_add(1), put.y) {
                self.cells[next] = None;
            }
        }
    }

    /// Whether the cells from `from` up to (not including) `to` on row `y`
    /// are all known and drawn with `pen`.
    pub fn known_gap(&self, y: u16, from: u16, to: u16, pen: &Pen) -> bool {
        (from..to).all(|x| self.get(x, y).is_some_and(|k| k.pen == *pen))
    }

    /// The first column from which row `y` is known to be blank to its end
    /// (the row's width when its last cell is not).
    pub fn blank_from(&self, y: u16) -> u16 {
        let mut x = self.size.width;
        while x > 0 && self.get(x - 1, y) == Some(Known::BLANK) {
            x -= 1;
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::cells::FrameCells;
    use ratatui::buffer::Cell;

    fn record(shadow: &mut Shadow, x: u16, y: u16, symbol: &'static str) {
        let mut cells = FrameCells::default();
        cells.push_cell(x, y, &Cell::new(symbol));
        shadow.record(&cells.puts()[0]);
    }

    #[test]
    fn footprints() {
        assert_eq!(footprint("a"), Footprint::Narrow);
        assert_eq!(footprint("界"), Footprint::Wide);
        assert_eq!(footprint("👩‍💻"), Footprint::Uncertain);
        assert_eq!(footprint("e\u{301}"), Footprint::Uncertain);
        // East Asian ambiguous: narrow, as ratatui lays it out.
        assert_eq!(footprint("│"), Footprint::Narrow);
        assert_eq!(footprint("\u{200b}"), Footprint::Uncertain);
    }

    #[test]
    fn a_wide_symbol_hides_the_cell_it_covers() {
        let mut shadow = Shadow::filled(Size::new(20, 1), Some(Known::BLANK));
        record(&mut shadow, 1, 0, "界");
        let pen = Pen::default();
        assert!(!shadow.known_gap(0, 2, 3, &pen));
        assert!(shadow.known_gap(0, 3, 12, &pen));
    }

    #[test]
    fn blank_from_finds_the_blank_tail() {
        let mut shadow = Shadow::filled(Size::new(10, 2), Some(Known::BLANK));
        record(&mut shadow, 3, 0, "x");
        assert_eq!(shadow.blank_from(0), 4);
        assert_eq!(shadow.blank_from(1), 0);
        record(&mut shadow, 9, 1, "界");
        assert_eq!(shadow.blank_from(1), 10);
        assert_eq!(
            shadow.blank_from(7),
            10,
            "a row off the grid is never blank"
        );
    }
}
