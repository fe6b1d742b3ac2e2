//! Tables for the overlays: column widths chosen by priority for the room there is, and cells
//! that wrap onto more lines instead of being cut.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Cells between two columns.
pub const GAP: usize = 2;

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Heading shown above the column.
    pub header: &'static str,
    /// Narrowest useful width.
    pub min: usize,
    /// Widest the column grows.
    pub max: usize,
    /// Columns with the lowest priority are dropped first when the room runs out.
    pub priority: u8,
    /// The column that takes the room left over (at most one per table).
    pub flex: bool,
}

impl Column {
    /// A fixed-range column.
    pub const fn new(header: &'static str, min: usize, max: usize, priority: u8) -> Self {
        Self {
            header,
            min,
            max,
            priority,
            flex: false,
        }
    }

    /// The column that takes the rest of the width.
    pub const fn flex(header: &'static str, min: usize) -> Self {
        Self {
            header,
            min,
            max: usize::MAX,
            priority: u8::MAX,
            flex: true,
        }
    }
}

/// Widths for `cols` in `width` cells (`None` for a dropped column). The flex column keeps at
/// least `flex_share` of the width; the others are dropped from the lowest priority up until
/// their minimum widths fit, then grow toward their maximum by priority.
pub fn widths(cols: &[Column], width: usize, flex_share: f64) -> Vec<Option<usize>> {
    let flex_floor = |c: &Column| c.min.max((width as f64 * flex_share).floor() as usize);
    let mut shown: Vec<bool> = vec![true; cols.len()];
    let need = |shown: &[bool]| -> usize {
        let n = shown.iter().filter(|s| **s).count();
        cols.iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| if c.flex { flex_floor(c) } else { c.min })
            .sum::<usize>()
            + GAP * n.saturating_sub(1)
    };
    while need(&shown) > width {
        let drop = cols
            .iter()
            .enumerate()
            .filter(|(i, c)| shown[*i] && !c.flex)
            .min_by_key(|(i, c)| (c.priority, usize::MAX - i))
            .map(|(i, _)| i);
        match drop {
            Some(i) => shown[i] = false,
            None => break,
        }
    }
    let mut out: Vec<Option<usize>> = cols
        .iter()
        .zip(&shown)
        .map(|(c, s)| {
            s.then_some(if c.flex {
                flex_floor(c).min(width)
            } else {
                c.min
            })
        })
        .collect();
    let used = |out: &[Option<usize>]| {
        let n = out.iter().flatten().count();
        out.iter().flatten().sum::<usize>() + GAP * n.saturating_sub(1)
    };
    let mut spare = width.saturating_sub(used(&out));
    let mut order: Vec<usize> = (0..cols.len())
        .filter(|i| shown[*i] && !cols[*i].flex)
        .collect();
    order.sort_by_key(|i| std::cmp::Reverse(cols[*i].priority));
    for i in order {
        if let Some(w) = out[i].as_mut() {
            let grow = cols[i].max.saturating_sub(*w).min(spare);
            *w += grow;
            spare -= grow;
        }
    }
    if let Some(i) = cols.iter().position(|c| c.flex)
        && let Some(w) = out[i].as_mut()
    {
        *w += spare;
    }
    out
}

/// Widths a table's columns need for `rows` (the widest cell or header of each, at least the
/// column's minimum), used as the columns' maximum so short columns give their room away.
pub fn fitted(cols: &[Column], rows: &[Vec<String>]) -> Vec<Column> {
    cols.iter()
        .enumerate()
        .map(|(i, c)| {
            if c.flex {
                return *c;
            }
            let widest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.width())
                .chain(std::iter::once(c.header.width()))
                .max()
                .unwrap_or(0);
            Column {
                max: widest.clamp(c.min, c.max),
                ..*c
            }
        })
        .collect()
}

/// Wraps `text` to `width` cells (long words broken), at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return vec![String::new()];
    }
    let clean = crate::reflow::sanitize(text);
    let lines: Vec<String> = textwrap::wrap(&clean, textwrap::Options::new(width))
        .into_iter()
        .map(|c| c.into_owned())
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// One table row as screen lines: each shown cell wrapped to its width, padded, columns
/// separated by [`GAP`]; `prefix` (a selection marker) starts the first line and is blank on
/// the others. `style` applies to the whole row; `cell_styles` patch each cell.
pub fn row_lines(
    prefix: &str,
    cells: &[String],
    cell_styles: &[Style],
    widths: &[Option<usize>],
    style: Style,
) -> Vec<Line<'static>> {
    row_lines_with(prefix, cells, cell_styles, widths, style, &wrap)
}

/// [`row_lines`] with cells wrapped by `wrap(text, width)` (a hyphenating wrap, say).
pub fn row_lines_with(
    prefix: &str,
    cells: &[String],
    cell_styles: &[Style],
    widths: &[Option<usize>],
    style: Style,
    wrap: &dyn Fn(&str, usize) -> Vec<String>,
) -> Vec<Line<'static>> {
    let wrapped: Vec<Option<(Vec<String>, usize)>> = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| w.map(|w| (wrap(c, w), w)))
        .collect();
    let height = wrapped
        .iter()
        .flatten()
        .map(|(l, _)| l.len())
        .max()
        .unwrap_or(1);
    let blank = " ".repeat(prefix.width());
    (0..height)
        .map(|r| {
            let mut spans = vec![Span::styled(
                if r == 0 {
                    prefix.to_string()
                } else {
                    blank.clone()
                },
                style,
            )];
            let mut first = true;
            for (i, cell) in wrapped.iter().enumerate() {
                let Some((lines, w)) = cell else { continue };
                if !first {
                    spans.push(Span::styled(" ".repeat(GAP), style));
                }
                first = false;
                let text = lines.get(r).map(String::as_str).unwrap_or("");
                let pad = w.saturating_sub(text.width());
                let cs = style.patch(cell_styles.get(i).copied().unwrap_or_default());
                // The cell's own style (an underline, say) covers its text, not the padding.
                spans.push(Span::styled(text.to_string(), cs));
                if pad > 0 {
                    spans.push(Span::styled(" ".repeat(pad), style));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// The header line of a table.
pub fn header_line(
    prefix: &str,
    cols: &[Column],
    widths: &[Option<usize>],
    style: Style,
) -> Line<'static> {
    let cells: Vec<String> = cols.iter().map(|c| c.header.to_string()).collect();
    row_lines(&" ".repeat(prefix.width()), &cells, &[], widths, style)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The first row to draw so that row `selected` (of rows `heights` lines tall) is shown whole
/// in `room` lines, with one more row below it when there is space, so the selection never
/// sits on the bottom edge while more rows follow.
pub fn first_visible(heights: &[usize], selected: usize, room: usize) -> usize {
    let Some(last) = heights.len().checked_sub(1) else {
        return 0;
    };
    let sel = selected.min(last);
    for target in [(sel + 1).min(last), sel] {
        let mut used = 0;
        let mut first = target + 1;
        while first > 0 && used + heights[first - 1] <= room {
            used += heights[first - 1];
            first -= 1;
        }
        if first <= sel {
            return first;
        }
    }
    sel
}

/// The lines of a table's rows that fit in `room` lines with row `selected` shown whole (see
/// [`first_visible`]). `row(i)` draws row `i` of `len`; only rows near the selection are drawn,
/// so a long table costs no more than a screenful.
pub fn visible_rows(
    len: usize,
    selected: usize,
    room: usize,
    row: impl Fn(usize) -> Vec<Line<'static>>,
) -> Vec<Line<'static>> {
    if len == 0 || room == 0 {
        return Vec::new();
    }
    let selected = selected.min(len - 1);
    let start = selected.saturating_sub(room);
    let end = (selected + room + 1).min(len);
    let drawn: Vec<Vec<Line<'static>>> = (start..end).map(row).collect();
    let heights: Vec<usize> = drawn.iter().map(Vec::len).collect();
    let first = first_visible(&heights, selected - start, room);
    let mut lines: Vec<Line<'static>> = drawn.into_iter().skip(first).flatten().collect();
    lines.truncate(room);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: [Column; 4] = [
        Column::new("source", 8, 24, 5),
        Column::new("figure", 10, 20, 4),
        Column::new("article", 10, 30, 1),
        Column::flex("claim", 12),
    ];

    #[test]
    fn wide_tables_keep_every_column_and_give_the_rest_to_the_flex_column() {
        let w = widths(&COLS, 160, 0.4);
        assert_eq!(w, vec![Some(24), Some(20), Some(30), Some(160 - 74 - 6)]);
    }

    #[test]
    fn narrow_tables_drop_the_lowest_priority_first_and_keep_half_for_text() {
        let w = widths(&COLS, 50, 0.5);
        assert_eq!(w[2], None, "{w:?}");
        assert!(w[3].unwrap() >= 25);
        let total: usize =
            w.iter().flatten().sum::<usize>() + GAP * (w.iter().flatten().count() - 1);
        assert_eq!(total, 50);
        let w = widths(&COLS, 30, 0.5);
        assert_eq!(w.iter().flatten().count(), 2, "{w:?}");
        assert_eq!(w[0], Some(13));
    }

    #[test]
    fn rows_wrap_instead_of_cutting() {
        let lines = row_lines(
            "> ",
            &["Reuters".into(), "ein langer Satz über Soldaten".into()],
            &[],
            &[Some(8), Some(12)],
            Style::new(),
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text[0], "> Reuters   ein langer  ");
        assert!(text.iter().any(|l| l.contains("Soldaten")), "{text:?}");
        assert!(text[1].starts_with("  "));
    }

    #[test]
    fn a_cell_style_covers_the_text_and_not_the_padding() {
        use ratatui::style::Modifier;
        let under = Style::new().add_modifier(Modifier::UNDERLINED);
        let lines = row_lines(
            "  ",
            &["Kim".into(), "person".into()],
            &[under, Style::new()],
            &[Some(8), Some(6)],
            Style::new(),
        );
        let underlined: String = lines[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(underlined, "Kim");
        assert_eq!(lines[0].to_string(), "  Kim       person");
    }

    #[test]
    fn the_selection_stays_off_the_bottom_edge() {
        let heights = [2, 2, 2, 2, 2, 2];
        assert_eq!(first_visible(&heights, 0, 6), 0);
        // Rows 2 and 3 fill lines 0-3, row 3 (after the selection) shows below it.
        assert_eq!(first_visible(&heights, 2, 6), 1);
        assert_eq!(first_visible(&heights, 5, 6), 3);
        // A row taller than the room still starts at the selection.
        assert_eq!(first_visible(&[1, 9, 1], 1, 4), 1);
    }
}
