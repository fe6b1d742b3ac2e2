//! The sources view: every source of the corpus with its claim and article counts, or one
//! source's claims across the corpus.

use super::cross::{cell, first_row, popup, row_style};
use super::truncate;
use crate::corpus::sources::{SourceClass, SourceEntry, stance_glyph};
use crate::model::EntityKind;
use crate::state::{AppState, OpenSource, SourcesView};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

fn framed<'a>(title: String, hint: String, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Line::from(Span::styled(title, theme.pane_title(true))))
        .title_bottom(Line::from(Span::styled(hint, theme.dim())))
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
    let inner = popup(frame, framed(title, state.sources_hint(false), theme));
    let width = usize::from(inner.width);
    let name_w = (width * 2 / 5).clamp(14, 36);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {}{}{}{}as written",
            cell("source", name_w),
            cell("sort", 14),
            cell("claims", 8),
            cell("articles", 10)
        ),
        theme.dim(),
    ))];
    let rows = usize::from(inner.height).saturating_sub(1);
    for (row, &i) in view
        .rows
        .iter()
        .enumerate()
        .skip(first_row(view.selected, rows))
        .take(rows)
    {
        let Some(s) = view.sources.get(i) else {
            continue;
        };
        let sel = row == view.selected;
        let spellings = s
            .spellings
            .iter()
            .map(|(w, n)| format!("{w} ({n})"))
            .collect::<Vec<_>>()
            .join(" · ");
        let rest = format!(
            "{}{}{}{}",
            cell(s.class.name(), 14),
            cell(&s.claims.len().to_string(), 8),
            cell(&s.article_count.to_string(), 10),
            spellings
        );
        let room = width.saturating_sub(2 + name_w);
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, row_style(sel, theme)),
            Span::styled(
                format!("{} ", cell(&s.name, name_w - 1)),
                row_style(sel, theme).patch(class_style(s.class, theme)),
            ),
            Span::styled(truncate(&rest, room), row_style(sel, theme)),
        ]));
    }
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
    let inner = popup(frame, framed(title, state.sources_hint(true), theme));
    let width = usize::from(inner.width);
    let written = source
        .spellings
        .iter()
        .map(|(w, n)| format!("“{w}” ({n})"))
        .collect::<Vec<_>>()
        .join(" · ");
    let article_w = (width / 4).clamp(12, 30);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", source.class.name()),
                class_style(source.class, theme),
            ),
            Span::styled(
                truncate(&format!(" as written: {written}"), width.saturating_sub(16)),
                theme.dim(),
            ),
        ]),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "  {}{}{}claim",
                cell("stance", 13),
                cell("kind", 12),
                cell("article", article_w)
            ),
            theme.dim(),
        )),
    ];
    let rows = usize::from(inner.height).saturating_sub(lines.len());
    for (row, r) in source
        .claims
        .iter()
        .enumerate()
        .skip(first_row(open.selected, rows))
        .take(rows)
    {
        // The source was listed from this corpus; an article re-sorted since is found by id.
        let entry = match state.corpus.get(r.article) {
            Some(e) if e.article.id == r.id => Some(e),
            _ => state.corpus.iter().find(|e| e.article.id == r.id),
        };
        let Some(entry) = entry else { continue };
        let Some(claim) = entry.analysis.claims.get(r.claim) else {
            continue;
        };
        let sel = row == open.selected;
        let stance = format!("{} {}", stance_glyph(claim.stance), claim.stance.name());
        let text = format!(
            "{}{} ",
            cell(claim.kind.name(), 12),
            cell(&entry.article.title, article_w - 1)
        );
        let used = 2 + 13 + 12 + article_w;
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, row_style(sel, theme)),
            Span::styled(
                cell(&stance, 13),
                row_style(sel, theme).patch(theme.stance(claim.stance)),
            ),
            Span::styled(text, row_style(sel, theme)),
            Span::styled(
                truncate(
                    &crate::corpus::entity_index::collapse_whitespace(&claim.text),
                    width.saturating_sub(used),
                ),
                row_style(sel, theme),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
