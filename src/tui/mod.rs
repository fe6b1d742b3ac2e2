//! The terminal layer, and the only module that imports ratatui or crossterm: the event loop,
//! input conversion, views, styles and headless rendering.

pub mod headless;
pub mod input;
pub mod run;
pub mod scroll;
pub mod theme;
pub mod view;
