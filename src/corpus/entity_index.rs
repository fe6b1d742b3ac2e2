//! The corpus-wide entity index: every canonical entity with its kind, counts, spellings and
//! mentions, plus sorting, filtering and keyword-in-context lines for an entity card.
//!
//! Built from the extractor's [`Analysis`] values; pure and deterministic. Must not import
//! `ratatui`, `crossterm` or `directories`.

use crate::model::{Analysis, Article, EntityKind, Span};
use std::collections::BTreeMap;

/// One mention of an indexed entity: which article and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MentionRef {
    /// Index of the article in the slice the index was built from.
    pub article: usize,
    /// Byte span of the mention in that article's text.
    pub span: Span,
}

/// Everything the index knows about one canonical entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityEntry {
    /// Canonical name shared by every spelling.
    pub canonical: String,
    /// The kind most of its mentions have (ties go to the earlier kind in [`EntityKind::ALL`]).
    pub kind: EntityKind,
    /// Number of mentions in the corpus.
    pub mention_count: usize,
    /// Number of articles that mention it.
    pub article_count: usize,
    /// Surface forms seen, with counts, most frequent first (ties by text).
    pub spellings: Vec<(String, usize)>,
    /// Every mention, ordered by article and position.
    pub mentions: Vec<MentionRef>,
}

/// What the palette needs of one entity: an [`EntityEntry`] without its spellings and mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySummary {
    /// Canonical name shared by every spelling.
    pub canonical: String,
    /// The kind most of its mentions have, as in [`EntityEntry::kind`].
    pub kind: EntityKind,
    /// Number of mentions in the corpus.
    pub mention_count: usize,
    /// Number of articles that mention it.
    pub article_count: usize,
    /// Its first mention, by article and position.
    pub first: MentionRef,
}

/// How to order the entries of an [`EntityIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Alphabetically by folded canonical name.
    Name,
    /// Most mentions first.
    Mentions,
    /// Most articles first, then most mentions.
    Articles,
    /// By kind in [`EntityKind::ALL`] order, then by name.
    Kind,
}

/// What entries sort by under `by`: the count or kind first, then the folded name, then the
/// name as written, so that no two entries tie.
fn order_key(e: &EntityEntry, by: SortBy) -> (usize, usize, usize, String, String) {
    let (a, b, c) = match by {
        SortBy::Name => (0, 0, 0),
        SortBy::Mentions => (usize::MAX - e.mention_count, 0, 0),
        SortBy::Articles => (
            usize::MAX - e.article_count,
            usize::MAX - e.mention_count,
            0,
        ),
        SortBy::Kind => (kind_rank(e.kind), 0, 0),
    };
    (a, b, c, fold_key(&e.canonical), e.canonical.clone())
}

/// Every canonical entity of a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityIndex {
    entries: Vec<EntityEntry>,
}

impl EntityIndex {
    /// Builds the index of a corpus, sorted by name.
    pub fn build(corpus: &crate::corpus::Corpus) -> EntityIndex {
        Self::from_analyses(corpus.analyses())
    }

    /// Builds the index from the analyses alone, in corpus order (mentions carry their spans,
    /// so the articles themselves are not needed).
    pub fn from_analyses<'a>(analyses: impl IntoIterator<Item = &'a Analysis>) -> EntityIndex {
        struct Acc {
            kinds: BTreeMap<EntityKind, usize>,
            spellings: BTreeMap<String, usize>,
            mentions: Vec<MentionRef>,
        }
        let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
        for (article, analysis) in analyses.into_iter().enumerate() {
            for m in &analysis.mentions {
                let e = acc.entry(m.canonical.as_str()).or_insert_with(|| Acc {
                    kinds: BTreeMap::new(),
                    spellings: BTreeMap::new(),
                    mentions: Vec::new(),
                });
                *e.kinds.entry(m.kind).or_default() += 1;
                *e.spellings.entry(m.text.clone()).or_default() += 1;
                e.mentions.push(MentionRef {
                    article,
                    span: m.span,
                });
            }
        }
        let entries = acc
            .into_iter()
            .map(|(canonical, a)| {
                let kind = majority_kind(&a.kinds);
                let mut spellings: Vec<(String, usize)> = a.spellings.into_iter().collect();
                spellings.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
                let mut mentions = a.mentions;
                mentions.sort();
                let mut articles: Vec<usize> = mentions.iter().map(|m| m.article).collect();
                articles.dedup();
                EntityEntry {
                    canonical: canonical.to_string(),
                    kind,
                    mention_count: mentions.len(),
                    article_count: articles.len(),
                    spellings,
                    mentions,
                }
            })
            .collect();
        let mut index = EntityIndex { entries };
        index.sort(SortBy::Name);
        index
    }

    /// The name, kind, counts and first mention of every entity of `analyses` (articles in
    /// order), sorted as [`SortBy::Name`] sorts an index: what [`EntityIndex::from_analyses`]
    /// gives, without collecting spellings and mentions, and on all cores.
    pub fn summaries(analyses: &[&Analysis]) -> Vec<EntitySummary> {
        use crate::extract::fasthash::FastMap;
        use rayon::prelude::*;
        #[derive(Clone, Copy)]
        struct Acc {
            kinds: [usize; EntityKind::ALL.len()],
            mentions: usize,
            articles: usize,
            last_article: usize,
            first: MentionRef,
        }
        let merged = analyses
            .par_iter()
            .enumerate()
            .with_min_len(64)
            .fold(
                FastMap::<&str, Acc>::default,
                |mut map, (article, analysis)| {
                    for m in &analysis.mentions {
                        let here = MentionRef {
                            article,
                            span: m.span,
                        };
                        let acc = map.entry(m.canonical.as_str()).or_insert(Acc {
                            kinds: [0; EntityKind::ALL.len()],
                            mentions: 0,
                            articles: 0,
                            last_article: usize::MAX,
                            first: here,
                        });
                        if let Some(k) = acc.kinds.get_mut(kind_rank(m.kind)) {
                            *k += 1;
                        }
                        acc.mentions += 1;
                        if acc.last_article != article {
                            acc.last_article = article;
                            acc.articles += 1;
                        }
                        acc.first = acc.first.min(here);
                    }
                    map
                },
            )
            // Each article is folded into exactly one map, so article counts add up.
            .reduce(FastMap::default, |mut a, b| {
                for (name, y) in b {
                    a.entry(name)
                        .and_modify(|x| {
                            for (k, n) in x.kinds.iter_mut().zip(y.kinds) {
                                *k += n;
                            }
                            x.mentions += y.mentions;
                            x.articles += y.articles;
                            x.first = x.first.min(y.first);
                        })
                        .or_insert(y);
                }
                a
            });
        let mut out: Vec<EntitySummary> = merged
            .into_iter()
            .map(|(canonical, acc)| {
                let kinds: BTreeMap<EntityKind, usize> =
                    EntityKind::ALL.into_iter().zip(acc.kinds).collect();
                EntitySummary {
                    canonical: canonical.to_string(),
                    kind: majority_kind(&kinds),
                    mention_count: acc.mentions,
                    article_count: acc.articles,
                    first: acc.first,
                }
            })
            .collect();
        out.par_sort_by_cached_key(|e| (fold_key(&e.canonical), e.canonical.clone()));
        out
    }

    /// The entries in their current order.
    pub fn entries(&self) -> &[EntityEntry] {
        &self.entries
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the corpus has no entity mentions.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of a canonical name, if indexed.
    pub fn get(&self, canonical: &str) -> Option<&EntityEntry> {
        self.entries.iter().find(|e| e.canonical == canonical)
    }

    /// Reorders the entries; every order is total, so the result is deterministic.
    pub fn sort(&mut self, by: SortBy) {
        self.entries.sort_by_cached_key(|e| order_key(e, by));
    }

    /// The canonical names of the entries of `kind` (any when `None`), in `by` order: the
    /// same order [`EntityIndex::sort`] gives.
    pub fn listed(&self, kind: Option<EntityKind>, by: SortBy) -> Vec<String> {
        let mut listed = self.filter(kind, "");
        listed.sort_by_cached_key(|e| order_key(e, by));
        listed.into_iter().map(|e| e.canonical.clone()).collect()
    }

    /// The entries of `kind` (any kind when `None`) whose canonical name or a spelling contains
    /// `query` after German folding and lowercasing ("muller" finds "Müller"), in current order.
    pub fn filter(&self, kind: Option<EntityKind>, query: &str) -> Vec<&EntityEntry> {
        let q = fold_key(query.trim());
        self.entries
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .filter(|e| {
                q.is_empty()
                    || fold_key(&e.canonical).contains(&q)
                    || e.spellings.iter().any(|(s, _)| fold_key(s).contains(&q))
            })
            .collect()
    }
}

/// Folded and lowercased text for matching and ordering.
pub(crate) fn fold_key(s: &str) -> String {
    crate::search::fold(s).0.to_lowercase()
}

fn kind_rank(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(EntityKind::ALL.len())
}

fn majority_kind(kinds: &BTreeMap<EntityKind, usize>) -> EntityKind {
    let mut best: Option<(EntityKind, usize)> = None;
    for k in EntityKind::ALL {
        let n = kinds.get(&k).copied().unwrap_or(0);
        if n > 0 && best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k).unwrap_or(EntityKind::Misc)
}

/// Collapses every run of whitespace (newlines included) into one space.
pub fn collapse_whitespace(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut word, mut i) = (None, 0);
    while i < b.len() {
        // Only ASCII and chars led by these bytes can be whitespace in UTF-8.
        let (space, len) = match b[i] {
            c if c.is_ascii() => (c.is_ascii_whitespace() || c == 0x0B, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            _ => (false, 1),
        };
        if !space {
            word.get_or_insert(i);
        } else if let Some(start) = word.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
        }
        i += len;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

/// Keyword in context: up to `width_chars` characters of single-line context on each side of
/// `span`, the hit itself, whitespace collapsed everywhere. Context is cut at a character
/// boundary; an out-of-range span yields empty strings.
pub fn kwic(article: &Article, span: Span, width_chars: usize) -> (String, String, String) {
    kwic_in(&article.text, span, width_chars)
}

/// [`kwic`] within `text` alone (a block of an article, so context never reaches text the
/// reader does not show); `span` is relative to `text`.
pub fn kwic_in(text: &str, span: Span, width_chars: usize) -> (String, String, String) {
    let (Some(before), Some(hit), Some(after)) = (
        text.get(..span.start),
        text.get(span.start..span.end),
        text.get(span.end..),
    ) else {
        return (String::new(), String::new(), String::new());
    };
    // Collapse only a bounded stretch of the neighbourhood; whitespace runs may be long.
    let left_src: String = {
        let chars: Vec<char> = before.chars().rev().take(width_chars * 4 + 8).collect();
        chars.into_iter().rev().collect()
    };
    let right_src: String = after.chars().take(width_chars * 4 + 8).collect();
    let mut left = collapse_edges(&left_src);
    let mut right = collapse_edges(&right_src);
    let left_chars = left.chars().count();
    if left_chars > width_chars {
        let cut: String = left.chars().skip(left_chars - width_chars).collect();
        // Start at a word: drop the part of a word the cut ran through.
        let cut_in_word = left
            .chars()
            .nth(left_chars - width_chars - 1)
            .is_some_and(|c| !c.is_whitespace());
        left = match (cut_in_word, cut.find(' ')) {
            (true, Some(i)) => cut[i..].to_string(),
            (true, None) => String::new(),
            (false, _) => cut,
        };
    }
    if right.chars().count() > width_chars {
        let cut: String = right.chars().take(width_chars).collect();
        let cut_in_word = right
            .chars()
            .nth(width_chars)
            .is_some_and(|c| !c.is_whitespace());
        right = match (cut_in_word, cut.rfind(' ')) {
            (true, Some(i)) => cut[..=i].to_string(),
            (true, None) => String::new(),
            (false, _) => cut,
        };
    }
    (left, collapse_whitespace(hit), right)
}

/// Collapses whitespace runs to one space but keeps a single space at either edge.
fn collapse_edges(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            out.push(c);
            in_ws = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn article(text: &str) -> Article {
        crate::ingest::parse_raw("t.txt", text)
    }

    fn mention(text: &str, hay: &str, kind: EntityKind, canonical: &str) -> Mention {
        let start = hay.find(text).unwrap();
        Mention {
            span: Span::new(start, start + text.len()),
            text: text.to_string(),
            kind,
            canonical: canonical.to_string(),
            derived: false,
        }
    }

    #[test]
    fn summaries_agree_with_the_full_index_on_the_bundled_corpus() {
        let articles = crate::ingest::bundled();
        let analyses = crate::extract::analyze_corpus(&articles);
        // Twice over, so that entities span articles folded on different threads.
        let refs: Vec<&Analysis> = analyses.iter().chain(&analyses).collect();
        let full = EntityIndex::from_analyses(refs.iter().copied());
        let summaries = EntityIndex::summaries(&refs);
        assert_eq!(summaries.len(), full.entries().len());
        for (s, e) in summaries.iter().zip(full.entries()) {
            assert_eq!(s.canonical, e.canonical);
            assert_eq!(s.kind, e.kind, "{}", e.canonical);
            assert_eq!(s.mention_count, e.mention_count, "{}", e.canonical);
            assert_eq!(s.article_count, e.article_count, "{}", e.canonical);
            assert_eq!(Some(&s.first), e.mentions.first(), "{}", e.canonical);
        }
    }

    fn corpus() -> crate::corpus::Corpus {
        let t0 = "Müller traf Putin in Moskau. Putin sprach.";
        let t1 = "Mueller war in Moskau.";
        let a0 = Analysis {
            mentions: vec![
                mention("Müller", t0, EntityKind::Person, "Hans Müller"),
                mention("Putin", t0, EntityKind::Person, "Wladimir Putin"),
                mention("Moskau", t0, EntityKind::Place, "Moskau"),
            ],
            claims: vec![],
            name_candidates: vec![],
        };
        let a1 = Analysis {
            mentions: vec![
                mention("Mueller", t1, EntityKind::Person, "Hans Müller"),
                mention("Moskau", t1, EntityKind::Organization, "Moskau"),
            ],
            claims: vec![],
            name_candidates: vec![],
        };
        crate::corpus::Corpus::from_pairs([(article(t0), a0), (article(t1), a1)])
    }

    #[test]
    fn entries_count_mentions_articles_and_spellings() {
        let index = EntityIndex::build(&corpus());
        let m = index.get("Hans Müller").unwrap();
        assert_eq!(m.mention_count, 2);
        assert_eq!(m.article_count, 2);
        assert_eq!(m.spellings.len(), 2);
        assert_eq!(m.mentions[1].article, 1);
    }

    #[test]
    fn kind_is_the_majority_with_ties_to_the_earlier_kind() {
        let index = EntityIndex::build(&corpus());
        assert_eq!(index.get("Moskau").unwrap().kind, EntityKind::Organization);
    }

    #[test]
    fn sorting_by_articles_then_mentions_then_name() {
        let mut index = EntityIndex::build(&corpus());
        index.sort(SortBy::Articles);
        let names: Vec<&str> = index
            .entries()
            .iter()
            .map(|e| e.canonical.as_str())
            .collect();
        assert_eq!(names, ["Hans Müller", "Moskau", "Wladimir Putin"]);
        index.sort(SortBy::Kind);
        assert_eq!(index.entries()[0].kind, EntityKind::Person);
        index.sort(SortBy::Name);
        assert_eq!(index.entries()[2].canonical, "Wladimir Putin");
    }

    #[test]
    fn filter_folds_umlauts_and_matches_spellings() {
        let index = EntityIndex::build(&corpus());
        assert_eq!(index.filter(None, "muller").len(), 1);
        assert_eq!(index.filter(None, "MÜLL").len(), 1);
        assert_eq!(index.filter(Some(EntityKind::Place), "").len(), 0);
        assert_eq!(index.filter(Some(EntityKind::Person), "").len(), 2);
    }

    #[test]
    fn kwic_collapses_whitespace_and_cuts_to_width_at_word_boundaries() {
        let a = article("Erste Zeile\n\n  mit   Putin  und\n dann mehr Text hier.");
        let start = a.text.find("Putin").unwrap();
        let (l, h, r) = kwic(&a, Span::new(start, start + 5), 8);
        assert_eq!(h, "Putin");
        // "ile mit " and " und dan" would start and end inside words.
        assert_eq!(l, " mit ");
        assert_eq!(r, " und ");
        let (l, _, r) = kwic(&a, Span::new(start, start + 5), 10);
        assert_eq!(l, "Zeile mit ");
        assert_eq!(r, " und dann ");
        let (l, _, _) = kwic(&a, Span::new(start, start + 5), 100);
        assert_eq!(l, "Erste Zeile mit ");
    }
}
