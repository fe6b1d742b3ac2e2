//! An Org-mode outline for Org and org-roam users: a level-1 heading per article with its
//! metadata in a property drawer, a level-2 heading per bookmark with its own properties, a
//! link back into the reader and an org-cite citation, the passage in a quote block and the
//! note after it.
//!
//! Text that Org would read as structure at the start of a line (headings, `#+` keywords and
//! block ends, drawers, tables, comments, rules, footnotes) is escaped with a zero-width space,
//! the escape the Org manual recommends. Pure.

use super::time::iso_datetime;
use super::{ExportArticle, ExportBookmark, citekey, iso_date, link, one_line};
use std::fmt::Write as _;

/// The escape character Org recommends for text that would otherwise be markup.
const ZWSP: char = '\u{200B}';

/// The whole export as one Org document.
pub fn to_org(items: &[ExportArticle], exported: i64) -> String {
    let keys = citekey::for_items(items);
    let mut out = format!(
        "#+TITLE: dossier notes\n#+DATE: {}\n",
        timestamp(exported, false)
    );
    for (g, key) in items.iter().zip(&keys) {
        let m = &g.meta;
        let _ = write!(out, "\n* {}\n:PROPERTIES:\n", headline(&m.title));
        property(&mut out, "CUSTOM_ID", key);
        if !m.authors.is_empty() {
            property(&mut out, "AUTHOR", &m.authors.join("; "));
        }
        if let Some(outlet) = &m.outlet {
            property(&mut out, "OUTLET", outlet);
        }
        if let Some(date) = &m.date {
            property(&mut out, "DATE", &date.iso());
        }
        if let Some(doi) = &m.doi {
            property(&mut out, "DOI", doi);
        }
        if let Some(url) = m.url.clone().or_else(|| m.link()) {
            property(&mut out, "URL", &url);
        }
        property(&mut out, "DOSSIER_SOURCE", &m.source);
        property(&mut out, "DOSSIER_ARTICLE", &m.id.0);
        if !m.found {
            property(&mut out, "DOSSIER_STATUS", "not in corpus");
        }
        out.push_str(":END:\n");
        out.push_str(&text_lines(&m.citation()));
        for e in &g.bookmarks {
            bookmark(&mut out, e, &m.source, key);
        }
    }
    out
}

fn bookmark(out: &mut String, e: &ExportBookmark, source: &str, key: &str) {
    let b = &e.bookmark;
    let locator = e.paragraph.map(|n| format!("¶ {n}")).unwrap_or_default();
    let first: String = one_line(&e.quote).chars().take(60).collect();
    let title = if locator.is_empty() {
        first
    } else {
        format!("{locator}: {first}")
    };
    let _ = write!(out, "\n** {}\n:PROPERTIES:\n", headline(&title));
    property(out, "ID", &b.id.0);
    property(out, "CREATED", &timestamp(b.created, true));
    property(out, "MODIFIED", &timestamp(b.updated, true));
    property(out, "MARKS", b.target.name());
    property(out, "ANCHOR", e.resolution.name());
    property(out, "DOSSIER_OPEN", &link::open_uri(source, e.offset()));
    out.push_str(":END:\n");
    let cite_suffix = if locator.is_empty() {
        String::new()
    } else {
        format!(" {locator}")
    };
    let _ = writeln!(
        out,
        "[[{}][open in dossier]] [cite:@{key}{cite_suffix}]",
        link::open_uri(source, e.offset())
    );
    if e.resolution.is_orphaned() {
        out.push_str(
            "/Orphaned: this passage is no longer in the article; the quote is as bookmarked./\n",
        );
    }
    out.push_str("#+begin_quote\n");
    out.push_str(&text_lines(&e.quote));
    out.push_str("#+end_quote\n");
    if !b.note.trim().is_empty() {
        out.push_str(&text_lines(b.note.trim_end()));
    }
}

/// `:NAME: value` on one line.
fn property(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, ":{name}: {}", one_line(value));
}

/// Org timestamp, inactive: `[2024-10-03 Thu]` or `[2024-10-03 Thu 08:15]` (UTC).
fn timestamp(unix: i64, with_time: bool) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    let weekday = DAYS[unix.div_euclid(86_400).rem_euclid(7) as usize];
    if with_time {
        let t = iso_datetime(unix);
        format!("[{} {weekday} {}]", iso_date(unix), &t[11..16])
    } else {
        format!("[{} {weekday}]", iso_date(unix))
    }
}

/// A headline text that cannot turn into a TODO keyword, priority, tags or a deeper heading.
fn headline(text: &str) -> String {
    let mut line = one_line(text);
    let risky = ["TODO ", "DONE ", "COMMENT ", "[#", "*"]
        .iter()
        .any(|p| line.starts_with(p))
        || line.ends_with(':');
    if risky {
        line.insert(0, ZWSP);
    }
    if line.ends_with(':') {
        line.push(ZWSP);
    }
    line
}

/// Text whose every line stays text inside the outline.
pub fn text_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let risky = trimmed.starts_with('*')
            || trimmed.starts_with('#')
            || trimmed.starts_with(':')
            || trimmed.starts_with('|')
            || trimmed.starts_with("-----")
            || trimmed.starts_with("[fn:")
            || trimmed.starts_with(',');
        if risky {
            out.push(ZWSP);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_at_line_start_is_escaped() {
        let text = text_lines("* heading\n#+end_quote\n:END:\nplain");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], "plain");
        for l in &lines[..3] {
            assert!(l.starts_with(ZWSP), "{l:?}");
        }
        assert!(headline("TODO later").starts_with(ZWSP));
        assert_eq!(timestamp(0, true), "[1970-01-01 Thu 00:00]");
        assert_eq!(timestamp(1_700_000_000, false), "[2023-11-14 Tue]");
    }
}
