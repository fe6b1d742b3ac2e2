//! The `dossier` binary: command-line parsing, paths from `directories`, loading, the terminal
//! guard and exit codes. Everything else lives in the library.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use dossier::corpus::Corpus;
use dossier::index::{self, Indexer};
use dossier::ingest::{self, LoadOptions};
use dossier::keymap::{Keymap, parse_keymap_file, parse_sequence};
use dossier::reflow::Hyphenators;
use dossier::session::{self, Session};
use dossier::state::{AppState, Input, Options, Severity};
use dossier::tui;
use serde::Deserialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod cli;
mod team_cli;

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
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_CONFIG_DIR")]
    config_dir: Option<PathBuf>,
    /// Data directory for bookmarks and notes (default: the platform's data dir for dossier).
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Start with mouse support on (wheel scrolls, click focuses and selects).
    #[arg(long, global = true)]
    mouse: bool,
    /// Largest article file read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = LoadOptions::default().max_bytes)]
    max_bytes: u64,
    /// Directory of the extraction cache and the log (default: the platform's cache dir).
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_CACHE_DIR")]
    cache_dir: Option<PathBuf>,
    /// Extract every article again instead of reading the cache.
    #[arg(long, global = true)]
    no_cache: bool,
    /// Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config).
    #[arg(long, global = true, value_name = "NAME|FILE")]
    theme: Option<String>,
    /// What to write to the log file: error, warn, info, debug, trace or a filter such as
    /// "dossier=debug".
    #[arg(long, global = true, value_name = "LEVEL", env = "DOSSIER_LOG",
          default_value = cli::logging::DEFAULT_LEVEL)]
    log_level: String,
    /// Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in
    /// config.toml). The password comes from PGPASSWORD or ~/.pgpass.
    #[arg(long, global = true, value_name = "URL", num_args = 0..=1, require_equals = true,
          default_missing_value = "")]
    team: Option<String>,
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
        /// Print colours and text attributes as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
        /// Articles to open (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Print the entities and claims of each file as JSON.
    Extract {
        /// Treat all of each file as body text (no metadata, no boilerplate removal).
        #[arg(long)]
        raw: bool,
        /// `json`: one pretty-printed object per file; `jsonl`: one compact object per line.
        #[arg(long, value_enum, default_value_t = JsonFormat::Json)]
        format: JsonFormat,
        /// Files and directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print groups of claims from different articles about the same thing, side by side. Exits
    /// with status 1 and a message on stderr when no two articles share a figure or an event.
    Compare {
        /// Markdown, JSON, or SVG (the comparison charts, one below the other, for a report).
        #[arg(long, value_enum, default_value_t = CompareFormat::Md)]
        format: CompareFormat,
        /// Articles to compare (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Print the dated events of all articles in date order.
    Timeline {
        /// JSON or Markdown.
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Only events involving this entity (canonical name).
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// Articles to read (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Rank palette candidates for a query and print them as TSV: kind, score, label, location.
    Find {
        /// Print every candidate label, one a line, instead of ranking.
        #[arg(long)]
        list: bool,
        /// Most results printed.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Only this kind: article, heading, entity, claim or bookmark.
        #[arg(long)]
        kind: Option<String>,
        /// The query (palette syntax); with --list, a path instead.
        query: Option<String>,
        /// Articles to search (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Index articles into the extraction cache, with progress on stderr.
    Index {
        /// Files and directories to index.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export bookmarks and notes, grouped by article, with citations.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = cli::export::Format::Md)]
        format: cli::export::Format,
        /// Write to this file instead of standard output (md: a directory gets a file per
        /// article).
        #[arg(long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
        /// Articles the bookmarks belong to (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Import W3C Web Annotations or Hypothesis API JSON as bookmarks; unmatched ones are kept
    /// as orphans.
    Import {
        /// Show what would be imported without storing anything.
        #[arg(long)]
        dry_run: bool,
        /// The annotation file (JSON or JSON-LD).
        file: PathBuf,
        /// Articles to place the annotations on (default: the bundled corpus).
        paths: Vec<PathBuf>,
    },
    /// Open the reader at a spot: ARTICLE[#OFFSET|#QUOTE], ARTICLE being a path, id or title.
    Open {
        /// ARTICLE, ARTICLE#OFFSET (a byte offset), ARTICLE#QUOTE, or a dossier://open/ link.
        target: String,
        /// The corpus (default: the article's file when ARTICLE is a path, else the bundled
        /// corpus).
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a directory.
    Man {
        /// Write dossier.1 and dossier-COMMAND.1 files here instead of printing dossier.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print the effective configuration with comments, or where files live.
    Config {
        /// Print the paths of the configuration, data, cache and log instead.
        #[arg(long)]
        paths: bool,
    },
    /// Sync bookmarks, notes and reading positions with the team server once and print counts.
    Sync,
    /// Put articles and their analyses on the team server (skips those already there), with
    /// progress on stderr.
    Publish {
        /// Connections used at once.
        #[arg(long, default_value_t = 2)]
        connections: usize,
        /// Files and directories to publish.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Query the team server: search, entities, sources, status, migrate.
    Team {
        #[command(subcommand)]
        what: TeamCommand,
    },
}

/// `dossier team …`.
#[derive(Subcommand, Debug)]
enum TeamCommand {
    /// Full text (German and English) and fuzzy title search over the published corpus: score,
    /// title, source, excerpt as TSV.
    Search {
        /// Most results printed.
        #[arg(long, default_value_t = 20)]
        limit: i64,
        /// Words, "a phrase", or, -excluded.
        query: String,
    },
    /// Entities by the number of articles naming them: kind, name, articles, mentions as TSV.
    Entities {
        /// Only this kind (person, organization, place, date, quantity, misc).
        #[arg(long)]
        kind: Option<String>,
        /// Only names similar to this one (case and accents ignored).
        #[arg(long)]
        name: Option<String>,
        /// Most rows printed.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Outlets by number of articles, with their date range, as TSV.
    Sources {
        /// Most rows printed.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Server, user, TLS, schema version and counts.
    Status,
    /// Bring the server's schema up to date (needs a user who may create tables).
    Migrate,
}

/// Output of `dossier extract`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum JsonFormat {
    /// Pretty-printed, one object per file.
    Json,
    /// One compact object per line.
    Jsonl,
}

/// Output of `dossier export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    /// Markdown.
    Md,
    /// JSON.
    Json,
}

/// Output of `dossier compare`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CompareFormat {
    /// Markdown tables.
    Md,
    /// JSON.
    Json,
    /// An SVG document with each group's chart.
    Svg,
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
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Config {
    /// Start with mouse support on.
    mouse: bool,
    /// Scroll with terminal scroll regions (off: every scroll redraws the pane).
    scroll_regions: bool,
    /// Colour theme: a built-in name or the path of a theme file.
    theme: Option<String>,
    /// The team server.
    team: dossier::team::TeamConfig,
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

struct Dirs {
    config: Option<PathBuf>,
    data: Option<PathBuf>,
    cache: Option<PathBuf>,
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
struct Setup {
    state: AppState,
    session: Session,
    warnings: Vec<String>,
    /// Background indexing still running (interactive reading of user paths).
    indexer: Option<Indexer>,
}

/// Whether to wait for indexing before showing anything.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    /// Index first (non-interactive commands).
    Wait,
    /// Open at once and fill the list as articles arrive.
    Background,
}

/// Starts indexing user paths, after checking that each one exists.
fn start_indexer(paths: &[PathBuf], common: &Common, dirs: &Dirs) -> Result<Indexer> {
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
fn corpus(
    paths: &[PathBuf],
    common: &Common,
    dirs: &Dirs,
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
    let loaded = index::load(paths, options, dirs.cache.clone());
    warnings.extend(loaded.messages);
    if loaded.corpus.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no readable articles in {}", shown.join(", "));
    }
    Ok(loaded.corpus)
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

/// Largest keymap or configuration file read: such files are a few kilobytes.
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Reads a keymap or configuration file as the article loader reads articles: a regular file
/// only (a named pipe or a device is refused at once instead of blocking or filling memory),
/// at most [`MAX_SETTINGS_BYTES`], UTF-8.
fn read_settings_file(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = ingest::read_regular_file(path, MAX_SETTINGS_BYTES)?
        .map_err(|why| std::io::Error::new(std::io::ErrorKind::InvalidData, why))?;
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not UTF-8 text (a keymap or config file must be UTF-8)",
        )
    })
}

fn load_config(dirs: &Dirs, warnings: &mut Vec<String>) -> Config {
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

fn setup(paths: &[PathBuf], common: &Common, loading: Loading) -> Result<Setup> {
    let dirs = dirs(common);
    let mut warnings = Vec::new();
    // Settings first: a keymap that cannot be read fails before any article is read.
    let mut settings_warnings = Vec::new();
    let keymap = load_keymap(common, &dirs, &mut settings_warnings)?;
    let config = load_config(&dirs, &mut settings_warnings);
    let (corpus, indexer) = if loading == Loading::Background && !paths.is_empty() {
        (
            Corpus::default(),
            Some(start_indexer(paths, common, &dirs)?),
        )
    } else {
        (corpus(paths, common, &dirs, &mut warnings)?, None)
    };
    warnings.extend(settings_warnings);
    let colors = cli::config::load_theme(common, &dirs, &config, &mut warnings);
    let options = Options {
        no_color: !dossier::colors::use_color(
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("CLICOLOR_FORCE").ok().as_deref(),
        ),
        mouse: common.mouse || config.mouse,
        scroll_regions: config.scroll_regions,
    };
    let mut state = AppState::new(corpus, keymap, Hyphenators::load(), options);
    state.colors = colors;
    if indexer.is_some() {
        state.start_indexing();
    }
    state.clock = session::now();
    state.in_tmux = std::env::var_os("TMUX").is_some();
    for w in &warnings {
        tracing::warn!("{w}");
        state.notify(w.clone(), Severity::Warning);
    }
    let mut session = Session::open(dirs.data.as_deref(), state.clock);
    // A rescue file goes to the data directory, else the cache directory.
    if let Some(cache) = common.cache_dir.clone().or_else(|| {
        directories::ProjectDirs::from("", "", "dossier").map(|p| p.cache_dir().to_path_buf())
    }) {
        session = session.with_rescue_dir(cache);
    }
    state.positions = session.positions();
    let report = session.report(None);
    for p in &report.problems {
        tracing::warn!("{p}");
    }
    warnings.extend(report.problems.iter().cloned());
    let effects = state.handle(Input::Store(report));
    debug_assert!(effects.is_empty());
    Ok(Setup {
        state,
        session,
        warnings,
        indexer,
    })
}

/// `dossier extract`: one JSON object per readable file, in path order, analysed by the one
/// pipeline (so the reader shows the same); unreadable ones are reported on stderr and make the
/// exit status 1, the others are still printed.
fn extract(paths: &[PathBuf], raw: bool, format: JsonFormat, common: &Common) -> Result<ExitCode> {
    let options = LoadOptions {
        max_bytes: common.max_bytes,
    };
    let loaded = index::load(paths, options, dirs(common).cache);
    for m in &loaded.messages {
        warn(m);
    }
    let mut failed = false;
    for path in paths {
        let found = loaded
            .corpus
            .articles()
            .any(|a| std::path::Path::new(&a.source).starts_with(path));
        if !found {
            failed = true;
            // A missing path has been named already.
            if std::fs::symlink_metadata(path).is_ok() {
                warn(&format!("{}: no readable article", path.display()));
            }
        }
    }
    let corpus = if raw {
        // The whole file as body text: a different analysis, made here and not cached.
        Corpus::analysed(
            loaded
                .corpus
                .articles()
                .map(|a| ingest::parse_raw(&a.source, &a.text))
                .collect(),
        )
    } else {
        loaded.corpus
    };
    let mut out = std::io::stdout().lock();
    for entry in corpus.iter() {
        let (article, analysis) = (&entry.article, &entry.analysis);
        let value = dossier::extract::to_json(&article.source, article, analysis, !raw);
        let text = match format {
            JsonFormat::Json => dossier::sanitize::to_json_pretty(&value)?,
            JsonFormat::Jsonl => dossier::sanitize::to_json_line(&value)?,
        };
        writeln!(out, "{text}")?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes through a temporary file in the same directory and a rename, so a reader of `path`
/// never sees half a file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

/// The articles of the corpus, loaded through the same pipeline, for commands that place
/// bookmarks on them (export, import). Messages met on the way go to `warnings`.
fn load_corpus(
    paths: &[PathBuf],
    common: &Common,
    warnings: &mut Vec<String>,
) -> Result<Vec<dossier::model::Article>> {
    let corpus = corpus(paths, common, &dirs(common), warnings)?;
    Ok(corpus
        .into_entries()
        .into_iter()
        .map(|e| e.article)
        .collect())
}

/// The analysed corpus for the non-interactive commands, skipped files reported on stderr.
fn analysed(paths: &[PathBuf], common: &Common) -> Result<Corpus> {
    let mut warnings = Vec::new();
    let corpus = corpus(paths, common, &dirs(common), &mut warnings)?;
    for w in &warnings {
        warn(w);
    }
    Ok(corpus)
}

fn print_output(
    format: ExportFormat,
    json: impl FnOnce() -> serde_json::Value,
    md: impl FnOnce() -> String,
) -> Result<()> {
    let text = match format {
        ExportFormat::Json => dossier::sanitize::to_json_pretty(&json())? + "\n",
        ExportFormat::Md => dossier::sanitize::defuse(&md()).into_owned(),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// `dossier compare`: the claim groups as Markdown, JSON or SVG; status 1 when there are none.
fn compare(format: CompareFormat, paths: &[PathBuf], common: &Common) -> Result<ExitCode> {
    let corpus = analysed(paths, common)?;
    let groups = dossier::corpus::compare::groups(&corpus);
    if groups.is_empty() {
        let claims: usize = corpus.analyses().map(|a| a.claims.len()).sum();
        eprintln!(
            "dossier: no claim groups: none of the {claims} claims in {} article(s) shares a \
             figure or a dated event with a claim of another article",
            corpus.len()
        );
        return Ok(ExitCode::from(1));
    }
    let text = match format {
        CompareFormat::Json => {
            dossier::sanitize::to_json_pretty(&dossier::corpus::compare::to_json(&groups, &corpus))?
                + "\n"
        }
        CompareFormat::Md => {
            dossier::sanitize::defuse(&dossier::corpus::compare::to_markdown(&groups, &corpus))
                .into_owned()
        }
        CompareFormat::Svg => {
            let charts: Vec<_> = groups
                .iter()
                .map(dossier::corpus::compare::chart::chart)
                .collect();
            dossier::sanitize::defuse(&dossier::corpus::compare::svg::to_svg(&charts)).into_owned()
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `dossier find`: the palette's ranking, scriptable.
fn find(
    list: bool,
    limit: usize,
    kind: Option<&str>,
    query: Option<String>,
    mut paths: Vec<PathBuf>,
    common: &Common,
) -> Result<()> {
    let kind = match kind {
        Some(k) => Some(
            dossier::search::CandidateKind::from_name(k).with_context(|| {
                format!("unknown kind '{k}' (valid: article, heading, entity, claim, bookmark)")
            })?,
        ),
        None => None,
    };
    let query = match (list, query) {
        (true, Some(q)) => {
            paths.insert(0, PathBuf::from(q));
            String::new()
        }
        (_, q) => q.unwrap_or_default(),
    };
    let Setup {
        state, warnings, ..
    } = setup(&paths, common, Loading::Wait)?;
    for w in &warnings {
        warn(w);
    }
    let candidates: Vec<_> = state
        .palette_candidates_without_details()
        .into_iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let clean = |s: &str| dossier::reflow::sanitize(s).replace(['\t', '\n'], " ");
    if list {
        for c in &candidates {
            writeln!(out, "{}", clean(&c.label))?;
        }
        return Ok(out.flush()?);
    }
    let index = dossier::search::SearchIndex::new(candidates);
    let result = index.query(&query, limit);
    for hit in &result.hits {
        let Some(c) = index.candidate(hit.candidate) else {
            continue;
        };
        let source = state
            .corpus
            .get(c.article)
            .map(|e| e.article.source.as_str())
            .unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}\t{}:{}",
            c.kind.name(),
            hit.score,
            clean(&c.label),
            clean(source),
            c.offset
        )?;
    }
    out.flush()?;
    // The process ends here: freeing a corpus' worth of small allocations one by one would
    // only delay the exit.
    std::mem::forget(index);
    std::mem::forget(state);
    Ok(())
}

/// `dossier index`: fills the extraction cache, with a progress bar on stderr when it is a
/// terminal and a summary line at the end.
fn index(paths: &[PathBuf], common: &Common) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let dirs = dirs(common);
    let started = std::time::Instant::now();
    let mut indexer = start_indexer(paths, common, &dirs)?;
    let mut articles = 0usize;
    let mut last_progress = None;
    let mut last = std::time::Instant::now();
    let mut err = std::io::stderr();
    let bar = err.is_terminal();
    while let Some(event) = indexer.recv() {
        match event {
            dossier::index::IndexEvent::Articles(batch)
            | dossier::index::IndexEvent::Snapshot { entries: batch, .. } => {
                articles += batch.len()
            }
            dossier::index::IndexEvent::Message(m) => {
                if bar {
                    let _ = write!(err, "\r\x1b[2K");
                }
                warn(&m);
            }
            dossier::index::IndexEvent::Progress(p) => {
                last_progress = Some(p);
                if bar && last.elapsed().as_millis() > 100 {
                    last = std::time::Instant::now();
                    let total = p.total.max(1);
                    let width = 30;
                    let filled = (p.done * width / total).min(width);
                    let eta = p
                        .eta()
                        .map(|d| format!(" ETA {}s", d.as_secs()))
                        .unwrap_or_default();
                    let _ = write!(
                        err,
                        "\r[{}{}] {}/{} {:.1} MB/s {} cached{eta}  ",
                        "#".repeat(filled),
                        "-".repeat(width - filled),
                        p.done,
                        p.total,
                        p.mb_per_s(),
                        p.cache_hits
                    );
                }
            }
            dossier::index::IndexEvent::Done => break,
            _ => {}
        }
    }
    if bar {
        let _ = write!(err, "\r\x1b[2K");
    }
    let secs = started.elapsed().as_secs_f64();
    let (cached, mb) = last_progress.map_or((0, 0.0), |p| (p.cache_hits, p.bytes as f64 / 1e6));
    eprintln!(
        "indexed {articles} article(s), {cached} cached, {mb:.1} MB in {secs:.2} s ({:.1} MB/s)",
        if secs > 0.0 { mb / secs } else { 0.0 }
    );
    Ok(if articles == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Settings for the team server from `--team` and config.toml.
fn team_settings(common: &Common) -> Result<dossier::team::Settings> {
    let mut warnings = Vec::new();
    let config = load_config(&dirs(common), &mut warnings);
    for w in &warnings {
        eprintln!("dossier: {w}");
    }
    team_cli::settings(common.team.as_deref(), &config.team)
}

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
        }) => find(list, limit, kind.as_deref(), query, paths, &cli.common)?,
        Some(Command::Index { paths }) => return index(&paths, &cli.common),
        Some(Command::Compare { format, paths }) => {
            return compare(format, &paths, &cli.common);
        }
        Some(Command::Timeline {
            format,
            entity,
            paths,
        }) => {
            let corpus = analysed(&paths, &cli.common)?;
            let mut events = dossier::corpus::timeline::events(&corpus);
            if let Some(name) = &entity {
                events = dossier::corpus::timeline::filter_by_entity(&events, name);
            }
            print_output(
                format,
                || dossier::corpus::timeline::to_json(&events, &corpus),
                || dossier::corpus::timeline::to_markdown(&events, &corpus),
            )?;
        }
        Some(Command::Extract { raw, format, paths }) => {
            return extract(&paths, raw, format, &cli.common);
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
            let Setup {
                mut state,
                mut session,
                indexer,
                ..
            } = setup(&cli.paths, &cli.common, Loading::Background)?;
            let team = team_cli::syncer(
                &cli.common.team,
                &load_config(&dirs(&cli.common), &mut Vec::new()).team,
                dirs(&cli.common).data,
            );
            let exit = tui::run::run_with_team(&mut state, &mut session, indexer, team?)
                .context("terminal error")?;
            for line in &state.farewell {
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
        }) => {
            let keys = if keys.trim().is_empty() {
                Vec::new()
            } else {
                parse_sequence(&keys).with_context(|| format!("in --keys \"{keys}\""))?
            };
            let Setup {
                mut state,
                mut session,
                warnings,
                ..
            } = setup(&paths, &cli.common, Loading::Wait)?;
            for w in &warnings {
                warn(w);
            }
            let buffer = tui::headless::render_buffer_with(&mut state, &mut session, size, &keys);
            if ansi {
                print!("{}", tui::headless::buffer_ansi(&buffer));
            } else {
                print!("{}", tui::headless::buffer_text(&buffer));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a message on standard error as one line, defused: it may carry file names, keymap
/// values or article text, none of which may act on the terminal.
pub(crate) fn warn(message: &str) {
    eprintln!("dossier: {}", dossier::sanitize::defuse_line(message));
}

/// Extraction, loading and search make many small allocations from several threads at once;
/// mimalloc serves them from per-thread pages instead of growing glibc's arenas a page at a time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    use clap::FromArgMatches;
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
