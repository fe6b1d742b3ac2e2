//! Builds `data/gazetteers/nouns.bin` from Debian's `wngerman` word list: sorted 32-bit hashes
//! of every capitalised entry (German nouns and some names), used as a tagger feature.
//!
//! `apt-get install -y wngerman && cargo run --release --example build_lexicon [/usr/share/dict/ngerman]`

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/usr/share/dict/ngerman".to_string());
    let text = std::fs::read_to_string(&path)?;
    let mut hashes: Vec<u32> = text
        .lines()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(dossier::extract::gazetteer::word_hash)
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    std::fs::write("data/gazetteers/nouns.bin", &bytes)?;
    eprintln!(
        "{} capitalised words -> data/gazetteers/nouns.bin ({} bytes)",
        hashes.len(),
        bytes.len()
    );
    Ok(())
}
