//! Across sources: the entity index, claim groups and the timeline as overlays of the reader.
//! The analysis lives in [`crate::corpus::compare`], [`crate::corpus::timeline`] and [`crate::corpus::entity_index`];
//! this module computes it once per corpus and turns list movements into jumps.

use super::palette::Job;
use super::{AppState, Corpus, Effect, Overlay, Severity, Unit};
use crate::action::Action;
use crate::corpus::compare::ClaimGroup;
use crate::corpus::entity_index::{EntityIndex, SortBy};
use crate::corpus::timeline::Event;
use crate::model::EntityKind;
use std::sync::Arc;

/// Cross-source results for the whole corpus.
#[derive(Debug)]
pub struct CrossSource {
    /// Every canonical entity.
    pub entities: EntityIndex,
    /// Claim groups, largest first.
    pub groups: Vec<ClaimGroup>,
    /// The chart of each group, in the order of `groups`.
    pub charts: Vec<crate::corpus::compare::chart::Chart>,
    /// Dated events in date order.
    pub events: Vec<Event>,
    /// Every source of the claims, most claims first.
    pub sources: Arc<Vec<crate::corpus::sources::SourceEntry>>,
}

/// Sort orders the entity index cycles through.
pub const SORTS: [SortBy; 4] = [
    SortBy::Mentions,
    SortBy::Articles,
    SortBy::Name,
    SortBy::Kind,
];

/// A list selection moved by a list action; `None` when the action does not move lists.
pub fn list_move(selected: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::MoveDown => (selected + 1).min(last),
        Action::MoveUp => selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => (selected + page).min(last),
        Action::PageUp | Action::HalfPageUp => selected.saturating_sub(page),
        Action::GoTop => 0,
        Action::GoBottom => last,
        _ => return None,
    })
}

impl CrossSource {
    /// Computes every cross-article analysis of `corpus` (slow on a large corpus: the reader
    /// runs it as a background job, [`CrossJob`]).
    pub fn compute(corpus: &Corpus) -> CrossSource {
        let mut entities = EntityIndex::from_analyses(corpus.analyses());
        entities.sort(SortBy::Mentions);
        let groups = crate::corpus::compare::groups(corpus);
        CrossSource {
            entities,
            charts: groups
                .iter()
                .map(crate::corpus::compare::chart::chart)
                .collect(),
            groups,
            events: crate::corpus::timeline::events(corpus),
            sources: Arc::new(crate::corpus::sources::collect(corpus)),
        }
    }
}

/// The cross-article analyses to compute off the UI thread, over a copy of the corpus that
/// shares its articles and analyses.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossJob {
    /// The corpus version the analyses are computed from.
    pub version: u64,
    /// The corpus as it was when the job started.
    pub corpus: Corpus,
}

impl CrossJob {
    /// Computes the analyses.
    pub fn run(self) -> CrossReady {
        CrossReady {
            version: self.version,
            cross: Arc::new(CrossSource::compute(&self.corpus)),
        }
    }
}

/// The answer of a [`CrossJob`].
#[derive(Debug, Clone)]
pub struct CrossReady {
    /// The corpus version it was computed from.
    pub version: u64,
    /// The analyses.
    pub cross: Arc<CrossSource>,
}

impl PartialEq for CrossReady {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Arc::ptr_eq(&self.cross, &other.cross)
    }
}

/// What the user asked for that needs the cross-article analyses, done when they arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrossIntent {
    /// Open the entity index.
    EntityIndex,
    /// Open the timeline, filtered by an entity when given.
    Timeline(Option<String>),
    /// Open the claim group of this claim (article, claim index).
    ClaimGroup(usize, usize),
    /// Open the sources view.
    Sources,
}

/// The versions of the corpus and of the cross-article analyses, and the job under way.
#[derive(Debug, Clone, Default)]
pub struct CrossJobs {
    /// Bumped whenever the corpus changes.
    version: u64,
    /// The corpus version [`Work::cross`](super::Work::cross) was computed from.
    built: Option<u64>,
    /// The corpus version of the job under way, if any.
    running: Option<u64>,
    /// What to open once the analyses arrive.
    intent: Option<CrossIntent>,
}

impl CrossJobs {
    /// The corpus changed: analyses computed before are out of date.
    pub fn corpus_changed(&mut self) {
        self.version += 1;
    }

    /// True while a job is computing the analyses.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// What waits for the analyses, if anything.
    pub fn intent(&self) -> Option<&CrossIntent> {
        self.intent.as_ref()
    }
}

impl AppState {
    /// A number that changes whenever the corpus does (articles or analyses arrive).
    pub fn corpus_version(&self) -> u64 {
        self.work.cross_jobs.version
    }

    /// True when the analyses shown are those of the corpus as it is now.
    pub fn cross_is_fresh(&self) -> bool {
        self.work.cross.is_some()
            && self.work.cross_jobs.built == Some(self.work.cross_jobs.version)
    }

    /// True when the analyses are missing or out of date and no job is computing them: a
    /// pause of the user is a good time to start one ([`super::Input::Idle`]).
    pub fn cross_needs_refresh(&self) -> bool {
        !self.cross_is_fresh() && !self.work.cross_jobs.is_running()
    }

    /// Starts a job computing the analyses of the corpus as it is now, unless one is under way
    /// (its answer is followed by another when the corpus changed meanwhile).
    pub(crate) fn refresh_cross(&mut self) {
        if !self.cross_needs_refresh() {
            return;
        }
        let version = self.work.cross_jobs.version;
        self.work.cross_jobs.running = Some(version);
        self.emit(Effect::Background(Job::Cross(CrossJob {
            version,
            corpus: self.corpus.clone(),
        })));
    }

    /// Does `intent` now when the analyses are at hand (even out of date ones, which are
    /// refreshed meanwhile), or once they arrive.
    pub(crate) fn with_cross(&mut self, intent: CrossIntent) {
        self.refresh_cross();
        if self.work.cross.is_some() {
            self.work.cross_jobs.intent = None;
            self.fulfil(intent);
        } else {
            let n = self.corpus.len();
            self.notify(
                format!(
                    "comparing {n} article{} across sources …",
                    if n == 1 { "" } else { "s" }
                ),
                Severity::Info,
            );
            self.work.cross_jobs.intent = Some(intent);
        }
    }

    /// Takes the analyses a job computed: shows them in the open overlay, does what waited for
    /// them, and starts another job when the corpus changed while this one ran.
    pub(crate) fn take_cross(&mut self, ready: CrossReady) {
        if self.work.cross_jobs.running != Some(ready.version) {
            return;
        }
        self.work.cross_jobs.running = None;
        if self
            .work
            .cross_jobs
            .built
            .is_some_and(|b| b > ready.version)
        {
            return;
        }
        let old = self.work.cross.replace(ready.cross);
        self.work.cross_jobs.built = Some(ready.version);
        self.follow_new_cross(old.as_deref());
        if let Some(intent) = self.work.cross_jobs.intent.take() {
            self.fulfil(intent);
        }
        let shown = matches!(
            self.overlays.open,
            Some(
                Overlay::Entities { .. }
                    | Overlay::Group { .. }
                    | Overlay::Timeline { .. }
                    | Overlay::Sources(_)
            )
        );
        if shown {
            self.refresh_cross();
        }
    }

    /// Keeps an open overlay on what it showed when newer analyses replace `old`: the same
    /// claim group (by topic), the same source; selections stay within their lists.
    fn follow_new_cross(&mut self, old: Option<&CrossSource>) {
        let Some(cross) = self.work.cross.clone() else {
            return;
        };
        match &mut self.overlays.open {
            Some(Overlay::Group { group, selected }) => {
                let topic = old.and_then(|o| o.groups.get(*group)).map(|g| &g.topic);
                match cross.groups.iter().position(|g| Some(&g.topic) == topic) {
                    Some(i) => {
                        *group = i;
                        let len = cross.groups[i].members.len();
                        *selected = (*selected).min(len.saturating_sub(1));
                    }
                    None => {
                        self.overlays.open = None;
                        self.notify(
                            "the claim group changed as articles arrived",
                            Severity::Info,
                        );
                    }
                }
            }
            Some(Overlay::Sources(view)) => view.replace_sources(Arc::clone(&cross.sources)),
            _ => {}
        }
    }

    /// Does what needed the analyses, which are now at hand.
    fn fulfil(&mut self, intent: CrossIntent) {
        match intent {
            CrossIntent::EntityIndex => {
                self.overlays.open = Some(Overlay::Entities {
                    selected: 0,
                    sort: 0,
                    kind: None,
                });
            }
            CrossIntent::Timeline(entity) => self.show_timeline(entity),
            CrossIntent::ClaimGroup(article, claim) => self.show_claim_group(article, claim),
            CrossIntent::Sources => self.show_sources(),
        }
    }

    /// Timeline events shown, filtered by entity when set and by the article of
    /// [`Overlays::timeline_source`](super::Overlays::timeline_source).
    pub fn listed_events(&self, entity: Option<&str>) -> Vec<Event> {
        let Some(cross) = &self.work.cross else {
            return Vec::new();
        };
        let mut events = match entity {
            Some(name) => crate::corpus::timeline::filter_by_entity(&cross.events, name),
            None => cross.events.clone(),
        };
        if let Some(article) = self.overlays.timeline_source {
            events.retain(|e| e.article == article);
        }
        events
    }

    /// Opens the entity index.
    pub(crate) fn open_entity_index(&mut self) {
        self.with_cross(CrossIntent::EntityIndex);
    }

    /// Opens the timeline, filtered by an entity when given.
    pub(crate) fn open_timeline(&mut self, entity: Option<String>) {
        self.with_cross(CrossIntent::Timeline(entity));
    }

    /// Shows the timeline (the analyses are at hand).
    fn show_timeline(&mut self, entity: Option<String>) {
        self.overlays.timeline_source = None;
        if let Some(name) = &entity
            && self.listed_events(Some(name)).is_empty()
        {
            self.notify(format!("no dated events involve {name}"), Severity::Info);
            return;
        }
        self.overlays.open = Some(Overlay::Timeline {
            selected: 0,
            entity,
        });
    }

    /// Opens the group of the selected claim (claims pane) or of the claim under the cursor.
    pub(crate) fn open_claim_group(&mut self) {
        let claim = match (self.screen.focus, self.cursor) {
            (super::Pane::Reader, Some(c)) => self.current().and_then(|e| {
                e.analysis
                    .claims
                    .iter()
                    .position(|cl| cl.span.overlaps(c.span))
            }),
            _ => Some(self.claims.selected),
        };
        match claim {
            Some(claim) => self.with_cross(CrossIntent::ClaimGroup(self.list.selected, claim)),
            None => self.no_group(),
        }
    }

    /// Shows the group of a claim (the analyses are at hand).
    fn show_claim_group(&mut self, article: usize, claim: usize) {
        let group = self
            .work
            .cross
            .as_ref()
            .and_then(|c| crate::corpus::compare::group_of(&c.groups, article, claim));
        match group {
            Some(group) => self.overlays.open = Some(Overlay::Group { group, selected: 0 }),
            None => self.no_group(),
        }
    }

    fn no_group(&mut self) {
        self.notify(
            "no other article speaks of this claim's figure or event",
            Severity::Info,
        );
    }

    /// Actions in the cross-source overlays; `None` lets the action through.
    pub(crate) fn apply_in_cross(&mut self, action: Action) -> Option<()> {
        let page = usize::from(self.screen.size.1 / 2).max(1);
        let overlay = self.overlays.open.clone()?;
        if matches!(action, Action::Close) {
            self.overlays.open = None;
            return Some(());
        }
        match overlay {
            Overlay::Entities {
                selected,
                sort,
                kind,
            } => match action {
                Action::OpenSelected => {
                    if let Some(name) = self.derived.entities.get(selected) {
                        let name = name.clone();
                        self.open_card(&name);
                    }
                }
                Action::CycleSort => {
                    self.overlays.open = Some(Overlay::Entities {
                        selected: 0,
                        sort: (sort + 1) % SORTS.len(),
                        kind,
                    });
                }
                Action::CycleKindFilter => {
                    let next = match kind {
                        None => Some(EntityKind::Person),
                        Some(EntityKind::Person) => Some(EntityKind::Organization),
                        Some(EntityKind::Organization) => Some(EntityKind::Place),
                        Some(EntityKind::Place) => Some(EntityKind::Misc),
                        Some(_) => None,
                    };
                    self.overlays.open = Some(Overlay::Entities {
                        selected: 0,
                        sort,
                        kind: next,
                    });
                }
                Action::ShowEntityIndex => self.overlays.open = None,
                _ => {
                    let moved = list_move(selected, self.derived.entities.len(), action, page)?;
                    self.overlays.open = Some(Overlay::Entities {
                        selected: moved,
                        sort,
                        kind,
                    });
                }
            },
            Overlay::Group { group, selected } => {
                let members = self
                    .work
                    .cross
                    .as_ref()
                    .and_then(|c| c.groups.get(group))
                    .map(|g| g.members.clone());
                let members = members.unwrap_or_default();
                match action {
                    Action::OpenSelected => {
                        if let Some(m) = members.get(selected) {
                            let span = self.corpus[m.article]
                                .analysis
                                .claims
                                .get(m.claim_index)
                                .map(|c| c.span);
                            if let Some(span) = span {
                                self.overlays.open = None;
                                self.jump_to_span(m.article, span, Unit::Sentence);
                            }
                        }
                    }
                    Action::ShowClaimGroup => self.overlays.open = None,
                    _ => {
                        let moved = list_move(selected, members.len(), action, page)?;
                        self.overlays.open = Some(Overlay::Group {
                            group,
                            selected: moved,
                        });
                    }
                }
            }
            Overlay::Timeline { selected, entity } => {
                let events = &self.derived.events;
                match action {
                    Action::OpenSelected => {
                        if let Some(&Event { article, span, .. }) = events.get(selected) {
                            self.overlays.open = None;
                            self.jump_to_span(article, span, Unit::Sentence);
                        }
                    }
                    Action::ShowTimeline => self.overlays.open = None,
                    _ => {
                        let moved = list_move(selected, events.len(), action, page)?;
                        self.overlays.open = Some(Overlay::Timeline {
                            selected: moved,
                            entity,
                        });
                    }
                }
            }
            _ => return None,
        }
        Some(())
    }
}
