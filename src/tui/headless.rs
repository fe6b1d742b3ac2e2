//! Headless rendering: runs the same state and views on ratatui's `TestBackend`, feeds a key
//! script, and returns the final screen as plain text (for `dossier render` and tests).

use crate::keymap::KeyChord;
use crate::session::{Session, settle};
use crate::state::{AppState, Effect, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Resizes `state` to `size`, feeds `keys` (stopping at a quit), draws once and returns the
/// buffer.
pub fn render_buffer(state: &mut AppState, size: (u16, u16), keys: &[KeyChord]) -> Buffer {
    render_buffer_with(state, &mut Session::open(None, state.clock), size, keys)
}

/// Like [`render_buffer`], carrying out storage effects (bookmarks, notes, positions) in
/// `session`, so that a key script can change saved data.
pub fn render_buffer_with(
    state: &mut AppState,
    session: &mut Session,
    size: (u16, u16),
    keys: &[KeyChord],
) -> Buffer {
    let effects = state.handle(Input::Resize(size.0, size.1));
    settle(state, session, effects);
    for chord in keys {
        let effects = state.handle(Input::Key(*chord));
        let rest = settle(state, session, effects);
        for effect in rest {
            if let Effect::EditExternally { id, .. } = effect {
                let result = Err("no terminal for $EDITOR in headless rendering".to_string());
                let effects = state.handle(Input::ExternalEdit { id, result });
                settle(state, session, effects);
            } else if effect == Effect::Quit {
                return draw(state, size);
            }
        }
    }
    draw(state, size)
}

fn draw(state: &AppState, size: (u16, u16)) -> Buffer {
    // The test backend cannot fail: its error type is `Infallible`.
    let mut terminal = match Terminal::new(TestBackend::new(size.0, size.1)) {
        Ok(t) => t,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|frame| crate::tui::view::draw(state, frame)) {
        match never {}
    }
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            let sym = cell.symbol();
            line.push_str(sym);
            // A wide character covers the next cell, which holds an empty symbol.
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders the final screen after `keys` as plain text.
pub fn render_text(state: &mut AppState, size: (u16, u16), keys: &[KeyChord]) -> String {
    buffer_text(&render_buffer(state, size, keys))
}
