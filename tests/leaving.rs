//! Quitting never drops unsaved changes silently, and pasted text never runs as keys: driven
//! through the state and the session as the reader drives them, headless.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::keymap::{Keymap, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::session::{Session, settle};
use dossier::state::{AppState, Corpus, Effect, Input, Options, Overlay};

const NOW: i64 = 1_790_000_000;

fn state() -> AppState {
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let entries = Corpus::from_pairs(articles.into_iter().zip(analyses));
    let mut s = AppState::new(
        entries,
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );
    s.time.now = NOW;
    s
}

/// Presses `keys` and returns the effects left for the runner after the last one.
fn press(s: &mut AppState, session: &mut Session, keys: &str) -> Vec<Effect> {
    let mut rest = Vec::new();
    for chord in parse_sequence(keys).unwrap() {
        let effects = s.handle(Input::Key(chord));
        rest = settle(s, session, effects);
    }
    rest
}

fn start(data: &std::path::Path) -> (AppState, Session) {
    let mut session = Session::open(Some(data), NOW);
    let mut s = state();
    let effects = s.handle(Input::Store(session.report(None)));
    settle(&mut s, &mut session, effects);
    let effects = s.handle(Input::Resize(160, 45));
    settle(&mut s, &mut session, effects);
    (s, session)
}

#[test]
fn quitting_with_everything_saved_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, mut session) = start(dir.path());
    assert!(press(&mut s, &mut session, ") m").is_empty());
    assert_eq!(press(&mut s, &mut session, "q"), vec![Effect::Quit]);
}

#[test]
fn quitting_with_unsaved_changes_asks_and_the_rescue_file_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bookmarks.json"), b"{oops").unwrap();
    let (mut s, mut session) = start(dir.path());
    press(&mut s, &mut session, ") m a");
    for c in "Rettung".chars() {
        let effects = s.handle(Input::Key(
            dossier::keymap::parse_chord(&c.to_string()).unwrap(),
        ));
        settle(&mut s, &mut session, effects);
    }
    press(&mut s, &mut session, "<Esc>");
    assert!(s.saved.unsaved > 0);
    for quit in ["q", "<C-c>"] {
        assert!(press(&mut s, &mut session, quit).is_empty(), "{quit} quit");
        assert_eq!(s.overlays.open, Some(Overlay::QuitConfirm));
        press(&mut s, &mut session, "<Esc>");
        assert_eq!(s.overlays.open, None);
    }
    // Saving again fails again: the dialog stays.
    press(&mut s, &mut session, "q");
    assert!(press(&mut s, &mut session, "<C-r>").is_empty());
    assert_eq!(s.overlays.open, Some(Overlay::QuitConfirm));
    assert_eq!(press(&mut s, &mut session, "w"), vec![Effect::Quit]);
    let line = s.saved.farewell.join("\n");
    assert!(line.contains("bookmarks-rescue-"), "{line}");
    let rescue = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("bookmarks-rescue-")
        })
        .expect("a rescue file");
    assert!(
        std::fs::read_to_string(rescue.path())
            .unwrap()
            .contains("Rettung")
    );
}

#[test]
fn a_paste_is_text_in_the_note_editor_and_ignored_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, mut session) = start(dir.path());
    let before = s.list.selected;
    let effects = s.handle(Input::Paste("q J J".into()));
    assert!(effects.is_empty());
    assert_eq!(s.list.selected, before);
    assert!(s.messages.iter().any(|m| m.text.contains("paste ignored")));
    press(&mut s, &mut session, ") m a");
    s.handle(Input::Paste(
        "eins\r\nzwei \u{1b}[200~ drei\u{1b}]52;c;eA==\u{7}\u{9b}".into(),
    ));
    let Some(Overlay::Note(editor)) = &s.overlays.open else {
        panic!("the note editor closed");
    };
    assert_eq!(editor.area.text(), "eins\nzwei [200~ drei]52;c;eA==");
}
