//! What the reader keeps smaller in memory gives back the same: details of the palette's index
//! stored as interned pieces, and name candidates dropped once the corpus-wide names are
//! applied.

use dossier::corpus::Corpus;
use dossier::extract::corpus::NameCounts;
use dossier::model::{Analysis, Article};
use dossier::search::{Candidate, CandidateKind, SearchIndex};
use std::sync::Arc;

fn claim(label: &str, detail: &str) -> Candidate {
    Candidate {
        kind: CandidateKind::Claim,
        label: label.to_string(),
        detail: detail.to_string(),
        article: 0,
        offset: 0,
        recency: 0,
    }
}

const DETAILS: [&str; 7] = [
    "fact · asserted · article — Putin in Peking",
    "quote · attributed · der Kreml — Putin in Peking",
    "fact · asserted · article — Wien wählt",
    "person · 3 mentions in 2 articles",
    "",
    "a — b — c",
    "fact · asserted · article — Putin in Peking",
];

#[test]
fn details_come_back_whole_from_the_index_and_from_its_stored_form() {
    let candidates: Vec<Candidate> = DETAILS
        .iter()
        .enumerate()
        .map(|(i, d)| claim(&format!("Behauptung {i}"), d))
        .collect();
    let index = SearchIndex::new(candidates.clone());
    let back: Vec<Candidate> = index.candidates().map(|c| c.to_candidate()).collect();
    assert_eq!(back, candidates);
    assert_eq!(
        index.candidate(0).map(|c| c.detail),
        index.candidate(6).map(|c| c.detail)
    );
    assert_ne!(
        index.candidate(0).map(|c| c.detail),
        index.candidate(1).map(|c| c.detail)
    );
    assert!(index.candidate(4).is_some_and(|c| c.detail.is_empty()));
    let (texts, tables) = index.encode().expect("encodes");
    let decoded = SearchIndex::decode(texts, &tables).expect("decodes");
    let again: Vec<Candidate> = decoded.candidates().map(|c| c.to_candidate()).collect();
    assert_eq!(again, candidates);
}

#[test]
fn details_added_to_a_finished_index_come_back_whole() {
    let first: Vec<Candidate> = DETAILS.iter().map(|d| claim("x", d)).collect();
    let more = vec![
        claim("y", "quote · attributed · der Kreml — Wien wählt"),
        claim("z", "fact · asserted · article — Putin in Peking"),
    ];
    let appended = SearchIndex::new(first.clone()).append(more.clone());
    let whole = SearchIndex::new(first.into_iter().chain(more).collect());
    let a: Vec<Candidate> = appended.candidates().map(|c| c.to_candidate()).collect();
    let b: Vec<Candidate> = whole.candidates().map(|c| c.to_candidate()).collect();
    assert_eq!(a, b);
    assert_eq!(appended.encode(), whole.encode());
}

fn pair(source: &str, text: &str) -> (Article, Analysis) {
    let article = dossier::ingest::parse_article(source, text);
    let analysis = dossier::extract::analyze(&article);
    (article, analysis)
}

const TEXTS: [(&str, &str); 2] = [
    ("a.txt", "Wahl\n\nKarl Nehammer sprach am Montag in Wien.\n"),
    (
        "b.txt",
        "Reise\n\nDer Besuch dauerte drei Tage. Nehammer reiste danach weiter.\n",
    ),
];

#[test]
fn analyses_filled_into_a_lean_corpus_lose_only_their_name_candidates() {
    let pairs: Vec<(Article, Analysis)> = TEXTS.iter().map(|(s, t)| pair(s, t)).collect();
    assert!(pairs.iter().any(|(_, an)| !an.name_candidates.is_empty()));
    let empty = || {
        pairs
            .iter()
            .map(|(a, _)| (a.clone(), Analysis::default()))
            .collect::<Vec<_>>()
    };
    let filled = || {
        pairs
            .iter()
            .map(|(a, an)| (a.source.clone(), an.clone()))
            .collect::<Vec<_>>()
    };
    let mut kept = Corpus::from_pairs(empty());
    kept.fill(filled());
    let mut lean = Corpus::from_pairs(empty());
    lean.drop_spent_name_candidates();
    lean.fill(filled());
    for ((k, l), (_, original)) in kept.analyses().zip(lean.analyses()).zip(&pairs) {
        assert_eq!(k, original);
        assert!(l.name_candidates.is_empty());
        assert_eq!(l.mentions, original.mentions);
        assert_eq!(l.claims, original.claims);
    }
}

#[test]
fn a_lean_corpus_links_name_candidates_before_it_drops_them() {
    let pairs: Vec<(Article, Analysis)> = TEXTS.iter().map(|(s, t)| pair(s, t)).collect();
    let mut counts = NameCounts::default();
    for (a, an) in &pairs {
        counts.add(a.lang, an);
    }
    let names = Arc::new(counts.finish());
    assert!(pairs.iter().any(|(_, an)| !an.name_candidates.is_empty()));
    let mut kept = Corpus::from_pairs(pairs.clone());
    kept.rename(Arc::clone(&names));
    let mut lean = Corpus::from_pairs(pairs);
    lean.drop_spent_name_candidates();
    lean.rename(names);
    for (k, l) in kept.analyses().zip(lean.analyses()) {
        assert_eq!(k.mentions, l.mentions);
        assert_eq!(k.claims, l.claims);
        assert!(l.name_candidates.is_empty());
    }
    // Articles that arrive after the names keep their links too.
    let (late, analysis) = pair("c.txt", "Nachtrag\n\nNehammer kehrte am Freitag zurück.\n");
    kept.add(vec![(late.clone(), analysis.clone())]);
    lean.add(vec![(late, analysis)]);
    let (k, l) = (kept.analysis(2).expect("c"), lean.analysis(2).expect("c"));
    assert_eq!(k.mentions, l.mentions);
    assert!(l.name_candidates.is_empty());
}
