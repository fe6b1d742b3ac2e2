//! The sources view: every source of the corpus with how many claims it made in how many
//! articles, narrowed by sort of source; Enter lists one source's claims across the corpus and
//! Enter again jumps to a claim in the reader. The list comes from [`crate::corpus::sources::collect`]
//! once per corpus (with the other cross-source results); the rows shown are computed here when
//! the filter changes, never while drawing.

use super::{AppState, Overlay, Severity, Unit};
use crate::action::Action;
use crate::corpus::sources::{ClaimRef, SourceClass, SourceEntry};
use crate::keymap::Section;
use std::sync::Arc;

/// One source opened in the sources view: its claims across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSource {
    /// Index of the source in [`SourcesView::sources`].
    pub source: usize,
    /// Selected claim (index into the source's claims).
    pub selected: usize,
}

/// State of the sources view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesView {
    /// Every source of the corpus, most claims first.
    pub sources: Arc<Vec<SourceEntry>>,
    /// Only sources of this sort, when set.
    pub class: Option<SourceClass>,
    /// Indices into `sources` of the sources shown, in order.
    pub rows: Vec<usize>,
    /// Selected row.
    pub selected: usize,
    /// The source whose claims are listed, when one is open.
    pub open: Option<OpenSource>,
}

impl SourcesView {
    /// A view of `sources` narrowed to `class`, the first row selected.
    pub fn new(sources: Arc<Vec<SourceEntry>>, class: Option<SourceClass>) -> Self {
        let rows = sources
            .iter()
            .enumerate()
            .filter(|(_, s)| class.is_none_or(|c| s.class == c))
            .map(|(i, _)| i)
            .collect();
        Self {
            sources,
            class,
            rows,
            selected: 0,
            open: None,
        }
    }

    /// Shows `sources` (newer analyses of a corpus that grew) under the same filter, keeping
    /// the selection and an open source on the source of that key where it is still listed.
    pub fn replace_sources(&mut self, sources: Arc<Vec<SourceEntry>>) {
        let find = |at: Option<usize>| {
            let key = at.and_then(|i| self.sources.get(i)).map(|s| &s.key)?;
            sources.iter().position(|s| &s.key == key)
        };
        let selected = find(self.rows.get(self.selected).copied());
        let open = self
            .open
            .as_ref()
            .map(|o| (find(Some(o.source)), o.selected));
        let mut view = SourcesView::new(Arc::clone(&sources), self.class);
        view.selected = selected
            .and_then(|i| view.rows.iter().position(|&r| r == i))
            .unwrap_or(0);
        view.open = match open {
            Some((Some(source), selected)) => {
                let n = sources.get(source).map_or(0, |s| s.claims.len());
                Some(OpenSource {
                    source,
                    selected: selected.min(n.saturating_sub(1)),
                })
            }
            _ => None,
        };
        *self = view;
    }

    /// The source on the selected row.
    pub fn selected_source(&self) -> Option<&SourceEntry> {
        self.rows
            .get(self.selected)
            .and_then(|&i| self.sources.get(i))
    }

    /// The open source, if any.
    pub fn open_source(&self) -> Option<&SourceEntry> {
        self.open.as_ref().and_then(|o| self.sources.get(o.source))
    }

    /// The next filter after the current one that some source passes, or `None` for all.
    fn next_class(&self) -> Option<SourceClass> {
        let start = self
            .class
            .and_then(|c| SourceClass::ALL.iter().position(|x| *x == c))
            .map_or(0, |i| i + 1);
        SourceClass::ALL[start.min(SourceClass::ALL.len())..]
            .iter()
            .copied()
            .find(|c| self.sources.iter().any(|s| s.class == *c))
    }
}

impl AppState {
    /// Opens the sources view.
    pub(crate) fn open_sources(&mut self) {
        self.with_cross(super::cross::CrossIntent::Sources);
    }

    /// Shows the sources view (the analyses are at hand).
    pub(crate) fn show_sources(&mut self) {
        let Some(cross) = self.work.cross.clone() else {
            return;
        };
        if cross.sources.is_empty() {
            self.notify("no claim in the corpus names a source", Severity::Info);
            return;
        }
        let view = SourcesView::new(Arc::clone(&cross.sources), None);
        self.overlays.open = Some(Overlay::Sources(Box::new(view)));
    }

    /// The key hints of the sources view, from the active keymap.
    pub fn sources_hint(&self, open: bool) -> String {
        let wanted = if open {
            super::hints::SOURCE_CLAIMS_HINTS
        } else {
            super::hints::SOURCES_HINTS
        };
        self.hint_line(Section::Sources, wanted)
    }

    /// Actions in the sources view; `None` lets the action through.
    pub(crate) fn apply_in_sources(&mut self, action: Action) -> Option<()> {
        let Some(Overlay::Sources(view)) = &self.overlays.open else {
            return None;
        };
        let mut view = view.clone();
        let page = usize::from(self.screen.size.1 / 2).max(1);
        match (&mut view.open, action) {
            (_, Action::ShowSources) => {
                self.overlays.open = None;
                return Some(());
            }
            (Some(_), Action::Close) => view.open = None,
            (None, Action::Close) => {
                self.overlays.open = None;
                return Some(());
            }
            (Some(open), Action::OpenSelected) => {
                let target = view
                    .sources
                    .get(open.source)
                    .and_then(|s| s.claims.get(open.selected))
                    .cloned();
                if let Some(target) = target {
                    self.overlays.open = None;
                    self.go_to_claim(&target);
                }
                return Some(());
            }
            (None, Action::OpenSelected) => {
                if let Some(&source) = view.rows.get(view.selected) {
                    view.open = Some(OpenSource {
                        source,
                        selected: 0,
                    });
                }
            }
            (None, Action::CycleSourceFilter) => {
                *view = SourcesView::new(Arc::clone(&view.sources), view.next_class());
            }
            (Some(open), _) => {
                let n = view.sources.get(open.source).map_or(0, |s| s.claims.len());
                open.selected = super::cross::list_move(open.selected, n, action, page)?;
            }
            (None, _) => {
                view.selected =
                    super::cross::list_move(view.selected, view.rows.len(), action, page)?;
            }
        }
        self.overlays.open = Some(Overlay::Sources(view));
        Some(())
    }

    /// Opens a claim's article in the reader with the cursor on the claim, and selects it in
    /// the claims pane (lifting a claim filter that hides it).
    pub(crate) fn go_to_claim(&mut self, target: &ClaimRef) {
        let article = match self.corpus.get(target.article) {
            Some(e) if e.article.id == target.id => Some(target.article),
            _ => self.corpus.iter().position(|e| e.article.id == target.id),
        };
        let span = article.and_then(|a| {
            self.corpus[a]
                .analysis
                .claims
                .get(target.claim)
                .map(|c| c.span)
        });
        let (Some(article), Some(span)) = (article, span) else {
            self.notify("that claim is no longer in the corpus", Severity::Warning);
            return;
        };
        self.jump_to_span(article, span, Unit::Sentence);
        if self.claims.row_of(target.claim).is_none() {
            self.claims.filter = super::ClaimFilter::default();
            self.refresh_claims();
            self.notify("claim filters lifted to show the claim", Severity::Info);
        }
        self.claims.selected = target.claim;
        self.keep_claim_row_visible();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Keymap;
    use crate::model::{Analysis, Attribution, Claim, ClaimKind, Span, Stance};
    use crate::reflow::Hyphenators;
    use crate::state::{Corpus, Input, Options, Pane};

    /// Articles whose paragraphs are claims, each with an optional (phrase, canonical, unnamed)
    /// source.
    type Spec<'a> = &'a [(&'a str, Option<(&'a str, Option<&'a str>, bool)>)];

    fn corpus(articles: &[Spec]) -> AppState {
        let pairs = articles.iter().enumerate().map(|(n, spec)| {
            let body: Vec<&str> = spec.iter().map(|(t, _)| *t).collect();
            let article = crate::ingest::parse_raw(
                &format!("{n}.txt"),
                &format!("Titel {n}\n\n{}", body.join("\n\n")),
            );
            let claims = spec
                .iter()
                .map(|(text, source)| {
                    let start = article.text.find(text).unwrap_or(0);
                    Claim {
                        span: Span::new(start, start + text.len()),
                        text: (*text).into(),
                        kind: ClaimKind::Reported,
                        attribution: source.map(|(t, c, unnamed)| Attribution {
                            text: t.into(),
                            canonical: c.map(Into::into),
                            unnamed,
                            span: None,
                            resolved_from: None,
                        }),
                        stance: if source.is_some() {
                            Stance::Attributed
                        } else {
                            Stance::Asserted
                        },
                        entities: Vec::new(),
                        quantities: Vec::new(),
                        dates: Vec::new(),
                    }
                })
                .collect();
            (
                article,
                Analysis {
                    mentions: Vec::new(),
                    claims,
                    ..Default::default()
                },
            )
        });
        let mut s = AppState::new(
            Corpus::from_pairs(pairs),
            Keymap::builtin(),
            Hyphenators::load(),
            Options::default(),
        );
        s.handle(Input::Resize(160, 45));
        s.select_article(0);
        s
    }

    fn view(s: &AppState) -> &SourcesView {
        match &s.overlays.open {
            Some(Overlay::Sources(v)) => v,
            other => panic!("no sources view: {other:?}"),
        }
    }

    fn sample() -> AppState {
        let ministry = Some(("das Ministerium", Some("Verteidigungsministerium"), false));
        corpus(&[
            &[
                ("Eins ist so.", None),
                ("Zwei sagte das Ministerium.", ministry),
                (
                    "Drei laut Medienberichten.",
                    Some(("Medienberichte", None, true)),
                ),
            ],
            &[
                (
                    "Vier sagte Putin.",
                    Some(("Putin", Some("Wladimir Putin"), false)),
                ),
                ("Fünf sagte das Ministerium.", ministry),
                ("Sechs sagte das Ministerium.", ministry),
            ],
        ])
    }

    #[test]
    fn sources_are_listed_by_claims_with_article_counts() {
        let mut s = sample();
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        let v = view(&s);
        let names: Vec<(&str, usize, usize)> = v
            .rows
            .iter()
            .map(|&i| {
                let e = &v.sources[i];
                (e.name.as_str(), e.claims.len(), e.article_count)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("Verteidigungsministerium", 3, 2),
                ("Medienberichte", 1, 1),
                ("Wladimir Putin", 1, 1)
            ]
        );
    }

    #[test]
    fn the_filter_cycles_through_the_sorts_of_source_present() {
        let mut s = sample();
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        s.apply(Action::CycleSourceFilter);
        // Without mentions no entity has a kind: both named entities are plain named sources.
        assert_eq!(view(&s).class, Some(SourceClass::Named));
        assert_eq!(view(&s).rows.len(), 2);
        s.apply(Action::CycleSourceFilter);
        assert_eq!(view(&s).class, Some(SourceClass::Unnamed));
        assert_eq!(view(&s).rows.len(), 1);
        s.apply(Action::CycleSourceFilter);
        assert_eq!(view(&s).class, None);
        assert_eq!(view(&s).rows.len(), 3);
    }

    #[test]
    fn enter_lists_a_sources_claims_and_enter_again_jumps_to_one() {
        let mut s = sample();
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        s.apply(Action::OpenSelected);
        assert_eq!(view(&s).open_source().map(|e| e.claims.len()), Some(3));
        s.apply(Action::MoveDown);
        s.apply(Action::MoveDown);
        s.apply(Action::MoveDown);
        assert_eq!(view(&s).open.as_ref().map(|o| o.selected), Some(2));
        s.apply(Action::OpenSelected);
        assert!(s.overlays.open.is_none());
        assert_eq!(s.list.selected, 1);
        assert_eq!(s.claims.selected, 2);
        assert_eq!(s.screen.focus, Pane::Reader);
        let cursor = s.cursor.map(|c| c.span);
        let claim = s.current().map(|e| e.analysis.claims[2].span);
        assert_eq!(cursor, claim);
        assert!(s.jump_back());
        assert_eq!(s.list.selected, 0);
    }

    #[test]
    fn close_goes_back_from_the_claims_to_the_list_then_closes() {
        let mut s = sample();
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        s.apply(Action::MoveDown);
        s.apply(Action::OpenSelected);
        assert!(view(&s).open.is_some());
        s.apply(Action::Close);
        assert!(view(&s).open.is_none());
        assert_eq!(view(&s).selected, 1);
        s.apply(Action::Close);
        assert!(s.overlays.open.is_none());
    }

    #[test]
    fn a_jump_lifts_a_claim_filter_that_hides_the_claim() {
        let mut s = sample();
        s.screen.focus = Pane::Claims;
        s.apply(Action::CycleClaimStance);
        assert_eq!(s.claims.filter.stance, Some(Stance::Asserted));
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        s.apply(Action::OpenSelected);
        s.apply(Action::OpenSelected);
        assert_eq!((s.list.selected, s.claims.selected), (0, 1));
        assert!(s.claims.filter.is_empty());
    }

    #[test]
    fn a_corpus_without_sources_says_so_instead_of_an_empty_view() {
        let mut s = corpus(&[&[("Eins ist so.", None)]]);
        let jobs = s.apply(Action::ShowSources);
        s.run_jobs_now(jobs);
        assert!(s.overlays.open.is_none());
        assert!(s.messages.iter().any(|m| m.text.contains("names a source")));
    }
}
