//! Sync rounds on a worker thread for the reader: one round at start and then every interval,
//! each announced over a channel as a [`TeamStatus`]. The worker opens the store itself (the
//! store's lock and re-read make that safe beside the reader's own copy) and keeps one
//! connection, opening a new one after the server was away.

use super::sync::{SyncState, Who, sync_round};
use super::{Settings, migrate};
use crate::store::{BookmarkId, Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// What the reader shows about team sync after a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamStatus {
    /// This user.
    pub user: String,
    /// False when the server could not be reached (changes stay local until it is back).
    pub online: bool,
    /// The round's counts, or why it failed.
    pub message: String,
    /// True when the round changed the local store (the reader reloads it).
    pub changed: bool,
    /// Who made each shared note and who last changed it.
    pub authors: HashMap<BookmarkId, (String, String)>,
}

/// A running sync worker; dropping it stops the worker after its current round.
pub struct Syncer {
    rx: Receiver<TeamStatus>,
    stop: Arc<AtomicBool>,
}

impl Syncer {
    /// Starts rounds against `settings` for the store in `data_dir`, one now and then one
    /// every `every`.
    pub fn start(settings: Settings, data_dir: PathBuf, every: Duration) -> Syncer {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut client: Option<postgres::Client> = None;
            while !flag.load(Ordering::Relaxed) {
                let status = round(&settings, &data_dir, &mut client);
                if tx.send(status).is_err() {
                    return;
                }
                let mut slept = Duration::ZERO;
                while slept < every && !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    slept += Duration::from_millis(100);
                }
            }
        });
        Syncer { rx, stop }
    }

    /// The newest status, if a round finished since the last call.
    pub fn try_latest(&self) -> Option<TeamStatus> {
        self.rx.try_iter().last()
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn round(
    settings: &Settings,
    data_dir: &std::path::Path,
    client: &mut Option<postgres::Client>,
) -> TeamStatus {
    let mut status = TeamStatus {
        user: settings.user.clone(),
        online: false,
        message: String::new(),
        changed: false,
        authors: HashMap::new(),
    };
    if client.as_ref().is_none_or(postgres::Client::is_closed) {
        match settings
            .connect()
            .and_then(|mut c| migrate::migrate(&mut c).map(|_| c))
        {
            Ok(c) => *client = Some(c),
            Err(e) => {
                status.message = e.to_string();
                status.online = !e.is_offline();
                status.authors = SyncState::load_any(data_dir).authors();
                return status;
            }
        }
    }
    let Some(c) = client.as_mut() else {
        return status;
    };
    let mut store = Store::open(data_dir, crate::session::now());
    let result = sync_round(
        c,
        &mut store,
        Who {
            user: &settings.user,
            server: &settings.server,
        },
    );
    match result {
        Ok(report) => {
            status.online = true;
            status.changed = report.pulled_new + report.pulled_edits + report.pulled_deletes > 0
                || report.conflicts > 0;
            status.message = report.to_string();
        }
        Err(e) => {
            status.online = !e.is_offline();
            if e.is_offline() {
                *client = None;
            }
            status.changed = matches!(e, super::TeamError::ReadOnly { .. });
            status.message = e.to_string();
        }
    }
    status.authors = SyncState::load_any(data_dir).authors();
    status
}
