//! Store integration tests through the public API: round trips, re-anchoring after edits, two
//! writers at once (threads and processes), bad files, a read-only directory and a full disk.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::ingest::{bundled, parse_article};
use dossier::model::{Article, BlockKind, Span};
use dossier::store::{
    Bookmark, Resolution, Store, Target, find_article, make_anchor, position_key, resolve,
};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const NOW: i64 = 1_700_000_000;

fn seed() -> Article {
    bundled().remove(0)
}

/// A paragraph of the seed article and its block index, with its first sentence as a span.
fn paragraph_and_sentence(a: &Article, nth: usize) -> (usize, Span) {
    let (index, block) = a
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && a.block_text(b).len() > 200)
        .nth(nth)
        .expect("a long paragraph");
    let text = a.block_text(block);
    let end = text.find(". ").expect("a sentence end") + 1;
    (index, Span::new(block.span.start, block.span.start + end))
}

fn bookmark(a: &Article, nth: usize, note: &str, now: i64) -> Bookmark {
    let (block, span) = paragraph_and_sentence(a, nth);
    Bookmark::new(a, Target::Sentence, make_anchor(a, block, span), note, now)
}

#[test]
fn bookmarks_notes_and_positions_survive_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = seed();
    let mut store = Store::open(dir.path(), NOW);
    assert!(store.problems().is_empty());
    let first = bookmark(&a, 0, "Wichtig: Doktrin", NOW);
    let second = bookmark(&a, 1, "zweite\nZeile", NOW + 1);
    store.add(first.clone()).expect("add");
    store.add(second.clone()).expect("add");
    store
        .set_note(&first.id, "Wichtig: Doktrin geändert", NOW + 2)
        .expect("note");
    store
        .set_position(position_key(&a), 1234, NOW + 3)
        .expect("position");

    let reopened = Store::open(dir.path(), NOW + 10);
    assert!(reopened.problems().is_empty());
    assert_eq!(reopened.bookmarks().len(), 2);
    assert_eq!(reopened.bookmarks()[0].note, "Wichtig: Doktrin geändert");
    assert_eq!(reopened.bookmarks()[1], second);
    assert_eq!(reopened.bookmarks_for(&a.id, &a.source).len(), 2);
    assert_eq!(reopened.position_for(&a), Some(1234));
    assert_eq!(reopened.position(&a.source), Some(1234));
}

#[test]
fn deleted_bookmark_can_be_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = seed();
    let mut store = Store::open(dir.path(), NOW);
    let b = bookmark(&a, 0, "note", NOW);
    store.add(b.clone()).expect("add");
    let removed = store.delete(&b.id).expect("delete");
    assert!(Store::open(dir.path(), NOW).bookmarks().is_empty());
    store.restore(removed).expect("restore");
    assert_eq!(Store::open(dir.path(), NOW).bookmarks(), &[b]);
}

#[test]
fn bookmark_moves_with_its_sentence_after_an_edit() {
    let a = seed();
    let b = bookmark(&a, 1, "", NOW);
    let (block, _) = paragraph_and_sentence(&a, 1);
    let para_start = a.body[block].span.start;
    // Insert a paragraph before the bookmarked one and change a word in an earlier paragraph.
    let (other, _) = paragraph_and_sentence(&a, 0);
    let other_span = a.body[other].span;
    let mut text = a.text.clone();
    text.insert_str(para_start, "Ein neuer Absatz, der vorher nicht da war.\n\n");
    let other_text = a.slice(other_span).replacen(" die ", " jene ", 1);
    assert_ne!(other_text, a.slice(other_span));
    text.replace_range(other_span.start..other_span.end, &other_text);
    let edited = parse_article(&a.source, &text);
    assert_ne!(edited.id, a.id);

    let corpus = vec![edited];
    let found = find_article(&corpus, &b).expect("found by source");
    match resolve(found, &b.anchor) {
        Resolution::Moved(span) => {
            assert_eq!(found.slice(span), b.anchor.quote);
            assert!(span.start > b.anchor.start);
        }
        other => panic!("expected moved, got {other:?}"),
    }
}

#[test]
fn bookmark_follows_a_reworded_sentence_fuzzily() {
    let a = seed();
    let b = bookmark(&a, 1, "", NOW);
    let quote = &b.anchor.quote;
    let (first_word, rest) = quote.split_once(' ').expect("a space");
    let changed = format!("{first_word} {}", rest.replacen(' ', " ganz ", 1));
    let text = a.text.replacen(quote.as_str(), &changed, 1);
    let edited = parse_article(&a.source, &text);
    match resolve(&edited, &b.anchor) {
        Resolution::Fuzzy { span, score } => {
            assert_eq!(edited.slice(span), changed);
            assert!(score > 0.7, "score {score}");
        }
        other => panic!("expected fuzzy, got {other:?}"),
    }
}

#[test]
fn bookmark_on_deleted_paragraph_is_orphaned_but_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = seed();
    let b = bookmark(&a, 1, "mein Gedanke", NOW);
    let mut store = Store::open(dir.path(), NOW);
    store.add(b.clone()).expect("add");

    let (block, _) = paragraph_and_sentence(&a, 1);
    let span = a.body[block].span;
    let mut text = a.text.clone();
    text.replace_range(span.start..span.end, "");
    let edited = parse_article(&a.source, &text);
    assert_eq!(resolve(&edited, &b.anchor), Resolution::Orphaned);

    let reopened = Store::open(dir.path(), NOW + 1);
    assert_eq!(reopened.bookmarks(), &[b]);
}

fn add_many(dir: &Path, who: &str, count: usize) {
    let a = seed();
    let mut store = Store::open(dir, NOW);
    for i in 0..count {
        let b = bookmark(&a, i % 3, &format!("{who} {i}"), NOW + i as i64);
        store.add(b).expect("add");
    }
}

fn notes_on_disk(dir: &Path) -> Vec<String> {
    let bytes = fs::read(dir.join("bookmarks.json")).expect("file");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(value["version"], 1);
    let mut notes: Vec<String> = value["bookmarks"]
        .as_array()
        .expect("array")
        .iter()
        .map(|b| b["note"].as_str().expect("note").to_string())
        .collect();
    notes.sort();
    notes
}

#[test]
fn two_threads_adding_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::thread::scope(|s| {
        s.spawn(|| add_many(dir.path(), "a", 100));
        s.spawn(|| add_many(dir.path(), "b", 100));
    });
    let notes = notes_on_disk(dir.path());
    assert_eq!(notes.len(), 200);
    notes.windows(2).for_each(|w| assert_ne!(w[0], w[1]));
    assert_eq!(Store::open(dir.path(), NOW).bookmarks().len(), 200);
}

const WRITER_DIR: &str = "DOSSIER_TEST_WRITER_DIR";
const WRITER_NAME: &str = "DOSSIER_TEST_WRITER_NAME";

/// Child role for the two-process test; does nothing unless started by it.
#[test]
fn writer_process_role() {
    if let (Ok(dir), Ok(name)) = (std::env::var(WRITER_DIR), std::env::var(WRITER_NAME)) {
        add_many(Path::new(&dir), &name, 100);
    }
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = ["p", "q"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args(["--exact", "writer_process_role", "--test-threads=1"])
                .env(WRITER_DIR, dir.path())
                .env(WRITER_NAME, name)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let notes = notes_on_disk(dir.path());
    assert_eq!(notes.len(), 200);
    assert_eq!(notes.iter().filter(|n| n.starts_with("p ")).count(), 100);
}

fn assert_bad_file_is_kept(content: &[u8], expect_in_message: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.json");
    fs::write(&path, content).expect("write");
    let mut store = Store::open(dir.path(), NOW);
    assert!(!store.is_saving_enabled());
    let problem = &store.problems()[0];
    assert_eq!(problem.path, path);
    assert!(
        problem.message.starts_with("bookmarks.json: ")
            && problem.message.contains(expect_in_message),
        "{}",
        problem.message
    );
    let backup = dir.path().join(format!("bookmarks.json.corrupt-{NOW}"));
    assert_eq!(fs::read(&backup).expect("backup"), content);

    let a = seed();
    let b = bookmark(&a, 0, "nicht verlieren", NOW + 5);
    let err = store.add(b.clone()).expect_err("saving is off");
    assert!(err.is_kept_in_memory());
    assert!(err.to_string().contains("bookmarks.json"), "{err}");
    assert_eq!(fs::read(&path).expect("file"), content);
    assert_eq!(store.bookmarks(), std::slice::from_ref(&b));

    // Reopening does not pile up backups.
    drop(Store::open(dir.path(), NOW + 7));
    let backups = fs::read_dir(dir.path())
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains("corrupt"))
        })
        .count();
    assert_eq!(backups, 1);

    store.start_fresh(NOW + 10).expect("start fresh");
    assert!(store.is_saving_enabled());
    assert!(store.problems().is_empty());
    assert_eq!(fs::read(&backup).expect("backup kept"), content);
    let reopened = Store::open(dir.path(), NOW + 20);
    assert!(reopened.problems().is_empty());
    assert_eq!(reopened.bookmarks(), &[b]);
}

#[test]
fn corrupt_bookmarks_file_is_never_overwritten() {
    assert_bad_file_is_kept(
        b"{\"version\": 1,\n \"bookmarks\": [\n  {oops",
        "invalid JSON",
    );
}

#[test]
fn newer_version_file_is_never_downgraded() {
    assert_bad_file_is_kept(
        b"{\"version\": 99, \"bookmarks\": [], \"future\": true}",
        "version 99",
    );
}

#[test]
fn hand_fixed_file_is_picked_up_by_retry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.json");
    fs::write(&path, b"garbage").expect("write");
    let mut store = Store::open(dir.path(), NOW);
    let a = seed();
    let pending = bookmark(&a, 0, "pending", NOW);
    assert!(store.add(pending.clone()).is_err());
    fs::write(&path, b"{\"version\": 1, \"bookmarks\": []}").expect("fix");
    store.retry(NOW + 1).expect("retry");
    assert!(store.is_saving_enabled());
    assert_eq!(Store::open(dir.path(), NOW).bookmarks(), &[pending]);
}

/// Makes a directory refuse new files for as long as it lives: by permissions where they are
/// enforced, else (as root, who ignores them) by the immutable attribute.
struct ReadOnly<'a> {
    dir: &'a Path,
    immutable: bool,
}

impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Option<ReadOnly<'a>> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).expect("chmod");
        let probe = dir.join("probe");
        if fs::write(&probe, b"x").is_err() {
            return Some(ReadOnly {
                dir,
                immutable: false,
            });
        }
        let _ = fs::remove_file(&probe);
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).expect("chmod");
        let set = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !set {
            // Root on a file system without immutable files: nothing can refuse a write.
            eprintln!("neither permissions nor chattr +i can make a directory read-only here");
            return None;
        }
        assert!(fs::write(&probe, b"x").is_err(), "chattr +i did not stick");
        Some(ReadOnly {
            dir,
            immutable: true,
        })
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(self.dir).status();
        } else {
            let _ = fs::set_permissions(self.dir, fs::Permissions::from_mode(0o755));
        }
    }
}

#[cfg(unix)]
#[test]
fn read_only_directory_keeps_changes_until_retry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), NOW);
    let a = seed();
    store.add(bookmark(&a, 0, "first", NOW)).expect("add");
    let before = fs::read(dir.path().join("bookmarks.json")).expect("file");

    let Some(read_only) = ReadOnly::new(dir.path()) else {
        eprintln!("cannot make a read-only directory here; skipping");
        return;
    };
    let b = bookmark(&a, 1, "second", NOW + 1);
    let err = store.add(b.clone()).expect_err("read-only");
    let note = store.set_note(&b.id, "second, edited", NOW + 2);
    assert!(note.expect_err("still read-only").is_kept_in_memory());
    drop(read_only);
    assert!(err.is_kept_in_memory());
    let msg = err.to_string();
    assert!(
        msg.starts_with("not saved, the data directory is read-only: "),
        "{msg}"
    );
    assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
    assert!(msg.contains("kept in memory"), "{msg}");
    // Both changes are in memory; the file on disk is untouched and no temporary file is left.
    assert_eq!(store.bookmarks().len(), 2);
    assert_eq!(store.bookmarks()[1].note, "second, edited");
    assert_eq!(store.pending_changes(), 2);
    assert_eq!(
        fs::read(dir.path().join("bookmarks.json")).expect("file"),
        before
    );
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 2); // file and lock

    store.retry(NOW + 3).expect("retry");
    assert_eq!(store.pending_changes(), 0);
    let reopened = Store::open(dir.path(), NOW + 4);
    assert_eq!(reopened.bookmarks().len(), 2);
    assert_eq!(reopened.bookmarks()[1].note, "second, edited");
}

const DISK_FULL_DIR: &str = "DOSSIER_TEST_DISK_FULL_DIR";

/// Child role for the disk-full test; does nothing unless started by it. Runs in a process of
/// its own because the file size limit it sets applies to the whole process.
#[test]
fn disk_full_process_role() {
    let Ok(dir) = std::env::var(DISK_FULL_DIR) else {
        return;
    };
    let dir = Path::new(&dir);
    let path = dir.join("bookmarks.json");
    let a = seed();
    let mut store = Store::open(dir, NOW);
    store.add(bookmark(&a, 0, "first", NOW)).expect("add");
    let before = fs::read(&path).expect("file");

    // No file may grow past its current size: every write of a bigger file fails with EFBIG
    // (SIGXFSZ ignored), as on a full disk.
    let limit = |bytes: u64| {
        let lim = libc::rlimit {
            rlim_cur: bytes,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: plain system calls on valid arguments.
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &lim), 0);
        }
    };
    limit(before.len() as u64);
    let b = bookmark(&a, 1, "a note that must not be lost", NOW + 1);
    let err = store.add(b.clone()).expect_err("disk full");
    assert!(err.is_kept_in_memory());
    let msg = err.to_string();
    assert!(
        msg.contains("cannot write") && msg.contains("bookmarks.json"),
        "{msg}"
    );
    assert!(msg.contains("os error 27"), "EFBIG expected: {msg}");
    assert!(msg.starts_with("not saved, the disk is full: "), "{msg}");
    assert_eq!(fs::read(&path).expect("file"), before, "overwritten");
    assert_eq!(store.pending_changes(), 1);
    assert!(store.bookmarks().contains(&b));
    let leftovers: Vec<_> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Space again: retrying saves everything that was kept.
    limit(libc::RLIM_INFINITY);
    store.retry(NOW + 2).expect("retry");
    assert_eq!(store.pending_changes(), 0);
    assert!(Store::open(dir, NOW + 3).bookmarks().contains(&b));
    println!("disk full role: done");
}

#[test]
fn disk_full_keeps_changes_in_memory_and_the_old_file_intact_until_retry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new(exe)
        .args(["--exact", "disk_full_process_role", "--nocapture"])
        .env(DISK_FULL_DIR, dir.path())
        .output()
        .expect("run child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("disk full role: done"), "{stdout}");
}

/// Found by the `bookmarks` fuzz target: an anchor whose stored end disagrees with its quote
/// (a file edited by hand or damaged) resolved to a span past the text.
#[test]
fn an_anchor_whose_end_disagrees_with_its_quote_resolves_to_the_quote() {
    use dossier::model::Span;
    let a = seed();
    let b = bookmark(&a, 0, "", NOW);
    let mut anchor = b.anchor.clone();
    anchor.end = a.text.len() + 9000;
    let quote_end = anchor.start + anchor.quote.len();
    assert_eq!(
        resolve(&a, &anchor),
        Resolution::Exact(Span::new(anchor.start, quote_end))
    );
    // An empty quote at an offset inside a character is orphaned, not a span that cannot be cut.
    let inside = a
        .text
        .char_indices()
        .find(|(_, c)| c.len_utf8() > 1)
        .expect("umlaut")
        .0
        + 1;
    anchor.quote.clear();
    anchor.start = inside;
    anchor.end = inside;
    assert_eq!(resolve(&a, &anchor), Resolution::Orphaned);
}

/// Every crash file the fuzzer found for the bookmarks loader (`fuzz/regressions/bookmarks`)
/// loads and resolves to spans inside the text.
#[test]
fn fuzz_regressions_for_the_bookmarks_loader() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/bookmarks");
    let articles = dossier::ingest::bundled();
    let mut files = 0;
    for entry in fs::read_dir(dir).expect("regressions") {
        let bytes = fs::read(entry.expect("entry").path()).expect("file");
        files += 1;
        let Ok(bookmarks) = dossier::store::parse_bookmarks(&bytes) else {
            continue;
        };
        for b in &bookmarks {
            let article = find_article(&articles, b).unwrap_or(&articles[0]);
            let span = match resolve(article, &b.anchor) {
                Resolution::Exact(s) | Resolution::Moved(s) | Resolution::Fuzzy { span: s, .. } => {
                    s
                }
                Resolution::Orphaned => continue,
            };
            assert!(
                article.text.get(span.start..span.end).is_some(),
                "{span:?} in {} bytes",
                article.text.len()
            );
        }
    }
    assert!(files > 0);
}

/// A writer killed between writing its temporary file and renaming it leaves the temporary file
/// behind; the next start removes it, but never one of a process still running.
#[test]
fn temporary_files_of_a_killed_writer_are_removed_on_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let stale = dir.path().join(format!(".bookmarks.json.tmp-{dead}-3"));
    let live = dir
        .path()
        .join(format!(".positions.json.tmp-{}-0", std::process::id()));
    let other = dir.path().join(".notes.tmp-1-1");
    for p in [&stale, &live, &other] {
        fs::write(p, b"{\"version\": 1, \"bookm").expect("write");
    }
    let store = Store::open(dir.path(), NOW);
    assert!(store.problems().is_empty());
    assert!(!stale.exists(), "stale temporary file kept");
    assert!(
        live.exists(),
        "a running process's temporary file was removed"
    );
    assert!(other.exists());
}

#[test]
fn two_readers_that_make_the_same_bookmark_id_keep_both_bookmarks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = seed();
    let mut first = Store::open(dir.path(), NOW);
    let mut second = Store::open(dir.path(), NOW);
    let mine = bookmark(&a, 0, "mine", NOW);
    let mut theirs = bookmark(&a, 1, "theirs", NOW);
    // The same id, as two readers started in the same second with the same process id made
    // under the old scheme.
    theirs.id = mine.id.clone();
    first.add(mine).expect("add");
    second.add(theirs).expect("add");
    let notes: Vec<String> = Store::open(dir.path(), NOW)
        .bookmarks()
        .iter()
        .map(|b| b.note.clone())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.contains(&"mine".to_string()) && notes.contains(&"theirs".to_string()));
    let ids: std::collections::HashSet<_> = (0..1000)
        .map(|_| dossier::store::BookmarkId::generate(NOW))
        .collect();
    assert_eq!(ids.len(), 1000);
}

#[test]
fn a_symlinked_bookmarks_file_stays_a_link_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("synced");
    let data = dir.path().join("data");
    fs::create_dir_all(&synced).unwrap();
    fs::create_dir_all(&data).unwrap();
    let real = synced.join("bookmarks.json");
    fs::write(&real, "{\"version\": 1, \"bookmarks\": []}").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink(&real, data.join("bookmarks.json")).unwrap();
    let a = seed();
    let mut store = Store::open(&data, NOW);
    store
        .add(bookmark(&a, 0, "durch den Link", NOW))
        .expect("add");
    let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("durch den Link")
    );
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers: Vec<_> = fs::read_dir(&synced)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    // A plain file keeps its mode too.
    let plain = dir.path().join("plain");
    let mut store = Store::open(&plain, NOW);
    store.add(bookmark(&a, 0, "x", NOW)).expect("add");
    fs::set_permissions(
        plain.join("bookmarks.json"),
        fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    store.add(bookmark(&a, 1, "y", NOW)).expect("add");
    let mode = fs::metadata(plain.join("bookmarks.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_named_pipe_or_dev_zero_as_bookmarks_file_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo");
    fs::create_dir_all(&fifo).unwrap();
    let path = std::ffi::CString::new(fifo.join("bookmarks.json").display().to_string()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    let zero = dir.path().join("zero");
    fs::create_dir_all(&zero).unwrap();
    std::os::unix::fs::symlink("/dev/zero", zero.join("bookmarks.json")).unwrap();
    for data in [&fifo, &zero] {
        let started = std::time::Instant::now();
        let store = Store::open(data, NOW);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(!store.is_saving_enabled());
        let problem = &store.problems()[0].message;
        assert!(problem.contains("not a regular file"), "{problem}");
    }
}

#[test]
fn positions_are_still_saved_after_the_clock_goes_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), NOW);
    store.set_position("a.txt", 100, NOW).expect("position");
    // The clock is set back an hour, in this run and in the next.
    store
        .set_position("a.txt", 200, NOW - 3600)
        .expect("position");
    assert_eq!(Store::open(dir.path(), NOW).position("a.txt"), Some(200));
    let mut next = Store::open(dir.path(), NOW - 3600);
    next.set_position("a.txt", 300, NOW - 3599)
        .expect("position");
    assert_eq!(Store::open(dir.path(), NOW).position("a.txt"), Some(300));
}

#[test]
fn a_rescue_file_holds_every_bookmark_kept_in_memory_and_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("bookmarks.json"), b"{oops").unwrap();
    let a = seed();
    let mut store = Store::open(&data, NOW);
    assert!(store.add(bookmark(&a, 0, "nicht verlieren", NOW)).is_err());
    let path = store.write_rescue(&[], NOW).expect("rescue");
    assert!(path.starts_with(&data));
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let rescued = dossier::store::parse_bookmarks(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(rescued.len(), 1);
    assert_eq!(rescued[0].note, "nicht verlieren");
}
