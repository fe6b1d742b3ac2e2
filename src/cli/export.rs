//! `dossier export`: bookmarks and notes in the formats other tools read.

use super::args::Common;
use super::setup::{dirs, load_corpus};
use anyhow::{Context, Result, bail};
use dossier::export::{self, bibtex, csl, markdown, org, w3c};
use dossier::sanitize::{defuse, to_json_pretty};
use dossier::store::write_atomic;
use dossier::{session, store};
use std::io::Write;
use std::path::Path;

/// Output of `dossier export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown for Obsidian, Zotero and Pandoc: front matter, block quotes, [@citekey, ¶ n].
    Md,
    /// dossier's own JSON.
    Json,
    /// W3C Web Annotation JSON-LD (reads back with `dossier import`).
    W3c,
    /// CSL-JSON items of the cited articles (Zotero, Pandoc, citeproc).
    CslJson,
    /// BibTeX entries of the cited articles.
    Bibtex,
    /// An Org-mode outline with properties.
    Org,
}

/// The user's name for the `creator` of W3C annotations, from the environment.
fn creator() -> Option<String> {
    ["DOSSIER_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
}

/// Runs the export: loads the corpus and the store, re-anchors, writes `format` to `output`
/// (standard output when `None`; for `md`, an existing directory gets one file per article).
pub fn run(
    paths: &[std::path::PathBuf],
    format: Format,
    output: Option<&Path>,
    common: &Common,
) -> Result<()> {
    let dirs = dirs(common);
    let mut warnings = Vec::new();
    let articles = load_corpus(paths, common, &mut warnings)?;
    for w in &warnings {
        crate::warn(w);
    }
    let Some(data) = &dirs.data else {
        bail!("no data directory: pass --data-dir");
    };
    let now = session::now();
    let store = store::Store::open(data, now);
    for p in store.problems() {
        crate::warn(&format!("{}: {}", p.path.display(), p.message));
    }
    let items = export::collect(&articles, store.bookmarks());
    let count: usize = items.iter().map(|g| g.bookmarks.len()).sum();
    tracing::info!(format = ?format, bookmarks = count, "export");
    if let Some(dir) = output.filter(|p| p.is_dir()) {
        if format != Format::Md {
            bail!(
                "{} is a directory: only `--format md` writes one file per article",
                dir.display()
            );
        }
        for (stem, text) in markdown::to_markdown_files(&items, now) {
            let path = dir.join(format!("{stem}.md"));
            write_atomic(&path, dossier::sanitize::defuse(&text).as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        return Ok(());
    }
    let text = match format {
        Format::Md => defuse(&export::to_markdown(&items, now)).into_owned(),
        Format::Json => to_json_pretty(&export::to_json(&items, now))? + "\n",
        Format::W3c => {
            let creator = creator();
            to_json_pretty(&w3c::to_w3c(&items, creator.as_deref(), now))? + "\n"
        }
        Format::CslJson => to_json_pretty(&csl::to_csl_json(&items))? + "\n",
        Format::Bibtex => defuse(&bibtex::to_bibtex(&items)).into_owned(),
        Format::Org => defuse(&org::to_org(&items, now)).into_owned(),
    };
    match output {
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
        Some(path) => write_atomic(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
    }
    Ok(())
}
