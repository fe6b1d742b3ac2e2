//! The corpus pass: analysing files together never finds names the files do not support on
//! their own, and `dossier extract` and the reader's entity index see the same entities.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::{dossier_in, succeed};

use dossier::corpus::entity_index::EntityIndex;
use dossier::extract::{analyze, analyze_corpus};
use dossier::index::{IndexedCorpus, Indexer};
use dossier::ingest::{self, LoadOptions};
use dossier::model::{Analysis, Article, EntityKind};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// (start, end, kind, canonical) of every named mention.
type Named = BTreeSet<(usize, usize, &'static str, String)>;

fn named(a: &Analysis) -> Named {
    a.mentions
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                EntityKind::Person
                    | EntityKind::Place
                    | EntityKind::Organization
                    | EntityKind::Misc
            )
        })
        .map(|m| (m.span.start, m.span.end, m.kind.name(), m.canonical.clone()))
        .collect()
}

fn spans_and_kinds(a: &Analysis) -> BTreeSet<(usize, usize, &'static str)> {
    named(a).into_iter().map(|(s, e, k, _)| (s, e, k)).collect()
}

fn write(dir: &Path, files: &[(&str, &str)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

/// What `dossier extract --format jsonl` prints, per path: the named mentions.
fn extract(paths: &[PathBuf], dir: &Path) -> HashMap<String, Named> {
    let out = succeed(
        dossier_in(dir)
            .args(["extract", "--format", "jsonl"])
            .args(paths),
    );
    let mut by_path = HashMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut set = Named::new();
        for e in v["entities"].as_array().unwrap() {
            let kind = match e["kind"].as_str().unwrap() {
                "person" => "person",
                "place" => "place",
                "organization" => "organization",
                "misc" => "misc",
                _ => continue,
            };
            set.insert((
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                kind,
                e["canonical"].as_str().unwrap().to_string(),
            ));
        }
        by_path.insert(v["path"].as_str().unwrap().to_string(), set);
    }
    by_path
}

#[test]
fn extract_and_the_readers_entity_index_agree_on_a_short_name() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write(
        dir.path(),
        &[
            (
                "a.txt",
                "Bundeskanzler Karl Nehammer besuchte am Montag Kiew. Nehammer sprach mit Selenskyj.\n",
            ),
            (
                "b.txt",
                "Nehammer reiste danach weiter nach Warschau. Dort traf Nehammer den polnischen Präsidenten.\n",
            ),
        ],
    );
    let printed = extract(&paths, dir.path());
    let corpus = IndexedCorpus::collect(Indexer::start(
        paths.clone(),
        LoadOptions::default(),
        Some(dir.path().join("cache")),
    ));
    assert_eq!(corpus.corpus.len(), 2);
    for dossier::corpus::Entry { article, analysis } in corpus.corpus.iter() {
        assert_eq!(
            printed.get(&article.source),
            Some(&named(analysis)),
            "{}",
            article.source
        );
    }
    let b = &corpus.corpus[1];
    let b_text = &b.article.text;
    let nehammer: Vec<&str> = b
        .analysis
        .mentions
        .iter()
        .filter(|m| &b_text[m.span.start..m.span.end] == "Nehammer")
        .map(|m| m.canonical.as_str())
        .collect();
    assert!(!nehammer.is_empty(), "{:?}", b.analysis.mentions);
    assert!(
        nehammer.iter().all(|c| *c == "Karl Nehammer"),
        "{nehammer:?}"
    );
    let index = EntityIndex::from_analyses(corpus.corpus.analyses());
    let entry = index
        .get("Karl Nehammer")
        .expect("Karl Nehammer is indexed");
    let in_b = entry.mentions.iter().filter(|m| m.article == 1).count();
    assert_eq!(in_b, 2, "{:?}", entry.mentions);
    // A second run (cache and snapshot warm) serves the same.
    let again = IndexedCorpus::collect(Indexer::start(
        paths,
        LoadOptions::default(),
        Some(dir.path().join("cache")),
    ));
    for (x, y) in corpus.corpus.analyses().zip(again.corpus.analyses()) {
        assert_eq!(named(x), named(y));
    }
}

/// Articles whose glued headings and common words once leaked into every other file of a run.
const FIXTURE: [(&str, &str); 4] = [
    (
        "flevoland.txt",
        "Hochwasser in Flevoland Die Deiche halten\n\nIn der niederländischen Provinz Flevoland stieg das Wasser. Die Behörden in Lelystad warnten die Bewohner.\n",
    ),
    (
        "die.txt",
        "Die Regierung in Berlin beriet am Dienstag. Die Ministerin Annalena Baerbock sagte, die Lage sei ernst. Die Opposition widersprach.\n",
    ),
    (
        "putin.txt",
        "Wladimir Putin empfing Kim Jong-un in Moskau. Putin lobte die Zusammenarbeit.\n",
    ),
    (
        "kreml.txt",
        "Putin sprach am Abend im Kreml. Je länger der Krieg dauert, desto teurer wird er.\n",
    ),
];

fn fixture_articles() -> Vec<Article> {
    FIXTURE
        .iter()
        .map(|(name, text)| ingest::parse_raw(name, text))
        .collect()
}

#[test]
fn a_run_over_many_files_adds_only_persons_the_file_itself_allows() {
    let articles = fixture_articles();
    let together = analyze_corpus(&articles);
    for (article, joint) in articles.iter().zip(&together) {
        let alone = analyze(article);
        let single = analyze_corpus(std::slice::from_ref(article));
        assert_eq!(spans_and_kinds(&alone), spans_and_kinds(&single[0]));
        let joint_spans = spans_and_kinds(joint);
        let alone_spans = spans_and_kinds(&alone);
        assert!(alone_spans.is_subset(&joint_spans), "{}", article.source);
        for (start, end, kind) in joint_spans.difference(&alone_spans) {
            assert_eq!(*kind, "person", "{}", article.source);
            assert!(
                alone
                    .name_candidates
                    .iter()
                    .any(|c| c.span.start == *start && c.span.end == *end),
                "{}: {start}..{end} is not a name candidate of the file alone",
                article.source
            );
        }
    }
}

#[test]
fn function_words_never_become_people_in_other_articles() {
    let articles = fixture_articles();
    let together = analyze_corpus(&articles);
    for (article, analysis) in articles.iter().zip(&together) {
        for m in &analysis.mentions {
            let text = &article.text[m.span.start..m.span.end];
            assert_ne!(text, "Die", "{}: {m:?}", article.source);
            assert_ne!(text, "Je", "{}: {m:?}", article.source);
            if m.kind == EntityKind::Person {
                assert!(!m.canonical.contains("Die"), "{}: {m:?}", article.source);
            }
        }
    }
    // The bare "Putin" of the second article joins the full name of the first.
    let kreml = &together[3];
    let putin = kreml
        .mentions
        .iter()
        .find(|m| m.text == "Putin")
        .expect("Putin found on its own evidence");
    assert_eq!(putin.canonical, "Wladimir Putin");
}

/// Entity F1 (person, place, organisation; exact span and kind; derived mentions ignored)
/// against `../shared/data/newsgold`, whose offsets count code points.
#[test]
fn newsgold_scores_no_lower_in_one_run_than_file_by_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/newsgold");
    let Ok(gold) = std::fs::read_to_string(root.join("gold.json")) else {
        eprintln!("skipped: {} not present", root.display());
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let docs = gold
        .as_array()
        .or_else(|| gold["articles"].as_array())
        .expect("a list of articles");
    let mut articles = Vec::new();
    let mut golds = Vec::new();
    for d in docs {
        let file = d["file"].as_str().unwrap();
        let path = root
            .join("articles")
            .join(Path::new(file).file_name().unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        articles.push(ingest::parse_raw(file, &text));
        let spans: BTreeSet<(usize, usize, String)> = d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                    kind_code(e["kind"].as_str().unwrap()).to_string(),
                )
            })
            .collect();
        golds.push(spans);
    }
    let together = analyze_corpus(&articles);
    let alone: Vec<Analysis> = articles
        .iter()
        .map(|a| analyze_corpus(std::slice::from_ref(a)).remove(0))
        .collect();
    let f_together = f1(&articles, &together, &golds);
    let f_alone = f1(&articles, &alone, &golds);
    eprintln!("newsgold entity F1: one run {f_together:.4}, file by file {f_alone:.4}");
    assert!(f_together >= f_alone, "{f_together} < {f_alone}");
}

fn kind_code(kind: &str) -> &'static str {
    match kind.to_ascii_lowercase().as_str() {
        "per" | "person" => "PER",
        "loc" | "place" | "location" => "LOC",
        "org" | "organization" | "organisation" => "ORG",
        _ => "OTHER",
    }
}

fn f1(
    articles: &[Article],
    analyses: &[Analysis],
    golds: &[BTreeSet<(usize, usize, String)>],
) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for ((article, analysis), gold) in articles.iter().zip(analyses).zip(golds) {
        let cp = |byte: usize| article.text[..byte].chars().count();
        let found: BTreeSet<(usize, usize, String)> = analysis
            .mentions
            .iter()
            .filter(|m| !m.derived)
            .map(|m| {
                (
                    cp(m.span.start),
                    cp(m.span.end),
                    kind_code(m.kind.name()).to_string(),
                )
            })
            .filter(|(_, _, k)| k != "OTHER")
            .collect();
        let gold: BTreeSet<_> = gold
            .iter()
            .filter(|(_, _, k)| k != "OTHER")
            .cloned()
            .collect();
        tp += found.intersection(&gold).count();
        fp += found.difference(&gold).count();
        fn_ += gold.difference(&found).count();
    }
    if tp == 0 {
        return 0.0;
    }
    2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
}
