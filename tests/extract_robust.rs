//! Runs `analyze` over every 10kGNAD test article (skipped with a note when the file is absent):
//! no panic, spans on char boundaries, sorted and disjoint, texts equal to their spans.

use dossier::extract::analyze;
use std::path::Path;

/// Parses `label;'text'` rows with `'`-quoting and doubled `''`.
pub fn gnad_texts(csv: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in csv.lines() {
        let Some((_, rest)) = line.split_once(';') else {
            continue;
        };
        let t = rest.strip_prefix('\'').unwrap_or(rest);
        let t = t.strip_suffix('\'').unwrap_or(t);
        out.push(t.replace("''", "'"));
    }
    out
}

#[test]
fn analyze_survives_all_10kgnad_articles_with_valid_spans() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/10kgnad/test.csv");
    let Ok(csv) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} absent; robustness test skipped", path.display());
        return;
    };
    let texts = gnad_texts(&csv);
    assert!(texts.len() > 1000);
    for (i, text) in texts.iter().enumerate() {
        let article = dossier::ingest::parse_raw(&format!("gnad/{i}"), text);
        let a = analyze(&article);
        let mut last_end = 0;
        for m in &a.mentions {
            assert!(
                m.span.start >= last_end && m.span.start < m.span.end,
                "article {i}: bad order at {:?}",
                m.span
            );
            assert!(
                article.text.is_char_boundary(m.span.start)
                    && article.text.is_char_boundary(m.span.end)
            );
            assert_eq!(&article.text[m.span.start..m.span.end], m.text);
            last_end = m.span.end;
        }
        for c in &a.claims {
            assert_eq!(&article.text[c.span.start..c.span.end], c.text);
        }
    }
}
