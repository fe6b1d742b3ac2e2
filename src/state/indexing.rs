//! Articles arriving from background indexing: the list fills while the reader stays usable,
//! the open article stays open, and the status line shows progress. Events arrive as
//! [`super::Input::Index`]; the corpus merges them ([`crate::corpus::Corpus`]), this module
//! keeps the reader's view of it in step.

use super::{AppState, IndexStatus, Severity};
use crate::index::{IndexEvent, Progress};

impl AppState {
    /// Marks the start of background indexing.
    pub fn start_indexing(&mut self) {
        self.work.indexing = Some(IndexStatus::default());
    }

    /// Takes in one event of the background indexer.
    pub(crate) fn index_event(&mut self, event: IndexEvent) {
        match event {
            IndexEvent::Articles(batch) | IndexEvent::Snapshot { entries: batch, .. } => {
                if batch.is_empty() {
                    return;
                }
                let open = self.current().map(|e| e.article.id.clone());
                let was_empty = self.corpus.is_empty();
                self.corpus.add(batch);
                self.work.palette_jobs.articles_moved();
                if let Some(i) = open.and_then(|id| self.corpus.position_of(&id)) {
                    self.list.selected = i;
                }
                self.corpus_changed();
                if was_empty {
                    self.list.selected = 0;
                    self.reader.layout = crate::reflow::LazyLayout::default();
                    self.select_article(0);
                }
                self.keep_selection_visible();
            }
            IndexEvent::Analyses(batch) => {
                if batch.is_empty() {
                    return;
                }
                let filled = self.corpus.fill(batch);
                self.corpus_changed();
                if filled.contains(&self.list.selected) {
                    self.refresh_marks();
                }
            }
            IndexEvent::Canonical(names) => {
                self.corpus.rename(names);
                self.corpus_changed();
                self.refresh_marks();
            }
            IndexEvent::Message(m) => self.notify(m, Severity::Warning),
            IndexEvent::Progress(p) => self.index_progress(p),
            IndexEvent::Done => self.finish_indexing(),
        }
    }

    /// What depends on the corpus is out of date: the palette's index, the cross-article
    /// analyses and the bookmark counts.
    fn corpus_changed(&mut self) {
        self.work.palette_index_stale = true;
        self.work.cross_jobs.corpus_changed();
        self.recount_bookmarks();
    }

    /// Records indexing progress for the status line.
    fn index_progress(&mut self, p: Progress) {
        self.work.indexing = Some(IndexStatus {
            done: p.done,
            total: p.total,
            mb_per_s: p.mb_per_s().round() as u32,
            eta_secs: p.eta().map(|d| d.as_secs()),
        });
    }

    /// Indexing has finished.
    fn finish_indexing(&mut self) {
        if let Some(status) = self.work.indexing.take() {
            let n = self.corpus.len();
            self.notify(
                format!(
                    "indexed {n} article{} ({} files)",
                    if n == 1 { "" } else { "s" },
                    status.total.max(n)
                ),
                Severity::Info,
            );
        }
        if self.corpus.is_empty() {
            self.notify("no readable articles found", Severity::Warning);
        }
    }
}
