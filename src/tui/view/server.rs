//! The overlays over the corpus published on the team server: search hits, the entity index
//! and the sources, as the server's SQL answered them.

use super::cross::{framed, popup, row_style};
use super::table::{self, Column};
use crate::state::AppState;
use crate::state::remote::{ServerRows, ServerView};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const HIT_COLUMNS: [Column; 3] = [
    Column::new("title", 16, 60, 9),
    Column::flex("excerpt", 16),
    Column::new("score", 5, 5, 1),
];

const ENTITY_COLUMNS: [Column; 4] = [
    Column::flex("entity", 16),
    Column::new("kind", 6, 12, 3),
    Column::new("articles", 8, 8, 9),
    Column::new("mentions", 8, 8, 2),
];

const SOURCE_COLUMNS: [Column; 4] = [
    Column::flex("outlet", 16),
    Column::new("articles", 8, 8, 9),
    Column::new("first", 10, 10, 3),
    Column::new("last", 10, 10, 3),
];

/// Draws a server overlay.
pub fn draw_server(state: &AppState, view: &ServerView, frame: &mut Frame, theme: &Theme) {
    let title = match &view.rows {
        ServerRows::Search { query, .. } => format!(" Search the team server: {query}▏ "),
        ServerRows::Entities(_) => format!(" Entities on the team server ({}) ", view.len()),
        ServerRows::Sources(_) => format!(" Sources on the team server ({}) ", view.len()),
    };
    let hint = state
        .popup_hints()
        .map(|(section, items)| state.hint_line(section, items))
        .unwrap_or_default();
    let block = framed(frame, title, hint, theme);
    let inner = popup(frame, block);
    let width = usize::from(inner.width).saturating_sub(2);
    let room = usize::from(inner.height).saturating_sub(1);
    let (cols, rows): (&[Column], Vec<Vec<String>>) = match &view.rows {
        ServerRows::Search { hits, .. } => (
            &HIT_COLUMNS,
            hits.iter()
                .map(|h| {
                    vec![
                        h.title.clone(),
                        h.excerpt.clone(),
                        format!("{:.2}", h.score),
                    ]
                })
                .collect(),
        ),
        ServerRows::Entities(rows) => (
            &ENTITY_COLUMNS,
            rows.iter()
                .flatten()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        e.kind.clone(),
                        e.articles.to_string(),
                        e.mentions.to_string(),
                    ]
                })
                .collect(),
        ),
        ServerRows::Sources(rows) => (
            &SOURCE_COLUMNS,
            rows.iter()
                .flatten()
                .map(|s| {
                    vec![
                        if s.outlet.is_empty() {
                            "(unknown)".to_string()
                        } else {
                            s.outlet.clone()
                        },
                        s.articles.to_string(),
                        s.first.clone().unwrap_or_default(),
                        s.last.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
    };
    let widths = table::widths(cols, width, 0.5);
    let mut lines = vec![table::header_line("▶ ", cols, &widths, theme.dim())];
    let status = if let Some(e) = &view.error {
        Some(format!("the team server did not answer: {e}"))
    } else if view.is_waiting() {
        Some("asking the team server…".to_string())
    } else if rows.is_empty() {
        Some(match &view.rows {
            ServerRows::Search { query, .. } if query.trim().is_empty() => {
                "type words to search the published corpus".to_string()
            }
            _ => "nothing found".to_string(),
        })
    } else {
        None
    };
    if let Some(status) = status {
        lines.push(Line::from(Span::styled(
            super::truncate(&crate::reflow::sanitize(&status), width),
            theme.dim(),
        )));
    }
    lines.extend(table::visible_rows(rows.len(), view.selected, room, |i| {
        let selected = i == view.selected;
        let cells: Vec<String> = rows[i]
            .iter()
            .map(|c| crate::reflow::sanitize(&crate::state::palette::one_line(c)))
            .collect();
        // One line a row: a title or an excerpt is cut, not wrapped.
        let cells: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| w.map_or_else(String::new, |w| super::truncate(c, w)))
            .collect();
        table::row_lines(
            if selected { "▶ " } else { "  " },
            &cells,
            &[],
            &widths,
            row_style(selected, theme),
        )
    }));
    frame.render_widget(Paragraph::new(lines), inner);
}
