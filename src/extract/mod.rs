//! The extraction engine: entity mentions with canonical names and claims with source and stance.
//!
//! [`analyze`] turns one [`Article`] into an [`Analysis`]; [`analyze_corpus`] does the same for
//! many articles and unifies canonical names across them through [`corpus`], the one corpus
//! pass; [`to_json`] renders the object that
//! `dossier extract` prints. Everything here is pure and deterministic. This module and its
//! children must never import `ratatui`, `crossterm` or `directories`.
//!
//! Submodules: [`text`] (tokenizer, sentence splitter), [`canon`] (normalisation keys),
//! [`gazetteer`] (embedded name lists), [`tagger`] (averaged perceptron NER), [`quantity`]
//! (figures), `entities` (mentions) and `claims` (claims).

#![warn(missing_docs)]

pub mod canon;
mod claims;
pub mod corpus;
mod english;
mod entities;
pub mod fasthash;
pub mod gazetteer;
pub mod quantity;
pub mod tagger;
pub mod text;
mod wordlist;

use crate::model::{
    Analysis, Article, BlockKind, EntityKind, Lang, Mention, PartialDate, Quantity, Span,
};
use std::ops::Range;
use text::Token;

pub use text::{Token as TextToken, TokenKind, sentence_spans, sentences, tokenize};

/// Version of the extractor's output; bumped whenever the output for some input changes.
pub const EXTRACTOR_VERSION: u32 = 13;

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
    /// Language of the article (English articles get the rules of `english` and keep their
    /// own spelling of canonical names).
    pub lang: Lang,
    pub tokens: Vec<Token>,
    pub strs: Vec<&'a str>,
    pub sentences: Vec<Sentence>,
    pub blocks: Vec<Span>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<(Span, PartialDate)>,
    /// How often each all-capitals word occurs (acronyms used repeatedly are names).
    pub acronym_counts: fasthash::FastMap<&'a str, u32>,
    /// Per token: its lowercase form (as [`text::lowercase`] gives it), the token itself when it
    /// has no capitals, else a slice of the buffer [`Doc::new`] was given; computed once per
    /// article and borrowed by every pass.
    lower: Vec<&'a str>,
    /// Per token: what the gazetteers know about it ([`tagger::word_infos`], looked up once
    /// for the whole article and shared by the entity rules, the tagger and name candidates).
    pub word_infos: Vec<gazetteer::WordInfo>,
}

impl<'a> Doc<'a> {
    /// Tokenises `article`; the lowercase forms of its words with capitals are written into
    /// `lower_buf` (emptied first), which the returned document borrows.
    fn new(article: &'a Article, lower_buf: &'a mut String) -> Self {
        let text = article.text.as_str();
        let mut doc = Doc {
            text,
            lang: article.lang,
            tokens: Vec::new(),
            strs: Vec::new(),
            sentences: Vec::new(),
            blocks: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
            acronym_counts: Default::default(),
            lower: Vec::new(),
            word_infos: Vec::new(),
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
        // Per token: its range in `lower_buf`, or `None` when the token has no capitals.
        lower_buf.clear();
        let mut lower_at: Vec<Option<(u32, u32)>> = Vec::with_capacity(doc.strs.len());
        for w in &doc.strs {
            if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80)
                && w.chars().any(char::is_uppercase)
            {
                let start = lower_buf.len() as u32;
                if w.is_ascii() {
                    lower_buf.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    for c in w.chars() {
                        lower_buf.extend(c.to_lowercase());
                    }
                }
                lower_at.push(Some((start, lower_buf.len() as u32)));
            } else {
                lower_at.push(None);
            }
        }
        let lower_buf: &'a String = lower_buf;
        doc.lower = lower_at
            .iter()
            .zip(&doc.strs)
            .map(|(at, w)| match *at {
                Some((a, b)) => &lower_buf[a as usize..b as usize],
                None => *w,
            })
            .collect();
        let word_infos = tagger::word_infos(&doc.strs, &doc.lower);
        doc.word_infos = word_infos;
        for s in &doc.sentences {
            let r = s.range.clone();
            for mut q in
                quantity::find_lowered(&doc.tokens[r.clone()], &doc.strs[r.clone()], doc.lowers(r))
            {
                q.text = text[q.span.start..q.span.end].to_string();
                doc.quantities.push(q);
            }
        }
        // In text order, so that a sentence finds its own by binary search.
        doc.quantities.sort_by_key(|q| q.span.start);
        doc.dates.sort_by_key(|(sp, _)| sp.start);
        doc
    }

    /// The lowercase form of token `i` (as [`text::lowercase`] gives it), without allocating.
    pub fn lower(&self, i: usize) -> &'a str {
        self.lower[i]
    }

    /// The lowercase forms of a range of tokens.
    pub fn lowers(&self, range: Range<usize>) -> &[&'a str] {
        &self.lower[range]
    }

    /// The quantities inside `span` (found by binary search: they are in text order).
    pub fn quantities_in(&self, span: Span) -> impl Iterator<Item = &Quantity> {
        let from = self
            .quantities
            .partition_point(|q| q.span.start < span.start);
        self.quantities[from..]
            .iter()
            .take_while(move |q| q.span.start < span.end)
            .filter(move |q| span.contains(q.span))
    }

    /// The dates inside `span` (found by binary search: they are in text order).
    pub fn dates_in(&self, span: Span) -> impl Iterator<Item = &(Span, PartialDate)> {
        let from = self.dates.partition_point(|(sp, _)| sp.start < span.start);
        self.dates[from..]
            .iter()
            .take_while(move |(sp, _)| sp.start < span.end)
            .filter(move |(sp, _)| span.contains(*sp))
    }

    /// True when the span lies inside one block.
    pub fn in_body(&self, span: Span) -> bool {
        self.blocks.iter().any(|b| b.contains(span))
    }
}

/// Analyses one article: entity mentions (sorted, non-overlapping) and claims, in text order.
pub fn analyze(article: &Article) -> Analysis {
    let mut lower_buf = String::new();
    let doc = Doc::new(article, &mut lower_buf);
    let mentions = find_mentions(&doc);
    let claims = claims::find(&doc, &mentions);
    let name_candidates = name_candidates(&doc, &mentions);
    Analysis {
        mentions,
        claims,
        name_candidates,
    }
}

/// Capitalised words outside every mention that could be surnames on this article's own
/// evidence: not after an article or name particle, not a function word, weekday or role, not
/// a gazetteer name, and not among the thousand most frequent words of German Wikipedia.
fn name_candidates(doc: &Doc, mentions: &[Mention]) -> Vec<crate::model::NameCandidate> {
    let g = gazetteer::get();
    let mut out = Vec::new();
    let mut k = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        let w = doc.strs[i];
        if t.kind != TokenKind::Word
            || w.len() < 3
            || !w.chars().next().is_some_and(char::is_uppercase)
            || w.chars().all(char::is_uppercase)
            || w.contains('-')
        {
            continue;
        }
        while mentions.get(k).is_some_and(|m| m.span.end <= t.span.start) {
            k += 1;
        }
        if mentions.get(k).is_some_and(|m| m.span.start < t.span.end) {
            continue;
        }
        // A word after an article or a name particle is a noun or the tail of a longer name.
        let after_article = i > 0
            && (text::is_german_article(doc.strs[i - 1])
                || matches!(
                    doc.strs[i - 1],
                    "im" | "am"
                        | "zum"
                        | "zur"
                        | "vom"
                        | "beim"
                        | "ins"
                        | "the"
                        | "a"
                        | "an"
                        | "van"
                        | "von"
                        | "de"
                        | "al"
                ));
        if after_article || entities::is_never_a_name(doc.lower(i)) || g.surface(w).is_some() {
            continue;
        }
        // The word's own facts: looked up with its capital, as here.
        let freq = doc.word_infos[i].freq;
        if freq != 0 && freq <= 10 {
            continue;
        }
        out.push(crate::model::NameCandidate {
            span: t.span,
            text: w.to_string(),
        });
    }
    out
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
    if doc.lang == Lang::En {
        english::candidates(doc, &mut cands);
    }
    let mut cands = entities::resolve_overlaps(cands);
    entities::clean(doc, &mut cands);
    entities::split_neighbours(doc, &mut cands);
    entities::propagate(doc, &mut cands);
    if doc.lang == Lang::En {
        english::after_propagate(doc, &mut cands);
    }
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

/// Analyses every article on its own and then gives the same canonical name to the same
/// entity across them (see [`corpus`]): the one corpus pass every command uses.
pub fn analyze_corpus(articles: &[Article]) -> Vec<Analysis> {
    use rayon::prelude::*;
    let mut out: Vec<Analysis> = articles.par_iter().map(analyze).collect();
    let langs: Vec<crate::model::Lang> = articles.iter().map(|a| a.lang).collect();
    corpus::link(&langs, &mut out);
    out
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
    use crate::model::{Article, ArticleId, Lang};

    /// An article with one paragraph block per blank-line-separated paragraph.
    pub fn article(text: &str) -> Article {
        Article {
            source: "test".into(),
            ..Article::untitled(
                ArticleId("0".into()),
                text.to_string(),
                crate::ingest::paragraphs(text),
            )
        }
    }

    /// The same, detected as English.
    pub fn english_article(text: &str) -> Article {
        Article {
            lang: Lang::En,
            ..article(text)
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

    fn persons(a: &Analysis) -> Vec<(&str, &str)> {
        a.mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.text.as_str(), m.canonical.as_str()))
            .collect()
    }

    fn kind_of(a: &Analysis, text: &str) -> Option<EntityKind> {
        a.mentions.iter().find(|m| m.text == text).map(|m| m.kind)
    }

    #[test]
    fn neighbours_split_when_the_first_name_stands_alone_elsewhere() {
        // The first name is never given in full; it is used alone, and the second is the
        // surname of another person of the text.
        let a = analyze(&article(
            "Wladimir Putin lobte die Zusammenarbeit. Kim reiste im Zug an. Danach könnte Kim Putin zudem Raketen liefern. Kim schwieg, Putin sprach.",
        ));
        let p = persons(&a);
        assert!(p.iter().all(|(t, _)| *t != "Kim Putin"), "{p:?}");
        assert!(p.iter().all(|(_, c)| *c != "Kim Putin"), "{p:?}");
        assert!(p.contains(&("Putin", "Wladimir Putin")), "{p:?}");
    }

    #[test]
    fn neighbouring_names_do_not_merge_into_a_fake_person() {
        let a = analyze(&article(
            "Wladimir Putin empfing Kim Jong-un in Wladiwostok. Nach dem Treffen könnte Kim Putin zudem Raketen liefern. Putin lobte die Gespräche, Kim Jong-un ebenso.",
        ));
        let p = persons(&a);
        assert!(p.iter().all(|(t, _)| *t != "Kim Putin"), "{p:?}");
        assert!(p.iter().all(|(_, c)| *c != "Kim Putin"), "{p:?}");
        assert!(p.contains(&("Putin", "Wladimir Putin")), "{p:?}");
    }

    #[test]
    fn a_given_name_before_a_city_name_is_a_person() {
        let a = analyze(&article(
            "US-Verteidigungsminister Lloyd Austin reiste nach Kiew. Lloyd Austin sagte weitere Hilfe zu.",
        ));
        assert_eq!(
            kind_of(&a, "Lloyd Austin"),
            Some(EntityKind::Person),
            "{:?}",
            a.mentions
        );
        assert!(
            a.mentions.iter().all(|m| m.text != "Austin"),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn function_words_roles_calendar_words_and_numbers_are_not_names() {
        let a = analyze(&article(
            "Hochwasser in Flevoland Die Deiche halten\n\nJe länger der Streit dauert, desto teurer wird er. Der Gastwissenschaftler sprach am Friday mit 20 Kollegen.",
        ));
        for m in &a.mentions {
            if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
                continue;
            }
            assert!(m.text.chars().any(char::is_alphabetic), "{m:?}");
            assert!(!m.text.ends_with(" Die"), "{m:?}");
            assert!(
                !matches!(
                    m.text.as_str(),
                    "Je" | "Die" | "Gastwissenschaftler" | "Friday"
                ),
                "{m:?}"
            );
        }
    }

    #[test]
    fn a_person_ending_in_a_geographic_head_is_a_place() {
        let a = analyze(&Article {
            lang: Lang::En,
            ..article("Ships crossed the Black Sea on Friday. He said the Black Sea was calm.")
        });
        for m in &a.mentions {
            assert_ne!(m.kind, EntityKind::Person, "{m:?}");
        }
    }

    #[test]
    fn a_name_after_the_noun_for_its_kind_takes_that_kind() {
        let a = analyze(&article(
            "Der Angriff ereignete sich in der Siedlung Tekoa. Die Linkspartei Podemos legte zu. Der Streamingdienst Spotify wächst, die Bank-Austria-Mutter Unicredit nicht. Die Nationalbank Polens senkte den Zins.",
        ));
        let kind_of = |text: &str| a.mentions.iter().find(|m| m.text == text).map(|m| m.kind);
        assert_eq!(
            kind_of("Tekoa"),
            Some(EntityKind::Place),
            "{:?}",
            a.mentions
        );
        assert_eq!(kind_of("Podemos"), Some(EntityKind::Organization));
        assert_eq!(canon_of(&a, "Podemos").as_deref(), Some("Podemos"));
        assert_eq!(kind_of("Spotify"), Some(EntityKind::Organization));
        assert_eq!(kind_of("Unicredit"), Some(EntityKind::Organization));
        assert_eq!(kind_of("Linkspartei Podemos"), None);
        assert_eq!(
            kind_of("Nationalbank Polens"),
            Some(EntityKind::Organization)
        );
        let b = analyze(&article(
            "Zuletzt hatte die Palästinenserorganisation Hamas gedroht. Die Wirtschaftskammer widersprach.",
        ));
        let kind_of = |text: &str| b.mentions.iter().find(|m| m.text == text).map(|m| m.kind);
        assert_eq!(
            kind_of("Hamas"),
            Some(EntityKind::Organization),
            "{:?}",
            b.mentions
        );
        assert_eq!(kind_of("Wirtschaftskammer"), Some(EntityKind::Organization));
    }

    #[test]
    fn a_kind_noun_before_a_full_name_leaves_the_person() {
        let a = analyze(&article(
            "Das sagte der Vorsitzende der Partei Peter Pilz am Montag in Wien.",
        ));
        assert!(
            a.mentions
                .iter()
                .all(|m| !(m.text.contains("Pilz") && m.kind == EntityKind::Organization)),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn an_image_label_and_credit_line_name_no_organisation() {
        let a = analyze(&article(
            "Putin droht dem Westen\n\nBild\nBild: Putin\n\nDer russische Präsident Wladimir Putin sprach am Montag in Moskau.",
        ));
        for m in &a.mentions {
            assert!(!m.text.contains('\n'), "{m:?}");
            assert!(
                !(m.text == "Bild" && m.kind == EntityKind::Organization),
                "{m:?}"
            );
        }
        assert_eq!(
            canon_of(&a, "Wladimir Putin").as_deref(),
            Some("Wladimir Putin")
        );
    }

    #[test]
    fn a_bare_first_name_joins_the_only_person_of_that_name() {
        let one = analyze(&article(
            "Machthaber Kim Jong-un besuchte eine Fabrik. Dort sagte Kim, die Produktion steige.",
        ));
        let bare: Vec<&str> = one
            .mentions
            .iter()
            .filter(|m| m.text == "Kim")
            .map(|m| m.canonical.as_str())
            .collect();
        assert!(
            bare.iter().all(|c| *c == "Kim Jong-un"),
            "{:?}",
            one.mentions
        );
        let two = analyze(&article(
            "Kim Il-sung gründete den Staat, Kim Jong-un regiert ihn heute. Kim sagte, die Produktion steige.",
        ));
        for m in two.mentions.iter().filter(|m| m.text == "Kim") {
            assert_eq!(m.canonical, "Kim", "{:?}", two.mentions);
        }
    }

    #[test]
    fn the_outermost_organisation_span_wins_over_places_inside() {
        let a = analyze(&article(
            "Das Landeskriminalamt Stuttgart ermittelt. Die Flughafen Wien AG meldete Gewinne, die Bank Austria ebenso. Der UNO-Menschenrechtsrat tagte.",
        ));
        for org in [
            "Landeskriminalamt Stuttgart",
            "Flughafen Wien AG",
            "Bank Austria",
            "UNO-Menschenrechtsrat",
        ] {
            assert_eq!(
                kind_of(&a, org),
                Some(EntityKind::Organization),
                "{org}: {:?}",
                a.mentions
            );
        }
        for place in ["Stuttgart", "Wien", "Austria", "UNO"] {
            assert!(
                a.mentions.iter().all(|m| m.text != place),
                "{place}: {:?}",
                a.mentions
            );
        }
    }

    #[test]
    fn ministries_and_federal_offices_are_organisations() {
        let a = analyze(&article(
            "Das Verteidigungsministerium widersprach. Laut Bundeskriminalamt gibt es keine Hinweise. Ein Sprecher des Sozialministeriums schwieg.",
        ));
        assert_eq!(
            kind_of(&a, "Verteidigungsministerium"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(&a, "Bundeskriminalamt"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(&a, "Sozialministeriums"),
            Some(EntityKind::Organization)
        );
        assert!(a.mentions.iter().all(|m| m.text != "Ministerium"));
    }

    #[test]
    fn names_inside_compounds_are_derived() {
        let a = analyze(&article(
            "Der US-Präsident und die SPD-Politikerin sprachen über den Win-Win-Handel.",
        ));
        for m in &a.mentions {
            assert!(m.derived, "{m:?}");
            assert_ne!(m.canonical, "Vinh", "{m:?}");
        }
    }

    #[test]
    fn name_particles_and_arabic_articles_stay_inside_person_names() {
        let a = analyze(&article(
            "Bundespräsident Alexander Van der Bellen traf Präsident Omar al-Bashir. Kommissionschefin Ursula von der Leyen kam später.",
        ));
        let p = persons(&a);
        for name in [
            "Alexander Van der Bellen",
            "Omar al-Bashir",
            "Ursula von der Leyen",
        ] {
            assert!(p.iter().any(|(t, _)| *t == name), "{name}: {p:?}");
        }
    }

    #[test]
    fn an_acronym_defined_in_the_text_names_an_organisation_with_its_long_form() {
        let a = analyze(&article(
            "Die Bank Monte dei Paschi di Siena (MPS) braucht Kapital. Die MPS-Aktie fiel, MPS verlor weiter.",
        ));
        assert_eq!(
            kind_of(&a, "Monte dei Paschi di Siena"),
            Some(EntityKind::Organization),
            "{:?}",
            a.mentions
        );
        let mps: Vec<&Mention> = a.mentions.iter().filter(|m| m.text == "MPS").collect();
        assert!(!mps.is_empty(), "{:?}", a.mentions);
        for m in mps {
            assert_eq!(m.kind, EntityKind::Organization);
            assert_eq!(m.canonical, "Monte dei Paschi di Siena");
        }
        assert!(
            a.mentions
                .iter()
                .all(|m| m.text != "Siena" && m.text != "Monte")
        );
    }

    fn kinds_of(a: &Analysis, kind: EntityKind) -> Vec<(&str, &str)> {
        a.mentions
            .iter()
            .filter(|m| m.kind == kind && !m.derived)
            .map(|m| (m.text.as_str(), m.canonical.as_str()))
            .collect()
    }

    #[test]
    fn a_city_name_after_an_article_names_no_city() {
        let a = analyze(&article(
            "Der Deal ist geplatzt, sagte er. Die Hamas lehnte ab. Später reiste er nach Hama.",
        ));
        let places = kinds_of(&a, EntityKind::Place);
        assert!(
            places.iter().all(|(t, _)| *t != "Deal" && *t != "Hamas"),
            "{places:?}"
        );
        assert!(places.iter().any(|(t, _)| *t == "Hama"), "{places:?}");
    }

    #[test]
    fn a_city_keeps_the_article_of_its_name() {
        let a = analyze(&article("Die Regierung in Den Haag schwieg dazu."));
        let places = kinds_of(&a, EntityKind::Place);
        assert!(places.iter().any(|(t, _)| *t == "Den Haag"), "{places:?}");
        assert!(places.iter().all(|(t, _)| *t != "Haag"), "{places:?}");
    }

    #[test]
    fn a_regnal_number_keeps_its_period() {
        let a = analyze(&article(
            "Am Abend empfing König Felipe VI. den Gast. Danach sprach er mit König Abdullah II. über die Lage.",
        ));
        let p = persons(&a);
        for name in ["Felipe VI.", "Abdullah II."] {
            assert!(p.iter().any(|(t, _)| *t == name), "{name}: {p:?}");
        }
    }

    #[test]
    fn adjectives_before_an_organisation_head_name_one_organisation() {
        let a = analyze(&article(
            "Am Montag entschied der Oberste Gerichtshof den Fall. Ein Sprecher des Obersten Gerichtshofs schwieg. Auch die Europäische Reiseversicherung zahlt nicht.",
        ));
        let orgs = kinds_of(&a, EntityKind::Organization);
        for (text, canonical) in [
            ("Oberste Gerichtshof", "Oberster Gerichtshof"),
            ("Obersten Gerichtshofs", "Oberster Gerichtshof"),
            (
                "Europäische Reiseversicherung",
                "Europäische Reiseversicherung",
            ),
        ] {
            assert!(orgs.contains(&(text, canonical)), "{text}: {orgs:?}");
        }
    }

    #[test]
    fn a_chamber_of_a_machine_is_no_organisation() {
        let a = analyze(&article(
            "Die Brennkammer des Triebwerks glühte. Die Wirtschaftskammer protestierte dagegen.",
        ));
        let orgs = kinds_of(&a, EntityKind::Organization);
        assert!(
            orgs.iter().any(|(t, _)| *t == "Wirtschaftskammer"),
            "{orgs:?}"
        );
        assert!(orgs.iter().all(|(t, _)| *t != "Brennkammer"), "{orgs:?}");
    }

    #[test]
    fn an_acronym_after_a_kind_noun_opens_the_name() {
        let a = analyze(&article(
            "Die US-Großbank JP Morgan meldete am Dienstag höhere Gewinne.",
        ));
        let orgs = kinds_of(&a, EntityKind::Organization);
        assert!(orgs.iter().any(|(t, _)| *t == "JP Morgan"), "{orgs:?}");
        assert!(orgs.iter().all(|(t, _)| *t != "US-Großbank"), "{orgs:?}");
        assert!(persons(&a).iter().all(|(t, _)| *t != "Morgan"));
    }

    #[test]
    fn a_translated_name_before_an_acronym_shares_its_canonical_name() {
        let a = analyze(&article(
            "Die Sozialistische Arbeiterpartei (PSOE) verlor Stimmen. Die PSOE will dennoch regieren.",
        ));
        let orgs = kinds_of(&a, EntityKind::Organization);
        assert!(
            orgs.iter()
                .filter(|(t, _)| *t == "PSOE")
                .all(|(_, c)| *c == "Sozialistische Arbeiterpartei"),
            "{orgs:?}"
        );
        assert!(orgs.iter().any(|(t, _)| *t == "PSOE"), "{orgs:?}");
    }

    #[test]
    fn an_arabic_article_name_belongs_to_the_person_before_it() {
        let a = analyze(&article(
            "Muammar al-Gaddafi regierte Libyen lange. Über Muammar Gaddafi wird noch gestritten.",
        ));
        let p = persons(&a);
        let full = p.iter().find(|(t, _)| *t == "Muammar al-Gaddafi");
        let short = p.iter().find(|(t, _)| *t == "Muammar Gaddafi");
        assert!(full.is_some() && short.is_some(), "{p:?}");
        assert_eq!(full.map(|x| x.1), short.map(|x| x.1), "{p:?}");
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
