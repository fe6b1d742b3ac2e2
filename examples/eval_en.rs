//! English entity scores: strict-span PER/LOC/ORG P/R/F1 on WikiGold (`tests/data/wikigold/`)
//! through the whole extractor, for the development half (even documents), the held-out half
//! (odd documents) and both. See `tests/common/wikigold.rs` for how text and spans are rebuilt.
//!
//! `cargo run --release --example eval_en [--errors]` (`--errors` lists the misses and false
//! alarms of the development half only).

#[path = "../tests/common/wikigold.rs"]
mod wikigold;

fn main() -> anyhow::Result<()> {
    let errors = std::env::args().any(|a| a == "--errors");
    let text = std::fs::read_to_string(wikigold::PATH)?;
    let docs = wikigold::parse(&text);
    let [dev, held, all] = wikigold::score_halves(&docs, errors);
    for (name, s) in [
        ("development half (even documents)", &dev),
        ("held-out half (odd documents)", &held),
        ("all documents", &all),
    ] {
        println!(
            "WikiGold {name}: {} documents, {} detected as English",
            s.docs, s.english_docs
        );
        for l in s.lines() {
            println!("{l}");
        }
    }
    Ok(())
}
