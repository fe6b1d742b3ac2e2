//! The binary's command line: bad paths, skipped files, keymap errors and headless rendering,
//! checked through exit status, stdout and stderr.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::dossier_in;

use std::fs;
use std::process::Output;

fn dossier(args: &[&str], dir: &std::path::Path) -> Output {
    dossier_in(dir).args(args).output().expect("dossier runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn missing_path_exits_non_zero_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["no-such-file.txt"][..],
        &["render", "no-such-file.txt"][..],
    ] {
        let out = dossier(args, dir.path());
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("no-such-file.txt"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn render_prints_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["render", "--size", "160x45"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = text(&out.stdout);
    assert_eq!(screen.lines().count(), 45);
    assert!(screen.contains("Nordkoreas Militäreinsatz in Europa"));
    assert!(screen.contains("Articles (5)"));
    assert!(screen.contains("Claims"));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn render_feeds_keys_and_rejects_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(
        &["render", "--size", "120x30", "--keys", "J J <Tab>"],
        dir.path(),
    );
    assert!(
        text(&out.stdout).contains("CLAIMS │ 3/5"),
        "{}",
        text(&out.stdout)
    );
    let out = dossier(&["render", "--keys", "<Hyper-x>"], dir.path());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("unknown key '<Hyper-x>'"),
        "{}",
        text(&out.stderr)
    );
    let out = dossier(&["render", "--size", "0x5"], dir.path());
    assert!(!out.status.success());
}

#[test]
fn skipped_and_damaged_files_are_reported_on_stderr_and_in_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(
        corpus.join("good.txt"),
        "Ein Titel\n\nEin Absatz über Berlin, der lang genug ist.\n",
    )
    .unwrap();
    fs::write(corpus.join("blob.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(corpus.join("empty.md"), "").unwrap();
    fs::write(
        corpus.join("latin1.txt"),
        b"Titel\n\nGr\xfc\xdfe aus K\xf6ln, ein Absatz.\n",
    )
    .unwrap();
    fs::write(corpus.join("paper.pdf"), b"%PDF-1.4").unwrap();
    let out = dossier(
        &["render", "--size", "160x45", &corpus.display().to_string()],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("blob.txt"), "{err}");
    assert!(err.contains("empty.md"), "{err}");
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(err.contains("skipped 1 file"), "{err}");
    let screen = text(&out.stdout);
    assert!(screen.contains("Articles (2)"), "{screen}");
}

#[test]
fn keymap_errors_name_file_and_line_and_the_defaults_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let keymap = dir.path().join("mine.toml");
    fs::write(
        &keymap,
        "[global]\n\"x\" = \"nxt_article\"\n\"ctrl-n\" = \"next_article\"\n",
    )
    .unwrap();
    let out = dossier(
        &[
            "render",
            "--keymap",
            &keymap.display().to_string(),
            "--keys",
            "<C-n>",
        ],
        dir.path(),
    );
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("mine.toml:2: unknown action 'nxt_article' (did you mean 'next_article'?)"),
        "{err}"
    );
    assert!(
        text(&out.stdout).contains("READ │ 2/5"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_missing_keymap_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["render", "--keymap", "nope.toml"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("nope.toml"));
}

#[test]
fn every_shipped_keymap_loads_without_errors() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut seen = 0;
    for entry in fs::read_dir(format!("{root}/keymaps")).unwrap() {
        let path = entry.unwrap().path();
        let (_, errors) = dossier::keymap::parse_keymap_file(
            &path.display().to_string(),
            &fs::read_to_string(&path).unwrap(),
        );
        assert!(errors.is_empty(), "{errors:?}");
        seen += 1;
    }
    assert!(seen >= 2);
    let dir = tempfile::tempdir().unwrap();
    let emacs = format!("{root}/keymaps/emacs.toml");
    let out = dossier(
        &["render", "--keymap", &emacs, "--keys", "<A-n> <C-n>"],
        dir.path(),
    );
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("READ │ 2/5"));
}

#[test]
fn render_ansi_shows_entity_colours_unless_no_color_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["render", "--ansi", "--size", "160x45"], dir.path());
    let coloured = text(&out.stdout);
    assert!(coloured.contains(";4;32m"), "places: underlined and green");
    let out = dossier_in(dir.path())
        .args(["render", "--ansi", "--size", "160x45"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let plain = text(&out.stdout);
    assert!(plain.contains("\u{1b}[0;4m"), "places still underlined");
    for code in 30..=37 {
        assert!(
            !plain.contains(&format!(";{code}m")),
            "colour {code} under NO_COLOR"
        );
    }
}

#[test]
fn extract_prints_one_object_per_file_and_reports_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let seed = format!("{root}/seeds/004_7e917bff9e613273.txt");
    let out = dossier(
        &["extract", "--format", "jsonl", "missing.txt", &seed],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("missing.txt"));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    let content = fs::read_to_string(&seed).unwrap();
    for e in v["entities"].as_array().unwrap() {
        let (s, e2) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&content[s..e2], e["text"].as_str().unwrap());
    }
    assert!(v["title"].as_str().unwrap().contains("Kanonenfutter"));
}

#[test]
fn export_writes_markdown_and_json_with_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(
        &["render", "--keys", ") m a W i c h t i g <Esc>"],
        dir.path(),
    );
    assert!(out.status.success());
    let md = dossier(&["export"], dir.path());
    let md = text(&md.stdout);
    assert!(md.starts_with("---\n"), "{md}");
    assert!(md.contains("\n> "), "{md}");
    assert!(md.contains("Wichtig"));
    let file = dir.path().join("notes.json");
    let out = dossier(
        &[
            "export",
            "--format",
            "json",
            "--output",
            &file.display().to_string(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert!(v.to_string().contains("Wichtig"));
}

#[test]
fn a_corrupt_bookmarks_file_is_reported_backed_up_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let garbage = b"{\"version\": 1, \"bookmarks\": [ {oops";
    fs::write(data.join("bookmarks.json"), garbage).unwrap();
    let out = dossier(&["render", "--size", "160x45", "--keys", ") m"], dir.path());
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("bookmarks.json"), "{err}");
    let screen = text(&out.stdout);
    assert!(screen.contains("NOT SAVING"), "{screen}");
    assert_eq!(fs::read(data.join("bookmarks.json")).unwrap(), garbage);
    let backups = fs::read_dir(&data).unwrap().filter(|e| {
        e.as_ref()
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("bookmarks.json.corrupt")
    });
    assert_eq!(backups.count(), 1);
}

#[test]
fn find_ranks_candidates_as_tsv_and_lists_them_for_other_tools() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["find", "--limit", "3", "pjongjang"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 4), "{stdout}");
    assert!(
        rows.iter().any(|r| r[0] == "entity" && r[2] == "Pjöngjang"),
        "{stdout}"
    );
    let scores: Vec<i64> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
    let out = dossier(
        &["find", "--kind", "entity", "--limit", "50", "kim"],
        dir.path(),
    );
    assert!(text(&out.stdout).lines().all(|l| l.starts_with("entity\t")));
    let out = dossier(&["find", "--list"], dir.path());
    let labels = text(&out.stdout);
    assert!(labels.lines().count() > 100);
    assert!(
        labels
            .lines()
            .any(|l| l == "Nordkoreas Militäreinsatz in Europa")
    );
    let out = dossier(&["find", "--kind", "nonsense", "x"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("unknown kind 'nonsense'"));
}

#[test]
fn index_fills_the_cache_and_a_second_run_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in fs::read_dir(format!("{root}/seeds")).unwrap() {
        let path = entry.unwrap().path();
        let copy = corpus.join(path.file_name().unwrap());
        fs::copy(&path, &copy).unwrap();
        // Not just written: a snapshot does not trust files modified as its run starts.
        let f = fs::File::options().write(true).open(&copy).unwrap();
        f.set_modified(an_hour_ago).unwrap();
    }
    // The sandbox's cache directory (see `dossier_in`).
    let cache = dir.path().join("cache");
    let args = ["index", corpus.to_str().unwrap()];
    let out = dossier(&args, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("indexed 5 article(s)"));
    assert_eq!(count(&cache, ".pack"), 1, "the run's entries in one pack");
    assert_eq!(count(&cache, ".snap"), 1, "one corpus snapshot");

    // The second run reads the snapshot: without the per-article entries it still finds all
    // five articles analysed and writes none of them again.
    let remove_packs = || {
        for entry in fs::read_dir(&cache).unwrap() {
            let version = entry.unwrap().path();
            // The log file lives beside the versioned cache folders.
            if !version.is_dir() {
                continue;
            }
            for sub in fs::read_dir(&version).unwrap() {
                let sub = sub.unwrap().path();
                if sub.file_name().unwrap() != "corpora" {
                    fs::remove_dir_all(sub).unwrap();
                }
            }
        }
    };
    remove_packs();
    let out = dossier(&args, dir.path());
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("indexed 5 article(s)"), "{err}");
    assert!(err.contains("5 cached"), "{err}");
    assert_eq!(count(&cache, ".pack"), 0);

    // A changed file misses the snapshot; with no per-article entries left, all five are
    // analysed again, into one new pack.
    let first = corpus.join("000_6e8e11dbbb9ce6cd.txt");
    let mut changed = fs::read_to_string(&first).unwrap();
    changed.push_str("\nEin neuer Absatz über Wladimir Putin.\n");
    fs::write(&first, changed).unwrap();
    let out = dossier(&args, dir.path());
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("indexed 5 article(s)"));
    assert_eq!(count(&cache, ".pack"), 1);
}

/// Files under `dir` whose names end in `suffix`, at any depth.
fn count(dir: &std::path::Path, suffix: &str) -> usize {
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        n += if path.is_dir() {
            count(&path, suffix)
        } else {
            usize::from(path.to_string_lossy().ends_with(suffix))
        };
    }
    n
}

#[test]
fn render_shows_the_palette_with_matched_characters_and_the_entity_card() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(
        &[
            "render",
            "--ansi",
            "--size",
            "160x45",
            "--keys",
            ": p j o n g",
        ],
        dir.path(),
    );
    let screen = text(&out.stdout);
    assert!(screen.contains("> pjong"), "{screen}");
    // Matched characters: bold, underlined, yellow.
    assert!(
        screen.contains("\u{1b}[0;1;4;33mPj"),
        "matched characters not highlighted"
    );
    let out = dossier(
        &[
            "render",
            "--size",
            "160x45",
            "--keys",
            ": @ p j o n g j a n g <Enter>",
        ],
        dir.path(),
    );
    let screen = text(&out.stdout);
    assert!(screen.contains("spellings: Pjöngjang"), "{screen}");
    assert!(screen.contains("Pyongyang"), "{screen}");
}

#[test]
fn render_shows_the_entity_index_the_timeline_and_a_claim_group() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&["render", "--size", "160x45", "--keys", "I"], dir.path());
    assert!(
        text(&out.stdout).contains("Entities ("),
        "{}",
        text(&out.stdout)
    );
    let out = dossier(&["render", "--size", "160x45", "--keys", "T"], dir.path());
    let screen = text(&out.stdout);
    assert!(
        screen.contains("Timeline: ") && screen.contains("per month"),
        "{screen}"
    );
    // The soldiers' group, from the first claim of article 3 that gives a figure.
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let claim = analyses[3]
        .claims
        .iter()
        .position(|c| c.text.contains("1.500 Soldaten"))
        .unwrap();
    let keys = format!("J J J <Tab> {}c", "j ".repeat(claim));
    let out = dossier(&["render", "--size", "160x45", "--keys", &keys], dir.path());
    let screen = text(&out.stdout);
    // 1.500 (October) and 10.000–12.000 (later) are not about the same month, and "Tausende" is
    // vague: nothing to disagree with.
    assert!(screen.contains("Compare: Nordkorea · Soldaten"), "{screen}");
    assert!(screen.contains("consistent"), "{screen}");
    assert!(screen.contains("Tausende"), "{screen}");
    assert!(!screen.contains("2.000–9.999"), "{screen}");
}

fn mkfifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.display().to_string()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Runs dossier with a time limit; a hang is a failure, not a stuck test run.
fn dossier_within(args: &[&str], dir: &std::path::Path, limit: std::time::Duration) -> Output {
    let mut child = dossier_in(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dossier runs");
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_named_pipe_or_dev_zero_as_config_keymap_or_bookmarks_is_refused_at_once() {
    // A hang never ends; a cold analysis of the seeds on a loaded machine takes seconds.
    let limit = std::time::Duration::from_secs(60);
    // config.toml: reported, the defaults are used.
    for special in ["fifo", "zero"] {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        fs::create_dir_all(&config).unwrap();
        if special == "fifo" {
            mkfifo(&config.join("config.toml"));
        } else {
            std::os::unix::fs::symlink("/dev/zero", config.join("config.toml")).unwrap();
        }
        let out = dossier_within(&["render", "--size", "100x30"], dir.path(), limit);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains("config.toml") && err.contains("not a regular file"),
            "{err}"
        );
        // --keymap: a clear error.
        let keymap = if special == "fifo" {
            let p = dir.path().join("keys.toml");
            mkfifo(&p);
            p
        } else {
            std::path::PathBuf::from("/dev/zero")
        };
        let out = dossier_within(
            &["render", "--keymap", &keymap.display().to_string()],
            dir.path(),
            limit,
        );
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("cannot read keymap") && err.contains("not a regular file"),
            "{err}"
        );
        // bookmarks.json: reported, saving off, nothing read.
        let data = dir.path().join("data");
        fs::create_dir_all(&data).unwrap();
        if special == "fifo" {
            mkfifo(&data.join("bookmarks.json"));
        } else {
            std::os::unix::fs::symlink("/dev/zero", data.join("bookmarks.json")).unwrap();
        }
        fs::remove_file(config.join("config.toml")).unwrap();
        let out = dossier_within(&["render", "--size", "160x45"], dir.path(), limit);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains("bookmarks.json") && err.contains("not a regular file"),
            "{err}"
        );
    }
}

#[test]
fn a_10_mb_keymap_line_is_rejected_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let keymap = dir.path().join("huge.toml");
    fs::write(
        &keymap,
        format!("[global]\n\"j\" = \"{}\"\n", "x".repeat(10 * 1024 * 1024)),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = dossier_within(
        &["render", "--keymap", &keymap.display().to_string()],
        dir.path(),
        std::time::Duration::from_secs(20),
    );
    // It took 27 s to be parsed; refused by its size, it costs nothing.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("huge.toml") && err.contains("too large"),
        "{err}"
    );
}
