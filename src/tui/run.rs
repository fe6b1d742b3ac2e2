//! The interactive event loop: owns the terminal, turns events into inputs, carries out effects,
//! and restores the terminal on every way out (normal exit, error, panic, SIGTERM, SIGHUP).

use crate::state::{AppState, Effect, Input};
use crate::tui::{input::input_of, view};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
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

/// Installs a panic hook that restores the terminal before the panic message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP (an SSH session dropping) arrived; holds the signal number.
    Signal(i32),
}

/// Runs the reader until the user quits or the process is asked to stop.
pub fn run(state: &mut AppState) -> io::Result<Exit> {
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let _guard = TerminalGuard;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen)?;
    if state.mouse {
        execute!(stdout, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
    let size = terminal.size()?;
    state.handle(Input::Resize(size.width, size.height));
    event_loop(state, &mut terminal, &stop)
}

fn event_loop(
    state: &mut AppState,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    stop: &AtomicUsize,
) -> io::Result<Exit> {
    let mut last_tick = Instant::now();
    let mut dirty = true;
    loop {
        let signal = stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Exit::Signal(signal as i32));
        }
        if dirty {
            terminal.draw(|frame| view::draw(state, frame))?;
            dirty = false;
        }
        let timeout = TICK.saturating_sub(last_tick.elapsed());
        if event::poll(timeout)? {
            // Drain everything that is ready before drawing again, so a burst of keys (or a
            // resize storm) costs one frame.
            loop {
                if let Some(input) = input_of(event::read()?) {
                    for effect in state.handle(input) {
                        match effect {
                            Effect::Quit => return Ok(Exit::Quit),
                            Effect::SetMouse(true) => {
                                execute!(terminal.backend_mut(), EnableMouseCapture)?
                            }
                            Effect::SetMouse(false) => {
                                execute!(terminal.backend_mut(), DisableMouseCapture)?
                            }
                        }
                    }
                    if matches!(input, Input::Resize(..)) {
                        terminal.autoresize()?;
                    }
                    dirty = true;
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            let before = state.messages.len();
            state.handle(Input::Tick);
            dirty |= before != state.messages.len();
        }
    }
}
