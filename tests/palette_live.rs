//! The palette never waits for its ranking (not timed): a query typed into the palette of a
//! large index, through the reader's event loop on a test backend, is echoed on the next frame
//! while the ranking is still running on its worker, and the ranked hits follow.

use dossier::keymap::{Key, KeyChord, Keymap};
use dossier::reflow::Hyphenators;
use dossier::search::{Candidate, CandidateKind, SearchIndex};
use dossier::state::{AppState, Options, Overlay};
use dossier::tui::headless::LiveLoop;
use std::sync::Arc;
use std::time::Duration;

/// Candidates of a large corpus: generated German-like labels of every kind, among them a few
/// that name Putin.
fn large_index(n: usize) -> SearchIndex {
    const WORDS: [&str; 16] = [
        "Regierung",
        "Wien",
        "Kanzler",
        "Straße",
        "Pjöngjang",
        "Moskau",
        "Rede",
        "Reform",
        "Grenze",
        "Präsident",
        "Montag",
        "verhandelt",
        "über",
        "Steuer",
        "Gewerkschaft",
        "Öffentlichkeit",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let candidates = (0..n)
        .map(|i| {
            let kind = CandidateKind::ALL[i % 4];
            let words = if kind == CandidateKind::Claim { 12 } else { 3 };
            let mut label: Vec<&str> = (0..words)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect();
            if i % 997 == 0 {
                label.insert(1, "Putin");
            }
            Candidate {
                kind,
                label: label.join(" "),
                detail: String::new(),
                article: 0,
                offset: 0,
                recency: 0,
            }
        })
        .collect();
    SearchIndex::new(candidates)
}

fn state(index: SearchIndex) -> AppState {
    let mut state = AppState::new(
        dossier::corpus::Corpus::default(),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );
    state.work.palette_index = Some(Arc::new(index));
    state
}

#[test]
fn a_query_is_echoed_before_its_ranking_completes_and_the_hits_follow() {
    let mut live = LiveLoop::new(state(large_index(250_000)), (120, 30));
    live.key(KeyChord::plain(Key::Char(':')));
    live.settle(Duration::from_secs(60));
    let mut typed = String::new();
    for (n, c) in "putin".chars().enumerate() {
        typed.push(c);
        live.key(KeyChord::plain(Key::Char(c)));
        let echo = live.draw().expect("a key changes the screen");
        assert!(echo.text.contains(&format!("> {typed}")), "{}", echo.text);
        assert!(echo.text.contains("ranking…"), "{}", echo.text);
        if n == 0 {
            // The first letter scans all 250,000 candidates: the frame that echoes it is drawn
            // while that scan is still running.
            assert!(echo.jobs_running, "the echo waited for the ranking");
        }
        let frames = live.settle(Duration::from_secs(60));
        let last = frames.last().expect("the answer is drawn");
        assert!(!last.text.contains("ranking…"), "{}", last.text);
        assert!(last.at >= echo.at);
    }
    let Some(Overlay::Palette(p)) = &live.state.overlays.open else {
        panic!("the palette is open");
    };
    assert_eq!(p.query, "putin");
    let result = p.result.as_ref().expect("ranked");
    assert!(result.is_complete());
    let index = live.state.work.palette_index.clone().expect("index");
    let fresh = index.query("putin", dossier::state::palette::PALETTE_LIMIT);
    assert_eq!(
        result.hits, fresh.hits,
        "the same hits as a query on the spot"
    );
    assert_eq!(result.total_matched, fresh.total_matched);
    let top = index.candidate(result.hits[0].candidate).expect("a hit");
    assert!(top.label.contains("Putin"), "{}", top.label);
}

#[test]
fn the_next_key_supersedes_a_ranking_under_way() {
    let mut live = LiveLoop::new(state(large_index(100_000)), (120, 30));
    live.key(KeyChord::plain(Key::Char(':')));
    live.settle(Duration::from_secs(60));
    // A burst: every key arrives before the ranking of the one before has finished.
    for c in "wien".chars() {
        live.key(KeyChord::plain(Key::Char(c)));
    }
    let echo = live.draw().expect("drawn");
    assert!(echo.text.contains("> wien"), "{}", echo.text);
    live.settle(Duration::from_secs(60));
    let Some(Overlay::Palette(p)) = &live.state.overlays.open else {
        panic!("the palette is open");
    };
    assert_eq!(p.ranking, None);
    let index = live.state.work.palette_index.clone().expect("index");
    let fresh = index.query("wien", dossier::state::palette::PALETTE_LIMIT);
    let shown = p.result.as_ref().expect("ranked");
    assert_eq!(shown.hits, fresh.hits);
    assert_eq!(shown.total_matched, fresh.total_matched);
}
