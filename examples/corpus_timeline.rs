//! Prints the timeline of the bundled corpus as Markdown (development aid):
//! `cargo run --example corpus_timeline`.
fn main() {
    let corpus = dossier::corpus::Corpus::bundled();
    let events = dossier::corpus::timeline::events(&corpus);
    print!(
        "{}",
        dossier::corpus::timeline::to_markdown(&events, &corpus)
    );
}
