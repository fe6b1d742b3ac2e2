//! Background indexing: walks the corpus, ingests and analyses articles on worker threads (cache
//! first) and announces the results over a channel, so the UI never waits for it.
//!
//! Every command loads its corpus here. [`Indexer::start`] returns at once. A coordinator thread
//! lists the files with [`crate::ingest::list_files`] (`.txt`/`.md`, directory entries sorted,
//! each file once) and worker threads claim chunks of that list, load each file with
//! [`crate::ingest::load_file`], take its
//! [`Analysis`] from the [`Cache`] or run [`analyze`] and store it, and send each chunk as one
//! [`IndexEvent::Articles`] batch followed by an [`IndexEvent::Progress`]. The receiver polls
//! with [`Indexer::try_recv_all`] (never blocks) or waits with [`Indexer::recv`].
//!
//! # Cross-article canonical names
//!
//! [`crate::extract::analyze_corpus`] is `analyze` on every article plus the corpus pass of
//! [`crate::extract::corpus`], which only renames what each article found: the most frequent
//! spelling of each entity key wins, and a single-word person name ("Putin") becomes the full
//! name it starts or ends ("Wladimir Putin") unless that is ambiguous. That pass depends only on
//! how often each (language, kind, canonical name) occurs, so the workers count those with the
//! same [`NameCounts`] as they go, and when every file is done the coordinator sends
//! [`IndexEvent::Canonical`] with the resulting [`CanonicalNames`]. Batches arrive with
//! per-article names (what the cache stores); applying the map to every analysis gives exactly
//! `analyze_corpus`'s output. The trade-off: until the end, "Putin" in one article and "Wladimir
//! Putin" in another are listed apart; the final pass costs one hash lookup per mention.
//! [`Corpus`] does this bookkeeping and keeps the articles sorted by path whatever the arrival
//! order, for [`IndexedCorpus`] (commands that wait) and for the reader alike.
//!
//! Workers run on their own threads, not on rayon's global pool, so palette queries (which use
//! that pool) never queue behind indexing. Dropping the [`Indexer`] asks the workers to stop
//! after their current file. Cache pruning is left to the caller ([`Cache::prune`] with the ids
//! of every corpus it keeps), since one cache directory may serve several corpora.
//!
//! Paths are passed in; this module must not import `ratatui`, `crossterm` or `directories`.

pub mod cache;
pub mod labels;
pub mod snapshot;

use crate::corpus::Corpus;
use crate::extract::analyze;
pub use crate::extract::corpus::CanonicalNames;
use crate::extract::corpus::NameCounts;
use crate::ingest::{LoadOptions, list_files, load_file};
use crate::model::{Analysis, Article, Lang};
use cache::Cache;
use rayon::prelude::*;
use snapshot::FileStamp;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// Files a worker claims at a time; also the size of an [`IndexEvent::Articles`] batch.
const CHUNK: usize = 16;

/// Articles longer than this (in bytes) are sent as soon as they are read, with an empty
/// analysis that an [`IndexEvent::Analyses`] fills in later: the reader shows a huge article
/// while it is being analysed.
pub const EARLY_ARTICLE: usize = 1024 * 1024;

/// What the indexer announces.
#[derive(Debug, Clone)]
pub enum IndexEvent {
    /// Articles that finished indexing, with their per-article analyses, in path order within
    /// the batch (batches themselves arrive in any order). An article longer than 1 MiB comes
    /// alone as soon as it is read, with an empty analysis filled in by an
    /// [`IndexEvent::Analyses`].
    Articles(Vec<(Article, Analysis)>),
    /// The whole corpus at once, sorted by path and under corpus-wide canonical names: sent
    /// instead of `Articles` and `Canonical` when a [`snapshot`] of the same files matched. The
    /// first `analysed` entries carry their analyses; the others carry empty ones until
    /// [`IndexEvent::Analyses`] fills them in.
    Snapshot {
        /// Every article, with its analysis or an empty one.
        entries: Vec<(Article, Analysis)>,
        /// How many of the entries, from the first, carry their analyses.
        analysed: usize,
    },
    /// Analyses for articles of an earlier [`IndexEvent::Snapshot`] (or a long article sent
    /// before it was analysed), by source path.
    Analyses(Vec<(String, Analysis)>),
    /// A skipped or lossily decoded file, a missing path or a cache problem; indexing goes on.
    Message(String),
    /// How far indexing has come.
    Progress(Progress),
    /// Canonical names unified across the whole corpus; sent once, after the last batch.
    Canonical(Arc<CanonicalNames>),
    /// Indexing has finished; nothing follows.
    Done,
}

impl PartialEq for IndexEvent {
    fn eq(&self, other: &Self) -> bool {
        use IndexEvent as E;
        match (self, other) {
            (E::Articles(a), E::Articles(b)) => a == b,
            (
                E::Snapshot {
                    entries: a,
                    analysed: x,
                },
                E::Snapshot {
                    entries: b,
                    analysed: y,
                },
            ) => a == b && x == y,
            (E::Analyses(a), E::Analyses(b)) => a == b,
            (E::Message(a), E::Message(b)) => a == b,
            (E::Progress(a), E::Progress(b)) => a == b,
            // The same map, not merely equal ones: maps are compared by identity.
            (E::Canonical(a), E::Canonical(b)) => Arc::ptr_eq(a, b),
            (E::Done, E::Done) => true,
            _ => false,
        }
    }
}

/// Progress counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files handled so far (indexed or skipped).
    pub done: usize,
    /// Files found; 0 until the walk has finished.
    pub total: usize,
    /// Bytes of the files handled so far.
    pub bytes: u64,
    /// Articles whose analysis came from the cache.
    pub cache_hits: usize,
    /// Time since [`Indexer::start`].
    pub elapsed: Duration,
}

impl Progress {
    /// Throughput so far in MB/s (10^6 bytes), 0 before any time has passed.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }

    /// Estimated time left, once the total is known and something is done.
    pub fn eta(&self) -> Option<Duration> {
        if self.total == 0 || self.done == 0 {
            return None;
        }
        let left = self.total.saturating_sub(self.done) as f64;
        Some(self.elapsed.mul_f64(left / self.done as f64))
    }
}

/// A running (or finished) background indexing job.
#[derive(Debug)]
pub struct Indexer {
    rx: Receiver<IndexEvent>,
    stop: Arc<AtomicBool>,
    finished: bool,
}

/// State shared by the coordinator and the workers.
struct Shared {
    files: Vec<FileStamp>,
    next: AtomicUsize,
    done: AtomicUsize,
    bytes: AtomicU64,
    cache_hits: AtomicUsize,
    stop: Arc<AtomicBool>,
    options: LoadOptions,
    cache: Option<Cache>,
    cache_failed: AtomicBool,
    start: Instant,
    /// Set when a snapshot will be written: the messages sent by workers, kept for it.
    kept_messages: Option<Mutex<Vec<String>>>,
}

impl Shared {
    /// Sends a message, keeping it for the snapshot when one will be written.
    fn message(&self, tx: &Sender<IndexEvent>, m: String) {
        if let Some(kept) = &self.kept_messages
            && let Ok(mut kept) = kept.lock()
        {
            kept.push(m.clone());
        }
        let _ = tx.send(IndexEvent::Message(m));
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.done.load(Ordering::Relaxed),
            total: self.files.len(),
            bytes: self.bytes.load(Ordering::Relaxed),
            cache_hits: self.cache_hits.load(Ordering::Relaxed),
            elapsed: self.start.elapsed(),
        }
    }
}

impl Indexer {
    /// Starts indexing `paths` (files or directories) on as many worker threads as there are
    /// cores; `cache_dir` enables the extraction cache. Returns at once.
    pub fn start(paths: Vec<PathBuf>, options: LoadOptions, cache_dir: Option<PathBuf>) -> Indexer {
        let threads = thread::available_parallelism().map_or(2, |n| n.get());
        Self::start_with_threads(paths, options, cache_dir, threads)
    }

    /// Like [`Indexer::start`] with a given number of worker threads (at least one).
    pub fn start_with_threads(
        paths: Vec<PathBuf>,
        options: LoadOptions,
        cache_dir: Option<PathBuf>,
        threads: usize,
    ) -> Indexer {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = Arc::clone(&stop);
        let start = Instant::now();
        let spawned = thread::Builder::new()
            .name("dossier-index".into())
            .spawn(move || {
                coordinate(paths, options, cache_dir, threads.max(1), stop2, start, &tx)
            });
        let mut indexer = Indexer {
            rx,
            stop,
            finished: false,
        };
        if let Err(e) = spawned {
            // Without a thread there is nothing to wait for: report and finish.
            let (tx, rx) = channel();
            let _ = tx.send(IndexEvent::Message(format!(
                "cannot start indexing thread: {e}"
            )));
            let _ = tx.send(IndexEvent::Done);
            indexer.rx = rx;
        }
        indexer
    }

    /// Every event that has arrived, without waiting.
    pub fn try_recv_all(&mut self) -> Vec<IndexEvent> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(ev) => {
                    self.finished |= matches!(ev, IndexEvent::Done);
                    out.push(ev);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if !self.finished {
                        // The coordinator died without saying Done (it panicked).
                        self.finished = true;
                        out.push(IndexEvent::Message("indexing stopped unexpectedly".into()));
                        out.push(IndexEvent::Done);
                    }
                    break;
                }
            }
        }
        out
    }

    /// Waits for the next event; `None` once [`IndexEvent::Done`] has been received.
    pub fn recv(&mut self) -> Option<IndexEvent> {
        if self.finished {
            return None;
        }
        let ev = self.rx.recv().unwrap_or(IndexEvent::Done);
        self.finished |= matches!(ev, IndexEvent::Done);
        Some(ev)
    }

    /// True once [`IndexEvent::Done`] has been received.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Asks the workers to stop after their current file; [`IndexEvent::Done`] follows.
    pub fn cancel(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The coordinator thread: walk, try the snapshot, run the workers, then the canonical-name
/// pass and a new snapshot.
fn coordinate(
    paths: Vec<PathBuf>,
    options: LoadOptions,
    cache_dir: Option<PathBuf>,
    threads: usize,
    stop: Arc<AtomicBool>,
    start: Instant,
    tx: &Sender<IndexEvent>,
) {
    let started = SystemTime::now();
    let listing = list_files(&paths);
    for m in listing.messages {
        let _ = tx.send(IndexEvent::Message(m));
    }
    if listing.skipped_other > 0 {
        let _ = tx.send(IndexEvent::Message(skipped_message(listing.skipped_other)));
    }
    let files: Vec<FileStamp> = listing
        .files
        .iter()
        .map(|(path, meta)| FileStamp::new(path, meta))
        .collect();
    let cache = cache_dir.and_then(|dir| match Cache::open(&dir) {
        Ok(c) => Some(c),
        Err(e) => {
            let _ = tx.send(IndexEvent::Message(format!(
                "extraction cache disabled: {e}"
            )));
            None
        }
    });
    let snapshot_path = cache
        .as_ref()
        .map(|c| snapshot_in(c.root(), &paths, options.max_bytes));
    if let Some(path) = &snapshot_path
        && let Some(opened) = snapshot::open(path, &files, threads)
    {
        from_snapshot(opened, path, &files, threads, &stop, start, tx);
        return;
    }
    let shared = Arc::new(Shared {
        files,
        next: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
        cache_hits: AtomicUsize::new(0),
        stop,
        options,
        cache,
        cache_failed: AtomicBool::new(false),
        start,
        kept_messages: snapshot_path.as_ref().map(|_| Mutex::new(Vec::new())),
    });
    let _ = tx.send(IndexEvent::Progress(shared.progress()));
    let results = Arc::new(Mutex::new(WorkResult::default()));
    let workers: Vec<_> = (0..threads.min(shared.files.len().max(1)))
        .filter_map(|i| {
            let shared = Arc::clone(&shared);
            let results = Arc::clone(&results);
            let tx = tx.clone();
            thread::Builder::new()
                .name(format!("dossier-index-{i}"))
                .spawn(move || {
                    let local = work(&shared, &tx);
                    if let Ok(mut r) = results.lock() {
                        r.merge(local);
                    }
                })
                .ok()
        })
        .collect();
    if workers.is_empty() {
        // No worker thread could start: index on this one.
        let local = work(&shared, tx);
        if let Ok(mut r) = results.lock() {
            r.merge(local);
        }
    }
    let mut panicked = false;
    for w in workers {
        if w.join().is_err() {
            panicked = true;
            let _ = tx.send(IndexEvent::Message("an indexing worker panicked".into()));
        }
    }
    let results = results.lock().map(|mut r| std::mem::take(&mut *r));
    if let Ok(results) = results
        && !shared.stop.load(Ordering::Relaxed)
    {
        let mut results = results;
        let names = std::mem::take(&mut results.counts).finish();
        let names = Arc::new(names);
        let _ = tx.send(IndexEvent::Canonical(Arc::clone(&names)));
        if let Some(path) = &snapshot_path
            && !panicked
        {
            let messages = shared
                .kept_messages
                .as_ref()
                .and_then(|m| m.lock().ok().map(|m| m.clone()))
                .unwrap_or_default();
            if let Err(e) = write_snapshot(path, &shared.files, &messages, started, results, &names)
            {
                let _ = tx.send(IndexEvent::Message(format!(
                    "cannot write the corpus snapshot {}: {e}",
                    path.display()
                )));
            }
        }
    }
    if let Some(cache) = &shared.cache
        && let Err(e) = cache.tidy()
    {
        let _ = tx.send(IndexEvent::Message(format!(
            "cannot tidy the extraction cache: {e}"
        )));
    }
    let _ = tx.send(IndexEvent::Progress(shared.progress()));
    let _ = tx.send(IndexEvent::Done);
}

/// Sends a matching snapshot's corpus: the list at once, then the remaining analyses as they
/// are decoded on `threads` threads.
fn from_snapshot(
    mut opened: snapshot::Opened,
    path: &Path,
    files: &[FileStamp],
    threads: usize,
    stop: &AtomicBool,
    start: Instant,
    tx: &Sender<IndexEvent>,
) {
    for m in std::mem::take(&mut opened.messages) {
        let _ = tx.send(IndexEvent::Message(m));
    }
    let articles = std::mem::take(&mut opened.articles);
    let analysed = opened.first.len();
    let sources: Vec<String> = articles
        .iter()
        .skip(analysed)
        .map(|a| a.source.clone())
        .collect();
    let mut first = std::mem::take(&mut opened.first).into_iter();
    let entries: Vec<(Article, Analysis)> = articles
        .into_iter()
        .map(|a| (a, first.next().unwrap_or_default()))
        .collect();
    let total_bytes: u64 = files.iter().map(|f| f.len).sum();
    let progress = |done: usize| Progress {
        // Files still counted as pending: the articles whose analyses have not arrived.
        done: files
            .len()
            .saturating_sub(sources.len().saturating_sub(done)),
        total: files.len(),
        bytes: total_bytes,
        cache_hits: analysed + done,
        elapsed: start.elapsed(),
    };
    let _ = tx.send(IndexEvent::Snapshot { entries, analysed });
    let _ = tx.send(IndexEvent::Progress(progress(0)));
    let decoded = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let next = AtomicUsize::new(0);
    let segments = opened.segments_left();
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= segments || stop.load(Ordering::Relaxed) || failed.load(Ordering::Relaxed) {
                break;
            }
            let Some((at, analyses)) = opened.analyses(i) else {
                failed.store(true, Ordering::Relaxed);
                break;
            };
            let n = analyses.len();
            let batch: Vec<(String, Analysis)> = sources
                .iter()
                .skip(at.saturating_sub(analysed))
                .cloned()
                .zip(analyses)
                .collect();
            if tx.send(IndexEvent::Analyses(batch)).is_err() {
                break;
            }
            let done = decoded.fetch_add(n, Ordering::Relaxed) + n;
            let _ = tx.send(IndexEvent::Progress(progress(done)));
        }
    };
    thread::scope(|scope| {
        for _ in 1..threads.max(1) {
            scope.spawn(worker);
        }
        worker();
    });
    if failed.load(Ordering::Relaxed) {
        // Checked but undecodable: drop it so the next run rebuilds it.
        let _ = fs::remove_file(path);
        let _ = tx.send(IndexEvent::Message(format!(
            "the corpus snapshot {} could not be read; some analyses are missing until the next start",
            path.display()
        )));
    }
    let _ = tx.send(IndexEvent::Done);
}

/// The temporary file a cache file at `path` is written to before it is renamed into place:
/// hidden, beside it (so the rename stays on one file system), named by this process.
pub(crate) fn temp_beside(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    dir.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ))
}

/// The directory, under the cache's versioned root, holding corpus snapshots.
pub const SNAPSHOT_DIR: &str = "corpora";

/// The snapshot of `paths` indexed with a size limit of `max_bytes`, under the cache's
/// versioned `root`.
fn snapshot_in(root: &Path, paths: &[PathBuf], max_bytes: u64) -> PathBuf {
    root.join(SNAPSHOT_DIR)
        .join(snapshot::snapshot_name(paths, max_bytes))
}

/// Writes the snapshot of a finished run: every article under corpus-wide names, sorted by
/// path as the reader lists them. Articles go in as the workers encoded them; only the
/// analyses are decoded, renamed and encoded again, a segment at a time.
fn write_snapshot(
    path: &Path,
    files: &[FileStamp],
    messages: &[String],
    started: SystemTime,
    results: WorkResult,
    names: &CanonicalNames,
) -> std::io::Result<()> {
    let mut encoded = results.encoded;
    // The order readers sort by: the article's source, which is the path as displayed.
    let keys: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
    let key = |i: usize| Path::new(keys.get(i).map_or("", String::as_str));
    encoded.par_sort_by(|a, b| key(a.0).cmp(key(b.0)));
    let articles = |r: std::ops::Range<usize>| {
        snapshot::concat_encoded(encoded[r].iter().map(|e| e.2.as_slice()))
    };
    let analyses = |r: std::ops::Range<usize>| {
        let renamed = encoded[r]
            .iter()
            .map(|e| {
                let mut analysis: Analysis =
                    postcard::from_bytes(&e.3).map_err(std::io::Error::other)?;
                names.apply(e.1, &mut analysis);
                Ok(analysis)
            })
            .collect::<std::io::Result<Vec<Analysis>>>()?;
        postcard::to_stdvec(&renamed).map_err(std::io::Error::other)
    };
    snapshot::save_segments(
        path,
        files,
        messages,
        started,
        encoded.len(),
        &articles,
        &analyses,
    )
}

/// What one worker hands back: name counts, and each article encoded for the snapshot.
#[derive(Default)]
struct WorkResult {
    counts: NameCounts,
    /// (index in the file list, the article's language, postcard-encoded article,
    /// postcard-encoded per-article analysis).
    encoded: Vec<(usize, Lang, Vec<u8>, Vec<u8>)>,
}

impl WorkResult {
    fn merge(&mut self, other: WorkResult) {
        self.counts.merge(other.counts);
        self.encoded.extend(other.encoded);
    }
}

/// One worker: claims chunks of files until none are left, sending a batch per chunk.
fn work(shared: &Shared, tx: &Sender<IndexEvent>) -> WorkResult {
    let mut result = WorkResult::default();
    let keep = shared.kept_messages.is_some();
    loop {
        if shared.stop.load(Ordering::Relaxed) {
            break;
        }
        let first = shared.next.fetch_add(CHUNK, Ordering::Relaxed);
        if first >= shared.files.len() {
            break;
        }
        let last = (first + CHUNK).min(shared.files.len());
        let mut batch = Vec::with_capacity(last - first);
        for (i, file) in shared.files.iter().enumerate().take(last).skip(first) {
            if shared.stop.load(Ordering::Relaxed) {
                break;
            }
            if let Some((entry, sent)) = index_file(shared, file, tx) {
                result.counts.add(entry.0.lang, &entry.1);
                if keep
                    && let (Ok(article), Ok(analysis)) =
                        (postcard::to_stdvec(&entry.0), postcard::to_stdvec(&entry.1))
                {
                    result.encoded.push((i, entry.0.lang, article, analysis));
                }
                if sent {
                    let (article, analysis) = entry;
                    let _ = tx.send(IndexEvent::Analyses(vec![(article.source, analysis)]));
                } else {
                    batch.push(entry);
                }
            }
            shared.done.fetch_add(1, Ordering::Relaxed);
            shared.bytes.fetch_add(file.len, Ordering::Relaxed);
        }
        if !batch.is_empty() && tx.send(IndexEvent::Articles(batch)).is_err() {
            // The receiver is gone: nobody wants the rest.
            break;
        }
        let _ = tx.send(IndexEvent::Progress(shared.progress()));
    }
    result
}

/// Loads and analyses one file (cache first); messages go straight to the channel. True beside
/// the entry when the article was sent already, before its analysis ([`EARLY_ARTICLE`]).
fn index_file(
    shared: &Shared,
    file: &FileStamp,
    tx: &Sender<IndexEvent>,
) -> Option<((Article, Analysis), bool)> {
    let loaded = load_file(&file.path, file.len, &shared.options);
    if let Some(m) = loaded.message {
        shared.message(tx, m);
    }
    let article = loaded.article?;
    let cached = shared.cache.as_ref().and_then(|c| c.get(&article.id));
    let early = cached.is_none() && article.text.len() > EARLY_ARTICLE;
    if early {
        let _ = tx.send(IndexEvent::Articles(vec![(
            article.clone(),
            Analysis::default(),
        )]));
    }
    let analysis = match cached {
        Some(a) => {
            shared.cache_hits.fetch_add(1, Ordering::Relaxed);
            a
        }
        None => {
            let a = analyze(&article);
            if let Some(cache) = &shared.cache
                && let Err(e) = cache.put(&article.id, &a)
                && !shared.cache_failed.swap(true, Ordering::Relaxed)
            {
                let _ = tx.send(IndexEvent::Message(format!(
                    "cannot write the extraction cache (further errors not shown): {e}"
                )));
            }
            a
        }
    };
    Some(((article, analysis), early))
}

/// The receiving side's view of an indexing run, for commands that wait for the whole corpus:
/// the [`Corpus`] (merged by its own methods, as the reader's is), messages and progress.
#[derive(Debug, Default)]
pub struct IndexedCorpus {
    /// Articles with their analyses, sorted by source path; corpus-wide names once
    /// [`IndexedCorpus::is_done`].
    pub corpus: Corpus,
    /// Every message received, in arrival order.
    pub messages: Vec<String>,
    /// The latest progress report.
    pub progress: Option<Progress>,
    done: bool,
}

/// Loads a corpus and waits for it: the bundled articles when `paths` is empty, else every
/// `.txt` and `.md` file under `paths` through an [`Indexer`] (cache, snapshot, corpus pass).
/// What every command that does not show the reader at once reads its corpus with.
pub fn load(paths: &[PathBuf], options: LoadOptions, cache_dir: Option<PathBuf>) -> IndexedCorpus {
    if paths.is_empty() {
        return IndexedCorpus {
            corpus: Corpus::bundled(),
            done: true,
            ..IndexedCorpus::default()
        };
    }
    IndexedCorpus::collect(Indexer::start(paths.to_vec(), options, cache_dir))
}

/// [`load`], and then the palette labels of the loaded corpus stored beside its snapshot
/// (unless current ones are there), for `dossier find` to rank without loading the corpus next
/// time. A labels file that cannot be written is reported among the messages. Only `find` and
/// `index` pay for writing it; other commands load with [`load`].
pub fn load_storing_labels(
    paths: &[PathBuf],
    options: LoadOptions,
    cache_dir: Option<PathBuf>,
) -> IndexedCorpus {
    let max_bytes = options.max_bytes;
    let mut indexed = load(paths, options, cache_dir.clone());
    if paths.is_empty() {
        return indexed;
    }
    if let Some(dir) = &cache_dir
        && indexed.is_done()
    {
        let snapshot = snapshot_in(&Cache::root_in(dir), paths, max_bytes);
        if let Err(e) = store_labels(&snapshot, &indexed.corpus) {
            indexed.messages.push(format!(
                "cannot write the palette labels {}: {e}",
                labels::labels_path(&snapshot).display()
            ));
        }
    }
    indexed
}

/// Writes the labels file of the snapshot at `snapshot` from `corpus` (what that snapshot
/// holds), unless the one in place was written for it already or there is no snapshot.
fn store_labels(snapshot: &Path, corpus: &Corpus) -> std::io::Result<()> {
    let Some(id) = snapshot::id(snapshot) else {
        return Ok(());
    };
    let path = labels::labels_path(snapshot);
    if corpus.is_empty() || labels::is_current(&path, id) {
        return Ok(());
    }
    let mut builder = crate::search::IndexBuilder::new();
    crate::corpus::candidates::gather(corpus, false, |batch| builder.extend(batch));
    let index = builder.finish();
    let articles: Vec<(&str, &str)> = corpus
        .articles()
        .map(|a| (a.id.0.as_str(), a.source.as_str()))
        .collect();
    labels::save(&path, id, &index, &articles)
}

/// The stored palette labels of the corpus of `paths`, when the cache under `cache_dir` holds
/// a labels file for a snapshot that matches the files as they are now (the walk and the
/// stamps are checked as indexing checks them): what `dossier find` ranks instead of loading
/// the corpus. Comes with the messages indexing would have sent. `None` on any miss.
pub fn stored_labels(
    paths: &[PathBuf],
    options: &LoadOptions,
    cache_dir: &Path,
) -> Option<StoredLabels> {
    if paths.is_empty() {
        return None;
    }
    let snapshot = snapshot_in(&Cache::root_in(cache_dir), paths, options.max_bytes);
    let id = snapshot::id(&snapshot)?;
    let path = labels::labels_path(&snapshot);
    if !labels::is_current(&path, id) {
        return None;
    }
    let listing = list_files(paths);
    let files: Vec<FileStamp> = listing
        .files
        .iter()
        .map(|(path, meta)| FileStamp::new(path, meta))
        .collect();
    let checked = snapshot::check(&snapshot, &files)?;
    if checked.id != id {
        return None;
    }
    let Some(labels) = labels::open(&path, id) else {
        // Written for this snapshot but damaged: removed, so that the next load writes it
        // again (a current one is never rewritten).
        let _ = fs::remove_file(&path);
        return None;
    };
    let mut messages = listing.messages;
    if listing.skipped_other > 0 {
        messages.push(skipped_message(listing.skipped_other));
    }
    messages.extend(checked.messages);
    Some(StoredLabels { labels, messages })
}

/// What [`stored_labels`] found.
#[derive(Debug)]
pub struct StoredLabels {
    /// The labels and the articles they point into.
    pub labels: labels::Labels,
    /// The messages indexing the same files would send, in the same order.
    pub messages: Vec<String>,
}

/// The message about files walked past for their extension.
fn skipped_message(n: usize) -> String {
    format!("skipped {n} file(s) that are not .txt or .md")
}

impl IndexedCorpus {
    /// Takes in one event from the indexer.
    pub fn absorb(&mut self, event: IndexEvent) {
        match event {
            IndexEvent::Articles(batch) | IndexEvent::Snapshot { entries: batch, .. } => {
                self.corpus.add(batch)
            }
            IndexEvent::Analyses(batch) => {
                self.corpus.fill(batch);
            }
            IndexEvent::Message(m) => self.messages.push(m),
            IndexEvent::Progress(p) => self.progress = Some(p),
            IndexEvent::Canonical(names) => self.corpus.rename(names),
            IndexEvent::Done => self.done = true,
        }
    }

    /// True once [`IndexEvent::Done`] has been absorbed.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Waits for the indexer to finish and returns everything it produced.
    pub fn collect(mut indexer: Indexer) -> IndexedCorpus {
        let mut corpus = IndexedCorpus::default();
        while let Some(ev) = indexer.recv() {
            corpus.absorb(ev);
        }
        corpus
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const ARTICLES: [(&str, &str); 4] = [
        (
            "a.txt",
            "Putin in Peking\n\nPräsident Putin sprach am Montag lange mit Xi Jinping. Laut dem Kreml seien 3.000 Soldaten verlegt worden.\n",
        ),
        (
            "b.txt",
            "Reise nach China\n\nWladimir Putin reiste nach Peking. Der Kreml erklärte, die Gespräche seien gut verlaufen.\n",
        ),
        (
            "c.md",
            "# Wien wählt\n\nDie Regierung in Wien will die Steuerreform im Herbst 2024 beschließen, sagte Kanzler Karl Nehammer.\n",
        ),
        (
            "sub/d.txt",
            "Nordkorea\n\nKim Jong-un besuchte Pjöngjang. Nordkoreanische Truppen kämpfen laut Pentagon-Sprecher Pat Ryder in Russland.\n",
        ),
    ];

    fn write_corpus(dir: &Path) {
        for (name, text) in ARTICLES {
            let p = dir.join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        fs::write(dir.join("notes.pdf"), "ignored").unwrap();
        fs::write(dir.join("empty.txt"), "").unwrap();
    }

    fn run(dir: &Path, cache: Option<&Path>) -> IndexedCorpus {
        IndexedCorpus::collect(Indexer::start_with_threads(
            vec![dir.to_path_buf()],
            LoadOptions::default(),
            cache.map(Path::to_path_buf),
            2,
        ))
    }

    fn expected(dir: &Path) -> Corpus {
        let mut articles = crate::ingest::load_paths(&[dir.to_path_buf()], &LoadOptions::default())
            .unwrap()
            .articles;
        articles.sort_by(|a, b| Path::new(&a.source).cmp(Path::new(&b.source)));
        Corpus::analysed(articles)
    }

    #[test]
    fn indexing_gives_the_same_articles_and_analyses_as_analyze_corpus() {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        let corpus = run(dir.path(), None);
        assert!(corpus.is_done());
        assert_eq!(corpus.corpus, expected(dir.path()));
        // The cross-article pass did something here: "Putin" alone became the full name.
        let putin = corpus.corpus[0]
            .analysis
            .mentions
            .iter()
            .find(|m| m.text == "Putin")
            .map(|m| m.canonical.as_str());
        assert_eq!(putin, Some("Wladimir Putin"));
        assert!(
            corpus.messages.iter().any(|m| m.contains("empty.txt")),
            "{:?}",
            corpus.messages
        );
        let p = corpus.progress.unwrap();
        assert_eq!((p.done, p.total, p.cache_hits), (5, 5, 0));
    }

    #[test]
    fn a_long_article_is_sent_before_its_analysis_which_follows() {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        let sentence = "Präsident Putin sprach am Montag in Peking mit Xi Jinping. ";
        let long = format!(
            "Ein langer Text\n\n{}",
            sentence.repeat(EARLY_ARTICLE / sentence.len() + 1)
        );
        fs::write(dir.path().join("long.txt"), &long).unwrap();
        let indexer = Indexer::start_with_threads(
            vec![dir.path().to_path_buf()],
            LoadOptions::default(),
            None,
            2,
        );
        let mut corpus = IndexedCorpus::default();
        let (mut shown_empty, mut filled) = (false, false);
        let mut indexer = indexer;
        while let Some(ev) = indexer.recv() {
            match &ev {
                IndexEvent::Articles(batch) => {
                    for (article, analysis) in batch {
                        if article.source.ends_with("long.txt") {
                            assert!(!filled);
                            assert_eq!(analysis, &Analysis::default());
                            shown_empty = true;
                        }
                    }
                }
                IndexEvent::Analyses(batch) => {
                    assert!(shown_empty);
                    filled |= batch
                        .iter()
                        .any(|(s, a)| s.ends_with("long.txt") && !a.mentions.is_empty());
                }
                _ => {}
            }
            corpus.absorb(ev);
        }
        assert!(shown_empty && filled);
        // The end result is the same as analysing everything at once.
        assert_eq!(corpus.corpus, expected(dir.path()));
    }

    #[test]
    fn a_second_run_hits_the_cache_and_changes_are_picked_up() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        let first = run(dir.path(), Some(cache_dir.path()));
        assert_eq!(first.progress.unwrap().cache_hits, 0);
        let second = run(dir.path(), Some(cache_dir.path()));
        assert_eq!(second.progress.unwrap().cache_hits, 4);
        assert_eq!(second.corpus, first.corpus);

        // Change one file, delete another: one miss, the deleted one gone.
        fs::write(
            dir.path().join("b.txt"),
            "Reise nach Japan\n\nWladimir Putin reiste nach Tokio.\n",
        )
        .unwrap();
        fs::remove_file(dir.path().join("c.md")).unwrap();
        let third = run(dir.path(), Some(cache_dir.path()));
        assert_eq!(third.progress.unwrap().cache_hits, 2);
        assert_eq!(third.corpus.len(), 3);
        assert!(third.corpus.articles().all(|a| !a.source.ends_with("c.md")));
        assert_eq!(third.corpus, expected(dir.path()));

        // Pruning with the live ids drops the stale entries (old b.txt and c.md).
        let cache = Cache::open(cache_dir.path()).unwrap();
        let live: HashSet<_> = third.corpus.articles().map(|a| a.id.clone()).collect();
        assert_eq!(cache.prune(&live).unwrap(), 2);
        let fourth = run(dir.path(), Some(cache_dir.path()));
        assert_eq!(fourth.progress.unwrap().cache_hits, 3);
    }

    /// Sets every file under `dir` to have been modified an hour ago.
    fn age(dir: &Path) {
        for entry in fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                age(&p);
            } else {
                let f = fs::File::options().write(true).open(&p).unwrap();
                f.set_modified(SystemTime::now() - Duration::from_secs(3600))
                    .unwrap();
            }
        }
    }

    /// Runs the indexer to the end, returning the corpus and whether a snapshot served it.
    fn run_events(dir: &Path, cache: &Path) -> (IndexedCorpus, bool, usize) {
        let mut indexer = Indexer::start_with_threads(
            vec![dir.to_path_buf()],
            LoadOptions::default(),
            Some(cache.to_path_buf()),
            2,
        );
        let mut corpus = IndexedCorpus::default();
        let (mut snapshot, mut later) = (false, 0);
        while let Some(ev) = indexer.recv() {
            match &ev {
                IndexEvent::Snapshot { .. } => snapshot = true,
                IndexEvent::Analyses(batch) => later += batch.len(),
                _ => {}
            }
            corpus.absorb(ev);
        }
        (corpus, snapshot, later)
    }

    #[test]
    fn a_matching_snapshot_serves_the_same_corpus_and_a_changed_file_misses_it() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        // More articles than the snapshot decodes up front, so some analyses come later.
        let many = dir.path().join("many");
        fs::create_dir(&many).unwrap();
        for i in 0..snapshot::FIRST + 6 {
            fs::write(
                many.join(format!("{i:03}.txt")),
                format!(
                    "Meldung {i}\n\nPräsident Putin traf am {i}. Mai 2024 in Berlin {i} Minister.\n"
                ),
            )
            .unwrap();
        }
        age(dir.path());
        let (first, from_snapshot, _) = run_events(dir.path(), cache.path());
        assert!(!from_snapshot);
        let (second, from_snapshot, later) = run_events(dir.path(), cache.path());
        assert!(from_snapshot, "{:?}", second.messages);
        assert_eq!(later, first.corpus.len() - snapshot::FIRST);
        assert_eq!(second.corpus, first.corpus);
        assert_eq!(
            second.messages, first.messages,
            "the skipped file is reported again"
        );
        let want = expected(dir.path());
        assert_eq!(second.corpus, want);

        // A file changed since: the snapshot is not used, and the change is seen.
        fs::write(
            dir.path().join("b.txt"),
            "Reise nach Japan\n\nWladimir Putin reiste nach Tokio.\n",
        )
        .unwrap();
        age(dir.path());
        let (third, from_snapshot, _) = run_events(dir.path(), cache.path());
        assert!(!from_snapshot);
        let want = expected(dir.path());
        assert_eq!(third.corpus, want);
        // ... and the snapshot written by that run serves the next one.
        let (fourth, from_snapshot, _) = run_events(dir.path(), cache.path());
        assert!(from_snapshot);
        assert_eq!(fourth.corpus, want);
    }

    /// Every candidate of an index, owned.
    fn listed(index: &crate::search::SearchIndex) -> Vec<crate::search::Candidate> {
        index.candidates().map(|c| c.to_candidate()).collect()
    }

    #[test]
    fn loading_stores_the_labels_and_they_serve_until_a_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        age(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        let options = LoadOptions::default();
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
        let loaded = load_storing_labels(&paths, options.clone(), Some(cache.path().to_path_buf()));
        // What the stored labels hold is what the corpus gives, in the same order.
        let mut want = Vec::new();
        crate::corpus::candidates::gather(&loaded.corpus, false, |b| want.extend(b));
        let found = stored_labels(&paths, &options, cache.path()).expect("stored");
        assert_eq!(listed(&found.labels.index), want);
        assert!(want.iter().any(|c| c.label == "Wladimir Putin"));
        let sources: Vec<&str> = found.labels.articles.iter().map(|a| a.1.as_str()).collect();
        let expected: Vec<&str> = loaded
            .corpus
            .articles()
            .map(|a| a.source.as_str())
            .collect();
        assert_eq!(sources, expected);
        // The same messages as indexing sends (the file that is not .txt or .md, the empty one).
        assert_eq!(found.messages, loaded.messages);
        assert!(found.messages.iter().any(|m| m.contains("not .txt or .md")));

        // A changed file: the labels are not used, and the next load stores new ones.
        fs::write(
            dir.path().join("b.txt"),
            "Reise nach Japan\n\nWladimir Putin reiste nach Tokio.\n",
        )
        .unwrap();
        age(dir.path());
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
        let loaded = load_storing_labels(&paths, options.clone(), Some(cache.path().to_path_buf()));
        let found = stored_labels(&paths, &options, cache.path()).expect("stored again");
        assert!(
            listed(&found.labels.index)
                .iter()
                .any(|c| c.label == "Reise nach Japan")
        );
        assert!(
            !listed(&found.labels.index)
                .iter()
                .any(|c| c.label == "Reise nach China")
        );
        assert_eq!(found.labels.articles.len(), loaded.corpus.len());

        // A file added: a miss too.
        fs::write(dir.path().join("e.txt"), "Neu\n\nEin neuer Text.\n").unwrap();
        age(dir.path());
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
    }

    #[test]
    fn labels_of_another_snapshot_or_damaged_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        age(dir.path());
        let paths = vec![dir.path().to_path_buf()];
        let options = LoadOptions::default();
        load_storing_labels(&paths, options.clone(), Some(cache.path().to_path_buf()));
        let snap = snapshot_in(&Cache::root_in(cache.path()), &paths, options.max_bytes);
        let path = labels::labels_path(&snap);
        let id = snapshot::id(&snap).unwrap();
        assert!(labels::open(&path, id).is_some());
        let other = snapshot::SnapshotId {
            header_crc: id.header_crc ^ 1,
            ..id
        };
        assert!(!labels::is_current(&path, other));
        assert!(labels::open(&path, other).is_none());
        // Any byte changed after the preamble, or the file cut short: refused.
        let bytes = fs::read(&path).unwrap();
        for at in [60, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x20;
            fs::write(&path, &bad).unwrap();
            assert!(labels::open(&path, id).is_none(), "byte {at}");
        }
        fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(labels::open(&path, id).is_none());
        // Found damaged, it is removed, and the next load writes it again.
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
        assert!(!path.exists());
        load_storing_labels(&paths, options.clone(), Some(cache.path().to_path_buf()));
        assert!(stored_labels(&paths, &options, cache.path()).is_some());
        // A file that is not a labels file is replaced too.
        fs::write(&path, b"DOSLABL1 garbage").unwrap();
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
        load_storing_labels(&paths, options.clone(), Some(cache.path().to_path_buf()));
        assert!(stored_labels(&paths, &options, cache.path()).is_some());
        // Without any snapshot, nothing.
        fs::remove_file(&snap).unwrap();
        assert!(stored_labels(&paths, &options, cache.path()).is_none());
    }

    #[test]
    fn a_corrupt_cache_entry_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        let first = run(dir.path(), Some(cache_dir.path()));
        let cache = Cache::open(cache_dir.path()).unwrap();
        let id = &first.corpus[0].article.id;
        // Flip a byte of the entry's payload, which follows its id in the pack.
        let pack = fs::read_dir(cache.root().join("packs"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "pack"))
            .unwrap();
        let mut bytes = fs::read(&pack).unwrap();
        let at = bytes
            .windows(id.0.len())
            .position(|w| w == id.0.as_bytes())
            .unwrap();
        bytes[at + id.0.len() + 2] ^= 0x5a;
        fs::write(&pack, bytes).unwrap();
        let second = run(dir.path(), Some(cache_dir.path()));
        assert_eq!(second.progress.unwrap().cache_hits, 3);
        assert_eq!(second.corpus, first.corpus);
        assert!(cache.get(id).is_some());
    }

    #[test]
    fn missing_paths_are_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path());
        let corpus = IndexedCorpus::collect(Indexer::start(
            vec![dir.path().join("nope"), dir.path().join("a.txt")],
            LoadOptions::default(),
            None,
        ));
        assert_eq!(corpus.corpus.len(), 1);
        assert!(corpus.messages.iter().any(|m| m.contains("no such file")));
    }

    #[test]
    fn progress_estimates_rate_and_time_left() {
        let p = Progress {
            done: 10,
            total: 30,
            bytes: 2_000_000,
            cache_hits: 0,
            elapsed: Duration::from_secs(1),
        };
        assert!((p.mb_per_s() - 2.0).abs() < 1e-9);
        assert_eq!(p.eta(), Some(Duration::from_secs(2)));
    }
}
