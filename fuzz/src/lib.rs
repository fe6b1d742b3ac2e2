//! The checks behind each fuzz target, as plain functions so that a crash file can be replayed
//! without the fuzzer (`cargo run --release --bin replay -- TARGET FILE`). Each one panics when
//! an invariant breaks; a panic is what the fuzzer reports as a crash.

use dossier::ingest::{decode, parse_article, parse_raw};
use dossier::model::Article;

fn assert_spans_valid(article: &Article) {
    let text = article.text.as_str();
    for b in article.body.iter().chain(&article.references) {
        assert!(b.span.start <= b.span.end && b.span.end <= text.len());
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
    }
}

/// Ingestion: bytes as read from a file, decoded and parsed with and without metadata.
pub fn ingest(data: &[u8]) {
    let Ok(decoded) = decode(data) else {
        return;
    };
    let article = parse_article("fuzz.md", &decoded.text);
    assert_spans_valid(&article);
    let raw = parse_raw("fuzz.txt", &decoded.text);
    assert_spans_valid(&raw);
}

/// The tokenizer and sentence splitter on any text, at an offset.
pub fn tokenize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let offset = data.first().map_or(0, |&b| usize::from(b) * 7);
    let tokens = dossier::extract::tokenize(&text, offset);
    let mut last_end = offset;
    for t in &tokens {
        assert!(t.span.start >= last_end && t.span.start < t.span.end);
        assert!(t.span.end - offset <= text.len());
        assert!(
            text.get(t.span.start - offset..t.span.end - offset)
                .is_some()
        );
        last_end = t.span.end;
    }
    for r in dossier::extract::sentences(&text, offset, &tokens) {
        assert!(r.start <= r.end && r.end <= tokens.len());
    }
    for s in dossier::extract::sentence_spans(&text) {
        assert!(text.get(s.start..s.end).is_some());
    }
}

/// The extractor: entities, claims, dates and figures of a parsed article.
pub fn extract(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let article = parse_article("fuzz.md", &text);
    let analysis = dossier::extract::analyze(&article);
    for m in &analysis.mentions {
        assert_eq!(article.slice(m.span), m.text.as_str());
    }
    for c in &analysis.claims {
        assert!(article.text.get(c.span.start..c.span.end).is_some());
    }
    let corpus = [article];
    let _ = dossier::extract::analyze_corpus(&corpus);
    let _ = dossier::extract::to_json("fuzz.md", &corpus[0], &analysis, true);
}

/// The keymap parser: a keymap file, and the same text as a key sequence and a chord.
pub fn keymap(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (file, _errors) = dossier::keymap::parse_keymap_file("fuzz.toml", &text);
    let mut keymap = dossier::keymap::Keymap::builtin();
    keymap.apply(&file);
    if let Ok(seq) = dossier::keymap::parse_sequence(&text) {
        // What is printed must parse back to the same keys.
        let printed = dossier::keymap::format_sequence(&seq);
        assert_eq!(
            dossier::keymap::parse_sequence(&printed).ok(),
            Some(seq),
            "{printed:?}"
        );
    }
    let _ = dossier::keymap::parse_chord(&text);
}

/// The bookmarks loader: a `bookmarks.json` as read at start-up, then every bookmark's anchor
/// resolved against the bundled articles as the reader does.
pub fn bookmarks(data: &[u8]) {
    let Ok(bookmarks) = dossier::store::parse_bookmarks(data) else {
        return;
    };
    let articles = articles();
    for b in &bookmarks {
        let article = dossier::store::find_article(articles, b).unwrap_or(&articles[0]);
        match dossier::store::resolve(article, &b.anchor) {
            dossier::store::Resolution::Exact(s) | dossier::store::Resolution::Moved(s) => {
                assert!(article.text.get(s.start..s.end).is_some());
            }
            dossier::store::Resolution::Fuzzy { span, .. } => {
                assert!(article.text.get(span.start..span.end).is_some());
            }
            dossier::store::Resolution::Orphaned => {}
        }
    }
    let items = dossier::export::collect(articles, &bookmarks);
    let _ = dossier::export::to_markdown(&items, 0);
}

fn articles() -> &'static [Article] {
    static ARTICLES: std::sync::OnceLock<Vec<Article>> = std::sync::OnceLock::new();
    ARTICLES.get_or_init(dossier::ingest::bundled)
}

/// Runs the named target on `data`; false for an unknown name.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "ingest" => ingest(data),
        "tokenize" => tokenize(data),
        "extract" => extract(data),
        "keymap" => keymap(data),
        "bookmarks" => bookmarks(data),
        _ => return false,
    }
    true
}
