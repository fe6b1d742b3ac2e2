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

#[cfg(unix)]
#[test]
fn a_named_pipe_and_a_dangling_link_are_skipped_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a.txt"), ARTICLE).unwrap();
    let fifo = root.join("pipe.txt");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("gone.txt")).unwrap();
    let start = std::time::Instant::now();
    let report = load_paths(&[root.to_path_buf()], &LoadOptions::default()).unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(report.articles.len(), 1);
    let msgs = report.messages.join("\n");
    assert!(
        msgs.contains("pipe.txt: not a regular file (a named pipe, device or socket)"),
        "{msgs}"
    );
    assert!(msgs.contains("gone.txt: cannot read"), "{msgs}");
    // Named directly, too.
    let report = load_paths(&[fifo], &LoadOptions::default()).unwrap();
    assert!(report.articles.is_empty());
    assert!(report.messages[0].contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_skipped_with_a_message() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, ARTICLE).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Root reads it anyway: make it a directory entry that cannot be opened instead.
        fs::remove_file(&locked).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem/none", &locked).unwrap();
    }
    fs::write(dir.path().join("ok.txt"), ARTICLE).unwrap();
    let report = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(report.articles.len(), 1);
    assert!(
        report
            .messages
            .iter()
            .any(|m| m.starts_with("skipped ") && m.contains("locked.txt: cannot read")),
        "{:?}",
        report.messages
    );
}

#[test]
fn a_50_mb_file_is_skipped_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let start = std::time::Instant::now();
    let report = load_paths(&[big], &LoadOptions::default()).unwrap();
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    assert!(report.articles.is_empty());
    assert!(
        report.messages[0].contains("big.txt: file too large (52428800 bytes, limit 20971520"),
        "{:?}",
        report.messages
    );
}

#[test]
fn a_5_mb_single_line_is_loaded_analysed_and_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("line.txt");
    let sentence =
        "Kim Jong-un sagte am 19. Juni 2024 in Pjöngjang, 10.000 Soldaten seien bereit. ";
    let line = sentence.repeat(5 * 1024 * 1024 / sentence.len());
    fs::write(&file, &line).unwrap();
    let start = std::time::Instant::now();
    let report = load_paths(&[file], &LoadOptions::default()).unwrap();
    let article = &report.articles[0];
    let analysis = dossier::extract::analyze(article);
    assert!(analysis.mentions.len() > 100_000);
    let layout =
        dossier::reflow::layout_article(article, 80, &dossier::reflow::Hyphenators::hyphens_only());
    assert!(layout.lines.len() > 60_000);
    assert!(
        layout
            .lines
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 80)
    );
    // Comparing every mention with every other once took minutes here.
    assert!(
        start.elapsed() < std::time::Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_hundred_thousand_tiny_files_load() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100_000 {
        let sub = dir.path().join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir(&sub).unwrap();
        }
        fs::write(
            sub.join(format!("{i:06}.txt")),
            format!("Titel {i}\n\nEin Satz.\n"),
        )
        .unwrap();
    }
    let report = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
    assert_eq!(report.articles.len(), 100_000);
    assert!(report.messages.is_empty(), "{:?}", &report.messages[..1]);
    assert_eq!(report.articles[99_999].title, "Titel 99999");
}

#[test]
fn bom_crlf_zero_width_and_right_to_left_text_load_and_fit_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.txt");
    fs::write(
        &file,
        "\u{feff}Titel\u{200b}mit Nullbreite\r\n\r\nשלום עולם مرحبا بالعالم 北朝鮮の兵士 😀 \
         e\u{301} Wort\u{200d}Wort \u{202e}umgedreht\u{202c} Ende.\r\n",
    )
    .unwrap();
    let report = load_paths(&[file], &LoadOptions::default()).unwrap();
    let a = &report.articles[0];
    assert!(!a.text.starts_with('\u{feff}'));
    assert!(!a.text.contains('\r'));
    assert_eq!(a.title, "Titel\u{200b}mit Nullbreite");
    for width in [8u16, 13, 20, 40] {
        let layout = dossier::reflow::layout_article(
            a,
            width,
            &dossier::reflow::Hyphenators::hyphens_only(),
        );
        let text: String = layout.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(text.contains("שלום"), "{text}");
        for l in &layout.lines {
            assert!(
                unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= usize::from(width),
                "{:?}",
                l.text
            );
        }
    }
}

#[test]
fn two_thousand_nested_folders_are_walked_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut path = dir.path().to_path_buf();
    let mut files = 0;
    for depth in 0..2000 {
        path.push("d");
        if depth % 100 == 99 {
            fs::create_dir_all(&path).unwrap();
            fs::write(path.join("a.txt"), ARTICLE).unwrap();
            files += 1;
        }
    }
    fs::create_dir_all(&path).unwrap();
    let root = vec![dir.path().to_path_buf()];
    let started = std::time::Instant::now();
    let report = load_paths(&root, &LoadOptions::default()).unwrap();
    let walked = started.elapsed();
    assert_eq!(report.articles.len(), files, "{:?}", report.messages);
    let started = std::time::Instant::now();
    let corpus = dossier::index::IndexedCorpus::collect(dossier::index::Indexer::start(
        root,
        LoadOptions::default(),
        None,
    ));
    let indexed = started.elapsed();
    assert_eq!(corpus.corpus.len(), files, "{:?}", corpus.messages);
    // Resolving each folder's canonical path took 130 s here; a walk linear in the entries
    // takes well under a second.
    assert!(
        walked < std::time::Duration::from_secs(5) && indexed < std::time::Duration::from_secs(5),
        "walk {walked:?}, index {indexed:?}"
    );
}
