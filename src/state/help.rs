//! Searching the key help: `/` in the help overlay starts typing a query, and the help then
//! lists only the keys whose keys, action name or description contain it (ignoring case).
//! Enter keeps the filter and returns to scrolling; Esc while typing drops it.

use super::{AppState, Overlay};
use crate::keymap::{Key, KeyChord};

/// The help overlay's search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSearch {
    /// The text typed so far.
    pub query: String,
    /// True while keys type into the query.
    pub typing: bool,
}

/// True when a help row (keys, action name, description) contains `query`, ignoring case.
pub fn row_matches(row: &(String, String, String), query: &str) -> bool {
    let q = query.to_lowercase();
    [&row.0, &row.1, &row.2]
        .iter()
        .any(|field| field.to_lowercase().contains(&q))
}

/// The rows of `lines` that match `query`, each under its section heading; headings without a
/// matching row are left out. An empty query keeps everything.
pub fn filter_rows(
    lines: Vec<(String, String, String)>,
    query: &str,
) -> Vec<(String, String, String)> {
    if query.is_empty() {
        return lines;
    }
    let mut out = Vec::new();
    let mut heading: Option<(String, String, String)> = None;
    for row in lines {
        if row.1.is_empty() {
            // A heading or the blank line after a section.
            if !row.0.is_empty() {
                heading = Some(row);
            }
            continue;
        }
        if row_matches(&row, query) {
            if let Some(h) = heading.take() {
                if !out.is_empty() {
                    out.push((String::new(), String::new(), String::new()));
                }
                out.push(h);
            }
            out.push(row);
        }
    }
    out
}

impl AppState {
    /// The help rows shown: every binding, or those matching the search.
    pub fn help_rows(&self) -> Vec<(String, String, String)> {
        filter_rows(self.help_lines(), &self.overlays.help_search.query)
    }

    /// A key typed while searching the help.
    pub(crate) fn type_into_help(&mut self, chord: KeyChord) {
        match chord.key {
            Key::Enter => self.overlays.help_search.typing = false,
            Key::Esc => self.overlays.help_search = HelpSearch::default(),
            _ => {
                super::palette::edit_line(&mut self.overlays.help_search.query, chord);
            }
        }
        if let Some(Overlay::Help { scroll }) = &mut self.overlays.open {
            *scroll = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(k: &str, n: &str, d: &str) -> (String, String, String) {
        (k.into(), n.into(), d.into())
    }

    #[test]
    fn filtering_keeps_matching_rows_under_their_headings() {
        let lines = vec![
            row("[global]", "", ""),
            row("q", "quit", "Leave dossier"),
            row("T", "show_timeline", "Dated events of all articles"),
            row("", "", ""),
            row("[timeline]", "", ""),
            row(
                "e",
                "timeline_filter_entity",
                "Timeline: only events naming",
            ),
            row("", "", ""),
        ];
        let shown = filter_rows(lines.clone(), "TIMELINE");
        let names: Vec<&str> = shown.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names, ["[global]", "T", "", "[timeline]", "e"]);
        assert!(filter_rows(lines.clone(), "zzz").is_empty());
        assert_eq!(filter_rows(lines.clone(), "").len(), lines.len());
    }
}
