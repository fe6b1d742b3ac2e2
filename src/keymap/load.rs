//! Keymap files: TOML tables of `"keys" = "action"`, parsed into a [`KeymapFile`] plus every
//! problem found, each with the file, the line and the valid names. Pure: takes text, not paths.

use super::Section;
use super::key::{KeyChord, parse_sequence};
use crate::action::Action;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// The built-in default keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

/// One line of a keymap file: a key sequence and its action (`None` for `"none"`).
pub type Binding = (Vec<KeyChord>, Option<Action>);

/// Bindings read from one file; `None` means the key is unbound (`"none"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeymapFile {
    /// Bindings per section, in file order.
    pub sections: BTreeMap<Section, Vec<Binding>>,
}

/// What is wrong with one entry of a keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapErrorKind {
    /// The file is not valid TOML.
    Syntax(String),
    /// A table name that is not a section.
    UnknownSection(String),
    /// An action name that does not exist.
    UnknownAction {
        /// The name as written.
        name: String,
        /// The closest valid name, if any is close.
        suggestion: Option<String>,
    },
    /// A key string that cannot be parsed.
    BadKey(String),
    /// A value that is not a string, or a key outside any table.
    NotAString(String),
}

/// A problem in a keymap file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The file as given.
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub kind: KeymapErrorKind,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.path, self.line)?;
        match &self.kind {
            KeymapErrorKind::Syntax(msg) => write!(f, "invalid TOML: {msg}"),
            KeymapErrorKind::UnknownSection(name) => {
                let valid: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
                write!(f, "unknown section '{name}' (valid: {})", valid.join(", "))
            }
            KeymapErrorKind::UnknownAction { name, suggestion } => {
                write!(f, "unknown action '{name}'")?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean '{s}'?)")?,
                    None => {
                        let valid: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                        write!(f, " (valid: none, {})", valid.join(", "))?
                    }
                }
                Ok(())
            }
            KeymapErrorKind::BadKey(msg) => write!(f, "{msg}"),
            KeymapErrorKind::NotAString(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for KeymapError {}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |t| t.matches('\n').count() + 1)
}

/// Levenshtein distance, for "did you mean" suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn suggest(name: &str) -> Option<String> {
    Action::ALL
        .iter()
        .map(|a| (edit_distance(name, a.name()), a.name()))
        .filter(|(d, n)| *d <= 3.max(n.len() / 4))
        .min()
        .map(|(_, n)| n.to_string())
}

type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// Parses a keymap file. Returns the good bindings and every error found; `path` is only used
/// in messages.
pub fn parse_keymap_file(path: &str, text: &str) -> (KeymapFile, Vec<KeymapError>) {
    let mut file = KeymapFile::default();
    let mut errors = Vec::new();
    let err = |line, kind| KeymapError {
        path: path.to_string(),
        line,
        kind,
    };
    let raw: BTreeMap<Spanned<String>, RawTable> = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            errors.push(err(line, KeymapErrorKind::Syntax(e.message().to_string())));
            return (file, errors);
        }
    };
    for (section_name, table) in raw {
        let line = line_of(text, section_name.span().start);
        let Some(section) = Section::from_name(section_name.get_ref()) else {
            errors.push(err(
                line,
                KeymapErrorKind::UnknownSection(section_name.into_inner()),
            ));
            continue;
        };
        let mut entries: Vec<(usize, Vec<KeyChord>, Option<Action>)> = Vec::new();
        for (keys, value) in table {
            let line = line_of(text, keys.span().start);
            let seq = match parse_sequence(keys.get_ref()) {
                Ok(seq) => seq,
                Err(e) => {
                    errors.push(err(line, KeymapErrorKind::BadKey(e.to_string())));
                    continue;
                }
            };
            let Some(name) = value.get_ref().as_str() else {
                errors.push(err(
                    line,
                    KeymapErrorKind::NotAString(format!(
                        "the action for '{}' must be a string",
                        keys.get_ref()
                    )),
                ));
                continue;
            };
            let action = if name == "none" {
                None
            } else if let Some(action) = Action::from_name(name) {
                Some(action)
            } else {
                errors.push(err(
                    line,
                    KeymapErrorKind::UnknownAction {
                        name: name.to_string(),
                        suggestion: suggest(name),
                    },
                ));
                continue;
            };
            entries.push((line, seq, action));
        }
        entries.sort_by_key(|(line, _, _)| *line);
        file.sections
            .entry(section)
            .or_default()
            .extend(entries.into_iter().map(|(_, seq, action)| (seq, action)));
    }
    errors.sort_by_key(|e| e.line);
    (file, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_action_names_file_line_and_suggestion() {
        let text = "[global]\n\"q\" = \"quit\"\n\n[list]\n\"j\" = \"nxt_article\"\n";
        let (_, errors) = parse_keymap_file("keymaps/emacs.toml", text);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "keymaps/emacs.toml:5: unknown action 'nxt_article' (did you mean 'next_article'?)"
        );
    }

    #[test]
    fn unknown_action_without_close_match_lists_valid_names() {
        let (_, errors) =
            parse_keymap_file("k.toml", "[global]\n\"x\" = \"frobnicate_everything\"\n");
        let msg = errors[0].to_string();
        assert!(
            msg.starts_with("k.toml:2: unknown action 'frobnicate_everything' (valid: none, quit,"),
            "{msg}"
        );
    }

    #[test]
    fn bad_key_and_unknown_section_are_reported_with_lines() {
        let text = "[global]\n\"hyper-q\" = \"quit\"\n[sidebar]\n\"j\" = \"move_down\"\n";
        let (file, errors) = parse_keymap_file("k.toml", text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0]
                .to_string()
                .starts_with("k.toml:2: unknown key 'hyper-q'")
        );
        assert!(
            errors[1]
                .to_string()
                .starts_with("k.toml:3: unknown section 'sidebar' (valid: global,")
        );
        assert!(
            file.sections
                .get(&Section::Global)
                .is_none_or(|b| b.is_empty())
        );
    }

    #[test]
    fn syntax_errors_are_reported_not_panicked() {
        let (_, errors) = parse_keymap_file("k.toml", "[global]\n\"q\" = \n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].to_string().starts_with("k.toml:2: invalid TOML"),
            "{}",
            errors[0]
        );
        let (_, errors) = parse_keymap_file("k.toml", "[global]\n\"q\" = 3\n");
        assert!(errors[0].to_string().contains("must be a string"));
    }

    #[test]
    fn duplicate_keys_are_a_syntax_error() {
        let (_, errors) =
            parse_keymap_file("k.toml", "[global]\n\"q\" = \"quit\"\n\"q\" = \"quit\"\n");
        assert_eq!(errors.len(), 1);
        assert!(matches!(errors[0].kind, KeymapErrorKind::Syntax(_)));
    }
}
