//! Publishing as a pipeline: batches handed to a [`Publisher`] are written by a few writer
//! threads, each on its own connection, while the caller goes on analysing or reading the next
//! batch. Each batch is still one transaction of [`super::corpus::publish`], keyed by article
//! id, so batches may commit in any order and an interrupted run is completed by running it
//! again.

use super::corpus::{self, Published};
use super::{Settings, TeamError};
use crate::model::{Analysis, Article};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One batch: articles with their analyses (shared, so that a caller publishing the same
/// analysis under several ids need not copy it).
pub type Batch = Vec<(Article, Arc<Analysis>)>;

/// Writer threads publishing batches as they come.
pub struct Publisher {
    sender: Option<SyncSender<Batch>>,
    writers: Vec<JoinHandle<Result<(), TeamError>>>,
    done: Arc<Mutex<Published>>,
    failed: Arc<AtomicBool>,
}

impl std::fmt::Debug for Publisher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Publisher({} writers)", self.writers.len())
    }
}

impl Publisher {
    /// Starts `writers` writer threads (at least one), each connecting with `settings` and
    /// writing as `user`. At most one batch waits beside those being written, so a caller that
    /// runs ahead blocks in [`Publisher::send`] rather than piling batches up in memory.
    ///
    /// The writers' sessions commit without waiting for the server's disk
    /// (`synchronous_commit = off`): a server that crashes may lose the last batches it
    /// acknowledged, which publishing again puts back, and nothing else.
    pub fn start(settings: &Settings, user: &str, writers: usize) -> Result<Publisher, TeamError> {
        let (sender, receiver) = sync_channel::<Batch>(1);
        let receiver = Arc::new(Mutex::new(receiver));
        let done = Arc::new(Mutex::new(Published::default()));
        let failed = Arc::new(AtomicBool::new(false));
        let mut handles = Vec::new();
        for _ in 0..writers.max(1) {
            // Connect here, so that a server that cannot be reached fails the start.
            let mut client = settings.connect()?;
            client.batch_execute("SET synchronous_commit = off")?;
            let receiver = Arc::clone(&receiver);
            let done = Arc::clone(&done);
            let failed = Arc::clone(&failed);
            let user = user.to_string();
            handles.push(std::thread::spawn(move || {
                // After one writer's failure the others stop too, leaving the rest unwritten.
                while !failed.load(Ordering::Relaxed)
                    && let Some(batch) = next(&receiver)
                {
                    let refs: Vec<(&Article, &Analysis)> =
                        batch.iter().map(|(a, an)| (a, an.as_ref())).collect();
                    match corpus::publish(&mut client, &user, &refs) {
                        Ok(published) => {
                            if let Ok(mut d) = done.lock() {
                                *d += published;
                            }
                        }
                        Err(e) => {
                            failed.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                }
                Ok(())
            }));
        }
        Ok(Publisher {
            sender: Some(sender),
            writers: handles,
            done,
            failed,
        })
    }

    /// Hands a batch to the writers, waiting while they are all busy and one batch is queued.
    /// Fails with a writer's error once one has failed (the writers have then stopped).
    pub fn send(&mut self, batch: Batch) -> Result<(), TeamError> {
        if batch.is_empty() {
            return Ok(());
        }
        let sent = if self.failed.load(Ordering::Relaxed) {
            None
        } else {
            self.sender.as_ref().map(|s| s.send(batch))
        };
        match sent {
            Some(Ok(())) => Ok(()),
            // A writer failed, or every writer has ended (which they only do on an error).
            _ => Err(self.stop().err().unwrap_or_else(stopped)),
        }
    }

    /// Counts of the batches written so far.
    pub fn done(&self) -> Published {
        self.done.lock().map(|d| *d).unwrap_or_default()
    }

    /// Waits for the batches handed over to be written; the counts of everything written, or
    /// the first writer's error.
    pub fn finish(mut self) -> Result<Published, TeamError> {
        self.stop()?;
        Ok(self.done())
    }

    fn stop(&mut self) -> Result<(), TeamError> {
        self.sender = None;
        let mut first = Ok(());
        for handle in self.writers.drain(..) {
            let result = handle.join().unwrap_or_else(|_| Err(stopped()));
            if first.is_ok() {
                first = result;
            }
        }
        first
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

fn next(receiver: &Mutex<Receiver<Batch>>) -> Option<Batch> {
    receiver.lock().ok()?.recv().ok()
}

fn stopped() -> TeamError {
    TeamError::Schema("the publishing threads stopped".into())
}
