//! Markdown articles are shown as their author meant them: no markup characters on screen,
//! emphasis, links and footnote markers styled, footnotes among the references, link targets in
//! the status line. Checked through `dossier render` at the five supported sizes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::{dossier_in, succeed};

use std::path::Path;

const ARTICLE: &str = "---
title: Sanktionen gegen Pjöngjang
author: Erika Muster
date: 2025-06-25
---

# Sanktionen gegen Pjöngjang

Der **UN-Sicherheitsrat** hat am Montag *neue* Sanktionen beraten, wie die [Agentur Reuters](https://example.org/reuters) berichtete.[^1]

> Wir werden das nicht hinnehmen, sagte der Botschafter.

- Erstens: die `Exportkontrollen` werden verschärft.
- Zweitens: Konten werden ~~vielleicht~~ eingefroren.

![Foto: Agentur](bild.jpg)

## Hintergrund

Der Rat tagt seit 1946 in New York.

[^1]: Reuters, 24. Juni 2025.
";

const SIZES: [&str; 5] = ["160x45", "120x35", "100x30", "80x24", "60x20"];

fn render(dir: &Path, size: &str, keys: &str, ansi: bool) -> String {
    let mut cmd = dossier_in(dir);
    cmd.arg("render").args(["--size", size, "--keys", keys]);
    if ansi {
        cmd.arg("--ansi");
    }
    let out = succeed(cmd.arg(dir.join("bericht.md")));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bericht.md"), ARTICLE).expect("write");
    dir
}

#[test]
fn no_markup_reaches_the_screen_at_any_size() {
    let dir = corpus();
    for size in SIZES {
        for keys in ["", "G"] {
            let screen = render(dir.path(), size, keys, false);
            for markup in [
                "**", "](", "[^", "> Wir", "`", "~~", "![", "bild.jpg", "---",
            ] {
                assert!(
                    !screen.contains(markup),
                    "{size} {keys:?}: {markup:?} shown:\n{screen}"
                );
            }
        }
        let top = render(dir.path(), size, "", false);
        assert!(top.contains("Sanktionen"), "{size}:\n{top}");
        assert!(top.contains("Erika Muster"), "{size}: the byline\n{top}");
    }
}

#[test]
fn the_footnote_is_joined_to_its_reference_and_the_citing_sentence_stays_a_claim() {
    let dir = corpus();
    let end = render(dir.path(), "100x30", "G", false);
    assert!(end.contains("[1] Reuters, 24. Juni 2025."), "{end}");
    let top = render(dir.path(), "160x45", "", false);
    // The sentence ending in the footnote marker is body text with a claim gutter, not a
    // heading.
    assert!(top.contains("▎Der UN-Sicherheitsrat hat"), "{top}");
}

#[test]
fn emphasis_links_and_quotes_are_styled() {
    let dir = corpus();
    let ansi = render(dir.path(), "160x45", "", true);
    let italic = |word: &str| {
        ansi.split('\u{1b}').any(|run| {
            run.contains(word)
                && run.starts_with('[')
                && run[..run.find('m').unwrap_or(0)]
                    .split(';')
                    .any(|p| p == "3")
        })
    };
    let underlined = |word: &str| {
        ansi.split('\u{1b}').any(|run| {
            run.contains(word)
                && run[..run.find('m').unwrap_or(0)]
                    .split(';')
                    .any(|p| p == "4")
        })
    };
    assert!(italic("neue"), "emphasis not italic:\n{ansi}");
    assert!(italic("hinnehmen"), "quote not italic:\n{ansi}");
    assert!(underlined("Agentur"), "link not underlined:\n{ansi}");
}

#[test]
fn the_status_line_shows_where_a_link_under_the_cursor_leads() {
    let dir = corpus();
    for size in SIZES {
        let screen = render(dir.path(), size, ")", false);
        let status = screen.lines().last().unwrap_or("");
        assert!(
            status.contains("Agentur Reuters") || status.contains("https://example.org"),
            "{size}: {status}"
        );
    }
    let wide = render(dir.path(), "160x45", ")", false);
    assert!(
        wide.lines()
            .last()
            .is_some_and(|l| l.contains("https://example.org/reuters")),
        "{wide}"
    );
    // Away from the link, the key hints come back.
    let next = render(dir.path(), "160x45", ") )", false);
    assert!(
        !next.lines().last().unwrap_or("").contains("example.org"),
        "{next}"
    );
}

#[test]
fn plain_text_files_are_not_read_as_markdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("notiz.txt"),
        "Titel\n\nDer Wert liegt bei 2*3*4 und **bleibt** so, sagte sie am Montag in Berlin.\n",
    )
    .expect("write");
    let out = dossier_in(dir.path())
        .arg("render")
        .args(["--size", "160x45"])
        .arg(dir.path().join("notiz.txt"))
        .output()
        .expect("dossier runs");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("2*3*4 und **bleibt**"), "{screen}");
}
