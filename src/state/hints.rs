//! Key hints and messages that name keys, generated from the active keymap: a popup's bottom
//! line lists the actions it offers with the first key that runs each one there, and a message
//! that suggests a key asks the keymap for it. No key name is typed into a view or a message.
//!
//! Pure: reads the keymap and the state; no terminal imports.

use super::{AppState, Overlay};
use crate::action::Action;
use crate::keymap::Section;

/// What the bookmarks list offers.
pub const BOOKMARKS_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "jump"),
    (Action::EditNote, "note"),
    (Action::DeleteBookmark, "delete"),
    (Action::UndoDelete, "undo"),
    (Action::CycleAuthorFilter, "author"),
    (Action::Close, "close"),
];

/// What the entity index offers.
pub const ENTITIES_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "card"),
    (Action::CycleSort, "sort"),
    (Action::CycleKindFilter, "kind"),
    (Action::Close, "close"),
];

/// What an entity's card offers.
pub const CARD_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "jump"),
    (Action::MoveDown, "next"),
    (Action::MoveUp, "previous"),
    (Action::ShowTimeline, "timeline"),
    (Action::Close, "close"),
];

/// What a claim group offers.
pub const GROUP_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "go to the claim"),
    (Action::MoveDown, "next"),
    (Action::MoveUp, "previous"),
    (Action::Close, "close"),
];

/// What the timeline offers.
pub const TIMELINE_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "go to the sentence"),
    (Action::TimelineFilterEntity, "filter by entity"),
    (Action::TimelineFilterSource, "this article only"),
    (Action::Close, "close"),
];

/// What the help overlay offers.
pub const HELP_HINTS: &[(Action, &str)] =
    &[(Action::SearchHelp, "search"), (Action::Close, "close")];

/// What the note editor offers.
pub const NOTE_HINTS: &[(Action, &str)] = &[
    (Action::SaveNote, "save and close"),
    (Action::EditNoteExternal, "$EDITOR"),
];

/// Hints of the search over the team server's corpus.
pub const SERVER_SEARCH_HINTS: &[(Action, &str)] =
    &[(Action::OpenSelected, "open"), (Action::Close, "close")];

/// Hints of the team server's entity index and sources.
pub const SERVER_TABLE_HINTS: &[(Action, &str)] =
    &[(Action::OpenSelected, "search"), (Action::Close, "close")];

/// What the list of sources offers.
pub const SOURCES_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "claims"),
    (Action::CycleSourceFilter, "sort of source"),
    (Action::Close, "close"),
];

/// What one source's claims offer.
pub const SOURCE_CLAIMS_HINTS: &[(Action, &str)] = &[
    (Action::OpenSelected, "go to the claim"),
    (Action::Close, "back"),
];

/// What the empty bookmarks list suggests: moving the cursor and bookmarking.
pub const NO_BOOKMARKS_HINTS: &[(Action, &str)] = &[
    (Action::NextSentence, "next sentence"),
    (Action::NextParagraph, "next paragraph"),
    (Action::NextMention, "next name"),
    (Action::ToggleBookmark, "bookmark"),
    (Action::EditNote, "add a note"),
];

impl AppState {
    /// The first key (shortest) that runs `action` in `section`, as the keymap writes it.
    pub fn key_for(&self, section: Section, action: Action) -> Option<String> {
        self.keys
            .map
            .keys_running(section, action)
            .into_iter()
            .next()
    }

    /// `key label` for each action that some key runs in `section`, in order; actions without
    /// a key are left out.
    pub fn hints(&self, section: Section, items: &[(Action, &str)]) -> Vec<String> {
        items
            .iter()
            .filter_map(|(a, label)| self.key_for(section, *a).map(|k| format!("{k} {label}")))
            .collect()
    }

    /// A popup's bottom line: its hints joined by ` · `.
    pub fn hint_line(&self, section: Section, items: &[(Action, &str)]) -> String {
        format!(" {} ", self.hints(section, items).join(" · "))
    }

    /// The section and hints of the open popup, if it shows any.
    pub fn popup_hints(&self) -> Option<(Section, &'static [(Action, &'static str)])> {
        let items = match self.overlays.open.as_ref()? {
            Overlay::Help { .. } => HELP_HINTS,
            Overlay::Note(_) => NOTE_HINTS,
            Overlay::Bookmarks { .. } => BOOKMARKS_HINTS,
            Overlay::Entities { .. } => ENTITIES_HINTS,
            Overlay::Card { .. } => CARD_HINTS,
            Overlay::Group { .. } => GROUP_HINTS,
            Overlay::Timeline { .. } => TIMELINE_HINTS,
            Overlay::Sources(view) if view.open.is_some() => SOURCE_CLAIMS_HINTS,
            Overlay::Sources(_) => SOURCES_HINTS,
            Overlay::Server(view) => match view.rows {
                super::remote::ServerRows::Search { .. } => SERVER_SEARCH_HINTS,
                _ => SERVER_TABLE_HINTS,
            },
            Overlay::QuitConfirm | Overlay::Palette(_) | Overlay::Find { .. } => return None,
        };
        Some((self.section(), items))
    }

    /// ` (k label)` naming the key of `action` where the reader is, or nothing when no key runs
    /// it: the tail of a message that suggests what to press.
    pub fn key_suggestion(&self, action: Action, label: &str) -> String {
        // The note editor takes every key as text; the message outlives it, so name the key
        // the reader runs it with once the editor is closed.
        let key = self.key_for(self.section(), action).or_else(|| {
            matches!(self.overlays.open, Some(Overlay::Note(_)))
                .then(|| self.key_for(Section::Reader, action))
                .flatten()
        });
        key.map(|k| format!(" ({k} {label})")).unwrap_or_default()
    }
}
