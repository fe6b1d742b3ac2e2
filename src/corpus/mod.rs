//! The analysed corpus: one type owning every article with its analysis, in list order, and the
//! only code that merges indexing results into it.
//!
//! Every command gets its [`Corpus`] from the same pipeline ([`crate::index`]: walker, cache,
//! snapshot, corpus pass), and the cross-article analyses (claim groups, timeline, sources,
//! entity index) read it by reference. Batches from the indexer arrive in any order and are
//! merged here ([`Corpus::add`], [`Corpus::fill`], [`Corpus::rename`]), whether the receiver is
//! a command waiting for the whole corpus or the reader filling its list as articles arrive.
//!
//! No IO and no terminal imports.

pub mod candidates;
pub mod compare;
pub mod entity_index;
pub mod sources;
pub mod timeline;

use crate::extract::corpus::CanonicalNames;
use crate::extract::fasthash::FastMap;
use crate::model::{Analysis, Article, ArticleId};
use std::path::Path;
use std::sync::Arc;

/// One article with what was extracted from it. Both parts are shared, so that a copy of the
/// corpus handed to a background job (the cross-article analyses) costs two reference counts
/// per article, and a change to one analysis copies that analysis only.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The article.
    pub article: Arc<Article>,
    /// Its entities and claims.
    pub analysis: Arc<Analysis>,
}

impl Entry {
    /// An entry owning `article` and `analysis`.
    pub fn new(article: Article, analysis: Analysis) -> Entry {
        Entry {
            article: Arc::new(article),
            analysis: Arc::new(analysis),
        }
    }
}

/// Articles with their analyses in list order (sorted by source path when they come from the
/// indexer). Reads as a slice of [`Entry`]; changes only through its merging methods.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    entries: Vec<Entry>,
    /// Corpus-wide names, once the indexer has sent them: applied to anything arriving later.
    canonical: Option<Arc<CanonicalNames>>,
    /// Index of each entry by source path, kept between batches of analyses and dropped when
    /// entries arrive.
    by_source: Option<FastMap<String, usize>>,
    /// True when name candidates are dropped once spent ([`Corpus::drop_spent_name_candidates`]).
    drops_spent_candidates: bool,
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        self.entries == other.entries
    }
}

impl std::ops::Deref for Corpus {
    type Target = [Entry];

    fn deref(&self) -> &[Entry] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a Corpus {
    type Item = &'a Entry;
    type IntoIter = std::slice::Iter<'a, Entry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl Corpus {
    /// A corpus of articles paired with their analyses, in the order given.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Article, Analysis)>) -> Corpus {
        Corpus {
            entries: pairs
                .into_iter()
                .map(|(article, analysis)| Entry::new(article, analysis))
                .collect(),
            canonical: None,
            by_source: None,
            drops_spent_candidates: false,
        }
    }

    /// Analyses `articles` together (each alone, then the corpus pass), in the order given.
    pub fn analysed(articles: Vec<Article>) -> Corpus {
        let analyses = crate::extract::analyze_corpus(&articles);
        Corpus::from_pairs(articles.into_iter().zip(analyses))
    }

    /// The five bundled seed articles, analysed.
    pub fn bundled() -> Corpus {
        Corpus::analysed(crate::ingest::bundled())
    }

    /// Every article, in order.
    pub fn articles(&self) -> impl ExactSizeIterator<Item = &Article> + Clone {
        self.entries.iter().map(|e| &*e.article)
    }

    /// Every analysis, in the order of the articles.
    pub fn analyses(&self) -> impl ExactSizeIterator<Item = &Analysis> + Clone {
        self.entries.iter().map(|e| &*e.analysis)
    }

    /// The article at `index`.
    pub fn article(&self, index: usize) -> Option<&Article> {
        self.entries.get(index).map(|e| &*e.article)
    }

    /// The analysis of the article at `index`.
    pub fn analysis(&self, index: usize) -> Option<&Analysis> {
        self.entries.get(index).map(|e| &*e.analysis)
    }

    /// Where the article with this id is.
    pub fn position_of(&self, id: &ArticleId) -> Option<usize> {
        self.entries.iter().position(|e| &e.article.id == id)
    }

    /// Consumes the corpus, returning its articles with their analyses (copied only where
    /// another copy of the corpus still shares them).
    pub fn into_pairs(self) -> Vec<(Article, Analysis)> {
        self.entries
            .into_iter()
            .map(|e| {
                (
                    Arc::unwrap_or_clone(e.article),
                    Arc::unwrap_or_clone(e.analysis),
                )
            })
            .collect()
    }

    /// Adds indexed articles, keeping the corpus sorted by source path. Names already unified
    /// across the corpus are applied to them.
    pub fn add(&mut self, mut batch: Vec<(Article, Analysis)>) {
        if batch.is_empty() {
            return;
        }
        if let Some(names) = &self.canonical {
            for (article, analysis) in &mut batch {
                names.apply(article.lang, analysis);
                if self.drops_spent_candidates {
                    analysis.name_candidates = Vec::new();
                }
            }
        }
        self.entries.extend(
            batch
                .into_iter()
                .map(|(article, analysis)| Entry::new(article, analysis)),
        );
        // Stable and adaptive: a sorted list plus a sorted batch is a merge.
        self.entries
            .sort_by(|a, b| Path::new(&a.article.source).cmp(Path::new(&b.article.source)));
        self.by_source = None;
    }

    /// Fills in analyses that arrive after their articles (from a corpus snapshot), by source
    /// path; returns the indices filled.
    pub fn fill(&mut self, batch: Vec<(String, Analysis)>) -> Vec<usize> {
        let entries = &self.entries;
        let at = self.by_source.get_or_insert_with(|| {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.article.source.clone(), i))
                .collect()
        });
        let mut filled = Vec::with_capacity(batch.len());
        for (source, analysis) in batch {
            if let Some(&i) = at.get(&source)
                && let Some(entry) = self.entries.get_mut(i)
            {
                let mut analysis = analysis;
                if self.drops_spent_candidates {
                    // Analyses filled in come from a snapshot: their names are corpus-wide.
                    analysis.name_candidates = Vec::new();
                }
                entry.analysis = Arc::new(analysis);
                filled.push(i);
            }
        }
        filled
    }

    /// A corpus analysed from raw texts named `a0.txt`, `a1.txt`, … (the fixture of the corpus
    /// tests).
    #[cfg(test)]
    pub(crate) fn from_texts(texts: &[&str]) -> Corpus {
        Corpus::analysed(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| crate::ingest::parse_raw(&format!("a{i}.txt"), t))
                .collect(),
        )
    }

    /// Renames every entity to its corpus-wide canonical name, now and for later arrivals.
    pub fn rename(&mut self, names: Arc<CanonicalNames>) {
        for e in &mut self.entries {
            let analysis = Arc::make_mut(&mut e.analysis);
            names.apply(e.article.lang, analysis);
            if self.drops_spent_candidates {
                analysis.name_candidates = Vec::new();
            }
        }
        self.canonical = Some(names);
    }

    /// From now on, drops each analysis' name candidates once the corpus-wide names have been
    /// applied to it (analyses filled in from a snapshot, which carry them applied, at once):
    /// the reader, which never serialises an analysis, has no use for them after that
    /// ([`crate::model::Analysis::name_candidates`]; 20 MB of a 10,000-article corpus).
    /// Analyses held before the call keep theirs.
    pub fn drop_spent_name_candidates(&mut self) {
        self.drops_spent_candidates = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    fn pair(source: &str, text: &str) -> (Article, Analysis) {
        let article = parse_article(source, text);
        let analysis = crate::extract::analyze(&article);
        (article, analysis)
    }

    #[test]
    fn batches_in_any_order_end_sorted_by_path() {
        let mut corpus = Corpus::default();
        corpus.add(vec![pair("b/2.txt", "Zwei\n\nText zwei.\n")]);
        corpus.add(vec![
            pair("a.txt", "Eins\n\nText eins.\n"),
            pair("c.txt", "Drei\n\nText drei.\n"),
        ]);
        let sources: Vec<&str> = corpus.articles().map(|a| a.source.as_str()).collect();
        assert_eq!(sources, ["a.txt", "b/2.txt", "c.txt"]);
    }

    #[test]
    fn late_analyses_are_filled_in_by_source() {
        let (a, full) = pair("a.txt", "Putin\n\nPräsident Putin sprach in Berlin.\n");
        let mut corpus = Corpus::from_pairs([(a, Analysis::default())]);
        assert_eq!(
            corpus.fill(vec![("nope.txt".into(), full.clone())]),
            Vec::<usize>::new()
        );
        assert_eq!(corpus.fill(vec![("a.txt".into(), full.clone())]), vec![0]);
        assert_eq!(corpus.analysis(0), Some(&full));
    }

    #[test]
    fn names_known_before_an_arrival_apply_to_it() {
        let texts = [
            ("a.txt", "Reise\n\nWladimir Putin reiste nach Peking.\n"),
            (
                "b.txt",
                "Gespräch\n\nPräsident Putin sprach mit Xi Jinping.\n",
            ),
        ];
        let articles: Vec<Article> = texts.iter().map(|(s, t)| parse_article(s, t)).collect();
        let together = Corpus::analysed(articles.clone());
        let mut counts = crate::extract::corpus::NameCounts::default();
        let pairs: Vec<(Article, Analysis)> = articles
            .into_iter()
            .map(|a| {
                let an = crate::extract::analyze(&a);
                counts.add(a.lang, &an);
                (a, an)
            })
            .collect();
        let mut corpus = Corpus::default();
        let mut pairs = pairs.into_iter();
        corpus.add(pairs.next().into_iter().collect());
        corpus.rename(Arc::new(counts.finish()));
        corpus.add(pairs.collect());
        assert_eq!(corpus, together);
    }
}
