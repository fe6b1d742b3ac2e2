//! `dossier find`: the palette's ranking, scriptable.

use super::args::Common;
use super::setup::{Loading, Setup, setup};
use crate::warn;
use anyhow::{Context, Result};
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
        Some(k) => Some(
            dossier::search::CandidateKind::from_name(k).with_context(|| {
                format!("unknown kind '{k}' (valid: article, heading, entity, claim, bookmark)")
            })?,
        ),
        None => None,
    };
    let query = match (list, query) {
        (true, Some(q)) => {
            paths.insert(0, PathBuf::from(q));
            String::new()
        }
        (_, q) => q.unwrap_or_default(),
    };
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
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let clean = |s: &str| dossier::reflow::sanitize(s).replace(['\t', '\n'], " ");
    if list {
        for c in &candidates {
            writeln!(out, "{}", clean(&c.label))?;
        }
        return Ok(out.flush()?);
    }
    let index = dossier::search::SearchIndex::new(candidates);
    let result = index.query(&query, limit);
    for hit in &result.hits {
        let Some(c) = index.candidate(hit.candidate) else {
            continue;
        };
        let source = state
            .corpus
            .get(c.article)
            .map(|e| e.article.source.as_str())
            .unwrap_or("");
        writeln!(
            out,
            "{}\t{}\t{}\t{}:{}",
            c.kind.name(),
            hit.score,
            clean(c.label),
            clean(source),
            c.offset
        )?;
    }
    out.flush()?;
    // The process ends here: freeing a corpus' worth of small allocations one by one would
    // only delay the exit.
    std::mem::forget(index);
    std::mem::forget(state);
    Ok(())
}
