//! A 19 MB article that is one single paragraph: the reading pane wraps only what is on screen
//! plus a margin, on the first frame, after scrolling to the end and after every resize, and it
//! keeps the reading position across resizes. Uses only the public API.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::ingest;
use dossier::keymap::{Keymap, parse_sequence};
use dossier::model::Analysis;
use dossier::reflow::{Hyphenators, LAZY_MARGIN};
use dossier::state::{AppState, Corpus, Options};
use dossier::tui::headless::render_text;

/// German sentences repeated to 19 MB without a blank line: one paragraph.
fn huge_paragraph() -> String {
    let sentences = [
        "Die Regierung in Berlin erklärte am Montag, der Haushalt werde im kommenden Jahr deutlich steigen.",
        "Finanzminister Lindner sagte vor Journalisten, die Schuldenbremse bleibe unangetastet.",
        "Nach Angaben des Statistischen Bundesamtes lag die Inflationsrate im Oktober bei 2,4 Prozent.",
        "Die Opposition kritisierte die Pläne als unzureichend und forderte Nachbesserungen.",
    ];
    let mut text = String::from("Ein Absatz ohne Ende\n\n");
    let mut n = 0;
    while text.len() < 19 * 1024 * 1024 {
        text.push_str(sentences[n % sentences.len()]);
        text.push(' ');
        n += 1;
    }
    text.push_str("Das letzte Wort hat der Bundesrat.\n");
    text
}

/// Lines that may be wrapped for one screen of `rows`: the screen, a margin above and below,
/// and the 16 KiB pieces of the paragraph those lines fall in (a few hundred lines each).
fn bound(rows: usize) -> usize {
    rows + 2 * LAZY_MARGIN + 4 * 600
}

fn keys(s: &str) -> Vec<dossier::keymap::KeyChord> {
    parse_sequence(s).expect("valid keys")
}

#[test]
fn a_19_mb_paragraph_is_laid_out_only_around_the_screen_when_scrolled_and_resized() {
    let text = huge_paragraph();
    let article = ingest::parse_raw("huge.txt", &text);
    let longest = article.body.iter().map(|b| b.span.len()).max();
    assert!(
        longest > Some(19 * 1024 * 1024 - 100),
        "one paragraph expected"
    );
    let mut s = AppState::new(
        Corpus::from_pairs([(article, Analysis::default())]),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );

    let screen = render_text(&mut s, (120, 35), &[]);
    assert!(screen.contains("Die Regierung in Berlin"), "{screen}");
    let wrapped = s.reader.layout.wrapped_lines();
    assert!(wrapped <= bound(35), "first frame wrapped {wrapped} lines");
    // The whole paragraph would be some 350,000 lines at this width.
    assert!(s.reader.layout.len() > 200_000, "{}", s.reader.layout.len());

    let screen = render_text(&mut s, (120, 35), &keys("ctrl-d ctrl-d ctrl-d ctrl-d G"));
    assert!(
        screen.contains("Das letzte Wort hat der Bundesrat."),
        "{screen}"
    );
    assert_eq!(s.reader_percent(), 100);
    let wrapped = s.reader.layout.wrapped_lines();
    assert!(
        wrapped <= 2 * bound(35),
        "top and end wrapped {wrapped} lines"
    );

    // Back to the middle of the paragraph through a reading position, then resizes.
    let middle = s.corpus[0].article.text.len() / 2;
    s.go_to(
        dossier::state::Location {
            article: 0,
            offset: middle,
        },
        false,
    );
    render_text(&mut s, (120, 35), &[]);
    let mut offset = s.reader.layout.offset_at_line(s.reader.top);
    for size in [(80, 24), (200, 60), (100, 30), (120, 35)] {
        let screen = render_text(&mut s, size, &[]);
        let rows = usize::from(size.1);
        let wrapped = s.reader.layout.wrapped_lines();
        assert!(wrapped <= bound(rows), "{size:?}: wrapped {wrapped} lines");
        assert!(screen.contains("Regierung") || screen.contains("Finanzminister"));
        // The text at the top stays there (give or take the start of its line).
        let now = s.reader.layout.offset_at_line(s.reader.top);
        assert!(
            now.abs_diff(offset) < 300,
            "{size:?}: {offset} became {now}"
        );
        assert!(
            now.abs_diff(middle) < 20_000,
            "{size:?}: {now} is far from {middle}"
        );
        offset = now;
    }
}

/// While indexing still analyses a long article that is already shown, the claims pane says
/// its claims are coming, not that the article has none; once the analysis arrives, the claims
/// are listed.
#[test]
fn the_claims_pane_says_a_long_articles_claims_are_still_coming() {
    use dossier::index::{EARLY_ARTICLE, IndexEvent};
    use dossier::state::Input;
    let mut text = String::from("Ein langer Bericht\n\n");
    while text.len() <= EARLY_ARTICLE + 1024 {
        text.push_str("Der Minister sagte am Montag in Berlin, der Haushalt werde steigen. ");
    }
    let article = ingest::parse_raw("lang.txt", &text);
    let source = article.source.clone();
    let analysis = dossier::extract::analyze(&article);
    assert!(!analysis.claims.is_empty());
    let mut s = AppState::new(
        Corpus::default(),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );
    s.start_indexing();
    s.handle(Input::Index(IndexEvent::Articles(vec![(
        article,
        Analysis::default(),
    )])));
    assert!(s.analysis_pending());
    let screen = render_text(&mut s, (160, 45), &[]);
    assert!(screen.contains("still being"), "{screen}");
    assert!(!screen.contains("No claims extracted"), "{screen}");

    s.handle(Input::Index(IndexEvent::Analyses(vec![(source, analysis)])));
    assert!(!s.analysis_pending());
    let screen = render_text(&mut s, (160, 45), &[]);
    assert!(!screen.contains("still being"), "{screen}");
    assert!(screen.contains("Claims ("), "{screen}");
}
