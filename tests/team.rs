//! Team mode against a real PostgreSQL server: a throwaway cluster per test (initdb + pg_ctl in
//! a temporary directory on a free port). Without the server binaries the tests say they were
//! skipped; under CI=true that is a failure.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use dossier::model::ArticleId;
use dossier::store::{Anchor, Bookmark, BookmarkId, Store, Target};
use dossier::team::cluster::{Cluster, Unavailable};
use dossier::team::sync::{SyncReport, SyncState, Who, sync_round};
use dossier::team::{Settings, TeamError, corpus, migrate};
use std::path::Path;

/// Starts a cluster with database `team`, the schema, writers `ann` and `bob` and a reader
/// `rita`; None (after saying so) when the server is not installed outside CI.
fn server(test: &str) -> Option<Cluster> {
    let cluster = match Cluster::start(true) {
        Ok(c) => c,
        Err(Unavailable::NotInstalled(m)) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("{test}: skipped: {m}");
            return None;
        }
        Err(e) => panic!("{test}: cannot start PostgreSQL: {e}"),
    };
    let mut admin = cluster.admin().unwrap();
    admin
        .batch_execute(
            "CREATE ROLE writers NOLOGIN;
             CREATE ROLE ann LOGIN IN ROLE writers;
             CREATE ROLE bob LOGIN IN ROLE writers;
             CREATE ROLE rita LOGIN;",
        )
        .unwrap();
    admin.batch_execute("CREATE DATABASE team").unwrap();
    let mut db = cluster.superuser("team").unwrap();
    assert_eq!(
        migrate::migrate(&mut db).unwrap(),
        migrate::MIGRATIONS.len()
    );
    assert_eq!(migrate::migrate(&mut db).unwrap(), 0, "migrating twice");
    db.batch_execute(
        "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO writers;
         GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO writers;
         GRANT SELECT ON ALL TABLES IN SCHEMA public TO rita;",
    )
    .unwrap();
    Some(cluster)
}

fn settings(cluster: &Cluster, user: &str) -> Settings {
    cluster.settings("team", user, None).unwrap()
}

fn sync(cluster: &Cluster, user: &str, store: &mut Store) -> Result<SyncReport, TeamError> {
    let s = settings(cluster, user);
    let mut client = s.connect()?;
    sync_round(
        &mut client,
        store,
        Who {
            user: &s.user,
            server: &s.server,
        },
    )
}

fn bookmark(id: &str, note: &str, title: &str) -> Bookmark {
    Bookmark {
        id: BookmarkId(id.to_string()),
        article: ArticleId("0123456789abcdef".into()),
        source: "corpus/a.md".into(),
        title: title.into(),
        target: Target::Sentence,
        anchor: Anchor {
            block: 1,
            start: 10,
            end: 20,
            quote: "quoted text".into(),
            prefix: "before ".into(),
            suffix: " after".into(),
        },
        note: note.into(),
        created: 1_700_000_000,
        updated: 1_700_000_000,
    }
}

fn note_of(store: &Store, id: &str) -> Option<String> {
    store
        .get(&BookmarkId(id.to_string()))
        .map(|b| b.note.clone())
}

fn server_count(cluster: &Cluster, sql: &str) -> i64 {
    let mut c = settings(cluster, "ann").connect().unwrap();
    c.query_one(sql, &[]).unwrap().get(0)
}

fn open(dir: &Path) -> Store {
    Store::open(dir, 1_700_000_100)
}

/// Asserts that the summaries publishing keeps (the article total, the entity index, the
/// outlets) equal what counting the corpus itself gives, and returns the total.
fn summaries_agree(c: &mut postgres::Client) -> i64 {
    let total: i64 = c
        .query_one("SELECT articles FROM corpus_totals", &[])
        .unwrap()
        .get(0);
    let counted: i64 = c
        .query_one("SELECT count(*) FROM articles", &[])
        .unwrap()
        .get(0);
    assert_eq!(total, counted, "article total");
    assert_eq!(corpus::count(c).unwrap(), counted);
    for (what, kept, counted) in [
        (
            "entities",
            "SELECT kind, name, articles, mentions FROM entity_counts",
            "SELECT kind, name, count(*), sum(mentions)::int8 FROM mentions GROUP BY 1, 2",
        ),
        (
            "outlets",
            "SELECT outlet, articles, first, last FROM source_counts",
            "SELECT coalesce(outlet, ''), count(*), min(published), max(published) \
             FROM articles GROUP BY 1",
        ),
    ] {
        let differ: i64 = c
            .query_one(
                &format!(
                    "SELECT count(*) FROM ((({kept}) EXCEPT ({counted})) \
                     UNION ALL (({counted}) EXCEPT ({kept}))) d"
                ),
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(
            differ, 0,
            "{what} kept by publishing differ from those counted"
        );
    }
    total
}

#[test]
fn two_people_editing_one_note_at_once_keep_both_texts() {
    let Some(cluster) = server("concurrent edits") else {
        return;
    };
    let a_dir = tempfile::tempdir().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let mut a = open(a_dir.path());
    let mut b = open(b_dir.path());
    a.add(bookmark("n1", "first draft", "Title")).unwrap();
    a.add(bookmark("n2", "to be deleted", "Title")).unwrap();
    let r = sync(&cluster, "ann", &mut a).unwrap();
    assert_eq!(r.pushed_new, 2);
    let r = sync(&cluster, "bob", &mut b).unwrap();
    assert_eq!(r.pulled_new, 2);
    assert_eq!(note_of(&b, "n1").as_deref(), Some("first draft"));

    a.set_note(&BookmarkId("n1".into()), "ann's reading", 1_700_000_200)
        .unwrap();
    b.set_note(&BookmarkId("n1".into()), "bob's reading", 1_700_000_201)
        .unwrap();
    assert_eq!(sync(&cluster, "ann", &mut a).unwrap().pushed_edits, 1);
    let r = sync(&cluster, "bob", &mut b).unwrap();
    assert_eq!(r.conflicts, 1, "{r:?}");
    sync(&cluster, "ann", &mut a).unwrap();
    let merged_a = note_of(&a, "n1").unwrap();
    let merged_b = note_of(&b, "n1").unwrap();
    assert_eq!(merged_a, merged_b);
    assert!(merged_a.contains("ann's reading"), "{merged_a}");
    assert!(merged_a.contains("bob's reading"), "{merged_a}");
    assert!(
        merged_a.contains("edited at the same time by ann"),
        "{merged_a}"
    );

    // Authors travel with the notes.
    let authors = SyncState::load_any(b_dir.path()).authors();
    assert_eq!(authors[&BookmarkId("n1".into())].0, "ann");
    assert_eq!(authors[&BookmarkId("n1".into())].1, "bob");

    // A deletion is a tombstone: it reaches the other side and does not come back.
    b.delete(&BookmarkId("n2".into())).unwrap();
    assert_eq!(sync(&cluster, "bob", &mut b).unwrap().pushed_deletes, 1);
    assert_eq!(sync(&cluster, "ann", &mut a).unwrap().pulled_deletes, 1);
    assert_eq!(note_of(&a, "n2"), None);
    let again = sync(&cluster, "ann", &mut a).unwrap();
    assert_eq!(again, SyncReport::default());
    assert_eq!(note_of(&a, "n2"), None);
    assert_eq!(
        server_count(&cluster, "SELECT count(*) FROM notes WHERE deleted"),
        1
    );

    // What the store saved on disk is what a fresh process sees.
    let reopened = open(a_dir.path());
    assert_eq!(note_of(&reopened, "n1").unwrap(), merged_a);
}

#[test]
fn a_round_repeated_after_its_state_was_lost_duplicates_nothing() {
    let Some(cluster) = server("repeated round") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut a = open(dir.path());
    for i in 0..50 {
        a.add(bookmark(&format!("r{i}"), &format!("note {i}"), "T"))
            .unwrap();
    }
    sync(&cluster, "ann", &mut a).unwrap();
    a.set_note(&BookmarkId("r3".into()), "changed", 1_700_000_300)
        .unwrap();
    sync(&cluster, "ann", &mut a).unwrap();
    // As if the process died after the server committed but before the state file was written.
    std::fs::remove_file(SyncState::path(dir.path())).unwrap();
    let r = sync(&cluster, "ann", &mut a).unwrap();
    assert_eq!(r.pushed_new, 0, "{r:?}");
    assert_eq!(r.conflicts, 0, "{r:?}");
    assert_eq!(note_of(&a, "r3").as_deref(), Some("changed"));
    assert_eq!(server_count(&cluster, "SELECT count(*) FROM notes"), 50);
    assert_eq!(a.bookmarks().len(), 50);
}

#[test]
fn server_stopped_mid_sync_and_restarted_loses_and_duplicates_nothing() {
    let Some(mut cluster) = server("server stopped") else {
        return;
    };
    let a_dir = tempfile::tempdir().unwrap();
    let mut a = open(a_dir.path());
    let batch: Vec<_> = (0..3000)
        .map(|i| dossier::store::Change::Add(bookmark(&format!("s{i}"), &format!("note {i}"), "T")))
        .collect();
    a.apply_changes(batch).unwrap();
    let settings_a = settings(&cluster, "ann");

    // Rounds run in a thread while the server goes down under them.
    let worker = std::thread::spawn(move || {
        let mut failures = 0;
        let mut successes = 0;
        for _ in 0..20 {
            let round = settings_a.connect().and_then(|mut c| {
                sync_round(
                    &mut c,
                    &mut a,
                    Who {
                        user: &settings_a.user,
                        server: &settings_a.server,
                    },
                )
            });
            match round {
                Ok(_) => successes += 1,
                Err(e) => {
                    assert!(e.is_offline(), "not an offline error: {e}");
                    failures += 1;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        (a, successes, failures)
    });
    std::thread::sleep(std::time::Duration::from_millis(30));
    cluster.stop().unwrap();
    let (mut a, _, failures) = worker.join().unwrap();
    assert!(failures > 0, "the server was never seen down");
    let err = sync(&cluster, "ann", &mut a).unwrap_err();
    assert!(err.is_offline(), "{err}");
    assert!(err.to_string().contains("cannot connect"), "{err}");
    assert_eq!(
        a.bookmarks().len(),
        3000,
        "local store untouched while offline"
    );

    cluster.start_server().unwrap();
    sync(&cluster, "ann", &mut a).unwrap();
    assert_eq!(server_count(&cluster, "SELECT count(*) FROM notes"), 3000);
    assert_eq!(
        server_count(&cluster, "SELECT count(DISTINCT note) FROM notes"),
        3000
    );
    assert_eq!(
        sync(&cluster, "ann", &mut a).unwrap(),
        SyncReport::default()
    );
    let b_dir = tempfile::tempdir().unwrap();
    let mut b = open(b_dir.path());
    assert_eq!(sync(&cluster, "bob", &mut b).unwrap().pulled_new, 3000);
    assert_eq!(note_of(&b, "s2999").as_deref(), Some("note 2999"));
}

#[test]
fn a_user_who_may_only_read_gets_a_clear_error_and_still_receives() {
    let Some(cluster) = server("read-only") else {
        return;
    };
    let a_dir = tempfile::tempdir().unwrap();
    let mut a = open(a_dir.path());
    a.add(bookmark("w1", "from ann", "T")).unwrap();
    sync(&cluster, "ann", &mut a).unwrap();

    let r_dir = tempfile::tempdir().unwrap();
    let mut r = open(r_dir.path());
    r.add(bookmark("mine", "rita's own", "T")).unwrap();
    let err = sync(&cluster, "rita", &mut r).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, TeamError::ReadOnly { .. }), "{text}");
    assert!(
        text.contains("'rita'") && text.contains("may read but not write"),
        "{text}"
    );
    assert_eq!(note_of(&r, "w1").as_deref(), Some("from ann"));
    assert_eq!(note_of(&r, "mine").as_deref(), Some("rita's own"));
}

#[test]
fn sql_metacharacters_and_escape_sequences_round_trip_unchanged() {
    let Some(cluster) = server("metacharacters") else {
        return;
    };
    let nasty = [
        "'; DROP TABLE notes; --",
        "Robert'); DELETE FROM notes WHERE ('1'='1",
        "back\\slash \\' \\\\ E'\\n' $1 $$ dollar $$ %_ like",
        "\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7} \r\n tab\t bell\u{7}",
        "Umlaute äöü ß, emoji 🗞, RTL \u{202e}abc",
        "{\"json\": [1, 2]} <script>alert(1)</script>",
    ];
    let a_dir = tempfile::tempdir().unwrap();
    let mut a = open(a_dir.path());
    for (i, text) in nasty.iter().enumerate() {
        a.add(bookmark(&format!("m{i}"), text, text)).unwrap();
    }
    sync(&cluster, "ann", &mut a).unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let mut b = open(b_dir.path());
    sync(&cluster, "bob", &mut b).unwrap();
    for (i, text) in nasty.iter().enumerate() {
        let got = b.get(&BookmarkId(format!("m{i}"))).unwrap();
        assert_eq!(got.note, *text);
        assert_eq!(got.title, *text);
    }
    assert_eq!(
        server_count(&cluster, "SELECT count(*) FROM notes"),
        nasty.len() as i64
    );
    // A repeated round sees nothing to do: the texts compare equal after the trip.
    assert_eq!(
        sync(&cluster, "ann", &mut a).unwrap(),
        SyncReport::default()
    );
}

#[test]
fn a_corpus_published_twice_is_stored_once_and_searchable() {
    let Some(cluster) = server("publish") else {
        return;
    };
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let pairs: Vec<_> = articles.iter().zip(analyses.iter()).collect();
    let mut c = settings(&cluster, "ann").connect().unwrap();
    let first = corpus::publish(&mut c, "ann", &pairs).unwrap();
    assert_eq!(first.added, articles.len());
    assert!(first.mentions > 0);
    let second = corpus::publish(&mut c, "ann", &pairs).unwrap();
    assert_eq!((second.added, second.present), (0, articles.len()));
    assert_eq!(corpus::count(&mut c).unwrap(), articles.len() as i64);
    assert_eq!(summaries_agree(&mut c), articles.len() as i64);

    // What comes back is what went in.
    let (back, analysis) = corpus::fetch(&mut c, &articles[0].id.0).unwrap().unwrap();
    assert_eq!(back, articles[0]);
    assert_eq!(analysis, analyses[0]);

    // Full text search finds an article by a word of its title, in its own language's stemming;
    // the trigram match finds it from a misspelt, accent-free title.
    let a = &articles[0];
    let word = a
        .title
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let hits = corpus::search(&mut c, word, 10).unwrap();
    assert!(hits.iter().any(|h| h.id == a.id.0), "{word}: {hits:?}");
    let folded: String = a
        .title
        .to_lowercase()
        .replace(['ä', 'á', 'à'], "a")
        .replace(['ö', 'ó'], "o")
        .replace(['ü', 'ú'], "u")
        .chars()
        .take(30)
        .collect();
    let hits = corpus::search(&mut c, &folded, 10).unwrap();
    assert!(hits.iter().any(|h| h.id == a.id.0), "{folded}: {hits:?}");

    // Aggregations agree with the analyses.
    let people = corpus::entities(&mut c, Some("person"), None, 1000).unwrap();
    let mut expected = std::collections::BTreeMap::<&str, i64>::new();
    for an in &analyses {
        let names: std::collections::BTreeSet<&str> = an
            .mentions
            .iter()
            .filter(|m| m.kind == dossier::model::EntityKind::Person && !m.canonical.is_empty())
            .map(|m| m.canonical.as_str())
            .collect();
        for n in names {
            *expected.entry(n).or_default() += 1;
        }
    }
    assert_eq!(people.len(), expected.len());
    for p in &people {
        assert_eq!(expected[p.name.as_str()], p.articles, "{}", p.name);
    }
    let sources = corpus::sources(&mut c, 100).unwrap();
    assert_eq!(
        sources.iter().map(|s| s.articles).sum::<i64>(),
        articles.len() as i64
    );
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = corpus::page(&mut c, after.as_deref(), 2).unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(|r| r.id.clone());
        ids.extend(page.into_iter().map(|r| r.id));
    }
    let mut want: Vec<String> = articles.iter().map(|a| a.id.0.clone()).collect();
    want.sort();
    assert_eq!(ids, want);

    // A user who may only read cannot publish, and is told so.
    let mut r = settings(&cluster, "rita").connect().unwrap();
    let mut changed = articles[0].clone();
    changed.id = dossier::model::ArticleId("ffffffffffffffff".into());
    let err = corpus::publish(&mut r, "rita", &[(&changed, &analyses[0])]).unwrap_err();
    assert!(matches!(err, TeamError::ReadOnly { .. }), "{err}");
}

fn reader() -> dossier::state::AppState {
    let entries = dossier::corpus::Corpus::from_pairs(
        dossier::ingest::bundled()
            .into_iter()
            .map(|article| (article, dossier::model::Analysis::default())),
    );
    dossier::state::AppState::new(
        entries,
        dossier::keymap::Keymap::builtin(),
        dossier::reflow::Hyphenators::load(),
        dossier::state::Options::default(),
    )
}

fn status(online: bool, authors: &[(&str, &str)]) -> dossier::team::background::TeamStatus {
    dossier::team::background::TeamStatus {
        user: "ann".into(),
        online,
        message: if online {
            "sent 0 new".into()
        } else {
            "cannot connect to the team server 127.0.0.1:1/team: connection refused".into()
        },
        changed: false,
        authors: authors
            .iter()
            .map(|(id, who)| {
                (
                    BookmarkId(id.to_string()),
                    (who.to_string(), who.to_string()),
                )
            })
            .collect(),
    }
}

#[test]
fn the_reader_says_offline_in_the_status_line_and_keeps_working() {
    let mut state = reader();
    state.handle(dossier::state::Input::Team(status(false, &[])));
    let screen = dossier::tui::headless::render_text(&mut state, (120, 30), &[]);
    let last = screen.lines().last().unwrap();
    assert!(last.contains("offline"), "{last}");
    assert!(screen.contains("team server offline"), "{screen}");
    state.handle(dossier::state::Input::Team(status(true, &[])));
    let keys = dossier::keymap::parse_sequence("j").unwrap();
    let screen = dossier::tui::headless::render_text(&mut state, (120, 30), &keys);
    let last = screen.lines().last().unwrap();
    assert!(last.contains("team ann ✓"), "{last}");
    assert!(!last.contains("│ offline"), "{last}");
}

#[test]
fn the_bookmarks_view_names_the_author_of_others_notes() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dossier::ingest::bundled();
    let mut store = open(dir.path());
    // Text from the server is drawn, never sent to the terminal as control sequences.
    let mut theirs = bookmark(
        "theirs",
        "bob's note \u{1b}[2J\u{1b}]0;pwned\u{7}",
        &format!("{}\u{1b}[31m", articles[0].title),
    );
    theirs.article = articles[0].id.clone();
    theirs.source = articles[0].source.clone();
    let mut mine = bookmark("mine", "my note", &articles[0].title);
    mine.article = articles[0].id.clone();
    mine.source = articles[0].source.clone();
    mine.created += 1;
    store.add(theirs).unwrap();
    store.add(mine).unwrap();
    drop(store);
    let mut session = dossier::session::Session::open(Some(dir.path()), 1_700_000_200);
    let mut state = reader();
    let effects = state.handle(dossier::state::Input::Store(session.report(None)));
    assert!(effects.is_empty());
    state.handle(dossier::state::Input::Team(status(
        true,
        &[("theirs", "bob"), ("mine", "ann")],
    )));
    let keys = dossier::keymap::parse_sequence("B").unwrap();
    let buffer =
        dossier::tui::headless::render_buffer_with(&mut state, &mut session, (120, 30), &keys);
    let screen = dossier::tui::headless::buffer_text(&buffer);
    let by_bob: Vec<&str> = screen.lines().filter(|l| l.contains("by bob")).collect();
    assert_eq!(by_bob.len(), 1, "{screen}");
    assert!(!screen.contains("by ann"), "{screen}");
    assert!(screen.contains("bob's note"), "{screen}");
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
        "{screen:?}"
    );
}

/// The reader over the corpus published on `cluster`, drawn after its first fetches.
fn published_reader(cluster: &Cluster) -> dossier::state::AppState {
    let mut state = reader();
    let pool = dossier::team::Pool::new(settings(cluster, "ann"), 2);
    let start = state.read_published(dossier::team::paged::Remote::new(pool));
    dossier::tui::headless::run_jobs(&mut state, start);
    state
}

fn publish_bundled(cluster: &Cluster, take: usize) -> Vec<dossier::model::Article> {
    let articles: Vec<_> = dossier::ingest::bundled().into_iter().take(take).collect();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let pairs: Vec<_> = articles.iter().zip(analyses.iter()).collect();
    let mut c = settings(cluster, "ann").connect().unwrap();
    corpus::publish(&mut c, "ann", &pairs).unwrap();
    articles
}

#[test]
fn the_reader_pages_the_published_corpus_and_opens_articles_from_the_server() {
    let Some(cluster) = server("published reader") else {
        return;
    };
    let mut articles = publish_bundled(&cluster, 5);
    // The list is in the byte order of source paths.
    articles.sort_by(|a, b| a.source.as_bytes().cmp(b.source.as_bytes()));
    let mut state = published_reader(&cluster);
    // Only the open article is held, not the corpus.
    assert!(state.corpus.len() <= 1);
    let screen = dossier::tui::headless::render_text(&mut state, (120, 40), &[]);
    assert!(screen.contains("Articles (5)"), "{screen}");
    // The first article is open; the list shows the next ones' titles.
    let open_title: String = articles[0].title.chars().take(20).collect();
    assert!(screen.contains(&open_title), "{open_title}: {screen}");
    let next_word = articles[1].title.split_whitespace().next().unwrap();
    assert!(screen.contains(next_word), "{next_word}: {screen}");

    // The second article opens from the server with its highlighted entities and its claims.
    let keys = dossier::keymap::parse_sequence("J").unwrap();
    let buffer = dossier::tui::headless::render_buffer(&mut state, (120, 40), &keys);
    let screen = dossier::tui::headless::buffer_text(&buffer);
    let open = state.current().expect("an article is open").clone();
    assert_eq!(open.article.id, articles[1].id);
    assert_eq!(state.corpus.len(), 1);
    assert!(screen.contains("2/5"), "{screen}");
    let claims = open.analysis.claims.len();
    assert!(claims > 0, "the bundled article has claims");
    assert!(screen.contains(&format!("Claims ({claims}")), "{screen}");
    let theme = dossier::tui::theme::Theme::new(false);
    let highlighted = (0..buffer.area.height).any(|y| {
        (0..buffer.area.width).any(|x| {
            let cell = &buffer[(x, y)];
            open.analysis.mentions.iter().any(|m| {
                let want = theme.entity(m.kind);
                want.fg.is_some() && cell.fg == want.fg.unwrap() && cell.symbol().trim() != ""
            })
        })
    });
    assert!(highlighted, "no entity highlighted: {screen}");

    // The search runs on the server, and Enter opens the hit.
    let word = articles[3]
        .title
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let keys = dossier::keymap::parse_sequence(&format!(
        "ctrl-p {}",
        word.chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    ))
    .unwrap();
    let screen = dossier::tui::headless::render_text(&mut state, (120, 40), &keys);
    assert!(screen.contains("Search the team server"), "{screen}");
    let title_start: String = articles[3].title.chars().take(15).collect();
    assert!(screen.contains(&title_start), "{word}: {screen}");
    let keys = dossier::keymap::parse_sequence("enter").unwrap();
    dossier::tui::headless::render_text(&mut state, (120, 40), &keys);
    assert_eq!(state.current().unwrap().article.id, articles[3].id);
    assert_eq!(state.list.selected, 3);

    // The entity index and the sources view are the server's aggregations.
    let keys = dossier::keymap::parse_sequence("I").unwrap();
    let screen = dossier::tui::headless::render_text(&mut state, (120, 40), &keys);
    assert!(screen.contains("Entities on the team server"), "{screen}");
    let mut c = settings(&cluster, "ann").connect().unwrap();
    let top = &corpus::entities(&mut c, None, None, 1).unwrap()[0];
    assert!(screen.contains(&top.name), "{}: {screen}", top.name);
}

#[test]
fn the_published_reader_reads_no_local_files() {
    let Some(cluster) = server("published files") else {
        return;
    };
    let articles = publish_bundled(&cluster, 2);
    let home = tempfile::tempdir().unwrap();
    let url = format!(
        "postgres://ann@127.0.0.1:{}/team?sslmode=disable",
        cluster.port()
    );
    let dossier = |extra: &[&str]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.env("HOME", home.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .current_dir(home.path())
            .arg(format!("--team={url}"))
            .arg("--published")
            .arg("--cache-dir")
            .arg(home.path().join("cache"))
            .arg("--data-dir")
            .arg(home.path().join("data"))
            .args(extra);
        cmd.output().unwrap()
    };
    let out = dossier(&["render", "--size", "120x30"]);
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The two published articles, not the five bundled ones a local reader would show.
    assert!(screen.contains("Articles (2)"), "{screen}");
    assert!(screen.contains("1/2"), "{screen}");
    let shown = articles
        .iter()
        .filter(|a| screen.contains(&a.title.chars().take(20).collect::<String>()))
        .count();
    assert!(shown >= 1, "{screen}");
    // Nothing was extracted or cached here (the cache directory holds the log only).
    let cached: Vec<String> = std::fs::read_dir(home.path().join("cache"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        cached.iter().all(|name| name == "dossier.log"),
        "{cached:?}"
    );
    // A path is refused rather than mixed in.
    let local = home.path().join("local.txt");
    std::fs::write(&local, "Local\n\nA local article.\n").unwrap();
    let out = dossier(&["render", local.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--published"), "{err}");
}

#[test]
fn the_bookmarks_view_filters_notes_by_author() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dossier::ingest::bundled();
    let mut store = open(dir.path());
    for (id, note) in [
        ("b1", "bob's first"),
        ("c1", "cleo's note"),
        ("a1", "my own note"),
    ] {
        let mut b = bookmark(id, note, &articles[0].title);
        b.article = articles[0].id.clone();
        b.source = articles[0].source.clone();
        store.add(b).unwrap();
    }
    drop(store);
    let mut session = dossier::session::Session::open(Some(dir.path()), 1_700_000_200);
    let mut state = reader();
    state.handle(dossier::state::Input::Store(session.report(None)));
    state.handle(dossier::state::Input::Team(status(
        true,
        &[("b1", "bob"), ("c1", "cleo"), ("a1", "ann")],
    )));
    let mut screen_after = |keys: &str| {
        let keys = dossier::keymap::parse_sequence(keys).unwrap();
        let buffer =
            dossier::tui::headless::render_buffer_with(&mut state, &mut session, (120, 30), &keys);
        dossier::tui::headless::buffer_text(&buffer)
    };
    let all = screen_after("B");
    for note in ["bob's first", "cleo's note", "my own note"] {
        assert!(all.contains(note), "{note}: {all}");
    }
    // The key is offered in the view's hints, named from the keymap.
    assert!(all.contains("f author"), "{all}");
    // Authors in name order: ann, bob, cleo, then everyone again.
    let ann = screen_after("f");
    assert!(ann.contains("Bookmarks (1) · by ann"), "{ann}");
    assert!(
        ann.contains("my own note") && !ann.contains("bob's first"),
        "{ann}"
    );
    let bob = screen_after("f");
    assert!(bob.contains("Bookmarks (1) · by bob"), "{bob}");
    assert!(
        bob.contains("bob's first") && !bob.contains("cleo's note"),
        "{bob}"
    );
    let cleo = screen_after("f");
    assert!(
        cleo.contains("cleo's note") && !cleo.contains("my own note"),
        "{cleo}"
    );
    let everyone = screen_after("f");
    assert!(everyone.contains("Bookmarks (3)"), "{everyone}");
}

/// `n` copies of article `a` with distinct ids and sources (`prefix` keeps the ids apart).
fn copies(a: &dossier::model::Article, n: usize, prefix: &str) -> Vec<dossier::model::Article> {
    (0..n)
        .map(|k| {
            let mut c = a.clone();
            c.id = ArticleId(format!("{prefix}{k:08}"));
            c.source = format!("copies/{prefix}{k:08}.txt");
            c
        })
        .collect()
}

#[test]
fn the_publisher_writes_batches_on_several_connections_and_again_adds_nothing() {
    use dossier::team::publish::{Batch, Publisher};
    use std::sync::Arc;
    let Some(cluster) = server("publisher") else {
        return;
    };
    let articles = dossier::ingest::bundled();
    let analyses: Vec<Arc<_>> = dossier::extract::analyze_corpus(&articles)
        .into_iter()
        .map(Arc::new)
        .collect();
    let batches = |prefix: &str| -> Vec<Batch> {
        (0..6)
            .map(|b| {
                articles
                    .iter()
                    .zip(&analyses)
                    .flat_map(|(a, an)| {
                        copies(a, 4, &format!("{prefix}{b}{}", &a.id.0[..4]))
                            .into_iter()
                            .map(|c| (c, Arc::clone(an)))
                    })
                    .collect()
            })
            .collect()
    };
    let total = 6 * 4 * articles.len();
    let ann = settings(&cluster, "ann");
    let mut p = Publisher::start(&ann, "ann", 3).unwrap();
    for batch in batches("a") {
        p.send(batch).unwrap();
    }
    let done = p.finish().unwrap();
    assert_eq!((done.added, done.present), (total, 0));
    assert!(done.mentions > 0);
    assert_eq!(
        server_count(&cluster, "SELECT count(*) FROM articles"),
        total as i64
    );
    // The claim count of the list is the analysis's.
    let mut c = ann.connect().unwrap();
    let first = dossier::team::paged::rows(&mut c, &dossier::team::paged::From::Offset(0)).unwrap();
    let (_, analysis) = corpus::fetch(&mut c, &first[0].id).unwrap().unwrap();
    assert_eq!(first[0].claims, analysis.claims.len());

    // Again, interleaved with new ones: only the new ones are added.
    let mut p = Publisher::start(&ann, "ann", 2).unwrap();
    let again = batches("a");
    let fresh = batches("b");
    for (x, y) in again.into_iter().zip(fresh) {
        p.send(x).unwrap();
        p.send(y).unwrap();
    }
    let done = p.finish().unwrap();
    assert_eq!((done.added, done.present), (total, total));
    assert_eq!(
        server_count(&cluster, "SELECT count(*) FROM articles"),
        2 * total as i64
    );
    assert_eq!(summaries_agree(&mut c), 2 * total as i64);
    // Jumps into the list, from either end, land on the rows walking it page by page reaches.
    {
        use dossier::team::paged::{From, PAGE, rows};
        let mut walked = rows(&mut c, &From::Offset(0)).unwrap();
        while let Some(last) = walked.last().cloned() {
            let next = rows(&mut c, &From::After(last.source, last.id)).unwrap();
            if next.is_empty() {
                break;
            }
            walked.extend(next);
        }
        assert_eq!(walked.len(), 2 * total);
        assert_eq!(
            rows(&mut c, &From::Offset(2 * PAGE)).unwrap(),
            walked[2 * PAGE..3 * PAGE]
        );
        let end = walked.len();
        assert_eq!(
            rows(&mut c, &From::FromEnd(7)).unwrap(),
            walked[end - 7 - PAGE..end - 7]
        );
        assert_eq!(rows(&mut c, &From::Last(9)).unwrap(), walked[end - 9..]);
    }

    // A reader may not publish: the writers stop and say so.
    let rita = settings(&cluster, "rita");
    let mut p = Publisher::start(&rita, "rita", 2).unwrap();
    let mut failed = None;
    for batch in batches("c") {
        if let Err(e) = p.send(batch) {
            failed = Some(e);
            break;
        }
    }
    let err = match failed {
        Some(e) => e,
        None => p.finish().unwrap_err(),
    };
    assert!(matches!(err, TeamError::ReadOnly { .. }), "{err}");
}

#[test]
fn a_title_match_ranks_even_when_thousands_of_texts_match() {
    use dossier::model::Analysis;
    let Some(cluster) = server("search sample") else {
        return;
    };
    let articles = dossier::ingest::bundled();
    let base = articles
        .iter()
        .find(|a| a.lang.code() == "de")
        .unwrap_or(&articles[0]);
    // Many articles whose text (not title) holds a word, published first...
    let word = "Zauberformelberatung";
    let mut filler = base.clone();
    filler.title = "Ein Bericht ohne das Wort".into();
    filler.text = format!("{}\n\nDie {word} ging weiter.", filler.text);
    let many = copies(&filler, corpus::SEARCH_CANDIDATES as usize + 150, "f");
    // ...then the one whose title names it.
    let mut titled = base.clone();
    titled.id = ArticleId("zzzz0000titled".into());
    titled.source = "zz/titled.txt".into();
    titled.title = format!("Neue {word} im Parlament");
    let empty = Analysis::default();
    let mut c = settings(&cluster, "ann").connect().unwrap();
    let pairs: Vec<_> = many.iter().map(|a| (a, &empty)).collect();
    for chunk in pairs.chunks(200) {
        corpus::publish(&mut c, "ann", chunk).unwrap();
    }
    corpus::publish(&mut c, "ann", &[(&titled, &empty)]).unwrap();
    let hits = corpus::search(&mut c, word, 10).unwrap();
    assert_eq!(hits.len(), 10);
    assert_eq!(hits[0].id, titled.id.0, "{hits:?}");
    // The excerpt is cut around the word, not from the article's start.
    assert!(
        hits.iter().skip(1).all(|h| h.excerpt.contains(word)),
        "{hits:?}"
    );
}

#[test]
fn a_search_typed_past_is_cancelled_on_the_server() {
    use dossier::team::paged::{Answer, Remote, Request};
    let Some(cluster) = server("search cancel") else {
        return;
    };
    publish_bundled(&cluster, 5);
    let remote = Remote::new(dossier::team::Pool::new(settings(&cluster, "ann"), 4));
    // Another session holds the table, so that the first search waits on the server.
    let mut holder = settings(&cluster, "bob").connect().unwrap();
    let mut tx = holder.transaction().unwrap();
    tx.batch_execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let search = |generation: u64| {
        let remote = remote.clone();
        std::thread::spawn(move || {
            remote.answer(Request::Search {
                generation,
                query: "Regierung".into(),
            })
        })
    };
    let waiting = |n: i64| {
        let started = std::time::Instant::now();
        while server_count(
            &cluster,
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
        ) < n
        {
            assert!(started.elapsed().as_secs() < 30, "the search never waited");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    let first = search(1);
    waiting(1);
    let second = search(2);
    // The first search ends at once, cancelled, while the second still waits.
    let Answer::Found { generation, result } = first.join().unwrap() else {
        panic!("not a search answer");
    };
    assert_eq!(generation, 1);
    let err = result.unwrap_err();
    assert!(err.contains("cancel"), "{err}");
    tx.commit().unwrap();
    let Answer::Found { generation, result } = second.join().unwrap() else {
        panic!("not a search answer");
    };
    assert_eq!(generation, 2);
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_server_at_an_older_schema_keeps_its_corpus_when_migrated() {
    let Some(cluster) = server("migrate corpus") else {
        return;
    };
    // A fresh database brought to version 3 only, holding an article as version 3 stored it.
    let mut admin = cluster.admin().unwrap();
    admin.batch_execute("CREATE DATABASE old").unwrap();
    let mut db = cluster.superuser("old").unwrap();
    assert_eq!(migrate::migrate_to(&mut db, 3).unwrap(), 3);
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    let (a, an) = (&articles[0], &analyses[0]);
    assert!(!an.claims.is_empty());
    db.execute(
        "INSERT INTO articles (id, source, title, lang, body, article, analysis, published_by) \
         VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, 'ann')",
        &[
            &a.id.0,
            &a.source,
            &a.title,
            &a.lang.code(),
            &a.text,
            &serde_json::to_string(a).unwrap(),
            &serde_json::to_string(an).unwrap(),
        ],
    )
    .unwrap();
    assert_eq!(
        migrate::migrate(&mut db).unwrap(),
        migrate::MIGRATIONS.len() - 3
    );
    assert_eq!(summaries_agree(&mut db), 1);
    let (back, analysis) = corpus::fetch(&mut db, &a.id.0).unwrap().unwrap();
    assert_eq!(&back, a);
    assert_eq!(&analysis, an);
    let rows = dossier::team::paged::rows(&mut db, &dossier::team::paged::From::Offset(0)).unwrap();
    assert_eq!(rows[0].claims, an.claims.len());
    let word = a
        .title
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let hits = corpus::search(&mut db, word, 5).unwrap();
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some(a.id.0.as_str()));
}

#[test]
fn a_bookmark_on_an_article_not_held_opens_it_from_the_server_at_its_passage() {
    let Some(cluster) = server("bookmark jump") else {
        return;
    };
    let mut articles = publish_bundled(&cluster, 5);
    articles.sort_by(|a, b| a.source.as_bytes().cmp(b.source.as_bytes()));
    // A note on the last paragraph of the fourth article in the list.
    let target = &articles[3];
    let block = target.body.len() - 1;
    let span = target.body[block].span;
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let mut b = bookmark("far", "a note far away", &target.title);
    b.article = target.id.clone();
    b.source = target.source.clone();
    b.anchor = dossier::store::make_anchor(target, block, span);
    store.add(b).unwrap();
    drop(store);
    let mut session = dossier::session::Session::open(Some(dir.path()), 1_700_000_200);
    let mut state = published_reader(&cluster);
    state.handle(dossier::state::Input::Store(session.report(None)));
    assert_eq!(state.current().unwrap().article.id, articles[0].id);
    let keys = dossier::keymap::parse_sequence("B enter").unwrap();
    let buffer =
        dossier::tui::headless::render_buffer_with(&mut state, &mut session, (120, 40), &keys);
    let screen = dossier::tui::headless::buffer_text(&buffer);
    assert_eq!(state.current().unwrap().article.id, target.id, "{screen}");
    assert_eq!(state.list.selected, 3);
    assert_eq!(state.cursor.as_ref().map(|c| c.span), Some(span));
    assert!(!screen.contains("not open"), "{screen}");
}

#[test]
fn articles_others_publish_join_the_list_and_the_open_article_stays() {
    use dossier::state::Input;
    let Some(cluster) = server("recount") else {
        return;
    };
    let all = dossier::ingest::bundled();
    let mut articles = publish_bundled(&cluster, 3);
    articles.sort_by(|a, b| a.source.as_bytes().cmp(b.source.as_bytes()));
    let mut state = published_reader(&cluster);
    let effects = state.handle(Input::Tick { now: 1_000 });
    dossier::tui::headless::run_jobs(&mut state, effects);
    let keys = dossier::keymap::parse_sequence("J").unwrap();
    dossier::tui::headless::render_text(&mut state, (120, 40), &keys);
    assert_eq!(state.current().unwrap().article.id, articles[1].id);
    assert_eq!(state.list_len(), 3);

    // Someone publishes articles listed before the open one.
    let analyses = dossier::extract::analyze_corpus(&all);
    let mut c = settings(&cluster, "bob").connect().unwrap();
    let early: Vec<_> = all
        .iter()
        .zip(&analyses)
        .map(|(a, an)| {
            let mut a = a.clone();
            a.id = ArticleId(format!("early-{}", a.id.0));
            a.source = format!("0-early/{}", a.source);
            (a, an)
        })
        .collect();
    let pairs: Vec<_> = early.iter().map(|(a, an)| (a, *an)).collect();
    corpus::publish(&mut c, "bob", &pairs).unwrap();

    // Not before the next count...
    let effects = state.handle(Input::Tick { now: 1_010 });
    dossier::tui::headless::run_jobs(&mut state, effects);
    assert_eq!(state.list_len(), 3);
    // ...which comes on its own.
    let later = 1_000 + dossier::state::remote::RECOUNT_SECS;
    let effects = state.handle(Input::Tick { now: later });
    dossier::tui::headless::run_jobs(&mut state, effects);
    assert_eq!(state.list_len(), 3 + all.len());
    assert_eq!(state.current().unwrap().article.id, articles[1].id);
    assert_eq!(state.list.selected, all.len() + 1);
    let screen = dossier::tui::headless::render_text(&mut state, (120, 40), &[]);
    assert!(
        screen.contains(&format!("Articles ({})", 3 + all.len())),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("{}/{}", all.len() + 2, 3 + all.len())),
        "{screen}"
    );
}

#[test]
fn two_publishers_at_once_on_overlapping_articles_count_each_article_once() {
    use dossier::team::publish::{Batch, Publisher};
    use std::sync::Arc;
    let Some(cluster) = server("concurrent publishers") else {
        return;
    };
    let articles = dossier::ingest::bundled();
    let analyses: Vec<Arc<_>> = dossier::extract::analyze_corpus(&articles)
        .into_iter()
        .map(Arc::new)
        .collect();
    // Both publish copies 0..60 of every article; ann also 60..90, bob also 90..120. Each sends
    // its batches in its own order, so the two meet on the same ids and the same entity rows.
    let batches = |range: std::ops::Range<usize>, reverse: bool| -> Vec<Batch> {
        let mut ks: Vec<usize> = range.collect();
        if reverse {
            ks.reverse();
        }
        ks.chunks(10)
            .map(|ks| {
                ks.iter()
                    .flat_map(|&k| {
                        articles.iter().zip(&analyses).map(move |(a, an)| {
                            let mut c = a.clone();
                            c.id = ArticleId(format!("{}{k:04}", &a.id.0[..8]));
                            c.source = format!("both/{k:04}/{}", a.source);
                            (c, Arc::clone(an))
                        })
                    })
                    .collect()
            })
            .collect()
    };
    let run = |user: &'static str, batches: Vec<Batch>| {
        let s = settings(&cluster, user);
        std::thread::spawn(move || {
            let mut p = Publisher::start(&s, user, 2).unwrap();
            for b in batches {
                p.send(b).unwrap();
            }
            p.finish().unwrap()
        })
    };
    let mut ann_batches = batches(0..60, false);
    ann_batches.extend(batches(60..90, false));
    let mut bob_batches = batches(0..60, true);
    bob_batches.extend(batches(90..120, true));
    let ann = run("ann", ann_batches);
    let bob = run("bob", bob_batches);
    let (ann, bob) = (ann.join().unwrap(), bob.join().unwrap());
    let n = articles.len();
    assert_eq!(ann.added + bob.added, 120 * n, "{ann:?} {bob:?}");
    assert_eq!(ann.added + ann.present, 90 * n);
    assert_eq!(bob.added + bob.present, 90 * n);
    let mut c = settings(&cluster, "ann").connect().unwrap();
    assert_eq!(summaries_agree(&mut c), 120 * n as i64);
    // Every entity is counted in each copy of each article naming it: 120 times as often as in
    // the articles themselves.
    let mut expected = std::collections::BTreeMap::<(String, String), i64>::new();
    for an in &analyses {
        let names: std::collections::BTreeSet<(String, String)> = an
            .mentions
            .iter()
            .filter(|m| !m.canonical.is_empty())
            .map(|m| (m.kind.name().to_string(), m.canonical.clone()))
            .collect();
        for key in names {
            *expected.entry(key).or_default() += 120;
        }
    }
    let index = corpus::entities(&mut c, None, None, 100_000).unwrap();
    assert_eq!(index.len(), expected.len());
    for e in &index {
        assert_eq!(
            expected[&(e.kind.clone(), e.name.clone())],
            e.articles,
            "{}",
            e.name
        );
    }
    let outlets = corpus::sources(&mut c, 1000).unwrap();
    assert_eq!(
        outlets.iter().map(|s| s.articles).sum::<i64>(),
        120 * n as i64
    );

    // Publishing all of it again changes no count.
    let again = run("bob", batches(0..120, false)).join().unwrap();
    assert_eq!(
        (again.added, again.present, again.mentions),
        (0, 120 * n, 0)
    );
    assert_eq!(summaries_agree(&mut c), 120 * n as i64);
    assert_eq!(
        corpus::entities(&mut c, None, None, 100_000).unwrap(),
        index
    );
}

#[test]
fn a_server_at_version_4_holding_a_corpus_gets_its_summaries_on_migrating() {
    let Some(cluster) = server("migrate summaries") else {
        return;
    };
    // The corpus as publishing stored it at version 4, copied row by row into a database
    // brought to version 4 only.
    let articles = publish_bundled(&cluster, usize::MAX);
    let mut admin = cluster.admin().unwrap();
    admin.batch_execute("CREATE DATABASE old").unwrap();
    let mut old = cluster.superuser("old").unwrap();
    assert_eq!(migrate::migrate_to(&mut old, 4).unwrap(), 4);
    let mut team = cluster.superuser("team").unwrap();
    for r in team
        .query(
            "SELECT id, source, title, lang, outlet, published, body, article, analysis, \
             published_by, claims FROM articles",
            &[],
        )
        .unwrap()
    {
        let (id, source, title, lang): (String, String, String, String) =
            (r.get(0), r.get(1), r.get(2), r.get(3));
        let (outlet, published): (Option<String>, Option<String>) = (r.get(4), r.get(5));
        let (body, article, analysis, by): (String, String, String, String) =
            (r.get(6), r.get(7), r.get(8), r.get(9));
        let claims: i32 = r.get(10);
        old.execute(
            "INSERT INTO articles (id, source, title, lang, outlet, published, body, article, \
             analysis, published_by, claims) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &id, &source, &title, &lang, &outlet, &published, &body, &article, &analysis, &by,
                &claims,
            ],
        )
        .unwrap();
    }
    for r in team
        .query("SELECT article, kind, name, mentions FROM mentions", &[])
        .unwrap()
    {
        let (article, kind, name, n): (String, String, String, i32) =
            (r.get(0), r.get(1), r.get(2), r.get(3));
        old.execute(
            "INSERT INTO mentions (article, kind, name, mentions) VALUES ($1, $2, $3, $4)",
            &[&article, &kind, &name, &n],
        )
        .unwrap();
    }
    assert_eq!(
        migrate::migrate(&mut old).unwrap(),
        migrate::MIGRATIONS.len() - 4
    );
    assert_eq!(summaries_agree(&mut old), articles.len() as i64);
    assert_eq!(
        corpus::entities(&mut old, None, None, 10_000).unwrap(),
        corpus::entities(&mut team, None, None, 10_000).unwrap()
    );
    assert_eq!(
        corpus::sources(&mut old, 100).unwrap(),
        corpus::sources(&mut team, 100).unwrap()
    );

    // Publishing to it afterwards adds only what is new, to the summaries too.
    let analyses = dossier::extract::analyze_corpus(&articles);
    let pairs: Vec<_> = articles.iter().zip(analyses.iter()).collect();
    let again = corpus::publish(&mut old, "ann", &pairs).unwrap();
    assert_eq!((again.added, again.present), (0, articles.len()));
    let fresh = copies(&articles[0], 3, "new");
    let pairs: Vec<_> = fresh.iter().map(|a| (a, &analyses[0])).collect();
    let added = corpus::publish(&mut old, "ann", &pairs).unwrap();
    assert_eq!(added.added, 3);
    assert_eq!(summaries_agree(&mut old), articles.len() as i64 + 3);
}
