//! The help overlay, generated from the active keymap.

use crate::state::AppState;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Draws the help overlay, scrolled by `scroll` lines.
pub fn draw_help(state: &AppState, frame: &mut Frame, scroll: usize, theme: &Theme) {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(96);
    let height = area.height.saturating_sub(3);
    let popup = Rect {
        x: (area.width - width) / 2,
        y: 1,
        width,
        height,
    };
    let rows = state.help_lines();
    let key_w = rows
        .iter()
        .filter(|r| !r.1.is_empty())
        .map(|r| r.0.width())
        .max()
        .unwrap_or(8)
        .min(24);
    let name_w = rows.iter().map(|r| r.1.width()).max().unwrap_or(8);
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .map(|(keys, name, doc)| {
            if name.is_empty() {
                Line::from(Span::styled(keys.clone(), theme.pane_title(true)))
            } else {
                Line::from(vec![
                    Span::styled(
                        format!("  {:<key_w$}", super::truncate(keys, key_w)),
                        theme.key(),
                    ),
                    Span::raw("  "),
                    Span::styled(format!("{name:<name_w$}"), theme.label()),
                    Span::raw("  "),
                    Span::raw(doc.clone()),
                ])
            }
        })
        .collect();
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(
            " Keys (from the active keymap) ",
            theme.pane_title(true),
        )));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
