//! `dossier compare` and `dossier timeline`: corpus reports as Markdown, JSON or SVG.

use super::args::{Common, CompareFormat, ExportFormat};
use super::setup::analysed;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn print_output(
    format: ExportFormat,
    json: impl FnOnce() -> serde_json::Value,
    md: impl FnOnce() -> String,
) -> Result<()> {
    let text = match format {
        ExportFormat::Json => dossier::sanitize::to_json_pretty(&json())? + "\n",
        ExportFormat::Md => dossier::sanitize::defuse(&md()).into_owned(),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// `dossier compare`: the claim groups as Markdown, JSON or SVG; status 1 when there are none.
pub(crate) fn compare(
    format: CompareFormat,
    paths: &[PathBuf],
    common: &Common,
) -> Result<ExitCode> {
    let corpus = analysed(paths, common)?;
    let groups = dossier::corpus::compare::groups(&corpus);
    if groups.is_empty() {
        let claims: usize = corpus.analyses().map(|a| a.claims.len()).sum();
        eprintln!(
            "dossier: no claim groups: none of the {claims} claims in {} article(s) shares a \
             figure or a dated event with a claim of another article",
            corpus.len()
        );
        return Ok(ExitCode::from(1));
    }
    let text = match format {
        CompareFormat::Json => {
            dossier::sanitize::to_json_pretty(&dossier::corpus::compare::to_json(&groups, &corpus))?
                + "\n"
        }
        CompareFormat::Md => {
            dossier::sanitize::defuse(&dossier::corpus::compare::to_markdown(&groups, &corpus))
                .into_owned()
        }
        CompareFormat::Svg => {
            let charts: Vec<_> = groups
                .iter()
                .map(dossier::corpus::compare::chart::chart)
                .collect();
            dossier::sanitize::defuse(&dossier::corpus::compare::svg::to_svg(&charts)).into_owned()
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `dossier timeline`: the dated events of the corpus, optionally only those naming `entity`.
pub(crate) fn timeline(
    format: ExportFormat,
    entity: Option<&str>,
    paths: &[PathBuf],
    common: &Common,
) -> Result<()> {
    let corpus = analysed(paths, common)?;
    let mut events = dossier::corpus::timeline::events(&corpus);
    if let Some(name) = entity {
        events = dossier::corpus::timeline::filter_by_entity(&events, name);
    }
    print_output(
        format,
        || dossier::corpus::timeline::to_json(&events, &corpus),
        || dossier::corpus::timeline::to_markdown(&events, &corpus),
    )
}
