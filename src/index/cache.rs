//! The per-article extraction cache: one [`Analysis`] per article id and extractor version.
//!
//! Layout, under the directory passed to [`Cache::open`]:
//!
//! ```text
//! v<EXTRACTOR_VERSION>/packs/<pid>-<nanos>.pack
//! ```
//!
//! Entries are appended to pack files rather than written one file each: creating and renaming
//! ten thousand small files costs more than analysing the articles on some file systems. Each
//! process writes only packs it created (named by process id and start time, created
//! exclusively), so concurrent writers never share a file and need no lock. A pack starts with
//! [`PACK_MAGIC`] and the extractor version; each record is
//!
//! ```text
//! u32 LE record magic | u16 LE id length | u32 LE payload length | u32 LE CRC-32 of id+payload
//! id bytes | payload (postcard)
//! ```
//!
//! Readers index every pack's record headers on first use. A record that is cut short (a writer
//! killed mid-write), fails its checksum or does not decode is a miss, never an error, and is
//! rebuilt; a pack with a foreign header is ignored. The analysis cached is the per-article one
//! from [`crate::extract::analyze`], before cross-article canonicalisation (which depends on the
//! whole corpus; see [`crate::index`]). [`Cache::tidy`] merges packs once there are many and
//! removes what earlier layouts left; [`Cache::prune`] keeps only given ids.
//!
//! Paths are passed in; this module must not import `ratatui`, `crossterm` or `directories`.

use crate::extract::EXTRACTOR_VERSION;
use crate::extract::fasthash::FastMap;
use crate::model::{Analysis, ArticleId};
use std::collections::HashSet;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

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
    /// The id is not a plain hex string.
    #[error("invalid article id for the cache: {0:?}")]
    InvalidId(String),
}

/// The first bytes of a pack file, followed by the extractor version (u32 LE).
pub const PACK_MAGIC: &[u8; 8] = b"DOSPACK1";
const HEADER_LEN: u64 = 12;
const RECORD_MAGIC: u32 = 0x4452_4543;
const RECORD_HEAD: usize = 14;
/// Packs beyond this many are merged by [`Cache::tidy`].
const MAX_PACKS: usize = 8;
const PACKS_DIR: &str = "packs";

/// Where one record's payload lies.
#[derive(Debug, Clone)]
struct Loc {
    pack: Arc<fs::File>,
    offset: u64,
    len: u32,
    crc: u32,
}

/// The records of every pack known to this process, by id.
type Index = FastMap<String, Loc>;

/// The pack this process appends to.
#[derive(Debug)]
struct Writer {
    file: Arc<fs::File>,
    end: u64,
}

/// The extraction cache in one directory.
#[derive(Debug)]
pub struct Cache {
    /// The versioned root, `<dir>/v<EXTRACTOR_VERSION>`.
    root: PathBuf,
    index: RwLock<Option<Index>>,
    writer: Mutex<Option<Writer>>,
    /// Numbers the packs this process creates.
    created: AtomicU64,
}

/// True for ids an article can have: ASCII hex digits only, at least 3 of them.
fn is_valid_id(id: &str) -> bool {
    id.len() >= 3 && id.len() <= usize::from(u16::MAX) && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads `len` bytes at `offset`.
fn read_at(file: &fs::File, offset: u64, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; len];
    file.read_exact_at(&mut buf, offset).ok()?;
    Some(buf)
}

/// The records of one pack: id and location, up to the first record that is cut short or
/// malformed. `None` for a file that is not a pack of this extractor version.
fn scan_pack(pack: &Arc<fs::File>) -> Option<Vec<(String, Loc)>> {
    use std::io::{BufReader, Read};
    let size = pack.metadata().ok()?.len();
    let mut r = BufReader::with_capacity(1 << 16, pack.as_ref());
    let mut header = [0u8; HEADER_LEN as usize];
    r.read_exact(&mut header).ok()?;
    if header[..8] != PACK_MAGIC[..] || header[8..12] != EXTRACTOR_VERSION.to_le_bytes() {
        return None;
    }
    let mut out = Vec::new();
    let mut offset = HEADER_LEN;
    let mut head = [0u8; RECORD_HEAD];
    while offset + RECORD_HEAD as u64 <= size && r.read_exact(&mut head).is_ok() {
        let word = |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
        let id_len = u16::from_le_bytes([head[4], head[5]]);
        let (len, crc) = (word(6), word(10));
        let payload_at = offset + RECORD_HEAD as u64 + u64::from(id_len);
        if word(0) != RECORD_MAGIC || payload_at + u64::from(len) > size {
            break;
        }
        let mut id = vec![0; usize::from(id_len)];
        if r.read_exact(&mut id).is_err() || r.seek_relative(i64::from(len)).is_err() {
            break;
        }
        let Ok(id) = String::from_utf8(id) else {
            break;
        };
        let loc = Loc {
            pack: Arc::clone(pack),
            offset: payload_at,
            len,
            crc,
        };
        out.push((id, loc));
        offset = payload_at + u64::from(len);
    }
    Some(out)
}

/// One record, ready to append.
fn record(id: &str, payload: &[u8]) -> Option<Vec<u8>> {
    let id_len = u16::try_from(id.len()).ok()?;
    let len = u32::try_from(payload.len()).ok()?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(id.as_bytes());
    crc.update(payload);
    let mut out = Vec::with_capacity(RECORD_HEAD + id.len() + payload.len());
    out.extend_from_slice(&RECORD_MAGIC.to_le_bytes());
    out.extend_from_slice(&id_len.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(payload);
    Some(out)
}

impl Cache {
    /// Opens (creating if needed) the cache under `dir`. Packs are read on first use.
    pub fn open(dir: &Path) -> Result<Cache, CacheError> {
        let root = Cache::root_in(dir);
        let packs = root.join(PACKS_DIR);
        fs::create_dir_all(&packs).map_err(|source| CacheError::Io {
            path: packs.clone(),
            source,
        })?;
        Ok(Cache {
            root,
            index: RwLock::new(None),
            writer: Mutex::new(None),
            created: AtomicU64::new(0),
        })
    }

    /// The directory under `dir` that holds this extractor version's entries.
    pub fn root_in(dir: &Path) -> PathBuf {
        dir.join(format!("v{EXTRACTOR_VERSION}"))
    }

    /// The directory holding this extractor version's entries.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn packs_dir(&self) -> PathBuf {
        self.root.join(PACKS_DIR)
    }

    /// The pack files present, in name order.
    fn pack_paths(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = fs::read_dir(self.packs_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pack"))
            .collect();
        paths.sort();
        paths
    }

    /// Indexes every pack present.
    fn load_index(&self) -> Index {
        let mut index = Index::default();
        for path in self.pack_paths() {
            let Ok(file) = fs::File::open(&path) else {
                continue;
            };
            // Packs are named by creation time: a later entry for an id (rebuilt after the
            // earlier one went bad) wins.
            index.extend(scan_pack(&Arc::new(file)).into_iter().flatten());
        }
        index
    }

    /// Runs `f` on the index, reading the packs first if this is the first use.
    fn with_index<T>(&self, f: impl FnOnce(&Index) -> T) -> T {
        {
            let guard = self.index.read().unwrap_or_else(|e| e.into_inner());
            if let Some(index) = guard.as_ref() {
                return f(index);
            }
        }
        let mut guard = self.index.write().unwrap_or_else(|e| e.into_inner());
        let index = guard.get_or_insert_with(|| self.load_index());
        f(index)
    }

    /// The cached analysis of article `id`, or `None` when absent, cut short, corrupt, or
    /// written by another extractor version.
    pub fn get(&self, id: &ArticleId) -> Option<Analysis> {
        let loc = self.with_index(|index| index.get(&id.0).cloned())?;
        Self::read_entry(id, &loc)
    }

    /// Reads and checks the entry of `id` at `loc`.
    fn read_entry(id: &ArticleId, loc: &Loc) -> Option<Analysis> {
        let payload = read_at(&loc.pack, loc.offset, loc.len as usize)?;
        let mut crc = crc32fast::Hasher::new();
        crc.update(id.0.as_bytes());
        crc.update(&payload);
        if crc.finalize() != loc.crc {
            return None;
        }
        postcard::from_bytes(&payload).ok()
    }

    /// Stores the analysis of article `id`; a later [`Cache::get`] finds this entry.
    pub fn put(&self, id: &ArticleId, analysis: &Analysis) -> Result<(), CacheError> {
        if !is_valid_id(&id.0) {
            return Err(CacheError::InvalidId(id.0.clone()));
        }
        let payload = postcard::to_stdvec(analysis).map_err(|e| self.io_error(e))?;
        let bytes = record(&id.0, &payload).ok_or_else(|| CacheError::InvalidId(id.0.clone()))?;
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if writer.is_none() {
            *writer = Some(self.new_pack()?);
        }
        let Some(w) = writer.as_mut() else {
            return Ok(());
        };
        let at = w.end;
        {
            use std::os::unix::fs::FileExt;
            // A failed write leaves `end` where it was: the next record overwrites the torn one.
            w.file
                .write_all_at(&bytes, at)
                .map_err(|source| CacheError::Io {
                    path: self.packs_dir(),
                    source,
                })?;
        }
        w.end += bytes.len() as u64;
        let loc = Loc {
            pack: Arc::clone(&w.file),
            offset: at + (RECORD_HEAD + id.0.len()) as u64,
            len: u32::try_from(payload.len()).unwrap_or(u32::MAX),
            crc: u32::from_le_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]),
        };
        drop(writer);
        let mut guard = self.index.write().unwrap_or_else(|e| e.into_inner());
        if let Some(index) = guard.as_mut() {
            index.insert(id.0.clone(), loc);
        }
        Ok(())
    }

    fn io_error(&self, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> CacheError {
        CacheError::Io {
            path: self.packs_dir(),
            source: std::io::Error::other(e),
        }
    }

    /// Creates this process's next pack, holding only its header.
    fn new_pack(&self) -> Result<Writer, CacheError> {
        use std::os::unix::fs::FileExt;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let n = self.created.fetch_add(1, Ordering::Relaxed);
        let path = self
            .packs_dir()
            .join(format!("{nanos:032}-{}-{n}.pack", std::process::id()));
        let io = |source| CacheError::Io {
            path: path.clone(),
            source,
        };
        let file = fs::File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io)?;
        let mut header = PACK_MAGIC.to_vec();
        header.extend_from_slice(&EXTRACTOR_VERSION.to_le_bytes());
        if let Err(e) = file.write_all_at(&header, 0) {
            let _ = fs::remove_file(&path);
            return Err(io(e));
        }
        Ok(Writer {
            file: Arc::new(file),
            end: HEADER_LEN,
        })
    }

    /// Rewrites the entries `keep` accepts into one new pack and removes the packs read, unless
    /// `only_if_fragmented` and there are few packs. Returns the number of entries dropped.
    fn compact(
        &self,
        keep: impl Fn(&str) -> bool,
        only_if_fragmented: bool,
    ) -> Result<usize, CacheError> {
        let paths = self.pack_paths();
        if only_if_fragmented && paths.len() <= MAX_PACKS {
            return Ok(0);
        }
        // Later entries go to a new pack, and the index is read again on next use.
        *self.writer.lock().unwrap_or_else(|e| e.into_inner()) = None;
        *self.index.write().unwrap_or_else(|e| e.into_inner()) = None;
        let old = self.load_index();
        let fresh = Cache {
            root: self.root.clone(),
            index: RwLock::new(None),
            writer: Mutex::new(None),
            created: AtomicU64::new(0),
        };
        let mut ids: Vec<&String> = old.keys().collect();
        ids.sort();
        let mut dropped = 0;
        for id in ids {
            if !keep(id) {
                dropped += 1;
                continue;
            }
            let id = ArticleId(id.clone());
            if let Some(analysis) = old.get(&id.0).and_then(|loc| Self::read_entry(&id, loc)) {
                fresh.put(&id, &analysis)?;
            }
        }
        let written = fresh
            .writer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(w) = written {
            // The merged pack must be whole on disk before the packs it replaces go.
            w.file.sync_all().map_err(|e| self.io_error(e))?;
        }
        for path in &paths {
            match fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(CacheError::Io {
                        path: path.clone(),
                        source,
                    });
                }
            }
        }
        Ok(dropped)
    }

    /// Housekeeping after an indexing run: merges the packs once there are more than a few,
    /// and removes what earlier cache layouts left in this version's directory (per-article
    /// files in two-hex-digit shards). Never touches corpus snapshots.
    pub fn tidy(&self) -> Result<(), CacheError> {
        if let Ok(rd) = fs::read_dir(&self.root) {
            for e in rd.flatten() {
                let name = e.file_name();
                let is_shard = name
                    .to_str()
                    .is_some_and(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_hexdigit()));
                if is_shard && e.path().is_dir() {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        self.compact(|_| true, true).map(|_| ())
    }

    /// Removes every entry whose id is not in `live` (articles deleted or changed since they
    /// were cached) and the directories of other extractor versions. Returns the number of
    /// entries and directories removed.
    pub fn prune(&self, live: &HashSet<ArticleId>) -> Result<usize, CacheError> {
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
                    fs::remove_dir_all(&p).map_err(|source| CacheError::Io {
                        path: p.clone(),
                        source,
                    })?;
                    removed += 1;
                }
            }
        }
        removed += self.compact(|id| live.contains(&ArticleId(id.to_string())), false)?;
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
            name_candidates: vec![],
        }
    }

    fn id(s: &str) -> ArticleId {
        ArticleId(s.to_string())
    }

    /// The pack files of `cache`.
    fn packs(cache: &Cache) -> Vec<PathBuf> {
        cache.pack_paths()
    }

    #[test]
    fn an_entry_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), None);
        cache
            .put(&id("00aa11bb22cc33dd"), &analysis("Putin"))
            .unwrap();
        cache
            .put(&id("00aa11bb22cc33de"), &analysis("Kim"))
            .unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), Some(analysis("Putin")));
        // Reopening finds both again, in the one pack this process wrote.
        let cache = Cache::open(dir.path()).unwrap();
        assert_eq!(cache.get(&id("00aa11bb22cc33dd")), Some(analysis("Putin")));
        assert_eq!(cache.get(&id("00aa11bb22cc33de")), Some(analysis("Kim")));
        assert_eq!(packs(&cache).len(), 1);
    }

    #[test]
    fn writers_in_several_processes_never_share_a_pack() {
        let dir = tempfile::tempdir().unwrap();
        // Two caches open at once stand for two processes.
        let (a, b) = (
            Cache::open(dir.path()).unwrap(),
            Cache::open(dir.path()).unwrap(),
        );
        a.put(&id("aaa1"), &analysis("A")).unwrap();
        b.put(&id("bbb1"), &analysis("B")).unwrap();
        a.put(&id("aaa2"), &analysis("A2")).unwrap();
        assert_eq!(packs(&a).len(), 2);
        let c = Cache::open(dir.path()).unwrap();
        assert_eq!(c.get(&id("aaa1")), Some(analysis("A")));
        assert_eq!(c.get(&id("aaa2")), Some(analysis("A2")));
        assert_eq!(c.get(&id("bbb1")), Some(analysis("B")));
    }

    #[test]
    fn cut_short_corrupt_and_foreign_entries_are_misses_and_get_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let (a, b) = (id("abcdef0123456789"), id("abcdef012345678a"));
        cache.put(&a, &analysis("Kim")).unwrap();
        cache.put(&b, &analysis("Yoon")).unwrap();
        let path = packs(&cache).remove(0);
        let good = fs::read(&path).unwrap();

        // A writer killed in the middle of the second record: the first is still there.
        fs::write(&path, &good[..good.len() - 3]).unwrap();
        let reopened = Cache::open(dir.path()).unwrap();
        assert_eq!(reopened.get(&a), Some(analysis("Kim")));
        assert_eq!(reopened.get(&b), None, "cut short");

        // A flipped byte in the first payload fails its checksum.
        let mut bad = good.clone();
        let at = bad.len() - 20;
        bad[at] ^= 0x55;
        fs::write(&path, &bad).unwrap();
        let reopened = Cache::open(dir.path()).unwrap();
        assert_eq!(reopened.get(&b), None, "corrupt");
        assert_eq!(reopened.get(&a), Some(analysis("Kim")));

        // Garbage, and a pack of another extractor version, are ignored.
        fs::write(path.with_file_name("junk.pack"), b"\x00\xffnot a pack").unwrap();
        let mut foreign = good.clone();
        foreign[8..12].copy_from_slice(&(EXTRACTOR_VERSION + 1).to_le_bytes());
        fs::write(path.with_file_name("other.pack"), foreign).unwrap();
        fs::write(&path, b"").unwrap();
        let reopened = Cache::open(dir.path()).unwrap();
        assert_eq!(reopened.get(&a), None);

        // Rebuilt: the next put is found, by this process and the next.
        reopened.put(&a, &analysis("Kim")).unwrap();
        assert_eq!(reopened.get(&a), Some(analysis("Kim")));
        assert_eq!(
            Cache::open(dir.path()).unwrap().get(&a),
            Some(analysis("Kim"))
        );
    }

    #[test]
    fn ids_that_are_not_article_ids_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        assert!(cache.put(&id("../../etc"), &analysis("x")).is_err());
        assert_eq!(cache.get(&id("../../etc")), None);
        assert_eq!(cache.get(&id("")), None);
    }

    #[test]
    fn tidy_merges_many_packs_and_removes_the_old_layout() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..MAX_PACKS + 2 {
            let cache = Cache::open(dir.path()).unwrap();
            cache
                .put(&id(&format!("abc{i:x}")), &analysis("A"))
                .unwrap();
        }
        let cache = Cache::open(dir.path()).unwrap();
        let shard = cache.root().join("ab");
        fs::create_dir_all(&shard).unwrap();
        fs::write(shard.join("abc0.json"), "{}").unwrap();
        fs::create_dir_all(cache.root().join("corpora")).unwrap();
        assert_eq!(packs(&cache).len(), MAX_PACKS + 2);
        cache.tidy().unwrap();
        assert_eq!(packs(&cache).len(), 1);
        assert!(!shard.exists());
        assert!(cache.root().join("corpora").exists(), "snapshots stay");
        for i in 0..MAX_PACKS + 2 {
            assert_eq!(cache.get(&id(&format!("abc{i:x}"))), Some(analysis("A")));
        }
        // Entries written after a merge land in a new pack and are found.
        cache.put(&id("fff0"), &analysis("F")).unwrap();
        assert_eq!(
            Cache::open(dir.path()).unwrap().get(&id("fff0")),
            Some(analysis("F"))
        );
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

        let live: HashSet<ArticleId> = [id("aa01"), id("bb03")].into_iter().collect();
        assert_eq!(cache.prune(&live).unwrap(), 2);
        assert!(cache.get(&id("aa01")).is_some());
        assert!(cache.get(&id("bb03")).is_some());
        assert_eq!(cache.get(&id("aa02")), None);
        assert!(!dir.path().join("v0").exists());
        assert_eq!(cache.prune(&live).unwrap(), 0);
        assert_eq!(packs(&cache).len(), 1);
    }
}
