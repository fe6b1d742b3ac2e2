//! Prints the timeline of the bundled corpus as Markdown (development aid):
//! `cargo run --example corpus_timeline`.
fn main() {
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let events = dossier::timeline::events(&articles, &analyses);
    print!("{}", dossier::timeline::to_markdown(&events, &articles));
}
