//! Headless rendering of the claim comparison chart and the timeline at every supported size:
//! the chart is drawn, vague counts read as written, the table wraps instead of cutting, and
//! the timeline's text keeps at least half the width. Uses only the public API.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::corpus::compare::Basis;
use dossier::keymap::{Keymap, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Corpus, Options, Overlay};
use dossier::tui::headless::render_text;
use std::sync::OnceLock;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 6] = [
    (160, 45),
    (120, 35),
    (100, 30),
    (80, 24),
    (60, 20),
    (40, 12),
];

fn entries() -> Corpus {
    static ENTRIES: OnceLock<Corpus> = OnceLock::new();
    ENTRIES.get_or_init(Corpus::bundled).clone()
}

fn state() -> AppState {
    AppState::new(
        entries(),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    )
}

fn keys(k: &str) -> Vec<dossier::keymap::KeyChord> {
    if k.is_empty() {
        Vec::new()
    } else {
        parse_sequence(k).expect("valid keys")
    }
}

/// The screen with the comparison of the soldiers group open.
fn compare_screen(size: (u16, u16), k: &str) -> (AppState, String) {
    let mut s = state();
    dossier::tui::headless::pause(&mut s);
    let cross = s.work.cross.clone().unwrap();
    let group = cross
        .groups
        .iter()
        .position(|g| matches!(&g.basis, Basis::Figure { unit } if unit == "soldiers"))
        .expect("a soldiers group");
    s.overlays.open = Some(Overlay::Group { group, selected: 0 });
    let text = render_text(&mut s, size, &keys(k));
    (s, text)
}

/// The overlay's inside: the rows and columns within the popup's frame.
fn inside(screen: &str, size: (u16, u16)) -> Vec<String> {
    let width = usize::from(size.0.saturating_sub(4).min(150));
    let left = (usize::from(size.0) - width) / 2 + 1;
    screen
        .lines()
        .skip(2)
        .take(usize::from(size.1).saturating_sub(5))
        .map(|l| l.chars().skip(left).take(width - 2).collect())
        .collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_braille(s: &str) -> bool {
    s.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
}

#[test]
fn the_comparison_draws_a_chart_and_a_wrapped_table_at_every_size() {
    for size in SIZES {
        let (_, screen) = compare_screen(size, "");
        for line in screen.lines() {
            assert!(
                line.width() <= usize::from(size.0),
                "at {size:?}:\n{screen}"
            );
        }
        let body = inside(&screen, size).join("\n");
        assert!(
            body.contains("consistent") || body.contains("DISAGREE"),
            "at {size:?}:\n{screen}"
        );
        assert!(
            !screen.contains("2.000–9.999"),
            "invented range at {size:?}"
        );
        assert!(
            body.contains("source"),
            "no table header at {size:?}:\n{screen}"
        );
        if size.1 >= 20 {
            assert!(has_braille(&body), "no chart at {size:?}:\n{screen}");
            assert!(
                body.contains("Tausende"),
                "vague count at {size:?}:\n{screen}"
            );
            assert!(
                body.contains("2024-") || body.contains("2025-"),
                "dates at {size:?}:\n{screen}"
            );
        }
        // The claim column keeps a useful width: the first member's claim starts on the row.
        let first = body
            .lines()
            .find(|l| l.contains('▶'))
            .unwrap_or_default()
            .to_string();
        assert!(first.width() > 10, "at {size:?}:\n{screen}");
    }
}

#[test]
fn nothing_in_the_comparison_is_cut_at_160_columns() {
    let size = (160, 45);
    let (s, screen) = compare_screen(size, "");
    let body = inside(&screen, size);
    assert!(
        body.iter().all(|l| !l.contains('…')),
        "cut text at 160 columns:\n{screen}"
    );
    // Every claim of the group is there word for word (wrapped cells joined).
    let flat = squeeze(&body.join(" "));
    let Some(Overlay::Group { group, .. }) = &s.overlays.open else {
        panic!("overlay closed")
    };
    let g = &s.work.cross.as_ref().unwrap().groups[*group];
    for m in g.members.iter().take(3) {
        let claim = &s.corpus[m.article].analysis.claims[m.claim_index].text;
        for word in claim.split_whitespace().take(6) {
            assert!(
                flat.contains(word),
                "{word:?} of {claim:?} missing:\n{screen}"
            );
        }
    }
    // Vague counts are written as in the text and marked as vague.
    assert!(flat.contains("(vague)"), "{screen}");
}

#[test]
fn moving_through_the_comparison_keeps_the_selection_off_the_bottom_edge() {
    for size in [(80, 24), (60, 20)] {
        let (s, screen) = compare_screen(size, "j j j");
        let Some(Overlay::Group { selected, .. }) = s.overlays.open else {
            panic!("overlay closed")
        };
        assert_eq!(selected, 3);
        let body = inside(&screen, size);
        let at = body
            .iter()
            .position(|l| l.contains('▶'))
            .expect("selection shown");
        let last = body.iter().rposition(|l| !l.trim().is_empty()).unwrap_or(0);
        assert!(
            at < last,
            "selection on the bottom edge at {size:?}:\n{screen}"
        );
    }
}

#[test]
fn the_timeline_shows_a_density_strip_and_keeps_half_the_width_for_text() {
    for size in SIZES {
        let mut s = state();
        let screen = render_text(&mut s, size, &keys("T"));
        assert!(
            matches!(s.overlays.open, Some(Overlay::Timeline { .. })),
            "at {size:?}:\n{screen}"
        );
        assert!(screen.contains("Timeline"), "at {size:?}:\n{screen}");
        for line in screen.lines() {
            assert!(
                line.width() <= usize::from(size.0),
                "at {size:?}:\n{screen}"
            );
        }
        let body = inside(&screen, size);
        if size.1 >= 20 {
            assert!(
                body.iter()
                    .any(|l| l.contains(['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'])),
                "no density strip at {size:?}:\n{screen}"
            );
        }
        // The selected row: the event text starts within the first half of the overlay.
        let events = s.listed_events(None);
        let first_word = events[0].text.split_whitespace().next().unwrap();
        let row = body
            .iter()
            .find(|l| l.contains('▶'))
            .expect("a selected row");
        let at = row.find(first_word).map(|i| row[..i].width());
        let inner = usize::from(size.0.saturating_sub(4).min(150)) - 2;
        // Right of the selection marker, the text column is at least half the rest.
        assert!(
            at.is_some_and(|a| inner - a >= (inner - 2) / 2),
            "text squeezed at {size:?} ({at:?} of {inner}):\n{screen}"
        );
    }
}

#[test]
fn the_timeline_filters_by_the_selected_events_article_and_entity() {
    let mut s = state();
    let all = {
        render_text(&mut s, (120, 35), &keys("T"));
        s.listed_events(None).len()
    };
    let mut s = state();
    render_text(&mut s, (120, 35), &keys("T j"));
    let Some(Overlay::Timeline { selected, .. }) = &s.overlays.open else {
        panic!("timeline closed")
    };
    let before = s.derived.events[*selected].clone();
    let screen = render_text(&mut s, (120, 35), &keys("s"));
    let Some(Overlay::Timeline { selected, .. }) = &s.overlays.open else {
        panic!("timeline closed:\n{screen}")
    };
    // The selection stays on the event it was on, and the view lists what the state derived.
    let after = &s.derived.events[*selected];
    assert_eq!((after.article, after.span), (before.article, before.span));
    assert_eq!(s.derived.events, s.listed_events(None));
    let source = s.overlays.timeline_source.expect("source filter set");
    let shown = s.listed_events(None);
    assert!(shown.len() < all, "{} of {all}", shown.len());
    assert!(shown.iter().all(|e| e.article == source));
    assert!(screen.contains("· from "), "{screen}");
    assert!(*selected < shown.len());
    let screen = render_text(&mut s, (120, 35), &keys("s e"));
    assert_eq!(s.overlays.timeline_source, None);
    let Some(Overlay::Timeline { entity, .. }) = &s.overlays.open else {
        panic!("timeline closed:\n{screen}")
    };
    let name = entity.clone().expect("entity filter set");
    assert!(screen.contains(&format!("naming {name}")), "{screen}");
    assert!(
        s.listed_events(Some(&name))
            .iter()
            .all(|e| e.entities.contains(&name))
    );
}

#[test]
fn help_descriptions_wrap_at_every_size_and_nothing_is_cut_at_160() {
    let action = *dossier::action::Action::ALL
        .iter()
        .max_by_key(|a| a.doc().len())
        .unwrap();
    let long = action.doc();
    for size in SIZES {
        let mut s = state();
        let screen = render_text(&mut s, size, &keys("?"));
        assert!(
            screen.contains("Keys (from the active keymap)") || size.0 < 50,
            "{screen}"
        );
        for line in screen.lines() {
            assert!(
                line.width() <= usize::from(size.0),
                "at {size:?}:\n{screen}"
            );
        }
        if size == (160, 45) {
            // Inside the help's double frame.
            let body: Vec<&str> = screen
                .lines()
                .filter_map(|l| {
                    let (a, b) = (l.find('║')?, l.rfind('║')?);
                    (b > a).then(|| &l[a..b])
                })
                .collect();
            assert!(body.len() > 30, "{screen}");
            assert!(
                body.iter().all(|l| !l.contains('…')),
                "cut at 160:\n{screen}"
            );
        }
    }
    // The longest description, searched for, is shown whole (wrapped) at 80 columns.
    let mut s = state();
    let query: Vec<String> = action.name().chars().map(|c| c.to_string()).collect();
    let screen = render_text(
        &mut s,
        (80, 24),
        &keys(&format!("? / {} <Enter>", query.join(" "))),
    );
    let inside_frame: Vec<&str> = screen
        .lines()
        .filter_map(|l| {
            let (a, b) = (l.find('║')?, l.rfind('║')?);
            (b > a).then(|| &l[a + '║'.len_utf8()..b])
        })
        .collect();
    let flat = squeeze(&inside_frame.join(" "));
    assert!(
        flat.contains(&squeeze(long)),
        "{long:?} not whole:\n{screen}"
    );
}

#[test]
fn help_can_be_searched_with_slash() {
    let mut s = state();
    let screen = render_text(&mut s, (100, 30), &keys("? / t i m e l i n e"));
    assert!(s.overlays.help_search.typing);
    assert!(screen.contains("/timeline"), "{screen}");
    assert!(screen.contains("show_timeline"), "{screen}");
    assert!(!screen.contains("next_article"), "{screen}");
    // Enter keeps the filter; esc drops it before closing the help.
    let screen = render_text(&mut s, (100, 30), &keys("<Enter>"));
    assert!(!s.overlays.help_search.typing);
    assert!(screen.contains("show_timeline"), "{screen}");
    render_text(&mut s, (100, 30), &keys("<Esc>"));
    assert!(s.overlays.help_search.query.is_empty());
    assert!(matches!(s.overlays.open, Some(Overlay::Help { .. })));
    render_text(&mut s, (100, 30), &keys("<Esc>"));
    assert!(s.overlays.open.is_none());
}

/// Every overlay but the comparison, the timeline and the help (tested above), by the keys that
/// open it from the bundled corpus.
const OVERLAYS: [(&str, &str); 8] = [
    ("bookmarks", "m B"),
    ("note", "m a"),
    ("palette", ": N o r d"),
    ("corpus search", "S S o l d a t e n"),
    ("entity index", "I"),
    ("entity card", "I <Enter>"),
    ("sources", "W"),
    ("one source's claims", "W <Enter>"),
];

/// The bottom hint of the popup on `screen`: the text in its lower frame line.
fn bottom_hint(screen: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains('╚'))?;
    let (a, b) = (line.find('╚')?, line.rfind('╝')?);
    let inner = line.get(a + '╚'.len_utf8()..b)?;
    Some(squeeze(&inner.replace('═', " ")))
}

#[test]
fn every_overlay_fits_every_size_and_hints_lose_whole_items() {
    for (name, k) in OVERLAYS {
        for size in SIZES {
            let mut s = state();
            let screen = render_text(&mut s, size, &keys(k));
            assert!(
                s.overlays.open.is_some(),
                "{name} not open at {size:?}:\n{screen}"
            );
            for line in screen.lines() {
                assert!(
                    line.width() <= usize::from(size.0),
                    "{name} at {size:?}:\n{screen}"
                );
            }
            assert!(
                screen.lines().any(|l| l.contains('╔')),
                "{name} has no frame at {size:?}:\n{screen}"
            );
            // The hint shows whole items of the full one, all of them at 160 columns.
            if let Some((section, items)) = s.popup_hints() {
                let mut full = squeeze(&s.hint_line(section, items));
                if name == "note" {
                    // The editor adds that it saves by itself.
                    full.push_str(" · saved as you pause");
                }
                let all: Vec<&str> = full.split(" · ").collect();
                let shown = bottom_hint(&screen).unwrap_or_default();
                if !shown.is_empty() {
                    for item in shown.split(" · ") {
                        assert!(
                            all.contains(&item),
                            "{name} at {size:?}: hint item {item:?} is cut:\n{screen}"
                        );
                    }
                }
                if size == (160, 45) {
                    assert_eq!(shown, full, "{name} at 160:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn tables_and_cards_wrap_instead_of_cutting_at_160_columns() {
    for (name, k) in [
        ("entity index", "I"),
        ("entity card", "I <Enter>"),
        ("sources", "W"),
        ("one source's claims", "W <Enter>"),
        ("corpus search", "S S o l d a t e n"),
    ] {
        let mut s = state();
        let size = (160, 45);
        let screen = render_text(&mut s, size, &keys(k));
        let body: Vec<&str> = screen
            .lines()
            .filter_map(|l| {
                let (a, b) = (l.find('║')?, l.rfind('║')?);
                (b > a).then(|| &l[a..b])
            })
            .collect();
        assert!(body.len() > 10, "{name}:\n{screen}");
        // The corpus search cuts the article title column only; its context is never cut.
        let cut: Vec<&&str> = body
            .iter()
            .filter(|l| l.contains('…') && name != "corpus search")
            .collect();
        assert!(cut.is_empty(), "{name} cut at 160: {cut:?}\n{screen}");
    }
}

#[test]
fn snippets_start_at_word_boundaries() {
    for (name, k) in [
        ("entity card", "I <Enter>"),
        ("corpus search", "S S o l d a t e n"),
    ] {
        for size in [(160, 45), (80, 24)] {
            let mut s = state();
            let screen = render_text(&mut s, size, &keys(k));
            // Inside the popup's double frame.
            let body: Vec<String> = screen
                .lines()
                .filter_map(|l| {
                    let (a, b) = (l.find('║')?, l.rfind('║')?);
                    (b > a).then(|| l[a + '║'.len_utf8()..b].to_string())
                })
                .collect();
            // Every word of every context row is a word of the corpus text, whole.
            let text: String = s
                .corpus
                .iter()
                .map(|e| e.article.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let words: std::collections::HashSet<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            // Context rows (not the card's head): each piece between column gaps starts with a
            // whole word of the corpus.
            let rows: Vec<&String> = body
                .iter()
                .filter(|l| l.contains("Nordkorea") || l.contains("Soldaten"))
                .filter(|l| {
                    !l.contains("spellings:") && !l.contains('×') && !l.contains("mentions in")
                })
                .collect();
            assert!(!rows.is_empty(), "{name} at {size:?}:\n{screen}");
            for row in rows {
                for piece in row
                    .trim_start_matches(['▶', ' '])
                    .split("  ")
                    .filter(|p| !p.trim().is_empty())
                {
                    let first = piece
                        .split(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or("");
                    assert!(
                        first.is_empty() || words.contains(first),
                        "{name} at {size:?}: {piece:?} starts mid-word\n{screen}"
                    );
                }
            }
        }
    }
}

#[test]
fn corpus_search_lists_article_titles_and_only_text_the_reader_shows() {
    let mut s = state();
    // A photo credit the reader leaves out of article 002.
    let screen = render_text(
        &mut s,
        (160, 45),
        &keys("S S e l e n s k y j s <Space> o f f"),
    );
    let Some(Overlay::Palette(p)) = &s.overlays.open else {
        panic!("no palette:\n{screen}");
    };
    assert!(p.text_hits.is_empty(), "{:?}\n{screen}", p.text_hits);
    let mut s = state();
    let screen = render_text(&mut s, (160, 45), &keys("S S o l d a t e n"));
    assert!(screen.contains("Nordkoreas Militäreinsatz"), "{screen}");
    let Some(Overlay::Palette(p)) = &s.overlays.open else {
        panic!("no palette:\n{screen}");
    };
    for hit in &p.text_hits {
        let a = &s.corpus[hit.article].article;
        assert!(
            a.body
                .iter()
                .chain(&a.references)
                .any(|b| b.span.start <= hit.span.start && hit.span.end <= b.span.end),
            "hit outside the shown text: {:?}",
            a.slice(hit.span)
        );
    }
}

/// The reading pane's title at every size and for every bundled article: the whole title, or
/// the title cut after a whole word and marked "…" — never a word cut in half.
#[test]
fn the_reading_pane_title_is_never_cut_mid_word() {
    let count = entries().articles().len();
    for size in SIZES {
        for n in 0..count {
            let mut s = state();
            let down = vec!["j"; n].join(" ");
            let text = render_text(&mut s, size, &keys(&down));
            let title = s.current().unwrap().article.title.clone();
            let first = text.lines().next().unwrap_or("").to_string();
            let shown = first
                .split(" ● ")
                .nth(1)
                .and_then(|rest| rest.split(" ━").next())
                .unwrap_or_else(|| panic!("{size:?}: no reading pane title in {first:?}"))
                .trim_end()
                .to_string();
            if let Some(head) = shown.strip_suffix('…') {
                assert!(
                    title.starts_with(head) && title[head.len()..].starts_with(char::is_whitespace)
                        || title.starts_with(head)
                            && title[head.len()..].starts_with(|c: char| {
                                matches!(c, ',' | ';' | ':' | '-' | '–' | '—')
                            }),
                    "{size:?}: {shown:?} cuts {title:?} mid-word"
                );
                assert!(head.width() >= 5, "{size:?}: {shown:?} keeps too little");
            } else {
                assert_eq!(shown, title, "{size:?}");
            }
        }
    }
}

/// A claim card shows two lines of its claim; a longer claim ends after a whole word with "…",
/// never inside a word.
#[test]
fn claim_cards_are_cut_after_a_whole_word() {
    let texts: Vec<String> = entries()
        .analyses()
        .flat_map(|a| a.claims.iter().map(|c| c.text.clone()))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut cut = 0;
    for size in SIZES {
        let mut s = state();
        let text = render_text(&mut s, size, &[]);
        for line in text.lines() {
            // The claims pane is the last framed column, right of the reading pane's frame.
            let Some((_, pane)) = line.rsplit_once("┃│") else {
                continue;
            };
            let row = pane.trim_end_matches('│').trim();
            let Some(head) = row.strip_suffix('…') else {
                continue;
            };
            if head.contains(" · ") || head.is_empty() {
                continue; // a card's header line
            }
            cut += 1;
            let last = head.split_whitespace().last().unwrap_or("");
            assert!(
                texts.iter().any(|t| t.split(' ').any(|w| w
                    .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '–')
                    == last
                    || w == last)),
                "{size:?}: {row:?} ends inside a word"
            );
        }
    }
    assert!(cut > 0, "no shortened claim seen");
}
