//! Across sources: the entity index, claim groups and the timeline as overlays of the reader.
//! The analysis lives in [`crate::corpus::compare`], [`crate::corpus::timeline`] and [`crate::corpus::entity_index`];
//! this module computes it once per corpus and turns list movements into jumps.

use super::{AppState, Overlay, Severity, Unit};
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

impl AppState {
    /// The cross-source results, computed on first use.
    pub fn cross(&mut self) -> Arc<CrossSource> {
        if let Some(c) = &self.cross {
            return Arc::clone(c);
        }
        let mut entities = EntityIndex::from_analyses(self.corpus.analyses());
        entities.sort(SortBy::Mentions);
        let groups = crate::corpus::compare::groups(&self.corpus);
        let cross = Arc::new(CrossSource {
            entities,
            charts: groups
                .iter()
                .map(crate::corpus::compare::chart::chart)
                .collect(),
            groups,
            events: crate::corpus::timeline::events(&self.corpus),
            sources: Arc::new(crate::corpus::sources::collect(&self.corpus)),
        });
        self.cross = Some(Arc::clone(&cross));
        cross
    }

    /// Lists the entity index's rows under the overlay's sort and filter, when they change, so
    /// that drawing only reads [`AppState::entity_list`].
    pub(crate) fn refresh_entity_list(&mut self) {
        let Some(Overlay::Entities { sort, kind, .. }) = self.overlay else {
            self.entity_list.clear();
            return;
        };
        self.entity_list = self
            .cross()
            .entities
            .listed(kind, SORTS[sort % SORTS.len()]);
    }

    /// Timeline events shown, filtered by entity when set and by [`AppState::timeline_source`].
    pub fn listed_events(&self, entity: Option<&str>) -> Vec<Event> {
        let Some(cross) = &self.cross else {
            return Vec::new();
        };
        let mut events = match entity {
            Some(name) => crate::corpus::timeline::filter_by_entity(&cross.events, name),
            None => cross.events.clone(),
        };
        if let Some(article) = self.timeline_source {
            events.retain(|e| e.article == article);
        }
        events
    }

    /// Opens the entity index.
    pub(crate) fn open_entity_index(&mut self) {
        self.overlay = Some(Overlay::Entities {
            selected: 0,
            sort: 0,
            kind: None,
        });
        self.refresh_entity_list();
    }

    /// Opens the timeline, filtered by an entity when given.
    pub(crate) fn open_timeline(&mut self, entity: Option<String>) {
        self.cross();
        self.timeline_source = None;
        if let Some(name) = &entity
            && self.listed_events(Some(name)).is_empty()
        {
            self.notify(format!("no dated events involve {name}"), Severity::Info);
            return;
        }
        self.overlay = Some(Overlay::Timeline {
            selected: 0,
            entity,
        });
    }

    /// Opens the group of the selected claim (claims pane) or of the claim under the cursor.
    pub(crate) fn open_claim_group(&mut self) {
        let cross = self.cross();
        let claim = match (self.focus, self.cursor) {
            (super::Pane::Reader, Some(c)) => self.current().and_then(|e| {
                e.analysis
                    .claims
                    .iter()
                    .position(|cl| cl.span.overlaps(c.span))
            }),
            _ => Some(self.claim_selected),
        };
        let group =
            claim.and_then(|i| crate::corpus::compare::group_of(&cross.groups, self.selected, i));
        match group {
            Some(group) => self.overlay = Some(Overlay::Group { group, selected: 0 }),
            None => self.notify(
                "no other article speaks of this claim's figure or event",
                Severity::Info,
            ),
        }
    }

    /// Actions in the cross-source overlays; `None` lets the action through.
    pub(crate) fn apply_in_cross(&mut self, action: Action) -> Option<()> {
        let page = usize::from(self.size.1 / 2).max(1);
        let overlay = self.overlay.clone()?;
        if matches!(action, Action::Close) {
            self.overlay = None;
            return Some(());
        }
        match overlay {
            Overlay::Entities {
                selected,
                sort,
                kind,
            } => match action {
                Action::OpenSelected => {
                    if let Some(name) = self.entity_list.get(selected) {
                        let name = name.clone();
                        self.open_card(&name);
                    }
                }
                Action::CycleSort => {
                    self.overlay = Some(Overlay::Entities {
                        selected: 0,
                        sort: (sort + 1) % SORTS.len(),
                        kind,
                    });
                    self.refresh_entity_list();
                }
                Action::CycleKindFilter => {
                    let next = match kind {
                        None => Some(EntityKind::Person),
                        Some(EntityKind::Person) => Some(EntityKind::Organization),
                        Some(EntityKind::Organization) => Some(EntityKind::Place),
                        Some(EntityKind::Place) => Some(EntityKind::Misc),
                        Some(_) => None,
                    };
                    self.overlay = Some(Overlay::Entities {
                        selected: 0,
                        sort,
                        kind: next,
                    });
                    self.refresh_entity_list();
                }
                Action::ShowEntityIndex => self.overlay = None,
                _ => {
                    let moved = list_move(selected, self.entity_list.len(), action, page)?;
                    self.overlay = Some(Overlay::Entities {
                        selected: moved,
                        sort,
                        kind,
                    });
                }
            },
            Overlay::Group { group, selected } => {
                let members = self
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
                                self.overlay = None;
                                self.jump_to_span(m.article, span, Unit::Sentence);
                            }
                        }
                    }
                    Action::ShowClaimGroup => self.overlay = None,
                    _ => {
                        let moved = list_move(selected, members.len(), action, page)?;
                        self.overlay = Some(Overlay::Group {
                            group,
                            selected: moved,
                        });
                    }
                }
            }
            Overlay::Timeline { selected, entity } => {
                let events = self.listed_events(entity.as_deref());
                match action {
                    Action::OpenSelected => {
                        if let Some(e) = events.get(selected) {
                            self.overlay = None;
                            self.jump_to_span(e.article, e.span, Unit::Sentence);
                        }
                    }
                    Action::ShowTimeline => self.overlay = None,
                    _ => {
                        let moved = list_move(selected, events.len(), action, page)?;
                        self.overlay = Some(Overlay::Timeline {
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
