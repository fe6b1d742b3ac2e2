//! dossier: a keyboard-driven terminal reader for news and analysis articles.
//!
//! The library holds everything testable. Core modules (`model`, `ingest`, `dates`, `extract`,
//! `index` (the loading pipeline: workers, cache, snapshot), `corpus` (the analysed corpus and
//! the cross-article analyses: compare, timeline, entity index, sources), `search`, `reflow`,
//! `keymap`, `action`, `state`, `store`, `export`, `clipboard`, `colors`, `background`,
//! `sanitize`) never import the terminal crates; only `tui` does.

pub mod action;
pub mod background;
pub mod clipboard;
pub mod colors;
pub mod corpus;
pub mod dates;
pub mod editor;
pub mod export;
pub mod extract;
pub mod highlight;
pub mod index;
pub mod ingest;
pub mod keymap;
pub mod model;
pub mod reflow;
pub mod sanitize;
pub mod search;
pub mod session;
pub mod state;
pub mod store;
pub mod team;
pub mod tui;
