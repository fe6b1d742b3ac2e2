//! The `dossier` binary: command-line parsing, paths from `directories`, loading, the terminal
//! guard and exit codes. Everything else lives in the library.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use dossier::ingest::{self, LoadOptions};
use dossier::keymap::{Keymap, parse_keymap_file, parse_sequence};
use dossier::model::Article;
use dossier::reflow::Hyphenators;
use dossier::session::{self, Session};
use dossier::state::{AppState, Entry, Input, Options, Severity};
use dossier::store;
use dossier::tui;
use serde::Deserialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// A keyboard-driven terminal reader for news and analysis articles.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    common: Common,
    /// Articles to open: files and directories (searched recursively for .txt and .md). With none,
    /// the bundled corpus opens.
    paths: Vec<PathBuf>,
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Keymap file applied over the default keymap, action by action.
    #[arg(long, global = true, value_name = "FILE")]
    keymap: Option<PathBuf>,
    /// Configuration directory (default: the platform's config dir for dossier).
    #[arg(long, global = true, value_name = "DIR")]
    config_dir: Option<PathBuf>,
    /// Data directory for bookmarks and notes (default: the platform's data dir for dossier).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Start with mouse support on (wheel scrolls, click focuses and selects).
    #[arg(long, global = true)]
    mouse: bool,
    /// Largest article file read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = LoadOptions::default().max_bytes)]
    max_bytes: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the reader headless and print the final screen as plain text.
    Render {
        /// Screen size as COLSxROWS.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press first, in keymap syntax, space-separated: "j j <Tab> G".
        #[arg(long, default_value = "")]
        keys: String,
        /// Articles to open (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("'{text}' is not COLSxROWS, e.g. 160x45"))?;
    let w = w
        .trim()
        .parse::<u16>()
        .map_err(|e| format!("bad width '{w}': {e}"))?;
    let h = h
        .trim()
        .parse::<u16>()
        .map_err(|e| format!("bad height '{h}': {e}"))?;
    if w == 0 || h == 0 {
        return Err("width and height must be at least 1".into());
    }
    Ok((w, h))
}

/// `config.toml` in the configuration directory.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Config {
    /// Start with mouse support on.
    mouse: bool,
}

struct Dirs {
    config: Option<PathBuf>,
    data: Option<PathBuf>,
}

fn dirs(common: &Common) -> Dirs {
    let project = directories::ProjectDirs::from("", "", "dossier");
    Dirs {
        config: common
            .config_dir
            .clone()
            .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf())),
        data: common
            .data_dir
            .clone()
            .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf())),
    }
}

/// Everything prepared before the UI starts, with the warnings met on the way.
struct Setup {
    state: AppState,
    session: Session,
    warnings: Vec<String>,
}

fn load_corpus(
    paths: &[PathBuf],
    common: &Common,
    warnings: &mut Vec<String>,
) -> Result<Vec<Article>> {
    if paths.is_empty() {
        return Ok(ingest::bundled());
    }
    let options = LoadOptions {
        max_bytes: common.max_bytes,
    };
    let report = ingest::load_paths(paths, &options)?;
    warnings.extend(report.messages);
    if report.skipped_other > 0 {
        warnings.push(format!(
            "skipped {} file(s) that are not .txt or .md",
            report.skipped_other
        ));
    }
    if report.articles.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no readable articles in {}", shown.join(", "));
    }
    Ok(report.articles)
}

fn load_keymap(common: &Common, dirs: &Dirs, warnings: &mut Vec<String>) -> Result<Keymap> {
    let mut keymap = Keymap::builtin();
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    if let Some(dir) = &dirs.config {
        files.push((dir.join("keymap.toml"), false));
    }
    if let Some(path) = &common.keymap {
        files.push((path.clone(), true));
    }
    for (path, required) in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read keymap {}", path.display()));
            }
        };
        let (file, errors) = parse_keymap_file(&path.display().to_string(), &text);
        warnings.extend(errors.iter().map(ToString::to_string));
        keymap.apply(&file);
    }
    Ok(keymap)
}

fn load_config(dirs: &Dirs, warnings: &mut Vec<String>) -> Config {
    let Some(path) = dirs.config.as_ref().map(|d| d.join("config.toml")) else {
        return Config::default();
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).unwrap_or_else(|e| {
            warnings.push(format!(
                "{}: {}; using defaults",
                path.display(),
                e.message()
            ));
            Config::default()
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => {
            warnings.push(format!(
                "cannot read {}: {e}; using defaults",
                path.display()
            ));
            Config::default()
        }
    }
}

fn setup(paths: &[PathBuf], common: &Common) -> Result<Setup> {
    let dirs = dirs(common);
    let mut warnings = Vec::new();
    let articles = load_corpus(paths, common, &mut warnings)?;
    let keymap = load_keymap(common, &dirs, &mut warnings)?;
    let config = load_config(&dirs, &mut warnings);
    let analyses = dossier::extract::analyze_corpus(&articles);
    let entries = articles
        .into_iter()
        .zip(analyses)
        .map(|(article, analysis)| Entry {
            article,
            analysis,
            bookmarks: 0,
        })
        .collect();
    let options = Options {
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        mouse: common.mouse || config.mouse,
    };
    let mut state = AppState::new(entries, keymap, Hyphenators::load(), options);
    state.clock = session::now();
    for w in &warnings {
        state.notify(w.clone(), Severity::Warning);
    }
    let session = Session::open(dirs.data.as_deref(), state.clock);
    for (i, entry) in state.entries.iter().enumerate() {
        if let Some(offset) = session.position(store::position_key(&entry.article)) {
            state.positions.insert(i, offset);
        }
    }
    let report = session.report(None);
    warnings.extend(report.problems.iter().cloned());
    let effects = state.handle(Input::Store(report));
    debug_assert!(effects.is_empty());
    Ok(Setup {
        state,
        session,
        warnings,
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            let Setup {
                mut state,
                mut session,
                ..
            } = setup(&cli.paths, &cli.common)?;
            if let tui::run::Exit::Signal(n) =
                tui::run::run(&mut state, &mut session).context("terminal error")?
            {
                // The shell convention for "ended by signal n".
                return Ok(ExitCode::from((128 + n).clamp(0, 255) as u8));
            }
        }
        Some(Command::Render { size, keys, paths }) => {
            let keys = if keys.trim().is_empty() {
                Vec::new()
            } else {
                parse_sequence(&keys).with_context(|| format!("in --keys \"{keys}\""))?
            };
            let Setup {
                mut state,
                mut session,
                warnings,
            } = setup(&paths, &cli.common)?;
            for w in &warnings {
                eprintln!("dossier: {w}");
            }
            let buffer = tui::headless::render_buffer_with(&mut state, &mut session, size, &keys);
            print!("{}", tui::headless::buffer_text(&buffer));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    tui::run::install_panic_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::FAILURE
        }
    }
}
