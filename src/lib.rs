//! serverless-tutor: an interactive terminal tutorial that teaches serverless
//! architecture.
//!
//! Data flows one way:
//! course files (embedded or a directory) → [`content`] (parsed model) →
//! `layout` (lines for a width) → views. Input becomes a message, a pure
//! `update` changes state and returns effects, and disk I/O happens at the
//! edges ([`commands`], [`persist`]).

pub mod app;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod highlight;
pub mod keymap;
pub mod layout;
pub mod persist;
pub mod present;
pub mod quiz;
pub mod term;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod watch;
