//! Projector mode (`present`) and its speaker-notes follower (`present --notes`).
//!
//! Pure parts: [`slides`] (lessons → slides), [`state`] (navigation `update`),
//! the views ([`view`], [`notes_view`], [`poll`]) and [`overflow`] (the
//! `validate` warning). Edges: [`socket`] (the notes transport),
//! [`terminal`] and [`app`] (event loops).

pub mod app;
pub mod big;
pub mod keys;
pub mod load;
pub mod notes_view;
pub mod overflow;
pub mod plan;
pub mod poll;
pub mod protocol;
pub mod render;
pub mod slides;
pub mod socket;
pub mod state;
pub mod terminal;
pub mod view;
