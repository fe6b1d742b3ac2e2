//! The file-system edge of ingestion: walks files and directories and loads articles.
//!
//! This is the only IO in `ingest`. Must not import UI crates.

use super::{IngestError, LoadOptions, LoadReport, decode, parse_article};
use std::collections::HashSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// Loads every `.txt` and `.md` file under `paths` (files or directories, recursively).
///
/// Paths are taken in the order given and directory entries in sorted order; unreadable, binary,
/// empty and too-large files are skipped with a message; files with other extensions, named or
/// found, are counted in `skipped_other`. A missing path is an error.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<LoadReport, IngestError> {
    let mut walker = Walker {
        opts,
        report: LoadReport::default(),
        dirs: HashSet::new(),
        files: HashSet::new(),
    };
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            ErrorKind::NotFound => IngestError::NotFound { path: path.clone() },
            _ => IngestError::Io {
                path: path.clone(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            walker.walk_dir(path);
        } else if has_text_extension(path) {
            walker.load_file(path, &meta);
        } else {
            walker.report.skipped_other += 1;
        }
    }
    Ok(walker.report)
}

struct Walker<'a> {
    opts: &'a LoadOptions,
    report: LoadReport,
    /// Directories already walked (device and inode), so symlink loops end. Not canonical
    /// paths: resolving one costs a system call per component, which made walking nested
    /// folders quadratic in their depth.
    dirs: HashSet<super::FileKey>,
    /// Canonical files already loaded, so a file reached twice is read once.
    files: HashSet<super::FileKey>,
}

impl Walker<'_> {
    fn skip(&mut self, path: &Path, why: impl std::fmt::Display) {
        self.report
            .messages
            .push(format!("skipped {}: {why}", path.display()));
    }

    fn walk_dir(&mut self, dir: &Path) {
        let key = match fs::metadata(dir) {
            Ok(meta) => super::FileKey::of(dir, &meta),
            Err(e) => return self.skip(dir, format_args!("cannot read directory: {e}")),
        };
        if let Some(key) = key
            && !self.dirs.insert(key)
        {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return self.skip(dir, format_args!("cannot read directory: {e}")),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk_dir(&path),
                Ok(meta) => {
                    if has_text_extension(&path) {
                        self.load_file(&path, &meta);
                    } else {
                        self.report.skipped_other += 1;
                    }
                }
                Err(e) => self.skip(&path, format_args!("cannot read: {e}")),
            }
        }
    }

    fn load_file(&mut self, path: &Path, meta: &fs::Metadata) {
        if let Some(key) = super::FileKey::of(path, meta)
            && !self.files.insert(key)
        {
            return;
        }
        let len = meta.len();
        let max = self.opts.max_bytes;
        if len > max {
            return self.skip(
                path,
                format_args!("file too large ({len} bytes, limit {max} bytes)"),
            );
        }
        let bytes = match read_regular_file(path, max) {
            Ok(Ok(b)) => b,
            Ok(Err(why)) => return self.skip(path, why),
            Err(e) => return self.skip(path, format_args!("cannot read: {e}")),
        };
        match decode(&bytes) {
            Ok(decoded) => {
                if decoded.lossy {
                    self.report.messages.push(format!(
                        "{}: invalid UTF-8, decoded with replacement characters",
                        path.display()
                    ));
                }
                let source = path.display().to_string();
                self.report
                    .articles
                    .push(parse_article(&source, &decoded.text));
            }
            Err(reason) => self.skip(path, reason),
        }
    }
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

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}
