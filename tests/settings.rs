//! Themes, colour switches and the log file, through the binary: built-in and file themes
//! change the colours `render --ansi` prints, `NO_COLOR` and `CLICOLOR_FORCE` are honoured, and
//! logs go to the file, never to the terminal.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::dossier_in;

use std::path::Path;

fn render(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut cmd = dossier_in(dir);
    cmd.args(extra)
        .args(["render", "--ansi", "--size", "100x30"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether the screen has any foreground colour escape.
fn has_colour(screen: &str) -> bool {
    (30..=37)
        .chain(90..=97)
        .any(|n| screen.contains(&format!("[{n}m")) || screen.contains(&format!(";{n}m")))
        || screen.contains("38;5;")
        || screen.contains("38;2;")
}

#[test]
fn built_in_and_file_themes_change_the_colours() {
    let dir = tempfile::tempdir().unwrap();
    let (default, _) = render(dir.path(), &[], &[]);
    assert!(has_colour(&default));
    assert!(
        !default.contains("38;5;"),
        "the default theme uses the 16 ANSI colours"
    );
    let (dark, _) = render(dir.path(), &["--theme", "dark"], &[]);
    assert!(dark.contains("38;5;"), "dark uses 256-colour tones");
    let (light, _) = render(dir.path(), &["--theme", "light"], &[]);
    assert_ne!(dark, light);

    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("theme.toml"),
        "base = \"16-colour\"\n[colors]\ntitle = \"#123456\"\n",
    )
    .unwrap();
    let (file, warnings) = render(dir.path(), &[], &[]);
    assert!(file.contains("38;2;18;52;86"), "theme.toml is used: {file}");
    assert!(warnings.is_empty(), "{warnings}");

    std::fs::write(config.join("config.toml"), "theme = \"nonesuch\"\n").unwrap();
    let (_, warnings) = render(dir.path(), &[], &[]);
    assert!(warnings.contains("nonesuch"), "{warnings}");
}

#[test]
fn no_color_and_clicolor_force_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, _) = render(dir.path(), &[], &[("NO_COLOR", "1")]);
    assert!(!has_colour(&plain), "{plain}");
    // Attributes stay: the screen still reads without colour.
    assert!(plain.contains("\u{1b}[1m") || plain.contains(";1m") || plain.contains("[1;"));
    let (forced, _) = render(
        dir.path(),
        &[],
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
    );
    assert!(has_colour(&forced));
}

#[test]
fn logs_go_to_the_file_in_the_cache_dir_and_not_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/config.toml"), "colour = 1\n").unwrap();
    let (_, stderr) = render(dir.path(), &["--log-level", "debug"], &[]);
    let log = std::fs::read_to_string(dir.path().join("cache/dossier.log")).unwrap();
    assert!(log.contains("DEBUG") && log.contains("started"), "{log}");
    assert!(log.contains("WARN") && log.contains("config.toml"), "{log}");
    assert!(
        !stderr.contains("DEBUG") && !stderr.contains("started"),
        "{stderr}"
    );
    // DOSSIER_LOG sets the filter the same way.
    let (_, _) = render(dir.path(), &[], &[("DOSSIER_LOG", "error")]);
    let after = std::fs::read_to_string(dir.path().join("cache/dossier.log")).unwrap();
    assert_eq!(after.matches("started").count(), 1, "{after}");
}
