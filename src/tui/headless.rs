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
            // Views defuse what they draw; this keeps a missed path off the terminal too.
            line.push_str(&crate::sanitize::defuse_line(sym));
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

/// SGR parameters for a ratatui colour as foreground (`base` 30) or background (`base` 40).
fn sgr_color(color: ratatui::style::Color, base: u8) -> Option<String> {
    use ratatui::style::Color;
    let (n, bright) = match color {
        Color::Reset => return None,
        Color::Black => (0, false),
        Color::Red => (1, false),
        Color::Green => (2, false),
        Color::Yellow => (3, false),
        Color::Blue => (4, false),
        Color::Magenta => (5, false),
        Color::Cyan => (6, false),
        Color::Gray => (7, false),
        Color::DarkGray => (0, true),
        Color::LightRed => (1, true),
        Color::LightGreen => (2, true),
        Color::LightYellow => (3, true),
        Color::LightBlue => (4, true),
        Color::LightMagenta => (5, true),
        Color::LightCyan => (6, true),
        Color::White => (7, true),
        Color::Indexed(i) => return Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => return Some(format!("{};2;{r};{g};{b}", base + 8)),
    };
    Some(format!("{}", if bright { base + 60 + n } else { base + n }))
}

/// The buffer as text with ANSI SGR escapes for colours and modifiers, one line per row, each
/// row ending with a reset. What a terminal would show, for tests and for `render --ansi`.
pub fn buffer_ansi(buffer: &Buffer) -> String {
    use ratatui::style::Modifier;
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut current: Option<String> = None;
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            let mut params = vec!["0".to_string()];
            for (m, code) in [
                (Modifier::BOLD, "1"),
                (Modifier::DIM, "2"),
                (Modifier::ITALIC, "3"),
                (Modifier::UNDERLINED, "4"),
                (Modifier::REVERSED, "7"),
                (Modifier::CROSSED_OUT, "9"),
            ] {
                if cell.modifier.contains(m) {
                    params.push(code.to_string());
                }
            }
            params.extend(sgr_color(cell.fg, 30));
            params.extend(sgr_color(cell.bg, 40));
            let sgr = format!("\u{1b}[{}m", params.join(";"));
            if current.as_deref() != Some(sgr.as_str()) {
                out.push_str(&sgr);
                current = Some(sgr);
            }
            let sym = cell.symbol();
            out.push_str(&crate::sanitize::defuse_line(sym));
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str("\u{1b}[0m\n");
    }
    out
}
