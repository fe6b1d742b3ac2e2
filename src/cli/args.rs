//! The command line: the reader's arguments, the options every command shares, and the
//! subcommands, as clap derives them.

use clap::{Args, Parser, Subcommand};
use dossier::ingest::LoadOptions;
use std::path::PathBuf;

/// A keyboard-driven terminal reader for news and analysis articles.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    #[command(flatten)]
    pub(crate) common: Common,
    /// Articles to open: files and directories (searched recursively for .txt and .md). With none,
    /// the bundled corpus opens.
    pub(crate) paths: Vec<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct Common {
    /// Keymap file applied over the default keymap, action by action.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) keymap: Option<PathBuf>,
    /// Configuration directory (default: the platform's config dir for dossier).
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_CONFIG_DIR")]
    pub(crate) config_dir: Option<PathBuf>,
    /// Data directory for bookmarks and notes (default: the platform's data dir for dossier).
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// Start with mouse support on (wheel scrolls, click focuses and selects).
    #[arg(long, global = true)]
    pub(crate) mouse: bool,
    /// Largest article file read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = LoadOptions::default().max_bytes)]
    pub(crate) max_bytes: u64,
    /// Directory of the extraction cache and the log (default: the platform's cache dir).
    #[arg(long, global = true, value_name = "DIR", env = "DOSSIER_CACHE_DIR")]
    pub(crate) cache_dir: Option<PathBuf>,
    /// Extract every article again instead of reading the cache.
    #[arg(long, global = true)]
    pub(crate) no_cache: bool,
    /// Colour theme: dark, light, high-contrast, 16-colour or a theme file (overrides config).
    #[arg(long, global = true, value_name = "NAME|FILE")]
    pub(crate) theme: Option<String>,
    /// What to write to the log file: error, warn, info, debug, trace or a filter such as
    /// "dossier=debug".
    #[arg(long, global = true, value_name = "LEVEL", env = "DOSSIER_LOG",
          default_value = super::logging::DEFAULT_LEVEL)]
    pub(crate) log_level: String,
    /// Team server: `--team=postgres://host/db` (or `--team` alone for [team] url in
    /// config.toml). The password comes from PGPASSWORD or ~/.pgpass.
    #[arg(long, global = true, value_name = "URL", num_args = 0..=1, require_equals = true,
          default_missing_value = "")]
    pub(crate) team: Option<String>,
    /// Read the corpus published on the team server instead of local files: the list pages
    /// through the server, search and views run as SQL (needs --team or [team] url; no PATH).
    #[arg(long, global = true)]
    pub(crate) published: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
        #[arg(long, value_enum, default_value_t = super::export::Format::Md)]
        format: super::export::Format,
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
pub(crate) enum TeamCommand {
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
pub(crate) enum JsonFormat {
    /// Pretty-printed, one object per file.
    Json,
    /// One compact object per line.
    Jsonl,
}

/// Output of `dossier export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExportFormat {
    /// Markdown.
    Md,
    /// JSON.
    Json,
}

/// Output of `dossier compare`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompareFormat {
    /// Markdown tables.
    Md,
    /// JSON.
    Json,
    /// An SVG document with each group's chart.
    Svg,
}

pub(crate) fn parse_size(text: &str) -> Result<(u16, u16), String> {
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
