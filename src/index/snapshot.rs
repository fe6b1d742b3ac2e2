//! Corpus snapshots: the whole indexed corpus of one set of paths in one binary file, so a warm
//! start reads one file instead of re-ingesting every article and reading thousands of cache
//! entries.
//!
//! A snapshot records, for every file the walk found, its path, length, modification time,
//! inode change time and inode number (a [`FileStamp`]), the messages indexing produced, and every article with its analysis under
//! corpus-wide canonical names, sorted by path as the reader lists them. It is used only when it
//! matches exactly: same extractor version, same paths and load options (they name the file, see
//! [`snapshot_name`]), the same files in the same order with the same stamps, and none of them
//! modified in the two seconds before the snapshot's run started (a file changed within the file
//! system's timestamp granularity could otherwise keep its stamp). Anything else is a miss, and
//! indexing takes its ordinary path through the per-article [`crate::index::cache`], after which a new
//! snapshot replaces the old one.
//!
//! Loading has two phases, so the reader can show the list before every analysis is decoded:
//! [`open`] checks the whole file and decodes the articles and the analyses of the first
//! [`FIRST`] of them (what the first screen shows); [`Opened::analyses`] then decodes the rest, a
//! segment at a time, on the caller's threads.
//!
//! # Format
//!
//! ```text
//! magic "DOSSNAP4" | extractor version: u32 LE | header length: u64 LE | header CRC-32: u32 LE
//! header (postcard) | article segments | analysis segments
//! ```
//!
//! The header holds the stamps, messages, the run's start time and each segment's length and
//! CRC-32. An article segment is a postcard `Vec<Article>`, an analysis segment a postcard
//! `Vec<Analysis>` for the next articles in order. A file that is truncated, corrupt (a checksum
//! fails), of another version or otherwise unreadable is a miss, never an error. Writes go to a
//! temporary file that is renamed into place.
//!
//! Paths are passed in; this module must not import `ratatui`, `crossterm` or `directories`.

use crate::extract::EXTRACTOR_VERSION;
use crate::model::{Analysis, Article};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"DOSSNAP4";
/// Bytes before the header: magic, version, header length, header checksum.
const PREAMBLE: usize = 8 + 4 + 8 + 4;
/// Files modified this close before a run started may have changed without changing stamp.
const RACY: Duration = Duration::from_secs(2);
/// Articles whose analyses [`open`] decodes at once: more than a screen of the list.
pub const FIRST: usize = 64;
/// Analyses per later segment.
const SEGMENT: usize = 512;
/// Article segments (decoded in parallel).
const ARTICLE_SEGMENTS: usize = 4;

/// What identifies one file's content without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// The path as the walk produced it (its bytes: a file name need not be UTF-8).
    #[serde(with = "path_bytes")]
    pub path: PathBuf,
    /// Length in bytes.
    pub len: u64,
    /// Modification time: seconds and nanoseconds since the Unix epoch (0, 0 when unknown).
    pub mtime: (u64, u32),
    /// Inode change time (seconds, nanoseconds; 0, 0 when unknown) and inode number. A file
    /// edited to the same length with its modification time set back still gets a new change
    /// time, which no user can set.
    pub changed: (i64, u32, u64),
}

/// Paths as their bytes, so that a file name that is not UTF-8 does not stop a snapshot from
/// being written.
mod path_bytes {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::path::{Path, PathBuf};

    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        path.as_os_str().as_encoded_bytes().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        let bytes = Vec::<u8>::deserialize(d)?;
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
        }
        #[cfg(not(unix))]
        {
            String::from_utf8(bytes)
                .map(PathBuf::from)
                .map_err(serde::de::Error::custom)
        }
    }
}

impl FileStamp {
    /// The stamp of `path` from its metadata.
    pub fn new(path: &Path, meta: &Metadata) -> FileStamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()));
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ctime(),
                u32::try_from(meta.ctime_nsec()).unwrap_or(0),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let changed = (0, 0, 0);
        FileStamp {
            path: path.to_path_buf(),
            len: meta.len(),
            mtime,
            changed,
        }
    }

    fn modified(&self) -> Option<SystemTime> {
        (self.mtime != (0, 0)).then(|| to_time(self.mtime))
    }
}

fn to_time((secs, nanos): (u64, u32)) -> SystemTime {
    UNIX_EPOCH + Duration::new(secs, nanos.min(999_999_999))
}

fn since_epoch(t: SystemTime) -> (u64, u32) {
    t.duration_since(UNIX_EPOCH)
        .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()))
}

#[derive(Serialize, Deserialize)]
struct Header {
    files: Vec<FileStamp>,
    messages: Vec<String>,
    /// When the run that wrote the snapshot started.
    started: (u64, u32),
    /// Number of articles.
    articles: u64,
    /// Length and CRC-32 of each article segment, in order.
    article_segments: Vec<(u64, u32)>,
    /// Length and CRC-32 of each analysis segment, in order; the first holds [`FIRST`] analyses
    /// (or all, if fewer), each later one up to [`SEGMENT`].
    analysis_segments: Vec<(u64, u32)>,
}

/// A snapshot that matched, after the first phase of loading.
#[derive(Debug)]
pub struct Opened {
    /// Every article, sorted by path.
    pub articles: Vec<Article>,
    /// The analyses of the first articles (under corpus-wide names), in the same order.
    pub first: Vec<Analysis>,
    /// Messages of the run that wrote the snapshot (skipped files and the like).
    pub messages: Vec<String>,
    file: fs::File,
    /// How many analyses the first segment held.
    first_len: usize,
    /// Offset, length and CRC-32 of the analysis segments after the first.
    rest: Vec<(u64, usize, u32)>,
}

impl Opened {
    /// The number of analysis segments left to decode with [`Opened::analyses`].
    pub fn segments_left(&self) -> usize {
        self.rest.len()
    }

    /// Reads and decodes analysis segment `i` of those left: the analyses of articles
    /// `FIRST + i * SEGMENT ..` in order (the first value returned). `None` if it cannot be read, fails its checksum
    /// or does not decode.
    pub fn analyses(&self, i: usize) -> Option<(usize, Vec<Analysis>)> {
        let &(offset, len, crc) = self.rest.get(i)?;
        let seg = read_at(&self.file, offset, len)?;
        if crc32fast::hash(&seg) != crc {
            return None;
        }
        let decoded: Vec<Analysis> = postcard::from_bytes(&seg).ok()?;
        Some((self.first_len + i * SEGMENT, decoded))
    }
}

/// Reads `len` bytes at `offset`, from any thread.
pub(super) fn read_at(file: &fs::File, offset: u64, len: usize) -> Option<Vec<u8>> {
    let mut buf = vec![0; len];
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(&mut buf, offset).ok()?;
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file.try_clone().ok()?;
        f.seek(SeekFrom::Start(offset)).ok()?;
        f.read_exact(&mut buf).ok()?;
    }
    Some(buf)
}

/// The file name of the snapshot for indexing `roots` (as given, and where they lead) with a
/// size limit of `max_bytes`.
pub fn snapshot_name(roots: &[PathBuf], max_bytes: u64) -> String {
    let mut h = Sha256::new();
    for root in roots {
        h.update(root.as_os_str().as_encoded_bytes());
        h.update([0]);
        let real = fs::canonicalize(root).unwrap_or_else(|_| root.clone());
        h.update(real.as_os_str().as_encoded_bytes());
        h.update([0]);
    }
    h.update(max_bytes.to_le_bytes());
    let digest = h.finalize();
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.snap")
}

/// What identifies one written snapshot: the checksum of its header (which holds every file
/// stamp and the time of the run that wrote it) and its length. A file kept beside a snapshot
/// records this to tell whether it was made for the snapshot now in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapshotId {
    /// CRC-32 of the header.
    pub header_crc: u32,
    /// Length of the whole file in bytes.
    pub len: u64,
}

/// The identity of the snapshot at `path` from its first bytes (magic and version checked),
/// without reading the rest; `None` when there is none or it is of another version.
pub fn id(path: &Path) -> Option<SnapshotId> {
    let file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let (_, header_crc) = parse_preamble(&read_at(&file, 0, PREAMBLE)?)?;
    Some(SnapshotId { header_crc, len })
}

/// A snapshot checked against the files as they are now, its contents left unread.
#[derive(Debug)]
pub struct Checked {
    /// Its identity.
    pub id: SnapshotId,
    /// Messages of the run that wrote it (skipped files and the like).
    pub messages: Vec<String>,
}

/// Checks that the snapshot at `path` describes exactly `files` (what [`open`] checks before
/// it decodes anything), reading only its preamble and header. `None` on any mismatch.
pub fn check(path: &Path, files: &[FileStamp]) -> Option<Checked> {
    let file = fs::File::open(path).ok()?;
    let (header, id, _) = matching_header(&file, files)?;
    Some(Checked {
        id,
        messages: header.messages,
    })
}

/// The header of the snapshot in `file`, its identity and the header's length in bytes, when
/// it is of this version, intact and describes exactly `files`, none of them modified shortly
/// before its run started.
fn matching_header(file: &fs::File, files: &[FileStamp]) -> Option<(Header, SnapshotId, usize)> {
    let len = file.metadata().ok()?.len();
    let preamble = read_at(file, 0, PREAMBLE)?;
    let (header_len, header_crc) = parse_preamble(&preamble)?;
    let raw = read_at(file, PREAMBLE as u64, header_len)?;
    if crc32fast::hash(&raw) != header_crc {
        return None;
    }
    let header: Header = postcard::from_bytes(&raw).ok()?;
    drop(raw);
    if header.files.len() != files.len() {
        return None;
    }
    let horizon = to_time(header.started).checked_sub(RACY)?;
    for (old, new) in header.files.iter().zip(files) {
        if old != new || new.modified().is_none_or(|m| m >= horizon) {
            return None;
        }
    }
    Some((header, SnapshotId { header_crc, len }, header_len))
}

/// First phase: reads the snapshot at `path` if it describes exactly `files`, and decodes the
/// articles (on up to `threads` threads) and the first analyses; the other analyses stay on
/// disk until [`Opened::analyses`]. `None` on any mismatch or damage found.
pub fn open(path: &Path, files: &[FileStamp], threads: usize) -> Option<Opened> {
    let file = fs::File::open(path).ok()?;
    let (header, SnapshotId { len: size, .. }, header_len) = matching_header(&file, files)?;
    // Lay out the segments; the file must end where the last one does.
    let mut at = (PREAMBLE + header_len) as u64;
    let mut lay = |segments: &[(u64, u32)]| -> Option<Vec<(u64, usize, u32)>> {
        let mut out = Vec::with_capacity(segments.len());
        for &(len, crc) in segments {
            out.push((at, usize::try_from(len).ok()?, crc));
            at = at.checked_add(len)?;
        }
        Some(out)
    };
    let article_segments = lay(&header.article_segments)?;
    let mut rest = lay(&header.analysis_segments)?;
    if at != size || rest.is_empty() {
        return None;
    }
    let first_segment = rest.remove(0);
    // The articles and the first analyses, read in one go and checked.
    let start = article_segments.first().map_or(first_segment.0, |s| s.0);
    let end = first_segment.0 + first_segment.1 as u64;
    let region = read_at(&file, start, usize::try_from(end - start).ok()?)?;
    let slice = |(offset, len, crc): (u64, usize, u32)| -> Option<&[u8]> {
        let from = usize::try_from(offset - start).ok()?;
        let seg = region.get(from..from.checked_add(len)?)?;
        (crc32fast::hash(seg) == crc).then_some(seg)
    };
    let slices: Vec<&[u8]> = article_segments
        .iter()
        .map(|s| slice(*s))
        .collect::<Option<_>>()?;
    let articles: Vec<Article> = decode_all::<Article>(&slices, threads.max(1))?
        .into_iter()
        .flatten()
        .collect();
    let first: Vec<Analysis> = postcard::from_bytes(slice(first_segment)?).ok()?;
    let expected_rest = articles.len().saturating_sub(first.len()).div_ceil(SEGMENT);
    if articles.len() as u64 != header.articles
        || first.len() != articles.len().min(FIRST)
        || rest.len() != expected_rest
    {
        return None;
    }
    Some(Opened {
        articles,
        first_len: first.len(),
        first,
        messages: header.messages,
        file,
        rest,
    })
}

/// Every article and analysis of a matching snapshot at once (both phases), or `None`.
pub fn load(path: &Path, files: &[FileStamp], threads: usize) -> Option<Vec<(Article, Analysis)>> {
    let opened = open(path, files, threads)?;
    let mut analyses = Vec::with_capacity(opened.articles.len());
    analyses.extend(opened.first.iter().cloned());
    for i in 0..opened.segments_left() {
        analyses.extend(opened.analyses(i)?.1);
    }
    (analyses.len() == opened.articles.len())
        .then(|| opened.articles.into_iter().zip(analyses).collect())
}

/// The header's length and checksum from the preamble, after checking magic and version.
fn parse_preamble(bytes: &[u8]) -> Option<(usize, u32)> {
    if bytes.len() < PREAMBLE || &bytes[..8] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    if version != EXTRACTOR_VERSION {
        return None;
    }
    let len = usize::try_from(u64::from_le_bytes(bytes[12..20].try_into().ok()?)).ok()?;
    let crc = u32::from_le_bytes(bytes[20..24].try_into().ok()?);
    // A header is far smaller than this; a huge length is damage, not a reason to allocate.
    (len < 1 << 30).then_some((len, crc))
}

/// Decodes postcard `Vec<T>` segments, spread over `threads` scoped threads; `None` if any
/// fails.
fn decode_all<T>(segments: &[&[u8]], threads: usize) -> Option<Vec<Vec<T>>>
where
    T: for<'de> Deserialize<'de> + Send,
{
    let decode = |seg: &[u8]| postcard::from_bytes::<Vec<T>>(seg).ok();
    if threads <= 1 || segments.len() <= 1 {
        return segments.iter().map(|s| decode(s)).collect();
    }
    let per = segments.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = segments
            .chunks(per)
            .map(|chunk| scope.spawn(move || chunk.iter().map(|s| decode(s)).collect::<Vec<_>>()))
            .collect();
        let mut out = Vec::with_capacity(segments.len());
        for h in handles {
            for seg in h.join().ok()? {
                out.push(seg?);
            }
        }
        Some(out)
    })
}

/// Writes a snapshot for `files` to `path`, atomically. `started` is when the indexing run
/// began (before any file was read); `entries` are the articles with corpus-wide names, sorted
/// by path.
pub fn save(
    path: &Path,
    files: &[FileStamp],
    messages: &[String],
    started: SystemTime,
    entries: &[(Article, Analysis)],
) -> io::Result<()> {
    let encode = |range: std::ops::Range<usize>, articles: bool| {
        let chunk = &entries[range];
        if articles {
            postcard::to_stdvec(&chunk.iter().map(|(a, _)| a).collect::<Vec<_>>())
        } else {
            postcard::to_stdvec(&chunk.iter().map(|(_, a)| a).collect::<Vec<_>>())
        }
        .map_err(io::Error::other)
    };
    save_segments(
        path,
        files,
        messages,
        started,
        entries.len(),
        &|r| encode(r, true),
        &|r| encode(r, false),
    )
}

/// A postcard sequence of already encoded values: the count as a varint, then the values.
pub fn concat_encoded<'a>(values: impl ExactSizeIterator<Item = &'a [u8]>) -> io::Result<Vec<u8>> {
    let mut out = postcard::to_stdvec(&values.len()).map_err(io::Error::other)?;
    for v in values {
        out.extend_from_slice(v);
    }
    Ok(out)
}

/// [`save`] for `n` articles whose segments the caller encodes: `articles(range)` must give
/// the postcard `Vec<Article>` of the articles in `range` (in path order), `analyses(range)`
/// the postcard `Vec<Analysis>` of their analyses under corpus-wide names. Segments are
/// encoded on all cores.
pub fn save_segments(
    path: &Path,
    files: &[FileStamp],
    messages: &[String],
    started: SystemTime,
    n: usize,
    articles: &(dyn Fn(std::ops::Range<usize>) -> io::Result<Vec<u8>> + Sync),
    analyses: &(dyn Fn(std::ops::Range<usize>) -> io::Result<Vec<u8>> + Sync),
) -> io::Result<()> {
    use rayon::prelude::*;
    let per = n.div_ceil(ARTICLE_SEGMENTS).max(1);
    let article_ranges: Vec<std::ops::Range<usize>> =
        (0..n).step_by(per).map(|s| s..(s + per).min(n)).collect();
    // The first analysis segment is always there, even when empty.
    let split = n.min(FIRST);
    let analysis_ranges: Vec<std::ops::Range<usize>> = std::iter::once(0..split)
        .chain((split..n).step_by(SEGMENT).map(|s| s..(s + SEGMENT).min(n)))
        .collect();
    let article_count = article_ranges.len();
    // Segments are independent: encode them on all cores, then lay them out in order.
    let encoded: Vec<Vec<u8>> = article_ranges
        .into_iter()
        .map(|r| (true, r))
        .chain(analysis_ranges.into_iter().map(|r| (false, r)))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(is_articles, r)| {
            if is_articles {
                articles(r)
            } else {
                analyses(r)
            }
        })
        .collect::<io::Result<_>>()?;
    let segment = |seg: &Vec<u8>| (seg.len() as u64, crc32fast::hash(seg));
    let article_segments: Vec<(u64, u32)> = encoded[..article_count].iter().map(segment).collect();
    let analysis_segments: Vec<(u64, u32)> = encoded[article_count..].iter().map(segment).collect();
    let header = Header {
        files: files.to_vec(),
        messages: messages.to_vec(),
        started: since_epoch(started),
        articles: n as u64,
        article_segments,
        analysis_segments,
    };
    let header = postcard::to_stdvec(&header).map_err(io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = super::temp_beside(path);
    let write = || -> io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(MAGIC)?;
        f.write_all(&EXTRACTOR_VERSION.to_le_bytes())?;
        f.write_all(&(header.len() as u64).to_le_bytes())?;
        f.write_all(&crc32fast::hash(&header).to_le_bytes())?;
        f.write_all(&header)?;
        for seg in &encoded {
            f.write_all(seg)?;
        }
        // No fsync: a snapshot torn by a crash fails its checksums and is a miss.
        fs::rename(&tmp, path)
    };
    write().inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> (Article, Analysis) {
        thread_local! {
            static BASE: Article = crate::ingest::bundled().swap_remove(0);
        }
        let mut article = BASE.with(Clone::clone);
        article.title = format!("Titel {name}");
        article.source = format!("{name}.txt");
        (article, crate::index::cache::tests::analysis(name))
    }

    /// Stamps of files written `age` ago.
    fn stamps(dir: &Path, names: &[&str], age: Duration) -> Vec<FileStamp> {
        names
            .iter()
            .map(|n| {
                let p = dir.join(n);
                fs::write(&p, n).unwrap();
                let f = fs::File::options().write(true).open(&p).unwrap();
                f.set_modified(SystemTime::now() - age).unwrap();
                FileStamp::new(&p, &fs::metadata(&p).unwrap())
            })
            .collect()
    }

    #[test]
    fn a_snapshot_round_trips_over_several_segments_and_threads() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..FIRST + SEGMENT * 2 + 7)
            .map(|i| format!("a{i}"))
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let files = stamps(dir.path(), &refs[..3], Duration::from_secs(60));
        let entries: Vec<_> = names.iter().map(|n| entry(n)).collect();
        let path = dir.path().join("x.snap");
        let msgs = vec!["skipped y.txt: empty".to_string()];
        save(&path, &files, &msgs, SystemTime::now(), &entries).unwrap();
        for threads in [1, 2, 3] {
            assert_eq!(load(&path, &files, threads).unwrap(), entries);
            let opened = open(&path, &files, threads).unwrap();
            assert_eq!(opened.messages, msgs);
            assert_eq!(opened.first.len(), FIRST);
            assert_eq!(opened.segments_left(), 3);
            let (at, rest) = opened.analyses(2).unwrap();
            assert_eq!(at, FIRST + 2 * SEGMENT);
            assert_eq!(rest.len(), entries.len() - at);
            assert_eq!(rest[0], entries[at].1);
            assert!(opened.analyses(3).is_none());
        }
        for n in [0, 1, FIRST, FIRST + 1] {
            save(&path, &files, &[], SystemTime::now(), &entries[..n]).unwrap();
            assert_eq!(
                load(&path, &files, 2).unwrap(),
                &entries[..n],
                "{n} articles"
            );
        }
    }

    #[test]
    fn any_change_in_the_files_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let files = stamps(dir.path(), &["a.txt", "b.txt"], Duration::from_secs(60));
        let path = dir.path().join("x.snap");
        save(&path, &files, &[], SystemTime::now(), &[entry("a")]).unwrap();
        assert!(load(&path, &files, 2).is_some());

        let mut longer = files.clone();
        longer[1].len += 1;
        assert!(load(&path, &longer, 2).is_none(), "length");
        let mut touched = files.clone();
        touched[0].mtime.1 = touched[0].mtime.1.wrapping_add(1) % 1_000_000_000;
        assert!(load(&path, &touched, 2).is_none(), "mtime");
        assert!(load(&path, &files[..1], 2).is_none(), "a file gone");
        let mut renamed = files.clone();
        renamed[1].path = dir.path().join("c.txt");
        assert!(load(&path, &renamed, 2).is_none(), "another file");
    }

    #[test]
    fn files_modified_just_before_the_run_started_are_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let files = stamps(dir.path(), &["a.txt"], Duration::from_millis(500));
        let path = dir.path().join("x.snap");
        save(&path, &files, &[], SystemTime::now(), &[entry("a")]).unwrap();
        assert!(load(&path, &files, 1).is_none());
    }

    #[test]
    fn a_file_edited_to_the_same_size_with_its_mtime_set_back_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let files = stamps(dir.path(), &["a.txt"], Duration::from_secs(60));
        let path = dir.path().join("x.snap");
        save(&path, &files, &[], SystemTime::now(), &[entry("a")]).unwrap();
        assert!(load(&path, &files, 1).is_some());
        let p = dir.path().join("a.txt");
        let before = fs::metadata(&p).unwrap();
        // Inode change times tick with the kernel's clock; let it move on.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(&p, "z.txt").unwrap();
        let f = fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(before.modified().unwrap()).unwrap();
        let after = FileStamp::new(&p, &fs::metadata(&p).unwrap());
        assert_eq!((after.len, after.mtime), (files[0].len, files[0].mtime));
        assert!(load(&path, &[after], 1).is_none());
    }

    #[test]
    fn a_file_name_that_is_not_utf8_is_kept_in_the_snapshot() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        let p = dir.path().join(name);
        fs::write(&p, "x").unwrap();
        let f = fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
        let files = vec![FileStamp::new(&p, &fs::metadata(&p).unwrap())];
        let path = dir.path().join("x.snap");
        save(&path, &files, &[], SystemTime::now(), &[entry("a")]).unwrap();
        assert!(load(&path, &files, 1).is_some());
    }

    #[test]
    fn damaged_snapshots_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let files = stamps(dir.path(), &["a.txt"], Duration::from_secs(60));
        let path = dir.path().join("x.snap");
        let entries: Vec<_> = (0..FIRST + 40).map(|i| entry(&format!("n{i}"))).collect();
        save(&path, &files, &[], SystemTime::now(), &entries).unwrap();
        let good = fs::read(&path).unwrap();
        assert!(load(&path, &files, 2).is_some());
        for cut in [0, 5, PREAMBLE, PREAMBLE + 3, good.len() / 2, good.len() - 1] {
            fs::write(&path, &good[..cut]).unwrap();
            assert!(load(&path, &files, 2).is_none(), "truncated at {cut}");
        }
        for at in [3, 9, PREAMBLE + 1, good.len() / 2, good.len() - 2] {
            let mut bad = good.clone();
            bad[at] ^= 0x55;
            fs::write(&path, &bad).unwrap();
            assert!(load(&path, &files, 2).is_none(), "flipped byte {at}");
        }
        let mut longer = good.clone();
        longer.push(0);
        fs::write(&path, &longer).unwrap();
        assert!(load(&path, &files, 2).is_none(), "trailing byte");
        assert!(load(&dir.path().join("none.snap"), &files, 2).is_none());
    }

    #[test]
    fn names_depend_on_the_roots_and_the_size_limit() {
        let a = snapshot_name(&[PathBuf::from("/x/a")], 10);
        assert_ne!(
            a,
            snapshot_name(&[PathBuf::from("/x/./a")], 10),
            "spelt otherwise"
        );
        assert_eq!(a, snapshot_name(&[PathBuf::from("/x/a")], 10));
        assert_ne!(a, snapshot_name(&[PathBuf::from("/x/b")], 10));
        assert_ne!(a, snapshot_name(&[PathBuf::from("/x/a")], 11));
        assert_ne!(
            snapshot_name(&[PathBuf::from("/x/a"), PathBuf::from("/x/b")], 10),
            snapshot_name(&[PathBuf::from("/x/b"), PathBuf::from("/x/a")], 10)
        );
        assert!(a.ends_with(".snap") && !a.contains('/'));
    }
}
