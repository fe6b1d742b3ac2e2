//! Reads GermEval 2014 NER TSV files and splits them deterministically into train and held-out.
#![allow(dead_code)]

use dossier::extract::tagger::Tag;

/// Default location of the GermEval dev file, relative to the repository.
pub const DEV: &str = "../shared/data/germeval2014/NER-de-dev.tsv";

/// One sentence: tokens and outer-column tags (OTH kept; `*deriv`/`*part` as O).
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Parses the TSV text into sentences.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
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

/// True for the sentences held out from training: every fifth sentence (index % 5 == 4), 20%.
///
/// For development, `DEV_FOLD=3` also keeps fold 3 (index % 5 == 3) out of training so that
/// choices can be checked there without looking at the held-out fold.
pub fn is_held_out(index: usize) -> bool {
    index % 5 == 4 || dev_fold().is_some_and(|f| index % 5 == f)
}

/// The development fold from `DEV_FOLD`, if set.
pub fn dev_fold() -> Option<usize> {
    std::env::var("DEV_FOLD").ok().and_then(|v| v.parse().ok())
}

/// True for the sentences scored by the eval: the dev fold when set, else the held-out fold.
pub fn is_scored(index: usize) -> bool {
    index % 5 == dev_fold().unwrap_or(4)
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
