//! Lists the view shows that are computed from other state: the entity index's rows under its
//! sort and filter, the timeline's events under its filters, an entity card's counts and the
//! bookmarks view's rows. Each is computed when its inputs change, at the end of every input
//! (`AppState::sync_derived`), so that drawing only reads.

use super::cross::SORTS;
use super::{AppState, Corpus, Overlay};
use crate::corpus::timeline::Event;
use crate::model::EntityKind;
use crate::store::{self, Bookmark, Resolution};
use std::collections::HashMap;
use std::sync::Arc;

/// An entity card's contents: every mention of one canonical entity in the corpus, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityCard {
    /// The entity's canonical name.
    pub canonical: String,
    /// The kind most of its mentions have ("entity" when it has none).
    pub kind: &'static str,
    /// Every mention as (article index, mention index), in corpus order.
    pub mentions: Vec<(usize, usize)>,
    /// Spellings with their counts, most frequent first (ties by text).
    pub spellings: Vec<(String, usize)>,
    /// Articles that mention it with their counts, in corpus order.
    pub per_article: Vec<(usize, usize)>,
}

/// One row of the bookmarks view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkRow {
    /// Index of the bookmark in [`super::Saved::bookmarks`].
    pub bookmark: usize,
    /// Its article in the corpus, when open.
    pub article: Option<usize>,
    /// True when its passage is no longer found in the article (or the article is not open).
    pub orphaned: bool,
}

/// What each derived list was computed from.
type EntitiesKey = (usize, Option<EntityKind>, usize);
type EventsKey = (Option<String>, Option<usize>, usize);

/// The derived lists and the inputs they were computed from.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// The entity index's rows (canonical names) under its sort and filter.
    pub entities: Vec<String>,
    entities_key: Option<EntitiesKey>,
    /// The timeline's events under its entity and article filters.
    pub events: Vec<Event>,
    events_key: Option<EventsKey>,
    /// The open entity card.
    pub card: Option<EntityCard>,
    card_key: Option<(String, u64)>,
    /// The bookmarks view's rows, by article and position.
    pub bookmarks: Vec<BookmarkRow>,
    bookmarks_key: Option<(u64, usize, u64)>,
}

impl Derived {
    /// True when the bookmarks view's rows are those of the bookmarks and corpus as they are.
    pub fn bookmarks_are_current(&self) -> bool {
        self.bookmarks_key.is_some()
    }

    /// Makes the bookmark rows be computed again (their filter changed).
    pub(crate) fn forget_bookmarks(&mut self) {
        self.bookmarks_key = None;
    }
}

/// Finds the corpus index of a bookmark's article: by article id, then by source path.
pub struct ArticleLookup<'a> {
    by_id: HashMap<&'a str, usize>,
    by_source: HashMap<&'a str, usize>,
}

impl<'a> ArticleLookup<'a> {
    /// An index of `corpus`.
    pub fn new(corpus: &'a Corpus) -> Self {
        Self::from_keys(
            corpus
                .iter()
                .map(|e| (e.article.id.0.as_str(), e.article.source.as_str())),
        )
    }

    /// An index of articles given by their ids and sources, in corpus order.
    pub fn from_keys(keys: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let keys: Vec<(&str, &str)> = keys.into_iter().collect();
        let mut by_id = HashMap::with_capacity(keys.len());
        let mut by_source = HashMap::with_capacity(keys.len());
        // The first of equal ids or paths wins, as a scan from the top would find.
        for (i, (id, source)) in keys.into_iter().enumerate().rev() {
            by_id.insert(id, i);
            by_source.insert(source, i);
        }
        ArticleLookup { by_id, by_source }
    }

    /// The corpus index of `b`'s article.
    pub fn article_of(&self, b: &Bookmark) -> Option<usize> {
        self.by_id
            .get(b.article.0.as_str())
            .or_else(|| self.by_source.get(b.source.as_str()))
            .copied()
    }
}

/// Identity of the analyses an entry was derived from.
fn cross_id(state: &AppState) -> usize {
    state
        .work
        .cross
        .as_ref()
        .map_or(0, |c| Arc::as_ptr(c) as usize)
}

impl AppState {
    /// Recomputes the derived lists whose inputs changed.
    pub(crate) fn sync_derived(&mut self) {
        self.sync_entities();
        self.sync_events();
        self.sync_card();
        self.sync_bookmark_rows();
    }

    fn sync_entities(&mut self) {
        let Some(Overlay::Entities { sort, kind, .. }) = &self.overlays.open else {
            self.derived.entities_key = None;
            self.derived.entities.clear();
            return;
        };
        let key = (*sort, *kind, cross_id(self));
        if self.derived.entities_key.as_ref() == Some(&key) {
            return;
        }
        self.derived.entities = self.work.cross.as_ref().map_or_else(Vec::new, |c| {
            c.entities.listed(*kind, SORTS[sort % SORTS.len()])
        });
        self.derived.entities_key = Some(key);
        if let Some(Overlay::Entities { selected, .. }) = &mut self.overlays.open {
            *selected = (*selected).min(self.derived.entities.len().saturating_sub(1));
        }
    }

    fn sync_events(&mut self) {
        let Some(Overlay::Timeline { entity, .. }) = &self.overlays.open else {
            self.derived.events_key = None;
            self.derived.events.clear();
            return;
        };
        let key = (
            entity.clone(),
            self.overlays.timeline_source,
            cross_id(self),
        );
        if self.derived.events_key.as_ref() == Some(&key) {
            return;
        }
        self.derived.events = self.listed_events(key.0.as_deref());
        self.derived.events_key = Some(key);
        if let Some(Overlay::Timeline { selected, .. }) = &mut self.overlays.open {
            *selected = (*selected).min(self.derived.events.len().saturating_sub(1));
        }
    }

    fn sync_card(&mut self) {
        let Some(Overlay::Card { canonical, .. }) = &self.overlays.open else {
            self.derived.card_key = None;
            self.derived.card = None;
            return;
        };
        let key = (canonical.clone(), self.corpus_version());
        if self.derived.card_key.as_ref() == Some(&key) {
            return;
        }
        self.derived.card = Some(self.entity_card(canonical));
        self.derived.card_key = Some(key);
    }

    /// Counts the mentions of `canonical` for its card.
    fn entity_card(&self, canonical: &str) -> EntityCard {
        let mentions = self.mentions_of(canonical);
        let mut spellings: Vec<(String, usize)> = Vec::new();
        let mut per_article: Vec<(usize, usize)> = Vec::new();
        let mut kinds = std::collections::BTreeMap::new();
        for &(a, m) in &mentions {
            let mention = &self.corpus[a].analysis.mentions[m];
            *kinds.entry(mention.kind.name()).or_insert(0usize) += 1;
            match spellings.iter_mut().find(|(s, _)| *s == mention.text) {
                Some((_, n)) => *n += 1,
                None => spellings.push((mention.text.clone(), 1)),
            }
            match per_article.last_mut() {
                Some((x, n)) if *x == a => *n += 1,
                _ => per_article.push((a, 1)),
            }
        }
        spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let kind = kinds
            .iter()
            .max_by_key(|(_, n)| **n)
            .map_or("entity", |(k, _)| *k);
        EntityCard {
            canonical: canonical.to_string(),
            kind,
            mentions,
            spellings,
            per_article,
        }
    }

    fn sync_bookmark_rows(&mut self) {
        if !matches!(self.overlays.open, Some(Overlay::Bookmarks { .. })) {
            self.derived.bookmarks_key = None;
            self.derived.bookmarks.clear();
            return;
        }
        let key = (
            self.saved.version,
            self.saved.bookmarks.len(),
            self.corpus_version(),
        );
        if self.derived.bookmarks_key == Some(key) {
            return;
        }
        let lookup = ArticleLookup::new(&self.corpus);
        let rows = self
            .sorted_bookmark_indices(&lookup)
            .into_iter()
            .filter(|&(i, _)| {
                self.overlays
                    .author_filter
                    .as_ref()
                    .is_none_or(|who| self.author_of(&self.saved.bookmarks[i].id) == who)
            })
            .map(|(i, article)| {
                let b = &self.saved.bookmarks[i];
                let orphaned = article
                    .map(|a| store::resolve(&self.corpus[a].article, &b.anchor))
                    .is_none_or(|r| r == Resolution::Orphaned);
                BookmarkRow {
                    bookmark: i,
                    article,
                    orphaned,
                }
            })
            .collect();
        self.derived.bookmarks = rows;
        self.derived.bookmarks_key = Some(key);
        if let Some(Overlay::Bookmarks { selected, .. }) = &mut self.overlays.open {
            *selected = (*selected).min(self.derived.bookmarks.len().saturating_sub(1));
        }
    }

    /// Indices into [`super::Saved::bookmarks`] with their articles, ordered by article (those
    /// not open last), position and time of creation.
    pub(crate) fn sorted_bookmark_indices(
        &self,
        lookup: &ArticleLookup,
    ) -> Vec<(usize, Option<usize>)> {
        let mut out: Vec<(usize, Option<usize>)> = self
            .saved
            .bookmarks
            .iter()
            .enumerate()
            .map(|(i, b)| (i, lookup.article_of(b)))
            .collect();
        out.sort_by_key(|&(i, a)| {
            let b = &self.saved.bookmarks[i];
            (a.unwrap_or(usize::MAX), b.anchor.start, b.created)
        });
        out
    }
}
