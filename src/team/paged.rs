//! The published corpus read page by page, for the reader's `--published` mode: the list in
//! the order of source paths (as a local corpus is listed), fetched one page of [`PAGE`] rows at
//! a time by keyset paging, only around the view, and forgotten again when the view moves on;
//! articles fetched one at a time when opened; search and aggregations run as SQL.
//!
//! [`Window`] is the reader's sparse view of the list (which pages it holds and which it has
//! asked for); [`Remote::answer`] carries out one [`Request`] on a pooled connection. Both are
//! plain data and IO only, without terminal crates.

use super::corpus::{EntityCount, Hit, SourceCount};
use super::{Pool, Pooled, TeamError};
use crate::model::{Analysis, Article};
use postgres::{CancelToken, Client};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// Rows in one page of the list.
pub const PAGE: usize = 64;

/// Pages kept on each side of the view; farther ones are dropped, so that memory stays bounded
/// however far the user scrolls.
pub const KEEP_PAGES: usize = 4;

/// Most entities or sources fetched for one view.
pub const VIEW_LIMIT: i64 = 200;

/// Most search hits fetched for one query (each carries an excerpt the server cuts out).
pub const SEARCH_LIMIT: i64 = 50;

/// One row of the server's article list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Article id.
    pub id: String,
    /// Source path, the list's order.
    pub source: String,
    /// Title.
    pub title: String,
    /// Outlet, empty when unknown.
    pub outlet: String,
    /// Publication date (ISO, possibly partial).
    pub published: Option<String>,
    /// Claims found in the article.
    pub claims: usize,
}

/// Where a page starts, relative to what is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// Right after this (source, id): the page after one held (keyset paging).
    After(String, String),
    /// Right before this (source, id): the page before one held.
    Before(String, String),
    /// At this row number, with no neighbour held (a jump; costs a scan of the index up to it).
    Offset(usize),
    /// The last this many rows (the end of the list, read backwards from it).
    Last(usize),
    /// The page that ends this many rows before the end of the list, with no neighbour held (a
    /// jump into the list's second half: counted back from the end rather than on from the
    /// start).
    FromEnd(usize),
}

/// What the reader asks of the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The number of articles.
    Count,
    /// Page `page` of the list (rows `page * PAGE ..`).
    Page {
        /// The page number.
        page: usize,
        /// Where it starts.
        from: From,
    },
    /// The article at list position `position`, with its analysis.
    Article {
        /// Its position in the list.
        position: usize,
        /// Its id.
        id: String,
    },
    /// The list position of an article (to open a search hit).
    Locate {
        /// The article id.
        id: String,
    },
    /// A palette query.
    Search {
        /// Tags the answer, so that one to an older query is dropped.
        generation: u64,
        /// The query as typed.
        query: String,
    },
    /// The entity index, as an aggregation.
    Entities,
    /// The sources view, as an aggregation.
    Sources,
}

/// The server's answer to a [`Request`]; failures carry the error's message.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The number of articles.
    Count(Result<usize, String>),
    /// A page of the list.
    Page {
        /// The page number.
        page: usize,
        /// Its rows.
        rows: Result<Vec<Row>, String>,
    },
    /// An article (None when it is no longer on the server).
    Article {
        /// The list position it was asked for at.
        position: usize,
        /// Its id.
        id: String,
        /// The article and its analysis.
        result: Result<Option<Box<(Article, Analysis)>>, String>,
    },
    /// The list position of an article (None when it is not on the server).
    Located {
        /// The article id.
        id: String,
        /// Its position.
        result: Result<Option<usize>, String>,
    },
    /// Hits of a palette query.
    Found {
        /// The generation of the request.
        generation: u64,
        /// The hits, best first.
        result: Result<Vec<Hit>, String>,
    },
    /// The entity index.
    Entities(Result<Vec<EntityCount>, String>),
    /// The sources.
    Sources(Result<Vec<SourceCount>, String>),
}

/// The server the reader pages from: a pool of connections shared by the background jobs.
#[derive(Clone)]
pub struct Remote {
    pool: Arc<Pool>,
    /// The search running on the server, by generation, with what cancels it: a newer search
    /// cancels an older one still running, so typing fast never queues searches up.
    search: Arc<Mutex<Option<(u64, CancelToken)>>>,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Remote({})", self.pool.settings().server)
    }
}

impl PartialEq for Remote {
    fn eq(&self, other: &Remote) -> bool {
        Arc::ptr_eq(&self.pool, &other.pool)
    }
}

impl Remote {
    /// Pages from the server `pool` connects to.
    pub fn new(pool: Pool) -> Remote {
        Remote {
            pool: Arc::new(pool),
            search: Arc::new(Mutex::new(None)),
        }
    }

    /// `host:port/db`, for the status line.
    pub fn server(&self) -> &str {
        &self.pool.settings().server
    }

    /// Carries out one request on a pooled connection.
    pub fn answer(&self, request: Request) -> Answer {
        let mut client = self.pool.get().map_err(|e| e.to_string());
        match request {
            Request::Count => Answer::Count(on(&mut client, count)),
            Request::Page { page, from } => Answer::Page {
                page,
                rows: on(&mut client, |c| rows(c, &from)),
            },
            Request::Article { position, id } => {
                let result = on(&mut client, |c| super::corpus::fetch(c, &id));
                Answer::Article {
                    position,
                    id,
                    result: result.map(|found| found.map(Box::new)),
                }
            }
            Request::Locate { id } => {
                let result = on(&mut client, |c| locate(c, &id));
                Answer::Located { id, result }
            }
            Request::Search { generation, query } => {
                self.cancel_older(generation);
                Answer::Found {
                    generation,
                    result: on(&mut client, |c| {
                        self.set_search(generation, Some(c.cancel_token()));
                        let found = super::corpus::search(c, &query, SEARCH_LIMIT);
                        self.set_search(generation, None);
                        found
                    }),
                }
            }
            Request::Entities => Answer::Entities(on(&mut client, |c| {
                super::corpus::entities(c, None, None, VIEW_LIMIT)
            })),
            Request::Sources => {
                Answer::Sources(on(&mut client, |c| super::corpus::sources(c, VIEW_LIMIT)))
            }
        }
    }
}

impl Remote {
    /// Cancels the search running on the server when it is older than `generation`. The lock
    /// is held while cancelling, so the search cannot finish and its connection take up other
    /// work meanwhile (a cancel that arrives between queries is ignored by the server).
    fn cancel_older(&self, generation: u64) {
        let Ok(mut running) = self.search.lock() else {
            return;
        };
        if let Some((_, token)) = running.take_if(|(g, _)| *g < generation) {
            // The search fails with "canceling statement due to user request", an answer the
            // reader drops as it is for an old generation; failing to cancel leaves it to run.
            let _ = self.pool.settings().cancel(&token);
        }
    }

    /// Records the search `generation` as running (with what cancels it) or as ended.
    fn set_search(&self, generation: u64, token: Option<CancelToken>) {
        if let Ok(mut running) = self.search.lock() {
            match token {
                Some(token) => *running = Some((generation, token)),
                None => {
                    running.take_if(|(g, _)| *g == generation);
                }
            }
        }
    }
}

/// Runs `f` on the connection, or passes on why there is none; errors become their messages.
fn on<T>(
    client: &mut Result<Pooled<'_>, String>,
    f: impl FnOnce(&mut Client) -> Result<T, TeamError>,
) -> Result<T, String> {
    match client {
        Ok(c) => f(c).map_err(|e| e.to_string()),
        Err(e) => Err(e.clone()),
    }
}

/// Number of articles on the server.
pub fn count(client: &mut Client) -> Result<usize, TeamError> {
    Ok(usize::try_from(super::corpus::count(client)?).unwrap_or(0))
}

/// The columns of a list row, around a query of `articles` that picks and orders the rows (the
/// claim count is a column written at publishing, so no analysis is read for a page).
fn row_query(inner: &str) -> String {
    format!(
        "SELECT id, source, title, coalesce(outlet, ''), published, claims::int8 \
         FROM (SELECT id, source, title, outlet, published, claims FROM articles {inner}) page \
         ORDER BY source COLLATE \"C\", id"
    )
}

/// One page of rows in list order (source path, then id), starting as `from` says.
pub fn rows(client: &mut Client, from: &From) -> Result<Vec<Row>, TeamError> {
    let limit = PAGE as i64;
    let found = match from {
        From::After(source, id) => client.query(
            &row_query(
                "WHERE (source COLLATE \"C\", id) > ($1, $2) \
                 ORDER BY source COLLATE \"C\", id LIMIT $3",
            ),
            &[source, id, &limit],
        )?,
        From::Before(source, id) => client.query(
            &row_query(
                "WHERE (source COLLATE \"C\", id) < ($1, $2) \
                     ORDER BY source COLLATE \"C\" DESC, id DESC LIMIT $3",
            ),
            &[source, id, &limit],
        )?,
        From::Last(n) => {
            let n = i64::try_from(*n).unwrap_or(i64::MAX).min(limit);
            client.query(
                &row_query("ORDER BY source COLLATE \"C\" DESC, id DESC LIMIT $1"),
                &[&n],
            )?
        }
        From::FromEnd(skip) => {
            let skip = i64::try_from(*skip).unwrap_or(i64::MAX);
            client.query(
                &row_query(
                    "WHERE (source COLLATE \"C\", id) <= \
                         (SELECT source COLLATE \"C\", id FROM articles \
                          ORDER BY source COLLATE \"C\" DESC, id DESC OFFSET $1 LIMIT 1) \
                     ORDER BY source COLLATE \"C\" DESC, id DESC LIMIT $2",
                ),
                &[&skip, &limit],
            )?
        }
        From::Offset(offset) => {
            // The rows skipped are counted on the list index alone (an index-only scan of
            // keys), and only the page's rows are read from the table.
            let offset = i64::try_from(*offset).unwrap_or(i64::MAX);
            client.query(
                &row_query(
                    "WHERE (source COLLATE \"C\", id) >= \
                         (SELECT source COLLATE \"C\", id FROM articles \
                          ORDER BY source COLLATE \"C\", id OFFSET $1 LIMIT 1) \
                     ORDER BY source COLLATE \"C\", id LIMIT $2",
                ),
                &[&offset, &limit],
            )?
        }
    };
    Ok(found
        .iter()
        .map(|r| Row {
            id: r.get(0),
            source: r.get(1),
            title: r.get(2),
            outlet: r.get(3),
            published: r.get(4),
            claims: usize::try_from(r.get::<_, i64>(5)).unwrap_or(0),
        })
        .collect())
}

/// The list position of article `id`, or None when the server does not hold it.
pub fn locate(client: &mut Client, id: &str) -> Result<Option<usize>, TeamError> {
    let row = client.query_opt(
        "SELECT (SELECT count(*) FROM articles b \
                 WHERE (b.source COLLATE \"C\", b.id) < (a.source COLLATE \"C\", a.id)) \
         FROM articles a WHERE a.id = $1",
        &[&id],
    )?;
    Ok(row.map(|r| usize::try_from(r.get::<_, i64>(0)).unwrap_or(0)))
}

/// The reader's sparse view of the server's list: the number of articles, the pages held (only
/// near the view) and the pages asked for and not yet come.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    /// Articles on the server, once counted.
    pub total: Option<usize>,
    pages: BTreeMap<usize, Vec<Row>>,
    asked: BTreeSet<usize>,
}

impl Window {
    /// The row at list position `position`, when its page is held.
    pub fn row(&self, position: usize) -> Option<&Row> {
        self.pages
            .get(&(position / PAGE))
            .and_then(|rows| rows.get(position % PAGE))
    }

    /// Rows held, over all pages (what the reader keeps in memory of the list).
    pub fn held(&self) -> usize {
        self.pages.values().map(Vec::len).sum()
    }

    /// Requests for the pages covering positions `from..=to` that are neither held nor asked
    /// for, marking them asked. A page next to one held starts from that page's edge (keyset);
    /// others start at their offset.
    pub fn wanted(&mut self, from: usize, to: usize) -> Vec<Request> {
        let Some(total) = self.total.filter(|&t| t > 0) else {
            return Vec::new();
        };
        let last = (total - 1) / PAGE;
        let mut out = Vec::new();
        for page in from / PAGE..=(to / PAGE).min(last) {
            if self.pages.contains_key(&page) || self.asked.contains(&page) {
                continue;
            }
            let before = page
                .checked_sub(1)
                .and_then(|p| self.pages.get(&p))
                .and_then(|rows| rows.last().filter(|_| rows.len() == PAGE));
            let after = self.pages.get(&(page + 1)).and_then(|rows| rows.first());
            let start = if page == 0 {
                From::Offset(0)
            } else if page == last && before.is_none() {
                From::Last(total - page * PAGE)
            } else if let Some(r) = before {
                From::After(r.source.clone(), r.id.clone())
            } else if let Some(r) = after {
                From::Before(r.source.clone(), r.id.clone())
            } else if 2 * page * PAGE >= total {
                From::FromEnd(total - (page + 1) * PAGE)
            } else {
                From::Offset(page * PAGE)
            };
            self.asked.insert(page);
            out.push(Request::Page { page, from: start });
        }
        out
    }

    /// Takes a page that arrived, and drops the pages farther than [`KEEP_PAGES`] from the one
    /// holding `view`.
    pub fn insert(&mut self, page: usize, rows: Vec<Row>, view: usize) {
        self.asked.remove(&page);
        self.pages.insert(page, rows);
        let here = view / PAGE;
        self.pages.retain(|&p, _| p.abs_diff(here) <= KEEP_PAGES);
    }

    /// A page could not be fetched: it may be asked for again.
    pub fn failed(&mut self, page: usize) {
        self.asked.remove(&page);
    }

    /// Forgets every page (after the server's corpus changed under the view).
    pub fn clear(&mut self) {
        self.pages.clear();
        self.asked.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize) -> Row {
        Row {
            id: format!("id{n:05}"),
            source: format!("s{n:05}.txt"),
            title: format!("Title {n}"),
            outlet: String::new(),
            published: None,
            claims: 0,
        }
    }

    fn page(p: usize) -> Vec<Row> {
        (p * PAGE..(p + 1) * PAGE).map(row).collect()
    }

    #[test]
    fn nothing_is_asked_before_the_count() {
        let mut w = Window::default();
        assert!(w.wanted(0, 10).is_empty());
    }

    #[test]
    fn pages_next_to_held_ones_start_at_their_edge() {
        let mut w = Window {
            total: Some(10 * PAGE),
            ..Window::default()
        };
        assert_eq!(
            w.wanted(0, 5),
            [Request::Page {
                page: 0,
                from: From::Offset(0)
            }]
        );
        // Asked once only.
        assert!(w.wanted(0, 5).is_empty());
        w.insert(0, page(0), 0);
        let last = row(PAGE - 1);
        assert_eq!(
            w.wanted(PAGE, PAGE + 3),
            [Request::Page {
                page: 1,
                from: From::After(last.source, last.id)
            }]
        );
        w.insert(5, page(5), 5 * PAGE);
        let first = row(5 * PAGE);
        assert_eq!(
            w.wanted(4 * PAGE, 4 * PAGE),
            [Request::Page {
                page: 4,
                from: From::Before(first.source, first.id)
            }]
        );
        assert_eq!(
            w.wanted(8 * PAGE + 1, 100 * PAGE),
            [
                Request::Page {
                    page: 8,
                    from: From::FromEnd(PAGE)
                },
                Request::Page {
                    page: 9,
                    from: From::Last(PAGE)
                }
            ]
        );
        assert_eq!(w.row(5 * PAGE + 2), Some(&row(5 * PAGE + 2)));
        assert_eq!(w.row(3 * PAGE), None);
    }

    #[test]
    fn a_jump_counts_from_the_nearer_end_of_the_list() {
        let mut w = Window {
            total: Some(100 * PAGE + 5),
            ..Window::default()
        };
        assert_eq!(
            w.wanted(30 * PAGE, 30 * PAGE),
            [Request::Page {
                page: 30,
                from: From::Offset(30 * PAGE)
            }]
        );
        // Page 98 ends PAGE + 5 rows before the end: page 99 is full, the last (100) holds 5.
        assert_eq!(
            w.wanted(98 * PAGE, 98 * PAGE),
            [Request::Page {
                page: 98,
                from: From::FromEnd(PAGE + 5)
            }]
        );
    }

    #[test]
    fn pages_far_from_the_view_are_dropped() {
        let mut w = Window {
            total: Some(100 * PAGE),
            ..Window::default()
        };
        for p in 0..30 {
            w.insert(p, page(p), p * PAGE);
        }
        assert!(w.held() <= (2 * KEEP_PAGES + 1) * PAGE, "{}", w.held());
        assert!(w.row(29 * PAGE).is_some());
        assert!(w.row(0).is_none());
    }

    #[test]
    fn a_failed_page_is_asked_for_again() {
        let mut w = Window {
            total: Some(PAGE),
            ..Window::default()
        };
        assert_eq!(w.wanted(0, 0).len(), 1);
        w.failed(0);
        assert_eq!(w.wanted(0, 0).len(), 1);
    }
}
