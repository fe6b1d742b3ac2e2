//! Subcommands of the binary that have their own file: each parses nothing itself (clap does
//! that in `main.rs`) and calls into the library.

pub mod config;
pub mod export;
pub mod generate;
pub mod help;
pub mod import;
pub mod logging;
pub mod open;
