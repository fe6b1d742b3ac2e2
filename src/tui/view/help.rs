//! The help overlay, generated from the active keymap: keys, action name and the full
//! description, which wraps; the action name column goes first when the room runs out. A search
//! line shows the query typed after `/`.

use super::table::{self, Column};
use crate::keymap::Section;
use crate::state::AppState;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Keys, action name, description: the description takes the rest and wraps.
const COLUMNS: [Column; 3] = [
    Column::new("keys", 5, 16, 5),
    Column::new("action", 22, 30, 1),
    Column::flex("description", 16),
];

/// The bottom line: how to search and close, from the active keymap.
fn hint(state: &AppState) -> String {
    state.hint_line(Section::Help, crate::state::hints::HELP_HINTS)
}

/// Draws the help overlay, scrolled by `scroll` rows.
pub fn draw_help(state: &AppState, frame: &mut Frame, scroll: usize, theme: &Theme) {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(120);
    let height = area.height.saturating_sub(3);
    let popup = Rect {
        x: (area.width - width) / 2,
        y: 1,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(
            " Keys (from the active keymap) ",
            theme.pane_title(true),
        )))
        .title_bottom(Line::from(Span::styled(
            super::fit_items(&hint(state), usize::from(width.saturating_sub(2))),
            theme.dim(),
        )));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let search = &state.overlays.help_search;
    let mut lines: Vec<Line> = Vec::new();
    if search.typing || !search.query.is_empty() {
        let cursor = if search.typing { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(format!("{}{cursor}", search.query)),
        ]));
    }
    let rows = state.help_rows();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  no key matches \"{}\"", search.query),
            theme.dim(),
        )));
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| !r.1.is_empty())
        .map(|(k, n, d)| vec![k.clone(), n.clone(), d.clone()])
        .collect();
    let cols = table::fitted(&COLUMNS, &cells);
    let widths = table::widths(&cols, usize::from(inner.width).saturating_sub(2), 0.5);
    let room = usize::from(inner.height);
    // Rows wrap, so the scroll (in rows) is turned into a first line here; once the scroll
    // reaches the last page of rows, the last page of lines is shown, so the end is always
    // reachable however many rows wrap.
    let header = lines.len();
    let mut body: Vec<Line> = Vec::new();
    let mut first_line = 0;
    for (i, (keys, name, doc)) in rows.iter().enumerate() {
        if i == scroll {
            first_line = body.len();
        }
        if name.is_empty() {
            body.push(Line::from(Span::styled(
                keys.clone(),
                theme.pane_title(true),
            )));
            continue;
        }
        body.extend(table::row_lines(
            "  ",
            &[keys.clone(), name.clone(), doc.clone()],
            &[theme.key(), theme.label(), Style::new()],
            &widths,
            Style::new(),
        ));
    }
    let shown = room.saturating_sub(header);
    let last_page = body.len().saturating_sub(shown);
    let first_line = if scroll + shown >= rows.len() {
        last_page
    } else {
        first_line.min(last_page)
    };
    lines.extend(body.into_iter().skip(first_line));
    lines.truncate(room);
    frame.render_widget(Paragraph::new(lines), inner);
}
