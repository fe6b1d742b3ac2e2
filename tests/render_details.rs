//! `dossier render` at the five sizes of the layout (160×45 to 60×20, and 40×12 where a popup
//! must still fit): long titles in the article list, the quit dialog, the note editor on a
//! bookmark without a quote, and long names in the entity index. Runs the binary.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::{dossier_in, succeed};

use std::path::Path;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 5] = [(160, 45), (120, 35), (100, 30), (80, 24), (60, 20)];

/// `dossier render` of the bundled corpus (or `paths`) at `size` after `keys`, with its own
/// config, data and cache directories under `dir`.
fn render(dir: &Path, size: (u16, u16), keys: &str, paths: &[&Path]) -> String {
    let out = succeed(
        dossier_in(dir)
            .arg("render")
            .args(["--size", &format!("{}x{}", size.0, size.1)])
            .args(["--keys", keys])
            .args(paths),
    );
    let screen = String::from_utf8(out.stdout).unwrap();
    for line in screen.lines() {
        assert!(
            line.width() <= usize::from(size.0),
            "at {size:?}:\n{screen}"
        );
    }
    screen
}

/// The text inside the pane whose top border carries `title`, one string per row.
fn pane(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some(top) = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains(title))
    else {
        return Vec::new();
    };
    let row = &lines[top];
    let at = row
        .iter()
        .collect::<String>()
        .find(title)
        .map(|b| screen.lines().nth(top).unwrap()[..b].chars().count())
        .unwrap();
    let corners = ['┌', '┏', '╔'];
    let left = (0..at).rev().find(|&i| corners.contains(&row[i])).unwrap();
    let right = (at..row.len())
        .find(|&i| ['┐', '┓', '╗'].contains(&row[i]))
        .unwrap();
    lines[top + 1..]
        .iter()
        .take_while(|l| !['└', '┗', '╚'].contains(l.get(left).unwrap_or(&' ')))
        .map(|l| l.get(left + 1..right).unwrap_or(&[]).iter().collect())
        .collect()
}

/// Letters and digits only: compares wrapped, hyphenated text with its source.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The list items of an article list pane: (selected, title rows joined).
fn list_items(rows: &[String]) -> Vec<(bool, String)> {
    let mut items = Vec::new();
    let mut start = 0;
    for (i, r) in rows.iter().enumerate() {
        let t = r.trim();
        let is_counts = t.contains(" · ")
            && t.split(" · ").all(|p| {
                p.split_whitespace()
                    .next()
                    .is_some_and(|n| n.parse::<usize>().is_ok())
                    && (p.contains("claim") || p.contains("bookmark"))
            });
        if is_counts && i >= start + 2 {
            let title = &rows[start..i - 1];
            let selected = title
                .first()
                .is_some_and(|l| l.trim_start().starts_with('▶'));
            let text = title
                .iter()
                .map(|l| l.trim().trim_start_matches('▶').trim())
                .collect::<Vec<_>>()
                .join("\n");
            items.push((selected, text));
            start = i + 1;
        }
    }
    items
}

/// Keys that show the article list at `size`: three panes have it; two panes swap it in for the
/// claims; one pane cycles to it.
fn list_keys(size: (u16, u16)) -> &'static str {
    match size.0 {
        120.. => "",
        80.. => "L",
        _ => "<S-Tab>",
    }
}

/// Checks every list item of `screen`: a title is whole, or ends at a whole word with "…"; the
/// selected one is whole. Returns how many items were shortened.
fn check_titles(screen: &str, titles: &[String], size: (u16, u16)) -> usize {
    let rows = pane(screen, "Articles");
    assert!(!rows.is_empty(), "no list at {size:?}:\n{screen}");
    let items = list_items(&rows);
    assert!(!items.is_empty(), "no items at {size:?}:\n{screen}");
    let mut shortened = 0;
    for (selected, shown) in items {
        let title = titles
            .iter()
            .find(|t| letters(t).starts_with(&letters(&shown)) && !letters(&shown).is_empty())
            .unwrap_or_else(|| panic!("{shown:?} is no title's start at {size:?}:\n{screen}"));
        if letters(&shown) == letters(title) {
            assert!(!shown.contains('…'), "{shown:?}");
            continue;
        }
        assert!(
            !selected,
            "the selected title is cut at {size:?}: {shown:?}\n{screen}"
        );
        shortened += 1;
        assert!(shown.ends_with('…'), "{shown:?} at {size:?}:\n{screen}");
        // The kept part is the title's first words, whole.
        let words: Vec<&str> = title.split_whitespace().collect();
        let kept = letters(&shown);
        assert!(
            (1..=words.len()).any(|k| letters(&words[..k].join(" ")) == kept),
            "{shown:?} ends mid-word (title {title:?}) at {size:?}:\n{screen}"
        );
        assert!(shown.lines().count() <= 3, "{shown:?}");
    }
    shortened
}

/// Titles as the corpus gives them, from `dossier extract`.
fn titles(dir: &Path, paths: &[&Path]) -> Vec<String> {
    let out = succeed(
        dossier_in(dir)
            .args(["extract", "--format", "jsonl"])
            .args(paths),
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn long_titles_end_at_a_word_in_the_list_and_the_selected_one_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let titles = titles(dir.path(), &[Path::new("seeds")]);
    assert_eq!(titles.len(), 5, "{titles:?}");
    let long = titles
        .iter()
        .position(|t| t.chars().count() > 100)
        .expect("a long title among the seeds");
    let mut shortened = 0;
    for size in SIZES {
        let screen = render(dir.path(), size, list_keys(size), &[]);
        shortened += check_titles(&screen, &titles, size);
        // With the long title's article selected, the list shows it whole.
        let keys = format!("{} {}", list_keys(size), "J ".repeat(long))
            .trim()
            .to_string();
        let screen = render(dir.path(), size, &keys, &[]);
        check_titles(&screen, &titles, size);
        let rows = pane(&screen, "Articles");
        assert!(
            list_items(&rows)
                .iter()
                .any(|(sel, t)| *sel && letters(t) == letters(&titles[long])),
            "the selected long title is not whole at {size:?}:\n{screen}"
        );
    }
    assert!(shortened > 0, "no title needed shortening at any size");
}

/// Writes up to `n` 10kGNAD test articles whose first sentence (a long lead) runs over 100
/// characters into `dir`; none when the data is absent.
fn gnad_articles(dir: &Path, n: usize) -> usize {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/10kgnad/test.csv");
    let Ok(csv) = std::fs::read_to_string(&data) else {
        return 0;
    };
    std::fs::create_dir_all(dir).unwrap();
    let mut written = 0;
    for (i, line) in csv.lines().enumerate() {
        let Some((_, text)) = line.split_once(';') else {
            continue;
        };
        let text = text.trim_matches('\'').replace("''", "'");
        let first = text.split(". ").next().unwrap_or("");
        if first.chars().count() > 100 {
            std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
            written += 1;
            if written == n {
                break;
            }
        }
    }
    written
}

#[test]
fn long_leads_of_10kgnad_articles_end_at_a_word_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    if gnad_articles(&articles, 8) == 0 {
        eprintln!("skipped: ../shared/data/10kgnad is absent");
        return;
    }
    let titles = titles(dir.path(), &[articles.as_path()]);
    let mut shortened = 0;
    for size in SIZES {
        let screen = render(dir.path(), size, list_keys(size), &[articles.as_path()]);
        shortened += check_titles(&screen, &titles, size);
        let screen = render(
            dir.path(),
            size,
            &format!("{} J J", list_keys(size)),
            &[articles.as_path()],
        );
        shortened += check_titles(&screen, &titles, size);
    }
    assert!(shortened > 0, "no title needed shortening at any size");
}

#[test]
fn the_quit_dialog_wraps_and_keeps_its_keys_at_every_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    // A bookmarks file the store cannot read: the new note cannot be saved.
    std::fs::write(dir.path().join("data/bookmarks.json"), b"{oops").unwrap();
    for size in SIZES.into_iter().chain([(40, 12)]) {
        let screen = render(dir.path(), size, ") m a R e t t u n g <Esc> q", &[]);
        let body = pane(&screen, "Quit with unsaved changes?");
        assert!(!body.is_empty(), "no quit dialog at {size:?}:\n{screen}");
        let text = body.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        for key in [
            "save again",
            "rescue file, then quit",
            "quit anyway",
            "go back",
        ] {
            assert!(text.contains(key), "{key:?} missing at {size:?}:\n{screen}");
        }
        if size.0 >= 80 {
            assert!(text.contains("not saved"), "at {size:?}:\n{screen}");
            assert!(text.contains("bookmarks.json"), "at {size:?}:\n{screen}");
        }
        if size == (160, 45) {
            assert!(!text.contains('…'), "cut at 160:\n{screen}");
        }
    }
}

/// A data directory whose one bookmark marks a place in article 000 with no quoted text.
fn bookmark_without_quote(dir: &Path) {
    // Make a bookmark on the first sentence as the reader makes it, then empty its quote.
    render(dir, (120, 35), ") m", &[]);
    let file = dir.join("data/bookmarks.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let marks = json["bookmarks"].as_array_mut().expect("a bookmarks array");
    assert_eq!(marks.len(), 1, "{marks:?}");
    let anchor = &mut marks[0]["anchor"];
    let end = anchor["end"].clone();
    anchor["start"] = end;
    anchor["quote"] = serde_json::Value::String(String::new());
    std::fs::write(&file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn the_note_editor_shows_the_place_of_a_bookmark_without_a_quote() {
    let dir = tempfile::tempdir().unwrap();
    bookmark_without_quote(dir.path());
    for size in SIZES {
        for (what, keys, title) in [("editor", "B a", "Note"), ("list", "B", "Bookmarks (1)")] {
            let screen = render(dir.path(), size, keys, &[]);
            let body = pane(&screen, title);
            assert!(!body.is_empty(), "no {what} at {size:?}:\n{screen}");
            let text = body.join("\n");
            assert!(
                !text.contains("„“"),
                "empty quote in the {what} at {size:?}:\n{screen}"
            );
            assert!(
                text.contains('‸'),
                "no place in the {what} at {size:?}:\n{screen}"
            );
        }
    }
}

#[test]
fn long_names_in_the_entity_index_break_with_a_hyphen() {
    let dir = tempfile::tempdir().unwrap();
    // Canonical names with a space: a line may break there without a hyphen.
    let out = succeed(dossier_in(dir.path()).args(["extract", "--format", "jsonl", "seeds"]));
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .flat_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|e| e["canonical"].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!names.is_empty());
    let mut broken = 0;
    for size in SIZES {
        let screen = render(dir.path(), size, "I", &[]);
        let body = pane(&screen, "Entities (");
        assert!(body.len() > 5, "no entity index at {size:?}:\n{screen}");
        // The name column: after the two cells of the selection marker, up to the first gap
        // between columns (empty on a line where only other columns continue).
        let cells: Vec<String> = body
            .iter()
            .skip(1)
            .map(|l| {
                let rest: String = l.chars().skip(2).collect();
                rest.split("  ").next().unwrap_or("").trim().to_string()
            })
            .collect();
        for pair in cells.windows(2) {
            let (prev, next) = (&pair[0], &pair[1]);
            if prev.ends_with('-') && !prev.ends_with(" -") {
                broken += 1;
            }
            // A name going on after a letter with a lower-case letter is one word broken in
            // two, unless the name has a space there.
            let (Some(last), Some(first)) = (
                prev.split_whitespace().last(),
                next.split_whitespace().next(),
            ) else {
                continue;
            };
            if last.chars().last().is_some_and(char::is_alphabetic)
                && first.chars().next().is_some_and(char::is_lowercase)
            {
                let joined = format!("{last} {first}");
                assert!(
                    names.iter().any(|n| n.contains(&joined)),
                    "{prev:?} / {next:?} broken without a hyphen at {size:?}:\n{screen}"
                );
            }
        }
    }
    assert!(broken > 0, "no name needed hyphenating at any size");
}
