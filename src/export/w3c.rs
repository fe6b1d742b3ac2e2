//! The W3C Web Annotation Data Model (JSON-LD): bookmarks out as an `AnnotationCollection`,
//! and annotations in, from that format or from the Hypothesis API.
//!
//! Each bookmark becomes an `Annotation` whose `body` is the note, whose `target.source` is the
//! article's DOI link or URL (else `urn:dossier:article:<content id>`), with a
//! `TextQuoteSelector` (exact, prefix, suffix) and, when the passage is in the article, a
//! `TextPositionSelector` counted in characters. What the model has no term for (the article's
//! path and title, what was marked, the block) goes under `dossier:` terms so that an export
//! read back restores the bookmark exactly. Pure.

use super::{ExportArticle, ExportBookmark, link, time};
use crate::store::Target;
use serde_json::{Map, Value, json};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Namespace of the `dossier:` terms.
pub const NAMESPACE: &str = "urn:dossier:";

/// Prefix of bookmark ids as annotation IRIs.
const BOOKMARK_IRI: &str = "urn:dossier:bookmark:";

/// Prefix of content ids as target sources when an article has no DOI or URL.
pub const ARTICLE_IRI: &str = "urn:dossier:article:";

/// All bookmarks as one `AnnotationCollection` with a single page. `creator` is the user's
/// name when known.
pub fn to_w3c(items: &[ExportArticle], creator: Option<&str>, exported: i64) -> Value {
    let annotations: Vec<Value> = items
        .iter()
        .flat_map(|g| g.bookmarks.iter().map(move |e| annotation(g, e, creator)))
        .collect();
    json!({
        "@context": [CONTEXT, {"dossier": NAMESPACE}],
        "id": format!("urn:dossier:export:{exported}"),
        "type": "AnnotationCollection",
        "label": "dossier notes",
        "generated": time::iso_datetime(exported),
        "generator": generator(),
        "total": annotations.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": annotations,
        },
    })
}

fn generator() -> Value {
    json!({
        "id": "urn:dossier:software",
        "type": "Software",
        "name": format!("dossier {}", env!("CARGO_PKG_VERSION")),
    })
}

/// The target source IRI of an article: DOI link, URL, else its content id as a URN.
pub fn source_iri(meta: &super::ArticleMeta) -> String {
    meta.link()
        .unwrap_or_else(|| format!("{ARTICLE_IRI}{}", meta.id.0))
}

fn annotation(group: &ExportArticle, e: &ExportBookmark, creator: Option<&str>) -> Value {
    let b = &e.bookmark;
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": e.anchor.quote,
        "prefix": e.anchor.prefix,
        "suffix": e.anchor.suffix,
    })];
    if let Some((start, end)) = e.chars {
        selectors.push(json!({"type": "TextPositionSelector", "start": start, "end": end}));
    }
    let mut creator_value = json!({"type": "Person"});
    if let Some(name) = creator.filter(|n| !n.is_empty()) {
        creator_value["nickname"] = json!(name);
    }
    let mut value = json!({
        "@context": CONTEXT,
        "id": format!("{BOOKMARK_IRI}{}", b.id.0),
        "type": "Annotation",
        "motivation": if b.note.trim().is_empty() { "bookmarking" } else { "commenting" },
        "created": time::iso_datetime(b.created),
        "modified": time::iso_datetime(b.updated),
        "creator": creator_value,
        "target": {
            "source": source_iri(&group.meta),
            "selector": selectors,
        },
        "dossier:article": group.meta.id.0,
        "dossier:path": group.meta.source,
        "dossier:title": group.meta.title,
        "dossier:marks": b.target.name(),
        "dossier:block": e.anchor.block,
        "dossier:start": e.anchor.start,
        "dossier:end": e.anchor.end,
        "dossier:open": link::open_uri(&group.meta.source, e.offset()),
    });
    if !b.note.is_empty() {
        value["body"] = json!({
            "type": "TextualBody",
            "value": b.note,
            "format": "text/plain",
            "purpose": "commenting",
        });
    }
    value
}

/// An annotation read from another file, before it is placed on an article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Incoming {
    /// The annotation's own id (an IRI, or Hypothesis' short id).
    pub id: Option<String>,
    /// `target.source` (or Hypothesis' `uri`).
    pub source: Option<String>,
    /// Content id of the article, from a dossier export.
    pub article: Option<String>,
    /// Path of the article, from a dossier export.
    pub path: Option<String>,
    /// Title of the article (a dossier export, or Hypothesis' `document.title`).
    pub title: Option<String>,
    /// The quoted text.
    pub exact: Option<String>,
    /// Text before the quote.
    pub prefix: String,
    /// Text after the quote.
    pub suffix: String,
    /// Character positions from a `TextPositionSelector`.
    pub position: Option<(usize, usize)>,
    /// The note: the textual bodies (or Hypothesis' `text`).
    pub note: String,
    /// Tags (bodies with purpose `tagging`, or Hypothesis' `tags`).
    pub tags: Vec<String>,
    /// When it was made (unix seconds).
    pub created: Option<i64>,
    /// When it last changed (unix seconds).
    pub modified: Option<i64>,
    /// What was marked, from a dossier export.
    pub marks: Option<Target>,
    /// The block hint, from a dossier export.
    pub block: Option<usize>,
    /// Byte offsets of the passage when it was bookmarked, from a dossier export (hints).
    pub bytes: Option<(usize, usize)>,
}

/// Reads annotations from a W3C `AnnotationCollection`, `AnnotationPage`, a single
/// `Annotation` or an array of them, or from a Hypothesis API response (`{"rows": […]}`, one
/// annotation, or an array). Entries that are not annotations are reported by their position
/// and skipped; a file that is not JSON is an error.
pub fn parse_annotations(text: &str) -> Result<(Vec<Incoming>, Vec<String>), String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let mut raw = Vec::new();
    collect_raw(&value, &mut raw);
    if raw.is_empty() {
        return Err(
            "no annotations found (expected a W3C annotation collection, page or \
                    annotation, or a Hypothesis API response)"
                .into(),
        );
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, v) in raw.into_iter().enumerate() {
        match parse_one(v) {
            Ok(a) => out.push(a),
            Err(e) => problems.push(format!("annotation {}: {e}", n + 1)),
        }
    }
    Ok((out, problems))
}

fn collect_raw<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_raw(i, out)),
        Value::Object(o) => {
            if let Some(rows) = o.get("rows") {
                collect_raw(rows, out);
            } else if let Some(items) = o.get("items") {
                collect_raw(items, out);
            } else if let Some(first) = o.get("first").filter(|f| f.is_object()) {
                collect_raw(first, out);
            } else if o.contains_key("target") || o.contains_key("uri") {
                out.push(v);
            }
        }
        _ => {}
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str().map(str::to_string)),
        _ => None,
    }
}

fn parse_one(v: &Value) -> Result<Incoming, String> {
    let o = v.as_object().ok_or("not an object")?;
    let mut a = Incoming {
        id: string(o.get("id")),
        created: string(o.get("created")).and_then(|t| time::parse_datetime(&t)),
        modified: string(o.get("modified").or_else(|| o.get("updated")))
            .and_then(|t| time::parse_datetime(&t)),
        article: string(o.get("dossier:article")),
        path: string(o.get("dossier:path")),
        title: string(o.get("dossier:title"))
            .or_else(|| o.get("document").and_then(|d| string(d.get("title")))),
        marks: string(o.get("dossier:marks")).and_then(|m| match m.as_str() {
            "paragraph" => Some(Target::Paragraph),
            "sentence" => Some(Target::Sentence),
            "claim" => Some(Target::Claim),
            _ => None,
        }),
        block: o
            .get("dossier:block")
            .and_then(Value::as_u64)
            .map(|b| b as usize),
        bytes: match (
            o.get("dossier:start").and_then(Value::as_u64),
            o.get("dossier:end").and_then(Value::as_u64),
        ) {
            (Some(start), Some(end)) if end >= start => Some((start as usize, end as usize)),
            _ => None,
        },
        ..Incoming::default()
    };
    // Hypothesis keeps the note and tags at the top level.
    if let Some(text) = o.get("text").and_then(Value::as_str) {
        a.note = text.to_string();
    }
    if let Some(tags) = o.get("tags").and_then(Value::as_array) {
        a.tags = tags
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect();
    }
    if let Some(body) = o.get("body") {
        read_bodies(body, &mut a);
    }
    let target = match o.get("target") {
        Some(Value::Array(targets)) => targets.first(),
        other => other,
    };
    match target {
        Some(Value::String(s)) => a.source = Some(s.clone()),
        Some(Value::Object(t)) => {
            a.source = string(t.get("source"));
            if let Some(sel) = t.get("selector") {
                read_selectors(sel, &mut a);
            }
        }
        _ => {}
    }
    if a.source.is_none() {
        a.source = string(o.get("uri"));
    }
    if a.exact.is_none() && a.source.is_none() && a.path.is_none() {
        return Err("no target".into());
    }
    Ok(a)
}

fn read_bodies(body: &Value, a: &mut Incoming) {
    match body {
        Value::Array(items) => items.iter().for_each(|b| read_bodies(b, a)),
        Value::String(s) if !s.starts_with("http") && !s.starts_with("urn:") => {
            push_note(&mut a.note, s)
        }
        Value::Object(b) => {
            let text = string(b.get("value")).or_else(|| string(b.get("chars")));
            let purpose = string(b.get("purpose")).unwrap_or_default();
            if let Some(text) = text {
                if purpose == "tagging" {
                    a.tags.push(text);
                } else {
                    push_note(&mut a.note, &text);
                }
            }
        }
        _ => {}
    }
}

fn push_note(note: &mut String, text: &str) {
    if !note.is_empty() {
        note.push_str("\n\n");
    }
    note.push_str(text);
}

fn read_selectors(sel: &Value, a: &mut Incoming) {
    match sel {
        Value::Array(items) => items.iter().for_each(|s| read_selectors(s, a)),
        Value::Object(s) => {
            let get = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            match s.get("type").and_then(Value::as_str) {
                Some("TextQuoteSelector") if a.exact.is_none() => {
                    a.exact = Some(get("exact"));
                    a.prefix = get("prefix");
                    a.suffix = get("suffix");
                }
                Some("TextPositionSelector") if a.position.is_none() => {
                    let n = |k: &str| s.get(k).and_then(Value::as_u64).map(|n| n as usize);
                    if let (Some(start), Some(end)) = (n("start"), n("end")) {
                        a.position = Some((start, end.max(start)));
                    }
                }
                _ => {}
            }
            if let Some(refined) = s.get("refinedBy") {
                read_selectors(refined, a);
            }
        }
        _ => {}
    }
}

/// The bookmark id carried in an annotation id made by [`to_w3c`], if it is one.
pub fn bookmark_id(annotation_id: &str) -> Option<&str> {
    annotation_id
        .strip_prefix(BOOKMARK_IRI)
        .filter(|s| !s.is_empty())
}

/// Keys an annotation must have under the model.
pub fn required_keys(annotation: &Map<String, Value>) -> Vec<&'static str> {
    ["@context", "id", "type", "target"]
        .into_iter()
        .filter(|k| !annotation.contains_key(*k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypothesis_rows_are_read_with_quote_position_note_and_tags() {
        let text = r#"{"total": 1, "rows": [{
            "id": "Zx3y", "created": "2024-01-02T03:04:05.678+00:00",
            "updated": "2024-01-03T03:04:05+00:00", "uri": "https://example.org/a",
            "text": "worth checking", "tags": ["nato"],
            "document": {"title": ["An article"]},
            "target": [{"source": "https://example.org/a", "selector": [
                {"type": "RangeSelector", "startContainer": "/p[1]"},
                {"type": "TextPositionSelector", "start": 10, "end": 20},
                {"type": "TextQuoteSelector", "exact": "quoted", "prefix": "a ", "suffix": " b"}
            ]}]
        }]}"#;
        let (got, problems) = parse_annotations(text).unwrap();
        assert!(problems.is_empty());
        let a = &got[0];
        assert_eq!(a.id.as_deref(), Some("Zx3y"));
        assert_eq!(a.source.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.title.as_deref(), Some("An article"));
        assert_eq!(a.exact.as_deref(), Some("quoted"));
        assert_eq!((a.prefix.as_str(), a.suffix.as_str()), ("a ", " b"));
        assert_eq!(a.position, Some((10, 20)));
        assert_eq!(a.note, "worth checking");
        assert_eq!(a.tags, ["nato"]);
        assert_eq!(a.created, Some(1_704_164_645));
    }

    #[test]
    fn not_json_and_no_annotations_are_errors() {
        assert!(parse_annotations("<html>").is_err());
        assert!(parse_annotations("{\"a\": 1}").is_err());
        let (got, problems) = parse_annotations(r#"[{"target": 5}, {"uri": "x"}]"#).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(problems, ["annotation 1: no target"]);
    }
}
