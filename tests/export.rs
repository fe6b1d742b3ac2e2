//! Export and clipboard through the public API: Markdown and JSON notes for a seed article with
//! a DOI, an orphaned bookmark, and OSC 52 sequences.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::clipboard::{Route, osc52};
use dossier::export::{citation, collect, to_json, to_markdown};
use dossier::ingest::{bundled, parse_article};
use dossier::model::{Article, BlockKind, Span};
use dossier::store::{Bookmark, Store, Target, make_anchor};

const NOW: i64 = 1_700_000_000;

/// The seed article with a DOI.
fn doi_seed() -> Article {
    bundled()
        .into_iter()
        .find(|a| a.doi.is_some())
        .expect("a seed with a DOI")
}

fn paragraph_bookmark(a: &Article, nth: usize, note: &str) -> Bookmark {
    let (block, b) = a
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && a.block_text(b).len() > 200)
        .nth(nth)
        .expect("paragraph");
    let anchor = make_anchor(a, block, Span::new(b.span.start, b.span.end));
    Bookmark::new(a, Target::Paragraph, anchor, note, NOW)
}

#[test]
fn markdown_has_front_matter_quote_note_and_citation() {
    let a = doi_seed();
    let b = paragraph_bookmark(&a, 0, "Beistandsklausel prüfen");
    let items = collect(std::slice::from_ref(&a), std::slice::from_ref(&b));
    let md = to_markdown(&items, NOW);
    assert!(
        md.starts_with(
            "---\ntitle: \"dossier notes\"\nexported: 2023-11-14\ncount: 1\narticles:\n  - title: \
             \"Russland und Nordkorea schmieden eine neue Allianz\"\n    authors: [\"Ralf Havertz\"]\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("\n## Russland und Nordkorea schmieden eine neue Allianz\n"),
        "{md}"
    );
    assert!(md.contains("Ralf Havertz, \"Russland und Nordkorea schmieden eine neue Allianz\""));
    assert!(md.contains("https://doi.org/10.48269/2451-0610-ksm-2024-008"));
    let first_line = b.anchor.quote.lines().next().expect("a line");
    let first_words: String = first_line.chars().take(40).collect();
    assert!(md.contains(&format!("\n> {first_words}")), "{md}");
    assert!(md.contains("\nBeistandsklausel prüfen\n"));
    assert!(!md.contains("Orphaned"));
    assert_eq!(citation(&a), items[0].meta.citation());
}

#[test]
fn json_has_stable_fields() {
    let a = doi_seed();
    let b = paragraph_bookmark(&a, 0, "Notiz");
    let v = to_json(
        &collect(std::slice::from_ref(&a), std::slice::from_ref(&b)),
        NOW,
    );
    assert_eq!(v["title"], "dossier notes");
    assert_eq!(v["exported"], "2023-11-14");
    assert_eq!(v["count"], 1);
    let art = &v["articles"][0];
    assert_eq!(art["doi"], "10.48269/2451-0610-ksm-2024-008");
    assert_eq!(
        art["link"],
        "https://doi.org/10.48269/2451-0610-ksm-2024-008"
    );
    assert_eq!(art["found"], true);
    let bm = &art["bookmarks"][0];
    assert_eq!(bm["status"], "exact");
    assert_eq!(bm["target"], "paragraph");
    assert_eq!(bm["note"], "Notiz");
    assert_eq!(bm["quote"], b.anchor.quote.as_str());
    assert_eq!(bm["span"]["start"], b.anchor.start);
    assert_eq!(
        bm["open"],
        format!("dossier://open/{}#{}", a.source, b.anchor.start)
    );
    assert_eq!(bm["paragraph"], b.anchor.block + 1);
}

#[test]
fn orphaned_bookmark_stays_in_store_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = doi_seed();
    let kept = paragraph_bookmark(&a, 0, "bleibt");
    let lost = paragraph_bookmark(&a, 1, "Absatz gelöscht");
    let mut store = Store::open(dir.path(), NOW);
    store.add(kept.clone()).expect("add");
    store.add(lost.clone()).expect("add");

    let span = a.body[lost.anchor.block].span;
    let mut text = a.text.clone();
    text.replace_range(span.start..span.end, "");
    let edited = parse_article(&a.source, &text);

    let store = Store::open(dir.path(), NOW + 1);
    assert_eq!(store.bookmarks().len(), 2);
    let items = collect(std::slice::from_ref(&edited), store.bookmarks());
    assert_eq!(items.len(), 1);
    let md = to_markdown(&items, NOW);
    assert!(md.contains("*Orphaned:"), "{md}");
    assert!(md.contains("\nAbsatz gelöscht\n"));
    assert!(md.contains("\nbleibt\n"));
    let v = to_json(&items, NOW);
    let statuses: Vec<&str> = v["articles"][0]["bookmarks"]
        .as_array()
        .expect("array")
        .iter()
        .map(|b| b["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["exact", "orphaned"]);

    // With the article gone from the corpus altogether, both are still exported.
    let items = collect(&[], store.bookmarks());
    assert_eq!(items.len(), 1);
    assert!(!items[0].meta.found);
    assert_eq!(to_json(&items, NOW)["count"], 2);
}

#[test]
fn osc52_plain_and_inside_screen() {
    assert_eq!(
        osc52("Pjöngjang", Route::Plain),
        "\x1b]52;c;UGrDtm5namFuZw==\x07"
    );
    assert_eq!(
        osc52("Pjöngjang", Route::Screen),
        "\x1bP\x1b]52;c;UGrDtm5namFuZw==\x07\x1b\\"
    );
}
