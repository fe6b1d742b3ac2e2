//! The corpus pass: one article's analysis stands on that article's own evidence; the corpus
//! only renames what each article found, so one entity carries one name across articles.
//!
//! Every command that shows more than one article gets its analyses through this module:
//! [`super::analyze_corpus`] (extract, export, render, find, compare, timeline, index on the
//! bundled corpus) and the background indexer ([`crate::index`]), which counts names with
//! [`NameCounts`] as its workers finish articles and applies the resulting [`CanonicalNames`]
//! when the last one is done. Both go through [`NameCounts::add`], [`NameCounts::finish`] and
//! [`CanonicalNames::apply`], so the reader's entity index and `dossier extract` agree.
//!
//! The pass never removes a mention and never changes a mention's span or kind, and a word
//! becomes a name in an article only on that article's own evidence. It renames:
//! - spellings of one entity to the most frequent spelling among articles of the same language
//!   (an English article keeps "Moscow" even when German ones say "Moskau");
//! - a single-word person ("Nehammer") to the one full name of the corpus that starts or ends
//!   with it ("Karl Nehammer"), unless several full names do, the word is a function word or
//!   not capitalised, or the article itself names another person with that word.
//!
//! and it links the words an article's own analysis marked as possible surnames
//! ([`Analysis::name_candidates`]: capitalised, not after an article, not a function word or frequent
//! word) to the one person of the corpus with that last name ("Nehammer reiste …" in one file,
//! "Bundeskanzler Karl Nehammer" in another). A word no article supports stays a word.
//!
//! Pure and deterministic; no terminal imports.

use super::canon;
use crate::model::{Analysis, EntityKind, Lang, Mention};
use std::collections::{HashMap, HashSet};

/// How often each (language, kind, canonical name) occurs in the analyses counted so far.
#[derive(Debug, Default, Clone)]
pub struct NameCounts(HashMap<(Lang, EntityKind, String), usize>);

/// Words that never stand alone for a person, whatever an analysis says (articles, pronouns,
/// conjunctions and other function words that a glued heading can push into a name).
const NEVER_SHORT: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "aber",
    "doch", "im", "in", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum",
    "zur", "für", "über", "unter", "er", "sie", "es", "wir", "ihr", "ich", "man", "je", "so",
    "wie", "wo", "was", "wer", "the", "a", "an", "and", "or", "but", "he", "she", "it", "we",
    "they", "i", "his", "her", "of", "to", "for", "on", "at", "by", "with", "mr", "mrs", "ms",
    "dr", "herr", "frau", "jr", "sr",
];

/// True when `word` may stand alone for a person of the corpus.
fn may_be_short_name(word: &str) -> bool {
    let mut chars = word.chars();
    let starts_upper = chars.next().is_some_and(char::is_uppercase);
    let long_enough = word.chars().count() >= 3;
    starts_upper && long_enough && !NEVER_SHORT.contains(&word.to_lowercase().as_str())
}

fn is_named(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Date | EntityKind::Quantity)
}

impl NameCounts {
    /// Counts the names of one article's own analysis.
    pub fn add(&mut self, lang: Lang, analysis: &Analysis) {
        for m in &analysis.mentions {
            if !is_named(m.kind) {
                continue;
            }
            match self.0.get_mut(&(lang, m.kind, m.canonical.clone())) {
                Some(n) => *n += 1,
                None => {
                    self.0.insert((lang, m.kind, m.canonical.clone()), 1);
                }
            }
        }
    }

    /// Adds the counts of another part of the corpus.
    pub fn merge(&mut self, other: NameCounts) {
        for (k, n) in other.0 {
            *self.0.entry(k).or_default() += n;
        }
    }

    /// The corpus-wide name map.
    pub fn finish(self) -> CanonicalNames {
        let mut names: Vec<(&(Lang, EntityKind, String), &usize)> = self.0.iter().collect();
        // Most frequent spelling first, ties by name, so the choice is deterministic.
        names.sort_by(|a, b| {
            b.1.cmp(a.1)
                .then(a.0.2.cmp(&b.0.2))
                .then(a.0.1.cmp(&b.0.1))
                .then(a.0.0.code().cmp(b.0.0.code()))
        });
        let mut by_key: HashMap<(Lang, EntityKind, String), String> = HashMap::new();
        for ((lang, kind, name), _) in &names {
            by_key
                .entry((*lang, *kind, canon::key(name)))
                .or_insert_with(|| name.clone());
        }
        let mut short: HashMap<(Lang, String), Option<String>> = HashMap::new();
        let mut last: HashMap<(Lang, String), Option<String>> = HashMap::new();
        for ((lang, kind, name), _) in &names {
            if *kind != EntityKind::Person || !name.contains(' ') {
                continue;
            }
            let full = by_key
                .get(&(*lang, *kind, canon::key(name)))
                .cloned()
                .unwrap_or_else(|| name.clone());
            for w in end_words(name) {
                if !may_be_short_name(w) {
                    continue;
                }
                let e = short
                    .entry((*lang, canon::key(w)))
                    .or_insert_with(|| Some(full.clone()));
                if e.as_deref() != Some(full.as_str()) {
                    *e = None; // ambiguous across the corpus: keep apart
                }
            }
            if let Some(w) = name.split_whitespace().last()
                && may_be_short_name(w)
            {
                let e = last
                    .entry((*lang, canon::key(w)))
                    .or_insert_with(|| Some(full.clone()));
                if e.as_deref() != Some(full.as_str()) {
                    *e = None;
                }
            }
        }
        CanonicalNames {
            by_key,
            short,
            last,
        }
    }
}

/// The first and the last word of a multi-word name.
fn end_words(name: &str) -> impl Iterator<Item = &str> {
    let mut words = name.split_whitespace();
    let first = words.next();
    let last = words.last();
    first.into_iter().chain(last)
}

/// The corpus-wide canonical names, built by [`NameCounts::finish`].
#[derive(Debug, Clone, Default)]
pub struct CanonicalNames {
    by_key: HashMap<(Lang, EntityKind, String), String>,
    short: HashMap<(Lang, String), Option<String>>,
    /// Last names of the corpus's full person names, `None` when several persons share one.
    last: HashMap<(Lang, String), Option<String>>,
}

impl CanonicalNames {
    /// The corpus-wide name for an entity of `kind` whose per-article name is `name`, in an
    /// article of language `lang`.
    pub fn map(&self, lang: Lang, kind: EntityKind, name: &str) -> String {
        if kind == EntityKind::Person
            && !name.contains(' ')
            && may_be_short_name(name)
            && let Some(Some(full)) = self.short.get(&(lang, canon::key(name)))
        {
            return full.clone();
        }
        self.by_key
            .get(&(lang, kind, canon::key(name)))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Renames the entities of one article's own analysis (mentions, claim entities and
    /// attributions) to their corpus-wide names. Spans, kinds and the set of mentions stay.
    pub fn apply(&self, lang: Lang, analysis: &mut Analysis) {
        self.link_candidates(lang, analysis);
        // Words of the full person names this article gives itself: a bare word among them
        // stays with the article's own reading (two Kims in one article stay apart).
        let own: HashSet<String> = analysis
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.canonical.contains(' '))
            .flat_map(|m| end_words(&m.canonical).map(canon::key).collect::<Vec<_>>())
            .collect();
        let mut renamed: HashMap<String, String> = HashMap::new();
        for m in &mut analysis.mentions {
            if !is_named(m.kind) {
                continue;
            }
            let new = if m.kind == EntityKind::Person
                && !m.canonical.contains(' ')
                && own.contains(&canon::key(&m.canonical))
            {
                self.by_key
                    .get(&(lang, m.kind, canon::key(&m.canonical)))
                    .cloned()
                    .unwrap_or_else(|| m.canonical.clone())
            } else {
                self.map(lang, m.kind, &m.canonical)
            };
            renamed.insert(m.canonical.clone(), new.clone());
            m.canonical = new;
        }
        for c in &mut analysis.claims {
            for e in &mut c.entities {
                if let Some(n) = renamed.get(e) {
                    *e = n.clone();
                }
            }
            let mut seen = HashSet::new();
            c.entities.retain(|e| seen.insert(e.clone()));
            if let Some(att) = &mut c.attribution
                && let Some(canonical) = &att.canonical
                && let Some(n) = renamed.get(canonical)
            {
                att.canonical = Some(n.clone());
            }
        }
    }
}

impl CanonicalNames {
    /// Turns the article's possible surnames into mentions of the one corpus person with that
    /// last name (genitive "Nehammers" too). Idempotent: a word already inside a mention stays.
    fn link_candidates(&self, lang: Lang, analysis: &mut Analysis) {
        if analysis.name_candidates.is_empty() || self.last.is_empty() {
            return;
        }
        let mut added = Vec::new();
        for c in &analysis.name_candidates {
            let w = c.text.as_str();
            let full = [Some(w), w.strip_suffix('s')]
                .into_iter()
                .flatten()
                .filter(|b| may_be_short_name(b))
                .find_map(|b| self.last.get(&(lang, canon::key(b))).cloned().flatten());
            let Some(full) = full else {
                continue;
            };
            let k = analysis
                .mentions
                .partition_point(|m| m.span.end <= c.span.start);
            if analysis
                .mentions
                .get(k)
                .is_some_and(|m| m.span.start < c.span.end)
            {
                continue;
            }
            added.push(Mention {
                span: c.span,
                text: c.text.clone(),
                kind: EntityKind::Person,
                canonical: full,
                derived: false,
            });
        }
        if added.is_empty() {
            return;
        }
        for m in &added {
            for claim in analysis
                .claims
                .iter_mut()
                .filter(|cl| cl.span.contains(m.span))
            {
                if !claim.entities.contains(&m.canonical) {
                    claim.entities.push(m.canonical.clone());
                }
            }
        }
        analysis.mentions.extend(added);
        analysis.mentions.sort_by_key(|m| m.span.start);
    }
}

/// Renames a whole corpus of per-article analyses in place: count, then apply.
pub fn link(langs: &[Lang], analyses: &mut [Analysis]) {
    let mut counts = NameCounts::default();
    for (lang, a) in langs.iter().zip(analyses.iter()) {
        counts.add(*lang, a);
    }
    let names = counts.finish();
    for (lang, a) in langs.iter().zip(analyses.iter_mut()) {
        names.apply(*lang, a);
    }
}
