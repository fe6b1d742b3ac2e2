//! Prints the claim groups of the bundled corpus as Markdown (development aid):
//! `cargo run --example corpus_compare`.
fn main() {
    let corpus = dossier::corpus::Corpus::bundled();
    let groups = dossier::corpus::compare::groups(&corpus);
    print!(
        "{}",
        dossier::corpus::compare::to_markdown(&groups, &corpus)
    );
}
