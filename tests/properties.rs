//! Property tests: arbitrary input never panics the parsers, the extractor, the layout or the
//! bookmarks loader, and every span they return is valid.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::reflow::{Hyphenators, layout_article};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Text that looks like articles often enough to reach deep code: words, numbers, dates,
/// quotes, umlauts, control characters, wide characters and blank lines.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Nordkorea".to_string()),
        Just("Kim Jong-un".to_string()),
        Just("19. Juni 2024".to_string()),
        Just("10.000-12.000 Soldaten".to_string()),
        Just("„Zitat“".to_string()),
        Just("sagte Pentagon-Sprecher Pat Ryder".to_string()),
        Just("\n\n".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("北朝鮮".to_string()),
        Just("---\ntitle: x\n---\n".to_string()),
        "[A-Za-zäöüß0-9 .,;:!?()\\-]{0,20}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn ingestion_and_extraction_give_valid_spans(text in article_text()) {
        let article = dossier::ingest::parse_article("prop.txt", &text);
        for b in article.body.iter().chain(&article.references) {
            prop_assert!(b.span.start <= b.span.end && b.span.end <= article.text.len());
            prop_assert!(article.text.is_char_boundary(b.span.start) && article.text.is_char_boundary(b.span.end));
        }
        let analysis = dossier::extract::analyze(&article);
        for m in &analysis.mentions {
            prop_assert_eq!(article.slice(m.span), m.text.as_str());
        }
        for c in &analysis.claims {
            prop_assert!(article.text.get(c.span.start..c.span.end).is_some());
        }
    }

    #[test]
    fn folding_a_label_without_its_char_map_gives_the_same_text(text in article_text()) {
        prop_assert_eq!(dossier::search::fold_text(&text), dossier::search::fold(&text).0);
        let line = dossier::corpus::entity_index::collapse_whitespace(&text);
        prop_assert_eq!(line, text.split_whitespace().collect::<Vec<_>>().join(" "));
    }

    #[test]
    fn layout_fits_any_width(text in article_text(), width in 8u16..200) {
        let article = dossier::ingest::parse_raw("prop.txt", &text);
        let layout = layout_article(&article, width, &Hyphenators::hyphens_only());
        for line in &layout.lines {
            prop_assert!(line.text.width() <= usize::from(width), "{:?}", line.text);
            prop_assert!(!line.text.chars().any(char::is_control));
        }
    }

    #[test]
    fn keymap_parsing_never_panics(text in "\\PC{0,200}", key in "\\PC{0,12}") {
        let _ = dossier::keymap::parse_keymap_file("prop.toml", &text);
        let _ = dossier::keymap::parse_chord(&key);
        let _ = dossier::keymap::parse_sequence(&key);
    }

    #[test]
    fn article_search_spans_are_valid(text in article_text(), query in "\\PC{0,8}") {
        for span in dossier::state::palette::find_all(&text, &query, 100) {
            prop_assert!(text.get(span.start..span.end).is_some());
        }
    }

    #[test]
    fn a_damaged_bookmarks_file_is_never_overwritten(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        std::fs::write(&path, &bytes).unwrap();
        let mut store = dossier::store::Store::open(dir.path(), 1_790_000_000);
        let article = &dossier::ingest::bundled()[0];
        let block = 1;
        let span = article.body[block].span;
        let anchor = dossier::store::make_anchor(article, block, span);
        let b = dossier::store::Bookmark::new(article, dossier::store::Target::Paragraph, anchor, "n", 1_790_000_000);
        let id = b.id.clone();
        let saved = store.add(b).is_ok();
        // Saved or not, the new bookmark is kept in memory.
        prop_assert!(store.bookmarks().iter().any(|x| x.id == id));
        if saved {
            // Only a file that was readable may be written, and then it holds the bookmark.
            let reopened = dossier::store::Store::open(dir.path(), 1_790_000_001);
            prop_assert!(reopened.bookmarks().iter().any(|x| x.id == id));
        } else {
            prop_assert_eq!(std::fs::read(&path).unwrap(), bytes);
        }
    }
}
