//! Headless rendering: runs the same state and views on ratatui's `TestBackend`, feeds a key
//! script, and returns the final screen as plain text (for `dossier render` and tests).
//! Background jobs (the palette's ranking) run to completion after each key, so the screen
//! depends on the keys alone. [`LiveLoop`] instead runs them on worker threads as the reader
//! does, drawing a frame whenever something changed, for measuring and testing what a user
//! sees between a key and its answer.

use crate::background::Background;
use crate::keymap::KeyChord;
use crate::session::{Session, settle};
use crate::state::{AppState, Effect, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::time::{Duration, Instant};

/// Resizes `state` to `size`, feeds `keys` (stopping at a quit), draws once and returns the
/// buffer.
pub fn render_buffer(state: &mut AppState, size: (u16, u16), keys: &[KeyChord]) -> Buffer {
    render_buffer_with(state, &mut Session::open(None, state.time.now), size, keys)
}

/// Like [`render_buffer`], carrying out storage effects (bookmarks, notes, positions) in
/// `session`, so that a key script can change saved data.
pub fn render_buffer_with(
    state: &mut AppState,
    session: &mut Session,
    size: (u16, u16),
    keys: &[KeyChord],
) -> Buffer {
    let effects = state.handle(Input::Resize(size.0, size.1));
    // Fetches the new size asks for (rows of a server's list) run to the end as well.
    let rest = settle(state, session, effects);
    run_jobs(state, rest);
    for chord in keys {
        let effects = state.handle(Input::Key(*chord));
        let mut queue: std::collections::VecDeque<Effect> = settle(state, session, effects).into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::EditExternally { id, .. } => {
                    let result = Err("no terminal for $EDITOR in headless rendering".to_string());
                    let effects = state.handle(Input::ExternalEdit { id, result });
                    queue.extend(settle(state, session, effects));
                }
                Effect::Quit => return leave(state, session, draw(state, size)),
                // Run to completion here, so that the screen depends on the keys alone.
                Effect::Background(job) => {
                    for input in job.answers() {
                        let effects = state.handle(input);
                        queue.extend(settle(state, session, effects));
                    }
                }
                _ => {}
            }
        }
    }
    leave(state, session, draw(state, size))
}

/// Runs the background jobs among `effects` to completion here and hands their answers to
/// `state`, as the reader's workers would (other effects are dropped): for tests and benches
/// that drive the state by actions.
pub fn run_jobs(state: &mut AppState, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Background(job) = effect {
            for input in job.answers() {
                queue.extend(state.handle(input));
            }
        }
    }
}

/// A pause of the user: the state prepares in the background what it prepares while the user
/// is idle (the palette's index, the cross-article analyses), run to completion here.
pub fn pause(state: &mut AppState) {
    let effects = state.handle(Input::Idle);
    run_jobs(state, effects);
}

/// The end of a key script, as if the user paused: the reading positions are written (once,
/// however many articles the keys visited), after the screen was drawn.
fn leave(state: &mut AppState, session: &mut Session, buffer: Buffer) -> Buffer {
    let effects = state.handle(Input::Pause);
    settle(state, session, effects);
    buffer
}

/// One frame drawn by [`LiveLoop`].
#[derive(Debug, Clone)]
pub struct LiveFrame {
    /// When it was drawn.
    pub at: Instant,
    /// The screen as text ([`buffer_text`]).
    pub text: String,
    /// True when a background job was still running as it was drawn.
    pub jobs_running: bool,
}

/// The reader's event loop on a test backend: keys go through [`AppState::handle`], background
/// jobs run on worker threads ([`Background`]) and their answers come back through the same
/// door, and a frame is drawn whenever the state changed, in the order the interactive loop
/// (`tui::run`) follows: inputs first, then the answers that have arrived, then one frame.
pub struct LiveLoop {
    /// The state driven.
    pub state: AppState,
    session: Session,
    background: Background,
    terminal: Terminal<TestBackend>,
    dirty: bool,
}

impl LiveLoop {
    /// A loop over `state` at `size` (columns, rows), storing nothing on disk.
    pub fn new(mut state: AppState, size: (u16, u16)) -> LiveLoop {
        let mut session = Session::open(None, state.time.now);
        let effects = state.handle(Input::Resize(size.0, size.1));
        settle(&mut state, &mut session, effects);
        let terminal = match Terminal::new(TestBackend::new(size.0, size.1)) {
            Ok(t) => t,
            Err(never) => match never {},
        };
        LiveLoop {
            state,
            session,
            background: Background::new(),
            terminal,
            dirty: true,
        }
    }

    /// Hands one input to the state and carries out what it asks (a background job starts on
    /// a worker; the external editor is refused, as in [`render_buffer_with`]).
    pub fn input(&mut self, input: Input) {
        let effects = self.state.handle(input);
        let mut queue: std::collections::VecDeque<Effect> =
            settle(&mut self.state, &mut self.session, effects).into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Background(job) => self.background.start(job),
                Effect::EditExternally { id, .. } => {
                    let result = Err("no terminal for $EDITOR in headless rendering".to_string());
                    let effects = self.state.handle(Input::ExternalEdit { id, result });
                    queue.extend(settle(&mut self.state, &mut self.session, effects));
                }
                _ => {}
            }
        }
        self.dirty = true;
    }

    /// A key press.
    pub fn key(&mut self, chord: KeyChord) {
        self.input(Input::Key(chord));
    }

    /// Takes the answers of background jobs that have arrived, waiting up to `wait` for the
    /// first when none has and a job is running.
    pub fn absorb(&mut self, wait: Duration) {
        let mut answers = self.background.try_recv_all();
        if answers.is_empty() && self.background.is_busy() && !wait.is_zero() {
            answers.extend(self.background.recv_timeout(wait));
            answers.extend(self.background.try_recv_all());
        }
        for answer in answers {
            self.input(answer);
        }
    }

    /// Draws a frame if anything changed since the last one.
    pub fn draw(&mut self) -> Option<LiveFrame> {
        if !self.dirty {
            return None;
        }
        self.dirty = false;
        let state = &self.state;
        if let Err(never) = self
            .terminal
            .draw(|frame| crate::tui::view::draw(state, frame))
        {
            match never {}
        }
        Some(LiveFrame {
            at: Instant::now(),
            text: buffer_text(self.terminal.backend().buffer()),
            jobs_running: self.background.is_busy(),
        })
    }

    /// True while a background job runs.
    pub fn is_busy(&self) -> bool {
        self.background.is_busy()
    }

    /// Runs the loop until no job is running and every answer is drawn (at most `timeout`),
    /// returning the frames drawn.
    pub fn settle(&mut self, timeout: Duration) -> Vec<LiveFrame> {
        let start = Instant::now();
        let mut frames: Vec<LiveFrame> = self.draw().into_iter().collect();
        while start.elapsed() < timeout {
            self.absorb(Duration::from_millis(5));
            frames.extend(self.draw());
            if !self.background.is_busy() {
                self.absorb(Duration::ZERO);
                frames.extend(self.draw());
                break;
            }
        }
        frames
    }
}

fn draw(state: &AppState, size: (u16, u16)) -> Buffer {
    // The test backend cannot fail: its error type is `Infallible`.
    let mut terminal = match Terminal::new(TestBackend::new(size.0, size.1)) {
        Ok(t) => t,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|frame| crate::tui::view::draw(state, frame)) {
        match never {}
    }
    terminal.backend().buffer().clone()
}

/// The cells of row `y` as a terminal shows them: a wide character covers the next cell, which
/// holds an empty symbol and is skipped.
fn row_cells(buffer: &Buffer, y: u16) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    let area = buffer.area;
    let mut skip = 0;
    (area.x..area.x + area.width).filter_map(move |x| {
        if skip > 0 {
            skip -= 1;
            return None;
        }
        let cell = &buffer[(x, area.y + y)];
        skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        Some(cell)
    })
}

/// The buffer as lines of text, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for cell in row_cells(buffer, y) {
            // Views defuse what they draw; this keeps a missed path off the terminal too.
            line.push_str(&crate::sanitize::defuse_line(cell.symbol()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Renders the final screen after `keys` as plain text.
pub fn render_text(state: &mut AppState, size: (u16, u16), keys: &[KeyChord]) -> String {
    buffer_text(&render_buffer(state, size, keys))
}

/// SGR parameters for a ratatui colour as foreground (`base` 30) or background (`base` 40).
fn sgr_color(color: ratatui::style::Color, base: u8) -> Option<String> {
    use ratatui::style::Color;
    let (n, bright) = match color {
        Color::Reset => return None,
        Color::Black => (0, false),
        Color::Red => (1, false),
        Color::Green => (2, false),
        Color::Yellow => (3, false),
        Color::Blue => (4, false),
        Color::Magenta => (5, false),
        Color::Cyan => (6, false),
        Color::Gray => (7, false),
        Color::DarkGray => (0, true),
        Color::LightRed => (1, true),
        Color::LightGreen => (2, true),
        Color::LightYellow => (3, true),
        Color::LightBlue => (4, true),
        Color::LightMagenta => (5, true),
        Color::LightCyan => (6, true),
        Color::White => (7, true),
        Color::Indexed(i) => return Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => return Some(format!("{};2;{r};{g};{b}", base + 8)),
    };
    Some(format!("{}", if bright { base + 60 + n } else { base + n }))
}

/// The buffer as text with ANSI SGR escapes for colours and modifiers, one line per row, each
/// row ending with a reset. What a terminal would show, for tests and for `render --ansi`.
pub fn buffer_ansi(buffer: &Buffer) -> String {
    use ratatui::style::Modifier;
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut current: Option<String> = None;
        for cell in row_cells(buffer, y) {
            let mut params = vec!["0".to_string()];
            for (m, code) in [
                (Modifier::BOLD, "1"),
                (Modifier::DIM, "2"),
                (Modifier::ITALIC, "3"),
                (Modifier::UNDERLINED, "4"),
                (Modifier::REVERSED, "7"),
                (Modifier::CROSSED_OUT, "9"),
            ] {
                if cell.modifier.contains(m) {
                    params.push(code.to_string());
                }
            }
            params.extend(sgr_color(cell.fg, 30));
            params.extend(sgr_color(cell.bg, 40));
            let sgr = format!("\u{1b}[{}m", params.join(";"));
            if current.as_deref() != Some(sgr.as_str()) {
                out.push_str(&sgr);
                current = Some(sgr);
            }
            out.push_str(&crate::sanitize::defuse_line(cell.symbol()));
        }
        out.push_str("\u{1b}[0m\n");
    }
    out
}
