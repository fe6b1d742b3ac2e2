//! Prints the claims of the bundled corpus with their figures, dates and mentions (development
//! aid): `cargo run --example corpus_claims [all]`.
fn main() {
    let all = std::env::args().nth(1).is_some();
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    for (ai, (a, an)) in articles.iter().zip(&analyses).enumerate() {
        println!(
            "== [{ai}] {} | {:?} | {}",
            a.title,
            a.date.map(|d| d.to_string()),
            a.byline()
        );
        let dates: Vec<&str> = an
            .mentions
            .iter()
            .filter(|m| m.kind == dossier::model::EntityKind::Date)
            .map(|m| m.text.as_str())
            .collect();
        println!("   date mentions: {dates:?}");
        for (ci, c) in an.claims.iter().enumerate() {
            if !all && c.quantities.is_empty() && c.dates.is_empty() {
                continue;
            }
            let text: String = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let src = c.attribution.as_ref().map(|a| a.text.as_str());
            println!("  C{ci} {:?} {:?} src={src:?}", c.kind, c.stance);
            println!("     {text}");
            let ms: Vec<String> = an
                .mentions
                .iter()
                .filter(|m| c.span.contains(m.span))
                .map(|m| {
                    format!(
                        "{}={}{}",
                        m.text,
                        m.canonical,
                        if m.derived { "*" } else { "" }
                    )
                })
                .collect();
            println!("     ents={:?} mentions={ms:?}", c.entities);
            for q in &c.quantities {
                println!(
                    "     Q {:?} {}..{} unit={:?} approx={}",
                    q.text, q.min, q.max, q.unit, q.approximate
                );
            }
            for d in &c.dates {
                println!("     D {:?} {}", d.text, d.date);
            }
        }
    }
}
