//! Front matter at the very top of a file: YAML between `---` lines or TOML between `+++` lines.
//!
//! Only the fields ingestion uses are read; YAML is parsed as its simple `key: value` and
//! `- item` subset. Pure; must not import UI crates.

/// Metadata given in front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub doi: Option<String>,
    pub lang: Option<String>,
}

/// Splits front matter off the top of `text`, returning it and the byte offset where the body
/// starts.
pub(crate) fn split_front_matter(text: &str) -> Option<(FrontMatter, usize)> {
    let fence = if text.starts_with("---\n") {
        "---"
    } else if text.starts_with("+++\n") {
        "+++"
    } else {
        return None;
    };
    let inner_start = fence.len() + 1;
    let mut pos = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            let inner = &text[inner_start..pos];
            let fm = if fence == "+++" {
                parse_toml(inner)
            } else {
                parse_yaml(inner)
            };
            return Some((fm, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

fn set_field(fm: &mut FrontMatter, key: &str, values: Vec<String>) {
    let first = values.first().cloned().filter(|v| !v.is_empty());
    match key.to_ascii_lowercase().as_str() {
        "title" => fm.title = first,
        "author" | "authors" | "autor" | "autoren" => {
            fm.authors = values
                .into_iter()
                .flat_map(|v| v.split(" and ").map(str::to_string).collect::<Vec<_>>())
                .flat_map(|v| v.split(';').map(str::to_string).collect::<Vec<_>>())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect()
        }
        "date" | "datum" | "published" => fm.date = first,
        "outlet" | "publication" | "source" | "publisher" => fm.outlet = first,
        "url" | "link" | "canonical" => fm.url = first,
        "doi" => fm.doi = first,
        "lang" | "language" | "sprache" => fm.lang = first,
        _ => {}
    }
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let stripped = v
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    stripped.unwrap_or(v).trim().to_string()
}

fn parse_yaml(inner: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut pending_key: Option<String> = None;
    let mut items: Vec<String> = Vec::new();
    for line in inner.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| (trimmed == "-").then_some(""))
            && pending_key.is_some()
        {
            items.push(unquote(item));
            continue;
        }
        if let Some(key) = pending_key.take() {
            set_field(&mut fm, &key, std::mem::take(&mut items));
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if value.is_empty() {
            pending_key = Some(key.to_string());
        } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            set_field(&mut fm, key, list.split(',').map(unquote).collect());
        } else {
            set_field(&mut fm, key, vec![unquote(value)]);
        }
    }
    if let Some(key) = pending_key {
        set_field(&mut fm, &key, items);
    }
    fm
}

fn parse_toml(inner: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let Ok(table) = inner.parse::<toml::Table>() else {
        return fm;
    };
    for (key, value) in &table {
        let values = match value {
            toml::Value::String(s) => vec![s.trim().to_string()],
            toml::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(|s| s.trim().to_string()))
                .collect(),
            toml::Value::Datetime(d) => vec![d.to_string()],
            _ => continue,
        };
        set_field(&mut fm, key, values);
    }
    fm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_and_lists_are_read() {
        let text = "---\ntitle: \"A: B\"\nauthors:\n  - Jane Doe\n  - 'John Roe'\ndate: 2024-03-03\n---\nBody\n";
        let (fm, start) = split_front_matter(text).unwrap();
        assert_eq!(fm.title.as_deref(), Some("A: B"));
        assert_eq!(fm.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(fm.date.as_deref(), Some("2024-03-03"));
        assert_eq!(&text[start..], "Body\n");
    }

    #[test]
    fn toml_front_matter_is_read() {
        let text = "+++\ntitle = \"T\"\nauthor = [\"A B\", \"C D\"]\ndate = 2024-06-19\n+++\nBody";
        let (fm, start) = split_front_matter(text).unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.authors, vec!["A B", "C D"]);
        assert_eq!(fm.date.as_deref(), Some("2024-06-19"));
        assert_eq!(&text[start..], "Body");
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(split_front_matter("---\ntitle: x\nno end").is_none());
        assert!(split_front_matter("text\n---\n").is_none());
    }
}
