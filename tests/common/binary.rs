//! The release binary under test, run in a sandbox: its own config, data and cache directories
//! under a test's temporary directory, and none of the environment variables that change
//! colours or logging, so a test sees the same output on every machine.

#![allow(dead_code, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// `dossier` with `--config-dir`, `--data-dir` and `--cache-dir` set to `config`, `data` and
/// `cache` under `dir`, and `NO_COLOR`, `CLICOLOR_FORCE` and `DOSSIER_LOG` removed.
pub fn dossier_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(["--config-dir", &dir.join("config").display().to_string()])
        .args(["--data-dir", &dir.join("data").display().to_string()])
        .args(["--cache-dir", &dir.join("cache").display().to_string()])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("DOSSIER_LOG");
    cmd
}

/// Runs `cmd`, failing the test with its stderr unless it exits with status 0.
pub fn succeed(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("dossier runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
