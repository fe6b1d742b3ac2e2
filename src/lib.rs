//! dossier: a keyboard-driven terminal reader for news and analysis articles.
//!
//! The library holds everything testable. Core modules (`model`, `ingest`, `dates`, `extract`,
//! `reflow`, `search`, `keymap`, `action`, `state`, `store`, `export`, `clipboard`, `corpus`,
//! `entity_index`, `compare`, `timeline`, `cache`, `snapshot`, `index`, `colors`, `background`,
//! `sanitize`) never import the terminal crates; only `tui` does.

pub mod action;
pub mod background;
pub mod cache;
pub mod clipboard;
pub mod colors;
pub mod compare;
pub mod corpus;
pub mod dates;
pub mod editor;
pub mod entity_index;
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
pub mod snapshot;
pub mod sources;
pub mod state;
pub mod store;
pub mod team;
pub mod timeline;
pub mod tui;
