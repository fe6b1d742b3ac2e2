//! Prints the blocks ingestion finds in a file (debugging aid): `cargo run --example blocks FILE`.
fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path)?;
    let a = dossier::ingest::parse_article(&path, &text);
    println!(
        "title={:?} authors={:?} date={:?}",
        a.title, a.authors, a.date
    );
    for b in a.body.iter().chain(a.references.iter()) {
        let t = a.block_text(b);
        println!(
            "[{:?}] {}",
            b.kind,
            t.chars().take(90).collect::<String>().replace('\n', " ")
        );
    }
    Ok(())
}
