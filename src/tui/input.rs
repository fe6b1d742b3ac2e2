//! Converts crossterm events into our [`Input`]s. Only key presses count, never releases.

use crate::keymap::{Key, KeyChord};
use crate::state::Input;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Converts a key event, or returns `None` for releases and keys dossier does not use.
pub fn chord_of(event: KeyEvent) -> Option<KeyChord> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let shift = event.modifiers.contains(KeyModifiers::SHIFT);
    let key = match event.code {
        KeyCode::Char(c) if ctrl => Key::Char(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if shift => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Insert => Key::Insert,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(KeyChord { key, ctrl, alt })
}

/// Converts any terminal event dossier reacts to.
pub fn input_of(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) => chord_of(key).map(Input::Key),
        Event::Resize(w, h) => Some(Input::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Input::Wheel {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Input::Wheel {
                col: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click {
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Paste(text) => Some(Input::Paste(text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn ev(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn releases_are_ignored_and_shift_is_folded() {
        assert_eq!(
            chord_of(ev(
                KeyCode::Char('j'),
                KeyModifiers::NONE,
                KeyEventKind::Release
            )),
            None
        );
        assert_eq!(
            chord_of(ev(
                KeyCode::Char('G'),
                KeyModifiers::SHIFT,
                KeyEventKind::Press
            )),
            Some(KeyChord::char('G'))
        );
        assert_eq!(
            chord_of(ev(KeyCode::Tab, KeyModifiers::SHIFT, KeyEventKind::Press)),
            Some(KeyChord::plain(Key::BackTab))
        );
        assert_eq!(
            chord_of(ev(
                KeyCode::Char('D'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT,
                KeyEventKind::Press
            )),
            Some(KeyChord {
                key: Key::Char('d'),
                ctrl: true,
                alt: false
            })
        );
    }
}
