//! Markdown for Obsidian, Zotero and Pandoc: YAML front matter describing each article
//! (title, authors, outlet, date, DOI/URL, citekey, tags), each bookmarked passage as a block
//! quote ending in a Pandoc citation `[@citekey, ¶ n]` and a link back into the reader, and
//! the note after it.
//!
//! Every piece of user or article text is escaped so that it stays text: a note line `---`,
//! `# x`, `- [ ] x`, a code fence or an HTML tag never becomes Markdown structure.

use super::{ExportArticle, ExportBookmark, citekey, iso_date, link, one_line};
use std::fmt::Write as _;

/// One Markdown document with all articles: a front matter listing them, then a `##` section
/// per article.
pub fn to_markdown(items: &[ExportArticle], exported: i64) -> String {
    let keys = citekey::for_items(items);
    let count: usize = items.iter().map(|g| g.bookmarks.len()).sum();
    let mut out = format!(
        "---\ntitle: \"dossier notes\"\nexported: {}\ncount: {count}\narticles:\n",
        iso_date(exported)
    );
    for (group, key) in items.iter().zip(&keys) {
        let mut fields = String::new();
        front_matter_fields(&mut fields, group, key);
        for (i, line) in fields.lines().enumerate() {
            out.push_str(if i == 0 { "  - " } else { "    " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("---\n");
    for (group, key) in items.iter().zip(&keys) {
        let _ = write!(out, "\n## {}\n", escape_line(&one_line(&group.meta.title)));
        article_body(&mut out, group, key);
    }
    out
}

/// One Markdown document per article, for a literature-note folder: `(file stem, text)`, the
/// stem being the article's citekey.
pub fn to_markdown_files(items: &[ExportArticle], exported: i64) -> Vec<(String, String)> {
    let keys = citekey::for_items(items);
    items
        .iter()
        .zip(keys)
        .map(|(group, key)| {
            let mut out = String::from("---\n");
            front_matter_fields(&mut out, group, &key);
            let _ = writeln!(out, "exported: {}", iso_date(exported));
            out.push_str("---\n");
            let _ = write!(out, "\n# {}\n", escape_line(&one_line(&group.meta.title)));
            article_body(&mut out, group, &key);
            (key, out)
        })
        .collect()
}

/// The YAML fields describing one article, one per line, values as double-quoted scalars.
fn front_matter_fields(out: &mut String, group: &ExportArticle, key: &str) {
    let m = &group.meta;
    let _ = writeln!(out, "title: {}", yaml(&one_line(&m.title)));
    let authors: Vec<String> = m.authors.iter().map(|a| yaml(a)).collect();
    let _ = writeln!(out, "authors: [{}]", authors.join(", "));
    if let Some(outlet) = &m.outlet {
        let _ = writeln!(out, "outlet: {}", yaml(outlet));
    }
    if let Some(date) = &m.date {
        let _ = writeln!(out, "date: {}", yaml(&date.iso()));
    }
    if let Some(doi) = &m.doi {
        let _ = writeln!(out, "doi: {}", yaml(doi));
    }
    if let Some(url) = m.url.clone().or_else(|| m.link()) {
        let _ = writeln!(out, "url: {}", yaml(&url));
    }
    let _ = writeln!(out, "citekey: {}", yaml(key));
    let _ = writeln!(out, "source: {}", yaml(&m.source));
    let _ = writeln!(out, "tags: [\"dossier\"]");
}

/// Citation line, then every bookmark of the article.
fn article_body(out: &mut String, group: &ExportArticle, key: &str) {
    out.push('\n');
    out.push_str(&escape_line(&group.meta.citation()));
    out.push('\n');
    if !group.meta.found {
        let _ = writeln!(
            out,
            "\n*The article is no longer in the corpus (source: {}).*",
            escape_line(&group.meta.source)
        );
    }
    for item in &group.bookmarks {
        out.push('\n');
        if item.resolution.is_orphaned() {
            out.push_str(
                "*Orphaned: this passage is no longer in the article; the quote is as \
                 bookmarked.*\n\n",
            );
        }
        out.push_str(&quote_block(item, &group.meta.source, key));
        let note = escape_block(&item.bookmark.note);
        if !note.is_empty() {
            out.push('\n');
            out.push_str(&note);
        }
    }
}

/// The passage as a block quote ending in `[@key, ¶ n]` and the link back.
fn quote_block(item: &ExportBookmark, source: &str, key: &str) -> String {
    let mut out = String::new();
    for line in escape_block(&item.quote).lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    let locator = item
        .paragraph
        .map(|n| format!(", ¶ {n}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        ">\n> [@{key}{locator}] · [open in dossier](<{}>)",
        link::open_uri(source, item.offset())
    );
    out
}

/// A JSON string, which is also a valid YAML double-quoted scalar.
fn yaml(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Escapes every character that Markdown (CommonMark, GFM, Obsidian) could read as inline
/// formatting, a link, HTML, an entity, math, a highlight or a comment.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '&'
                | '~'
                | '$'
                | '='
                | '%'
                | '^'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of text that must not start a block (heading, list, quote, fence, rule, table,
/// indented code): inline escapes plus escaping of what only matters at the start.
pub fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut escaped = escape_inline(line);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        escaped.insert(digits, '\\');
    } else if matches!(line.chars().next(), Some('-' | '+' | ':')) {
        escaped.insert(0, '\\');
    }
    escaped
}

/// Multi-line text as Markdown paragraphs that stay text: every line escaped with
/// [`escape_line`], line breaks kept as hard breaks, blank lines kept as paragraph breaks.
pub fn escape_block(text: &str) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, out: &mut String| {
        if paragraph.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&paragraph.join("\\\n"));
        out.push('\n');
        paragraph.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut out);
        } else {
            paragraph.push(escape_line(line));
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_starts_are_escaped() {
        assert_eq!(escape_line("- [ ] task"), "\\- \\[ \\] task");
        assert_eq!(escape_line("# title"), "\\# title");
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("```rust"), "\\`\\`\\`rust");
        assert_eq!(escape_line("12. Mai"), "12\\. Mai");
        assert_eq!(escape_line("    indented"), "indented");
        assert_eq!(escape_line("a *b* [c]"), "a \\*b\\* \\[c\\]");
    }

    #[test]
    fn paragraphs_and_line_breaks_survive() {
        assert_eq!(escape_block("one\ntwo\n\nthree"), "one\\\ntwo\n\nthree\n");
        assert_eq!(escape_block("  \n"), "");
    }
}
