//! The palette's slow work stays off the keys (not timed): opening the palette of a 10,000-article
//! corpus before its index is built, and typing a full-text (`/`) query, are echoed on the next
//! frame of the reader's event loop (on a test backend) while the work runs on a worker; the
//! answers that follow equal those computed directly.

use dossier::corpus::Corpus;
use dossier::keymap::{Key, KeyChord, Keymap};
use dossier::model::Analysis;
use dossier::reflow::Hyphenators;
use dossier::state::palette::PALETTE_LIMIT;
use dossier::state::{AppState, Options, Overlay};
use dossier::tui::headless::{LiveLoop, render_text};
use std::time::Duration;

const PLACES: [&str; 8] = [
    "Wien",
    "Graz",
    "Linz",
    "Salzburg",
    "Moskau",
    "Kiew",
    "Berlin",
    "Pjöngjang",
];

/// `n` articles of a few paragraphs each; every 97th names Putin in its title and body.
fn corpus(n: usize) -> Corpus {
    Corpus::from_pairs((0..n).map(|i| {
        let place = PLACES[i % PLACES.len()];
        let who = if i % 97 == 0 {
            "Putin"
        } else {
            "Die Regierung"
        };
        let mut text = format!("{who} verhandelt in {place} über Reform {i}\n\n");
        for p in 0..6 {
            text.push_str(&format!(
                "Absatz {p}: {who} sprach am Montag in {place} über die Steuer, die Grenze und \
                 die Öffentlichkeit. Die Gewerkschaft antwortete mit einer Rede zur Reform.\n\n"
            ));
        }
        (
            dossier::ingest::parse_raw(&format!("/corpus/{i:05}.txt"), &text),
            Analysis::default(),
        )
    }))
}

fn state(n: usize) -> AppState {
    AppState::new(
        corpus(n),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    )
}

fn key(c: char) -> KeyChord {
    KeyChord::plain(Key::Char(c))
}

fn palette(state: &AppState) -> &dossier::state::palette::Palette {
    match &state.overlays.open {
        Some(Overlay::Palette(p)) => p,
        other => panic!("the palette is open: {other:?}"),
    }
}

#[test]
fn the_palette_opens_and_echoes_keys_before_its_index_is_built() {
    let mut live = LiveLoop::new(state(10_000), (120, 30));
    assert!(
        live.state.work.palette_index.is_none(),
        "no pause yet: no index"
    );
    live.key(key(':'));
    let opened = live.draw().expect("the key changes the screen");
    assert!(opened.text.contains("indexing…"), "{}", opened.text);
    // Gathering and indexing 10,000 articles' candidates takes far longer than drawing a frame.
    assert!(opened.jobs_running, "the frame waited for the index");
    assert!(
        live.state.work.palette_index.is_none(),
        "the key did not build the index"
    );
    let mut typed = String::new();
    for c in "putin".chars() {
        typed.push(c);
        live.key(key(c));
        let echo = live.draw().expect("a key changes the screen");
        assert!(echo.text.contains(&format!("> {typed}")), "{}", echo.text);
        if live.state.work.palette_index.is_none() {
            assert!(echo.text.contains("indexing…"), "{}", echo.text);
        }
    }
    let frames = live.settle(Duration::from_secs(120));
    let last = frames.last().expect("the answer is drawn");
    assert!(!last.text.contains("indexing…"), "{}", last.text);
    assert!(!last.text.contains("ranking…"), "{}", last.text);
    let index = live
        .state
        .work
        .palette_index
        .clone()
        .expect("the index arrived");
    assert_eq!(index.len(), live.state.palette_candidates().len());
    let p = palette(&live.state);
    assert_eq!(p.query, "putin");
    let shown = p.result.as_ref().expect("ranked once the index arrived");
    let fresh = index.query("putin", PALETTE_LIMIT);
    assert_eq!(shown.hits, fresh.hits);
    assert_eq!(shown.total_matched, fresh.total_matched);
    assert_eq!(shown.total_matched, 10_000_usize.div_ceil(97));
    assert!(last.text.contains("Putin verhandelt"), "{}", last.text);
}

#[test]
fn a_full_text_query_is_echoed_while_the_corpus_is_searched_and_its_matches_follow() {
    let mut live = LiveLoop::new(state(10_000), (120, 30));
    live.key(key(':'));
    live.settle(Duration::from_secs(120));
    let mut typed = String::new();
    for c in "/pjöngjang".chars() {
        typed.push(c);
        live.key(key(c));
        let echo = live.draw().expect("a key changes the screen");
        assert!(echo.text.contains(&format!("> {typed}")), "{}", echo.text);
        if typed.len() > 1 {
            assert!(echo.text.contains("searching…"), "{}", echo.text);
            assert!(
                palette(&live.state).ranking.is_some(),
                "the search runs off the key"
            );
        }
    }
    let frames = live.settle(Duration::from_secs(120));
    let last = frames.last().expect("the matches are drawn");
    assert!(!last.text.contains("searching…"), "{}", last.text);
    let p = palette(&live.state);
    assert_eq!(p.ranking, None);
    // The matches of a query at once, in the same order, as `dossier render` shows them (its
    // jobs run to completion after each key).
    let mut direct = state(10_000);
    let keys: Vec<KeyChord> = ":/pjöngjang".chars().map(key).collect();
    let screen = render_text(&mut direct, (120, 30), &keys);
    let Some(Overlay::Palette(q)) = &direct.overlays.open else {
        panic!("the palette is open");
    };
    assert_eq!(p.text_hits, q.text_hits);
    assert_eq!(
        p.text_hits.len(),
        dossier::state::palette::FULL_TEXT_LIMIT,
        "the list stops at its limit"
    );
    assert!(p.text_hits.iter().all(|h| h.context.1 == "Pjöngjang"));
    assert_eq!(last.text, screen);
}

#[test]
fn enter_during_a_full_text_search_jumps_to_the_first_match_of_what_is_typed() {
    let mut live = LiveLoop::new(state(2_000), (120, 30));
    live.key(key(':'));
    live.settle(Duration::from_secs(120));
    for c in "/Absatz 3".chars() {
        live.key(key(c));
    }
    live.key(KeyChord::plain(Key::Enter));
    live.settle(Duration::from_secs(120));
    assert!(live.state.overlays.open.is_none(), "the palette closed");
    let first = live.state.corpus[0]
        .article
        .text
        .find("Absatz 3")
        .expect("in the text");
    let cursor = live.state.cursor.expect("the match is under the cursor");
    assert_eq!(live.state.list.selected, 0);
    assert_eq!(cursor.span.start, first);
}
