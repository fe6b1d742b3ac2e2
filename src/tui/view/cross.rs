//! The entity index, a claim group side by side, and the timeline.

use super::truncate;
use crate::model::EntityKind;
use crate::state::AppState;
use crate::state::cross::SORTS;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

fn framed<'a>(title: String, hint: &'static str, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(title, theme.pane_title(true))))
        .title_bottom(Line::from(Span::styled(hint, theme.dim())))
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
    let listed = state.listed_entities(sort, kind);
    let by = format!("{:?}", SORTS[sort % SORTS.len()]).to_lowercase();
    let filter = kind.map_or("all kinds".to_string(), |k| k.name().to_string());
    let title = format!(" Entities ({}) · sorted by {by} · {filter} ", listed.len());
    let inner = popup(
        frame,
        framed(title, " enter card · s sort · t kind · esc close ", theme),
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

/// Draws one claim group: the members side by side, the disagreement flag and the count of
/// independent sources.
pub fn draw_group(
    state: &AppState,
    group: usize,
    selected: usize,
    frame: &mut Frame,
    theme: &Theme,
) {
    let Some(g) = state.cross.as_ref().and_then(|c| c.groups.get(group)) else {
        return;
    };
    let title = format!(" Compare: {} ", g.topic);
    let inner = popup(
        frame,
        framed(
            title,
            " enter go to the claim · j/k move · esc close ",
            theme,
        ),
    );
    let width = usize::from(inner.width);
    let verdict = if g.disagreement {
        Span::styled(
            " FIGURES DISAGREE ",
            theme
                .warning()
                .add_modifier(ratatui::style::Modifier::REVERSED),
        )
    } else {
        Span::styled(" consistent ", theme.info())
    };
    let mut lines = vec![
        Line::from(vec![
            verdict,
            Span::raw(format!(
                "  {} claims from {} articles · {} independent source{}",
                g.members.len(),
                g.article_count(),
                g.independent_sources,
                if g.independent_sources == 1 { "" } else { "s" }
            )),
        ]),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "  {}{}{}{}{}claim",
                cell("article", 26),
                cell("source", 24),
                cell("stance", 12),
                cell("figure / date", 26),
                cell("published", 12)
            ),
            theme.dim(),
        )),
    ];
    for (i, m) in g.members.iter().enumerate() {
        let Some(entry) = state.entries.get(m.article) else {
            continue;
        };
        let claim = entry
            .analysis
            .claims
            .get(m.claim_index)
            .map(|c| c.text.as_str())
            .unwrap_or("");
        let figure = match (&m.figure, &m.event_date) {
            (Some(f), _) => crate::compare::format_figure(f),
            (None, Some(d)) => d.to_string(),
            (None, None) => String::new(),
        };
        let published = m
            .article_date
            .map(|d| d.iso())
            .unwrap_or_else(|| "—".into());
        let text = format!(
            "{}{}{}{}{}{}",
            cell(&entry.article.title, 26),
            cell(&m.source, 24),
            cell(m.stance.name(), 12),
            cell(&figure, 26),
            cell(&published, 12),
            crate::state::palette::one_line(claim)
        );
        let sel = i == selected;
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, row_style(sel, theme)),
            Span::styled(
                truncate(&text, width.saturating_sub(2)),
                row_style(sel, theme),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the timeline.
pub fn draw_timeline(
    state: &AppState,
    selected: usize,
    entity: Option<&str>,
    frame: &mut Frame,
    theme: &Theme,
) {
    let events = state.listed_events(entity);
    let articles: std::collections::BTreeSet<usize> = events.iter().map(|e| e.article).collect();
    let filter = entity.map(|e| format!(" · {e}")).unwrap_or_default();
    let title = format!(
        " Timeline ({} events from {} articles{filter}) ",
        events.len(),
        articles.len()
    );
    let inner = popup(
        frame,
        framed(
            title,
            " enter go to the sentence · j/k move · esc close ",
            theme,
        ),
    );
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines = Vec::new();
    for (i, e) in events
        .iter()
        .enumerate()
        .skip(first_row(selected, rows))
        .take(rows)
    {
        let sel = i == selected;
        let title = state
            .entries
            .get(e.article)
            .map(|x| x.article.title.as_str())
            .unwrap_or("");
        let date = cell(&e.date.to_string(), 20);
        let room = width.saturating_sub(2 + 20 + 30);
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, row_style(sel, theme)),
            Span::styled(
                date,
                row_style(sel, theme).patch(theme.entity(EntityKind::Date)),
            ),
            Span::styled(cell(&e.text, room), row_style(sel, theme)),
            Span::styled(format!(" {}", truncate(title, 28)), theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
