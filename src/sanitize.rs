//! Defusing text before it can reach a terminal: every text that comes from an article, a file
//! name, a keymap, a config file or a note goes through one of these functions on its way to the
//! screen, to standard output (Markdown, TSV, JSON) or to standard error.
//!
//! A terminal acts on C0 and C1 control characters (ESC starts clipboard writes, title changes,
//! screen clears, device queries; the 8-bit C1 forms such as U+009B CSI do the same on some
//! terminals), and a terminal that reorders bidirectional text can be made to show a line in a
//! misleading order by the embedding, override and isolate controls. Those characters are
//! replaced, one character for one, so positions still line up: controls become U+FFFD, the bidi
//! controls a zero-width space (which takes no cell either, so a layout is unchanged).
//!
//! JSON is escaped instead (nothing is lost): serde_json already writes C0 controls as `\u00XX`;
//! [`escape_json`] adds DEL, the C1 controls, the bidi controls and U+2028/U+2029 (line
//! separators to JavaScript).
//!
//! Pure; must not import `ratatui`, `crossterm` or `directories`.

use std::borrow::Cow;

/// True for a character that a terminal may act on or reorder by: C0 and C1 controls (ESC, BEL,
/// CSI, OSC, DCS, ...), DEL, and the bidirectional embedding, override and isolate controls
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_hazard(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces characters that must never reach a terminal, one character for one: controls (ESC
/// among them) become U+FFFD, bidi controls a zero-width space.
pub fn sanitize_char(c: char) -> char {
    if c.is_control() {
        '\u{FFFD}'
    } else if is_bidi_control(c) {
        '\u{200B}'
    } else {
        c
    }
}

/// One line for the screen: every control replaced (see [`sanitize_char`]); tabs become one
/// space.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' { ' ' } else { sanitize_char(c) })
        .collect()
}

/// Plain text of several lines (Markdown, a file written for reading): newlines and tabs are kept,
/// a CR before a newline is dropped, every other control is replaced (see [`sanitize_char`]).
/// Borrows when there is nothing to change.
pub fn defuse(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && c != '\t' && is_hazard(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => {}
            c => out.push(sanitize_char(c)),
        }
    }
    Cow::Owned(out)
}

/// One line of a message (standard error, a TSV field): newlines, CRs and tabs become a space,
/// every other control is replaced (see [`sanitize_char`]), so a file name cannot start a new line
/// that looks like another message either.
pub fn defuse_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c => sanitize_char(c),
            })
            .collect(),
    )
}

/// Escapes, in JSON text written by serde_json, what serde_json leaves raw but a terminal or a
/// JavaScript parser acts on: DEL, the C1 controls, the bidi controls and U+2028/U+2029, each as
/// `\uXXXX`. serde_json writes these characters only inside strings (the structure is ASCII,
/// with newlines and spaces between values, and strings hold C0 controls escaped), where the
/// escape means the same character, so the value is unchanged.
pub fn escape_json(json: String) -> String {
    let needs = |c: char| {
        (is_hazard(c) && !matches!(c, '\n' | '\r' | '\t' | ' '))
            || matches!(c, '\u{2028}' | '\u{2029}')
    };
    if !json.chars().any(needs) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs(c) {
            // Every such character is in the Basic Multilingual Plane: one \u escape.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `value` as pretty-printed JSON with [`escape_json`] applied.
pub fn to_json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string_pretty(value).map(escape_json)
}

/// `value` as compact JSON (one line) with [`escape_json`] applied.
pub fn to_json_line<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string(value).map(escape_json)
}

/// True when `bytes` hold a byte or character a terminal acts on: ESC, another C0 control
/// except newline, CR and tab, DEL, or a C1 control (as the UTF-8 encoding of U+0080–U+009F, or
/// as a raw byte 0x80–0x9F that does not belong to a valid UTF-8 character). For tests and
/// checks of output.
pub fn has_terminal_control(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                return s
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // Valid up to here, so this cannot fail.
                let good = std::str::from_utf8(good).unwrap_or("");
                if good
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                {
                    return true;
                }
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                if bad[..skip.min(bad.len())]
                    .iter()
                    .any(|&b| (0x80..=0x9f).contains(&b))
                {
                    return true;
                }
                rest = &bad[skip.min(bad.len())..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NASTY: &str = "a\x1b]52;c;aGk=\x07b\x1b]0;title\x07c\x1b[2Jd\x1bPq#0\x1b\\e\u{9b}31mf\x1bcg\u{202E}h\u{85}";

    #[test]
    fn defuse_keeps_lines_and_replaces_every_control() {
        let text = format!("{NASTY}\nnext\tline\r\n");
        let out = defuse(&text);
        assert!(!has_terminal_control(out.as_bytes()), "{out:?}");
        assert!(out.contains("\nnext\tline\n"));
        assert_eq!(out.chars().filter(|&c| c == '\u{FFFD}').count(), 10);
        assert!(matches!(defuse("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn defuse_line_makes_one_line() {
        let out = defuse_line("name\nwith\rbreaks\x1b[2J");
        assert_eq!(out, "name with breaks\u{FFFD}[2J");
    }

    #[test]
    fn json_escapes_c1_line_separators_and_bidi_but_keeps_the_value() {
        let value = serde_json::json!({ "t": format!("{NASTY}\u{2028}\u{2029}") });
        let text = to_json_pretty(&value).unwrap();
        assert!(!has_terminal_control(text.as_bytes()), "{text}");
        assert!(!text.contains('\u{2028}') && !text.contains('\u{2029}'));
        assert!(text.contains("\\u009b") && text.contains("\\u2028") && text.contains("\\u202e"));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        assert!(text.contains("{\n  \"t\""), "the layout is kept: {text}");
    }

    #[test]
    fn the_byte_scan_finds_raw_and_encoded_c1_but_not_letters() {
        assert!(has_terminal_control(b"x\x1b"));
        assert!(has_terminal_control("x\u{9b}".as_bytes()));
        assert!(has_terminal_control(b"x\x9by"));
        assert!(!has_terminal_control(
            "äöü – “quoted” \u{FFFD}\n\t".as_bytes()
        ));
        assert!(!has_terminal_control(b"\xff\xfe ok"));
    }
}
