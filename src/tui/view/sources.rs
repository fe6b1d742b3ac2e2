//! The sources view: every source of the corpus with its claim and article counts, or one
//! source's claims across the corpus.

use super::cross::{framed, popup};
use super::table::{self, Column};
use crate::corpus::sources::{SourceClass, SourceEntry, stance_glyph};
use crate::model::EntityKind;
use crate::state::{AppState, OpenSource, SourcesView};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The sources list's columns: the name takes the room left; the spellings go first when the
/// width runs short, then the sort and the article count.
const SOURCE_COLUMNS: [Column; 5] = [
    Column::flex("source", 12),
    Column::new("sort", 6, 14, 3),
    Column::new("claims", 6, 6, 6),
    Column::new("articles", 8, 8, 4),
    Column::new("as written", 16, 72, 2),
];

/// One source's claims: the claim wraps and takes the rest; the article title goes first
/// when room runs out, then the kind.
const CLAIM_COLUMNS: [Column; 4] = [
    Column::new("stance", 12, 13, 8),
    Column::new("kind", 9, 12, 3),
    Column::new("article", 12, 30, 2),
    Column::flex("claim", 16),
];

fn row_style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected()
    } else {
        Style::new()
    }
}

fn class_style(class: SourceClass, theme: &Theme) -> Style {
    match class {
        SourceClass::Person => theme.entity(EntityKind::Person),
        SourceClass::Organization => theme.entity(EntityKind::Organization),
        SourceClass::Named => theme.label(),
        SourceClass::Unnamed => theme.dim(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Draws the sources view: the list of sources, or the open source's claims.
pub fn draw_sources(state: &AppState, view: &SourcesView, frame: &mut Frame, theme: &Theme) {
    match (&view.open, view.open_source()) {
        (Some(open), Some(source)) => draw_source_claims(state, source, open, frame, theme),
        _ => draw_source_list(state, view, frame, theme),
    }
}

fn draw_source_list(state: &AppState, view: &SourcesView, frame: &mut Frame, theme: &Theme) {
    let filter = view.class.map_or("all sorts", SourceClass::name);
    let title = format!(" Sources ({}) · {filter} ", view.rows.len());
    let block = framed(frame, title, state.sources_hint(false), theme);
    let inner = popup(frame, block);
    let width = usize::from(inner.width);
    let cols = table::widths(&SOURCE_COLUMNS, width.saturating_sub(2), 0.3);
    let mut lines = vec![table::header_line(
        "▶ ",
        &SOURCE_COLUMNS,
        &cols,
        theme.dim(),
    )];
    let room = usize::from(inner.height).saturating_sub(1);
    lines.extend(table::visible_rows(
        view.rows.len(),
        view.selected,
        room,
        |row| {
            let Some(s) = view.rows.get(row).and_then(|&i| view.sources.get(i)) else {
                return Vec::new();
            };
            let sel = row == view.selected;
            let spellings = s
                .spellings
                .iter()
                .map(|(w, n)| format!("{w} ({n})"))
                .collect::<Vec<_>>()
                .join(" · ");
            table::row_lines(
                if sel { "▶ " } else { "  " },
                &[
                    s.name.clone(),
                    s.class.name().to_string(),
                    s.claims.len().to_string(),
                    s.article_count.to_string(),
                    spellings,
                ],
                &[class_style(s.class, theme)],
                &cols,
                row_style(sel, theme),
            )
        },
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_source_claims(
    state: &AppState,
    source: &SourceEntry,
    open: &OpenSource,
    frame: &mut Frame,
    theme: &Theme,
) {
    let title = format!(
        " {} · {} in {} ",
        source.name,
        plural(source.claims.len(), "claim", "claims"),
        plural(source.article_count, "article", "articles")
    );
    let block = framed(frame, title, state.sources_hint(true), theme);
    let inner = popup(frame, block);
    let width = usize::from(inner.width);
    let written = source
        .spellings
        .iter()
        .map(|(w, n)| format!("“{w}” ({n})"))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut lines: Vec<Line> = table::wrap(
        &format!("{}  as written: {written}", source.class.name()),
        width.max(1),
    )
    .into_iter()
    .take(3)
    .map(|l| Line::from(Span::styled(l, theme.dim())))
    .collect();
    lines.push(Line::from(""));
    let cols = table::widths(&CLAIM_COLUMNS, width.saturating_sub(2), 0.4);
    lines.push(table::header_line("▶ ", &CLAIM_COLUMNS, &cols, theme.dim()));
    let room = usize::from(inner.height).saturating_sub(lines.len());
    lines.extend(table::visible_rows(
        source.claims.len(),
        open.selected,
        room,
        |row| {
            let Some(r) = source.claims.get(row) else {
                return Vec::new();
            };
            // The source was listed from this corpus; an article re-sorted since is found by id.
            let entry = match state.corpus.get(r.article) {
                Some(e) if e.article.id == r.id => Some(e),
                _ => state.corpus.iter().find(|e| e.article.id == r.id),
            };
            let Some(claim) = entry.and_then(|e| e.analysis.claims.get(r.claim)) else {
                return Vec::new();
            };
            let title = entry.map(|e| e.article.title.clone()).unwrap_or_default();
            let sel = row == open.selected;
            table::row_lines(
                if sel { "▶ " } else { "  " },
                &[
                    format!("{} {}", stance_glyph(claim.stance), claim.stance.name()),
                    claim.kind.name().to_string(),
                    title,
                    crate::corpus::entity_index::collapse_whitespace(&claim.text),
                ],
                &[theme.stance(claim.stance), Style::new(), theme.dim()],
                &cols,
                row_style(sel, theme),
            )
        },
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
