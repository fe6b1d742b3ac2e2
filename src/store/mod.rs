//! Local persistence of bookmarks, notes and reading positions.
//!
//! Two versioned JSON files live in a data directory passed in by the caller: `bookmarks.json`
//! and `positions.json`. Every change is a read-modify-write under an exclusive lock
//! (`bookmarks.lock`): the file is re-read, the change applied to what is on disk (so another
//! running instance's changes are kept), and the result written atomically. A file that cannot
//! be read or understood is never overwritten: it is backed up, reported through
//! [`Store::problems`], and saving stays off until [`Store::start_fresh`] or [`Store::retry`].
//! Changes that cannot be saved are kept in memory and retried; nothing is dropped.
//!
//! Paths and the clock are passed in. This module must not import `ratatui`, `crossterm` or
//! `directories`.

mod anchor;
mod file;
mod ops;

pub use anchor::{
    Anchor, CONTEXT_CHARS, FUZZY_THRESHOLD, MAX_FUZZY_QUOTE_CHARS, Resolution, make_anchor, resolve,
};
pub use file::{BOOKMARKS_FILE, LOCK_FILE, POSITIONS_FILE, Position, VERSION, write_atomic};
pub use ops::CONFLICT_MARKER;

use crate::model::{Article, ArticleId};
use file::{BookmarksFile, PositionsFile, Read};
use ops::{BookmarkOp, PositionOp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Unique identifier of a bookmark, stable across runs and unique across processes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BookmarkId(pub String);

static ID_COUNTER: AtomicU64 = AtomicU64::new(0);

impl BookmarkId {
    /// A fresh id: the given time, 64 random bits and a per-process counter. Two readers
    /// starting in the same second with the same process id (containers) still get different
    /// ids; a collision that happens anyway is caught when saving (the newcomer gets a new id).
    pub fn generate(now: i64) -> Self {
        let n = ID_COUNTER.fetch_add(1, Ordering::Relaxed);
        BookmarkId(format!("{now:x}-{:016x}-{n:x}", random_u64()))
    }
}

/// 64 bits from the kernel's random source; should that fail, a mix of the time in nanoseconds,
/// the process id, a counter and an address of this process (randomised by ASLR).
fn random_u64() -> u64 {
    let mut buf = [0u8; 8];
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `buf` is valid for writes of its length for the duration of the call.
        let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), 0) };
        if n == 8 {
            return u64::from_le_bytes(buf);
        }
    }
    if let Ok(mut f) = std::fs::File::open("/dev/urandom")
        && std::io::Read::read_exact(&mut f, &mut buf).is_ok()
    {
        return u64::from_le_bytes(buf);
    }
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.write_u64(ID_COUNTER.load(Ordering::Relaxed));
    h.write_usize(&buf as *const _ as usize);
    h.finish()
}

impl fmt::Display for BookmarkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a bookmark marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// A whole paragraph (or heading or list item).
    Paragraph,
    /// One sentence.
    Sentence,
    /// An extracted claim.
    Claim,
}

impl Target {
    /// Lowercase name as used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Target::Paragraph => "paragraph",
            Target::Sentence => "sentence",
            Target::Claim => "claim",
        }
    }
}

/// A bookmarked passage with the user's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id.
    pub id: BookmarkId,
    /// Content hash of the article when the bookmark was made.
    pub article: ArticleId,
    /// The article's source: its path, or `seeds/NAME`.
    pub source: String,
    /// The article's title when the bookmark was made.
    pub title: String,
    /// What is marked.
    pub target: Target,
    /// Where it is.
    pub anchor: Anchor,
    /// The user's note (may be empty).
    pub note: String,
    /// When it was made (unix seconds).
    pub created: i64,
    /// When it or its note last changed (unix seconds).
    pub updated: i64,
}

impl Bookmark {
    /// A new bookmark on `article` with a fresh id.
    pub fn new(article: &Article, target: Target, anchor: Anchor, note: &str, now: i64) -> Self {
        Bookmark {
            id: BookmarkId::generate(now),
            article: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            target,
            anchor,
            note: note.to_string(),
            created: now,
            updated: now,
        }
    }
}

/// Finds the article a bookmark belongs to: by id, else by source path, else by exact title
/// (an edited file has a new content-hash id).
pub fn find_article<'a>(articles: &'a [Article], b: &Bookmark) -> Option<&'a Article> {
    articles
        .iter()
        .find(|a| a.id == b.article)
        .or_else(|| articles.iter().find(|a| a.source == b.source))
        .or_else(|| articles.iter().find(|a| a.title == b.title))
}

/// The key a reading position is stored under: the source path (which survives an edit of the
/// file), or the article id when there is no source.
pub fn position_key(article: &Article) -> &str {
    if article.source.is_empty() {
        &article.id.0
    } else {
        &article.source
    }
}

/// Parses the bytes of a `bookmarks.json` exactly as [`Store::open`] reads the file: the
/// bookmarks, or the message naming what is wrong (for which the store turns saving off). Pure.
pub fn parse_bookmarks(bytes: &[u8]) -> Result<Vec<Bookmark>, String> {
    file::parse_versioned::<BookmarksFile>(BOOKMARKS_FILE, bytes).map(|f| f.bookmarks)
}

/// Something wrong with a data file, found when reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreProblem {
    /// The file.
    pub path: PathBuf,
    /// What is wrong and what was done about it, naming the file.
    pub message: String,
}

impl fmt::Display for StoreProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No bookmark has this id.
    #[error("no bookmark with id {id}")]
    NotFound {
        /// The id asked for.
        id: BookmarkId,
    },
    /// A bookmark with this id already exists.
    #[error("a bookmark with id {id} already exists")]
    DuplicateId {
        /// The id.
        id: BookmarkId,
    },
    /// Saving is off because of a problem with the file; the change is kept in memory.
    #[error("not saved: saving is off because of a problem with {}; the change is kept in memory", path.display())]
    SavingDisabled {
        /// The file with the problem.
        path: PathBuf,
    },
    /// The lock file could not be created or locked; the change is kept in memory.
    #[error("not saved{}: cannot lock {}: {source}; the change is kept in memory", cause(source), path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Writing the file failed; the change is kept in memory.
    #[error("not saved{}: cannot write {}: {source}; the change is kept in memory", cause(source), path.display())]
    Write {
        /// The file being written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Starting afresh was refused because the bad file could not be backed up.
    #[error("not starting afresh: {message}")]
    Backup {
        /// The file that could not be backed up.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The likely cause of a failed write in plain words, for the front of a message: a full disk
/// (or a file size limit or quota) or a read-only data directory.
fn cause(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            ", the disk is full"
        }
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
            ", the data directory is read-only"
        }
        _ => "",
    }
}

impl StoreError {
    /// True when the operation's change was applied in memory and waits to be saved.
    pub fn is_kept_in_memory(&self) -> bool {
        matches!(
            self,
            StoreError::SavingDisabled { .. } | StoreError::Lock { .. } | StoreError::Write { .. }
        )
    }
}

/// A change for [`Store::apply_changes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Add a bookmark (skipped if its id is there).
    Add(Bookmark),
    /// Replace a note; `base` is the note the change started from. When the note here is
    /// neither `base` nor the new text, both texts are kept (see [`CONFLICT_MARKER`]).
    SetNote {
        /// The note the change was made against.
        base: String,
        /// The whole bookmark after the change (added if absent).
        snapshot: Bookmark,
    },
    /// Remove a bookmark (if present).
    Delete(BookmarkId),
    /// Set a reading position unless the one here is newer.
    Position {
        /// See [`position_key`].
        key: String,
        /// The position and when it was set.
        position: Position,
    },
}

/// State of one data file.
#[derive(Debug, Default)]
struct FileState {
    /// Saving to this file is off until the user acts.
    blocked: bool,
}

/// Bookmarks, notes and reading positions kept in a data directory.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    bookmarks: Vec<Bookmark>,
    positions: BTreeMap<String, Position>,
    pending_bookmarks: Vec<BookmarkOp>,
    pending_positions: Vec<PositionOp>,
    bookmarks_state: FileState,
    positions_state: FileState,
    problems: Vec<StoreProblem>,
    /// The latest time the caller has passed in, used to name backups.
    clock: i64,
}

impl Store {
    /// Opens the store in `dir`, creating the directory if needed. Never fails: problems are
    /// reported by [`Store::problems`] and turn saving off for the affected file.
    pub fn open(dir: &Path, now: i64) -> Store {
        let mut store = Store {
            dir: dir.to_path_buf(),
            bookmarks: Vec::new(),
            positions: BTreeMap::new(),
            pending_bookmarks: Vec::new(),
            pending_positions: Vec::new(),
            bookmarks_state: FileState::default(),
            positions_state: FileState::default(),
            problems: Vec::new(),
            clock: now,
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            let message = format!("{}: cannot create the data directory: {e}", dir.display());
            store.problems.push(StoreProblem {
                path: dir.to_path_buf(),
                message,
            });
        }
        for name in [BOOKMARKS_FILE, POSITIONS_FILE] {
            file::remove_stale_temp_files(dir, name);
        }
        store.load_bookmarks();
        store.load_positions();
        store
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of `bookmarks.json`.
    pub fn bookmarks_path(&self) -> PathBuf {
        self.dir.join(BOOKMARKS_FILE)
    }

    /// Path of `positions.json`.
    pub fn positions_path(&self) -> PathBuf {
        self.dir.join(POSITIONS_FILE)
    }

    /// Problems found with the data files, in the order found.
    pub fn problems(&self) -> &[StoreProblem] {
        &self.problems
    }

    /// True when both data files can be saved.
    pub fn is_saving_enabled(&self) -> bool {
        !self.bookmarks_state.blocked && !self.positions_state.blocked
    }

    /// Number of changes kept in memory that are not saved yet.
    pub fn pending_changes(&self) -> usize {
        self.pending_bookmarks.len() + self.pending_positions.len()
    }

    /// All bookmarks, oldest first (including changes not saved yet).
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// The bookmark with this id.
    pub fn get(&self, id: &BookmarkId) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| &b.id == id)
    }

    /// Bookmarks on an article, matched by its id or its source path.
    pub fn bookmarks_for(&self, id: &ArticleId, source: &str) -> Vec<&Bookmark> {
        self.bookmarks
            .iter()
            .filter(|b| &b.article == id || (!source.is_empty() && b.source == source))
            .collect()
    }

    /// The reading position stored under `key`.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.positions.get(key).map(|p| p.offset)
    }

    /// Every stored reading position, by key.
    pub fn positions(&self) -> impl Iterator<Item = (&str, usize)> {
        self.positions.iter().map(|(k, p)| (k.as_str(), p.offset))
    }

    /// Every stored reading position with the time it was set, by key.
    pub fn position_entries(&self) -> impl Iterator<Item = (&str, Position)> {
        self.positions.iter().map(|(k, p)| (k.as_str(), *p))
    }

    /// The reading position of an article: by source path, else by id.
    pub fn position_for(&self, article: &Article) -> Option<usize> {
        self.position(position_key(article))
            .or_else(|| self.position(&article.id.0))
    }

    /// Adds a bookmark. On an error for which [`StoreError::is_kept_in_memory`] holds, the
    /// bookmark is in memory and will be saved by a later mutation or [`Store::retry`].
    pub fn add(&mut self, bookmark: Bookmark) -> Result<(), StoreError> {
        if self.get(&bookmark.id).is_some() {
            return Err(StoreError::DuplicateId { id: bookmark.id });
        }
        self.tick(bookmark.updated);
        self.push_bookmark_op(BookmarkOp::Add(bookmark))
    }

    /// Replaces the note of a bookmark. If another instance changed the same note in the
    /// meantime, both texts are kept (see [`CONFLICT_MARKER`]).
    pub fn set_note(&mut self, id: &BookmarkId, note: &str, now: i64) -> Result<(), StoreError> {
        let Some(current) = self.get(id) else {
            return Err(StoreError::NotFound { id: id.clone() });
        };
        let mut snapshot = current.clone();
        let base = std::mem::replace(&mut snapshot.note, note.to_string());
        snapshot.updated = now;
        self.tick(now);
        self.push_bookmark_op(BookmarkOp::SetNote { base, snapshot })
    }

    /// Deletes a bookmark and returns it, so that it can be put back with [`Store::restore`].
    ///
    /// When saving fails the deletion is still applied in memory (and retried later); take a
    /// copy with [`Store::get`] first if an undo must be possible in that case too.
    pub fn delete(&mut self, id: &BookmarkId) -> Result<Bookmark, StoreError> {
        let Some(removed) = self.get(id).cloned() else {
            return Err(StoreError::NotFound { id: id.clone() });
        };
        self.push_bookmark_op(BookmarkOp::Delete(id.clone()))?;
        Ok(removed)
    }

    /// Puts back a deleted bookmark (a no-op when it is present).
    pub fn restore(&mut self, bookmark: Bookmark) -> Result<(), StoreError> {
        if self.get(&bookmark.id).is_some() {
            return Ok(());
        }
        self.push_bookmark_op(BookmarkOp::Restore(bookmark))
    }

    /// Remembers a reading position (a byte offset) under `key` (see [`position_key`]).
    ///
    /// The newest position wins between readers; its time never goes below the store's clock or
    /// the time already stored for `key`, so a clock set back does not make this reader's later
    /// positions lose to its earlier ones.
    pub fn set_position(&mut self, key: &str, offset: usize, now: i64) -> Result<(), StoreError> {
        self.set_positions(&[(key.to_string(), offset)], now)
    }

    /// Remembers several reading positions at once, as [`Store::set_position`] does each, and
    /// saves once.
    pub fn set_positions(
        &mut self,
        positions: &[(String, usize)],
        now: i64,
    ) -> Result<(), StoreError> {
        if positions.is_empty() {
            return Ok(());
        }
        self.tick(now);
        for (key, offset) in positions {
            let stored = self.positions.get(key).map_or(i64::MIN, |p| p.updated);
            let op = PositionOp {
                key: key.clone(),
                position: Position {
                    offset: *offset,
                    updated: self.clock.max(stored),
                },
            };
            op.apply(&mut self.positions);
            self.pending_positions.push(op);
        }
        self.flush()
    }

    /// Applies many changes that arrived from elsewhere (a team server) and saves once. Each
    /// change is idempotent, as the single-change methods are; a note changed here meanwhile
    /// keeps both texts.
    pub fn apply_changes(&mut self, changes: Vec<Change>) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let first = self.pending_bookmarks.len();
        for change in changes {
            match change {
                Change::Add(b) => {
                    self.tick(b.updated);
                    self.pending_bookmarks.push(BookmarkOp::Add(b));
                }
                Change::SetNote { base, snapshot } => {
                    self.tick(snapshot.updated);
                    self.pending_bookmarks
                        .push(BookmarkOp::SetNote { base, snapshot });
                }
                Change::Delete(id) => self.pending_bookmarks.push(BookmarkOp::Delete(id)),
                Change::Position { key, position } => {
                    self.tick(position.updated);
                    let op = PositionOp { key, position };
                    op.apply(&mut self.positions);
                    self.pending_positions.push(op);
                }
            }
        }
        // Thousands of notes from a server at once: applied through an index by id, not a scan
        // of the list per change.
        ops::apply_all(&self.pending_bookmarks[first..], &mut self.bookmarks);
        ops::sort(&mut self.bookmarks);
        self.flush()
    }

    /// Re-reads the data files (for example after the user fixed one by hand), turns saving
    /// back on for files that are now fine, and saves every pending change.
    pub fn retry(&mut self, now: i64) -> Result<(), StoreError> {
        self.tick(now);
        let bookmarks_path = self.bookmarks_path();
        let positions_path = self.positions_path();
        self.problems
            .retain(|p| p.path != bookmarks_path && p.path != positions_path);
        self.bookmarks_state.blocked = false;
        self.positions_state.blocked = false;
        self.load_bookmarks();
        self.load_positions();
        self.flush()
    }

    /// Replaces each bad data file by a new empty one (the backup is kept), turns saving back on
    /// and saves every pending change.
    pub fn start_fresh(&mut self, now: i64) -> Result<(), StoreError> {
        self.tick(now);
        let lock_path = self.dir.join(LOCK_FILE);
        let lock = file::lock(&self.dir).map_err(|source| StoreError::Lock {
            path: lock_path,
            source,
        })?;
        for path in [self.bookmarks_path(), self.positions_path()] {
            let is_bookmarks = path == self.bookmarks_path();
            let blocked = if is_bookmarks {
                self.bookmarks_state.blocked
            } else {
                self.positions_state.blocked
            };
            if !blocked {
                continue;
            }
            // The bytes on disk now may differ from those seen at open; back them up again
            // (an identical backup is reused).
            if path.exists() {
                file::backup(&path, self.clock).map_err(|message| StoreError::Backup {
                    path: path.clone(),
                    message,
                })?;
            }
            let written = if is_bookmarks {
                self.write_bookmarks(Vec::new())
            } else {
                self.write_positions(BTreeMap::new())
            };
            written?;
            self.problems.retain(|p| p.path != path);
            if is_bookmarks {
                self.bookmarks_state.blocked = false;
            } else {
                self.positions_state.blocked = false;
            }
        }
        drop(lock);
        self.flush()
    }

    /// Writes every bookmark and note held in memory, saved or not, to a new file
    /// `bookmarks-rescue-<now>-<n>.json` (private to the user) in the data directory, or else in
    /// the first of `fallbacks` that takes it, and returns its path. The file has the format of
    /// `bookmarks.json`, so it can be put in its place.
    pub fn write_rescue(&self, fallbacks: &[PathBuf], now: i64) -> Result<PathBuf, String> {
        let f = BookmarksFile {
            version: VERSION,
            bookmarks: self.bookmarks.clone(),
        };
        let mut bytes = serde_json::to_vec_pretty(&f).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        let mut failures = Vec::new();
        for dir in std::iter::once(&self.dir).chain(fallbacks) {
            match file::write_new_private(dir, &format!("bookmarks-rescue-{now}"), ".json", &bytes)
            {
                Ok(path) => return Ok(path),
                Err(e) => failures.push(format!("{}: {e}", dir.display())),
            }
        }
        Err(failures.join("; "))
    }

    fn tick(&mut self, now: i64) {
        self.clock = self.clock.max(now);
    }

    fn push_bookmark_op(&mut self, op: BookmarkOp) -> Result<(), StoreError> {
        op.apply(&mut self.bookmarks);
        ops::sort(&mut self.bookmarks);
        self.pending_bookmarks.push(op);
        self.flush()
    }

    /// Reads `bookmarks.json` into memory (pending changes applied on top).
    fn load_bookmarks(&mut self) {
        let path = self.bookmarks_path();
        match file::read_versioned::<BookmarksFile>(&path) {
            Read::Missing => self.set_bookmarks_from_disk(Vec::new()),
            Read::Loaded(f) => self.set_bookmarks_from_disk(f.bookmarks),
            Read::Bad(message) => self.block(&path, message),
        }
    }

    fn load_positions(&mut self) {
        let path = self.positions_path();
        match file::read_versioned::<PositionsFile>(&path) {
            Read::Missing => self.set_positions_from_disk(BTreeMap::new()),
            Read::Loaded(f) => self.set_positions_from_disk(f.positions),
            Read::Bad(message) => self.block(&path, message),
        }
    }

    fn set_bookmarks_from_disk(&mut self, mut disk: Vec<Bookmark>) {
        ops::apply_all(&self.pending_bookmarks, &mut disk);
        ops::sort(&mut disk);
        self.bookmarks = disk;
    }

    fn set_positions_from_disk(&mut self, mut disk: BTreeMap<String, Position>) {
        for op in &self.pending_positions {
            op.apply(&mut disk);
        }
        self.positions = disk;
    }

    /// Turns saving off for a bad file, backs it up and records the problem.
    fn block(&mut self, path: &Path, message: String) {
        if path == self.bookmarks_path() {
            self.bookmarks_state.blocked = true;
        } else {
            self.positions_state.blocked = true;
        }
        let what = match file::backup(path, self.clock) {
            Ok(b) => format!("a copy is kept as {}", file::file_name(&b)),
            Err(e) => format!("no backup could be made ({e})"),
        };
        let message = format!(
            "{message}; {what}; saving is off until the file is fixed (retry) or replaced \
             (start fresh)"
        );
        self.problems.retain(|p| p.path != path);
        self.problems.push(StoreProblem {
            path: path.to_path_buf(),
            message,
        });
    }

    /// Saves pending changes: under the lock, re-read each file, apply the pending changes to
    /// what is on disk, and write it back atomically.
    fn flush(&mut self) -> Result<(), StoreError> {
        if self.pending_bookmarks.is_empty() && self.pending_positions.is_empty() {
            return Ok(());
        }
        let lock_path = self.dir.join(LOCK_FILE);
        let _lock = file::lock(&self.dir).map_err(|source| StoreError::Lock {
            path: lock_path,
            source,
        })?;
        let bookmarks = self.flush_bookmarks();
        let positions = self.flush_positions();
        bookmarks.and(positions)
    }

    fn flush_bookmarks(&mut self) -> Result<(), StoreError> {
        if self.pending_bookmarks.is_empty() {
            return Ok(());
        }
        let path = self.bookmarks_path();
        if self.bookmarks_state.blocked {
            return Err(StoreError::SavingDisabled { path });
        }
        let disk = match file::read_versioned::<BookmarksFile>(&path) {
            Read::Missing => Vec::new(),
            Read::Loaded(f) => f.bookmarks,
            Read::Bad(message) => {
                self.block(&path, message);
                return Err(StoreError::SavingDisabled { path });
            }
        };
        self.set_bookmarks_from_disk(disk);
        self.write_bookmarks(self.bookmarks.clone())?;
        self.pending_bookmarks.clear();
        Ok(())
    }

    fn flush_positions(&mut self) -> Result<(), StoreError> {
        if self.pending_positions.is_empty() {
            return Ok(());
        }
        let path = self.positions_path();
        if self.positions_state.blocked {
            return Err(StoreError::SavingDisabled { path });
        }
        let disk = match file::read_versioned::<PositionsFile>(&path) {
            Read::Missing => BTreeMap::new(),
            Read::Loaded(f) => f.positions,
            Read::Bad(message) => {
                self.block(&path, message);
                return Err(StoreError::SavingDisabled { path });
            }
        };
        self.set_positions_from_disk(disk);
        self.write_positions(self.positions.clone())?;
        self.pending_positions.clear();
        Ok(())
    }

    fn write_bookmarks(&self, bookmarks: Vec<Bookmark>) -> Result<(), StoreError> {
        let path = self.bookmarks_path();
        let f = BookmarksFile {
            version: VERSION,
            bookmarks,
        };
        write_json(&path, &f)
    }

    fn write_positions(&self, positions: BTreeMap<String, Position>) -> Result<(), StoreError> {
        let path = self.positions_path();
        let f = PositionsFile {
            version: VERSION,
            positions,
        };
        write_json(&path, &f)
    }
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    bytes.push(b'\n');
    file::write_atomic(path, &bytes).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })
}
