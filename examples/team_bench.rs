//! Team mode against a throwaway local PostgreSQL cluster (fsync on, default settings):
//! publish throughput of analysed articles, search latency, and 10,000 notes synced from empty.
//!
//! `cargo build --release && cargo run --release --example team_bench [ARTICLES] [WRITERS]`
//! (default 20,000 articles, published by 2 writer connections as `dossier publish` does); the reader is the binary at `target/release/dossier` (or `DOSSIER_BIN`). Articles are the
//! 10kGNAD test set (../shared/data/10kgnad/test.csv), analysed once, then repeated with
//! distinct ids; without it, the bundled corpus is repeated. With `TEAM_BENCH_HOLD` set, the
//! cluster stays up after publishing until a line is read from standard input.
use dossier::model::{Analysis, Article, ArticleId};
use dossier::store::{Anchor, Bookmark, BookmarkId, Change, Store, Target};
use dossier::team::cluster::Cluster;
use dossier::team::paged::{Answer, Remote, Request};
use dossier::team::publish::{Batch, Publisher};
use dossier::team::sync::{Who, sync_round};
use dossier::team::{corpus, migrate};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn base_articles() -> Vec<Article> {
    match std::fs::read_to_string("../shared/data/10kgnad/test.csv") {
        Ok(csv) => csv
            .lines()
            .filter_map(|l| l.split_once(';'))
            .enumerate()
            .map(|(i, (_, r))| {
                dossier::ingest::parse_raw(
                    &format!("gnad/{i}.txt"),
                    &r.trim_matches('\'').replace("''", "'"),
                )
            })
            .collect(),
        Err(_) => dossier::ingest::bundled(),
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let total: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let writers: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let cluster = Cluster::start(false).map_err(|e| e.to_string())?;
    let mut admin = cluster.admin()?;
    admin.batch_execute("CREATE ROLE ann LOGIN SUPERUSER; CREATE ROLE bob LOGIN SUPERUSER")?;
    admin.batch_execute("CREATE DATABASE team OWNER ann")?;
    let ann = cluster.settings("team", "ann", None)?;
    let bob = cluster.settings("team", "bob", None)?;
    let mut client = ann.connect()?;
    migrate::migrate(&mut client)?;

    // Publish.
    let base = base_articles();
    let t = Instant::now();
    let analyses = dossier::extract::analyze_corpus(&base);
    eprintln!(
        "analysed {} base articles in {:.2} s (not part of the publish figure)",
        base.len(),
        t.elapsed().as_secs_f64()
    );
    let analyses: Vec<std::sync::Arc<Analysis>> =
        analyses.into_iter().map(std::sync::Arc::new).collect();
    let batch_size = 500;
    let started = Instant::now();
    let mut publisher = Publisher::start(&ann, "ann", writers)?;
    let mut bytes = 0usize;
    let mut i = 0usize;
    let mut shown = Instant::now();
    while i < total {
        let n = batch_size.min(total - i);
        let batch: Batch = (i..i + n)
            .map(|k| {
                let j = k % base.len();
                let mut a = base[j].clone();
                a.id = ArticleId(format!("{:016x}", k as u64 ^ 0x5eed_0000_0000_0000));
                a.source = format!("bench/{k}.txt");
                bytes += a.text.len();
                (a, std::sync::Arc::clone(&analyses[j]))
            })
            .collect();
        publisher.send(batch)?;
        i += n;
        if shown.elapsed().as_secs() >= 30 {
            shown = Instant::now();
            let d = publisher.done();
            eprintln!(
                "  {} published, {:.0} articles/s",
                d.added,
                d.added as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    let published = publisher.finish()?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "publish: {} articles ({:.1} MB text) in {secs:.2} s = {:.0} articles/s ({writers} writers)",
        published.added,
        bytes as f64 / 1e6,
        published.added as f64 / secs
    );
    let again = Instant::now();
    let refs: Vec<(&Article, &Analysis)> = base
        .iter()
        .zip(analyses.iter().map(|a| a.as_ref()))
        .collect();
    corpus::publish(&mut client, "ann", &refs)?;
    let first_ids: Vec<String> = (0..batch_size.min(total))
        .map(|k| format!("{:016x}", k as u64 ^ 0x5eed_0000_0000_0000))
        .collect();
    let present = corpus::present_ids(&mut client, &first_ids)?.len();
    println!(
        "publish again: {} of the first {} ids found present in {:.3} s",
        present,
        first_ids.len(),
        again.elapsed().as_secs_f64()
    );
    client.batch_execute("ANALYZE")?;
    if std::env::var_os("TEAM_BENCH_HOLD").is_some() {
        // Leaves the published corpus up for inspection (psql, EXPLAIN) until a line arrives
        // on standard input.
        eprintln!(
            "holding: psql 'postgres://ann@127.0.0.1:{}/team'; a line on stdin goes on",
            cluster.port()
        );
        std::io::stdin().read_line(&mut String::new())?;
    }

    // Search latency.
    let queries = [
        "Regierung",
        "Bundeskanzler",
        "Fußball Weltmeisterschaft",
        "Österreich Wahl",
        "\"Europäische Union\"",
        "Flüchtlinge -Syrien",
        "Wirtschaft or Börse",
        "oesterreich",
        "Polizei Wien",
        "Klimawandel",
    ];
    let mut times = Vec::new();
    for round in 0..5 {
        for q in queries {
            let t = Instant::now();
            let hits = corpus::search(&mut client, q, 20)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if round == 0 {
                eprintln!("  {q}: {} hits", hits.len());
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "search over {total} articles: {} queries, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
    let mut agg = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        corpus::entities(&mut client, Some("person"), None, 50)?;
        agg.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        corpus::sources(&mut client, 50)?;
        agg.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        corpus::page(&mut client, Some("8000000000000000"), 100)?;
        agg.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    agg.sort_by(f64::total_cmp);
    println!(
        "entities/sources/page queries: p50 {:.1} ms, max {:.1} ms",
        percentile(&agg, 0.5),
        agg[agg.len() - 1]
    );

    // The reader over the published corpus (`--published`): the search request it sends for a
    // palette query, then the real binary run headless for the first frame, a deep jump and
    // its memory.
    let pool = dossier::team::Pool::new(ann.clone(), 2);
    let remote = Remote::new(pool);
    let mut times = Vec::new();
    for round in 0..5 {
        for (k, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let answer = remote.answer(Request::Search {
                generation: (round * queries.len() + k) as u64,
                query: q.to_string(),
            });
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if let Answer::Found { result: Err(e), .. } = answer {
                return Err(e.into());
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "reader search requests ({} hits with excerpts) over {total} articles: {} queries, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        dossier::team::paged::SEARCH_LIMIT,
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
    let bin = std::env::var("DOSSIER_BIN").unwrap_or_else(|_| "target/release/dossier".into());
    let url = format!(
        "postgres://ann@127.0.0.1:{}/team?sslmode=disable",
        cluster.port()
    );
    let home = tempdir("reader")?;
    for (what, keys) in [
        (
            "first frame (start, count, first page, first article laid out)",
            "",
        ),
        ("first frame, then h G (the list's last article)", "h G"),
        (
            "first frame, then a palette search typed and its hit opened",
            "ctrl-p R e g i e r u n g enter",
        ),
    ] {
        let mut walls = Vec::new();
        let mut rss = 0;
        for _ in 0..5 {
            let (wall, kb, screen) = reader_run(&bin, &url, &home, keys)?;
            if !screen.contains("Articles (") {
                return Err(format!("no list drawn: {screen}").into());
            }
            walls.push(wall);
            rss = rss.max(kb);
        }
        walls.sort_by(f64::total_cmp);
        println!(
            "reader {what}: p50 {:.0} ms, max {:.0} ms, peak resident memory {:.1} MB",
            percentile(&walls, 0.5),
            walls[walls.len() - 1],
            rss as f64 / 1024.0
        );
    }
    let _ = std::fs::remove_dir_all(&home);

    // 10,000 notes.
    let a_dir = tempdir("a")?;
    let b_dir = tempdir("b")?;
    let mut a = Store::open(&a_dir, 1_700_000_000);
    let notes: Vec<Change> = (0..10_000)
        .map(|k| {
            Change::Add(Bookmark {
                id: BookmarkId(format!("bench-{k}")),
                article: ArticleId(format!("{:016x}", k as u64 ^ 0x5eed_0000_0000_0000)),
                source: format!("bench/{k}.txt"),
                title: format!("Article {k}"),
                target: Target::Sentence,
                anchor: Anchor {
                    block: 1,
                    start: 0,
                    end: 40,
                    quote: "a quoted sentence of some forty letters".into(),
                    prefix: String::new(),
                    suffix: " and what follows it".into(),
                },
                note: format!("note {k}: what this sentence says and why it matters"),
                created: 1_700_000_000 + k,
                updated: 1_700_000_000 + k,
            })
        })
        .collect();
    a.apply_changes(notes)?;
    let t = Instant::now();
    let mut c = ann.connect()?;
    let r = sync_round(
        &mut c,
        &mut a,
        Who {
            user: &ann.user,
            server: &ann.server,
        },
    )?;
    println!(
        "sync up 10,000 notes to an empty server: {:.2} s ({} sent)",
        t.elapsed().as_secs_f64(),
        r.pushed_new
    );
    let mut b = Store::open(&b_dir, 1_700_000_000);
    let t = Instant::now();
    let mut c = bob.connect()?;
    let r = sync_round(
        &mut c,
        &mut b,
        Who {
            user: &bob.user,
            server: &bob.server,
        },
    )?;
    println!(
        "sync down 10,000 notes into an empty data directory: {:.2} s ({} received)",
        t.elapsed().as_secs_f64(),
        r.pulled_new
    );
    let t = Instant::now();
    let r = sync_round(
        &mut c,
        &mut b,
        Who {
            user: &bob.user,
            server: &bob.server,
        },
    )?;
    println!(
        "sync with nothing to do: {:.3} s ({r})",
        t.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&a_dir);
    let _ = std::fs::remove_dir_all(&b_dir);
    Ok(())
}

/// Runs `dossier --published render` with `keys`: wall time in ms from start to exit, peak
/// resident memory in KB (the child's own, from wait4), and the screen printed.
fn reader_run(
    bin: &str,
    url: &str,
    home: &std::path::Path,
    keys: &str,
) -> Result<(f64, i64, String), Box<dyn std::error::Error>> {
    use std::io::Read;
    let t = Instant::now();
    let mut child = std::process::Command::new(bin)
        .arg(format!("--team={url}"))
        .arg("--published")
        .arg("--data-dir")
        .arg(home.join("data"))
        .arg("--cache-dir")
        .arg(home.join("cache"))
        .args(["render", "--size", "120x40", "--keys", keys])
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let mut screen = String::new();
    if let Some(out) = child.stdout.as_mut() {
        out.read_to_string(&mut screen)?;
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals above.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = t.elapsed().as_secs_f64() * 1000.0;
    if pid < 0 || status != 0 {
        return Err(format!("{bin} render failed (status {status})").into());
    }
    Ok((wall, usage.ru_maxrss, screen))
}

fn tempdir(name: &str) -> std::io::Result<std::path::PathBuf> {
    let dir =
        std::env::temp_dir().join(format!("dossier-team-bench-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
