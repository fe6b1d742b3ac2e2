//! Regression guard for English entities: strict-span PER/LOC/ORG F1 on WikiGold
//! (`tests/data/wikigold/`, see `examples/eval_en.rs`) must not fall below the figures reached
//! when the English rules were last changed. A guard, not a target.

#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "common/wikigold.rs"]
mod wikigold;

/// F1 floors: development half (even documents), held-out half (odd documents).
const DEV_FLOOR: f64 = 0.61;
const HELD_OUT_FLOOR: f64 = 0.59;

#[test]
fn wikigold_entity_f1_does_not_regress() {
    let text = std::fs::read_to_string(wikigold::PATH).expect("wikigold data");
    let docs = wikigold::parse(&text);
    assert_eq!(docs.len(), 145);
    let [dev, held, all] = wikigold::score_halves(&docs, false);
    assert_eq!(
        all.english_docs, all.docs,
        "every document is detected as English"
    );
    let report = [dev.lines(), held.lines()].concat().join("\n");
    println!("development half, then held-out half:\n{report}");
    assert!(dev.all.f1() >= DEV_FLOOR, "development half:\n{report}");
    assert!(held.all.f1() >= HELD_OUT_FLOOR, "held-out half:\n{report}");
}
