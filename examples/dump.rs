//! Prints the mentions and claims of a text file (debugging aid): `cargo run --example dump FILE`.
use dossier::model::{Article, ArticleId};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or(path);
    let body = dossier::ingest::paragraphs(&text);
    let article = Article::untitled(ArticleId("0".into()), text, body);
    let a = dossier::extract::analyze(&article);
    for m in &a.mentions {
        println!(
            "M {:<13} {:<35} -> {}{}",
            m.kind.name(),
            m.text,
            m.canonical,
            if m.derived { " (derived)" } else { "" }
        );
    }
    for c in &a.claims {
        println!(
            "C {:<10} {:<10} {:?} | {}",
            c.kind.name(),
            c.stance.name(),
            c.attribution
                .as_ref()
                .map(|a| (&a.text, &a.canonical, a.unnamed)),
            c.text
        );
    }
}
