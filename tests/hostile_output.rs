//! Escape sequences in an article, a file name and a note never reach a terminal through any
//! subcommand's standard output or standard error: every output is scanned byte by byte.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::dossier_in;

use std::fs;
use std::path::Path;
use std::process::Output;

/// A clipboard write, a title change, a screen clear, a device query (DCS), 8-bit CSI and NEL,
/// a full reset.
const NASTY: &str =
    "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}P+q\u{1b}\\\u{9b}31m\u{85}\u{1b}c";

fn dossier(args: &[&str], dir: &Path) -> Output {
    dossier_in(dir).args(args).output().expect("dossier runs")
}

/// Removes the SGR sequences (`ESC [ digits ; ... m`) that `render --ansi` writes itself.
fn without_own_sgr(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            let end = bytes[i + 2..]
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .map(|p| i + 2 + p);
            if let Some(end) = end
                && bytes[end] == b'm'
            {
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// A corpus of two articles full of escape sequences, one under a file name full of them, an
/// empty file with such a name (reported on stderr), and a note full of them on the first.
fn hostile_corpus(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    let first = corpus.join(format!("a-{NASTY}.md"));
    fs::write(
        &first,
        format!(
            "# Angriff {NASTY} auf Kiew\n\nVon Anna Schmidt {NASTY}\n\n\
             Am 3. März 2024 sagte Präsident Wolodymyr Selenskyj {NASTY}, die Armee habe 40 Drohnen \
             abgeschossen. Die Regierung in Kiew erklärte am 4. März 2024, der Angriff {NASTY} sei \
             abgewehrt worden.\n\nDer Bürgermeister von Kiew, Vitali Klitschko, sagte am \
             5. März 2024, es gebe {NASTY} keine Opfer.\n"
        ),
    )
    .unwrap();
    fs::write(
        corpus.join("b.md"),
        format!(
            "# Drohnen über Kiew {NASTY}\n\n\
             Am 3. März 2024 sagte Selenskyj {NASTY}, die Armee habe 38 Drohnen abgeschossen. \
             Vitali Klitschko sagte am 5. März 2024, es gebe {NASTY} keine Opfer.\n"
        ),
    )
    .unwrap();
    fs::write(corpus.join(format!("empty-{NASTY}.txt")), "").unwrap();
    let data = dir.join("data");
    fs::create_dir_all(&data).unwrap();
    let bookmarks = serde_json::json!({
        "version": 1,
        "bookmarks": [{
            "id": "1",
            "article": "unknown",
            "source": first.display().to_string(),
            "title": format!("Angriff {NASTY} auf Kiew"),
            "target": "paragraph",
            "anchor": {
                "block": 1,
                "start": 0,
                "end": 30,
                "quote": format!("Am 3. März 2024 sagte Präsident Wolodymyr Selenskyj {NASTY}"),
                "prefix": "",
                "suffix": ""
            },
            "note": format!("Notiz {NASTY}\nzweite Zeile {NASTY}"),
            "created": 1,
            "updated": 1
        }]
    });
    fs::write(
        data.join("bookmarks.json"),
        serde_json::to_vec_pretty(&bookmarks).unwrap(),
    )
    .unwrap();
    corpus
}

#[test]
fn no_subcommand_writes_an_escape_sequence_from_an_article_a_file_name_or_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let corpus = corpus.display().to_string();
    let missing = format!("missing-{NASTY}.txt");
    let runs: Vec<(Vec<&str>, bool)> = vec![
        (vec!["render", "--size", "160x45", &corpus], false),
        (vec!["render", "--size", "160x45", "--ansi", &corpus], true),
        (
            vec!["render", "--size", "160x45", "--keys", "B", &corpus],
            false,
        ),
        (vec!["extract", &corpus], false),
        (vec!["extract", "--format", "jsonl", &corpus], false),
        (vec!["extract", "--raw", &corpus], false),
        (vec!["export", &corpus], false),
        (vec!["export", "--format", "json", &corpus], false),
        (vec!["compare", &corpus], false),
        (vec!["compare", "--format", "json", &corpus], false),
        (vec!["timeline", &corpus], false),
        (vec!["timeline", "--format", "json", &corpus], false),
        (vec!["find", "kiew", &corpus], false),
        (vec!["find", "--list", &corpus], false),
        (vec!["index", &corpus], false),
        (vec!["render", &missing], false),
    ];
    let mut shown = 0;
    for (args, ansi) in &runs {
        let out = dossier(args, dir.path());
        let stdout = if *ansi {
            without_own_sgr(&out.stdout)
        } else {
            out.stdout.clone()
        };
        for (name, bytes) in [("stdout", &stdout), ("stderr", &out.stderr)] {
            assert!(
                !dossier::sanitize::has_terminal_control(bytes),
                "{args:?} wrote a control character to {name}:\n{}",
                String::from_utf8_lossy(bytes).escape_debug()
            );
        }
        if args[0] == "extract" || args.contains(&"json") {
            // Still JSON (a stream of values): escaping changed no structure.
            let values: Vec<serde_json::Value> = serde_json::Deserializer::from_slice(&out.stdout)
                .into_iter()
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"));
            assert!(!values.is_empty(), "{args:?}");
        }
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        let text = String::from_utf8_lossy(&all);
        // The hostile text did reach the output, defused (JSON keeps it escaped).
        if text.contains("\u{FFFD}]52;c;ZXZpbA==") || text.contains("\\u001b]52;c;ZXZpbA==") {
            shown += 1;
        }
    }
    assert!(
        shown >= runs.len() - 2,
        "only {shown} of {} outputs showed the hostile text",
        runs.len()
    );
}

#[test]
fn json_outputs_escape_c1_controls_and_line_separators() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a.md"),
        "# Titel mit \u{85}NEL und \u{2028} Trenner\n\nAm 3. März 2024 sagte Olaf Scholz \u{2029} \
         in Berlin, alles \u{9b}2J sei gut.\n",
    )
    .unwrap();
    let corpus = corpus.display().to_string();
    for args in [
        vec!["extract", &corpus],
        vec!["timeline", "--format", "json", &corpus],
        vec!["compare", "--format", "json", &corpus],
    ] {
        let out = dossier(&args, dir.path());
        // `compare` on a corpus without claim groups says so and exits 1.
        assert!(
            out.status.success() || (args[0] == "compare" && out.status.code() == Some(1)),
            "{args:?}"
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains(['\u{85}', '\u{9b}', '\u{2028}', '\u{2029}']),
            "{args:?}: {text}"
        );
    }
    let out = dossier(&["extract", &corpus], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\\u009b2J") && text.contains("\\u2029"),
        "{text}"
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(value.to_string().contains("\u{9b}2J"));
}
