//! `dossier sync`, `dossier publish` and `dossier team …`: the edge of team mode. Reads the
//! password from `PGPASSWORD` or `~/.pgpass` (never from the config), prints counts and
//! progress; everything else is in `dossier::team`.

use anyhow::{Context, Result, bail};
use dossier::index::{IndexEvent, Indexer};
use dossier::model::Article;
use dossier::store::Store;
use dossier::team::publish::{Batch, Publisher};
use dossier::team::{self, Settings, TeamConfig, corpus, migrate, sync};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Articles per publishing transaction.
const PUBLISH_BATCH: usize = 500;

/// The password for a connection: `PGPASSWORD`, else the first matching line of the password
/// file (`PGPASSFILE` or `~/.pgpass`), which like libpq's is ignored when others may read it.
fn password(host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    if let Ok(pw) = std::env::var("PGPASSWORD") {
        return Some(pw);
    }
    let path = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass")))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            eprintln!(
                "dossier: ignoring {}: others may read it (chmod 600 it)",
                path.display()
            );
            return None;
        }
    }
    let text = std::fs::read_to_string(&path).ok()?;
    team::pgpass::parse_pgpass(&text, host, port, db, user)
}

/// Connection settings from `--team URL` (or `--team` alone) and the `[team]` table.
pub fn settings(flag: Option<&str>, config: &TeamConfig) -> Result<Settings> {
    let url = match flag.filter(|u| !u.is_empty()) {
        Some(url) => url.to_string(),
        None => match &config.url {
            Some(url) => url.clone(),
            None => bail!(
                "no team server: pass --team=URL or set [team] url = \"postgres://…\" in \
                 config.toml"
            ),
        },
    };
    Ok(Settings::new(&url, config.user.as_deref(), &password)?)
}

fn connect_migrated(settings: &Settings) -> Result<postgres::Client> {
    let mut client = settings.connect()?;
    migrate::migrate(&mut client)?;
    Ok(client)
}

/// The background sync worker for the reader, when a team server is configured or given with
/// `--team`; sync rounds run at start and every 30 seconds.
pub fn syncer(
    flag: &Option<String>,
    config: &TeamConfig,
    data_dir: Option<PathBuf>,
) -> Result<Option<team::background::Syncer>> {
    if flag.is_none() && config.url.is_none() {
        return Ok(None);
    }
    let Some(data_dir) = data_dir else {
        bail!("team sync needs a data directory: pass --data-dir");
    };
    let settings = settings(flag.as_deref(), config)?;
    Ok(Some(team::background::Syncer::start(
        settings,
        data_dir,
        Duration::from_secs(30),
    )))
}

/// `dossier sync`: one round, counts on stdout.
pub fn sync(settings: &Settings, data_dir: &Path) -> Result<ExitCode> {
    let mut store = Store::open(data_dir, dossier::session::now());
    for p in store.problems() {
        eprintln!("dossier: {}", p.message);
    }
    if !store.is_saving_enabled() {
        bail!(
            "the local store in {} cannot be saved; fix it before syncing",
            data_dir.display()
        );
    }
    let mut client = connect_migrated(settings)?;
    let started = Instant::now();
    let report = sync::sync_round(
        &mut client,
        &mut store,
        sync::Who {
            user: &settings.user,
            server: &settings.server,
        },
    )
    .with_context(|| format!("sync with {} as {}", settings.server, settings.user))?;
    println!(
        "synced with {} as {} in {:.2} s: {report}",
        settings.server,
        settings.user,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Progress of `dossier publish` on stderr: a bar on a terminal, a line every few seconds
/// otherwise.
struct Progress {
    bar: bool,
    last: Instant,
    started: Instant,
}

impl Progress {
    fn show(&mut self, done: &corpus::Published, files: Option<(usize, usize)>, force: bool) {
        let every = if self.bar {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(5)
        };
        if !force && self.last.elapsed() < every {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let sent = done.added + done.present;
        let files = files.map_or(String::new(), |(d, t)| format!(" (files {d}/{t})"));
        let line = format!(
            "published {} new, {} already there{files}, {:.0} articles/s",
            done.added,
            done.present,
            sent as f64 / secs
        );
        let mut err = std::io::stderr();
        if self.bar {
            let _ = write!(err, "\r\x1b[2K{line}");
        } else {
            let _ = writeln!(err, "{line}");
        }
    }
}

/// `dossier publish PATH…`: indexes the paths (through the extraction cache, like every
/// command) and sends articles the server lacks, a batch per transaction, on `connections`
/// writer connections while the indexer goes on. Interrupted, it is simply run again: what
/// arrived is skipped by id.
pub fn publish(
    settings: &Settings,
    paths: &[PathBuf],
    mut indexer: Indexer,
    connections: usize,
) -> Result<ExitCode> {
    let mut first = settings.connect()?;
    migrate::migrate(&mut first)?;
    drop(first);
    let mut publisher = Publisher::start(settings, &settings.user, connections)?;
    let mut progress = Progress {
        bar: std::io::stderr().is_terminal(),
        last: Instant::now(),
        started: Instant::now(),
    };
    let mut pending: Batch = Vec::new();
    // Snapshot entries whose analyses come later, by source path.
    let mut waiting: HashMap<String, Article> = HashMap::new();
    let mut files = None;
    while let Some(event) = indexer.recv() {
        match event {
            IndexEvent::Articles(batch) => pending.extend(
                batch
                    .into_iter()
                    .map(|(article, analysis)| (article, Arc::new(analysis))),
            ),
            IndexEvent::Snapshot { entries, analysed } => {
                for (i, (article, analysis)) in entries.into_iter().enumerate() {
                    if i < analysed {
                        pending.push((article, Arc::new(analysis)));
                    } else {
                        waiting.insert(article.source.clone(), article);
                    }
                }
            }
            IndexEvent::Analyses(list) => {
                for (source, analysis) in list {
                    if let Some(article) = waiting.remove(&source) {
                        pending.push((article, Arc::new(analysis)));
                    }
                }
            }
            IndexEvent::Message(m) => {
                if progress.bar {
                    eprint!("\r\x1b[2K");
                }
                eprintln!("dossier: {m}");
            }
            IndexEvent::Progress(p) => files = Some((p.done, p.total)),
            IndexEvent::Done => break,
            _ => {}
        }
        while pending.len() >= PUBLISH_BATCH {
            publisher.send(pending.drain(..PUBLISH_BATCH).collect())?;
            progress.show(&publisher.done(), files, false);
        }
    }
    publisher.send(pending)?;
    let done = publisher.finish()?;
    progress.show(&done, files, true);
    if progress.bar {
        eprintln!();
    }
    if !waiting.is_empty() {
        eprintln!(
            "dossier: {} article(s) had no analysis and were not published",
            waiting.len()
        );
    }
    if done.added + done.present == 0 {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no readable articles in {}", shown.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}

/// Control characters (escape sequences included) shown as `?`, so server text never drives
/// the terminal.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// `dossier team search QUERY`.
pub fn search(settings: &Settings, query: &str, limit: i64) -> Result<()> {
    let mut client = settings.connect()?;
    let mut out = std::io::stdout().lock();
    for hit in corpus::search(&mut client, query, limit)? {
        writeln!(
            out,
            "{:.3}\t{}\t{}\t{}",
            hit.score,
            clean(&hit.title),
            clean(&hit.source),
            clean(&hit.excerpt)
        )?;
    }
    Ok(())
}

/// `dossier team entities`.
pub fn entities(
    settings: &Settings,
    kind: Option<&str>,
    name: Option<&str>,
    limit: i64,
) -> Result<()> {
    let mut client = settings.connect()?;
    let mut out = std::io::stdout().lock();
    for e in corpus::entities(&mut client, kind, name, limit)? {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            e.kind,
            clean(&e.name),
            e.articles,
            e.mentions
        )?;
    }
    Ok(())
}

/// `dossier team sources`.
pub fn sources(settings: &Settings, limit: i64) -> Result<()> {
    let mut client = settings.connect()?;
    let mut out = std::io::stdout().lock();
    for s in corpus::sources(&mut client, limit)? {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            if s.outlet.is_empty() {
                "(unknown)".to_string()
            } else {
                clean(&s.outlet)
            },
            s.articles,
            s.first.unwrap_or_default(),
            s.last.unwrap_or_default()
        )?;
    }
    Ok(())
}

/// `dossier team status`: server, user, TLS, schema version and counts.
pub fn status(settings: &Settings) -> Result<()> {
    let mut client = settings.connect()?;
    let version = migrate::schema_version(&mut client)?;
    let known = migrate::MIGRATIONS.last().map_or(0, |m| m.version);
    println!("server\t{}", settings.server);
    println!("user\t{}", settings.user);
    println!("tls\t{:?}", settings.tls());
    println!("schema\t{version} (this dossier: {known})");
    if version >= 2 {
        println!("articles\t{}", corpus::count(&mut client)?);
        let notes: i64 = client
            .query_one("SELECT count(*) FROM notes WHERE NOT deleted", &[])?
            .get(0);
        println!("notes\t{notes}");
    }
    Ok(())
}

/// `dossier team migrate`: brings the server's schema up to date.
pub fn migrate(settings: &Settings) -> Result<()> {
    let mut client = settings.connect()?;
    let n = migrate::migrate(&mut client)?;
    println!(
        "applied {n} migration(s); schema at version {}",
        migrate::schema_version(&mut client)?
    );
    Ok(())
}
