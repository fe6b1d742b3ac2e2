//! Taking notes out: bookmarks and notes grouped by article, with the current (re-anchored)
//! quote and a citation, as Markdown for a notes app, JSON, W3C Web Annotations, CSL-JSON,
//! BibTeX or an Org outline (one submodule per format), and reading annotations back in.
//!
//! Pure functions; the export date is passed in. Must not import `ratatui`, `crossterm` or
//! `directories`.

pub mod bibtex;
pub mod citekey;
pub mod csl;
pub mod import;
pub mod link;
pub mod markdown;
pub mod org;
pub mod time;
pub mod w3c;

pub use markdown::to_markdown;

use crate::model::{Article, ArticleId, PartialDate, Span};
use crate::store::{Anchor, Bookmark, Resolution, find_article, make_anchor, resolve};
use serde_json::{Value, json};

/// The metadata of an article needed to cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    /// Content hash (of the current file, or as stored in the bookmark when it is gone).
    pub id: ArticleId,
    /// Path or `seeds/NAME`.
    pub source: String,
    /// Title.
    pub title: String,
    /// Authors in order.
    pub authors: Vec<String>,
    /// Outlet or publication.
    pub outlet: Option<String>,
    /// Publication date.
    pub date: Option<PartialDate>,
    /// DOI without the resolver prefix.
    pub doi: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// False when the article is no longer in the corpus (only the bookmark's copy is known).
    pub found: bool,
}

impl ArticleMeta {
    /// The metadata of a loaded article.
    pub fn from_article(a: &Article) -> Self {
        ArticleMeta {
            id: a.id.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            outlet: a.outlet.clone(),
            date: a.date,
            doi: a.doi.clone(),
            url: a.url.clone(),
            found: true,
        }
    }

    /// What a bookmark remembers of an article that is no longer in the corpus.
    pub fn from_bookmark(b: &Bookmark) -> Self {
        ArticleMeta {
            id: b.article.clone(),
            source: b.source.clone(),
            title: b.title.clone(),
            authors: Vec::new(),
            outlet: None,
            date: None,
            doi: None,
            url: None,
            found: false,
        }
    }

    /// The link to cite: `https://doi.org/<doi>` when there is a DOI, else the URL.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
            (None, Some(url)) => Some(url.clone()),
            (None, None) => None,
        }
    }

    /// One-line citation: authors, "title", outlet, date, DOI link or URL (missing parts left out).
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if !self.authors.is_empty() {
            parts.push(self.authors.join(", "));
        }
        parts.push(format!("\"{}\"", one_line(&self.title)));
        if let Some(outlet) = &self.outlet {
            parts.push(outlet.clone());
        }
        if let Some(date) = &self.date {
            parts.push(date.to_string());
        }
        if let Some(link) = self.link() {
            parts.push(link);
        }
        parts.join(", ")
    }
}

/// One-line citation of an article: authors, "title", outlet, date, DOI link or URL.
pub fn citation(article: &Article) -> String {
    ArticleMeta::from_article(article).citation()
}

/// A bookmark with where it points now.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportBookmark {
    /// The stored bookmark.
    pub bookmark: Bookmark,
    /// Where its anchor resolves in the current article.
    pub resolution: Resolution,
    /// The current text at the resolved place, or the stored quote when orphaned.
    pub quote: String,
    /// Where it points now: the stored anchor when it is still exact or orphaned, else one
    /// rebuilt at the resolved place.
    pub anchor: Anchor,
    /// Character (not byte) positions of the resolved place, as W3C position selectors count.
    pub chars: Option<(usize, usize)>,
    /// 1-based number of the body block (paragraph, heading or list item) it lies in.
    pub paragraph: Option<usize>,
}

impl ExportBookmark {
    /// Byte offset of the passage in the article's current text (the stored hint when
    /// orphaned), for links back into the reader.
    pub fn offset(&self) -> usize {
        self.resolution
            .span()
            .map_or(self.anchor.start, |s| s.start)
    }
}

/// Index of the body block of `article` that holds byte `offset`.
fn block_at(article: &Article, offset: usize) -> Option<usize> {
    article
        .body
        .iter()
        .position(|b| b.span.start <= offset && offset < b.span.end.max(b.span.start + 1))
}

/// The anchor, character positions and block number of a bookmark resolved to `span`.
fn placed(article: &Article, stored: &Anchor, resolution: &Resolution, span: Span) -> ExportPlace {
    let block = block_at(article, span.start);
    let anchor = match resolution {
        Resolution::Exact(_) => stored.clone(),
        _ => make_anchor(article, block.unwrap_or(stored.block), span),
    };
    let text = article.text.as_str();
    let chars = text
        .get(..span.start)
        .zip(text.get(span.start..span.end))
        .map(|(before, inside)| {
            let start = before.chars().count();
            (start, start + inside.chars().count())
        });
    ExportPlace {
        anchor,
        chars,
        paragraph: block.map(|b| b + 1),
    }
}

struct ExportPlace {
    anchor: Anchor,
    chars: Option<(usize, usize)>,
    paragraph: Option<usize>,
}

/// An article and the bookmarks on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportArticle {
    /// What is needed to cite the article.
    pub meta: ArticleMeta,
    /// Its bookmarks in text order; orphaned ones last.
    pub bookmarks: Vec<ExportBookmark>,
}

/// Groups bookmarks by article and re-anchors each one. Articles come in corpus order; bookmarks
/// whose article is gone come last, grouped by their stored source, all marked orphaned.
pub fn collect(articles: &[Article], bookmarks: &[Bookmark]) -> Vec<ExportArticle> {
    let mut found: Vec<(usize, ExportArticle)> = Vec::new();
    let mut missing: Vec<ExportArticle> = Vec::new();
    for b in bookmarks {
        let (article, resolution) = match find_article(articles, b) {
            Some(a) => (Some(a), resolve(a, &b.anchor)),
            None => (None, Resolution::Orphaned),
        };
        let quote = match (article, resolution.span()) {
            (Some(a), Some(span)) => a.slice(span).to_string(),
            _ => b.anchor.quote.clone(),
        };
        let place = match (article, resolution.span()) {
            (Some(a), Some(span)) => placed(a, &b.anchor, &resolution, span),
            _ => ExportPlace {
                anchor: b.anchor.clone(),
                chars: None,
                paragraph: None,
            },
        };
        let item = ExportBookmark {
            bookmark: b.clone(),
            resolution,
            quote,
            anchor: place.anchor,
            chars: place.chars,
            paragraph: place.paragraph,
        };
        match article {
            Some(a) => {
                let index = articles
                    .iter()
                    .position(|x| std::ptr::eq(x, a))
                    .unwrap_or(usize::MAX);
                match found.iter_mut().find(|(i, _)| *i == index) {
                    Some((_, group)) => group.bookmarks.push(item),
                    None => found.push((
                        index,
                        ExportArticle {
                            meta: ArticleMeta::from_article(a),
                            bookmarks: vec![item],
                        },
                    )),
                }
            }
            None => match missing.iter_mut().find(|g| g.meta.source == b.source) {
                Some(group) => group.bookmarks.push(item),
                None => missing.push(ExportArticle {
                    meta: ArticleMeta::from_bookmark(b),
                    bookmarks: vec![item],
                }),
            },
        }
    }
    found.sort_by_key(|(i, _)| *i);
    let mut out: Vec<ExportArticle> = found.into_iter().map(|(_, g)| g).collect();
    out.extend(missing);
    for group in &mut out {
        group.bookmarks.sort_by_key(|e| {
            (
                e.resolution.span().map_or(usize::MAX, |s| s.start),
                e.bookmark.created,
            )
        });
    }
    out
}

/// The same data as [`to_markdown`] as JSON with stable field names.
pub fn to_json(items: &[ExportArticle], exported: i64) -> Value {
    let count: usize = items.iter().map(|g| g.bookmarks.len()).sum();
    let articles: Vec<Value> = items
        .iter()
        .map(|g| {
            let m = &g.meta;
            json!({
                "id": m.id.0,
                "source": m.source,
                "title": m.title,
                "authors": m.authors,
                "outlet": m.outlet,
                "date": m.date.map(|d| d.iso()),
                "doi": m.doi,
                "url": m.url,
                "link": m.link(),
                "citation": m.citation(),
                "found": m.found,
                "bookmarks": g
                    .bookmarks
                    .iter()
                    .map(|e| bookmark_json(e, &m.source))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "title": "dossier notes",
        "exported": iso_date(exported),
        "count": count,
        "articles": articles,
    })
}

fn bookmark_json(e: &ExportBookmark, source: &str) -> Value {
    let b = &e.bookmark;
    let score = match e.resolution {
        Resolution::Fuzzy { score, .. } => Some(score),
        _ => None,
    };
    json!({
        "id": b.id.0,
        "target": b.target.name(),
        "status": e.resolution.name(),
        "score": score,
        "span": e.resolution.span().map(|s| json!({"start": s.start, "end": s.end})),
        "quote": e.quote,
        "stored_quote": b.anchor.quote,
        "note": b.note,
        "created": b.created,
        "updated": b.updated,
        "paragraph": e.paragraph,
        "open": link::open_uri(source, e.offset()),
    })
}

/// `YYYY-MM-DD` (UTC) of a unix time.
pub fn iso_date(unix: i64) -> String {
    let (year, month, day) = crate::dates::civil_from_days(unix.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_converts_unix_seconds() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_700_000_000), "2023-11-14");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
    }

    #[test]
    fn citation_prefers_doi_and_skips_missing_parts() {
        let mut meta = ArticleMeta {
            id: ArticleId("x".into()),
            source: "x.txt".into(),
            title: "Titel\nzwei".into(),
            authors: vec!["A. B".into(), "C. D".into()],
            outlet: Some("Zeitschrift".into()),
            date: Some(PartialDate::ym(2024, 10)),
            doi: Some("10.1/abc".into()),
            url: Some("https://example.org".into()),
            found: true,
        };
        assert_eq!(
            meta.citation(),
            "A. B, C. D, \"Titel zwei\", Zeitschrift, 2024-10, https://doi.org/10.1/abc"
        );
        meta.doi = None;
        meta.authors.clear();
        meta.outlet = None;
        meta.date = None;
        assert_eq!(meta.citation(), "\"Titel zwei\", https://example.org");
    }
}
