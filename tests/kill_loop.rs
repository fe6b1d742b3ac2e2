//! SIGKILL while saving: the real binary bookmarks sentence after sentence (each bookmark is one
//! locked read-modify-write of `bookmarks.json`) and is killed at seeded random moments. While it
//! runs, the test keeps reading the file as another program would; every bookmark seen there has
//! had its save completed. The file must be valid at every read and after the kill, must hold
//! every bookmark seen before the kill, and the reader must start on it again and save more.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::dossier_in;

use dossier::store::{Store, parse_bookmarks};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The tests of this file time the reader and kill it at chosen moments: run side by side, each
/// would slow the other down between its timing runs and its kills, so they take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Kills per test run.
const ROUNDS: usize = 12;

/// A small deterministic generator (SplitMix64), so the kill moments are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Keys that bookmark one sentence after another through all five bundled articles.
fn bookmarking_keys() -> String {
    let per_article = vec![") m"; 30].join(" ");
    vec![per_article; 5].join(" J ")
}

fn spawn_reader(dir: &Path, keys: &str) -> Child {
    dossier_in(dir)
        .args(["render", "--size", "100x30", "--keys", keys])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier starts")
}

/// The ids in `bookmarks.json` now (empty when there is none yet). Panics on a file that does not
/// load: at no moment may a reader find a torn or half-written file.
fn ids_on_disk(data: &Path) -> BTreeSet<String> {
    match std::fs::read(data.join("bookmarks.json")) {
        Ok(bytes) => parse_bookmarks(&bytes)
            .unwrap_or_else(|e| {
                panic!(
                    "bookmarks.json does not load: {e}\n{}",
                    String::from_utf8_lossy(&bytes)
                )
            })
            .into_iter()
            .map(|b| b.id.0)
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => panic!("bookmarks.json cannot be read: {e}"),
    }
}

/// Runs the reader to the end once, watching its file: when the first bookmark reached it, how
/// long the whole run took and how many bookmarks it saved.
fn full_run(keys: &str) -> (Duration, Duration, usize) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let start = Instant::now();
    let mut child = spawn_reader(dir.path(), keys);
    let mut first = None;
    while child.try_wait().unwrap().is_none() {
        if first.is_none() && !ids_on_disk(&data).is_empty() {
            first = Some(start.elapsed());
        }
        sleep(Duration::from_micros(200));
    }
    let took = start.elapsed();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total = ids_on_disk(&data).len();
    (first.unwrap_or(took), took, total)
}

#[test]
fn sigkill_while_saving_bookmarks_never_loses_a_completed_save() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let keys = bookmarking_keys();
    // Kill moments are drawn from the time the bookmarks are being saved (after start-up, which
    // loads and analyses the corpus) in the fastest of three whole runs: the first run of a test
    // binary can be much slower (a cold binary, a busy machine), and moments drawn from it would
    // mostly fall after the reader has already finished.
    let runs: Vec<(Duration, Duration, usize)> = (0..3).map(|_| full_run(&keys)).collect();
    let first = runs.iter().map(|r| r.0).min().unwrap();
    let took = runs.iter().map(|r| r.1).min().unwrap().max(first);
    let total = runs.iter().map(|r| r.2).min().unwrap();
    assert!(total >= 100, "the script saves many bookmarks: {total}");

    let mut rng = Rng(0x5EED_D055_1E12);
    let mut mid_run_kills = 0;
    let mut counts_at_kill = BTreeSet::new();
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        // A little before the first save up to the end of the fastest run.
        let from = first.saturating_sub(Duration::from_millis(20));
        let delay = from + Duration::from_micros(rng.below((took - from).as_micros() as u64 + 1));
        let mut child = spawn_reader(dir.path(), &keys);
        let start = Instant::now();
        let mut seen = BTreeSet::new();
        while start.elapsed() < delay {
            let now = ids_on_disk(&data);
            assert!(
                now.is_superset(&seen),
                "round {round}: a saved bookmark vanished from the file"
            );
            seen = now;
            sleep(Duration::from_micros(500));
        }
        if child.try_wait().unwrap().is_none() {
            mid_run_kills += 1;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let after = ids_on_disk(&data);
        assert!(
            after.is_superset(&seen),
            "round {round}: {} bookmarks seen saved before the kill, {} in the file after it",
            seen.len(),
            after.len()
        );
        counts_at_kill.insert(after.len());

        // The store opens the file without complaint and keeps every bookmark.
        let store = Store::open(&data, 1_800_000_000);
        assert!(store.problems().is_empty(), "{:?}", store.problems());
        assert!(store.is_saving_enabled());
        assert_eq!(store.bookmarks().len(), after.len());
    }
    // The kills really landed while bookmarks were being saved, at different points.
    assert!(
        mid_run_kills >= ROUNDS / 2,
        "only {mid_run_kills} kills landed mid-run"
    );
    assert!(
        counts_at_kill
            .iter()
            .filter(|&&n| n > 0 && n < total)
            .count()
            >= 3,
        "kills landed at too few points: {counts_at_kill:?} of {total}"
    );
}

#[test]
fn the_reader_saves_again_after_being_killed_mid_save() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let keys = bookmarking_keys();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = spawn_reader(dir.path(), &keys);
    let start = Instant::now();
    while ids_on_disk(&data).len() < 5 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no bookmarks saved"
        );
        sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = ids_on_disk(&data);

    // A second reader on the same directory: the lock left by the killed one is free, and the
    // next bookmark (on the first article's last sentence, which the script does not reach) is
    // added.
    let out = spawn_reader(dir.path(), "G m").wait_with_output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    let after = ids_on_disk(&data);
    assert_eq!(after.len(), before.len() + 1, "{before:?} -> {after:?}");
    assert!(after.is_superset(&before));
    // A temporary file the killed reader may have left mid-write is cleared away.
    let leftovers: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
