//! Reading the corpus published on the team server (`--published`): the article list pages
//! through the server, and only the open article is held in [`AppState::corpus`] (as its one
//! entry), so the reading pane, highlights, claims pane, bookmarks and notes work on it as on a
//! local article. Search, the entity index and the sources view are SQL on the server, shown
//! in an overlay of their own ([`ServerView`]).
//!
//! Every fetch is a background job ([`Job::Remote`]) whose answer comes back through
//! [`AppState::handle`] as [`Input::Remote`](super::Input::Remote); nothing here waits for the
//! server.

use super::palette::Job;
use super::{AppState, Corpus, Effect, Overlay, Pane, Severity};
use crate::action::Action;
use crate::keymap::KeyChord;
use crate::store::Bookmark;
use crate::team::corpus::{EntityCount, Hit, SourceCount};
use crate::team::paged::{Answer, PAGE, Remote, Request, Row, Window};

/// Lines of title an article has in the server's list (a shorter title is padded, so that
/// every row has the same height and paging needs no titles).
pub const TITLE_LINES: usize = 2;

/// Rows one article takes in the server's list: title, byline, counts.
pub const ROW_HEIGHT: usize = TITLE_LINES + 2;

/// The list of the server's corpus and the state of its fetches.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteList {
    /// The server.
    pub remote: Remote,
    /// The pages of the list held near the view.
    pub window: Window,
    /// The list position whose article is being fetched.
    pub loading: Option<usize>,
    /// The list position of the article held in the corpus.
    pub open: Option<usize>,
    /// Numbers the search requests, so that an older answer is dropped.
    generation: u64,
    /// The last failure, shown in the list while nothing is held.
    pub error: Option<String>,
    /// A bookmark whose article is being looked up and fetched, to jump to when it comes.
    pub bookmark: Option<Bookmark>,
    /// The open article's id while its new list position is looked up (after others published).
    follow: Option<String>,
    /// When the articles were last counted ([`Clock::now`](super::Clock::now)).
    counted_at: i64,
}

/// Seconds between countings of the server's articles, so that what others publish shows.
pub const RECOUNT_SECS: i64 = 30;

impl RemoteList {
    /// A list over `remote`, not yet counted.
    pub fn new(remote: Remote) -> RemoteList {
        RemoteList {
            remote,
            window: Window::default(),
            loading: None,
            open: None,
            generation: 0,
            error: None,
            bookmark: None,
            follow: None,
            counted_at: 0,
        }
    }
}

/// What a [`ServerView`] lists.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerRows {
    /// Hits of the search typed.
    Search {
        /// The query as typed.
        query: String,
        /// The generation of the search under way, if any.
        searching: Option<u64>,
        /// Hits of the last answer.
        hits: Vec<Hit>,
    },
    /// The entity index.
    Entities(Option<Vec<EntityCount>>),
    /// The sources.
    Sources(Option<Vec<SourceCount>>),
}

/// An overlay over the server's corpus: search, entity index or sources.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerView {
    /// What is listed.
    pub rows: ServerRows,
    /// Selected row.
    pub selected: usize,
    /// Why the last request failed, if it did.
    pub error: Option<String>,
}

// Scores compare as numbers; a NaN score never comes from the server's ranking.
impl Eq for ServerView {}

impl ServerView {
    /// Number of rows listed.
    pub fn len(&self) -> usize {
        match &self.rows {
            ServerRows::Search { hits, .. } => hits.len(),
            ServerRows::Entities(rows) => rows.as_ref().map_or(0, Vec::len),
            ServerRows::Sources(rows) => rows.as_ref().map_or(0, Vec::len),
        }
    }

    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True while the answer is awaited.
    pub fn is_waiting(&self) -> bool {
        self.error.is_none()
            && match &self.rows {
                ServerRows::Search { searching, .. } => searching.is_some(),
                ServerRows::Entities(rows) => rows.is_none(),
                ServerRows::Sources(rows) => rows.is_none(),
            }
    }
}

impl AppState {
    /// Reads the corpus published on `remote` instead of a local one: counts it, then pages.
    /// The returned effects start the fetches.
    pub fn read_published(&mut self, remote: Remote) -> Vec<Effect> {
        self.corpus = Corpus::default();
        self.list.selected = 0;
        self.list.top = 0;
        let request = Job::Remote(RemoteJob {
            remote: remote.clone(),
            request: Request::Count,
        });
        let mut list = RemoteList::new(remote);
        list.counted_at = self.time.now;
        self.remote = Some(Box::new(list));
        self.emit(Effect::Background(request));
        self.take_effects()
    }

    /// Index into [`AppState::corpus`] of the open article: the selection for a local corpus,
    /// the one entry held when reading the server's.
    pub(crate) fn open_index(&self) -> usize {
        if self.remote.is_some() {
            0
        } else {
            self.list.selected
        }
    }

    /// Number of articles in the list.
    pub fn list_len(&self) -> usize {
        match &self.remote {
            Some(r) => r.window.total.unwrap_or(0),
            None => self.corpus.len(),
        }
    }

    /// The server's list row at `position`, when reading the server's corpus and its page is
    /// held.
    pub fn remote_row(&self, position: usize) -> Option<&Row> {
        self.remote.as_ref()?.window.row(position)
    }

    fn ask(&mut self, request: Request) {
        if let Some(r) = &self.remote {
            let job = Job::Remote(RemoteJob {
                remote: r.remote.clone(),
                request,
            });
            self.emit(Effect::Background(job));
        }
    }

    /// Asks for the pages around the list's view and for the selected article when its row is
    /// known and it is neither held nor on its way.
    pub(crate) fn fetch_around_view(&mut self) {
        let visible = self.pane_rows(Pane::List) / ROW_HEIGHT + 1;
        let (from, to) = (
            self.list.top.saturating_sub(PAGE / 2),
            self.list.top.max(self.list.selected) + visible + PAGE / 2,
        );
        let selected = self.list.selected;
        let Some(r) = self.remote.as_mut() else {
            return;
        };
        let mut requests = r.window.wanted(from, to);
        if r.open != Some(selected)
            && r.loading != Some(selected)
            && let Some(row) = r.window.row(selected)
        {
            r.loading = Some(selected);
            requests.push(Request::Article {
                position: selected,
                id: row.id.clone(),
            });
        }
        for request in requests {
            self.ask(request);
        }
    }

    /// Opens the article at list position `index` (clamped to the list): its text and analysis
    /// are fetched, and the reading pane shows it when they come.
    pub(crate) fn select_remote(&mut self, index: isize) {
        let len = self.list_len();
        if len == 0 {
            return;
        }
        let index = index.clamp(0, len as isize - 1) as usize;
        if index != self.list.selected {
            self.move_selection_to(index);
            self.corpus = Corpus::default();
            if let Some(r) = self.remote.as_mut() {
                r.open = None;
            }
            self.relayout(false);
        }
        self.keep_list_visible();
        self.fetch_around_view();
    }

    /// Counts the server's articles again every [`RECOUNT_SECS`], so that articles others
    /// publish join the list (on the clock's tick).
    pub(crate) fn recount_remote(&mut self) {
        let now = self.time.now;
        let Some(r) = self.remote.as_mut() else {
            return;
        };
        if now < r.counted_at.saturating_add(RECOUNT_SECS) {
            return;
        }
        r.counted_at = now;
        self.ask(Request::Count);
    }

    /// Looks the article of bookmark `b` up on the server and opens it at the bookmark when it
    /// comes.
    pub(crate) fn find_on_server(&mut self, b: Bookmark) {
        let id = b.article.0.clone();
        if let Some(r) = self.remote.as_mut() {
            r.bookmark = Some(b);
        }
        self.ask(Request::Locate { id });
    }

    /// Takes an answer of the server.
    pub(crate) fn take_remote(&mut self, answer: Answer) {
        match answer {
            Answer::Count(Ok(n)) => {
                let open_id = self.corpus.first().map(|e| e.article.id.0.clone());
                let Some(r) = self.remote.as_mut() else {
                    return;
                };
                if r.window.total == Some(n) {
                    return;
                }
                // Articles were added (anywhere in the list's order): the pages held are
                // stale, and the open article may have moved down.
                let first = r.window.total.is_none();
                r.window.total = Some(n);
                r.window.clear();
                let follow = r.open.and(open_id);
                r.follow.clone_from(&follow);
                if let Some(id) = follow {
                    self.ask(Request::Locate { id });
                }
                if n == 0 && first {
                    self.notify(
                        "the team server holds no published articles (dossier publish PATH…)",
                        Severity::Info,
                    );
                }
                self.keep_list_visible();
                self.fetch_around_view();
            }
            Answer::Count(Err(e)) => self.server_failed(e),
            Answer::Page { page, rows } => match rows {
                Ok(rows) => {
                    let selected = self.list.selected;
                    if let Some(r) = self.remote.as_mut() {
                        r.window.insert(page, rows, selected);
                        r.error = None;
                    }
                    self.fetch_around_view();
                }
                Err(e) => {
                    if let Some(r) = self.remote.as_mut() {
                        r.window.failed(page);
                    }
                    self.server_failed(e);
                }
            },
            Answer::Article {
                position,
                id,
                result,
            } => {
                let Some(r) = self.remote.as_mut() else {
                    return;
                };
                if r.loading == Some(position) {
                    r.loading = None;
                }
                if position != self.list.selected
                    || r.window.row(position).is_some_and(|row| row.id != id)
                {
                    // The user moved on meanwhile.
                    return;
                }
                match result {
                    Ok(Some(pair)) => {
                        r.open = Some(position);
                        let bookmark = r.bookmark.take().filter(|b| b.article.0 == id);
                        let (article, analysis) = *pair;
                        self.corpus = Corpus::from_pairs([(article, analysis)]);
                        self.reader = super::ReaderState::default();
                        self.relayout(false);
                        self.after_reader_move();
                        if let Some(b) = bookmark {
                            self.jump_to_bookmark(&b);
                        }
                    }
                    Ok(None) => self.notify(
                        "that article is no longer on the team server",
                        Severity::Warning,
                    ),
                    Err(e) => self.server_failed(e),
                }
            }
            Answer::Located { id, result } => {
                let Some(r) = self.remote.as_mut() else {
                    return;
                };
                if r.follow.as_deref() == Some(id.as_str()) {
                    // The open article's new place: the selection follows it, nothing is
                    // fetched again.
                    r.follow = None;
                    if let Ok(Some(position)) = result
                        && r.open == Some(self.list.selected)
                    {
                        r.open = Some(position);
                        self.list.selected = position;
                        self.keep_list_visible();
                    }
                    self.fetch_around_view();
                    return;
                }
                if !matches!(result, Ok(Some(_)))
                    && r.bookmark.as_ref().is_some_and(|b| b.article.0 == id)
                {
                    r.bookmark = None;
                }
                match result {
                    Ok(Some(position)) => {
                        self.select_remote(position as isize);
                        self.screen.focus = Pane::Reader;
                    }
                    Ok(None) => self.notify(
                        format!("article {id} is no longer on the team server"),
                        Severity::Warning,
                    ),
                    Err(e) => self.server_failed(e),
                }
            }
            Answer::Found { generation, result } => {
                let Some(Overlay::Server(view)) = &mut self.overlays.open else {
                    return;
                };
                let ServerRows::Search {
                    searching, hits, ..
                } = &mut view.rows
                else {
                    return;
                };
                if *searching != Some(generation) {
                    return;
                }
                *searching = None;
                match result {
                    Ok(found) => {
                        *hits = found;
                        view.error = None;
                    }
                    Err(e) => view.error = Some(e),
                }
                view.selected = view.selected.min(view.len().saturating_sub(1));
            }
            Answer::Entities(result) => {
                if let Some(Overlay::Server(view)) = &mut self.overlays.open
                    && let ServerRows::Entities(rows) = &mut view.rows
                {
                    match result {
                        Ok(found) => *rows = Some(found),
                        Err(e) => view.error = Some(e),
                    }
                }
            }
            Answer::Sources(result) => {
                if let Some(Overlay::Server(view)) = &mut self.overlays.open
                    && let ServerRows::Sources(rows) = &mut view.rows
                {
                    match result {
                        Ok(found) => *rows = Some(found),
                        Err(e) => view.error = Some(e),
                    }
                }
            }
        }
    }

    fn server_failed(&mut self, message: String) {
        let repeated = self
            .remote
            .as_ref()
            .is_some_and(|r| r.error.as_deref() == Some(message.as_str()));
        if let Some(r) = self.remote.as_mut() {
            r.error = Some(message.clone());
        }
        if !repeated {
            self.notify(message, Severity::Warning);
        }
    }

    /// Actions that mean something else when reading the server's corpus; false lets the
    /// action through to the usual handling.
    pub(crate) fn act_remote(&mut self, action: Action) -> bool {
        if self.remote.is_none() {
            return false;
        }
        if let Some(Overlay::Server(_)) = &self.overlays.open {
            self.act_in_server_view(action);
            return true;
        }
        if self.overlays.open.is_some() {
            return false;
        }
        match action {
            Action::OpenPalette | Action::SearchCorpus => self.open_server_search(""),
            Action::ShowEntityIndex => {
                self.open_server_view(ServerRows::Entities(None), Request::Entities)
            }
            Action::ShowSources => {
                self.open_server_view(ServerRows::Sources(None), Request::Sources)
            }
            Action::ShowTimeline | Action::ShowClaimGroup => {
                let hint = self.key_suggestion(Action::OpenPalette, "to search it");
                self.notify(
                    format!(
                        "the timeline and claim groups need a local corpus; the published corpus has search, entities and sources{hint}"
                    ),
                    Severity::Info,
                );
            }
            Action::NextArticle => self.select_remote(self.list.selected as isize + 1),
            Action::PrevArticle => self.select_remote(self.list.selected as isize - 1),
            _ => return false,
        }
        true
    }

    fn open_server_view(&mut self, rows: ServerRows, request: Request) {
        self.overlays.open = Some(Overlay::Server(Box::new(ServerView {
            rows,
            selected: 0,
            error: None,
        })));
        self.ask(request);
    }

    /// Opens the search over the server's corpus with `query` typed.
    pub(crate) fn open_server_search(&mut self, query: &str) {
        self.overlays.open = Some(Overlay::Server(Box::new(ServerView {
            rows: ServerRows::Search {
                query: String::new(),
                searching: None,
                hits: Vec::new(),
            },
            selected: 0,
            error: None,
        })));
        self.set_server_query(query.to_string());
    }

    fn set_server_query(&mut self, query: String) {
        let Some(r) = self.remote.as_mut() else {
            return;
        };
        r.generation += 1;
        let generation = r.generation;
        let Some(Overlay::Server(view)) = &mut self.overlays.open else {
            return;
        };
        let ServerRows::Search {
            query: typed,
            searching,
            hits,
        } = &mut view.rows
        else {
            return;
        };
        *typed = query.clone();
        view.selected = 0;
        view.error = None;
        if query.trim().is_empty() {
            *searching = None;
            hits.clear();
            return;
        }
        *searching = Some(generation);
        self.ask(Request::Search { generation, query });
    }

    /// A key typed into the server search.
    pub(crate) fn type_into_server_search(&mut self, chord: KeyChord) {
        if let Some(Overlay::Server(view)) = &self.overlays.open
            && let ServerRows::Search { query, .. } = &view.rows
        {
            let mut query = query.clone();
            if super::palette::edit_line(&mut query, chord) {
                self.set_server_query(query);
            }
        }
    }

    fn act_in_server_view(&mut self, action: Action) {
        let page = usize::from(self.screen.size.1 / 2).max(1) as isize;
        let delta = match action {
            Action::Close | Action::OpenPalette => {
                self.overlays.open = None;
                return;
            }
            Action::Quit => {
                self.request_quit();
                return;
            }
            Action::OpenSelected => {
                self.accept_server_view();
                return;
            }
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown | Action::HalfPageDown => page,
            Action::PageUp | Action::HalfPageUp => -page,
            Action::GoTop => isize::MIN / 2,
            Action::GoBottom => isize::MAX / 2,
            _ => return,
        };
        if let Some(Overlay::Server(view)) = &mut self.overlays.open {
            let n = view.len();
            if n > 0 {
                view.selected = (view.selected as isize)
                    .saturating_add(delta)
                    .clamp(0, n as isize - 1) as usize;
            }
        }
    }

    /// Enter in a server view: a search hit opens its article, an entity or an outlet is
    /// searched for.
    fn accept_server_view(&mut self) {
        let Some(Overlay::Server(view)) = &self.overlays.open else {
            return;
        };
        let selected = view.selected;
        match &view.rows {
            ServerRows::Search { hits, .. } => {
                let Some(hit) = hits.get(selected) else {
                    return;
                };
                let id = hit.id.clone();
                self.overlays.open = None;
                // The row under the view may already be this article.
                if self
                    .remote_row(self.list.selected)
                    .is_some_and(|r| r.id == id)
                {
                    self.screen.focus = Pane::Reader;
                    return;
                }
                self.ask(Request::Locate { id });
            }
            ServerRows::Entities(Some(rows)) => {
                if let Some(e) = rows.get(selected) {
                    let query = format!("\"{}\"", e.name);
                    self.open_server_search(&query);
                }
            }
            ServerRows::Sources(Some(rows)) => {
                if let Some(s) = rows.get(selected).filter(|s| !s.outlet.is_empty()) {
                    let query = format!("\"{}\"", s.outlet);
                    self.open_server_search(&query);
                }
            }
            _ => {}
        }
    }
}

/// A request to the team server, carried out off the UI thread.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteJob {
    /// The server.
    pub remote: Remote,
    /// What to fetch.
    pub request: Request,
}
