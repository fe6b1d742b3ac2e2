//! Scale test (not timed): a corpus of a few hundred article files indexes in the background
//! while the palette answers queries over the articles that have arrived so far.

use dossier::index::{IndexedCorpus, Indexer};
use dossier::ingest::LoadOptions;
use dossier::search::{Candidate, CandidateKind, SearchIndex};
use std::path::Path;
use std::time::Duration;

const FILES: usize = 300;

/// Article texts from the 10kGNAD test set when present, else synthetic German-like texts.
fn texts() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/10kgnad/test.csv");
    let from_csv: Vec<String> = std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once(';'))
        .map(
            |(_, text)| match text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
                Some(inner) => inner.replace("''", "'"),
                None => text.to_string(),
            },
        )
        .filter(|t| !t.trim().is_empty())
        .take(FILES)
        .collect();
    if !from_csv.is_empty() {
        return from_csv;
    }
    (0..FILES)
        .map(|i| {
            format!(
                "Die Regierung in Wien berät Vorlage {i}. Kanzler Karl Nehammer sagte am Montag, \
                 die Steuerreform komme im Herbst. Laut dem Finanzministerium kostet sie {i}00 \
                 Millionen Euro. Die Opposition kritisierte den Plan scharf."
            )
        })
        .collect()
}

fn title(text: &str) -> String {
    let end = text
        .char_indices()
        .skip(20)
        .find(|&(_, c)| c == '.')
        .map_or(text.len(), |(i, _)| i + 1);
    text[..end].to_string()
}

fn palette(corpus: &IndexedCorpus) -> SearchIndex {
    let candidates = corpus
        .corpus
        .articles()
        .enumerate()
        .map(|(i, article)| Candidate {
            kind: CandidateKind::Article,
            label: article.title.clone(),
            detail: article.source.clone(),
            article: i,
            offset: 0,
            recency: 0,
        })
        .collect();
    SearchIndex::new(candidates)
}

#[test]
fn a_corpus_indexes_in_the_background_and_answers_palette_queries_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let texts = texts();
    let mut files = 0;
    for i in 0..FILES {
        let text = &texts[i % texts.len()];
        let content = format!("{}\n\n{text}\n\nKopie {i}\n", title(text));
        std::fs::write(dir.path().join(format!("{i:04}.txt")), content).unwrap();
        files += 1;
    }

    let mut indexer = Indexer::start(vec![dir.path().to_path_buf()], LoadOptions::default(), None);
    let mut corpus = IndexedCorpus::default();
    let mut queries_while_indexing = 0;
    while !corpus.is_done() {
        let events = indexer.try_recv_all();
        if events.is_empty() {
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        for event in events {
            corpus.absorb(event);
        }
        if corpus.is_done() || corpus.corpus.is_empty() {
            continue;
        }
        // Query with the first word of an article that has arrived: it must be found.
        let index = palette(&corpus);
        let word: String = corpus.corpus[0]
            .article
            .title
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let result = index.query(&word, 10);
        assert!(!result.hits.is_empty(), "no hit for {word:?}");
        let top = index.candidate(result.hits[0].candidate).expect("a hit");
        assert!(top.label.to_lowercase().contains(&word) || result.hits.len() > 1);
        queries_while_indexing += 1;
    }
    assert!(
        queries_while_indexing > 0,
        "the indexer finished before any batch could be queried"
    );
    assert_eq!(corpus.corpus.len(), files);
    let progress = corpus.progress.unwrap();
    assert_eq!((progress.done, progress.total), (files, files));
    // Sorted by path whatever the arrival order.
    assert!(
        corpus
            .corpus
            .windows(2)
            .all(|w| w[0].article.source < w[1].article.source)
    );
    assert!(indexer.try_recv_all().is_empty());
}
