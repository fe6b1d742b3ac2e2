//! `dossier render`: the reader run headless, its last screen printed as text or ANSI.

use super::args::Common;
use super::setup::{Loading, Setup, setup};
use crate::warn;
use anyhow::{Context, Result};
use dossier::keymap::parse_sequence;
use dossier::tui;
use std::path::PathBuf;

/// Presses `keys` (keymap syntax, space-separated) in a `size` screen and prints the result.
pub(crate) fn run(
    size: (u16, u16),
    keys: &str,
    ansi: bool,
    paths: &[PathBuf],
    common: &Common,
) -> Result<()> {
    let keys = if keys.trim().is_empty() {
        Vec::new()
    } else {
        parse_sequence(keys).with_context(|| format!("in --keys \"{keys}\""))?
    };
    let Setup {
        mut state,
        mut session,
        warnings,
        start,
        ..
    } = setup(paths, common, Loading::Wait)?;
    // The first fetches from the team server (`--published`), to the end before any key.
    tui::headless::run_jobs(&mut state, start);
    for w in &warnings {
        warn(w);
    }
    let buffer = tui::headless::render_buffer_with(&mut state, &mut session, size, &keys);
    if ansi {
        print!("{}", tui::headless::buffer_ansi(&buffer));
    } else {
        print!("{}", tui::headless::buffer_text(&buffer));
    }
    Ok(())
}
