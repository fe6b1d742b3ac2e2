//! Ingestion: turns files and strings into [`Article`]s.
//!
//! `parse_*` functions are pure and work on `&str`; `walk` (the one directory walker,
//! [`list_files`], and the one file loader, [`load_file`]) is the only code that touches the
//! file system. Bytes are decoded by [`decode`] (BOM stripped, line endings
//! normalised to LF) before parsing so that every span points into [`Article::text`]. This module
//! must not import UI crates (`ratatui`, `crossterm`) or `directories`.

mod boilerplate;
mod decode;
mod frontmatter;
pub mod markdown;
mod markup;
mod parse;
mod walk;

use crate::model::{Article, ArticleId};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::{Path, PathBuf};

pub use decode::decode;
pub use parse::{paragraphs, parse_article, parse_raw};
pub use walk::{
    Listing, LoadedFile, has_text_extension, list_files, load_file, load_paths, read_regular_file,
};

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM stripped and line endings normalised to LF.
    pub text: String,
    /// True when the bytes were not valid UTF-8 and replacement characters were inserted.
    pub lossy: bool,
}

/// Why a file's content was not turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The content is empty or only whitespace.
    Empty,
    /// The content looks like binary data (NUL bytes or many control characters).
    Binary,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Binary => f.write_str("binary file"),
        }
    }
}

/// Limits applied while loading files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this many bytes are skipped.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// What loading a set of paths produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadReport {
    /// Articles in deterministic order.
    pub articles: Vec<Article>,
    /// One line per skipped or lossily decoded file, naming the file and the problem.
    pub messages: Vec<String>,
    /// Number of files skipped because they are neither `.txt` nor `.md`.
    pub skipped_other: usize,
}

/// Errors that stop loading altogether.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A path given to [`load_paths`] does not exist.
    #[error("no such file or directory: {}", path.display())]
    NotFound {
        /// The missing path as given.
        path: PathBuf,
    },
    /// A path given to [`load_paths`] exists but its metadata cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// What makes two paths the same file, so that a file reached twice (a symlink, a path given
/// twice) is read once: device and inode where the platform has them (no extra system call),
/// the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum FileKey {
    /// Device and inode numbers.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The canonical path.
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FileKey {
    /// The key of `path`, whose metadata (following symlinks) is `meta`.
    pub(crate) fn of(path: &Path, meta: &std::fs::Metadata) -> Option<FileKey> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            Some(FileKey::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            std::fs::canonicalize(path).ok().map(FileKey::Path)
        }
    }
}

/// Content hash of an article's text: the first 16 hex digits of its SHA-256.
pub fn article_id(text: &str) -> ArticleId {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    ArticleId(hex)
}

const SEEDS: [(&str, &str); 5] = [
    (
        "000_6e8e11dbbb9ce6cd.txt",
        include_str!("../../seeds/000_6e8e11dbbb9ce6cd.txt"),
    ),
    (
        "001_0e7700d99b7e3dd7.txt",
        include_str!("../../seeds/001_0e7700d99b7e3dd7.txt"),
    ),
    (
        "002_de619e2cc8ae4366.txt",
        include_str!("../../seeds/002_de619e2cc8ae4366.txt"),
    ),
    (
        "003_7f4a63d2e1c07776.txt",
        include_str!("../../seeds/003_7f4a63d2e1c07776.txt"),
    ),
    (
        "004_7e917bff9e613273.txt",
        include_str!("../../seeds/004_7e917bff9e613273.txt"),
    ),
];

/// The five bundled seed articles, parsed, in file-name order (source `seeds/<file name>`).
pub fn bundled() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(name, content)| {
            let text = match decode(content.as_bytes()) {
                Ok(d) => d.text,
                Err(_) => (*content).to_string(),
            };
            parse_article(&format!("seeds/{name}"), &text)
        })
        .collect()
}
