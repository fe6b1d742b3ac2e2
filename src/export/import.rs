//! Annotations back in: each [`Incoming`] annotation is matched to an article of the corpus and
//! re-anchored by its quote selector with the store's own anchoring ([`resolve`]); one that
//! fits no article becomes an orphaned bookmark that keeps its quote, so nothing is dropped.
//!
//! The article is found by content id, path, target source (DOI link, URL or
//! `urn:dossier:article:`), title, and finally by where the quote occurs. Pure: no IO; the
//! clock is passed in.

use super::w3c::{ARTICLE_IRI, Incoming, bookmark_id};
use super::{ArticleMeta, one_line};
use crate::model::{Article, ArticleId, Span};
use crate::store::{Anchor, Bookmark, BookmarkId, Resolution, Target, make_anchor, resolve};

/// How an annotation was placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The bookmark to store.
    pub bookmark: Bookmark,
    /// Where its anchor resolves, `Orphaned` when it fits nowhere.
    pub resolution: Resolution,
    /// False when no article of the corpus matched.
    pub article_found: bool,
}

/// Places one annotation on `articles` and builds its bookmark.
pub fn place(articles: &[Article], a: &Incoming, now: i64) -> Placed {
    let quote = a.exact.clone().unwrap_or_default();
    let article = find(articles, a, &quote);
    let created = a.created.unwrap_or(now);
    let id = match a.id.as_deref() {
        Some(iri) => match bookmark_id(iri) {
            Some(own) => BookmarkId(own.to_string()),
            None => BookmarkId(format!("import-{}", sanitize_id(iri))),
        },
        None => BookmarkId::generate(now),
    };
    let mut note = a.note.clone();
    if !a.tags.is_empty() {
        if !note.is_empty() {
            note.push_str("\n\n");
        }
        note.push_str("Tags: ");
        note.push_str(&a.tags.join(", "));
    }
    let (start, end) = a.bytes.unwrap_or((0, 0));
    let mut anchor = Anchor {
        block: a.block.unwrap_or(0),
        start,
        end,
        quote,
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    };
    let (resolution, article_id, source, title) = match article {
        Some(art) => {
            let by_position = a.position.and_then(|(s, e)| byte_range(&art.text, s, e));
            if let Some((start, end)) = by_position {
                anchor.start = start;
                anchor.end = end;
            }
            let resolution = if anchor.quote.is_empty() && by_position.is_none() {
                Resolution::Orphaned
            } else {
                resolve(art, &anchor)
            };
            match resolution {
                Resolution::Exact(span) if a.block.is_none() => {
                    anchor.block = block_at(art, span).unwrap_or(0);
                }
                Resolution::Moved(span) | Resolution::Fuzzy { span, .. } => {
                    anchor = make_anchor(art, block_at(art, span).unwrap_or(anchor.block), span);
                }
                _ => {}
            }
            (
                resolution,
                art.id.clone(),
                art.source.clone(),
                art.title.clone(),
            )
        }
        None => {
            let id = a
                .article
                .clone()
                .or_else(|| {
                    a.source
                        .as_deref()
                        .and_then(|s| s.strip_prefix(ARTICLE_IRI))
                        .map(str::to_string)
                })
                .unwrap_or_default();
            let source = a
                .path
                .clone()
                .or_else(|| a.source.clone())
                .unwrap_or_default();
            let title = a
                .title
                .clone()
                .or_else(|| a.source.clone())
                .unwrap_or_else(|| "(unknown article)".into());
            (Resolution::Orphaned, ArticleId(id), source, title)
        }
    };
    let bookmark = Bookmark {
        id,
        article: article_id,
        source,
        title,
        target: a.marks.unwrap_or(Target::Sentence),
        anchor,
        note,
        created,
        updated: a.modified.unwrap_or(created).max(created),
    };
    Placed {
        bookmark,
        resolution,
        article_found: article.is_some(),
    }
}

fn find<'a>(articles: &'a [Article], a: &Incoming, quote: &str) -> Option<&'a Article> {
    let by = |f: &dyn Fn(&Article) -> bool| articles.iter().find(|x| f(x));
    if let Some(id) = &a.article
        && let Some(x) = by(&|x| x.id.0 == *id)
    {
        return Some(x);
    }
    if let Some(path) = &a.path
        && let Some(x) = by(&|x| x.source == *path)
    {
        return Some(x);
    }
    if let Some(source) = &a.source {
        let source = source.trim_end_matches('/');
        let found = by(&|x| {
            let meta = ArticleMeta::from_article(x);
            source.strip_prefix(ARTICLE_IRI) == Some(x.id.0.as_str())
                || meta.link().as_deref().map(|l| l.trim_end_matches('/')) == Some(source)
                || x.url.as_deref().map(|u| u.trim_end_matches('/')) == Some(source)
                || x.source == source
        });
        if found.is_some() {
            return found;
        }
    }
    if let Some(title) = &a.title
        && let Some(x) = by(&|x| one_line(&x.title) == one_line(title))
    {
        return Some(x);
    }
    if quote.is_empty() {
        return None;
    }
    // Last resort: the article that holds the quote, preferring one that also has its context.
    let with_context = format!("{}{quote}{}", a.prefix, a.suffix);
    by(&|x| x.text.contains(&with_context)).or_else(|| by(&|x| x.text.contains(quote)))
}

/// Byte range of character positions `start..end` in `text`, if both are inside it.
fn byte_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut bytes = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let s = bytes.nth(start)?;
    let e = if end == start {
        s
    } else {
        bytes.nth(end - start - 1)?
    };
    Some((s, e))
}

fn block_at(article: &Article, span: Span) -> Option<usize> {
    article
        .body
        .iter()
        .position(|b| b.span.start <= span.start && span.start < b.span.end.max(b.span.start + 1))
}

/// Keeps ids readable and safe as file-independent keys: letters, digits, `-`, `_`, `.`.
fn sanitize_id(id: &str) -> String {
    let tail = id
        .rsplit(['/', ':', '#'])
        .find(|s| !s.is_empty())
        .unwrap_or(id);
    tail.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    fn article() -> Article {
        parse_article(
            "a.md",
            "# Title\n\nFirst paragraph says one thing.\n\nSecond paragraph says another thing.\n",
        )
    }

    #[test]
    fn character_positions_become_byte_ranges() {
        assert_eq!(byte_range("äbc", 1, 3), Some((2, 4)));
        assert_eq!(byte_range("äbc", 3, 3), Some((4, 4)));
        assert_eq!(byte_range("äbc", 2, 9), None);
    }

    #[test]
    fn a_quote_is_placed_by_text_when_nothing_else_matches() {
        let art = article();
        let incoming = Incoming {
            id: Some("https://hypothes.is/a/Zx3y".into()),
            source: Some("https://elsewhere.example/x".into()),
            exact: Some("says another thing".into()),
            note: "n".into(),
            ..Incoming::default()
        };
        let placed = place(std::slice::from_ref(&art), &incoming, 5);
        assert!(placed.article_found);
        let span = placed.resolution.span().expect("placed");
        assert_eq!(art.slice(span), "says another thing");
        assert_eq!(placed.bookmark.id.0, "import-Zx3y");
        assert_eq!(placed.bookmark.anchor.quote, "says another thing");
        assert_eq!(placed.bookmark.source, "a.md");
    }

    #[test]
    fn an_unmatched_quote_is_kept_as_an_orphan() {
        let art = article();
        let incoming = Incoming {
            source: Some("https://elsewhere.example/x".into()),
            title: Some("Another article".into()),
            exact: Some("nowhere to be found in the corpus".into()),
            ..Incoming::default()
        };
        let placed = place(std::slice::from_ref(&art), &incoming, 5);
        assert!(!placed.article_found);
        assert!(placed.resolution.is_orphaned());
        assert_eq!(
            placed.bookmark.anchor.quote,
            "nowhere to be found in the corpus"
        );
        assert_eq!(placed.bookmark.title, "Another article");
        assert_eq!(placed.bookmark.source, "https://elsewhere.example/x");
    }
}
