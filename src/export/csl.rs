//! CSL-JSON: the articles the bookmarks cite, as the item list that Zotero, Pandoc
//! (`--bibliography x.json`), citeproc-js and Typst read.
//!
//! Items are written field by field after the CSL-JSON schema (citationberg, the CSL crate
//! used to read them back, writes dates as bare arrays, which its own reader and other tools
//! reject). [`parse_items`] reads a file back through citationberg, so what we write is
//! checked by an independent reader. Pure.

use super::{ArticleMeta, ExportArticle, citekey, one_line};
use serde_json::{Value, json};

/// One CSL item per article of the export, `id` being its citekey.
pub fn to_csl_json(items: &[ExportArticle]) -> Value {
    let keys = citekey::for_items(items);
    Value::Array(
        items
            .iter()
            .zip(&keys)
            .map(|(g, key)| item(&g.meta, key))
            .collect(),
    )
}

/// The CSL item of one article.
pub fn item(m: &ArticleMeta, key: &str) -> Value {
    let mut v = json!({
        "id": key,
        "type": if m.outlet.is_some() { "article-newspaper" } else { "article" },
        "title": one_line(&m.title),
    });
    if !m.authors.is_empty() {
        v["author"] = Value::Array(m.authors.iter().map(|a| name(a)).collect());
    }
    if let Some(outlet) = &m.outlet {
        v["container-title"] = json!(outlet);
    }
    if let Some(date) = &m.date {
        let mut parts = vec![json!(date.year)];
        if let Some(month) = date.month {
            parts.push(json!(month));
            if let Some(day) = date.day {
                parts.push(json!(day));
            }
        }
        v["issued"] = json!({ "date-parts": [parts] });
    }
    if let Some(doi) = &m.doi {
        v["DOI"] = json!(doi);
    }
    if let Some(url) = m.url.clone().or_else(|| m.link()) {
        v["URL"] = json!(url);
    }
    v["source"] = json!("dossier");
    v
}

/// A CSL name: family and given names, or a literal for a single word (an agency, a pen name).
fn name(display: &str) -> Value {
    let (given, family) = citekey::split_name(display);
    if given.is_empty() {
        return json!({ "literal": one_line(display) });
    }
    let particle_end = family
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let words: Vec<&str> = family.split_whitespace().collect();
    if particle_end > 0 && particle_end < words.len() {
        json!({
            "family": words[particle_end..].join(" "),
            "given": given,
            "non-dropping-particle": words[..particle_end].join(" "),
        })
    } else {
        json!({ "family": family, "given": given })
    }
}

/// Reads a CSL-JSON item list with citationberg.
pub fn parse_items(text: &str) -> Result<Vec<citationberg::json::Item>, String> {
    serde_json::from_str(text).map_err(|e| format!("not a CSL-JSON item list: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, PartialDate};
    use citationberg::json::{NameValue, Value as CslValue};

    #[test]
    fn items_read_back_through_citationberg() {
        let meta = ArticleMeta {
            id: ArticleId("x".into()),
            source: "x.md".into(),
            title: "Russland und\nNordkorea".into(),
            authors: vec!["Ursula von der Leyen".into(), "Reuters".into()],
            outlet: Some("Zeitschrift".into()),
            date: Some(PartialDate::ym(2024, 10)),
            doi: Some("10.1/abc".into()),
            url: None,
            found: true,
        };
        let text = serde_json::to_string(&json!([item(&meta, "leyen2024russland")])).unwrap();
        let items = parse_items(&text).unwrap();
        let it = &items[0];
        assert_eq!(it.id().as_deref(), Some("leyen2024russland"));
        assert_eq!(it.type_().as_deref(), Some("article-newspaper"));
        let Some(CslValue::Names(names)) = it.0.get("author") else {
            panic!("authors: {:?}", it.0.get("author"));
        };
        let NameValue::Item(first) = &names[0] else {
            panic!("{names:?}");
        };
        assert_eq!(first.family, "Leyen");
        assert_eq!(first.non_dropping_particle.as_deref(), Some("von der"));
        assert!(matches!(&names[1], NameValue::Literal(l) if l.literal == "Reuters"));
        let Some(CslValue::Date(date)) = it.0.get("issued") else {
            panic!("issued: {:?}", it.0.get("issued"));
        };
        let range = citationberg::json::FixedDateRange::try_from(date.clone()).unwrap();
        assert_eq!((range.start.year, range.start.month), (2024, Some(9)));
        assert_eq!(
            it.0.get("URL").and_then(|v| v.to_str()).as_deref(),
            Some("https://doi.org/10.1/abc")
        );
    }
}
