//! The OSC 52 "set clipboard" escape sequence, which lets a terminal (also over SSH, and inside
//! tmux through passthrough) put text on the system clipboard.
//!
//! Only builds the bytes; writing them to the terminal is the caller's job. Must not import
//! `ratatui`, `crossterm` or `directories`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The OSC 52 sequence that sets the clipboard to `text`: `ESC ] 52 ; c ; <base64> BEL`.
///
/// Control characters other than newline and tab are removed first, so that pasted text cannot
/// carry escape sequences. With `in_tmux` the sequence is wrapped in tmux's passthrough
/// (`ESC P tmux; … ESC \`, every inner ESC doubled); tmux needs `allow-passthrough on`, or
/// `set-clipboard on` for its own handling.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let clean: String = text
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    let sequence = format!("\x1b]52;c;{}\x07", STANDARD.encode(clean.as_bytes()));
    if in_tmux {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_sequence_has_exact_bytes() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("", false), "\x1b]52;c;\x07");
    }

    #[test]
    fn tmux_passthrough_doubles_escapes() {
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }

    #[test]
    fn control_characters_are_removed_but_newlines_and_tabs_kept() {
        assert_eq!(osc52("a\x1b[31mb\x07\r", false), osc52("a[31mb", false));
        // "ä\n\t" is c3 a4 0a 09.
        assert_eq!(osc52("ä\n\t", false), "\x1b]52;c;w6QKCQ==\x07");
    }
}
