//! Pane geometry: which panes are visible at a terminal size and where they are. Plain
//! arithmetic on our own [`Rect`], shared by `update` (page sizes, wrap width, mouse hits) and the
//! view, so both agree without the core importing a terminal crate; and [`Screen`], the
//! terminal's size and the settings that decide how the panes share it.

/// The terminal and how the panes share it.
#[derive(Debug, Clone)]
pub struct Screen {
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// The focused pane.
    pub focus: Pane,
    /// Whether the list replaces the claims pane at two-pane widths.
    pub show_list: bool,
    /// Whether the focused pane fills the screen alone.
    pub zoom: bool,
    /// Whether the terminal layer may use scroll regions.
    pub scroll_regions: bool,
    /// Mouse support on.
    pub mouse: bool,
    /// Draw without colours.
    pub no_color: bool,
    /// The colour of each part of the screen (the theme).
    pub colors: crate::colors::ColorTheme,
    /// Running inside tmux, where copying needs a tmux setting (the help says which).
    pub in_tmux: bool,
}

impl Screen {
    /// The screen before the first resize: reading pane focused, nothing zoomed.
    pub fn new(options: &super::Options) -> Self {
        Self {
            size: (0, 0),
            focus: Pane::Reader,
            show_list: false,
            zoom: false,
            scroll_regions: options.scroll_regions,
            mouse: options.mouse,
            no_color: options.no_color,
            colors: crate::colors::ColorTheme::default(),
            in_tmux: false,
        }
    }
}

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Width in columns.
    pub width: u16,
    /// Height in rows.
    pub height: u16,
}

impl Rect {
    /// True when the cell lies inside.
    pub fn contains(&self, col: u16, row: u16) -> bool {
        col >= self.x && col < self.x + self.width && row >= self.y && row < self.y + self.height
    }

    /// The area inside a one-cell border.
    pub fn inner(&self) -> Rect {
        Rect {
            x: self.x + 1,
            y: self.y + 1,
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

/// One of the three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The article list.
    List,
    /// The reading pane.
    Reader,
    /// The claims side pane.
    Claims,
}

/// Smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (40, 12);
/// From this width on, all three panes show.
pub const THREE_PANES: u16 = 120;
/// From this width on, two panes show.
pub const TWO_PANES: u16 = 80;

/// Where everything goes at one terminal size.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Geometry {
    /// Visible panes, left to right, with their areas (borders included).
    pub panes: Vec<(Pane, Rect)>,
    /// The status line.
    pub status: Rect,
    /// True when the terminal is below [`MIN_SIZE`].
    pub too_small: bool,
}

impl Geometry {
    /// The area of a pane if it is visible.
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The pane under a cell.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        self.panes
            .iter()
            .find(|(_, r)| r.contains(col, row))
            .map(|(p, _)| *p)
    }
}

/// Computes the geometry for a terminal of `width` x `height`. `show_list` matters only for two
/// panes (the list replaces the claims pane); `focus` picks the single pane below 80 columns,
/// and at any width when `zoom` is on.
pub fn compute(width: u16, height: u16, show_list: bool, focus: Pane, zoom: bool) -> Geometry {
    if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
        return Geometry {
            too_small: true,
            ..Geometry::default()
        };
    }
    let main_h = height - 1;
    let status = Rect {
        x: 0,
        y: main_h,
        width,
        height: 1,
    };
    let col = |x: u16, w: u16| Rect {
        x,
        y: 0,
        width: w,
        height: main_h,
    };
    let panes = if zoom {
        vec![(focus, col(0, width))]
    } else if width >= THREE_PANES {
        let list_w = (width * 22 / 100).clamp(28, 44);
        let claims_w = (width * 27 / 100).clamp(32, 56);
        let reader_w = width - list_w - claims_w;
        vec![
            (Pane::List, col(0, list_w)),
            (Pane::Reader, col(list_w, reader_w)),
            (Pane::Claims, col(list_w + reader_w, claims_w)),
        ]
    } else if width >= TWO_PANES {
        let side_w = (width * 34 / 100).max(28);
        let reader_w = width - side_w;
        if show_list {
            vec![
                (Pane::List, col(0, side_w)),
                (Pane::Reader, col(side_w, reader_w)),
            ]
        } else {
            vec![
                (Pane::Reader, col(0, reader_w)),
                (Pane::Claims, col(reader_w, side_w)),
            ]
        }
    } else {
        vec![(focus, col(0, width))]
    };
    Geometry {
        panes,
        status,
        too_small: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panes(g: &Geometry) -> Vec<Pane> {
        g.panes.iter().map(|(p, _)| *p).collect()
    }

    #[test]
    fn pane_count_follows_the_width() {
        assert_eq!(
            panes(&compute(160, 45, false, Pane::Reader, false)),
            [Pane::List, Pane::Reader, Pane::Claims]
        );
        assert_eq!(
            panes(&compute(120, 30, false, Pane::Reader, false)).len(),
            3
        );
        assert_eq!(
            panes(&compute(100, 30, false, Pane::Reader, false)),
            [Pane::Reader, Pane::Claims]
        );
        assert_eq!(
            panes(&compute(100, 30, true, Pane::Reader, false)),
            [Pane::List, Pane::Reader]
        );
        assert_eq!(
            panes(&compute(79, 30, false, Pane::List, false)),
            [Pane::List]
        );
        assert!(compute(39, 30, false, Pane::Reader, false).too_small);
        assert!(compute(80, 11, false, Pane::Reader, false).too_small);
    }

    #[test]
    fn zoom_shows_the_focused_pane_alone_at_full_width() {
        for width in [79, 100, 160] {
            for pane in [Pane::List, Pane::Reader, Pane::Claims] {
                let g = compute(width, 45, true, pane, true);
                assert_eq!(panes(&g), [pane]);
                assert_eq!(g.rect(pane).map(|r| (r.x, r.width)), Some((0, width)));
            }
        }
        assert!(compute(39, 30, false, Pane::Reader, true).too_small);
    }

    #[test]
    fn panes_tile_the_width_exactly() {
        for w in [40, 79, 80, 119, 120, 160, 300] {
            let g = compute(w, 24, false, Pane::Reader, false);
            let total: u16 = g.panes.iter().map(|(_, r)| r.width).sum();
            assert_eq!(total, w);
        }
    }
}
