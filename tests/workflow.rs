//! The reading workflow on the bundled corpus with real extraction: highlighting, the palette,
//! entity cards, search, bookmarks and notes, the jump list and saved positions. Drives the
//! same state and views the reader uses, headless.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::keymap::{Keymap, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::search::{Candidate, CandidateKind};
use dossier::session::Session;
use dossier::state::{AppState, Corpus, Options, Pane};
use dossier::tui::headless::{buffer_text, render_buffer_with};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::path::Path;

fn state(no_color: bool) -> AppState {
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let entries = Corpus::from_pairs(articles.into_iter().zip(analyses));
    let mut s = AppState::new(
        entries,
        Keymap::builtin(),
        Hyphenators::load(),
        Options {
            no_color,
            ..Options::default()
        },
    );
    s.time.now = 1_790_000_000;
    s
}

fn run(s: &mut AppState, session: &mut Session, keys: &str) -> (Buffer, String) {
    let keys = if keys.is_empty() {
        Vec::new()
    } else {
        parse_sequence(keys).expect("keys")
    };
    let buffer = render_buffer_with(s, session, (160, 45), &keys);
    let text = buffer_text(&buffer);
    (buffer, text)
}

fn open(dir: &Path) -> Session {
    Session::open(Some(dir), 1_790_000_000)
}

/// The first cell of `word` on the screen between columns `from` and `to`, if shown.
fn find_cell_in(buffer: &Buffer, word: &str, from: u16, to: u16) -> Option<(u16, u16)> {
    let text = buffer_text(buffer);
    for (y, line) in text.lines().enumerate() {
        for (byte, _) in line.match_indices(word) {
            let col = unicode_width::UnicodeWidthStr::width(&line[..byte]) as u16;
            if col >= from && col < to {
                return Some((col, y as u16));
            }
        }
    }
    None
}

fn find_cell(buffer: &Buffer, word: &str) -> Option<(u16, u16)> {
    find_cell_in(buffer, word, 0, u16::MAX)
}

#[test]
fn entities_are_highlighted_by_kind_with_and_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    for no_color in [false, true] {
        let mut s = state(no_color);
        let (buffer, _) = run(&mut s, &mut open(dir.path()), "");
        let reader = s.geometry().rect(Pane::Reader).unwrap();
        let (x, y) = find_cell_in(&buffer, "Pjöngjangs", reader.x, reader.x + reader.width)
            .expect("a place in the reading pane");
        let cell = &buffer[(x, y)];
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "places are underlined"
        );
        if no_color {
            assert_eq!(cell.fg, Color::Reset);
        } else {
            assert_eq!(cell.fg, Color::Green);
        }
        // Turning places off removes the highlight.
        let (buffer, _) = run(&mut s, &mut open(dir.path()), "3");
        let cell = &buffer[(x, y)];
        assert!(!cell.modifier.contains(Modifier::UNDERLINED));
    }
}

#[test]
fn claim_sentences_are_marked_in_the_gutter_and_the_claims_pane_follows_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), "");
    assert!(screen.contains("▎"), "{screen}");
    let first = s.claims.selected;
    run(&mut s, &mut open(dir.path()), "<C-d> <C-d>");
    assert!(
        s.claims.selected > first,
        "selection follows the scrolled text"
    );
    // Moving in the claims pane scrolls the reading pane to the claim.
    let mut s = state(false);
    run(&mut s, &mut open(dir.path()), "<Tab> G");
    assert_eq!(s.screen.focus, Pane::Claims);
    let claim = s.current().unwrap().analysis.claims.last().unwrap().span;
    let top = s.reader.layout.offset_at_line(s.reader.top);
    assert!(top <= claim.start, "the claim is in view");
}

#[test]
fn palette_ranks_with_german_folding_and_highlights_matched_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (buffer, screen) = run(&mut s, &mut open(dir.path()), ": p j o n g j a n g");
    assert!(screen.contains("> pjongjang"), "{screen}");
    assert!(screen.contains("entity   Pjöngjang"), "{screen}");
    let (x, y) = find_cell(&buffer, "entity   Pjöngjang").unwrap();
    let p = &buffer[(x + 9, y)];
    assert_eq!(p.symbol(), "P");
    assert!(
        p.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED),
        "matched characters stand out"
    );
    // A prefix narrows to one kind.
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), ": # t a u s e n d e");
    assert!(
        screen.lines().filter(|l| l.contains("claim ")).count() >= 1,
        "{screen}"
    );
    assert!(!screen.contains("entity   "), "{screen}");
}

#[test]
fn palette_candidates_cover_every_kind_and_details_are_only_left_out_on_request() {
    let s = state(false);
    let full = s.palette_candidates();
    for kind in [
        CandidateKind::Article,
        CandidateKind::Entity,
        CandidateKind::Claim,
    ] {
        assert!(full.iter().any(|c| c.kind == kind), "{kind:?}");
    }
    assert!(full.iter().all(|c| !c.label.contains('\n')));
    assert!(
        full.iter()
            .filter(|c| matches!(c.kind, CandidateKind::Entity | CandidateKind::Claim))
            .all(|c| !c.detail.is_empty())
    );
    let lean = s.palette_candidates_without_details();
    assert_eq!(lean.len(), full.len());
    for (a, b) in lean.iter().zip(&full) {
        assert!(a.detail.is_empty());
        assert_eq!(
            Candidate {
                detail: String::new(),
                ..b.clone()
            },
            *a
        );
    }
}

#[test]
fn a_palette_index_built_while_idle_serves_the_next_opening() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    assert!(s.palette_needs_index());
    s.prepare_palette();
    assert!(!s.palette_needs_index());
    let built = s.work.palette_index.clone().unwrap();
    let (_, screen) = run(&mut s, &mut open(dir.path()), ": p j o n g j a n g");
    assert!(screen.contains("entity   Pjöngjang"), "{screen}");
    assert!(std::sync::Arc::ptr_eq(
        &built,
        s.work.palette_index.as_ref().unwrap()
    ));
}

#[test]
fn entity_card_lists_spellings_and_mentions_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(
        &mut s,
        &mut open(dir.path()),
        ": @ p j o n g j a n g <Enter>",
    );
    assert!(screen.contains("spellings:"), "{screen}");
    assert!(
        screen.contains("Pyongyang"),
        "the English spelling belongs to the same entity:\n{screen}"
    );
    assert!(screen.contains("Pjöngjangs"));
    let (_, screen) = run(&mut s, &mut open(dir.path()), "G <Enter>");
    assert!(s.overlays.open.is_none());
    assert_eq!(s.screen.focus, Pane::Reader);
    let cursor = s.cursor.expect("cursor on the mention");
    let text = &s.current().unwrap().article.text[cursor.span.start..cursor.span.end];
    assert!(
        text.starts_with("Pjöngjang") || text.starts_with("Pyongyang"),
        "{text}"
    );
    assert!(screen.contains("READ"));
    // Back where we came from.
    run(&mut s, &mut open(dir.path()), "<C-o>");
    assert_eq!(s.list.selected, 0);
}

#[test]
fn search_in_the_article_finds_every_match_and_n_walks_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), "/ n v v <Enter>");
    let n = s.search.as_ref().map_or(0, |x| x.matches.len());
    assert!(n >= 5, "{n}");
    assert!(screen.contains(&format!("match 1 of {n}")), "{screen}");
    let (_, screen) = run(&mut s, &mut open(dir.path()), "n");
    assert!(screen.contains(&format!("match 2 of {n}")), "{screen}");
    let (_, screen) = run(&mut s, &mut open(dir.path()), "N N");
    assert!(
        screen.contains(&format!("match {n} of {n}")),
        "wraps around:\n{screen}"
    );
}

#[test]
fn corpus_search_lists_matches_in_context_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), "S k a n o n e n f u t t e r");
    assert!(screen.contains("Kanonenfutter"), "{screen}");
    run(&mut s, &mut open(dir.path()), "<Enter>");
    let cursor = s.cursor.expect("cursor on the match");
    let found = &s.current().unwrap().article.text[cursor.span.start..cursor.span.end];
    assert_eq!(found.to_lowercase(), "kanonenfutter");
}

#[test]
fn bookmarks_and_notes_are_saved_listed_deleted_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    let mut s = state(false);
    run(&mut s, &mut session, ") ) m");
    assert_eq!(s.saved.bookmarks.len(), 1);
    let (_, screen) = run(
        &mut s,
        &mut session,
        "a W i c h t i g <Enter> z w e i t e <Space> Z e i l e <Esc>",
    );
    assert!(
        screen.contains("✎"),
        "a note shows in the margin:\n{screen}"
    );
    let saved = std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap();
    assert!(saved.contains("Wichtig\\nzweite Zeile"), "{saved}");
    let (_, screen) = run(&mut s, &mut session, "B");
    assert!(
        screen.contains("Bookmarks (1)") && screen.contains("✎ Wichtig"),
        "{screen}"
    );
    run(&mut s, &mut session, "d");
    assert!(s.saved.bookmarks.is_empty());
    run(&mut s, &mut session, "u");
    assert_eq!(s.saved.bookmarks.len(), 1);
    assert_eq!(s.saved.bookmarks[0].note, "Wichtig\nzweite Zeile");
    // Another session sees it.
    let mut again = state(false);
    let mut session2 = open(dir.path());
    let report = session2.report(None);
    again.handle(dossier::state::Input::Store(report));
    assert_eq!(again.saved.bookmarks.len(), 1);
    let (_, screen) = run(&mut again, &mut session2, "");
    assert!(screen.contains("1 bookmark"), "{screen}");
}

#[test]
fn a_claim_can_be_bookmarked_from_the_claims_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    let mut s = state(false);
    run(&mut s, &mut session, "<Tab> j j m");
    assert_eq!(s.saved.bookmarks.len(), 1);
    assert_eq!(s.saved.bookmarks[0].target.name(), "claim");
    let claim = &s.current().unwrap().analysis.claims[2];
    assert_eq!(
        s.saved.bookmarks[0].anchor.quote,
        s.current().unwrap().article.slice(claim.span)
    );
}

#[test]
fn reading_position_is_saved_on_quit_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    run(&mut s, &mut open(dir.path()), "J <C-d> <C-d> q");
    let offset = s.reader.layout.offset_at_line(s.reader.top);
    let session = open(dir.path());
    let key = dossier::store::position_key(&s.corpus[1].article).to_string();
    assert_eq!(session.position(&key), Some(offset));
}

#[test]
fn a_note_being_typed_is_saved_after_a_pause_without_closing_the_editor() {
    use dossier::state::{Effect, Input, NOTE_AUTOSAVE_TICKS, StoreOp};
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    let mut s = state(false);
    run(&mut s, &mut session, ") a E n t w u r f");
    assert!(matches!(
        s.overlays.open,
        Some(dossier::state::Overlay::Note(_))
    ));
    let mut saved = None;
    for _ in 0..NOTE_AUTOSAVE_TICKS {
        for effect in s.handle(Input::Tick { now: s.time.now }) {
            if let Effect::Store(StoreOp::SetNote(_, text)) = effect {
                saved = Some(text);
            }
        }
    }
    assert_eq!(saved.as_deref(), Some("Entwurf"));
    assert!(
        matches!(s.overlays.open, Some(dossier::state::Overlay::Note(_))),
        "still editing"
    );
}

/// Keys that open article `article` and select its claim `claim` in the claims pane.
fn select_claim_keys(article: usize, claim: usize) -> String {
    let mut keys = vec!["J"; article];
    keys.push("<Tab>");
    keys.extend(std::iter::repeat_n("j", claim));
    keys.join(" ")
}

#[test]
fn entity_index_sorts_filters_and_opens_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), "I");
    assert!(screen.contains("sorted by mentions"), "{screen}");
    let first_row = screen.lines().find(|l| l.contains("║▶ ")).unwrap_or("");
    assert!(first_row.contains("║▶ Nordkorea "), "{first_row}");
    let (_, screen) = run(&mut s, &mut open(dir.path()), "s");
    assert!(screen.contains("sorted by articles"), "{screen}");
    let (_, screen) = run(&mut s, &mut open(dir.path()), "t");
    assert!(screen.contains("· person"), "{screen}");
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains(" person ")).collect();
    assert!(!rows.is_empty() && rows.iter().all(|l| !l.contains(" place ")));
    let (_, screen) = run(&mut s, &mut open(dir.path()), "<Enter>");
    assert!(screen.contains("spellings:"), "{screen}");
}

#[test]
fn the_treaty_signing_and_the_soldier_counts_compare_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let probe = state(false);
    let find = |article: usize, needle: &str| {
        probe.corpus[article]
            .analysis
            .claims
            .iter()
            .position(|c| c.text.contains(needle))
            .expect(needle)
    };
    let signing = find(4, "Am 19. Juni unterzeichneten");
    let mut s = state(false);
    let (_, screen) = run(
        &mut s,
        &mut open(dir.path()),
        &(select_claim_keys(4, signing) + " c"),
    );
    assert!(screen.contains("Compare: 2024-06-19"), "{screen}");
    let titles = s
        .corpus
        .iter()
        .filter(|e| screen.contains(&e.article.title.chars().take(20).collect::<String>()))
        .count();
    assert!(
        titles >= 3,
        "members from at least three articles:\n{screen}"
    );
    let soldiers = find(2, "10.000-12.000 Soldaten");
    let mut s = state(false);
    let (_, screen) = run(
        &mut s,
        &mut open(dir.path()),
        &(select_claim_keys(2, soldiers) + " c"),
    );
    // The October 1.500 and the later 10.000-12.000 are not about the same month: no flag.
    assert!(screen.contains("consistent"), "{screen}");
    assert!(
        screen.contains("1.500") && screen.contains("10.000"),
        "{screen}"
    );
    // Enter goes to the member's sentence.
    run(&mut s, &mut open(dir.path()), "G <Enter>");
    assert!(s.overlays.open.is_none());
    let c = s.cursor.expect("cursor on the claim");
    assert!(s.current().unwrap().article.slice(c.span).contains("1.500"));
}

#[test]
fn timeline_lists_dated_events_in_order_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state(false);
    let (_, screen) = run(&mut s, &mut open(dir.path()), "T");
    let header = screen
        .lines()
        .find(|l| l.contains("Timeline: "))
        .unwrap_or("");
    assert!(
        header.contains("from 4 articles") || header.contains("from 5 articles"),
        "{header}"
    );
    let events = s.listed_events(None);
    assert!(events.len() >= 10);
    assert!(
        events
            .windows(2)
            .all(|w| w[0].date.sort_key() <= w[1].date.sort_key())
    );
    run(&mut s, &mut open(dir.path()), "j j j <Enter>");
    let c = s.cursor.expect("cursor on the event");
    assert_eq!(
        (s.list.selected, c.span),
        (events[3].article, events[3].span)
    );
}
