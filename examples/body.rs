//! Prints the body blocks of a file as ingestion sees them: `cargo run --example body FILE`.
fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path)?;
    let a = dossier::ingest::parse_article(&path, &text);
    for b in &a.body {
        println!("[{:?}] {}\n", b.kind, a.block_text(b));
    }
    Ok(())
}
