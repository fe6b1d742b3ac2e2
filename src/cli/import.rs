//! `dossier import FILE`: W3C Web Annotations (as `dossier export --format w3c` writes them)
//! or a Hypothesis API response, placed on the corpus and added to the store. Annotations
//! that fit no article are stored as orphans and listed; none is dropped.

use super::args::Common;
use super::setup::{dirs, load_corpus};
use anyhow::{Context, Result, bail};
use dossier::export::import::place;
use dossier::export::w3c::parse_annotations;
use dossier::session;
use dossier::store::{Resolution, Store, StoreError};
use std::path::{Path, PathBuf};

/// Counts of what an import did.
#[derive(Debug, Default)]
struct Tally {
    exact: usize,
    moved: usize,
    fuzzy: usize,
    orphans: usize,
    present: usize,
}

/// Runs the import and prints a summary on standard error.
pub fn run(file: &Path, paths: &[PathBuf], dry_run: bool, common: &Common) -> Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let (incoming, problems) =
        parse_annotations(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    for p in &problems {
        crate::warn(&format!("{}: {p}; skipped", file.display()));
    }
    let mut warnings = Vec::new();
    let articles = load_corpus(paths, common, &mut warnings)?;
    for w in &warnings {
        crate::warn(w);
    }
    let dirs = dirs(common);
    let Some(data) = &dirs.data else {
        bail!("no data directory: pass --data-dir");
    };
    let now = session::now();
    let mut store = Store::open(data, now);
    for p in store.problems() {
        crate::warn(&format!("{}: {}", p.path.display(), p.message));
    }
    let mut tally = Tally::default();
    for a in &incoming {
        let placed = place(&articles, a, now);
        let b = &placed.bookmark;
        if store.get(&b.id).is_some() {
            tally.present += 1;
            continue;
        }
        match placed.resolution {
            Resolution::Exact(_) => tally.exact += 1,
            Resolution::Moved(_) => tally.moved += 1,
            Resolution::Fuzzy { .. } => tally.fuzzy += 1,
            Resolution::Orphaned => {
                tally.orphans += 1;
                let quote: String = b.anchor.quote.chars().take(60).collect();
                let why = if placed.article_found {
                    "the passage is not in the article"
                } else {
                    "no article of the corpus matches"
                };
                eprintln!(
                    "dossier: orphan {}: {why} ({}: \"{}\")",
                    b.id,
                    b.title,
                    quote.replace(['\n', '\t'], " ")
                );
            }
        }
        if dry_run {
            continue;
        }
        match store.add(placed.bookmark) {
            Ok(()) => {}
            Err(StoreError::DuplicateId { .. }) => tally.present += 1,
            Err(e) => return Err(e).context("import stopped; nothing after this was stored"),
        }
    }
    tracing::info!(file = %file.display(), ?tally, "import");
    eprintln!(
        "{} {} annotation(s): {} in place, {} found by quote, {} fuzzy, {} orphaned (kept), {} already present{}",
        if dry_run { "would import" } else { "imported" },
        incoming.len() - tally.present,
        tally.exact,
        tally.moved,
        tally.fuzzy,
        tally.orphans,
        tally.present,
        if problems.is_empty() {
            String::new()
        } else {
            format!(", {} unreadable", problems.len())
        }
    );
    Ok(())
}
