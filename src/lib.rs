//! dossier: a keyboard-driven terminal reader for news and analysis articles.
//!
//! The library holds everything testable. Core modules (`model`, `ingest`, `dates`, `extract`,
//! `reflow`, `search`, `keymap`, `action`, `state`) never import the terminal crates; only `tui` does.

pub mod action;
pub mod dates;
pub mod ingest;
pub mod keymap;
pub mod model;
pub mod reflow;
pub mod search;
pub mod state;
pub mod tui;
