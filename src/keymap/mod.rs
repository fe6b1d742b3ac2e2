//! Key bindings: sections of key sequences mapped to named [`Action`]s, resolved like a trie
//! (`Bound`, `Pending` for a partial sequence such as `g`, `Unbound`). Loading lives in `load`,
//! the key type in `key`. No terminal crate is imported here.

mod key;
mod load;

pub use key::{Key, KeyChord, KeyParseError, format_sequence, parse_chord, parse_sequence};
pub use load::{DEFAULT_KEYMAP, KeymapError, KeymapErrorKind, KeymapFile, parse_keymap_file};

use crate::action::Action;
use std::collections::BTreeMap;

/// A group of bindings active in one context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Active everywhere (after the focused pane's own section).
    Global,
    /// The article list.
    List,
    /// The reading pane.
    Reader,
    /// The claims pane.
    Claims,
    /// The help overlay.
    Help,
    /// The bookmarks view.
    Bookmarks,
    /// The note editor (typed characters go into the note).
    Note,
    /// The palette (typed characters go into the query).
    Palette,
    /// The prompt of a search inside the article.
    Find,
    /// The entity card.
    Card,
    /// The entity index.
    Entities,
    /// A claim group.
    Group,
    /// The timeline.
    Timeline,
    /// The sources view.
    Sources,
}

impl Section {
    /// Every section, in help order.
    pub const ALL: [Section; 14] = [
        Section::Global,
        Section::List,
        Section::Reader,
        Section::Claims,
        Section::Help,
        Section::Bookmarks,
        Section::Note,
        Section::Palette,
        Section::Find,
        Section::Card,
        Section::Entities,
        Section::Group,
        Section::Timeline,
        Section::Sources,
    ];

    /// The table name in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::List => "list",
            Section::Reader => "reader",
            Section::Claims => "claims",
            Section::Help => "help",
            Section::Bookmarks => "bookmarks",
            Section::Note => "note",
            Section::Palette => "palette",
            Section::Find => "find",
            Section::Card => "card",
            Section::Entities => "entities",
            Section::Group => "group",
            Section::Timeline => "timeline",
            Section::Sources => "sources",
        }
    }

    /// True for sections where typing enters text: `[global]` does not apply there and unbound
    /// printable keys are text.
    pub fn is_text_input(self) -> bool {
        matches!(self, Section::Note | Section::Palette | Section::Find)
    }

    /// Looks a section up by its table name.
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What a key press means given the keys already pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The sequence is bound to this action.
    Bound(Action),
    /// The sequence is the start of a longer binding: wait for the next key.
    Pending,
    /// Nothing is bound to the sequence.
    Unbound,
}

/// The active bindings, section by section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Keymap {
    sections: BTreeMap<Section, BTreeMap<Vec<KeyChord>, Action>>,
}

impl Keymap {
    /// The built-in default keymap (`keymaps/default.toml`, compiled in).
    pub fn builtin() -> Keymap {
        let (file, _errors) = parse_keymap_file("keymaps/default.toml", DEFAULT_KEYMAP);
        let mut keymap = Keymap::default();
        keymap.apply(&file);
        keymap
    }

    /// Applies a keymap file over this one, action by action: an action the file binds in a
    /// section loses its previous keys there; a key bound to `none` is removed.
    pub fn apply(&mut self, file: &KeymapFile) {
        for (section, bindings) in &file.sections {
            let table = self.sections.entry(*section).or_default();
            let rebound: Vec<Action> = bindings.iter().filter_map(|(_, a)| *a).collect();
            table.retain(|_, action| !rebound.contains(action));
            for (seq, action) in bindings {
                match action {
                    Some(action) => {
                        table.insert(seq.clone(), *action);
                    }
                    None => {
                        table.remove(seq);
                    }
                }
            }
        }
    }

    /// Resolves `pending` followed by `chord` in `section`, then in `[global]`.
    pub fn resolve(&self, section: Section, pending: &[KeyChord], chord: KeyChord) -> Resolution {
        let mut seq = pending.to_vec();
        seq.push(chord);
        let mut exact = None;
        let sections: &[Section] = if section.is_text_input() {
            &[section]
        } else {
            &[section, Section::Global]
        };
        for &s in sections {
            let Some(table) = self.sections.get(&s) else {
                continue;
            };
            let longer = table
                .range(seq.clone()..)
                .take_while(|(k, _)| k.starts_with(&seq))
                .any(|(k, _)| k.len() > seq.len());
            if longer {
                return Resolution::Pending;
            }
            if exact.is_none() {
                exact = table.get(&seq).copied();
            }
            if exact.is_some() {
                break;
            }
        }
        exact.map_or(Resolution::Unbound, Resolution::Bound)
    }

    /// All bindings of a section, as (keys, action), sorted by action then keys.
    pub fn bindings(&self, section: Section) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = self
            .sections
            .get(&section)
            .map(|t| t.iter().map(|(k, a)| (format_sequence(k), *a)).collect())
            .unwrap_or_default();
        out.sort_by_key(|(k, a)| (Action::ALL.iter().position(|x| x == a), k.len(), k.clone()));
        out
    }

    /// The keys bound to an action in a section or globally, shortest first.
    pub fn keys_for(&self, section: Section, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = [section, Section::Global]
            .iter()
            .filter_map(|s| self.sections.get(s))
            .flat_map(|t| {
                t.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| format_sequence(k))
            })
            .collect();
        keys.sort_by_key(|k| (k.len(), k.clone()));
        keys.dedup();
        keys
    }

    /// The keys that run `action` when pressed in `section`, shortest first: bound there or
    /// globally, and not shadowed by a binding of the section (what a hint may name).
    pub fn keys_running(&self, section: Section, action: Action) -> Vec<String> {
        let sections: &[Section] = if section.is_text_input() {
            &[section]
        } else {
            &[section, Section::Global]
        };
        let mut keys: Vec<String> = sections
            .iter()
            .filter_map(|s| self.sections.get(s))
            .flat_map(|t| t.iter().filter(|(_, a)| **a == action).map(|(k, _)| k))
            .filter(|k| self.runs(section, k) == Some(action))
            .map(|k| format_sequence(k))
            .collect();
        keys.sort_by_key(|k| (k.len(), k.clone()));
        keys.dedup();
        keys
    }

    /// The action that pressing `keys` one after the other runs in `section`, if any.
    pub fn runs(&self, section: Section, keys: &[KeyChord]) -> Option<Action> {
        let (last, first) = keys.split_last()?;
        for i in 0..first.len() {
            if self.resolve(section, &keys[..i], keys[i]) != Resolution::Pending {
                return None;
            }
        }
        match self.resolve(section, first, *last) {
            Resolution::Bound(a) => Some(a),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> Vec<KeyChord> {
        parse_sequence(s).unwrap_or_default()
    }

    #[test]
    fn builtin_keymap_parses_without_errors() {
        let (_, errors) = parse_keymap_file("keymaps/default.toml", DEFAULT_KEYMAP);
        assert!(errors.is_empty(), "{errors:?}");
        let km = Keymap::builtin();
        assert_eq!(
            km.resolve(Section::Reader, &[], KeyChord::char('j')),
            Resolution::Bound(Action::MoveDown)
        );
        assert_eq!(
            km.resolve(Section::Reader, &[], KeyChord::char('q')),
            Resolution::Bound(Action::Quit)
        );
    }

    #[test]
    fn sequences_are_pending_until_complete() {
        let (file, errors) = parse_keymap_file("k.toml", "[reader]\n\"Z Z\" = \"go_top\"\n");
        assert!(errors.is_empty(), "{errors:?}");
        let mut km = Keymap::builtin();
        km.apply(&file);
        assert_eq!(
            km.resolve(Section::Reader, &[], KeyChord::char('Z')),
            Resolution::Pending
        );
        assert_eq!(
            km.resolve(Section::Reader, &seq("Z"), KeyChord::char('Z')),
            Resolution::Bound(Action::GoTop)
        );
        assert_eq!(
            km.resolve(Section::Reader, &seq("Z"), KeyChord::char('x')),
            Resolution::Unbound
        );
        // The sequence belongs to the reader section only.
        assert_eq!(
            km.resolve(Section::List, &[], KeyChord::char('Z')),
            Resolution::Unbound
        );
    }

    #[test]
    fn overrides_replace_an_action_and_none_removes_a_key() {
        let mut km = Keymap::builtin();
        let (file, errors) = parse_keymap_file(
            "user.toml",
            "[global]\n\"ctrl-n\" = \"move_down\"\n\"q\" = \"none\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        km.apply(&file);
        let ctrl_n = parse_chord("ctrl-n").unwrap_or(KeyChord::char('?'));
        assert_eq!(
            km.resolve(Section::Reader, &[], ctrl_n),
            Resolution::Bound(Action::MoveDown)
        );
        assert_eq!(
            km.resolve(Section::List, &[], KeyChord::char('j')),
            Resolution::Unbound
        );
        assert_eq!(
            km.resolve(Section::List, &[], KeyChord::char('q')),
            Resolution::Unbound
        );
        assert!(
            km.keys_for(Section::Global, Action::Quit)
                .iter()
                .all(|k| k != "q")
        );
    }
}
