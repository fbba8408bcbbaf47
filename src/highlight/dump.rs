//! The grammars and themes, embedded as uncompressed syntect dumps and
//! loaded once, lazily, on the first highlight. The grammars are syntect's
//! own default dump (`default_newlines.packdump`, already uncompressed: the
//! per-syntax contexts inside are compressed and decoded only when a syntax
//! is first used). The themes are the three the app uses, dumped
//! uncompressed by the ignored test `regenerate_dumps` (syntect's default
//! theme dump is compressed and holds seven).

use std::sync::LazyLock;
use std::time::{Duration, Instant};
use syntect::highlighting::ThemeSet;
use syntect::parsing::SyntaxSet;

static THEME_DUMP: &[u8] = include_bytes!("themes.bin");

static SYNTAXES: LazyLock<Option<SyntaxSet>> =
    LazyLock::new(|| Some(SyntaxSet::load_defaults_newlines()));
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

/// How long decoding the embedded dumps takes, fresh: (grammars, themes).
pub fn load_time() -> (Duration, Duration) {
    let start = Instant::now();
    let s = SyntaxSet::load_defaults_newlines();
    let syntaxes = start.elapsed();
    let start = Instant::now();
    let t: Option<ThemeSet> = syntect::dumps::from_uncompressed_data(THEME_DUMP).ok();
    let themes = start.elapsed();
    drop((s, t));
    (syntaxes, themes)
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
