//! The gap-filling backend must leave exactly the screen ratatui's own
//! backend leaves, frame after frame: both byte streams go through a
//! terminal emulator (vt100) and the screens, attributes included, compared.

use super::*;
use crate::term::shadow::footprint;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::Terminal;
use std::cell::RefCell;
use std::rc::Rc;

#[path = "backend_props.rs"]
mod props;

const W: u16 = 40;
const H: u16 = 8;

/// One piece of text put on a frame.
#[derive(Debug, Clone)]
struct Put {
    x: u16,
    y: u16,
    text: String,
    style: Style,
}

type Frame = Vec<Put>;

/// A writer whose bytes the test can read after the terminal took it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn paint(frame: &Frame, buf: &mut Buffer) {
    for put in frame {
        buf.set_string(put.x, put.y, &put.text, put.style);
    }
}

/// One cell as the emulator shows it: text (a never-written cell reads as
/// a space, as on screen), colours and attributes.
type Shown = (String, vt100::Color, vt100::Color, bool, bool, bool, bool);

fn shown(screen: &vt100::Screen) -> Vec<Shown> {
    let mut cells = Vec::new();
    for row in 0..H {
        for col in 0..W {
            let cell = screen.cell(row, col).expect("cell in the screen");
            if cell.is_wide_continuation() {
                cells.push(continuation_cell());
                continue;
            }
            let text = match cell.contents() {
                "" if !cell.is_wide_continuation() => " ",
                text => text,
            };
            cells.push((
                text.to_owned(),
                cell.fgcolor(),
                cell.bgcolor(),
                cell.bold(),
                cell.italic(),
                cell.underline(),
                cell.inverse(),
            ));
        }
    }
    cells
}

/// What the emulator should show for a ratatui buffer.
fn expected(buf: &Buffer) -> Vec<Shown> {
    fn color(c: Color) -> vt100::Color {
        match c {
            Color::Reset => vt100::Color::Default,
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            Color::Indexed(i) => vt100::Color::Idx(i),
            Color::Red => vt100::Color::Idx(1),
            other => panic!("colour {other:?} not used by these tests"),
        }
    }
    let mut cells = Vec::new();
    let mut continuation = false;
    for y in 0..H {
        for x in 0..W {
            let cell = &buf[(x, y)];
            if std::mem::take(&mut continuation) {
                cells.push(continuation_cell());
                continue;
            }
            continuation = footprint(cell.symbol()) == Footprint::Wide;
            let m = cell.modifier;
            cells.push((
                cell.symbol().to_owned(),
                color(cell.fg),
                color(cell.bg),
                m.contains(Modifier::BOLD),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            ));
        }
    }
    cells
}

fn continuation_cell() -> Shown {
    (
        String::new(),
        vt100::Color::Default,
        vt100::Color::Default,
        false,
        false,
        false,
        false,
    )
}

/// Draws the frames (clearing the screen before every other one when
/// `clear_between`), returning the bytes, the emulator's final screen and
/// what the last buffer says it should be.
fn run(frames: &[Frame], max_gap: u16, clear_between: bool) -> (Vec<u8>, Vec<Shown>, Vec<Shown>) {
    run_with(frames, max_gap, clear_between, true)
}

/// [`run`], with cells grouped by pen (`by_pen`) or in row order.
fn run_with(
    frames: &[Frame],
    max_gap: u16,
    clear_between: bool,
    by_pen: bool,
) -> (Vec<u8>, Vec<Shown>, Vec<Shown>) {
    let size = Size::new(W, H);
    let out = Shared::default();
    let mut backend = FrameBackend::with_size(out.clone(), size).max_gap(max_gap);
    if !by_pen {
        backend = backend.in_row_order();
    }
    let mut terminal = Terminal::new(backend).expect("terminal");
    let mut last = Vec::new();
    for (i, frame) in frames.iter().enumerate() {
        if clear_between && i % 2 == 1 {
            terminal.clear().expect("clear");
        }
        let completed = terminal
            .draw(|f| paint(frame, f.buffer_mut()))
            .expect("draw");
        last = expected(completed.buffer);
    }
    let bytes = out.0.borrow().clone();
    let mut parser = vt100::Parser::new(H, W, 0);
    parser.process(&bytes);
    (bytes, shown(parser.screen()), last)
}

/// ratatui's crossterm backend, except that it never asks a terminal
/// where the cursor is (there is none in a test).
struct Crossterm(ratatui::backend::CrosstermBackend<Shared>);

impl Backend for Crossterm {
    type Error = io::Error;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, c: I) -> io::Result<()> {
        self.0.draw(c)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> io::Result<()> {
        self.0.set_cursor_position(p)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(Size::new(W, H))
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

/// The same frames through ratatui's own crossterm backend.
fn run_crossterm(frames: &[Frame], clear_between: bool) -> Vec<Shown> {
    let out = Shared::default();
    let backend = Crossterm(ratatui::backend::CrosstermBackend::new(out.clone()));
    let mut terminal = Terminal::new(backend).expect("terminal");
    for (i, frame) in frames.iter().enumerate() {
        if clear_between && i % 2 == 1 {
            terminal.clear().expect("clear");
        }
        terminal
            .draw(|f| paint(frame, f.buffer_mut()))
            .expect("draw");
    }
    let mut parser = vt100::Parser::new(H, W, 0);
    parser.process(&out.0.borrow());
    shown(parser.screen())
}

/// Cursor jumps: `ESC [ row ; col H` and `ESC [ col G`.
fn jumps(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[")
        .skip(1)
        .filter(|seq| {
            let end = seq.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';');
            end.starts_with(['H', 'G'])
        })
        .count()
}

fn prose(text: &str) -> Frame {
    (0..H)
        .map(|y| Put {
            x: 2,
            y,
            text: text.into(),
            style: Style::new(),
        })
        .collect()
}

#[test]
fn prose_takes_one_jump_per_row_not_one_per_word() {
    let frames = [prose("the quick brown fox jumps over it")];
    let (filled, screen, want) = run(&frames, MAX_GAP, false);
    let (plain, plain_screen, _) = run(&frames, 0, false);
    assert_eq!(screen, want);
    assert_eq!(plain_screen, want);
    assert!(jumps(&plain) >= 6 * usize::from(H), "{}", jumps(&plain));
    assert!(jumps(&filled) <= usize::from(H) + 1, "{}", jumps(&filled));
    assert!(filled.len() < plain.len());
}

#[test]
fn a_shorter_row_is_erased_not_overwritten_with_spaces() {
    let frames = [
        prose("a long line of text that will be replaced"),
        prose("short"),
    ];
    let (bytes, screen, want) = run(&frames, MAX_GAP, false);
    assert_eq!(screen, want);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("\x1b[K").count(), usize::from(H), "{text:?}");
    assert!(!text.contains("     "), "{text:?}");
}

#[test]
fn gaps_are_not_filled_after_a_partial_clear() {
    let mut backend = FrameBackend::with_size(Vec::new(), Size::new(W, H));
    backend.clear_region(ClearType::AfterCursor).expect("clear");
    let a = Cell::new("a");
    let cells = [(0, 0, &a), (3, 0, &a)];
    let out = backend.with_gaps_filled(cells.into_iter());
    assert_eq!(out.puts().len(), 2);
}

#[test]
fn after_an_uncertain_symbol_nothing_is_filled() {
    let mut backend = FrameBackend::with_size(Vec::new(), Size::new(W, H));
    let (a, zwj) = (Cell::new("a"), Cell::new("👩‍💻"));
    let cells = [(0, 0, &a), (3, 0, &a), (5, 0, &zwj), (0, 1, &a), (3, 1, &a)];
    let out = backend.with_gaps_filled(cells.into_iter());
    // Only the first gap (before the emoji sequence) is written out.
    assert_eq!(out.puts().len(), cells.len() + 2);
}

#[test]
fn a_gap_in_another_style_is_jumped() {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let put = |x, text: &str, style| Put {
        x,
        y: 0,
        text: text.into(),
        style,
    };
    let frames = [
        vec![put(0, "ab   cd", bold)],
        vec![
            put(0, "xy", Style::new()),
            put(2, "   ", bold),
            put(5, "zw", Style::new()),
        ],
    ];
    let (bytes, screen, want) = run(&frames, MAX_GAP, false);
    assert_eq!(screen, want);
    // The bold spaces did not change, so they are jumped, not rewritten plain.
    assert!(!String::from_utf8_lossy(&bytes).contains("xy   zw"));
}

#[test]
fn each_pen_is_set_once_per_frame() {
    let red = Style::new().fg(Color::Red);
    let put = |x, y, text: &str, style| Put {
        x,
        y,
        text: text.into(),
        style,
    };
    // A gutter in red and text beside it, on every row.
    let frame: Frame = (0..H)
        .flat_map(|y| [put(0, y, "│", red), put(2, y, "text", Style::new())])
        .collect();
    let (bytes, screen, want) = run(std::slice::from_ref(&frame), MAX_GAP, false);
    assert_eq!(screen, want);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("\x1b[31m").count(), 1, "{text:?}");
    let (in_rows, _, _) = run_with(&[frame], MAX_GAP, false, false);
    assert!(bytes.len() < in_rows.len());
}

#[test]
fn a_long_stretch_of_coloured_spaces_is_erased_in_its_colour() {
    let pane = Style::new().bg(Color::Rgb(40, 44, 52));
    let underlined = pane.add_modifier(Modifier::UNDERLINED);
    let row = |y, style| Put {
        x: 0,
        y,
        text: format!("code{}", " ".repeat(30)),
        style,
    };
    let frame: Frame = vec![row(0, pane), row(1, underlined)];
    let (bytes, screen, want) = run(std::slice::from_ref(&frame), MAX_GAP, false);
    assert_eq!(screen, want);
    assert_eq!(screen, run_crossterm(std::slice::from_ref(&frame), false));
    let text = String::from_utf8_lossy(&bytes);
    // The plain pane's spaces are one erase; an erase would drop the underline.
    assert_eq!(text.matches("\x1b[30X").count(), 1, "{text:?}");
    let size = Size::new(W, H);
    let out = Shared::default();
    let backend = FrameBackend::with_size(out.clone(), size).without_erase_chars();
    let mut terminal = Terminal::new(backend).expect("terminal");
    terminal
        .draw(|f| paint(&frame, f.buffer_mut()))
        .expect("draw");
    assert!(!String::from_utf8_lossy(&out.0.borrow()).contains('X'));
}

#[test]
fn spaces_are_erased_from_four_ending_a_run_and_eight_inside_one() {
    let marked = Style::new()
        .bg(Color::Rgb(80, 40, 44))
        .add_modifier(Modifier::BOLD);
    let struck = marked.add_modifier(Modifier::CROSSED_OUT);
    let put = |y, text: &str, style| Put {
        x: 0,
        y,
        text: text.into(),
        style,
    };
    let bar = |y| Put {
        x: 20,
        y,
        text: "|".into(),
        style: Style::new(),
    };
    let frame: Frame = vec![
        // A bold pen makes no mark on a space: its 4 trailing ones are erased.
        put(0, "tail    ", marked),
        bar(0),
        // Inside a run, 5 spaces are written and 8 are erased.
        put(1, "a     b", marked),
        put(2, "c        d", marked),
        // A struck-through space is never erased.
        put(3, "e       ", struck),
        bar(3),
    ];
    let (bytes, screen, want) = run(std::slice::from_ref(&frame), MAX_GAP, false);
    assert_eq!(screen, want);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("\x1b[4X").count(), 1, "{text:?}");
    assert!(text.contains("a     b"), "{text:?}");
    assert_eq!(text.matches("\x1b[8X").count(), 1, "{text:?}");
    assert!(text.contains("e       "), "{text:?}");
}

#[test]
fn only_terminals_known_to_erase_in_colour_get_erases() {
    assert!(erases_in_colour(Some("xterm-256color"), false));
    assert!(erases_in_colour(Some("screen-256color"), true));
    assert!(!erases_in_colour(Some("screen-256color"), false));
    assert!(!erases_in_colour(Some("dumb"), false));
    assert!(!erases_in_colour(None, false));
}

#[test]
fn the_cursor_is_hidden_once_until_a_clear() {
    let frames = [prose("one"), prose("two"), prose("three")];
    let (bytes, _, _) = run(&frames, MAX_GAP, false);
    assert_eq!(
        String::from_utf8_lossy(&bytes).matches("\x1b[?25l").count(),
        1
    );
    let (bytes, _, _) = run(&frames, MAX_GAP, true);
    assert_eq!(
        String::from_utf8_lossy(&bytes).matches("\x1b[?25l").count(),
        2
    );
}
