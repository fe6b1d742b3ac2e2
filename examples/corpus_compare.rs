//! Prints the claim groups of the bundled corpus as Markdown (development aid):
//! `cargo run --example corpus_compare`.
fn main() {
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let groups = dossier::compare::groups(&articles, &analyses);
    print!(
        "{}",
        dossier::compare::to_markdown(&groups, &articles, &analyses)
    );
}
