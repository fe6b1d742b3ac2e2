//! Carries out the state's storage effects against the [`Store`] and reports back as an
//! [`Input`]. Shared by the interactive runner and headless rendering, so both save the same
//! way. Does file IO through the store; never imports the terminal crates.

use crate::action::Action;
use crate::state::{AppState, Effect, Input, Severity, StoreOp, StoreReport};
use crate::store::{Store, StoreError};
use std::path::Path;

/// Whether an operation's success message suggests undoing it.
enum OpKind {
    Delete,
    Other,
}

/// The storage side of a running reader.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    /// Where a rescue file may go when the data directory takes none, in order.
    rescue_dirs: Vec<std::path::PathBuf>,
}

/// Seconds since the Unix epoch, the clock the store records times in.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Session {
    /// Opens the store in `data_dir`, or runs without saving when there is none.
    pub fn open(data_dir: Option<&Path>, now: i64) -> Session {
        Session {
            store: data_dir.map(|dir| Store::open(dir, now)),
            rescue_dirs: Vec::new(),
        }
    }

    /// Adds a directory for rescue files, tried after the data directory.
    pub fn with_rescue_dir(mut self, dir: std::path::PathBuf) -> Session {
        self.rescue_dirs.push(dir);
        self
    }

    /// Number of changes held in memory that are not saved.
    pub fn unsaved(&self) -> usize {
        self.store.as_ref().map_or(0, Store::pending_changes)
    }

    /// What the state needs to know about the store: bookmarks, saved reading positions by key,
    /// whether saving works, and any problem to show.
    pub fn report(&self, message: Option<(String, Severity)>) -> StoreReport {
        self.report_of(message, true)
    }

    /// As [`Session::report`], carrying the bookmarks only when `bookmarks` says they may have
    /// changed.
    fn report_of(&self, message: Option<(String, Severity)>, bookmarks: bool) -> StoreReport {
        let Some(store) = &self.store else {
            return StoreReport {
                bookmarks: bookmarks.then(Vec::new),
                saving: false,
                problems: vec!["no data directory: bookmarks and notes are not saved".into()],
                pending: 0,
                message,
                suggest: None,
            };
        };
        StoreReport {
            bookmarks: bookmarks.then(|| store.bookmarks().to_vec()),
            saving: store.is_saving_enabled(),
            problems: store
                .problems()
                .iter()
                .map(|p| format!("{}: {}", p.path.display(), p.message))
                .collect(),
            pending: store.pending_changes(),
            message,
            suggest: None,
        }
    }

    /// Re-reads the data files after another process (the team sync worker) changed them.
    pub fn reload(&mut self, now: i64) {
        if let Some(store) = &mut self.store {
            // Problems found on re-reading are reported through the next `report`.
            let _ = store.retry(now);
        }
    }

    /// Every saved reading position, by position key.
    pub fn positions(&self) -> std::collections::HashMap<String, usize> {
        self.store
            .as_ref()
            .map(|s| s.positions().map(|(k, o)| (k.to_string(), o)).collect())
            .unwrap_or_default()
    }

    /// The saved reading position for a position key.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.store.as_ref().and_then(|s| s.position(key))
    }

    /// Carries out one operation and reports the result.
    pub fn perform(&mut self, op: StoreOp, now: i64) -> Input {
        match op {
            StoreOp::CheckBeforeQuit => return Input::QuitCheck(self.report(None)),
            StoreOp::Rescue => {
                let Some(store) = &self.store else {
                    return Input::Rescued(Err("no data directory".into()));
                };
                return Input::Rescued(
                    store
                        .write_rescue(&self.rescue_dirs, now)
                        .map(|p| p.display().to_string()),
                );
            }
            _ => {}
        }
        let bookmarks = !matches!(op, StoreOp::SetPositions(_));
        let op_kind = if matches!(op, StoreOp::Delete(_)) {
            OpKind::Delete
        } else {
            OpKind::Other
        };
        let Some(store) = &mut self.store else {
            // Positions are written at every pause: saying each time that they cannot be would
            // only repeat the start-up warning.
            let message =
                bookmarks.then(|| ("not saved: no data directory".into(), Severity::Warning));
            return Input::Store(self.report_of(message, bookmarks));
        };
        let (result, done): (Result<(), StoreError>, String) = match op {
            StoreOp::Add(b) => (store.add(b), "bookmarked".into()),
            StoreOp::SetNote(id, note) => (store.set_note(&id, &note, now), "note saved".into()),
            StoreOp::Delete(id) => (store.delete(&id).map(|_| ()), "bookmark deleted".into()),
            StoreOp::Restore(b) => (store.restore(b), "bookmark restored".into()),
            StoreOp::SetPositions(positions) => {
                (store.set_positions(&positions, now), String::new())
            }
            StoreOp::Retry => (store.retry(now), "saved".into()),
            StoreOp::StartFresh => (
                store.start_fresh(now),
                "started a new bookmarks file; the old one is kept as a backup".into(),
            ),
            StoreOp::CheckBeforeQuit | StoreOp::Rescue => (Ok(()), String::new()),
        };
        let deleted = matches!(op_kind, OpKind::Delete);
        let (message, suggest) = match result {
            Ok(()) if done.is_empty() => (None, None),
            Ok(()) => (
                Some((done, Severity::Info)),
                deleted.then_some((Action::UndoDelete, "to undo")),
            ),
            Err(e) if e.is_kept_in_memory() => (
                Some((e.to_string(), Severity::Warning)),
                Some((Action::RetrySave, "retries")),
            ),
            Err(e) => (Some((e.to_string(), Severity::Warning)), None),
        };
        let mut report = self.report_of(message, bookmarks);
        report.suggest = suggest;
        Input::Store(report)
    }
}

/// Carries out the storage effects in `effects` (feeding each report back into the state, which
/// may queue more) and returns the rest, in order, for the caller: quitting, the mouse, the
/// clipboard and the external editor.
pub fn settle(state: &mut AppState, session: &mut Session, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut rest = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Store(op) => {
                let report = session.perform(op, state.time.now);
                queue.extend(state.handle(report));
            }
            other => rest.push(other),
        }
    }
    rest
}
