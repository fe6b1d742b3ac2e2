//! What every command prepares before it runs: the platform directories, the configuration and
//! keymap files, and the corpus through the one loading pipeline ([`index::load`]), with the
//! warnings met on the way.

use super::args::Common;
use crate::warn;
use anyhow::{Context, Result, bail};
use dossier::corpus::Corpus;
use dossier::index::{self, Indexer};
use dossier::ingest::{self, LoadOptions};
use dossier::keymap::{Keymap, parse_keymap_file};
use dossier::reflow::Hyphenators;
use dossier::session::{self, Session};
use dossier::state::{AppState, Input, Options, Severity};
use serde::Deserialize;
use std::path::PathBuf;

/// `config.toml` in the configuration directory.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Config {
    /// Start with mouse support on.
    pub(crate) mouse: bool,
    /// Scroll with terminal scroll regions (off: every scroll redraws the pane).
    pub(crate) scroll_regions: bool,
    /// Colour theme: a built-in name or the path of a theme file.
    pub(crate) theme: Option<String>,
    /// The team server.
    pub(crate) team: dossier::team::TeamConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mouse: false,
            scroll_regions: true,
            theme: None,
            team: dossier::team::TeamConfig::default(),
        }
    }
}

pub(crate) struct Dirs {
    pub(crate) config: Option<PathBuf>,
    pub(crate) data: Option<PathBuf>,
    pub(crate) cache: Option<PathBuf>,
}

pub(crate) fn dirs(common: &Common) -> Dirs {
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
        cache: if common.no_cache {
            None
        } else {
            common
                .cache_dir
                .clone()
                .or_else(|| project.as_ref().map(|p| p.cache_dir().join("analyses")))
        },
    }
}

/// Everything prepared before the UI starts, with the warnings met on the way.
pub(crate) struct Setup {
    pub(crate) state: AppState,
    pub(crate) session: Session,
    pub(crate) warnings: Vec<String>,
    /// Background indexing still running (interactive reading of user paths).
    pub(crate) indexer: Option<Indexer>,
    /// Work to start with the reader (the first fetches from the team server with
    /// `--published`).
    pub(crate) start: Vec<dossier::state::Effect>,
}

/// Whether to wait for indexing before showing anything.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loading {
    /// Index first (non-interactive commands).
    Wait,
    /// Index first, then store the palette labels for the next `find` (`find` itself).
    WaitStoringLabels,
    /// Open at once and fill the list as articles arrive.
    Background,
}

/// Starts indexing user paths, after checking that each one exists.
pub(crate) fn start_indexer(paths: &[PathBuf], common: &Common, dirs: &Dirs) -> Result<Indexer> {
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            bail!("no such file or directory: {}", path.display());
        }
    }
    let options = LoadOptions {
        max_bytes: common.max_bytes,
    };
    Ok(Indexer::start(paths.to_vec(), options, dirs.cache.clone()))
}

/// The analysed corpus through the one pipeline ([`index::load`]): the bundled one, or user
/// paths indexed now (cache and snapshot first). Messages met on the way go to `warnings`; a
/// corpus with no readable article is an error.
pub(crate) fn corpus(
    paths: &[PathBuf],
    common: &Common,
    dirs: &Dirs,
    store_labels: bool,
    warnings: &mut Vec<String>,
) -> Result<Corpus> {
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            bail!("no such file or directory: {}", path.display());
        }
    }
    let options = LoadOptions {
        max_bytes: common.max_bytes,
    };
    let loaded = if store_labels {
        index::load_storing_labels(paths, options, dirs.cache.clone())
    } else {
        index::load(paths, options, dirs.cache.clone())
    };
    warnings.extend(loaded.messages);
    if loaded.corpus.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no readable articles in {}", shown.join(", "));
    }
    Ok(loaded.corpus)
}

pub(crate) fn load_keymap(
    common: &Common,
    dirs: &Dirs,
    warnings: &mut Vec<String>,
) -> Result<Keymap> {
    let mut keymap = Keymap::builtin();
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    if let Some(dir) = &dirs.config {
        files.push((dir.join("keymap.toml"), false));
    }
    if let Some(path) = &common.keymap {
        files.push((path.clone(), true));
    }
    for (path, required) in files {
        let text = match read_settings_file(&path) {
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

/// Connections kept open for the reader's fetches from the team server with `--published`.
const PUBLISHED_CONNECTIONS: usize = 4;

/// Largest keymap or configuration file read: such files are a few kilobytes.
pub(crate) const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads a keymap or configuration file as the article loader reads articles: a regular file
/// only (a named pipe or a device is refused at once instead of blocking or filling memory),
/// at most [`MAX_SETTINGS_BYTES`], UTF-8.
pub(crate) fn read_settings_file(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = ingest::read_regular_file(path, MAX_SETTINGS_BYTES)?
        .map_err(|why| std::io::Error::new(std::io::ErrorKind::InvalidData, why))?;
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not UTF-8 text (a keymap or config file must be UTF-8)",
        )
    })
}

pub(crate) fn load_config(dirs: &Dirs, warnings: &mut Vec<String>) -> Config {
    let Some(path) = dirs.config.as_ref().map(|d| d.join("config.toml")) else {
        return Config::default();
    };
    match read_settings_file(&path) {
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

pub(crate) fn setup(paths: &[PathBuf], common: &Common, loading: Loading) -> Result<Setup> {
    let dirs = dirs(common);
    let mut warnings = Vec::new();
    // Settings first: a keymap that cannot be read fails before any article is read.
    let mut settings_warnings = Vec::new();
    let keymap = load_keymap(common, &dirs, &mut settings_warnings)?;
    let config = load_config(&dirs, &mut settings_warnings);
    if common.published && !paths.is_empty() {
        bail!("--published reads the corpus on the team server; give no PATH");
    }
    let (corpus, indexer) = if common.published {
        (Corpus::default(), None)
    } else if loading == Loading::Background && !paths.is_empty() {
        (
            Corpus::default(),
            Some(start_indexer(paths, common, &dirs)?),
        )
    } else {
        let store = loading == Loading::WaitStoringLabels;
        (corpus(paths, common, &dirs, store, &mut warnings)?, None)
    };
    warnings.extend(settings_warnings);
    let colors = super::config::load_theme(common, &dirs, &config, &mut warnings);
    let options = Options {
        no_color: !dossier::colors::use_color(
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("CLICOLOR_FORCE").ok().as_deref(),
        ),
        mouse: common.mouse || config.mouse,
        scroll_regions: config.scroll_regions,
    };
    let mut state = AppState::new(corpus, keymap, Hyphenators::load(), options);
    state.screen.colors = colors;
    if indexer.is_some() {
        state.start_indexing();
    }
    state.time.now = session::now();
    state.screen.in_tmux = std::env::var_os("TMUX").is_some();
    for w in &warnings {
        tracing::warn!("{w}");
        state.notify(w.clone(), Severity::Warning);
    }
    let mut session = Session::open(dirs.data.as_deref(), state.time.now);
    // A rescue file goes to the data directory, else the cache directory.
    if let Some(cache) = common.cache_dir.clone().or_else(|| {
        directories::ProjectDirs::from("", "", "dossier").map(|p| p.cache_dir().to_path_buf())
    }) {
        session = session.with_rescue_dir(cache);
    }
    state.saved.positions = session.positions();
    let report = session.report(None);
    for p in &report.problems {
        tracing::warn!("{p}");
    }
    warnings.extend(report.problems.iter().cloned());
    let effects = state.handle(Input::Store(report));
    debug_assert!(effects.is_empty());
    let start = if common.published {
        let settings = super::team::settings(common.team.as_deref(), &config.team)?;
        let pool = dossier::team::Pool::new(settings, PUBLISHED_CONNECTIONS);
        state.read_published(dossier::team::paged::Remote::new(pool))
    } else {
        Vec::new()
    };
    Ok(Setup {
        state,
        session,
        warnings,
        indexer,
        start,
    })
}

/// The articles of the corpus, loaded through the same pipeline, for commands that place
/// bookmarks on them (export, import). Messages met on the way go to `warnings`.
pub(crate) fn load_corpus(
    paths: &[PathBuf],
    common: &Common,
    warnings: &mut Vec<String>,
) -> Result<Vec<dossier::model::Article>> {
    let corpus = corpus(paths, common, &dirs(common), false, warnings)?;
    Ok(corpus
        .into_pairs()
        .into_iter()
        .map(|(article, _)| article)
        .collect())
}

/// The analysed corpus for the non-interactive commands, skipped files reported on stderr.
pub(crate) fn analysed(paths: &[PathBuf], common: &Common) -> Result<Corpus> {
    let mut warnings = Vec::new();
    let corpus = corpus(paths, common, &dirs(common), false, &mut warnings)?;
    for w in &warnings {
        warn(w);
    }
    Ok(corpus)
}

/// Settings for the team server from `--team` and config.toml.
pub(crate) fn team_settings(common: &Common) -> Result<dossier::team::Settings> {
    let mut warnings = Vec::new();
    let config = load_config(&dirs(common), &mut warnings);
    for w in &warnings {
        eprintln!("dossier: {w}");
    }
    super::team::settings(common.team.as_deref(), &config.team)
}
