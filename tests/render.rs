//! Headless rendering of the reader on the bundled corpus: layouts at each width, movement,
//! focus, help, and the too-small message. Uses only the public API.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::ingest;
use dossier::keymap::{Keymap, parse_sequence};
use dossier::model::Analysis;
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Corpus, Options, Pane};
use dossier::tui::headless::{render_buffer, render_text};
use ratatui::style::Modifier;

fn state() -> AppState {
    let entries = Corpus::from_pairs(
        ingest::bundled()
            .into_iter()
            .map(|article| (article, Analysis::default())),
    );
    AppState::new(
        entries,
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    )
}

fn render(size: (u16, u16), keys: &str) -> (AppState, String) {
    let mut s = state();
    let keys = if keys.is_empty() {
        Vec::new()
    } else {
        parse_sequence(keys).expect("valid keys")
    };
    let text = render_text(&mut s, size, &keys);
    (s, text)
}

/// Joins the screen's lines so that a title wrapped over several rows can be searched for.
fn squeeze(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn wide_screen_shows_all_titles_the_first_article_and_the_claims_pane() {
    let (s, screen) = render((160, 45), "");
    assert_eq!(s.geometry().panes.len(), 3);
    let list: String = screen
        .lines()
        .map(|l| l.chars().take(36).collect::<String>() + "\n")
        .collect();
    let list = squeeze(&list.replace(['│', '┃', '▶'], " "));
    for entry in &s.corpus {
        // The list gives a title up to three lines; a whole lead sentence may run longer.
        let title = squeeze(&entry.article.title.chars().take(60).collect::<String>());
        assert!(
            list.contains(&title),
            "list lacks title {title:?}\n{screen}"
        );
    }
    assert!(screen.contains("Nordkoreas Militäreinsatz in Europa"));
    assert!(
        screen.contains("Wie der Eintritt"),
        "first paragraph of 000 missing:\n{screen}"
    );
    assert!(screen.contains("Claims (0)"), "{screen}");
    assert!(screen.contains("No claims extracted"), "{screen}");
    assert!(screen.contains("READ │ 1/5"), "{screen}");
}

#[test]
fn each_width_gets_its_layout() {
    for (size, panes) in [
        ((120, 30), 3),
        ((119, 30), 2),
        ((80, 24), 2),
        ((79, 24), 1),
        ((40, 12), 1),
    ] {
        let (s, screen) = render(size, "");
        assert_eq!(s.geometry().panes.len(), panes, "at {size:?}:\n{screen}");
        assert!(!screen.contains("too small"), "at {size:?}");
        for line in screen.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= usize::from(size.0));
        }
    }
    for size in [(39, 30), (100, 11)] {
        let (_, screen) = render(size, "");
        assert!(
            screen.contains("terminal too small"),
            "at {size:?}:\n{screen}"
        );
    }
}

#[test]
fn two_panes_toggle_the_list() {
    let (s, screen) = render((100, 30), "");
    assert!(!screen.contains("Articles (5)"));
    assert!(screen.contains("Claims (0)"));
    assert_eq!(s.screen.focus, Pane::Reader);
    let (s, screen) = render((100, 30), "L");
    assert!(screen.contains("Articles (5)"), "{screen}");
    assert!(!screen.contains("Claims (0)"));
    assert_eq!(s.screen.focus, Pane::List);
}

#[test]
fn one_pane_shows_the_focused_pane() {
    let (_, screen) = render((60, 20), "");
    assert!(screen.contains("Nordkoreas"));
    let (s, screen) = render((60, 20), "<Tab>");
    assert_eq!(s.screen.focus, Pane::Claims);
    assert!(screen.contains("Claims (0)"), "{screen}");
    let (s, screen) = render((60, 20), "<S-Tab>");
    assert_eq!(s.screen.focus, Pane::List);
    assert!(screen.contains("Articles (5)"), "{screen}");
}

#[test]
fn scrolling_moves_the_reading_position() {
    let (s, _) = render((120, 30), "j j j");
    assert_eq!(s.reader.top, 3);
    let (s, screen) = render((120, 30), "G");
    assert!(s.reader.top > 0);
    assert_eq!(s.reader_percent(), 100);
    assert!(screen.contains("100%"));
    let (s, _) = render((120, 30), "G g");
    assert_eq!(s.reader.top, 0);
    let (s, _) = render((120, 30), "<C-d>");
    let half = s.reader.top;
    assert!(half > 5, "{half}");
    let (s, _) = render((120, 30), "<Space>");
    assert!(s.reader.top > half);
    let (s, _) = render((120, 30), "<PageDown> <PageUp>");
    assert_eq!(s.reader.top, 0);
}

#[test]
fn switching_articles_from_the_list_and_globally() {
    let (s, screen) = render((160, 45), "J");
    assert_eq!(s.list.selected, 1);
    assert!(screen.contains("READ │ 2/5"));
    let (s, _) = render((160, 45), "h j j");
    assert_eq!(s.screen.focus, Pane::List);
    assert_eq!(s.list.selected, 2);
    let (s, _) = render((160, 45), "h G <Enter>");
    assert_eq!(s.list.selected, 4);
    assert_eq!(s.screen.focus, Pane::Reader);
    let (s, _) = render((160, 45), "K");
    assert_eq!(s.list.selected, 0);
}

#[test]
fn help_is_generated_from_the_keymap() {
    let (_, screen) = render((120, 40), "?");
    assert!(screen.contains("[global]"), "{screen}");
    assert!(screen.contains("next_article"));
    assert!(screen.contains("Open the next article"));
    let (s, _) = render((120, 40), "? <Esc>");
    assert!(s.overlays.open.is_none());
}

#[test]
fn an_unbound_key_says_so_in_the_status_line() {
    let (_, screen) = render((120, 30), "Z");
    assert!(screen.contains("Z is not bound"), "{screen}");
}

#[test]
fn resizing_keeps_the_reading_position_in_the_text() {
    let mut s = state();
    let keys = parse_sequence("j j j j j j j j j j").expect("keys");
    render_buffer(&mut s, (160, 45), &keys);
    let offset = s.reader.layout.offset_at_line(s.reader.top);
    render_buffer(&mut s, (90, 30), &[]);
    let after = s.reader.layout.offset_at_line(s.reader.top);
    assert!(
        after <= offset + 200 && after + 200 >= offset,
        "{offset} vs {after}"
    );
}

#[test]
fn selection_and_focus_read_without_colour() {
    let mut s = state();
    let buffer = render_buffer(&mut s, (160, 45), &parse_sequence("h").expect("keys"));
    let text = dossier::tui::headless::buffer_text(&buffer);
    assert!(
        text.contains("▶ Nordkoreas"),
        "selection glyph missing:\n{text}"
    );
    // The focused pane's border is thick, the others plain.
    assert!(
        text.lines().next().is_some_and(|l| l.starts_with('┏')),
        "{text}"
    );
    let cell = &buffer[(2, 1)];
    assert!(cell.modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_draws_without_any_colour() {
    let entries = Corpus::from_pairs(
        ingest::bundled()
            .into_iter()
            .map(|article| (article, Analysis::default())),
    );
    let options = Options {
        no_color: true,
        ..Options::default()
    };
    let mut s = AppState::new(entries, Keymap::builtin(), Hyphenators::load(), options);
    let buffer = render_buffer(&mut s, (160, 45), &parse_sequence("?").expect("keys"));
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    // Structure still shows through modifiers: the focused border is bold, headings underlined.
    assert!(
        buffer
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::BOLD))
    );
}

#[test]
fn colours_are_from_the_sixteen_basic_ones() {
    let mut s = state();
    let buffer = render_buffer(&mut s, (160, 45), &[]);
    for cell in buffer.content() {
        for c in [cell.fg, cell.bg] {
            assert!(
                !matches!(
                    c,
                    ratatui::style::Color::Rgb(..) | ratatui::style::Color::Indexed(_)
                ),
                "{c:?}"
            );
        }
    }
}

#[test]
fn mouse_is_off_by_default_and_a_key_turns_it_on() {
    use dossier::state::{Effect, Input};
    let mut s = state();
    render_buffer(&mut s, (160, 45), &[]);
    assert!(!s.screen.mouse);
    let effects = s.handle(Input::Key(dossier::keymap::KeyChord::char('M')));
    assert_eq!(effects, vec![Effect::SetMouse(true)]);
    // Click the third article in the list: focus and selection follow.
    let list = s.geometry().rect(Pane::List).expect("list visible");
    let mut row = list.y + 1;
    for i in 0..2 {
        row += s.list_item_height(i) as u16;
    }
    s.handle(Input::Click {
        col: list.x + 3,
        row,
    });
    assert_eq!((s.screen.focus, s.list.selected), (Pane::List, 2));
    // The wheel scrolls the pane under the pointer, not the focused one.
    let reader = s.geometry().rect(Pane::Reader).expect("reader visible");
    s.handle(Input::Wheel {
        col: reader.x + 5,
        row: reader.y + 5,
        down: true,
    });
    assert_eq!(s.reader.top, 3);
    assert_eq!(s.screen.focus, Pane::List);
}

#[test]
fn messages_clear_themselves() {
    use dossier::state::Input;
    let (mut s, screen) = render((120, 30), "Z");
    assert!(screen.contains("is not bound"));
    for _ in 0..dossier::state::MESSAGE_TICKS {
        s.handle(Input::Tick { now: s.time.now });
    }
    let screen = render_text(&mut s, (120, 30), &[]);
    assert!(!screen.contains("is not bound"), "{screen}");
    assert!(screen.contains("q quit"));
}

#[test]
fn analyses_arriving_after_their_articles_fill_the_open_article() {
    // A warm start lists every article from the snapshot first; analyses follow.
    let mut s = state();
    let before = render_text(&mut s, (160, 45), &[]);
    assert!(before.contains("Claims (0)"), "{before}");
    let articles: Vec<_> = s.corpus.articles().cloned().collect();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let claims = analyses[0].claims.len();
    assert!(claims > 0);
    let batch = articles
        .iter()
        .zip(analyses)
        .map(|(a, an)| (a.source.clone(), an))
        .collect();
    s.handle(dossier::state::Input::Index(
        dossier::index::IndexEvent::Analyses(batch),
    ));
    let after = render_text(&mut s, (160, 45), &[]);
    assert!(after.contains(&format!("Claims ({claims})")), "{after}");
    assert!(
        after.contains(&format!("{claims} claims")),
        "the list counts them too\n{after}"
    );
}
