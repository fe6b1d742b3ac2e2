//! Reads GermEval 2014 NER TSV files; folds by sentence index % 5; the shared training recipe.
#![allow(dead_code)]

use dossier::extract::fasthash::FastMap;
use dossier::extract::tagger::{NTAGS, Tag, Trainer, encode_model};

/// Default location of the GermEval dev file, relative to the repository.
pub const DEV: &str = "../shared/data/germeval2014/NER-de-dev.tsv";

/// One sentence: tokens and outer-column tags (OTH kept; `*deriv`/`*part` as O).
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
    /// 0 for GermEval (the target domain), 1 + the corpus's place in `EXTRA_TRAIN` otherwise.
    pub domain: u8,
}

/// Parses the TSV text into sentences.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
        domain: 0,
    };
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                        domain: 0,
                    },
                ));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 {
            cur.tokens.push(cols[1].to_string());
            cur.tags.push(Tag::parse(cols[2]));
        }
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// The development fold from `DEV_FOLD`, if set: `examples/eval.rs` then trains on the folds
/// other than it and fold 4 (index % 5) and scores it, for tuning without looking at fold 4.
pub fn dev_fold() -> Option<usize> {
    std::env::var("DEV_FOLD").ok().and_then(|v| v.parse().ok())
}

/// Strict spans (start, end, kind index 1=PER 2=LOC 3=ORG) of PER/LOC/ORG in a tag sequence.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i].0;
        if t % 2 == 1 && t <= 5 {
            let mut j = i + 1;
            while j < tags.len() && tags[j].0 == t + 1 {
                j += 1;
            }
            out.push((i, j, t.div_ceil(2)));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Training epochs of the shipped recipe.
pub const EPOCHS: usize = 12;

/// Epochs: `EPOCHS` from the environment, else [`EPOCHS`].
pub fn epochs() -> usize {
    std::env::var("EPOCHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(EPOCHS)
}

/// Pruning threshold of averaged weights in the shipped recipe (`MIN_WEIGHT` overrides).
pub fn min_weight() -> f32 {
    std::env::var("MIN_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MIN_WEIGHT)
}

/// Default of [`min_weight`].
pub const MIN_WEIGHT: f32 = 1.0;

/// Models trained on different shuffles whose weights are averaged (`SHUFFLES` overrides).
pub fn shuffles() -> usize {
    std::env::var("SHUFFLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHUFFLES)
}

/// Default of [`shuffles`].
pub const SHUFFLES: usize = 5;

/// The training recipe of the shipped model: averaged perceptron over `train` for `epochs`
/// epochs in a deterministic shuffled order, repeated for [`shuffles`] orders whose averaged
/// weights are averaged again (less dependence on one order); returns the model bytes.
pub fn train(train: &[&Sentence], epochs: usize, verbose: bool) -> Vec<u8> {
    let mut sum: FastMap<u32, [f32; NTAGS]> = FastMap::default();
    let parts = shuffles();
    // With extra corpora, each corpus is a domain of its own (see `Trainer`), and their updates
    // count `extra_weight()` of a GermEval sentence's.
    let domains = train.iter().any(|s| s.domain != 0) && !plain_extra();
    let weight = extra_weight();
    for part in 0..parts {
        let mut trainer = Trainer::new();
        trainer.predicted_history = std::env::var("PREDICTED_HISTORY").is_ok();
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut seed: u64 =
            0x2545_f491_4f6c_dd1d ^ (part as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for epoch in 0..epochs {
            // Deterministic Fisher-Yates shuffle.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let mut errors = 0;
            for &k in &order {
                let s = train[k];
                let strs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                let (domain, w) = match s.domain {
                    0 => (domains.then_some(0), 1.0),
                    d => (domains.then_some(d), weight),
                };
                errors += trainer.train_sentence_in(&strs, &s.tags, domain, w);
            }
            if verbose {
                eprintln!("order {part}, epoch {epoch}: {errors} errors");
            }
        }
        for (f, w) in trainer.averaged() {
            let acc = sum.entry(f).or_insert([0.0; NTAGS]);
            for (a, v) in acc.iter_mut().zip(w) {
                *a += v;
            }
        }
    }
    encode_model(&sum, parts, min_weight())
}

/// The weight of an extra corpus sentence's updates (`EXTRA_WEIGHT`, default
/// [`EXTRA_WEIGHT`]).
pub fn extra_weight() -> f32 {
    std::env::var("EXTRA_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(EXTRA_WEIGHT)
}

/// Default of [`extra_weight`].
pub const EXTRA_WEIGHT: f32 = 1.0;

/// True when `EXTRA_PLAIN` is set: extra corpora are trained as if they were GermEval, without
/// domain copies of the features (for comparison).
fn plain_extra() -> bool {
    std::env::var("EXTRA_PLAIN").is_ok()
}

/// Maps a corpus's entity class to ours ("PER", "LOC", "ORG", "OTH"), `None` for outside.
type TagMap = fn(&str) -> Option<&'static str>;

/// Default folder of the extra openly licensed training corpora.
pub const EXTRA_DIR: &str = "../shared/data/ner-train";

/// The LER fine classes mapped onto our tags (README of `ner-train/`): persons, places,
/// organisations, laws and treaties as OTH; citations and brands outside.
fn ler_kind(class: &str) -> Option<&'static str> {
    Some(match class {
        "PER" | "AN" | "RR" => "PER",
        "LD" | "ST" | "STR" | "LDS" => "LOC",
        "ORG" | "UN" | "INN" | "GRT" => "ORG",
        "GS" | "VO" | "EUN" | "VS" | "VT" => "OTH",
        _ => return None,
    })
}

/// Sentence-final tokens: Europeana has almost no sentence breaks, so it is split after them.
fn ends_sentence(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?")
}

/// Reads a token-per-line IOB2 file (`token tag`), mapping each tag through `map`; blank lines
/// and, when `split_at_stops`, sentence-final tokens end sentences.
fn parse_iob(text: &str, map: TagMap, split_at_stops: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
        domain: 0,
    };
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>| {
        if !cur.tokens.is_empty() {
            out.push(std::mem::replace(
                cur,
                Sentence {
                    tokens: Vec::new(),
                    tags: Vec::new(),
                    domain: 0,
                },
            ));
        }
    };
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let (Some(tok), Some(tag)) = (cols.next(), cols.last()) else {
            flush(&mut cur, &mut out);
            continue;
        };
        let mapped = match tag.split_once('-') {
            Some((bi @ ("B" | "I"), class)) => map(class).map(|k| format!("{bi}-{k}")),
            _ => None,
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(mapped.map_or(Tag::O, |t| Tag::parse(&t)));
        if split_at_stops && ends_sentence(tok) {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    // An I- tag after a break or after another kind starts a name.
    for s in &mut out {
        let mut prev = Tag::O;
        for t in &mut s.tags {
            if t.0 % 2 == 0 && t.0 > 0 && prev.0 != t.0 && prev.0 + 1 != t.0 {
                *t = Tag(t.0 - 1);
            }
            prev = *t;
        }
    }
    out
}

/// Extra corpora of the shipped recipe (none).
pub const EXTRA_DEFAULT: &str = "";

/// The extra training corpora named in `EXTRA_TRAIN` (comma-separated: `europeana`, `ler`;
/// [`EXTRA_DEFAULT`] when unset, none when empty), read from `EXTRA_DIR` (default
/// [`EXTRA_DIR`]).
pub fn extra() -> Vec<Sentence> {
    let which = std::env::var("EXTRA_TRAIN").unwrap_or_else(|_| EXTRA_DEFAULT.to_string());
    let dir = std::env::var("EXTRA_DIR").unwrap_or_else(|_| EXTRA_DIR.to_string());
    let mut out = Vec::new();
    let names = which.split(',').map(str::trim).filter(|n| !n.is_empty());
    for (domain, name) in (1u8..).zip(names) {
        let (files, map, split): (&[&str], TagMap, bool) = match name {
            "europeana" => (
                &[
                    "europeana-de/enp_DE.lft.bio",
                    "europeana-de/enp_DE.onb.bio",
                    "europeana-de/enp_DE.sbb.bio",
                ],
                |c| match c {
                    "PER" => Some("PER"),
                    "LOC" => Some("LOC"),
                    "ORG" => Some("ORG"),
                    _ => None,
                },
                true,
            ),
            "ler" => (
                &["ler/ler_dev.conll", "ler/ler_test.conll"],
                ler_kind,
                false,
            ),
            other => {
                eprintln!("EXTRA_TRAIN: unknown corpus '{other}' (europeana, ler)");
                continue;
            }
        };
        for f in files {
            match std::fs::read_to_string(format!("{dir}/{f}")) {
                Ok(text) => out.extend(parse_iob(&text, map, split).into_iter().map(|mut s| {
                    s.domain = domain;
                    s
                })),
                Err(e) => eprintln!("{dir}/{f}: {e}"),
            }
        }
    }
    out
}
