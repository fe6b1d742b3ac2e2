//! The timeline on a date axis: a density strip of events per month, the selected event's date
//! as a span on that axis, and the events below as a table whose text keeps at least half the
//! width and wraps.

use super::table::{self, Column};
use crate::corpus::timeline::Event;
use crate::dates::{civil_from_days, day_span, days_from_civil};
use crate::model::EntityKind;
use crate::state::AppState;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

/// Event table columns: the date stays longest, the article goes first.
const COLUMNS: [Column; 3] = [
    Column::new("when", 7, 16, 5),
    Column::flex("event", 12),
    Column::new("article", 14, 30, 2),
];

/// Months from `first` to `last` inclusive, as (year, month).
fn months(first: (i32, u8), last: (i32, u8)) -> Vec<(i32, u8)> {
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last && out.len() < 1200 {
        out.push((y, m));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// The month a day falls in.
fn month_of(day: i64) -> (i32, u8) {
    let (y, m, _) = civil_from_days(day);
    (y, m)
}

/// Events per month over the months the events cover; an event whose date spans several months
/// ("2024", "Herbst 2024") counts a share in each.
pub fn density(events: &[Event]) -> (Vec<(i32, u8)>, Vec<f64>) {
    let spans: Vec<(i64, i64)> = events.iter().map(|e| day_span(&e.date)).collect();
    let (Some(lo), Some(hi)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1 - 1).max(),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let axis = months(month_of(lo), month_of(hi));
    let mut counts = vec![0.0; axis.len()];
    for (a, b) in spans {
        let covered: Vec<usize> = axis
            .iter()
            .enumerate()
            .filter(|(_, (y, m))| {
                let start = days_from_civil(*y, *m, 1);
                let (ny, nm) = if *m == 12 { (y + 1, 1) } else { (*y, m + 1) };
                start < b && a < days_from_civil(ny, nm, 1)
            })
            .map(|(i, _)| i)
            .collect();
        let share = 1.0 / covered.len().max(1) as f64;
        for i in covered {
            counts[i] += share;
        }
    }
    (axis, counts)
}

/// Cells of the strip for `n` months in `width` cells: each month gets the same whole number of
/// cells when they fit, else neighbouring months share a cell (their counts added).
fn bucket(counts: &[f64], width: usize) -> (Vec<f64>, f64) {
    if counts.is_empty() || width == 0 {
        return (Vec::new(), 1.0);
    }
    if counts.len() <= width {
        let per = width / counts.len();
        let cells = counts
            .iter()
            .flat_map(|c| std::iter::repeat_n(*c, per))
            .collect();
        (cells, per as f64)
    } else {
        let per = counts.len().div_ceil(width);
        let cells = counts.chunks(per).map(|c| c.iter().sum()).collect();
        (cells, 1.0 / per as f64)
    }
}

/// Draws the timeline.
pub fn draw_timeline(
    state: &AppState,
    selected: usize,
    entity: Option<&str>,
    frame: &mut Frame,
    theme: &Theme,
) {
    let events = &state.derived.events;
    let articles: std::collections::BTreeSet<usize> = events.iter().map(|e| e.article).collect();
    let mut filters = Vec::new();
    if let Some(e) = entity {
        filters.push(format!("naming {e}"));
    }
    if let Some(a) = state
        .overlays
        .timeline_source
        .and_then(|a| state.corpus.get(a))
    {
        filters.push(format!("from {}", a.article.title));
    }
    let filter = if filters.is_empty() {
        String::new()
    } else {
        format!(" · {}", filters.join(" · "))
    };
    let title = super::truncate(
        &format!(
            " Timeline: {} events from {} articles{filter} ",
            events.len(),
            articles.len()
        ),
        usize::from(frame.area().width.saturating_sub(8)),
    );
    let block = super::cross::framed(frame, title, hint(state), theme);
    let inner = super::cross::popup(frame, block);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let (axis, counts) = density(events);
    let strip_h: u16 = match inner.height {
        h if h >= 24 => 3,
        h if h >= 12 => 2,
        h if h >= 8 => 1,
        _ => 0,
    };
    let mut top = inner.y;
    if strip_h > 0 && !axis.is_empty() {
        let label = "per month ";
        let label_w = if inner.width >= 40 {
            label.width() as u16
        } else {
            0
        };
        let strip = Rect {
            x: inner.x + label_w,
            y: inner.y,
            width: inner.width - label_w,
            height: strip_h,
        };
        let (cells, cells_per_month) = bucket(&counts, usize::from(strip.width));
        let data: Vec<u64> = cells.iter().map(|c| (c * 100.0).round() as u64).collect();
        frame.render_widget(
            Sparkline::default()
                .data(data)
                .style(theme.entity(EntityKind::Date)),
            strip,
        );
        let buf = frame.buffer_mut();
        if label_w > 0 {
            buf.set_string(
                inner.x,
                inner.y + strip_h - 1,
                label.trim_end(),
                theme.dim(),
            );
        }
        // Where a day lies on the strip.
        let used = (cells.len() as f64).min(f64::from(strip.width));
        let col = |day: i64| -> u16 {
            let (y, m, d) = civil_from_days(day);
            let month_index =
                (i64::from(y) - i64::from(axis[0].0)) * 12 + i64::from(m) - i64::from(axis[0].1);
            let pos = (month_index as f64 + f64::from(d - 1) / 31.0) * cells_per_month;
            strip.x + (pos.clamp(0.0, (used - 1.0).max(0.0)) as u16)
        };
        // The selected event's date as a span on the axis.
        let track_y = inner.y + strip_h;
        if let Some(e) = events.get(selected) {
            let (a, b) = day_span(&e.date);
            let (ca, cb) = (col(a), col(b - 1));
            let mark = if cb > ca {
                "━".repeat(usize::from(cb - ca + 1))
            } else {
                "▲".to_string()
            };
            buf.set_string(ca, track_y, &mark, theme.entity(EntityKind::Date));
        }
        // Year (or month) labels on the row below.
        let labels_y = track_y + 1;
        let mut free_from = strip.x;
        for (i, (y, m)) in axis.iter().enumerate() {
            let wide = cells_per_month >= 8.0;
            if !(*m == 1 || i == 0 || (wide && (*m - 1) % 3 == 0)) {
                continue;
            }
            let text = if wide || *m != 1 {
                format!("{y}-{m:02}")
            } else {
                y.to_string()
            };
            let x = col(days_from_civil(*y, *m, 1));
            if x >= free_from && x + (text.width() as u16) < strip.x + strip.width {
                buf.set_string(x, labels_y, format!("┊{text}"), theme.dim());
                free_from = x + text.width() as u16 + 2;
            }
        }
        top = labels_y + 1;
    }
    let area = Rect {
        x: inner.x,
        y: top,
        width: inner.width,
        height: inner.height.saturating_sub(top - inner.y),
    };
    draw_events(state, events, selected, area, frame, theme);
}

/// The overlay's bottom line, from the keys the active keymap binds.
fn hint(state: &AppState) -> String {
    state.hint_line(
        crate::keymap::Section::Timeline,
        crate::state::hints::TIMELINE_HINTS,
    )
}

/// The events as a table, the selection kept off the bottom edge.
fn draw_events(
    state: &AppState,
    events: &[Event],
    selected: usize,
    area: Rect,
    frame: &mut Frame,
    theme: &Theme,
) {
    if area.height == 0 {
        return;
    }
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let title = state
                .corpus
                .get(e.article)
                .map(|x| x.article.title.clone())
                .unwrap_or_default();
            vec![e.date.to_string(), e.text.clone(), title]
        })
        .collect();
    let cols = table::fitted(&COLUMNS, &rows);
    let widths = table::widths(&cols, usize::from(area.width).saturating_sub(2), 0.5);
    let date_style = theme.entity(EntityKind::Date);
    let rendered: Vec<Vec<Line>> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let sel = i == selected;
            let style = if sel { theme.selected() } else { Style::new() };
            table::row_lines(
                if sel { "▶ " } else { "  " },
                cells,
                &[date_style, Style::new(), theme.dim()],
                &widths,
                style,
            )
        })
        .collect();
    let heights: Vec<usize> = rendered.iter().map(Vec::len).collect();
    let room = usize::from(area.height);
    let first = table::first_visible(&heights, selected, room);
    let mut lines: Vec<Line> = Vec::new();
    for row in rendered.into_iter().skip(first) {
        if lines.len() >= room {
            break;
        }
        lines.extend(row);
    }
    if events.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no dated events match the filters",
            theme.dim(),
        )));
    }
    lines.truncate(room);
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DatePart, PartialDate, Span as TextSpan};

    fn ev(date: PartialDate) -> Event {
        Event {
            date,
            text: String::new(),
            article: 0,
            span: TextSpan::new(0, 0),
            date_span: TextSpan::new(0, 0),
            entities: Vec::new(),
        }
    }

    #[test]
    fn density_counts_events_per_month_and_spreads_partial_dates() {
        let (axis, counts) = density(&[
            ev(PartialDate::ymd(2024, 6, 19)),
            ev(PartialDate::ym(2024, 6)),
            ev(PartialDate::ym(2024, 10).with_part(DatePart::Late)),
            ev(PartialDate::y(2024)),
        ]);
        assert_eq!(axis.first(), Some(&(2024, 1)));
        assert_eq!(axis.last(), Some(&(2024, 12)));
        let june = counts[5];
        assert!((june - (2.0 + 1.0 / 12.0)).abs() < 1e-9, "{counts:?}");
        let total: f64 = counts.iter().sum();
        assert!((total - 4.0).abs() < 1e-9);
    }

    #[test]
    fn months_stretch_or_share_cells() {
        let (cells, per) = bucket(&[1.0, 2.0], 7);
        assert_eq!(cells, vec![1.0, 1.0, 1.0, 2.0, 2.0, 2.0]);
        assert_eq!(per, 3.0);
        let (cells, per) = bucket(&[1.0; 10], 4);
        assert_eq!(cells, vec![3.0, 3.0, 3.0, 1.0]);
        assert_eq!(per, 1.0 / 3.0);
    }
}
