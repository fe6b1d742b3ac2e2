//! Articles arriving from background indexing: the list fills while the reader stays usable,
//! the open article stays open, and the status line shows progress.

use super::{AppState, Entry, IndexStatus, Severity};
use crate::index::{CanonicalNames, Progress};
use crate::model::{Analysis, Article};

impl AppState {
    /// Marks the start of background indexing.
    pub fn start_indexing(&mut self) {
        self.indexing = Some(IndexStatus::default());
    }

    /// Adds indexed articles, keeping the list sorted by path and the open article selected.
    pub fn add_articles(&mut self, batch: Vec<(Article, Analysis)>) {
        if batch.is_empty() {
            return;
        }
        let open = self.current().map(|e| e.article.id.clone());
        let was_empty = self.entries.is_empty();
        self.entries.extend(Entry::from_pairs(batch));
        // Stable and adaptive: a sorted list plus a sorted batch is a merge.
        self.entries.sort_by(|a, b| {
            std::path::Path::new(&a.article.source).cmp(std::path::Path::new(&b.article.source))
        });
        if let Some(id) = open
            && let Some(i) = self.entries.iter().position(|e| e.article.id == id)
        {
            self.selected = i;
        }
        self.index_stale = true;
        self.cross = None;
        self.recount_bookmarks();
        if was_empty {
            self.selected = 0;
            self.reader.layout.lines.clear();
            self.select_article(0);
        }
        self.keep_selection_visible();
    }

    /// Fills in analyses that arrive after their articles (from a corpus snapshot), by source.
    pub fn fill_analyses(&mut self, batch: Vec<(String, Analysis)>) {
        if batch.is_empty() {
            return;
        }
        let at: crate::extract::fasthash::FastMap<&str, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.article.source.as_str(), i))
            .collect();
        let places: Vec<Option<usize>> = batch
            .iter()
            .map(|(source, _)| at.get(source.as_str()).copied())
            .collect();
        let mut open_changed = false;
        for (place, (_, analysis)) in places.into_iter().zip(batch) {
            if let Some(i) = place {
                self.entries[i].analysis = analysis;
                open_changed |= i == self.selected;
            }
        }
        self.index_stale = true;
        self.cross = None;
        if open_changed {
            self.refresh_marks();
        }
    }

    /// Renames entities to their corpus-wide canonical names once indexing is complete.
    pub fn apply_canonical(&mut self, names: &CanonicalNames) {
        for e in &mut self.entries {
            names.apply(e.article.lang, &mut e.analysis);
        }
        self.index_stale = true;
        self.cross = None;
        self.refresh_marks();
    }

    /// Records indexing progress for the status line.
    pub fn index_progress(&mut self, p: Progress) {
        self.indexing = Some(IndexStatus {
            done: p.done,
            total: p.total,
            mb_per_s: p.mb_per_s().round() as u32,
            eta_secs: p.eta().map(|d| d.as_secs()),
        });
    }

    /// Indexing has finished.
    pub fn finish_indexing(&mut self) {
        if let Some(status) = self.indexing.take() {
            let n = self.entries.len();
            self.notify(
                format!(
                    "indexed {n} article{} ({} files)",
                    if n == 1 { "" } else { "s" },
                    status.total.max(n)
                ),
                Severity::Info,
            );
        }
        if self.entries.is_empty() {
            self.notify("no readable articles found", Severity::Warning);
        }
    }
}
