//! Scores extraction on the seeds' gold annotations (tests/gold) and fails below the minimums.

mod common;

use std::path::Path;

#[test]
fn seed_gold_scores_stay_above_minimums() {
    let s = common::gold::score(Path::new(env!("CARGO_MANIFEST_DIR")))
        .expect("gold files and seeds readable");
    common::gold::print_scores();
    // `DOSSIER_GOLD_DIFFS=1 cargo test --release --locked --test extract_gold -- --nocapture`
    // also lists the gold claims whose source, stance or kind differ.
    if std::env::var_os("DOSSIER_GOLD_DIFFS").is_some() {
        common::gold::print_diffs();
    }
    assert!(
        s.entities.f1() >= MIN_ENTITY_F1,
        "entity F1 {:.3}",
        s.entities.f1()
    );
    assert!(
        s.claims.f1() >= MIN_CLAIM_F1,
        "claim F1 {:.3}",
        s.claims.f1()
    );
    assert!(
        s.source_accuracy() >= MIN_SOURCE,
        "source {:.3}",
        s.source_accuracy()
    );
    assert!(
        s.stance_accuracy() >= MIN_STANCE,
        "stance {:.3}",
        s.stance_accuracy()
    );
    assert!(
        s.canonical_links.f1() >= MIN_CANONICAL_F1,
        "canonical links F1 {:.3}",
        s.canonical_links.f1()
    );
}

const MIN_ENTITY_F1: f64 = 0.90;
const MIN_CLAIM_F1: f64 = 0.94;
const MIN_SOURCE: f64 = 0.82;
// Konjunktiv I reported speech is `attributed` rather than `uncertain` (seed gold edited by hand
// to match); the extractor scores 0.890 (283 / 318) on it.
const MIN_STANCE: f64 = 0.88;
const MIN_CANONICAL_F1: f64 = 0.97;
