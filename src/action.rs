//! Named commands: every key binding resolves to one [`Action`], and the help overlay is built from
//! the names and one-line docs here. Depends on nothing but serde; never imports the UI crates.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( $(#[$attr:meta])* $variant:ident = $name:literal : $doc:literal ),* $(,)?) => {
        /// A command the user can bind to a key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $doc] $(#[$attr])* $variant, )*
        }

        impl Action {
            /// Every bindable action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in keymap files (snake_case).
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// One-line description shown in the help overlay.
            pub fn doc(self) -> &'static str {
                match self { $(Action::$variant => $doc,)* }
            }
        }
    };
}

actions! {
    Quit = "quit": "Quit dossier",
    ShowHelp = "show_help": "Show or hide the key help",
    Close = "close": "Close the overlay, or clear the message",
    FocusNextPane = "focus_next_pane": "Focus the next pane",
    FocusPrevPane = "focus_prev_pane": "Focus the previous pane",
    FocusLeft = "focus_left": "Focus the pane to the left",
    FocusRight = "focus_right": "Focus the pane to the right",
    MoveDown = "move_down": "Move down one line or item",
    MoveUp = "move_up": "Move up one line or item",
    PageDown = "page_down": "Move down one page",
    PageUp = "page_up": "Move up one page",
    HalfPageDown = "half_page_down": "Move down half a page",
    HalfPageUp = "half_page_up": "Move up half a page",
    GoTop = "go_top": "Go to the top",
    GoBottom = "go_bottom": "Go to the bottom",
    NextArticle = "next_article": "Open the next article",
    PrevArticle = "prev_article": "Open the previous article",
    OpenSelected = "open_selected": "Open the selection and focus the reading pane",
    ToggleList = "toggle_list": "Show or hide the article list on narrow screens",
    ToggleZoom = "toggle_zoom": "Show the focused pane alone at full width, or all panes again",
    ToggleMouse = "toggle_mouse": "Turn mouse support on or off",
    NextSentence = "next_sentence": "Move the cursor to the next sentence",
    PrevSentence = "prev_sentence": "Move the cursor to the previous sentence",
    NextParagraph = "next_paragraph": "Move the cursor to the next paragraph",
    PrevParagraph = "prev_paragraph": "Move the cursor to the previous paragraph",
    NextMention = "next_mention": "Move the cursor to the next entity mention",
    PrevMention = "prev_mention": "Move the cursor to the previous entity mention",
    NextSameEntity = "next_same_entity": "Next mention of the entity under the cursor",
    PrevSameEntity = "prev_same_entity": "Previous mention of the entity under the cursor",
    ToggleBookmark = "toggle_bookmark": "Bookmark the sentence, paragraph or claim under the cursor, or remove the bookmark",
    EditNote = "edit_note": "Write or edit the note on the passage under the cursor",
    EditNoteExternal = "edit_note_external": "Edit the note in $EDITOR",
    SaveNote = "save_note": "Save the note and close the editor",
    ShowBookmarks = "show_bookmarks": "List all bookmarks and notes",
    DeleteBookmark = "delete_bookmark": "Delete the bookmark (undo with undo_delete)",
    UndoDelete = "undo_delete": "Bring back the last deleted bookmark",
    CopyWithCitation = "copy_with_citation": "Copy the passage under the cursor with its citation (OSC 52)",
    RetrySave = "retry_save": "Try again to save bookmarks kept in memory",
    WriteRescueFile = "write_rescue_file": "Write the bookmarks and notes kept in memory to a rescue file",
    Suspend = "suspend": "Suspend dossier to the shell (fg brings it back)",
    StartFreshBookmarks = "start_fresh_bookmarks": "Start a new bookmarks file when the old one is unreadable (it is kept as a backup)",
    OpenPalette = "open_palette": "Jump to anything: articles, headings, entities, claims, bookmarks",
    SearchCorpus = "search_corpus": "Search the text of every article",
    SearchArticle = "search_article": "Search this article",
    NextMatch = "next_match": "Go to the next match of the search",
    PrevMatch = "prev_match": "Go to the previous match of the search",
    OpenEntityCard = "open_entity_card": "Show the card of the entity under the cursor",
    ShowEntityIndex = "show_entity_index": "List every entity of the corpus",
    ShowClaimGroup = "show_claim_group": "Compare the claim with what other articles say",
    CycleClaimKind = "cycle_claim_kind": "Show only statistics, quotes, reported claims, facts or assessments in the claims pane, or all",
    CycleClaimStance = "cycle_claim_stance": "Show only asserted, attributed or uncertain claims in the claims pane, or all",
    FilterClaimSource = "filter_claim_source": "Show only the claims of the selected claim's source, or every source again",
    ClearClaimFilters = "clear_claim_filters": "Show every claim of the article again",
    ShowSources = "show_sources": "List every source of the corpus with how many claims it made in how many articles",
    CycleSourceFilter = "cycle_source_filter": "Show only people, organisations, other named or unnamed sources, or all",
    ShowTimeline = "show_timeline": "Dated events of all articles in date order",
    TimelineFilterEntity = "timeline_filter_entity": "Timeline: show only events naming an entity of the selected event (again: the next one, then all)",
    SearchHelp = "search_help": "Help: type to list only the keys whose name or description contains the text (enter keeps it, esc drops it)",
    TimelineFilterSource = "timeline_filter_source": "Timeline: show only events from the selected event's article, or all again",
    CycleSort = "cycle_sort": "Sort the entity index by mentions, articles, name or kind",
    CycleKindFilter = "cycle_kind_filter": "Show only people, organisations, places, misc, or all",
    JumpBack = "jump_back": "Go back to where the last jump came from",
    JumpForward = "jump_forward": "Go forward again after going back",
    TogglePerson = "toggle_person": "Highlight people or not",
    ToggleOrganization = "toggle_organization": "Highlight organisations or not",
    TogglePlace = "toggle_place": "Highlight places or not",
    ToggleDate = "toggle_date": "Highlight dates or not",
    ToggleQuantity = "toggle_quantity": "Highlight quantities or not",
    ToggleMisc = "toggle_misc": "Highlight weapons, treaties, laws and documents or not",
    ToggleClaimMarks = "toggle_claim_marks": "Mark claim sentences or not",
    ToggleAllHighlights = "toggle_all_highlights": "Turn every highlight off, or all back on",
    CycleAuthorFilter = "cycle_author_filter": "Bookmarks: show only the notes of one author of the team (again: the next author, then everyone's)",
}

impl Action {
    /// Looks an action up by its keymap name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for &action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
            let json = serde_json::to_string(&action).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", action.name()));
            assert!(!action.doc().is_empty());
        }
    }
}
