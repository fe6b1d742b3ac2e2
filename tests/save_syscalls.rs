//! Reading positions are saved when the reader pauses and on quitting, never on the key that
//! moved them: five article switches in `dossier render` cost one lock, one rename and the
//! file's and directory's syncs, counted with `strace` (skipped, with a message, where strace is
//! not installed; `.ci/run` installs it).

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::binary::{dossier_in, succeed};

fn strace_available() -> bool {
    Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The calls of `trace` in an `strace -f -o` log, with their arguments, that succeeded.
fn calls<'a>(log: &'a str, name: &str) -> Vec<&'a str> {
    log.lines()
        .filter_map(|l| {
            let call = l.split_once(' ').map_or(l, |(_, rest)| rest).trim_start();
            call.starts_with(&format!("{name}(")).then_some(call)
        })
        .filter(|c| c.trim_end().ends_with("= 0"))
        .collect()
}

fn render_traced(dir: &Path, keys: &str) -> String {
    let log = dir.join(format!("strace-{}.log", keys.len()));
    let mut cmd = Command::new("strace");
    cmd.args([
        "-f",
        "-e",
        "trace=flock,rename,renameat,renameat2,fsync,fdatasync",
        "-o",
    ])
    .arg(&log);
    let inner = dossier_in(dir);
    cmd.arg(inner.get_program());
    cmd.args(inner.get_args());
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.args(["render", "--size", "120x30", "--keys", keys])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    succeed(&mut cmd);
    std::fs::read_to_string(&log).expect("strace wrote its log")
}

#[test]
fn five_article_switches_save_the_positions_once() {
    if !strace_available() {
        eprintln!("skipped: strace is not installed");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install strace for this test"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A first run fills the extraction cache, so the traced run writes only what the keys do.
    succeed(
        dossier_in(dir.path())
            .args(["render", "--size", "120x30", "--keys", "j"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")),
    );
    let log = render_traced(dir.path(), "J J J J J");
    let data = dir.path().join("data").display().to_string();
    let renames: Vec<&str> = ["rename", "renameat", "renameat2"]
        .iter()
        .flat_map(|n| calls(&log, n))
        .collect();
    let into_data: Vec<&&str> = renames.iter().filter(|c| c.contains(&data)).collect();
    assert_eq!(
        into_data.len(),
        1,
        "one save for five switches, got renames {renames:#?}"
    );
    assert!(
        calls(&log, "flock").len() <= 1,
        "at most one lock: {:#?}",
        calls(&log, "flock")
    );
    let syncs = calls(&log, "fsync").len() + calls(&log, "fdatasync").len();
    assert!(syncs <= 2, "the file and its directory, got {syncs} syncs");
    // And the save happened: the positions are in the data directory.
    let saved = std::fs::read_to_string(dir.path().join("data").join("positions.json"))
        .expect("positions.json written");
    assert!(
        into_data[0].contains("positions.json") && saved.len() > 2,
        "the positions were written: {saved}"
    );
}
