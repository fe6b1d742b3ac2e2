//! Palette re-ranking over 100,000+ candidates built from the 10kGNAD articles (titles, headings,
//! entity-like capitalised words, claim-like sentences): a cold query, each keystroke of typing
//! "putin" (refining the previous result, as the palette does), and a multi-term query.
//!
//! Falls back to deterministic synthetic German-like labels when
//! `../shared/data/10kgnad/test.csv` is absent. After criterion's figures it prints the 50th and
//! 99th percentile of single keystroke timings, since the target (issue 6) is a p99.
//!
//! Also times loading the index as `dossier find` reads it from the cache (`load_stored_index`,
//! against `build_index`).
//!
//! Run: `cargo bench --bench palette`.

use criterion::Criterion;
use dossier::search::{Candidate, CandidateKind, QueryResult, SearchIndex};
use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MIN_CANDIDATES: usize = 100_000;
const LIMIT: usize = 50;
const WORD: [&str; 5] = ["p", "pu", "put", "puti", "putin"];
const MULTI: &str = "regierung 'wien !fpö";

/// Article texts from the 10kGNAD test set: one `label;text` row a line, the text optionally
/// quoted with `'` and inner quotes doubled.
fn load_texts() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/10kgnad/test.csv");
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|line| line.split_once(';'))
        .map(
            |(_, text)| match text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
                Some(inner) => inner.replace("''", "'"),
                None => text.to_string(),
            },
        )
        .filter(|t| !t.is_empty())
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// Deterministic German-like texts for machines without the data set.
fn synthetic_texts() -> Vec<String> {
    const WORDS: [&str; 32] = [
        "Regierung",
        "Wien",
        "Kanzler",
        "Straße",
        "Pjöngjang",
        "Putin",
        "Bundesländer",
        "Öffentlichkeit",
        "verhandelt",
        "über",
        "die",
        "neue",
        "Steuerreform",
        "mit",
        "Gewerkschaft",
        "Präsident",
        "erklärte",
        "am",
        "Montag",
        "dass",
        "Flüchtlinge",
        "Grenze",
        "Kyjiw",
        "Außenminister",
        "Wirtschaft",
        "wächst",
        "schneller",
        "als",
        "erwartet",
        "Österreich",
        "Zürich",
        "Müller",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..1000)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..20 {
                let words = 8 + next() % 20;
                let sentence: Vec<&str> = (0..words)
                    .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                    .collect();
                text.push_str(&sentence.join(" "));
                text.push_str(". ");
            }
            text
        })
        .collect()
}

/// Splits at ". ", "? " and "! " keeping byte offsets.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len().saturating_sub(1) {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes[i + 1] == b' ' {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push((start, s));
            }
            start = i + 2;
        }
    }
    if let Some(rest) = text.get(start..).filter(|r| !r.trim().is_empty()) {
        out.push((start, rest.trim()));
    }
    out
}

fn build_candidates(texts: &[String]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut round = 0;
    while out.len() < MIN_CANDIDATES {
        for (i, text) in texts.iter().enumerate() {
            let article = round * texts.len() + i;
            let sents = sentences(text);
            let title = sents.first().map_or("", |s| s.1);
            let push = |out: &mut Vec<Candidate>, kind, label: &str, offset| {
                out.push(Candidate {
                    kind,
                    label: label.to_string(),
                    detail: title.to_string(),
                    article,
                    offset,
                    recency: 0,
                })
            };
            push(&mut out, CandidateKind::Article, title, 0);
            for (n, &(offset, s)) in sents.iter().enumerate().skip(1) {
                if n % 6 == 0 {
                    let heading: Vec<&str> = s.split_whitespace().take(5).collect();
                    push(&mut out, CandidateKind::Heading, &heading.join(" "), offset);
                }
                if (40..=240).contains(&s.len()) {
                    push(&mut out, CandidateKind::Claim, s, offset);
                }
            }
            let mut seen = HashSet::new();
            for (offset, word) in words(text) {
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                if capitalised && word.chars().count() >= 3 && seen.insert(word) {
                    push(&mut out, CandidateKind::Entity, word, offset);
                }
            }
        }
        round += 1;
    }
    out
}

/// Words (runs of alphanumeric chars and hyphens) with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Times `f` once per run and returns (p50, p99).
fn percentiles(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.99))
}

fn main() {
    let (texts, source) = match load_texts() {
        Some(t) => (t, "10kGNAD test.csv"),
        None => (synthetic_texts(), "synthetic labels"),
    };
    let candidates = build_candidates(&texts);
    let n = candidates.len();
    let avg = candidates
        .iter()
        .map(|c| c.label.chars().count())
        .sum::<usize>()
        / n.max(1);
    let claims = candidates.iter().filter(|c| c.kind == CandidateKind::Claim);
    let claim_avg = claims
        .clone()
        .map(|c| c.label.chars().count())
        .sum::<usize>()
        / claims.count().max(1);
    println!(
        "palette bench: {n} candidates from {source}, {avg} chars per label on average ({claim_avg} per claim)"
    );

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("palette");
    group.sample_size(20);
    group.bench_function("build_index", |b| {
        b.iter_batched(
            || candidates.clone(),
            |cands| SearchIndex::new(black_box(cands)),
            criterion::BatchSize::LargeInput,
        )
    });
    let index = SearchIndex::new(candidates);
    // What `dossier find` does instead of building: decode the index stored at index time.
    if let Some((texts, tables)) = index.encode() {
        group.bench_function("load_stored_index", |b| {
            b.iter_batched(
                || texts.clone(),
                |texts| SearchIndex::decode(black_box(texts), black_box(&tables)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.sample_size(50);
    group.bench_function("cold_query_putin", |b| {
        b.iter(|| index.query(black_box("putin"), LIMIT))
    });
    let mut previous: QueryResult = index.query("", LIMIT);
    for step in WORD {
        let before = previous.clone();
        group.bench_function(format!("keystroke_{step}"), |b| {
            b.iter(|| index.refine(black_box(&before), black_box(step), LIMIT))
        });
        previous = index.refine(&before, step, LIMIT);
        println!("  {step:>6}: {} matched", previous.total_matched);
    }
    group.bench_function("multi_term", |b| {
        b.iter(|| index.query(black_box(MULTI), LIMIT))
    });
    group.finish();
    c.final_summary();

    println!("\nsingle keystroke timings over {n} candidates (200 runs each):");
    let mut previous = index.query("", LIMIT);
    for step in WORD {
        let before = previous.clone();
        let (p50, p99) = percentiles(200, || {
            black_box(index.refine(&before, step, LIMIT));
        });
        println!("  {step:>6}: p50 {p50:>10.2?}  p99 {p99:>10.2?}");
        previous = index.refine(&before, step, LIMIT);
    }
    let (p50, p99) = percentiles(200, || {
        black_box(index.query("putin", LIMIT));
    });
    println!("  cold putin: p50 {p50:>10.2?}  p99 {p99:>10.2?}");
    let (p50, p99) = percentiles(200, || {
        black_box(index.query(MULTI, LIMIT));
    });
    println!("  {MULTI}: p50 {p50:>10.2?}  p99 {p99:>10.2?}");
}
