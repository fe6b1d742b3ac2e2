//! Every command loads its corpus through the same pipeline, so `dossier extract`, `render`,
//! `find` and the interactive reader show the same analyses for the same files: checked on a
//! small corpus where a name is only resolved across articles ("Nehammer" in one file is the
//! "Karl Nehammer" of another).

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::{dossier_in, succeed};

use dossier::corpus::Corpus;
use dossier::index::Indexer;
use dossier::ingest::LoadOptions;
use dossier::keymap::Keymap;
use dossier::model::EntityKind;
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Input, Options};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const FILES: [(&str, &str); 3] = [
    (
        "a.txt",
        "Kanzler in Kiew\n\nBundeskanzler Karl Nehammer besuchte am Montag Kiew. Nehammer sprach mit Selenskyj.\n",
    ),
    (
        "b.txt",
        "Weiter nach Polen\n\nNehammer reiste danach weiter nach Warschau. Dort traf Nehammer den polnischen Präsidenten.\n",
    ),
    (
        "sub/c.md",
        "# Zurück in Wien\n\nIn Wien sagte Nehammer am Mittwoch, die Reise sei ein Erfolg gewesen.\n",
    ),
];

/// (path, start, end, kind, canonical) of every mention.
type Mentions = BTreeSet<(String, usize, usize, String, String)>;

fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    for (name, text) in FILES {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    vec![dir.join("a.txt"), dir.join("b.txt"), dir.join("sub")]
}

fn dossier(dir: &Path, args: &[&str], paths: &[PathBuf]) -> String {
    let out = succeed(dossier_in(dir).args(args).args(paths));
    String::from_utf8(out.stdout).unwrap()
}

/// What `dossier extract --format jsonl` prints.
fn extracted(dir: &Path, paths: &[PathBuf]) -> Mentions {
    let mut out = Mentions::new();
    for line in dossier(dir, &["extract", "--format", "jsonl"], paths).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let path = v["path"].as_str().unwrap().to_string();
        for e in v["entities"].as_array().unwrap() {
            out.insert((
                path.clone(),
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                e["kind"].as_str().unwrap().to_string(),
                e["canonical"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// The mentions of a corpus as the library holds them.
fn mentions(corpus: &Corpus) -> Mentions {
    corpus
        .iter()
        .flat_map(|e| {
            e.analysis.mentions.iter().map(|m| {
                (
                    e.article.source.clone(),
                    m.span.start,
                    m.span.end,
                    m.kind.name().to_string(),
                    m.canonical.clone(),
                )
            })
        })
        .collect()
}

/// Per named entity (not dates or quantities): kind, mentions and articles.
fn entities(m: &Mentions) -> BTreeMap<String, (String, usize, BTreeSet<String>)> {
    let mut out: BTreeMap<String, (String, usize, BTreeSet<String>)> = BTreeMap::new();
    for (path, _, _, kind, canonical) in m {
        if kind == EntityKind::Date.name() || kind == EntityKind::Quantity.name() {
            continue;
        }
        let e = out.entry(canonical.clone()).or_default();
        e.0 = kind.clone();
        e.1 += 1;
        e.2.insert(path.clone());
    }
    out
}

#[test]
fn extract_render_find_and_the_reader_show_the_same_analyses() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_corpus(dir.path());
    let printed = extracted(dir.path(), &paths);
    // The corpus pass took part: the bare surname in b.txt carries the full name.
    assert!(
        printed
            .iter()
            .any(|(p, _, _, _, c)| p.ends_with("b.txt") && c == "Karl Nehammer"),
        "{printed:?}"
    );

    // The reader: the background indexer's events through the state's one door.
    let mut indexer = Indexer::start(
        paths.clone(),
        LoadOptions::default(),
        Some(dir.path().join("reader-cache")),
    );
    let mut state = AppState::new(
        Corpus::default(),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );
    state.start_indexing();
    while let Some(event) = indexer.recv() {
        state.handle(Input::Index(event));
    }
    assert_eq!(mentions(&state.corpus), printed);

    // `find`: the palette's entity candidates are the named entities extract printed.
    let mut find_args = vec![paths[0].clone()];
    find_args.extend(paths[1..].iter().cloned());
    let listed: BTreeSet<String> = dossier(
        dir.path(),
        &["find", "--list", "--kind", "entity"],
        &find_args,
    )
    .lines()
    .map(str::to_string)
    .collect();
    let named = entities(&printed);
    assert_eq!(listed, named.keys().cloned().collect::<BTreeSet<_>>());

    // `render`: the entity index lists each with the same kind and counts.
    let screen = dossier(
        dir.path(),
        &["render", "--size", "160x45", "--keys", "I"],
        &paths,
    );
    let rows: Vec<String> = screen
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        screen.contains(&format!("Entities ({})", named.len())),
        "{screen}"
    );
    for (name, (kind, count, articles)) in &named {
        let row = format!("{name} {kind} {count} {}", articles.len());
        assert!(rows.iter().any(|r| r.contains(&row)), "{row}\n{screen}");
    }
}
