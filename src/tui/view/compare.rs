//! A claim group as a picture: each source's figure (or event date) on a shared date axis drawn
//! on a Braille canvas with the source beside it, and below it the members as a table whose
//! cells wrap. The geometry comes from [`crate::corpus::compare::chart`]; this module only paints it.

use super::table::{self, Column};
use crate::corpus::compare::chart::{Chart, Level};
use crate::keymap::Section;
use crate::state::AppState;
use crate::state::hints;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};
use unicode_width::UnicodeWidthStr;

/// Columns of the member table, by priority: source and figure stay longest, the stance goes
/// first. The article is a heading above its members.
const COLUMNS: [Column; 5] = [
    Column::new("source", 8, 26, 6),
    Column::new("figure / date", 8, 26, 5),
    Column::new("when", 7, 11, 4),
    Column::new("stance", 8, 10, 1),
    Column::flex("claim", 12),
];

/// Draws one claim group: the verdict, the chart and the member table.
pub fn draw_group(
    state: &AppState,
    group: usize,
    selected: usize,
    frame: &mut Frame,
    theme: &Theme,
) {
    let Some(cross) = state.work.cross.as_ref() else {
        return;
    };
    let (Some(g), Some(chart)) = (cross.groups.get(group), cross.charts.get(group)) else {
        return;
    };
    let block = super::cross::framed(
        frame,
        format!(" Compare: {} ", g.topic),
        state.hint_line(Section::Group, hints::GROUP_HINTS),
        theme,
    );
    let inner = super::cross::popup(frame, block);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let verdict = if g.disagreement {
        "FIGURES DISAGREE"
    } else {
        "consistent"
    };
    let axis = match (chart.unit.is_empty(), chart.log) {
        (true, _) => String::new(),
        (false, true) => format!(" · y: {} (log)", chart.unit),
        (false, false) => format!(" · y: {}", chart.unit),
    };
    let undated = if chart.undated.is_empty() {
        String::new()
    } else {
        format!(" · {} undated, not drawn", chart.undated.len())
    };
    let summary = format!(
        "{verdict} · {} claims from {} articles · {} independent source{}{axis}{undated}",
        g.members.len(),
        g.article_count(),
        g.independent_sources,
        if g.independent_sources == 1 { "" } else { "s" }
    );
    let verdict_style = if g.disagreement {
        theme.warning().add_modifier(Modifier::REVERSED)
    } else {
        theme.info()
    };
    let mut summary_lines: Vec<Line> = table::wrap(&summary, usize::from(inner.width))
        .into_iter()
        .map(Line::from)
        .collect();
    if let Some(first) = summary_lines.first_mut()
        && let Some(rest) = first.to_string().strip_prefix(verdict)
    {
        *first = Line::from(vec![
            Span::styled(verdict, verdict_style),
            Span::raw(rest.to_string()),
        ]);
    }
    summary_lines.truncate(usize::from(inner.height));
    let summary_height = summary_lines.len() as u16;
    frame.render_widget(
        Paragraph::new(summary_lines),
        Rect {
            height: summary_height,
            ..inner
        },
    );
    let rest = inner.height.saturating_sub(summary_height);
    let chart_height = chart_rows(rest, chart.has_vague);
    let chart_area = Rect {
        x: inner.x,
        y: inner.y + summary_height,
        width: inner.width,
        height: chart_height,
    };
    if chart_height > 0 {
        draw_chart(chart, chart_area, frame, theme);
    }
    let table_area = Rect {
        x: inner.x,
        y: chart_area.y + chart_height,
        width: inner.width,
        height: rest.saturating_sub(chart_height),
    };
    draw_members(state, g, chart, selected, table_area, frame, theme);
}

/// Rows given to the chart out of `rest`: about half, at least enough for a readable plot, none
/// when the table would be left with fewer than four lines.
fn chart_rows(rest: u16, has_vague: bool) -> u16 {
    let min = 5 + u16::from(has_vague);
    if rest < min + 5 {
        return 0;
    }
    (rest / 2).clamp(min, 18)
}

/// The colour of a mark on the canvas (the canvas draws colours only; labels carry the rest).
fn mark_colour(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

/// Paints the chart into `area`: value labels on the left, dates along the bottom, a band for
/// vague counts on top, the marks on a Braille canvas and their labels beside them.
fn draw_chart(chart: &Chart, area: Rect, frame: &mut Frame, theme: &Theme) {
    let band = u16::from(chart.has_vague);
    let label_w = chart.y.ticks.iter().map(|t| t.1.width()).max().unwrap_or(0) as u16;
    let left = if label_w > 0 { label_w + 1 } else { 0 };
    let plot = Rect {
        x: area.x + left,
        y: area.y + band,
        width: area.width.saturating_sub(left + 1),
        height: area.height.saturating_sub(band + 1),
    };
    if plot.width < 4 || plot.height < 2 {
        return;
    }
    let agree = mark_colour(theme.info());
    let disagree = mark_colour(theme.warning());
    let dim = mark_colour(theme.dim());
    let (xs, ys) = ([chart.x.min, chart.x.max], [chart.y.min, chart.y.max]);
    // Height of one Braille dot in y units: ranges shorter than that are drawn as points.
    let dot = (ys[1] - ys[0]) / (f64::from(plot.height) * 4.0);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(xs)
        .y_bounds(ys)
        .paint(|ctx| {
            ctx.draw(&CanvasLine::new(xs[0], ys[0], xs[1], ys[0], dim));
            for m in &chart.marks {
                let colour = if m.disagrees { disagree } else { agree };
                let xm = (m.x.0 + m.x.1) / 2.0;
                let (a, b) = match m.level {
                    Level::Value(a, b) => (a, b),
                    Level::Row(r) => (r as f64, r as f64),
                    Level::Vague => continue,
                };
                if b - a > dot {
                    ctx.draw(&CanvasLine::new(xm, a, xm, b, colour));
                } else {
                    ctx.draw(&Points {
                        coords: &[(xm, a)],
                        color: colour,
                    });
                }
                // A month or season is a span along the time axis.
                let mid = (a + b) / 2.0;
                ctx.draw(&CanvasLine::new(m.x.0, mid, m.x.1, mid, colour));
            }
        });
    frame.render_widget(canvas, plot);
    let buf = frame.buffer_mut();
    let col = |x: f64| plot.x + (chart.x.fraction(x) * f64::from(plot.width - 1)).round() as u16;
    let row = |y: f64| {
        plot.y + plot.height - 1 - (chart.y.fraction(y) * f64::from(plot.height - 1)).round() as u16
    };
    // Value labels, right-aligned against the plot.
    for (v, label) in &chart.y.ticks {
        let w = label.width() as u16;
        buf.set_string(area.x + label_w - w, row(*v), label, theme.dim());
    }
    // Date labels along the bottom, skipping any that would touch the previous one.
    let bottom = area.y + area.height - 1;
    let mut free_from = area.x;
    for (d, label) in &chart.x.ticks {
        let w = label.width() as u16;
        let x = col(*d)
            .saturating_sub(w / 2)
            .min((area.x + area.width).saturating_sub(w));
        if x >= free_from {
            buf.set_string(x, bottom, label, theme.dim());
            free_from = x + w + 1;
        }
    }
    if band == 1 {
        buf.set_string(area.x, area.y, "vague", theme.dim());
    }
    // Labels beside the marks, moved up or down a row when another label is in the way.
    let mut taken: Vec<(u16, u16, u16)> = Vec::new(); // (row, from, to)
    let right = area.x + area.width;
    for m in &chart.marks {
        let style = if m.disagrees {
            theme.warning()
        } else if m.level == Level::Vague {
            theme.dim()
        } else {
            Style::new()
        };
        let xm = (m.x.0 + m.x.1) / 2.0;
        let at = col(m.x.1).max(col(xm)) + 1;
        let rows: Vec<u16> = match m.level {
            Level::Vague => vec![area.y],
            Level::Value(a, b) => nearby(row((a + b) / 2.0), plot.y, plot.y + plot.height - 1),
            Level::Row(r) => nearby(row(r as f64), plot.y, plot.y + plot.height - 1),
        };
        let text = format!("{} {}", m.value, m.source);
        place_label(buf, &mut taken, &rows, at, col(m.x.0), right, &text, style);
    }
}

/// Rows to try for a label, nearest to `home` first, within `top..=bottom`.
fn nearby(home: u16, top: u16, bottom: u16) -> Vec<u16> {
    let mut out = vec![home];
    for d in 1..=(bottom - top) {
        if let Some(up) = home.checked_sub(d).filter(|r| *r >= top) {
            out.push(up);
        }
        if home + d <= bottom {
            out.push(home + d);
        }
    }
    out
}

/// Writes `text` right of `after` (or left of `before` when it does not fit there) on the
/// first row of `rows` where it overlaps no label already placed; cut to the room left as a
/// last resort.
#[allow(clippy::too_many_arguments)]
fn place_label(
    buf: &mut Buffer,
    taken: &mut Vec<(u16, u16, u16)>,
    rows: &[u16],
    after: u16,
    before: u16,
    right: u16,
    text: &str,
    style: Style,
) {
    let w = text.width() as u16;
    let free = |taken: &[(u16, u16, u16)], r: u16, a: u16, b: u16| {
        !taken
            .iter()
            .any(|&(tr, ta, tb)| tr == r && a < tb && ta < b)
    };
    for &r in rows {
        let spots = [
            (after, after + w),
            (before.saturating_sub(w + 1), before.saturating_sub(1)),
        ];
        for (a, b) in spots {
            if b <= right && a < b && free(taken.as_slice(), r, a, b + 1) {
                buf.set_string(a, r, text, style);
                taken.push((r, a, b + 1));
                return;
            }
        }
    }
    if let Some(&r) = rows.first()
        && after < right
    {
        let cut = super::truncate(text, usize::from(right - after));
        buf.set_string(after, r, &cut, style);
        taken.push((r, after, right));
    }
}

/// The member table: one row per claim, wrapped to the room, the selection kept in view with
/// the next row below it.
fn draw_members(
    state: &AppState,
    g: &crate::corpus::compare::ClaimGroup,
    chart: &Chart,
    selected: usize,
    area: Rect,
    frame: &mut Frame,
    theme: &Theme,
) {
    if area.height == 0 {
        return;
    }
    let prefix_w = 2;
    let rows: Vec<Vec<String>> = g
        .members
        .iter()
        .map(|m| {
            let entry = state.corpus.get(m.article);
            let claim = entry
                .and_then(|e| e.analysis.claims.get(m.claim_index))
                .map(|c| crate::state::palette::one_line(&c.text))
                .unwrap_or_default();
            let figure = match (&m.figure, &m.event_date) {
                (Some(f), _) => crate::corpus::compare::format_figure(f),
                (None, Some(d)) => d.to_string(),
                (None, None) => String::new(),
            };
            vec![
                m.source.clone(),
                figure,
                match (m.time, m.time_estimated) {
                    (Some(d), false) => d.iso(),
                    // An undated article written on or after the latest date it mentions.
                    (Some(d), true) => format!("≥{}", d.iso()),
                    (None, _) => "undated".to_string(),
                },
                m.stance.name().to_string(),
                claim,
            ]
        })
        .collect();
    let cols = table::fitted(&COLUMNS, &rows);
    let widths = table::widths(&cols, usize::from(area.width).saturating_sub(prefix_w), 0.4);
    let mut lines = vec![table::header_line("  ", &cols, &widths, theme.dim())];
    let disagrees: Vec<bool> = (0..g.members.len())
        .map(|i| chart.marks.iter().any(|m| m.member == i && m.disagrees))
        .collect();
    let rendered: Vec<Vec<Line>> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let sel = i == selected;
            let style = if sel { theme.selected() } else { Style::new() };
            let figure_style = if disagrees[i] {
                theme.warning()
            } else {
                Style::new()
            };
            let styles = [
                Style::new(),
                figure_style,
                theme.dim(),
                theme.dim(),
                Style::new(),
            ];
            let mut lines = Vec::new();
            // The article heads the first of its members.
            let article = g.members[i].article;
            if i == 0 || g.members[i - 1].article != article {
                let title = state
                    .corpus
                    .get(article)
                    .map(|e| e.article.title.as_str())
                    .unwrap_or("");
                for l in table::wrap(&format!("── {title}"), usize::from(area.width)) {
                    lines.push(Line::from(Span::styled(l, theme.label())));
                }
            }
            lines.extend(table::row_lines(
                if sel { "▶ " } else { "  " },
                cells,
                &styles,
                &widths,
                style,
            ));
            lines
        })
        .collect();
    let heights: Vec<usize> = rendered.iter().map(Vec::len).collect();
    let room = usize::from(area.height).saturating_sub(1);
    let first = table::first_visible(&heights, selected, room);
    for row in rendered.into_iter().skip(first) {
        if lines.len() > room {
            break;
        }
        lines.extend(row);
    }
    lines.truncate(usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_move_to_a_free_row() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        let mut taken = Vec::new();
        place_label(
            &mut buf,
            &mut taken,
            &[1, 0, 2],
            2,
            0,
            30,
            "10.000 A",
            Style::new(),
        );
        place_label(
            &mut buf,
            &mut taken,
            &[1, 0, 2],
            3,
            0,
            30,
            "12.000 B",
            Style::new(),
        );
        let row = |y: u16| (0..30).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert!(row(1).contains("10.000 A"), "{:?}", row(1));
        assert!(row(0).contains("12.000 B"), "{:?}", row(0));
        assert_eq!(nearby(2, 0, 3), vec![2, 1, 3, 0]);
    }

    #[test]
    fn the_chart_gets_rows_only_when_the_table_keeps_some() {
        assert_eq!(chart_rows(8, false), 0);
        assert_eq!(chart_rows(12, false), 6);
        assert_eq!(chart_rows(40, true), 18);
    }
}
