//! BibTeX: the articles the bookmarks cite, written through the `biblatex` crate (which
//! escapes TeX specials and turns an ISO date into `year`/`month`/`day`). Titles are braced so
//! that styles keep their capitalisation (German nouns, acronyms). Pure.

use super::{ArticleMeta, ExportArticle, citekey, one_line};
use biblatex::{Chunk, Entry, EntryType, Spanned};

/// One entry per article of the export, keyed by its citekey, separated by blank lines.
pub fn to_bibtex(items: &[ExportArticle]) -> String {
    let keys = citekey::for_items(items);
    let mut out = String::new();
    for (g, key) in items.iter().zip(&keys) {
        let entry = entry(&g.meta, key);
        // A date that biblatex cannot split into fields is written as it is (biblatex form).
        let text = entry
            .to_bibtex_string()
            .unwrap_or_else(|_| entry.to_biblatex_string());
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

fn normal(s: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Normal(s.to_string()))]
}

fn verbatim(s: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Verbatim(s.to_string()))]
}

/// The entry of one article: `@article` when there is an outlet, else `@misc`.
pub fn entry(m: &ArticleMeta, key: &str) -> Entry {
    let kind = if m.outlet.is_some() {
        EntryType::Article
    } else {
        EntryType::Misc
    };
    let mut e = Entry::new(key.to_string(), kind);
    e.set("title", verbatim(&one_line(&m.title)));
    if !m.authors.is_empty() {
        let mut chunks = Vec::new();
        for (i, a) in m.authors.iter().enumerate() {
            if i > 0 {
                chunks.push(Spanned::detached(Chunk::Normal(" and ".into())));
            }
            let (given, family) = citekey::split_name(a);
            let one_word = given.is_empty();
            let has_and = a.split_whitespace().any(|w| w.eq_ignore_ascii_case("and"));
            if one_word || has_and {
                // An agency or a name with "and" in it stays one name.
                chunks.push(Spanned::detached(Chunk::Verbatim(one_line(a))));
            } else {
                chunks.push(Spanned::detached(Chunk::Normal(format!(
                    "{family}, {given}"
                ))));
            }
        }
        e.set("author", chunks);
    }
    if let Some(outlet) = &m.outlet {
        e.set("journaltitle", verbatim(outlet));
    }
    if let Some(date) = &m.date {
        e.set("date", normal(&date.iso()));
    }
    if let Some(doi) = &m.doi {
        e.set("doi", normal(doi));
    }
    if let Some(url) = m.url.clone().or_else(|| m.link()) {
        e.set("url", normal(&url));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, PartialDate};
    use biblatex::{Bibliography, ChunksExt};

    #[test]
    fn entries_parse_back_with_fields_and_escapes() {
        let meta = ArticleMeta {
            id: ArticleId("x".into()),
            source: "x.md".into(),
            title: "50 % & mehr: NATO_Gipfel".into(),
            authors: vec!["Ralf Havertz".into(), "Reuters".into()],
            outlet: Some("Zeitschrift".into()),
            date: Some(PartialDate::ymd(2024, 10, 3)),
            doi: Some("10.1/a_b".into()),
            url: None,
            found: true,
        };
        let text = entry(&meta, "havertz2024mehr").to_bibtex_string().unwrap();
        let bib = Bibliography::parse(&text).unwrap();
        let e = bib.get("havertz2024mehr").unwrap();
        assert_eq!(e.entry_type, EntryType::Article);
        assert_eq!(
            e.get("title").unwrap().format_verbatim(),
            "50 % & mehr: NATO_Gipfel"
        );
        let authors = e.author().unwrap();
        assert_eq!(authors[0].name, "Havertz");
        assert_eq!(authors[0].given_name, "Ralf");
        assert_eq!(authors.len(), 2);
        assert!(text.contains("year = {2024}"), "{text}");
        assert_eq!(e.doi().unwrap(), "10.1/a_b");
    }
}
