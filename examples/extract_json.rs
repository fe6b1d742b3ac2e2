//! Prints `dossier extract`-style JSON for files (as `to_json` renders it), one object a line:
//! `cargo run --example extract_json FILE...`.
fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut articles = Vec::new();
    for p in &paths {
        articles.push(dossier::ingest::parse_article(
            p,
            &std::fs::read_to_string(p)?,
        ));
    }
    let analyses = dossier::extract::analyze_corpus(&articles);
    for ((p, a), an) in paths.iter().zip(&articles).zip(&analyses) {
        println!("{}", dossier::extract::to_json(p, a, an, true));
    }
    Ok(())
}
