//! Trains the averaged-perceptron NER model on every sentence of the GermEval 2014 dev file plus
//! the extra corpora of the shipped recipe (`germeval::EXTRA_DEFAULT`, each a domain of its own:
//! see `tagger::Trainer`) and writes `data/ner-model.bin`. The same recipe is cross-validated by
//! `examples/eval.rs` (train on four fifths of GermEval dev and all of the extra data
//! in-process, score the fifth), which gives the honest estimate of its quality.
//!
//! `EXTRA_TRAIN` names the openly licensed corpora of `../shared/data/ner-train/` to add
//! (comma-separated `europeana`, `ler`; the recipe's when unset, none when empty), `EXTRA_WEIGHT`
//! how much their updates count; the same variables apply to `examples/eval.rs`.
//!
//! `cargo run --release --example train_ner [GERMEVAL_TSV] [EPOCHS]`

#[path = "common/germeval.rs"]
mod germeval;

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| germeval::DEV.to_string());
    let epochs: usize = std::env::args()
        .nth(2)
        .and_then(|e| e.parse().ok())
        .unwrap_or(germeval::EPOCHS);
    let text = std::fs::read_to_string(&path)?;
    let all = germeval::parse(&text);
    let extra = germeval::extra();
    let train: Vec<&germeval::Sentence> = all.iter().chain(&extra).collect();
    eprintln!(
        "{} sentences ({} of them from EXTRA_TRAIN), all used for training",
        train.len(),
        extra.len()
    );
    let t0 = Instant::now();
    let bytes = germeval::train(&train, epochs, true);
    eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    std::fs::write("data/ner-model.bin", &bytes)?;
    eprintln!("wrote data/ner-model.bin: {} bytes", bytes.len());
    Ok(())
}
