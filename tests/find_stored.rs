//! `dossier find` from the labels stored at index time gives exactly the lines of `find` over
//! the loaded corpus, bookmarks included, and never the lines of files that have changed.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

const EXTRA: [(&str, &str); 2] = [
    (
        "wien.txt",
        "Regierung in Wien berät\n\nDer Bundeskanzler sagte am Montag in Wien, die Regierung werde das Budget im Herbst vorlegen. Laut Finanzministerium fehlen 3 Milliarden Euro.\n",
    ),
    (
        "pjongjang.md",
        "# Pjöngjang droht erneut\n\n## Bundesregierung und Wien\n\nKim Jong-un ließ in Pjöngjang Raketen zeigen. Wladimir Putin sagte, Russland stehe zu seinem Partner. Die Bundesregierung in Berlin warnte.\n",
    ),
];

const QUERIES: [&str; 8] = [
    "putin",
    "regierung wien",
    "bundeskanzler",
    "pjongjang",
    "^bundes 'wien",
    "!wien bundes",
    "@put",
    "",
];

/// Sets `path` to have been modified an hour ago: a snapshot does not trust files modified as
/// its run starts.
fn age(path: &Path) {
    let f = fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    for entry in fs::read_dir(format!("{root}/seeds")).unwrap() {
        let path = entry.unwrap().path();
        let copy = corpus.join(path.file_name().unwrap());
        fs::copy(&path, &copy).unwrap();
        age(&copy);
    }
    for (name, text) in EXTRA {
        fs::write(corpus.join(name), text).unwrap();
        age(&corpus.join(name));
    }
    fs::write(corpus.join("skip.pdf"), "not an article").unwrap();
    corpus
}

/// Runs `dossier` with `cache` (`None`: `--no-cache`); returns stdout and stderr.
fn dossier(dir: &Path, cache: Option<&Path>, args: &[&str]) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(["--config-dir", &dir.join("config").display().to_string()])
        .args(["--data-dir", &dir.join("data").display().to_string()]);
    match cache {
        Some(c) => cmd.args(["--cache-dir", &c.display().to_string()]),
        None => cmd.arg("--no-cache"),
    };
    let out = cmd.args(args).output().expect("dossier runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every answer `find` gives for the queries, by kind, and its list.
fn answers(dir: &Path, cache: Option<&Path>, corpus: &Path) -> Vec<(String, String)> {
    let corpus = corpus.to_str().unwrap();
    let mut out = Vec::new();
    for q in QUERIES {
        out.push(dossier(dir, cache, &["find", "--limit", "40", q, corpus]));
    }
    for kind in ["entity", "bookmark", "heading"] {
        out.push(dossier(
            dir,
            cache,
            &["find", "--kind", kind, "bundes", corpus],
        ));
    }
    out.push(dossier(dir, cache, &["find", "--list", corpus]));
    out.push(dossier(
        dir,
        cache,
        &["find", "--list", "--kind", "claim", corpus],
    ));
    out
}

fn labels_files(cache: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for version in fs::read_dir(cache).unwrap() {
        let corpora = version.unwrap().path().join("corpora");
        for f in fs::read_dir(corpora).into_iter().flatten() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "labels") {
                found.push(p);
            }
        }
    }
    found
}

#[test]
fn find_from_stored_labels_answers_as_find_over_the_loaded_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let cache = dir.path().join("cache");
    // A bookmark on the first article, so that ranking has one to add to the stored labels.
    dossier(
        dir.path(),
        None,
        &["render", "--keys", "m", corpus.to_str().unwrap()],
    );
    assert!(dir.path().join("data/bookmarks.json").exists());

    let loaded = answers(dir.path(), None, &corpus);
    assert!(loaded[0].0.contains("Wladimir Putin"), "{}", loaded[0].0);
    assert!(loaded[2].0.contains("Bundeskanzler"), "{}", loaded[2].0);
    assert!(loaded[3].0.contains("Pjöngjang"), "{}", loaded[3].0);
    assert!(
        loaded[4].0.lines().count() > 0,
        "^bundes 'wien finds something"
    );
    assert!(loaded.iter().any(|(o, _)| o.contains("bookmark\t")));
    assert!(loaded[0].1.contains("not .txt or .md"), "{}", loaded[0].1);

    // The first run with a cache loads the corpus and stores the labels; the second reads them.
    let first = answers(dir.path(), Some(&cache), &corpus);
    assert_eq!(labels_files(&cache).len(), 1);
    let stored = answers(dir.path(), Some(&cache), &corpus);
    for ((a, b), c) in loaded.iter().zip(&first).zip(&stored) {
        assert_eq!(a, b);
        assert_eq!(a, c);
    }

    // A changed file: its new title is found, its old one is not.
    let changed = corpus.join("wien.txt");
    fs::write(
        &changed,
        "Zebrafanten in Graz\n\nDer Bundeskanzler besuchte den Zoo.\n",
    )
    .unwrap();
    age(&changed);
    let c = corpus.to_str().unwrap();
    let (out, _) = dossier(dir.path(), Some(&cache), &["find", "zebrafant", c]);
    assert!(out.contains("Zebrafanten in Graz"), "{out}");
    let (out, _) = dossier(dir.path(), Some(&cache), &["find", "'regierung in wien", c]);
    assert!(!out.contains("Regierung in Wien berät"), "{out}");
    let (again, _) = dossier(dir.path(), Some(&cache), &["find", "zebrafant", c]);
    let (without, _) = dossier(dir.path(), None, &["find", "zebrafant", c]);
    assert_eq!(again, without);
}

/// Only `dossier index` and a `find` that loaded its corpus write the labels file: `render` and
/// `extract` with the cache on never pay for it.
#[test]
fn index_writes_the_labels_and_other_commands_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let c = corpus.to_str().unwrap();
    let cache = dir.path().join("cache");
    dossier(dir.path(), Some(&cache), &["render", "--size", "100x30", c]);
    dossier(dir.path(), Some(&cache), &["extract", c]);
    assert!(
        labels_files(&cache).is_empty(),
        "render or extract wrote labels"
    );
    dossier(dir.path(), Some(&cache), &["index", c]);
    assert_eq!(labels_files(&cache).len(), 1, "index stores the labels");
    // The stored labels answer as the loaded corpus does.
    let (stored, _) = dossier(dir.path(), Some(&cache), &["find", "putin", c]);
    let (loaded, _) = dossier(dir.path(), None, &["find", "putin", c]);
    assert_eq!(stored, loaded);
    assert!(stored.contains("Putin"), "{stored}");
}
