//! Building one frame of the reader: the three panes at 160x45 on the bundled corpus with every
//! highlight on, drawn into ratatui's test backend (the layout and styling work of a frame, not
//! the terminal's output). Two cases: a frame after a one-line scroll of the reading pane, and
//! the same with the reading pane zoomed to the full width.
//!
//! Run: `cargo bench --bench frame -- --warm-up-time 1 --measurement-time 3`.

use criterion::Criterion;
use dossier::keymap::{Keymap, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Corpus, Input, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator the `dossier` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    s.handle(Input::Resize(160, 45));
    s
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("frame");
    for (name, setup) in [("scroll_three_panes", ""), ("scroll_zoomed", "z")] {
        let mut s = state();
        if let Ok(keys) = parse_sequence(setup) {
            for k in keys {
                s.handle(Input::Key(k));
            }
        }
        let down = parse_sequence("j").unwrap_or_default();
        let up = parse_sequence("k").unwrap_or_default();
        // The test backend cannot fail: its error type is `Infallible`.
        let mut terminal = match Terminal::new(TestBackend::new(160, 45)) {
            Ok(t) => t,
            Err(never) => match never {},
        };
        let mut flip = false;
        group.bench_function(name, |b| {
            b.iter(|| {
                // Alternate down and up so every frame is a scrolled one.
                let keys = if flip { &up } else { &down };
                flip = !flip;
                for k in keys {
                    s.handle(Input::Key(*k));
                }
                let _ = terminal.draw(|f| dossier::tui::view::draw(&s, f));
            })
        });
    }
    group.finish();
    c.final_summary();
}
