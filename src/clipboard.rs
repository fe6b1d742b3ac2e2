//! The OSC 52 "set clipboard" escape sequence, which lets a terminal (also over SSH, and inside
//! tmux with `set-clipboard on`) put text on the system clipboard.
//!
//! Only builds the bytes; writing them to the terminal is the caller's job. Must not import
//! `ratatui`, `crossterm` or `directories`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// How the sequence must be sent to reach the terminal that owns the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The plain sequence: terminals, and tmux, which forwards it to the outer terminal when its
    /// `set-clipboard` option is `on` (passthrough-wrapped sequences need `allow-passthrough`,
    /// off by default since tmux 3.3, so they are not used).
    Plain,
    /// Inside GNU screen, which passes the sequence on only inside its DCS passthrough.
    Screen,
}

/// What the user must set inside tmux for copying to work, shown in the help.
pub const TMUX_HINT: &str = "inside tmux, copying needs: set -g set-clipboard on";

/// The OSC 52 sequence that sets the clipboard to `text`: `ESC ] 52 ; c ; <base64> BEL`.
///
/// Control characters other than newline and tab are removed first, so that pasted text cannot
/// carry escape sequences. For [`Route::Screen`] it is wrapped in screen's passthrough
/// (`ESC P … ESC \`).
pub fn osc52(text: &str, route: Route) -> String {
    let clean: String = text
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let sequence = format!("\x1b]52;c;{}\x07", STANDARD.encode(clean.as_bytes()));
    match route {
        Route::Plain => sequence,
        Route::Screen => format!("\x1bP{sequence}\x1b\\"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sequence_has_exact_bytes() {
        assert_eq!(osc52("hi", Route::Plain), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("", Route::Plain), "\x1b]52;c;\x07");
    }

    #[test]
    fn only_screen_gets_the_wrapped_form() {
        assert_eq!(osc52("hi", Route::Screen), "\x1bP\x1b]52;c;aGk=\x07\x1b\\");
        assert!(!osc52("hi", Route::Plain).contains("tmux;"));
    }

    #[test]
    fn control_characters_are_removed_but_newlines_and_tabs_kept() {
        assert_eq!(
            osc52("a\x1b[31mb\x07\r", Route::Plain),
            osc52("a[31mb", Route::Plain)
        );
        // "ä\n\t" is c3 a4 0a 09.
        assert_eq!(osc52("ä\n\t", Route::Plain), "\x1b]52;c;w6QKCQ==\x07");
    }
}
