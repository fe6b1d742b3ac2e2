//! The palette and the entity card.

use super::truncate;
use crate::keymap::Section;
use crate::model::Span as TextSpan;
use crate::reflow::sanitize;
use crate::search::QueryMode;
use crate::state::AppState;
use crate::state::hints;
use crate::state::palette::{Palette, kwic};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

fn popup(frame: &Frame, max_width: u16) -> Rect {
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(max_width);
    let height = area.height.saturating_sub(3).max(3);
    Rect {
        x: (area.width - width) / 2,
        y: 1,
        width,
        height,
    }
}

/// A label with its matched characters emphasised.
fn highlighted(
    label: &str,
    positions: &[usize],
    width: usize,
    theme: &Theme,
    base: ratatui::style::Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in label.chars().enumerate() {
        let c = crate::reflow::sanitize_char(c);
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            run.push('…');
            break;
        }
        let hit = positions.binary_search(&i).is_ok();
        if hit != run_hit && !run.is_empty() {
            let style = if run_hit { theme.matched(base) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = hit;
        run.push(c);
        used += w;
    }
    if !run.is_empty() {
        let style = if run_hit { theme.matched(base) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}

/// Draws the palette: the query, the ranked hits with matched characters, and a preview.
pub fn draw_palette(state: &AppState, p: &Palette, frame: &mut Frame, theme: &Theme) {
    let area = popup(frame, 110);
    let full_text = matches!(
        p.result.as_ref().map(|r| &r.mode),
        Some(QueryMode::FullText(_))
    );
    let total = match &p.result {
        Some(r) if !full_text => r.total_matched,
        _ => p.text_hits.len(),
    };
    let room = usize::from(area.width.saturating_sub(2));
    let block = super::overlay_block(
        " Jump to ",
        " ~ articles  % headings  @ entities  # claims  * bookmarks  / full text · 'exact ^prefix suffix$ !not ",
        room,
        theme,
    );
    let inner = super::draw_frame(frame, area, block);
    let width = usize::from(inner.width);
    let prompt = format!("> {}", p.query);
    let mut lines = vec![
        Line::from(Span::styled(truncate(&prompt, width), theme.key())),
        Line::from(Span::styled(
            match (&state.work.palette_index, p.ranking) {
                (None, _) if !full_text => "  indexing…".to_string(),
                (_, Some(_)) if full_text => format!("  {} · searching…", p.len()),
                (_, Some(_)) => format!("  {} of {total} · ranking…", p.len()),
                (_, None) => format!("  {} of {total}", p.len()),
            },
            theme.dim(),
        )),
    ];
    let preview_rows = 6usize.min(usize::from(inner.height) / 3);
    let list_rows = usize::from(inner.height).saturating_sub(2 + preview_rows + 1);
    let top = p.selected.saturating_sub(list_rows.saturating_sub(1));
    let mut preview: Option<(usize, TextSpan)> = None;
    if full_text {
        for (i, hit) in p.text_hits.iter().enumerate().skip(top).take(list_rows) {
            let selected = i == p.selected;
            let base = if selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            let title = state
                .corpus
                .get(hit.article)
                .map(|e| e.article.title.as_str())
                .unwrap_or("");
            let (l, h, r) = (
                sanitize(&hit.context.0),
                sanitize(&hit.context.1),
                sanitize(&hit.context.2),
            );
            let (l, h, r) = (&l, &h, &r);
            let mut row = vec![Span::styled(if selected { "▶ " } else { "  " }, base)];
            // The article's title leads each row when there is room for it and the context.
            let title_w = if width >= 60 { (width / 4).min(30) } else { 0 };
            if title_w > 0 {
                let t = truncate(title, title_w - 2);
                let pad = title_w.saturating_sub(t.width());
                row.push(Span::styled(
                    format!("{t}{}", " ".repeat(pad)),
                    base.patch(theme.label()),
                ));
            }
            let room = width.saturating_sub(4 + title_w + h.width());
            row.push(Span::styled(super::tail_at_word(l, room / 2), base));
            row.push(Span::styled(h.clone(), theme.matched(base)));
            row.push(Span::styled(super::head_at_word(r, room - room / 2), base));
            lines.push(Line::from(row));
            if selected {
                preview = Some((hit.article, hit.span));
            }
        }
    } else if let (Some(result), Some(index)) = (&p.result, &state.work.palette_index) {
        for (i, hit) in result.hits.iter().enumerate().skip(top).take(list_rows) {
            let Some(c) = index.candidate(hit.candidate) else {
                continue;
            };
            let selected = i == p.selected;
            let base = if selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            let tag = format!("{:<9}", c.kind.name());
            let mut row = vec![
                Span::styled(if selected { "▶ " } else { "  " }, base),
                Span::styled(tag, theme.label()),
            ];
            let label_room = (width.saturating_sub(13) * 2 / 3).max(10);
            row.extend(highlighted(
                c.label,
                &hit.positions,
                label_room,
                theme,
                base,
            ));
            let used: usize = row.iter().map(|s| s.content.width()).sum();
            let detail_room = width.saturating_sub(used + 2);
            if detail_room > 8 {
                row.push(Span::raw("  "));
                row.push(Span::styled(
                    truncate(&c.detail.to_string(), detail_room),
                    theme.dim(),
                ));
            }
            lines.push(Line::from(row));
            if selected {
                preview = Some((c.article, TextSpan::new(c.offset, c.offset)));
            }
        }
    }
    while lines.len() < 2 + list_rows {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled("─".repeat(width), theme.dim())));
    if let Some((article, span)) = preview
        && let Some(entry) = state.corpus.get(article)
    {
        let text = &entry.article.text;
        let block = entry
            .article
            .body
            .iter()
            .find(|b| b.span.start <= span.start && span.start < b.span.end.max(b.span.start + 1))
            .map(|b| b.span)
            .unwrap_or(TextSpan::new(
                span.start,
                (span.start + 400).min(text.len()),
            ));
        let para = crate::state::palette::one_line(entry.article.slice(block));
        lines.push(Line::from(Span::styled(
            truncate(&entry.article.title, width),
            theme.pane_title(false),
        )));
        let body: String = para
            .chars()
            .take(width * preview_rows.saturating_sub(1))
            .collect();
        let para_area_y = inner.y + lines.len() as u16;
        frame.render_widget(Paragraph::new(lines), inner);
        let rest = Rect {
            y: para_area_y,
            height: inner.bottom().saturating_sub(para_area_y),
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(body, theme.dim())).wrap(Wrap { trim: true }),
            rest,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
    let x = inner.x + (prompt.width().min(width.saturating_sub(1))) as u16;
    frame.set_cursor_position(Position { x, y: inner.y });
}

/// Draws an entity's card: names, counts per article, and every mention in context.
pub fn draw_card(
    state: &AppState,
    canonical: &str,
    selected: usize,
    frame: &mut Frame,
    theme: &Theme,
) {
    let area = popup(frame, 120);
    let Some(card) = state.derived.card.as_ref() else {
        return;
    };
    let mentions = &card.mentions;
    let room = usize::from(area.width.saturating_sub(2));
    let block = super::overlay_block(
        &format!(" {} ", truncate(canonical, 60)),
        &state.hint_line(Section::Card, hints::CARD_HINTS),
        room,
        theme,
    );
    let inner = super::draw_frame(frame, area, block);
    let width = usize::from(inner.width);
    let (kind, spellings, per_article) = (card.kind, &card.spellings, &card.per_article);
    // The head wraps rather than being cut: the name and counts, the spellings (three lines at
    // most), then each article's title (two lines at most), hanging under its count.
    let counts = format!(
        "{kind} · {} mention{} in {} article{}",
        mentions.len(),
        if mentions.len() == 1 { "" } else { "s" },
        per_article.len(),
        if per_article.len() == 1 { "" } else { "s" }
    );
    let mut lines: Vec<Line> = Vec::new();
    if canonical.width() + 2 + counts.width() <= width {
        lines.push(Line::from(vec![
            Span::styled(canonical.to_string(), theme.key()),
            Span::styled(format!("  {counts}"), theme.dim()),
        ]));
    } else {
        lines.push(Line::from(Span::styled(
            truncate(canonical, width),
            theme.key(),
        )));
        lines.push(Line::from(Span::styled(
            truncate(&counts, width),
            theme.dim(),
        )));
    }
    let spelled = format!(
        "spellings: {}",
        spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    lines.extend(
        super::wrapped_at_most(&spelled, width, 3, 0)
            .into_iter()
            .map(Line::from),
    );
    for (a, n) in per_article.iter().take(6) {
        let title = &state.corpus[*a].article.title;
        let text = format!("{n:>4}× {title}");
        lines.extend(
            super::wrapped_at_most(&text, width, 2, 6)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.dim()))),
        );
    }
    if per_article.len() > 6 {
        lines.push(Line::from(Span::styled(
            format!("      … and {} more articles", per_article.len() - 6),
            theme.dim(),
        )));
    }
    lines.push(Line::from(""));
    let rows = usize::from(inner.height).saturating_sub(lines.len());
    let top = super::cross::first_row(selected, rows, mentions.len());
    let context = width.saturating_sub(4) / 2;
    for (i, &(a, m)) in mentions.iter().enumerate().skip(top).take(rows) {
        let entry = &state.corpus[a];
        let mention = &entry.analysis.mentions[m];
        let (l, h, r) = kwic(&entry.article, mention.span, context);
        let (l, h, r) = (sanitize(&l), sanitize(&h), sanitize(&r));
        let is_sel = i == selected;
        let base = if is_sel {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let left_room = context.saturating_sub(h.width() / 2);
        let l = super::tail_at_word(&l, left_room);
        let l = format!("{l:>left_room$}");
        lines.push(Line::from(vec![
            Span::styled(if is_sel { "▶ " } else { "  " }, base),
            Span::styled(l, base),
            Span::styled(h.clone(), theme.matched(base)),
            Span::styled(
                super::head_at_word(&r, width.saturating_sub(2 + left_room + h.width())),
                base,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
