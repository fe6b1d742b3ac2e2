//! The claims pane: a card per claim of the open article (source by name, stance, kind, text)
//! and the filters by kind, stance and source that decide which cards are shown. Cards and the
//! shown list are computed here when the article, its analysis or a filter changes; the view
//! only reads them.

use super::{AppState, Severity};
use crate::corpus::sources::{SourceKey, claim_source_key, claim_source_label};
use crate::model::{ClaimKind, Stance};

/// Kinds in the order the kind filter cycles through them.
pub const KINDS: [ClaimKind; 5] = [
    ClaimKind::Statistic,
    ClaimKind::Quote,
    ClaimKind::Reported,
    ClaimKind::Fact,
    ClaimKind::Assessment,
];

/// Stances in the order the stance filter cycles through them.
pub const STANCES: [Stance; 3] = [Stance::Asserted, Stance::Attributed, Stance::Uncertain];

/// A source the claims pane is narrowed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFilter {
    /// The source's identity; `None` for claims without a named source, which are then told
    /// apart by their label ("the article", "no source given").
    pub key: Option<SourceKey>,
    /// The source's name as shown on the cards.
    pub label: String,
}

/// Which claims the claims pane shows; every part left `None` lets all claims through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimFilter {
    /// Only claims of this kind.
    pub kind: Option<ClaimKind>,
    /// Only claims made this firmly.
    pub stance: Option<Stance>,
    /// Only claims from this source.
    pub source: Option<SourceFilter>,
}

impl ClaimFilter {
    /// True when no part of the filter is set.
    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.stance.is_none() && self.source.is_none()
    }

    /// True when the card passes every part of the filter.
    pub fn admits(&self, card: &ClaimCard) -> bool {
        self.kind.is_none_or(|k| card.kind == k)
            && self.stance.is_none_or(|s| card.stance == s)
            && self.source.as_ref().is_none_or(|f| match &f.key {
                Some(key) => card.key.as_ref() == Some(key),
                None => card.key.is_none() && card.source == f.label,
            })
    }

    /// The set parts in words ("quote · attributed · Wladimir Putin"), empty when none is set.
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(k) = self.kind {
            parts.push(k.name());
        }
        if let Some(s) = self.stance {
            parts.push(s.name());
        }
        if let Some(f) = &self.source {
            parts.push(&f.label);
        }
        parts.join(" · ")
    }
}

/// What one claim's card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimCard {
    /// Who stands behind it, by name ([`claim_source_label`]).
    pub source: String,
    /// The source's identity, when it is a named or unnamed source.
    pub key: Option<SourceKey>,
    /// Its kind.
    pub kind: ClaimKind,
    /// How firmly it is made.
    pub stance: Stance,
    /// Its text on one line, control characters replaced.
    pub text: String,
}

/// The claims pane's cards, filter, selection and scroll.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimsPane {
    /// Selected claim of the open article (an index into its claims).
    pub selected: usize,
    /// First card shown (a row of [`ClaimsPane::shown`]).
    pub top: usize,
    /// Which claims are shown.
    pub filter: ClaimFilter,
    /// One card per claim of the open article, in text order.
    pub cards: Vec<ClaimCard>,
    /// Indices of the claims shown (into the article's claims), in text order.
    pub shown: Vec<usize>,
}

impl ClaimsPane {
    /// Position of claim `index` among the shown ones.
    pub fn row_of(&self, index: usize) -> Option<usize> {
        self.shown.binary_search(&index).ok()
    }
}

impl AppState {
    /// Rebuilds the cards of the open article and the shown list, then keeps the selection on a
    /// shown claim.
    pub(crate) fn refresh_claims(&mut self) {
        let cards = self
            .current()
            .map(|e| {
                e.analysis
                    .claims
                    .iter()
                    .map(|c| ClaimCard {
                        source: claim_source_label(c, &e.article),
                        key: claim_source_key(c),
                        kind: c.kind,
                        stance: c.stance,
                        text: crate::reflow::sanitize(
                            &crate::corpus::entity_index::collapse_whitespace(&c.text),
                        ),
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.claims.cards = cards;
        self.refilter_claims();
    }

    /// Recomputes the shown list after a filter change and moves the selection to the nearest
    /// shown claim at or after it.
    fn refilter_claims(&mut self) {
        let pane = &mut self.claims;
        pane.shown = pane
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| pane.filter.admits(c))
            .map(|(i, _)| i)
            .collect();
        if pane.row_of(pane.selected).is_none() {
            let at = pane.shown.partition_point(|&i| i < pane.selected);
            if let Some(&i) = pane.shown.get(at).or(pane.shown.last()) {
                pane.selected = i;
            }
        }
        let row = pane.row_of(pane.selected).unwrap_or(0);
        pane.top = pane.top.min(row);
        self.keep_claim_row_visible();
    }

    /// Keeps the selected claim's card inside the claims pane, with a card of context above and
    /// below it when the pane holds three or more, so the selection is off the pane's edges.
    pub(crate) fn keep_claim_row_visible(&mut self) {
        let visible = (self.pane_rows(super::Pane::Claims) / super::update::CLAIM_ITEM_ROWS).max(1);
        let margin = usize::from(visible >= 3);
        let row = self.claims.row_of(self.claims.selected).unwrap_or(0);
        if row < self.claims.top + margin {
            self.claims.top = row.saturating_sub(margin);
        } else if row + margin >= self.claims.top + visible {
            self.claims.top = row + margin + 1 - visible;
        }
        let last_top = self.claims.shown.len().saturating_sub(visible);
        self.claims.top = self.claims.top.min(last_top);
    }

    /// Narrows the claims pane to the next kind that some claim shown under the other filters
    /// has, or back to all.
    pub(crate) fn cycle_claim_kind(&mut self) {
        let at = self
            .claims
            .filter
            .kind
            .and_then(|k| KINDS.iter().position(|x| *x == k));
        let start = at.map_or(0, |i| i + 1);
        let next = KINDS[start.min(KINDS.len())..].iter().copied().find(|k| {
            let filter = ClaimFilter {
                kind: Some(*k),
                ..self.claims.filter.clone()
            };
            self.claims.cards.iter().any(|c| filter.admits(c))
        });
        self.claims.filter.kind = next;
        self.after_claim_filter();
    }

    /// Narrows the claims pane to the next stance that some claim shown under the other filters
    /// has, or back to all.
    pub(crate) fn cycle_claim_stance(&mut self) {
        let at = self
            .claims
            .filter
            .stance
            .and_then(|s| STANCES.iter().position(|x| *x == s));
        let start = at.map_or(0, |i| i + 1);
        let next = STANCES[start.min(STANCES.len())..]
            .iter()
            .copied()
            .find(|s| {
                let filter = ClaimFilter {
                    stance: Some(*s),
                    ..self.claims.filter.clone()
                };
                self.claims.cards.iter().any(|c| filter.admits(c))
            });
        self.claims.filter.stance = next;
        self.after_claim_filter();
    }

    /// Narrows the claims pane to the selected claim's source, or lifts the source filter.
    pub(crate) fn toggle_claim_source_filter(&mut self) {
        if self.claims.filter.source.is_some() {
            self.claims.filter.source = None;
        } else {
            let Some(card) = self.claims.cards.get(self.claims.selected) else {
                self.notify("no claim selected", Severity::Info);
                return;
            };
            self.claims.filter.source = Some(SourceFilter {
                key: card.key.clone(),
                label: card.source.clone(),
            });
        }
        self.after_claim_filter();
    }

    /// Lifts every claim filter.
    pub(crate) fn clear_claim_filters(&mut self) {
        if self.claims.filter.is_empty() {
            self.notify("every claim is shown already", Severity::Info);
            return;
        }
        self.claims.filter = ClaimFilter::default();
        self.after_claim_filter();
    }

    fn after_claim_filter(&mut self) {
        self.refilter_claims();
        let total = self.claims.cards.len();
        let shown = self.claims.shown.len();
        let text = if self.claims.filter.is_empty() {
            format!("all {total} claims shown")
        } else {
            format!(
                "{shown} of {total} claims: {}",
                self.claims.filter.describe()
            )
        };
        self.notify(text, Severity::Info);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::keymap::Keymap;
    use crate::model::{Analysis, Attribution, Claim, Span};
    use crate::reflow::Hyphenators;
    use crate::state::{Corpus, Input, Options, Pane};

    fn claim(
        text: &str,
        kind: ClaimKind,
        stance: Stance,
        source: Option<(&str, Option<&str>)>,
    ) -> Claim {
        Claim {
            span: Span::new(0, 0),
            text: text.into(),
            kind,
            attribution: source.map(|(t, c)| {
                Box::new(Attribution {
                    text: t.into(),
                    canonical: c.map(Into::into),
                    unnamed: false,
                    span: None,
                    resolved_from: None,
                })
            }),
            stance,
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
        }
    }

    /// One article whose sentences are the claims, in order.
    fn state(claims: Vec<Claim>) -> AppState {
        let body: Vec<String> = claims.iter().map(|c| c.text.clone()).collect();
        let article = crate::ingest::parse_raw("a.txt", &format!("Titel\n\n{}", body.join("\n\n")));
        let mut claims = claims;
        for c in &mut claims {
            let start = article.text.find(&c.text).unwrap_or(0);
            c.span = Span::new(start, start + c.text.len());
        }
        let analysis = Analysis {
            mentions: Vec::new(),
            claims,
            ..Default::default()
        };
        let mut s = AppState::new(
            Corpus::from_pairs([(article, analysis)]),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        s.handle(Input::Resize(160, 45));
        s.select_article(0);
        s.screen.focus = Pane::Claims;
        s
    }

    fn sample() -> AppState {
        state(vec![
            claim("Eins ist so.", ClaimKind::Fact, Stance::Asserted, None),
            claim(
                "Zwei sagte Putin.",
                ClaimKind::Quote,
                Stance::Attributed,
                Some(("er", Some("Wladimir Putin"))),
            ),
            claim(
                "Drei Prozent.",
                ClaimKind::Statistic,
                Stance::Asserted,
                None,
            ),
            claim(
                "Vier sagte der Präsident.",
                ClaimKind::Reported,
                Stance::Uncertain,
                Some(("der Präsident", Some("Wladimir Putin"))),
            ),
            claim(
                "Fünf laut Medien.",
                ClaimKind::Reported,
                Stance::Attributed,
                Some(("Medien", None)),
            ),
        ])
    }

    #[test]
    fn cards_name_sources_by_canonical_name_and_the_article_for_its_own_claims() {
        let s = sample();
        let sources: Vec<&str> = s.claims.cards.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "the article",
                "Wladimir Putin",
                "the article",
                "Wladimir Putin",
                "Medien"
            ]
        );
        assert_eq!(s.claims.shown, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn kind_filter_cycles_through_the_kinds_present_and_back_to_all() {
        let mut s = sample();
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.filter.kind, Some(ClaimKind::Statistic));
        assert_eq!(s.claims.shown, [2]);
        assert_eq!(s.claims.selected, 2);
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.shown, [1]);
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.shown, [3, 4]);
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.shown, [0]);
        // No assessments in this article: the filter goes back to all.
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.filter.kind, None);
        assert_eq!(s.claims.shown.len(), 5);
    }

    #[test]
    fn stance_and_kind_filters_combine_and_moves_skip_hidden_claims() {
        let mut s = sample();
        s.apply(Action::CycleClaimStance);
        s.apply(Action::CycleClaimStance);
        assert_eq!(s.claims.filter.stance, Some(Stance::Attributed));
        assert_eq!(s.claims.shown, [1, 4]);
        s.apply(Action::GoTop);
        assert_eq!(s.claims.selected, 1);
        s.apply(Action::MoveDown);
        assert_eq!(s.claims.selected, 4);
        s.apply(Action::MoveDown);
        assert_eq!(s.claims.selected, 4);
        // Kinds without an attributed claim are skipped: no statistic, straight to quotes.
        s.apply(Action::CycleClaimKind);
        assert_eq!(s.claims.filter.describe(), "quote · attributed");
        assert_eq!(s.claims.shown, [1]);
        assert_eq!(s.claims.selected, 1);
        s.apply(Action::ClearClaimFilters);
        assert!(s.claims.filter.is_empty());
        assert_eq!(s.claims.shown.len(), 5);
        assert_eq!(s.claims.selected, 1);
    }

    #[test]
    fn source_filter_keeps_the_selected_claims_source_under_every_spelling() {
        let mut s = sample();
        s.apply(Action::MoveDown);
        assert_eq!(s.claims.selected, 1);
        s.apply(Action::FilterClaimSource);
        assert_eq!(s.claims.shown, [1, 3]);
        assert_eq!(s.claims.filter.describe(), "Wladimir Putin");
        s.apply(Action::FilterClaimSource);
        assert_eq!(s.claims.shown.len(), 5);
        // The article's own claims are a source of their own.
        s.apply(Action::GoTop);
        s.apply(Action::FilterClaimSource);
        assert_eq!(s.claims.shown, [0, 2]);
    }

    #[test]
    fn a_filter_that_matches_nothing_shows_no_claims_and_keeps_the_count() {
        let mut s = state(vec![claim(
            "Eins ist so.",
            ClaimKind::Fact,
            Stance::Asserted,
            None,
        )]);
        s.claims.filter.kind = Some(ClaimKind::Quote);
        s.refresh_claims();
        assert!(s.claims.shown.is_empty());
        assert_eq!(s.claims.cards.len(), 1);
        s.apply(Action::MoveDown);
        assert_eq!(s.claims.selected, 0);
    }
}
