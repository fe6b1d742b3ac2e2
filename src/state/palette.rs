//! The "jump to anything" palette, search inside the article, and the entity card: what their
//! keys do to the state. Ranking lives in [`crate::search`]; this module builds the candidates
//! from the corpus and turns a chosen hit into a jump.

use super::{AppState, Corpus, Cursor, Effect, Input, Location, Overlay, Pane, Severity, Unit};
use crate::action::Action;
use crate::corpus::entity_index::kwic_in;
use crate::keymap::{Key, KeyChord};
use crate::model::{Article, EntityKind, Span};
use crate::search::{Candidate, CandidateKind, QueryMode, QueryResult, SearchIndex, fold};
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
}

impl Job {
    /// True for a ranking: a newer ranking makes an older one pointless, so the runner cancels
    /// it.
    pub fn is_ranking(&self) -> bool {
        matches!(self, Job::Rank(_))
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
                index: Arc::new(SearchIndex::new(candidates(
                    &job.corpus,
                    &job.bookmarks,
                    true,
                ))),
            })),
            Job::Cross(job) => send(Input::Cross(job.run())),
        }
    }
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
}

impl Jobs {
    fn next(&mut self) -> u64 {
        self.last += 1;
        self.last
    }
}

/// Everything the palette can jump to in `corpus` and `bookmarks`: articles, headings, claims,
/// entities and bookmarks; `details` fills in [`Candidate::detail`] (left empty for callers that
/// never show it). Runs on a worker when the palette is indexed in the background.
pub fn candidates(corpus: &Corpus, bookmarks: &[Bookmark], details: bool) -> Vec<Candidate> {
    use rayon::prelude::*;
    let candidate = |kind, label: String, detail: String, article, offset, recency| Candidate {
        kind,
        label,
        detail,
        article,
        offset,
        recency,
    };
    let per_article = |(i, e): (usize, &crate::state::Entry)| {
        let a = &e.article;
        let title = one_line(&a.title);
        let date = a.date.map(|d| d.iso()).unwrap_or_default();
        let title_detail = || {
            if details {
                title.clone()
            } else {
                String::new()
            }
        };
        let mut out = Vec::with_capacity(1 + e.analysis.claims.len());
        out.push(candidate(
            CandidateKind::Article,
            title.clone(),
            if details {
                one_line(&format!("{} {date}", a.byline()))
            } else {
                String::new()
            },
            i,
            0,
            0,
        ));
        for b in a
            .body
            .iter()
            .filter(|b| b.kind == crate::model::BlockKind::Heading)
        {
            out.push(candidate(
                CandidateKind::Heading,
                one_line(a.slice(b.span)),
                title_detail(),
                i,
                b.span.start,
                0,
            ));
        }
        for c in &e.analysis.claims {
            let source = c
                .attribution
                .as_ref()
                .map_or("article", |s| s.text.as_str());
            let detail = if details {
                format!(
                    "{} · {} · {} — {title}",
                    c.kind.name(),
                    c.stance.name(),
                    one_line(source),
                )
            } else {
                String::new()
            };
            let mut label = one_line(&c.text);
            if let Some((cut, _)) = label.char_indices().nth(240) {
                label.truncate(cut);
            }
            out.push(candidate(
                CandidateKind::Claim,
                label,
                detail,
                i,
                c.span.start,
                0,
            ));
        }
        out
    };
    let mut out: Vec<Candidate> = corpus
        .par_iter()
        .enumerate()
        .with_min_len(16)
        .flat_map_iter(per_article)
        .collect();
    let analyses: Vec<&crate::model::Analysis> = corpus.iter().map(|e| &*e.analysis).collect();
    for e in crate::corpus::entity_index::EntityIndex::summaries(&analyses) {
        if matches!(e.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        let (mentions, articles) = (e.mention_count, e.article_count);
        let detail = if details {
            format!(
                "{} · {mentions} mention{} in {articles} article{}",
                e.kind.name(),
                if mentions == 1 { "" } else { "s" },
                if articles == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        out.push(candidate(
            CandidateKind::Entity,
            e.canonical,
            detail,
            e.first.article,
            e.first.span.start,
            0,
        ));
    }
    let lookup = super::derived::ArticleLookup::new(corpus);
    for b in bookmarks {
        let Some(article) = lookup.article_of(b) else {
            continue;
        };
        let mut label: String = one_line(&b.anchor.quote).chars().take(200).collect();
        if let Some(note) = b.note.lines().find(|l| !l.trim().is_empty()) {
            label = format!("{} ✎ {label}", one_line(note));
        }
        let recency = u64::try_from(b.updated).unwrap_or(0);
        out.push(candidate(
            CandidateKind::Bookmark,
            label,
            one_line(&b.title),
            article,
            b.anchor.start,
            recency,
        ));
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
        (self.index.is_none() || self.index_stale) && self.jobs.building.is_none()
    }

    /// Builds the palette's index now if [`AppState::palette_needs_index`] (or a build under
    /// way in the background started from a corpus that has changed since).
    pub fn prepare_palette(&mut self) {
        if self.palette_needs_index() || self.jobs.building.is_some() {
            self.index = Some(Arc::new(SearchIndex::new(self.palette_candidates())));
            self.index_stale = false;
            // A build under way started from the corpus as it was then; this one is newer.
            self.jobs.building = None;
        }
    }

    /// The user has been idle for a moment: hands the corpus (shared, not copied) and the
    /// bookmarks to a background job that gathers the palette's candidates and indexes them, so
    /// that the palette opens at once. The index arrives as
    /// [`Input::PaletteIndex`].
    pub(crate) fn index_palette_in_background(&mut self) {
        if !self.palette_needs_index() || self.jobs.building.is_some() {
            return;
        }
        let generation = self.jobs.next();
        self.jobs.building = Some(generation);
        // Whatever marks the index stale from now on also outdates this build.
        self.index_stale = false;
        self.emit(Effect::Background(Job::BuildIndex(IndexJob {
            generation,
            corpus: self.corpus.clone(),
            bookmarks: self.saved.bookmarks.clone(),
        })));
    }

    /// Takes the index a background job built, unless the corpus changed since it started.
    pub(crate) fn take_palette_index(&mut self, built: BuiltIndex) {
        if self.jobs.building != Some(built.generation) {
            return;
        }
        self.jobs.building = None;
        if !self.index_stale {
            self.index = Some(built.index);
        }
    }

    /// Opens the palette, with `prefix` already typed.
    pub(crate) fn open_palette(&mut self, prefix: &str) {
        self.prepare_palette();
        self.overlay = Some(Overlay::Palette(Box::new(Palette {
            query: String::new(),
            result: None,
            text_hits: Vec::new(),
            selected: 0,
            ranking: None,
            base: None,
        })));
        self.set_palette_query(prefix.to_string());
    }

    /// Shows `query` at once and ranks it in the background (see [`Job::Rank`]); a `/`
    /// full-text query is answered here.
    fn set_palette_query(&mut self, query: String) {
        let generation = self.jobs.next();
        let index = self.index.clone();
        let Some(Overlay::Palette(p)) = &mut self.overlay else {
            return;
        };
        p.query = query.clone();
        p.selected = 0;
        let Some(index) = index else {
            return;
        };
        if !query.trim_start().starts_with('/') {
            p.ranking = Some(generation);
            let previous = p.base.clone();
            self.emit(Effect::Background(Job::Rank(RankJob {
                generation,
                query,
                index,
                previous,
            })));
            return;
        }
        let result = index.query(&query, PALETTE_LIMIT);
        let text_query = match &result.mode {
            QueryMode::FullText(q) => q.clone(),
            _ => String::new(),
        };
        p.ranking = None;
        p.result = Some(Arc::new(result));
        let hits = self.full_text(&text_query);
        if let Some(Overlay::Palette(p)) = &mut self.overlay {
            p.text_hits = hits;
        }
    }

    /// Takes an answer of the palette's ranking, unless the query changed since it started.
    pub(crate) fn take_ranked(&mut self, ranked: Ranked) {
        let Some(Overlay::Palette(p)) = &mut self.overlay else {
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
        let index = self.index.as_ref()?;
        let result = match &p.base {
            Some(base) => index.refine(base, &p.query, PALETTE_LIMIT),
            None => index.query(&p.query, PALETTE_LIMIT),
        };
        Some(Arc::new(result))
    }

    /// Searches the text of every article (for `/` queries): only what the reader shows (body
    /// and references, not the furniture and captions it leaves out), with context from the
    /// same block.
    fn full_text(&self, query: &str) -> Vec<TextHit> {
        let mut out = Vec::new();
        for (i, e) in self.corpus.iter().enumerate() {
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
        out
    }

    /// A key typed into the palette or the find prompt.
    pub(crate) fn type_into_prompt(&mut self, chord: KeyChord) {
        match &mut self.overlay {
            Some(Overlay::Palette(p)) => {
                let mut query = p.query.clone();
                if edit_line(&mut query, chord) {
                    self.set_palette_query(query);
                }
            }
            Some(Overlay::Find { input }) => {
                edit_line(input, chord);
            }
            _ => {}
        }
    }

    /// Moves the palette selection.
    pub(crate) fn move_palette(&mut self, delta: isize) {
        if let Some(Overlay::Palette(p)) = &mut self.overlay {
            let n = p.len();
            if n > 0 {
                p.selected = (p.selected as isize + delta).clamp(0, n as isize - 1) as usize;
            }
        }
    }

    /// Carries out the palette's selected row: a jump, or the entity card for an entity.
    pub(crate) fn accept_palette(&mut self) {
        let Some(Overlay::Palette(p)) = self.overlay.take() else {
            return;
        };
        if let Some(hit) = p.text_hits.get(p.selected).filter(|_| {
            p.ranking.is_none()
                && matches!(
                    p.result.as_ref().map(|r| &r.mode),
                    Some(QueryMode::FullText(_))
                )
        }) {
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
            .index
            .as_ref()
            .and_then(|i| i.candidate(hit.candidate))
            .cloned()
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
        let Some(Overlay::Find { input }) = self.overlay.take() else {
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
            self.jump_to_span(self.selected, span, Unit::Mention);
            self.notify(
                format!("“{query}”: match {} of {n}{wrapped}", i + 1),
                Severity::Info,
            );
        }
    }

    /// Opens the card of an entity by canonical name.
    pub(crate) fn open_card(&mut self, canonical: &str) {
        self.overlay = Some(Overlay::Card {
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
        self.overlay = None;
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
