//! Indexing over a large corpus: cold (no cache: every article ingested and analysed on all
//! cores) and warm (the corpus snapshot in the cache matches).
//!
//! Uses `target/corpus-10k` when present (build it with `scripts/make-corpus.py`); otherwise
//! writes the 1,028 10kGNAD test articles to a temporary directory; without the data set it
//! prints a message and skips. A cold run over 10,000 articles takes tens of seconds, so it is
//! timed by hand (`DOSSIER_BENCH_COLD_RUNS`, default 1) and reported in MB/s. The cache lives in
//! `target/bench-cache` and is filled on the first run. Criterion then times:
//!
//! - `warm_start_first_frame_N`: indexing started, articles taken into an empty reader state as
//!   they arrive, and the first 160x45 frame drawn that lists all N articles;
//! - `warm_load_all_analyses_N`: indexing until every analysis has arrived.
//!
//! Run: `cargo bench --bench index -- --warm-up-time 1 --measurement-time 3`.

use criterion::Criterion;
use dossier::index::{IndexEvent, IndexedCorpus, Indexer};
use dossier::ingest::LoadOptions;
use dossier::keymap::Keymap;
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Input, Options};
use dossier::tui::headless::render_buffer;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    for run in 0..cold_runs {
        let start = Instant::now();
        let corpus = index(&dir, None);
        let secs = start.elapsed().as_secs_f64();
        let articles = corpus.corpus.len();
        let bytes = corpus.progress.map_or(0, |p| p.bytes);
        println!(
            "cold index run {}: {articles} articles, {:.1} MB in {secs:.2} s = {:.1} MB/s ({:.0} articles/s)",
            run + 1,
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / secs,
            articles as f64 / secs
        );
    }

    // Fill the cache (a cold run writing every entry the first time; later runs of the bench
    // find it filled). It lives under target/, like the generated corpus.
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache");
    let start = Instant::now();
    let filled = index(&dir, Some(&cache));
    let articles = filled.corpus.len();
    let bytes = filled.progress.map_or(0, |p| p.bytes);
    println!(
        "filling the cache: {articles} articles in {:.2} s ({} from the cache)",
        start.elapsed().as_secs_f64(),
        filled.progress.map_or(0, |p| p.cache_hits)
    );
    drop(filled);

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(bytes));
    // Fills the corpus snapshot (written at the end of a run from the per-article cache).
    index(&dir, Some(&cache));
    group.bench_function(format!("warm_load_all_analyses_{articles}"), |b| {
        b.iter_with_large_drop(|| {
            let corpus = index(&dir, Some(&cache));
            assert_eq!(corpus.progress.map(|p| p.cache_hits), Some(articles));
            corpus
        })
    });
    // What the reader does on a warm start: start indexing (the snapshot matches), take the
    // articles as they arrive into an empty state, and draw the first frame that lists the
    // whole corpus (160x45). The analyses still being decoded afterwards are drained outside
    // the timing.
    let hyph = Hyphenators::load();
    group.bench_function(format!("warm_start_first_frame_{articles}"), |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut indexer = Indexer::start(
                    vec![dir.clone()],
                    LoadOptions::default(),
                    Some(cache.clone()),
                );
                let mut state = AppState::new(
                    dossier::corpus::Corpus::default(),
                    Keymap::builtin(),
                    hyph.clone(),
                    Options::default(),
                );
                state.start_indexing();
                while state.corpus.len() < articles {
                    match indexer.recv() {
                        Some(ev @ (IndexEvent::Articles(_) | IndexEvent::Snapshot { .. })) => {
                            state.handle(Input::Index(ev));
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
                let frame = render_buffer(&mut state, (160, 45), &[]);
                total += start.elapsed();
                assert_eq!(state.corpus.len(), articles);
                while let Some(ev) = indexer.recv() {
                    if let IndexEvent::Analyses(_) = ev {
                        state.handle(Input::Index(ev));
                    }
                }
                drop((frame, state));
            }
            total
        })
    });
    group.finish();
    c.final_summary();
}
