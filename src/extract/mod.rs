//! The extraction engine: entity mentions with canonical names and claims with source and stance.
//!
//! [`analyze`] turns one [`Article`] into an [`Analysis`]; [`analyze_corpus`] does the same for
//! many articles and unifies canonical names across them; [`to_json`] renders the object that
//! `dossier extract` prints. Everything here is pure and deterministic. This module and its
//! children must never import `ratatui`, `crossterm` or `directories`.
//!
//! Submodules: [`text`] (tokenizer, sentence splitter), [`canon`] (normalisation keys),
//! [`gazetteer`] (embedded name lists), [`tagger`] (averaged perceptron NER), [`quantity`]
//! (figures), `entities` (mentions) and `claims` (claims).

#![warn(missing_docs)]

pub mod canon;
mod claims;
mod entities;
pub mod fasthash;
pub mod gazetteer;
pub mod quantity;
pub mod tagger;
pub mod text;

use crate::model::{
    Analysis, Article, BlockKind, EntityKind, Mention, PartialDate, Quantity, Span,
};
use std::collections::HashMap;
use std::ops::Range;
use text::Token;

pub use text::{Token as TextToken, TokenKind, sentence_spans, sentences, tokenize};

/// Version of the extractor's output; bumped whenever the output for some input changes.
pub const EXTRACTOR_VERSION: u32 = 5;

/// One sentence of the tokenised article.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Indices into [`Doc::tokens`].
    pub range: Range<usize>,
    /// Byte span in the article text.
    pub span: Span,
    /// Kind of the block it belongs to.
    pub block_kind: BlockKind,
}

/// The tokenised article shared by the entity and claim passes.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub strs: Vec<&'a str>,
    pub sentences: Vec<Sentence>,
    pub blocks: Vec<Span>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<(Span, PartialDate)>,
    /// How often each all-capitals word occurs (acronyms used repeatedly are names).
    pub acronym_counts: fasthash::FastMap<&'a str, u32>,
    /// Lowercase forms of the tokens with capitals, one after another (see [`Doc::lower`]).
    lower_buf: String,
    /// Per token: its range in `lower_buf`, or `None` when the token has no capitals.
    lower_at: Vec<Option<(u32, u32)>>,
}

impl<'a> Doc<'a> {
    fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let mut doc = Doc {
            text,
            tokens: Vec::new(),
            strs: Vec::new(),
            sentences: Vec::new(),
            blocks: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
            acronym_counts: Default::default(),
            lower_buf: String::new(),
            lower_at: Vec::new(),
        };
        let default_year = article.date.map(|d| d.year);
        let mut blocks: Vec<&crate::model::Block> = article
            .body
            .iter()
            .chain(article.references.iter())
            .collect();
        blocks.sort_by_key(|b| b.span.start);
        let mut last_end = 0;
        for b in blocks {
            let Some(btext) = text.get(b.span.start..b.span.end) else {
                continue;
            };
            if b.span.start < last_end {
                continue;
            }
            last_end = b.span.end;
            doc.blocks.push(b.span);
            let toks = tokenize(btext, b.span.start);
            let base = doc.tokens.len();
            for r in sentences(btext, b.span.start, &toks) {
                if r.is_empty() {
                    continue;
                }
                let span = Span::new(toks[r.start].span.start, toks[r.end - 1].span.end);
                doc.sentences.push(Sentence {
                    range: base + r.start..base + r.end,
                    span,
                    block_kind: b.kind,
                });
            }
            for t in &toks {
                doc.strs.push(&text[t.span.start..t.span.end]);
            }
            doc.tokens.extend(toks);
            for (sp, d) in crate::dates::find_dates_with_default_year(btext, default_year) {
                doc.dates
                    .push((Span::new(sp.start + b.span.start, sp.end + b.span.start), d));
            }
        }
        for w in &doc.strs {
            if w.len() >= 2 && w.chars().all(|c| c.is_uppercase()) {
                *doc.acronym_counts.entry(w).or_default() += 1;
            }
        }
        doc.lower_at.reserve(doc.strs.len());
        for w in &doc.strs {
            if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80)
                && w.chars().any(char::is_uppercase)
            {
                let start = doc.lower_buf.len() as u32;
                if w.is_ascii() {
                    doc.lower_buf
                        .extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    for c in w.chars() {
                        doc.lower_buf.extend(c.to_lowercase());
                    }
                }
                doc.lower_at.push(Some((start, doc.lower_buf.len() as u32)));
            } else {
                doc.lower_at.push(None);
            }
        }
        for s in &doc.sentences {
            let r = s.range.clone();
            for mut q in
                quantity::find_lowered(&doc.tokens[r.clone()], &doc.strs[r.clone()], &doc.lowers(r))
            {
                q.text = text[q.span.start..q.span.end].to_string();
                doc.quantities.push(q);
            }
        }
        doc
    }

    /// The lowercase form of token `i` (as [`text::lowercase`] gives it), without allocating.
    pub fn lower(&self, i: usize) -> &str {
        match self.lower_at[i] {
            Some((a, b)) => &self.lower_buf[a as usize..b as usize],
            None => self.strs[i],
        }
    }

    /// The lowercase forms of a range of tokens.
    pub fn lowers(&self, range: Range<usize>) -> Vec<&str> {
        range.map(|i| self.lower(i)).collect()
    }

    /// True when the span lies inside one block.
    pub fn in_body(&self, span: Span) -> bool {
        self.blocks.iter().any(|b| b.contains(span))
    }
}

/// Analyses one article: entity mentions (sorted, non-overlapping) and claims, in text order.
pub fn analyze(article: &Article) -> Analysis {
    let doc = Doc::new(article);
    let mentions = find_mentions(&doc);
    let claims = claims::find(&doc, &mentions);
    Analysis { mentions, claims }
}

fn find_mentions(doc: &Doc) -> Vec<Mention> {
    let mut cands = Vec::new();
    for (sp, _) in &doc.dates {
        cands.push(entities::Cand {
            span: *sp,
            kind: EntityKind::Date,
            canonical: String::new(),
            derived: false,
            prio: 9,
        });
    }
    for q in &doc.quantities {
        cands.push(entities::Cand {
            span: q.span,
            kind: EntityKind::Quantity,
            canonical: String::new(),
            derived: false,
            prio: 8,
        });
    }
    for s in &doc.sentences {
        entities::sentence_candidates(doc, s, &mut cands);
    }
    let first = entities::resolve_overlaps(cands);
    let mut cands = first;
    entities::propagate(doc, &mut cands);
    let kept = entities::resolve_overlaps(cands);
    let dates: fasthash::FastMap<Span, PartialDate> = doc.dates.iter().copied().collect();
    let mut mentions: Vec<Mention> = kept
        .into_iter()
        .filter(|c| {
            doc.text.is_char_boundary(c.span.start) && doc.text.is_char_boundary(c.span.end)
        })
        .map(|c| {
            let text = doc.text[c.span.start..c.span.end].to_string();
            let canonical = match c.kind {
                EntityKind::Date => dates
                    .get(&c.span)
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| text.clone()),
                EntityKind::Quantity => text.clone(),
                _ => c.canonical,
            };
            Mention {
                span: c.span,
                text,
                kind: c.kind,
                canonical,
                derived: c.derived,
            }
        })
        .collect();
    entities::canonicalise(doc, &mut mentions);
    mentions
}

/// Analyses every article and gives the same canonical name to the same entity across them.
pub fn analyze_corpus(articles: &[Article]) -> Vec<Analysis> {
    let mut out: Vec<Analysis> = articles.iter().map(analyze).collect();
    add_corpus_short_names(articles, &mut out);
    // Full names by key, and single-word person names mapped to the full name they end or start.
    let mut by_key: HashMap<(EntityKind, String), String> = HashMap::new();
    let mut counts: HashMap<(EntityKind, String), usize> = HashMap::new();
    for a in &out {
        for m in &a.mentions {
            if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            *counts.entry((m.kind, m.canonical.clone())).or_default() += 1;
        }
    }
    let mut names: Vec<(&(EntityKind, String), &usize)> = counts.iter().collect();
    // Most frequent spelling first, ties by name, so the choice is deterministic.
    names.sort_by(|a, b| b.1.cmp(a.1).then(a.0.1.cmp(&b.0.1)));
    for ((kind, name), _) in &names {
        by_key
            .entry((*kind, canon::key(name)))
            .or_insert_with(|| name.clone());
    }
    let mut short: HashMap<String, Option<String>> = HashMap::new();
    for ((kind, name), _) in &names {
        if *kind != EntityKind::Person || !name.contains(' ') {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let full = by_key
            .get(&(*kind, canon::key(name)))
            .cloned()
            .unwrap_or_else(|| name.clone());
        for w in [words[0], words[words.len() - 1]] {
            let e = short
                .entry(canon::key(w))
                .or_insert_with(|| Some(full.clone()));
            if e.as_deref() != Some(full.as_str()) {
                *e = None; // ambiguous across the corpus: keep apart
            }
        }
    }
    let map = |kind: EntityKind, name: &str| -> String {
        if kind == EntityKind::Person
            && !name.contains(' ')
            && let Some(Some(full)) = short.get(&canon::key(name))
        {
            return full.clone();
        }
        by_key
            .get(&(kind, canon::key(name)))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    for a in &mut out {
        let mut renamed: HashMap<String, String> = HashMap::new();
        for m in &mut a.mentions {
            if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            let new = map(m.kind, &m.canonical);
            renamed.insert(m.canonical.clone(), new.clone());
            m.canonical = new;
        }
        for c in &mut a.claims {
            for e in &mut c.entities {
                if let Some(n) = renamed.get(e) {
                    *e = n.clone();
                }
            }
            let mut seen = std::collections::HashSet::new();
            c.entities.retain(|e| seen.insert(e.clone()));
            if let Some(att) = &mut c.attribution
                && let Some(canonical) = &att.canonical
                && let Some(n) = renamed.get(canonical)
            {
                att.canonical = Some(n.clone());
            }
        }
    }
    out
}

/// Tags bare surnames ("Putin") in articles that never give the full name, when exactly one
/// person of the corpus has that last (or, East Asian order, first) name.
fn add_corpus_short_names(articles: &[Article], out: &mut [Analysis]) {
    let mut owners: HashMap<&str, Option<String>> = HashMap::new();
    for a in out.iter() {
        for m in &a.mentions {
            if m.kind != EntityKind::Person || !m.canonical.contains(' ') {
                continue;
            }
            let words: Vec<&str> = m.canonical.split_whitespace().collect();
            for w in [words[0], words[words.len() - 1]] {
                if w.chars().count() < 3 {
                    continue;
                }
                let e = owners.entry(w).or_insert_with(|| Some(m.canonical.clone()));
                if e.as_deref() != Some(m.canonical.as_str()) {
                    *e = None;
                }
            }
        }
    }
    let owners: HashMap<String, String> = owners
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect();
    if owners.is_empty() {
        return;
    }
    for (article, analysis) in articles.iter().zip(out.iter_mut()) {
        let doc = Doc::new(article);
        let mut added = Vec::new();
        for (t, w) in doc.tokens.iter().zip(&doc.strs) {
            if t.kind != TokenKind::Word || !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let base = w
                .strip_suffix('s')
                .filter(|b| owners.contains_key(*b))
                .unwrap_or(w);
            let Some(full) = owners.get(base) else {
                continue;
            };
            let k = analysis
                .mentions
                .partition_point(|m| m.span.end <= t.span.start);
            if analysis
                .mentions
                .get(k)
                .is_some_and(|m| m.span.start < t.span.end)
            {
                continue;
            }
            added.push(Mention {
                span: t.span,
                text: w.to_string(),
                kind: EntityKind::Person,
                canonical: full.clone(),
                derived: false,
            });
        }
        if added.is_empty() {
            continue;
        }
        for m in &added {
            for c in analysis
                .claims
                .iter_mut()
                .filter(|c| c.span.contains(m.span))
            {
                if !c.entities.contains(&m.canonical) {
                    c.entities.push(m.canonical.clone());
                }
            }
        }
        analysis.mentions.extend(added);
        analysis.mentions.sort_by_key(|m| m.span.start);
    }
}

/// The JSON object `dossier extract` prints for one file (issue 3 §4).
pub fn to_json(
    path: &str,
    article: &Article,
    analysis: &Analysis,
    with_metadata: bool,
) -> serde_json::Value {
    use serde_json::{Value, json};
    let entities: Vec<Value> = analysis
        .mentions
        .iter()
        .map(|m| json!({"start": m.span.start, "end": m.span.end, "text": m.text, "kind": m.kind.name(), "canonical": m.canonical, "derived": m.derived}))
        .collect();
    let claims: Vec<Value> = analysis
        .claims
        .iter()
        .map(|c| {
            let attribution = match &c.attribution {
                Some(a) => {
                    let mut v = json!({"text": a.text, "canonical": a.canonical, "unnamed": a.unnamed, "start": a.span.map(|s| s.start), "end": a.span.map(|s| s.end)});
                    if let (Some(r), Some(obj)) = (&a.resolved_from, v.as_object_mut()) {
                        obj.insert("resolved_from".into(), json!(r));
                    }
                    v
                }
                None => Value::Null,
            };
            let quantities: Vec<Value> = c
                .quantities
                .iter()
                .map(|q| json!({"start": q.span.start, "end": q.span.end, "text": q.text, "min": q.min, "max": q.max, "unit": q.unit, "approximate": q.approximate}))
                .collect();
            let dates: Vec<Value> = c
                .dates
                .iter()
                .map(|d| json!({"start": d.span.start, "end": d.span.end, "text": d.text, "date": d.date.iso(), "part": d.date.part.map(|p| p.name())}))
                .collect();
            json!({"start": c.span.start, "end": c.span.end, "text": c.text, "kind": c.kind.name(), "attribution": attribution, "stance": c.stance.name(), "entities": c.entities, "quantities": quantities, "dates": dates})
        })
        .collect();
    let mut obj = serde_json::Map::new();
    obj.insert("path".into(), json!(path));
    if with_metadata {
        obj.insert("id".into(), json!(article.id.0));
        obj.insert("title".into(), json!(article.title));
        obj.insert("authors".into(), json!(article.authors));
        obj.insert("outlet".into(), json!(article.outlet));
        obj.insert("date".into(), json!(article.date.map(|d| d.iso())));
        obj.insert("lang".into(), json!(article.lang.code()));
        obj.insert("doi".into(), json!(article.doi));
        obj.insert("url".into(), json!(article.url));
    }
    obj.insert("entities".into(), Value::Array(entities));
    obj.insert("claims".into(), Value::Array(claims));
    Value::Object(obj)
}

#[cfg(test)]
pub(crate) mod testutil {
    use crate::model::{Article, ArticleId, Block, BlockKind, Lang, Span};

    /// An article with one paragraph block per blank-line-separated paragraph.
    pub fn article(text: &str) -> Article {
        let mut body = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            let lead = part.len() - part.trim_start().len();
            let s = start + lead;
            let e = start + part.trim_end().len();
            if e > s {
                body.push(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(s, e),
                });
            }
            start += part.len() + 2;
        }
        Article {
            id: ArticleId("0".into()),
            source: "test".into(),
            title: String::new(),
            authors: vec![],
            outlet: None,
            date: None,
            lang: Lang::De,
            doi: None,
            url: None,
            text: text.to_string(),
            body,
            references: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::article;
    use super::*;

    fn canon_of(a: &Analysis, text: &str) -> Option<String> {
        a.mentions
            .iter()
            .find(|m| m.text == text)
            .map(|m| m.canonical.clone())
    }

    #[test]
    fn inflected_and_short_names_resolve_to_full_names() {
        let a = analyze(&article(
            "Im Juni 2024 trafen sich Wladimir Putin und Kim Jong-un in Pjöngjang.\n\nPutins Besuch in Nordkoreas Hauptstadt war kurz. Kim Jong Un lobte Putin.",
        ));
        assert_eq!(canon_of(&a, "Putins").as_deref(), Some("Wladimir Putin"));
        assert_eq!(canon_of(&a, "Nordkoreas").as_deref(), Some("Nordkorea"));
        assert_eq!(canon_of(&a, "Kim Jong Un").as_deref(), Some("Kim Jong-un"));
        assert_eq!(canon_of(&a, "Pjöngjang").as_deref(), Some("Pjöngjang"));
    }

    #[test]
    fn different_kims_stay_apart() {
        let a = analyze(&article(
            "Kim Il-sung gründete den Staat. Kim Jong-un regiert heute. Der Minister Kim Hong Kyun widersprach.",
        ));
        let c1 = canon_of(&a, "Kim Il-sung");
        let c2 = canon_of(&a, "Kim Jong-un");
        let c3 = canon_of(&a, "Kim Hong Kyun");
        assert!(c1.is_some() && c2.is_some() && c3.is_some());
        assert_ne!(c1, c2);
        assert_ne!(c2, c3);
    }

    #[test]
    fn acronyms_defined_in_text_share_the_long_form() {
        let a = analyze(&article(
            "Die Ukraine trat dem Nuklearen Nichtverbreitungsvertrag (NVV) bei. Der NVV verbietet das. Der Atomwaffensperrvertrag gilt.",
        ));
        assert_eq!(
            canon_of(&a, "NVV"),
            canon_of(&a, "Nuklearen Nichtverbreitungsvertrag")
        );
        assert_eq!(canon_of(&a, "NVV"), canon_of(&a, "Atomwaffensperrvertrag"));
    }

    #[test]
    fn demonyms_are_derived_places() {
        let a = analyze(&article(
            "Nordkoreanische Truppen kämpfen im russisch-ukrainischen Krieg.",
        ));
        let m: Vec<(&str, &str, bool)> = a
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.canonical.as_str(), m.derived))
            .collect();
        assert!(m.contains(&("Nordkoreanische", "Nordkorea", true)), "{m:?}");
        assert!(m.contains(&("russisch", "Russland", true)), "{m:?}");
        assert!(m.contains(&("ukrainischen", "Ukraine", true)), "{m:?}");
    }

    #[test]
    fn spans_are_sorted_and_disjoint() {
        let text = "Laut Pentagon-Sprecher Pat Ryder sind 10.000-12.000 Soldaten im Einsatz. Die USA und die Vereinigten Staaten von Amerika sind eins.";
        let a = analyze(&article(text));
        for w in a.mentions.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for m in &a.mentions {
            assert_eq!(&text[m.span.start..m.span.end], m.text);
        }
        assert_eq!(
            canon_of(&a, "USA"),
            canon_of(&a, "Vereinigten Staaten von Amerika")
        );
    }

    #[test]
    fn corpus_unifies_short_and_full_names() {
        let a = article("Putin sprach lange mit Journalisten.");
        let b = article("Wladimir Putin reiste nach Peking.");
        let out = analyze_corpus(&[a, b]);
        assert_eq!(
            canon_of(&out[0], "Putin").as_deref(),
            Some("Wladimir Putin")
        );
    }

    #[test]
    fn json_has_the_documented_shape() {
        let art = article("Laut Pentagon-Sprecher Pat Ryder sind 10.000 Soldaten im Einsatz.");
        let an = analyze(&art);
        let v = to_json("x.txt", &art, &an, true);
        assert_eq!(v["path"], "x.txt");
        assert!(v["entities"].as_array().is_some_and(|e| !e.is_empty()));
        assert!(v["entities"][0]["start"].is_u64());
        assert!(v.get("title").is_some());
        let v = to_json("x.txt", &art, &an, false);
        assert!(v.get("title").is_none());
    }
}
