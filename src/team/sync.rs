//! One round of note sync between the local store and the team server.
//!
//! The local store is the source of truth. A round pushes local changes (new bookmarks, edited
//! notes, deletions as tombstones, reading positions), then pulls every server change since the
//! last one seen. What the server held when last synced is kept per note in `team-sync.json`
//! beside the store: its revision and text. An edit is written only if the server's revision is
//! still the one it was made against; otherwise both texts are kept, marked as a conflict. A
//! deletion is a tombstone row, so it reaches every client and never comes back by itself.
//!
//! Every step is idempotent: a round cut off anywhere (server gone, process killed) is repeated
//! by the next without losing or duplicating a note, and the sync state is written only after the
//! local store has saved what the round brought.

use super::{TeamError, pg_text};
use crate::model::ArticleId;
use crate::store::{Bookmark, BookmarkId, Change, Position, Store, Target};
use postgres::{Client, Row};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Name of the sync state file in the data directory.
pub const STATE_FILE: &str = "team-sync.json";

/// Format version of [`STATE_FILE`].
const STATE_VERSION: u64 = 1;

/// Rows pulled per query.
const PAGE: i64 = 5000;

/// Transaction-level advisory lock that orders writers of `notes` (see migration 001).
const WRITE_LOCK: i64 = 0x006e_6f74_6573;

/// Put between two versions of a note edited at once by two people; both are kept.
pub fn conflict_marker(other: &str) -> String {
    format!("\n\n--- edited at the same time by {other} ---\n")
}

/// What the server held for one note when this client last saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synced {
    /// The server's revision.
    pub revision: i64,
    /// The note text at that revision.
    pub note: String,
    /// Who made the bookmark.
    pub author: String,
    /// Who last changed it.
    pub edited_by: String,
    /// True for a tombstone.
    pub deleted: bool,
}

/// The contents of [`STATE_FILE`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// Format version.
    pub version: u64,
    /// `host:port/db` of the server this state belongs to.
    pub server: String,
    /// The user this state belongs to.
    pub user: String,
    /// The highest change number pulled.
    pub last_change: i64,
    /// Per note id.
    pub notes: BTreeMap<String, Synced>,
}

impl SyncState {
    /// Path of the state file in a data directory.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(STATE_FILE)
    }

    /// Reads the state for `server` and `user`; a missing file or one for another server or
    /// user gives an empty state (the next round then matches notes by id).
    pub fn load(dir: &Path, server: &str, user: &str) -> Result<SyncState, TeamError> {
        let path = Self::path(dir);
        let fresh = SyncState {
            version: STATE_VERSION,
            server: server.to_string(),
            user: user.to_string(),
            ..SyncState::default()
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(fresh),
            Err(e) => return Err(state_error(&path, e.to_string())),
        };
        let state: SyncState =
            serde_json::from_slice(&bytes).map_err(|e| state_error(&path, e.to_string()))?;
        if state.version > STATE_VERSION {
            return Err(state_error(
                &path,
                format!("version {} was written by a newer dossier", state.version),
            ));
        }
        if state.server != server || state.user != user {
            return Ok(fresh);
        }
        Ok(state)
    }

    /// Reads whatever state is in `dir` (for showing authors), or an empty one.
    pub fn load_any(dir: &Path) -> SyncState {
        std::fs::read(Self::path(dir))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes the state atomically, as the store writes its files.
    pub fn save(&self, dir: &Path) -> Result<(), TeamError> {
        let path = Self::path(dir);
        let bytes = serde_json::to_vec(self).map_err(|e| state_error(&path, e.to_string()))?;
        crate::store::write_atomic(&path, &bytes).map_err(|e| state_error(&path, e.to_string()))
    }

    /// Who made each synced note and who last changed it, by bookmark id.
    pub fn authors(&self) -> HashMap<BookmarkId, (String, String)> {
        self.notes
            .iter()
            .filter(|(_, s)| !s.deleted)
            .map(|(id, s)| {
                (
                    BookmarkId(id.clone()),
                    (s.author.clone(), s.edited_by.clone()),
                )
            })
            .collect()
    }
}

fn state_error(path: &Path, message: String) -> TeamError {
    TeamError::State {
        path: path.display().to_string(),
        message,
    }
}

/// Counts of one round.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// New bookmarks sent.
    pub pushed_new: usize,
    /// Edited notes sent.
    pub pushed_edits: usize,
    /// Deletions sent.
    pub pushed_deletes: usize,
    /// Bookmarks received from others.
    pub pulled_new: usize,
    /// Notes changed by others.
    pub pulled_edits: usize,
    /// Deletions by others.
    pub pulled_deletes: usize,
    /// Notes edited here and elsewhere at once (both texts kept), or deleted elsewhere while
    /// edited here (the edit kept).
    pub conflicts: usize,
    /// Reading positions sent.
    pub positions_up: usize,
    /// Reading positions received.
    pub positions_down: usize,
}

impl std::fmt::Display for SyncReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "sent {} new, {} edited, {} deleted; received {} new, {} edited, {} deleted; \
             {} conflict(s) kept both texts; positions {} sent, {} received",
            self.pushed_new,
            self.pushed_edits,
            self.pushed_deletes,
            self.pulled_new,
            self.pulled_edits,
            self.pulled_deletes,
            self.conflicts,
            self.positions_up,
            self.positions_down
        )
    }
}

/// A note as the server holds it.
#[derive(Debug, Clone)]
struct Remote {
    bookmark: Bookmark,
    author: String,
    edited_by: String,
    revision: i64,
    deleted: bool,
    change: i64,
}

impl Remote {
    fn synced(&self) -> Synced {
        Synced {
            revision: self.revision,
            note: self.bookmark.note.clone(),
            author: self.author.clone(),
            edited_by: self.edited_by.clone(),
            deleted: self.deleted,
        }
    }
}

const SELECT: &str = "SELECT id, article, source, title, target, anchor::text, note, author, \
     edited_by, revision, deleted, extract(epoch FROM created)::int8, \
     extract(epoch FROM updated)::int8, change FROM notes";

fn remote_from_row(row: &Row) -> Result<Remote, TeamError> {
    let target: String = row.get(4);
    let target: Target = serde_json::from_value(serde_json::Value::String(target.clone()))
        .map_err(|_| TeamError::Schema(format!("unknown bookmark target '{target}'")))?;
    let anchor: String = row.get(5);
    let anchor = serde_json::from_str(&anchor)
        .map_err(|e| TeamError::Schema(format!("bad anchor on the server: {e}")))?;
    Ok(Remote {
        bookmark: Bookmark {
            id: BookmarkId(row.get(0)),
            article: ArticleId(row.get(1)),
            source: row.get(2),
            title: row.get(3),
            target,
            anchor,
            note: row.get(6),
            created: row.get(11),
            updated: row.get(12),
        },
        author: row.get(7),
        edited_by: row.get(8),
        revision: row.get(9),
        deleted: row.get(10),
        change: row.get(13),
    })
}

/// Who the round runs as and where it keeps its state.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    /// The user, written as author and editor.
    pub user: &'a str,
    /// `host:port/db`, to tell servers apart in the sync state.
    pub server: &'a str,
}

/// Runs one sync round: push, then pull, then save the local store and the sync state.
///
/// A user who may only read still receives others' changes; the round then fails with
/// [`TeamError::ReadOnly`] naming the user.
pub fn sync_round(
    client: &mut Client,
    store: &mut Store,
    who: Who<'_>,
) -> Result<SyncReport, TeamError> {
    let dir = store.dir().to_path_buf();
    let mut state = SyncState::load(&dir, who.server, who.user)?;
    let mut report = SyncReport::default();
    let mut local_changes = Vec::new();
    let pushed = push(
        client,
        store,
        who,
        &mut state,
        &mut report,
        &mut local_changes,
    );
    let refused = match pushed {
        Ok(()) => None,
        Err(e @ TeamError::ReadOnly { .. }) => Some(e),
        Err(e) => return Err(e),
    };
    if refused.is_none() {
        push_positions(client, store, who.user, &mut report)?;
    }
    pull(client, store, &mut state, &mut report, &mut local_changes)?;
    pull_positions(client, store, who.user, &mut report, &mut local_changes)?;
    store.apply_changes(local_changes)?;
    state.save(&dir)?;
    match refused {
        Some(e) => Err(e),
        None => Ok(report),
    }
}

fn push(
    client: &mut Client,
    store: &Store,
    who: Who<'_>,
    state: &mut SyncState,
    report: &mut SyncReport,
    local_changes: &mut Vec<Change>,
) -> Result<(), TeamError> {
    let local: HashMap<&str, &Bookmark> = store
        .bookmarks()
        .iter()
        .map(|b| (b.id.0.as_str(), b))
        .collect();
    let mut new = Vec::new();
    let mut edited = Vec::new();
    for b in store.bookmarks() {
        match state.notes.get(&b.id.0) {
            None => new.push(b.clone()),
            Some(s) if s.deleted || s.note != pg_text(&b.note) => edited.push((b, s.revision)),
            Some(_) => {}
        }
    }
    let deleted: Vec<(String, i64)> = state
        .notes
        .iter()
        .filter(|(id, s)| !s.deleted && !local.contains_key(id.as_str()))
        .map(|(id, s)| (id.clone(), s.revision))
        .collect();
    let write = |e| TeamError::from_write(e, who.user);

    // New bookmarks, in one statement; ids already on the server (a round cut off after the
    // insert, or the same data directory synced to a fresh state) go through the edit path.
    let mut contested: Vec<&Bookmark> = Vec::new();
    if !new.is_empty() {
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(write)?;
        let cols = Columns::of(&new);
        let rows = tx
            .query(
                "INSERT INTO notes (id, article, source, title, target, anchor, note, author, \
                 edited_by, created, updated) \
                 SELECT u.id, u.article, u.source, u.title, u.target, u.anchor::jsonb, u.note, \
                 $10, $10, to_timestamp(u.created), to_timestamp(u.updated) \
                 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], \
                 $6::text[], $7::text[], $8::int8[], $9::int8[]) \
                 AS u(id, article, source, title, target, anchor, note, created, updated) \
                 ON CONFLICT (id) DO NOTHING RETURNING id, revision",
                &[
                    &cols.id,
                    &cols.article,
                    &cols.source,
                    &cols.title,
                    &cols.target,
                    &cols.anchor,
                    &cols.note,
                    &cols.created,
                    &cols.updated,
                    &who.user,
                ],
            )
            .map_err(write)?;
        tx.commit().map_err(write)?;
        let mut inserted: HashMap<String, i64> = HashMap::new();
        for row in rows {
            inserted.insert(row.get(0), row.get(1));
        }
        for b in &new {
            match inserted.get(&b.id.0) {
                Some(&revision) => {
                    report.pushed_new += 1;
                    state.notes.insert(
                        b.id.0.clone(),
                        Synced {
                            revision,
                            note: pg_text(&b.note),
                            author: who.user.to_string(),
                            edited_by: who.user.to_string(),
                            deleted: false,
                        },
                    );
                }
                None => {
                    if let Some(b) = local.get(b.id.0.as_str()) {
                        contested.push(b);
                    }
                }
            }
        }
    }

    // Edits, written only over the revision they were made against.
    if !edited.is_empty() {
        let ids: Vec<&str> = edited.iter().map(|(b, _)| b.id.0.as_str()).collect();
        let notes: Vec<String> = edited.iter().map(|(b, _)| pg_text(&b.note)).collect();
        let revs: Vec<i64> = edited.iter().map(|(_, r)| *r).collect();
        let updated: Vec<i64> = edited.iter().map(|(b, _)| b.updated).collect();
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(write)?;
        let rows = tx
            .query(
                "UPDATE notes SET note = u.note, revision = notes.revision + 1, edited_by = $5, \
                 updated = to_timestamp(u.updated), deleted = false, received = now(), \
                 change = nextval('note_change') \
                 FROM unnest($1::text[], $2::text[], $3::int8[], $4::int8[]) \
                 AS u(id, note, rev, updated) \
                 WHERE notes.id = u.id AND notes.revision = u.rev \
                 RETURNING notes.id, notes.revision",
                &[&ids, &notes, &revs, &updated, &who.user],
            )
            .map_err(write)?;
        tx.commit().map_err(write)?;
        let done: HashMap<String, i64> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        for (b, _) in &edited {
            match done.get(&b.id.0) {
                Some(&revision) => {
                    report.pushed_edits += 1;
                    if let Some(s) = state.notes.get_mut(&b.id.0) {
                        s.revision = revision;
                        s.note = pg_text(&b.note);
                        s.edited_by = who.user.to_string();
                        s.deleted = false;
                    }
                }
                None => contested.push(b),
            }
        }
    }

    for b in contested {
        resolve(client, b, who.user, state, report, local_changes)?;
    }

    // Deletions become tombstones, unless someone changed the note meanwhile: then the pull
    // brings their version back here.
    if !deleted.is_empty() {
        let ids: Vec<&str> = deleted.iter().map(|(id, _)| id.as_str()).collect();
        let revs: Vec<i64> = deleted.iter().map(|(_, r)| *r).collect();
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(write)?;
        let rows = tx
            .query(
                "UPDATE notes SET deleted = true, revision = notes.revision + 1, \
                 edited_by = $3, received = now(), change = nextval('note_change') \
                 FROM unnest($1::text[], $2::int8[]) AS u(id, rev) \
                 WHERE notes.id = u.id AND notes.revision = u.rev AND NOT notes.deleted \
                 RETURNING notes.id, notes.revision",
                &[&ids, &revs, &who.user],
            )
            .map_err(write)?;
        tx.commit().map_err(write)?;
        let tombstoned = rows.len();
        for row in rows {
            let id: String = row.get(0);
            report.pushed_deletes += 1;
            if let Some(s) = state.notes.get_mut(&id) {
                s.revision = row.get(1);
                s.deleted = true;
                s.edited_by = who.user.to_string();
            }
        }
        if deleted.len() > tombstoned {
            // Changed elsewhere since: the edit is kept and comes back with the pull, unless
            // the other side deleted it too (then it is already a tombstone).
            let rows =
                client.query(&format!("{SELECT} WHERE id = ANY($1) AND deleted"), &[&ids])?;
            let mut already = 0;
            for row in &rows {
                let r = remote_from_row(row)?;
                let synced = r.synced();
                if state
                    .notes
                    .get(&r.bookmark.id.0)
                    .is_some_and(|s| !s.deleted)
                {
                    already += 1;
                    state.notes.insert(r.bookmark.id.0.clone(), synced);
                }
            }
            report.conflicts += (deleted.len() - tombstoned).saturating_sub(already);
        }
    }
    Ok(())
}

/// Settles one note whose push met a different server revision: both texts are kept unless
/// the server already holds this text (a repeated round).
fn resolve(
    client: &mut Client,
    mine: &Bookmark,
    user: &str,
    state: &mut SyncState,
    report: &mut SyncReport,
    local_changes: &mut Vec<Change>,
) -> Result<(), TeamError> {
    let write = |e| TeamError::from_write(e, user);
    for _ in 0..8 {
        let rows = client.query(&format!("{SELECT} WHERE id = $1"), &[&mine.id.0])?;
        let Some(row) = rows.first() else {
            // Vanished between the two statements; cannot happen with tombstones, but an
            // insert settles it either way.
            return Err(TeamError::Schema(format!(
                "note {} disappeared from the server",
                mine.id
            )));
        };
        let server = remote_from_row(row)?;
        let base = state.notes.get(&mine.id.0).map(|s| s.note.as_str());
        let mine_text = pg_text(&mine.note);
        let holds_mine = !server.deleted
            && (server.bookmark.note == mine_text
                || (server.edited_by == user && server.bookmark.note.starts_with(&mine_text)));
        if holds_mine {
            // This text is already there: a round cut off after its write, now repeated.
            if server.bookmark.note != mine.note {
                local_changes.push(Change::SetNote {
                    base: mine.note.clone(),
                    snapshot: server.bookmark.clone(),
                });
            }
            state.notes.insert(mine.id.0.clone(), server.synced());
            return Ok(());
        }
        let (text, conflict) = if server.deleted || Some(server.bookmark.note.as_str()) == base {
            (mine_text, server.deleted)
        } else {
            (
                format!(
                    "{}{}{}",
                    mine_text,
                    conflict_marker(&server.edited_by),
                    server.bookmark.note
                ),
                true,
            )
        };
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(write)?;
        let done = tx
            .query(
                "UPDATE notes SET note = $2, revision = revision + 1, edited_by = $4, \
                 updated = to_timestamp($5::int8), deleted = false, received = now(), \
                 change = nextval('note_change') WHERE id = $1 AND revision = $3 \
                 RETURNING revision",
                &[
                    &mine.id.0,
                    &text,
                    &server.revision,
                    &user,
                    &mine.updated.max(server.bookmark.updated),
                ],
            )
            .map_err(write)?;
        tx.commit().map_err(write)?;
        let Some(row) = done.first() else {
            continue; // changed again meanwhile; look again
        };
        report.pushed_edits += 1;
        if conflict {
            report.conflicts += 1;
        }
        if text != mine.note {
            let mut snapshot = mine.clone();
            snapshot.note = text.clone();
            local_changes.push(Change::SetNote {
                base: mine.note.clone(),
                snapshot,
            });
        }
        state.notes.insert(
            mine.id.0.clone(),
            Synced {
                revision: row.get(0),
                note: text,
                author: server.author,
                edited_by: user.to_string(),
                deleted: false,
            },
        );
        return Ok(());
    }
    Err(TeamError::Schema(format!(
        "note {} keeps changing on the server; try again",
        mine.id
    )))
}

fn pull(
    client: &mut Client,
    store: &Store,
    state: &mut SyncState,
    report: &mut SyncReport,
    local_changes: &mut Vec<Change>,
) -> Result<(), TeamError> {
    // Notes already changed by this round are looked up in what it will apply.
    let mut local: HashMap<String, String> = store
        .bookmarks()
        .iter()
        .map(|b| (b.id.0.clone(), b.note.clone()))
        .collect();
    for c in local_changes.iter() {
        if let Change::SetNote { snapshot, .. } = c {
            local.insert(snapshot.id.0.clone(), snapshot.note.clone());
        }
    }
    loop {
        let rows = client.query(
            &format!("{SELECT} WHERE change > $1 ORDER BY change LIMIT $2"),
            &[&state.last_change, &PAGE],
        )?;
        let n = rows.len();
        for row in &rows {
            let r = remote_from_row(row)?;
            state.last_change = state.last_change.max(r.change);
            let id = r.bookmark.id.0.clone();
            let known = state.notes.get(&id);
            if known.is_some_and(|s| s.revision >= r.revision) {
                continue;
            }
            if r.deleted {
                if local.remove(&id).is_some() {
                    local_changes.push(Change::Delete(r.bookmark.id.clone()));
                    report.pulled_deletes += 1;
                }
            } else {
                match local.get(&id) {
                    Some(note) if *note == r.bookmark.note => {}
                    Some(note) => {
                        local_changes.push(Change::SetNote {
                            base: note.clone(),
                            snapshot: r.bookmark.clone(),
                        });
                        local.insert(id.clone(), r.bookmark.note.clone());
                        report.pulled_edits += 1;
                    }
                    None => {
                        local_changes.push(Change::Add(r.bookmark.clone()));
                        local.insert(id.clone(), r.bookmark.note.clone());
                        report.pulled_new += 1;
                    }
                }
            }
            state.notes.insert(id, r.synced());
        }
        if (n as i64) < PAGE {
            return Ok(());
        }
    }
}

fn push_positions(
    client: &mut Client,
    store: &Store,
    user: &str,
    report: &mut SyncReport,
) -> Result<(), TeamError> {
    let entries: Vec<(&str, Position)> = store.position_entries().collect();
    if entries.is_empty() {
        return Ok(());
    }
    let keys: Vec<&str> = entries.iter().map(|(k, _)| *k).collect();
    let bytes: Vec<i64> = entries
        .iter()
        .map(|(_, p)| i64::try_from(p.offset).unwrap_or(i64::MAX))
        .collect();
    let updated: Vec<i64> = entries.iter().map(|(_, p)| p.updated).collect();
    let n = client
        .execute(
            "INSERT INTO positions (author, key, byte, updated) \
             SELECT $1, u.key, u.byte, to_timestamp(u.updated) \
             FROM unnest($2::text[], $3::int8[], $4::int8[]) AS u(key, byte, updated) \
             ON CONFLICT (author, key) DO UPDATE SET byte = excluded.byte, \
             updated = excluded.updated WHERE positions.updated < excluded.updated",
            &[&user, &keys, &bytes, &updated],
        )
        .map_err(|e| TeamError::from_write(e, user))?;
    report.positions_up = usize::try_from(n).unwrap_or(usize::MAX);
    Ok(())
}

fn pull_positions(
    client: &mut Client,
    store: &Store,
    user: &str,
    report: &mut SyncReport,
    local_changes: &mut Vec<Change>,
) -> Result<(), TeamError> {
    let local: HashMap<&str, Position> = store.position_entries().collect();
    let rows = client.query(
        "SELECT key, byte, extract(epoch FROM updated)::int8 FROM positions WHERE author = $1",
        &[&user],
    )?;
    for row in rows {
        let key: String = row.get(0);
        let byte: i64 = row.get(1);
        let position = Position {
            offset: usize::try_from(byte).unwrap_or(0),
            updated: row.get(2),
        };
        if local
            .get(key.as_str())
            .is_none_or(|p| p.updated < position.updated)
        {
            local_changes.push(Change::Position { key, position });
            report.positions_down += 1;
        }
    }
    Ok(())
}

/// The columns of many bookmarks, for one `unnest` insert.
struct Columns {
    id: Vec<String>,
    article: Vec<String>,
    source: Vec<String>,
    title: Vec<String>,
    target: Vec<String>,
    anchor: Vec<String>,
    note: Vec<String>,
    created: Vec<i64>,
    updated: Vec<i64>,
}

impl Columns {
    fn of(list: &[Bookmark]) -> Columns {
        Columns {
            id: list.iter().map(|b| b.id.0.clone()).collect(),
            article: list.iter().map(|b| b.article.0.clone()).collect(),
            source: list.iter().map(|b| pg_text(&b.source)).collect(),
            title: list.iter().map(|b| pg_text(&b.title)).collect(),
            target: list.iter().map(|b| b.target.name().to_string()).collect(),
            anchor: list
                .iter()
                .map(|b| {
                    serde_json::to_string(&b.anchor)
                        .map(|j| j.replace("\\u0000", "\\ufffd"))
                        .unwrap_or_else(|_| "{}".into())
                })
                .collect(),
            note: list.iter().map(|b| pg_text(&b.note)).collect(),
            created: list.iter().map(|b| b.created).collect(),
            updated: list.iter().map(|b| b.updated).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_for_another_server_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = SyncState::load(dir.path(), "a:1/db", "ann").unwrap();
        s.last_change = 7;
        s.save(dir.path()).unwrap();
        assert_eq!(
            SyncState::load(dir.path(), "a:1/db", "ann")
                .unwrap()
                .last_change,
            7
        );
        assert_eq!(
            SyncState::load(dir.path(), "b:1/db", "ann")
                .unwrap()
                .last_change,
            0
        );
    }

    #[test]
    fn conflict_marker_names_the_other_editor() {
        assert!(conflict_marker("bob").contains("by bob"));
    }
}
