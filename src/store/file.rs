//! On-disk formats and the file operations behind the store: versioned JSON reads that never
//! guess, backups of bad files, an exclusive lock file, and atomic writes (temporary file, sync,
//! rename, directory sync).

use super::Bookmark;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The format version this program reads and writes.
pub const VERSION: u64 = 1;

/// Name of the bookmarks file inside the data directory.
pub const BOOKMARKS_FILE: &str = "bookmarks.json";
/// Name of the reading positions file inside the data directory.
pub const POSITIONS_FILE: &str = "positions.json";
/// Name of the lock file guarding both data files.
pub const LOCK_FILE: &str = "bookmarks.lock";

/// `bookmarks.json`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct BookmarksFile {
    pub version: u64,
    pub bookmarks: Vec<Bookmark>,
}

/// A remembered reading position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset into the article text.
    pub offset: usize,
    /// When it was set (unix seconds).
    pub updated: i64,
}

/// `positions.json`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PositionsFile {
    pub version: u64,
    pub positions: BTreeMap<String, Position>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<serde_json::Value>,
}

/// What reading a data file gave.
pub(crate) enum Read<T> {
    /// The file does not exist yet.
    Missing,
    /// The file was read and understood.
    Loaded(T),
    /// The file exists but must not be touched; the message names the file and the problem.
    Bad(String),
}

/// Largest data file read: far more than any number of notes a person writes, and a bound on
/// what a wrong file (a link to a disk image, say) can make the reader allocate.
pub const MAX_DATA_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a versioned JSON file, refusing anything it does not fully understand, and anything but
/// a regular file (a named pipe or a device is refused without waiting or reading it).
pub(crate) fn read_versioned<T: DeserializeOwned>(path: &Path) -> Read<T> {
    let name = file_name(path);
    let bytes = match crate::ingest::read_regular_file(path, MAX_DATA_FILE_BYTES) {
        Ok(Ok(b)) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => return Read::Bad(format!("{name}: cannot be read: {e}")),
        Ok(Err(why)) => return Read::Bad(format!("{name}: cannot be read: {why}")),
    };
    match parse_versioned(&name, &bytes) {
        Ok(v) => Read::Loaded(v),
        Err(message) => Read::Bad(message),
    }
}

/// Parses the bytes of a versioned JSON file named `name`, refusing anything it does not fully
/// understand; the error names the file and the problem. Pure.
pub(crate) fn parse_versioned<T: DeserializeOwned>(name: &str, bytes: &[u8]) -> Result<T, String> {
    let head: VersionOnly = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) => return Err(format!("{name}: {}", describe(&e))),
    };
    match head.version.as_ref().and_then(serde_json::Value::as_u64) {
        None => return Err(format!("{name}: no numeric \"version\" field")),
        Some(v) if v > VERSION => {
            return Err(format!(
                "{name}: version {v} was written by a newer dossier (this one reads version \
                 {VERSION}); it is left as it is"
            ));
        }
        Some(_) => {}
    }
    serde_json::from_slice(bytes).map_err(|e| format!("{name}: {}", describe(&e)))
}

fn describe(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Data => format!("unexpected content: {e}"),
        serde_json::error::Category::Eof if e.line() == 1 && e.column() == 0 => {
            "the file is empty".to_string()
        }
        _ => format!("invalid JSON: {e}"),
    }
}

/// The last component of a path, for messages.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Keeps a copy of a bad file as `<name>.corrupt-<now>` and returns its path.
///
/// An existing backup with the same bytes is reused, so reopening a broken store does not pile
/// up copies. When the file cannot be read, it is renamed instead (its bytes stay intact).
pub(crate) fn backup(path: &Path, now: i64) -> Result<PathBuf, String> {
    let name = file_name(path);
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = format!("{name}.corrupt-");
    let read = crate::ingest::read_regular_file(path, MAX_DATA_FILE_BYTES)
        .and_then(|r| r.map_err(io::Error::other));
    match read {
        Ok(bytes) => {
            if let Ok(entries) = fs::read_dir(dir) {
                for entry in entries.flatten() {
                    let n = entry.file_name();
                    if n.to_string_lossy().starts_with(&stem)
                        && fs::read(entry.path()).is_ok_and(|b| b == bytes)
                    {
                        return Ok(entry.path());
                    }
                }
            }
            for k in 0..100 {
                let target = backup_name(dir, &stem, now, k);
                match OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&target)
                {
                    Ok(mut f) => {
                        return f
                            .write_all(&bytes)
                            .and_then(|()| f.sync_all())
                            .map(|()| target.clone())
                            .map_err(|e| {
                                let _ = fs::remove_file(&target);
                                format!("could not write backup {}: {e}", target.display())
                            });
                    }
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        return Err(format!("could not create backup {}: {e}", target.display()));
                    }
                }
            }
            Err(format!("could not find a free backup name for {name}"))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Err(format!("{name} disappeared before it could be backed up"))
        }
        Err(read_err) => {
            for k in 0..100 {
                let target = backup_name(dir, &stem, now, k);
                if target.exists() {
                    continue;
                }
                return fs::rename(path, &target)
                    .map(|()| target.clone())
                    .map_err(|e| {
                        format!(
                            "could not back up {name} (reading failed: {read_err}; renaming to {} \
                         failed: {e})",
                            target.display()
                        )
                    });
            }
            Err(format!("could not find a free backup name for {name}"))
        }
    }
}

fn backup_name(dir: &Path, stem: &str, now: i64, k: u32) -> PathBuf {
    if k == 0 {
        dir.join(format!("{stem}{now}"))
    } else {
        dir.join(format!("{stem}{now}-{k}"))
    }
}

/// An exclusive lock on the data directory, released when dropped.
pub(crate) struct DirLock {
    _file: File,
}

/// Takes the exclusive lock, waiting for other processes to release it.
pub(crate) fn lock(dir: &Path) -> io::Result<DirLock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    file.lock()?;
    Ok(DirLock { _file: file })
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates a new file `<stem>-<n><ext>` in `dir` (created if needed) that no other user can read
/// (mode 0600, never an existing file or a link followed), writes `bytes`, syncs it, and returns
/// its path.
pub(crate) fn write_new_private(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    for n in 0..1000u32 {
        let path = dir.join(format!("{stem}-{n}{ext}"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(mut f) => {
                let written = f.write_all(bytes).and_then(|()| f.sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("no free name for {stem}-N{ext}"),
    ))
}

/// Removes temporary files that [`write_atomic`] left in `dir` for `name` when its process was
/// killed mid-write (`.NAME.tmp-PID-N` of a process that no longer runs). Files of running
/// processes are left alone; so is anything that cannot be told apart.
pub(crate) fn remove_stale_temp_files(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<libc::pid_t>().ok())
        else {
            continue;
        };
        if pid > 0 && !process_exists(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// True unless the process certainly does not exist.
fn process_exists(pid: libc::pid_t) -> bool {
    if pid == std::process::id() as libc::pid_t {
        return true;
    }
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Where a write to `path` must go: when `path` is a symbolic link (say, to a file in a synced
/// folder), the file it leads to, so that the link stays a link; otherwise `path` itself.
fn write_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| {
            // A dangling link: write where it points, resolved against its directory.
            match fs::read_link(path) {
                Ok(target) => path.parent().unwrap_or(Path::new(".")).join(target),
                Err(_) => path.to_path_buf(),
            }
        }),
        _ => path.to_path_buf(),
    }
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same directory is written
/// and synced, renamed over the target, and the directory is synced. A symbolic link is written
/// through (the temporary file goes beside the file it leads to), and the file keeps its
/// permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = write_target(path);
    let path = target.as_path();
    let mode = fs::metadata(path).ok().map(|m| m.permissions());
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}-{}",
        file_name(path),
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Some(mode) = &mode {
            f.set_permissions(mode.clone())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // The rename is already done; a directory that cannot be synced (some file systems refuse)
    // only weakens durability after a power loss, so it is not reported as a failure.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
