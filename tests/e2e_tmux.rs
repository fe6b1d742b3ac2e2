//! End to end: the real binary in a real terminal (tmux). Opens the reader, scrolls, switches
//! article, quits, and checks that the terminal is restored; also after SIGTERM and SIGHUP.
//! Skipped when tmux is missing, except under CI, where its absence is a failure.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    _dir: tempfile::TempDir,
    dir: PathBuf,
}

impl Tmux {
    fn start(name: &str, cols: u16, rows: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required under CI"
            );
            eprintln!("tmux not found: skipping the end-to-end test");
            return None;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = format!("dossier-e2e-{name}-{}", std::process::id());
        let t = Tmux {
            socket,
            dir: dir.path().to_path_buf(),
            _dir: dir,
        };
        let ok = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
            ])
            .args([
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "TERM=xterm-256color",
                "HOME=/tmp",
                "PS1=$ ",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status()
            .expect("tmux runs")
            .success();
        assert!(ok, "tmux new-session failed");
        Some(t)
    }

    fn send(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0"])
            .args(keys)
            .status()
            .expect("send-keys")
            .success();
        assert!(ok);
    }

    fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    /// Waits up to 10 s for tmux's paste buffer (where a clipboard write lands) to contain
    /// `needle`, and returns the buffer.
    fn wait_for_buffer(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let out = Command::new("tmux")
                .args(["-L", &self.socket, "show-buffer"])
                .output()
                .unwrap();
            let buffer = String::from_utf8_lossy(&out.stdout).into_owned();
            if buffer.contains(needle) {
                return buffer;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "clipboard never set: {buffer:?}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"])
            .output()
            .expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until `done` holds for the screen (`what` names it in the failure message).
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn launch(&self) {
        self.launch_with("", "");
        self.wait_for("Articles (5)");
    }

    /// Starts the reader in the shell with its own config and data directories, `env` (e.g.
    /// `EDITOR=…`) before the command and `args` after it, and prints its exit status after.
    fn launch_with(&self, env: &str, args: &str) {
        let bin = env!("CARGO_BIN_EXE_dossier");
        let dir = self.dir.display();
        self.type_line(&format!(
            "clear; {env} {bin} --config-dir {dir}/config --data-dir {dir}/data {args}; echo EXIT=$?"
        ));
    }

    fn assert_terminal_restored(&self) {
        let screen = self.screen();
        assert!(
            !screen.contains("Articles (5)"),
            "still on the alternate screen:\n{screen}"
        );
        self.type_line("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' +");
        self.wait_for("icanon+echo+");
    }

    fn signal_reader(&self, signal: &str) {
        let bin = env!("CARGO_BIN_EXE_dossier");
        let ok = Command::new("pkill")
            .args([
                &format!("-{signal}"),
                "-f",
                &format!("^{bin} --config-dir {}", self.dir.display()),
            ])
            .status()
            .expect("pkill")
            .success();
        assert!(ok, "no reader process to signal");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn reader_opens_scrolls_switches_and_quits_restoring_the_terminal() {
    let Some(t) = Tmux::start("quit", 160, 45) else {
        return;
    };
    t.launch();
    let screen = t.wait_for("READ │ 1/5");
    assert!(screen.contains("Nordkoreas Militäreinsatz in Europa"));
    assert!(screen.contains("Claims ("));
    t.send(&["G"]);
    t.wait_for("100%");
    t.send(&["g"]);
    t.wait_for("READ │ 1/5 │   0%");
    t.send(&["J"]);
    let screen = t.wait_for("READ │ 2/5");
    assert!(screen.contains("Russland und Nordkorea schmieden eine neue Allianz"));
    t.send(&["Tab"]);
    t.wait_for("CLAIMS │ 2/5");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let Some(t) = Tmux::start("signals", 120, 40) else {
        return;
    };
    for (signal, status) in [("TERM", "EXIT=143"), ("HUP", "EXIT=129")] {
        t.launch();
        t.signal_reader(signal);
        t.wait_for(status);
        t.assert_terminal_restored();
        t.type_line("clear");
        sleep(Duration::from_millis(200));
    }
}

#[test]
fn resizing_redraws_at_once() {
    let Some(t) = Tmux::start("resize", 160, 45) else {
        return;
    };
    t.launch();
    let ok = Command::new("tmux")
        .args([
            "-L",
            &t.socket,
            "resize-window",
            "-t",
            "0",
            "-x",
            "60",
            "-y",
            "20",
        ])
        .status()
        .expect("resize")
        .success();
    assert!(ok);
    let screen = t.wait_for("READ │ 1/5");
    assert!(
        !screen.contains("Articles (5)"),
        "one pane expected at 60 columns:\n{screen}"
    );
    let ok = Command::new("tmux")
        .args([
            "-L",
            &t.socket,
            "resize-window",
            "-t",
            "0",
            "-x",
            "30",
            "-y",
            "10",
        ])
        .status()
        .expect("resize")
        .success();
    assert!(ok);
    t.wait_for("terminal too small");
    t.send(&["C-c"]);
    t.wait_for("EXIT=0");
}

/// The status line's position fields, e.g. "READ │ 1/5 │  12%".
fn status_position(screen: &str) -> String {
    let line = screen
        .lines()
        .rev()
        .find(|l| l.contains(" │ "))
        .unwrap_or("");
    let end = line.find('%').map_or(line.len(), |i| i + 1);
    line[..end].trim().to_string()
}

#[test]
fn a_bookmarked_claim_with_its_note_and_the_position_survive_a_restart_and_export() {
    let Some(t) = Tmux::start("notes", 160, 45) else {
        return;
    };
    t.launch();
    t.send(&["Tab"]);
    t.wait_for("CLAIMS │ 1/5");
    t.send(&["j", "a"]);
    t.wait_for("NOTE │ 1/5");
    t.send(&["-l", "Zahl pruefen"]);
    t.send(&["Escape"]);
    t.wait_for("note saved");
    t.send(&["h"]);
    t.wait_for("READ │ 1/5");
    t.send(&["C-d", "C-d"]);
    sleep(Duration::from_millis(300));
    let before = status_position(&t.screen());
    assert!(!before.ends_with(" 0%"), "{before}");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    t.launch();
    let screen = t.wait_for(&before);
    assert!(screen.contains("1 bookmark"), "{screen}");
    t.send(&["B"]);
    t.wait_for("✎ Zahl pruefen");
    // Esc directly followed by a key would read as Alt and that key: close with q instead.
    t.send(&["q"]);
    t.wait_for("READ │ 1/5");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let bin = env!("CARGO_BIN_EXE_dossier");
    t.type_line(&format!(
        "clear; {bin} --data-dir {}/data export | grep -c 'Zahl pruefen' | sed 's/^/count=/'",
        t.dir.display()
    ));
    t.wait_for("count=1");
}

#[test]
fn y_copies_the_sentence_with_its_citation_through_osc_52() {
    let Some(t) = Tmux::start("clipboard", 160, 45) else {
        return;
    };
    let ok = Command::new("tmux")
        .args(["-L", &t.socket, "set", "-g", "set-clipboard", "on"])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.launch();
    t.send(&[")", ")"]);
    sleep(Duration::from_millis(200));
    t.send(&["y"]);
    t.wait_for("copied");
    let buffer = t.wait_for_buffer("Moskau hat in den vergangenen zehn Jahren");
    assert!(
        buffer.contains("Internationale Politik"),
        "citation missing: {buffer}"
    );
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let Some(t) = Tmux::start("escapes", 120, 40) else {
        return;
    };
    let article = t.dir.join("hostile.txt");
    std::fs::write(
        &article,
        "Titel \u{1b}]0;pwned-title\u{7} mit Steuerzeichen\n\n\
         Erster Absatz \u{1b}]52;c;ZXZpbC1jbGlwYm9hcmQ=\u{7} kopiert heimlich, \u{1b}[2J löscht, \
         \u{9b}31m färbt und \u{1b}P+q\u{1b}\\ fragt das Terminal ab.\n\nZweiter\tAbsatz mit Tab.\n",
    )
    .unwrap();
    let log = t.dir.join("bytes.log");
    let ok = Command::new("tmux")
        .args([
            "-L",
            &t.socket,
            "pipe-pane",
            "-o",
            "-t",
            "0",
            &format!("cat >> {}", log.display()),
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.launch_with("", &article.display().to_string());
    let screen = t.wait_for("Articles (1)");
    assert!(
        screen.contains("pwned-title"),
        "the text is shown, defused:\n{screen}"
    );
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    sleep(Duration::from_millis(300));
    let bytes = std::fs::read(&log).unwrap();
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(!bytes.is_empty());
    assert!(!contains(b"\x1b]0;pwned"), "a title change passed through");
    assert!(
        !contains(b"\x1b]52;c;ZXZpbC1jbGlwYm9hcmQ"),
        "a clipboard write passed through"
    );
    assert!(
        !contains("\u{9b}".as_bytes()),
        "a C1 control passed through"
    );
    assert!(!contains(b"\x1bP+q"), "a device query passed through");
    assert!(
        contains(b"ZXZpbC1jbGlwYm9hcmQ"),
        "the payload is shown as text"
    );
}

#[test]
fn a_directory_opens_at_once_and_fills_the_list_in_the_background() {
    let Some(t) = Tmux::start("index", 160, 45) else {
        return;
    };
    let corpus = t.dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(corpus.join("notes.pdf"), b"%PDF").unwrap();
    let cache = t.dir.join("cache");
    t.launch_with(
        "",
        &format!("--cache-dir {} {}", cache.display(), corpus.display()),
    );
    let screen = t.wait_for("Articles (5)");
    assert!(
        screen.contains("Nordkoreas Militäreinsatz in Europa"),
        "{screen}"
    );
    t.send(&["J"]);
    t.wait_for("READ │ 2/5");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn the_reader_exits_when_its_terminal_disappears() {
    let Some(t) = Tmux::start("hangup", 120, 40) else {
        return;
    };
    let cache = t.dir.join("cache");
    t.launch_with("", &format!("--cache-dir {}", cache.display()));
    t.wait_for("Articles (5)");
    let pattern = format!(
        "^{} --config-dir {}",
        env!("CARGO_BIN_EXE_dossier"),
        t.dir.display()
    );
    let running = || {
        Command::new("pgrep")
            .args(["-f", &pattern])
            .output()
            .is_ok_and(|o| !o.stdout.is_empty())
    };
    assert!(running());
    let ok = Command::new("tmux")
        .args(["-L", &t.socket, "kill-server"])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let start = Instant::now();
    while running() {
        if start.elapsed() > Duration::from_secs(5) {
            let _ = Command::new("pkill").args(["-9", "-f", &pattern]).status();
            panic!("the reader kept running after its terminal went away");
        }
        sleep(Duration::from_millis(100));
    }
    // It left quietly: no crash from writing to a terminal that is no longer there.
    let crashes = t.files_in("cache", "dossier-crash-");
    assert!(
        crashes.is_empty(),
        "{}",
        crashes
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect::<String>()
    );
}

#[test]
fn a_note_can_be_written_in_the_external_editor() {
    let Some(t) = Tmux::start("editor", 160, 45) else {
        return;
    };
    let editor = t.dir.join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'aus dem Editor' >> \"$1\"\n").unwrap();
    let ok = Command::new("chmod")
        .args(["+x", editor.to_str().unwrap()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.launch_with(&format!("EDITOR={}", editor.display()), "");
    t.wait_for("Articles (5)");
    t.send(&[")", "A"]);
    t.wait_for("note saved");
    t.send(&["B"]);
    t.wait_for("✎ aus dem Editor");
    t.send(&["q"]);
    t.wait_for("READ │ 1/5");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn scrolling_the_zoomed_reading_pane_uses_scroll_regions_and_the_screen_stays_exact() {
    let Some(t) = Tmux::start("scroll", 160, 45) else {
        return;
    };
    t.launch();
    t.send(&["z"]);
    let start = Instant::now();
    while t.screen().contains("Articles (5)") {
        assert!(start.elapsed() < Duration::from_secs(10), "z did not zoom");
        sleep(Duration::from_millis(50));
    }
    let log = t.dir.join("scroll.log");
    let pipe = |command: Option<String>| {
        let mut args = vec!["-L".to_string(), t.socket.clone(), "pipe-pane".into()];
        args.extend(["-t".into(), "0".into()]);
        if let Some(c) = command {
            args.insert(3, "-o".into());
            args.push(c);
        }
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    };
    pipe(Some(format!("cat >> {}", log.display())));
    sleep(Duration::from_millis(200));
    let steps = 20;
    for _ in 0..steps {
        t.send(&["j"]);
        sleep(Duration::from_millis(60));
    }
    sleep(Duration::from_millis(300));
    pipe(None);
    let bytes = std::fs::read(&log).unwrap();
    let per_step = bytes.len() / steps;
    // vim writes about 170 bytes per line in this terminal; stay within twice that.
    assert!(
        per_step <= 340,
        "{per_step} bytes per one-line scroll ({} in all)",
        bytes.len()
    );
    let scroll_up = b"S\x1b[r";
    assert!(
        bytes.windows(scroll_up.len()).any(|w| w == scroll_up),
        "no scroll region was used"
    );

    // What is on the screen is exactly what a full redraw of the same state shows.
    let keys = std::iter::once("z")
        .chain(std::iter::repeat_n("j", steps))
        .collect::<Vec<_>>()
        .join(" ");
    let data = t.dir.join("render-data");
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--data-dir", data.to_str().unwrap(), "--config-dir"])
        .arg(t.dir.join("render-config"))
        .args(["render", "--size", "160x45", "--keys", &keys])
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected = String::from_utf8_lossy(&out.stdout).into_owned();
    let screen = t.screen();
    let rows = |s: &str| -> Vec<String> {
        s.lines()
            .take(44)
            .map(|l| l.trim_end().to_string())
            .collect()
    };
    assert_eq!(rows(&screen), rows(&expected), "screen:\n{screen}");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

impl Tmux {
    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    fn pane_flag(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "0",
                format,
            ])
            .output()
            .expect("display-message");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The process id of the running reader.
    fn reader_pid(&self) -> i32 {
        let out = Command::new("pgrep")
            .args([
                "-f",
                &format!(
                    "^{} --config-dir {}",
                    env!("CARGO_BIN_EXE_dossier"),
                    self.dir.display()
                ),
            ])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .and_then(|l| l.trim().parse().ok())
            .expect("the reader is running")
    }
}

#[test]
fn a_panic_restores_the_terminal_and_names_the_crash_report() {
    let Some(t) = Tmux::start("panic", 160, 45) else {
        return;
    };
    let cache = t.dir.join("cache");
    t.launch_with(
        "DOSSIER_TEST_PANIC=1",
        &format!("--cache-dir {}", cache.display()),
    );
    t.wait_for("Articles (5)");
    assert_eq!(t.pane_flag("#{alternate_on}"), "1");
    let pid = t.reader_pid();
    t.send(&["j"]);
    let screen = t.wait_for("EXIT=101");
    assert_eq!(t.pane_flag("#{alternate_on}"), "0", "{screen}");
    assert_eq!(t.pane_flag("#{cursor_flag}"), "1", "cursor hidden");
    let report = cache.join(format!("dossier-crash-{pid}.txt"));
    // The message names the report; the pane may wrap the long path, so join the lines.
    let joined: String = screen.lines().map(str::trim_end).collect();
    assert!(
        joined.contains(&format!("Details: {}", report.display())),
        "{screen}"
    );
    assert!(
        screen.contains("dossier crashed: DOSSIER_TEST_PANIC=1"),
        "{screen}"
    );
    let text = std::fs::read_to_string(&report).expect("crash report written");
    assert!(text.contains("crashing on purpose"), "{text}");
    assert!(text.contains("backtrace:"), "{text}");
    t.assert_terminal_restored();
}

/// Bookmarks three sentences of the first article in `data` through the headless reader and
/// returns the bytes of the file it wrote.
fn three_bookmarks(data: &std::path::Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--data-dir", &data.display().to_string()])
        .args(["render", "--keys", ") m ) m ) m"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::read(data.join("bookmarks.json")).unwrap()
}

/// After ctrl-r: the file holds the kept note beside the three bookmarks it had, the status line
/// says so, and the reader quits normally.
fn assert_saved_after_retry(t: &Tmux, data: &std::path::Path) {
    let start = Instant::now();
    let after = loop {
        let text = std::fs::read_to_string(data.join("bookmarks.json")).unwrap();
        if text.contains("Notiz bleibt") {
            break text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "not saved after retry:\n{}",
            t.screen()
        );
        sleep(Duration::from_millis(50));
    };
    assert_eq!(after.matches("\"id\"").count(), 4, "{after}");
    // The file is written before the next frame is drawn: wait for the frame that says so.
    t.wait_until("\"saved\" without \"not saved\"", |screen| {
        screen.contains("saved") && !screen.contains("not saved")
    });
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

fn temp_files_in(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[test]
fn a_full_disk_keeps_the_note_in_memory_says_so_and_saves_on_retry() {
    let Some(t) = Tmux::start("diskfull", 200, 45) else {
        return;
    };
    let data = t.dir.join("data");
    let before = three_bookmarks(&data);
    // No file may grow past 1 KiB (the bookmarks file is bigger already): writes fail with
    // EFBIG as on a full disk. SIGXFSZ is ignored so the write returns the error.
    t.type_line("trap '' XFSZ; ulimit -S -f 1");
    t.launch();
    t.send(&["G", "a"]);
    t.wait_for("NOTE │ 1/5");
    t.send(&["-l", "Notiz bleibt"]);
    t.send(&["Escape"]);
    let screen = t.wait_for("File too large");
    assert!(
        screen.contains("not saved, the disk is full: cannot write"),
        "{screen}"
    );
    assert!(screen.contains("(ctrl-r retries)"), "{screen}");
    assert!(screen.contains("bookmarks.json"), "{screen}");
    assert_eq!(std::fs::read(data.join("bookmarks.json")).unwrap(), before);
    assert!(temp_files_in(&data).is_empty());
    // The note is kept in memory and shown.
    t.send(&["B"]);
    t.wait_for("✎ Notiz bleibt");
    t.send(&["q"]);
    t.wait_for("READ │ 1/5");

    // Space again: ctrl-r saves what was kept.
    let unlimited = libc::rlimit {
        rlim_cur: libc::RLIM_INFINITY,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: prlimit on a live child of this test's tmux, with valid pointers.
    let ok = unsafe {
        libc::prlimit(
            t.reader_pid(),
            libc::RLIMIT_FSIZE,
            &unlimited,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(ok, 0, "prlimit: {}", std::io::Error::last_os_error());
    t.send(&["C-r"]);
    assert_saved_after_retry(&t, &data);
}

#[test]
fn a_read_only_data_directory_keeps_the_note_in_memory_says_so_and_saves_on_retry() {
    let Some(t) = Tmux::start("readonly", 200, 45) else {
        return;
    };
    let data = t.dir.join("data");
    let before = three_bookmarks(&data);
    // The reader runs in a mount namespace of its own where the data directory is mounted
    // read-only (EROFS, as on a read-only file system; root is not exempt). The flag file lets
    // the test lift the mount from inside that namespace; the unmount is lazy, so a file the
    // reader has open at that moment cannot make it fail.
    let lift = t.dir.join("lift");
    let script = t.dir.join("ro.sh");
    std::fs::write(
        &script,
        format!(
            "mount --bind {data} {data} && mount -o remount,bind,ro {data} || exit 90\n\
             ( while [ ! -e {lift} ]; do sleep 0.05; done; umount -l {data} && touch {lift}.done ) &\n\
             exec \"$@\"\n",
            data = data.display(),
            lift = lift.display()
        ),
    )
    .unwrap();
    let probe = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c"])
        .arg(format!(
            "mount --bind {d} {d} && mount -o remount,bind,ro {d}",
            d = data.display()
        ))
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        // Needs a mount namespace (root with CAP_SYS_ADMIN); `tests/store.rs` covers the
        // read-only directory without one.
        eprintln!("cannot make a read-only mount here (no mount namespace); skipping");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = t.dir.display();
    t.type_line(&format!(
        "clear; unshare -m --propagation private sh {} {bin} --config-dir {dir}/config --data-dir {dir}/data; echo EXIT=$?",
        script.display()
    ));
    t.wait_for("Articles (5)");
    t.send(&["G", "a"]);
    t.wait_for("NOTE │ 1/5");
    t.send(&["-l", "Notiz bleibt"]);
    t.send(&["Escape"]);
    let screen = t.wait_for("Read-only file system");
    assert!(
        screen.contains("not saved, the data directory is read-only: cannot"),
        "{screen}"
    );
    assert_eq!(std::fs::read(data.join("bookmarks.json")).unwrap(), before);
    t.send(&["B"]);
    t.wait_for("✎ Notiz bleibt");
    t.send(&["q"]);
    t.wait_for("READ │ 1/5");

    std::fs::write(&lift, b"").unwrap();
    let start = Instant::now();
    while !t.dir.join("lift.done").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "mount not lifted"
        );
        sleep(Duration::from_millis(50));
    }
    t.send(&["C-r"]);
    assert_saved_after_retry(&t, &data);
}

#[test]
fn open_lands_on_the_quoted_sentence() {
    let Some(t) = Tmux::start("open", 160, 45) else {
        return;
    };
    t.launch_with(
        "",
        "open 'Russland und Nordkorea schmieden eine neue Allianz#Der Vertrag, den Russland jetzt'",
    );
    let screen = t.wait_for("READ │ 2/5");
    let row = screen
        .lines()
        .position(|l| l.contains("Der Vertrag, den Russland jetzt"))
        .unwrap_or_else(|| panic!("the quoted sentence is not on screen:\n{screen}"));
    // The sentence starts the reading pane (below its border), not somewhere further down.
    assert!(row <= 2, "sentence on row {row}:\n{screen}");
    assert!(!status_position(&screen).ends_with(" 0%"), "{screen}");
    t.send(&["q"]);
    t.wait_for("EXIT=0");

    // The link form that exports carry works the same way, by byte offset.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_0e7700d99b7e3dd7.txt"
    ))
    .expect("seed");
    let offset = text
        .find("Nordkorea unter Russlands atomarem")
        .expect("heading");
    t.type_line("clear");
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_0e7700d99b7e3dd7.txt"
    );
    t.launch_with("", &format!("open '{path}#{offset}'"));
    let screen = t.wait_for("READ │ 1/1");
    let row = screen
        .lines()
        .position(|l| l.contains("Nordkorea unter Russlands atomarem"))
        .unwrap_or_else(|| panic!("the heading is not on screen:\n{screen}"));
    assert!(row <= 2, "heading on row {row}:\n{screen}");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn the_sources_view_opens_a_source_and_jumps_to_one_of_its_claims() {
    let Some(t) = Tmux::start("sources", 160, 45) else {
        return;
    };
    let corpus = dossier::corpus::Corpus::bundled();
    let sources = dossier::corpus::sources::collect(&corpus);
    let analyses: Vec<&dossier::model::Analysis> = corpus.analyses().collect();
    let first = sources.first().expect("the bundled corpus has sources");
    let target = first.claims.last().expect("a source has claims");
    let claim = &analyses[target.article].claims[target.claim];
    t.launch();
    t.wait_for("READ │ 1/5");
    t.send(&["W"]);
    t.wait_for(&format!("Sources ({}) · all sorts", sources.len()));
    t.send(&["Enter"]);
    let name: String = first.name.chars().take(30).collect();
    t.wait_for(&format!("{name} · "));
    t.send(&["G"]);
    t.send(&["Enter"]);
    let screen = t.wait_for(&format!("READ │ {}/5", target.article + 1));
    assert!(!screen.contains("Sources ("), "{screen}");
    let words = claim.text.split_whitespace().take(2).collect::<Vec<_>>();
    assert!(screen.contains(&words.join(" ")), "{screen}");
    // The claims pane selects the claim too: its card is marked.
    assert!(
        screen.contains(&format!(
            "▶ {} ",
            dossier::corpus::sources::stance_glyph(claim.stance)
        )),
        "{screen}"
    );
    if target.article != 0 {
        t.send(&["C-o"]);
        t.wait_for("READ │ 1/5");
    }
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();
}

impl Tmux {
    fn tmux(&self, args: &[&str]) {
        let ok = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .status()
            .expect("tmux")
            .success();
        assert!(ok, "tmux {args:?}");
    }

    fn files_in(&self, dir: &str, prefix: &str) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.join(dir))
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[test]
fn quitting_with_unsaved_changes_asks_and_a_rescue_file_keeps_them() {
    let Some(t) = Tmux::start("rescue", 160, 45) else {
        return;
    };
    let data = t.dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("bookmarks.json"), b"{oops").unwrap();
    // q asks; w writes the rescue file, names it and quits.
    t.launch();
    t.send(&[")", "m", "a"]);
    t.send(&["-l", "Rettung eins"]);
    t.send(&["Escape"]);
    t.wait_for("NOT SAVING");
    t.send(&["q"]);
    // The dialog is drawn over several writes: wait for its last key line, not its title.
    let screen = t.wait_for("rescue file");
    assert!(screen.contains("Quit with unsaved changes?"), "{screen}");
    t.send(&["w"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("bookmarks-rescue-"), "{screen}");
    let rescued = t.files_in("data", "bookmarks-rescue-");
    assert_eq!(rescued.len(), 1);
    assert!(
        std::fs::read_to_string(&rescued[0])
            .unwrap()
            .contains("Rettung eins")
    );
    // Esc goes back; q in the dialog quits anyway; Ctrl-C asks as q does.
    t.type_line("clear");
    t.launch();
    t.send(&[")", "m"]);
    t.wait_for("NOT SAVING");
    t.send(&["C-c"]);
    t.wait_for("Quit with unsaved changes?");
    t.send(&["Escape"]);
    t.wait_until("the dialog to close", |s| {
        !s.contains("Quit with unsaved changes?")
    });
    t.send(&["q"]);
    t.wait_for("Quit with unsaved changes?");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    // SIGTERM writes a rescue file and names it on stderr.
    t.type_line("clear");
    t.launch();
    t.send(&[")", "m", "a"]);
    t.send(&["-l", "Rettung zwei"]);
    t.send(&["Escape"]);
    t.wait_for("NOT SAVING");
    sleep(Duration::from_millis(300));
    t.signal_reader("TERM");
    let screen = t.wait_for("EXIT=143");
    assert!(screen.contains("bookmarks-rescue-"), "{screen}");
    let rescued = t.files_in("data", "bookmarks-rescue-");
    assert_eq!(rescued.len(), 2);
    assert!(
        rescued
            .iter()
            .any(|p| std::fs::read_to_string(p).unwrap().contains("Rettung zwei"))
    );
}

#[test]
fn a_paste_goes_into_the_note_as_text_and_is_ignored_elsewhere() {
    let Some(t) = Tmux::start("paste", 160, 45) else {
        return;
    };
    t.launch();
    // Elsewhere: ignored with a message, not run as keys ("q" would quit, "J" switch article).
    t.tmux(&["set-buffer", "-b", "p", "q J J"]);
    t.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "0"]);
    let screen = t.wait_for("paste ignored");
    assert!(screen.contains("READ │ 1/5"), "{screen}");
    // In the note editor: text, controls stripped; an ESC [200~ inside does not freeze input.
    t.send(&[")", "m", "a"]);
    t.tmux(&[
        "set-buffer",
        "-b",
        "p",
        "Eingefügt \u{1b}[200~ mitten q drin",
    ]);
    t.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "0"]);
    t.send(&["-l", " ENDE"]);
    t.wait_for("drin ENDE");
    t.send(&["Escape"]);
    t.wait_for("note saved");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let saved = std::fs::read_to_string(t.dir.join("data/bookmarks.json")).unwrap();
    assert!(
        saved.contains("Eingefügt [200~ mitten q drin ENDE"),
        "{saved}"
    );
}

#[test]
fn the_editor_temp_file_is_private_and_not_predictable() {
    let Some(t) = Tmux::start("editor-private", 160, 45) else {
        return;
    };
    let editor = t.dir.join("editor.sh");
    let log = t.dir.join("perms.log");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstat -c %a \"$1\" > {log}\nstat -c %a \"$(dirname \"$1\")\" >> {log}\n\
             echo \"$1\" >> {log}\nprintf 'privat' >> \"$1\"\n",
            log = log.display()
        ),
    )
    .unwrap();
    t.tmux(&["run-shell", &format!("chmod +x {}", editor.display())]);
    t.launch_with(&format!("EDITOR={}", editor.display()), "");
    t.wait_for("Articles (5)");
    t.send(&[")", "A"]);
    t.wait_for("note saved");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    let lines: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines[0], "600", "{lines:?}");
    assert_eq!(lines[1], "700", "{lines:?}");
    assert!(
        !lines[2].contains("dossier-note-"),
        "predictable name: {lines:?}"
    );
    assert!(!std::path::Path::new(&lines[2]).exists(), "left behind");
}

#[test]
fn copying_inside_tmux_sends_the_plain_sequence_and_help_names_the_setting() {
    let Some(t) = Tmux::start("clipboard-tmux", 160, 45) else {
        return;
    };
    t.tmux(&["set", "-g", "set-clipboard", "on"]);
    // As inside tmux (TMUX set), with tmux's default allow-passthrough (off).
    t.launch_with("TMUX=/tmp/tmux-0/default,1,0", "");
    t.wait_for("Articles (5)");
    t.send(&[")", ")"]);
    sleep(Duration::from_millis(200));
    t.send(&["y"]);
    t.wait_for("set-clipboard on");
    t.wait_for_buffer("Moskau hat in den vergangenen zehn Jahren");
    t.send(&["?"]);
    t.send(&["G"]);
    t.wait_for("set -g set-clipboard on");
    // Searching the help finds it too.
    t.send(&["g", "/"]);
    t.send(&["-l", "tmux"]);
    t.send(&["Enter"]);
    t.wait_until("the help to list only the clipboard row", |s| {
        s.contains("set -g set-clipboard on") && !s.contains("move_down")
    });
    // Esc drops the filter, a second Esc closes the help.
    t.send(&["Escape"]);
    t.wait_until("the filter to go", |s| s.contains("move_down"));
    t.send(&["Escape"]);
    t.wait_until("the help to close", |s| {
        !s.contains("set -g set-clipboard on") && s.contains("READ │")
    });
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_reader() {
    let Some(t) = Tmux::start("suspend", 160, 45) else {
        return;
    };
    // Started alone, as a user does (a list such as `dossier; echo` would go on when it stops).
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = t.dir.display();
    t.type_line(&format!(
        "clear; {bin} --config-dir {dir}/config --data-dir {dir}/data"
    ));
    t.wait_for("Articles (5)");
    t.send(&["J"]);
    t.wait_for("READ │ 2/5");
    t.send(&["C-z"]);
    t.wait_for("Stopped");
    t.assert_terminal_restored();
    t.type_line("fg");
    t.wait_for("READ │ 2/5");
    t.send(&["J"]);
    t.wait_for("READ │ 3/5");
    t.send(&["q"]);
    t.wait_until("the reader to end", |s| !s.contains("READ │"));
    t.type_line("echo DONE=$?");
    t.wait_for("DONE=0");
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let Some(t) = Tmux::start("too-small", 160, 45) else {
        return;
    };
    t.launch();
    t.tmux(&["resize-window", "-t", "0", "-x", "30", "-y", "10"]);
    t.wait_for("terminal too small");
    t.send(&["J", "J", "q"]);
    sleep(Duration::from_millis(500));
    let screen = t.screen();
    assert!(!screen.contains("EXIT="), "a key acted unseen:\n{screen}");
    t.tmux(&["resize-window", "-t", "0", "-x", "160", "-y", "45"]);
    t.wait_for("READ │ 1/5");
    t.send(&["q"]);
    t.wait_for("EXIT=0");
}

/// Resizes the tmux window.
fn resize(t: &Tmux, cols: u16, rows: u16) {
    let ok = Command::new("tmux")
        .args(["-L", &t.socket, "resize-window", "-t", "0"])
        .args(["-x", &cols.to_string(), "-y", &rows.to_string()])
        .status()
        .expect("resize")
        .success();
    assert!(ok);
}

#[test]
fn a_19_mb_paragraph_opens_scrolls_resizes_and_quits_promptly() {
    let Some(t) = Tmux::start("huge", 130, 40) else {
        return;
    };
    let corpus = t.dir.join("huge");
    std::fs::create_dir_all(&corpus).unwrap();
    let sentence = "Die Regierung in Berlin erklärte am Montag, der Haushalt werde im kommenden \
                    Jahr deutlich steigen, sagte Finanzminister Lindner vor Journalisten. ";
    let mut text = String::from("Ein Absatz ohne Ende\n\n");
    text.push_str(&sentence.repeat(19 * 1024 * 1024 / sentence.len()));
    text.push_str("Das letzte Wort hat der Bundesrat.\n");
    std::fs::write(corpus.join("huge.txt"), &text).unwrap();
    t.launch_with("", &format!("--no-cache {}", corpus.display()));
    // The text shows while the article is still being analysed.
    t.wait_for("Die Regierung in Berlin");
    t.wait_for("READ │ 1/1");
    t.send(&["C-d", "C-d", "C-d", "G"]);
    let screen = t.wait_for("100%");
    assert!(screen.contains("der Bundesrat."), "{screen}");
    // Each resize is drawn before the next: three panes, two, one, and back, twice. Laying the
    // whole paragraph out again took seconds for each.
    let start = Instant::now();
    for _ in 0..2 {
        resize(&t, 90, 30);
        t.wait_until("two panes", |s| {
            !s.contains("Articles (1)") && s.contains("Claims (")
        });
        resize(&t, 70, 25);
        t.wait_until("one pane", |s| !s.contains("Claims ("));
        resize(&t, 130, 40);
        t.wait_until("three panes", |s| {
            s.contains("Articles (1)") && s.contains("Claims (")
        });
    }
    let resizes = start.elapsed();
    assert!(
        resizes < Duration::from_secs(4),
        "six resizes took {resizes:?}"
    );
    let start = Instant::now();
    t.send(&["q"]);
    t.wait_for("EXIT=0");
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "quitting took {:?}",
        start.elapsed()
    );
}
