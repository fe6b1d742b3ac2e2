//! The palette's labels of one corpus, stored beside its [`snapshot`](super::snapshot) so that
//! `dossier find` ranks without loading the corpus: the finished search index over every
//! article title, heading, claim and entity (labels already folded, lowered and masked, see
//! [`crate::search::SearchIndex::encode`]) and each article's id and source path, which is all a
//! ranking and its output lines need. Bookmarks are not stored: they change without the corpus
//! changing, and the caller adds them.
//!
//! A labels file belongs to one snapshot: it records that snapshot's [`SnapshotId`], and
//! [`open`] refuses it unless the snapshot in place has the same one, so it is never used for
//! files that changed (the caller checks the snapshot against the files with
//! [`snapshot::check`](super::snapshot::check)). It is also refused when written by another
//! extractor version, another [`LABELS_VERSION`] or a build whose folding differs
//! ([`crate::search::fold_fingerprint`]), or when damaged (every part has a CRC-32). Any of
//! these is a miss: the caller loads the corpus as before.
//!
//! # Format
//!
//! ```text
//! magic "DOSLABL1" | extractor version u32 | labels version u32 | fold fingerprint u64
//! | snapshot header CRC-32 u32 | snapshot length u64
//! | header length u64 | header CRC-32 u32 | header (postcard) | texts | tables
//! ```
//!
//! All integers little-endian. The header holds the articles' ids and sources and the length
//! and CRC-32 of the texts and the tables. Writes go to a temporary file renamed into place.
//!
//! Paths are passed in; this module must not import `ratatui`, `crossterm` or `directories`.

use super::snapshot::{SnapshotId, read_at};
use crate::extract::EXTRACTOR_VERSION;
use crate::search::{SearchIndex, fold_fingerprint};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The version of what is gathered and how it is laid out: raise it whenever
/// [`crate::corpus::candidates::gather`] or the stored index changes, so that older files are
/// refused.
pub const LABELS_VERSION: u32 = 1;

const MAGIC: &[u8; 8] = b"DOSLABL1";
/// Bytes before the header.
const PREAMBLE: usize = 8 + 4 + 4 + 8 + 4 + 8 + 8 + 4;

/// The labels file kept beside the snapshot at `snapshot`.
pub fn labels_path(snapshot: &Path) -> PathBuf {
    snapshot.with_extension("labels")
}

#[derive(Serialize, Deserialize)]
struct Header {
    /// Each article's id and source, in corpus order.
    articles: Vec<(String, String)>,
    /// Length and CRC-32 of the texts.
    texts: (u64, u32),
    /// Length and CRC-32 of the tables.
    tables: (u64, u32),
}

/// A labels file that matched.
#[derive(Debug)]
pub struct Labels {
    /// The index over the corpus' candidates (no bookmarks), details left empty.
    pub index: SearchIndex,
    /// Each article's id and source path, in corpus order (what the candidates' article
    /// numbers refer to).
    pub articles: Vec<(String, String)>,
}

/// The preamble written for `snapshot`.
fn preamble(snapshot: SnapshotId, header: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(PREAMBLE);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&EXTRACTOR_VERSION.to_le_bytes());
    out.extend_from_slice(&LABELS_VERSION.to_le_bytes());
    out.extend_from_slice(&fold_fingerprint().to_le_bytes());
    out.extend_from_slice(&snapshot.header_crc.to_le_bytes());
    out.extend_from_slice(&snapshot.len.to_le_bytes());
    out.extend_from_slice(&(header.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(header).to_le_bytes());
    out
}

/// The header's length and checksum from `bytes`, when they are a preamble this build wrote
/// for `snapshot`.
fn parse_preamble(bytes: &[u8], snapshot: SnapshotId) -> Option<(usize, u32)> {
    if bytes.len() < PREAMBLE {
        return None;
    }
    let expected = preamble(snapshot, &[]);
    // Everything up to the header's length must be as this build writes it for `snapshot`.
    let fixed = PREAMBLE - 12;
    if bytes[..fixed] != expected[..fixed] {
        return None;
    }
    let len = usize::try_from(u64::from_le_bytes(bytes[fixed..fixed + 8].try_into().ok()?)).ok()?;
    let crc = u32::from_le_bytes(bytes[fixed + 8..PREAMBLE].try_into().ok()?);
    (len < 1 << 30).then_some((len, crc))
}

/// True when the labels file at `path` was written by this build for `snapshot` (its first
/// bytes only are read: whether it is intact is [`open`]'s business).
pub fn is_current(path: &Path, snapshot: SnapshotId) -> bool {
    fs::File::open(path)
        .ok()
        .and_then(|f| read_at(&f, 0, PREAMBLE))
        .and_then(|p| parse_preamble(&p, snapshot))
        .is_some()
}

/// Reads the labels file at `path` if it was written for `snapshot` by this build and is
/// intact; `None` otherwise.
pub fn open(path: &Path, snapshot: SnapshotId) -> Option<Labels> {
    let file = fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let (header_len, header_crc) = parse_preamble(&read_at(&file, 0, PREAMBLE)?, snapshot)?;
    let raw = read_at(&file, PREAMBLE as u64, header_len)?;
    if crc32fast::hash(&raw) != header_crc {
        return None;
    }
    let header: Header = postcard::from_bytes(&raw).ok()?;
    drop(raw);
    let texts_at = (PREAMBLE + header_len) as u64;
    let tables_at = texts_at.checked_add(header.texts.0)?;
    if tables_at.checked_add(header.tables.0)? != size {
        return None;
    }
    let texts = read_at(&file, texts_at, usize::try_from(header.texts.0).ok()?)?;
    let tables = read_at(&file, tables_at, usize::try_from(header.tables.0).ok()?)?;
    if crc32fast::hash(&texts) != header.texts.1 || crc32fast::hash(&tables) != header.tables.1 {
        return None;
    }
    let index = SearchIndex::decode(texts, &tables)?;
    let articles = header.articles;
    let in_range = index.max_article().is_none_or(|a| a < articles.len());
    in_range.then_some(Labels { index, articles })
}

/// Writes the labels file for the corpus whose snapshot is `snapshot`, atomically: `index`
/// over its candidates, `articles` each article's id and source in corpus order.
pub fn save(
    path: &Path,
    snapshot: SnapshotId,
    index: &SearchIndex,
    articles: &[(&str, &str)],
) -> io::Result<()> {
    let (texts, tables) = index
        .encode()
        .ok_or_else(|| io::Error::other("the labels exceed 4 GiB"))?;
    let header = Header {
        articles: articles
            .iter()
            .map(|&(id, source)| (id.to_string(), source.to_string()))
            .collect(),
        texts: (texts.len() as u64, crc32fast::hash(&texts)),
        tables: (tables.len() as u64, crc32fast::hash(&tables)),
    };
    let header = postcard::to_stdvec(&header).map_err(io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = super::temp_beside(path);
    let write = || -> io::Result<()> {
        let mut f = io::BufWriter::new(fs::File::create(&tmp)?);
        f.write_all(&preamble(snapshot, &header))?;
        f.write_all(&header)?;
        f.write_all(&texts)?;
        f.write_all(&tables)?;
        f.into_inner().map_err(io::IntoInnerError::into_error)?;
        // No fsync: a file torn by a crash fails its checksums and is a miss.
        fs::rename(&tmp, path)
    };
    write().inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}
