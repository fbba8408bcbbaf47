//! Every colour and text attribute the app uses, in one place (ratatui demo2
//! style). Layout and views ask the theme for a *role* (`heading(1)`,
//! `code_marked`, ...) and never build colours themselves.
//!
//! With `NO_COLOR` (or [`Theme::no_color`]) every role keeps only attributes
//! (bold, underline, reversed), so meaning never rests on colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

/// Resolved styles for one theme. Cheap to copy; compare by `name` + `color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Theme {
    pub name: ThemeName,
    /// False under `NO_COLOR`: attributes only.
    pub color: bool,
    palette: Palette,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Palette {
    /// Body text. `Reset` (the terminal's own colour) in the dark and light
    /// themes: readable whatever the terminal's palette, and a cell in the
    /// default colours costs no escape sequence at all, so a frame of mostly
    /// prose is a few kilobytes instead of dozens (see `benches/startup.rs`).
    fg: Color,
    /// Text on the coloured status bar, which needs a fixed contrast.
    bar_fg: Color,
    bg: Color,
    dim: Color,
    accent: Color,
    heading: [Color; 3],
    code_bg: Color,
    code_fg: Color,
    good: Color,
    bad: Color,
    warn: Color,
    link: Color,
    selection_bg: Color,
    marked_bg: Color,
}

const DARK: Palette = Palette {
    fg: Color::Reset,
    bar_fg: Color::Rgb(220, 220, 220),
    bg: Color::Reset,
    dim: Color::Rgb(130, 130, 140),
    accent: Color::Rgb(97, 175, 239),
    heading: [
        Color::Rgb(229, 192, 123),
        Color::Rgb(97, 175, 239),
        Color::Rgb(198, 120, 221),
    ],
    code_bg: Color::Rgb(40, 44, 52),
    code_fg: Color::Rgb(220, 223, 228),
    good: Color::Rgb(152, 195, 121),
    bad: Color::Rgb(224, 108, 117),
    warn: Color::Rgb(229, 192, 123),
    link: Color::Rgb(86, 182, 194),
    selection_bg: Color::Rgb(62, 68, 81),
    marked_bg: Color::Rgb(80, 40, 44),
};

const LIGHT: Palette = Palette {
    fg: Color::Reset,
    bar_fg: Color::Rgb(40, 40, 40),
    bg: Color::Reset,
    dim: Color::Rgb(110, 110, 120),
    accent: Color::Rgb(0, 92, 197),
    heading: [
        Color::Rgb(155, 80, 0),
        Color::Rgb(0, 92, 197),
        Color::Rgb(130, 40, 160),
    ],
    code_bg: Color::Rgb(244, 244, 246),
    code_fg: Color::Rgb(36, 41, 46),
    good: Color::Rgb(20, 120, 40),
    bad: Color::Rgb(190, 30, 45),
    warn: Color::Rgb(150, 90, 0),
    link: Color::Rgb(0, 100, 140),
    selection_bg: Color::Rgb(210, 225, 245),
    marked_bg: Color::Rgb(255, 220, 220),
};

const HIGH_CONTRAST: Palette = Palette {
    fg: Color::White,
    bar_fg: Color::White,
    bg: Color::Black,
    dim: Color::Gray,
    accent: Color::LightCyan,
    heading: [Color::LightYellow, Color::LightCyan, Color::White],
    code_bg: Color::Black,
    code_fg: Color::White,
    good: Color::LightGreen,
    bad: Color::LightRed,
    warn: Color::LightYellow,
    link: Color::LightCyan,
    selection_bg: Color::Blue,
    marked_bg: Color::Red,
};

impl Theme {
    pub fn new(name: ThemeName, color: bool) -> Self {
        let palette = match name {
            ThemeName::Dark => DARK,
            ThemeName::Light => LIGHT,
            ThemeName::HighContrast => HIGH_CONTRAST,
        };
        Theme {
            name,
            color,
            palette,
        }
    }

    /// A theme that honours the `NO_COLOR` convention (set and non-empty: no colour).
    pub fn from_env(name: ThemeName) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(name, !no_color)
    }

    pub fn no_color(name: ThemeName) -> Self {
        Theme::new(name, false)
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    fn bg(&self, s: Style, c: Color) -> Style {
        if self.color {
            s.bg(c)
        } else {
            s
        }
    }

    /// The base style of the whole screen.
    pub fn base(&self) -> Style {
        self.bg(self.fg(self.palette.fg), self.palette.bg)
    }
    pub fn text(&self) -> Style {
        self.fg(self.palette.fg)
    }
    pub fn dim(&self) -> Style {
        self.fg(self.palette.dim)
    }
    pub fn accent(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }
    /// Headings: every level has distinct attributes (1 bold-underlined,
    /// 2 bold, 3 bold-italic, 4 italic-underlined, 5 italic, 6 italic-dim);
    /// layout adds rules and prefixes so they differ without colour.
    pub fn heading(&self, level: u8) -> Style {
        let i = usize::from(level.clamp(1, 3) - 1);
        let s = self.fg(self.palette.heading[i]);
        s.add_modifier(match level {
            0 | 1 => Modifier::BOLD | Modifier::UNDERLINED,
            2 => Modifier::BOLD,
            3 => Modifier::BOLD | Modifier::ITALIC,
            4 => Modifier::ITALIC | Modifier::UNDERLINED,
            5 => Modifier::ITALIC,
            _ => Modifier::ITALIC | Modifier::DIM,
        })
    }
    pub fn emphasis(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn strikethrough(&self) -> Style {
        Style::new().add_modifier(Modifier::CROSSED_OUT)
    }
    pub fn inline_code(&self) -> Style {
        self.bg(self.fg(self.palette.warn), self.palette.code_bg)
    }
    pub fn link(&self) -> Style {
        self.fg(self.palette.link)
            .add_modifier(Modifier::UNDERLINED)
    }
    pub fn code(&self) -> Style {
        self.bg(self.fg(self.palette.code_fg), self.palette.code_bg)
    }
    pub fn code_gutter(&self) -> Style {
        self.bg(self.fg(self.palette.dim), self.palette.code_bg)
    }
    /// A line a comparison or answer marks as failing: background plus bold.
    pub fn code_marked(&self) -> Style {
        self.bg(self.fg(self.palette.code_fg), self.palette.marked_bg)
            .add_modifier(Modifier::BOLD)
    }
    pub fn good(&self) -> Style {
        self.fg(self.palette.good).add_modifier(Modifier::BOLD)
    }
    pub fn bad(&self) -> Style {
        self.fg(self.palette.bad).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        self.fg(self.palette.warn).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        self.fg(self.palette.dim)
    }
    pub fn quote(&self) -> Style {
        self.fg(self.palette.dim).add_modifier(Modifier::ITALIC)
    }
    /// The focused row of a list (sidebar, options): reversed without colour.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new()
                .bg(self.palette.selection_bg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
    /// A search match.
    pub fn search_match(&self) -> Style {
        if self.color {
            Style::new().bg(self.palette.warn).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }
    pub fn status_bar(&self) -> Style {
        if self.color {
            Style::new()
                .bg(self.palette.selection_bg)
                .fg(self.palette.bar_fg)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// The syntect theme that matches this app theme.
    pub fn syntax_theme_name(&self) -> &'static str {
        match self.name {
            ThemeName::Dark => "base16-ocean.dark",
            ThemeName::Light => "InspiredGitHub",
            ThemeName::HighContrast => "base16-eighties.dark",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_has_no_colours_anywhere() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
            let t = Theme::no_color(name);
            for s in [
                t.heading(1),
                t.code(),
                t.code_marked(),
                t.good(),
                t.bad(),
                t.selected(),
                t.link(),
            ] {
                assert_eq!(s.fg, None);
                assert_eq!(s.bg, None);
            }
        }
    }

    #[test]
    fn heading_levels_differ_without_colour() {
        let t = Theme::no_color(ThemeName::Dark);
        for a in 1..=6 {
            for b in (a + 1)..=6 {
                assert_ne!(t.heading(a), t.heading(b), "{a} vs {b}");
            }
        }
    }
}
