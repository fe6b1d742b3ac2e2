//! The "jump to anything" palette, search inside the article, and the entity card: what their
//! keys do to the state. Ranking lives in [`crate::search`]; this module builds the candidates
//! from the corpus and turns a chosen hit into a jump.

use super::{AppState, Corpus, Cursor, Effect, Input, Location, Overlay, Pane, Severity, Unit};
use crate::action::Action;
use crate::corpus::entity_index::kwic_in;
use crate::keymap::{Key, KeyChord};
use crate::model::{Article, EntityKind, Span};
use crate::search::{
    Candidate, CandidateKind, IndexBuilder, QueryMode, QueryResult, SearchIndex, fold,
};
use crate::store::Bookmark;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Most palette hits listed.
pub const PALETTE_LIMIT: usize = 200;
/// Most full-text hits listed.
pub const FULL_TEXT_LIMIT: usize = 500;

/// Matches of `query` in the text the reader shows of `article` (its body and references), each
/// with the block it lies in, in text order.
pub fn shown_matches(article: &Article, query: &str) -> Vec<(Span, Span)> {
    let mut blocks: Vec<Span> = article
        .body
        .iter()
        .chain(&article.references)
        .map(|b| b.span)
        .collect();
    blocks.sort_by_key(|b| b.start);
    find_all(&article.text, query, usize::MAX)
        .into_iter()
        .filter_map(|m| {
            let k = blocks.partition_point(|b| b.end < m.end);
            blocks
                .get(k)
                .filter(|b| b.start <= m.start && m.end <= b.end)
                .map(|b| (m, *b))
        })
        .collect()
}

/// One full-text match in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextHit {
    /// Article index.
    pub article: usize,
    /// The match in the article text.
    pub span: Span,
    /// The line shown: context, the match, context.
    pub context: (String, String, String),
}

/// The palette's query and answer.
#[derive(Debug, Clone)]
pub struct Palette {
    /// What the user typed.
    pub query: String,
    /// Ranked candidates (palette modes): the answer to `query`, or while `ranking` is set, the
    /// answer to an earlier query or an early part of the answer to this one.
    pub result: Option<Arc<QueryResult>>,
    /// Matches of a `/` full-text query.
    pub text_hits: Vec<TextHit>,
    /// Selected row.
    pub selected: usize,
    /// The generation of the ranking of `query` under way off the UI thread, if any.
    pub ranking: Option<u64>,
    /// The last complete answer, which a narrower query refines.
    base: Option<Arc<QueryResult>>,
}

impl PartialEq for Palette {
    fn eq(&self, other: &Self) -> bool {
        self.query == other.query && self.selected == other.selected
    }
}

impl Eq for Palette {}

impl Palette {
    /// Number of rows listed.
    pub fn len(&self) -> usize {
        match &self.result {
            Some(r) if !matches!(r.mode, QueryMode::FullText(_)) => r.hits.len(),
            _ => self.text_hits.len(),
        }
    }

    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Matches of a search inside the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSearch {
    /// The query as typed.
    pub query: String,
    /// Matches in text order.
    pub matches: Vec<Span>,
}

pub use crate::corpus::entity_index::{collapse_whitespace as one_line, kwic};

/// Work the state hands to the runner to do off the UI thread; each answer comes back through
/// [`AppState::handle`] as an [`Input`].
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Rank the palette's query.
    Rank(RankJob),
    /// Build the palette's index.
    BuildIndex(IndexJob),
    /// Compute the cross-article analyses (entity index, claim groups, timeline, sources).
    Cross(super::cross::CrossJob),
    /// Search the text of every article for a `/` query.
    FullText(FullTextJob),
    /// Fetch from the team server (reading its published corpus).
    Remote(super::remote::RemoteJob),
}

impl Job {
    /// True for the answer to a palette query (a ranking or a full-text search): the next
    /// query makes it pointless, so the runner cancels it.
    pub fn is_ranking(&self) -> bool {
        matches!(self, Job::Rank(_) | Job::FullText(_))
    }

    /// Does the work to the end here and now and returns every answer, in order (headless
    /// rendering and tests, where the screen must depend on the inputs alone).
    pub fn answers(self) -> Vec<Input> {
        let mut answers = Vec::new();
        self.run(&AtomicBool::new(false), Duration::MAX, |input| {
            answers.push(input)
        });
        answers
    }

    /// Does the work, handing each answer to `send`; stops early once `cancel` is set (a
    /// cancelled ranking sends nothing more). A ranking that runs for `partial_every` (the
    /// reader uses [`crate::search::PARTIAL_EVERY`]; `Duration::MAX` for none) sends early answers before the
    /// complete one.
    pub fn run(self, cancel: &AtomicBool, partial_every: Duration, mut send: impl FnMut(Input)) {
        match self {
            Job::Rank(job) => {
                let generation = job.generation;
                let mut answer = |result| send(Input::Ranked(Ranked { generation, result }));
                let done = job.index.rank_in_steps(
                    job.previous.as_deref(),
                    &job.query,
                    PALETTE_LIMIT,
                    cancel,
                    partial_every,
                    &mut answer,
                );
                if let Some(done) = done {
                    answer(done);
                }
            }
            Job::BuildIndex(job) => send(Input::PaletteIndex(BuiltIndex {
                generation: job.generation,
                layout: job.layout,
                sources: job.corpus.articles().map(|a| a.source.clone()).collect(),
                index: Arc::new(build_index(&job.corpus, &job.bookmarks)),
            })),
            Job::Cross(job) => send(Input::Cross(job.run())),
            Job::Remote(job) => send(Input::Remote(job.remote.answer(job.request))),
            Job::FullText(job) => {
                if let Some(hits) = full_text(&job.corpus, &job.query, cancel) {
                    send(Input::FullText(TextFound {
                        generation: job.generation,
                        layout: job.layout,
                        hits,
                    }));
                }
            }
        }
    }
}

/// A `/` query to answer from the text of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct FullTextJob {
    /// Tags the answer, so that one to an older query is dropped.
    pub generation: u64,
    /// What to find (the query after its `/`).
    pub query: String,
    /// The order of the corpus' articles the search saw ([`Jobs::layout`]).
    layout: u64,
    /// The corpus as it was when the job started (sharing its articles and analyses).
    corpus: Corpus,
}

/// The answer of a [`FullTextJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct TextFound {
    /// The generation of the job.
    pub generation: u64,
    /// The order of the corpus' articles the hits refer to.
    layout: u64,
    /// The matches, in corpus order.
    pub hits: Vec<TextHit>,
}

/// A palette query to rank.
#[derive(Debug, Clone)]
pub struct RankJob {
    /// Tags the answers, so that those of an older query are dropped.
    pub generation: u64,
    /// The query as typed.
    pub query: String,
    index: Arc<SearchIndex>,
    previous: Option<Arc<QueryResult>>,
}

impl PartialEq for RankJob {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.query == other.query
            && Arc::ptr_eq(&self.index, &other.index)
    }
}

/// The corpus and bookmarks whose candidates the palette indexes, gathered and indexed on a
/// worker.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexJob {
    /// Tags the index built, so that one built from an outdated corpus is dropped.
    pub generation: u64,
    /// The order of the corpus' articles the candidates refer to ([`Jobs::layout`]).
    layout: u64,
    /// The corpus as it was when the job started (sharing its articles and analyses).
    corpus: Corpus,
    /// The bookmarks as they were.
    bookmarks: Vec<Bookmark>,
}

/// An answer of a [`RankJob`]: early (part of the candidates) or complete.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// The generation of the job.
    pub generation: u64,
    /// The ranking.
    pub result: QueryResult,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.result.hits == other.result.hits
            && self.result.total_matched == other.result.total_matched
            && self.result.is_complete() == other.result.is_complete()
    }
}

/// The index an [`IndexJob`] built.
#[derive(Debug, Clone)]
pub struct BuiltIndex {
    /// The generation of the job.
    pub generation: u64,
    /// The order of the corpus' articles its candidates refer to.
    layout: u64,
    /// The source path of each article in that order, to place the candidates again when
    /// articles arrived meanwhile.
    sources: Vec<String>,
    /// The index.
    pub index: Arc<SearchIndex>,
}

impl PartialEq for BuiltIndex {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && Arc::ptr_eq(&self.index, &other.index)
    }
}

/// Numbers the palette's background jobs and remembers the index build under way.
#[derive(Debug, Clone, Default)]
pub(crate) struct Jobs {
    last: u64,
    /// The generation of the index build under way, if any.
    building: Option<u64>,
    /// Counts the changes to the order of the corpus' articles (arrivals): an answer computed
    /// from another order refers to articles by outdated positions.
    layout: u64,
}

impl Jobs {
    fn next(&mut self) -> u64 {
        self.last += 1;
        self.last
    }

    /// Articles arrived: the positions of those already there may have moved.
    pub(crate) fn articles_moved(&mut self) {
        self.layout += 1;
    }
}

/// Every match of `query` in the text the reader shows of the articles of `corpus` (see
/// [`shown_matches`]), at most [`FULL_TEXT_LIMIT`], with context from the same block; `None`
/// once `cancel` is set (checked between articles).
fn full_text(corpus: &Corpus, query: &str, cancel: &AtomicBool) -> Option<Vec<TextHit>> {
    let mut out = Vec::new();
    for (i, e) in corpus.iter().enumerate() {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        let room = FULL_TEXT_LIMIT - out.len();
        for (span, block) in shown_matches(&e.article, query).into_iter().take(room) {
            let text = e.article.slice(block);
            let inner = Span::new(span.start - block.start, span.end - block.start);
            out.push(TextHit {
                article: i,
                span,
                context: kwic_in(text, inner, 40),
            });
        }
        if out.len() >= FULL_TEXT_LIMIT {
            break;
        }
    }
    Some(out)
}

/// Everything the palette can jump to in `corpus` and `bookmarks`: articles, headings, claims,
/// entities and bookmarks; `details` fills in [`Candidate::detail`] (left empty for callers that
/// never show it). Runs on a worker when the palette is indexed in the background.
pub fn candidates(corpus: &Corpus, bookmarks: &[Bookmark], details: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    gather(corpus, bookmarks, details, |batch| out.extend(batch));
    out
}

/// The palette's index over the candidates of `corpus` and `bookmarks`, built a batch at a
/// time so that the owned candidates of one batch at most are held beside it.
fn build_index(corpus: &Corpus, bookmarks: &[Bookmark]) -> SearchIndex {
    let mut builder = IndexBuilder::new();
    gather(corpus, bookmarks, true, |batch| builder.extend(batch));
    builder.finish()
}

/// The candidates of [`candidates`], in the same order, handed to `sink` a batch at a time
/// (the palette's index folds each batch and drops it before the next is gathered): those of
/// the corpus ([`crate::corpus::candidates::gather`]), then the bookmarks.
fn gather(
    corpus: &Corpus,
    bookmarks: &[Bookmark],
    details: bool,
    mut sink: impl FnMut(Vec<Candidate>),
) {
    crate::corpus::candidates::gather(corpus, details, &mut sink);
    let lookup = super::derived::ArticleLookup::new(corpus);
    sink(bookmark_candidates(&lookup, bookmarks));
}

/// The palette's candidates for `bookmarks`, each in the article `lookup` finds for it
/// (bookmarks whose article is not there are left out).
pub fn bookmark_candidates(
    lookup: &super::derived::ArticleLookup<'_>,
    bookmarks: &[Bookmark],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for b in bookmarks {
        let Some(article) = lookup.article_of(b) else {
            continue;
        };
        let mut label: String = one_line(&b.anchor.quote).chars().take(200).collect();
        if let Some(note) = b.note.lines().find(|l| !l.trim().is_empty()) {
            label = format!("{} ✎ {label}", one_line(note));
        }
        let recency = u64::try_from(b.updated).unwrap_or(0);
        out.push(Candidate {
            kind: CandidateKind::Bookmark,
            label,
            detail: one_line(&b.title),
            article,
            offset: b.anchor.start,
            recency,
        });
    }
    out
}

/// Every occurrence of `query` in `text` (smart case: an upper-case letter makes the search
/// exact; otherwise it ignores case and umlauts), as byte spans of `text`.
pub fn find_all(text: &str, query: &str, limit: usize) -> Vec<Span> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    if query.chars().any(char::is_uppercase) {
        return text
            .match_indices(query)
            .take(limit)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect();
    }
    let (folded, map) = fold(&text.to_lowercase());
    let (needle, _) = fold(&query.to_lowercase());
    if needle.is_empty() {
        return Vec::new();
    }
    // Lower-casing keeps one char per char for German and English text; when it does not, the
    // char offsets below are clamped, never out of range.
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let folded_chars: Vec<usize> = folded.char_indices().map(|(b, _)| b).collect();
    let mut out = Vec::new();
    for (b, m) in folded.match_indices(needle.as_str()) {
        let first = folded_chars.partition_point(|&x| x < b);
        let last = folded_chars
            .partition_point(|&x| x < b + m.len())
            .saturating_sub(1);
        let (Some(&a), Some(&z)) = (map.get(first), map.get(last)) else {
            continue;
        };
        let start = starts[a.min(starts.len() - 1)];
        let end = starts[(z + 1).min(starts.len() - 1)];
        if out.last().is_none_or(|s: &Span| s.end <= start) {
            out.push(Span::new(start, end));
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

impl AppState {
    /// Palette candidates for the whole corpus: articles, headings, entities, claims, bookmarks.
    pub fn palette_candidates(&self) -> Vec<Candidate> {
        candidates(&self.corpus, &self.saved.bookmarks, true)
    }

    /// [`AppState::palette_candidates`] with every [`Candidate::detail`] left empty, for
    /// callers that never show it (`dossier find`).
    pub fn palette_candidates_without_details(&self) -> Vec<Candidate> {
        candidates(&self.corpus, &self.saved.bookmarks, false)
    }

    /// True when a pause of the user should be used for background preparation: the palette's
    /// index or the cross-article analyses are missing or out of date ([`Input::Idle`]).
    pub fn has_idle_work(&self) -> bool {
        self.palette_needs_index() || self.cross_needs_refresh()
    }

    /// True when the palette has no index, or one that misses recent changes, and none is
    /// being built.
    pub fn palette_needs_index(&self) -> bool {
        (self.work.palette_index.is_none() || self.work.palette_index_stale)
            && self.work.palette_jobs.building.is_none()
    }

    /// Builds the palette's index now if [`AppState::palette_needs_index`] (or a build under
    /// way in the background started from a corpus that has changed since).
    pub fn prepare_palette(&mut self) {
        if self.palette_needs_index() || self.work.palette_jobs.building.is_some() {
            self.work.palette_index =
                Some(Arc::new(build_index(&self.corpus, &self.saved.bookmarks)));
            self.work.palette_index_stale = false;
            // A build under way started from the corpus as it was then; this one is newer.
            self.work.palette_jobs.building = None;
        }
    }

    /// The user has been idle for a moment, or opened the palette without an index up to date:
    /// hands the corpus (shared, not copied) and the bookmarks to a background job that gathers
    /// the palette's candidates and indexes them. The index arrives as
    /// [`Input::PaletteIndex`].
    pub(crate) fn index_palette_in_background(&mut self) {
        if !self.palette_needs_index() || self.work.palette_jobs.building.is_some() {
            return;
        }
        let generation = self.work.palette_jobs.next();
        self.work.palette_jobs.building = Some(generation);
        // Whatever marks the index stale from now on also outdates this build.
        self.work.palette_index_stale = false;
        self.emit(Effect::Background(Job::BuildIndex(IndexJob {
            generation,
            layout: self.work.palette_jobs.layout,
            corpus: self.corpus.clone(),
            bookmarks: self.saved.bookmarks.clone(),
        })));
    }

    /// Takes the index a background job built. It is newer than the one in use even when the
    /// corpus changed while it was built (the index then stays marked stale, to be built again
    /// at the next pause or opening); when articles arrived meanwhile, its candidates are moved
    /// to the articles' new positions. An open palette ranks its query again on it.
    pub(crate) fn take_palette_index(&mut self, built: BuiltIndex) {
        if self.work.palette_jobs.building != Some(built.generation) {
            return;
        }
        self.work.palette_jobs.building = None;
        let BuiltIndex {
            layout,
            sources,
            mut index,
            ..
        } = built;
        if layout != self.work.palette_jobs.layout {
            let now: std::collections::HashMap<&str, usize> = self
                .corpus
                .articles()
                .enumerate()
                .map(|(i, a)| (a.source.as_str(), i))
                .collect();
            let moved: Option<Vec<usize>> = sources
                .iter()
                .map(|s| now.get(s.as_str()).copied())
                .collect();
            let placed = match (moved, Arc::get_mut(&mut index)) {
                (Some(moved), Some(index)) => index.move_articles(&moved),
                _ => false,
            };
            if !placed {
                // Articles left the corpus (or the index is shared): build again.
                self.work.palette_index_stale = true;
                if self.work.palette_index.is_none() {
                    self.index_palette_in_background();
                }
                return;
            }
        }
        self.work.palette_index = Some(index);
        if let Some(Overlay::Palette(p)) = &self.overlays.open {
            let query = p.query.clone();
            if let Some(Overlay::Palette(p)) = &mut self.overlays.open {
                // The last answer came from another index: nothing to refine.
                p.base = None;
            }
            if !query.trim_start().starts_with('/') {
                self.set_palette_query(query);
            }
        }
    }

    /// Opens the palette, with `prefix` already typed. Without an index up to date, one is
    /// built in the background (the palette says "indexing…" when it has none to rank with
    /// meanwhile); the palette opens at once either way.
    pub(crate) fn open_palette(&mut self, prefix: &str) {
        self.index_palette_in_background();
        self.overlays.open = Some(Overlay::Palette(Box::new(Palette {
            query: String::new(),
            result: None,
            text_hits: Vec::new(),
            selected: 0,
            ranking: None,
            base: None,
        })));
        self.set_palette_query(prefix.to_string());
    }

    /// Shows `query` at once and answers it in the background: a ranking of the palette's
    /// candidates ([`Job::Rank`]), or for a `/` query a search of the corpus' text
    /// ([`Job::FullText`]), which needs no index.
    fn set_palette_query(&mut self, query: String) {
        let generation = self.work.palette_jobs.next();
        let index = self.work.palette_index.clone();
        let layout = self.work.palette_jobs.layout;
        let Some(Overlay::Palette(p)) = &mut self.overlays.open else {
            return;
        };
        p.query = query.clone();
        p.selected = 0;
        if let Some(result) = QueryResult::full_text(&query) {
            let text_query = match &result.mode {
                QueryMode::FullText(q) => q.clone(),
                _ => String::new(),
            };
            let was_full_text = p
                .result
                .as_ref()
                .is_some_and(|r| matches!(r.mode, QueryMode::FullText(_)));
            if !was_full_text {
                // Hits of a ranking are not rows of a full-text answer.
                p.text_hits.clear();
            }
            p.result = Some(Arc::new(result));
            p.base = None;
            p.ranking = Some(generation);
            self.emit(Effect::Background(Job::FullText(FullTextJob {
                generation,
                query: text_query,
                layout,
                corpus: self.corpus.clone(),
            })));
            return;
        }
        let Some(index) = index else {
            p.ranking = None;
            return;
        };
        p.ranking = Some(generation);
        let previous = p.base.clone();
        self.emit(Effect::Background(Job::Rank(RankJob {
            generation,
            query,
            index,
            previous,
        })));
    }

    /// Takes the answer of a full-text search, unless the query changed since it started; when
    /// articles arrived meanwhile the search runs again (its hits name articles by position).
    pub(crate) fn take_text_hits(&mut self, found: TextFound) {
        let Some(Overlay::Palette(p)) = &mut self.overlays.open else {
            return;
        };
        if p.ranking != Some(found.generation) {
            return;
        }
        if found.layout != self.work.palette_jobs.layout {
            let query = p.query.clone();
            self.set_palette_query(query);
            return;
        }
        p.ranking = None;
        p.text_hits = found.hits;
        p.selected = p.selected.min(p.len().saturating_sub(1));
    }

    /// Takes an answer of the palette's ranking, unless the query changed since it started.
    pub(crate) fn take_ranked(&mut self, ranked: Ranked) {
        let Some(Overlay::Palette(p)) = &mut self.overlays.open else {
            return;
        };
        if p.ranking != Some(ranked.generation) {
            return;
        }
        let result = Arc::new(ranked.result);
        if result.is_complete() {
            p.ranking = None;
            p.base = Some(Arc::clone(&result));
        }
        p.text_hits.clear();
        p.result = Some(result);
        p.selected = p.selected.min(p.len().saturating_sub(1));
    }

    /// The answer to the palette's query: the one shown, or while a ranking is under way, the
    /// complete answer computed here.
    fn palette_answer(&self, p: &Palette) -> Option<Arc<QueryResult>> {
        if p.ranking.is_none() {
            return p.result.clone();
        }
        let index = self.work.palette_index.as_ref()?;
        let result = match &p.base {
            Some(base) => index.refine(base, &p.query, PALETTE_LIMIT),
            None => index.query(&p.query, PALETTE_LIMIT),
        };
        Some(Arc::new(result))
    }

    /// A key typed into the palette or the find prompt.
    pub(crate) fn type_into_prompt(&mut self, chord: KeyChord) {
        match &mut self.overlays.open {
            Some(Overlay::Palette(p)) => {
                let mut query = p.query.clone();
                if edit_line(&mut query, chord) {
                    self.set_palette_query(query);
                }
            }
            Some(Overlay::Find { input }) => {
                edit_line(input, chord);
            }
            Some(Overlay::Server(_)) => self.type_into_server_search(chord),
            _ => {}
        }
    }

    /// Moves the palette selection.
    pub(crate) fn move_palette(&mut self, delta: isize) {
        if let Some(Overlay::Palette(p)) = &mut self.overlays.open {
            let n = p.len();
            if n > 0 {
                p.selected = (p.selected as isize + delta).clamp(0, n as isize - 1) as usize;
            }
        }
    }

    /// Carries out the palette's selected row: a jump, or the entity card for an entity.
    pub(crate) fn accept_palette(&mut self) {
        let Some(Overlay::Palette(p)) = self.overlays.open.take() else {
            return;
        };
        let text_query = match p.result.as_ref().map(|r| &r.mode) {
            Some(QueryMode::FullText(q)) => Some(q.clone()),
            _ => None,
        };
        if let Some(text_query) = text_query {
            // Enter before the search is in picks from the matches of what is typed, found on
            // the spot.
            let hits = match p.ranking {
                None => p.text_hits,
                Some(_) => full_text(&self.corpus, &text_query, &AtomicBool::new(false))
                    .unwrap_or_default(),
            };
            let Some(hit) = hits.get(p.selected) else {
                return;
            };
            let (article, span) = (hit.article, hit.span);
            self.jump_to_span(article, span, Unit::Sentence);
            self.search = Some(ArticleSearch {
                query: p.query.trim_start_matches('/').to_string(),
                matches: shown_matches(
                    &self.corpus[article].article,
                    p.query.trim_start_matches('/'),
                )
                .into_iter()
                .map(|(m, _)| m)
                .collect(),
            });
            self.refresh_marks();
            return;
        }
        // Enter before the ranking is in picks from the answer to what is typed, not from
        // what an earlier query left on screen.
        let Some(result) = self.palette_answer(&p) else {
            return;
        };
        let Some(hit) = result.hits.get(p.selected) else {
            return;
        };
        let Some(c) = self
            .work
            .palette_index
            .as_ref()
            .and_then(|i| i.candidate(hit.candidate))
            .map(|c| c.to_candidate())
        else {
            return;
        };
        match c.kind {
            CandidateKind::Entity => self.open_card(&c.label),
            CandidateKind::Article => {
                self.go_to(
                    Location {
                        article: c.article,
                        offset: 0,
                    },
                    true,
                );
                self.reader.top = 0;
                self.screen.focus = Pane::Reader;
            }
            CandidateKind::Heading | CandidateKind::Claim | CandidateKind::Bookmark => {
                let len = self.corpus.get(c.article).map_or(0, |e| {
                    let text = &e.article.text;
                    let rest = text.get(c.offset..).unwrap_or("");
                    match c.kind {
                        CandidateKind::Claim => e
                            .analysis
                            .claims
                            .iter()
                            .find(|cl| cl.span.start == c.offset)
                            .map_or(0, |cl| cl.span.len()),
                        _ => rest.find('\n').unwrap_or(rest.len()),
                    }
                });
                let span = Span::new(c.offset, c.offset + len);
                self.jump_to_span(c.article, span, Unit::Sentence);
            }
        }
    }

    /// Jumps to a span, putting the cursor on it.
    pub(crate) fn jump_to_span(&mut self, article: usize, span: Span, unit: Unit) {
        self.go_to(
            Location {
                article,
                offset: span.start,
            },
            true,
        );
        self.screen.focus = Pane::Reader;
        self.cursor = Some(Cursor { unit, span });
    }

    /// Runs the search typed at the find prompt and goes to the first match below the top.
    pub(crate) fn accept_find(&mut self) {
        let Some(Overlay::Find { input }) = self.overlays.open.take() else {
            return;
        };
        let Some(entry) = self.current() else { return };
        let matches: Vec<Span> = shown_matches(&entry.article, &input)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        let body_start = entry.article.body.first().map_or(0, |b| b.span.start);
        let matches: Vec<Span> = matches
            .into_iter()
            .filter(|m| m.start >= body_start)
            .collect();
        if matches.is_empty() {
            self.notify(format!("not found: {input}"), Severity::Info);
            self.search = None;
        } else {
            let n = matches.len();
            self.notify(
                format!("{n} match{} for “{input}”", if n == 1 { "" } else { "es" }),
                Severity::Info,
            );
            self.search = Some(ArticleSearch {
                query: input,
                matches,
            });
            self.cursor = None;
            self.next_match(1);
        }
        self.refresh_marks();
    }

    /// Goes to the next (or previous) match of the article search.
    pub(crate) fn next_match(&mut self, step: isize) {
        let Some(search) = &self.search else {
            let hint = self.key_suggestion(Action::SearchArticle, "searches this article");
            self.notify(format!("no search{hint}"), Severity::Info);
            return;
        };
        let from = self
            .cursor
            .map(|c| c.span.start)
            .unwrap_or_else(|| self.location().offset.saturating_sub(1));
        let ahead = if step > 0 {
            search.matches.iter().find(|m| m.start > from)
        } else {
            search.matches.iter().rev().find(|m| m.start < from)
        };
        // Past the last match the search starts again at the other end, and says so.
        let wrapped = match (ahead, step > 0) {
            (Some(_), _) => "",
            (None, true) => " · wrapped to top",
            (None, false) => " · wrapped to bottom",
        };
        let found = ahead.or(if step > 0 {
            search.matches.first()
        } else {
            search.matches.last()
        });
        if let Some(&span) = found {
            let i = search.matches.iter().position(|m| *m == span).unwrap_or(0);
            let n = search.matches.len();
            let query = search.query.clone();
            self.jump_to_span(self.list.selected, span, Unit::Mention);
            self.notify(
                format!("“{query}”: match {} of {n}{wrapped}", i + 1),
                Severity::Info,
            );
        }
    }

    /// Opens the card of an entity by canonical name.
    pub(crate) fn open_card(&mut self, canonical: &str) {
        self.overlays.open = Some(Overlay::Card {
            canonical: canonical.to_string(),
            selected: 0,
        });
    }

    /// Opens the card of the entity under the cursor.
    pub(crate) fn open_card_at_cursor(&mut self) {
        if self.cursor.is_none() {
            self.move_cursor(Unit::Mention, 1);
        }
        let Some(c) = self.cursor else { return };
        let Some(entry) = self.current() else { return };
        let found = entry
            .analysis
            .mentions
            .iter()
            .find(|m| {
                m.span.overlaps(c.span)
                    && !matches!(m.kind, EntityKind::Date | EntityKind::Quantity)
            })
            .map(|m| m.canonical.clone());
        match found {
            Some(canonical) => self.open_card(&canonical),
            None => self.notify(
                "no entity under the cursor (e moves to the next one)",
                Severity::Info,
            ),
        }
    }

    /// Every mention of an entity in the corpus, as (article, mention index).
    pub fn mentions_of(&self, canonical: &str) -> Vec<(usize, usize)> {
        self.corpus
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.analysis
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.canonical == canonical)
                    .map(move |(j, _)| (i, j))
            })
            .collect()
    }

    /// Mention `selected` of the entity card of `canonical` (from the card the state keeps for
    /// the open card, without scanning the corpus again).
    pub(crate) fn card_mention(&self, canonical: &str, selected: usize) -> Option<(usize, usize)> {
        match &self.derived.card {
            Some(card) if card.canonical == canonical => card.mentions.get(selected).copied(),
            _ => self.mentions_of(canonical).get(selected).copied(),
        }
    }

    /// Number of mentions on the entity card of `canonical`.
    pub(crate) fn card_len(&self, canonical: &str) -> usize {
        match &self.derived.card {
            Some(card) if card.canonical == canonical => card.mentions.len(),
            _ => self.mentions_of(canonical).len(),
        }
    }

    /// Jumps to the mention selected in the entity card.
    pub(crate) fn accept_card(&mut self, canonical: &str, selected: usize) {
        let Some((article, m)) = self.card_mention(canonical, selected) else {
            return;
        };
        let span = self.corpus[article].analysis.mentions[m].span;
        self.overlays.open = None;
        self.jump_to_span(article, span, Unit::Mention);
    }
}

/// Applies a key to a one-line input; returns true when the text changed.
pub(crate) fn edit_line(line: &mut String, chord: KeyChord) -> bool {
    match (chord.key, chord.ctrl, chord.alt) {
        (Key::Char('u'), true, false) => {
            let changed = !line.is_empty();
            line.clear();
            changed
        }
        (Key::Char('w'), true, false) => {
            let trimmed = line.trim_end();
            let cut = trimmed.rfind(' ').map_or(0, |i| i + 1);
            let changed = cut < line.len();
            line.truncate(cut);
            changed
        }
        (Key::Char(c), false, false) if !c.is_control() => {
            line.push(c);
            true
        }
        (Key::Backspace, _, _) => line.pop().is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_ignores_case_and_umlauts_unless_upper_case_is_typed() {
        let text = "Pjöngjang und PJÖNGJANG; Straße in pjöngjang.";
        let spans = find_all(text, "pjongjang", 10);
        let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["Pjöngjang", "PJÖNGJANG", "pjöngjang"]);
        assert_eq!(find_all(text, "Pjöngjang", 10).len(), 1);
        let found: Vec<&str> = find_all(text, "strasse", 10)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(found, ["Straße"]);
    }
}
