//! The `dossier` binary: the command line parsed by clap and each command handed to its module
//! in [`cli`]. Everything else lives in the library.

use anyhow::{Context, Result, bail};
use clap::FromArgMatches;
use cli::args::{Cli, Command, TeamCommand};
use cli::setup::{Loading, Setup, dirs, load_config, setup, start_indexer, team_settings};
use cli::team as team_cli;
use dossier::tui;
use std::process::ExitCode;

mod cli;

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Sync) => {
            let settings = team_settings(&cli.common)?;
            let Some(data) = dirs(&cli.common).data else {
                bail!("no data directory: pass --data-dir");
            };
            return team_cli::sync(&settings, &data);
        }
        Some(Command::Publish { connections, paths }) => {
            let settings = team_settings(&cli.common)?;
            let indexer = start_indexer(&paths, &cli.common, &dirs(&cli.common))?;
            return team_cli::publish(&settings, &paths, indexer, connections);
        }
        Some(Command::Team { what }) => {
            let settings = team_settings(&cli.common)?;
            match what {
                TeamCommand::Search { limit, query } => team_cli::search(&settings, &query, limit)?,
                TeamCommand::Entities { kind, name, limit } => {
                    team_cli::entities(&settings, kind.as_deref(), name.as_deref(), limit)?
                }
                TeamCommand::Sources { limit } => team_cli::sources(&settings, limit)?,
                TeamCommand::Status => team_cli::status(&settings)?,
                TeamCommand::Migrate => team_cli::migrate(&settings)?,
            }
        }
        Some(Command::Find {
            list,
            limit,
            kind,
            query,
            paths,
        }) => cli::find::run(list, limit, kind.as_deref(), query, paths, &cli.common)?,
        Some(Command::Index { paths }) => return cli::index::run(&paths, &cli.common),
        Some(Command::Compare { format, paths }) => {
            return cli::report::compare(format, &paths, &cli.common);
        }
        Some(Command::Timeline {
            format,
            entity,
            paths,
        }) => cli::report::timeline(format, entity.as_deref(), &paths, &cli.common)?,
        Some(Command::Extract { raw, format, paths }) => {
            return cli::extract::run(&paths, raw, format, &cli.common);
        }
        Some(Command::Export {
            format,
            output,
            paths,
        }) => cli::export::run(&paths, format, output.as_deref(), &cli.common)?,
        Some(Command::Import {
            dry_run,
            file,
            paths,
        }) => cli::import::run(&file, &paths, dry_run, &cli.common)?,
        Some(Command::Open { target, paths }) => {
            return cli::open::run(&target, &paths, &cli.common);
        }
        Some(Command::Completions { shell }) => cli::generate::completions(shell)?,
        Some(Command::Man { dir }) => cli::generate::man(dir.as_deref())?,
        Some(Command::Config { paths }) => {
            let mut warnings = Vec::new();
            let config = load_config(&dirs(&cli.common), &mut warnings);
            cli::config::run(&config, paths, &warnings, &cli.common)?;
        }
        None => {
            small_pages_for_the_reader();
            let Setup {
                mut state,
                mut session,
                indexer,
                start,
                ..
            } = setup(&cli.paths, &cli.common, Loading::Background)?;
            let team = team_cli::syncer(
                &cli.common.team,
                &load_config(&dirs(&cli.common), &mut Vec::new()).team,
                dirs(&cli.common).data,
            );
            let exit = tui::run::run_with_team(&mut state, &mut session, indexer, team?, start)
                .context("terminal error")?;
            for line in &state.saved.farewell {
                warn(line);
            }
            // The process ends here: freeing a large article's layout piece by piece would only
            // delay the exit.
            std::mem::forget(state);
            std::mem::forget(session);
            if let tui::run::Exit::Signal(n) = exit {
                // The shell convention for "ended by signal n".
                return Ok(ExitCode::from((128 + n).clamp(0, 255) as u8));
            }
        }
        Some(Command::Render {
            size,
            keys,
            ansi,
            paths,
        }) => cli::render::run(size, &keys, ansi, &paths, &cli.common)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The interactive reader lives long and holds its corpus in many small allocations: without
/// transparent huge pages the kernel does not keep half-used 2 MiB pages of its heap resident
/// (about 55 MB less at 10,000 articles, README). Only the reader asks: batch commands keep huge
/// pages, with which extraction runs about a tenth faster.
fn small_pages_for_the_reader() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes only this process's
    // memory policy; when it fails the reader runs as it would without it.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Prints a message on standard error as one line, defused: it may carry file names, keymap
/// values or article text, none of which may act on the terminal.
pub(crate) fn warn(message: &str) {
    use std::io::Write;
    // Standard error may be gone (the terminal closed under the reader): a warning that cannot
    // be shown is dropped rather than turned into a crash.
    let _ = writeln!(
        std::io::stderr().lock(),
        "dossier: {}",
        dossier::sanitize::defuse_line(message)
    );
}

/// Extraction, loading and search make many small allocations from several threads at once;
/// mimalloc serves them from per-thread pages instead of growing glibc's arenas a page at a time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::from_arg_matches(&cli::help::command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let quiet = matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man { .. } | Command::Config { .. })
    );
    if !quiet && let Err(e) = cli::logging::init(&cli.common) {
        eprintln!("dossier: no log: {e}");
    }
    // Crash reports go to the cache directory in use (--cache-dir or the platform's).
    let crash_dir = cli
        .common
        .cache_dir
        .clone()
        .or_else(|| {
            directories::ProjectDirs::from("", "", "dossier").map(|p| p.cache_dir().to_path_buf())
        })
        .unwrap_or_else(std::env::temp_dir);
    tui::run::install_panic_hook(crash_dir);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            warn(&format!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}
