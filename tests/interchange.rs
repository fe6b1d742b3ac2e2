//! Notes out and back in, through the public API and the binary: W3C Web Annotations with the
//! model's required fields, CSL-JSON and BibTeX that independent readers parse, Markdown and
//! Org whose structure no note can change, and an export → import round trip into an empty
//! data directory that restores every bookmark.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::export::{bibtex, citekey, collect, csl, markdown, org, w3c};
use dossier::ingest::bundled;
use dossier::model::{Article, BlockKind, Span};
use dossier::store::{Bookmark, Store, Target, make_anchor};
use std::path::Path;
use std::process::{Command, Output};

const NOW: i64 = 1_700_000_000;

/// A note that would change the structure of a Markdown or Org document if pasted raw.
const HOSTILE: &str = "---\n# Heading?\n- [ ] task\n```rust\nfn x() {}\n```\n* star\n#+end_quote\n:END:\n<b>html</b> [link](x) ==mark== %%c%%";

fn paragraph_bookmark(a: &Article, nth: usize, note: &str, now: i64) -> Bookmark {
    let (block, b) = a
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && a.block_text(b).len() > 120)
        .nth(nth)
        .expect("paragraph");
    let anchor = make_anchor(a, block, Span::new(b.span.start, b.span.end));
    Bookmark::new(a, Target::Paragraph, anchor, note, now)
}

fn sentence_bookmark(a: &Article, nth: usize, note: &str, now: i64) -> Bookmark {
    let (block, b) = a
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .nth(nth)
        .expect("paragraph");
    let text = a.block_text(b);
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    let anchor = make_anchor(a, block, Span::new(b.span.start, b.span.start + end));
    Bookmark::new(a, Target::Sentence, anchor, note, now)
}

/// Bookmarks on three seeds, one with a hostile note, and one whose article is not in the
/// corpus.
fn bookmarks(corpus: &[Article]) -> Vec<Bookmark> {
    let mut out = vec![
        paragraph_bookmark(&corpus[0], 0, "Beistandsklausel prüfen", NOW),
        sentence_bookmark(&corpus[0], 2, HOSTILE, NOW + 5),
        paragraph_bookmark(&corpus[1], 1, "", NOW + 10),
        sentence_bookmark(&corpus[2], 0, "Zahlen gegenprüfen\nzweite Zeile", NOW + 20),
    ];
    let mut gone = paragraph_bookmark(&corpus[3], 0, "Artikel nicht mehr da", NOW + 30);
    gone.article = dossier::model::ArticleId("0000gone".into());
    gone.source = "elsewhere/removed.md".into();
    gone.title = "A removed article".into();
    gone.anchor.quote = "Ein Absatz, der in keinem Artikel des Korpus steht.".into();
    out.push(gone);
    out[1].updated = NOW + 99;
    out
}

#[test]
fn w3c_annotations_have_the_models_required_fields() {
    let corpus = bundled();
    let marks = bookmarks(&corpus);
    let items = collect(&corpus, &marks);
    let v = w3c::to_w3c(&items, Some("reader"), NOW);
    assert_eq!(v["@context"][0], w3c::CONTEXT);
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], marks.len());
    let list = v["first"]["items"].as_array().unwrap();
    assert_eq!(list.len(), marks.len());
    let mut positions = 0;
    for a in list {
        assert!(w3c::required_keys(a.as_object().unwrap()).is_empty(), "{a}");
        assert_eq!(a["@context"], w3c::CONTEXT);
        assert_eq!(a["type"], "Annotation");
        assert!(
            a["id"]
                .as_str()
                .unwrap()
                .starts_with("urn:dossier:bookmark:")
        );
        let source = a["target"]["source"].as_str().unwrap();
        assert!(
            source.starts_with("https://") || source.starts_with(w3c::ARTICLE_IRI),
            "{source}"
        );
        for key in ["created", "modified"] {
            let t = a[key].as_str().unwrap();
            assert!(dossier::export::time::parse_datetime(t).is_some(), "{t}");
        }
        assert_eq!(a["creator"]["nickname"], "reader");
        let selectors = a["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("a TextQuoteSelector");
        let exact = quote["exact"].as_str().unwrap();
        assert!(!exact.is_empty());
        assert!(quote["prefix"].is_string() && quote["suffix"].is_string());
        if let Some(pos) = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
        {
            positions += 1;
            // Positions count characters of the article's text.
            let path = a["dossier:path"].as_str().unwrap();
            let article = corpus.iter().find(|x| x.source == path).unwrap();
            let (start, end) = (
                pos["start"].as_u64().unwrap() as usize,
                pos["end"].as_u64().unwrap() as usize,
            );
            let at: String = article.text.chars().skip(start).take(end - start).collect();
            assert_eq!(at, exact);
        }
        if a["motivation"] == "commenting" {
            assert_eq!(a["body"]["type"], "TextualBody");
            assert!(!a["body"]["value"].as_str().unwrap().is_empty());
        }
    }
    // All but the bookmark on the removed article are placed.
    assert_eq!(positions, marks.len() - 1);
}

#[test]
fn csl_json_parses_as_csl_items_with_stable_ids() {
    let corpus = bundled();
    let items = collect(&corpus, &bookmarks(&corpus));
    let text = serde_json::to_string_pretty(&csl::to_csl_json(&items)).unwrap();
    let parsed = csl::parse_items(&text).expect("citationberg reads it");
    assert_eq!(parsed.len(), items.len());
    let keys = citekey::for_items(&items);
    for (item, key) in parsed.iter().zip(&keys) {
        assert_eq!(item.id().as_deref(), Some(key.as_str()));
        assert!(item.type_().is_some());
        assert!(item.0.contains_key("title"));
    }
    // Dated seeds carry `issued`.
    let dated = items.iter().filter(|g| g.meta.date.is_some()).count();
    let issued = parsed.iter().filter(|i| i.0.contains_key("issued")).count();
    assert_eq!(dated, issued);
    // The same corpus gives the same keys, whatever order the bookmarks come in.
    let mut reversed = bookmarks(&corpus);
    reversed.reverse();
    let again = collect(&corpus, &reversed);
    let mut a = citekey::for_items(&items);
    let mut b = citekey::for_items(&again);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn bibtex_parses_with_biblatex() {
    let corpus = bundled();
    let items = collect(&corpus, &bookmarks(&corpus));
    let text = bibtex::to_bibtex(&items);
    let bib = biblatex::Bibliography::parse(&text).expect("biblatex reads it");
    assert_eq!(bib.len(), items.len());
    for (g, key) in items.iter().zip(citekey::for_items(&items)) {
        let entry = bib.get(&key).unwrap_or_else(|| panic!("{key} in\n{text}"));
        let title = entry.title().expect("title");
        let title: String = title.iter().map(|c| c.v.get()).collect();
        assert_eq!(
            title,
            g.meta
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        if let Some(doi) = &g.meta.doi {
            assert_eq!(&entry.doi().unwrap(), doi);
        }
    }
}

/// Block-level structure of a Markdown document: (headings, rules, lists, code blocks, HTML
/// blocks, block quotes).
fn structure(md: &str) -> (usize, usize, usize, usize, usize, usize) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut s = (0, 0, 0, 0, 0, 0);
    // Front matter is not Markdown; Obsidian and Pandoc strip it before parsing.
    let body = md
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(md, |(_, body)| body);
    for event in Parser::new_ext(body, Options::all()) {
        match event {
            Event::Start(Tag::Heading { .. }) => s.0 += 1,
            Event::Rule => s.1 += 1,
            Event::Start(Tag::List(_)) => s.2 += 1,
            Event::Start(Tag::CodeBlock(_)) => s.3 += 1,
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) | Event::Html(_) => s.4 += 1,
            Event::Start(Tag::BlockQuote(_)) => s.5 += 1,
            Event::TaskListMarker(_) => s.2 += 1,
            _ => {}
        }
    }
    s
}

#[test]
fn notes_never_change_the_structure_of_markdown_or_org() {
    let corpus = bundled();
    let marks = bookmarks(&corpus);
    let items = collect(&corpus, &marks);
    let articles = items.len();
    let md = markdown::to_markdown(&items, NOW);
    // One heading per article, one block quote per bookmark, nothing else.
    assert_eq!(structure(&md), (articles, 0, 0, 0, 0, marks.len()), "{md}");
    assert!(
        md.contains("\\---\\\n\\# Heading?\\\n\\- \\[ \\] task\\\n\\`\\`\\`rust"),
        "{md}"
    );
    // Each passage ends in a Pandoc citation with a paragraph locator and a link back.
    let key = &citekey::for_items(&items)[0];
    assert!(md.contains(&format!("[@{key}, ¶ ")), "{md}");
    assert!(
        md.contains("[open in dossier](<dossier://open/seeds/"),
        "{md}"
    );
    for (_, file) in markdown::to_markdown_files(&items, NOW) {
        let (headings, rules, lists, code, html, _) = structure(&file);
        assert_eq!(
            (headings, rules, lists, code, html),
            (1, 0, 0, 0, 0),
            "{file}"
        );
        assert!(file.starts_with("---\ntitle: "));
    }

    let org = org::to_org(&items, NOW);
    let headings = org.lines().filter(|l| l.starts_with('*')).count();
    assert_eq!(headings, articles + marks.len(), "{org}");
    assert_eq!(
        org.lines().filter(|l| l.trim() == "#+end_quote").count(),
        marks.len()
    );
    assert_eq!(
        org.lines().filter(|l| l.trim() == ":END:").count(),
        articles + marks.len()
    );
}

fn dossier(data: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--data-dir", &data.display().to_string()])
        .args(["--config-dir", &data.join("config").display().to_string()])
        .args(["--cache-dir", &data.join("cache").display().to_string()])
        .args(args)
        .output()
        .expect("dossier runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn sorted(mut v: Vec<Bookmark>) -> Vec<Bookmark> {
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

#[test]
fn export_then_import_into_an_empty_data_dir_restores_every_bookmark() {
    let corpus = bundled();
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("from"), dir.path().join("to"));
    let mut store = Store::open(&from, NOW);
    let marks = bookmarks(&corpus);
    for b in &marks {
        store.add(b.clone()).unwrap();
    }
    let file = dir.path().join("notes.jsonld");
    dossier(
        &from,
        &[
            "export",
            "--format",
            "w3c",
            "--output",
            &file.display().to_string(),
        ],
    );
    let out = dossier(&to, &["import", &file.display().to_string()]);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("1 orphaned (kept)"), "{report}");
    assert!(report.contains("orphan"), "{report}");
    let restored = Store::open(&to, NOW).bookmarks().to_vec();
    assert_eq!(sorted(restored), sorted(marks.clone()));

    // Importing again adds nothing.
    let out = dossier(&to, &["import", &file.display().to_string()]);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        report.contains(&format!("{} already present", marks.len())),
        "{report}"
    );
    assert_eq!(Store::open(&to, NOW).bookmarks().len(), marks.len());
}

#[test]
fn hypothesis_annotations_are_placed_by_quote_or_kept_as_orphans() {
    let corpus = bundled();
    let a = &corpus[1];
    let b = a
        .body
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && a.block_text(b).len() > 80)
        .unwrap();
    let quote: String = a.block_text(b).chars().take(60).collect();
    let json = serde_json::json!({"total": 2, "rows": [
        {"id": "h1", "uri": "https://example.org/other-copy", "text": "on this copy",
         "created": "2024-05-01T10:00:00.000000+00:00", "updated": "2024-05-02T10:00:00+00:00",
         "tags": ["check"], "document": {"title": ["Whatever"]},
         "target": [{"source": "https://example.org/other-copy", "selector": [
            {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""}]}]},
        {"id": "h2", "uri": "https://example.org/unknown", "text": "lost",
         "created": "2024-05-01T10:00:00Z",
         "target": [{"source": "https://example.org/unknown", "selector": [
            {"type": "TextQuoteSelector", "exact": "words in no article at all", "prefix": "", "suffix": ""}]}]}
    ]});
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("h.json");
    std::fs::write(&file, json.to_string()).unwrap();
    let data = dir.path().join("data");
    let out = dossier(&data, &["import", &file.display().to_string()]);
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("1 orphaned (kept)"), "{report}");
    let store = Store::open(&data, NOW);
    let placed = store
        .bookmarks()
        .iter()
        .find(|b| b.id.0 == "import-h1")
        .unwrap();
    assert_eq!(placed.article, a.id);
    assert_eq!(placed.anchor.quote, quote);
    assert_eq!(placed.note, "on this copy\n\nTags: check");
    assert_eq!(placed.created, 1_714_557_600);
    let orphan = store
        .bookmarks()
        .iter()
        .find(|b| b.id.0 == "import-h2")
        .unwrap();
    assert_eq!(orphan.anchor.quote, "words in no article at all");
    assert_eq!(orphan.source, "https://example.org/unknown");
}

/// Subcommand names from `dossier --help`.
fn subcommands(data: &Path) -> Vec<String> {
    let help = String::from_utf8_lossy(&dossier(data, &["--help"]).stdout).into_owned();
    let section = help
        .split_once("Commands:\n")
        .map(|(_, rest)| rest)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    section
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|n| n != "help")
        .collect()
}

#[test]
fn completions_and_man_page_mention_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let names = subcommands(dir.path());
    for expected in ["export", "import", "open", "completions", "man", "config"] {
        assert!(names.iter().any(|n| n == expected), "{names:?}");
    }
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = dossier(dir.path(), &["completions", shell]);
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.len() > 1000, "{shell}: {script}");
        for n in &names {
            assert!(script.contains(n.as_str()), "{shell} lacks {n}");
        }
    }
    let page = String::from_utf8_lossy(&dossier(dir.path(), &["man"]).stdout).into_owned();
    assert!(
        page.starts_with(".ie") || page.contains(".TH dossier"),
        "{page}"
    );
    for n in &names {
        assert!(
            page.contains(&format!("dossier\\-{n}")),
            "man page lacks {n}"
        );
    }
    let pages = dir.path().join("man1");
    dossier(dir.path(), &["man", "--dir", &pages.display().to_string()]);
    assert!(pages.join("dossier-export.1").is_file());
}

/// The man pages and completions that `cargo deb` packages are kept in `assets/`; they must be
/// what the binary writes today, so a plain `cargo deb` packages current ones.
#[test]
fn packaged_man_pages_and_completions_match_the_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("man");
    dossier(dir.path(), &["man", "--dir", &fresh.display().to_string()]);
    let mut expected: Vec<(String, Vec<u8>)> = std::fs::read_dir(&fresh)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = format!("man/{}", e.file_name().to_string_lossy());
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    for (shell, file) in [
        ("bash", "dossier.bash"),
        ("zsh", "_dossier"),
        ("fish", "dossier.fish"),
        ("elvish", "dossier.elv"),
        ("powershell", "_dossier.ps1"),
    ] {
        let out = dossier(dir.path(), &["completions", shell]);
        expected.push((format!("completions/{file}"), out.stdout));
    }
    expected.sort();
    let mut kept: Vec<String> = ["man", "completions"]
        .iter()
        .flat_map(|sub| {
            std::fs::read_dir(root.join(sub))
                .unwrap()
                .map(move |e| format!("{sub}/{}", e.unwrap().file_name().to_string_lossy()))
        })
        .collect();
    kept.sort();
    let names: Vec<String> = expected.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(
        kept, names,
        "assets/ holds other files than the binary writes: run scripts/package-assets.sh"
    );
    for (name, bytes) in &expected {
        assert!(bytes.len() > 500, "{name} is nearly empty");
        assert!(
            std::fs::read(root.join(name)).unwrap() == *bytes,
            "assets/{name} is stale: run scripts/package-assets.sh and commit assets/"
        );
    }
}

#[test]
fn subcommand_help_lists_only_its_options_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    let help = |cmd: &str| {
        String::from_utf8_lossy(&dossier(dir.path(), &[cmd, "--help"]).stdout).into_owned()
    };
    let export = help("export");
    assert!(export.contains("EXAMPLES:"), "{export}");
    assert!(
        export.contains("--format") && export.contains("--data-dir"),
        "{export}"
    );
    for unused in ["--mouse", "--keymap", "--no-cache", "--theme"] {
        assert!(
            !export.contains(unused),
            "export --help shows {unused}:\n{export}"
        );
    }
    let completions = help("completions");
    assert!(!completions.contains("--data-dir"), "{completions}");
    assert!(completions.contains("EXAMPLES:"));
    assert!(help("open").contains("--mouse"));
}

#[test]
fn config_prints_effective_values_and_paths_follow_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cfg");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "mouse = true\ntheme = \"light\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .env("DOSSIER_CONFIG_DIR", &config)
            .env("DOSSIER_DATA_DIR", dir.path().join("d"))
            .env("DOSSIER_CACHE_DIR", dir.path().join("c"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run(&["config"]);
    assert!(text.contains("\nmouse = true\n"), "{text}");
    assert!(text.contains("\ntheme = \"light\""), "{text}");
    assert!(text.contains("# Start with mouse support on"), "{text}");
    // The output is itself a valid config.toml.
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(parsed["scroll_regions"].as_bool(), Some(true));
    let paths = run(&["config", "--paths"]);
    let line = |name: &str| {
        paths
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap()
            .split_once(' ')
            .unwrap()
            .1
            .trim()
            .to_string()
    };
    assert_eq!(
        line("config"),
        config.join("config.toml").display().to_string()
    );
    assert_eq!(line("data"), dir.path().join("d").display().to_string());
    assert_eq!(line("cache"), dir.path().join("c").display().to_string());
    assert_eq!(
        line("log"),
        dir.path()
            .join("c")
            .join("dossier.log")
            .display()
            .to_string()
    );
}
