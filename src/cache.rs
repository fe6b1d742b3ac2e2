//! The per-article extraction cache: one [`Analysis`] per article id and extractor version.
//!
//! Layout, under the directory passed to [`Cache::open`]:
//!
//! ```text
//! v<EXTRACTOR_VERSION>/<first two hex digits of the id>/<id>.json
//! ```
//!
//! One small file per article keeps writes independent (workers on several threads write at
//! once without a lock) and makes [`Cache::prune`] a directory walk; the 256 shards keep each
//! directory small. Each file is a JSON object `{"version", "id", "analysis"}`: an entry whose
//! version or id does not match, or that does not parse (truncated, corrupt), is treated as
//! missing and rebuilt, never as an error. Writes go to a temporary file in the same shard and
//! are renamed into place, so a reader never sees half an entry. The analysis cached is the
//! per-article one from [`crate::extract::analyze`], before cross-article canonicalisation
//! (which depends on the whole corpus; see [`crate::index`]).
//!
//! Paths are passed in; this module must not import `ratatui`, `crossterm` or `directories`.

use crate::extract::EXTRACTOR_VERSION;
use crate::model::{Analysis, ArticleId};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Errors of the cache's file operations. Reads never fail: a bad entry is a miss.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// A file or directory of the cache could not be created, written, renamed or removed.
    #[error("cache {}: {source}", path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The id is not a plain hex string, so it cannot name a cache file.
    #[error("invalid article id for the cache: {0:?}")]
    InvalidId(String),
}

/// One cache file's content, as written.
#[derive(Serialize)]
struct EntryRef<'a> {
    version: u32,
    id: &'a str,
    analysis: &'a Analysis,
}

/// One cache file's content, as read.
#[derive(Deserialize)]
struct EntryOwned {
    version: u32,
    id: String,
    analysis: Analysis,
}

/// The extraction cache in one directory.
#[derive(Debug)]
pub struct Cache {
    /// The versioned root, `<dir>/v<EXTRACTOR_VERSION>`.
    root: PathBuf,
    /// Numbers temporary files so that concurrent writers never share one.
    tmp_counter: AtomicU64,
}

/// True for ids that are safe as file names: ASCII hex digits only, at least 3 of them.
fn is_valid_id(id: &str) -> bool {
    id.len() >= 3 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Cache {
    /// Opens (creating if needed) the cache under `dir`.
    pub fn open(dir: &Path) -> Result<Cache, CacheError> {
        let root = dir.join(format!("v{EXTRACTOR_VERSION}"));
        fs::create_dir_all(&root).map_err(|source| CacheError::Io {
            path: root.clone(),
            source,
        })?;
        Ok(Cache {
            root,
            tmp_counter: AtomicU64::new(0),
        })
    }

    /// The directory holding this extractor version's entries.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the entry for `id` lives, or `None` for an id that cannot name a file.
    fn entry_path(&self, id: &str) -> Option<PathBuf> {
        is_valid_id(id).then(|| self.root.join(&id[..2]).join(format!("{id}.json")))
    }

    /// The cached analysis of article `id`, or `None` when absent, unreadable, corrupt,
    /// truncated, or written by another extractor version or for another id.
    pub fn get(&self, id: &ArticleId) -> Option<Analysis> {
        let path = self.entry_path(&id.0)?;
        let bytes = fs::read(path).ok()?;
        let entry: EntryOwned = serde_json::from_slice(&bytes).ok()?;
        (entry.version == EXTRACTOR_VERSION && entry.id == id.0).then_some(entry.analysis)
    }

    /// Stores the analysis of article `id`, atomically replacing any previous entry.
    pub fn put(&self, id: &ArticleId, analysis: &Analysis) -> Result<(), CacheError> {
        let path = self
            .entry_path(&id.0)
            .ok_or_else(|| CacheError::InvalidId(id.0.clone()))?;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CacheError::Io { path, source }
        };
        let shard = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(shard).map_err(io(shard))?;
        let entry = EntryRef {
            version: EXTRACTOR_VERSION,
            id: &id.0,
            analysis,
        };
        let json = serde_json::to_vec(&entry).map_err(|e| CacheError::Io {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        let n = self.tmp_counter.fetch_add(1, Ordering::Relaxed);
        let tmp = shard.join(format!(".{}.{}.{n}.tmp", id.0, std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&json)?;
            Ok(())
        };
        if let Err(source) = write() {
            let _ = fs::remove_file(&tmp);
            return Err(CacheError::Io { path: tmp, source });
        }
        fs::rename(&tmp, &path).map_err(|source| {
            let _ = fs::remove_file(&tmp);
            CacheError::Io {
                path: path.clone(),
                source,
            }
        })
    }

    /// Removes every entry whose id is not in `live` (articles deleted or changed since they
    /// were cached), stray temporary files, and the directories of other extractor versions.
    /// Returns the number of files removed.
    pub fn prune(&self, live: &HashSet<ArticleId>) -> Result<usize, CacheError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CacheError::Io { path, source }
        };
        let mut removed = 0;
        if let Some(parent) = self.root.parent()
            && let Ok(rd) = fs::read_dir(parent)
        {
            for e in rd.flatten() {
                let p = e.path();
                let name = e.file_name();
                let name = name.to_string_lossy();
                let is_version_dir = name.len() > 1
                    && name.starts_with('v')
                    && name[1..].bytes().all(|b| b.is_ascii_digit());
                if is_version_dir && p != self.root && p.is_dir() {
                    fs::remove_dir_all(&p).map_err(io(&p))?;
                    removed += 1;
                }
            }
        }
        let shards = match fs::read_dir(&self.root) {
            Ok(rd) => rd,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(io(&self.root)(e)),
        };
        for shard in shards.flatten() {
            let shard = shard.path();
            // Shards are named by two hex digits; anything else (corpus snapshots) is not ours.
            let is_shard = shard
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_hexdigit()));
            if !is_shard || !shard.is_dir() {
                continue;
            }
            for file in fs::read_dir(&shard).map_err(io(&shard))?.flatten() {
                let p = file.path();
                let keep = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".json"))
                    .is_some_and(|stem| live.contains(&ArticleId(stem.to_string())));
                if !keep {
                    match fs::remove_file(&p) {
                        Ok(()) => removed += 1,
                        Err(e) if e.kind() == ErrorKind::NotFound => {}
                        Err(e) => return Err(io(&p)(e)),
                    }
                }
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{EntityKind, Mention, Span};

    /// An analysis with one person mention, `name`, at the start of the text.
    pub(crate) fn analysis(name: &str) -> Analysis {
        Analysis {
            mentions: vec![Mention {
                span: Span::new(0, name.len()),
                text: name.to_string(),
                kind: EntityKind::Person,
                canonical: name.to_string(),
                derived: false,
            }],
            claims: vec![],
        }
    }

    fn id(s: &str) -> ArticleId {
        ArticleId(s.to_string())
    }

    #[test]
    fn an_entry_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), None);
        cache
            .put(&id("00aa11bb22cc33dd"), &analysis("Putin"))
            .unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), Some(analysis("Putin")));
        // Reopening finds it again; no temporary files are left behind.
        let cache = Cache::open(dir.path()).unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), Some(analysis("Putin")));
        let shard = cache.root().join("00");
        let names: Vec<String> = fs::read_dir(shard)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["00aa11bb22cc33dd.json"]);
    }

    #[test]
    fn corrupt_truncated_and_foreign_entries_are_misses_and_get_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let a = id("abcdef0123456789");
        cache.put(&a, &analysis("Kim")).unwrap();
        let path = cache.entry_path(&a.0).unwrap();
        let good = fs::read(&path).unwrap();

        fs::write(&path, &good[..good.len() / 2]).unwrap();
        assert_eq!(cache.get(&a), None, "truncated");
        fs::write(&path, b"\x00\xffnot json").unwrap();
        assert_eq!(cache.get(&a), None, "garbage");
        let other_version = String::from_utf8(good.clone()).unwrap().replacen(
            &format!("\"version\":{EXTRACTOR_VERSION}"),
            "\"version\":999999",
            1,
        );
        fs::write(&path, other_version).unwrap();
        assert_eq!(cache.get(&a), None, "wrong version");
        let other_id = String::from_utf8(good).unwrap().replacen(&a.0, "ffff", 1);
        fs::write(&path, other_id).unwrap();
        assert_eq!(cache.get(&a), None, "wrong id");

        cache.put(&a, &analysis("Kim")).unwrap();
        assert_eq!(cache.get(&a), Some(analysis("Kim")));
    }

    #[test]
    fn ids_that_cannot_name_a_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        assert!(cache.put(&id("../../etc"), &analysis("x")).is_err());
        assert_eq!(cache.get(&id("../../etc")), None);
        assert_eq!(cache.get(&id("")), None);
    }

    #[test]
    fn prune_drops_entries_of_deleted_articles_and_other_versions() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        for s in ["aa01", "aa02", "bb03"] {
            cache.put(&id(s), &analysis(s)).unwrap();
        }
        let old = dir.path().join("v0").join("aa");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("aa01.json"), "{}").unwrap();
        fs::write(cache.root().join("aa").join(".aa09.1.0.tmp"), "{").unwrap();

        let live: HashSet<ArticleId> = [id("aa01"), id("bb03")].into_iter().collect();
        assert_eq!(cache.prune(&live).unwrap(), 3);
        assert!(cache.get(&id("aa01")).is_some());
        assert!(cache.get(&id("bb03")).is_some());
        assert_eq!(cache.get(&id("aa02")), None);
        assert!(!dir.path().join("v0").exists());
        assert_eq!(cache.prune(&live).unwrap(), 0);
    }
}
