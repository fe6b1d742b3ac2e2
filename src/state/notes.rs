//! The reading cursor, bookmarks and notes: what the keys for marking, annotating and copying
//! do to the state. Saving is never done here: changes go out as [`Effect::Store`] operations
//! and come back as a [`StoreReport`].

use super::{AppState, Cursor, Effect, NoteEditor, Overlay, Pane, PlacedBookmark, Severity};
use super::{StoreOp, StoreReport, Unit};
use crate::action::Action;
use crate::editor::{Edit, TextArea};
use crate::keymap::{Key, KeyChord};
use crate::model::Span;
use crate::store::{self, Bookmark, BookmarkId, Resolution, Target};

impl AppState {
    /// Spans the cursor can stop at for a unit, in text order.
    fn unit_spans(&self, unit: Unit) -> Vec<Span> {
        let Some(entry) = self.current() else {
            return Vec::new();
        };
        match unit {
            Unit::Paragraph => entry.article.body.iter().map(|b| b.span).collect(),
            Unit::Sentence => self.reader.sentences.clone(),
            Unit::Mention => entry
                .analysis
                .mentions
                .iter()
                .filter(|m| self.highlights.shows(m.kind))
                .map(|m| m.span)
                .collect(),
        }
    }

    /// The first and one-past-last article offsets visible in the reading pane.
    fn visible_range(&self) -> Option<(usize, usize)> {
        let visible: Vec<_> = self
            .reader
            .layout
            .lines(self.reader.top, self.reader_height())
            .collect();
        let first = visible
            .iter()
            .find_map(|l| l.pieces.first().map(|p| p.span.start))?;
        let last = visible
            .iter()
            .rev()
            .find_map(|l| l.pieces.last().map(|p| p.span.end))?;
        Some((first, last))
    }

    /// Moves the cursor to the next (`step` > 0) or previous unit; starts it in view if unset.
    pub(crate) fn move_cursor(&mut self, unit: Unit, step: isize) {
        let spans = self.unit_spans(unit);
        if spans.is_empty() {
            self.notify("nothing to move to in this article", Severity::Info);
            return;
        }
        let target = match self.cursor {
            None => self.first_in_view(&spans),
            Some(c) if step > 0 => spans.iter().copied().find(|s| s.start > c.span.start),
            Some(c) => spans.iter().copied().rev().find(|s| s.start < c.span.start),
        };
        match target {
            Some(span) => {
                self.cursor = Some(Cursor { unit, span });
                self.screen.focus = Pane::Reader;
                self.show_cursor();
            }
            None => {
                let what = match unit {
                    Unit::Paragraph => "paragraph",
                    Unit::Sentence => "sentence",
                    Unit::Mention => "mention",
                };
                let side = if step > 0 { "last" } else { "first" };
                self.notify(format!("this is the {side} {what}"), Severity::Info);
            }
        }
    }

    fn first_in_view(&self, spans: &[Span]) -> Option<Span> {
        let (first, last) = self.visible_range()?;
        spans
            .iter()
            .copied()
            .find(|s| s.start >= first && s.start < last)
            .or_else(|| spans.iter().copied().find(|s| s.end > first))
    }

    /// Scrolls so the cursor is in view.
    fn show_cursor(&mut self) {
        let Some(c) = self.cursor else { return };
        let line = self.reader_line_at(c.span.start);
        let end_line = self.reader_line_at(c.span.end.saturating_sub(1));
        let height = self.reader_height();
        if line < self.reader.top || end_line >= self.reader.top + height {
            self.reader.top = line.saturating_sub(height / 3);
            self.clamp_reader();
        }
        self.sync_claim_to_view_pub();
    }

    /// After scrolling: a cursor that left the view moves to the first unit in view.
    pub(crate) fn keep_cursor_in_view(&mut self) {
        let Some(c) = self.cursor else { return };
        let Some((first, last)) = self.visible_range() else {
            return;
        };
        if c.span.end <= first || c.span.start >= last {
            let spans = self.unit_spans(c.unit);
            self.cursor = self
                .first_in_view(&spans)
                .map(|span| Cursor { unit: c.unit, span });
        }
    }

    /// Jumps to the next or previous mention of the entity under the cursor.
    pub(crate) fn move_to_same_entity(&mut self, step: isize) {
        if self.cursor.is_none() {
            self.move_cursor(Unit::Mention, 1);
        }
        let Some(c) = self.cursor else { return };
        let Some(entry) = self.current() else { return };
        let mentions = &entry.analysis.mentions;
        let Some(here) = mentions
            .iter()
            .find(|m| c.span.contains(m.span) || m.span.contains(c.span))
        else {
            self.notify("no entity under the cursor", Severity::Info);
            return;
        };
        let canonical = here.canonical.clone();
        let found = if step > 0 {
            mentions
                .iter()
                .find(|m| m.canonical == canonical && m.span.start > here.span.start)
        } else {
            mentions
                .iter()
                .rev()
                .find(|m| m.canonical == canonical && m.span.start < here.span.start)
        };
        match found.map(|m| m.span) {
            Some(span) => {
                self.cursor = Some(Cursor {
                    unit: Unit::Mention,
                    span,
                });
                self.show_cursor();
            }
            None => self.notify(
                format!("no further mention of {canonical} in this article"),
                Severity::Info,
            ),
        }
    }

    /// What a bookmark or copy would take: the selected claim in the claims pane, else the
    /// cursor (started at the first sentence in view when unset).
    fn target(&mut self) -> Option<(Target, usize, Span)> {
        if self.screen.focus != Pane::Claims && self.cursor.is_none() {
            self.move_cursor(Unit::Sentence, 1);
        }
        let entry = self.current()?;
        let body = &entry.article.body;
        let block_of = |span: Span| {
            body.iter()
                .position(|b| b.span.contains(Span::new(span.start, span.start)))
        };
        if self.screen.focus == Pane::Claims {
            let claim = entry.analysis.claims.get(self.claims.selected)?;
            return Some((Target::Claim, block_of(claim.span)?, claim.span));
        }
        let c = self.cursor?;
        let (target, span) = match c.unit {
            Unit::Paragraph => (Target::Paragraph, c.span),
            Unit::Sentence => (Target::Sentence, c.span),
            Unit::Mention => {
                let sentence = self
                    .reader
                    .sentences
                    .iter()
                    .copied()
                    .find(|s| s.contains(c.span))
                    .unwrap_or(c.span);
                (Target::Sentence, sentence)
            }
        };
        Some((target, block_of(span)?, span))
    }

    /// Bookmarks the target, or removes the bookmark already there.
    pub(crate) fn toggle_bookmark(&mut self) {
        let Some((target, block, span)) = self.target() else {
            return;
        };
        if let Some(existing) = self
            .reader
            .bookmarks
            .iter()
            .find(|b| b.span == span)
            .map(|b| b.id.clone())
        {
            self.delete_bookmark(&existing);
            return;
        }
        let Some(entry) = self.current() else { return };
        let anchor = store::make_anchor(&entry.article, block, span);
        let bookmark = Bookmark::new(&entry.article, target, anchor, "", self.time.now);
        self.emit(Effect::Store(StoreOp::Add(bookmark)));
    }

    /// Deletes a bookmark, keeping it for undo.
    pub(crate) fn delete_bookmark(&mut self, id: &BookmarkId) {
        if let Some(b) = self.saved.bookmarks.iter().find(|b| &b.id == id) {
            self.saved.last_deleted = Some(b.clone());
            self.emit(Effect::Store(StoreOp::Delete(id.clone())));
        }
    }

    /// Puts the last deleted bookmark back.
    pub(crate) fn undo_delete(&mut self) {
        match self.saved.last_deleted.take() {
            Some(b) => self.emit(Effect::Store(StoreOp::Restore(b))),
            None => self.notify("nothing to undo", Severity::Info),
        }
    }

    /// The bookmark at the target, created (and saved) when there is none yet.
    fn bookmark_at_target(&mut self) -> Option<Bookmark> {
        let (target, block, span) = self.target()?;
        if let Some(id) = self
            .reader
            .bookmarks
            .iter()
            .find(|b| b.span == span)
            .map(|b| b.id.clone())
        {
            return self.saved.bookmarks.iter().find(|b| b.id == id).cloned();
        }
        let entry = self.current()?;
        let anchor = store::make_anchor(&entry.article, block, span);
        let bookmark = Bookmark::new(&entry.article, target, anchor, "", self.time.now);
        // Shown at once; the store's report confirms it.
        self.saved.bookmarks.push(bookmark.clone());
        self.saved.version += 1;
        self.emit(Effect::Store(StoreOp::Add(bookmark.clone())));
        self.place_bookmarks();
        Some(bookmark)
    }

    /// Opens the note editor on the target's bookmark (creating the bookmark).
    pub(crate) fn edit_note(&mut self) {
        if let Some(Overlay::Bookmarks { selected }) = self.overlays.open {
            if let Some(b) = self.bookmark_row(selected).cloned() {
                self.open_note_editor(&b);
            }
            return;
        }
        if let Some(b) = self.bookmark_at_target() {
            self.open_note_editor(&b);
        }
    }

    fn open_note_editor(&mut self, b: &Bookmark) {
        self.overlays.open = Some(Overlay::Note(NoteEditor {
            id: b.id.clone(),
            area: TextArea::new(&b.note),
            dirty: false,
            idle: 0,
        }));
    }

    /// Hands the target's note (or the one being edited) to `$EDITOR`.
    pub(crate) fn edit_note_externally(&mut self) {
        let (id, text) = match self.overlays.open.take() {
            Some(Overlay::Note(editor)) => (editor.id, editor.area.text()),
            other => {
                self.overlays.open = other;
                let Some(b) = self.bookmark_at_target() else {
                    return;
                };
                (b.id, b.note)
            }
        };
        self.emit(Effect::EditExternally { id, text });
    }

    /// Saves the note being edited, if it changed, and closes the editor when `close`.
    pub(crate) fn save_note(&mut self, close: bool) {
        let Some(Overlay::Note(editor)) = &mut self.overlays.open else {
            return;
        };
        let save = editor
            .dirty
            .then(|| (editor.id.clone(), editor.area.text()));
        editor.dirty = false;
        if close {
            self.overlays.open = None;
        }
        if let Some((id, text)) = save {
            if let Some(b) = self.saved.bookmarks.iter_mut().find(|b| b.id == id) {
                b.note = text.clone();
                self.saved.version += 1;
            }
            self.place_bookmarks();
            self.emit(Effect::Store(StoreOp::SetNote(id, text)));
        }
    }

    /// A key typed into the note editor.
    pub(crate) fn type_into_note(&mut self, chord: KeyChord) {
        let Some(Overlay::Note(editor)) = &mut self.overlays.open else {
            return;
        };
        let edit = match (chord.key, chord.ctrl, chord.alt) {
            (Key::Char('u'), true, false) => Edit::KillToStart,
            (Key::Char('a'), true, false) => Edit::Home,
            (Key::Char('e'), true, false) => Edit::End,
            (Key::Char(c), false, false) => Edit::Insert(c),
            (Key::Tab, false, false) => Edit::Insert('\t'),
            (Key::Enter, _, _) => Edit::Newline,
            (Key::Backspace, _, _) => Edit::Backspace,
            (Key::Delete, _, _) => Edit::Delete,
            (Key::Left, _, _) => Edit::Left,
            (Key::Right, _, _) => Edit::Right,
            (Key::Up, _, _) => Edit::Up,
            (Key::Down, _, _) => Edit::Down,
            (Key::Home, _, _) => Edit::Home,
            (Key::End, _, _) => Edit::End,
            _ => return,
        };
        editor.area.apply(edit);
        editor.dirty = true;
        editor.idle = 0;
    }

    /// Saves a changed note after a pause in typing, so a crash loses at most a few seconds.
    pub(crate) fn autosave_note(&mut self) {
        if let Some(Overlay::Note(editor)) = &mut self.overlays.open {
            editor.idle = editor.idle.saturating_add(1);
            if editor.dirty && editor.idle >= super::NOTE_AUTOSAVE_TICKS {
                self.save_note(false);
            }
        }
    }

    /// The text under the cursor (or the selected claim) with its citation, for the clipboard.
    pub(crate) fn copy_with_citation(&mut self) {
        let Some((_, _, span)) = self.target() else {
            return;
        };
        let Some(entry) = self.current() else { return };
        let quote = entry
            .article
            .slice(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text = format!("„{quote}“\n— {}", crate::export::citation(&entry.article));
        let n = text.chars().count();
        self.emit(Effect::Copy(text));
        let hint = if self.screen.in_tmux {
            "; tmux passes it on with set-clipboard on"
        } else {
            ""
        };
        self.notify(
            format!("copied {n} characters with the citation (OSC 52 clipboard{hint})"),
            Severity::Info,
        );
    }

    /// The bookmark on row `selected` of the bookmarks view.
    pub fn bookmark_row(&self, selected: usize) -> Option<&Bookmark> {
        let index = if self.derived.bookmarks_are_current() {
            self.derived.bookmarks.get(selected).map(|r| r.bookmark)
        } else {
            let lookup = super::derived::ArticleLookup::new(&self.corpus);
            self.sorted_bookmark_indices(&lookup)
                .get(selected)
                .map(|&(i, _)| i)
        };
        index.and_then(|i| self.saved.bookmarks.get(i))
    }

    /// The corpus index of a bookmark's article (by id, then by source path).
    pub fn article_of(&self, b: &Bookmark) -> Option<usize> {
        self.corpus
            .iter()
            .position(|e| e.article.id == b.article)
            .or_else(|| {
                self.corpus
                    .iter()
                    .position(|e| e.article.source == b.source)
            })
    }

    /// Jumps to the bookmark selected in the bookmarks view.
    pub(crate) fn open_bookmark(&mut self, selected: usize) {
        let Some(b) = self.bookmark_row(selected).cloned() else {
            return;
        };
        if self.article_of(&b).is_none() && self.remote.is_some() {
            // Reading the server's corpus: find the article there; the jump is made when it
            // has been fetched.
            self.overlays.open = None;
            self.find_on_server(b);
            return;
        }
        self.jump_to_bookmark(&b);
    }

    /// Opens the article of `b` (held in the corpus) at its passage, with the cursor on it.
    pub(crate) fn jump_to_bookmark(&mut self, b: &Bookmark) {
        let Some(index) = self.article_of(b) else {
            self.notify(
                format!("the article of this bookmark is not open: {}", b.source),
                Severity::Warning,
            );
            return;
        };
        let resolution = store::resolve(&self.corpus[index].article, &b.anchor);
        let Some(span) = resolution.span() else {
            self.notify(
                "this bookmark's passage is no longer in the article (orphaned)",
                Severity::Warning,
            );
            return;
        };
        self.overlays.open = None;
        // Locations are list positions; the server's corpus holds only the open article.
        let article = if self.remote.is_some() {
            self.list.selected
        } else {
            index
        };
        self.jump_to_span(article, span, Unit::Sentence);
        self.show_cursor();
    }

    /// Takes in what the store reports.
    pub(crate) fn store_report(&mut self, report: StoreReport) {
        let new_problem = report
            .problems
            .iter()
            .find(|p| !self.saved.problems.contains(p))
            .cloned();
        let bookmarks_changed = report.bookmarks.is_some();
        if let Some(bookmarks) = report.bookmarks {
            self.saved.bookmarks = bookmarks;
            self.saved.version += 1;
            // The palette lists bookmarks: only their changes make its index stale.
            self.work.palette_index_stale = true;
        }
        self.saved.saving = report.saving;
        self.saved.problems = report.problems;
        self.saved.unsaved = report.pending;
        if let Some((text, severity)) = report.message {
            let hint = report
                .suggest
                .map(|(action, label)| self.key_suggestion(action, label))
                .unwrap_or_default();
            self.notify(format!("{text}{hint}"), severity);
        }
        if let Some(problem) = new_problem {
            let section = self.section();
            let hint = match (
                self.saved.saving,
                self.key_for(section, Action::RetrySave),
                self.key_for(section, Action::StartFreshBookmarks),
            ) {
                (true, _, _) => String::new(),
                (false, Some(retry), Some(fresh)) => format!(
                    "; not saving — fix the file and press {retry} to retry, or {fresh} to start a new one (the old one is kept)"
                ),
                (false, _, _) => "; not saving — fix the file and retry, or start a new one (the old one is kept)".to_string(),
            };
            self.notify(format!("{problem}{hint}"), Severity::Warning);
        }
        if bookmarks_changed {
            self.recount_bookmarks();
            self.place_bookmarks();
        }
    }

    /// Counts the bookmarks of each article for the list.
    pub(crate) fn recount_bookmarks(&mut self) {
        let mut counts = vec![0; self.corpus.len()];
        let lookup = super::derived::ArticleLookup::new(&self.corpus);
        for i in self
            .saved
            .bookmarks
            .iter()
            .filter_map(|b| lookup.article_of(b))
        {
            counts[i] += 1;
        }
        self.saved.counts = counts;
    }

    /// Re-anchors the open article's bookmarks.
    pub(crate) fn place_bookmarks(&mut self) {
        let Some(entry) = self.corpus.get(self.open_index()) else {
            return;
        };
        let mut placed = Vec::new();
        let mut orphans = 0;
        for b in &self.saved.bookmarks {
            if b.article != entry.article.id && b.source != entry.article.source {
                continue;
            }
            match store::resolve(&entry.article, &b.anchor) {
                Resolution::Orphaned => orphans += 1,
                r => {
                    if let Some(span) = r.span() {
                        placed.push(PlacedBookmark {
                            id: b.id.clone(),
                            span,
                            has_note: !b.note.trim().is_empty(),
                        });
                    }
                }
            }
        }
        placed.sort_by_key(|p| p.span);
        self.reader.bookmarks = placed;
        self.reader.orphans = orphans;
    }

    /// Saves what must not be lost when the reader is stopped from outside (a note being typed,
    /// the reading positions) and returns the effects to carry out: [`super::Input::Leave`].
    pub fn shutdown(&mut self) -> Vec<Effect> {
        self.handle(super::Input::Leave)
    }

    /// Writes what is pending on leaving: a note being typed, the reading positions.
    pub(crate) fn leave(&mut self) {
        self.save_note(false);
        self.save_position();
        self.flush_positions();
    }

    /// Remembers the open article's reading position; it is written at the next pause
    /// ([`AppState::flush_positions`]), not on the key that moved it.
    pub(crate) fn save_position(&mut self) {
        if self.reader.layout.is_empty() {
            return;
        }
        let here = self.location();
        // The open article (the location's article is the selection).
        if let Some(key) = self
            .current()
            .map(|e| store::position_key(&e.article).to_string())
        {
            if self.saved.positions.get(&key) == Some(&here.offset) {
                return;
            }
            self.saved.positions.insert(key.clone(), here.offset);
            self.saved.unsaved_positions.insert(key, here.offset);
        }
    }

    /// Writes every reading position changed since the last write, in one store operation.
    pub(crate) fn flush_positions(&mut self) {
        if self.saved.unsaved_positions.is_empty() {
            return;
        }
        let positions = std::mem::take(&mut self.saved.unsaved_positions)
            .into_iter()
            .collect();
        self.emit(Effect::Store(StoreOp::SetPositions(positions)));
    }
}
