//! Timeline filters: narrowing the timeline overlay to the events that name one entity of the
//! selected event, or to the events of the selected event's article. The events themselves
//! come from [`crate::corpus::timeline`] through [`super::cross`].

use super::{AppState, Overlay};
use crate::action::Action;
use crate::corpus::timeline::Event;

/// The entity filter after `current`: the first entity of `event` when none is set, the next
/// one of `event` after the current one, and no filter after the last.
pub fn next_entity(event: &Event, current: Option<&str>) -> Option<String> {
    let at = current.and_then(|c| event.entities.iter().position(|e| e == c));
    match (current, at) {
        (None, _) => event.entities.first().cloned(),
        (Some(_), Some(i)) => event.entities.get(i + 1).cloned(),
        (Some(_), None) => None,
    }
}

/// Where `event` is in `events` (same article, claim and date), for keeping the selection on it
/// when a filter changes.
fn position_of(events: &[Event], event: &Event) -> Option<usize> {
    events.iter().position(|e| {
        e.article == event.article && e.span == event.span && e.date_span == event.date_span
    })
}

impl AppState {
    /// The timeline's filter actions; `None` lets any other action through.
    pub(crate) fn apply_in_timeline(&mut self, action: Action) -> Option<()> {
        let Some(Overlay::Timeline { selected, entity }) = self.overlays.open.clone() else {
            return None;
        };
        if !matches!(
            action,
            Action::TimelineFilterEntity | Action::TimelineFilterSource
        ) {
            return None;
        }
        let Some(current) = self.derived.events.get(selected).cloned() else {
            return Some(());
        };
        let entity = match action {
            Action::TimelineFilterEntity => next_entity(&current, entity.as_deref()),
            _ => {
                self.overlays.timeline_source = match self.overlays.timeline_source {
                    Some(_) => None,
                    None => Some(current.article),
                };
                entity
            }
        };
        self.overlays.open = Some(Overlay::Timeline {
            selected: 0,
            entity,
        });
        // The filtered list is derived once here, and the selection stays on the same event.
        self.sync_derived();
        let selected = position_of(&self.derived.events, &current).unwrap_or(0);
        if let Some(Overlay::Timeline { selected: at, .. }) = &mut self.overlays.open {
            *at = selected;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartialDate, Span};

    fn event(entities: &[&str]) -> Event {
        Event {
            date: PartialDate::ym(2024, 6),
            text: "x".into(),
            article: 0,
            span: Span::new(0, 1),
            date_span: Span::new(0, 1),
            entities: entities.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn the_entity_filter_cycles_through_the_events_entities_then_off() {
        let e = event(&["Russland", "Nordkorea"]);
        assert_eq!(next_entity(&e, None).as_deref(), Some("Russland"));
        assert_eq!(
            next_entity(&e, Some("Russland")).as_deref(),
            Some("Nordkorea")
        );
        assert_eq!(next_entity(&e, Some("Nordkorea")), None);
        assert_eq!(next_entity(&e, Some("China")), None);
        assert_eq!(next_entity(&event(&[]), None), None);
    }
}
