//! `dossier find`: the palette's ranking, scriptable.
//!
//! When the cache holds the corpus' labels stored at index time
//! ([`dossier::index::stored_labels`]: checked against the snapshot, which is checked against
//! the files), `find` ranks those and never loads the corpus; otherwise it loads the corpus
//! through the one pipeline, as every command does (which stores the labels for next time).
//! Both ways give the same lines.

use super::args::Common;
use super::setup::{self, Loading, Setup, setup};
use crate::warn;
use anyhow::{Context, Result, bail};
use dossier::search::{CandidateKind, SearchIndex};
use std::io::Write;
use std::path::PathBuf;

/// `dossier find`: the palette's ranking, scriptable.
pub(crate) fn run(
    list: bool,
    limit: usize,
    kind: Option<&str>,
    query: Option<String>,
    mut paths: Vec<PathBuf>,
    common: &Common,
) -> Result<()> {
    let kind = match kind {
        Some(k) => Some(CandidateKind::from_name(k).with_context(|| {
            format!("unknown kind '{k}' (valid: article, heading, entity, claim, bookmark)")
        })?),
        None => None,
    };
    let query = match (list, query) {
        (true, Some(q)) => {
            paths.insert(0, PathBuf::from(q));
            String::new()
        }
        (_, q) => q.unwrap_or_default(),
    };
    if let Some((index, sources)) = stored(kind, &paths, common)? {
        let source = |article: usize| sources.get(article).map_or("", |(_, s)| s.as_str());
        print(list, limit, &query, &index, source)?;
        // The process ends here: freeing every label one by one would only delay the exit.
        std::mem::forget(index);
        std::mem::forget(sources);
        return Ok(());
    }
    let Setup {
        state, warnings, ..
    } = setup(&paths, common, Loading::Wait)?;
    for w in &warnings {
        warn(w);
    }
    let candidates: Vec<_> = state
        .palette_candidates_without_details()
        .into_iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .collect();
    if list {
        // Listing needs no index.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for c in &candidates {
            writeln!(out, "{}", clean(&c.label))?;
        }
        return Ok(out.flush()?);
    }
    let index = SearchIndex::new(candidates);
    let source = |article: usize| {
        state
            .corpus
            .get(article)
            .map_or("", |e| e.article.source.as_str())
    };
    print(list, limit, &query, &index, source)?;
    // The process ends here: freeing a corpus' worth of small allocations one by one would
    // only delay the exit.
    std::mem::forget(index);
    std::mem::forget(state);
    Ok(())
}

/// The index `find` ranks and each article's (id, source), from the labels the cache stored
/// for these paths at index time, when they match the files as they are now; `None` when
/// there are none (no cache, not indexed yet, files changed). Reports the same warnings, in
/// the same order, as the setup of every command, and fails on the same errors before it.
#[allow(clippy::type_complexity)]
fn stored(
    kind: Option<CandidateKind>,
    paths: &[PathBuf],
    common: &Common,
) -> Result<Option<(SearchIndex, Vec<(String, String)>)>> {
    let dirs = setup::dirs(common);
    let Some(cache) = dirs.cache.as_deref() else {
        return Ok(None);
    };
    if paths.is_empty() {
        // The bundled corpus: nothing is stored for it.
        return Ok(None);
    }
    // Settings first, as setup reads them: a keymap that cannot be read fails before anything.
    let mut settings_warnings = Vec::new();
    setup::load_keymap(common, &dirs, &mut settings_warnings)?;
    let config = setup::load_config(&dirs, &mut settings_warnings);
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            bail!("no such file or directory: {}", path.display());
        }
    }
    let options = dossier::ingest::LoadOptions {
        max_bytes: common.max_bytes,
    };
    let Some(found) = dossier::index::stored_labels(paths, &options, cache) else {
        return Ok(None);
    };
    let dossier::index::labels::Labels { index, articles } = found.labels;
    if articles.is_empty() {
        return Ok(None);
    }
    let mut warnings = found.messages;
    warnings.extend(settings_warnings);
    super::config::load_theme(common, &dirs, &config, &mut warnings);
    let session = dossier::session::Session::open(dirs.data.as_deref(), dossier::session::now());
    let report = session.report(None);
    for w in warnings.iter().chain(&report.problems) {
        tracing::warn!("{w}");
        warn(w);
    }
    let bookmarks = report.bookmarks.unwrap_or_default();
    let lookup = dossier::state::derived::ArticleLookup::from_keys(
        articles
            .iter()
            .map(|(id, source)| (id.as_str(), source.as_str())),
    );
    let mut index = index.append(dossier::state::palette::bookmark_candidates(
        &lookup, &bookmarks,
    ));
    if let Some(kind) = kind {
        index.retain_kind(kind);
    }
    Ok(Some((index, articles)))
}

/// A label or path as one field of an output line: controls defused, tabs and line breaks
/// made spaces.
fn clean(s: &str) -> String {
    dossier::reflow::sanitize(s).replace(['\t', '\n'], " ")
}

/// Prints every label of `index` (`list`), or the best `limit` hits for `query`, one a line:
/// kind, score, label, and the source of the article (`source(article)`) with the offset.
fn print<'a>(
    list: bool,
    limit: usize,
    query: &str,
    index: &'a SearchIndex,
    source: impl Fn(usize) -> &'a str,
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if list {
        for c in index.candidates() {
            writeln!(out, "{}", clean(c.label))?;
        }
        return Ok(out.flush()?);
    }
    let result = index.query(query, limit);
    for hit in &result.hits {
        let Some(c) = index.candidate(hit.candidate) else {
            continue;
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}:{}",
            c.kind.name(),
            hit.score,
            clean(c.label),
            clean(source(c.article)),
            c.offset
        )?;
    }
    Ok(out.flush()?)
}
