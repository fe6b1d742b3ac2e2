//! dossier: a keyboard-driven terminal reader for news and analysis articles.
//!
//! The library holds everything testable. Core modules (`model`, `ingest`, `extract`, `reflow`,
//! `keymap`, `action`, `state`) never import the terminal crates; only `tui` does.

pub mod dates;
pub mod extract;
pub mod ingest;
pub mod model;
