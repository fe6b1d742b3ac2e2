//! The file-system edge of ingestion: the one directory walker ([`list_files`]) and the one file
//! loader ([`load_file`]). The indexer ([`crate::index`]) lists with the first and loads with the
//! second on its workers; [`load_paths`] runs both in sequence for callers that want articles
//! without analyses.
//!
//! This is the only IO in `ingest`. Must not import UI crates.

use super::{IngestError, LoadOptions, LoadReport, decode, parse_article};
use crate::model::Article;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The files found under some paths, in walking order, with what was skipped.
#[derive(Debug, Default)]
pub struct Listing {
    /// Each `.txt` or `.md` file once, with its metadata (symlinks followed).
    pub files: Vec<(PathBuf, fs::Metadata)>,
    /// One line per path or directory that could not be read.
    pub messages: Vec<String>,
    /// Files skipped because they are neither `.txt` nor `.md`.
    pub skipped_other: usize,
}

/// Lists every `.txt` and `.md` file under `paths` (files or directories, recursively).
///
/// Paths are taken in the order given and directory entries in sorted order; a file reached
/// twice (a symlink, a path given twice) is listed once and a symlink loop ends. A missing or
/// unreadable path is a message, not an error.
pub fn list_files(paths: &[PathBuf]) -> Listing {
    let mut walk = Walk::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) => walk.entry(path, meta),
            Err(e) => walk
                .listing
                .messages
                .push(top_level_error(path, e).to_string()),
        }
    }
    walk.listing
}

fn top_level_error(path: &Path, e: std::io::Error) -> IngestError {
    match e.kind() {
        ErrorKind::NotFound => IngestError::NotFound {
            path: path.to_path_buf(),
        },
        _ => IngestError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

#[derive(Default)]
struct Walk {
    listing: Listing,
    /// Directories already walked (device and inode), so symlink loops end. Not canonical
    /// paths: resolving one costs a system call per component, which made walking nested
    /// folders quadratic in their depth.
    dirs: HashSet<super::FileKey>,
    /// Files already listed, so a file reached twice is read once.
    files: HashSet<super::FileKey>,
}

impl Walk {
    fn entry(&mut self, path: &Path, meta: fs::Metadata) {
        if meta.is_dir() {
            self.dir(path, &meta);
        } else if has_text_extension(path) {
            if let Some(key) = super::FileKey::of(path, &meta)
                && !self.files.insert(key)
            {
                return;
            }
            self.listing.files.push((path.to_path_buf(), meta));
        } else {
            self.listing.skipped_other += 1;
        }
    }

    fn skip(&mut self, path: &Path, why: impl std::fmt::Display) {
        self.listing
            .messages
            .push(format!("skipped {}: {why}", path.display()));
    }

    fn dir(&mut self, dir: &Path, meta: &fs::Metadata) {
        if let Some(key) = super::FileKey::of(dir, meta)
            && !self.dirs.insert(key)
        {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.skip(dir, format_args!("cannot read directory: {e}")),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort_unstable();
        // One stat per entry, on all cores: on a large directory this is most of the walk.
        let metas: Vec<std::io::Result<fs::Metadata>> = paths
            .par_iter()
            .with_min_len(256)
            .map(fs::metadata)
            .collect();
        for (path, meta) in paths.iter().zip(metas) {
            match meta {
                Ok(meta) => self.entry(path, meta),
                Err(e) => self.skip(path, format_args!("cannot read: {e}")),
            }
        }
    }
}

/// What loading one listed file gave.
#[derive(Debug)]
pub struct LoadedFile {
    /// The article, unless the file was skipped.
    pub article: Option<Article>,
    /// Why it was skipped, or a warning about it (lossy decoding), naming the file.
    pub message: Option<String>,
}

/// Reads, decodes and parses one listed file of `len` bytes (from its listing, so the file is
/// not looked up again). Unreadable, binary, empty and too-large files are skipped with a
/// message.
pub fn load_file(path: &Path, len: u64, opts: &LoadOptions) -> LoadedFile {
    let skipped = |why: &dyn std::fmt::Display| LoadedFile {
        article: None,
        message: Some(format!("skipped {}: {why}", path.display())),
    };
    let max = opts.max_bytes;
    if len > max {
        return skipped(&format_args!(
            "file too large ({len} bytes, limit {max} bytes)"
        ));
    }
    let bytes = match read_regular_file(path, max) {
        Ok(Ok(b)) => b,
        Ok(Err(why)) => return skipped(&why),
        Err(e) => return skipped(&format_args!("cannot read: {e}")),
    };
    match decode(&bytes) {
        Ok(decoded) => LoadedFile {
            message: decoded.lossy.then(|| {
                format!(
                    "{}: invalid UTF-8, decoded with replacement characters",
                    path.display()
                )
            }),
            article: Some(parse_article(&path.display().to_string(), &decoded.text)),
        },
        Err(reason) => skipped(&reason),
    }
}

/// Loads every `.txt` and `.md` file under `paths`: [`list_files`], then [`load_file`] on each,
/// in listing order. A missing path is an error here.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<LoadReport, IngestError> {
    for path in paths {
        fs::metadata(path).map_err(|e| top_level_error(path, e))?;
    }
    let listing = list_files(paths);
    let mut report = LoadReport {
        articles: Vec::with_capacity(listing.files.len()),
        messages: listing.messages,
        skipped_other: listing.skipped_other,
    };
    for (path, meta) in &listing.files {
        let loaded = load_file(path, meta.len(), opts);
        report.messages.extend(loaded.message);
        report.articles.extend(loaded.article);
    }
    Ok(report)
}

/// Reads a regular file of at most `max` bytes. Named pipes, devices and sockets are refused
/// without blocking (a pipe named `x.txt` would otherwise wait for a writer forever), and a file
/// that grew past `max` since it was listed is refused rather than read to the end.
pub fn read_regular_file(path: &Path, max: u64) -> std::io::Result<Result<Vec<u8>, String>> {
    use std::io::Read;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Err(
            "not a regular file (a named pipe, device or socket)".to_string()
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(max)).unwrap_or(0));
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Ok(Err(format!(
            "file too large (over {max} bytes while being read)"
        )));
    }
    Ok(Ok(bytes))
}

/// True for the extensions read as articles: `.txt` and `.md`, any case.
pub fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}
