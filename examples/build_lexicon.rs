//! Builds `data/gazetteers/nouns.bin`, the common-noun feature of the tagger: sorted 32-bit
//! hashes (`gazetteer::word_hash`) of the capitalised words that openly licensed annotated German
//! corpora use mostly outside names. Counted: every capitalised alphabetic word that neither starts
//! a sentence nor follows sentence punctuation or an opening quote; kept when its uses outside an
//! entity outnumber its uses inside one more than three to one.
//!
//! Sources (see THIRD-PARTY.md): the Europeana Newspapers NER corpora, German part (CC0) and the
//! LER legal entity corpus, dev and test files (CC BY 4.0), as laid out in
//! `../shared/data/ner-train/`. GermEval 2014 is deliberately not read, so the feature carries
//! nothing of the sentences the tagger is cross-validated on.
//!
//! `cargo run --release --example build_lexicon [NER_TRAIN_DIR]`

use std::collections::HashMap;

const FILES: [&str; 5] = [
    "europeana-de/enp_DE.lft.bio",
    "europeana-de/enp_DE.onb.bio",
    "europeana-de/enp_DE.sbb.bio",
    "ler/ler_dev.conll",
    "ler/ler_test.conll",
];

/// Words that open a sentence or a quotation: the word after them is capitalised anyway.
fn opens_sentence(prev: &str) -> bool {
    matches!(
        prev,
        "." | "!" | "?" | ":" | "\"" | "„" | "“" | "»" | "«" | "(" | ";"
    )
}

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ner-train".to_string());
    // word -> (uses outside entities, uses inside)
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for f in FILES {
        let text = std::fs::read_to_string(format!("{dir}/{f}"))?;
        let mut prev: Option<String> = None;
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            let mut cols = line.split_whitespace();
            let (Some(word), Some(tag)) = (cols.next(), cols.last()) else {
                // a blank line ends a sentence
                prev = None;
                continue;
            };
            let starts = prev.as_deref().is_none_or(opens_sentence);
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            if !starts && cap && word.chars().count() > 1 && word.chars().all(char::is_alphabetic) {
                let c = counts.entry(word.to_string()).or_default();
                if tag == "O" {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
            prev = Some(word.to_string());
        }
    }
    let mut hashes: Vec<u32> = counts
        .iter()
        .filter(|(_, (out, inside))| *out > 3 * *inside)
        .map(|(w, _)| dossier::extract::gazetteer::word_hash(w))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    std::fs::write("data/gazetteers/nouns.bin", &bytes)?;
    eprintln!(
        "{} capitalised common words -> data/gazetteers/nouns.bin ({} bytes)",
        hashes.len(),
        bytes.len()
    );
    Ok(())
}
