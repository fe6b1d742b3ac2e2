//! The only code that changes [`AppState`]: inputs become actions through the keymap, actions
//! change the state and return [`Effect`]s.

use super::{AppState, Effect, Highlights, Input, Overlay, Pane, Severity, Unit};
use crate::action::Action;
use crate::keymap::{Resolution, Section};
use crate::model::EntityKind;

/// Rows one claim takes in the claims pane (header, two lines of text, a blank line).
pub const CLAIM_ITEM_ROWS: usize = 4;

impl AppState {
    /// Handles one input and returns what the runner must do, in order.
    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        self.handle_input(input);
        self.take_effects()
    }

    /// Carries out one action and returns what the runner must do (as [`AppState::handle`]
    /// does for a key bound to it).
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        self.act(action);
        self.take_effects()
    }

    /// Changes the state for one input; effects go out through [`AppState::emit`].
    fn handle_input(&mut self, input: Input) {
        if matches!(
            input,
            Input::Key(_) | Input::Click { .. } | Input::Wheel { .. } | Input::Paste(_)
        ) {
            self.time.idle_ticks = 0;
        }
        match input {
            // Nothing on the screen says what a key would do while it is too small to show
            // anything but that; a key pressed then must not act unseen. Only Ctrl-C, the
            // terminal's interrupt key, still quits (with the unsaved-changes check).
            Input::Key(chord) if self.geometry().too_small => {
                if chord.ctrl && chord.key == crate::keymap::Key::Char('c') {
                    self.request_quit()
                }
            }
            Input::Paste(_) if self.geometry().too_small => {}
            Input::Key(chord)
                if self.overlays.help_search.typing
                    && matches!(self.overlays.open, Some(Overlay::Help { .. })) =>
            {
                self.type_into_help(chord);
            }
            Input::Key(chord) => {
                let section = self.section();
                match self.keys.map.resolve(section, &self.keys.pending, chord) {
                    Resolution::Bound(action) => {
                        self.keys.pending.clear();
                        self.act(action)
                    }
                    Resolution::Pending => {
                        self.keys.pending.push(chord);
                    }
                    Resolution::Unbound if section.is_text_input() => {
                        self.keys.pending.clear();
                        if section == Section::Note {
                            self.type_into_note(chord);
                        } else {
                            self.type_into_prompt(chord);
                        }
                    }
                    Resolution::Unbound => {
                        let mut keys = std::mem::take(&mut self.keys.pending);
                        keys.push(chord);
                        let hint = self.key_suggestion(Action::ShowHelp, "for help");
                        self.notify(
                            format!(
                                "{} is not bound{hint}",
                                crate::keymap::format_sequence(&keys)
                            ),
                            Severity::Info,
                        );
                    }
                }
            }
            Input::Resize(w, h) => {
                self.screen.size = (w, h);
                self.relayout(true);
                self.keep_list_visible();
                self.fetch_around_view();
            }
            Input::Tick { now } => {
                self.time.now = now;
                self.time.idle_ticks = self.time.idle_ticks.saturating_add(1);
                if self.time.idle_ticks >= super::POSITION_SAVE_TICKS {
                    self.save_position();
                    self.flush_positions();
                }
                for m in &mut self.messages {
                    m.ticks_left = m.ticks_left.saturating_sub(1);
                }
                self.messages.retain(|m| m.ticks_left > 0);
                self.autosave_note();
                self.recount_remote();
            }
            Input::Store(report) => {
                self.store_report(report);
            }
            Input::Index(event) => {
                self.index_event(event);
            }
            Input::Leave => {
                self.leave();
            }
            Input::Pause => {
                self.save_position();
                self.flush_positions();
            }
            Input::Team(status) => {
                if !status.online && self.work.team.as_ref().is_none_or(|t| t.online) {
                    self.notify(
                        format!(
                            "team server offline; notes stay here until it is back ({})",
                            status.message
                        ),
                        Severity::Warning,
                    );
                }
                self.work.team = Some(status);
                // Authors may have changed under the bookmarks view's filter.
                self.derived.forget_bookmarks();
            }
            Input::QuitCheck(report) => {
                self.store_report(report);
                if self.saved.unsaved == 0 {
                    self.emit(Effect::Quit);
                } else {
                    self.overlays.open = Some(Overlay::QuitConfirm);
                }
            }
            Input::Rescued(result) => self.rescued(result),
            Input::Paste(text) => {
                self.paste(&text);
            }
            Input::ExternalEdit { id, result } => match result {
                Ok(text) => {
                    if let Some(b) = self.saved.bookmarks.iter_mut().find(|b| b.id == id) {
                        b.note = text.clone();
                        self.saved.version += 1;
                    }
                    self.place_bookmarks();
                    self.emit(Effect::Store(super::StoreOp::SetNote(id, text)));
                }
                Err(e) => self.notify(format!("the note was not changed: {e}"), Severity::Warning),
            },
            Input::Wheel { col, row, down } => {
                if let Some(pane) = self.geometry().pane_at(col, row) {
                    self.scroll_pane(pane, if down { 3 } else { -3 });
                }
            }
            Input::Click { col, row } => {
                self.click(col, row);
            }
            Input::Idle => {
                self.index_palette_in_background();
                self.refresh_cross();
            }
            Input::Cross(ready) => self.take_cross(ready),
            Input::Ranked(ranked) => {
                self.take_ranked(ranked);
            }
            Input::PaletteIndex(built) => {
                self.take_palette_index(built);
            }
            Input::FullText(found) => self.take_text_hits(found),
            Input::Remote(answer) => self.take_remote(answer),
        }
    }

    /// Changes the state for one action; effects go out through [`AppState::emit`].
    fn act(&mut self, action: Action) {
        if self.act_remote(action) {
            return;
        }
        let in_cross = matches!(
            self.overlays.open,
            Some(Overlay::Entities { .. } | Overlay::Group { .. } | Overlay::Timeline { .. })
        );
        if in_cross && self.apply_in_timeline(action).is_some() {
            return;
        }
        if in_cross && self.apply_in_cross(action).is_some() {
            return;
        }
        if matches!(self.overlays.open, Some(Overlay::Sources(_)))
            && self.apply_in_sources(action).is_some()
        {
            return;
        }
        match &self.overlays.open {
            Some(Overlay::QuitConfirm) => return self.apply_in_quit_confirm(action),
            Some(Overlay::Help { scroll }) => return self.apply_in_help(action, *scroll),
            Some(Overlay::Note(_)) => return self.apply_in_note(action),
            Some(Overlay::Bookmarks { selected }) => {
                if self.apply_in_bookmarks(action, *selected).is_some() {
                    return;
                }
            }
            Some(Overlay::Palette(_)) => return self.apply_in_palette(action),
            Some(Overlay::Find { .. }) => {
                match action {
                    Action::OpenSelected => self.accept_find(),
                    Action::Close => self.overlays.open = None,
                    _ => {}
                }
                return;
            }
            Some(Overlay::Card {
                canonical,
                selected,
            }) => {
                let (canonical, selected) = (canonical.clone(), *selected);
                if self.apply_in_card(action, canonical, selected).is_some() {
                    return;
                }
            }
            Some(_) | None => {}
        }
        match action {
            Action::Quit => self.request_quit(),
            Action::Suspend => self.emit(Effect::Suspend),
            Action::WriteRescueFile => self.emit(Effect::Store(super::StoreOp::Rescue)),
            Action::ShowHelp => {
                self.overlays.help_search = super::help::HelpSearch::default();
                self.overlays.open = Some(Overlay::Help { scroll: 0 });
            }
            Action::Close => {
                self.messages.clear();
                self.cursor = None;
                if self.search.take().is_some() {
                    self.refresh_marks();
                }
            }
            Action::OpenPalette => self.open_palette(""),
            Action::SearchCorpus => self.open_palette("/"),
            Action::SearchArticle => {
                self.overlays.open = Some(Overlay::Find {
                    input: String::new(),
                })
            }
            Action::NextMatch => self.next_match(1),
            Action::PrevMatch => self.next_match(-1),
            Action::OpenEntityCard => self.open_card_at_cursor(),
            Action::ShowEntityIndex => self.open_entity_index(),
            Action::ShowClaimGroup => self.open_claim_group(),
            Action::ShowTimeline => self.open_timeline(None),
            Action::CycleSort
            | Action::CycleKindFilter
            | Action::CycleSourceFilter
            | Action::TimelineFilterEntity
            | Action::TimelineFilterSource
            | Action::SearchHelp => {}
            // Outside the bookmarks view, the author filter is set from inside it.
            Action::CycleAuthorFilter => {}
            Action::CycleClaimKind => self.cycle_claim_kind(),
            Action::CycleClaimStance => self.cycle_claim_stance(),
            Action::FilterClaimSource => self.toggle_claim_source_filter(),
            Action::ClearClaimFilters => self.clear_claim_filters(),
            Action::ShowSources => self.open_sources(),
            Action::NextSentence => self.move_cursor(Unit::Sentence, 1),
            Action::PrevSentence => self.move_cursor(Unit::Sentence, -1),
            Action::NextParagraph => self.move_cursor(Unit::Paragraph, 1),
            Action::PrevParagraph => self.move_cursor(Unit::Paragraph, -1),
            Action::NextMention => self.move_cursor(Unit::Mention, 1),
            Action::PrevMention => self.move_cursor(Unit::Mention, -1),
            Action::NextSameEntity => self.move_to_same_entity(1),
            Action::PrevSameEntity => self.move_to_same_entity(-1),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::EditNote => self.edit_note(),
            Action::EditNoteExternal => self.edit_note_externally(),
            Action::SaveNote => {}
            Action::ShowBookmarks => self.overlays.open = Some(Overlay::Bookmarks { selected: 0 }),
            Action::DeleteBookmark => {
                if let Some(c) = self.cursor {
                    let id = self
                        .reader
                        .bookmarks
                        .iter()
                        .find(|b| b.span.overlaps(c.span))
                        .map(|b| b.id.clone());
                    match id {
                        Some(id) => self.delete_bookmark(&id),
                        None => self.notify("no bookmark under the cursor", Severity::Info),
                    }
                }
            }
            Action::UndoDelete => self.undo_delete(),
            Action::CopyWithCitation => self.copy_with_citation(),
            Action::RetrySave => self.emit(Effect::Store(super::StoreOp::Retry)),
            Action::StartFreshBookmarks => {
                if self.saved.saving {
                    self.notify(
                        "the bookmarks file is fine; nothing to replace",
                        Severity::Info,
                    );
                } else {
                    self.emit(Effect::Store(super::StoreOp::StartFresh));
                }
            }
            Action::FocusNextPane => self.cycle_focus(1),
            Action::FocusPrevPane => self.cycle_focus(-1),
            Action::FocusLeft => self.focus_side(-1),
            Action::FocusRight => self.focus_side(1),
            Action::MoveDown => self.move_focused(1),
            Action::MoveUp => self.move_focused(-1),
            Action::PageDown => self.move_focused(self.page_step(false)),
            Action::PageUp => self.move_focused(-self.page_step(false)),
            Action::HalfPageDown => self.move_focused(self.page_step(true)),
            Action::HalfPageUp => self.move_focused(-self.page_step(true)),
            Action::GoTop => self.move_focused(isize::MIN / 2),
            Action::GoBottom => self.move_focused(isize::MAX / 2),
            Action::NextArticle => self.select_article(self.list.selected as isize + 1),
            Action::PrevArticle => self.select_article(self.list.selected as isize - 1),
            Action::OpenSelected => self.open_selected(),
            Action::ToggleList => self.toggle_list(),
            Action::ToggleZoom => {
                self.screen.zoom = !self.screen.zoom;
                self.relayout(true);
                self.keep_list_visible();
            }
            Action::TogglePerson => self.toggle_kind(EntityKind::Person),
            Action::ToggleOrganization => self.toggle_kind(EntityKind::Organization),
            Action::TogglePlace => self.toggle_kind(EntityKind::Place),
            Action::ToggleDate => self.toggle_kind(EntityKind::Date),
            Action::ToggleQuantity => self.toggle_kind(EntityKind::Quantity),
            Action::ToggleMisc => self.toggle_kind(EntityKind::Misc),
            Action::ToggleClaimMarks => {
                self.highlights.claims = !self.highlights.claims;
                let state = if self.highlights.claims {
                    "marked"
                } else {
                    "not marked"
                };
                self.notify(format!("claims {state}"), Severity::Info);
                self.refresh_marks();
            }
            Action::ToggleAllHighlights => {
                let any = self.highlights.kinds.iter().any(|k| *k) || self.highlights.claims;
                self.highlights = Highlights {
                    kinds: [!any; 6],
                    claims: !any,
                };
                let state = if any { "off" } else { "on" };
                self.notify(format!("all highlights {state}"), Severity::Info);
                self.refresh_marks();
            }
            Action::JumpBack => {
                if !self.jump_back() {
                    self.notify("no earlier jump", Severity::Info);
                }
            }
            Action::JumpForward => {
                if !self.jump_forward() {
                    self.notify("no later jump", Severity::Info);
                }
            }
            Action::ToggleMouse => {
                self.screen.mouse = !self.screen.mouse;
                let state = if self.screen.mouse {
                    "on (the terminal's own selection needs Shift)"
                } else {
                    "off"
                };
                self.notify(format!("mouse {state}"), Severity::Info);
                self.emit(Effect::SetMouse(self.screen.mouse));
            }
        }
    }

    fn apply_in_palette(&mut self, action: Action) {
        let page = usize::from(self.screen.size.1 / 2).max(1) as isize;
        match action {
            Action::Close | Action::OpenPalette => self.overlays.open = None,
            Action::OpenSelected => self.accept_palette(),
            Action::MoveDown => self.move_palette(1),
            Action::MoveUp => self.move_palette(-1),
            Action::PageDown | Action::HalfPageDown => self.move_palette(page),
            Action::PageUp | Action::HalfPageUp => self.move_palette(-page),
            Action::GoTop => self.move_palette(isize::MIN / 2),
            Action::GoBottom => self.move_palette(isize::MAX / 2),
            Action::Quit => self.request_quit(),
            _ => {}
        }
    }

    /// Actions in the entity card; `None` lets the action through.
    fn apply_in_card(&mut self, action: Action, canonical: String, selected: usize) -> Option<()> {
        let n = self.card_len(&canonical);
        let page = usize::from(self.screen.size.1 / 2).max(1);
        let selected = match action {
            Action::Close | Action::OpenEntityCard => {
                self.overlays.open = None;
                return Some(());
            }
            Action::OpenSelected => {
                self.accept_card(&canonical, selected);
                return Some(());
            }
            Action::ShowTimeline => {
                self.open_timeline(Some(canonical));
                return Some(());
            }
            Action::Quit | Action::OpenPalette | Action::ShowHelp => return None,
            _ => super::cross::list_move(selected, n, action, page).unwrap_or(selected),
        };
        self.overlays.open = Some(Overlay::Card {
            canonical,
            selected,
        });
        Some(())
    }

    fn apply_in_note(&mut self, action: Action) {
        match action {
            Action::SaveNote | Action::Close => self.save_note(true),
            Action::EditNoteExternal => self.edit_note_externally(),
            Action::Quit => {
                self.save_note(true);
                self.request_quit();
            }
            Action::Suspend => self.emit(Effect::Suspend),
            _ => {}
        }
    }

    /// Actions in the bookmarks view; `None` lets the action through to the reader.
    fn apply_in_bookmarks(&mut self, action: Action, selected: usize) -> Option<()> {
        // The rows shown: every bookmark, or one author's.
        let n = if self.derived.bookmarks_are_current() {
            self.derived.bookmarks.len()
        } else {
            self.saved.bookmarks.len()
        };
        let page = usize::from(self.screen.size.1 / 3).max(1);
        if let Some(moved) = super::cross::list_move(selected, n, action, page) {
            self.overlays.open = Some(Overlay::Bookmarks { selected: moved });
            return Some(());
        }
        let selected = match action {
            Action::Close | Action::ShowBookmarks => {
                self.overlays.open = None;
                return Some(());
            }
            Action::OpenSelected => {
                self.open_bookmark(selected);
                return Some(());
            }
            Action::CycleAuthorFilter => {
                self.cycle_author_filter();
                0
            }
            Action::DeleteBookmark => {
                if let Some(id) = self.bookmark_row(selected).map(|b| b.id.clone()) {
                    self.delete_bookmark(&id);
                }
                selected.min(n.saturating_sub(2))
            }
            Action::EditNote | Action::EditNoteExternal | Action::UndoDelete | Action::Quit => {
                return None;
            }
            Action::RetrySave | Action::StartFreshBookmarks => return None,
            _ => selected,
        };
        self.overlays.open = Some(Overlay::Bookmarks { selected });
        Some(())
    }

    fn apply_in_help(&mut self, action: Action, scroll: usize) {
        match action {
            Action::SearchHelp => {
                self.overlays.help_search = super::help::HelpSearch {
                    query: String::new(),
                    typing: true,
                };
                self.overlays.open = Some(Overlay::Help { scroll: 0 });
                return;
            }
            // A filter is dropped before the help closes.
            Action::Close if !self.overlays.help_search.query.is_empty() => {
                self.overlays.help_search = super::help::HelpSearch::default();
                self.overlays.open = Some(Overlay::Help { scroll: 0 });
                return;
            }
            _ => {}
        }
        let total = self.help_rows().len();
        let page = self.screen.size.1.saturating_sub(6).max(1) as usize;
        let max = total.saturating_sub(page);
        let new_scroll = match action {
            Action::Quit => return self.request_quit(),
            Action::ShowHelp | Action::Close => {
                self.overlays.open = None;
                return;
            }
            Action::MoveDown => scroll + 1,
            Action::MoveUp => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page),
            Action::GoTop => 0,
            Action::GoBottom => max,
            _ => scroll,
        };
        self.overlays.open = Some(Overlay::Help {
            scroll: new_scroll.min(max),
        });
    }

    fn toggle_kind(&mut self, kind: EntityKind) {
        if let Some(i) = EntityKind::ALL.iter().position(|k| *k == kind) {
            self.highlights.kinds[i] = !self.highlights.kinds[i];
            let state = if self.highlights.kinds[i] {
                "highlighted"
            } else {
                "not highlighted"
            };
            self.notify(format!("{} {state}", plural(kind)), Severity::Info);
        }
        self.refresh_marks();
    }

    fn visible_panes(&self) -> Vec<Pane> {
        let g = self.geometry();
        if g.panes.len() <= 1 {
            // One pane at a time (narrow or zoomed): focus cycles through all three.
            vec![Pane::List, Pane::Reader, Pane::Claims]
        } else {
            g.panes.iter().map(|(p, _)| *p).collect()
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.visible_panes();
        let at = panes
            .iter()
            .position(|p| *p == self.screen.focus)
            .unwrap_or(0) as isize;
        let n = panes.len() as isize;
        self.screen.focus = panes[((at + step).rem_euclid(n)) as usize];
        self.relayout(true);
    }

    fn focus_side(&mut self, step: isize) {
        let panes = self.visible_panes();
        let at = panes
            .iter()
            .position(|p| *p == self.screen.focus)
            .unwrap_or(0) as isize;
        let to = (at + step).clamp(0, panes.len() as isize - 1) as usize;
        self.screen.focus = panes[to];
        self.relayout(true);
    }

    fn toggle_list(&mut self) {
        let g = self.geometry();
        if g.panes.len() == 3 {
            self.screen.focus = Pane::List;
            self.notify("the list is always shown at this width", Severity::Info);
            return;
        }
        self.screen.show_list = !self.screen.show_list;
        if g.panes.len() <= 1 {
            self.screen.focus = if self.screen.focus == Pane::List {
                Pane::Reader
            } else {
                Pane::List
            };
        } else if self.screen.show_list {
            self.screen.focus = Pane::List;
        } else if self.screen.focus == Pane::List {
            self.screen.focus = Pane::Reader;
        }
        self.relayout(true);
        self.keep_list_visible();
    }

    fn page_step(&self, half: bool) -> isize {
        let rows = match self.screen.focus {
            Pane::Reader => self.reader_height(),
            Pane::List => self.pane_rows(Pane::List) / 4,
            Pane::Claims => self.pane_rows(Pane::Claims) / CLAIM_ITEM_ROWS,
        }
        .max(1);
        let step = if half {
            rows / 2
        } else {
            rows.saturating_sub(usize::from(self.screen.focus == Pane::Reader))
        };
        step.max(1) as isize
    }

    pub(crate) fn pane_rows(&self, pane: Pane) -> usize {
        let g = self.geometry();
        g.rect(pane)
            .or_else(|| g.panes.first().map(|(_, r)| *r))
            .map_or(1, |r| usize::from(r.inner().height))
    }

    fn move_focused(&mut self, delta: isize) {
        match self.screen.focus {
            Pane::List => self.select_article(self.list.selected as isize + delta),
            Pane::Reader => self.scroll_pane(Pane::Reader, delta),
            Pane::Claims => self.move_claim(delta),
        }
    }

    fn scroll_pane(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Reader => {
                self.reader.top = (self.reader.top as isize).saturating_add(delta).max(0) as usize;
                self.clamp_reader();
                self.after_reader_move();
            }
            Pane::List => self.select_article(self.list.selected as isize + delta.signum()),
            Pane::Claims => self.move_claim(delta.signum()),
        }
    }

    /// Opens article `index` (clamped to the corpus).
    pub fn select_article(&mut self, index: isize) {
        if self.remote.is_some() {
            self.select_remote(index);
            return;
        }
        if self.corpus.is_empty() {
            return;
        }
        let index = index.clamp(0, self.corpus.len() as isize - 1) as usize;
        if index != self.list.selected || self.reader.layout.is_empty() {
            self.move_selection_to(index);
            self.relayout(false);
            self.after_reader_move();
        }
        self.keep_list_visible();
    }

    /// Leaves the open article for list position `index`: its reading position is saved, and
    /// the cursor, the search inside it and the claims pane's place are dropped.
    pub(crate) fn move_selection_to(&mut self, index: usize) {
        self.save_position();
        self.cursor = None;
        self.search = None;
        self.list.selected = index;
        self.claims.selected = 0;
        self.claims.top = 0;
    }

    /// Keeps what depends on the reading position in step after it changed.
    pub(crate) fn after_reader_move(&mut self) {
        self.keep_cursor_in_view();
        self.sync_claim_to_view();
    }

    /// Moves the claims selection to the claim in view (for the cursor module).
    pub(crate) fn sync_claim_to_view_pub(&mut self) {
        self.sync_claim_to_view();
    }

    /// Moves the claims selection by `delta` cards among the shown claims.
    fn move_claim(&mut self, delta: isize) {
        let n = self.claims.shown.len();
        if n == 0 {
            return;
        }
        let row = self.claims.row_of(self.claims.selected).unwrap_or_else(|| {
            self.claims
                .shown
                .partition_point(|&i| i < self.claims.selected)
        });
        let row = (row as isize)
            .saturating_add(delta)
            .clamp(0, n as isize - 1) as usize;
        self.claims.selected = self.claims.shown[row];
        self.keep_claim_visible();
        self.scroll_to_claim();
    }

    /// Scrolls the reading pane so the selected claim is in view, a third from the top when it
    /// was not.
    fn scroll_to_claim(&mut self) {
        let Some(start) = self
            .current()
            .and_then(|e| e.analysis.claims.get(self.claims.selected))
            .map(|c| c.span.start)
        else {
            return;
        };
        let line = self.reader_line_at(start);
        let height = self.reader_height();
        if line < self.reader.top || line >= self.reader.top + height {
            self.reader.top = line.saturating_sub(height / 3);
            self.clamp_reader();
        }
    }

    /// Moves the claims selection to the first claim visible in the reading pane.
    fn sync_claim_to_view(&mut self) {
        let height = self.reader_height();
        let visible: Vec<_> = self.reader.layout.lines(self.reader.top, height).collect();
        let first = visible
            .iter()
            .find_map(|l| l.pieces.first().map(|p| p.span.start));
        let last = visible
            .iter()
            .rev()
            .find_map(|l| l.pieces.last().map(|p| p.span.end));
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let found = self.current().and_then(|e| {
            self.claims.shown.iter().copied().find(|&i| {
                e.analysis
                    .claims
                    .get(i)
                    .is_some_and(|c| c.span.end > first && c.span.start < last)
            })
        });
        if let Some(i) = found {
            self.claims.selected = i;
            self.keep_claim_visible();
        }
    }

    fn keep_claim_visible(&mut self) {
        self.keep_claim_row_visible();
    }

    /// Keeps the selected article in view in the list after the list changed.
    pub(crate) fn keep_selection_visible(&mut self) {
        self.keep_list_visible();
    }

    /// Keeps the selected article's item whole in the list, with the item above or below it in
    /// view too when they fit, so the selection stays off the pane's edges.
    pub(crate) fn keep_list_visible(&mut self) {
        let rows = self.pane_rows(Pane::List);
        let height = |s: &Self, from: usize, to: usize| -> usize {
            (from..=to).map(|i| s.list_item_height(i)).sum()
        };
        if self.list.selected <= self.list.top {
            let above = self.list.selected.saturating_sub(1);
            self.list.top = if height(self, above, self.list.selected) <= rows {
                above
            } else {
                self.list.selected
            };
            return;
        }
        let last = self.list_len().saturating_sub(1);
        let below = (self.list.selected + 1).min(last);
        let target = if height(self, self.list.selected, below) <= rows {
            below
        } else {
            self.list.selected
        };
        // Scroll down until the selected item (and the one after it) fits entirely.
        while self.list.top < self.list.selected && height(self, self.list.top, target) > rows {
            self.list.top += 1;
        }
    }

    /// The article whose list item covers `row` rows below the top of the list pane.
    fn list_index_at(&self, row: usize) -> Option<usize> {
        let mut y = 0;
        for i in self.list.top..self.list_len() {
            y += self.list_item_height(i);
            if row < y {
                return Some(i);
            }
        }
        None
    }

    fn open_selected(&mut self) {
        match self.screen.focus {
            Pane::List => {
                self.screen.focus = Pane::Reader;
                self.relayout(true);
            }
            Pane::Claims => {
                let start = self
                    .current()
                    .and_then(|e| e.analysis.claims.get(self.claims.selected))
                    .map(|c| c.span.start);
                if let Some(start) = start {
                    self.reader.top = self.reader_line_at(start);
                    self.clamp_reader();
                    self.screen.focus = Pane::Reader;
                    self.relayout(true);
                }
            }
            Pane::Reader => {}
        }
    }

    fn click(&mut self, col: u16, row: u16) {
        let g = self.geometry();
        let Some(pane) = g.pane_at(col, row) else {
            return;
        };
        self.screen.focus = pane;
        let Some(inner) = g.rect(pane).map(|r| r.inner()) else {
            return;
        };
        if !inner.contains(col, row) {
            return;
        }
        let offset = usize::from(row - inner.y);
        match pane {
            Pane::List => {
                if let Some(i) = self.list_index_at(offset) {
                    self.select_article(i as isize);
                }
            }
            Pane::Claims => {
                let row = self.claims.top + offset / CLAIM_ITEM_ROWS;
                if let Some(&i) = self.claims.shown.get(row) {
                    self.claims.selected = i;
                    self.keep_claim_visible();
                    self.scroll_to_claim();
                }
            }
            Pane::Reader => {}
        }
    }

    /// Key hints for the status line, from the active keymap.
    pub fn key_hints(&self) -> String {
        let section = self.section();
        let key = |a: Action| self.key_for(section, a);
        let mut hints = Vec::new();
        let wanted: &[(Action, &str)] = if section == Section::Help {
            &[(Action::Close, "close"), (Action::MoveDown, "scroll")]
        } else {
            &[
                (Action::FocusNextPane, "pane"),
                (Action::NextArticle, "next"),
                (Action::ShowHelp, "help"),
                (Action::Quit, "quit"),
            ]
        };
        for (action, label) in wanted {
            if let Some(k) = key(*action) {
                hints.push(format!("{k} {label}"));
            }
        }
        hints.join("  ")
    }
}

fn plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization => "organisations",
        EntityKind::Place => "places",
        EntityKind::Date => "dates",
        EntityKind::Quantity => "quantities",
        EntityKind::Misc => "weapons, treaties and documents",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::index::IndexEvent;
    use crate::keymap::{Keymap, parse_sequence};
    use crate::reflow::Hyphenators;
    use crate::state::{Options, POSITION_SAVE_TICKS, StoreOp};

    fn state() -> AppState {
        let mut s = AppState::new(
            Corpus::bundled(),
            Keymap::builtin(),
            Hyphenators::hyphens_only(),
            Options::default(),
        );
        s.handle(Input::Resize(120, 40));
        s
    }

    fn keys(s: &mut AppState, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for chord in parse_sequence(keys).unwrap() {
            effects.extend(s.handle(Input::Key(chord)));
        }
        effects
    }

    fn saved_positions(effects: &[Effect]) -> Vec<&Vec<(String, usize)>> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Store(StoreOp::SetPositions(p)) => Some(p),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn switching_articles_writes_no_position_until_the_reader_pauses() {
        let mut s = state();
        let effects = keys(&mut s, "G J J J");
        assert!(saved_positions(&effects).is_empty(), "{effects:?}");
        let mut later = Vec::new();
        for _ in 0..POSITION_SAVE_TICKS {
            later.extend(s.handle(Input::Tick { now: 100 }));
        }
        let saved = saved_positions(&later);
        assert_eq!(saved.len(), 1, "one write for every article visited");
        assert!(saved[0].len() >= 2, "{saved:?}");
        // Nothing left to write at the next pause.
        let again: Vec<Effect> = (0..POSITION_SAVE_TICKS)
            .flat_map(|_| s.handle(Input::Tick { now: 101 }))
            .collect();
        assert!(saved_positions(&again).is_empty());
    }

    #[test]
    fn effects_leave_in_the_order_they_arise() {
        let mut s = state();
        keys(&mut s, "J");
        // A note typed, saved and the reader quit in one go: the note is saved, then the
        // positions, then the store is asked whether anything is left unsaved, last.
        let effects = keys(&mut s, "a x y esc q");
        let store: Vec<&StoreOp> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::Store(op) => Some(op),
                _ => None,
            })
            .collect();
        let note = store
            .iter()
            .position(|op| matches!(op, StoreOp::SetNote(_, text) if text == "xy"))
            .or_else(|| {
                store
                    .iter()
                    .position(|op| matches!(op, StoreOp::Add(b) if b.note == "xy"))
            });
        let check = store
            .iter()
            .position(|op| matches!(op, StoreOp::CheckBeforeQuit));
        assert!(note.is_some(), "{effects:?}");
        assert_eq!(check, Some(store.len() - 1), "{effects:?}");
        assert!(note < check);
        assert_eq!(saved_positions(&effects).len(), 1, "{effects:?}");
    }

    #[test]
    fn a_key_restarts_the_pause() {
        let mut s = state();
        keys(&mut s, "J");
        let mut effects = Vec::new();
        for _ in 1..POSITION_SAVE_TICKS {
            effects.extend(s.handle(Input::Tick { now: 1 }));
        }
        effects.extend(keys(&mut s, "j"));
        effects.extend(s.handle(Input::Tick { now: 2 }));
        assert!(saved_positions(&effects).is_empty());
    }

    #[test]
    fn leaving_and_quitting_write_the_positions_at_once() {
        let mut s = state();
        keys(&mut s, "J J");
        assert_eq!(saved_positions(&s.handle(Input::Leave)).len(), 1);
        let mut s = state();
        keys(&mut s, "J");
        let effects = keys(&mut s, "q");
        assert_eq!(saved_positions(&effects).len(), 1);
        assert!(effects.contains(&Effect::Store(StoreOp::CheckBeforeQuit)));
    }

    #[test]
    fn a_pause_writes_the_positions_but_leaves_a_note_being_typed() {
        let mut s = state();
        keys(&mut s, "J ) a x");
        let effects = s.handle(Input::Pause);
        assert_eq!(saved_positions(&effects).len(), 1);
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::Store(StoreOp::SetNote(..)))),
            "{effects:?}"
        );
        let effects = s.handle(Input::Leave);
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::Store(StoreOp::SetNote(..)))),
            "{effects:?}"
        );
    }

    #[test]
    fn the_tick_sets_the_clock() {
        let mut s = state();
        s.handle(Input::Tick { now: 1_800_000_000 });
        assert_eq!(s.time.now, 1_800_000_000);
    }

    #[test]
    fn indexing_events_fill_the_list_and_keep_the_open_article() {
        let mut s = AppState::new(
            Corpus::default(),
            Keymap::builtin(),
            Hyphenators::hyphens_only(),
            Options::default(),
        );
        s.start_indexing();
        s.handle(Input::Resize(120, 40));
        let first: Vec<_> = Corpus::bundled().into_pairs().into_iter().skip(2).collect();
        s.handle(Input::Index(IndexEvent::Articles(first)));
        let open = s.current().map(|e| e.article.id.clone());
        assert!(open.is_some());
        let rest: Vec<_> = Corpus::bundled().into_pairs().into_iter().take(2).collect();
        s.handle(Input::Index(IndexEvent::Articles(rest)));
        assert_eq!(s.corpus.len(), 5);
        assert_eq!(s.current().map(|e| e.article.id.clone()), open);
        assert!(s.work.indexing.is_some());
        s.handle(Input::Index(IndexEvent::Done));
        assert!(s.work.indexing.is_none());
        assert!(s.messages.iter().any(|m| m.text.contains("indexed 5")));
    }

    #[test]
    fn an_unbound_key_is_named_with_the_help_key_of_the_keymap() {
        let mut s = state();
        keys(&mut s, "Z");
        let text = &s.messages.last().unwrap().text;
        let help = s.key_for(s.section(), Action::ShowHelp).unwrap();
        assert!(text.contains("Z is not bound"), "{text}");
        assert!(text.contains(&format!("{help} for help")), "{text}");
    }
}
