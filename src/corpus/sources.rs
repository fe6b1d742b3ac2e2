//! Who said it: the source of a claim as a stable identity (its canonical entity, else its
//! normalised phrase), the name a reader sees, and the corpus-wide list of sources with the
//! claims each made. The claims pane, the sources view and the claim comparison all use the
//! same identity, so they agree on what counts as one source. Pure; must not import `ratatui`,
//! `crossterm` or `directories`.

use crate::corpus::entity_index::collapse_whitespace;
use crate::corpus::{Corpus, Entry};
use crate::model::{Article, ArticleId, Attribution, Claim, ClaimKind, EntityKind, Stance};
use std::collections::BTreeMap;

/// Identity of a source: two attributions with the same key are the same source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKey {
    /// A canonical entity ("Verteidigungsministerium der Ukraine").
    Entity(String),
    /// A phrase that is no entity, folded and without leading articles ("medienberichte").
    Phrase(String),
}

/// Whether a word is dropped from the front of a source phrase before it is compared: articles
/// and the words of attribution cues ("laut dem Ministerium", "according to the ministry").
fn is_leading(word: &str) -> bool {
    crate::extract::text::is_german_article(word)
        || matches!(
            word,
            "laut" | "nach" | "zufolge" | "the" | "a" | "an" | "according" | "to"
        )
}

/// Words dropped from the end of a source phrase ("Medienberichten zufolge").
const TRAILING: &[&str] = &["zufolge", "nach", "says", "said"];

/// A source phrase folded for comparison: lowercase, accents kept apart from case, articles and
/// cue prepositions stripped from the ends. Empty when nothing but those words is left.
pub fn normalise_phrase(text: &str) -> String {
    let folded = crate::corpus::entity_index::fold_key(&collapse_whitespace(text));
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect();
    while words.first().is_some_and(|w| is_leading(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| TRAILING.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// The identity of an attribution's source, or `None` when it names nothing comparable.
pub fn source_key(attribution: &Attribution) -> Option<SourceKey> {
    if let Some(c) = attribution.canonical.as_deref().map(str::trim)
        && !c.is_empty()
    {
        return Some(SourceKey::Entity(c.to_string()));
    }
    let phrase = normalise_phrase(&attribution.text);
    (!phrase.is_empty()).then_some(SourceKey::Phrase(phrase))
}

/// The identity of a claim's source; `None` for the article's own assertions and for claims
/// whose source is not given.
pub fn claim_source_key(claim: &Claim) -> Option<SourceKey> {
    claim.attribution.as_ref().and_then(source_key)
}

/// The source's name as a reader sees it: the canonical name when there is one, else the
/// phrase as written (whitespace collapsed).
pub fn attribution_name(attribution: &Attribution) -> String {
    match attribution.canonical.as_deref().map(str::trim) {
        Some(c) if !c.is_empty() => c.to_string(),
        _ => collapse_whitespace(&attribution.text),
    }
}

/// Who stands behind a claim, for its card: the named source, the article's author for the
/// author's own judgements, the article for what it asserts itself, or "no source given" for
/// a hedge or report that names nobody.
pub fn claim_source_label(claim: &Claim, article: &Article) -> String {
    if let Some(a) = &claim.attribution {
        let name = attribution_name(a);
        if !name.is_empty() {
            return name;
        }
    }
    match (claim.stance, claim.kind) {
        // One author by surname (the full byline is at the top of the article); several as
        // "the authors", which keeps the card's header short enough for the stance and kind.
        (Stance::Asserted, ClaimKind::Assessment) => match article.authors.as_slice() {
            [one] => match collapse_whitespace(one).rsplit(' ').next() {
                Some(surname) if !surname.is_empty() => format!("{surname} (author)"),
                _ => "the author".to_string(),
            },
            [] => "the author".to_string(),
            _ => "the authors".to_string(),
        },
        (Stance::Asserted, _) => "the article".to_string(),
        _ => "no source given".to_string(),
    }
}

/// One-character sign of a stance: full for asserted, half for attributed, hollow for
/// uncertain (firmness, not colour, so it reads without colours too).
pub fn stance_glyph(stance: Stance) -> &'static str {
    match stance {
        Stance::Asserted => "●",
        Stance::Attributed => "◐",
        Stance::Uncertain => "○",
    }
}

/// What sort of source a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceClass {
    /// A named person.
    Person,
    /// A named organisation, institution or government (capitals standing for governments
    /// included).
    Organization,
    /// A named source that is no known entity ("ein Sprecher des Ministeriums").
    Named,
    /// An unnamed source ("Medienberichte", "Augenzeugen").
    Unnamed,
}

impl SourceClass {
    /// Every class, in filter order.
    pub const ALL: [SourceClass; 4] = [
        SourceClass::Person,
        SourceClass::Organization,
        SourceClass::Named,
        SourceClass::Unnamed,
    ];

    /// Lowercase name for display.
    pub fn name(self) -> &'static str {
        match self {
            SourceClass::Person => "person",
            SourceClass::Organization => "organisation",
            SourceClass::Named => "named",
            SourceClass::Unnamed => "unnamed",
        }
    }
}

/// One claim of the corpus: its article (by position and by id) and its index there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRef {
    /// Position of the article in the corpus.
    pub article: usize,
    /// The article's id, to find it again if the corpus was re-sorted.
    pub id: ArticleId,
    /// Index of the claim in the article's analysis.
    pub claim: usize,
}

/// A source with every claim it made in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// Its identity.
    pub key: SourceKey,
    /// Name shown: the canonical name, else the spelling used most often.
    pub name: String,
    /// What sort of source it is.
    pub class: SourceClass,
    /// Its claims in corpus order.
    pub claims: Vec<ClaimRef>,
    /// Number of distinct articles among the claims.
    pub article_count: usize,
    /// Phrases as written, with counts, most frequent first.
    pub spellings: Vec<(String, usize)>,
}

/// Every source of the corpus, most claims first (then most articles, then by name).
pub fn collect(corpus: &Corpus) -> Vec<SourceEntry> {
    struct Acc {
        claims: Vec<ClaimRef>,
        spellings: BTreeMap<String, usize>,
        unnamed: usize,
    }
    // Entity kinds by canonical name, from every mention of the corpus.
    let mut kinds: BTreeMap<&str, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    for analysis in corpus.analyses() {
        for m in &analysis.mentions {
            *kinds
                .entry(m.canonical.as_str())
                .or_default()
                .entry(m.kind)
                .or_default() += 1;
        }
    }
    let mut by_key: BTreeMap<SourceKey, Acc> = BTreeMap::new();
    for (i, Entry { article, analysis }) in corpus.iter().enumerate() {
        for (c, claim) in analysis.claims.iter().enumerate() {
            let Some(a) = &claim.attribution else {
                continue;
            };
            let Some(key) = source_key(a) else { continue };
            let acc = by_key.entry(key).or_insert_with(|| Acc {
                claims: Vec::new(),
                spellings: BTreeMap::new(),
                unnamed: 0,
            });
            acc.claims.push(ClaimRef {
                article: i,
                id: article.id.clone(),
                claim: c,
            });
            *acc.spellings
                .entry(collapse_whitespace(&a.text))
                .or_default() += 1;
            acc.unnamed += usize::from(a.unnamed);
        }
    }
    let mut out: Vec<SourceEntry> = by_key
        .into_iter()
        .map(|(key, acc)| {
            let mut spellings: Vec<(String, usize)> = acc.spellings.into_iter().collect();
            spellings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let class = match &key {
                SourceKey::Entity(name) => {
                    let kind = kinds.get(name.as_str()).and_then(|k| {
                        k.iter()
                            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                            .map(|(k, _)| *k)
                    });
                    match kind {
                        Some(EntityKind::Person) => SourceClass::Person,
                        Some(EntityKind::Organization | EntityKind::Place) => {
                            SourceClass::Organization
                        }
                        _ => SourceClass::Named,
                    }
                }
                // Most of its attributions decide, so one odd extraction does not flip it.
                SourceKey::Phrase(_) if acc.unnamed * 2 >= acc.claims.len() => SourceClass::Unnamed,
                SourceKey::Phrase(_) => SourceClass::Named,
            };
            let name = match &key {
                SourceKey::Entity(name) => name.clone(),
                SourceKey::Phrase(p) => spellings
                    .first()
                    .map(|(s, _)| s.clone())
                    .unwrap_or_else(|| p.clone()),
            };
            let mut articles: Vec<usize> = acc.claims.iter().map(|r| r.article).collect();
            articles.dedup();
            SourceEntry {
                key,
                name,
                class,
                article_count: articles.len(),
                claims: acc.claims,
                spellings,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.claims.len(), b.article_count)
            .cmp(&(a.claims.len(), a.article_count))
            .then_with(|| {
                crate::corpus::entity_index::fold_key(&a.name)
                    .cmp(&crate::corpus::entity_index::fold_key(&b.name))
            })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, Span};

    fn attribution(text: &str, canonical: Option<&str>, unnamed: bool) -> Attribution {
        Attribution {
            text: text.into(),
            canonical: canonical.map(Into::into),
            unnamed,
            span: None,
            resolved_from: None,
        }
    }

    fn claim(attr: Option<Attribution>, stance: Stance, kind: ClaimKind) -> Claim {
        Claim {
            span: Span::new(0, 1),
            text: "x".into(),
            kind,
            attribution: attr,
            stance,
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
        }
    }

    #[test]
    fn phrases_lose_articles_and_cue_words_and_case() {
        assert_eq!(normalise_phrase("Laut  dem Ministerium"), "ministerium");
        assert_eq!(
            normalise_phrase("Medienberichten zufolge"),
            "medienberichten"
        );
        assert_eq!(normalise_phrase("according to the Pentagon"), "pentagon");
        assert_eq!(normalise_phrase("der"), "");
    }

    #[test]
    fn a_canonical_entity_wins_over_the_phrase() {
        let a = attribution("das Ministerium", Some("Verteidigungsministerium"), false);
        let b = attribution("Verteidigungsministerium", None, false);
        assert_eq!(
            source_key(&a),
            Some(SourceKey::Entity("Verteidigungsministerium".into()))
        );
        assert_eq!(
            source_key(&b),
            Some(SourceKey::Phrase("verteidigungsministerium".into()))
        );
        assert_eq!(source_key(&attribution("laut", None, false)), None);
    }

    #[test]
    fn cards_name_the_source_the_author_or_the_article_never_a_fake_source() {
        let mut article = crate::ingest::parse_raw("a.txt", "Titel\n\nText.");
        let named = claim(
            Some(attribution("er", Some("Wladimir Putin"), false)),
            Stance::Attributed,
            ClaimKind::Quote,
        );
        assert_eq!(claim_source_label(&named, &article), "Wladimir Putin");
        let own = claim(None, Stance::Asserted, ClaimKind::Fact);
        assert_eq!(claim_source_label(&own, &article), "the article");
        let hedge = claim(None, Stance::Uncertain, ClaimKind::Fact);
        assert_eq!(claim_source_label(&hedge, &article), "no source given");
        let judgement = claim(None, Stance::Asserted, ClaimKind::Assessment);
        assert_eq!(claim_source_label(&judgement, &article), "the author");
        article.authors = vec!["Anna Berg".into()];
        assert_eq!(claim_source_label(&judgement, &article), "Berg (author)");
        article.authors.push("Jan Roth".into());
        assert_eq!(claim_source_label(&judgement, &article), "the authors");
    }

    #[test]
    fn sources_group_by_entity_then_phrase_and_count_claims_and_articles() {
        let a0 = crate::ingest::parse_raw("a.txt", "A\n\nEins.");
        let a1 = crate::ingest::parse_raw("b.txt", "B\n\nZwei.");
        let ministry = |text: &str| {
            claim(
                Some(attribution(text, Some("Verteidigungsministerium"), false)),
                Stance::Attributed,
                ClaimKind::Reported,
            )
        };
        let media = |text: &str| {
            claim(
                Some(attribution(text, None, true)),
                Stance::Uncertain,
                ClaimKind::Reported,
            )
        };
        let an0 = Analysis {
            claims: vec![
                ministry("das Ministerium"),
                media("Medienberichten zufolge"),
                claim(None, Stance::Asserted, ClaimKind::Fact),
                ministry("Verteidigungsministerium"),
            ],
            mentions: vec![crate::model::Mention {
                span: Span::new(0, 1),
                text: "Ministerium".into(),
                kind: EntityKind::Organization,
                canonical: "Verteidigungsministerium".into(),
                derived: false,
            }],
            ..Default::default()
        };
        let an1 = Analysis {
            claims: vec![ministry("das Ministerium"), media("medienberichten")],
            mentions: Vec::new(),
            ..Default::default()
        };
        let sources = collect(&crate::corpus::Corpus::from_pairs([
            (a0, an0),
            (a1.clone(), an1),
        ]));
        assert_eq!(sources.len(), 2, "{sources:#?}");
        let first = &sources[0];
        assert_eq!(first.name, "Verteidigungsministerium");
        assert_eq!(first.class, SourceClass::Organization);
        assert_eq!((first.claims.len(), first.article_count), (3, 2));
        assert_eq!(first.spellings[0], ("das Ministerium".to_string(), 2));
        let second = &sources[1];
        assert_eq!(second.class, SourceClass::Unnamed);
        assert_eq!((second.claims.len(), second.article_count), (2, 2));
        assert_eq!(second.claims[1].article, 1);
        assert_eq!(second.claims[1].id, a1.id);
    }
}
