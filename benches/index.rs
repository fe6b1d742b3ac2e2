//! Indexing throughput over a large corpus: cold (no cache: every article ingested and analysed
//! on all cores) and warm (cache filled: ingest plus one cache read per article).
//!
//! Uses `target/corpus-10k` when present (build it with `scripts/make-corpus.py`); otherwise
//! writes the 1,028 10kGNAD test articles to a temporary directory; without the data set it
//! prints a message and skips. A cold run over 10,000 articles takes tens of seconds, so it is
//! timed once by hand (`DOSSIER_BENCH_COLD_RUNS`, default 1) and reported in MB/s; the warm load
//! goes through criterion.
//!
//! Run: `cargo bench --bench index -- --warm-up-time 1 --measurement-time 3`.

use criterion::Criterion;
use dossier::index::{IndexedCorpus, Indexer};
use dossier::ingest::LoadOptions;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The corpus directory to index and a guard keeping a temporary one alive.
fn corpus() -> Option<(PathBuf, Option<tempfile::TempDir>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = root.join("target/corpus-10k");
    if generated.is_dir() {
        return Some((generated, None));
    }
    let csv = std::fs::read_to_string(root.join("../shared/data/10kgnad/test.csv")).ok()?;
    let dir = tempfile::tempdir().ok()?;
    let mut n = 0;
    for line in csv.lines() {
        let Some((_, text)) = line.split_once(';') else {
            continue;
        };
        let text = match text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
            Some(inner) => inner.replace("''", "'"),
            None => text.to_string(),
        };
        let title = text.split(". ").next().unwrap_or("");
        std::fs::write(
            dir.path().join(format!("{n:05}.txt")),
            format!("{title}.\n\n{text}\n"),
        )
        .ok()?;
        n += 1;
    }
    Some((dir.path().to_path_buf(), Some(dir)))
}

fn index(dir: &Path, cache: Option<&Path>) -> IndexedCorpus {
    IndexedCorpus::collect(Indexer::start(
        vec![dir.to_path_buf()],
        LoadOptions::default(),
        cache.map(Path::to_path_buf),
    ))
}

fn main() {
    let Some((dir, _guard)) = corpus() else {
        println!(
            "index bench skipped: neither target/corpus-10k nor ../shared/data/10kgnad/test.csv"
        );
        return;
    };
    let cold_runs: usize = std::env::var("DOSSIER_BENCH_COLD_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);

    // Cold: no cache.
    let mut articles = 0;
    let mut bytes = 0;
    for run in 0..cold_runs {
        let start = Instant::now();
        let corpus = index(&dir, None);
        let secs = start.elapsed().as_secs_f64();
        articles = corpus.entries.len();
        bytes = corpus.progress.map_or(0, |p| p.bytes);
        println!(
            "cold index run {}: {articles} articles, {:.1} MB in {secs:.2} s = {:.1} MB/s ({:.0} articles/s)",
            run + 1,
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs,
            articles as f64 / secs
        );
    }

    // Fill the cache once (a cold run that also writes every entry).
    let Ok(cache) = tempfile::tempdir() else {
        println!("index bench skipped: cannot create a temporary cache directory");
        return;
    };
    let start = Instant::now();
    let filled = index(&dir, Some(cache.path()));
    println!(
        "cold index with cache writes: {} articles in {:.2} s",
        filled.entries.len(),
        start.elapsed().as_secs_f64()
    );

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(bytes));
    group.bench_function(format!("warm_load_{articles}"), |b| {
        b.iter(|| {
            let corpus = index(&dir, Some(cache.path()));
            assert_eq!(corpus.progress.map(|p| p.cache_hits), Some(articles));
            corpus
        })
    });
    group.finish();
    c.final_summary();
}
