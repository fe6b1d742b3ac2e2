//! Our own key type: a [`KeyChord`] is a key plus modifiers, written in keymap files as
//! `j`, `G`, `ctrl-d`, `shift-tab`, `enter`, `f1`, or `<C-d>` / `<Tab>` in `--keys` scripts.
//! Independent of any terminal crate; `tui::input` converts terminal events into chords.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A printable character; letters keep their case (`G` is shift-g).
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, F1 to F24.
    F(u8),
}

/// A key with the Ctrl and Alt modifiers (Shift is folded into the key itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    /// The key.
    pub key: Key,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
}

impl KeyChord {
    /// A chord with no modifiers.
    pub fn plain(key: Key) -> Self {
        Self {
            key,
            ctrl: false,
            alt: false,
        }
    }

    /// A printable character with no modifiers.
    pub fn char(c: char) -> Self {
        Self::plain(Key::Char(c))
    }

    /// The character this chord types when it has no Ctrl or Alt.
    pub fn typed_char(&self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }
}

const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("return", Key::Enter),
    ("cr", Key::Enter),
    ("esc", Key::Esc),
    ("escape", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("bs", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pgup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("pgdn", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("space", Key::Char(' ')),
    ("minus", Key::Char('-')),
    ("lt", Key::Char('<')),
    ("gt", Key::Char('>')),
];

/// Why a key string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyParseError(pub String);

impl fmt::Display for KeyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown key '{}' (valid: a single character, f1-f24, {}, with ctrl-, alt-, shift- prefixes)",
            self.0,
            NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )
    }
}

impl std::error::Error for KeyParseError {}

/// Parses one chord: `j`, `G`, `ctrl-d`, `C-d`, `shift-tab`, `<Tab>`, `<C-d>`, `f1`, `space`.
pub fn parse_chord(text: &str) -> Result<KeyChord, KeyParseError> {
    let err = || KeyParseError(text.to_string());
    let inner = match text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        Some(inner) if !inner.is_empty() => inner,
        _ => text,
    };
    if inner.is_empty() {
        return Err(err());
    }
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    let mut rest = inner;
    // A single character is always itself, even '-'.
    while rest.chars().count() > 1 {
        let Some((prefix, tail)) = rest.split_once('-') else {
            break;
        };
        if tail.is_empty() {
            break;
        }
        match prefix.to_ascii_lowercase().as_str() {
            "ctrl" | "c" | "control" => ctrl = true,
            "alt" | "a" | "m" | "meta" => alt = true,
            "shift" | "s" => shift = true,
            _ => return Err(err()),
        }
        rest = tail;
    }
    let key = if rest.chars().count() == 1 {
        let c = rest.chars().next().ok_or_else(err)?;
        let c = if shift {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c
        };
        shift = false;
        // Ctrl combinations are case-insensitive in terminals: ctrl-D is ctrl-d.
        let c = if ctrl { c.to_ascii_lowercase() } else { c };
        Key::Char(c)
    } else {
        let lower = rest.to_ascii_lowercase();
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if (1..=24).contains(&n) {
                Key::F(n)
            } else {
                return Err(err());
            }
        } else {
            NAMED
                .iter()
                .find(|(n, _)| *n == lower)
                .map(|(_, k)| *k)
                .ok_or_else(err)?
        }
    };
    let key = match (key, shift) {
        (Key::Tab, true) => Key::BackTab,
        (k, true) if !matches!(k, Key::Char(_)) => return Err(err()),
        (k, _) => k,
    };
    Ok(KeyChord { key, ctrl, alt })
}

/// Parses a space-separated sequence of chords (`"g g"`, `"j j <Tab> G"`).
pub fn parse_sequence(text: &str) -> Result<Vec<KeyChord>, KeyParseError> {
    let seq = text
        .split_whitespace()
        .map(parse_chord)
        .collect::<Result<Vec<_>, _>>()?;
    if seq.is_empty() {
        return Err(KeyParseError(text.to_string()));
    }
    Ok(seq)
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::F(n) => write!(f, "f{n}"),
            Key::BackTab => f.write_str("shift-tab"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, k)| *k == other)
                    .map(|(n, _)| *n)
                    .unwrap_or("?");
                f.write_str(name)
            }
        }
    }
}

/// Formats a sequence the way keymap files write it.
pub fn format_sequence(seq: &[KeyChord]) -> String {
    seq.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_named_and_modified_keys() {
        assert_eq!(parse_chord("j"), Ok(KeyChord::char('j')));
        assert_eq!(parse_chord("G"), Ok(KeyChord::char('G')));
        assert_eq!(parse_chord("shift-g"), Ok(KeyChord::char('G')));
        assert_eq!(parse_chord("-"), Ok(KeyChord::char('-')));
        assert_eq!(
            parse_chord("ctrl-d"),
            Ok(KeyChord {
                key: Key::Char('d'),
                ctrl: true,
                alt: false
            })
        );
        assert_eq!(parse_chord("<C-d>"), parse_chord("ctrl-d"));
        assert_eq!(parse_chord("shift-tab"), Ok(KeyChord::plain(Key::BackTab)));
        assert_eq!(parse_chord("<Tab>"), Ok(KeyChord::plain(Key::Tab)));
        assert_eq!(parse_chord("F1"), Ok(KeyChord::plain(Key::F(1))));
        assert_eq!(parse_chord("space"), Ok(KeyChord::char(' ')));
        assert_eq!(
            parse_chord("alt-x"),
            Ok(KeyChord {
                key: Key::Char('x'),
                ctrl: false,
                alt: true
            })
        );
    }

    #[test]
    fn rejects_unknown_keys() {
        assert!(parse_chord("hyper-x").is_err());
        assert!(parse_chord("f99").is_err());
        assert!(parse_chord("banana").is_err());
        assert!(parse_chord("").is_err());
        assert!(parse_sequence("   ").is_err());
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "j",
            "G",
            "ctrl-d",
            "shift-tab",
            "enter",
            "f1",
            "space",
            "alt-x",
            "pagedown",
        ] {
            let chord = parse_chord(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(chord.to_string(), text);
        }
        let seq = parse_sequence("g g").unwrap_or_default();
        assert_eq!(format_sequence(&seq), "g g");
    }
}
