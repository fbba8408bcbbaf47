//! The grammars and themes, embedded as uncompressed syntect dumps (made
//! from syntect's defaults by the ignored test `regenerate_dumps`), loaded
//! once, lazily, on the first highlight.

use std::sync::LazyLock;
use std::time::{Duration, Instant};
use syntect::highlighting::ThemeSet;
use syntect::parsing::SyntaxSet;

static SYNTAX_DUMP: &[u8] = include_bytes!("syntaxes.bin");
static THEME_DUMP: &[u8] = include_bytes!("themes.bin");

static SYNTAXES: LazyLock<Option<SyntaxSet>> =
    LazyLock::new(|| syntect::dumps::from_uncompressed_data(SYNTAX_DUMP).ok());
static THEMES: LazyLock<Option<ThemeSet>> =
    LazyLock::new(|| syntect::dumps::from_uncompressed_data(THEME_DUMP).ok());

/// The grammars (`None` only if the embedded dump were corrupt).
pub fn syntaxes() -> Option<&'static SyntaxSet> {
    SYNTAXES.as_ref()
}

/// The themes the app uses.
pub fn themes() -> Option<&'static ThemeSet> {
    THEMES.as_ref()
}

/// How long decoding both embedded dumps takes (a fresh decode, for benches).
pub fn load_time() -> Duration {
    let start = Instant::now();
    let s: Option<SyntaxSet> = syntect::dumps::from_uncompressed_data(SYNTAX_DUMP).ok();
    let t: Option<ThemeSet> = syntect::dumps::from_uncompressed_data(THEME_DUMP).ok();
    let elapsed = start.elapsed();
    drop((s, t));
    elapsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{Theme, ThemeName};

    /// Rewrites the embedded dumps from syntect's defaults:
    /// `cargo test --lib regenerate_dumps -- --ignored`.
    #[test]
    #[ignore]
    fn regenerate_dumps() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/highlight/");
        let set = SyntaxSet::load_defaults_newlines();
        syntect::dumps::dump_to_uncompressed_file(&set, format!("{dir}syntaxes.bin")).unwrap();
        let all = ThemeSet::load_defaults();
        let mut used = ThemeSet::new();
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
            let key = Theme::new(name, true).syntax_theme_name();
            used.themes.insert(key.to_owned(), all.themes[key].clone());
        }
        syntect::dumps::dump_to_uncompressed_file(&used, format!("{dir}themes.bin")).unwrap();
    }

    #[test]
    fn embedded_dumps_load_with_every_app_theme() {
        let set = syntaxes().expect("syntax dump");
        assert!(set.find_syntax_by_token("js").is_some());
        let themes = themes().expect("theme dump");
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
            assert!(themes
                .themes
                .contains_key(Theme::new(name, true).syntax_theme_name()));
        }
    }
}
