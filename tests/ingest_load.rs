//! Loading files and directories, including bad inputs, through `load_paths` in a tempdir.

use dossier::ingest::{IngestError, LoadOptions, load_paths};
use std::fs;
use std::path::PathBuf;

const ARTICLE: &str = "Eine Überschrift\n\nDer erste Absatz des Artikels ist lang genug, um als Absatz erkannt zu werden, und endet hier.\n";

#[test]
fn missing_path_is_a_not_found_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("foo.txt");
    let err = load_paths(std::slice::from_ref(&missing), &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, IngestError::NotFound { ref path } if *path == missing));
    assert_eq!(
        err.to_string(),
        format!("no such file or directory: {}", missing.display())
    );
}

#[test]
fn directories_are_walked_sorted_and_bad_files_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("b.txt"), ARTICLE).unwrap();
    fs::write(root.join("A.MD"), ARTICLE.replace("Eine", "Zweite")).unwrap();
    fs::write(root.join("x.bin.txt"), b"\x00\x01\x02binary").unwrap();
    fs::write(
        root.join("bad.txt"),
        b"Gr\xfc\xdfe aus Wien\n\nEin Absatz mit kaputtem Text.\n",
    )
    .unwrap();
    fs::write(root.join("empty.md"), b"  \n\n").unwrap();
    fs::write(root.join("paper.pdf"), b"%PDF-1.4").unwrap();
    fs::create_dir(root.join("x.txt")).unwrap();
    fs::write(root.join("x.txt").join("inner.txt"), ARTICLE).unwrap();

    let report = load_paths(&[root.to_path_buf()], &LoadOptions::default()).unwrap();
    let names: Vec<String> = report
        .articles
        .iter()
        .map(|a| {
            PathBuf::from(&a.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, vec!["A.MD", "b.txt", "bad.txt", "inner.txt"]);
    assert_eq!(report.skipped_other, 1);
    let msgs = report.messages.join("\n");
    assert!(msgs.contains("x.bin.txt: binary file"), "{msgs}");
    assert!(msgs.contains("empty.md: empty file"), "{msgs}");
    assert!(
        msgs.contains("bad.txt: invalid UTF-8, decoded with replacement characters"),
        "{msgs}"
    );
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("skipped ") && m.contains("binary"))
    );
    let bad = report
        .articles
        .iter()
        .find(|a| a.source.ends_with("bad.txt"))
        .unwrap();
    assert!(bad.text.contains('\u{FFFD}'));
}

#[test]
fn too_large_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    fs::write(&file, ARTICLE).unwrap();
    let report = load_paths(&[file], &LoadOptions { max_bytes: 10 }).unwrap();
    assert!(report.articles.is_empty());
    assert!(
        report.messages[0].contains("big.txt: file too large"),
        "{:?}",
        report.messages
    );
}

#[test]
fn crlf_files_are_normalised_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crlf.txt");
    fs::write(&file, ARTICLE.replace('\n', "\r\n")).unwrap();
    let report = load_paths(&[file], &LoadOptions::default()).unwrap();
    let a = &report.articles[0];
    assert!(!a.text.contains('\r'));
    assert_eq!(a.title, "Eine Überschrift");
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("sub")).unwrap();
    fs::write(root.join("sub").join("a.txt"), ARTICLE).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub").join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("self.txt"), root.join("self.txt")).unwrap();
    let report = load_paths(&[root.to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(report.articles.len(), 1);
    assert!(
        report.messages.iter().any(|m| m.contains("self.txt")),
        "{:?}",
        report.messages
    );
}

#[test]
fn named_files_are_filtered_by_extension_too() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("paper.PDF");
    let txt = dir.path().join("a.TXT");
    fs::write(&pdf, b"%PDF-1.4").unwrap();
    fs::write(&txt, ARTICLE).unwrap();
    let report = load_paths(&[pdf, txt.clone(), txt], &LoadOptions::default()).unwrap();
    assert_eq!(report.skipped_other, 1);
    assert_eq!(
        report.articles.len(),
        1,
        "a file named twice is loaded once"
    );
}
