//! The entity index, a claim group side by side, and the timeline.

use super::truncate;
use crate::keymap::Section;
use crate::model::EntityKind;
use crate::state::AppState;
use crate::state::cross::SORTS;
use crate::state::hints;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn framed<'a>(title: String, hint: impl Into<String>, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(title, theme.pane_title(true))))
        .title_bottom(Line::from(Span::styled(hint.into(), theme.dim())))
}

pub(super) fn popup(frame: &mut Frame, block: Block<'_>) -> Rect {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(150);
    let rect = Rect {
        x: (area.width - width) / 2,
        y: 1,
        width,
        height: area.height.saturating_sub(3).max(3),
    };
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// Pads or cuts `text` to exactly `width` cells.
pub(super) fn cell(text: &str, width: usize) -> String {
    let t = truncate(text, width);
    let pad = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(pad))
}

pub(super) fn row_style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected()
    } else {
        Style::new()
    }
}

/// First row to show so that `selected` is visible in `rows` rows.
pub(super) fn first_row(selected: usize, rows: usize) -> usize {
    selected.saturating_sub(rows.saturating_sub(1))
}

/// Draws the entity index.
pub fn draw_entities(
    state: &AppState,
    selected: usize,
    sort: usize,
    kind: Option<EntityKind>,
    frame: &mut Frame,
    theme: &Theme,
) {
    let listed = &state.entity_list;
    let by = format!("{:?}", SORTS[sort % SORTS.len()]).to_lowercase();
    let filter = kind.map_or("all kinds".to_string(), |k| k.name().to_string());
    let title = format!(" Entities ({}) · sorted by {by} · {filter} ", listed.len());
    let inner = popup(
        frame,
        framed(
            title,
            state.hint_line(Section::Entities, hints::ENTITIES_HINTS),
            theme,
        ),
    );
    let width = usize::from(inner.width);
    let Some(cross) = &state.cross else { return };
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {}{}{}{}spellings",
            cell("entity", 32),
            cell("kind", 14),
            cell("mentions", 10),
            cell("articles", 10)
        ),
        theme.dim(),
    ))];
    let rows = usize::from(inner.height).saturating_sub(1);
    for (i, name) in listed
        .iter()
        .enumerate()
        .skip(first_row(selected, rows))
        .take(rows)
    {
        let Some(e) = cross.entities.get(name) else {
            continue;
        };
        let spellings = e
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect::<Vec<_>>()
            .join(" · ");
        let text = format!(
            "{}{}{}{}{}",
            cell(&e.canonical, 32),
            cell(e.kind.name(), 14),
            cell(&e.mention_count.to_string(), 10),
            cell(&e.article_count.to_string(), 10),
            spellings
        );
        let sel = i == selected;
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, row_style(sel, theme)),
            Span::styled(
                truncate(&text, width.saturating_sub(2)),
                row_style(sel, theme).patch(theme.entity(e.kind)),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
