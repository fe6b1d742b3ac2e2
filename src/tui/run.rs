//! The interactive event loop: owns the terminal, turns events into inputs, carries out effects,
//! and restores the terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).

use crate::background::Background;
use crate::index::Indexer;
use crate::session::Session;
use crate::state::{AppState, Effect, Input};
use crate::tui::scroll::ScrollingBackend;
use crate::tui::{input::input_of, view};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::Write;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How often messages age.
const TICK: Duration = Duration::from_millis(250);

/// True while the terminal is in raw mode on the alternate screen. A process-wide fact about the
/// one terminal, so the panic hook and signal paths can tell whether there is anything to undo.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: main screen, cooked mode, cursor shown, mouse released.
/// Does nothing when the reader never took over the terminal; safe to call more than once.
pub fn restore_terminal() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped, so an early return or a panic unwinding through the loop
/// leaves a usable shell.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Installs a panic hook that restores the terminal first, writes a report (message, place,
/// backtrace) to a file in `report_dir`, and says on stderr where it is.
pub fn install_panic_hook(report_dir: std::path::PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let backtrace = std::backtrace::Backtrace::force_capture();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let message = crate::sanitize::defuse_line(&message).into_owned();
        let report = format!(
            "dossier {} crashed\nmessage: {message}\nat: {place}\n\nbacktrace:\n{backtrace}\n",
            env!("CARGO_PKG_VERSION")
        );
        let path = report_dir.join(format!("dossier-crash-{}.txt", std::process::id()));
        let written =
            std::fs::create_dir_all(&report_dir).and_then(|()| std::fs::write(&path, report));
        // Written without `eprintln!`, which would panic again inside the hook when standard
        // error is gone.
        let mut err = io::stderr().lock();
        let _ = match written {
            Ok(()) => writeln!(
                err,
                "dossier crashed: {message} (at {place}).\nBookmarks and notes were saved as you went (a note being typed, at each pause). Details: {}",
                path.display()
            ),
            Err(e) => writeln!(
                err,
                "dossier crashed: {message} (at {place}); could not write a report: {e}"
            ),
        };
    }));
}

/// The terminal, drawn through the scroll-region layer.
type Term = Terminal<ScrollingBackend<CrosstermBackend<Stdout>>>;

/// Test hook: when this environment variable is set to `1`, the interactive reader panics at the
/// first key press after it has taken over the terminal. It exists so that the end-to-end tests
/// can check the crash path (terminal restored, report written and named on stderr) against the
/// real binary; nothing else reads it.
pub const TEST_PANIC_ENV: &str = "DOSSIER_TEST_PANIC";

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP (an SSH session dropping) arrived; holds the signal number.
    Signal(i32),
}

/// Runs the reader until the user quits or the process is asked to stop.
pub fn run(
    state: &mut AppState,
    session: &mut Session,
    indexer: Option<Indexer>,
) -> io::Result<Exit> {
    run_with_team(state, session, indexer, None, Vec::new())
}

/// As [`run`], with team sync rounds running in the background and `start` (effects the state
/// returned before the reader began, such as the first fetches from the team server) carried
/// out first.
pub fn run_with_team(
    state: &mut AppState,
    session: &mut Session,
    indexer: Option<Indexer>,
    team: Option<crate::team::background::Syncer>,
    start: Vec<Effect>,
) -> io::Result<Exit> {
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    enter_terminal(state.screen.mouse)?;
    let _guard = TerminalGuard;
    let backend = ScrollingBackend::new(
        CrosstermBackend::new(io::stdout()),
        state.screen.scroll_regions,
    );
    // Never dropped: ratatui's `Drop` shows the cursor and reports a failure with `eprintln!`,
    // which panics when the terminal has gone away (a closed tmux pane, a dropped SSH session).
    // The cursor is shown below and by `restore_terminal`, errors ignored; the process ends soon
    // after this returns.
    let mut terminal = std::mem::ManuallyDrop::new(Terminal::new(backend)?);
    let size = terminal.size()?;
    let mut effects = state.handle(Input::Tick {
        now: crate::session::now(),
    });
    effects.extend(state.handle(Input::Resize(size.width, size.height)));
    let mut start = start;
    start.extend(crate::session::settle(state, session, effects));
    let exit = event_loop(state, session, &mut terminal, &stop, indexer, team, start)?;
    if let Exit::Signal(_) = exit {
        // Keep the reading position and any note being typed when the session is dropped.
        let mut effects = state.handle(Input::Tick {
            now: crate::session::now(),
        });
        effects.extend(state.shutdown());
        crate::session::settle(state, session, effects);
        // What could not be saved goes to a rescue file, named on stderr once the terminal is
        // restored.
        if session.unsaved() > 0 {
            let effects = vec![crate::state::Effect::Store(crate::state::StoreOp::Rescue)];
            crate::session::settle(state, session, effects);
        }
    }
    let _ = terminal.show_cursor();
    restore_terminal();
    Ok(exit)
}

fn enter_terminal(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout, EnableMouseCapture)?;
    }
    Ok(())
}

/// What the loop must do after carrying out effects.
enum Flow {
    Continue,
    Exit(Exit),
}

fn carry_out(
    state: &mut AppState,
    session: &mut Session,
    terminal: &mut Term,
    background: &mut Background,
    effects: Vec<Effect>,
) -> io::Result<Flow> {
    let mut queue = crate::session::settle(state, session, effects);
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            match effect {
                Effect::Quit => return Ok(Flow::Exit(Exit::Quit)),
                Effect::SetMouse(true) => execute!(terminal.backend_mut(), EnableMouseCapture)?,
                Effect::SetMouse(false) => execute!(terminal.backend_mut(), DisableMouseCapture)?,
                Effect::Suspend => {
                    suspend(state.screen.mouse)?;
                    terminal.clear()?;
                }
                Effect::Copy(text) => {
                    let sequence = crate::clipboard::osc52(&text, clipboard_route());
                    let out = terminal.backend_mut();
                    out.write_all(sequence.as_bytes())?;
                    out.flush()?;
                }
                Effect::EditExternally { id, text } => {
                    let result = edit_in_editor(&text, state.screen.mouse);
                    terminal.clear()?;
                    next.extend(state.handle(Input::ExternalEdit { id, result }));
                }
                Effect::Store(_) => next.push(effect),
                Effect::Background(job) => background.start(job),
            }
        }
        queue = crate::session::settle(state, session, next);
    }
    Ok(Flow::Continue)
}

/// How the clipboard sequence reaches the terminal from here: GNU screen passes it on only
/// inside its own passthrough; everything else, tmux included (with `set-clipboard on`), takes
/// the plain sequence.
fn clipboard_route() -> crate::clipboard::Route {
    if std::env::var_os("TMUX").is_none() && std::env::var_os("STY").is_some() {
        crate::clipboard::Route::Screen
    } else {
        crate::clipboard::Route::Plain
    }
}

/// Job control: restores the terminal, stops the process as Ctrl-Z does in a cooked terminal,
/// and takes the terminal over again when the shell continues it (`fg`).
fn suspend(mouse: bool) -> io::Result<()> {
    restore_terminal();
    // SAFETY: raising SIGTSTP with its default action stops this process; the call returns once
    // it is continued.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enter_terminal(mouse)
}

/// Suspends the reader, edits `text` in `$VISUAL` or `$EDITOR` (or `vi`), and returns the new
/// text. The temporary file is private ([`crate::editor::ScratchFile`]); it is kept, and its
/// path reported, if it cannot be read back.
fn edit_in_editor(text: &str, mouse: bool) -> Result<String, String> {
    let mut scratch = crate::editor::ScratchFile::create(&std::env::temp_dir(), "note.md", text)
        .map_err(|e| {
            format!(
                "cannot create a temporary file in {}: {e}",
                std::env::temp_dir().display()
            )
        })?;
    let path = scratch.path().to_path_buf();
    restore_terminal();
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_string());
    // Through the shell, so that EDITOR may carry arguments ("code --wait").
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("dossier-editor")
        .arg(&path)
        .status();
    let entered = enter_terminal(mouse).map_err(|e| format!("cannot restore the terminal: {e}"));
    entered?;
    match status {
        Ok(s) if s.success() => {
            let edited = std::fs::read_to_string(&path).map_err(|e| {
                scratch.keep();
                format!(
                    "cannot read {} back: {e}; your text is still there",
                    path.display()
                )
            })?;
            Ok(edited.trim_end_matches('\n').to_string())
        }
        Ok(s) => Err(format!("{editor} exited with {s}")),
        Err(e) => Err(format!("cannot run {editor}: {e}")),
    }
}

/// Reads terminal events on its own thread, so the loop stays in control even when the terminal
/// goes away (crossterm keeps reading an end-of-file on a closed terminal instead of failing).
/// It can be paused while an external editor owns the terminal.
struct InputThread {
    rx: std::sync::mpsc::Receiver<event::Event>,
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

impl InputThread {
    fn start() -> InputThread {
        let (tx, rx) = std::sync::mpsc::channel();
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let (p, i) = (Arc::clone(&paused), Arc::clone(&idle));
        std::thread::spawn(move || {
            loop {
                if p.load(Ordering::SeqCst) {
                    i.store(true, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                i.store(false, Ordering::SeqCst);
                match event::poll(Duration::from_millis(50)) {
                    Ok(true) => match event::read() {
                        Ok(ev) => {
                            if tx.send(ev).is_err() {
                                return;
                            }
                        }
                        Err(_) => return,
                    },
                    Ok(false) => {}
                    Err(_) => return,
                }
            }
        });
        InputThread { rx, paused, idle }
    }

    /// Stops reading until [`InputThread::resume`], and waits until the thread has stopped.
    fn pause(&self) {
        self.paused.store(true, Ordering::SeqCst);
        let start = Instant::now();
        while !self.idle.load(Ordering::SeqCst) && start.elapsed() < Duration::from_millis(500) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
}

/// True when the terminal has hung up (its pseudo-terminal closed without a SIGHUP reaching us).
fn terminal_hung_up() -> bool {
    let mut fds = [
        libc::pollfd {
            fd: 0,
            events: 0,
            revents: 0,
        },
        libc::pollfd {
            fd: 1,
            events: 0,
            revents: 0,
        },
    ];
    // SAFETY: `fds` is a valid array of two pollfd structs for the duration of the call, and a
    // zero timeout makes the call return at once.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) };
    n > 0
        && fds
            .iter()
            .any(|f| f.revents & (libc::POLLHUP | libc::POLLNVAL) != 0)
}

fn event_loop(
    state: &mut AppState,
    session: &mut Session,
    terminal: &mut Term,
    stop: &AtomicUsize,
    mut indexer: Option<Indexer>,
    team: Option<crate::team::background::Syncer>,
    start: Vec<Effect>,
) -> io::Result<Exit> {
    let input = InputThread::start();
    let mut background = Background::new();
    if let Flow::Exit(exit) = carry_out(state, session, terminal, &mut background, start)? {
        return Ok(exit);
    }
    let crash_on_key = std::env::var_os(TEST_PANIC_ENV).is_some_and(|v| v == "1");
    let mut last_tick = Instant::now();
    let mut last_input = Instant::now();
    let mut dirty = true;
    loop {
        let signal = stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Exit::Signal(signal as i32));
        }
        // Indexing news comes in through the same door as keys.
        if let Some(ix) = &mut indexer {
            for event in ix.try_recv_all() {
                dirty = true;
                let effects = state.handle(Input::Index(event));
                if let Flow::Exit(exit) =
                    carry_out(state, session, terminal, &mut background, effects)?
                {
                    return Ok(exit);
                }
            }
            if ix.is_finished() {
                indexer = None;
            }
        }
        if let Some(status) = team.as_ref().and_then(|t| t.try_latest()) {
            // The worker wrote the data files; read them again before showing its news.
            let changed = status.changed;
            let mut effects = state.handle(Input::Team(status));
            if changed {
                session.reload(state.time.now);
                effects.extend(state.handle(Input::Store(session.report(None))));
            }
            if let Flow::Exit(exit) = carry_out(state, session, terminal, &mut background, effects)?
            {
                return Ok(exit);
            }
            dirty = true;
        }
        // Answers of background jobs (the palette's ranking and index) come in through the
        // same door as keys.
        for answer in background.try_recv_all() {
            let effects = state.handle(answer);
            if let Flow::Exit(exit) = carry_out(state, session, terminal, &mut background, effects)?
            {
                return Ok(exit);
            }
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| view::draw(state, frame))?;
            dirty = false;
        }
        // While a job runs, wake often to show its answers; while indexing, so the list fills
        // as articles arrive.
        let wait = if background.is_busy() {
            JOB_POLL
        } else if indexer.is_some() {
            Duration::from_millis(40)
        } else {
            TICK
        };
        let timeout = wait.min(TICK.saturating_sub(last_tick.elapsed()));
        let mut ready: std::collections::VecDeque<event::Event> =
            input.rx.recv_timeout(timeout).ok().into_iter().collect();
        ready.extend(input.rx.try_iter());
        // Drain everything that is ready before drawing again, so a burst of keys (or a resize
        // storm) costs one frame; a size that a later one replaces is not even laid out.
        while let Some(ev) = ready.pop_front() {
            let replaced = matches!(ev, event::Event::Resize(..))
                && ready.iter().any(|e| matches!(e, event::Event::Resize(..)));
            if replaced {
                continue;
            }
            if let Some(inp) = input_of(ev) {
                if crash_on_key && matches!(inp, Input::Key(_)) {
                    panic!("{TEST_PANIC_ENV}=1: crashing on purpose at the first key press");
                }
                let resized = matches!(inp, Input::Resize(..));
                last_input = Instant::now();
                let effects = state.handle(inp);
                let external = effects
                    .iter()
                    .any(|e| matches!(e, Effect::EditExternally { .. } | Effect::Suspend));
                if external {
                    input.pause();
                }
                let flow = carry_out(state, session, terminal, &mut background, effects);
                if external {
                    input.resume();
                }
                if let Flow::Exit(exit) = flow? {
                    return Ok(exit);
                }
                if resized {
                    terminal.autoresize()?;
                }
                dirty = true;
            }
            if ready.is_empty() {
                ready.extend(input.rx.try_iter());
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            if terminal_hung_up() {
                // The same as SIGHUP: save what must not be lost and leave.
                return Ok(Exit::Signal(libc::SIGHUP));
            }
            let before = state.messages.len();
            let effects = state.handle(Input::Tick {
                now: crate::session::now(),
            });
            dirty |= before != state.messages.len() || !effects.is_empty();
            if let Flow::Exit(exit) = carry_out(state, session, terminal, &mut background, effects)?
            {
                return Ok(exit);
            }
        }
        // Once the corpus is in and the user pauses, index the palette and compare the
        // articles in the background, so that the palette and the cross-article views open at
        // once.
        if indexer.is_none() && state.has_idle_work() && last_input.elapsed() >= PREPARE_AFTER_IDLE
        {
            let effects = state.handle(Input::Idle);
            if let Flow::Exit(exit) = carry_out(state, session, terminal, &mut background, effects)?
            {
                return Ok(exit);
            }
        }
    }
}

/// How often the loop looks for answers while a background job runs.
const JOB_POLL: Duration = Duration::from_millis(2);

/// How long the user must be idle before the reader builds the palette's index unasked.
const PREPARE_AFTER_IDLE: Duration = Duration::from_millis(500);
