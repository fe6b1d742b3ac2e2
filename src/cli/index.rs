//! `dossier index`: fills the extraction cache ahead of reading.

use super::args::Common;
use super::setup::{dirs, start_indexer};
use crate::warn;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `dossier index`: fills the extraction cache, with a progress bar on stderr when it is a
/// terminal and a summary line at the end.
pub(crate) fn run(paths: &[PathBuf], common: &Common) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let dirs = dirs(common);
    let started = std::time::Instant::now();
    let mut indexer = start_indexer(paths, common, &dirs)?;
    let mut articles = 0usize;
    let mut last_progress = None;
    let mut last = std::time::Instant::now();
    let mut err = std::io::stderr();
    let bar = err.is_terminal();
    while let Some(event) = indexer.recv() {
        match event {
            dossier::index::IndexEvent::Articles(batch)
            | dossier::index::IndexEvent::Snapshot { entries: batch, .. } => {
                articles += batch.len()
            }
            dossier::index::IndexEvent::Message(m) => {
                if bar {
                    let _ = write!(err, "\r\x1b[2K");
                }
                warn(&m);
            }
            dossier::index::IndexEvent::Progress(p) => {
                last_progress = Some(p);
                if bar && last.elapsed().as_millis() > 100 {
                    last = std::time::Instant::now();
                    let total = p.total.max(1);
                    let width = 30;
                    let filled = (p.done * width / total).min(width);
                    let eta = p
                        .eta()
                        .map(|d| format!(" ETA {}s", d.as_secs()))
                        .unwrap_or_default();
                    let _ = write!(
                        err,
                        "\r[{}{}] {}/{} {:.1} MB/s {} cached{eta}  ",
                        "#".repeat(filled),
                        "-".repeat(width - filled),
                        p.done,
                        p.total,
                        p.mb_per_s(),
                        p.cache_hits
                    );
                }
            }
            dossier::index::IndexEvent::Done => break,
            _ => {}
        }
    }
    if bar {
        let _ = write!(err, "\r\x1b[2K");
    }
    let secs = started.elapsed().as_secs_f64();
    let (cached, mb) = last_progress.map_or((0, 0.0), |p| (p.cache_hits, p.bytes as f64 / 1e6));
    eprintln!(
        "indexed {articles} article(s), {cached} cached, {mb:.1} MB in {secs:.2} s ({:.1} MB/s)",
        if secs > 0.0 { mb / secs } else { 0.0 }
    );
    // The palette labels `find` ranks without loading the corpus, written from the snapshot
    // this run left (a current labels file is kept as it is).
    if articles > 0 && dirs.cache.is_some() {
        let options = dossier::ingest::LoadOptions {
            max_bytes: common.max_bytes,
        };
        let stored = dossier::index::load_storing_labels(paths, options, dirs.cache.clone());
        for m in stored
            .messages
            .iter()
            .filter(|m| m.contains("palette labels"))
        {
            warn(m);
        }
    }
    Ok(if articles == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
