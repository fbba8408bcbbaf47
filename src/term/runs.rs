//! A frame's changed cells as runs (neighbours on one row in one pen),
//! ordered by pen: each pen's SGR is written once per frame, and a jump
//! between two runs of one pen costs a short cursor move instead.
//!
//! Row by row, a screen of lessons switches pens on every row: the sidebar
//! gutter, the text, a code pane's line numbers, its code. A truecolor SGR
//! is 15 to 35 bytes and the costliest thing an emulator parses; a cursor
//! move is 4 to 8. Where cells are written does not depend on the order
//! (each run starts with a jump and no two runs overlap), except after a
//! symbol terminals draw at different widths, so a frame holding one is
//! written in row order ([`super::backend`]).

use super::cells::{FrameCells, Put};
use super::sgr::{self, Pen};
use super::shadow::cursor_after;
use ratatui::crossterm::{cursor, queue};
use ratatui::style::Modifier;
use std::io::{self, Write};
use std::ops::Range;

/// Spaces ending a run (a code pane's padding, say) are erased with
/// `ESC [ n X` from this many on: the cursor jumps to the next run anyway.
const MIN_ERASE_TAIL: usize = 4;
/// Spaces inside a run are erased from this many on: the erase leaves the
/// cursor where it began, so a jump past it follows.
const MIN_ERASE_INSIDE: usize = 8;

/// Cells `cells` of the frame, from column `x` of row `y`, in `pen`; or,
/// with `erase`, the row's blank end from column `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub y: u16,
    pub x: u16,
    pub pen: Pen,
    pub cells: Range<usize>,
    pub erase: bool,
}

/// The runs of `cells` (in row order), each row's blank end from
/// `erase_from` as one erase run, ordered by pen: the default pen first (a
/// frame starts in it), then the others in order of first use, row order
/// kept within each pen.
pub(super) fn runs_by_pen(cells: &[Put], erase_from: &[u16]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut end: Option<(u16, u16)> = None;
    for (i, put) in cells.iter().enumerate() {
        let (x, y) = (put.x, put.y);
        let erase_at = erase_from.get(usize::from(y)).copied().unwrap_or(u16::MAX);
        if x >= erase_at {
            let erased = runs.last().is_some_and(|r| r.erase && r.y == y);
            if !erased {
                runs.push(Run {
                    y,
                    x: erase_at,
                    pen: Pen::default(),
                    cells: i..i,
                    erase: true,
                });
            }
            end = None;
            continue;
        }
        match runs.last_mut() {
            Some(run) if !run.erase && run.pen == put.pen && end == Some((x, y)) => {
                run.cells.end = i + 1
            }
            _ => runs.push(Run {
                y,
                x,
                pen: put.pen,
                cells: i..i + 1,
                erase: false,
            }),
        }
        end = cursor_after(x, y, put.footprint);
    }
    let mut pens: Vec<Pen> = vec![Pen::default()];
    let ranks: Vec<usize> = runs
        .iter()
        .map(|run| match pens.iter().position(|p| *p == run.pen) {
            Some(rank) => rank,
            None => {
                pens.push(run.pen);
                pens.len() - 1
            }
        })
        .collect();
    let mut ranked: Vec<(usize, Run)> = ranks.into_iter().zip(runs).collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, run)| run).collect()
}

/// The cells run by run, grouped by pen ([`runs_by_pen`]); with
/// `erase_chars`, stretches of spaces as `ESC [ n X` where the pen draws
/// nothing on a blank that an erase would not ([`erase_looks_the_same`]).
pub(super) fn write_by_pen(
    out: &mut Vec<u8>,
    cells: &FrameCells,
    erase_from: &[u16],
    erase_chars: bool,
) -> io::Result<()> {
    let mut pen = Pen::default();
    let mut cursor: Option<(u16, u16)> = None;
    for run in runs_by_pen(cells.puts(), erase_from) {
        jump_to(out, &mut cursor, run.x, run.y)?;
        sgr::change(&pen, &run.pen, out);
        pen = run.pen;
        if run.erase {
            out.extend_from_slice(b"\x1b[K");
            continue;
        }
        let erasable = erase_chars && erase_looks_the_same(&run.pen);
        let run_cells = &cells.puts()[run.cells];
        let mut i = 0;
        while let Some(put) = run_cells.get(i) {
            jump_to(out, &mut cursor, put.x, put.y)?;
            let spaces = if erasable && put.is_space() {
                spaces_from(&run_cells[i..])
            } else {
                0
            };
            if spaces > 0 {
                let ends_run = i + spaces == run_cells.len();
                let min = if ends_run {
                    MIN_ERASE_TAIL
                } else {
                    MIN_ERASE_INSIDE
                };
                if spaces >= min {
                    // The cursor stays where the erase begins.
                    write!(out, "\x1b[{spaces}X")?;
                } else {
                    out.resize(out.len() + spaces, b' ');
                    let past = put
                        .x
                        .saturating_add(u16::try_from(spaces).unwrap_or(u16::MAX));
                    cursor = Some((past, put.y));
                }
                i += spaces;
                continue;
            }
            out.extend_from_slice(cells.symbol(put));
            cursor = cursor_after(put.x, put.y, put.footprint);
            i += 1;
        }
    }
    sgr::change(&pen, &Pen::default(), out);
    Ok(())
}

/// How many cells from the first are spaces (cells of a run are neighbours).
fn spaces_from(cells: &[Put]) -> usize {
    cells.iter().take_while(|put| put.is_space()).count()
}

/// Whether a space in `pen` looks like a blank erased in its background:
/// an erase draws no underline, strike-through or reversed colours, and
/// bold, italic, dim or blinking make no mark on a space.
pub(super) fn erase_looks_the_same(pen: &Pen) -> bool {
    let visible = Modifier::UNDERLINED | Modifier::REVERSED | Modifier::CROSSED_OUT;
    !pen.modifier.intersects(visible)
}

/// Moves the cursor to (x, y) unless it stands there: along the row with
/// the shorter `ESC [ col G` when it is on that row.
pub(super) fn jump_to(
    out: &mut Vec<u8>,
    cursor: &mut Option<(u16, u16)>,
    x: u16,
    y: u16,
) -> io::Result<()> {
    match *cursor {
        Some(at) if at == (x, y) => return Ok(()),
        Some((_, row)) if row == y => queue!(out, cursor::MoveToColumn(x))?,
        _ => queue!(out, cursor::MoveTo(x, y))?,
    }
    *cursor = Some((x, y));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Cell;
    use ratatui::style::Color;

    fn cells(list: &[(u16, u16, &str, Color)]) -> FrameCells {
        let mut cells = FrameCells::default();
        for &(x, y, ch, fg) in list {
            let mut cell = Cell::default();
            cell.set_symbol(ch).set_fg(fg);
            cells.push_cell(x, y, &cell);
        }
        cells
    }

    #[test]
    fn neighbours_in_one_pen_make_one_run_and_pens_group() {
        let cells = cells(&[
            (0, 0, "a", Color::Red),
            (1, 0, "b", Color::Red),
            (2, 0, "c", Color::Reset),
            (0, 1, "d", Color::Red),
            (5, 1, "e", Color::Red),
        ]);
        let runs = runs_by_pen(cells.puts(), &[]);
        let spans: Vec<_> = runs.iter().map(|r| (r.x, r.y, r.cells.clone())).collect();
        assert_eq!(
            spans,
            vec![(2, 0, 2..3), (0, 0, 0..2), (0, 1, 3..4), (5, 1, 4..5)]
        );
    }

    #[test]
    fn a_blank_row_end_is_one_erase_in_the_default_pen() {
        let cells = cells(&[
            (0, 0, "a", Color::Red),
            (3, 0, " ", Color::Reset),
            (4, 0, " ", Color::Reset),
        ]);
        let runs = runs_by_pen(cells.puts(), &[3]);
        assert_eq!(runs.len(), 2);
        assert!(runs[0].erase && runs[0].x == 3 && runs[0].pen == Pen::default());
        assert_eq!(runs[1].cells, 0..1);
    }
}
