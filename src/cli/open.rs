//! `dossier open ARTICLE[#OFFSET|#QUOTE]`: starts the reader on one article at a byte offset
//! or at the first occurrence of a quote. ARTICLE is a path, a content id or a title; the
//! links that exports carry for each note (`dossier://open/…`) are accepted as well.

use super::args::Common;
use super::setup::{Loading, Setup, setup};
use anyhow::{Context, Result, bail};
use dossier::export::link::{Spot, parse_open_target};
use dossier::model::Article;
use dossier::state::AppState;
use dossier::tui;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Index of the article named by `name`: source path, content id, exact title, then a title
/// that matches ignoring case, then one containing it.
pub fn find_article(articles: &[&Article], name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    let path_like = |a: &Article| {
        a.source == name
            || Path::new(&a.source).canonicalize().ok() == Path::new(name).canonicalize().ok()
                && Path::new(name).exists()
    };
    articles
        .iter()
        .position(|a| path_like(a))
        .or_else(|| articles.iter().position(|a| a.id.0 == name))
        .or_else(|| articles.iter().position(|a| a.title == name))
        .or_else(|| {
            articles
                .iter()
                .position(|a| a.title.to_lowercase() == lower)
        })
        .or_else(|| {
            articles
                .iter()
                .position(|a| a.title.to_lowercase().contains(&lower))
        })
}

/// Byte offset of `quote` in `text`: exact, else ignoring case and runs of white space.
pub fn find_quote(text: &str, quote: &str) -> Option<usize> {
    if let Some(i) = text.find(quote) {
        return Some(i);
    }
    let words: Vec<String> = quote.split_whitespace().map(str::to_lowercase).collect();
    let first = words.first()?;
    let lower_words: Vec<(usize, String)> = text
        .split_whitespace()
        .map(|w| {
            (
                w.as_ptr() as usize - text.as_ptr() as usize,
                w.to_lowercase(),
            )
        })
        .collect();
    lower_words.windows(words.len()).find_map(|w| {
        let starts = w[0].1.ends_with(first.as_str());
        let rest_match = w.iter().zip(&words).skip(1).enumerate().all(|(i, (a, b))| {
            if i + 2 == words.len() {
                a.1.starts_with(b.as_str())
            } else {
                a.1 == *b
            }
        });
        (starts && rest_match).then(|| w[0].0 + w[0].1.len() - first.len())
    })
}

/// Opens the reader at the spot; `paths` is the corpus (default: the article's own file when
/// ARTICLE is a path, else the bundled corpus).
pub fn run(target: &str, paths: &[PathBuf], common: &Common) -> Result<ExitCode> {
    let parsed = parse_open_target(target, |s| Path::new(s).is_file());
    let paths: Vec<PathBuf> = if paths.is_empty() && Path::new(&parsed.article).is_file() {
        vec![PathBuf::from(&parsed.article)]
    } else {
        paths.to_vec()
    };
    let Setup {
        mut state,
        mut session,
        ..
    } = setup(&paths, common, Loading::Wait)?;
    let articles: Vec<&Article> = state.corpus.articles().collect();
    let Some(index) = find_article(&articles, &parsed.article) else {
        bail!("no article '{}' in the corpus", parsed.article);
    };
    let text = &articles[index].text;
    let offset = match &parsed.spot {
        Spot::Start => None,
        Spot::Offset(o) => Some(text.floor_char_boundary((*o).min(text.len()))),
        Spot::Quote(q) => Some(find_quote(text, q).with_context(|| {
            format!(
                "'{q}' is not in '{}'",
                articles[index]
                    .title
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })?),
    };
    tracing::info!(article = index, ?offset, "open");
    place(&mut state, index, offset);
    if let tui::run::Exit::Signal(n) =
        tui::run::run(&mut state, &mut session, None).context("terminal error")?
    {
        return Ok(ExitCode::from((128 + n).clamp(0, 255) as u8));
    }
    Ok(ExitCode::SUCCESS)
}

/// Selects the article and makes `offset` its reading position, so the first layout starts
/// there.
fn place(state: &mut AppState, index: usize, offset: Option<usize>) {
    if let (Some(offset), Some(entry)) = (offset, state.corpus.get(index)) {
        let key = dossier::store::position_key(&entry.article).to_string();
        state.saved.positions.insert(key, offset);
    }
    state.select_article(index as isize);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_exactly_or_across_case_and_line_breaks() {
        let text = "One sentence here.\nThe Quoted\n  sentence follows. End.";
        assert_eq!(find_quote(text, "sentence here"), Some(4));
        assert_eq!(find_quote(text, "the quoted sentence follows"), Some(19));
        assert_eq!(find_quote(text, "absent words"), None);
    }
}
