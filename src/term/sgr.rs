//! Select Graphic Rendition: the pen (colours and attributes) a cell is
//! drawn with, and the shortest single escape sequence that changes the
//! terminal's pen from one to another.
//!
//! crossterm writes one sequence per attribute and always both colours;
//! here one change is one sequence (`ESC [ 1 ; 38;2;r;g;b m`), holding only
//! what differs, or a reset followed by the new pen when that is shorter.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// Everything about how a cell looks except its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    /// A ratatui style as a pen (unset colours are the terminal's own).
    pub fn from_style(style: ratatui::style::Style) -> Pen {
        Pen {
            fg: style.fg.unwrap_or(Color::Reset),
            bg: style.bg.unwrap_or(Color::Reset),
            underline: style.underline_color.unwrap_or(Color::Reset),
            modifier: style.add_modifier,
        }
    }

    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Attributes in SGR order: (modifier, code to set it).
const SET: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// Appends the sequence that changes the terminal's pen from `from` to
/// `to` (nothing when they are equal).
pub fn change(from: &Pen, to: &Pen, out: &mut Vec<u8>) {
    if from == to {
        return;
    }
    let mut by_diff = Vec::new();
    params_diff(from, to, &mut by_diff);
    let mut by_reset = vec!["0".to_owned()];
    params_diff(&Pen::default(), to, &mut by_reset);
    let params = if joined_len(&by_reset) < joined_len(&by_diff) {
        by_reset
    } else {
        by_diff
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(params.join(";").as_bytes());
    out.push(b'm');
}

/// The parameters that set `pen` on a terminal in its default state, as
/// in `1;38;2;1;2;3` (empty: nothing to set).
pub fn params_from_default(pen: &Pen) -> String {
    let mut params = Vec::new();
    params_diff(&Pen::default(), pen, &mut params);
    params.join(";")
}

fn joined_len(params: &[String]) -> usize {
    params.iter().map(String::len).sum::<usize>() + params.len()
}

fn params_diff(from: &Pen, to: &Pen, params: &mut Vec<String>) {
    modifier_params(from.modifier, to.modifier, params);
    if from.fg != to.fg {
        params.push(color(to.fg, Layer::Fg));
    }
    if from.bg != to.bg {
        params.push(color(to.bg, Layer::Bg));
    }
    if from.underline != to.underline {
        params.push(color(to.underline, Layer::Underline));
    }
}

/// Bold and dim share one "normal intensity" reset (22), so removing
/// either re-adds the other when it stays; the blinks share 25.
fn modifier_params(from: Modifier, to: Modifier, params: &mut Vec<String>) {
    let removed = from - to;
    let mut readd = Modifier::empty();
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        params.push("22".into());
        readd |= to & (Modifier::BOLD | Modifier::DIM);
    }
    if removed.contains(Modifier::ITALIC) {
        params.push("23".into());
    }
    if removed.contains(Modifier::UNDERLINED) {
        params.push("24".into());
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        params.push("25".into());
        readd |= to & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    if removed.contains(Modifier::REVERSED) {
        params.push("27".into());
    }
    if removed.contains(Modifier::HIDDEN) {
        params.push("28".into());
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        params.push("29".into());
    }
    let added = (to - from) | readd;
    for (modifier, code) in SET {
        if added.contains(modifier) {
            params.push(code.into());
        }
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

fn color(color: Color, layer: Layer) -> String {
    let (reset, extended) = match layer {
        Layer::Fg => ("39", "38"),
        Layer::Bg => ("49", "48"),
        Layer::Underline => ("59", "58"),
    };
    match (color, named_index(color)) {
        (Color::Reset, _) => reset.to_owned(),
        (Color::Rgb(r, g, b), _) => format!("{extended};2;{r};{g};{b}"),
        (Color::Indexed(i), _) => format!("{extended};5;{i}"),
        (_, Some(i)) => match layer {
            Layer::Fg if i < 8 => (30 + i).to_string(),
            Layer::Fg => (90 + i - 8).to_string(),
            Layer::Bg if i < 8 => (40 + i).to_string(),
            Layer::Bg => (100 + i - 8).to_string(),
            Layer::Underline => format!("58;5;{i}"),
        },
        (_, None) => reset.to_owned(),
    }
}

/// The 16 named colours as palette indices (ratatui's `Gray` is 7, its
/// `White` 15, as crossterm maps them).
fn named_index(color: Color) -> Option<u8> {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    named
        .iter()
        .position(|&c| c == color)
        .and_then(|i| u8::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: Pen, to: Pen) -> String {
        let mut out = Vec::new();
        change(&from, &to, &mut out);
        String::from_utf8(out).expect("ascii").replace('\x1b', "^")
    }

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            bg,
            modifier,
            ..Pen::default()
        }
    }

    #[test]
    fn only_what_changed_in_one_sequence() {
        let code = pen(
            Color::Rgb(1, 2, 3),
            Color::Rgb(40, 44, 52),
            Modifier::empty(),
        );
        let gutter = pen(
            Color::Rgb(9, 9, 9),
            Color::Rgb(40, 44, 52),
            Modifier::empty(),
        );
        assert_eq!(seq(code, gutter), "^[38;2;9;9;9m");
        let bold_red = pen(Color::Red, Color::Reset, Modifier::BOLD);
        assert_eq!(seq(Pen::default(), bold_red), "^[1;31m");
        assert_eq!(seq(Pen::default(), Pen::default()), "");
    }

    #[test]
    fn back_to_default_is_a_reset() {
        let busy = pen(
            Color::Rgb(1, 2, 3),
            Color::Blue,
            Modifier::BOLD | Modifier::ITALIC,
        );
        assert_eq!(seq(busy, Pen::default()), "^[0m");
    }

    #[test]
    fn removing_bold_keeps_dim() {
        let grey = Color::Rgb(130, 130, 140);
        let both = pen(grey, Color::Reset, Modifier::BOLD | Modifier::DIM);
        let dim = pen(grey, Color::Reset, Modifier::DIM);
        assert_eq!(seq(both, dim), "^[22;2m");
        // Without colours to restore, a reset is shorter.
        let both = pen(Color::Reset, Color::Reset, Modifier::BOLD | Modifier::DIM);
        let dim = pen(Color::Reset, Color::Reset, Modifier::DIM);
        assert_eq!(seq(both, dim), "^[0;2m");
    }

    #[test]
    fn named_and_indexed_colours() {
        let p = pen(Color::White, Color::DarkGray, Modifier::empty());
        assert_eq!(seq(Pen::default(), p), "^[97;100m");
        let p = pen(Color::Indexed(200), Color::Gray, Modifier::empty());
        assert_eq!(seq(Pen::default(), p), "^[38;5;200;47m");
        let under = Pen {
            underline: Color::Rgb(1, 1, 1),
            ..Pen::default()
        };
        assert_eq!(seq(Pen::default(), under), "^[58;2;1;1;1m");
    }
}
