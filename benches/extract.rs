//! Extraction throughput over the 10kGNAD test articles (tokens per second, one thread).
//!
//! `cargo bench --bench extract`. Skips with a note when `../shared/data/10kgnad/test.csv` is
//! absent. Tokens are counted with `dossier::extract::tokenize`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::extract::{analyze, tokenize};
use std::hint::black_box;

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn gnad_texts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/10kgnad/test.csv"
    );
    let Ok(csv) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    csv.lines()
        .filter_map(|line| line.split_once(';'))
        .map(|(_, rest)| {
            let t = rest.strip_prefix('\'').unwrap_or(rest);
            t.strip_suffix('\'').unwrap_or(t).replace("''", "'")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = gnad_texts();
    if texts.is_empty() {
        eprintln!("note: 10kGNAD test.csv absent; benchmark skipped");
        return;
    }
    let articles: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| dossier::ingest::parse_raw(&format!("gnad/{i}"), t))
        .collect();
    let tokens: usize = articles.iter().map(|a| tokenize(&a.text, 0).len()).sum();
    // Warm the lazily built gazetteers and model outside the measurement.
    black_box(analyze(&articles[0]));
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    group.bench_function("analyze_10kgnad_test", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(analyze(a));
            }
        })
    });
    group.bench_function("tokenize_10kgnad_test", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(tokenize(&a.text, 0));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
