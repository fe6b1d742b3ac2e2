//! The palette's jump targets that come from the corpus itself (articles, headings, claims,
//! entities), gathered for the palette's index and for the stored copy `dossier find` reads
//! ([`crate::index::labels`]). Bookmarks are added by the caller.
//!
//! No IO and no terminal imports.

use super::Corpus;
use super::entity_index::{EntityIndex, collapse_whitespace as one_line};
use crate::model::EntityKind;
use crate::search::{Candidate, CandidateKind};

/// Articles whose candidates [`gather`] hands over in one batch.
const ARTICLES_PER_BATCH: usize = 512;

/// The palette's candidates of `corpus`, handed to `sink` a batch at a time (an index folds
/// each batch and drops it before the next is gathered): each article's title, headings and
/// claims, article by article, then the entities (dates and quantities left out) in the order
/// of [`EntityIndex::summaries`]. `details` fills in [`Candidate::detail`] (left empty for
/// callers that never show it). A change here that changes what is gathered must raise
/// [`crate::index::labels::LABELS_VERSION`], since `dossier find` reads a stored copy.
pub fn gather(corpus: &Corpus, details: bool, mut sink: impl FnMut(Vec<Candidate>)) {
    use rayon::prelude::*;
    let candidate = |kind, label: String, detail: String, article, offset, recency| Candidate {
        kind,
        label,
        detail,
        article,
        offset,
        recency,
    };
    let per_article = |(i, e): (usize, &crate::corpus::Entry)| {
        let a = &e.article;
        let title = one_line(&a.title);
        let date = a.date.map(|d| d.iso()).unwrap_or_default();
        let title_detail = || {
            if details {
                title.clone()
            } else {
                String::new()
            }
        };
        let mut out = Vec::with_capacity(1 + e.analysis.claims.len());
        out.push(candidate(
            CandidateKind::Article,
            title.clone(),
            if details {
                one_line(&format!("{} {date}", a.byline()))
            } else {
                String::new()
            },
            i,
            0,
            0,
        ));
        for b in a
            .body
            .iter()
            .filter(|b| b.kind == crate::model::BlockKind::Heading)
        {
            out.push(candidate(
                CandidateKind::Heading,
                one_line(a.slice(b.span)),
                title_detail(),
                i,
                b.span.start,
                0,
            ));
        }
        for c in &e.analysis.claims {
            let source = c
                .attribution
                .as_ref()
                .map_or("article", |s| s.text.as_str());
            let detail = if details {
                format!(
                    "{} · {} · {} — {title}",
                    c.kind.name(),
                    c.stance.name(),
                    one_line(source),
                )
            } else {
                String::new()
            };
            let mut label = one_line(&c.text);
            if let Some((cut, _)) = label.char_indices().nth(240) {
                label.truncate(cut);
            }
            out.push(candidate(
                CandidateKind::Claim,
                label,
                detail,
                i,
                c.span.start,
                0,
            ));
        }
        out
    };
    for (n, chunk) in corpus.chunks(ARTICLES_PER_BATCH).enumerate() {
        let first = n * ARTICLES_PER_BATCH;
        sink(
            chunk
                .par_iter()
                .enumerate()
                .with_min_len(16)
                .flat_map_iter(|(i, e)| per_article((first + i, e)))
                .collect(),
        );
    }
    let mut out = Vec::new();
    let analyses: Vec<&crate::model::Analysis> = corpus.iter().map(|e| &*e.analysis).collect();
    for e in EntityIndex::summaries(&analyses) {
        if matches!(e.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        let (mentions, articles) = (e.mention_count, e.article_count);
        let detail = if details {
            format!(
                "{} · {mentions} mention{} in {articles} article{}",
                e.kind.name(),
                if mentions == 1 { "" } else { "s" },
                if articles == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        out.push(candidate(
            CandidateKind::Entity,
            e.canonical,
            detail,
            e.first.article,
            e.first.span.start,
            0,
        ));
    }
    sink(out);
}
