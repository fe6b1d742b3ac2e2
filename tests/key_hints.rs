//! Every key a popup or a message names comes from the active keymap: rendered under
//! `keymaps/default.toml` and `keymaps/emacs.toml`, each popup's hint line is exactly the one
//! generated from its actions, and each key it names runs the action it describes there.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::action::Action;
use dossier::corpus::Corpus;
use dossier::keymap::{Keymap, Section, parse_keymap_file, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Input, Options, Overlay, StoreReport};
use dossier::tui::headless::{pause, render_text, run_jobs};

const SIZE: (u16, u16) = (200, 50);

fn keymaps() -> Vec<(&'static str, Keymap)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut emacs = Keymap::builtin();
    let path = format!("{root}/keymaps/emacs.toml");
    let (file, errors) = parse_keymap_file(&path, &std::fs::read_to_string(&path).unwrap());
    assert!(errors.is_empty(), "{errors:?}");
    emacs.apply(&file);
    vec![("default", Keymap::builtin()), ("emacs", emacs)]
}

fn state(keymap: &Keymap) -> AppState {
    let mut s = AppState::new(
        Corpus::bundled(),
        keymap.clone(),
        Hyphenators::hyphens_only(),
        Options::default(),
    );
    s.handle(Input::Resize(SIZE.0, SIZE.1));
    s
}

/// Asserts that `key` runs `action` in `section` under the state's keymap.
fn assert_runs(s: &AppState, name: &str, section: Section, key: &str, action: Action) {
    let chords = parse_sequence(key).unwrap_or_else(|e| panic!("{name}: '{key}': {e}"));
    assert_eq!(
        s.keys.map.runs(section, &chords),
        Some(action),
        "{name}: the hint names '{key}' for {} in {section:?}",
        action.name()
    );
}

/// Renders the open popup and checks its hint line.
fn check_popup(s: &mut AppState, name: &str, popup: &str) {
    let screen = render_text(s, SIZE, &[]);
    let (section, items) = s
        .popup_hints()
        .unwrap_or_else(|| panic!("{name}: {popup} shows no hints"));
    let hints = s.hints(section, items);
    assert!(!hints.is_empty(), "{name}: {popup} offers no key");
    for (action, label) in items {
        if let Some(key) = s.key_for(section, *action) {
            assert_runs(s, name, section, &key, *action);
            assert!(
                hints.contains(&format!("{key} {label}")),
                "{name}: {hints:?}"
            );
        }
    }
    let line = s.hint_line(section, items);
    assert!(
        screen.contains(line.trim()),
        "{name}: {popup} does not show '{line}':\n{screen}"
    );
}

#[test]
fn every_popup_hint_names_a_key_bound_to_its_action_under_both_keymaps() {
    for (name, keymap) in keymaps() {
        let mut s = state(&keymap);
        s.apply(Action::ShowHelp);
        check_popup(&mut s, name, "help");

        let mut s = state(&keymap);
        let jobs = s.apply(Action::ShowEntityIndex);
        run_jobs(&mut s, jobs);
        check_popup(&mut s, name, "entity index");

        let mut s = state(&keymap);
        pause(&mut s);
        let cross = s.work.cross.clone().unwrap();
        let canonical = cross.entities.entries()[0].canonical.clone();
        s.overlays.open = Some(Overlay::Card {
            canonical,
            selected: 0,
        });
        check_popup(&mut s, name, "entity card");

        let mut s = state(&keymap);
        pause(&mut s);
        assert!(!s.work.cross.as_ref().unwrap().groups.is_empty());
        s.overlays.open = Some(Overlay::Group {
            group: 0,
            selected: 0,
        });
        check_popup(&mut s, name, "claim group");

        let mut s = state(&keymap);
        let jobs = s.apply(Action::ShowTimeline);
        run_jobs(&mut s, jobs);
        check_popup(&mut s, name, "timeline");

        let mut s = state(&keymap);
        let jobs = s.apply(Action::ShowSources);
        run_jobs(&mut s, jobs);
        check_popup(&mut s, name, "sources");
        s.apply(Action::OpenSelected);
        check_popup(&mut s, name, "one source's claims");

        let mut s = state(&keymap);
        s.apply(Action::NextSentence);
        s.apply(Action::EditNote);
        check_popup(&mut s, name, "note editor");

        let mut s = state(&keymap);
        s.apply(Action::NextSentence);
        s.apply(Action::ToggleBookmark);
        s.apply(Action::ShowBookmarks);
        check_popup(&mut s, name, "bookmarks");
    }
}

#[test]
fn the_empty_bookmarks_list_and_messages_name_bound_keys() {
    for (name, keymap) in keymaps() {
        let mut s = state(&keymap);
        s.apply(Action::ShowBookmarks);
        let screen = render_text(&mut s, SIZE, &[]);
        // The popup's text, its wrapped lines joined again.
        let text = screen
            .lines()
            .filter_map(|l| l.split('║').nth(1))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let section = s.section();
        let items = dossier::state::hints::NO_BOOKMARKS_HINTS;
        for (action, label) in items {
            let key = s.key_for(section, *action).unwrap();
            assert_runs(&s, name, section, &key, *action);
            let hint = format!("{key} {label}");
            assert!(
                text.contains(&hint),
                "{name}: '{hint}' not shown:\n{screen}"
            );
        }

        // A deleted bookmark: the message names the undo key.
        let mut s = state(&keymap);
        s.handle(Input::Store(StoreReport {
            bookmarks: Some(Vec::new()),
            saving: true,
            message: Some(("bookmark deleted".into(), dossier::state::Severity::Info)),
            suggest: Some((Action::UndoDelete, "to undo")),
            ..StoreReport::default()
        }));
        let text = &s.messages.last().unwrap().text;
        let key = text
            .split_once('(')
            .and_then(|(_, k)| k.strip_suffix(" to undo)"))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert_runs(&s, name, s.section(), key, Action::UndoDelete);

        // An unreadable bookmarks file: retrying and starting afresh.
        let mut s = state(&keymap);
        s.handle(Input::Store(StoreReport {
            bookmarks: Some(Vec::new()),
            saving: false,
            problems: vec!["bookmarks.json: not JSON".into()],
            ..StoreReport::default()
        }));
        let text = &s.messages.last().unwrap().text;
        let retry = s.key_for(s.section(), Action::RetrySave).unwrap();
        let fresh = s.key_for(s.section(), Action::StartFreshBookmarks).unwrap();
        assert!(
            text.contains(&format!("press {retry} to retry")),
            "{name}: {text}"
        );
        assert!(
            text.contains(&format!("or {fresh} to start")),
            "{name}: {text}"
        );
        if name == "emacs" {
            assert!(
                !text.contains("ctrl-r"),
                "ctrl-r is prev_same_entity there: {text}"
            );
        }

        // An unbound key: the help key.
        let mut s = state(&keymap);
        s.handle(Input::Key(parse_sequence("f12").unwrap()[0]));
        let text = s.messages.last().unwrap().text.clone();
        let key = text
            .split_once('(')
            .and_then(|(_, k)| k.strip_suffix(" for help)"))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert_runs(&s, name, s.section(), key, Action::ShowHelp);
    }
}
