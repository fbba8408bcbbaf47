//! User configuration (`config.toml` in the platform config directory) and
//! the data directory. A missing or broken config file never stops the app:
//! it falls back to defaults (a broken file is reported on stderr once).

use crate::theme::ThemeName;
use anyhow::Context;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Default theme.
    pub theme: Option<ThemeName>,
    /// The learner's name for exports.
    pub name: Option<String>,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "serverless-tutor")
}

impl Config {
    /// `config.toml` from the platform config dir (or `SERVERLESS_TUTOR_CONFIG`).
    pub fn load() -> Config {
        let path = std::env::var_os("SERVERLESS_TUTOR_CONFIG")
            .map(PathBuf::from)
            .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")));
        let Some(path) = path else {
            return Config::default();
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).unwrap_or_else(|e| {
                eprintln!(
                    "serverless-tutor: warning: {}: {e}; using defaults",
                    path.display()
                );
                Config::default()
            }),
            Err(_) => Config::default(),
        }
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.message().to_owned())
    }
}

/// The data directory: `--data-dir`/`SERVERLESS_TUTOR_DATA_DIR`, else the platform's.
pub fn data_dir(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    match explicit {
        Some(p) => Ok(p.to_owned()),
        None => project_dirs()
            .map(|d| d.data_dir().to_owned())
            .context("cannot find a data directory (no home directory?); pass --data-dir DIR"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_parses_theme_and_name() {
        let c = Config::parse("theme = \"light\"\nname = \"Ada\"").unwrap();
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.name.as_deref(), Some("Ada"));
        assert!(Config::parse("colour = 1").is_err());
    }
}
