//! Leaving the reader without losing anything: quitting asks when changes could not be saved
//! (save again, write a rescue file, quit anyway), and a rescue file's path is kept to be printed
//! once the terminal is restored. Also pasted text, which only the note editor takes.

use super::{AppState, Effect, Overlay, Severity, StoreOp};
use crate::action::Action;
use crate::editor::Edit;
use crate::keymap::Section;

/// Most characters a single paste puts into a note.
pub const MAX_PASTE_CHARS: usize = 100_000;

impl AppState {
    /// Quitting: saves the reading position, then asks the store whether anything is left
    /// unsaved; [`super::Input::QuitCheck`] carries the answer and quits or asks.
    pub(crate) fn request_quit(&mut self) {
        self.save_position();
        self.flush_positions();
        self.emit(Effect::Store(StoreOp::CheckBeforeQuit));
    }

    /// Keys of the quit dialog: save again, write a rescue file, quit anyway, or go back.
    pub(crate) fn apply_in_quit_confirm(&mut self, action: Action) {
        match action {
            Action::RetrySave => {
                self.emit(Effect::Store(StoreOp::Retry));
                self.emit(Effect::Store(StoreOp::CheckBeforeQuit));
            }
            Action::WriteRescueFile => self.emit(Effect::Store(StoreOp::Rescue)),
            Action::Quit => self.emit(Effect::Quit),
            Action::Close => self.overlays.open = None,
            _ => {}
        }
    }

    /// The text of the quit dialog, with the keys of the active keymap.
    pub fn quit_confirm_lines(&self) -> Vec<String> {
        let key = |action| {
            self.key_for(Section::Global, action)
                .unwrap_or_else(|| action.name().to_string())
        };
        let problem = self
            .saved
            .problems
            .last()
            .cloned()
            .unwrap_or_else(|| "saving failed".to_string());
        vec![
            format!(
                "{} change(s) to bookmarks, notes or positions are not saved.",
                self.saved.unsaved
            ),
            problem,
            String::new(),
            format!("{}  save again", key(Action::RetrySave)),
            format!(
                "{}  write them to a rescue file, then quit",
                key(Action::WriteRescueFile)
            ),
            format!("{}  quit anyway (the changes are lost)", key(Action::Quit)),
            format!("{}  go back", key(Action::Close)),
        ]
    }

    /// A rescue file was written, or not: says where (on screen, and on stderr after the
    /// reader ends), and quits when the quit dialog asked for it.
    pub(crate) fn rescued(&mut self, result: Result<String, String>) {
        match result {
            Ok(path) => {
                let text = format!(
                    "bookmarks and notes written to the rescue file {path} (it has the format of \
                     bookmarks.json)"
                );
                self.saved.farewell.push(text.clone());
                self.notify(text, Severity::Info);
                if self.overlays.open == Some(Overlay::QuitConfirm) {
                    self.emit(Effect::Quit);
                }
            }
            Err(e) => {
                let text = format!("no rescue file could be written: {e}");
                self.saved.farewell.push(text.clone());
                self.notify(text, Severity::Warning);
            }
        }
    }

    /// Pasted text: typed into the note editor (controls other than line breaks and tabs
    /// removed, CR LF and lone CR made line breaks), ignored with a message anywhere else, so that
    /// a paste never runs as key commands.
    pub(crate) fn paste(&mut self, text: &str) {
        let Some(Overlay::Note(editor)) = &mut self.overlays.open else {
            self.notify(
                "paste ignored: only the note editor takes pasted text",
                Severity::Info,
            );
            return;
        };
        let mut chars = text.chars().peekable();
        let mut n = 0;
        while let Some(c) = chars.next() {
            if n == MAX_PASTE_CHARS {
                break;
            }
            let edit = match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    Edit::Newline
                }
                '\n' => Edit::Newline,
                '\t' => Edit::Insert('\t'),
                c if crate::sanitize::is_hazard(c) => continue,
                c => Edit::Insert(c),
            };
            editor.area.apply(edit);
            n += 1;
        }
        editor.dirty = true;
        editor.idle = 0;
        if chars.peek().is_some() {
            self.notify(
                format!("the paste was cut after {MAX_PASTE_CHARS} characters"),
                Severity::Warning,
            );
        }
    }
}
