//! What the reader holds of its saved data: a mirror of the store's bookmarks, with their count
//! per article and a version bumped on every change; the reading positions and those not yet
//! written; whether saving works, the store's problems and what it holds unsaved; and where a
//! rescue file went, for the farewell on standard error.

use crate::store::Bookmark;
use std::collections::{BTreeMap, HashMap};

/// The saved-data mirror of [`super::AppState`]. The store owns the data; this is what it last
/// reported, plus the positions the reader has not written yet.
#[derive(Debug, Clone)]
pub struct Saved {
    /// Every bookmark, as the store last reported.
    pub bookmarks: Vec<Bookmark>,
    /// Number of bookmarks on each article of the corpus, in its order.
    pub counts: Vec<usize>,
    /// Bumped whenever [`Saved::bookmarks`] changes.
    pub(crate) version: u64,
    /// The last deleted bookmark, for undo.
    pub last_deleted: Option<Bookmark>,
    /// Reading position (byte offset at the top of the pane) of each article by position key
    /// (its path): saved ones at start-up, then as visited.
    pub positions: HashMap<String, usize>,
    /// Positions changed since they were last written: saved together at the next pause, on
    /// quitting and on signals, never on the key that changed them.
    pub unsaved_positions: BTreeMap<String, usize>,
    /// Whether saving works.
    pub saving: bool,
    /// Problems with the data files.
    pub problems: Vec<String>,
    /// Changes the store holds in memory because they could not be saved.
    pub unsaved: usize,
    /// Lines to print on standard error once the terminal is restored (where a rescue file went).
    pub farewell: Vec<String>,
}

impl Saved {
    /// Nothing saved yet, for a corpus of `articles` articles.
    pub fn new(articles: usize) -> Self {
        Self {
            bookmarks: Vec::new(),
            counts: vec![0; articles],
            version: 0,
            last_deleted: None,
            positions: HashMap::new(),
            unsaved_positions: BTreeMap::new(),
            saving: true,
            problems: Vec::new(),
            unsaved: 0,
            farewell: Vec::new(),
        }
    }
}
