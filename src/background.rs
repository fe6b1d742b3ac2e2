//! Carries out the state's background jobs ([`Job`]: ranking the palette, building its index) on
//! worker threads, and hands their answers back as [`Input`]s for [`crate::state::AppState::handle`],
//! the one door through which state changes. A new ranking cancels the one before it through a
//! shared flag that the ranking checks as it scans.
//!
//! The runner (`tui::run`) and the headless live driver (`tui::headless::LiveLoop`) own one
//! [`Background`] each. This module must not import the terminal crates.

use crate::search::PARTIAL_EVERY;
use crate::state::Input;
use crate::state::palette::Job;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Background jobs under way and their answers.
pub struct Background {
    tx: Sender<Input>,
    rx: Receiver<Input>,
    /// The cancel flag of the latest ranking.
    ranking: Option<Arc<AtomicBool>>,
    /// Jobs started and not yet finished.
    running: Arc<AtomicUsize>,
}

impl Default for Background {
    fn default() -> Self {
        Self::new()
    }
}

impl Background {
    /// No jobs yet.
    pub fn new() -> Background {
        let (tx, rx) = channel();
        Background {
            tx,
            rx,
            ranking: None,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Starts `job` on a thread of its own; a ranking first cancels the ranking before it.
    /// Should no thread be had, the job runs here and now.
    pub fn start(&mut self, job: Job) {
        let cancel = Arc::new(AtomicBool::new(false));
        if job.is_ranking()
            && let Some(older) = self.ranking.replace(Arc::clone(&cancel))
        {
            older.store(true, Ordering::Relaxed);
        }
        self.running.fetch_add(1, Ordering::SeqCst);
        // The job sits in a slot that whichever thread runs it empties, so that it survives a
        // failed spawn.
        let slot = Arc::new(Mutex::new(Some(job)));
        let work = {
            let (slot, tx, running, cancel) = (
                Arc::clone(&slot),
                self.tx.clone(),
                Arc::clone(&self.running),
                Arc::clone(&cancel),
            );
            move || run_slot(&slot, &cancel, &tx, &running)
        };
        let spawned = std::thread::Builder::new()
            .name("dossier-job".to_string())
            .spawn(work);
        if spawned.is_err() {
            run_slot(&slot, &cancel, &self.tx, &self.running);
        }
    }

    /// Cancels the ranking under way, if any (its answers are dropped by the state anyway).
    pub fn cancel_ranking(&mut self) {
        if let Some(flag) = self.ranking.take() {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// True while a job is running.
    pub fn is_busy(&self) -> bool {
        self.running.load(Ordering::SeqCst) > 0
    }

    /// Every answer that has arrived, without waiting.
    pub fn try_recv_all(&self) -> Vec<Input> {
        self.rx.try_iter().collect()
    }

    /// The next answer, waiting at most `timeout` for one.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Input> {
        self.rx.recv_timeout(timeout).ok()
    }

    /// Waits until no job is running (at most `timeout`), and returns every answer.
    pub fn wait_idle(&self, timeout: Duration) -> Vec<Input> {
        let start = Instant::now();
        let mut out = Vec::new();
        // A job counts as finished only after its last answer is sent, so once none is
        // running every answer is in the channel.
        while self.is_busy() && start.elapsed() < timeout {
            if let Some(input) = self.recv_timeout(Duration::from_millis(5)) {
                out.push(input);
            }
        }
        out.extend(self.try_recv_all());
        out
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.cancel_ranking();
    }
}

/// Runs the job in `slot`, if it is still there, sending its answers on `tx`.
fn run_slot(
    slot: &Mutex<Option<Job>>,
    cancel: &AtomicBool,
    tx: &Sender<Input>,
    running: &AtomicUsize,
) {
    let job = slot
        .lock()
        .map(|mut s| s.take())
        .unwrap_or_else(|e| e.into_inner().take());
    if let Some(job) = job {
        job.run(cancel, PARTIAL_EVERY, |input| {
            // The receiver is gone only when the reader is shutting down.
            let _ = tx.send(input);
        });
    }
    running.fetch_sub(1, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{Key, KeyChord, Keymap};
    use crate::reflow::Hyphenators;
    use crate::search::{Candidate, CandidateKind, SearchIndex};
    use crate::state::{AppState, Effect, Options};

    fn state_with_index(labels: &[&str]) -> AppState {
        let mut s = AppState::new(
            crate::corpus::Corpus::default(),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        let candidates = labels
            .iter()
            .map(|l| Candidate {
                kind: CandidateKind::Entity,
                label: l.to_string(),
                detail: String::new(),
                article: 0,
                offset: 0,
                recency: 0,
            })
            .collect();
        s.work.palette_index = Some(Arc::new(SearchIndex::new(candidates)));
        s
    }

    fn jobs_of(effects: Vec<Effect>) -> Vec<Job> {
        effects
            .into_iter()
            .filter_map(|e| match e {
                Effect::Background(job) => Some(job),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_ranking_answers_through_the_state_and_an_older_one_is_dropped() {
        let mut s = state_with_index(&["Putin", "Wien", "Pjöngjang"]);
        let mut bg = Background::new();
        s.handle(Input::Resize(80, 24));
        let key = |c| Input::Key(KeyChord::plain(Key::Char(c)));
        let mut effects = s.handle(key(':'));
        effects.extend(s.handle(key('p')));
        effects.extend(s.handle(key('j')));
        let jobs = jobs_of(effects);
        assert_eq!(jobs.len(), 3, "one ranking per query: '', 'p', 'pj'");
        for job in jobs {
            bg.start(job);
        }
        for input in bg.wait_idle(Duration::from_secs(10)) {
            s.handle(input);
        }
        let Some(crate::state::Overlay::Palette(p)) = &s.overlays.open else {
            panic!("the palette is open");
        };
        assert_eq!(p.query, "pj");
        assert_eq!(p.ranking, None, "the answer to 'pj' arrived");
        let hits = &p
            .result
            .as_ref()
            .map(|r| r.hits.clone())
            .unwrap_or_default();
        assert_eq!(
            hits.len(),
            1,
            "only the answer to the latest query is shown"
        );
        assert!(!bg.is_busy());
    }

    fn index_jobs(effects: Vec<Effect>) -> Vec<Job> {
        jobs_of(effects)
            .into_iter()
            .filter(|j| matches!(j, Job::BuildIndex(_)))
            .collect()
    }

    #[test]
    fn a_pause_compares_the_articles_in_the_background_once() {
        let mut s = AppState::new(
            crate::state::Corpus::bundled(),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        let mut bg = Background::new();
        assert!(s.cross_needs_refresh());
        let jobs: Vec<Job> = jobs_of(s.handle(Input::Idle))
            .into_iter()
            .filter(|j| matches!(j, Job::Cross(_)))
            .collect();
        assert_eq!(jobs.len(), 1);
        assert!(!s.cross_needs_refresh(), "a job is under way");
        for job in jobs {
            bg.start(job);
        }
        for input in bg.wait_idle(Duration::from_secs(30)) {
            s.handle(input);
        }
        assert!(s.cross_is_fresh());
        let cross = s.work.cross.clone().expect("the analyses arrived");
        assert!(!cross.entities.entries().is_empty());
        // Opening the entity index now needs no job.
        let effects = s.apply(crate::action::Action::ShowEntityIndex);
        assert!(jobs_of(effects).is_empty());
        assert!(matches!(
            s.overlays.open,
            Some(crate::state::Overlay::Entities { .. })
        ));
        assert_eq!(
            s.derived.entities.len(),
            cross
                .entities
                .listed(None, crate::state::cross::SORTS[0])
                .len()
        );
    }

    #[test]
    fn the_idle_index_is_built_in_the_background_and_again_when_the_corpus_changed_meanwhile() {
        let articles = crate::ingest::bundled();
        let analyses = crate::extract::analyze_corpus(&articles);
        let mut s = AppState::new(
            crate::state::Corpus::from_pairs(articles.into_iter().zip(analyses)),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        let mut bg = Background::new();
        assert!(s.palette_needs_index());
        let jobs = index_jobs(s.handle(Input::Idle));
        assert_eq!(jobs.len(), 1);
        assert!(!s.palette_needs_index(), "a build is under way");
        assert!(
            index_jobs(s.handle(Input::Idle)).is_empty(),
            "one build at a time"
        );
        for job in jobs {
            bg.start(job);
        }
        for input in bg.wait_idle(Duration::from_secs(30)) {
            s.handle(input);
        }
        let built = s.work.palette_index.clone().expect("the index arrived");
        assert_eq!(built.len(), s.palette_candidates().len());
        assert!(!s.palette_needs_index());

        // A change to the corpus while a build runs outdates that build.
        s.work.palette_index_stale = true;
        let jobs = index_jobs(s.handle(Input::Idle));
        assert_eq!(jobs.len(), 1);
        s.work.palette_index_stale = true;
        for job in jobs {
            bg.start(job);
        }
        for input in bg.wait_idle(Duration::from_secs(30)) {
            s.handle(input);
        }
        assert!(
            !Arc::ptr_eq(&built, s.work.palette_index.as_ref().expect("index")),
            "a build outdated on its way is still newer than the index in use"
        );
        assert!(s.palette_needs_index(), "built again at the next pause");
    }

    #[test]
    fn an_index_built_while_articles_arrived_points_at_their_new_places() {
        let mut pairs: Vec<_> = {
            let articles = crate::ingest::bundled();
            let analyses = crate::extract::analyze_corpus(&articles);
            articles.into_iter().zip(analyses).collect()
        };
        assert!(pairs.len() >= 3);
        // The first article by path arrives last, moving every other one down a place.
        pairs.sort_by(|a, b| a.0.source.cmp(&b.0.source));
        let first = pairs.remove(0);
        let mut s = AppState::new(
            crate::state::Corpus::from_pairs(pairs),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        let jobs = index_jobs(s.handle(Input::Idle));
        assert_eq!(jobs.len(), 1);
        s.handle(Input::Index(crate::index::IndexEvent::Articles(vec![
            first,
        ])));
        for job in jobs {
            for input in job.answers() {
                s.handle(input);
            }
        }
        let index = s.work.palette_index.clone().expect("taken");
        assert!(s.palette_needs_index(), "still missing the newcomer");
        let articles: Vec<_> = index
            .candidates()
            .filter(|c| c.kind == CandidateKind::Article)
            .collect();
        assert_eq!(articles.len(), s.corpus.len() - 1);
        for c in articles {
            assert_eq!(
                c.label,
                crate::state::palette::one_line(&s.corpus[c.article].article.title)
            );
            assert_ne!(c.article, 0, "the newcomer has no candidate yet");
        }
    }

    #[test]
    fn opening_the_palette_without_an_index_builds_it_in_the_background_then_ranks() {
        let mut s = AppState::new(
            crate::state::Corpus::bundled(),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        s.handle(Input::Resize(80, 24));
        let effects = s.handle(Input::Key(KeyChord::plain(Key::Char(':'))));
        assert!(s.work.palette_index.is_none(), "not built on the key");
        let jobs = index_jobs(effects);
        assert_eq!(jobs.len(), 1);
        let effects = s.handle(Input::Key(KeyChord::plain(Key::Char('a'))));
        assert!(
            jobs_of(effects).is_empty(),
            "nothing to rank with, and the build is under way"
        );
        let mut ranks = Vec::new();
        for job in jobs {
            for input in job.answers() {
                ranks.extend(jobs_of(s.handle(input)));
            }
        }
        assert!(s.work.palette_index.is_some());
        assert!(
            matches!(ranks.as_slice(), [Job::Rank(r)] if r.query == "a"),
            "the query typed meanwhile is ranked: {ranks:?}"
        );
    }
}
