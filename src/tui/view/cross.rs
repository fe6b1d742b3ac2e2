//! The entity index, a claim group side by side, and the timeline.

use super::table::{self, Column};
use crate::keymap::Section;
use crate::model::{EntityKind, Lang};
use crate::state::AppState;
use crate::state::cross::SORTS;
use crate::state::hints;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Paragraph};

/// The double frame of a popup over the whole screen, its title and bottom hint fitted to its
/// width by whole items.
/// The entity index's columns: the name takes the room left; the spellings go first when the
/// width runs short, then the kind and the article count.
const ENTITY_COLUMNS: [Column; 5] = [
    Column::flex("entity", 12),
    Column::new("kind", 6, 12, 3),
    Column::new("mentions", 8, 8, 6),
    Column::new("articles", 8, 8, 4),
    Column::new("spellings", 16, 72, 2),
];

pub(super) fn framed<'a>(
    frame: &Frame,
    title: String,
    hint: impl Into<String>,
    theme: &Theme,
) -> Block<'a> {
    super::overlay_block(&title, &hint.into(), super::popup_room(frame), theme)
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
    super::draw_frame(frame, rect, block)
}

pub(super) fn row_style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected()
    } else {
        Style::new()
    }
}

/// First row to show so that `selected` (of `len` rows) is visible in `rows` rows, with the row
/// after it when there is one and room, so the selection stays off the bottom edge.
pub(super) fn first_row(selected: usize, rows: usize, len: usize) -> usize {
    let margin = usize::from(rows >= 3);
    (selected + 1 + margin)
        .min(len.max(selected + 1))
        .saturating_sub(rows)
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
    let listed = &state.derived.entities;
    let by = format!("{:?}", SORTS[sort % SORTS.len()]).to_lowercase();
    let filter = kind.map_or("all kinds".to_string(), |k| k.name().to_string());
    let title = format!(" Entities ({}) · sorted by {by} · {filter} ", listed.len());
    let block = framed(
        frame,
        title,
        state.hint_line(Section::Entities, hints::ENTITIES_HINTS),
        theme,
    );
    let inner = popup(frame, block);
    let width = usize::from(inner.width);
    let Some(cross) = &state.work.cross else {
        return;
    };
    let cols = table::widths(&ENTITY_COLUMNS, width.saturating_sub(2), 0.3);
    let mut lines = vec![table::header_line(
        "▶ ",
        &ENTITY_COLUMNS,
        &cols,
        theme.dim(),
    )];
    let room = usize::from(inner.height).saturating_sub(1);
    lines.extend(table::visible_rows(listed.len(), selected, room, |i| {
        let Some(e) = listed.get(i).and_then(|name| cross.entities.get(name)) else {
            return Vec::new();
        };
        let spellings = e
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect::<Vec<_>>()
            .join(" · ");
        let sel = i == selected;
        let kind = theme.entity(e.kind);
        // Long names break at their syllables, in the language of the article naming them first.
        let lang = e
            .mentions
            .first()
            .and_then(|m| state.corpus.get(m.article))
            .map_or(Lang::De, |entry| entry.article.lang);
        let hyphenate = |text: &str, w: usize| state.hyphenators().wrap(text, lang, w);
        table::row_lines_with(
            if sel { "▶ " } else { "  " },
            &[
                e.canonical.clone(),
                e.kind.name().to_string(),
                e.mention_count.to_string(),
                e.article_count.to_string(),
                spellings,
            ],
            &[kind, kind, Style::new(), Style::new(), theme.dim()],
            &cols,
            row_style(sel, theme),
            &hyphenate,
        )
    }));
    frame.render_widget(Paragraph::new(lines), inner);
}
