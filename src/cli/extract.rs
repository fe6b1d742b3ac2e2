//! `dossier extract`: the analyses as JSON, made by the same pipeline the reader uses.

use super::args::{Common, JsonFormat};
use super::setup::dirs;
use crate::warn;
use anyhow::Result;
use dossier::corpus::Corpus;
use dossier::index;
use dossier::ingest::{self, LoadOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `dossier extract`: one JSON object per readable file, in path order, analysed by the one
/// pipeline (so the reader shows the same); unreadable ones are reported on stderr and make the
/// exit status 1, the others are still printed.
pub(crate) fn run(
    paths: &[PathBuf],
    raw: bool,
    format: JsonFormat,
    common: &Common,
) -> Result<ExitCode> {
    let options = LoadOptions {
        max_bytes: common.max_bytes,
    };
    let loaded = index::load(paths, options, dirs(common).cache);
    for m in &loaded.messages {
        warn(m);
    }
    let mut failed = false;
    for path in paths {
        let found = loaded
            .corpus
            .articles()
            .any(|a| std::path::Path::new(&a.source).starts_with(path));
        if !found {
            failed = true;
            // A missing path has been named already.
            if std::fs::symlink_metadata(path).is_ok() {
                warn(&format!("{}: no readable article", path.display()));
            }
        }
    }
    let corpus = if raw {
        // The whole file as body text: a different analysis, made here and not cached.
        Corpus::analysed(
            loaded
                .corpus
                .articles()
                .map(|a| ingest::parse_raw(&a.source, &a.text))
                .collect(),
        )
    } else {
        loaded.corpus
    };
    let mut out = std::io::stdout().lock();
    for entry in corpus.iter() {
        let (article, analysis) = (&entry.article, &entry.analysis);
        let value = dossier::extract::to_json(&article.source, article, analysis, !raw);
        let text = match format {
            JsonFormat::Json => dossier::sanitize::to_json_pretty(&value)?,
            JsonFormat::Jsonl => dossier::sanitize::to_json_line(&value)?,
        };
        writeln!(out, "{text}")?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
