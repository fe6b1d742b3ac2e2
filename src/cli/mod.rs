//! The binary's commands, one module each: `args` is what clap parses, `setup` what every
//! command prepares (directories, configuration, keymap, the corpus through the one loading
//! pipeline), and each other module runs one command by calling into the library.

pub mod args;
pub mod config;
pub mod export;
pub mod extract;
pub mod find;
pub mod generate;
pub mod help;
pub mod import;
pub mod index;
pub mod logging;
pub mod open;
pub mod render;
pub mod report;
pub mod setup;
pub mod team;
