//! Prints the mentions and claims of a text file (debugging aid): `cargo run --example dump FILE`.
use dossier::model::{Article, ArticleId, Block, BlockKind, Lang, Span};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or(path);
    let mut body = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let lead = part.len() - part.trim_start().len();
        let (s, e) = (start + lead, start + part.trim_end().len());
        if e > s {
            body.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(s, e),
            });
        }
        start += part.len() + 2;
    }
    let article = Article {
        id: ArticleId("0".into()),
        source: String::new(),
        title: String::new(),
        authors: vec![],
        outlet: None,
        date: None,
        lang: Lang::De,
        doi: None,
        url: None,
        text,
        body,
        references: vec![],
        styles: Vec::new(),
    };
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
