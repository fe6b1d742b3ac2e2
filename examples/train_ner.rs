//! Trains the averaged-perceptron NER model on the GermEval 2014 dev file, minus the held-out
//! fifth (sentence index % 5 == 4), and writes `data/ner-model.bin`.
//!
//! `cargo run --release --example train_ner [GERMEVAL_TSV] [EPOCHS]`

#[path = "common/germeval.rs"]
mod germeval;

use dossier::extract::tagger::{Trainer, tag_words_with};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| germeval::DEV.to_string());
    let epochs: usize = std::env::args()
        .nth(2)
        .and_then(|e| e.parse().ok())
        .unwrap_or(12);
    let text = std::fs::read_to_string(&path)?;
    let all = germeval::parse(&text);
    let train: Vec<&germeval::Sentence> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| !germeval::is_held_out(*i))
        .map(|(_, s)| s)
        .collect();
    let held: Vec<&germeval::Sentence> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| germeval::is_scored(*i))
        .map(|(_, s)| s)
        .collect();
    eprintln!(
        "{} sentences: {} train, {} held out",
        all.len(),
        train.len(),
        held.len()
    );
    let mut trainer = Trainer::new();
    trainer.predicted_history = std::env::var("PREDICTED_HISTORY").is_ok();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
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
            errors += trainer.train_sentence(&strs, &s.tags);
        }
        eprintln!("epoch {epoch}: {errors} errors");
    }
    let min_weight: f32 = std::env::var("MIN_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.05);
    let bytes = trainer.finish(min_weight);
    std::fs::write("data/ner-model.bin", &bytes)?;
    eprintln!("wrote data/ner-model.bin: {} bytes", bytes.len());
    // Tagger-only score on the held-out part.
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for s in &held {
        let strs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let pred = germeval::spans(&tag_words_with(&bytes, &strs));
        let gold = germeval::spans(&s.tags);
        tp += pred.iter().filter(|p| gold.contains(p)).count();
        np += pred.len();
        ng += gold.len();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    eprintln!(
        "tagger alone, held out: P {:.3} R {:.3} F1 {:.3}",
        p,
        r,
        2.0 * p * r / (p + r).max(1e-9)
    );
    Ok(())
}
