//! Syntax highlighting with syntect: grammars and themes loaded lazily (never
//! on the startup path) from uncompressed dumps embedded in the binary, results cached
//! per code block (language + code + theme), syntect styles mapped straight
//! to ratatui styles.
//!
//! Language names are resolved through a small alias table first: syntect's
//! default set has no TypeScript, JSX or TOML grammar, so `ts`/`tsx`/`jsx`
//! use the JavaScript grammar (type annotations are coloured as plain
//! JavaScript would be) and `toml` uses the Java Properties grammar
//! (`key = value`, `#` comments). Blocks over [`MAX_LINES`] lines or
//! [`MAX_BYTES`] bytes are not highlighted, so a pathological case cannot hang.

mod cache;
mod dump;

use crate::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use std::sync::Arc;
use syntect::easy::HighlightLines;
use syntect::highlighting::FontStyle;
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

pub use dump::{load_time, syntaxes, themes};

pub const MAX_LINES: usize = 2_000;
pub const MAX_BYTES: usize = 200 * 1024;

/// One highlighted line: styled runs, no trailing newline.
pub type StyledLine = Vec<(Style, String)>;

#[derive(Debug, thiserror::Error)]
pub enum HighlightError {
    #[error("the embedded syntax dump is unreadable: {0}")]
    Dump(String),
    #[error("highlighting failed: {0}")]
    Syntect(#[from] syntect::Error),
}

/// The syntect token for a course language name (`None`: plain text).
fn token(lang: &str) -> Option<&str> {
    let lower = lang.trim();
    Some(match lower.to_ascii_lowercase().as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" | "none" | "console" | "output" => return None,
        "js" | "javascript" | "jsx" | "mjs" | "cjs" | "ts" | "typescript" | "tsx" | "mts"
        | "cts" | "node" => "js",
        "json" | "jsonc" | "json5" => "json",
        "toml" | "ini" | "env" | "dotenv" => "properties",
        "yaml" | "yml" => "yaml",
        "bash" | "sh" | "shell" | "zsh" | "shell-session" => "bash",
        _ => return Some(lang),
    })
}

fn is_plain(lang: &str) -> bool {
    token(lang).is_none()
}

fn syntax_for(set: &SyntaxSet, lang: &str) -> Option<SyntaxReference> {
    let tok = token(lang)?;
    set.find_syntax_by_token(tok)
        .or_else(|| set.find_syntax_by_name(lang))
        .cloned()
}

/// True when `lang` names a language the renderer knows (plain text included).
/// `validate` reports the others; they render as plain code.
pub fn resolves(lang: &str) -> bool {
    match token(lang) {
        None => true,
        // The alias table's targets are known to exist (tested below), so
        // course loading never pays for loading the grammars.
        Some(tok) if ALIAS_TARGETS.contains(&tok) => true,
        Some(_) => syntaxes().is_some_and(|set| syntax_for(set, lang).is_some()),
    }
}

/// Every token [`token`] maps an alias to.
const ALIAS_TARGETS: [&str; 5] = ["js", "json", "properties", "yaml", "bash"];

/// The highlighted lines of `code`, or `None` (plain code) when the theme has
/// no colour, the language is unknown, or the block is too big.
pub fn highlight(code: &str, lang: Option<&str>, theme: &Theme) -> Option<Arc<Vec<StyledLine>>> {
    let lang = lang?;
    if !theme.color || is_plain(lang) || code.len() > MAX_BYTES || code.lines().count() > MAX_LINES
    {
        return None;
    }
    let key = cache::Key::new(lang, code, theme);
    if let Some(hit) = cache::get(&key) {
        return Some(hit);
    }
    let lines = Arc::new(highlight_uncached(code, lang, theme).ok()??);
    cache::put(key, Arc::clone(&lines));
    Some(lines)
}

fn highlight_uncached(
    code: &str,
    lang: &str,
    theme: &Theme,
) -> Result<Option<Vec<StyledLine>>, HighlightError> {
    let Some(set) = syntaxes() else {
        return Ok(None);
    };
    let Some(syntax) = syntax_for(set, lang) else {
        return Ok(None);
    };
    let Some(syn_theme) = themes().and_then(|t| t.themes.get(theme.syntax_theme_name())) else {
        return Ok(None);
    };
    let mut hl = HighlightLines::new(&syntax, syn_theme);
    let mut out = Vec::new();
    for line in LinesWithEndings::from(code) {
        let ranges = hl.highlight_line(line, set)?;
        let styled = ranges
            .into_iter()
            .filter_map(|(style, text)| {
                let text = text.trim_end_matches(['\n', '\r']);
                (!text.is_empty()).then(|| (to_ratatui(style), text.to_owned()))
            })
            .collect();
        out.push(styled);
    }
    Ok(Some(out))
}

/// syntect style → ratatui style (foreground and attributes; the code
/// background comes from the app theme so blocks look alike).
pub fn to_ratatui(style: syntect::highlighting::Style) -> Style {
    let fg = style.foreground;
    let mut out = Style::new().fg(Color::Rgb(fg.r, fg.g, fg.b));
    if style.font_style.contains(FontStyle::BOLD) {
        out = out.add_modifier(Modifier::BOLD);
    }
    if style.font_style.contains(FontStyle::ITALIC) {
        out = out.add_modifier(Modifier::ITALIC);
    }
    if style.font_style.contains(FontStyle::UNDERLINE) {
        out = out.add_modifier(Modifier::UNDERLINED);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    #[test]
    fn alias_targets_exist_in_the_embedded_grammars() {
        let set = syntaxes().expect("embedded syntax dump loads");
        for tok in ALIAS_TARGETS {
            assert!(set.find_syntax_by_token(tok).is_some(), "{tok}");
        }
    }

    #[test]
    fn every_course_language_resolves() {
        for lang in [
            "js",
            "javascript",
            "ts",
            "typescript",
            "jsx",
            "tsx",
            "json",
            "toml",
            "yaml",
            "bash",
            "sh",
            "text",
        ] {
            assert!(resolves(lang), "{lang}");
        }
        assert!(!resolves("klingon"));
    }

    #[test]
    fn highlights_javascript_in_colour_and_caches_it() {
        let t = Theme::new(ThemeName::Dark, true);
        let code = "const x = require('express');\napp.listen(3000);";
        let a = highlight(code, Some("js"), &t).expect("highlighted");
        assert_eq!(a.len(), 2);
        let text: String = a[0].iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(text, "const x = require('express');");
        assert!(a[0].len() > 1, "several styles on the line");
        let b = highlight(code, Some("js"), &t).expect("cached");
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn no_colour_unknown_or_huge_means_plain() {
        let code = "let a = 1;";
        assert!(highlight(code, Some("js"), &Theme::no_color(ThemeName::Dark)).is_none());
        let t = Theme::new(ThemeName::Dark, true);
        assert!(highlight(code, Some("klingon"), &t).is_none());
        assert!(highlight(code, None, &t).is_none());
        let huge = "x;\n".repeat(MAX_LINES + 1);
        assert!(highlight(&huge, Some("js"), &t).is_none());
    }
}
